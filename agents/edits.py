"""Critique edits (a fixed vocabulary) applied to a laid-out scene.

The model proposes, the solver guarantees: edited poses go back to the Generator as given poses,
which the solver keeps only when valid; everything else keeps the pose it had.
"""
from __future__ import annotations

import math

import numpy as np

from fyi.agents.backend import Edit
from fyi.assets.catalog import asset_seed, resolve_category
from fyi.assets.color import linear_to_srgb, srgb_to_linear
from fyi.assets.style import COLORS
from fyi.scenes.geometry import yaw_quaternion
from fyi.scenes.spec import AssetRef, ObjectSpec, Relation, SceneSpec


def apply_edits(spec: SceneSpec, edits: list[Edit], camera: dict[str, float]) -> tuple[SceneSpec, dict, list[str]]:
    """(the spec to lay out again, new camera settings, notes on edits that could not apply)."""
    objects = {o.id: o for o in spec.objects}
    relations = list(spec.relations)
    camera = dict(camera)
    notes: list[str] = []
    for e in edits:
        target = objects.get(e.object) if e.object else None
        if e.op in ("move", "rotate", "scale", "swap_asset", "remove") and target is None:
            notes.append(f"edit {e.op}: unknown object {e.object!r}; ignored")
            continue
        if e.op == "move":
            if e.position is not None:
                pos = e.position
            elif e.delta is not None:
                pos = tuple(float(a + b) for a, b in zip(target.position, e.delta))
            else:
                notes.append(f"edit move {e.object}: no position or delta; ignored")
                continue
            objects[e.object] = target.model_copy(update={"position": pos})
        elif e.op == "rotate" and e.yaw_degrees is not None:
            objects[e.object] = target.model_copy(update={"rotation": yaw_quaternion(math.radians(e.yaw_degrees))})
        elif e.op == "scale" and e.factor is not None:
            objects[e.object] = target.model_copy(update={"scale": tuple(float(s * e.factor) for s in target.scale)})
        elif e.op == "swap_asset":
            cat = resolve_category(e.category or "")
            if cat is None:
                notes.append(f"edit swap_asset {e.object}: unknown category {e.category!r}; ignored")
                continue
            # A new asset has a new shape: it is placed afresh.
            objects[e.object] = target.model_copy(update={
                "category": cat, "asset": AssetRef(uid=cat, seed=asset_seed(spec.seed + 1, e.object)), "position": None})
        elif e.op == "remove":
            del objects[e.object]
            relations = [r for r in relations if e.object not in (r.subject, r.object, r.object2)]
            for oid, o in list(objects.items()):
                if o.support == e.object:
                    objects[oid] = o.model_copy(update={"support": None, "surface": None, "position": None})
        elif e.op == "add":
            cat = resolve_category(e.category or "")
            if cat is None:
                notes.append(f"edit add: unknown category {e.category!r}; ignored")
                continue
            if cat in spec.excluded:
                notes.append(f"edit add {cat}: the instruction rules it out; ignored")
                continue
            n = sum(1 for o in objects.values() if o.category == cat)
            oid = f"{cat}_{n}"
            while oid in objects:
                n += 1
                oid = f"{cat}_{n}"
            objects[oid] = ObjectSpec(id=oid, category=cat, asset=AssetRef(uid=cat, seed=asset_seed(spec.seed, oid)),
                                      instance_id=max((o.instance_id or 0) for o in objects.values()) + 1)
            if e.relation and e.relation[1] in objects:
                try:
                    relations.append(Relation(subject=oid, predicate=e.relation[0], object=e.relation[1]))
                except ValueError:
                    notes.append(f"edit add {cat}: unknown relation {e.relation[0]!r}; added without it")
        elif e.op == "move_camera":
            if e.elevation_degrees is not None:
                camera["camera_elevation"] = float(np.clip(e.elevation_degrees, 5.0, 80.0))
            if e.distance_factor is not None:
                # Framing backs off through the margin: a larger margin is a farther camera.
                m = camera.get("camera_margin", 0.1)
                camera["camera_margin"] = float(np.clip(1 - (1 - m) / e.distance_factor, -0.5, 0.6))
        else:
            notes.append(f"edit {e.op}: missing its value; ignored")
    # Objects resting on something that moved are placed afresh on it.
    moved = {e.object for e in edits if e.op in ("move", "rotate", "scale")}
    for oid, o in list(objects.items()):
        if o.support in moved:
            objects[oid] = o.model_copy(update={"position": None})
    out = spec.model_copy(update={"objects": list(objects.values()), "relations": relations, "cameras": []})
    return SceneSpec.model_validate(out.model_dump()), camera, notes


def recolour(spec: SceneSpec, seen: dict[str, tuple[float, float, float]]) -> SceneSpec:
    """Each object whose pixels did not read as its asked colour gets the shade that will: its light's
    cast and strength divided out (a black that renders gray goes darker, a yellow that reads orange
    greener), `seen` being its median pixel in view 0 (sRGB). The named colour stays what was asked."""
    objects = []
    for o in spec.objects:
        if o.id in seen and o.attributes.color in COLORS:
            target = srgb_to_linear(COLORS[o.attributes.color])  # the shade its name means, as seen in white light
            shade = srgb_to_linear(o.attributes.shade or COLORS[o.attributes.color])
            lit = np.maximum(srgb_to_linear(seen[o.id]), 1e-3)
            new = shade * target / lit
            # Past what paint can reflect, keep the hue (the channels' ratio) and give up brightness: each
            # channel clipped alone would turn an orange in shadow yellow.
            new = linear_to_srgb(np.clip(new / max(1.0, float(new.max())), 0.002, 1.0))
            o = o.model_copy(update={"attributes": o.attributes.model_copy(
                update={"shade": tuple(round(float(c), 4) for c in new)})})
        objects.append(o)
    return spec.model_copy(update={"objects": objects})
