"""Hostile scene specs and the property every one of them must satisfy (issue 10).

Specs come two ways: generated from scratch (objects, relations, cameras, render settings with
numbers anywhere from sane to absurd) and mutations of real specs (the examples and a resolved
scene.yaml): a value somewhere replaced by NaN, an infinity, a huge or negative number, a wrong
type, a path that escapes; a key dropped. The property: `validate` refuses with one line that names
the file and a field (the CLI then exits 2), or `render` succeeds and its scene.json, instance
masks and coco.json agree. Any other exception is a bug.

Used by tests/test_fuzz.py (few cases, CI) and bench/fuzz_specs.py (thousands).
"""
from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import numpy as np
import yaml
from hypothesis import strategies as st
from PIL import Image

import fyi
from fyi.errors import FyiError
from fyi.scenes.spec import SceneSpec

EXAMPLES = Path(__file__).parents[1] / "scenes" / "examples"
CATEGORIES = ["mug", "table", "chair", "bowl", "apple", "box", "sphere", "flurbo", "", "MUG", "cube"]
IDENTITY = [[1.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 3.0], [0.0, 0.0, 0.0, 1.0]]

# One line naming the spec file, then a field (`objects[1].instance_id`, `render.fps`, `(top level)`)
# or a line of the file.
REFUSAL = re.compile(r"^(?P<file>[^\n]+?): (?:(?:line \d+ )|(?:\(top level\)|[A-Za-z_][\w.\[\]]*)(?::| \())")

hostile_numbers = st.sampled_from([float("nan"), float("inf"), float("-inf"), 1e308, -1e308, 1e200, 1e-300, -1.0,
                                   0.0, 0.5, 10**12, 10**9, 70000, 65536, 32768, -3, 2**64, 10**40])
hostile_values = st.one_of(
    hostile_numbers,
    st.integers(min_value=-10**6, max_value=10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["", "x" * 3000, "../../../etc/passwd", "/etc/hostname", "..", "ünïcødé", "\x07\x1b[31m",
                     None, True, [], {}, [[]], [1, 2], [0, 0, 0, 0], {"a": 1}, "on", "null"]),
    st.text(max_size=20),
)
# Values that keep a spec renderable more often than not: mutations with these reach `render`.
gentle_values = st.one_of(st.floats(min_value=-2, max_value=2, allow_nan=False), st.integers(min_value=0, max_value=30),
                          hostile_numbers)
small_float = st.one_of(st.floats(min_value=-3, max_value=3, allow_nan=False), hostile_numbers)
vec3 = st.lists(small_float, min_size=3, max_size=3)


@st.composite
def generated_spec(draw) -> dict:
    """A spec built from scratch: mostly well-formed, with hostile numbers where they hurt."""
    n = draw(st.integers(min_value=1, max_value=4))
    objects = []
    for i in range(n):
        o = {"id": f"o{i}", "category": draw(st.sampled_from(CATEGORIES))}
        if draw(st.booleans()):
            o["position"] = draw(vec3)
        if draw(st.booleans()):
            o["rotation"] = draw(st.lists(small_float, min_size=4, max_size=4))
        if draw(st.booleans()):
            o["scale"] = draw(st.lists(st.one_of(st.floats(min_value=0.1, max_value=2), hostile_numbers),
                                       min_size=3, max_size=3))
        if draw(st.booleans()):
            o["instance_id"] = draw(st.one_of(st.integers(min_value=1, max_value=40), hostile_numbers))
        if draw(st.booleans()):
            o["support"] = draw(st.sampled_from(["floor", "wall", "o0", "o1", "nobody"]))
        if draw(st.booleans()):
            o["asset"] = draw(st.sampled_from([
                {"uid": o["category"] or "box"}, {"uid": "nosuchthing"}, {"source": "objaverse", "uid": "0" * 32},
                {"source": "file", "uid": "a", "path": "missing.glb"},
                {"source": "file", "uid": "a", "path": "../../../etc/passwd"},
                {"source": "file", "uid": "a", "path": "/etc/hostname"},
                {"source": "local", "uid": "a.glb", "path": "/nonexistent/a.glb"},
                {"uid": "mug", "path": "x.glb"}, {"uid": "mug", "seed": 2**70}]))
        objects.append(o)
    scene_id = draw(st.sampled_from(["../up", "", "a b", "fuzz-1"])) if draw(st.integers(0, 9)) == 0 else "fuzz"
    spec: dict = {"scene_id": scene_id, "objects": objects}
    if draw(st.booleans()):
        spec["relations"] = [{"subject": f"o{draw(st.integers(0, n))}",
                              "predicate": draw(st.sampled_from(["on", "next_to", "between", "atop"])),
                              "object": f"o{draw(st.integers(0, n))}"}]
    if draw(st.booleans()):
        c2w = copy.deepcopy(IDENTITY)
        if draw(st.booleans()):
            r, c = draw(st.integers(0, 3)), draw(st.integers(0, 3))
            c2w[r][c] = draw(hostile_numbers)
        spec["cameras"] = [{"id": 0, "width": draw(st.sampled_from([64, 3, 10**12, 0, 8192])), "height": 64,
                            "fx": draw(small_float), "fy": 60.0, "cx": 32.0, "cy": draw(small_float), "c2w": c2w}]
    if draw(st.booleans()):
        spec["render"] = {k: draw(v) for k, v in {
            "samples": st.sampled_from([1, 10**9, 0, -1]), "width": st.sampled_from([32, 10**12, 2]),
            "fps": small_float, "frames": st.sampled_from([0, 1, 2, 5000]), "views": st.sampled_from([1, 0, 65]),
        }.items() if draw(st.booleans())}
    if draw(st.booleans()):
        spec["seed"] = draw(st.one_of(st.integers(min_value=0, max_value=100), hostile_numbers))
    return spec


def _paths(data, prefix=()):
    """Every (path, value) inside nested dicts and lists."""
    yield prefix, data
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _paths(v, (*prefix, i))


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


@st.composite
def mutated_spec(draw, bases: list[dict], values: st.SearchStrategy = hostile_values, numbers_only: bool = False
                 ) -> dict:
    """A real spec with one to three places changed: a value replaced or a key dropped; with
    `numbers_only`, only numbers are replaced (the spec keeps its shape, so more of them render)."""
    spec = copy.deepcopy(draw(st.sampled_from(bases)))
    for _ in range(draw(st.integers(1, 3))):
        places = [p for p, v in _paths(spec) if p and (_is_number(v) or not numbers_only)]
        path = draw(st.sampled_from(places))
        parent = spec
        for k in path[:-1]:
            parent = parent[k]
        if isinstance(parent, dict) and not numbers_only and draw(st.integers(0, 4)) == 0:
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(values)
    return spec


def base_specs(resolved_yaml: Path | None = None) -> list[dict]:
    specs = [yaml.safe_load(p.read_text()) for p in sorted(EXAMPLES.glob("*.yaml"))]
    if resolved_yaml is not None:
        specs.append(yaml.safe_load(Path(resolved_yaml).read_text()))
    return specs


def write_spec(data: dict, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "spec.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    return path


def tiny(spec: SceneSpec) -> SceneSpec:
    """The same spec at a thumbnail's cost: 32x32, one sample, one view, at most four frames."""
    render = spec.render.model_copy(update={"width": 32, "height": 32, "samples": 1, "views": 1,
                                            "frames": min(spec.render.frames, 4) if spec.render.frames else 0})
    update = {"render": render, "cameras": spec.cameras[:1]}
    if spec.animation is not None:
        update["animation"] = None  # the planner's sequence needs its full length; stills are what is checked
    return spec.model_copy(update=update)


def check_case(data: dict, folder: Path, *, render: bool) -> str:
    """The property for one spec. Returns "refused", "valid" or "rendered"; raises AssertionError (or
    whatever FYI raised) when the property fails."""
    path = write_spec(data, folder)
    try:
        spec = fyi.validate(path)
    except FyiError as e:
        msg = str(e)
        assert "\n" not in msg, f"more than one line: {msg!r}"
        m = REFUSAL.match(msg)
        assert m and m.group("file") == str(path), f"does not name the file and a field: {msg!r}"
        return "refused"
    if not render:
        return "valid"
    result = fyi.render(tiny(spec), folder / "out")
    check_outputs_agree(result.scene_dir)
    return "rendered"


def check_outputs_agree(scene_dir: Path) -> None:
    """scene.json's instance ids, the instance masks and coco.json's annotations say the same."""
    graph = json.loads((scene_dir / "scene.json").read_text())
    coco = json.loads((scene_dir / "coco.json").read_text())
    iid = {o["id"]: o["instance_id"] for o in graph["objects"]}
    assert len(set(iid.values())) == len(iid) and all(1 <= i <= 32767 for i in iid.values())
    images = {im["id"]: im for im in coco["images"]}
    assert len(images) == len(graph["cameras"])
    for image_id, im in images.items():
        mask = np.asarray(Image.open(scene_dir / im["file_name"].replace("/rgb/", "/instance/"))).astype(np.int64)
        present = set(np.unique(mask).tolist()) - {0}
        assert present <= set(iid.values()), f"mask ids {present} not in scene.json"
        anns = [a for a in coco["annotations"] if a["image_id"] == image_id]
        assert {a["instance_id"] for a in anns} == present
        for a in anns:
            assert iid[a["object_id"]] == a["instance_id"]
            assert a["area"] == int((mask == a["instance_id"]).sum())
