"""Fruit and bread at real sizes (an apple ~8 cm, a banana ~19 cm long)."""
from __future__ import annotations

import numpy as np

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.shapes import (arc_points, ellipsoid, jitter, lathe, make_asset, part, pick, rod, rotate,
                                          superellipsoid, tube, vary)

STEM = (0.35, 0.24, 0.12)
LEAF = (0.25, 0.55, 0.18)


def _fruit_profile(radius: float, height: float, dimple_top: float, dimple_bottom: float, waist: float = 0.0,
                   steps: int = 16) -> list[tuple[float, float]]:
    """A round fruit's outline from the bottom pole to the top pole, with dimples where stems grow.

    `waist` > 0 narrows the upper half (a pear's neck).
    """
    pts = []
    for phi in np.linspace(0.0, np.pi, steps):
        r = radius * np.sin(phi)
        if waist:
            r *= 1.0 - waist * np.clip((phi - np.pi * 0.45) / (np.pi * 0.55), 0, 1) ** 0.8
        z = height / 2 * (1 - np.cos(phi))
        # dimples pull the poles inward along the axis, fading out toward the equator
        z += dimple_bottom * np.exp(-(phi / 0.45) ** 2) - dimple_top * np.exp(-((np.pi - phi) / 0.45) ** 2)
        pts.append((float(r), float(z)))
    return pts


@category("apple", size=((0.055, 0.09), (0.065, 0.095)), group="food", placement="surface")
def apple(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.04, 0.1)
    h = r * vary(rng, 1.75, 0.06)
    body = lathe(_fruit_profile(r, h, 0.012, 0.006), 24)
    top = h - 0.012
    color = jitter(rng, pick(rng, ((0.72, 0.06, 0.05), (0.72, 0.06, 0.05), (0.55, 0.75, 0.2), (0.85, 0.6, 0.1))), 0.05)
    stem = rod((0, 0, top - 0.004), (0.002, 0.001, top + 0.018), 0.0018, 6)
    parts = [part("apple", body, "food", color, roughness=0.35), part("stem", stem, "wood", STEM, role="detail")]
    if rng.random() < 0.5:
        leaf = ellipsoid((0.012, 0.005, 0.0012), (0.012, 0, top + 0.012), 1)
        rotate(leaf, 0.4, (0, 1, 0), (0.002, 0, top + 0.012))
        parts.append(part("leaf", leaf, "foliage", LEAF, role="detail"))
    return make_asset(parts, description="an apple with a stem")


@category("orange", size=((0.06, 0.085), (0.065, 0.09)), group="food", placement="surface", synonyms=("tangerine", "mandarin", "clementine"))
def orange(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.037, 0.1)
    body = ellipsoid((r, r, r * 0.95), (0, 0, r * 0.95), 3)
    # a faint dimpled peel: radial noise seeded from the rng
    n = rng.normal(0.0, 0.00025, len(body.vertices))
    centre = np.array([0.0, 0.0, r * 0.95])
    offsets = body.vertices - centre
    body.vertices = centre + offsets * (1 + n[:, None] / r)
    nub = ellipsoid((0.005, 0.005, 0.002), (0, 0, 2 * r * 0.95), 1)
    return make_asset([part("orange", body, "food", jitter(rng, (0.96, 0.5, 0.05), 0.03), roughness=0.5),
                       part("stem_nub", nub, "foliage", (0.3, 0.4, 0.15), role="detail")],
                      description="an orange")


@category("banana", size=((0.02, 0.05), (0.16, 0.22)), group="food", placement="surface")
def banana(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.19, 0.1)
    bend = vary(rng, 0.9, 0.15)  # radians of arc
    radius = length / bend
    # an arc lying on its side in the xy plane, bowed toward -Y, lifted to rest on its belly
    path = arc_points(radius, -np.pi / 2 - bend / 2, -np.pi / 2 + bend / 2, count=16, plane="xy")
    path[:, 1] -= path[:, 1].min()
    thick = 0.018 * np.sin(np.linspace(0.15, np.pi - 0.15, len(path))) ** 0.5
    path[:, 2] = 0.018
    # the ends curl up a little, as a banana rests on its middle
    path[:, 2] += 0.25 * (path[:, 0] / (length / 2)) ** 2 * 0.04
    flesh = tube(path[1:-1], thick[1:-1], 10)
    tip0 = tube(path[:2], [0.004, thick[1]], 8)
    tip1 = tube(path[-2:], [thick[-2], 0.0045], 8)
    return make_asset([part("banana", flesh, "food", jitter(rng, (0.95, 0.8, 0.15), 0.04), roughness=0.45),
                       part("tips", [tip0, tip1], "food", (0.3, 0.22, 0.1), role="detail")],
                      description="a ripe banana")


@category("pear", size=((0.08, 0.14), (0.06, 0.08)), group="food", placement="surface")
def pear(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.035, 0.1)
    h = r * vary(rng, 2.8, 0.08)
    body = lathe(_fruit_profile(r, h, 0.006, 0.004, waist=0.55, steps=20), 24)
    stem = rod((0, 0, h - 0.01), (0.003, 0, h + 0.018), 0.002, 6)
    return make_asset([part("pear", body, "food", jitter(rng, pick(rng, ((0.7, 0.75, 0.2), (0.85, 0.7, 0.2))), 0.04),
                            roughness=0.45),
                       part("stem", stem, "wood", STEM, role="detail")], description="a pear")


@category("lemon", size=((0.05, 0.08), (0.06, 0.12)), group="food", placement="surface", synonyms=("lime",))
def lemon(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.03, 0.1)
    body = ellipsoid((r * 1.35, r, r), (0, 0, r), 3)
    v = body.vertices
    # pointed ends along x
    v[:, 0] *= 1 + 0.25 * np.exp(-((v[:, 1] ** 2 + (v[:, 2] - r) ** 2) / (0.35 * r) ** 2))
    body.vertices = v
    return make_asset([part("lemon", body, "food", jitter(rng, (0.95, 0.85, 0.15), 0.03), roughness=0.5)],
                      description="a lemon lying on its side")


@category("bread", size=((0.04, 0.15), (0.15, 0.6)), group="food", placement="surface", synonyms=("loaf", "loaf of bread", "baguette"))
def bread(rng: np.random.Generator) -> Asset:
    long_loaf = rng.random() < 0.4
    length = vary(rng, 0.45 if long_loaf else 0.26, 0.1)
    w = vary(rng, 0.07 if long_loaf else 0.12, 0.1)
    h = w * vary(rng, 0.75, 0.1)
    loaf = superellipsoid((length / 2, w / 2, h / 2), (0, 0, h / 2), 0.6, 3)
    v = loaf.vertices
    v[:, 2] = np.where(v[:, 2] < h * 0.2, h * 0.2 - (h * 0.2 - v[:, 2]) * 0.35, v[:, 2])  # a flatter underside
    loaf.vertices = v
    cuts = []
    for i in range(int(rng.integers(3, 6))):
        x = -length * 0.3 + i * length * 0.6 / 4
        cut = ellipsoid((0.008, w * 0.32, 0.004), (x, 0, h * 0.98), 1)
        rotate(cut, 0.5, (0, 0, 1), (x, 0, h * 0.98))
        cuts.append(cut)
    return make_asset([part("bread", loaf, "food", jitter(rng, (0.78, 0.5, 0.22), 0.04), roughness=0.7),
                       part("scores", cuts, "food", (0.93, 0.82, 0.6), role="detail")],
                      description="a baguette" if long_loaf else "a loaf of bread")
