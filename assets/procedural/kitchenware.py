"""Cutlery and scissors lying flat on a surface, length along X (handle at -X)."""
from __future__ import annotations

import numpy as np
import trimesh

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.palette import BLACK, METAL, PLASTICS, WOODS
from fyi.assets.procedural.shapes import (ellipsoid, hull, jitter, make_asset, part, pick, rotate, torus, tube, vary)

STEEL = (0.78, 0.78, 0.8)


def _handle(length: float, width: float, thick: float, x0: float) -> trimesh.Trimesh:
    """A flat, slightly tapered handle from x0 to x0 + length, a little raised at its end."""
    return hull([(x0 + dx, y, z) for dx, hw in ((0.0, width * 0.35), (length * 0.8, width / 2), (length, width * 0.45))
                 for y in (-hw, hw) for z in (0.0, thick)])


@category("fork", size=((0.002, 0.03), (0.15, 0.22)), group="kitchen", placement="surface", synonyms=("table fork", "dinner fork", "forks"))
def fork(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.19, 0.06)
    t = 0.0025
    handle = _handle(length * 0.55, 0.02, t, -length / 2)
    neck_x = -length / 2 + length * 0.55
    neck = hull([(x, y, z) for x, hw in ((neck_x, 0.005), (neck_x + length * 0.15, 0.012)) for y in (-hw, hw)
                 for z in (0.0, t)])
    tines = [hull([(x, y + dy, z) for x in (neck_x + length * 0.14, -length / 2 + length) for dy in (-0.0012, 0.0012)
                   for z in (0.002, 0.002 + t)]) for y in np.linspace(-0.009, 0.009, 4)]
    parts = [part("fork", [handle, neck, *tines], "metal", jitter(rng, STEEL, 0.02), roughness=0.2)]
    return make_asset(parts, description="a steel fork with four tines")


@category("knife", size=((0.002, 0.03), (0.15, 0.35)), group="kitchen", placement="surface", synonyms=("table knife", "kitchen knife", "chef's knife",
                                                                  "butter knife", "knives"))
def knife(rng: np.random.Generator) -> Asset:
    kitchen = rng.random() < 0.5
    length = vary(rng, 0.3 if kitchen else 0.22, 0.06)
    blade_l = length * 0.55
    blade_w = 0.04 if kitchen else 0.018
    x0 = -length / 2 + (length - blade_l)
    blade = hull([(x, y, z) for x, y in ((x0, -blade_w * 0.1), (x0, blade_w * 0.9), (x0 + blade_l * 0.7, blade_w * 0.8),
                                         (length / 2, 0.0), (x0 + blade_l * 0.8, -blade_w * 0.1))
                  for z in (0.002, 0.0035)])
    handle = _handle(length - blade_l, 0.02 if kitchen else 0.016, 0.014 if kitchen else 0.005, -length / 2)
    handle.apply_translation((0, blade_w * 0.4, 0))
    if kitchen:
        colour, material = jitter(rng, pick(rng, (BLACK, WOODS[1], WOODS[0])), 0.02), pick(rng, ("plastic", "wood"))
    else:
        colour, material = STEEL, "metal"
    parts = [part("knife", handle, material, colour), part("blade", blade, "metal", STEEL, role="detail", roughness=0.15)]
    return make_asset(parts, description="a kitchen knife" if kitchen else "a table knife")


@category("spoon", size=((0.01, 0.03), (0.12, 0.22)), group="kitchen", placement="surface", synonyms=("teaspoon", "tablespoon", "soup spoon", "spoons"))
def spoon(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.18, 0.1)
    t = 0.0025
    handle = _handle(length * 0.62, 0.016, t, -length / 2)
    rotate(handle, -0.08, (0, 1, 0), (-length / 2 + length * 0.62, 0, 0))
    bowl_c = np.array([length / 2 - length * 0.17, 0.0, 0.009])
    outer = ellipsoid((length * 0.17, length * 0.11, 0.009), bowl_c, 3)
    v = outer.vertices  # keep the lower half: a shallow bowl
    v[:, 2] = np.minimum(v[:, 2], bowl_c[2])
    outer.vertices = v
    parts = [part("spoon", [handle, outer], "metal", jitter(rng, STEEL, 0.02), roughness=0.2)]
    return make_asset(parts, description="a steel spoon")


@category("scissors", size=((0.005, 0.02), (0.12, 0.25)), group="indoor", placement="surface", synonyms=("pair of scissors", "shears", "scissor"))
def scissors(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.2, 0.1)
    open_angle = np.radians(vary(rng, 14, 0.4))
    blades, loops = [], []
    pivot = np.array([0.0, 0.0, 0.0])
    for s in (-1, 1):
        blade = hull([(x, y, z) for x, y in ((-0.012, -0.006), (-0.012, 0.006), (length * 0.55, 0.0015),
                                             (length * 0.55, -0.0015)) for z in (0.004 + 0.003 * (s > 0), 0.0065 + 0.003 * (s > 0))])
        loop = torus(0.019, 0.0045, (-length * 0.3, s * 0.024, 0.0045), 20, 6)
        loop.apply_scale((1.3, 1.0, 1.0))
        loop.apply_translation((length * 0.09, 0, 0))
        arm = tube([(-0.01, 0, 0.0045), (-length * 0.3 + 0.025, s * 0.016, 0.0045)], 0.0045, 6)
        for mesh in (blade, loop, arm):
            rotate(mesh, s * open_angle / 2, (0, 0, 1), pivot)
        blades.append(blade)
        loops += [loop, arm]
    colour = jitter(rng, pick(rng, PLASTICS), 0.03)
    parts = [part("handles", loops, "plastic", colour), part("blades", blades, "metal", METAL, role="detail", roughness=0.15)]
    return make_asset(parts, description="a pair of scissors with plastic finger loops")
