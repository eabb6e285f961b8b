"""Seconds per annotated 4D frame against Cycles' own render time per frame, for the same scene, in one run.

`fyi.synthesize` makes a moving draft scene (a ball rolling across the room, N frames); the time of
its frame stage (keyframing, one Cycles render per frame with all passes, splitting, flow, poses,
video, point tracks) is compared with the seconds Cycles itself spent rendering those frames.
Usage: python bench/frames_overhead.py [INSTRUCTION] [--frames N]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("instruction", nargs="?", default="a red ball rolls from left to right across the room")
    ap.add_argument("--frames", type=int, default=24)
    args = ap.parse_args()
    import fyi.render.blender as blender
    from fyi.agents.collector import collect
    from fyi.agents.generator import generate
    from fyi.agents.planner import plan_animation
    from fyi.render.frames import render_frames
    from fyi.render.quality import QUALITY
    from fyi.scenes.asset_loader import assets_for

    q = QUALITY["draft"]
    _, spec = collect(args.instruction, seed=0, quality="draft", views=1, frames=args.frames, fps=12)
    spec = generate(spec).spec
    spec, _ = plan_animation(spec, assets_for(spec))
    assets = assets_for(spec)
    with tempfile.TemporaryDirectory() as tmp:
        cycles_before = blender.cycles_seconds()
        t = time.perf_counter()
        render_frames(spec, assets, Path(tmp) / "frames", samples=q.samples, denoise=q.denoise)
        total = time.perf_counter() - t
        cycles = blender.cycles_seconds() - cycles_before
    n = spec.animation.frames
    print(f"scene: {spec.scene_id}, {n} frames at {q.width}x{q.height}, {q.samples} samples, denoise={q.denoise}")
    print(f"fyi per annotated frame: {total / n:.3f} s; Cycles' own render per frame: {cycles / n:.3f} s")
    print(f"ratio fyi_frame / cycles_frame = {total / cycles:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
