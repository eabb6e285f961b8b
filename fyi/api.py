"""The Python face of FYI: `synthesize` (instruction -> scene folder), `render` (spec -> scene folder)
and `validate` (spec -> the spec `render` would use, or one FyiError naming the field).

A scene folder appears complete or not at all: everything is built in a staging folder beside it
and moved into place with one rename at the end. A user's mistake leaves nothing behind: no empty
output folder, no unfinished run.
"""
from __future__ import annotations

import math
import os
import re
import shutil
import tempfile
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from fyi.errors import FyiError
from fyi.scenes.spec import (CLUTTER_LEVELS, MAX_FPS, MAX_FRAMES, MAX_INSTRUCTION_CHARS, MAX_SEED, MAX_VIEWS, MIN_FPS, AssetRef,
                             SceneSpec)

Progress = Callable[[str, int, int], None]
RUNS = ".fyi-runs"  # checkpoints and renders of unfinished runs, under the output folder
RUN_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")  # a plain name: it names a folder under OUT/.fyi-runs
ROUNDS_LIMIT = 10  # Optimizer rounds a request may ask for
# What a resumed run must share with the run it continues (the rest of its state is its progress).
RESUME_KEYS = ("instruction", "images", "seed", "asset_dirs", "objaverse", "quality", "views", "frames", "fps",
               "lens", "max_rounds", "critic_views", "clutter")


@dataclass
class SynthResult:
    scene_dir: Path
    spec: SceneSpec
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    run_id: str | None = None

    @property
    def scene_id(self) -> str:
        return self.spec.scene_id

    @property
    def paths(self) -> dict[str, Path]:
        d = self.scene_dir
        return {"scene_yaml": d / "scene.yaml", "scene_json": d / "scene.json", "scene_glb": d / "scene.glb",
                "views": d / "views", "transforms": d / "views" / "transforms.json", "coco": d / "coco.json",
                "trace": d / "trace.jsonl", "manifest": d / "manifest.json"}


def output_folder(out: Path) -> list[Path]:
    """Make sure `out` is a folder FYI can write into; return the folders this created (to remove
    again if the run fails), or one FyiError naming the folder."""
    made = []
    probe = out
    while not _is(Path.exists, probe) and not _is(Path.is_symlink, probe) and probe != probe.parent:
        made.append(probe)
        probe = probe.parent
    if _is(Path.exists, out) and not out.is_dir():
        raise FyiError(f"{out}: is a file, not a folder (the output goes to a folder)")
    try:
        out.mkdir(parents=True, exist_ok=True)
        tempfile.TemporaryDirectory(dir=out, prefix=".fyi-probe-").cleanup()
    except OSError as e:
        remove_empty(made)
        raise FyiError(f"{out}: cannot write the output folder ({e.strerror or type(e).__name__})") from None
    return made


def remove_empty(folders: list[Path]) -> None:
    """Remove the folders (deepest first) that are still empty."""
    for d in folders:
        try:
            d.rmdir()
        except OSError:
            pass


@contextmanager
def _staging(out: Path, name: str) -> Iterator[Path]:
    stage = out / f".staging-{name}-{os.getpid()}"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir()
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _publish(scene: Path, target: Path) -> None:
    """Move a finished scene folder into place in one rename (replacing an older one)."""
    old = None
    if target.exists():
        old = target.with_name(f".old-{target.name}-{os.getpid()}")
        target.rename(old)
    scene.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def new_run_id() -> str:
    return uuid.uuid4().hex[:12]


def synthesize(instruction: str, out: str | os.PathLike, *, seed: int = 0, quality: str = "draft", views: int = 4,
               frames: int = 0, fps: float = 24.0, max_rounds: int = 3, critic_views: int = 6, clutter: str = "low",
               dof: bool = False, fstop: float | None = None, motion_blur: bool = False,
               shutter: float | None = None, images: list[str | os.PathLike] = (),
               asset_dirs: list[str | os.PathLike] = (), objaverse: bool = False, backend=None,
               run_id: str | None = None, resume: bool = False, progress: Progress | None = None,
               qa: bool = True) -> SynthResult:
    """Instruction -> a rendered, annotated scene folder under `out`.

    Offline by default; with FYI_MODEL_BASE_URL and FYI_MODEL set (or a `backend` given) the agents
    ask an OpenAI-compatible model. When the instruction has motion, frames/ holds the sequence:
    `frames` of them at `fps` (0: the Planner's default of 24 frames at 12 fps). `clutter` (none, low,
    high): how many context objects of the room type the scene gets besides what was asked for.
    `dof` renders the colour images with depth of field (at f/`fstop`, or an f-stop drawn under the
    seed), `motion_blur` the sequence's with motion blur (over `shutter` of a frame, default 0.5);
    a given `fstop` or `shutter` asks for its effect. Depth, normals, masks and flow stay exact.
    Every step is checkpointed under OUT/.fyi-runs/RUN_ID/: a run that was killed continues from its
    last finished step with `resume=True` and the same `run_id`.
    With `qa` (the default) the folder holds instructions.jsonl: checked QA items on its views.
    """
    from langgraph.checkpoint.sqlite import SqliteSaver

    from fyi.agents.graph import build_graph
    from fyi.render.dataset import write_dataset
    from fyi.scenes.asset_loader import assets_for

    out = Path(out)
    run_id = run_id or new_run_id()
    if not RUN_ID.match(run_id):
        raise FyiError(f"run id {run_id!r}: must be a plain name (letters, digits, '_', '.', '-'; at most 64)")
    run_dir = out / RUNS / run_id
    check_request(instruction, quality, views, frames, fps, images, asset_dirs, seed=seed, max_rounds=max_rounds,
                  critic_views=critic_views, clutter=clutter, fstop=fstop, shutter=shutter)
    request = {"instruction": instruction, "images": [str(Path(p).resolve()) for p in images], "seed": seed,
               "asset_dirs": [str(Path(d).resolve()) for d in asset_dirs], "objaverse": objaverse,
               "quality": quality, "views": views, "frames": frames, "fps": fps, "max_rounds": max_rounds,
               "critic_views": critic_views, "clutter": clutter,
               "lens": {"dof": bool(dof), "fstop": fstop, "motion_blur": bool(motion_blur), "shutter": shutter}}
    if resume:
        if not _is(Path.is_file, run_dir / "checkpoints.sqlite"):
            raise FyiError(f"--resume: no run {run_id!r} under {out / RUNS} to resume")
    elif _is(Path.exists, run_dir):
        raise FyiError(f"run id {run_id!r} is taken under {out / RUNS}; use --resume to continue it")
    backend = backend or default_backend()
    t0 = time.perf_counter()
    made = output_folder(out)
    made = [d for d in (run_dir, out / RUNS) if not d.exists()] + made
    config = {"configurable": {"thread_id": run_id, "progress": progress, "backend": backend},
              "recursion_limit": 10 + 2 * max_rounds}
    try:
        run_dir.mkdir(parents=True, exist_ok=True)
        with SqliteSaver.from_conn_string(str(run_dir / "checkpoints.sqlite")) as saver:
            graph = build_graph(checkpointer=saver)
            if resume:
                _check_same_request(run_id, graph.get_state(config).values, request)
            first = None if resume else {**request, "work_dir": str(run_dir.resolve()), "warnings": [], "trace": []}
            state = graph.invoke(first, config)
        if "views_dir" not in state:
            raise FyiError(f"run {run_id}: the checkpoint holds no finished render to resume from")
        spec = SceneSpec.model_validate(state["spec"])
        if progress:
            progress("export", 0, 1)
        timings = {"agents_and_render": round(time.perf_counter() - t0, 3)}
        frames_dir = state.get("frames_dir")
        stage = run_dir / "scene"
        shutil.rmtree(stage, ignore_errors=True)
        write_dataset(spec, assets_for(spec), Path(state["views_dir"]), stage, trace=state["trace"],
                      timings=timings, frames_src=Path(frames_dir) if frames_dir else None,
                      annotate=instruction_data(spec.seed) if qa else None, rounds_src=run_dir / "rounds")
    except FyiError:
        if not resume:  # a user's mistake leaves nothing behind; a refused resume keeps the run it refused
            shutil.rmtree(run_dir, ignore_errors=True)
        remove_empty(made)
        raise
    target = out / spec.scene_id
    _publish(stage, target)
    shutil.rmtree(run_dir, ignore_errors=True)
    remove_empty([out / RUNS])
    timings["total"] = round(time.perf_counter() - t0, 3)
    return SynthResult(target, spec, list(spec.warnings), timings, run_id)


def _check_same_request(run_id: str, saved: dict, request: dict) -> None:
    """A resumed run must be asked for what it was started with, or it would finish another request."""
    for key in RESUME_KEYS:
        if key in saved and saved[key] != request[key]:
            raise FyiError(f"--resume: run {run_id!r} was started with {key} {saved[key]!r}, not {request[key]!r}; "
                           f"resume it with the same instruction and options")


def check_request(instruction: str, quality: str, views: int, frames: int, fps: float, images=(),
                  asset_dirs=(), *, seed: int = 0, max_rounds: int = 3, critic_views: int = 6,
                  clutter: str = "low", fstop: float | None = None, shutter: float | None = None) -> None:
    """One FyiError naming the first option of a synthesis request that is out of range."""
    from fyi.scenes.lens import check_lens

    if not isinstance(instruction, str) or not instruction.strip():
        raise FyiError("instruction: empty; describe a scene, e.g. 'a wooden table with two mugs on it'")
    if len(instruction) > MAX_INSTRUCTION_CHARS:
        raise FyiError(f"instruction: {len(instruction):,} characters; at most {MAX_INSTRUCTION_CHARS:,}")
    if quality not in ("draft", "standard", "high"):
        raise FyiError(f"quality: expected draft, standard or high, got {quality!r}")
    if clutter not in CLUTTER_LEVELS:
        raise FyiError(f"clutter: expected none, low or high, got {clutter!r}")
    if not 0 <= seed <= MAX_SEED:
        raise FyiError(f"seed: expected 0 to {MAX_SEED}, got {seed}")
    if not 1 <= views <= MAX_VIEWS:
        raise FyiError(f"views: expected 1 to {MAX_VIEWS}, got {views}")
    if frames == 1 or not 0 <= frames <= MAX_FRAMES:
        raise FyiError(f"frames: expected 0 (the default) or 2 to {MAX_FRAMES}, got {frames}")
    if not (math.isfinite(fps) and MIN_FPS <= fps <= MAX_FPS):
        raise FyiError(f"fps: expected {MIN_FPS:g} to {MAX_FPS:g} frames a second, got {fps}")
    if not 1 <= max_rounds <= ROUNDS_LIMIT:
        raise FyiError(f"rounds: expected 1 to {ROUNDS_LIMIT}, got {max_rounds}")
    if not 1 <= critic_views <= 6:
        raise FyiError(f"critic_views: expected 1 to 6, got {critic_views}")
    check_lens(fstop, shutter)
    for p in images:
        if not _is(Path.is_file, p):
            raise FyiError(f"{p}: reference image not found")
    _check_asset_dirs(asset_dirs)


def _is(test: Callable[[Path], bool], path) -> bool:
    """Path.is_file / is_dir, false for a path the system refuses to look up (a name too long...)."""
    try:
        return test(Path(path))
    except (OSError, ValueError):
        return False


def _check_asset_dirs(asset_dirs) -> None:
    for d in asset_dirs:
        if not _is(Path.is_dir, d):
            raise FyiError(f"{d}: asset folder not found")


def default_backend():
    """The OpenAI-compatible backend when the environment names a model server, else offline."""
    from fyi.agents.backend import OfflineBackend
    from fyi.agents.settings import settings_from_env

    settings = settings_from_env()
    if any(settings.uses_model(a) for a in ("collector", "generator", "optimizer", "planner")):
        from fyi.agents.openai_backend import OpenAIBackend

        return OpenAIBackend(settings)
    return OfflineBackend()


def validate(spec: SceneSpec | str | os.PathLike, *, asset_dirs: list[str | os.PathLike] = ()) -> SceneSpec:
    """The spec `render` would use, or one FyiError naming the field (`objects[1].asset.path: ...`).

    Checks what the spec model cannot see alone: categories, and that every asset loads from where it
    may (file paths read from the spec's folder, inside it or one of `asset_dirs`; the current folder
    stands in for the spec's folder when `spec` is a SceneSpec).
    """
    from fyi.scenes.asset_loader import checked_assets
    from fyi.scenes.io import load_spec

    _check_asset_dirs(asset_dirs)
    if isinstance(spec, SceneSpec):
        source, spec_dir = "spec", Path.cwd()
    else:
        source, spec_dir = str(spec), Path(spec).resolve().parent
        spec = load_spec(spec)
    try:
        return checked_assets(_with_assets(spec), spec_dir, [Path(d) for d in asset_dirs])
    except FyiError as e:
        raise FyiError(f"{source}: {e}") from None


def render(spec: SceneSpec | str | os.PathLike, out: str | os.PathLike, *, asset_dirs: list[str | os.PathLike] = (),
           progress: Progress | None = None, qa: bool = True, dof: bool = False, fstop: float | None = None,
           motion_blur: bool = False, shutter: float | None = None) -> SynthResult:
    """A spec (resolved or partial) -> a rendered, annotated scene folder under `out`.

    A resolved spec (the scene.yaml of a scene folder) renders as it is and reproduces that scene;
    a partial one is laid out and framed first. Asset files come from the spec's folder or `asset_dirs`
    (see `validate`). `dof`, `fstop`, `motion_blur` and `shutter` add lens effects as `synthesize`'s
    do (kept in the written scene.yaml); a spec's own lens settings stay unless a number is given.
    """
    from fyi.agents.generator import generate
    from fyi.agents.planner import plan_animation, with_context_kept
    from fyi.render.cache import at_quality, rendered_scene
    from fyi.render.dataset import write_dataset
    from fyi.render.quality import quality_for
    from fyi.scenes.asset_loader import assets_for
    from fyi.scenes.clutter import requested_only
    from fyi.scenes.lens import lens_warnings, with_lens

    t0 = time.perf_counter()
    spec = validate(spec, asset_dirs=asset_dirs)
    spec = with_lens(spec, dof=dof, fstop=fstop, motion_blur=motion_blur, shutter=shutter)
    out = Path(out)
    made = output_folder(out)
    try:
        trace = []
        if not spec.resolved:
            layout = generate(spec)
            asked = requested_only(layout.spec)  # context objects neither move nor steer a path
            spec, notes = plan_animation(asked, assets_for(asked))
            spec, _ = with_context_kept(spec, layout.spec)
            spec = spec.model_copy(update={"warnings": list(dict.fromkeys([*spec.warnings, *notes]))})
            trace.append({"agent": "generator", "round": 0, "output": {"unmet": layout.unmet}})
        spec = spec.model_copy(update={"warnings": list(dict.fromkeys([*spec.warnings, *lens_warnings(spec)]))})
        # The written scene.yaml's cameras match its images, whatever size the given spec's were made at.
        spec = at_quality(spec, quality_for(spec.render))
        with _staging(out, "render") as stage:
            assets = assets_for(spec)
            views, frames = rendered_scene(spec, assets, quality_for(spec.render), stage / "renders", progress)
            timings = {"render": round(time.perf_counter() - t0, 3)}
            write_dataset(spec, assets, views, stage / "scene", trace=trace, timings=timings, frames_src=frames,
                          annotate=instruction_data(spec.seed) if qa else None)
            target = out / spec.scene_id
            _publish(stage / "scene", target)
    except BaseException:
        remove_empty(made)
        raise
    timings["total"] = round(time.perf_counter() - t0, 3)
    return SynthResult(target, spec, list(spec.warnings), timings)


def instruction_data(seed: int) -> Callable[[Path], dict]:
    """What writes instructions.jsonl into a finished scene folder, and its check counts for the manifest."""
    def annotate(scene_dir: Path) -> dict:
        from fyi.data.build import write_instructions

        t0 = time.perf_counter()
        report = write_instructions(scene_dir, seed=seed)
        return {"instructions": {**report.to_json(), "seconds": round(time.perf_counter() - t0, 3)}}
    return annotate


def qa(source: str | os.PathLike, out: str | os.PathLike, *, generators: list[str] | str | None = None,
       per_image: int | None = None, format: str = "llava", seed: int = 0):
    """QA items on a scene folder or a dataset (a folder of scene folders), every answer re-derived by the
    independent checker, written to `out` in one format (llava, sharegpt, hf, jsonl) with check.json.
    Returns a fyi.data.build.QAResult (items, check report, paths)."""
    from fyi.data.build import qa as build_qa

    return build_qa(source, out, generators=generators, n_per_image=per_image, fmt=format, seed=seed)


def _with_assets(spec: SceneSpec) -> SceneSpec:
    """Fill in procedural asset references a hand-written spec left out, checking categories."""
    from fyi.assets.catalog import asset_seed, info

    objects = []
    for i, o in enumerate(spec.objects):
        if o.asset is None:
            try:
                info(o.category)
            except FyiError as e:
                raise FyiError(f"objects[{i}].category: {e}") from None
            o = o.model_copy(update={"asset": AssetRef(uid=o.category, seed=asset_seed(spec.seed, o.id))})
        objects.append(o)
    return spec.model_copy(update={"objects": objects})
