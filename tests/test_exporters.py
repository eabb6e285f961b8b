"""The exporters on a small real scene: trimesh assets, hand-made instance masks, files read back."""
from __future__ import annotations

import hashlib
import json
import math
import zlib
from pathlib import Path

import numpy as np
import OpenEXR
import pytest
import trimesh
from PIL import Image
from pycocotools import mask as mask_util
from pycocotools.coco import COCO

from fyi.assets.model import Asset, Part, Surface
from fyi.errors import FyiError
from fyi.render.coco import write_coco
from fyi.render.coco_categories import FOREIGN_BASE
from fyi.render.exporters import plain
from fyi.assets.color import srgb_to_linear
from fyi.render.glb import write_glb
from fyi.render.scene import resolve, room_size
from fyi.render.manifest import write_manifest
from fyi.render.scene_graph import scene_graph, write_scene_json
from fyi.scenes.geometry import object_transform, world_bbox
from fyi.render.transforms import write_transforms
from fyi.scenes.spec import SceneSpec

W, H = 40, 30
YAW_90 = (math.cos(math.pi / 4), 0.0, 0.0, math.sin(math.pi / 4))
YAW_45 = (math.cos(math.pi / 8), 0.0, 0.0, math.sin(math.pi / 8))


def on_ground(mesh: trimesh.Trimesh) -> trimesh.Trimesh:
    """The mesh moved to the canonical frame: centred in x/y, base on z = 0."""
    lo, hi = mesh.bounds
    mesh.apply_translation([-(lo[0] + hi[0]) / 2, -(lo[1] + hi[1]) / 2, -lo[2]])
    return mesh


def build_assets() -> dict[str, Asset]:
    table_top = on_ground(trimesh.creation.box((1.2, 0.8, 0.05)))
    table_top.apply_translation([0, 0, 0.7])
    leg = on_ground(trimesh.creation.box((0.05, 0.05, 0.7)))
    legs = [leg.copy().apply_translation([sx * 0.55, sy * 0.35, 0]) for sx in (-1, 1) for sy in (-1, 1)]
    table = Asset("table", "procedural/table/7", [
        Part("top", table_top, "wood", (0.55, 0.35, 0.2)),
        Part("legs", trimesh.util.concatenate(legs), "metal", (0.03, 0.03, 0.03), role="detail", roughness=0.2),
    ], surfaces=[Surface("tabletop", 0.75, (-0.6, -0.4), (0.6, 0.4))])
    mug = Asset("mug", "procedural/mug/3", [
        Part("body", on_ground(trimesh.creation.cylinder(radius=0.5, height=1.0, sections=64)), "ceramic",
             (0.8, 0.06, 0.05)),
    ])
    cube = Asset("box", "procedural/box/1", [Part("body", on_ground(trimesh.creation.box((1, 1, 1))), "paper",
                                                   (0.4, 0.22, 0.1))])
    return {"table": table, "mug": mug, "cube": cube}


def look_at(eye, target) -> list[list[float]]:
    """OpenGL camera-to-world: the camera's -Z looks at the target, +Y is up-ish."""
    eye, target = np.asarray(eye, float), np.asarray(target, float)
    back = eye - target
    back /= np.linalg.norm(back)
    right = np.cross([0.0, 0.0, 1.0], back)
    right /= np.linalg.norm(right)
    up = np.cross(back, right)
    m = np.eye(4)
    m[:3, 0], m[:3, 1], m[:3, 2], m[:3, 3] = right, up, back, eye
    return m.tolist()


def build_spec() -> SceneSpec:
    camera = dict(width=W, height=H, fx=35.0, fy=35.0, cx=W / 2, cy=H / 2)
    return SceneSpec.model_validate({
        "scene_id": "kitchen_001", "seed": 42, "instruction": "a red mug on a wooden table next to a box",
        "room": {"type": "kitchen", "size": [6.0, 5.0, 2.8]},
        "objects": [
            {"id": "table", "category": "Table", "attributes": {"material": "wood"}, "instance_id": 1,
             "position": [0.0, 0.0, 0.0], "rotation": YAW_90, "support": "floor",
             "asset": {"uid": "table", "seed": 7}},
            {"id": "mug", "category": "mug", "attributes": {"color": "red", "size": "small"}, "instance_id": 2,
             "position": [0.1, 0.05, 0.75], "rotation": YAW_45, "scale": [0.08, 0.08, 0.1], "support": "table",
             "surface": "tabletop", "asset": {"uid": "mug", "seed": 3}},
            {"id": "cube", "category": "antique gizmo", "instance_id": 3, "position": [1.0, 2.0, 0.5],
             "rotation": YAW_90, "support": "floor", "asset": {"uid": "box", "seed": 1, "license": "CC-BY-4.0"}},
        ],
        "relations": [{"subject": "mug", "predicate": "on", "object": "table"},
                      {"subject": "cube", "predicate": "next_to", "object": "table"}],
        "cameras": [{"id": 0, **camera, "c2w": look_at([0, -3, 2], [0, 0, 0.5])},
                    {"id": 1, **camera, "c2w": look_at([3, 0, 2], [0, 0, 0.5])}],
        "motions": [{"subject": "camera", "verb": "orbit", "target": "table", "text": "the camera orbits"}],
        "warnings": ["no chair in the catalog"],
    })


def instance_masks() -> dict[int, np.ndarray]:
    """View 0 sees all three objects (the mug a disc over the table); view 1 does not see the cube."""
    yy, xx = np.mgrid[:H, :W]
    view0 = np.zeros((H, W), np.uint16)
    view0[15:28, 3:30] = 1
    view0[(yy - 12) ** 2 + (xx - 14) ** 2 <= 16] = 2
    view0[2:9, 33:39] = 3
    view1 = np.zeros((H, W), np.uint16)
    view1[10:30, 0:25] = 1
    view1[12, 20] = 2  # a single pixel still counts
    return {0: view0, 1: view1}


def write_views(views: Path, *, with_depth: bool = True) -> dict[int, np.ndarray]:
    masks = instance_masks()
    for folder in ("rgb", "depth", "instance"):
        (views / folder).mkdir(parents=True, exist_ok=True)
    for cam_id, ids in masks.items():
        stem = f"{cam_id:04d}"
        rgb = np.stack([ids * 60 % 256] * 3, axis=-1).astype(np.uint8)
        Image.fromarray(rgb).save(views / "rgb" / f"{stem}.png")
        Image.fromarray(ids.astype(np.uint16)).save(views / "instance" / f"{stem}.png")
        if with_depth:
            depth = np.where(ids > 0, 2.5, np.inf).astype(np.float32)
            OpenEXR.File({"type": OpenEXR.scanlineimage}, {"Z": depth}).write(str(views / "depth" / f"{stem}.exr"))
    return masks


@pytest.fixture
def scene(tmp_path: Path):
    spec, assets = build_spec(), build_assets()
    masks = write_views(tmp_path / "views")
    return spec, assets, tmp_path, masks


# --- scene graph -------------------------------------------------------------------------------

def test_object_transform_is_translate_rotate_scale():
    spec = build_spec()
    mug = spec.object("mug")
    m = object_transform(mug)
    p = np.array([1.0, 0.0, 1.0])
    scaled = p * np.array(mug.scale)
    c, s = math.cos(math.pi / 4), math.sin(math.pi / 4)
    rotated = np.array([c * scaled[0] - s * scaled[1], s * scaled[0] + c * scaled[1], scaled[2]])
    np.testing.assert_allclose(m[:3, :3] @ p + m[:3, 3], rotated + np.array(mug.position), atol=1e-12)
    np.testing.assert_array_equal(m[3], [0, 0, 0, 1])


def test_unit_cube_bbox_with_a_quarter_yaw_is_exact():
    spec, assets = build_spec(), build_assets()
    lo, hi = world_bbox(spec.object("cube"), assets["cube"])
    np.testing.assert_allclose(lo, [0.5, 1.5, 0.5], atol=1e-12)
    np.testing.assert_allclose(hi, [1.5, 2.5, 1.5], atol=1e-12)


def test_world_bbox_is_the_box_of_the_posed_vertices_not_of_the_posed_local_box():
    spec, assets = build_spec(), build_assets()
    table = spec.object("table")  # 1.2 x 0.8 turned a quarter: 0.8 wide in x, 1.2 deep in y
    lo, hi = world_bbox(table, assets["table"])
    np.testing.assert_allclose(hi - lo, [0.8, 1.2, 0.75], atol=1e-12)
    mug = spec.object("mug")  # a cylinder turned 45 degrees keeps its radius; a turned box would grow by sqrt(2)
    lo, hi = world_bbox(mug, assets["mug"])
    np.testing.assert_allclose(hi - lo, [0.08, 0.08, 0.1], atol=1e-9)


def test_scene_graph_facts(scene):
    spec, assets, _, _ = scene
    graph = scene_graph(spec, assets)
    assert graph["format"] == "fyi.scene/1"
    assert (graph["scene_id"], graph["seed"]) == ("kitchen_001", 42)
    assert graph["room"] == {"type": "kitchen", "size": [6.0, 5.0, 2.8], "walls": True}
    assert [o["id"] for o in graph["objects"]] == [o.id for o in spec.objects]
    assert [o["instance_id"] for o in graph["objects"]] == [1, 2, 3]
    by_id = {o["id"]: o for o in graph["objects"]}
    assert by_id["table"]["category"] == "table"
    assert by_id["cube"]["category"] == "antique_gizmo"
    assert by_id["mug"]["attributes"] == {"color": "red", "size": "small"}  # no None material
    assert by_id["table"]["attributes"] == {"material": "wood"}
    assert by_id["cube"]["asset"] == {"source": "procedural", "uid": "box", "seed": 1, "license": "CC-BY-4.0"}
    assert by_id["mug"]["support"] == "table" and by_id["mug"]["surface"] == "tabletop"
    assert "surface" not in by_id["table"]
    assert by_id["cube"]["bbox"] == {"min": [0.5, 1.5, 0.5], "max": [1.5, 2.5, 1.5]}
    np.testing.assert_allclose(by_id["mug"]["dimensions"], [0.08, 0.08, 0.1], atol=1e-6)
    np.testing.assert_allclose(by_id["table"]["dimensions"], [1.2, 0.8, 0.75], atol=1e-6)  # own axes, not world
    for obj in spec.objects:
        lo, hi = world_bbox(obj, assets[obj.id])
        np.testing.assert_allclose(by_id[obj.id]["bbox"]["min"], lo, atol=1e-6)
        np.testing.assert_allclose(by_id[obj.id]["bbox"]["max"], hi, atol=1e-6)
        np.testing.assert_allclose(by_id[obj.id]["rotation"], obj.rotation, atol=1e-6)
    assert graph["relations"] == [{"subject": "mug", "predicate": "on", "object": "table"},
                                  {"subject": "cube", "predicate": "next_to", "object": "table"}]
    assert [c["id"] for c in graph["cameras"]] == [0, 1]
    np.testing.assert_allclose(graph["cameras"][1]["c2w"], spec.cameras[1].c2w, atol=1e-6)
    assert graph["motions"] == [{"subject": "camera", "verb": "orbit", "target": "table",
                                 "text": "the camera orbits"}]
    assert graph["warnings"] == ["no chair in the catalog"]


def test_scene_json_is_byte_identical_for_the_same_input(tmp_path: Path):
    write_scene_json(build_spec(), build_assets(), tmp_path / "a.json")
    write_scene_json(build_spec(), build_assets(), tmp_path / "b.json")
    first = (tmp_path / "a.json").read_bytes()
    assert first == (tmp_path / "b.json").read_bytes()
    assert json.loads(first) == scene_graph(build_spec(), build_assets())


def test_json_floats_are_rounded_and_signless_at_zero():
    assert plain({"a": (np.float32(0.1), -0.0, -1e-9, np.int64(3), 1.23456789)}) == {"a": [0.1, 0.0, 0.0, 3, 1.234568]}
    assert json.dumps(plain([-0.0, -1e-9])) == "[0.0, 0.0]"
    with pytest.raises(ValueError):
        plain(float("nan"))


def test_unposed_object_is_a_user_error():
    spec = build_spec()
    spec.objects[0].position = None
    with pytest.raises(FyiError, match="table"):
        scene_graph(spec, build_assets())


# --- coco --------------------------------------------------------------------------------------

def test_coco_loads_and_masks_and_boxes_agree(scene):
    spec, _, root, masks = scene
    data = write_coco(spec, root / "views", root / "coco.json")
    assert json.loads((root / "coco.json").read_text()) == data
    coco = COCO(str(root / "coco.json"))
    assert sorted(coco.getImgIds()) == [1, 2]
    assert coco.imgs[1]["file_name"] == "views/rgb/0000.png" and (root / coco.imgs[1]["file_name"]).is_file()
    assert (coco.imgs[2]["width"], coco.imgs[2]["height"]) == (W, H)
    cats = coco.loadCats(coco.getCatIds())
    # COCO's own ids and names for COCO's classes; a name no table holds gets its fixed hashed id
    gizmo = FOREIGN_BASE + zlib.crc32(b"antique_gizmo") % 10**6
    assert [(c["id"], c["name"], c["supercategory"], c["fyi_category"]) for c in cats] == [
        (47, "cup", "kitchen", "mug"), (67, "dining table", "furniture", "table"),
        (gizmo, "antique_gizmo", "object", "antique_gizmo")]
    seen = set()
    for ann in coco.loadAnns(coco.getAnnIds()):
        cam_id = ann["image_id"] - 1
        expected = masks[cam_id] == ann["instance_id"]
        np.testing.assert_array_equal(coco.annToMask(ann).astype(bool), expected)
        assert ann["area"] == int(expected.sum())
        assert ann["bbox"] == mask_util.toBbox(ann["segmentation"]).tolist()
        ys, xs = np.nonzero(expected)
        assert ann["bbox"] == [xs.min(), ys.min(), xs.max() - xs.min() + 1, ys.max() - ys.min() + 1]
        assert ann["iscrowd"] == 0 and isinstance(ann["segmentation"]["counts"], str)
        assert spec.object(ann["object_id"]).instance_id == ann["instance_id"]
        assert coco.cats[ann["category_id"]]["name"] == {"table": "dining table", "mug": "cup",
                                                          "cube": "antique_gizmo"}[ann["object_id"]]
        seen.add((cam_id, ann["object_id"]))
    assert seen == {(0, "table"), (0, "mug"), (0, "cube"), (1, "table"), (1, "mug")}  # the cube is off view 1
    assert sorted(a["id"] for a in data["annotations"]) == list(range(1, 6))
    assert data["licenses"] == [{"id": 1, "name": "CC-BY-4.0", "url": ""}, {"id": 2, "name": "CC0-1.0", "url": ""}]


def test_coco_without_a_mask_names_the_file(scene):
    spec, _, root, _ = scene
    (root / "views" / "instance" / "0001.png").unlink()
    with pytest.raises(FyiError, match="0001.png"):
        write_coco(spec, root / "views", root / "coco.json")


# --- transforms.json ---------------------------------------------------------------------------

def test_transforms_frames_agree_with_the_cameras(scene):
    spec, _, root, _ = scene
    views = root / "views"
    data = write_transforms(spec, views, views / "transforms.json")
    assert json.loads((views / "transforms.json").read_text()) == data
    assert data["camera_model"] == "OPENCV" and "applied_transform" not in data
    cam = spec.cameras[0]
    assert (data["fl_x"], data["fl_y"], data["cx"], data["cy"], data["w"], data["h"]) == (
        cam.fx, cam.fy, cam.cx, cam.cy, cam.width, cam.height)
    assert len(data["frames"]) == len(spec.cameras)
    for frame, camera in zip(data["frames"], spec.cameras):
        stem = f"{camera.id:04d}"
        assert frame["file_path"] == f"rgb/{stem}.png"
        assert frame["depth_file_path"] == f"depth/{stem}.exr"
        assert frame["instance_file_path"] == f"instance/{stem}.png"
        assert "mask_path" not in frame
        for key in ("file_path", "depth_file_path", "instance_file_path"):
            assert (views / frame[key]).is_file()
        np.testing.assert_allclose(frame["transform_matrix"], camera.c2w, atol=1e-6)
        assert (frame["fl_x"], frame["fl_y"], frame["cx"], frame["cy"], frame["w"], frame["h"]) == (
            camera.fx, camera.fy, camera.cx, camera.cy, camera.width, camera.height)


def test_transforms_lists_a_pass_only_when_every_view_has_it(tmp_path: Path):
    write_views(tmp_path / "views", with_depth=False)
    data = write_transforms(build_spec(), tmp_path / "views", tmp_path / "views" / "transforms.json")
    assert all("depth_file_path" not in f and "instance_file_path" in f for f in data["frames"])


def test_transforms_keeps_per_frame_intrinsics_when_views_differ(scene):
    spec, _, root, _ = scene
    spec.cameras[1].fx = 50.0
    data = write_transforms(spec, root / "views", root / "views" / "transforms.json")
    assert "fl_x" not in data
    assert [f["fl_x"] for f in data["frames"]] == [35.0, 50.0]


# --- scene.glb ---------------------------------------------------------------------------------

def test_glb_loads_back_with_posed_nodes_and_exact_bounds(tmp_path: Path):
    spec, assets = build_spec(), build_assets()
    write_glb(spec, assets, tmp_path / "scene.glb")
    loaded = trimesh.load(tmp_path / "scene.glb", force="scene")
    assert {o.id for o in spec.objects} <= set(loaded.graph.nodes)
    # One root node turns FYI's +Z-up world into glTF's +Y up; below it, nodes carry FYI's poses.
    np.testing.assert_allclose(loaded.graph.get("z_up_world")[0] @ [0, 0, 1, 0], [0, 1, 0, 0], atol=1e-12)
    to_fyi = np.linalg.inv(loaded.graph.get("z_up_world")[0])
    for obj in spec.objects:
        matrix, _ = loaded.graph.get(obj.id)
        np.testing.assert_allclose(to_fyi @ matrix, object_transform(obj), atol=1e-6)
        parts = [n for n in loaded.graph.nodes_geometry if n.startswith(f"{obj.id}/")]
        assert len(parts) == len(assets[obj.id].parts)
        vertices = []
        for node in parts:
            node_matrix, geometry = loaded.graph.get(node)
            vertices.append(trimesh.transform_points(loaded.geometry[geometry].vertices, to_fyi @ node_matrix))
        lo, hi = world_bbox(obj, assets[obj.id])
        np.testing.assert_allclose(np.vstack(vertices).min(axis=0), lo, atol=1e-5)
        np.testing.assert_allclose(np.vstack(vertices).max(axis=0), hi, atol=1e-5)
    floor_matrix, floor_geometry = loaded.graph.get("room/floor")
    floor_bounds = trimesh.transform_points(loaded.geometry[floor_geometry].vertices, to_fyi @ floor_matrix)
    np.testing.assert_allclose([floor_bounds.min(axis=0), floor_bounds.max(axis=0)],
                               [[-3, -2.5, 0], [3, 2.5, 0]], atol=1e-6)


def test_glb_materials_are_linear_pbr_at_full_precision(tmp_path: Path):
    spec, assets = build_spec(), build_assets()
    write_glb(spec, assets, tmp_path / "scene.glb")
    raw = (tmp_path / "scene.glb").read_bytes()
    header = json.loads(raw[20:20 + int.from_bytes(raw[12:16], "little")])
    materials = {m["name"]: m for m in header["materials"]}
    legs = materials["table/legs"]["pbrMetallicRoughness"]
    np.testing.assert_allclose(legs["baseColorFactor"][:3], srgb_to_linear((0.03, 0.03, 0.03)), rtol=1e-9)
    assert legs["metallicFactor"] == 1.0 and legs["roughnessFactor"] == 0.2
    top = materials["table/top"]["pbrMetallicRoughness"]
    assert top["metallicFactor"] == 0.0
    np.testing.assert_allclose(top["baseColorFactor"], [*srgb_to_linear((0.55, 0.35, 0.2)), 1.0], rtol=1e-9)
    np.testing.assert_allclose(srgb_to_linear([0.0, 0.5, 1.0]), [0.0, 0.214041, 1.0], atol=1e-6)


def test_glb_bytes_are_deterministic(tmp_path: Path):
    write_glb(build_spec(), build_assets(), tmp_path / "a.glb")
    write_glb(build_spec(), build_assets(), tmp_path / "b.glb")
    assert (tmp_path / "a.glb").read_bytes() == (tmp_path / "b.glb").read_bytes()


def test_glb_holds_the_room_the_renderer_draws(tmp_path: Path):
    spec = build_spec()  # a 6 x 5 m kitchen with walls: tiled floor, painted walls
    write_glb(spec, build_assets(), tmp_path / "scene.glb")
    loaded = trimesh.load(tmp_path / "scene.glb", force="scene")
    room = sorted(n for n in loaded.graph.nodes_geometry if n.startswith("room/"))
    resolved = resolve(spec, build_assets())
    assert room == sorted(f"room/{n.name}" for n in resolved.room.nodes)
    assert {"room/floor", "room/wall_back", "room/wall_front", "room/wall_left", "room/wall_right",
            "room/ceiling"} <= set(room)
    raw = (tmp_path / "scene.glb").read_bytes()
    header = json.loads(raw[20:20 + int.from_bytes(raw[12:16], "little")])
    materials = {m["name"]: m for m in header["materials"]}
    floor = resolved.room.floor.meshes[0].material
    np.testing.assert_allclose(materials[f"room/{floor.name}"]["pbrMetallicRoughness"]["baseColorFactor"],
                               [*srgb_to_linear(floor.color), 1.0], rtol=1e-9)
    wall = resolved.room.walls[0].meshes[0].material
    assert not materials[f"room/{wall.name}"].get("doubleSided", False)  # seen from outside, walls let the view in
    # No size in the spec: the room is fitted to the objects, in the GLB as in the renders.
    spec.room.size, spec.room.walls = None, False
    write_glb(spec, build_assets(), tmp_path / "fitted.glb")
    loaded = trimesh.load(tmp_path / "fitted.glb", force="scene")
    assert sorted(n for n in loaded.graph.nodes_geometry if n.startswith("room/")) == ["room/floor"]
    to_fyi = np.linalg.inv(loaded.graph.get("z_up_world")[0])
    matrix, geometry = loaded.graph.get("room/floor")
    corners = trimesh.transform_points(loaded.geometry[geometry].vertices, to_fyi @ matrix)
    w, d, _ = room_size(spec, build_assets())
    np.testing.assert_allclose(corners.max(axis=0), [w / 2, d / 2, 0], atol=1e-6)


# --- manifest ----------------------------------------------------------------------------------

def test_manifest_hashes_every_file_but_itself(scene):
    spec, assets, root, _ = scene
    write_scene_json(spec, assets, root / "scene.json")
    write_coco(spec, root / "views", root / "coco.json")
    write_transforms(spec, root / "views", root / "views" / "transforms.json")
    write_glb(spec, assets, root / "scene.glb")
    (root / "manifest.json").write_text("stale")
    manifest = write_manifest(root, seed=spec.seed, timings={"render": 1.23456789, "export": 0.5},
                              extra={"scene_id": spec.scene_id, "quality": "draft"})
    assert json.loads((root / "manifest.json").read_text()) == manifest
    assert (manifest["format"], manifest["scene_id"], manifest["seed"]) == ("fyi.manifest/1", "kitchen_001", 42)
    assert manifest["quality"] == "draft" and manifest["timings"] == {"export": 0.5, "render": 1.234568}
    assert {"fyi", "python", "bpy", "numpy", "trimesh", "pydantic", "langgraph"} <= set(manifest["versions"])
    assert manifest["versions"]["bpy"].startswith("4.5")
    paths = [f["path"] for f in manifest["files"]]
    on_disk = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    assert paths == sorted(paths) == [p for p in on_disk if p != "manifest.json"]
    assert {"scene.json", "coco.json", "scene.glb", "views/transforms.json", "views/instance/0001.png"} <= set(paths)
    for record in manifest["files"]:
        content = (root / record["path"]).read_bytes()
        assert record["bytes"] == len(content)
        assert record["sha256"] == hashlib.sha256(content).hexdigest()


def test_manifest_refuses_extra_fields_that_would_overwrite_its_own(tmp_path: Path):
    with pytest.raises(ValueError, match="files"):
        write_manifest(tmp_path, seed=0, timings={}, extra={"files": []})


def test_glb_materials_from_scene_materials_and_glass_is_see_through():
    from fyi.render.glb import pbr_material
    from fyi.render.scene import ROUGHNESS, Material

    glass, rgba = pbr_material("vase/body", Material("vase/body", "glass", ((0.9, 0.9, 0.9),)))
    assert glass.alphaMode == "BLEND" and rgba[3] == pytest.approx(0.3) and glass.metallicFactor == 0.0
    assert glass.roughnessFactor == pytest.approx(ROUGHNESS["glass"])  # the roughness Cycles renders it with
    lamp, _ = pbr_material("lamp/bulb", Material("lamp/bulb", "emissive", ((1.0, 0.5, 0.0),)))
    np.testing.assert_allclose(lamp.emissiveFactor, srgb_to_linear((1.0, 0.5, 0.0)), atol=1e-6)
