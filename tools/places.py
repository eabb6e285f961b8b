"""docs/places.png: what FYI's places look like, on one contact sheet of 12 scenes.

Six room types, three outdoor settings and three seeds of one instruction (its variation), each
synthesized by `fyi.synthesize` offline and shown by its main view (view 0), labelled.
Usage: python tools/places.py [--out docs/places.png] [--quality standard] [--size 256] [--max-rounds N]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

# (label, instruction, seed)
PLACES = [
    ("kitchen", "a kitchen table with four chairs and a red mug on it in a kitchen", 0),
    ("living room", "a sofa and a coffee table in a living room", 0),
    ("bedroom", "a bed and a nightstand with a lamp on it in a bedroom", 0),
    ("office", "a desk with a laptop on it and an office chair in an office", 0),
    ("bathroom", "a toilet next to a sink in a bathroom", 0),
    ("classroom", "three desks with chairs in a classroom", 0),
    ("street", "a red car on the street", 0),
    ("beach", "a dog on the beach", 0),
    ("snow", "a snowman and a sled in the snow", 0),
] + [(f"dining room, seed {s}", "a dining table with two chairs and a vase on it in a dining room", s)
     for s in (1, 2, 3)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="docs/places.png")
    ap.add_argument("--quality", default="standard", choices=("draft", "standard", "high"))
    ap.add_argument("--size", type=int, default=256, help="tile side on the sheet, pixels")
    ap.add_argument("--max-rounds", type=int, default=3, help="the critic's rounds per scene (fewer is quicker)")
    ap.add_argument("--critic-views", type=int, default=6, help="views the critic renders per round")
    args = ap.parse_args()
    import fyi
    from fyi.render.gallery import contact_sheet

    tiles = []
    with tempfile.TemporaryDirectory(prefix="fyi_places_") as tmp:
        for k, (label, instruction, seed) in enumerate(PLACES):
            t = time.perf_counter()
            result = fyi.synthesize(instruction, Path(tmp) / str(k), seed=seed, quality=args.quality, views=1,
                                    max_rounds=args.max_rounds, critic_views=args.critic_views)
            room = result.spec.room
            print(f"{label}: {room.type} {room.setting or ''} floor={room.finish.floor} wall={room.finish.wall} "
                  f"windows={len(room.finish.windows)} hour={room.lighting.hour} ({time.perf_counter() - t:.0f} s)",
                  flush=True)
            tiles.append((label, Image.open(result.paths["views"] / "rgb" / "0000.png").convert("RGB")))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    contact_sheet(tiles, args.size).save(out)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
