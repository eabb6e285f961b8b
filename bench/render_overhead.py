"""FYI's total time for one scene over Blender's own render time for the same scene, in one run.

1. `fyi.synthesize` makes a 4-view draft scene (parse, layout, critique, render, split passes, export),
   timed end to end in this process.
2. A bare bpy script (a subprocess, no FYI code) imports that scene's scene.glb, sets the same four
   cameras, the same resolution, samples and denoiser, and renders the four views; it reports the
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
    scene_dir, samples, denoise = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
    graph = json.load(open(f"{scene_dir}/scene.json"))
    bpy.ops.wm.read_factory_settings(use_empty=True)
    bpy.ops.import_scene.gltf(filepath=f"{scene_dir}/scene.glb")
    scene = bpy.context.scene
    scene.render.engine = "CYCLES"
    scene.cycles.device = "CPU"
    scene.cycles.samples = samples
    scene.cycles.use_denoising = denoise
    world = bpy.data.worlds.new("w"); world.color = (0.5, 0.5, 0.5); scene.world = world
    light = bpy.data.lights.new("key", "AREA"); light.energy = 800; light.size = 3
    lo = bpy.data.objects.new("key", light); lo.location = (1, -2, 4); scene.collection.objects.link(lo)
    vl = scene.view_layers[0]
    vl.use_pass_z = vl.use_pass_normal = vl.use_pass_object_index = True
    scene.render.image_settings.file_format = "OPEN_EXR_MULTILAYER"
    cam_data = bpy.data.cameras.new("cam"); cam = bpy.data.objects.new("cam", cam_data)
    scene.collection.objects.link(cam); scene.camera = cam
    spent = 0.0
    for c in graph["cameras"]:
        scene.render.resolution_x, scene.render.resolution_y = c["width"], c["height"]
        cam_data.sensor_width = 36.0; cam_data.lens = c["fx"] * 36.0 / c["width"]
        cam.matrix_world = mathutils.Matrix(c["c2w"])
        scene.render.filepath = f"{sys.argv[4]}/{c['id']:04d}.exr"
        t = time.perf_counter(); bpy.ops.render.render(write_still=True); spent += time.perf_counter() - t
    print(json.dumps({"render_seconds": spent, "views": len(graph["cameras"])}))
""")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("instruction", nargs="?", default="a wooden table with two mugs on it and a chair next to the table")
    ap.add_argument("--views", type=int, default=4)
    args = ap.parse_args()
    import fyi
    from fyi.render.quality import QUALITY

    q = QUALITY["draft"]
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        result = fyi.synthesize(args.instruction, Path(tmp) / "out", seed=0, quality="draft", views=args.views)
        fyi_seconds = time.perf_counter() - t
        script = Path(tmp) / "bare.py"
        script.write_text(BARE)
        (Path(tmp) / "bare_out").mkdir()
        t = time.perf_counter()
        p = subprocess.run([sys.executable, str(script), str(result.scene_dir), str(q.samples), "1" if q.denoise else "0",
                            str(Path(tmp) / "bare_out")], capture_output=True, text=True, check=True)
        bare_wall = time.perf_counter() - t
        bare = json.loads(p.stdout.strip().splitlines()[-1])
    ratio = fyi_seconds / bare["render_seconds"]
    print(f"scene: {result.scene_id} ({len(result.spec.objects)} objects, {bare['views']} views, "
          f"{q.width}x{q.height}, {q.samples} samples, denoise={q.denoise})")
    print(f"fyi.synthesize total: {fyi_seconds:.2f} s  (agents+render {result.timings.get('agents_and_render', 0):.2f} s)")
    print(f"bare bpy: render calls {bare['render_seconds']:.2f} s, whole script {bare_wall:.2f} s")
    print(f"ratio fyi_total / blender_render = {ratio:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
