"""Content-addressed renders: the same spec at the same settings renders once.

The Optimizer's last look at a draft scene is the final render; a resumed run finds its views
where it left them.
"""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Callable

from fyi.assets.model import Asset
from fyi.render.quality import RenderQuality
from fyi.scenes.cameras import scaled
from fyi.scenes.spec import SceneSpec


def render_key(spec: SceneSpec, quality: RenderQuality) -> str:
    data = spec.model_dump(mode="json", exclude={"warnings", "instruction", "motions", "render"})
    data["quality"] = [quality.width, quality.height, quality.samples, quality.denoise]
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:20]


def rendered_views(spec: SceneSpec, assets: dict[str, Asset], quality: RenderQuality, cache_dir: Path,
                   progress: Callable[[int, int], None] | None = None) -> Path:
    """The views folder of `spec` rendered at `quality`, rendering it only if it is not there yet."""
    from fyi.render.blender import render_views  # bpy loads only when something is rendered

    spec = spec.model_copy(update={"cameras": [scaled(c, quality.width, quality.height) for c in spec.cameras]})
    final = Path(cache_dir) / render_key(spec, quality)
    if (final / "views").is_dir():
        return final / "views"
    partial = final.with_name(final.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    render_views(spec, assets, partial / "views", samples=quality.samples, denoise=quality.denoise, progress=progress)
    partial.rename(final)
    return final / "views"
