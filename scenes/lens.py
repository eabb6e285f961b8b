"""Lens effects: depth of field (stills and frames) and motion blur (frames), both off by default.

What the spec records (RenderSettings): `fstop` (depth of field at f/FSTOP), `focus` (the object in
focus; None: the main subject) and `shutter` (motion blur over that share of a frame). An f-stop
asked for without a number is drawn under the seed, so `fyi render scene.yaml` reproduces it.

The lens focuses on the centre of the focused object's box, per view and per frame: the focus
distance is that centre's depth along the optical axis (the focal plane is square to it, as Cycles'
is). The main subject is the first object that moves in the sequence, else the first object of the
spec (the instruction's first-named thing); an empty room focuses on the middle of its floor, where
its cameras look.

The effects touch the colour images only: render/blender.py and render/frames.py render the data
passes (depth, normals, masks, flow) as a pinhole camera with no blur sees them, and the colour
images in a second render with the effects on (Cycles writes Depth and IndexOB from one lens and
time sample, averages Normal over them, and drops Vector with motion blur on: wrong labels).
"""
from __future__ import annotations

import math

import numpy as np

from fyi.assets.model import Asset
from fyi.errors import FyiError
from fyi.scenes.dressing import seeded_rng
from fyi.scenes.geometry import pose_matrix, posed_vertices
from fyi.scenes.spec import MAX_FSTOP, MIN_FSTOP, SceneSpec
from fyi.scenes.trajectory import frame_pose

FSTOPS = (1.8, 2.0, 2.8, 4.0, 5.6)  # what a drawn depth of field picks from: a photographer's wide apertures
DEFAULT_SHUTTER = 0.5               # a 180-degree shutter: half a frame, as film cameras expose
EMPTY_FOCUS = np.array([0.0, 0.0, 0.5])  # an empty room's cameras frame the middle of its floor
NEAREST_FOCUS = 0.05                # metres: the closest the lens focuses (Blender's clip_start is 0.01)


def check_lens(fstop: float | None, shutter: float | None) -> None:
    """One FyiError naming the option when a given f-stop or shutter is out of range."""
    if fstop is not None and not (isinstance(fstop, (int, float)) and math.isfinite(fstop)
                                  and MIN_FSTOP <= fstop <= MAX_FSTOP):
        raise FyiError(f"fstop: expected an f-number from {MIN_FSTOP:g} to {MAX_FSTOP:g}, got {fstop}")
    if shutter is not None and not (isinstance(shutter, (int, float)) and math.isfinite(shutter)
                                    and 0.0 < shutter <= 1.0):
        raise FyiError(f"shutter: expected a share of a frame above 0 and at most 1, got {shutter}")


def with_lens(spec: SceneSpec, *, dof: bool = False, fstop: float | None = None, motion_blur: bool = False,
              shutter: float | None = None) -> SceneSpec:
    """`spec` with the asked lens effects recorded in its render settings. A given `fstop` or `shutter`
    asks for its effect; `dof` alone keeps the spec's f-stop or draws one under the seed, `motion_blur`
    alone keeps the spec's shutter or takes DEFAULT_SHUTTER."""
    check_lens(fstop, shutter)
    update = {}
    if dof or fstop is not None:
        drawn = float(seeded_rng(spec.seed, "lens").choice(FSTOPS))
        update["fstop"] = float(fstop) if fstop is not None else spec.render.fstop or drawn
    if motion_blur or shutter is not None:
        update["shutter"] = float(shutter) if shutter is not None else spec.render.shutter or DEFAULT_SHUTTER
    if not update:
        return spec
    return spec.model_copy(update={"render": spec.render.model_copy(update=update)})


def lens_warnings(spec: SceneSpec) -> list[str]:
    """What the spec's lens settings cannot do for this scene (kept in scene.yaml and the manifest)."""
    if spec.render.shutter is not None and spec.animation is None:
        return ["motion blur: the scene does not move (no frame sequence), so the stills have none"]
    return []


def main_subject(spec: SceneSpec) -> str | None:
    """The id of the object the lens focuses on (module docstring), or None in an empty room."""
    if spec.render.focus is not None:
        return spec.render.focus
    if spec.animation is not None and spec.animation.objects:
        return spec.animation.objects[0].object
    return spec.objects[0].id if spec.objects else None


def focus_point(spec: SceneSpec, assets: dict[str, Asset], frame: int | None = None) -> np.ndarray:
    """World point in focus: the centre of the main subject's box (at `frame` of the sequence, if given)."""
    subject = main_subject(spec)
    if subject is None:
        return EMPTY_FOCUS
    obj = spec.object(subject)
    if frame is None:
        position, rotation = obj.position, obj.rotation
    else:
        position, rotation = frame_pose(spec, subject, frame)
    v = posed_vertices(assets[subject], pose_matrix(position, rotation, obj.scale))
    return (v.min(axis=0) + v.max(axis=0)) / 2


def focus_distance(c2w, point: np.ndarray) -> float:
    """Metres from the camera to the plane through `point` square to its optical axis (c2w: OpenGL)."""
    m = np.asarray(c2w, float)
    return max(float((np.asarray(point, float) - m[:3, 3]) @ -m[:3, 2]), NEAREST_FOCUS)
