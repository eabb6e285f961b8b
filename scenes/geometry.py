"""Poses and the shapes the solver and the critic reason with.

A `Body` is an object's tight vertical prism: the convex hull of its posed vertices seen from above,
extruded over its height. Two bodies interpenetrate when their height ranges overlap and their
footprints intersect: a test on real outlines, not on centre distances.
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np
from shapely.geometry import MultiPoint, Polygon

from fyi.assets.model import Asset
from fyi.errors import FyiError
from fyi.scenes.spec import ObjectSpec, Quat

TOUCH = 0.004  # metres: contact closer than this is touching, not interpenetrating
FLAT = 0.03  # metres: a floor covering (a rug, a mat) is lower than this...
COVERING_AREA = 0.2  # ...and spreads over at least this many square metres


def floor_covering(asset: Asset) -> bool:
    """Rugs and mats lie under what stands on them; a fork or a plate, as flat, does not."""
    return float(asset.dims[2]) < FLAT and float(asset.dims[0] * asset.dims[1]) >= COVERING_AREA


def yaw_quaternion(yaw: float) -> Quat:
    """Rotation about +Z by `yaw` radians as (w, x, y, z)."""
    return (math.cos(yaw / 2), 0.0, 0.0, math.sin(yaw / 2))


def quaternion_yaw(q: Quat) -> float | None:
    """The yaw of a rotation about +Z only, or None for any other rotation."""
    w, x, y, z = q
    if abs(x) > 1e-6 or abs(y) > 1e-6:
        return None
    return 2 * math.atan2(z, w)


def rotation_matrix(q: Quat) -> np.ndarray:
    w, x, y, z = q
    return np.array([
        [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
        [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
        [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)],
    ])


def pose_matrix(position, rotation: Quat, scale=(1.0, 1.0, 1.0)) -> np.ndarray:
    """4x4 world matrix T(position) R(rotation) S(scale)."""
    m = np.eye(4)
    m[:3, :3] = rotation_matrix(rotation) @ np.diag(scale)
    m[:3, 3] = position
    return m


def object_transform(obj: ObjectSpec) -> np.ndarray:
    if obj.position is None:
        raise FyiError(f"object {obj.id!r} has no position: resolve the spec (layout) first")
    return pose_matrix(obj.position, obj.rotation, obj.scale)


def posed_vertices(asset: Asset, matrix: np.ndarray) -> np.ndarray:
    v = np.asarray(asset.mesh.vertices, dtype=float)
    return v @ matrix[:3, :3].T + matrix[:3, 3]


def world_bbox(obj: ObjectSpec, asset: Asset) -> tuple[np.ndarray, np.ndarray]:
    """Exact world axis-aligned box of the posed mesh."""
    v = posed_vertices(asset, object_transform(obj))
    return v.min(axis=0), v.max(axis=0)


def forward(rotation: Quat) -> np.ndarray:
    """The object's front direction: canonical -Y turned by its rotation."""
    return rotation_matrix(rotation) @ np.array([0.0, -1.0, 0.0])


@dataclass(frozen=True)
class Body:
    outline: Polygon  # convex footprint, world xy
    z0: float
    z1: float

    @property
    def lo(self) -> np.ndarray:
        x0, y0, _, _ = self.outline.bounds
        return np.array([x0, y0, self.z0])

    @property
    def hi(self) -> np.ndarray:
        _, _, x1, y1 = self.outline.bounds
        return np.array([x1, y1, self.z1])

    @property
    def center(self) -> np.ndarray:
        return (self.lo + self.hi) / 2


def body(asset: Asset, position, rotation: Quat = (1, 0, 0, 0), scale=(1.0, 1.0, 1.0)) -> Body:
    """The posed body of an asset. Yaw-only poses reuse the asset's footprint hull (fast path)."""
    m = pose_matrix(position, rotation, scale)
    if quaternion_yaw(rotation) is not None:
        z0, z1 = asset.bounds[0][2] * scale[2] + position[2], asset.bounds[1][2] * scale[2] + position[2]
        pts = np.c_[asset.footprint, np.zeros(len(asset.footprint))] @ m[:3, :3].T + m[:3, 3]
        return Body(Polygon(pts[:, :2]), float(z0), float(z1))
    v = posed_vertices(asset, m)
    return Body(MultiPoint(v[:, :2]).convex_hull, float(v[:, 2].min()), float(v[:, 2].max()))


def interpenetrate(a: Body, b: Body, touch: float = TOUCH) -> bool:
    """Whether two bodies share volume beyond touching contact."""
    if min(a.z1, b.z1) - max(a.z0, b.z0) <= touch:
        return False
    if not a.outline.intersects(b.outline):
        return False
    return a.outline.intersection(b.outline).area > touch * touch * 4


def part_between(asset: Asset, position, rotation: Quat, scale, z0: float, z1: float) -> Body | None:
    """The body of what of a posed asset lies between heights z0 and z1 (its convex hull cut there);
    None when none of it does. A tilted thing's prism over its whole height is far larger than it is
    (a pencil leaning in a glass); cut in slabs it is nearly its own shape."""
    import trimesh

    hull = asset.mesh.convex_hull
    m = pose_matrix(position, rotation, scale)
    cut = hull.copy()
    cut.vertices = np.asarray(hull.vertices, float) @ m[:3, :3].T + m[:3, 3]
    lo, hi = cut.bounds[:, 2]
    if lo >= z1 or hi <= z0:
        return None
    if hi > z1:
        cut = trimesh.intersections.slice_mesh_plane(cut, (0.0, 0.0, -1.0), (0.0, 0.0, z1))
    if lo < z0:
        cut = trimesh.intersections.slice_mesh_plane(cut, (0.0, 0.0, 1.0), (0.0, 0.0, z0))
    pts = np.asarray(cut.vertices)
    if len(pts) < 3:
        return None
    return Body(MultiPoint(pts[:, :2]).convex_hull, float(pts[:, 2].min()), float(pts[:, 2].max()))


def tilted_interpenetrate(a: Asset, a_pose, b: Asset, b_pose, touch: float = TOUCH, slabs: int = 10) -> bool:
    """Whether two posed assets (poses: position, rotation, scale), one at least tilted, share volume:
    their bodies compared slab by slab over the height they share (two pencils leaning in one glass)."""
    ba, bb = body(a, *a_pose), body(b, *b_pose)
    z0, z1 = max(ba.z0, bb.z0), min(ba.z1, bb.z1)
    if z1 - z0 <= touch or not ba.outline.intersects(bb.outline):
        return False
    for lo, hi in itertools.pairwise(np.linspace(z0, z1, slabs + 1)):
        pa, pb = part_between(a, *a_pose, lo, hi), part_between(b, *b_pose, lo, hi)
        if pa is not None and pb is not None and pa.outline.intersects(pb.outline) \
                and pa.outline.intersection(pb.outline).area > touch * touch * 4:
            return True
    return False


def gap(a: Body, b: Body) -> float:
    """Horizontal distance between two footprints (0 when they touch or overlap)."""
    return float(a.outline.distance(b.outline))
