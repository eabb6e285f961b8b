"""scene.glb: the posed scene as glTF 2.0 binary, one node per object named by its id.

Each object node carries its world transform; its parts are child nodes with meshes in the
asset's local frame and one PBR material each. glTF colours are linear, the asset's are sRGB.
"""
from __future__ import annotations

import json
import struct
from pathlib import Path

import numpy as np
import trimesh
from trimesh.visual.material import PBRMaterial

from fyi.assets.model import Asset, Part
from fyi.assets.style import MATERIALS
from fyi.render.scene_graph import asset_for
from fyi.scenes.geometry import object_transform
from fyi.scenes.spec import SceneSpec

# Roughness per material kind when a part sets none; picked to read right in glTF viewers.
ROUGHNESS = {"wood": 0.6, "metal": 0.3, "fabric": 0.9, "leather": 0.55, "ceramic": 0.25, "glass": 0.05,
             "plastic": 0.4, "rubber": 0.85, "stone": 0.7, "paper": 0.85, "fur": 0.95, "food": 0.6,
             "foliage": 0.7, "emissive": 0.5}
GLASS_ALPHA = 0.3
FLOOR_NODE = "room/floor"  # "/" cannot occur in an object id, so no clash
FLOOR_SRGB = (0.55, 0.53, 0.50)


def srgb_to_linear(rgb) -> np.ndarray:
    c = np.clip(np.asarray(rgb, dtype=float), 0.0, 1.0)
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def material_kind(word: str) -> str:
    """The kind of a material word ("steel" -> "metal"); unknown words read as plastic, as in the renderer."""
    word = word.strip().lower()
    return word if word in ROUGHNESS else MATERIALS.get(word, "plastic")


def part_material(name: str, part: Part) -> tuple[PBRMaterial, list[float]]:
    """The PBR material of a part and its exact linear RGBA base colour."""
    kind = material_kind(part.material)
    linear = srgb_to_linear(part.color)
    alpha = GLASS_ALPHA if kind == "glass" else 1.0
    rgba = [*linear.tolist(), alpha]
    material = PBRMaterial(
        name=name,
        baseColorFactor=rgba,
        metallicFactor=1.0 if kind == "metal" else 0.0,
        roughnessFactor=float(part.roughness if part.roughness is not None else ROUGHNESS[kind]),
        emissiveFactor=linear if kind == "emissive" else None,
        alphaMode="BLEND" if alpha < 1.0 else None,
        doubleSided=kind == "glass",
    )
    return material, rgba


def _bare_mesh(mesh: trimesh.Trimesh, material: PBRMaterial) -> trimesh.Trimesh:
    # A fresh mesh: the asset's own stays untouched, and primitive metadata (shape, extents) stays out of the file.
    return trimesh.Trimesh(vertices=np.asarray(mesh.vertices, dtype=np.float64), faces=np.asarray(mesh.faces),
                           visual=trimesh.visual.TextureVisuals(material=material), process=False)


def _part_names(object_id: str, asset: Asset) -> list[str]:
    names, seen = [], set()
    for i, part in enumerate(asset.parts):
        name = f"{object_id}/{part.name}"
        if name in seen:
            name = f"{object_id}/{part.name}_{i}"
        seen.add(name)
        names.append(name)
    return names


def floor_quad(size: tuple[float, float, float]) -> trimesh.Trimesh:
    """The room floor at z = 0, centred on the origin, normal up."""
    hx, hy = size[0] / 2, size[1] / 2
    vertices = np.array([[-hx, -hy, 0.0], [hx, -hy, 0.0], [hx, hy, 0.0], [-hx, hy, 0.0]])
    return trimesh.Trimesh(vertices=vertices, faces=np.array([[0, 1, 2], [0, 2, 3]]), process=False)


WORLD_NODE = "z_up_world"  # not "world": that is trimesh's own base frame
Z_UP_TO_Y_UP = np.array([[1.0, 0, 0, 0], [0, 0, 1, 0], [0, -1, 0, 0], [0, 0, 0, 1]])  # (x, y, z) -> (x, z, -y)


def build_scene(spec: SceneSpec, assets: dict[str, Asset]) -> tuple[trimesh.Scene, dict[str, list[float]]]:
    """The trimesh scene and, per material name, its exact linear base colour."""
    scene = trimesh.Scene()
    colors: dict[str, list[float]] = {}
    # glTF is +Y up; FYI's world is +Z up: one root node turns the whole scene, object nodes keep FYI poses.
    scene.graph.update(frame_from=scene.graph.base_frame, frame_to=WORLD_NODE, matrix=Z_UP_TO_Y_UP)
    for obj in spec.objects:
        asset = asset_for(obj, assets)
        scene.graph.update(frame_from=WORLD_NODE, frame_to=obj.id, matrix=object_transform(obj))
        for name, part in zip(_part_names(obj.id, asset), asset.parts):
            material, colors[name] = part_material(name, part)
            scene.add_geometry(_bare_mesh(part.mesh, material), geom_name=name, node_name=name,
                               parent_node_name=obj.id)
    if spec.room.size is not None:
        floor = Part(name="floor", mesh=floor_quad(spec.room.size), material="stone", color=FLOOR_SRGB)
        material, colors[FLOOR_NODE] = part_material(FLOOR_NODE, floor)
        scene.add_geometry(_bare_mesh(floor.mesh, material), geom_name=FLOOR_NODE, node_name=FLOOR_NODE,
                           parent_node_name=WORLD_NODE)
    return scene, colors


# bufferView.target values: glTF's ARRAY_BUFFER (vertex attributes) and ELEMENT_ARRAY_BUFFER (indices).
ARRAY_BUFFER, ELEMENT_ARRAY_BUFFER = 34962, 34963


def _exact_base_colors(tree: dict, colors: dict[str, list[float]]) -> None:
    """Put full-precision base colours back.

    trimesh stores baseColorFactor as 8-bit RGBA, which crushes dark linear colours (sRGB 0.03 is
    linear 0.0023, below one 8-bit step), so the exact floats are written after export.
    """
    for material in tree.get("materials", []):
        if material.get("name") in colors:
            material.setdefault("pbrMetallicRoughness", {})["baseColorFactor"] = colors[material["name"]]


def _buffer_view_targets(tree: dict) -> None:
    """Say which bufferViews hold vertices and which indices, as the glTF validator asks
    (BUFFER_VIEW_TARGET_MISSING); a view used both ways (trimesh never does that) stays unmarked."""
    uses: dict[int, set[int]] = {}
    accessors = tree.get("accessors", [])

    def use(accessor: int, target: int) -> None:
        view = accessors[accessor].get("bufferView")
        if view is not None:
            uses.setdefault(view, set()).add(target)

    for mesh in tree.get("meshes", []):
        for primitive in mesh.get("primitives", []):
            for accessor in primitive.get("attributes", {}).values():
                use(accessor, ARRAY_BUFFER)
            if "indices" in primitive:
                use(primitive["indices"], ELEMENT_ARRAY_BUFFER)
    for view, targets in uses.items():
        if len(targets) == 1:
            tree["bufferViews"][view]["target"] = targets.pop()


def _patched_glb(glb: bytes, colors: dict[str, list[float]]) -> bytes:
    """The GLB with its JSON chunk fixed up: exact base colours and bufferView targets."""
    magic, version, _ = struct.unpack_from("<4sII", glb, 0)
    json_len, json_type = struct.unpack_from("<I4s", glb, 12)
    if magic != b"glTF" or json_type != b"JSON":
        raise ValueError("not a GLB with a leading JSON chunk")
    tree = json.loads(glb[20:20 + json_len])
    _exact_base_colors(tree, colors)
    _buffer_view_targets(tree)
    text = json.dumps(tree, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 4)  # chunks are 4-byte aligned; JSON pads with spaces
    rest = glb[20 + json_len:]
    total = 12 + 8 + len(text) + len(rest)
    return struct.pack("<4sII", magic, version, total) + struct.pack("<I4s", len(text), b"JSON") + text + rest


def write_glb(spec: SceneSpec, assets: dict[str, Asset], path: Path) -> None:
    """Write scene.glb: every object posed in world coordinates, plus the floor if the room has a size."""
    scene, colors = build_scene(spec, assets)
    glb = _patched_glb(scene.export(file_type="glb"), colors)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(glb)
    tmp.replace(path)
