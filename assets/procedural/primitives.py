"""Geometric primitives at toy-block scale (about 0.3-0.5 m) and a sports ball, for CLEVR-like scenes."""
from __future__ import annotations

import numpy as np
import trimesh

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.palette import PLASTICS
from fyi.assets.procedural.shapes import (box, cone as cone_mesh, cylinder as cylinder_mesh, ellipsoid, jitter, make_asset,
                                          part, pick, top_surface, torus as torus_mesh, vary)

# CLEVR-style primitives are matte or shiny plastic in a handful of strong colours
_COLORS = PLASTICS + ((0.5, 0.5, 0.5), (0.45, 0.15, 0.7), (0.1, 0.7, 0.75))


def _size(rng: np.random.Generator) -> float:
    return float(rng.uniform(0.3, 0.5))


def _solid(name: str, mesh: trimesh.Trimesh, rng: np.random.Generator, description: str, surfaces=()) -> Asset:
    return make_asset([part(name, mesh, "plastic", jitter(rng, pick(rng, _COLORS), 0.03))], surfaces, description)


@category("cube", size=((0.3, 0.5), (0.3, 0.5)), group="primitives", placement="floor", synonyms=("block", "toy block", "square block"))
def cube(rng: np.random.Generator) -> Asset:
    s = _size(rng)
    return _solid("cube", box((s, s, s), (0, 0, s / 2)), rng, "a cube",
                  [top_surface("top", s, (-s / 2, s / 2), (-s / 2, s / 2), inset=0.01)])


@category("sphere", size=((0.3, 0.5), (0.3, 0.5)), group="primitives", placement="floor", synonyms=("orb",))
def sphere(rng: np.random.Generator) -> Asset:
    r = _size(rng) / 2
    return _solid("sphere", ellipsoid((r, r, r), (0, 0, r), 3), rng, "a sphere")


@category("cylinder", size=((0.2, 0.65), (0.3, 0.5)), group="primitives", placement="floor", synonyms=("pillar", "column"))
def cylinder(rng: np.random.Generator) -> Asset:
    d = _size(rng)
    h = d * vary(rng, 1.0, 0.25)
    return _solid("cylinder", cylinder_mesh(d / 2, h, (0, 0, 0), 48), rng, "a cylinder",
                  [top_surface("top", h, (-d * 0.33, d * 0.33), (-d * 0.33, d * 0.33), inset=0.0)])


@category("cone", size=((0.25, 0.7), (0.3, 0.5)), group="primitives", placement="floor", synonyms=("traffic cone",))
def cone(rng: np.random.Generator) -> Asset:
    d = _size(rng)
    return _solid("cone", cone_mesh(d / 2, d * vary(rng, 1.1, 0.2), (0, 0, 0), 48), rng, "a cone")


@category("torus", size=((0.05, 0.2), (0.3, 0.6)), group="primitives", placement="floor", synonyms=("ring",))
def torus(rng: np.random.Generator) -> Asset:
    d = _size(rng)
    minor = d * vary(rng, 0.14, 0.2)
    return _solid("torus", torus_mesh(d / 2 - minor, minor, (0, 0, minor), 48, 16), rng, "a torus lying flat")


@category("pyramid", size=((0.2, 0.6), (0.3, 0.6)), group="primitives", placement="floor", synonyms=("square pyramid", "tetrahedron"))
def pyramid(rng: np.random.Generator) -> Asset:
    s = _size(rng)
    h = s * vary(rng, 0.85, 0.15)
    pts = np.array([[-s / 2, -s / 2, 0], [s / 2, -s / 2, 0], [s / 2, s / 2, 0], [-s / 2, s / 2, 0], [0, 0, h]])
    return _solid("pyramid", trimesh.convex.convex_hull(pts), rng, "a square pyramid")


@category("ball", size=((0.19, 0.25), (0.19, 0.25)), group="primitives", placement="floor",
          synonyms=("sports ball", "soccer ball", "football", "basketball", "beach ball", "playground ball"))
def ball(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.11, 0.08)
    body = ellipsoid((r, r, r), (0, 0, r), 3)
    seams = [torus_mesh(r * 1.001, 0.0025, (0, 0, 0), 48, 6) for _ in range(3)]
    for i, seam in enumerate(seams):  # three great circles, like a basketball's lines
        axis = ((1, 0, 0), (0, 1, 0), (0, 0, 1))[i]
        if i < 2:
            seam.apply_transform(trimesh.transformations.rotation_matrix(np.pi / 2, axis))
        seam.apply_translation((0, 0, r))
    color = jitter(rng, pick(rng, ((0.9, 0.45, 0.1), (0.85, 0.1, 0.1), (0.1, 0.35, 0.85), (0.95, 0.95, 0.92))), 0.03)
    return make_asset([part("ball", body, "rubber", color), part("seams", seams, "rubber", (0.05, 0.05, 0.05), role="detail")],
                      description="a sports ball")
