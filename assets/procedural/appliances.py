"""Kitchen and household appliances, fronts toward -Y: microwave, oven, toaster and hair drier."""
from __future__ import annotations

import numpy as np

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.palette import BLACK, DARK_METAL, METAL, WHITE
from fyi.assets.procedural.shapes import (box, cylinder, jitter, lathe, make_asset, part, pick, rod, rotate,
                                          superellipsoid, top_surface, torus, tube, vary)

DOOR_GLASS = (0.05, 0.06, 0.07)
APPLIANCE_FINISHES = ((0.92, 0.92, 0.9), (0.7, 0.71, 0.73), (0.12, 0.12, 0.13))


@category("microwave", size=((0.25, 0.4), (0.4, 0.6)), group="appliance", placement="surface", synonyms=("microwave oven", "microwaves"))
def microwave(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 0.5, 0.08), vary(rng, 0.38, 0.08), vary(rng, 0.3, 0.08)
    case = superellipsoid((w / 2, d / 2, h / 2), (0, 0, h / 2 + 0.01), 0.15, 3)
    feet = [cylinder(0.015, 0.012, (x * (w / 2 - 0.04), y * (d / 2 - 0.04), 0.0), 10) for x in (-1, 1) for y in (-1, 1)]
    door_w = w * 0.72
    door_x = -w / 2 + door_w / 2 + 0.015
    window = box((door_w * 0.72, 0.006, h * 0.62), (door_x - door_w * 0.06, -d / 2 - 0.003, h / 2 + 0.01))
    door = box((door_w, 0.008, h * 0.9), (door_x, -d / 2 + 0.001, h / 2 + 0.01))
    handle = box((0.018, 0.025, h * 0.6), (door_x + door_w / 2 - 0.035, -d / 2 - 0.01, h / 2 + 0.01))
    panel_x = w / 2 - (w - door_w) / 2 + 0.005
    display = box((w * 0.16, 0.006, h * 0.1), (panel_x, -d / 2 - 0.002, h * 0.8))
    buttons = [cylinder(0.012, 0.008, (0, 0, 0), 12) for _ in range(4)]
    for k, b in enumerate(buttons):
        rotate(b, np.pi / 2, (1, 0, 0))
        b.apply_translation((panel_x + (k % 2 - 0.5) * 0.04, -d / 2 - 0.001, h * (0.58 - 0.12 * (k // 2))))
    finish = jitter(rng, pick(rng, APPLIANCE_FINISHES), 0.02)
    parts = [part("microwave", [case, door], "metal", finish, roughness=0.35),
             part("window", window, "glass", DOOR_GLASS, role="detail", roughness=0.05),
             part("display", display, "emissive", (0.2, 0.9, 0.4), role="detail"),
             part("controls", [handle, *buttons, *feet], "plastic", (0.15, 0.15, 0.16) if finish[0] > 0.4 else METAL,
                  role="detail")]
    return make_asset(parts, [top_surface("top", h + 0.01, (-w / 2, w / 2), (-d / 2, d / 2), inset=0.04)],
                      description="a microwave oven with a dark glass door and a control panel")


@category("oven", size=((0.85, 1.1), (0.5, 0.8)), group="appliance", placement="floor", against_wall=True,
          synonyms=("stove", "cooker", "range", "kitchen range", "gas stove", "electric stove", "ovens", "cooktop"))
def oven(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 0.6, 0.06), 0.62, vary(rng, 0.9, 0.03)
    body = box((w, d, h), (0, 0, h / 2))
    top = box((w + 0.01, d + 0.01, 0.02), (0, 0, h + 0.01))
    back = box((w, 0.06, 0.12), (0, d / 2 - 0.03, h + 0.08))
    door = box((w * 0.94, 0.02, h * 0.55), (0, -d / 2 - 0.01, h * 0.38))
    window = box((w * 0.7, 0.01, h * 0.3), (0, -d / 2 - 0.022, h * 0.4))
    handle = rod((-w * 0.38, -d / 2 - 0.06, h * 0.68), (w * 0.38, -d / 2 - 0.06, h * 0.68), 0.012, 10)
    brackets = [rod((x, -d / 2 - 0.02, h * 0.68), (x, -d / 2 - 0.06, h * 0.68), 0.008, 6) for x in (-w * 0.36, w * 0.36)]
    drawer = box((w * 0.94, 0.02, h * 0.12), (0, -d / 2 - 0.01, h * 0.07))
    knobs = []
    for k in range(5):
        knob = cylinder(0.018, 0.025, (0, 0, 0), 14)
        rotate(knob, np.pi / 2, (1, 0, 0))
        knob.apply_translation(((k - 2) * w * 0.17, -d / 2 - 0.0, h * 0.86))
        knobs.append(knob)
    burners = []
    for x in (-1, 1):
        for y in (-1, 1):
            c = (x * w * 0.23, y * d * 0.22 - 0.02, h + 0.02)
            burners.append(cylinder(0.06 if y < 0 else 0.05, 0.012, c, 20))
            burners.append(torus(0.07, 0.006, (c[0], c[1], c[2] + 0.015), 20, 4))
    finish = jitter(rng, pick(rng, APPLIANCE_FINISHES), 0.02)
    parts = [part("oven", [body, back, door, drawer], "metal", finish, roughness=0.35),
             part("cooktop", top, "glass" if rng.random() < 0.5 else "metal", (0.06, 0.06, 0.07), role="detail",
                  roughness=0.1),
             part("window", window, "glass", DOOR_GLASS, role="detail", roughness=0.05),
             part("burners", burners, "metal", DARK_METAL, role="detail"),
             part("handle_and_knobs", [handle, *brackets, *knobs], "metal", METAL, role="detail")]
    return make_asset(parts, description="a kitchen oven: a cooktop with four burners over an oven door with a window")


@category("toaster", size=((0.17, 0.25), (0.25, 0.35)), group="appliance", placement="surface", synonyms=("toasters", "pop-up toaster", "bread toaster"))
def toaster(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 0.28, 0.08), vary(rng, 0.17, 0.08), vary(rng, 0.19, 0.08)
    body = superellipsoid((w / 2, d / 2, h / 2), (0, 0, h / 2 + 0.008), 0.3, 3)
    slots = [box((w * 0.62, 0.03, 0.012), (0, y * d * 0.2, h + 0.004)) for y in (-1, 1)]
    feet = [cylinder(0.012, 0.01, (x * (w / 2 - 0.03), y * (d / 2 - 0.03), 0.0), 8) for x in (-1, 1) for y in (-1, 1)]
    lever = box((0.03, 0.03, 0.012), (w / 2 + 0.01, 0, h * 0.7))
    dial = cylinder(0.015, 0.01, (0, 0, 0), 12)
    rotate(dial, np.pi / 2, (1, 0, 0))
    dial.apply_translation((w * 0.3, -d / 2 - 0.005, h * 0.3))
    slot_rim = [box((w * 0.66, 0.04, 0.004), (0, y * d * 0.2, h + 0.008)) for y in (-1, 1)]
    finish = jitter(rng, pick(rng, ((0.75, 0.76, 0.78), (0.92, 0.92, 0.9), (0.8, 0.12, 0.1), (0.12, 0.12, 0.13),
                                    (0.55, 0.75, 0.8))), 0.02)
    parts = [part("toaster", body, "metal", finish, roughness=0.25),
             part("slots", slots, "plastic", BLACK, role="detail"),
             part("trim", [*slot_rim, lever, dial, *feet], "plastic", (0.15, 0.15, 0.16), role="detail")]
    return make_asset(parts, description="a toaster with two bread slots on top and a lever on the side")


@category("hair_drier", size=((0.15, 0.3), (0.18, 0.32)), group="indoor", placement="surface",
          synonyms=("hair dryer", "hairdryer", "hairdrier", "blow dryer", "blow drier", "blowdryer", "hair driers"))
def hair_drier(rng: np.random.Generator) -> Asset:
    # stood on the end of its handle, barrel pointing toward -Y
    handle_h = vary(rng, 0.14, 0.1)
    barrel_r = vary(rng, 0.042, 0.1)
    barrel_l = vary(rng, 0.17, 0.1)
    zc = handle_h + barrel_r * 0.8
    handle = tube([(0, 0.03, 0.0), (0, 0.015, handle_h * 0.5), (0, 0.0, zc)], [0.018, 0.02, 0.022], 14)
    barrel = lathe([(0.0, 0.0), (barrel_r * 0.9, 0.0), (barrel_r, 0.03), (barrel_r, barrel_l * 0.7),
                    (barrel_r * 0.6, barrel_l * 0.85), (barrel_r * 0.5, barrel_l), (0.0, barrel_l)], 28)
    rotate(barrel, np.pi / 2, (1, 0, 0))  # its axis along -Y from the back
    barrel.apply_translation((0, 0.05, zc))
    nozzle = lathe([(barrel_r * 0.5, 0.0), (barrel_r * 0.55, 0.0), (barrel_r * 0.55, 0.04), (barrel_r * 0.5, 0.04)], 20)
    rotate(nozzle, np.pi / 2, (1, 0, 0))
    nozzle.apply_translation((0, 0.05 - barrel_l + 0.005, zc))
    vent = cylinder(barrel_r * 0.85, 0.004, (0, 0, 0), 24)
    rotate(vent, np.pi / 2, (1, 0, 0))
    vent.apply_translation((0, 0.056, zc))
    switch = box((0.012, 0.01, 0.03), (0, -0.013, handle_h * 0.65))
    cord = tube([(0, 0.035, 0.005), (0.04, 0.08, 0.002), (0.12, 0.12, 0.006)], 0.004, 6)
    colour = jitter(rng, pick(rng, ((0.1, 0.1, 0.11), (0.92, 0.92, 0.9), (0.9, 0.45, 0.6), (0.2, 0.35, 0.7),
                                    (0.8, 0.1, 0.12))), 0.02)
    parts = [part("hair_drier", [barrel, handle], "plastic", colour, roughness=0.3),
             part("nozzle_and_vent", [nozzle, vent], "plastic", DARK_METAL, role="detail"),
             part("switch_and_cord", [switch, cord], "plastic", BLACK if colour[0] > 0.3 else WHITE, role="detail")]
    return make_asset(parts, description="a hair drier standing on its handle, nozzle forward")
