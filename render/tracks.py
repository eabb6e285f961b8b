"""Point tracks (TAP-Vid style) of a rendered frame sequence, exact by construction.

A few points are sampled on every object's surface in its own frame; each frame poses them with the
object's pose and projects them with the frame's camera. A point is visible in a frame when it lands
inside the image and its camera depth matches the rendered depth at that pixel (nothing nearer covers
it, and it is on the side facing the camera).
"""
from __future__ import annotations

import zlib
from pathlib import Path

import numpy as np
import OpenEXR
import trimesh

from fyi.assets.model import Asset
from fyi.render.exporters import view_name
from fyi.render.frames import animation_of, frame_camera, object_matrix
from fyi.scenes.spec import CameraSpec, SceneSpec

PER_OBJECT = 64
# Depth agreement for visibility: 1 cm plus 1 % of the distance. One pixel of a slanted surface
# spans more depth the further it is, and the depth pass comes from one sample inside the pixel.
DEPTH_TOLERANCE_ABS = 0.01
DEPTH_TOLERANCE_REL = 0.01


def sample_surface_points(spec: SceneSpec, assets: dict[str, Asset], per_object: int = PER_OBJECT,
                          seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """`per_object` points on each object's surface, area-uniform, in the asset's own frame.

    Returns (object_index (P,) int: index into spec.objects, points (P, 3) float64). Each object
    draws from its own generator (seed, crc32 of its id), so adding an object never moves another's points.
    """
    index, points = [], []
    for i, obj in enumerate(spec.objects):
        rng = np.random.default_rng([seed, zlib.crc32(obj.id.encode())])
        pts, _ = trimesh.sample.sample_surface(assets[obj.id].mesh, per_object, seed=rng)
        index.append(np.full(per_object, i))
        points.append(np.asarray(pts, dtype=float))
    return np.concatenate(index), np.concatenate(points)


def project(camera: CameraSpec, points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """World points to pixels (x right, y down, pixel centres at +0.5) and z-depth along the optical axis.

    Points behind the camera (depth <= 0) get NaN pixels.
    """
    w2c = np.linalg.inv(np.asarray(camera.c2w, dtype=float))
    pc = points @ w2c[:3, :3].T + w2c[:3, 3]
    depth = -pc[:, 2]  # OpenGL camera: looks along -Z
    with np.errstate(divide="ignore", invalid="ignore"):
        x = camera.cx + camera.fx * pc[:, 0] / depth
        y = camera.cy - camera.fy * pc[:, 1] / depth
    uv = np.stack([x, y], axis=-1)
    uv[depth <= 1e-6] = np.nan
    return uv, depth


def _read_depth(path: Path) -> np.ndarray:
    return np.asarray(OpenEXR.File(str(path), separate_channels=True).parts[0].channels["Z"].pixels, dtype=np.float32)


def visible_in(depth_map: np.ndarray, uv: np.ndarray, depth: np.ndarray) -> np.ndarray:
    """Which projected points are inside the image and agree with the rendered depth at their pixel."""
    h, w = depth_map.shape
    finite = np.isfinite(uv).all(axis=1) & (depth > 0)
    inside = finite & (uv[:, 0] >= 0) & (uv[:, 0] < w) & (uv[:, 1] >= 0) & (uv[:, 1] < h)
    col = np.clip(np.floor(np.nan_to_num(uv[:, 0])).astype(int), 0, w - 1)
    row = np.clip(np.floor(np.nan_to_num(uv[:, 1])).astype(int), 0, h - 1)
    rendered = depth_map[row, col]
    tolerance = DEPTH_TOLERANCE_ABS + DEPTH_TOLERANCE_REL * np.abs(depth)
    return inside & (np.abs(rendered - depth) <= tolerance)


def point_tracks(spec: SceneSpec, assets: dict[str, Asset], frames_dir: Path, *,
                 per_object: int = PER_OBJECT) -> dict[str, np.ndarray]:
    """Track points sampled on every object through the frames rendered in frames_dir, and write
    frames_dir/tracks.npz. Needs frames_dir/depth/NNNN.exr for visibility.

    Returns and writes: "tracks" (P, N, 2) float32 pixels (x right, y down, centres at +0.5; NaN behind
    the camera), "visible" (P, N) bool, "object_ids" (P,) int32 instance ids, "points_world_0" (P, 3)
    float32 (the points at frame 0) and "points_local" (P, 3) float32 (in the asset's own frame).
    """
    anim = animation_of(spec)
    frames_dir = Path(frames_dir)
    index, local = sample_surface_points(spec, assets, per_object, spec.seed)
    ids = np.array([spec.objects[i].instance_id for i in index], dtype=np.int32)
    tracks = np.zeros((len(local), anim.frames, 2), dtype=np.float32)
    visible = np.zeros((len(local), anim.frames), dtype=bool)
    world_0 = np.zeros_like(local)
    for f in range(anim.frames):
        world = np.empty_like(local)
        for i, obj in enumerate(spec.objects):
            m = object_matrix(spec, obj.id, f)
            sel = index == i
            world[sel] = local[sel] @ m[:3, :3].T + m[:3, 3]
        if f == 0:
            world_0 = world
        uv, depth = project(frame_camera(spec, f), world)
        tracks[:, f] = uv
        visible[:, f] = visible_in(_read_depth(frames_dir / "depth" / f"{view_name(f)}.exr"), uv, depth)
    out = {"tracks": tracks, "visible": visible, "object_ids": ids,
           "points_world_0": world_0.astype(np.float32), "points_local": local.astype(np.float32)}
    np.savez_compressed(frames_dir / "tracks.npz", **out)
    return out
