"""`fyi instructions evolve`: a few seed scene instructions -> many diverse, buildable ones (a farm's JOBS).

Offline, a seed is parsed (fyi.agents.parser) into groups, relations and motions, mutated, and written
back as text in the parser's own grammar ("a wooden table, two red mugs on the table and a chair next to
the table; the camera orbits the table"). Mutations: one more object from the catalog related to one
already there (small things on a table-like surface, floor things beside it), a colour or material, a
count, a relation between two groups, a motion (an object rolling or sliding, the camera orbiting).
Each round mutates the previous round's outputs. With a model configured, the model writes variations
too, each with the claims it makes (objects, counts, colours, relations), validated by a schema.

Every output is parsed again and kept only if the parse holds at least what it claims: each claimed
group with its category, count and colour, each claimed relation and motion. What fails is counted.
"""
from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from pydantic import BaseModel, ConfigDict, Field

from fyi.agents.parser import parse_instruction
from fyi.agents.request import Request
from fyi.errors import FyiError

_ANCHORS = ("table", "desk", "coffee_table", "counter", "side_table")  # what small things stand on
_SIDE = ("next_to", "left_of", "right_of", "in_front_of", "behind", "near")
_PHRASE = {"on": "on", "in": "in", "next_to": "next to", "left_of": "to the left of", "right_of": "to the right of",
           "in_front_of": "in front of", "behind": "behind", "near": "near", "under": "under", "above": "above"}
_COLOURS = ("red", "blue", "green", "yellow", "white", "black", "orange", "purple", "pink", "brown", "gray")
_MATERIAL_WORDS = {"wood": "wooden", "metal": "metal", "glass": "glass", "plastic": "plastic", "ceramic": "ceramic",
                   "leather": "leather", "fabric": "fabric", "stone": "stone"}
_ROLLERS = ("ball", "sports_ball", "orange", "apple")
_COUNTS = {1: "a", 2: "two", 3: "three", 4: "four", 5: "five"}


@dataclass(frozen=True)
class Group:
    category: str
    count: int = 1
    color: str | None = None
    material: str | None = None  # a material kind (wood, metal...)


@dataclass(frozen=True)
class Scene:
    """What an instruction claims: groups, relations (subject index, predicate, object index), motions."""

    groups: tuple[Group, ...]
    relations: tuple[tuple[int, str, int], ...] = ()
    motions: tuple[tuple[str, str, str | None], ...] = ()  # (subject: group index as str or "camera", verb, direction/target)


def _plural(word: str) -> str:
    return word + "es" if word.endswith(("s", "sh", "ch", "x")) else word[:-1] + "ies" if re.search(r"[^aeiou]y$", word) else word + "s"


def _noun_phrase(g: Group) -> str:
    name = g.category.replace("_", " ")
    adjectives = " ".join(w for w in (g.color, _MATERIAL_WORDS.get(g.material or "")) if w)
    words = f"{adjectives} {name}".strip() if g.count == 1 else f"{adjectives} {_plural(name)}".strip()
    det = _COUNTS.get(g.count, str(g.count))
    if det == "a" and words[0] in "aeiou":
        det = "an"
    return f"{det} {words}"


def render(scene: Scene) -> str:
    """The scene as text in the parser's grammar: groups in order, each with its relation to an earlier one."""
    clauses = []
    for i, g in enumerate(scene.groups):
        rel = next(((p, o) for s, p, o in scene.relations if s == i and o < i), None)
        text = _noun_phrase(g)
        if rel is not None:
            text += f" {_PHRASE[rel[0]]} the {scene.groups[rel[1]].category.replace('_', ' ')}"
        clauses.append(text)
    body = clauses[0] if len(clauses) == 1 else ", ".join(clauses[:-1]) + " and " + clauses[-1]
    for s, p, o in scene.relations:  # relations to later groups get their own sentence
        if o > s:
            body += (f"; the {scene.groups[s].category.replace('_', ' ')} is {_PHRASE[p]} the "
                     f"{scene.groups[o].category.replace('_', ' ')}")
    for subject, verb, how in scene.motions:
        if subject == "camera":
            body += f"; the camera orbits the {scene.groups[int(how)].category.replace('_', ' ')}"  # type: ignore[arg-type]
        else:
            body += f"; the {scene.groups[int(subject)].category.replace('_', ' ')} {verb}s to the {how}"
    return body


def scene_of(request: Request) -> Scene:
    """The claims of a parsed instruction (between-relations and unusual motions are left out)."""
    refs = [o.ref for o in request.objects]
    groups = tuple(Group(o.category, o.count, o.attributes.color,
                         _material_kind(o.attributes.material)) for o in request.objects)
    relations = tuple((refs.index(r.subject), r.predicate, refs.index(r.object)) for r in request.relations
                      if r.predicate in _PHRASE and r.subject != r.object)
    motions: list[tuple[str, str, str | None]] = []
    for m in request.motions:
        if m.subject == "camera" and m.verb == "orbit" and m.target in refs:
            motions.append(("camera", "orbit", str(refs.index(m.target))))
        elif m.subject in refs and m.verb in ("roll", "slide") and m.direction in ("left", "right"):
            motions.append((str(refs.index(m.subject)), m.verb, m.direction))
    return Scene(groups, relations, tuple(motions))


def _material_kind(word: str | None) -> str | None:
    if word is None:
        return None
    from fyi.assets.style import MATERIALS

    return MATERIALS.get(word, word)


def holds(text: str, claimed: Scene) -> str | None:
    """None when the parse of text holds every claim, else the first claim it misses."""
    try:
        parsed = parse_instruction(text)
    except FyiError as e:
        return f"does not parse: {e}"
    got = scene_of(parsed)
    index: dict[int, list[int]] = {}
    for i, g in enumerate(claimed.groups):
        matches = [j for j, h in enumerate(got.groups) if h.category == g.category and h.count == g.count
                   and (g.color is None or h.color == g.color) and (g.material is None or h.material == g.material)]
        if not matches:
            return f"group {_noun_phrase(g)!r} not parsed"
        index[i] = matches
    for s, p, o in claimed.relations:
        if not any((s2, p, o2) in got.relations for s2 in index[s] for o2 in index[o]):
            return f"relation {p} not parsed"
    for subject, verb, how in claimed.motions:
        if subject == "camera":
            ok = any(m[0] == "camera" and int(m[2]) in index[int(how)] for m in got.motions)  # type: ignore[arg-type]
        else:
            ok = any(m[0] != "camera" and int(m[0]) in index[int(subject)] and m[1] == verb and m[2] == how
                     for m in got.motions)
        if not ok:
            return f"motion {verb} not parsed"
    return None


# ---------------------------------------------------------------- mutations
def _catalog(placement: str) -> list[str]:
    from fyi.assets.catalog import categories

    return sorted(c.name for c in categories() if c.placement == placement)


def mutate(scene: Scene, rng: random.Random) -> tuple[str, Scene] | None:
    """One random mutation (its name and the new scene), or None when the drawn one does not apply."""
    kind = rng.choice(("object", "object", "attribute", "count", "relation", "motion"))
    groups, relations, motions = list(scene.groups), list(scene.relations), list(scene.motions)
    if kind == "object" and len(groups) < 8:
        anchors = [i for i, g in enumerate(groups) if g.category in _ANCHORS]
        if anchors and rng.random() < 0.6:
            new = Group(rng.choice(_catalog("surface")), rng.choice((1, 1, 2, 3)), rng.choice((None,) + _COLOURS))
            relations.append((len(groups), "on", rng.choice(anchors)))
        else:
            new = Group(rng.choice(_catalog("floor")), 1, rng.choice((None, None) + _COLOURS))
            relations.append((len(groups), rng.choice(_SIDE), rng.randrange(len(groups))))
        groups.append(new)
    elif kind == "attribute":
        i = rng.randrange(len(groups))
        g = groups[i]
        if g.color is None:
            groups[i] = replace(g, color=rng.choice(_COLOURS))
        elif g.material is None:
            groups[i] = replace(g, material=rng.choice(sorted(_MATERIAL_WORDS)))
        else:
            return None
    elif kind == "count":
        small = [i for i, g in enumerate(groups) if g.category not in _ANCHORS and not any(r[2] == i for r in relations)]
        if not small:
            return None
        i = rng.choice(small)
        groups[i] = replace(groups[i], count=rng.choice([n for n in (1, 2, 3, 4) if n != groups[i].count]))
    elif kind == "relation":
        related = {(s, o) for s, _, o in relations} | {(o, s) for s, _, o in relations}
        free = [(s, o) for s in range(len(groups)) for o in range(s) if (s, o) not in related]
        if not free:
            return None
        s, o = rng.choice(free)
        relations.append((s, rng.choice(_SIDE), o))
    elif kind == "motion" and not motions:
        rollers = [i for i, g in enumerate(groups) if g.category in _ROLLERS and g.count == 1]
        if rollers and rng.random() < 0.5:
            motions.append((str(rng.choice(rollers)), rng.choice(("roll", "slide")), rng.choice(("left", "right"))))
        else:
            motions.append(("camera", "orbit", str(rng.randrange(len(groups)))))
    else:
        return None
    return kind, Scene(tuple(groups), tuple(relations), tuple(motions))


@dataclass
class Evolution:
    jobs: list[dict] = field(default_factory=list)
    dropped: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)


class SeedLine(BaseModel):
    model_config = ConfigDict(extra="allow")

    instruction: str = Field(min_length=1, max_length=2000)
    id: str | None = None


def _job_id(text: str) -> str:
    import hashlib

    return "evo-" + hashlib.sha256(text.encode()).hexdigest()[:12]


def evolve_offline(seeds: list[str], rounds: int, seed: int, per_seed: int = 4) -> Evolution:
    """`per_seed` mutations of every instruction, for `rounds` rounds; each output kept only if it parses
    to what it claims; the same seeds, rounds and seed give the same jobs."""
    rng = random.Random(seed)
    out = Evolution()
    seen: set[str] = set()
    current: list[Scene] = []
    for text in seeds:
        try:
            current.append(scene_of(parse_instruction(text)))
        except FyiError:
            out.dropped["seed does not parse"] += 1
    for _ in range(rounds):
        produced = []
        for scene in current:
            if not scene.groups:
                continue
            for _ in range(per_seed):
                mutated = mutate(scene, rng)
                if mutated is None:
                    out.dropped["mutation does not apply"] += 1
                    continue
                kind, new = mutated
                text = render(new)
                if text in seen:
                    out.dropped["duplicate"] += 1
                    continue
                problem = holds(text, new)
                if problem:
                    out.dropped[f"parse misses a claim: {problem.split(' ')[0]}"] += 1
                    continue
                seen.add(text)
                out.kinds[kind] += 1
                out.jobs.append({"instruction": text, "id": _job_id(text)})
                produced.append(new)
        current = produced
    return out


# ---------------------------------------------------------------- with a model
class ClaimedGroup(BaseModel):
    model_config = ConfigDict(extra="forbid")

    category: str
    count: int = Field(default=1, ge=1, le=50)
    color: str | None = None


class ClaimedRelation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    subject: int = Field(ge=0)
    predicate: str
    object: int = Field(ge=0)


class Variation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    instruction: str = Field(min_length=3, max_length=2000)
    objects: list[ClaimedGroup] = Field(min_length=1)
    relations: list[ClaimedRelation] = []


class Variations(BaseModel):
    """New scene instructions written from a seed, each with what it claims."""

    model_config = ConfigDict(extra="forbid")

    variations: list[Variation]


VARIATION_PROMPT = """\
You write new instructions for a 3D scene generator, each a richer variation of the seed: more objects, \
colours, counts, spatial relations, motion. Use only these object categories: {categories}. Relations \
(predicates): {predicates}. For each instruction list the object groups it asks for (category, count, \
colour) and its relations between those groups (by their index in your list). Write {n} variations."""


def evolve_with_model(seeds: list[str], rounds: int, settings, n: int = 4) -> Evolution:
    from fyi.agents.model_client import ModelClient
    from fyi.assets.catalog import categories

    client = ModelClient(settings, "evolver")
    out = Evolution()
    system = VARIATION_PROMPT.format(categories=", ".join(c.name for c in categories()),
                                     predicates=", ".join(_PHRASE), n=n)
    current = list(seeds)
    seen: set[str] = set()
    for _ in range(rounds):
        produced = []
        for text in current:
            try:
                answer, _ = client.complete_json(system, f"Seed: {text}", Variations)
            except FyiError:
                out.dropped["the model gave no valid variations"] += 1
                continue
            for v in answer.variations:
                if v.instruction in seen:
                    out.dropped["duplicate"] += 1
                    continue
                bad = [r for r in v.relations if r.predicate not in _PHRASE or max(r.subject, r.object) >= len(v.objects)]
                if bad:
                    out.dropped["a claimed relation names no claimed group"] += 1
                    continue
                claimed = Scene(tuple(Group(g.category, g.count, g.color) for g in v.objects),
                                tuple((r.subject, r.predicate, r.object) for r in v.relations))
                problem = holds(v.instruction, claimed)
                if problem:
                    out.dropped[f"parse misses a claim: {problem.split(' ')[0]}"] += 1
                    continue
                seen.add(v.instruction)
                out.kinds["model"] += 1
                out.jobs.append({"instruction": v.instruction, "id": _job_id(v.instruction)})
                produced.append(v.instruction)
        current = produced
    return out


def evolve_command(seeds_path: str, rounds: int, out: str | None, seed: int) -> Evolution:
    """Read SEEDS.jsonl, evolve offline (and with a model when configured); write or return the jobs."""
    from fyi.agents.settings import settings_from_env
    from fyi.data.jsonl import read_jsonl, write_jsonl

    if not 1 <= rounds <= 5:
        raise FyiError(f"--rounds: expected 1 to 5, got {rounds}")
    seeds = [s.instruction for s in read_jsonl(seeds_path, SeedLine)]
    result = evolve_offline(seeds, rounds, seed)
    settings = settings_from_env().default
    if settings.configured:
        model = evolve_with_model(seeds, rounds, settings)
        known = {j["instruction"] for j in result.jobs}
        result.jobs += [j for j in model.jobs if j["instruction"] not in known]
        result.dropped.update(model.dropped)
        result.kinds.update(model.kinds)
    if out is not None:
        write_jsonl(out, result.jobs)
    return result


__all__ = ["Evolution", "Group", "Scene", "Variations", "evolve_command", "evolve_offline", "evolve_with_model",
           "holds", "mutate", "render", "scene_of"]
