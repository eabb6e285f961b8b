"""Furniture: tables, seats, beds, storage, appliances and rugs, at real-world sizes.

Front faces -Y: a chair's seat opens toward -Y with its back at +Y, a sofa's back and a bed's
headboard are at +Y, doors and drawers of cabinets and fridges face -Y.
"""
from __future__ import annotations

import numpy as np
import trimesh

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.palette import BLACK, DARK_METAL, FABRICS, METAL, PAINTED, WHITE, WOODS
from fyi.assets.procedural.shapes import (box, cylinder, disc, four_legs, jitter, lathe, make_asset, part, pick, rod,
                                          rounded_rect, slab, superellipsoid, top_surface, torus, vary)


def _wood(rng: np.random.Generator) -> tuple[float, float, float]:
    return jitter(rng, pick(rng, WOODS))


def _fabric(rng: np.random.Generator) -> tuple[float, float, float]:
    return jitter(rng, pick(rng, FABRICS))


def _knob(x: float, y: float, z: float) -> trimesh.Trimesh:
    """A small metal pull on a front face at y (front faces -Y)."""
    return rod((x, y, z), (x, y - 0.025, z), 0.008, sections=12)


def _table(rng: np.random.Generator, height: float, length: float, depth: float, round_top: bool,
           description: str) -> Asset:
    """A top on legs (or a pedestal when round); the shared shape of table, coffee and side tables."""
    wood = _wood(rng)
    top_t = vary(rng, 0.035, 0.15)
    body = []
    if round_top:
        r = length / 2.0
        body.append(slab(disc(r, 48), top_t, height - top_t))
        if rng.random() < 0.5:  # pedestal: column and foot
            body += [cylinder(vary(rng, 0.05, 0.2), height - top_t, (0, 0, 0), 24),
                     slab(disc(r * 0.45, 32), 0.03)]
        else:
            leg_r = r * 0.55
            body += four_legs(leg_r * 2, leg_r * 2, height - top_t, 0.045, 0.0, round_legs=True)
        half = r * 0.70  # square inside the circle, a little short of the edge
        surface = top_surface("top", height, (-half, half), (-half, half), inset=0.0)
    else:
        corner = pick(rng, (0.005, 0.03, 0.08))
        body.append(slab(rounded_rect(length, depth, corner), top_t, height - top_t))
        leg = vary(rng, 0.055, 0.2)
        splay = pick(rng, (0.0, 0.0, 0.03))
        body += four_legs(length, depth, height - top_t, leg, leg / 2 + 0.04, round_legs=rng.random() < 0.4,
                          splay=splay)
        apron_h = min(0.08, height * 0.15)
        z = height - top_t - apron_h / 2
        inner_x, inner_y = length / 2 - 0.04 - leg, depth / 2 - 0.04 - leg
        if inner_x > 0.05 and inner_y > 0.05:
            body += [box((2 * inner_x, 0.02, apron_h), (0, s * (depth / 2 - 0.06), z)) for s in (-1, 1)]
            body += [box((0.02, 2 * inner_y, apron_h), (s * (length / 2 - 0.06), 0, z)) for s in (-1, 1)]
        surface = top_surface("top", height, (-length / 2, length / 2), (-depth / 2, depth / 2))
    return make_asset([part("table", body, "wood", wood)], [surface], description)


@category("table", size=((0.7, 0.8), (0.9, 1.9)), group="furniture", placement="floor",
          synonyms=("dining table", "kitchen table", "round table", "dinner table", "wooden table"))
def table(rng: np.random.Generator) -> Asset:
    if rng.random() < 0.3:
        d = vary(rng, 1.1, 0.1)
        return _table(rng, vary(rng, 0.75, 0.03), d, d, True, "a round wooden dining table")
    return _table(rng, vary(rng, 0.75, 0.03), vary(rng, 1.6, 0.12), vary(rng, 0.9, 0.1), False,
                  "a rectangular wooden dining table on four legs")


@category("coffee_table", size=((0.35, 0.5), (0.7, 1.3)), group="furniture", placement="floor", synonyms=("cocktail table", "low table"))
def coffee_table(rng: np.random.Generator) -> Asset:
    if rng.random() < 0.3:
        d = vary(rng, 0.85, 0.1)
        return _table(rng, vary(rng, 0.42, 0.06), d, d, True, "a round low coffee table")
    return _table(rng, vary(rng, 0.42, 0.06), vary(rng, 1.1, 0.12), vary(rng, 0.6, 0.1), False,
                  "a low rectangular coffee table")


@category("side_table", size=((0.45, 0.7), (0.35, 0.6)), group="furniture", placement="floor", synonyms=("end table", "accent table"))
def side_table(rng: np.random.Generator) -> Asset:
    d = vary(rng, 0.48, 0.12)
    return _table(rng, vary(rng, 0.58, 0.08), d, d, rng.random() < 0.5, "a small side table")


@category("desk", size=((0.7, 0.8), (1.15, 1.65)), group="furniture", placement="floor", against_wall=True,
          synonyms=("office desk", "writing desk", "computer desk", "work desk"))
def desk(rng: np.random.Generator) -> Asset:
    h, w, d = vary(rng, 0.75, 0.03), vary(rng, 1.4, 0.12), vary(rng, 0.7, 0.1)
    top_t = 0.03
    color = pick(rng, (_wood(rng), jitter(rng, pick(rng, PAINTED))))
    body = [box((w, d, top_t), (0, 0, h - top_t / 2))]
    if rng.random() < 0.5:  # panel ends
        body += [box((0.03, d - 0.04, h - top_t), (s * (w / 2 - 0.03), 0, (h - top_t) / 2)) for s in (-1, 1)]
    else:
        body += four_legs(w, d, h - top_t, 0.05, 0.05)
    body.append(box((w - 0.12, 0.02, 0.35), (0, d / 2 - 0.05, h - top_t - 0.175)))  # modesty panel at the back
    details = []
    if rng.random() < 0.6:  # a drawer block under the right end
        bw = 0.4
        x = w / 2 - 0.06 - bw / 2
        body.append(box((bw, d - 0.1, 0.5), (x, 0, h - top_t - 0.25)))
        details += [_knob(x, -(d - 0.1) / 2, h - top_t - 0.1 - i * 0.17) for i in range(3)]
    parts = [part("desk", body, "wood" if color in WOODS or rng.random() < 0.7 else "plastic", color)]
    if details:
        parts.append(part("pulls", details, "metal", METAL, role="detail"))
    return make_asset(parts, [top_surface("top", h, (-w / 2, w / 2), (-d / 2, d / 2))], "a desk with a drawer unit")


def _chair_frame(rng: np.random.Generator, seat_h: float, w: float, d: float, back_h: float) -> list:
    """Four legs, a seat board and a back whose posts continue the rear legs (back at +Y)."""
    leg = vary(rng, 0.04, 0.15)
    seat_t = 0.04
    meshes = four_legs(w, d, seat_h - seat_t, leg, leg / 2 + 0.01, round_legs=rng.random() < 0.4)
    meshes.append(box((w, d, seat_t), (0, 0, seat_h - seat_t / 2)))
    y_back = d / 2 - leg / 2 - 0.01
    for s in (-1, 1):
        meshes.append(box((leg, leg, back_h), (s * (w / 2 - leg / 2 - 0.01), y_back, seat_h + back_h / 2)))
    if rng.random() < 0.5:  # solid back rest
        meshes.append(box((w - 0.02, 0.025, back_h * 0.45), (0, y_back, seat_h + back_h * 0.72)))
    else:  # slats
        n = int(rng.integers(3, 6))
        for i in range(n):
            x = -w / 2 + 0.06 + i * (w - 0.12) / (n - 1)
            meshes.append(box((0.025, 0.02, back_h * 0.8), (x, y_back, seat_h + back_h * 0.45)))
        meshes.append(box((w - 0.02, 0.03, 0.06), (0, y_back, seat_h + back_h - 0.03)))
    return meshes


@category("chair", size=((0.75, 1.05), (0.35, 0.55)), group="furniture", placement="floor",
          synonyms=("dining chair", "kitchen chair", "wooden chair", "side chair"))
def chair(rng: np.random.Generator) -> Asset:
    seat_h, w, d = vary(rng, 0.45, 0.04), vary(rng, 0.44, 0.08), vary(rng, 0.44, 0.08)
    back_h = vary(rng, 0.45, 0.1)
    parts = [part("chair", _chair_frame(rng, seat_h, w, d, back_h), "wood", _wood(rng))]
    if rng.random() < 0.4:  # a seat pad
        parts.append(part("seat_pad", superellipsoid((w / 2 - 0.02, d / 2 - 0.03, 0.02), (0, -0.01, seat_h + 0.015),
                                                     0.3, 2), "fabric", _fabric(rng), role="detail"))
    top = seat_h + (0.035 if len(parts) > 1 else 0.0)
    return make_asset(parts, [top_surface("seat", top, (-w / 2, w / 2), (-d / 2, d / 2 - 0.05), inset=0.03)],
                      "a dining chair with four legs and a back")


@category("armchair", size=((0.75, 1.0), (0.7, 1.0)), group="furniture", placement="floor", synonyms=("arm chair", "lounge chair", "easy chair"))
def armchair(rng: np.random.Generator) -> Asset:
    w, d = vary(rng, 0.85, 0.08), vary(rng, 0.85, 0.08)
    seat_h, back_top, arm_h = vary(rng, 0.43, 0.05), vary(rng, 0.85, 0.08), vary(rng, 0.62, 0.06)
    arm_w, back_d, leg_h = vary(rng, 0.15, 0.2), 0.18, 0.1
    fabric = _fabric(rng)
    sq = 0.3
    body = [
        superellipsoid((w / 2, d / 2, (seat_h - 0.1 - leg_h) / 2), (0, 0, (leg_h + seat_h - 0.1) / 2), sq, 2),
        superellipsoid((w / 2 - arm_w, (d - back_d) / 2, 0.06), (0, -back_d / 2, seat_h - 0.06), sq, 2),  # cushion
        superellipsoid((w / 2, back_d / 2, (back_top - leg_h) / 2), (0, d / 2 - back_d / 2, (back_top + leg_h) / 2), sq, 2),
    ]
    for s in (-1, 1):
        body.append(superellipsoid((arm_w / 2, d / 2, (arm_h - leg_h) / 2), (s * (w / 2 - arm_w / 2), 0,
                                                                          (arm_h + leg_h) / 2), sq, 2))
    legs = four_legs(w - 0.1, d - 0.1, leg_h + 0.01, 0.04, 0.02, round_legs=True)
    parts = [part("upholstery", body, "fabric", fabric), part("legs", legs, "wood", _wood(rng), role="detail")]
    seat = top_surface("seat", seat_h, (-w / 2 + arm_w, w / 2 - arm_w), (-d / 2, d / 2 - back_d), inset=0.03)
    return make_asset(parts, [seat], "an upholstered armchair")


@category("office_chair", size=((0.9, 1.3), (0.5, 0.8)), group="furniture", placement="floor",
          synonyms=("desk chair", "swivel chair", "computer chair", "task chair"))
def office_chair(rng: np.random.Generator) -> Asset:
    seat_h, w, d = vary(rng, 0.48, 0.06), vary(rng, 0.5, 0.08), vary(rng, 0.48, 0.08)
    back_h = vary(rng, 0.55, 0.12)
    base = []
    arm_len = vary(rng, 0.32, 0.08)
    for i in range(5):
        a = 2 * np.pi * i / 5 + np.pi / 2
        tip = np.array([np.cos(a) * arm_len, np.sin(a) * arm_len, 0.06])
        base.append(rod((0, 0, 0.09), tip, 0.018, 8))
        base.append(superellipsoid((0.025, 0.025, 0.025), (tip[0], tip[1], 0.03), 0.7, 1))  # caster
    base.append(cylinder(0.025, seat_h - 0.12, (0, 0, 0.08), 16))  # gas column
    seat = superellipsoid((w / 2, d / 2, 0.045), (0, 0, seat_h - 0.04), 0.35, 2)
    back = superellipsoid((w / 2 - 0.02, 0.04, back_h / 2), (0, d / 2 + 0.02, seat_h + 0.08 + back_h / 2), 0.35, 2)
    base.append(box((0.05, 0.03, 0.2), (0, d / 2 + 0.01, seat_h + 0.02)))  # back support
    if rng.random() < 0.6:
        for s in (-1, 1):
            base += [rod((s * (w / 2 + 0.02), 0, seat_h - 0.02), (s * (w / 2 + 0.02), 0, seat_h + 0.18), 0.012, 8),
                     box((0.05, 0.26, 0.03), (s * (w / 2 + 0.02), -0.02, seat_h + 0.19))]
    parts = [part("cushions", [seat, back], "fabric", jitter(rng, pick(rng, ((0.15, 0.15, 0.16),) + FABRICS))),
             part("base", base, "plastic", DARK_METAL, role="detail")]
    return make_asset(parts, [top_surface("seat", seat_h + 0.005, (-w / 2, w / 2), (-d / 2, d / 2), inset=0.05)],
                      "a swivel office chair on a five-star base")


@category("stool", size=((0.4, 0.85), (0.25, 0.5)), group="furniture", placement="floor", synonyms=("bar stool", "barstool", "footstool"))
def stool(rng: np.random.Generator) -> Asset:
    bar = rng.random() < 0.5
    h = vary(rng, 0.75 if bar else 0.46, 0.06)
    r = vary(rng, 0.17, 0.1)
    seat_t = 0.04
    legs = []
    n = int(pick(rng, (3, 4)))
    for i in range(n):
        a = 2 * np.pi * i / n + np.pi / 4
        legs.append(rod((np.cos(a) * r * 1.25, np.sin(a) * r * 1.25, 0), (np.cos(a) * r * 0.7, np.sin(a) * r * 0.7,
                                                                         h - seat_t), 0.018, 12))
    if bar:
        legs.append(torus(r * 1.02, 0.012, (0, 0, h * 0.35), 24, 8))  # foot ring
    seat = slab(disc(r, 32), seat_t, h - seat_t)
    metal = rng.random() < 0.4
    parts = [part("seat", seat, "wood", _wood(rng)),
             part("legs", legs, "metal" if metal else "wood", DARK_METAL if metal else _wood(rng))]
    half = r * 0.65
    return make_asset(parts, [top_surface("top", h, (-half, half), (-half, half), inset=0.0)],
                      "a bar stool" if bar else "a low stool")


@category("sofa", size=((0.75, 0.95), (1.7, 2.3)), group="furniture", placement="floor", against_wall=True,
          synonyms=("couch", "settee", "loveseat", "sectional"))
def sofa(rng: np.random.Generator) -> Asset:
    w, d = vary(rng, 2.0, 0.12), vary(rng, 0.92, 0.08)
    seat_h, back_top, arm_h = vary(rng, 0.44, 0.05), vary(rng, 0.85, 0.07), vary(rng, 0.62, 0.06)
    arm_w, back_d, leg_h = vary(rng, 0.18, 0.2), 0.22, 0.1
    sq = 0.3
    inner = w - 2 * arm_w
    base_top = seat_h - 0.13
    body = [superellipsoid((w / 2, d / 2, (base_top - leg_h) / 2), (0, 0, (base_top + leg_h) / 2), sq, 2),
            superellipsoid((w / 2, back_d / 2, (back_top - leg_h) / 2), (0, d / 2 - back_d / 2, (back_top + leg_h) / 2),
                           sq, 2)]
    for s in (-1, 1):
        body.append(superellipsoid((arm_w / 2, d / 2, (arm_h - leg_h) / 2), (s * (w / 2 - arm_w / 2), 0,
                                                                          (arm_h + leg_h) / 2), sq, 2))
    n = int(pick(rng, (2, 3, 3)))
    cw = inner / n
    for i in range(n):  # seat cushions and back cushions side by side
        x = -inner / 2 + cw * (i + 0.5)
        body.append(superellipsoid((cw / 2 - 0.005, (d - back_d) / 2, 0.065), (x, -back_d / 2 + 0.01, seat_h - 0.065),
                                   sq, 2))
        body.append(superellipsoid((cw / 2 - 0.005, 0.08, (back_top - seat_h) / 2 - 0.02),
                                   (x, d / 2 - back_d - 0.06, (back_top + seat_h) / 2 - 0.01), sq, 2))
    legs = four_legs(w - 0.1, d - 0.1, leg_h + 0.01, 0.04, 0.02, round_legs=rng.random() < 0.5)
    parts = [part("upholstery", body, "fabric", _fabric(rng)), part("legs", legs, "wood", _wood(rng), role="detail")]
    seat = top_surface("seat", seat_h, (-inner / 2, inner / 2), (-d / 2, d / 2 - back_d - 0.14), inset=0.03)
    return make_asset(parts, [seat], f"a {n}-seat sofa with cushions")


@category("bed", size=((0.85, 1.25), (1.95, 2.25)), group="furniture", placement="floor", against_wall=True,
          synonyms=("double bed", "single bed", "queen bed", "king bed"))
def bed(rng: np.random.Generator) -> Asset:
    w, length = pick(rng, (0.95, 1.45, 1.65, 1.85)), vary(rng, 2.05, 0.04)
    frame_h, mattress_t = vary(rng, 0.3, 0.15), vary(rng, 0.22, 0.12)
    head_h = vary(rng, 1.05, 0.12)
    wood = _wood(rng)
    frame = [box((w + 0.06, length, frame_h - 0.1), (0, 0, 0.1 + (frame_h - 0.1) / 2)),
             box((w + 0.06, 0.06, head_h), (0, length / 2 + 0.03, head_h / 2))]
    frame += four_legs(w, length - 0.1, 0.1, 0.06, 0.05)
    top = frame_h + mattress_t
    mattress = superellipsoid((w / 2, length / 2 - 0.01, mattress_t / 2), (0, 0, frame_h + mattress_t / 2), 0.25, 3)
    n_pillows = 1 if w < 1.2 else 2
    pillows = [superellipsoid((w / (2 * n_pillows) - 0.06, 0.2, 0.07),
                              (-w / 2 + (i + 0.5) * w / n_pillows, length / 2 - 0.3, top + 0.04), 0.4, 2)
               for i in range(n_pillows)]
    cover_len = length * vary(rng, 0.7, 0.05)
    blanket = superellipsoid(((w + 0.08) / 2, cover_len / 2, (mattress_t + 0.06) / 2),
                             (0, -length / 2 + cover_len / 2 - 0.02, frame_h + mattress_t / 2 + 0.02), 0.2, 3)
    blanket_color = _fabric(rng)
    parts = [part("blanket", blanket, "fabric", blanket_color),
             part("frame", frame, "wood", wood),
             part("mattress", mattress, "fabric", WHITE, role="detail"),
             part("pillows", pillows, "fabric", jitter(rng, WHITE, 0.02), role="detail")]
    surface = top_surface("top", top + 0.05, (-w / 2, w / 2), (-length / 2, -length / 2 + cover_len), inset=0.08)
    return make_asset(parts, [surface], "a made bed with a headboard, pillows and a blanket")


def _carcass(w: float, d: float, h: float, plinth: float) -> list:
    """A closed box on a recessed plinth: the body of cabinets, nightstands and counters."""
    return [box((w, d, h - plinth), (0, 0, plinth + (h - plinth) / 2)),
            box((w - 0.06, d - 0.06, plinth), (0, 0.02, plinth / 2))]


@category("nightstand", size=((0.45, 0.65), (0.35, 0.6)), group="furniture", placement="floor", against_wall=True,
          synonyms=("bedside table", "night stand", "bedside cabinet", "night table"))
def nightstand(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 0.48, 0.1), vary(rng, 0.4, 0.1), vary(rng, 0.56, 0.08)
    color = pick(rng, (_wood(rng), jitter(rng, pick(rng, PAINTED))))
    body = _carcass(w, d, h, 0.06)
    n = int(pick(rng, (1, 2, 2)))
    dh = (h - 0.1) / n
    fronts, pulls = [], []
    for i in range(n):
        z = 0.08 + dh * (i + 0.5)
        fronts.append(box((w - 0.04, 0.015, dh - 0.02), (0, -d / 2 - 0.007, z)))
        pulls.append(_knob(0, -d / 2 - 0.014, z))
    parts = [part("nightstand", body + fronts, "wood", color), part("pulls", pulls, "metal", METAL, role="detail")]
    return make_asset(parts, [top_surface("top", h, (-w / 2, w / 2), (-d / 2, d / 2))],
                      f"a nightstand with {n} drawer{'s' if n > 1 else ''}")


@category("bookshelf", size=((1.6, 2.0), (0.65, 1.0)), group="furniture", placement="floor", against_wall=True,
          synonyms=("bookcase", "shelf", "shelves", "shelving unit", "book shelf"))
def bookshelf(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 0.85, 0.12), vary(rng, 0.32, 0.1), vary(rng, 1.8, 0.1)
    t = 0.022
    n_boards = int(rng.integers(4, 6))  # shelves to stand things on, the lowest on the plinth
    plinth = 0.07
    body = [box((t, d, h), (s * (w / 2 - t / 2), 0, h / 2)) for s in (-1, 1)]
    body.append(box((w, d, t), (0, 0, h - t / 2)))  # top panel
    body.append(box((w - 2 * t, 0.008, h), (0, d / 2 - 0.004, h / 2)))  # back
    body.append(box((w - 2 * t, t, plinth), (0, -d / 2 + t / 2 + 0.01, plinth / 2)))
    board_tops = [plinth + t + i * (h - t - plinth - t) / n_boards for i in range(n_boards)]
    surfaces = []
    for i, z in enumerate(board_tops):
        body.append(box((w - 2 * t, d - 0.01, t), (0, -0.005, z - t / 2)))
        next_bottom = board_tops[i + 1] - t if i + 1 < n_boards else h - t
        surfaces.append(top_surface(f"shelf_{i}", z, (-w / 2 + t, w / 2 - t), (-d / 2, d / 2 - 0.01), inset=0.015,
                                    clearance=next_bottom - z))
    surfaces.append(top_surface("top", h, (-w / 2, w / 2), (-d / 2, d / 2)))
    color = pick(rng, (_wood(rng), _wood(rng), jitter(rng, pick(rng, PAINTED))))
    return make_asset([part("bookshelf", body, "wood", color)], surfaces,
                      f"a bookshelf with {n_boards} shelves")


@category("cabinet", size=((0.5, 0.95), (1.0, 1.6)), group="furniture", placement="floor", against_wall=True,
          synonyms=("tv stand", "sideboard", "dresser", "cupboard", "chest of drawers", "tv cabinet", "credenza"))
def cabinet(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 1.3, 0.18), vary(rng, 0.45, 0.1), pick(rng, (0.55, 0.8, 0.9)) * rng.uniform(0.95, 1.05)
    color = pick(rng, (_wood(rng), jitter(rng, pick(rng, PAINTED))))
    legs_h = pick(rng, (0.0, 0.12))
    body = [box((w, d, h - legs_h), (0, 0, legs_h + (h - legs_h) / 2))]
    legs = four_legs(w - 0.04, d - 0.04, legs_h + 0.005, 0.035, 0.03, round_legs=True) if legs_h else []
    n_doors = max(2, int(round(w / 0.45)))
    dw = (w - 0.03) / n_doors
    fronts, pulls = [], []
    for i in range(n_doors):
        x = -w / 2 + 0.015 + dw * (i + 0.5)
        fronts.append(box((dw - 0.01, 0.012, h - legs_h - 0.04), (x, -d / 2 - 0.006, legs_h + (h - legs_h) / 2)))
        # pairs of doors open away from each other: the pull sits on the edge they share
        px = x + (dw / 2 - 0.05) * (1 if i % 2 == 0 else -1)
        z0, z1 = legs_h + (h - legs_h) * 0.55, legs_h + (h - legs_h) * 0.8
        pulls += [rod((px, -d / 2 - 0.035, z0), (px, -d / 2 - 0.035, z1), 0.006, 8),
                  box((0.01, 0.03, 0.01), (px, -d / 2 - 0.02, z0 + 0.01)),
                  box((0.01, 0.03, 0.01), (px, -d / 2 - 0.02, z1 - 0.01))]
    parts = [part("cabinet", body + fronts, "wood", color), part("pulls", pulls, "metal", METAL, role="detail")]
    if legs:
        parts.append(part("legs", legs, "metal", DARK_METAL, role="detail"))
    return make_asset(parts, [top_surface("top", h, (-w / 2, w / 2), (-d / 2, d / 2))],
                      f"a low cabinet with {n_doors} doors")


@category("wardrobe", size=((1.85, 2.2), (0.9, 1.3)), group="furniture", placement="floor", against_wall=True,
          synonyms=("closet", "armoire", "clothes cabinet"))
def wardrobe(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 1.1, 0.15), vary(rng, 0.6, 0.06), vary(rng, 2.0, 0.06)
    color = pick(rng, (_wood(rng), jitter(rng, pick(rng, PAINTED))))
    body = _carcass(w, d, h, 0.08)
    body.append(box((w + 0.03, d + 0.03, 0.04), (0, 0, h + 0.02)))  # crown
    pulls = []
    for s in (-1, 1):
        body.append(box((w / 2 - 0.02, 0.015, h - 0.14), (s * w / 4, -d / 2 - 0.0075, 0.08 + (h - 0.12) / 2)))
        pulls.append(rod((s * 0.04, -d / 2 - 0.035, h * 0.45), (s * 0.04, -d / 2 - 0.035, h * 0.6), 0.008, 8))
        pulls += [box((0.012, 0.03, 0.012), (s * 0.04, -d / 2 - 0.02, z)) for z in (h * 0.46, h * 0.59)]
    parts = [part("wardrobe", body, "wood", color), part("pulls", pulls, "metal", METAL, role="detail")]
    return make_asset(parts, [top_surface("top", h + 0.04, (-w / 2, w / 2), (-d / 2, d / 2))],
                      "a tall two-door wardrobe")


@category("bench", size=((0.4, 0.5), (1.05, 1.55)), group="furniture", placement="floor", synonyms=("park bench", "wooden bench", "entryway bench"))
def bench(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 1.3, 0.15), vary(rng, 0.38, 0.1), vary(rng, 0.45, 0.05)
    wood = _wood(rng)
    seat = []
    if rng.random() < 0.5:  # slatted seat
        n = 4
        for i in range(n):
            y = -d / 2 + (i + 0.5) * d / n
            seat.append(box((w, d / n - 0.012, 0.035), (0, y, h - 0.0175)))
    else:
        seat.append(box((w, d, 0.045), (0, 0, h - 0.0225)))
    legs = []
    for s in (-1, 1):  # trestle ends
        x = s * (w / 2 - 0.12)
        legs += [box((0.05, d - 0.04, 0.05), (x, 0, h - 0.06)), box((0.05, 0.05, h - 0.08), (x, 0, (h - 0.08) / 2)),
                 box((0.05, d - 0.04, 0.05), (x, 0, 0.025))]
    legs.append(box((w - 0.24, 0.04, 0.05), (0, 0, 0.18)))  # stretcher
    parts = [part("bench", seat + legs, "wood", wood)]
    return make_asset(parts, [top_surface("seat", h, (-w / 2, w / 2), (-d / 2, d / 2), inset=0.03)], "a wooden bench")


@category("counter", size=((0.85, 0.95), (1.65, 2.35)), group="furniture", placement="floor", against_wall=True,
          synonyms=("kitchen counter", "countertop", "kitchen island", "island", "worktop", "kitchen cabinet"))
def counter(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 2.0, 0.15), vary(rng, 0.62, 0.05), vary(rng, 0.9, 0.03)
    top_t = 0.035
    color = jitter(rng, pick(rng, PAINTED + ((0.72, 0.53, 0.33),)))
    carcass = _carcass(w - 0.02, d - 0.03, h - top_t, 0.1)
    n = max(2, int(round(w / 0.5)))
    dw = (w - 0.02) / n
    fronts, pulls = [], []
    for i in range(n):
        x = -w / 2 + 0.01 + dw * (i + 0.5)
        fronts.append(box((dw - 0.006, 0.018, h - top_t - 0.13), (x, -(d - 0.03) / 2 - 0.009, 0.1 + (h - top_t - 0.1) / 2)))
        pulls.append(rod((x - 0.06, -(d - 0.03) / 2 - 0.035, h - top_t - 0.08), (x + 0.06, -(d - 0.03) / 2 - 0.035,
                                                                                h - top_t - 0.08), 0.006, 8))
    stone = jitter(rng, pick(rng, ((0.85, 0.85, 0.83), (0.2, 0.2, 0.21), (0.6, 0.58, 0.55))))
    parts = [part("cabinets", carcass + fronts, "wood", color),
             part("countertop", box((w, d, top_t), (0, -0.01, h - top_t / 2)), "stone", stone, role="detail"),
             part("pulls", pulls, "metal", METAL, role="detail")]
    return make_asset(parts, [top_surface("top", h, (-w / 2, w / 2), (-d / 2 - 0.01, d / 2 - 0.01), inset=0.03)],
                      "a kitchen counter with base cabinets and a stone top")


@category("fridge", size=((1.65, 1.95), (0.6, 0.85)), group="furniture", placement="floor", against_wall=True,
          synonyms=("refrigerator", "freezer", "icebox"))
def fridge(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 0.7, 0.1), vary(rng, 0.68, 0.06), vary(rng, 1.8, 0.07)
    steel = rng.random() < 0.5
    color = jitter(rng, METAL if steel else WHITE, 0.02)
    split = h * vary(rng, 0.35, 0.1)  # freezer below, fridge above
    body = [superellipsoid((w / 2, (d - 0.05) / 2, (h - 0.02) / 2), (0, 0.025, 0.01 + (h - 0.02) / 2), 0.12, 3),
            box((w - 0.01, 0.05, split - 0.02), (0, -d / 2 + 0.025, 0.01 + (split - 0.02) / 2)),
            box((w - 0.01, 0.05, h - split - 0.02), (0, -d / 2 + 0.025, split + (h - split - 0.02) / 2 + 0.005))]
    x = w / 2 - 0.07
    handles = [rod((x, -d / 2 - 0.04, split - 0.35), (x, -d / 2 - 0.04, split - 0.08), 0.012, 12),
               rod((x, -d / 2 - 0.04, split + 0.1), (x, -d / 2 - 0.04, split + 0.6), 0.012, 12)]
    for z in (split - 0.33, split - 0.1, split + 0.12, split + 0.58):
        handles.append(box((0.02, 0.045, 0.02), (x, -d / 2 - 0.02, z)))
    feet = four_legs(w - 0.06, d - 0.1, 0.012, 0.04, 0.03)
    parts = [part("fridge", body, "metal" if steel else "plastic", color),
             part("handles", handles, "metal", METAL if not steel else DARK_METAL, role="detail"),
             part("feet", feet, "rubber", BLACK, role="detail")]
    return make_asset(parts, [top_surface("top", h - 0.01, (-w / 2, w / 2), (-d / 2, d / 2))],
                      "a two-door refrigerator with the freezer below")


@category("rug", size=((0.005, 0.02), (1.4, 2.4)), group="furniture", placement="floor", synonyms=("carpet", "mat", "area rug", "doormat"))
def rug(rng: np.random.Generator) -> Asset:
    w, d = vary(rng, 2.0, 0.15), vary(rng, 1.4, 0.15)
    t = 0.01
    round_rug = rng.random() < 0.2
    color = _fabric(rng)
    border = jitter(rng, pick(rng, ((0.9, 0.86, 0.76), (0.2, 0.18, 0.16), (0.55, 0.2, 0.15))))
    band, margin = 0.05, 0.1  # a thin woven stripe near the edge; the field keeps the rug's colour
    if round_rug:
        d = w = vary(rng, 1.6, 0.1)
        r0, r1 = w / 2 - margin - band, w / 2 - margin
        stripe = [lathe([(r0, t), (r1, t), (r1, t + 0.0015), (r0, t + 0.0015)], 64)]
        outline, half = disc(w / 2, 64), w / 2 * 0.7
    else:
        x0, y0 = w / 2 - margin, d / 2 - margin
        stripe = [box((2 * x0, band, 0.0015), (0, s * (y0 - band / 2), t + 0.00075)) for s in (-1, 1)]
        stripe += [box((band, 2 * y0 - 2 * band, 0.0015), (s * (x0 - band / 2), 0, t + 0.00075)) for s in (-1, 1)]
        outline, half = rounded_rect(w, d, 0.01), None
    parts = [part("rug", slab(outline, t), "fabric", color),
             part("border_stripe", stripe, "fabric", border, role="detail")]
    if half is None:
        surface = top_surface("top", t, (-w / 2, w / 2), (-d / 2, d / 2))
    else:
        surface = top_surface("top", t, (-half, half), (-half, half), inset=0.0)
    return make_asset(parts, [surface], "a round rug" if round_rug else "a rectangular area rug")
