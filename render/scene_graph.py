"""scene.json: the scene graph of a resolved spec (format "fyi.scene/1"), with world boxes of the real meshes."""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from fyi.assets.model import Asset
from fyi.errors import FyiError
from fyi.render.exporters import plain, write_json
from fyi.scenes.geometry import world_bbox
from fyi.scenes.spec import ObjectSpec, SceneSpec

FORMAT = "fyi.scene/1"


def category_name(category: str) -> str:
    """The category as lowercase snake_case ("Coffee Table" -> "coffee_table")."""
    return re.sub(r"[^a-z0-9]+", "_", category.lower()).strip("_")


def asset_for(obj: ObjectSpec, assets: dict[str, Asset]) -> Asset:
    try:
        return assets[obj.id]
    except KeyError:
        raise FyiError(f"object {obj.id!r} has no built asset to export") from None


def _object_record(obj: ObjectSpec, asset: Asset) -> dict:
    if obj.instance_id is None:
        raise FyiError(f"object {obj.id!r} has no instance_id: resolve the spec before exporting")
    lo, hi = world_bbox(obj, asset)
    ref = obj.asset
    record = {
        "id": obj.id,
        "instance_id": obj.instance_id,
        "category": category_name(obj.category),
        "description": obj.description or asset.description,
        "attributes": obj.attributes.model_dump(exclude_none=True),
        "asset": {
            "source": ref.source if ref else asset.source,
            "uid": ref.uid if ref else asset.uid,
            "seed": ref.seed if ref else 0,
            "license": ref.license if ref else asset.license,
        },
        "position": list(obj.position),
        "rotation": list(obj.rotation),
        "scale": list(obj.scale),
        "bbox": {"min": lo, "max": hi},
        "support": obj.support,
    }
    if obj.surface is not None:
        record["surface"] = obj.surface
    record["context"] = obj.context  # a context object (--clutter): not asked for; filter on this
    record["dimensions"] = asset.dims * np.asarray(obj.scale, dtype=float)  # the object's own w, d, h
    return record


def scene_graph(spec: SceneSpec, assets: dict[str, Asset]) -> dict:
    """The scene.json content: objects with world boxes, relations, cameras, motions, warnings."""
    return plain({
        "format": FORMAT,
        "scene_id": spec.scene_id,
        "seed": spec.seed,
        "instruction": spec.instruction,
        "room": {"type": spec.room.type, "size": list(spec.room.size) if spec.room.size else None,
                 "walls": spec.room.walls},
        "objects": [_object_record(o, asset_for(o, assets)) for o in spec.objects],
        "relations": [r.model_dump(exclude_none=True) for r in spec.relations],
        "cameras": [{"id": c.id, "width": c.width, "height": c.height, "fx": c.fx, "fy": c.fy, "cx": c.cx,
                     "cy": c.cy, "c2w": [list(row) for row in c.c2w]}
                    for c in sorted(spec.cameras, key=lambda c: c.id)],
        "motions": [m.model_dump(exclude_none=True) for m in spec.motions],
        "warnings": list(spec.warnings),
    })


def write_scene_json(spec: SceneSpec, assets: dict[str, Asset], path: Path) -> None:
    write_json(Path(path), scene_graph(spec, assets))
