"""4D frame sequences: render spec.animation frame by frame and write frames/ (DESIGN.md).

One BlenderScene is built once; the camera and the moving objects are keyframed at every frame, so
Cycles' Vector pass knows the motion, and each frame is one render with every pass (Combined, Depth,
Normal, IndexOB, Vector) in one multilayer EXR, split into the same per-pass files as views/ plus
forward optical flow. With lens effects (scenes.lens: depth of field, motion blur) a second sweep
renders the colour images alone with them on and replaces rgb/; every other file is the exact
sweep's. Then poses.json, video.mp4 (from rgb/) and the point tracks (render.tracks).

frames_dir/
  rgb/NNNN.png  depth/NNNN.exr  normal/NNNN.exr  instance/NNNN.png   as views/, NNNN = frame number
  flow/NNNN.flo   forward flow frame t -> t+1, Middlebury format, pixels, u right, v down;
                  the last frame's flow is all zeros (there is no frame after it)
  poses.json      fps and, per frame, the camera c2w and every object's position, rotation, bbox
  video.mp4       the rgb frames, H.264 (libx264), yuv420p, at the animation's fps
  tracks.npz      point tracks, see render.tracks
"""
from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image

from fyi.assets.model import Asset
from fyi.errors import FyiError
from fyi.render.blender import BlenderScene
from fyi.render.exporters import view_name, write_json
from fyi.render.passes import read_exr, read_rgb, write_rgb, write_view
from fyi.render.scene import resolve
from fyi.scenes.geometry import pose_matrix, posed_vertices
from fyi.scenes.lens import focus_distance, focus_point
from fyi.scenes.spec import Animation, CameraSpec, SceneSpec
from fyi.scenes.trajectory import frame_pose  # noqa: F401  (re-exported for the tests)

FLO_MAGIC = 202021.25  # Middlebury .flo: the float32 that reads "PIEH" as bytes


def animation_of(spec: SceneSpec) -> Animation:
    """spec.animation, or a FyiError naming the missing field."""
    if spec.animation is None:
        raise FyiError("animation: the spec has no animation; give it one (the Planner does) to render frames")
    if not spec.cameras:
        raise FyiError("cameras: the animation uses cameras[0]'s intrinsics, and the spec has no cameras")
    return spec.animation


def frame_camera(spec: SceneSpec, frame: int) -> CameraSpec:
    """The animation's camera at `frame`: cameras[0]'s intrinsics with the frame's c2w; id = frame."""
    anim = animation_of(spec)
    return spec.cameras[0].model_copy(update={"id": frame, "c2w": tuple(tuple(r) for r in anim.camera[frame])})


def object_matrix(spec: SceneSpec, obj_id: str, frame: int) -> np.ndarray:
    """4x4 world matrix of an object at `frame` (its spec scale, the frame's position and rotation)."""
    position, rotation = frame_pose(spec, obj_id, frame)
    return pose_matrix(position, rotation, spec.object(obj_id).scale)


# --- optical flow files ---------------------------------------------------------------------


def write_flo(path: Path, flow: np.ndarray) -> None:
    """Middlebury .flo: float32 magic, int32 width, int32 height, then u, v interleaved row by row from the top."""
    flow = np.asarray(flow, dtype="<f4")
    if flow.ndim != 3 or flow.shape[2] != 2:
        raise ValueError(f"flow must be (H, W, 2), got {flow.shape}")
    h, w, _ = flow.shape
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        f.write(np.array([FLO_MAGIC], dtype="<f4").tobytes())
        f.write(np.array([w, h], dtype="<i4").tobytes())
        f.write(np.ascontiguousarray(flow).tobytes())


def read_flo(path: Path) -> np.ndarray:
    """A Middlebury .flo file as an (H, W, 2) float32 array (u right, v down, in pixels)."""
    raw = Path(path).read_bytes()
    if len(raw) < 12 or np.frombuffer(raw[:4], dtype="<f4")[0] != np.float32(FLO_MAGIC):
        raise ValueError(f"{path}: not a .flo file (bad magic number)")
    w, h = (int(v) for v in np.frombuffer(raw[4:12], dtype="<i4"))
    if len(raw) != 12 + 8 * w * h:
        raise ValueError(f"{path}: {len(raw)} bytes, expected {12 + 8 * w * h} for {w}x{h}")
    return np.frombuffer(raw[12:], dtype="<f4").reshape(h, w, 2).astype(np.float32)


# --- poses and video ------------------------------------------------------------------------


def write_poses(spec: SceneSpec, assets: dict[str, Asset], path: Path) -> dict:
    """Write poses.json (byte-stable) and return what it holds: fps, the intrinsics, and per frame the
    camera c2w and every object's position, rotation (w, x, y, z) and world bbox of its posed mesh."""
    anim = animation_of(spec)
    cam = spec.cameras[0]
    frames = []
    for f in range(anim.frames):
        objects = {}
        for obj in spec.objects:
            position, rotation = frame_pose(spec, obj.id, f)
            v = posed_vertices(assets[obj.id], pose_matrix(position, rotation, obj.scale))
            objects[obj.id] = {"position": list(position), "rotation": list(rotation),
                               "bbox": {"min": v.min(axis=0), "max": v.max(axis=0)}}
        frames.append({"frame": f, "time": f / anim.fps, "camera": {"c2w": [list(r) for r in anim.camera[f]]},
                       "objects": objects})
    data = {"fps": anim.fps,
            "intrinsics": {"width": cam.width, "height": cam.height, "fx": cam.fx, "fy": cam.fy,
                           "cx": cam.cx, "cy": cam.cy},
            "frames": frames}
    write_json(path, data)
    return data


def write_video(rgb_paths: list[Path], path: Path, fps: float) -> None:
    """H.264 (libx264, yuv420p) video of the PNG frames. yuv420p needs even sides: an odd last
    row/column is repeated once rather than the frame being scaled."""
    import imageio.v2 as imageio  # the ffmpeg plugin loads imageio-ffmpeg's bundled binary

    if not rgb_paths:
        raise ValueError("no frames to encode")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # One encoder thread: x264's output depends on its thread count, and the manifest hashes the file.
    writer = imageio.get_writer(path, format="FFMPEG", mode="I", fps=fps, codec="libx264", pixelformat="yuv420p",
                                quality=7, macro_block_size=1, ffmpeg_log_level="error",
                                ffmpeg_params=["-threads", "1"])
    try:
        for p in rgb_paths:
            image = np.asarray(Image.open(p).convert("RGB"))
            h, w = image.shape[:2]
            writer.append_data(np.pad(image, ((0, h % 2), (0, w % 2), (0, 0)), mode="edge"))
    finally:
        writer.close()


# --- rendering ------------------------------------------------------------------------------


def render_frames(spec: SceneSpec, assets: dict[str, Asset], frames_dir: Path, *, samples: int, denoise: bool,
                  progress: Callable[[int, int], None] | None = None) -> None:
    """Render every frame of spec.animation into frames_dir (layout in the module docstring)."""
    from fyi.render.tracks import point_tracks  # tracks builds on this module's poses

    anim = animation_of(spec)
    frames_dir = Path(frames_dir)
    scene = BlenderScene(resolve(spec, assets))
    scene.enable_motion_vectors()
    scene.set_frame_range(0, anim.frames - 1, anim.fps)
    moving = [t.object for t in anim.objects]
    for f in range(anim.frames):
        scene.key_camera(frame_camera(spec, f), f)
        for obj_id in moving:
            scene.key_object(obj_id, f, *frame_pose(spec, obj_id, f))
    with tempfile.TemporaryDirectory(prefix="fyi_frames_") as tmp:
        for f in range(anim.frames):
            exr = scene.render_frame_exr(f, Path(tmp) / f"{view_name(f)}.exr", samples=samples, denoise=denoise)
            passes = read_exr(exr)
            exr.unlink()
            write_view(passes, frames_dir, f)
            # Past the last keyframe Blender holds the pose, so its "next frame" vector is ~0 anyway;
            # write exact zeros rather than rely on the extrapolation mode.
            last = f == anim.frames - 1
            flow = np.zeros((*passes.depth.shape, 2), np.float32) if last else passes.flow
            write_flo(frames_dir / "flow" / f"{view_name(f)}.flo", flow)
            if progress is not None:
                progress(f + 1, anim.frames)
        _lens_sweep(spec, assets, scene, frames_dir, Path(tmp), samples=samples, denoise=denoise)
    write_poses(spec, assets, frames_dir / "poses.json")
    write_video([frames_dir / "rgb" / f"{view_name(f)}.png" for f in range(anim.frames)],
                frames_dir / "video.mp4", anim.fps)
    point_tracks(spec, assets, frames_dir)


def _lens_sweep(spec: SceneSpec, assets: dict[str, Asset], scene: BlenderScene, frames_dir: Path, tmp: Path, *,
                samples: int, denoise: bool) -> None:
    """Re-render every frame's colour image with the spec's lens effects on (none: nothing to do)."""
    lens = spec.render
    if lens.fstop is None and lens.shutter is None:
        return
    anim = animation_of(spec)
    scene.colour_only()
    if lens.fstop is not None:
        distances = [focus_distance(anim.camera[f], focus_point(spec, assets, f)) for f in range(anim.frames)]
        scene.set_depth_of_field(lens.fstop, distances[0])
        for f, distance in enumerate(distances):
            scene.key_focus(distance, f)
    if lens.shutter is not None:
        scene.set_motion_blur(lens.shutter)
    for f in range(anim.frames):
        exr = scene.render_frame_exr(f, tmp / f"lens-{view_name(f)}.exr", samples=samples, denoise=denoise)
        write_rgb(read_rgb(exr), frames_dir / "rgb" / f"{view_name(f)}.png")
        exr.unlink()
