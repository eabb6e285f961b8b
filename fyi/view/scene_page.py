"""One scene folder -> one report page: views with their passes, masks and boxes; the scene graph and a
plan; the instruction and warnings; the agents' trace with each Optimizer round's before/after; for 4D
the video, flow, point tracks and trajectories; the scene's instruction data when there is any."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import yaml

from fyi.errors import FyiError
from fyi.view.images import (ImageCache, copy_file, copy_image, depth_png, flow_png, hex_colour, mask_png,
                             normal_png, thumbnail)
from fyi.view.page import esc, json_for_script, page, write_text
from fyi.view.svg import plan, trajectories

TRACKS_SHOWN = 24      # point tracks drawn over the frames, spread over the tracked points
FRAMES_SHOWN = 240     # frames the frame viewer steps through (a longer sequence is sampled)
QA_SHOWN = 200         # instruction data items listed
OBJECT_KEYS = ("id", "instance_id", "category", "bbox")  # what the page reads of each scene.json object


@dataclass
class Scene:
    """What a report needs of one scene folder, read and checked once."""
    dir: Path
    graph: dict                       # scene.json
    spec: dict                        # scene.yaml
    manifest: dict
    coco: dict
    trace: list[dict] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.manifest.get("scene_id") or self.graph.get("scene_id") or self.dir.name

    @property
    def warnings(self) -> list[str]:
        return list(self.spec.get("warnings") or self.manifest.get("warnings") or [])

    @property
    def views(self) -> list[str]:
        return sorted(p.stem for p in (self.dir / "views" / "rgb").glob("*.png"))


def is_scene(folder: Path) -> bool:
    return (folder / "scene.json").is_file() or (folder / "manifest.json").is_file()


def _json(path: Path, what: str):
    try:
        return json.loads(path.read_text())
    except FileNotFoundError:
        raise FyiError(f"{path}: missing ({what})") from None
    except (OSError, ValueError) as e:
        raise FyiError(f"{path}: unreadable {what} ({type(e).__name__}: {str(e)[:80]})") from None


def read_scene(folder: Path) -> Scene:
    """The scene folder's records, or one FyiError naming the first file that is missing or unreadable
    (every file manifest.json lists must be there)."""
    folder = Path(folder)
    manifest = _json(folder / "manifest.json", "the scene's manifest")
    missing = [f["path"] for f in manifest.get("files", []) if not (folder / f["path"]).is_file()]
    if missing:
        more = f" and {len(missing) - 1} more" if len(missing) > 1 else ""
        raise FyiError(f"{folder / missing[0]}: missing (listed in manifest.json){more}")
    graph = _json(folder / "scene.json", "the scene graph")
    coco = _json(folder / "coco.json", "the COCO annotations")
    try:
        spec = yaml.load((folder / "scene.yaml").read_text(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except FileNotFoundError:
        raise FyiError(f"{folder / 'scene.yaml'}: missing (the scene spec)") from None
    except (OSError, yaml.YAMLError) as e:
        raise FyiError(f"{folder / 'scene.yaml'}: unreadable scene spec ({type(e).__name__})") from None
    if not isinstance(graph, dict) or not isinstance(spec, dict) or not isinstance(coco, dict):
        raise FyiError(f"{folder}: scene.json, scene.yaml and coco.json must each hold a mapping")
    for i, o in enumerate(graph.get("objects") or []):
        lacks = [k for k in OBJECT_KEYS if not isinstance(o, dict) or k not in o]
        if lacks or not isinstance(o["bbox"], dict) or not {"min", "max"} <= set(o["bbox"]):
            raise FyiError(f"{folder / 'scene.json'}: objects[{i}] lacks {', '.join(lacks) or 'bbox min/max'}")
    if not (folder / "views" / "rgb").is_dir():
        raise FyiError(f"{folder / 'views' / 'rgb'}: missing (the rendered views)")
    trace = []
    if (folder / "trace.jsonl").is_file():
        for n, line in enumerate((folder / "trace.jsonl").read_text().splitlines(), 1):
            if line.strip():
                try:
                    trace.append(json.loads(line))
                except ValueError:
                    raise FyiError(f"{folder / 'trace.jsonl'}: line {n} is not JSON") from None
    return Scene(folder, graph, spec, manifest, coco, trace)


def summary(scene: Scene) -> dict:
    """The scene's entry in a dataset's index (what the grid filters on)."""
    objects = scene.graph.get("objects", [])
    return {"id": scene.id, "instruction": scene.spec.get("instruction") or "",
            "categories": sorted({o.get("category", "?") for o in objects}), "objects": len(objects),
            "room": (scene.spec.get("room") or {}).get("type") or "none", "warnings": len(scene.warnings),
            "frames": (scene.dir / "frames" / "poses.json").is_file()}


def write_scene_report(scene: Scene, out: Path, cache: ImageCache, *, static: str, back: str | None = None) -> None:
    """The scene's page, out/index.html, with its pictures under out/ (`static`: the relative path from
    out/ to report.css and report.js; `back`: a link to the dataset page)."""
    prefix = out.relative_to(cache.root).as_posix() + "/" if out != cache.root else ""

    def made(maker, src: Path, rel: str) -> str:
        return cache.make(maker, src, prefix + rel)[len(prefix):]

    body = [_header(scene, back), _views(scene, made), _graph(scene), _trace(scene, made)]
    if (scene.dir / "frames").is_dir():
        body.append(_motion(scene, made))
    if (scene.dir / "instructions.jsonl").is_file():
        body.append(_instruction_data(scene))
    write_text(out / "index.html", page(f"FYI scene {scene.id}", "\n".join(body), static, kind="scene-page"))


def _header(scene: Scene, back: str | None) -> str:
    nav = f'<nav><a href="{esc(back)}">&larr; dataset</a></nav>' if back else ""
    warnings = "".join(f"<li>{esc(w)}</li>" for w in scene.warnings)
    quality = scene.manifest.get("quality", "")
    return (f'<header>{nav}<h1>{esc(scene.id)}</h1>'
            f'<p class="instruction">{esc(scene.spec.get("instruction") or "(rendered from a scene spec)")}</p>'
            f'<p class="meta">seed {esc(scene.manifest.get("seed"))} · {esc(quality)} · '
            f'{len(scene.graph.get("objects", []))} objects · room {esc((scene.spec.get("room") or {}).get("type"))}'
            f'</p></header>'
            f'<section id="warnings"><h2>Warnings ({len(scene.warnings)})</h2>'
            + (f'<ul class="warnings">{warnings}</ul>' if warnings else '<p class="none">none</p>') + '</section>')


def _views(scene: Scene, made) -> str:
    objects = scene.graph.get("objects", [])
    legend = "".join(f'<li><span class="swatch" style="background:{hex_colour(o["instance_id"])}"></span>'
                     f'{esc(o["instance_id"])} {esc(o["category"])} <small>{esc(o["id"])}</small></li>'
                     for o in objects)
    names = {c["id"]: c["name"] for c in scene.coco.get("categories", [])}
    boxes: dict[str, list[dict]] = {}
    files = {im["id"]: im for im in scene.coco.get("images", [])}
    for a in scene.coco.get("annotations", []):
        im = files.get(a["image_id"])
        if im:
            boxes.setdefault(Path(im["file_name"]).stem, []).append(a)
    figures = []
    d = scene.dir / "views"
    for name in scene.views:
        rgb = made(copy_image, d / "rgb" / f"{name}.png", f"views/{name}.png")
        layers = [f'<img class="pass pass-rgb" src="{rgb}" alt="view {int(name)}">']
        for kind, maker in (("depth", depth_png), ("normal", normal_png)):
            src = d / kind / f"{name}.exr"
            if src.is_file():
                layers.append(f'<img class="pass pass-{kind}" src="{made(maker, src, f"views/{name}-{kind}.png")}" '
                              f'alt="view {int(name)} {kind}">')
        if (d / "instance" / f"{name}.png").is_file():
            rel = made(mask_png, d / "instance" / f"{name}.png", f"views/{name}-mask.png")
            layers.append(f'<img class="mask" src="{rel}" alt="view {int(name)} instance masks">')
        im = next((i for i in files.values() if Path(i["file_name"]).stem == name), None)
        if im is not None:
            layers.append(_boxes_svg(im["width"], im["height"], boxes.get(name, []), names))
        figures.append(f'<figure class="view" data-view="{int(name)}"><div class="stack">{"".join(layers)}</div>'
                       f'<figcaption>view {int(name)}{" (main)" if int(name) == 0 else ""}</figcaption></figure>')
    controls = ('<div class="controls" id="view-controls">'
                '<label><input type="radio" name="pass" value="rgb" checked> colour</label>'
                '<label><input type="radio" name="pass" value="depth"> depth</label>'
                '<label><input type="radio" name="pass" value="normal"> normals</label>'
                '<label><input type="checkbox" id="toggle-masks"> instance masks</label>'
                '<label><input type="checkbox" id="toggle-boxes"> boxes</label></div>')
    return (f'<section id="views" class="pass-rgb"><h2>Views ({len(figures)})</h2>{controls}'
            f'<ul class="legend">{legend}</ul><div class="views">{"".join(figures)}</div></section>')


def _boxes_svg(width: int, height: int, annotations: list[dict], names: dict[int, str]) -> str:
    parts = []
    font = round(max(width, height) * 0.045, 2)  # in image pixels: the same look at any resolution
    for a in annotations:
        x, y, w, h = a["bbox"]
        colour = hex_colour(a.get("instance_id", 0))
        label = f'{names.get(a["category_id"], a["category_id"])} {a.get("object_id", "")}'.strip()
        parts.append(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" stroke="{colour}"/>'
                     f'<text x="{x + 1}" y="{max(y - font * 0.25, font)}" fill="{colour}" font-size="{font}">{esc(label)}</text>')
    return (f'<svg class="boxes" viewBox="0 0 {width} {height}" preserveAspectRatio="none">'
            f'{"".join(parts)}</svg>')


def _fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, (list, tuple)):
        return ", ".join(_fmt(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_fmt(v)}" for k, v in value.items())
    return "" if value is None else str(value)


def _graph(scene: Scene) -> str:
    rows = []
    for o in scene.graph.get("objects", []):
        lo, hi = o["bbox"]["min"], o["bbox"]["max"]
        size = " × ".join(f"{b - a:.2f}" for a, b in zip(lo, hi))
        rows.append(f'<tr><td><span class="swatch" style="background:{hex_colour(o["instance_id"])}"></span>'
                    f'{esc(o["id"])}</td><td>{esc(o["instance_id"])}</td><td>{esc(o["category"])}</td>'
                    f'<td>{esc(_fmt(o.get("attributes") or {}))}</td><td>{esc(o.get("support"))}</td>'
                    f'<td>{esc(_fmt(o.get("position")))}</td><td>{size}</td>'
                    f'<td>{esc((o.get("asset") or {}).get("source"))}</td></tr>')
    relations = "".join(f'<tr><td>{esc(r["subject"])}</td><td>{esc(r["predicate"])}</td><td>{esc(r["object"])}</td></tr>'
                        for r in scene.graph.get("relations", []))
    room = (scene.spec.get("room") or {}).get("size")
    return ('<section id="graph"><h2>Scene graph</h2><div class="columns"><div>'
            '<table class="objects"><thead><tr><th>object</th><th>instance</th><th>category</th><th>attributes</th>'
            f'<th>support</th><th>position (m)</th><th>size (m)</th><th>asset</th></tr></thead><tbody>{"".join(rows)}'
            '</tbody></table><h3>Relations</h3>'
            + (f'<table class="relations"><thead><tr><th>subject</th><th>predicate</th><th>object</th></tr></thead>'
               f'<tbody>{relations}</tbody></table>' if relations else '<p class="none">none</p>')
            + '</div><figure class="chart"><figcaption>top-down plan (view 0 looks from below)</figcaption>'
            + plan(scene.graph.get("objects", []), scene.graph.get("cameras", []), room) + '</figure></div></section>')


AGENT_TITLES = {"collector": "Collector", "generator": "Generator", "optimizer": "Optimizer", "planner": "Planner",
                "render": "Render"}


def _trace(scene: Scene, made) -> str:
    if not scene.trace:
        return '<section id="trace"><h2>Agent trace</h2><p class="none">no trace.jsonl</p></section>'
    rounds = [s for s in scene.trace if s.get("agent") == "optimizer"]
    steps = []
    for step in scene.trace:
        agent = step.get("agent", "?")
        title = AGENT_TITLES.get(agent, agent)
        if agent in ("optimizer", "generator") and step.get("round") is not None:
            title += f' · round {step["round"]}' if agent == "optimizer" else f' · for round {step["round"] + 1}'
        detail = []
        if agent == "optimizer":
            detail.append(_critique(step))
            detail.append(_before_after(scene, step, rounds, made))
        for key in ("input", "output", "edits"):
            if step.get(key) not in (None, {}, []):
                detail.append(f'<details><summary>{key}</summary><pre>{esc(json.dumps(step[key], indent=1))}</pre></details>')
        if step.get("notes"):
            detail.append("<ul class=\"notes\">" + "".join(f"<li>{esc(n)}</li>" for n in step["notes"]) + "</ul>")
        calls = step.get("model_calls") or []
        if calls:
            detail.append(_model_calls(calls))
        steps.append(f'<li class="step agent-{esc(agent)}"><h3>{esc(title)} <small>{step.get("seconds", 0):.2f} s'
                     f'{f" · {len(calls)} model calls" if calls else ""}</small></h3>{"".join(detail)}</li>')
    total = sum(len(s.get("model_calls") or []) for s in scene.trace)
    return (f'<section id="trace"><h2>Agent trace</h2><p class="meta">{len(scene.trace)} steps · '
            f'{len(rounds)} Optimizer rounds · {total} model calls</p><ol class="timeline">{"".join(steps)}</ol></section>')


def _critique(step: dict) -> str:
    crit = step.get("critique") or {}
    problems = crit.get("problems") or []
    # As agents.critic.Critique.ok: passed when no problem is an error (warnings are reported, not fixed).
    verdict = "asked for changes" if any(p.get("severity") == "error" for p in problems) else "passed"
    items = "".join(f'<li class="{esc(p.get("severity"))}"><b>{esc(p.get("kind"))}</b> {esc(p.get("detail"))}</li>'
                    for p in problems)
    vlm = step.get("vlm_critique")
    extra = (f'<details><summary>VLM critique</summary><pre>{esc(json.dumps(vlm, indent=1))}</pre></details>'
             if vlm else "")
    score = crit.get("score")
    return (f'<p class="critique">critique {verdict}{f" · score {score:.2f}" if isinstance(score, (int, float)) else ""}'
            f'</p>' + (f'<ul class="problems">{items}</ul>' if items else "") + extra)


def _before_after(scene: Scene, step: dict, rounds: list[dict], made) -> str:
    """This round's render (what the critic saw) and what came of its edits: the next round's render,
    or the final render after the last round."""
    def preview(s: dict) -> str | None:
        rel = (s.get("input") or {}).get("preview")
        return rel if rel and (scene.dir / rel).is_file() else None

    before = preview(step)
    i = next(k for k, s in enumerate(rounds) if s is step)
    if i + 1 < len(rounds):
        after, after_label = preview(rounds[i + 1]), f"after: round {rounds[i + 1].get('round')}"
    else:
        final = scene.dir / "views" / "rgb" / "0000.png"
        after = "views/rgb/0000.png" if final.is_file() else None
        after_label = "after: final render"
    if before is None:
        return '<p class="none">no renders kept for this round (made before rounds/ was kept)</p>'
    pics = [("before: what the critic saw", before)] + ([(after_label, after)] if after else [])
    figs = "".join(f'<figure><img src="{made(thumbnail, scene.dir / rel, "rounds/" + rel.replace("/", "-"))}" '
                   f'alt="{esc(label)}"><figcaption>{esc(label)}</figcaption></figure>' for label, rel in pics)
    return f'<div class="before-after">{figs}</div>'


def _model_calls(calls: list[dict]) -> str:
    """Each call as trace.jsonl records it (agents.backend.ModelCall): a line of numbers, then the prompt
    and the answer."""
    rows = []
    for c in calls:
        head = [c.get("agent"), c.get("model"),
                f'{c.get("prompt_tokens", 0)} + {c.get("completion_tokens", 0)} tokens',
                f'{c.get("latency_s", 0):.2f} s', "from the cache" if c.get("cache_hit") else None,
                f'{len(c["images"])} images' if c.get("images") else None,
                f'{c["attempts"]} attempts' if c.get("attempts", 1) > 1 else None]
        texts = "".join(f'<h4>{key}</h4><pre>{esc(str(c[key])[:20000])}</pre>' for key in ("prompt", "answer")
                        if c.get(key))
        rows.append(f'<details class="call"><summary>{esc(" · ".join(str(h) for h in head if h))}</summary>'
                    f'{texts}</details>')
    return f'<div class="model-calls">{"".join(rows)}</div>'


def _motion(scene: Scene, made) -> str:
    d = scene.dir / "frames"
    parts = []
    if (d / "video.mp4").is_file():
        parts.append(f'<video id="video" src="{made(copy_file, d / "video.mp4", "frames/video.mp4")}" controls muted loop '
                     f'playsinline preload="auto"></video>')
    names = sorted(p.stem for p in (d / "rgb").glob("*.png"))
    step = max(1, -(-len(names) // FRAMES_SHOWN))
    names = names[::step]
    frames = []
    for name in names:
        flow = d / "flow" / f"{name}.flo"
        frames.append({"i": int(name), "rgb": made(copy_image, d / "rgb" / f"{name}.png", f"frames/{name}.png"),
                       "flow": made(flow_png, flow, f"frames/{name}-flow.png") if flow.is_file() else None})
    viewer, tracks = "", None
    if frames:
        tracks = _tracks(d / "tracks.npz", [f["i"] for f in frames])
        w, h = _frame_size(scene)
        if tracks:
            tracks["radius"] = round(max(w, h) / 90, 2)
        flow0 = f'<img id="frame-flow" src="{frames[0]["flow"]}" alt="flow">' if frames[0]["flow"] else ""
        viewer = (f'<div class="frame-viewer"><label>frame <input type="range" id="frame-slider" min="0" '
                  f'max="{len(frames) - 1}" value="0"> <output id="frame-number">{frames[0]["i"]}</output></label>'
                  f'<div class="frame-pair"><figure><div class="stack"><img id="frame-rgb" src="{frames[0]["rgb"]}" alt="frame">'
                  f'<svg class="tracks" id="tracks" viewBox="0 0 {w} {h}" preserveAspectRatio="none"></svg></div>'
                  f'<figcaption>frame with {len(tracks["points"]) if tracks else 0} point tracks</figcaption></figure>'
                  f'<figure>{flow0}<figcaption>forward optical flow (Middlebury colours: hue = direction, '
                  f'saturation = speed)</figcaption></figure></div></div>')
    poses_svg = ""
    if (d / "poses.json").is_file():
        poses = _json(d / "poses.json", "the frame poses")
        ids = {o["id"]: o["instance_id"] for o in scene.graph.get("objects", [])}
        poses_svg = f'<div class="columns">{trajectories(poses, ids)}</div>'
    data = {"frames": frames, "tracks": tracks}
    return (f'<section id="motion"><h2>Motion ({len(names) * step if names else 0} frames)</h2>{"".join(parts)}{viewer}'
            f'<h3>Trajectories</h3>{poses_svg}'
            f'<script type="application/json" id="frames-data">{json_for_script(data)}</script></section>')


def _frame_size(scene: Scene) -> tuple[int, int]:
    cams = scene.graph.get("cameras") or [{}]
    return cams[0].get("width", 256), cams[0].get("height", 256)


def _tracks(path: Path, frame_ids: list[int]) -> dict | None:
    """A few point tracks spread over the tracked points, at the shown frames (None where not visible)."""
    if not path.is_file():
        return None
    with np.load(path) as z:
        tracks, visible, ids = z["tracks"], z["visible"], z["object_ids"]
    if len(tracks) == 0:
        return {"points": []}
    pick = np.unique(np.linspace(0, len(tracks) - 1, min(TRACKS_SHOWN, len(tracks))).round().astype(int))
    points = []
    for p in pick:
        xy = [[round(float(tracks[p, f, 0]), 1), round(float(tracks[p, f, 1]), 1)]
              if f < tracks.shape[1] and visible[p, f] and np.isfinite(tracks[p, f]).all() else None for f in frame_ids]
        points.append({"colour": hex_colour(int(ids[p])), "xy": xy})
    return {"points": points}


def _instruction_data(scene: Scene) -> str:
    rows, count = [], 0
    for line in (scene.dir / "instructions.jsonl").read_text().splitlines():
        try:
            item = json.loads(line)
        except ValueError:
            continue
        count += 1
        if len(rows) >= QA_SHOWN:
            continue
        turns = item.get("conversations") or []
        for q, a in zip(turns[::2], turns[1::2]):
            question = str(q.get("value", "")).replace("<image>", "").strip()
            rows.append(f'<tr><td>{esc(item.get("image", ""))}</td><td>{esc(question)}</td>'
                        f'<td>{esc(a.get("value", ""))}</td></tr>')
    return (f'<section id="instruction-data"><h2>Instruction data ({count} items)</h2>'
            f'<table class="qa"><thead><tr><th>image</th><th>question</th><th>answer</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></section>')
