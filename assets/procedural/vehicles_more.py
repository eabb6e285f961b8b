"""More vehicles at real size, front toward -Y and length along Y like vehicles.py: a standalone wheel,
a minivan, a fire engine, a trailer truck, a baby buggy and a railcar.
"""
from __future__ import annotations

import numpy as np

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.palette import BLACK, DARK_METAL, FABRICS, METAL, WHITE
from fyi.assets.procedural.shapes import (box, ellipsoid, hull, jitter, lathe, make_asset, part, pick, rod, rotate,
                                          superellipsoid, torus, vary)
from fyi.assets.procedural.vehicles import CAR_PAINTS, HEADLIGHT, TAILLIGHT, TYRE, WINDOW, car_wheel

FIRE_RED = (0.78, 0.06, 0.05)


def wheels_at(axles, half_track: float, radius: float, width: float) -> tuple[list, list]:
    """Tyres and hubs of a pair of wheels on each axle (y positions)."""
    tyres, hubs = [], []
    for y in axles:
        for x in (-1, 1):
            t, h = car_wheel((x * half_track, y, radius), radius, width)
            tyres += t
            hubs += h
    return tyres, hubs


def side_windows(half_w: float, y0: float, y1: float, z0: float, z1: float, pitch: float) -> tuple[list, list]:
    """A row of dark windows along both sides between y0 and y1, with pillars every `pitch` metres."""
    glass, pillars = [], []
    for x in (-1, 1):
        glass.append(box((0.03, y1 - y0, z1 - z0), (x * half_w, (y0 + y1) / 2, (z0 + z1) / 2)))
        for y in np.arange(y0, y1 + 1e-6, pitch):
            pillars.append(box((0.05, 0.12, z1 - z0 + 0.02), (x * (half_w + 0.005), y, (z0 + z1) / 2)))
    return glass, pillars


@category("wheel", size=((0.5, 0.9), (0.5, 0.9)), group="vehicle", placement="floor",
          synonyms=("tire", "tyre", "car wheel", "car tire", "car tyre", "spare tire", "spare wheel", "tires", "tyres"))
def wheel(rng: np.random.Generator) -> Asset:
    R = vary(rng, 0.33, 0.12)
    w = R * vary(rng, 0.65, 0.12)
    rim_r = R * vary(rng, 0.66, 0.06)
    # the tyre: a rounded ring about Z, then stood on its tread with its face toward -Y
    tyre = lathe([(rim_r, -w / 2), (R - 0.03, -w / 2), (R, -w / 2 + 0.04), (R, w / 2 - 0.04), (R - 0.03, w / 2), (rim_r, w / 2),
                  (rim_r, w * 0.4), (rim_r, -w * 0.4)], 48)
    treads = [box((0.014, 0.03, w * 0.8), (R - 0.003, 0, 0)) for _ in range(30)]  # tread blocks, 4 mm proud
    for k, t in enumerate(treads):
        rotate(t, 2 * np.pi * k / 30, (0, 0, 1))
    rim = lathe([(0.0, -w * 0.38), (rim_r, -w * 0.4), (rim_r, w * 0.4), (rim_r * 0.3, w * 0.2), (0.0, w * 0.2)], 32)
    face = torus(rim_r * 0.95, 0.012, (0, 0, -w * 0.4), 32, 6)
    spokes = []
    n = int(pick(rng, (5, 6, 10)))
    for k in range(n):
        a = 2 * np.pi * k / n
        spokes.append(hull([(rr * np.cos(a + s * 0.09 * (1.4 - rr / rim_r)), rr * np.sin(a + s * 0.09 * (1.4 - rr / rim_r)), z)
                            for rr in (rim_r * 0.25, rim_r * 0.95) for s in (-1, 1) for z in (-w * 0.43, -w * 0.34)]))
    hub = [lathe([(0.0, -w * 0.46), (rim_r * 0.22, -w * 0.44), (rim_r * 0.26, -w * 0.3), (0.0, -w * 0.3)], 16)]
    meshes = [tyre, *treads, rim, face, *spokes, *hub]
    for m in meshes:
        rotate(m, -np.pi / 2, (1, 0, 0))  # +Z (the outer face at -w/2 → -Y)
        m.apply_translation((0, 0, R))
    parts = [part("wheel", [tyre, *treads], "rubber", jitter(rng, TYRE, 0.01), roughness=0.8),
             part("rim", [rim, face, *spokes], "metal", pick(rng, (METAL, METAL, DARK_METAL, (0.85, 0.85, 0.87))), role="detail",
                  roughness=0.25),
             part("hub", hub, "metal", METAL, role="detail")]
    return make_asset(parts, description="a car wheel standing on its tread: a black tyre on a spoked metal rim")


@category("minivan", size=((1.55, 2.0), (4.3, 5.4)), group="vehicle", placement="floor",
          synonyms=("mini van", "people carrier", "mpv", "people mover", "family van"))
def minivan(rng: np.random.Generator) -> Asset:
    length, width = vary(rng, 5.0, 0.05), vary(rng, 1.95, 0.03)
    wheel_r = 0.34
    floor = wheel_r * 0.75
    belt = floor + 0.6
    roof = vary(rng, 1.75, 0.04)
    hw, hl = width / 2, length / 2
    lower = superellipsoid((hw, hl, (belt - floor) / 2), (0, 0, (belt + floor) / 2), 0.3, 3)
    nose = -hl + 0.15
    wind_foot = -hl + 0.95  # a short hood, then a long raked windscreen
    roof_front = wind_foot + 0.95
    glass = hull([(x * (hw - 0.05), y, belt - 0.02) for x in (-1, 1) for y in (wind_foot, hl - 0.08)] +
                 [(x * (hw - 0.14), y, roof - 0.05) for x in (-1, 1) for y in (roof_front, hl - 0.2)])
    roof_panel = hull([(x * (hw - 0.12), y, z) for x in (-1, 1) for y in (roof_front - 0.05, hl - 0.15) for z in (roof - 0.07, roof)])
    hood = hull([(x * (hw - 0.05), y, z) for x in (-1, 1) for y, z in ((nose, belt - 0.12), (wind_foot, belt))] +
                [(x * (hw - 0.05), y, belt - 0.3) for x in (-1, 1) for y in (nose, wind_foot)])
    pillars = []
    for x in (-1, 1):
        xb, xt = x * (hw - 0.06), x * (hw - 0.15)
        pillars.append(rod((xb, wind_foot + 0.05, belt), (xt, roof_front, roof - 0.04), 0.04))
        for y in (roof_front + 0.9, roof_front + 2.0, hl - 0.25):
            pillars.append(rod((xb, y, belt), (xt, y, roof - 0.04), 0.05))
        pillars.append(box((0.02, 0.015, belt - floor - 0.1), (x * (hw + 0.005), roof_front + 0.95, (belt + floor) / 2)))
        pillars.append(box((0.02, 0.6, 0.025), (x * (hw + 0.005), roof_front + 1.5, belt - 0.05)))  # the sliding door's rail
    tyres, hubs = wheels_at((-hl + 0.9, hl - 0.95), hw - 0.12, wheel_r, 0.22)
    bumpers = [superellipsoid((hw * 0.98, 0.08, 0.1), (0, y * (hl - 0.03), floor + 0.12), 0.3, 2) for y in (-1, 1)]
    heads = [superellipsoid((0.18, 0.04, 0.06), (x * hw * 0.7, -hl + 0.08, belt - 0.15), 0.4, 2) for x in (-1, 1)]
    tails = [superellipsoid((0.06, 0.04, 0.2), (x * hw * 0.85, hl - 0.02, belt + 0.1), 0.4, 2) for x in (-1, 1)]
    paint = jitter(rng, pick(rng, CAR_PAINTS), 0.02)
    parts = [part("minivan", [lower, hood, roof_panel, *pillars], "metal", paint, roughness=0.25),
             part("windows", glass, "glass", WINDOW, role="detail", roughness=0.05),
             part("tyres", tyres, "rubber", TYRE, role="detail"),
             part("wheel_hubs", hubs, "metal", METAL, role="detail"),
             part("bumpers", bumpers, "plastic", (0.1, 0.1, 0.11), role="detail"),
             part("headlights", heads, "emissive", HEADLIGHT, role="detail"),
             part("taillights", tails, "plastic", TAILLIGHT, role="detail", roughness=0.2)]
    return make_asset(parts, description="a minivan: a tall one-box body, a short hood, a sliding side door")


@category("fire_engine", size=((2.8, 4.0), (7.5, 13.0)), group="vehicle", placement="floor",
          synonyms=("fire truck", "firetruck", "fire engine", "fire appliance", "ladder truck", "fire trucks"))
def fire_engine(rng: np.random.Generator) -> Asset:
    length, width = vary(rng, 9.5, 0.1), 2.5
    hw, hl = width / 2, length / 2
    wheel_r = 0.52
    floor = wheel_r * 0.95
    cab_len, cab_h = 2.6, 2.9
    body_h = vary(rng, 2.9, 0.04)
    cab = superellipsoid((hw, cab_len / 2, (cab_h - floor) / 2), (0, -hl + cab_len / 2, (cab_h + floor) / 2), 0.2, 3)
    body = box((width, length - cab_len - 0.1, body_h - floor), (0, -hl + cab_len + (length - cab_len) / 2, (body_h + floor) / 2))
    windscreen = box((width - 0.2, 0.05, 0.8), (0, -hl - 0.005, cab_h - 0.55))
    cab_windows = [box((0.04, 1.8, 0.6), (x * (hw + 0.003), -hl + cab_len / 2, cab_h - 0.55)) for x in (-1, 1)]
    lockers = []
    for x in (-1, 1):  # roller-shutter lockers along each side
        for y in np.linspace(-hl + cab_len + 0.7, hl - 0.7, 4):
            lockers.append(box((0.03, (length - cab_len) / 4 - 0.15, body_h - floor - 0.5), (x * (hw + 0.01), y, floor + 0.2 +
                                                                                          (body_h - floor - 0.5) / 2)))
    stripe = box((width + 0.04, length - 0.2, 0.14), (0, 0.1, floor + 0.25))
    # the ladder on the roof: two rails and rungs, its foot over the rear
    ladder_l = length * 0.85
    lz = body_h + 0.25
    rails = [box((0.08, ladder_l, 0.12), (x * 0.45, hl - ladder_l / 2 - 0.1, lz)) for x in (-1, 1)]
    rungs = [rod((-0.45, y, lz), (0.45, y, lz), 0.025, 6) for y in np.arange(hl - ladder_l, hl - 0.1, 0.35)]
    mounts = [box((0.2, 0.2, 0.25), (x * 0.45, y, body_h + 0.12)) for x in (-1, 1) for y in (hl - 0.6, hl - ladder_l + 0.3)]
    light_bar = box((width * 0.75, 0.25, 0.12), (0, -hl + 0.4, cab_h + 0.06))
    beacons = [ellipsoid((0.18, 0.1, 0.07), (x * width * 0.28, -hl + 0.4, cab_h + 0.08), 1) for x in (-1, 1)]
    tyres, hubs = wheels_at((-hl + 1.4, hl - 2.2, hl - 1.1), hw - 0.25, wheel_r, 0.32)
    heads = [superellipsoid((0.15, 0.03, 0.08), (x * hw * 0.75, -hl - 0.01, floor + 0.55), 0.4, 2) for x in (-1, 1)]
    bumper = box((width, 0.25, 0.25), (0, -hl - 0.08, floor + 0.15))
    parts = [part("fire_engine", [cab, body], "metal", jitter(rng, pick(rng, (FIRE_RED, FIRE_RED, (0.95, 0.8, 0.1))), 0.02),
                  roughness=0.25),
             part("lockers", lockers, "metal", (0.75, 0.76, 0.78), roughness=0.3),  # a body part: they cover the sides
             part("windows", [windscreen, *cab_windows], "glass", WINDOW, role="detail", roughness=0.05),
             part("stripe", stripe, "plastic", WHITE, role="detail"),
             part("ladder", [*rails, *rungs, *mounts], "metal", METAL, role="detail", roughness=0.3),
             part("beacons", [light_bar, *beacons], "emissive", pick(rng, ((1.0, 0.1, 0.05), (0.2, 0.4, 1.0))), role="detail"),
             part("tyres", tyres, "rubber", TYRE, role="detail"),
             part("wheel_hubs", [*hubs, bumper], "metal", METAL, role="detail"),
             part("headlights", heads, "emissive", HEADLIGHT, role="detail")]
    return make_asset(parts, description="a red fire engine with equipment lockers, a roof ladder and warning lights")


@category("trailer_truck", size=((3.4, 4.5), (14.0, 23.0)), group="vehicle", placement="floor",
          synonyms=("tractor trailer", "tractor-trailer", "semi truck", "semi-trailer truck", "articulated lorry", "big rig",
                    "trucking rig", "semitrailer"))
def trailer_truck(rng: np.random.Generator) -> Asset:
    trailer_l, width = vary(rng, 13.6, 0.06), 2.5
    hw = width / 2
    wheel_r = 0.5
    long_hood = rng.random() < 0.5  # an American bonneted tractor, or a European cab-over
    cab_l = 3.4 if long_hood else 2.3
    tractor_l = cab_l + 2.4
    total = tractor_l + trailer_l - 2.0  # the trailer rides over the tractor's fifth wheel
    y0 = -total / 2
    floor = 1.0
    cab_h = 3.6 if not long_hood else 3.3
    meshes = []
    if long_hood:
        meshes.append(superellipsoid((hw * 0.85, 0.9, 0.55), (0, y0 + 0.9, floor + 0.45), 0.3, 3))  # the hood
        cab_y = y0 + 1.8 + (cab_l - 1.8) / 2
        meshes.append(superellipsoid((hw, (cab_l - 1.8) / 2 + 0.2, (cab_h - floor) / 2), (0, cab_y, (cab_h + floor) / 2), 0.2, 3))
        glass_y, glass_z = y0 + 1.75, cab_h - 0.75
    else:
        cab_y = y0 + cab_l / 2
        meshes.append(superellipsoid((hw, cab_l / 2, (cab_h - floor) / 2), (0, cab_y, (cab_h + floor) / 2), 0.2, 3))
        glass_y, glass_z = y0 - 0.005, cab_h - 0.9
    windscreen = box((width - 0.3, 0.05, 0.8), (0, glass_y, glass_z))
    side_glass = [box((0.04, 0.8, 0.6), (x * (hw + 0.003), cab_y - 0.3, glass_z)) for x in (-1, 1)]
    chassis = box((width * 0.6, tractor_l, 0.35), (0, y0 + tractor_l / 2, floor - 0.2))
    tanks = [rod((x * hw * 0.85, y0 + cab_l + 0.2, floor - 0.1), (x * hw * 0.85, y0 + cab_l + 1.1, floor - 0.1), 0.28, 16)
             for x in (-1, 1)]
    stacks = [rod((x * (hw - 0.05), y0 + cab_l + 0.05, floor), (x * (hw - 0.05), y0 + cab_l + 0.05, cab_h + 0.5), 0.07, 10)
              for x in (-1, 1)]
    trailer_y0 = y0 + tractor_l - 2.0
    trailer_h = vary(rng, 4.0, 0.03)
    trailer = box((width + 0.05, trailer_l, trailer_h - 1.25), (0, trailer_y0 + trailer_l / 2, 1.25 + (trailer_h - 1.25) / 2))
    legs = [box((0.12, 0.12, 1.05), (x * hw * 0.7, trailer_y0 + 2.5, 0.6)) for x in (-1, 1)]
    tractor_axles = (y0 + 1.2, y0 + tractor_l - 1.3, y0 + tractor_l - 0.2)
    trailer_axles = tuple(trailer_y0 + trailer_l - 1.0 - k * 1.3 for k in range(3))
    tyres, hubs = wheels_at(tractor_axles + trailer_axles, hw - 0.3, wheel_r, 0.4)
    heads = [superellipsoid((0.15, 0.03, 0.08), (x * hw * 0.75, y0 - 0.01, floor + 0.2), 0.4, 2) for x in (-1, 1)]
    tails = [box((0.2, 0.04, 0.1), (x * hw * 0.8, trailer_y0 + trailer_l + 0.01, 1.1)) for x in (-1, 1)]
    paint = jitter(rng, pick(rng, ((0.75, 0.08, 0.06), (0.1, 0.25, 0.6), WHITE, (0.15, 0.15, 0.16), (0.2, 0.45, 0.25),
                                   (0.95, 0.75, 0.05))), 0.02)
    box_colour = jitter(rng, pick(rng, (WHITE, WHITE, (0.75, 0.76, 0.78), (0.1, 0.25, 0.6), (0.8, 0.15, 0.1))), 0.02)
    parts = [part("trailer", trailer, "metal", box_colour, roughness=0.4),
             part("tractor", meshes, "metal", paint, roughness=0.25),
             part("windows", [windscreen, *side_glass], "glass", WINDOW, role="detail", roughness=0.05),
             part("chassis", [chassis, *legs], "metal", DARK_METAL, role="detail"),
             part("chrome", [*tanks, *stacks], "metal", METAL, role="detail", roughness=0.15),
             part("tyres", tyres, "rubber", TYRE, role="detail"),
             part("wheel_hubs", hubs, "metal", METAL, role="detail"),
             part("headlights", heads, "emissive", HEADLIGHT, role="detail"),
             part("taillights", tails, "plastic", TAILLIGHT, role="detail")]
    return make_asset(parts, description="a tractor-trailer: a tractor unit pulling a long box semitrailer")


@category("baby_buggy", size=((0.85, 1.25), (0.6, 1.15)), group="vehicle", placement="floor",
          synonyms=("baby carriage", "perambulator", "pram", "stroller", "pushchair", "buggy", "baby stroller", "baby buggy"))
def baby_buggy(rng: np.random.Generator) -> Asset:
    length, w = vary(rng, 0.8, 0.08), vary(rng, 0.5, 0.06)
    z_tub = 0.45
    tub_h = 0.3
    # the bassinet: a rounded tub, its foot end toward -Y, the hood over the head end at +Y
    tub = superellipsoid((w / 2, length * 0.42, tub_h / 2), (0, 0, z_tub + tub_h / 2), 0.45, 3)
    hood_r = w / 2
    hood = []
    for k in range(5):  # folding hood: ribs as a dome quarter
        a0, a1 = np.pi * k / 5, np.pi * (k + 1) / 5
        pts = []
        for a in (a0, a1):
            for t in np.linspace(0, np.pi / 2, 6):
                r_out = hood_r * np.cos(t) + 0.005
                pts.append((r_out * np.cos(a), length * 0.15 + hood_r * 0.9 * np.sin(t) * 0.1 + 0.2 * np.sin(t),
                            z_tub + tub_h * 0.8 + r_out * np.sin(a) * 1.1))
        hood.append(hull(pts))
    handle_y = length * 0.55
    push = [rod((x * w * 0.42, length * 0.3, z_tub + 0.05), (x * w * 0.42, handle_y, z_tub + 0.55), 0.012, 8) for x in (-1, 1)]
    push.append(rod((-w * 0.45, handle_y, z_tub + 0.55), (w * 0.45, handle_y, z_tub + 0.55), 0.02, 10))
    frame, tyres = [], []
    for y, r in ((-length * 0.35, 0.11), (length * 0.3, 0.14)):
        for x in (-1, 1):
            c = np.array([x * (w / 2 + 0.04), y, r])
            frame.append(rod(c, (x * w * 0.35, y * 0.6, z_tub + 0.02), 0.01, 6))
            t = torus(r - 0.015, 0.015, (0, 0, 0), 24, 6)
            rotate(t, np.pi / 2, (0, 1, 0))
            tyres.append(t.apply_translation(c))
            frame.append(rod(c - (0.02, 0, 0), c + (0.02, 0, 0), 0.02, 8))
            for a in np.linspace(0, np.pi, 4, endpoint=False):
                frame.append(rod(c + (0, (r - 0.02) * np.cos(a), (r - 0.02) * np.sin(a)),
                                 c - (0, (r - 0.02) * np.cos(a), (r - 0.02) * np.sin(a)), 0.003, 4))
    basket = box((w * 0.7, length * 0.4, 0.05), (0, 0, 0.2))
    colour = jitter(rng, pick(rng, FABRICS + ((0.1, 0.15, 0.3),)), 0.03)
    parts = [part("baby_buggy", [tub, *hood], "fabric", colour),
             part("frame", [*push, *frame, basket], "metal", pick(rng, (METAL, BLACK, DARK_METAL)), role="detail"),
             part("tyres", tyres, "rubber", BLACK, role="detail")]
    return make_asset(parts, description="a baby buggy: a padded carrycot with a folding hood on a wheeled frame with a push bar")


@category("railcar", size=((3.3, 4.8), (12.0, 27.0)), group="vehicle", placement="floor",
          synonyms=("railway car", "railroad car", "rail car", "train car", "freight car", "boxcar", "box car", "goods wagon",
                    "passenger car", "railway carriage", "train carriage", "railway wagon"))
def railcar(rng: np.random.Generator) -> Asset:
    freight = rng.random() < 0.5
    length = vary(rng, 16.0 if freight else 22.0, 0.08)
    width, height = 2.9 if freight else 2.85, vary(rng, 4.2 if freight else 3.9, 0.04)
    hw, hl = width / 2, length / 2
    floor = 1.1
    shell = box((width, length, height - floor), (0, 0, floor + (height - floor) / 2)) if freight else \
        superellipsoid((hw, hl, (height - floor) / 2), (0, 0, floor + (height - floor) / 2), 0.15, 3)
    trims, glass = [], []
    if freight:
        trims += [box((0.04, 0.06, height - floor - 0.1), (x * (hw + 0.01), y, floor + (height - floor) / 2))
                  for x in (-1, 1) for y in np.arange(-hl + 0.6, hl, 0.9)]
        trims += [box((0.05, 2.6, height - floor - 0.3), (x * (hw + 0.02), 0.0, floor + (height - floor) / 2)) for x in (-1, 1)]
        roof = box((width + 0.1, length + 0.05, 0.08), (0, 0, height))
        trims.append(roof)
    else:
        g, p = side_windows(hw - 0.005, -hl + 2.2, hl - 2.2, floor + 1.0, floor + 1.9, 1.6)
        glass += g
        trims += p
        trims += [box((0.04, 1.0, 2.0), (x * (hw + 0.005), y, floor + 1.05)) for x in (-1, 1) for y in (-hl + 1.2, hl - 1.2)]
    frame = box((width * 0.9, length, 0.3), (0, 0, floor - 0.1))
    bogies, wheels = [], []
    for yb in (-hl + 2.5, hl - 2.5):
        bogies.append(box((width * 0.75, 2.6, 0.4), (0, yb, 0.6)))
        for dy in (-0.9, 0.9):
            for x in (-1, 1):
                c = np.array([x * 0.72, yb + dy, 0.46])
                wheels.append(rod(c - (0.06, 0, 0), c + (0.06, 0, 0), 0.46, 20))
    couplers = [box((0.3, 0.5, 0.3), (0, y * (hl + 0.25), floor - 0.1)) for y in (-1, 1)]
    paint = jitter(rng, pick(rng, ((0.55, 0.2, 0.12), (0.45, 0.15, 0.1), (0.2, 0.3, 0.5), (0.2, 0.35, 0.25), (0.75, 0.6, 0.15)))
                    if freight else pick(rng, ((0.8, 0.1, 0.08), WHITE, (0.15, 0.4, 0.25), (0.55, 0.57, 0.6), (0.1, 0.25, 0.55))),
                    0.02)
    parts = [part("railcar", shell, "metal", paint, roughness=0.45),
             part("trim", trims, "metal", tuple(c * 0.75 for c in paint), roughness=0.45),
             part("underframe", [frame, *bogies, *couplers, *wheels], "metal", DARK_METAL, role="detail")]
    if glass:
        parts.append(part("windows", glass, "glass", WINDOW, role="detail", roughness=0.05))
    return make_asset(parts, description="a railway boxcar on two bogies" if freight else "a passenger railway carriage on two bogies")
