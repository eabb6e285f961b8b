"""View 0 composed as a photo of the instruction.

A photographer checks what a viewer of the picture will see: every asked-for object in the frame,
big enough to recognise, not hidden behind another, the asked 2D arrangement (left of, above) as
seen, and the subject filling the frame. `compose_main_view` scores candidate cameras on exactly
those terms and keeps the best. Its eye is a small software z-buffer: the objects' triangles are
sampled in proportion to their projected size and the nearest sample wins each pixel, which is
enough to measure coverage, occlusion and boxes at a few milliseconds a camera.

The camera's direction stays near the front (-Y side), since the viewer-relative words of the
instruction are meant from there; its height, distance, aim and focal length are free, so a fork
beside a truck is shot from close by with the truck filling the background, as people photograph it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from fyi.assets.model import Asset
from fyi.scenes.cameras import fit_distance, in_solid, inside, interior, look_at, viewing_direction
from fyi.scenes.geometry import object_transform, posed_vertices
from fyi.scenes.spec import CameraSpec, SceneSpec

MIN_SHARE = 0.005      # of the image: the least an asked-for object may cover in view 0
AIM_SHARE = 1.25 * MIN_SHARE  # what the composer aims for: its estimate of a thing 5 px across errs by ~10%
MAX_HIDDEN = 0.5       # the most of an object's in-frame silhouette that others may hide
IN_FRAME = 0.5         # the least of an object's silhouette that must be inside the frame
SUBJECT_SHARE = 0.25   # the box around the asked-for objects should cover this much of the frame
RASTER = 96            # width of the evaluation raster in pixels
NEAR = 0.15            # metres: the closest a camera comes to an object's box
# GenEval's relative-position rule on 2D boxes: the predicates it judges and the 0.1 box-size threshold
PHOTO_PREDICATES = {"left_of": "left", "right_of": "right", "above": "above", "under": "below"}
BOX_THRESHOLD = 0.1
_IDENTITY = tuple(tuple(float(i == j) for j in range(4)) for i in range(4))
DISTANCES = (1.0, 0.75, 0.55, 0.4, 0.28, 0.2, 0.14, 0.1, 0.07)  # of the distance at which everything fits


@dataclass(frozen=True)
class Triangles:
    """Every object's world-space triangles, with the index of the object each belongs to."""

    ids: list[str]
    corners: np.ndarray  # (T, 3, 3)
    owner: np.ndarray    # (T,)
    boxes: np.ndarray    # (N, 2, 3) world boxes per object


def triangles(spec: SceneSpec, assets: dict[str, Asset]) -> Triangles:
    ids, tris, owner, boxes = [], [], [], []
    for k, o in enumerate(spec.objects):
        mesh = assets[o.id].mesh
        v = posed_vertices(assets[o.id], object_transform(o))
        ids.append(o.id)
        tris.append(v[np.asarray(mesh.faces)])
        owner.append(np.full(len(mesh.faces), k))
        boxes.append((v.min(axis=0), v.max(axis=0)))
    return Triangles(ids, np.concatenate(tris), np.concatenate(owner), np.array(boxes))


@dataclass
class Picture:
    """What one camera sees, per object: visible pixels, in-frame pixels if alone, all pixels if the
    frame were larger, and the box of the visible pixels (x0, y0, x1, y1); per pixel, the index of the
    object seen there (-1: none) and its depth (inf: none)."""

    width: int
    height: int
    visible: np.ndarray
    alone: np.ndarray
    whole: np.ndarray
    boxes: list[tuple[float, float, float, float] | None]
    owners: np.ndarray  # (height, width)
    depth: np.ndarray   # (height, width)


def picture(tri: Triangles, c2w: np.ndarray, fx: float, width: int, height: int,
            rng: np.random.Generator) -> Picture:
    """Rasterise by sampling: each triangle gets samples in proportion to its projected area."""
    n_obj = len(tri.ids)
    w2c = np.linalg.inv(c2w)
    cam = tri.corners @ w2c[:3, :3].T + w2c[:3, 3]
    depth = -cam[..., 2]
    front = (depth > 0.02).all(axis=1)
    cam, depth, owner = cam[front], depth[front], tri.owner[front]
    px = fx * cam[..., 0] / depth + width / 2
    py = height / 2 - fx * cam[..., 1] / depth
    # Triangles wholly off an enlarged canvas (three frames wide) cannot matter.
    on = ((px.max(1) >= -width) & (px.min(1) < 2 * width) & (py.max(1) >= -height) & (py.min(1) < 2 * height))
    px, py, depth, owner = px[on], py[on], depth[on], owner[on]
    signed = 0.5 * ((px[:, 1] - px[:, 0]) * (py[:, 2] - py[:, 0]) - (px[:, 2] - px[:, 0]) * (py[:, 1] - py[:, 0]))
    area = np.abs(signed)
    # 1.5 samples a pixel cover ~78% of a triangle; a cap of 400 left an open box's big sides a sieve
    # (eggs behind one estimated seen, rendered hidden), and none makes close-ups slow.
    n = np.minimum(np.ceil(area * 1.5).astype(np.int64) + 1, 4000)
    budget = 600_000
    if n.sum() > budget:  # a camera very close to a big mesh: thin out evenly
        n = np.maximum(1, (n * budget / n.sum()).astype(np.int64))
    t = np.repeat(np.arange(len(n)), n)
    u, v = rng.random((2, len(t)))
    flip = u + v > 1
    u[flip], v[flip] = 1 - u[flip], 1 - v[flip]
    w = 1 - u - v

    def at(a: np.ndarray) -> np.ndarray:
        return w * a[t, 0] + u * a[t, 1] + v * a[t, 2]

    x, y, z, who = np.floor(at(px)).astype(np.int64), np.floor(at(py)).astype(np.int64), at(depth), owner[t]
    ext = (x >= -width) & (x < 2 * width) & (y >= -height) & (y < 2 * height)
    ext_pix = (y[ext] + height) * 3 * width + (x[ext] + width)
    whole = np.bincount(np.unique(who[ext] * (9 * width * height) + ext_pix) // (9 * width * height),
                        minlength=n_obj)
    inside = (x >= 0) & (x < width) & (y >= 0) & (y < height)
    pix, zi, wi = y[inside] * width + x[inside], z[inside], who[inside]
    alone = np.bincount(np.unique(wi * (width * height) + pix) // (width * height), minlength=n_obj)
    order = np.lexsort((zi, pix))
    first = np.ones(len(order), bool)
    first[1:] = pix[order][1:] != pix[order][:-1]
    winners, owners = pix[order][first], wi[order][first]
    zbuffer = np.full(width * height, np.inf)
    zbuffer[winners] = zi[order][first]
    # A sample marks a whole pixel, so a thing thinner than a pixel (a fork seen edge-on) would count
    # as pixels it does not fill: no object covers more than its triangles facing the lens do.
    facing = np.maximum(np.bincount(owner, np.maximum(signed, 0), minlength=n_obj),
                        np.bincount(owner, np.maximum(-signed, 0), minlength=n_obj))
    # And a pixel on an object's outline is on average half covered, yet counts whole: a mug 5 px
    # across would count 40% more than it renders. (A hollow thing's inner walls also face the lens,
    # so `facing` alone does not catch it.)
    canvas = np.full((height + 2, width + 2), -1, np.int64)
    canvas[1:-1, 1:-1].flat[winners] = owners
    canvas[0], canvas[-1], canvas[:, 0], canvas[:, -1] = canvas[1], canvas[-2], canvas[:, 1], canvas[:, -2]
    mid = canvas[1:-1, 1:-1]
    outline = (mid >= 0) & ((canvas[:-2, 1:-1] != mid) | (canvas[2:, 1:-1] != mid)
                            | (canvas[1:-1, :-2] != mid) | (canvas[1:-1, 2:] != mid))
    edge = np.bincount(mid[outline], minlength=n_obj)
    visible_px = np.bincount(owners, minlength=n_obj)
    fill = np.minimum.reduce([np.ones(n_obj), facing / np.maximum(whole, 1),
                              1 - 0.5 * edge / np.maximum(visible_px, 1)])
    visible, alone, whole = visible_px * fill, alone * fill, whole * fill
    boxes: list = []
    for k in range(n_obj):
        sel = winners[owners == k]
        if len(sel) == 0:
            boxes.append(None)
            continue
        ys, xs = sel // width, sel % width
        boxes.append((float(xs.min()), float(ys.min()), float(xs.max() + 1), float(ys.max() + 1)))
    return Picture(width, height, visible, alone, whole, boxes, mid.copy(), zbuffer.reshape(height, width))


def relative_position(a, b) -> set[str]:
    """GenEval's rule: where box a lies relative to box b (image y grows downwards)."""
    ca = np.array([(a[0] + a[2]) / 2, (a[1] + a[3]) / 2])
    cb = np.array([(b[0] + b[2]) / 2, (b[1] + b[3]) / 2])
    dims = np.array([a[2] - a[0] + b[2] - b[0], a[3] - a[1] + b[3] - b[1]])
    offset = ca - cb
    norm = float(np.linalg.norm(offset))
    revised = np.maximum(np.abs(offset) - BOX_THRESHOLD * dims, 0) * np.sign(offset)
    if norm < 1e-9 or np.all(np.abs(revised) < 1e-3):
        return set()
    dx, dy = revised / norm
    return {name for name, hit in (("left", dx < -0.5), ("right", dx > 0.5), ("above", dy < -0.5),
                                   ("below", dy > 0.5)) if hit}


@dataclass
class Verdict:
    """How far a picture is from a photo of the instruction; 0 is a perfect photo."""

    penalty: float
    faults: list[str]


def judge(pic: Picture, tri: Triangles, relations: list[tuple[str, str, str]]) -> Verdict:
    size = pic.width * pic.height
    faults, penalty = [], 0.0
    for k, oid in enumerate(tri.ids):
        share = pic.visible[k] / size
        if share < AIM_SHARE:
            # Below a detector's reach (a fifth of the target) is much worse than merely small.
            penalty += 1.5 * (1 - share / AIM_SHARE) + 4.0 * max(0.0, 1 - share / (MIN_SHARE / 5))
            faults.append(f"{oid} covers {share:.2%} of view 0 (needs {MIN_SHARE:.1%})")
        shown = pic.visible[k] / max(1, pic.alone[k])
        if pic.alone[k] and shown < 1 - MAX_HIDDEN:
            penalty += 3.0 * (1 - MAX_HIDDEN - shown) / (1 - MAX_HIDDEN)
            faults.append(f"{oid} is {1 - shown:.0%} hidden in view 0")
        # Cut off by the frame: a little is a close-up, more than half leaves it unrecognisable.
        framed = pic.alone[k] / max(1, pic.whole[k])
        penalty += 0.8 * (1 - framed) + 3.0 * max(0.0, IN_FRAME - framed) / IN_FRAME
    index = {oid: k for k, oid in enumerate(tri.ids)}
    for subject, predicate, obj in relations:
        a, b = pic.boxes[index[subject]], pic.boxes[index[obj]]
        if a is None or b is None or PHOTO_PREDICATES[predicate] not in relative_position(a, b):
            penalty += 2.0
            faults.append(f"view 0 does not show {subject} {predicate.replace('_', ' ')} {obj}")
    seen = [b for b in pic.boxes if b is not None]
    if seen:
        lo, hi = np.min([b[:2] for b in seen], axis=0), np.max([b[2:] for b in seen], axis=0)
        subject_share = float(np.prod(hi - lo)) / size
        penalty += 1.5 * max(0.0, SUBJECT_SHARE - subject_share) / SUBJECT_SHARE
    return Verdict(penalty, faults)


def compose_main_view(spec: SceneSpec, assets: dict[str, Asset], width: int, height: int,
                      default: CameraSpec) -> tuple[CameraSpec, Verdict]:
    """The view-0 camera that best shows the instruction, and what it still fails to show.

    `default` (the camera that frames everything from the front) is a candidate too and wins ties,
    so a scene that already photographs well keeps its framing."""
    tri = triangles(spec, assets)
    relations = [(r.subject, r.predicate, r.object) for r in spec.relations if r.predicate in PHOTO_PREDICATES]
    rw, rh = RASTER, max(8, round(RASTER * height / width))
    centres = tri.boxes.mean(axis=1)
    sizes = np.linalg.norm(tri.boxes[:, 1] - tri.boxes[:, 0], axis=1)
    lo, hi = tri.boxes[:, 0].min(axis=0), tri.boxes[:, 1].max(axis=0)
    aims = [(lo + hi) / 2]
    small = np.average(centres, axis=0, weights=1 / np.maximum(sizes, 0.05) ** 2)
    aims.append(small)
    aims.append((aims[0] + small) / 2)
    corners = np.array([[b[i][0], b[j][1], b[k][2]] for b in tri.boxes for i in (0, 1) for j in (0, 1) for k in (0, 1)])

    def evaluate(c2w: np.ndarray, fov: float) -> Verdict:
        fx_r = (rw / 2) / math.tan(fov / 2)
        return judge(picture(tri, c2w, fx_r, rw, rh, np.random.default_rng(spec.seed)), tri, relations)

    d_c2w = np.array(default.c2w, float)
    d_fov = 2 * math.atan((default.width / 2) / default.fx)
    best_verdict = evaluate(d_c2w, d_fov)
    best = (best_verdict.penalty - 0.05, d_c2w, d_fov)  # the default wins ties
    if best_verdict.penalty <= 0.05:
        return default, best_verdict

    def consider(fov: float, el: float, az: float, aim: np.ndarray, scale: float) -> None:
        nonlocal best, best_verdict
        u = viewing_direction(math.radians(az), math.radians(el))
        fx_r = (rw / 2) / math.tan(fov / 2)
        lens = CameraSpec(id=0, width=rw, height=rh, fx=fx_r, fy=fx_r, cx=rw / 2, cy=rh / 2, c2w=_IDENTITY)
        eye = aim + u * fit_distance(corners, aim, u, lens, margin=0.08) * scale
        # Indoors the photographer stays in the room: forward, with a wider lens (scenes/cameras.py).
        placed = inside(eye, aim, fx_r, box, width=rw)
        if placed is None:
            return
        eye, fov = placed[0], 2 * math.atan((rw / 2) / placed[1])
        if eye[2] < 0.1 or in_solid(eye, tri.boxes, NEAR):
            return
        c2w = look_at(eye, aim)
        verdict = evaluate(c2w, fov)
        # A slight preference for the usual look: eye height and a straight-on view.
        cost = verdict.penalty + 0.15 * abs(el - 30.0) / 30.0 + 0.1 * abs(az + 90.0) / 15.0
        if cost < best[0]:
            best = (cost, c2w, fov)
            best_verdict = verdict
            chosen[:] = [fov, el, az, aim, scale]

    # Coarse: from straight ahead, every height, aim and distance; fine: turn, lens and height nudged
    # around the best of those.
    box = interior(spec.room)
    chosen: list = [d_fov, 30.0, -90.0, aims[0], 1.0]
    for el in (8.0, 18.0, 30.0, 45.0, 62.0, 75.0):  # 75: a look down into a box or a cup
        for aim in aims:
            for scale in DISTANCES:
                consider(math.radians(50.0), el, -90.0, aim, scale)
    fov, el, az, aim, scale = chosen
    for d_el, d_az, lens in ((0, -15, 1.0), (0, 15, 1.0), (0, 0, 0.7), (-5, 0, 1.0), (5, 0, 1.0), (0, 0, 1.3)):
        consider(fov * lens, el + d_el, az + d_az, aim, scale)
        consider(fov * lens, el + d_el, az + d_az, aim, scale * 0.85)
    _, c2w, fov = best
    fx = (width / 2) / math.tan(fov / 2)
    camera = CameraSpec(id=0, width=width, height=height, fx=fx, fy=fx, cx=width / 2, cy=height / 2,
                        c2w=tuple(tuple(round(float(v), 6) for v in row) for row in c2w))
    return camera, best_verdict
