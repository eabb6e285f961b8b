"""The one item record of instruction data: an image (or 2-4 images), a question, its exact answer.

Box convention, used in every question and in `facts`: pixel boxes [x0, y0, x1, y1] in the image
the question names, origin at the top-left corner, x to the right, y down, x1 and y1 one past the
last pixel (so x1 - x0 is the width). Points are pixel (x, y) in the same frame.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

FORMS = ("qa", "mc", "yn")
FAMILIES = ("objects", "attributes", "relations", "depth", "segmentation", "region", "multi", "metric",
            "correspondence", "temporal")


def item_id(scene_id: str, generator: str, question: str, images: tuple[str, ...] = ()) -> str:
    """Stable: the same scene, generator, images and question give the same id."""
    key = "\x1f".join((scene_id, generator, *images, question))
    return hashlib.sha256(key.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Item:
    id: str
    scene_id: str  # for items over several scenes: their ids joined with "+"
    images: tuple[str, ...]  # scene-relative paths (dataset-relative for items over several scenes), 1 to 4
    question: str
    answer: str  # the canonical short answer ("yes", "2", "red", "0.45 m", "the mug")
    form: str  # "qa" | "mc" | "yn"
    generator: str
    family: str
    choices: tuple[str, ...] = ()  # mc: the options, the answer among them
    facts: dict = field(default_factory=dict)  # what the answer rests on: the query, object ids, points, boxes
    blind: bool = False  # answerable without the image (the same answer in every scene of a dataset)

    def __post_init__(self):
        if self.form not in FORMS:
            raise ValueError(f"form: {self.form!r} is not one of {FORMS}")
        if self.family not in FAMILIES:
            raise ValueError(f"family: {self.family!r} is not one of {FAMILIES}")
        if not 1 <= len(self.images) <= 4:
            raise ValueError(f"images: expected 1 to 4, got {len(self.images)}")
        if self.form == "mc" and self.answer not in self.choices:
            raise ValueError(f"answer {self.answer!r} is not among the choices {self.choices}")

    def to_json(self) -> dict:
        d = asdict(self)
        d["images"], d["choices"] = list(self.images), list(self.choices)
        return d

    @classmethod
    def from_json(cls, d: dict) -> "Item":
        return cls(**{**d, "images": tuple(d["images"]), "choices": tuple(d.get("choices", ()))})

    def prompt(self) -> str:
        """The question as a model sees it: multiple choice lists its options."""
        if self.form == "mc":
            return f"{self.question}\nOptions: {', '.join(self.choices)}."
        if self.form == "yn":
            return f"{self.question} Answer yes or no."
        return self.question


def dumps(item: Item) -> str:
    return json.dumps(item.to_json(), sort_keys=False)
