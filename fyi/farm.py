"""`fyi farm`: a dataset from a list of jobs, one job = one scene = one Ray task.

    jobs (JSONL, a folder of scene.yaml, or stdin) -> checked, all of them, before anything starts
        -> Ray tasks (local Ray or a cluster at --address) running the same code as `fyi synth` /
           `fyi render` in warm workers (bpy imported once, the process recycled every RECYCLE scenes)
        -> DIR/<job id>/ scene folders, published with one rename each (complete or absent)
        -> DIR/dataset.json, DIR/coco.json, DIR/hf/ rewritten atomically as jobs finish

Resumable: a job whose scene folder holds a manifest that matches its files is never redone, so
running the same JOBS into the same DIR after a crash does only what is left; an instruction job
killed half-way continues from its last checkpointed agent step. A failing job is retried, then
recorded with its error; it never stops the others.

`fyi.farm(jobs, out, ...)` is this module called: it hands the call to `farm` (as fyi.render does).
"""
from __future__ import annotations

import ctypes
import datetime as dt
import gc
import json
import os
import shutil
import socket
import sys
import time
import types
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from fyi.errors import FyiError

FORMAT = "fyi.dataset/1"
WORK = ".farm"          # work folders of unfinished jobs, under DIR
RECYCLE = 25            # scenes a worker process renders before Ray replaces it (memory stays flat)
JOB_KEYS = ("instruction", "spec", "id", "seed", "variations", "frames", "fps", "quality", "views", "clutter", "dof",
            "fstop", "motion_blur", "shutter")
LENS_KEYS = ("dof", "fstop", "motion_blur", "shutter")  # scenes.lens.with_lens's options; off by default
SPEC_ONLY_KEYS = ("spec", "id")  # a spec job renders its scene.yaml as written: seed, views... are the spec's
_made_here = 0          # jobs this (worker) process has run: dataset.json's `worker_job`, for memory checks
Progress = Callable[[str, int, int], None]
Report = Callable[[str], None]


@dataclass(frozen=True)
class Job:
    """One scene to make: an instruction with its options, or a scene.yaml to render."""
    id: str
    seed: int
    instruction: str | None = None
    spec: str | None = None     # absolute path of a scene.yaml
    quality: str = "draft"
    views: int = 4
    frames: int = 0
    fps: float = 24.0
    clutter: str = "low"
    dof: bool = False
    fstop: float | None = None
    motion_blur: bool = False
    shutter: float | None = None

    def lens(self) -> dict:
        return {key: getattr(self, key) for key in LENS_KEYS}

    def request(self) -> dict:
        """What the job asks for, as dataset.json records it (a changed request is a new job). Lens
        options appear only when asked for, so jobs recorded before they existed are the same jobs."""
        if self.spec is not None:
            return {"spec": self.spec, "seed": self.seed}
        return {"instruction": self.instruction, "seed": self.seed, "quality": self.quality, "views": self.views,
                "frames": self.frames, "fps": self.fps, "clutter": self.clutter,
                **{k: v for k, v in self.lens().items() if v}}


@dataclass
class JobRecord:
    id: str
    request: dict
    status: str = "pending"      # pending | done | failed
    scene_dir: str | None = None  # relative to DIR
    scene_id: str | None = None
    attempts: int = 0
    error: str | None = None
    timings: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    worker: str | None = None     # host:pid of the Ray worker process that made it
    worker_job: int | None = None  # the how-manieth job of that process it was (1: bpy was imported for it)
    rss_mb: float | None = None   # that process's resident memory after it


@dataclass
class FarmResult:
    out: Path
    jobs: list[JobRecord]

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.jobs)


# --- reading jobs -----------------------------------------------------------------------------

def read_jobs(source, *, variations: int = 1, quality: str = "draft", views: int = 4, frames: int = 0,
              fps: float = 24.0, clutter: str = "low") -> list[Job]:
    """Every job of `source` (a JSONL file, `-` for JSONL on stdin, a folder of scene.yaml files, or a
    list of dicts), checked; the first bad one is one FyiError naming its line (or file) and field."""
    from fyi.api import RUN_ID, check_request
    from fyi.scenes.spec import MAX_SEED

    if not isinstance(variations, int) or variations < 1:
        raise FyiError(f"--variations: expected 1 or more, got {variations}")
    check_request("defaults", quality, views, frames, fps, clutter=clutter)
    defaults = {"quality": quality, "views": views, "frames": frames, "fps": fps, "clutter": clutter}
    jobs: list[Job] = []
    seen: dict[str, str] = {}
    for where, entry, base in _entries(source):
        try:
            for job in _jobs_of(entry, base, defaults, variations, RUN_ID, MAX_SEED, check_request):
                if job.id in seen:
                    raise FyiError(f"id: {job.id!r} is also the id of a job at {seen[job.id]}")
                seen[job.id] = where
                jobs.append(job)
        except FyiError as e:
            raise FyiError(f"{where}: {e}") from None
    if not jobs:
        raise FyiError(f"{_name(source)}: no jobs")
    return jobs


def _name(source) -> str:
    return "stdin" if source == "-" else "jobs" if isinstance(source, list) else str(source)


def _entries(source) -> Iterable[tuple[str, object, Path]]:
    """(where, job dict or spec path, folder relative spec paths start from) for each job of `source`."""
    if isinstance(source, list):
        for i, entry in enumerate(source, start=1):
            yield f"jobs[{i - 1}]", entry, Path.cwd()
        return
    if source == "-":
        lines, base = sys.stdin.read().splitlines(), Path.cwd()
    else:
        path = Path(source)
        if path.is_dir():
            specs = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
            if not specs:
                raise FyiError(f"{path}: no scene.yaml files in this folder")
            for p in specs:
                yield str(p), {"spec": str(p.resolve())}, path
            return
        if not path.is_file():
            raise FyiError(f"{path}: no such jobs file or folder")
        try:
            lines, base = path.read_text().splitlines(), path.resolve().parent
        except (OSError, UnicodeDecodeError) as e:
            raise FyiError(f"{path}: cannot read the jobs file ({e})") from None
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as e:
            raise FyiError(f"{_name(source)} line {n}: not JSON ({e.msg} at column {e.colno})") from None
        yield f"{_name(source)} line {n}", entry, base


def _jobs_of(entry, base: Path, defaults: dict, variations: int, run_id, max_seed, check_request) -> list[Job]:
    if not isinstance(entry, dict):
        raise FyiError(f"expected a JSON object with 'instruction' or 'spec', got {type(entry).__name__}")
    unknown = sorted(set(entry) - set(JOB_KEYS))
    if unknown:
        raise FyiError(f"{unknown[0]}: unknown key; a job has {', '.join(JOB_KEYS)}")
    if ("instruction" in entry) == ("spec" in entry):
        raise FyiError("instruction: give either 'instruction' or 'spec' (a scene.yaml path), not both or neither")
    job_id = entry.get("id")
    if job_id is not None and (not isinstance(job_id, str) or not run_id.match(job_id)):
        raise FyiError(f"id: {job_id!r} is not a plain name (letters, digits, '_', '.', '-'; at most 64)")
    if "spec" in entry:
        return [_spec_job(entry, base, job_id)]
    kinds = {"instruction": str, "seed": int, "variations": int, "frames": int, "fps": (int, float),
             "quality": str, "views": int, "clutter": str, "fstop": (int, float), "shutter": (int, float)}
    for key, kind in kinds.items():
        if key in entry and (not isinstance(entry[key], kind) or isinstance(entry[key], bool)):
            what = "a number" if isinstance(kind, tuple) else kind.__name__
            raise FyiError(f"{key}: expected {what}, got {entry[key]!r}")
    for key in ("dof", "motion_blur"):
        if key in entry and not isinstance(entry[key], bool):
            raise FyiError(f"{key}: expected true or false, got {entry[key]!r}")
    seed, k = entry.get("seed", 0), entry.get("variations", variations)
    if not 0 <= seed <= max_seed:
        raise FyiError(f"seed: expected 0 to {max_seed}, got {seed}")
    if not 1 <= k <= 1000:
        raise FyiError(f"variations: expected 1 to 1000, got {k}")
    if seed + k - 1 > max_seed:
        raise FyiError(f"seed: {seed} + {k} variations runs past the largest seed {max_seed}")
    options = {key: entry.get(key, defaults[key]) for key in defaults}
    options["fps"] = float(options["fps"])
    lens = {"dof": entry.get("dof", False), "motion_blur": entry.get("motion_blur", False),
            **{key: float(entry[key]) for key in ("fstop", "shutter") if key in entry}}
    check_request(entry["instruction"], options["quality"], options["views"], options["frames"], options["fps"],
                  seed=seed, clutter=options["clutter"], fstop=lens.get("fstop"), shutter=lens.get("shutter"))
    jobs = []
    for s in range(seed, seed + k):
        if job_id is None:
            from fyi.agents.collector import scene_id_for  # the folder `fyi synth` would name the scene

            name = scene_id_for(entry["instruction"], s)
        else:
            name = job_id if k == 1 else f"{job_id}-{s - seed}"
        jobs.append(Job(id=name, seed=s, instruction=entry["instruction"], **options, **lens))
    return jobs


def _spec_job(entry: dict, base: Path, job_id: str | None) -> Job:
    from fyi.api import validate

    extra = sorted(set(entry) - set(SPEC_ONLY_KEYS))
    if extra:
        raise FyiError(f"{extra[0]}: a spec job renders its scene.yaml as written; set {extra[0]} in the spec")
    if not isinstance(entry["spec"], str) or not entry["spec"]:
        raise FyiError(f"spec: expected the path of a scene.yaml, got {entry['spec']!r}")
    path = (base / entry["spec"]).resolve()
    if not path.is_file():
        raise FyiError(f"spec: {entry['spec']}: no such file")
    spec = validate(path)
    return Job(id=job_id or spec.scene_id, seed=spec.seed, spec=str(path))


# --- one job, in a worker -----------------------------------------------------------------------

def run_job(job: Job, out: str, threads: int) -> dict:
    """Make one job's scene folder, OUT/<job id>/; the result is a record of what happened.

    The scene is made in OUT/.farm/<job id>/ by the code `fyi synth` and `fyi render` run, and moved
    into place with one rename. An instruction job continues from its checkpoint when an earlier
    attempt was killed.
    """
    from fyi.api import RUNS, _publish, render, synthesize

    global _made_here
    _made_here += 1
    os.environ["FYI_RENDER_THREADS"] = str(threads)
    worker = {"worker": f"{socket.gethostname()}:{os.getpid()}", "worker_job": _made_here}
    out_dir = Path(out)
    work = out_dir / WORK / job.id
    t0, cycles0 = time.perf_counter(), _cycles_seconds()
    try:
        if job.spec is not None:
            shutil.rmtree(work, ignore_errors=True)
            result = render(job.spec, work)
        else:
            resume = (work / RUNS / "job" / "checkpoints.sqlite").is_file()
            if not resume:
                shutil.rmtree(work, ignore_errors=True)
            kwargs = dict(seed=job.seed, quality=job.quality, views=job.views, frames=job.frames, fps=job.fps,
                          clutter=job.clutter, run_id="job", **job.lens())
            try:
                result = synthesize(job.instruction, work, resume=resume, **kwargs)
            except FyiError:
                if not resume:
                    raise
                shutil.rmtree(work, ignore_errors=True)  # a checkpoint it cannot continue: start over
                result = synthesize(job.instruction, work, **kwargs)
        _publish(result.scene_dir, out_dir / job.id)
        shutil.rmtree(work, ignore_errors=True)
        timings = {**result.timings, "job": round(time.perf_counter() - t0, 3),
                   "cycles": round(_cycles_seconds() - cycles0, 3)}  # inside Cycles' render calls, previews too
        record = {"status": "done", "scene_id": result.scene_id, "timings": timings, "warnings": result.warnings}
    except Exception as e:  # noqa: BLE001 -- a job's failure is data for dataset.json, never the farm's end
        message = str(e) if isinstance(e, FyiError) else f"{type(e).__name__}: {e}"
        record = {"status": "failed", "error": message, "timings": {"job": round(time.perf_counter() - t0, 3)}}
    _release_memory()
    return {**record, "rss_mb": _rss_mb(), **worker}


def _release_memory() -> None:
    """Hand what the finished scene freed back to the system. glibc keeps freed heap pages for reuse, so
    a warm worker's resident memory would creep up with fragmentation though nothing leaks."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the allocator keeps its own counsel
        pass


def _cycles_seconds() -> float:
    blender = sys.modules.get("fyi.render.blender")  # loaded by the first render: asking must not load bpy
    return blender.cycles_seconds() if blender else 0.0


def _rss_mb() -> float | None:
    """Resident memory of this process in MiB (Linux), or None."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return round(pages * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)


def scene_complete(scene_dir: Path, job: Job) -> bool:
    """Whether `scene_dir` is the finished scene of `job`: its manifest lists exactly its files, with
    matching hashes, for the job's seed."""
    from fyi.render.manifest import MANIFEST_NAME, file_records

    try:
        manifest = json.loads((scene_dir / MANIFEST_NAME).read_text())
        return manifest.get("seed") == job.seed and manifest.get("files") == file_records(scene_dir)
    except (OSError, ValueError):
        return False


# --- the driver ----------------------------------------------------------------------------------

def farm(jobs, out: str | os.PathLike, *, workers: int | None = None, address: str | None = None,
         variations: int = 1, retries: int = 1, quality: str = "draft", views: int = 4, frames: int = 0,
         fps: float = 24.0, clutter: str = "low", recycle: int = RECYCLE, progress: Progress | None = None,
         report: Report | None = None) -> FarmResult:
    """Make every job of `jobs` (see read_jobs) into OUT/<job id>/ on Ray, and the dataset files over them.

    `workers`: scenes rendered at once (default: one per core, locally); each gets cores // workers
    Blender threads. `address`: an existing Ray cluster ("auto", "ray://HOST:PORT") instead of a
    local one. A failed job is tried `retries` more times, then recorded. Returns every job's record.
    """
    from fyi.api import output_folder, remove_empty

    out = Path(out)
    if workers is not None and not 1 <= workers <= 1024:
        raise FyiError(f"--workers: expected 1 to 1024, got {workers}")
    if not 0 <= retries <= 100:
        raise FyiError(f"--retries: expected 0 to 100, got {retries}")
    if not 1 <= recycle <= 100_000:
        raise FyiError(f"recycle: expected 1 or more scenes per worker, got {recycle}")
    if address is not None and not (address == "auto" or address.startswith(("ray://", "localhost:"))
                                    or ":" in address):
        raise FyiError(f"--address: expected auto or ray://HOST:PORT, got {address!r}")
    job_list = read_jobs(jobs, variations=variations, quality=quality, views=views, frames=frames, fps=fps,
                         clutter=clutter)
    output_folder(out)
    dataset = Dataset(out, job_list)
    todo = [job for job in job_list if dataset.records[job.id].status != "done"]
    report = report or (lambda line: None)
    progress = progress or (lambda stage, done, total: None)
    progress("farm", dataset.count("done"), len(job_list))
    dataset.write()
    if todo:
        _run_on_ray(todo, out, dataset, workers, address, retries, recycle, progress, report)
    dataset.write(final=True)
    remove_empty([out / WORK])
    return FarmResult(out, [dataset.records[j.id] for j in job_list])


def _run_on_ray(todo: list[Job], out: Path, dataset: "Dataset", workers: int | None, address: str | None,
                retries: int, recycle: int, progress: Progress, report: Report) -> None:
    import ray

    cores = os.cpu_count() or 1
    started_here = not ray.is_initialized()
    if started_here:
        if address is None:
            n = workers or cores
            threads = max(1, cores // n)
            # Exactly n tasks fit at once, each holding its share of the cores.
            ray.init(num_cpus=n * threads, include_dashboard=False, log_to_driver=False, configure_logging=False)
        else:
            ray.init(address=address, log_to_driver=False, configure_logging=False)
    if address is not None or not started_here:
        # A cluster: `workers` scenes at once over all its CPUs (default one a core), each within one node.
        nodes = [int(n["Resources"].get("CPU", 0)) for n in ray.nodes() if n.get("Alive")]
        nodes = [c for c in nodes if c > 0] or [1]
        threads = max(1, min(min(nodes), sum(nodes) // workers)) if workers else 1
    task = ray.remote(num_cpus=threads, max_calls=recycle, max_retries=0)(run_job)
    total = len(dataset.records)
    attempts = {job.id: 0 for job in todo}
    pending: dict = {}
    by_id = {job.id: job for job in todo}

    def submit(job: Job) -> None:
        attempts[job.id] += 1
        pending[task.remote(job, str(out.resolve()), threads)] = job.id

    for job in todo:
        submit(job)
    try:
        while pending:
            ready, _ = ray.wait(list(pending), num_returns=1)
            job_id = pending.pop(ready[0])
            try:
                outcome = ray.get(ready[0])
            except Exception as e:  # noqa: BLE001 -- the worker died (Blender crashed, was killed...)
                outcome = {"status": "failed", "error": f"worker lost: {type(e).__name__}: {str(e)[:300]}"}
            if outcome["status"] == "failed" and attempts[job_id] <= retries:
                report(f"{job_id}: attempt {attempts[job_id]} failed ({outcome['error']}); retrying")
                submit(by_id[job_id])
                continue
            dataset.finish(job_id, outcome, attempts[job_id])
            if outcome["status"] == "failed":
                report(f"{job_id}: failed: {outcome['error']}")
            progress("farm", dataset.count("done") + dataset.count("failed"), total)
    finally:
        if started_here:
            ray.shutdown()


# --- dataset files -------------------------------------------------------------------------------

class Dataset:
    """dataset.json, the merged coco.json and hf/ under OUT, rewritten as jobs finish."""

    def __init__(self, out: Path, jobs: list[Job]):
        self.out = out
        self.jobs = jobs
        self.started = time.time()
        self.finished_here = 0
        previous = _previous_records(out / "dataset.json")
        self.records: dict[str, JobRecord] = {}
        for job in jobs:
            record = JobRecord(id=job.id, request=job.request())
            old = previous.get(job.id)
            same_request = old is None or old.get("request") == job.request()
            if same_request and scene_complete(out / job.id, job):
                kept = {k: v for k, v in (old or {}).items() if k in JobRecord.__dataclass_fields__}
                record = JobRecord(**{**kept, "id": job.id, "request": job.request(), "status": "done",
                                      "scene_dir": job.id, "scene_id": _manifest_scene_id(out / job.id)})
            self.records[job.id] = record

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.records.values())

    def finish(self, job_id: str, outcome: dict, attempts: int) -> None:
        record = self.records[job_id]
        record.attempts = attempts
        record.timings = outcome.get("timings", {})
        record.worker, record.worker_job, record.rss_mb = (outcome.get(k) for k in ("worker", "worker_job", "rss_mb"))
        if outcome["status"] == "done":
            record.status, record.scene_dir, record.scene_id = "done", job_id, outcome["scene_id"]
            record.error, record.warnings = None, outcome.get("warnings", [])
            self.finished_here += 1
        else:
            record.status, record.error = "failed", outcome["error"]
        self.write()

    def write(self, final: bool = False) -> None:
        from fyi.render.exporters import write_json
        from fyi.render.manifest import versions

        elapsed = time.time() - self.started
        done = [j for j in self.jobs if self.records[j.id].status == "done"]
        write_json(self.out / "coco.json", merged_coco(self.out, [j.id for j in done]))
        write_hf(self.out, done, self.records)
        write_json(self.out / "dataset.json", {
            "format": FORMAT,
            "updated": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "versions": versions(),
            "counts": {s: self.count(s) for s in ("done", "failed", "pending")},
            "run": {"seconds": round(elapsed, 3), "scenes_made": self.finished_here,
                    "scenes_per_hour": round(self.finished_here * 3600 / elapsed, 3) if elapsed > 0 else 0.0,
                    "finished": final},
            "jobs": [asdict(self.records[j.id]) for j in self.jobs],
        })


def _previous_records(path: Path) -> dict[str, dict]:
    try:
        return {r["id"]: r for r in json.loads(path.read_text())["jobs"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _manifest_scene_id(scene_dir: Path) -> str | None:
    try:
        return json.loads((scene_dir / "manifest.json").read_text()).get("scene_id")
    except (OSError, ValueError):
        return None


def merged_coco(out: Path, scene_dirs: list[str]) -> dict:
    """One COCO instances dict over the scenes' coco.json files: image and annotation ids renumbered
    from 1 in job order, file names relative to OUT, categories the union of the scenes' (the same
    fixed ids everywhere: render.coco_categories)."""
    images, annotations, categories, licenses = [], [], {}, {}
    for name in scene_dirs:
        scene = json.loads((out / name / "coco.json").read_text())
        image_ids = {}
        for image in scene["images"]:
            image_ids[image["id"]] = len(images) + 1
            images.append({**image, "id": len(images) + 1, "file_name": f"{name}/{image['file_name']}",
                           "scene": name})
        for ann in scene["annotations"]:
            annotations.append({**ann, "id": len(annotations) + 1, "image_id": image_ids[ann["image_id"]],
                                "scene": name})
        for cat in scene["categories"]:
            categories[cat["id"]] = cat
        for lic in scene["licenses"]:
            licenses.setdefault(lic["name"], lic)
    return {"info": {"description": f"FYI dataset of {len(scene_dirs)} scenes", "version": "1.0",
                     "contributor": "FYI"},
            "licenses": [{**lic, "id": i} for i, lic in enumerate(licenses.values(), start=1)],
            "images": images, "annotations": annotations,
            "categories": [categories[i] for i in sorted(categories)]}


def write_hf(out: Path, done: list[Job], records: dict[str, JobRecord]) -> None:
    """hf/: a Hugging Face `imagefolder` dataset, one row per scene: its main view (view 0, hard-linked
    from the scene folder), the instruction as `text`, the objects in that view with their boxes and
    COCO categories, and where the scene's video (4D) and transforms.json (3D) are."""
    from fyi.scenes.io import write_text_atomic

    hf = out / "hf"
    hf.mkdir(exist_ok=True)
    rows = []
    for job in done:
        scene = out / job.id
        coco = json.loads((scene / "coco.json").read_text())
        main = min(coco["images"], key=lambda im: im["id"])
        names = {c["id"]: c["name"] for c in coco["categories"]}
        anns = [a for a in coco["annotations"] if a["image_id"] == main["id"]]
        image = hf / job.id / Path(main["file_name"]).name
        _link(scene / main["file_name"], image)
        video = scene / "frames" / "video.mp4"
        spec_instruction = job.instruction if job.instruction is not None else _instruction_of(scene)
        rows.append({"file_name": image.relative_to(hf).as_posix(), "text": spec_instruction,
                     "scene": job.id, "scene_id": records[job.id].scene_id, "seed": job.seed,
                     "objects": {"bbox": [a["bbox"] for a in anns], "category": [names[a["category_id"]] for a in anns],
                                 "category_id": [a["category_id"] for a in anns]},
                     "video": f"../{job.id}/frames/video.mp4" if video.is_file() else None,
                     "transforms": f"../{job.id}/views/transforms.json"})
    write_text_atomic(hf / "metadata.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    listed = {job.id for job in done}
    for stale in hf.iterdir():  # images of scenes no longer done (a job asked anew): the loader wants none
        if stale.is_dir() and stale.name not in listed:
            shutil.rmtree(stale, ignore_errors=True)


def _instruction_of(scene: Path) -> str:
    from fyi.scenes.io import load_spec

    return load_spec(scene / "scene.yaml").instruction or ""


def _link(src: Path, dst: Path) -> None:
    """dst becomes a hard link to src (a copy across file systems), replaced in one rename."""
    if dst.exists() and os.path.samefile(src, dst):
        return
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(f".{dst.name}.{os.getpid()}")
    tmp.unlink(missing_ok=True)
    try:
        os.link(src, tmp)
    except OSError:
        shutil.copy2(src, tmp)
    os.replace(tmp, dst)


# --- status --------------------------------------------------------------------------------------

def status(out: str | os.PathLike) -> dict:
    """dataset.json of a farm's output folder, or one FyiError naming the folder."""
    path = Path(out) / "dataset.json"
    try:
        data = json.loads(path.read_text())
    except OSError:
        raise FyiError(f"{out}: no farm output here (no dataset.json)") from None
    except ValueError:
        raise FyiError(f"{path}: not a dataset.json (not JSON)") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise FyiError(f"{path}: not a dataset.json of format {FORMAT}")
    return data


def status_lines(data: dict) -> list[str]:
    counts, run = data["counts"], data["run"]
    total = sum(counts.values())
    lines = [f"{counts['done']} done, {counts['failed']} failed, {counts['pending']} pending of {total} jobs",
             f"last run: {run['scenes_made']} scenes in {run['seconds']:.0f} s ({run['scenes_per_hour']:.1f} "
             f"scenes/hour){'' if run['finished'] else ', stopped or still running'}"]
    lines += [f"failed {j['id']}: {j['error']}" for j in data["jobs"] if j["status"] == "failed"]
    return lines


class _CallableModule(types.ModuleType):
    def __call__(self, *args, **kwargs) -> FarmResult:
        return farm(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
