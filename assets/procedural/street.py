"""Street furniture at real size, faces toward -Y: traffic light, fire hydrant, stop sign, parking meter."""
from __future__ import annotations

import numpy as np

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.palette import DARK_METAL, METAL, WHITE
from fyi.assets.procedural.shapes import (box, cylinder, ellipsoid, jitter, lathe, make_asset, part, pick, polygon_plate,
                                          rod, superellipsoid, vary)

POLE_GREY = (0.55, 0.56, 0.58)
SIGN_RED = (0.78, 0.05, 0.05)


@category("traffic_light", size=((2.5, 4.5), (0.3, 0.6)), group="outdoor", placement="floor",
          synonyms=("traffic signal", "stoplight", "stop light", "traffic lights", "signal light"))
def traffic_light(rng: np.random.Generator) -> Asset:
    pole_h = vary(rng, 2.6, 0.1)
    lamp_r = vary(rng, 0.1, 0.1)
    pitch = lamp_r * 2.6
    head_h, head_w, head_d = pitch * 3 + 0.08, lamp_r * 2 + 0.12, 0.22
    pole = rod((0, 0, 0), (0, 0, pole_h), 0.055, 16)
    base = cylinder(0.14, 0.08, (0, 0, 0), 20)
    z0 = pole_h
    housing = superellipsoid((head_w / 2, head_d / 2, head_h / 2), (0, 0, z0 + head_h / 2), 0.25, 3)
    backplate = box((head_w + 0.16, 0.02, head_h + 0.12), (0, head_d / 2 + 0.02, z0 + head_h / 2))
    visors = []
    colours = ((0.95, 0.08, 0.05), (1.0, 0.7, 0.05), (0.1, 0.95, 0.3))
    lamp_parts = []
    for k, colour in enumerate(colours):
        z = z0 + head_h - 0.04 - pitch / 2 - k * pitch
        lamp = rod((0, -head_d / 2 + 0.01, z), (0, -head_d / 2 - 0.015, z), lamp_r, 24)
        lamp_parts.append((colour, lamp))
        hood = lathe([(lamp_r * 1.05, 0.0), (lamp_r * 1.12, 0.0), (lamp_r * 1.12, 0.12), (lamp_r * 1.05, 0.12)], 20)
        hood.apply_transform(np.array([[1, 0, 0, 0], [0, 0, -1, -head_d / 2], [0, 1, 0, z], [0, 0, 0, 1.0]]))
        # keep only the top half of the ring: a visor shading the lamp from above
        keep = hood.triangles_center[:, 2] > z
        hood.update_faces(keep)
        hood.remove_unreferenced_vertices()
        visors.append(hood)
    colour = jitter(rng, pick(rng, ((0.08, 0.08, 0.09), (0.08, 0.08, 0.09), (0.15, 0.25, 0.15), (0.85, 0.65, 0.1))), 0.02)
    parts = [part("traffic_light", [housing, backplate, *visors], "metal", colour, roughness=0.5),
             part("pole", [pole, base], "metal", POLE_GREY, role="detail")]
    for name, (c, lamp) in zip(("red_lamp", "amber_lamp", "green_lamp"), lamp_parts):
        parts.append(part(name, lamp, "emissive", c, role="detail"))
    return make_asset(parts, description="a traffic light: red, amber and green lamps in a dark housing on a pole")


@category("fire_hydrant", size=((0.5, 1.0), (0.25, 0.5)), group="outdoor", placement="floor", synonyms=("hydrant", "fireplug", "fire plug"))
def fire_hydrant(rng: np.random.Generator) -> Asset:
    h = vary(rng, 0.75, 0.1)
    r = h * vary(rng, 0.17, 0.08)
    profile = [(0.0, 0.0), (r * 1.55, 0.0), (r * 1.55, h * 0.06), (r * 1.15, h * 0.09), (r, h * 0.12), (r, h * 0.72),
               (r * 1.25, h * 0.74), (r * 1.25, h * 0.79), (r * 1.05, h * 0.8), (r * 0.95, h * 0.88), (r * 0.6, h * 0.94),
               (r * 0.2, h * 0.96), (0.0, h * 0.96)]
    body = lathe(profile, 32)
    nut = cylinder(r * 0.22, h * 0.05, (0, 0, h * 0.95), 5)
    nozzles, caps = [], []
    for x, y, rr in ((-1, 0, 0.4), (1, 0, 0.4), (0, -1, 0.55)):
        d = np.array([x, y, 0.0])
        c = np.array([0, 0, h * 0.55])
        nozzles.append(rod(c, c + d * r * 1.35, r * rr, 20))
        caps.append(rod(c + d * r * 1.3, c + d * r * 1.5, r * rr * 1.15, 6))
    chain_ring = cylinder(r * 1.03, h * 0.03, (0, 0, h * 0.45), 32)
    colour = jitter(rng, pick(rng, (SIGN_RED, SIGN_RED, (0.95, 0.75, 0.05), (0.85, 0.85, 0.2))), 0.03)
    cap_colour = pick(rng, (colour, WHITE, (0.2, 0.3, 0.6), METAL))
    parts = [part("fire_hydrant", [body, *nozzles], "metal", colour, roughness=0.5),
             part("caps", [*caps, nut, chain_ring], "metal", cap_colour, role="detail", roughness=0.5)]
    return make_asset(parts, description="a squat fire hydrant with a domed top and capped outlets")


def _octagon(radius: float) -> list[tuple[float, float]]:
    a = np.radians(22.5) + np.arange(8) * np.pi / 4
    return [(float(radius * np.cos(t)), float(radius * np.sin(t))) for t in a]


# the word STOP in 5 x 7 block letters: each entry is (column, row, width, height) in cells, row 0 at the bottom
_LETTERS = {
    "S": ((0, 6, 5, 1), (0, 3, 1, 4), (0, 3, 5, 1), (4, 0, 1, 4), (0, 0, 5, 1)),
    "T": ((0, 6, 5, 1), (2, 0, 1, 7)),
    "O": ((0, 6, 5, 1), (0, 0, 5, 1), (0, 0, 1, 7), (4, 0, 1, 7)),
    "P": ((0, 6, 5, 1), (0, 0, 1, 7), (4, 3, 1, 4), (0, 3, 5, 1)),
}


def _stop_word(width: float, z: float, y: float) -> list:
    """The white word STOP as thin boxes, centred on x = 0 at height z, its face at y."""
    cell = width / 23  # 4 letters of 5 cells with 1-cell gaps
    blocks = []
    for k, letter in enumerate("STOP"):
        x0 = -width / 2 + k * 6 * cell
        for col, row, w, hgt in _LETTERS[letter]:
            blocks.append(box((w * cell, 0.006, hgt * cell),
                              (x0 + (col + w / 2) * cell, y, z - 3.5 * cell + (row + hgt / 2) * cell)))
    return blocks


@category("stop_sign", size=((2.0, 3.0), (0.6, 0.9)), group="outdoor", placement="floor", synonyms=("stop", "road sign", "traffic sign"))
def stop_sign(rng: np.random.Generator) -> Asset:
    radius = vary(rng, 0.38, 0.1)  # to the corners; ~75 cm across the flats
    pole_h = vary(rng, 2.1, 0.08)
    zc = pole_h + radius * 0.6
    face = polygon_plate([(x, z + zc) for x, z in _octagon(radius * 0.9)], 0.006, -0.012)
    band = polygon_plate([(x, z + zc) for x, z in _octagon(radius)], 0.012, -0.006)
    letters = _stop_word(radius * 1.3, zc, -0.015)
    pole = rod((0, 0.03, 0), (0, 0.03, zc + radius * 0.3), 0.026, 12)
    parts = [part("stop_sign", face, "metal", SIGN_RED, roughness=0.4),
             part("border_and_letters", [band, *letters], "plastic", WHITE, role="detail",
                  roughness=0.4),
             # the pole is a body part too, keeping its grey unless a colour is asked for: a bare
             # octagon's border and letters leave the red face less than half of what a camera sees
             part("pole", pole, "metal", POLE_GREY)]
    return make_asset(parts, description="a red octagonal stop sign with a white border and the word STOP on a grey pole")


@category("parking_meter", size=((1.2, 1.7), (0.15, 0.35)), group="outdoor", placement="floor", synonyms=("parking machine", "meter", "pay station"))
def parking_meter(rng: np.random.Generator) -> Asset:
    pole_h = vary(rng, 1.05, 0.08)
    w, d, h = vary(rng, 0.24, 0.1), 0.18, vary(rng, 0.38, 0.1)
    pole = rod((0, 0, 0), (0, 0, pole_h + 0.02), 0.04, 16)
    foot = cylinder(0.1, 0.04, (0, 0, 0), 16)
    head = superellipsoid((w / 2, d / 2, h * 0.42), (0, 0, pole_h + h * 0.42), 0.35, 3)
    dome = ellipsoid((w / 2 * 0.95, d / 2 * 0.95, h * 0.22), (0, 0, pole_h + h * 0.78), 3)
    window = superellipsoid((w * 0.36, 0.01, h * 0.18), (0, -d / 2 - 0.002, pole_h + h * 0.7), 0.4, 2)
    display = box((w * 0.45, 0.01, h * 0.1), (0, -d / 2 + 0.003, pole_h + h * 0.45))
    slot = box((w * 0.05, 0.012, h * 0.1), (w * 0.25, -d / 2 + 0.004, pole_h + h * 0.3))
    colour = jitter(rng, pick(rng, ((0.55, 0.56, 0.58), (0.15, 0.25, 0.5), (0.1, 0.3, 0.2), (0.12, 0.12, 0.13))), 0.02)
    parts = [part("parking_meter", [head, dome], "metal", colour, roughness=0.45),
             part("pole", [pole, foot], "metal", DARK_METAL),
             part("window", [window, display], "glass", (0.1, 0.15, 0.18), role="detail", roughness=0.05),
             part("coin_slot", slot, "metal", METAL, role="detail")]
    return make_asset(parts, description="a parking meter: a metal head with a dial window on a post")
