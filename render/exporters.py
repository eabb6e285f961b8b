"""What every exporter shares: byte-stable JSON and view file names.

The exporters themselves live one job per module: scene_graph, coco, transforms, glb, manifest;
render.dataset calls them all to fill a scene folder.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np

from fyi.scenes.io import write_text_atomic

DECIMALS = 6

__all__ = ["DECIMALS", "plain", "dumps", "write_json", "view_name"]


def plain(value: Any) -> Any:
    """`value` as plain JSON types, floats rounded to DECIMALS places so files are byte-stable."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        x = float(value)
        if not math.isfinite(x):
            raise ValueError(f"not a finite number: {x}")
        x = round(x, DECIMALS)
        return 0.0 if x == 0 else x  # -0.0 and 0.0 must print the same
    if isinstance(value, np.ndarray):
        return plain(value.tolist())
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, Path):
        return value.as_posix()
    raise TypeError(f"cannot write {type(value).__name__} to JSON")


def dumps(data: Any) -> str:
    """The exact text the exporters write: rounded, indented, key order as built, newline-terminated."""
    return json.dumps(plain(data), indent=2, allow_nan=False) + "\n"


def write_json(path: Path, data: Any) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(path, dumps(data))


def view_name(camera_id: int) -> str:
    """File stem of a view or frame: the id, four digits."""
    return f"{camera_id:04d}"
