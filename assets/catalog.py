"""The catalog of categories: names, synonyms, where things go, and how to build them.

Procedural builders register themselves with `@category(...)`; `build_asset` turns a category, a
seed and a `Style` into an `Asset`, applying the requested colour, material and size to the body
parts generically, so builders only make geometry with sensible defaults.
"""
from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass, replace
from typing import Callable

import numpy as np

from fyi.assets.model import Asset, Placement, Surface
from fyi.assets.style import Style
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
        raise FyiError(f"unknown category {name!r}; nearest known: {nearest_category(name)!r}") from None


def _norm(word: str) -> str:
    return "_".join(word.lower().replace("-", " ").split())


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


def _names() -> dict[str, str]:
    """Every name and synonym (snake_case) -> category."""
    names: dict[str, str] = {}
    for c in _load().values():
        for n in (c.name, *c.synonyms):
            names.setdefault(_norm(n), c.name)
    return names


def resolve_category(word: str) -> str | None:
    """A category for a word or phrase ("mugs", "coffee table", "couch"), or None."""
    names = _names()
    key = _norm(word)
    head, _, last = key.rpartition("_")
    for candidate in (key, *((f"{head}_{s}" if head else s) for s in _singulars(last))):
        if candidate in names:
            return names[candidate]
    return None


def nearest_category(word: str) -> str:
    """The known category whose name or synonym is closest in spelling to `word`."""
    names = _names()
    hit = difflib.get_close_matches(_norm(word), list(names), n=1, cutoff=0.0)
    return names[hit[0]] if hit else sorted(names.values())[0]


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


__all__ = ["CategoryInfo", "category", "categories", "info", "resolve_category", "nearest_category",
           "build_asset", "asset_seed", "Surface"]
