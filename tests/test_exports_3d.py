"""3D exports checked by outside tools: scene.glb by the Khronos glTF validator, pointcloud.ply by open3d.

The validator is the npm package pinned in tools/gltf (installed with `npm ci --prefix tools/gltf`);
the point cloud is fused from a real, tiny Cycles render of a box of known size in a room.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
import trimesh

from fyi.assets.catalog import build_asset, categories
from fyi.assets.model import Asset, Part
from fyi.render.glb import build_scene, write_glb
from fyi.render.scene import resolve
from fyi.scenes import cameras as scene_cameras
from fyi.scenes.spec import MAX_OBJECTS, AssetRef, CameraSpec, ObjectSpec, Room, SceneSpec

ROOT = Path(__file__).resolve().parents[1]
VALIDATOR = ROOT / "tools" / "gltf" / "validate.mjs"


# --- scene.glb through the Khronos glTF validator ---------------------------------------------

def validate_gltf(path: Path) -> dict:
    """The validator's JSON report for a file."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed: the glTF validator runs on Node.js")
    if not (ROOT / "tools" / "gltf" / "node_modules" / "gltf-validator").is_dir():
        pytest.fail("tools/gltf/node_modules is missing: run `npm ci --prefix tools/gltf` (make setup does)")
    done = subprocess.run(["node", str(VALIDATOR), str(path)], capture_output=True, text=True, timeout=120)
    assert done.returncode in (0, 1), done.stderr  # 1 = the report has errors: the asserts below show them
    return json.loads(done.stdout)


def assert_valid(report: dict) -> None:
    issues = report["issues"]
    errors = [m for m in issues["messages"] if m["severity"] == 0]
    warnings = [f"{m['code']} at {m.get('pointer')}: {m['message']}" for m in issues["messages"] if m["severity"] == 1]
    assert issues["numErrors"] == 0, errors[:20]
    # Warnings are listed, not fatal; today there are none, and a new one should be looked at.
    assert issues["numWarnings"] == 0, warnings[:20]
    assert not issues["truncated"]


def test_hand_made_scene_glb_is_valid_gltf(tmp_path: Path):
    from tests.test_exporters import build_assets, build_spec

    spec, assets = build_spec(), build_assets()
    write_glb(spec, assets, tmp_path / "scene.glb")
    report = validate_gltf(tmp_path / "scene.glb")
    assert_valid(report)
    assert report["mimeType"] == "model/gltf-binary" and report["info"]["version"] == "2.0"
    # Every part and every room piece: one draw call each; one material each, but the room's pieces share
    # theirs (four walls one paint, the skirting boards one, the windows' frames one...).
    resolved = resolve(spec, assets)
    _, materials = build_scene(resolved)
    room_materials = {m.material for n in resolved.room.nodes for m in n.meshes}
    assert report["info"]["drawCallCount"] == 4 + len(resolved.room.nodes)
    assert report["info"]["materialCount"] == len(materials) == 4 + len(room_materials)
    assert report["issues"]["numHints"] == 0  # bufferView targets are set (BUFFER_VIEW_TARGET_MISSING)


def test_pipeline_made_scene_glb_is_valid_gltf(tmp_path: Path):
    from fyi.agents.collector import collect
    from fyi.agents.generator import generate
    from fyi.scenes.asset_loader import assets_for

    _, spec = collect("a wooden table with two red mugs and a glass on it, a sofa and a potted plant next to it",
                      seed=3, quality="draft", views=2)
    spec = generate(spec).spec
    write_glb(spec, assets_for(spec), tmp_path / "scene.glb")
    report = validate_gltf(tmp_path / "scene.glb")
    assert_valid(report)
    assert report["info"]["drawCallCount"] >= len(spec.objects) + 1


def test_every_procedural_category_exports_valid_gltf(tmp_path: Path):
    names = [c.name for c in categories()]
    for first in range(0, len(names), MAX_OBJECTS):  # as many scenes as a scene's object limit needs
        batch = names[first:first + MAX_OBJECTS]
        objects = [{"id": f"o{i}", "category": name, "instance_id": i + 1, "support": "floor",
                    "position": [(i % 15) * 3.0, (i // 15) * 3.0, 0.0], "asset": {"uid": name, "seed": 0}}
                   for i, name in enumerate(batch)]
        spec = SceneSpec.model_validate({"scene_id": "every_category", "objects": objects,
                                         "room": {"size": [50.0, 50.0, 3.0]}})
        path = tmp_path / f"scene_{first}.glb"
        write_glb(spec, {f"o{i}": build_asset(name, 0) for i, name in enumerate(batch)}, path)
        assert_valid(validate_gltf(path))


# --- pointcloud.ply fused from a real render ----------------------------------------------------

BOX_ID = 5
BOX_SIZE = (0.6, 0.4, 0.5)  # x, y, z in metres; stands on the floor centred at BOX_XY
BOX_XY = (0.2, 0.1)
ROOM = (3.0, 3.0, 2.5)
RES = 80


def box_scene() -> tuple[SceneSpec, dict[str, Asset]]:
    mesh = trimesh.creation.box(BOX_SIZE)
    mesh.apply_translation((0, 0, BOX_SIZE[2] / 2))
    target = np.array([BOX_XY[0], BOX_XY[1], 0.25])
    cams = []
    # Two corners of the room, and an off-centre principal point so cx/cy really matter.
    for cid, eye in enumerate([(1.2, -1.3, 1.3), (-1.3, -1.1, 0.9)]):
        c2w = scene_cameras.look_at(np.asarray(eye, float), target)
        cams.append(CameraSpec(id=cid, width=RES, height=RES, fx=70.0, fy=70.0, cx=RES / 2 + 4, cy=RES / 2 - 3,
                               c2w=tuple(tuple(float(v) for v in row) for row in c2w)))
    spec = SceneSpec(scene_id="pointcloud_test", seed=1, room=Room(type="living_room", size=ROOM, walls=True),
                     cameras=cams, objects=[ObjectSpec(id="box", category="box", position=(*BOX_XY, 0.0),
                                                       instance_id=BOX_ID, asset=AssetRef(uid="box"),
                                                       support="floor")])
    return spec, {"box": Asset("box", "box", [Part("body", mesh, "plastic", (0.8, 0.06, 0.05))])}


def box_distance(points: np.ndarray) -> np.ndarray:
    """Unsigned distance from points to the box's surface."""
    centre = np.array([BOX_XY[0], BOX_XY[1], BOX_SIZE[2] / 2])
    q = np.abs(points - centre) - np.array(BOX_SIZE) / 2
    outside = np.linalg.norm(np.maximum(q, 0.0), axis=1)
    inside = np.minimum(q.max(axis=1), 0.0)
    return np.abs(outside + inside)


@pytest.fixture(scope="module")
def rendered_box(tmp_path_factory) -> tuple[SceneSpec, Path]:
    from fyi.render.blender import render_views

    spec, assets = box_scene()
    views_dir = tmp_path_factory.mktemp("views")
    render_views(spec, assets, views_dir, samples=2, denoise=False)
    return spec, views_dir


def test_box_pixels_lift_onto_the_box_faces(rendered_box):
    from fyi.render.passes import read_view
    from fyi.render.pointcloud import view_points

    spec, views_dir = rendered_box
    for camera in spec.cameras:
        view = read_view(views_dir, camera.id)
        points, pixels = view_points(camera, view.depth)
        on_box = view.instance.reshape(-1)[pixels] == BOX_ID
        assert on_box.sum() > 200, f"view {camera.id}: the box is barely visible"
        distance = box_distance(points[on_box])
        # Depth is exact (first sample, pixel centres): the lift is exact too; dropping the +0.5 or
        # the y flip would put the median millimetres to centimetres off.
        assert np.median(distance) < 0.001 and distance.max() < 0.005, np.percentile(distance, [50, 98, 100])
        # Three faces show from a raised corner: the top and two sides.
        centre = np.array([BOX_XY[0], BOX_XY[1], BOX_SIZE[2] / 2])
        q = (points[on_box] - centre) / (np.array(BOX_SIZE) / 2)
        faces = {(int(np.argmax(np.abs(p))), int(np.sign(p[np.argmax(np.abs(p))]))) for p in q}
        assert len(faces) >= 3 and (2, 1) in faces
        # The floor around the box lifts to z = 0.
        floor = (view.instance.reshape(-1)[pixels] == 0) & (np.abs(points[:, 2]) < 0.05)
        assert floor.sum() > 100 and np.percentile(np.abs(points[floor, 2]), 98) < 0.01


def test_lifting_follows_the_opengl_pinhole_conventions():
    from fyi.render.pointcloud import view_points

    eye = np.array([1.0, 2.0, 3.0])
    c2w = scene_cameras.look_at(eye, np.array([1.0, 5.0, 3.0]))  # looks along +Y, up +Z
    camera = CameraSpec(id=0, width=4, height=2, fx=2.0, fy=2.0, cx=1.5, cy=0.5,
                        c2w=tuple(tuple(float(v) for v in row) for row in c2w))
    depth = np.full((2, 4), np.inf, dtype=np.float32)
    depth[0, 1] = 2.0  # the pixel whose centre (1.5, 0.5) is the principal point: straight ahead
    depth[1, 3] = 4.0  # two pixels right of it and one down: right (+X) and down (-Z) in the world
    points, pixels = view_points(camera, depth)
    assert pixels.tolist() == [1, 7]
    np.testing.assert_allclose(points, [eye + [0, 2, 0], eye + [2 / 2 * 4, 4, -1 / 2 * 4]], atol=1e-9)


def test_fused_cloud_reads_back_with_colours_and_stays_in_the_room(rendered_box, tmp_path: Path):
    import open3d as o3d

    from fyi.render.pointcloud import write_point_cloud

    spec, views_dir = rendered_box
    count = write_point_cloud(spec, views_dir, tmp_path / "pointcloud.ply")
    assert (tmp_path / "pointcloud.ply").read_bytes().startswith(b"ply\nformat binary_little_endian")
    cloud = o3d.io.read_point_cloud(str(tmp_path / "pointcloud.ply"))
    points, colors = np.asarray(cloud.points), np.asarray(cloud.colors)
    assert len(points) == count > 1000
    assert cloud.has_colors() and cloud.has_normals() and colors.shape == points.shape
    assert 0.0 <= colors.min() and colors.max() <= 1.0
    half = np.array(ROOM[:2]) / 2 + 0.01
    assert np.all(np.abs(points[:, :2]) <= half) and points[:, 2].min() > -0.01 and points[:, 2].max() < ROOM[2] + 0.01
    # The box's faces are in the cloud, red; both views together see four of its five visible faces.
    on_box = box_distance(points) < 0.01
    near_box = np.all(np.abs(points[:, :2] - BOX_XY) < np.array(BOX_SIZE[:2]) / 2 - 0.02, axis=1) & \
        (np.abs(points[:, 2] - BOX_SIZE[2]) < 0.01)
    assert on_box.sum() > 100 and near_box.sum() > 20
    top = colors[near_box].mean(axis=0)
    assert top[0] > 2 * top[1] and top[0] > 2 * top[2], top
    # No two points share a 5 mm voxel.
    voxels = np.floor(points / 0.005).astype(np.int64)
    assert len(np.unique(voxels, axis=0)) >= 0.95 * len(points)


def test_point_budget_is_kept_and_output_is_deterministic(rendered_box, tmp_path: Path):
    from fyi.render.pointcloud import write_point_cloud

    spec, views_dir = rendered_box
    count = write_point_cloud(spec, views_dir, tmp_path / "small.ply", max_points=1500)
    assert 500 < count <= 1500
    assert write_point_cloud(spec, views_dir, tmp_path / "again.ply", max_points=1500) == count
    assert (tmp_path / "small.ply").read_bytes() == (tmp_path / "again.ply").read_bytes()  # deterministic


def test_missing_views_are_user_errors(rendered_box, tmp_path: Path):
    from fyi.errors import FyiError
    from fyi.render.pointcloud import write_point_cloud

    spec, _ = rendered_box
    with pytest.raises(FyiError, match="view 0000 was not rendered"):
        write_point_cloud(spec, tmp_path, tmp_path / "pointcloud.ply")
