"""Setting a table: linen and mats, paper and disposable things, lying or standing as they rest on
a table. Flat things carry a support surface (a mug goes on a coaster, a plate on a place mat).

Cloth things come folded, as they are put on a table before use; a tablecloth spread over a table
is the table's business, not an object of its own.
"""
from __future__ import annotations

import numpy as np
import trimesh

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.palette import CERAMICS, FABRICS, METAL, PAPER, PLASTICS, WHITE, WOODS
from fyi.assets.procedural.shapes import (box, cylinder, fine, hull, jitter, lathe, make_asset, part, pick, rod, rotate,
                                          rounded_rect, slab, top_surface, torus, tube, vary)

LINENS = ((0.93, 0.92, 0.88), (0.75, 0.12, 0.12), (0.2, 0.3, 0.55), (0.85, 0.8, 0.65), (0.35, 0.5, 0.35))
CORK = (0.72, 0.55, 0.36)


def _folded(w: float, d: float, layers: int, layer_t: float) -> list[trimesh.Trimesh]:
    """A folded cloth: layers stacked a little unevenly, each with soft rounded edges."""
    out = []
    for k in range(layers):
        inset = 0.002 * (k % 2)
        out.append(slab(rounded_rect(w - inset, d - inset, 0.006), layer_t * 0.9, k * layer_t))
    return out


@category("napkin", size=((0.002, 0.03), (0.08, 0.3)), group="kitchen", placement="surface",
          synonyms=("table napkin", "serviette", "paper napkin", "cloth napkin", "napkins", "serviettes"))
def napkin(rng: np.random.Generator) -> Asset:
    side = vary(rng, 0.2, 0.2)
    paper = rng.random() < 0.4
    layer = 0.0012 if paper else 0.0025
    if rng.random() < 0.5:  # folded into a triangle
        layers = [hull([(x, y, z) for x, y in ((-side / 2, -side / 4), (side / 2, -side / 4), (0.0, side / 4))
                        for z in (k * layer, (k + 0.9) * layer)]) for k in range(4)]
        shape = "a napkin folded into a triangle"
    else:  # folded in four, then in half: a long rectangle
        layers = _folded(side / 2, side / 4, 4, layer)
        shape = "a folded napkin"
    colour = jitter(rng, WHITE if paper else pick(rng, LINENS), 0.02)
    return make_asset([part("napkin", layers, "paper" if paper else "fabric", colour)], description=shape)


@category("paper_plate", size=((0.01, 0.03), (0.15, 0.28)), group="kitchen", placement="surface",
          synonyms=("paper plates", "disposable plate", "picnic plate", "cardboard plate"))
def paper_plate(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.115, 0.12)
    well, t = r * 0.7, 0.0012
    rim_h = vary(rng, 0.018, 0.15)
    profile = [(0.0, 0.0), (well, 0.0), (r, rim_h), (r + 0.004, rim_h - 0.002), (r + 0.004 - t, rim_h - 0.002 - t),
               (r - t * 1.5, rim_h - t), (well - t, t), (0.0, t)]
    body = lathe(profile, 72)
    # the fluted rim: pleats pressed into the cardboard all around
    v = np.asarray(body.vertices).copy()
    rr = np.hypot(v[:, 0], v[:, 1])
    a = np.arctan2(v[:, 1], v[:, 0])
    v[:, 2] += (rr > well + 0.003) * 0.0012 * np.cos(36 * a)
    body = trimesh.Trimesh(vertices=v, faces=body.faces, process=False)
    half = well * 0.7
    return make_asset([part("paper_plate", body, "paper", jitter(rng, pick(rng, (WHITE, WHITE, PAPER)), 0.02))],
                      [top_surface("top", t, (-half, half), (-half, half), inset=0.0)], "a disposable paper plate")


@category("paper_towel", size=((0.22, 0.4), (0.1, 0.2)), group="kitchen", placement="surface",
          synonyms=("paper towels", "kitchen roll", "paper towel roll", "kitchen paper", "paper towel holder",
                    "kitchen towel roll"))
def paper_towel(rng: np.random.Generator) -> Asset:
    length, r = vary(rng, 0.28, 0.06), vary(rng, 0.06, 0.12)
    base_r, base_t = r * 1.2, 0.015
    roll = lathe([(0.02, base_t + 0.003), (r, base_t + 0.003), (r, base_t + 0.003 + length), (0.02, base_t + 0.003 + length)], 40)
    perforations = [torus(r + 0.0002, 0.0006, (0, 0, base_t + 0.003 + z), 40, 4) for z in np.arange(0.028, length, 0.028)]
    # a sheet hanging loose from the roll, down its front
    tail = hull([(x, -r - 0.0015 + dy, z) for x in (-r * 0.7, r * 0.7) for dy in (0.0, 0.0012)
                 for z in (base_t + length * 0.45, base_t + length * 0.95)])
    stand = [cylinder(base_r, base_t, (0, 0, 0), 40), rod((0, 0, base_t), (0, 0, base_t + length + 0.03), 0.008, 12),
             cylinder(0.014, 0.012, (0, 0, base_t + length + 0.03), 16)]
    material = pick(rng, ("wood", "metal"))
    return make_asset([part("paper_towel", [roll, tail], "paper", jitter(rng, WHITE, 0.02), roughness=0.9),
                       part("perforations", perforations, "paper", (0.8, 0.8, 0.78), role="detail"),
                       part("stand", stand, material, jitter(rng, pick(rng, WOODS[:3])) if material == "wood" else METAL,
                            role="detail")],
                      description="a roll of paper towels on a stand")


@category("dishtowel", size=((0.006, 0.04), (0.18, 0.4)), group="kitchen", placement="surface",
          synonyms=("tea towel", "dish towel", "dishcloth", "dish cloth", "kitchen towel", "dishtowels", "dish rag"))
def dishtowel(rng: np.random.Generator) -> Asset:
    w, d = vary(rng, 0.26, 0.15), vary(rng, 0.16, 0.12)
    layer = 0.003
    layers = _folded(w, d, 3, layer)
    top = 3 * layer - layer * 0.1
    stripe_colour = jitter(rng, pick(rng, ((0.75, 0.12, 0.12), (0.2, 0.3, 0.6), (0.3, 0.5, 0.3))), 0.03)
    stripes = [box((0.012, d - 0.004, 0.0006), (x, 0, top + 0.0003)) for x in (-w / 2 + 0.03, -w / 2 + 0.05, w / 2 - 0.03,
                                                                                 w / 2 - 0.05)]
    if rng.random() < 0.5:  # a checked weave instead of end stripes
        stripes = [box((w - 0.006, 0.008, 0.0006), (0, y, top + 0.0003)) for y in np.arange(-d / 2 + 0.02, d / 2 - 0.01, 0.03)]
    return make_asset([part("dishtowel", layers, "fabric", jitter(rng, pick(rng, (WHITE, (0.9, 0.88, 0.8))), 0.02)),
                       part("stripes", stripes, "fabric", stripe_colour, role="detail")],
                      description="a folded tea towel with woven stripes")


@category("dixie_cup", size=((0.06, 0.17), (0.05, 0.1)), group="kitchen", placement="surface",
          synonyms=("dixie cup", "paper cup", "paper cups", "disposable cup", "takeaway cup", "takeout cup"))
def dixie_cup(rng: np.random.Generator) -> Asset:
    coffee = rng.random() < 0.5
    r_top = vary(rng, 0.042 if coffee else 0.036, 0.08)
    h = vary(rng, 0.13 if coffee else 0.085, 0.1)
    r_bottom = r_top * 0.72
    wall = 0.0008
    cup = lathe([(0.0, 0.0), (r_bottom, 0.0), (r_top, h), (r_top - wall, h), (r_bottom - wall, 0.006), (0.0, 0.006)], 40)
    rim = torus(r_top - 0.0005, 0.0018, (0, 0, h), 40, 6)
    colour = jitter(rng, pick(rng, (WHITE, WHITE, (0.85, 0.75, 0.55), (0.85, 0.2, 0.2), (0.3, 0.5, 0.8))), 0.02)
    parts = [part("dixie_cup", [cup, rim], "paper", colour)]
    if coffee:
        sleeve = lathe([(r_bottom + (r_top - r_bottom) * 0.3 + 0.0006, h * 0.3), (r_bottom + (r_top - r_bottom) * 0.3 + 0.002, h * 0.3),
                        (r_bottom + (r_top - r_bottom) * 0.68 + 0.002, h * 0.68),
                        (r_bottom + (r_top - r_bottom) * 0.68 + 0.0006, h * 0.68)], 40)
        lid = lathe([(0.0, h - 0.002), (r_top + 0.003, h - 0.002), (r_top + 0.003, h + 0.006), (r_top * 0.8, h + 0.012),
                     (0.0, h + 0.012)], 40)
        parts += [part("sleeve", sleeve, "paper", (0.6, 0.45, 0.3), role="detail"),
                  part("lid", lid, "plastic", pick(rng, (WHITE, (0.12, 0.12, 0.12))), role="detail")]
    return make_asset(parts, description="a paper coffee cup with a lid" if coffee else "a small paper cup")


@category("straw", size=((0.004, 0.02), (0.15, 0.27)), group="kitchen", placement="surface",
          synonyms=("drinking straw", "drinking straws", "bendy straw", "paper straw", "plastic straw"))
def straw(rng: np.random.Generator) -> Asset:
    length, r = vary(rng, 0.21, 0.1), vary(rng, 0.0035, 0.1)
    bend_at = length * 0.78
    # lying on the table, its short end bent toward -Y
    path = [(-length / 2, 0.0, r), (-length / 2 + bend_at, 0.0, r)]
    path += [(-length / 2 + bend_at + 0.012 * np.sin(t), -0.012 * (1 - np.cos(t)), r) for t in np.linspace(0.2, np.pi / 2, 5)]
    path += [(-length / 2 + bend_at + 0.012, -0.012 - (length - bend_at - 0.02), r)]
    tube_mesh = tube(path, r, 12)
    colour = jitter(rng, pick(rng, PLASTICS + (WHITE,)), 0.03)
    rings = [torus(r, 0.0009, (0, 0, 0), 12, 4) for _ in range(5)]
    for k, ring in enumerate(rings):  # the pleats of the bend
        rotate(ring, np.pi / 2, (0, 1, 0))
        ring.apply_translation((-length / 2 + bend_at - 0.012 + k * 0.003, 0.0, r))
    return make_asset([part("straw", tube_mesh, "plastic", colour, roughness=0.2),
                       part("pleats", rings, "plastic", colour, role="detail", roughness=0.2)],
                      description="a bendy drinking straw lying on its side")


@category("tinfoil", size=((0.02, 0.08), (0.25, 0.48)), group="kitchen", placement="surface",
          synonyms=("tin foil", "aluminum foil", "aluminium foil", "kitchen foil", "foil", "silver foil", "foil roll"))
def tinfoil(rng: np.random.Generator) -> Asset:
    width, r = vary(rng, 0.3, 0.1), vary(rng, 0.022, 0.12)
    roll = tube([(-width / 2, 0.0, r), (width / 2, 0.0, r)], r, 28)
    core = tube([(-width / 2 - 0.002, 0.0, r), (width / 2 + 0.002, 0.0, r)], r * 0.55, 16)
    # the unrolled sheet lies toward -Y, crinkled
    sheet_l = vary(rng, 0.2, 0.3)
    sheet = fine(box((width * 0.99, sheet_l, 0.0008), (0, -sheet_l / 2, 0.0004)), 0.02)
    v = np.asarray(sheet.vertices).copy()
    v[:, 2] += np.abs(np.sin(v[:, 0] * 60 + rng.uniform(0, 6)) * np.sin(v[:, 1] * 45)) * 0.002
    sheet = trimesh.Trimesh(vertices=v, faces=sheet.faces, process=False)
    return make_asset([part("tinfoil", [roll, sheet], "metal", jitter(rng, (0.82, 0.82, 0.84), 0.02), roughness=0.3),
                       part("core", core, "paper", (0.6, 0.45, 0.3), role="detail")],
                      description="a roll of aluminium foil with a crinkled sheet pulled out")


@category("toothpick", size=((0.05, 0.11), (0.02, 0.06)), group="kitchen", placement="surface",
          synonyms=("toothpicks", "tooth pick", "cocktail stick", "toothpick holder"))
def toothpick(rng: np.random.Generator) -> Asset:
    r, h = vary(rng, 0.016, 0.12), vary(rng, 0.045, 0.12)
    holder = lathe([(0.0, 0.0), (r, 0.0), (r * 1.08, h), (r * 1.08 - 0.002, h), (r - 0.002, 0.004), (0.0, 0.004)], 28)
    picks = []
    for _ in range(int(rng.integers(14, 22))):
        a, d = rng.uniform(0, 2 * np.pi), (r - 0.004) * np.sqrt(rng.uniform(0, 1))
        foot = np.array([d * np.cos(a), d * np.sin(a), 0.005])
        lean = np.array([np.cos(a), np.sin(a), 0.0]) * (d / r) * 0.012
        top = foot + lean + (0, 0, 0.065)
        picks.append(tube([foot, (foot + top) / 2, top], [0.0006, 0.0011, 0.0005], 6))
    material = pick(rng, ("glass", "wood", "ceramic"))
    colour = (0.88, 0.94, 0.95) if material == "glass" else jitter(rng, pick(rng, WOODS) if material == "wood" else
                                                                    pick(rng, CERAMICS))
    return make_asset([part("toothpick", picks, "wood", jitter(rng, (0.9, 0.8, 0.6), 0.03)),
                       part("holder", holder, material, colour)],
                      description="wooden toothpicks standing in a small holder")


@category("coaster", size=((0.003, 0.014), (0.08, 0.12)), group="kitchen", placement="surface",
          synonyms=("coasters", "drink coaster", "beer mat", "cup coaster", "drinks coaster"))
def coaster(rng: np.random.Generator) -> Asset:
    t = vary(rng, 0.006, 0.3)
    if rng.random() < 0.5:
        r = vary(rng, 0.05, 0.1)
        outline, half = rounded_rect(2 * r, 2 * r, r), r * 0.7
    else:
        s = vary(rng, 0.1, 0.1)
        outline, half = rounded_rect(s, s, 0.008), s / 2 - 0.005
    body = slab(outline, t)
    material = pick(rng, ("wood", "stone", "paper", "ceramic"))
    colour = jitter(rng, {"wood": CORK, "stone": (0.3, 0.3, 0.32), "paper": WHITE, "ceramic": pick(rng, CERAMICS)}[material])
    ring = torus(half * 0.8, 0.0015, (0, 0, t), 32, 4)
    return make_asset([part("coaster", body, material, colour),
                       part("ring", ring, material, tuple(c * 0.8 for c in colour), role="detail")],
                      [top_surface("top", t, (-half, half), (-half, half), inset=0.0)], "a coaster for a drink")


@category("place_mat", size=((0.001, 0.01), (0.36, 0.52)), group="kitchen", placement="surface",
          synonyms=("placemat", "placemats", "table mat", "place mats", "table setting mat"))
def place_mat(rng: np.random.Generator) -> Asset:
    w, d, t = vary(rng, 0.44, 0.08), vary(rng, 0.32, 0.08), 0.003
    round_ = rng.random() < 0.25
    outline = rounded_rect(w, d, d / 2 if round_ else 0.01)
    body = slab(outline, t)
    border = [box((w - 0.04, 0.006, 0.0005), (0, s * (d / 2 - 0.02), t + 0.00025)) for s in (-1, 1)]
    border += [box((0.006, d - 0.04, 0.0005), (s * (w / 2 - 0.02), 0, t + 0.00025)) for s in (-1, 1)]
    material = pick(rng, ("fabric", "fabric", "wood", "plastic"))
    colour = jitter(rng, pick(rng, FABRICS + LINENS) if material != "wood" else (0.75, 0.6, 0.4), 0.03)
    parts = [part("place_mat", body, material, colour)]
    if not round_:
        parts.append(part("border", border, material, tuple(c * 0.7 for c in colour), role="detail"))
    return make_asset(parts, [top_surface("top", t, (-w / 2, w / 2), (-d / 2, d / 2), inset=0.02)],
                      "a place mat for one setting")


@category("tablecloth", size=((0.02, 0.1), (0.25, 0.5)), group="kitchen", placement="surface",
          synonyms=("table cloth", "tablecloths", "table linen", "table cover", "checkered tablecloth"))
def tablecloth(rng: np.random.Generator) -> Asset:
    w, d = vary(rng, 0.38, 0.15), vary(rng, 0.28, 0.12)
    layers = int(rng.integers(5, 9))
    layer = 0.005
    folds = _folded(w, d, layers, layer)
    top = layers * layer - layer * 0.1
    parts = [part("tablecloth", folds, "fabric", jitter(rng, pick(rng, LINENS[1:]), 0.02))]
    # gingham: light squares over the cloth's colour, what says "tablecloth" folded on a table
    cell = vary(rng, 0.025, 0.2)
    squares = [box((cell, cell, 0.0006), (x, y, top + 0.0003))
               for i, x in enumerate(np.arange(-w / 2 + cell / 2 + 0.004, w / 2 - cell / 2, cell))
               for j, y in enumerate(np.arange(-d / 2 + cell / 2 + 0.004, d / 2 - cell / 2, cell)) if (i + j) % 2 == 0]
    parts.append(part("checks", squares, "fabric", WHITE, role="detail"))
    return make_asset(parts, description="a folded tablecloth")
