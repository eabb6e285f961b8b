"""The Planner: motions become trajectories that hold together over time (no rendering here)."""
import math

import numpy as np
import pytest

from fyi.agents.collector import collect
from fyi.agents.generator import generate
from fyi.agents.planner import _in_frame, plan_animation, temporal_problems
from fyi.scenes.asset_loader import assets_for
from fyi.scenes.geometry import body, world_bbox
from fyi.scenes.trajectory import frame_pose


def planned(text, frames=0, seed=0):
    _, spec = collect(text, seed=seed, quality="draft", views=2, frames=frames, fps=12.0)
    laid = generate(spec).spec
    assets = assets_for(laid)
    spec, notes = plan_animation(laid, assets)
    return spec, assets, notes


def test_a_ball_told_to_roll_right_moves_right_as_seen_from_view_0():
    spec, assets, notes = planned("a red ball rolls to the right", frames=12)
    assert notes == [] and spec.animation.frames == 12
    track = spec.animation.objects[0]
    w2c = np.linalg.inv(np.array(spec.cameras[0].c2w))
    xs = [float((w2c @ np.append(p, 1))[0]) for p in track.positions]
    assert xs[-1] - xs[0] > 0.5
    assert all(b >= a - 1e-9 for a, b in zip(xs, xs[1:])), "moves right monotonically"
    # Rolling: the ball turns, and its lowest point stays on the floor.
    assert track.rotations[0] != track.rotations[-1]
    ball = spec.object(track.object)
    for f in range(12):
        pos, rot = frame_pose(spec, ball.id, f)
        assert abs(body(assets[ball.id], pos, rot).z0) < 0.01
    assert temporal_problems(spec, assets) == []


def test_a_dropped_object_ends_at_rest_on_the_floor():
    spec, assets, notes = planned("a box falls from the table onto the floor", frames=24)
    box = next(o for o in spec.objects if o.category == "box")
    assert box.support.startswith("table"), "it starts on the table"
    poses = [frame_pose(spec, box.id, f) for f in range(24)]
    z = [body(assets[box.id], *pose).z0 for pose in poses]
    # Bullet's contact margins (1 mm a body) leave it resting a hair above the floor.
    assert z[0] > 0.5 and abs(z[-1]) < 0.005, "falls from the tabletop onto the floor"
    assert np.allclose(poses[-1][0], poses[-3][0], atol=1e-3), "and comes to rest there"
    assert min(z) >= -0.005, "never sinks into the floor"
    assert temporal_problems(spec, assets) == []


def test_an_orbiting_camera_keeps_its_target_in_every_frame():
    spec, assets, _ = planned("the camera orbits around a sofa", frames=16)
    anim = spec.animation
    sofa = next(o for o in spec.objects if o.category == "sofa")
    lo, hi = world_bbox(sofa, assets[sofa.id])
    centre = (lo + hi) / 2
    angles = [math.atan2(c[1][3] - centre[1], c[0][3] - centre[0]) for c in anim.camera]
    swept = sum(abs((b - a + math.pi) % (2 * math.pi) - math.pi) for a, b in zip(angles, angles[1:]))
    assert swept > math.radians(300)
    for c in anim.camera:
        assert _in_frame(centre, np.array(c), spec.cameras[0])


def test_the_camera_moving_closer_ends_nearer_its_target():
    spec, assets, _ = planned("the camera moves closer to a table with a laptop on it", frames=10)
    table = next(o for o in spec.objects if o.category == "table")
    lo, hi = world_bbox(table, assets[table.id])
    centre = (lo + hi) / 2
    d = [np.linalg.norm(np.array(c)[:3, 3] - centre) for c in spec.animation.camera]
    assert d[-1] < 0.8 * d[0]


def test_motion_is_smooth_and_static_scenes_have_no_animation():
    spec, _, _ = planned("a ball slides to the left", frames=24)
    p = np.array(spec.animation.objects[0].positions)
    acc = np.linalg.norm(np.diff(p, 2, axis=0), axis=1) * spec.animation.fps ** 2
    assert acc.max() < 30
    static, _, notes = planned("a mug on a table")
    assert static.animation is None and notes == []


def test_a_motion_that_cannot_hold_is_dropped_with_a_warning():
    spec, assets, notes = planned("a dog spins next to a cat")
    if spec.animation is not None and spec.animation.objects:
        assert temporal_problems(spec, assets) == []
    else:
        assert any("motion dropped" in n for n in notes)


def _model_plan(tmp_path, plan: dict, text: str):
    import json

    from fyi.agents.openai_backend import OpenAIBackend
    from fyi.agents.settings import ModelSettings, Settings
    from tests.model_server import ModelServer

    _, spec = collect(text, seed=0, quality="draft", views=1, frames=8, fps=8.0)
    laid = generate(spec).spec
    assets = assets_for(laid)
    with ModelServer([json.dumps(plan)]) as server:
        backend = OpenAIBackend(Settings(per_agent={"planner": ModelSettings(
            base_url=server.base_url, model="planner-llm", max_retries=0, cache_dir=tmp_path)}))
        proposal = backend.plan_motion(laid)
        sent = server.requests
    return laid, assets, proposal, sent, backend


def test_a_model_plan_with_keyframes_is_interpolated_and_checked(tmp_path):
    text = "a ball rolls to the right"
    _, spec = collect(text, seed=0, quality="draft", views=1, frames=8, fps=8.0)
    start = generate(spec).spec.object("ball_0").position
    plan = {"objects": [{"object": "ball_0", "keyframes": [
        {"time": 0, "position": list(start)},
        {"time": 1, "position": [start[0] + 0.6, start[1], start[2]]}]},
        {"object": "ghost_1", "keyframes": [{"time": 0, "position": [0, 0, 0]}, {"time": 1, "position": [1, 0, 0]}]}]}
    laid, assets, proposal, sent, backend = _model_plan(tmp_path, plan, text)
    assert [t.object for t in proposal.objects] == ["ball_0"], "unknown ids in a model answer are dropped"
    assert any("ghost_1" in w for w in backend.warnings)
    assert "motions" in sent[0]["messages"][-1]["content"]
    planned, notes = plan_animation(laid, assets, proposal)
    track = planned.animation.objects[0]
    assert notes == [] and len(track.positions) == 8
    assert track.positions[-1][0] == pytest.approx(start[0] + 0.6)
    assert track.positions[0] == pytest.approx(start)


def test_a_model_plan_that_does_not_hold_falls_back_to_the_templates(tmp_path):
    text = "a ball rolls to the right"
    _, spec = collect(text, seed=0, quality="draft", views=1, frames=8, fps=8.0)
    start = generate(spec).spec.object("ball_0").position
    # Sinks through the floor: not supported, not falling.
    plan = {"objects": [{"object": "ball_0", "keyframes": [
        {"time": 0, "position": list(start)}, {"time": 1, "position": [start[0], start[1], -0.5]}]}]}
    laid, assets, proposal, _, _ = _model_plan(tmp_path, plan, text)
    planned, notes = plan_animation(laid, assets, proposal)
    assert any("did not hold" in n for n in notes)
    assert temporal_problems(planned, assets) == []
    assert planned.animation.objects[0].positions[-1][0] > start[0] + 0.3


def test_a_duration_in_the_instruction_sets_the_length_of_the_sequence():
    spec, _, _ = planned("a ball rolls to the right over two seconds")
    assert spec.animation.frames == 24 and spec.animation.fps == 12
    spec, _, _ = planned("a ball rolls to the right in 0.5 s")
    assert spec.animation.frames == 6
    spec, _, _ = planned("a ball rolls to the right over two seconds", frames=10)
    assert spec.animation.frames == 10, "--frames wins over the words"


def test_a_push_moves_what_is_pushed_through_the_rigid_body_world():
    spec, assets, notes = planned("the cat pushes the box", frames=16)
    assert notes == []
    tracks = {t.object: np.array(t.positions) for t in spec.animation.objects}
    cat, box = tracks["cat_0"], tracks["box_0"]
    way = box[0][:2] - cat[0][:2]
    way /= np.linalg.norm(way)
    assert float((box[-1][:2] - box[0][:2]) @ way) > 0.2, "the box went the way it was pushed"
    assert np.allclose(box[0], spec.object("box_0").position, atol=1e-3), "it waited to be pushed"
    assert abs(box[-1][2]) < 0.005, "and stayed on the floor"
    assert temporal_problems(spec, assets) == []


def test_slowly_goes_less_far_in_the_same_time():
    slow, _, _ = planned("a ball slowly rolls to the right", frames=12)
    usual, _, _ = planned("a ball rolls to the right", frames=12)
    run = lambda s: np.linalg.norm(np.subtract(s.animation.objects[0].positions[-1], s.animation.objects[0].positions[0]))  # noqa: E731
    assert run(slow) < 0.7 * run(usual)


# --- issue 9: motion not cancelled by its surroundings, speeds, orbits that frame everything ---------


def centre_track(spec, assets, oid):
    """The centre of an object's world box at every frame (a rolling ball's pose origin swings about it)."""
    obj = spec.object(oid)
    out = []
    for f in range(spec.animation.frames):
        pos, rot = frame_pose(spec, oid, f)
        lo, hi = world_bbox(obj.model_copy(update={"position": pos, "rotation": rot}), assets[oid])
        out.append((lo + hi) / 2)
    return np.array(out)


def seen_from_view_0(spec, points):
    """Points in view 0's camera space: x right, y up, z toward the viewer."""
    w2c = np.linalg.inv(np.array(spec.cameras[0].c2w))
    return np.asarray(points) @ w2c[:3, :3].T + w2c[:3, 3]


def test_a_place_phrase_places_the_mover_and_the_direction_words_win():
    spec, assets, notes = planned("a red ball rolls from right to left in front of a sofa", frames=12)
    ball = next(o.id for o in spec.objects if o.category == "ball")
    sofa = next(o.id for o in spec.objects if o.category == "sofa")
    [motion] = spec.motions
    assert motion.target is None and motion.direction == "left"
    assert any(r.subject == ball and r.predicate == "in_front_of" and r.object == sofa for r in spec.relations)
    x = seen_from_view_0(spec, centre_track(spec, assets, ball))[:, 0]
    assert x[0] - x[-1] > 1.2, "rolls well over a metre to the left, not 2 cm toward the sofa"
    assert all(b <= a + 1e-9 for a, b in zip(x, x[1:]))
    assert notes == [] and temporal_problems(spec, assets) == []


def test_a_target_ends_a_move_only_when_the_text_says_so():
    spec, assets, notes = planned("the cat walks to the sofa", frames=12)
    assert spec.motions[0].target == "sofa_0"
    cat = centre_track(spec, assets, "cat_0")
    sofa = np.array(spec.object("sofa_0").position)
    way = float(np.linalg.norm(cat[-1, :2] - cat[0, :2]))
    # The layout put the cat beside the sofa: the walk starts back where it has room to walk.
    assert way > 0.7, "not a walk of a few centimetres"
    assert np.linalg.norm(cat[-1, :2] - sofa[:2]) < np.linalg.norm(cat[0, :2] - sofa[:2]) - 0.7
    last = frame_pose(spec, "cat_0", 11)
    gap = body(assets["cat_0"], *last).outline.distance(body(assets["sofa_0"], spec.object("sofa_0").position,
                                                            spec.object("sofa_0").rotation).outline)
    assert gap < 0.1, "and ends at the sofa"
    assert notes == [] and temporal_problems(spec, assets) == []
    # "past" names a place, not where the move stops.
    spec, assets, _ = planned("a ball rolls past the sofa to the right", frames=12)
    assert spec.motions[0].target is None and spec.motions[0].direction == "right"
    x = seen_from_view_0(spec, centre_track(spec, assets, "ball_0"))[:, 0]
    assert x[-1] - x[0] > 1.2


def test_a_move_without_room_starts_where_it_has_room_or_says_it_was_shortened():
    from fyi.agents.planner import plan_animation as plan

    _, spec = collect("a ball rolls to the right", seed=0, quality="draft", views=1, frames=12, fps=12.0)
    laid = generate(spec).spec
    assets = assets_for(laid)
    w, d, _ = laid.room.size
    # The ball pushed against the right wall: it starts back to the left and still rolls the usual way.
    ball = laid.object("ball_0")
    radius = float(assets["ball_0"].dims[0]) / 2
    at_wall = laid.model_copy(update={"objects": [ball.model_copy(update={"position": (w / 2 - radius - 0.05, 0.0, 0.0)})]})
    moved, notes = plan(at_wall, assets)
    x = seen_from_view_0(moved, centre_track(moved, assets, "ball_0"))[:, 0]
    assert notes == [] and x[-1] - x[0] > 1.4
    # A ball on a stool has nowhere to go: the move is shorter, and the warning names it.
    spec, assets, notes = planned("a ball on a stool rolls to the right", frames=12)
    assert any(n.startswith("motion shortened: 'a ball on a stool rolls to the right'") and "stool_0" in n
               for n in notes), notes
    assert temporal_problems(spec, assets) == []


def test_speed_words_scale_how_far_a_move_goes():
    run = lambda s, a: float(np.linalg.norm(centre_track(s, a, "ball_0")[-1] - centre_track(s, a, "ball_0")[0]))  # noqa: E731
    usual = run(*planned("a ball rolls to the left", frames=12)[:2])
    for word in ("fast", "quickly", "rapidly"):
        spec, assets, notes = planned(f"a ball rolls {word} to the left", frames=12)
        assert run(spec, assets) > 1.8 * usual, word
        assert not any("ignored" in w for w in spec.warnings + notes), word
    # Too fast for the time it has: the move is made shorter, with a warning that names it.
    spec, assets, notes = planned("a ball rolls rapidly to the left in 0.4 s")
    assert any("motion shortened" in n and "rapidly" in n for n in notes), notes
    assert temporal_problems(spec, assets) == []
    # Outside a motion clause a speed word means nothing to FYI, and it says so.
    _, car = collect("a fast car", seed=0, quality="draft", views=1)
    assert any("ignored words: fast" in w for w in car.warnings)


def corners_in_picture(spec, assets, frame: int) -> bool:
    from fyi.agents.planner import _corners_at

    cam = spec.cameras[0]
    q = seen_from_view_0(spec.model_copy(update={"cameras": [cam.model_copy(update={"c2w": spec.animation.camera[frame]})]}),
                         _corners_at(spec, assets, frame))
    x = cam.fx * q[:, 0] / -q[:, 2] + cam.cx
    y = -cam.fy * q[:, 1] / -q[:, 2] + cam.cy
    return bool((q[:, 2] < 0).all() and (x >= 0).all() and (x <= cam.width).all() and (y >= 0).all()
                and (y <= cam.height).all())


def test_a_full_orbit_steps_evenly_frames_everything_and_stays_in_the_room():
    frames = 12
    spec, assets, notes = planned("a kitchen table with four chairs; the camera orbits the table", frames=frames)
    assert notes == []
    table = spec.object("table_0")
    lo, hi = world_bbox(table, assets["table_0"])
    centre = (lo + hi) / 2
    eyes = np.array([np.array(c)[:3, 3] for c in spec.animation.camera])
    angles = np.unwrap([math.atan2(e[1] - centre[1], e[0] - centre[0]) for e in eyes])
    assert np.allclose(np.abs(np.diff(angles)), 2 * math.pi / frames, atol=1e-6), "360/N degrees a frame"
    assert not np.allclose(spec.animation.camera[0], spec.animation.camera[-1], atol=1e-3), "no repeated frame"
    w, d, _ = spec.room.size
    assert (np.abs(eyes[:, 0]) < w / 2).all() and (np.abs(eyes[:, 1]) < d / 2).all(), "inside the walls"
    for f in range(frames):
        assert corners_in_picture(spec, assets, f), f"frame {f}: every object wholly in the picture"


def test_a_follow_keeps_everything_in_the_picture():
    spec, assets, notes = planned("a ball rolls to the left next to a chair; the camera follows the ball", frames=10)
    assert [m.verb for m in spec.motions] == ["roll", "follow"] and notes == []
    for f in range(10):
        assert corners_in_picture(spec, assets, f), f"frame {f}"
    x = seen_from_view_0(spec, centre_track(spec, assets, "ball_0"))[:, 0]
    assert x[0] - x[-1] > 1.0
    assert temporal_problems(spec, assets) == []


def test_an_orbit_that_cannot_fit_in_the_room_grows_the_room():
    from fyi.scenes.spec import Room

    spec, assets, _ = planned("the camera orbits the sofa", frames=8)
    sofa = spec.object("sofa_0")
    lo, hi = world_bbox(sofa, assets["sofa_0"])
    # A room no bigger than the sofa: no camera inside it can see the whole sofa.
    tight = spec.model_copy(update={"room": Room(type=spec.room.type, size=(float(hi[0] - lo[0]) + 0.4,
                                                                             float(hi[1] - lo[1]) + 0.4, 2.7)),
                                    "animation": None})
    tight = tight.model_copy(update={"objects": [sofa.model_copy(update={"position": (0.0, 0.0, 0.0)})]})
    replanned, notes = plan_animation(tight, assets)
    assert notes == []
    w, d, h = replanned.room.size
    assert w > tight.room.size[0] and d > tight.room.size[1], "the room grew around the orbit"
    eyes = np.array([np.array(c)[:3, 3] for c in replanned.animation.camera])
    assert (np.abs(eyes[:, 0]) < w / 2).all() and (np.abs(eyes[:, 1]) < d / 2).all() and (eyes[:, 2] < h).all(), \
        "every frame's camera inside the walls and under the ceiling: no frame looks into the void"
    for f in range(8):
        assert corners_in_picture(replanned, assets, f), "what is asked stays in the picture all the same"
