#!/usr/bin/env bash
# make docker-test: a Ray head and two worker containers (docker/compose.yaml) run a 3-scene farm job
# into their shared volume; then the outputs are checked inside the head container.
set -euo pipefail
cd "$(dirname "$0")"
compose=(docker-compose -f compose.yaml -p fyi-farm-test)
trap '"${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true' EXIT
"${compose[@]}" up -d --scale worker=2
for _ in $(seq 60); do   # until the head sees three nodes
    n=$("${compose[@]}" exec -T head python -c "import ray; ray.init(address='auto', logging_level='ERROR'); print(len([n for n in ray.nodes() if n['Alive']]))" 2>/dev/null | tail -1 || true)
    [ "$n" = 3 ] && break
    sleep 2
done
[ "$n" = 3 ] || { echo "docker-test: the Ray cluster did not come up (nodes: ${n:-none})"; exit 1; }
"${compose[@]}" exec -T head sh -c 'cat > /data/jobs.jsonl' <<'JOBS'
{"instruction": "a red mug on a wooden table", "views": 1}
{"instruction": "a blue ball rolls to the left", "views": 1, "frames": 4, "fps": 4}
{"instruction": "a green chair", "views": 1}
JOBS
"${compose[@]}" exec -T head fyi farm run /data/jobs.jsonl --out /data/out --address auto --workers 2 --quiet
"${compose[@]}" exec -T head fyi farm status /data/out
"${compose[@]}" exec -T head python - <<'CHECK'
import json
from pathlib import Path
from pycocotools.coco import COCO
out = Path("/data/out")
data = json.loads((out / "dataset.json").read_text())
assert data["counts"] == {"done": 3, "failed": 0, "pending": 0}, data["counts"]
hosts = {job["worker"].split(":")[0] for job in data["jobs"]}
for job in data["jobs"]:
    assert (out / job["scene_dir"] / "manifest.json").is_file(), job
coco = COCO(str(out / "coco.json"))
assert len(coco.getImgIds()) == 3
rows = (out / "hf" / "metadata.jsonl").read_text().splitlines()
assert len(rows) == 3
print(f"docker-test: ok: 3 scenes made by {len(hosts)} worker container(s): {sorted(hosts)}")
CHECK
