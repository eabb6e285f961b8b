"""SceneSpec <-> YAML, with errors that name the file and the field."""
from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

import yaml
from pydantic import ValidationError

from fyi.errors import FyiError
from fyi.scenes.spec import SceneSpec


class _SpecLoader(yaml.SafeLoader):
    """YAML 1.2 booleans: only true/false. YAML 1.1 would read `predicate: on` as True."""


_SpecLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _first in "tTfF":
    _SpecLoader.yaml_implicit_resolvers.setdefault(_first, []).insert(
        0, ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")))


def _field_path(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def describe_validation_error(err: ValidationError, source: str) -> str:
    """One line: the file, the first bad field, and what is wrong with it."""
    first = err.errors()[0]
    loc = tuple(p for p in first["loc"] if not (isinstance(p, str) and p.startswith(("function-", "tuple["))))
    msg = first["msg"]
    if first["type"] == "extra_forbidden":
        msg = "unknown field"
    more = f" (and {err.error_count() - 1} more)" if err.error_count() > 1 else ""
    return f"{source}: {_field_path(loc)}: {msg}{more}"


def spec_from_dict(data: object, source: str = "<spec>") -> SceneSpec:
    if not isinstance(data, dict):
        raise FyiError(f"{source}: expected a mapping of fields at the top level, got {type(data).__name__}")
    try:
        return SceneSpec.model_validate(data)
    except ValidationError as e:
        raise FyiError(describe_validation_error(e, source)) from None


def load_spec(path: str | os.PathLike) -> SceneSpec:
    path = Path(path)
    if not path.is_file():
        raise FyiError(f"{path}: no such spec file")
    try:
        data = yaml.load(path.read_text(), Loader=_SpecLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise FyiError(f"{path}:{where} not valid YAML: {getattr(e, 'problem', e)}") from None
    return spec_from_dict(data, str(path))


def spec_to_yaml(spec: SceneSpec) -> str:
    # Through JSON so tuples become lists and floats stay plain.
    data = json.loads(spec.model_dump_json(exclude_none=True))
    return yaml.safe_dump(data, sort_keys=False, width=120)


def write_text_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def save_spec(spec: SceneSpec, path: str | os.PathLike) -> None:
    write_text_atomic(Path(path), spec_to_yaml(spec))


def spec_json_schema() -> dict:
    return SceneSpec.model_json_schema()
