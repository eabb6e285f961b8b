"""Household things of the bedroom and living room: bedding (blanket, quilt, bedspread, mattress), curtains,
lights (light bulb, chandelier, candle holder), wall fixtures (radiator, air conditioner, thermostat, smoke
alarm, wall socket), a fan, a fireplace, an ottoman, an alarm clock and decor (flowerpot, flower
arrangement, figurine, statue).

Fronts face -Y; wall things have their back at +Y. Textiles folded for storage lie flat with their folded
edge toward -Y, so the layers show from the front.
"""
from __future__ import annotations

import numpy as np
import trimesh

from fyi.assets.catalog import category
from fyi.assets.model import Asset, Surface
from fyi.assets.procedural.palette import (BLACK, CERAMICS, DARK_METAL, FABRICS, METAL, PAINTED, PLASTICS,
                                           SCREEN, WHITE, WOODS)
from fyi.assets.procedural.people import person
from fyi.assets.procedural.plants import GREENS, SOIL, _leaf
from fyi.assets.procedural.shapes import (arc_points, box, capsule, cone, cylinder, ellipsoid, four_legs, jitter, lathe,
                                          make_asset, merge, part, pick, rod, rotate, superellipsoid, top_surface,
                                          torus, tube, vary)

BRASS = (0.78, 0.62, 0.3)
SOFT = FABRICS + ((0.92, 0.9, 0.84), (0.75, 0.55, 0.6), (0.45, 0.55, 0.7))
FLAME = (1.0, 0.7, 0.25)
WARM_LIGHT = (1.0, 0.9, 0.7)


# --- shared shapes ---------------------------------------------------------------------------------

def folded_cloth(w: float, d: float, h: float, layers: int) -> list[trimesh.Trimesh]:
    """A folded textile lying flat: `layers` soft slabs stacked, each a little rounded, so the folded
    edges show as ridges from the front (towels, blankets, quilts)."""
    t = h / layers
    return [superellipsoid((w / 2 - 0.003 * (i % 2), d / 2 - 0.002 * i, t * 0.56), (0, 0.001 * i, t * (i + 0.5)), 0.35, 3)
            for i in range(layers)]


def cloth_band(w: float, d: float, h: float, x: float, width: float) -> trimesh.Trimesh:
    """A woven stripe across a folded cloth of w x d x h at x: over the top and down the folded front edge,
    just proud of the cloth, as a towel's border or a blanket's stripe shows on a folded stack."""
    return merge([box((width, d * 0.96, 0.002), (x, 0, h + 0.0005)), box((width, 0.002, h * 0.9), (x, -d / 2 - 0.0005, h / 2))])


def drape(width: float, height: float, folds: int, depth_top: float, depth_bottom: float, thickness: float,
          z0: float = 0.0) -> trimesh.Trimesh:
    """A hanging cloth in folds: a thin sheet waving in y along x, from z0 up `height` (curtains).

    The folds may flare toward the hem (depth_bottom > depth_top), as gathered cloth does.
    """
    n = folds * 8 + 1
    xs = np.linspace(-width / 2, width / 2, n)
    wave = np.sin(2 * np.pi * folds * (xs + width / 2) / width)
    vertices = []
    for x, s in zip(xs, wave):
        yb, yt = s * depth_bottom / 2, s * depth_top / 2
        vertices += [(x, yb, z0), (x, yb + thickness, z0), (x, yt, z0 + height), (x, yt + thickness, z0 + height)]
    quads = []
    for i in range(n - 1):
        fb, bb, ft, bt = 4 * i, 4 * i + 1, 4 * i + 2, 4 * i + 3
        fb2, bb2, ft2, bt2 = fb + 4, bb + 4, ft + 4, bt + 4
        quads += [(fb, fb2, ft2, ft), (bb, bt, bt2, bb2), (ft, ft2, bt2, bt), (fb, bb, bb2, fb2)]
    last = 4 * (n - 1)
    quads += [(0, 2, 3, 1), (last, last + 1, last + 3, last + 2)]
    faces = [f for a, b, c, d in quads for f in ((a, b, c), (a, c, d))]
    mesh = trimesh.Trimesh(vertices=np.array(vertices), faces=np.array(faces), process=False)
    if mesh.volume < 0:
        mesh.invert()
    return mesh


def facing_front(mesh: trimesh.Trimesh) -> trimesh.Trimesh:
    """A mesh built along +Z (a disc, a dome) turned so +Z points to -Y: its face looks at the viewer."""
    return rotate(mesh, np.pi / 2, (1, 0, 0))


# --- bedding ---------------------------------------------------------------------------------------

@category("blanket", size=((0.04, 0.2), (0.35, 0.75)), group="indoor", placement="surface",
          synonyms=("throw blanket", "fleece blanket", "wool blanket", "plaid blanket"))
def blanket(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 0.55, 0.2), vary(rng, 0.4, 0.15), vary(rng, 0.09, 0.3)
    color = jitter(rng, pick(rng, SOFT), 0.03)
    stripe = jitter(rng, pick(rng, ((0.9, 0.88, 0.82), (0.15, 0.15, 0.17), (0.7, 0.15, 0.12), (0.85, 0.7, 0.35))))
    n = int(rng.integers(2, 4))
    bands = [cloth_band(w, d, h, x, 0.025) for x in np.linspace(-w * 0.3, w * 0.3, n)]
    parts = [part("blanket", folded_cloth(w, d, h, int(rng.integers(3, 6))), "fabric", color),
             part("stripes", bands, "fabric", stripe, role="detail")]
    return make_asset(parts, [top_surface("top", h, (-w / 2, w / 2), (-d / 2, d / 2), inset=0.03)],
                      "a folded blanket with woven stripes")


@category("quilt", size=((0.06, 0.25), (0.4, 0.8)), group="indoor", placement="surface",
          synonyms=("comforter", "duvet", "patchwork quilt", "eiderdown", "doona"))
def quilt(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 0.6, 0.2), vary(rng, 0.45, 0.15), vary(rng, 0.14, 0.3)
    layers = int(rng.integers(3, 5))
    cloth = [superellipsoid((w / 2, d / 2 - 0.003 * i, h / layers * 0.6), (0, 0, h / layers * (i + 0.5)), 0.55, 3)
             for i in range(layers)]
    # patchwork: every other square of the top sewn in a second fabric
    n = int(rng.integers(3, 5))
    sx, sy = w * 0.9 / n, d * 0.9 / n
    patches = [box((sx * 0.96, sy * 0.96, 0.006), (-w * 0.45 + sx * (i + 0.5), -d * 0.45 + sy * (j + 0.5), h + 0.001))
               for i in range(n) for j in range(n) if (i + j) % 2 == 0]
    color = jitter(rng, pick(rng, SOFT), 0.03)
    parts = [part("quilt", cloth, "fabric", color),
             part("patches", patches, "fabric", jitter(rng, pick(rng, ((0.85, 0.3, 0.25), (0.3, 0.45, 0.7), (0.9, 0.8, 0.5),
                                                                    (0.4, 0.6, 0.4))), 0.04), role="detail")]
    return make_asset(parts, [top_surface("top", h, (-w / 2, w / 2), (-d / 2, d / 2), inset=0.04)],
                      "a folded patchwork quilt")


@category("bedspread", size=((0.05, 0.2), (0.5, 0.9)), group="indoor", placement="surface",
          synonyms=("bedcover", "bed cover", "bed covering", "counterpane", "coverlet", "bed throw"))
def bedspread(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 0.7, 0.15), vary(rng, 0.5, 0.15), vary(rng, 0.1, 0.3)
    color = jitter(rng, pick(rng, SOFT), 0.03)
    trim = tuple(float(c) for c in np.clip(np.asarray(color) * 0.6 + 0.25, 0, 1))
    # a wide hem along both ends and a fringe hanging off the folded front edge
    hems = [cloth_band(w, d, h, s * (w / 2 - 0.03), 0.05) for s in (-1, 1)]
    fringe = [box((0.004, 0.004, h * 0.5), (x, -d / 2 - 0.004, h * 0.25 + 0.002)) for x in np.linspace(-w / 2 + 0.03, w / 2 - 0.03, 24)]
    parts = [part("bedspread", folded_cloth(w, d, h, int(rng.integers(4, 7))), "fabric", color),
             part("trim", hems + fringe, "fabric", trim, role="detail")]
    return make_asset(parts, [top_surface("top", h, (-w / 2, w / 2), (-d / 2, d / 2), inset=0.04)],
                      "a folded bedspread with hemmed ends and a fringe")


@category("mattress", size=((0.15, 0.35), (1.85, 2.1)), group="furniture", placement="floor",
          synonyms=("bed mattress", "futon", "air mattress", "foam mattress"))
def mattress(rng: np.random.Generator) -> Asset:
    w, d, h = pick(rng, (0.9, 1.4, 1.6, 1.8)), vary(rng, 1.98, 0.03), vary(rng, 0.24, 0.25)
    pad = superellipsoid((w / 2, d / 2, h / 2), (0, 0, h / 2), 0.18, 3)
    pipe = 0.008
    piping = [box((w - 0.04, pipe, pipe), (0, s * (d / 2 - 0.004), zz)) for s in (-1, 1) for zz in (0.02, h - 0.02)]
    piping += [box((pipe, d - 0.04, pipe), (s * (w / 2 - 0.004), 0, zz)) for s in (-1, 1) for zz in (0.02, h - 0.02)]
    tufts = [cylinder(0.012, 0.004, (x, y, h - 0.002), 10) for x in np.arange(-w / 2 + 0.2, w / 2 - 0.1, 0.25)
             for y in np.arange(-d / 2 + 0.2, d / 2 - 0.1, 0.3)]
    color = jitter(rng, pick(rng, (WHITE, (0.9, 0.88, 0.8), (0.82, 0.85, 0.9), (0.6, 0.62, 0.66))), 0.02)
    parts = [part("mattress", pad, "fabric", color),
             part("piping", piping + tufts, "fabric", tuple(float(c) * 0.8 for c in color), role="detail")]
    return make_asset(parts, [top_surface("top", h, (-w / 2, w / 2), (-d / 2, d / 2), inset=0.05)],
                      "a bare mattress with piped edges and tufting")


# --- curtains --------------------------------------------------------------------------------------

@category("curtain", size=((1.5, 2.6), (0.6, 1.6)), group="indoor", placement="wall",
          synonyms=("drapery", "drapes", "draperies", "curtain panel", "window curtain", "net curtain"))
def curtain(rng: np.random.Generator) -> Asset:
    """One panel on its rod: "curtains" are two of them (a count the parser reads from the plural)."""
    width, height = vary(rng, 1.0, 0.3), vary(rng, 2.1, 0.15)
    rod_z = height + 0.04
    panel = drape(width, height, int(rng.integers(4, 8)), 0.06, 0.1, 0.012).apply_translation((0, 0.02, 0))
    rail = [rod((-width / 2 - 0.05, 0.06, rod_z), (width / 2 + 0.05, 0.06, rod_z), 0.012, 12),
            ellipsoid((0.025, 0.025, 0.025), (-width / 2 - 0.07, 0.06, rod_z), 1),
            ellipsoid((0.025, 0.025, 0.025), (width / 2 + 0.07, 0.06, rod_z), 1)]
    rings = [rotate(torus(0.02, 0.003, (0, 0, 0), 12, 6), np.pi / 2, (0, 1, 0)).apply_translation((x, 0.06, rod_z))
             for x in np.linspace(-width / 2 + 0.02, width / 2 - 0.02, 8)]
    parts = [part("curtain", panel, "fabric", jitter(rng, pick(rng, SOFT), 0.03)),
             part("rod", rail + rings, "metal", pick(rng, (DARK_METAL, METAL, BRASS)), role="detail")]
    return make_asset(parts, description="a curtain hanging in folds from a rod")


@category("shower_curtain", size=((1.6, 2.1), (1.2, 2.0)), group="indoor", placement="wall",
          synonyms=("shower curtains", "bath curtain", "shower screen curtain"))
def shower_curtain(rng: np.random.Generator) -> Asset:
    width, height = vary(rng, 1.6, 0.15), vary(rng, 1.8, 0.06)
    rod_z = height + 0.05
    sheet = drape(width, height, int(rng.integers(5, 8)), 0.04, 0.06, 0.004, 0.0)
    sheet.apply_translation((0, 0.04, 0.02))
    rings = []
    for x in np.linspace(-width / 2 + 0.03, width / 2 - 0.03, 12):
        rings.append(rotate(torus(0.022, 0.003, (0, 0, 0), 12, 6), np.pi / 2, (0, 1, 0)).apply_translation(
            (x, 0.04, rod_z - 0.01)))
    rail = rod((-width / 2 - 0.05, 0.04, rod_z + 0.012), (width / 2 + 0.05, 0.04, rod_z + 0.012), 0.012, 12)
    color = jitter(rng, pick(rng, (WHITE, (0.75, 0.85, 0.92), (0.85, 0.9, 0.85), (0.95, 0.9, 0.75))), 0.02)
    bands = []
    if rng.random() < 0.5:  # printed stripes near the hem
        for k in range(3):
            b = drape(width, 0.04, int(rng.integers(5, 8)), 0.06, 0.06, 0.0045, 0.15 + k * 0.1)
            bands.append(b.apply_translation((0, 0.0395, 0.02)))
    parts = [part("shower_curtain", sheet, "plastic", color, roughness=0.5),
             part("rod", [rail, *rings], "metal", METAL, role="detail")]
    if bands:
        parts.append(part("print", bands, "plastic", jitter(rng, pick(rng, PLASTICS[:4]), 0.05), role="detail"))
    return make_asset(parts, description="a shower curtain hanging from rings on a rail")


# --- lights ----------------------------------------------------------------------------------------

@category("lightbulb", size=((0.08, 0.15), (0.045, 0.1)), group="indoor", placement="surface",
          synonyms=("light bulb", "bulb", "light globe", "incandescent bulb", "led bulb", "lamp bulb"))
def lightbulb(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.03, 0.15)
    screw_h = 0.024
    u = np.linspace(0.0, 1.0, 12)
    # neck flaring from the screw cap into a round globe
    globe_c = screw_h + 0.03 + r
    outer = [(0.013 + (r - 0.013) * np.sin(t * np.pi / 2) ** 1.5, screw_h + (globe_c - screw_h) * t) for t in u]
    top = [(r * np.cos(a), globe_c + r * np.sin(a)) for a in np.linspace(0.15, np.pi / 2, 8)]
    bulb = lathe([(0.0, screw_h - 0.002)] + outer + top[:-1] + [(0.0, globe_c + r)])
    screw = [cylinder(0.0125, screw_h, (0, 0, 0.004), 20)] + [torus(0.0125, 0.0016, (0, 0, z), 20, 6)
                                                               for z in np.linspace(0.008, screw_h - 0.002, 4)]
    contact = cylinder(0.006, 0.005, (0, 0, 0), 12)
    filament = tube([(-0.008, 0, screw_h + 0.01), (-0.006, 0, globe_c), (0.006, 0, globe_c), (0.008, 0, screw_h + 0.01)],
                    0.0008, 6)
    parts = [part("bulb", bulb, "glass", jitter(rng, (0.96, 0.95, 0.9), 0.02), roughness=pick(rng, (0.05, 0.35))),
             part("screw_base", screw, "metal", pick(rng, (METAL, BRASS)), role="detail"),
             part("contact", [contact, filament], "metal", DARK_METAL, role="detail")]
    return make_asset(parts, description="a light bulb standing on its screw cap")


@category("chandelier", size=((0.6, 1.3), (0.45, 1.0)), group="indoor", placement="wall",
          synonyms=("chandeliers", "hanging light", "ceiling light", "pendant light"))
def chandelier(rng: np.random.Generator) -> Asset:
    # hangs from its chain; with no ceiling placement in the library it hangs where wall things do
    spread = vary(rng, 0.33, 0.3)
    arms_n = int(rng.integers(5, 9))
    body_h = vary(rng, 0.45, 0.2)
    chain = vary(rng, 0.3, 0.3)
    column = lathe([(0.0, 0.0), (0.03, 0.0), (0.055, 0.06), (0.02, 0.12), (0.035, body_h * 0.45), (0.015, body_h * 0.6),
                    (0.025, body_h * 0.85), (0.012, body_h), (0.0, body_h)], 20)
    arm_z = body_h * 0.35
    arms, cups, bulbs = [], [], []
    for i in range(arms_n):
        a = 2 * np.pi * i / arms_n
        c, s = np.cos(a), np.sin(a)
        path = [(0.02 * c, 0.02 * s, arm_z), (spread * 0.4 * c, spread * 0.4 * s, arm_z - 0.06),
                (spread * 0.85 * c, spread * 0.85 * s, arm_z - 0.02), (spread * c, spread * s, arm_z + 0.06)]
        arms.append(tube(path, 0.008, 8))
        cups.append(lathe([(0.0, 0.0), (0.035, 0.0), (0.035, 0.008), (0.012, 0.01), (0.012, 0.06), (0.0, 0.06)],
                          16).apply_translation((spread * c, spread * s, arm_z + 0.05)))
        bulbs.append(ellipsoid((0.013, 0.013, 0.03), (spread * c, spread * s, arm_z + 0.13), 1))
    links = rod((0, 0, body_h), (0, 0, body_h + chain), 0.006, 8)
    canopy = lathe([(0.0, 0.0), (0.02, 0.0), (0.07, 0.04), (0.0, 0.04)], 20).apply_translation((0, 0, body_h + chain))
    color = pick(rng, (BRASS, BRASS, METAL, DARK_METAL))
    parts = [part("chandelier", [column, *arms, *cups, canopy], "metal", jitter(rng, color, 0.03), roughness=0.25),
             part("chain", links, "metal", DARK_METAL, role="detail"),
             part("bulbs", bulbs, "emissive", WARM_LIGHT, role="detail")]
    return make_asset(parts, description=f"a {arms_n}-arm chandelier hanging from a chain")


@category("candle_holder", size=((0.1, 0.5), (0.07, 0.45)), group="indoor", placement="surface",
          synonyms=("candleholder", "candlestick", "candlesticks", "candelabra", "candelabrum", "candle stand"))
def candle_holder(rng: np.random.Generator) -> Asset:
    h = vary(rng, 0.22, 0.3)
    foot = vary(rng, 0.055, 0.15)
    profile = [(0.0, 0.0), (foot, 0.0), (foot * 0.9, 0.012), (0.02, 0.03), (0.012, 0.05), (0.02, h * 0.45),
               (0.01, h * 0.5), (0.012, h - 0.03), (0.03, h - 0.02), (0.026, h), (0.012, h), (0.0, h - 0.015)]
    holder = [lathe(profile, 24)]
    tops = [(0.0, 0.0)]
    if rng.random() < 0.5:  # a candelabra: two more arms curving out and up
        reach = vary(rng, 0.11, 0.2)
        for s in (-1, 1):
            holder.append(tube([(0, 0, h * 0.55), (s * reach * 0.6, 0, h * 0.55), (s * reach, 0, h * 0.7),
                                (s * reach, 0, h - 0.03)], 0.007, 8))
            holder.append(lathe([(0.0, 0.0), (0.03, 0.01), (0.026, 0.03), (0.012, 0.03), (0.0, 0.02)], 20)
                          .apply_translation((s * reach, 0, h - 0.03)))
            tops.append((s * reach, 0.0))
    candle_h = vary(rng, 0.09, 0.2)
    candles = [cylinder(0.0105, candle_h, (x, y, h - 0.012), 16) for x, y in tops]
    flames = [ellipsoid((0.005, 0.005, 0.013), (x, y, h - 0.012 + candle_h + 0.016), 1) for x, y in tops]
    wicks = [rod((x, y, h - 0.012 + candle_h - 0.002), (x, y, h - 0.012 + candle_h + 0.006), 0.0012, 6) for x, y in tops]
    metal = rng.random() < 0.75
    parts = [part("candle_holder", holder, "metal" if metal else "ceramic",
                  jitter(rng, pick(rng, (BRASS, METAL, DARK_METAL)) if metal else pick(rng, CERAMICS), 0.03)),
             part("candles", candles, "plastic", jitter(rng, (0.95, 0.93, 0.86), 0.02), role="detail", roughness=0.5),
             part("wicks", wicks, "fabric", BLACK, role="detail"),
             part("flames", flames, "emissive", FLAME, role="detail")]
    return make_asset(parts, description="a candlestick holding a lit candle" if len(tops) == 1 else
                      "a three-arm candelabra with lit candles")


# --- fixtures --------------------------------------------------------------------------------------

@category("radiator", size=((0.45, 0.95), (0.45, 1.4)), group="appliance", placement="floor", against_wall=True,
          synonyms=("heating radiator", "column radiator", "heater radiator"))
def radiator(rng: np.random.Generator) -> Asset:
    h, w = vary(rng, 0.65, 0.2), vary(rng, 0.9, 0.3)
    d = vary(rng, 0.1, 0.15)
    lift = 0.1  # on feet, above the skirting
    n = int(w / 0.06)
    xs = np.linspace(-w / 2 + 0.03, w / 2 - 0.03, n)
    columns = [capsule((x, y, lift + 0.04), (x, y, h - 0.03), 0.018, 6) for x in xs for y in (-d / 4, d / 4)]
    headers = [rod((-w / 2, 0, z), (w / 2, 0, z), d * 0.32, 12) for z in (lift + 0.03, h - 0.04)]
    feet = [box((0.04, d, lift + 0.04), (s * (w / 2 - 0.08), 0, (lift + 0.04) / 2)) for s in (-1, 1)]
    valve = [rod((w / 2, 0, lift + 0.03), (w / 2 + 0.06, 0, lift + 0.03), 0.012, 10),
             cylinder(0.018, 0.05, (w / 2 + 0.05, 0, lift + 0.03), 12)]
    parts = [part("radiator", [*columns, *headers, *feet], "metal", jitter(rng, pick(rng, (WHITE, WHITE, PAINTED[2], (0.3, 0.3, 0.32))), 0.02),
                  roughness=0.35),
             part("valve", valve, "metal", METAL, role="detail")]
    top = max(h - 0.03 + 0.018, h - 0.04 + d * 0.32)  # the columns' rounded tops or the upper header
    return make_asset(parts, [top_surface("top", top, (-w / 2, w / 2), (-d / 2, d / 2), inset=0.005)],
                      "a column radiator on feet with a valve")


@category("air_conditioner", size=((0.22, 0.4), (0.7, 1.1)), group="appliance", placement="wall",
          synonyms=("air conditioning unit", "ac unit", "aircon", "air con", "split air conditioner",
                    "air conditioning"))
def air_conditioner(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 0.85, 0.15), vary(rng, 0.22, 0.12), vary(rng, 0.29, 0.12)
    shell = superellipsoid((w / 2, d / 2, h / 2), (0, 0, h / 2), 0.2, 3)
    louvre = box((w * 0.82, 0.02, h * 0.14), (0, -d / 2 + 0.012, h * 0.16))
    grille = [box((w * 0.86, d * 0.035, 0.004), (0, y, h + 0.001)) for y in np.linspace(-d * 0.3, d * 0.3, 6)]
    led = box((0.03, 0.004, 0.008), (w * 0.35, -d / 2 - 0.002, h * 0.35))
    parts = [part("air_conditioner", shell, "plastic", jitter(rng, pick(rng, (WHITE, WHITE, (0.85, 0.86, 0.86))), 0.015)),
             part("louvre", louvre, "plastic", DARK_METAL, role="detail"),
             part("grille", grille, "plastic", (0.7, 0.72, 0.72), role="detail"),
             part("led", led, "emissive", (0.3, 0.8, 1.0), role="detail")]
    return make_asset(parts, description="a wall-mounted split air conditioner")


@category("thermostat", size=((0.07, 0.14), (0.07, 0.14)), group="electronic", placement="wall",
          synonyms=("room thermostat", "smart thermostat", "temperature control", "nest thermostat"))
def thermostat(rng: np.random.Generator) -> Asset:
    if rng.random() < 0.5:  # a round dial
        r = vary(rng, 0.043, 0.1)
        shell = facing_front(lathe([(0.0, 0.0), (r, 0.0), (r, 0.03), (r * 0.9, 0.034), (0.0, 0.034)], 40))
        shell.apply_translation((0, 0, r))
        display = facing_front(cylinder(r * 0.72, 0.003, (0, 0, 0.033), 40)).apply_translation((0, 0, r))
        desc = "a round dial thermostat"
    else:  # a rectangle with a screen and buttons
        w, h = vary(rng, 0.11, 0.12), vary(rng, 0.085, 0.12)
        shell = superellipsoid((w / 2, 0.012, h / 2), (0, 0, h / 2), 0.25, 2)
        display = box((w * 0.5, 0.003, h * 0.45), (-w * 0.12, -0.012, h * 0.55))
        desc = "a wall thermostat with a display"
    parts = [part("thermostat", shell, "plastic", jitter(rng, pick(rng, (WHITE, WHITE, METAL, (0.15, 0.15, 0.16))), 0.02)),
             part("display", display, "glass", SCREEN, role="detail", roughness=0.05)]
    return make_asset(parts, description=desc)


@category("fire_alarm", size=((0.09, 0.17), (0.09, 0.17)), group="indoor", placement="wall",
          synonyms=("smoke alarm", "smoke detector", "fire detector", "smoke sensor", "fire alarms"))
def fire_alarm(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.06, 0.2)
    t = vary(rng, 0.045, 0.15)
    # built along +Z from the wall (or ceiling) side, turned to face the viewer
    shell = facing_front(lathe([(0.0, 0.0), (r, 0.0), (r, t * 0.5), (r * 0.8, t), (0.0, t)], 40))
    vents = [facing_front(torus(rr, 0.0025, (0, 0, t * 0.5 + (r - rr) / r * t * 0.5), 40, 6)) for rr in (r * 0.92, r * 0.85)]
    led = facing_front(ellipsoid((0.005, 0.005, 0.003), (r * 0.35, 0, t), 1))
    button = facing_front(cylinder(r * 0.3, 0.003, (0, 0, t - 0.001), 24))
    for m in (shell, *vents, led, button):
        m.apply_translation((0, 0, r))
    parts = [part("fire_alarm", shell, "plastic", jitter(rng, WHITE, 0.02)),
             part("vents", [*vents, button], "plastic", (0.8, 0.8, 0.78), role="detail"),
             part("led", led, "emissive", (1.0, 0.15, 0.1), role="detail")]
    return make_asset(parts, description="a round smoke alarm")


@category("wall_socket", size=((0.07, 0.13), (0.07, 0.16)), group="indoor", placement="wall",
          synonyms=("wall plug", "electric outlet", "electrical outlet", "outlet", "electric receptacle", "power socket",
                    "power outlet", "plug socket", "socket", "electrical socket"))
def wall_socket(rng: np.random.Generator) -> Asset:
    double = rng.random() < 0.5
    style = pick(rng, ("eu", "us"))
    w, h = vary(rng, 0.145 if double else 0.082, 0.05), vary(rng, 0.08, 0.06)
    plate = superellipsoid((w / 2, 0.005, h / 2), (0, 0, h / 2), 0.15, 2)
    holes, inserts = [], []
    for x in ((-w / 4, w / 4) if double else (0.0,)):
        if style == "eu":
            inserts.append(facing_front(cylinder(0.02, 0.003, (0, 0, 0.0045), 24)).apply_translation((x, 0, h / 2)))
            holes += [box((0.005, 0.002, 0.005), (x + dx, -0.0079, h / 2)) for dx in (-0.0095, 0.0095)]
        else:
            holes += [box((0.0025, 0.002, 0.008), (x + dx, -0.0055, h / 2 + 0.006)) for dx in (-0.006, 0.006)]
            holes.append(box((0.005, 0.002, 0.005), (x, -0.0055, h / 2 - 0.008)))
    parts = [part("wall_socket", plate, "plastic", jitter(rng, pick(rng, (WHITE, WHITE, (0.9, 0.88, 0.8), METAL)), 0.015))]
    if inserts:
        parts.append(part("inserts", inserts, "plastic", (0.85, 0.85, 0.83), role="detail"))
    parts.append(part("sockets", holes, "plastic", BLACK, role="detail"))
    return make_asset(parts, description=f"a {'double ' if double else ''}wall socket")


@category("fan", size=((0.9, 1.45), (0.3, 0.55)), group="appliance", placement="floor",
          synonyms=("electric fan", "standing fan", "pedestal fan", "floor fan", "stand fan", "oscillating fan"))
def fan(rng: np.random.Generator) -> Asset:
    h = vary(rng, 1.2, 0.15)
    r = vary(rng, 0.2, 0.15)
    hub_z = h - r - 0.02
    hub_y, pole_y = -0.06, 0.1  # the blades in front, the motor and the pole behind them
    base = lathe([(0.0, 0.0), (0.17, 0.0), (0.16, 0.03), (0.03, 0.05), (0.0, 0.05)], 32).apply_translation((0, pole_y, 0))
    pole = rod((0, pole_y, 0.04), (0, pole_y, hub_z - 0.05), 0.014, 12)
    motor = facing_front(lathe([(0.0, 0.0), (0.065, 0.0), (0.07, 0.06), (0.05, 0.13), (0.0, 0.13)], 24))
    motor.apply_translation((0, hub_y + 0.18, hub_z))
    hub = facing_front(ellipsoid((0.04, 0.04, 0.025), (0, 0, 0), 2)).apply_translation((0, hub_y - 0.02, hub_z))
    blades = []
    n = int(pick(rng, (3, 5)))
    for i in range(n):
        blade = ellipsoid((r * 0.42, r * 0.2, 0.004), (r * 0.5, 0, 0), 2)
        rotate(blade, 0.3, (1, 0, 0))
        rotate(blade, 2 * np.pi * i / n + 0.3, (0, 0, 1))
        blades.append(facing_front(blade).apply_translation((0, hub_y, hub_z)))
    cage = [facing_front(torus(r + 0.01, 0.004, (0, 0, z), 40, 6)).apply_translation((0, hub_y, hub_z)) for z in (0.05, -0.05)]
    cage += [rod((np.cos(a) * (r + 0.01), hub_y + y, hub_z + np.sin(a) * (r + 0.01)), (0, hub_y + y - np.sign(y) * 0.02, hub_z),
                 0.0018, 4) for a in np.linspace(0, 2 * np.pi, 12, endpoint=False) for y in (-0.05, 0.05)]
    color = jitter(rng, pick(rng, (WHITE, (0.12, 0.12, 0.13), (0.3, 0.5, 0.75), METAL)), 0.02)
    parts = [part("fan", [base, pole, motor, hub], "plastic", color),
             part("blades", blades, "plastic", color),
             part("cage", cage, "metal", pick(rng, (METAL, (0.9, 0.9, 0.88), DARK_METAL)), role="detail")]
    return make_asset(parts, description="a pedestal fan, its blades facing forward")


@category("fireplace", size=((0.9, 1.4), (1.1, 1.9)), group="furniture", placement="floor", against_wall=True,
          synonyms=("fire place", "hearth", "mantelpiece", "chimneypiece", "mantel", "fireside", "open fire"))
def fireplace(rng: np.random.Generator) -> Asset:
    w, h, d = vary(rng, 1.45, 0.15), vary(rng, 1.12, 0.12), vary(rng, 0.38, 0.15)
    ow, oh = w * vary(rng, 0.5, 0.1), h * vary(rng, 0.55, 0.1)  # the opening
    jamb = (w - ow) / 2
    surround = [box((jamb, d, h - 0.06), (s * (w / 2 - jamb / 2), 0, (h - 0.06) / 2)) for s in (-1, 1)]
    surround.append(box((ow + 0.01, d, h - 0.06 - oh), (0, 0, oh + (h - 0.06 - oh) / 2)))
    mantel = box((w + 0.12, d + 0.1, 0.06), (0, -0.05, h - 0.03))
    firebox = [box((ow + 0.01, 0.04, oh), (0, d / 2 - 0.02, oh / 2)),  # back wall of the recess, darkened
               box((ow + 0.01, d, 0.02), (0, 0, 0.01))]
    hearth = box((w + 0.1, 0.35, 0.04), (0, -d / 2 - 0.175, 0.02))
    logs = [capsule((-ow * 0.3, -0.02, 0.05), (ow * 0.3, 0.04, 0.05), 0.045, 8),
            capsule((-ow * 0.25, 0.05, 0.06), (ow * 0.25, -0.05, 0.11), 0.04, 8)]
    flames = [cone(vary(rng, 0.07, 0.2), vary(rng, oh * 0.45, 0.2), (x, 0.0, 0.08), 12)
              for x in np.linspace(-ow * 0.25, ow * 0.25, 3)]
    material, color = pick(rng, (("wood", jitter(rng, WHITE, 0.02)), ("stone", jitter(rng, (0.72, 0.7, 0.66), 0.04)),
                                 ("stone", jitter(rng, (0.55, 0.28, 0.2), 0.04)), ("wood", jitter(rng, pick(rng, WOODS)))))
    parts = [part("fireplace", [*surround, mantel], material, color),
             part("firebox", firebox, "stone", (0.08, 0.07, 0.07), role="detail"),
             part("hearth", hearth, "stone", (0.3, 0.3, 0.3), role="detail"),
             part("logs", logs, "wood", (0.3, 0.2, 0.12), role="detail"),
             part("flames", flames, "emissive", FLAME, role="detail")]
    return make_asset(parts, [top_surface("mantel", h, (-w / 2 - 0.06, w / 2 + 0.06), (-d / 2 - 0.1, d / 2), inset=0.02)],
                      "a fireplace with a mantel shelf and a log fire")


@category("ottoman", size=((0.3, 0.5), (0.4, 1.0)), group="furniture", placement="floor",
          synonyms=("pouf", "pouffe", "hassock", "foot rest", "footrest", "tuffet"))
def ottoman(rng: np.random.Generator) -> Asset:
    h = vary(rng, 0.42, 0.12)
    color = jitter(rng, pick(rng, FABRICS + ((0.45, 0.3, 0.2),)), 0.03)
    material = pick(rng, ("fabric", "fabric", "leather"))
    if rng.random() < 0.5:  # a round pouf
        r = vary(rng, 0.26, 0.15)
        u = np.linspace(-np.pi / 2, np.pi / 2, 12)
        outer = [(r * (0.88 + 0.12 * np.cos(t)), h / 2 + h / 2 * np.sin(t)) for t in u]
        body = lathe([(0.0, 0.0)] + outer[1:-1] + [(0.0, h)], 40)
        seam = torus(r, 0.006, (0, 0, h / 2), 40, 6)
        parts = [part("ottoman", body, material, color), part("seam", seam, material, tuple(c * 0.75 for c in color), role="detail")]
        half = r * 0.6
        surface = top_surface("top", h, (-half, half), (-half, half), inset=0.0)
        desc = "a round upholstered pouf"
    else:  # a padded box on short legs
        w, d, leg = vary(rng, 0.75, 0.2), vary(rng, 0.5, 0.15), 0.08
        body = superellipsoid((w / 2, d / 2, (h - leg) / 2), (0, 0, leg + (h - leg) / 2), 0.25, 3)
        legs = four_legs(w - 0.02, d - 0.02, leg + 0.01, 0.035, 0.05, round_legs=True)
        buttons = [cylinder(0.012, 0.006, (x, y, h - 0.004), 10) for x in np.linspace(-w / 3, w / 3, 3)
                   for y in (-d / 6, d / 6)]
        parts = [part("ottoman", body, material, color),
                 part("legs", legs, "wood", pick(rng, WOODS), role="detail"),
                 part("buttons", buttons, material, tuple(c * 0.7 for c in color), role="detail")]
        surface = top_surface("top", h, (-w / 2, w / 2), (-d / 2, d / 2), inset=0.05)
        desc = "an upholstered ottoman on short legs"
    return make_asset(parts, [surface], desc)


@category("alarm_clock", size=((0.06, 0.2), (0.08, 0.2)), group="indoor", placement="surface",
          synonyms=("alarm clocks", "bedside clock", "clock radio", "digital clock", "table clock",
                    "desk clock"))
def alarm_clock(rng: np.random.Generator) -> Asset:
    color = jitter(rng, pick(rng, ((0.8, 0.12, 0.1), (0.12, 0.12, 0.13), METAL, (0.55, 0.8, 0.75), WHITE)), 0.03)
    if rng.random() < 0.6:  # twin bells on a round case
        r, t = vary(rng, 0.055, 0.15), vary(rng, 0.045, 0.15)
        cz = r + 0.02
        case = facing_front(lathe([(0.0, -t / 2), (r, -t / 2), (r, t / 2), (0.0, t / 2)], 40)).apply_translation((0, 0, cz))
        face = facing_front(cylinder(r * 0.86, 0.003, (0, 0, t / 2), 40)).apply_translation((0, 0, cz))
        bells = []
        for s in (-1, 1):
            bell = lathe([(0.0, 0.0), (r * 0.5, 0.0), (r * 0.45, r * 0.25), (r * 0.2, r * 0.4), (0.0, r * 0.42)], 20)
            rotate(bell, s * 0.6, (0, 1, 0))
            bells.append(bell.apply_translation((s * r * 0.55, 0, cz + r * 0.72)))
        handle = tube(arc_points(r * 0.4, 0.2, np.pi - 0.2, (0, 0, cz + r * 1.05), "xz", 10), 0.004, 8)
        legs = [capsule((s * r * 0.5, 0, cz - r * 0.8), (s * r * 0.75, 0, 0.006), 0.006, 6) for s in (-1, 1)]
        hands = [rod((0, -t / 2 - 0.004, cz), (np.sin(a) * r * k, -t / 2 - 0.004, cz + np.cos(a) * r * k), 0.0022, 6)
                 for a, k in ((rng.uniform(0, 2 * np.pi), 0.5), (rng.uniform(0, 2 * np.pi), 0.75))]
        parts = [part("alarm_clock", [case, *bells, handle, *legs], "metal", color),
                 part("face", face, "paper", WHITE, role="detail"),
                 part("hands", hands, "metal", BLACK, role="detail")]
        desc = "a twin-bell alarm clock"
    else:  # a digital box with a lit display
        w, d, h = vary(rng, 0.14, 0.15), vary(rng, 0.07, 0.15), vary(rng, 0.08, 0.15)
        case = superellipsoid((w / 2, d / 2, h / 2), (0, 0, h / 2), 0.3, 3)
        face = box((w * 0.78, 0.003, h * 0.55), (0, -d / 2 + 0.0005, h * 0.5))
        digits, y, dw, dh, s = [], -d / 2 - 0.0015, w * 0.09, h * 0.3, 0.004  # four lit "0"s and a colon
        for x in (-w * 0.28, -w * 0.14, w * 0.14, w * 0.28):
            digits += [box((s, 0.002, dh), (x + sx * dw / 2, y, h * 0.5)) for sx in (-1, 1)]
            digits += [box((dw, 0.002, s), (x, y, h * 0.5 + sz * dh / 2)) for sz in (-1, 1)]
        digits += [box((s, 0.002, s), (0, y, h * 0.5 + sz * dh * 0.2)) for sz in (-1, 1)]
        parts = [part("alarm_clock", case, "plastic", color),
                 part("face", face, "glass", SCREEN, role="detail", roughness=0.05),
                 part("digits", digits, "emissive", pick(rng, ((1.0, 0.2, 0.1), (0.3, 1.0, 0.4), (0.4, 0.7, 1.0))),
                      role="detail")]
        desc = "a digital alarm clock"
    return make_asset(parts, description=desc)


# --- decor -----------------------------------------------------------------------------------------

@category("flowerpot", size=((0.08, 0.4), (0.09, 0.45)), group="indoor", placement="surface",
          synonyms=("flower pot", "planter", "plant container", "terracotta pot", "clay pot", "garden pot"))
def flowerpot(rng: np.random.Generator) -> Asset:
    r, h = vary(rng, 0.1, 0.35), 0.0
    h = r * vary(rng, 1.7, 0.15)
    wall = max(0.006, r * 0.06)
    rim = h * 0.15
    profile = [(0.0, 0.0), (r * 0.72, 0.0), (r * 0.93, h - rim), (r + 0.006, h - rim), (r + 0.006, h),
               (r - wall, h), (r * 0.93 - wall, h - rim), (r * 0.72 - wall, 0.015), (0.0, 0.015)]
    pot = lathe(profile, 36)
    fill = rng.random() < 0.6
    color = jitter(rng, pick(rng, ((0.78, 0.4, 0.24), (0.78, 0.4, 0.24)) + CERAMICS), 0.03)
    parts = [part("flowerpot", pot, "ceramic", color)]
    floor = 0.015
    if fill:
        soil_z = h * 0.8
        soil_r = r * 0.72 - wall + (r * 0.93 - r * 0.72) * (soil_z / (h - rim)) - 0.002
        parts.append(part("soil", cylinder(soil_r, 0.01, (0, 0, soil_z - 0.01), 32), "stone", SOIL, role="detail"))
        floor = soil_z
    half = r * 0.5
    return make_asset(parts, [Surface("interior", floor, (-half, -half), (half, half), kind="interior", clearance=None)],
                      "an empty flowerpot" + (" filled with soil" if fill else ""))


@category("flower_arrangement", size=((0.2, 0.55), (0.25, 0.6)), group="plants", placement="surface",
          synonyms=("floral arrangement", "centerpiece", "centrepiece", "flower centerpiece", "floral centerpiece",
                    "table arrangement", "flower display"))
def flower_arrangement(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.095, 0.2)
    ch = r * vary(rng, 0.45, 0.15)
    container = lathe([(0.0, 0.0), (r * 0.6, 0.0), (r, ch), (r - 0.006, ch), (r * 0.6 - 0.006, 0.008), (0.0, 0.008)], 32)
    dome_r, dome_h = r * vary(rng, 1.8, 0.1), vary(rng, 0.16, 0.25)
    heads, centres, leaves = [], [], []
    n = int(rng.integers(26, 36))
    golden = np.pi * (3 - np.sqrt(5))
    for i in range(n):  # heads spread evenly over a dome (a sunflower-seed spiral)
        k = (i + 0.5) / n
        rad = np.sqrt(k) * dome_r
        a = i * golden
        pos = np.array([rad * np.cos(a), rad * np.sin(a), ch + dome_h * np.sqrt(max(0.0, 1 - (rad / dome_r) ** 2)) + 0.02])
        hr = vary(rng, 0.042, 0.2)
        # a head is an open, cupped bloom facing out of the dome, its centre showing
        normal = np.array([pos[0] / dome_r * 0.8, pos[1] / dome_r * 0.8, 1.0])
        tilt = float(np.arccos(normal[2] / np.linalg.norm(normal)))
        axis = (-normal[1], normal[0], 0.0) if tilt > 1e-6 else (1.0, 0.0, 0.0)
        heads.append(rotate(ellipsoid((hr, hr, hr * 0.5), (0, 0, 0), 2), tilt, axis).apply_translation(pos))
        centres.append(rotate(ellipsoid((hr * 0.3, hr * 0.3, hr * 0.12), (0, 0, hr * 0.45), 1), tilt, axis)
                       .apply_translation(pos))
    for i in range(8):
        a = 2 * np.pi * i / 8 + rng.uniform(-0.2, 0.2)
        leaves.append(_leaf(vary(rng, 0.1, 0.2), 0.035, np.array([r * 1.1 * np.cos(a), r * 1.1 * np.sin(a), ch + 0.01]),
                            a, rng.uniform(0.0, 0.35)))
    color = jitter(rng, pick(rng, ((0.85, 0.12, 0.2), (0.95, 0.6, 0.7), (0.95, 0.95, 0.92), (0.95, 0.8, 0.2),
                                   (0.6, 0.35, 0.8))), 0.04)
    parts = [part("flowers", heads, "foliage", color),
             part("centres", centres, "foliage", (0.9, 0.75, 0.2), role="detail"),
             part("leaves", leaves, "foliage", jitter(rng, pick(rng, GREENS), 0.03), role="detail"),
             part("container", container, "ceramic", jitter(rng, pick(rng, CERAMICS[:1] + ((0.55, 0.4, 0.25),))),
                  role="detail")]
    return make_asset(parts, description="a low arrangement of flowers in a dome over a bowl")


def _figure(rng: np.random.Generator, height: float) -> trimesh.Trimesh:
    """A standing human figure of `height` (the person builder's shape as one solid), feet on z = 0."""
    figure = merge(p.mesh for p in person(rng).parts)
    figure.apply_scale(height / figure.bounds[1][2])
    return figure


@category("figurine", size=((0.08, 0.35), (0.04, 0.15)), group="indoor", placement="surface",
          synonyms=("statuette", "porcelain figure", "ornament figure", "figurines", "small figure"))
def figurine(rng: np.random.Generator) -> Asset:
    h = vary(rng, 0.18, 0.3)
    base_t = 0.012
    figure = _figure(rng, h).apply_translation((0, 0, base_t))
    r = max(0.03, float(np.abs(figure.vertices[:, :2]).max()) * 0.9)
    base = lathe([(0.0, 0.0), (r, 0.0), (r * 0.95, base_t), (0.0, base_t)], 32)
    color = jitter(rng, pick(rng, (WHITE, WHITE, (0.75, 0.85, 0.9), (0.9, 0.8, 0.7), BRASS)), 0.02)
    parts = [part("figurine", figure, "ceramic", color, roughness=0.15),
             part("base", base, "ceramic", pick(rng, (WHITE, BRASS, (0.2, 0.2, 0.22))), role="detail")]
    return make_asset(parts, description="a small porcelain figurine of a person on a round base")


@category("statue", size=((1.2, 3.2), (0.45, 1.1)), group="outdoor", placement="floor",
          synonyms=("sculpture", "statues", "marble statue", "bronze statue", "stone statue", "monument figure"))
def statue(rng: np.random.Generator) -> Asset:
    fh = vary(rng, 1.5, 0.2)
    plinth_h = vary(rng, 0.6, 0.4)
    figure = _figure(rng, fh).apply_translation((0, 0, plinth_h))
    pw = max(vary(rng, 0.65, 0.15), float(np.abs(figure.vertices[:, :2]).max()) * 2 + 0.1)
    plinth = [box((pw, pw, plinth_h - 0.06), (0, 0, (plinth_h - 0.06) / 2)),
              box((pw + 0.08, pw + 0.08, 0.06), (0, 0, plinth_h - 0.03))]
    stone, color = pick(rng, (("stone", (0.88, 0.87, 0.84)), ("stone", (0.62, 0.6, 0.57)), ("metal", (0.45, 0.33, 0.2)),
                              ("metal", (0.3, 0.45, 0.38))))
    parts = [part("statue", figure, stone, jitter(rng, color, 0.02), roughness=0.5),
             part("plinth", plinth, "stone", jitter(rng, (0.7, 0.68, 0.64), 0.03))]
    return make_asset(parts, description="a statue of a standing person on a plinth")
