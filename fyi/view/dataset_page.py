"""A dataset (a farm's output folder, or any folder of scene folders) -> a report: a paginated grid
of thumbnails that filters by category, room type, status and warnings, statistics drawn as inline
SVG, and one page per scene under scenes/<id>/.

Scenes that cannot be shown (a failed job, a folder with missing files) are listed with the reason;
the others are shown as usual.
"""
from __future__ import annotations

import json
import re
import statistics
from collections import Counter
from pathlib import Path
from typing import Callable

from fyi.errors import FyiError
from fyi.view.images import ImageCache, thumbnail
from fyi.view.page import esc, page, write_text
from fyi.view.scene_page import is_scene, read_scene, summary, write_scene_report
from fyi.view.svg import bar_chart, histogram

PAGE_SIZE = 100     # cards per page of the grid
TOP_CATEGORIES = 30  # bars in the scenes-per-category chart
BROKEN_OPEN = 30     # the list of scenes not shown starts folded when longer
SCORES_NAME = "scores.jsonl"  # optional: one line per scored scene, {"id": ..., "<part>": 0..1, ...}


def is_dataset(folder: Path) -> bool:
    return (folder / "dataset.json").is_file() or any(is_scene(p) for p in _subfolders(folder))


def _subfolders(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".") and p.name != "report")


def _jobs(folder: Path) -> list[dict]:
    """One record per scene the dataset should hold: dataset.json's jobs, or every scene folder."""
    path = folder / "dataset.json"
    if not path.is_file():
        return [{"id": p.name, "status": "done", "scene_dir": p.name} for p in _subfolders(folder) if is_scene(p)]
    try:
        data = json.loads(path.read_text())
        jobs = data["jobs"]
        assert isinstance(jobs, list) and all(isinstance(j, dict) and "id" in j for j in jobs)
    except (OSError, ValueError, KeyError, TypeError, AssertionError):
        raise FyiError(f"{path}: not a dataset.json of fyi farm (no list of jobs with ids)") from None
    return jobs


def _scores(folder: Path) -> dict[str, dict[str, float]]:
    path = folder / SCORES_NAME
    scores = {}
    if path.is_file():
        for line in path.read_text().splitlines():
            try:
                row = json.loads(line)
            except ValueError:
                continue
            if isinstance(row, dict) and "id" in row:
                scores[str(row["id"])] = {k: float(v) for k, v in row.items()
                                          if isinstance(v, (int, float)) and not isinstance(v, bool)}
    return scores


def write_dataset_report(folder: Path, out: Path, progress: Callable[[int, int], None] | None = None) -> dict:
    """Write out/index.html and out/scenes/<id>/index.html; return the counts by status."""
    jobs = _jobs(folder)
    scores = _scores(folder)
    cache = ImageCache(out)
    entries = []
    for n, job in enumerate(jobs):
        if progress:
            progress(n, len(jobs))
        entry = {"id": str(job["id"]), "status": job.get("status", "pending"), "instruction":
                 (job.get("request") or {}).get("instruction") or "", "categories": [], "objects": None,
                 "room": "none", "warnings": len(job.get("warnings") or []), "error": job.get("error"),
                 "seconds": _seconds(job.get("timings") or {}, ("job", "total")),
                 "render_seconds": _seconds(job.get("timings") or {}, ("cycles",))}
        scene_dir = folder / (job.get("scene_dir") or entry["id"])
        if entry["status"] == "done":
            try:
                scene = read_scene(scene_dir)
                write_scene_report(scene, out / "scenes" / entry["id"], cache, static="../../static/",
                                   back="../../index.html")
                thumb = cache.make(thumbnail, scene_dir / "views" / "rgb" / f"{scene.views[0]}.png",
                                   f"thumbs/{entry['id']}.jpg") if scene.views else None
                timings = scene.manifest.get("timings") or {}
                entry.update(summary(scene), id=entry["id"], thumb=thumb,
                             seconds=entry["seconds"] or _seconds(timings, ("total", "agents_and_render", "render")),
                             render_seconds=entry["render_seconds"] or _seconds(timings, ("agents_and_render", "render")))
            except FyiError as e:  # named from the dataset's folder: the report may be read elsewhere
                entry.update(status="broken", error=str(e).replace(f"{folder}/", ""))
        if entry["id"] in scores:
            entry["score"] = scores[entry["id"]]
        entries.append(entry)
    cache.save()
    if progress:
        progress(len(jobs), len(jobs))
    write_text(out / "index.html", page(f"FYI dataset {folder.resolve().name}", _body(folder, entries), "static/",
                                        kind="dataset-page", data={"pageSize": PAGE_SIZE, "scenes": entries}))
    return dict(Counter(e["status"] for e in entries))


def _seconds(timings: dict, keys: tuple[str, ...]) -> float | None:
    """The first of `keys` that `timings` has: a farm job's "cycles" is the time inside Cycles' render
    calls; a scene's manifest has "agents_and_render" (synth) or "render" (a spec)."""
    for key in keys:
        if isinstance(timings.get(key), (int, float)):
            return round(float(timings[key]), 2)
    return None


def _reason(error: str | None) -> str:
    """A failure's kind, to count failures by: its first line without the file or field it names
    ("path/0001.exr: missing ...") and without quoted values ("... in 'a quasar'")."""
    text = (error or "unknown").splitlines()[0]
    head, sep, rest = text.partition(": ")
    if sep and " " not in head:
        text = rest
    return re.sub(r"'[^']*'", "…", text).split(";")[0].strip()[:48]


def _options(values) -> str:
    return "".join(f'<option value="{esc(v)}">{esc(v)}</option>' for v in values)


def _body(folder: Path, entries: list[dict]) -> str:
    counts = Counter(e["status"] for e in entries)
    shown = [e for e in entries if e["status"] == "done"]
    categories = Counter(c for e in shown for c in e["categories"])
    rooms = sorted({e["room"] for e in shown})
    stats = [bar_chart("scenes per category", categories.most_common(TOP_CATEGORIES)),
             bar_chart("objects per scene", histogram([e["objects"] for e in shown if e["objects"] is not None])),
             bar_chart("render seconds per scene", histogram([e["render_seconds"] for e in shown
                                                             if e["render_seconds"] is not None], unit=" s")),
             bar_chart("seconds per scene (whole job)",
                       histogram([e["seconds"] for e in shown if e["seconds"] is not None], unit=" s")),
             bar_chart("failures by reason", Counter(_reason(e["error"]) for e in entries
                                                     if e["status"] in ("failed", "broken")).most_common(12))]
    scored = [e["score"] for e in entries if e.get("score")]
    if scored:
        parts = sorted({k for s in scored for k in s})
        stats.append(bar_chart(f"score parts (mean over {len(scored)} scenes)",
                               [(k, round(statistics.mean(s[k] for s in scored if k in s), 3)) for k in parts]))
    broken = [e for e in entries if e["status"] in ("failed", "broken")]
    broken_rows = "".join(f'<tr><td>{esc(e["id"])}</td><td>{esc(e["status"])}</td><td>{esc(e["error"])}</td></tr>'
                          for e in broken)
    summary_line = " · ".join(f"{counts[s]} {s}" for s in ("done", "failed", "broken", "pending") if counts[s])
    return (f'<header><h1>{esc(folder.resolve().name)}</h1><p class="meta">{len(entries)} scenes: {summary_line}</p>'
            f'</header>'
            f'<section id="stats"><h2>Statistics</h2><div class="charts">{"".join(stats)}</div></section>'
            f'<section id="scenes"><h2>Scenes</h2><div class="controls" id="filters">'
            f'<label>category <select id="filter-category"><option value="">all</option>'
            f'{_options(sorted(categories))}</select></label>'
            f'<label>room <select id="filter-room"><option value="">all</option>{_options(rooms)}</select></label>'
            f'<label>status <select id="filter-status"><option value="">all</option>'
            f'{_options(sorted(counts))}</select></label>'
            f'<label>warnings <select id="filter-warnings"><option value="">all</option>'
            f'<option value="with">with warnings</option><option value="without">without</option></select></label>'
            f'<label>text <input type="search" id="filter-text" placeholder="instruction or id"></label>'
            f'<span id="match-count"></span></div>'
            f'<div class="pager"><button id="page-prev" type="button">&larr;</button> <span id="page-number"></span> '
            f'<button id="page-next" type="button">&rarr;</button></div>'
            f'<div class="grid" id="grid"></div></section>'
            f'<section id="broken"><h2>Not shown ({len(broken)})</h2>'
            + (f'<details{" open" if len(broken) <= BROKEN_OPEN else ""}><summary>failed jobs and broken scenes, '
               f'with the reason</summary><table><thead><tr><th>scene</th><th>status</th><th>reason</th></tr>'
               f'</thead><tbody>{broken_rows}</tbody></table></details>'
               if broken else '<p class="none">none: every scene is shown</p>') + '</section>')
