"""Write the vocabulary data the catalog ships (assets/data/), once, from public sources.

    python tools/make_vocabulary.py LVIS_CATEGORIES_PY WORDNET_3_0_DICT_DIR

- LVIS_CATEGORIES_PY: detectron2's detectron2/data/datasets/lvis_v1_categories.py (LVIS v1, CC BY 4.0).
  -> assets/data/lvis_v1.json: id, name, synonyms, synset, def, frequency of all 1203 categories.
- WORDNET_3_0_DICT_DIR: Princeton WordNet 3.0's database files (data.noun, index.noun; the WordNet
  licence). -> assets/data/wordnet_nouns.json.gz: the physical things among WordNet's nouns, as
  {"words": {lemma: [synset, ...]}, "parents": {synset: [hypernym, ...]}}, synsets named as NLTK
  and LVIS name them ("grass.n.01"). That is what meaning-based fallbacks need (hypernym paths),
  without a WordNet reader or a download at run time. (Definitions would triple the size; LVIS's
  own definitions ship in lvis_v1.json.)
"""
from __future__ import annotations

import ast
import gzip
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "assets" / "data"
SENSES_KEPT = 3  # the first senses of a word: later ones are rare readings ("mug" = a face)


def lvis(path: Path) -> list[dict]:
    text = path.read_text()
    start = text.index("[", text.index("\nLVIS_CATEGORIES = "))  # the assignment, not the comment above it
    cats = ast.literal_eval(text[start:text.index("]", text.rindex("}")) + 1])
    keys = ("id", "name", "synonyms", "synset", "def", "frequency")
    return [{k: c[k] for k in keys} for c in sorted(cats, key=lambda c: c["id"])]


def wordnet_nouns(root: Path) -> dict:
    # data.noun: offset lex_filenum ss_type w_cnt words... p_cnt pointers... | gloss
    lemmas, parents = {}, {}
    for line in (root / "data.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        head = line.partition(" | ")[0]
        f = head.split()
        offset, n_words = f[0], int(f[3], 16)
        words = [f[4 + 2 * i].lower() for i in range(n_words)]
        k = 4 + 2 * n_words
        n_ptrs = int(f[k])
        # "@" only: instances ("@i", Paris, Picasso) are proper names, not things to build
        ups = [f[k + 1 + 4 * i + 1] for i in range(n_ptrs) if f[k + 1 + 4 * i] == "@"]
        lemmas[offset], parents[offset] = words, ups
    senses: dict[str, list[str]] = {}  # lemma -> offsets in sense order
    for line in (root / "index.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        f = line.split()
        n_synsets = int(f[2])
        senses[f[0]] = f[-n_synsets:]
    name = {}
    for offset, words in lemmas.items():
        first = words[0]
        name[offset] = f"{first.split('(')[0]}.n.{senses[first.split('(')[0]].index(offset) + 1:02d}"
    physical = "00001930"  # physical_entity.n.01

    def is_physical(offset: str, seen=()) -> bool:
        return offset == physical or any(is_physical(p, (*seen, offset)) for p in parents[offset] if p not in seen)

    memo: dict[str, bool] = {}
    keep = {o for o in lemmas if memo.setdefault(o, is_physical(o))}
    words = {}
    for lemma, offsets in senses.items():
        kept = [name[o] for o in offsets[:SENSES_KEPT] if o in keep]
        if kept and lemma.replace("_", "").replace("-", "").isalpha():
            words[lemma] = kept
    return {"source": "Princeton WordNet 3.0 (WordNet 3.0 Copyright 2006 by Princeton University; "
                      "licence in assets/data/README.md)",
            "words": words,
            "parents": {name[o]: [name[p] for p in parents[o]] for o in sorted(keep)}}


def main(lvis_py: str, wordnet_dir: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    cats = lvis(Path(lvis_py))
    assert len(cats) == 1203, len(cats)
    (OUT / "lvis_v1.json").write_text(json.dumps(
        {"source": "LVIS v1 categories (lvisdataset.org), as listed by detectron2; CC BY 4.0",
         "categories": cats}, indent=0, sort_keys=False) + "\n")
    data = wordnet_nouns(Path(wordnet_dir))
    with gzip.GzipFile(OUT / "wordnet_nouns.json.gz", "wb", mtime=0) as f:  # mtime 0: the same bytes every run
        f.write(json.dumps(data, sort_keys=True, separators=(",", ":")).encode())


if __name__ == "__main__":
    main(*sys.argv[1:])
