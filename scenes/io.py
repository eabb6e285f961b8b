"""SceneSpec <-> YAML, with errors that name the file and the field.

A spec file is untrusted input: its size, its nesting and the length of its integers are bounded
before anything is built from it, it must be UTF-8, and a key given twice is an error (YAML would
silently keep the last one).
"""
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


MAX_SPEC_BYTES = 32 * 2**20
MAX_NESTING = 32     # a spec is at most ~6 levels deep; far deeper is a mistake or an attack
MAX_INT_DIGITS = 30  # more digits than any field can hold (seeds stop at 2**63)


class _SpecLoader(yaml.SafeLoader):
    """YAML 1.2 booleans: only true/false (YAML 1.1 would read `predicate: on` as True); no key twice
    in a mapping; no integer longer than MAX_INT_DIGITS."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: set = set()
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                    key = (key_node.tag, key_node.value)
                    if key in seen:
                        raise yaml.constructor.ConstructorError(
                            "while reading a mapping", node.start_mark,
                            f"key {key_node.value!r} is given twice", key_node.start_mark)
                    seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_int(self, node):
        digits = sum(ch.isalnum() for ch in str(node.value))
        if digits > MAX_INT_DIGITS:
            raise yaml.constructor.ConstructorError(None, None, f"an integer of {digits} digits is too long",
                                                    node.start_mark)
        return super().construct_yaml_int(node)


_SpecLoader.add_constructor("tag:yaml.org,2002:int", _SpecLoader.construct_yaml_int)


_SpecLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _first in "tTfF":
    _SpecLoader.yaml_implicit_resolvers.setdefault(_first, []).insert(
        0, ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")))


def _check_nesting(text: str) -> None:
    """Refuse deep nesting before composing (PyYAML's composer recurses: 500 levels overflow the stack)."""
    depth = 0
    for event in yaml.parse(text, Loader=_SpecLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_NESTING:
                raise yaml.MarkedYAMLError(problem=f"nested more than {MAX_NESTING} levels deep",
                                           problem_mark=event.start_mark)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _field_path(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def describe_validation_error(err: ValidationError, source: str) -> str:
    """One line: the file, the first bad field, and what is wrong with it."""
    first = err.errors()[0]
    loc = tuple(p for p in first["loc"] if not (isinstance(p, str) and p.startswith(("function-", "tuple["))))
    msg = first["msg"].removeprefix("Value error, ")
    if first["type"] == "extra_forbidden":
        msg = "unknown field"
    more = f" (and {err.error_count() - 1} more)" if err.error_count() > 1 else ""
    if not loc and re.match(r"^[a-z_][\w.\[\]]*: ", msg):  # a whole-spec check names its own field
        return f"{source}: {msg}{more}"
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
    try:
        if not path.is_file():
            raise FyiError(f"{path}: no such spec file")
        size = path.stat().st_size
        if size > MAX_SPEC_BYTES:
            raise FyiError(f"{path}: spec file too large ({size / 2**20:.1f} MB > {MAX_SPEC_BYTES // 2**20} MB)")
        raw = path.read_bytes()
    except OSError as e:
        raise FyiError(f"{path}: cannot read the spec file ({e.strerror or e})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        raise FyiError(f"{path}: line {line} not valid UTF-8 (byte {raw[e.start]:#04x} at offset {e.start})") from None
    try:
        _check_nesting(text)
        data = yaml.load(text, Loader=_SpecLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise FyiError(f"{path}:{where} not valid YAML: {getattr(e, 'problem', e)}") from None
    except ValueError as e:  # a value YAML recognises but Python cannot build (a date like 2024-13-45)
        raise FyiError(f"{path}: not valid YAML: {e}") from None
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
