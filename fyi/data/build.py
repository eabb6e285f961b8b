"""From scene folders to checked instruction data: read facts, generate, check, thin, write.

A scene folder's items name their images scene-relative (views/rgb/0000.png); a dataset's items
(a folder of scene folders, as `fyi farm run` writes) name them dataset-relative
(<scene folder>/views/rgb/0000.png), so every item opens from the folder it was made from.
"""
from __future__ import annotations

import json
import random
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from fyi.api import output_folder, remove_empty
from fyi.data.check import CheckReport, Checker, check_items
from fyi.data.formats import FORMATS, llava_lines, write_items, write_text
from fyi.data.items import Item
from fyi.data.qa import check_generators, group_items, scene_items, stable_rng
from fyi.data.scene_facts import is_scene_folder, read_scene
from fyi.errors import FyiError
from fyi.scenes.spec import MAX_SEED

INSTRUCTIONS = "instructions.jsonl"
PER_GENERATOR = 8  # items one generator makes from one image at most (pairs of objects grow fast)
GROUP_SIZES = (2, 3, 4)  # images in a multi-scene item


@dataclass
class QAResult:
    out: Path
    items: list[Item]
    report: CheckReport
    paths: dict[str, Path] = field(default_factory=dict)
    scenes: int = 0


def thin(items: list[Item], k: int, rng: random.Random) -> list[Item]:
    """At most k items, yes/no kept half and half, order kept."""
    if len(items) <= k:
        return items
    yes = [i for i, it in enumerate(items) if it.form == "yn" and it.answer == "yes"]
    no = [i for i, it in enumerate(items) if it.form == "yn" and it.answer == "no"]
    rest = [i for i, it in enumerate(items) if it.form != "yn"]
    n = min(len(yes), len(no), k // 2) if yes and no else 0
    keep = rng.sample(yes, n) + rng.sample(no, n)
    keep += rng.sample(rest, min(len(rest), k - len(keep)))
    return [items[i] for i in sorted(keep)]


def per_image(items: list[Item], n: int | None, seed: int) -> list[Item]:
    """At most n items per image set, drawn round-robin over generators so every kind stays."""
    if n is None:
        return items
    by_images: dict[tuple, dict[str, list[Item]]] = defaultdict(lambda: defaultdict(list))
    for it in items:
        by_images[it.images][it.generator].append(it)
    out = []
    for images, gens in by_images.items():
        rng = stable_rng("per_image", seed, *images)
        queues = {g: rng.sample(v, len(v)) for g, v in sorted(gens.items())}
        picked = []
        while len(picked) < n and any(queues.values()):
            for g in list(queues):
                if queues[g] and len(picked) < n:
                    picked.append(queues[g].pop())
        out += picked
    return out


def one_scene(scene_dir: Path, *, generators=None, seed: int = 0, prefix: str = "") -> list[Item]:
    """Generated (unchecked) items of one scene, each generator thinned to PER_GENERATOR per image."""
    facts = read_scene(scene_dir)
    items = scene_items(facts, generators=generators, seed=seed)
    by_key = defaultdict(list)
    for it in items:
        by_key[(it.generator, it.images)].append(it)
    out = []
    for (gen, images), group in by_key.items():
        out += thin(group, PER_GENERATOR, stable_rng("thin", facts.scene_id, seed, gen, *images))
    if prefix:
        out = [replace(it, images=tuple(f"{prefix}/{p}" for p in it.images)) for it in out]
    return out


def scene_qa(scene_dir: Path, *, generators=None, seed: int = 0, n_per_image: int | None = None
             ) -> tuple[list[Item], CheckReport]:
    """Checked items of one scene folder."""
    items = per_image(one_scene(scene_dir, generators=generators, seed=seed), n_per_image, seed)
    return check_items(items, scene_dir)


def write_instructions(scene_dir: Path, *, seed: int = 0) -> CheckReport:
    """instructions.jsonl in a scene folder (LLaVA conversation lines of the checked items)."""
    items, report = scene_qa(scene_dir, seed=seed)
    write_text(Path(scene_dir) / INSTRUCTIONS, llava_lines(items))
    return report


def scene_folders(source: Path) -> list[Path]:
    """The scene folder `source` is, or the scene folders directly inside it (a dataset); else FyiError."""
    source = Path(source)
    if not source.is_dir():
        raise FyiError(f"{source}: not found (expected a scene folder or a dataset folder)")
    if is_scene_folder(source):
        return [source]
    found = sorted(p for p in source.iterdir() if p.is_dir() and not p.name.startswith(".") and is_scene_folder(p))
    if not found:
        raise FyiError(f"{source}: not a scene folder (no scene.json) and holds no scene folders")
    return found


def dataset_groups(scenes: list[Path], base: Path, seed: int, generators) -> list[Item]:
    """Multi-image items over the main views of 2-4 scenes at a time."""
    rng = stable_rng("groups", seed, *(s.name for s in scenes))
    order = rng.sample(scenes, len(scenes))
    items, k = [], 0
    while len(order) - k >= 2:
        size = min(rng.choice(GROUP_SIZES), len(order) - k)
        chosen = order[k:k + size]
        k += size
        facts = [read_scene(s) for s in chosen]
        group = [(f, f.views[0]) for f in facts]
        images = tuple(f"{s.relative_to(base).as_posix()}/{f.views[0].image}" for s, f in zip(chosen, facts))
        items += group_items(group, images, generators=generators, seed=seed)
    return items


def qa(source, out, *, generators=None, n_per_image: int | None = None, fmt: str = "llava", seed: int = 0) -> QAResult:
    """Checked QA items of a scene folder or a dataset folder, written to `out` in one format
    (plus check.json: kept, dropped by reason, duplicates, blind)."""
    if fmt not in FORMATS:
        raise FyiError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    if not 0 <= seed <= MAX_SEED:
        raise FyiError(f"--seed: expected 0 to {MAX_SEED}, got {seed}")
    if n_per_image is not None and n_per_image < 1:
        raise FyiError(f"--per-image: expected 1 or more, got {n_per_image}")
    generators = check_generators(generators.split(",") if isinstance(generators, str) else generators)
    source = Path(source)
    scenes = scene_folders(source)
    made = output_folder(Path(out))  # refused before any work; removed again if the work fails
    try:
        single = scenes == [source]
        items = []
        for s in scenes:
            items += one_scene(s, generators=generators, seed=seed,
                               prefix="" if single else s.relative_to(source).as_posix())
        if not single:
            items += dataset_groups(scenes, source, seed, generators)
        kept, report = check_items(per_image(items, n_per_image, seed), source, checker=Checker(source))
        path = write_items(kept, Path(out), fmt)
        write_text(Path(out) / "check.json", json.dumps({"source": str(source), "scenes": len(scenes), "format": fmt,
                                                         **report.to_json()}, indent=2) + "\n")
    except BaseException:
        remove_empty(made)
        raise
    return QAResult(Path(out), kept, report, {fmt: path, "check": Path(out) / "check.json"}, len(scenes))
