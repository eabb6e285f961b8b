"""Office and study things, small electronics, instruments and toys: paper (calendar, magazine, newspaper,
map), writing things (pen, pencil, marker), a mouse pad and a printer, a camera, headphones, a speaker, a
microphone, an iPod, a key and a wallet, a blackboard, a piano, a guitar, a doll and a toy car.

Fronts face -Y (a camera's lens, a speaker's drivers, a piano's keys); wall things have their back at +Y;
long small things (pens, pencils, keys) lie along X.
"""
from __future__ import annotations

import numpy as np
import trimesh

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.household import facing_front
from fyi.assets.procedural.palette import BLACK, DARK_METAL, METAL, PAPER, PLASTICS, SCREEN, WHITE, WOODS
from fyi.assets.procedural.people import HAIRS, SKINS
from fyi.assets.procedural.shapes import (arc_points, box, capsule, cone, cylinder, ellipsoid, jitter, lathe, make_asset,
                                          part, pick, rod, rotate, rounded_rect, slab, superellipsoid, top_surface,
                                          torus, tube, vary)

BRASS = (0.78, 0.62, 0.3)
INKS = ((0.1, 0.2, 0.7), (0.08, 0.08, 0.09), (0.8, 0.1, 0.1), (0.1, 0.55, 0.25))
PRINT = ((0.85, 0.2, 0.15), (0.2, 0.4, 0.75), (0.95, 0.75, 0.15), (0.25, 0.6, 0.35), (0.6, 0.3, 0.6))


def _text_lines(x0: float, x1: float, y0: float, y1: float, z: float, rows: int, rng: np.random.Generator,
                height: float = 0.0006) -> list[trimesh.Trimesh]:
    """Grey bars standing for lines of print on a page lying face up (z is the page's top)."""
    lines = []
    for y in np.linspace(y1, y0, rows):
        lines.append(box(((x1 - x0) * rng.uniform(0.6, 1.0), (y1 - y0) / rows * 0.45, height),
                         (x0 + (x1 - x0) / 2, y, z + height / 2)))
    return lines


# --- paper -----------------------------------------------------------------------------------------

@category("calendar", size=((0.35, 0.75), (0.25, 0.5)), group="indoor", placement="wall",
          synonyms=("wall calendar", "calendars", "planner calendar", "month calendar"))
def calendar(rng: np.random.Generator) -> Asset:
    w = vary(rng, 0.33, 0.2)
    h = w * vary(rng, 1.45, 0.1)
    t = 0.004
    sheet = box((w, t, h), (0, 0, h / 2))
    picture = box((w * 0.86, 0.001, h * 0.4), (0, -t / 2 - 0.0005, h * 0.72))
    grid = []
    cw, ch = w * 0.86 / 7, h * 0.38 / 5
    for i in range(8):  # the month's grid: 7 columns by 5 weeks of ruled lines
        grid.append(box((0.0015, 0.001, h * 0.38), (-w * 0.43 + i * cw, -t / 2 - 0.0005, h * 0.05 + h * 0.19)))
    for j in range(6):
        grid.append(box((w * 0.86, 0.001, 0.0015), (0, -t / 2 - 0.0005, h * 0.05 + j * ch)))
    rings = [facing_front(torus(0.006, 0.0012, (0, 0, 0), 12, 6)).apply_translation((x, 0, h - 0.006))
             for x in np.linspace(-w * 0.4, w * 0.4, 12)]
    hook = rod((0, 0.002, h), (0, 0.002, h + 0.015), 0.0015, 6)
    parts = [part("calendar", sheet, "paper", jitter(rng, PAPER, 0.02)),
             part("picture", picture, "paper", jitter(rng, pick(rng, ((0.35, 0.55, 0.7), (0.45, 0.6, 0.35), (0.8, 0.55, 0.35))), 0.06),
                  role="detail"),
             part("grid", grid, "paper", (0.35, 0.35, 0.38), role="detail"),
             part("binding", [*rings, hook], "metal", DARK_METAL, role="detail")]
    return make_asset(parts, description="a wall calendar: a picture over the month's grid")


@category("magazine", size=((0.002, 0.015), (0.26, 0.31)), group="indoor", placement="surface",
          synonyms=("magazines", "glossy magazine", "periodical", "comic book"))
def magazine(rng: np.random.Generator) -> Asset:
    w, d, t = vary(rng, 0.21, 0.05), vary(rng, 0.28, 0.04), vary(rng, 0.006, 0.4)
    cover = box((w, d, t), (0, 0, t / 2))
    photo = box((w * 0.86, d * 0.5, 0.0006), (0, -d * 0.1, t + 0.0003))
    title = box((w * 0.8, d * 0.09, 0.0007), (0, d * 0.37, t + 0.00035))
    blurbs = _text_lines(-w * 0.42, w * 0.1, -d * 0.46, -d * 0.38, t, 2, rng, 0.0005)
    parts = [part("magazine", cover, "paper", jitter(rng, pick(rng, PRINT + (WHITE,)), 0.04), roughness=0.2),
             part("photo", photo, "paper", jitter(rng, pick(rng, ((0.8, 0.65, 0.55), (0.4, 0.55, 0.7), (0.55, 0.65, 0.4))), 0.05),
                  role="detail", roughness=0.2),
             part("title", [title, *blurbs], "paper", pick(rng, (WHITE, BLACK, (0.95, 0.85, 0.2))), role="detail")]
    return make_asset(parts, description="a glossy magazine lying face up, its title at the top")


@category("newspaper", size=((0.004, 0.03), (0.28, 0.45)), group="indoor", placement="surface",
          synonyms=("newspapers", "daily paper", "broadsheet", "tabloid", "gazette",
                    "morning paper"))
def newspaper(rng: np.random.Generator) -> Asset:
    w, d, t = vary(rng, 0.3, 0.08), vary(rng, 0.38, 0.08), vary(rng, 0.012, 0.4)
    folded = superellipsoid((w / 2, d / 2, t / 2), (0, 0, t / 2), 0.12, 2)
    head = box((w * 0.86, d * 0.06, 0.0008), (0, d * 0.4, t + 0.0004))
    cols = []
    n = int(rng.integers(3, 5))
    cw = w * 0.86 / n
    for i in range(n):
        x0 = -w * 0.43 + i * cw + cw * 0.08
        cols += _text_lines(x0, x0 + cw * 0.84, -d * 0.44, d * (0.05 if i < n // 2 else 0.3), t, 9, rng)
    photo = box((w * 0.86 * (n // 2) / n, d * 0.2, 0.0007), (-w * 0.43 + w * 0.43 * (n // 2) / n, d * 0.2, t + 0.00035))
    parts = [part("newspaper", folded, "paper", jitter(rng, (0.9, 0.88, 0.82), 0.02), roughness=0.9),
             part("print", [head, *cols], "paper", (0.25, 0.25, 0.27), role="detail"),
             part("photo", photo, "paper", jitter(rng, (0.5, 0.5, 0.52), 0.05), role="detail")]
    return make_asset(parts, description="a folded newspaper with a masthead, columns and a photo")


@category("map", size=((0.4, 1.1), (0.55, 1.5)), group="indoor", placement="wall",
          synonyms=("maps", "wall map", "world map", "road map", "atlas map"))
def map_(rng: np.random.Generator) -> Asset:
    w = vary(rng, 0.9, 0.3)
    h = w * vary(rng, 0.65, 0.1)
    t = 0.003
    sheet = box((w, t, h), (0, 0, h / 2))
    lands = []
    for _ in range(int(rng.integers(4, 7))):  # landmasses: flat blobs on the sea
        cx, cz = rng.uniform(-0.35, 0.35) * w, rng.uniform(0.2, 0.8) * h
        for _ in range(4):
            rx, rz = rng.uniform(0.04, 0.1) * w, rng.uniform(0.04, 0.1) * h
            blob = ellipsoid((rx, 0.0008, rz), (cx + rng.uniform(-1, 1) * rx, -t / 2 - 0.0008,
                                                cz + rng.uniform(-1, 1) * rz), 2)
            lo, hi = blob.bounds
            if lo[0] > -w / 2 and hi[0] < w / 2 and lo[2] > 0 and hi[2] < h:
                lands.append(blob)
    if not lands:
        lands.append(ellipsoid((w * 0.1, 0.0008, h * 0.1), (0, -t / 2 - 0.0008, h / 2), 2))
    frame = [box((w + 0.02, 0.012, 0.012), (0, 0.002, z)) for z in (0.0, h)]  # rails top and bottom
    parts = [part("map", sheet, "paper", jitter(rng, (0.55, 0.72, 0.85), 0.04)),
             part("land", lands, "paper", jitter(rng, pick(rng, ((0.55, 0.7, 0.4), (0.85, 0.75, 0.5), (0.75, 0.6, 0.4))), 0.04),
                  role="detail"),
             part("rails", frame, "wood", jitter(rng, pick(rng, WOODS)), role="detail")]
    return make_asset(parts, description="a wall map: landmasses on a blue sea, hung from rails")


# --- writing ---------------------------------------------------------------------------------------

@category("pen", size=((0.008, 0.02), (0.12, 0.16)), group="indoor", placement="surface",
          synonyms=("pens", "ballpoint", "ballpoint pen", "ball pen", "biro", "fountain pen", "ink pen", "gel pen"))
def pen(rng: np.random.Generator) -> Asset:
    length, r = vary(rng, 0.14, 0.06), vary(rng, 0.0048, 0.12)
    x0 = -length / 2
    barrel = rod((x0 + 0.012, 0, r), (length / 2 - 0.045, 0, r), r, 16)
    tip = cone(r, 0.012, (0, 0, 0), 16)
    rotate(tip, -np.pi / 2, (0, 1, 0)).apply_translation((x0 + 0.012, 0, r))
    cap = rod((length / 2 - 0.05, 0, r), (length / 2, 0, r), r * 1.12, 16)
    clip = box((0.04, 0.0025, 0.0015), (length / 2 - 0.025, 0, 2.1 * r + 0.001))
    color = jitter(rng, pick(rng, INKS + (WHITE, METAL)), 0.03)
    parts = [part("pen", [barrel, cap], "plastic", color),
             part("tip", tip, "metal", METAL, role="detail"),
             part("clip", clip, "metal", pick(rng, (METAL, BRASS)), role="detail")]
    return make_asset(parts, description="a capped pen lying on its side")


@category("pencil", size=((0.005, 0.012), (0.08, 0.2)), group="indoor", placement="surface",
          synonyms=("pencils", "lead pencil", "graphite pencil", "colored pencil", "coloured pencil", "colour pencil"))
def pencil(rng: np.random.Generator) -> Asset:
    length, r = vary(rng, 0.17, 0.15), 0.0038
    x0 = -length / 2
    barrel = rotate(cylinder(r, length - 0.035, (0, 0, 0), 6), np.pi / 2, (0, 1, 0)).apply_translation((x0 + 0.018, 0, r))
    wood = rotate(cone(r * 0.92, 0.02, (0, 0, 0), 12), -np.pi / 2, (0, 1, 0)).apply_translation((x0 + 0.018, 0, r))
    lead = rotate(cone(r * 0.3, 0.0065, (0, 0, 0), 8), -np.pi / 2, (0, 1, 0)).apply_translation((x0 + 0.0045, 0, r))
    ferrule = rod((length / 2 - 0.018, 0, r), (length / 2 - 0.008, 0, r), r * 1.05, 12)
    eraser = rod((length / 2 - 0.009, 0, r), (length / 2, 0, r), r, 12)
    color = jitter(rng, pick(rng, ((0.98, 0.78, 0.1), (0.98, 0.78, 0.1)) + INKS), 0.02)
    parts = [part("pencil", barrel, "wood", color, roughness=0.4),
             part("sharpened_end", wood, "wood", (0.85, 0.7, 0.5), role="detail"),
             part("lead", lead, "stone", (0.15, 0.15, 0.16), role="detail"),
             part("ferrule", ferrule, "metal", METAL, role="detail"),
             part("eraser", eraser, "rubber", (0.92, 0.5, 0.55), role="detail")]
    return make_asset(parts, description="a sharpened hexagonal pencil with an eraser")


@category("marker", size=((0.012, 0.03), (0.11, 0.16)), group="indoor", placement="surface",
          synonyms=("markers", "marker pen", "felt pen", "felt tip pen", "felt-tip pen", "highlighter", "sharpie",
                    "permanent marker", "whiteboard marker"))
def marker(rng: np.random.Generator) -> Asset:
    length, r = vary(rng, 0.135, 0.08), vary(rng, 0.0085, 0.15)
    x0 = -length / 2
    barrel = rod((x0 + 0.045, 0, r), (length / 2, 0, r), r, 20)
    cap = rod((x0, 0, r), (x0 + 0.047, 0, r), r * 1.08, 20)
    ink = jitter(rng, pick(rng, INKS + ((0.95, 0.9, 0.1), (0.95, 0.4, 0.7))), 0.02)
    label = rod((x0 + 0.06, 0, r), (x0 + 0.1, 0, r), r * 1.01, 20)
    parts = [part("marker", [barrel, cap], "plastic", ink),
             part("label", label, "paper", pick(rng, (WHITE, (0.2, 0.2, 0.22))), role="detail")]
    return make_asset(parts, description="a capped marker pen lying on its side")


@category("mousepad", size=((0.002, 0.006), (0.2, 0.9)), group="electronic", placement="surface",
          synonyms=("mouse pad", "mouse mat", "mousemat", "desk pad", "mousepads", "gaming mouse pad"))
def mousepad(rng: np.random.Generator) -> Asset:
    big = rng.random() < 0.25
    w, d = (vary(rng, 0.8, 0.1), vary(rng, 0.3, 0.1)) if big else (vary(rng, 0.25, 0.12), vary(rng, 0.21, 0.1))
    t = 0.003
    pad = slab(rounded_rect(w, d, 0.015), t)
    edge = [box((w - 0.02, 0.003, 0.0005), (0, s * (d / 2 - 0.006), t + 0.00025)) for s in (-1, 1)]
    color = jitter(rng, pick(rng, ((0.1, 0.1, 0.11), (0.1, 0.1, 0.11), (0.2, 0.3, 0.5), (0.5, 0.5, 0.52))), 0.02)
    parts = [part("mousepad", pad, "rubber", color, roughness=0.8),
             part("stitching", edge, "fabric", (0.35, 0.35, 0.37), role="detail")]
    return make_asset(parts, [top_surface("top", t, (-w / 2, w / 2), (-d / 2, d / 2), inset=0.01)],
                      "a desk mat" if big else "a mouse pad")


# --- electronics -----------------------------------------------------------------------------------

@category("printer", size=((0.12, 0.4), (0.35, 0.55)), group="electronic", placement="surface",
          synonyms=("printers", "printing machine", "inkjet printer", "laser printer", "office printer",
                    "all-in-one printer"))
def printer(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 0.44, 0.12), vary(rng, 0.34, 0.12), vary(rng, 0.2, 0.3)
    shell = superellipsoid((w / 2, d / 2, h / 2), (0, 0, h / 2), 0.15, 3)
    slot = box((w * 0.6, 0.01, 0.012), (0, -d / 2 + 0.003, h * 0.35))
    tray = box((w * 0.56, d * 0.28, 0.006), (0, -d / 2 - d * 0.12, h * 0.2))
    paper_out = box((w * 0.5, d * 0.3, 0.004), (0, -d / 2 - d * 0.06, h * 0.2 + 0.005))
    panel = box((w * 0.25, 0.02, h * 0.12), (w * 0.3, -d / 2 + 0.01, h * 0.82))
    screen = box((w * 0.1, 0.002, h * 0.07), (w * 0.27, -d / 2 - 0.0005, h * 0.83))
    feeder = box((w * 0.55, 0.01, h * 0.5), (0, d / 2 - 0.03, h + h * 0.2))
    rotate(feeder, -0.35, (1, 0, 0), (0, d / 2 - 0.03, h))
    color = jitter(rng, pick(rng, (WHITE, (0.13, 0.13, 0.14), (0.65, 0.66, 0.68))), 0.02)
    parts = [part("printer", [shell, panel], "plastic", color),
             part("paper_tray", [tray, slot], "plastic", (0.25, 0.25, 0.27), role="detail"),
             part("paper", [paper_out, feeder], "paper", PAPER, role="detail"),
             part("display", screen, "glass", SCREEN, role="detail")]
    return make_asset(parts, description="a desktop printer with paper in its trays, output toward the front")


@category("photo_camera", size=((0.06, 0.13), (0.1, 0.17)), group="electronic", placement="surface",
          synonyms=("photo camera", "photo cameras", "digital camera", "dslr", "slr camera", "dslr camera", "film camera",
                    "mirrorless camera"))
def photo_camera(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 0.135, 0.12), vary(rng, 0.045, 0.15), vary(rng, 0.075, 0.12)
    body = superellipsoid((w / 2, d / 2, h / 2), (0, 0, h / 2), 0.3, 3)
    grip = superellipsoid((0.018, d * 0.7, h * 0.45), (-w / 2 + 0.02, -d * 0.15, h * 0.47), 0.5, 2)
    hump = [box((w * 0.3, d * 0.8, h * 0.2), (0, 0, h + h * 0.08)),
            box((w * 0.22, d * 0.7, h * 0.12), (0, 0, h + h * 0.2))]
    lens_r, lens_l = vary(rng, 0.032, 0.15), vary(rng, 0.06, 0.4)
    lens = facing_front(lathe([(0.0, 0.0), (lens_r * 0.9, 0.0), (lens_r, lens_l * 0.3), (lens_r * 0.95, lens_l),
                               (0.0, lens_l)], 32)).apply_translation((w * 0.05, -d / 2 + 0.002, h * 0.5))
    ring = facing_front(torus(lens_r * 0.98, 0.004, (0, 0, lens_l * 0.55), 32, 6)).apply_translation((w * 0.05, -d / 2, h * 0.5))
    glass = facing_front(cylinder(lens_r * 0.7, 0.002, (0, 0, lens_l), 32)).apply_translation((w * 0.05, -d / 2 + 0.0025, h * 0.5))
    shutter = cylinder(0.006, 0.004, (-w / 2 + 0.022, -d * 0.1, h), 12)
    color = jitter(rng, pick(rng, ((0.1, 0.1, 0.11), (0.1, 0.1, 0.11), METAL)), 0.02)
    parts = [part("photo_camera", [body, grip, *hump, shutter], "plastic", color),
             part("lens", [lens, ring], "plastic", (0.06, 0.06, 0.07), role="detail"),
             part("lens_glass", glass, "glass", (0.1, 0.12, 0.2), role="detail", roughness=0.02)]
    return make_asset(parts, description="a camera with its lens toward the front")


@category("earphone", size=((0.12, 0.24), (0.13, 0.22)), group="electronic", placement="surface",
          synonyms=("earphones", "headphone", "headphones", "earpiece", "headset", "over-ear headphones",
                    "earbuds", "earbud"))
def earphone(rng: np.random.Generator) -> Asset:
    span = vary(rng, 0.17, 0.12)  # between the outer faces of the ear cups
    cup_r, cup_t = vary(rng, 0.045, 0.12), vary(rng, 0.035, 0.15)
    cz = cup_r + 0.002
    cups, cushions = [], []
    for s in (-1, 1):
        cup = rotate(lathe([(0.0, 0.0), (cup_r, 0.0), (cup_r * 1.02, cup_t * 0.6), (cup_r * 0.85, cup_t), (0.0, cup_t)], 28),
                     s * np.pi / 2, (0, 1, 0))
        cups.append(cup.apply_translation((s * (span / 2 - cup_t), 0, cz)))
        cushion = rotate(torus(cup_r * 0.72, cup_r * 0.25, (0, 0, 0), 28, 10), np.pi / 2, (0, 1, 0))
        cushions.append(cushion.apply_translation((s * (span / 2 - cup_t - cup_r * 0.2), 0, cz)))
    band_r = span / 2 - cup_t * 0.5
    band = tube(arc_points(band_r, 0.05, np.pi - 0.05, (0, 0, cz + cup_r * 0.4), "xz", 24), 0.008, 10)
    band.apply_scale((1, 1.6, 1))
    pad = tube(arc_points(band_r - 0.008, 0.6, np.pi - 0.6, (0, 0, cz + cup_r * 0.4), "xz", 12), 0.009, 10)
    color = jitter(rng, pick(rng, ((0.1, 0.1, 0.11), (0.1, 0.1, 0.11), WHITE, METAL, (0.6, 0.15, 0.15))), 0.02)
    parts = [part("earphone", [*cups, band], "plastic", color),
             part("cushions", [*cushions, pad], "leather", (0.12, 0.12, 0.13), role="detail")]
    return make_asset(parts, description="over-ear headphones standing on their ear cups")


@category("speaker", size=((0.18, 0.5), (0.14, 0.32)), group="electronic", placement="surface",
          synonyms=("speakers", "loudspeaker", "stereo speaker", "bookshelf speaker", "hifi speaker", "audio speaker",
                    "speaker box"))
def speaker(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 0.19, 0.2), vary(rng, 0.24, 0.15), vary(rng, 0.32, 0.25)
    cabinet = box((w, d, h), (0, 0, h / 2))
    woofer_r = w * 0.36
    woofer = facing_front(lathe([(0.0, -0.005), (woofer_r, -0.005), (woofer_r, 0.004), (woofer_r * 0.9, 0.004),
                                 (woofer_r * 0.3, -0.003), (0.0, 0.0)], 32)).apply_translation((0, -d / 2, h * 0.35))
    tweeter = facing_front(ellipsoid((w * 0.12, w * 0.12, 0.01), (0, 0, 0.0), 2)).apply_translation((0, -d / 2, h * 0.75))
    surround = [facing_front(torus(woofer_r, 0.005, (0, 0, 0.004), 32, 6)).apply_translation((0, -d / 2, h * 0.35)),
                facing_front(torus(w * 0.13, 0.004, (0, 0, 0.002), 24, 6)).apply_translation((0, -d / 2, h * 0.75))]
    color = jitter(rng, pick(rng, ((0.1, 0.1, 0.11), (0.1, 0.1, 0.11), WOODS[1], WOODS[0], WHITE)), 0.02)
    parts = [part("speaker", cabinet, "wood", color),
             part("drivers", [woofer, tweeter], "plastic", (0.2, 0.2, 0.22), role="detail"),
             part("surrounds", surround, "metal", METAL, role="detail")]
    return make_asset(parts, description="a bookshelf speaker, its woofer and tweeter toward the front")


@category("microphone", size=((0.18, 0.4), (0.08, 0.2)), group="electronic", placement="surface",
          synonyms=("microphones", "mic", "desk microphone", "studio microphone", "podcast microphone"))
def microphone(rng: np.random.Generator) -> Asset:
    h = vary(rng, 0.26, 0.25)
    base_r = vary(rng, 0.065, 0.15)
    base = lathe([(0.0, 0.0), (base_r, 0.0), (base_r * 0.95, 0.015), (0.0, 0.02)], 32)
    stem = rod((0, 0, 0.015), (0, 0, h * 0.45), 0.008, 12)
    tilt = 0.35
    handle = capsule((0, 0, 0), (0, 0, h * 0.38), 0.018, 10)
    grille = ellipsoid((0.03, 0.03, 0.036), (0, 0, h * 0.38 + 0.03), 2)
    band = torus(0.021, 0.004, (0, 0, h * 0.38), 20, 6)
    for m in (handle, grille, band):
        rotate(m, tilt, (1, 0, 0))
        m.apply_translation((0, 0, h * 0.45 - 0.03))
    clip = box((0.05, 0.02, 0.02), (0, 0, h * 0.45))
    color = jitter(rng, pick(rng, ((0.1, 0.1, 0.11), (0.1, 0.1, 0.11), METAL, (0.85, 0.75, 0.55))), 0.02)
    parts = [part("microphone", [handle, base, stem, clip], "metal", color),
             part("grille", [grille, band], "metal", pick(rng, (METAL, DARK_METAL)), role="detail", roughness=0.35)]
    return make_asset(parts, description="a microphone on a desk stand, tipped toward the front")


@category("ipod", size=((0.006, 0.015), (0.08, 0.12)), group="electronic", placement="surface",
          synonyms=("music player", "media player", "ipod classic", "portable music player", "walkman"))
def ipod(rng: np.random.Generator) -> Asset:
    w, d, t = vary(rng, 0.062, 0.06), vary(rng, 0.104, 0.06), vary(rng, 0.011, 0.15)  # lying face up, top toward +Y
    body = superellipsoid((w / 2, d / 2, t / 2), (0, 0, t / 2), 0.18, 3)
    screen = box((w * 0.82, d * 0.36, 0.0006), (0, d * 0.2, t - 0.0001))
    wheel = cylinder(w * 0.33, 0.0006, (0, -d * 0.2, t - 0.0002), 32)
    button = cylinder(w * 0.12, 0.0008, (0, -d * 0.2, t - 0.0001), 24)
    color = jitter(rng, pick(rng, (WHITE, (0.1, 0.1, 0.11), METAL, (0.85, 0.3, 0.45), (0.3, 0.55, 0.85))), 0.02)
    wheel_color = (0.92, 0.92, 0.9) if color[0] > 0.5 and color[2] > 0.5 else (0.15, 0.15, 0.16)
    parts = [part("ipod", body, "metal", color),
             part("screen", screen, "glass", SCREEN, role="detail", roughness=0.05),
             part("click_wheel", [wheel], "plastic", wheel_color, role="detail"),
             part("button", button, "plastic", tuple(float(c) * 0.85 for c in wheel_color), role="detail")]
    return make_asset(parts, description="an iPod with a click wheel, lying face up")


# --- pocket things ---------------------------------------------------------------------------------

@category("key", size=((0.002, 0.01), (0.045, 0.09)), group="indoor", placement="surface",
          synonyms=("keys", "door key", "house key", "car key", "latchkey", "bunch of keys"))
def key(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.06, 0.2)
    t = 0.002
    bow_r = vary(rng, 0.013, 0.15)
    bow_x = -length / 2 + bow_r
    bow = torus(bow_r * 0.7, bow_r * 0.3, (bow_x, 0, t / 2), 24, 6)
    bow.apply_scale((1, 1, 0.5 / (bow_r * 0.3) * t))
    bow.apply_translation((0, 0, t / 2 - bow.bounds[0][2]))
    shoulder = box((0.006, bow_r * 0.9, t), (bow_x + bow_r + 0.002, 0, t / 2))
    blade_l = length - 2 * bow_r - 0.004
    blade = box((blade_l, 0.007, t), (bow_x + bow_r + 0.004 + blade_l / 2, 0.0015, t / 2))
    teeth = [box((0.003, rng.uniform(0.002, 0.004), t), (bow_x + bow_r + 0.01 + i * blade_l * 0.12, -0.0035, t / 2))
             for i in range(6)]
    color = jitter(rng, pick(rng, (BRASS, METAL, (0.75, 0.55, 0.4))), 0.03)
    parts = [part("key", [bow, shoulder, blade, *teeth], "metal", color, roughness=0.3)]
    if rng.random() < 0.4:  # a split ring through the bow
        parts.append(part("ring", torus(0.012, 0.0012, (bow_x - bow_r * 0.9, 0, 0.0012), 24, 6), "metal", METAL,
                          role="detail"))
    return make_asset(parts, description="a key lying flat")


@category("wallet", size=((0.008, 0.035), (0.09, 0.2)), group="accessory", placement="surface",
          synonyms=("wallets", "billfold", "leather wallet", "card wallet"))
def wallet(rng: np.random.Generator) -> Asset:
    long = rng.random() < 0.3
    w, d = (vary(rng, 0.19, 0.05), vary(rng, 0.095, 0.05)) if long else (vary(rng, 0.115, 0.06), vary(rng, 0.09, 0.06))
    t = vary(rng, 0.018, 0.2)
    body = superellipsoid((w / 2, d / 2, t / 2), (0, 0, t / 2), 0.2, 3)
    stitch = [box((w - 0.012, 0.0015, 0.0008), (0, s * (d / 2 - 0.005), t + 0.0002)) for s in (-1, 1)]
    stitch += [box((0.0015, d - 0.012, 0.0008), (s * (w / 2 - 0.005), 0, t + 0.0002)) for s in (-1, 1)]
    card = box((0.05, 0.03, 0.0015), (w * 0.15, d / 2, t * 0.7)) if rng.random() < 0.5 else None
    color = jitter(rng, pick(rng, ((0.35, 0.2, 0.1), (0.1, 0.08, 0.07), (0.55, 0.35, 0.2), (0.45, 0.1, 0.12))), 0.03)
    parts = [part("wallet", body, "leather", color), part("stitching", stitch, "fabric", (0.8, 0.7, 0.5), role="detail")]
    if card is not None:
        parts.append(part("card", card, "plastic", pick(rng, PLASTICS[:3]), role="detail"))
    return make_asset(parts, description="a folded leather wallet lying flat")


# --- classroom and music ---------------------------------------------------------------------------

@category("blackboard", size=((0.6, 1.3), (0.9, 2.5)), group="indoor", placement="wall",
          synonyms=("chalkboard", "chalk board", "black board", "blackboards", "slate board"))
def blackboard(rng: np.random.Generator) -> Asset:
    w = vary(rng, 1.5, 0.3)
    h = vary(rng, 0.95, 0.25)
    fw, t = 0.04, 0.02
    board = box((w - 2 * fw, t, h - 2 * fw), (0, 0, h / 2))
    frame = [box((w, t + 0.012, fw), (0, -0.002, z)) for z in (fw / 2, h - fw / 2)]
    frame += [box((fw, t + 0.012, h), (x, -0.002, h / 2)) for x in (-w / 2 + fw / 2, w / 2 - fw / 2)]
    ledge = box((w * 0.7, 0.06, 0.015), (0, -0.035, fw))
    writing = []
    for row in range(int(rng.integers(2, 5))):  # chalk lines of writing
        z = h - fw - 0.1 - row * 0.12
        x = -w / 2 + fw + 0.08
        while x < w * rng.uniform(0.0, 0.35):
            word = rng.uniform(0.05, 0.18)
            writing.append(box((word, 0.001, 0.025), (x + word / 2, -t / 2 - 0.0005, z)))
            x += word + 0.04
    chalk = [rod((x, -0.04, fw + 0.014), (x + 0.07, -0.045, fw + 0.014), 0.005, 8) for x in (-w * 0.2, w * 0.1)]
    parts = [part("blackboard", board, "stone", jitter(rng, pick(rng, ((0.1, 0.18, 0.14), (0.08, 0.08, 0.09))), 0.02),
                  roughness=0.9),
             part("frame", [*frame, ledge], "wood", jitter(rng, pick(rng, WOODS[:3]))  , role="detail"),
             part("writing", writing + chalk, "paper", (0.9, 0.9, 0.88), role="detail")]
    return make_asset(parts, description="a wall blackboard with chalk writing and a chalk ledge")


@category("piano", size=((1.0, 1.35), (1.35, 1.6)), group="furniture", placement="floor", against_wall=True,
          synonyms=("upright piano", "pianos", "pianoforte", "acoustic piano"))
def piano(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 1.48, 0.04), vary(rng, 0.58, 0.06), vary(rng, 1.2, 0.1)
    key_z = 0.72
    case = [box((w, d * 0.45, h), (0, d / 2 - d * 0.225, h / 2)),  # the tall back of the case
            box((w, d, 0.3), (0, 0, key_z - 0.15 - 0.12)),  # the body under the keys
            box((w * 0.92, 0.04, h - key_z - 0.12), (0, -d / 2 + d * 0.55 - 0.02, key_z + 0.12 + (h - key_z - 0.12) / 2)),
            box((w, 0.05, 0.08), (0, -d / 2 + d * 0.55 - 0.02, h - 0.04))]
    cheeks = [box((0.06, d * 0.62, 0.22), (s * (w / 2 - 0.03), -d / 2 + d * 0.31, key_z + 0.02)) for s in (-1, 1)]
    toes = [box((0.06, 0.12, key_z - 0.42), (s * (w / 2 - 0.03), -d / 2 + 0.06, (key_z - 0.42) / 2)) for s in (-1, 1)]
    kw = (w - 0.16) / 52
    keys_y = -d / 2 + 0.09
    whites = [box((kw * 0.92, 0.15, 0.022), (-w / 2 + 0.08 + kw * (i + 0.5), keys_y, key_z)) for i in range(52)]
    blacks = [box((kw * 0.55, 0.09, 0.014), (-w / 2 + 0.08 + kw * (i + 1), keys_y + 0.03, key_z + 0.018))
              for i in range(51) if i % 7 not in (2, 6)]
    pedals = [box((0.025, 0.07, 0.01), (x, -d / 2 + 0.01, 0.06)) for x in (-0.07, 0.0, 0.07)]
    # lacquered black or white, or a wood veneer
    material, color = pick(rng, (("plastic", jitter(rng, (0.05, 0.05, 0.055), 0.01)), ("wood", jitter(rng, WOODS[1])),
                                 ("wood", jitter(rng, WOODS[3])), ("plastic", WHITE)))
    parts = [part("piano", [*case, *cheeks, *toes], material, color, roughness=0.2),
             part("keys", whites, "plastic", (0.95, 0.94, 0.9), role="detail"),
             part("black_keys", blacks, "plastic", (0.03, 0.03, 0.03), role="detail"),
             part("pedals", pedals, "metal", BRASS, role="detail")]
    return make_asset(parts, [top_surface("top", h, (-w / 2, w / 2), (d / 2 - d * 0.45, d / 2), inset=0.02)],
                      "an upright piano, its keyboard toward the front")


@category("guitar", size=((0.9, 1.15), (0.33, 0.5)), group="indoor", placement="floor",
          synonyms=("guitars", "acoustic guitar", "electric guitar", "classical guitar", "bass guitar"))
def guitar(rng: np.random.Generator) -> Asset:
    scale_ = vary(rng, 1.0, 0.05)
    lift = 0.06  # the stand's cradle
    lower_r, upper_r = 0.19 * scale_, 0.145 * scale_
    depth = vary(rng, 0.1, 0.15)
    lower_z = lift + lower_r
    upper_z = lower_z + lower_r * 0.9
    body = [facing_front(cylinder(lower_r, depth, (0, 0, -depth / 2), 40)).apply_translation((0, 0, lower_z)),
            facing_front(cylinder(upper_r, depth, (0, 0, -depth / 2), 40)).apply_translation((0, 0, upper_z)),
            box((upper_r * 1.3, depth, lower_r), (0, 0, (lower_z + upper_z) / 2))]
    top_z = upper_z + upper_r
    neck_l = 0.38 * scale_
    neck = box((0.05, 0.025, neck_l), (0, -depth / 2 + 0.015, top_z + neck_l / 2 - 0.02))
    head = box((0.08, 0.02, 0.17), (0, -depth / 2 + 0.015, top_z + neck_l + 0.065))
    hole = facing_front(cylinder(upper_r * 0.45, 0.002, (0, 0, depth / 2), 32)).apply_translation((0, 0, upper_z - 0.02))
    bridge = box((0.12, 0.008, 0.025), (0, -depth / 2 - 0.004, lower_z - lower_r * 0.35))
    strings = [rod((x, -depth / 2 - 0.006, lower_z - lower_r * 0.35), (x * 0.7, -depth / 2 - 0.002, top_z + neck_l - 0.02),
                   0.0008, 4) for x in np.linspace(-0.02, 0.02, 6)]
    stand = [rod((s * 0.12, -0.08, 0.0), (s * 0.1, -0.05, lift + 0.02), 0.008, 8) for s in (-1, 1)]
    stand += [rod((0, 0.18, 0.0), (0, depth / 2 + 0.01, upper_z), 0.008, 8),
              rod((-0.12, -0.08, 0.0), (0.12, -0.08, 0.0), 0.008, 8),
              rod((-0.12, -0.08, 0.004), (0, 0.18, 0.004), 0.008, 8), rod((0.12, -0.08, 0.004), (0, 0.18, 0.004), 0.008, 8)]
    color = jitter(rng, pick(rng, ((0.85, 0.62, 0.35), (0.6, 0.3, 0.12), (0.12, 0.1, 0.1), (0.75, 0.12, 0.1),
                                   (0.9, 0.88, 0.82))), 0.03)
    parts = [part("guitar", body, "wood", color, roughness=0.25),
             part("neck", [neck, head, bridge], "wood", WOODS[3], role="detail"),
             part("soundhole", hole, "wood", (0.05, 0.04, 0.03), role="detail"),
             part("strings", strings, "metal", METAL, role="detail"),
             part("stand", stand, "metal", DARK_METAL, role="detail")]
    return make_asset(parts, description="an acoustic guitar upright on a stand, its soundhole toward the front")


# --- toys ------------------------------------------------------------------------------------------

@category("doll", size=((0.2, 0.5), (0.08, 0.25)), group="indoor", placement="surface",
          synonyms=("dolls", "baby doll", "rag doll", "barbie", "fashion doll", "toy doll", "dolly"))
def doll(rng: np.random.Generator) -> Asset:
    h = vary(rng, 0.33, 0.3)
    head_r = h * 0.12
    hem_r, waist_z = h * vary(rng, 0.2, 0.15), h * 0.55
    dress = lathe([(0.0, h * 0.12), (hem_r, h * 0.12), (hem_r * 0.9, h * 0.2), (h * 0.07, waist_z), (h * 0.085, h * 0.66),
                   (h * 0.05, h * 0.74), (0.0, h * 0.75)], 28)
    legs = [capsule((s * h * 0.04, 0, h * 0.03), (s * h * 0.04, 0, h * 0.2), h * 0.025, 8) for s in (-1, 1)]
    shoes = [ellipsoid((h * 0.03, h * 0.045, h * 0.022), (s * h * 0.04, -h * 0.012, h * 0.022), 2) for s in (-1, 1)]
    arms = [capsule((s * h * 0.085, 0, h * 0.7), (s * h * 0.13, -h * 0.03, h * 0.48), h * 0.022, 8) for s in (-1, 1)]
    head_c = np.array([0.0, 0.0, h * 0.76 + head_r * 0.95])
    head = ellipsoid((head_r, head_r, head_r * 1.05), head_c, 3)
    hair = [ellipsoid((head_r * 1.08, head_r * 1.05, head_r * 0.9), head_c + (0, head_r * 0.12, head_r * 0.2), 3),
            superellipsoid((head_r * 1.0, head_r * 0.45, head_r * 1.2), head_c + (0, head_r * 0.6, -head_r * 0.7), 0.6, 2)]
    eyes = [ellipsoid((head_r * 0.14,) * 3, head_c + (s * head_r * 0.38, -head_r * 0.9, head_r * 0.05), 1) for s in (-1, 1)]
    skin = jitter(rng, pick(rng, SKINS), 0.02)
    parts = [part("doll", dress, "fabric", jitter(rng, pick(rng, ((0.9, 0.45, 0.6), (0.3, 0.5, 0.85), (0.85, 0.15, 0.15),
                                                                (0.95, 0.85, 0.4), (0.6, 0.4, 0.75))), 0.04)),
             part("skin", [head, *arms, *legs], "plastic", skin, role="detail", roughness=0.4),
             part("hair", hair, "fur", jitter(rng, pick(rng, HAIRS), 0.02), role="detail"),
             part("shoes", shoes, "plastic", pick(rng, (BLACK, (0.8, 0.15, 0.2), WHITE)), role="detail"),
             part("eyes", eyes, "plastic", (0.1, 0.2, 0.45), role="detail", roughness=0.1)]
    return make_asset(parts, description="a doll in a dress, standing, facing the front")


@category("toy", size=((0.06, 0.2), (0.12, 0.35)), group="indoor", placement="surface",
          synonyms=("toys", "toy car", "toy truck", "plaything", "toy vehicle", "kids toy"))
def toy(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.22, 0.3)  # a chunky toy car, front toward -Y
    w = length * vary(rng, 0.55, 0.1)
    wheel_r = length * 0.13
    chassis_z = wheel_r * 0.9
    chassis = superellipsoid((w / 2, length / 2, length * 0.1), (0, 0, chassis_z + length * 0.1), 0.35, 3)
    truck = rng.random() < 0.4
    if truck:  # a cab at the front and an open bed behind
        cabin = superellipsoid((w * 0.46, length * 0.16, length * 0.12), (0, -length * 0.27, chassis_z + length * 0.3), 0.3, 3)
        bed = [box((w, 0.008, length * 0.1), (0, y, chassis_z + length * 0.25)) for y in (-length * 0.08, length * 0.49)]
        bed += [box((0.008, length * 0.57, length * 0.1), (s * (w / 2 - 0.004), length * 0.205, chassis_z + length * 0.25))
                for s in (-1, 1)]
        shell = [chassis, cabin, *bed]
        windows = [box((w * 0.8, 0.004, length * 0.1), (0, -length * 0.43, chassis_z + length * 0.32))]
    else:  # a rounded car with a cabin in the middle
        cabin = superellipsoid((w * 0.42, length * 0.24, length * 0.12), (0, length * 0.03, chassis_z + length * 0.28), 0.45, 3)
        shell = [chassis, cabin]
        windows = [box((w * 0.7, 0.004, length * 0.09), (0, length * 0.03 - length * 0.235, chassis_z + length * 0.3)),
                   box((0.004, length * 0.3, length * 0.08), (-w * 0.42, length * 0.03, chassis_z + length * 0.3)),
                   box((0.004, length * 0.3, length * 0.08), (w * 0.42, length * 0.03, chassis_z + length * 0.3))]
    wheels = []
    for sy in (-1, 1):
        for sx in (-1, 1):
            wheel = rotate(cylinder(wheel_r, w * 0.18, (0, 0, -w * 0.09), 24), np.pi / 2, (0, 1, 0))
            wheels.append(wheel.apply_translation((sx * (w / 2 - w * 0.05), sy * length * 0.3, wheel_r)))
    hubs = [rotate(cylinder(wheel_r * 0.45, 0.004, (0, 0, -0.002), 16), np.pi / 2, (0, 1, 0)).apply_translation(
        (sx * (w / 2 + w * 0.045), sy * length * 0.3, wheel_r)) for sy in (-1, 1) for sx in (-1, 1)]
    lights = [ellipsoid((w * 0.08, 0.006, w * 0.06), (s * w * 0.3, -length / 2 + 0.002, chassis_z + length * 0.1), 1)
              for s in (-1, 1)]
    color = jitter(rng, pick(rng, PLASTICS[:4]), 0.03)
    parts = [part("toy", shell, "plastic", color, roughness=0.3),
             part("windows", windows, "plastic", (0.55, 0.75, 0.9), role="detail", roughness=0.1),
             part("wheels", wheels, "plastic", (0.1, 0.1, 0.11), role="detail"),
             part("hubs", [*hubs, *lights], "plastic", pick(rng, (WHITE, (0.95, 0.8, 0.1))), role="detail")]
    return make_asset(parts, description="a chunky plastic toy truck" if truck else "a chunky plastic toy car")
