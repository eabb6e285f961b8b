"""What words mean, from two public vocabularies that ship with the package (assets/data/).

- LVIS v1's 1203 categories (name, synonyms, WordNet synset, definition, frequency): the everyday
  vocabulary of detection datasets, and the names Objaverse's LVIS annotations use.
- WordNet 3.0's physical nouns as a hypernym graph ("grass" -> gramineous plant -> herb -> plant...):
  what a word means when no category is named by it, so an unknown noun is compared with the
  categories FYI can build by meaning, never by spelling ("grass" is not "glass").

Both are read once, lazily; nothing is downloaded. tools/make_vocabulary.py wrote the files.
"""
from __future__ import annotations

import gzip
import json
import re
from collections import deque
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Iterable, Mapping, Sequence

# A common ancestor this general (more physical kinds below it than this) says nothing about what a
# thing is: an accordion and a bicycle are both "devices", a sock and a sofa both "artifacts".
MAX_FAMILY = 250
# Steps from the unknown word up to the common ancestor and from it down to the category: further than
# MAX_STEPS is a different thing, even within a small family; and the category must be close to that
# ancestor (MAX_DOWN), so that the word is a kind of what gets built ("a chicken" -> a bird, "a wolf" ->
# a dog), not a cousin of it ("a pig" is no giraffe, "a chandelier" no sink, though each pair shares a family).
MAX_STEPS = 4
MAX_DOWN = 1


def norm(word: str) -> str:
    """snake_case, lower case: "Coffee-Mug " -> coffee_mug (LVIS and WordNet spell names so)."""
    return "_".join(word.lower().replace("-", " ").split())


def head(name: str) -> str:
    """An LVIS name without its qualifier: "pan_(for_cooking)" -> pan, "flip-flop_(sandal)" -> flip-flop."""
    return re.sub(r"_?\(.*\)$", "", name)


@dataclass(frozen=True)
class LvisCategory:
    id: int
    name: str                   # as LVIS spells it: "pan_(for_cooking)"
    synonyms: tuple[str, ...]   # LVIS's own, the name among them
    synset: str                 # WordNet 3.0: "frying_pan.n.01"
    definition: str
    frequency: str              # "f" (frequent), "c" (common), "r" (rare)

    def spellings(self) -> tuple[str, ...]:
        """Its name and synonyms, normalised. (LVIS writes a few names as two in one, with a space:
        "monitor_(computer_equipment) computer_monitor" is both.)"""
        return tuple(dict.fromkeys(norm(part) for n in (self.name, *self.synonyms) for part in n.split()))

    def names(self) -> tuple[str, ...]:
        """Every spelling that names this category; without its qualifier too ("pan" for
        pan_(for_cooking)) when no other LVIS category has that head ("bat": the animal or the club)."""
        out = self.spellings()
        return tuple(dict.fromkeys(out + tuple(head(n) for n in out if lvis_entry(head(n)) is self)))


def _data(name: str) -> bytes:
    return files("fyi.assets").joinpath("data", name).read_bytes()


@lru_cache(maxsize=1)
def lvis_categories() -> tuple[LvisCategory, ...]:
    data = json.loads(_data("lvis_v1.json"))
    return tuple(LvisCategory(c["id"], c["name"], tuple(c["synonyms"]), c["synset"], c["def"], c["frequency"])
                 for c in data["categories"])


@lru_cache(maxsize=1)
def _lvis_by_name() -> dict[str, LvisCategory]:
    """Every LVIS spelling -> its entry; full names first, then heads no other entry claims."""
    out: dict[str, LvisCategory] = {}
    for c in lvis_categories():
        for n in c.spellings():
            out.setdefault(n, c)
    heads: dict[str, list[LvisCategory]] = {}
    for c in lvis_categories():
        for n in c.spellings():
            if head(n) != n:
                heads.setdefault(head(n), []).append(c)
    for h, entries in heads.items():
        if h not in out and len({e.id for e in entries}) == 1:  # "bat": the animal or the club, so neither
            out[h] = entries[0]
    return out


def lvis_entry(word: str) -> LvisCategory | None:
    """The LVIS category a word names ("frying pan", "pan_(for_cooking)", "skillet"), or None."""
    return _lvis_by_name().get(norm(word))


@lru_cache(maxsize=1)
def _wordnet() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    data = json.loads(gzip.decompress(_data("wordnet_nouns.json.gz")))
    return data["words"], data["parents"]


def senses(word: str) -> list[str]:
    """The WordNet synsets of a noun, its commonest physical senses first ([] when WordNet lacks it)."""
    return list(_wordnet()[0].get(norm(word), []))


def ancestors(synset: str) -> dict[str, int]:
    """The synset and every hypernym above it, with the fewest steps up to each."""
    parents = _wordnet()[1]
    steps = {synset: 0}
    queue = deque([synset])
    while queue:
        s = queue.popleft()
        for p in parents.get(s, ()):
            if p not in steps:
                steps[p] = steps[s] + 1
                queue.append(p)
    return steps


def distance(a: str, b: str) -> int | None:
    """Hypernym steps from one synset to another through their nearest common ancestor (None: none)."""
    up_a, up_b = ancestors(a), ancestors(b)
    common = [up_a[s] + up_b[s] for s in up_a if s in up_b]
    return min(common) if common else None


@lru_cache(maxsize=1)
def _family_sizes() -> dict[str, int]:
    """How many physical synsets lie at or below each synset."""
    parents = _wordnet()[1]
    above: dict[str, frozenset[str]] = {}

    def closure(s: str) -> frozenset[str]:  # iterative: WordNet is deep enough to matter for recursion
        stack = [s]
        while stack:
            top = stack[-1]
            todo = [p for p in parents.get(top, ()) if p not in above]
            if todo:
                stack.extend(todo)
                continue
            stack.pop()
            if top not in above:
                above[top] = frozenset({top}).union(*(above[p] for p in parents.get(top, ())))
        return above[s]

    sizes: dict[str, int] = {}
    for s in parents:
        for a in closure(s):
            sizes[a] = sizes.get(a, 0) + 1
    return sizes


def family_size(synset: str) -> int:
    return _family_sizes().get(synset, 1)


@dataclass(frozen=True)
class Nearest:
    category: str
    common: str   # the shared hypernym ("stringed_instrument.n.01"), or the word's own synset
    steps: int    # up from the word plus down to the category
    down: int     # from the shared hypernym down to the category


def nearest_by_meaning(word_senses: Sequence[str], candidates: Mapping[str, Iterable[str]]) -> Nearest | None:
    """Of `candidates` (category -> its synsets), the one nearest in meaning to a word with `word_senses`:
    the fewest hypernym steps through a common ancestor that is still specific (at most MAX_FAMILY kinds
    below it, at most MAX_STEPS steps in all, MAX_DOWN of them down to the category); earlier senses of
    the word win ties. None when no
    candidate is that close: a different thing is not built in a word's place."""
    best: tuple | None = None
    for rank, sense in enumerate(word_senses):
        up = ancestors(sense)
        for category, synsets in candidates.items():
            for synset in synsets:
                for common, down in ancestors(synset).items():
                    if common not in up or family_size(common) > MAX_FAMILY:
                        continue
                    steps = up[common] + down
                    if steps > MAX_STEPS or down > MAX_DOWN:
                        continue
                    key = (steps, rank, family_size(common), category)
                    if best is None or key < best[0]:
                        best = (key, Nearest(category, common, steps, down))
    return None if best is None else best[1]


# What stands on the floor, by what it is (a hypernym); everything else of an unknown category is a
# thing for a surface unless its mesh is big (see placement_for_size).
FLOOR_KINDS = frozenset({
    "furniture.n.01", "vehicle.n.01", "home_appliance.n.01", "ungulate.n.01", "person.n.01", "plant.n.02",
    "structure.n.01", "machine.n.01", "carnivore.n.01", "primate.n.02",
})


def placement_by_meaning(word: str) -> str | None:
    """"floor" or "surface" for a word's first sense, by its hypernyms; None when WordNet lacks it."""
    entry = lvis_entry(word)
    found = [entry.synset] if entry is not None else senses(word) or senses(head(norm(word)).split("_")[-1])
    if not found:
        return None
    return "floor" if FLOOR_KINDS & set(ancestors(found[0])) else "surface"


def placement_for_size(dims: Sequence[float]) -> str:
    """A thing of unknown kind stands on the floor when it is big (over 0.6 m tall or 0.25 m^2 of
    floor), else on a surface."""
    w, d, h = (float(x) for x in dims)
    return "floor" if h > 0.6 or w * d > 0.25 else "surface"


__all__ = ["LvisCategory", "Nearest", "ancestors", "distance", "family_size", "head", "lvis_categories", "lvis_entry",
           "nearest_by_meaning", "norm", "placement_by_meaning", "placement_for_size", "senses"]
