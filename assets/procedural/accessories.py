"""Things people carry or wear: backpack, umbrella, handbag, tie and suitcase. Fronts toward -Y."""
from __future__ import annotations

import numpy as np

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.palette import BLACK, DARK_METAL, METAL
from fyi.assets.procedural.shapes import (arc_points, box, hull, jitter, lathe, make_asset, part,
                                          pick, rod, superellipsoid, tube, vary)

BAG_COLOURS = ((0.12, 0.12, 0.14), (0.15, 0.25, 0.5), (0.6, 0.1, 0.1), (0.25, 0.4, 0.3), (0.45, 0.45, 0.47),
               (0.9, 0.55, 0.1))
LEATHERS = ((0.35, 0.2, 0.1), (0.1, 0.08, 0.07), (0.6, 0.4, 0.22), (0.55, 0.1, 0.12), (0.82, 0.72, 0.6))


@category("backpack", size=((0.35, 0.6), (0.25, 0.4)), group="accessory", placement="floor",
          synonyms=("rucksack", "knapsack", "school bag", "schoolbag", "daypack", "back pack"))
def backpack(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 0.3, 0.1), vary(rng, 0.17, 0.1), vary(rng, 0.45, 0.1)
    body = superellipsoid((w / 2, d / 2, h / 2), (0, 0, h / 2), 0.45, 3)
    v = body.vertices  # rounder at the top, like a filled bag
    top = np.clip((v[:, 2] - h * 0.6) / (h * 0.4), 0, 1)
    v[:, 0] *= 1 - 0.25 * top ** 2
    body.vertices = v
    pocket = superellipsoid((w * 0.4, d * 0.22, h * 0.2), (0, -d / 2, h * 0.3), 0.45, 2)
    flap = superellipsoid((w * 0.42, d * 0.12, h * 0.08), (0, -d * 0.42, h * 0.82), 0.5, 2)
    straps = []
    for x in (-1, 1):
        path = [(x * w * 0.25, d / 2, h * 0.85), (x * w * 0.28, d / 2 + 0.04, h * 0.6), (x * w * 0.3, d / 2 + 0.04, h * 0.3),
                (x * w * 0.35, d / 2 - 0.01, h * 0.1)]
        straps.append(tube(path, 0.014, 8))
    handle = tube(arc_points(0.035, 0.0, np.pi, (0, d * 0.1, h * 0.98), "xz", 8), 0.008, 6)
    zip_line = tube(arc_points(w * 0.38, 0.2, np.pi - 0.2, (0, -d / 2 - d * 0.22, h * 0.2), "xz", 10), 0.004, 4)
    colour = jitter(rng, pick(rng, BAG_COLOURS), 0.03)
    parts = [part("backpack", [body, pocket, flap], "fabric", colour),
             part("straps", [*straps, handle], "fabric", BLACK, role="detail"),
             part("zips", zip_line, "metal", METAL, role="detail")]
    return make_asset(parts, description="a backpack with a front pocket and shoulder straps")


@category("umbrella", size=((0.8, 1.2), (0.8, 1.3)), group="accessory", placement="floor", synonyms=("parasol", "brolly", "open umbrella",
                                                                     "beach umbrella", "sunshade"))
def umbrella(rng: np.random.Generator) -> Asset:
    radius = vary(rng, 0.52, 0.12)
    ribs_n = int(pick(rng, (8, 8, 10)))
    shaft_h = radius * vary(rng, 1.65, 0.08)
    rise = radius * 0.42
    top = shaft_h + 0.02
    # the canopy: a thin dome with as many flat panels as there are ribs
    outer = [(radius * np.sin(t), top - rise * (1 - np.cos(t)) / (1 - np.cos(1.2))) for t in np.linspace(0, 1.2, 9)]
    inner = [(max(r - 0.004, 0.0), z - 0.006) for r, z in outer[::-1]]
    canopy = lathe([(0.0, top)] + outer[1:] + inner[:-1] + [(0.0, top - 0.006)], ribs_n)
    ribs = []
    for k in range(ribs_n):
        a = 2 * np.pi * k / ribs_n  # ribs run under the panel seams
        ribs.append(tube([(r * np.cos(a), r * np.sin(a), z - 0.008) for r, z in outer], 0.004, 5))
    tip = rod((0, 0, top), (0, 0, top + 0.07), 0.006, 8)
    shaft = rod((0, 0, 0.12), (0, 0, top), 0.008, 10)
    hook = tube(arc_points(0.045, np.pi, 2 * np.pi, (0.045, 0, 0.12), "xz", 10), 0.014, 8)
    grip_top = rod((0, 0, 0.1), (0, 0, 0.22), 0.016, 10)
    colour = jitter(rng, pick(rng, ((0.1, 0.1, 0.12), (0.75, 0.08, 0.08), (0.12, 0.3, 0.7), (0.95, 0.75, 0.1),
                                    (0.2, 0.5, 0.3), (0.55, 0.2, 0.55))), 0.03)
    parts = [part("canopy", canopy, "fabric", colour),
             part("ribs_and_shaft", [*ribs, tip, shaft], "metal", METAL, role="detail"),
             part("handle", [hook, grip_top], pick(rng, ("wood", "plastic")), (0.3, 0.18, 0.1), role="detail")]
    return make_asset(parts, description="an open umbrella with a ribbed canopy on a shaft with a hooked handle")


@category("handbag", size=((0.2, 0.45), (0.25, 0.45)), group="accessory", placement="surface",
          synonyms=("purse", "hand bag", "tote", "tote bag", "shoulder bag", "clutch", "bag", "pocketbook"))
def handbag(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 0.32, 0.12), vary(rng, 0.13, 0.12), vary(rng, 0.24, 0.12)
    top_w = w * vary(rng, 0.78, 0.08)
    body = hull([(x * w / 2, y * d / 2, 0.0) for x in (-1, 1) for y in (-1, 1)] +
                [(x * top_w / 2, y * d * 0.32, h) for x in (-1, 1) for y in (-1, 1)] +
                [(x * w * 0.52, y * d * 0.45, h * 0.12) for x in (-1, 1) for y in (-1, 1)])
    handles = [tube(arc_points(top_w * 0.3, 0.05, np.pi - 0.05, (0, y * d * 0.22, h - 0.005), "xz", 14), 0.009, 8)
               for y in (-1, 1)]
    flap = hull([(x * top_w / 2 * 1.01, -d * 0.33, h + 0.002) for x in (-1, 1)] +
                [(x * w * 0.45, -d * 0.48, h * 0.55) for x in (-1, 1)] +
                [(x * top_w / 2 * 1.01, -d * 0.3, h + 0.006) for x in (-1, 1)])
    clasp = box((0.03, 0.008, 0.02), (0, -d * 0.5, h * 0.6))
    colour = jitter(rng, pick(rng, LEATHERS), 0.03)
    parts = [part("handbag", [body, flap], "leather", colour),
             part("handles", handles, "leather", tuple(c * 0.7 for c in colour), role="detail"),
             part("clasp", clasp, "metal", (0.85, 0.7, 0.35), role="detail", roughness=0.2)]
    return make_asset(parts, description="a leather handbag with two handles and a clasp")


@category("tie", size=((0.005, 0.03), (0.4, 0.6)), group="accessory", placement="surface", synonyms=("necktie", "neck tie", "bow tie", "cravat"))
def tie(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.5, 0.12)  # laid flat, knot at -X, blade to +X
    blade_w = vary(rng, 0.085, 0.1)
    t = 0.006
    knot = hull([(x, y, z) for z in (0.0, 0.02) for x, y in ((0.0, -0.022), (0.0, 0.022), (0.045, -0.016), (0.045, 0.016))])
    neck = hull([(x, y, z) for z in (0.0, t) for x, y in ((0.04, -0.018), (0.04, 0.018), (length * 0.55, -blade_w * 0.38),
                                                          (length * 0.55, blade_w * 0.38))])
    blade = hull([(x, y, z) for z in (0.0, t) for x, y in ((length * 0.5, -blade_w * 0.38), (length * 0.5, blade_w * 0.38),
                                                           (length - blade_w * 0.5, -blade_w / 2),
                                                           (length - blade_w * 0.5, blade_w / 2), (length, 0.0))])
    stripes = []
    if rng.random() < 0.6:
        for k in range(6):
            x = length * (0.2 + 0.12 * k)
            half = np.interp(x, (0.04, length * 0.55, length - blade_w * 0.5), (0.018, blade_w * 0.38, blade_w / 2)) * 0.95
            s = hull([(x + dx, y, z) for z in (t, t + 0.001) for dx, y in ((0.0, -half), (0.02, -half), (0.035, half),
                                                                           (0.015, half))])
            stripes.append(s)
    colour = jitter(rng, pick(rng, ((0.6, 0.08, 0.1), (0.1, 0.15, 0.4), (0.1, 0.1, 0.1), (0.3, 0.35, 0.45),
                                    (0.2, 0.35, 0.2), (0.5, 0.2, 0.45))), 0.03)
    parts = [part("tie", [knot, neck, blade], "fabric", colour, roughness=0.4)]
    if stripes:
        parts.append(part("stripes", stripes, "fabric", pick(rng, ((0.85, 0.8, 0.6), (0.8, 0.8, 0.82), (0.7, 0.1, 0.1))),
                          role="detail", roughness=0.4))
    return make_asset(parts, description="a necktie laid flat, knot at one end and a pointed blade at the other")


@category("suitcase", size=((0.5, 1.05), (0.35, 0.55)), group="accessory", placement="floor",
          synonyms=("luggage", "travel bag", "trolley case", "roller bag", "valise", "carry-on", "trolley bag"))
def suitcase(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 0.44, 0.1), vary(rng, 0.25, 0.1), vary(rng, 0.64, 0.12)
    lift = 0.05
    shell = superellipsoid((w / 2, d / 2, h / 2), (0, 0, lift + h / 2), 0.2, 3)
    ribs = [superellipsoid((w / 2 + 0.004, d * 0.03, h / 2 - 0.02), (0, y, lift + h / 2), 0.2, 2)
            for y in (-d / 2 + 0.02, d / 2 - 0.02)]
    ribs += [box((0.025, 0.008, h * 0.8), (x, -d / 2 - 0.002, lift + h / 2)) for x in (-w * 0.22, w * 0.22)]
    wheels = [rod((x * (w / 2 - 0.04) - 0.012, y * (d / 2 - 0.04), 0.025), (x * (w / 2 - 0.04) + 0.012,
                                                                           y * (d / 2 - 0.04), 0.025), 0.025, 12)
              for x in (-1, 1) for y in (-1, 1)]
    casters = [box((0.04, 0.05, 0.04), (x * (w / 2 - 0.04), y * (d / 2 - 0.04), 0.045)) for x in (-1, 1) for y in (-1, 1)]
    up = vary(rng, 0.25, 0.3)
    rails = [rod((x * w * 0.3, d / 2 - 0.03, lift + h - 0.02), (x * w * 0.3, d / 2 - 0.03, lift + h + up), 0.008, 8)
             for x in (-1, 1)]
    grip = rod((-w * 0.32, d / 2 - 0.03, lift + h + up), (w * 0.32, d / 2 - 0.03, lift + h + up), 0.014, 10)
    side_handle = tube(arc_points(0.06, 0.1, np.pi - 0.1, (0, 0, lift + h + 0.002), "xz", 8), 0.01, 6)
    colour = jitter(rng, pick(rng, ((0.1, 0.1, 0.12), (0.12, 0.2, 0.45), (0.6, 0.08, 0.1), (0.7, 0.71, 0.73),
                                    (0.25, 0.45, 0.35), (0.85, 0.6, 0.2))), 0.03)
    parts = [part("suitcase", [shell, *ribs], "plastic", colour, roughness=0.3),
             part("handles", [grip, side_handle], "plastic", BLACK, role="detail"),
             part("frame", [*rails, *casters], "metal", DARK_METAL, role="detail"),
             part("wheels", wheels, "rubber", BLACK, role="detail")]
    return make_asset(parts, description="an upright hard-shell suitcase with wheels and a pull handle")
