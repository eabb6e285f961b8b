"""The farm's costs, in one run:

1. Overhead: N draft instructions (4 views) through `fyi farm run --workers 1` (wall time of the
   command: Ray's start, the agents, every render, the exports, the dataset files) over those scenes'
   own Cycles render time (each final scene saved as a .blend and rendered by a bare bpy script at the
   same settings, as bench/render_overhead.py does for `fyi synth`). Target <= 1.10.
2. Throughput: the N resolved scenes (spec jobs: render and export only) with `--workers 2` (one
   Blender thread each) against `--workers 1` (two threads): scenes per hour of each. The
   `--workers 1` run over the bare renders of 1. is the farm's own overhead (no agent previews).
3. Memory: M small spec jobs (the same scenes at 64x64, 2 samples) in one warm worker that is not
   recycled: its resident memory after job 5 and after job M. Target: growth <= 10%.

    .venv/bin/python bench/farm.py [--scenes 8] [--views 4] [--memory-scenes 50]
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from render_overhead import BARE  # noqa: E402  the bare bpy render script of the synth benchmark

INSTRUCTIONS = (
    "a wooden table with two mugs on it and a chair next to the table",
    "a red mug on a wooden table",
    "a sofa with a lamp next to it",
    "a blue ball to the left of a green cube",
    "a laptop on a desk",
    "a potted plant next to a bookshelf",
    "three apples in a bowl on a table",
    "a teddy bear on a bed",
)
FYI = str(Path(sys.executable).with_name("fyi"))


def farm_run(jobs: Path, out: Path, workers: int) -> float:
    t = time.perf_counter()
    subprocess.run([FYI, "farm", "run", str(jobs), "--out", str(out), "--workers", str(workers), "--quiet"],
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def bare_render_seconds(scene: Path, tmp: Path) -> float:
    """Cycles' own time for the scene's views: its .blend rendered by a bare bpy script."""
    from fyi.render.blender import BlenderScene
    from fyi.render.quality import quality_for
    from fyi.render.scene import resolve
    from fyi.scenes.asset_loader import assets_for
    from fyi.scenes.io import load_spec

    spec = load_spec(scene / "scene.yaml")
    q = quality_for(spec.render)
    blend_scene = BlenderScene(resolve(spec, assets_for(spec)))
    blend_scene.scene.cycles.samples, blend_scene.scene.cycles.use_denoising = q.samples, q.denoise
    blend = blend_scene.save_blend(tmp / f"{scene.name}.blend")
    cameras = tmp / f"{scene.name}.cameras.json"
    cameras.write_text(json.dumps(json.loads((scene / "scene.json").read_text())["cameras"]))
    script = tmp / "bare.py"
    script.write_text(BARE)
    renders = tmp / f"{scene.name}.renders"
    renders.mkdir()
    p = subprocess.run([sys.executable, str(script), str(blend), str(cameras), str(renders)],
                       capture_output=True, text=True, check=True)
    return json.loads(p.stdout.strip().splitlines()[-1])["render_seconds"]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scenes", type=int, default=8)
    ap.add_argument("--views", type=int, default=4)
    ap.add_argument("--memory-scenes", type=int, default=50)
    args = ap.parse_args()
    instructions = [INSTRUCTIONS[i % len(INSTRUCTIONS)] for i in range(args.scenes)]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        # 1. overhead
        jobs = tmp / "jobs.jsonl"
        jobs.write_text("".join(json.dumps({"instruction": text, "seed": i, "views": args.views}) + "\n"
                                for i, text in enumerate(instructions)))
        wall = farm_run(jobs, tmp / "out", workers=1)
        data = json.loads((tmp / "out" / "dataset.json").read_text())
        assert data["counts"]["done"] == args.scenes, data["counts"]
        scenes = [tmp / "out" / job["scene_dir"] for job in data["jobs"]]
        bare = sum(bare_render_seconds(s, tmp) for s in scenes)
        cycles = sum(job["timings"].get("cycles", 0.0) for job in data["jobs"])
        print(f"1. {args.scenes} draft scenes ({args.views} views, 256x256, 16 samples, denoised), --workers 1: "
              f"{wall:.1f} s wall; their bare Cycles renders {bare:.1f} s; Cycles inside the farm (critic "
              f"previews too) {cycles:.1f} s")
        print(f"   ratio farm_wall / bare_render = {wall / bare:.3f} (target <= 1.10)")

        # 2. throughput: the resolved scenes as spec jobs
        specs = tmp / "specs"
        specs.mkdir()
        for s in scenes:
            shutil.copy(s / "scene.yaml", specs / f"{s.name}.yaml")
        one = farm_run(specs, tmp / "w1", workers=1)
        two = farm_run(specs, tmp / "w2", workers=2)
        print(f"2. {args.scenes} resolved scenes: --workers 1 x 2 threads {one:.1f} s ({args.scenes * 3600 / one:.0f} "
              f"scenes/h); --workers 2 x 1 thread {two:.1f} s ({args.scenes * 3600 / two:.0f} scenes/h); "
              f"throughput ratio 2x1 / 1x2 = {one / two:.3f}")
        # The farm's own cost, without the agents' preview renders: the same scenes as spec jobs
        # (render, split passes, export, dataset files, Ray) over their bare Cycles renders, and over the
        # Cycles time inside that same farm run (the same load on both sides of the ratio).
        inside = sum(job["timings"].get("cycles", 0.0)
                     for job in json.loads((tmp / "w1" / "dataset.json").read_text())["jobs"])
        print(f"   farm overhead on resolved scenes: --workers 1 wall / bare_render = {one / bare:.3f}; "
              f"wall / its own Cycles time {one:.1f} / {inside:.1f} = {one / inside:.3f} (target <= 1.10)")

        # 3. memory of one warm worker over many scenes
        import fyi
        from fyi.scenes.io import load_spec, save_spec

        small = tmp / "small"
        small.mkdir()
        for i in range(args.memory_scenes):
            spec = load_spec(specs / f"{scenes[i % len(scenes)].name}.yaml")
            render = spec.render.model_copy(update={"width": 64, "height": 64, "samples": 2})
            spec = spec.model_copy(update={"scene_id": f"mem{i:03d}", "render": render})
            save_spec(spec, small / f"mem{i:03d}.yaml")
        result = fyi.farm(str(small), tmp / "mem", workers=1, recycle=args.memory_scenes + 1)
        # Ray keeps a small pool of worker processes and may hand a task to any idle one: follow the
        # process that ran the most scenes.
        runs: dict[str, dict[int, float]] = {}
        for r in result.jobs:
            if r.status == "done":
                runs.setdefault(r.worker, {})[r.worker_job] = r.rss_mb
        rss = max(runs.values(), key=len)
        n = max(rss)
        first, last = rss[min(5, n)], rss[n]
        print(f"3. {args.memory_scenes} scenes over {len(runs)} worker process(es); the busiest ran {n}: RSS "
              f"{rss[1]:.0f} MiB after its scene 1, {first:.0f} after scene 5, {last:.0f} after scene {n}: "
              f"growth {100 * (last / first - 1):+.1f}% (target <= 10%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
