"""How fast the report of a large dataset opens: a generated dataset of N scenes (folders hard-linked
from one real scene, with 2% failed jobs) -> `fyi view` -> the page opened in headless Chromium
(Debian's chromium, driven by Playwright). Target: the 1,000-scene page opens in < 2 s.

Prints the time `fyi view` took (all scene pages, cold; and again, warm: nothing to remake), the
report's size, and per open of the dataset page: wall time from the request to the first page of the
grid drawn, and the browser's own navigation timing (DOMContentLoaded, load).

    .venv/bin/python bench/view_speed.py [--scenes 1000] [--source SCENE_DIR] [--work DIR] [--opens 3]

Without --source, one draft scene (4 views) is synthesized first.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

SOURCE_INSTRUCTION = "two red mugs on a wooden table and a chair next to the table"


def link_tree(src: Path, dst: Path) -> None:
    """A copy of a scene folder made of hard links (the report reads it like any other)."""
    for path in src.rglob("*"):
        rel = path.relative_to(src)
        if rel.parts[0] == "report":
            continue
        if path.is_dir():
            (dst / rel).mkdir(parents=True, exist_ok=True)
        else:
            (dst / rel).parent.mkdir(parents=True, exist_ok=True)
            os.link(path, dst / rel)


def make_dataset(source: Path, root: Path, n: int) -> None:
    from dataclasses import asdict

    from fyi.farm import FORMAT, JobRecord

    jobs = []
    instruction = json.loads((source / "manifest.json").read_text()).get("scene_id", "scene")
    for k in range(n):
        job_id = f"scene-{k:04d}"
        if k % 50 == 49:
            jobs.append(JobRecord(id=job_id, request={"instruction": f"{instruction} #{k}", "seed": k},
                                  status="failed", error="worker lost: RayTaskError: out of memory", attempts=2))
            continue
        link_tree(source, root / job_id)
        jobs.append(JobRecord(id=job_id, request={"instruction": f"{instruction} #{k}", "seed": k}, status="done",
                              scene_dir=job_id, scene_id=job_id, timings={"job": 20.0 + k % 17},
                              warnings=["a warning"] if k % 7 == 0 else []))
    (root / "dataset.json").write_text(json.dumps({"format": FORMAT, "jobs": [asdict(j) for j in jobs]}))


def open_times(index: Path, opens: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for _ in range(opens):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            t0 = time.perf_counter()
            page.goto(index.as_uri(), wait_until="load")
            page.wait_for_function("document.querySelectorAll('#grid .card').length > 0")
            wall = time.perf_counter() - t0
            nav = page.evaluate("(() => { const n = performance.getEntriesByType('navigation')[0];"
                                " return {dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd}; })()")
            cards = page.locator("#grid .card").count()
            results.append({"wall_s": round(wall, 3), "dom_content_loaded_s": round(nav["dcl"] / 1000, 3),
                            "load_s": round(nav["load"] / 1000, 3), "cards": cards, "errors": errors})
            page.close()
        browser.close()
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scenes", type=int, default=1000)
    ap.add_argument("--source", type=Path, help="a scene folder to copy (default: synthesize one)")
    ap.add_argument("--work", type=Path, help="work folder (default: a temporary one)")
    ap.add_argument("--opens", type=int, default=3)
    args = ap.parse_args()

    import fyi
    from fyi.view import view

    work = args.work or Path(tempfile.mkdtemp(prefix="fyi-view-bench-"))
    source = args.source
    if source is None:
        source = fyi.synthesize(SOURCE_INSTRUCTION, work / "source", seed=0, quality="draft", views=4).scene_dir
    root = work / f"dataset-{args.scenes}"
    if not (root / "dataset.json").is_file():
        make_dataset(source, root, args.scenes)
    t = time.perf_counter()
    index = view(root)
    cold = time.perf_counter() - t
    t = time.perf_counter()
    view(root)
    warm = time.perf_counter() - t
    size = sum(p.stat().st_size for p in index.parent.rglob("*") if p.is_file())
    opened = open_times(index, args.opens)
    print(json.dumps({"scenes": args.scenes, "fyi_view_cold_s": round(cold, 1), "fyi_view_warm_s": round(warm, 1),
                      "index_html_kb": round(index.stat().st_size / 1024), "report_mb": round(size / 2**20, 1),
                      "opens": opened,
                      "median_open_s": statistics.median(o["wall_s"] for o in opened)}, indent=1))


if __name__ == "__main__":
    main()
