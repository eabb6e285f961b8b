"""Things worn or carried besides clothes: eyewear, masks, jewellery, bands, pads, bags and a lanyard.

Eyewear, masks and pads stand as they would sit on a face or a knee, front toward -Y; rings and
bands stand on their edge so the main view sees them round; chains and lanyards lie flat.
"""
from __future__ import annotations

import numpy as np
import trimesh

from fyi.assets.catalog import category
from fyi.assets.model import Asset, Surface
from fyi.assets.procedural.clothing import LEATHER_BROWNS, ellipse_piece, strip
from fyi.assets.procedural.palette import BLACK, DARK_METAL, METAL, PLASTICS, WHITE
from fyi.assets.procedural.shapes import (arc_points, box, cylinder, ellipsoid, hull, jitter, lathe, make_asset, part,
                                          pick, polygon_plate, rod, rotate, shaded, superellipsoid, torus, tube, vary)

GOLD = (0.85, 0.65, 0.25)
SILVER = (0.78, 0.78, 0.8)
GEMS = ((0.75, 0.05, 0.1), (0.1, 0.3, 0.85), (0.1, 0.6, 0.3), (0.9, 0.9, 0.95), (0.5, 0.1, 0.6))


def ring(r_out: float, r_in: float, width: float, sections: int = 40) -> trimesh.Trimesh:
    """A band: a short hollow cylinder about Z, `width` tall, standing on z = 0."""
    return lathe([(r_in, 0.0), (r_out, 0.0), (r_out, width), (r_in, width)], sections)


def on_edge(mesh: trimesh.Trimesh) -> trimesh.Trimesh:
    """A ring about Z turned to stand on its edge, its opening facing -Y (the main view looks through it)."""
    return rotate(mesh, np.pi / 2, (1, 0, 0))


def lens_outline(w: float, h: float, shape: str, count: int = 20) -> list[tuple[float, float]]:
    """A lens in the xz plane centred at the origin: round, aviator (teardrop) or wayfarer (trapezoid)."""
    a = np.linspace(0, 2 * np.pi, count, endpoint=False)
    x, z = w / 2 * np.cos(a), h / 2 * np.sin(a)
    if shape == "aviator":
        z = np.where(z < 0, z * 1.15, z * 0.85) - 0.15 * h * np.cos(a) * (z < 0)
    elif shape == "wayfarer":
        x = np.sign(x) * np.abs(x) ** 0.6 * (w / 2) ** 0.4 * (1 + 0.08 * np.sin(a))
        z = np.sign(z) * np.abs(z) ** 0.7 * (h / 2) ** 0.3
    return list(zip(x, z))


# --- eyewear and masks --------------------------------------------------------------------------------

@category("sunglasses", size=((0.03, 0.07), (0.12, 0.18)), group="accessory", placement="surface",
          synonyms=("shades", "sunnies", "sun glasses", "dark glasses", "aviators", "aviator sunglasses"))
def sunglasses(rng: np.random.Generator) -> Asset:
    shape = pick(rng, ("round", "aviator", "wayfarer"))
    lw, lh = vary(rng, 0.055, 0.08), vary(rng, 0.045, 0.1)
    gap = vary(rng, 0.018, 0.15)
    cx = gap / 2 + lw / 2
    lenses, rims = [], []
    for s in (-1, 1):
        outline = [(s * cx + x, lh / 2 + 0.003 + z) for x, z in lens_outline(lw, lh, shape)]
        lenses.append(polygon_plate(outline, 0.003, 0.0))
        closed = np.array([(x, -0.001, z) for x, z in outline] + [(outline[0][0], -0.001, outline[0][1])])
        rims.append(tube(closed, 0.0022 if shape != "wayfarer" else 0.004, 6))
    top = lh + 0.003
    bridge = tube(arc_points(gap / 2 + 0.004, 0.15, np.pi - 0.15, (0, 0.0, top * 0.62), "xz", 8), 0.002, 6)
    reach = vary(rng, 0.14, 0.05)
    temples = [tube([(s * (cx + lw / 2), 0.002, top * 0.8), (s * (cx + lw / 2 + 0.004), reach * 0.8, top * 0.8),
                     (s * (cx + lw / 2 + 0.004), reach, top * 0.35)], 0.0025 if shape != "wayfarer" else 0.0035, 6)
               for s in (-1, 1)]
    frame = pick(rng, (BLACK, GOLD, SILVER, (0.35, 0.2, 0.1)))
    tint = jitter(rng, pick(rng, ((0.08, 0.08, 0.09), (0.12, 0.1, 0.06), (0.1, 0.15, 0.12), (0.2, 0.3, 0.5))), 0.02)
    metal = frame in (GOLD, SILVER)
    parts = [part("lenses", lenses, "glass", tint, roughness=0.05),
             part("frame", [*rims, bridge, *temples], "metal" if metal else "plastic", frame)]
    return make_asset(parts, description=f"a pair of {shape} sunglasses, temples open, lenses facing forward")


@category("goggles", size=((0.04, 0.12), (0.15, 0.23)), group="accessory", placement="surface",
          synonyms=("goggle", "ski goggles", "swim goggles", "swimming goggles", "safety goggles", "snow goggles"))
def goggles(rng: np.random.Generator) -> Asset:
    w, h = vary(rng, 0.18, 0.06), vary(rng, 0.085, 0.1)
    # one wide lens bent round the face: a hull of curved sections, the frame a thicker rim behind it
    pts, back = [], []
    for a in np.linspace(-0.7, 0.7, 11):
        x, y = np.sin(a) * w * 0.7, (1 - np.cos(a)) * w * 0.7
        hz = h / 2 * (1.0 - 0.25 * (a / 0.7) ** 2) - 0.012 * (abs(a) < 0.15)
        pts += [(x, y - 0.004, h / 2 + hz), (x, y - 0.004, h / 2 - hz), (x, y + 0.002, h / 2 + hz), (x, y + 0.002, h / 2 - hz)]
        back += [(x * 1.04, y + 0.002, h / 2 + hz * 1.08), (x * 1.04, y + 0.002, h / 2 - hz * 1.08),
                 (x * 1.04, y + 0.03, h / 2 + hz * 1.04), (x * 1.04, y + 0.03, h / 2 - hz * 1.04)]
    lens = hull(pts)
    frame = hull(back)
    reach = vary(rng, 0.14, 0.08)
    side = np.sin(0.7) * w * 0.7
    back_y = (1 - np.cos(0.7)) * w * 0.7 + 0.02
    strap_path = [(-side, back_y, h / 2)] + [(np.cos(a) * side * 1.02, back_y + np.sin(a) * reach, h / 2)
                                             for a in np.linspace(np.pi, 0, 14)[1:]]
    strap = tube(strap_path, 0.006, 6)
    strap_band = [tube([(x, y, h / 2 + dz) for x, y, _ in strap_path], 0.004, 5) for dz in (-0.012, 0.012)]
    colour = jitter(rng, pick(rng, ((0.85, 0.4, 0.1), (0.2, 0.5, 0.85), (0.7, 0.2, 0.6), (0.1, 0.1, 0.12),
                                    (0.9, 0.75, 0.2))), 0.03)
    parts = [part("lens", lens, "plastic", colour, roughness=0.08),
             part("frame", frame, "plastic", pick(rng, (BLACK, WHITE, (0.2, 0.2, 0.22)))),
             part("strap", [strap, *strap_band], "fabric", pick(rng, (BLACK, (0.6, 0.1, 0.1), (0.15, 0.3, 0.6))),
                  role="detail")]
    return make_asset(parts, description="ski goggles: a wide mirrored lens in a foam frame with an elastic strap")


@category("mask", size=((0.08, 0.16), (0.14, 0.24)), group="accessory", placement="surface",
          synonyms=("ski mask", "facemask", "face mask", "surgical mask", "medical mask", "dust mask", "face covering"))
def mask(rng: np.random.Generator) -> Asset:
    w, h = vary(rng, 0.175, 0.06), vary(rng, 0.095, 0.1)
    bend = vary(rng, 0.9, 0.15)
    # a curved pleated shell standing as on a face: three pleats as steps in its front
    pts = []
    for a in np.linspace(-bend, bend, 13):
        x, y = np.sin(a) * w / (2 * np.sin(bend)), (1 - np.cos(a)) * w / (2 * np.sin(bend)) * 0.8
        bulge = 0.02 * np.cos(a / bend * np.pi / 2)
        for z in np.linspace(0.0, h, 7):
            zz = (z - h / 2) / (h / 2)
            pts.append((x, y - bulge * (1 - zz ** 2), z))
            pts.append((x, y + 0.004, z))
    shell = hull(pts)
    pleats = []
    for z in (h * 0.35, h * 0.52, h * 0.69):
        path = [(np.sin(a) * w / (2 * np.sin(bend)) * 0.97, (1 - np.cos(a)) * w / (2 * np.sin(bend)) * 0.8 -
                 0.02 * np.cos(a / bend * np.pi / 2) * (1 - ((z - h / 2) / (h / 2)) ** 2) - 0.001, z)
                for a in np.linspace(-bend * 0.95, bend * 0.95, 13)]
        pleats.append(tube(path, 0.0015, 5))
    side_y = (1 - np.cos(bend)) * w / (2 * np.sin(bend)) * 0.8
    loops = [tube([(s * (w / 2 * 0.98 - 0.01 * np.sin(t)), side_y + 0.07 * np.sin(t), h / 2 + (h / 2 - 0.008) * np.cos(t))
                   for t in np.linspace(0, np.pi, 12)], 0.0018, 5) for s in (-1, 1)]
    colour = jitter(rng, pick(rng, ((0.55, 0.75, 0.9), (0.95, 0.95, 0.95), (0.1, 0.1, 0.12), (0.6, 0.8, 0.75))), 0.02)
    nose = tube([(x, -0.021, h * 0.93) for x in np.linspace(-0.04, 0.04, 5)], 0.002, 5)
    parts = [part("mask", [shell, *pleats], "fabric", colour, roughness=0.8),
             part("ear_loops", [*loops, nose], "fabric", WHITE, role="detail")]
    return make_asset(parts, description="a pleated face mask with ear loops, standing as on a face")


# --- jewellery and bands ---------------------------------------------------------------------------------

@category("watch", size=((0.055, 0.1), (0.04, 0.09)), group="accessory", placement="surface",
          synonyms=("wristwatch", "wrist watch", "smartwatch", "smart watch"))
def watch(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.034, 0.08)  # the strap closed in a loop standing on its edge, the case at its front
    band_w = vary(rng, 0.02, 0.1)
    strap = rotate(ring(r, r - 0.003, band_w), np.pi / 2, (0, 1, 0))
    strap.apply_translation((-band_w / 2, 0.0, r))
    smart = rng.random() < 0.3
    cr = vary(rng, 0.02, 0.1)
    depth = 0.011
    y_face = -r - depth
    if smart:
        case = box((cr * 1.7, depth, cr * 2.0), (0, -r - depth / 2 + 0.001, r))
        dial = box((cr * 1.45, 0.002, cr * 1.75), (0, y_face, r))
        bezel = box((cr * 1.55, 0.0015, cr * 1.85), (0, y_face + 0.0005, r))
    else:
        case = rotate(cylinder(cr, depth, (0, 0, 0)), np.pi / 2, (1, 0, 0)).apply_translation((0, -r + 0.001, r))
        dial = rotate(cylinder(cr * 0.82, 0.002, (0, 0, 0)), np.pi / 2, (1, 0, 0)).apply_translation((0, y_face, r))
        bezel = on_edge(torus(cr * 0.9, 0.0018, (0, 0, 0), 32, 6)).apply_translation((0, y_face, r))
    hands = []
    if not smart:
        for length, angle in ((cr * 0.45, 0.9), (cr * 0.7, 2.5)):
            hands.append(rod((0, y_face - 0.0015, r), (length * np.cos(angle), y_face - 0.0015, r + length * np.sin(angle)),
                             0.0012, 5))
    metal = pick(rng, (SILVER, GOLD, DARK_METAL))
    strap_colour = jitter(rng, pick(rng, LEATHER_BROWNS + (BLACK, SILVER)), 0.02)
    parts = [part("watch", [strap, case], "metal" if strap_colour == SILVER else "leather", strap_colour),
             part("dial", dial, "emissive" if smart else "ceramic", (0.05, 0.1, 0.2) if smart else
                  pick(rng, (WHITE, (0.1, 0.12, 0.2), (0.9, 0.85, 0.7))), role="detail"),
             part("bezel", bezel, "metal", metal, role="detail", roughness=0.2)]
    if hands:
        parts.append(part("hands", hands, "metal", DARK_METAL, role="detail"))
    return make_asset(parts, description="a wristwatch, its strap closed in a loop, the dial facing forward")


@category("necklace", size=((0.005, 0.035), (0.14, 0.32)), group="accessory", placement="surface",
          synonyms=("pendant necklace", "pearl necklace", "chain necklace", "locket", "string of pearls", "beads"))
def necklace(rng: np.random.Generator) -> Asset:
    rx, ry = vary(rng, 0.1, 0.15), vary(rng, 0.075, 0.15)
    pearls = rng.random() < 0.5
    bead = vary(rng, 0.0045 if pearls else 0.0028, 0.1)
    count = 56 if pearls else 80
    beads = []
    for a in np.linspace(0, 2 * np.pi, count, endpoint=False):
        # a loop laid down, drawn to a V toward the pendant at the front (-Y)
        y = ry * np.sin(a) * (1.0 - 0.25 * min(0.0, np.sin(a)))
        x = rx * np.cos(a) * (1.0 - 0.35 * max(0.0, -np.sin(a)) ** 3)
        beads.append(ellipsoid((bead, bead, bead), (x, y, bead), 1))
    gem = pick(rng, GEMS)
    tip = -ry * 1.25 - 0.012
    pendant = ellipsoid((0.011, 0.014, 0.005), (0, tip, 0.005), 2)
    setting = torus(0.012, 0.0018, (0, 0, 0.005), 20, 6)
    setting.apply_scale((1.0, 1.2, 1.0))
    setting.apply_translation((0, tip, 0))
    metal = pick(rng, (GOLD, SILVER))
    parts = [part("necklace", beads, "ceramic" if pearls else "metal",
                  jitter(rng, (0.95, 0.93, 0.88), 0.02) if pearls else metal, roughness=0.2),
             part("pendant", pendant, "glass", gem, role="detail", roughness=0.05),
             part("setting", setting, "metal", metal, role="detail", roughness=0.2)]
    return make_asset(parts, description="a necklace laid in a loop with a gem pendant at its front")


@category("bracelet", size=((0.05, 0.095), (0.05, 0.095)), group="accessory", placement="surface",
          synonyms=("bangle", "charm bracelet", "cuff bracelet", "wrist bracelet", "beaded bracelet"))
def bracelet(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.033, 0.1)
    kind = pick(rng, ("bangle", "beads", "cuff"))
    metal = pick(rng, (GOLD, SILVER))
    if kind == "beads":
        b = vary(rng, 0.006, 0.15)
        n = int(2 * np.pi * r / (2 * b))
        beads = [ellipsoid((b, b, b), (r * np.cos(a), 0.0, r + r * np.sin(a) + b), 1)
                 for a in np.linspace(0, 2 * np.pi, n, endpoint=False)]
        body = part("bracelet", beads, "stone", jitter(rng, pick(rng, ((0.5, 0.3, 0.2), (0.1, 0.1, 0.12),
                                                                        (0.2, 0.45, 0.5), (0.85, 0.8, 0.75))), 0.03))
        gems = ellipsoid((b * 0.9,) * 3, (0, -b * 0.9, 2 * r + b), 1)
    else:
        width = vary(rng, 0.008 if kind == "bangle" else 0.028, 0.15)
        band = on_edge(ring(r + 0.003, r, width, 48))
        band.apply_translation((0, width / 2, r + 0.003))
        body = part("bracelet", band, "metal", metal, roughness=0.2)
        gems = [ellipsoid((0.004, 0.003, 0.004), ((r + 0.003) * np.cos(a), -width / 2 - 0.001,
                                                     r + 0.003 + (r + 0.003) * np.sin(a)), 1)
                for a in np.linspace(0.5, np.pi - 0.5, 5)]
    parts = [body, part("gems", gems, "glass", pick(rng, GEMS), role="detail", roughness=0.05)]
    return make_asset(parts, description=f"a {kind} bracelet standing on its edge")


@category("earring", size=((0.015, 0.08), (0.01, 0.06)), group="accessory", placement="surface",
          synonyms=("ear ring", "hoop earring", "stud earring", "ear stud", "drop earring", "earings"))
def earring(rng: np.random.Generator) -> Asset:
    metal = pick(rng, (GOLD, SILVER))
    hoop = rng.random() < 0.5
    if hoop:
        r = vary(rng, 0.018, 0.3)
        body = torus(r, vary(rng, 0.0018, 0.2), (0, 0, 0), 40, 8)
        on_edge(body)
        body.apply_translation((0, 0, r + 0.002))
        parts = [part("earring", body, "metal", metal, roughness=0.15)]
        if rng.random() < 0.5:
            parts.append(part("gem", ellipsoid((0.004, 0.003, 0.004), (0, -0.001, 0.004), 1), "glass", pick(rng, GEMS),
                              role="detail", roughness=0.05))
        else:
            parts.append(part("clasp", rod((0, 0, 2 * r), (0, 0, 2 * r + 0.004), 0.0008, 5), "metal", metal,
                              role="detail"))
    else:  # a hook, a chain link and a hanging drop
        drop_h = vary(rng, 0.022, 0.2)
        drop = ellipsoid((drop_h * 0.35, drop_h * 0.2, drop_h / 2), (0, 0, drop_h / 2), 2)
        link = rod((0, 0, drop_h), (0, 0, drop_h + 0.008), 0.0008, 5)
        hook = tube(arc_points(0.006, -np.pi / 2, np.pi, (0, 0.006, drop_h + 0.008 + 0.0), "yz", 10), 0.0007, 5)
        setting = on_edge(torus(drop_h * 0.36, 0.0012, (0, 0, 0), 24, 6))
        setting.apply_scale((1.0, 1.0, 1.4))
        setting.apply_translation((0, 0, drop_h / 2))
        parts = [part("earring", [drop], "glass", pick(rng, GEMS), roughness=0.05),
                 part("hook", [link, hook, setting], "metal", metal, role="detail", roughness=0.15)]
    return make_asset(parts, description="an earring standing: a hoop or a hook with a hanging drop")


@category("choker", size=((0.012, 0.06), (0.09, 0.15)), group="accessory", placement="surface",
          synonyms=("neckband", "choker necklace", "velvet choker"))
def choker(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.055, 0.1)
    width = vary(rng, 0.018, 0.2)
    band = ring(r + 0.0025, r, width, 48)  # standing as round a neck
    colour = jitter(rng, pick(rng, ((0.05, 0.05, 0.06), (0.5, 0.05, 0.1), (0.1, 0.1, 0.3), (0.9, 0.88, 0.85))), 0.02)
    pendant = ellipsoid((0.008, 0.004, 0.01), (0, -r - 0.004, width / 2 - 0.006), 2)
    loop = torus(0.003, 0.0008, (0, -r - 0.004, width / 2 + 0.005), 12, 5)
    on_edge(loop)
    loop.apply_translation((0, -r - 0.004 - loop.bounds.mean(axis=0)[1], width / 2 + 0.005 - loop.bounds.mean(axis=0)[2]))
    parts = [part("choker", band, "fabric", colour, roughness=0.5),
             part("pendant", [pendant], "glass", pick(rng, GEMS), role="detail", roughness=0.05),
             part("loop", loop, "metal", pick(rng, (GOLD, SILVER)), role="detail")]
    return make_asset(parts, description="a choker: a narrow band closed round, a small pendant at its front")


@category("wristband", size=((0.05, 0.11), (0.05, 0.11)), group="accessory", placement="surface",
          synonyms=("sweatband", "wrist band", "wrist sweatband", "terry wristband"))
def wristband(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.042, 0.1)
    width = vary(rng, 0.075, 0.15)
    band = on_edge(ring(r, r - 0.008, width, 40))
    band.apply_translation((0, width / 2, r))
    colour = jitter(rng, pick(rng, ((0.92, 0.92, 0.9), (0.1, 0.1, 0.12), (0.8, 0.1, 0.1), (0.1, 0.3, 0.7),
                                    (0.95, 0.8, 0.1))), 0.03)
    stripes = []
    for y in (-width * 0.3, width * 0.3):
        s = on_edge(ring(r + 0.0008, r - 0.001, 0.008, 40))
        s.apply_translation((0, y + 0.004, r))
        stripes.append(s)
    accent = pick(rng, (BLACK, WHITE, (0.8, 0.1, 0.1)))
    parts = [part("wristband", band, "fabric", colour, roughness=0.9),
             part("stripes", stripes, "fabric", accent if accent != colour else BLACK, role="detail")]
    return make_asset(parts, description="a terry-cloth wristband lying on its side")


@category("dog_collar", size=((0.02, 0.09), (0.1, 0.3)), group="accessory", placement="surface",
          synonyms=("collar", "pet collar", "cat collar", "leather collar"))
def dog_collar(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.075, 0.25)
    width = vary(rng, 0.025, 0.2)
    tag_h = vary(rng, 0.03, 0.15)
    lift = tag_h + 0.012  # the band stands round; the tag hangs from a ring at its front
    band = ring(r + 0.004, r, width, 48)
    band.apply_translation((0, 0, lift))
    colour = jitter(rng, pick(rng, LEATHER_BROWNS + ((0.75, 0.1, 0.1), (0.1, 0.3, 0.7), (0.1, 0.55, 0.3))), 0.03)
    buckle = box((0.03, 0.006, width * 1.2), (r * 0.7, -r * 0.72, lift + width / 2))
    rotate(buckle, -np.pi / 4, (0, 0, 1), (r * 0.7, -r * 0.72, 0))
    d_ring = torus(0.008, 0.0015, (0, 0, 0), 16, 5)
    on_edge(d_ring)
    d_ring.apply_translation((0, -r - 0.006, lift + 0.002))
    tag = ellipsoid((tag_h * 0.45, 0.0015, tag_h / 2), (0, -r - 0.007, tag_h / 2), 2)
    studs = [ellipsoid((0.003,) * 3, ((r + 0.004) * np.cos(a), (r + 0.004) * np.sin(a), lift + width / 2), 1)
             for a in np.linspace(0.3, np.pi - 0.3, 7)] if rng.random() < 0.4 else []
    parts = [part("dog_collar", band, "leather", colour, roughness=0.45),
             part("hardware", [buckle, d_ring, *studs], "metal", METAL, role="detail", roughness=0.25),
             part("tag", tag, "metal", pick(rng, (GOLD, SILVER, (0.8, 0.2, 0.2))), role="detail", roughness=0.3)]
    return make_asset(parts, description="a dog collar with a buckle and a name tag hanging at its front")


@category("headband", size=((0.09, 0.17), (0.11, 0.18)), group="accessory", placement="surface",
          synonyms=("hairband", "hair band", "alice band", "hair hoop"))
def headband(rng: np.random.Generator) -> Asset:
    rx, rz = vary(rng, 0.065, 0.1), vary(rng, 0.075, 0.1)
    width = vary(rng, 0.014, 0.3)
    a = np.linspace(-0.35, np.pi + 0.35, 28)  # an arch standing on its two tips, facing the viewer
    path = np.column_stack([rx * np.cos(a), np.zeros_like(a), rz * (np.sin(a) + np.sin(0.35))])
    band = tube(path, 0.004, 8)
    band.apply_scale((1.0, width / 0.008, 1.0))
    colour = jitter(rng, pick(rng, PLASTICS + ((0.5, 0.35, 0.25),)), 0.03)
    parts = [part("headband", band, pick(rng, ("plastic", "fabric")), colour, roughness=0.4)]
    if rng.random() < 0.5:  # a bow on one side of the top
        top = np.array((rx * np.cos(1.1), -0.004, rz * (np.sin(1.1) + np.sin(0.35))))
        bow = [ellipsoid((0.018, 0.006, 0.011), top + (s * 0.016, -0.002, 0), 2) for s in (-1, 1)]
        bow.append(ellipsoid((0.006, 0.008, 0.008), top + (0, -0.004, 0), 1))
        parts.append(part("bow", bow, "fabric", pick(rng, (WHITE, BLACK, (0.9, 0.5, 0.6))), role="detail"))
    return make_asset(parts, description="a hair headband standing as an arch")


@category("knee_pad", size=((0.16, 0.32), (0.11, 0.22)), group="sports", placement="surface",
          synonyms=("kneepad", "knee guard", "knee protector", "knee brace"))
def knee_pad(rng: np.random.Generator) -> Asset:
    r, h = vary(rng, 0.065, 0.1), vary(rng, 0.22, 0.15)
    span = 1.2  # half-angle of the shell round the knee, its outside toward the viewer
    pts = []
    for a in np.linspace(-span, span, 13):
        for z in np.linspace(0.0, h, 7):
            bulge = 1.0 + 0.22 * np.cos((z / h - 0.5) * np.pi) * np.cos(a / span * np.pi / 2)
            pts.append((np.sin(a) * r * bulge, -np.cos(a) * r * bulge, z))
            pts.append((np.sin(a) * r * 0.85, -np.cos(a) * r * 0.85, z))
    shell = hull(pts)
    cap_ = ellipsoid((r * 0.6, r * 0.2, h * 0.22), (0, -r * 1.2, h * 0.5), 2)
    straps = []
    for z in (h * 0.15, h * 0.85):
        straps.append(tube([(np.sin(a) * r, -np.cos(a) * r, z) for a in np.linspace(span, 2 * np.pi - span, 10)], 0.006, 6))
    colour = jitter(rng, pick(rng, ((0.1, 0.1, 0.12), (0.2, 0.2, 0.22), (0.1, 0.2, 0.5), (0.6, 0.1, 0.1))), 0.03)
    parts = [part("knee_pad", shell, "fabric", colour, roughness=0.7),
             part("cap", cap_, "plastic", pick(rng, (BLACK, (0.4, 0.4, 0.42), (0.85, 0.85, 0.85))), role="detail",
                  roughness=0.3),
             part("straps", straps, "fabric", BLACK, role="detail")]
    return make_asset(parts, description="a padded knee pad with a hard cap in front and straps behind")


# --- bags and a lanyard ------------------------------------------------------------------------------------

@category("duffel_bag", size=((0.22, 0.5), (0.4, 0.85)), group="accessory", placement="floor",
          synonyms=("duffle bag", "duffel", "duffle", "gym bag", "sports bag", "holdall", "kit bag", "weekender bag"))
def duffel_bag(rng: np.random.Generator) -> Asset:
    length, r = vary(rng, 0.58, 0.15), vary(rng, 0.15, 0.15)
    body = superellipsoid((length / 2, r, r * 0.92), (0, 0, r * 0.92), 0.55, 3)
    v = body.vertices  # a bag sags: flatter at the bottom
    v[:, 2] = np.where(v[:, 2] < r * 0.3, v[:, 2] * 0.85 + r * 0.045, v[:, 2])
    body.vertices = v
    ends = [rotate(cylinder(r * 0.78, 0.006, (0, 0, -0.003)), np.pi / 2, (0, 1, 0)) for _ in (0, 1)]
    for e, s in zip(ends, (-1, 1)):
        e.apply_translation((s * (length / 2 - 0.004), 0, r * 0.92))
    top = r * 1.84 + 0.0
    handles = [tube(arc_points(0.08, 0.15, np.pi - 0.15, (0, y, top - 0.015), "xz", 10), 0.01, 8) for y in (-0.035, 0.035)]
    zip_line = rod((-length * 0.38, 0, top - 0.004), (length * 0.38, 0, top - 0.004), 0.005, 6)
    strap = tube([(-length * 0.45, 0, r * 1.2), (-length * 0.3, -r * 0.6, r * 0.8), (0, -r * 1.02, r * 0.5),
                  (length * 0.3, -r * 0.6, r * 0.8), (length * 0.45, 0, r * 1.2)], 0.008, 6)
    colour = jitter(rng, pick(rng, ((0.1, 0.1, 0.12), (0.15, 0.25, 0.5), (0.6, 0.1, 0.1), (0.3, 0.35, 0.25),
                                    (0.5, 0.5, 0.52))), 0.03)
    trim = pick(rng, (BLACK, WHITE, (0.85, 0.7, 0.2)))
    parts = [part("duffel_bag", body, "fabric", colour, roughness=0.6),
             part("ends", ends, "fabric", trim if trim != colour else WHITE, role="detail"),
             part("straps", [*handles, strap], "fabric", BLACK, role="detail"),
             part("zip", zip_line, "metal", METAL, role="detail")]
    return make_asset(parts, description="a cylindrical duffel bag with carry handles, a zip along the top and a shoulder strap")


def _open_bag(w: float, d: float, h: float, wall: float) -> list[trimesh.Trimesh]:
    """Four walls and a floor: a bag open at the top, with a real inside."""
    return [box((w, d, wall), (0, 0, wall / 2)),
            box((w, wall, h), (0, -d / 2 + wall / 2, h / 2)), box((w, wall, h), (0, d / 2 - wall / 2, h / 2)),
            box((wall, d - 2 * wall, h), (-w / 2 + wall / 2, 0, h / 2)), box((wall, d - 2 * wall, h), (w / 2 - wall / 2, 0, h / 2))]


def _bag_interior(w: float, d: float, wall: float) -> Surface:
    inset = wall + 0.01
    return Surface("interior", wall, (-w / 2 + inset, -d / 2 + inset), (w / 2 - inset, d / 2 - inset), kind="interior")


@category("shopping_bag", size=((0.3, 0.62), (0.2, 0.5)), group="accessory", placement="floor",
          synonyms=("gift bag", "shopper", "paper shopping bag", "shopping bags", "boutique bag"))
def shopping_bag(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 0.32, 0.15), vary(rng, 0.12, 0.15), vary(rng, 0.36, 0.12)
    wall = 0.003
    colour = jitter(rng, pick(rng, ((0.95, 0.95, 0.93), (0.6, 0.45, 0.3), (0.1, 0.1, 0.12), (0.75, 0.1, 0.15),
                                    (0.3, 0.6, 0.8), (0.95, 0.75, 0.8))), 0.03)
    handles = [tube(arc_points(w * 0.2, 0.0, np.pi, (0, y, h - 0.02), "xz", 12), 0.004, 6) for y in (-d / 2 + 0.006, d / 2 - 0.006)]
    logo_c = pick(rng, (BLACK, WHITE, (0.85, 0.65, 0.2)))
    logo = [box((w * 0.4, 0.002, h * 0.12), (0, -d / 2 - 0.001, h * 0.55)),
            box((w * 0.25, 0.002, 0.01), (0, -d / 2 - 0.001, h * 0.42))]
    parts = [part("shopping_bag", _open_bag(w, d, h, wall), "paper", colour, roughness=0.6),
             part("handles", handles, "fabric", logo_c if logo_c != colour else BLACK, role="detail"),
             part("logo", logo, "paper", logo_c if logo_c != colour else BLACK, role="detail")]
    return make_asset(parts, [_bag_interior(w, d, wall)], "a paper shopping bag with rope handles and a printed logo")


@category("plastic_bag", size=((0.25, 0.6), (0.22, 0.5)), group="accessory", placement="floor",
          synonyms=("bin bag", "trash bag", "garbage bag", "paper bag", "grocery bag", "polythene bag", "carrier bag", "plastic carrier bag", "poly bag",
                    "brown paper bag", "lunch bag", "sack"))
def plastic_bag(rng: np.random.Generator) -> Asset:
    if rng.random() < 0.35:  # a brown paper grocery bag, its top folded over once
        w, d, h = vary(rng, 0.3, 0.1), vary(rng, 0.18, 0.1), vary(rng, 0.36, 0.12)
        wall = 0.003
        fold = box((w + 0.004, d + 0.004, 0.03), (0, 0, h - 0.015))
        colour = jitter(rng, (0.7, 0.55, 0.38), 0.03)
        parts = [part("plastic_bag", [*_open_bag(w, d, h, wall), fold], "paper", colour, roughness=0.85),
                 part("crease", box((w * 0.9, 0.002, 0.004), (0, -d / 2 - 0.002, h * 0.3)), "paper", shaded(colour, 0.7),
                      role="detail")]
        return make_asset(parts, [_bag_interior(w, d, wall)], "a brown paper grocery bag standing open")
    w, d, h = vary(rng, 0.3, 0.12), vary(rng, 0.16, 0.15), vary(rng, 0.3, 0.12)
    # a filled carrier bag: a lumpy rounded body, a gathered neck and two loop handles
    body = superellipsoid((w / 2, d / 2, h / 2), (0, 0, h / 2), 0.6, 3)
    v = body.vertices
    bumps = rng.normal(0.0, 0.012, 2)  # what is inside pushes the sides out here and there
    v[:, 0] += bumps[0] * np.sin(v[:, 2] * 20) * (v[:, 0] / (w / 2))
    v[:, 1] += bumps[1] * np.sin(v[:, 0] * 25 + 1.0) + 0.01 * np.sin(v[:, 2] * 30) * (v[:, 1] / (d / 2))
    top = v[:, 2] > h * 0.6  # the neck gathers toward the handles
    v[top, 1] *= 1.0 - 0.7 * (v[top, 2] - h * 0.6) / (h * 0.4)
    v[top, 0] *= 1.0 - 0.35 * (v[top, 2] - h * 0.6) / (h * 0.4)
    body.vertices = v
    body = hull(body.vertices)
    handles = [tube(arc_points(w * 0.18, 0.0, np.pi, (s * w * 0.2, 0, h * 0.95), "xz", 12), 0.012, 6) for s in (-1, 1)]
    for hd in handles:
        hd.apply_scale((1.0, 0.35, 1.0))
    colour = jitter(rng, pick(rng, ((0.95, 0.95, 0.93), (0.9, 0.88, 0.82), (0.85, 0.9, 0.95), (0.3, 0.5, 0.85),
                                    (0.95, 0.9, 0.5))), 0.02)
    print_c = pick(rng, ((0.8, 0.1, 0.1), (0.1, 0.3, 0.7), (0.1, 0.5, 0.2)))
    logo = ellipse_piece((0, 0), w * 0.14, h * 0.1, 0.002, 0.0, 16)
    rotate(logo, np.pi / 2, (1, 0, 0))
    logo.apply_translation((0, body.bounds[0][1] - logo.bounds[1][1] + 0.006, h * 0.45))  # on the bulge of the front
    parts = [part("plastic_bag", [body, *handles], "plastic", colour, roughness=0.35),
             part("print", logo, "plastic", print_c, role="detail")]
    return make_asset(parts, description="a filled plastic carrier bag with loop handles")


@category("lanyard", size=((0.003, 0.025), (0.3, 0.65)), group="accessory", placement="surface",
          synonyms=("laniard", "badge lanyard", "id lanyard", "neck strap", "badge holder", "id badge"))
def lanyard(rng: np.random.Generator) -> Asset:
    length, spread = vary(rng, 0.42, 0.15), vary(rng, 0.09, 0.2)
    t, width = 0.0015, vary(rng, 0.024, 0.12)
    # laid flat: the loop along X, both sides meeting at the clip, the badge at -X
    a = np.linspace(0.0, np.pi, 9)
    far = [(length / 2 - spread / 2 + spread / 2 * np.sin(x), spread / 2 * np.cos(x)) for x in a]
    ribbon = [strip((-length / 2 + 0.02, 0.0), (length / 2 - spread / 2, spread / 2), width, t),
              strip((-length / 2 + 0.02, 0.0), (length / 2 - spread / 2, -spread / 2), width, t)]
    ribbon += [strip(p, q, width, t) for p, q in zip(far, far[1:])]
    clip = box((0.03, 0.012, 0.005), (-length / 2 + 0.005, 0, 0.0025))
    card_w, card_l = 0.055, 0.085
    cx = -length / 2 - card_l / 2 + 0.005
    card = box((card_l, card_w, 0.002), (cx, 0, 0.003))
    band = box((card_l * 0.25, card_w, 0.001), (cx + card_l * 0.35, 0, 0.0045))
    photo = box((0.02, 0.025, 0.001), (cx - 0.01, -0.012, 0.0045))
    colour = jitter(rng, pick(rng, ((0.1, 0.3, 0.7), (0.8, 0.1, 0.1), (0.1, 0.1, 0.12), (0.1, 0.55, 0.35),
                                    (0.95, 0.6, 0.1))), 0.03)
    parts = [part("lanyard", ribbon, "fabric", colour, roughness=0.6),
             part("clip", clip, "metal", METAL, role="detail"),
             part("badge", card, "plastic", WHITE, role="detail"),
             part("badge_print", [band, photo], "plastic", shaded(colour, 0.7), role="detail")]
    return make_asset(parts, description="a lanyard laid flat with a clip and an id badge")
