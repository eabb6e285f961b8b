"""SceneSpec: the one canonical record of a scene (DESIGN.md).

Agents produce it, the renderer consumes it, the farm distributes it, and it round-trips through
YAML. A spec may be partial (objects without positions, no cameras): the layout solver and the
camera planner resolve it; a resolved spec renders to the same outputs every time.
Unknown fields are errors, so a typo never passes silently; so are numbers that would render wrong
or not at all (NaN, infinities, sizes past what Blender or the outputs can hold): `fyi validate`
refuses what `fyi render` would fail on or silently get wrong. The limits below are the documented
ones (README, "Limits").
"""
from __future__ import annotations

import math
import re
from collections import Counter
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# Limits: what a scene may ask for. Each keeps work bounded or keeps an output format honest.
MAX_OBJECTS = 200            # objects in a scene (the solver and the critic are quadratic in it)
MAX_RELATIONS = 1000
MAX_MOTIONS = 100
MAX_VIEWS = 64               # cameras of a scene
MAX_FRAMES = 2000
MAX_INSTANCE_ID = 32767      # Blender's object pass index stops at 32767 (the uint16 masks could hold more)
MIN_IMAGE_SIDE, MAX_IMAGE_SIDE = 4, 8192  # Blender renders 4 to 65536 pixels a side; 8192 bounds the work
MAX_SAMPLES = 4096
MAX_COORDINATE = 500.0       # metres from the origin; the cameras see no further than 1000 m
MAX_SCALE = 1000.0
MAX_FOCAL_PX = 1e6
MIN_FPS, MAX_FPS = 0.1, 1000.0
MAX_SEED = 2**63 - 1
MAX_INSTRUCTION_CHARS = 2000
MIN_FSTOP, MAX_FSTOP = 0.5, 64.0  # f/0.5 is as fast as a lens in air can be; past f/64 everything is sharp
RIGID_TOLERANCE = 1e-4       # how far a c2w's rotation may be from orthonormal

Coordinate = Annotated[float, Field(ge=-MAX_COORDINATE, le=MAX_COORDINATE)]
Vec3 = tuple[float, float, float]
Position = tuple[Coordinate, Coordinate, Coordinate]
Quat = tuple[float, float, float, float]  # (w, x, y, z)
Extent = Annotated[float, Field(gt=0, le=MAX_SCALE)]
PositiveVec3 = tuple[Extent, Extent, Extent]
ImageSide = Annotated[int, Field(ge=MIN_IMAGE_SIDE, le=MAX_IMAGE_SIDE)]
Matrix4 = tuple[tuple[float, float, float, float], ...]

SPEC_VERSION = "fyi.spec/1"

PREDICATES = ("on", "in", "under", "above", "next_to", "near", "left_of", "right_of", "in_front_of",
              "behind", "between", "around", "facing")
Predicate = Literal["on", "in", "under", "above", "next_to", "near", "left_of", "right_of", "in_front_of",
                    "behind", "between", "around", "facing"]
RoomType = Literal["living_room", "kitchen", "bedroom", "office", "bathroom", "dining_room", "classroom",
                   "generic_room", "empty_room", "outdoors", "studio"]
# The place outdoors is (its ground, its markings); None on an outdoors room: drawn from its ground and seed.
Setting = Literal["street", "park", "field", "beach", "snow", "parking_lot"]
# Room surfaces by name (render.scene.SURFACES gives each its node recipe and tones).
FloorFinish = Literal["oak_planks", "walnut_planks", "pine_wide_planks", "light_tiles", "small_white_tiles",
                      "terracotta_tiles", "carpet", "grey_carpet", "concrete", "studio_grey", "grass", "meadow",
                      "sand", "snow", "asphalt", "road", "parking"]
WallFinish = Literal["paint", "stripes", "damask"]  # plain paint or a wallpaper pattern
Wall = Literal["back", "left", "right", "front"]
Quality = Literal["draft", "standard", "high"]
# What the floor is made of, when the instruction says ("sheep on the grass", "a car on the road").
Ground = Literal["grass", "sand", "asphalt", "snow", "carpet", "wood", "tiles", "concrete"]
ArrangementKind = Literal["stack", "row", "circle", "scatter"]
# How many context objects (things the room type holds that nobody asked for) the Generator adds.
Clutter = Literal["none", "low", "high"]
CLUTTER_LEVELS = ("none", "low", "high")

_ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")
# What an object may rest on besides another object: the floor, a wall (hung), or nothing (it flies).
PLACES = ("floor", "wall", "air")


class Strict(BaseModel):
    # allow_inf_nan=False: NaN and infinities are refused in every float field, however deep.
    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)


def unit_quaternion(q: Quat) -> Quat:
    """q scaled to unit length (its components are finite); a ValueError when it has no length."""
    n = sum(c * c for c in q) ** 0.5
    if n == math.inf:  # the squares overflowed: scale down first, so [1e200, 0, 0, 0] is the identity
        big = max(abs(c) for c in q)
        q = tuple(c / big for c in q)  # type: ignore[assignment]
        n = sum(c * c for c in q) ** 0.5
    if n < 1e-6:
        raise ValueError("quaternion has zero length")
    return tuple(c / n for c in q)  # type: ignore[return-value]


def rigid_c2w(m: Matrix4) -> Matrix4:
    """A camera-to-world matrix must be 4x4, rigid (a rotation and a translation) and in reach."""
    if len(m) != 4:
        raise ValueError("must be a 4x4 matrix")
    if tuple(m[3]) != (0.0, 0.0, 0.0, 1.0):
        raise ValueError(f"last row must be [0, 0, 0, 1], got {list(m[3])}")
    r = [row[:3] for row in m[:3]]
    for i in range(3):
        for j in range(3):
            dot = sum(r[k][i] * r[k][j] for k in range(3))
            if abs(dot - (1.0 if i == j else 0.0)) > RIGID_TOLERANCE:
                raise ValueError("rotation part is not orthonormal (a rigid camera has no scale, shear or zero axis)")
    det = (r[0][0] * (r[1][1] * r[2][2] - r[1][2] * r[2][1]) - r[0][1] * (r[1][0] * r[2][2] - r[1][2] * r[2][0])
           + r[0][2] * (r[1][0] * r[2][1] - r[1][1] * r[2][0]))
    if det < 0:
        raise ValueError("rotation part is a reflection (determinant -1)")
    if any(abs(m[i][3]) > MAX_COORDINATE for i in range(3)):
        raise ValueError(f"camera position is more than {MAX_COORDINATE:g} m from the origin")
    return m


Unit = Annotated[float, Field(ge=0.0, le=1.0)]


class Attributes(Strict):
    color: str | None = None
    material: str | None = None
    size: str | None = None
    # The body's exact colour (sRGB 0..1) when the named colour's usual shade did not read as its name
    # in view 0 under this scene's light: the Optimizer's recolour, kept so the render reproduces.
    shade: tuple[Unit, Unit, Unit] | None = None


class AssetRef(Strict):
    """Where an object's geometry comes from.

    `procedural`: `uid` is the category, rebuilt from `seed`. `file`: `path` is a mesh file
    (GLB, glTF, OBJ, PLY) already in the canonical frame. `local`: `path` is a mesh file of a local
    asset folder, normalised on use (up axis, real-world scale, base, centre, polygon budget).
    `objaverse`: `uid` is an Objaverse uid, read from the Objaverse cache and normalised.
    """

    source: Literal["procedural", "file", "local", "objaverse"] = "procedural"
    uid: str
    seed: int = Field(default=0, ge=0, le=MAX_SEED)
    path: str | None = None
    license: str = "CC0-1.0"
    front_yaw_degrees: float = 0.0  # turn applied to a file's mesh so its front faces -Y (a VLM's front pick)

    @model_validator(mode="after")
    def _file_needs_path(self) -> "AssetRef":
        if self.source in ("file", "local") and not self.path:
            raise ValueError(f"source {self.source!r} needs a path")
        if self.source not in ("file", "local") and self.path is not None:
            raise ValueError(f"source {self.source!r} takes no path (it would be ignored)")
        return self


class ObjectSpec(Strict):
    id: str
    category: str
    description: str = ""
    attributes: Attributes = Attributes()
    asset: AssetRef | None = None
    instance_id: int | None = Field(default=None, ge=1, le=MAX_INSTANCE_ID)
    position: Position | None = None
    rotation: Quat = (1.0, 0.0, 0.0, 0.0)
    scale: PositiveVec3 = (1.0, 1.0, 1.0)
    support: str | None = None  # "floor", "wall", "air" (it flies) or the id of the object it rests on
    surface: str | None = None  # which of the support's surfaces (tabletop, shelf_2, interior)
    # A context object: added for the room type's sake (--clutter), never asked for; kept out of the
    # requested counts, relations and the critic's photo checks, annotated like the rest.
    context: bool = False

    @field_validator("id")
    @classmethod
    def _id_shape(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError("must be lowercase letters, digits and underscores")
        return v

    @field_validator("rotation")
    @classmethod
    def _unit_quaternion(cls, q: Quat) -> Quat:
        return unit_quaternion(q)


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


Unit = Annotated[float, Field(ge=0.0, le=1.0)]
Rgb = tuple[Unit, Unit, Unit]


class Window(Strict):
    """A window on one wall: where along it, how big, how high its sill (metres)."""

    wall: Wall
    along: float = Field(ge=-MAX_COORDINATE, le=MAX_COORDINATE)  # the centre, from the wall's middle
    width: float = Field(gt=0, le=20.0)
    height: float = Field(gt=0, le=20.0)
    sill: float = Field(ge=0, le=20.0)


class Finish(Strict):
    """What a room is dressed in: its floor (or ground), its walls' finish and colour, its windows and
    ceiling lights. `scenes.dressing.dress` draws it from the room type and the seed."""

    floor: FloorFinish
    wall: WallFinish = "paint"
    wall_color: Rgb = (0.9, 0.88, 0.84)       # sRGB: the paint, or the wallpaper's ground
    pattern_color: Rgb = (0.8, 0.78, 0.74)    # sRGB: the wallpaper's pattern
    skirting: bool = True
    ceiling: bool = True
    windows: list[Window] = Field(default=[], max_length=8)
    ceiling_lights: int = Field(default=1, ge=0, le=16)


class Lighting(Strict):
    """The scene's light: time of day (hours), the sun's direction (degrees; azimuth from +x toward +y),
    the colour temperature and a strength factor of the lamps."""

    hour: float = Field(ge=0.0, le=24.0)
    sun_azimuth: float = Field(ge=-360.0, le=360.0)
    sun_elevation: float = Field(ge=0.0, le=90.0)
    kelvin: float = Field(ge=1000.0, le=12000.0)
    strength: float = Field(gt=0.0, le=10.0)


class Room(Strict):
    type: RoomType = "empty_room"
    size: PositiveVec3 | None = None  # width (x), depth (y), height (z); None = fitted to the objects
    walls: bool = True
    ground: Ground | None = None  # None: the room type's own floor
    setting: Setting | None = None  # outdoors only; None: drawn from the ground and the seed
    finish: Finish | None = None    # None: drawn from the room type and the seed (scenes.dressing)
    lighting: Lighting | None = None  # None: drawn likewise
    clutter: Clutter = "none"  # context objects the Generator adds (scenes/clutter.py); a written spec has none

    @model_validator(mode="after")
    def _setting_is_outdoors(self) -> "Room":
        if self.setting is not None and self.type != "outdoors":
            raise ValueError(f"setting {self.setting!r} is for an outdoors room, not {self.type!r}")
        return self


class Arrangement(Strict):
    """Members of one group laid out together: a stack (each member rests on the one before, recorded as
    its `support`), a row along the main view's x axis, a ring, or scattered at random spacing."""

    kind: ArrangementKind
    members: list[str] = Field(min_length=2)  # object ids, in order (a stack from the bottom up)


class CameraSpec(Strict):
    """Pinhole camera; c2w is camera-to-world, OpenGL convention (looks along -Z, +Y up)."""

    id: int = Field(ge=0, lt=10000)  # names its files: views/rgb/NNNN.png
    width: int = Field(gt=0, le=MAX_IMAGE_SIDE)  # rendered at RenderSettings' size, these scaled to it
    height: int = Field(gt=0, le=MAX_IMAGE_SIDE)
    fx: float = Field(gt=0, le=MAX_FOCAL_PX)
    fy: float = Field(gt=0, le=MAX_FOCAL_PX)
    cx: float = Field(ge=-MAX_FOCAL_PX, le=MAX_FOCAL_PX)
    cy: float = Field(ge=-MAX_FOCAL_PX, le=MAX_FOCAL_PX)
    c2w: Matrix4

    @field_validator("c2w")
    @classmethod
    def _rigid(cls, m: Matrix4) -> Matrix4:
        return rigid_c2w(m)

    @model_validator(mode="after")
    def _blender_can_frame_it(self) -> "CameraSpec":
        # Blender's lens is at least 1 mm on its 36 mm sensor: a shorter focal length would be clamped.
        if self.fx < self.width / 36:
            raise ValueError(f"fx: {self.fx:g} px is wider than Blender can render (at least width/36 = "
                             f"{self.width / 36:g} px)")
        return self


def _each(items: list, check, field: str) -> list:
    """Run `check` on every item of a per-frame list; an error names the frame ("camera[3]: ...")."""
    for i, item in enumerate(items):
        try:
            check(item)
        except ValueError as e:
            raise ValueError(f"{field}[{i}]: {e}") from None
    return items


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
    positions: list[Position] = Field(max_length=MAX_FRAMES)
    rotations: list[Quat] = Field(max_length=MAX_FRAMES)

    @field_validator("rotations")
    @classmethod
    def _turnable(cls, qs: list[Quat]) -> list[Quat]:
        return _each(qs, unit_quaternion, "rotations")


class Animation(Strict):
    """A frame sequence: the camera (view 0's intrinsics) and the moving objects, posed per frame.

    Objects without a track stay at their spec pose. Frame 0 is the spec's own pose.
    """

    fps: float = Field(default=24.0, ge=MIN_FPS, le=MAX_FPS)
    frames: int = Field(ge=2, le=MAX_FRAMES)
    camera: list[Matrix4] = Field(max_length=MAX_FRAMES)  # c2w per frame, OpenGL convention
    objects: list[ObjectTrack] = Field(default=[], max_length=MAX_OBJECTS)

    @field_validator("camera")
    @classmethod
    def _rigid_cameras(cls, poses: list[Matrix4]) -> list[Matrix4]:
        return _each(poses, rigid_c2w, "camera")

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
    views: int = Field(default=4, ge=1, le=MAX_VIEWS)
    width: ImageSide | None = None
    height: ImageSide | None = None
    samples: int | None = Field(default=None, gt=0, le=MAX_SAMPLES)
    frames: int = Field(default=0, ge=0, le=MAX_FRAMES)  # 0: stills only; N: an N-frame sequence when the scene moves
    fps: float = Field(default=24.0, ge=MIN_FPS, le=MAX_FPS)
    # Lens effects (scenes.lens), on the colour images only: depth, normals, masks and flow stay exact.
    fstop: float | None = Field(default=None, ge=MIN_FSTOP, le=MAX_FSTOP)  # depth of field at f/FSTOP; None: pinhole
    focus: str | None = None    # the object whose centre is in focus; None: the main subject (scenes.lens)
    shutter: float | None = Field(default=None, gt=0.0, le=1.0)  # 4D motion blur over this share of a frame

    @model_validator(mode="after")
    def _focus_needs_aperture(self) -> "RenderSettings":
        if self.focus is not None and self.fstop is None:
            raise ValueError(f"focus: {self.focus!r} needs fstop (without depth of field everything is in focus)")
        return self


class SceneSpec(Strict):
    version: Literal["fyi.spec/1"] = SPEC_VERSION
    scene_id: str
    seed: int = Field(default=0, ge=0, le=MAX_SEED)
    instruction: str = Field(default="", max_length=MAX_INSTRUCTION_CHARS)
    room: Room = Room()
    objects: list[ObjectSpec] = Field(default=[], max_length=MAX_OBJECTS)  # [] is an empty room
    relations: list[Relation] = Field(default=[], max_length=MAX_RELATIONS)
    cameras: list[CameraSpec] = Field(default=[], max_length=MAX_VIEWS)
    motions: list[Motion] = Field(default=[], max_length=MAX_MOTIONS)
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
        dupes = sorted(i for i, n in Counter(ids).items() if n > 1)
        if dupes:
            raise ValueError(f"duplicate object ids: {', '.join(dupes)}")
        known = set(ids)
        for i, o in enumerate(self.objects):
            if o.support not in (None, *PLACES) and o.support not in known:
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
        if self.render.focus is not None and self.render.focus not in known:
            raise ValueError(f"render.focus: unknown object {self.render.focus!r}")
        iids = [o.instance_id for o in self.objects if o.instance_id is not None]
        if len(iids) != len(set(iids)):
            raise ValueError("instance_id values must be unique")
        cams = [c.id for c in self.cameras]
        if len(cams) != len(set(cams)):  # one camera's files would overwrite another's
            raise ValueError("cameras: id values must be unique")
        return self

    def object(self, object_id: str) -> ObjectSpec:
        return next(o for o in self.objects if o.id == object_id)

    @property
    def resolved(self) -> bool:
        """Every object posed and every camera placed: rendering needs no solver."""
        return bool(self.cameras) and all(o.position is not None and o.instance_id and o.asset and o.support
                                          for o in self.objects)
