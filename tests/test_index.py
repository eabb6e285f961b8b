"""The catalog index: BM25 retrieval over the real procedural library plus a local source's records."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import trimesh

from fyi.assets.catalog import categories
from fyi.assets.index import (AssetRecord, CatalogIndex, default_index_path, index_command, procedural_records,
                              record_key, search_command, show_command, singular, words)
from fyi.errors import FyiError
from tests.objaverse_cache import OBJECTS, build_objaverse_cache


class FakeLocalSource:
    """A source as assets/sources.py shapes them: anything with records()."""

    def records(self) -> list[AssetRecord]:
        return [
            AssetRecord("local", "chairs/eames.glb", "armchair", "eames lounger",
                        "a mid-century leather lounge chair with a matching ottoman", ("leather", "mid-century"),
                        "CC-BY-4.0", (0.84, 0.85, 0.82)),
            AssetRecord("local", "radios/tube_radio.glb", None, "tube radio",
                        "a wooden valve radio from the fifties with a cloth speaker grille", ("vintage", "audio"),
                        "CC0-1.0", None),
            AssetRecord("local", "cars/roadster.glb", "car", "roadster",
                        "a low two-seat convertible roadster with spoked wheels", ("classic", "convertible"),
                        "CC-BY-4.0", (1.6, 3.9, 1.2)),
        ]


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return CatalogIndex.build([FakeLocalSource()])


# query -> the id that must rank first
LABELLED = {
    "a coffee mug": "procedural:mug",
    "couch": "procedural:sofa",
    "two couches": "procedural:sofa",
    "bookcase": "procedural:bookshelf",
    "tv": "procedural:tv",
    "a television": "procedural:tv",
    "a red sports car": "procedural:car",
    "fire hydrant": "procedural:fire_hydrant",
    "a refrigerator": "procedural:fridge",
    "knives": "procedural:knife",
    "potted plants": "procedural:potted_plant",
    "a stemmed wine glass": "procedural:wine_glass",
    "a bus": "procedural:bus",
    "teacup": "procedural:mug",
    "a laptop computer": "procedural:laptop",
    "a leather lounge chair with an ottoman": "local:chairs/eames.glb",
    "an old valve radio": "local:radios/tube_radio.glb",
    "a convertible roadster": "local:cars/roadster.glb",
}


@pytest.mark.parametrize("query, expected", sorted(LABELLED.items()))
def test_the_right_asset_ranks_first(index: CatalogIndex, query: str, expected: str):
    hits = index.search(query, k=5)
    assert hits, f"{query!r}: no hit"
    assert record_key(hits[0][0]) == expected, [(record_key(r), round(s, 2)) for r, s in hits]
    scores = [s for _, s in hits]
    assert scores == sorted(scores, reverse=True) and scores[-1] > 0


def test_procedural_library_gives_one_described_record_per_category():
    records = procedural_records()
    assert [r.uid for r in records] == [c.name for c in categories()]
    mug = next(r for r in records if r.uid == "mug")
    assert mug.source == "procedural" and mug.category == "mug" and "mug" in mug.description
    assert "kitchen" in mug.tags and "coffee cup" in mug.tags
    assert mug.dimensions is not None and 0.05 < mug.dimensions[2] < 0.2


def test_category_filter_and_k(index: CatalogIndex):
    cars = index.search("a car with wheels", k=10, category="cars")
    assert {r.category for r, _ in cars} == {"car"}
    assert {record_key(r) for r, _ in cars} == {"procedural:car", "local:cars/roadster.glb"}
    assert len(index.search("a table", k=2)) == 2
    assert index.search("zzyzx quux") == []


def test_field_weights_put_names_above_descriptions(index: CatalogIndex):
    # "ottoman" is only in the eames description; "armchair" is the procedural record's name.
    hits = [record_key(r) for r, _ in index.search("armchair", k=3)]
    assert hits[0] == "procedural:armchair" and "local:chairs/eames.glb" in hits


def test_tokens_and_singulars_follow_the_vocabulary():
    assert words("A Coffee-Mug's handle, on the table!") == ["coffee", "mug", "s", "handle", "table"]
    vocabulary = {"mug", "bus", "shelf", "knife", "glass", "mouse"}
    assert [singular(w, vocabulary) for w in ("mugs", "bus", "shelves", "knives", "glasses", "mice", "tvs")] == \
           ["mug", "bus", "shelf", "knife", "glass", "mouse", "tvs"]


def test_save_load_round_trip(index: CatalogIndex, tmp_path: Path):
    path = index.save(tmp_path / "sub" / "catalog-index.json")
    data = json.loads(path.read_text())
    assert data["format"] == "fyi.catalog-index/1" and data["k1"] == 1.5 and data["b"] == 0.75
    loaded = CatalogIndex.load(path)
    assert loaded.records == index.records
    for query in LABELLED:
        assert [(record_key(r), round(s, 9)) for r, s in loaded.search(query)] == \
               [(record_key(r), round(s, 9)) for r, s in index.search(query)]
    assert loaded.get("local:radios/tube_radio.glb").dimensions is None
    assert loaded.get("cars/roadster.glb").dimensions == (1.6, 3.9, 1.2)


def test_unreadable_index_files_are_user_errors(tmp_path: Path):
    with pytest.raises(FyiError, match="no catalog index"):
        CatalogIndex.load(tmp_path / "missing.json")
    (tmp_path / "other.json").write_text('{"format": "something/9", "records": []}')
    with pytest.raises(FyiError, match="not a fyi.catalog-index/1"):
        CatalogIndex.load(tmp_path / "other.json")
    (tmp_path / "broken.json").write_text("{not json")
    with pytest.raises(FyiError, match="unreadable"):
        CatalogIndex.load(tmp_path / "broken.json")


def test_default_location_follows_fyi_cache_dir(tmp_path: Path):
    assert default_index_path({"FYI_CACHE_DIR": str(tmp_path)}) == tmp_path / "catalog-index.json"
    assert default_index_path({}) == Path.home() / ".cache" / "fyi" / "catalog-index.json"


def test_search_and_show_commands_read_the_saved_index(index: CatalogIndex, tmp_path: Path):
    path = index.save(tmp_path / "catalog-index.json")
    lines = search_command("a convertible roadster car", 3, path=path)
    assert len(lines) == 3 and "local:cars/roadster.glb" in lines[0] and "1.60 x 3.90 x 1.20 m" in lines[0]
    assert search_command("zzyzx", 3, path=path) == ["no asset matches 'zzyzx'"]
    text = show_command("procedural:sofa", path=path)
    assert "category:    sofa" in text and "couch" in text and "license:     CC0-1.0" in text
    assert "size unknown" in show_command("radios/tube_radio.glb", path=path)
    with pytest.raises(FyiError, match="no asset 'nope'"):
        show_command("nope", path=path)


def test_search_without_a_saved_index_uses_the_procedural_library(tmp_path: Path):
    lines = search_command("couch", 1, path=tmp_path / "none.json")
    assert "procedural:sofa" in lines[0]


def test_index_command_indexes_a_real_local_folder_and_objaverse_cache(tmp_path: Path, monkeypatch):
    folder = tmp_path / "assets"
    folder.mkdir()
    trimesh.creation.cylinder(radius=0.05, height=0.1).export(folder / "espresso_cup.glb")
    monkeypatch.setenv("FYI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("FYI_OBJAVERSE_DIR", str(build_objaverse_cache(tmp_path / "objaverse")))
    path = index_command([folder], objaverse=True)
    assert path == tmp_path / "cache" / "catalog-index.json"
    loaded = CatalogIndex.load(path)
    local = [r for r in loaded.records if r.source == "local"]
    assert len(local) == 1 and isinstance(local[0], AssetRecord)
    assert record_key(loaded.search("espresso cup", k=1)[0][0]) == record_key(local[0])
    objaverse = {r.uid: r for r in loaded.records if r.source == "objaverse"}
    table = next(o.uid for o in OBJECTS if o.lvis == "dining_table")
    assert objaverse[table].category == "table"
    hits = [record_key(r) for r, _ in loaded.search("an oak dining table", k=3, category="table")]
    assert hits[0] == f"objaverse:{table}" and "procedural:table" in hits
    assert "Oak dining table" in show_command(table, path=path)
    with pytest.raises(FyiError, match="not a folder"):
        index_command([tmp_path / "missing"], objaverse=False)


def test_an_embedder_reorders_only_bm25_hits():
    def leather_embedder(texts: list[str]) -> list[list[float]]:
        # Query first: it "means" leather; documents mentioning leather agree with it.
        return [[1.0, 0.0]] + [[1.0, 0.0] if "leather" in t else [0.0, 1.0] for t in texts[1:]]

    records = FakeLocalSource().records() + [r for r in procedural_records() if r.uid in ("armchair", "sofa")]
    plain = CatalogIndex(records).search("armchair", k=5)
    reranked = CatalogIndex(records, embedder=leather_embedder).search("armchair", k=5)
    assert record_key(plain[0][0]) == "procedural:armchair"
    assert record_key(reranked[0][0]) == "local:chairs/eames.glb"
    assert {record_key(r) for r, _ in reranked} == {record_key(r) for r, _ in plain}
