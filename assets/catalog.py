"""The catalog of categories: names, synonyms, where things go, and how to build them.

Procedural builders register themselves with `@category(...)`; `build_asset` turns a category, a
seed and a `Style` into an `Asset`, applying the requested colour, material and size to the body
parts generically, so builders only make geometry with sensible defaults.

Words reach categories three ways: a builder's own name and synonyms; LVIS's synonyms of the LVIS
category a builder is named by (so "skillet" finds a builder named `frying_pan` without repeating
every synonym); and, for a word that names nothing, the buildable category nearest in meaning
(WordNet hypernyms, `nearest_category`). Asset sources add categories no builder makes (an Objaverse
guitar) for the duration of a run: `with source_categories([...])`.
"""
from __future__ import annotations

import hashlib
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Iterable, Iterator

import numpy as np

from fyi.assets.model import Asset, Placement, Surface
from fyi.assets.style import METAL_COLOURS, Style
from fyi.assets import vocabulary
from fyi.errors import FyiError

Builder = Callable[[np.random.Generator], Asset]
# (min, max) metres of a category's height (z) and of its longer horizontal side, in the real world
SizeRange = tuple[tuple[float, float], tuple[float, float]]


@dataclass(frozen=True)
class CategoryInfo:
    name: str
    synonyms: tuple[str, ...]
    group: str
    placement: Placement
    against_wall: bool
    build: Builder
    size: SizeRange  # every build of the category at the default style falls in it (tests/test_assets.py)


_REGISTRY: dict[str, CategoryInfo] = {}


def category(name: str, *, size: SizeRange, group: str, synonyms: tuple[str, ...] = (), placement: Placement = "floor",
             against_wall: bool = False) -> Callable[[Builder], Builder]:
    """Register a procedural builder `build(rng) -> Asset` under a category name, with its real-world size range."""

    def register(build: Builder) -> Builder:
        if name in _REGISTRY:
            raise ValueError(f"category {name!r} registered twice")
        _REGISTRY[name] = CategoryInfo(name, tuple(synonyms), group, placement, against_wall, build, size)
        return build

    return register


def _load() -> dict[str, CategoryInfo]:
    if not _REGISTRY:
        import fyi.assets.procedural  # noqa: F401  (registers the builders)
    return _REGISTRY


def categories() -> list[CategoryInfo]:
    return sorted(_load().values(), key=lambda c: c.name)


def info(name: str) -> CategoryInfo:
    try:
        return _load()[name]
    except KeyError:
        near = nearest_category(name)
        hint = (f"; nearest known (by meaning): {near!r}" if near
                else "; nearest known: none close in meaning (`fyi assets list` shows the categories)")
        raise FyiError(f"unknown category {name!r}{hint}") from None


@dataclass(frozen=True)
class SourceCategory:
    """A category no procedural builder makes but an asset source has: an Objaverse object annotated
    "accordion" in LVIS, a file a folder's fyi_assets.json calls a "guitar". It builds from the source."""
    name: str
    synonyms: tuple[str, ...] = ()
    group: str = "object"
    placement: Placement = "surface"


_SOURCE_CATEGORIES: ContextVar[dict[str, SourceCategory]] = ContextVar("fyi_source_categories", default={})


@contextmanager
def source_categories(found: Iterable[SourceCategory]) -> Iterator[None]:
    """Within the block, words resolve to these categories too (builders' names keep priority)."""
    token = _SOURCE_CATEGORIES.set({c.name: c for c in found if c.name not in _load()})
    try:
        yield
    finally:
        _SOURCE_CATEGORIES.reset(token)


def sources_in_force() -> list[SourceCategory]:
    """The source categories words resolve to now (see `source_categories`), by name."""
    return sorted(_SOURCE_CATEGORIES.get().values(), key=lambda c: c.name)


def source_category(name: str) -> SourceCategory | None:
    """The source category of that name in force (see `source_categories`), or None."""
    return _SOURCE_CATEGORIES.get().get(name)


def source_category_for(name: str, dims=None) -> SourceCategory:
    """What a source's category with no builder is: its LVIS entry's synonyms, where it stands by what it
    is (WordNet) or else by the mesh's size (`dims`, metres), else on a surface."""
    key = _norm(name)
    entry = vocabulary.lvis_entry(key)
    synonyms = tuple(s for s in (entry.names() if entry else ()) if s != key)
    placement = vocabulary.placement_by_meaning(key) or (
        vocabulary.placement_for_size(dims) if dims is not None else "surface")
    return SourceCategory(key, synonyms, "object", placement)


def group_of(name: str) -> str | None:
    """The group of a builder's or a source's category ("furniture", "object"), None when unknown."""
    if name in _load():
        return _load()[name].group
    found = source_category(name)
    return found.group if found else None


def placement_of(name: str) -> Placement | None:
    if name in _load():
        return _load()[name].placement
    found = source_category(name)
    return found.placement if found else None


def _norm(word: str) -> str:
    return vocabulary.norm(word)


IRREGULAR = {"mice": "mouse", "geese": "goose", "children": "child", "people": "person", "men": "man",
             "women": "woman", "teeth": "tooth", "feet": "foot", "sheep": "sheep", "fish": "fish"}


def _singulars(word: str) -> list[str]:
    """Every singular a plural could come from ("knives" -> knife, knive, knives...); callers keep
    the first that names something."""
    out = [IRREGULAR[word]] if word in IRREGULAR else []
    for suffix, repl in (("ies", "y"), ("ves", "fe"), ("ves", "f"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 1 and not word.endswith("ss"):
            out.append(word[: -len(suffix)] + repl)
    return out


def _plural_of(key: str) -> list[str]:
    """The snake_case singulars a snake_case word could be the plural of ("wine_glasses" -> wine_glass...)."""
    head, _, last = key.rpartition("_")
    return [f"{head}_{s}" if head else s for s in _singulars(last)]


@lru_cache(maxsize=4)
def _builder_vocabulary(registered: int) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """(every spelling -> builder category, builder category -> the synsets of the LVIS categories it
    is), for the registry as it is (`registered` builders). A builder's own names come first; then the
    synonyms of each LVIS category that spells one of its names exactly, or whose head is its name in
    the same sense ("orange" for orange_(fruit), orange.n.01; not "bow" when LVIS has two bows, a weapon
    and a ribbon). A word keeps its first category."""
    builders = sorted(_load().values(), key=lambda c: c.name)
    names: dict[str, str] = {}
    for c in builders:
        for n in (c.name, *c.synonyms):
            names.setdefault(_norm(n), c.name)
    own = dict(names)
    synsets: dict[str, list[str]] = {c.name: [] for c in builders}
    by_head: dict[str, list] = {}
    for entry in vocabulary.lvis_categories():
        # a plural of a builder's name stays that builder's plural ("glasses" are glasses, not spectacles)
        full = [n for n in entry.spellings() if not any(s in own for s in _plural_of(n))]
        exact = {own[n] for n in full if n in own}
        if len(exact) == 1:
            cat = exact.pop()
            synsets[cat].append(entry.synset)
            for n in full:
                names.setdefault(n, cat)
        elif not exact:
            heads = {vocabulary.head(n) for n in full} & set(synsets)  # a builder's own name
            if len(heads) == 1:
                by_head.setdefault(heads.pop(), []).append((entry, full))
    for cat, entries in by_head.items():
        same_sense = [(e, full) for e, full in entries if e.synset.split(".")[0] == cat]
        if len(same_sense) == 1:
            entry, full = same_sense[0]
            synsets[cat].append(entry.synset)
            for n in full:
                names.setdefault(n, cat)
    return names, {c: tuple(dict.fromkeys(s)) for c, s in synsets.items()}


@lru_cache(maxsize=4)
def _builder_meanings(registered: int) -> dict[str, tuple[str, ...]]:
    """Builder category -> what it means as WordNet synsets: its LVIS categories', and WordNet's first
    sense of its name only when no LVIS category is it (a first sense may be another thing: "mouse" the
    animal, "microwave" the radiation); of its synonyms when WordNet lacks the name ("potted_plant")."""
    out = {}
    for c in _load().values():
        found = (_builder_vocabulary(registered)[1][c.name] or vocabulary.senses(c.name)[:1]
                 or [s for n in c.synonyms for s in vocabulary.senses(n)[:1]])
        out[c.name] = tuple(dict.fromkeys(found))
    return out


def _names() -> dict[str, str]:
    """Every name and synonym (snake_case) -> category: builders', LVIS's for them, then sources'."""
    names = _builder_vocabulary(len(_load()))[0]
    extra = _SOURCE_CATEGORIES.get()
    if not extra:
        return names
    names = dict(names)
    for c in extra.values():
        for n in (c.name, *c.synonyms):
            names.setdefault(_norm(n), c.name)
    return names


def spellings() -> dict[str, str]:
    """Every word (snake_case) that names a category -> that category (see `resolve_category`)."""
    return _names()


def singulars(word: str) -> list[str]:
    """The singulars a plural could come from, most likely first ("knives" -> knife, knive...)."""
    return _singulars(word)


def resolve_category(word: str) -> str | None:
    """A category for a word or phrase ("mugs", "coffee table", "couch", "skillet", an LVIS name such as
    "pan_(for_cooking)"), or None."""
    names = _names()
    key = _norm(word)
    for candidate in (key, *_plural_of(key)):
        if candidate in names:
            return names[candidate]
    return None


def word_senses(word: str) -> list[str]:
    """What a word may mean, as WordNet synsets: its LVIS category's, else WordNet's senses of the word,
    of its singular, and of its last word ("red accordion" -> accordion)."""
    key = _norm(word)
    entry = vocabulary.lvis_entry(key)
    if entry is not None:
        return [entry.synset]
    head, _, last = key.rpartition("_")
    for candidate in (key, *((f"{head}_{s}" if head else s) for s in _singulars(last)), last, *_singulars(last)):
        found = vocabulary.senses(candidate)
        if found:
            return found
    return []


def nearest_category(word: str) -> str | None:
    """The category nearest in meaning to a word that names none (WordNet hypernyms: "skillet" -> a pan,
    "puppy" -> dog), among builders and the sources' categories in force; None when nothing is close in
    meaning. Never by spelling: "grass" is not "glass"."""
    found = resolve_category(word)
    if found is not None:
        return found
    candidates = dict(_builder_meanings(len(_load())))
    for c in _SOURCE_CATEGORIES.get().values():
        entry = vocabulary.lvis_entry(c.name)
        candidates[c.name] = (entry.synset,) if entry else tuple(vocabulary.senses(c.name)[:1])
    hit = vocabulary.nearest_by_meaning(word_senses(word), candidates)
    return hit.category if hit else None


def asset_seed(seed: int, object_id: str) -> int:
    """A per-object seed, stable across runs and platforms."""
    digest = hashlib.sha256(f"{seed}:{object_id}".encode()).digest()
    return int.from_bytes(digest[:4], "little")


def build_asset(name: str, seed: int, style: Style = Style()) -> Asset:
    """Build a procedural asset of a category for a seed, in the requested colour, material and size."""
    cat = info(name)
    asset = cat.build(np.random.default_rng(seed))
    asset.category = cat.name
    asset.placement = cat.placement
    asset.against_wall = cat.against_wall
    asset.uid = f"procedural/{cat.name}/{seed}"
    rgb, material = style.rgb, style.material_kind
    for part in asset.parts:
        if part.role == "body":
            if rgb is not None:
                part.color = rgb
                if material is None and part.material == "metal" and style.color not in METAL_COLOURS:
                    part.material = "painted"
            if material is not None:
                part.material = material
    if rgb is not None:
        _show_asked_colour(asset, rgb)
    if style.scale != 1.0:
        s = style.scale
        for part in asset.parts:
            part.mesh.apply_scale(s)
        asset.surfaces = [replace(f, z=f.z * s, min=(f.min[0] * s, f.min[1] * s), max=(f.max[0] * s, f.max[1] * s),
                                  clearance=None if f.clearance is None else f.clearance * s)
                          for f in asset.surfaces]
    asset.__dict__.pop("mesh", None)
    asset.__dict__.pop("bounds", None)
    asset.__dict__.pop("footprint", None)
    return asset


SHOWN = 0.6  # the share of what the main view sees of an object that its asked colour must cover
DISPLAYS = {"screen", "display"}  # part names of screens, which can show a picture
_TOWARD_VIEW = np.array([0.0, -np.cos(np.radians(30.0)), np.sin(np.radians(30.0))])  # front, from 30 deg up


def _show_asked_colour(asset: Asset, rgb: tuple[float, float, float]) -> None:
    """An asked colour must be the colour a person names the object by. When the body is only a rim
    around a screen, a deck or a dark part that fills most of what the main view sees, those parts
    take the colour too, largest first (a red tv shows a red picture; a white skateboard has white
    grip tape); smaller details (wheels, handles, eyes) keep their own."""
    def seen(part) -> float:
        facing = np.clip(part.mesh.face_normals @ _TOWARD_VIEW, 0.0, None)
        return float((part.mesh.area_faces * facing).sum())

    total = sum(seen(p) for p in asset.parts)
    shown = sum(seen(p) for p in asset.parts if p.role == "body")
    # Glass stays glass (a red car has clear windows), but a screen lights up with a picture in the colour;
    # leaves and food keep their own (a red potted plant has a red pot, not red leaves). Below a part that
    # keeps its own, nothing smaller changes either: the colour could no longer be what the view shows.
    for part in sorted((p for p in asset.parts if p.role == "detail"), key=seen, reverse=True):
        if total <= 0 or shown / total >= SHOWN:
            break
        if part.material in ("foliage", "food") or (part.material == "glass" and part.name not in DISPLAYS):
            break
        part.color = rgb
        if part.name in DISPLAYS:
            part.material = "emissive"
        shown += seen(part)


__all__ = ["CategoryInfo", "SourceCategory", "category", "categories", "info", "group_of", "placement_of",
           "resolve_category", "nearest_category", "word_senses", "spellings", "singulars", "source_categories",
           "source_category", "source_category_for", "sources_in_force", "build_asset", "asset_seed", "Surface"]
