"""What an asset is, whatever its source: parts with materials, support surfaces, a front.

Canonical frame (DESIGN.md): metres, +Z up, base on z = 0, centred in x/y, front facing -Y.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

import numpy as np
import trimesh

Placement = Literal["floor", "surface", "wall"]


@dataclass(frozen=True)
class Surface:
    """A place where other objects can stand, in the asset's local frame.

    `kind="top"` is an open top (tabletop, seat, bed top, shelf board); `kind="interior"` is the
    inside of a container (bowl, basket): objects there are "in" it. `clearance` is the free height
    above the surface (the gap to the next shelf board); None means unbounded.
    """

    name: str
    z: float
    min: tuple[float, float]
    max: tuple[float, float]
    kind: Literal["top", "interior"] = "top"
    clearance: float | None = None

    @property
    def size(self) -> tuple[float, float]:
        return (self.max[0] - self.min[0], self.max[1] - self.min[1])


@dataclass
class Part:
    """One mesh of an asset with its own material.

    `material` is a material word (wood, metal, fabric, leather, ceramic, glass, plastic, rubber,
    stone, paper, fur, food, foliage, emissive) that the renderer turns into a node material;
    `color` is sRGB in 0..1. `role="body"` parts take the colour and material the user asked for;
    `role="detail"` parts (legs, handles, screens, eyes) keep their own.
    """

    name: str
    mesh: trimesh.Trimesh
    material: str
    color: tuple[float, float, float]
    role: Literal["body", "detail"] = "body"
    roughness: float | None = None


@dataclass
class Asset:
    category: str
    uid: str
    parts: list[Part]
    source: str = "procedural"
    license: str = "CC0-1.0"
    surfaces: list[Surface] = field(default_factory=list)
    placement: Placement = "floor"
    against_wall: bool = False
    description: str = ""

    def turned(self, yaw_degrees: float) -> "Asset":
        """A copy turned about +Z (its front moved), still centred with its base on z = 0."""
        import copy

        turned = copy.deepcopy(self)
        turned.__dict__.pop("mesh", None)
        turned.__dict__.pop("bounds", None)
        turned.__dict__.pop("footprint", None)
        rotation = trimesh.transformations.rotation_matrix(np.radians(yaw_degrees), [0, 0, 1])
        for part in turned.parts:
            part.mesh.apply_transform(rotation)
        lo, hi = turned.bounds
        shift = [-(lo[0] + hi[0]) / 2, -(lo[1] + hi[1]) / 2, -lo[2]]
        for part in turned.parts:
            part.mesh.apply_translation(shift)
        turned.__dict__.pop("mesh", None)
        turned.__dict__.pop("bounds", None)
        if turned.surfaces:
            raise ValueError("turning an asset with support surfaces is not supported")
        return turned

    @cached_property
    def mesh(self) -> trimesh.Trimesh:
        """All parts as one mesh (for collision tests and exports)."""
        return trimesh.util.concatenate([p.mesh for p in self.parts])

    @cached_property
    def bounds(self) -> np.ndarray:
        """(2, 3) local axis-aligned box: [min, max]."""
        return np.asarray(self.mesh.bounds, dtype=float)

    @property
    def dims(self) -> np.ndarray:
        """Width (x), depth (y), height (z) in metres."""
        return self.bounds[1] - self.bounds[0]

    @cached_property
    def footprint(self) -> np.ndarray:
        """Convex hull of the asset seen from above, (N, 2) counter-clockwise, local frame."""
        from scipy.spatial import ConvexHull

        xy = np.asarray(self.mesh.vertices)[:, :2]
        hull = ConvexHull(xy)
        return xy[hull.vertices]
