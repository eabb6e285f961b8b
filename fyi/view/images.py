"""The report's pictures, made once with numpy from the scene's files: instance masks coloured by
instance, depth and normals colour-mapped, optical flow on the Middlebury colour wheel, thumbnails.

`ImageCache` makes each picture only when its source changed (size and mtime), so a report of a
large dataset is made again in the time it takes to look at the files.
"""
from __future__ import annotations

import colorsys
import json
import os
import shutil
from pathlib import Path
from typing import Callable

import numpy as np
from PIL import Image

from fyi.errors import FyiError

CACHE_NAME = ".cache.json"
PICTURES_VERSION = 1  # bumped when a picture's look changes, so that reports made before are remade


def instance_colour(instance_id: int) -> tuple[int, int, int]:
    """A colour per instance id, far from its neighbours' (golden-ratio hues), the same in every report."""
    hue = (instance_id * 0.618033988749895) % 1.0
    r, g, b = colorsys.hsv_to_rgb(hue, 0.85, 0.95)
    return round(r * 255), round(g * 255), round(b * 255)


def hex_colour(instance_id: int) -> str:
    return "#{:02x}{:02x}{:02x}".format(*instance_colour(instance_id))


def read_instance(path: Path) -> np.ndarray:
    """views/instance/NNNN.png as (H, W) uint16 instance ids."""
    with Image.open(path) as image:
        return np.asarray(image).astype(np.uint16)


def mask_rgba(ids: np.ndarray) -> np.ndarray:
    """Instance ids -> RGBA: each instance in its colour, half opaque; background transparent."""
    present = np.unique(ids)
    palette = np.zeros((int(present.max()) + 1, 4), dtype=np.uint8)
    for value in present[present > 0]:
        palette[value] = (*instance_colour(int(value)), 130)
    return palette[ids]


# Matplotlib's viridis at 9 stops (enough for a linear blend to look like it).
_VIRIDIS = np.array([[68, 1, 84], [71, 44, 122], [59, 81, 139], [44, 113, 142], [33, 144, 141],
                     [39, 173, 129], [92, 200, 99], [170, 220, 50], [253, 231, 37]], dtype=np.float32)


def _viridis_table(steps: int = 256) -> np.ndarray:
    x = np.linspace(0.0, 1.0, steps) * (len(_VIRIDIS) - 1)
    lo = np.floor(x).astype(int).clip(0, len(_VIRIDIS) - 2)
    t = (x - lo)[:, None]
    return np.rint(_VIRIDIS[lo] * (1 - t) + _VIRIDIS[lo + 1] * t).astype(np.uint8)


_VIRIDIS_TABLE = _viridis_table()


def colour_map(values: np.ndarray) -> np.ndarray:
    """Values in 0..1 -> (..., 3) uint8 viridis (256 steps, looked up: a picture's worth in a millisecond)."""
    return _VIRIDIS_TABLE[np.rint(np.clip(values, 0.0, 1.0) * 255).astype(np.uint8)]


def depth_rgb(depth: np.ndarray) -> np.ndarray:
    """z-depth in metres -> viridis, near bright and far dark (inverse depth spread over the scene's
    own range); background (inf) black."""
    finite = np.isfinite(depth) & (depth > 0)
    out = np.zeros((*depth.shape, 3), dtype=np.uint8)
    if finite.any():
        inv = np.zeros_like(depth, dtype=np.float32)
        inv[finite] = 1.0 / depth[finite]
        lo, hi = float(inv[finite].min()), float(inv[finite].max())
        out[finite] = colour_map((inv[finite] - lo) / max(hi - lo, 1e-9))
    return out


def normal_rgb(normal: np.ndarray) -> np.ndarray:
    """World-space unit normals -> the usual (n + 1) / 2 colours; background (zero normal) black."""
    out = np.rint((np.clip(normal, -1.0, 1.0) + 1.0) * 127.5).astype(np.uint8)
    out[~np.any(normal != 0, axis=-1)] = 0
    return out


def _colour_wheel() -> np.ndarray:
    """The Middlebury flow colour wheel (Baker et al. 2011): 55 hues, red-yellow-green-cyan-blue-magenta."""
    segments = [(15, (255, 0, 0), (255, 255, 0)), (6, (255, 255, 0), (0, 255, 0)), (4, (0, 255, 0), (0, 255, 255)),
                (11, (0, 255, 255), (0, 0, 255)), (13, (0, 0, 255), (255, 0, 255)), (6, (255, 0, 255), (255, 0, 0))]
    rows = []
    for n, start, end in segments:
        t = np.arange(n, dtype=np.float32)[:, None] / n
        rows.append(np.array(start, np.float32) * (1 - t) + np.array(end, np.float32) * t)
    return np.concatenate(rows) / 255.0


def flow_rgb(flow: np.ndarray, max_motion: float | None = None) -> np.ndarray:
    """Forward flow (u right, v down, pixels) -> Middlebury colours: hue is the direction, saturation
    the length relative to `max_motion` (default: the longest vector of this flow); no motion is white."""
    u, v = flow[..., 0], flow[..., 1]
    ok = np.isfinite(u) & np.isfinite(v)
    u, v = np.where(ok, u, 0.0), np.where(ok, v, 0.0)
    radius = np.hypot(u, v)
    scale = max_motion if max_motion else float(radius.max())
    if scale > 0:
        u, v, radius = u / scale, v / scale, radius / scale
    wheel = _colour_wheel()
    n = len(wheel)
    angle = np.arctan2(-v, -u) / np.pi
    k = (angle + 1) / 2 * (n - 1)
    k0 = np.floor(k).astype(int)
    k1 = (k0 + 1) % n
    f = (k - k0)[..., None]
    colour = wheel[k0] * (1 - f) + wheel[k1] * f
    r = np.clip(radius, 0.0, 1.0)[..., None]
    colour = np.where(r <= 1, 1 - r * (1 - colour), colour * 0.75)
    colour[~ok] = 0
    return np.rint(colour * 255).astype(np.uint8)


def read_exr_channels(path: Path) -> dict[str, np.ndarray]:
    """Every channel of an EXR's first part (views/depth 'Z', views/normal 'R G B') as float32 arrays."""
    import OpenEXR

    f = OpenEXR.File(str(path), separate_channels=True)
    return {name: np.asarray(ch.pixels, dtype=np.float32) for name, ch in f.parts[0].channels.items()}


def depth_png(src: Path, dst: Path) -> None:
    save_png(depth_rgb(read_exr_channels(src)["Z"]), dst)


def normal_png(src: Path, dst: Path) -> None:
    ch = read_exr_channels(src)
    save_png(normal_rgb(np.stack([ch["R"], ch["G"], ch["B"]], axis=-1)), dst)


def mask_png(src: Path, dst: Path) -> None:
    save_png(mask_rgba(read_instance(src)), dst)


def flow_png(src: Path, dst: Path) -> None:
    from fyi.render.frames import read_flo

    save_png(flow_rgb(read_flo(src)), dst)


def thumbnail(src: Path, dst: Path, size: int = 192) -> None:
    with Image.open(src) as image:
        image = image.convert("RGB")
        image.thumbnail((size, size))
        dst.parent.mkdir(parents=True, exist_ok=True)
        image.save(dst, quality=85)


def copy_file(src: Path, dst: Path) -> None:
    """A file the report shows as it is: a hard link when the folders share a disk, else a copy."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.unlink(missing_ok=True)
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def copy_image(src: Path, dst: Path) -> None:
    """copy_file for a picture, once its header says it is one (a browser would show a broken image)."""
    with Image.open(src):
        pass
    copy_file(src, dst)


def save_png(pixels: np.ndarray, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(pixels).save(dst, compress_level=3)


class ImageCache:
    """Pictures made from source files, remade only when a source's size or mtime changed.

    The record (report_dir/.cache.json) maps each picture (relative to the report) to the key of the
    source it was made from and the maker's name."""

    def __init__(self, report_dir: Path):
        self.root = Path(report_dir)
        self.path = self.root / CACHE_NAME
        try:
            self.known: dict[str, str] = json.loads(self.path.read_text())
        except (OSError, ValueError):
            self.known = {}
        self.made = 0

    def make(self, maker: Callable[[Path, Path], None], src: Path, rel: str) -> str:
        """Make report_dir/rel from src with maker(src, dst) unless it is up to date; return rel."""
        st = src.stat()
        key = f"{PICTURES_VERSION}:{maker.__name__}:{src.resolve()}:{st.st_size}:{st.st_mtime_ns}"
        dst = self.root / rel
        if self.known.get(rel) != key or not dst.exists():
            try:
                maker(src, dst)
            except (OSError, ValueError, KeyError, RuntimeError) as e:  # a truncated PNG; EXR: RuntimeError
                raise FyiError(f"{src}: unreadable ({type(e).__name__}: {str(e)[:80]})") from None
            self.known[rel] = key
            self.made += 1
        return rel

    def save(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.known, sort_keys=True))
        os.replace(tmp, self.path)
