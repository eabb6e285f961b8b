"""Asset sources beyond the procedural library: a local folder and Objaverse (offline, through the
real objaverse package and a cache built by tests/objaverse_cache.py), and the normalisation of
meshes into the canonical frame."""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import socket
import time
from pathlib import Path

import numpy as np
import pytest
import trimesh
import yaml

from fyi.assets.files import load_mesh_asset
from fyi.assets.ingest import category_height, normalise, up_rotation
from fyi.assets.sources import LocalFolderSource, ObjaverseSource, category_from_lvis, category_from_name
from fyi.errors import FyiError
from tests.objaverse_cache import (BROWN, MISSING_UID, OBJECTS, RED, WHITE, build_objaverse_cache,
                                   chair_parts_cm, mug_parts_cm, write_glb)

MUG, CHAIR, TABLE, BOW, BANJO = OBJECTS


@pytest.fixture
def network_attempts(monkeypatch):
    """Every connection attempt is refused (as on a machine without network) and recorded."""
    attempts: list = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise ConnectionRefusedError("network disabled in tests")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


@pytest.fixture
def objaverse_dir(tmp_path, network_attempts):
    """A small Objaverse cache; the test must not have tried the network."""
    yield build_objaverse_cache(tmp_path / "objaverse")
    assert network_attempts == [], "the objaverse package tried the network"


def canonical_checks(asset_or_mesh, height: float) -> None:
    """Base on z = 0, centred in x/y within 1 mm, height within 1 %."""
    lo, hi = np.asarray(asset_or_mesh.bounds)
    assert abs(lo[2]) < 1e-6
    assert abs(lo[0] + hi[0]) / 2 < 1e-3 and abs(lo[1] + hi[1]) / 2 < 1e-3
    assert abs((hi[2] - lo[2]) - height) <= 0.01 * height


def joined(parts) -> trimesh.Trimesh:
    return trimesh.util.concatenate([m for m, _ in parts])


# --- Objaverse ----------------------------------------------------------------------------------

def test_objaverse_records_map_lvis_to_fyi_categories_with_names_tags_and_licences(objaverse_dir):
    source = ObjaverseSource(objaverse_dir)
    records = {r.uid: r for r in source.records()}
    assert set(records) == {MUG.uid, CHAIR.uid, TABLE.uid, MISSING_UID, BOW.uid, BANJO.uid}
    # no builder makes a bow (weapon) or a banjo: they are kept under their LVIS names
    assert records[BOW.uid].category == "bow_(weapon)" and records[BANJO.uid].category == "banjo"
    assert records[MUG.uid].category == "mug"
    assert records[CHAIR.uid].category == "chair"
    assert records[TABLE.uid].category == "table"  # LVIS "dining_table"
    assert {r.source for r in records.values()} == {"objaverse"}
    mug = records[MUG.uid]
    assert mug.name == "Red coffee mug" and "coffee" in mug.tags and "modelled" in mug.description
    assert mug.license == "CC-BY-4.0"
    assert records[CHAIR.uid].license == "CC0-1.0"
    assert records[TABLE.uid].license == "CC-BY-NC-4.0"
    # filtering by FYI category, by synonym, and to nothing
    assert {r.uid for r in source.records(["mug"])} == {MUG.uid, MISSING_UID}
    assert {r.uid for r in source.records(["dining table"])} == {TABLE.uid}
    assert source.records(["couch"]) == []


def test_lvis_names_map_through_resolve_category():
    assert category_from_lvis("coffee_table") == "coffee_table"
    assert category_from_lvis("sofa") == "sofa"
    assert category_from_lvis("cup") == "mug"
    assert category_from_lvis("mouse_(computer_equipment)") == "mouse"
    assert category_from_lvis("card_table") == "table"      # head noun
    assert category_from_lvis("bottle_opener") is None       # not a bottle
    assert category_from_lvis("bat_(animal)") is None        # not a baseball bat
    assert category_from_lvis("bow_(weapon)") is None


def test_objaverse_fetch_gives_a_normalised_glb_with_licence_and_checksum(objaverse_dir):
    source = ObjaverseSource(objaverse_dir)
    glb = source.fetch(MUG.uid)
    assert glb.suffix == ".glb" and glb.parent == objaverse_dir / "fyi-normalised"
    asset = load_mesh_asset(glb, "mug")
    canonical_checks(asset, category_height("mug"))
    colors = sorted(p.color for p in asset.parts)
    assert len(colors) == 2
    assert np.allclose(colors[0], RED, atol=0.02) and np.allclose(colors[1], WHITE, atol=0.02)
    # the handle was on +X in the (Z-up) model: the Y-up file, turned back, keeps it there
    handle = next(p for p in asset.parts if np.allclose(p.color, WHITE, atol=0.02))
    assert handle.mesh.centroid[0] > 0.03

    side = json.loads(glb.with_suffix(".json").read_text())
    original = objaverse_dir / "hf-objaverse-v1" / "glbs" / "000-000" / f"{MUG.uid}.glb"
    assert side["source_sha256"] == hashlib.sha256(original.read_bytes()).hexdigest()
    assert side["license"] == "CC-BY-4.0" and side["uid"] == MUG.uid and side["source"] == "objaverse"
    assert side["scale"] == pytest.approx(category_height("mug") / MUG.height_cm, rel=1e-3)  # centimetres
    assert side["faces_before"] == side["faces_after"] > 0
    assert side["ingest"]["up_axis"] == "+Y"

    chair = source.load_asset(CHAIR.uid)
    assert chair.source == "objaverse" and chair.uid == CHAIR.uid and chair.license == "CC0-1.0"
    canonical_checks(chair, category_height("chair"))
    assert np.allclose(chair.parts[0].color, BROWN, atol=0.02)
    # the back was on +Y (front -Y) in the model: the glTF front (+Z) became -Y again
    v = chair.mesh.vertices
    assert v[v[:, 2] > 0.7 * chair.dims[2], 1].mean() > 0.1


def test_offline_fetch_of_an_uncached_uid_names_the_uid_and_the_cache_path(objaverse_dir):
    source = ObjaverseSource(objaverse_dir)
    with pytest.raises(FyiError) as err:
        source.fetch(MISSING_UID)
    message = str(err.value)
    assert MISSING_UID in message and "not in the Objaverse cache" in message
    assert str(objaverse_dir / "hf-objaverse-v1") in message
    with pytest.raises(FyiError, match="ffffffff.*not in the Objaverse cache"):
        source.fetch("ffffffffffffffffffffffffffffffff")
    empty = ObjaverseSource(objaverse_dir.parent / "empty-cache")
    with pytest.raises(FyiError, match="not in the Objaverse cache at .*empty-cache"):
        empty.records()
    with pytest.raises(FyiError, match=f"{MUG.uid}|object paths"):
        empty.fetch(MUG.uid)


def test_download_failure_is_an_fyi_error_naming_the_cache(objaverse_dir, network_attempts):
    source = ObjaverseSource(objaverse_dir, allow_download=True)
    with pytest.raises(FyiError, match=rf"Objaverse object {MISSING_UID}: cannot read or download it \(cache at .*hf-objaverse-v1"):
        source.fetch(MISSING_UID)
    assert network_attempts, "allow_download=True should have tried to download"
    network_attempts.clear()  # expected here; objaverse_dir checks the rest stayed offline


def test_missing_metadata_shard_offline_still_lists_records_from_lvis(objaverse_dir):
    (objaverse_dir / "hf-objaverse-v1" / "metadata" / "000-000.json.gz").unlink()
    records = {r.uid: r for r in ObjaverseSource(objaverse_dir).records(["chair"])}
    assert records[CHAIR.uid].category == "chair" and records[CHAIR.uid].license == "unknown"
    assert records[CHAIR.uid].name == "chair"


# --- normalisation ------------------------------------------------------------------------------

def write_turned(parts, path: Path, up: str) -> Path:
    """A Z-up model written as if authored with `up` as its up axis."""
    undo = np.linalg.inv(up_rotation(up))
    mesh = joined(parts)
    mesh.apply_transform(undo)
    mesh.export(path)
    return path


@pytest.mark.parametrize("fmt,up,category,height_m", [
    ("glb", "+Y", "mug", None),      # Objaverse-like: glTF Y-up, centimetres
    ("obj", "+X", "chair", None),    # X-up: "auto" finds it from the chair's proportions
    ("ply", "+Y", "chair", None),    # Y-up PLY (the PLY convention is Z-up): proportions again
    ("obj", "+Z", None, 0.5),        # Z-up OBJ given as such, scaled to a given height
])
def test_normalise_puts_misscaled_turned_meshes_into_the_canonical_frame(tmp_path, fmt, up, category, height_m):
    parts = chair_parts_cm() if category != "mug" else mug_parts_cm()
    original = joined(parts)
    if fmt == "glb":
        src = write_glb(parts, tmp_path / "in.glb")
    else:
        src = write_turned(parts, tmp_path / f"in.{fmt}", up)
    glb, report = normalise(src, category, tmp_path / "out", height_m=height_m, up="+Z" if height_m else "auto")
    assert report.up_axis == up
    target = height_m if height_m else category_height(category)
    mesh = trimesh.load(glb, force="mesh")
    canonical_checks(mesh, target)
    # the turn was undone exactly: the result is the Z-up original, scaled and rebased
    scale = target / original.extents[2]
    assert report.scale == pytest.approx(scale, rel=1e-6)
    assert np.allclose(mesh.extents, original.extents * scale, atol=1e-6)
    assert report.dims == pytest.approx(tuple(original.extents * scale), abs=1e-6)


def test_dense_mesh_is_decimated_within_the_budget(tmp_path):
    sphere = trimesh.creation.icosphere(subdivisions=7, radius=50.0)  # 327,680 faces, centimetres
    assert len(sphere.faces) > 200_000
    src = tmp_path / "ball.ply"
    sphere.export(src)
    glb, report = normalise(src, None, tmp_path / "out", max_faces=20_000, height_m=0.3)
    assert report.faces_in == len(sphere.faces)
    assert 10_000 < report.faces_out <= 20_000
    mesh = trimesh.load(glb, force="mesh")
    assert len(mesh.faces) <= 20_000
    canonical_checks(mesh, 0.3)
    assert np.allclose(mesh.extents, 0.3, rtol=0.02)  # still a ball


def test_front_yaw_hook_turns_about_z(tmp_path):
    src = write_glb(chair_parts_cm(), tmp_path / "chair.glb")
    glb, report = normalise(src, "chair", tmp_path / "out", front_yaw_degrees=90.0)
    assert report.rotated_front and report.front_yaw_degrees == 90.0
    v = trimesh.load(glb, force="mesh").vertices
    top = v[v[:, 2] > 0.7 * v[:, 2].max()]
    assert top[:, 0].mean() < -0.1  # the back turned from +Y to -X


def test_broken_empty_and_degenerate_files_are_rejected_naming_file_and_reason(tmp_path):
    garbage = tmp_path / "garbage.glb"
    garbage.write_bytes(os.urandom(2048))
    with pytest.raises(FyiError, match=r"garbage\.glb: cannot read mesh"):
        normalise(garbage, "mug", tmp_path / "out")
    empty = tmp_path / "empty.glb"
    empty.write_bytes(b"")
    with pytest.raises(FyiError, match=r"empty\.glb: empty file"):
        normalise(empty, "mug", tmp_path / "out")
    flat = tmp_path / "flat.obj"
    flat.write_text("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n")
    with pytest.raises(FyiError, match=r"flat\.obj: degenerate mesh"):
        normalise(flat, None, tmp_path / "out")
    box = trimesh.creation.box()
    vertices = box.vertices.copy()
    vertices[0, 2] = np.nan
    nan = tmp_path / "nan.glb"
    trimesh.Trimesh(vertices, box.faces, process=False).export(nan)
    with pytest.raises(FyiError, match=r"nan\.glb: the mesh has non-finite vertices"):
        normalise(nan, None, tmp_path / "out")
    points = tmp_path / "points.ply"
    trimesh.PointCloud(np.random.default_rng(0).random((10, 3))).export(points)
    with pytest.raises(FyiError, match=r"points\.ply: the file holds no triangles"):
        normalise(points, None, tmp_path / "out")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").glob("*.glb"))


def test_content_hash_cache_hits_without_recomputing(tmp_path):
    src = write_glb(mug_parts_cm(), tmp_path / "mug.glb")
    out = tmp_path / "out"
    first, report = normalise(src, "mug", out)
    stamp = first.stat().st_mtime_ns
    time.sleep(0.02)
    again, report_again = normalise(src, "mug", out)
    assert again == first and again.stat().st_mtime_ns == stamp
    assert report_again == report
    # the same bytes under another name are the same entry; other parameters are another
    copy = tmp_path / "elsewhere" / "renamed.glb"
    copy.parent.mkdir()
    copy.write_bytes(src.read_bytes())
    assert normalise(copy, "mug", out)[0] == first
    other, _ = normalise(src, "mug", out, height_m=0.2)
    assert other != first and len(list(out.glob("*.glb"))) == 2


# --- local folder -------------------------------------------------------------------------------

def make_folder(root: Path) -> Path:
    write_glb(mug_parts_cm(), root / "kitchen" / "thing_01.glb")
    write_turned(chair_parts_cm(), root / "chair_oak.obj", "+Y")
    write_turned(mug_parts_cm(), root / "blob.ply", "+Z")
    return root


def test_local_folder_with_metadata_file(tmp_path):
    root = make_folder(tmp_path / "assets")
    (root / "fyi_assets.json").write_text(json.dumps({
        "kitchen/thing_01.glb": {"category": "coffee cup", "description": "a red mug with a white handle",
                                 "tags": ["kitchen", "ceramic"], "license": "CC0-1.0", "height_m": 0.12},
    }))
    source = LocalFolderSource(root, cache_dir=root / "normalised")
    records = {r.uid: r for r in source.records()}
    assert set(records) == {"kitchen/thing_01.glb", "chair_oak.obj", "blob.ply"}
    mug = records["kitchen/thing_01.glb"]
    assert (mug.source, mug.category, mug.license) == ("local", "mug", "CC0-1.0")
    assert mug.description == "a red mug with a white handle" and mug.tags == ("kitchen", "ceramic")
    assert records["chair_oak.obj"].category == "chair"   # no entry: from the file name
    assert records["blob.ply"].category is None

    glb = source.fetch("kitchen/thing_01.glb")
    asset = load_mesh_asset(glb, "mug")
    canonical_checks(asset, 0.12)  # the given height wins over the category prior
    side = json.loads(glb.with_suffix(".json").read_text())
    assert side["license"] == "CC0-1.0" and side["uid"] == "kitchen/thing_01.glb"
    chair = source.load_asset("chair_oak.obj")  # OBJ, Y-up by convention, scaled to the chair prior
    canonical_checks(chair, category_height("chair"))
    assert chair.source == "local" and chair.category == "chair"
    # normalised files inside the root are not listed as assets
    assert {r.uid for r in source.records()} == set(records)
    with pytest.raises(FyiError, match="no such asset file"):
        source.fetch("../outside.glb")


def test_local_folder_without_metadata_and_with_yaml(tmp_path):
    root = make_folder(tmp_path / "assets")
    source = LocalFolderSource(root, cache_dir=tmp_path / "cache")
    cats = {r.uid: r.category for r in source.records()}
    assert cats == {"kitchen/thing_01.glb": None, "chair_oak.obj": "chair", "blob.ply": None}
    assert category_from_name("RedCoffee_table-02") == "coffee_table"

    (root / "fyi_assets.yaml").write_text(yaml.safe_dump({"blob.ply": {"category": "mug", "tags": ["odd"]}}))
    records = {r.uid: r for r in source.records()}
    assert records["blob.ply"].category == "mug" and records["blob.ply"].tags == ("odd",)
    (root / "fyi_assets.yaml").write_text(yaml.safe_dump({"blob.ply": {"colour": "red"}}))
    with pytest.raises(FyiError, match=r"fyi_assets\.yaml: entry 'blob.ply' has unknown keys \['colour'\]"):
        source.records()


def test_objaverse_cache_files_are_what_the_package_reads(objaverse_dir):
    """The helper's layout is the package's: gzipped JSON where objaverse looks for it."""
    root = objaverse_dir / "hf-objaverse-v1"
    with gzip.open(root / "object-paths.json.gz", "rt") as f:
        paths = json.load(f)
    assert all((root / p).is_file() for uid, p in paths.items() if uid != MISSING_UID)
    assert not (root / paths[MISSING_UID]).exists()


def test_oversized_inputs_are_rejected_before_work(tmp_path, monkeypatch):
    from fyi.assets import ingest

    src = write_glb(mug_parts_cm(), tmp_path / "mug.glb")
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 1000)
    with pytest.raises(FyiError, match=r"mug\.glb: file too large"):
        normalise(src, "mug", tmp_path / "out")
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 200 * 2**20)
    monkeypatch.setattr(ingest, "MAX_INPUT_FACES", 100)
    with pytest.raises(FyiError, match=r"mug\.glb: too many faces \(140 > 100\)"):
        normalise(src, "mug", tmp_path / "out")


def test_many_coloured_meshes_fold_into_few_parts_keeping_colours(tmp_path):
    rng = np.random.default_rng(7)
    colors = [tuple(float(c) for c in rng.random(3)) for _ in range(40)]
    parts = [(trimesh.creation.box((1, 1, 1), transform=trimesh.transformations.translation_matrix((i * 2, 0, 0))), c)
             for i, c in enumerate(colors)]
    parts += [(trimesh.creation.box((1, 1, 1), transform=trimesh.transformations.translation_matrix((i * 2, 3, 0))), c)
              for i, c in enumerate(colors[:5])]  # the same colours again: merged with their twins
    glb, report = normalise(write_glb(parts, tmp_path / "many.glb", to_y_up=False), None, tmp_path / "out",
                            up="+Z")
    asset = load_mesh_asset(glb, "object")
    assert report.parts == len(asset.parts) == 16
    assert sum(len(p.mesh.faces) for p in asset.parts) == 45 * 12
    # the largest groups (the twins) survive with their own colour; folded ones join the nearest
    for c in colors[:5]:
        assert min(np.abs(np.subtract(p.color, c)).max() for p in asset.parts) < 0.01
