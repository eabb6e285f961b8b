"""views/transforms.json: the views in the nerfstudio / instant-ngp convention, for 3D reconstruction.

c2w is already OpenGL camera-to-world, which is what both tools read, so matrices are written as
they are and no "applied_transform" is needed.
"""
from __future__ import annotations

from pathlib import Path

from fyi.errors import FyiError
from fyi.render.exporters import plain, view_name, write_json
from fyi.scenes.spec import CameraSpec, SceneSpec

# Pinhole renders: OPENCV with zero distortion, spelled out so no reader has to guess a default.
NO_DISTORTION = {"k1": 0.0, "k2": 0.0, "p1": 0.0, "p2": 0.0}
# Frame key, folder, extension. Not "mask_path": nerfstudio reads that as pixels to ignore.
EXTRA_PASSES = (("depth_file_path", "depth", "exr"), ("instance_file_path", "instance", "png"))


def intrinsics(camera: CameraSpec) -> dict:
    return {"fl_x": camera.fx, "fl_y": camera.fy, "cx": camera.cx, "cy": camera.cy, "w": camera.width,
            "h": camera.height, **NO_DISTORTION}


def transforms_dataset(spec: SceneSpec, views_dir: Path) -> dict:
    """The transforms.json dict; paths are relative to `views_dir`."""
    views_dir = Path(views_dir)
    cameras = sorted(spec.cameras, key=lambda c: c.id)
    if not cameras:
        raise FyiError(f"scene {spec.scene_id!r} has no cameras: nothing to write to transforms.json")
    stems = [view_name(c.id) for c in cameras]
    for stem in stems:
        if not (views_dir / "rgb" / f"{stem}.png").is_file():
            raise FyiError(f"{views_dir / 'rgb' / f'{stem}.png'}: view image missing")
    # nerfstudio wants a pass on every frame or on none, so a pass is listed only if all views have it.
    passes = [(key, folder, ext) for key, folder, ext in EXTRA_PASSES
              if all((views_dir / folder / f"{s}.{ext}").is_file() for s in stems)]
    frames = []
    for camera, stem in zip(cameras, stems):
        frame = {"file_path": f"rgb/{stem}.png", "transform_matrix": [list(row) for row in camera.c2w]}
        frame.update({key: f"{folder}/{stem}.{ext}" for key, folder, ext in passes})
        frame.update(intrinsics(camera))
        frame["camera_id"] = camera.id
        frames.append(frame)
    shared = {tuple(intrinsics(c).items()) for c in cameras}
    top = {"camera_model": "OPENCV"}
    if len(shared) == 1:
        top.update(intrinsics(cameras[0]))
    return plain({**top, "frames": frames})


def write_transforms(spec: SceneSpec, views_dir: Path, path: Path) -> dict:
    """Write views/transforms.json for the rendered views in `views_dir`."""
    data = transforms_dataset(spec, views_dir)
    write_json(Path(path), data)
    return data
