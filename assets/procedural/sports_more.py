"""More sports gear at real size: baseball, tennis ball, baseball base and home plate, ski boot and ski pole.

Balls carry their seam (the curve that tells a baseball from a tennis ball at a glance); the ski boot's
toe and buckles face -Y; the ski pole lies along X like the other long things.
"""
from __future__ import annotations

import numpy as np
import trimesh

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.palette import BLACK, METAL, WHITE
from fyi.assets.procedural.shapes import (box, cone, ellipsoid, hull, jitter, make_asset, part, pick, rod, rotate,
                                          superellipsoid, top_surface, torus, tube, vary)

STITCH_RED = (0.75, 0.08, 0.08)
FELT = (0.8, 0.9, 0.2)


def seam_curve(radius: float, count: int = 96, lift: float = 0.0) -> np.ndarray:
    """The closed curve that splits a ball's cover into two dog-bone pieces (baseball, tennis ball)."""
    t = np.linspace(0.0, 2 * np.pi, count, endpoint=False)
    a, b = 0.72, 0.28
    p = np.column_stack([a * np.cos(t) + b * np.cos(3 * t), a * np.sin(t) - b * np.sin(3 * t), 2 * np.sqrt(a * b) * np.sin(2 * t)])
    return p / np.linalg.norm(p, axis=1, keepdims=True) * (radius + lift)


def resting_ball(radius: float) -> trimesh.Trimesh:
    """A sphere sitting on z = 0."""
    return ellipsoid((radius,) * 3, (0, 0, radius), 3)


@category("baseball", size=((0.068, 0.078), (0.068, 0.078)), group="sports", placement="surface",
          synonyms=("hardball", "baseball ball", "baseballs"))
def baseball(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.0368, 0.02)
    seam = seam_curve(r, 96, 0.0006)
    stitches = []
    tangents = np.roll(seam, -1, axis=0) - np.roll(seam, 1, axis=0)
    for k in range(0, 96, 2):  # red V stitches across the seam
        p, t = seam[k], tangents[k] / np.linalg.norm(tangents[k])
        side = np.cross(p / np.linalg.norm(p), t)
        for s in (-1, 1):
            stitches.append(rod(p, p + side * s * 0.003 + t * 0.0015, 0.0007, 4))
    for m in stitches:
        m.apply_translation((0, 0, r))
    groove = tube(np.vstack([seam, seam[:1]]), 0.0006, 4).apply_translation((0, 0, r))
    parts = [part("baseball", resting_ball(r), "leather", jitter(rng, (0.95, 0.94, 0.9), 0.02), roughness=0.6),
             part("stitches", [groove, *stitches], "fabric", STITCH_RED, role="detail")]
    return make_asset(parts, description="a white leather baseball with red stitching")


@category("tennis_ball", size=((0.063, 0.072), (0.063, 0.072)), group="sports", placement="surface",
          synonyms=("tennis balls", "tennisball"))
def tennis_ball(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.0335, 0.015)
    seam = seam_curve(r, 96, 0.0003)
    line = tube(np.vstack([seam, seam[:1]]), 0.0012, 6).apply_translation((0, 0, r))
    colour = jitter(rng, pick(rng, (FELT, FELT, (0.85, 0.95, 0.25), (0.75, 0.88, 0.15))), 0.02)
    parts = [part("tennis_ball", resting_ball(r), "fabric", colour, roughness=0.9),
             part("seam", line, "rubber", WHITE, role="detail")]
    return make_asset(parts, description="a fuzzy yellow-green tennis ball with a white seam")


@category("baseball_base", size=((0.04, 0.14), (0.37, 0.47)), group="sports", placement="floor",
          synonyms=("baseball base", "first base", "second base", "third base", "base bag", "baseball bag"))
def baseball_base(rng: np.random.Generator) -> Asset:
    s, h = vary(rng, 0.381, 0.02), vary(rng, 0.08, 0.2)
    cushion = superellipsoid((s / 2, s / 2, h / 2), (0, 0, h / 2), 0.2, 3)
    seams = [box((s * 0.98, 0.008, 0.006), (0, y, h - 0.003)) for y in (-s * 0.35, s * 0.35)]
    seams += [box((0.008, s * 0.98, 0.006), (x, 0, h - 0.003)) for x in (-s * 0.35, s * 0.35)]
    strap = [box((s * 1.02, 0.04, h * 0.3), (0, 0, h * 0.15))]
    parts = [part("baseball_base", cushion, "fabric", jitter(rng, (0.95, 0.95, 0.93), 0.02), roughness=0.7),
             part("stitching", seams, "fabric", (0.8, 0.8, 0.78), role="detail"),
             part("strap", strap, "rubber", pick(rng, (BLACK, (0.2, 0.2, 0.22))), role="detail")]
    return make_asset(parts, [top_surface("top", h, (-s / 2, s / 2), (-s / 2, s / 2), inset=0.03)],
                      description="a square white canvas baseball base, a low cushion")


@category("home_plate", size=((0.01, 0.06), (0.42, 0.48)), group="sports", placement="floor",
          synonyms=("home plate", "home base", "baseball home plate"))
def home_plate(rng: np.random.Generator) -> Asset:
    w, h = 0.432, vary(rng, 0.025, 0.2)
    side = 0.216
    # the flat edge faces the pitcher (-Y), the point the catcher (+Y)
    outline = [(-w / 2, -w / 2 + 0.1), (w / 2, -w / 2 + 0.1), (w / 2, -w / 2 + 0.1 + side), (0.0, w / 2 + 0.1 - 0.0),
               (-w / 2, -w / 2 + 0.1 + side)]
    outline = [(x, y - 0.05) for x, y in outline]
    top = hull([(x, y, z) for x, y in outline for z in (0.0, h)])
    bevel = [hull([(x * k, y * k, z) for x, y in (p, q) for k in (0.995, 1.025) for z in (0.0, h * 0.9)])
             for p, q in zip(outline, outline[1:] + outline[:1])]  # a black rim around the white top
    parts = [part("home_plate", top, "rubber", jitter(rng, (0.96, 0.96, 0.94), 0.02), roughness=0.6),
             part("edge", bevel, "rubber", BLACK, role="detail", roughness=0.6)]
    return make_asset(parts, description="a white rubber home plate: a five-sided slab with a black bevelled edge")


@category("ski_boot", size=((0.25, 0.42), (0.27, 0.38)), group="sports", placement="floor",
          synonyms=("ski boot", "skiing boot", "ski boots"))
def ski_boot(rng: np.random.Generator) -> Asset:
    length, w = vary(rng, 0.32, 0.06), vary(rng, 0.11, 0.06)
    h = vary(rng, 0.33, 0.06)
    sole = superellipsoid((w / 2 + 0.005, length / 2, 0.02), (0, 0, 0.02), 0.3, 2)
    # the foot: toe toward -Y; the tall cuff at the heel, leaning forward
    foot = superellipsoid((w / 2, length * 0.46, 0.06), (0, -length * 0.02, 0.08), 0.45, 3)
    instep = hull([(x * w * 0.45, y, z) for x in (-1, 1) for y, z in ((-length * 0.3, 0.1), (-length * 0.05, 0.2),
                                                                       (length * 0.2, 0.12))])
    cuff = superellipsoid((w * 0.58, length * 0.26, (h - 0.1) / 2), (0, length * 0.15, 0.1 + (h - 0.1) / 2), 0.5, 3)
    liner = ellipsoid((w * 0.4, length * 0.16, 0.02), (0, length * 0.15, h - 0.005), 2)
    buckles = []
    for k, z in enumerate(np.linspace(0.12, h - 0.05, 4)):
        y = -length * (0.18 - 0.06 * k) if k < 2 else length * 0.15 - length * 0.26 - 0.005
        buckles.append(box((w * 0.8, 0.012, 0.012), (0, y, z)))
    toe_lug = box((w * 0.9, 0.03, 0.03), (0, -length / 2 + 0.005, 0.03))
    colour = jitter(rng, pick(rng, (BLACK, WHITE, (0.85, 0.1, 0.08), (0.1, 0.35, 0.8), (0.95, 0.75, 0.1))), 0.03)
    parts = [part("ski_boot", [foot, instep, cuff], "plastic", colour, roughness=0.25),
             part("buckles", buckles, "metal", METAL, role="detail", roughness=0.2),
             part("sole", [sole, toe_lug], "rubber", (0.12, 0.12, 0.12), role="detail"),
             part("liner", liner, "fabric", (0.15, 0.15, 0.16))]
    return make_asset(parts, description="a stiff plastic ski boot with four metal buckles over the instep and cuff")


def _ski_pole(length: float, basket_r: float, y: float) -> tuple[list, list, list]:
    """One ski pole lying along X at y, held up by its basket: grip at -X, tip at +X (shaft, grip, basket)."""
    z = basket_r
    x0, x1 = -length / 2, length / 2
    shaft = [rod((x0 + 0.12, y, z), (x1 - 0.06, y, z), 0.009, 10)]
    tip = cone(0.006, 0.05, (0, 0, 0), 8)
    tip.apply_transform(trimesh.transformations.rotation_matrix(np.pi / 2, (0, 1, 0)))
    basket = torus(basket_r * 0.8, basket_r * 0.2, (0, 0, 0), 20, 6)
    basket.apply_transform(trimesh.transformations.rotation_matrix(np.pi / 2, (0, 1, 0)))
    spokes = [rod((0, -basket_r * 0.8, 0), (0, basket_r * 0.8, 0), 0.003, 4), rod((0, 0, -basket_r * 0.8), (0, 0, basket_r * 0.8), 0.003, 4)]
    tip.apply_translation((x1 - 0.06, y, z))
    for m in [basket, *spokes]:
        m.apply_translation((x1 - 0.12, y, z))
    grip = [rod((x0, y, z), (x0 + 0.19, y, z), 0.02, 12), ellipsoid((0.024, 0.024, 0.024), (x0 + 0.005, y, z), 1)]
    strap = tube([(x0 + 0.02, y, z + 0.012), (x0 - 0.03, y + 0.06, z * 0.5), (x0 - 0.1, y + 0.09, 0.008),
                  (x0 - 0.07, y + 0.02, 0.008), (x0 + 0.05, y, z * 0.6)], 0.008, 6)
    return shaft, [*grip, strap], [basket, *spokes, tip]


@category("ski_pole", size=((0.05, 0.15), (1.0, 1.6)), group="sports", placement="floor",
          synonyms=("ski pole", "ski stick", "skiing pole", "trekking pole"))
def ski_pole(rng: np.random.Generator) -> Asset:
    # a pair, as they are carried and set down: one thin pole alone is a line no picture shows
    length = vary(rng, 1.25, 0.12)
    basket_r = vary(rng, 0.055, 0.1)  # touring and powder baskets, 10-12 cm across
    shafts, grips, baskets = [], [], []
    spread = vary(rng, 0.13, 0.2)  # crossed near the tips, grips apart
    for side in (-1, 1):
        shaft, grip, basket = _ski_pole(length, basket_r, side * basket_r * 1.1)
        for m in [*shaft, *grip, *basket]:
            rotate(m, side * spread, (0, 0, 1), (length * 0.3, 0, 0))
        shafts += shaft
        grips += grip
        baskets += basket
    colour = jitter(rng, pick(rng, (METAL, BLACK, (0.85, 0.1, 0.08), (0.1, 0.35, 0.8), (0.95, 0.75, 0.1))), 0.03)
    parts = [part("ski_pole", shafts, "metal", colour, roughness=0.25),
             part("grip", grips, "rubber", BLACK, role="detail"),
             # the baskets are a body part: seen from above they cover as much as the thin shafts
             part("basket", baskets, "plastic", pick(rng, (BLACK, (0.2, 0.2, 0.22), WHITE)))]
    return make_asset(parts, description="a pair of ski poles lying down: grips with wrist straps, thin shafts, baskets near the tips")
