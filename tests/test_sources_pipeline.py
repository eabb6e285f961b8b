"""Assets from outside the procedural library, through the whole pipeline: a local folder (with a
broken file in it) and an Objaverse cache, read offline by the real objaverse package."""
import json


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
