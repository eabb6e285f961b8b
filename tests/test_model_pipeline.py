"""The whole agent loop with an OpenAI-compatible model: a real local server, the real openai client,
the real LangGraph graph and real renders. A VLM critique that asks for edits changes the scene as asked."""
import json

import pytest

import fyi
from fyi.agents.openai_backend import OpenAIBackend
from fyi.agents.settings import ModelSettings, Settings
from fyi.assets.catalog import asset_seed
from tests.model_server import ModelServer

INSTRUCTION = "a red cube, a green sphere and a cone"
REQUEST = {
    "instruction": INSTRUCTION,
    "objects": [{"ref": "cube", "category": "cube", "count": 1, "attributes": {"color": "red"}},
                {"ref": "sphere", "category": "sphere", "count": 1, "attributes": {"color": "green"}},
                {"ref": "cone", "category": "cone", "count": 1}],
    "relations": [{"subject": "sphere", "predicate": "left_of", "object": "cube"}],
}
NO_PROPOSAL = {"poses": []}
ASK_FOR_EDITS = {
    "score": 0.4,
    "problems": [{"objects": ["cone_0"], "severity": "error", "description": "the cone clutters the view"},
                 {"objects": ["ghost_7"], "severity": "error", "description": "an object that does not exist"}],
    "edits": [{"op": "remove", "object": "cone_0"},
              {"op": "move", "object": "cube_0", "delta": [0.25, 0.0, 0.0]},
              {"op": "remove", "object": "ghost_7"}],
}
ALL_GOOD = {"score": 0.95, "problems": [], "edits": []}
CUBE_PICK = f"procedural/cube/{asset_seed(0, 'cube_0:variant1')}"
PICKS = [{"choice": CUBE_PICK}, {"choice": "procedural/sphere/not-a-candidate"},
         {"choice": f"procedural/cone/{asset_seed(0, 'cone_0:variant2')}"}]


@pytest.fixture(scope="module")
def model_run(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("model_run")
    script = [json.dumps(REQUEST), *map(json.dumps, PICKS), json.dumps(NO_PROPOSAL), json.dumps(ASK_FOR_EDITS),
              json.dumps(ALL_GOOD)]
    with ModelServer(script) as server:
        settings = Settings(default=ModelSettings(base_url=server.base_url, model="scripted-vlm", max_retries=1,
                                                  cache_dir=tmp_path / "cache"))
        result = fyi.synthesize(INSTRUCTION, tmp_path / "out", seed=0, views=2, backend=OpenAIBackend(settings))
        yield result, server.requests


def test_a_vlm_critique_that_asks_for_edits_changes_the_scene(model_run):
    result, requests = model_run
    graph = json.loads((result.scene_dir / "scene.json").read_text())
    assert sorted(o["category"] for o in graph["objects"]) == ["cube", "sphere"], "the cone was removed"
    steps = [json.loads(line) for line in (result.scene_dir / "trace.jsonl").read_text().splitlines()]
    gens = [s for s in steps if s["agent"] == "generator"]
    assert len(gens) == 2
    before, after = gens[0]["output"]["poses"]["cube_0"], gens[1]["output"]["poses"]["cube_0"]
    assert after[0] == pytest.approx(before[0] + 0.25, abs=1e-3), "the cube moved as asked"
    assert after[1:] == pytest.approx(before[1:], abs=1e-3)
    # The edit naming an object that does not exist never reached the scene.
    opt = [s for s in steps if s["agent"] == "optimizer"]
    assert [e["op"] for e in opt[0]["edits"]["vlm"]] == ["remove", "move"]
    assert opt[-1]["vlm_critique"]["score"] == 0.95
    # The geometric critic ran after the VLM in every round, as the guard.
    assert all("critique" in s for s in opt)


def test_the_collector_picks_assets_among_rendered_thumbnails(model_run):
    result, requests = model_run
    graph = json.loads((result.scene_dir / "scene.json").read_text())
    cube = next(o for o in graph["objects"] if o["category"] == "cube")
    sphere = next(o for o in graph["objects"] if o["category"] == "sphere")
    assert f"procedural/cube/{cube['asset']['seed']}" == CUBE_PICK
    assert sphere["asset"]["seed"] == asset_seed(0, "sphere_0"), "a pick that is no candidate keeps the first"
    steps = [json.loads(line) for line in (result.scene_dir / "trace.jsonl").read_text().splitlines()]
    assert any("not a candidate" in w for w in steps[0]["model_warnings"])
    for pick in requests[1:4]:
        images = [p for m in pick["messages"] if isinstance(m["content"], list) for p in m["content"]
                  if p.get("type") == "image_url"]
        assert len(images) == 3


def test_every_model_call_is_in_the_trace_and_the_views_went_as_png(model_run):
    result, requests = model_run
    assert len(requests) == 7  # understand, three asset picks, propose_layout, two critiques
    steps = [json.loads(line) for line in (result.scene_dir / "trace.jsonl").read_text().splitlines()]
    calls = [c for s in steps for c in s["model_calls"]]
    assert len(calls) == 7 and all(c["model"] == "scripted-vlm" and not c["cache_hit"] for c in calls)
    assert all(c["prompt_tokens"] > 0 and c["latency_s"] >= 0 for c in calls)
    critique_request = requests[5]
    images = [part for m in critique_request["messages"] if isinstance(m["content"], list)
              for part in m["content"] if part.get("type") == "image_url"]
    assert len(images) == 2 and all(p["image_url"]["url"].startswith("data:image/png;base64,") for p in images)


def test_a_rerun_replays_the_cached_answers_without_the_server(tmp_path):
    script = [json.dumps(REQUEST), *map(json.dumps, PICKS), json.dumps(NO_PROPOSAL), json.dumps(ALL_GOOD)]
    with ModelServer(script) as server:
        settings = Settings(default=ModelSettings(base_url=server.base_url, model="scripted-vlm", max_retries=1,
                                                  cache_dir=tmp_path / "cache"))
        first = fyi.synthesize(INSTRUCTION, tmp_path / "a", seed=0, views=1, backend=OpenAIBackend(settings))
        served = len(server.requests)
    # The server is gone: the same run replays every answer from the response cache.
    again = fyi.synthesize(INSTRUCTION, tmp_path / "b", seed=0, views=1, backend=OpenAIBackend(settings))
    assert served == 6
    assert (again.scene_dir / "scene.json").read_text() == (first.scene_dir / "scene.json").read_text()
    steps = [json.loads(line) for line in (again.scene_dir / "trace.jsonl").read_text().splitlines()]
    assert all(c["cache_hit"] for s in steps for c in s["model_calls"])
