"""Plants: a potted houseplant, a tree and a small vase of flowers."""
from __future__ import annotations

import numpy as np
import trimesh

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.palette import CERAMICS
from fyi.assets.procedural.shapes import (cone, cylinder, ellipsoid, jitter, lathe, make_asset, part, pick, rotate,
                                          translate, tube, vary)

GREENS = ((0.18, 0.45, 0.15), (0.25, 0.52, 0.2), (0.12, 0.36, 0.14), (0.32, 0.5, 0.18))
SOIL = (0.2, 0.13, 0.08)
BARK = (0.33, 0.23, 0.15)


def _pot(r_top: float, h: float) -> tuple:
    """A flower pot with a rolled rim, and the soil disc just below the rim."""
    r_bottom = r_top * 0.75
    body = lathe([(0.0, 0.0), (r_bottom, 0.0), (r_top, h - 0.02), (r_top + 0.008, h - 0.02), (r_top + 0.008, h),
                  (r_top - 0.006, h), (r_top - 0.01, h - 0.03), (0.0, h - 0.03)], 32)
    soil = cylinder(r_top - 0.008, 0.012, (0, 0, h - 0.035), 32)
    return body, soil


def _leaf(length: float, width: float, base: np.ndarray, yaw: float, pitch: float) -> trimesh.Trimesh:
    """A flattened ellipsoid leaf leaning out from `base` along `yaw`, raised `pitch` above horizontal."""
    leaf = ellipsoid((length / 2, width / 2, width * 0.08), (length / 2, 0, 0), 2)
    rotate(leaf, -pitch, (0, 1, 0))
    rotate(leaf, yaw, (0, 0, 1))
    leaf.apply_translation(base)
    return leaf


@category("potted_plant", size=((0.45, 1.1), (0.4, 1.1)), group="plants", placement="floor",
          synonyms=("plant", "houseplant", "house plant", "pot plant", "indoor plant", "plant pot", "fern"))
def potted_plant(rng: np.random.Generator) -> Asset:
    pot_r, pot_h = vary(rng, 0.16, 0.15), vary(rng, 0.3, 0.15)
    pot, soil = _pot(pot_r, pot_h)
    leaves, stems = [], []
    n = int(rng.integers(9, 16))
    top = np.array([0.0, 0.0, pot_h - 0.03])
    for i in range(n):
        yaw = 2 * np.pi * i / n + rng.uniform(-0.3, 0.3)
        pitch = rng.uniform(0.5, 1.3)
        stem_len = rng.uniform(0.15, 0.45)
        tip = top + stem_len * np.array([np.cos(yaw) * np.cos(pitch) * 0.6, np.sin(yaw) * np.cos(pitch) * 0.6,
                                         np.sin(pitch)])
        stems.append(tube([top, (top + tip) / 2 + (0, 0, 0.02), tip], 0.005, 6))
        leaves.append(_leaf(rng.uniform(0.18, 0.3), rng.uniform(0.07, 0.12), tip, yaw, rng.uniform(-0.2, 0.5)))
    green = jitter(rng, pick(rng, GREENS), 0.03)
    parts = [part("pot", pot, "ceramic", jitter(rng, pick(rng, CERAMICS))),
             part("soil", soil, "stone", SOIL, role="detail"),
             part("leaves", leaves + stems, "foliage", green, role="detail")]
    return make_asset(parts, description="a leafy houseplant in a pot")


@category("tree", size=((2.5, 5.5), (1.2, 4.0)), group="plants", placement="floor", synonyms=("oak tree", "pine tree", "fir tree", "palm tree"))
def tree(rng: np.random.Generator) -> Asset:
    h = vary(rng, 4.0, 0.2)
    trunk_r = h * vary(rng, 0.035, 0.15)
    green = jitter(rng, pick(rng, GREENS), 0.04)
    if rng.random() < 0.35:  # conifer: stacked cones on a short trunk
        trunk = cone(trunk_r, h * 0.9, (0, 0, 0), 16)
        canopy = []
        tiers = int(rng.integers(3, 5))
        for i in range(tiers):
            z = h * (0.18 + 0.2 * i)
            canopy.append(cone(h * 0.3 * (1 - i / (tiers + 1)), h * 0.38, (0, 0, z), 24))
        kind = "a conifer tree"
    else:  # broadleaf: a trunk that forks into a cluster of leafy blobs
        trunk = tube([(0, 0, 0), (0, 0, h * 0.3), (rng.uniform(-0.1, 0.1) * h, 0, h * 0.55)],
                     [trunk_r, trunk_r * 0.8, trunk_r * 0.5], 12)
        canopy = []
        crown_z, crown_r = h * 0.65, h * 0.28
        for _ in range(int(rng.integers(5, 9))):
            offset = rng.normal(0, 1, 3) * np.array([crown_r * 0.45, crown_r * 0.45, crown_r * 0.3])
            radius = crown_r * rng.uniform(0.45, 0.7)
            blob = ellipsoid((radius, radius, radius * 0.85), (offset[0], offset[1], crown_z + offset[2]), 2)
            canopy.append(blob)
        kind = "a broadleaf tree"
    parts = [part("foliage", canopy, "foliage", green), part("trunk", trunk, "wood", jitter(rng, BARK), role="detail")]
    return make_asset(parts, description=kind)


def _blooms(rng: np.random.Generator, base: np.ndarray, n: int, lean: tuple[float, float], length: tuple[float, float]):
    """n flower heads on stems from `base`, leaning out by `lean` radians: (petals, centres, stems) meshes."""
    petals, centres, stems = [], [], []
    for i in range(n):
        yaw = 2 * np.pi * i / n + rng.uniform(-0.4, 0.4)
        tip = rng.uniform(*lean)
        reach = rng.uniform(*length)
        head = base + reach * np.array([np.cos(yaw) * np.sin(tip), np.sin(yaw) * np.sin(tip), np.cos(tip)])
        stems.append(tube([base, (base + head) / 2, head], 0.002, 6))
        pr = rng.uniform(0.035, 0.05)
        # a head is built facing +Z at the origin, then tipped outward along the stem's lean
        tilt_axis = (-np.sin(yaw), np.cos(yaw), 0.0)
        tilt = tip + 0.5
        centre = ellipsoid((pr * 0.35, pr * 0.35, pr * 0.25), (0, 0, 0), 1)
        centres.append(translate(rotate(centre, tilt, tilt_axis), head))
        k = int(rng.integers(6, 9))
        for j in range(k):
            petal = ellipsoid((pr * 0.55, pr * 0.3, pr * 0.06), (pr * 0.5, 0, 0), 1)
            rotate(petal, -0.35, (0, 1, 0))  # cupped upward
            rotate(petal, 2 * np.pi * j / k, (0, 0, 1))
            petals.append(translate(rotate(petal, tilt, tilt_axis), head))
    return petals, centres, stems


def _bloom_colour(rng: np.random.Generator) -> tuple[float, float, float]:
    return jitter(rng, pick(rng, ((0.85, 0.1, 0.15), (0.95, 0.85, 0.15), (0.95, 0.55, 0.7), (0.6, 0.3, 0.8),
                                  (0.95, 0.95, 0.92))), 0.04)


@category("flower", size=((0.2, 0.45), (0.08, 0.35)), group="plants", placement="surface",
          synonyms=("flowers", "bouquet", "rose", "roses", "tulip", "tulips", "daisy", "bunch of flowers"))
def flower(rng: np.random.Generator) -> Asset:
    vase_r, vase_h = vary(rng, 0.032, 0.15), vary(rng, 0.09, 0.15)
    vase = lathe([(0.0, 0.0), (vase_r, 0.0), (vase_r * 1.05, vase_h * 0.6), (vase_r * 0.6, vase_h),
                  (vase_r * 0.6 - 0.004, vase_h), (vase_r - 0.004, 0.006), (0.0, 0.006)], 24)
    n = int(rng.integers(5, 8))
    petals, centres, stems = _blooms(rng, np.array([0.0, 0.0, vase_h * 0.7]), n, (0.1, 0.45), (0.18, 0.28))
    parts = [part("petals", petals, "foliage", _bloom_colour(rng)),
             part("stems", stems, "foliage", (0.2, 0.45, 0.15), role="detail"),
             part("centres", centres, "foliage", (0.9, 0.7, 0.1), role="detail"),
             part("vase", vase, "glass", (0.75, 0.88, 0.9), role="detail", roughness=0.03)]
    return make_asset(parts, description=f"{n} flowers in a small glass vase")


@category("cut_flowers", size=((0.3, 0.5), (0.08, 0.25)), group="plants", placement="surface",
          synonyms=("cut flower", "stems of flowers"))
def cut_flowers(rng: np.random.Generator) -> Asset:
    """A bunch without a vase, its stems gathered at the bottom: what stands in a vase someone names."""
    n = int(rng.integers(5, 8))
    gathered = vary(rng, 0.22, 0.15)  # the stems rise together through a vase's neck, then open out
    petals, centres, stems = _blooms(rng, np.array([0.0, 0.0, gathered]), n, (0.05, 0.35), (0.08, 0.14))
    stems.append(tube([(0.0, 0.0, 0.0), (0.0, 0.0, gathered)], 0.006, 8))
    parts = [part("petals", petals, "foliage", _bloom_colour(rng)),
             part("stems", stems, "foliage", (0.2, 0.45, 0.15), role="detail"),
             part("centres", centres, "foliage", (0.9, 0.7, 0.1), role="detail")]
    return make_asset(parts, description=f"{n} cut flowers, their stems gathered")
