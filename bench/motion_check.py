"""Planner-level check of a motion set (bench/sets/issue9_motion.jsonl, score.py's format plus "class").

Each instruction goes through Collector -> Generator -> Planner (no render: seconds, not minutes),
12 frames at 12 fps; the poses checked are exactly what frames/poses.json gets. A move must go the
asked way as seen from view 0 (> 0.2 m); a speed word must scale the move against the same sentence
without it (>= 1.8x fast, <= 0.6x slow) or be a "shortened" warning; an orbit or follow must not
repeat its first frame, must keep every object's box wholly in the picture in every frame, and must
stay inside the walls or say it leaves them.

usage: .venv/bin/python bench/motion_check.py bench/sets/issue9_motion.jsonl
"""
import json, math, re, sys
import numpy as np
from fyi.agents.collector import collect
from fyi.agents.generator import generate
from fyi.agents.planner import plan_animation
from fyi.scenes.asset_loader import assets_for
from fyi.scenes.geometry import world_bbox
from fyi.scenes.trajectory import frame_pose

N = 12
SPEED = {"quickly", "fast", "rapidly", "swiftly", "slowly"}

def run(text):
    _, spec = collect(text, seed=0, quality="draft", views=1, frames=N, fps=12.0)
    laid = generate(spec).spec
    assets = assets_for(laid)
    out, notes = plan_animation(laid, assets)
    return out, assets, notes

def box(spec, assets, o, f):
    pos, rot = frame_pose(spec, o.id, f)
    return world_bbox(o.model_copy(update={"position": pos, "rotation": rot}), assets[o.id])

def moved(spec, assets, cat):
    o = next((o for o in spec.objects if o.category == cat or cat in o.category), None)
    if o is None or spec.animation is None: return None
    a = sum(box(spec, assets, o, 0)) / 2; b = sum(box(spec, assets, o, N - 1)) / 2
    return b - a

def in_picture(spec, assets, f):
    cam = spec.cameras[0]; w2c = np.linalg.inv(np.array(spec.animation.camera[f]))
    for o in spec.objects:
        lo, hi = box(spec, assets, o, f)
        c = np.array([(x, y, z) for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])])
        q = c @ w2c[:3, :3].T + w2c[:3, 3]
        if (q[:, 2] >= 0).any(): return False
        x = cam.fx * q[:, 0] / -q[:, 2] + cam.cx; y = -cam.fy * q[:, 1] / -q[:, 2] + cam.cy
        if x.min() < -0.5 or x.max() > cam.width + 0.5 or y.min() < -0.5 or y.max() > cam.height + 0.5: return False
    return True

rows = [json.loads(l) for l in open(sys.argv[1])]
per = {}
for r in rows:
    text = r["instruction"]
    try:
        spec, assets, notes = run(text)
    except Exception as e:
        print(r["id"], "ERROR", e); per.setdefault(r["class"], []).append(0); continue
    warn = [w for w in spec.warnings + notes]
    ok, why = True, []
    w2c0 = np.linalg.inv(np.array(spec.cameras[0].c2w))
    for who, verb, what in r["motion"]:
        if who == "camera":
            if spec.animation is None: ok = False; why.append("no animation"); continue
            eyes = [np.array(c)[:3, 3] for c in spec.animation.camera]
            same = np.allclose(spec.animation.camera[0], spec.animation.camera[-1], atol=1e-3)
            frames_ok = all(in_picture(spec, assets, f) for f in range(N))
            w, d, _ = spec.room.size
            inside = all(abs(e[0]) < w / 2 and abs(e[1]) < d / 2 for e in eyes)
            said = any("leaves the" in n for n in warn)
            if same: ok = False; why.append("last frame repeats the first")
            if not frames_ok: ok = False; why.append("an object cut off")
            if not inside and not said: ok = False; why.append("outside the room, unsaid")
            if not inside and said: why.append("outside the room (warned)")
            continue
        dv = moved(spec, assets, who)
        if dv is None: ok = False; why.append(f"{who} does not move"); continue
        dc = w2c0[:3, :3] @ dv
        good = {"right": dc[0] > 0.2, "left": dc[0] < -0.2, "forward": math.hypot(dv[0], dv[1]) > 0.2}[what]
        if not good: ok = False; why.append(f"{who} moved {np.round(dc, 2).tolist()} in view 0")
        words = set(re.findall(r"[a-z]+", text.lower())) & SPEED
        if words and good:
            base = re.sub(r"\b(" + "|".join(words) + r")\b ?", "", text)
            b_spec, b_assets, _ = run(base)
            ratio = np.linalg.norm(dv[:2]) / max(1e-6, np.linalg.norm(moved(b_spec, b_assets, who)[:2]))
            short = any("shortened" in n for n in warn)
            want = 0.6 if "slowly" in words else 1.8
            hit = ratio <= want if "slowly" in words else ratio >= want
            if not hit and not short: ok = False; why.append(f"speed ratio {ratio:.2f}, unsaid")
            why.append(f"speed ratio {ratio:.2f}")
        if any("ignored" in n and any(s in n for s in SPEED) for n in warn): ok = False; why.append("speed word ignored")
    short = [n for n in warn if "shortened" in n or "leaves the" in n or "dropped" in n or "ignored" in n]
    per.setdefault(r["class"], []).append(int(ok))
    print(f"{r['id']:24s} {'ok ' if ok else 'BAD'} {text[:60]:60s} {'; '.join(why)} {short[:2]}", flush=True)
for k, v in per.items(): print(f"{k}: {sum(v)}/{len(v)}")
