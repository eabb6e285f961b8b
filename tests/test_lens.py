"""Lens effects (scenes.lens): depth of field and motion blur change the colour images only.

Real Cycles renders at 64 px, 4 samples, through fyi.render (the path `fyi render` takes): a mug on a
tiled floor before a striped wall, pinhole and at f/1; a ball crossing the picture in 6 frames,
without blur, with a full-frame shutter, and with both effects (then again from its scene.yaml).
"""
from __future__ import annotations

import json
from pathlib import Path

import imageio.v2 as imageio
import numpy as np
import pytest
from PIL import Image
from scipy.ndimage import binary_dilation, binary_erosion

import fyi
from fyi.cli import main
from fyi.errors import FyiError
from fyi.render.frames import read_flo
from fyi.render.passes import read_view
from fyi.scenes import cameras as scene_cameras
from fyi.scenes.io import load_spec, save_spec
from fyi.scenes.lens import (DEFAULT_SHUTTER, FSTOPS, focus_distance, focus_point, lens_warnings, main_subject,
                             with_lens)
from fyi.scenes.spec import (Animation, AssetRef, CameraSpec, Finish, ObjectSpec, ObjectTrack, RenderSettings, Room,
                             SceneSpec)

RES = 64
FX = RES / 2 / np.tan(np.radians(25.0))
FRAMES = 6
BALL_IID = 7


def c2w(eye, target):
    return scene_cameras.rounded(scene_cameras.look_at(np.asarray(eye, float), np.asarray(target, float)))


def camera(pose) -> CameraSpec:
    return CameraSpec(id=0, width=RES, height=RES, fx=FX, fy=FX, cx=RES / 2, cy=RES / 2, c2w=pose)


def small(**extra) -> RenderSettings:
    return RenderSettings(views=1, width=RES, height=RES, samples=4, **extra)


def still_spec() -> SceneSpec:
    """A mug on a tiled floor, seen from 1 m; a striped wall 3.7 m behind it."""
    room = Room(type="living_room", size=(4.0, 5.0, 2.6),
                finish=Finish(floor="light_tiles", wall="stripes", ceiling=False, ceiling_lights=1))
    mug = ObjectSpec(id="mug_0", category="mug", position=(0.0, -1.2, 0.0), instance_id=1, asset=AssetRef(uid="mug"),
                     support="floor")
    return SceneSpec(scene_id="lens_still", seed=3, room=room, objects=[mug],
                     cameras=[camera(c2w((0.3, -2.1, 0.5), (0.0, -1.2, 0.1)))], render=small())


def ball_spec() -> SceneSpec:
    """A ball rolling right 0.12 m a frame (about 3 px) in front of a still camera."""
    pose = c2w((0.0, -2.0, 0.4), (0.0, 0.0, 0.2))
    positions = [(-0.35 + 0.12 * f, -0.3, 0.0) for f in range(FRAMES)]
    ball = ObjectSpec(id="ball_0", category="ball", position=positions[0], instance_id=BALL_IID,
                      asset=AssetRef(uid="ball"), support="floor")
    box = ObjectSpec(id="box_0", category="box", position=(0.3, 0.8, 0.0), instance_id=2, asset=AssetRef(uid="box"),
                     support="floor")
    track = ObjectTrack(object="ball_0", positions=positions, rotations=[(1.0, 0.0, 0.0, 0.0)] * FRAMES)
    room = Room(type="living_room", size=(4.0, 5.0, 2.6),
                finish=Finish(floor="oak_planks", wall="paint", ceiling=False, ceiling_lights=1))
    return SceneSpec(scene_id="lens_ball", seed=5, room=room, objects=[ball, box], cameras=[camera(pose)],
                     animation=Animation(fps=12, frames=FRAMES, camera=[pose] * FRAMES, objects=[track]),
                     render=small(frames=FRAMES, fps=12))


@pytest.fixture(scope="module")
def stills(tmp_path_factory):
    out = tmp_path_factory.mktemp("lens_stills")
    spec = still_spec()
    pinhole = fyi.render(spec, out / "pinhole", qa=False).scene_dir
    dof = fyi.render(spec, out / "dof", qa=False, fstop=1.0).scene_dir
    return spec, pinhole, dof


@pytest.fixture(scope="module")
def sequences(tmp_path_factory):
    out = tmp_path_factory.mktemp("lens_frames")
    spec = ball_spec()
    plain = fyi.render(spec, out / "plain", qa=False).scene_dir
    blurred = fyi.render(spec, out / "blurred", qa=False, shutter=1.0).scene_dir
    both = fyi.render(spec, out / "both", qa=False, fstop=1.0, motion_blur=True).scene_dir
    again = fyi.render(both / "scene.yaml", out / "again", qa=False).scene_dir
    return spec, plain, blurred, both, again


def files(folder: Path, *, exclude: str = "rgb") -> dict[str, bytes]:
    """Every file under `folder` but those of its `exclude` subfolder, by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.relative_to(folder).parts[0] != exclude}


def grey(path: Path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("RGB"), np.float32).mean(axis=-1) / 255.0


def rgb(path: Path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("RGB"), np.float32) / 255.0


def high_frequency(image: np.ndarray, where: np.ndarray) -> float:
    """Mean squared Laplacian of `image` over `where`: what blur takes away."""
    lap = 4 * image[1:-1, 1:-1] - image[:-2, 1:-1] - image[2:, 1:-1] - image[1:-1, :-2] - image[1:-1, 2:]
    return float(np.mean(lap[where[1:-1, 1:-1]] ** 2))


# --- depth of field on stills --------------------------------------------------------------------------


def test_depth_of_field_blurs_the_far_wall_and_keeps_every_data_pass(stills):
    spec, pinhole, dof = stills
    assert load_spec(dof / "scene.yaml").render.fstop == 1.0
    assert load_spec(pinhole / "scene.yaml").render.fstop is None
    # Depth, normals, masks (and what is made of them) are the pinhole render's, byte for byte.
    exact = files(pinhole / "views", exclude="rgb")
    assert set(exact) >= {"depth/0000.exr", "normal/0000.exr", "instance/0000.png", "transforms.json"}
    assert files(dof / "views", exclude="rgb") == exact
    assert (dof / "coco.json").read_bytes() == (pinhole / "coco.json").read_bytes()
    # The colour image is another: the wall far behind the focused mug is blurred, the mug is not.
    views = read_view(pinhole / "views", 0)
    subject = focus_distance(spec.cameras[0].c2w, focus_point(spec, {"mug_0": _mug()}))
    far = binary_erosion((views.depth > 2.5 * subject) & (views.instance == 0), iterations=2)
    assert far.sum() > 200, "the test scene must show the far wall"
    sharp, blurred = grey(pinhole / "views/rgb/0000.png"), grey(dof / "views/rgb/0000.png")
    assert high_frequency(blurred, far) < 0.6 * high_frequency(sharp, far)
    mug = views.instance == 1
    assert mug.sum() > 10
    assert np.abs(blurred - sharp)[mug].mean() < np.abs(blurred - sharp)[far].mean() + 0.02


def _mug():
    from fyi.scenes.asset_loader import assets_for

    return assets_for(still_spec())["mug_0"]


# --- motion blur on a sequence -------------------------------------------------------------------------


def test_motion_blur_smears_the_mover_and_keeps_masks_and_flow(sequences):
    spec, plain, blurred, _, _ = sequences
    assert load_spec(blurred / "scene.yaml").render.shutter == 1.0
    exact = files(plain / "frames", exclude="rgb")
    assert {f"flow/{f:04d}.flo" for f in range(FRAMES)} <= set(exact)
    assert {f"instance/{f:04d}.png" for f in range(FRAMES)} <= set(exact)
    exact.pop("video.mp4")
    got = files(blurred / "frames", exclude="rgb")
    got.pop("video.mp4")
    assert got == exact  # depth, normals, masks, flow, poses and tracks: the unblurred render's
    assert files(blurred / "views", exclude="rgb") == files(plain / "views", exclude="rgb")
    # Motion blur is for sequences: the still views keep their pinhole colour.
    assert (blurred / "views/rgb/0000.png").read_bytes() == (plain / "views/rgb/0000.png").read_bytes()
    f = FRAMES // 2
    mask = np.asarray(Image.open(plain / "frames/instance" / f"{f:04d}.png")) == BALL_IID
    assert np.abs(read_flo(plain / "frames/flow" / f"{f:04d}.flo")[mask][:, 0]).mean() > 2.0  # it moves ~3 px
    # In colour: the blue ball and the wooden floor are about as bright.
    diff = np.abs(rgb(blurred / "frames/rgb" / f"{f:04d}.png") - rgb(plain / "frames/rgb" / f"{f:04d}.png")).max(-1)
    rows, cols = np.nonzero(mask)
    # The smear lies along the motion (left and right of the ball), not across it (above and below).
    along = binary_dilation(mask, np.ones((1, 7), bool)) & ~binary_dilation(mask, np.ones((7, 1), bool))
    across = binary_dilation(mask, np.ones((7, 1), bool)) & ~binary_dilation(mask, np.ones((1, 7), bool))
    assert along.sum() > 5 and across.sum() > 5, (rows.min(), rows.max(), cols.min(), cols.max())
    assert diff[along].mean() > 0.03
    assert diff[along].mean() > 1.5 * diff[across].mean()
    # Far from the ball nothing moves: the picture is the same there.
    still = ~binary_dilation(mask, iterations=8)
    assert diff[still].mean() < 0.25 * diff[along].mean()
    # video.mp4 is made of the blurred frames.
    reader = imageio.get_reader(blurred / "frames/video.mp4", format="FFMPEG")
    try:
        video = np.asarray(reader.get_data(f), np.float32)[:RES, :RES] / 255.0
    finally:
        reader.close()
    to_blurred = np.abs(video - rgb(blurred / "frames/rgb" / f"{f:04d}.png")).max(-1)[along].mean()
    to_plain = np.abs(video - rgb(plain / "frames/rgb" / f"{f:04d}.png")).max(-1)[along].mean()
    assert to_blurred < to_plain


def test_both_effects_on_a_sequence_reproduce_from_scene_yaml(sequences):
    spec, plain, _, both, again = sequences
    lens = load_spec(both / "scene.yaml").render
    assert lens.fstop == 1.0 and lens.shutter == DEFAULT_SHUTTER
    assert files(both / "frames", exclude="rgb").keys() == files(plain / "frames", exclude="rgb").keys()
    for sub in ("depth", "normal", "instance", "flow"):
        assert files(both / "frames" / sub) == files(plain / "frames" / sub)
    assert files(both / "views", exclude="rgb") == files(plain / "views", exclude="rgb")
    for f in range(FRAMES):
        assert (both / "frames/rgb" / f"{f:04d}.png").read_bytes() != (plain / "frames/rgb" / f"{f:04d}.png").read_bytes()
    assert (both / "views/rgb/0000.png").read_bytes() != (plain / "views/rgb/0000.png").read_bytes()
    # scene.yaml holds every choice: rendering it again gives the same files, colour included.
    assert (again / "scene.yaml").read_text() == (both / "scene.yaml").read_text()
    for folder in ("views", "frames"):
        assert files(again / folder, exclude="") == files(both / folder, exclude="")
    manifest = json.loads((both / "manifest.json").read_text())
    assert manifest["warnings"] == []


# --- the spec's lens settings ---------------------------------------------------------------------------


def test_with_lens_draws_under_the_seed_and_keeps_given_values():
    spec = ball_spec()
    assert with_lens(spec) is spec
    drawn = {with_lens(spec.model_copy(update={"seed": s}), dof=True).render.fstop for s in range(40)}
    assert drawn <= set(FSTOPS) and len(drawn) > 2
    assert with_lens(spec, dof=True).render.fstop == with_lens(spec, dof=True).render.fstop
    assert with_lens(spec, fstop=8.0).render.fstop == 8.0
    kept = with_lens(spec, fstop=8.0)
    assert with_lens(kept, dof=True).render.fstop == 8.0  # a spec's own f-stop stays
    assert with_lens(spec, motion_blur=True).render.shutter == DEFAULT_SHUTTER
    assert with_lens(spec, shutter=0.25).render.shutter == 0.25
    for bad in ({"fstop": -2.8}, {"fstop": 0.0}, {"fstop": float("nan")}, {"fstop": 100.0}, {"shutter": 0.0},
                {"shutter": 1.5}, {"shutter": -0.5}):
        with pytest.raises(FyiError, match=next(iter(bad))):
            with_lens(spec, **bad)


def test_focus_is_the_main_subject_along_the_optical_axis():
    spec = ball_spec()
    assert main_subject(spec) == "ball_0"  # the mover
    still = spec.model_copy(update={"animation": None})
    assert main_subject(still) == "ball_0"  # the first object
    focused = still.model_copy(update={"render": small(fstop=2.0, focus="box_0")})
    assert main_subject(focused) == "box_0"
    assert main_subject(SceneSpec(scene_id="empty")) is None
    # The focal plane is square to the optical axis: a point beside the axis is as far as one on it.
    pose = c2w((0.0, -2.0, 0.0), (0.0, 0.0, 0.0))
    assert focus_distance(pose, np.array([0.0, 1.0, 0.0])) == pytest.approx(3.0)
    assert focus_distance(pose, np.array([1.5, 1.0, 0.0])) == pytest.approx(3.0)
    assert lens_warnings(with_lens(still, shutter=0.5))[0].startswith("motion blur:")
    assert lens_warnings(with_lens(spec, shutter=0.5)) == []
    with pytest.raises(ValueError, match="render.focus: unknown object"):
        SceneSpec.model_validate({**spec.model_dump(), "render": {"fstop": 2.0, "focus": "chair_9"}})
    with pytest.raises(ValueError, match="focus: 'ball_0' needs fstop"):
        RenderSettings(focus="ball_0")


def test_collector_records_the_asked_lens(tmp_path):
    from fyi.agents.graph import collector_node

    state = {"instruction": "a red ball rolls across the floor", "seed": 4, "work_dir": str(tmp_path),
             "lens": {"dof": True, "fstop": None, "motion_blur": True, "shutter": None}}
    spec = SceneSpec.model_validate(collector_node(state)["partial_spec"])
    assert spec.render.fstop in FSTOPS and spec.render.shutter == DEFAULT_SHUTTER


# --- bad values: one clear message, exit 2, nothing written ----------------------------------------------


@pytest.mark.parametrize("option, value, field", [("--fstop", "-1", "fstop"), ("--shutter", "1.5", "shutter"),
                                                  ("--shutter", "0", "shutter")])
def test_bad_lens_options_exit_2(tmp_path, capsys, option, value, field):
    save_spec(still_spec(), tmp_path / "scene.yaml")
    out = tmp_path / "out"
    assert main(["render", str(tmp_path / "scene.yaml"), "--out", str(out), option, value]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"fyi: error: {field}:"), err
    assert not out.exists()
    assert main(["synth", "a red mug", "--out", str(out), option, value]) == 2
    assert capsys.readouterr().err.strip().startswith(f"fyi: error: {field}:")
    assert not out.exists()


def test_bad_lens_values_in_a_spec_or_a_job_name_the_field(tmp_path, capsys):
    data = still_spec().model_dump(mode="json")
    data["render"]["fstop"] = -2.0
    (tmp_path / "scene.yaml").write_text(json.dumps(data))
    assert main(["validate", str(tmp_path / "scene.yaml")]) == 2
    assert "render.fstop" in capsys.readouterr().err
    from fyi.farm import read_jobs

    with pytest.raises(FyiError, match=r"jobs\[0\]: shutter: expected a share of a frame"):
        read_jobs([{"instruction": "a ball rolls", "shutter": 2.0}])
    with pytest.raises(FyiError, match="dof: expected true or false"):
        read_jobs([{"instruction": "a ball rolls", "dof": "yes"}])
    jobs = read_jobs([{"instruction": "a ball rolls", "dof": True, "fstop": 2.8}, {"instruction": "a mug"}])
    assert jobs[0].lens() == {"dof": True, "fstop": 2.8, "motion_blur": False, "shutter": None}
    assert jobs[0].request()["fstop"] == 2.8 and "dof" not in jobs[1].request()
