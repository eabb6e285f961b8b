"""Request: what an instruction asks for, before any asset is picked or any pose is solved.

The Collector's language understanding produces it: the offline rule-based parser
(fyi.agents.parser) or a model backend whose JSON output is validated against this schema, so unknown
fields are errors and every reference must point at an object of the request.
"""
from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from fyi.scenes.spec import ArrangementKind, Attributes, Ground, Predicate, RoomType, Setting

MotionVerb = Literal["move", "roll", "slide", "fall", "spin", "push", "orbit", "approach", "retreat", "pan",
                     "follow", "tip"]
Direction = Literal["left", "right", "forward", "backward", "up", "down", "toward_camera", "away"]
SupportHint = Literal["floor", "wall"]

CAMERA = "camera"
_REF = re.compile(r"^[a-z0-9][a-z0-9_]*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RequestedObject(_Strict):
    """A group of like objects: "two red mugs" is one group with count 2."""

    ref: str  # unique in the request; "mug", then "mug_2" for a second group of mugs
    category: str  # a catalog category
    count: int = Field(default=1, ge=1)
    attributes: Attributes = Attributes()
    phrase: str = ""  # the words it came from
    support_hint: SupportHint | None = None  # "on the floor" / "on the wall": neither is an object
    arrangement: ArrangementKind | None = None  # "stacked", "in a row", "in a circle", "scattered"

    @field_validator("ref", "category")
    @classmethod
    def _snake_case(cls, v: str) -> str:
        if not _REF.match(v):
            raise ValueError("must be lowercase letters, digits and underscores")
        return v


class RequestedRelation(_Strict):
    subject: str
    predicate: Predicate
    object: str
    object2: str | None = None  # the second reference of "between"

    @model_validator(mode="after")
    def _between_needs_two(self) -> "RequestedRelation":
        if self.predicate == "between" and not self.object2:
            raise ValueError("'between' needs object2")
        if self.predicate != "between" and self.object2 is not None:
            raise ValueError("only 'between' takes object2")
        if self.subject == self.object2 or (self.subject == self.object and self.predicate in ("on", "in", "between")):
            raise ValueError("an object cannot be related to itself")
        # Otherwise a group may relate to itself ("five cubes next to each other"): its members relate to
        # one another, never a member to itself.
        return self


class RequestedMotion(_Strict):
    subject: str  # an object ref or "camera"
    verb: MotionVerb
    target: str | None = None  # an object ref
    direction: Direction | None = None
    text: str = ""  # the clause it came from (durations and manner words stay here)


class Request(_Strict):
    instruction: str
    objects: list[RequestedObject] = []  # none only when emptiness is asked for ("an empty room")
    relations: list[RequestedRelation] = []
    room: RoomType | None = None
    ground: Ground | None = None  # "on the grass", "on the beach": what the floor is, not an object
    setting: Setting | None = None  # outdoors: "on the street", "at the beach", "in a parking lot"
    motions: list[RequestedMotion] = []
    excluded: list[str] = []  # catalog categories the instruction rules out ("without chairs", "no people")
    warnings: list[str] = []

    @model_validator(mode="after")
    def _references_exist(self) -> "Request":
        refs = [o.ref for o in self.objects]
        dupes = sorted({r for r in refs if refs.count(r) > 1})
        if dupes:
            raise ValueError(f"duplicate object refs: {', '.join(dupes)}")
        known = set(refs)
        for i, r in enumerate(self.relations):
            for name in ("subject", "object", "object2"):
                ref = getattr(r, name)
                if ref is not None and ref not in known:
                    raise ValueError(f"relations[{i}].{name}: unknown object {ref!r}")
        for i, m in enumerate(self.motions):
            if m.subject != CAMERA and m.subject not in known:
                raise ValueError(f"motions[{i}].subject: unknown object {m.subject!r}")
            if m.target is not None and m.target not in known:
                raise ValueError(f"motions[{i}].target: unknown object {m.target!r}")
        return self

    def object(self, ref: str) -> RequestedObject:
        return next(o for o in self.objects if o.ref == ref)


__all__ = ["CAMERA", "Direction", "MotionVerb", "Request", "RequestedMotion", "RequestedObject",
           "RequestedRelation", "SupportHint"]
