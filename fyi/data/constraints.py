"""Constraint-bearing instructions after MM-IFEngine (arXiv 2504.07957): the taxonomy, its verifiers, composition.

MM-IFEngine attaches *compose-level* constraints (32 types in six families: text length, mathematics,
language & format, rhetoric & logic, action, keywords) and *perception-level* constraints (tied to the
image) to an instruction. Each type here has:

- phrasings: several renderings into instruction text, filled with its parameters;
- `draw(rng, ctx)`: parameters drawn under a seed; given `ctx.text` (an answer) they are drawn so that
  this answer satisfies them (what the offline DPO builder needs); None when the type does not apply;
- `verify(answer, params, facts) -> (ok, reason)` in plain Python for every rule-checkable type; the
  five types that only a reader can judge (rhetoric, counterpoint, role, tone, audience) have none and
  go to a judge model (fyi.data.verify), never guessed;
- for the offline DPO builder: `satisfy` (rewrite a text so it holds) and `violate` (rewrite a text
  that holds so it no longer does) where a rewrite can be exact.

The type names follow the checks of MM-IFEngine's released verifier code (word/sentence/paragraph
counts and per-paragraph counts, start/end substrings, keyword frequencies, number precision, no
arabic numerals) and the paper's six families; each type's docstring-line in TYPES says what it checks.
Scene facts (`facts_from_scene`) are what perception constraints are checked against: the objects of
scene.json with their colour, material and left-to-right order as seen from view 0.
"""
from __future__ import annotations

import functools
import hashlib
import json
import math
import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from fyi.data.scene_facts import project

FAMILIES = ("text_length", "math", "language_format", "rhetoric_logic", "action", "keyword", "perception")

Verdict = tuple[bool, str]


# ---------------------------------------------------------------- text measures (one definition each)
_WORD = re.compile(r"[^\W_][\w'’-]*", re.UNICODE)
_LIST_MARKER = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+", re.MULTILINE)
_NUMBER = re.compile(r"(?<![\w.])[+-]?\d+(?:,\d{3})*(?:\.\d+)?(?:[eE][+-]?\d+)?%?(?![\w])")
_SCIENTIFIC = re.compile(r"^[+-]?\d(?:\.\d+)?[eE][+-]?\d+%?$")
_NUMBER_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                 "fifteen sixteen seventeen eighteen nineteen twenty").split()


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def paragraphs(text: str) -> list[str]:
    """Blocks separated by a blank line (MM-IFEngine's definition)."""
    clean = "\n".join(line.strip() for line in text.strip().splitlines())
    return [p for p in re.split(r"\n\s*\n", clean) if p.strip()]


def sentences(text: str) -> list[str]:
    """Sentences: split at . ! ? followed by space, and at line breaks (a list item is one sentence)."""
    out = []
    for line in text.strip().splitlines():
        line = _LIST_MARKER.sub("", line).strip()
        out += [s for s in re.split(r"(?<=[.!?])\s+", line) if re.search(r"\w", s)]
    return out


def numbers(text: str) -> list[str]:
    """Numbers written with digits, list markers ("1. ") left out."""
    return _NUMBER.findall(_LIST_MARKER.sub("", text))


def mentions(text: str, name: str) -> int:
    """How often a name (a category, a keyword; plural -s/-es too) occurs as whole words, ignoring case."""
    stem = re.escape(name.lower().replace("_", " ")).replace(r"\ ", r"\s+")
    return len(re.findall(rf"\b{stem}(?:s|es)?\b", text.lower()))


def spoken(n: int) -> str:
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n)


# ---------------------------------------------------------------- scene facts for perception constraints
def facts_from_scene(scene: dict, instance_mask=None) -> dict:
    """What perception constraints check against: each object's category, colour, material, whether view 0
    shows it, and its horizontal centre `x` and extent `span` there (fractions of the width, 0 = left
    edge), from a scene.json dict. With view 0's instance mask (a 2D array of instance ids) they come from
    the object's pixels, and an object without pixels is not visible; without it, from its projected box."""
    cams = scene.get("cameras") or []
    objects = []
    for o in scene.get("objects", []):
        visible, xs = True, []
        if instance_mask is not None:
            cols = (instance_mask == o.get("instance_id")).nonzero()[1]
            visible = cols.size > 0
            xs = [float(cols.min()), float(cols.mean() + 0.5), float(cols.max() + 1)] if visible else []
            xs = [v / instance_mask.shape[1] for v in xs]
        elif cams:
            lo, hi = o["bbox"]["min"], o["bbox"]["max"]
            corners = [_image_x(cams[0], [(lo, hi)[i >> k & 1][k] for k in range(3)]) for i in range(8)]
            centre = _image_x(cams[0], [(a + b) / 2 for a, b in zip(lo, hi)])
            if centre is not None and None not in corners:
                xs = [min(corners), centre, max(corners)]  # type: ignore[type-var]
        attrs = o.get("attributes") or {}
        objects.append({"id": o["id"], "category": o["category"], "name": o["category"].replace("_", " "),
                        "color": attrs.get("color"), "material": attrs.get("material"), "visible": visible,
                        "x": round(xs[1], 4) if xs else None,
                        "span": [round(xs[0], 4), round(xs[2], 4)] if xs else None})
    return {"scene_id": scene.get("scene_id"), "objects": objects}


def _shown(facts: dict) -> list[dict]:
    """The objects view 0 shows (all of them when the facts were made without the instance mask)."""
    return [o for o in facts.get("objects", []) if o.get("visible", True)]


def _image_x(camera: dict, point: list[float]) -> float | None:
    """The column of a world point in a camera, as a fraction of the width; None behind the camera."""
    x, _, depth = project(camera, np.asarray(camera["c2w"], float), np.asarray(point, float))
    return None if depth <= 1e-6 else x / camera["width"]


def left_to_right(facts: dict, overlap: float = 0.1) -> list[str] | None:
    """Category names in view 0 from left to right, or None when that order is not clear-cut: each kind's
    objects must lie wholly left of the next kind's (their extents may overlap by `overlap` of the
    narrower one), as "left of" is judged between boxes. A table that the others stand on has no place."""
    spans: dict[str, list[float]] = {}
    for o in _shown(facts):
        if o.get("span") is None:
            return None
        lo, hi = o["span"]
        s = spans.setdefault(o["name"], [lo, hi])
        s[0], s[1] = min(s[0], lo), max(s[1], hi)
    order = sorted(spans, key=lambda n: sum(spans[n]))
    for a, b in zip(order, order[1:]):
        (a0, a1), (b0, b1) = spans[a], spans[b]
        if a1 - b0 > overlap * min(a1 - a0, b1 - b0):
            return None
    return order if len(order) >= 2 else None


_ADJECTIVE = {"wood": "wooden", "fur": "furry"}  # material kinds whose adjective differs from the noun


def describe(facts: dict) -> str:
    """An exact description of the scene from its facts: the kinds of object left to right (or in scene
    order), each with its count and colour/material words. Every sentence is true by construction."""
    groups: dict[str, list[dict]] = {}
    for o in _shown(facts):
        groups.setdefault(o["name"], []).append(o)
    order = left_to_right(facts) or list(groups)
    parts = []
    for name in order:
        objs = groups[name]
        # a colour or material word only when every object of the group has it: "two red mugs" is exact
        colours = {o.get("color") for o in objs}
        materials = {o.get("material") for o in objs}
        adjectives = " ".join([c for c in colours if c and len(colours) == 1] +
                              [_ADJECTIVE.get(m, m) for m in materials if m and len(materials) == 1])
        noun = name if len(objs) == 1 else (name + "es" if name.endswith(("s", "sh", "ch", "x")) else name + "s")
        phrase = f"{adjectives} {noun}".strip()
        count = spoken(len(objs)) if len(objs) > 1 else ("an" if phrase[0] in "aeiou" else "a")
        parts.append(f"{count} {phrase}")
    if not parts:
        return "The scene is empty."
    listing = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    where = " from left to right" if left_to_right(facts) else ""
    return f"The scene shows {listing}{where}."


# ---------------------------------------------------------------- the type record
@dataclass
class Context:
    """What drawing parameters may look at: the scene facts, and the answer they must fit (or None)."""

    facts: dict = field(default_factory=dict)
    text: str | None = None


@dataclass(frozen=True)
class ConstraintType:
    name: str
    family: str
    what: str                                           # what it asks, in one line (documentation)
    phrasings: tuple[str, ...]                           # str.format templates over the params
    draw: Callable[[random.Random, Context], dict | None]
    verify: Callable[[str, dict, dict], Verdict] | None  # None: a judge model decides
    satisfy: Callable[[str, dict, dict], str] | None = None
    violate: Callable[[str, dict, dict], str] | None = None
    slots: frozenset[str] = frozenset()                 # exclusive resources: two types sharing one conflict
    english: bool = True                                # its check reads English words

    def render(self, params: dict, rng: random.Random) -> str:
        values = {k: (", ".join(map(repr, v)) if isinstance(v, list) else v) for k, v in params.items()}
        return rng.choice(self.phrasings).format(**values)


def _range(rng: random.Random, n: int | None, lo: int, hi: int, width: int) -> tuple[int, int]:
    """A range [a, b] inside [lo, hi]: around n when an answer is given, else anywhere."""
    if n is not None:
        a = max(lo, n - rng.randint(0, width))
        return a, max(a, n) + rng.randint(0, width)
    a = rng.randint(lo, hi)
    return a, a + rng.randint(1, width)


def _in(count: int, p: dict, what: str) -> Verdict:
    ok = p["lo"] <= count <= p["hi"]
    return ok, f"{count} {what} ({'within' if ok else 'outside'} {p['lo']}-{p['hi']})"


def _all(items: list[str], check: Callable[[str], bool], what: str) -> Verdict:
    bad = [i for i, s in enumerate(items) if not check(s)]
    return (not bad and bool(items)), (f"every {what} holds" if not bad and items else
                                        f"no {what}" if not items else f"{what} {bad[0] + 1} fails: {items[bad[0]][:60]!r}")


# ---------------------------------------------------------------- text length
def _draw_words(rng, ctx):
    lo, hi = _range(rng, len(words(ctx.text)) if ctx.text else None, 5, 60, 15)
    return {"lo": lo, "hi": hi}


def _draw_sentences(rng, ctx):
    lo, hi = _range(rng, len(sentences(ctx.text)) if ctx.text else None, 1, 5, 2)
    return {"lo": max(1, lo), "hi": max(1, hi)}


def _draw_paragraphs(rng, ctx):
    n = len(paragraphs(ctx.text)) if ctx.text else None
    lo, hi = _range(rng, n, 1, 3, 1)
    return {"lo": max(1, lo), "hi": max(1, hi)}


def _draw_per_paragraph(measure):
    def draw(rng, ctx):
        if ctx.text:
            counts = [len(measure(p)) for p in paragraphs(ctx.text)]
            if not counts:
                return None
            return {"lo": max(1, min(counts) - rng.randint(0, 2)), "hi": max(counts) + rng.randint(0, 3)}
        lo = rng.randint(1, 4) if measure is sentences else rng.randint(10, 30)
        return {"lo": lo, "hi": lo + (rng.randint(1, 3) if measure is sentences else rng.randint(10, 30))}
    return draw


def _draw_sentence_max(rng, ctx):
    longest = max((len(words(s)) for s in sentences(ctx.text)), default=0) if ctx.text else None
    return {"max": max(longest or 0, rng.randint(12, 25)) if longest is not None else rng.randint(8, 20)}


def _pad_sentences(text, p, facts):
    """More sentences than `hi`: the text's own sentences repeated."""
    extra = " ".join(sentences(text) * (p["hi"] + 1))
    return text.rstrip() + " " + extra


def _double_words(text, p, facts):
    return text.rstrip() + " " + " ".join(["Indeed."] * (p["hi"] + 1))


def _one_paragraph_more(text, p, facts):
    paras = paragraphs(text)
    return "\n\n".join(paras + paras[-1:] * (p["hi"] + 1 - len(paras)))


def _long_sentence(text, p, facts):
    return text.rstrip() + " " + " ".join(["and"] * p["max"]) + " so on."


# ---------------------------------------------------------------- mathematics
def _draw_precision(rng, ctx):
    return {"places": rng.choice((1, 2))}


def _spelled_number(text: str) -> str | None:
    """A number written as a word ("two"; "one" is left out: it is as often a pronoun), or None."""
    return next((w for w in re.findall(r"[a-z]+", text.lower()) if w in _NUMBER_WORDS[2:]), None)


def _no_numbers(text: str, what: str) -> Verdict:
    """The verdict on a text without digit numbers: true of a text without numbers at all (as MM-IFEngine's
    precision checks are), false when a number is spelt out instead of written as asked."""
    word = _spelled_number(text)
    return (word is None), ("no numbers" if word is None else f"{word!r} is spelt out, not written {what}")


def _check_places(text, p, facts):
    found = numbers(text)
    bad = [n for n in found if "." not in n or len(n.rstrip("%").split(".")[1].split("e")[0]) != p["places"]]
    if not found:
        return _no_numbers(text, f"with {p['places']} decimals")
    return (not bad), (f"every number has {p['places']} decimals" if not bad else f"{bad[0]} has not {p['places']} decimals")


def _fix_places(text, p, facts):
    return _NUMBER.sub(lambda m: f"{float(m.group().replace(',', '').rstrip('%')):.{p['places']}f}"
                       + ("%" if m.group().endswith("%") else ""), text)


def _check_no_digits(text, p, facts):
    found = numbers(text)
    return (not found), ("no numerals" if not found else f"numeral {found[0]!r}")


def _spell_numbers(text, p, facts):
    return _NUMBER.sub(lambda m: spoken(int(float(m.group().replace(",", "").rstrip("%"))))
                       if re.fullmatch(r"\d+", m.group()) and int(m.group()) < len(_NUMBER_WORDS) else m.group(), text)


def _check_scientific(text, p, facts):
    found = numbers(text)
    bad = [n for n in found if not _SCIENTIFIC.match(n)]
    if not found:
        return _no_numbers(text, "in scientific notation")
    return (not bad), ("every number in scientific notation" if not bad else f"{bad[0]} is not in scientific notation")


def _to_scientific(text, p, facts):
    return _NUMBER.sub(lambda m: f"{float(m.group().replace(',', '').rstrip('%')):.1e}", text)


_ARITH = re.compile(r"(\d+(?:\.\d+)?)\s*([+\-×x*/÷])\s*(\d+(?:\.\d+)?)\s*=\s*(\d+(?:\.\d+)?)")


def _check_arithmetic(text, p, facts):
    eqs = _ARITH.findall(text)
    if not eqs:
        return False, "no worked equation like '2 + 3 = 5'"
    ops = {"+": float.__add__, "-": float.__sub__, "*": float.__mul__, "x": float.__mul__, "×": float.__mul__,
           "/": float.__truediv__, "÷": float.__truediv__}
    for a, op, b, c in eqs:
        if op in "/÷" and float(b) == 0:
            return False, f"division by zero in {a} {op} {b}"
        if not math.isclose(ops[op](float(a), float(b)), float(c), abs_tol=1e-6):
            return False, f"{a} {op} {b} = {c} is wrong"
    return True, f"{len(eqs)} correct equation(s)"


# ---------------------------------------------------------------- language and format
_SCRIPTS = {"English": ("LATIN",), "Chinese": ("CJK UNIFIED",), "Japanese": ("HIRAGANA", "KATAKANA", "CJK UNIFIED"),
            "Korean": ("HANGUL",), "Russian": ("CYRILLIC",), "Greek": ("GREEK",), "Arabic": ("ARABIC",),
            "Hindi": ("DEVANAGARI",)}


def _check_language(text, p, facts):
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False, "no letters"
    scripts = _SCRIPTS[p["language"]]
    share = sum(unicodedata.name(c, "").startswith(scripts) for c in letters) / len(letters)
    return share >= 0.9, f"{share:.0%} of letters in {p['language']} script"


def _json_body(text: str):
    body = re.sub(r"^```(?:json)?\s*|\s*```$", "", text.strip())
    try:
        return json.loads(body)
    except ValueError:
        return None


def _check_json(text, p, facts):
    value = _json_body(text)
    if not isinstance(value, dict):
        return False, "not a JSON object"
    missing = [k for k in p["keys"] if k not in value]
    return (not missing), ("a JSON object with " + ", ".join(p["keys"]) if not missing else f"key {missing[0]!r} missing")


def _to_json(text, p, facts):
    return json.dumps({p["keys"][0]: text}, ensure_ascii=False)


def _table_rows(text: str) -> list[list[str]]:
    rows = [line.strip() for line in text.splitlines() if line.strip().startswith("|")]
    return [[c.strip() for c in r.strip("|").split("|")] for r in rows]


def _check_table(text, p, facts):
    rows = _table_rows(text)
    if len(rows) < 3 or not all(re.fullmatch(r":?-{3,}:?", c) for c in rows[1]):
        return False, "no markdown table (header, |---| row, at least one row)"
    header = [c.lower() for c in rows[0]]
    missing = [c for c in p["columns"] if c.lower() not in header]
    return (not missing), ("a table with columns " + ", ".join(p["columns"]) if not missing else f"no column {missing[0]!r}")


def _to_table(text, p, facts):
    groups: dict[str, list[dict]] = {}
    for o in _shown(facts):
        groups.setdefault(o["name"], []).append(o)
    order = left_to_right(facts) or list(groups)
    head = "| " + " | ".join(p["columns"]) + " |\n|" + "---|" * len(p["columns"]) + "\n"
    cell = {"object": lambda n, g: n, "count": lambda n, g: spoken(len(g)),
            "colour": lambda n, g: ", ".join(sorted({o["color"] for o in g if o.get("color")})) or "-"}
    return head + "\n".join("| " + " | ".join(cell[c](n, groups[n]) for c in p["columns"]) + " |" for n in order)


def _bullets(text: str, numbered: bool) -> list[str]:
    marker = r"\d+[.)]" if numbered else r"[-*•]"
    return re.findall(rf"^\s*{marker}\s+\S.*$", text, re.MULTILINE)


def _check_list(numbered: bool):
    def check(text, p, facts):
        items = _bullets(text, numbered)
        lines = [line for line in text.splitlines() if line.strip()]
        ok = len(items) == p["n"] and len(items) == len(lines)
        return ok, f"{len(items)} {'numbered' if numbered else 'bullet'} items of {len(lines)} lines (asked {p['n']})"
    return check


def _to_list(numbered: bool):
    def rewrite(text, p, facts):
        parts = sentences(text)
        if len(parts) < p["n"]:
            parts += [parts[-1]] * (p["n"] - len(parts))
        merged = parts[:p["n"] - 1] + [" ".join(parts[p["n"] - 1:])]
        return "\n".join((f"{i + 1}. " if numbered else "- ") + s for i, s in enumerate(merged))
    return rewrite


def _draw_list(rng, ctx):
    most = len(sentences(ctx.text)) if ctx.text else 5  # an answer is split at its sentences, never padded
    return {"n": max(1, min(most, rng.randint(2, 5)))}


def _check_title(text, p, facts):
    first = text.strip().splitlines()[0] if text.strip() else ""
    ok = bool(re.match(r"^#{1,3}\s+\S", first))
    return ok, ("starts with a markdown title" if ok else f"first line is not a '# ' title: {first[:40]!r}")


def _add_title(text, p, facts):
    return "# " + p.get("title", "Answer") + "\n\n" + text


def _check_case(text, p, facts):
    letters = [c for c in text if c.isalpha() and c.lower() != c.upper()]
    bad = [c for c in letters if (c.isupper() if p["case"] == "lowercase" else c.islower())]
    return (not bad and bool(letters)), (f"all {p['case']}" if not bad else f"{len(bad)} letters not {p['case']}")


def _check_no_commas(text, p, facts):
    n = text.count(",") + text.count("，")
    return n == 0, f"{n} commas"


# ---------------------------------------------------------------- rhetoric and logic
def _check_order(text, p, facts):
    low = text.lower()
    places = [re.search(rf"\b{w}\b", low) for w in p["markers"]]
    if not all(places):
        return False, f"missing {p['markers'][places.index(None)]!r}"
    starts = [m.start() for m in places]  # type: ignore[union-attr]
    return starts == sorted(starts), ("markers in order" if starts == sorted(starts) else "markers out of order")


_CAUSAL = ("because", "therefore", "as a result", "so that", "since", "thus", "hence", "due to")


def _check_causal(text, p, facts):
    found = [w for w in _CAUSAL if re.search(rf"\b{w}\b", text.lower())]
    return bool(found), (f"uses {found[0]!r}" if found else "no causal connective (" + ", ".join(_CAUSAL[:4]) + "...)")


_FIRST_PERSON = re.compile(r"\b(i|me|my|mine|we|us|our|ours)\b", re.IGNORECASE)


def _check_person(text, p, facts):
    found = _FIRST_PERSON.findall(text)
    if p["person"] == "first":
        return bool(found), ("first-person words present" if found else "no first-person word (I, my, we...)")
    return (not found), ("no first-person word" if not found else f"first-person word {found[0]!r}")


def _to_first_person(text, p, facts):
    return "I see this: " + text


# ---------------------------------------------------------------- action
def _check_prefix(text, p, facts):
    ok = text.strip().startswith(p["prefix"])
    return ok, ("starts with the prefix" if ok else f"does not start with {p['prefix']!r}")


def _check_suffix(text, p, facts):
    ok = text.strip().endswith(p["suffix"])
    return ok, ("ends with the suffix" if ok else f"does not end with {p['suffix']!r}")


def _check_postscript(text, p, facts):
    ok = bool(re.search(r"^\s*P\.\s?S\.", text, re.MULTILINE))
    return ok, ("has a P.S." if ok else "no line starting with 'P.S.'")


# ---------------------------------------------------------------- keywords
_FILLER = {"the", "a", "an", "and", "of", "in", "on", "is", "are", "to", "with", "it", "this", "that", "there"}


def _content_words(text: str) -> list[str]:
    return sorted({w.lower() for w in words(text) if w.isalpha() and len(w) > 3 and w.lower() not in _FILLER})


def _draw_include(rng, ctx):
    pool = _content_words(ctx.text) if ctx.text else sorted({o["name"] for o in ctx.facts.get("objects", [])
                                                             if " " not in o["name"]} | {"scene", "image"})
    return {"keywords": rng.sample(pool, min(len(pool), rng.randint(1, 2)))} if pool else None


_AVOIDABLE = ("very", "really", "beautiful", "nice", "basically", "obviously", "amazing", "thing", "stuff")


def _draw_exclude(rng, ctx):
    pool = [w for w in _AVOIDABLE if not ctx.text or not mentions(ctx.text, w)]
    return {"keywords": rng.sample(pool, min(len(pool), rng.randint(1, 2)))} if pool else None


def _check_include(text, p, facts):
    missing = [k for k in p["keywords"] if not mentions(text, k)]
    return (not missing), ("every keyword present" if not missing else f"keyword {missing[0]!r} missing")


def _check_exclude(text, p, facts):
    found = [k for k in p["keywords"] if mentions(text, k)]
    return (not found), ("no forbidden keyword" if not found else f"forbidden keyword {found[0]!r} used")


def _draw_frequency(rng, ctx):
    if ctx.text:
        counted = [(w, mentions(ctx.text, w)) for w in _content_words(ctx.text)]
        counted = [(w, n) for w, n in counted if n >= 1]
        if not counted:
            return None
        w, n = rng.choice(counted)
        return {"keyword": w, "n": n}
    names = sorted({o["name"] for o in ctx.facts.get("objects", []) if " " not in o["name"]}) or ["scene"]
    return {"keyword": rng.choice(names), "n": rng.randint(2, 3)}


def _check_frequency(text, p, facts):
    n = mentions(text, p["keyword"])
    return n == p["n"], f"{p['keyword']!r} {n} times (asked {p['n']})"


def _drop_keyword(key: str):
    def rewrite(text, p, facts):
        out = text
        for k in (p["keywords"] if key == "keywords" else [p["keyword"]]):
            stem = re.escape(k).replace(r"\ ", r"\s+")
            out = re.sub(rf"\b{stem}(?:s|es)?\b", "item", out, flags=re.IGNORECASE)
        return out
    return rewrite


# ---------------------------------------------------------------- perception (tied to the scene)
def _draw_colour(rng, ctx):
    colours = sorted({o["color"] for o in _shown(ctx.facts) if o.get("color")})
    return {"color": rng.choice(colours)} if colours else None


def _check_colour(text, p, facts):
    names = sorted({o["name"] for o in _shown(facts) if o.get("color") == p["color"]})
    if not names:
        return False, f"the scene has no {p['color']} object (facts and constraint disagree)"
    missing = [n for n in names if not mentions(text, n)]
    return (not missing), (f"every {p['color']} object named" if not missing else f"{p['color']} {missing[0]} not named")


def _draw_order(rng, ctx):
    return {} if left_to_right(ctx.facts) else None


def _check_order_lr(text, p, facts):
    order = left_to_right(facts)
    if not order:
        return False, "the scene has no clear left-to-right order"
    firsts = []
    for n in order:
        m = re.search(rf"\b{re.escape(n)}(?:s|es)?\b", text.lower())
        if m is None:
            return False, f"{n} not named"
        firsts.append(m.start())
    ok = firsts == sorted(firsts)
    return ok, ("named left to right" if ok else "not in left-to-right order (" + ", ".join(order) + ")")


def _draw_count(rng, ctx):
    names = sorted({o["name"] for o in _shown(ctx.facts)})
    return {"object": rng.choice(names)} if names else None


_COUNTED = re.compile(r"\b(\d+|" + "|".join(_NUMBER_WORDS) + r"|a|an|single)\b((?:\s+[a-z-]+){0,3}?)\s+")


def _check_count(text, p, facts):
    """The count said right before the object's name (up to three words between: "two red mugs")."""
    n = sum(o["name"] == p["object"] for o in _shown(facts))
    name = re.escape(p["object"]).replace(r"\ ", r"\s+")
    said = set()
    for m in re.finditer(_COUNTED.pattern + rf"{name}(?:s|es)?\b", text.lower()):
        word = m.group(1)
        said.add(int(word) if word.isdigit() else 1 if word in ("a", "an", "single") else _NUMBER_WORDS.index(word))
    return (n in said), (f"states {n}" if n in said else f"states {sorted(said) or 'no count'}, not {n}")


@functools.lru_cache(maxsize=1)
def _catalog_words() -> tuple[str, ...]:
    """Catalog category names as words, without those that are also colour or material words."""
    from fyi.assets.catalog import categories
    from fyi.assets.style import COLORS, MATERIALS

    return tuple(n for n in (c.name.replace("_", " ") for c in categories()) if n not in COLORS and n not in MATERIALS)


def absent_categories(facts: dict) -> list[str]:
    """Catalog categories not in the scene, as words, leaving out colour and material words and names that
    a present category's name contains or is contained in (the 'table' of 'coffee table')."""
    return list(_absent(frozenset(o["name"] for o in facts.get("objects", []))))


@functools.lru_cache(maxsize=256)
def _absent(present: frozenset[str]) -> tuple[str, ...]:
    return tuple(n for n in _catalog_words() if not any(n in p or p in n for p in present))


def named_in(text: str, names: list[str]) -> list[str]:
    """Which of the names (one to three words; plurals -s/-es too) the text mentions, by word n-grams."""
    tokens = re.findall(r"[a-z]+", text.lower())
    grams = set()
    for k in (1, 2, 3):
        for i in range(len(tokens) - k + 1):
            g = " ".join(tokens[i:i + k])
            grams |= {g, g[:-1] if g.endswith("s") else g, g[:-2] if g.endswith("es") else g}
    return [n for n in names if n in grams]


def _check_grounded(text, p, facts):
    named = named_in(text, absent_categories(facts))
    return (not named), ("names only objects in the scene" if not named else f"names {named[0]!r}, not in the scene")


# ---------------------------------------------------------------- the registry
def _t(name, family, what, phrasings, draw, verify=None, satisfy=None, violate=None, slots=(), english=True):
    return ConstraintType(name, family, what, tuple(phrasings), draw, verify, satisfy, violate, frozenset(slots), english)


_PREFIXES = ("Answer:", "Here is what I see:", "In short:", "Observation:")
_SUFFIXES = ("That is all.", "End of answer.", "Hope this helps.")
_ROLES = ("a museum tour guide", "a detective", "a sports commentator", "an interior designer", "a kindergarten teacher")
_TONES = ("formal", "enthusiastic", "humorous", "calm and neutral")
_AUDIENCES = ("a five-year-old child", "an engineer", "someone who cannot see the image")
_FIGURES = ("a metaphor", "a simile", "personification")

TYPES: dict[str, ConstraintType] = {t.name: t for t in [
    # text length -------------------------------------------------------------
    _t("word_count", "text_length", "the answer has lo..hi words",
       ["Answer in {lo} to {hi} words.", "Use between {lo} and {hi} words.", "Your reply must be {lo}-{hi} words long."],
       _draw_words, lambda t, p, f: _in(len(words(t)), p, "words"), violate=_double_words, slots={"length"}),
    _t("sentence_count", "text_length", "the answer has lo..hi sentences",
       ["Write {lo} to {hi} sentences.", "Use between {lo} and {hi} sentences.", "Answer in {lo}-{hi} sentences."],
       _draw_sentences, lambda t, p, f: _in(len(sentences(t)), p, "sentences"), violate=_pad_sentences,
       slots={"length", "shape"}),
    _t("paragraph_count", "text_length", "lo..hi paragraphs separated by blank lines",
       ["Write {lo} to {hi} paragraphs separated by blank lines.", "Use between {lo} and {hi} paragraphs."],
       _draw_paragraphs, lambda t, p, f: _in(len(paragraphs(t)), p, "paragraphs"), violate=_one_paragraph_more,
       slots={"length", "shape"}),
    _t("paragraph_sentences", "text_length", "every paragraph has lo..hi sentences",
       ["Each paragraph must have {lo} to {hi} sentences.", "Keep every paragraph between {lo} and {hi} sentences."],
       _draw_per_paragraph(sentences),
       lambda t, p, f: _all(paragraphs(t), lambda q: p["lo"] <= len(sentences(q)) <= p["hi"], "paragraph"),
       violate=_pad_sentences, slots={"length", "shape"}),
    _t("paragraph_words", "text_length", "every paragraph has lo..hi words",
       ["Each paragraph must have {lo} to {hi} words.", "Keep every paragraph between {lo} and {hi} words."],
       _draw_per_paragraph(words),
       lambda t, p, f: _all(paragraphs(t), lambda q: p["lo"] <= len(words(q)) <= p["hi"], "paragraph"),
       violate=_double_words, slots={"length", "shape"}),
    _t("sentence_max_words", "text_length", "no sentence longer than max words",
       ["No sentence may be longer than {max} words.", "Keep each sentence to at most {max} words."],
       _draw_sentence_max, lambda t, p, f: _all(sentences(t), lambda s: len(words(s)) <= p["max"], "sentence"),
       violate=_long_sentence),
    # mathematics --------------------------------------------------------------
    _t("decimal_places", "math", "every number is written with exactly `places` decimals",
       ["Write every number with exactly {places} decimal place(s).", "Give all numbers to {places} decimal place(s)."],
       _draw_precision, _check_places, satisfy=_fix_places, slots={"digits"}),
    _t("no_digits", "math", "no number is written with digits",
       ["Do not use any digits; spell numbers out.", "Write numbers as words, never as numerals."],
       lambda rng, ctx: {}, _check_no_digits, satisfy=_spell_numbers,
       violate=lambda t, p, f: t.rstrip() + " (1)", slots={"digits"}),
    _t("scientific_notation", "math", "every number is in scientific notation (3.0e2)",
       ["Write every number in scientific notation, like 2.0e0.", "Use scientific notation (e.g. 1.5e1) for all numbers."],
       lambda rng, ctx: {}, _check_scientific, satisfy=_to_scientific,
       violate=lambda t, p, f: t.rstrip() + " (12)", slots={"digits"}),
    _t("arithmetic", "math", "the answer works out at least one correct equation 'a op b = c'",
       ["Show one calculation as an equation, like 2 + 3 = 5.", "Include a worked equation (a + b = c) in your answer."],
       lambda rng, ctx: {}, _check_arithmetic, slots={"digits"}),
    # language and format -----------------------------------------------------------
    _t("language", "language_format", "the answer is written in the given language (checked by its script)",
       ["Answer in {language}.", "Your whole reply must be in {language}.", "Respond only in {language}."],
       lambda rng, ctx: {"language": rng.choice([k for k in _SCRIPTS if k != "English"])}, _check_language,
       slots={"language"}, english=False),
    _t("json", "language_format", "the answer is one JSON object with the given keys",
       ["Reply with a JSON object with the key(s) {keys}.", "Format the whole answer as JSON with key(s) {keys}."],
       lambda rng, ctx: {"keys": [rng.choice(("answer", "response", "description"))]}, _check_json,
       satisfy=_to_json, violate=lambda t, p, f: t.strip().lstrip("{").rstrip("}"),
       slots={"shape", "start", "end", "case"}),
    _t("markdown_table", "language_format", "the answer is a markdown table with the given columns",
       ["Present the answer as a markdown table with columns {columns}.", "Use a markdown table (columns {columns})."],
       lambda rng, ctx: {"columns": ["object", "count"] + (["colour"] if rng.random() < 0.5 else [])}
       if ctx.facts.get("objects") else None,
       _check_table, satisfy=_to_table, violate=lambda t, p, f: t.replace("|", " "), slots={"shape", "content"}),
    _t("bullets", "language_format", "the answer is exactly n markdown bullet points and nothing else",
       ["Answer with exactly {n} bullet points ('- ').", "Use exactly {n} markdown bullets and nothing else."],
       _draw_list, _check_list(False), satisfy=_to_list(False),
       violate=lambda t, p, f: re.sub(r"^\s*[-*•]\s+", "", t, flags=re.MULTILINE).replace("\n", " "),
       slots={"shape"}),
    _t("numbered_list", "language_format", "the answer is exactly n numbered items and nothing else",
       ["Answer as a numbered list of exactly {n} items.", "Give exactly {n} numbered points (1., 2., ...)."],
       _draw_list, _check_list(True), satisfy=_to_list(True),
       violate=lambda t, p, f: re.sub(r"^\s*\d+[.)]\s+", "", t, flags=re.MULTILINE).replace("\n", " "),
       slots={"shape"}),
    _t("title", "language_format", "the first line is a markdown title ('# ...')",
       ["Start with a markdown title line ('# ...').", "Give your answer a title, written as '# Title' on the first line."],
       lambda rng, ctx: {"title": rng.choice(("Scene", "Answer", "What I see"))}, _check_title, satisfy=_add_title,
       violate=lambda t, p, f: "\n".join(t.strip().splitlines()[1:]).strip(), slots={"start"}),
    _t("letter_case", "language_format", "every letter is lowercase (or uppercase)",
       ["Write your entire answer in {case} letters.", "Use only {case} letters."],
       lambda rng, ctx: {"case": rng.choice(("lowercase", "uppercase"))}, _check_case,
       satisfy=lambda t, p, f: t.lower() if p["case"] == "lowercase" else t.upper(),
       violate=lambda t, p, f: t.upper() if p["case"] == "lowercase" else t.lower(), slots={"case"}),
    _t("no_commas", "language_format", "the answer contains no comma",
       ["Do not use any commas.", "Your reply must contain no commas."],
       lambda rng, ctx: {}, _check_no_commas, satisfy=lambda t, p, f: t.replace(", ", " ").replace(",", " "),
       violate=lambda t, p, f: t.rstrip() + " Yes, indeed.", slots={"commas"}),
    # rhetoric and logic -----------------------------------------------------------------
    _t("rhetoric", "rhetoric_logic", "uses the given figure of speech (judged)",
       ["Use {figure} in your answer.", "Include at least one example of {figure}."],
       lambda rng, ctx: {"figure": rng.choice(_FIGURES)}),
    _t("logical_order", "rhetoric_logic", "the markers first / then / finally appear in this order",
       ["Structure the answer with 'First', 'Then' and 'Finally', in that order.",
        "Use the words first, then and finally to order your answer."],
       lambda rng, ctx: {"markers": ["first", "then", "finally"]}, _check_order),
    _t("cause_effect", "rhetoric_logic", "states a cause with a causal connective (because, therefore...)",
       ["Explain at least one cause and its effect (use 'because' or 'therefore').",
        "Give a reason for something in the image, with 'because' or 'therefore'."],
       lambda rng, ctx: {}, _check_causal, violate=None),
    _t("narrative_person", "rhetoric_logic", "written in the first person, or with no first-person word",
       ["Write in the {person} person.", "Use a {person}-person point of view."],
       lambda rng, ctx: {"person": rng.choice(("first", "third"))}, _check_person,
       satisfy=lambda t, p, f: _to_first_person(t, p, f) if p["person"] == "first" else t,
       violate=lambda t, p, f: ("I think " + t) if p["person"] == "third" else _FIRST_PERSON.sub("one", t[len("I see this: "):]
                                                                                               if t.startswith("I see this: ") else t),
       slots={"person"}),
    _t("counterpoint", "rhetoric_logic", "mentions one other possible reading and why it is less likely (judged)",
       ["Mention one alternative interpretation and say why it is less likely.",
        "Consider a counter-argument to your answer."], lambda rng, ctx: {}),
    # action ------------------------------------------------------------------
    _t("role_play", "action", "answers in the voice of the given role (judged)",
       ["Answer as {role} would.", "Take the role of {role} in your reply."],
       lambda rng, ctx: {"role": rng.choice(_ROLES)}, slots={"voice"}),
    _t("tone", "action", "keeps the given tone (judged)",
       ["Use a {tone} tone.", "Keep the tone {tone}."], lambda rng, ctx: {"tone": rng.choice(_TONES)}, slots={"voice"}),
    _t("audience", "action", "is written for the given audience (judged)",
       ["Write for {audience}.", "Explain it so that {audience} understands."],
       lambda rng, ctx: {"audience": rng.choice(_AUDIENCES)}, slots={"voice"}),
    _t("prefix", "action", "the answer starts with the given words",
       ["Start your answer with '{prefix}'.", "Begin with the exact words '{prefix}'."],
       lambda rng, ctx: {"prefix": rng.choice(_PREFIXES)}, _check_prefix,
       satisfy=lambda t, p, f: p["prefix"] + " " + t, violate=lambda t, p, f: t.strip()[len(p["prefix"]):].strip(),
       slots={"start"}),
    _t("suffix", "action", "the answer ends with the given words",
       ["End your answer with '{suffix}'.", "Finish with the exact words '{suffix}'."],
       lambda rng, ctx: {"suffix": rng.choice(_SUFFIXES)}, _check_suffix,
       satisfy=lambda t, p, f: t.rstrip() + " " + p["suffix"], violate=lambda t, p, f: t.strip()[:-len(p["suffix"])].strip(),
       slots={"end"}),
    _t("postscript", "action", "a last line starting with 'P.S.'",
       ["Add a postscript starting with 'P.S.' at the end.", "End with a line that begins with 'P.S.'."],
       lambda rng, ctx: {"note": rng.choice(("Look closely.", "Thanks for asking."))}, _check_postscript,
       satisfy=lambda t, p, f: t.rstrip() + "\n\nP.S. " + p["note"],
       violate=lambda t, p, f: re.sub(r"\n*\s*P\.\s?S\..*$", "", t, flags=re.DOTALL), slots={"end"}),
    # keywords --------------------------------------------------------------------
    _t("include_keywords", "keyword", "every given keyword occurs",
       ["Include the keyword(s) {keywords}.", "Make sure to use the word(s) {keywords}."],
       _draw_include, _check_include, violate=_drop_keyword("keywords")),
    _t("exclude_keywords", "keyword", "no given keyword occurs",
       ["Do not use the word(s) {keywords}.", "Avoid the word(s) {keywords}."],
       _draw_exclude, _check_exclude, violate=lambda t, p, f: t.rstrip() + f" It is {p['keywords'][0]} clear."),
    _t("keyword_frequency", "keyword", "the given keyword occurs exactly n times",
       ["Use the word '{keyword}' exactly {n} time(s).", "Mention '{keyword}' exactly {n} time(s)."],
       _draw_frequency, _check_frequency, violate=_drop_keyword("keyword")),
    # perception ------------------------------------------------------------------
    _t("mention_color", "perception", "names every object of the given colour in the scene",
       ["Mention every {color} object in the image.", "Name all the {color} things you see."],
       _draw_colour, _check_colour, violate=None, slots={"content"}),
    _t("left_to_right", "perception", "names the kinds of object in their left-to-right order in view 0",
       ["Name the objects from left to right.", "List what you see in order from left to right."],
       _draw_order, _check_order_lr, slots={"content"}),
    _t("state_count", "perception", "states how many of the given object the scene has",
       ["Say how many {object}s there are.", "State the number of {object}s in the image."],
       _draw_count, _check_count, slots={"digits"}),
    _t("grounded_mentions", "perception", "names no catalog object that is not in the scene",
       ["Mention only objects that are actually in the image.", "Do not mention anything that is not visible."],
       lambda rng, ctx: {} if ctx.facts.get("objects") else None, _check_grounded),
]}

COMPOSE_LEVEL = [t for t in TYPES.values() if t.family != "perception"]
assert len(COMPOSE_LEVEL) == 32, len(COMPOSE_LEVEL)  # MM-IFEngine's compose-level count

# Pairs that contradict beyond shared slots: what a language other than English does to English words,
# and structures that cannot both hold.
_CONFLICTS = {frozenset(p) for p in [
    ("json", "title"), ("json", "prefix"), ("json", "suffix"), ("json", "postscript"), ("json", "letter_case"),
    ("markdown_table", "postscript"), ("markdown_table", "prefix"), ("markdown_table", "suffix"), ("markdown_table", "no_digits"), ("markdown_table", "decimal_places"),
    ("markdown_table", "scientific_notation"), ("markdown_table", "arithmetic"), ("markdown_table", "narrative_person"),
    ("markdown_table", "logical_order"), ("markdown_table", "cause_effect"), ("markdown_table", "sentence_max_words"),
    ("bullets", "postscript"), ("numbered_list", "postscript"), ("bullets", "title"), ("numbered_list", "title"),
    ("bullets", "prefix"), ("numbered_list", "prefix"), ("bullets", "suffix"), ("numbered_list", "suffix"),
    ("letter_case", "prefix"), ("letter_case", "suffix"), ("letter_case", "postscript"), ("letter_case", "logical_order"),
    ("no_digits", "numbered_list"), ("keyword_frequency", "include_keywords"), ("keyword_frequency", "exclude_keywords"),
    ("include_keywords", "exclude_keywords"),
]}


def compatible(a: str, b: str) -> bool:
    """Whether two constraint types can hold together: different, no shared slot, no known contradiction."""
    ta, tb = TYPES[a], TYPES[b]
    if a == b or ta.slots & tb.slots or frozenset((a, b)) in _CONFLICTS:
        return False
    return not ((not ta.english and tb.english and tb.verify is not None)
                or (not tb.english and ta.english and ta.verify is not None))


# ---------------------------------------------------------------- composing instructions
def draw_constraints(rng: random.Random, ctx: Context, n: int, allowed: list[str] | None = None,
                     taken: list[dict] = ()) -> list[dict]:  # type: ignore[assignment]
    """Up to n constraints (type, params, text), each applicable to the context and compatible with one
    another and with those already `taken`."""
    pool = sorted(allowed if allowed is not None else TYPES)
    rng.shuffle(pool)
    chosen: list[dict] = []
    for name in pool:
        if len(chosen) == n:
            break
        if not all(compatible(name, c["type"]) for c in [*taken, *chosen]):
            continue
        params = TYPES[name].draw(rng, ctx)
        if params is None:
            continue
        chosen.append({"type": name, "params": params, "text": TYPES[name].render(params, rng)})
    return chosen


def verify(constraint: dict, answer: str, facts: dict | None) -> tuple[bool | None, str]:
    """(ok, reason) of one constraint on one answer; ok is None when only a judge can tell."""
    kind = TYPES.get(constraint.get("type", ""))
    if kind is None:
        raise KeyError(constraint.get("type"))
    if kind.verify is None:
        return None, "needs a judge"
    return kind.verify(answer, constraint.get("params", {}), facts or {})


OPEN_TASKS = ("Describe the scene.", "Describe what you see in the image.", "Write a short caption for the image.",
              "Tell me about the objects in this picture.")


def item_id(*parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:16]


def compose(base: dict, facts: dict, rng: random.Random, n_min: int = 1, n_max: int = 4) -> dict:
    """An instruction item: the base (a QA item's question, or an open task) with 1-4 compatible constraints.

    `base` is an item record (id, scene_id, images, question, answer, ...); the result keeps its
    id as `base_id` and carries the scene facts, so an answer can be verified from the line alone."""
    n = rng.randint(n_min, n_max)
    constraints = draw_constraints(rng, Context(facts=facts), n)
    question = base.get("question") or rng.choice(OPEN_TASKS)
    instruction = question.rstrip() + " " + " ".join(c["text"] for c in constraints)
    return {"id": item_id(base.get("id"), instruction), "base_id": base.get("id"), "scene_id": base.get("scene_id"),
            "images": list(base.get("images", [])), "instruction": instruction, "question": question,
            "reference": base.get("answer"), "constraints": constraints, "facts": facts}


__all__ = ["COMPOSE_LEVEL", "FAMILIES", "OPEN_TASKS", "TYPES", "ConstraintType", "Context", "absent_categories",
           "compatible", "compose", "describe", "draw_constraints", "facts_from_scene", "item_id", "left_to_right",
           "mentions", "named_in", "numbers", "paragraphs", "sentences", "verify", "words"]
