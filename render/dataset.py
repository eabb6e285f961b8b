"""One scene folder, assembled from a resolved spec and its rendered views (DESIGN.md's layout)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Callable

from fyi.assets.model import Asset
from fyi.render.coco import write_coco
from fyi.render.glb import write_glb
from fyi.render.manifest import write_manifest
from fyi.render.pointcloud import write_point_cloud
from fyi.render.scene_graph import write_scene_json
from fyi.render.transforms import write_transforms
from fyi.scenes.io import save_spec
from fyi.scenes.spec import SceneSpec


def write_dataset(spec: SceneSpec, assets: dict[str, Asset], views_src: Path, scene_dir: Path, *,
                  trace: list[dict], timings: dict[str, float], frames_src: Path | None = None,
                  annotate: Callable[[Path], dict] | None = None, rounds_src: Path | None = None) -> None:
    """Fill `scene_dir` (a staging folder: the caller moves it into place once this returns).

    `annotate(scene_dir)` lets a layer above this one (fyi.data's instruction data) add files made from
    the finished ones before the manifest lists them all; what it returns goes into the manifest.
    `rounds_src` holds the Optimizer's view-0 preview of each round (rounds/NN.png, named in trace.jsonl)."""
    scene_dir.mkdir(parents=True, exist_ok=True)
    shutil.copytree(views_src, scene_dir / "views", dirs_exist_ok=True)
    if rounds_src is not None and rounds_src.is_dir():
        shutil.copytree(rounds_src, scene_dir / "rounds", dirs_exist_ok=True)
    if frames_src is not None:
        shutil.copytree(frames_src, scene_dir / "frames", dirs_exist_ok=True)
    save_spec(spec, scene_dir / "scene.yaml")
    write_scene_json(spec, assets, scene_dir / "scene.json")
    write_glb(spec, assets, scene_dir / "scene.glb")
    write_point_cloud(spec, scene_dir / "views", scene_dir / "pointcloud.ply")
    write_coco(spec, scene_dir / "views", scene_dir / "coco.json")
    write_transforms(spec, scene_dir / "views", scene_dir / "views" / "transforms.json")
    with open(scene_dir / "trace.jsonl", "w") as f:
        for step in trace:
            f.write(json.dumps(step, sort_keys=False) + "\n")
    # Where every object's geometry came from and under which licence (Objaverse assets carry their own).
    assets_used = {o.id: {"source": o.asset.source, "uid": o.asset.uid, "license": o.asset.license}
                   for o in spec.objects if o.asset is not None}
    added = annotate(scene_dir) if annotate is not None else {}
    write_manifest(scene_dir, seed=spec.seed, timings=timings,
                   extra={"scene_id": spec.scene_id, "quality": spec.render.quality, "assets": assets_used,
                          "warnings": spec.warnings, **added})
