"""Assets from mesh files (GLB, glTF, OBJ, PLY) already in the canonical frame."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import trimesh

from fyi.assets.model import Asset, Part
from fyi.errors import FyiError

MESH_SUFFIXES = {".glb", ".gltf", ".obj", ".ply", ".stl"}


def load_mesh_asset(path: str | Path, category: str) -> Asset:
    """One part per mesh in the file, rebased so the base sits on z = 0 centred in x/y."""
    path = Path(path)
    if not path.is_file():
        raise FyiError(f"{path}: asset file not found")
    if path.suffix.lower() not in MESH_SUFFIXES:
        raise FyiError(f"{path}: not a mesh file (expected one of {', '.join(sorted(MESH_SUFFIXES))})")
    try:
        scene = trimesh.load(path, force="scene")
        meshes = [g for g in scene.dump() if isinstance(g, trimesh.Trimesh) and len(g.faces)]
    except Exception as e:  # trimesh raises many types for corrupt files
        raise FyiError(f"{path}: cannot read mesh ({type(e).__name__}: {e})") from None
    if not meshes:
        raise FyiError(f"{path}: the file holds no triangles")
    if not all(np.isfinite(m.vertices).all() for m in meshes):
        raise FyiError(f"{path}: the mesh has non-finite vertices")
    lo = np.min([m.bounds[0] for m in meshes], axis=0)
    hi = np.max([m.bounds[1] for m in meshes], axis=0)
    if np.any(hi - lo <= 0):
        raise FyiError(f"{path}: the mesh is flat or empty (extent {np.round(hi - lo, 4).tolist()})")
    shift = -np.array([(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, lo[2]])
    parts = []
    for i, m in enumerate(meshes):
        m = m.copy()
        m.apply_translation(shift)
        color = (0.7, 0.7, 0.7)
        try:
            rgba = m.visual.main_color
            color = tuple(float(c) / 255 for c in rgba[:3])
        except Exception:
            pass
        parts.append(Part(f"part_{i}", m, "plastic", color))
    return Asset(category=category, uid=str(path), parts=parts, source="file", license="unknown")
