"""Cameras framed around the scene: view 0 from the front (-Y side), the others spread around it.

Indoors a camera stands inside the room, as a photographer does: one that would have to back off
through a wall comes forward along its line of sight and takes a wider lens (down to 24 mm), looks
down more steeply, or turns to where the room has space; only when none of that frames the scene does
the room grow around it (`room_holding`).
A camera outside the walls would look past the floor's edge into the void.
"""
from __future__ import annotations

import math

import numpy as np

from fyi.scenes.spec import CameraSpec, Room

FOV = math.radians(50.0)  # horizontal field of view of every view
SENSOR_MM = 36.0         # lenses are named in millimetres on a full-frame sensor's width
WIDEST_FOV = 2 * math.atan(SENSOR_MM / 2 / 24.0)  # a 24 mm lens: 73.7 degrees
WALL_CLEARANCE = 0.15    # metres a camera keeps from the walls
CEILING_CLEARANCE = 0.2  # metres a camera keeps below the ceiling
STEEPEST = 75.0          # degrees: a camera that climbs to fit the scene stops short of top-down


def look_at(position: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Camera-to-world, OpenGL convention: the camera looks along its -Z, +Y up."""
    f = target - position
    f = f / np.linalg.norm(f)
    right = np.cross(f, [0.0, 0.0, 1.0])
    right = right / np.linalg.norm(right)
    up = np.cross(right, f)
    m = np.eye(4)
    m[:3, 0], m[:3, 1], m[:3, 2], m[:3, 3] = right, up, -f, position
    return m


def frame_cameras(corners: np.ndarray, views: int, width: int, height: int, *, elevation: float = 30.0,
                  margin: float = 0.1, room: Room | None = None, solids: np.ndarray | None = None,
                  vary: np.random.Generator | None = None) -> list[CameraSpec]:
    """`views` cameras whose images hold every point of `corners` (N, 3) with `margin` to spare.

    View 0 looks at the scene from -Y (the front); view k is turned k/views of a turn about the
    vertical axis through the target. Each camera backs off just as far as the points need, and in a
    `room` with walls no farther than its walls (module docstring), never standing in one of the
    `solids` (K, 2, 3): the world boxes of the objects. With `vary`, every view but the main one
    draws its lens (24-85 mm) and its height (elevation -10..+15 degrees about `elevation`) from it:
    the variation a dataset wants, recorded in each camera's fx and c2w.
    """
    corners = np.asarray(corners, float)
    target = (corners.min(axis=0) + corners.max(axis=0)) / 2
    fx_main = (width / 2) / math.tan(FOV / 2)
    lens = CameraSpec(id=0, width=width, height=height, fx=fx_main, fy=fx_main, cx=width / 2, cy=height / 2,
                      c2w=_IDENTITY)
    box = interior(room)
    widest = (width / 2) / math.tan(WIDEST_FOV / 2)
    cams, taken = [], []
    for k in range(views):
        az = -90.0 + 360.0 * k / views
        el_k, fx = elevation, fx_main
        if vary is not None and k > 0:
            el_k = elevation + float(vary.uniform(-10.0, 15.0))
            fx = width * float(vary.uniform(24.0, 85.0)) / SENSOR_MM
        lens = lens.model_copy(update={"fx": fx, "fy": fx})
        placed, best = None, math.inf
        for turn, el, cost in _room_angles(el_k, spread=k > 0) if box is not None else [(0.0, el_k, 0.0)]:
            # Views turned aside keep apart from the views already placed (two corner shots, not one twice).
            cost += sum(max(0.0, 40.0 - abs((az + turn - a + 180.0) % 360.0 - 180.0)) / 20.0 for a in taken)
            if cost >= best:
                continue
            u = viewing_direction(math.radians(az + turn), math.radians(el))
            d = fit_distance(corners, target, u, lens, margin=margin)
            candidate = inside(target + u * d, target, fx, box, points=corners, width=width, height=height,
                               margin=margin)
            if candidate is not None and not in_solid(candidate[0], solids):
                placed, best, chosen = candidate, cost, az + turn
        taken.append(chosen if placed is not None else az)
        if placed is None:  # no angle frames it from inside: a 24 mm lens where asked, and the room grows
            u = viewing_direction(math.radians(az), math.radians(el_k))
            wide = lens.model_copy(update={"fx": widest, "fy": widest}) if box is not None else lens
            placed = target + u * fit_distance(corners, target, u, wide, margin=margin), wide.fx
        eye, f = placed
        cams.append(CameraSpec(id=k, width=width, height=height, fx=f, fy=f, cx=width / 2, cy=height / 2,
                               c2w=rounded(look_at(eye, target))))
    return cams


_IDENTITY = tuple(tuple(float(i == j) for j in range(4)) for i in range(4))


def rounded(c2w: np.ndarray) -> tuple:
    """A c2w as the spec stores it (micrometre precision keeps scene.yaml readable and stable)."""
    return tuple(tuple(round(float(v), 6) for v in row) for row in c2w)


def _room_angles(elevation: float, *, spread: bool) -> list[tuple[float, float, float]]:
    """(turn, elevation, cost) in degrees to try for a camera in a room, the asked-for angle cheapest: looking
    down more steeply, and (`spread`: any view but the main one) turned as little as it takes to where
    the room has space: a side view of a desk against the wall is taken from the corner, and no view
    looks at it from behind the wall."""
    turns = (0.0, *(s * t for t in range(20, 180, 20) for s in (1.0, -1.0))) if spread else (0.0,)
    steeper = [elevation, *np.arange(10.0 * math.floor(elevation / 10.0) + 10.0, STEEPEST + 1e-9, 10.0)]
    return [(t, float(e), abs(t) / 20.0 + (e - elevation) / 15.0) for t in turns for e in steeper]


def interior(room: Room | None) -> tuple[np.ndarray, np.ndarray] | None:
    """The box a camera may stand in: inside the walls and below the ceiling; None without walls."""
    if room is None or room.size is None or not room.walls or room.type == "outdoors":
        return None
    w, d, h = room.size
    return (np.array([-w / 2 + WALL_CLEARANCE, -d / 2 + WALL_CLEARANCE, 0.05]),
            np.array([w / 2 - WALL_CLEARANCE, d / 2 - WALL_CLEARANCE, h - CEILING_CLEARANCE]))


def _is_inside(eye: np.ndarray, box: tuple[np.ndarray, np.ndarray]) -> bool:
    return bool(np.all(eye >= box[0] - 1e-6) and np.all(eye <= box[1] + 1e-6))


def lens_fitting(points: np.ndarray, eye: np.ndarray, target: np.ndarray, width: int, height: int, *,
                 margin: float = 0.1) -> float:
    """The focal length (pixels, for `width`) at which a camera at `eye` looking at `target` holds every
    point of `points` with `margin` to spare; 0 when a point is beside or behind the camera."""
    c2w = look_at(eye, target)
    rel = np.asarray(points, float) - eye
    depth = rel @ -c2w[:3, 2]
    if np.any(depth < 0.05):
        return 0.0
    tan_x = max(float(np.max(np.abs(rel @ c2w[:3, 0]) / depth)),
                float(np.max(np.abs(rel @ c2w[:3, 1]) / depth)) * width / height) / (1 - margin)
    return (width / 2) / max(tan_x, 1e-9)


def inside(eye: np.ndarray, target: np.ndarray, fx: float, box: tuple[np.ndarray, np.ndarray] | None, *,
           points: np.ndarray | None = None, width: int = 0, height: int = 0,
           margin: float = 0.1) -> tuple[np.ndarray, float] | None:
    """A camera at `eye` (focal length `fx` pixels) looking at `target`, brought inside `box`: where it
    stands outside, it comes forward along its line of sight to the box and widens its lens by as
    much, so what stands at the target fills the picture as before (and, given `points` and the
    image's `width` and `height`, until every point fits again). Returns (eye, fx), or None when that
    takes a lens wider than 24 mm."""
    if box is None or _is_inside(eye, box):
        return eye, fx
    if not _is_inside(target, box):
        return None
    ray = eye - target
    reach = math.inf
    for axis in range(3):
        if abs(ray[axis]) > 1e-12:
            wall = box[1][axis] if ray[axis] > 0 else box[0][axis]
            reach = min(reach, (wall - target[axis]) / ray[axis])
    share = max(min(reach, 1.0) - 1e-6, 0.0)
    closer = target + ray * share
    f = fx * share
    if points is not None:
        f = min(f, lens_fitting(points, closer, target, width, height, margin=margin))
    if width and f < (width / 2) / math.tan(WIDEST_FOV / 2):
        return None
    return closer, f


def in_solid(eye: np.ndarray, solids: np.ndarray | None, clearance: float = 0.15) -> bool:
    """Whether a camera at `eye` stands in (or within `clearance` of) one of the boxes `solids` (K, 2, 3)."""
    if solids is None or not len(solids):
        return False
    solids = np.asarray(solids, float)
    return bool(np.any(np.all((eye > solids[:, 0] - clearance) & (eye < solids[:, 1] + clearance), axis=1)))


def room_holding(room: Room, eyes: list[np.ndarray]) -> Room:
    """`room` grown (about its centre, as rooms are laid out) until every camera at `eyes` stands inside
    it with the clearances kept; the same room when they already do, or when it has no walls."""
    if interior(room) is None:
        return room
    size = list(room.size)
    for e in eyes:
        needs = (2 * (abs(float(e[0])) + WALL_CLEARANCE), 2 * (abs(float(e[1])) + WALL_CLEARANCE),
                 float(e[2]) + CEILING_CLEARANCE)
        # A camera brought to the edge of the room stands on it (to the micrometre c2w is kept to): no growth.
        size = [need + 1e-3 if need > have + 1e-4 else have for need, have in zip(needs, size)]
    if size == list(room.size):
        return room
    return room.model_copy(update={"size": tuple(round(v, 3) for v in size)})


def scaled(camera: CameraSpec, width: int, height: int) -> CameraSpec:
    """The same camera at another resolution (for cheap previews)."""
    s = width / camera.width
    return camera.model_copy(update={"width": width, "height": height, "fx": camera.fx * s, "fy": camera.fy * s,
                                     "cx": camera.cx * s, "cy": camera.cy * height / camera.height})


def fit_distance(points: np.ndarray, target: np.ndarray, toward_eye: np.ndarray, camera: CameraSpec, *,
                 margin: float = 0.1) -> float:
    """How far from `target` along the unit `toward_eye` a camera with `camera`'s intrinsics, looking at
    `target`, must stand for every point of `points` (N, 3) to be in its picture with `margin` to spare.

    The rule `frame_cameras` uses for stills, for a camera whose lens is already chosen (a sequence
    keeps view 0's intrinsics).
    """
    probe = look_at(target + toward_eye, target)
    right, up, f = probe[:3, 0], probe[:3, 1], -probe[:3, 2]
    tan_x = camera.width / 2 / camera.fx * (1 - margin)
    tan_y = camera.height / 2 / camera.fy * (1 - margin)
    rel = np.asarray(points, float) - target
    # depth of a point = rel.f + d; it fits when |rel.right| <= tan_x * depth (same for up).
    need = np.maximum(np.abs(rel @ right) / tan_x, np.abs(rel @ up) / tan_y) - rel @ f
    return max(float(need.max()), 0.5)


def viewing_direction(azimuth: float, elevation: float) -> np.ndarray:
    """Unit vector from a target to a camera at `azimuth` (about +Z, from +X) and `elevation` (radians)."""
    return np.array([math.cos(elevation) * math.cos(azimuth), math.cos(elevation) * math.sin(azimuth),
                     math.sin(elevation)])
