"""The agent loop as a LangGraph StateGraph:

    collector -> generator -> optimizer --(edits asked and rounds left)--> generator
                                   | done
                                   v
                               planner -> render -> END

Nodes are plain functions of the state returning partial updates; the state holds data and paths
only, so a SQLite checkpointer can save it after every step and a killed run resumes from there.
The model backend and a progress callback travel in the run config
(config["configurable"]["backend"], ["progress"]); every model call lands in trace.jsonl.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Callable

from langchain_core.runnables import RunnableConfig
from langgraph.graph import END, START, StateGraph

from fyi.agents.backend import Backend, OfflineBackend
from fyi.agents.collector import AssetSources, assets_from_sources, pick_assets, spec_from_request
from fyi.agents.critic import critique
from fyi.agents.edits import apply_edits, recolour
from fyi.agents.generator import generate, with_proposals
from fyi.agents.planner import plan_animation, with_context_kept
from fyi.agents.state import SynthState
from fyi.assets.catalog import source_categories
from fyi.render.cache import rendered_scene, rendered_views
from fyi.render.quality import PREVIEW, quality_for
from fyi.render.scene_graph import scene_graph
from fyi.scenes.asset_loader import assets_for
from fyi.scenes.clutter import requested_only
from fyi.scenes.lens import lens_warnings, with_lens
from fyi.scenes.spec import SceneSpec

MAX_ROUNDS = 3
ROUNDS_DIR = "rounds"  # the scene folder's rounds/NN.png: view 0 as the Optimizer saw it in round NN
CRITIC_VIEWS = 6  # views a VLM critic sees by default, at most (view 0, the main one, first)


def _configured(config: RunnableConfig | None, key: str):
    return ((config or {}).get("configurable") or {}).get(key)


def _progress(config: RunnableConfig | None) -> Callable[..., None]:
    fn = _configured(config, "progress")
    return fn if callable(fn) else (lambda *a, **k: None)


def _backend(config: RunnableConfig | None) -> Backend:
    return _configured(config, "backend") or OfflineBackend()


def _step(agent: str, state: SynthState, started: float, backend: Backend, **fields: Any) -> dict:
    """One trace line; the backend's model calls (and what it refused of their answers) since the last
    step go with it."""
    calls = [vars(c) for c in backend.calls]
    backend.calls.clear()
    refused = list(getattr(backend, "warnings", []))
    if refused:
        backend.warnings.clear()
        fields["model_warnings"] = refused
    return {"agent": agent, "round": state.get("round", 0), **fields, "model_calls": calls,
            "seconds": round(time.perf_counter() - started, 4)}


def collector_node(state: SynthState, config: RunnableConfig = None) -> dict:
    t = time.perf_counter()
    _progress(config)("collector", 0, 1)
    backend = _backend(config)
    sources = AssetSources.open(state.get("asset_dirs", []), state.get("objaverse", False))
    thumbs = Path(state["work_dir"]) / "thumbnails"
    # The sources' own categories (an Objaverse guitar) are words the instruction may use too.
    with source_categories(sources.vocabulary() if sources else ()):
        request = backend.understand(state["instruction"], [Path(p) for p in state.get("images", [])])
        spec = spec_from_request(request, seed=state.get("seed", 0), quality=state.get("quality", "draft"),
                                 views=state.get("views", 4), frames=state.get("frames", 0),
                                 fps=state.get("fps", 24.0), clutter=state.get("clutter", "none"))
        spec = with_lens(spec, **state.get("lens", {}))
        spec = assets_from_sources(spec, sources, backend, thumbs)
    spec = pick_assets(spec, backend, thumbs)
    summary = {"objects": {g.category: g.count for g in request.objects}, "relations": len(request.relations),
               "room": spec.room.type, "motions": [m.verb for m in request.motions]}
    return {"request": request.model_dump(mode="json"), "partial_spec": spec.model_dump(mode="json"),
            "round": 0, "layout_attempt": state.get("layout_attempt", 0),
            "camera_elevation": state.get("camera_elevation", 30.0), "camera_margin": state.get("camera_margin", 0.1),
            "warnings": list(request.warnings),
            "trace": [_step("collector", state, t, backend, input=state["instruction"], output=summary)]}


def generator_node(state: SynthState, config: RunnableConfig = None) -> dict:
    t = time.perf_counter()
    _progress(config)("generator", state.get("round", 0), state.get("max_rounds", MAX_ROUNDS))
    backend = _backend(config)
    partial = SceneSpec.model_validate(state["partial_spec"])
    if state.get("round", 0) == 0:
        partial = with_proposals(partial, backend)
    layout = generate(partial, attempt=state.get("layout_attempt", 0), elevation=state.get("camera_elevation", 30.0),
                      margin=state.get("camera_margin", 0.1))
    spec = layout.spec
    return {"spec": spec.model_dump(mode="json"),
            "trace": [_step("generator", state, t, backend,
                            input={"attempt": state.get("layout_attempt", 0), "elevation": state.get("camera_elevation"),
                                   "margin": state.get("camera_margin")},
                            output={"room": list(spec.room.size or ()), "unmet": layout.unmet,
                                    "context": [o.id for o in spec.objects if o.context],
                                    "context_left_out": layout.context_left_out,
                                    "poses": {o.id: [round(c, 3) for c in o.position] for o in spec.objects}})]}


def optimizer_node(state: SynthState, config: RunnableConfig = None) -> dict:
    t = time.perf_counter()
    backend = _backend(config)
    spec = SceneSpec.model_validate(state["spec"])
    assets = assets_for(spec)
    final = quality_for(spec.render)
    # A draft render is cheap enough to be the preview: when the critique passes it is the final render.
    look = final if spec.render.quality == "draft" else PREVIEW
    progress = _progress(config)
    views = rendered_views(spec, assets, look, Path(state["work_dir"]) / "renders",
                           progress=lambda k, n: progress("optimizer: preview", k, n))
    rounds = state.get("round", 0) + 1
    more = rounds < state.get("max_rounds", MAX_ROUNDS)
    preview = _keep_preview(views, Path(state["work_dir"]), rounds)
    camera = {"camera_elevation": state.get("camera_elevation", 30.0), "camera_margin": state.get("camera_margin", 0.1)}
    update: dict[str, Any] = {}
    # The VLM (when there is one) looks first; the geometric critic always runs after it as the guard.
    shown = sorted((views / "rgb").glob("*.png"))[:state.get("critic_views", CRITIC_VIEWS)]
    vlm = backend.critique(spec, scene_graph(spec, assets), shown)
    notes: list[str] = []
    if vlm is not None and vlm.edits and more:
        edited, camera, notes = apply_edits(spec, vlm.edits, camera)
        update["partial_spec"] = edited.model_dump(mode="json")
    crit = critique(spec, assets, views)
    kinds = crit.kinds()
    edits: dict[str, Any] = {}
    # The solver already tried every pose its relations suggest: only physical faults earn a new layout.
    # A photo fault (too small, hidden, the 2D arrangement not seen) earns a new arrangement, which the
    # Generator photographs anew.
    if kinds & {"collision", "floating", "photo"}:
        edits["layout_attempt"] = state.get("layout_attempt", 0) + 1
    if "hidden" in kinds:
        edits["camera_elevation"] = min(70.0, camera["camera_elevation"] + 12.0)
    if kinds & {"hidden", "cut_off"}:
        edits["camera_margin"] = min(0.4, max(camera["camera_margin"], 0.1) + 0.08)
    if "colour" in kinds and more:
        seen = {p.objects[0]: p.seen for p in crit.problems if p.kind == "colour" and p.seen is not None}
        base = SceneSpec.model_validate(update.get("partial_spec", state["partial_spec"]))
        update["partial_spec"] = recolour(base, seen).model_dump(mode="json")
        edits["recolour"] = sorted(seen)
    camera.update({k: v for k, v in edits.items() if k.startswith("camera")})
    score = crit.score * (vlm.score if vlm is not None else 1.0)
    best = state.get("best")
    if best is None or score > best["score"]:
        best = {"score": score, "spec": state["spec"], "critique": crit.model_dump(mode="json")}
    retry = more and (bool(edits) or "partial_spec" in update) and not (crit.ok and (vlm is None or vlm.ok))
    update.update({"round": rounds, "critique": crit.model_dump(mode="json"), "best": best, "retry": retry})
    if retry:
        update.update(camera)
        if "layout_attempt" in edits:
            update["layout_attempt"] = edits["layout_attempt"]
    else:
        update.pop("partial_spec", None)
    # No paths in the trace but the scene folder's own (a dataset moves).
    update["trace"] = [_step("optimizer", {**state, "round": rounds}, t, backend,
                             input={"views": len(spec.cameras), "shown": len(shown),
                                    "look": "final" if look == final else "preview", "preview": preview},
                             critique=crit.model_dump(mode="json"),
                             vlm_critique=vlm.model_dump(mode="json") if vlm is not None else None,
                             edits={**edits, **({"vlm": [e.model_dump(exclude_none=True) for e in vlm.edits]}
                                                if vlm is not None and vlm.edits else {})},
                             notes=notes)]
    return update


def _keep_preview(views: Path, work_dir: Path, round_: int) -> str:
    """Keep view 0 as this round saw it (at most 256 px, the report's before/after of each round) under
    work_dir/rounds/, which becomes the scene folder's rounds/; return its path in the scene folder."""
    from PIL import Image

    name = f"{ROUNDS_DIR}/{round_:02d}.png"
    (work_dir / ROUNDS_DIR).mkdir(parents=True, exist_ok=True)
    with Image.open(views / "rgb" / "0000.png") as image:
        image = image.convert("RGB")
        image.thumbnail((256, 256))
        image.save(work_dir / name)
    return name


def after_optimizer(state: SynthState) -> str:
    """Back to the Generator while the critique asks for edits and rounds are left."""
    return "generator" if state.get("retry") else "planner"


def planner_node(state: SynthState, config: RunnableConfig = None) -> dict:
    """Motions -> an Animation checked frame by frame; static scenes pass through."""
    t = time.perf_counter()
    _progress(config)("planner", 0, 1)
    backend = _backend(config)
    best = state["best"]
    full = SceneSpec.model_validate(best["spec"])
    # Motion is planned for what was asked; context objects neither move nor steer a path, and those
    # in a mover's or a camera's way are left out afterwards (hung ones too, when the room grew).
    spec = requested_only(full)
    spec, notes = plan_animation(spec, assets_for(spec), backend.plan_motion(spec) if spec.motions else None)
    spec, in_way = with_context_kept(spec, full)
    # Unmet relations are already in the solver's warnings; report what else the critic could not fix.
    notes += [f"unresolved after {state.get('round', 0)} rounds: {p['detail']}" for p in best["critique"]["problems"]
              if p["severity"] == "error" and p["kind"] != "relation"]
    # What the picture shows short of the instruction, but not badly enough to lay the scene out again.
    notes += [p["detail"] for p in best["critique"]["problems"]
              if p["severity"] == "warning" and p["kind"] in ("photo", "colour")]
    notes += lens_warnings(spec)
    warnings = list(dict.fromkeys([*spec.warnings, *notes]))
    spec = spec.model_copy(update={"warnings": warnings})
    anim = spec.animation
    return {"spec": spec.model_dump(mode="json"), "warnings": notes,
            "trace": [_step("planner", state, t, backend,
                            input={"motions": [m.model_dump(exclude_none=True) for m in spec.motions]},
                            output={"frames": anim.frames if anim else 0, "fps": anim.fps if anim else None,
                                    "moving": [tr.object for tr in anim.objects] if anim else [],
                                    **({"context_left_out": in_way} if in_way else {})},
                            notes=notes)]}


def render_node(state: SynthState, config: RunnableConfig = None) -> dict:
    t = time.perf_counter()
    backend = _backend(config)
    spec = SceneSpec.model_validate(state["spec"])
    views, frames = rendered_scene(spec, assets_for(spec), quality_for(spec.render),
                                   Path(state["work_dir"]) / "renders", _progress(config))
    return {"views_dir": str(views), "frames_dir": str(frames) if frames else None,
            "trace": [_step("render", state, t, backend,
                            input={"quality": spec.render.quality, "views": len(spec.cameras),
                                   "frames": spec.animation.frames if spec.animation else 0},
                            output={"views": "views", "frames": "frames" if frames else None})]}


def build_graph(checkpointer=None):
    g = StateGraph(SynthState)
    g.add_node("collector", collector_node)
    g.add_node("generator", generator_node)
    g.add_node("optimizer", optimizer_node)
    g.add_node("planner", planner_node)
    g.add_node("render", render_node)
    g.add_edge(START, "collector")
    g.add_edge("collector", "generator")
    g.add_edge("generator", "optimizer")
    g.add_conditional_edges("optimizer", after_optimizer, {"generator": "generator", "planner": "planner"})
    g.add_edge("planner", "render")
    g.add_edge("render", END)
    return g.compile(checkpointer=checkpointer)
