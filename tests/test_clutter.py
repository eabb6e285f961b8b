"""Context objects (`--clutter none|low|high`, scenes/clutter.py): things of the room type nobody asked
for, placed by the layout solver after the requested objects. Checked on real layouts and real renders:
the requested scene is that of `none` exactly, counts stay exact, none hides a requested object in
view 0, the critic does not complain of them, and scene.yaml reproduces them."""
from __future__ import annotations

import json
from collections import Counter

import numpy as np
import pytest
from PIL import Image

import fyi
from fyi.agents.collector import collect
from fyi.agents.critic import critique
from fyi.agents.generator import generate
from fyi.agents.planner import with_context_kept
from fyi.cli import main
from fyi.errors import FyiError
from fyi.farm import read_jobs
from fyi.render.blender import render_views
from fyi.scenes.asset_loader import assets_for
from fyi.scenes.clutter import CONTEXT, hiding, requested_only, same_kind
from fyi.scenes.spec import Animation, ObjectTrack, RenderSettings, Room, SceneSpec

KITCHEN = "a kitchen with a table, two chairs and a red mug on the table"
RES = 64
LEVELS = ("none", "low", "high")


def laid_out(text: str, clutter: str, seed: int = 0) -> SceneSpec:
    _, spec = collect(text, seed=seed, quality="draft", views=1)
    spec = spec.model_copy(update={"room": spec.room.model_copy(update={"clutter": clutter}),
                                   "render": RenderSettings(views=1, width=RES, height=RES)})
    return generate(spec).spec


@pytest.fixture(scope="module")
def kitchen(tmp_path_factory):
    """The kitchen at every level, laid out and rendered (view 0, 64 px, 2 samples)."""
    out = {}
    for level in LEVELS:
        spec = laid_out(KITCHEN, level)
        views = tmp_path_factory.mktemp(level)
        render_views(spec, assets_for(spec), views, samples=2, denoise=False)
        out[level] = spec, views
    return out


def _mask(views) -> np.ndarray:
    return np.asarray(Image.open(views / "instance" / "0000.png")).astype(np.int64)


def test_none_is_the_requested_scene_and_context_only_adds(kitchen):
    none = kitchen["none"][0]
    assert not any(o.context for o in none.objects)
    for level in ("low", "high"):
        spec = kitchen[level][0]
        # Everything requested, the room and the cameras are those of `none`: context comes after.
        assert requested_only(spec).objects == none.objects
        assert spec.cameras == none.cameras and spec.room == none.room.model_copy(update={"clutter": level})
        assert spec.relations == none.relations
        context = [o for o in spec.objects if o.context]
        assert context and all(o.id.startswith("context_") and o.instance_id > max(p.instance_id for p in none.objects)
                               for o in context)
        assert len({o.instance_id for o in spec.objects}) == len(spec.objects)
        assert all(o.category in CONTEXT["kitchen"] for o in context)
    low = sum(o.context for o in kitchen["low"][0].objects)
    high = sum(o.context for o in kitchen["high"][0].objects)
    assert 1 <= low <= 5 and high > low


def test_context_is_never_of_a_requested_kind_and_counts_stay_exact(kitchen):
    asked = Counter(o.category for o in kitchen["none"][0].objects)
    for level in ("low", "high"):
        spec = kitchen[level][0]
        assert Counter(o.category for o in spec.objects if not o.context) == asked
        for o in spec.objects:
            if o.context:
                assert not any(same_kind(o.category, c) for c in asked), o.category
    # What a counter would take for the asked thing is left out too.
    assert same_kind("mug", "dixie_cup") and same_kind("lamp", "floor_lamp") and same_kind("table", "side_table")
    assert not same_kind("mug", "bowl")
    # ... and what the instruction rules out.
    _, spec = collect("a desk with a lamp on it and no books", seed=0, quality="draft", views=1)
    spec = spec.model_copy(update={"room": Room(type="office", clutter="high")})
    spec = generate(spec).spec
    cats = {o.category for o in spec.objects if o.context}
    assert cats and not cats & {"book", "magazine", "lamp", "floor_lamp"}


def test_no_context_object_hides_a_requested_one_in_view_0(kitchen):
    none_spec, none_views = kitchen["none"]
    base = _mask(none_views)
    for level in ("low", "high"):
        spec, views = kitchen[level]
        mask = _mask(views)
        context = {o.instance_id for o in spec.objects if o.context}
        assert context & set(np.unique(mask)), f"{level}: no context object shows in view 0"
        for o in none_spec.objects:
            before, after = int((base == o.instance_id).sum()), int((mask == o.instance_id).sum())
            assert after >= 0.9 * before - 2, f"{level}: {o.id} {before} px -> {after} px"
        assert hiding(spec, assets_for(spec)) == []


def test_the_critic_judges_the_requested_objects_only(kitchen):
    kinds = {}
    for level in LEVELS:
        spec, views = kitchen[level]
        crit = critique(spec, assets_for(spec), views)
        context = {o.id for o in spec.objects if o.context}
        assert not any(set(p.objects) & context for p in crit.problems), crit.problems
        kinds[level] = {(p.kind, tuple(p.objects)) for p in crit.problems if p.severity == "error"}
    assert kinds["low"] == kinds["none"] == kinds["high"]


def test_context_is_deterministic_and_belongs_to_the_setting():
    a, b = laid_out("a bench in the park", "high", seed=3), laid_out("a bench in the park", "high", seed=3)
    assert a == b
    context = [o for o in a.objects if o.context]
    assert len(context) >= 4 and all(o.category in CONTEXT["park"] for o in context)
    assert all(o.support == "floor" and o.position[2] == 0.0 for o in context)
    other = laid_out("a bench in the park", "high", seed=4)
    assert [(o.category, o.position) for o in other.objects if o.context] != \
        [(o.category, o.position) for o in context]
    # Studios and empty rooms stay bare.
    assert not any(o.context for o in laid_out("a red cube", "high").objects)


def test_context_on_a_movers_path_is_left_out():
    spec = laid_out("a living room with a sofa", "high")
    context = [o for o in spec.objects if o.context and o.support == "floor"]
    assert context
    sofa = spec.object("sofa_0")
    victim = context[0]
    # A sofa slid (a made-up track) from its place to the first context object's spot and back.
    path = [sofa.position, (victim.position[0], victim.position[1], 0.0), sofa.position]
    anim = Animation(frames=3, camera=[spec.cameras[0].c2w] * 3,
                     objects=[ObjectTrack(object="sofa_0", positions=path, rotations=[sofa.rotation] * 3)])
    planned = requested_only(spec).model_copy(update={"animation": anim})
    kept, left_out = with_context_kept(planned, spec)
    assert victim.id in left_out and victim.id not in {o.id for o in kept.objects}
    assert {o.id for o in kept.objects if o.context} | set(left_out) == {o.id for o in spec.objects if o.context}


def test_bad_clutter_is_one_clear_error(tmp_path, capsys):
    assert main(["synth", "a mug", "--out", str(tmp_path / "out"), "--clutter", "lots"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "clutter" in err[0] and "lots" in err[0]
    assert not (tmp_path / "out").exists()
    with pytest.raises(FyiError, match="clutter"):
        read_jobs([{"instruction": "a mug", "clutter": "lots"}])
    with pytest.raises(FyiError, match="clutter"):
        read_jobs([{"instruction": "a mug", "clutter": 3}])
    assert [j.clutter for j in read_jobs([{"instruction": "a mug", "clutter": "high"}, {"instruction": "a cup"}],
                                         clutter="none")] == ["high", "none"]
    with pytest.raises(ValueError, match="clutter"):
        Room.model_validate({"type": "kitchen", "clutter": "lots"})


def test_synth_marks_context_and_scene_yaml_reproduces_it(tmp_path):
    result = fyi.synthesize("a bedroom with a bed", tmp_path / "a", seed=1, views=1, max_rounds=1, clutter="high")
    spec = result.spec
    context = [o for o in spec.objects if o.context]
    assert spec.room.clutter == "high" and context
    graph = json.loads((result.scene_dir / "scene.json").read_text())
    flags = {o["id"]: o["context"] for o in graph["objects"]}
    assert flags == {o.id: o.context for o in spec.objects}
    coco = json.loads((result.scene_dir / "coco.json").read_text())
    assert len(coco["annotations"]) >= 1 + sum(
        (np.asarray(Image.open(result.scene_dir / "views/instance/0000.png")) == o.instance_id).any() for o in context)
    trace = [json.loads(line) for line in (result.scene_dir / "trace.jsonl").read_text().splitlines()]
    assert any(step.get("output", {}).get("context") for step in trace if step["agent"] == "generator")
    again = fyi.render(result.scene_dir / "scene.yaml", tmp_path / "b")
    assert again.spec.objects == spec.objects
    for name in ("instance/0000.png",):
        a = np.asarray(Image.open(result.scene_dir / "views" / name))
        b = np.asarray(Image.open(again.scene_dir / "views" / name))
        assert np.array_equal(a, b)
