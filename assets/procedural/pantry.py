"""Food as it comes to the table and what it comes in: baked things, meat, dishes served in a bowl,
drinks in their cartons, bottles and cans, and the salt, pepper and sauces beside them.

The body is what a colour word would name ("a red can" is its print, "a green soup" the soup);
wrappers, labels, caps, garnish and the bowl a dish is served in are details.
"""
from __future__ import annotations

import numpy as np
import trimesh

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.meals import LETTUCE, SAUSAGE, TOMATO
from fyi.assets.procedural.palette import BLACK, CERAMICS, METAL, PLASTICS, WHITE, WOODS
from fyi.assets.procedural.produce import _lumpy, _radial
from fyi.assets.procedural.shapes import (box, capsule, cylinder, ellipsoid, fine, hull, jitter, lathe,
                                          make_asset, merge, part, pick, rotate, skin_patches, superellipsoid, torus, tube,
                                          vary)
from fyi.assets.procedural.tabletop import GLASS_TINT

BAKED = (0.8, 0.55, 0.25)


def _label(r: float, z0: float, z1: float, sections: int = 32) -> trimesh.Trimesh:
    """A band around a bottle or can, just proud of its wall."""
    return lathe([(r + 0.0004, z0), (r + 0.0012, z0), (r + 0.0012, z1), (r + 0.0004, z1)], sections)


WALL = 0.005


def _served_bowl(r: float, h: float, level: float) -> tuple[trimesh.Trimesh, trimesh.Trimesh]:
    """A round bowl filled to `level`: the bowl as a ring-shaped solid, and the filling as the solid
    inside it (what is under the surface never shows, so the filling is one piece down to the foot)."""
    t = np.linspace(0.0, 1.0, 10)
    outer = [(r * 0.55 + r * 0.45 * np.sin(u * np.pi / 2), h * (1 - np.cos(u * np.pi / 2))) for u in t]
    inner = [(x - WALL, z) for x, z in outer[::-1]]
    bowl = lathe(outer + inner, 40)
    below = [(x - 0.0005, z) for x, z in outer[::-1] if z < level][::-1]
    surface_r = float(np.interp(level, [z for _, z in outer], [x for x, _ in outer])) - WALL - 0.0005
    filling = lathe([(0.0, 0.0)] + below[:1] + below[1:] + [(surface_r, level), (0.0, level)], 40)
    return bowl, filling


@category("egg", size=((0.038, 0.05), (0.05, 0.066)), group="food", placement="surface",
          synonyms=("eggs", "hen's egg", "chicken egg", "boiled egg", "hard-boiled egg", "raw egg"))
def egg(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.058, 0.06)
    r = length * vary(rng, 0.38, 0.04)
    u = np.linspace(0.0, np.pi, 18)
    # an egg: one end blunter than the other
    profile = [(float(r * np.sin(t) * (1 + 0.12 * np.cos(t))), float(length / 2 * (1 - np.cos(t)))) for t in u]
    shell = lathe(profile, 28)
    rotate(shell, np.pi / 2, (0, 1, 0))  # lying on its side
    colour = jitter(rng, pick(rng, ((0.95, 0.93, 0.88), (0.78, 0.55, 0.38))), 0.02)
    return make_asset([part("egg", shell, "ceramic", colour, roughness=0.5)], description="a hen's egg")


@category("bun", size=((0.03, 0.08), (0.06, 0.13)), group="food", placement="surface",
          synonyms=("bread roll", "dinner roll", "burger bun", "hamburger bun", "brioche", "buns"))
def bun(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.048, 0.15)
    h = r * vary(rng, 0.85, 0.12)
    u = np.linspace(0.0, 1.0, 12)
    profile = [(0.0, 0.0), (r * 0.9, 0.0)] + [(r * np.cos(t * np.pi / 2) ** 0.7, h * (0.12 + 0.88 * np.sin(t * np.pi / 2)))
                                              for t in u] + [(0.0, h)]
    body = lathe(profile, 32)
    parts = [part("bun", body, "food", jitter(rng, (0.78, 0.48, 0.2), 0.04), roughness=0.35)]
    if rng.random() < 0.5:  # sesame seeds on the crown
        seeds = []
        for _ in range(30):
            a, t = rng.uniform(0, 2 * np.pi), rng.uniform(0.0, 0.8)
            rr = r * np.sin(t * np.pi / 2) * 0.95
            z = h * (0.12 + 0.88 * np.cos(t * np.pi / 2) ** 0.9)
            seed = ellipsoid((0.003, 0.0017, 0.001), (rr * np.cos(a), rr * np.sin(a), z), 1)
            rotate(seed, rng.uniform(0, np.pi), (0, 0, 1), (rr * np.cos(a), rr * np.sin(a), z))
            seeds.append(seed)
        parts.append(part("sesame", seeds, "food", (0.95, 0.9, 0.75), role="detail"))
    return make_asset(parts, description="a round bread bun")


@category("cookie", size=((0.006, 0.022), (0.05, 0.11)), group="food", placement="surface",
          synonyms=("cooky", "biscuit", "cookies", "chocolate chip cookie", "oatmeal cookie", "biscuits"))
def cookie(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.038, 0.15)
    t = vary(rng, 0.011, 0.2)
    dough = lathe([(0.0, 0.0), (r - 0.003, 0.0), (r, t * 0.5), (r - 0.004, t), (0.0, t * 1.1)], 28)
    dough = _radial(dough, lambda a, z: 1 + 0.03 * np.sin(5 * a + 1.3) + 0.02 * np.sin(9 * a))
    dough = fine(dough, 0.008)
    v = np.asarray(dough.vertices).copy()
    v[:, 2] += (v[:, 2] > t * 0.6) * rng.normal(0, 0.0006, len(v))  # a cracked, uneven top
    dough = trimesh.Trimesh(vertices=v, faces=dough.faces, process=False)
    chips = []
    for _ in range(int(rng.integers(6, 11))):
        a, d = rng.uniform(0, 2 * np.pi), r * 0.8 * np.sqrt(rng.uniform(0, 1))
        chips.append(ellipsoid((0.0045, 0.004, 0.003), (d * np.cos(a), d * np.sin(a), t * 1.02), 1))
    return make_asset([part("cookie", dough, "food", jitter(rng, (0.82, 0.6, 0.33), 0.04), roughness=0.8),
                       part("chips", chips, "food", (0.2, 0.1, 0.05), role="detail")],
                      description="a chocolate chip cookie")


@category("cupcake", size=((0.06, 0.12), (0.05, 0.085)), group="food", placement="surface",
          synonyms=("cupcakes", "fairy cake", "cup cake", "frosted cupcake"))
def cupcake(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.027, 0.1)
    cup_h = r * vary(rng, 1.2, 0.1)
    liner = lathe([(0.0, 0.0), (r * 0.78, 0.0), (r, cup_h), (0.0, cup_h)], 48)
    liner = _radial(liner, lambda a, z: 1 + 0.035 * np.cos(24 * a))
    cake = ellipsoid((r * 1.05, r * 1.05, r * 0.35), (0, 0, cup_h), 2)
    # a piped swirl: rings that shrink as they rise, and a peak
    swirl = []
    z = cup_h + r * 0.25
    for k in range(4):
        rr = r * (0.85 - 0.2 * k)
        swirl.append(torus(rr, r * 0.28 - k * r * 0.03, (0, 0, z), 28, 10))
        z += r * 0.3
    swirl.append(ellipsoid((r * 0.2, r * 0.2, r * 0.3), (0, 0, z), 2))
    frosting = jitter(rng, pick(rng, ((0.97, 0.72, 0.8), (0.97, 0.95, 0.9), (0.4, 0.24, 0.14), (0.7, 0.85, 0.95))), 0.02)
    parts = [part("frosting", swirl, "food", frosting, roughness=0.45),
             part("liner", liner, "paper", jitter(rng, pick(rng, PLASTICS + (WHITE,)), 0.03)),
             part("cake", cake, "food", jitter(rng, BAKED, 0.03), role="detail")]
    if rng.random() < 0.5:
        parts.append(part("cherry", ellipsoid((r * 0.25,) * 3, (0, 0, z + r * 0.35), 2), "food", (0.75, 0.05, 0.08),
                          role="detail", roughness=0.15))
    return make_asset(parts, description="a cupcake in a paper liner with a swirl of frosting")


@category("butter", size=((0.02, 0.06), (0.08, 0.2)), group="food", placement="surface",
          synonyms=("stick butter", "butter block", "block butter", "butter stick", "margarine"))
def butter(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 0.1, 0.15), vary(rng, 0.06, 0.1), vary(rng, 0.035, 0.15)
    block = superellipsoid((w / 2, d / 2, h / 2), (0, 0, h / 2 + 0.0006), 0.12, 3)
    # the block cut at one end: a knife's flat face, and its wrapper folded open under it
    v = np.asarray(block.vertices).copy()
    v[:, 0] = np.minimum(v[:, 0], w / 2 * 0.85)
    block = trimesh.Trimesh(vertices=v, faces=block.faces, process=False)
    wrapper = box((w * 1.1, d * 1.06, 0.0006), (-w * 0.1, 0, 0.0003))
    foil = pick(rng, ((0.8, 0.8, 0.82), (0.85, 0.75, 0.4), (0.95, 0.93, 0.88)))
    return make_asset([part("butter", block, "food", jitter(rng, (0.98, 0.9, 0.55), 0.02), roughness=0.35),
                       part("wrapper", wrapper, "metal" if foil[2] < 0.85 else "paper", foil, role="detail")],
                      description="a block of butter on its opened wrapper")


@category("beef", size=((0.012, 0.05), (0.14, 0.32)), group="food", placement="surface",
          synonyms=("boeuf", "steak", "beefsteak", "beef steak", "raw beef", "sirloin", "ribeye", "rib eye", "t-bone"))
def beef(rng: np.random.Generator) -> Asset:
    w, d, t = vary(rng, 0.21, 0.15), vary(rng, 0.14, 0.12), vary(rng, 0.028, 0.2)
    meat = fine(superellipsoid((w / 2, d / 2, t / 2), (0, 0, t / 2), 0.3, 3), 0.015)
    meat = _lumpy(meat, rng, 0.06, 5)
    v = np.asarray(meat.vertices).copy()
    v[:, 2] = np.clip(v[:, 2], 0.0, None)
    v[:, 2] = np.where(v[:, 2] < t * 0.15, v[:, 2] * 0.3, v[:, 2])  # flat where it lies
    meat = trimesh.Trimesh(vertices=v, faces=meat.faces, process=False)
    c = meat.triangles_center
    # a cap of fat along the +Y edge and a few streaks of marbling on top
    fat = skin_patches(meat, c[:, 1] > d * 0.34, 0.0008)
    top = (meat.face_normals[:, 2] > 0.7) & (rng.random(len(c)) < 0.06) & (c[:, 1] < d * 0.3)
    parts = [part("beef", meat, "food", jitter(rng, (0.62, 0.12, 0.1), 0.03), roughness=0.35),
             part("fat", fat, "food", (0.95, 0.88, 0.78), role="detail")]
    if top.any():
        parts.append(part("marbling", skin_patches(meat, top, 0.0006), "food", (0.9, 0.7, 0.68), role="detail"))
    return make_asset(parts, description="a raw beef steak with a rim of fat")


@category("ham", size=((0.09, 0.2), (0.2, 0.42)), group="food", placement="surface",
          synonyms=("jambon", "gammon", "glazed ham", "ham joint", "leg ham", "hams"))
def ham(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.27, 0.12)  # lying along X, the shank bone toward +X
    r = length * vary(rng, 0.3, 0.1)
    u = np.linspace(0.0, np.pi, 18)
    profile = [(float(r * np.sin(t) * (1 - 0.45 * (t / np.pi) ** 2)), float(length * (1 - np.cos(t)) / 2)) for t in u]
    body = fine(lathe(profile, 28), 0.02)
    rotate(body, np.pi / 2, (0, 1, 0))
    v = np.asarray(body.vertices).copy()
    v[:, 2] = np.where(v[:, 2] < -r * 0.55, -r * 0.55 + (v[:, 2] + r * 0.55) * 0.2, v[:, 2])  # cut flat where it sits
    body = trimesh.Trimesh(vertices=v, faces=body.faces, process=False)
    c = body.triangles_center
    scores = skin_patches(body, (np.abs(np.sin((c[:, 0] + c[:, 1]) * 90)) < 0.12) |
                          (np.abs(np.sin((c[:, 0] - c[:, 1]) * 90)) < 0.12), 0.0008)
    bone = tube([(length * 0.9, 0, 0), (length * 1.08, 0, 0.004)], [0.013, 0.016], 12)
    parts = [part("ham", body, "food", jitter(rng, (0.72, 0.35, 0.2), 0.04), roughness=0.3),
             part("scoring", scores, "food", (0.45, 0.2, 0.1), role="detail"),
             part("bone", bone, "ceramic", (0.93, 0.9, 0.82), role="detail")]
    return make_asset(parts, description="a glazed ham with a scored crust and its bone")


@category("pastry", size=((0.035, 0.08), (0.1, 0.2)), group="food", placement="surface",
          synonyms=("croissant", "croissants", "danish pastry", "puff pastry", "viennoiserie", "pastries"))
def pastry(rng: np.random.Generator) -> Asset:
    span = vary(rng, 0.12, 0.12)  # a croissant: a crescent of rolled bands, its horns toward -Y
    bend = vary(rng, 2.8, 0.08)
    radius = span / 2 / np.sin(bend / 2)
    n = 7
    angles = np.linspace(-np.pi / 2 - bend / 2, -np.pi / 2 + bend / 2, n)
    bands = []
    for k, a in enumerate(angles):
        size = np.sin(np.pi * (k + 0.5) / n) ** 0.8  # fat in the middle, thin horns
        centre = np.array([radius * np.cos(a), -radius * np.sin(a), 0.0])
        band = ellipsoid((span * 0.13 * size + 0.006, span * 0.26 * size + 0.006, span * 0.22 * size + 0.005), (0, 0, 0), 2)
        rotate(band, -a + np.pi / 2, (0, 0, 1))  # its long axis across the crescent, toward the centre
        band.apply_translation(centre)
        bands.append(band)
    body = merge(bands)
    v = np.asarray(body.vertices).copy()
    v[:, 2] = np.maximum(v[:, 2], -span * 0.06)  # flat underneath, where it lies
    body = trimesh.Trimesh(vertices=v, faces=body.faces, process=False)
    return make_asset([part("pastry", body, "food", jitter(rng, (0.8, 0.5, 0.18), 0.04), roughness=0.3)],
                      description="a croissant")


@category("pickle", size=((0.02, 0.05), (0.06, 0.14)), group="food", placement="surface",
          synonyms=("gherkin", "gherkins", "dill pickle", "pickled cucumber", "cornichon"))
def pickle(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.095, 0.2)
    r = length * vary(rng, 0.18, 0.1)
    x = np.linspace(-length / 2, length / 2, 16)
    tt = (x + length / 2) / length
    radius = r * np.clip(np.sin(np.pi * tt), 0, 1) ** 0.4 + 0.001
    body = fine(tube(np.column_stack([x, 0.003 * np.sin(tt * np.pi), np.full_like(x, r)]), radius, 16), 0.006)
    v = np.asarray(body.vertices)
    n = np.asarray(body.vertex_normals)
    bumps = (np.sin(v[:, 0] * 260 + 1.0) * np.sin(np.arctan2(v[:, 1], v[:, 2] - r) * 7)) > 0.75
    body = trimesh.Trimesh(vertices=v + n * (bumps[:, None] * 0.0012), faces=body.faces, process=False)
    return make_asset([part("pickle", body, "food", jitter(rng, (0.38, 0.45, 0.12), 0.03), roughness=0.3)],
                      description="a bumpy dill pickle")


@category("salad", size=((0.07, 0.2), (0.16, 0.32)), group="food", placement="surface",
          synonyms=("green salad", "garden salad", "caesar salad", "side salad", "tossed salad", "salads"))
def salad(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.11, 0.12)
    h = r * 0.5
    bowl, heap = _served_bowl(r, h, h * 0.6)
    leaves, extras = [heap], []
    for _ in range(34):
        a, d = rng.uniform(0, 2 * np.pi), r * 0.82 * np.sqrt(rng.uniform(0, 1))
        z = h * 0.75 + (1 - d / r) * r * 0.3 + rng.uniform(-0.005, 0.01)
        leaf = ellipsoid((r * 0.22, r * 0.15, 0.003), (0, 0, 0), 1)
        rotate(leaf, rng.uniform(-0.7, 0.7), (1, 0, 0))
        rotate(leaf, rng.uniform(0, np.pi), (0, 0, 1))
        leaf.apply_translation((d * np.cos(a), d * np.sin(a), z))
        leaves.append(leaf)
    for _ in range(int(rng.integers(4, 7))):
        a, d = rng.uniform(0, 2 * np.pi), r * 0.6 * np.sqrt(rng.uniform(0, 1))
        z = h * 0.8 + (1 - d / r) * r * 0.32 + 0.008
        if rng.random() < 0.6:
            extras.append(ellipsoid((0.012, 0.012, 0.009), (d * np.cos(a), d * np.sin(a), z), 1))
        else:
            extras.append(cylinder(0.014, 0.005, (d * np.cos(a), d * np.sin(a), z), 14))
    material = pick(rng, ("wood", "ceramic", "glass"))
    bowl_colour = jitter(rng, pick(rng, WOODS[:2]) if material == "wood" else (WHITE if material == "ceramic" else GLASS_TINT))
    return make_asset([part("salad", leaves, "foliage", jitter(rng, LETTUCE, 0.04), roughness=0.5),
                       part("toppings", extras, "food", TOMATO, role="detail", roughness=0.2),
                       part("bowl", bowl, material, bowl_colour, role="detail")],
                      description="a bowl of green salad with tomatoes")


@category("sausage", size=((0.02, 0.05), (0.1, 0.26)), group="food", placement="surface",
          synonyms=("bratwurst", "banger", "bangers", "chorizo", "kielbasa", "sausage link", "sausages"))
def sausage(rng: np.random.Generator) -> Asset:
    links, marks = [], []
    n = int(rng.integers(2, 4))
    length = vary(rng, 0.15, 0.15)
    r = vary(rng, 0.013, 0.15)
    for k in range(n):
        y = (k - (n - 1) / 2) * r * 2.3
        bend = rng.uniform(0.004, 0.012)
        x = np.linspace(-length / 2 + r, length / 2 - r, 8)
        path = np.column_stack([x, y + bend * (1 - (2 * x / length) ** 2), np.full_like(x, r)])
        links.append(capsule(path[0], path[len(path) // 2], r, 10))
        links.append(capsule(path[len(path) // 2], path[-1], r, 10))
        for xm in np.linspace(-length * 0.25, length * 0.25, 3):
            mark = box((0.004, r * 1.6, 0.002), (xm, y + bend, r * 1.99))
            rotate(mark, 0.5, (0, 0, 1), (xm, y + bend, r * 2))
            marks.append(mark)
    browned = rng.random() < 0.6
    parts = [part("sausage", links, "food", jitter(rng, SAUSAGE if browned else (0.88, 0.62, 0.55), 0.04), roughness=0.3)]
    if browned:
        parts.append(part("grill_marks", marks, "food", (0.25, 0.1, 0.05), role="detail"))
    return make_asset(parts, description="grilled sausages" if browned else "raw sausages")


@category("soup", size=((0.04, 0.1), (0.14, 0.26)), group="food", placement="surface",
          synonyms=("soups", "tomato soup", "chicken soup", "vegetable soup", "broth", "stew", "bisque"))
def soup(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.085, 0.12)
    h = r * vary(rng, 0.55, 0.1)
    level = h * 0.85
    bowl, liquid = _served_bowl(r, h, level)
    rr = liquid.bounds[1][0]
    bits = []
    for _ in range(int(rng.integers(5, 10))):
        a, d = rng.uniform(0, 2 * np.pi), rr * 0.75 * np.sqrt(rng.uniform(0, 1))
        bits.append(ellipsoid((0.004, 0.004, 0.0015), (d * np.cos(a), d * np.sin(a), level), 1))
    colour = jitter(rng, pick(rng, ((0.8, 0.25, 0.1), (0.9, 0.7, 0.3), (0.45, 0.6, 0.2), (0.6, 0.4, 0.2))), 0.03)
    return make_asset([part("soup", liquid, "food", colour, roughness=0.15),
                       part("garnish", bits, "foliage", (0.2, 0.5, 0.15), role="detail"),
                       part("bowl", bowl, "ceramic", jitter(rng, pick(rng, (WHITE, WHITE) + CERAMICS[1:4]), 0.02),
                            role="detail")],
                      description="a bowl of soup")


@category("milk", size=((0.18, 0.32), (0.06, 0.18)), group="kitchen", placement="surface",
          synonyms=("milk carton", "milk bottle", "carton milk", "milk jug", "gallon milk", "dairy milk"))
def milk(rng: np.random.Generator) -> Asset:
    w = vary(rng, 0.075, 0.12)
    h = w * vary(rng, 2.6, 0.1)
    ridge = w * 0.35
    carton = box((w, w, h), (0, 0, h / 2))
    gable = hull([(x, y, h) for x in (-w / 2, w / 2) for y in (-w / 2, w / 2)] +
                 [(x, 0.0, h + ridge) for x in (-w / 2, w / 2)])
    fin = box((w, 0.004, 0.02), (0, 0, h + ridge + 0.009))
    cap = cylinder(0.012, 0.012, (0, 0, 0), 16)
    rotate(cap, -np.pi / 4 + np.pi / 2, (1, 0, 0))  # on the front slope of the gable
    cap.apply_translation((0, -w * 0.22, h + ridge * 0.5))
    band = box((w + 0.002, w + 0.002, h * 0.35), (0, 0, h * 0.45))
    print_colour = jitter(rng, pick(rng, ((0.15, 0.35, 0.8), (0.8, 0.15, 0.15), (0.15, 0.55, 0.3))), 0.03)
    return make_asset([part("milk", [carton, gable, fin], "paper", jitter(rng, WHITE, 0.02)),
                       part("print", band, "paper", print_colour, role="detail"),
                       part("cap", cap, "plastic", print_colour, role="detail")],
                      description="a gable-top carton of milk")


def _soda_bottle(r: float, h: float) -> trimesh.Trimesh:
    neck = r * 0.38
    return lathe([(0.0, 0.0), (r * 0.7, 0.0), (r, h * 0.06), (r, h * 0.62), (r * 0.72, h * 0.76), (neck, h * 0.88),
                  (neck, h * 0.96), (0.0, h * 0.96)], 32)


@category("pop", size=((0.18, 0.35), (0.06, 0.115)), group="kitchen", placement="surface",
          synonyms=("soda", "soda pop", "tonic", "soft drink", "soda bottle", "cola", "coke", "lemonade", "fizzy drink",
                    "pop bottle", "soft drinks"))
def pop(rng: np.random.Generator) -> Asset:
    big = rng.random() < 0.4
    r, h = (vary(rng, 0.05, 0.08), vary(rng, 0.31, 0.05)) if big else (vary(rng, 0.032, 0.08), vary(rng, 0.21, 0.08))
    bottle = _soda_bottle(r, h)
    drink = pick(rng, ((0.22, 0.1, 0.05), (0.22, 0.1, 0.05), (0.55, 0.8, 0.35), (0.95, 0.55, 0.1)))
    cap = cylinder(r * 0.42, h * 0.045, (0, 0, h * 0.955), 20)
    label = _label(r, h * 0.3, h * 0.55)
    brand = jitter(rng, pick(rng, ((0.85, 0.1, 0.1), (0.1, 0.4, 0.8), (0.15, 0.6, 0.25))), 0.03)
    return make_asset([part("pop", bottle, "plastic", jitter(rng, drink, 0.02), roughness=0.05),
                       part("label", label, "paper", brand, role="detail"),
                       part("cap", cap, "plastic", brand, role="detail")],
                      description="a plastic bottle of soda pop with a label")


# LVIS's "can"; the parser reads a bare "can" as the verb (agents/parser.py _FUNCTION_WORDS), so the
# category goes by LVIS's synonym and "cans", "soda can" still name it. A bare "tin" also names the
# metal ("a tin bucket" would build a can beside a bucket), so it is not one of its words.
@category("tin_can", size=((0.09, 0.17), (0.05, 0.11)), group="kitchen", placement="surface",
          synonyms=("soda can", "drink can", "beer can", "food can", "aluminum can", "aluminium can",
                    "canned food", "cans"))
def tin_can(rng: np.random.Generator) -> Asset:
    drink = rng.random() < 0.6
    if drink:
        r, h = 0.033, vary(rng, 0.122, 0.06)
        shell = lathe([(0.0, 0.0), (r * 0.8, 0.0), (r, 0.008), (r, h - 0.012), (r * 0.82, h - 0.002), (r * 0.82, h),
                       (0.0, h - 0.002)], 40)
        top = [cylinder(r * 0.78, 0.0015, (0, 0, h - 0.003), 32), box((0.02, 0.01, 0.0015), (0, -0.008, h - 0.001))]
        colour = jitter(rng, pick(rng, PLASTICS[:4] + ((0.8, 0.8, 0.82),)), 0.03)
        parts = [part("tin_can", shell, "metal", colour, roughness=0.25),
                 part("lid", top, "metal", METAL, role="detail", roughness=0.2)]
        description = "a drink can"
    else:
        r, h = vary(rng, 0.038, 0.1), vary(rng, 0.11, 0.1)
        shell = lathe([(0.0, 0.0), (r, 0.0), (r, h), (0.0, h)], 40)
        shell = _radial(fine(shell, 0.01), lambda a, z: 1 + 0.015 * (np.sin(z * 260) > 0.6) * (z > 0.01) * (z < h - 0.01))
        label = _label(r, h * 0.1, h * 0.9, 40)
        parts = [part("tin_can", label, "paper", jitter(rng, pick(rng, PLASTICS[:4] + ((0.9, 0.85, 0.7),)), 0.03)),
                 part("tin", shell, "metal", METAL, roughness=0.2)]
        description = "a tin can with a paper label"
    return make_asset(parts, description=description)


@category("condiment", size=((0.13, 0.26), (0.05, 0.1)), group="kitchen", placement="surface",
          synonyms=("ketchup", "ketchup bottle", "catsup", "mustard", "mustard bottle", "mayonnaise", "mayo", "hot sauce",
                    "sauce bottle", "squeeze bottle", "condiments", "relish"))
def condiment(rng: np.random.Generator) -> Asset:
    r, h = vary(rng, 0.03, 0.12), vary(rng, 0.17, 0.12)
    bottle = lathe([(0.0, 0.0), (r * 0.85, 0.0), (r, h * 0.1), (r * 1.03, h * 0.55), (r * 0.7, h * 0.82), (0.0, h * 0.82)], 32)
    cap = lathe([(0.0, h * 0.8), (r * 0.72, h * 0.8), (r * 0.7, h * 0.93), (r * 0.25, h * 0.96), (0.006, h), (0.0, h)], 24)
    label = _label(r * 1.01, h * 0.25, h * 0.55)
    kind = pick(rng, ((0.75, 0.07, 0.05), (0.95, 0.75, 0.1), (0.97, 0.95, 0.85), (0.6, 0.1, 0.05)))
    return make_asset([part("condiment", bottle, "plastic", jitter(rng, kind, 0.02), roughness=0.2),
                       part("label", label, "paper", jitter(rng, WHITE, 0.02), role="detail"),
                       part("cap", cap, "plastic", pick(rng, (WHITE, BLACK, kind)), role="detail")],
                      description="a squeeze bottle of sauce with a flip cap")


def _shaker(rng: np.random.Generator, r: float, h: float, fill: tuple[float, float, float]) -> list:
    wall = 0.003
    glass = lathe([(0.0, 0.0), (r, 0.0), (r * 0.92, h * 0.8), (r * 0.92 - wall, h * 0.8), (r - wall, 0.006), (0.0, 0.006)], 28)
    contents = lathe([(0.0, 0.006), (r - wall - 0.0005, 0.006), (r * 0.95 - wall, h * 0.5), (0.0, h * 0.5)], 28)
    top = lathe([(0.0, h * 0.78), (r * 0.95, h * 0.78), (r * 0.95, h * 0.9), (r * 0.6, h), (0.0, h)], 28)
    holes = [cylinder(0.0012, 0.0008, (np.cos(a) * r * 0.28, np.sin(a) * r * 0.28, h - 0.0003), 6)
             for a in np.linspace(0, 2 * np.pi, 6, endpoint=False)]
    # the glass is what shows: it carries a colour word; the steel top stays steel
    return [part("glass", glass, "glass", GLASS_TINT, roughness=0.03),
            part("top", top, "metal", METAL, role="detail", roughness=0.2),
            part("contents", contents, "food", fill, role="detail"),
            part("holes", holes, "plastic", BLACK, role="detail")]


@category("saltshaker", size=((0.06, 0.13), (0.03, 0.07)), group="kitchen", placement="surface",
          synonyms=("salt shaker", "salt cellar", "salt", "salt pot", "salt shakers", "table salt"))
def saltshaker(rng: np.random.Generator) -> Asset:
    r, h = vary(rng, 0.022, 0.12), vary(rng, 0.09, 0.15)
    parts = _shaker(rng, r, h, (0.96, 0.96, 0.95))
    if rng.random() < 0.5:  # a glazed ceramic shaker instead of glass
        parts[0] = part("glass", parts[0].mesh, "ceramic", jitter(rng, pick(rng, (WHITE,) + CERAMICS[1:4]), 0.02))
    return make_asset(parts, description="a salt shaker with a perforated steel top")


@category("pepper", size=((0.08, 0.3), (0.035, 0.08)), group="kitchen", placement="surface",
          synonyms=("peppercorn", "peppercorns", "pepper mill", "pepper grinder", "pepper shaker", "black pepper",
                    "ground pepper", "pepper pot"))
def pepper(rng: np.random.Generator) -> Asset:
    if rng.random() < 0.3:  # a shaker of ground pepper, the salt shaker's twin
        r, h = vary(rng, 0.022, 0.12), vary(rng, 0.09, 0.15)
        parts = _shaker(rng, r, h, (0.2, 0.17, 0.14))
        return make_asset(parts, description="a pepper shaker")
    # a pepper mill: a turned wooden column with a knob on its crown
    r, h = vary(rng, 0.028, 0.12), vary(rng, 0.2, 0.25)
    z = np.linspace(0.0, 1.0, 14)
    radius = r * (0.9 + 0.1 * np.cos(z * np.pi * 2)) * np.where(z > 0.8, 1 - (z - 0.8) * 1.2, 1.0)
    body = lathe([(0.0, 0.0)] + list(zip(radius, z * h)) + [(0.0, h)], 28)
    groove = torus(r * 0.93, 0.0015, (0, 0, h * 0.78), 28, 6)
    knob = ellipsoid((0.009, 0.009, 0.008), (0, 0, h + 0.004), 1)
    material = pick(rng, ("wood", "wood", "metal", "ceramic"))
    colour = jitter(rng, pick(rng, WOODS) if material == "wood" else (METAL if material == "metal" else pick(rng, CERAMICS)))
    return make_asset([part("pepper", body, material, colour),
                       part("knob_and_groove", [knob, groove], "metal", (0.3, 0.3, 0.32), role="detail")],
                      description="a pepper mill")
