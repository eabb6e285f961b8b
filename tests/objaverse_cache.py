"""A tiny Objaverse cache in the objaverse package's own layout, for offline tests.

    <base>/hf-objaverse-v1/object-paths.json.gz        uid -> "glbs/000-000/<uid>.glb"
    <base>/hf-objaverse-v1/metadata/000-000.json.gz    uid -> Sketchfab-style metadata
    <base>/hf-objaverse-v1/lvis-annotations.json.gz    LVIS category -> [uid, ...]
    <base>/hf-objaverse-v1/glbs/000-000/<uid>.glb

The GLBs are like Objaverse's: +Y up (glTF), and deliberately in centimetres.
"""
from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import trimesh
from trimesh.visual.material import PBRMaterial
from trimesh.visual.texture import TextureVisuals

SHARD = "000-000"
# Z-up -> glTF Y-up: (x, y, z) -> (x, z, -y), the inverse of the +90 deg turn about X on import.
Z_UP_TO_Y_UP = trimesh.transformations.rotation_matrix(-np.pi / 2, (1, 0, 0))


@dataclass(frozen=True)
class CachedObject:
    uid: str
    lvis: str
    name: str
    license: str
    height_cm: float


OBJECTS = (
    CachedObject("0a1b2c3d4e5f40718293a4b5c6d7e8f9", "mug", "Red coffee mug", "by", 11.0),
    CachedObject("1b2c3d4e5f60718293a4b5c6d7e8f90a", "chair", "Wooden chair", "cc0", 95.0),
    CachedObject("2c3d4e5f60718293a4b5c6d7e8f90a1b", "dining_table", "Oak dining table", "by-nc", 76.0),
    # LVIS categories no builder makes: kept under their LVIS names, so they build from here
    CachedObject("3d4e5f60718293a4b5c6d7e8f90a1b2c", "bow_(weapon)", "Longbow", "by-sa", 150.0),
    CachedObject("5f60718293a4b5c6d7e8f90a1b2c3d4e", "banjo", "Acoustic banjo", "by", 95.0),
)
BANJO_UID = OBJECTS[-1].uid
# in object-paths and LVIS but without a GLB in the cache: fetching it offline must fail clearly
MISSING_UID = "4e5f60718293a4b5c6d7e8f90a1b2c3d"

RED = (0.8, 0.1, 0.1)
WHITE = (0.9, 0.9, 0.9)
BROWN = (0.45, 0.3, 0.15)


def _colored(mesh: trimesh.Trimesh, srgb: tuple[float, float, float]) -> trimesh.Trimesh:
    linear = [float(c) for c in np.where(np.asarray(srgb) <= 0.04045, np.asarray(srgb) / 12.92,
                                         ((np.asarray(srgb) + 0.055) / 1.055) ** 2.4)] + [1.0]
    mesh.visual = TextureVisuals(material=PBRMaterial(baseColorFactor=linear, metallicFactor=0.0))
    return mesh


def _box(extents, center) -> trimesh.Trimesh:
    return trimesh.creation.box(extents, transform=trimesh.transformations.translation_matrix(center))


def mug_parts_cm(height: float = 11.0) -> list[tuple[trimesh.Trimesh, tuple]]:
    """A mug in centimetres, Z-up: a red cylinder body and a white handle on +X."""
    body = trimesh.creation.cylinder(radius=4.0, height=height, sections=32)
    body.apply_translation((0, 0, height / 2))
    handle = _box((1.5, 1.0, height * 0.55), (4.7, 0, height / 2))
    return [(body, RED), (handle, WHITE)]


def chair_parts_cm(height: float = 95.0) -> list[tuple[trimesh.Trimesh, tuple]]:
    """A chair in centimetres, Z-up: four legs, a seat at 45 cm, a back on +Y (front is -Y)."""
    legs = [_box((4, 4, 45), (x, y, 22.5)) for x in (-19, 19) for y in (-19, 19)]
    seat = _box((44, 44, 4), (0, 0, 47))
    back = _box((44, 4, height - 49), (0, 20, 49 + (height - 49) / 2))
    return [(m, BROWN) for m in (*legs, seat, back)]


def table_parts_cm(height: float = 76.0) -> list[tuple[trimesh.Trimesh, tuple]]:
    """A table in centimetres, Z-up: a 160 x 90 top and four legs."""
    top = _box((160, 90, 4), (0, 0, height - 2))
    legs = [_box((6, 6, height - 4), (x, y, (height - 4) / 2)) for x in (-74, 74) for y in (-39, 39)]
    return [(m, BROWN) for m in (top, *legs)]


def bow_parts_cm(height: float = 150.0) -> list[tuple[trimesh.Trimesh, tuple]]:
    return [(_box((3, 2, height), (0, 0, height / 2)), BROWN)]


def banjo_parts_cm(height: float = 95.0) -> list[tuple[trimesh.Trimesh, tuple]]:
    """A banjo standing on its round body, in centimetres, Z-up: a drum 35 cm across and a long neck."""
    body = trimesh.creation.cylinder(radius=17.5, height=6.0, sections=32)
    body.apply_transform(trimesh.transformations.rotation_matrix(np.pi / 2, (1, 0, 0)))
    body.apply_translation((0, 0, 17.5))
    neck = _box((5, 3, height - 35), (0, 0, 35 + (height - 35) / 2))
    return [(body, WHITE), (neck, BROWN)]


BUILDERS = {"mug": mug_parts_cm, "chair": chair_parts_cm, "dining_table": table_parts_cm,
            "bow_(weapon)": bow_parts_cm, "banjo": banjo_parts_cm}


def write_glb(parts: list[tuple[trimesh.Trimesh, tuple]], path: Path, *, to_y_up: bool = True) -> Path:
    """A GLB with one node per part, each with a PBR base colour; turned to +Y up unless told not to."""
    scene = trimesh.Scene()
    for i, (mesh, color) in enumerate(parts):
        mesh = _colored(mesh.copy(), color)
        if to_y_up:
            mesh.apply_transform(Z_UP_TO_Y_UP)
        scene.add_geometry(mesh, node_name=f"mesh_{i}", geom_name=f"mesh_{i}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(scene.export(file_type="glb"))
    return path


def _write_json_gz(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(data, f)


def build_objaverse_cache(base: Path) -> Path:
    """Fill `base` as an Objaverse cache (BASE_PATH) with OBJECTS; returns `base`."""
    root = Path(base) / "hf-objaverse-v1"
    paths, metadata, lvis = {}, {}, {}
    for obj in OBJECTS:
        rel = f"glbs/{SHARD}/{obj.uid}.glb"
        write_glb(BUILDERS[obj.lvis](obj.height_cm), root / rel)
        paths[obj.uid] = rel
        metadata[obj.uid] = {
            "uid": obj.uid, "name": obj.name, "license": obj.license,
            "description": f"{obj.name}, modelled in centimetres",
            "tags": [{"name": w, "slug": w} for w in obj.name.lower().split()],
            "uri": f"https://api.sketchfab.com/v3/models/{obj.uid}", "faceCount": 0, "vertexCount": 0,
        }
        lvis.setdefault(obj.lvis, []).append(obj.uid)
    paths[MISSING_UID] = f"glbs/{SHARD}/{MISSING_UID}.glb"
    metadata[MISSING_UID] = {"uid": MISSING_UID, "name": "Blue mug", "license": "by", "tags": []}
    lvis["mug"].append(MISSING_UID)
    _write_json_gz(root / "object-paths.json.gz", paths)
    _write_json_gz(root / "metadata" / f"{SHARD}.json.gz", metadata)
    _write_json_gz(root / "lvis-annotations.json.gz", lvis)
    return Path(base)
