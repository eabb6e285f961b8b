"""coco.json: COCO instances (compressed RLE masks, boxes, categories) from the rendered instance masks.

Category ids and names come from the one fixed table, render.coco_categories: COCO's official ids and
names for its 80 classes, fixed ids above 90 for FYI's others; the same in every scene and dataset.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image
from pycocotools import mask as mask_util

from fyi.errors import FyiError
from fyi.render.coco_categories import coco_category
from fyi.render.exporters import plain, view_name, write_json
from fyi.scenes.spec import CameraSpec, SceneSpec


def read_instance_mask(path: Path, camera: CameraSpec) -> np.ndarray:
    """The uint16 instance image of a view as an (H, W) integer array."""
    if not path.is_file():
        raise FyiError(f"{path}: no instance mask for view {camera.id}")
    with Image.open(path) as img:
        ids = np.asarray(img).astype(np.int64)
    if ids.shape != (camera.height, camera.width):
        raise FyiError(f"{path}: mask is {ids.shape[1]}x{ids.shape[0]}, camera {camera.id} is "
                       f"{camera.width}x{camera.height}")
    return ids


def mask_annotation(mask: np.ndarray) -> dict:
    """Compressed RLE, area and [x, y, w, h] box of a boolean mask with at least one pixel."""
    rle = mask_util.encode(np.asfortranarray(mask.astype(np.uint8)))
    rle["counts"] = rle["counts"].decode("ascii")
    ys, xs = np.nonzero(mask)
    x0, x1, y0, y1 = int(xs.min()), int(xs.max()), int(ys.min()), int(ys.max())
    return {"segmentation": rle, "area": int(mask.sum()),
            "bbox": [float(x0), float(y0), float(x1 - x0 + 1), float(y1 - y0 + 1)]}


def coco_dataset(spec: SceneSpec, views_dir: Path) -> dict:
    """The COCO instances dict: one image per view, one annotation per object visible in it."""
    views_dir = Path(views_dir)
    categories = sorted({coco_category(o.category) for o in spec.objects})
    licenses = sorted({o.asset.license for o in spec.objects if o.asset})
    images, annotations = [], []
    for camera in sorted(spec.cameras, key=lambda c: c.id):
        stem = view_name(camera.id)
        image_id = camera.id + 1  # COCO ids start at 1
        images.append({"id": image_id, "file_name": f"views/rgb/{stem}.png", "width": camera.width,
                       "height": camera.height})
        ids = read_instance_mask(views_dir / "instance" / f"{stem}.png", camera)
        present = set(np.unique(ids).tolist())
        for obj in spec.objects:
            if obj.instance_id is None:
                raise FyiError(f"object {obj.id!r} has no instance_id: resolve the spec before exporting")
            if obj.instance_id not in present:
                continue
            annotations.append({"id": len(annotations) + 1, "image_id": image_id,
                                "category_id": coco_category(obj.category).id,
                                **mask_annotation(ids == obj.instance_id), "iscrowd": 0,
                                "instance_id": obj.instance_id, "object_id": obj.id})
    return {
        "info": {"description": f"FYI scene {spec.scene_id}", "version": "1.0", "contributor": "FYI"},
        "licenses": [{"id": i, "name": name, "url": ""} for i, name in enumerate(licenses, start=1)],
        "images": images,
        "categories": [category_record(c) for c in categories],
        "annotations": annotations,
    }


def category_record(category) -> dict:
    """A coco.json category; "fyi_category" is FYI's name of it (scene.json's "category")."""
    return {"id": category.id, "name": category.name, "supercategory": category.supercategory,
            "fyi_category": category.fyi}


def write_coco(spec: SceneSpec, views_dir: Path, path: Path) -> dict:
    """Write coco.json; file names are relative to the scene folder (views/rgb/NNNN.png)."""
    data = plain(coco_dataset(spec, views_dir))
    write_json(Path(path), data)
    return data
