"""Fuzzers (issue 10): hostile specs through `validate` and `render`, hostile command lines through the
CLI. Few cases here so the suite stays fast; bench/fuzz_specs.py runs thousands."""
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fyi
from fyi.cli import main
from tests.spec_fuzz import (EXAMPLES, base_specs, check_case, generated_spec, gentle_values, mutated_spec,
                             tiny)

def fuzz(cases: int) -> settings:
    return settings(max_examples=cases, deadline=None, database=None, suppress_health_check=list(HealthCheck),
                    derandomize=True)


@pytest.fixture(scope="module")
def resolved_yaml(tmp_path_factory):
    """A real resolved scene.yaml (the tabletop example, laid out and rendered at thumbnail size)."""
    out = tmp_path_factory.mktemp("resolved")
    return fyi.render(tiny(fyi.validate(EXAMPLES / "tabletop.yaml")), out).paths["scene_yaml"]


@pytest.fixture(scope="module")
def bases(resolved_yaml):
    return base_specs(resolved_yaml)


def test_hostile_specs_are_refused_in_one_line_naming_a_field(bases, tmp_path_factory):
    seen = []

    @fuzz(120)
    @given(st.one_of(generated_spec(), mutated_spec(bases)))
    def case(data):
        seen.append(check_case(data, tmp_path_factory.mktemp("case"), render=False))

    case()
    assert "refused" in seen and len(seen) >= 100


def test_specs_that_validate_render_and_their_outputs_agree(bases, tmp_path_factory):
    seen = []

    @fuzz(6)
    @given(mutated_spec(bases, gentle_values, numbers_only=True))
    def case(data):
        seen.append(check_case(data, tmp_path_factory.mktemp("case"), render=True))

    case()
    assert "rendered" in seen, seen


# ---- the command line --------------------------------------------------------------------------

# argv cannot hold NUL or lone surrogates; everything else a shell can pass is fair game.
argv_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
numbers = st.one_of(st.sampled_from(["-1", "0", "1", "2", "nan", "inf", "-inf", "1e999", "abc", "", " 3", "9" * 5000,
                                     "99999999999999999999", "0x10", "٣"]), argv_text)
instructions = st.one_of(st.sampled_from(["", " ", "a mug", "-3 chairs and a table", "a mug " * 600, "\x1b[31ma mug",
                                          "a mug\n\ton a table", "ünïcødé 杯子", "a\x7fmug", "50 chairs, 50 tables and a mug"]),
                         argv_text)


@pytest.fixture(scope="module")
def places(tmp_path_factory):
    """Paths a user might wrongly give: a file, a folder under a file, a folder no one may create."""
    root = tmp_path_factory.mktemp("places")
    (root / "file.txt").write_text("not a folder")
    (root / "folder").mkdir()
    return {"file": str(root / "file.txt"), "under_file": str(root / "file.txt" / "out"),
            "forbidden": "/proc/fyi-no-such/out", "folder": str(root / "folder"), "missing": str(root / "missing"),
            "empty": ""}


def run_cli(argv, capsys) -> tuple[int, str]:
    try:
        code = main(argv)
    except SystemExit as e:  # argparse's own usage errors
        code = e.code
    err = capsys.readouterr().err
    return code, err


def assert_clean(code, err):
    assert "Traceback" not in err
    assert code in (0, 2), (code, err)
    if code == 2 and "fyi: error:" in err:
        assert err.strip().count("\n") == 0 or err.startswith("usage:"), err


def test_cli_synth_fuzz_never_a_traceback(places, capsys):
    hostile_out = st.sampled_from(["file", "under_file", "forbidden", "empty"])

    @fuzz(60)
    @given(instructions, hostile_out, st.lists(st.tuples(
        st.sampled_from(["--views", "--frames", "--fps", "--seed", "--rounds", "--critic-views", "--quality",
                         "--run-id", "--resume", "--image", "--assets"]),
        st.one_of(numbers, st.sampled_from(["/abs/run", "../up", "ok_name", "draft"]),
                  st.sampled_from(list(places)).map(places.get))), max_size=4))
    def case(text, out, options):
        argv = ["synth", text, "--out", places[out], "--quiet"] + [x for pair in options for x in pair]
        code, err = run_cli(argv, capsys)
        assert_clean(code, err)
        assert code == 2, "every case names an output folder FYI cannot use"
        assert not Path(places["under_file"]).exists() and not os.path.exists("/proc/fyi-no-such")

    case()


def test_cli_render_and_validate_fuzz_never_a_traceback(places, tmp_path, capsys):
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(bytes(range(256)))
    specs = st.sampled_from([str(binary), places["folder"], places["missing"], places["file"], "/proc/self/status",
                             "/dev/null", "", str(EXAMPLES / "tabletop.yaml")])

    @fuzz(40)
    @given(st.sampled_from(["render", "validate"]), specs, st.sampled_from(list(places)),
           st.lists(st.sampled_from(list(places)), max_size=2))
    def case(command, spec, out, allowed):
        argv = [command, spec] + [x for a in allowed for x in ("--assets", places[a])]
        if command == "render":
            if out == "folder" and spec.endswith("tabletop.yaml") and all(a == "folder" for a in allowed):
                out = "file"  # a full render is what the spec fuzzer covers; keep this one cheap
            argv += ["--out", places[out], "--quiet"]
        code, err = run_cli(argv, capsys)
        assert_clean(code, err)

    case()
