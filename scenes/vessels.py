"""Long thin things standing in a vessel: a spoon in a mug, a pencil in a glass, a toothbrush in a cup.

Lying flat, a spoon longer than a mug is wide does not go in it; a person stands it on its end,
leaning against the rim. What may stand is decided by shape (the longest side at least `THIN` times
the others and lying horizontal), not by name. A standing thing's base rests on the vessel's inside
floor and it may stick out above the rim; below the rim it must stay inside the opening, which
`walls` turns into a body (the vessel's footprint with the opening as a hole, floor to rim) for the
solver's own collision test.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import trimesh
from shapely.geometry import MultiLineString, Point, Polygon
from shapely.ops import polygonize, unary_union

from fyi.assets.model import Asset, Surface
from fyi.scenes.geometry import Body, pose_matrix, rotation_matrix
from fyi.scenes.spec import Quat

THIN = 3.0  # the longest side at least this many times each of the others
LEAN = math.radians(18)
FOOT = 0.015  # metres above the inside floor where the walls are checked from
CONTACT = 0.0005  # metres: a standing thing may touch the rim it leans on, no more (the solver's TOUCH is 4 mm)  # how far a standing thing leans against the rim, as in a real cup


def long_and_thin(asset: Asset) -> bool:
    """Long, thin and lying down (a spoon, a pen, a toothbrush): what may stand on its end."""
    d = np.asarray(asset.dims, float)
    longest = int(np.argmax(d))
    return longest != 2 and all(d[longest] >= THIN * d[i] for i in range(3) if i != longest)


@dataclass(frozen=True)
class Opening:
    """The free column through a vessel, in its local frame: the narrowest cross-section of its inside
    (a vase's neck) from just above its inside floor up to its rim."""

    outline: Polygon
    floor: float
    rim: float


def opening(asset: Asset, surface: Surface, levels: int = 16) -> Opening | None:
    """The vessel's free column above `surface`, from sections of its walls at `levels` heights (the
    rim found to a millimetre); None when no wall rings the middle of the surface (a tray, a shelf).
    It starts `FOOT` above the surface: where the inside floor curves up into the wall (a vase's
    rounded bottom) the foot stays on the surface's rectangle instead."""
    mesh = trimesh.util.concatenate([p.mesh for p in asset.parts if p.role == "body"] or [asset.mesh])
    centre = Point((np.asarray(surface.min) + np.asarray(surface.max)) / 2)
    top = float(asset.bounds[1][2])
    free, rim, past = None, None, top
    for z in np.linspace(surface.z + FOOT, top - 0.001, levels):
        hole = _hole_at(mesh, float(z), centre)
        if hole is None:  # past the rim: nothing rings the middle any more (a basket's handle, a box's flaps)
            past = float(z)
            break
        free = hole if free is None else free.intersection(hole)
        rim = float(z)
    if free is None or free.is_empty or free.geom_type != "Polygon":
        return None
    while past - rim > 0.0005:
        mid = (rim + past) / 2
        hole = _hole_at(mesh, mid, centre)
        if hole is None:
            past = mid
        else:
            free, rim = free.intersection(hole), mid
    return Opening(free, float(surface.z + FOOT), past)  # up to the top of the lip, to the half millimetre


def _hole_at(mesh: trimesh.Trimesh, z: float, centre: Point) -> Polygon | None:
    """The smallest face of the section at height z that holds the centre: the inside wall's ring."""
    segments = trimesh.intersections.mesh_plane(mesh, (0.0, 0.0, 1.0), (0.0, 0.0, z))
    if len(segments) < 3:
        return None
    faces = [f for f in polygonize(unary_union(MultiLineString([np.round(s[:, :2], 6).tolist() for s in segments])))
             if f.contains(centre)]
    return min(faces, key=lambda f: f.area) if faces else None


def walls(holder: Asset, hole: Opening, position, rotation: Quat, scale) -> Body:
    """The vessel's walls as a body: its footprint minus the opening, from its inside floor to its rim."""
    m = pose_matrix(position, rotation, scale)

    def posed(xy) -> np.ndarray:
        pts = np.c_[np.asarray(xy, float), np.zeros(len(xy))] @ m[:3, :3].T + m[:3, 3]
        return pts[:, :2]

    outline = Polygon(posed(holder.footprint)).buffer(0.001)
    free = Polygon(posed(np.asarray(hole.outline.exterior.coords)))
    z0, z1 = (float(position[2] + scale[2] * z) for z in (hole.floor, hole.rim))
    return Body(outline.difference(free), z0, z1)


def standing_rotation(asset: Asset, lean: float) -> Quat:
    """Stand a long thin thing on its end, its wider end up (a toothbrush's head, a fork's tines), its
    broad side facing the main view (-Y), then lean it by `lean` radians toward +X."""
    d = np.asarray(asset.dims, float)
    long_axis = int(np.argmax(d[:2]))
    broad, thin = sorted((i for i in range(3) if i != long_axis), key=lambda i: -d[i])
    m = np.zeros((3, 3))
    m[:, long_axis] = (0.0, 0.0, 1.0 if _wider_end(asset, long_axis) > 0 else -1.0)
    m[:, broad] = (1.0, 0.0, 0.0)
    m[:, thin] = (0.0, 1.0, 0.0)
    if np.linalg.det(m) < 0:
        m[:, thin] = (0.0, -1.0, 0.0)
    c, s = math.cos(lean), math.sin(lean)
    turned = np.array([[c, 0.0, s], [0.0, 1.0, 0.0], [-s, 0.0, c]]) @ m
    q = trimesh.transformations.quaternion_from_matrix(np.pad(turned, (0, 1)) + np.diag([0, 0, 0, 1]))
    q = q if q[0] >= 0 else -q
    return tuple(round(float(c), 9) for c in q)


def _wider_end(asset: Asset, axis: int) -> int:
    """+1 when the asset is broader toward the + end of `axis` than toward the - end, else -1."""
    v = np.asarray(asset.mesh.vertices, float)
    lo, hi = float(v[:, axis].min()), float(v[:, axis].max())
    band = 0.25 * (hi - lo)
    others = [i for i in range(3) if i != axis]

    def breadth(sel) -> float:
        return float(sum(np.ptp(v[sel][:, i]) for i in others)) if sel.any() else 0.0

    return 1 if breadth(v[:, axis] >= hi - band) >= breadth(v[:, axis] <= lo + band) else -1


def foot(asset: Asset, rotation: Quat, scale=(1.0, 1.0, 1.0)) -> np.ndarray:
    """Where the posed asset's lowest point is, relative to its origin (x, y, z)."""
    v = np.asarray(asset.mesh.vertices, float) @ (rotation_matrix(rotation) @ np.diag(scale)).T
    low = v[:, 2] <= v[:, 2].min() + 0.003
    return np.array([*v[low, :2].mean(axis=0), v[:, 2].min()])
