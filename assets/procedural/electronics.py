"""Electronics: laptop, monitor, keyboard, mouse, television and phone. Screens face -Y."""
from __future__ import annotations

import numpy as np

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.palette import BLACK, DARK_METAL, METAL, SCREEN, WHITE
from fyi.assets.procedural.shapes import (box, cylinder, ellipsoid, jitter, make_asset, part, pick, rotate,
                                          superellipsoid, vary)


def _key_grid(x0: float, y0: float, z: float, cols: int, rows: int, pitch: float, key: float, height: float) -> list:
    """Rows of keycaps starting at (x0, y0) (front-left), with a wide space bar in the front row."""
    keys = []
    for row in range(rows):
        y = y0 + row * pitch
        if row == 0:  # the front row: a space bar flanked by modifier keys
            keys.append(box((pitch * cols * 0.45, key, height), (x0 + pitch * cols / 2 - pitch / 2, y, z + height / 2)))
            for c in list(range(3)) + list(range(cols - 3, cols)):
                keys.append(box((key, key, height), (x0 + c * pitch, y, z + height / 2)))
            continue
        for c in range(cols):
            keys.append(box((key, key, height), (x0 + c * pitch, y, z + height / 2)))
    return keys


@category("laptop", size=((0.17, 0.28), (0.28, 0.36)), group="electronic", placement="surface", synonyms=("notebook computer", "macbook", "computer"))
def laptop(rng: np.random.Generator) -> Asset:
    w, d = vary(rng, 0.32, 0.1), vary(rng, 0.22, 0.08)
    t = 0.012
    angle = np.radians(vary(rng, 110, 0.08))  # lid opening from closed
    color = jitter(rng, pick(rng, (METAL, DARK_METAL, (0.12, 0.12, 0.13))), 0.02)
    base = box((w, d, t), (0, 0, t / 2))
    lid = box((w, 0.006, d), (0, d / 2 - 0.003, t + d / 2))
    screen = box((w * 0.9, 0.001, d * 0.82), (0, d / 2 - 0.0065, t + d / 2 + 0.005))
    hinge = (0, d / 2, t)
    # the lid stands up from the back edge; tilt it backward past vertical about the hinge
    for mesh in (lid, screen):
        rotate(mesh, -(angle - np.pi / 2), (1, 0, 0), hinge)
    pitch = (w * 0.86) / 14
    keys = _key_grid(-w * 0.43 + pitch / 2, -d / 2 + d * 0.42, t, 14, 5, pitch, pitch * 0.8, 0.002)
    touchpad = box((w * 0.32, d * 0.26, 0.001), (0, -d / 2 + d * 0.2, t + 0.0005))
    parts = [part("laptop", [base, lid], "metal", color),
             part("screen", screen, "glass", SCREEN, role="detail", roughness=0.05),
             part("keys", keys + [touchpad], "plastic", BLACK, role="detail")]
    return make_asset(parts, description="an open laptop with its screen facing forward")


@category("monitor", size=((0.35, 0.65), (0.48, 0.72)), group="electronic", placement="surface",
          synonyms=("screen", "computer monitor", "display", "computer screen"))
def monitor(rng: np.random.Generator) -> Asset:
    w = vary(rng, 0.6, 0.15)
    h = w * 9 / 16 + 0.03
    stand_h = vary(rng, 0.12, 0.2)
    bezel = 0.012
    panel = superellipsoid((w / 2, 0.02, h / 2), (0, 0, stand_h + h / 2), 0.15, 3)
    screen = box((w - 2 * bezel, 0.002, h - 2 * bezel), (0, -0.02, stand_h + h / 2))
    neck = box((0.05, 0.025, stand_h + h * 0.4), (0, 0.04, (stand_h + h * 0.4) / 2 + 0.01))
    foot = superellipsoid((0.12, 0.1, 0.008), (0, 0.02, 0.008), 0.3, 2)
    color = jitter(rng, pick(rng, ((0.08, 0.08, 0.09), (0.08, 0.08, 0.09), METAL, WHITE)), 0.02)
    parts = [part("monitor", [panel, neck, foot], "plastic", color),
             part("screen", screen, "glass", SCREEN, role="detail", roughness=0.05)]
    return make_asset(parts, description="a computer monitor on a stand, screen facing forward")


@category("keyboard", size=((0.02, 0.035), (0.4, 0.48)), group="electronic", placement="surface", synonyms=("computer keyboard",))
def keyboard(rng: np.random.Generator) -> Asset:
    w, d = vary(rng, 0.44, 0.08), vary(rng, 0.14, 0.08)
    t = 0.018
    pitch = (w - 0.02) / 18
    color = jitter(rng, pick(rng, ((0.1, 0.1, 0.11), WHITE, METAL)), 0.02)
    base = box((w, d, t), (0, 0, t / 2))
    keys = _key_grid(-w / 2 + 0.01 + pitch / 2, -d / 2 + 0.012 + pitch / 2, t, 18, 5, pitch, pitch * 0.82, 0.008)
    key_color = BLACK if color[0] > 0.5 else (0.25, 0.25, 0.27)
    return make_asset([part("keyboard", base, "plastic", color), part("keys", keys, "plastic", key_color, role="detail")],
                      description="a computer keyboard")


@category("mouse", size=((0.03, 0.05), (0.09, 0.13)), group="electronic", placement="surface", synonyms=("computer mouse", "mice"))
def mouse(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 0.062, 0.08), vary(rng, 0.11, 0.08), vary(rng, 0.038, 0.1)
    shell = ellipsoid((w / 2, d / 2, h), (0, 0, 0), 3)
    v = shell.vertices
    v[:, 2] = np.where(v[:, 2] < 0, v[:, 2] * 0.08, v[:, 2])  # a flat underside
    v[:, 1] += np.clip(v[:, 2], 0, None) * 0.4  # the hump sits toward the palm (+Y)
    shell.vertices = v
    wheel = rotate(cylinder(0.005, 0.004, (0, 0, -0.002), 16), np.pi / 2, (0, 1, 0))
    wheel.apply_translation((0, -d * 0.2, h * 0.86))
    color = jitter(rng, pick(rng, ((0.1, 0.1, 0.11), WHITE, (0.6, 0.6, 0.62))), 0.02)
    return make_asset([part("mouse", shell, "plastic", color), part("wheel", wheel, "rubber", BLACK, role="detail")],
                      description="a computer mouse")


@category("tv", size=((0.6, 1.0), (0.9, 1.55)), group="electronic", placement="surface",
          synonyms=("television", "tv set", "flat screen", "flatscreen tv"))
def tv(rng: np.random.Generator) -> Asset:
    w = pick(rng, (0.98, 1.23, 1.45)) * rng.uniform(0.97, 1.03)  # 43", 55", 65"
    h = w * 9 / 16 + 0.02
    lift = 0.07
    panel = box((w, 0.04, h), (0, 0, lift + h / 2))
    screen = box((w - 0.02, 0.002, h - 0.02), (0, -0.021, lift + h / 2))
    feet = []
    for s in (-1, 1):
        x = s * w * 0.38
        feet += [box((0.03, 0.22, 0.012), (x, 0, 0.006)), box((0.03, 0.03, lift + 0.05), (x, 0, (lift + 0.05) / 2))]
    parts = [part("tv", panel, "plastic", jitter(rng, (0.06, 0.06, 0.065), 0.01)),
             part("screen", screen, "glass", SCREEN, role="detail", roughness=0.04),
             part("feet", feet, "metal", DARK_METAL, role="detail")]
    return make_asset(parts, description="a flat-screen television on feet, screen facing forward")


@category("phone", size=((0.006, 0.015), (0.12, 0.17)), group="electronic", placement="surface",
          synonyms=("smartphone", "cell phone", "mobile phone", "cellphone", "iphone"))
def phone(rng: np.random.Generator) -> Asset:
    w, d, t = vary(rng, 0.072, 0.06), vary(rng, 0.15, 0.06), 0.008
    body = superellipsoid((w / 2, d / 2, t / 2), (0, 0, t / 2), 0.2, 3)
    screen = box((w - 0.006, d - 0.01, 0.0006), (0, 0, t - 0.0002))
    color = jitter(rng, pick(rng, ((0.1, 0.1, 0.11), METAL, (0.85, 0.75, 0.65), (0.2, 0.3, 0.5))), 0.02)
    parts = [part("phone", body, "metal", color), part("screen", screen, "glass", SCREEN, role="detail", roughness=0.03)]
    return make_asset(parts, description="a smartphone lying face up")


@category("remote", size=((0.015, 0.03), (0.14, 0.25)), group="electronic", placement="surface",
          synonyms=("remote control", "tv remote", "remote controller", "clicker", "controller", "remotes"))
def remote(rng: np.random.Generator) -> Asset:
    w, d, t = vary(rng, 0.048, 0.08), vary(rng, 0.19, 0.08), 0.02  # lying face up, its top end toward -Y
    body = superellipsoid((w / 2, d / 2, t / 2), (0, 0, t / 2), 0.35, 3)
    buttons = []
    for row in range(6):
        for col in (-1, 0, 1):
            buttons.append(box((w * 0.18, w * 0.14, 0.003), (col * w * 0.27, -d * 0.05 + row * d * 0.07, t)))
    power = cylinder(w * 0.1, 0.003, (w * 0.25, -d * 0.38, t - 0.001), 12)
    pad = cylinder(w * 0.3, 0.003, (0, -d * 0.22, t - 0.001), 20)
    color = jitter(rng, pick(rng, ((0.08, 0.08, 0.09), (0.08, 0.08, 0.09), (0.6, 0.61, 0.63), WHITE)), 0.02)
    key_color = (0.35, 0.35, 0.37) if color[0] < 0.3 else (0.15, 0.15, 0.16)
    parts = [part("remote", body, "plastic", color, roughness=0.4),
             part("buttons", [*buttons, pad], "rubber", key_color, role="detail"),
             part("power_button", power, "rubber", (0.8, 0.1, 0.08), role="detail")]
    return make_asset(parts, description="a TV remote control lying face up")
