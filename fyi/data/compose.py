"""Instruction items in (the QA record of fyi.data.items), constraint-bearing instructions out.

An item is read loosely (only the fields this needs are checked), so the QA generators may add fields.
The scene facts that perception constraints check come from the item's scene: `--scenes DIR` holding
`<scene_id>/scene.json`, or the scene folder its images lie in (`<scene>/views/rgb/0000.png`); with
view 0's instance mask there, what the image shows and where.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from fyi.data.constraints import compose, facts_from_scene
from fyi.errors import FyiError


class ItemLine(BaseModel):
    """The fields of an item record (id, scene_id, images, question, answer, form, ...) used here."""

    model_config = ConfigDict(extra="allow")

    id: str
    scene_id: str | None = None
    images: list[str] = []
    question: str = Field(min_length=1)
    answer: str | int | float | bool | list | None = None
    form: str = "qa"


class SceneFacts:
    """Scene facts by scene id, read once per scene."""

    def __init__(self, scenes_dir: Path | None) -> None:
        self.scenes_dir = scenes_dir
        self._cache: dict[str, dict] = {}

    def scene_json(self, item: ItemLine) -> Path | None:
        candidates = []
        if self.scenes_dir is not None and item.scene_id:
            candidates.append(self.scenes_dir / item.scene_id / "scene.json")
        for image in item.images:
            p = Path(image)
            candidates += [p.parent / "scene.json" for p in p.parents]
        return next((c for c in candidates if c.is_file()), None)

    def scene(self, item: ItemLine) -> dict:
        """The item's scene.json as a dict ({} when it has none)."""
        path = self.scene_json(item)
        if path is None:
            return {}
        key = str(path)
        if key not in self._cache:
            try:
                scene = json.loads(path.read_text())
                self._cache[key] = {"scene": scene, "facts": facts_from_scene(scene, _view0_mask(path.parent))}
            except (OSError, ValueError, KeyError, TypeError) as e:
                raise FyiError(f"{path}: not a scene.json FYI wrote: {e}") from None
        return self._cache[key]["scene"]

    def __call__(self, item: ItemLine) -> dict:
        """The item's scene facts ({} when it has no scene)."""
        path = self.scene_json(item)
        return self._cache[str(path)]["facts"] if path is not None and self.scene(item) else {}


def _view0_mask(scene_dir: Path):
    """View 0's instance ids (uint16 PNG) as an array, or None when the folder has no such file."""
    path = scene_dir / "views" / "instance" / "0000.png"
    if not path.is_file():
        return None
    import numpy as np
    from PIL import Image

    with Image.open(path) as im:
        return np.asarray(im)


def answer_text(answer: object) -> str | None:
    """An item's answer as a sentence's worth of text (a list is joined), or None when it has none."""
    if answer is None or answer == "" or answer == []:
        return None
    if isinstance(answer, bool):
        return "Yes." if answer else "No."
    if isinstance(answer, list):
        return ", ".join(map(str, answer)) + "."
    text = str(answer).strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def compose_items(items: list[ItemLine], facts: SceneFacts, seed: int, per_item: int, open_tasks: int) -> list[dict]:
    """Each item's question with constraints, `per_item` times; and per scene `open_tasks` open tasks
    ("describe the scene") with constraints. Deterministic in the seed."""
    rng = random.Random(seed)
    out: list[dict] = []
    seen_scenes: list[tuple[str | None, list[str], dict]] = []
    for item in items:
        f = facts(item)
        for _ in range(per_item):
            out.append(compose(item.model_dump(), f, rng))
        if item.scene_id not in [s[0] for s in seen_scenes]:
            seen_scenes.append((item.scene_id, item.images, f))
    for scene_id, images, f in seen_scenes:
        for k in range(open_tasks if f else 0):
            base = {"id": f"{scene_id}-open-{k}", "scene_id": scene_id, "images": images, "question": None}
            out.append(compose(base, f, rng))
    return out


def compose_command(items_path: str, out: str, seed: int, per_item: int, open_tasks: int,
                    scenes_dir: str | None) -> int:
    from fyi.data.jsonl import read_jsonl, write_jsonl

    if per_item < 0 or open_tasks < 0:
        raise FyiError("--per-item and --open-tasks: expected 0 or more")
    if scenes_dir is not None and not Path(scenes_dir).is_dir():
        raise FyiError(f"--scenes: {scenes_dir} is not a folder")
    items = read_jsonl(items_path, ItemLine)
    rows = compose_items(items, SceneFacts(Path(scenes_dir) if scenes_dir else None), seed, per_item, open_tasks)
    write_jsonl(out, rows)
    return len(rows)


__all__ = ["ItemLine", "SceneFacts", "answer_text", "compose_command", "compose_items"]
