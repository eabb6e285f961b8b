"""Draft render time per view of a dressed room over the same room bare, in one run.

One scene is synthesized at draft quality; then its views are rendered twice in this process, with
the same objects, cameras, samples and denoiser: once as dressed (floor pattern, wallpaper, skirting,
ceiling, windows and their daylight, ceiling lamps) and once bare (plain painted walls and a matte
floor, no ceiling, no fittings, no windows: the room before issue 11). Each is timed inside Cycles'
render calls; the ratio is dressed over bare. Usage: python bench/dressing.py [INSTRUCTION] [--views N] [--spec scene.yaml]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("instruction", nargs="?", default="a sofa and a coffee table with a red mug on it in a living room")
    ap.add_argument("--views", type=int, default=4)
    ap.add_argument("--repeat", type=int, default=2, help="render each room this many times, alternating")
    ap.add_argument("--spec", help="a dressed scene.yaml to render instead of synthesizing the instruction")
    args = ap.parse_args()
    import fyi
    from fyi.render import blender
    from fyi.render.quality import QUALITY
    from fyi.scenes.asset_loader import assets_for

    q = QUALITY["draft"]
    with tempfile.TemporaryDirectory() as tmp:
        if args.spec:
            from fyi.scenes.io import load_spec
            dressed = load_spec(Path(args.spec))
        else:
            dressed = fyi.synthesize(args.instruction, Path(tmp) / "out", seed=0, quality="draft", views=args.views).spec
        room = dressed.room
        bare = dressed.model_copy(update={"room": room.model_copy(update={"finish": room.finish.model_copy(update={
            "floor": "concrete", "wall": "paint", "skirting": False, "ceiling": False, "windows": []})})})
        assets = assets_for(dressed)
        seconds = {"dressed": 0.0, "bare": 0.0}
        for k in range(args.repeat):
            order = (("bare", bare), ("dressed", dressed))
            for name, spec in order if k % 2 == 0 else order[::-1]:
                before = blender.cycles_seconds()
                blender.render_views(spec, assets, Path(tmp) / f"{name}{k}", samples=q.samples, denoise=q.denoise)
                seconds[name] += blender.cycles_seconds() - before
    n = args.repeat * len(dressed.cameras)
    print(f"scene: {dressed.scene_id} ({room.type}, floor {room.finish.floor}, walls {room.finish.wall}, "
          f"{len(room.finish.windows)} windows, {room.finish.ceiling_lights} lamps; {len(dressed.cameras)} views, "
          f"{q.width}x{q.height}, {q.samples} samples, denoise={q.denoise}, x{args.repeat})")
    print(f"draft seconds per view: bare {seconds['bare'] / n:.2f}, dressed {seconds['dressed'] / n:.2f}")
    print(f"ratio dressed / bare = {seconds['dressed'] / seconds['bare']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
