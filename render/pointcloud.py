"""pointcloud.ply: the rendered RGB-D views fused into one coloured point cloud in world coordinates.

Each view's z-depth is lifted through its pinhole intrinsics and OpenGL camera-to-world matrix
(x right, y up, looking along -Z; pixel centres at +0.5), background (+inf depth) is skipped, the
views are merged and voxel-downsampled so the cloud stays under a point budget.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from fyi.errors import FyiError
from fyi.render.passes import read_view
from fyi.scenes.spec import CameraSpec, SceneSpec

VOXEL = 0.005  # metres: finer than any asset detail the renderer resolves at dataset resolutions


def view_points(camera: CameraSpec, depth: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """World points (N, 3) of one view's finite depths, and the (N,) flat pixel indices they came from."""
    h, w = depth.shape
    if (w, h) != (camera.width, camera.height):
        raise FyiError(f"camera {camera.id}: depth is {w}x{h} pixels, the camera {camera.width}x{camera.height}")
    rows, cols = np.nonzero(np.isfinite(depth) & (depth > 0))
    z = depth[rows, cols].astype(np.float64)
    # Image rows grow downwards, the camera's +Y points up; the camera looks along its -Z.
    x = (cols + 0.5 - camera.cx) / camera.fx * z
    y = -(rows + 0.5 - camera.cy) / camera.fy * z
    local = np.stack([x, y, -z], axis=1)
    c2w = np.asarray(camera.c2w, dtype=np.float64)
    return local @ c2w[:3, :3].T + c2w[:3, 3], rows * w + cols


def fused_points(spec: SceneSpec, views_dir: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Points, sRGB colours in 0..1 and world normals of every rendered view of the spec, concatenated."""
    views_dir = Path(views_dir)
    points, colors, normals = [], [], []
    for camera in spec.cameras:
        if not (views_dir / "depth" / f"{camera.id:04d}.exr").exists():
            raise FyiError(f"{views_dir}: view {camera.id:04d} was not rendered (no depth/{camera.id:04d}.exr)")
        view = read_view(views_dir, camera.id)
        xyz, pixels = view_points(camera, view.depth)
        points.append(xyz)
        colors.append(view.rgb.reshape(-1, 3)[pixels])
        normals.append(view.normal.reshape(-1, 3)[pixels])
    if not points:
        raise FyiError("cameras: the spec has no cameras, so no views to fuse")
    return (np.concatenate(points), np.concatenate(colors).astype(np.float64),
            np.concatenate(normals).astype(np.float64))


def write_point_cloud(spec: SceneSpec, views_dir: Path, path: Path, *, max_points: int = 200_000) -> int:
    """Fuse the views into a binary PLY (xyz, rgb, normals) of at most `max_points` points; return the count."""
    import open3d as o3d  # heavy (about a second to import): only when a cloud is written

    points, colors, normals = fused_points(spec, views_dir)
    if len(points) == 0:
        raise FyiError(f"{views_dir}: every pixel of every view is background; no points to fuse")
    cloud = o3d.geometry.PointCloud(o3d.utility.Vector3dVector(points))
    cloud.colors = o3d.utility.Vector3dVector(colors)
    cloud.normals = o3d.utility.Vector3dVector(normals)
    voxel = VOXEL
    fused = cloud.voxel_down_sample(voxel)
    while len(fused.points) > max_points:
        # Points on surfaces scale with 1/voxel^2: grow the voxel by the square root of the excess, and a bit.
        voxel *= max(1.05, 1.02 * np.sqrt(len(fused.points) / max_points))
        fused = cloud.voxel_down_sample(voxel)
    # Averaged normals of voxels straddling an edge are short: make them unit again.
    n = np.asarray(fused.normals)
    length = np.linalg.norm(n, axis=1, keepdims=True)
    fused.normals = o3d.utility.Vector3dVector(np.where(length > 1e-6, n / np.maximum(length, 1e-6), 0.0))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.stem}.tmp{path.suffix}")  # open3d picks the format by extension
    if not o3d.io.write_point_cloud(str(tmp), fused, write_ascii=False, compressed=False):
        raise FyiError(f"{path}: open3d could not write the point cloud")
    tmp.replace(path)
    return len(fused.points)
