"""Street furniture at real size, faces toward -Y: lights, signs, boards, flags, poles, a mailbox,
a manhole cover, a clock tower, a scoreboard, a fire extinguisher, a bell and a weathervane.

What makes each read at a glance is the silhouette at its real height (a thin pole with the right
head on top) and one bright face toward the viewer (a sign's colour, a board's picture, a clock).
"""
from __future__ import annotations

import numpy as np
import trimesh

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.palette import BLACK, DARK_METAL, METAL, WHITE, WOODS
from fyi.assets.procedural.shapes import (arc_points, box, cone, cylinder, ellipsoid, hull, jitter, lathe, make_asset,
                                          part, pick, rod, rotate, superellipsoid, torus, tube, vary)

POLE_GREY = (0.55, 0.56, 0.58)
LAMP_LIGHT = (1.0, 0.9, 0.7)
SIGN_GREEN = (0.05, 0.4, 0.2)
FLAG_COLOURS = ((0.8, 0.08, 0.1), (0.1, 0.2, 0.55), WHITE, (0.95, 0.75, 0.05), (0.1, 0.5, 0.25), (0.05, 0.05, 0.05),
                (0.95, 0.45, 0.05))
BRONZE = (0.72, 0.52, 0.25)


def cloth(width: float, height: float, ripple: float, waves: float, thick: float = 0.006, x0: float = 0.0,
          z0: float = 0.0, cols: int = 24, rows: int = 21, phase: float = 0.0) -> list[tuple[float, float, trimesh.Trimesh]]:
    """A rippling sheet in the xz plane from (x0, z0), `width` x `height`, as thin cells (u, v, cell).

    The sheet waves in y (a flag in the wind, a banner between ropes); (u, v) is a cell's centre as
    fractions of the width and height, so callers colour bands, crosses and cantons by position.
    """
    def y(x: float) -> float:
        return ripple * np.sin(2 * np.pi * waves * x / width + phase) * min(1.0, 0.3 + x / width)

    xs, zs = np.linspace(0.0, width, cols + 1), np.linspace(0.0, height, rows + 1)
    cells = []
    for a, b in zip(xs[:-1], xs[1:]):
        for c, d in zip(zs[:-1], zs[1:]):
            pts = [(x0 + x, y(x) + dy, z0 + z) for x in (a, b) for z in (c, d) for dy in (-thick / 2, thick / 2)]
            cells.append((float((a + b) / 2 / width), float((c + d) / 2 / height), hull(pts)))
    return cells


def flag_parts(rng: np.random.Generator, width: float, height: float, x0: float, z0: float,
               ripple: float) -> list:
    """A national-style flag (tricolour, bands, nordic cross or striped with a canton) as body and detail parts."""
    cells = cloth(width, height, ripple, vary(rng, 1.5, 0.2), 0.006, x0, z0, 24, 21, rng.uniform(0, np.pi))
    design = pick(rng, ("vertical", "horizontal", "cross", "canton"))
    a, b, c = (jitter(rng, FLAG_COLOURS[i], 0.02) for i in rng.permutation(len(FLAG_COLOURS))[:3])

    def region(u: float, v: float) -> int:  # 0 the field, 1 the stripes or cross, 2 the canton
        if design == "vertical":
            return int(1 / 3 < u < 2 / 3)
        if design == "horizontal":
            return int(1 / 3 < v < 2 / 3)
        if design == "cross":
            return int(0.3 < u < 0.42 or 9 / 21 < v < 12 / 21)
        return 2 if (u < 0.4 and v > 3 / 7) else int(v * 7) % 2

    groups: list[list] = [[], [], []]
    for u, v, cell in cells:
        groups[region(u, v)].append(cell)
    parts = [part("flag", groups[0], "fabric", a), part("stripes", groups[1], "fabric", b, role="detail")]
    if groups[2]:
        parts.append(part("canton", groups[2], "fabric", c, role="detail"))
    return parts


@category("streetlight", size=((5.0, 12.0), (1.0, 5.5)), group="outdoor", placement="floor",
          synonyms=("street light", "street lamp", "streetlamp", "road light", "street lights"))
def streetlight(rng: np.random.Generator) -> Asset:
    h = vary(rng, 5.6, 0.1)  # a residential street's light; main roads' reach 10 m and more
    reach = vary(rng, 1.5, 0.2)  # how far an arm carries its head out over the road, along X
    pole = lathe([(0.0, 0.0), (0.2, 0.0), (0.2, 0.7), (0.14, 0.76), (0.09, h - 0.4), (0.0, h - 0.4)], 20)
    bend = 0.6
    metal, lenses = [pole], []
    for side in ((-1, 1) if rng.random() < 0.25 else (1,)):  # one arm, or two over a median
        arc = arc_points(bend, np.pi, np.pi / 2, (bend, 0, h - 0.4), "xz", 10)
        arm = tube(np.vstack([[(0.0, 0.0, h - 1.2)], arc, [(reach, 0.0, h + bend - 0.4)]]) * (side, 1, 1), 0.055, 12)
        hz = h + bend - 0.45
        metal += [arm, superellipsoid((0.42, 0.18, 0.09), (side * (reach + 0.32), 0, hz), 0.5, 3)]
        lenses.append(superellipsoid((0.33, 0.13, 0.02), (side * (reach + 0.34), 0, hz - 0.08), 0.5, 2))
    colour = jitter(rng, pick(rng, (POLE_GREY, POLE_GREY, DARK_METAL, (0.2, 0.3, 0.25))), 0.02)
    parts = [part("streetlight", metal, "metal", colour, roughness=0.4),
             part("lamp", lenses, "emissive", LAMP_LIGHT, role="detail")]
    return make_asset(parts, description="a tall street light: a pole whose curved arm holds a lamp head over the road")


@category("lamppost", size=((2.5, 6.0), (0.3, 1.4)), group="outdoor", placement="floor",
          synonyms=("lamp post", "lamp-post", "lamp standard", "lantern post", "park lamp", "garden lamp post"))
def lamppost(rng: np.random.Generator) -> Asset:
    h = vary(rng, 3.6, 0.15)
    base = lathe([(0.0, 0.0), (0.2, 0.0), (0.2, 0.1), (0.14, 0.2), (0.12, 0.6), (0.08, 0.75), (0.0, 0.75)], 24)
    post = rod((0, 0, 0.7), (0, 0, h), 0.05, 16)
    collar = cylinder(0.08, 0.08, (0, 0, h * 0.55), 16)
    twin = rng.random() < 0.4
    heads = [(0.0, h + 0.05)] if not twin else [(-0.45, h - 0.1), (0.45, h - 0.1)]
    metal, glass, light = [base, post, collar], [], []
    if twin:
        metal.append(tube([(-0.45, 0, h - 0.1), (-0.25, 0, h + 0.05), (0.25, 0, h + 0.05), (0.45, 0, h - 0.1)], 0.025, 8))
    for x, z in heads:
        metal.append(hull([(x + sx * 0.1, sy * 0.1, z) for sx in (-1, 1) for sy in (-1, 1)] + [(x, 0, z - 0.08)]))
        glass.append(hull([(x + sx * r, sy * r, z + dz) for sx in (-1, 1) for sy in (-1, 1)
                           for r, dz in ((0.09, 0.0), (0.14, 0.38))]))
        light.append(ellipsoid((0.05, 0.05, 0.08), (x, 0, z + 0.18), 2))
        metal.append(hull([(x + sx * 0.18, sy * 0.18, z + 0.38) for sx in (-1, 1) for sy in (-1, 1)] + [(x, 0, z + 0.58)]))
        metal.append(ellipsoid((0.035, 0.035, 0.05), (x, 0, z + 0.6), 1))
    colour = jitter(rng, pick(rng, (BLACK, BLACK, (0.12, 0.22, 0.15), DARK_METAL)), 0.02)
    parts = [part("lamppost", metal, "metal", colour, roughness=0.4),
             part("lantern_glass", glass, "glass", (0.95, 0.9, 0.75), role="detail", roughness=0.05),
             part("bulb", light, "emissive", LAMP_LIGHT, role="detail")]
    return make_asset(parts, description="a classic black lamppost with a glass lantern on top")


@category("street_sign", size=((2.3, 4.0), (0.5, 1.1)), group="outdoor", placement="floor",
          synonyms=("street sign", "street name sign", "signpost", "sign post", "street signs"))
def street_sign(rng: np.random.Generator) -> Asset:
    h = vary(rng, 2.9, 0.1)
    blade_l, blade_h = vary(rng, 0.9, 0.12), vary(rng, 0.22, 0.1)
    pole = rod((0, 0, 0), (0, 0, h + 0.05), 0.035, 12)
    # a regulatory sign under the name blades: a white rectangle with black lettering, or a yellow diamond
    zs = h - blade_h * 2.2 - 0.45
    if rng.random() < 0.5:
        lower = [box((0.45, 0.01, 0.6), (0, -0.045, zs))]
        lower_marks = [box((0.34, 0.004, 0.07), (0, -0.052, zs + dz)) for dz in (0.18, 0.05)] + \
            [box((0.2, 0.004, 0.18), (0, -0.052, zs - 0.14))]
        lower_colour = WHITE
    else:
        lower = [box((0.45, 0.01, 0.45), (0, -0.045, zs))]
        rotate(lower[0], np.pi / 4, (0, 1, 0), (0, -0.045, zs))
        lower_marks = [box((0.05, 0.004, 0.18), (0, -0.052, zs)), box((0.18, 0.004, 0.05), (0, -0.052, zs))]
        lower_colour = (0.98, 0.8, 0.05)
    colour = jitter(rng, pick(rng, (SIGN_GREEN, SIGN_GREEN, (0.1, 0.2, 0.55), (0.1, 0.1, 0.1))), 0.02)
    blades, text = [], []
    for k, z in enumerate((h - blade_h / 2, h - blade_h * 1.6)):
        # the upper blade faces -Y (along X); the lower one crosses it (along Y)
        size = (blade_l, 0.012, blade_h) if k == 0 else (0.012, blade_l, blade_h)
        centre = (0, -0.04, z) if k == 0 else (0.04, 0, z)
        blades.append(box(size, centre))
        for y in (-1, 1):
            if k == 0:
                text.append(box((blade_l * 0.7, 0.003, blade_h * 0.35), (0, -0.04 + y * 0.0075, z)))
            else:
                text.append(box((0.003, blade_l * 0.7, blade_h * 0.35), (0.04 + y * 0.0075, 0, z)))
    parts = [part("street_sign", blades, "metal", colour, roughness=0.35),
             part("lettering", text, "plastic", WHITE, role="detail"),
             part("lower_sign", lower, "metal", lower_colour, role="detail", roughness=0.35),
             part("lower_sign_marks", lower_marks, "plastic", BLACK, role="detail"),
             part("pole", pole, "metal", POLE_GREY)]  # a body part like stop_sign's: the blades are small
    return make_asset(parts, description="a street sign: two crossed name blades with white lettering over a traffic sign on a pole")


def _picture(w: float, h: float, y: float, z0: float, rng: np.random.Generator) -> tuple[list, list]:
    """An advert or notice on a board's face: a headline bar and a big shape (detail meshes, colours)."""
    headline = box((w * 0.7, 0.01, h * 0.16), (0, y, z0 + h * 0.78))
    lines = [box((w * 0.5, 0.01, h * 0.05), (-w * 0.12, y, z0 + h * (0.22 + 0.12 * k))) for k in range(3)]
    blob = ellipsoid((h * 0.2, 0.01, h * 0.2), (w * 0.3, y, z0 + h * 0.38), 2)
    return [headline, *lines], [blob]


@category("signboard", size=((1.2, 2.6), (0.7, 1.8)), group="outdoor", placement="floor",
          synonyms=("sign", "sign board", "notice board", "noticeboard", "information board", "shop sign"))
def signboard(rng: np.random.Generator) -> Asset:
    w, h = vary(rng, 1.2, 0.2), vary(rng, 0.8, 0.15)
    z0 = vary(rng, 0.9, 0.15)
    board = box((w, 0.05, h), (0, 0, z0 + h / 2))
    frame = [box((w + 0.06, 0.07, 0.04), (0, 0, z0 + dz)) for dz in (0.0, h)]
    posts = [box((0.08, 0.08, z0 + h + 0.1), (x * (w / 2 + 0.04), 0, (z0 + h + 0.1) / 2)) for x in (-1, 1)]
    text, blob = _picture(w, h, -0.03, z0, rng)
    wood = rng.random() < 0.5
    colour = jitter(rng, pick(rng, ((0.92, 0.92, 0.88), (0.1, 0.3, 0.2), (0.15, 0.25, 0.5), WOODS[2])), 0.02)
    parts = [part("signboard", board, "wood" if wood else "metal", colour),
             part("lettering", text, "plastic", BLACK if sum(colour) > 1.5 else WHITE, role="detail"),
             part("emblem", blob, "plastic", jitter(rng, pick(rng, FLAG_COLOURS[:5]), 0.02), role="detail"),
             part("posts", [*posts, *frame], "wood" if wood else "metal", WOODS[1] if wood else DARK_METAL, role="detail")]
    return make_asset(parts, description="a signboard: a painted board with lettering between two posts")


@category("billboard", size=((5.0, 14.0), (4.0, 15.0)), group="outdoor", placement="floor",
          synonyms=("advertising board", "hoarding", "billboards", "advertisement board", "roadside billboard"))
def billboard(rng: np.random.Generator) -> Asset:
    w, h = vary(rng, 9.0, 0.2), vary(rng, 3.2, 0.1)
    z0 = vary(rng, 4.0, 0.15)
    face = box((w, 0.08, h), (0, 0, z0 + h / 2))
    frame = box((w + 0.2, 0.3, h + 0.2), (0, 0.17, z0 + h / 2))
    legs = [rod((x, 0.3, 0), (x, 0.3, z0 + h * 0.8), 0.25, 16) for x in (-w * 0.25, w * 0.25)]
    catwalk = box((w, 0.9, 0.06), (0, -0.4, z0 - 0.05))
    rail = [rod((-w / 2, -0.85, z0 + 0.9), (w / 2, -0.85, z0 + 0.9), 0.02, 6)]
    rail += [rod((x, -0.85, z0), (x, -0.85, z0 + 0.9), 0.02, 6) for x in np.linspace(-w / 2, w / 2, 7)]
    lamps = [box((0.3, 0.6, 0.12), (x, -0.7, z0 + h + 0.25)) for x in (-w / 3, 0.0, w / 3)]
    text, blob = _picture(w, h, -0.05, z0, rng)
    background = jitter(rng, pick(rng, ((0.95, 0.8, 0.1), (0.15, 0.4, 0.8), (0.9, 0.2, 0.15), WHITE, (0.2, 0.65, 0.4))), 0.03)
    parts = [part("billboard", face, "paper", background),
             part("headline", text, "paper", BLACK if sum(background) > 1.6 else WHITE, role="detail"),
             part("picture", blob, "paper", jitter(rng, pick(rng, FLAG_COLOURS[:5]), 0.02), role="detail"),
             part("structure", [frame, *legs, catwalk, *rail, *lamps], "metal", POLE_GREY)]
    return make_asset(parts, description="a large billboard with a bright advert raised on steel legs")


@category("banner", size=((0.4, 1.3), (1.4, 4.5)), group="outdoor", placement="wall", against_wall=True,
          synonyms=("streamer", "cloth banner", "vinyl banner", "hanging banner", "banners"))
def banner(rng: np.random.Generator) -> Asset:
    w, h = vary(rng, 2.6, 0.3), vary(rng, 0.75, 0.2)
    cells = cloth(w, h, 0.015, 2.0, 0.004, -w / 2, 0.0, 24, 10)
    cloth_meshes = [cell for _, v, cell in cells if 0.1 < v < 0.9]
    edge = [cell for _, v, cell in cells if not 0.1 < v < 0.9]
    text, blob = _picture(w * 0.85, h, -0.02, 0.0, rng)
    grommets = [torus(0.015, 0.005, (0, 0, 0), 12, 6) for _ in range(4)]
    for g, (x, z) in zip(grommets, [(sx * (w / 2 - 0.05), sz) for sx in (-1, 1) for sz in (0.05, h - 0.05)]):
        rotate(g, np.pi / 2, (1, 0, 0))
        g.apply_translation((x, -0.006, z))
    colour = jitter(rng, pick(rng, ((0.8, 0.08, 0.1), (0.1, 0.2, 0.55), WHITE, (0.95, 0.75, 0.05), (0.1, 0.5, 0.25))), 0.02)
    trim = WHITE if sum(colour) < 2.0 else (0.1, 0.2, 0.55)
    parts = [part("banner", cloth_meshes, "fabric", colour),
             part("trim", edge, "fabric", trim, role="detail"),
             part("lettering", text + blob, "fabric", trim, role="detail"),
             part("grommets", grommets, "metal", METAL, role="detail")]
    return make_asset(parts, description="a long cloth banner with lettering, hung by its corner grommets")


@category("flag", size=((0.5, 1.3), (0.8, 1.9)), group="outdoor", placement="wall", against_wall=True,
          synonyms=("national flag", "flags", "ensign", "pennant"))
def flag(rng: np.random.Generator) -> Asset:
    w = vary(rng, 1.35, 0.25)
    h = w * vary(rng, 0.62, 0.08)
    parts = flag_parts(rng, w, h, -w / 2, 0.0, 0.03)
    return make_asset(parts, description="a cloth flag with coloured bands, hung flat")


@category("flagpole", size=((5.0, 13.0), (0.9, 2.8)), group="outdoor", placement="floor",
          synonyms=("flagstaff", "flag pole", "flag staff", "flagpoles"))
def flagpole(rng: np.random.Generator) -> Asset:
    h = vary(rng, 8.0, 0.25)
    pole = lathe([(0.0, 0.0), (0.07, 0.0), (0.045, h), (0.0, h)], 16)
    base = cylinder(0.25, 0.15, (0, 0, 0), 20)
    finial = ellipsoid((0.06, 0.06, 0.06), (0, 0, h + 0.05), 2)
    halyard = rod((0.05, 0, 1.2), (0.05, 0, h - 0.05), 0.004, 4)
    fw = vary(rng, 1.5, 0.2)
    fh = fw * 0.62
    parts = [part("flagpole", [pole, finial], "metal", jitter(rng, (0.82, 0.82, 0.84), 0.03), roughness=0.25)]
    parts += [p for p in flag_parts(rng, fw, fh, 0.06, h - fh - 0.1, 0.08)]
    for p in parts[1:]:
        p.role = "detail"
    parts.append(part("base", [base, halyard], "stone", (0.6, 0.6, 0.58), role="detail"))
    return make_asset(parts, description="a tall flagpole with a flag flying from its top")


@category("telephone_pole", size=((8.0, 13.0), (1.4, 3.0)), group="outdoor", placement="floor",
          synonyms=("telegraph pole", "telegraph post", "utility pole", "power pole", "electricity pole", "telephone post"))
def telephone_pole(rng: np.random.Generator) -> Asset:
    h = vary(rng, 10.0, 0.15)
    pole = lathe([(0.0, 0.0), (0.16, 0.0), (0.12, h), (0.0, h)], 16)
    wood = jitter(rng, pick(rng, ((0.35, 0.26, 0.18), (0.45, 0.35, 0.25), (0.3, 0.24, 0.2))), 0.03)
    arms, insulators = [], []
    for k in range(1 + int(rng.random() < 0.6)):
        z = h - 0.4 - k * 0.9
        arm_l = vary(rng, 2.2, 0.1)
        arms.append(box((arm_l, 0.1, 0.1), (0, -0.17, z)))
        arms += [rod((sx * 0.6, -0.17, z - 0.05), (0, -0.13, z - 0.7), 0.02, 6) for sx in (-1, 1)]
        for x in np.linspace(-arm_l / 2 + 0.12, arm_l / 2 - 0.12, 4):
            if abs(x) < 0.2:
                continue
            insulators.append(lathe([(0.0, 0.0), (0.04, 0.0), (0.05, 0.06), (0.03, 0.1), (0.025, 0.16), (0.0, 0.16)], 12)
                              .apply_translation((x, -0.17, z + 0.05)))
    transformer = [] if rng.random() < 0.5 else [cylinder(0.25, 0.8, (0, -0.45, h - 3.2), 20),
                                                 box((0.1, 0.3, 0.1), (0, -0.25, h - 2.6))]
    parts = [part("telephone_pole", [pole, *arms], "wood", wood),
             part("insulators", insulators, "ceramic", pick(rng, ((0.3, 0.6, 0.45), (0.85, 0.85, 0.82), (0.5, 0.3, 0.2))),
                  role="detail", roughness=0.15)]
    if transformer:
        parts.append(part("transformer", transformer, "metal", (0.55, 0.58, 0.56), role="detail"))
    return make_asset(parts, description="a wooden telephone pole with cross-arms carrying insulators")


@category("mailbox", size=((1.0, 1.4), (0.4, 0.65)), group="outdoor", placement="floor",
          synonyms=("mail box", "letter box", "letterbox", "home mailbox", "postal box"))
def mailbox(rng: np.random.Generator) -> Asset:
    length, width = vary(rng, 0.5, 0.1), vary(rng, 0.2, 0.1)
    z0 = vary(rng, 1.0, 0.08)
    r = width / 2
    # a tunnel: a box with a half-round roof, its door facing the street at -Y
    theta = np.linspace(0, np.pi, 13)
    outline = [(r, 0.0)] + [(r * np.cos(t), r * 0.9 + r * np.sin(t)) for t in theta] + [(-r, 0.0)]
    body = hull([(x, y, z0 + z) for x, z in outline for y in (-length / 2, length / 2)])
    door = hull([(x * 1.04, -length / 2 - 0.012, z0 + z * 1.02 - 0.004) for x, z in outline] +
                [(x * 1.04, -length / 2, z0 + z * 1.02 - 0.004) for x, z in outline])
    handle = box((0.03, 0.02, 0.015), (0, -length / 2 - 0.02, z0 + r * 1.4))
    post = box((0.09, 0.09, z0), (0, 0.05, z0 / 2))
    arm = box((0.04, 0.04, 0.25), (r + 0.02, length * 0.1, z0 + r))
    signal = box((0.01, 0.1, 0.07), (r + 0.02, length * 0.1 - 0.05, z0 + r + 0.15))
    colour = jitter(rng, pick(rng, (BLACK, (0.9, 0.9, 0.88), (0.15, 0.3, 0.2), (0.2, 0.25, 0.45), (0.6, 0.6, 0.62))), 0.02)
    parts = [part("mailbox", [body, door], "metal", colour, roughness=0.35),
             part("handle", handle, "metal", METAL, role="detail"),
             part("flag", [arm, signal], "metal", (0.85, 0.08, 0.06), role="detail"),
             part("post", post, "wood", jitter(rng, WOODS[0], 0.03))]  # as tall as the box is long: a body part
    return make_asset(parts, description="a roadside mailbox: a round-topped metal box with a red flag on a wooden post")


@category("manhole", size=((0.01, 0.06), (0.6, 1.0)), group="outdoor", placement="floor",
          synonyms=("manhole cover", "sewer cover", "drain cover", "utility hole", "manhole lid"))
def manhole(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.33, 0.1)
    frame = lathe([(r, 0.0), (r * 1.18, 0.0), (r * 1.18, 0.03), (r, 0.03)], 48)
    cover = cylinder(r - 0.005, 0.03, (0, 0, 0.002), 48)
    pattern = []
    for k in range(-4, 5):
        half = np.sqrt(max(0.0, (r * 0.85) ** 2 - (k * r * 0.19) ** 2))
        if half > 0.02:
            pattern.append(box((2 * half, 0.02, 0.008), (0, k * r * 0.19, 0.035)))
    pattern.append(torus(r * 0.88, 0.01, (0, 0, 0.032), 48, 6))
    colour = jitter(rng, pick(rng, ((0.22, 0.21, 0.2), (0.3, 0.28, 0.26), (0.15, 0.15, 0.15))), 0.02)
    parts = [part("manhole", [cover], "metal", colour, roughness=0.6),
             part("pattern", pattern, "metal", tuple(c * 1.3 for c in colour), role="detail", roughness=0.5),
             part("frame", frame, "metal", (0.35, 0.33, 0.31), role="detail", roughness=0.6)]
    return make_asset(parts, description="a round cast-iron manhole cover with a raised grid, flush with the ground")


def clock_face(r: float, centre, rng: np.random.Generator) -> tuple[list, list]:
    """A clock dial facing -Y: a white disc, twelve tick marks and two hands (dial, marks)."""
    cx, cy, cz = centre
    dial = rod((cx, cy, cz), (cx, cy - 0.03, cz), r, 32)
    marks = []
    for k in range(12):
        a = k * np.pi / 6
        p = np.array([cx + r * 0.82 * np.sin(a), cy - 0.035, cz + r * 0.82 * np.cos(a)])
        marks.append(box((r * 0.06, 0.012, r * 0.14), p))
        rotate(marks[-1], -a, (0, 1, 0), p)
    for length, angle, thick in ((r * 0.5, rng.uniform(0, 2 * np.pi), r * 0.06), (r * 0.75, rng.uniform(0, 2 * np.pi), r * 0.04)):
        end = (cx + length * np.sin(angle), cy - 0.045, cz + length * np.cos(angle))
        marks.append(hull([(cx, cy - 0.04, cz), (cx, cy - 0.05, cz), end, (end[0], end[1] - 0.01, end[2])] +
                          [(cx + thick * np.cos(angle), cy - 0.045, cz - thick * np.sin(angle)),
                           (cx - thick * np.cos(angle), cy - 0.045, cz + thick * np.sin(angle))]))
    return [dial], marks


@category("clock_tower", size=((8.0, 32.0), (2.5, 7.0)), group="outdoor", placement="floor",
          synonyms=("clock tower", "clocktower", "bell tower", "belfry"))
def clock_tower(rng: np.random.Generator) -> Asset:
    w = vary(rng, 4.0, 0.15)
    h = vary(rng, 16.0, 0.25)
    shaft = box((w, w, h), (0, 0, h / 2))
    plinth = box((w + 0.6, w + 0.6, 1.2), (0, 0, 0.6))
    cornice = box((w + 0.5, w + 0.5, 0.4), (0, 0, h))
    bands = [box((w + 0.2, w + 0.2, 0.25), (0, 0, z)) for z in (h * 0.35, h * 0.7)]
    roof_h = w * vary(rng, 1.1, 0.2)
    roof = hull([(sx * w * 0.55, sy * w * 0.55, h + 0.2) for sx in (-1, 1) for sy in (-1, 1)] + [(0, 0, h + 0.2 + roof_h)])
    cz = h - w * 0.5
    dials, marks = [], []
    for turn in range(4):  # one clock on every side
        d, m = clock_face(w * 0.35, (0, -w / 2, cz), rng)
        for mesh in d + m:
            rotate(mesh, turn * np.pi / 2, (0, 0, 1))
        dials += d
        marks += m
    windows = [box((w * 0.18, 0.1, h * 0.08), (x, -w / 2, z)) for x in (-w * 0.2, w * 0.2) for z in (h * 0.2, h * 0.5)]
    stone = jitter(rng, pick(rng, ((0.72, 0.66, 0.55), (0.6, 0.35, 0.25), (0.8, 0.78, 0.74), (0.55, 0.55, 0.55))), 0.03)
    parts = [part("clock_tower", [shaft, plinth, cornice, *bands], "stone", stone),
             part("roof", roof, "metal", pick(rng, ((0.25, 0.45, 0.4), (0.2, 0.2, 0.22), (0.45, 0.25, 0.18))), role="detail"),
             part("clock_face", dials, "ceramic", WHITE, role="detail", roughness=0.3),
             part("clock_hands", marks, "metal", BLACK, role="detail"),
             part("windows", windows, "glass", (0.08, 0.1, 0.12), role="detail", roughness=0.1)]
    return make_asset(parts, description="a stone clock tower with a clock face on each side under a pointed roof")


# seven-segment digits: which of the segments (a top, b top-right, c bottom-right, d bottom, e bottom-left,
# f top-left, g middle) are lit
_SEGMENTS = {0: "abcdef", 1: "bc", 2: "abdeg", 3: "abcdg", 4: "bcfg", 5: "acdfg", 6: "acdefg", 7: "abc", 8: "abcdefg",
             9: "abcdfg"}


def digit(value: int, x: float, y: float, z: float, size: float) -> list[trimesh.Trimesh]:
    """A seven-segment digit `size` tall, centred at (x, z), its face at y."""
    w, t = size * 0.55, size * 0.12
    spots = {"a": (0, size / 2, w, t), "d": (0, -size / 2, w, t), "g": (0, 0, w, t),
             "b": (w / 2, size / 4, t, size / 2), "c": (w / 2, -size / 4, t, size / 2),
             "e": (-w / 2, -size / 4, t, size / 2), "f": (-w / 2, size / 4, t, size / 2)}
    return [box((sw, 0.02, sh), (x + dx, y, z + dz)) for s, (dx, dz, sw, sh) in spots.items() if s in _SEGMENTS[value]]


@category("scoreboard", size=((3.0, 8.0), (2.5, 8.0)), group="outdoor", placement="floor",
          synonyms=("score board", "scoreboards", "score display"))
def scoreboard(rng: np.random.Generator) -> Asset:
    w, h = vary(rng, 4.0, 0.2), vary(rng, 2.0, 0.15)
    z0 = vary(rng, 2.2, 0.15)
    board = box((w, 0.25, h), (0, 0, z0 + h / 2))
    posts = [box((0.2, 0.2, z0 + 0.2), (x, 0.1, (z0 + 0.2) / 2)) for x in (-w * 0.3, w * 0.3)]
    title = box((w * 0.7, 0.02, h * 0.12), (0, -0.13, z0 + h * 0.86))
    digits = []
    for x, value in ((-w * 0.33, int(rng.integers(10))), (-w * 0.2, int(rng.integers(10))),
                     (w * 0.2, int(rng.integers(10))), (w * 0.33, int(rng.integers(10)))):
        digits += digit(value, x, -0.14, z0 + h * 0.45, h * 0.4)
    labels = [box((w * 0.3, 0.02, h * 0.08), (sx * w * 0.27, -0.13, z0 + h * 0.7)) for sx in (-1, 1)]
    colour = jitter(rng, pick(rng, ((0.06, 0.06, 0.07), (0.1, 0.25, 0.15), (0.1, 0.15, 0.35))), 0.02)
    parts = [part("scoreboard", board, "metal", colour, roughness=0.5),
             part("digits", digits, "emissive", pick(rng, ((1.0, 0.6, 0.1), (1.0, 0.2, 0.1), (0.95, 0.95, 0.9))), role="detail"),
             part("labels", [title, *labels], "plastic", WHITE, role="detail"),
             part("posts", posts, "metal", POLE_GREY, role="detail")]
    return make_asset(parts, description="a scoreboard on two posts with lit digits for the two sides' scores")


@category("fire_extinguisher", size=((0.35, 0.75), (0.15, 0.35)), group="indoor", placement="floor",
          synonyms=("extinguisher", "fire extinguishers"))
def fire_extinguisher(rng: np.random.Generator) -> Asset:
    h = vary(rng, 0.5, 0.15)
    r = h * vary(rng, 0.16, 0.08)
    body = lathe([(0.0, 0.0), (r * 0.95, 0.0), (r, r * 0.2), (r, h * 0.78), (r * 0.8, h * 0.86), (r * 0.35, h * 0.9),
                  (0.0, h * 0.9)], 32)
    valve = cylinder(r * 0.28, h * 0.08, (0, 0, h * 0.88), 16)
    lever = hull([(x, y, z) for x in (-0.012, 0.012) for y, z in ((0.0, h * 0.96), (r * 1.5, h * 0.99), (r * 1.5, h * 0.97),
                                                                    (0.0, h * 0.94))])
    grip = hull([(x, y, z) for x in (-0.012, 0.012) for y, z in ((0.0, h * 0.93), (r * 1.4, h * 0.9), (r * 1.4, h * 0.88),
                                                                   (0.0, h * 0.91))])
    hose = tube([(0, -r * 0.3, h * 0.93), (0, -r * 1.1, h * 0.9), (0, -r * 1.25, h * 0.6), (0, -r * 1.15, h * 0.3),
                 (0, -r * 1.2, h * 0.18)], r * 0.12, 8)
    nozzle = cone(r * 0.22, h * 0.12, (0, -r * 1.2, h * 0.08), 12)
    label = lathe([(r * 1.005, h * 0.35), (r * 1.01, h * 0.35), (r * 1.01, h * 0.6), (r * 1.005, h * 0.6)], 32)
    label.update_faces(label.triangles_center[:, 1] < -r * 0.3)
    label.remove_unreferenced_vertices()
    gauge = rod((r * 0.3, -r * 0.2, h * 0.92), (r * 0.3, -r * 0.45, h * 0.92), r * 0.15, 12)
    parts = [part("fire_extinguisher", body, "metal", jitter(rng, (0.8, 0.06, 0.05), 0.03), roughness=0.3),
             part("valve", [valve, lever, grip, gauge], "metal", METAL, role="detail", roughness=0.25),
             part("hose", [hose, nozzle], "rubber", BLACK, role="detail"),
             part("label", label, "paper", pick(rng, (WHITE, (0.95, 0.85, 0.2))), role="detail")]
    return make_asset(parts, description="a red fire extinguisher with a valve, a lever and a black hose")


@category("bell", size=((0.12, 0.7), (0.1, 0.6)), group="outdoor", placement="surface",
          synonyms=("church bell", "ship's bell", "school bell", "brass bell", "bronze bell", "hand bell", "handbell"))
def bell(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.12, 0.3)  # the lip's radius
    t = r * 0.08
    outer = [(r, 0.0), (r * 0.95, r * 0.15), (r * 0.7, r * 0.45), (r * 0.62, r * 0.9), (r * 0.6, r * 1.2), (r * 0.5, r * 1.35),
             (r * 0.2, r * 1.42), (0.0, r * 1.43)]
    inner = [(0.0, r * 1.43 - t), (r * 0.45, r * 1.3), (r * 0.6 - t, r * 1.15), (r * 0.62 - t, r * 0.9), (r * 0.7 - t, r * 0.45),
             (r * 0.95 - t, r * 0.12), (r - t, 0.0)]
    body = lathe(outer + inner, 32)
    lip = torus(r * 0.98, t * 0.9, (0, 0, t * 0.5), 32, 8)
    crown = torus(r * 0.22, r * 0.06, (0, 0, 0), 16, 8)
    rotate(crown, np.pi / 2, (1, 0, 0))
    crown.apply_translation((0, 0, r * 1.43 + r * 0.2))
    clapper = [rod((0, 0, r * 1.3), (0, 0, r * 0.25), r * 0.04, 8), ellipsoid((r * 0.12,) * 3, (0, 0, r * 0.2), 2)]
    colour = jitter(rng, pick(rng, (BRONZE, (0.8, 0.65, 0.3), (0.55, 0.4, 0.2))), 0.03)
    parts = [part("bell", [body, lip], "metal", colour, roughness=0.25),
             part("crown", [crown, *clapper], "metal", tuple(c * 0.7 for c in colour), role="detail", roughness=0.3)]
    return make_asset(parts, description="a bronze bell, mouth down, with a loop crown and a clapper")


@category("weathervane", size=((0.6, 1.8), (0.5, 1.4)), group="outdoor", placement="floor",
          synonyms=("weather vane", "wind vane", "vane", "weathercock", "weather cock"))
def weathervane(rng: np.random.Generator) -> Asset:
    h = vary(rng, 1.1, 0.15)
    arm = vary(rng, 0.3, 0.15)
    post = rod((0, 0, 0), (0, 0, h), 0.012, 10)
    mount = cylinder(0.09, 0.04, (0, 0, 0), 16)
    globe = ellipsoid((0.04, 0.04, 0.04), (0, 0, h * 0.72), 2)
    letters, compass = [], []
    za = h * 0.62
    for k, (dx, dy) in enumerate(((1, 0), (-1, 0), (0, 1), (0, -1))):
        compass.append(rod((0, 0, za), (dx * arm, dy * arm, za), 0.007, 6))
        c = np.array([dx * (arm + 0.04), dy * (arm + 0.04), za])
        letters.append(box((0.05 if dy else 0.008, 0.008 if dy else 0.05, 0.07), c))
    # the arrow on top: a shaft along X with a head at -X and a tail fin, a rooster in the middle
    zt = h
    arrow_l = vary(rng, 0.75, 0.15)
    shaft = rod((-arrow_l / 2, 0, zt), (arrow_l / 2 - 0.1, 0, zt), 0.008, 6)
    head = hull([(x, y, zt + dz) for y in (-0.004, 0.004) for x, dz in ((-arrow_l / 2 - 0.08, 0.0), (-arrow_l / 2, 0.05),
                                                                         (-arrow_l / 2, -0.05))])
    fin = hull([(x, y, zt + dz) for y in (-0.004, 0.004) for x, dz in ((arrow_l / 2 - 0.2, 0.0), (arrow_l / 2, 0.12),
                                                                        (arrow_l / 2, -0.1), (arrow_l / 2 - 0.12, 0.0))])
    rooster = [ellipsoid((0.12, 0.006, 0.07), (0.02, 0, zt + 0.1), 2), ellipsoid((0.04, 0.006, 0.04), (-0.09, 0, zt + 0.17), 2),
               hull([(x, y, zt + z) for y in (-0.004, 0.004) for x, z in ((0.08, 0.1), (0.17, 0.24), (0.2, 0.12))]),
               rod((0.0, 0, zt), (0.0, 0, zt + 0.05), 0.006, 6)]
    colour = jitter(rng, pick(rng, (BLACK, BLACK, (0.3, 0.5, 0.42), BRONZE)), 0.02)
    parts = [part("weathervane", [shaft, head, fin, *rooster, post, *compass], "metal", colour, roughness=0.4),
             part("letters", [mount, globe, *letters], "metal", BRONZE if colour != BRONZE else BLACK, role="detail")]
    return make_asset(parts, description="a weathervane: an arrow with a rooster above compass arms N S E W on a post")
