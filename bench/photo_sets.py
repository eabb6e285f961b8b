"""Writes the instruction sets that judge the main view as a photo (issue 9), in the scorecard's JSONL
format (`../shared/bench/score.py`): GenEval's six tags generated over COCO's 80 classes and GenEval's
ten colours, and hand-written sets for each class of failure found by trying FYI as a new user.

    .venv/bin/python bench/photo_sets.py            # writes bench/photo/*.jsonl
    .venv/bin/python ../shared/bench/score.py bench/photo/position.jsonl --work /tmp/photo --fyi .venv/bin/fyi

The sets were written before the fixes they measure and are kept as they are, so before/after
figures compare the same instructions. Seeded: the same file every time.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

from fyi.render.coco_categories import COCO as COCO_CLASSES
from fyi.render.coco_categories import snake

COCO = [snake(c.name) for c in COCO_CLASSES]  # COCO's 80 classes in COCO's order, snake_case
COLORS = ("red", "orange", "yellow", "green", "blue", "purple", "pink", "brown", "black", "white")
NUMBERS = {2: "two", 3: "three", 4: "four"}
PLURAL = {"person": "people", "sheep": "sheep", "mouse": "computer mice", "knife": "knives", "skis": "pairs of skis",
          "scissors": "pairs of scissors", "bus": "buses", "couch": "couches", "bench": "benches", "toothbrush":
          "toothbrushes", "sandwich": "sandwiches", "wine_glass": "wine glasses", "hair_drier": "hair driers",
          "cow": "cows", "tie": "ties", "hot_dog": "hot dogs"}
# Words GenEval's prompts use for COCO names that read oddly as written.
SAID = {"mouse": "computer mouse", "remote": "remote control", "skis": "pair of skis", "scissors": "pair of scissors",
        "sports_ball": "sports ball", "tv": "tv"}
POSITIONS = {"left of": "left_of", "right of": "right_of", "above": "above", "below": "under"}


def said(name: str) -> str:
    return SAID.get(name, name.replace("_", " "))


def article(words: str) -> str:
    return "an" if words[0] in "aeiou" else "a"


def a(name: str, colour: str | None = None) -> str:
    words = f"{colour} {said(name)}" if colour else said(name)
    return f"{article(words)} {words}"


def plural(name: str) -> str:
    return PLURAL.get(name, said(name) + ("es" if said(name).endswith(("s", "sh", "ch", "x")) else "s"))


def geneval_tags(rng: random.Random, per_tag: int = 20) -> dict[str, list[dict]]:
    """GenEval's six tags, prompts in its phrasing ("a photo of ..."), objects drawn from COCO's 80."""
    def two() -> tuple[str, str]:
        x, y = rng.sample(COCO, 2)
        return x, y

    sets: dict[str, list[dict]] = {k: [] for k in ("single_object", "two_object", "counting", "colors", "position",
                                                   "color_attr")}
    for i, name in enumerate(rng.sample(COCO, per_tag)):
        sets["single_object"].append({"instruction": f"a photo of {a(name)}", "objects": {name: 1}})
    for _ in range(per_tag):
        x, y = two()
        sets["two_object"].append({"instruction": f"a photo of {a(x)} and {a(y)}", "objects": {x: 1, y: 1}})
    for _ in range(per_tag):
        name, n = rng.choice(COCO), rng.choice((2, 3, 4))
        sets["counting"].append({"instruction": f"a photo of {NUMBERS[n]} {plural(name)}", "objects": {name: n}})
    for _ in range(per_tag):
        name, colour = rng.choice(COCO), rng.choice(COLORS)
        sets["colors"].append({"instruction": f"a photo of {a(name, colour)}", "objects": {name: 1},
                               "colors": [[name, colour]]})
    for _ in range(per_tag):
        (x, y), (words, pred) = two(), rng.choice(sorted(POSITIONS.items()))
        sets["position"].append({"instruction": f"a photo of {a(x)} {words} {a(y)}", "objects": {x: 1, y: 1},
                                 "relations": [[x, pred, y]]})
    for _ in range(per_tag):
        (x, y), (cx, cy) = two(), rng.sample(COLORS, 2)
        sets["color_attr"].append({"instruction": f"a photo of {a(x, cx)} and {a(y, cy)}", "objects": {x: 1, y: 1},
                                   "colors": [[x, cx], [y, cy]]})
    return sets


def row(instruction: str, objects: dict, relations=(), colors=(), motion=()) -> dict:
    r = {"instruction": instruction, "objects": objects, "relations": [list(x) for x in relations]}
    if colors:
        r["colors"] = [list(c) for c in colors]
    if motion:
        r["motion"] = [list(m) for m in motion]
    return r


# The classes of failure listed in issue 9, ten or more instructions each, written by hand.
CLASSES: dict[str, list[dict]] = {
    "small_beside_large": [
        row("a fork beside a truck", {"fork": 1, "truck": 1}),
        row("a cell phone next to an elephant", {"cell_phone": 1, "elephant": 1}),
        row("a spoon next to a bus", {"spoon": 1, "bus": 1}),
        row("a computer mouse beside a horse", {"mouse": 1, "horse": 1}),
        row("an apple next to a cow", {"apple": 1, "cow": 1}),
        row("a toothbrush beside a car", {"toothbrush": 1, "car": 1}),
        row("a remote control next to a bear", {"remote": 1, "bear": 1}),
        row("a banana beside a giraffe", {"banana": 1, "giraffe": 1}),
        row("a knife next to a train", {"knife": 1, "train": 1}),
        row("a donut next to a zebra", {"donut": 1, "zebra": 1}),
        row("a tennis ball beside a motorcycle", {"sports_ball": 1, "motorcycle": 1}),
        row("a pair of scissors next to a boat", {"scissors": 1, "boat": 1}),
    ],
    "vertical": [
        row("a dog below a cup", {"dog": 1, "cup": 1}, [("dog", "under", "cup")]),
        row("a cat below a fork", {"cat": 1, "fork": 1}, [("cat", "under", "fork")]),
        row("a car below a kite", {"car": 1, "kite": 1}, [("car", "under", "kite")]),
        row("a horse below a bird", {"horse": 1, "bird": 1}, [("horse", "under", "bird")]),
        row("a spoon above a knife", {"spoon": 1, "knife": 1}, [("spoon", "above", "knife")]),
        row("a cup above a bowl", {"cup": 1, "bowl": 1}, [("cup", "above", "bowl")]),
        row("an airplane above a truck", {"airplane": 1, "truck": 1}, [("airplane", "above", "truck")]),
        row("a clock above a couch", {"clock": 1, "couch": 1}, [("clock", "above", "couch")]),
        row("a banana below an apple", {"banana": 1, "apple": 1}, [("banana", "under", "apple")]),
        row("a sheep below a bird", {"sheep": 1, "bird": 1}, [("sheep", "under", "bird")]),
        row("a bottle above a cell phone", {"bottle": 1, "cell_phone": 1}, [("bottle", "above", "cell_phone")]),
        row("a toaster below a vase", {"toaster": 1, "vase": 1}, [("toaster", "under", "vase")]),
    ],
    "colour_shows": [
        row("a black laptop", {"laptop": 1}, colors=[("laptop", "black")]),
        row("a yellow cell phone", {"cell_phone": 1}, colors=[("cell_phone", "yellow")]),
        row("a red tv", {"tv": 1}, colors=[("tv", "red")]),
        row("a white skateboard", {"skateboard": 1}, colors=[("skateboard", "white")]),
        row("a black car", {"car": 1}, colors=[("car", "black")]),
        row("a yellow umbrella", {"umbrella": 1}, colors=[("umbrella", "yellow")]),
        row("a blue microwave", {"microwave": 1}, colors=[("microwave", "blue")]),
        row("a green suitcase", {"suitcase": 1}, colors=[("suitcase", "green")]),
        row("a purple bicycle", {"bicycle": 1}, colors=[("bicycle", "purple")]),
        row("a pink toothbrush", {"toothbrush": 1}, colors=[("toothbrush", "pink")]),
        row("a brown teddy bear", {"teddy_bear": 1}, colors=[("teddy_bear", "brown")]),
        row("an orange boat", {"boat": 1}, colors=[("boat", "orange")]),
    ],
    "counted_groups": [
        row("four plates on a table", {"plate": 4, "table": 1}, [("plate", "on", "table")]),
        row("three books on the floor", {"book": 3}),
        row("five frisbees", {"frisbee": 5}),
        row("three pizzas on a dining table", {"pizza": 3, "dining_table": 1}, [("pizza", "on", "dining_table")]),
        row("four keyboards", {"keyboard": 4}),
        row("three rugs", {"rug": 3}),
        row("four cell phones on a desk", {"cell_phone": 4, "desk": 1}, [("cell_phone", "on", "desk")]),
        row("three laptops on a table", {"laptop": 3, "table": 1}, [("laptop", "on", "table")]),
        row("six plates", {"plate": 6}),
        row("four skateboards", {"skateboard": 4}),
        row("three snowboards", {"snowboard": 3}),
    ],
    "motion_surroundings": [
        row("a red ball rolls from right to left in front of a sofa", {"ball": 1, "sofa": 1}, motion=[("ball", "moves", "left")]),
        row("a ball rolls from left to right next to a table", {"ball": 1, "table": 1}, motion=[("ball", "moves", "right")]),
        row("a toy car drives from right to left in front of a bed", {"car": 1, "bed": 1}, motion=[("car", "moves", "left")]),
        row("a dog walks from left to right behind a bench", {"dog": 1, "bench": 1}, motion=[("dog", "moves", "right")]),
        row("a cat runs to the left near a chair", {"cat": 1, "chair": 1}, motion=[("cat", "moves", "left")]),
        row("a ball rolls to the right beside a couch", {"ball": 1, "couch": 1}, motion=[("ball", "moves", "right")]),
        row("a box slides from left to right in front of a cabinet", {"box": 1, "cabinet": 1}, motion=[("box", "moves", "right")]),
        row("a red ball rolls from right to left between two chairs", {"ball": 1, "chair": 2}, motion=[("ball", "moves", "left")]),
        row("a ball rolls from left to right in front of a tv", {"ball": 1, "tv": 1}, motion=[("ball", "moves", "right")]),
        row("a skateboard rolls to the left next to a bench", {"skateboard": 1, "bench": 1}, motion=[("skateboard", "moves", "left")]),
    ],
    "groups_in_relations": [
        row("a chair between two tables", {"chair": 1, "table": 2}, [("chair", "between", "table")]),
        row("a lamp between two beds", {"lamp": 1, "bed": 2}, [("lamp", "between", "bed")]),
        row("a dog between two cars", {"dog": 1, "car": 2}, [("dog", "between", "car")]),
        row("a table between two couches", {"table": 1, "couch": 2}, [("table", "between", "couch")]),
        row("a potted plant between two chairs", {"potted_plant": 1, "chair": 2}, [("potted_plant", "between", "chair")]),
        row("a bench between two trees", {"bench": 1, "tree": 2}, [("bench", "between", "tree")]),
        row("a cup between two plates", {"cup": 1, "plate": 2}, [("cup", "between", "plate")]),
        row("a fire hydrant between two cars", {"fire_hydrant": 1, "car": 2}, [("fire_hydrant", "between", "car")]),
        row("a suitcase between two chairs", {"suitcase": 1, "chair": 2}, [("suitcase", "between", "chair")]),
        row("a cat between two dogs", {"cat": 1, "dog": 2}, [("cat", "between", "dog")]),
    ],
    "negation_coordination": [
        row("a table without chairs", {"table": 1, "chair": 0}),
        row("a street with cars and no people", {"car": 1, "person": 0}),
        row("a mug, not a cup, on a table", {"mug": 1, "table": 1}, [("mug", "on", "table")]),
        row("two red and three blue balls", {"ball": 5}, colors=[("ball", "red"), ("ball", "red"), ("ball", "blue"), ("ball", "blue"), ("ball", "blue")]),
        row("a red and a blue mug", {"mug": 2}, colors=[("mug", "red"), ("mug", "blue")]),
        row("one green and two yellow cubes", {"cube": 3}, colors=[("cube", "green"), ("cube", "yellow"), ("cube", "yellow")]),
        row("a bed with no pillows", {"bed": 1, "pillow": 0}),
        row("two cats, one black and one white", {"cat": 2}, colors=[("cat", "black"), ("cat", "white")]),
        row("a desk without a lamp and a chair next to it", {"desk": 1, "lamp": 0, "chair": 1}),
        row("three white and one black chair", {"chair": 4}, colors=[("chair", "white"), ("chair", "white"), ("chair", "white"), ("chair", "black")]),
    ],
    "containers_grounds": [
        row("three apples in a box", {"apple": 3, "box": 1}, [("apple", "in", "box")]),
        row("flowers in a vase on a table", {"vase": 1, "table": 1}, [("vase", "on", "table")]),
        row("a spoon in a mug", {"spoon": 1, "mug": 1}, [("spoon", "in", "mug")]),
        row("a toothbrush in a cup", {"toothbrush": 1, "cup": 1}, [("toothbrush", "in", "cup")]),
        row("two oranges in a bowl", {"orange": 2, "bowl": 1}, [("orange", "in", "bowl")]),
        row("sheep on the grass", {"sheep": 1}),
        row("a dog on the beach", {"dog": 1}),
        row("a car on the road", {"car": 1}),
        row("a person on the snow", {"person": 1}),
        row("a cat on the carpet", {"cat": 1}),
        row("a horse on a lawn", {"horse": 1}),
    ],
    "several_relations": [
        row("a lamp behind the bed and in front of the wardrobe", {"lamp": 1, "bed": 1, "wardrobe": 1},
            [("lamp", "behind", "bed"), ("lamp", "in_front_of", "wardrobe")]),
        row("a cup on the table and left of the plate", {"cup": 1, "table": 1, "plate": 1},
            [("cup", "on", "table"), ("cup", "left_of", "plate")]),
        row("a dog next to the sofa and near the lamp", {"dog": 1, "sofa": 1, "lamp": 1},
            [("dog", "next_to", "sofa"), ("dog", "near", "lamp")]),
        row("a chair left of the desk and right of the bookshelf", {"chair": 1, "desk": 1, "bookshelf": 1},
            [("chair", "left_of", "desk"), ("chair", "right_of", "bookshelf")]),
        row("a vase on the table and right of the bowl", {"vase": 1, "table": 1, "bowl": 1},
            [("vase", "on", "table"), ("vase", "right_of", "bowl")]),
        row("a ball in front of the couch and left of the chair", {"ball": 1, "couch": 1, "chair": 1},
            [("ball", "in_front_of", "couch"), ("ball", "left_of", "chair")]),
        row("a cat on the bed and next to the pillow", {"cat": 1, "bed": 1, "pillow": 1},
            [("cat", "on", "bed"), ("cat", "next_to", "pillow")]),
        row("a plant right of the tv and left of the window", {"plant": 1, "tv": 1},
            [("plant", "right_of", "tv")]),
        row("a laptop on the desk and behind the keyboard", {"laptop": 1, "desk": 1, "keyboard": 1},
            [("laptop", "on", "desk"), ("laptop", "behind", "keyboard")]),
        row("a bench near the tree and left of the car", {"bench": 1, "tree": 1, "car": 1},
            [("bench", "near", "tree"), ("bench", "left_of", "car")]),
    ],
    "orbits": [
        row("the camera orbits a dog", {"dog": 1}, motion=[("camera", "orbits", "dog")]),
        row("the camera orbits around a table with two cups on it", {"table": 1, "cup": 2}, [("cup", "on", "table")],
            motion=[("camera", "orbits", "table")]),
        row("the camera circles a car", {"car": 1}, motion=[("camera", "orbits", "car")]),
        row("the camera orbits a bed with a teddy bear on it", {"bed": 1, "teddy_bear": 1}, [("teddy_bear", "on", "bed")],
            motion=[("camera", "orbits", "bed")]),
        row("the camera orbits around a chair", {"chair": 1}, motion=[("camera", "orbits", "chair")]),
        row("the camera orbits a horse next to a tree", {"horse": 1, "tree": 1}, motion=[("camera", "orbits", "horse")]),
        row("the camera orbits a potted plant", {"potted_plant": 1}, motion=[("camera", "orbits", "potted_plant")]),
        row("the camera orbits a sofa and a lamp", {"sofa": 1, "lamp": 1}, motion=[("camera", "orbits", "sofa")]),
        row("the camera orbits a fire hydrant", {"fire_hydrant": 1}, motion=[("camera", "orbits", "fire_hydrant")]),
        row("the camera orbits around a bicycle", {"bicycle": 1}, motion=[("camera", "orbits", "bicycle")]),
    ],
    "arrangements": [
        row("three boxes stacked", {"box": 3}),
        row("five cubes in a row", {"cube": 5}),
        row("six chairs in a circle", {"chair": 6}),
        row("four books stacked on a table", {"book": 4, "table": 1}, [("book", "on", "table")]),
        row("apples scattered on a table", {"apple": 1, "table": 1}),
        row("four cups in a line", {"cup": 4}),
        row("a stack of three plates", {"plate": 3}),
        row("a ball rolls fast from left to right", {"ball": 1}, motion=[("ball", "moves", "right")]),
        row("five bottles in a row on a table", {"bottle": 5, "table": 1}, [("bottle", "on", "table")]),
        row("eight oranges scattered on the floor", {"orange": 8}),
    ],
}


def main() -> None:
    out = Path(__file__).parent / "photo"
    out.mkdir(exist_ok=True)
    sets = {**geneval_tags(random.Random(2508)), **CLASSES}
    for name, rows in sets.items():
        lines = [json.dumps({"id": f"{name}-{i:02d}", **r}) for i, r in enumerate(rows)]
        (out / f"{name}.jsonl").write_text("\n".join(lines) + "\n")
        print(f"{name}: {len(rows)}")


if __name__ == "__main__":
    main()
