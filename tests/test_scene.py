"""The resolved scene every backend reads: room, materials, lights and meshes decided once, as data."""
from __future__ import annotations

import numpy as np
import pytest
import trimesh

from fyi.assets.color import linear_to_srgb, srgb_to_linear
from fyi.assets.model import Asset, Part
from fyi.assets.style import KINDS, material_kind
from fyi.errors import FyiError
from fyi.render.scene import ROUGHNESS, SURFACES, floor_surface, resolve, room_size
from fyi.scenes.spec import ObjectSpec, Room, SceneSpec


def two_part_asset() -> Asset:
    top = trimesh.creation.box((1.0, 0.6, 0.05))
    top.apply_translation((0, 0, 0.725))
    leg = trimesh.creation.cylinder(radius=0.03, height=0.7, sections=12)
    leg.apply_translation((0, 0, 0.35))
    empty = trimesh.Trimesh(vertices=np.zeros((0, 3)), faces=np.zeros((0, 3), dtype=int))
    return Asset("table", "table", [Part("top", top, "Oak", (0.55, 0.35, 0.2)),
                                    Part("nothing", empty, "metal", (0, 0, 0)),
                                    Part("leg", leg, "steel", (0.03, 0.03, 0.03), roughness=0.2)])


def spec_in(room: Room, seed: int = 5) -> tuple[SceneSpec, dict[str, Asset]]:
    spec = SceneSpec(scene_id="s", seed=seed, room=room, objects=[
        ObjectSpec(id="table", category="table", position=(0.5, -0.2, 0.0), rotation=(0.9238795, 0, 0, 0.3826834),
                   instance_id=3, support="floor")])
    return spec, {"table": two_part_asset()}


def test_objects_become_posed_nodes_with_material_data():
    spec, assets = spec_in(Room(type="living_room", size=(5.0, 4.0, 2.7)))
    table = resolve(spec, assets).object("table")
    assert (table.instance_id, table.position, table.rotation, table.smooth) == (3, (0.5, -0.2, 0.0),
                                                                                spec.objects[0].rotation, True)
    # Parts without faces are left out; names are the glTF node names; words become kinds.
    assert [m.name for m in table.meshes] == ["table/top", "table/leg"]
    top, leg = (m.material for m in table.meshes)
    assert (top.kind, top.color, top.roughness) == ("wood", (0.55, 0.35, 0.2), None)
    assert top.base_roughness == ROUGHNESS["wood"]
    assert (leg.kind, leg.base_roughness) == ("metal", 0.2)
    np.testing.assert_allclose(top.linear, srgb_to_linear((0.55, 0.35, 0.2)))
    assert top.texture_offset != leg.texture_offset  # each part its own grain
    # The node's geometry is the asset's: what the rigid-body world and the renderer both read.
    np.testing.assert_array_equal(table.vertices, assets["table"].mesh.vertices)
    np.testing.assert_array_equal(table.faces, assets["table"].mesh.faces)


def test_same_spec_same_scene_and_seed_changes_the_textures():
    spec, assets = spec_in(Room(type="kitchen", size=(4.0, 4.0, 2.6)))
    a, b = resolve(spec, assets), resolve(spec, assets)
    assert [m.material for m in a.object("table").meshes] == [m.material for m in b.object("table").meshes]
    assert a.room.floor.meshes[0].material == b.room.floor.meshes[0].material
    assert a.lights == b.lights and a.world == b.world
    other = resolve(spec.model_copy(update={"seed": 6}), assets)
    assert other.room.floor.meshes[0].material.texture_offset != a.room.floor.meshes[0].material.texture_offset


def test_room_has_a_floor_and_walls_facing_in():
    spec, assets = spec_in(Room(type="kitchen", size=(4.0, 3.0, 2.6)))
    scene = resolve(spec, assets)
    room = scene.room
    assert [n.name for n in room.nodes][:6] == ["floor", "wall_back", "wall_front", "wall_left", "wall_right",
                                                "ceiling"]
    assert room.size == (4.0, 3.0, 2.6)
    floor = room.floor.meshes[0]
    surface = SURFACES[floor_surface(spec.room, spec.seed)]
    assert (floor.material.kind, floor.material.tones) == (surface.kind, surface.tones)
    np.testing.assert_allclose([floor.vertices.min(axis=0), floor.vertices.max(axis=0)], [[-2, -1.5, 0], [2, 1.5, 0]])
    for wall in (*room.walls, room.ceiling):
        mesh = wall.meshes[0]
        assert mesh.material.kind in ("paint", "stripes", "damask") and mesh.material.one_sided
        tri = trimesh.Trimesh(mesh.vertices, mesh.faces, process=False)
        inward = -tri.triangles_center[0] * ([1, 1, 0] if wall is not room.ceiling else [0, 0, 1])
        assert np.all(tri.face_normals @ inward > 0), wall.name  # toward the room's centre line (or down)
    assert len({id(w.meshes[0].material) for w in room.walls}) == 1  # one paint for the room
    assert all(light.kind == "area" for light in scene.lights)


def test_room_without_walls_outdoors_and_fitted():
    spec, assets = spec_in(Room(type="office", size=(4.0, 3.0, 2.6), walls=False))
    assert resolve(spec, assets).room.walls == ()
    spec, assets = spec_in(Room(type="outdoors", size=(4.0, 3.0, 2.6)))
    scene = resolve(spec, assets)
    ground = scene.room.floor
    assert ground.name == "ground" and scene.room.walls == ()
    assert ground.meshes[0].material.kind in ("patchy", "road", "parking", "matte")
    assert ground.vertices[:, 0].max() == pytest.approx(900.0)  # far beyond the room: a horizon, not an edge
    assert [light.kind for light in scene.lights] == ["sun"] and len(scene.world.stops) == 3
    assert scene.world.sky is not None
    spec, assets = spec_in(Room(type="bedroom"))  # no size: fitted to the objects
    w, d, h = resolve(spec, assets).room.size
    assert (w, d, h) == room_size(spec, assets) and w >= 3.0 and h == pytest.approx(2.6)


def test_floor_surface_by_room_type():
    kinds = {t: {SURFACES[floor_surface(Room(type=t), seed)].kind for seed in range(12)}
             for t in ("kitchen", "bathroom", "bedroom", "studio")}
    assert kinds["bathroom"] == {"tiles"} and "tiles" in kinds["kitchen"] and "planks" in kinds["bedroom"]
    assert kinds["studio"] == {"matte"}
    assert set(ROUGHNESS) >= set(KINDS) | {s.kind for s in SURFACES.values()} | {"paint"}


def test_a_named_ground_picks_the_floor_over_the_room_type():
    from typing import get_args

    from fyi.scenes.spec import Ground
    assert SURFACES[floor_surface(Room(type="outdoors", ground="sand"))].tones[0] != SURFACES["grass"].tones[0]
    assert floor_surface(Room(type="living_room", ground="carpet")) in ("carpet", "grey_carpet")
    for ground in get_args(Ground):  # every ground the parser may name has a surface
        assert floor_surface(Room(type="outdoors", ground=ground)) in SURFACES
    spec, assets = spec_in(Room(type="outdoors", ground="snow"))
    floor = resolve(spec, assets).room.floor
    assert floor.meshes[0].material.tones == SURFACES["snow"].tones


def test_unresolved_spec_is_a_user_error():
    spec, assets = spec_in(Room(type="studio"))
    spec.objects[0].position = None
    with pytest.raises(FyiError, match=r"objects\[0\] \(table\): no position"):
        resolve(spec, assets)
    spec, _ = spec_in(Room(type="studio"))
    with pytest.raises(FyiError, match="no asset"):
        resolve(spec, {})


def test_material_words_and_the_one_colour_conversion():
    assert (material_kind("steel"), material_kind(" Oak "), material_kind("unobtainium"), material_kind(None)) == \
        ("metal", "wood", "plastic", "plastic")
    assert material_kind("glass") == "glass" and material_kind("foliage") == "foliage"
    np.testing.assert_allclose(srgb_to_linear([0.0, 0.5, 1.0]), [0.0, 0.214041, 1.0], atol=1e-6)
    np.testing.assert_allclose(linear_to_srgb(srgb_to_linear([0.02, 0.2, 0.7])), [0.02, 0.2, 0.7], atol=1e-12)
    image = np.random.default_rng(0).random((4, 4, 3), dtype=np.float32) * 1.2
    assert linear_to_srgb(image).dtype == np.float32  # image passes stay float32
    assert linear_to_srgb(image).max() == pytest.approx(1.0)  # clipped
