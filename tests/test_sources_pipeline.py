"""Assets from outside the procedural library, through the whole pipeline: a local folder (with a
broken file in it) and an Objaverse cache, read offline by the real objaverse package."""
import json
import math

import pytest

import fyi
from tests.objaverse_cache import OBJECTS, build_objaverse_cache, mug_parts_cm, write_glb


def scene_json(result):
    return json.loads((result.scene_dir / "scene.json").read_text())


def test_a_local_folder_supplies_the_mug_and_a_broken_file_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setenv("FYI_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "assets"
    folder.mkdir()
    (folder / "broken_mug.glb").write_bytes(b"glTF\x02\x00\x00\x00 definitely not a mesh")
    write_glb(mug_parts_cm(), folder / "red_coffee_mug.glb")  # centimetres, Y up: normalised on the way in
    (folder / "fyi_assets.json").write_text(json.dumps({
        "broken_mug.glb": {"category": "mug", "description": "a mug mug mug coffee mug"},
        "red_coffee_mug.glb": {"category": "mug", "description": "a red coffee mug", "license": "CC0-1.0"}}))
    result = fyi.synthesize("a mug on a table", tmp_path / "out", views=1, asset_dirs=[folder])
    graph = scene_json(result)
    mug = next(o for o in graph["objects"] if o["category"] == "mug")
    assert mug["asset"]["source"] == "local" and mug["asset"]["uid"] == "red_coffee_mug.glb"
    assert mug["asset"]["license"] == "CC0-1.0"
    height = mug["bbox"]["max"][2] - mug["bbox"]["min"][2]
    assert 0.07 < height < 0.15, "scaled from centimetres to a mug's real height"
    table = next(o for o in graph["objects"] if o["category"] == "table")
    assert mug["support"] == table["id"] and table["asset"]["source"] == "procedural"
    assert any("broken_mug.glb" in w for w in graph["warnings"]), "the broken file is reported, with its reason"


def test_objaverse_assets_come_from_the_cache_offline(tmp_path, monkeypatch):
    base = build_objaverse_cache(tmp_path / "objaverse")
    monkeypatch.setenv("FYI_OBJAVERSE_DIR", str(base))
    monkeypatch.setenv("FYI_CACHE_DIR", str(tmp_path / "cache"))
    result = fyi.synthesize("a chair next to a table", tmp_path / "out", views=1, objaverse=True)
    graph = scene_json(result)
    sources = {o["category"]: o["asset"] for o in graph["objects"]}
    assert sources["chair"]["source"] == "objaverse" and sources["chair"]["uid"] in {o.uid for o in OBJECTS}
    assert sources["chair"]["license"] != "unknown"
    manifest = json.loads((result.scene_dir / "manifest.json").read_text())
    chair = next(o for o in graph["objects"] if o["category"] == "chair")
    assert manifest["assets"][chair["id"]] == {k: sources["chair"][k] for k in ("source", "uid", "license")}
    # Re-rendering the scene reads the same assets from the cache.
    again = fyi.render(result.paths["scene_yaml"], tmp_path / "again")
    assert (again.scene_dir / "scene.json").read_text() == (result.scene_dir / "scene.json").read_text()


def test_with_a_model_the_collector_picks_among_source_assets_and_their_front(tmp_path, monkeypatch):
    import trimesh

    from fyi.agents.openai_backend import OpenAIBackend
    from fyi.agents.settings import ModelSettings, Settings
    from fyi.scenes.io import load_spec
    from tests.model_server import ModelServer

    monkeypatch.setenv("FYI_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "assets"
    folder.mkdir()
    # glTF is +Y up: (width, height, depth) = (0.6, 0.3, 0.2) for the long box.
    for name, extents in (("cube_box.glb", (0.4, 0.4, 0.4)), ("long_box.glb", (0.6, 0.3, 0.2))):
        trimesh.creation.box(extents).export(folder / name)
    (folder / "fyi_assets.json").write_text(json.dumps({
        "cube_box.glb": {"category": "box", "description": "a cardboard box", "height_m": 0.4},
        "long_box.glb": {"category": "box", "description": "a long cardboard box", "height_m": 0.3}}))
    request = {"instruction": "a box", "objects": [{"ref": "box", "category": "box", "count": 1}]}
    script = [json.dumps(request), json.dumps({"choice": "local:long_box.glb"}), json.dumps({"view": 1}),
              json.dumps({"poses": []}), json.dumps({"score": 1.0, "problems": [], "edits": []})]
    with ModelServer(script) as server:
        settings = Settings(default=ModelSettings(base_url=server.base_url, model="vlm", max_retries=0,
                                                  cache_dir=tmp_path / "calls"))
        result = fyi.synthesize("a box", tmp_path / "out", views=1, asset_dirs=[folder],
                                backend=OpenAIBackend(settings))
        pick, front = server.requests[1], server.requests[2]
    images = lambda req: [p for m in req["messages"] if isinstance(m["content"], list)  # noqa: E731
                          for p in m["content"] if p.get("type") == "image_url"]
    assert len(images(pick)) == 2, "one thumbnail per candidate the text search found"
    assert len(images(front)) == 4, "the pick seen a quarter turn at a time"
    box = load_spec(result.paths["scene_yaml"]).object("box_0")
    assert box.asset.uid == "long_box.glb" and box.asset.front_yaw_degrees == 90.0
    graph = scene_json(result)
    placed = next(o for o in graph["objects"] if o["id"] == "box_0")
    lo, hi = placed["bbox"]["min"], placed["bbox"]["max"]
    extent = [b - a for a, b in zip(lo, hi)]
    # The asset is turned a quarter turn (0.2 wide, 0.6 deep, its front the side the model chose); the
    # layout may then turn the whole object about +Z (a long thing is shown three-quarter on).
    w, x, y, z = placed["rotation"]
    yaw = 2 * math.atan2(z, w)
    c, s = abs(math.cos(yaw)), abs(math.sin(yaw))
    assert extent[0] == pytest.approx(0.2 * c + 0.6 * s, abs=0.01), "the side the model called the front faces -Y"
    assert extent[1] == pytest.approx(0.2 * s + 0.6 * c, abs=0.01)


def _banjo(graph):
    return next(o for o in graph["objects"] if o["category"] == "banjo")


def test_an_objaverse_object_no_builder_makes_builds_under_its_lvis_name(tmp_path, monkeypatch):
    """The library has no banjo; the Objaverse cache has one (LVIS "banjo"): the word builds it, sized from
    its file's units (centimetres), standing next to the chair; the index finds it by its words."""
    from fyi.assets.index import index_command, search_command
    from tests.objaverse_cache import BANJO_UID

    base = build_objaverse_cache(tmp_path / "objaverse")
    monkeypatch.setenv("FYI_OBJAVERSE_DIR", str(base))
    monkeypatch.setenv("FYI_CACHE_DIR", str(tmp_path / "cache"))
    index = index_command([], True, path=tmp_path / "index.json")
    hits = search_command("acoustic banjo", path=index)
    assert f"objaverse:{BANJO_UID}" in hits[0] and " banjo " in hits[0]

    result = fyi.synthesize("a banjo next to a chair", tmp_path / "out", views=1, objaverse=True)
    graph = scene_json(result)
    banjo = _banjo(graph)
    assert banjo["asset"] == {**banjo["asset"], "source": "objaverse", "uid": BANJO_UID}
    height = banjo["bbox"]["max"][2] - banjo["bbox"]["min"][2]
    assert 0.9 < height < 1.0, "95 units read as centimetres"
    assert banjo["support"] == "floor"
    assert any(r["subject"] == banjo["id"] and r["predicate"] == "next_to" for r in graph["relations"])
    assert not any("banjo" in w for w in graph["warnings"])
    coco = json.loads((result.scene_dir / "coco.json").read_text())
    assert "banjo" in {c["name"] for c in coco["categories"]}
    # without the source, the word is unknown again (no builder, nothing near it in meaning is a banjo)
    plain = fyi.synthesize("a banjo next to a chair", tmp_path / "plain", views=1)
    assert "banjo" not in {o["category"] for o in scene_json(plain)["objects"]}


def test_a_local_file_of_a_category_no_builder_makes_builds_under_its_name(tmp_path, monkeypatch):
    from tests.objaverse_cache import banjo_parts_cm

    monkeypatch.setenv("FYI_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "assets"
    write_glb(banjo_parts_cm(), folder / "my_instrument.glb")
    (folder / "fyi_assets.json").write_text(json.dumps({"my_instrument.glb": {"category": "banjo", "height_m": 0.9}}))
    result = fyi.synthesize("two banjos next to a chair", tmp_path / "out", views=1, asset_dirs=[folder])
    graph = scene_json(result)
    banjos = [o for o in graph["objects"] if o["category"] == "banjo"]
    assert len(banjos) == 2 and {b["asset"]["source"] for b in banjos} == {"local"}
    assert all(abs((b["bbox"]["max"][2] - b["bbox"]["min"][2]) - 0.9) < 0.01 for b in banjos)
