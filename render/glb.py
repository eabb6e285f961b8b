"""scene.glb: the resolved scene as glTF 2.0 binary: every object, and the room the renderer draws.

Each object node (named by its id) carries its world pose; its parts are child nodes with meshes in
the asset's local frame and one PBR material each. The room's floor (or ground), walls and ceiling
are nodes named "room/<piece>" ("/" cannot occur in an object id). Materials come from the resolved
scene's material data, turned into glTF's metallic-roughness model; glTF colours are linear. Walls
are single-sided, as in the renderer: a viewer outside the room sees through them.
"""
from __future__ import annotations

import json
import struct
from pathlib import Path

import numpy as np
import trimesh
from trimesh.visual.material import PBRMaterial

from fyi.assets.model import Asset
from fyi.render.scene import Material, Mesh, ResolvedScene, resolve
from fyi.scenes.spec import SceneSpec

GLASS_ALPHA = 0.3  # glTF has no transmission in its core: glass is a see-through blend instead
ROOM_PREFIX = "room/"


def pbr_material(name: str, m: Material) -> tuple[PBRMaterial, list[float]]:
    """The glTF PBR material of a scene material and its exact linear RGBA base colour."""
    linear = list(m.linear)
    alpha = GLASS_ALPHA if m.kind == "glass" else 1.0
    rgba = [*linear, alpha]
    material = PBRMaterial(
        name=name,
        baseColorFactor=rgba,
        metallicFactor=1.0 if m.kind == "metal" else 0.0,
        roughnessFactor=m.base_roughness,
        emissiveFactor=linear if m.kind == "emissive" else None,
        alphaMode="BLEND" if alpha < 1.0 else None,
        doubleSided=m.kind == "glass",
    )
    return material, rgba


def _trimesh(mesh: Mesh, material: PBRMaterial) -> trimesh.Trimesh:
    return trimesh.Trimesh(vertices=mesh.vertices, faces=mesh.faces,
                           visual=trimesh.visual.TextureVisuals(material=material), process=False)


WORLD_NODE = "z_up_world"  # not "world": that is trimesh's own base frame
Z_UP_TO_Y_UP = np.array([[1.0, 0, 0, 0], [0, 0, 1, 0], [0, -1, 0, 0], [0, 0, 0, 1]])  # (x, y, z) -> (x, z, -y)


def build_scene(resolved: ResolvedScene) -> tuple[trimesh.Scene, dict[str, list[float]]]:
    """The trimesh scene and, per material name, its exact linear base colour."""
    scene = trimesh.Scene()
    colors: dict[str, list[float]] = {}
    # glTF is +Y up; FYI's world is +Z up: one root node turns the whole scene, object nodes keep FYI poses.
    scene.graph.update(frame_from=scene.graph.base_frame, frame_to=WORLD_NODE, matrix=Z_UP_TO_Y_UP)
    for node in resolved.objects:
        scene.graph.update(frame_from=WORLD_NODE, frame_to=node.name, matrix=node.matrix)
        for mesh in node.meshes:
            material, colors[mesh.name] = pbr_material(mesh.name, mesh.material)
            scene.add_geometry(_trimesh(mesh, material), geom_name=mesh.name, node_name=mesh.name,
                               parent_node_name=node.name)
    for node in resolved.room.nodes:
        for mesh in node.meshes:
            material_name = ROOM_PREFIX + mesh.material.name  # the four walls share their paint
            material, colors[material_name] = pbr_material(material_name, mesh.material)
            scene.add_geometry(_trimesh(mesh, material), geom_name=ROOM_PREFIX + mesh.name,
                               node_name=ROOM_PREFIX + mesh.name, parent_node_name=WORLD_NODE,
                               transform=node.matrix)
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
    """Write scene.glb: every object posed in world coordinates, and the room around them."""
    scene, colors = build_scene(resolve(spec, assets))
    glb = _patched_glb(scene.export(file_type="glb"), colors)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(glb)
    tmp.replace(path)
