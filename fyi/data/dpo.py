"""DPO preference pairs over constraint-bearing instructions: chosen satisfies every constraint, rejected not.

Two sources:
- offline, by construction: the exact answer of an item (or the exact scene description for an open
  task) is rewritten to satisfy constraints that can be met by rewriting (JSON, lists, a title, a prefix,
  lowercase...), then constraints are drawn that the rewritten text meets (its length, its words, what
  it says about the scene); the rejected answer is the chosen one rewritten to break one named constraint.
- from model answers scored by `fyi data verify`: per instruction, an answer that passed every check
  against one that failed at least one.

Every pair is verified before it is written: chosen passes every verifier, rejected fails at least one.
Output is what TRL's DPOTrainer loads: `prompt`, `chosen`, `rejected` strings (standard), or the
conversational form with `images` and messages whose content holds an `{"type": "image"}` placeholder
per image. `id`, `constraints` and `violated` ride along for bookkeeping.
"""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field

from fyi.data.compose import ItemLine, SceneFacts, answer_text
from fyi.data.constraints import OPEN_TASKS, TYPES, Context, describe, draw_constraints, item_id, verify

# Rewrites applied in this order (content first, the frame of the text last), then the fitted draws.
REWRITES = ("narrative_person", "decimal_places", "no_digits", "scientific_notation", "markdown_table", "json",
            "bullets", "numbered_list", "title", "prefix", "suffix", "postscript", "letter_case", "no_commas")
FITTED = ("word_count", "sentence_count", "paragraph_count", "paragraph_sentences", "paragraph_words",
          "sentence_max_words", "include_keywords", "exclude_keywords", "keyword_frequency", "mention_color",
          "left_to_right", "state_count", "grounded_mentions")


@dataclass
class Built:
    pairs: list[dict] = field(default_factory=list)
    dropped: Counter = field(default_factory=Counter)  # why an item gave no pair


def _all_pass(text: str, constraints: list[dict], facts: dict) -> str | None:
    """None when every constraint holds on text, else the first that does not (type: reason)."""
    for c in constraints:
        ok, reason = verify(c, text, facts)
        if not ok:
            return f"{c['type']}: {reason}"
    return None


def build_offline_pair(base_text: str, question: str, facts: dict, rng: random.Random,
                       n_rewrites: int = 2, n_fitted: int = 2) -> tuple[dict | None, str]:
    """(pair, "") or (None, why not) for one base answer."""
    text = base_text
    kept: list[dict] = []
    rewrites = [c for c in draw_constraints(rng, Context(facts=facts, text=text), n_rewrites, allowed=list(REWRITES))]
    for c in sorted(rewrites, key=lambda c: REWRITES.index(c["type"])):
        new = TYPES[c["type"]].satisfy(text, c["params"], facts)  # type: ignore[misc]
        if verify(c, new, facts)[0]:
            text = new
            kept.append(c)
    fitted = draw_constraints(rng, Context(facts=facts, text=text), n_fitted, allowed=list(FITTED), taken=kept)
    kept += [c for c in fitted if verify(c, text, facts)[0]]
    if not kept:
        return None, "no constraint could be met"
    failing = _all_pass(text, kept, facts)
    if failing:
        return None, f"chosen fails {failing.split(':')[0]}"
    breakable = [c for c in kept if TYPES[c["type"]].violate is not None]
    rng.shuffle(breakable)
    for c in breakable:
        rejected = TYPES[c["type"]].violate(text, c["params"], facts)  # type: ignore[misc]
        if rejected.strip() and rejected != text and not verify(c, rejected, facts)[0]:
            rng.shuffle(kept)
            instruction = question.rstrip() + " " + " ".join(k["text"] for k in kept)
            return {"prompt": instruction, "chosen": text, "rejected": rejected, "constraints": kept,
                    "violated": [c["type"]]}, ""
    return None, "no constraint could be broken by a rewrite"


def offline_pairs(items: list[ItemLine], facts: SceneFacts, seed: int, open_tasks: int = 1) -> Built:
    """One pair per item with an answer, and `open_tasks` per scene from its exact description."""
    rng = random.Random(seed)
    built = Built()
    bases: list[tuple[str, str, str, list[str], dict]] = []  # (base id, question, text, images, facts)
    scenes: dict[str | None, tuple[list[str], dict]] = {}
    for item in items:
        f = facts(item)
        text = answer_text(item.answer)
        if text is None:
            built.dropped["item has no answer"] += 1
        else:
            bases.append((item.id, item.question, text, item.images, f))
        if f and item.scene_id not in scenes:
            scenes[item.scene_id] = (item.images, f)
    for scene_id, (images, f) in scenes.items():
        for k in range(open_tasks):
            bases.append((f"{scene_id}-open-{k}", rng.choice(OPEN_TASKS), describe(f), images, f))
    for base_id, question, text, images, f in bases:
        pair, why = build_offline_pair(text, question, f, rng)
        if pair is None:
            built.dropped[why] += 1
            continue
        pair["id"] = item_id(base_id, pair["prompt"])
        pair["images"] = images
        built.pairs.append(pair)
    return built


def pairs_from_answers(lines: list, report_results: list[dict]) -> Built:
    """Per instruction id: an answer that passed everything against one that failed something."""
    built = Built()
    by_id: dict[str, dict[str, list]] = {}
    for line, result in zip(lines, report_results):
        bucket = by_id.setdefault(line.id, {"pass": [], "fail": []})
        if result["all_pass"] is True:
            bucket["pass"].append((line, result))
        elif result["all_pass"] is False:
            bucket["fail"].append((line, result))
        else:
            built.dropped["an answer with unjudged constraints"] += 1
    for key, bucket in by_id.items():
        if not bucket["pass"] or not bucket["fail"]:
            built.dropped["no passing and failing answer for one instruction"] += 1
            continue
        (good, _), (bad, bad_result) = bucket["pass"][0], bucket["fail"][0]
        built.pairs.append({"id": key, "prompt": good.instruction, "chosen": good.answer, "rejected": bad.answer,
                            "images": good.images, "constraints": [c.model_dump() for c in good.constraints],
                            "violated": [r["type"] for r in bad_result["constraints"] if r["ok"] is False]})
    return built


def check_pair(pair: dict, facts: dict) -> None:
    """Raise AssertionError unless chosen passes every rule verifier and rejected fails at least one."""
    verdicts = [verify(c, pair["chosen"], facts)[0] for c in pair["constraints"]]
    assert all(v is not False for v in verdicts), f"chosen fails: {pair['id']}"
    assert any(verify(c, pair["rejected"], facts)[0] is False for c in pair["constraints"]), \
        f"rejected passes every rule: {pair['id']}"


def to_trl(pair: dict, conversational: bool) -> dict:
    """A pair in a format TRL's DPOTrainer reads (standard strings, or messages with images)."""
    meta = {"id": pair["id"], "constraints": pair["constraints"], "violated": pair["violated"]}
    if not conversational:
        return {"prompt": pair["prompt"], "chosen": pair["chosen"], "rejected": pair["rejected"], **meta}
    content = [{"type": "image"} for _ in pair["images"]] + [{"type": "text", "text": pair["prompt"]}]
    return {"images": pair["images"],
            "prompt": [{"role": "user", "content": content}],
            "chosen": [{"role": "assistant", "content": [{"type": "text", "text": pair["chosen"]}]}],
            "rejected": [{"role": "assistant", "content": [{"type": "text", "text": pair["rejected"]}]}],
            **meta}


def dpo_command(items_path: str | None, answers_path: str | None, out: str, seed: int, open_tasks: int,
                conversational: bool, scenes_dir: str | None, use_judge: bool) -> Built:
    from pathlib import Path

    from fyi.data.jsonl import read_jsonl, write_jsonl
    from fyi.errors import FyiError

    if (items_path is None) == (answers_path is None):
        raise FyiError("give ITEMS.jsonl (offline pairs) or --answers ANSWERS.jsonl (pairs from scored answers)")
    if scenes_dir is not None and not Path(scenes_dir).is_dir():
        raise FyiError(f"--scenes: {scenes_dir} is not a folder")
    if items_path is not None:
        built = offline_pairs(read_jsonl(items_path, ItemLine), SceneFacts(Path(scenes_dir) if scenes_dir else None),
                              seed, open_tasks)
    else:
        from fyi.data.verify import AnswerLine, judge_from_env, score

        lines = read_jsonl(answers_path, AnswerLine)  # type: ignore[arg-type]
        built = pairs_from_answers(lines, score(lines, judge_from_env(use_judge)).results)
    write_jsonl(out, [to_trl(p, conversational) for p in built.pairs])
    return built


__all__ = ["Built", "FITTED", "REWRITES", "build_offline_pair", "check_pair", "dpo_command", "offline_pairs",
           "pairs_from_answers", "to_trl"]
