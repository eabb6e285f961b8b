"""Vehicles at real size, front toward -Y: bicycle, motorcycle, car, bus, truck, train, airplane and boat.

What makes each read at a glance: painted metal bodies, dark glass windows, dark rubber tyres, and
the right count and size of wheels under the right length of body.
"""
from __future__ import annotations

import numpy as np
import trimesh

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.palette import BLACK, DARK_METAL, METAL, WHITE
from fyi.assets.procedural.shapes import (box, ellipsoid, hull, jitter, make_asset, part, pick, rod, rotate,
                                          superellipsoid, torus, tube, vary)

TYRE = (0.05, 0.05, 0.055)
WINDOW = (0.06, 0.08, 0.1)  # dark tinted glass
HEADLIGHT = (1.0, 0.97, 0.85)
TAILLIGHT = (0.75, 0.05, 0.04)
SEAT = (0.08, 0.07, 0.07)
# realistic car paints: white, black, silver, grey, red, blue, dark blue, green, beige
CAR_PAINTS = ((0.92, 0.92, 0.9), (0.05, 0.05, 0.06), (0.7, 0.71, 0.73), (0.38, 0.39, 0.41), (0.7, 0.06, 0.05),
              (0.1, 0.25, 0.6), (0.06, 0.1, 0.25), (0.15, 0.32, 0.2), (0.78, 0.72, 0.6))


def car_wheel(center, radius: float, width: float) -> tuple[list, list]:
    """A wheel turning about X: a tyre and a metal hub cap on both sides."""
    c = np.asarray(center, float)
    tyre = rod(c - (width / 2, 0, 0), c + (width / 2, 0, 0), radius, 28)
    hubs = [rod(c + (s * width / 2, 0, 0), c + (s * (width / 2 + 0.01), 0, 0), radius * 0.6, 20) for s in (-1, 1)]
    return [tyre], hubs


def thin_wheel(center, radius: float, tube_r: float, spokes: int = 0) -> tuple[list, list]:
    """A bicycle or motorcycle wheel in the yz plane: a tyre ring, a rim ring, a hub and spokes."""
    c = np.asarray(center, float)
    tyre = torus(radius - tube_r, tube_r, (0, 0, 0), 40, 10)
    rotate(tyre, np.pi / 2, (0, 1, 0))
    tyre.apply_translation(c)
    rim = torus(radius - 2.2 * tube_r, tube_r * 0.45, (0, 0, 0), 40, 6)
    rotate(rim, np.pi / 2, (0, 1, 0))
    rim.apply_translation(c)
    metal = [rim, rod(c - (0.04, 0, 0), c + (0.04, 0, 0), max(tube_r, 0.02), 12)]
    for k in range(spokes):
        a = 2 * np.pi * k / spokes
        metal.append(rod(c, c + (radius - 2.2 * tube_r) * np.array([0.0, np.cos(a), np.sin(a)]), 0.0022, 4))
    return [tyre], metal


def _lights(y: float, z: float, half_w: float, size: tuple, front: bool) -> list:
    return [superellipsoid(size, (x * half_w, y, z), 0.4, 2) for x in (-1, 1)]


@category("car", size=((1.2, 1.9), (3.5, 5.5)), group="vehicle", placement="floor",
          synonyms=("automobile", "sedan", "hatchback", "suv", "taxi", "cab", "police car", "vehicle", "coupe", "sports car",
                    "race car", "racing car"))
def car(rng: np.random.Generator) -> Asset:
    style = pick(rng, ("sedan", "hatchback", "suv"))
    length = vary(rng, {"sedan": 4.6, "hatchback": 4.0, "suv": 4.7}[style], 0.06)
    width = vary(rng, 1.8, 0.04) + (0.1 if style == "suv" else 0.0)
    wheel_r = 0.33 if style != "suv" else 0.38
    floor = wheel_r * 0.75
    belt = floor + (0.55 if style != "suv" else 0.7)  # top of the lower body, where windows start
    roof = belt + (0.5 if style != "suv" else 0.6)
    hw, hl = width / 2, length / 2
    lower = superellipsoid((hw, hl, (belt - floor) / 2), (0, 0, (belt + floor) / 2), 0.3, 3)
    # the cabin: a glass wedge, wide at the belt, narrower under the roof, windscreen raked back
    front_glass = -hl * (0.42 if style == "sedan" else 0.5 if style == "hatchback" else 0.55)
    back_glass = hl * (0.55 if style == "sedan" else 0.9 if style == "hatchback" else 0.92)
    roof_front = front_glass + (roof - belt) * 1.3
    roof_back = back_glass - (roof - belt) * (0.9 if style == "sedan" else 0.25)
    cabin_bottom = [(x * (hw - 0.06), y, belt - 0.02) for x in (-1, 1) for y in (front_glass, back_glass)]
    cabin_top = [(x * (hw - 0.2), y, roof - 0.04) for x in (-1, 1) for y in (roof_front, roof_back)]
    glass = hull(cabin_bottom + cabin_top)
    roof_panel = hull([(x * (hw - 0.18), y, z) for x in (-1, 1) for y in (roof_front - 0.05, roof_back + 0.05)
                       for z in (roof - 0.05, roof)])
    pillars = []
    for x in (-1, 1):
        pillars.append(rod((x * (hw - 0.07), front_glass + 0.05, belt), (x * (hw - 0.19), roof_front, roof - 0.02), 0.045))
        pillars.append(rod((x * (hw - 0.07), back_glass - 0.05, belt), (x * (hw - 0.19), roof_back, roof - 0.02), 0.05))
        mid = (front_glass + back_glass) / 2 + 0.1
        pillars.append(rod((x * (hw - 0.07), mid, belt), (x * (hw - 0.19), mid, roof - 0.02), 0.04))
    tyres, hubs = [], []
    axle = hl - wheel_r * 2.1
    for x in (-1, 1):
        for y in (-1, 1):
            t, h = car_wheel((x * (hw - 0.1), y * axle, wheel_r), wheel_r, 0.22)
            tyres += t
            hubs += h
    bumpers = [superellipsoid((hw * 0.98, 0.08, 0.09), (0, y * (hl - 0.03), floor + 0.1), 0.3, 2) for y in (-1, 1)]
    heads = _lights(-hl + 0.02, belt - 0.14, hw * 0.72, (0.16, 0.03, 0.05), True)
    tails = _lights(hl - 0.02, belt - 0.12, hw * 0.78, (0.14, 0.03, 0.05), False)
    paint = jitter(rng, pick(rng, CAR_PAINTS), 0.02)
    parts = [part("car", [lower, roof_panel, *pillars], "metal", paint, roughness=0.25),
             part("windows", glass, "glass", WINDOW, role="detail", roughness=0.05),
             part("tyres", tyres, "rubber", TYRE, role="detail"),
             part("wheel_hubs", hubs, "metal", METAL, role="detail"),
             part("bumpers", bumpers, "plastic", (0.1, 0.1, 0.11), role="detail"),
             part("headlights", heads, "emissive", HEADLIGHT, role="detail"),
             part("taillights", tails, "plastic", TAILLIGHT, role="detail", roughness=0.2)]
    return make_asset(parts, description=f"a {style} car with four wheels and tinted windows")


def _window_band(length: float, half_w: float, z0: float, z1: float, y0: float, y1: float, pitch: float,
                 pillar: float) -> tuple[list, list]:
    """Side windows of a bus or carriage: a dark glass band along each side and pillars across it."""
    glass, pillars = [], []
    for x in (-1, 1):
        glass.append(box((0.03, y1 - y0, z1 - z0), (x * half_w, (y0 + y1) / 2, (z0 + z1) / 2)))
        for y in np.arange(y0, y1 + 1e-6, pitch):
            pillars.append(box((0.05, pillar, z1 - z0 + 0.02), (x * (half_w + 0.005), y, (z0 + z1) / 2)))
    return glass, pillars


@category("bus", size=((2.8, 4.5), (8, 14)), group="vehicle", placement="floor", synonyms=("coach", "school bus", "city bus", "autobus",
                                                             "double decker", "minibus"))
def bus(rng: np.random.Generator) -> Asset:
    length, width, height = vary(rng, 11.0, 0.1), 2.5, vary(rng, 3.1, 0.05)
    wheel_r = 0.5
    floor = 0.35
    hw, hl = width / 2, length / 2
    shell = superellipsoid((hw, hl, (height - floor) / 2), (0, 0, (height + floor) / 2), 0.12, 3)
    win_lo, win_hi = height - 1.35, height - 0.3
    glass, pillars = _window_band(length, hw - 0.005, win_lo, win_hi, -hl + 1.6, hl - 0.5, 1.25, 0.12)
    windscreen = box((width - 0.3, 0.04, win_hi - win_lo + 0.55), (0, -hl, (win_lo + win_hi) / 2 - 0.25))
    rear = box((width - 0.6, 0.04, 0.8), (0, hl, win_hi - 0.45))
    door = box((0.04, 1.1, height - floor - 0.6), (-hw - 0.005, -hl + 0.95, floor + (height - floor - 0.6) / 2 + 0.1))
    sign = box((width - 0.7, 0.05, 0.22), (0, -hl - 0.005, height - 0.2))
    tyres, hubs = [], []
    for y in (-hl + 2.4, hl - 2.9):
        for x in (-1, 1):
            t, h = car_wheel((x * (hw - 0.25), y, wheel_r), wheel_r, 0.32)
            tyres += t
            hubs += h
    stripe = box((width + 0.02, length - 1.0, 0.18), (0, 0.2, floor + 0.6))
    heads = _lights(-hl - 0.005, floor + 0.45, hw * 0.75, (0.15, 0.03, 0.08), True)
    paint, accent = pick(rng, (((0.95, 0.75, 0.05), BLACK), ((0.75, 0.08, 0.06), WHITE), (WHITE, (0.1, 0.3, 0.7)),
                               ((0.15, 0.35, 0.7), WHITE), ((0.2, 0.5, 0.25), WHITE)))
    parts = [part("bus", [shell, *pillars], "metal", jitter(rng, paint, 0.02), roughness=0.3),
             part("windows", [*glass, windscreen, rear, door], "glass", WINDOW, role="detail", roughness=0.05),
             part("stripe", stripe, "metal", accent, role="detail"),
             part("destination_sign", sign, "emissive", (1.0, 0.6, 0.1), role="detail"),
             part("tyres", tyres, "rubber", TYRE, role="detail"),
             part("wheel_hubs", hubs, "metal", METAL, role="detail"),
             part("headlights", heads, "emissive", HEADLIGHT, role="detail")]
    return make_asset(parts, description="a long bus with a row of windows and four wheels")


@category("truck", size=((1.8, 4.0), (4.5, 12)), group="vehicle", placement="floor", synonyms=("lorry", "box truck", "delivery truck", "pickup truck",
                                                               "pickup", "semi", "dump truck", "van"))
def truck(rng: np.random.Generator) -> Asset:
    pickup = rng.random() < 0.35
    width = 2.0 if pickup else 2.45
    hw = width / 2
    wheel_r = 0.4 if pickup else 0.5
    cab_len = 2.6 if pickup else 2.2
    cab_h = 1.9 if pickup else 3.0
    cargo_len = 1.9 if pickup else vary(rng, 5.2, 0.12)
    length = cab_len + cargo_len + 0.1
    y_cab = -length / 2 + cab_len / 2
    floor = wheel_r * 0.9
    cab = superellipsoid((hw, cab_len / 2, (cab_h - floor) / 2), (0, y_cab, (cab_h + floor) / 2), 0.25, 3)
    glass_z = cab_h - (0.45 if pickup else 0.6)
    windscreen = box((width - 0.25, 0.05, 0.6 if pickup else 0.9), (0, -length / 2 + (0.5 if pickup else 0.02), glass_z))
    side_windows = [box((0.04, cab_len * 0.45, 0.5), (x * hw, y_cab - cab_len * 0.05, glass_z)) for x in (-1, 1)]
    if pickup:
        rotate(windscreen, -0.5, (1, 0, 0), (0, -length / 2 + 0.5, glass_z))
        hood = superellipsoid((hw, 0.6, 0.3), (0, -length / 2 + 0.55, floor + 0.4), 0.3, 2)
        cab = superellipsoid((hw, cab_len * 0.32, (cab_h - floor) / 2), (0, y_cab + cab_len * 0.18,
                                                                         (cab_h + floor) / 2), 0.25, 3)
        windscreen = box((width - 0.25, 0.05, 0.55), (0, y_cab + cab_len * 0.18 - cab_len * 0.32, glass_z))
        side_windows = [box((0.04, cab_len * 0.4, 0.45), (x * hw, y_cab + cab_len * 0.18, glass_z)) for x in (-1, 1)]
        cab = trimesh.util.concatenate([cab, hood])
    y_cargo = length / 2 - cargo_len / 2
    if pickup:
        bed_floor = box((width, cargo_len, 0.12), (0, y_cargo, floor + 0.3))
        walls = [box((0.06, cargo_len, 0.55), (x * (hw - 0.03), y_cargo, floor + 0.6)) for x in (-1, 1)]
        walls.append(box((width, 0.06, 0.55), (0, length / 2 - 0.03, floor + 0.6)))
        cargo = [bed_floor, *walls]
        cargo_col = None
    else:
        cargo = [box((width + 0.05, cargo_len, 2.6), (0, y_cargo, floor + 0.25 + 1.3))]
        cargo_col = jitter(rng, pick(rng, (WHITE, WHITE, (0.7, 0.71, 0.73), (0.85, 0.2, 0.1))), 0.02)
    chassis = box((width * 0.7, length - 0.4, 0.3), (0, 0, floor + 0.05))
    tyres, hubs = [], []
    axles = (-length / 2 + 1.0 if pickup else -length / 2 + 1.1, length / 2 - 1.0) if pickup else \
        (-length / 2 + 1.1, length / 2 - 1.9, length / 2 - 0.85)
    for y in axles:
        for x in (-1, 1):
            t, h = car_wheel((x * (hw - 0.2), y, wheel_r), wheel_r, 0.3)
            tyres += t
            hubs += h
    heads = _lights(-length / 2 - 0.01, floor + 0.45, hw * 0.75, (0.15, 0.03, 0.08), True)
    paint = jitter(rng, pick(rng, ((0.75, 0.08, 0.06), (0.1, 0.25, 0.6), WHITE, (0.95, 0.75, 0.05), (0.15, 0.15, 0.16),
                                   (0.2, 0.45, 0.25))), 0.02)
    parts = [part("truck", [cab] + (cargo if cargo_col is None else []), "metal", paint, roughness=0.3)]
    if cargo_col is not None:
        parts.append(part("cargo_box", cargo, "metal", cargo_col, roughness=0.4))
    parts += [part("windows", [windscreen, *side_windows], "glass", WINDOW, role="detail", roughness=0.05),
              part("chassis", chassis, "metal", DARK_METAL, role="detail"),
              part("tyres", tyres, "rubber", TYRE, role="detail"),
              part("wheel_hubs", hubs, "metal", METAL, role="detail"),
              part("headlights", heads, "emissive", HEADLIGHT, role="detail")]
    kind = "pickup truck" if pickup else "box truck"
    return make_asset(parts, description=f"a {kind} with a cab, a cargo {'bed' if pickup else 'box'} and big wheels")


@category("train", size=((3.5, 4.5), (15, 30)), group="vehicle", placement="floor",
          synonyms=("locomotive", "railway train", "passenger train", "tram", "subway train", "commuter train"))
def train(rng: np.random.Generator) -> Asset:
    cars = 2
    car_len, width, height = vary(rng, 11.0, 0.08), 2.9, 3.7
    gap = 0.6
    total = cars * car_len + (cars - 1) * gap
    hw = width / 2
    rail_h = 0.2
    floor = rail_h + 0.9
    shells, glass, pillars, bogies, wheels, doors = [], [], [], [], [], []
    for k in range(cars):
        y0 = -total / 2 + k * (car_len + gap)
        yc = y0 + car_len / 2
        shell = superellipsoid((hw, car_len / 2, (height - floor) / 2), (0, yc, floor + (height - floor) / 2), 0.15, 3)
        if k == 0:  # the cab's nose: taper the front end down and in
            v = shell.vertices
            front = np.clip((yc - v[:, 1]) / (car_len / 2), 0, 1) ** 4
            v[:, 2] = floor + (v[:, 2] - floor) * (1 - 0.35 * front * np.clip((v[:, 2] - floor) / (height - floor), 0, 1))
            v[:, 0] *= 1 - 0.15 * front
            shell.vertices = v
            glass.append(hull([(x * (hw - 0.35), y0 + dy, z) for x in (-1, 1)
                               for dy, z in ((0.15, floor + 1.55), (0.65, height - 0.3))] +
                              [(x * (hw - 0.35), y0 + dy + 0.05, z) for x in (-1, 1)
                               for dy, z in ((0.15, floor + 1.55), (0.65, height - 0.3))]))
        shells.append(shell)
        g, p = _window_band(car_len, hw - 0.005, floor + 1.1, floor + 2.0, y0 + (2.0 if k == 0 else 0.8),
                            y0 + car_len - 0.8, 1.3, 0.15)
        glass += g
        pillars += p
        for x in (-1, 1):
            doors.append(box((0.04, 1.2, 1.9), (x * (hw + 0.005), yc, floor + 1.0)))
        for yb in (y0 + 2.0, y0 + car_len - 2.0):
            bogies.append(box((width * 0.8, 2.4, 0.45), (0, yb, rail_h + 0.55)))
            for dy in (-0.8, 0.8):
                for x in (-1, 1):
                    c = np.array([x * 0.72, yb + dy, rail_h + 0.42])
                    wheels.append(rod(c - (0.06, 0, 0), c + (0.06, 0, 0), 0.42, 20))
    rails = [box((0.08, total + 1.0, rail_h), (x * 0.72, 0, rail_h / 2)) for x in (-1, 1)]
    sleepers = [box((2.0, 0.22, 0.06), (0, y, 0.03)) for y in np.arange(-total / 2 - 0.3, total / 2 + 0.4, 1.2)]
    skirts = [box((width * 0.98, car_len - 0.6, 0.5), (0, -total / 2 + k * (car_len + gap) + car_len / 2, floor - 0.1))
              for k in range(cars)]  # body panels hiding most of the bogies, as on modern trains
    heads = _lights(-total / 2 + 0.05, floor + 0.8, hw * 0.6, (0.16, 0.04, 0.1), True)
    paint, accent = pick(rng, (((0.8, 0.1, 0.08), WHITE), (WHITE, (0.1, 0.3, 0.75)), ((0.95, 0.78, 0.1), (0.1, 0.1, 0.1)),
                               ((0.15, 0.4, 0.25), (0.9, 0.8, 0.2)), ((0.55, 0.57, 0.6), (0.8, 0.1, 0.08))))
    stripe = [box((width + 0.03, car_len - 0.4, 0.2), (0, -total / 2 + k * (car_len + gap) + car_len / 2 + 0.2,
                                                       floor + 0.6)) for k in range(cars)]
    parts = [part("train", [*shells, *pillars, *skirts], "metal", jitter(rng, paint, 0.02), roughness=0.3),
             part("doors", doors, "metal", jitter(rng, accent, 0.02), roughness=0.3),
             part("windows", glass, "glass", WINDOW, role="detail", roughness=0.05),
             part("stripe", stripe, "metal", accent, role="detail"),
             part("bogies", bogies + wheels, "metal", DARK_METAL, role="detail"),
             part("track", rails, "metal", METAL, role="detail"),
             part("sleepers", sleepers, "wood", (0.3, 0.22, 0.15), role="detail"),
             part("headlights", heads, "emissive", HEADLIGHT, role="detail")]
    return make_asset(parts, description="a two-car passenger train on a short track")


@category("airplane", size=((4, 12), (12, 40)), group="vehicle", placement="floor",
          synonyms=("aeroplane", "plane", "jet", "airliner", "aircraft", "jetliner", "passenger plane"))
def airplane(rng: np.random.Generator) -> Asset:
    length = vary(rng, 18.0, 0.12)  # a regional jet: friendlier in scenes than a 40 m airliner
    r = length * 0.065
    gear_h = r * 0.9  # belly above the ground
    zc = gear_h + r
    t = np.linspace(0.0, 1.0, 24)
    ys = -length / 2 + t * length
    nose = np.clip(t / 0.14, 0, 1)
    tail = np.clip((1 - t) / 0.3, 0, 1)
    radii = r * np.minimum(np.sqrt(1 - (1 - nose) ** 2) * 0.95 + 0.05, 0.25 + 0.75 * np.sqrt(tail))
    zs = zc + r * 0.55 * (1 - tail) ** 1.5 - r * 0.2 * (1 - nose) ** 2
    fuselage = tube(np.column_stack([np.zeros_like(ys), ys, zs]), radii, 24)
    span = length * vary(rng, 0.95, 0.08)
    sweep = vary(rng, 0.22, 0.3) * span / 2
    root_y, root_c, tip_c = -length * 0.06, length * 0.2, length * 0.07
    wz = zc - r * 0.45

    def wing(x_tip, y_root, chord_root, chord_tip, back, z, thick, dihedral=0.0):
        pts = []
        for x, y, c, tk in ((0.0, y_root, chord_root, thick), (x_tip, y_root + back, chord_tip, thick * 0.4)):
            for dz in (-tk / 2, tk / 2):
                pts += [(x, y, z + dz + abs(x) * dihedral), (x, y + c, z + dz + abs(x) * dihedral)]
        return hull(pts)

    wings = [wing(s * span / 2, root_y, root_c, tip_c, sweep, wz, r * 0.28, 0.06) for s in (-1, 1)]
    y_tail = length / 2 - length * 0.16
    z_tail = zc + r * 0.5
    stabilisers = [wing(s * length * 0.17, y_tail, length * 0.1, length * 0.04, length * 0.07, z_tail, r * 0.12, 0.1)
                   for s in (-1, 1)]
    fin_h = length * 0.2
    fin = hull([(x, y, z) for x in (-r * 0.08, r * 0.08) for y, z in
                ((y_tail - length * 0.04, z_tail), (length / 2 - 0.2, z_tail + r * 0.3),
                 (length / 2 - 0.5, z_tail + fin_h), (length / 2 - length * 0.09, z_tail + fin_h))])
    engines = []
    for s in (-1, 1):
        c = np.array([s * span * 0.17, root_y - length * 0.02 + sweep * 0.34, wz - r * 0.55])
        engines.append(rod(c - (0, length * 0.08, 0), c + (0, length * 0.09, 0), r * 0.42, 20))
        engines.append(rod(c + (0, 0, r * 0.3), c + (0, length * 0.06, r * 0.55), r * 0.08, 8))
    intakes = []
    for nacelle in engines[::2]:  # a dark fan face at the front of each engine
        c = nacelle.bounds.mean(axis=0)
        front = nacelle.bounds[0][1]
        intakes.append(rod((c[0], front - 0.01, c[2]), (c[0], front + 0.02, c[2]), r * 0.36, 20))
    gear, wheels = [], []
    for x, y in ((0.0, -length * 0.38), (-r * 1.1, root_y + root_c * 0.8), (r * 1.1, root_y + root_c * 0.8)):
        top = np.array([x, y, zc - r * 0.6])
        wc = np.array([x, y, gear_h * 0.3])
        gear.append(rod(wc, top, 0.06, 8))
        wheels.append(rod(wc - (0.12, 0, 0), wc + (0.12, 0, 0), gear_h * 0.3, 16))
    windows = []
    for y in np.arange(-length / 2 + length * 0.2, length / 2 - length * 0.25, 0.7):
        k = np.interp(y, ys, radii)
        z = np.interp(y, ys, zs) + k * 0.25
        for s in (-1, 1):
            windows.append(box((0.08, 0.22, 0.3), (s * k * 0.96, y, z)))
    cockpit = hull([(s * r * 0.55, -length / 2 + length * 0.085 + dy, zc + r * 0.3 + dz) for s in (-1, 1)
                    for dy, dz in ((0.0, 0.0), (0.5, r * 0.4), (0.05, 0.05), (0.55, r * 0.45))])
    livery = jitter(rng, pick(rng, ((0.1, 0.25, 0.65), (0.75, 0.08, 0.06), (0.1, 0.5, 0.35), (0.95, 0.6, 0.1),
                                    (0.1, 0.1, 0.12))), 0.02)
    parts = [part("airplane", [fuselage, *wings, *stabilisers], "metal", jitter(rng, WHITE, 0.02), roughness=0.3),
             part("tail_fin", fin, "metal", livery, role="detail", roughness=0.3),
             part("engines", engines, "metal", (0.62, 0.63, 0.66), role="detail"),
             part("intakes", intakes, "metal", DARK_METAL, role="detail"),
             part("windows", [*windows, cockpit], "glass", WINDOW, role="detail", roughness=0.05),
             part("landing_gear", gear, "metal", METAL, role="detail"),
             part("tyres", wheels, "rubber", TYRE, role="detail")]
    return make_asset(parts, description="a regional jet airplane with swept wings and two engines")


@category("boat", size=((1.0, 12.0), (3, 12)), group="vehicle", placement="floor",
          synonyms=("sailboat", "sailing boat", "motorboat", "speedboat", "ship", "yacht", "rowboat", "dinghy"))
def boat(rng: np.random.Generator) -> Asset:
    sail = rng.random() < 0.45
    length = vary(rng, 6.5 if sail else 6.0, 0.12)
    beam = length * vary(rng, 0.36, 0.08)
    depth = length * 0.19
    hl, hb = length / 2, beam / 2
    deck_z = depth
    # the hull: deck outline (pointed bow, square transom) over a V keel line
    pts = [(0, -hl, deck_z * 1.12)]
    for y in np.linspace(-hl * 0.7, hl, 7):
        w = hb * np.sqrt(max(0.0, 1 - ((min(y, 0.0) + hl * 0.1) / (hl * 0.95)) ** 2)) if y < 0 else hb * (1 - 0.12 * y / hl)
        pts += [(w, y, deck_z), (-w, y, deck_z), (w * 0.55, y, deck_z * 0.35), (-w * 0.55, y, deck_z * 0.35)]
    pts += [(0, -hl * 0.75, 0.0), (0, hl * 0.95, 0.0)]
    shell = hull(pts)
    deck = hull([(x * 0.92, y, deck_z + dz) for x, y, z in pts if z == deck_z for dz in (0.0, 0.04)] +
                [(0, -hl * 0.92, deck_z * 1.1), (0, -hl * 0.92, deck_z * 1.1 + 0.04)])
    band = hull([(x * 1.01, y, z) for x, y, z in pts if z == deck_z] +
                [(x * 1.01, y, z - 0.15) for x, y, z in pts if z == deck_z] + [(0, -hl - 0.02, deck_z * 1.12)])
    hull_col = jitter(rng, pick(rng, (WHITE, WHITE, (0.1, 0.2, 0.45), (0.7, 0.1, 0.08), (0.15, 0.35, 0.25))), 0.02)
    parts = [part("boat", shell, "plastic", hull_col, roughness=0.25),
             part("gunwale", band, "plastic", pick(rng, ((0.1, 0.2, 0.45), (0.7, 0.1, 0.08), (0.9, 0.9, 0.9))),
                  role="detail"),
             part("deck", deck, "wood", (0.68, 0.5, 0.32), role="detail")]
    if sail:
        mast_y = -hl * 0.2
        mast_h = length * 1.15
        mast = rod((0, mast_y, deck_z), (0, mast_y, deck_z + mast_h), 0.06, 10)
        boom = rod((0, mast_y, deck_z + 0.9), (0, hl * 0.75, deck_z + 0.9), 0.045, 8)
        main = hull([(dx, y, z) for dx in (-0.015, 0.015) for y, z in
                     ((mast_y + 0.08, deck_z + 0.95), (mast_y + 0.08, deck_z + mast_h - 0.1), (hl * 0.72, deck_z + 0.95))])
        jib = hull([(dx, y, z) for dx in (-0.015, 0.015) for y, z in
                    ((mast_y - 0.1, deck_z + mast_h * 0.8), (-hl * 0.92, deck_z + 0.3), (mast_y - 0.2, deck_z + 0.5))])
        parts += [part("mast", [mast, boom], "metal", METAL, role="detail"),
                  part("sails", [main, jib], "fabric", jitter(rng, (0.95, 0.94, 0.9), 0.02), role="detail")]
        description = "a sailboat with a mast and two white sails"
    else:
        cab_y0, cab_y1 = -hl * 0.3, hl * 0.25
        cabin = hull([(x * hb * 0.7, y, z) for x in (-1, 1) for y, z in
                      ((cab_y0, deck_z), (cab_y1, deck_z), (cab_y0 + 0.5, deck_z + 0.9), (cab_y1, deck_z + 0.9))])
        screen = hull([(x * hb * 0.66, y, z) for x in (-1, 1) for y, z in
                       ((cab_y0 - 0.02, deck_z + 0.15), (cab_y0 + 0.47, deck_z + 0.85),
                        (cab_y0 + 0.03, deck_z + 0.15), (cab_y0 + 0.52, deck_z + 0.85))])
        motor = box((0.35, 0.4, 0.9), (0, hl + 0.15, deck_z * 0.9))
        parts += [part("cabin", cabin, "plastic", WHITE, role="detail"),
                  part("windscreen", screen, "glass", WINDOW, role="detail", roughness=0.05),
                  part("outboard_motor", motor, "plastic", (0.12, 0.12, 0.13), role="detail")]
        description = "a motorboat with a small cabin and an outboard motor"
    return make_asset(parts, description=description)


@category("bicycle", size=((0.9, 1.2), (1.5, 1.9)), group="vehicle", placement="floor", synonyms=("bike", "cycle", "push bike", "road bike",
                                                                 "mountain bike", "racing bike"))
def bicycle(rng: np.random.Generator) -> Asset:
    wr = vary(rng, 0.34, 0.04)
    wheelbase = vary(rng, 1.02, 0.05)
    yf, yr = -wheelbase / 2, wheelbase / 2
    hub_z = wr
    tyres, metal = [], []
    for y in (yf, yr):
        t, m = thin_wheel((0, y, hub_z), wr, 0.014, spokes=10)
        tyres += t
        metal += m
    bb = np.array([0.0, yr - 0.42, 0.3])  # bottom bracket (the pedals' axle)
    seat_top = np.array([0.0, bb[1] + 0.17, bb[2] + vary(rng, 0.55, 0.06)])
    head_top = np.array([0.0, yf + 0.2, seat_top[2] - 0.02])
    head_bot = np.array([0.0, yf + 0.16, hub_z + 0.16])
    fr = 0.022
    frame = [rod(bb, seat_top, fr), rod(seat_top - (0, 0, 0.05), head_top, fr), rod(bb, head_bot, fr * 1.15),
             rod(head_bot, head_top, fr * 1.2)]
    for x in (-1, 1):
        frame.append(rod(bb + (x * 0.03, 0, 0), (x * 0.05, yr, hub_z), fr * 0.6))
        frame.append(rod(seat_top - (x * -0.02, 0, 0.06), (x * 0.05, yr, hub_z), fr * 0.55))
        frame.append(rod(head_bot + (x * 0.02, 0, 0), (x * 0.05, yf, hub_z), fr * 0.6))
    # mudguards over both wheels, painted like the frame (they carry the colour at a distance)
    guards = []
    for y in (yf, yr):
        arc = [(0.0, y + np.cos(a) * (wr + 0.03), hub_z + np.sin(a) * (wr + 0.03)) for a in np.linspace(0.35, 2.8, 14)]
        if y == yr:
            arc = [(0.0, y + np.cos(a) * (wr + 0.03), hub_z + np.sin(a) * (wr + 0.03)) for a in np.linspace(0.3, 2.6, 14)]
        guards.append(tube(arc, 0.04, 10))
    guards.append(hull([(x, y, z) for x in (0.05, 0.075) for y, z in ((bb[1] - 0.1, bb[2]), (bb[1] + 0.1, bb[2] + 0.08),
                                                                      (yr, hub_z + 0.03), (yr, hub_z - 0.04),
                                                                      (bb[1], bb[2] - 0.1))]))
    post_top = seat_top + (0, 0.02, 0.1)
    metal.append(rod(seat_top, post_top, 0.012, 8))
    saddle = superellipsoid((0.07, 0.13, 0.03), post_top + (0, 0.01, 0.02), 0.5, 2)
    stem_top = head_top + (0, -0.03, 0.1)
    metal.append(rod(head_top, stem_top, 0.014, 8))
    bar = [stem_top + (-0.3, 0.05, 0.02), stem_top + (-0.22, 0.0, 0.0), stem_top + (0.22, 0.0, 0.0),
           stem_top + (0.3, 0.05, 0.02)]
    metal.append(tube(bar, 0.012, 8))
    grips = [rod(stem_top + (s * 0.24, 0.02, 0.005), stem_top + (s * 0.31, 0.055, 0.025), 0.017, 8) for s in (-1, 1)]
    chainring = torus(0.09, 0.008, (0, 0, 0), 24, 6)
    rotate(chainring, np.pi / 2, (0, 1, 0))
    chainring.apply_translation(bb + (0.06, 0, 0))
    cranks = [rod(bb + (0.07, 0, 0), bb + (0.07, 0.0, -0.17), 0.01, 6), rod(bb - (0.07, 0, 0), bb + (-0.07, 0, 0.17), 0.01, 6)]
    pedals = [box((0.09, 0.06, 0.02), bb + (0.13, 0, -0.17)), box((0.09, 0.06, 0.02), bb + (-0.13, 0, 0.17))]
    paint = jitter(rng, pick(rng, ((0.75, 0.08, 0.06), (0.1, 0.3, 0.7), (0.1, 0.1, 0.1), (0.92, 0.92, 0.9),
                                   (0.15, 0.5, 0.3), (0.95, 0.75, 0.1))), 0.02)
    parts = [part("frame", frame + guards, "metal", paint, roughness=0.3),
             part("tyres", tyres, "rubber", TYRE, role="detail"),
             # rims and spokes take a requested colour too: thin as they are, the wheels are most of a bicycle
             part("rims_and_spokes", metal, "metal", METAL),
             part("drivetrain", [chainring] + cranks, "metal", METAL, role="detail"),
             part("saddle_and_grips", [saddle, *grips, *pedals], "leather", SEAT, role="detail")]
    return make_asset(parts, description="a bicycle with two thin wheels, a diamond frame, a saddle and handlebars")


@category("motorcycle", size=((1.0, 1.5), (1.8, 2.4)), group="vehicle", placement="floor", synonyms=("motorbike", "motor bike", "scooter", "moped",
                                                                    "dirt bike", "motor cycle"))
def motorcycle(rng: np.random.Generator) -> Asset:
    wr = vary(rng, 0.32, 0.05)
    wheelbase = vary(rng, 1.45, 0.05)
    yf, yr = -wheelbase / 2, wheelbase / 2
    tyres, metal, discs = [], [], []
    for y in (yf, yr):
        t, m = thin_wheel((0, y, wr), wr, 0.055, spokes=0)
        tyres += t
        metal += m
        discs.append(rod((-0.035, y, wr), (0.035, y, wr), wr * 0.62, 20))  # painted disc wheels
    seat_z = vary(rng, 0.8, 0.05)
    engine = superellipsoid((0.17, 0.25, 0.2), (0, 0.02, wr + 0.05), 0.4, 2)
    cylinders = superellipsoid((0.22, 0.1, 0.12), (0, -0.18, wr + 0.22), 0.4, 2)
    tank = ellipsoid((0.16, 0.3, 0.13), (0, -0.12, seat_z + 0.06), 3)
    tail = hull([(x, y, z) for x in (-0.12, 0.12) for y, z in ((0.2, seat_z - 0.08), (0.2, seat_z + 0.02),
                                                                 (yr + 0.15, seat_z + 0.12), (yr + 0.1, seat_z - 0.02))])
    seat = superellipsoid((0.14, 0.26, 0.05), (0, 0.3, seat_z + 0.04), 0.5, 2)
    front_guard = tube([(0.0, yf + np.cos(a) * (wr + 0.05), wr + np.sin(a) * (wr + 0.05)) for a in np.linspace(0.6, 2.5, 10)],
                       0.07, 10)
    head = np.array([0.0, yf + 0.25, seat_z + 0.25])
    forks = [rod((x, yf, wr), head + (x, 0, -0.05), 0.025, 8) for x in (-0.09, 0.09)]
    frame = [rod(head, (0, 0.15, seat_z - 0.05), 0.03, 8), rod(head + (0, 0.05, -0.1), (0, 0.0, wr - 0.05), 0.03, 8),
             rod((0, 0.15, seat_z - 0.05), (0.08, yr, wr), 0.025, 8), rod((0, 0.1, wr), (0.08, yr, wr), 0.025, 8)]
    bar = tube([head + (-0.36, 0.08, 0.12), head + (-0.15, 0.03, 0.06), head + (0.15, 0.03, 0.06),
                head + (0.36, 0.08, 0.12)], 0.014, 8)
    grips = [rod(head + (s * 0.27, 0.06, 0.1), head + (s * 0.37, 0.085, 0.125), 0.02, 8) for s in (-1, 1)]
    lamp_c = head + (0, -0.1, -0.05)
    lamp = rod(lamp_c + (0, 0.05, 0), lamp_c, 0.09, 16)
    lens = rod(lamp_c, lamp_c - (0, 0.01, 0), 0.08, 16)
    exhaust = tube([(0.15, -0.05, wr - 0.05), (0.17, 0.3, wr - 0.02), (0.19, yr + 0.1, wr + 0.12)], 0.045, 10)
    mirrors = [rod(head + (s * 0.22, 0.05, 0.08), head + (s * 0.26, 0.05, 0.3), 0.006, 5) for s in (-1, 1)]
    mirrors += [ellipsoid((0.05, 0.015, 0.035), head + (s * 0.27, 0.05, 0.31), 1) for s in (-1, 1)]
    fairing = hull([(x, y, z) for x in (-0.2, 0.2) for y, z in ((yf + 0.28, seat_z + 0.38), (yf + 0.18, seat_z - 0.05),
                                                                  (yf + 0.5, wr - 0.05), (-0.1, wr - 0.05),
                                                                  (-0.1, seat_z + 0.05), (yf + 0.55, seat_z + 0.2))])
    covers = hull([(x, y, z) for x in (-0.15, 0.15) for y, z in ((0.05, seat_z - 0.02), (yr - 0.1, seat_z + 0.02),
                                                                   (0.1, wr + 0.08), (0.35, wr + 0.1))])
    belly = hull([(x, y, z) for x in (-0.21, 0.21) for y, z in ((-0.3, wr - 0.14), (0.32, wr - 0.12), (-0.35, wr + 0.15),
                                                                  (0.3, wr + 0.1))])
    paint = jitter(rng, pick(rng, ((0.75, 0.08, 0.06), (0.05, 0.05, 0.06), (0.1, 0.25, 0.65), (0.95, 0.6, 0.05),
                                   (0.15, 0.45, 0.2), (0.85, 0.85, 0.85))), 0.02)
    parts = [part("motorcycle", [tank, tail, front_guard, fairing, covers, belly, *discs], "metal", paint, roughness=0.2),
             part("seat", seat, "leather", SEAT, role="detail"),
             part("engine", [engine, cylinders, *frame], "metal", DARK_METAL, role="detail"),
             part("chrome", metal + forks + [bar, exhaust, lamp] + mirrors, "metal", METAL, role="detail"),
             part("tyres", tyres + grips, "rubber", TYRE, role="detail"),
             part("headlight", lens, "emissive", HEADLIGHT, role="detail")]
    return make_asset(parts, description="a motorcycle with a fuel tank, a seat, handlebars and two wheels")
