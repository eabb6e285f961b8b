"""Context objects: what a room type holds that nobody asked for (`--clutter none|low|high`).

A kitchen has a bowl and a kettle about, a street a sign and a bin. The Generator draws them from
the room type's (or outdoor setting's) table under `seeded_rng(seed, "clutter")` after the requested
objects are laid out and view 0 is composed, and the layout solver places them without moving
anything requested (scenes/layout.py, `LayoutSolver.place_context`). They are marked `context: true`
and kept in the spec, so scene.yaml reproduces them; the critic, the relation checks and the
requested counts leave them out.

Rules that keep the instruction exact: a context object is never of a requested or excluded
category, nor of one a counter would take for it (a cup where mugs were asked for, a floor lamp
where a lamp was); and none may hide any part of a requested object in view 0 (`hiding`): one that
would is left out. What finds no place is left out too: it was never asked for, so that is a note in
the trace, not a warning.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from fyi.assets.catalog import asset_seed, spellings, word_senses
from fyi.assets.model import Asset
from fyi.assets.vocabulary import ancestors
from fyi.scenes.cameras import in_solid
from fyi.scenes.composition import picture, triangles
from fyi.scenes.dressing import STUDIO_ROOMS, seeded_rng
from fyi.scenes.geometry import body, interpenetrate
from fyi.scenes.spec import AssetRef, ObjectSpec, SceneSpec

# Per room type (indoors) or outdoor setting: categories the procedural catalog builds. Floor things
# stand against the walls and in corners, wall things hang there, small things stand on requested
# furniture's free tops (catalog placement decides which is which).
CONTEXT: dict[str, tuple[str, ...]] = {
    "kitchen": ("bowl", "bottle", "kettle", "toaster", "chopping_board", "vase", "pitcher", "potted_plant",
                "trash_can", "clock", "paper_towel", "basket"),
    "living_room": ("potted_plant", "floor_lamp", "book", "vase", "candle", "magazine", "picture", "basket",
                    "guitar", "figurine", "clock"),
    "bedroom": ("book", "lamp", "alarm_clock", "potted_plant", "floor_lamp", "suitcase", "backpack", "picture",
                "teddy_bear", "basket", "mirror"),
    "office": ("book", "lamp", "trash_can", "potted_plant", "box", "printer", "magazine", "backpack", "clock",
               "floor_lamp", "calendar"),
    "bathroom": ("towel", "soap", "toothbrush", "trash_can", "basket", "potted_plant", "toilet_tissue", "scale",
                 "mirror"),
    "dining_room": ("vase", "candle", "bowl", "bottle", "potted_plant", "pitcher", "candle_holder", "picture",
                    "clock", "flower_arrangement"),
    "classroom": ("book", "trash_can", "backpack", "potted_plant", "box", "clock", "map", "calendar"),
    "generic_room": ("potted_plant", "book", "vase", "box", "floor_lamp", "picture", "basket", "clock"),
    "street": ("street_sign", "trash_can", "lamppost", "fire_hydrant", "bench", "mailbox", "parking_meter",
               "bicycle"),
    "park": ("tree", "bench", "trash_can", "lamppost", "bicycle", "statue"),
    "field": ("tree", "log", "barrel", "bucket"),
    "beach": ("umbrella", "deck_chair", "buoy", "surfboard", "cooler", "bucket"),
    "snow": ("tree", "snowman", "sled", "log"),
    "parking_lot": ("car", "minivan", "lamppost", "parking_meter", "trash_can", "street_sign"),
}
# (fewest, most) context objects per level, for a room of about REFERENCE_AREA square metres.
COUNTS = {"none": (0, 0), "low": (2, 4), "high": (6, 10)}
REFERENCE_AREA = 16.0
# How much of a requested object's view-0 pixels a context object may cover: a bowl on a table covers a
# little of its top (the critic allows half hidden; the counted share of a small thing barely moves).
HIDE_TOLERANCE = 0.05
RASTER = 160  # width of the occlusion raster (pixels)


def table_for(spec: SceneSpec) -> tuple[str, ...]:
    room = spec.room
    if room.type in STUDIO_ROOMS:
        return ()  # a studio is a backdrop, an empty room was asked empty
    if room.type == "outdoors":
        return CONTEXT.get(room.setting or "park", ())
    return CONTEXT.get(room.type, CONTEXT["generic_room"])


@lru_cache(maxsize=1)
def _names_by_category() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for name, category in spellings().items():
        out.setdefault(category, set()).add(name)
    return {c: frozenset(n) for c, n in out.items()}


@lru_cache(maxsize=1024)
def kin(category: str) -> frozenset[str]:
    """The words a person (or a counter) names a category by: every word of its name and the head word
    of each of its synonyms ("cup" of mug's "coffee cup"; "lamp" of floor_lamp)."""
    names = _names_by_category().get(category, frozenset()) | {category}
    return frozenset(category.split("_")) | {n.split("_")[-1] for n in names}


@lru_cache(maxsize=1024)
def _meaning(category: str) -> tuple[str | None, frozenset[str]]:
    senses = word_senses(category)
    return (senses[0], frozenset(ancestors(senses[0]))) if senses else (None, frozenset())


def same_kind(a: str, b: str) -> bool:
    """Whether one category could be counted as the other: one name, a shared word or synonym head,
    or one a kind of the other in WordNet."""
    if a == b or kin(a) & kin(b):
        return True
    (sa, up_a), (sb, up_b) = _meaning(a), _meaning(b)
    return bool(sa and sb and (sa in up_b or sb in up_a))


def context_objects(spec: SceneSpec) -> list[ObjectSpec]:
    """The context objects a laid-out spec gets at its clutter level (none of them posed yet)."""
    low, high = COUNTS[spec.room.clutter]
    if not high or not spec.objects or spec.room.size is None:
        return []
    taken = [o.category for o in spec.objects] + list(spec.excluded)
    pool = [c for c in table_for(spec) if not any(same_kind(c, t) for t in taken)]
    if not pool:
        return []
    rng = seeded_rng(spec.seed, "clutter")
    w, d, _ = spec.room.size
    scale = float(np.clip(np.sqrt(w * d / REFERENCE_AREA), 0.75, 1.5))
    count = max(1, round(int(rng.integers(low, high + 1)) * scale))
    # Each category once before any repeats: a room holds a few different things.
    picks = [pool[int(i)] for i in rng.permutation(len(pool))]
    picks = (picks * (count // len(picks) + 1))[:count]
    used = {o.id for o in spec.objects}
    out = []
    for category in picks:
        n = 0
        while f"context_{category}_{n}" in used:
            n += 1
        oid = f"context_{category}_{n}"
        used.add(oid)
        out.append(ObjectSpec(id=oid, category=category, context=True,
                              asset=AssetRef(source="procedural", uid=category, seed=asset_seed(spec.seed, oid))))
    return out


def requested_only(spec: SceneSpec) -> SceneSpec:
    """The spec without its context objects (what the instruction asked for)."""
    if not any(o.context for o in spec.objects):
        return spec
    return spec.model_copy(update={"objects": [o for o in spec.objects if not o.context]})


def hiding(spec: SceneSpec, assets: dict[str, Asset], camera_index: int = 0) -> list[str]:
    """Context objects that cover any of a requested object's pixels in a view (view 0 by default):
    the requested objects are rasterised alone, then with each context object, from the view's camera."""
    context = [o for o in spec.objects if o.context]
    if not context or not spec.cameras:
        return []
    cam = spec.cameras[camera_index]
    width = RASTER
    height = max(8, round(RASTER * cam.height / cam.width))
    fx = cam.fx * width / cam.width
    c2w = np.array(cam.c2w, float)
    asked = requested_only(spec)
    if not asked.objects:
        return []
    alone = picture(triangles(asked, assets), c2w, fx, width, height, np.random.default_rng(spec.seed))
    out = []
    for c in context:
        pair = asked.model_copy(update={"objects": [*asked.objects, c]})
        pic = picture(triangles(pair, assets), c2w, fx, width, height, np.random.default_rng(spec.seed))
        # Nearer than the requested surface there: a pixel the pair's sampling merely missed is no cover.
        covered = (alone.owners >= 0) & (pic.owners == len(asked.objects)) & (pic.depth < alone.depth - 1e-3)
        lost = np.bincount(alone.owners[covered], minlength=len(asked.objects))
        seen = np.maximum(np.bincount(alone.owners[alone.owners >= 0], minlength=len(asked.objects)), 1)
        if np.any(lost > np.maximum(1, HIDE_TOLERANCE * seen)):
            out.append(c.id)
    return out


def in_the_way(spec: SceneSpec, assets: dict[str, Asset]) -> list[str]:
    """Context objects that a camera (any view or frame) stands in, or that a moving object passes
    through at any frame of the animation."""
    context = [o for o in spec.objects if o.context]
    if not context:
        return []
    bodies = {o.id: body(assets[o.id], o.position, o.rotation, o.scale) for o in context}
    eyes = [np.array(c.c2w)[:3, 3] for c in spec.cameras]
    sweeps = []
    anim = spec.animation
    if anim is not None:
        eyes += [np.array(m)[:3, 3] for m in anim.camera]
        for track in anim.objects:
            o = spec.object(track.object)
            sweeps += [body(assets[o.id], p, q, o.scale) for p, q in zip(track.positions, track.rotations)]
    out = []
    for oid, b in bodies.items():
        box = np.array([[b.lo, b.hi]])
        if any(in_solid(e, box) for e in eyes) or any(interpenetrate(b, s) for s in sweeps):
            out.append(oid)
    return out
