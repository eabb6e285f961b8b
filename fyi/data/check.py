"""The independent checker: every item's answer is found again from the raw files before it is kept.

It shares no code with the generators (fyi.data.qa) or their facts (fyi.data.scene_facts) beyond the
thresholds: it reads scene.json, poses.json, the instance masks and the depth EXRs itself and answers
each item's `facts["query"]` by another path. Where the generators look at the image (mask centroids,
median depths) the checker asks the 3D geometry (the projected centre of the object's world box, its
depth along the optical axis), so an item survives only when picture and geometry agree. Items that
fail are dropped and counted by reason; duplicates are removed; items whose question gets the same
answer in every scene of a dataset are flagged `blind` (a text-only prior answers them).
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import OpenEXR
from PIL import Image

from fyi.data.items import Item
from fyi.data.scene_facts import DEPTH_GAP, MOVED, NEXT_TO, SIDE_FRACTION, min_pixels

TOLERANCE_M = 0.006  # answers in metres carry 2 decimals; 1 decimal for multiple choice
BLIND_SCENES = 3  # a question asked in at least this many scenes, always with the same answer, is blind


class Unresolved(Exception):
    """The item names something the raw files do not show exactly once."""


class RawScene:
    """A scene folder read straight from its files, each at most once."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.graph = json.loads((self.root / "scene.json").read_text())
        self.objects = {o["id"]: o for o in self.graph["objects"]}
        self.by_instance = {o["instance_id"]: o for o in self.graph["objects"]}
        self.cameras = {c["id"]: c for c in self.graph["cameras"]}
        self._masks, self._depths, self._shown, self._poses = {}, {}, {}, None

    def mask(self, view: int) -> np.ndarray:
        if view not in self._masks:
            self._masks[view] = np.array(Image.open(self.root / "views" / "instance" / f"{view:04d}.png"), dtype=np.int64)
        return self._masks[view]

    def depth(self, view: int) -> np.ndarray:
        if view not in self._depths:
            f = OpenEXR.File(str(self.root / "views" / "depth" / f"{view:04d}.exr"))
            self._depths[view] = np.asarray(f.channels()["Z"].pixels, dtype=np.float64)
        return self._depths[view]

    def poses(self) -> dict:
        if self._poses is None:
            self._poses = json.loads((self.root / "frames" / "poses.json").read_text())
        return self._poses

    def shown(self, view: int) -> tuple[dict[str, int], set[str]]:
        """Object ids the view shows (pixel counts at or above the threshold) and those only glimpsed."""
        if view not in self._shown:
            self._shown[view] = self._count_pixels(view)
        return self._shown[view]

    def _count_pixels(self, view: int) -> tuple[dict[str, int], set[str]]:
        mask = self.mask(view)
        values, counts = np.unique(mask, return_counts=True)
        least = min_pixels(mask.shape[1], mask.shape[0])
        shown, glimpsed = {}, set()
        for v, n in zip(values.tolist(), counts.tolist()):
            o = self.by_instance.get(v)
            if o is not None:
                (shown.__setitem__(o["id"], n) if n >= least else glimpsed.add(o["id"]))
        return shown, glimpsed

    def counts(self, view: int) -> Counter:
        shown, glimpsed = self.shown(view)
        out = Counter(self.objects[i]["category"] for i in shown)
        for g in glimpsed:
            out[self.objects[g]["category"]] = None  # uncountable
        return out

    def dominant(self, view: int, box) -> str:
        """The object filling most of a box (at least twice any other), or Unresolved."""
        x0, y0, x1, y1 = box
        values, counts = np.unique(self.mask(view)[y0:y1, x0:x1], return_counts=True)
        ranked = sorted(((n, v) for v, n in zip(values.tolist(), counts.tolist()) if v in self.by_instance), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0][0] < 2 * ranked[1][0]):
            raise Unresolved(f"no one object fills box {box} of view {view}")
        return self.by_instance[ranked[0][1]]["id"]

    def resolve(self, view: int, ref: dict) -> str:
        """The one object a reference names in a view."""
        if "category" not in ref:
            return self.dominant(view, ref["box"])
        shown, glimpsed = self.shown(view)
        if any(self.objects[g]["category"] == ref["category"] for g in glimpsed):
            raise Unresolved(f"a {ref['category']} is only glimpsed in view {view}")
        if "box" in ref:
            found = self.dominant(view, ref["box"])
            if self.objects[found]["category"] != ref["category"]:
                raise Unresolved(f"box {ref['box']} shows a {self.objects[found]['category']}")
            return found
        hits = [i for i in shown if self.objects[i]["category"] == ref["category"]
                and ("color" not in ref or self.objects[i].get("attributes", {}).get("color") == ref["color"])]
        if len(hits) != 1:
            raise Unresolved(f"{len(hits)} objects match {ref} in view {view}")
        return hits[0]

    def camera_point(self, view: int, point, c2w=None) -> np.ndarray:
        """A world point in camera coordinates (x right, y up, z toward the viewer: OpenGL)."""
        c2w = np.asarray(self.cameras[view]["c2w"] if c2w is None else c2w, dtype=np.float64)
        r, t = c2w[:3, :3], c2w[:3, 3]
        return r.T @ (np.asarray(point, dtype=np.float64) - t)

    def centre(self, oid: str) -> np.ndarray:
        b = self.objects[oid]["bbox"]
        return (np.asarray(b["min"]) + np.asarray(b["max"])) / 2

    def screen(self, view: int, oid: str) -> tuple[float, float, float]:
        """Pixel x, y and depth of the object's world-box centre."""
        cam = self.cameras[view]
        x, y, z = self.camera_point(view, self.centre(oid))
        return cam["cx"] + cam["fx"] * x / -z, cam["cy"] - cam["fy"] * y / -z, -z


def phrase(raw: RawScene, ref: dict) -> str:
    noun = ref["category"].replace("_", " ")
    if "box" in ref:
        return f"the {noun} in [{', '.join(str(v) for v in ref['box'])}]"
    return f"the {ref['color']} {noun}" if "color" in ref else f"the {noun}"


def relation(raw: RawScene, view: int, predicate: str, a: str, b: str) -> bool | None:
    """Does a R b hold by the 3D geometry (None: too close to call)?"""
    oa, ob = raw.objects[a], raw.objects[b]
    stacked = oa.get("support") == b or ob.get("support") == a
    if stacked and predicate not in ("on", "under"):
        return None  # a mug on a table is neither beside nor behind it: no question asks that
    if predicate in ("on", "under"):
        top, base = (oa, ob) if predicate == "on" else (ob, oa)
        if top.get("support") != base["id"]:
            return False
        c = raw.centre(top["id"])[:2]
        lo, hi = np.asarray(base["bbox"]["min"])[:2], np.asarray(base["bbox"]["max"])[:2]
        return bool(np.all(c >= lo - 0.02) and np.all(c <= hi + 0.02)) or None
    if predicate in ("left_of", "right_of"):
        dx = raw.screen(view, a)[0] - raw.screen(view, b)[0]
        margin = SIDE_FRACTION / 2 * raw.cameras[view]["width"]
        return None if abs(dx) < margin else (dx < 0) == (predicate == "left_of")
    if predicate in ("in_front_of", "behind"):
        dz = raw.screen(view, a)[2] - raw.screen(view, b)[2]
        return None if abs(dz) < DEPTH_GAP / 2 else (dz < 0) == (predicate == "in_front_of")
    if predicate == "next_to":
        la, ha = np.asarray(oa["bbox"]["min"])[:2], np.asarray(oa["bbox"]["max"])[:2]
        lb, hb = np.asarray(ob["bbox"]["min"])[:2], np.asarray(ob["bbox"]["max"])[:2]
        gap = float(np.linalg.norm(np.clip(np.maximum(la - hb, lb - ha), 0, None)))
        return None if NEXT_TO < gap <= 2 * NEXT_TO else gap <= NEXT_TO
    raise Unresolved(f"predicate {predicate}")


PREDICATE_TEXT = {"on": "on", "under": "under", "left_of": "to the left of", "right_of": "to the right of",
                  "in_front_of": "in front of", "behind": "behind", "next_to": "next to"}


def metres_value(text: str) -> float:
    return float(text.removesuffix(" m"))


def noun(raw: RawScene, oid: str) -> str:
    return raw.objects[oid]["category"].replace("_", " ")


def extreme_pixel(raw: RawScene, view: int, side: str) -> str:
    mask = raw.mask(view)
    shown, _ = raw.shown(view)
    counts = raw.counts(view)
    points = []
    for oid in shown:
        if counts[raw.objects[oid]["category"]] is None:
            continue
        ys, xs = np.where(mask == raw.objects[oid]["instance_id"])
        axis, sign = {"left": (xs, -1), "right": (xs, 1), "top": (ys, -1), "bottom": (ys, 1)}[side]
        points.append((sign * float(np.average(axis)), oid))
    points.sort(reverse=True)
    size = mask.shape[1] if side in ("left", "right") else mask.shape[0]
    if len(points) < 2 or points[0][0] - points[1][0] < SIDE_FRACTION / 2 * size:
        raise Unresolved(f"no clear {side}-most object")
    return noun(raw, points[0][1])


class Checker:
    """Answers queries from raw scene folders under `base` (a scene folder or a dataset folder)."""

    def __init__(self, base: Path):
        self.base = Path(base)
        self._scenes: dict[Path, RawScene] = {}

    def scene(self, root: Path) -> RawScene:
        if root not in self._scenes:
            self._scenes[root] = RawScene(root)
        return self._scenes[root]

    def image(self, item: Item, k: int) -> tuple[RawScene, int]:
        """The scene and camera of an item's k-th image (views/rgb/NNNN.png, scene- or dataset-relative)."""
        path = Path(item.images[k])
        root = self.base / path.parents[2] if len(path.parts) > 3 else self.base
        return self.scene(root), int(path.stem)

    def expected(self, item: Item) -> str:
        q = item.facts["query"]
        kind = q["q"]
        raw, _ = self.image(item, 0)
        v = q.get("view")
        if kind == "count":
            n = raw.counts(v).get(q["category"], 0)
            if n is None:
                raise Unresolved("uncountable")
            return str(n)
        if kind == "frequent":
            counts = {c: n for c, n in raw.counts(v).items() if n is not None}
            ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=q["which"] == "most")
            if len(ranked) < 2 or ranked[0][1] == ranked[1][1]:
                raise Unresolved("tie")
            return ranked[0][0].replace("_", " ")
        if kind == "extreme":
            return extreme_pixel(raw, v, q["side"])
        if kind == "has_color":
            shown, glimpsed = raw.shown(v)
            same = [raw.objects[i] for i in (*shown, *glimpsed) if raw.objects[i]["category"] == q["category"]]
            if any(o["id"] in glimpsed for o in same):
                raise Unresolved("glimpsed")
            return "yes" if any(o.get("attributes", {}).get("color") == q["color"] for o in same) else "no"
        if kind == "attribute":
            oid = raw.resolve(v, q["ref"])
            value = raw.objects[oid].get("attributes", {}).get(q["attribute"])
            if value is None:
                raise Unresolved("attribute not set")
            return value
        if kind == "which_attribute":
            shown, _ = raw.shown(v)
            values = [raw.objects[i].get("attributes", {}).get(q["attribute"]) for i in shown]
            hits = [i for i in shown if raw.objects[i].get("attributes", {}).get(q["attribute"]) == q["value"]]
            if len(hits) != 1 or None in values:
                raise Unresolved("not one holder")
            return noun(raw, hits[0])
        if kind == "relation":
            holds = relation(raw, v, q["predicate"], raw.resolve(v, q["a"]), raw.resolve(v, q["b"]))
            if holds is None:
                raise Unresolved("borderline")
            return "yes" if holds else "no"
        if kind == "relation_of":
            a, b = raw.resolve(v, q["a"]), raw.resolve(v, q["b"])
            truths = {p: relation(raw, v, p, a, b) for p in q["choices"]}
            true = [p for p, t in truths.items() if t]
            if len(true) != 1 or None in truths.values():
                raise Unresolved("not one true choice")
            return PREDICATE_TEXT[true[0]]
        if kind == "relation_target":
            b = raw.resolve(v, q["b"])
            shown, _ = raw.shown(v)
            truths = {a: relation(raw, v, q["predicate"], a, b) for a in shown if a != b}
            hits = [a for a, t in truths.items() if t]
            if len(hits) != 1 or None in truths.values():
                raise Unresolved("not one target")
            return noun(raw, hits[0])
        if kind == "closer_points":
            d = raw.depth(v)
            (xa, ya), (xb, yb) = q["points"]
            da, db = d[ya, xa], d[yb, xb]
            if not (np.isfinite(da) and np.isfinite(db)) or abs(da - db) < DEPTH_GAP:
                raise Unresolved("points too close in depth")
            return "A" if (da < db) == (q["which"] == "closer") else "B"
        if kind == "closer_objects":
            a, b = raw.resolve(v, q["a"]), raw.resolve(v, q["b"])
            za, zb = raw.screen(v, a)[2], raw.screen(v, b)[2]
            if abs(za - zb) < DEPTH_GAP / 2:
                raise Unresolved("too close in depth")
            return phrase(raw, q["a"] if (za < zb) == (q["which"] == "closer") else q["b"])
        if kind == "closest_to":
            anchor = raw.resolve(v, q["anchor"])
            dist = sorted((float(np.linalg.norm(raw.centre(raw.resolve(v, r)) - raw.centre(anchor))), k)
                          for k, r in enumerate(q["candidates"]))
            if len(dist) < 2 or dist[1][0] - dist[0][0] < 0.05:
                raise Unresolved("tie")
            return phrase(raw, q["candidates"][dist[0][1]])
        if kind == "same_object":
            mask = raw.mask(v)
            (xa, ya), (xb, yb) = q["points"]
            ia, ib = mask[ya, xa], mask[yb, xb]
            if ia == 0 or ib == 0:
                raise Unresolved("a point on the background")
            return "yes" if ia == ib else "no"
        if kind == "region":
            return noun(raw, raw.dominant(v, q["box"]))
        if kind in ("distance", "size", "elevation"):
            return self.metric(raw, v, q, item)
        if kind == "same_instance":
            (raw_i, vi), (raw_j, vj) = self.image(item, 0), self.image(item, 1)
            return "yes" if raw_i.dominant(vi, q["boxes"][0]) == raw_j.dominant(vj, q["boxes"][1]) else "no"
        if kind in TEMPORAL:
            return TEMPORAL[kind](raw, q)
        return self.multi(item, q)

    def metric(self, raw, v, q, item) -> str:
        if q["q"] == "distance":
            value = float(np.linalg.norm(raw.centre(raw.resolve(v, q["a"])) - raw.centre(raw.resolve(v, q["b"]))))
        else:
            b = raw.objects[raw.resolve(v, q["ref"])]["bbox"]
            lo, hi = np.asarray(b["min"]), np.asarray(b["max"])
            if q["q"] == "elevation":
                value = max(0.0, float(lo[2]))
            else:
                value = float(hi[2] - lo[2]) if q["dim"] == "height" else float(np.max(hi[:2] - lo[:2]))
        places = 1 if item.form == "mc" else 2
        if abs(metres_value(item.answer) - value) > (0.06 if places == 1 else TOLERANCE_M):
            return f"{value:.{places}f} m"
        return item.answer

    def multi(self, item: Item, q: dict) -> str:
        images = [self.image(item, k) for k in range(len(item.images))]
        labels = [f"Image {k + 1}" for k in range(len(images))]
        counts = [raw.counts(v) for raw, v in images]
        if q["q"] == "image_with":
            def has(raw, v):
                shown, _ = raw.shown(v)
                return any(raw.objects[i]["category"] == q["category"] and
                           ("color" not in q or raw.objects[i].get("attributes", {}).get("color") == q["color"])
                           for i in shown)
            hits = [k for k, (raw, v) in enumerate(images) if has(raw, v) != q["lacks"]]
            if len(hits) != 1:
                raise Unresolved("not one image")
            return labels[hits[0]]
        if q["q"] == "image_on":
            def on(raw, v):
                shown, _ = raw.shown(v)
                return any(raw.objects[i]["category"] == q["a"] and raw.objects[i].get("support") in shown and
                           raw.objects[raw.objects[i]["support"]]["category"] == q["b"] for i in shown)
            hits = [k for k, (raw, v) in enumerate(images) if on(raw, v)]
            if len(hits) != 1:
                raise Unresolved("not one image")
            return labels[hits[0]]
        ns = [c.get(q.get("category"), 0) for c in counts]
        if None in ns:
            raise Unresolved("uncountable")
        if q["q"] == "image_most":
            pick = max(ns) if q["which"] == "most" else min(ns)
            if ns.count(pick) != 1:
                raise Unresolved("tie")
            return labels[ns.index(pick)]
        if q["q"] == "count_across":
            return str(sum(ns))
        if q["q"] == "common":
            common = set.intersection(*({c for c, n in cs.items() if n} for cs in counts))
            if len(common) != 1:
                raise Unresolved("not one common category")
            return common.pop().replace("_", " ")
        if q["q"] == "common_color":
            sets = []
            for raw, v in images:
                shown, _ = raw.shown(v)
                sets.append({raw.objects[i].get("attributes", {}).get("color") for i in shown})
            common = set.intersection(*sets)
            if None in set().union(*sets) or len(common) != 1:
                raise Unresolved("not one common colour")
            return common.pop()
        if q["q"] == "same_color":
            colors = []
            for raw, v in images[:2]:
                oid = raw.resolve(v, {"category": q["category"]})
                colors.append(raw.objects[oid].get("attributes", {}).get("color"))
            if None in colors:
                raise Unresolved("colour not set")
            return "yes" if colors[0] == colors[1] else "no"
        raise Unresolved(f"unknown query {q['q']!r}")

    def agrees(self, item: Item) -> tuple[bool, str]:
        try:
            expected = self.expected(item)
        except Unresolved as e:
            return False, f"unresolved: {e}"
        except (KeyError, IndexError, ValueError, OSError) as e:
            return False, f"unreadable: {type(e).__name__}"
        return expected == item.answer, "" if expected == item.answer else f"wrong: expected {expected!r}"


# --- temporal queries from poses.json ---------------------------------------------------------------

def _positions(raw: RawScene, oid: str) -> np.ndarray:
    return np.array([f["objects"][oid]["position"] for f in raw.poses()["frames"]], dtype=np.float64)


def _in_camera(raw: RawScene, oid: str) -> np.ndarray:
    """Per frame, the object's position in that frame's camera coordinates."""
    frames = raw.poses()["frames"]
    return np.array([raw.camera_point(0, f["objects"][oid]["position"], f["camera"]["c2w"]) for f in frames])


def _moved(raw, oid) -> bool:
    p = _positions(raw, oid)
    return float(np.linalg.norm(p[-1] - p[0])) > MOVED


def _direction(raw, q) -> str:
    c = _in_camera(raw, q["object"])
    d = c[-1] - c[0]
    side, toward = d[0] * 1.0, d[2]  # camera x right; +z toward the viewer
    # sideways metres at the object's depth, against change of depth
    if abs(side) > 2 * abs(toward):
        return "to the left" if side < 0 else "to the right"
    if abs(toward) > 2 * abs(side):
        return "toward the camera" if toward > 0 else "away from the camera"
    raise Unresolved("diagonal move")


def _end_side(raw, q) -> str:
    a, b = _in_camera(raw, q["object"])[-1], _in_camera(raw, q["other"])[-1]
    xa, xb = a[0] / -a[2], b[0] / -b[2]  # normalised image x
    return "left" if xa < xb else "right"


def _passes(raw, q) -> str:
    a, b = _in_camera(raw, q["object"]), _in_camera(raw, q["other"])
    xa, xb = a[:, 0] / -a[:, 2], b[:, 0] / -b[:, 2]
    side = np.sign(xa - xb)
    if side[0] == side[-1]:
        return "no"
    k = int(np.argmax(side != side[0]))
    return "yes" if -a[k, 2] < -b[k, 2] else "no"


def _first(raw, q) -> str:
    starts = []
    for oid in raw.objects:
        p = _positions(raw, oid)
        if float(np.linalg.norm(p[-1] - p[0])) > MOVED:
            moving = np.linalg.norm(p - p[0], axis=1) > 0.01
            starts.append((int(np.argmax(moving)), oid))
    starts.sort()
    if len(starts) < 2 or starts[0][0] == starts[1][0]:
        raise Unresolved("no first mover")
    return noun(raw, starts[0][1])


def _moved_which(raw, q) -> str:
    moving = [o for o in raw.objects if _moved(raw, o)]
    if len(moving) != 1:
        raise Unresolved("not one mover")
    return noun(raw, moving[0])


TEMPORAL = {"moved": lambda raw, q: "yes" if _moved(raw, q["object"]) else "no", "direction": _direction,
            "end_side": _end_side, "passes_in_front": _passes, "moved_first": _first, "moved_which": _moved_which}


# --- the whole pass ---------------------------------------------------------------------------------

@dataclass
class CheckReport:
    kept: int = 0
    dropped: Counter = field(default_factory=Counter)  # reason -> items
    duplicates: int = 0
    blind: int = 0
    examples: dict[str, str] = field(default_factory=dict)  # reason -> one dropped item's question

    def to_json(self) -> dict:
        return {"kept": self.kept, "dropped": dict(sorted(self.dropped.items())), "duplicates": self.duplicates,
                "blind": self.blind}


def check_items(items: list[Item], base: Path, *, checker: Checker | None = None) -> tuple[list[Item], CheckReport]:
    """The items whose answers the checker finds again, without duplicates, with `blind` set."""
    checker = checker or Checker(base)
    report = CheckReport()
    seen_ids, seen_questions, kept = set(), set(), []
    for item in items:
        key = (item.images, item.question)
        if item.id in seen_ids or key in seen_questions:
            report.duplicates += 1
            continue
        ok, why = checker.agrees(item)
        if not ok:
            reason = f"{item.generator}: {why.split(':')[0]}"
            report.dropped[reason] += 1
            report.examples.setdefault(reason, f"{item.question} -> {item.answer} ({why})")
            continue
        seen_ids.add(item.id)
        seen_questions.add(key)
        kept.append(item)
    kept = flag_blind(kept)
    report.kept, report.blind = len(kept), sum(i.blind for i in kept)
    return kept, report


def flag_blind(items: list[Item]) -> list[Item]:
    """Flag items whose question, asked in BLIND_SCENES or more scenes, always has the same answer."""
    answers: dict[str, set[str]] = defaultdict(set)
    scenes: dict[str, set[str]] = defaultdict(set)
    for it in items:
        answers[it.question].add(it.answer)
        scenes[it.question].add(it.scene_id)
    blind = {q for q in answers if len(scenes[q]) >= BLIND_SCENES and len(answers[q]) == 1}
    return [replace(it, blind=True) if it.question in blind else it for it in items]
