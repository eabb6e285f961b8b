"""Where assets come from besides the procedural library: a local folder of meshes, and Objaverse.

A source lists `AssetRecord`s (what retrieval searches: names, descriptions, tags, categories,
licences) and fetches one as a normalised GLB in the canonical frame (`fyi.assets.ingest`), which
`load_asset` turns into an `Asset`.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import objaverse

from fyi.assets import vocabulary
from fyi.assets.catalog import SourceCategory, categories, info, resolve_category, source_category_for
from fyi.assets.files import load_mesh_asset
from fyi.assets.ingest import normalise, update_sidecar
from fyi.assets.model import Asset
from fyi.errors import FyiError


@dataclass(frozen=True)
class AssetRecord:
    source: str            # "local" | "objaverse" | "procedural"
    uid: str               # objaverse uid / path relative to the local root / category for procedural
    category: str | None   # a builder's category, else the source's own (an LVIS name), else None
    name: str
    description: str = ""
    tags: tuple[str, ...] = ()
    license: str = "unknown"
    dimensions: tuple[float, float, float] | None = None   # metres, after normalisation, when known


def default_cache_dir() -> Path:
    """$FYI_CACHE_DIR, or ~/.cache/fyi: where normalised assets of local folders go."""
    root = os.environ.get("FYI_CACHE_DIR")
    return Path(root).expanduser() if root else Path.home() / ".cache" / "fyi"


def default_objaverse_dir() -> Path:
    """$FYI_OBJAVERSE_DIR, or ~/.objaverse (the objaverse package's own default)."""
    root = os.environ.get("FYI_OBJAVERSE_DIR")
    return Path(root).expanduser() if root else Path.home() / ".objaverse"


def _words(name: str) -> list[str]:
    """Lower-case words of a file stem or label: "RedCoffee_table-02" -> [red, coffee, table]."""
    name = re.sub(r"([a-z])([A-Z])", r"\1 \2", name)
    return [w.lower() for w in re.findall(r"[A-Za-z]+", name)]


def category_from_name(name: str, *, head_only: bool = False) -> str | None:
    """The catalog category a name speaks of. English puts the head noun last, so runs of words
    ending at the last word come first, longest first ("red coffee table" -> coffee_table); then,
    unless `head_only` (for labels, where "dog collar" is no dog), any other run ("chair_old")."""
    words = _words(name)
    runs = [words[start:] for start in range(len(words))]
    if not head_only:
        runs += [words[start:start + n] for n in range(len(words) - 1, 0, -1)
                 for start in range(len(words) - n - 1, -1, -1)]
    for run in runs:
        hit = resolve_category(" ".join(run))
        if hit:
            return hit
    return None


# LVIS names whose words resolve to a wrong catalog category (a toy car is no car-sized car).
LVIS_OVERRIDES: dict[str, str | None] = {
    "bat_(animal)": None, "teddy_bear": None, "toy_car": None, "bear_cub": "bear", "lamb_(animal)": "sheep",
}


def category_from_lvis(lvis_name: str) -> str | None:
    """The builder's category for an LVIS category name ("coffee_table", "mouse_(computer_equipment)"),
    or None when no builder makes it."""
    if lvis_name in LVIS_OVERRIDES:
        return LVIS_OVERRIDES[lvis_name]
    return resolve_category(lvis_name) or category_from_name(vocabulary.head(lvis_name), head_only=True)


def record_category(lvis_name: str) -> str:
    """The category an Objaverse object of an LVIS category is kept under: the builder's, else its LVIS
    name (lower case), so an object no builder makes (a guitar) still builds, under that name."""
    return category_from_lvis(lvis_name) or vocabulary.norm(lvis_name)


def source_vocabulary(records) -> list[SourceCategory]:
    """The categories of `records` that no builder makes, with their LVIS synonyms and placement: the
    words an instruction may use for them while these sources are in use."""
    builders = {c.name for c in categories()}
    found: dict[str, tuple | None] = {}
    for r in records:
        if r.category and r.category not in builders:
            found.setdefault(r.category, r.dimensions)
    return [source_category_for(name, dims) for name, dims in sorted(found.items())]


def placed(asset: Asset) -> Asset:
    """A source's asset stands where its category does: a builder's placement, else where a thing of
    that kind stands (WordNet), else where a thing of its size does."""
    try:
        cat = info(asset.category)
        asset.placement, asset.against_wall = cat.placement, cat.against_wall
    except FyiError:
        asset.placement = source_category_for(asset.category, tuple(asset.dims)).placement
    return asset


# Sketchfab's licence slugs, as Objaverse's metadata gives them, as SPDX identifiers.
OBJAVERSE_LICENSES = {
    "by": "CC-BY-4.0", "by-sa": "CC-BY-SA-4.0", "by-nd": "CC-BY-ND-4.0", "by-nc": "CC-BY-NC-4.0",
    "by-nc-sa": "CC-BY-NC-SA-4.0", "by-nc-nd": "CC-BY-NC-ND-4.0", "cc0": "CC0-1.0",
}

LOCAL_SUFFIXES = (".glb", ".gltf", ".obj", ".ply")
METADATA_NAMES = ("fyi_assets.json", "fyi_assets.yaml", "fyi_assets.yml")
METADATA_KEYS = {"category", "name", "description", "tags", "license", "height_m"}


class LocalFolderSource:
    """Every mesh file under a folder, described by an optional `fyi_assets.json` (or .yaml) there:
    `{"<relative path>": {"category", "name", "description", "tags", "license", "height_m"}}`
    (all optional). Without an entry, the category comes from the file name."""

    source = "local"

    def __init__(self, root: Path, cache_dir: Path | None = None):
        self.root = Path(root).expanduser().resolve()
        if not self.root.is_dir():
            raise FyiError(f"{self.root}: asset folder not found")
        self.cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir() / "normalised" / "local"

    def metadata(self) -> dict[str, dict]:
        """The metadata file's entries by relative path (POSIX separators), checked."""
        for name in METADATA_NAMES:
            path = self.root / name
            if path.is_file():
                break
        else:
            return {}
        try:
            if path.suffix == ".json":
                data = json.loads(path.read_text(encoding="utf-8"))
            else:
                import yaml

                data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except Exception as e:  # OSError, json's ValueError, yaml.YAMLError
            raise FyiError(f"{path}: cannot read asset metadata ({type(e).__name__}: {e})") from None
        if not isinstance(data, dict):
            raise FyiError(f"{path}: asset metadata must map file paths to entries")
        out = {}
        for rel, entry in data.items():
            if not isinstance(entry, dict):
                raise FyiError(f"{path}: entry {rel!r} must be a mapping")
            unknown = set(entry) - METADATA_KEYS
            if unknown:
                raise FyiError(f"{path}: entry {rel!r} has unknown keys {sorted(unknown)} "
                               f"(known: {sorted(METADATA_KEYS)})")
            if "tags" in entry and not isinstance(entry["tags"], list):
                raise FyiError(f"{path}: entry {rel!r}: tags must be a list")
            h = entry.get("height_m")
            if h is not None and (isinstance(h, bool) or not isinstance(h, (int, float)) or h <= 0):
                raise FyiError(f"{path}: entry {rel!r}: height_m must be a positive number of metres")
            out[Path(str(rel)).as_posix()] = entry
        return out

    def _files(self) -> list[Path]:
        cache = self.cache_dir.resolve()
        files = []
        for path in self.root.rglob("*"):
            rel = path.relative_to(self.root)
            if (path.suffix.lower() in LOCAL_SUFFIXES and path.is_file()
                    and not any(p.startswith(".") for p in rel.parts) and cache not in path.parents):
                files.append(path)
        return sorted(files)

    def _record(self, rel: str, entry: dict) -> AssetRecord:
        stem = Path(rel).stem
        raw = entry.get("category")
        category = (resolve_category(str(raw)) or category_from_name(str(raw))) if raw else category_from_name(stem)
        tags = tuple(str(t) for t in entry.get("tags", ()))
        if raw and category is None:  # no builder makes it: it builds from this file, under the user's word
            lvis = vocabulary.lvis_entry(str(raw))
            category = vocabulary.norm(lvis.name if lvis else str(raw))
            tags = (*tags, str(raw))
        return AssetRecord(source=self.source, uid=rel, category=category,
                           name=str(entry.get("name") or " ".join(_words(stem)) or stem),
                           description=str(entry.get("description", "")), tags=tags,
                           license=str(entry.get("license", "unknown")))

    def records(self) -> list[AssetRecord]:
        meta = self.metadata()
        return [self._record(p.relative_to(self.root).as_posix(), meta.get(p.relative_to(self.root).as_posix(), {}))
                for p in self._files()]

    def _resolve(self, uid: str) -> Path:
        path = (self.root / uid).resolve()
        if self.root not in path.parents or not path.is_file():
            raise FyiError(f"{uid!r}: no such asset file under {self.root}")
        if path.suffix.lower() not in LOCAL_SUFFIXES:
            raise FyiError(f"{uid!r}: not a mesh file (expected one of {', '.join(LOCAL_SUFFIXES)})")
        return path

    def record(self, uid: str) -> AssetRecord:
        path = self._resolve(uid)
        rel = path.relative_to(self.root).as_posix()
        return self._record(rel, self.metadata().get(rel, {}))

    def fetch(self, uid: str) -> Path:
        """The normalised GLB of a file under the root (cached by content hash)."""
        path = self._resolve(uid)
        rel = path.relative_to(self.root).as_posix()
        entry = self.metadata().get(rel, {})
        rec = self._record(rel, entry)
        glb, _ = normalise(path, rec.category, self.cache_dir, height_m=entry.get("height_m"))
        update_sidecar(glb, source=self.source, uid=rel, license=rec.license, name=rec.name)
        return glb

    def load_asset(self, uid: str) -> Asset:
        rec = self.record(uid)
        return placed(load_mesh_asset(self.fetch(uid), rec.category or "object", source=self.source, uid=rec.uid,
                                      license=rec.license, description=rec.description))


# The objaverse package keeps its cache location in module globals read at call time
# (BASE_PATH, _VERSIONED_PATH): each call points them at this source's cache, under a lock.
_OBJAVERSE_LOCK = threading.Lock()


class ObjaverseSource:
    """Objaverse 1.0 objects with LVIS categories, through the `objaverse` package.

    The cache (`cache_dir`/hf-objaverse-v1: object-paths.json.gz, metadata/*.json.gz,
    lvis-annotations.json.gz, glbs/...) is the package's own layout; with allow_download=False
    nothing outside it is touched, and a missing piece is an FyiError naming it.
    """

    source = "objaverse"

    def __init__(self, cache_dir: Path | None = None, *, allow_download: bool | None = None):
        self.cache_dir = Path(cache_dir).expanduser() if cache_dir is not None else default_objaverse_dir()
        if allow_download is None:  # offline unless the user opts in: FYI_OBJAVERSE_DOWNLOAD=1
            allow_download = os.environ.get("FYI_OBJAVERSE_DOWNLOAD", "") in ("1", "true", "yes")
        self.versioned_dir = self.cache_dir / "hf-objaverse-v1"
        self.normalised_dir = self.cache_dir / "fyi-normalised"
        self.allow_download = allow_download
        self._lvis: dict[str, list[str]] | None = None
        self._paths: dict[str, str] | None = None
        self._lvis_by_uid: dict[str, str] | None = None

    @contextlib.contextmanager
    def _package(self, what: str) -> Iterator[None]:
        with _OBJAVERSE_LOCK:
            saved = objaverse.BASE_PATH, objaverse._VERSIONED_PATH
            objaverse.BASE_PATH, objaverse._VERSIONED_PATH = str(self.cache_dir), str(self.versioned_dir)
            try:
                yield
            except OSError as e:  # urllib's URLError/HTTPError are OSErrors
                raise FyiError(f"{what}: cannot read or download it (cache at {self.versioned_dir}; "
                               f"{type(e).__name__}: {e})") from None
            finally:
                objaverse.BASE_PATH, objaverse._VERSIONED_PATH = saved

    def _require(self, path: Path, what: str) -> None:
        if not path.is_file() and not self.allow_download:
            raise FyiError(f"{what} not in the Objaverse cache at {path}; pre-fill the cache or use "
                           f"ObjaverseSource(allow_download=True) (needs network)")

    def lvis(self) -> dict[str, list[str]]:
        """LVIS category -> uids (objaverse.load_lvis_annotations)."""
        if self._lvis is None:
            self._require(self.versioned_dir / "lvis-annotations.json.gz", "the LVIS annotations are")
            with self._package("Objaverse LVIS annotations"):
                self._lvis = objaverse.load_lvis_annotations()
        return self._lvis

    def object_paths(self) -> dict[str, str]:
        """uid -> path of its GLB inside the cache ("glbs/000-000/<uid>.glb")."""
        if self._paths is None:
            self._require(self.versioned_dir / "object-paths.json.gz", "the object paths are")
            with self._package("Objaverse object paths"):
                # load_uids() gives only the keys; the paths locate a uid's GLB in the cache
                self._paths = objaverse._load_object_paths()
        return self._paths

    def _lvis_of(self, uid: str) -> str | None:
        """The LVIS category of a uid (None when unannotated or the annotations are not cached)."""
        if not (self.versioned_dir / "lvis-annotations.json.gz").is_file() and not self.allow_download:
            return None
        if self._lvis_by_uid is None:
            self._lvis_by_uid = {}
            for name, uids in sorted(self.lvis().items()):
                for u in uids:
                    self._lvis_by_uid.setdefault(u, name)
        return self._lvis_by_uid.get(uid)

    def _annotations(self, uids: list[str]) -> dict[str, dict]:
        """objaverse.load_annotations for the uids whose metadata shard is available."""
        paths = self.object_paths()
        known = [u for u in uids if u in paths]
        if not self.allow_download:
            # load_annotations downloads a missing shard: keep to the shards in the cache
            meta = self.versioned_dir / "metadata"
            known = [u for u in known if (meta / f"{paths[u].split('/')[1]}.json.gz").is_file()]
        if not known:
            return {}
        with self._package("Objaverse metadata"):
            return objaverse.load_annotations(known)

    def _record(self, uid: str, lvis_name: str, category: str | None, meta: dict) -> AssetRecord:
        tags = tuple(dict.fromkeys([t.get("name", "") if isinstance(t, dict) else str(t)
                                    for t in meta.get("tags", [])] + [lvis_name.replace("_", " ")]))
        raw_license = str(meta.get("license") or "unknown")
        return AssetRecord(source=self.source, uid=uid, category=category,
                           name=str(meta.get("name") or lvis_name.replace("_", " ")),
                           description=str(meta.get("description") or ""),
                           tags=tuple(t for t in tags if t),
                           license=OBJAVERSE_LICENSES.get(raw_license, raw_license))

    def records(self, categories: list[str] | None = None) -> list[AssetRecord]:
        """Objects with an LVIS category, under the builder's category or else their LVIS name (only
        `categories` when given: category names or words such as "couch")."""
        wanted = None if categories is None else {resolve_category(c) or record_category(c) for c in categories}
        chosen: dict[str, tuple[str, str]] = {}
        for lvis_name, uids in sorted(self.lvis().items()):
            category = record_category(lvis_name)
            if wanted is not None and category not in wanted:
                continue
            for uid in uids:
                chosen.setdefault(uid, (lvis_name, category))
        meta = self._annotations(sorted(chosen))
        return sorted((self._record(uid, lvis_name, category, meta.get(uid, {}))
                       for uid, (lvis_name, category) in chosen.items()),
                      key=lambda r: (r.category or "", r.uid))

    def record(self, uid: str) -> AssetRecord:
        lvis_name = self._lvis_of(uid) or ""
        category = record_category(lvis_name) if lvis_name else None
        return self._record(uid, lvis_name, category, self._annotations([uid]).get(uid, {}))

    def fetch(self, uid: str) -> Path:
        """The normalised GLB of an Objaverse object; its sidecar JSON records the source sha256,
        licence, scale and face counts."""
        uid = uid.removesuffix(".glb")
        paths = self.object_paths()
        if uid not in paths:
            raise FyiError(f"Objaverse object {uid} is not in the Objaverse cache at {self.versioned_dir}: "
                           f"object-paths.json.gz does not list it")
        cached = self.versioned_dir / paths[uid]
        if not cached.is_file() and not self.allow_download:
            raise FyiError(f"Objaverse object {uid} is not in the Objaverse cache at {cached}; pre-fill the "
                           f"cache or use ObjaverseSource(allow_download=True) (needs network)")
        with self._package(f"Objaverse object {uid}"):
            found = objaverse.load_objects([uid], download_processes=1)
        if uid not in found or not Path(found[uid]).is_file():
            raise FyiError(f"Objaverse object {uid}: the objaverse package returned no file "
                           f"(cache at {self.versioned_dir})")
        rec = self.record(uid)
        glb, report = normalise(Path(found[uid]), rec.category, self.normalised_dir)
        update_sidecar(glb, source=self.source, uid=uid, license=rec.license, name=rec.name,
                       source_sha256=report.source_sha256, scale=report.scale,
                       faces_before=report.faces_in, faces_after=report.faces_out)
        return glb

    def load_asset(self, uid: str) -> Asset:
        rec = self.record(uid)
        return placed(load_mesh_asset(self.fetch(uid), rec.category or "object", source=self.source, uid=uid,
                                      license=rec.license, description=rec.description or rec.name))
