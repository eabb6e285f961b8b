"""Question/answer generators over a scene's exact facts, after ProVision (arXiv 2412.07012).

Each generator is a small function registered by name. Single-image generators get (facts, view, rng)
and ask about what that view's instance mask shows; scene generators get (facts, rng) and may use
several views or the frames (metric, correspondence, temporal); multi-image generators get a group
of 2-4 (facts, view) pairs: views of one scene, or the main views of several scenes of a dataset.

Every item carries in `facts["query"]` a language-free form of its question; fyi.data.check answers
that query again from the raw files by its own path before the item is kept. Objects are named by
the shortest unambiguous phrase in the image ("the mug", "the red mug", "the mug in [x0, y0, x1, y1]");
boxes follow fyi.data.items' convention. Yes/no questions come in true/false pairs, so their answers
are half yes by construction; the order of options in multiple choice is shuffled by the seeded rng.
"""
from __future__ import annotations

import hashlib
import random
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import numpy as np

from fyi.data.items import Item, item_id
from fyi.data.scene_facts import DEPTH_GAP, MOVED, SIDE_FRACTION, SceneFacts, View, project
from fyi.errors import FyiError

COLOR_WORDS = ("red", "green", "blue", "yellow", "orange", "purple", "pink", "brown", "black", "white", "gray")
MATERIAL_WORDS = ("wood", "metal", "fabric", "leather", "ceramic", "glass", "plastic", "rubber", "stone")
PREDICATE_WORDS = {"on": ("on", "on top of", "resting on"), "under": ("under", "beneath", "below"),
                   "left_of": ("to the left of", "left of"), "right_of": ("to the right of", "right of"),
                   "in_front_of": ("in front of", "closer to the camera than"),
                   "behind": ("behind", "farther from the camera than"), "next_to": ("next to", "beside")}
OPPOSITE = {"on": "under", "under": "on", "left_of": "right_of", "right_of": "left_of",
            "in_front_of": "behind", "behind": "in_front_of", "next_to": "next_to"}
IN_IMAGE = ("in the image", "in this picture", "in the photo", "here")


def plural(name: str) -> str:
    if name.endswith(("s", "x", "ch", "sh")):
        return name + "es"
    if name.endswith("y") and name[-2:-1] not in "aeiou":
        return name[:-1] + "ies"
    return name + "s"


def plain_facts(value):
    """Facts as JSON reads them back (lists, not tuples), so an item survives a round trip unchanged."""
    if isinstance(value, dict):
        return {k: plain_facts(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain_facts(v) for v in value]
    return value


def box_text(box) -> str:
    return "[" + ", ".join(str(int(v)) for v in box) + "]"


def stable_rng(*parts) -> random.Random:
    """A seeded rng per scene, generator and seed: adding a generator never changes another's items."""
    return random.Random(int(hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:16], 16))


@dataclass(frozen=True)
class Generator:
    name: str
    family: str
    kind: str  # "view" (one image), "scene" (a scene's views or frames), "multi" (a group of images)
    make: Callable


GENERATORS: dict[str, Generator] = {}


def generator(name: str, family: str, kind: str = "view"):
    def register(fn):
        GENERATORS[name] = Generator(name, family, kind, fn)
        return fn
    return register


class Maker:
    """Builds items for one generator call: ids, forms, shuffled choices."""

    def __init__(self, gen: str, family: str, scene_id: str, images: tuple[str, ...], rng: random.Random):
        self.gen, self.family, self.scene_id, self.images, self.rng = gen, family, scene_id, images, rng
        self.items: list[Item] = []

    def phrase(self, options) -> str:
        return self.rng.choice(options)

    def add(self, question: str, answer, query: dict, *, form: str = "qa", choices=(), **facts) -> None:
        answer = str(answer)
        if form == "mc":
            choices = list(dict.fromkeys(str(c) for c in choices))
            if answer not in choices or len(choices) < 2:
                return
            self.rng.shuffle(choices)
        question = question[0].upper() + question[1:]
        self.items.append(Item(item_id(self.scene_id, self.gen, question, self.images), self.scene_id, self.images,
                               question, answer, form, self.gen, self.family, tuple(choices),
                               plain_facts({"query": query, **facts})))

    def yes_no(self, true: list, false: list) -> None:
        """Yes/no items in equal numbers: as many true as false statements, drawn without bias."""
        n = min(len(true), len(false))
        for (question, query, facts), answer in [(t, "yes") for t in true[:n]] + [(f, "no") for f in false[:n]]:
            self.add(question, answer, query, form="yn", **facts)


# --- naming objects in a view -------------------------------------------------------------------------

def refer(facts: SceneFacts, view: View, oid: str) -> tuple[str, dict] | None:
    """The shortest phrase that names `oid` alone in this view, and its query form; None when an object
    of the same kind is only glimpsed (the phrase could be read two ways)."""
    obj = facts.objects[oid]
    same = [facts.objects[i] for i in view.seen if facts.objects[i].category == obj.category]
    if any(facts.objects[g].category == obj.category for g in view.glimpsed):
        return None
    if len(same) == 1:
        return f"the {obj.name}", {"category": obj.category}
    if obj.color and sum(o.color == obj.color for o in same) == 1:
        return f"the {obj.color} {obj.name}", {"category": obj.category, "color": obj.color}
    box = view.seen[oid].box
    if not fills(view, box, obj.instance_id):
        return None  # its box shows another object as much: "the chair in [...]" would not say which
    return f"the {obj.name} in {box_text(box)}", {"category": obj.category, "box": list(box)}


def fills(view: View, box, instance_id: int) -> bool:
    """The object has at least twice the pixels of any other object inside the box."""
    x0, y0, x1, y1 = box
    inside = view.instance[y0:y1, x0:x1].ravel()
    counts = np.bincount(inside)
    mine = counts[instance_id] if instance_id < len(counts) else 0
    counts[0] = 0
    if instance_id < len(counts):
        counts[instance_id] = 0
    return mine >= 2 * counts.max()


def countable(facts: SceneFacts, view: View) -> Counter:
    """Visible objects per category, leaving out categories with a glimpsed member."""
    glimpsed = {facts.objects[g].category for g in view.glimpsed}
    return Counter(c for c in (facts.objects[i].category for i in view.seen) if c not in glimpsed)


@lru_cache(maxsize=1)
def catalog_groups() -> dict[str, str]:
    from fyi.assets.catalog import categories

    return {c.name: c.group for c in categories()}


def absent_categories(facts: SceneFacts, rng: random.Random, k: int) -> list[str]:
    """Plausible categories the scene does not hold: the catalog's, of the same groups as those shown."""
    groups_of = catalog_groups()
    present = {o.category for o in facts.objects.values()}
    groups = {groups_of[c] for c in present if c in groups_of}
    pool = sorted(c for c, g in groups_of.items() if c not in present and (g in groups or not groups))
    return rng.sample(pool, min(k, len(pool)))


def name(category: str) -> str:
    return category.replace("_", " ")


# --- objects -----------------------------------------------------------------------------------------

@generator("count", "objects")
def count(facts, view, m: Maker):
    counts = countable(facts, view)
    asked = sorted(counts) + absent_categories(facts, m.rng, 1)
    for cat in asked:
        n = counts.get(cat, 0)
        where = m.phrase(IN_IMAGE)
        q = m.phrase((f"how many {plural(name(cat))} are there {where}?", f"how many {plural(name(cat))} can you see?",
                      f"count the {plural(name(cat))} {where}."))
        query = {"q": "count", "view": view.camera, "category": cat}
        if m.rng.random() < 0.3:
            choices = sorted({n, n + 1, max(0, n - 1), n + 2})
            m.add(q, n, query, form="mc", choices=choices)
        else:
            m.add(q, n, query)


@generator("frequent", "objects")
def frequent(facts, view, m: Maker):
    counts = countable(facts, view)
    if len(counts) < 2:
        return
    ranked = counts.most_common()
    for which, (cat, n), runner in (("most", ranked[0], ranked[1][1]), ("least", ranked[-1], ranked[-2][1])):
        if n == runner:
            continue
        word = "most" if which == "most" else "least"
        q = m.phrase((f"which kind of object appears {word} often {m.phrase(IN_IMAGE)}?",
                      f"what is the {word} frequent object {m.phrase(IN_IMAGE)}?"))
        m.add(q, name(cat), {"q": "frequent", "view": view.camera, "which": which}, form="mc",
              choices=[name(c) for c in counts])


EXTREMES = {"left": (0, -1), "right": (0, 1), "top": (1, -1), "bottom": (1, 1)}


@generator("extreme", "objects")
def extreme(facts, view, m: Maker):
    counts = countable(facts, view)
    seen = [s for s in view.seen.values() if facts.objects[s.id].category in counts]
    if len(counts) < 2:
        return
    for side, (axis, sign) in EXTREMES.items():
        ranked = sorted(seen, key=lambda s: sign * s.centroid[axis], reverse=True)
        first, second = ranked[0], ranked[1]
        size = view.width if axis == 0 else view.height
        if facts.objects[first.id].category == facts.objects[second.id].category:
            continue
        if abs(first.centroid[axis] - second.centroid[axis]) < SIDE_FRACTION * size:
            continue
        word = {"left": "left-most", "right": "right-most", "top": "top-most", "bottom": "bottom-most"}[side]
        q = m.phrase((f"which object is the {word} {m.phrase(IN_IMAGE)}?",
                      f"what is the {word} object {m.phrase(IN_IMAGE)}?",
                      f"which object is furthest to the {side} {m.phrase(IN_IMAGE)}?" if axis == 0 else
                      f"which object is nearest the {side} of the image?"))
        m.add(q, facts.objects[first.id].name, {"q": "extreme", "view": view.camera, "side": side},
              form=m.phrase(("qa", "mc")), choices=[name(c) for c in counts])


# --- attributes --------------------------------------------------------------------------------------

@generator("color_exists", "attributes")
def color_exists(facts, view, m: Maker):
    counts = countable(facts, view)
    true, false = [], []
    for cat in sorted(counts):
        shown = {facts.objects[i].color for i in view.seen if facts.objects[i].category == cat}
        if None in shown:
            continue  # a colour FYI did not set is not known by name
        for color in sorted(shown):
            true.append(color_question(m, view, cat, color))
        other = [c for c in COLOR_WORDS if c not in shown]
        false.append(color_question(m, view, cat, m.rng.choice(other)))
    m.rng.shuffle(true)
    m.rng.shuffle(false)
    m.yes_no(true, false)


def color_question(m, view, cat, color):
    q = m.phrase((f"is there a {color} {name(cat)} {m.phrase(IN_IMAGE)}?", f"can you see a {color} {name(cat)}?",
                  f"does the image show a {color} {name(cat)}?"))
    return q, {"q": "has_color", "view": view.camera, "category": cat, "color": color}, {"objects": []}


@generator("attribute_in_box", "attributes")
def attribute_in_box(facts, view, m: Maker):
    for oid, seen in view.seen.items():
        obj = facts.objects[oid]
        for attribute, value, words in (("color", obj.color, COLOR_WORDS), ("material", obj.material, MATERIAL_WORDS)):
            if value is None:
                continue
            noun = "colour" if attribute == "color" else "material"
            q = m.phrase((f"what {noun} is the {obj.name} in {box_text(seen.box)}?",
                          f"what is the {noun} of the object in {box_text(seen.box)}?"))
            query = {"q": "attribute", "view": view.camera, "ref": {"box": list(seen.box)}, "attribute": attribute}
            distractors = m.rng.sample([w for w in words if w != value], 3)
            m.add(q, value, query, form=m.phrase(("qa", "mc")), choices=[value, *distractors], objects=[oid])


@generator("which_attribute", "attributes")
def which_attribute(facts, view, m: Maker):
    counts = countable(facts, view)
    for attribute in ("color", "material"):
        values = Counter(getattr(facts.objects[i], attribute) for i in view.seen)
        for value, n in sorted(values.items(), key=lambda kv: str(kv[0])):
            holders = [i for i in view.seen if getattr(facts.objects[i], attribute) == value]
            if value is None or n != 1 or facts.objects[holders[0]].category not in counts:
                continue
            if any(getattr(facts.objects[i], attribute) is None for i in view.seen):
                continue  # an object of unknown colour might be that colour too
            word = value if attribute == "color" else f"made of {value}"
            q = m.phrase((f"which object is {word}?", f"what object {m.phrase(IN_IMAGE)} is {word}?"))
            m.add(q, facts.objects[holders[0]].name, {"q": "which_attribute", "view": view.camera,
                                                      "attribute": attribute, "value": value},
                  form=m.phrase(("qa", "mc")), choices=[name(c) for c in counts], objects=holders)


# --- relations ---------------------------------------------------------------------------------------

def named_pairs(facts, view):
    refs = {oid: refer(facts, view, oid) for oid in view.seen}
    ids = sorted(i for i, r in refs.items() if r is not None)
    return refs, [(a, b) for a in ids for b in ids if a != b]


@generator("relation_holds", "relations")
def relation_holds(facts, view, m: Maker):
    refs, pairs = named_pairs(facts, view)
    true, false = [], []
    for a, b in pairs:
        for predicate in PREDICATE_WORDS:
            if not facts.clear_relation(view, predicate, a, b):
                continue
            word = m.phrase(PREDICATE_WORDS[predicate])
            q = m.phrase((f"is {refs[a][0]} {word} {refs[b][0]}?", f"is it true that {refs[a][0]} is {word} {refs[b][0]}?"))
            entry = (q, {"q": "relation", "view": view.camera, "a": refs[a][1], "predicate": predicate,
                         "b": refs[b][1]}, {"objects": [a, b]})
            (true if facts.seen_relation(view, predicate, a, b) else false).append(entry)
    m.rng.shuffle(true)
    m.rng.shuffle(false)
    k = max(2, len(view.seen))
    m.yes_no(true[:k], false[:k])


@generator("relation_between", "relations")
def relation_between(facts, view, m: Maker):
    refs, pairs = named_pairs(facts, view)
    for a, b in pairs:
        holding = [p for p in PREDICATE_WORDS if facts.clear_relation(view, p, a, b) and facts.seen_relation(view, p, a, b)]
        failing = [p for p in PREDICATE_WORDS if facts.clear_relation(view, p, a, b) and not facts.seen_relation(view, p, a, b)]
        if not holding or len(failing) < 2:
            continue
        answer = m.rng.choice(holding)
        choices = [answer, *m.rng.sample(failing, min(3, len(failing)))]
        q = m.phrase((f"how is {refs[a][0]} placed relative to {refs[b][0]}?",
                      f"what is the spatial relation of {refs[a][0]} to {refs[b][0]}?"))
        m.add(q, PREDICATE_WORDS[answer][0], {"q": "relation_of", "view": view.camera, "a": refs[a][1],
                                              "b": refs[b][1], "choices": choices},
              form="mc", choices=[PREDICATE_WORDS[c][0] for c in choices], objects=[a, b])


@generator("relation_target", "relations")
def relation_target(facts, view, m: Maker):
    refs = {oid: refer(facts, view, oid) for oid in view.seen}
    counts = countable(facts, view)
    for b in sorted(view.seen):
        if refs[b] is None:
            continue
        for predicate in PREDICATE_WORDS:
            others = [a for a in view.seen if a != b]
            if not others or not all(facts.clear_relation(view, predicate, a, b) for a in others):
                continue
            hits = [a for a in others if facts.seen_relation(view, predicate, a, b)]
            if len(hits) != 1 or facts.objects[hits[0]].category not in counts:
                continue
            q = m.phrase((f"what is {PREDICATE_WORDS[predicate][0]} {refs[b][0]}?",
                          f"which object is {m.phrase(PREDICATE_WORDS[predicate])} {refs[b][0]}?"))
            m.add(q, facts.objects[hits[0]].name, {"q": "relation_target", "view": view.camera, "predicate": predicate,
                                                   "b": refs[b][1]}, objects=hits + [b])


# --- depth and segmentation --------------------------------------------------------------------------

def object_point(view: View, oid: str, instance_id: int, rng: random.Random) -> tuple[int, int] | None:
    """A pixel well inside an object's mask (its 4 neighbours are the object too): no edge pixel."""
    x0, y0, x1, y1 = view.seen[oid].box
    mine = np.pad(view.instance[y0:y1, x0:x1] == instance_id, 1)
    core = mine[1:-1, 1:-1] & mine[:-2, 1:-1] & mine[2:, 1:-1] & mine[1:-1, :-2] & mine[1:-1, 2:]
    ys, xs = np.nonzero(core)
    if len(xs) == 0:
        return None
    k = rng.randrange(len(xs))
    return int(xs[k]) + x0, int(ys[k]) + y0


@generator("closer_points", "depth")
def closer_points(facts, view, m: Maker):
    ids = sorted(view.seen)
    for _ in range(min(3, len(ids))):
        if len(ids) < 2:
            return
        a, b = m.rng.sample(ids, 2)
        pa, pb = (object_point(view, o, facts.objects[o].instance_id, m.rng) for o in (a, b))
        if pa is None or pb is None:
            continue
        da, db = float(view.depth[pa[1], pa[0]]), float(view.depth[pb[1], pb[0]])
        if abs(da - db) < DEPTH_GAP:
            continue
        which = m.phrase(("closer", "farther"))
        rel = "to" if which == "closer" else "from"
        answer = "A" if (da < db) == (which == "closer") else "B"
        q = m.phrase((f"which point is {which} {rel} the camera: A at ({pa[0]}, {pa[1]}) or B at ({pb[0]}, {pb[1]})?",
                      f"of point A ({pa[0]}, {pa[1]}) and point B ({pb[0]}, {pb[1]}), which is {which} {rel} the camera?"))
        m.add(q, answer, {"q": "closer_points", "view": view.camera, "points": [pa, pb], "which": which},
              form="mc", choices=["A", "B"])


@generator("closer_objects", "depth")
def closer_objects(facts, view, m: Maker):
    refs, pairs = named_pairs(facts, view)
    for a, b in pairs:
        if a > b or not facts.clear_relation(view, "in_front_of", a, b):
            continue  # too near in depth, or one stands on the other
        which = m.phrase(("closer", "farther"))
        rel = "to" if which == "closer" else "from"
        a_wins = (view.seen[a].depth < view.seen[b].depth) == (which == "closer")
        q = m.phrase((f"which is {which} {rel} the camera, {refs[a][0]} or {refs[b][0]}?",
                      f"is {refs[a][0]} or {refs[b][0]} {which} {rel} the viewer?"))
        answer = refs[a if a_wins else b][0]
        m.add(q, answer, {"q": "closer_objects", "view": view.camera, "a": refs[a][1], "b": refs[b][1],
                          "which": which}, form="mc", choices=[refs[a][0], refs[b][0]], objects=[a, b])


@generator("closest_to_anchor", "depth")
def closest_to_anchor(facts, view, m: Maker):
    refs = {oid: refer(facts, view, oid) for oid in view.seen}
    named = sorted(i for i, r in refs.items() if r is not None)
    for anchor in named:
        others = sorted((float(np.linalg.norm(facts.objects[o].center - facts.objects[anchor].center)), o)
                        for o in named if o != anchor)
        if len(others) < 2 or others[1][0] - others[0][0] < 0.1:
            continue
        q = m.phrase((f"which object is closest to {refs[anchor][0]}?", f"what is nearest to {refs[anchor][0]}?"))
        m.add(q, refs[others[0][1]][0], {"q": "closest_to", "view": view.camera, "anchor": refs[anchor][1],
                                         "candidates": [refs[o][1] for _, o in others]},
              form="mc", choices=[refs[o][0] for _, o in others[:4]], objects=[anchor, others[0][1]])


@generator("same_object", "segmentation")
def same_object(facts, view, m: Maker):
    ids = sorted(view.seen)
    true, false = [], []
    for oid in ids:
        inst = facts.objects[oid].instance_id
        p, q = object_point(view, oid, inst, m.rng), object_point(view, oid, inst, m.rng)
        if p and q and p != q:
            true.append(points_question(m, view, p, q, [oid]))
        other = [i for i in ids if i != oid]
        if other and p:
            o2 = m.rng.choice(other)
            r = object_point(view, o2, facts.objects[o2].instance_id, m.rng)
            if r:
                false.append(points_question(m, view, p, r, [oid]))
    m.yes_no(true, false)


def points_question(m, view, p, q, objects):
    text = m.phrase((f"do the points ({p[0]}, {p[1]}) and ({q[0]}, {q[1]}) lie on the same object?",
                     f"are pixels ({p[0]}, {p[1]}) and ({q[0]}, {q[1]}) part of one object?"))
    return text, {"q": "same_object", "view": view.camera, "points": [p, q]}, {"objects": objects}


@generator("region", "region")
def region(facts, view, m: Maker):
    counts = countable(facts, view)
    for oid, seen in view.seen.items():
        obj = facts.objects[oid]
        if obj.category not in counts:
            continue
        if not fills(view, seen.box, obj.instance_id):
            continue  # another object fills the box as much
        q = m.phrase((f"what is in the box {box_text(seen.box)}?", f"what object does the region {box_text(seen.box)} show?",
                      f"name the object inside {box_text(seen.box)}."))
        m.add(q, obj.name, {"q": "region", "view": view.camera, "box": list(seen.box)},
              form=m.phrase(("qa", "mc")), choices=[name(c) for c in counts] + absent_categories(facts, m.rng, 1),
              objects=[oid])


# --- metric (FYI only: exact 3D) ---------------------------------------------------------------------

def metres(x: float, places: int = 2) -> str:
    return f"{x:.{places}f} m"


@generator("distance", "metric")
def distance(facts, view, m: Maker):
    refs, pairs = named_pairs(facts, view)
    for a, b in pairs:
        if a > b:
            continue
        d = float(np.linalg.norm(facts.objects[a].center - facts.objects[b].center))
        q = m.phrase((f"how far apart are the centres of {refs[a][0]} and {refs[b][0]}, in metres?",
                      f"what is the distance in metres between {refs[a][0]} and {refs[b][0]} (centre to centre)?"))
        query = {"q": "distance", "view": view.camera, "a": refs[a][1], "b": refs[b][1]}
        if m.rng.random() < 0.4:
            m.add(q, metres(d, 1), query, form="mc", objects=[a, b],
                  choices=[metres(x, 1) for x in (d, d * 0.5, d * 1.6, d * 2.3)])
        else:
            m.add(q, metres(d), query, objects=[a, b])


@generator("size", "metric")
def size(facts, view, m: Maker):
    for oid in sorted(view.seen):
        ref = refer(facts, view, oid)
        if ref is None:
            continue
        o = facts.objects[oid]
        q = m.phrase((f"how tall is {ref[0]}, in metres?", f"what is the height of {ref[0]} in metres?"))
        m.add(q, metres(float(o.hi[2] - o.lo[2])), {"q": "size", "view": view.camera, "ref": ref[1], "dim": "height"},
              objects=[oid])


@generator("elevation", "metric")
def elevation(facts, view, m: Maker):
    for oid in sorted(view.seen):
        ref, o = refer(facts, view, oid), facts.objects[oid]
        if ref is None or o.support in (None, "floor"):
            continue  # on the floor it is 0: nothing to see
        q = m.phrase((f"how high above the floor is the bottom of {ref[0]}, in metres?",
                      f"at what height above the floor does {ref[0]} rest, in metres?"))
        m.add(q, metres(max(0.0, float(o.lo[2]))), {"q": "elevation", "view": view.camera, "ref": ref[1]},
              objects=[oid])


# --- correspondence across views (FYI only: one instance id in every view) --------------------------

@generator("correspondence", "correspondence", kind="scene")
def correspondence(facts, m: Maker):
    views = facts.views
    true, false = [], []
    for i, vi in enumerate(views):
        for vj in views[i + 1:]:
            shared = sorted(set(vi.seen) & set(vj.seen))
            for oid in shared:
                true.append(corr_question(m, vi, vj, oid, oid))
                other = [o for o in vj.seen if o != oid]
                if other:
                    false.append(corr_question(m, vi, vj, oid, m.rng.choice(sorted(other))))
    m.rng.shuffle(true)
    m.rng.shuffle(false)
    m.yes_no(true[:6], false[:6])


def corr_question(m, vi: View, vj: View, a: str, b: str):
    bi, bj = vi.seen[a].box, vj.seen[b].box
    images = (vi.image, vj.image)
    q = m.phrase((f"is the object in box {box_text(bi)} of the first image the same object as the one in box "
                  f"{box_text(bj)} of the second image?",
                  f"do box {box_text(bi)} in image 1 and box {box_text(bj)} in image 2 show the same object?"))
    return q, {"q": "same_instance", "views": [vi.camera, vj.camera], "boxes": [list(bi), list(bj)]}, \
        {"objects": [a, b], "images": images}


# --- temporal (FYI only: 4D sequences) ---------------------------------------------------------------

def movers(facts: SceneFacts) -> list[str]:
    return sorted(o for o, t in facts.tracks.items() if np.linalg.norm(t.positions[-1] - t.positions[0]) > MOVED)


def frame_images(facts: SceneFacts) -> tuple[str, ...]:
    n = len(facts.frame_images)
    picks = sorted({0, n // 3, (2 * n) // 3, n - 1})
    return tuple(facts.frame_images[i] for i in picks)


def screen_track(facts: SceneFacts, oid: str) -> np.ndarray:
    """The object's centre in each frame's own camera: (F, 3) pixel x, pixel y, depth."""
    cam = facts.cameras[min(facts.cameras)]
    return np.array([project(cam, c2w, p) for c2w, p in zip(facts.frame_cameras, facts.tracks[oid].positions)])


@generator("temporal", "temporal", kind="scene")
def temporal(facts, m: Maker):
    if not facts.tracks:
        return
    moving = movers(facts)
    names = Counter(facts.objects[o].category for o in facts.objects)
    unique = [o for o in facts.objects if names[facts.objects[o].category] == 1]
    if not moving:
        return
    still = [o for o in unique if o not in moving]
    # what moved
    if len(moving) == 1 and moving[0] in unique and still:
        m.add(m.phrase(("which object moves in this sequence?", "what moves over these frames?")),
              facts.objects[moving[0]].name, {"q": "moved_which"}, form="mc",
              choices=[facts.objects[o].name for o in [moving[0], *still[:3]]])
    true = [moved_question(m, o, facts.objects[o].name) for o in moving if o in unique]
    false = [moved_question(m, o, facts.objects[o].name) for o in still]
    m.yes_no(true, false)
    for oid in [o for o in moving if o in unique]:
        o = facts.objects[oid]
        track = screen_track(facts, oid)
        dx, dz = track[-1, 0] - track[0, 0], track[-1, 2] - track[0, 2]
        cam = facts.cameras[min(facts.cameras)]
        # compare sideways pixels with depth change seen as pixels at the object's depth
        side = abs(dx) * track[0, 2] / cam["fx"]
        if max(side, abs(dz)) < MOVED:
            continue
        if side > 2 * abs(dz):
            answer = "to the left" if dx < 0 else "to the right"
        elif abs(dz) > 2 * side:
            answer = "toward the camera" if dz < 0 else "away from the camera"
        else:
            continue
        m.add(m.phrase((f"in which direction does the {o.name} move?", f"which way does the {o.name} go?")),
              answer, {"q": "direction", "object": oid}, form="mc",
              choices=["to the left", "to the right", "toward the camera", "away from the camera"])
        for other in [u for u in unique if u != oid]:
            t2 = screen_track(facts, other)
            end = track[-1, 0] - t2[-1, 0]
            if abs(end) > SIDE_FRACTION * cam["width"]:
                m.add(f"at the end, is the {o.name} to the left or to the right of the {facts.objects[other].name}?",
                      "left" if end < 0 else "right", {"q": "end_side", "object": oid, "other": other},
                      form="mc", choices=["left", "right"])
            passed = passes_in_front(track, t2, cam)
            if passed is not None:
                m.add(f"does the {o.name} pass in front of the {facts.objects[other].name}?", "yes" if passed else "no",
                      {"q": "passes_in_front", "object": oid, "other": other}, form="yn")
    starters = [(first_move(facts.tracks[o].positions), o) for o in moving if o in unique]
    starters.sort()
    if len(starters) >= 2 and starters[0][0] < starters[1][0]:
        m.add("which starts moving first?", facts.objects[starters[0][1]].name, {"q": "moved_first"}, form="mc",
              choices=[facts.objects[o].name for _, o in starters])


def moved_question(m, oid, noun):
    return (m.phrase((f"does the {noun} move?", f"is the {noun} moving in these frames?")),
            {"q": "moved", "object": oid}, {"objects": [oid]})


def first_move(positions: np.ndarray, eps: float = 0.01) -> int:
    moved = np.linalg.norm(positions - positions[0], axis=1) > eps
    return int(np.argmax(moved)) if moved.any() else len(positions)


def passes_in_front(a: np.ndarray, b: np.ndarray, cam: dict) -> bool | None:
    """Does track a cross b's line of sight while nearer the camera? None when it is a near thing."""
    crossed = np.sign(a[:, 0] - b[:, 0])
    if not (crossed[0] != crossed[-1] and crossed[0] != 0):
        return False if abs(a[0, 0] - b[0, 0]) > SIDE_FRACTION * cam["width"] and crossed[0] == crossed[-1] else None
    k = int(np.argmax(crossed != crossed[0]))
    gap = b[k, 2] - a[k, 2]
    return None if abs(gap) < DEPTH_GAP else bool(gap > 0)


# --- multi-image -------------------------------------------------------------------------------------

def image_label(k: int) -> str:
    return f"Image {k + 1}"


def group_counts(group) -> list[Counter]:
    return [countable(f, v) for f, v in group]


@generator("multi_has", "multi", kind="multi")
def multi_has(group, m: Maker):
    counts = group_counts(group)
    cats = sorted(set().union(*counts))
    labels = [image_label(k) for k in range(len(group))]
    for cat in cats:
        having = [k for k, c in enumerate(counts) if c.get(cat)]
        if len(having) == 1:
            q = m.phrase((f"which image shows a {name(cat)}?", f"in which of the images is there a {name(cat)}?"))
            m.add(q, labels[having[0]], {"q": "image_with", "category": cat, "lacks": False}, form="mc", choices=labels)
        if len(having) == len(group) - 1 and len(group) > 2:
            lacking = next(k for k in range(len(group)) if k not in having)
            glimpsed = any(name_glimpsed(f, v, cat) for f, v in group)
            if not glimpsed:
                m.add(f"which image has no {name(cat)}?", labels[lacking], {"q": "image_with", "category": cat,
                                                                           "lacks": True}, form="mc", choices=labels)


def name_glimpsed(facts, view, cat) -> bool:
    return any(facts.objects[g].category == cat for g in view.glimpsed)


@generator("multi_attribute", "multi", kind="multi")
def multi_attribute(group, m: Maker):
    labels = [image_label(k) for k in range(len(group))]
    found: dict[tuple[str, str], set[int]] = {}
    for k, (f, v) in enumerate(group):
        for oid in v.seen:
            o = f.objects[oid]
            if o.color:
                found.setdefault((o.category, o.color), set()).add(k)
    for (cat, color), where in sorted(found.items()):
        if len(where) == 1:
            m.add(f"which image shows a {color} {name(cat)}?", labels[min(where)],
                  {"q": "image_with", "category": cat, "color": color, "lacks": False}, form="mc", choices=labels)


@generator("multi_relation", "multi", kind="multi")
def multi_relation(group, m: Maker):
    labels = [image_label(k) for k in range(len(group))]
    found: dict[tuple[str, str], set[int]] = {}
    for k, (f, v) in enumerate(group):
        for oid in v.seen:
            s = f.objects[oid].support
            if s in v.seen:
                found.setdefault((f.objects[oid].category, f.objects[s].category), set()).add(k)
    for (a, b), where in sorted(found.items()):
        if len(where) == 1:
            m.add(f"in which image is a {name(a)} on a {name(b)}?", labels[min(where)],
                  {"q": "image_on", "a": a, "b": b}, form="mc", choices=labels)


@generator("multi_count", "multi", kind="multi")
def multi_count(group, m: Maker):
    counts = group_counts(group)
    labels = [image_label(k) for k in range(len(group))]
    cats = sorted(set().union(*counts))
    same_scene = len({f.scene_id for f, _ in group}) == 1
    for cat in cats:
        if any(name_glimpsed(f, v, cat) for f, v in group):
            continue
        ns = [c.get(cat, 0) for c in counts]
        for which, pick in (("most", max(ns)), ("fewest", min(ns))):
            if ns.count(pick) == 1:
                m.add(f"which image has the {which} {plural(name(cat))}?", labels[ns.index(pick)],
                      {"q": "image_most", "category": cat, "which": which}, form="mc", choices=labels)
        if not same_scene:  # views of one scene show the same objects again: a sum would count them twice
            m.add(f"how many {plural(name(cat))} are there in all these images together?", sum(ns),
                  {"q": "count_across", "category": cat})


@generator("multi_common", "multi", kind="multi")
def multi_common(group, m: Maker):
    counts = group_counts(group)
    common = sorted(set.intersection(*(set(c) for c in counts)))
    every = sorted(set().union(*counts))
    if len(common) == 1 and len(every) > 1:
        m.add(m.phrase(("which kind of object appears in every image?", "what do all these images have in common?")),
              name(common[0]), {"q": "common"}, form="mc", choices=[name(c) for c in every])
    colours = [{f.objects[i].color for i in v.seen} for f, v in group]
    if any(None in c for c in colours):
        return  # an object of a colour FYI did not set might share it
    shared = set.intersection(*colours)
    seen_any = sorted(set().union(*colours))
    if len(shared) == 1 and len(seen_any) > 1:
        colour = shared.pop()
        m.add("which colour do objects in every one of these images have?", colour, {"q": "common_color"},
              form="mc", choices=[colour, *[c for c in seen_any if c != colour][:4]])


@generator("multi_compare", "multi", kind="multi")
def multi_compare(group, m: Maker):
    if len({f.scene_id for f, _ in group}) == 1:
        return  # one scene's views show the same objects: always the same colour
    (fa, va), (fb, vb) = group[0], group[1]
    true, false = [], []
    for ca in sorted(countable(fa, va)):
        if countable(fa, va)[ca] != 1 or countable(fb, vb).get(ca) != 1:
            continue
        a = next(i for i in va.seen if fa.objects[i].category == ca)
        b = next(i for i in vb.seen if fb.objects[i].category == ca)
        if fa.objects[a].color is None or fb.objects[b].color is None:
            continue
        q = f"does the {name(ca)} in Image 1 have the same colour as the {name(ca)} in Image 2?"
        entry = (q, {"q": "same_color", "category": ca}, {"objects": [a, b]})
        (true if fa.objects[a].color == fb.objects[b].color else false).append(entry)
    for (question, query, facts_), answer in [(t, "yes") for t in true] + [(f, "no") for f in false]:
        m.add(question, answer, query, form="yn", **facts_)


# --- running them ------------------------------------------------------------------------------------

def check_generators(names) -> list[str]:
    names = list(names) if names else list(GENERATORS)
    bad = [n for n in names if n not in GENERATORS]
    if bad:
        raise FyiError(f"--generators: unknown generator {bad[0]!r}; known: {', '.join(GENERATORS)}")
    return names


def scene_items(facts: SceneFacts, *, generators=None, seed: int = 0) -> list[Item]:
    """Every item the named generators (default all) make from one scene; same scene and seed, same items."""
    items = []
    for gname in check_generators(generators):
        gen = GENERATORS[gname]
        if gen.kind == "view":
            for view in facts.views:
                m = Maker(gname, gen.family, facts.scene_id, (view.image,), stable_rng(facts.scene_id, gname, seed, view.camera))
                gen.make(facts, view, m)
                items += m.items
        elif gen.kind == "scene":
            if gname == "temporal" and not facts.frame_images:
                continue
            images = frame_images(facts) if gname == "temporal" else tuple(v.image for v in facts.views[:2])
            items += scene_level(facts, gen, seed, images)
        elif len(facts.views) >= 2:
            group = [(facts, v) for v in facts.views[:4]]
            m = Maker(gname, gen.family, facts.scene_id, tuple(v.image for _, v in group), stable_rng(facts.scene_id, gname, seed))
            gen.make(group, m)
            items += m.items
    return items


def scene_level(facts, gen, seed, images):
    if gen.name == "correspondence":  # one item per pair of views, each naming its own two images
        out = []
        m = Maker(gen.name, gen.family, facts.scene_id, images, stable_rng(facts.scene_id, gen.name, seed))
        gen.make(facts, m)
        for it in m.items:
            imgs = tuple(it.facts["images"])
            out.append(Item(item_id(it.scene_id, it.generator, it.question, imgs), it.scene_id, imgs, it.question,
                            it.answer, it.form, it.generator, it.family, it.choices, it.facts))
        return out
    m = Maker(gen.name, gen.family, facts.scene_id, images, stable_rng(facts.scene_id, gen.name, seed))
    gen.make(facts, m)
    return m.items


def group_items(group: list[tuple[SceneFacts, View]], images: tuple[str, ...], *, generators=None,
                seed: int = 0) -> list[Item]:
    """Multi-image items over views of several scenes (images: their dataset-relative paths)."""
    items = []
    scene_id = "+".join(f.scene_id for f, _ in group)
    for gname in check_generators(generators):
        gen = GENERATORS[gname]
        if gen.kind != "multi":
            continue
        m = Maker(gname, gen.family, scene_id, images, stable_rng(scene_id, gname, seed))
        gen.make(group, m)
        items += m.items
    return items
