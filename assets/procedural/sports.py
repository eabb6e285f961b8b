"""Sports gear at real size: frisbee, skis, snowboard, kite, baseball bat and glove, skateboard,
surfboard and tennis racket.

Long flat things (skis, boards, bats, rackets) lie on their support with their length along X, so
the main view (from -Y) sees their whole length; the kite and the surfboard stand up, faces toward -Y.
"""
from __future__ import annotations

import numpy as np
import trimesh

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.palette import BLACK, METAL, WHITE
from fyi.assets.procedural.shapes import (box, capsule, ellipsoid, hull, jitter, lathe,
                                          make_asset, part, pick, rod, rotate, superellipsoid, torus, tube, vary)

BRIGHT = ((0.85, 0.1, 0.08), (0.1, 0.35, 0.8), (0.95, 0.75, 0.05), (0.15, 0.6, 0.3), (0.95, 0.45, 0.05),
          (0.55, 0.2, 0.6), (0.92, 0.92, 0.9))


def _board(length: float, width: float, thick: float, tip_up: float, tail_up: float, nose: float = 0.12,
           steps: int = 24) -> trimesh.Trimesh:
    """A flat board along X with rounded ends bent up (skis, snowboards, skate decks): a sheet of hulls."""
    xs = np.linspace(-length / 2, length / 2, steps)
    pieces = []
    for x0, x1 in zip(xs[:-1], xs[1:]):
        ring = []
        for x in (x0, x1):
            u = (x + length / 2) / length  # 0 at the tail, 1 at the tip
            end = min(u, 1 - u) * length / (nose * length + 1e-9)
            half = width / 2 * np.sqrt(np.clip(end, 0.0, 1.0)) if end < 1 else width / 2
            half = max(half, width * 0.12)
            lift = tip_up * np.clip((u - (1 - nose)) / nose, 0, 1) ** 2 + tail_up * np.clip((nose - u) / nose, 0, 1) ** 2
            ring += [(x, -half, lift), (x, half, lift), (x, -half, lift + thick), (x, half, lift + thick)]
        pieces.append(hull(ring))
    return trimesh.util.concatenate(pieces)


@category("frisbee", size=((0.02, 0.04), (0.2, 0.3)), group="sports", placement="surface", synonyms=("flying disc", "flying disk", "disc", "disk"))
def frisbee(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.135, 0.05)
    h = r * 0.2
    profile = [(0.0, h), (r * 0.7, h * 0.97), (r * 0.95, h * 0.8), (r, h * 0.4), (r * 0.97, 0.0), (r * 0.92, 0.0),
               (r * 0.93, h * 0.7), (r * 0.7, h * 0.85), (0.0, h * 0.88)]
    disc = lathe(profile, 48)
    rings = [torus(r * s, 0.0025, (0, 0, h * (0.99 if s < 0.7 else 0.93)), 48, 4) for s in (0.45, 0.75)]
    colour = jitter(rng, pick(rng, BRIGHT), 0.03)
    parts = [part("frisbee", disc, "plastic", colour, roughness=0.3),
             part("rings", rings, "plastic", WHITE if colour[0] + colour[1] + colour[2] < 2.2 else (0.2, 0.2, 0.2),
                  role="detail")]
    return make_asset(parts, description="a plastic flying disc")


@category("skis", size=((0.05, 0.15), (1.4, 2.0)), group="sports", placement="floor", synonyms=("ski", "pair of skis"))
def skis(rng: np.random.Generator) -> Asset:
    length = vary(rng, 1.7, 0.08)
    width = vary(rng, 0.09, 0.1)
    gap = 0.06
    boards, bindings = [], []
    for y in (-1, 1):
        b = _board(length, width, 0.015, 0.09, 0.03, 0.12)
        b.apply_translation((0, y * (width + gap) / 2, 0))
        boards.append(b)
        for dx in (-0.12, 0.1):
            bindings.append(superellipsoid((0.07, width * 0.42, 0.025), (dx, y * (width + gap) / 2, 0.04), 0.4, 2))
    colour = jitter(rng, pick(rng, BRIGHT), 0.03)
    parts = [part("skis", boards, "plastic", colour, roughness=0.3),
             part("bindings", bindings, "plastic", pick(rng, (BLACK, WHITE, (0.5, 0.5, 0.52))), role="detail")]
    return make_asset(parts, description="a pair of long thin skis with bindings, tips turned up")


@category("snowboard", size=((0.1, 0.2), (1.3, 1.7)), group="sports", placement="floor", synonyms=("snow board",))
def snowboard(rng: np.random.Generator) -> Asset:
    length = vary(rng, 1.55, 0.06)
    width = vary(rng, 0.26, 0.06)
    board = _board(length, width, 0.016, 0.07, 0.07, 0.14)
    bindings = []
    for dx in (-0.26, 0.26):
        base = superellipsoid((0.1, width * 0.4, 0.02), (dx, 0, 0.035), 0.4, 2)
        back = hull([(dx + sx * 0.09, width * 0.3 + dy, z) for sx in (-1, 1) for dy in (0.0, 0.02) for z in (0.03, 0.16)])
        straps = [rod((dx + s, -width * 0.38, 0.05), (dx + s, width * 0.3, 0.09), 0.018, 8) for s in (-0.05, 0.05)]
        bindings += [base, back, *straps]
    graphic = superellipsoid((length * 0.22, width * 0.3, 0.002), (0, 0, 0.017), 0.6, 2)
    colour = jitter(rng, pick(rng, BRIGHT), 0.03)
    parts = [part("snowboard", board, "plastic", colour, roughness=0.3),
             part("graphic", graphic, "plastic", pick(rng, (WHITE, BLACK, (0.95, 0.75, 0.05))), role="detail"),
             part("bindings", bindings, "plastic", BLACK, role="detail")]
    return make_asset(parts, description="a snowboard with two bindings, both ends turned up")


@category("kite", size=((0.5, 2.5), (0.5, 1.5)), group="sports", placement="floor", synonyms=("flying kite", "diamond kite"))
def kite(rng: np.random.Generator) -> Asset:
    span = vary(rng, 0.75, 0.12)
    height = span * vary(rng, 1.3, 0.06)
    cross = height * 0.3  # the cross spar sits a third down from the top
    tail_len = height * vary(rng, 1.1, 0.1)
    z0 = tail_len + 0.02  # bottom tip of the diamond
    top, bottom = (0.0, z0 + height), (0.0, z0)
    left, right = (-span / 2, z0 + height - cross), (span / 2, z0 + height - cross)
    centre = (0.0, z0 + height - cross)
    sail_colours = [jitter(rng, c, 0.02) for c in (pick(rng, BRIGHT[:6]), pick(rng, BRIGHT[:6]))]
    panels = []
    for a, b in ((top, left), (top, right), (bottom, left), (bottom, right)):
        panels.append(hull([(x, y, z) for y in (-0.004, 0.004) for x, z in (a, b, centre)]))
    spars = [rod((0, 0.012, bottom[1]), (0, 0.012, top[1]), 0.005, 6), rod((left[0], 0.012, left[1]),
                                                                          (right[0], 0.012, right[1]), 0.005, 6)]
    t = np.linspace(0, 1, 12)
    tail_path = np.column_stack([0.06 * np.sin(t * 3 * np.pi), np.zeros_like(t), z0 - t * (tail_len)])
    tail = tube(tail_path, 0.004, 5)
    bows = []
    for k in range(1, 5):
        p = tail_path[int(k * 11 / 5)]
        bows += [hull([(p[0] + sx * dx, yy, p[2] + sz * dz) for yy in (-0.003, 0.003) for dx, dz in
                       ((0.0, 0.0), (0.05, 0.025), (0.05, -0.025))]) for sx, sz in ((1, 1), (-1, 1))]
    parts = [part("sail", [panels[0], panels[3]], "fabric", sail_colours[0]),
             part("sail_panels", [panels[1], panels[2]], "fabric", sail_colours[1]),
             part("spars", spars, "wood", (0.6, 0.45, 0.3), role="detail"),
             part("tail", [tail, *bows], "fabric", pick(rng, ((0.9, 0.1, 0.1), (0.95, 0.8, 0.1), WHITE)), role="detail")]
    return make_asset(parts, description="a diamond kite with cross spars and a tail with bows")


@category("baseball_bat", size=((0.05, 0.09), (0.8, 1.1)), group="sports", placement="floor", synonyms=("bat", "baseball bat", "softball bat",
                                                                     "cricket bat"))
def baseball_bat(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.84, 0.05)
    barrel = vary(rng, 0.033, 0.08)
    z = np.linspace(0, length, 18)
    u = z / length
    radius = 0.012 + (barrel - 0.012) * np.clip((u - 0.25) / 0.5, 0, 1) ** 1.6
    radius[-1] = barrel * 0.7
    profile = [(0.0, 0.0), (0.022, 0.0), (0.022, 0.012), (0.012, 0.02)] + [(float(r), float(zz)) for r, zz in
                                                                           zip(radius[1:], z[1:])] + [(0.0, length)]
    bat = lathe(profile, 24)
    grip = lathe([(0.0135, 0.025), (0.0135, 0.25), (0.0125, 0.25), (0.0125, 0.025)], 24)
    for mesh in (bat, grip):  # lay it down along X, knob at -X
        rotate(mesh, np.pi / 2, (0, 1, 0))
    material = pick(rng, ("wood", "wood", "metal"))
    colour = jitter(rng, pick(rng, ((0.8, 0.65, 0.42), (0.55, 0.35, 0.18), (0.15, 0.12, 0.1))) if material == "wood"
                    else pick(rng, (METAL, (0.1, 0.1, 0.12), (0.75, 0.1, 0.1))), 0.02)
    parts = [part("baseball_bat", bat, material, colour), part("grip", grip, "rubber", BLACK, role="detail")]
    return make_asset(parts, description="a baseball bat lying on its side")


@category("baseball_glove", size=((0.2, 0.35), (0.2, 0.32)), group="sports", placement="surface",
          synonyms=("baseball mitt", "mitt", "catcher's mitt", "glove", "fielding glove", "softball glove"))
def baseball_glove(rng: np.random.Generator) -> Asset:
    s = vary(rng, 1.0, 0.08)  # the glove stands on its heel, pocket facing -Y, fingers up and tilted back
    palm = ellipsoid((0.09 * s, 0.05 * s, 0.1 * s), (0, 0, 0.1 * s), 3)
    heel = superellipsoid((0.085 * s, 0.055 * s, 0.03 * s), (0, 0.005, 0.03 * s), 0.5, 2)
    fingers = []
    for k, x in enumerate((-0.05, -0.017, 0.017, 0.05)):
        base = np.array([x * s, 0.005 * s, 0.17 * s])
        tip = base + (x * 0.35 * s, 0.03 * s, (0.14 - 0.015 * abs(k - 1.5)) * s)
        fingers.append(capsule(base, tip, 0.021 * s, 8))
    thumb = capsule((-0.085 * s, -0.0, 0.09 * s), (-0.14 * s, -0.03 * s, 0.2 * s), 0.024 * s, 8)
    web = hull([(-0.075 * s, -0.01 * s, 0.17 * s), (-0.13 * s, -0.03 * s, 0.2 * s), (-0.06 * s, 0.0, 0.27 * s),
                (-0.075 * s, 0.01 * s, 0.17 * s), (-0.12 * s, -0.01 * s, 0.21 * s), (-0.06 * s, 0.015 * s, 0.27 * s)])
    pocket = ellipsoid((0.06 * s, 0.015 * s, 0.07 * s), (0, -0.042 * s, 0.12 * s), 2)
    laces = [tube([(x * s, -0.02 * s, 0.28 * s), (x * s, -0.03 * s, 0.3 * s)], 0.004, 4) for x in (-0.05, -0.017, 0.017)]
    laces += [torus(0.07 * s, 0.004, (0, 0.0, 0.05 * s), 24, 4)]
    glove = [palm, heel, *fingers, thumb]
    for m in glove + [web, pocket] + laces:
        rotate(m, -0.35, (1, 0, 0))
    colour = jitter(rng, pick(rng, ((0.55, 0.32, 0.14), (0.4, 0.22, 0.1), (0.15, 0.12, 0.1), (0.75, 0.5, 0.25))), 0.03)
    parts = [part("baseball_glove", glove + [web], "leather", colour),
             part("pocket", pocket, "leather", tuple(c * 0.75 for c in colour), role="detail"),
             part("laces", laces, "leather", (0.75, 0.6, 0.4), role="detail")]
    return make_asset(parts, description="a leather baseball glove with a webbed thumb")


@category("skateboard", size=((0.08, 0.16), (0.7, 0.85)), group="sports", placement="floor", synonyms=("skate board", "longboard", "skate deck"))
def skateboard(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.8, 0.05)
    width = vary(rng, 0.21, 0.05)
    wheel_r = 0.027
    deck_z = 2 * wheel_r + 0.035
    deck = _board(length, width, 0.012, 0.045, 0.045, 0.13)
    deck.apply_translation((0, 0, deck_z))
    grip = _board(length * 0.98, width * 0.96, 0.002, 0.045, 0.045, 0.13)
    grip.apply_translation((0, 0, deck_z + 0.011))
    trucks, wheels = [], []
    for x in (-length * 0.32, length * 0.32):
        trucks.append(hull([(x + dx, y, z) for dx in (-0.02, 0.02) for y, z in ((-0.03, deck_z), (0.03, deck_z),
                                                                             (0.0, wheel_r + 0.005))]))
        trucks.append(rod((x, -width * 0.45, wheel_r), (x, width * 0.45, wheel_r), 0.006, 8))
        for y in (-1, 1):
            wheels.append(rod((x, y * width * 0.32, wheel_r), (x, y * width * 0.5, wheel_r), wheel_r, 16))
    colour = jitter(rng, pick(rng, BRIGHT + ((0.72, 0.53, 0.33),)), 0.03)
    parts = [part("skateboard", deck, "wood", colour),
             part("grip_tape", grip, "rubber", (0.08, 0.08, 0.08), role="detail"),
             part("trucks", trucks, "metal", METAL, role="detail"),
             part("wheels", wheels, "plastic", pick(rng, (WHITE, (0.95, 0.8, 0.2), (0.9, 0.3, 0.2))), role="detail")]
    return make_asset(parts, description="a skateboard: a deck with kicked-up ends on four small wheels")


@category("surfboard", size=((1.6, 2.8), (0.35, 0.6)), group="sports", placement="floor", synonyms=("surf board", "paddleboard", "bodyboard",
                                                                  "longboard surfboard"))
def surfboard(rng: np.random.Generator) -> Asset:
    length = vary(rng, 2.1, 0.15)  # stood on its tail, deck facing -Y
    width = length * vary(rng, 0.25, 0.1)
    thick = 0.065
    # an outline that is widest a little below the middle and pointed at the nose (top)
    u = np.linspace(0, 1, 22)
    half = width / 2 * np.clip(np.sin(np.pi * np.clip(u * 0.95 + 0.05, 0, 1)) ** 0.7 * (1 - 0.25 * u), 0.02, None)
    half[0] = width * 0.16
    pieces = []
    for k in range(len(u) - 1):
        pts = []
        for j in (k, k + 1):
            z = u[j] * length
            tk = thick * (0.4 + 0.6 * np.sin(np.pi * np.clip(u[j], 0.05, 0.95)))
            pts += [(-half[j], 0.0, z), (half[j], 0.0, z), (-half[j] * 0.6, -tk / 2, z), (half[j] * 0.6, -tk / 2, z),
                    (-half[j] * 0.6, tk / 2, z), (half[j] * 0.6, tk / 2, z)]
        pieces.append(hull(pts))
    board = trimesh.util.concatenate(pieces)
    stripe = hull([(x, y, z) for x in (-0.012, 0.012) for y in (-thick * 0.49, -thick * 0.4) for z in
                   (length * 0.08, length * 0.92)])
    fin = hull([(x, y, z) for x in (-0.004, 0.004) for y, z in ((thick / 2, 0.06), (thick / 2, 0.25), (thick / 2 + 0.12, 0.08))])
    colour = jitter(rng, pick(rng, BRIGHT), 0.03)
    parts = [part("surfboard", board, "plastic", colour, roughness=0.2),
             part("stripe", stripe, "plastic", WHITE if sum(colour) < 2.2 else (0.1, 0.3, 0.7), role="detail"),
             part("fin", fin, "plastic", (0.15, 0.15, 0.16), role="detail")]
    return make_asset(parts, description="a surfboard standing on its tail, pointed nose up")


@category("tennis_racket", size=((0.02, 0.05), (0.65, 0.72)), group="sports", placement="floor", synonyms=("tennis racquet", "racket", "racquet",
                                                                      "badminton racket"))
def tennis_racket(rng: np.random.Generator) -> Asset:
    head_l, head_w = vary(rng, 0.32, 0.05), vary(rng, 0.25, 0.05)
    length = vary(rng, 0.68, 0.03)
    z = 0.02  # lying flat, head at +X, handle at -X
    cx = length / 2 - head_l / 2
    a = np.linspace(0, 2 * np.pi, 40, endpoint=False)
    ring_pts = np.column_stack([cx + head_l / 2 * np.cos(a), head_w / 2 * np.sin(a), np.full_like(a, z)])
    frame = tube(np.vstack([ring_pts, ring_pts[:1]]), 0.011, 8)
    throat_x = cx - head_l / 2
    throat = [tube([(throat_x - 0.11, 0, z), (throat_x + 0.005, y * head_w * 0.28, z)], 0.009, 8) for y in (-1, 1)]
    shaft = rod((throat_x - 0.11, 0, z), (-length / 2 + 0.19, 0, z), 0.012, 10)
    handle = rod((-length / 2, 0, z), (-length / 2 + 0.2, 0, z), 0.016, 8)
    strings = []
    for y in np.linspace(-head_w * 0.4, head_w * 0.4, 8):
        half = head_l / 2 * np.sqrt(max(0.0, 1 - (y / (head_w / 2)) ** 2)) - 0.006
        strings.append(box((2 * half, 0.0025, 0.0025), (cx, y, z)))
    for x in np.linspace(cx - head_l * 0.4, cx + head_l * 0.4, 10):
        half = head_w / 2 * np.sqrt(max(0.0, 1 - ((x - cx) / (head_l / 2)) ** 2)) - 0.006
        strings.append(box((0.0025, 2 * half, 0.0025), (x, 0, z + 0.0025)))
    colour = jitter(rng, pick(rng, ((0.1, 0.1, 0.12), (0.85, 0.1, 0.08), (0.1, 0.3, 0.75), (0.92, 0.92, 0.9),
                                    (0.95, 0.75, 0.05))), 0.03)
    parts = [part("tennis_racket", [frame, *throat, shaft], "plastic", colour, roughness=0.3),
             part("strings", strings, "plastic", (0.95, 0.95, 0.9), role="detail"),
             part("grip", handle, "rubber", pick(rng, (BLACK, WHITE, (0.3, 0.3, 0.32))), role="detail")]
    return make_asset(parts, description="a tennis racket lying flat: an oval strung head, a throat and a grip")
