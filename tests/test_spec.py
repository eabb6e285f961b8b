"""SceneSpec: YAML round trip, generated schema, and one clear line for every kind of bad input."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from fyi.errors import FyiError
from fyi.scenes.io import load_spec, save_spec, spec_from_dict, spec_json_schema, spec_to_yaml
from fyi.scenes.spec import SceneSpec

EXAMPLES = Path(__file__).parents[1] / "scenes" / "examples"
MINIMAL = {"scene_id": "s", "objects": [{"id": "mug_0", "category": "mug"}]}


def fyi(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "fyi.cli", *args], capture_output=True, text=True, cwd=cwd)


def test_yaml_round_trip_keeps_every_field(tmp_path):
    spec = spec_from_dict({
        "scene_id": "kitchen-1", "seed": 7, "instruction": "a kettle on a counter",
        "room": {"type": "kitchen", "size": [4, 3.5, 2.7]},
        "objects": [
            {"id": "counter_0", "category": "counter", "position": [0, 1.4, 0], "rotation": [1, 0, 0, 0],
             "support": "floor", "instance_id": 1, "asset": {"uid": "counter", "seed": 3}},
            {"id": "kettle_0", "category": "kettle", "attributes": {"color": "red", "material": "metal"},
             "support": "counter_0", "instance_id": 2},
        ],
        "relations": [{"subject": "kettle_0", "predicate": "on", "object": "counter_0"}],
        "cameras": [{"id": 0, "width": 64, "height": 48, "fx": 60, "fy": 60, "cx": 32, "cy": 24,
                     "c2w": [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 3], [0, 0, 0, 1]]}],
    })
    path = tmp_path / "scene.yaml"
    save_spec(spec, path)
    again = load_spec(path)
    assert again == spec
    assert spec_to_yaml(again) == path.read_text()


def test_schema_is_generated_from_the_model():
    schema = spec_json_schema()
    assert schema == SceneSpec.model_json_schema()
    assert {"scene_id", "objects", "relations", "cameras", "room"} <= set(schema["properties"])
    assert schema["$defs"]["ObjectSpec"]["additionalProperties"] is False


def test_example_specs_validate():
    examples = sorted(EXAMPLES.glob("*.yaml"))
    assert examples, "scenes/examples holds example specs"
    for path in examples:
        assert load_spec(path).objects


@pytest.mark.parametrize("data, message", [
    ({**MINIMAL, "objects": [{"id": "mug_0", "category": "mug", "scale": [1, -2, 1]}]},
     "objects[0].scale[1]: Input should be greater than 0"),
    ({**MINIMAL, "objects": [{"id": "mug_0", "category": "mug", "colour": "red"}]}, "objects[0].colour: unknown field"),
    ({**MINIMAL, "seed": "many"}, "seed: Input should be a valid integer"),
    ({**MINIMAL, "objects": [{"id": "mug_0", "category": "mug", "position": "up"}]}, "objects[0].position"),
    ({**MINIMAL, "relations": [{"subject": "mug_0", "predicate": "on", "object": "table_9"}]},
     "relations[0].object: unknown object 'table_9'"),
    ({**MINIMAL, "relations": [{"subject": "mug_0", "predicate": "atop", "object": "mug_0"}]}, "relations[0].predicate"),
    ({"objects": MINIMAL["objects"]}, "scene_id: Field required"),
    ({**MINIMAL, "room": {"type": "garage"}}, "room.type"),
])
def test_bad_specs_name_the_field(data, message):
    with pytest.raises(FyiError) as e:
        spec_from_dict(data, "bad.yaml")
    assert str(e.value).startswith("bad.yaml: ")
    assert message in str(e.value)
    assert "\n" not in str(e.value)


def test_a_spec_without_objects_is_an_empty_room():
    assert spec_from_dict({**MINIMAL, "objects": []}, "empty.yaml").objects == []


def test_cli_validate_reports_one_line_and_fails(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump({**MINIMAL, "objects": [{"id": "mug_0", "category": "mug", "size": 3}]}))
    p = fyi("validate", str(bad))
    assert p.returncode == 2
    assert p.stderr.strip().count("\n") == 0
    assert "objects[0].size: unknown field" in p.stderr and "Traceback" not in p.stderr

    broken = tmp_path / "broken.yaml"
    broken.write_text("scene_id: [unclosed\n")
    p = fyi("validate", str(broken))
    assert p.returncode == 2 and "not valid YAML" in p.stderr and "Traceback" not in p.stderr

    p = fyi("validate", str(tmp_path / "missing.yaml"))
    assert p.returncode == 2 and "no such spec file" in p.stderr


def test_cli_rejects_unknown_category_and_missing_asset_file(tmp_path):
    spec = tmp_path / "s.yaml"
    spec.write_text(yaml.safe_dump({"scene_id": "s", "objects": [{"id": "a", "category": "flurbo"}]}))
    p = fyi("validate", str(spec))
    assert p.returncode == 2 and "objects[0].category" in p.stderr and "nearest known" in p.stderr

    out = tmp_path / "out"
    spec.write_text(yaml.safe_dump({"scene_id": "s", "objects": [
        {"id": "a", "category": "box", "asset": {"source": "file", "uid": "a", "path": str(tmp_path / "nope.glb")}}]}))
    p = fyi("render", str(spec), "--out", str(out))
    assert p.returncode == 2
    assert "nope.glb: asset file not found" in p.stderr and "Traceback" not in p.stderr
    assert not out.exists() or not any(out.iterdir()), "nothing half-written"


def test_cli_schema_prints_json():
    p = fyi("schema")
    assert p.returncode == 0
    assert json.loads(p.stdout)["title"] == "SceneSpec"


def test_cli_empty_instruction_fails_cleanly(tmp_path):
    for text in ("", "   ", "hello there, how are you"):
        p = fyi("synth", text, "--out", str(tmp_path / "o"))
        assert p.returncode == 2, p.stderr
        assert p.stderr.startswith("fyi: error: instruction") and "Traceback" not in p.stderr
        assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())
