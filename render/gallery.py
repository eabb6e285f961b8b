"""A contact sheet of the procedural library: each category rendered alone in a studio, labelled.

It is the quick way to see whether every asset reads as what it is: one Cycles render per
(category, seed), tiles in a grid, the category name (and seed) under each tile.
"""
from __future__ import annotations

import math
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from fyi.assets import catalog
from fyi.render.blender import render_views
from fyi.scenes.cameras import frame_cameras
from fyi.scenes.geometry import world_bbox, yaw_quaternion
from fyi.scenes.spec import AssetRef, CameraSpec, ObjectSpec, Room, SceneSpec

LABEL_H = 14  # pixels under each tile for its name
BACKGROUND = (250, 250, 250)
# The object is turned so the front view sees it three-quarters on: a dog seen head-on is a blob.
TURN = math.radians(-40.0)


def studio_spec(category: str, seed: int, size: int) -> tuple[SceneSpec, dict]:
    """One object of `category` at the origin of a studio, turned three-quarters to the main view (view 0)."""
    return asset_studio_spec(catalog.build_asset(category, seed), AssetRef(uid=category, seed=seed), category,
                             size, turn=TURN, seed=seed)


def asset_studio_spec(asset, ref: AssetRef, category: str, size: int, *, turn: float = TURN,
                      seed: int = 0) -> tuple[SceneSpec, dict]:
    """Any asset alone at the origin of a studio, turned by `turn` (radians) before view 0's camera."""
    obj = ObjectSpec(id="subject", category=category, position=(0.0, 0.0, 0.0), instance_id=1,
                     rotation=yaw_quaternion(turn), asset=ref, support="floor")
    lo, hi = world_bbox(obj, asset)
    corners = np.array([[x, y, z] for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])])
    spec = SceneSpec(scene_id=f"studio_{category}_{seed}", seed=seed, room=Room(type="studio"), objects=[obj],
                     cameras=[_close_framing(corners, size)])
    return spec, {"subject": asset}


def render_asset_tile(asset, ref: AssetRef, category: str, path: Path, *, turn: float = TURN, size: int = 128,
                      samples: int = 8) -> Path:
    """A thumbnail of any asset (for a model's visual pick), written to `path` as PNG."""
    spec, assets = asset_studio_spec(asset, ref, category, size, turn=turn)
    with tempfile.TemporaryDirectory(prefix="fyi_tile_") as tmp:
        render_views(spec, assets, Path(tmp), samples=samples, denoise=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.open(Path(tmp) / "rgb" / "0000.png").convert("RGB").save(path)
    return path


def _close_framing(corners: np.ndarray, size: int) -> CameraSpec:
    """frame_cameras' view 0, brought as close as the object needs.

    frame_cameras never stands nearer than half a metre, where a fork is a few pixels: frame a
    box blown up about its centre, then move the camera in by the same factor along its ray.
    """
    target = (corners.min(axis=0) + corners.max(axis=0)) / 2
    k = max(1.0, 2.0 / float(np.linalg.norm(corners.max(axis=0) - corners.min(axis=0))))
    camera = frame_cameras(target + (corners - target) * k, 1, size, size)[0]
    c2w = np.array(camera.c2w, dtype=float)
    c2w[:3, 3] = target + (c2w[:3, 3] - target) / k
    return camera.model_copy(update={"c2w": tuple(tuple(float(v) for v in row) for row in c2w)})


def render_tile(category: str, seed: int, size: int, samples: int, work_dir: Path) -> Image.Image:
    """One category and seed rendered into a `size` x `size` RGB image."""
    spec, assets = studio_spec(category, seed, size)
    views = work_dir / f"{category}_{seed}"
    render_views(spec, assets, views, samples=samples, denoise=True)
    return Image.open(views / "rgb" / "0000.png").convert("RGB")


def contact_sheet(tiles: list[tuple[str, Image.Image]], size: int) -> Image.Image:
    """Tiles in a near-square grid, each labelled underneath with PIL's default font."""
    cols = max(1, math.ceil(math.sqrt(len(tiles))))
    rows = math.ceil(len(tiles) / cols)
    sheet = Image.new("RGB", (cols * size, rows * (size + LABEL_H)), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default()
    for k, (label, tile) in enumerate(tiles):
        x, y = (k % cols) * size, (k // cols) * (size + LABEL_H)
        sheet.paste(tile.resize((size, size)), (x, y))
        width = draw.textlength(label, font=font)
        draw.text((x + max(0.0, (size - width) / 2), y + size + 1), label, fill=(20, 20, 20), font=font)
    return sheet


def render_gallery(out_dir: Path, *, categories: list[str] | None = None, seeds: tuple[int, ...] = (0,),
                   size: int = 160, samples: int = 8,
                   progress: Callable[[int, int], None] | None = None) -> Path:
    """Render every category (or the named ones) for each seed and write out_dir/gallery.png.

    `progress(done, total)` is called after each tile. Returns the path of the contact sheet.
    """
    return render_gallery_pages(out_dir, categories=categories, seeds=seeds, size=size, samples=samples,
                                progress=progress, per_sheet=None)[0]


def render_gallery_pages(out_dir: Path, *, per_sheet: int | None = 48, categories: list[str] | None = None,
                         seeds: tuple[int, ...] = (0,), size: int = 160, samples: int = 8,
                         progress: Callable[[int, int], None] | None = None) -> list[Path]:
    """Every category (or the named ones), for each seed, on contact sheets of at most `per_sheet` tiles:
    out_dir/gallery-01.png, gallery-02.png... in name order (one out_dir/gallery.png when `per_sheet` is
    None). A sheet is written as soon as its tiles are rendered, so a long run shows its pages as it goes."""
    names = ([catalog.info(n).name for n in categories] if categories is not None
             else [c.name for c in catalog.categories()])
    jobs = [(name, seed) for name in names for seed in seeds]
    if per_sheet is not None and per_sheet < 1:
        raise ValueError(f"per_sheet must be at least 1, not {per_sheet}")
    pages = [jobs] if per_sheet is None else [jobs[k:k + per_sheet] for k in range(0, len(jobs), per_sheet)]
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths, done = [], 0
    with tempfile.TemporaryDirectory(prefix="fyi_gallery_") as tmp:
        for number, page in enumerate(pages, 1):
            tiles: list[tuple[str, Image.Image]] = []
            for name, seed in page:
                label = name if len(seeds) == 1 else f"{name} #{seed}"
                tiles.append((label, render_tile(name, seed, size, samples, Path(tmp))))
                done += 1
                if progress is not None:
                    progress(done, len(jobs))
            path = out_dir / ("gallery.png" if per_sheet is None else f"gallery-{number:02d}.png")
            contact_sheet(tiles, size).save(path)
            paths.append(path)
    return paths


__all__ = ["render_gallery", "render_gallery_pages", "render_tile", "contact_sheet", "studio_spec"]
