"""JSONL in and out for the data commands: every line validated, a mistake named by file, line and field."""
from __future__ import annotations

import json
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from fyi.errors import FyiError
from fyi.scenes.io import write_text_atomic

M = TypeVar("M", bound=BaseModel)


def read_jsonl(path: Path | str, model: type[M]) -> list[M]:
    """Every non-blank line of a JSONL file as `model`; the first bad line is one FyiError naming it."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise FyiError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise FyiError(f"{path}: cannot read: {e}") from None
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            out.append(model.model_validate(json.loads(line)))
        except json.JSONDecodeError as e:
            raise FyiError(f"{path}:{n}: not JSON: {e.msg}") from None
        except ValidationError as e:
            err = e.errors()[0]
            where = ".".join(str(p) for p in err["loc"]) or "line"
            raise FyiError(f"{path}:{n}: {where}: {err['msg']}") from None
    if not out:
        raise FyiError(f"{path}: no lines")
    return out


def write_jsonl(path: Path | str, rows: list[dict]) -> None:
    """All rows or nothing (one atomic rename)."""
    path = Path(path)
    if not path.parent.is_dir():
        raise FyiError(f"{path}: its folder {path.parent} does not exist")
    write_text_atomic(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))


__all__ = ["read_jsonl", "write_jsonl"]
