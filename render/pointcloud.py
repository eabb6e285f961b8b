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


def voxel_average(points: np.ndarray, *columns: np.ndarray, voxel: float) -> list[np.ndarray]:
    """One point per occupied voxel: the mean of the points (and of each column) that fall in it."""
    cells = np.floor(points / voxel).astype(np.int64)
    cells -= cells.min(axis=0)
    span = cells.max(axis=0) + 1
    keys = (cells[:, 0] * span[1] + cells[:, 1]) * span[2] + cells[:, 2]  # one integer per voxel
    _, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
    out = []
    for values in (points, *columns):
        sums = np.stack([np.bincount(inverse, weights=values[:, i], minlength=len(counts))
                         for i in range(values.shape[1])], axis=1)
        out.append(sums / counts[:, None])
    return out


def write_ply(path: Path, points: np.ndarray, colors: np.ndarray, normals: np.ndarray) -> None:
    """Binary little-endian PLY with x y z (float32), nx ny nz (float32) and red green blue (uint8)."""
    n = len(points)
    record = np.dtype([("x", "<f4"), ("y", "<f4"), ("z", "<f4"), ("nx", "<f4"), ("ny", "<f4"), ("nz", "<f4"),
                       ("red", "u1"), ("green", "u1"), ("blue", "u1")])
    data = np.empty(n, dtype=record)
    for i, axis in enumerate("xyz"):
        data[axis] = points[:, i]
        data["n" + axis] = normals[:, i]
    rgb = np.clip(np.round(colors * 255), 0, 255).astype(np.uint8)
    data["red"], data["green"], data["blue"] = rgb[:, 0], rgb[:, 1], rgb[:, 2]
    header = ("ply\nformat binary_little_endian 1.0\ncomment FYI fused RGB-D views, metres, +Z up\n"
              f"element vertex {n}\n" + "".join(f"property float {a}\n" for a in ("x", "y", "z", "nx", "ny", "nz"))
              + "property uchar red\nproperty uchar green\nproperty uchar blue\nend_header\n")
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as f:
        f.write(header.encode("ascii"))
        f.write(data.tobytes())
    tmp.replace(path)


def write_point_cloud(spec: SceneSpec, views_dir: Path, path: Path, *, max_points: int = 200_000) -> int:
    """Fuse the views into a binary PLY (xyz, rgb, normals) of at most `max_points` points; return the count.

    Plain numpy (voxel means and a PLY writer) rather than open3d, whose import alone costs about a
    second per scene; open3d, MeshLab and trimesh read the file.
    """
    points, colors, normals = fused_points(spec, views_dir)
    if len(points) == 0:
        raise FyiError(f"{views_dir}: every pixel of every view is background; no points to fuse")
    voxel = VOXEL
    fused = voxel_average(points, colors, normals, voxel=voxel)
    while len(fused[0]) > max_points:
        # Points on surfaces scale with 1/voxel^2: grow the voxel by the square root of the excess, and a bit.
        voxel *= max(1.05, 1.02 * np.sqrt(len(fused[0]) / max_points))
        fused = voxel_average(points, colors, normals, voxel=voxel)
    xyz, rgb, n = fused
    # Averaged normals of voxels straddling an edge are short: make them unit again.
    length = np.linalg.norm(n, axis=1, keepdims=True)
    n = np.where(length > 1e-6, n / np.maximum(length, 1e-6), 0.0)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_ply(path, xyz, rgb, n)
    return len(xyz)
