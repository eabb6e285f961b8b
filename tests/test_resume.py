"""A run killed mid-loop resumes from its last finished step (real subprocess, real SQLite checkpoints)."""
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

TEXT = "a red cube next to a green sphere"


def synth(out, *extra):
    return [sys.executable, "-m", "fyi.cli", "synth", TEXT, "--out", str(out), "--views", "2", "--quiet", *extra]


def test_a_killed_run_resumes_where_it_stopped(tmp_path):
    out = tmp_path / "out"
    p = subprocess.Popen(synth(out, "--run-id", "killedrun01"), stderr=subprocess.PIPE, stdout=subprocess.PIPE,
                         text=True)
    run = out / ".fyi-runs" / "killedrun01"
    deadline = time.time() + 240
    # Kill it while the Optimizer renders: the Collector and Generator steps are checkpointed by then.
    while time.time() < deadline and not list((run / "renders").glob("*.partial")):
        time.sleep(0.05)
    assert p.poll() is None, p.communicate()
    p.send_signal(signal.SIGKILL)
    p.wait()
    assert (run / "checkpoints.sqlite").is_file()
    assert not [d for d in out.iterdir() if not d.name.startswith(".")], "no scene folder from a killed run"

    done = subprocess.run(synth(out, "--resume", "killedrun01"), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    scene = Path(done.stdout.strip().splitlines()[-1])
    steps = [json.loads(line) for line in (scene / "trace.jsonl").read_text().splitlines()]
    agents = [s["agent"] for s in steps]
    # The Collector and the first Generator ran once, before the kill; the rest ran after the resume.
    assert agents.count("collector") == 1 and agents[:2] == ["collector", "generator"]
    assert agents[-2:] == ["planner", "render"]
    assert not run.exists(), "the finished run's checkpoints are cleaned up"

    fresh = subprocess.run(synth(tmp_path / "fresh"), capture_output=True, text=True)
    assert fresh.returncode == 0, fresh.stderr
    fresh_scene = Path(fresh.stdout.strip().splitlines()[-1])
    assert (fresh_scene / "scene.json").read_text() == (scene / "scene.json").read_text()


def test_resume_of_an_unknown_run_is_one_clear_error(tmp_path):
    p = subprocess.run(synth(tmp_path, "--resume", "nosuchrun"), capture_output=True, text=True)
    assert p.returncode == 2
    assert "--resume: no run 'nosuchrun'" in p.stderr and "Traceback" not in p.stderr
