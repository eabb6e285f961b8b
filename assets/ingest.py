"""Mesh files from outside (Objaverse, a local folder) into the canonical asset frame.

`normalise` loads a GLB/glTF/OBJ/PLY/STL, rejects files that would break later stages, brings the
mesh to +Z up, real-world scale, base on z = 0 centred in x/y, front -Y, within a face budget, and
writes a GLB that `fyi.assets.files.load_mesh_asset` reads as a multi-part asset with colours.

The output GLB stores canonical coordinates as they are (+Z up, like every GLB FYI reads through
trimesh), not glTF's +Y up: `load_mesh_asset` takes file coordinates as canonical.

Results are cached by content: `out_dir/<key>.glb` plus `<key>.json` (the `IngestReport` and, from
the sources, provenance), where `key` is the sha256 of the input bytes and the parameters.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import trimesh
from trimesh.transformations import rotation_matrix
from trimesh.visual.material import PBRMaterial
from trimesh.visual.texture import TextureVisuals

from fyi.assets.color import srgb_to_linear
from fyi.assets.files import MAX_FILE_BYTES, MAX_INPUT_FACES, read_meshes
from fyi.errors import FyiError

# Bump when the output of `normalise` changes for the same input and parameters: old cache entries
# then stop matching instead of being served stale.
NORMALISE_VERSION = 2  # 2: a category without a typical height gets its file's units guessed
INGEST_SUFFIXES = {".glb", ".gltf", ".obj", ".ply", ".stl"}
# Objaverse models can hold hundreds of meshes; the renderer makes one object per part, so parts
# of (nearly) the same colour are merged and the rest folded into at most this many.
MAX_PARTS = 16

UP_AXES = ("+X", "-X", "+Y", "-Y", "+Z", "-Z")
# glTF is +Y up by specification; OBJ exporters (Blender, Maya, 3ds Max) default to +Y up; PLY and
# STL mostly come from scanners and CAD, which are +Z up.
CONVENTIONAL_UP = {".glb": "+Y", ".gltf": "+Y", ".obj": "+Y", ".ply": "+Z", ".stl": "+Z"}
# How much better (in summed log-ratio) another axis must match the category's shape than the
# format's convention before "auto" overrides the convention.
CONVENTION_MARGIN = 0.1


@dataclass
class IngestReport:
    source_sha256: str
    faces_in: int
    faces_out: int
    scale: float
    up_axis: str
    rotated_front: bool
    dims: tuple[float, float, float]
    front_yaw_degrees: float = 0.0
    parts: int = 0

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "IngestReport":
        data = dict(data)
        data["dims"] = tuple(data["dims"])
        return cls(**data)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _companion_files(path: Path) -> list[Path]:
    """Files a .gltf or .obj pulls in (buffers, textures, .mtl): they change the result too."""
    suffix = path.suffix.lower()
    names: list[str] = []
    try:
        if suffix == ".gltf":
            doc = json.loads(path.read_text(encoding="utf-8"))
            names = [e.get("uri", "") for key in ("buffers", "images") for e in doc.get(key, [])]
        elif suffix == ".obj":
            names = re.findall(r"^\s*mtllib\s+(.+?)\s*$", path.read_text(errors="replace"), flags=re.M)
    except (OSError, ValueError, AttributeError):
        return []  # an unreadable file is reported by the loader, with its reason
    return sorted({path.parent / n for n in names if n and not n.startswith("data:") and (path.parent / n).is_file()})


def source_sha256(path: Path) -> str:
    """sha256 of the file (and, for .gltf/.obj, of the files it references)."""
    companions = _companion_files(path)
    if not companions:
        return file_sha256(path)
    digest = hashlib.sha256(file_sha256(path).encode())
    for c in companions:
        digest.update(c.name.encode() + b"\0" + file_sha256(c).encode())
    return digest.hexdigest()


@lru_cache(maxsize=None)
def category_height(category: str) -> float | None:
    """Typical height of a category in metres: the procedural builder's, for seed 0."""
    from fyi.assets.catalog import build_asset, resolve_category

    name = resolve_category(category) or category
    try:
        return float(build_asset(name, 0).dims[2])
    except FyiError:
        return None


@lru_cache(maxsize=None)
def _category_dims(category: str) -> tuple[float, float, float] | None:
    from fyi.assets.catalog import build_asset, resolve_category

    name = resolve_category(category) or category
    try:
        return tuple(float(d) for d in build_asset(name, 0).dims)
    except FyiError:
        return None


# The units a mesh file may be in (metres, centimetres, millimetres, inches), and the heights an everyday
# thing of a category FYI has no typical height for (an Objaverse accordion) can have.
UNIT_SCALES = (1.0, 0.01, 0.001, 0.0254)
PLAUSIBLE_HEIGHT_M = (0.02, 3.0)


def plausible_height(height: float) -> float:
    """The height in metres of a mesh `height` units tall whose category has no typical height: in the
    first unit that makes it an everyday size, else 0.5 m (a thing of unknown size, at a size that shows)."""
    lo, hi = PLAUSIBLE_HEIGHT_M
    for unit in UNIT_SCALES:
        if lo <= height * unit <= hi:
            return height * unit
    return 0.5


def up_rotation(up: str) -> np.ndarray:
    """4x4 rotation taking the `up` axis to +Z. For +Y up it is the glTF -> Blender turn (+90 deg
    about X), which also takes glTF's front (+Z) to the canonical front (-Y)."""
    turns = {"+Z": (0.0, (1, 0, 0)), "-Z": (math.pi, (1, 0, 0)),
             "+Y": (math.pi / 2, (1, 0, 0)), "-Y": (-math.pi / 2, (1, 0, 0)),
             "+X": (-math.pi / 2, (0, 1, 0)), "-X": (math.pi / 2, (0, 1, 0))}
    angle, axis = turns[up]
    return rotation_matrix(angle, axis)


def _shape_mismatch(extents: np.ndarray, up_index: int, prior: tuple[float, float, float]) -> float:
    """How far the box `extents` with axis `up_index` as height is from the prior's proportions:
    |log| differences of height/longer side and shorter/longer side."""
    h = extents[up_index]
    side = np.delete(extents, up_index)
    lo, hi = min(side), max(side)
    ph, pside = prior[2], sorted(prior[:2])
    eps = 1e-9
    return (abs(math.log((h + eps) / (hi + eps)) - math.log((ph + eps) / (pside[1] + eps)))
            + abs(math.log((lo + eps) / (hi + eps)) - math.log((pside[0] + eps) / (pside[1] + eps))))


def detect_up(suffix: str, extents: np.ndarray, category: str | None) -> str:
    """The up axis for up="auto".

    GLB/glTF: +Y (the glTF specification). OBJ/PLY/STL: when the category has a procedural prior,
    the positive axis whose choice as height gives the proportions closest to the prior's (height
    to longer side, shorter to longer side), unless the format's convention (OBJ +Y, PLY/STL +Z)
    is within CONVENTION_MARGIN of it; without a prior, the convention. The sign is not detected:
    an upside-down file needs an explicit `up`.
    """
    convention = CONVENTIONAL_UP.get(suffix, "+Z")
    if suffix in (".glb", ".gltf") or category is None:
        return convention
    prior = _category_dims(category)
    if prior is None:
        return convention
    scores = {axis: _shape_mismatch(extents, i, prior) for i, axis in enumerate(("+X", "+Y", "+Z"))}
    best = min(scores, key=scores.get)
    return convention if scores[convention] <= scores[best] + CONVENTION_MARGIN else best


def _group_by_color(meshes: list[tuple[trimesh.Trimesh, tuple[float, float, float]]]
                    ) -> list[tuple[trimesh.Trimesh, tuple[float, float, float]]]:
    """Merge meshes of (nearly) the same colour, then fold the smallest groups into their nearest
    colour until at most MAX_PARTS remain. Vertices are merged by position (UV seams gone), so
    decimation can collapse across them."""
    groups: dict[tuple[int, ...], list[tuple[trimesh.Trimesh, tuple[float, float, float]]]] = {}
    for mesh, color in meshes:
        groups.setdefault(tuple(int(round(c * 31)) for c in color), []).append((mesh, color))
    merged = []
    for members in groups.values():
        faces = np.array([len(m.faces) for m, _ in members], dtype=float)
        color = tuple(float(c) for c in np.average([c for _, c in members], axis=0, weights=faces))
        merged.append(([m for m, _ in members], color))
    while len(merged) > MAX_PARTS:
        merged.sort(key=lambda g: -sum(len(m.faces) for m in g[0]))
        meshes_small, color_small = merged.pop()
        nearest = min(range(len(merged)), key=lambda i: np.sum((np.subtract(merged[i][1], color_small)) ** 2))
        merged[nearest] = (merged[nearest][0] + meshes_small, merged[nearest][1])
    out = []
    for members, color in merged:
        joined = trimesh.util.concatenate([trimesh.Trimesh(m.vertices, m.faces, process=False) for m in members])
        joined = trimesh.Trimesh(joined.vertices, joined.faces, process=True)
        if len(joined.faces):
            out.append((joined, color))
    return out


def _decimate(parts: list[tuple[trimesh.Trimesh, tuple[float, float, float]]], max_faces: int, path: Path
              ) -> list[tuple[trimesh.Trimesh, tuple[float, float, float]]]:
    """Quadric decimation, each part in proportion to its face count, until the total fits."""
    total = sum(len(m.faces) for m, _ in parts)
    ratio = max_faces / total
    for _ in range(4):
        if total <= max_faces:
            return parts
        decimated = []
        for mesh, color in parts:
            target = max(int(len(mesh.faces) * ratio), 4)
            if target < len(mesh.faces):
                mesh = mesh.simplify_quadric_decimation(face_count=target)
            decimated.append((mesh, color))
        parts = [(m, c) for m, c in decimated if len(m.faces)]
        new_total = sum(len(m.faces) for m, _ in parts)
        # fast-simplification stops a little above its target on some meshes: aim lower next round
        ratio *= 0.9 * max_faces / max(new_total, 1)
        total = new_total
    if total > max_faces:
        raise FyiError(f"{path}: cannot decimate to {max_faces} faces (got {total}); too many small parts")
    return parts


def _params_key(sha: str, category: str | None, max_faces: int, height_m: float | None, up: str,
                front_yaw_degrees: float) -> str:
    params = {"v": NORMALISE_VERSION, "category": category, "max_faces": max_faces, "height_m": height_m,
              "up": up, "front_yaw_degrees": front_yaw_degrees}
    return hashlib.sha256((sha + json.dumps(params, sort_keys=True)).encode()).hexdigest()


def sidecar_path(glb: Path) -> Path:
    return glb.with_suffix(".json")


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def update_sidecar(glb: Path, **fields) -> dict:
    """Add provenance (source, uid, licence...) to a normalised GLB's sidecar JSON."""
    path = sidecar_path(glb)
    data = json.loads(path.read_text()) if path.is_file() else {}
    data.update(fields)
    _write_atomic(path, json.dumps(data, indent=2, sort_keys=True).encode())
    return data


def normalise(path: Path, category: str | None, out_dir: Path, *, max_faces: int = 20000,
              height_m: float | None = None, up: str = "auto",
              front_yaw_degrees: float = 0.0) -> tuple[Path, IngestReport]:
    """The canonical GLB for a mesh file (see the module docstring), and what was done to it.

    Scale: to `height_m` when given, else to the category's typical height (`category_height`), else,
    for a category no builder makes, to its height in the likeliest units (`plausible_height`);
    without a category, unchanged. `up`: one of UP_AXES or "auto" (`detect_up`). `front_yaw_degrees` turns the
    mesh about +Z after it is upright, for a later step that finds the front (a VLM); the
    canonical front is -Y. Same input bytes and parameters -> the cached file, not recomputed.
    """
    path = Path(path)
    out_dir = Path(out_dir)
    if up != "auto" and up not in UP_AXES:
        raise FyiError(f"up must be 'auto' or one of {', '.join(UP_AXES)}, not {up!r}")
    if max_faces < 4:
        raise FyiError(f"max_faces must be at least 4, not {max_faces}")
    if height_m is not None and not (math.isfinite(height_m) and height_m > 0):
        raise FyiError(f"height_m must be a positive number of metres, not {height_m!r}")
    if not path.is_file():
        raise FyiError(f"{path}: mesh file not found")
    suffix = path.suffix.lower()
    if suffix not in INGEST_SUFFIXES:
        raise FyiError(f"{path}: not a mesh file (expected one of {', '.join(sorted(INGEST_SUFFIXES))})")
    size = path.stat().st_size
    if size == 0:
        raise FyiError(f"{path}: empty file (0 bytes)")
    if size > MAX_FILE_BYTES:
        raise FyiError(f"{path}: file too large ({size / 2**20:.0f} MB > {MAX_FILE_BYTES // 2**20} MB)")

    sha = source_sha256(path)
    out = out_dir / f"{_params_key(sha, category, max_faces, height_m, up, front_yaw_degrees)}.glb"
    side = sidecar_path(out)
    if out.is_file() and side.is_file():
        try:
            return out, IngestReport.from_json(json.loads(side.read_text())["ingest"])
        except (ValueError, KeyError, TypeError):
            pass  # a damaged sidecar: recompute both

    meshes = read_meshes(path, max_faces=MAX_INPUT_FACES)
    faces_in = sum(len(m.faces) for m, _ in meshes)
    lo = np.min([m.bounds[0] for m, _ in meshes], axis=0)
    hi = np.max([m.bounds[1] for m, _ in meshes], axis=0)
    extents = hi - lo
    if np.count_nonzero(extents > 1e-9 * max(float(np.max(np.abs(np.concatenate([lo, hi])))), 1.0)) < 3:
        raise FyiError(f"{path}: degenerate mesh (flat or empty: extent {np.round(extents, 6).tolist()})")
    if sum(float(m.area) for m, _ in meshes) <= 0:
        raise FyiError(f"{path}: degenerate mesh (zero surface area)")

    # Decimate in the file's own frame, before the exact placement below, so that the base and
    # height invariants hold on the final vertices.
    parts = _decimate(_group_by_color(meshes), max_faces, path)

    up_axis = detect_up(suffix, extents, category) if up == "auto" else up
    turn = up_rotation(up_axis)
    if front_yaw_degrees:
        turn = rotation_matrix(math.radians(front_yaw_degrees), (0, 0, 1)) @ turn
    for mesh, _ in parts:
        mesh.apply_transform(turn)
    lo = np.min([m.bounds[0] for m, _ in parts], axis=0)
    hi = np.max([m.bounds[1] for m, _ in parts], axis=0)
    height = float(hi[2] - lo[2])
    target = height_m if height_m is not None else (
        (category_height(category) or plausible_height(height)) if category else None)
    scale = 1.0 if target is None else target / height
    shift = -np.array([(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, lo[2]])
    place = np.diag([scale, scale, scale, 1.0])
    place[:3, 3] = shift * scale
    scene = trimesh.Scene()
    for i, (mesh, color) in enumerate(parts):
        mesh.apply_transform(place)
        linear = [*(float(c) for c in srgb_to_linear(color)), 1.0]
        mesh.visual = TextureVisuals(material=PBRMaterial(name=f"part_{i}", baseColorFactor=linear,
                                                          metallicFactor=0.0, roughnessFactor=0.6))
        scene.add_geometry(mesh, node_name=f"part_{i}", geom_name=f"part_{i}")
    lo = np.min([m.bounds[0] for m, _ in parts], axis=0)
    hi = np.max([m.bounds[1] for m, _ in parts], axis=0)
    report = IngestReport(source_sha256=sha, faces_in=faces_in, faces_out=sum(len(m.faces) for m, _ in parts),
                          scale=float(scale), up_axis=up_axis, rotated_front=bool(front_yaw_degrees),
                          dims=tuple(float(d) for d in hi - lo), front_yaw_degrees=float(front_yaw_degrees),
                          parts=len(parts))
    out_dir.mkdir(parents=True, exist_ok=True)
    _write_atomic(out, scene.export(file_type="glb"))
    _write_atomic(side, json.dumps({"input": path.name, "category": category, "ingest": report.to_json()},
                                   indent=2, sort_keys=True).encode())
    return out, report
