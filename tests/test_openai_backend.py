"""The OpenAI-compatible backend through the real `openai` client against a scripted local HTTP server."""
from __future__ import annotations

import base64
import json
import socket
import time
from pathlib import Path

import pytest
from PIL import Image

from fyi.agents.backend import AssetPick, LayoutProposal, VlmCritique
from fyi.agents.collector import collect
from fyi.agents.generator import generate
from fyi.agents.model_client import ModelClient
from fyi.agents.openai_backend import OpenAIBackend
from fyi.errors import FyiError
from fyi.render.scene_graph import scene_graph
from fyi.scenes.asset_loader import assets_for
from fyi.settings import ModelSettings, Settings, settings_from_env
from tests.model_server import ModelServer

FAST = 0.01  # backoff base in seconds: retries in tests should not sleep for real

MUG_ON_TABLE = {
    "instruction": "a red mug on a wooden table",
    "objects": [
        {"ref": "mug", "category": "mug", "count": 1, "attributes": {"color": "red"}, "phrase": "a red mug"},
        {"ref": "table", "category": "table", "attributes": {"material": "wooden"}, "phrase": "a wooden table"},
    ],
    "relations": [{"subject": "mug", "predicate": "on", "object": "table"}],
    "room": "kitchen",
}


def client_for(server: ModelServer, tmp_path: Path, agent: str = "collector", **overrides) -> ModelClient:
    fields = {"base_url": server.base_url, "model": "test-model", "cache_dir": tmp_path / "cache",
              "max_retries": 2, "timeout_s": 5} | overrides
    settings = ModelSettings(**fields)
    return ModelClient(settings, agent, backoff_base_s=FAST)


def backend_for(server: ModelServer, tmp_path: Path, model: str = "test-model") -> OpenAIBackend:
    default = ModelSettings(base_url=server.base_url, model=model, cache_dir=tmp_path / "cache", max_retries=1)
    return OpenAIBackend(Settings(default=default), backoff_base_s=FAST)


def png(path: Path, color: tuple[int, int, int], size: int = 16) -> Path:
    Image.new("RGB", (size, size), color).save(path)
    return path


def sent_images(body: dict) -> list[bytes]:
    """The PNG bytes of every image part in a recorded request."""
    out = []
    for message in body["messages"]:
        if isinstance(message["content"], list):
            for part in message["content"]:
                if part["type"] == "image_url":
                    url = part["image_url"]["url"]
                    assert url.startswith("data:image/png;base64,")
                    out.append(base64.b64decode(url.split(",", 1)[1]))
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def mug_scene():
    """A real laid-out spec and its scene.json graph."""
    _, partial = collect("a red mug on a wooden table", seed=0, quality="draft", views=2)
    spec = generate(partial).spec
    return spec, scene_graph(spec, assets_for(spec))


# ---------------------------------------------------------------- good answers
def test_understand_returns_the_models_request_and_sends_model_schema_and_photo(tmp_path):
    photo = tmp_path / "reference.jpg"
    Image.new("RGB", (12, 10), (200, 30, 20)).save(photo, format="JPEG")
    with ModelServer([json.dumps(MUG_ON_TABLE)]) as server:
        backend = backend_for(server, tmp_path, model="collector-llm")
        request = backend.understand("a red mug on a wooden table", [photo])
    assert [(o.ref, o.category) for o in request.objects] == [("mug", "mug"), ("table", "table")]
    assert request.object("mug").attributes.color == "red"
    assert request.object("table").attributes.material == "wooden"
    assert [(r.subject, r.predicate, r.object) for r in request.relations] == [("mug", "on", "table")]
    assert request.room == "kitchen" and request.warnings == []

    body = server.requests[0]
    assert body["model"] == "collector-llm"
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["name"] == "Request"
    system = body["messages"][0]["content"]
    assert "Answer with JSON matching this schema" in system and "coffee_table" in system  # the catalog
    # The JPEG reference photo went as a PNG data URL of the same picture.
    (sent,) = sent_images(body)
    assert sent.startswith(b"\x89PNG")
    with Image.open(photo) as want:
        assert Image.open(__import__("io").BytesIO(sent)).size == want.size

    (call,) = backend.calls
    assert call.agent == "collector" and call.model == "collector-llm" and call.base_url == server.base_url
    assert call.prompt_tokens == 11 and call.completion_tokens == 7 and call.attempts == 1
    assert not call.cache_hit and len(call.images) == 1 and call.answer.startswith("{")
    assert "a red mug on a wooden table" in call.prompt and len(call.prompt) <= 4100


def test_critique_sends_views_as_png_data_urls_with_the_scene_graph(tmp_path, mug_scene):
    spec, graph = mug_scene
    views = [png(tmp_path / "0000.png", (90, 120, 200)), png(tmp_path / "0001.png", (10, 200, 30))]
    answer = {"score": 0.4,
              "problems": [{"objects": ["mug_0"], "description": "the mug hangs over the edge"}],
              "edits": [{"op": "move", "object": "mug_0", "delta": [0.0, -0.1, 0.0]},
                        {"op": "move_camera", "distance_factor": 1.3}]}
    with ModelServer([json.dumps(answer)]) as server:
        critique = backend_for(server, tmp_path, model="vlm").critique(spec, graph, views)
    assert isinstance(critique, VlmCritique) and critique.score == 0.4 and not critique.ok
    assert [e.op for e in critique.edits] == ["move", "move_camera"]
    assert critique.problems[0].objects == ["mug_0"]

    body = server.requests[0]
    assert body["model"] == "vlm" and body["response_format"]["json_schema"]["name"] == "VlmCritique"
    assert sent_images(body) == [v.read_bytes() for v in views]  # exactly the rendered PNGs, in order
    text = next(p["text"] for p in body["messages"][1]["content"] if p["type"] == "text")
    sent_graph = json.loads(text.split("Scene graph: ", 1)[1])
    assert {o["id"] for o in sent_graph["objects"]} == {"mug_0", "table_0"}
    assert {"position", "bbox", "category"} <= set(sent_graph["objects"][0])
    assert "cameras" not in sent_graph  # compact: only what a critic reads


# ---------------------------------------------------------------- repair
@pytest.mark.parametrize("bad", ['Sure! {"choice": "uid_b", ', '{"pick": "uid_b"}', ""])
def test_a_bad_answer_is_repaired_in_one_round(tmp_path, bad):
    with ModelServer([bad, '```json\n{"choice": "uid_b", "reason": "closest"}\n```']) as server:
        answer, call = client_for(server, tmp_path).complete_json("Pick one.", "uid_a or uid_b", AssetPick)
    assert answer == AssetPick(choice="uid_b", reason="closest")
    assert call.attempts == 2 and len(server.requests) == 2
    assert call.prompt_tokens == 22 and call.completion_tokens == 14  # both rounds counted
    repair = server.requests[1]["messages"]
    assert repair[-2] == {"role": "assistant", "content": bad}
    assert "could not be used" in repair[-1]["content"] and repair[-1]["role"] == "user"


def test_a_second_bad_answer_is_a_one_line_error_naming_agent_model_and_url(tmp_path):
    with ModelServer(['not json at all', '{"choice": 3}']) as server:
        with pytest.raises(FyiError) as err:
            client_for(server, tmp_path, agent="optimizer").complete_json("Pick.", "a or b", AssetPick)
        url = server.base_url
    message = str(err.value)
    assert "optimizer" in message and "test-model" in message and url in message
    assert "choice" in message and "\n" not in message
    assert len(server.requests) == 2  # the repair is bounded


# ---------------------------------------------------------------- transient failures
@pytest.mark.parametrize("failure", [
    ("status", 429, {"error": {"message": "rate limited"}}, {"Retry-After": "0"}),
    ("status", 500, {"error": {"message": "boom"}}, {}),
    ("status", 503, "upstream down", {}),
])
def test_rate_limits_and_server_errors_are_retried(tmp_path, failure):
    with ModelServer([failure, '{"choice": "a"}']) as server:
        answer, call = client_for(server, tmp_path).complete_json("Pick.", "a", AssetPick)
    assert answer.choice == "a" and call.attempts == 2 and len(server.requests) == 2


def test_retry_after_is_honoured_but_capped(tmp_path):
    with ModelServer([("status", 429, {"error": {"message": "slow"}}, {"Retry-After": "3600"}),
                      '{"choice": "a"}']) as server:
        client = client_for(server, tmp_path)
        client.backoff_cap_s = 0.3
        started = time.monotonic()
        answer, _ = client.complete_json("Pick.", "a", AssetPick)
    assert answer.choice == "a" and 0.25 <= time.monotonic() - started < 3


def test_a_timeout_is_retried(tmp_path):
    with ModelServer([("sleep", 1.5), '{"choice": "a"}']) as server:
        started = time.monotonic()
        answer, call = client_for(server, tmp_path, timeout_s=0.5).complete_json("Pick.", "a", AssetPick)
    assert answer.choice == "a" and call.attempts == 2
    assert time.monotonic() - started < 1.4  # gave up on the sleeper instead of waiting it out


def test_persistent_server_errors_end_in_an_error_after_the_retries(tmp_path):
    failure = ("status", 502, {"error": {"message": "bad gateway"}}, {})
    with ModelServer([failure] * 3) as server:
        with pytest.raises(FyiError, match=r"HTTP 502.*") as err:
            client_for(server, tmp_path, max_retries=2).complete_json("Pick.", "a", AssetPick)
        assert len(server.requests) == 3 and server.base_url in str(err.value)


def test_a_refused_request_is_not_retried(tmp_path):
    with ModelServer([("status", 401, {"error": {"message": "invalid api key"}}, {})]) as server:
        with pytest.raises(FyiError, match="HTTP 401: invalid api key"):
            client_for(server, tmp_path, api_key="sk-wrong").complete_json("Pick.", "a", AssetPick)
        assert len(server.requests) == 1
        assert server.headers[0]["authorization"] == "Bearer sk-wrong"


def test_a_server_that_is_down_is_named_quickly(tmp_path):
    url = f"http://127.0.0.1:{free_port()}/v1"
    client = ModelClient(ModelSettings(base_url=url, model="m", max_retries=1, cache_dir=tmp_path),
                         "collector", backoff_base_s=FAST)
    started = time.monotonic()
    with pytest.raises(FyiError, match=f"model server not reachable at {url}"):
        client.complete_json("Pick.", "a", AssetPick)
    assert time.monotonic() - started < 5


def test_a_server_without_json_schema_support_gets_json_object(tmp_path):
    rejection = ("status", 400, {"error": {"message": "response_format type json_schema is not supported"}}, {})
    with ModelServer([rejection, '{"choice": "a"}', '{"choice": "b"}']) as server:
        client = client_for(server, tmp_path)
        first, call = client.complete_json("Pick.", "a", AssetPick)
        second, _ = client.complete_json("Pick.", "b", AssetPick)  # remembered: no second rejection
    assert (first.choice, second.choice) == ("a", "b") and call.attempts == 2
    formats = [r["response_format"]["type"] for r in server.requests]
    assert formats == ["json_schema", "json_object", "json_object"]
    assert "Answer with JSON matching this schema" in server.requests[1]["messages"][0]["content"]


# ---------------------------------------------------------------- cache
def test_the_same_call_is_answered_from_the_cache(tmp_path):
    red, blue = png(tmp_path / "red.png", (255, 0, 0)), png(tmp_path / "blue.png", (0, 0, 255))
    with ModelServer(['{"choice": "a", "reason": "red"}', '{"choice": "b", "reason": "blue"}']) as server:
        client = client_for(server, tmp_path)
        first, call1 = client.complete_json("Pick.", "which?", AssetPick, images=[red])
        again, call2 = client_for(server, tmp_path).complete_json("Pick.", "which?", AssetPick, images=[red])
        assert len(server.requests) == 1
        other, call3 = client.complete_json("Pick.", "which?", AssetPick, images=[blue])
        assert len(server.requests) == 2
    assert again == first and call2.cache_hit and not call1.cache_hit and call2.attempts == 0
    assert call2.answer == call1.answer and call2.prompt_tokens == call1.prompt_tokens
    assert call2.images == call1.images != call3.images
    assert other.choice == "b" and not call3.cache_hit
    entries = sorted((tmp_path / "cache").glob("*/*.json"))
    assert len(entries) == 2 and all(e.parent.name == e.stem[:2] for e in entries)
    assert json.loads(entries[0].read_text())["usage"]["prompt_tokens"] == 11


def test_a_damaged_cache_entry_is_a_miss(tmp_path):
    with ModelServer(['{"choice": "a"}', '{"choice": "a"}']) as server:
        client = client_for(server, tmp_path)
        client.complete_json("Pick.", "x", AssetPick)
        (entry,) = (tmp_path / "cache").glob("*/*.json")
        entry.write_text('{"answer": "{\\"nope\\": 1}"')
        answer, call = client.complete_json("Pick.", "x", AssetPick)
    assert answer.choice == "a" and not call.cache_hit and len(server.requests) == 2
    assert json.loads(entry.read_text())["answer"] == '{"choice": "a"}'


# ---------------------------------------------------------------- settings
def test_settings_from_env_with_a_cheap_collector_and_a_vlm_optimizer(tmp_path):
    env = {"FYI_MODEL_BASE_URL": "http://gpu:8000/v1", "FYI_MODEL": "big-llm", "OPENAI_API_KEY": "sk-default",
           "FYI_MODEL_TIMEOUT": "12.5", "FYI_MODEL_MAX_RETRIES": "2", "FYI_CACHE_DIR": str(tmp_path),
           "FYI_COLLECTOR_MODEL": "small-llm",
           "FYI_OPTIMIZER_MODEL": "vlm", "FYI_OPTIMIZER_BASE_URL": "http://vlm:9000/v1",
           "FYI_OPTIMIZER_API_KEY": "sk-vlm"}
    settings = settings_from_env(env)
    collector, optimizer, planner = (settings.for_agent(a) for a in ("collector", "optimizer", "planner"))
    assert (collector.model, collector.base_url, collector.api_key) == ("small-llm", "http://gpu:8000/v1", "sk-default")
    assert (optimizer.model, optimizer.base_url, optimizer.api_key) == ("vlm", "http://vlm:9000/v1", "sk-vlm")
    assert (planner.model, planner.timeout_s, planner.max_retries) == ("big-llm", 12.5, 2)
    assert collector.cache_dir == optimizer.cache_dir == tmp_path / "model-calls"
    assert all(settings.uses_model(a) for a in ("collector", "generator", "optimizer", "planner"))

    only_vlm = settings_from_env({"FYI_OPTIMIZER_MODEL": "vlm", "FYI_OPTIMIZER_BASE_URL": "http://vlm/v1"})
    assert only_vlm.uses_model("optimizer") and not only_vlm.uses_model("collector")
    assert settings_from_env({"FYI_MODEL_API_KEY": "a", "OPENAI_API_KEY": "b"}).default.api_key == "a"
    with pytest.raises(FyiError, match="FYI_MODEL_TIMEOUT"):
        settings_from_env({"FYI_MODEL_TIMEOUT": "soon"})
    with pytest.raises(FyiError, match="unknown agent"):
        settings.for_agent("critic")


def test_each_agent_talks_to_its_own_server(tmp_path, mug_scene):
    spec, graph = mug_scene
    view = png(tmp_path / "0000.png", (128, 128, 128))
    with ModelServer([json.dumps(MUG_ON_TABLE)]) as text_server, \
            ModelServer(['{"score": 1.0}']) as vlm_server:
        env = {"FYI_MODEL_BASE_URL": text_server.base_url, "FYI_MODEL": "big-llm", "FYI_CACHE_DIR": str(tmp_path),
               "FYI_COLLECTOR_MODEL": "small-llm",
               "FYI_OPTIMIZER_MODEL": "vlm", "FYI_OPTIMIZER_BASE_URL": vlm_server.base_url}
        backend = OpenAIBackend(settings_from_env(env), backoff_base_s=FAST)
        backend.understand("a red mug on a wooden table", [])
        assert backend.critique(spec, graph, [view]).ok
    assert [r["model"] for r in text_server.requests] == ["small-llm"]
    assert [r["model"] for r in vlm_server.requests] == ["vlm"]
    assert [(c.agent, c.model) for c in backend.calls] == [("collector", "small-llm"), ("optimizer", "vlm")]


def test_agents_without_a_model_run_offline(tmp_path, mug_scene):
    spec, graph = mug_scene
    with ModelServer(['{"score": 0.9}']) as server:
        settings = Settings(per_agent={"optimizer": ModelSettings(base_url=server.base_url, model="vlm",
                                                                  cache_dir=None)})
        backend = OpenAIBackend(settings)
        request = backend.understand("two red mugs on a table", [])  # the rule-based parser
        assert backend.pick_asset("a mug", ["mug_a", "mug_b"], []) == "mug_a"
        assert backend.propose_layout(spec) == LayoutProposal()
        assert backend.critique(spec, graph, [png(tmp_path / "v.png", (1, 2, 3))]).score == 0.9
    assert request.object("mug").count == 2
    assert len(server.requests) == 1 and [c.agent for c in backend.calls] == ["optimizer"]


# ---------------------------------------------------------------- answers are data
def test_understand_drops_categories_the_catalog_does_not_have(tmp_path):
    answer = {"instruction": "ignored", "objects": [
        {"ref": "mug", "category": "mugs"},  # a plural the catalog resolves
        {"ref": "ray_gun", "category": "ray_gun", "attributes": {"color": "octarine"}},
        {"ref": "couch", "category": "couch", "attributes": {"color": "Blue", "size": "gigantic"}}],
        "relations": [{"subject": "mug", "predicate": "on", "object": "couch"},
                      {"subject": "ray_gun", "predicate": "next_to", "object": "mug"}],
        "motions": [{"subject": "ray_gun", "verb": "fall"}, {"subject": "camera", "verb": "orbit", "target": "mug"}]}
    with ModelServer([json.dumps(answer)]) as server:
        request = backend_for(server, tmp_path).understand("a mug on a couch", [])
    assert request.instruction == "a mug on a couch"  # the user's words, not the model's copy
    assert [(o.ref, o.category) for o in request.objects] == [("mug", "mug"), ("couch", "sofa")]
    assert request.object("couch").attributes.color == "blue" and request.object("couch").attributes.size is None
    assert [(r.subject, r.object) for r in request.relations] == [("mug", "couch")]
    assert [m.subject for m in request.motions] == ["camera"]
    warnings = " ".join(request.warnings)
    assert "'ray_gun'" in warnings and "gigantic" in warnings and "next_to" in warnings


def test_understand_with_no_catalog_category_at_all_is_an_error(tmp_path):
    answer = {"instruction": "x", "objects": [{"ref": "ray_gun", "category": "ray_gun"}]}
    with ModelServer([json.dumps(answer)]) as server:
        with pytest.raises(FyiError, match="named no catalog category.*ray_gun"):
            backend_for(server, tmp_path).understand("a ray gun", [])


def test_pick_asset_keeps_to_the_candidates(tmp_path):
    thumbs = [png(tmp_path / "a.png", (1, 1, 1)), png(tmp_path / "b.png", (2, 2, 2))]
    with ModelServer(['{"choice": "uid_b"}', '{"choice": "rm -rf /"}']) as server:
        backend = backend_for(server, tmp_path)
        assert backend.pick_asset("a blue mug", ["uid_a", "uid_b"], thumbs) == "uid_b"
        assert backend.pick_asset("a red mug", ["uid_a", "uid_b"], thumbs) == "uid_a"
        assert backend.pick_asset("a mug", ["only"], thumbs) == "only"  # nothing to choose: no call
    assert len(server.requests) == 2 and len(sent_images(server.requests[0])) == 2
    assert "not a candidate" in backend.warnings[0]


def test_propose_layout_drops_unknown_ids(tmp_path, mug_scene):
    spec, _ = mug_scene
    answer = {"poses": [{"id": "table_0", "position": [0, 0, 0], "yaw_degrees": 90},
                        {"id": "ghost", "position": [1, 1, 0]},
                        {"id": "table_0", "position": [5, 5, 0]}]}
    with ModelServer([json.dumps(answer)]) as server:
        backend = backend_for(server, tmp_path)
        proposal = backend.propose_layout(spec)
    assert [(p.id, p.position) for p in proposal.poses] == [("table_0", (0.0, 0.0, 0.0))]
    assert any("ghost" in w for w in backend.warnings)


def test_critique_drops_edits_and_problems_about_unknown_objects(tmp_path, mug_scene):
    spec, graph = mug_scene
    answer = {"score": 0.2,
              "problems": [{"objects": ["ghost_0"], "description": "a ghost floats"},
                           {"objects": ["mug_0", "ghost_0"], "description": "the mug hides behind a ghost"}],
              "edits": [{"op": "remove", "object": "ghost_0"},
                        {"op": "scale", "object": "mug_0", "factor": 1.5},
                        {"op": "add", "category": "death_ray", "relation": ["on", "table_0"]},
                        {"op": "add", "category": "cups", "relation": ["on", "table_0"]},
                        {"op": "add", "category": "mug", "relation": ["on", "nowhere"]},
                        {"op": "swap_asset", "object": "table_0", "category": "couch"},
                        {"op": "move", "object": "mug_0"}]}
    with ModelServer([json.dumps(answer)]) as server:
        backend = backend_for(server, tmp_path)
        critique = backend.critique(spec, graph, [png(tmp_path / "v.png", (5, 5, 5))])
    assert [p.objects for p in critique.problems] == [["mug_0"]]
    assert [(e.op, e.object, e.category) for e in critique.edits] == [
        ("scale", "mug_0", None), ("add", None, "mug"), ("swap_asset", "table_0", "sofa")]
    dropped = " ".join(backend.warnings)
    assert "ghost_0" in dropped and "death_ray" in dropped and "nowhere" in dropped and "move without" in dropped
