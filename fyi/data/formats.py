"""Checked items written in the formats trainers load: LLaVA conversations, ShareGPT, a Hugging Face
dataset (parquet, read by `load_dataset("parquet", data_files=...)` or `Dataset.from_parquet`), JSONL.

Every writer goes through a temporary file and one rename: a reader never sees half a file.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from fyi.data.items import Item, dumps

FORMATS = {"llava": "llava.json", "sharegpt": "sharegpt.json", "hf": "data.parquet", "jsonl": "items.jsonl"}


def image_tokens(item: Item) -> str:
    return "<image>\n" * len(item.images)


def llava_record(item: Item) -> dict:
    """One LLaVA conversation: `image` (a path, or a list for several images) and two turns."""
    return {"id": item.id, "image": item.images[0] if len(item.images) == 1 else list(item.images),
            "conversations": [{"from": "human", "value": image_tokens(item) + item.prompt()},
                              {"from": "gpt", "value": item.answer}]}


def sharegpt_record(item: Item) -> dict:
    """ShareGPT as LLaMA-Factory reads multimodal data: `messages` with roles, `images` listed."""
    return {"id": item.id, "messages": [{"role": "user", "content": "<image>" * len(item.images) + item.prompt()},
                                        {"role": "assistant", "content": item.answer}],
            "images": list(item.images)}


def llava_lines(items: list[Item]) -> str:
    """instructions.jsonl of a scene folder: one LLaVA conversation a line, with the item's fields."""
    return "".join(json.dumps({**llava_record(it), "question": it.question, "answer": it.answer, "form": it.form,
                               "choices": list(it.choices), "generator": it.generator, "family": it.family,
                               "blind": it.blind}) + "\n" for it in items)


def _atomic(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> None:
    def write(tmp):
        Path(tmp).write_text(text)
    _atomic(Path(path), write)


def hf_rows(items: list[Item]) -> list[dict]:
    """Flat columns (facts as JSON text: its shape differs between generators)."""
    return [{"id": it.id, "scene_id": it.scene_id, "images": list(it.images), "question": it.question,
             "answer": it.answer, "form": it.form, "choices": list(it.choices), "generator": it.generator,
             "family": it.family, "facts": json.dumps(it.facts), "blind": it.blind} for it in items]


def write_items(items: list[Item], out_dir: Path, fmt: str) -> Path:
    """Write `items` into out_dir in one format; return the file written."""
    if fmt not in FORMATS:
        raise ValueError(f"format: {fmt!r} is not one of {', '.join(FORMATS)}")
    path = Path(out_dir) / FORMATS[fmt]
    if fmt == "llava":
        write_text(path, json.dumps([llava_record(it) for it in items], indent=1) + "\n")
    elif fmt == "sharegpt":
        write_text(path, json.dumps([sharegpt_record(it) for it in items], indent=1) + "\n")
    elif fmt == "jsonl":
        write_text(path, "".join(dumps(it) + "\n" for it in items))
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pa.schema([("id", pa.string()), ("scene_id", pa.string()), ("images", pa.list_(pa.string())),
                            ("question", pa.string()), ("answer", pa.string()), ("form", pa.string()),
                            ("choices", pa.list_(pa.string())), ("generator", pa.string()), ("family", pa.string()),
                            ("facts", pa.string()), ("blind", pa.bool_())])
        table = pa.Table.from_pylist(hf_rows(items), schema=schema)
        _atomic(path, lambda tmp: pq.write_table(table, tmp))
    return path
