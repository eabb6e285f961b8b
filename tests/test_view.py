"""`fyi view`: the HTML report of a scene and of a dataset, opened in real headless Chromium (Debian's
chromium package, driven by Playwright; no browser download).

Scenes are made once per module: a 4D scene rendered from a hand-written spec (48 px, 2 samples,
6 frames, 2 views) and one offline synth (1 view, draft) whose trace has an Optimizer round.
Screenshots of the pages are kept in tests/artifacts/ (view-scene.png, view-synth.png, view-dataset.png).
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import fyi
from fyi.farm import FORMAT, JobRecord
from fyi.view import view
from fyi.view.images import depth_rgb, flow_rgb, mask_rgba, normal_rgb

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
FYI = [sys.executable, "-m", "fyi.cli"]
ROLL_SPEC = """\
scene_id: view_roll
seed: 0
instruction: a red ball rolls from right to left in front of a box
room: {type: studio}
objects:
  - {id: ball_0, category: ball, attributes: {color: red}}
  - {id: box_0, category: box}
motions:
  - {subject: ball_0, verb: roll, direction: left, text: rolls from right to left}
render: {views: 2, width: 48, height: 48, samples: 2, frames: 6, fps: 6}
"""
QA_LINE = {"id": "view_roll-0", "image": "views/rgb/0000.png",
           "conversations": [{"from": "human", "value": "<image>\nHow many balls are there?"},
                             {"from": "gpt", "value": "1"}]}

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (make setup)")


@pytest.fixture(scope="module")
def roll_scene(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("roll")
    (folder / "roll.yaml").write_text(ROLL_SPEC)
    scene = fyi.render(folder / "roll.yaml", folder / "out").scene_dir
    # The instruction data another command writes per scene: shown when present.
    (scene / "instructions.jsonl").write_text(json.dumps(QA_LINE) + "\n")
    return scene


@pytest.fixture(scope="module")
def synth_scene(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth")
    return fyi.synthesize("a red mug on a table", out, seed=0, quality="draft", views=1, max_rounds=1).scene_dir


@pytest.fixture(scope="module")
def dataset(tmp_path_factory, roll_scene, synth_scene) -> Path:
    """A farm's output folder: two good scenes, one whose depth file went missing, one with a PNG that
    is not one, and many failed jobs (more than a page of the grid)."""
    root = tmp_path_factory.mktemp("dataset")
    shutil.copytree(roll_scene, root / "roll", ignore=shutil.ignore_patterns("report"))
    shutil.copytree(synth_scene, root / "mug", ignore=shutil.ignore_patterns("report"))
    shutil.copytree(roll_scene, root / "broken", ignore=shutil.ignore_patterns("report"))
    (root / "broken" / "views" / "depth" / "0001.exr").unlink()
    shutil.copytree(roll_scene, root / "corrupt", ignore=shutil.ignore_patterns("report"))
    (root / "corrupt" / "views" / "rgb" / "0001.png").write_bytes(b"not a png")
    jobs = [JobRecord(id=i, request={"instruction": text, "seed": 0}, status="done", scene_dir=i, scene_id=i,
                      timings={"job": t, "cycles": t / 2}, warnings=[])
            for i, text, t in (("roll", "a red ball rolls from right to left", 12.0),
                               ("mug", "a red mug on a table", 30.0),
                               ("broken", "a red ball rolls from right to left", 11.0),
                               ("corrupt", "a red ball rolls from right to left", 11.0))]
    jobs += [JobRecord(id=f"fail-{k:03d}", request={"instruction": f"a quasar number {k}", "seed": 0},
                       status="failed", error="instruction: names nothing FYI can build", attempts=2)
             for k in range(120)]
    (root / "dataset.json").write_text(json.dumps({"format": FORMAT, "jobs": [asdict(j) for j in jobs]}))
    (root / "scores.jsonl").write_text("\n".join(json.dumps({"id": i, "recall": r, "photo": p})
                                                 for i, r, p in (("roll", 1.0, 0.5), ("mug", 1.0, 1.0))))
    return root


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield b
        b.close()


class Page:
    """A browser tab that records console errors and failed requests."""

    def __init__(self, browser, url: str):
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("requestfailed", lambda r: self.errors.append(f"failed: {r.url}"))
        self.page.goto(url, wait_until="load")

    def broken_images(self, selector: str = "img") -> list[str]:
        """Images (of `selector`) that did not load, after scrolling every lazy one into view."""
        self.page.evaluate("Promise.all([...document.images].map(i => { i.loading = 'eager'; return i.decode()"
                           ".catch(() => null); }))")
        return self.page.eval_on_selector_all(
            selector, "els => els.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)")

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / name
        self.page.screenshot(path=str(path), full_page=True)
        return path


# --- colour maps ----------------------------------------------------------------------------------

def test_flow_colours_follow_the_middlebury_wheel():
    flow = np.zeros((1, 5, 2), np.float32)
    flow[0, 1] = (4, 0)    # right: red
    flow[0, 2] = (-4, 0)   # left: cyan
    flow[0, 3] = (0, 4)    # down (image y): yellow
    flow[0, 4] = (0, -4)   # up: blue-violet
    rgb = flow_rgb(flow).astype(int)
    assert rgb[0, 0].tolist() == [255, 255, 255], "no motion is white"
    r, left, down, up = rgb[0, 1], rgb[0, 2], rgb[0, 3], rgb[0, 4]
    assert r[0] == 255 and r[1] < 60 and r[2] < 60
    assert left[0] < 60 and left[1] > 200 and left[2] > 150
    assert down[0] > 200 and down[1] > 150 and down[2] < 60
    assert up[2] > 200 and up[1] < 60


def test_depth_normals_and_masks_are_colour_mapped():
    depth = np.array([[1.0, 4.0, np.inf]], np.float32)
    rgb = depth_rgb(depth).astype(int)
    assert rgb[0, 0].sum() > rgb[0, 1].sum(), "near is brighter than far"
    assert rgb[0, 2].tolist() == [0, 0, 0], "background black"
    normal = normal_rgb(np.array([[[0, 0, 1], [0, 0, 0]]], np.float32))
    assert normal[0, 0].tolist() == [128, 128, 255] and normal[0, 1].tolist() == [0, 0, 0]
    mask = mask_rgba(np.array([[0, 3, 7]], np.uint16))
    assert mask[0, 0, 3] == 0 and mask[0, 1, 3] > 0 and mask[0, 1, :3].tolist() != mask[0, 2, :3].tolist()


# --- the scene page -------------------------------------------------------------------------------

def test_scene_page_in_chromium(roll_scene, browser):
    index = view(roll_scene)
    assert index == roll_scene / "report" / "index.html"
    html = index.read_text()
    assert "http://" not in html and "https://" not in html, "nothing fetched from the network"
    tab = Page(browser, index.as_uri())
    p = tab.page
    assert tab.broken_images() == []
    assert p.locator("figure.view").count() == 2
    assert "a red ball rolls from right to left" in p.inner_text("header")

    # The mask toggle shows the instance masks over the views, and the picture changes.
    first = p.locator("figure.view").first
    mask = first.locator("img.mask")
    assert not mask.is_visible()
    before = first.screenshot()
    p.click("#toggle-masks")
    assert mask.is_visible()
    assert first.screenshot() != before
    assert "ball" in p.inner_text("ul.legend") and "box" in p.inner_text("ul.legend")

    # Boxes: one labelled rectangle per COCO annotation of the view.
    coco = json.loads((roll_scene / "coco.json").read_text())
    boxes = first.locator("svg.boxes")
    assert not boxes.is_visible()
    p.click("#toggle-boxes")
    assert boxes.is_visible()
    assert boxes.locator("rect").count() == sum(a["image_id"] == 1 for a in coco["annotations"])
    assert "sports ball" in boxes.text_content()

    # Depth and normals replace the colour picture.
    p.check('input[name="pass"][value="depth"]')
    assert first.locator("img.pass-depth").is_visible() and not first.locator("img.pass-rgb").is_visible()
    p.check('input[name="pass"][value="normal"]')
    assert first.locator("img.pass-normal").is_visible()

    # The scene graph and the plan.
    assert p.locator("table.objects tbody tr").count() == 2
    assert p.locator("svg.plan .object").count() == 2 and p.locator("svg.plan .camera").count() == 2

    # 4D: the video plays, the frame slider steps frames with flow and point tracks, trajectories drawn.
    p.wait_for_function("document.getElementById('video').readyState >= 2", timeout=10_000)
    p.evaluate("document.getElementById('video').play()")
    p.wait_for_function("document.getElementById('video').currentTime > 0", timeout=10_000)
    first_frame = p.get_attribute("#frame-rgb", "src")
    p.fill("#frame-slider", "3")
    assert p.get_attribute("#frame-rgb", "src") != first_frame
    assert p.inner_text("#frame-number") == "3"
    assert p.locator("#tracks circle").count() > 0
    assert p.locator("svg.trajectories polyline").count() >= 1

    # The instruction data items.
    assert p.locator("table.qa tbody tr").count() == 1
    assert "How many balls are there?" in p.inner_text("table.qa")
    p.uncheck("#toggle-boxes")
    p.check('input[name="pass"][value="rgb"]')
    tab.screenshot("view-scene.png")
    assert tab.errors == []


def test_synth_keeps_each_rounds_render_and_the_trace_shows_it(synth_scene, browser):
    trace = [json.loads(line) for line in (synth_scene / "trace.jsonl").read_text().splitlines()]
    assert [s["agent"] for s in trace] == ["collector", "generator", "optimizer", "planner", "render"]
    optimizer = trace[2]
    assert optimizer["input"]["preview"] == "rounds/01.png"
    with Image.open(synth_scene / "rounds" / "01.png") as im:
        assert max(im.size) <= 256
    manifest = json.loads((synth_scene / "manifest.json").read_text())
    assert "rounds/01.png" in {f["path"] for f in manifest["files"]}

    index = view(synth_scene)
    # The report is not part of the scene: the manifest still matches the folder exactly.
    from fyi.render.manifest import file_records
    assert file_records(synth_scene) == manifest["files"]
    tab = Page(browser, index.as_uri())
    p = tab.page
    assert tab.broken_images() == []
    steps = p.locator("ol.timeline > li")
    assert steps.count() == 5
    assert [s.split(" ")[0] for s in steps.locator("h3").all_inner_texts()] == \
        ["Collector", "Generator", "Optimizer", "Planner", "Render"]
    pair = p.locator("li.agent-optimizer .before-after img")
    assert pair.count() == 2, "before (what the critic saw) and after (the final render)"
    assert "critique" in p.inner_text("li.agent-optimizer")
    # fyi synth writes instructions.jsonl: its questions and answers are on the page.
    assert (synth_scene / "instructions.jsonl").is_file()
    assert p.locator("#instruction-data").count() == 1 and p.locator("#instruction-data tr").count() > 1
    tab.screenshot("view-synth.png")
    assert tab.errors == []


def test_model_calls_show_in_the_timeline(roll_scene, tmp_path, browser):
    """A trace line with a model call (as agents.backend.ModelCall records it) shows its numbers, prompt
    and answer."""
    scene = tmp_path / "scene"
    shutil.copytree(roll_scene, scene, ignore=shutil.ignore_patterns("report"))
    call = {"agent": "optimizer", "model": "qwen2.5-vl", "base_url": "http://127.0.0.1:9/v1",
            "prompt": "Critique this <scene>", "answer": '{"ok": true, "edits": []}', "prompt_tokens": 812,
            "completion_tokens": 9, "latency_s": 1.25, "cache_hit": False, "attempts": 1, "images": ["ab" * 32]}
    step = {"agent": "optimizer", "round": 1, "input": {"views": 2, "shown": 2, "look": "final"},
            "critique": {"problems": [{"kind": "hidden", "severity": "error", "objects": ["box_0"],
                                       "detail": "box_0 is 80% hidden"}], "score": 0.5},
            "vlm_critique": {"ok": True}, "edits": {}, "notes": [], "model_calls": [call], "seconds": 1.3}
    with open(scene / "trace.jsonl", "a") as f:
        f.write(json.dumps(step) + "\n")
    tab = Page(browser, view(scene, tmp_path / "report").as_uri())
    p = tab.page
    optimizer = p.locator("li.agent-optimizer")
    assert "1 model calls" in optimizer.locator("h3").inner_text()
    assert "asked for changes" in optimizer.inner_text() and "box_0 is 80% hidden" in optimizer.inner_text()
    summary = optimizer.locator("details.call summary")
    assert "qwen2.5-vl · 812 + 9 tokens · 1.25 s · 1 images" in summary.inner_text()
    summary.click()
    assert "Critique this <scene>" in optimizer.locator("details.call").inner_text()
    assert "no renders kept" in optimizer.inner_text(), "a trace from before rounds/ was kept"
    assert "1 model calls" in p.inner_text("#trace .meta")
    assert tab.errors == []


# --- the dataset page -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def served(dataset):
    """`fyi view DATASET --serve --port 0` running; yields (process, URL)."""
    proc = subprocess.Popen([*FYI, "view", str(dataset), "--serve", "--port", "0", "--quiet"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    url = proc.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:"), proc.stderr.read() if proc.poll() is not None else url
    yield proc, url
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def test_dataset_page_from_the_served_url(served, dataset, browser):
    proc, url = served
    tab = Page(browser, url)
    p = tab.page
    cards = p.locator("#grid .card")
    assert cards.count() == 100, "a page of the grid"
    assert "page 1 of 2" in p.inner_text("#page-number")
    p.click("#page-next")
    assert cards.count() == 24 and "page 2 of 2" in p.inner_text("#page-number")
    p.click("#page-prev")

    # Filters filter.
    p.select_option("#filter-status", "done")
    assert sorted(cards.evaluate_all("els => els.map(e => e.dataset.id)")) == ["mug", "roll"]
    assert tab.broken_images("#grid img") == []
    p.select_option("#filter-category", "mug")
    assert cards.evaluate_all("els => els.map(e => e.dataset.id)") == ["mug"]
    p.select_option("#filter-category", "")
    p.select_option("#filter-status", "broken")
    assert cards.evaluate_all("els => els.map(e => e.dataset.id)") == ["broken", "corrupt"]
    p.select_option("#filter-status", "")
    p.select_option("#filter-room", "studio")
    assert sorted(cards.evaluate_all("els => els.map(e => e.dataset.id)")) == ["roll"]
    p.select_option("#filter-room", "")
    p.fill("#filter-text", "quasar number 7")
    assert cards.count() == 11  # 7, 70-79

    # The broken scene and the failures are listed with their reasons; statistics are drawn.
    broken = p.text_content("#broken")  # folded: more than BROKEN_OPEN rows
    assert "0001.exr" in broken and "missing" in broken and "names nothing FYI can build" in broken
    assert "rgb/0001.png: unreadable" in broken
    charts = p.locator("#stats figure.chart")
    assert charts.count() == 6, "category, objects, render seconds, job seconds, failures, score parts"
    assert "recall" in p.inner_text("#stats") and charts.locator("rect").count() > 5

    p.fill("#filter-text", "")
    p.select_option("#filter-status", "done")
    tab.screenshot("view-dataset.png")
    assert tab.errors == []

    # A card opens the scene's page, which links back.
    p.click('#grid .card[data-id="roll"]')
    p.wait_for_load_state("load")
    assert p.url.endswith("/scenes/roll/index.html")
    assert p.locator("figure.view").count() == 2 and tab.broken_images() == []
    p.click("nav a")
    p.wait_for_load_state("load")
    assert p.url.endswith("/index.html") and "/scenes/" not in p.url
    assert tab.errors == []

    # Ctrl-C stops the server.
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=20) == 0


def test_the_report_is_made_once(dataset, served):
    """Pictures are remade only when their source changes (the served run already made them)."""
    report = dataset / "report"
    def stamps() -> dict[Path, int]:
        return {p: p.stat().st_mtime_ns for p in report.rglob("*") if p.suffix in (".png", ".jpg")}

    before = stamps()
    assert len(before) > 20
    time.sleep(0.05)
    view(dataset)
    assert stamps() == before
    os.utime(dataset / "roll" / "views" / "rgb" / "0000.png")
    view(dataset)
    remade = {p for p, t in stamps().items() if t != before.get(p)}
    assert remade == {report / "scenes" / "roll" / "views" / "0000.png", report / "thumbs" / "roll.jpg"}


# --- bad input ------------------------------------------------------------------------------------

def run_view(*args) -> subprocess.CompletedProcess:
    return subprocess.run([*FYI, "view", *map(str, args)], capture_output=True, text=True, timeout=120)


def test_bad_input_is_one_line_and_exit_2(tmp_path, roll_scene):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("hello")
    r = run_view(tmp_path / "empty")
    assert r.returncode == 2 and r.stderr.count("\n") == 1
    assert "not a scene folder" in r.stderr and "empty" in r.stderr
    assert not (tmp_path / "empty" / "report").exists()

    r = run_view(tmp_path / "nowhere")
    assert r.returncode == 2 and "not found" in r.stderr and r.stderr.count("\n") == 1

    broken = tmp_path / "broken"
    shutil.copytree(roll_scene, broken, ignore=shutil.ignore_patterns("report"))
    (broken / "frames" / "video.mp4").unlink()
    r = run_view(broken, "--out", tmp_path / "report")
    assert r.returncode == 2 and r.stderr.count("\n") == 1
    assert "frames/video.mp4: missing" in r.stderr
    assert not (tmp_path / "report").exists(), "nothing written for a scene it refuses"

    (broken / "frames").mkdir(exist_ok=True)
    shutil.copy(roll_scene / "frames" / "video.mp4", broken / "frames" / "video.mp4")
    (broken / "scene.json").write_text("{not json")
    r = run_view(broken)
    assert r.returncode == 2 and "scene.json: unreadable" in r.stderr

    shutil.copy(roll_scene / "scene.json", broken / "scene.json")
    (broken / "views" / "normal" / "0001.exr").write_bytes(b"\x76\x2f\x31\x01 truncated")
    r = run_view(broken, "--out", tmp_path / "report")
    assert r.returncode == 2 and r.stderr.count("\n") == 1
    assert "normal/0001.exr: unreadable" in r.stderr
    assert not (tmp_path / "report").exists(), "no half a report"

    r = run_view(roll_scene, "--serve", "--port", "70000")
    assert r.returncode == 2 and "--port" in r.stderr
