"""Yard, garden, camping, beach and boating things at real size, faces toward -Y, long things along X:
barrel, bucket, ladder, deck chair, grill, hose, log, Christmas tree, balloon, tarp, storage tank,
buoy, life buoy, life jacket, oar, paddle, tripod, snowman and sled.
"""
from __future__ import annotations

import numpy as np
import trimesh

from fyi.assets.catalog import category
from fyi.assets.model import Asset, Surface
from fyi.assets.procedural.palette import BLACK, DARK_METAL, METAL, PLASTICS, WHITE, WOODS
from fyi.assets.procedural.shapes import (arc_points, box, cone, cylinder, ellipsoid, hull, jitter, lathe, make_asset,
                                          part, pick, rod, rotate, superellipsoid, top_surface, torus, tube, vary)

BARK = (0.33, 0.24, 0.16)
HEARTWOOD = (0.78, 0.62, 0.42)
EVERGREEN = (0.08, 0.3, 0.12)
CANVAS_STRIPES = ((0.85, 0.15, 0.12), (0.1, 0.35, 0.75), (0.15, 0.55, 0.3), (0.95, 0.7, 0.1), (0.95, 0.45, 0.1))
BUOY_ORANGE = (0.98, 0.4, 0.05)


def hollow(profile_outer: list, wall: float, floor: float, sections: int = 32) -> trimesh.Trimesh:
    """An open vessel of revolution from its outer (r, z) profile, listed from the base outward and up."""
    inner = [(max(r - wall, 1e-3), max(z, floor)) for r, z in profile_outer[1:]][::-1]
    return lathe([(0.0, 0.0), *profile_outer[1:], *inner, (0.0, floor)], sections)


@category("bucket", size=((0.18, 0.45), (0.2, 0.42)), group="outdoor", placement="floor",
          synonyms=("pail", "water bucket", "metal bucket", "plastic bucket", "mop bucket"))
def bucket(rng: np.random.Generator) -> Asset:
    h = vary(rng, 0.28, 0.15)
    r_top = h * vary(rng, 0.55, 0.08)
    r_bot = r_top * vary(rng, 0.8, 0.06)
    body = hollow([(0.0, 0.0), (r_bot, 0.0), (r_top, h)], 0.006, 0.008, 40)
    rim = torus(r_top, 0.006, (0, 0, h), 40, 6)
    ribs = [torus(r_bot + (r_top - r_bot) * f + 0.002, 0.004, (0, 0, h * f), 40, 6) for f in (0.3, 0.75)]
    # the bail handle rests tipped over toward +Y, as it lies when nobody holds it
    bail = tube(arc_points(r_top, 0.0, np.pi, (0, 0, 0), "xz", 16), 0.004, 6)
    rotate(bail, -1.2, (1, 0, 0))
    bail.apply_translation((0, 0, h * 0.9))
    ears = [rod((x * r_top * 0.98, 0, h * 0.9), (x * (r_top + 0.012), 0, h * 0.9), 0.012, 8) for x in (-1, 1)]
    metal = rng.random() < 0.4
    colour = jitter(rng, METAL if metal else pick(rng, PLASTICS), 0.03)
    parts = [part("bucket", [body, rim, *ribs], "metal" if metal else "plastic", colour, roughness=0.35),
             part("handle", [bail, *ears], "metal", DARK_METAL if not metal else (0.5, 0.5, 0.52), role="detail")]
    inside = r_bot * 0.68
    surface = Surface("interior", 0.008, (-inside, -inside), (inside, inside), kind="interior", clearance=None)
    return make_asset(parts, [surface], description="a bucket with a wire bail handle, open at the top")


@category("barrel", size=((0.55, 1.1), (0.4, 0.75)), group="outdoor", placement="floor",
          synonyms=("cask", "keg", "wooden barrel", "wine barrel", "oil drum", "rain barrel", "barrels"))
def barrel(rng: np.random.Generator) -> Asset:
    wooden = rng.random() < 0.6
    if wooden:
        h = vary(rng, 0.9, 0.1)
        r_end, r_mid = h * 0.3, h * 0.36
        zs = np.linspace(0, h, 11)
        profile = [(0.0, 0.0)] + [(float(r_end + (r_mid - r_end) * np.sin(np.pi * z / h)), float(z)) for z in zs] + [(0.0, h)]
        body = lathe(profile, 36)
        staves = []
        for k in range(18):  # dark seams between the staves
            a = 2 * np.pi * k / 18
            path = [((r + 0.002) * np.cos(a), (r + 0.002) * np.sin(a), z) for r, z in profile[1:-1]]
            staves.append(tube(path, 0.003, 4))
        hoops = [torus(r_end + (r_mid - r_end) * np.sin(np.pi * f) + 0.004, 0.008, (0, 0, h * f), 36, 4)
                 for f in (0.06, 0.25, 0.75, 0.94)]
        parts = [part("barrel", body, "wood", jitter(rng, pick(rng, WOODS[:3]), 0.03)),
                 part("seams", staves, "wood", (0.2, 0.13, 0.08), role="detail"),
                 part("hoops", hoops, "metal", DARK_METAL, role="detail", roughness=0.5)]
        return make_asset(parts, description="a wooden barrel of bulging staves held by iron hoops")
    h, r = vary(rng, 0.88, 0.04), vary(rng, 0.29, 0.04)
    body = cylinder(r, h, (0, 0, 0), 36)
    ribs = [torus(r + 0.004, 0.012, (0, 0, h * f), 36, 6) for f in (0.02, 0.33, 0.66, 0.98)]
    bung = cylinder(0.03, 0.012, (r * 0.6, 0, h), 12)
    colour = jitter(rng, pick(rng, ((0.15, 0.3, 0.65), (0.75, 0.1, 0.08), (0.1, 0.4, 0.2), (0.1, 0.1, 0.1), (0.95, 0.7, 0.1))), 0.03)
    parts = [part("barrel", [body, *ribs], "metal", colour, roughness=0.4),
             part("bung", bung, "metal", METAL, role="detail")]
    return make_asset(parts, description="a steel drum with rolling ribs")


@category("ladder", size=((1.0, 2.6), (0.45, 1.4)), group="outdoor", placement="floor",
          synonyms=("stepladder", "step ladder", "step-ladder", "folding ladder"))
def ladder(rng: np.random.Generator) -> Asset:
    steps = int(rng.integers(4, 7))
    h = steps * 0.26 + 0.1
    w = vary(rng, 0.5, 0.1)
    spread = h * 0.28  # feet out from under the top, front and back
    top = 0.1
    aluminium = rng.random() < 0.6
    rail = 0.025 if aluminium else 0.035
    front, rear, treads = [], [], []
    for x in (-1, 1):
        front.append(rod((x * w / 2, -spread, 0), (x * w * 0.4, -top / 2, h), rail, 8))
        rear.append(rod((x * w / 2, spread, 0), (x * w * 0.4, top / 2, h), rail * 0.9, 8))
    for k in range(1, steps):
        f = k / steps
        y = -spread + (spread - top / 2) * f
        half = w / 2 - (w / 2 - w * 0.4) * f
        treads.append(box((2 * half, 0.09, 0.025), (0, y + 0.02, h * f)))
    cap = box((w * 0.85, top + 0.08, 0.06), (0, 0, h + 0.02))
    braces = [rod((x * w * 0.45, -spread * 0.5, h * 0.45), (x * w * 0.45, spread * 0.5, h * 0.45), 0.006, 6) for x in (-1, 1)]
    braces.append(rod((0, spread, 0.25), (0, spread * 0.6, h * 0.4), 0.001 + rail * 0.3, 6))
    colour = jitter(rng, METAL, 0.02) if aluminium else jitter(rng, WOODS[2], 0.03)
    parts = [part("ladder", [*front, *treads], "metal" if aluminium else "wood", colour, roughness=0.35),
             part("rear_legs", [*rear, *braces], "metal" if aluminium else "wood", tuple(c * 0.9 for c in colour),
                  role="detail", roughness=0.35),
             part("top_cap", cap, "plastic", pick(rng, (BLACK, (0.85, 0.15, 0.1), (0.95, 0.7, 0.1), (0.15, 0.35, 0.75))),
                  role="detail")]
    return make_asset(parts, description="an A-frame step ladder with flat treads on its front legs")


def sheet_along(path: np.ndarray, width: float, thick: float) -> list[trimesh.Trimesh]:
    """A strip `width` wide along X that follows a yz path (a sling, a seat): one thin hull per segment."""
    out = []
    for a, b in zip(path[:-1], path[1:]):
        out.append(hull([(x, p[1], p[2] + dz) for x in (-width / 2, width / 2) for p in (a, b) for dz in (0.0, thick)]))
    return out


@category("deck_chair", size=((0.75, 1.1), (0.6, 1.1)), group="outdoor", placement="floor",
          synonyms=("deckchair", "beach chair", "lawn chair", "deck chairs", "folding beach chair"))
def deck_chair(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 0.58, 0.06), vary(rng, 0.85, 0.08), vary(rng, 0.9, 0.08)
    # the sling hangs from the top rail at the back (+Y) down to a seat and up to the front rail (-Y)
    back_top = np.array([0.0, d / 2 - 0.12, h - 0.02])
    seat = np.array([0.0, -0.02, 0.26])
    front = np.array([0.0, -d / 2 + 0.18, 0.42])
    path = [back_top + (seat - back_top) * t + np.array([0, -0.06, 0.0]) * np.sin(np.pi * t) for t in np.linspace(0, 1, 8)]
    path += [seat + (front - seat) * t + np.array([0, 0.0, -0.05]) * np.sin(np.pi * t) for t in np.linspace(0, 1, 6)[1:]]
    path = np.array(path)
    stripes = int(rng.integers(2, 4)) * 2 + 1
    a, b = jitter(rng, pick(rng, CANVAS_STRIPES), 0.03), WHITE
    bands = {"canvas": [], "stripes": []}
    # wide coloured bands between narrow white ones
    widths = np.array([2.0 if k % 2 == 0 else 1.0 for k in range(stripes)])
    edges = -w / 2 + 0.04 + np.concatenate([[0.0], np.cumsum(widths)]) / widths.sum() * (w - 0.08)
    for k, (x0, x1) in enumerate(zip(edges[:-1], edges[1:])):
        strips = sheet_along(path, x1 - x0, 0.006)
        for s in strips:
            s.apply_translation(((x0 + x1) / 2, 0, 0))
        bands["canvas" if k % 2 == 0 else "stripes"] += strips
    frame = []
    for x in (-1, 1):
        xx = x * w / 2
        frame.append(rod((xx, -d / 2 + 0.02, 0), (xx, d / 2 - 0.1, h), 0.018, 8))  # the long raked rail
        frame.append(rod((xx, d / 2 - 0.02, 0), (xx, -0.05, 0.55), 0.018, 8))  # the back leg
        frame.append(rod((xx, -d / 2 + 0.12, 0.05), (xx, -d / 2 + 0.18, 0.42), 0.016, 8))  # the front leg
    frame += [rod((-w / 2, y, z), (w / 2, y, z), 0.016, 8) for y, z in ((back_top[1], back_top[2]), (front[1], front[2]),
                                                                       (-d / 2 + 0.06, 0.1))]
    parts = [part("deck_chair", bands["canvas"], "fabric", a),
             part("stripes", bands["stripes"], "fabric", b, role="detail"),
             # the frame is a body part too: seen three-quarters on, its rails cover as much as the sling
             part("frame", frame, "wood", jitter(rng, pick(rng, WOODS[:3]), 0.03))]
    return make_asset(parts, description="a folding wooden deck chair with a striped canvas sling")


@category("grill", size=((0.8, 1.2), (0.5, 0.8)), group="outdoor", placement="floor",
          synonyms=("barbecue", "barbecue grill", "bbq", "bbq grill", "barbeque", "charcoal grill", "kettle grill",
                    "gas grill"))
def grill(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.28, 0.08)
    z_rim = vary(rng, 0.72, 0.05)
    bowl = lathe([(0.0, z_rim - r * 0.85), (r * 0.5, z_rim - r * 0.78), (r * 0.85, z_rim - r * 0.45), (r, z_rim), (0.0, z_rim)], 36)
    lid = lathe([(0.0, z_rim + 0.005), (r * 1.01, z_rim + 0.005), (r * 0.9, z_rim + r * 0.45), (r * 0.55, z_rim + r * 0.72),
                 (0.0, z_rim + r * 0.78)], 36)
    handle = [rod((0, -r * 0.62, z_rim + r * 0.66), (0, -r * 0.75, z_rim + r * 0.62), 0.008, 6)]
    handle.append(rod((-0.08, -r * 0.78, z_rim + r * 0.63), (0.08, -r * 0.78, z_rim + r * 0.63), 0.014, 8))
    vent = cylinder(0.045, 0.015, (0, 0, z_rim + r * 0.77), 12)
    legs, tray = [], []
    for k in range(3):
        a = np.pi / 2 + 2 * np.pi * k / 3
        top = (r * 0.55 * np.cos(a), r * 0.55 * np.sin(a), z_rim - r * 0.6)
        foot = (r * 0.9 * np.cos(a), r * 0.9 * np.sin(a), 0.0)
        legs.append(rod(foot, top, 0.013, 8))
    tray.append(hull([(sx * r * 0.45, sy * r * 0.45, z) for sx in (-1, 1) for sy in (-1, 1) for z in (0.2, 0.22)]))
    ash = cylinder(r * 0.3, 0.06, (0, 0, z_rim - r * 0.95), 16)
    colour = jitter(rng, pick(rng, (BLACK, BLACK, (0.7, 0.1, 0.08), (0.15, 0.3, 0.55), (0.15, 0.35, 0.2))), 0.02)
    parts = [part("grill", [bowl, lid], "metal", colour, roughness=0.3),
             part("handle", [*handle, vent], "metal", METAL, role="detail"),
             part("legs", [*legs, *tray, ash], "metal", METAL if rng.random() < 0.5 else DARK_METAL, role="detail")]
    return make_asset(parts, description="a kettle barbecue grill: a round bowl and domed lid on three legs")


@category("hose", size=((0.015, 0.2), (0.35, 1.1)), group="outdoor", placement="floor",
          synonyms=("hosepipe", "hose pipe", "garden hose", "water hose", "hoses"))
def hose(rng: np.random.Generator) -> Asset:
    loops = int(rng.integers(4, 7))
    r0 = vary(rng, 0.25, 0.15)
    tr = vary(rng, 0.009, 0.1)
    t = np.linspace(0, loops * 2 * np.pi, loops * 28)
    radius = r0 * (1 + 0.03 * np.sin(7 * t / loops)) + tr * 2.6 * t / (2 * np.pi)  # loops lie side by side
    coil = np.column_stack([radius * np.cos(t), radius * np.sin(t), tr + 0.3 * tr * np.sin(t * 3.3) ** 2])
    end = coil[-1]
    lead = np.array([end + (0.0, -0.05, 0.0), end + (-0.05, -0.2, -tr * 0.5), end + (-0.02, -0.35, -end[2] + tr)])
    lead[:, 2] = np.maximum(lead[:, 2], tr)
    hose_tube = tube(np.vstack([coil, lead]), tr, 8)
    tip = lead[-1]
    nozzle = [rod(tip, tip + (0, -0.08, 0), tr * 1.5, 10), rod(tip + (0, -0.08, 0), tip + (0, -0.14, 0), tr * 1.1, 10)]
    colour = jitter(rng, pick(rng, ((0.1, 0.55, 0.2), (0.1, 0.55, 0.2), (0.95, 0.75, 0.1), BLACK, (0.2, 0.4, 0.8))), 0.03)
    parts = [part("hose", hose_tube, "rubber", colour, roughness=0.5),
             part("nozzle", nozzle, "plastic", pick(rng, ((0.95, 0.5, 0.1), METAL, BLACK)), role="detail")]
    return make_asset(parts, description="a garden hose coiled on the ground with a spray nozzle")


@category("log", size=((0.12, 0.7), (0.5, 2.6)), group="outdoor", placement="floor",
          synonyms=("wooden log", "firewood log", "tree trunk", "timber log", "logs", "felled log"))
def log(rng: np.random.Generator) -> Asset:
    length = vary(rng, 1.2, 0.4)
    r = vary(rng, 0.18, 0.3)
    xs = np.linspace(-length / 2, length / 2, 10)
    path = np.column_stack([xs, rng.uniform(-0.015, 0.015, 10), np.full(10, r)])
    radii = r * (1 + 0.06 * np.sin(xs * 4 + rng.uniform(0, 6))) * np.linspace(1.05, 0.92, 10)
    bark = tube(path, radii, 20)
    ends, rings = [], []
    for i, sx in ((0, -1), (-1, 1)):
        c = path[i] + (sx * 0.004, 0, 0)
        ends.append(rod(c, c + (sx * 0.006, 0, 0), radii[i] * 0.93, 20))
        for f in (0.3, 0.55, 0.78):
            ring = torus(radii[i] * 0.93 * f, 0.003, (0, 0, 0), 20, 4)
            rotate(ring, np.pi / 2, (0, 1, 0))
            rings.append(ring.apply_translation(c + (sx * 0.007, 0, 0)))
    stubs = [cone(r * 0.15, r * 0.35, (0, 0, 0), 8)]
    rotate(stubs[0], -np.pi / 2.5, (1, 0, 0))
    stubs[0].apply_translation((length * 0.15, -r * 0.85, r * 1.2))
    parts = [part("log", [bark, *stubs], "wood", jitter(rng, pick(rng, (BARK, (0.45, 0.38, 0.3), (0.25, 0.2, 0.15))), 0.03),
                  roughness=0.9),
             part("end_grain", ends, "wood", jitter(rng, HEARTWOOD, 0.03), role="detail"),
             part("growth_rings", rings, "wood", (0.55, 0.4, 0.25), role="detail")]
    return make_asset(parts, description="a log of bark-covered trunk lying on its side, growth rings at its ends")


@category("christmas_tree", size=((1.2, 2.8), (0.7, 1.7)), group="indoor", placement="floor",
          synonyms=("christmas tree", "xmas tree", "holiday tree", "decorated tree", "christmas trees"))
def christmas_tree(rng: np.random.Generator) -> Asset:
    h = vary(rng, 1.9, 0.2)
    r = h * vary(rng, 0.3, 0.1)
    stand_h = 0.25
    tiers, n = [], 4
    for k in range(n):
        z0 = stand_h + 0.1 + (h - stand_h - 0.35) * k / n * 0.95
        rk = r * (1 - k / (n + 0.4))
        tiers.append(cone(rk, (h - z0) * 0.6 if k < n - 1 else h - 0.15 - z0, (0, 0, z0), 24))
    trunk = cylinder(0.05, 0.3, (0, 0, stand_h - 0.05), 12)
    stand = lathe([(0.0, 0.0), (0.22, 0.0), (0.18, stand_h), (0.0, stand_h)], 24)
    colours = pick(rng, (((0.85, 0.1, 0.1), (0.95, 0.8, 0.2)), ((0.2, 0.4, 0.85), (0.9, 0.9, 0.92)), ((0.85, 0.1, 0.1), (0.9, 0.9, 0.92))))
    bauble_sets = ([], [])
    for k in range(28):
        f = rng.uniform(0.05, 0.85)
        z = stand_h + 0.1 + f * (h - stand_h - 0.4)
        tier = min(n - 1, int(f * n))
        z_t = stand_h + 0.1 + (h - stand_h - 0.35) * tier / n * 0.95
        top_t = z_t + ((h - z_t) * 0.6 if tier < n - 1 else h - 0.15 - z_t)
        rk = r * (1 - tier / (n + 0.4)) * max(0.1, (top_t - z) / (top_t - z_t))
        a = rng.uniform(0, 2 * np.pi)
        bauble_sets[k % 2].append(ellipsoid((0.035,) * 3, (rk * np.cos(a), rk * np.sin(a), z), 1))
    star_c = np.array([0.0, 0.0, h - 0.08])
    pts = []
    for k in range(10):
        a = np.pi / 2 + k * np.pi / 5
        rr = 0.09 if k % 2 == 0 else 0.04
        pts.append(star_c + (rr * np.cos(a), 0, rr * np.sin(a)))
    star = [hull([star_c + (0, dy, 0) for dy in (-0.015, 0.015)] + [pts[k] + (0, dy, 0) for dy in (-0.005, 0.005)] +
                 [pts[(k + 1) % 10] + (0, dy, 0) for dy in (-0.005, 0.005)]) for k in range(10)]
    parts = [part("christmas_tree", tiers, "foliage", jitter(rng, EVERGREEN, 0.03)),
             part("baubles", bauble_sets[0], "plastic", colours[0], role="detail", roughness=0.15),
             part("baubles_2", bauble_sets[1], "plastic", colours[1], role="detail", roughness=0.15),
             part("star", star, "metal", (0.95, 0.8, 0.2), role="detail", roughness=0.2),
             part("stand", [stand, trunk], "plastic", pick(rng, ((0.7, 0.08, 0.06), (0.3, 0.2, 0.12), (0.9, 0.9, 0.9))), role="detail")]
    return make_asset(parts, description="a decorated Christmas tree with baubles and a star on top, in a stand")


@category("balloon", size=((0.7, 1.7), (0.2, 0.5)), group="indoor", placement="floor",
          synonyms=("party balloon", "helium balloon", "toy balloon", "balloons"))
def balloon(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.14, 0.15)
    string = vary(rng, 0.8, 0.2)
    zc = string + r * 1.15
    # an egg: wider above, narrowing to the knot
    profile = [(0.0, zc - r * 1.15)]
    for t in np.linspace(-np.pi / 2, np.pi / 2, 14)[1:-1]:
        rr = r * np.cos(t) * (1 - 0.12 * (1 - np.sin(t)) ** 2)
        profile.append((float(rr), float(zc + r * np.sin(t) * (1.15 if t < 0 else 1.0))))
    profile.append((0.0, zc + r))
    body = lathe(profile, 28)
    knot = cone(r * 0.12, r * 0.12, (0, 0, zc - r * 1.2), 10)
    t = np.linspace(0, 1, 18)
    path = np.column_stack([0.03 * np.sin(t * 9), 0.03 * np.cos(t * 7) - 0.03, zc - r * 1.2 - t * (zc - r * 1.2)])
    ribbon = tube(path, 0.002, 4)
    colour = jitter(rng, pick(rng, ((0.9, 0.1, 0.12), (0.15, 0.4, 0.9), (0.95, 0.8, 0.1), (0.2, 0.7, 0.3), (0.85, 0.3, 0.7),
                                    (0.95, 0.5, 0.1))), 0.03)
    parts = [part("balloon", [body, knot], "plastic", colour, roughness=0.15),
             part("string", ribbon, "fabric", pick(rng, (WHITE, (0.95, 0.8, 0.3), (0.85, 0.85, 0.85))), role="detail")]
    return make_asset(parts, description="a party balloon floating on its string, the string's end at the floor")


@category("tarp", size=((0.01, 0.12), (1.5, 5.0)), group="outdoor", placement="floor",
          synonyms=("tarpaulin", "tarp sheet", "groundsheet", "ground sheet", "tarps", "canvas sheet"))
def tarp(rng: np.random.Generator) -> Asset:
    w, d = vary(rng, 3.0, 0.2), vary(rng, 2.0, 0.2)
    nx, ny = 30, 20
    xs, ys = np.linspace(-w / 2, w / 2, nx), np.linspace(-d / 2, d / 2, ny)
    gx, gy = np.meshgrid(xs, ys, indexing="ij")
    # gentle folds: a few waves across, raised where the sheet bunches
    z = 0.012 + 0.018 * (np.sin(gx * rng.uniform(2, 4) + rng.uniform(0, 6)) ** 2) * (0.5 + 0.5 * np.cos(gy * rng.uniform(1, 3)))
    v = np.column_stack([gx.ravel(), gy.ravel(), z.ravel()])
    faces = []
    for i in range(nx - 1):
        for j in range(ny - 1):
            a, b, c, e = i * ny + j, (i + 1) * ny + j, (i + 1) * ny + j + 1, i * ny + j + 1
            faces += [(a, b, c), (a, c, e)]
    top = trimesh.Trimesh(vertices=v, faces=np.array(faces), process=False)
    under = trimesh.Trimesh(vertices=v - (0, 0, 0.004), faces=np.array(faces)[:, ::-1], process=False)
    hem = []
    for x0, y0, x1, y1 in ((-w / 2, -d / 2, w / 2, -d / 2), (-w / 2, d / 2, w / 2, d / 2), (-w / 2, -d / 2, -w / 2, d / 2),
                           (w / 2, -d / 2, w / 2, d / 2)):
        hem.append(rod((x0, y0, 0.008), (x1, y1, 0.008), 0.008, 6))
    grommets = []
    for x in np.linspace(-w / 2 + 0.05, w / 2 - 0.05, 6):
        for y in (-d / 2 + 0.04, d / 2 - 0.04):
            grommets.append(torus(0.015, 0.004, (x, y, 0.03), 12, 4))
    colour = jitter(rng, pick(rng, ((0.1, 0.35, 0.8), (0.1, 0.35, 0.8), (0.25, 0.4, 0.2), (0.9, 0.5, 0.1), (0.55, 0.45, 0.3))), 0.03)
    parts = [part("tarp", [top, under], "plastic", colour, roughness=0.6),
             part("hem", hem, "plastic", tuple(c * 0.8 for c in colour), role="detail"),
             part("grommets", grommets, "metal", METAL, role="detail")]
    return make_asset(parts, [top_surface("top", 0.02, (-w / 2, w / 2), (-d / 2, d / 2), inset=0.1)],
                      description="a waterproof tarp spread on the ground, with grommets along its edges")


@category("storage_tank", size=((2.0, 10.0), (1.5, 5.5)), group="outdoor", placement="floor",
          synonyms=("storage tank", "water tank", "oil tank", "fuel tank", "holding tank", "storage vessel"))
def storage_tank(rng: np.random.Generator) -> Asset:
    h, r = vary(rng, 4.0, 0.25), vary(rng, 1.4, 0.2)
    shell = lathe([(0.0, 0.0), (r, 0.0), (r, h), (r * 0.6, h + r * 0.25), (0.0, h + r * 0.32)], 40)
    seams = [torus(r + 0.01, 0.02, (0, 0, z), 40, 6) for z in np.linspace(h * 0.2, h * 0.8, 3)]
    pad = box((2 * r + 0.6, 2 * r + 0.6, 0.2), (0, 0, 0.1))
    shell.apply_translation((0, 0, 0.2))
    for s in seams:
        s.apply_translation((0, 0, 0.2))
    rails = [rod((x, -r - 0.25, 0.2), (x, -r - 0.25, h + 0.2), 0.025, 8) for x in (-0.22, 0.22)]
    rungs = [rod((-0.22, -r - 0.25, z), (0.22, -r - 0.25, z), 0.015, 6) for z in np.arange(0.5, h + 0.2, 0.3)]
    stays = [rod((x, -r - 0.25, z), (x, -r + 0.02, z), 0.02, 6) for x in (-0.22, 0.22) for z in (1.0, h * 0.8)]
    pipe = [rod((r * 0.7, -r * 0.75, 0.6), (r * 1.2, -r * 1.3, 0.6), 0.06, 12),
            cylinder(0.12, 0.08, (r * 1.2, -r * 1.3, 0.63), 12)]
    colour = jitter(rng, pick(rng, ((0.9, 0.9, 0.88), METAL, (0.25, 0.4, 0.3), (0.2, 0.3, 0.5), (0.1, 0.1, 0.1))), 0.03)
    parts = [part("storage_tank", [shell, *seams], "metal", colour, roughness=0.35),
             part("ladder", [*rails, *rungs, *stays], "metal", DARK_METAL, role="detail"),
             part("pipe", pipe, "metal", (0.8, 0.6, 0.1), role="detail"),
             part("pad", pad, "stone", (0.6, 0.6, 0.58), role="detail")]
    return make_asset(parts, description="a vertical storage tank with a shallow cone roof, a ladder and an outlet valve")


@category("buoy", size=((1.2, 4.0), (0.8, 2.3)), group="outdoor", placement="floor",
          synonyms=("navigation buoy", "marker buoy", "channel buoy", "mooring buoy", "buoys"))
def buoy(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.8, 0.2)
    float_h = r * 0.9
    body = lathe([(0.0, 0.0), (r * 0.6, 0.0), (r, float_h * 0.4), (r, float_h * 0.85), (r * 0.85, float_h), (0.0, float_h)], 32)
    tower_h = vary(rng, 1.5, 0.15) * r
    legs = [rod((r * 0.6 * np.cos(a), r * 0.6 * np.sin(a), float_h), (r * 0.2 * np.cos(a), r * 0.2 * np.sin(a), float_h + tower_h),
                0.03, 8) for a in np.linspace(0, 2 * np.pi, 4, endpoint=False) + np.pi / 4]
    rings = [torus(r * (0.6 - 0.4 * f), 0.025, (0, 0, float_h + tower_h * f), 20, 6) for f in (0.35, 0.7, 1.0)]
    red = rng.random() < 0.5
    panels = [hull([(x, y, z) for x in (-r * 0.35, r * 0.35) for y in (-0.02, 0.02) for z in
                    (float_h + tower_h * 0.2, float_h + tower_h * 0.85)])]
    topmark = [cone(r * 0.22, r * 0.35, (0, 0, float_h + tower_h + 0.02), 16)] if not red else \
        [cylinder(r * 0.2, r * 0.35, (0, 0, float_h + tower_h + 0.02), 16)]
    lamp = ellipsoid((0.06, 0.06, 0.1), (0, 0, float_h + tower_h + r * 0.42), 1)
    band_ring = torus(r * 1.0, 0.05, (0, 0, float_h * 0.5), 32, 6)
    colour = jitter(rng, (0.8, 0.1, 0.08) if red else (0.1, 0.5, 0.2), 0.03)
    parts = [part("buoy", [body, *panels, *topmark], "metal", colour, roughness=0.4),
             part("tower", [*legs, *rings], "metal", tuple(c * 0.8 for c in colour), role="detail"),
             part("fender", band_ring, "rubber", BLACK, role="detail"),
             part("light", lamp, "emissive", (1.0, 0.9, 0.5), role="detail")]
    return make_asset(parts, description="a navigation buoy: a round float with a lattice tower and a top mark")


@category("life_buoy", size=((0.5, 0.95), (0.5, 0.95)), group="outdoor", placement="wall", against_wall=True,
          synonyms=("lifebuoy", "life ring", "lifesaver", "life saver", "life belt", "lifebelt", "ring buoy",
                    "life preserver ring"))
def life_buoy(rng: np.random.Generator) -> Asset:
    R = vary(rng, 0.32, 0.12)
    r = R * vary(rng, 0.26, 0.08)
    c = np.array([0.0, 0.0, R + r])
    segs = ([], [])
    for k in range(4):  # standing in the xz plane, facing -Y: four long coloured arcs and four short white bands
        a0 = k * np.pi / 2
        segs[0].append(tube(arc_points(R, a0, a0 + np.pi / 3, c, "xz", 10), r, 14))
        segs[1].append(tube(arc_points(R, a0 + np.pi / 3, a0 + np.pi / 2, c, "xz", 6), r, 14))
    rope = []
    for k in range(4):
        a0 = np.pi / 8 + k * np.pi / 2 + 0.15
        rope.append(tube(arc_points(R + r * 1.05, a0, a0 + np.pi / 2 - 0.3, c, "xz", 10), r * 0.12, 6))
    colour = jitter(rng, pick(rng, (BUOY_ORANGE, (0.85, 0.1, 0.08), (0.85, 0.1, 0.08))), 0.03)
    parts = [part("life_buoy", segs[0], "plastic", colour, roughness=0.4),
             part("white_bands", segs[1], "plastic", WHITE, role="detail", roughness=0.4),
             part("rope", rope, "fabric", (0.85, 0.82, 0.7), role="detail")]
    return make_asset(parts, description="a ring life buoy banded in colour and white with a grab rope, hung flat")


@category("life_jacket", size=((0.04, 0.2), (0.45, 0.8)), group="clothing", placement="floor",
          synonyms=("life vest", "lifejacket", "life-jacket", "buoyancy aid", "life preserver", "flotation vest"))
def life_jacket(rng: np.random.Generator) -> Asset:
    w, length, t = vary(rng, 0.5, 0.08), vary(rng, 0.6, 0.1), vary(rng, 0.07, 0.15)
    # lying on its back, the collar toward +Y, the two front panels up
    back = superellipsoid((w / 2, length / 2, t * 0.35), (0, 0, t * 0.35), 0.3, 3)
    panels = [superellipsoid((w * 0.22, length * 0.42, t * 0.5), (x * w * 0.25, -length * 0.06, t * 0.9), 0.35, 3)
              for x in (-1, 1)]
    collar = tube(arc_points(w * 0.3, 0.15, np.pi - 0.15, (0, length * 0.2, t * 0.8), "xy", 12), t * 0.45, 10)
    straps, buckles = [], []
    for y in (-length * 0.3, -length * 0.1, length * 0.1):
        straps.append(box((w * 1.02, 0.025, 0.008), (0, y, t * 1.42)))
        buckles.append(box((0.06, 0.045, 0.018), (0, y, t * 1.45)))
    colour = jitter(rng, pick(rng, (BUOY_ORANGE, BUOY_ORANGE, (0.95, 0.8, 0.1), (0.85, 0.1, 0.08), (0.1, 0.3, 0.7))), 0.03)
    parts = [part("life_jacket", [*panels, collar], "fabric", colour, roughness=0.6),
             part("lining", back, "fabric", tuple(c * 0.7 for c in colour)),
             part("straps", straps, "fabric", BLACK, role="detail"),
             part("buckles", buckles, "plastic", (0.2, 0.2, 0.22), role="detail"),
             part("reflector", [box((w * 0.12, 0.05, 0.004), (x * w * 0.25, length * 0.18, t * 1.4)) for x in (-1, 1)],
                  "plastic", (0.85, 0.85, 0.87), role="detail", roughness=0.2)]
    return make_asset(parts, description="a buoyant life jacket lying on its back, front panels strapped and buckled")


def _shaft_with_blade(length: float, shaft_r: float, blade_l: float, blade_w: float, blade_t: float,
                      grip: str) -> tuple[list, list, list]:
    """An oar or paddle lying flat along X, blade at +X: (shaft meshes, blade meshes, grip meshes)."""
    z = blade_w * 0.5 * 0.12 + shaft_r
    x0, x1 = -length / 2, length / 2
    shaft = [rod((x0 + 0.1, 0, z), (x1 - blade_l * 0.85, 0, z), shaft_r, 12)]
    # the blade: a flat spoon widening from the throat to a rounded tip
    u = np.linspace(0, 1, 10)
    half = blade_w / 2 * np.sqrt(np.clip(np.minimum(u * 3, 1.0) * np.minimum((1 - u) * 6 + 0.35, 1.0), 0.05, 1))
    pts = [(x1 - blade_l + uu * blade_l, s * hh, z + dz) for uu, hh in zip(u, half) for s in (-1, 1)
           for dz in (-blade_t / 2, blade_t / 2)]
    blade = [hull(pts[k * 4:k * 4 + 8]) for k in range(len(u) - 1)]
    if grip == "t":
        handle = [rod((x0, -0.06, z), (x0, 0.06, z), shaft_r * 1.3, 10), rod((x0, 0, z), (x0 + 0.12, 0, z), shaft_r * 1.05, 10)]
    else:
        handle = [rod((x0, 0, z), (x0 + 0.3, 0, z), shaft_r * 1.2, 12)]
    return shaft, blade, handle


@category("oar", size=((0.03, 0.25), (2.0, 4.0)), group="sports", placement="floor",
          synonyms=("rowing oar", "boat oar", "oars", "sweep oar", "scull"))
def oar(rng: np.random.Generator) -> Asset:
    length = vary(rng, 2.4, 0.12)
    shaft, blade, handle = _shaft_with_blade(length, 0.026, length * 0.25, vary(rng, 0.22, 0.08), 0.014, "straight")
    z = shaft[0].bounds.mean(axis=0)[2]
    collar = [rod((length * 0.05, 0, z), (length * 0.12, 0, z), 0.034, 12)]
    wood = rng.random() < 0.6
    colour = jitter(rng, WOODS[2] if wood else pick(rng, (WHITE, (0.85, 0.15, 0.1), (0.1, 0.3, 0.7), (0.95, 0.75, 0.1))), 0.03)
    parts = [part("oar", [*shaft, *blade], "wood" if wood else "plastic", colour),
             part("grip", handle, "wood" if wood else "rubber", WOODS[1] if wood else BLACK, role="detail"),
             part("collar", collar, "plastic", pick(rng, (BLACK, WHITE, (0.2, 0.2, 0.22))), role="detail")]
    return make_asset(parts, description="a long rowing oar lying flat: a shaft with a collar, a broad blade at one end")


@category("paddle", size=((0.02, 0.25), (1.0, 2.4)), group="sports", placement="floor",
          synonyms=("boat paddle", "canoe paddle", "kayak paddle", "paddles", "sup paddle"))
def paddle(rng: np.random.Generator) -> Asset:
    kayak = rng.random() < 0.35
    length = vary(rng, 2.2 if kayak else 1.4, 0.06)
    blade_l, blade_w = vary(rng, 0.5, 0.1), vary(rng, 0.19, 0.1)
    shaft, blade, handle = _shaft_with_blade(length, 0.016, blade_l, blade_w, 0.012, "straight" if kayak else "t")
    if kayak:  # a second blade where the grip would be
        _, other, _ = _shaft_with_blade(length, 0.016, blade_l, blade_w, 0.012, "straight")
        for m in other:
            rotate(m, np.pi, (0, 0, 1))
        blade += other
        shaft = [rod((-length / 2 + blade_l * 0.85, 0, blade_w * 0.06 + 0.016), (length / 2 - blade_l * 0.85, 0,
                                                                                 blade_w * 0.06 + 0.016), 0.016, 12)]
        handle = [rod((x - 0.12, 0, blade_w * 0.06 + 0.016), (x + 0.12, 0, blade_w * 0.06 + 0.016), 0.019, 12) for x in (-0.3, 0.3)]
    wood = not kayak and rng.random() < 0.7
    colour = jitter(rng, WOODS[0] if wood else pick(rng, ((0.95, 0.75, 0.1), (0.85, 0.15, 0.1), (0.1, 0.3, 0.7), BLACK)), 0.03)
    parts = [part("paddle", blade + ([] if kayak else shaft), "wood" if wood else "plastic", colour),
             part("shaft" if kayak else "grip", handle + (shaft if kayak else []), "wood" if wood else "metal",
                  WOODS[1] if wood else DARK_METAL, role="detail")]
    return make_asset(parts, description="a double-bladed kayak paddle" if kayak else "a canoe paddle with a T grip")


@category("tripod", size=((1.0, 1.8), (0.6, 1.2)), group="electronic", placement="floor",
          synonyms=("camera tripod", "tripods"))
def tripod(rng: np.random.Generator) -> Asset:
    h = vary(rng, 1.45, 0.12)
    spread = h * vary(rng, 0.3, 0.1)
    hub_z = h * 0.72
    legs, feet, locks = [], [], []
    for k in range(3):
        a = -np.pi / 2 + 2 * np.pi * k / 3
        foot = np.array([spread * np.cos(a), spread * np.sin(a), 0.0])
        top = np.array([0.035 * np.cos(a), 0.035 * np.sin(a), hub_z])
        mid = top + (foot - top) * 0.5
        legs.append(rod(top, mid, 0.013, 10))
        legs.append(rod(mid, foot + (0, 0, 0.02), 0.009, 10))
        locks.append(rod(mid + (top - foot) * 0.03, mid - (top - foot) * 0.03, 0.016, 10))
        feet.append(ellipsoid((0.018, 0.018, 0.02), foot + (0, 0, 0.02), 1))
    hub = cylinder(0.05, 0.06, (0, 0, hub_z - 0.03), 16)
    column = rod((0, 0, hub_z - 0.25), (0, 0, h - 0.08), 0.012, 10)
    head = [superellipsoid((0.04, 0.035, 0.03), (0, 0, h - 0.06), 0.5, 2), box((0.09, 0.06, 0.015), (0, 0, h - 0.0075))]
    pan = rod((0.03, 0.02, h - 0.06), (0.14, 0.25, h - 0.12), 0.008, 8)
    parts = [part("tripod", [*legs, hub, column], "metal", jitter(rng, pick(rng, (BLACK, BLACK, (0.3, 0.3, 0.32), METAL)), 0.02),
                  roughness=0.35),
             part("head", [*head, pan], "plastic", pick(rng, (DARK_METAL, BLACK)), role="detail"),
             part("fittings", [*locks, *feet], "rubber", BLACK, role="detail")]
    return make_asset(parts, description="a camera tripod: three telescopic legs, a centre column and a pan head")


SNOW = (0.93, 0.94, 0.97)
CARROT = (0.95, 0.42, 0.06)
TWIG = (0.32, 0.22, 0.13)


@category("snowman", size=((1.0, 1.9), (0.7, 1.8)), group="outdoor", placement="floor",
          synonyms=("snow man", "snowmen", "snow figure", "frosty the snowman"))
def snowman(rng: np.random.Generator) -> Asset:
    """Three balls of snow, each resting on the one below, a carrot nose, coal eyes and buttons toward
    -Y, twig arms out along X, and sometimes a hat and a scarf."""
    r0 = vary(rng, 0.34, 0.12)
    radii = (r0, r0 * vary(rng, 0.72, 0.05), r0 * vary(rng, 0.5, 0.05))
    balls, z = [], 0.0
    centres = []
    for k, r in enumerate(radii):
        zc = z + r * (0.85 if k else 0.9)  # packed snow settles: each ball sinks a little into the one below
        balls.append(ellipsoid((r, r, r * 0.95), (0.0, 0.0, zc), 3))
        centres.append(zc)
        z = zc + r * 0.8
    head_r, head_z = radii[2], centres[2]
    nose = cone(head_r * 0.14, head_r * vary(rng, 0.9, 0.15), (0.0, 0.0, 0.0), 12)
    rotate(nose, np.pi / 2, (1, 0, 0))  # its tip along -Y
    nose.apply_translation((0.0, -head_r * 0.9, head_z))
    coal = [ellipsoid((head_r * 0.08,) * 3, (x * head_r * 0.35, -head_r * 0.88, head_z + head_r * 0.3), 1) for x in (-1, 1)]
    mid_r, mid_z = radii[1], centres[1]
    coal += [ellipsoid((mid_r * 0.08,) * 3, (0.0, -mid_r * np.cos(a) * 0.98, mid_z + mid_r * np.sin(a)), 1)
             for a in (-0.35, 0.0, 0.35)]
    reach = vary(rng, 0.45, 0.15)
    lift = rng.uniform(0.1, 0.45)
    arms = []
    for x in (-1, 1):
        start = np.array([x * mid_r * 0.8, 0.0, mid_z + mid_r * 0.2])
        end = start + np.array([x * reach, 0.0, reach * lift])
        arms.append(rod(start, end, 0.012, 8))
        fork = end - np.array([x * reach * 0.25, 0.0, reach * lift * 0.25])
        arms.append(rod(fork, fork + np.array([x * 0.1, 0.0, 0.09]), 0.008, 6))
    parts = [part("snowman", balls, "plastic", SNOW, roughness=0.9),
             part("nose", nose, "food", CARROT, role="detail"),
             part("coal", coal, "stone", BLACK, role="detail"),
             part("arms", arms, "wood", TWIG, role="detail")]
    if rng.random() < 0.6:
        top = head_z + head_r * 0.8
        hat = [cylinder(head_r * 0.95, 0.015, (0.0, 0.0, top), 24), cylinder(head_r * 0.62, head_r * 1.1, (0.0, 0.0, top), 24)]
        parts.append(part("hat", hat, "fabric", BLACK, role="detail"))
    if rng.random() < 0.6:
        neck = centres[1] + radii[1] * 0.78
        scarf = [torus(radii[2] * 0.85, 0.035, (0.0, 0.0, neck), 24, 8),
                 box((0.08, 0.025, 0.3), (radii[2] * 0.5, -radii[2] * 0.85, neck - 0.15))]
        parts.append(part("scarf", scarf, "fabric", jitter(rng, pick(rng, ((0.8, 0.1, 0.1), (0.1, 0.35, 0.75), (0.15, 0.5, 0.25))), 0.03),
                          role="detail"))
    return make_asset(parts, description="a snowman of three stacked snowballs with a carrot nose, coal eyes and twig arms")


@category("sled", size=((0.12, 0.3), (0.8, 1.4)), group="outdoor", placement="floor",
          synonyms=("sledge", "sledges", "toboggan", "sleds", "snow sled", "wooden sled", "sledding sled"))
def sled(rng: np.random.Generator) -> Asset:
    """A wooden sled: slats along X on two knees to runners that curl up at the front (-X end is its
    back; long things lie along X)."""
    length = vary(rng, 1.05, 0.2)
    width = vary(rng, 0.4, 0.1)
    deck = vary(rng, 0.17, 0.2)
    n = int(rng.integers(3, 5))
    gap = width * 0.06
    slat_w = (width - gap * (n - 1)) / n
    slats = [box((length * 0.86, slat_w, 0.02), (-length * 0.05, -width / 2 + slat_w / 2 + k * (slat_w + gap), deck))
             for k in range(n)]
    cross = [box((0.05, width * 1.02, 0.025), (x, 0.0, deck - 0.02)) for x in (-length * 0.4, length * 0.0, length * 0.3)]
    runners, knees = [], []
    for y in (-1, 1):
        yy = y * width * 0.42
        # along the ground, then curling up and back over the front end
        path = [(-length * 0.48, yy, 0.012), (length * 0.3, yy, 0.012)]
        for a in np.linspace(0.0, np.pi * 0.95, 8)[1:]:
            r = deck * 0.55
            path.append((length * 0.3 + r * np.sin(a), yy, 0.012 + r * (1 - np.cos(a))))
        runners.append(tube(path, 0.011, 8))
        knees += [rod((x, yy, 0.012), (x, yy, deck - 0.03), 0.012, 8) for x in (-length * 0.4, 0.0, length * 0.3)]
    paint = jitter(rng, pick(rng, ((0.75, 0.1, 0.08), (0.08, 0.08, 0.09), (0.1, 0.3, 0.6))), 0.03)
    rope = tube([(length * 0.3 + deck * 0.3, -width * 0.42, deck * 0.7), (length * 0.55, -width * 0.2, deck * 0.3),
                 (length * 0.6, 0.0, 0.02), (length * 0.55, width * 0.2, deck * 0.3),
                 (length * 0.3 + deck * 0.3, width * 0.42, deck * 0.7)], 0.006, 6)
    parts = [part("sled", [*slats, *cross], "wood", jitter(rng, pick(rng, WOODS[:4]), 0.03)),
             part("runners", [*runners, *knees], "metal", paint, role="detail", roughness=0.35),
             part("pull_rope", rope, "fabric", (0.8, 0.72, 0.5), role="detail")]
    top = top_surface("top", deck + 0.01, (-length * 0.48, length * 0.38), (-width / 2, width / 2))
    return make_asset(parts, [top], description="a wooden sled: slats on two runners that curl up at the front, with a pull rope")
