"""The LangGraph loop: four agents, the conditional edge back from the Optimizer, traced rounds."""
import pytest

from fyi.agents.graph import build_graph


def test_graph_has_the_four_agents_and_the_loop():
    g = build_graph().get_graph()
    assert {"collector", "generator", "optimizer", "planner", "render"} <= set(g.nodes)
    edges = {(e.source, e.target) for e in g.edges}
    assert ("optimizer", "generator") in edges and ("optimizer", "planner") in edges
    assert ("collector", "generator") in edges and ("planner", "render") in edges


def test_a_critique_that_finds_cut_off_objects_sends_the_scene_back_and_gets_fixed(tmp_path):
    # Start with cameras framed far too tight (negative margin): everything spills out of the frame. (A
    # moving scene, because a still one gets a composed view 0 that no margin can spoil.)
    state = build_graph().invoke({
        "instruction": "a red cube slides to the left next to a green sphere", "seed": 0, "quality": "draft",
        "views": 2, "frames": 2, "max_rounds": 3, "work_dir": str(tmp_path), "camera_margin": -0.8, "warnings": [],
        "trace": []})
    rounds = [s for s in state["trace"] if s["agent"] == "optimizer"]
    assert len(rounds) >= 2
    first, last = rounds[0], rounds[-1]
    assert "cut_off" in {p["kind"] for p in first["critique"]["problems"]}
    assert first["edits"]["camera_margin"] > 0
    assert not [p for p in last["critique"]["problems"] if p["severity"] == "error"]
    generators = [s for s in state["trace"] if s["agent"] == "generator"]
    assert generators[0]["input"]["margin"] == pytest.approx(-0.8)
    assert generators[-1]["input"]["margin"] == pytest.approx(first["edits"]["camera_margin"])
    assert [s["agent"] for s in state["trace"]][-2:] == ["planner", "render"]


def test_an_edit_never_adds_what_the_instruction_rules_out():
    from fyi.agents.backend import Edit
    from fyi.agents.collector import collect
    from fyi.agents.edits import apply_edits

    _, spec = collect("a table without chairs", seed=0, quality="draft", views=1)
    assert spec.excluded == ["chair"]
    edited, _, notes = apply_edits(spec, [Edit(op="add", category="dining chair"), Edit(op="add", category="lamp")], {})
    assert sorted(o.category for o in edited.objects) == ["lamp", "table"]
    assert any("chair" in n and "rules it out" in n for n in notes)
    assert edited.excluded == ["chair"]
