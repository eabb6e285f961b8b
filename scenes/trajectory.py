"""Trajectories: where a moving object or the camera is at every frame.

Pure functions of time: easing for moves, rolling without slipping,
orbits and dollies for the camera. The Planner composes them into a spec's Animation.
"""
from __future__ import annotations

import math

import numpy as np

from fyi.errors import FyiError
from fyi.scenes.spec import Animation, Quat, SceneSpec



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


def orbit_cameras(c2w: np.ndarray, target: np.ndarray, frames: int, degrees: float = 360.0) -> list[np.ndarray]:
    """The camera carried around the vertical axis through `target`, looking at it all along."""
    out = []
    for s in ease_in_out(times(frames)) if degrees < 360 else times(frames):
        a = math.radians(degrees) * float(s)
        r = np.eye(4)
        r[:2, :2] = [[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]]
        shift = np.eye(4)
        shift[:3, 3] = -target
        back = np.eye(4)
        back[:3, 3] = target
        out.append(back @ r @ shift @ c2w)
    return out


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
