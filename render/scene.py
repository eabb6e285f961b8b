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
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

import numpy as np

from fyi.assets.color import srgb_to_linear
from fyi.assets.model import Asset, Part
from fyi.assets.style import material_kind
from fyi.errors import FyiError
from fyi.scenes.geometry import pose_matrix, world_bbox
from fyi.scenes.dressing import STUDIO_ROOMS, dress_room, seeded_rng
from fyi.scenes.spec import CameraSpec, Quat, Room, SceneSpec, Window

Color = tuple[float, float, float]
Vec3 = tuple[float, float, float]

# The base roughness of each material kind: Cycles' node recipes start from it and glTF writes it.
ROUGHNESS = {
    "wood": 0.42, "metal": 0.25, "fabric": 0.92, "leather": 0.45, "ceramic": 0.12, "glass": 0.04,
    "plastic": 0.35, "rubber": 0.85, "stone": 0.55, "paper": 0.95, "fur": 1.0, "food": 0.6,
    "foliage": 0.5, "emissive": 0.4, "painted": 0.3,
    # room surfaces: floor planks, glossy tiles (the grout is rougher), a matte studio floor, carpet
    # pile, patchy outdoor ground, asphalt with road or parking markings, wall paint and wallpapers,
    # a window's daylit pane, a ceiling lamp's diffuser
    "planks": 0.35, "tiles": 0.12, "matte": 0.6, "carpet": 0.95, "patchy": 0.9, "road": 0.85, "parking": 0.85,
    "paint": 0.85, "stripes": 0.8, "damask": 0.8, "window": 0.05, "lamp": 0.5,
}


@dataclass(frozen=True)
class Surface:
    """A room surface: its node recipe, its tones (sRGB; the first is the base colour) and the size of
    its pattern (a plank's width, a tile's side, a stripe's width: metres)."""

    kind: str
    tones: tuple[Color, ...]
    scale: float = 1.0


# Room surfaces by name (scenes.spec.FloorFinish): a new floor or ground is a new row here; a new
# look, a new recipe in render/materials.py.
SURFACES: dict[str, Surface] = {
    "oak_planks": Surface("planks", ((0.58, 0.43, 0.29), (0.45, 0.32, 0.21)), 0.14),  # light and dark boards
    "walnut_planks": Surface("planks", ((0.42, 0.29, 0.19), (0.33, 0.22, 0.14)), 0.12),
    "pine_wide_planks": Surface("planks", ((0.72, 0.58, 0.40), (0.62, 0.48, 0.32)), 0.22),
    "light_tiles": Surface("tiles", ((0.86, 0.85, 0.82), (0.80, 0.80, 0.78), (0.55, 0.55, 0.53)), 0.45),  # tiles, grout
    "small_white_tiles": Surface("tiles", ((0.88, 0.88, 0.87), (0.84, 0.85, 0.85), (0.60, 0.60, 0.60)), 0.15),
    "terracotta_tiles": Surface("tiles", ((0.62, 0.36, 0.24), (0.56, 0.32, 0.21), (0.70, 0.66, 0.60)), 0.33),
    "carpet": Surface("carpet", ((0.55, 0.47, 0.40), (0.50, 0.43, 0.37))),  # a wool carpet's pile
    "grey_carpet": Surface("carpet", ((0.45, 0.46, 0.48), (0.40, 0.41, 0.43))),
    "concrete": Surface("matte", ((0.62, 0.61, 0.58),)),
    "studio_grey": Surface("matte", ((0.55, 0.55, 0.56),)),
    "grass": Surface("patchy", ((0.36, 0.52, 0.20), (0.45, 0.40, 0.26))),  # grass, bare earth
    "meadow": Surface("patchy", ((0.42, 0.55, 0.22), (0.52, 0.52, 0.25))),  # grass, dry grass
    "sand": Surface("patchy", ((0.86, 0.77, 0.58), (0.78, 0.68, 0.49))),  # dry and damp sand
    "snow": Surface("patchy", ((0.84, 0.86, 0.90), (0.74, 0.77, 0.82))),  # fresh and trodden snow (not blown out)
    "asphalt": Surface("matte", ((0.22, 0.22, 0.23),)),
    # asphalt and its paint: a dashed centre line and edge lines 3.5 m out (a lane's width)
    "road": Surface("road", ((0.22, 0.22, 0.23), (0.85, 0.85, 0.82)), 3.5),
    # asphalt and its paint: parking stalls 2.5 m wide
    "parking": Surface("parking", ((0.25, 0.25, 0.26), (0.85, 0.85, 0.82)), 2.5),
}
SKIRTING = Surface("paint", ((0.92, 0.91, 0.88),))
CEILING = Surface("paint", ((0.93, 0.93, 0.92),))
WINDOW_FRAME = Surface("paint", ((0.94, 0.94, 0.93),))
WINDOW_PANE = Surface("window", ((0.80, 0.88, 1.0),))  # daylight seen through the glass
LAMP = Surface("lamp", ((1.0, 1.0, 1.0),))
WALLPAPER_SCALE = {"stripes": 0.12, "damask": 0.25}
# Film exposure (stops) by floor: light tiles bounce more light around than wood floors, and snow and
# sand in the sun would blow out.
EXPOSURE = {"light_tiles": -0.6, "small_white_tiles": -0.6, "snow": -0.8, "sand": -0.3}


def floor_surface(room: Room, seed: int = 0) -> str:
    """The surface (a key of SURFACES) of the room's floor, or of the ground outdoors: the dressing's.

    A ground the spec names (grass, sand, snow...) wins over the room type's own floors.
    """
    return dress_room(room, seed).finish.floor


# --- the description ------------------------------------------------------------------------


@dataclass(frozen=True)
class Material:
    name: str
    kind: str                       # the recipe: a material kind (assets.style.KINDS) or a surface recipe
    tones: tuple[Color, ...]        # sRGB 0..1; tones[0] is the base colour, the others a pattern's
    roughness: float | None = None  # the asset's own; None = the kind's (ROUGHNESS)
    texture_offset: Vec3 = (0.0, 0.0, 0.0)  # seeded shift of the procedural texture, metres
    scale: float = 1.0              # a room surface's pattern size, metres (Surface.scale)
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
    ceiling: Node | None = None  # one-sided, facing down: a camera above the room sees through it
    fittings: tuple[Node, ...] = ()  # skirting boards, windows (frame and pane), ceiling lamps
    setting: str | None = None   # outdoors: street, park, beach...

    @property
    def nodes(self) -> tuple[Node, ...]:
        return (self.floor, *self.walls, *((self.ceiling,) if self.ceiling else ()), *self.fittings)


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
class Sky:
    """A physical daylight sky (Blender's Nishita model) for the sun at this direction, in degrees."""

    sun_elevation: float
    sun_azimuth: float          # from +x toward +y, as the sun light's
    strength: float


@dataclass(frozen=True)
class World:
    """What the scene sits in: one colour, or a gradient over the view direction's height (a sky).

    `stops` are (position, linear colour), position 0 looking straight down, 1 straight up; a backend
    that can draw a physical `sky` draws it instead (the stops are its plain stand-in).
    """

    stops: tuple[tuple[float, Color], ...]
    strength: float
    sky: Sky | None = None


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


def _material(name: str, surface: Surface, rng: np.random.Generator | None = None, *,
              one_sided: bool = False) -> Material:
    offset = _texture_offset(rng) if rng is not None else (0.0, 0.0, 0.0)
    return Material(name, surface.kind, surface.tones, texture_offset=offset, scale=surface.scale,
                    one_sided=one_sided)


# The ground outdoors: a disc this wide around the origin (inside the cameras' 1000 m clip), with a
# rim standing up to the highest camera's eye height, so every ray below the horizon meets ground.
GROUND_RADIUS = 900.0
GROUND_SIDES = 48


def _ground(material: Material, rim_height: float) -> Node:
    a = np.linspace(0.0, 2 * np.pi, GROUND_SIDES, endpoint=False)
    ring = np.stack([GROUND_RADIUS * np.cos(a), GROUND_RADIUS * np.sin(a), np.zeros_like(a)], axis=1)
    top = ring + [0.0, 0.0, rim_height]
    vertices = np.concatenate([[[0.0, 0.0, 0.0]], ring, top])
    i = np.arange(GROUND_SIDES)
    j = (i + 1) % GROUND_SIDES
    fan = np.stack([np.zeros_like(i), 1 + i, 1 + j], axis=1)  # counter-clockwise from above: facing up
    # The rim faces the centre: (ring i, top j, ring j) and (ring i, top i, top j).
    rim = np.concatenate([np.stack([1 + i, 1 + GROUND_SIDES + j, 1 + j], axis=1),
                          np.stack([1 + i, 1 + GROUND_SIDES + i, 1 + GROUND_SIDES + j], axis=1)])
    return Node("ground", (Mesh("ground", vertices, np.concatenate([fan, rim]), material),))


# The walls: corners of the quad (given w/2, d/2, h), the inward normal, and where a point `along` the
# wall at height z lies, `inset` metres into the room.
_WALLS = {
    "back": (lambda x, y, h: [(-x, y, 0), (x, y, 0), (x, y, h), (-x, y, h)], (0, -1, 0),
             lambda x, y, along, z, inset: (along, y - inset, z)),
    "front": (lambda x, y, h: [(-x, -y, 0), (x, -y, 0), (x, -y, h), (-x, -y, h)], (0, 1, 0),
              lambda x, y, along, z, inset: (-along, -y + inset, z)),
    "left": (lambda x, y, h: [(-x, -y, 0), (-x, y, 0), (-x, y, h), (-x, -y, h)], (1, 0, 0),
             lambda x, y, along, z, inset: (-x + inset, along, z)),
    "right": (lambda x, y, h: [(x, -y, 0), (x, y, 0), (x, y, h), (x, -y, h)], (-1, 0, 0),
              lambda x, y, along, z, inset: (x - inset, -along, z)),
}


def _on_wall(name: str, wall: str, x: float, y: float, a0: float, a1: float, z0: float, z1: float,
             inset: float, material: Material) -> Node:
    """A one-sided quad on a wall, from a0 to a1 along it and z0 to z1 up it, `inset` metres in front."""
    _, inward, at = _WALLS[wall]
    corners = [at(x, y, a0, z0, inset), at(x, y, a1, z0, inset), at(x, y, a1, z1, inset), at(x, y, a0, z1, inset)]
    return _quad(name, corners, inward, material)


WALL_LENGTH = {"back": 0, "front": 0, "left": 1, "right": 1}  # which room size a wall runs along
FRAME = 0.06  # a window frame's width, metres


def _window(index: int, window: Window, x: float, y: float, size: Vec3, pane: Material,
            frame: Material) -> tuple[Node, ...]:
    """A window's pane (daylight) and its frame with a middle bar, clipped to its wall."""
    half_wall = size[WALL_LENGTH[window.wall]] / 2 - FRAME
    a0, a1 = max(window.along - window.width / 2, -half_wall), min(window.along + window.width / 2, half_wall)
    z0, z1 = min(window.sill, size[2] - 2 * FRAME), min(window.sill + window.height, size[2] - FRAME)
    name = f"window_{index}"
    mid = (a0 + a1) / 2
    bars = {"top": (a0, a1, z1 - FRAME, z1), "bottom": (a0, a1, z0, z0 + FRAME), "left": (a0, a0 + FRAME, z0, z1),
            "right": (a1 - FRAME, a1, z0, z1), "middle": (mid - FRAME / 2, mid + FRAME / 2, z0, z1)}
    return (_on_wall(f"{name}_pane", window.wall, x, y, a0, a1, z0, z1, 0.004, pane),
            *(_on_wall(f"{name}_frame_{k}", window.wall, x, y, *b, 0.008, frame) for k, b in bars.items()))


def ceiling_lamps(size: Vec3, count: int) -> list[tuple[Vec3, float, float]]:
    """Where the ceiling lamps hang and their panel size: (centre, width x, depth y), along the long side."""
    w, d, h = size
    if count <= 0:
        return []
    rows = 2 if count >= 4 else 1
    per_row = count // rows
    long_x = w >= d
    length, across = (w, d) if long_x else (d, w)
    lamps = []
    for r in range(rows):
        a = (r + 0.5) / rows * across - across / 2
        for i in range(per_row):
            along = (i + 0.5) / per_row * length - length / 2
            s_along = min(max(0.3 * length / per_row, 0.6), 2.0)
            s_across = min(max(0.3 * across / rows, 0.6), 2.0)
            pos = (along, a, h) if long_x else (a, along, h)
            lamps.append((pos, s_along, s_across) if long_x else (pos, s_across, s_along))
    return lamps


def _room(spec: SceneSpec, size: Vec3, room: Room) -> RoomShell:
    w, d, h = size
    finish = room.finish
    rng = seeded_rng(spec.seed, "room")  # the floor's texture, then the walls' texture
    floor_material = _material(finish.floor, SURFACES[finish.floor], rng)
    if room.type == "outdoors":
        rim = max([2.0, *(float(c.c2w[2][3]) + 0.05 for c in spec.cameras)])
        return RoomShell(room.type, size, _ground(floor_material, rim), setting=room.setting)
    x, y = w / 2, d / 2
    floor = _quad("floor", [(-x, -y, 0), (x, -y, 0), (x, y, 0), (-x, y, 0)], (0, 0, 1), floor_material)
    if not room.walls:
        return RoomShell(room.type, size, floor)
    wall_surface = Surface(finish.wall, (tuple(finish.wall_color), tuple(finish.pattern_color)),
                           WALLPAPER_SCALE.get(finish.wall, 1.0))
    wall_material = _material(f"wall_{finish.wall}", wall_surface, rng, one_sided=True)
    walls = tuple(_quad(f"wall_{name}", corners(x, y, h), inward, wall_material)
                  for name, (corners, inward, _) in _WALLS.items())
    ceiling = None
    fittings: list[Node] = []
    if finish.ceiling:
        ceiling = _quad("ceiling", [(-x, -y, h), (x, -y, h), (x, y, h), (-x, y, h)], (0, 0, -1),
                        _material("ceiling", CEILING, one_sided=True))
        lamp = _material("ceiling_lamp", LAMP, one_sided=True)
        for i, ((cx, cy, _), sx, sy) in enumerate(ceiling_lamps(size, finish.ceiling_lights)):
            fx, fy = LAMP_SHADE * sx / 2, LAMP_SHADE * sy / 2  # the diffuser, smaller than the light's spread
            fittings.append(_quad(f"lamp_{i}", [(cx - fx, cy - fy, h - 0.01), (cx + fx, cy - fy, h - 0.01),
                                                 (cx + fx, cy + fy, h - 0.01), (cx - fx, cy + fy, h - 0.01)],
                                  (0, 0, -1), lamp))
    if finish.skirting:
        board = _material("skirting", SKIRTING, one_sided=True)
        for name in _WALLS:
            half = size[WALL_LENGTH[name]] / 2
            fittings.append(_on_wall(f"skirting_{name}", name, x, y, -half, half, 0.0, 0.08, 0.006, board))
    pane, frame = _material("window_pane", WINDOW_PANE, one_sided=True), _material(
        "window_frame", WINDOW_FRAME, one_sided=True)
    for i, window in enumerate(finish.windows):
        fittings.extend(_window(i, window, x, y, size, pane, frame))
    return RoomShell(room.type, size, floor, walls, ceiling, tuple(fittings))


def _vec(v) -> Vec3:
    return tuple(float(c) for c in v)  # type: ignore[return-value]


def _direction(azimuth: float, elevation: float) -> np.ndarray:
    a, e = math.radians(azimuth), math.radians(elevation)
    return np.array([math.cos(a) * math.cos(e), math.sin(a) * math.cos(e), math.sin(e)])


def _lighting(spec: SceneSpec, room: Room, size: Vec3, lo: np.ndarray,
              hi: np.ndarray) -> tuple[tuple[Light, ...], World]:
    """Lights that suit the room: sun and sky outdoors, a three-light rig in a studio, ceiling lamps and
    daylight through the windows indoors; their direction, colour and strength are the room's Lighting."""
    w, d, h = size
    target = (lo + hi) / 2
    lighting = room.lighting
    if room.type == "outdoors":
        sun_dir = _direction(lighting.sun_azimuth, lighting.sun_elevation)
        sun = Light("sun", "sun", _vec(target + 10 * sun_dir), _vec(target), energy=3.5 * lighting.strength,
                    size=2.0, kelvin=lighting.kelvin)
        # Earthy below the horizon, pale at it, blue at the zenith: the stand-in of the physical sky.
        sky = World(((0.45, (0.30, 0.28, 0.25)), (0.5, (0.75, 0.82, 0.92)), (1.0, (0.18, 0.38, 0.85))), 1.0,
                    Sky(lighting.sun_elevation, lighting.sun_azimuth, SKY_STRENGTH))
        return (sun,), sky
    if room.type in STUDIO_ROOMS:
        extent = float(np.linalg.norm(hi - lo))
        r = min(max(1.2 * extent, 1.5), 0.48 * min(w, d) * math.sqrt(2))
        rigs = {  # name: (azimuth from +x, elevation, share of key energy, kelvin)
            "key": (-135.0, 40.0, 1.0, 5200.0),
            "fill": (-30.0, 20.0, 0.35, 6500.0),
            "rim": (80.0, 55.0, 0.6, 6000.0),
        }
        lights = []
        for name, (az, el, share, kelvin) in rigs.items():
            pos = target + r * _direction(az, el)
            pos[2] = min(pos[2], h - 0.05)
            lights.append(Light(name, "area", _vec(pos), _vec(target), energy=share * 12.0 * r * r,
                                size=max(0.5 * r, 0.5), kelvin=kelvin))
        return tuple(lights), World(((0.0, (0.55, 0.57, 0.60)),), 0.35)
    # Indoors: the ceiling lamps, in the lamps' colour, and daylight through each window.
    finish = room.finish
    lamps = ceiling_lamps(size, finish.ceiling_lights if room.walls else max(finish.ceiling_lights, 1))
    lights = [Light(f"ceiling_{i}", "area", (cx, cy, h - 0.05), (cx, cy, 0.0),
                    energy=LAMP_WATTS_PER_M2 * w * d / len(lamps) * lighting.strength, size=sx, size_y=sy,
                    kelvin=lighting.kelvin)
              for i, ((cx, cy, _), sx, sy) in enumerate(lamps)]
    x, y = w / 2, d / 2
    for i, window in enumerate(finish.windows if room.walls else ()):
        _, inward, at = _WALLS[window.wall]
        centre = np.array(at(x, y, window.along, window.sill + window.height / 2, 0.05))
        # Daylight falls in and down, steeper the higher the sun.
        down = math.tan(math.radians(min(lighting.sun_elevation, 60.0)))
        aim = centre + np.array(inward, dtype=float) - [0.0, 0.0, down]
        lights.append(Light(f"window_{i}", "area", _vec(centre), _vec(aim),
                            energy=WINDOW_WATTS_PER_M2 * window.width * window.height * lighting.strength,
                            size=window.width, size_y=window.height, kelvin=DAYLIGHT_KELVIN))
    return tuple(lights), World(((0.0, (0.62, 0.66, 0.72)),), 0.5)


SKY_STRENGTH = 0.1          # the Nishita sky's radiance is physical: scaled to the sun light's 3.5 W/m²
LAMP_WATTS_PER_M2 = 3.0     # ceiling lamps, per square metre of floor
WINDOW_WATTS_PER_M2 = 25.0  # daylight through a window, per square metre of glass
DAYLIGHT_KELVIN = 6500.0
LAMP_SHADE = 0.6            # a ceiling lamp's visible diffuser, as a share of its light's panel


def resolve(spec: SceneSpec, assets: dict[str, Asset]) -> ResolvedScene:
    """The scene description every backend reads (module docstring). Same spec and assets, same scene."""
    _check_resolved(spec, assets)
    size = room_size(spec, assets)
    room = dress_room(spec.room, spec.seed, size)  # what the spec leaves open, drawn as the Generator does
    lights, world = _lighting(spec, room, size, *objects_bounds(spec, assets))
    return ResolvedScene(
        scene_id=spec.scene_id, seed=spec.seed,
        objects=tuple(_object_node(spec, i, assets[o.id]) for i, o in enumerate(spec.objects)),
        room=_room(spec, size, room), lights=lights, world=world,
        exposure=EXPOSURE.get(room.finish.floor, 0.0) if room.type not in STUDIO_ROOMS else 0.0,
        cameras=tuple(spec.cameras))
