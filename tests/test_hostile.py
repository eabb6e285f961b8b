"""Hostile input and faults (issue 10), one test per class of mistake: `validate` refuses what `render`
would fail on or get wrong, naming the field; every user mistake is one line and exit 2 with nothing
left behind; runs are named plainly and resumed only as asked; work is bounded before it starts."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import trimesh
import yaml

import fyi
from fyi.errors import FyiError

CAMERA = {"id": 0, "width": 64, "height": 64, "fx": 60.0, "fy": 60.0, "cx": 32.0, "cy": 32.0,
          "c2w": [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 3], [0, 0, 0, 1]]}
MUG = {"id": "mug_0", "category": "mug"}


def spec_file(folder: Path, **fields) -> Path:
    data = {"scene_id": "s", "objects": [MUG], **fields}
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "spec.yaml"
    path.write_text(yaml.safe_dump(data))
    return path


def refusal(path: Path, **kw) -> str:
    with pytest.raises(FyiError) as e:
        fyi.validate(path, **kw)
    msg = str(e.value)
    assert "\n" not in msg and msg.startswith(f"{path}: "), msg
    return msg


def cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "fyi.cli", *args], capture_output=True, text=True, cwd=cwd)


def obj(**fields):
    return [{**MUG, **fields}]


@pytest.mark.parametrize("fields, named", [
    (dict(objects=obj(position=[float("nan"), 0, 0])), "objects[0].position[0]: Input should be a finite number"),
    (dict(objects=obj(rotation=[0, 0, float("inf"), 0])), "objects[0].rotation[2]: Input should be a finite number"),
    (dict(objects=obj(scale=[1, float("-inf"), 1])), "objects[0].scale[1]"),
    (dict(objects=obj(rotation=[1e-200, 0, 0, 0])), "objects[0].rotation: quaternion has zero length"),
    (dict(objects=obj(instance_id=70000)), "objects[0].instance_id: Input should be less than or equal to 32767"),
    (dict(objects=obj(position=[1e9, 0, 0])), "objects[0].position[0]: Input should be less than or equal to 500"),
    (dict(cameras=[{**CAMERA, "c2w": [[0] * 4] * 4}]), "cameras[0].c2w: last row must be [0, 0, 0, 1]"),
    (dict(cameras=[{**CAMERA, "c2w": [[2, 0, 0, 0], [0, 2, 0, 0], [0, 0, 2, 3], [0, 0, 0, 1]]}]),
     "cameras[0].c2w: rotation part is not orthonormal"),
    (dict(cameras=[{**CAMERA, "c2w": [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, -1, 3], [0, 0, 0, 1]]}]),
     "cameras[0].c2w: rotation part is a reflection"),
    (dict(cameras=[{**CAMERA, "fx": float("nan")}]), "cameras[0].fx: Input should be a finite number"),
    (dict(cameras=[{**CAMERA, "width": 10**12}]), "cameras[0].width: Input should be less than or equal to 8192"),
    (dict(cameras=[CAMERA, CAMERA]), "cameras: id values must be unique"),
    (dict(render={"samples": 10**9}), "render.samples: Input should be less than or equal to 4096"),
    (dict(render={"width": 2}), "render.width: Input should be greater than or equal to 4"),
    (dict(render={"fps": float("inf")}), "render.fps: Input should be a finite number"),
    (dict(objects=[{**MUG, "id": f"m{i}"} for i in range(201)]), "objects: List should have at most 200 items"),
    (dict(objects=obj(asset={"uid": "mug", "path": "x.glb"})), "objects[0].asset: source 'procedural' takes no path"),
    (dict(objects=obj(asset={"uid": "flurbo"})), "objects[0].asset.uid: unknown category 'flurbo'"),
])
def test_validate_refuses_what_would_render_wrong_naming_the_field(tmp_path, fields, named):
    assert named in refusal(spec_file(tmp_path, **fields))


def test_a_huge_quaternion_is_the_rotation_it_means(tmp_path):
    spec = fyi.validate(spec_file(tmp_path, objects=obj(rotation=[1e200, 0, 0, 0])))
    assert spec.objects[0].rotation == (1.0, 0.0, 0.0, 0.0)


def test_yaml_that_would_crash_or_mislead_is_one_line(tmp_path):
    cases = {
        "deep.yaml": ("scene_id: s\nobjects: " + "[" * 500 + "]" * 500 + "\n", "nested more than 32 levels deep"),
        "digits.yaml": ("scene_id: s\nseed: " + "9" * 5000 + "\nobjects: [{id: a, category: mug}]\n",
                        "an integer of 5000 digits is too long"),
        "dupe.yaml": ("scene_id: s\nseed: 1\nseed: 2\nobjects: [{id: a, category: mug}]\n",
                      "line 3 not valid YAML: key 'seed' is given twice"),
        "date.yaml": ("scene_id: s\nseed: 2024-13-45\nobjects: [{id: a, category: mug}]\n", "not valid YAML"),
    }
    for name, (text, message) in cases.items():
        (tmp_path / name).write_text(text)
        assert message in refusal(tmp_path / name), name
    (tmp_path / "latin1.yaml").write_bytes(b"scene_id: s\nobjects: [{id: a, category: caf\xe9}]\n")
    assert "line 2 not valid UTF-8" in refusal(tmp_path / "latin1.yaml")
    big = tmp_path / "big.yaml"
    with open(big, "wb") as f:
        f.truncate(33 * 2**20)  # sparse: refused by its size, never read
    assert "spec file too large" in refusal(big)


def test_asset_paths_resolve_against_the_spec_and_stay_inside_allowed_folders(tmp_path, monkeypatch):
    specs, elsewhere = tmp_path / "specs", tmp_path / "elsewhere"
    (specs / "meshes").mkdir(parents=True)
    elsewhere.mkdir()
    trimesh.creation.box((0.1, 0.1, 0.1)).export(specs / "meshes" / "box.glb")
    trimesh.creation.box((0.1, 0.1, 0.1)).export(elsewhere / "box.glb")
    monkeypatch.chdir(tmp_path)  # relative paths are the spec's, not the current folder's

    def with_path(path, source="file"):
        return spec_file(specs, objects=obj(asset={"source": source, "uid": "box.glb", "path": str(path)}))

    spec = fyi.validate(with_path("meshes/box.glb"))
    assert spec.objects[0].asset.path == str(specs / "meshes" / "box.glb")
    missing = refusal(with_path("nope.glb"))
    assert "objects[0].asset.path:" in missing and f"{specs / 'nope.glb'}: asset file not found" in missing
    for escaping in ("../elsewhere/box.glb", str(elsewhere / "box.glb"), "/etc/hostname", "../../../../etc/passwd"):
        msg = refusal(with_path(escaping))
        assert msg.startswith(f"{specs / 'spec.yaml'}: objects[0].asset.path: {escaping} is outside"), msg
    os.symlink(elsewhere / "box.glb", specs / "link.glb")
    assert "outside" in refusal(with_path("link.glb")), "a symlink out of the spec's folder is followed and refused"
    assert fyi.validate(with_path(str(elsewhere / "box.glb")), asset_dirs=[elsewhere]).objects[0].asset.path
    with pytest.raises(FyiError, match="nope: asset folder not found"):
        fyi.validate(with_path("meshes/box.glb"), asset_dirs=[tmp_path / "nope"])


def test_an_asset_file_too_large_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "huge.obj"
    with open(huge, "wb") as f:
        f.truncate(2 * 2**30)  # 2 GB, sparse: reading it would take minutes and gigabytes
    msg = refusal(spec_file(tmp_path, objects=obj(asset={"source": "file", "uid": "h", "path": "huge.obj"})))
    assert "objects[0].asset.path:" in msg and "file too large (2048 MB > 200 MB)" in msg


def test_an_unknown_objaverse_uid_is_refused(tmp_path, monkeypatch):
    from tests.objaverse_cache import build_objaverse_cache

    monkeypatch.setenv("FYI_OBJAVERSE_DIR", str(build_objaverse_cache(tmp_path / "objaverse")))
    monkeypatch.setenv("FYI_CACHE_DIR", str(tmp_path / "cache"))
    msg = refusal(spec_file(tmp_path, objects=obj(asset={"source": "objaverse", "uid": "f" * 32})))
    assert "objects[0].asset.uid:" in msg and "not in the Objaverse cache" in msg


def test_output_mistakes_are_one_line_and_leave_nothing_behind(tmp_path):
    spec = spec_file(tmp_path / "specs")
    (tmp_path / "file.txt").write_text("x")
    for out, message in ((tmp_path / "file.txt", "is a file, not a folder"),
                         (tmp_path / "file.txt" / "a" / "b", "cannot write the output folder"),
                         (Path("/proc/fyi-no-such/out"), "cannot write the output folder")):
        for argv in (["render", str(spec), "--out", str(out)], ["synth", "a mug", "--out", str(out), "--quiet"]):
            p = cli(*argv)
            assert p.returncode == 2 and "Traceback" not in p.stderr, p.stderr
            assert p.stderr.strip() == f"fyi: error: {out}: {message}" or message in p.stderr, p.stderr
            assert p.stderr.strip().count("\n") == 0
    assert not (tmp_path / "file.txt").is_dir() and not Path("/proc/fyi-no-such").exists()


def test_a_refused_render_leaves_no_empty_output_folder(tmp_path):
    spec = spec_file(tmp_path, objects=obj(asset={"source": "file", "uid": "a", "path": "nope.glb"}))
    with pytest.raises(FyiError):
        fyi.render(spec, tmp_path / "new" / "out")
    assert not (tmp_path / "new").exists()


def test_synth_options_that_are_not_numbers_are_one_line(tmp_path):
    for option, value, message in (("--fps", "nan", "fps: expected 0.1 to 1000"), ("--fps", "inf", "fps: expected"),
                                   ("--views", "-2", "views: expected 1 to 64"), ("--seed", "-1", "seed: expected"),
                                   ("--rounds", "0", "rounds: expected 1 to 10"),
                                   ("--run-id", "/abs/path", "--run-id: '/abs/path' is not a plain name"),
                                   ("--run-id", "../up", "--run-id: '../up' is not a plain name"),
                                   ("--resume", "a/b", "--resume: 'a/b' is not a plain name")):
        p = cli("synth", "a mug", "--out", str(tmp_path / "out"), option, value)
        assert p.returncode == 2 and message in p.stderr and p.stderr.count("\n") == 1, (option, value, p.stderr)
    p = cli("synth", "a mug " * 400, "--out", str(tmp_path / "out"))
    assert p.returncode == 2 and "instruction: 2,400 characters; at most 2,000" in p.stderr
    assert not (tmp_path / "out").exists()


def test_objects_per_scene_are_bounded_across_phrases(tmp_path):
    with pytest.raises(FyiError, match=r"instruction: asks for 250 objects; a scene holds at most 200"):
        fyi.synthesize("50 chairs, 50 tables, 50 mugs, 50 bowls and 50 cups", tmp_path / "out", views=1)
    assert not (tmp_path / "out").exists(), "no empty output folder, no .fyi-runs left behind"


def test_a_negative_count_warns():
    from fyi.agents.parser import parse_instruction

    request = parse_instruction("-3 chairs next to a table")
    assert [o.count for o in request.objects if o.category == "chair"] == [3]
    assert any("'-3'" in w and "negative" in w for w in request.warnings)
    assert not parse_instruction("a table with 3-4 chairs").warnings, "a range's dash is no minus sign"


def test_a_resume_must_ask_for_what_the_run_was_started_with(tmp_path):
    class Stop(Exception):
        pass

    def stop_after_collector(stage, done, total):
        if stage == "generator":
            raise Stop  # as a kill would: the Collector's step is checkpointed, the run stays resumable

    out = tmp_path / "out"
    with pytest.raises(Stop):
        fyi.synthesize("a red mug", out, views=2, run_id="run1", progress=stop_after_collector)
    run = out / ".fyi-runs" / "run1"
    assert (run / "checkpoints.sqlite").is_file()
    with pytest.raises(FyiError, match=r"--resume: run 'run1' was started with instruction 'a red mug', not 'a blue mug'"):
        fyi.synthesize("a blue mug", out, views=2, run_id="run1", resume=True)
    with pytest.raises(FyiError, match=r"was started with views 2, not 4"):
        fyi.synthesize("a red mug", out, views=4, run_id="run1", resume=True)
    assert (run / "checkpoints.sqlite").is_file(), "a refused resume keeps the run it refused"
    with pytest.raises(FyiError, match="run id '/abs': must be a plain name"):
        fyi.synthesize("a red mug", out, run_id="/abs")


def test_trace_keeps_no_local_paths(tmp_path):
    result = fyi.synthesize("a red cube", tmp_path / "out", views=1, max_rounds=1)
    text = (result.scene_dir / "trace.jsonl").read_text()
    steps = [json.loads(line) for line in text.splitlines()]
    assert steps[-1]["output"] == {"views": "views", "frames": None}
    assert str(tmp_path) not in text and '"/' not in text


def test_names_too_long_for_the_system_are_one_line(tmp_path, capsys):
    from fyi.cli import main

    long = "9" * 5000
    for argv in (["synth", "a mug", "--out", long], ["synth", "a mug", "--out", str(tmp_path), "--image", long],
                 ["synth", "a mug", "--out", str(tmp_path), "--assets", long], ["validate", long],
                 ["render", f"{long}/x.yaml", "--out", str(tmp_path)]):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert err.startswith("fyi: error: 999") and err.count("\n") == 1, argv
    assert not any(tmp_path.iterdir())
