"""The geometric critic: what is wrong with a laid-out, rendered scene, from geometry and the
rendered instance masks. It is the whole critic offline and the guard after a VLM critique."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

import numpy as np
from PIL import Image
from pydantic import BaseModel

from fyi.assets.model import Asset
from fyi.assets.style import COLORS
from fyi.scenes.composition import (IN_FRAME, MAX_HIDDEN, MIN_SHARE, PHOTO_PREDICATES, RASTER, picture,
                                   relative_position, triangles)
from fyi.scenes.clutter import requested_only
from fyi.scenes.geometry import Body, body, floor_covering, interpenetrate, quaternion_yaw, tilted_interpenetrate
from fyi.scenes.relations import Viewer, holds, rests_on
from fyi.scenes.spec import PLACES, SceneSpec

MIN_PIXELS_256 = 30  # pixels an object needs in a 256x256 view to count as seen


class Problem(BaseModel):
    kind: Literal["hidden", "cut_off", "collision", "floating", "relation", "photo", "colour"]
    objects: list[str]
    severity: Literal["error", "warning"]
    detail: str
    seen: tuple[float, float, float] | None = None  # a colour problem's median pixel in view 0 (sRGB 0..1)


class Critique(BaseModel):
    problems: list[Problem]
    score: float  # 1 = nothing wrong

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    def kinds(self) -> set[str]:
        return {p.kind for p in self.problems if p.severity == "error"}


def critique(spec: SceneSpec, assets: dict[str, Asset], views_dir: Path | None) -> Critique:
    bodies = {o.id: body(assets[o.id], o.position, o.rotation, o.scale) for o in spec.objects}
    problems = _physical(spec, bodies, assets) + _relations(spec, bodies)
    if views_dir is not None:
        # The photo is of what was asked: context objects need not show (scenes/clutter.py keeps them
        # from hiding what does), so they are left out of its checks but not of the physical ones.
        asked = requested_only(spec)
        view0 = _view0_estimate(asked, assets)
        problems += _visibility(asked, views_dir, view0) + _photo(asked, views_dir, view0)
    errors = sum(p.severity == "error" for p in problems)
    return Critique(problems=problems, score=round(1.0 / (1.0 + errors), 4))


def _physical(spec: SceneSpec, bodies: dict[str, Body], assets: dict[str, Asset]) -> list[Problem]:
    out = []
    objs = spec.objects
    for o in objs:
        b = bodies[o.id]
        if o.support == "floor" and abs(b.z0) > 0.01:
            out.append(Problem(kind="floating", objects=[o.id], severity="error", detail=f"base at z={b.z0:.3f} m, not on the floor"))
        elif o.support not in (None, *PLACES) and not rests_on(b, bodies[o.support], tol=0.01):
            out.append(Problem(kind="floating", objects=[o.id, o.support], severity="error",
                               detail=f"does not rest on {o.support}"))
    for i, a in enumerate(objs):
        for c in objs[i + 1:]:
            if a.support == c.id or c.support == a.id:
                continue
            ba, bc = bodies[a.id], bodies[c.id]
            if floor_covering(assets[a.id]) != floor_covering(assets[c.id]):  # a rug under a table
                continue
            tilted = quaternion_yaw(a.rotation) is None or quaternion_yaw(c.rotation) is None
            if tilted_interpenetrate(assets[a.id], (a.position, a.rotation, a.scale), assets[c.id],
                                     (c.position, c.rotation, c.scale)) if tilted else interpenetrate(ba, bc):
                out.append(Problem(kind="collision", objects=[a.id, c.id], severity="error",
                                   detail=f"{a.id} and {c.id} interpenetrate"))
    return out


def _relations(spec: SceneSpec, bodies: dict[str, Body]) -> list[Problem]:
    viewer = Viewer.from_c2w(spec.cameras[0].c2w) if spec.cameras else Viewer.default()
    out = []
    for r in spec.relations:
        ok = holds(r.predicate, bodies[r.subject], bodies[r.object], viewer,
                   b_rotation=spec.object(r.object).rotation, a_rotation=spec.object(r.subject).rotation,
                   c=bodies[r.object2] if r.object2 else None)
        if not ok:
            extra = f" and {r.object2}" if r.object2 else ""
            out.append(Problem(kind="relation", objects=[r.subject, r.object], severity="error",
                               detail=f"{r.subject} is not {r.predicate.replace('_', ' ')} {r.object}{extra}"))
    return out


def _visibility(spec: SceneSpec, views_dir: Path, view0: dict[str, tuple[float, float]]) -> list[Problem]:
    masks = [np.asarray(Image.open(p)) for p in sorted((views_dir / "instance").glob("*.png"))]
    if not masks:
        return []
    h, w = masks[0].shape
    need = max(6, round(MIN_PIXELS_256 * h * w / (256 * 256)))
    out = []
    for o in spec.objects:
        counts = [int((m == o.instance_id).sum()) for m in masks]
        best = int(np.argmax(counts))
        if counts[best] < need:
            out.append(Problem(kind="hidden", objects=[o.id], severity="error",
                               detail=f"{o.id} covers at most {counts[best]} px in any view (needs {need})"))
            continue
        whole = [i for i, m in enumerate(masks) if counts[i] >= need and not _touches_border(m == o.instance_id)]
        # A still scene's view 0 is a composed photo: a close-up that keeps most of a thing in the frame
        # (a table's ends cut off behind the mug on it) frames it as a photographer would
        # (scenes/composition.py). A moving scene's view 0 is the wide shot its motion was planned in.
        close_up = not spec.motions and view0.get(o.id, (0.0, 0.0))[1] >= IN_FRAME
        if not whole and not close_up:
            out.append(Problem(kind="cut_off", objects=[o.id], severity="error",
                               detail=f"{o.id} is cut off by the frame in every view that sees it"))
    return out


def _touches_border(mask: np.ndarray) -> bool:
    return bool(mask[0].any() or mask[-1].any() or mask[:, 0].any() or mask[:, -1].any())


def _photo(spec: SceneSpec, views_dir: Path, view0: dict[str, tuple[float, float]]) -> list[Problem]:
    """View 0 judged as a photo of the instruction, as a person (or GenEval) judges it: every object
    big enough and not mostly hidden, its asked colour the name of its pixels, and the asked left /
    right / above / below between the boxes of what is seen."""
    mask_path, rgb_path = views_dir / "instance" / "0000.png", views_dir / "rgb" / "0000.png"
    if not mask_path.exists() or not rgb_path.exists():
        return []
    mask = np.asarray(Image.open(mask_path)).astype(np.int64)
    rgb = np.asarray(Image.open(rgb_path).convert("RGB"), float) / 255
    alone = {oid: share for oid, (share, _) in view0.items()}
    out, boxes = [], {}
    for o in spec.objects:
        sel = mask == o.instance_id
        share = float(sel.mean())
        if share < MIN_SHARE:
            # Small but within a detector's reach (a fifth of the target) is worth a warning, not a new layout.
            out.append(Problem(kind="photo", objects=[o.id], severity="error" if share < MIN_SHARE / 5 else "warning",
                               detail=f"{o.id} covers {share:.2%} of view 0 (needs {MIN_SHARE:.1%})"))
            if share < MIN_SHARE / 5:
                continue
        if share < (1 - MAX_HIDDEN) * alone[o.id]:
            out.append(Problem(kind="photo", objects=[o.id], severity="error",
                               detail=f"{o.id} is {1 - share / alone[o.id]:.0%} hidden by other objects in view 0"))
        ys, xs = np.nonzero(sel)
        boxes[o.id] = (xs.min(), ys.min(), xs.max() + 1, ys.max() + 1)
        asked = o.attributes.color
        if asked in COLORS:
            median = np.median(rgb[sel], axis=0)
            seen = colour_name(median)
            if seen not in _ACCEPTED.get(asked, {asked}):
                out.append(Problem(kind="colour", objects=[o.id], severity="error",
                                   detail=f"{o.id} is asked {asked} but its pixels in view 0 read {seen}",
                                   seen=tuple(round(float(c), 4) for c in median)))
    for r in spec.relations:
        want = PHOTO_PREDICATES.get(r.predicate)
        if want and r.subject in boxes and r.object in boxes and want not in relative_position(boxes[r.subject],
                                                                                               boxes[r.object]):
            out.append(Problem(kind="photo", objects=[r.subject, r.object], severity="error",
                               detail=f"view 0 does not show {r.subject} {r.predicate.replace('_', ' ')} {r.object}"))
    return out


def _view0_estimate(spec: SceneSpec, assets: dict[str, Asset]) -> dict[str, tuple[float, float]]:
    """Per object: the share of view 0 it would cover with nothing in front of it, and how much of its
    silhouette lies inside the frame."""
    if not spec.objects:  # an empty room: nothing to cover anything
        return {}
    cam = spec.cameras[0]
    width = RASTER
    height = max(8, round(RASTER * cam.height / cam.width))
    tri = triangles(spec, assets)
    pic = picture(tri, np.array(cam.c2w, float), cam.fx * width / cam.width, width, height,
                  np.random.default_rng(spec.seed))
    return {oid: (float(pic.alone[k]) / (width * height), float(pic.alone[k]) / max(1.0, float(pic.whole[k])))
            for k, oid in enumerate(tri.ids)}


# Names a person may give a colour asked under another name (grey is gray; navy reads blue).
_ACCEPTED = {"gray": {"gray", "white"}, "grey": {"gray", "white"}, "white": {"white", "gray"}, "silver": {"gray", "white"},
             "navy": {"blue"}, "violet": {"purple"}, "cyan": {"blue", "green"}, "teal": {"green", "blue"},
             "gold": {"yellow", "orange", "brown"}, "beige": {"white", "brown", "orange"}, "cream": {"white", "yellow"}}


def colour_name(rgb) -> str:
    """The basic colour word a person gives a median sRGB colour (0..1): value and saturation first
    (black, gray, white), then brown as a dark orange, pink as a light red, then the hue."""
    import colorsys

    h, s, v = colorsys.rgb_to_hsv(*(float(c) for c in rgb))
    h *= 360
    if v < 0.15:
        return "black"
    if s < 0.2:
        return "white" if v >= 0.7 else "gray" if v >= 0.3 else "black"
    if 10 <= h < 45 and v < 0.6:
        return "brown"
    if (h < 15 or h >= 340) and s < 0.5 and v > 0.7:
        return "pink"
    for name, upto in (("red", 15), ("orange", 45), ("yellow", 70), ("green", 165), ("blue", 255), ("purple", 290),
                       ("pink", 340)):
        if h < upto:
            return name
    return "red"
