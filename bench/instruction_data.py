"""Throughput of the constraint-bearing instruction data on one finished scene: rule verification,
offline DPO pairs, template evolution of items, and evolution of scene instructions (one process).

Usage: python bench/instruction_data.py SCENE_DIR   (a folder `fyi synth` wrote)
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from fyi.data import constraints as C
from fyi.data.compose import ItemLine, SceneFacts
from fyi.data.dpo import build_offline_pair
from fyi.data.evolve import evolve_offline
from fyi.data.instruction_evolve import evolve_offline as evolve_instructions

SEEDS = ["a wooden table with two red mugs on it", "a blue ball and a red cube", "a lamp next to a sofa",
         "three green apples in a white bowl", "a dog next to a red car"]


def main(scene_dir: Path) -> None:
    facts = SceneFacts(scene_dir.parent)(ItemLine(id="bench", scene_id=scene_dir.name, question="q"))
    if not facts:
        sys.exit(f"{scene_dir}: no scene.json")
    rng = random.Random(0)
    items = [C.compose({"id": f"q{k}", "question": "Describe the scene."}, facts, rng) for k in range(2000)]
    answer = C.describe(facts)
    t = time.perf_counter()
    checks = sum(C.verify(c, answer, facts) is not None for it in items for c in it["constraints"])
    dt = time.perf_counter() - t
    print(f"verify: {checks} constraint checks in {dt:.2f} s = {checks / dt:,.0f}/s ({len(items) / dt:,.0f} answers/s)")
    t = time.perf_counter()
    made = sum(build_offline_pair(answer, "Describe the scene.", facts, rng)[0] is not None for _ in range(500))
    dt = time.perf_counter() - t
    print(f"dpo offline: {made}/500 verified pairs in {dt:.2f} s = {made / dt:,.0f} pairs/s")
    qa = [{"id": f"q{k}", "scene_id": "s", "images": ["a.png"], "question": f"How many things ({k})?",
           "answer": str(k % 5), "generator": "count", "form": "qa"} for k in range(200)]
    t = time.perf_counter()
    evolved = evolve_offline(qa, 2, 0)
    dt = time.perf_counter() - t
    print(f"evolve items: {len(evolved.items)} items (2 rounds from 200) in {dt:.2f} s = {len(evolved.items) / dt:,.0f}/s")
    t = time.perf_counter()
    jobs = evolve_instructions(SEEDS, 3, 0)
    dt = time.perf_counter() - t
    print(f"instructions evolve: {len(jobs.jobs)} instructions that parse to their claims from {len(SEEDS)} seeds "
          f"(3 rounds) in {dt:.2f} s; mutations {dict(jobs.kinds)}; dropped {dict(jobs.dropped)}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
