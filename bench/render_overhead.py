"""FYI's total time for one scene over Blender's own render time for the same scene, in one run.

1. `fyi.synthesize` makes a 4-view draft scene (parse, layout, critique, render, split passes, export),
   timed end to end in this process, imports of FYI's modules included.
2. The same Blender scene (FYI's scene, saved as a .blend: same meshes, materials, room, lights) is
   rendered by a bare bpy script in a subprocess with no FYI code: open the file, set each of the
   four cameras, render with the same resolution, samples, denoiser and passes. It reports the
   seconds spent inside bpy.ops.render.render.
The ratio is (1) over (2). Usage: python bench/render_overhead.py [INSTRUCTION] [--views N]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

BARE = textwrap.dedent("""
    import json, sys, time
    import bpy, mathutils
    blend, cameras, out = sys.argv[1], json.loads(open(sys.argv[2]).read()), sys.argv[3]
    bpy.ops.wm.open_mainfile(filepath=blend)
    scene = bpy.context.scene
    cam = scene.camera
    spent = 0.0
    for c in cameras:
        scene.render.resolution_x, scene.render.resolution_y = c["width"], c["height"]
        cam.data.sensor_width = 36.0
        cam.data.lens = c["fx"] * 36.0 / c["width"]
        cam.matrix_world = mathutils.Matrix(c["c2w"])
        scene.render.filepath = f"{out}/{c['id']:04d}.exr"
        t = time.perf_counter()
        bpy.ops.render.render(write_still=True)
        spent += time.perf_counter() - t
    print(json.dumps({"render_seconds": spent, "views": len(cameras)}))
""")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("instruction", nargs="?", default="a wooden table with two mugs on it and a chair next to the table")
    ap.add_argument("--views", type=int, default=4)
    args = ap.parse_args()
    t = time.perf_counter()
    import fyi
    from fyi.render.quality import QUALITY

    q = QUALITY["draft"]
    with tempfile.TemporaryDirectory() as tmp:
        result = fyi.synthesize(args.instruction, Path(tmp) / "out", seed=0, quality="draft", views=args.views)
        fyi_seconds = time.perf_counter() - t

        from fyi.render.blender import BlenderScene
        from fyi.render.scene import resolve
        from fyi.scenes.asset_loader import assets_for

        scene = BlenderScene(resolve(result.spec, assets_for(result.spec)))
        scene.scene.cycles.samples, scene.scene.cycles.use_denoising = q.samples, q.denoise
        blend = scene.save_blend(Path(tmp) / "scene.blend")
        cameras = Path(tmp) / "cameras.json"
        cameras.write_text(json.dumps(json.loads(result.paths["scene_json"].read_text())["cameras"]))
        script = Path(tmp) / "bare.py"
        script.write_text(BARE)
        (Path(tmp) / "bare_out").mkdir()
        t = time.perf_counter()
        p = subprocess.run([sys.executable, str(script), str(blend), str(cameras), str(Path(tmp) / "bare_out")],
                           capture_output=True, text=True, check=True)
        bare_wall = time.perf_counter() - t
        bare = json.loads(p.stdout.strip().splitlines()[-1])
    ratio = fyi_seconds / bare["render_seconds"]
    print(f"scene: {result.scene_id} ({len(result.spec.objects)} objects, {bare['views']} views, "
          f"{q.width}x{q.height}, {q.samples} samples, denoise={q.denoise})")
    print(f"fyi.synthesize total (imports included): {fyi_seconds:.2f} s; Cycles inside it: "
          f"{__import__('fyi.render.blender', fromlist=['x']).cycles_seconds():.2f} s")
    print(f"bare bpy, same .blend: render calls {bare['render_seconds']:.2f} s, whole script {bare_wall:.2f} s")
    print(f"ratio fyi_total / blender_render = {ratio:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
