"""fyi.data: QA items on real renders of hand-written specs (tests/data/qa_*.yaml), answers worked out
by hand from those specs; the independent checker; the formats read back; `fyi data qa` end to end.

qa_three.yaml: a red cube at x = -0.6 and a blue cube at x = +0.6 (both y = 0.3), a green sphere in
front of them at (0, -0.5), an orange cone on the blue cube; view 0 looks from the front (-Y), view 1
from behind. qa_roll.yaml: a red ball rolls to the left in front of a still yellow sphere (6 frames).
"""
from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from fyi.api import render
from fyi.data.build import qa, scene_qa
from fyi.data.check import Checker, check_items, flag_blind
from fyi.data.items import Item
from fyi.data.qa import GENERATORS, scene_items
from fyi.data.scene_facts import read_scene
from fyi.render.manifest import file_sha256

SPECS = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    """Both specs rendered for real (64 and 48 px, 1-2 samples) into one dataset folder."""
    out = tmp_path_factory.mktemp("qa") / "dataset"
    render(SPECS / "qa_three.yaml", out)
    render(SPECS / "qa_roll.yaml", out, qa=False)
    return out


@pytest.fixture(scope="module")
def three(dataset) -> Path:
    return dataset / "qa-three"


@pytest.fixture(scope="module")
def checked(dataset, tmp_path_factory):
    """Every generator over the dataset, checked."""
    return qa(dataset, tmp_path_factory.mktemp("items"), fmt="jsonl")


def raw_item(scene_dir: Path, query: dict, answer: str, *, form: str = "qa", images=("views/rgb/0000.png",)) -> Item:
    return Item("x", scene_dir.name, tuple(images), "?", answer, form, "hand", "objects", (), {"query": query})


def test_facts_read_from_the_files_agree_with_the_spec(three):
    facts = read_scene(three)
    front, back = facts.view(0), facts.view(1)
    assert set(front.seen) == {"cube_0", "cube_1", "sphere_0", "cone_0"}
    # the red cube is left of the blue one from the front, right of it from behind
    assert front.seen["cube_0"].centroid[0] < front.seen["cube_1"].centroid[0]
    assert back.seen["cube_0"].centroid[0] > back.seen["cube_1"].centroid[0]
    assert facts.seen_relation(front, "left_of", "cube_0", "cube_1")
    assert facts.seen_relation(back, "right_of", "cube_0", "cube_1")
    # the sphere stands 0.8 m in front of the cubes: nearer from the front, farther from behind
    assert facts.seen_relation(front, "in_front_of", "sphere_0", "cube_0")
    assert facts.seen_relation(back, "behind", "sphere_0", "cube_0")
    assert facts.objects["cone_0"].support == "cube_1"
    x0, y0, x1, y1 = front.seen["sphere_0"].box
    assert 0 <= x0 < x1 <= 64 and 0 <= y0 < y1 <= 64


def answers(items, generator, view=0, **query):
    return {it.answer for it in items if it.generator == generator and it.facts["query"].get("view") == view
            and all(it.facts["query"].get(k) == v for k, v in query.items())}


def test_answers_worked_out_by_hand(three):
    items, report = scene_qa(three)
    assert answers(items, "count", category="cube") == {"2"}
    assert answers(items, "count", category="sphere") == {"1"}
    assert answers(items, "extreme", side="left") == {"cube"}
    assert answers(items, "extreme", side="bottom") == {"sphere"}  # nearest the camera, lowest in the picture
    assert answers(items, "which_attribute", attribute="color", value="green") == {"sphere"}
    assert answers(items, "frequent", which="most") == {"cube"}
    assert answers(items, "elevation") == {"0.45 m"}  # the cone stands on the 0.45 m blue cube
    sphere_box = list(read_scene(three).view(0).seen["sphere_0"].box)
    assert answers(items, "region", box=sphere_box) == {"sphere"}
    assert {it.answer for it in items if it.generator == "attribute_in_box" and it.facts["query"]["view"] == 0
            and it.facts["query"]["ref"]["box"] == sphere_box} == {"green"}
    # centres (-0.6, 0.3, 0.19) and (0.6, 0.3, 0.23): 1.20 m apart
    distances = [it for it in items if it.generator == "distance" and it.facts["objects"] == ["cube_0", "cube_1"]]
    assert distances and {it.answer for it in distances} <= {"1.20 m", "1.2 m"}
    # the same questions answered by the checker's own path, from hand-written queries
    checker = Checker(three)
    assert checker.expected(raw_item(three, {"q": "count", "view": 0, "category": "cube"}, "2")) == "2"
    red, blue = {"category": "cube", "color": "red"}, {"category": "cube", "color": "blue"}
    left = {"q": "relation", "predicate": "left_of", "a": red, "b": blue}
    assert checker.expected(raw_item(three, {**left, "view": 0}, "yes")) == "yes"
    assert checker.expected(raw_item(three, {**left, "view": 1}, "no")) == "no"
    closer = {"q": "closer_objects", "a": {"category": "sphere"}, "b": red, "which": "closer"}
    assert checker.expected(raw_item(three, {**closer, "view": 0}, "")) == "the sphere"
    assert checker.expected(raw_item(three, {**closer, "view": 1}, "")) == "the red cube"


def test_every_generator_makes_items_and_the_checker_keeps_them(checked, dataset):
    made = Counter(it.generator for it in checked.items)
    assert set(made) == set(GENERATORS), f"no items from {set(GENERATORS) - set(made)}"
    assert sum(checked.report.dropped.values()) <= 0.1 * checked.report.kept, checked.report.examples
    families = {it.family for it in checked.items}
    assert families == {"objects", "attributes", "relations", "depth", "segmentation", "region", "multi", "metric",
                        "correspondence", "temporal"}
    for it in checked.items:
        assert 1 <= len(it.images) <= 4 and all((dataset / p).is_file() for p in it.images)
        assert it.form != "mc" or it.answer in it.choices


def test_temporal_answers_of_the_rolling_ball(checked):
    temporal = {it.facts["query"]["q"] + str(it.facts["query"].get("object", "")): it.answer
                for it in checked.items if it.generator == "temporal"}
    assert temporal["moved_which"] == "ball"
    assert temporal["directionball_0"] == "to the left"
    assert temporal["movedball_0"] == "yes" and temporal["movedsphere_0"] == "no"
    frames = [it for it in checked.items if it.generator == "temporal"][0].images
    assert frames[0] == "qa-roll/frames/rgb/0000.png" and frames[-1] == "qa-roll/frames/rgb/0005.png"


def test_multi_image_answers_across_the_two_scenes(checked):
    multi = [it for it in checked.items if it.generator.startswith("multi_") and len(it.images) == 2]
    roll = "Image 1" if multi[0].images[0].startswith("qa-roll/") else "Image 2"
    three = "Image 2" if roll == "Image 1" else "Image 1"
    by_query = {json.dumps(it.facts["query"], sort_keys=True): it.answer for it in multi}

    def answer(**query):
        return by_query[json.dumps(query, sort_keys=True)]
    assert answer(q="image_with", category="ball", lacks=False) == roll
    assert answer(q="image_with", category="cube", color="red", lacks=False) == three
    assert answer(q="image_on", a="cone", b="cube") == three
    assert answer(q="count_across", category="cube") == "2"
    assert answer(q="common") == "sphere"
    assert answer(q="common_color") == "red"  # the red cubes and the red ball
    assert answer(q="same_color", category="sphere") == "no"  # green and yellow


def test_yes_no_is_balanced_and_counts_and_sides_spread(checked):
    yn = Counter(it.answer for it in checked.items if it.form == "yn")
    assert yn["yes"] + yn["no"] >= 20
    assert 0.4 <= yn["yes"] / (yn["yes"] + yn["no"]) <= 0.6
    counts = {it.answer for it in checked.items if it.generator == "count"}
    assert {"0", "1", "2"} <= counts
    sides = Counter(it.answer for it in checked.items if it.generator == "relation_between")
    assert sides["to the left of"] and sides["to the right of"]


def corrupt(item: Item) -> Item:
    a = item.answer
    if a in ("yes", "no"):
        wrong = "no" if a == "yes" else "yes"
    elif a.endswith(" m"):
        wrong = f"{float(a[:-2]) + 0.3:.{len(a[:-2].split('.')[1])}f} m"
    elif a.isdigit():
        wrong = str(int(a) + 1)
    else:
        wrong = next((c for c in item.choices if c != a), "teapot")
    return replace(item, answer=wrong, choices=item.choices if wrong in item.choices or item.form != "mc"
                   else (*item.choices, wrong))


def test_a_corrupted_answer_is_caught(checked, dataset):
    bad = [corrupt(it) for it in checked.items]
    kept, report = check_items(bad, dataset)
    assert kept == []
    assert sum(report.dropped.values()) == len(bad)
    assert all("wrong" in reason or "unresolved" in reason for reason in report.dropped)


def test_duplicates_removed_and_blind_items_flagged(checked, dataset):
    items = checked.items[:5]
    kept, report = check_items(items + items, dataset)
    assert len(kept) == 5 and report.duplicates == 5
    one = next(it for it in checked.items if it.generator == "count")
    same = [replace(one, scene_id=f"s{k}", id=f"i{k}") for k in range(3)]
    assert all(it.blind for it in flag_blind(same))
    varied = same[:2] + [replace(same[2], answer="7")]
    assert not any(it.blind for it in flag_blind(varied))


def test_same_scene_and_seed_same_items(three):
    facts = read_scene(three)
    first = [it.to_json() for it in scene_items(facts, seed=0)]
    assert first == [it.to_json() for it in scene_items(read_scene(three), seed=0)]
    assert first != [it.to_json() for it in scene_items(facts, seed=1)]


def test_render_writes_instructions_jsonl_in_the_manifest(dataset, three):
    lines = [json.loads(line) for line in (three / "instructions.jsonl").read_text().splitlines()]
    assert len(lines) >= 50
    for line in lines:
        human, gpt = line["conversations"]
        assert human["from"] == "human" and human["value"].startswith("<image>\n")
        assert human["value"].count("<image>") == (1 if isinstance(line["image"], str) else len(line["image"]))
        assert gpt["value"] == line["answer"]
        images = [line["image"]] if isinstance(line["image"], str) else line["image"]
        assert all((three / p).is_file() for p in images)
    manifest = json.loads((three / "manifest.json").read_text())
    entry = next(f for f in manifest["files"] if f["path"] == "instructions.jsonl")
    assert entry["sha256"] == file_sha256(three / "instructions.jsonl")
    assert manifest["instructions"]["kept"] == len(lines)
    roll = dataset / "qa-roll"  # rendered with qa=False
    assert not (roll / "instructions.jsonl").exists() and "instructions" not in json.loads(
        (roll / "manifest.json").read_text())


def test_formats_load_back(dataset, tmp_path):
    from datasets import load_dataset

    llava = qa(dataset, tmp_path / "llava", fmt="llava", n_per_image=4)
    records = json.loads(llava.paths["llava"].read_text())
    assert len(records) == len(llava.items) > 0
    per_image = Counter(tuple(r["image"]) if isinstance(r["image"], list) else r["image"] for r in records)
    assert max(per_image.values()) <= 4
    for r in records:
        images = r["image"] if isinstance(r["image"], list) else [r["image"]]
        assert r["conversations"][0]["value"].count("<image>") == len(images)
        assert all((dataset / p).is_file() for p in images)
    share = json.loads(qa(dataset, tmp_path / "sg", fmt="sharegpt", n_per_image=4).paths["sharegpt"].read_text())
    assert [m["role"] for m in share[0]["messages"]] == ["user", "assistant"] and share[0]["images"]
    hf = qa(dataset, tmp_path / "hf", fmt="hf", n_per_image=4)
    loaded = load_dataset("parquet", data_files=str(hf.paths["hf"]), split="train")
    assert len(loaded) == len(hf.items) and loaded[0]["question"] == hf.items[0].question
    assert json.loads(loaded[0]["facts"]) == hf.items[0].facts
    jl = qa(dataset, tmp_path / "jl", fmt="jsonl", n_per_image=4)
    back = [Item.from_json(json.loads(line)) for line in jl.paths["jsonl"].read_text().splitlines()]
    assert back == jl.items
    check = json.loads((tmp_path / "jl" / "check.json").read_text())
    assert check["kept"] == len(back) and check["scenes"] == 2


def fyi_cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fyi.cli", *map(str, args)], capture_output=True, text=True)


def test_cli_end_to_end_and_bad_input(three, tmp_path):
    out = tmp_path / "out"
    done = fyi_cli("data", "qa", three, "--out", out, "--generators", "count,region,correspondence",
                   "--per-image", "3", "--format", "jsonl", "--seed", "2")
    assert done.returncode == 0, done.stderr
    items = [json.loads(line) for line in (out / "items.jsonl").read_text().splitlines()]
    assert items and {it["generator"] for it in items} == {"count", "region", "correspondence"}
    assert max(Counter(tuple(it["images"]) for it in items).values()) <= 3
    for args, named in (((tmp_path, "--out", tmp_path / "a"), str(tmp_path)),
                        ((three, "--out", tmp_path / "b", "--generators", "count,nope"), "'nope'"),
                        ((three, "--out", tmp_path / "c", "--per-image", "0"), "--per-image"),
                        ((tmp_path / "missing", "--out", tmp_path / "d"), "missing")):
        bad = fyi_cli("data", "qa", *args)
        assert bad.returncode == 2
        lines = bad.stderr.strip().splitlines()
        assert len(lines) == 1 and named in lines[0], bad.stderr
        assert not Path(args[args.index("--out") + 1]).exists()  # nothing written


def test_points_in_questions_lie_on_what_they_say(checked, dataset):
    from PIL import Image

    for it in checked.items:
        q = it.facts["query"]
        if q["q"] == "same_object":
            mask = np.asarray(Image.open(dataset / it.images[0].replace("rgb", "instance")))
            (xa, ya), (xb, yb) = q["points"]
            assert (mask[ya, xa] == mask[yb, xb]) == (it.answer == "yes") and mask[ya, xa] and mask[yb, xb]
