"""Places: rooms dressed by type, outdoor settings under a physical sky, and their light, drawn under the
seed and kept in the spec (scenes/dressing.py), resolved as data (render/scene.py), rendered for real."""
from __future__ import annotations

from pathlib import Path
from typing import get_args

import numpy as np
import pytest
import yaml

from fyi.render.blender import render_views
from fyi.render.glb import write_glb
from fyi.render.scene import SURFACES, resolve
from fyi.scenes.dressing import ROOM_FLOORS, ROOM_SIZE_RANGES, dress, room_base_size
from fyi.scenes.spec import FloorFinish, Room, SceneSpec, Setting
from tests.test_exports_3d import assert_valid, validate_gltf
from tests.test_render import BOX_ID, camera, room_spec

ROOM_TYPES = ("kitchen", "living_room", "bedroom", "office", "bathroom", "dining_room", "classroom", "generic_room")
SETTINGS = get_args(Setting)
RES = 32


def dressed(room: Room, seed: int = 3, cameras=()) -> tuple[SceneSpec, dict]:
    spec, assets = room_spec(list(cameras), room)
    return dress(spec.model_copy(update={"seed": seed})), assets


# --- the dressing: data, drawn under the seed ---------------------------------------------------


def test_dressing_is_deterministic_differs_across_seeds_and_keeps_what_is_given():
    room = Room(type="living_room", size=(5.0, 4.5, 2.7))
    a, b = dressed(room, 1)[0].room, dressed(room, 1)[0].room
    assert a == b and a.finish is not None and a.lighting is not None
    drawn = {(r.finish.floor, r.finish.wall, r.finish.wall_color, len(r.finish.windows), r.lighting.hour)
             for r in (dressed(room, s)[0].room for s in range(8))}
    assert len(drawn) >= 6
    # What the spec says is kept: a dressed spec dresses to itself, and a given floor stays.
    spec = dressed(room, 4)[0]
    assert dress(spec) == spec
    given = room.model_copy(update={"finish": a.finish.model_copy(update={"floor": "concrete"})})
    assert dressed(given, 4)[0].room.finish.floor == "concrete"
    assert dressed(Room(type="outdoors", ground="sand"), 2)[0].room.setting == "beach"
    assert dressed(Room(type="outdoors", ground="asphalt"), 2)[0].room.setting in ("street", "parking_lot")
    assert dressed(Room(type="kitchen", ground="carpet"), 2)[0].room.finish.floor in ("carpet", "grey_carpet")


def test_every_floor_has_a_surface_and_room_sizes_vary_within_their_ranges():
    assert set(get_args(FloorFinish)) == set(SURFACES)
    assert all(f in SURFACES for floors in ROOM_FLOORS.values() for f in floors)
    for room_type in ROOM_TYPES:
        sizes = {room_base_size(room_type, s) for s in range(6)}
        assert len(sizes) > 1, room_type
        for size in sizes:
            assert all(lo <= v <= hi for v, (lo, hi) in zip(size, ROOM_SIZE_RANGES[room_type]))
    assert room_base_size("empty_room", 0) == room_base_size("empty_room", 9) == (4.0, 3.6, 2.7)


def test_the_spec_refuses_unknown_dressing_and_settings_indoors():
    with pytest.raises(ValueError, match="setting"):
        Room(type="kitchen", setting="beach")
    with pytest.raises(ValueError):
        Room.model_validate({"type": "kitchen", "finish": {"floor": "oak_planks", "curtains": True}})
    with pytest.raises(ValueError):
        Room.model_validate({"type": "kitchen", "finish": {"floor": "lava"}})


@pytest.mark.parametrize("room_type", ROOM_TYPES)
def test_room_type_resolves_to_a_dressed_room(room_type):
    spec, assets = dressed(Room(type=room_type, size=room_base_size(room_type, 1)), seed=1)
    scene = resolve(spec, assets)
    finish = spec.room.finish
    names = [n.name for n in scene.room.nodes]
    assert scene.room.ceiling is not None and scene.room.ceiling.meshes[0].material.one_sided
    assert scene.room.floor.meshes[0].material.kind == SURFACES[finish.floor].kind
    assert {f"skirting_{w}" for w in ("back", "front", "left", "right")} <= set(names)
    assert len([n for n in names if n.endswith("_pane")]) == len(finish.windows) >= 1
    assert len([n for n in names if n.startswith("lamp_")]) == finish.ceiling_lights >= 1
    kinds = [light.name.split("_")[0] for light in scene.lights]
    assert kinds.count("ceiling") == finish.ceiling_lights and kinds.count("window") == len(finish.windows)
    assert all(4000 <= light.kelvin <= 6500 for light in scene.lights)
    assert all(n.instance_id == 0 for n in scene.room.nodes)
    # Every piece but the floor is one-sided: a camera outside or above sees through it.
    assert all(m.material.one_sided for n in scene.room.nodes[1:] for m in n.meshes)
    w, d, h = scene.room.size
    for node in scene.room.fittings:  # inside the room, in front of its walls
        v = node.vertices
        assert (np.abs(v[:, 0]) <= w / 2).all() and (np.abs(v[:, 1]) <= d / 2).all() and (v[:, 2] <= h).all()


# --- rendered -----------------------------------------------------------------------------------


INSIDE = camera(0, (0.3, -1.0, 1.4), (0.0, 1.0, 0.6), res=RES, focal=22.0)
ABOVE = camera(1, (0.0, -0.5, 6.0), (0.0, 0.0, 0.0), res=RES, focal=30.0)


@pytest.fixture(scope="module")
def rooms(tmp_path_factory) -> dict[str, tuple[SceneSpec, list]]:
    out = {}
    for room_type in ROOM_TYPES:
        spec, assets = dressed(Room(type=room_type, size=(4.5, 4.0, 2.7)), seed=2, cameras=[INSIDE, ABOVE])
        out[room_type] = spec, render_views(spec, assets, tmp_path_factory.mktemp(room_type), samples=2,
                                            denoise=False)
    return out


@pytest.mark.parametrize("room_type", ROOM_TYPES)
def test_room_type_renders_lit_with_its_pieces(rooms, room_type):
    spec, (inside, above) = rooms[room_type]
    luma = inside.rgb @ np.array([0.2126, 0.7152, 0.0722], dtype=np.float32)
    assert 0.12 < luma.mean() < 0.9, f"{room_type}: mean luma {luma.mean():.2f}"
    assert np.isfinite(inside.depth).all(), "inside a closed room every ray meets a wall, floor or ceiling"
    assert (inside.instance == BOX_ID).any()
    # From above, the ceiling is see-through: the box is there, in the same place as in a bare room.
    assert (above.instance == BOX_ID).any()


def test_dressing_never_changes_object_masks(rooms, tmp_path):
    """Two dressings of one scene (different floors, walls, windows, lights): identical object masks."""
    spec, (inside, above) = rooms["living_room"]
    bare = spec.model_copy(update={"room": spec.room.model_copy(update={
        "type": "living_room", "finish": spec.room.finish.model_copy(update={
            "floor": "concrete", "wall": "paint", "windows": [], "ceiling": False, "skirting": False})})})
    _, assets = room_spec([], bare.room)
    other = render_views(bare, assets, tmp_path, samples=1, denoise=False)
    for a, b in zip((inside, above), other):
        np.testing.assert_array_equal(a.instance, b.instance)


def rays_below_horizon(cam) -> np.ndarray:
    """Per pixel: does the ray through its centre point below the horizontal plane?"""
    v, u = np.mgrid[0:cam.height, 0:cam.width] + 0.5
    d = np.stack([(u - cam.cx) / cam.fx, -(v - cam.cy) / cam.fy, -np.ones_like(u)], axis=-1)
    world = d @ np.asarray(cam.c2w)[:3, :3].T
    return world[..., 2] < -1e-6


@pytest.mark.parametrize("setting", SETTINGS)
def test_outdoor_setting_renders_ground_to_the_horizon_under_a_sky(setting, tmp_path):
    # Low at eye height looking level, and high up looking far: the horizon crosses both pictures.
    cams = [camera(0, (0.0, -4.0, 1.6), (0.0, 10.0, 1.2), res=48, focal=30.0),
            camera(1, (2.0, -12.0, 12.0), (0.0, 30.0, 0.0), res=48, focal=40.0)]
    spec, assets = dressed(Room(type="outdoors", size=(10.0, 10.0, 5.0), setting=setting), cameras=cams)
    scene = resolve(spec, assets)
    assert scene.world.sky is not None and scene.room.setting == setting and scene.room.walls == ()
    views = render_views(spec, assets, tmp_path, samples=1, denoise=False)
    for cam, p in zip(cams, views):
        below = rays_below_horizon(cam)
        assert below.any() and (~below).any(), "the horizon crosses the picture"
        assert np.isinf(p.depth[below]).mean() == 0.0, f"{setting}: void below the horizon"
        sky = np.isinf(p.depth)
        assert sky.any(), "the sky is there above it"
        r, g, b = p.rgb[sky].mean(axis=0)
        assert b > r and 0.25 < b < 0.98, f"{setting}: sky rgb {r:.2f} {g:.2f} {b:.2f}"


def test_sky_is_brightest_toward_the_sun(tmp_path):
    """The physical sky and the sun light agree on where the sun is (blender.SKY_ROTATION_OFFSET)."""
    lighting = {"hour": 8.0, "sun_azimuth": -60.0, "sun_elevation": 25.0, "kelvin": 5500.0, "strength": 1.0}
    room = Room.model_validate({"type": "outdoors", "size": (10.0, 10.0, 5.0), "setting": "field",
                                "lighting": lighting})
    brightness = {}
    for azimuth in (-60.0, 120.0):  # toward the sun, and away from it
        a = np.radians(azimuth)
        eye = (0.0, 0.0, 1.5)
        target = (20 * np.cos(a), 20 * np.sin(a), 1.5 + 20 * np.tan(np.radians(25.0)))
        spec, assets = dressed(room, cameras=[camera(0, eye, target, res=16, focal=12.0)])
        p = render_views(spec, assets, tmp_path / str(azimuth), samples=1, denoise=False)[0]
        brightness[azimuth] = float(p.rgb[np.isinf(p.depth)].mean())
    assert brightness[-60.0] > 1.15 * brightness[120.0], brightness


# --- reproduced from scene.yaml, and exported -----------------------------------------------------


def test_a_dressed_scene_renders_again_from_its_scene_yaml(tmp_path):
    import fyi

    first = fyi.synthesize("a red mug on a wooden table in a kitchen", tmp_path / "a", seed=4, quality="draft",
                           views=1)
    saved = yaml.safe_load(first.paths["scene_yaml"].read_text())
    assert saved["room"]["finish"]["floor"] and saved["room"]["lighting"]["hour"]
    again = fyi.render(first.paths["scene_yaml"], tmp_path / "b")
    for name in ("instance", "depth"):
        a = sorted((first.paths["views"] / name).iterdir())
        b = sorted((again.paths["views"] / name).iterdir())
        assert a
        assert [f.read_bytes() for f in a] == [f.read_bytes() for f in b], name
    assert again.spec.room == first.spec.room


def test_dressed_rooms_and_outdoors_export_valid_gltf(tmp_path: Path):
    for room in (Room(type="classroom", size=(8.0, 7.0, 3.0)), Room(type="outdoors", setting="street")):
        spec, assets = dressed(room)
        path = tmp_path / f"{room.type}.glb"
        write_glb(spec, assets, path)
        assert_valid(validate_gltf(path))
