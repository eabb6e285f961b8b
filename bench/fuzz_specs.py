"""The spec fuzzer of issue 10 at full size: thousands of hostile specs through `validate`, a few dozen
that validate through a real `render` (thumbnail size), and hostile command lines through the CLI.

Property (tests/spec_fuzz.py): `validate` refuses in one line naming the file and a field, or
`render` succeeds and scene.json, the instance masks and coco.json agree; the CLI exits 0 or 2 and
never prints a traceback. A failure stops the run with hypothesis's minimal example.
Usage: python bench/fuzz_specs.py [--validate N] [--render N] [--cli N]
"""
from __future__ import annotations

import argparse
import collections
import contextlib
import io
import json
import sys
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parents[1]))
import fyi  # noqa: E402
from fyi.cli import main  # noqa: E402
from tests.spec_fuzz import (EXAMPLES, base_specs, check_case, generated_spec, gentle_values, mutated_spec,  # noqa: E402
                             tiny)


def fuzz(cases: int) -> settings:
    return settings(max_examples=cases, deadline=None, database=None, suppress_health_check=list(HealthCheck))


def run_specs(root: Path, bases: list[dict], cases: int, render: bool) -> collections.Counter:
    seen: collections.Counter = collections.Counter()
    strategy = (mutated_spec(bases, gentle_values, numbers_only=True) if render
                else st.one_of(generated_spec(), mutated_spec(bases)))

    @fuzz(cases)
    @given(strategy)
    def case(data):
        seen[check_case(data, root / f"{'r' if render else 'v'}{sum(seen.values())}", render=render)] += 1

    case()
    return seen


def run_cli(root: Path, cases: int) -> collections.Counter:
    (root / "file.txt").write_text("x")
    outs = [str(root / "file.txt"), str(root / "file.txt" / "sub"), "/proc/fyi-no-such/out", ""]
    text = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60)
    values = st.one_of(st.sampled_from(["-1", "0", "2", "nan", "inf", "1e999", "abc", "", "9" * 5000, "/abs/x", "../up",
                                        str(root), str(root / "file.txt")]), text)
    seen: collections.Counter = collections.Counter()

    @fuzz(cases)
    @given(st.one_of(text, st.sampled_from(["a mug", "a mug " * 500, "-3 chairs"])), st.sampled_from(outs),
           st.lists(st.tuples(st.sampled_from(["--views", "--frames", "--fps", "--seed", "--rounds", "--quality",
                                               "--critic-views", "--run-id", "--resume", "--image", "--assets"]),
                              values), max_size=4))
    def case(instruction, out, options):
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            try:
                code = main(["synth", instruction, "--out", out, "--quiet", *[x for o in options for x in o]])
            except SystemExit as e:
                code = e.code
        assert "Traceback" not in err.getvalue() and code == 2, (code, err.getvalue())
        seen["refused"] += 1

    case()
    return seen


def main_bench() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--validate", type=int, default=1500)
    ap.add_argument("--render", type=int, default=40)
    ap.add_argument("--cli", type=int, default=300)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        resolved = fyi.render(tiny(fyi.validate(EXAMPLES / "tabletop.yaml")), root / "resolved").paths["scene_yaml"]
        bases = base_specs(resolved)
        report = {}
        for name, run in (("validate", lambda: run_specs(root, bases, args.validate, render=False)),
                          ("render", lambda: run_specs(root, bases, args.render, render=True)),
                          ("cli", lambda: run_cli(root, args.cli))):
            t0 = time.perf_counter()
            seen = run()
            report[name] = {"cases": sum(seen.values()), **seen, "seconds": round(time.perf_counter() - t0, 1)}
            print(json.dumps({name: report[name]}), flush=True)
        total = sum(r["cases"] for r in report.values())
        print(json.dumps({"total_cases": total, "failures": 0}))


if __name__ == "__main__":
    main_bench()
