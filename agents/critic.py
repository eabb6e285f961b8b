"""The geometric critic: what is wrong with a laid-out, rendered scene, from geometry and the
rendered instance masks. It is the whole critic offline and the guard after a VLM critique."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

import numpy as np
from PIL import Image
from pydantic import BaseModel

from fyi.assets.model import Asset
from fyi.scenes.geometry import Body, body, interpenetrate
from fyi.scenes.layout import FLAT
from fyi.scenes.relations import Viewer, holds, rests_on
from fyi.scenes.spec import SceneSpec

MIN_PIXELS_256 = 30  # pixels an object needs in a 256x256 view to count as seen


class Problem(BaseModel):
    kind: Literal["hidden", "cut_off", "collision", "floating", "relation"]
    objects: list[str]
    severity: Literal["error", "warning"]
    detail: str


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
    problems = _physical(spec, bodies) + _relations(spec, bodies)
    if views_dir is not None:
        problems += _visibility(spec, views_dir)
    errors = sum(p.severity == "error" for p in problems)
    return Critique(problems=problems, score=round(1.0 / (1.0 + errors), 4))


def _physical(spec: SceneSpec, bodies: dict[str, Body]) -> list[Problem]:
    out = []
    objs = spec.objects
    for o in objs:
        b = bodies[o.id]
        if o.support == "floor" and abs(b.z0) > 0.01:
            out.append(Problem(kind="floating", objects=[o.id], severity="error", detail=f"base at z={b.z0:.3f} m, not on the floor"))
        elif o.support not in (None, "floor", "wall") and not rests_on(b, bodies[o.support], tol=0.01):
            out.append(Problem(kind="floating", objects=[o.id, o.support], severity="error",
                               detail=f"does not rest on {o.support}"))
    for i, a in enumerate(objs):
        for c in objs[i + 1:]:
            if a.support == c.id or c.support == a.id:
                continue
            ba, bc = bodies[a.id], bodies[c.id]
            if min(ba.z1 - ba.z0, bc.z1 - bc.z0) < FLAT:
                continue
            if interpenetrate(ba, bc):
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


def _visibility(spec: SceneSpec, views_dir: Path) -> list[Problem]:
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
        if not whole:
            out.append(Problem(kind="cut_off", objects=[o.id], severity="error",
                               detail=f"{o.id} is cut off by the frame in every view that sees it"))
    return out


def _touches_border(mask: np.ndarray) -> bool:
    return bool(mask[0].any() or mask[-1].any() or mask[:, 0].any() or mask[:, -1].any())
