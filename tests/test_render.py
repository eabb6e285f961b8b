"""The Blender renderer: real Cycles renders of known geometry, checked against analytic values.

Scenes are tiny (64-96 px, 1-4 samples) so the whole file stays well under two minutes.
"""
from __future__ import annotations

import colorsys
from pathlib import Path

import imageio.v3 as iio
import numpy as np
import OpenEXR
import pytest
import trimesh
from PIL import Image

from fyi.scenes import cameras as scene_cameras
from fyi.assets.model import Asset, Part
from fyi.errors import FyiError
from fyi.assets.color import linear_to_srgb, srgb_to_linear
from fyi.assets.style import KINDS, material_kind
from fyi.render.blender import BlenderScene, render_views
from fyi.scenes.geometry import object_transform
from fyi.render.passes import ViewPasses, read_exr, read_view, write_view
from fyi.render.scene import resolve, room_size
from fyi.scenes.spec import AssetRef, CameraSpec, ObjectSpec, Room, SceneSpec

RED = (0.80, 0.06, 0.05)
BOX_ID, BALL_ID = 7, 300  # 300 > 255: the instance PNG must really be 16-bit
BOX = 0.5  # edge length of the test cube, metres; it stands on the floor centred at the origin
RES, FOCAL = 96, 96.0


def look_at(eye, target) -> tuple[tuple[float, ...], ...]:
    """camera-to-world, OpenGL convention (-Z forward, +Y up), as a spec holds it."""
    c2w = scene_cameras.look_at(np.asarray(eye, float), np.asarray(target, float))
    return tuple(tuple(float(v) for v in row) for row in c2w)


def camera(cid: int, eye, target, res: int = RES, focal: float = FOCAL) -> CameraSpec:
    return CameraSpec(id=cid, width=res, height=res, fx=focal, fy=focal, cx=res / 2, cy=res / 2,
                      c2w=look_at(eye, target))


def box_asset(material: str = "plastic", color=RED) -> Asset:
    mesh = trimesh.creation.box((BOX, BOX, BOX))
    mesh.apply_translation((0, 0, BOX / 2))
    return Asset("box", "box", [Part("body", mesh, material, color)])


def ball_asset() -> Asset:
    mesh = trimesh.creation.icosphere(subdivisions=2, radius=0.2)
    mesh.apply_translation((0, 0, 0.2))
    return Asset("ball", "ball", [Part("body", mesh, "metal", (0.08, 0.22, 0.85))])


def obj(oid: str, position, instance_id: int) -> ObjectSpec:
    return ObjectSpec(id=oid, category=oid, position=position, instance_id=instance_id,
                      asset=AssetRef(uid=oid), support="floor")


def room_spec(cameras: list[CameraSpec], room: Room) -> tuple[SceneSpec, dict[str, Asset]]:
    spec = SceneSpec(scene_id="render_test", seed=3, room=room, cameras=cameras,
                     objects=[obj("box", (0.0, 0.0, 0.0), BOX_ID), obj("ball", (1.2, 1.0, 0.0), BALL_ID)])
    return spec, {"box": box_asset(), "ball": ball_asset()}


# Camera 0 inside the room looks along +Y at the cube's front face (y = -BOX/2) from y = -1.5 at
# the cube's mid-height; camera 1 stands outside the 4 x 4 m room, behind the front wall (y = -2).
EYE_INSIDE = (0.0, -1.5, BOX / 2)
EYE_OUTSIDE = (0.0, -3.5, BOX / 2)
TARGET = (0.0, 0.0, BOX / 2)


@pytest.fixture(scope="module")
def living_room(tmp_path_factory) -> tuple[SceneSpec, list[ViewPasses], Path, list]:
    spec, assets = room_spec([camera(0, EYE_INSIDE, TARGET), camera(1, EYE_OUTSIDE, TARGET)],
                             Room(type="living_room", size=(4.0, 4.0, 2.6), walls=True))
    views_dir = tmp_path_factory.mktemp("views")
    calls: list = []
    passes = render_views(spec, assets, views_dir, samples=4, denoise=True,
                          progress=lambda done, total: calls.append((done, total)))
    return spec, passes, views_dir, calls


def front_face_rectangle(distance: float, res: int = RES, focal: float = FOCAL) -> np.ndarray:
    """Pixels whose centres fall inside the cube's front face projected from straight ahead."""
    half = focal * (BOX / 2) / distance
    centres = np.arange(res) + 0.5
    inside = np.abs(centres - res / 2) < half
    return inside[:, None] & inside[None, :]


def iou(a: np.ndarray, b: np.ndarray) -> float:
    return float((a & b).sum() / (a | b).sum())


def test_progress_reports_every_view(living_room):
    _, passes, _, calls = living_room
    assert calls == [(1, 2), (2, 2)]
    p = passes[0]
    assert p.rgb.shape == (RES, RES, 3) and p.rgb.dtype == np.float32
    assert p.depth.shape == (RES, RES) and p.depth.dtype == np.float32
    assert p.normal.shape == (RES, RES, 3) and p.instance.dtype == np.uint16


def test_depth_is_z_depth_of_the_front_face(living_room):
    p = living_room[1][0]
    distance = -BOX / 2 - EYE_INSIDE[1]
    c = RES // 2
    assert p.depth[c - 1:c + 1, c - 1:c + 1] == pytest.approx(distance, abs=0.015)
    # z-depth, not ray length: constant over the whole face (ray length grows ~4% to its corners).
    face = front_face_rectangle(distance)
    inner = face & np.roll(face, 2, 0) & np.roll(face, -2, 0) & np.roll(face, 2, 1) & np.roll(face, -2, 1)
    assert np.abs(p.depth[inner] - distance).max() < 0.015
    assert np.isfinite(p.depth).all(), "inside a walled room every pixel hits the floor or a wall"


def test_instance_mask_is_the_projected_cube(living_room):
    p = living_room[1][0]
    distance = -BOX / 2 - EYE_INSIDE[1]
    assert iou(p.instance == BOX_ID, front_face_rectangle(distance)) > 0.9
    assert set(np.unique(p.instance)) <= {0, BOX_ID, BALL_ID}
    assert (p.instance == BALL_ID).sum() > 20, "the metal ball at the back right is visible too"


def test_front_face_normals_point_at_the_camera(living_room):
    p = living_room[1][0]
    mask = p.instance == BOX_ID
    towards_camera = np.array([0.0, -1.0, 0.0])
    assert np.median(p.normal[mask] @ towards_camera) > 0.99
    assert np.allclose(np.linalg.norm(p.normal[mask], axis=-1), 1.0, atol=1e-4)


def test_red_cube_reads_red(living_room):
    p = living_room[1][0]
    r, g, b = np.median(p.rgb[p.instance == BOX_ID], axis=0)
    hue, sat, val = colorsys.rgb_to_hsv(r, g, b)
    assert min(hue, 1 - hue) < 0.05 and sat > 0.6 and 0.2 < val < 1.0


def test_walls_never_block_a_camera_outside_the_room(living_room):
    p = living_room[1][1]
    distance = -BOX / 2 - EYE_OUTSIDE[1]
    # Through the wall's transparent back face: the cube's id, depth and normals, not the wall's.
    assert iou(p.instance == BOX_ID, front_face_rectangle(distance)) > 0.9
    c = RES // 2
    assert p.depth[c, c] == pytest.approx(distance, abs=0.015)
    assert np.median(p.normal[p.instance == BOX_ID][:, 1]) < -0.99
    assert np.median(p.rgb[p.instance == BOX_ID], axis=0)[0] > 0.3


def test_scene_is_neither_dark_nor_blown_out(living_room):
    for p in living_room[1]:
        luma = p.rgb @ np.array([0.2126, 0.7152, 0.0722], dtype=np.float32)
        assert 0.2 < luma.mean() < 0.85
        assert (luma > 0.995).mean() < 0.05


def test_written_files_read_back_exactly(living_room):
    _, passes, views_dir, _ = living_room
    for index, p in enumerate(passes):
        for sub, ext in (("rgb", "png"), ("depth", "exr"), ("normal", "exr"), ("instance", "png")):
            assert (views_dir / sub / f"{index:04d}.{ext}").is_file()
        back = read_view(views_dir, index)
        assert np.array_equal(back.instance, p.instance)
        assert np.array_equal(iio.imread(views_dir / "instance" / f"{index:04d}.png"), p.instance)
        assert np.array_equal(back.depth, p.depth)
        assert np.array_equal(back.normal, p.normal)
        assert np.abs(back.rgb - p.rgb).max() <= 0.5 / 255 + 1e-6
    rgb = Image.open(views_dir / "rgb" / "0000.png")
    assert rgb.mode == "RGB"
    depth = OpenEXR.File(str(views_dir / "depth" / "0000.exr"))
    assert list(depth.channels()) == ["Z"] and depth.channels()["Z"].pixels.dtype == np.float32


def test_write_view_keeps_infinite_depth_and_16_bit_ids(tmp_path):
    depth = np.full((4, 5), np.inf, dtype=np.float32)
    depth[1, 2] = 2.5
    normal = np.zeros((4, 5, 3), dtype=np.float32)
    normal[1, 2] = (0, 0, 1)
    instance = np.zeros((4, 5), dtype=np.uint16)
    instance[1, 2], instance[3, 4] = 65535, 257
    rgb = np.linspace(0, 1, 60, dtype=np.float32).reshape(4, 5, 3)
    write_view(ViewPasses(rgb, depth, normal, instance), tmp_path, 12)
    back = read_view(tmp_path, 12)
    assert np.array_equal(back.depth, depth) and np.array_equal(back.normal, normal)
    assert np.array_equal(back.instance, instance)
    assert (tmp_path / "rgb" / "0012.png").is_file()


def test_multilayer_exr_ids_are_exact_integers(tmp_path):
    """IndexOB is not averaged at object edges, even with several samples."""
    spec, assets = room_spec([camera(0, (1.0, -1.6, 1.2), TARGET, res=64, focal=70.0)],
                             Room(type="studio", size=(4.0, 4.0, 2.6), walls=True))
    exr = BlenderScene(resolve(spec, assets)).render_exr(spec.cameras[0], tmp_path / "view#1.exr", samples=8,
                                                         denoise=False)
    channels = OpenEXR.File(str(exr), separate_channels=True).parts[0].channels
    index = next(ch.pixels for name, ch in channels.items() if name.endswith("IndexOB.X"))
    assert set(np.unique(index).tolist()) <= {0.0, float(BOX_ID), float(BALL_ID)}
    assert (index == BOX_ID).sum() > 50
    p = read_exr(exr)
    assert p.rgb.min() >= 0 and p.rgb.max() <= 1


def test_same_inputs_give_identical_instance_masks(tmp_path):
    def render(out: Path) -> np.ndarray:
        spec, assets = room_spec([camera(0, (1.5, -2.0, 1.5), TARGET, res=64, focal=60.0)],
                                 Room(type="kitchen", size=(4.0, 4.0, 2.6), walls=True))
        return render_views(spec, assets, out, samples=2, denoise=False)[0].instance

    first, second = render(tmp_path / "a"), render(tmp_path / "b")
    assert np.array_equal(first, second)
    assert {BOX_ID, BALL_ID} <= set(np.unique(first).tolist())


def test_outdoors_has_a_sky_and_ground(tmp_path):
    # Looking slightly up across the ground: the upper rows are sky.
    spec, assets = room_spec([camera(0, (0.0, -3.0, 0.6), (0.0, 0.0, 0.9), res=64, focal=50.0)],
                             Room(type="outdoors", size=(10.0, 10.0, 5.0)))
    p = render_views(spec, assets, tmp_path, samples=2, denoise=False)[0]
    sky = np.isinf(p.depth)
    assert sky[:8].all(), "top rows see the sky"
    assert (p.instance[sky] == 0).all() and (p.normal[sky] == 0).all()
    r, g, b = p.rgb[sky].mean(axis=0)
    assert b > 0.4 and b > r, "a bright, blue-ish sky, not black"
    assert (p.instance == BOX_ID).any() and np.isfinite(p.depth[-4:]).all()


def test_every_material_keeps_its_colour(tmp_path):
    """A row of cubes, one per material kind, all asked to be red: each reads red."""
    kinds = [k for k in KINDS if k != "glass"]  # glass shows what is behind it, by design
    objects, assets = [], {}
    for i, kind in enumerate(kinds):  # a 5-wide grid, seen from above the front
        oid = f"cube_{kind}"
        objects.append(obj(oid, ((i % 5 - 2) * 0.8, (i // 5 - 1) * 0.9, 0.0), i + 1))
        assets[oid] = box_asset(kind, RED)
    spec = SceneSpec(scene_id="materials", seed=1, room=Room(type="studio", size=(6.0, 6.0, 3.0)),
                     objects=objects, cameras=[camera(0, (0.0, -3.2, 3.0), (0.0, 0.0, 0.25), res=128, focal=100.0)])
    p = render_views(spec, assets, tmp_path, samples=4, denoise=True)[0]
    for i, kind in enumerate(kinds):
        mask = p.instance == i + 1
        assert mask.sum() > 10, kind
        r, g, b = np.median(p.rgb[mask], axis=0)
        assert r > 1.6 * g and r > 1.6 * b, f"{kind}: median colour {r:.2f} {g:.2f} {b:.2f} is not red"


def test_material_words_and_colour_conversions():
    assert material_kind("oak") == "wood" and material_kind("Marble") == "stone"
    assert material_kind("unobtainium") == "plastic" and material_kind(None) == "plastic"
    lin = np.array(srgb_to_linear((0.2, 0.5, 0.9)))
    assert np.allclose(linear_to_srgb(lin), (0.2, 0.5, 0.9), atol=1e-5)


def test_unresolved_spec_is_a_user_error(tmp_path):
    spec = SceneSpec(scene_id="x", objects=[ObjectSpec(id="box", category="box")],
                     cameras=[camera(0, EYE_INSIDE, TARGET)])
    with pytest.raises(FyiError, match="position"):
        render_views(spec, {"box": box_asset()}, tmp_path, samples=1, denoise=False)


def test_room_fitted_to_objects_and_object_matrix():
    spec, assets = room_spec([camera(0, EYE_INSIDE, TARGET)], Room(type="bedroom"))
    w, d, h = room_size(spec, assets)
    # The ball reaches x = 1.4, y = 1.2: the room spans them with a metre to spare on each side.
    assert w == pytest.approx(2 * 1.4 + 2.0) and d == pytest.approx(2 * 1.2 + 2.0) and h == pytest.approx(2.6)
    o = ObjectSpec(id="o", category="o", position=(1.0, 2.0, 3.0), rotation=(0.7071068, 0.0, 0.0, 0.7071068),
                   scale=(2.0, 1.0, 1.0))
    expected = (trimesh.transformations.translation_matrix((1.0, 2.0, 3.0))
                @ trimesh.transformations.quaternion_matrix(o.rotation)
                @ np.diag([2.0, 1.0, 1.0, 1.0]))
    assert np.allclose(object_transform(o), expected, atol=1e-6)


def test_principal_point_moves_the_image(tmp_path):
    """cx, cy are where the optical axis lands (pixels from the top-left): the cube, on the axis, lands there."""
    res, focal = 64, 64.0
    cam = CameraSpec(id=0, width=res, height=res, fx=focal, fy=focal, cx=res / 2 + 8, cy=res / 2 + 6,
                     c2w=look_at(EYE_INSIDE, TARGET))
    spec, assets = room_spec([cam], Room(type="studio", size=(4.0, 4.0, 2.6)))
    mask = render_views(spec, assets, tmp_path, samples=1, denoise=False)[0].instance == BOX_ID
    rows, cols = np.nonzero(mask)
    assert cols.mean() + 0.5 == pytest.approx(res / 2 + 8, abs=0.75)
    assert rows.mean() + 0.5 == pytest.approx(res / 2 + 6, abs=0.75)
