"""Clothes, shoes and hats. Fronts toward -Y.

A garment is drawn once in its own plane: x across the body, v up from the hem toward the collar, the
front face up (+z). Laid down, that plane is the floor or a bed (collar away from the camera, so the
main view sees it the right way up); hung, it stands on a hanger against a wall, its front toward -Y.
Cloth pieces are convex outlines made soft-edged slabs; garments are a few of them overlapping
(torso, sleeves, legs) with pockets, collars, buttons and cuffs on top. Shoes are lofted from foot
sections along X (toe at -X), hats turned on a lathe.
"""
from __future__ import annotations

import numpy as np
import trimesh

from fyi.assets.catalog import category
from fyi.assets.model import Asset, Part
from fyi.assets.procedural.palette import BLACK, FABRICS, METAL, WHITE
from fyi.assets.procedural.shapes import (arc_points, cylinder, ellipsoid, hull, jitter, lathe, make_asset, part, pick,
                                          rod, rotate, shaded, torus, translate, tube, vary)

CLOTH = FABRICS + ((0.85, 0.15, 0.15), (0.12, 0.3, 0.65), (0.92, 0.9, 0.86), (0.1, 0.1, 0.11), (0.9, 0.75, 0.2))
SHIRTINGS = ((0.92, 0.93, 0.95), (0.62, 0.75, 0.9), (0.85, 0.8, 0.9), (0.95, 0.9, 0.8), (0.55, 0.65, 0.55))
DENIM = ((0.2, 0.3, 0.5), (0.15, 0.22, 0.4), (0.35, 0.45, 0.62), (0.1, 0.12, 0.18))
DARK_SUITING = ((0.1, 0.1, 0.12), (0.15, 0.18, 0.3), (0.3, 0.3, 0.32), (0.25, 0.2, 0.17))
LEATHER_BROWNS = ((0.35, 0.2, 0.1), (0.1, 0.08, 0.07), (0.55, 0.35, 0.18), (0.25, 0.14, 0.08))
STITCH = (0.85, 0.55, 0.2)
PLASTIC_BRIGHT = ((0.1, 0.4, 0.85), (0.9, 0.2, 0.3), (0.95, 0.8, 0.1), (0.1, 0.1, 0.12), (0.2, 0.7, 0.5), (0.95, 0.5, 0.1))


# --- cloth in the garment plane ----------------------------------------------------------------------

def piece(outline, t: float, z0: float = 0.0, soft: float = 0.6) -> trimesh.Trimesh:
    """A convex cloth piece: `outline` [(x, v)] in the garment plane, `t` thick from z0, edges rounded in."""
    p = np.asarray(outline, float)
    c = p.mean(axis=0)
    d = p - c
    n = np.linalg.norm(d, axis=1, keepdims=True)
    step = np.minimum(t * soft, n * 0.3) * d / np.maximum(n, 1e-9)
    rings = [(p - step * 0.5, z0), (p, z0 + t * 0.45), (p - step, z0 + t)]
    return hull([(x, v, z) for ring, z in rings for x, v in ring])


def ellipse_piece(center, rx: float, rv: float, t: float, z0: float = 0.0, count: int = 16,
                  start: float = 0.0, stop: float = 2 * np.pi) -> trimesh.Trimesh:
    """An elliptic (or, with start/stop, part-elliptic) patch: pockets' ends, necklines, hoods, buttons."""
    a = np.linspace(start, stop, count, endpoint=stop - start < 2 * np.pi - 1e-6)
    return piece(np.column_stack([center[0] + rx * np.cos(a), center[1] + rv * np.sin(a)]), t, z0)


def strip(p0, p1, width: float, t: float, z0: float = 0.0) -> trimesh.Trimesh:
    """A straight band from p0 to p1 in the garment plane: plackets, straps, waistbands, seams."""
    a, b = np.asarray(p0, float), np.asarray(p1, float)
    d = b - a
    n = np.array([-d[1], d[0]]) / np.linalg.norm(d) * width / 2
    return piece([a - n, b - n, b + n, a + n], t, z0, soft=0.3)


def buttons(x: float, v0: float, v1: float, count: int, z: float, r: float = 0.007) -> list[trimesh.Trimesh]:
    return [cylinder(r, 0.003, (x, v, z), 12) for v in np.linspace(v0, v1, count)]


class Top:
    """The outline of a top half: torso, sleeves and neck, in the garment plane (hem at v = 0)."""

    def __init__(self, width: float, length: float, sleeve: float, sleeve_angle: float = 0.6,
                 shoulder: float | None = None, hem: float | None = None, armhole: float = 0.22,
                 cuff: float = 0.12, neck: float = 0.16):
        self.w, self.l, self.sleeve, self.angle = width, length, sleeve, sleeve_angle
        self.shoulder = shoulder if shoulder is not None else width * 1.02
        self.hem = hem if hem is not None else width
        self.armhole, self.cuff, self.neck = armhole, cuff, neck

    def torso(self, t: float) -> trimesh.Trimesh:
        w, l, s, h, nk = self.w / 2, self.l, self.shoulder / 2, self.hem / 2, self.neck / 2
        return piece([(-h, 0), (h, 0), (w, l - self.armhole), (s, l - 0.02), (nk, l), (-nk, l), (-s, l - 0.02),
                      (-w, l - self.armhole)], t)

    def sleeves(self, t: float) -> list[trimesh.Trimesh]:
        if self.sleeve <= 0:
            return []
        out = []
        for side in (-1, 1):
            top = np.array([side * self.shoulder / 2, self.l - 0.02])
            pit = np.array([side * self.w / 2 * 0.97, self.l - self.armhole])
            d = np.array([side * np.sin(self.angle), -np.cos(self.angle)])
            across = np.array([np.cos(self.angle), side * np.sin(self.angle)])  # perpendicular to d
            end = (top + pit) / 2 + d * self.sleeve
            out.append(piece([top, pit, end - across * self.cuff / 2 * side, end + across * self.cuff / 2 * side],
                             t * 0.85, t * 0.1))
        return out

    def cuffs(self, t: float, depth: float = 0.05) -> list[trimesh.Trimesh]:
        """Ribbed bands at the sleeve ends (sweaters, sweatshirts, shirts' cuffs)."""
        out = []
        for side in (-1, 1):
            top = np.array([side * self.shoulder / 2, self.l - 0.02])
            pit = np.array([side * self.w / 2 * 0.97, self.l - self.armhole])
            d = np.array([side * np.sin(self.angle), -np.cos(self.angle)])
            end = (top + pit) / 2 + d * self.sleeve
            out.append(strip(end - d * depth, end, self.cuff * 1.02, t * 0.3, t * 0.85))
        return out

    def hemband(self, t: float, depth: float = 0.06) -> trimesh.Trimesh:
        return strip((-self.hem / 2, depth / 2), (self.hem / 2, depth / 2), depth, t * 0.3, t * 0.8)

    def crew(self, t: float, z: float) -> list[trimesh.Trimesh]:
        """A round neckline: the rib around it and the back of the neck showing through."""
        nk, l = self.neck / 2, self.l
        rib = tube(np.column_stack([nk * np.cos(a := np.linspace(np.pi, 2 * np.pi, 14)), l + nk * 0.7 * np.sin(a),
                                    np.full(14, z)]), t * 0.22, 8)
        return [rib]

    def hollow(self, z: float, depth: float = 0.6) -> trimesh.Trimesh:
        """The inside of the back seen through the neck opening."""
        nk = self.neck / 2
        return ellipse_piece((0, self.l), nk * 0.95, nk * depth, 0.002, z, 16, np.pi, 2 * np.pi)


def _collar(top: Top, t: float, z: float, spread: float = 0.09) -> list[trimesh.Trimesh]:
    """A shirt collar: two points turned down either side of the neck."""
    nk, l = top.neck / 2, top.l
    return [piece([(s * nk * 0.1, l - 0.07), (s * (nk + 0.03), l + 0.01), (s * (nk + 0.005), l + 0.035),
                   (s * nk * 0.2, l + 0.01), (s * spread * 0.2, l - 0.06)], t * 0.35, z) for s in (-1, 1)]


def _lapels(top: Top, t: float, z: float, depth: float) -> list[trimesh.Trimesh]:
    """A jacket's lapels: wide triangles from the neck down to the top button."""
    nk, l = top.neck / 2, top.l
    return [piece([(s * 0.01, l - depth), (s * (nk + 0.02), l + 0.01), (s * (nk + 0.06), l - 0.06),
                   (s * 0.04, l - depth * 0.9)], t * 0.35, z) for s in (-1, 1)]


def legs(width: float, length: float, rise: float, hem: float, t: float, flare: float = 0.0,
         z0: float = 0.0, v0: float = 0.0) -> list[trimesh.Trimesh]:
    """Two trouser legs from a waist `width` wide down `length` to hems `hem` wide, split below `rise`."""
    w = width / 2
    out = []
    for s in (-1, 1):
        outer = s * (w + flare + 0.05)  # flat trousers: outseams spread a little, an inverted V between the legs
        inner = outer - s * hem
        if s * inner < 0.06:
            inner = s * 0.06
        out.append(piece([(s * 0.0, v0 + length), (s * w, v0 + length), (outer, v0), (inner, v0),
                          (s * 0.01, v0 + length - rise)], t, z0))
    return out


def lay(parts: list[Part]) -> list[Part]:
    """Garment-plane parts as laid down: the plane is the floor, front up."""
    return parts


def hang(parts: list[Part], top: float, shoulder: float, t: float, rng: np.random.Generator) -> list[Part]:
    """Garment-plane parts hung on a hanger from a peg: the plane stood up, front toward -Y, hook above `top`."""
    for p in parts:
        rotate(p.mesh, np.pi / 2, (1, 0, 0))  # (x, v, z) -> (x, -z, v)
    y = -t / 2
    half = shoulder / 2 * 0.92
    wood = rng.random() < 0.5
    bar = tube([(-half, y, top - 0.08), (-half * 0.5, y, top - 0.035), (0, y, top), (half * 0.5, y, top - 0.035),
                (half, y, top - 0.08)], 0.008 if wood else 0.004, 8)
    neck = rod((0, y, top), (0, y, top + 0.04), 0.004, 8)
    hook = tube(arc_points(0.025, -np.pi, np.pi * 0.35, (0, y + 0.025, top + 0.04), "yz", 12), 0.003, 6)
    peg = rod((0, y + 0.025, top + 0.055), (0, 0.03, top + 0.055), 0.008, 10)
    hanger = (0.55, 0.36, 0.2) if wood else METAL
    return parts + [part("hanger", [bar, neck, hook], "wood" if wood else "metal", hanger, role="detail"),
                    part("peg", peg, "wood", (0.4, 0.28, 0.18), role="detail")]


# --- tops ----------------------------------------------------------------------------------------------

@category("shirt", size=((0.02, 0.08), (0.6, 1.2)), group="clothing", placement="surface",
          synonyms=("denim shirt", "jean shirt", "dress shirt", "button down shirt", "oxford shirt", "flannel shirt", "long sleeve shirt"))
def shirt(rng: np.random.Generator) -> Asset:
    t = vary(rng, 0.03, 0.2)
    top = Top(vary(rng, 0.52, 0.08), vary(rng, 0.74, 0.06), vary(rng, 0.56, 0.1), vary(rng, 0.35, 0.3), neck=0.13,
              cuff=0.1)
    colour = jitter(rng, pick(rng, SHIRTINGS), 0.03)
    body = [top.torso(t), *top.sleeves(t), *top.cuffs(t, 0.07), *_collar(top, t, t),
            strip((0, 0.0), (0, top.l - 0.06), 0.035, t * 0.2, t),
            piece([(-0.2, top.l - 0.28), (-0.09, top.l - 0.28), (-0.09, top.l - 0.15), (-0.2, top.l - 0.15)], t * 0.2, t)]
    parts = [part("shirt", body, "fabric", colour),
             part("buttons", buttons(0, 0.08, top.l - 0.09, 7, t * 1.2), "plastic", WHITE, role="detail"),
             part("neck", top.hollow(t * 1.21, 0.5), "fabric", shaded(colour, 0.7), role="detail")]
    if rng.random() < 0.4:  # a checked flannel: a few darker stripes each way
        dark = shaded(colour, 0.55)
        bands = [strip((-top.w / 2 + 0.02, v), (top.w / 2 - 0.02, v), 0.015, 0.001, t * 1.2)
                 for v in np.linspace(0.1, top.l - 0.12, 5)]
        bands += [strip((x, 0.02), (x, top.l - 0.1), 0.015, 0.001, t * 1.2) for x in (-0.17, -0.06, 0.06, 0.17)]
        parts.append(part("checks", bands, "fabric", dark, role="detail"))
    return make_asset(lay(parts), description="a long-sleeved button-down shirt laid flat")


@category("jersey", size=((0.015, 0.06), (0.5, 1.1)), group="clothing", placement="surface",
          synonyms=("football shirt", "basketball jersey", "baseball jersey", "hockey jersey", "soccer jersey", "t-shirt", "tee shirt", "tee", "tshirt", "t shirt", "football jersey", "sports jersey"))
def jersey(rng: np.random.Generator) -> Asset:
    t = vary(rng, 0.022, 0.2)
    top = Top(vary(rng, 0.5, 0.1), vary(rng, 0.7, 0.08), vary(rng, 0.2, 0.15), vary(rng, 0.95, 0.15), neck=0.17,
              cuff=0.17)
    colour = jitter(rng, pick(rng, CLOTH), 0.03)
    parts = [part("jersey", [top.torso(t), *top.sleeves(t), *top.crew(t, t)], "fabric", colour),
             part("neck", top.hollow(t * 1.02), "fabric", shaded(colour, 0.65), role="detail")]
    if rng.random() < 0.6:  # a sports number or a chest print
        ink = pick(rng, (WHITE, BLACK, (0.95, 0.8, 0.1)))
        if ink == colour:
            ink = BLACK
        mark = [strip((-0.07, top.l * 0.55), (-0.07, top.l * 0.3), 0.025, 0.001, t),
                strip((0.03, top.l * 0.55), (0.09, top.l * 0.55), 0.025, 0.001, t),
                strip((0.09, top.l * 0.55), (0.03, top.l * 0.3), 0.025, 0.001, t)]
        parts.append(part("print", mark, "fabric", ink, role="detail"))
    return make_asset(lay(parts), description="a short-sleeved t-shirt laid flat")


@category("polo_shirt", size=((0.015, 0.06), (0.5, 1.1)), group="clothing", placement="surface",
          synonyms=("polo", "sport shirt", "polo top", "golf shirt"))
def polo_shirt(rng: np.random.Generator) -> Asset:
    t = vary(rng, 0.024, 0.2)
    top = Top(vary(rng, 0.5, 0.08), vary(rng, 0.7, 0.06), vary(rng, 0.2, 0.12), vary(rng, 0.95, 0.12), neck=0.13,
              cuff=0.16)
    colour = jitter(rng, pick(rng, CLOTH), 0.03)
    body = [top.torso(t), *top.sleeves(t), *top.cuffs(t, 0.03), *_collar(top, t, t, 0.12),
            strip((0, top.l - 0.2), (0, top.l - 0.05), 0.04, t * 0.2, t)]
    parts = [part("polo_shirt", body, "fabric", colour),
             part("buttons", buttons(0, top.l - 0.17, top.l - 0.08, 3, t * 1.2, 0.006), "plastic", WHITE, role="detail"),
             part("neck", top.hollow(t * 1.21, 0.4), "fabric", shaded(colour, 0.7), role="detail")]
    logo = ellipse_piece((-0.12, top.l - 0.2), 0.015, 0.012, 0.001, t, 10)
    parts.append(part("logo", logo, "fabric", pick(rng, (WHITE, (0.1, 0.3, 0.2), (0.7, 0.1, 0.1))), role="detail"))
    return make_asset(lay(parts), description="a short-sleeved polo shirt with a collar and a three-button placket, laid flat")


@category("blouse", size=((0.015, 0.06), (0.5, 1.25)), group="clothing", placement="surface",
          synonyms=("tunic", "peasant blouse", "womens blouse", "silk blouse"))
def blouse(rng: np.random.Generator) -> Asset:
    t = vary(rng, 0.02, 0.2)
    w = vary(rng, 0.44, 0.08)
    top = Top(w, vary(rng, 0.64, 0.08), vary(rng, 0.5, 0.2), vary(rng, 0.45, 0.2), hem=w * vary(rng, 1.2, 0.06),
              neck=0.18, cuff=0.15, armhole=0.2)
    colour = jitter(rng, pick(rng, ((0.95, 0.92, 0.88), (0.95, 0.75, 0.78), (0.7, 0.8, 0.9), (0.6, 0.15, 0.25),
                                    (0.92, 0.85, 0.55))), 0.03)
    nk = top.neck / 2
    v_neck = piece([(-nk, top.l), (nk, top.l), (0, top.l - 0.14)], 0.002, t)
    parts = [part("blouse", [top.torso(t), *top.sleeves(t), *top.cuffs(t, 0.04)], "fabric", colour, roughness=0.45),
             part("neck", v_neck, "fabric", shaded(colour, 0.68), role="detail"),
             part("buttons", buttons(0, top.l * 0.25, top.l - 0.17, 4, t * 1.02, 0.005), "plastic",
                  (0.95, 0.93, 0.88), role="detail")]
    bow = [ellipse_piece((s * 0.03, top.l - 0.02), 0.03, 0.016, t * 0.4, t, 10) for s in (-1, 1)]
    if rng.random() < 0.5:  # a pussy-bow at the neck
        parts[0] = part("blouse", [top.torso(t), *top.sleeves(t), *top.cuffs(t, 0.04), *bow], "fabric", colour,
                        roughness=0.45)
    return make_asset(lay(parts), description="a light blouse with a v neck and flared hem, laid flat")


@category("tank_top", size=((0.012, 0.05), (0.35, 0.8)), group="clothing", placement="surface",
          synonyms=("tank top", "singlet", "camisole", "sleeveless shirt", "sleeveless top", "vest top", "muscle shirt"))
def tank_top(rng: np.random.Generator) -> Asset:
    t = vary(rng, 0.018, 0.2)
    w, l = vary(rng, 0.44, 0.08), vary(rng, 0.66, 0.08)
    strap = vary(rng, 0.06, 0.2)
    colour = jitter(rng, pick(rng, CLOTH), 0.03)
    # body to the armpits, a scooped front, wide straps over the shoulders
    torso = piece([(-w / 2, 0), (w / 2, 0), (w / 2, l * 0.7), (w * 0.3, l * 0.74), (-w * 0.3, l * 0.74),
                   (-w / 2, l * 0.7)], t)
    straps = [strip((s * (w / 2 - strap / 2 - 0.01), l * 0.68), (s * (w * 0.22), l), strap, t, 0.0) for s in (-1, 1)]
    back = piece([(-w * 0.22, l * 0.7), (w * 0.22, l * 0.7), (w * 0.16, l * 0.97), (-w * 0.16, l * 0.97)], t * 0.4)
    parts = [part("tank_top", [torso, *straps], "fabric", colour),
             part("back", back, "fabric", shaded(colour, 0.7), role="detail")]
    return make_asset(lay(parts), description="a sleeveless tank top with wide straps, laid flat")


def _knit(rng, name: str, hood: bool, description: str, colours) -> Asset:
    t = vary(rng, 0.035, 0.2)
    top = Top(vary(rng, 0.56, 0.08), vary(rng, 0.66, 0.06), vary(rng, 0.6, 0.08), vary(rng, 0.4, 0.25), neck=0.17,
              cuff=0.11, hem=None)
    colour = jitter(rng, pick(rng, colours), 0.03)
    body = [top.torso(t), *top.sleeves(t), *top.cuffs(t, 0.07), top.hemband(t, 0.07), *top.crew(t, t)]
    parts = [part(name, body, "fabric", colour)]
    if hood:  # the hood lies above the neck, a kangaroo pocket across the belly
        body.append(ellipse_piece((0, top.l + 0.08), 0.15, 0.16, t * 0.6, 0.0, 18))
        body.append(piece([(-0.18, 0.09), (0.18, 0.09), (0.13, 0.26), (-0.13, 0.26)], t * 0.2, t))
        cords = [rod((s * 0.04, top.l - 0.01, t * 1.1), (s * 0.045, top.l - 0.2, t * 1.1), 0.004, 6) for s in (-1, 1)]
        parts = [part(name, body, "fabric", colour), part("cords", cords, "fabric", WHITE, role="detail")]
    else:  # a knitted pattern: bands across the chest
        accent = pick(rng, (WHITE, (0.7, 0.15, 0.15), (0.15, 0.2, 0.4), (0.85, 0.75, 0.5)))
        bands = [strip((-top.w / 2 + 0.01, v), (top.w / 2 - 0.01, v), 0.025, 0.001, t)
                 for v in (top.l * 0.55, top.l * 0.63)]
        parts.append(part("pattern", bands, "fabric", accent, role="detail"))
    parts.append(part("neck", top.hollow(t * 1.02, 0.5), "fabric", shaded(colour, 0.65), role="detail"))
    return make_asset(lay(parts), description=description)


@category("sweater", size=((0.02, 0.08), (0.6, 1.3)), group="clothing", placement="surface",
          synonyms=("jumper", "pullover", "cardigan", "knitwear", "knit sweater", "turtleneck"))
def sweater(rng: np.random.Generator) -> Asset:
    return _knit(rng, "sweater", False, "a knitted sweater with ribbed cuffs and hem, laid flat",
                 ((0.55, 0.12, 0.12), (0.2, 0.3, 0.45), (0.75, 0.7, 0.6), (0.25, 0.35, 0.25), (0.45, 0.45, 0.47),
                  (0.9, 0.88, 0.82)))


@category("sweatshirt", size=((0.02, 0.08), (0.6, 1.3)), group="clothing", placement="surface",
          synonyms=("hoodie", "hooded sweatshirt", "sweat shirt", "hoody", "crewneck sweatshirt"))
def sweatshirt(rng: np.random.Generator) -> Asset:
    return _knit(rng, "sweatshirt", True, "a hooded sweatshirt with a kangaroo pocket, laid flat",
                 ((0.5, 0.5, 0.52), (0.12, 0.12, 0.14), (0.15, 0.25, 0.5), (0.6, 0.1, 0.12), (0.3, 0.45, 0.35)))


def _jacket_parts(rng, name: str, top: Top, t: float, colour, lapel: float, zip_front: bool) -> list[Part]:
    body = [top.torso(t), *top.sleeves(t), *top.cuffs(t, 0.04)]
    if lapel:
        body += _lapels(top, t, t, lapel)
    else:  # a stand-up collar
        body.append(strip((-top.neck / 2 - 0.02, top.l + 0.02), (top.neck / 2 + 0.02, top.l + 0.02), 0.05, t * 0.5, t * 0.6))
    body += [piece([(s * 0.2, 0.16), (s * 0.08, 0.16), (s * 0.08, 0.2), (s * 0.2, 0.2)], t * 0.2, t) for s in (-1, 1)]
    parts = [part(name, body, "fabric", colour)]
    if zip_front:
        parts.append(part("zip", strip((0, 0.0), (0, top.l - 0.01), 0.012, t * 0.25, t), "metal", METAL, role="detail"))
    else:
        parts.append(part("buttons", buttons(0.0, 0.12, top.l - lapel - 0.02, pick(rng, (2, 3, 4)), t * 1.01, 0.01),
                          "plastic", shaded(colour, 0.4), role="detail"))
    shirt_v = piece([(-0.05, top.l), (0.05, top.l), (0, top.l - (lapel or 0.1) * 0.9)], 0.003, t)
    parts.append(part("neck", shirt_v, "fabric", WHITE if lapel else shaded(colour, 0.6), role="detail"))
    return parts


@category("jacket", size=((0.02, 0.09), (0.6, 1.3)), group="clothing", placement="surface",
          synonyms=("jean jacket", "blazer", "bomber jacket", "denim jacket", "leather jacket", "windbreaker", "sport coat",
                    "sports jacket", "suit jacket"))
def jacket(rng: np.random.Generator) -> Asset:
    t = vary(rng, 0.04, 0.2)
    top = Top(vary(rng, 0.56, 0.06), vary(rng, 0.68, 0.06), vary(rng, 0.6, 0.06), vary(rng, 0.35, 0.25), neck=0.16,
              cuff=0.13)
    blazer = rng.random() < 0.5
    colour = jitter(rng, pick(rng, DARK_SUITING + ((0.25, 0.35, 0.55), (0.45, 0.3, 0.18), (0.3, 0.35, 0.25))), 0.03)
    parts = _jacket_parts(rng, "jacket", top, t, colour, 0.28 if blazer else 0.0, not blazer)
    return make_asset(lay(parts), description="a waist-length jacket laid flat")


@category("ski_parka", size=((0.03, 0.12), (0.6, 1.35)), group="clothing", placement="surface",
          synonyms=("ski suit", "snow jacket", "ski jacket", "parka", "puffer jacket", "down jacket", "anorak", "puffer", "puffer coat",
                    "winter jacket"))
def ski_parka(rng: np.random.Generator) -> Asset:
    t = vary(rng, 0.06, 0.2)
    top = Top(vary(rng, 0.6, 0.06), vary(rng, 0.74, 0.06), vary(rng, 0.6, 0.06), vary(rng, 0.35, 0.25), neck=0.18,
              cuff=0.14, armhole=0.25)
    colour = jitter(rng, pick(rng, ((0.85, 0.15, 0.12), (0.1, 0.3, 0.7), (0.1, 0.1, 0.12), (0.95, 0.75, 0.1),
                                    (0.2, 0.55, 0.45), (0.9, 0.9, 0.92))), 0.03)
    parts = _jacket_parts(rng, "ski_parka", top, t, colour, 0.0, True)
    # puffed baffles: quilted bands across torso and sleeves, and a hood lying above the collar
    quilts = [strip((-top.w / 2 + 0.02, v), (top.w / 2 - 0.02, v), 0.06, t * 0.25, t * 0.85)
              for v in np.arange(0.1, top.l - 0.1, 0.13)]
    hood = ellipse_piece((0, top.l + 0.1), 0.17, 0.15, t * 0.7, 0.0, 18)
    fur = torus(0.13, 0.02)
    fur.apply_scale((1.0, 1.05, 0.6))
    fur.apply_translation((0, top.l + 0.1, t * 0.7))
    parts[0] = part("ski_parka", [parts[0].mesh, *quilts, hood], "fabric", colour, roughness=0.35)
    if rng.random() < 0.6:
        parts.append(part("fur_trim", fur, "fur", (0.75, 0.7, 0.62), role="detail"))
    return make_asset(lay(parts), description="a quilted ski parka with a hood, laid flat")


@category("vest", size=((0.015, 0.07), (0.4, 0.8)), group="clothing", placement="surface",
          synonyms=("sweater vest", "waistcoat", "gilet", "sleeveless jacket", "body warmer"))
def vest(rng: np.random.Generator) -> Asset:
    t = vary(rng, 0.03, 0.2)
    w, l = vary(rng, 0.48, 0.08), vary(rng, 0.6, 0.08)
    colour = jitter(rng, pick(rng, DARK_SUITING + ((0.5, 0.45, 0.4), (0.35, 0.2, 0.12))), 0.03)
    # two front panels with a V opening over the back's lining, pointed at the hem
    panels = [piece([(s * 0.005, -0.05), (s * w / 2, 0.02), (s * w / 2, l * 0.68), (s * w * 0.3, l),
                     (s * w * 0.16, l), (s * 0.005, l * 0.45)], t) for s in (-1, 1)]
    lining = piece([(-w * 0.16, l * 0.5), (w * 0.16, l * 0.5), (w * 0.16, l), (-w * 0.16, l)], t * 0.5)
    pockets = [strip((s * w * 0.3, l * 0.28), (s * w * 0.15, l * 0.3), 0.015, t * 0.2, t) for s in (-1, 1)]
    parts = [part("vest", [*panels, *pockets], "fabric", colour),
             part("lining", lining, "fabric", pick(rng, ((0.55, 0.5, 0.45), (0.6, 0.15, 0.15), WHITE)), role="detail"),
             part("buttons", buttons(0.0, 0.02, l * 0.4, pick(rng, (4, 5)), t * 1.01, 0.007), "metal",
                  (0.75, 0.6, 0.3), role="detail")]
    return make_asset(lay(parts), description="a buttoned waistcoat laid flat")


# --- bottoms -----------------------------------------------------------------------------------------

def _pants(rng, name: str, colour, length: float, hem: float, t: float, material: str = "fabric",
           seams: bool = False, description: str = "") -> Asset:
    width = vary(rng, 0.42, 0.08)
    rise = min(length * 0.4, vary(rng, 0.28, 0.08))
    flare = (hem - width / 2) * 0.5 if hem > width / 2 else 0.0
    body = [*legs(width, length, rise, hem, t, flare=flare),
            strip((-width / 2, length - 0.025), (width / 2, length - 0.025), 0.05, t * 0.3, t * 0.8)]
    parts = [part(name, body, material, colour)]
    loops = [strip((x, length - 0.05), (x, length), 0.012, t * 0.2, t * 1.05) for x in (-0.16, -0.06, 0.06, 0.16)]
    fly = strip((0.02, length - rise * 0.8), (0.02, length - 0.05), 0.01, t * 0.15, t)
    pockets = [piece([(s * width / 2, length - 0.06), (s * width * 0.26, length - 0.06), (s * width / 2, length - 0.16)],
                     0.002, t) for s in (-1, 1)]
    detail = [*loops, fly, *pockets]
    parts.append(part("waist", detail, material, shaded(colour, 0.7), role="detail"))
    if seams:  # jeans: orange topstitching and a copper button
        stitch = [strip((s * (width / 2 + flare * 0.9) - s * 0.01, 0.02), (s * width / 2 - s * 0.01, length - 0.07), 0.004,
                        0.001, t) for s in (-1, 1)]
        parts.append(part("stitching", stitch, "fabric", STITCH, role="detail"))
    parts.append(part("button", cylinder(0.009, 0.003, (0.0, length - 0.025, t * 1.05), 12), "metal",
                      (0.7, 0.5, 0.3) if seams else METAL, role="detail"))
    return make_asset(lay(parts), description=description)


@category("trousers", size=((0.015, 0.07), (0.7, 1.15)), group="clothing", placement="surface",
          synonyms=("ski pants", "snow pants", "pants", "slacks", "chinos", "dress pants", "khakis", "sweatpants", "joggers", "leggings"))
def trousers(rng: np.random.Generator) -> Asset:
    colour = jitter(rng, pick(rng, DARK_SUITING + ((0.75, 0.65, 0.48), (0.45, 0.45, 0.47))), 0.03)
    return _pants(rng, "trousers", colour, vary(rng, 1.0, 0.08), vary(rng, 0.2, 0.1), vary(rng, 0.03, 0.2),
                  description="a pair of trousers laid flat")


@category("jean", size=((0.015, 0.07), (0.7, 1.15)), group="clothing", placement="surface",
          synonyms=("jeans", "blue jean", "blue jeans", "denim", "denims", "denim jeans", "denim pants"))
def jean(rng: np.random.Generator) -> Asset:
    return _pants(rng, "jean", jitter(rng, pick(rng, DENIM), 0.02), vary(rng, 1.02, 0.07), vary(rng, 0.2, 0.1),
                  vary(rng, 0.035, 0.2), seams=True, description="a pair of blue jeans laid flat")


@category("short_pants", size=((0.015, 0.07), (0.35, 0.7)), group="clothing", placement="surface",
          synonyms=("denim shorts", "jean shorts", "shorts", "short pants", "short trousers", "trunks", "bermuda shorts", "board shorts", "cargo shorts"))
def short_pants(rng: np.random.Generator) -> Asset:
    colour = jitter(rng, pick(rng, CLOTH + DENIM[:2]), 0.03)
    return _pants(rng, "short_pants", colour, vary(rng, 0.5, 0.12), vary(rng, 0.28, 0.1), vary(rng, 0.03, 0.2),
                  description="a pair of shorts laid flat")


@category("skirt", size=((0.01, 0.06), (0.35, 1.1)), group="clothing", placement="surface",
          synonyms=("denim skirt", "jean skirt", "miniskirt", "pencil skirt", "pleated skirt", "maxi skirt"))
def skirt(rng: np.random.Generator) -> Asset:
    t = vary(rng, 0.02, 0.2)
    waist, length = vary(rng, 0.36, 0.1), vary(rng, 0.6, 0.3)
    hem = waist * vary(rng, 1.8, 0.2)
    colour = jitter(rng, pick(rng, CLOTH), 0.03)
    body = piece([(-hem / 2, 0), (hem / 2, 0), (waist / 2, length), (-waist / 2, length)], t)
    band = strip((-waist / 2, length - 0.03), (waist / 2, length - 0.03), 0.06, t * 0.3, t * 0.8)
    parts = [part("skirt", [body, band], "fabric", colour)]
    pleats = [strip((x * waist / hem * 0.95, length - 0.06), (x, 0.01), 0.005, 0.001, t)
              for x in np.linspace(-hem / 2 * 0.85, hem / 2 * 0.85, 9)]
    parts.append(part("pleats", pleats, "fabric", shaded(colour, 0.6), role="detail"))
    return make_asset(lay(parts), description="a flared skirt with pleats, laid flat")


@category("underwear", size=((0.008, 0.05), (0.25, 0.55)), group="clothing", placement="surface",
          synonyms=("underclothes", "underclothing", "underpants", "briefs", "boxers", "boxer shorts", "panties",
                    "knickers", "undies", "boxer briefs"))
def underwear(rng: np.random.Generator) -> Asset:
    t = vary(rng, 0.015, 0.2)
    w = vary(rng, 0.34, 0.1)
    colour = jitter(rng, pick(rng, ((0.92, 0.92, 0.9), (0.1, 0.1, 0.12), (0.3, 0.4, 0.6), (0.9, 0.6, 0.7),
                                    (0.5, 0.5, 0.52))), 0.03)
    boxers = rng.random() < 0.5
    if boxers:
        body = legs(w, vary(rng, 0.3, 0.08), 0.16, w * 0.5, t)
        l = 0.3
    else:  # briefs: a waistband over a tapered pouch
        l = vary(rng, 0.24, 0.1)
        body = [piece([(-w / 2, l), (w / 2, l), (w * 0.32, l * 0.55), (0.07, 0.0), (-0.07, 0.0), (-w * 0.32, l * 0.55)], t)]
    band = strip((-w / 2 - 0.005, l - 0.02), (w / 2 + 0.005, l - 0.02), 0.04, t * 0.4, t * 0.7)
    parts = [part("underwear", body, "fabric", colour),
             part("waistband", band, "fabric", pick(rng, (WHITE, BLACK, (0.2, 0.3, 0.6))), role="detail")]
    return make_asset(lay(parts), description="a pair of boxers or briefs laid flat")


# --- one-pieces and sets ----------------------------------------------------------------------------

@category("swimsuit", size=((0.008, 0.05), (0.25, 0.75)), group="clothing", placement="surface",
          synonyms=("swim trunks", "swim shorts", "swimwear", "bathing suit", "swimming costume", "bathing costume", "swimming trunks",
                    "bathing trunks", "bikini", "swimming suit", "one piece swimsuit"))
def swimsuit(rng: np.random.Generator) -> Asset:
    t = vary(rng, 0.012, 0.2)
    colour = jitter(rng, pick(rng, ((0.1, 0.35, 0.75), (0.85, 0.15, 0.2), (0.1, 0.1, 0.12), (0.95, 0.5, 0.1),
                                    (0.1, 0.6, 0.55), (0.85, 0.3, 0.6))), 0.03)
    w, l = vary(rng, 0.3, 0.1), vary(rng, 0.62, 0.1)
    # a one-piece: chest, waist and hips, high-cut legs, thin straps
    body = [piece([(-w / 2, l * 0.75), (w / 2, l * 0.75), (w * 0.42, l * 0.45), (-w * 0.42, l * 0.45)], t),
            piece([(-w * 0.42, l * 0.47), (w * 0.42, l * 0.47), (w * 0.5, l * 0.2), (0.05, 0.0), (-0.05, 0.0),
                   (-w * 0.5, l * 0.2)], t)]
    straps = [strip((s * w * 0.35, l * 0.74), (s * w * 0.25, l), 0.018, t * 0.8, 0.0) for s in (-1, 1)]
    parts = [part("swimsuit", [*body, *straps], "fabric", colour, roughness=0.35)]
    accent = pick(rng, (WHITE, (0.95, 0.85, 0.1), BLACK))
    trim = strip((-w * 0.45, l * 0.46), (w * 0.45, l * 0.46), 0.02, 0.001, t)
    parts.append(part("trim", trim, "fabric", accent, role="detail"))
    return make_asset(lay(parts), description="a one-piece swimsuit laid flat")


@category("wet_suit", size=((0.02, 0.1), (1.3, 1.95)), group="clothing", placement="surface",
          synonyms=("wetsuit", "diving suit", "neoprene suit", "surf suit", "dive suit"))
def wet_suit(rng: np.random.Generator) -> Asset:
    t = vary(rng, 0.035, 0.2)
    top = Top(vary(rng, 0.42, 0.06), vary(rng, 0.66, 0.05), vary(rng, 0.6, 0.06), vary(rng, 0.35, 0.2), neck=0.13,
              cuff=0.09, armhole=0.2)
    leg_l = vary(rng, 0.82, 0.06)
    torso = top.torso(t)
    sleeves = top.sleeves(t)
    # the top sits on the legs: shift it up by the legs' length
    for m in (torso, *sleeves):
        m.apply_translation((0, leg_l - 0.05, 0))
    lower = legs(top.w, leg_l, 0.2, 0.1, t)
    colour = jitter(rng, pick(rng, ((0.05, 0.05, 0.06), (0.08, 0.1, 0.18), (0.12, 0.12, 0.13))), 0.02)
    accent = pick(rng, ((0.1, 0.45, 0.85), (0.9, 0.3, 0.1), (0.2, 0.7, 0.6), (0.85, 0.85, 0.85)))
    panels = [strip((s * top.w * 0.45, leg_l + 0.15), (s * (top.shoulder / 2 + 0.3), leg_l + top.l - 0.2), 0.05,
                    0.001, t) for s in (-1, 1)]
    panels += [strip((s * top.w * 0.32, 0.55), (s * top.w * 0.32, 0.3), 0.08, 0.001, t) for s in (-1, 1)]
    collar = strip((-0.07, leg_l + top.l - 0.02), (0.07, leg_l + top.l - 0.02), 0.04, t * 0.4, t * 0.7)
    zip_back = rod((0.0, leg_l + top.l - 0.05, t * 1.05), (0.0, leg_l + top.l - 0.1, t * 1.05), 0.004, 6)
    parts = [part("wet_suit", [torso, *sleeves, *lower, collar], "rubber", colour, roughness=0.5),
             part("panels", panels, "rubber", accent, role="detail"),
             part("zip_pull", zip_back, "metal", METAL, role="detail")]
    return make_asset(lay(parts), description="a full-length neoprene wetsuit laid flat")


@category("pajamas", size=((0.02, 0.08), (1.2, 1.7)), group="clothing", placement="surface",
          synonyms=("pyjamas", "pajama", "pyjama", "pjs", "nightclothes", "sleepwear", "nightwear"))
def pajamas(rng: np.random.Generator) -> Asset:
    t = vary(rng, 0.025, 0.2)
    colour = jitter(rng, pick(rng, ((0.6, 0.72, 0.88), (0.95, 0.8, 0.85), (0.3, 0.35, 0.55), (0.9, 0.88, 0.8),
                                    (0.55, 0.7, 0.55))), 0.03)
    stripe = shaded(colour, 0.6)
    # top and trousers laid side by side, the top's sleeves folded in
    top = Top(vary(rng, 0.5, 0.06), vary(rng, 0.68, 0.05), vary(rng, 0.45, 0.1), 0.15, neck=0.14, cuff=0.12)
    top_meshes = [top.torso(t), *top.sleeves(t), *_collar(top, t, t)]
    length = vary(rng, 0.95, 0.05)
    pants = legs(0.36, length, 0.26, 0.17, t, flare=0.0)
    for m in pants:
        m.apply_translation((0.5, top.l - length, 0))
    for m in top_meshes:
        m.apply_translation((-0.3, 0, 0))
    stripes = [strip((x, 0.02), (x, top.l - 0.08), 0.012, 0.001, t) for x in np.arange(-0.5, -0.1, 0.06)]
    stripes += [strip((0.5 + s * x, top.l - length + 0.03), (0.5 + s * x * 0.8, top.l - 0.05), 0.012, 0.001, t)
                for x in (0.1, 0.17) for s in (-1, 1)]
    parts = [part("pajamas", [*top_meshes, *pants], "fabric", colour, roughness=0.6),
             part("stripes", stripes, "fabric", stripe, role="detail"),
             part("buttons", [translate(b, (-0.3, 0, 0)) for b in buttons(0, 0.08, top.l - 0.1, 5, t * 1.05)],
                  "plastic", WHITE, role="detail")]
    return make_asset(lay(parts), description="striped pajamas, top and trousers laid side by side")


# --- hung on a hanger ----------------------------------------------------------------------------------

@category("coat", size=((0.9, 1.45), (0.5, 0.95)), group="clothing", placement="wall",
          synonyms=("overcoat", "trench coat", "raincoat", "topcoat", "greatcoat", "wool coat", "winter coat", "peacoat"))
def coat(rng: np.random.Generator) -> Asset:
    t = vary(rng, 0.05, 0.2)
    w = vary(rng, 0.56, 0.06)
    top = Top(w, vary(rng, 1.0, 0.1), vary(rng, 0.62, 0.06), 0.12, hem=w * 1.12, neck=0.16, cuff=0.15)
    colour = jitter(rng, pick(rng, ((0.7, 0.58, 0.4), (0.15, 0.15, 0.17), (0.35, 0.22, 0.15), (0.45, 0.45, 0.47),
                                    (0.15, 0.2, 0.32), (0.55, 0.12, 0.12))), 0.03)
    parts = _jacket_parts(rng, "coat", top, t, colour, 0.3, False)
    if rng.random() < 0.5:  # a belt at the waist
        belt = strip((-w / 2, top.l * 0.55), (w / 2, top.l * 0.55), 0.05, t * 0.2, t)
        parts[0] = part("coat", [parts[0].mesh, belt], "fabric", colour)
    return make_asset(hang(parts, top.l + 0.01, top.shoulder, t, rng),
                      description="a long coat hung on a hanger from a wall peg")


@category("dress", size=((0.8, 1.5), (0.35, 0.9)), group="clothing", placement="wall",
          synonyms=("frock", "sundress", "gown", "evening dress", "evening gown", "cocktail dress", "summer dress"))
def dress(rng: np.random.Generator) -> Asset:
    t = vary(rng, 0.03, 0.2)
    w, l = vary(rng, 0.38, 0.08), vary(rng, 1.0, 0.2)
    waist = l * vary(rng, 0.62, 0.05)
    hem = w * vary(rng, 1.8, 0.2)
    colour = jitter(rng, pick(rng, ((0.75, 0.1, 0.15), (0.1, 0.15, 0.35), (0.1, 0.1, 0.11), (0.95, 0.85, 0.6),
                                    (0.55, 0.75, 0.9), (0.9, 0.55, 0.65), (0.25, 0.5, 0.35))), 0.03)
    bodice = piece([(-w * 0.42, waist), (w * 0.42, waist), (w / 2, l * 0.9), (w * 0.2, l * 0.93), (-w * 0.2, l * 0.93),
                    (-w / 2, l * 0.9)], t)
    skirt_ = piece([(-hem / 2, 0), (hem / 2, 0), (w * 0.42, waist + 0.02), (-w * 0.42, waist + 0.02)], t)
    sleeves = rng.random() < 0.5
    straps = [strip((s * w * 0.38, l * 0.88), (s * w * 0.3, l), 0.03 if not sleeves else 0.05, t * 0.8, 0.0)
              for s in (-1, 1)]
    if sleeves:  # short cap sleeves
        straps += [piece([(s * w * 0.3, l), (s * w * 0.5, l * 0.86), (s * (w * 0.5 + 0.1), l * 0.88), (s * w * 0.45, l)],
                         t * 0.8) for s in (-1, 1)]
    belt = strip((-w * 0.44, waist + 0.01), (w * 0.44, waist + 0.01), 0.04, t * 0.2, t)
    parts = [part("dress", [bodice, skirt_, *straps], "fabric", colour, roughness=0.5),
             part("belt", belt, "fabric", pick(rng, (BLACK, WHITE, (0.85, 0.7, 0.35))), role="detail"),
             part("neck", piece([(-w * 0.18, l * 0.93), (w * 0.18, l * 0.93), (0, l * 0.82)], 0.002, t),
                  "fabric", shaded(colour, 0.6), role="detail")]
    return make_asset(hang(parts, l + 0.005, w * 0.8, t, rng), description="a dress hung on a hanger from a wall peg")


@category("bridal_gown", size=((1.3, 2.1), (0.7, 1.5)), group="clothing", placement="wall",
          synonyms=("wedding gown", "wedding dress", "bridal dress", "bride dress"))
def bridal_gown(rng: np.random.Generator) -> Asset:
    t = vary(rng, 0.06, 0.2)
    w, l = vary(rng, 0.38, 0.06), vary(rng, 1.6, 0.1)
    waist = l * 0.68
    hem = vary(rng, 1.05, 0.15)
    colour = jitter(rng, pick(rng, ((0.96, 0.95, 0.93), (0.95, 0.92, 0.85), (0.97, 0.93, 0.9))), 0.01)
    bodice = piece([(-w * 0.4, waist), (w * 0.4, waist), (w / 2, l * 0.92), (w * 0.25, l * 0.95), (-w * 0.25, l * 0.95),
                    (-w / 2, l * 0.92)], t * 0.6)
    # a full skirt: a wide, thick bell that bulges toward the viewer
    skirt_ = [piece([(-hem / 2, 0), (hem / 2, 0), (w * 0.4, waist + 0.02), (-w * 0.4, waist + 0.02)], t),
              piece([(-hem * 0.42, 0.02), (hem * 0.42, 0.02), (w * 0.5, waist * 0.7), (-w * 0.5, waist * 0.7)], t * 0.8, t)]
    straps = [strip((s * w * 0.42, l * 0.9), (s * w * 0.32, l), 0.025, t * 0.3, 0.0) for s in (-1, 1)]
    lace = [ellipse_piece((x, v), 0.012, 0.012, 0.001, t * 1.8, 8)
            for v in np.linspace(0.1, waist * 0.75, 6) for x in np.linspace(-hem * 0.3 * (1 - v / waist), hem * 0.3 * (1 - v / waist), 5)]
    sash = strip((-w * 0.42, waist + 0.02), (w * 0.42, waist + 0.02), 0.05, t * 0.2, t * 0.6)
    parts = [part("bridal_gown", [bodice, *skirt_, *straps], "fabric", colour, roughness=0.45),
             part("lace", lace, "fabric", (0.88, 0.86, 0.82), role="detail"),
             part("sash", sash, "fabric", pick(rng, ((0.9, 0.85, 0.7), (0.85, 0.8, 0.82), (0.95, 0.95, 0.95))),
                  role="detail")]
    return make_asset(hang(parts, l + 0.005, w * 0.8, t * 1.8, rng),
                      description="a white wedding gown with a full skirt hung from a wall peg")


def _suit(rng, name: str, colour, tails: bool) -> Asset:
    t = vary(rng, 0.05, 0.15)
    top = Top(vary(rng, 0.54, 0.05), vary(rng, 0.74, 0.05), vary(rng, 0.6, 0.05), 0.1, neck=0.17, cuff=0.14)
    # trousers folded over the hanger's bar hang below the jacket, behind it
    pants_l = top.l * 0.9
    pants = legs(0.36, pants_l, 0.0001, 0.18, t * 0.5)
    for m in pants:
        m.apply_translation((0, top.l * 0.3 - pants_l + 0.0, -t * 0.5))
    parts = _jacket_parts(rng, name, top, t, colour, 0.34, False)
    extra = [*pants]
    if tails:  # a tailcoat: short in front, two tails hanging to the knee behind
        extra += [piece([(s * 0.02, top.l * 0.5), (s * top.w / 2, top.l * 0.5), (s * top.w * 0.4, -0.35),
                         (s * 0.03, -0.35)], t * 0.4, -t * 0.2) for s in (-1, 1)]
    parts[0] = part(name, [parts[0].mesh, *extra], "fabric", colour, roughness=0.5)
    tie = [piece([(-0.045, top.l - 0.04), (0.045, top.l - 0.01), (0.045, top.l - 0.07)], 0.012, t * 1.02),
           piece([(0.045, top.l - 0.04), (-0.045, top.l - 0.01), (-0.045, top.l - 0.07)], 0.012, t * 1.02)] if tails else \
        [piece([(-0.02, top.l - 0.03), (0.02, top.l - 0.03), (0.03, top.l - 0.28), (0, top.l - 0.31), (-0.03, top.l - 0.28)],
               0.006, t * 1.02)]
    parts.append(part("tie", tie, "fabric", BLACK if tails else pick(rng, ((0.6, 0.1, 0.12), (0.15, 0.2, 0.45),
                                                                          (0.5, 0.5, 0.55))), role="detail"))
    return make_asset(hang(parts, top.l + 0.01, top.shoulder, t, rng),
                      description=f"a {'tailcoat with tails' if tails else 'suit jacket with trousers'} hung from a wall peg")


@category("suit", size=((0.8, 1.4), (0.45, 0.9)), group="clothing", placement="wall",
          synonyms=("business suit", "mens suit", "two piece suit", "pantsuit", "lounge suit", "three piece suit"))
def suit(rng: np.random.Generator) -> Asset:
    return _suit(rng, "suit", jitter(rng, pick(rng, DARK_SUITING), 0.02), False)


@category("dress_suit", size=((0.8, 1.4), (0.45, 0.9)), group="clothing", placement="wall",
          synonyms=("tuxedo", "tux", "tailcoat", "tail coat", "evening suit", "dinner suit", "dinner jacket",
                    "morning suit"))
def dress_suit(rng: np.random.Generator) -> Asset:
    return _suit(rng, "dress_suit", jitter(rng, pick(rng, ((0.04, 0.04, 0.05), (0.05, 0.06, 0.12))), 0.01), True)


# --- small things laid down ---------------------------------------------------------------------------

@category("apron", size=((0.01, 0.05), (0.6, 1.3)), group="clothing", placement="surface",
          synonyms=("pinafore", "kitchen apron", "cooking apron", "pinny", "chef apron", "bib apron"))
def apron(rng: np.random.Generator) -> Asset:
    t = vary(rng, 0.012, 0.2)
    w, l = vary(rng, 0.62, 0.1), vary(rng, 0.85, 0.1)
    bib = vary(rng, 0.28, 0.1)
    colour = jitter(rng, pick(rng, ((0.92, 0.9, 0.85), (0.1, 0.1, 0.12), (0.6, 0.15, 0.15), (0.2, 0.3, 0.5),
                                    (0.55, 0.45, 0.35))), 0.03)
    skirt_ = piece([(-w / 2, 0), (w / 2, 0), (w / 2, l * 0.62), (-w / 2, l * 0.62)], t)
    top = piece([(-w / 2, l * 0.6), (w / 2, l * 0.6), (bib / 2, l), (-bib / 2, l)], t)
    pocket = piece([(-w * 0.3, l * 0.25), (w * 0.3, l * 0.25), (w * 0.3, l * 0.42), (-w * 0.3, l * 0.42)], t * 0.3, t)
    strap = pick(rng, (WHITE, BLACK, (0.5, 0.35, 0.2)))
    loop = tube(np.column_stack([0.1 * np.cos(a := np.linspace(0.15, np.pi - 0.15, 14)) * (bib / 0.2),
                                 l - 0.01 + 0.16 * np.sin(a), np.full(14, t * 0.5)]), 0.006, 6)
    ties = [strip((s * w / 2, l * 0.58), (s * (w / 2 + 0.25), l * 0.5 - 0.05 * s), 0.02, t * 0.5) for s in (-1, 1)]
    seam = strip((0, l * 0.25), (0, l * 0.42), 0.004, 0.001, t * 1.3)
    parts = [part("apron", [skirt_, top, pocket], "fabric", colour),
             part("straps", [loop, *ties, seam], "fabric", strap if strap != colour else BLACK, role="detail")]
    return make_asset(lay(parts), description="an apron with a bib, a front pocket, a neck loop and waist ties, laid flat")


@category("scarf", size=((0.01, 0.06), (0.9, 2.0)), group="clothing", placement="surface",
          synonyms=("muffler", "shawl", "neck scarf", "knitted scarf", "winter scarf"))
def scarf(rng: np.random.Generator) -> Asset:
    t = vary(rng, 0.015, 0.2)
    length, width = vary(rng, 1.4, 0.2), vary(rng, 0.25, 0.2)
    colour = jitter(rng, pick(rng, CLOTH), 0.03)
    # laid in a gentle S along X, with fringes at both ends and a few cross stripes
    bends = [(-length / 2, 0.0), (-length / 6, width * 0.5), (length / 6, -width * 0.5), (length / 2, 0.0)]
    body, stripes = [], []
    for (x0, y0), (x1, y1) in zip(bends, bends[1:]):
        body.append(strip((x0, y0), (x1, y1), width, t))
    accent = pick(rng, (WHITE, BLACK, (0.85, 0.7, 0.2), (0.6, 0.1, 0.1)))
    for x0, y0, sgn in ((bends[0][0], bends[0][1], 1), (bends[-1][0], bends[-1][1], -1)):
        for k in range(2):
            xs = x0 + sgn * (0.08 + 0.06 * k)
            ys = y0 + (bends[1][1] - y0) * (0.08 + 0.06 * k) / (length / 3) if sgn > 0 else \
                y0 + (bends[2][1] - y0) * (0.08 + 0.06 * k) / (length / 3)
            stripes.append(strip((xs, ys - width * 0.5), (xs, ys + width * 0.5), 0.025, 0.001, t))
    fringe = [rod((x0 - sgn * 0.0, y, t * 0.5), (x0 - sgn * 0.07, y, t * 0.3), 0.003, 5)
              for x0, sgn in ((-length / 2, 1), (length / 2, -1)) for y in np.linspace(-width * 0.42, width * 0.42, 9)]
    parts = [part("scarf", [*body, *fringe], "fabric", colour),
             part("stripes", stripes, "fabric", accent if accent != colour else WHITE, role="detail")]
    return make_asset(lay(parts), description="a long striped scarf with fringed ends, laid flat")


@category("bandanna", size=((0.003, 0.03), (0.4, 0.95)), group="clothing", placement="surface",
          synonyms=("bandana", "kerchief", "neckerchief", "head scarf", "headscarf"))
def bandanna(rng: np.random.Generator) -> Asset:
    t = vary(rng, 0.006, 0.2)
    s = vary(rng, 0.55, 0.1)
    colour = jitter(rng, pick(rng, ((0.75, 0.08, 0.08), (0.1, 0.2, 0.5), (0.08, 0.08, 0.09), (0.2, 0.45, 0.25))), 0.03)
    ink = WHITE
    folded = rng.random() < 0.5
    if folded:  # folded corner to corner into a triangle
        body = piece([(-s * 0.7, s * 0.35), (s * 0.7, s * 0.35), (0, -s * 0.35)], t * 2)
        border = [strip((-s * 0.62, s * 0.31), (s * 0.62, s * 0.31), 0.01, 0.001, t * 2),
                  strip((-s * 0.62, s * 0.3), (0, -s * 0.28), 0.01, 0.001, t * 2),
                  strip((s * 0.62, s * 0.3), (0, -s * 0.28), 0.01, 0.001, t * 2)]
        spots = [ellipse_piece((x, y), 0.018, 0.012, 0.001, t * 2, 8)
                 for y in np.linspace(-s * 0.15, s * 0.25, 4) for x in np.linspace(-s * 0.55, s * 0.55, 7)
                 if abs(x) < (y + s * 0.35) * 0.95 - 0.03]
    else:
        body = piece([(-s / 2, -s / 2), (s / 2, -s / 2), (s / 2, s / 2), (-s / 2, s / 2)], t)
        border = [strip((-s * 0.44, y), (s * 0.44, y), 0.01, 0.001, t) for y in (-s * 0.44, s * 0.44)]
        border += [strip((x, -s * 0.44), (x, s * 0.44), 0.01, 0.001, t) for x in (-s * 0.44, s * 0.44)]
        spots = [ellipse_piece((x, y), 0.018, 0.012, 0.001, t, 8)
                 for y in np.linspace(-s * 0.33, s * 0.33, 6) for x in np.linspace(-s * 0.33, s * 0.33, 6)]
    parts = [part("bandanna", body, "fabric", colour), part("paisley", [*border, *spots], "fabric", ink, role="detail")]
    return make_asset(lay(parts), description="a patterned cotton bandanna laid flat")


@category("sock", size=((0.008, 0.04), (0.2, 0.55)), group="clothing", placement="surface",
          synonyms=("ankle sock", "knee sock", "tube sock", "sports sock", "stocking"))
def sock(rng: np.random.Generator) -> Asset:
    t = vary(rng, 0.014, 0.2)
    leg, foot, w = vary(rng, 0.24, 0.3), vary(rng, 0.2, 0.1), vary(rng, 0.09, 0.1)
    colour = jitter(rng, pick(rng, CLOTH), 0.03)
    # laid on its side: the leg runs up (+v), the foot turns toward +x at the bottom
    shaft = piece([(-w / 2, 0.0), (w / 2, 0.0), (w / 2, leg), (-w / 2, leg)], t)
    foot_m = piece([(-w / 2, w * 0.2), (-w / 2 + 0.02, -w * 0.6), (foot - w / 2, -w * 0.6), (foot - w / 2 + 0.03, -w * 0.45),
                    (foot - w / 2 + 0.03, 0.0), (foot - w / 2, w * 0.2)], t)
    accent = pick(rng, (WHITE, BLACK, (0.7, 0.1, 0.1), (0.2, 0.3, 0.6)))
    accent = accent if accent != colour else BLACK
    heel = piece([(-w / 2 + 0.01, w * 0.05), (-w / 2 + 0.005, -w * 0.45), (-w / 2 + 0.06, -w * 0.55),
                  (-w / 2 + 0.07, w * 0.05)], 0.001, t)
    toe = piece([(foot - w / 2 - 0.05, -w * 0.55), (foot - w / 2, -w * 0.55), (foot - w / 2 + 0.025, -w * 0.4),
                 (foot - w / 2 + 0.025, 0.0), (foot - w / 2 - 0.05, 0.0)], 0.001, t)
    cuff = strip((-w / 2 - 0.003, leg - 0.025), (w / 2 + 0.003, leg - 0.025), 0.05, t * 0.3, t * 0.8)
    bands = [strip((-w / 2 + 0.005, v), (w / 2 - 0.005, v), 0.012, 0.001, t) for v in (leg - 0.07, leg - 0.095)]
    parts = [part("sock", [shaft, foot_m, cuff], "fabric", colour),
             part("heel_and_toe", [heel, toe, *bands], "fabric", accent, role="detail")]
    return make_asset(lay(parts), description="a sock laid flat on its side")


# --- footwear: lofted along X, toe at -X ------------------------------------------------------------------

def foot_solid(length: float, width: float, z0: float, height, toe: float = 0.35, count: int = 12) -> trimesh.Trimesh:
    """A foot-shaped loft along X (toe at -X): sections whose width follows a foot and whose height
    follows `height(u)` (u = 0 at the toe, 1 at the heel)."""
    pts = []
    for u in np.linspace(0.0, 1.0, count):
        x = -length / 2 + u * length
        wu = width * (0.6 + 0.4 * np.sin(np.pi * min(1.0, u / 0.7) * 0.5 + 0.2)) if u < 0.7 else \
            width * (1.0 - 0.25 * (u - 0.7) / 0.3)
        if u < 0.02 or u > 0.98:
            wu *= 0.6
        h = height(u)
        for a in np.linspace(0, np.pi, 9):
            pts.append((x, wu / 2 * np.cos(a), z0 + max(h, 1e-3) * np.sin(a) ** 0.6))
    return hull(pts)


def sole(length: float, width: float, thickness: float, z0: float = 0.0) -> trimesh.Trimesh:
    """A flat sole `thickness` thick under a foot outline."""
    return hull([(x, y, z) for x, y in _sole_outline(length, width) for z in (z0, z0 + thickness)])


def _sole_outline(length: float, width: float) -> list[tuple[float, float]]:
    pts = []
    for u in np.linspace(0.0, 1.0, 14):
        x = -length / 2 + u * length
        wu = width * (0.75 + 0.25 * np.sin(np.pi * min(u / 0.35, 1.0) * 0.5)) if u < 0.7 else \
            width * (1.0 - 0.22 * (u - 0.7) / 0.3)
        if u in (0.0, 1.0):
            wu *= 0.5
        pts += [(x, wu / 2), (x, -wu / 2)]
    return pts


@category("shoe", size=((0.07, 0.16), (0.22, 0.34)), group="clothing", placement="floor",
          synonyms=("basketball shoe", "football shoe", "sneaker", "tennis shoe", "running shoe", "gym shoe", "athletic shoe", "trainer shoe", "loafer",
                    "oxford shoe", "dress shoe"))
def shoe(rng: np.random.Generator) -> Asset:
    length, width = vary(rng, 0.28, 0.08), vary(rng, 0.1, 0.08)
    sneaker = rng.random() < 0.65
    s = 0.03 if sneaker else 0.018
    h = vary(rng, 0.1 if sneaker else 0.08, 0.08)
    upper = foot_solid(length * 0.97, width, s - 0.002, lambda u: h * (0.35 + 0.65 * min(1.0, max(0.0, (u - 0.1) / 0.55))) - s)
    colour = jitter(rng, pick(rng, ((0.92, 0.92, 0.9), (0.1, 0.1, 0.12), (0.15, 0.3, 0.65), (0.75, 0.12, 0.12),
                                    (0.5, 0.5, 0.52))) if sneaker else pick(rng, LEATHER_BROWNS), 0.03)
    opening = ellipse_piece((length * 0.27, 0.0), length * 0.15, width * 0.3, 0.004, 0.0, 16)
    opening.apply_translation((0, 0, h - 0.004))
    parts = [part("shoe", upper, "fabric" if sneaker else "leather", colour, roughness=None if sneaker else 0.35),
             part("sole", sole(length, width * 1.05, s), "rubber", WHITE if sneaker else (0.12, 0.08, 0.06)),
             part("opening", opening, "fabric", (0.1, 0.1, 0.1), role="detail")]
    laces = []
    for k in range(5 if sneaker else 3):
        x = -length * 0.08 + k * length * 0.05
        z = np.interp((x + length / 2) / length, (0.1, 0.65), (h * 0.35, h)) + 0.003
        laces.append(rod((x, -width * 0.18, z - 0.006), (x, width * 0.18, z - 0.006), 0.004, 6))
    parts.append(part("laces", laces, "fabric", WHITE if colour[0] < 0.8 else (0.2, 0.2, 0.22), role="detail"))
    if sneaker:  # a stripe on each side
        outline = ((-0.04, s + 0.01), (0.05, s + 0.05), (0.07, s + 0.04), (-0.02, s + 0.005))
        stripes = [hull([(x, sy * width * y, z) for x, z in outline for y in (0.49, 0.51)]) for sy in (-1, 1)]
        parts.append(part("stripe", stripes, "fabric", pick(rng, ((0.1, 0.1, 0.12), (0.8, 0.1, 0.1), (0.2, 0.4, 0.85))),
                          role="detail"))
    return make_asset(parts, description="a laced shoe standing, toe to one side")


@category("boot", size=((0.12, 0.5), (0.24, 0.36)), group="clothing", placement="floor",
          synonyms=("football boot", "snow boot", "ankle boot", "hiking boot", "rain boot", "wellington boot", "wellington", "work boot",
                    "cowboy boot", "riding boot", "gumboot"))
def boot(rng: np.random.Generator) -> Asset:
    length, width = vary(rng, 0.29, 0.08), vary(rng, 0.105, 0.08)
    shaft_h = pick(rng, (0.18, 0.3, 0.4)) * vary(rng, 1.0, 0.08)
    s, heel = 0.02, vary(rng, 0.03, 0.3)
    foot = foot_solid(length * 0.97, width, s - 0.002, lambda u: 0.07 + 0.06 * min(1.0, u / 0.6))
    cx = length * 0.22
    shaft = hull([(cx + r * np.cos(a) * 1.15, r * np.sin(a), z) for a in np.linspace(0, 2 * np.pi, 16, endpoint=False)
                  for r, z in ((width * 0.5, s), (width * 0.52, shaft_h))])
    colour = jitter(rng, pick(rng, LEATHER_BROWNS + ((0.1, 0.25, 0.15), (0.7, 0.1, 0.1))), 0.03)
    sole_m = sole(length, width * 1.06, s)
    heel_m = hull([(x, y, z) for x in (length * 0.25, length * 0.47) for y in (-width * 0.36, width * 0.36)
                   for z in (0.0, s + heel * 0.3)])
    opening = ellipse_piece((cx, 0.0), width * 0.5, width * 0.44, 0.003, shaft_h - 0.001, 16)
    parts = [part("boot", [foot, shaft], "leather", colour, roughness=0.4),
             part("sole", [sole_m, heel_m], "rubber", (0.08, 0.06, 0.05), role="detail"),
             part("opening", opening, "fabric", (0.08, 0.07, 0.06), role="detail")]
    return make_asset(parts, description="a boot with a shaft up the leg and a heel, standing")


@category("sandal", size=((0.04, 0.14), (0.22, 0.32)), group="clothing", placement="floor",
          synonyms=("sandals", "strappy sandal", "gladiator sandal", "slide sandal"))
def sandal(rng: np.random.Generator) -> Asset:
    length, width = vary(rng, 0.27, 0.08), vary(rng, 0.1, 0.08)
    s = vary(rng, 0.025, 0.2)
    colour = jitter(rng, pick(rng, LEATHER_BROWNS + ((0.1, 0.1, 0.12), (0.85, 0.75, 0.6))), 0.03)
    straps = []
    for x in (-length * 0.22, -length * 0.02):  # flat bands over the toes and the instep
        band = tube(arc_points(width * 0.44, 0.0, np.pi, (0.0, 0.0, 0.0), "yz", 12), 0.006, 8)
        band.apply_scale((2.5, 1.0, 0.7 if x < 0 else 0.9))
        straps.append(band.apply_translation((x, 0.0, s)))
    ankle = tube(arc_points(width * 0.4, 0.0, np.pi, (0.0, 0.0, 0.0), "yz", 12), 0.005, 8)
    ankle.apply_scale((1.6, 1.0, 0.6))
    ankle.apply_translation((length * 0.28, 0.0, s + 0.06))
    riser = [rod((length * 0.28, sy * width * 0.4, s), (length * 0.28, sy * width * 0.4, s + 0.06), 0.006, 6) for sy in (-1, 1)]
    bed = sole(length * 0.95, width * 0.95, 0.004, s)
    parts = [part("sandal", [*straps, ankle, *riser, bed], "leather", colour, roughness=0.4),
             part("sole", sole(length, width, s), "rubber", pick(rng, ((0.15, 0.1, 0.08), (0.5, 0.35, 0.2), BLACK))),
             part("buckle", cylinder(0.008, 0.003, (length * 0.28, -width * 0.4 - 0.004, s + 0.05)), "metal", METAL,
                  role="detail")]
    rotate(parts[2].mesh, np.pi / 2, (1, 0, 0), (length * 0.28, -width * 0.4, s + 0.05))
    return make_asset(parts, description="an open sandal: a sole with straps over the toes and round the ankle")


@category("flip_flop", size=((0.02, 0.08), (0.2, 0.32)), group="clothing", placement="floor",
          synonyms=("flip flop", "flipflop", "thong sandal", "jandal", "beach sandal", "pool slide"))
def flip_flop(rng: np.random.Generator) -> Asset:
    length, width = vary(rng, 0.27, 0.08), vary(rng, 0.1, 0.08)
    s = vary(rng, 0.018, 0.2)
    colour = jitter(rng, pick(rng, PLASTIC_BRIGHT), 0.03)
    post = np.array((-length * 0.3, 0.0, s))
    top = post + (0.04, 0.0, 0.028)
    thong = [tube([post, top], 0.005, 6)]
    for sy in (-1, 1):
        thong.append(tube([top, (top[0] + 0.04, sy * width * 0.25, s + 0.02), (length * 0.02, sy * width * 0.46, s)],
                          0.007, 8))
    parts = [part("flip_flop", sole(length, width, s), "rubber", colour),
             part("thong", thong, "rubber", pick(rng, (BLACK, WHITE, (0.1, 0.3, 0.7))), role="detail")]
    return make_asset(parts, description="a flip-flop: a flat rubber sole with a Y strap from between the toes")



# --- hats: turned on a lathe, front toward -Y ------------------------------------------------------------

def dome(r: float, h: float, z0: float = 0.0, squash: float = 1.0, sections: int = 32) -> trimesh.Trimesh:
    """A solid rounded crown on z0: a quarter-ellipse profile turned about Z."""
    a = np.linspace(0.0, np.pi / 2, 10)
    profile = [(0.0, z0)] + [(r * np.cos(t), z0 + h * np.sin(t) ** squash) for t in a]
    return lathe(profile, sections)


def brim(r_in: float, r_out: float, t: float, z0: float, droop: float = 0.0) -> trimesh.Trimesh:
    """A flat ring (a hat's brim) from r_in to r_out, its edge `droop` lower (or higher if negative)."""
    return lathe([(r_in, z0), (r_out, z0 - droop), (r_out, z0 - droop + t), (r_in, z0 + t)], 40)


@category("hat", size=((0.08, 0.2), (0.25, 0.5)), group="clothing", placement="surface",
          synonyms=("fedora", "trilby", "sun hat", "sunhat", "panama hat", "straw hat", "bowler hat", "top hat",
                    "felt hat"))
def hat(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.1, 0.06)
    straw = rng.random() < 0.35
    rb = r + vary(rng, 0.1 if straw else 0.06, 0.2)
    h = vary(rng, 0.12, 0.12)
    crown = lathe([(0.0, 0.0), (r, 0.0), (r * 0.94, h * 0.85), (r * 0.6, h), (r * 0.25, h * 0.9), (0.0, h * 0.93)], 40)
    crown.apply_scale((1.0, 1.12, 1.0))
    b = brim(r * 0.95, rb, 0.006, 0.0, -0.012)
    b.apply_scale((1.0, 1.08, 1.0))
    colour = jitter(rng, pick(rng, ((0.85, 0.75, 0.5),)) if straw else
                    pick(rng, ((0.2, 0.18, 0.16), (0.45, 0.35, 0.25), (0.35, 0.35, 0.37), (0.1, 0.1, 0.12),
                               (0.7, 0.6, 0.45))), 0.03)
    band = lathe([(r * 1.002, 0.005), (r * 0.99, 0.035), (r * 0.97, 0.035), (r * 0.98, 0.005)], 40)
    band.apply_scale((1.02, 1.14, 1.0))
    parts = [part("hat", [crown, b], "paper" if straw else "fabric", colour),
             part("band", band, "fabric", pick(rng, (BLACK, (0.5, 0.1, 0.1), (0.2, 0.25, 0.4))), role="detail")]
    return make_asset(parts, description="a hat with a pinched crown, a hatband and a brim")


@category("cowboy_hat", size=((0.1, 0.22), (0.33, 0.5)), group="clothing", placement="surface",
          synonyms=("stetson", "western hat", "cowgirl hat"))
def cowboy_hat(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.1, 0.05)
    rb = r + vary(rng, 0.09, 0.12)
    h = vary(rng, 0.13, 0.1)
    crown = lathe([(0.0, 0.0), (r, 0.0), (r * 0.92, h * 0.8), (r * 0.7, h), (r * 0.3, h * 0.97), (0.0, h * 0.85)], 40)
    v = crown.vertices  # the crease: a groove front to back along the crown's top
    v[:, 2] -= 0.03 * np.exp(-(v[:, 0] / (r * 0.3)) ** 2) * np.clip((v[:, 2] - h * 0.6) / (h * 0.4), 0, 1)
    crown.vertices = v
    crown.apply_scale((0.95, 1.15, 1.0))
    b = lathe([(r * 0.95, 0.0), (rb, 0.0), (rb, 0.007), (r * 0.95, 0.007)], 48)
    w = b.vertices  # the sides curl up, the front and back dip
    w[:, 2] += 0.07 * (np.abs(w[:, 0]) / rb) ** 3 - 0.01 * (np.abs(w[:, 1]) / rb) ** 2
    b.vertices = w
    b.apply_scale((1.0, 1.15, 1.0))
    colour = jitter(rng, pick(rng, ((0.55, 0.38, 0.22), (0.3, 0.2, 0.12), (0.85, 0.78, 0.62), (0.1, 0.09, 0.08))), 0.03)
    band = lathe([(r * 1.002, 0.01), (r * 0.99, 0.03), (r * 0.97, 0.03), (r * 0.98, 0.01)], 40)
    band.apply_scale((0.97, 1.17, 1.0))
    parts = [part("cowboy_hat", [crown, b], "leather", colour, roughness=0.6),
             part("band", band, "leather", pick(rng, ((0.1, 0.08, 0.06), (0.6, 0.5, 0.35))), role="detail")]
    return make_asset(parts, description="a cowboy hat with a creased crown and a brim curled up at the sides")


@category("baseball_cap", size=((0.08, 0.15), (0.22, 0.34)), group="clothing", placement="surface",
          synonyms=("jockey cap", "golf cap", "ball cap", "trucker cap", "trucker hat", "snapback", "baseball hat"))
def baseball_cap(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.095, 0.05)
    h = vary(rng, 0.11, 0.08)
    crown = dome(r, h, 0.0, 0.8)
    crown.apply_scale((1.0, 1.1, 1.0))
    bill_len = vary(rng, 0.075, 0.12)
    # the bill: a curved plate reaching forward (-Y) from the crown's front edge
    pts = []
    for a in np.linspace(-1.0, 1.0, 9):
        for reach in (0.0, bill_len):
            x = np.sin(a) * r * (0.95 - 0.2 * reach / bill_len)
            y = -np.cos(a) * r * 1.1 * 0.9 - reach
            z = 0.008 + 0.01 * (1 - a ** 2)
            pts += [(x, y, z), (x, y, z + 0.006)]
    bill = hull(pts)
    colour = jitter(rng, pick(rng, CLOTH), 0.03)
    button = dome(0.009, 0.006, h - 0.002)
    logo = ellipse_piece((0.0, h * 0.45), 0.03, 0.022, 0.003, 0.0, 14)
    rotate(logo, np.pi / 2, (1, 0, 0))
    logo.apply_translation((0, -r * 1.1 * np.cos(0.48) - 0.003, 0))
    seams = [tube(np.column_stack([np.sin(a) * r * np.cos(t) * 1.003, -np.cos(a) * r * 1.1 * np.cos(t) * 1.003,
                                   h * np.sin(t) ** 0.8 + 0.001]), 0.0018, 5)
             for a in (np.pi / 3, np.pi, -np.pi / 3) for t in [np.linspace(0.05, 1.45, 10)]]
    parts = [part("baseball_cap", crown, "fabric", colour),
             part("bill", bill, "fabric", colour),
             part("logo", logo, "fabric", pick(rng, (WHITE, (0.95, 0.8, 0.1), BLACK)), role="detail"),
             part("button_and_seams", [button, *seams], "fabric", shaded(colour, 0.6), role="detail")]
    return make_asset(parts, description="a baseball cap with a curved bill, a top button and a front logo")


@category("cap", size=((0.05, 0.13), (0.22, 0.33)), group="clothing", placement="surface",
          synonyms=("flat cap", "newsboy cap", "peaked cap", "ivy cap", "skullcap", "skull cap"))
def cap(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.105, 0.05)
    h = vary(rng, 0.075, 0.12)
    crown = dome(r, h, 0.0, 0.6)
    v = crown.vertices  # swept forward: high at the back, low over the short peak
    v[:, 2] *= 0.75 + 0.25 * np.clip(v[:, 1] / r, -1, 1)
    v[:, 1] -= 0.03 * (v[:, 2] / h)
    crown.vertices = v
    crown.apply_scale((1.0, 1.15, 1.0))
    pts = []
    for a in np.linspace(-1.1, 1.1, 9):
        for reach in (0.0, 0.045):
            pts += [(np.sin(a) * r * (0.95 - 1.5 * reach), -np.cos(a) * r * 1.15 - reach, z) for z in (0.004, 0.01)]
    peak = hull(pts)
    colour = jitter(rng, pick(rng, ((0.4, 0.35, 0.3), (0.3, 0.32, 0.3), (0.15, 0.15, 0.17), (0.45, 0.3, 0.2),
                                    (0.2, 0.25, 0.4))), 0.03)
    button = dome(0.01, 0.006, 0.0)
    button.apply_translation((0, -0.01, h * 0.78 - 0.004))
    parts = [part("cap", [crown, peak], "fabric", colour),
             part("button", button, "fabric", shaded(colour, 0.6), role="detail")]
    return make_asset(parts, description="a flat cap swept forward over a short peak")


@category("beanie", size=((0.1, 0.3), (0.17, 0.26)), group="clothing", placement="surface",
          synonyms=("beany", "knit cap", "knit hat", "woolly hat", "toque", "tuque", "bobble hat", "ski hat",
                    "winter hat", "stocking cap", "wool hat"))
def beanie(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.1, 0.06)
    h = vary(rng, 0.17, 0.1)
    crown = dome(r, h, 0.0, 0.7)
    cuff_h = vary(rng, 0.055, 0.15)
    cuff = lathe([(r * 0.9, 0.0), (r * 1.06, 0.0), (r * 1.06, cuff_h), (r * 0.9, cuff_h)], 40)
    colour = jitter(rng, pick(rng, CLOTH), 0.03)
    ribs = [rod((r * 1.07 * np.cos(a), r * 1.07 * np.sin(a), 0.003), (r * 1.07 * np.cos(a), r * 1.07 * np.sin(a),
                                                                        cuff_h - 0.003), 0.004, 5)
            for a in np.linspace(0, 2 * np.pi, 28, endpoint=False)]
    meshes = [crown, cuff, *ribs]
    parts = [part("beanie", meshes, "fabric", colour)]
    if rng.random() < 0.5:
        pom = ellipsoid((0.04, 0.04, 0.035), (0, 0, h + 0.025), 2)
        parts.append(part("pompom", pom, "fur", pick(rng, (WHITE, shaded(colour, 0.7), (0.2, 0.2, 0.22))), role="detail"))
    return make_asset(parts, description="a knitted beanie with a folded ribbed cuff")


@category("helmet", size=((0.12, 0.33), (0.24, 0.36)), group="clothing", placement="surface",
          synonyms=("bike helmet", "bicycle helmet", "cycling helmet", "crash helmet", "hard hat", "hardhat",
                    "safety helmet", "motorcycle helmet", "construction helmet"))
def helmet(rng: np.random.Generator) -> Asset:
    kind = pick(rng, ("bike", "hard_hat", "motorcycle"))
    colour = jitter(rng, pick(rng, ((0.9, 0.15, 0.1), (0.1, 0.1, 0.12), (0.95, 0.8, 0.1), (0.9, 0.9, 0.9),
                                    (0.1, 0.35, 0.75), (0.95, 0.5, 0.1))), 0.03)
    if kind == "bike":  # an elongated vented shell and chin straps
        r, h = vary(rng, 0.13, 0.06), vary(rng, 0.15, 0.08)
        shell = dome(r, h, 0.0, 0.75)
        shell.apply_scale((0.78, 1.12, 1.0))
        vents = []
        for a in (-0.3, 0.0, 0.3):
            for t in (0.45, 0.85):
                c = np.array([np.sin(a) * r * 0.78 * np.cos(t), -np.cos(a) * r * 1.12 * np.cos(t), h * np.sin(t) ** 0.75])
                vents.append(ellipsoid((0.012, 0.03, 0.012), c * 1.01, 1))
        straps = [tube([(s * r * 0.7, 0.0, 0.01), (s * r * 0.45, -r * 0.35, -0.06), (0, -r * 0.45, -0.09)], 0.004, 6)
                  for s in (-1, 1)]
        parts = [part("helmet", shell, "plastic", colour, roughness=0.3),
                 part("vents", vents, "plastic", BLACK, role="detail"),
                 part("straps", straps, "fabric", BLACK, role="detail")]
        desc = "a vented bicycle helmet with chin straps"
    elif kind == "hard_hat":  # a dome with a ridge and a short brim all round, longer in front
        r, h = vary(rng, 0.11, 0.05), vary(rng, 0.13, 0.08)
        shell = dome(r, h, 0.02, 0.7)
        shell.apply_scale((1.0, 1.15, 1.0))
        b = brim(r * 0.9, r + 0.03, 0.005, 0.02, 0.005)
        b.apply_scale((1.0, 1.15, 1.0))
        b.apply_translation((0, -0.012, 0))
        ridge = tube(np.column_stack([np.zeros(12), r * 1.15 * np.cos(t := np.linspace(0.3, np.pi - 0.3, 12)),
                                      0.02 + h * np.sin(t) ** 0.7 + 0.004]), 0.012, 8)
        parts = [part("helmet", [shell, b, ridge], "plastic", colour, roughness=0.3)]
        desc = "a hard hat with a ridge and a brim"
    else:  # a full-face motorcycle helmet: a round shell with a dark visor in front
        r = vary(rng, 0.145, 0.05)
        shell = ellipsoid((r * 0.9, r * 1.05, r), (0, 0, r), 3)
        visor = ellipsoid((r * 0.75, r * 0.5, r * 0.35), (0, -r * 0.62, r * 1.05), 3)
        parts = [part("helmet", shell, "plastic", colour, roughness=0.25),
                 part("visor", visor, "glass", (0.1, 0.1, 0.12), role="detail", roughness=0.05)]
        desc = "a full-face motorcycle helmet with a dark visor"
    return make_asset(parts, description=desc)
