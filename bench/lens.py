"""Render time of one draft scene with lens effects over without (scenes.lens).

One moving scene is synthesized at draft quality; then `fyi.render` renders its scene.yaml four times
in this process: as it is, with --dof, with --motion-blur, and with both. Each effect is a second,
colour-only render of the views (depth of field) and of the frames (either effect) on top of the exact
one, so the ratio shows what it costs. Times: Cycles' own render calls, and the whole `fyi.render`
(exports included). Usage: python bench/lens.py [INSTRUCTION] [--views N] [--frames N] [--spec scene.yaml]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("instruction", nargs="?", default="a red ball rolls to the right in front of a sofa")
    ap.add_argument("--views", type=int, default=4)
    ap.add_argument("--frames", type=int, default=12)
    ap.add_argument("--spec", help="a scene.yaml to render instead of synthesizing the instruction")
    args = ap.parse_args()
    import fyi
    from fyi.render import blender
    from fyi.scenes.io import load_spec

    runs = {"none": {}, "dof": {"dof": True}, "motion_blur": {"motion_blur": True},
            "both": {"dof": True, "motion_blur": True}}
    with tempfile.TemporaryDirectory() as tmp:
        if args.spec:
            spec_path = Path(args.spec)
        else:
            made = fyi.synthesize(args.instruction, Path(tmp) / "synth", seed=0, quality="draft", views=args.views,
                                  frames=args.frames, fps=12, qa=False)
            spec_path = made.paths["scene_yaml"]
        spec = load_spec(spec_path)
        fyi.render(spec_path, Path(tmp) / "warm", qa=False)  # bpy loaded, assets built: not timed
        timed = {}
        for name, lens in runs.items():
            before, t0 = blender.cycles_seconds(), time.perf_counter()
            result = fyi.render(spec_path, Path(tmp) / name, qa=False, **lens)
            timed[name] = (blender.cycles_seconds() - before, time.perf_counter() - t0, result.spec.render)
    frames = spec.animation.frames if spec.animation else 0
    print(f"scene: {spec.scene_id} ({len(spec.cameras)} views, {frames} frames, draft)")
    base_cycles, base_wall, _ = timed["none"]
    for name, (cycles, wall, settings) in timed.items():
        print(f"{name:>12}: Cycles {cycles:6.1f} s ({cycles / base_cycles:.2f}x), fyi.render {wall:6.1f} s "
              f"({wall / base_wall:.2f}x)  fstop={settings.fstop} shutter={settings.shutter}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
