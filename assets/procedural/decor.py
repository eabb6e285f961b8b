"""Household things that are neither furniture nor kitchenware: lamps, wall pieces (clock, picture,
mirror, wall shelf), books, boxes, pillows, bins and baskets.

Wall pieces have their back at +Y (against the wall) and their face toward -Y.
"""
from __future__ import annotations

import numpy as np
import trimesh

from fyi.assets.catalog import category
from fyi.assets.model import Asset, Surface
from fyi.assets.procedural.palette import BLACK, CERAMICS, DARK_METAL, FABRICS, METAL, PAINTED, PAPER, PLASTICS, WHITE, WOODS
from fyi.assets.procedural.shapes import (arc_points, box, cylinder, ellipsoid, jitter, lathe, make_asset, part, pick,
                                          rod, rotate, superellipsoid, top_surface, tube, vary)

SHADES = ((0.95, 0.92, 0.82), (0.92, 0.92, 0.9), (0.75, 0.65, 0.5), (0.3, 0.38, 0.5))


def _shade(r_bottom: float, r_top: float, height: float, z: float) -> trimesh.Trimesh:
    """An open lampshade: a thin conical band, hollow so light falls out of both ends."""
    t = 0.003
    return lathe([(r_bottom, z), (r_top, z + height), (r_top - t, z + height), (r_bottom - t, z)])


@category("lamp", size=((0.38, 0.62), (0.2, 0.45)), group="indoor", placement="surface",
          synonyms=("table lamp", "desk lamp", "bedside lamp", "reading lamp"))
def lamp(rng: np.random.Generator) -> Asset:
    h = vary(rng, 0.5, 0.15)
    shade_h = h * vary(rng, 0.38, 0.1)
    shade_r = shade_h * vary(rng, 0.85, 0.1)
    stem_top = h - shade_h * 0.8
    if rng.random() < 0.5:  # ceramic gourd base
        base_r = shade_r * 0.55
        z = np.linspace(0, 1, 10)
        radius = base_r * (0.45 + 0.55 * np.sin(np.pi * np.clip(z * 1.1, 0, 1)))
        base = lathe([(0.0, 0.0)] + [(r, zz * stem_top * 0.7) for r, zz in zip(np.maximum(radius, 0.012), z)] +
                     [(0.0, stem_top * 0.7)])
        base_mat, base_col = "ceramic", jitter(rng, pick(rng, CERAMICS))
    else:  # metal disc foot
        base = cylinder(shade_r * 0.6, 0.02, (0, 0, 0))
        base_mat, base_col = "metal", pick(rng, (METAL, DARK_METAL, (0.75, 0.6, 0.3)))
    stem = rod((0, 0, 0.01), (0, 0, stem_top + 0.02), 0.008, 12)
    bulb = ellipsoid((0.03, 0.03, 0.04), (0, 0, stem_top + 0.05), 2)
    shade = _shade(shade_r, shade_r * vary(rng, 0.7, 0.15), shade_h, h - shade_h)
    parts = [part("shade", shade, "fabric", jitter(rng, pick(rng, SHADES), 0.02)),
             part("base", [base, stem], base_mat, base_col, role="detail"),
             part("bulb", bulb, "emissive", (1.0, 0.9, 0.7), role="detail")]
    return make_asset(parts, description="a table lamp with a fabric shade")


@category("floor_lamp", size=((1.4, 1.8), (0.3, 0.55)), group="indoor", placement="floor", synonyms=("standing lamp", "floor light", "standard lamp"))
def floor_lamp(rng: np.random.Generator) -> Asset:
    h = vary(rng, 1.6, 0.08)
    shade_h = vary(rng, 0.3, 0.15)
    shade_r = vary(rng, 0.22, 0.12)
    base = lathe([(0.0, 0.0), (0.16, 0.0), (0.15, 0.025), (0.0, 0.03)])
    pole = rod((0, 0, 0.02), (0, 0, h - shade_h * 0.6), 0.012, 12)
    bulb = ellipsoid((0.035, 0.035, 0.05), (0, 0, h - shade_h * 0.5), 2)
    parts = [part("shade", _shade(shade_r, shade_r * vary(rng, 0.75, 0.1), shade_h, h - shade_h), "fabric",
                  jitter(rng, pick(rng, SHADES), 0.02)),
             part("stand", [base, pole], "metal", pick(rng, (DARK_METAL, METAL, (0.75, 0.6, 0.3))), role="detail"),
             part("bulb", bulb, "emissive", (1.0, 0.9, 0.7), role="detail")]
    return make_asset(parts, description="a floor lamp with a pole and a fabric shade")


@category("clock", size=((0.22, 0.38), (0.22, 0.38)), group="indoor", placement="wall", synonyms=("wall clock",))
def clock(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.15, 0.2)
    depth = 0.04
    # built along +Z from the wall side, then turned so +Z runs to -Y: the face looks at the viewer
    rim = rotate(lathe([(r - 0.015, 0.0), (r, 0.0), (r, depth), (r - 0.015, depth)], 48), np.pi / 2, (1, 0, 0))
    back = rotate(cylinder(r - 0.01, 0.005, (0, 0, 0), 48), np.pi / 2, (1, 0, 0))
    face = rotate(cylinder(r - 0.014, 0.004, (0, 0, 0.01), 48), np.pi / 2, (1, 0, 0))
    hands, ticks = [], []
    t = rng.uniform(0, 12)
    for length, angle, width in ((0.5, t / 12 * 2 * np.pi, 0.012), (0.8, (t % 1) * 2 * np.pi, 0.007)):
        tip = (np.sin(angle) * r * length, -0.02, np.cos(angle) * r * length)
        hands.append(rod((0, -0.02, 0), tip, width / 2, 6))
    for i in range(12):
        a = i / 12 * 2 * np.pi
        ticks.append(box((0.008, 0.003, 0.025 if i % 3 == 0 else 0.012),
                         (np.sin(a) * r * 0.82, -0.016, np.cos(a) * r * 0.82)))
        rotate(ticks[-1], a, (0, 1, 0), (np.sin(a) * r * 0.82, -0.016, np.cos(a) * r * 0.82))
    parts = [part("clock", [rim, back], "plastic", jitter(rng, pick(rng, ((0.1, 0.1, 0.1),) + WOODS[:2] + (METAL,)))),
             part("face", face, "paper", WHITE, role="detail"),
             part("hands", hands + ticks, "metal", BLACK, role="detail")]
    return make_asset(parts, description="a round wall clock")


@category("picture", size=((0.25, 1.2), (0.4, 0.85)), group="indoor", placement="wall",
          synonyms=("painting", "frame", "picture frame", "poster", "artwork", "photo", "canvas", "print"))
def picture(rng: np.random.Generator) -> Asset:
    w = vary(rng, 0.6, 0.3)
    h = w * pick(rng, (0.7, 0.75, 1.3, 1.0))
    frame_w, depth = vary(rng, 0.04, 0.3), 0.03
    frame = [box((w, depth, frame_w), (0, 0, h / 2 - frame_w / 2)), box((w, depth, frame_w), (0, 0, -h / 2 + frame_w / 2)),
             box((frame_w, depth, h - 2 * frame_w), (-w / 2 + frame_w / 2, 0, 0)),
             box((frame_w, depth, h - 2 * frame_w), (w / 2 - frame_w / 2, 0, 0))]
    canvas = box((w - 2 * frame_w + 0.002, 0.006, h - 2 * frame_w + 0.002), (0, -0.005, 0))
    # a few soft colour fields so the canvas reads as a painting rather than a blank board
    base = jitter(rng, pick(rng, ((0.35, 0.5, 0.65), (0.75, 0.55, 0.35), (0.4, 0.55, 0.35), (0.7, 0.3, 0.25))), 0.06)
    parts = [part("canvas", canvas, "paper", base),
             part("frame", frame, "wood", jitter(rng, pick(rng, WOODS + ((0.1, 0.1, 0.1), (0.8, 0.65, 0.3))))),
             ]
    strokes = []
    for _ in range(int(rng.integers(2, 5))):
        sw, sh = rng.uniform(0.1, 0.4) * w, rng.uniform(0.08, 0.3) * h
        cx = rng.uniform(-0.5, 0.5) * (w - 2 * frame_w - sw)
        cz = rng.uniform(-0.5, 0.5) * (h - 2 * frame_w - sh)
        strokes.append(box((sw, 0.002, sh), (cx, -0.0085, cz)))
    parts.append(part("paint", strokes, "paper", jitter(rng, pick(rng, PLASTICS), 0.08), role="detail"))
    return make_asset(parts, description="a framed painting")


@category("mirror", size=((0.4, 1.8), (0.3, 1.2)), group="indoor", placement="wall", synonyms=("wall mirror",))
def mirror(rng: np.random.Generator) -> Asset:
    w, h = vary(rng, 0.55, 0.2), vary(rng, 0.8, 0.2)
    fw = vary(rng, 0.04, 0.2)
    frame = superellipsoid((w / 2, 0.015, h / 2), (0, 0, 0), 0.2, 3)
    glass = box((w - 2 * fw, 0.004, h - 2 * fw), (0, -0.015, 0))
    parts = [part("frame", frame, "wood", jitter(rng, pick(rng, WOODS + ((0.8, 0.65, 0.3), (0.1, 0.1, 0.1))))),
             part("mirror_glass", glass, "metal", (0.9, 0.9, 0.92), role="detail", roughness=0.02)]
    return make_asset(parts, description="a framed wall mirror")


@category("wall_shelf", size=((0.1, 0.3), (0.5, 1.2)), group="indoor", placement="wall", synonyms=("floating shelf", "wall shelves", "ledge"))
def wall_shelf(rng: np.random.Generator) -> Asset:
    w, d, t = vary(rng, 0.8, 0.2), vary(rng, 0.22, 0.15), 0.03
    board = box((w, d, t), (0, 0, 0.12))
    brackets = []
    for s in (-1, 1):
        x = s * (w / 2 - 0.1)
        brackets += [box((0.02, 0.015, 0.14), (x, d / 2 - 0.0075, 0.07)),
                     box((0.02, d - 0.03, 0.015), (x, 0.0, 0.12 - t / 2 - 0.0075))]
    parts = [part("shelf", board, "wood", jitter(rng, pick(rng, WOODS + PAINTED[:2]))),
             part("brackets", brackets, "metal", DARK_METAL, role="detail")]
    return make_asset(parts, [top_surface("top", 0.12 + t / 2, (-w / 2, w / 2), (-d / 2, d / 2), inset=0.015)],
                      "a wall-mounted shelf on brackets")


@category("book", size=((0.015, 0.05), (0.18, 0.28)), group="indoor", placement="surface", synonyms=("notebook", "novel", "textbook", "diary"))
def book(rng: np.random.Generator) -> Asset:
    w, d, t = vary(rng, 0.16, 0.2), vary(rng, 0.23, 0.15), vary(rng, 0.03, 0.4)
    c = 0.003  # cover thickness
    covers = [box((w, d, c), (0, 0, c / 2)), box((w, d, c), (0, 0, t - c / 2)), box((c * 2, d, t), (-w / 2 + c, 0, t / 2))]
    pages = box((w - 0.008, d - 0.008, t - 2 * c), (0.002, 0, t / 2))
    cover = jitter(rng, pick(rng, ((0.55, 0.1, 0.1), (0.1, 0.25, 0.5), (0.15, 0.4, 0.2), (0.1, 0.1, 0.1),
                                   (0.85, 0.7, 0.3), (0.9, 0.88, 0.8))))
    parts = [part("cover", covers, "paper", cover), part("pages", pages, "paper", PAPER, role="detail")]
    return make_asset(parts, [top_surface("top", t, (-w / 2, w / 2), (-d / 2, d / 2), inset=0.01)],
                      "a closed book lying flat, spine on the left")


@category("box", size=((0.2, 0.45), (0.3, 0.6)), group="indoor", placement="floor",
          synonyms=("cardboard box", "crate", "carton", "package", "parcel", "storage box"))
def box_(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 0.45, 0.25), vary(rng, 0.35, 0.25), vary(rng, 0.32, 0.25)
    shell = box((w, d, h), (0, 0, h / 2))
    tape = box((0.05, d + 0.002, 0.001), (0, 0, h + 0.0005))
    tape_sides = [box((0.05, 0.001, 0.08), (0, s * (d / 2 + 0.0005), h - 0.04)) for s in (-1, 1)]
    parts = [part("box", shell, "paper", jitter(rng, (0.62, 0.46, 0.3), 0.04)),
             part("tape", [tape] + tape_sides, "plastic", (0.75, 0.6, 0.42), role="detail")]
    return make_asset(parts, [top_surface("top", h, (-w / 2, w / 2), (-d / 2, d / 2))], "a taped cardboard box")


@category("open_box", size=((0.2, 0.45), (0.3, 0.75)), group="indoor", placement="floor", synonyms=("open box", "open cardboard box"))
def open_box(rng: np.random.Generator) -> Asset:
    """A cardboard box with its flaps folded out: what is in it shows from above."""
    w, d, h = vary(rng, 0.45, 0.25), vary(rng, 0.35, 0.25), vary(rng, 0.3, 0.25)
    t = 0.006
    walls = [box((w, d, t), (0, 0, t / 2)),
             box((w, t, h), (0, -d / 2 + t / 2, h / 2)), box((w, t, h), (0, d / 2 - t / 2, h / 2)),
             box((t, d, h), (-w / 2 + t / 2, 0, h / 2)), box((t, d, h), (w / 2 - t / 2, 0, h / 2))]
    flap = vary(rng, 0.12, 0.2)
    flaps = [rotate(box((w, flap, t), (0, s * (d / 2 + flap / 2), h)), s * -0.5, (1, 0, 0), (0, s * d / 2, h))
             for s in (-1, 1)]
    parts = [part("box", walls + flaps, "paper", jitter(rng, (0.62, 0.46, 0.3), 0.04))]
    inside = Surface("interior", t, (-w / 2 + 2 * t, -d / 2 + 2 * t), (w / 2 - 2 * t, d / 2 - 2 * t), kind="interior",
                     clearance=None)
    return make_asset(parts, [inside], "an open cardboard box, flaps folded out")


@category("pillow", size=((0.1, 0.18), (0.38, 0.52)), group="indoor", placement="surface", synonyms=("cushion", "throw pillow"))
def pillow(rng: np.random.Generator) -> Asset:
    s = vary(rng, 0.45, 0.12)
    thick = vary(rng, 0.14, 0.15)
    cushion = superellipsoid((s / 2, s / 2, thick / 2), (0, 0, 0), 0.6, 3)
    # thin toward the seams and corners, as a stuffed cover is: scale height by distance from the centre
    v = cushion.vertices
    edge = np.clip(np.maximum(np.abs(v[:, 0]), np.abs(v[:, 1])) / (s / 2), 0, 1)
    corner = np.abs(v[:, 0] * v[:, 1]) / (s / 2) ** 2
    v[:, 2] *= 1.0 - 0.35 * edge ** 3 - 0.3 * corner
    cushion.vertices = v
    cushion.apply_translation((0, 0, -v[:, 2].min()))
    return make_asset([part("pillow", cushion, "fabric", jitter(rng, pick(rng, FABRICS + ((0.9, 0.85, 0.7),))))],
                      description="a square throw pillow")


@category("trash_can", size=((0.3, 0.5), (0.25, 0.37)), group="indoor", placement="floor",
          synonyms=("bin", "trash bin", "garbage can", "waste basket", "wastebasket", "dustbin", "rubbish bin"))
def trash_can(rng: np.random.Generator) -> Asset:
    r, h = vary(rng, 0.15, 0.15), vary(rng, 0.4, 0.15)
    body = lathe([(0.0, 0.0), (r * 0.85, 0.0), (r, h), (r - 0.004, h), (r * 0.85 - 0.004, 0.01), (0.0, 0.01)])
    rim = lathe([(r - 0.006, h - 0.012), (r + 0.006, h - 0.012), (r + 0.006, h + 0.004), (r - 0.006, h + 0.004)])
    metal = rng.random() < 0.5
    color = jitter(rng, METAL if metal else pick(rng, PLASTICS), 0.03)
    parts = [part("trash_can", [body, rim], "metal" if metal else "plastic", color)]
    half = r * 0.55
    return make_asset(parts, [Surface("interior", 0.01, (-half, -half), (half, half), kind="interior", clearance=h)],
                      "an open-top trash can")


@category("basket", size=((0.18, 0.32), (0.24, 0.36)), group="indoor", placement="surface", synonyms=("wicker basket", "bread basket", "picnic basket"))
def basket(rng: np.random.Generator) -> Asset:
    r, h = vary(rng, 0.15, 0.15), vary(rng, 0.12, 0.2)
    wall = 0.008
    body = lathe([(0.0, 0.0), (r * 0.8, 0.0), (r, h), (r - wall, h), (r * 0.8 - wall, 0.012), (0.0, 0.012)], 40)
    # woven bands: thin rings stepping up the wall
    bands = []
    for i in range(1, 5):
        z = h * i / 5
        rz = r * 0.8 + (r - r * 0.8) * i / 5
        bands.append(lathe([(rz - 0.001, z - 0.004), (rz + 0.003, z - 0.004), (rz + 0.003, z + 0.004),
                            (rz - 0.001, z + 0.004)], 40))
    handle = tube(arc_points(r - 0.004, 0.0, np.pi, (0, 0, h - 0.01), plane="xz", count=20), 0.007, 10)
    color = jitter(rng, pick(rng, ((0.72, 0.55, 0.32), (0.55, 0.38, 0.2), (0.8, 0.7, 0.5))), 0.03)
    parts = [part("basket", [body, handle], "wood", color),
             part("weave", bands, "wood", tuple(np.clip(np.asarray(color) * 0.75, 0, 1)), role="detail")]
    half = r * 0.6
    return make_asset(parts, [Surface("interior", 0.012, (-half, -half), (half, half), kind="interior", clearance=None)],
                      "a woven basket with a handle")
