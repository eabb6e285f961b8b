"""Constraint-bearing instructions (MM-IFEngine), their verifiers, DPO pairs, and evolution (MMEvol, MM-Instruct).

The scene is a hand-written scene.json whose facts are worked out by hand: camera 0 at (0, -4, 1.5)
looking along +Y, two red mugs at x = -0.4 and -0.3, a wooden table at x = 0, a blue ball at x = 0.35,
so from left to right: mug, table, ball. Answers are hand-written; model paths talk to the scripted
OpenAI-compatible server on 127.0.0.1 (tests/model_server.py).
"""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from fyi.cli import main
from fyi.data import constraints as C
from fyi.data.compose import ItemLine, SceneFacts
from fyi.data.dpo import check_pair, offline_pairs
from fyi.data.evolve import evolve_offline, evolve_with_model
from fyi.data.instruction_evolve import Scene, evolve_offline as evolve_instructions, holds, scene_of
from fyi.agents.parser import parse_instruction
from fyi.agents.settings import ModelSettings
from tests.model_server import ModelServer


def _obj(id_, category, x, color=None, material=None, z=0.8):
    attrs = {k: v for k, v in (("color", color), ("material", material)) if v}
    return {"id": id_, "instance_id": 1, "category": category, "attributes": attrs,
            "bbox": {"min": [x - 0.05, -0.05, z - 0.05], "max": [x + 0.05, 0.05, z + 0.05]}}


SCENE = {
    "format": "fyi.scene/1", "scene_id": "mugs", "instruction": "two red mugs and a blue ball on a wooden table",
    "objects": [_obj("mug_0", "mug", -0.4, "red"), _obj("mug_1", "mug", -0.3, "red"),
                _obj("table_0", "table", 0.0, material="wood", z=0.4), _obj("ball_0", "ball", 0.35, "blue")],
    "relations": [{"subject": "mug_0", "predicate": "on", "object": "table_0"}],
    "cameras": [{"id": 0, "width": 64, "height": 64, "fx": 80.0, "fy": 80.0, "cx": 32.0, "cy": 32.0,
                 "c2w": [[1, 0, 0, 0], [0, 0, -1, -4], [0, 1, 0, 1.5], [0, 0, 0, 1]]}],
    "motions": [],
}
FACTS = C.facts_from_scene(SCENE)


@pytest.fixture(scope="module")
def scene_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("scenes")
    (root / "mugs" / "views" / "rgb").mkdir(parents=True)
    (root / "mugs" / "scene.json").write_text(json.dumps(SCENE))
    (root / "mugs" / "views" / "rgb" / "0000.png").write_bytes(b"")
    return root


def _items(scene_dir: Path) -> list[dict]:
    image = str(scene_dir / "mugs" / "views" / "rgb" / "0000.png")
    base = {"scene_id": "mugs", "images": [image], "form": "qa", "choices": [], "family": "objects", "facts": {},
            "blind": False}
    return [
        {**base, "id": "q1", "question": "How many mugs are there?", "answer": "2", "generator": "count"},
        {**base, "id": "q2", "question": "How many balls are there?", "answer": "1", "generator": "count"},
        {**base, "id": "q3", "question": "What colour is the ball?", "answer": "blue", "generator": "color"},
        {**base, "id": "q4", "question": "What colour are the mugs?", "answer": "red", "generator": "color"},
    ]


# ---------------------------------------------------------------- the taxonomy
def test_taxonomy_has_32_compose_level_types_in_six_families_and_perception_ones():
    assert len(C.COMPOSE_LEVEL) == 32
    assert {t.family for t in C.COMPOSE_LEVEL} == set(C.FAMILIES) - {"perception"}
    assert len([t for t in C.TYPES.values() if t.family == "perception"]) >= 4
    judged = sorted(t.name for t in C.TYPES.values() if t.verify is None)
    assert judged == ["audience", "counterpoint", "rhetoric", "role_play", "tone"]
    for t in C.TYPES.values():
        assert t.what and len(t.phrasings) >= 2, t.name
        params = t.draw(random.Random(3), C.Context(facts=FACTS))
        assert params == t.draw(random.Random(3), C.Context(facts=FACTS)), t.name  # drawn under the seed
        assert params is not None, t.name
        assert t.render(params, random.Random(0)).strip(), t.name


def test_scene_facts_worked_out_by_hand():
    assert C.left_to_right(FACTS) == ["mug", "table", "ball"]
    assert C.describe(FACTS) == "The scene shows two red mugs, a wooden table and a blue ball from left to right."
    assert "ball" not in C.absent_categories(FACTS) and "chair" in C.absent_categories(FACTS)


# (type, params, an answer that satisfies it, one that does not)
CASES = [
    ("word_count", {"lo": 3, "hi": 5}, "Two red mugs.", "Mugs."),
    ("sentence_count", {"lo": 2, "hi": 2}, "I see mugs. They are red.", "I see mugs."),
    ("paragraph_count", {"lo": 2, "hi": 3}, "Mugs.\n\nA ball.", "Mugs. A ball."),
    ("paragraph_sentences", {"lo": 1, "hi": 1}, "Mugs.\n\nA ball.", "Mugs. Red.\n\nA ball."),
    ("paragraph_words", {"lo": 2, "hi": 3}, "Red mugs.\n\nBlue ball.", "Red mugs.\n\nA big blue ball here."),
    ("sentence_max_words", {"max": 4}, "Two red mugs. One ball.", "There are two red mugs on the table."),
    ("decimal_places", {"places": 1}, "There are 2.0 mugs and 1.0 ball.", "There are 2 mugs."),
    ("decimal_places", {"places": 2}, "The mugs are red.", "There are two mugs."),
    ("no_digits", {}, "There are two mugs.", "There are 2 mugs."),
    ("scientific_notation", {}, "There are 2.0e0 mugs.", "There are 2 mugs."),
    ("scientific_notation", {}, "Red mugs.", "Three mugs."),
    ("arithmetic", {}, "Two mugs and one ball: 2 + 1 = 3 things.", "2 + 1 = 4 things."),
    ("language", {"language": "Russian"}, "На столе две красные кружки.", "Two red mugs on the table."),
    ("json", {"keys": ["answer"]}, '```json\n{"answer": "two mugs"}\n```', '{"reply": "two mugs"}'),
    ("markdown_table", {"columns": ["object", "count"]}, "| object | count |\n|---|---|\n| mug | 2 |",
     "object: mug, count: 2"),
    ("bullets", {"n": 2}, "- two red mugs\n- a blue ball", "- two red mugs\n- a blue ball\n- a table"),
    ("numbered_list", {"n": 2}, "1. two red mugs\n2. a blue ball", "two red mugs\n2. a blue ball"),
    ("title", {"title": "Scene"}, "# Scene\n\nTwo mugs.", "Scene\n\nTwo mugs."),
    ("letter_case", {"case": "lowercase"}, "two red mugs.", "Two red mugs."),
    ("no_commas", {}, "Two mugs and a ball.", "Two mugs, a ball."),
    ("logical_order", {"markers": ["first", "then", "finally"]}, "First the mugs, then the table, finally the ball.",
     "Finally the ball, first the mugs, then the table."),
    ("cause_effect", {}, "The mugs stand still because the table is level.", "The mugs stand on the table."),
    ("narrative_person", {"person": "first"}, "I see two mugs.", "Two mugs are there."),
    ("narrative_person", {"person": "third"}, "Two mugs are there.", "We see two mugs."),
    ("prefix", {"prefix": "Answer:"}, "Answer: two mugs.", "Two mugs. Answer:"),
    ("suffix", {"suffix": "That is all."}, "Two mugs. That is all.", "That is all. Two mugs."),
    ("postscript", {"note": "x"}, "Two mugs.\n\nP.S. Look closely.", "Two mugs. PS look"),
    ("include_keywords", {"keywords": ["mug", "table"]}, "Mugs on a table.", "Mugs on a desk."),
    ("exclude_keywords", {"keywords": ["very"]}, "Two red mugs.", "Two very red mugs."),
    ("keyword_frequency", {"keyword": "mug", "n": 2}, "A mug and another mug.", "A mug."),
    ("mention_color", {"color": "red"}, "The red things are mugs.", "The red thing is a ball."),
    ("left_to_right", {}, "Mugs, then a table, then a ball.", "A ball, a table and mugs."),
    ("state_count", {"object": "mug"}, "There are two red mugs.", "There are three mugs, not 2 balls."),
    ("state_count", {"object": "ball"}, "I see a ball.", "I see 2 balls."),
    ("grounded_mentions", {}, "Two mugs and a ball on a table.", "Two mugs, a ball and a chair."),
]


def test_every_rule_verifier_on_a_positive_and_a_negative_answer():
    covered = {name for name, *_ in CASES}
    assert covered == {t.name for t in C.TYPES.values() if t.verify is not None}
    for name, params, good, bad in CASES:
        c = {"type": name, "params": params}
        ok, reason = C.verify(c, good, FACTS)
        assert ok is True, (name, good, reason)
        ok, reason = C.verify(c, bad, FACTS)
        assert ok is False and reason, (name, bad, reason)


def test_judge_types_are_never_guessed():
    for name in ("rhetoric", "tone", "role_play", "audience", "counterpoint"):
        assert C.verify({"type": name, "params": {}}, "anything", FACTS) == (None, "needs a judge")


def test_compose_draws_one_to_four_compatible_constraints_deterministically():
    base = {"id": "q1", "question": "How many mugs are there?", "answer": "2"}
    a = [C.compose(base, FACTS, random.Random(7)) for _ in range(2)]
    assert a[0] == a[1]
    rng = random.Random(1)
    for _ in range(200):
        item = C.compose(base, FACTS, rng)
        kinds = [c["type"] for c in item["constraints"]]
        assert 1 <= len(kinds) <= 4
        assert all(C.compatible(x, y) for i, x in enumerate(kinds) for y in kinds[i + 1:]), kinds
        assert item["instruction"].startswith("How many mugs are there?")
        assert all(c["text"] in item["instruction"] for c in item["constraints"])
    assert not C.compatible("language", "include_keywords") and not C.compatible("json", "bullets")
    assert not C.compatible("include_keywords", "exclude_keywords")


# ---------------------------------------------------------------- DPO
def test_offline_dpo_pairs_chosen_passes_everything_rejected_fails_one(scene_dir, tmp_path):
    items_path = tmp_path / "items.jsonl"
    items_path.write_text("".join(json.dumps(i) + "\n" for i in _items(scene_dir)))
    out = tmp_path / "dpo.jsonl"
    assert main(["data", "dpo", str(items_path), "--out", str(out), "--open-tasks", "6", "--seed", "3"]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) >= 6
    for row in rows:
        assert set(row) >= {"prompt", "chosen", "rejected"} and isinstance(row["prompt"], str)
        check_pair({**row, "images": []}, FACTS)
        assert all(C.verify(c, row["chosen"], FACTS)[0] for c in row["constraints"])
        violated = row["violated"][0]
        c = next(c for c in row["constraints"] if c["type"] == violated)
        assert C.verify(c, row["rejected"], FACTS)[0] is False
    again = tmp_path / "again.jsonl"
    assert main(["data", "dpo", str(items_path), "--out", str(again), "--open-tasks", "6", "--seed", "3"]) == 0
    assert again.read_text() == out.read_text()
    conv = tmp_path / "conv.jsonl"
    assert main(["data", "dpo", str(items_path), "--out", str(conv), "--conversational"]) == 0
    row = json.loads(conv.read_text().splitlines()[0])
    assert row["images"] and row["prompt"][0]["role"] == "user"
    assert row["prompt"][0]["content"][0] == {"type": "image"}
    assert row["chosen"][0]["role"] == "assistant" and row["rejected"][0]["content"][0]["type"] == "text"


def test_many_offline_pairs_verify():
    items = [ItemLine(id=f"q{k}", scene_id="mugs", question="Describe the scene.", answer=C.describe(FACTS))
             for k in range(60)]
    built = offline_pairs(items, lambda item: FACTS, seed=5, open_tasks=0)  # type: ignore[arg-type]
    assert len(built.pairs) >= 50, built.dropped
    for p in built.pairs:
        check_pair(p, FACTS)


# ---------------------------------------------------------------- fyi data verify / constraints
def _answers(tmp_path: Path, lines: list[dict]) -> Path:
    path = tmp_path / "answers.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines))
    return path


ANSWERS = [
    {"id": "a", "answer": "- two red mugs\n- a blue ball", "facts": FACTS, "instruction": "Describe.",
     "constraints": [{"type": "bullets", "params": {"n": 2}}, {"type": "mention_color", "params": {"color": "red"}},
                     {"type": "tone", "params": {"tone": "formal"}, "text": "Use a formal tone."}]},
    {"id": "b", "answer": "Two red mugs, a ball.", "constraints": [{"type": "no_commas", "params": {}}]},
]


def test_verify_reports_pass_rates_and_leaves_judge_types_unjudged(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("FYI_MODEL_BASE_URL", raising=False)
    path = _answers(tmp_path, ANSWERS)
    assert main(["data", "verify", str(path)]) == 0
    printed = capsys.readouterr().out
    assert "bullets" in printed and "unjudged" in printed
    report = json.loads(path.with_suffix(".report.json").read_text())
    assert report["per_type"]["bullets"] == {"family": "language_format", "passed": 1, "failed": 0, "unjudged": 0,
                                             "pass_rate": 1.0}
    assert report["per_type"]["no_commas"]["failed"] == 1
    assert report["per_type"]["tone"]["unjudged"] == 1 and report["per_type"]["tone"]["pass_rate"] is None
    assert [r["all_pass"] for r in report["results"]] == [None, False]
    assert main(["data", "verify", str(path), "--judge"]) == 2  # asked for a judge, none configured


@pytest.mark.parametrize("line, says", [
    ('{"id": "a", "answer": "x", "constraints": [{"type": "sparkle"}]}', "answers.jsonl:1: constraints.0.type"),
    ('{"id": "a", "constraints": [{"type": "no_commas"}]}', "answers.jsonl:1: answer"),
    ('{"id": "a", "answer": "x", "constraints": [{"type": "left_to_right"}]}', "give 'facts'"),
    ('{"id": "a", "answer": "x"', "answers.jsonl:1: not JSON"),
])
def test_bad_answers_file_is_one_line_naming_line_and_field(tmp_path, capsys, line, says):
    path = tmp_path / "answers.jsonl"
    path.write_text(line + "\n")
    assert main(["data", "verify", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert says in err and len(err.splitlines()) == 1
    assert not path.with_suffix(".report.json").exists()


def test_constraints_command_composes_items_with_scene_facts(scene_dir, tmp_path):
    items_path = tmp_path / "items.jsonl"
    items_path.write_text("".join(json.dumps(i) + "\n" for i in _items(scene_dir)))
    out = tmp_path / "constrained.jsonl"
    assert main(["data", "constraints", str(items_path), "--out", str(out), "--per-item", "2",
                 "--open-tasks", "2", "--scenes", str(scene_dir)]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 4 * 2 + 2
    assert all(r["facts"] == FACTS and 1 <= len(r["constraints"]) <= 4 for r in rows)
    assert sum(r["base_id"] is not None and r["base_id"].startswith("mugs-open") for r in rows) == 2


# ---------------------------------------------------------------- the judge, through the scripted server
def _model_env(monkeypatch, server, tmp_path):
    monkeypatch.setenv("FYI_MODEL_BASE_URL", server.base_url)
    monkeypatch.setenv("FYI_MODEL", "scripted")
    monkeypatch.setenv("FYI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("FYI_MODEL_MAX_RETRIES", "0")


def test_judge_model_decides_the_non_rule_constraints(tmp_path, monkeypatch):
    verdict = json.dumps({"verdicts": [{"index": 2, "satisfied": True, "reason": "formal"}]})
    with ModelServer([verdict]) as server:
        _model_env(monkeypatch, server, tmp_path)
        path = _answers(tmp_path, ANSWERS)
        assert main(["data", "verify", str(path), "--judge"]) == 0
        sent = server.requests[0]["messages"][1]["content"]
    text = sent if isinstance(sent, str) else sent[0]["text"]
    assert "Use a formal tone." in text and "two red mugs" in text
    report = json.loads(path.with_suffix(".report.json").read_text())
    assert report["per_type"]["tone"]["passed"] == 1
    assert report["results"][0]["all_pass"] is True and report["results"][0]["constraints"][2]["by"] == "judge"


def test_judge_garbage_leaves_constraints_unjudged_with_a_counted_reason(tmp_path, monkeypatch):
    with ModelServer(["this is not json", "still not json"]) as server:
        _model_env(monkeypatch, server, tmp_path)
        path = _answers(tmp_path, ANSWERS[:1])
        assert main(["data", "verify", str(path), "--judge"]) == 0
    report = json.loads(path.with_suffix(".report.json").read_text())
    assert report["per_type"]["tone"]["unjudged"] == 1
    assert report["unjudged_reasons"] == {"the judge gave no valid answer": 1}
    assert report["results"][0]["all_pass"] is None and len(report["judge_errors"]) == 1


# ---------------------------------------------------------------- evolution of items
def test_offline_evolutions_keep_answers_exact_and_are_deterministic(scene_dir):
    items = _items(scene_dir)
    first = evolve_offline(items, rounds=2, seed=4)
    assert first.items == evolve_offline(items, rounds=2, seed=4).items
    kinds = {i["evolution"]["kind"] for i in first.items}
    assert kinds == {"compose", "reasoning", "format"}
    truth = {i["id"]: i for i in items}
    for it in first.items:
        if it["evolution"]["round"] != 1:
            continue
        parent = truth[it["evolution"]["parents"][0]]
        if it["evolution"]["kind"] == "reasoning":
            n = int(parent["answer"])
            op, k = it["steps"][1].split()[3], int(it["steps"][1].split()[4].rstrip("."))
            assert it["final"] == (n + k if op == "+" else n * k) and it["answer"].endswith(f"{it['final']}.")
        elif it["evolution"]["kind"] == "format" and it["form"] == "mc":
            assert it["choices"]["ABCD".index(it["answer"])] == parent["answer"]
        elif it["evolution"]["kind"] == "format":
            candidate = it["question"].split("Is the answer '")[1].split("'")[0]
            assert (it["answer"] == "yes") == (candidate == parent["answer"])
        else:
            other = truth[it["evolution"]["parents"][1]]
            assert it["answer"] == f"(1) {parent['answer']}. (2) {other['answer']}."
    assert any(i["evolution"]["round"] == 2 for i in first.items)


def test_mmevol_with_the_model_keeps_grounded_harder_evolutions_and_drops_the_rest(scene_dir, tmp_path, monkeypatch):
    items = [ItemLine(**i) for i in _items(scene_dir)[:1]]  # "How many mugs are there?" -> 2
    good_reasoning = {"question": "How many mugs are there, and how many more mugs than balls?",
                      "answer": "There are 2 mugs and 1 ball, so one more mug.", "form": "qa",
                      "steps": ["Count the mugs: 2.", "Count the balls: 1.", "2 - 1 = 1."],
                      "objects": ["mug_0", "mug_1", "ball_0"]}
    good_perception = {"question": "How many red mugs stand left of the blue ball on the wooden table?",
                       "answer": "Two red mugs.", "objects": ["mug_0", "mug_1", "ball_0", "table_0"]}
    good_interaction = {"question": "How many mugs are there? (A) one (B) two (C) three", "answer": "B",
                        "form": "mc", "choices": ["one", "two", "three"], "objects": ["mug_0", "mug_1"]}
    ungrounded = {"question": "How many mugs are there next to the lamp and the chair?",
                  "answer": "Two mugs next to a chair.", "objects": ["mug_0", "lamp_0"]}
    wrong_count = {"question": "How many mugs are there on the table in the image?", "answer": "3 mugs.",
                   "steps": ["a", "b"], "objects": ["mug_0", "mug_1", "table_0"]}
    script = {"perception": [good_perception, ungrounded], "reasoning": [good_reasoning, wrong_count],
              "interaction": [good_interaction, {"question": "How many mugs?", "answer": "2", "form": "qa"}]}
    open_task = {"question": "Write a short poem about this scene.", "answer": "Two red mugs wait by a blue ball.",
                 "form": "open", "objects": ["mug_0", "ball_0"]}
    from fyi.data import evolve as E

    kinds = [random.Random(11).choice(E.EVOLUTIONS)]  # the evolution the seeded run draws first
    results = {}
    for variant in (0, 1):
        answers = [json.dumps(script[kinds[0]][variant])] + [json.dumps(open_task)] * 3 + ["not json"] * 2
        with ModelServer(answers) as server:
            _model_env(monkeypatch, server, tmp_path / str(variant))
            from fyi.agents.settings import settings_from_env

            results[variant] = evolve_with_model(items, SceneFacts(scene_dir), rounds=1, seed=11,
                                                 settings=settings_from_env().default)
            scene_sent = server.requests[0]["messages"][1]["content"]
        assert "mug_0" in scene_sent and "two red mugs" in scene_sent  # the exact scene graph and description
    kept, dropped = results[0], results[1]
    evolved = [i for i in kept.items if i["evolution"]["kind"].startswith("mmevol")]
    assert len(evolved) == 1 and evolved[0]["evolution"]["parents"] == ["q1"]
    assert [i["generator"] for i in kept.items if i["form"] == "open"] == \
        ["mm_instruct_creative", "mm_instruct_summary", "mm_instruct_analysis"]
    assert kept.dropped["the model gave no valid open task"] == 1
    assert not [i for i in dropped.items if i["evolution"]["kind"].startswith("mmevol")]
    assert sum(n for why, n in dropped.dropped.items() if why.startswith(("lost grounding", kinds[0]))) == 1


def test_mmevol_model_garbage_is_dropped_and_counted(scene_dir, tmp_path, monkeypatch):
    items = [ItemLine(**i) for i in _items(scene_dir)[:2]]
    with ModelServer(["{}", "[1, 2]", "nope", "nope"] + ["x"] * 8) as server:
        _model_env(monkeypatch, server, tmp_path)
        result = evolve_with_model(items, SceneFacts(scene_dir), rounds=1, seed=0,
                                   settings=ModelSettings(base_url=server.base_url, model="scripted", cache_dir=None,
                                                          max_retries=0), open_tasks=False)
    assert result.items == [] and result.dropped == {"the model gave no valid evolved item": 2}


# ---------------------------------------------------------------- evolution of scene instructions
SEEDS = ["a wooden table with two red mugs on it", "a blue ball and a red cube", "a lamp next to a sofa"]


def test_instructions_evolve_offline_parse_to_their_claims_deterministically(tmp_path, monkeypatch):
    monkeypatch.delenv("FYI_MODEL_BASE_URL", raising=False)
    seeds = tmp_path / "seeds.jsonl"
    seeds.write_text("".join(json.dumps({"instruction": s}) + "\n" for s in SEEDS))
    out, again = tmp_path / "jobs.jsonl", tmp_path / "again.jsonl"
    assert main(["instructions", "evolve", str(seeds), "--rounds", "2", "--out", str(out), "--seed", "1"]) == 0
    assert main(["instructions", "evolve", str(seeds), "--rounds", "2", "--out", str(again), "--seed", "1"]) == 0
    assert out.read_text() == again.read_text()
    jobs = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(jobs) >= 3 * len(SEEDS) and len({j["instruction"] for j in jobs}) == len(jobs)
    result = evolve_instructions(SEEDS, rounds=2, seed=1)
    assert set(result.kinds) >= {"object", "attribute", "count"}
    for text in [j["instruction"] for j in jobs]:
        parsed = parse_instruction(text)
        assert parsed.objects and not parsed.warnings, text
    richer = [j for j in jobs if len(parse_instruction(j["instruction"]).objects) > 2]
    assert richer  # more objects than any seed asked for
    from fyi.farm import read_jobs

    assert len(read_jobs(str(out))) == len(jobs)  # a farm reads the output as it is


def test_holds_checks_claims_against_the_parse():
    claimed = scene_of(parse_instruction("two red mugs on a wooden table"))
    assert holds("two red mugs on a wooden table", claimed) is None
    assert holds("three red mugs on a wooden table", claimed) is not None
    assert holds("two blue mugs on a wooden table", claimed) is not None
    assert holds("two red mugs next to a wooden table", claimed) is not None


def test_instructions_evolve_with_the_model_keeps_only_variations_that_parse_to_their_claims(tmp_path, monkeypatch):
    variations = {"variations": [
        {"instruction": "three green apples in a white bowl", "objects": [
            {"category": "apple", "count": 3, "color": "green"}, {"category": "bowl", "color": "white"}],
         "relations": [{"subject": 0, "predicate": "in", "object": 1}]},
        {"instruction": "a red chair", "objects": [{"category": "chair", "count": 2, "color": "red"}]},  # claims 2
        {"instruction": "a cat", "objects": [{"category": "dog"}]},
    ]}
    seeds = tmp_path / "seeds.jsonl"
    seeds.write_text(json.dumps({"instruction": "a bowl"}) + "\n")
    out = tmp_path / "jobs.jsonl"
    with ModelServer([json.dumps(variations), "garbage", "garbage"]) as server:
        _model_env(monkeypatch, server, tmp_path)
        assert main(["instructions", "evolve", str(seeds), "--rounds", "2", "--out", str(out)]) == 0
    jobs = [json.loads(line)["instruction"] for line in out.read_text().splitlines()]
    assert "three green apples in a white bowl" in jobs
    assert "a red chair" not in jobs and "a cat" not in jobs


def test_scene_round_trip_of_the_render_grammar():
    claimed = Scene(groups=scene_of(parse_instruction("a wooden table")).groups)
    assert holds("a wooden table", claimed) is None


# ---------------------------------------------------------------- on a real rendered scene
@pytest.fixture(scope="module")
def real_scene(tmp_path_factory) -> Path:
    import fyi

    out = tmp_path_factory.mktemp("real")
    return fyi.synthesize("a red cube to the left of a blue ball", out, seed=0, quality="draft", views=1,
                          max_rounds=1).scene_dir


def test_real_scene_facts_from_the_mask_agree_with_the_projected_boxes(real_scene):
    from fyi.data.compose import _view0_mask

    scene = json.loads((real_scene / "scene.json").read_text())
    by_mask = C.facts_from_scene(scene, _view0_mask(real_scene))
    by_box = C.facts_from_scene(scene)
    for m, b in zip(by_mask["objects"], by_box["objects"]):
        assert m["visible"] and abs(m["x"] - b["x"]) < 0.03, (m, b)
    assert C.left_to_right(by_mask) == ["cube", "ball"]
    assert C.describe(by_mask) == "The scene shows a red cube and a blue ball from left to right."


def test_real_scene_constraints_and_dpo_pairs(real_scene, tmp_path):
    image = str(real_scene / "views" / "rgb" / "0000.png")
    items = tmp_path / "items.jsonl"
    items.write_text(json.dumps({"id": "r1", "scene_id": real_scene.name, "images": [image],
                                 "question": "What colour is the cube?", "answer": "red"}) + "\n")
    constrained, pairs = tmp_path / "c.jsonl", tmp_path / "dpo.jsonl"
    assert main(["data", "constraints", str(items), "--out", str(constrained), "--open-tasks", "3"]) == 0
    rows = [json.loads(line) for line in constrained.read_text().splitlines()]
    assert all(r["facts"]["objects"] and r["images"] == [image] for r in rows)
    assert main(["data", "dpo", str(items), "--out", str(pairs), "--open-tasks", "8", "--conversational"]) == 0
    facts = rows[0]["facts"]
    dpo_rows = [json.loads(line) for line in pairs.read_text().splitlines()]
    assert len(dpo_rows) >= 6
    for row in dpo_rows:
        check_pair({"id": row["id"], "constraints": row["constraints"], "chosen": row["chosen"][0]["content"][0]["text"],
                    "rejected": row["rejected"][0]["content"][0]["text"]}, facts)
        assert Path(row["images"][0]).is_file()


def test_dpo_pairs_from_scored_model_answers(tmp_path):
    constraints = [{"type": "no_commas", "params": {}, "text": "Do not use any commas."},
                   {"type": "mention_color", "params": {"color": "red"}, "text": "Mention every red object."}]
    line = {"instruction": "Describe the scene. Do not use any commas. Mention every red object.", "facts": FACTS,
            "constraints": constraints, "images": ["/x/0000.png"]}
    answers = _answers(tmp_path, [
        {**line, "id": "p", "answer": "Two red mugs stand left of a blue ball."},
        {**line, "id": "p", "answer": "A ball, a table."},                     # commas, the red mugs not named
        {**line, "id": "q", "answer": "Two red mugs and a ball."},                   # passes, but no failing twin
    ])
    out = tmp_path / "dpo.jsonl"
    assert main(["data", "dpo", "--answers", str(answers), "--out", str(out)]) == 0
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert len(rows) == 1 and rows[0]["id"] == "p" and rows[0]["violated"] == ["no_commas", "mention_color"]
    assert rows[0]["chosen"].startswith("Two red mugs") and rows[0]["prompt"] == line["instruction"]
    assert not answers.with_suffix(".report.json").exists()  # pairs only: no report on the side
    assert main(["data", "dpo", "--out", str(out)]) == 2  # neither items nor answers


def test_data_evolve_command_offline(scene_dir, tmp_path, monkeypatch):
    monkeypatch.delenv("FYI_MODEL_BASE_URL", raising=False)
    items = tmp_path / "items.jsonl"
    items.write_text("".join(json.dumps(i) + "\n" for i in _items(scene_dir)))
    out = tmp_path / "evolved.jsonl"
    assert main(["data", "evolve", str(items), "--out", str(out), "--rounds", "2", "--seed", "2"]) == 0
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert {r["evolution"]["round"] for r in rows} == {1, 2}
    assert all(set(r) >= {"id", "scene_id", "images", "question", "answer", "form", "choices"} for r in rows)
    assert main(["data", "evolve", str(items), "--out", str(out), "--rounds", "4"]) == 2
