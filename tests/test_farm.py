"""`fyi farm` on real Ray with real Blender: a small dataset of draft scenes, its merged COCO (pycocotools)
and its Hugging Face imagefolder (the `datasets` loader); a driver killed mid-run and resumed; a
failing job among good ones; bad JOBS lines; the fixed COCO category table."""
from __future__ import annotations

import copy
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import yaml
from PIL import Image
from pycocotools.coco import COCO
from pycocotools.cocoeval import COCOeval

import fyi
from fyi.assets.catalog import categories, info, resolve_category
from fyi.cli import main
from fyi.farm import Job, scene_complete
from fyi.render.coco_categories import COCO as COCO_CLASSES
from fyi.render.coco_categories import FIRST_OTHER_ID, OTHER, TABLE, coco_category
from fyi.render.manifest import file_sha256

FYI = str(Path(sys.executable).with_name("fyi"))
MUG = "a red mug on a wooden table"
ROLL = "a red ball rolls to the right"


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    """Two instructions x two variations (the ball rolls: a 4-frame sequence), two workers."""
    root = tmp_path_factory.mktemp("farm")
    jobs = root / "jobs.jsonl"
    jobs.write_text(json.dumps({"instruction": MUG, "id": "mug"}) + "\n"
                    + json.dumps({"instruction": ROLL, "id": "roll", "frames": 4, "fps": 4, "seed": 3}) + "\n")
    seen = []
    result = fyi.farm(str(jobs), root / "out", workers=2, variations=2, views=1,
                      progress=lambda stage, done, total: seen.append((stage, done, total)))
    return result, root / "out", seen


def test_every_job_makes_a_contract_scene_folder(dataset):
    result, out, seen = dataset
    assert [r.id for r in result.jobs] == ["mug-0", "mug-1", "roll-0", "roll-1"]
    assert [r.status for r in result.jobs] == ["done"] * 4, [r.error for r in result.jobs]
    assert [r.request["seed"] for r in result.jobs] == [0, 1, 3, 4]
    assert seen[0] == ("farm", 0, 4) and seen[-1] == ("farm", 4, 4)
    for record in result.jobs:
        scene = out / record.id
        for name in ("scene.yaml", "scene.json", "scene.glb", "coco.json", "manifest.json", "trace.jsonl",
                     "views/rgb/0000.png", "views/instance/0000.png", "views/depth/0000.exr",
                     "views/transforms.json"):
            assert (scene / name).is_file(), f"{record.id}/{name}"
        job = Job(id=record.id, seed=record.request["seed"], instruction=record.request["instruction"])
        assert scene_complete(scene, job)
        spec = yaml.safe_load((scene / "scene.yaml").read_text())
        assert spec["seed"] == record.request["seed"] and spec["instruction"] == record.request["instruction"]
    for moving in ("roll-0", "roll-1"):
        assert (out / moving / "frames" / "video.mp4").is_file()
        assert json.loads((out / moving / "frames" / "poses.json").read_text())["fps"] == 4
    assert not (out / ".farm").exists() and not list(out.glob(".staging-*"))
    data = json.loads((out / "dataset.json").read_text())
    assert data["counts"] == {"done": 4, "failed": 0, "pending": 0} and data["run"]["scenes_made"] == 4
    assert data["versions"]["bpy"].startswith("4.5")
    for job in data["jobs"]:
        assert job["scene_dir"] == job["id"] and job["timings"]["job"] > 0 and job["attempts"] == 1


def test_merged_coco_has_official_ids_and_masks_equal_the_instance_passes(dataset):
    _, out, _ = dataset
    coco = COCO(str(out / "coco.json"))
    assert len(coco.getImgIds()) == 4
    names = {c["name"]: c["id"] for c in coco.loadCats(coco.getCatIds())}
    assert names["cup"] == 47 and names["dining table"] == 67 and names["sports ball"] == 37
    for ann in coco.loadAnns(coco.getAnnIds()):
        image = coco.imgs[ann["image_id"]]
        stem = Path(image["file_name"]).name
        instance = np.asarray(Image.open(out / image["scene"] / "views" / "instance" / stem)).astype(np.int64)
        np.testing.assert_array_equal(coco.annToMask(ann).astype(bool), instance == ann["instance_id"])
        assert (out / image["file_name"]).is_file()
        scene = json.loads((out / image["scene"] / "scene.json").read_text())
        obj = next(o for o in scene["objects"] if o["id"] == ann["object_id"])
        assert coco_category(obj["category"]).id == ann["category_id"]
    # the ground truth scored against itself: every metric 1.0
    for kind in ("bbox", "segm"):
        results = copy.deepcopy(coco.loadAnns(coco.getAnnIds()))
        for r in results:
            r["score"] = 1.0
            if kind == "bbox":
                r.pop("segmentation")
        evaluation = COCOeval(coco, coco.loadRes(results), kind)
        evaluation.evaluate(), evaluation.accumulate(), evaluation.summarize()
        assert evaluation.stats[0] == pytest.approx(1.0) and evaluation.stats[1] == pytest.approx(1.0)


def test_hf_imagefolder_loads_with_the_datasets_package(dataset, tmp_path, monkeypatch):
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    from datasets import load_dataset

    _, out, _ = dataset
    ds = load_dataset("imagefolder", data_dir=str(out / "hf"), split="train", cache_dir=str(tmp_path))
    rows = sorted(ds, key=lambda r: r["scene"])
    assert [r["scene"] for r in rows] == ["mug-0", "mug-1", "roll-0", "roll-1"]
    for row in rows:
        assert row["text"] == (MUG if row["scene"].startswith("mug") else ROLL)
        assert row["image"].size == (256, 256)
        main_view = Image.open(out / row["scene"] / "views" / "rgb" / "0000.png")
        assert np.array_equal(np.asarray(row["image"].convert("RGB")), np.asarray(main_view.convert("RGB")))
        objects = row["objects"]
        assert len(objects["bbox"]) == len(objects["category"]) == len(objects["category_id"]) >= 1
        assert (out / "hf" / row["transforms"]).resolve() == (out / row["scene"] / "views" / "transforms.json")
        if row["scene"].startswith("roll"):
            assert "sports ball" in objects["category"] and (out / "hf" / row["video"]).is_file()
        else:
            assert {"cup", "dining table"} <= set(objects["category"]) and row["video"] is None


def test_a_second_run_redoes_nothing_and_status_reports(dataset, capsys):
    result, out, _ = dataset
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file() and p.parts[-2] != "hf"}
    again = fyi.farm([{"instruction": MUG, "id": "mug"},
                      {"instruction": ROLL, "id": "roll", "frames": 4, "fps": 4, "seed": 3}],
                     out, workers=2, variations=2, views=1)
    assert [r.status for r in again.jobs] == ["done"] * 4
    for path, mtime in before.items():
        if path.parent == out:
            continue  # dataset.json, coco.json: rewritten
        assert path.stat().st_mtime_ns == mtime, path
    assert main(["farm", "status", str(out)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("4 done, 0 failed, 0 pending of 4 jobs")


# --- kill and resume --------------------------------------------------------------------------

def quick_specs(folder: Path, n: int) -> Path:
    """n partial specs that render in seconds: one cube, one 64x64 view, 2 samples."""
    folder.mkdir()
    for i in range(n):
        spec = {"scene_id": f"cube{i}", "seed": i, "objects": [{"id": "cube", "category": "cube"}],
                "render": {"views": 1, "width": 64, "height": 64, "samples": 2}}
        (folder / f"cube{i}.yaml").write_text(yaml.safe_dump(spec))
    return folder


def snapshot(scene: Path) -> dict:
    return {p.relative_to(scene).as_posix(): (p.stat().st_mtime_ns, file_sha256(p))
            for p in sorted(scene.rglob("*")) if p.is_file()}


def test_sigkill_of_the_driver_then_resume_does_each_job_exactly_once(tmp_path):
    specs = quick_specs(tmp_path / "specs", 5)
    out = tmp_path / "out"
    driver = subprocess.Popen([FYI, "farm", "run", str(specs), "--out", str(out), "--workers", "1", "--quiet"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 240
    done = []
    while time.time() < deadline and not done:
        time.sleep(0.2)
        done = [d for d in out.glob("cube*") if (d / "manifest.json").is_file()]
    assert done, "no scene finished in time"
    driver.send_signal(signal.SIGKILL)
    driver.wait()
    # complete or absent: every scene folder visible now is whole
    visible = sorted(d for d in out.iterdir() if d.name.startswith("cube"))
    for d in visible:
        assert scene_complete(d, Job(id=d.name, seed=int(d.name[4:]), spec="x")), d
    time.sleep(2)  # Ray's reaper ends the killed driver's workers
    finished = {d.name: snapshot(d) for d in out.iterdir() if d.name.startswith("cube")}
    assert 1 <= len(finished) < 5
    rerun = subprocess.run([FYI, "farm", "run", str(specs), "--out", str(out), "--workers", "1", "--quiet"],
                           capture_output=True, text=True, timeout=400)
    assert rerun.returncode == 0, rerun.stderr
    data = json.loads((out / "dataset.json").read_text())
    assert data["counts"] == {"done": 5, "failed": 0, "pending": 0}
    assert data["run"]["scenes_made"] == 5 - len(finished)  # each job made once over the two runs
    for name, files in finished.items():
        assert snapshot(out / name) == files, f"{name} was redone"
    leftovers = [p.name for p in out.iterdir() if p.name.startswith(".")]
    assert leftovers == [], leftovers
    assert len(COCO(str(out / "coco.json")).getImgIds()) == 5


def test_a_failing_job_is_recorded_and_the_others_finish(tmp_path):
    specs = quick_specs(tmp_path / "specs", 1)
    jobs = tmp_path / "jobs.jsonl"
    crowd = "50 chairs, 50 tables, 50 mugs, 50 bowls and 50 cups"  # past a scene's 200 objects: refused
    jobs.write_text(json.dumps({"instruction": crowd, "id": "crowd"}) + "\n"
                    + json.dumps({"spec": "specs/cube0.yaml"}) + "\n")
    run = subprocess.run([FYI, "farm", "run", str(jobs), "--out", str(tmp_path / "out"), "--workers", "1",
                          "--retries", "1"], capture_output=True, text=True, timeout=400)
    assert run.returncode == 1
    assert "crowd: failed: instruction: asks for 250 objects" in run.stderr
    data = json.loads((tmp_path / "out" / "dataset.json").read_text())
    crowd, cube = data["jobs"]
    assert crowd["status"] == "failed" and crowd["attempts"] == 2 and "at most" in crowd["error"]
    assert cube["status"] == "done" and cube["id"] == "cube0"
    assert not (tmp_path / "out" / "crowd").exists()
    status = subprocess.run([FYI, "farm", "status", str(tmp_path / "out")], capture_output=True, text=True)
    assert status.returncode == 0
    assert "1 done, 1 failed, 0 pending of 2 jobs" in status.stdout
    assert "failed crowd: instruction: asks for 250 objects" in status.stdout


# --- bad JOBS input ---------------------------------------------------------------------------

@pytest.mark.parametrize("line,message", [
    ('{"instruction": "a mug"', "line 2: not JSON"),
    ('{"instruction": "a mug", "colour": "red"}', "line 2: colour: unknown key"),
    ('{"instruction": "a mug", "seed": -1}', "line 2: seed: expected 0 to"),
    ('{"spec": "missing/scene.yaml"}', "line 2: spec: missing/scene.yaml: no such file"),
    ('{"instruction": "a mug", "views": "four"}', "line 2: views: expected int"),
    ('{"instruction": "a mug", "id": "../up"}', "line 2: id: '../up' is not a plain name"),
    ('{"instruction": "a red mug on a wooden table", "id": "mug"}', "line 2: id: 'mug' is also the id of a job"),
])
def test_bad_jobs_line_is_one_error_and_nothing_starts(tmp_path, capsys, line, message):
    jobs = tmp_path / "jobs.jsonl"
    jobs.write_text(json.dumps({"instruction": MUG, "id": "mug"}) + "\n" + line + "\n")
    assert main(["farm", "run", str(jobs), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0] and str(jobs) in err[0], err
    assert not (tmp_path / "out").exists()


def test_status_of_a_folder_without_a_farm(tmp_path, capsys):
    assert main(["farm", "status", str(tmp_path)]) == 2
    assert "no farm output here" in capsys.readouterr().err


# --- the one COCO category table --------------------------------------------------------------

def test_coco_table_holds_cocos_80_classes_and_every_catalog_category_once():
    assert len(COCO_CLASSES) == 80 and [c.id for c in COCO_CLASSES][-1] == 90
    assert len({c.id for c in TABLE}) == len(TABLE) and len({c.name for c in TABLE}) == len(TABLE)
    for c in COCO_CLASSES:  # every COCO class is built by the catalog category the table names
        assert resolve_category(c.name) == c.fyi, c
    assert [c.id for c in TABLE[80:]] == list(range(FIRST_OTHER_ID, FIRST_OTHER_ID + len(OTHER)))
    missing = sorted({c.name for c in categories()} - {c.fyi for c in TABLE})
    assert not missing, f"append {missing} to OTHER in render/coco_categories.py (new ids at the end)"
    for c in TABLE[80:]:
        assert info(c.fyi).group == c.supercategory


def test_coco_ids_are_fixed():
    # a few ids that must never change meaning (datasets made earlier use them)
    assert [coco_category(n)[:2] for n in ("mug", "table", "sofa", "phone", "ball", "tv", "Dining Table")] == [
        (47, "cup"), (67, "dining table"), (63, "couch"), (77, "cell phone"), (37, "sports ball"), (72, "tv"),
        (67, "dining table")]
    assert coco_category("armchair")[:2] == (91, "armchair") and coco_category("wardrobe")[:2] == (129, "wardrobe")
    assert coco_category("antique gizmo") == coco_category("antique_gizmo")
    assert coco_category("antique gizmo").id > 10**6


def test_jobs_from_stdin_are_checked_the_same(tmp_path):
    run = subprocess.run([FYI, "farm", "run", "-", "--out", str(tmp_path / "out")], capture_output=True, text=True,
                         input='{"instruction": "a red mug"}\n{"instruction": "a mug", "quality": "ultra"}\n')
    assert run.returncode == 2
    assert run.stderr.strip() == "fyi: error: stdin line 2: quality: expected draft, standard or high, got 'ultra'"
    assert not (tmp_path / "out").exists()
