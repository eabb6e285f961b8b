"""Content-addressed renders: the same scene at the same settings renders once.

Lens effects (scenes.lens) change the colour images only: a scene's exact views are rendered once
whatever its lens, and its depth of field is a colour render over a copy of them (kind "lens-views").

The Optimizer's last look at a draft scene is the final render; a resumed run finds its views and
frames where it left them. Stills do not depend on the animation, so planning motion after the
critique does not re-render them.
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

Progress = Callable[[int, int], None]


def render_key(spec: SceneSpec, quality: RenderQuality, kind: str) -> str:
    exclude = {"warnings", "instruction", "motions", "render", "scene_id"}
    if kind == "views":
        exclude.add("animation")
    data = spec.model_dump(mode="json", exclude=exclude)
    data["quality"] = [kind, quality.width, quality.height, quality.samples, quality.denoise]
    if kind != "views":  # what the lens does to colour images (the exact views do not depend on it)
        data["lens"] = spec.render.model_dump(mode="json", include={"fstop", "focus", "shutter"})
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:20]


def _cached(spec: SceneSpec, quality: RenderQuality, cache_dir: Path, kind: str,
            render: Callable[[Path], None]) -> Path:
    """`kind`'s folder (named views or frames) under the render's key, rendering it if it is not there."""
    final = Path(cache_dir) / render_key(spec, quality, kind)
    name = kind.removeprefix("lens-")
    if (final / name).is_dir():
        return final / name
    partial = final.with_name(final.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    render(partial / name)
    partial.rename(final)
    return final / name


def at_quality(spec: SceneSpec, quality: RenderQuality) -> SceneSpec:
    """The spec with its cameras at the rendered size (a scene.yaml's cameras may be at another)."""
    return spec.model_copy(update={"cameras": [scaled(c, quality.width, quality.height) for c in spec.cameras]})


def rendered_views(spec: SceneSpec, assets: dict[str, Asset], quality: RenderQuality, cache_dir: Path,
                   progress: Progress | None = None) -> Path:
    """The views folder of `spec` rendered at `quality`, rendering it only if it is not there yet."""
    from fyi.render.blender import render_views  # bpy loads only when something is rendered

    spec = at_quality(spec, quality)
    return _cached(spec, quality, cache_dir, "views", lambda out: render_views(
        spec, assets, out, samples=quality.samples, denoise=quality.denoise, progress=progress))


def lens_views(spec: SceneSpec, assets: dict[str, Asset], quality: RenderQuality, cache_dir: Path,
               progress: Progress | None = None) -> Path:
    """The views of `spec` as its lens sees them: the exact views with their colour images rendered again
    with depth of field; the exact views themselves when the spec has none."""
    from fyi.render.blender import render_lens_colour

    exact = rendered_views(spec, assets, quality, cache_dir, progress=progress)
    if spec.render.fstop is None:
        return exact
    spec = at_quality(spec, quality)

    def render(out: Path) -> None:
        shutil.copytree(exact, out)
        render_lens_colour(spec, assets, out, samples=quality.samples, denoise=quality.denoise, progress=progress)

    return _cached(spec, quality, cache_dir, "lens-views", render)


def rendered_frames(spec: SceneSpec, assets: dict[str, Asset], quality: RenderQuality, cache_dir: Path,
                    progress: Progress | None = None) -> Path:
    """The frames folder of an animated `spec` at `quality` (view 0's camera moving as planned)."""
    from fyi.render.frames import render_frames

    spec = at_quality(spec, quality)
    return _cached(spec, quality, cache_dir, "frames", lambda out: render_frames(
        spec, assets, out, samples=quality.samples, denoise=quality.denoise, progress=progress))


def rendered_scene(spec: SceneSpec, assets: dict[str, Asset], quality: RenderQuality, cache_dir: Path,
                   progress: Callable[[str, int, int], None] | None = None) -> tuple[Path, Path | None]:
    """The views of `spec` and, when it moves, its frames: (views folder, frames folder or None)."""
    report = progress or (lambda stage, k, n: None)
    views = lens_views(spec, assets, quality, cache_dir, progress=lambda k, n: report("render views", k, n))
    frames = None
    if spec.animation is not None:
        frames = rendered_frames(spec, assets, quality, cache_dir, progress=lambda k, n: report("render frames", k, n))
    return views, frames
