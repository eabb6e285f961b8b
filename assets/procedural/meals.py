"""Prepared food and vegetables at real size: sandwich, hot dog, pizza, donut, cake, broccoli, carrot.

The body part is what the colour word would name ("a pink donut" is pink icing, "a chocolate cake"
its frosting); fillings, toppings and sprinkles are details.
"""
from __future__ import annotations

import numpy as np

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.shapes import (capsule, cylinder, ellipsoid, hull, jitter, lathe, make_asset, part, pick,
                                          rotate, skin_patches, superellipsoid, torus, tube, vary)

CRUST = (0.78, 0.55, 0.28)
BREAD_CRUMB = (0.95, 0.87, 0.68)
LETTUCE = (0.35, 0.65, 0.2)
TOMATO = (0.85, 0.15, 0.08)
CHEESE = (0.98, 0.78, 0.25)
SAUSAGE = (0.65, 0.25, 0.12)


@category("sandwich", size=((0.03, 0.08), (0.1, 0.16)), group="food", placement="surface", synonyms=("sandwiches", "sub", "burger", "hamburger",
                                                                   "club sandwich", "toast sandwich", "panini"))
def sandwich(rng: np.random.Generator) -> Asset:
    w = vary(rng, 0.115, 0.08)  # a triangle half of a square sandwich, or a whole square
    t = 0.014
    triangle = rng.random() < 0.5
    outline = [(-w / 2, -w / 2), (w / 2, -w / 2), (-w / 2, w / 2)] if triangle else \
        [(-w / 2, -w / 2), (w / 2, -w / 2), (w / 2, w / 2), (-w / 2, w / 2)]

    def layer(z0: float, thick: float, grow: float = 1.0):
        return hull([(x * grow, y * grow, z) for x, y in outline for z in (z0, z0 + thick)])

    if triangle:
        bread = [layer(0.0, t), layer(t + 0.022, t)]
    else:
        bread = [superellipsoid((w / 2, w / 2, t / 2), (0, 0, t / 2), 0.25, 2),
                 superellipsoid((w / 2, w / 2, t / 2), (0, 0, t * 1.5 + 0.022), 0.25, 2)]
    lettuce = layer(t, 0.006, 1.08)
    cheese = layer(t + 0.006, 0.004, 1.04)
    filling = layer(t + 0.01, 0.012, 0.98)
    parts = [part("bread", bread, "food", jitter(rng, BREAD_CRUMB, 0.03)),
             part("lettuce", lettuce, "foliage", LETTUCE, role="detail"),
             part("cheese", cheese, "food", CHEESE, role="detail"),
             part("filling", filling, "food", pick(rng, (TOMATO, (0.85, 0.55, 0.5), (0.6, 0.35, 0.25))), role="detail")]
    return make_asset(parts, description="a sandwich: two slices of bread with lettuce, cheese and a filling")


@category("hot_dog", size=((0.03, 0.08), (0.14, 0.25)), group="food", placement="surface", synonyms=("hotdog", "hot dogs", "frankfurter",
                                                                  "wiener"))
def hot_dog(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.17, 0.08)  # along X
    bun_r = 0.028
    halves = [capsule((-length / 2 + bun_r, y * bun_r * 0.55, bun_r * 0.9), (length / 2 - bun_r, y * bun_r * 0.55,
                                                                             bun_r * 0.9), bun_r, 12)
              for y in (-1, 1)]
    for h, y in zip(halves, (-1, 1)):
        h.apply_scale((1.0, 0.75, 0.85))
        h.apply_translation((0, y * bun_r * 0.1, 0))
    sausage = capsule((-length / 2 - 0.005, 0, bun_r * 1.45), (length / 2 + 0.005, 0, bun_r * 1.45), bun_r * 0.5, 12)
    x = np.linspace(-length / 2 + 0.02, length / 2 - 0.02, 14)
    mustard = tube(np.column_stack([x, 0.008 * np.sin(x * 120), np.full_like(x, bun_r * 1.45 + bun_r * 0.48)]), 0.0035, 6)
    parts = [part("bun", halves, "food", jitter(rng, (0.85, 0.6, 0.3), 0.03)),
             part("sausage", sausage, "food", jitter(rng, SAUSAGE, 0.03), role="detail", roughness=0.35),
             part("mustard", mustard, "food", pick(rng, ((0.95, 0.75, 0.05), (0.8, 0.1, 0.05))), role="detail")]
    return make_asset(parts, description="a hot dog: a sausage in a bun with a line of mustard")


@category("pizza", size=((0.01, 0.04), (0.2, 0.45)), group="food", placement="surface", synonyms=("pizzas", "pizza pie", "slice of pizza", "pizza slice",
                                                                "margherita"))
def pizza(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.15, 0.12)
    base = lathe([(0.0, 0.0), (r, 0.0), (r + 0.004, 0.008), (r - 0.002, 0.02), (r - 0.016, 0.013), (0.0, 0.012)], 40)
    cheese = cylinder(r - 0.016, 0.004, (0, 0, 0.011), 40)
    toppings = []
    kind = pick(rng, ("pepperoni", "pepperoni", "veggie"))
    n = int(rng.integers(9, 15))
    for _ in range(n):
        a, d = rng.uniform(0, 2 * np.pi), (r - 0.04) * np.sqrt(rng.uniform(0, 1))
        c = (d * np.cos(a), d * np.sin(a), 0.015)
        if kind == "pepperoni":
            toppings.append(cylinder(0.017, 0.004, c, 16))
        else:
            toppings.append(ellipsoid((0.012, 0.008, 0.004), c, 1))
    herbs = [ellipsoid((0.006, 0.004, 0.0015), (d * np.cos(a), d * np.sin(a), 0.0155), 1)
             for a, d in zip(rng.uniform(0, 2 * np.pi, 10), (r - 0.03) * np.sqrt(rng.uniform(0, 1, 10)))]
    parts = [part("pizza", [base], "food", jitter(rng, CRUST, 0.03)),
             part("cheese", cheese, "food", jitter(rng, CHEESE, 0.03), role="body"),
             part("toppings", toppings, "food", (0.7, 0.12, 0.06) if kind == "pepperoni" else (0.25, 0.45, 0.15),
                  role="detail"),
             part("herbs", herbs, "foliage", (0.15, 0.4, 0.12), role="detail")]
    return make_asset(parts, description=f"a round {kind} pizza with a golden crust and melted cheese")


@category("donut", size=((0.03, 0.05), (0.08, 0.15)), group="food", placement="surface", synonyms=("doughnut", "donuts", "doughnuts", "glazed donut",
                                                                "ring doughnut"))
def donut(rng: np.random.Generator) -> Asset:
    R = vary(rng, 0.042, 0.08)
    r = R * 0.55
    dough = torus(R, r, (0, 0, r * 0.85), 40, 16)
    dough.apply_scale((1.0, 1.0, 0.85))
    top = dough.bounds[0][2] + (dough.bounds[1][2] - dough.bounds[0][2]) * 0.45
    icing = skin_patches(dough, dough.triangles_center[:, 2] > top, 0.002)  # the top of the ring, like a dipped glaze
    sprinkles = []
    if rng.random() < 0.6:
        for _ in range(40):
            a = rng.uniform(0, 2 * np.pi)
            phi = rng.uniform(0.3, np.pi - 0.3)
            rr = R + r * 1.06 * np.cos(phi)
            c = np.array([rr * np.cos(a), rr * np.sin(a), r * 0.72 + r * 1.06 * np.sin(phi) * 0.85])
            s = capsule(c - (0.003, 0, 0), c + (0.003, 0, 0), 0.0012, 3)
            rotate(s, rng.uniform(0, np.pi), (0, 0, 1), c)
            sprinkles.append(s)
    glaze = jitter(rng, pick(rng, ((0.95, 0.6, 0.7), (0.35, 0.2, 0.12), (0.95, 0.93, 0.88), (0.98, 0.8, 0.3))), 0.02)
    parts = [part("icing", icing, "food", glaze, roughness=0.25),
             # the dough is a body part too (with its own default colour): "a chocolate donut" is brown all over
             part("dough", dough, "food", jitter(rng, (0.82, 0.56, 0.28), 0.03))]
    if sprinkles:
        parts.append(part("sprinkles", sprinkles, "plastic", pick(rng, ((0.9, 0.2, 0.3), (0.2, 0.5, 0.9),
                                                                        (0.98, 0.95, 0.9))), role="detail"))
    return make_asset(parts, description="a ring donut with icing on top")


@category("cake", size=((0.08, 0.25), (0.15, 0.35)), group="food", placement="surface", synonyms=("birthday cake", "layer cake", "cakes", "gateau",
                                                               "cheesecake", "chocolate cake"))
def cake(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.11, 0.12)
    h = vary(rng, 0.1, 0.15)
    z0 = 0.0
    body = lathe([(0.0, z0), (r, z0), (r, z0 + h - 0.01), (r - 0.01, z0 + h), (0.0, z0 + h)], 40)
    piping = [torus(r - 0.004, 0.007, (0, 0, z0 + h), 40, 6), torus(r + 0.002, 0.007, (0, 0, z0 + 0.006), 40, 6)]
    toppings = []
    candles = rng.random() < 0.5
    for k in range(8):
        a = 2 * np.pi * k / 8
        c = np.array([(r * 0.65) * np.cos(a), (r * 0.65) * np.sin(a), z0 + h])
        if candles and k % 2 == 0:
            toppings.append(cylinder(0.004, 0.06, c, 8))
        else:
            toppings.append(ellipsoid((0.011,) * 3, c + (0, 0, 0.008), 1))
    frosting = jitter(rng, pick(rng, ((0.97, 0.95, 0.9), (0.35, 0.2, 0.12), (0.96, 0.7, 0.78), (0.98, 0.9, 0.7))), 0.02)
    parts = [part("cake", body, "food", frosting, roughness=0.4),
             part("piping", piping, "food", tuple(min(1.0, c * 1.05 + 0.05) for c in frosting)),
             part("toppings", toppings, "food", (0.8, 0.1, 0.15), role="detail")]
    return make_asset(parts, description="a round frosted cake with decorations on top")


@category("broccoli", size=((0.1, 0.25), (0.07, 0.2)), group="food", placement="surface", synonyms=("broccolis", "broccoli floret", "calabrese"))
def broccoli(rng: np.random.Generator) -> Asset:
    h = vary(rng, 0.15, 0.12)
    stalk = lathe([(0.0, 0.0), (0.017, 0.0), (0.015, h * 0.45), (0.028, h * 0.6), (0.0, h * 0.62)], 16)
    branches, florets = [], []
    crown_c = np.array([0.0, 0.0, h * 0.7])
    florets.append(ellipsoid((h * 0.3, h * 0.3, h * 0.2), crown_c + (0, 0, h * 0.03), 2))
    for k in range(int(rng.integers(9, 13))):
        a = rng.uniform(0, 2 * np.pi)
        tilt = rng.uniform(0.3, 1.0)
        tip = crown_c + np.array([np.cos(a) * tilt * h * 0.28, np.sin(a) * tilt * h * 0.28, h * (0.12 + 0.1 * (1 - tilt))])
        branches.append(capsule((0, 0, h * 0.5), tip - (0, 0, 0.01), 0.008, 6))
        # a floret is a cluster of small bumps: that bumpy crown is what says broccoli
        for _ in range(4):
            bump = tip + rng.normal(0, h * 0.035, 3)
            florets.append(ellipsoid((h * 0.07,) * 3, bump, 1))
    parts = [part("broccoli", florets, "foliage", jitter(rng, (0.2, 0.45, 0.15), 0.03)),
             part("stalk", [stalk, *branches], "food", jitter(rng, (0.6, 0.75, 0.4), 0.03), role="detail")]
    return make_asset(parts, description="a head of broccoli: a pale stalk under a bumpy green crown")


@category("carrot", size=((0.02, 0.06), (0.12, 0.3)), group="food", placement="surface", synonyms=("carrots", "baby carrot"))
def carrot(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.18, 0.12)  # lying along X, leaves at -X
    r = vary(rng, 0.016, 0.12)
    x = np.linspace(0, length, 14)
    radius = r * np.sqrt(np.clip(1 - x / length, 0.0, 1.0)) * (1 + 0.05 * np.sin(x * 150)) + 0.0008
    root = tube(np.column_stack([x - length / 2, np.zeros_like(x), np.full_like(x, r)]), radius, 14)
    leaves = []
    for k in range(5):
        a = (k - 2) * 0.3
        path = [(-length / 2, 0, r), (-length / 2 - 0.04, np.sin(a) * 0.02, r + 0.01),
                (-length / 2 - 0.09, np.sin(a) * 0.05, r + 0.02 + 0.01 * np.cos(a))]
        leaves.append(tube(path, 0.0025, 5))
    parts = [part("carrot", root, "food", jitter(rng, (0.95, 0.45, 0.05), 0.03)),
             part("leaves", leaves, "foliage", (0.25, 0.55, 0.15), role="detail")]
    return make_asset(parts, description="a carrot with its leafy top")
