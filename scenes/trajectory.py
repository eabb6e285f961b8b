"""Trajectories: where a moving object or the camera is at every frame.

Pure functions of time: easing for moves, rolling without slipping,
orbits and dollies for the camera. The Planner composes them into a spec's Animation.
"""
from __future__ import annotations

import math

import numpy as np

from fyi.errors import FyiError
from fyi.scenes.cameras import STEEPEST, WALL_CLEARANCE, fit_distance, look_at, viewing_direction
from fyi.scenes.spec import Animation, CameraSpec, Quat, SceneSpec


def ease_in_out(t: np.ndarray) -> np.ndarray:
    """Smootherstep: zero velocity and acceleration at both ends."""
    t = np.clip(t, 0.0, 1.0)
    return t * t * t * (t * (t * 6 - 15) + 10)


def times(frames: int) -> np.ndarray:
    return np.linspace(0.0, 1.0, frames)


def linear_path(start: np.ndarray, end: np.ndarray, frames: int) -> np.ndarray:
    s = ease_in_out(times(frames))[:, None]
    return start[None] + s * (end - start)[None]


def quat_multiply(a: Quat, b: Quat) -> Quat:
    w1, x1, y1, z1 = a
    w2, x2, y2, z2 = b
    return (w1 * w2 - x1 * x2 - y1 * y2 - z1 * z2, w1 * x2 + x1 * w2 + y1 * z2 - z1 * y2,
            w1 * y2 - x1 * z2 + y1 * w2 + z1 * x2, w1 * z2 + x1 * y2 - y1 * x2 + z1 * w2)


def axis_angle(axis: np.ndarray, angle: float) -> Quat:
    axis = axis / max(1e-12, float(np.linalg.norm(axis)))
    s = math.sin(angle / 2)
    return (math.cos(angle / 2), float(axis[0] * s), float(axis[1] * s), float(axis[2] * s))


def rolling_rotations(path: np.ndarray, radius: float, start: Quat) -> list[Quat]:
    """Rotations of a ball rolling without slipping along `path` (turned about the axis across its way)."""
    out = [start]
    q = start
    for a, b in zip(path[:-1], path[1:]):
        step = b - a
        dist = float(np.hypot(step[0], step[1]))
        if dist > 1e-9:
            axis = np.cross([0.0, 0.0, 1.0], [step[0], step[1], 0.0])
            q = quat_multiply(axis_angle(axis, dist / radius), q)
        out.append(q)
    return out


def spin_rotations(start: Quat, frames: int, turns: float = 1.0) -> list[Quat]:
    s = ease_in_out(times(frames))
    return [quat_multiply(axis_angle(np.array([0.0, 0.0, 1.0]), 2 * math.pi * turns * float(v)), start) for v in s]


def turn_fractions(frames: int, degrees: float) -> np.ndarray:
    """How far along its turn each frame is. A full turn steps 1/frames a frame at a steady pace, so
    its last frame is one step short of the first (a loop does not show the same picture twice);
    a partial turn eases in and out and ends where it was asked to."""
    return np.arange(frames) / frames if degrees >= 360 else ease_in_out(times(frames))


def orbit_cameras(c2w: np.ndarray, target: np.ndarray, frames: int, degrees: float = 360.0) -> list[np.ndarray]:
    """The camera carried around the vertical axis through `target`, looking at it all along."""
    out = []
    for s in turn_fractions(frames, degrees):
        a = math.radians(degrees) * float(s)
        r = np.eye(4)
        r[:2, :2] = [[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]]
        shift = np.eye(4)
        shift[:3, 3] = -target
        back = np.eye(4)
        back[:3, 3] = target
        out.append(back @ r @ shift @ c2w)
    return out


def inside_footprint(eye: np.ndarray, footprint: tuple[float, float] | None) -> bool:
    """Whether a camera at `eye` stands inside a room of `footprint` (width, depth; None: no walls)."""
    return footprint is None or (abs(float(eye[0])) <= footprint[0] / 2 - WALL_CLEARANCE
                                 and abs(float(eye[1])) <= footprint[1] / 2 - WALL_CLEARANCE)


def _elevations(start: float) -> list[float]:
    """Elevations (radians) to try, lowest first: the one asked for, then climbing in 5 degree steps."""
    lo = min(max(start, 5.0), STEEPEST)
    return [math.radians(e) for e in [lo, *np.arange(5.0 * math.ceil(lo / 5.0 + 1e-9), STEEPEST + 1e-9, 5.0)]]


def _room_reach(centre: np.ndarray, azimuth: float, footprint: tuple[float, float] | None) -> float:
    """How far from `centre` along `azimuth` (on the floor) a camera can stand inside the walls."""
    if footprint is None:
        return math.inf
    reach = math.inf
    for axis, half in ((0, footprint[0] / 2 - WALL_CLEARANCE), (1, footprint[1] / 2 - WALL_CLEARANCE)):
        step = math.cos(azimuth) if axis == 0 else math.sin(azimuth)
        if abs(step) > 1e-9:
            reach = min(reach, ((half if step > 0 else -half) - float(centre[axis])) / step)
    return max(reach - 1e-6, 0.0)  # on the line is inside, rounding notwithstanding


def framed_orbit(points: list[np.ndarray], centre: np.ndarray, camera: CameraSpec, *, azimuth: float,
                 elevation: float, degrees: float = 360.0,
                 footprint: tuple[float, float] | None = None) -> list[np.ndarray]:
    """A camera circling `centre` on one radius, looking at it, far enough at every frame for all of that
    frame's `points` to be in its picture.

    The radius is what the view 0 `elevation` needs all the way round, unless the room's `footprint` is
    smaller: then the circle shrinks to fit inside the walls and the camera climbs where it must (a
    steeper view needs less floor), smoothed over neighbouring frames. When even the steepest view
    needs more floor than the walls leave, the circle keeps its radius and leaves the room (the planner
    then grows the room around it). Returns the c2w per frame.
    """
    frames = len(points)
    azimuths = azimuth + math.radians(degrees) * turn_fractions(frames, degrees)
    tries = _elevations(elevation)
    dirs = lambda k, el: viewing_direction(float(azimuths[k]), el)  # noqa: E731
    need = lambda k, el: fit_distance(points[k], centre, dirs(k, el), camera)  # noqa: E731
    wanted = max(need(k, tries[0]) * math.cos(tries[0]) for k in range(frames))
    reach = min(_room_reach(centre, float(a), footprint) for a in azimuths)
    steepest = max(need(k, tries[-1]) * math.cos(tries[-1]) for k in range(frames))
    # A circle the walls leave no room for even looking steeply down (a sofa against a wall) is flown at
    # the radius view 0's height asks for, partly outside the room; the planner grows the room.
    radius = min(wanted, reach) if reach >= steepest else wanted
    # The lowest elevation from which the circle is far enough away (else the steepest).
    chosen = np.array([next((el for el in tries if radius / math.cos(el) >= need(k, el) - 1e-9), tries[-1])
                       for k in range(frames)])
    # Climb early and come down gently: a running maximum, then a running mean over the same window.
    half = max(1, frames // 12)
    full = degrees >= 360
    idx = lambda k: k % frames if full else min(max(k, 0), frames - 1)  # noqa: E731
    peak = np.array([max(chosen[idx(j)] for j in range(k - half, k + half + 1)) for k in range(frames)])
    smooth = [max(float(np.mean([peak[idx(j)] for j in range(k - half, k + half + 1)])), float(chosen[k]))
              for k in range(frames)]
    eyes = [centre + dirs(k, el) * max(radius / math.cos(el), need(k, el)) for k, el in enumerate(smooth)]
    return [look_at(e, centre) for e in eyes]


def framed_follow(points: list[np.ndarray], targets: list[np.ndarray], camera: CameraSpec, *, azimuth: float,
                  elevation: float, footprint: tuple[float, float] | None = None) -> list[np.ndarray]:
    """A camera that keeps its direction and looks at `targets[k]` (what it follows) at frame k, from
    one distance far enough for every frame's `points` to be in the picture; in a room it climbs
    rather than leave the `footprint` (where it cannot, the planner grows the room). Returns the c2w
    per frame."""
    best: tuple[list[int], list[np.ndarray]] | None = None
    for el in _elevations(elevation):
        u = viewing_direction(azimuth, el)
        d = max(fit_distance(p, t, u, camera) for p, t in zip(points, targets))
        eyes = [t + u * d for t in targets]
        outside = [k for k, e in enumerate(eyes) if not inside_footprint(e, footprint)]
        if best is None or len(outside) < len(best[0]):
            best = (outside, eyes)
        if not outside:
            break
    _, eyes = best
    return [look_at(e, t) for e, t in zip(eyes, targets)]


def dolly_cameras(c2w: np.ndarray, target: np.ndarray, frames: int, factor: float) -> list[np.ndarray]:
    """The camera moved along its line to `target` until its distance is `factor` times what it was."""
    start = c2w[:3, 3]
    end = target + (start - target) * factor
    out = []
    for p in linear_path(start, end, frames):
        m = c2w.copy()
        m[:3, 3] = p
        out.append(m)
    return out


def pan_cameras(c2w: np.ndarray, frames: int, degrees: float) -> list[np.ndarray]:
    """The camera turned about the vertical axis through itself."""
    out = []
    for s in ease_in_out(times(frames)):
        a = math.radians(degrees) * float(s)
        r = np.eye(4)
        r[:2, :2] = [[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]]
        m = c2w.copy()
        m[:3, :3] = r[:3, :3] @ c2w[:3, :3]
        out.append(m)
    return out


def tilt_cameras(c2w: np.ndarray, frames: int, degrees: float) -> list[np.ndarray]:
    """The camera turned about its own horizontal (right) axis: + looks up, - looks down."""
    out = []
    right = c2w[:3, 0] / np.linalg.norm(c2w[:3, 0])
    for s in ease_in_out(times(frames)):
        a = math.radians(degrees) * float(s)
        k = np.array([[0, -right[2], right[1]], [right[2], 0, -right[0]], [-right[1], right[0], 0]])
        turn = np.eye(3) + math.sin(a) * k + (1 - math.cos(a)) * k @ k  # Rodrigues
        m = c2w.copy()
        m[:3, :3] = turn @ c2w[:3, :3]
        out.append(m)
    return out


def frame_pose(spec: SceneSpec, obj_id: str, frame: int) -> tuple[tuple[float, float, float], Quat]:
    """An object's (position, unit quaternion w,x,y,z) at `frame`: its track's, or its static spec pose."""
    anim: Animation | None = spec.animation
    track = next((t for t in anim.objects if t.object == obj_id), None) if anim is not None else None
    if track is None:
        obj = spec.object(obj_id)
        if obj.position is None:
            raise FyiError(f"object {obj_id!r} has no position: resolve the spec (layout) first")
        return tuple(obj.position), tuple(obj.rotation)  # type: ignore[return-value]
    if not 0 <= frame < len(track.positions):
        raise IndexError(f"frame {frame} outside the animation's {len(track.positions)} frames")
    q = np.asarray(track.rotations[frame], dtype=float)
    q = q / np.linalg.norm(q)  # tracks are stored rounded; renders and exports use unit quaternions
    return tuple(float(v) for v in track.positions[frame]), tuple(float(v) for v in q)  # type: ignore[return-value]
