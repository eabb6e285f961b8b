"""All 80 COCO categories build offline from the procedural library, at real size, and render in colour."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from fyi.agents.critic import colour_name  # what a person (and the bench scorer) calls a colour
from fyi.assets.catalog import DISPLAYS, build_asset, categories, info, resolve_category
from fyi.assets.style import COLORS, Style
from fyi.render.coco_categories import COCO as COCO_TABLE
from fyi.render.coco_categories import FYI_NAME, snake

# COCO's 80 class names as FYI spells them (snake_case), from the one table the exporters use
COCO = [snake(c.name) for c in COCO_TABLE]

# COCO names served by a category registered under another name
EXISTING_UNDER_ANOTHER_NAME = {snake(coco): fyi for coco, fyi in FYI_NAME.items()}

# (min, max) metres: height (z), and the longer horizontal side (max of x, y); real-world sizes
COCO_SIZE = {
    "person": ((1.55, 1.9), (0.4, 0.75)),
    "bicycle": ((0.85, 1.15), (1.6, 1.95)),
    "car": ((1.25, 1.75), (3.7, 5.2)),
    "motorcycle": ((1.1, 1.5), (1.9, 2.3)),
    "airplane": ((4.5, 8.0), (12.0, 22.0)),
    "bus": ((2.8, 3.5), (9.5, 12.5)),
    "train": ((3.4, 4.2), (18.0, 28.0)),
    "truck": ((1.7, 3.6), (4.5, 8.5)),
    "boat": ((1.5, 10.5), (4.5, 8.5)),
    "traffic_light": ((2.8, 4.2), (0.3, 0.7)),
    "fire_hydrant": ((0.55, 0.95), (0.25, 0.55)),
    "stop_sign": ((2.2, 3.1), (0.55, 0.9)),
    "parking_meter": ((1.2, 1.7), (0.15, 0.35)),
    "bench": ((0.4, 0.5), (1.05, 1.55)),
    "bird": ((0.1, 0.3), (0.15, 0.4)),
    "cat": ((0.28, 0.5), (0.45, 0.8)),
    "dog": ((0.45, 0.85), (0.7, 1.3)),
    "horse": ((1.7, 2.5), (1.8, 2.8)),
    "sheep": ((0.7, 1.05), (1.0, 1.5)),
    "cow": ((1.3, 1.85), (2.0, 2.9)),
    "elephant": ((2.4, 3.5), (3.5, 5.2)),
    "bear": ((0.9, 1.4), (1.4, 2.2)),
    "zebra": ((1.5, 2.1), (1.7, 2.4)),
    "giraffe": ((3.8, 5.0), (2.0, 3.0)),
    "backpack": ((0.38, 0.6), (0.22, 0.4)),
    "umbrella": ((0.75, 1.2), (0.8, 1.2)),
    "handbag": ((0.22, 0.42), (0.25, 0.45)),
    "tie": ((0.005, 0.04), (0.38, 0.62)),
    "suitcase": ((0.7, 1.15), (0.35, 0.55)),
    "frisbee": ((0.02, 0.04), (0.23, 0.3)),
    "skis": ((0.05, 0.15), (1.45, 1.95)),
    "snowboard": ((0.1, 0.22), (1.35, 1.7)),
    "sports_ball": ((0.19, 0.25), (0.19, 0.25)),
    "kite": ((1.5, 2.6), (0.55, 0.95)),
    "baseball_bat": ((0.05, 0.09), (0.75, 0.95)),
    "baseball_glove": ((0.24, 0.36), (0.2, 0.3)),
    "skateboard": ((0.1, 0.18), (0.7, 0.9)),
    "surfboard": ((1.6, 2.6), (0.3, 0.65)),
    "tennis_racket": ((0.02, 0.05), (0.62, 0.75)),
    "bottle": ((0.24, 0.36), (0.06, 0.09)),
    "wine_glass": ((0.15, 0.24), (0.06, 0.11)),
    "cup": ((0.07, 0.12), (0.08, 0.13)),
    "fork": ((0.003, 0.02), (0.16, 0.22)),
    "knife": ((0.003, 0.02), (0.19, 0.34)),
    "spoon": ((0.01, 0.03), (0.15, 0.21)),
    "bowl": ((0.04, 0.10), (0.13, 0.28)),
    "banana": ((0.02, 0.05), (0.16, 0.22)),
    "apple": ((0.055, 0.09), (0.065, 0.095)),
    "sandwich": ((0.035, 0.07), (0.1, 0.15)),
    "orange": ((0.06, 0.085), (0.065, 0.09)),
    "broccoli": ((0.11, 0.2), (0.07, 0.15)),
    "carrot": ((0.03, 0.06), (0.22, 0.32)),
    "hot_dog": ((0.04, 0.08), (0.17, 0.25)),
    "pizza": ((0.012, 0.03), (0.25, 0.37)),
    "donut": ((0.03, 0.055), (0.11, 0.16)),
    "cake": ((0.09, 0.2), (0.19, 0.29)),
    "chair": ((0.75, 1.05), (0.35, 0.55)),
    "couch": ((0.75, 0.95), (1.7, 2.3)),
    "potted_plant": ((0.45, 1.1), (0.4, 1.1)),
    "bed": ((0.85, 1.25), (1.95, 2.25)),
    "dining_table": ((0.7, 0.8), (0.9, 1.9)),
    "toilet": ((0.7, 1.0), (0.55, 0.75)),
    "tv": ((0.6, 1.0), (0.9, 1.55)),
    "laptop": ((0.17, 0.28), (0.28, 0.36)),
    "mouse": ((0.03, 0.05), (0.09, 0.13)),
    "remote": ((0.015, 0.03), (0.16, 0.22)),
    "keyboard": ((0.02, 0.035), (0.4, 0.48)),
    "cell_phone": ((0.005, 0.012), (0.13, 0.17)),
    "microwave": ((0.25, 0.38), (0.42, 0.58)),
    "oven": ((0.85, 1.15), (0.58, 0.75)),
    "toaster": ((0.16, 0.24), (0.25, 0.35)),
    "sink": ((0.8, 1.1), (0.45, 0.7)),
    "refrigerator": ((1.65, 1.95), (0.6, 0.85)),
    "book": ((0.015, 0.05), (0.18, 0.28)),
    "clock": ((0.22, 0.38), (0.22, 0.38)),
    "vase": ((0.2, 0.36), (0.09, 0.2)),
    "scissors": ((0.005, 0.02), (0.17, 0.24)),
    "teddy_bear": ((0.2, 0.4), (0.18, 0.3)),
    "hair_drier": ((0.18, 0.26), (0.22, 0.33)),
    "toothbrush": ((0.012, 0.03), (0.16, 0.22)),
}

SEEDS = (0, 1, 2)
MATERIALS = {"wood", "metal", "fabric", "leather", "ceramic", "glass", "plastic", "rubber", "stone", "paper", "fur",
             "food", "foliage", "emissive"}

# the COCO supercategory of each category this library registered for COCO
NEW_GROUPS = {
    "person": "person", "bicycle": "vehicle", "car": "vehicle", "motorcycle": "vehicle", "airplane": "vehicle",
    "bus": "vehicle", "train": "vehicle", "truck": "vehicle", "boat": "vehicle", "traffic_light": "outdoor",
    "fire_hydrant": "outdoor", "stop_sign": "outdoor", "parking_meter": "outdoor", "bird": "animal",
    "sheep": "animal", "cow": "animal", "elephant": "animal", "bear": "animal", "zebra": "animal",
    "giraffe": "animal", "backpack": "accessory", "umbrella": "accessory", "handbag": "accessory",
    "tie": "accessory", "suitcase": "accessory", "frisbee": "sports", "skis": "sports", "snowboard": "sports",
    "kite": "sports", "baseball_bat": "sports", "baseball_glove": "sports", "skateboard": "sports",
    "surfboard": "sports", "tennis_racket": "sports", "fork": "kitchen", "knife": "kitchen", "spoon": "kitchen",
    "sandwich": "food", "broccoli": "food", "carrot": "food", "hot_dog": "food", "pizza": "food", "donut": "food",
    "cake": "food", "toilet": "furniture", "remote": "electronic", "microwave": "appliance", "oven": "appliance",
    "toaster": "appliance", "sink": "appliance", "scissors": "indoor", "hair_drier": "indoor",
    "toothbrush": "indoor",
}


def test_every_coco_name_has_a_size_and_the_list_is_complete():
    assert len(COCO) == 80 and len(set(COCO)) == 80
    assert set(COCO_SIZE) == set(COCO)


@pytest.mark.parametrize("name", COCO)
def test_coco_name_resolves_as_written_and_with_spaces(name):
    expected = EXISTING_UNDER_ANOTHER_NAME.get(name, name)
    assert resolve_category(name) == expected
    assert resolve_category(name.replace("_", " ")) == expected
    assert info(expected).name == expected


def test_new_categories_use_coco_supercategories_and_no_name_is_registered_twice():
    for name, group in NEW_GROUPS.items():
        assert info(name).group == group, name
    registered = [c.name for c in categories()]
    assert len(registered) == len(set(registered))
    # the COCO names of existing categories are synonyms, not second registrations
    for coco_name in EXISTING_UNDER_ANOTHER_NAME:
        assert coco_name not in registered


@pytest.mark.parametrize("name", COCO)
def test_coco_category_builds_sound_canonical_geometry(name):
    category = resolve_category(name)
    for seed in SEEDS:
        asset = build_asset(category, seed)
        assert asset.parts and any(p.role == "body" for p in asset.parts)
        for p in asset.parts:
            v = np.asarray(p.mesh.vertices)
            assert len(p.mesh.faces) > 0 and np.isfinite(v).all(), p.name
            assert p.mesh.area > 0 and p.mesh.area_faces.min() > 0, f"{name}/{p.name} has zero-area faces"
            assert p.material in MATERIALS, p.material
            assert len(p.color) == 3 and all(0.0 <= c <= 1.0 for c in p.color)
        faces = len(asset.mesh.faces)
        assert 0 < faces < 20_000, f"{name}: {faces} faces"
        lo, hi = asset.bounds
        assert abs(lo[2]) < 1e-6, f"{name} base not on z=0"
        centre = (lo + hi) / 2
        assert abs(centre[0]) < 0.01 and abs(centre[1]) < 0.01, f"{name} not centred: {centre}"
        assert asset.description


@pytest.mark.parametrize("name", COCO)
def test_coco_dimensions_are_real_world(name):
    (h0, h1), (l0, l1) = COCO_SIZE[name]
    for seed in SEEDS:
        w, d, h = build_asset(resolve_category(name), seed).dims
        assert h0 <= h <= h1, f"{name} seed {seed}: height {h:.3f} outside [{h0}, {h1}]"
        assert l0 <= max(w, d) <= l1, f"{name} seed {seed}: length {max(w, d):.3f} outside [{l0}, {l1}]"


@pytest.mark.parametrize("name", COCO)
def test_colour_style_paints_the_body_and_what_else_the_view_sees(name):
    """Body parts take the colour; a detail takes it only when the body alone would not be what the
    view shows (a screen, a deck), and never leaves, food or glass other than a screen."""
    category = resolve_category(name)
    plain = build_asset(category, 1)
    styled = build_asset(category, 1, Style(color="blue"))
    for before, after in zip(plain.parts, styled.parts):
        if before.role == "body":
            assert after.color == COLORS["blue"]
        elif after.color != before.color:
            assert after.color == COLORS["blue"]
            assert before.material not in ("foliage", "food", "glass") or before.name in DISPLAYS, before.name
        else:
            assert after.material == before.material


SYNONYMS = {
    "motorbike": "motorcycle", "aeroplane": "airplane", "plane": "airplane", "lorry": "truck",
    "pickup truck": "truck", "sailboat": "boat", "bike": "bicycle", "automobile": "car", "stoplight": "traffic_light",
    "traffic signal": "traffic_light", "hydrant": "fire_hydrant", "man": "person", "woman": "person",
    "people": "person", "pigeon": "bird", "lamb": "sheep", "cattle": "cow", "grizzly": "bear", "polar bear": "bear",
    "rucksack": "backpack", "purse": "handbag", "necktie": "tie", "luggage": "suitcase", "flying disc": "frisbee",
    "ski": "skis", "bat": "baseball_bat", "baseball mitt": "baseball_glove", "racquet": "tennis_racket",
    "table knife": "knife", "knives": "knife", "teaspoon": "spoon", "hotdog": "hot_dog", "doughnut": "donut",
    "doughnuts": "donut", "birthday cake": "cake", "carrots": "carrot", "wc": "toilet", "remote control": "remote",
    "microwave oven": "microwave", "stove": "oven", "washbasin": "sink", "hair dryer": "hair_drier",
    "blow dryer": "hair_drier", "tooth brush": "toothbrush", "buses": "bus", "sandwiches": "sandwich",
    "giraffes": "giraffe", "zebras": "zebra", "elephants": "elephant", "cows": "cow", "birds": "bird",
    "duck": "duck", "teddy bear": "teddy_bear", "torus": "torus",
}


@pytest.mark.parametrize("word,expected", sorted(SYNONYMS.items()))
def test_synonyms_resolve(word, expected):
    assert resolve_category(word) == expected


def test_placements():
    floor = ("person", "bicycle", "car", "motorcycle", "airplane", "bus", "train", "truck", "boat", "traffic_light",
             "fire_hydrant", "stop_sign", "parking_meter", "sheep", "cow", "elephant", "bear", "zebra", "giraffe")
    for name in floor:
        assert info(name).placement == "floor", name
    for name in ("fork", "knife", "spoon", "scissors", "toothbrush", "remote", "hair_drier", "sandwich", "pizza",
                 "donut", "cake", "hot_dog", "broccoli", "carrot", "microwave", "toaster", "frisbee"):
        assert info(name).placement == "surface", name
    for name in ("sink", "toilet", "oven", "fridge"):
        assert info(name).placement == "floor" and info(name).against_wall, name


def _part(asset, name):
    return next(p for p in asset.parts if p.name == name)


def _luma(rgb) -> float:
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]


def test_recognisable_features():
    for seed in SEEDS:
        zebra = build_asset("zebra", seed)
        stripes, coat = _part(zebra, "stripes"), _part(zebra, "zebra")
        assert _luma(stripes.color) < 0.1 < 0.8 < _luma(coat.color)
        assert 0.15 < stripes.mesh.area / coat.mesh.area < 0.6  # bands, not a black zebra
        giraffe = build_asset("giraffe", seed)
        assert _luma(_part(giraffe, "patches").color) < _luma(_part(giraffe, "giraffe").color) - 0.3
        assert giraffe.dims[2] > 1.6 * giraffe.dims[1] * 0.9  # taller than long: the neck
        stop = build_asset("stop_sign", seed)
        face = _part(stop, "stop_sign")
        assert face.color[0] > 0.6 and face.color[1] < 0.2
        # an octagon: eight side directions in the plate's xz outline (plus front and back)
        normals = np.unique(np.round(face.mesh.face_normals, 3), axis=0)
        assert len(normals) == 10
        light = build_asset("traffic_light", seed)
        lamps = [_part(light, n) for n in ("red_lamp", "amber_lamp", "green_lamp")]
        assert all(p.material == "emissive" for p in lamps)
        heights = [p.mesh.bounds.mean(axis=0)[2] for p in lamps]
        assert heights[0] > heights[1] > heights[2]  # red on top, green at the bottom
        car = build_asset("car", seed)
        assert _part(car, "tyres").material == "rubber" and _part(car, "windows").material == "glass"
        assert _part(car, "tyres").mesh.body_count == 4
        bus = build_asset("bus", seed)
        assert bus.dims[1] > 3 * bus.dims[0]
        bike = build_asset("bicycle", seed)
        assert _part(bike, "tyres").mesh.body_count == 2
        person = build_asset("person", seed)
        assert person.dims[2] > 2.5 * max(person.dims[:2])
        donut = build_asset("donut", seed)
        assert donut.parts[0].name == "icing"
        sheep, cow = build_asset("sheep", seed), build_asset("cow", seed)
        assert all(p.material == "fur" for a in (sheep, cow) for p in a.parts if p.role == "body")


def test_coloured_coco_objects_render_in_their_colours(tmp_path):
    from fyi.render.blender import render_views
    from fyi.scenes.asset_loader import assets_for
    from fyi.scenes.cameras import frame_cameras
    from fyi.scenes.geometry import world_bbox, yaw_quaternion
    from fyi.scenes.spec import AssetRef, Attributes, ObjectSpec, Room, SceneSpec

    wanted = [("hydrant", "fire_hydrant", "red", (-1.1, 0.0)), ("cat", "cat", "black", (-0.35, -0.1)),
              ("bag", "suitcase", "blue", (0.35, 0.05)), ("pack", "backpack", "white", (1.05, -0.05))]
    objects = [ObjectSpec(id=oid, category=cat, attributes=Attributes(color=colour), position=(x, y, 0.0),
                          rotation=yaw_quaternion(np.radians(-25)), instance_id=k + 1,
                          asset=AssetRef(uid=cat, seed=k), support="floor")
               for k, (oid, cat, colour, (x, y)) in enumerate(wanted)]
    draft = SceneSpec(scene_id="coco_colours", seed=2, room=Room(type="studio"), objects=objects)
    assets = assets_for(draft)
    corners = np.vstack([np.array(world_bbox(o, assets[o.id])) for o in objects])
    spec = draft.model_copy(update={"cameras": frame_cameras(corners, 1, 128, 128, elevation=20.0)})
    render_views(spec, assets, tmp_path, samples=6, denoise=True)
    rgb = np.asarray(Image.open(tmp_path / "rgb" / "0000.png").convert("RGB"), float) / 255
    instance = np.asarray(Image.open(tmp_path / "instance" / "0000.png")).astype(np.int64)
    for k, (oid, _, colour, _) in enumerate(wanted):
        mask = instance == k + 1
        assert mask.sum() >= 30, f"{oid} barely visible: {mask.sum()} px"
        assert colour_name(np.median(rgb[mask], axis=0)) == colour, (oid, np.median(rgb[mask], axis=0))


def test_gallery_pages_cover_the_categories_in_sheets_of_n(tmp_path):
    """`fyi assets gallery --per-sheet N` writes gallery-01.png, gallery-02.png ... of at most N tiles each
    (`--all` does every category so); a bad page size is one line, exit 2."""
    import subprocess
    import sys

    from fyi.render.gallery import render_gallery_pages

    paths = render_gallery_pages(tmp_path, per_sheet=2, categories=["donut", "stop_sign", "apple"], size=32,
                                 samples=1)
    assert [p.name for p in paths] == ["gallery-01.png", "gallery-02.png"]
    assert Image.open(paths[0]).size[0] == 2 * 32 and Image.open(paths[1]).size[0] == 32  # 2 tiles, then 1
    p = subprocess.run([sys.executable, "-m", "fyi.cli", "assets", "gallery", "--out", str(tmp_path / "g"), "--all",
                        "--per-sheet", "0"], capture_output=True, text=True)
    assert p.returncode == 2 and "--per-sheet" in p.stderr and "Traceback" not in p.stderr
    p = subprocess.run([sys.executable, "-m", "fyi.cli", "assets", "gallery", "--out", str(tmp_path / "g"), "--all",
                        "--categories", "mug"], capture_output=True, text=True)
    assert p.returncode == 2 and "--all" in p.stderr


def test_gallery_writes_a_labelled_contact_sheet(tmp_path):
    from fyi.render.gallery import render_gallery

    calls = []
    path = render_gallery(tmp_path, categories=["stop_sign", "donut"], seeds=(0, 1), size=48, samples=1,
                          progress=lambda done, total: calls.append((done, total)))
    assert path == tmp_path / "gallery.png" and path.exists()
    sheet = np.asarray(Image.open(path).convert("RGB"))
    assert sheet.shape[1] == 2 * 48 and sheet.shape[0] >= 2 * 48  # a 2 x 2 grid with labels under the tiles
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]
    tile = sheet[:48, :48].astype(float) / 255
    assert (tile[..., 0] - tile[..., 1] > 0.3).sum() > 10  # the red stop sign is in its tile
