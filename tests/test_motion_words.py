"""Motion words in their common phrasings (bench/sets/motion_phrasings.jsonl): each plans a motion that
happens in the frames, the way the words say, or is a warning naming it; never silently nothing.

Every phrasing goes through the Collector, Generator and Planner (the poses checked are exactly what
frames/poses.json gets); a few render for real, and their frames/poses.json is read back.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from fyi.agents.collector import collect
from fyi.agents.generator import generate
from fyi.agents.planner import plan_animation
from fyi.scenes.asset_loader import assets_for
from fyi.scenes.geometry import rotation_matrix

SET = Path(__file__).resolve().parent.parent / "bench" / "sets" / "motion_phrasings.jsonl"
ROWS = [json.loads(line) for line in SET.read_text().splitlines() if line.strip()]
FRAMES = 12
MOVE = 0.2        # metres: an object "moves" when its box centre goes at least this far the asked way
CAMERA_MOVE = 0.25  # share of the distance to what the camera looks at, toward or away
RISE = 0.3        # metres the camera rises or lowers
TURN = 10.0       # degrees of a pan or tilt
TIPPED = 45.0     # degrees from upright of a thing that tipped over


def planned(text: str):
    _, spec = collect(text, seed=0, quality="draft", views=1, frames=FRAMES, fps=12.0)
    laid = generate(spec).spec
    assets = assets_for(laid)
    out, notes = plan_animation(laid, assets)
    return out, assets, list(out.warnings) + notes


def poses_of(spec, assets, tmp_path: Path) -> dict:
    """frames/poses.json as the renderer writes it for this animation, read back."""
    from fyi.render.frames import write_poses

    write_poses(spec, assets, tmp_path / "poses.json")
    return json.loads((tmp_path / "poses.json").read_text())


def _centre(box) -> np.ndarray:
    return (np.array(box["min"], float) + np.array(box["max"], float)) / 2


def _forward(c2w: np.ndarray) -> np.ndarray:
    return -np.asarray(c2w, float)[:3, 2]


def motion_problems(poses: dict, objects: dict[str, str], expect: list, warnings: list[str]) -> list[str]:
    """What does not hold of the expected motions in `poses` (frames/poses.json's content); `objects` maps
    object id -> category. [] when every motion happens the asked way (or is a warning naming it)."""
    frames = poses["frames"]
    first, last = frames[0], frames[-1]
    c2w0, c2wN = np.array(first["camera"]["c2w"], float), np.array(last["camera"]["c2w"], float)
    w2c0 = np.linalg.inv(c2w0)
    problems = []
    for who, what in expect:
        if what == "warn":
            if not any(who in w for w in warnings):
                problems.append(f"{who}: no warning names it ({warnings})")
            continue
        if who == "camera":
            eye0, eyeN = c2w0[:3, 3], c2wN[:3, 3]
            centre = np.mean([_centre(o["bbox"]) for o in first["objects"].values()], axis=0)
            d0, dN = np.linalg.norm(eye0 - centre), np.linalg.norm(eyeN - centre)
            yaw0, yawN = (math.degrees(math.atan2(v[1], v[0])) for v in (_forward(c2w0), _forward(c2wN)))
            turn = (yawN - yaw0 + 180.0) % 360.0 - 180.0  # + is to the left (counter-clockwise from above)
            pitch0, pitchN = (math.degrees(math.asin(np.clip(_forward(c), -1, 1)[2])) for c in (c2w0, c2wN))
            azimuths = [math.atan2(*(np.array(f["camera"]["c2w"])[:3, 3] - centre)[1::-1]) for f in frames]
            swept = sum(abs((b - a + math.pi) % (2 * math.pi) - math.pi) for a, b in zip(azimuths, azimuths[1:]))
            ok = {"toward": dN <= (1 - CAMERA_MOVE) * d0, "away": dN >= (1 + CAMERA_MOVE) * d0,
                  "up": eyeN[2] - eye0[2] >= RISE, "down": eyeN[2] - eye0[2] <= -RISE,
                  "orbit": math.degrees(swept) >= 180.0,
                  "pan_left": turn >= TURN and np.linalg.norm(eyeN - eye0) < 0.05,
                  "pan_right": turn <= -TURN and np.linalg.norm(eyeN - eye0) < 0.05,
                  "tilt_down": pitchN - pitch0 <= -TURN / 2}[what]
            if not ok:
                problems.append(f"camera does not {what}: eye {np.round(eye0, 2).tolist()} -> "
                                f"{np.round(eyeN, 2).tolist()}, distance {d0:.2f} -> {dN:.2f}, turn {turn:.1f}, "
                                f"pitch {pitch0:.1f} -> {pitchN:.1f}, swept {math.degrees(swept):.0f}")
            continue
        oid = next((i for i, c in objects.items() if c == who), None)
        if oid is None:
            problems.append(f"no {who} in the scene")
            continue
        a, b = _centre(first["objects"][oid]["bbox"]), _centre(last["objects"][oid]["bbox"])
        dv = b - a
        dc = w2c0[:3, :3] @ dv  # in view 0's camera frame: +x right, +y up, -z into the picture
        rot = np.array(last["objects"][oid]["rotation"], float)
        up = rotation_matrix(tuple(rot)) @ np.array([0.0, 0.0, 1.0])
        tilt = math.degrees(math.acos(np.clip(up[2], -1, 1)))
        ok = {"left": dc[0] < -MOVE, "right": dc[0] > MOVE, "toward_camera": dc[2] > MOVE,
              "moves": np.linalg.norm(dv[:2]) > MOVE, "falls": dv[2] < -MOVE, "tips": tilt >= TIPPED}[what]
        if not ok:
            problems.append(f"{who} does not {what}: moved {np.round(dc, 2).tolist()} in view 0, tilt {tilt:.0f} deg")
    return problems


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_each_phrasing_plans_a_motion_that_happens_the_way_it_says(row, tmp_path):
    spec, assets, warnings = planned(row["instruction"])
    if all(what == "warn" for _, what in row["expect"]):
        assert not motion_problems({"frames": [{"camera": {"c2w": np.eye(4).tolist()}, "objects": {}}]}, {},
                                   row["expect"], warnings)
        return
    assert spec.animation is not None, f"nothing moves: {warnings}"
    objects = {o.id: o.category for o in spec.objects}
    assert motion_problems(poses_of(spec, assets, tmp_path), objects, row["expect"], warnings) == [], warnings


RENDERED = ["cam_toward_00", "cam_up_00", "obj_tip_00"]


@pytest.mark.parametrize("row_id", RENDERED)
def test_a_few_rendered_phrasings_move_in_frames_poses_json(row_id, tmp_path):
    import fyi

    row = next(r for r in ROWS if r["id"] == row_id)
    result = fyi.synthesize(row["instruction"], tmp_path / "out", seed=0, quality="draft", views=1, frames=4, fps=4.0,
                            max_rounds=1)
    poses = json.loads((result.scene_dir / "frames" / "poses.json").read_text())
    graph = json.loads((result.scene_dir / "scene.json").read_text())
    objects = {o["id"]: o["category"] for o in graph["objects"]}
    assert motion_problems(poses, objects, row["expect"], result.warnings) == []
