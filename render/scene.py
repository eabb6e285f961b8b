"""The scene every backend reads: a SceneSpec and its assets resolved once into plain data.

`resolve(spec, assets)` decides everything that does not depend on a backend: each object's mesh
parts with its pose and their materials; the room's floor (or the ground outdoors), walls and
ceiling with theirs; the lights and the world around the scene; the film exposure; the cameras.
The backends only translate it: render/blender.py into bpy objects, render/glb.py into glTF nodes,
render/physics.py into rigid bodies. As Kubric's renderers are views of its `Scene`, nothing here
knows Blender, and rooms, grounds, skies and lights grow here as data, not as code in each backend.

Materials are data too: a kind (the node recipe: an asset material kind such as wood or glass, or
a room surface recipe such as planks or paint), tones in sRGB, the roughness, and the seeded offset
of the procedural texture, so two oak tables in one scene do not show the same grain.
"""
from __future__ import annotations

import math
import zlib
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

import numpy as np

from fyi.assets.color import srgb_to_linear
from fyi.assets.model import Asset, Part
from fyi.assets.style import material_kind
from fyi.errors import FyiError
from fyi.scenes.geometry import pose_matrix, world_bbox
from fyi.scenes.spec import CameraSpec, Quat, Room, SceneSpec

Color = tuple[float, float, float]
Vec3 = tuple[float, float, float]

# The base roughness of each material kind: Cycles' node recipes start from it and glTF writes it.
ROUGHNESS = {
    "wood": 0.42, "metal": 0.25, "fabric": 0.92, "leather": 0.45, "ceramic": 0.12, "glass": 0.04,
    "plastic": 0.35, "rubber": 0.85, "stone": 0.55, "paper": 0.95, "fur": 1.0, "food": 0.6,
    "foliage": 0.5, "emissive": 0.4,
    # room surfaces: floor planks, glossy tiles (the grout is rougher), a matte studio floor,
    # patchy outdoor ground, wall paint
    "planks": 0.35, "tiles": 0.12, "matte": 0.6, "patchy": 0.9, "paint": 0.85,
}

# Room surfaces by name: the node recipe and its tones (sRGB; the first is the base colour). A new
# floor or ground (sand, snow, asphalt, carpet) is a new row here; a new look, a new recipe.
SURFACES: dict[str, tuple[str, tuple[Color, ...]]] = {
    "oak_planks": ("planks", ((0.58, 0.43, 0.29), (0.45, 0.32, 0.21))),  # light and dark boards
    "light_tiles": ("tiles", ((0.86, 0.85, 0.82), (0.80, 0.80, 0.78), (0.55, 0.55, 0.53))),  # two tiles, grout
    "studio_grey": ("matte", ((0.55, 0.55, 0.56),)),
    "grass": ("patchy", ((0.36, 0.52, 0.20), (0.45, 0.40, 0.26))),  # grass, bare earth
    "sand": ("patchy", ((0.86, 0.77, 0.58), (0.78, 0.68, 0.49))),  # dry and damp sand
    "snow": ("patchy", ((0.84, 0.86, 0.90), (0.74, 0.77, 0.82))),  # fresh and trodden snow (not blown out)
    "asphalt": ("matte", ((0.22, 0.22, 0.23),)),
    "concrete": ("matte", ((0.62, 0.61, 0.58),)),
    "carpet": ("patchy", ((0.55, 0.47, 0.40), (0.50, 0.43, 0.37))),  # a wool carpet's pile
}
# A ground the instruction names ("sheep on the grass", "a car on the road") over the room type's own floor.
FLOOR_BY_GROUND = {"grass": "grass", "sand": "sand", "snow": "snow", "asphalt": "asphalt", "concrete": "concrete",
                   "carpet": "carpet", "wood": "oak_planks", "tiles": "light_tiles"}
FLOOR_BY_ROOM = {
    "living_room": "oak_planks", "bedroom": "oak_planks", "office": "oak_planks", "dining_room": "oak_planks",
    "kitchen": "light_tiles", "bathroom": "light_tiles",
    "empty_room": "studio_grey", "studio": "studio_grey",
    "outdoors": "grass",
}
WALL_PAINTS: dict[str, tuple[Color, ...]] = {
    "warm": ((0.93, 0.90, 0.84), (0.90, 0.86, 0.78), (0.88, 0.84, 0.80)),
    "cool": ((0.90, 0.92, 0.93), (0.84, 0.88, 0.90), (0.86, 0.89, 0.85)),
    "neutral": ((0.80, 0.80, 0.80), (0.72, 0.72, 0.73)),
}
STUDIO_ROOMS = ("empty_room", "studio")
# Film exposure (stops) per room type: rooms with light tiles bounce more light around than rooms
# with wood floors.
EXPOSURE = {"kitchen": -0.6, "bathroom": -0.6}


def floor_surface(room: Room) -> str:
    """The surface (a key of SURFACES) of the room's floor, or of the ground outdoors.

    A ground the spec names (grass, sand, snow...) wins over the room type's own floor.
    """
    if room.ground is not None:
        return FLOOR_BY_GROUND[room.ground]
    return FLOOR_BY_ROOM.get(room.type, "studio_grey")


def wall_paints(room: Room) -> tuple[Color, ...]:
    """The paints the room's walls may get (one is drawn per scene)."""
    return WALL_PAINTS["neutral" if room.type in STUDIO_ROOMS
                       else "cool" if room.type in ("kitchen", "bathroom", "office") else "warm"]


# --- the description ------------------------------------------------------------------------


@dataclass(frozen=True)
class Material:
    name: str
    kind: str                       # the recipe: a material kind (assets.style.KINDS) or a surface recipe
    tones: tuple[Color, ...]        # sRGB 0..1; tones[0] is the base colour, the others a pattern's
    roughness: float | None = None  # the asset's own; None = the kind's (ROUGHNESS)
    texture_offset: Vec3 = (0.0, 0.0, 0.0)  # seeded shift of the procedural texture, metres
    one_sided: bool = False         # back faces are see-through (walls never block a camera outside)

    @property
    def color(self) -> Color:
        return self.tones[0]

    @property
    def linear_tones(self) -> tuple[Color, ...]:
        return tuple(tuple(float(v) for v in srgb_to_linear(t)) for t in self.tones)  # type: ignore[misc]

    @property
    def linear(self) -> Color:
        """The base colour in linear RGB (what Cycles' sockets and glTF's baseColorFactor take)."""
        return self.linear_tones[0]

    @property
    def base_roughness(self) -> float:
        return float(self.roughness) if self.roughness is not None else ROUGHNESS[self.kind]


@dataclass(frozen=True, eq=False)
class Mesh:
    """A triangle mesh with one material, in its node's frame."""

    name: str
    vertices: np.ndarray  # (N, 3) float64
    faces: np.ndarray     # (M, 3) int
    material: Material


@dataclass(frozen=True, eq=False)
class Node:
    """A posed thing: a scene object (instance_id >= 1) or a piece of the room (instance_id 0)."""

    name: str
    meshes: tuple[Mesh, ...]
    position: Vec3 = (0.0, 0.0, 0.0)
    rotation: Quat = (1.0, 0.0, 0.0, 0.0)
    scale: Vec3 = (1.0, 1.0, 1.0)
    instance_id: int = 0
    smooth: bool = False  # round parts shade smooth (objects); the room's flat quads need not

    @property
    def matrix(self) -> np.ndarray:
        """4x4 world matrix T(position) R(rotation) S(scale)."""
        return pose_matrix(self.position, self.rotation, self.scale)

    @cached_property
    def vertices(self) -> np.ndarray:
        """Every mesh's vertices in one (N, 3) array (node frame), in mesh order."""
        return np.concatenate([m.vertices for m in self.meshes])

    @cached_property
    def faces(self) -> np.ndarray:
        """Every mesh's faces indexing into `vertices`."""
        offsets = np.cumsum([0] + [len(m.vertices) for m in self.meshes[:-1]])
        return np.concatenate([m.faces + k for m, k in zip(self.meshes, offsets)])

    @property
    def size(self) -> np.ndarray:
        """Width, depth, height of the unposed meshes, metres."""
        return self.vertices.max(axis=0) - self.vertices.min(axis=0)


@dataclass(frozen=True, eq=False)
class RoomShell:
    type: str
    size: Vec3                  # width (x), depth (y), height (z): the spec's, or fitted to the objects
    floor: Node                 # the floor, or the ground outdoors
    walls: tuple[Node, ...] = ()
    ceiling: Node | None = None  # no room has one yet (its lights hang where it would be)

    @property
    def nodes(self) -> tuple[Node, ...]:
        return (self.floor, *self.walls, *((self.ceiling,) if self.ceiling else ()))


@dataclass(frozen=True)
class Light:
    name: str
    kind: Literal["area", "sun"]
    position: Vec3
    target: Vec3                # the light points from position toward target
    energy: float               # watts (area) or irradiance in W/m² (sun)
    size: float = 1.0           # area: width in metres; sun: angular diameter in degrees
    size_y: float | None = None  # area: depth in metres, when not square
    kelvin: float = 5500.0


@dataclass(frozen=True)
class World:
    """What the scene sits in: one colour, or a gradient over the view direction's height (a sky).

    `stops` are (position, linear colour), position 0 looking straight down, 1 straight up.
    """

    stops: tuple[tuple[float, Color], ...]
    strength: float


@dataclass(frozen=True, eq=False)
class ResolvedScene:
    scene_id: str
    seed: int
    objects: tuple[Node, ...]
    room: RoomShell
    lights: tuple[Light, ...]
    world: World
    exposure: float             # film exposure, stops
    cameras: tuple[CameraSpec, ...]

    def object(self, name: str) -> Node:
        return next(n for n in self.objects if n.name == name)


# --- resolving a spec -----------------------------------------------------------------------


def seeded_rng(seed: int, key: str) -> np.random.Generator:
    """A generator for one named thing of the scene: stable across runs (crc32, not hash())."""
    return np.random.default_rng([seed, zlib.crc32(key.encode())])


def _texture_offset(rng: np.random.Generator) -> Vec3:
    return tuple(float(v) for v in rng.uniform(-50.0, 50.0, size=3))  # type: ignore[return-value]


def objects_bounds(spec: SceneSpec, assets: dict[str, Asset]) -> tuple[np.ndarray, np.ndarray]:
    """World axis-aligned box of all posed objects."""
    corners = []
    for obj in spec.objects:
        asset = assets.get(obj.id)
        if asset is None or obj.position is None:
            continue
        corners += list(world_bbox(obj, asset))
    if not corners:
        return np.zeros(3), np.ones(3)
    pts = np.array(corners)
    return pts.min(axis=0), pts.max(axis=0)


def room_size(spec: SceneSpec, assets: dict[str, Asset]) -> Vec3:
    """spec.room.size, or (when unset) a room centred on the origin that holds every object with margin."""
    if spec.room.size is not None:
        return tuple(float(v) for v in spec.room.size)  # type: ignore[return-value]
    lo, hi = objects_bounds(spec, assets)
    half_x = max(abs(lo[0]), abs(hi[0]))
    half_y = max(abs(lo[1]), abs(hi[1]))
    return (max(2 * half_x + 2.0, 3.0), max(2 * half_y + 2.0, 3.0), max(hi[2] + 0.8, 2.6))


def _check_resolved(spec: SceneSpec, assets: dict[str, Asset]) -> None:
    for i, obj in enumerate(spec.objects):
        if obj.position is None:
            raise FyiError(f"objects[{i}] ({obj.id}): no position; the spec must be resolved before rendering")
        if obj.instance_id is None:
            raise FyiError(f"objects[{i}] ({obj.id}): no instance_id; the spec must be resolved before rendering")
        if obj.id not in assets:
            raise FyiError(f"objects[{i}] ({obj.id}): no asset to render")
        if not any(len(p.mesh.faces) for p in assets[obj.id].parts):
            raise FyiError(f"objects[{i}] ({obj.id}): its asset has no geometry")


def _part_names(object_id: str, parts: list[Part]) -> list[str]:
    """'<object>/<part>', made unique by the part's index where an asset repeats a part name."""
    names, seen = [], set()
    for i, part in enumerate(parts):
        name = f"{object_id}/{part.name}"
        if name in seen:
            name = f"{object_id}/{part.name}_{i}"
        seen.add(name)
        names.append(name)
    return names


def _object_node(spec: SceneSpec, index: int, asset: Asset) -> Node:
    obj = spec.objects[index]
    rng = seeded_rng(spec.seed, obj.id)  # one texture offset per part, drawn in part order
    parts = [p for p in asset.parts if len(p.mesh.faces)]
    meshes = tuple(
        Mesh(name, np.array(part.mesh.vertices, dtype=np.float64), np.array(part.mesh.faces, dtype=np.int64),
             Material(name, material_kind(part.material), (tuple(float(c) for c in part.color[:3]),),
                      roughness=part.roughness, texture_offset=_texture_offset(rng)))
        for name, part in zip(_part_names(obj.id, parts), parts))
    return Node(obj.id, meshes, position=tuple(obj.position), rotation=tuple(obj.rotation),
                scale=tuple(obj.scale), instance_id=obj.instance_id, smooth=True)


def _quad(name: str, corners: list[Vec3], inward: Vec3, material: Material) -> Node:
    """A room piece of two triangles over four corners (in order around the quad), facing `inward`."""
    v = np.asarray(corners, dtype=float)
    faces = np.array([[0, 1, 2], [0, 2, 3]])
    if np.dot(np.cross(v[1] - v[0], v[2] - v[0]), inward) < 0:
        faces = faces[:, ::-1]
    return Node(name, (Mesh(name, v, faces, material),))


def _room(spec: SceneSpec, size: Vec3) -> RoomShell:
    room = spec.room
    w, d, h = size
    rng = seeded_rng(spec.seed, "room")  # the floor's texture, then the walls' paint and texture
    surface = floor_surface(room)
    kind, tones = SURFACES[surface]
    floor_material = Material(surface, kind, tones, texture_offset=_texture_offset(rng))
    if room.type == "outdoors":
        half = max(40.0, 4.0 * max(w, d))
        ground = _quad("ground", [(-half, -half, 0), (half, -half, 0), (half, half, 0), (-half, half, 0)],
                       (0, 0, 1), floor_material)
        return RoomShell(room.type, size, ground)
    x, y = w / 2, d / 2
    floor = _quad("floor", [(-x, -y, 0), (x, -y, 0), (x, y, 0), (-x, y, 0)], (0, 0, 1), floor_material)
    if not room.walls:
        return RoomShell(room.type, size, floor)
    palette = wall_paints(room)
    paint = palette[int(rng.integers(len(palette)))]
    paint_material = Material("wall_paint", "paint", (paint,), texture_offset=_texture_offset(rng), one_sided=True)
    walls = {
        "wall_back": ([(-x, y, 0), (x, y, 0), (x, y, h), (-x, y, h)], (0, -1, 0)),
        "wall_front": ([(-x, -y, 0), (x, -y, 0), (x, -y, h), (-x, -y, h)], (0, 1, 0)),
        "wall_left": ([(-x, -y, 0), (-x, y, 0), (-x, y, h), (-x, -y, h)], (1, 0, 0)),
        "wall_right": ([(x, -y, 0), (x, y, 0), (x, y, h), (x, -y, h)], (-1, 0, 0)),
    }
    return RoomShell(room.type, size, floor,
                     tuple(_quad(name, corners, inward, paint_material) for name, (corners, inward) in walls.items()))


def _vec(v) -> Vec3:
    return tuple(float(c) for c in v)  # type: ignore[return-value]


def _lighting(spec: SceneSpec, size: Vec3, lo: np.ndarray, hi: np.ndarray) -> tuple[tuple[Light, ...], World]:
    """Lights that suit the room: sun and sky outdoors, a three-light rig in a studio, ceiling panels indoors."""
    w, d, h = size
    target = (lo + hi) / 2
    if spec.room.type == "outdoors":
        rng = seeded_rng(spec.seed, "sun")
        azimuth = rng.uniform(-math.pi * 0.75, -math.pi * 0.25)  # from the front half, sideways
        elevation = math.radians(rng.uniform(40.0, 60.0))
        sun_dir = np.array([math.cos(azimuth) * math.cos(elevation), math.sin(azimuth) * math.cos(elevation),
                            math.sin(elevation)])
        sun = Light("sun", "sun", _vec(target + 10 * sun_dir), _vec(target), energy=3.5, size=2.0, kelvin=5800)
        # Earthy below the horizon, pale at it, blue at the zenith.
        sky = World(((0.45, (0.30, 0.28, 0.25)), (0.5, (0.75, 0.82, 0.92)), (1.0, (0.18, 0.38, 0.85))), 1.0)
        return (sun,), sky
    if spec.room.type in STUDIO_ROOMS:
        extent = float(np.linalg.norm(hi - lo))
        r = min(max(1.2 * extent, 1.5), 0.48 * min(w, d) * math.sqrt(2))
        rigs = {  # name: (azimuth from +x, elevation, share of key energy, kelvin)
            "key": (-135.0, 40.0, 1.0, 5200.0),
            "fill": (-30.0, 20.0, 0.35, 6500.0),
            "rim": (80.0, 55.0, 0.6, 6000.0),
        }
        lights = []
        for name, (az, el, share, kelvin) in rigs.items():
            a, e = math.radians(az), math.radians(el)
            pos = target + r * np.array([math.cos(a) * math.cos(e), math.sin(a) * math.cos(e), math.sin(e)])
            pos[2] = min(pos[2], h - 0.05)
            lights.append(Light(name, "area", _vec(pos), _vec(target), energy=share * 12.0 * r * r,
                                size=max(0.5 * r, 0.5), kelvin=kelvin))
        return tuple(lights), World(((0.0, (0.55, 0.57, 0.60)),), 0.35)
    # Indoors: ceiling panels along the long side, plus a soft sky-coloured fill from outside.
    long_x = w >= d
    n = 2 if max(w, d) > 4.5 else 1
    length = max(w, d)
    lights = []
    for i in range(n):
        along = (i + 0.5) / n * length - length / 2
        pos = (along, 0.0, h - 0.05) if long_x else (0.0, along, h - 0.05)
        sx = min(max(0.3 * (w / n if long_x else w), 0.6), 2.0)
        sy = min(max(0.3 * (d if long_x else d / n), 0.6), 2.0)
        lights.append(Light(f"ceiling_{i}", "area", _vec(pos), _vec((pos[0], pos[1], 0.0)),
                            energy=5.0 * w * d / n, size=sx, size_y=sy, kelvin=4800.0))
    return tuple(lights), World(((0.0, (0.62, 0.66, 0.72)),), 0.5)


def resolve(spec: SceneSpec, assets: dict[str, Asset]) -> ResolvedScene:
    """The scene description every backend reads (module docstring). Same spec and assets, same scene."""
    _check_resolved(spec, assets)
    size = room_size(spec, assets)
    lights, world = _lighting(spec, size, *objects_bounds(spec, assets))
    return ResolvedScene(
        scene_id=spec.scene_id, seed=spec.seed,
        objects=tuple(_object_node(spec, i, assets[o.id]) for i, o in enumerate(spec.objects)),
        room=_room(spec, size), lights=lights, world=world,
        exposure=EXPOSURE.get(spec.room.type, 0.0), cameras=tuple(spec.cameras))
