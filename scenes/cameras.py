"""Cameras framed around the scene: view 0 from the front (-Y side), the others spread around it."""
from __future__ import annotations

import math

import numpy as np

from fyi.scenes.spec import CameraSpec

FOV = math.radians(50.0)  # horizontal field of view of every view


def look_at(position: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Camera-to-world, OpenGL convention: the camera looks along its -Z, +Y up."""
    f = target - position
    f = f / np.linalg.norm(f)
    right = np.cross(f, [0.0, 0.0, 1.0])
    right = right / np.linalg.norm(right)
    up = np.cross(right, f)
    m = np.eye(4)
    m[:3, 0], m[:3, 1], m[:3, 2], m[:3, 3] = right, up, -f, position
    return m


def frame_cameras(corners: np.ndarray, views: int, width: int, height: int, *, elevation: float = 30.0,
                  margin: float = 0.1) -> list[CameraSpec]:
    """`views` cameras whose images hold every point of `corners` (N, 3) with `margin` to spare.

    View 0 looks at the scene from -Y (the front); view k is turned k/views of a turn about the
    vertical axis through the target. Each camera backs off just as far as the points need.
    """
    corners = np.asarray(corners, float)
    target = (corners.min(axis=0) + corners.max(axis=0)) / 2
    tan_x = math.tan(FOV / 2) * (1 - margin)
    tan_y = tan_x * height / width
    fx = (width / 2) / math.tan(FOV / 2)
    cams = []
    el = math.radians(elevation)
    for k in range(views):
        az = -math.pi / 2 + 2 * math.pi * k / views
        u = np.array([math.cos(el) * math.cos(az), math.cos(el) * math.sin(az), math.sin(el)])
        probe = look_at(target + u, target)
        right, up, f = probe[:3, 0], probe[:3, 1], -probe[:3, 2]
        rel = corners - target
        # depth of a point = rel.f + d; it fits when |rel.right| <= tan_x * depth (same for up).
        need = np.maximum(np.abs(rel @ right) / tan_x, np.abs(rel @ up) / tan_y) - rel @ f
        d = max(float(need.max()), 0.5)
        c2w = look_at(target + u * d, target)
        cams.append(CameraSpec(id=k, width=width, height=height, fx=fx, fy=fx, cx=width / 2, cy=height / 2,
                               c2w=tuple(tuple(round(float(v), 6) for v in row) for row in c2w)))
    return cams


def scaled(camera: CameraSpec, width: int, height: int) -> CameraSpec:
    """The same camera at another resolution (for cheap previews)."""
    s = width / camera.width
    return camera.model_copy(update={"width": width, "height": height, "fx": camera.fx * s, "fy": camera.fy * s,
                                     "cx": camera.cx * s, "cy": camera.cy * height / camera.height})


def fit_distance(points: np.ndarray, target: np.ndarray, toward_eye: np.ndarray, camera: CameraSpec, *,
                 margin: float = 0.1) -> float:
    """How far from `target` along the unit `toward_eye` a camera with `camera`'s intrinsics, looking at
    `target`, must stand for every point of `points` (N, 3) to be in its picture with `margin` to spare.

    The rule `frame_cameras` uses for stills, for a camera whose lens is already chosen (a sequence
    keeps view 0's intrinsics).
    """
    probe = look_at(target + toward_eye, target)
    right, up, f = probe[:3, 0], probe[:3, 1], -probe[:3, 2]
    tan_x = camera.width / 2 / camera.fx * (1 - margin)
    tan_y = camera.height / 2 / camera.fy * (1 - margin)
    rel = np.asarray(points, float) - target
    # depth of a point = rel.f + d; it fits when |rel.right| <= tan_x * depth (same for up).
    need = np.maximum(np.abs(rel @ right) / tan_x, np.abs(rel @ up) / tan_y) - rel @ f
    return max(float(need.max()), 0.5)


def viewing_direction(azimuth: float, elevation: float) -> np.ndarray:
    """Unit vector from a target to a camera at `azimuth` (about +Z, from +X) and `elevation` (radians)."""
    return np.array([math.cos(elevation) * math.cos(azimuth), math.cos(elevation) * math.sin(azimuth),
                     math.sin(elevation)])
