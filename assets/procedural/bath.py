"""Bathroom things beyond bathroom.py's fixtures: bathtub, faucet, shower head, urinal, towel rack, towels and
bath mat, and the small things of a bathroom shelf (soap, toothpaste, toilet paper, a tissue box, brushes)
and a bathroom scale.

Fronts face -Y: a faucet's spout, a scale's display and a towel's folded edge point at the viewer; wall
things have their back at +Y. Long small things (toothpaste, brushes) lie along X.
"""
from __future__ import annotations

import numpy as np

from fyi.assets.catalog import category
from fyi.assets.model import Asset, Surface
from fyi.assets.procedural.household import cloth_band, facing_front, folded_cloth
from fyi.assets.procedural.palette import BLACK, DARK_METAL, METAL, PLASTICS, SCREEN, WHITE, WOODS
from fyi.assets.procedural.shapes import (box, cylinder, ellipsoid, jitter, lathe, make_asset, part, pick,
                                          rod, rounded_rect, slab, superellipsoid, top_surface, tube, vary)

PORCELAIN = (0.95, 0.95, 0.93)
TOWELS = ((0.95, 0.95, 0.93), (0.92, 0.9, 0.84), (0.55, 0.7, 0.82), (0.3, 0.42, 0.6), (0.85, 0.6, 0.62),
          (0.55, 0.55, 0.58), (0.45, 0.6, 0.5), (0.95, 0.85, 0.55))
CHROME = (0.8, 0.8, 0.82)


def _towel(rng: np.random.Generator, w: float, d: float, h: float, description: str) -> Asset:
    """A towel folded flat: soft layers and a woven band (dobby border) across each end."""
    color = jitter(rng, pick(rng, TOWELS), 0.03)
    band = tuple(float(c) for c in np.clip(np.asarray(color) * 0.8, 0, 1))
    bands = [cloth_band(w, d, h, s * w * 0.36, max(0.012, w * 0.04)) for s in (-1, 1)]
    parts = [part("towel", folded_cloth(w, d, h, int(rng.integers(2, 5))), "fabric", color),
             part("border", bands, "fabric", band, role="detail")]
    return make_asset(parts, [top_surface("top", h, (-w / 2, w / 2), (-d / 2, d / 2), inset=0.02)], description)


@category("towel", size=((0.02, 0.1), (0.22, 0.45)), group="indoor", placement="surface",
          synonyms=("towels", "folded towel", "terry towel", "cloth towel", "beach towel"))
def towel(rng: np.random.Generator) -> Asset:
    return _towel(rng, vary(rng, 0.33, 0.15), vary(rng, 0.24, 0.15), vary(rng, 0.05, 0.3), "a folded towel")


@category("bath_towel", size=((0.04, 0.14), (0.32, 0.55)), group="indoor", placement="surface",
          synonyms=("bath towel", "bath towels", "shower towel", "bath sheet", "large towel"))
def bath_towel(rng: np.random.Generator) -> Asset:
    return _towel(rng, vary(rng, 0.44, 0.15), vary(rng, 0.32, 0.12), vary(rng, 0.08, 0.25), "a large folded bath towel")


@category("hand_towel", size=((0.01, 0.05), (0.15, 0.33)), group="indoor", placement="surface",
          synonyms=("hand towel", "face towel", "hand towels", "washcloth", "wash cloth", "facecloth",
                    "guest towel"))
def hand_towel(rng: np.random.Generator) -> Asset:
    return _towel(rng, vary(rng, 0.25, 0.15), vary(rng, 0.17, 0.15), vary(rng, 0.03, 0.3), "a small folded hand towel")


@category("bath_mat", size=((0.006, 0.03), (0.45, 0.95)), group="indoor", placement="floor",
          synonyms=("bath mat", "bathmat", "bath rug", "shower mat", "bathroom mat", "bathroom rug"))
def bath_mat(rng: np.random.Generator) -> Asset:
    w, d, t = vary(rng, 0.75, 0.15), vary(rng, 0.5, 0.12), vary(rng, 0.015, 0.4)
    color = jitter(rng, pick(rng, TOWELS), 0.03)
    mat = slab(rounded_rect(w, d, pick(rng, (0.02, 0.08, 0.2))), t)
    # a woven border line a little inside the edge
    m = 0.06
    border = [box((w - 2 * m, 0.015, 0.002), (0, s * (d / 2 - m), t + 0.001)) for s in (-1, 1)]
    border += [box((0.015, d - 2 * m, 0.002), (s * (w / 2 - m), 0, t + 0.001)) for s in (-1, 1)]
    parts = [part("bath_mat", mat, "fabric", color),
             part("border", border, "fabric", tuple(float(c) * 0.8 for c in color), role="detail")]
    return make_asset(parts, [top_surface("top", t, (-w / 2, w / 2), (-d / 2, d / 2), inset=0.03)],
                      "a bath mat with a woven border")


@category("bathtub", size=((0.45, 0.95), (1.4, 1.85)), group="furniture", placement="floor", against_wall=True,
          synonyms=("bath tub", "bathing tub", "tub", "bath", "bathtubs", "clawfoot tub", "soaking tub"))
def bathtub(rng: np.random.Generator) -> Asset:
    length, width = vary(rng, 1.65, 0.08), vary(rng, 0.76, 0.08)
    depth = vary(rng, 0.5, 0.1)
    freestanding = rng.random() < 0.5
    lift = 0.12 if freestanding else 0.0
    wall = 0.05
    # an oval shell turned on a unit profile, stretched to the tub's length and width
    u = np.linspace(0.0, 1.0, 8)
    outer = [(0.82 + 0.18 * np.sin(t * np.pi / 2), lift + depth * t) for t in u]
    inner = [(max(0.05, x - wall * 2 / width), z + 0.001) for x, z in outer[::-1]]
    inner[-1] = (0.74 - wall * 2 / width, lift + 0.06)
    shell = lathe([(0.0, lift)] + outer + [(outer[-1][0] + 0.03, lift + depth), (outer[-1][0] + 0.03, lift + depth + 0.03),
                                           (inner[0][0], lift + depth + 0.03)] + inner + [(0.0, lift + 0.06)], 48)
    shell.apply_scale((length / 2 / 1.03, width / 2 / 1.03, 1.0))
    body = [shell]
    details = []
    if freestanding:  # claw feet
        details = [ellipsoid((0.05, 0.05, 0.07), (sx * length * 0.33, sy * width * 0.28, 0.07), 2)
                   for sx in (-1, 1) for sy in (-1, 1)]
    else:  # a built-in apron box around it
        body.append(box((length, width, depth * 0.9), (0, 0, depth * 0.45)))
    top_z = lift + depth + 0.03
    tap_x = length / 2 - 0.12
    tap = [rod((tap_x, 0, top_z), (tap_x, 0, top_z + 0.14), 0.014, 10),
           tube([(tap_x, 0, top_z + 0.13), (tap_x - 0.03, 0, top_z + 0.17), (tap_x - 0.1, 0, top_z + 0.15)], 0.012, 10)]
    parts = [part("bathtub", body, "ceramic", jitter(rng, PORCELAIN, 0.015))]
    if details:
        parts.append(part("feet", details, "metal", pick(rng, (CHROME, (0.78, 0.62, 0.3), DARK_METAL)), role="detail"))
    parts.append(part("tap", tap, "metal", CHROME, role="detail", roughness=0.1))
    floor = lift + 0.06
    inside = Surface("interior", floor, (-length * 0.3, -width * 0.22), (length * 0.3, width * 0.22), kind="interior")
    return make_asset(parts, [inside], "a freestanding bathtub on claw feet" if freestanding else "a built-in bathtub")


@category("faucet", size=((0.12, 0.38), (0.1, 0.28)), group="kitchen", placement="surface",
          synonyms=("spigot", "tap", "water tap", "mixer tap", "kitchen faucet", "bathroom faucet", "faucets"))
def faucet(rng: np.random.Generator) -> Asset:
    h = vary(rng, 0.24, 0.35)
    reach = vary(rng, 0.14, 0.3)
    base = lathe([(0.0, 0.0), (0.03, 0.0), (0.028, 0.012), (0.0, 0.014)], 24)
    column = cylinder(0.016, h * 0.7, (0, 0, 0.01), 20)
    # a gooseneck from the column's top arcing forward (-Y) and down to the outlet
    t = np.linspace(0.0, np.pi, 12)
    arc = np.column_stack([np.zeros_like(t), -reach / 2 + reach / 2 * np.cos(t), h * 0.7 + (h * 0.3) * np.sin(t)])
    spout = tube(np.vstack([[0, 0, h * 0.6], arc, [0, -reach, h * 0.55]]), 0.011, 12)
    outlet = cylinder(0.013, 0.02, (0, -reach, h * 0.52), 16)
    lever = [rod((0.015, 0, h * 0.45), (0.075, 0.02, h * 0.5), 0.006, 8), ellipsoid((0.012, 0.012, 0.012), (0.02, 0, h * 0.45), 1)]
    color = pick(rng, (CHROME, CHROME, (0.15, 0.15, 0.16), (0.78, 0.62, 0.3)))
    parts = [part("faucet", [base, column, *lever], "metal", color, roughness=0.1),
             part("spout", [spout, outlet], "metal", color, roughness=0.1)]
    return make_asset(parts, description="a gooseneck faucet with a lever, spout toward the front")


@category("shower_head", size=((0.05, 0.35), (0.15, 0.45)), group="indoor", placement="wall",
          synonyms=("showerhead", "shower rose", "rain shower", "rain shower head"))
def shower_head(rng: np.random.Generator) -> Asset:
    reach = vary(rng, 0.3, 0.3)
    r = vary(rng, 0.08, 0.5)
    flange = facing_front(cylinder(0.035, 0.012, (0, 0, 0), 24)).apply_translation((0, 0.012, 0.15))
    drop = 0.06
    arm = tube([(0, 0.0, 0.15), (0, -reach * 0.5, 0.15 + drop * 0.3), (0, -reach, 0.15 + drop * 0.4)], 0.01, 10)
    head = lathe([(0.0, 0.0), (r, 0.0), (r, 0.012), (0.018, 0.045), (0.0, 0.05)], 32)
    head.apply_translation((0, -reach, 0.15 + drop * 0.4 - 0.05))
    nozzles = [cylinder(0.002, 0.003, (np.cos(a) * rr, -reach + np.sin(a) * rr, 0.15 + drop * 0.4 - 0.052), 6)
               for rr in (r * 0.3, r * 0.6, r * 0.85) for a in np.linspace(0, 2 * np.pi, int(8 * rr / r) + 4, endpoint=False)]
    color = pick(rng, (CHROME, CHROME, (0.12, 0.12, 0.13), (0.78, 0.62, 0.3)))
    parts = [part("shower_head", [flange, arm, head], "metal", color, roughness=0.12),
             part("nozzles", nozzles, "rubber", BLACK, role="detail")]
    return make_asset(parts, description="a wall-mounted shower head on an arm")


@category("urinal", size=((0.55, 1.15), (0.32, 0.5)), group="furniture", placement="floor", against_wall=True,
          synonyms=("urinals", "pissoir", "wall urinal"))
def urinal(rng: np.random.Generator) -> Asset:
    h, w, d = vary(rng, 0.75, 0.25), vary(rng, 0.38, 0.1), vary(rng, 0.34, 0.1)
    shell = superellipsoid((w / 2, d / 2, h / 2), (0, 0, h / 2), 0.45, 3)
    v = shell.vertices
    v[:, 1] = np.where(v[:, 1] > 0, v[:, 1] * 0.35, v[:, 1])  # flat toward the wall, round toward the viewer
    shell.vertices = v
    # the bowl: a dished recess on the front, shown as a darker glazed oval
    bowl = ellipsoid((w * 0.34, d * 0.12, h * 0.3), (0, -d / 2 + d * 0.07, h * 0.4), 3)
    flush = [rod((0, d * 0.1, h - 0.02), (0, d * 0.1, h + 0.14), 0.012, 12),
             ellipsoid((0.03, 0.03, 0.04), (0, d * 0.1, h + 0.14), 2)]
    parts = [part("urinal", shell, "ceramic", jitter(rng, PORCELAIN, 0.015)),
             part("bowl", bowl, "ceramic", (0.6, 0.63, 0.64), role="detail", roughness=0.1),
             part("flush_valve", flush, "metal", CHROME, role="detail", roughness=0.1)]
    return make_asset(parts, description="a urinal with a flush valve, its bowl toward the front")


@category("towel_rack", size=((0.1, 1.0), (0.4, 0.75)), group="indoor", placement="wall",
          synonyms=("towel rail", "towel bar", "towel holder", "towel ladder", "heated towel rail", "towel racks"))
def towel_rack(rng: np.random.Generator) -> Asset:
    w = vary(rng, 0.55, 0.2)
    color = pick(rng, (CHROME, CHROME, (0.92, 0.92, 0.9), (0.15, 0.15, 0.16)))
    if rng.random() < 0.5:  # a heated ladder rail: two uprights and rungs
        h = vary(rng, 0.8, 0.15)
        uprights = [rod((s * w / 2, 0, 0), (s * w / 2, 0, h), 0.016, 12) for s in (-1, 1)]
        rungs = [rod((-w / 2, 0, z), (w / 2, 0, z), 0.011, 10) for z in np.linspace(0.08, h - 0.03, int(h / 0.07))]
        brackets = [rod((s * w / 2, 0, z), (s * w / 2, 0.05, z), 0.01, 8) for s in (-1, 1) for z in (0.1, h - 0.1)]
        return make_asset([part("towel_rack", [*uprights, *rungs], "metal", color, roughness=0.15),
                           part("brackets", brackets, "metal", METAL, role="detail")],
                          description="a heated ladder towel rail")
    # a hotel rack: a shelf of bars over a hanging bar
    depth = 0.22
    shelf = [rod((-w / 2, y, 0.2), (w / 2, y, 0.2), 0.008, 10) for y in np.linspace(-depth + 0.02, -0.02, 6)]
    bar = rod((-w / 2, -depth + 0.02, 0.04), (w / 2, -depth + 0.02, 0.04), 0.012, 12)
    arms = [tube([(s * w / 2, 0.0, 0.22), (s * w / 2, -depth, 0.2), (s * w / 2, -depth + 0.02, 0.04),
                  (s * w / 2, 0.0, 0.0)], 0.01, 8) for s in (-1, 1)]
    plates = [facing_front(cylinder(0.025, 0.01, (0, 0, -0.01), 16)).apply_translation((s * w / 2, 0.0, z))
              for s in (-1, 1) for z in (0.0, 0.22)]
    parts = [part("towel_rack", [*shelf, bar, *arms], "metal", color, roughness=0.15),
             part("brackets", plates, "metal", METAL, role="detail")]
    return make_asset(parts, [top_surface("shelf", 0.208, (-w / 2, w / 2), (-depth, 0.0), inset=0.02)],
                      "a wall towel rack: a shelf of bars over a towel bar")


@category("soap", size=((0.015, 0.05), (0.06, 0.12)), group="indoor", placement="surface",
          synonyms=("bar of soap", "soap bar", "soaps", "bar soap", "hand soap"))
def soap(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 0.09, 0.15), vary(rng, 0.06, 0.15), vary(rng, 0.028, 0.2)
    bar = superellipsoid((w / 2, d / 2, h / 2), (0, 0, h / 2), 0.45, 3)
    stamp = superellipsoid((w * 0.3, d * 0.22, 0.002), (0, 0, h - 0.0005), 0.4, 2)
    color = jitter(rng, pick(rng, ((0.95, 0.93, 0.88), (0.95, 0.8, 0.85), (0.8, 0.9, 0.8), (0.85, 0.85, 0.95),
                                   (0.95, 0.88, 0.6))), 0.02)
    parts = [part("soap", bar, "plastic", color, roughness=0.45),
             part("stamp", stamp, "plastic", tuple(float(c) * 0.88 for c in color), role="detail", roughness=0.5)]
    return make_asset(parts, description="a bar of soap")


@category("toothpaste", size=((0.025, 0.06), (0.12, 0.22)), group="indoor", placement="surface",
          synonyms=("toothpaste tube", "tube of toothpaste", "toothpastes", "dentifrice"))
def toothpaste(rng: np.random.Generator) -> Asset:
    length, r = vary(rng, 0.17, 0.15), vary(rng, 0.017, 0.12)
    xs = np.linspace(-length / 2, length / 2 - 0.02, 14)
    body = tube([(x, 0, r) for x in xs], r, 16)
    # squeeze flat toward the crimped end (-X): thinner in z, wider in y
    v = body.vertices
    k = np.clip((length / 2 - 0.02 - v[:, 0]) / (length - 0.02), 0, 1) ** 1.5
    v[:, 2] = r + (v[:, 2] - r) * (1 - 0.92 * k)
    v[:, 1] = v[:, 1] * (1 + 0.5 * k)
    body.vertices = v
    crimp = box((0.012, r * 3.1, 0.003), (-length / 2 + 0.004, 0, r))
    cap = rod((length / 2 - 0.022, 0, r), (length / 2, 0, r), r * 0.62, 16)
    stripe = pick(rng, ((0.85, 0.1, 0.1), (0.1, 0.35, 0.8), (0.1, 0.6, 0.4)))
    parts = [part("toothpaste", [body, crimp], "plastic", jitter(rng, pick(rng, (WHITE, WHITE, stripe)), 0.02), roughness=0.3),
             part("cap", cap, "plastic", pick(rng, (WHITE, stripe, (0.2, 0.2, 0.22))), role="detail")]
    return make_asset(parts, description="a tube of toothpaste lying on its side")


@category("toilet_tissue", size=((0.09, 0.13), (0.1, 0.14)), group="indoor", placement="surface",
          synonyms=("toilet paper", "bathroom tissue", "toilet roll", "loo roll", "toilet paper roll", "bog roll"))
def toilet_tissue(rng: np.random.Generator) -> Asset:
    r, h = vary(rng, 0.058, 0.1), vary(rng, 0.1, 0.08)
    core_r = 0.021
    roll = lathe([(core_r, 0.0), (r, 0.0), (r, h), (core_r, h)], 40)
    core = lathe([(core_r - 0.002, 0.0), (core_r + 0.0005, 0.0), (core_r + 0.0005, h - 0.001), (core_r - 0.002, h - 0.001)], 24)
    # the loose end hanging down the front
    sheet = box((r * 1.2, 0.0015, h * 0.96), (0, -r - 0.0008, h / 2))
    color = jitter(rng, pick(rng, (WHITE, WHITE, (0.96, 0.93, 0.86), (0.95, 0.85, 0.88))), 0.01)
    parts = [part("toilet_tissue", [roll], "paper", color),
             part("core", core, "paper", (0.65, 0.5, 0.35), role="detail")]
    if rng.random() < 0.5:
        parts[0] = part("toilet_tissue", [roll, sheet], "paper", color)
    return make_asset(parts, description="a roll of toilet paper standing on end")


@category("tissue_paper", size=((0.09, 0.23), (0.11, 0.27)), group="indoor", placement="surface",
          synonyms=("tissue", "tissues", "tissue box", "box of tissues", "kleenex", "facial tissue", "facial tissues",
                    "tissue paper box"))
def tissue_paper(rng: np.random.Generator) -> Asset:
    cube = rng.random() < 0.4
    w = vary(rng, 0.12 if cube else 0.23, 0.08)
    d = w if cube else vary(rng, 0.12, 0.08)
    h = vary(rng, 0.13 if cube else 0.085, 0.1)
    carton = box((w, d, h), (0, 0, h / 2))
    opening = superellipsoid((w * (0.3 if cube else 0.32), d * 0.15, 0.0015), (0, 0, h + 0.0008), 0.5, 2)
    # a tissue standing out of the slot in a soft pleat
    tissue = [superellipsoid((w * 0.16, 0.006, 0.04), (0, 0, h + 0.035), 0.7, 2),
              superellipsoid((w * 0.12, 0.02, 0.025), (0.01, 0, h + 0.02), 0.7, 2)]
    color = jitter(rng, pick(rng, ((0.3, 0.5, 0.75), (0.9, 0.85, 0.75), (0.55, 0.7, 0.5), (0.85, 0.55, 0.6), WHITE)), 0.03)
    parts = [part("tissue_paper", carton, "paper", color),
             part("opening", opening, "plastic", (0.85, 0.88, 0.9), role="detail"),
             part("tissue", tissue, "paper", WHITE, role="detail", roughness=0.9)]
    return make_asset(parts, description="a box of tissues with one pulled up")


@category("scrubbing_brush", size=((0.035, 0.12), (0.12, 0.25)), group="indoor", placement="surface",
          synonyms=("scrub brush", "scrubber", "cleaning brush", "dish brush", "nail brush",
                    "scrubbing brushes"))
def scrubbing_brush(rng: np.random.Generator) -> Asset:
    w, d = vary(rng, 0.17, 0.2), vary(rng, 0.065, 0.15)
    bristle = vary(rng, 0.025, 0.2)
    block = superellipsoid((w / 2, d / 2, 0.015), (0, 0, bristle + 0.014), 0.35, 3)
    tufts = [cylinder(0.0035, bristle + 0.003, (x, y, 0.0), 6) for x in np.linspace(-w / 2 + 0.015, w / 2 - 0.015, 9)
             for y in np.linspace(-d / 2 + 0.012, d / 2 - 0.012, 3)]
    body = [block]
    if rng.random() < 0.5:  # a handle arching over the back
        body.append(tube([(-w * 0.3, 0, bristle + 0.02), (-w * 0.15, 0, bristle + 0.06), (w * 0.15, 0, bristle + 0.06),
                          (w * 0.3, 0, bristle + 0.02)], 0.01, 10))
    wood = rng.random() < 0.6
    parts = [part("scrubbing_brush", body, "wood" if wood else "plastic",
                  jitter(rng, pick(rng, WOODS[:3]) if wood else pick(rng, PLASTICS), 0.03)),
             part("bristles", tufts, "plastic", pick(rng, ((0.85, 0.75, 0.55), (0.15, 0.15, 0.15), (0.9, 0.9, 0.88))),
                  role="detail")]
    return make_asset(parts, description="a scrubbing brush with stiff bristles")


@category("hairbrush", size=((0.025, 0.07), (0.18, 0.28)), group="indoor", placement="surface",
          synonyms=("hair brush", "hairbrushes", "paddle brush"))
def hairbrush(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.23, 0.1)
    head_r = vary(rng, 0.038, 0.15)
    t = 0.014
    hx = length / 2 - head_r * 1.25  # head centre; the handle runs from there to -X
    head = superellipsoid((head_r * 1.25, head_r, t / 2), (hx, 0, t / 2), 0.6, 3)
    handle = tube([(-length / 2 + 0.01, 0, t / 2), (hx - head_r, 0, t / 2)], [0.011, 0.008], 12)
    end = ellipsoid((0.012, 0.012, 0.009), (-length / 2 + 0.012, 0, t / 2), 2)
    cushion = superellipsoid((head_r * 1.1, head_r * 0.86, 0.002), (hx, 0, t + 0.001), 0.6, 2)
    pins = [cylinder(0.0013, 0.016, (hx + x, y, t), 5) for x in np.linspace(-head_r, head_r, 7)
            for y in np.linspace(-head_r * 0.7, head_r * 0.7, 5) if (x / (head_r * 1.1)) ** 2 + (y / (head_r * 0.86)) ** 2 < 0.9]
    color = jitter(rng, pick(rng, WOODS[:2] + ((0.12, 0.12, 0.13), (0.85, 0.45, 0.55), (0.3, 0.5, 0.75))), 0.03)
    parts = [part("hairbrush", [head, handle, end], pick(rng, ("wood", "plastic")), color),
             part("cushion", cushion, "rubber", (0.1, 0.1, 0.1), role="detail"),
             part("pins", pins, "plastic", (0.2, 0.2, 0.2), role="detail")]
    return make_asset(parts, description="a paddle hairbrush lying bristles up")


@category("scale", size=((0.02, 0.08), (0.26, 0.38)), group="indoor", placement="floor",
          synonyms=("bathroom scale", "weighing scale", "weight scale", "body scale", "personal scale",
                    "weighing machine"))
def scale(rng: np.random.Generator) -> Asset:
    w, d = vary(rng, 0.31, 0.1), vary(rng, 0.3, 0.1)
    t = vary(rng, 0.045, 0.35)
    platform = superellipsoid((w / 2, d / 2, t / 2), (0, 0, t / 2), 0.22, 3)
    pads = [box((w * 0.2, d * 0.3, 0.002), (s * w * 0.2, d * 0.1, t + 0.0005)) for s in (-1, 1)]
    if rng.random() < 0.5:  # a digital display
        display = box((w * 0.28, d * 0.12, 0.003), (0, -d * 0.33, t))
        desc = "a digital bathroom scale, display at the front"
    else:  # a dial window
        display = cylinder(d * 0.11, 0.003, (0, -d * 0.3, t - 0.001), 32)
        desc = "a bathroom scale with a dial at the front"
    color = jitter(rng, pick(rng, (WHITE, (0.12, 0.12, 0.13), METAL, (0.85, 0.88, 0.9))), 0.02)
    parts = [part("scale", platform, "plastic", color, roughness=0.3),
             part("pads", pads, "rubber", (0.45, 0.45, 0.47), role="detail"),
             part("display", display, "glass", SCREEN, role="detail", roughness=0.05)]
    return make_asset(parts, description=desc)
