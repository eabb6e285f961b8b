"""The Planner: motions of the instruction -> a frame-by-frame Animation that holds together in time.

Offline it composes trajectories (eased moves, rolling, spins, falls in Blender's rigid-body world, camera
orbits, dollies, pans and follows), then checks the whole sequence: nothing interpenetrates at any
frame, moving objects stay on their support unless they fall, motion is smooth, and what moves stays
in frame. A failed check shortens the motion and plans again; a motion that cannot be made to hold
is dropped with a warning.

A move goes the way its direction words say; a target ("rolls to the sofa") ends it where the text
says it ends. A move without room where the object stands starts where it has room (further back
along its way, or beside it) before it is made shorter, and a shorter move than asked is a warning
naming the motion. Orbiting and following cameras keep every object wholly in the picture in every
frame and, in a room, stay inside its walls (or say where they cannot).
"""
from __future__ import annotations

import math
import re

import numpy as np

from fyi.assets.model import Asset
from fyi.agents.backend import MotionPlan
from fyi.agents.parser import SPEED_WORDS
from fyi.scenes.asset_loader import assets_for
from fyi.scenes.cameras import frame_cameras, look_at, room_holding
from fyi.scenes.clutter import in_the_way
from fyi.scenes.geometry import (
    FLAT, body, interpenetrate, quaternion_yaw, rotation_matrix, world_bbox, yaw_quaternion,
)
from fyi.scenes.spec import PLACES, Animation, Motion, ObjectTrack, SceneSpec
from fyi.scenes.trajectory import (
    axis_angle, dolly_cameras, ease_in_out, frame_pose, framed_follow, framed_orbit, linear_path, pan_cameras,
    quat_multiply, rolling_rotations, spin_rotations, tilt_cameras, times,
)

DEFAULT_FRAMES = 24
DEFAULT_FPS = 12.0
MAX_ACCELERATION = 30.0  # m/s^2 for anything that does not fall
PUSH_SPEED = 0.9  # m/s: how fast something is pushed over an edge
USUAL_RUN = 1.5  # metres a move covers in the sequence at an ordinary pace, room permitting
CAMERA_VERBS = {"orbit", "approach", "retreat", "pan", "follow"}


def plan_animation(spec: SceneSpec, assets: dict[str, Asset],
                   proposal: MotionPlan | None = None) -> tuple[SceneSpec, list[str]]:
    """The spec with its Animation (None when nothing moves) and notes on what could not be done.

    A model's `proposal` (keyframes) is interpolated and checked like any plan; when it does not hold,
    the template planner plans instead. A camera path that must leave the room to keep everything in
    the picture (an orbit round a sofa against a wall) takes the room with it: the room grows, so no
    frame looks past the floor's edge into the void.
    """
    planned, notes = _plan(spec, assets, proposal)
    if planned.animation is not None:
        eyes = [np.array(c2w)[:3, 3] for c2w in planned.animation.camera]
        planned = planned.model_copy(update={"room": room_holding(planned.room, eyes)})
    return planned, notes


def _plan(spec: SceneSpec, assets: dict[str, Asset], proposal: MotionPlan | None) -> tuple[SceneSpec, list[str]]:
    if not spec.motions or not spec.cameras:
        return spec, []
    fps = spec.render.fps if spec.render.frames else DEFAULT_FPS
    seconds = max((duration_of(m.text) or 0.0) for m in spec.motions)
    frames = spec.render.frames or (max(2, min(240, round(seconds * fps))) if seconds else DEFAULT_FRAMES)
    notes: list[str] = []
    if proposal is not None and (proposal.objects or proposal.camera):
        planned = _from_keyframes(spec, assets, proposal, frames, fps)
        problems = temporal_problems(planned, assets)
        if not problems:
            return planned, []
        notes.append(f"the model's motion plan did not hold ({problems[0]}); planned from templates instead")
    scale, first_problems = 1.0, []
    for _ in range(4):
        planned, dropped = _compose(spec, assets, frames, fps, scale)
        problems = temporal_problems(planned, assets) if planned.animation is not None else []
        if not problems:
            if scale < 1.0:
                notes += [f"motion shortened to {scale:.0%} of its length (at full length {first_problems[0]}): "
                          f"{m.text or m.verb}"
                          for m in spec.motions if m.subject != "camera" and m.verb in _MOVES]
            return planned, notes + dropped
        if scale == 1.0:
            first_problems = problems
        scale *= 0.6
    # Keep only the camera: object motions that never held are reported, not rendered broken.
    camera_only = spec.model_copy(update={"motions": [m for m in spec.motions if m.subject == "camera"]})
    planned, dropped = _compose(camera_only, assets, frames, fps, 1.0)
    notes += [f"motion dropped, it could not be planned without {problems[0]}"] + dropped
    if temporal_problems(planned, assets):
        return spec.model_copy(update={"animation": None}), notes
    return planned, notes


_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "half a": 0.5, "a couple of": 2, "a few": 3}
_DURATION = re.compile(r"\b(?:over|in|for|during|within)\s+(?:the\s+(?:next|course\s+of)\s+)?"
                       r"(\d+(?:\.\d+)?|half an?|a couple of|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten)"
                       r"\s*(seconds?|secs?|s|minutes?|mins?)\b")


_MOVES = ("move", "roll", "slide", "push", "follow", "retreat")


def speed_of(text: str) -> float:
    """How far a move goes in the same time, relative to an ordinary pace: the first speed word of
    its clause ("slowly": half as far, "fast": twice as far)."""
    return next((SPEED_WORDS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in SPEED_WORDS), 1.0)


def duration_of(text: str) -> float | None:
    """Seconds a motion clause asks for ("over two seconds", "in 1.5 s"), or None."""
    m = _DURATION.search(text.lower())
    if not m:
        return None
    amount = m.group(1)
    value = float(amount) if amount[0].isdigit() else _NUMBER_WORDS.get(amount.replace("half an", "half a"), 1)
    return value * (60.0 if m.group(2).startswith("m") else 1.0)


def _from_keyframes(spec: SceneSpec, assets: dict[str, Asset], plan: MotionPlan, frames: int, fps: float) -> SceneSpec:
    """Keyframes interpolated per frame (eased or linear); the camera keeps view 0's intrinsics."""
    t = np.linspace(0.0, 1.0, frames)
    tracks = []
    for track in plan.objects:
        keys = sorted(track.keyframes, key=lambda k: k.time)
        times_k = np.array([k.time for k in keys])
        s = ease_in_out(t) if track.easing == "ease_in_out" else t
        pos = np.stack([np.interp(s, times_k, [k.position[i] for k in keys]) for i in range(3)], axis=1)
        obj = spec.object(track.object)
        base_yaw = quaternion_yaw(obj.rotation) or 0.0
        yaws = [math.radians(k.yaw_degrees) if k.yaw_degrees is not None else base_yaw for k in keys]
        rots = [yaw_quaternion(float(y)) for y in np.interp(s, times_k, yaws)]
        tracks.append(_track(track.object, pos, rots))
    if plan.camera:
        keys = sorted(plan.camera, key=lambda k: k.time)
        times_k = np.array([k.time for k in keys])
        s = ease_in_out(t)
        eye = np.stack([np.interp(s, times_k, [k.position[i] for k in keys]) for i in range(3)], axis=1)
        at = np.stack([np.interp(s, times_k, [k.look_at[i] for k in keys]) for i in range(3)], axis=1)
        cams = [look_at(e, a) for e, a in zip(eye, at)]
    else:
        still = Animation(fps=fps, frames=frames, objects=tracks, camera=[spec.cameras[0].c2w] * frames)
        cams = [_static_camera(spec.model_copy(update={"animation": still}), assets)] * frames
    anim = Animation(fps=fps, frames=frames, objects=tracks,
                     camera=[tuple(tuple(round(float(v), 6) for v in row) for row in c) for c in cams])
    return spec.model_copy(update={"animation": anim})


def _compose(spec: SceneSpec, assets: dict[str, Asset], frames: int, fps: float, scale: float):
    tracks: dict[str, ObjectTrack] = {}
    dropped: list[str] = []
    for m in spec.motions:
        if m.subject == "camera":
            continue
        if m.verb == "push" and m.target and m.target != m.subject:
            tracks.update(_push(spec, assets, m, frames, fps, scale))
            continue
        track, note = _object_track(spec, assets, m, frames, fps, scale)
        if track is None:
            dropped.append(f"motion not understood for {m.subject}: {m.text or m.verb}")
        else:
            tracks[m.subject] = track
        if note:
            dropped.append(note)
    anim = Animation(fps=fps, frames=frames, camera=[spec.cameras[0].c2w] * frames, objects=list(tracks.values()))
    planned = spec.model_copy(update={"animation": anim})
    cam_motions = [m for m in spec.motions if m.subject == "camera"]
    if cam_motions:
        cams, note = _camera_path(planned, assets, cam_motions[0], frames)
        if note:
            dropped.append(note)
        dropped += [f"one camera move at a time: planned {cam_motions[0].text or cam_motions[0].verb!r}, "
                    f"not {m.text or m.verb!r}" for m in cam_motions[1:]]
    else:
        cams = [_static_camera(planned, assets)] * frames
    anim = anim.model_copy(update={"camera": [tuple(tuple(round(float(v), 6) for v in row) for row in c) for c in cams]})
    return spec.model_copy(update={"animation": anim}), dropped


def _directions(spec: SceneSpec) -> dict[str, np.ndarray]:
    """Viewer-relative directions on the floor, as seen from view 0."""
    c2w = np.array(spec.cameras[0].c2w)
    right = c2w[:3, 0].copy()
    right[2] = 0
    right /= np.linalg.norm(right)
    away = np.array([-right[1], right[0], 0.0])  # left-handed turn of right: into the picture
    return {"right": right, "left": -right, "forward": away, "away": away, "backward": -away,
            "toward_camera": -away, "up": np.array([0.0, 0.0, 1.0]), "down": np.array([0.0, 0.0, -1.0])}


def _object_track(spec, assets, m: Motion, frames: int, fps: float,
                  scale: float) -> tuple[ObjectTrack | None, str | None]:
    """The track of one object's own motion, and a note when it goes less far than asked."""
    obj = spec.object(m.subject)
    asset = assets[obj.id]
    rot = obj.rotation
    verb = m.verb
    if verb == "spin":
        return _track(obj.id, [np.array(obj.position, float)] * frames, spin_rotations(rot, frames)), None
    if verb == "fall" or (verb == "move" and m.direction == "down"):
        return _fall(spec, assets, obj, frames, fps, m.direction), None
    if verb == "tip":
        return _tip(spec, assets, obj, frames, fps), None
    if verb not in _MOVES:
        return None, None
    # Direction words win: "rolls to the left in front of the sofa" goes left. A target ("to the sofa")
    # gives the way only when no direction word does, and ends the move wherever it comes.
    direction = _directions(spec).get(m.direction or "")
    toward = None
    if m.target and m.target != obj.id:
        toward = np.array(spec.object(m.target).position, float)
        if verb == "retreat" and direction is None:  # "the dog walks away from the sofa"
            way = np.array(obj.position, float) - toward
            way[2] = 0
            direction = way / max(1e-9, float(np.linalg.norm(way)))
            toward = None
    if direction is None and toward is None:
        direction = _directions(spec)["right"]
    if direction is not None:
        direction = direction * np.array([1.0, 1.0, 0.0])  # moves keep to their support; falls go down
        if np.linalg.norm(direction) < 1e-9:  # "up": nothing here lifts a thing off what it stands on
            return None, f"nothing lifts {obj.id} off what it stands on; it stays: {m.text or verb}"
    wanted = USUAL_RUN * speed_of(m.text) * scale
    stop_at = m.target if m.target and verb != "retreat" else None
    begin, end, stopped_by = _room_to_move(spec, assets, obj, direction, toward, stop_at, wanted)
    run = float(np.linalg.norm(end - begin))
    note = None
    # Arriving at the target is the end the text asked for; anything else shorter than asked is said.
    short = run < 0.5 * wanted if stop_at and stopped_by == stop_at else run < 0.9 * wanted
    if short:
        note = (f"motion shortened: {m.text or verb!r} goes {run:.2f} m of the {wanted:.2f} m asked "
                f"({stopped_by or 'no room'} in the way)")
    path = linear_path(begin, end, frames)
    if verb == "roll":
        radius = max(0.02, float(asset.dims[2]) / 2)
        rots = rolling_rotations(path, radius, rot)
        # Poses turn about the base point; a ball turns about its centre, so carry the base around it.
        centre = np.array([0.0, 0.0, radius])
        path = [p + centre - rotation_matrix(q) @ centre for p, q in zip(path, rots)]
    else:
        rots = [rot] * frames
    return _track(obj.id, path, rots), note


def _room_to_move(spec, assets, obj, direction: np.ndarray | None, toward: np.ndarray | None,
                  target: str | None, wanted: float) -> tuple[np.ndarray, np.ndarray, str | None]:
    """Where a move of `wanted` metres begins and ends, and what ends it early (None when nothing does).

    The run goes through the solved pose, centred on it when it can (so it stays in the room and in
    view); when the way ahead is short it starts further back. A target ends the run when it is
    reached. When the line through the pose has too little room, lines beside it are tried.
    """
    start = np.array(obj.position, float)
    best = None
    lateral = (0.0, 0.25, -0.25, 0.5, -0.5, 0.75, -0.75, 1.0, -1.0)
    first_way = direction
    if first_way is None:
        first_way = (toward - start) * np.array([1.0, 1.0, 0.0])
        first_way = first_way / max(1e-9, float(np.linalg.norm(first_way)))
    side = np.array([-first_way[1], first_way[0], 0.0])
    for offset in lateral:
        way = direction
        origin = start + side * offset
        if offset and not _fits(spec, assets, obj, origin):
            continue
        if direction is None:  # aim from this origin at the target
            way = toward - origin
            way[2] = 0
            if np.linalg.norm(way) < 1e-6:
                continue
            way = way / float(np.linalg.norm(way))
        ahead, blocker = _free_run(spec, assets, obj, way, stop_at=target, start=origin, limit=wanted)
        if blocker == target and target is not None:
            back = 0.0 if ahead >= wanted else _free_run(spec, assets, obj, -way, start=origin,
                                                          limit=wanted - ahead)[0]
        else:
            behind = _free_run(spec, assets, obj, -way, start=origin, limit=wanted)[0]
            back = min(wanted / 2, behind)
            back = max(back, min(wanted - ahead, behind))
            ahead = min(ahead, wanted - back)
        run = back + ahead
        candidate = (run, origin - way * back, origin + way * ahead, blocker if run < wanted - 1e-6 else None)
        if best is None or run > best[0] + 0.05:
            best = candidate
        if run >= wanted - 1e-6 or (blocker == target and target is not None and run >= 0.5 * wanted):
            break
    if best is None:  # standing on its target: nowhere to go
        return start, start, target
    return best[1], best[2], best[3]


def _fits(spec, assets, obj, pos: np.ndarray) -> bool:
    """Whether `obj` can stand at `pos`: inside the room, on what holds it, through nothing."""
    return _free_run(spec, assets, obj, np.array([1.0, 0.0, 0.0]), start=pos, limit=0.0, probe_start=True)[1] is None


def _free_run(spec, assets, obj, direction: np.ndarray, stop_at: str | None = None, *,
              start: np.ndarray | None = None, limit: float = USUAL_RUN,
              probe_start: bool = False) -> tuple[float, str | None]:
    """How far an object can travel from `start` (its pose) along `direction`, at most `limit`, and
    what stops it: "a wall", "the edge of <support>", another object's id, `stop_at` when it is
    reached, or None when nothing does."""
    asset = assets[obj.id]
    start = np.array(obj.position if start is None else start, float)
    others = {o.id: body(assets[o.id], o.position, o.rotation, o.scale) for o in spec.objects
              if o.id not in (obj.id, obj.support) and assets[o.id].dims[2] >= FLAT}
    holder = None
    if obj.support not in (None, *PLACES):
        s = spec.object(obj.support)
        holder = body(assets[s.id], s.position, s.rotation, s.scale)
    w, d, _ = spec.room.size or (20.0, 20.0, 10.0)
    step, run = 0.02, 0.0
    steps = [0.0] if probe_start else []
    while run + step <= limit + 1e-9:
        steps.append(run + step)
        run += step
    run = 0.0
    for s_ in steps:
        b = body(asset, start + direction * s_, obj.rotation, obj.scale)
        lo, hi = b.lo, b.hi
        if lo[0] < -w / 2 + 0.02 or hi[0] > w / 2 - 0.02 or lo[1] < -d / 2 + 0.02 or hi[1] > d / 2 - 0.02:
            return run, "a wall"
        if holder is not None and not holder.outline.contains(b.outline.centroid):
            return run, f"the edge of {obj.support}"
        hit = next((oid for oid, ob in others.items() if interpenetrate(b, ob)), None)
        if hit is not None:
            return run, hit
        if stop_at is not None and stop_at in others and b.outline.distance(others[stop_at].outline) < 0.05:
            return run, stop_at
        run = s_
    return run, None


def _fall(spec, assets, obj, frames: int, fps: float, way: str | None = None) -> ObjectTrack:
    """Pushed over the edge of its support (the `way` it was going, "slides to the right off the table";
    else the side facing view 0 when it is free), then Blender's
    rigid-body world takes it down to the floor, tumbling, bouncing and settling as it will. Something
    standing on the floor is let go from a little above where it stands."""
    from fyi.render.physics import simulate_fall  # bpy: only when something falls

    start = np.array(obj.position, float)
    asset = assets[obj.id]
    if obj.support in (None, *PLACES):
        scripted = [start + np.array([0.0, 0.0, max(0.5, float(asset.dims[2]))])]
    else:
        s = spec.object(obj.support)
        holder = body(assets[s.id], s.position, s.rotation, s.scale).outline
        dirs = _directions(spec)
        runs = []
        for name in ("toward_camera", "right", "left", "away"):
            v, run = dirs[name], 0.0
            while holder.contains(_point(start + v * run)) and run < 5:
                run += 0.01
            runs.append((v, run))
        # The side facing view 0 (else a side) unless its edge is far: a box falling behind the table
        # is a box the main view never sees land.
        shortest = min(r for _, r in runs)
        v, run = next((v, r) for v, r in runs if r <= max(2 * shortest, 1.0))
        if way in ("toward_camera", "right", "left", "away"):
            v, run = runs[("toward_camera", "right", "left", "away").index(way)]
        # A steady push until its centre is past the edge, at a walking pace (it leaves the edge at that
        # speed), leaving the fall and the settling most of a second.
        run += 0.03
        slide = max(frames // 3, math.ceil(run * fps / PUSH_SPEED) + 1)
        slide = max(2, min(slide, frames - math.ceil(0.9 * fps)))
        scripted = [start + v * run * k / (slide - 1) for k in range(slide)]
    positions, rotations = simulate_fall(spec, assets, obj.id, [tuple(p) for p in scripted], frames, fps)
    return _track(obj.id, positions, rotations)


TIP_SECONDS = 0.6  # a thing tipping over, from the moment it goes to lying on its side


def _tip(spec, assets, obj, frames: int, fps: float) -> ObjectTrack:
    """Tips over sideways as seen from view 0 (to the side with more room on what it stands on), turning
    a quarter turn about its bottom edge on that side, faster and faster as a falling thing does, then
    lies still on its side."""
    pos = np.array(obj.position, float)
    lo, hi = world_bbox(obj, assets[obj.id])
    dirs = _directions(spec)
    if obj.support in (None, *PLACES):
        holder = None
    else:
        s = spec.object(obj.support)
        holder = body(assets[s.id], s.position, s.rotation, s.scale).outline

    def room(v):  # how far its support reaches that way (the room's floor: far)
        if holder is None:
            return 5.0
        run = 0.0
        while holder.contains(_point(pos + v * run)) and run < 5:
            run += 0.01
        return run

    side = max((dirs["right"], dirs["left"]), key=room)
    corners = np.array([(x, y, lo[2]) for x in (lo[0], hi[0]) for y in (lo[1], hi[1])])
    pivot = pos + side * float(max((corners - pos) @ side))
    pivot[2] = lo[2]
    axis = np.cross([0.0, 0.0, 1.0], side)
    start = int(frames > 2)  # upright in the first frame
    span = max(2, round(TIP_SECONDS * fps))
    positions, rotations = [], []
    for f in range(frames):
        t = min(1.0, max(0.0, (f - start) / span))
        angle = math.pi / 2 * t * t  # gravity: slow to go, fast to land
        q = axis_angle(axis, angle)
        turn = rotation_matrix(q)
        positions.append(pivot + turn @ (pos - pivot))
        rotations.append(quat_multiply(q, obj.rotation))
    return _track(obj.id, positions, rotations)


def _push(spec, assets, m: Motion, frames: int, fps: float, scale: float) -> dict[str, ObjectTrack]:
    """The pusher walks into what it pushes and on; Blender's rigid-body world moves what is pushed."""
    from fyi.render.physics import simulate

    pusher, pushed = spec.object(m.subject), spec.object(m.target)
    start = np.array(pusher.position, float)
    way = np.array(pushed.position, float) - start
    way[2] = 0
    direction = way / max(1e-9, float(np.linalg.norm(way)))
    contact = _free_run(spec, assets, pusher, direction, stop_at=pushed.id)[0]
    reach = contact + 0.5 * scale  # on past the point of contact
    path = linear_path(start, start + direction * reach, frames)
    poses = simulate(spec, assets, {pusher.id: [tuple(p) for p in path]}, {pushed.id}, frames, fps)
    return {oid: _track(oid, *poses[oid]) for oid in (pusher.id, pushed.id)}


def _point(p):
    from shapely.geometry import Point

    return Point(float(p[0]), float(p[1]))


def _track(oid: str, positions, rotations) -> ObjectTrack:
    return ObjectTrack(object=oid, positions=[tuple(round(float(c), 6) for c in p) for p in positions],
                       rotations=[tuple(round(float(c), 9) for c in q) for q in rotations])


def _scene_centre(spec, assets) -> np.ndarray:
    boxes = [world_bbox(o, assets[o.id]) for o in spec.objects]
    lo = np.min([b[0] for b in boxes], axis=0)
    hi = np.max([b[1] for b in boxes], axis=0)
    return (lo + hi) / 2


def _camera_path(spec, assets, m: Motion, frames: int) -> tuple[list[np.ndarray], str | None]:
    """The camera's pose at every frame for a camera motion, and a note on what it could not keep."""
    c2w = np.array(spec.cameras[0].c2w)
    if m.target:
        lo, hi = world_bbox(spec.object(m.target), assets[m.target])
        target = (lo + hi) / 2
    else:
        target = _scene_centre(spec, assets)
    if m.verb in ("orbit", "follow"):
        return _framing_path(spec, assets, m, frames, target), None
    verb = _camera_verb(m)
    if verb == "approach":
        return dolly_cameras(c2w, target, frames, 0.55), None
    if verb == "retreat":
        return dolly_cameras(c2w, target, frames, 1.6), None
    if verb == "pan" and m.direction in ("up", "down"):  # a tilt: the camera turns about its own right axis
        return tilt_cameras(c2w, frames, TILT_DEGREES if m.direction == "up" else -TILT_DEGREES), None
    if verb == "pan":
        return pan_cameras(c2w, frames, -30.0 if m.direction == "right" else 30.0), None
    if verb == "crane":  # rises or lowers, still looking at what it looked at
        rise = CRANE_RISE * (1.0 if m.direction == "up" else -1.0)
        eye = c2w[:3, 3]
        rise = max(rise, 0.2 - eye[2])  # not through the floor
        return [look_at(eye + np.array([0.0, 0.0, rise * float(s)]), target)
                for s in ease_in_out(times(frames))], None
    if verb == "truck":  # sideways, still looking at what it looked at
        side = np.array(c2w[:3, 0]) * (1.0 if m.direction == "right" else -1.0)
        shift = TRUCK_SHARE * float(np.linalg.norm(c2w[:3, 3] - target))
        return [look_at(c2w[:3, 3] + side * shift * float(s), target) for s in ease_in_out(times(frames))], None
    return [c2w] * frames, f"camera motion not understood, the camera stays still: {m.text or m.verb}"


TILT_DEGREES = 15.0
CRANE_RISE = 0.8     # metres a camera rises or lowers in a crane move
TRUCK_SHARE = 0.5    # of its distance to what it looks at, a camera moves sideways


def _camera_verb(m: Motion) -> str:
    """The camera move a motion asks for: a plain "moves"/"rises" says it by its direction ("moves toward
    the table" is a dolly in, "rises" a crane up, "moves left" a truck)."""
    if m.verb != "move":
        return m.verb
    return {"up": "crane", "down": "crane", "forward": "approach", "toward_camera": "retreat",
            "backward": "retreat", "away": "retreat", "left": "truck", "right": "truck"}.get(
        m.direction or "", "approach" if m.target else m.verb)


def _framing_path(spec, assets, m: Motion, frames: int, target: np.ndarray) -> list[np.ndarray]:
    """An orbit around `target` or a follow of `m.target` that holds every object wholly in the
    picture at every frame, starting from view 0's side and height, inside the room's walls where they
    leave room (else plan_animation grows the room around the path)."""
    cam = spec.cameras[0]
    c2w = np.array(cam.c2w)
    fwd = -c2w[:3, 2]
    elevation = math.degrees(math.asin(max(-1.0, min(1.0, -fwd[2]))))
    points = [_corners_at(spec, assets, f) for f in range(frames)]
    room = spec.room
    footprint = tuple(room.size[:2]) if room.size and room.walls and room.type != "outdoors" else None
    if m.verb == "orbit":
        eye = c2w[:3, 3]
        azimuth = math.atan2(eye[1] - target[1], eye[0] - target[0])
        return framed_orbit(points, target, cam, azimuth=azimuth, elevation=elevation, footprint=footprint)
    if not m.target:
        return [c2w] * frames
    followed = spec.object(m.target)
    centres = []
    for f in range(frames):
        pos, rot = frame_pose(spec, followed.id, f)
        lo, hi = world_bbox(followed.model_copy(update={"position": pos, "rotation": rot}), assets[followed.id])
        centres.append((lo + hi) / 2)
    return framed_follow(points, centres, cam, azimuth=math.atan2(-fwd[1], -fwd[0]), elevation=elevation,
                         footprint=footprint)


def _corners_at(spec, assets, frame: int) -> np.ndarray:
    """The corners of every object's world box at `frame` (8 per object)."""
    corners = []
    for o in spec.objects:
        pos, rot = frame_pose(spec, o.id, frame)
        lo, hi = world_bbox(o.model_copy(update={"position": pos, "rotation": rot}), assets[o.id])
        corners += [(x, y, z) for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])]
    return np.array(corners)


def _static_camera(spec, assets) -> np.ndarray:
    """View 0's direction, backed off until every pose of every frame is in the picture."""
    corners = []
    for o in spec.objects:
        for f in range(spec.animation.frames) if any(t.object == o.id for t in spec.animation.objects) else [0]:
            pos, rot = frame_pose(spec, o.id, f)
            lo, hi = world_bbox(o.model_copy(update={"position": pos, "rotation": rot}), assets[o.id])
            corners += [(x, y, z) for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])]
    cam = spec.cameras[0]
    c2w = np.array(cam.c2w)
    fwd = -c2w[:3, 2]
    elevation = math.degrees(math.asin(max(-1.0, min(1.0, -fwd[2]))))
    # Frames keep view 0's lens, so this camera backs off rather than widen it (the room grows if it must).
    return np.array(frame_cameras(np.array(corners), 1, cam.width, cam.height, elevation=elevation)[0].c2w)


def temporal_problems(spec: SceneSpec, assets: dict[str, Asset]) -> list[str]:
    """What breaks over time: interpenetration, leaving a support, jerky motion, leaving the frame."""
    anim = spec.animation
    if anim is None:
        return []
    problems: list[str] = []
    moving = {t.object for t in anim.objects}
    falling = {m.subject for m in spec.motions if m.verb in ("fall", "tip") or m.direction == "down"}
    # What is pushed is free to go where the push and gravity take it, and touches its pusher.
    pushed = {m.target for m in spec.motions if m.verb == "push" and m.target}
    contact = {frozenset((m.subject, m.target)) for m in spec.motions if m.verb == "push" and m.target}
    cam = spec.cameras[0]
    rest_z = {o.id: body(assets[o.id], o.position, o.rotation, o.scale).z0 for o in spec.objects}
    centres: dict[str, list[np.ndarray]] = {oid: [] for oid in moving}
    for f in range(anim.frames):
        bodies = {}
        for o in spec.objects:
            pos, rot = frame_pose(spec, o.id, f)
            bodies[o.id] = body(assets[o.id], pos, rot, o.scale)
        for oid in moving:
            o = spec.object(oid)
            b = bodies[oid]
            centres[oid].append(b.center)
            for other in spec.objects:
                if other.id == oid or other.id == o.support or other.support == oid \
                        or frozenset((oid, other.id)) in contact:
                    continue
                ob = bodies[other.id]
                if min(b.z1 - b.z0, ob.z1 - ob.z0) < FLAT:
                    continue
                if interpenetrate(b, ob):
                    problems.append(f"{oid} passes through {other.id} at frame {f}")
            if oid not in falling | pushed and abs(b.z0 - rest_z[oid]) > 0.01:
                problems.append(f"{oid} leaves its support at frame {f}")
            if not _in_frame(b.center, np.array(anim.camera[f]), cam):
                problems.append(f"{oid} leaves the frame at frame {f}")
        if problems:
            return problems
    for oid, path in centres.items():
        if oid in falling | pushed or len(path) < 3:
            continue
        # The centre's path: a rolling ball's base point swings about its centre, its centre does not.
        acc = np.linalg.norm(np.diff(np.array(path), 2, axis=0), axis=1) * anim.fps ** 2
        if acc.max() > MAX_ACCELERATION:
            problems.append(f"{oid} accelerates at {acc.max():.1f} m/s^2")
    return problems


def _in_frame(p: np.ndarray, c2w: np.ndarray, cam) -> bool:
    q = np.linalg.inv(c2w) @ np.append(p, 1.0)
    if q[2] >= -1e-3:
        return False
    x = cam.fx * q[0] / -q[2] + cam.cx
    y = -cam.fy * q[1] / -q[2] + cam.cy
    return 0 <= x <= cam.width and 0 <= y <= cam.height


def with_context_kept(planned: SceneSpec, full: SceneSpec) -> tuple[SceneSpec, list[str]]:
    """`planned` (the requested objects, planned) with `full`'s context objects back, but for those a
    moving thing or camera passes through, and hung ones when the planner moved the walls."""
    context = [o for o in full.objects if o.context]
    if not context:
        return planned, []
    grew = planned.room.size != full.room.size
    kept = [o for o in context if not (grew and o.support == "wall")]
    spec = planned.model_copy(update={"objects": [*planned.objects, *kept]})
    drop = set(in_the_way(spec, assets_for(spec)))
    spec = spec.model_copy(update={"objects": [o for o in spec.objects if o.id not in drop]})
    return spec, sorted(drop | {o.id for o in context if o not in kept})
