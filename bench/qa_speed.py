"""QA items per second from finished scenes, and the answer balance over a dataset.

    .venv/bin/python bench/qa_speed.py DATASET_OR_SCENE [--repeat 3]

DATASET_OR_SCENE is a scene folder or a folder of scene folders (`fyi farm run`'s --out; 100 scenes
is the full size of the balance report). Reported: seconds to read each scene's files once (masks,
depth, scene.json, poses), items per second generating from those facts, items per second checking
(the checker re-reads the raw files itself), both together end to end; then the yes/no share, the
spread of count answers, the left/right share of relation answers, and the checker's drops.
"""
from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from fyi.data.build import PER_GENERATOR, scene_folders, thin
from fyi.data.check import Checker, check_items
from fyi.data.qa import scene_items, stable_rng
from fyi.data.scene_facts import read_scene


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source")
    ap.add_argument("--repeat", type=int, default=3, help="generation passes over the facts read once")
    args = ap.parse_args()
    scenes = scene_folders(Path(args.source))
    scene_items(read_scene(scenes[0]))  # warm: the catalog and numpy load once

    t0, c0 = time.perf_counter(), time.process_time()
    facts = [read_scene(s) for s in scenes]
    read_s, read_cpu = time.perf_counter() - t0, time.process_time() - c0

    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(args.repeat):
        made = [scene_items(f, seed=0) for f in facts]
    gen_s = (time.perf_counter() - t0) / args.repeat
    gen_cpu = (time.process_time() - c0) / args.repeat
    n_made = sum(len(m) for m in made)

    kept_all, dropped, check_s, check_cpu = [], Counter(), 0.0, 0.0
    for s, f, items in zip(scenes, facts, made):
        groups = {}
        for it in items:
            groups.setdefault((it.generator, it.images), []).append(it)
        items = [x for (g, imgs), v in groups.items() for x in thin(v, PER_GENERATOR, stable_rng("thin", f.scene_id, 0, g, *imgs))]
        t0, c0 = time.perf_counter(), time.process_time()
        kept, report = check_items(items, s, checker=Checker(s))
        check_s += time.perf_counter() - t0
        check_cpu += time.process_time() - c0
        kept_all += kept
        dropped.update(report.dropped)

    yn = Counter(it.answer for it in kept_all if it.form == "yn")
    counts = Counter(it.answer for it in kept_all if it.generator == "count")
    sides = Counter(it.answer for it in kept_all if it.generator == "relation_between"
                    and it.answer in ("to the left of", "to the right of"))
    extremes = Counter(it.facts["query"]["side"] for it in kept_all if it.generator == "extreme")
    report = {
        "scenes": len(scenes),
        "views": sum(len(f.views) for f in facts),
        "read_seconds_per_scene": round(read_s / len(scenes), 4),
        "items_generated": n_made,
        "generate_items_per_second": round(n_made / gen_s),
        "items_checked": sum(dropped.values()) + len(kept_all),
        "check_items_per_second": round((sum(dropped.values()) + len(kept_all)) / check_s),
        "end_to_end_items_per_second_with_reading": round(len(kept_all) / (read_s + gen_s + check_s)),
        # per CPU second: what the numbers above would be on an idle core (a shared machine slows wall time)
        "generate_items_per_cpu_second": round(n_made / gen_cpu),
        "check_items_per_cpu_second": round((sum(dropped.values()) + len(kept_all)) / check_cpu),
        "end_to_end_items_per_cpu_second_with_reading": round(len(kept_all) / (read_cpu + gen_cpu + check_cpu)),
        "kept": len(kept_all),
        "dropped_by_checker": dict(dropped.most_common()),
        "yes_share": round(yn["yes"] / max(1, yn["yes"] + yn["no"]), 3),
        "yes_no_items": yn["yes"] + yn["no"],
        "count_answers": dict(sorted(counts.items(), key=lambda kv: int(kv[0]))),
        "left_right_share": round(sides["to the left of"] / max(1, sum(sides.values())), 3),
        "extreme_sides": dict(extremes),
        "families": dict(Counter(it.family for it in kept_all).most_common()),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
