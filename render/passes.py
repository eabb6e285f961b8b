"""Render passes: read Cycles' multilayer EXR into arrays and write them as the per-pass files.

Facts the reader relies on (checked against Cycles 4.5, see tests/test_render.py):
- channels are named "<view layer>.<pass>.<channel>": Combined.R/G/B/A, Depth.Z, Normal.X/Y/Z,
  IndexOB.X;
- Depth is z-depth along the optical axis (not ray length), written by the first sample only, so it
  is never blended across edges; empty background holds 1e10;
- IndexOB is also written by the first sample only: exact integers, no averaging at edges;
- Normal is world space but accumulated over samples, so edge pixels are averages: renormalised here;
- Combined is scene-linear (film exposure already applied); the 'Standard' view transform is the
  plain sRGB transfer function with clipping, done here.
- Vector (only when BlenderScene.enable_motion_vectors was called) is Vector.X/Y/Z/W in pixels with
  the image y axis UP: (X, Y) = position at the previous frame minus here, (Z, W) = here minus the
  position at the next frame (found by experiment, see tests/test_frames.py). So the forward flow in
  x right / y down pixels is (u, v) = (-Z, W). It is accumulated over samples: edge pixels are averages.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import OpenEXR
from PIL import Image

from fyi.assets.color import linear_to_srgb

BACKGROUND_DEPTH = 1e9  # Cycles writes 1e10 where a ray hits nothing


@dataclass
class ViewPasses:
    """One rendered view as arrays."""

    rgb: np.ndarray       # (H, W, 3) float32, display sRGB in 0..1
    depth: np.ndarray     # (H, W) float32, z-depth in metres; background +inf
    normal: np.ndarray    # (H, W, 3) float32, world-space unit normals; background 0
    instance: np.ndarray  # (H, W) uint16, instance_id; 0 = background/room
    flow: np.ndarray | None = None  # (H, W, 2) float32 forward flow (u right, v down) in pixels, if rendered


def _channels(path: Path) -> dict[str, np.ndarray]:
    """Every channel of the EXR's first part by its full name, as 2-D float32 arrays."""
    f = OpenEXR.File(str(path), separate_channels=True)
    return {name: np.asarray(ch.pixels, dtype=np.float32) for name, ch in f.parts[0].channels.items()}


def _pass(channels: dict[str, np.ndarray], pass_name: str, components: str, path: Path) -> np.ndarray:
    """One pass's components stacked last, found whatever the view layer is called."""
    found = []
    for c in components:
        suffix = f".{pass_name}.{c}"
        names = [n for n in channels if n.endswith(suffix) or n == f"{pass_name}.{c}"]
        if not names:
            raise ValueError(f"{path}: no channel '*{suffix}' (has {', '.join(sorted(channels))})")
        found.append(channels[names[0]])
    return np.stack(found, axis=-1)


def read_exr(path: Path) -> ViewPasses:
    """Split one multilayer EXR written by BlenderScene.render_exr into a ViewPasses."""
    path = Path(path)
    ch = _channels(path)
    rgb = linear_to_srgb(_pass(ch, "Combined", "RGB", path))
    depth = _pass(ch, "Depth", "Z", path)[..., 0].copy()
    background = depth >= BACKGROUND_DEPTH
    depth[background] = np.inf
    normal = _pass(ch, "Normal", "XYZ", path)
    length = np.linalg.norm(normal, axis=-1, keepdims=True)
    normal = np.where(length > 1e-6, normal / np.maximum(length, 1e-6), 0.0).astype(np.float32)
    normal[background] = 0.0
    index = _pass(ch, "IndexOB", "X", path)[..., 0]
    instance = np.rint(index).clip(0, 65535).astype(np.uint16)
    flow = None
    if any(n.endswith(".Vector.Z") or n == "Vector.Z" for n in ch):
        vector = _pass(ch, "Vector", "ZW", path)
        flow = np.stack([-vector[..., 0], vector[..., 1]], axis=-1).astype(np.float32)
    return ViewPasses(rgb=rgb, depth=depth.astype(np.float32), normal=normal, instance=instance, flow=flow)


def read_rgb(path: Path) -> np.ndarray:
    """Only the colour image (display sRGB, 0..1) of an EXR written by BlenderScene: a lens-effect render
    writes no data passes."""
    path = Path(path)
    return linear_to_srgb(_pass(_channels(path), "Combined", "RGB", path))


def write_rgb(rgb: np.ndarray, path: Path) -> None:
    """An (H, W, 3) display-sRGB image in 0..1 as an 8-bit PNG."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(np.rint(np.clip(rgb, 0.0, 1.0) * 255.0).astype(np.uint8)).save(path)


def _write_exr(path: Path, channels: dict[str, np.ndarray]) -> None:
    header = {"compression": OpenEXR.ZIP_COMPRESSION, "type": OpenEXR.scanlineimage}
    OpenEXR.File(header, {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in channels.items()}).write(str(path))


def write_view(passes: ViewPasses, views_dir: Path, index: int) -> None:
    """Write one view as views_dir/rgb/NNNN.png (8-bit sRGB), depth/NNNN.exr (float32 'Z'),
    normal/NNNN.exr (float32 'R','G','B' = world x, y, z) and instance/NNNN.png (16-bit grey)."""
    views_dir = Path(views_dir)
    name = f"{index:04d}"
    for sub in ("rgb", "depth", "normal", "instance"):
        (views_dir / sub).mkdir(parents=True, exist_ok=True)
    write_rgb(passes.rgb, views_dir / "rgb" / f"{name}.png")
    _write_exr(views_dir / "depth" / f"{name}.exr", {"Z": passes.depth})
    n = passes.normal
    _write_exr(views_dir / "normal" / f"{name}.exr", {"R": n[..., 0], "G": n[..., 1], "B": n[..., 2]})
    Image.fromarray(np.ascontiguousarray(passes.instance, dtype=np.uint16)).save(views_dir / "instance" / f"{name}.png")


def read_view(views_dir: Path, index: int) -> ViewPasses:
    """Read back the files write_view wrote for one view."""
    views_dir = Path(views_dir)
    name = f"{index:04d}"
    rgb = np.asarray(Image.open(views_dir / "rgb" / f"{name}.png").convert("RGB"), dtype=np.float32) / 255.0
    depth = _channels(views_dir / "depth" / f"{name}.exr")["Z"]
    nch = _channels(views_dir / "normal" / f"{name}.exr")
    normal = np.stack([nch["R"], nch["G"], nch["B"]], axis=-1)
    instance = np.asarray(Image.open(views_dir / "instance" / f"{name}.png")).astype(np.uint16)
    return ViewPasses(rgb=rgb, depth=depth, normal=normal, instance=instance)
