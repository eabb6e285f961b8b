"""Evolving instruction items: harder and more varied questions whose answers stay true (after MMEvol, MM-Instruct).

Offline, template evolutions keep answers exact by construction:
- `compose`: two questions about one scene asked together, answered together;
- `reasoning`: a count question with an explicit arithmetic step (answer: the steps and the result);
- `format`: the same question as multiple choice (distractors: other answers of its generator) or as
  yes/no (true or false candidate, balanced).

With a model configured (FYI_MODEL_BASE_URL, FYI_MODEL), MMEvol's three evolutions: fine-grained
perception, cognitive reasoning with explicit steps, interaction formats; and MM-Instruct's open tasks
(creative writing, summary, analysis, comparison). The model is given the exact scene graph; what it
returns is data validated by a schema, then checked: every object id it cites exists, the answer names
no catalog object the scene lacks, a count it states for a named category is the true count; and an
evolution that did not get harder (no more objects cited, no steps, the same format) is eliminated.
Everything dropped is counted with its reason.
"""
from __future__ import annotations

import json
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from fyi.data.compose import ItemLine, SceneFacts, answer_text
from fyi.data.constraints import named_in, absent_categories, describe, item_id, spoken
from fyi.errors import FyiError

EVOLUTIONS = ("perception", "reasoning", "interaction")
OPEN_TASK_TYPES = {
    "creative": "Write a short creative piece (a story or a poem) set in this scene, using only what is in it.",
    "summary": "Summarize the scene in two or three sentences.",
    "analysis": "Analyse the scene: what could it be used for, and what in it suggests that?",
    "comparison": "Compare two objects of the scene: how do they differ in kind, colour, size or place?",
}


@dataclass
class Evolved:
    items: list[dict] = field(default_factory=list)
    dropped: Counter = field(default_factory=Counter)


def _child(parent: dict, question: str, answer: object, form: str, kind: str, round_: int,
           parents: list[str], choices: list[str] | None = None, **extra) -> dict:
    return {**{k: v for k, v in parent.items() if k not in ("evolution",)},
            "id": item_id(kind, parents, question, answer), "question": question, "answer": answer, "form": form,
            "choices": choices or [], "evolution": {"kind": kind, "round": round_, "parents": parents}, **extra}


def _int_answer(item: dict) -> int | None:
    a = item.get("answer")
    if isinstance(a, bool):
        return None
    if isinstance(a, int):
        return a
    if isinstance(a, str) and a.strip().isdigit():
        return int(a.strip())
    return None


# ---------------------------------------------------------------- offline templates
def evolve_compose(a: dict, b: dict, round_: int) -> dict:
    q = f"Answer both questions. (1) {a['question'].strip()} (2) {b['question'].strip()}"
    ans = f"(1) {answer_text(a['answer'])} (2) {answer_text(b['answer'])}"
    return _child(a, q, ans, "qa", "compose", round_, [a["id"], b["id"]])


def evolve_reasoning(item: dict, rng: random.Random, round_: int) -> dict | None:
    n = _int_answer(item)
    if n is None or item.get("form", "qa") != "qa":
        return None
    k = rng.randint(1, 5)
    op, value, phrase = rng.choice([("+", n + k, f"add {k} to that number"), ("×", n * k, f"multiply it by {k}")])
    q = f"{item['question'].strip()} Then {phrase}. Show each step and give the final number."
    steps = [f"Step 1: {item['question'].strip()} The answer is {n}.", f"Step 2: {n} {op} {k} = {value}."]
    ans = " ".join(steps) + f" Final answer: {value}."
    return _child(item, q, ans, "qa", "reasoning", round_, [item["id"]], final=value, steps=steps)


def evolve_format(item: dict, pool: list[str], rng: random.Random, round_: int) -> dict | None:
    """QA -> multiple choice (3 distractors from `pool`) or yes/no; the answer stays the item's own."""
    truth = str(item.get("answer"))
    if item.get("form", "qa") != "qa" or isinstance(item.get("answer"), (list, dict)):
        return None
    others = sorted({p for p in pool if p.lower() != truth.lower()})
    if not others:
        return None
    if rng.random() < 0.5 and len(others) >= 1:
        options = rng.sample(others, min(3, len(others))) + [truth]
        rng.shuffle(options)
        letters = "ABCD"[:len(options)]
        listing = " ".join(f"({l}) {o}" for l, o in zip(letters, options))
        q = f"{item['question'].strip()} Choose one: {listing}. Answer with the letter."
        return _child(item, q, letters[options.index(truth)], "mc", "format", round_, [item["id"]], choices=options)
    candidate, yes = (truth, True) if rng.random() < 0.5 else (rng.choice(others), False)
    q = f"{item['question'].strip()} Is the answer '{candidate}'? Answer yes or no."
    return _child(item, q, "yes" if yes else "no", "yn", "format", round_, [item["id"]])


def evolve_offline(items: list[dict], rounds: int, seed: int) -> Evolved:
    """`rounds` rounds of template evolutions; each round evolves the previous round's items."""
    rng = random.Random(seed)
    out = Evolved()
    current = items
    for r in range(1, rounds + 1):
        pools: dict[str, list[str]] = {}
        for it in items:
            if it.get("form", "qa") == "qa" and isinstance(it.get("answer"), (str, int)) and not isinstance(it.get("answer"), bool):
                pools.setdefault(it.get("generator") or "", []).append(str(it["answer"]))
        produced: list[dict] = []
        by_scene: dict[object, list[dict]] = {}
        for it in current:
            by_scene.setdefault(it.get("scene_id"), []).append(it)
        for it in current:
            mates = [m for m in by_scene[it.get("scene_id")] if m["id"] != it["id"] and m.get("images") == it.get("images")]
            if mates:
                produced.append(evolve_compose(it, rng.choice(mates), r))
            else:
                out.dropped["compose: no other question on the same images"] += 1
            for kind, made in (("reasoning", evolve_reasoning(it, rng, r)),
                               ("format", evolve_format(it, pools.get(it.get("generator") or "", []), rng, r))):
                if made is None:
                    out.dropped[f"{kind}: does not apply to the item's answer or form"] += 1
                else:
                    produced.append(made)
        out.items += produced
        current = produced
    return out


# ---------------------------------------------------------------- with a model (MMEvol, MM-Instruct)
class EvolvedItem(BaseModel):
    """An evolved question and its answer, as the model writes it, with the object ids it relies on."""

    model_config = ConfigDict(extra="forbid")

    question: str = Field(min_length=5, max_length=2000)
    answer: str = Field(min_length=1, max_length=4000)
    form: Literal["qa", "mc", "yn", "open"] = "qa"
    choices: list[str] = []
    steps: list[str] = []
    objects: list[str] = Field(default=[], description="ids of the scene objects the question and answer rely on")


EVOLVE_PROMPT = """\
You evolve a question about an image into a harder one. The scene in the image is given exactly as a \
scene graph (objects with ids, categories, attributes, positions in metres, relations); the evolved \
question and its answer must be true of this scene graph and must not mention anything not in it. \
List in `objects` the ids of every object the question or answer relies on.
Evolution to apply: {how}"""
HOW = {
    "perception": "fine-grained perception: ask about more objects or finer attributes (colour, material, "
                  "relative position, count) than the original; cite more objects than it does.",
    "reasoning": "cognitive reasoning: a question that needs several steps; give the steps in `steps` (at least "
                 "two) and the final answer in `answer`.",
    "interaction": "interaction format: ask the same knowledge in another form (multiple choice with `choices`, "
                   "yes/no, or an open request); set `form` accordingly.",
}
OPEN_TASK_PROMPT = """\
You write an instruction of the given task type about an image and its answer. The scene in the image \
is given exactly below (a description and a scene graph); the answer must rely only on it and must not \
mention any object that is not in it. List in `objects` the ids of the objects the answer relies on. \
Set `form` to "open".
Task type: {task}"""


def _pictures(item: ItemLine) -> list:
    """The item's image files that exist (the model sees the picture as well as the scene graph)."""
    from pathlib import Path

    return [Path(p) for p in item.images if Path(p).is_file() and Path(p).stat().st_size > 0]


def _scene_prompt(scene: dict, facts: dict) -> str:
    from fyi.agents.openai_backend import compact_scene_graph

    return (f"Description: {describe(facts)}\nScene graph: "
            f"{json.dumps(compact_scene_graph(scene), separators=(',', ':'))}")


def grounding_problem(ev: EvolvedItem, facts: dict) -> str | None:
    """Why an evolved item is not grounded in the scene, or None when every checkable claim holds."""
    ids = {o["id"] for o in facts.get("objects", [])}
    unknown = [i for i in ev.objects if i not in ids]
    if unknown:
        return "cites an object the scene lacks"
    if named_in(ev.answer + " " + " ".join(ev.steps), absent_categories(facts)):
        return "the answer names an object the scene lacks"
    counts = Counter(o["name"] for o in facts.get("objects", []))
    number_words = [spoken(k) for k in range(21)]
    for name, n in counts.items():
        for said in re.findall(rf"\b(\d+|{'|'.join(number_words[2:])})\s+{re.escape(name)}(?:s|es)?\b",
                               ev.answer.lower()):
            value = int(said) if said.isdigit() else number_words.index(said)
            if value != n:
                return f"states {value} {name}(s); the scene has {n}"
    return None


def harder(kind: str, ev: EvolvedItem, parent: dict) -> bool:
    """MMEvol's elimination, by rule: perception cites more objects, reasoning shows steps, interaction
    changes the format; and the question is not shorter than its parent's."""
    if len(ev.question.split()) < len(str(parent.get("question", "")).split()):
        return False
    parent_objects = len(parent.get("evolution_objects") or [])
    return {"perception": len(set(ev.objects)) > max(parent_objects, 1),
            "reasoning": len(ev.steps) >= 2,
            "interaction": ev.form != parent.get("form", "qa")}[kind]


def evolve_with_model(items: list[ItemLine], facts: SceneFacts, rounds: int, seed: int, settings,
                      open_tasks: bool = True) -> Evolved:
    """MMEvol rounds (each evolution of each item, kept only if grounded and harder) and MM-Instruct tasks."""
    from fyi.agents.model_client import ModelClient

    client = ModelClient(settings, "evolver")
    rng = random.Random(seed)
    out = Evolved()
    current = [(it.model_dump(), it) for it in items]
    for r in range(1, rounds + 1):
        produced = []
        for parent, source in current:
            scene, f = facts.scene(source), facts(source)
            if not f:
                out.dropped["no scene.json for the item"] += 1
                continue
            kind = rng.choice(EVOLUTIONS)
            user = (f"{_scene_prompt(scene, f)}\nOriginal question: {parent['question']}\n"
                    f"Original answer: {answer_text(parent.get('answer'))}")
            try:
                ev, _ = client.complete_json(EVOLVE_PROMPT.format(how=HOW[kind]), user, EvolvedItem,
                                             images=_pictures(source))
            except FyiError:
                out.dropped["the model gave no valid evolved item"] += 1
                continue
            problem = grounding_problem(ev, f)
            if problem:
                out.dropped[f"lost grounding: {problem.split(';')[0]}"] += 1
                continue
            if not harder(kind, ev, parent):
                out.dropped[f"{kind}: did not get harder"] += 1
                continue
            child = _child(parent, ev.question, ev.answer, ev.form, f"mmevol_{kind}", r, [parent["id"]],
                           choices=ev.choices, steps=ev.steps, evolution_objects=ev.objects)
            produced.append((child, source))
        out.items += [c for c, _ in produced]
        current = produced
    if open_tasks:
        seen = set()
        for it in items:
            f = facts(it)
            if not f or it.scene_id in seen:
                continue
            seen.add(it.scene_id)
            for task, what in OPEN_TASK_TYPES.items():
                try:
                    ev, _ = client.complete_json(OPEN_TASK_PROMPT.format(task=what), _scene_prompt(facts.scene(it), f),
                                                 EvolvedItem, images=_pictures(it))
                except FyiError:
                    out.dropped["the model gave no valid open task"] += 1
                    continue
                problem = grounding_problem(ev, f)
                if problem:
                    out.dropped[f"lost grounding: {problem.split(';')[0]}"] += 1
                    continue
                base = {"scene_id": it.scene_id, "images": it.images, "generator": f"mm_instruct_{task}",
                        "family": "open", "blind": False}
                out.items.append(_child(base, ev.question, ev.answer, "open", f"mm_instruct_{task}", 0, [],
                                        evolution_objects=ev.objects))
    return out


def evolve_command(items_path: str, out: str, rounds: int, seed: int, scenes_dir: str | None) -> Evolved:
    """Offline templates always; the model evolutions too when a model is configured."""
    from pathlib import Path

    from fyi.agents.settings import settings_from_env
    from fyi.data.jsonl import read_jsonl, write_jsonl

    if not 1 <= rounds <= 3:
        raise FyiError(f"--rounds: expected 1 to 3, got {rounds}")
    if scenes_dir is not None and not Path(scenes_dir).is_dir():
        raise FyiError(f"--scenes: {scenes_dir} is not a folder")
    items = read_jsonl(items_path, ItemLine)
    result = evolve_offline([i.model_dump() for i in items], rounds, seed)
    settings = settings_from_env().default
    if settings.configured:
        model = evolve_with_model(items, SceneFacts(Path(scenes_dir) if scenes_dir else None), rounds, seed, settings)
        result.items += model.items
        result.dropped.update(model.dropped)
    write_jsonl(out, result.items)
    return result


__all__ = ["EVOLUTIONS", "EvolvedItem", "Evolved", "OPEN_TASK_TYPES", "evolve_command", "evolve_compose",
           "evolve_format", "evolve_offline", "evolve_reasoning", "evolve_with_model", "grounding_problem", "harder"]
