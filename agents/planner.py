"""The Planner: motions of the instruction -> a frame-by-frame Animation that holds together in time.

Offline it composes trajectories (eased moves, rolling, spins, falls in Blender's rigid-body world, camera
orbits, dollies, pans and follows), then checks the whole sequence: nothing interpenetrates at any
frame, moving objects stay on their support unless they fall, motion is smooth, and what moves stays
in frame. A failed check shortens the motion and plans again; a motion that cannot be made to hold
is dropped with a warning.
"""
from __future__ import annotations

import math
import re

import numpy as np

from fyi.assets.model import Asset
from fyi.agents.backend import MotionPlan
from fyi.scenes.cameras import frame_cameras, look_at
from fyi.scenes.geometry import (
    body, interpenetrate, quaternion_yaw, rotation_matrix, world_bbox, yaw_quaternion,
)
from fyi.scenes.layout import FLAT
from fyi.scenes.spec import PLACES, Animation, Motion, ObjectTrack, SceneSpec
from fyi.scenes.trajectory import (
    dolly_cameras, ease_in_out, frame_pose, linear_path, orbit_cameras, pan_cameras, rolling_rotations,
    spin_rotations,
)

DEFAULT_FRAMES = 24
DEFAULT_FPS = 12.0
MAX_ACCELERATION = 30.0  # m/s^2 for anything that does not fall
PUSH_SPEED = 0.9  # m/s: how fast something is pushed over an edge
CAMERA_VERBS = {"orbit", "approach", "retreat", "pan", "follow"}


def plan_animation(spec: SceneSpec, assets: dict[str, Asset],
                   proposal: MotionPlan | None = None) -> tuple[SceneSpec, list[str]]:
    """The spec with its Animation (None when nothing moves) and notes on what could not be done.

    A model's `proposal` (keyframes) is interpolated and checked like any plan; when it does not hold,
    the template planner plans instead.
    """
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
    scale = 1.0
    for _ in range(4):
        planned, dropped = _compose(spec, assets, frames, fps, scale)
        problems = temporal_problems(planned, assets)
        if not problems:
            return planned, notes + dropped
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


_SPEEDS = {"slowly": 0.5, "slow": 0.5, "gently": 0.6, "quickly": 1.0, "fast": 1.0, "rapidly": 1.0}


def speed_of(text: str) -> float:
    """How far a move goes in the sequence, relative to the way it has free: slow things go less far.
    (Fast ones already take all the way there is.)"""
    return min((_SPEEDS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in _SPEEDS), default=1.0)


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
        track = _object_track(spec, assets, m, frames, fps, scale)
        if track is None:
            dropped.append(f"motion not understood for {m.subject}: {m.text or m.verb}")
        else:
            tracks[m.subject] = track
    anim = Animation(fps=fps, frames=frames, camera=[spec.cameras[0].c2w] * frames, objects=list(tracks.values()))
    planned = spec.model_copy(update={"animation": anim})
    cam_motions = [m for m in spec.motions if m.subject == "camera"]
    if cam_motions:
        cams = _camera_path(planned, assets, cam_motions[0], frames)
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


def _object_track(spec, assets, m: Motion, frames: int, fps: float, scale: float) -> ObjectTrack | None:
    obj = spec.object(m.subject)
    asset = assets[obj.id]
    start = np.array(obj.position, float)
    rot = obj.rotation
    verb = m.verb
    if verb == "spin":
        return _track(obj.id, [start] * frames, spin_rotations(rot, frames))
    if verb == "fall" or (verb == "move" and m.direction == "down"):
        return _fall(spec, assets, obj, frames, fps)
    direction = _directions(spec).get(m.direction or "")
    if m.target:
        to = np.array(spec.object(m.target).position, float) - start
        to[2] = 0
        if np.linalg.norm(to) > 1e-6:
            direction = to / np.linalg.norm(to)
    if direction is None:
        direction = _directions(spec)["right"] if verb in ("roll", "move", "slide", "push") else None
    if direction is None or verb not in ("move", "roll", "slide", "push", "follow"):
        return None
    direction = direction * np.array([1.0, 1.0, 0.0])
    reach = _free_run(spec, assets, obj, direction) * scale * speed_of(m.text)
    if m.target:
        gap = _free_run(spec, assets, obj, direction, stop_at=m.target)
        reach = min(reach, gap * scale)
    # Centre the run on the solved pose so it stays in the room and in view ("rolls from right to left").
    back = min(reach / 2, _free_run(spec, assets, obj, -direction)) if not m.target else 0.0
    path = linear_path(start - direction * back, start + direction * (reach - back), frames)
    if verb == "roll":
        radius = max(0.02, float(asset.dims[2]) / 2)
        rots = rolling_rotations(path, radius, rot)
        # Poses turn about the base point; a ball turns about its centre, so carry the base around it.
        centre = np.array([0.0, 0.0, radius])
        path = [p + centre - rotation_matrix(q) @ centre for p, q in zip(path, rots)]
    else:
        rots = [rot] * frames
    return _track(obj.id, path, rots)


def _free_run(spec, assets, obj, direction: np.ndarray, stop_at: str | None = None) -> float:
    """How far an object can travel along `direction` before it meets a wall, another object or the
    edge of what it stands on (at most 1.5 m, and half the room for long rooms)."""
    asset = assets[obj.id]
    start = np.array(obj.position, float)
    others = {o.id: body(assets[o.id], o.position, o.rotation, o.scale) for o in spec.objects
              if o.id not in (obj.id, obj.support) and assets[o.id].dims[2] >= FLAT}
    holder = None
    if obj.support not in (None, *PLACES):
        s = spec.object(obj.support)
        holder = body(assets[s.id], s.position, s.rotation, s.scale)
    w, d, _ = spec.room.size or (20.0, 20.0, 10.0)
    limit = min(1.5, 0.6 * max(w, d))
    step, run = 0.02, 0.0
    while run + step <= limit:
        pos = start + direction * (run + step)
        b = body(asset, pos, obj.rotation, obj.scale)
        lo, hi = b.lo, b.hi
        if lo[0] < -w / 2 + 0.02 or hi[0] > w / 2 - 0.02 or lo[1] < -d / 2 + 0.02 or hi[1] > d / 2 - 0.02:
            break
        if holder is not None and not holder.outline.contains(b.outline.centroid):
            break
        if any(interpenetrate(b, ob) for oid, ob in others.items()):
            break
        if stop_at is not None and stop_at in others and b.outline.distance(others[stop_at].outline) < 0.05:
            break
        run += step
    return run


def _fall(spec, assets, obj, frames: int, fps: float) -> ObjectTrack:
    """Pushed over the edge of its support (the side facing view 0 when it is free), then Blender's
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
        # A steady push until its centre is past the edge, at a walking pace (it leaves the edge at that
        # speed), leaving the fall and the settling most of a second.
        run += 0.03
        slide = max(frames // 3, math.ceil(run * fps / PUSH_SPEED) + 1)
        slide = max(2, min(slide, frames - math.ceil(0.9 * fps)))
        scripted = [start + v * run * k / (slide - 1) for k in range(slide)]
    positions, rotations = simulate_fall(spec, assets, obj.id, [tuple(p) for p in scripted], frames, fps)
    return _track(obj.id, positions, rotations)


def _push(spec, assets, m: Motion, frames: int, fps: float, scale: float) -> dict[str, ObjectTrack]:
    """The pusher walks into what it pushes and on; Blender's rigid-body world moves what is pushed."""
    from fyi.render.physics import simulate

    pusher, pushed = spec.object(m.subject), spec.object(m.target)
    start = np.array(pusher.position, float)
    way = np.array(pushed.position, float) - start
    way[2] = 0
    direction = way / max(1e-9, float(np.linalg.norm(way)))
    contact = _free_run(spec, assets, pusher, direction, stop_at=pushed.id)
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


def _camera_path(spec, assets, m: Motion, frames: int) -> list[np.ndarray]:
    c2w = np.array(spec.cameras[0].c2w)
    if m.target:
        lo, hi = world_bbox(spec.object(m.target), assets[m.target])
        target = (lo + hi) / 2
    else:
        target = _scene_centre(spec, assets)
    if m.verb == "orbit":
        return orbit_cameras(c2w, target, frames, 360.0)
    if m.verb == "approach":
        return dolly_cameras(c2w, target, frames, 0.55)
    if m.verb == "retreat":
        return dolly_cameras(c2w, target, frames, 1.6)
    if m.verb == "pan":
        return pan_cameras(c2w, frames, -30.0 if m.direction == "right" else 30.0)
    if m.verb == "follow" and m.target:
        obj = spec.object(m.target)
        out = []
        for f in range(frames):
            m2 = c2w.copy()
            m2[:3, 3] += np.array(frame_pose(spec, obj.id, f)[0]) - np.array(obj.position)
            out.append(m2)
        return out
    return [c2w] * frames


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
    return np.array(frame_cameras(np.array(corners), 1, cam.width, cam.height, elevation=elevation)[0].c2w)


def temporal_problems(spec: SceneSpec, assets: dict[str, Asset]) -> list[str]:
    """What breaks over time: interpenetration, leaving a support, jerky motion, leaving the frame."""
    anim = spec.animation
    if anim is None:
        return []
    problems: list[str] = []
    moving = {t.object for t in anim.objects}
    falling = {m.subject for m in spec.motions if m.verb == "fall" or m.direction == "down"}
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

