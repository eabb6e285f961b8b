"""SceneSpec: the one canonical record of a scene (DESIGN.md).

Agents produce it, the renderer consumes it, the farm distributes it, and it round-trips through
YAML. A spec may be partial (objects without positions, no cameras): the layout solver and the
camera planner resolve it; a resolved spec renders to the same outputs every time.
Unknown fields are errors, so a typo never passes silently.
"""
from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Vec3 = tuple[float, float, float]
Quat = tuple[float, float, float, float]  # (w, x, y, z)
PositiveVec3 = tuple[Annotated[float, Field(gt=0)], Annotated[float, Field(gt=0)], Annotated[float, Field(gt=0)]]

SPEC_VERSION = "fyi.spec/1"

PREDICATES = ("on", "in", "under", "above", "next_to", "near", "left_of", "right_of", "in_front_of",
              "behind", "between", "around", "facing")
Predicate = Literal["on", "in", "under", "above", "next_to", "near", "left_of", "right_of", "in_front_of",
                    "behind", "between", "around", "facing"]
RoomType = Literal["living_room", "kitchen", "bedroom", "office", "bathroom", "dining_room", "empty_room",
                   "outdoors", "studio"]
Quality = Literal["draft", "standard", "high"]
# What the floor is made of, when the instruction says ("sheep on the grass", "a car on the road").
Ground = Literal["grass", "sand", "asphalt", "snow", "carpet", "wood", "tiles", "concrete"]
ArrangementKind = Literal["stack", "row", "circle", "scatter"]

_ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Attributes(Strict):
    color: str | None = None
    material: str | None = None
    size: str | None = None


class AssetRef(Strict):
    """Where an object's geometry comes from.

    `procedural`: `uid` is the category, rebuilt from `seed`. `file`: `path` is a mesh file
    (GLB, glTF, OBJ, PLY) already in the canonical frame. `local`: `path` is a mesh file of a local
    asset folder, normalised on use (up axis, real-world scale, base, centre, polygon budget).
    `objaverse`: `uid` is an Objaverse uid, read from the Objaverse cache and normalised.
    """

    source: Literal["procedural", "file", "local", "objaverse"] = "procedural"
    uid: str
    seed: int = Field(default=0, ge=0)
    path: str | None = None
    license: str = "CC0-1.0"
    front_yaw_degrees: float = 0.0  # turn applied to a file's mesh so its front faces -Y (a VLM's front pick)

    @model_validator(mode="after")
    def _file_needs_path(self) -> "AssetRef":
        if self.source in ("file", "local") and not self.path:
            raise ValueError(f"source {self.source!r} needs a path")
        return self


class ObjectSpec(Strict):
    id: str
    category: str
    description: str = ""
    attributes: Attributes = Attributes()
    asset: AssetRef | None = None
    instance_id: int | None = Field(default=None, ge=1)
    position: Vec3 | None = None
    rotation: Quat = (1.0, 0.0, 0.0, 0.0)
    scale: PositiveVec3 = (1.0, 1.0, 1.0)
    support: str | None = None  # "floor", "wall" or the id of the object it rests on
    surface: str | None = None  # which of the support's surfaces (tabletop, shelf_2, interior)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError("must be lowercase letters, digits and underscores")
        return v

    @field_validator("rotation")
    @classmethod
    def _unit_quaternion(cls, q: Quat) -> Quat:
        n = sum(c * c for c in q) ** 0.5
        if n < 1e-6:
            raise ValueError("quaternion has zero length")
        return tuple(c / n for c in q)  # type: ignore[return-value]


class Relation(Strict):
    subject: str
    predicate: Predicate
    object: str
    object2: str | None = None  # the second reference of "between"

    @model_validator(mode="after")
    def _between_needs_two(self) -> "Relation":
        if self.predicate == "between" and not self.object2:
            raise ValueError("'between' needs object2")
        return self


class Room(Strict):
    type: RoomType = "empty_room"
    size: PositiveVec3 | None = None  # width (x), depth (y), height (z); None = fitted to the objects
    walls: bool = True
    ground: Ground | None = None  # None: the room type's own floor


class Arrangement(Strict):
    """Members of one group laid out together: a stack (each member rests on the one before, recorded as
    its `support`), a row along the main view's x axis, a ring, or scattered at random spacing."""

    kind: ArrangementKind
    members: list[str] = Field(min_length=2)  # object ids, in order (a stack from the bottom up)


class CameraSpec(Strict):
    """Pinhole camera; c2w is camera-to-world, OpenGL convention (looks along -Z, +Y up)."""

    id: int = Field(ge=0)
    width: int = Field(gt=0)
    height: int = Field(gt=0)
    fx: float = Field(gt=0)
    fy: float = Field(gt=0)
    cx: float
    cy: float
    c2w: tuple[tuple[float, float, float, float], ...]

    @field_validator("c2w")
    @classmethod
    def _four_by_four(cls, m):
        if len(m) != 4:
            raise ValueError("must be a 4x4 matrix")
        return m


class Motion(Strict):
    """A motion seen in the instruction. The Planner of a later release turns these into frames."""

    subject: str  # an object id or "camera"
    verb: str
    target: str | None = None
    direction: str | None = None
    text: str = ""


class ObjectTrack(Strict):
    """One moving object's pose at every frame of the animation."""

    object: str
    positions: list[Vec3]
    rotations: list[Quat]


class Animation(Strict):
    """A frame sequence: the camera (view 0's intrinsics) and the moving objects, posed per frame.

    Objects without a track stay at their spec pose. Frame 0 is the spec's own pose.
    """

    fps: float = Field(default=24.0, gt=0)
    frames: int = Field(ge=2, le=2000)
    camera: list[tuple[tuple[float, float, float, float], ...]]  # c2w per frame, OpenGL convention
    objects: list[ObjectTrack] = []

    @model_validator(mode="after")
    def _one_pose_per_frame(self) -> "Animation":
        if len(self.camera) != self.frames:
            raise ValueError(f"camera: {len(self.camera)} poses for {self.frames} frames")
        for i, t in enumerate(self.objects):
            if len(t.positions) != self.frames or len(t.rotations) != self.frames:
                raise ValueError(f"objects[{i}] ({t.object}): needs one position and rotation per frame")
        return self


class RenderSettings(Strict):
    quality: Quality = "draft"
    views: int = Field(default=4, ge=1, le=64)
    width: int | None = Field(default=None, gt=0)
    height: int | None = Field(default=None, gt=0)
    samples: int | None = Field(default=None, gt=0)
    frames: int = Field(default=0, ge=0, le=2000)  # 0: stills only; N: an N-frame sequence when the scene moves
    fps: float = Field(default=24.0, gt=0)


class SceneSpec(Strict):
    version: Literal["fyi.spec/1"] = SPEC_VERSION
    scene_id: str
    seed: int = Field(default=0, ge=0)
    instruction: str = ""
    room: Room = Room()
    objects: list[ObjectSpec] = Field(min_length=1)
    relations: list[Relation] = []
    cameras: list[CameraSpec] = []
    motions: list[Motion] = []
    animation: Animation | None = None
    render: RenderSettings = RenderSettings()
    arrangements: list[Arrangement] = []
    excluded: list[str] = []  # categories the instruction rules out ("a table without chairs"): never added
    warnings: list[str] = []

    @field_validator("scene_id")
    @classmethod
    def _scene_id_shape(cls, v: str) -> str:
        if not re.match(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", v):
            raise ValueError("must be letters, digits, '_', '.', '-' (it names a folder)")
        return v

    @model_validator(mode="after")
    def _references_exist(self) -> "SceneSpec":
        ids = [o.id for o in self.objects]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate object ids: {', '.join(dupes)}")
        known = set(ids)
        for i, o in enumerate(self.objects):
            if o.support not in (None, "floor", "wall") and o.support not in known:
                raise ValueError(f"objects[{i}].support: unknown object {o.support!r}")
            if o.support == o.id:
                raise ValueError(f"objects[{i}].support: an object cannot rest on itself")
        for i, r in enumerate(self.relations):
            for field in ("subject", "object", "object2"):
                ref = getattr(r, field)
                if ref is not None and ref not in known:
                    raise ValueError(f"relations[{i}].{field}: unknown object {ref!r}")
        placed_in: dict[str, int] = {}
        for i, a in enumerate(self.arrangements):
            for oid in a.members:
                if oid not in known:
                    raise ValueError(f"arrangements[{i}].members: unknown object {oid!r}")
                if oid in placed_in:
                    raise ValueError(f"arrangements[{i}].members: {oid!r} is already in arrangements[{placed_in[oid]}]")
                placed_in[oid] = i
        if self.animation is not None:
            for i, t in enumerate(self.animation.objects):
                if t.object not in known:
                    raise ValueError(f"animation.objects[{i}].object: unknown object {t.object!r}")
        iids = [o.instance_id for o in self.objects if o.instance_id is not None]
        if len(iids) != len(set(iids)):
            raise ValueError("instance_id values must be unique")
        return self

    def object(self, object_id: str) -> ObjectSpec:
        return next(o for o in self.objects if o.id == object_id)

    @property
    def resolved(self) -> bool:
        """Every object posed and every camera placed: rendering needs no solver."""
        return bool(self.cameras) and all(o.position is not None and o.instance_id and o.asset and o.support
                                          for o in self.objects)
