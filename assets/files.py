"""Assets from mesh files (GLB, glTF, OBJ, PLY) already in the canonical frame."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import trimesh

from fyi.assets.color import linear_to_srgb, srgb_to_linear
from fyi.assets.model import Asset, Part
from fyi.errors import FyiError

MESH_SUFFIXES = {".glb", ".gltf", ".obj", ".ply", ".stl"}
DEFAULT_COLOR = (0.7, 0.7, 0.7)
# Limits on any mesh file FYI reads (a spec's asset, a local folder's, Objaverse's): checked before
# loading, since a sparse 2 GB OBJ costs gigabytes of memory before its faces can be counted.
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_INPUT_FACES = 5_000_000


def _mean_image_srgb(image) -> np.ndarray:
    """Average colour of a texture (PIL image), sRGB 0..1; a box filter to 1x1 is the exact mean."""
    from PIL import Image

    pixel = image.convert("RGB").resize((1, 1), Image.BOX).getpixel((0, 0))
    return np.asarray(pixel[:3], dtype=float) / 255


def mesh_color(mesh: trimesh.Trimesh) -> tuple[float, float, float] | None:
    """One representative sRGB colour (0..1) for a mesh, or None when it has none.

    glTF base colour factors are linear, textures sRGB: a textured PBR material gives the mean of
    its texture times its factor. Vertex/face colours give their most common colour.
    """
    visual = mesh.visual
    if isinstance(visual, trimesh.visual.ColorVisuals):
        if visual.kind is None:
            return None
        return tuple(float(c) / 255 for c in visual.main_color[:3])
    material = getattr(visual, "material", None)
    if material is None:
        return None
    if isinstance(material, trimesh.visual.material.PBRMaterial):
        factor = material.baseColorFactor
        linear = np.ones(3) if factor is None else np.asarray(factor[:3], dtype=float) / 255
        if material.baseColorTexture is not None:
            linear = linear * srgb_to_linear(_mean_image_srgb(material.baseColorTexture))
        return tuple(float(c) for c in linear_to_srgb(linear))
    if isinstance(material, trimesh.visual.material.SimpleMaterial):
        srgb = np.asarray(material.diffuse[:3], dtype=float) / 255
        if getattr(material, "image", None) is not None:
            srgb = linear_to_srgb(srgb_to_linear(srgb) * srgb_to_linear(_mean_image_srgb(material.image)))
        return tuple(float(c) for c in srgb)
    return None


def read_meshes(path: str | Path, *, max_faces: int | None = None) -> list[tuple[trimesh.Trimesh, tuple]]:
    """Every triangle mesh in a mesh file, transforms baked, with its sRGB colour. One FyiError naming
    the file and the reason for a missing, foreign, unreadable, empty, oversized or non-finite one.
    At most MAX_FILE_BYTES and `max_faces` (default MAX_INPUT_FACES) faces."""
    path = Path(path)
    try:
        size = path.stat().st_size if path.is_file() else None
    except OSError as e:  # a name too long, a loop of links
        raise FyiError(f"{path}: cannot read the asset file ({e.strerror})") from None
    if size is None:
        raise FyiError(f"{path}: asset file not found")
    if path.suffix.lower() not in MESH_SUFFIXES:
        raise FyiError(f"{path}: not a mesh file (expected one of {', '.join(sorted(MESH_SUFFIXES))})")
    if size > MAX_FILE_BYTES:
        raise FyiError(f"{path}: file too large ({size / 2**20:.0f} MB > {MAX_FILE_BYTES // 2**20} MB)")
    max_faces = MAX_INPUT_FACES if max_faces is None else max_faces
    try:
        scene = trimesh.load(path, force="scene")
        meshes = [g for g in scene.dump() if isinstance(g, trimesh.Trimesh) and len(g.faces)]
    except Exception as e:  # trimesh raises many types for corrupt files
        raise FyiError(f"{path}: cannot read mesh ({type(e).__name__}: {e})") from None
    if not meshes:
        raise FyiError(f"{path}: the file holds no triangles")
    faces = sum(len(m.faces) for m in meshes)
    if faces > max_faces:
        raise FyiError(f"{path}: too many faces ({faces:,} > {max_faces:,})")
    if not all(np.isfinite(m.vertices).all() for m in meshes):
        raise FyiError(f"{path}: the mesh has non-finite vertices (NaN or inf)")
    out = []
    for m in meshes:
        try:
            color = mesh_color(m) or DEFAULT_COLOR
        except Exception:  # an odd visual must not make a readable mesh unusable
            color = DEFAULT_COLOR
        out.append((m, color))
    return out


def load_mesh_asset(path: str | Path, category: str, *, source: str = "file", uid: str | None = None,
                    license: str = "unknown", description: str = "") -> Asset:
    """One part per mesh in the file (with its colour), rebased so the base sits on z = 0 centred in x/y."""
    meshes = read_meshes(path)
    lo = np.min([m.bounds[0] for m, _ in meshes], axis=0)
    hi = np.max([m.bounds[1] for m, _ in meshes], axis=0)
    if np.any(hi - lo <= 0):
        raise FyiError(f"{path}: the mesh is flat or empty (extent {np.round(hi - lo, 4).tolist()})")
    shift = -np.array([(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, lo[2]])
    parts = []
    for i, (m, color) in enumerate(meshes):
        m = m.copy()
        m.apply_translation(shift)
        parts.append(Part(f"part_{i}", m, "plastic", color))
    return Asset(category=category, uid=uid or str(path), parts=parts, source=source, license=license,
                 description=description)
