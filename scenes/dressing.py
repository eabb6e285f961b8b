"""Dressing: the random choices that make a room a place, drawn from the seed and kept in the spec.

`dress(spec)` fills what the spec leaves open: the outdoor setting (street, park, beach...), the
room's `Finish` (floor, wall paint or wallpaper, skirting, ceiling, windows, ceiling lights) and its
`Lighting` (time of day, the sun's direction, the lamps' colour temperature and strength). What the
spec already says is kept, so a scene.yaml written after dressing renders the same picture again, and
a hand-written spec without them is dressed the same way at render time. Everything here is data
drawn from tables; render/scene.py turns it into surfaces and lights.
"""
from __future__ import annotations

import math
import zlib

import numpy as np

from fyi.scenes.spec import Finish, Lighting, Room, SceneSpec, Window

Color = tuple[float, float, float]

# Rooms that are a photographer's studio, not a place: a grey floor and walls, a three-light rig.
STUDIO_ROOMS = ("empty_room", "studio")

# Interior size ranges (width x, depth y, height z: (min, max) metres) per room type, drawn under the
# seed; the layout grows the room past them when the objects need more floor.
ROOM_SIZE_RANGES: dict[str, tuple[tuple[float, float], tuple[float, float], tuple[float, float]]] = {
    "living_room": ((4.5, 6.0), (4.0, 5.0), (2.6, 2.9)), "bedroom": ((3.8, 5.0), (3.5, 4.5), (2.5, 2.8)),
    "kitchen": ((3.8, 5.0), (3.2, 4.2), (2.5, 2.8)), "office": ((3.6, 4.6), (3.2, 4.2), (2.6, 2.9)),
    "bathroom": ((2.6, 3.4), (2.2, 3.0), (2.4, 2.6)), "dining_room": ((4.0, 5.2), (3.6, 4.6), (2.6, 2.9)),
    "classroom": ((7.0, 9.0), (6.0, 8.0), (2.9, 3.3)), "generic_room": ((3.8, 5.0), (3.4, 4.4), (2.6, 2.9)),
    "empty_room": ((4.0, 4.0), (3.6, 3.6), (2.7, 2.7)), "studio": ((4.0, 4.0), (3.6, 3.6), (2.7, 2.7)),
    "outdoors": ((12.0, 12.0), (10.0, 10.0), (8.0, 8.0)),
}

# Floors each room type may get (names of render.scene.SURFACES).
PLANKS = ("oak_planks", "walnut_planks", "pine_wide_planks")
TILES = ("light_tiles", "small_white_tiles", "terracotta_tiles")
CARPETS = ("carpet", "grey_carpet")
ROOM_FLOORS: dict[str, tuple[str, ...]] = {
    "living_room": PLANKS + CARPETS, "bedroom": PLANKS + CARPETS, "office": PLANKS + ("grey_carpet", "concrete"),
    "dining_room": PLANKS + ("terracotta_tiles",), "kitchen": TILES + ("oak_planks", "concrete"),
    "bathroom": TILES, "classroom": ("grey_carpet", "concrete", "oak_planks"),
    "generic_room": PLANKS + CARPETS + ("concrete",),
}
# A ground the instruction names wins over the room's own floors: the floors it may be.
FLOORS_BY_GROUND: dict[str, tuple[str, ...]] = {
    "grass": ("grass", "meadow"), "sand": ("sand",), "snow": ("snow",), "asphalt": ("asphalt",),
    "concrete": ("concrete",), "carpet": CARPETS, "wood": PLANKS, "tiles": TILES,
}
# Outdoors: the settings a ground allows, and each setting's own ground.
SETTINGS_BY_GROUND: dict[str | None, tuple[str, ...]] = {
    None: ("park", "field", "street", "beach", "snow", "parking_lot"), "grass": ("park", "field"),
    "sand": ("beach",), "snow": ("snow",), "asphalt": ("street", "parking_lot"), "concrete": ("street", "parking_lot"),
    "carpet": ("park",), "wood": ("park",), "tiles": ("street",),
}
SETTING_FLOORS = {"street": "road", "parking_lot": "parking", "park": "grass", "field": "meadow", "beach": "sand",
                  "snow": "snow"}
# Wall finishes per room type, and the paints (sRGB): light, near-neutral colours that keep the light white.
WALL_FINISHES: dict[str, tuple[str, ...]] = {
    "living_room": ("paint", "paint", "stripes", "damask"), "bedroom": ("paint", "stripes", "damask"),
    "dining_room": ("paint", "stripes", "damask"), "generic_room": ("paint", "paint", "stripes"),
}
WALL_PAINTS: dict[str, tuple[Color, ...]] = {
    "warm": ((0.93, 0.90, 0.84), (0.90, 0.86, 0.78), (0.88, 0.84, 0.80), (0.86, 0.83, 0.76)),
    "cool": ((0.90, 0.92, 0.93), (0.84, 0.88, 0.90), (0.86, 0.89, 0.85), (0.92, 0.92, 0.90)),
    "neutral": ((0.80, 0.80, 0.80), (0.72, 0.72, 0.73)),
}
COOL_ROOMS = ("kitchen", "bathroom", "office", "classroom")
WINDOWS = {"classroom": (2, 3), "bathroom": (1, 1)}  # (fewest, most); other rooms 1 or 2
LAMP_KELVIN = (4000.0, 6500.0)  # near neutral: requested colours stay nameable from the pixels
LIGHT_STRENGTH = (0.85, 1.2)


def seeded_rng(seed: int, key: str) -> np.random.Generator:
    """A generator for one named thing of the scene: stable across runs (crc32, not hash())."""
    return np.random.default_rng([seed, zlib.crc32(key.encode())])


def room_base_size(room_type: str, seed: int) -> tuple[float, float, float]:
    """The room type's size drawn from ROOM_SIZE_RANGES under the seed (before the objects grow it)."""
    rng = seeded_rng(seed, "room_size")
    ranges = ROOM_SIZE_RANGES.get(room_type, ROOM_SIZE_RANGES["generic_room"])
    return tuple(round(float(rng.uniform(lo, hi)), 2) for lo, hi in ranges)  # type: ignore[return-value]


def _choice(rng: np.random.Generator, options) -> str:
    return options[int(rng.integers(len(options)))]


def sun_elevation(hour: float) -> float:
    """Degrees above the horizon at this hour on a mid-latitude spring day (noon highest)."""
    return 8.0 + 57.0 * math.sin(math.pi * (hour - 6.0) / 12.0)


def dress(spec: SceneSpec, size: tuple[float, float, float] | None = None) -> SceneSpec:
    """The spec with its room dressed (module docstring); `size` when the spec's room has none yet."""
    room = dress_room(spec.room, spec.seed, size)
    return spec if room == spec.room else spec.model_copy(update={"room": room})


def dress_room(room: Room, seed: int, size: tuple[float, float, float] | None = None) -> Room:
    update: dict = {}
    if room.type == "outdoors" and room.setting is None:
        update["setting"] = _choice(seeded_rng(seed, "setting"), SETTINGS_BY_GROUND[room.ground])
    setting = update.get("setting", room.setting)
    if room.finish is None:
        update["finish"] = _finish(room, setting, seed, size or room.size or (4.0, 3.6, 2.7))
    if room.lighting is None:
        update["lighting"] = _lighting(room, seed)
    return room.model_copy(update=update) if update else room


def _finish(room: Room, setting: str | None, seed: int, size) -> Finish:
    rng = seeded_rng(seed, f"finish/{room.type}")  # a kitchen and a bedroom of one seed differ
    if room.type == "outdoors":
        floor = SETTING_FLOORS[setting] if room.ground in (None, *_SETTING_GROUNDS[setting]) \
            else _choice(rng, FLOORS_BY_GROUND[room.ground])
        return Finish(floor=floor, skirting=False, ceiling=False, ceiling_lights=0)
    if room.type in STUDIO_ROOMS:
        floor = "studio_grey" if room.ground is None else _choice(rng, FLOORS_BY_GROUND[room.ground])
        return Finish(floor=floor, wall_color=WALL_PAINTS["neutral"][int(rng.integers(2))], skirting=False,
                      ceiling=False, ceiling_lights=0)
    floors = FLOORS_BY_GROUND[room.ground] if room.ground else ROOM_FLOORS.get(room.type, ROOM_FLOORS["generic_room"])
    floor = _choice(rng, floors)
    wall = _choice(rng, WALL_FINISHES.get(room.type, ("paint",)))
    paints = WALL_PAINTS["cool" if room.type in COOL_ROOMS else "warm"]
    color = paints[int(rng.integers(len(paints)))]
    pattern = tuple(round(c * float(rng.uniform(0.82, 0.9)), 3) for c in color)
    w, d, h = size
    lights = 1 if max(w, d) <= 4.5 else 2 if max(w, d) <= 7.0 else 4
    return Finish(floor=floor, wall=wall, wall_color=color, pattern_color=pattern,
                  windows=_windows(room.type, rng, size) if room.walls else [], ceiling_lights=lights,
                  ceiling=room.walls)


# The grounds an outdoor setting is made of (a named ground outside them keeps its own floor).
_SETTING_GROUNDS = {"street": ("asphalt", "concrete"), "parking_lot": ("asphalt", "concrete"), "park": ("grass",),
                    "field": ("grass",), "beach": ("sand",), "snow": ("snow",)}


def _windows(room_type: str, rng: np.random.Generator, size) -> list[Window]:
    """Windows on the back and side walls (the front wall is behind the cameras), one wall each."""
    w, d, h = size
    fewest, most = WINDOWS.get(room_type, (1, 2))
    count = int(rng.integers(fewest, most + 1))
    walls = ["back", "left", "right"]
    rng.shuffle(walls)
    windows = []
    for wall in walls[:count]:
        length = w if wall == "back" else d
        width = min(float(rng.uniform(0.9, 1.6)), length - 1.0)
        height = min(float(rng.uniform(1.1, 1.5)), h - 1.2)
        if width < 0.5 or height < 0.5:
            continue
        sill = min(float(rng.uniform(0.8, 1.0)), h - height - 0.25)
        room_left = length / 2 - width / 2 - 0.4
        along = float(rng.uniform(-room_left, room_left)) if room_left > 0 else 0.0
        windows.append(Window(wall=wall, along=round(along, 3), width=round(width, 3), height=round(height, 3),
                              sill=round(sill, 3)))
    return windows


def _lighting(room: Room, seed: int) -> Lighting:
    rng = seeded_rng(seed, "lighting")
    hour = float(rng.uniform(8.0, 17.0))
    elevation = sun_elevation(hour)
    if room.type == "outdoors":
        # The sun from the front half and sideways (the cameras look toward +y), never grazing.
        azimuth = float(rng.uniform(-135.0, -45.0))
        elevation = max(elevation, 25.0)
        kelvin = float(rng.uniform(5000.0, 6000.0))
    else:
        azimuth = float(rng.uniform(-180.0, 180.0))
        kelvin = float(rng.uniform(*LAMP_KELVIN))
    return Lighting(hour=round(hour, 2), sun_azimuth=round(azimuth, 1), sun_elevation=round(elevation, 1),
                    kelvin=round(kelvin), strength=round(float(rng.uniform(*LIGHT_STRENGTH)), 3))
