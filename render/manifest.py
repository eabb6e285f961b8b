"""manifest.json: every file of a scene folder with its sha256, the seed, the versions used, timings."""
from __future__ import annotations

import datetime as dt
import hashlib
import platform
from importlib import metadata
from pathlib import Path

from fyi.render.exporters import plain, write_json

FORMAT = "fyi.manifest/1"
MANIFEST_NAME = "manifest.json"
PACKAGES = ("fyi", "bpy", "numpy", "trimesh", "pydantic", "langgraph")
RESERVED = ("format", "scene_id", "seed", "created", "versions", "timings", "files")
REPORT_DIR = "report"  # `fyi view`'s HTML report of the scene: a view of it, not part of it


def package_version(name: str) -> str | None:
    # Installed metadata, bpy included: importing bpy just to ask costs ~0.7 s and a Blender in this process.
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def versions() -> dict[str, str | None]:
    found = {name: package_version(name) for name in PACKAGES}
    return {"fyi": found.pop("fyi"), "python": platform.python_version(), **found}


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_records(scene_dir: Path) -> list[dict]:
    """Path (relative, posix), size and sha256 of every file below `scene_dir` but the manifest and the
    report/ of `fyi view`, sorted."""
    records = []
    for path in scene_dir.rglob("*"):
        rel = path.relative_to(scene_dir).as_posix()
        if path.is_file() and rel != MANIFEST_NAME and not rel.startswith(f"{REPORT_DIR}/"):
            records.append({"path": rel, "bytes": path.stat().st_size, "sha256": file_sha256(path)})
    return sorted(records, key=lambda r: r["path"])


def write_manifest(scene_dir: Path, *, seed: int, timings: dict[str, float], extra: dict) -> dict:
    """Write <scene_dir>/manifest.json and return it.

    `extra` adds top-level fields (e.g. "quality", "backend"); its "scene_id" overrides the folder
    name. "created" is wall-clock time, so determinism checks compare scene.json and masks, not this.
    """
    scene_dir = Path(scene_dir)
    extra = dict(extra)
    scene_id = extra.pop("scene_id", scene_dir.resolve().name)
    clash = sorted(set(extra) & set(RESERVED))
    if clash:
        raise ValueError(f"extra fields would overwrite manifest fields: {', '.join(clash)}")
    manifest = plain({
        "format": FORMAT,
        "scene_id": scene_id,
        "seed": seed,
        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "versions": versions(),
        "timings": dict(sorted(timings.items())),
        **extra,
        "files": file_records(scene_dir),
    })
    write_json(scene_dir / MANIFEST_NAME, manifest)
    return manifest
