"""Animals built from capsules and ellipsoids, head toward -Y: dog, cat, horse, duck, bird and a teddy bear.

Recognisable at 256 px comes from the silhouette: four legs under a long body, a neck, a head with a
snout and ears, and a tail; the proportions are what tell a dog from a cat from a horse.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import trimesh

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.shapes import (capsule, cone, ellipsoid, hull, jitter, make_asset, part, pick, rod, rotate,
                                          superellipsoid, tube, vary)

EYE = (0.02, 0.02, 0.02)


@dataclass
class QuadrupedShape:
    """Proportions of a four-legged animal, in metres."""

    shoulder_h: float  # top of the back
    body_len: float
    body_r: float
    leg_r: float
    neck_len: float
    neck_angle: float  # radians above horizontal, leaning forward (-Y)
    head_r: float
    snout_len: float
    ears: str  # "floppy", "pointy", "upright", "round" (bear) or "side" (cow, sheep)
    tail: str  # "wag" (up and curved), "long" (cat), "hanging" (cow, zebra), "stub" (bear) or "none"
    neck_r: float | None = None  # default: 0.7 of the head's radius
    body_detail: int = 3  # icosphere subdivisions of the body (4 when a coat pattern needs the resolution)


@dataclass
class QuadrupedMeshes:
    """An animal's meshes by region, so builders can colour regions apart (a sheep's wool, a zebra's legs)."""

    body: trimesh.Trimesh
    legs: list
    neck: trimesh.Trimesh
    head: list  # head and snout
    ears: list
    tail: list
    black: list  # eyes and nose
    anchors: dict

    @property
    def fur(self) -> list:
        return [self.body, *self.legs, self.neck, *self.head, *self.ears, *self.tail]


def limb(p0, p1, radius: float | list, rings: int = 10, sections: int = 10) -> trimesh.Trimesh:
    """A straight round limb with rings along its length (coat patterns need faces along a leg)."""
    a, b = np.asarray(p0, float), np.asarray(p1, float)
    t = np.linspace(0.0, 1.0, rings)
    r = np.interp(t, np.linspace(0.0, 1.0, len(np.atleast_1d(radius))), np.atleast_1d(radius))
    return tube(a + t[:, None] * (b - a), r, sections)


def quadruped(s: QuadrupedShape) -> QuadrupedMeshes:
    """The meshes of a four-legged animal standing on z = 0, head toward -Y."""
    zb = s.shoulder_h - s.body_r  # body axis height
    half = s.body_len / 2
    body = superellipsoid((s.body_r * 0.85, half + s.body_r * 0.6, s.body_r), (0, 0, zb), 0.8, s.body_detail)
    legs = []
    for x in (-1, 1):
        for y in (-1, 1):
            foot = np.array([x * s.body_r * 0.5, y * (half - s.leg_r), 0.0])
            legs.append(limb(foot, (foot[0], foot[1] * 0.95, zb), [s.leg_r * 0.9, s.leg_r, s.leg_r * 1.25],
                             rings=max(6, int(zb / (s.leg_r * 1.5)))))
    neck_base = np.array([0.0, -half * 0.9, zb + s.body_r * 0.35])
    head_c = neck_base + s.neck_len * np.array([0.0, -np.cos(s.neck_angle), np.sin(s.neck_angle)])
    neck_r = s.neck_r or s.head_r * 0.7
    neck = limb(neck_base, head_c, [neck_r * 1.3, neck_r], rings=max(4, int(s.neck_len / neck_r) + 2))
    head = [ellipsoid((s.head_r * 0.9, s.head_r * 1.1, s.head_r), head_c, 2)]
    snout_c = head_c + np.array([0.0, -s.head_r * 0.9 - s.snout_len * 0.4, -s.head_r * 0.3])
    snout_r = s.head_r * 0.5
    head.append(ellipsoid((snout_r, s.snout_len / 2 + snout_r * 0.3, snout_r * 0.8), snout_c, 2))
    nose = snout_c + np.array([0.0, -s.snout_len / 2 - snout_r * 0.25, snout_r * 0.35])
    black = [ellipsoid((snout_r * 0.35, snout_r * 0.25, snout_r * 0.25), nose, 1)]
    for x in (-1, 1):
        eye = head_c + np.array([x * s.head_r * 0.45, -s.head_r * 0.85, s.head_r * 0.3])
        black.append(ellipsoid((s.head_r * 0.13,) * 3, eye, 1))
    ears = []
    for x in (-1, 1):
        ear_base = head_c + np.array([x * s.head_r * 0.55, s.head_r * 0.1, s.head_r * 0.75])
        if s.ears == "floppy":
            ear = ellipsoid((s.head_r * 0.12, s.head_r * 0.35, s.head_r * 0.6),
                            ear_base + (x * s.head_r * 0.35, 0, -s.head_r * 0.45), 2)
            rotate(ear, x * 0.25, (0, 1, 0), ear_base)
        elif s.ears == "round":
            ear = ellipsoid((s.head_r * 0.22, s.head_r * 0.1, s.head_r * 0.22), ear_base + (0, 0, s.head_r * 0.05), 2)
        elif s.ears == "side":
            ear = ellipsoid((s.head_r * 0.45, s.head_r * 0.1, s.head_r * 0.2),
                            head_c + (x * s.head_r * 1.15, s.head_r * 0.2, s.head_r * 0.45), 2)
            rotate(ear, -x * 0.3, (0, 1, 0), head_c + (x * s.head_r * 0.8, 0, s.head_r * 0.45))
        else:
            tall = s.head_r * (0.7 if s.ears == "pointy" else 0.9)
            ear = cone(s.head_r * (0.35 if s.ears == "pointy" else 0.22), tall, ear_base - (0, 0, s.head_r * 0.15), 12)
            rotate(ear, x * 0.3, (0, 1, 0), ear_base)
        ears.append(ear)
    rump = np.array([0.0, half + s.body_r * 0.4, zb + s.body_r * 0.4])
    tail = []
    if s.tail == "wag":
        path = [rump, rump + (0, s.body_r * 0.8, s.body_r * 0.6), rump + (0, s.body_r * 1.2, s.body_r * 1.5)]
        tail.append(tube(path, [s.leg_r * 0.8, s.leg_r * 0.6, s.leg_r * 0.3], 8))
    elif s.tail == "long":
        path = [rump, rump + (0, s.body_r * 1.5, s.body_r * 0.2), rump + (0, s.body_r * 2.4, s.body_r * 1.2),
                rump + (0, s.body_r * 2.6, s.body_r * 2.6)]
        tail.append(tube(path, [s.leg_r * 0.7, s.leg_r * 0.65, s.leg_r * 0.6, s.leg_r * 0.5], 8))
    elif s.tail == "hanging":
        end = rump + (0, s.body_r * 0.35, -zb * 0.55)
        tail.append(tube([rump, rump + (0, s.body_r * 0.3, -s.body_r * 0.4), end], [s.leg_r * 0.3, s.leg_r * 0.25,
                                                                                    s.leg_r * 0.2], 8))
        tail.append(ellipsoid((s.leg_r * 0.45, s.leg_r * 0.45, zb * 0.12), end - (0, 0, zb * 0.08), 1))
    elif s.tail == "stub":
        tail.append(ellipsoid((s.body_r * 0.15,) * 3, rump + (0, s.body_r * 0.15, 0), 1))
    anchors = {"neck_base": neck_base, "head": head_c, "rump": rump, "zb": np.array([0, 0, zb]),
               "snout": snout_c}
    return QuadrupedMeshes(body, legs, neck, head, ears, tail, black, anchors)


@category("dog", size=((0.45, 0.85), (0.7, 1.3)), group="animal", placement="floor", synonyms=("puppy", "doggy", "hound", "labrador", "retriever"))
def dog(rng: np.random.Generator) -> Asset:
    size = vary(rng, 1.0, 0.15)
    shape = QuadrupedShape(shoulder_h=0.5 * size, body_len=0.5 * size * vary(rng, 1.0, 0.08), body_r=0.13 * size,
                           leg_r=0.035 * size, neck_len=0.2 * size, neck_angle=np.radians(vary(rng, 50, 0.1)),
                           head_r=0.085 * size, snout_len=0.09 * size, ears=pick(rng, ("floppy", "floppy", "upright")),
                           tail="wag")
    q = quadruped(shape)
    fur, black = q.fur, q.black
    color = jitter(rng, pick(rng, ((0.55, 0.35, 0.18), (0.85, 0.65, 0.35), (0.12, 0.1, 0.09), (0.9, 0.88, 0.82),
                                   (0.45, 0.42, 0.4))), 0.04)
    return make_asset([part("dog", fur, "fur", color), part("eyes_nose", black, "plastic", EYE, role="detail",
                                                            roughness=0.1)],
                      description="a dog standing on four legs")


@category("cat", size=((0.28, 0.5), (0.45, 0.8)), group="animal", placement="floor", synonyms=("kitten", "kitty", "house cat"))
def cat(rng: np.random.Generator) -> Asset:
    size = vary(rng, 1.0, 0.12)
    shape = QuadrupedShape(shoulder_h=0.26 * size, body_len=0.3 * size, body_r=0.075 * size, leg_r=0.018 * size,
                           neck_len=0.08 * size, neck_angle=np.radians(vary(rng, 55, 0.1)), head_r=0.055 * size,
                           snout_len=0.02 * size, ears="pointy", tail="long")
    q = quadruped(shape)
    fur, black = q.fur, q.black
    color = jitter(rng, pick(rng, ((0.9, 0.55, 0.2), (0.15, 0.14, 0.14), (0.55, 0.53, 0.5), (0.92, 0.9, 0.86))), 0.04)
    return make_asset([part("cat", fur, "fur", color), part("eyes_nose", black, "plastic", EYE, role="detail",
                                                            roughness=0.1)],
                      description="a cat standing with its tail up")


@category("horse", size=((1.7, 2.5), (1.8, 2.8)), group="animal", placement="floor", synonyms=("pony", "stallion", "mare"))
def horse(rng: np.random.Generator) -> Asset:
    size = vary(rng, 1.0, 0.1)
    shape = QuadrupedShape(shoulder_h=1.55 * size, body_len=1.1 * size, body_r=0.3 * size, leg_r=0.055 * size,
                           neck_len=0.75 * size, neck_angle=np.radians(vary(rng, 55, 0.08)), head_r=0.13 * size,
                           snout_len=0.35 * size, ears="upright", tail="none")
    q = quadruped(shape)
    fur, black, a = q.fur, q.black, q.anchors
    # mane along the top of the neck, a hanging tail, and dark hooves
    mane_path = [a["neck_base"] + (0, 0.05, shape.body_r * 0.5), a["head"] + (0, 0.1 * size, shape.head_r * 0.9)]
    hair = [capsule(mane_path[0], mane_path[1], 0.05 * size, 8)]
    rump = a["rump"]
    hair.append(tube([rump, rump + (0, 0.15 * size, -0.25 * size), rump + (0, 0.2 * size, -0.75 * size)],
                     [0.05 * size, 0.07 * size, 0.05 * size], 10))
    hooves = []
    half = shape.body_len / 2
    for x in (-1, 1):
        for y in (-1, 1):
            hooves.append(ellipsoid((shape.leg_r * 1.2, shape.leg_r * 1.25, 0.05 * size),
                                    (x * shape.body_r * 0.5, y * (half - shape.leg_r), 0.05 * size), 1))
    color = jitter(rng, pick(rng, ((0.45, 0.25, 0.12), (0.25, 0.14, 0.08), (0.85, 0.82, 0.78), (0.1, 0.08, 0.07))), 0.04)
    hair_color = (0.08, 0.06, 0.05) if color[0] < 0.7 else (0.9, 0.88, 0.85)
    return make_asset([part("horse", fur, "fur", color),
                       part("mane_and_tail", hair, "fur", hair_color, role="detail"),
                       part("hooves", hooves + black, "plastic", EYE, role="detail")],
                      description="a horse standing on four legs")


@category("duck", size=((0.25, 0.4), (0.3, 0.45)), group="animal", placement="floor", synonyms=("goose", "mallard", "duckling", "rubber duck"))
def duck(rng: np.random.Generator) -> Asset:
    size = vary(rng, 1.0, 0.12)
    s = 0.3 * size  # body length
    body = ellipsoid((s * 0.35, s * 0.5, s * 0.3), (0, 0, s * 0.42), 3)
    v = body.vertices
    v[:, 2] += np.clip(v[:, 1], 0, None) ** 2 * 2.2  # tail end sweeps up
    body.vertices = v
    neck = capsule((0, -s * 0.35, s * 0.55), (0, -s * 0.42, s * 0.85), s * 0.11, 8)
    head = ellipsoid((s * 0.14, s * 0.17, s * 0.14), (0, -s * 0.45, s * 0.92), 2)
    bill = superellipsoid((s * 0.07, s * 0.12, s * 0.03), (0, -s * 0.64, s * 0.89), 0.6, 2)
    legs, eyes = [], []
    for x in (-1, 1):
        legs.append(capsule((x * s * 0.1, 0, s * 0.22), (x * s * 0.1, -s * 0.02, s * 0.02), s * 0.025, 6))
        legs.append(superellipsoid((s * 0.07, s * 0.09, s * 0.012), (x * s * 0.1, -s * 0.08, s * 0.012), 0.6, 1))
        eyes.append(ellipsoid((s * 0.025,) * 3, (x * s * 0.11, -s * 0.53, s * 0.96), 1))
    color = jitter(rng, pick(rng, ((0.95, 0.93, 0.88), (0.5, 0.4, 0.28), (0.95, 0.85, 0.15))), 0.04)
    orange = (0.95, 0.55, 0.1)
    parts = [part("duck", [body, neck, head], "fur", color),
             part("bill_and_feet", [bill] + legs, "plastic", orange, role="detail"),
             part("eyes", eyes, "plastic", EYE, role="detail", roughness=0.1)]
    return make_asset(parts, description="a duck standing on webbed feet")


# songbirds and pigeons: (body, wings, breast) colours
BIRD_COATS = (
    ((0.55, 0.57, 0.62), (0.42, 0.44, 0.5), (0.5, 0.45, 0.55)),  # pigeon
    ((0.5, 0.36, 0.24), (0.38, 0.26, 0.16), (0.75, 0.65, 0.52)),  # sparrow
    ((0.32, 0.3, 0.28), (0.25, 0.23, 0.22), (0.9, 0.45, 0.15)),  # robin
    ((0.2, 0.4, 0.8), (0.12, 0.25, 0.6), (0.85, 0.87, 0.9)),  # blue jay
    ((0.95, 0.85, 0.15), (0.2, 0.2, 0.2), (0.95, 0.85, 0.15)),  # goldfinch
)


@category("bird", size=((0.1, 0.35), (0.12, 0.45)), group="animal", placement="floor",
          synonyms=("songbird", "pigeon", "dove", "sparrow", "robin", "finch", "seagull", "gull", "parrot", "crow"))
def bird(rng: np.random.Generator) -> Asset:
    s = vary(rng, 0.22, 0.25)  # beak to tail
    body_c = np.array([0.0, 0.0, s * 0.42])
    body = ellipsoid((s * 0.2, s * 0.33, s * 0.21), body_c, 3)
    rotate(body, -0.35, (1, 0, 0), body_c)  # chest up, tail down
    head_c = body_c + (0, -s * 0.28, s * 0.25)
    head = ellipsoid((s * 0.13, s * 0.14, s * 0.13), head_c, 2)
    wings = []
    for x in (-1, 1):
        wing = ellipsoid((s * 0.05, s * 0.3, s * 0.14), body_c + (x * s * 0.17, s * 0.08, s * 0.04), 2)
        rotate(wing, -0.4, (1, 0, 0), body_c)
        wings.append(wing)
    tail_root = body_c + (0, s * 0.28, -s * 0.02)
    wings.append(hull([tail_root + (-s * 0.05, 0, s * 0.02), tail_root + (s * 0.05, 0, s * 0.02),
                       tail_root + (-s * 0.1, s * 0.32, -s * 0.06), tail_root + (s * 0.1, s * 0.32, -s * 0.06),
                       tail_root + (0, s * 0.3, -s * 0.04)]))
    breast = ellipsoid((s * 0.15, s * 0.12, s * 0.16), body_c + (0, -s * 0.16, s * 0.02), 2)
    beak = cone(s * 0.035, s * 0.12, (0, 0, 0), 10)
    rotate(beak, np.pi / 2, (1, 0, 0))  # point toward -Y
    beak.apply_translation(head_c + (0, -s * 0.12, -s * 0.01))
    legs, eyes = [], []
    for x in (-1, 1):
        hip = body_c + (x * s * 0.07, s * 0.02, -s * 0.15)
        legs.append(rod((hip[0], hip[1], 0.004), hip, s * 0.012, 6))
        for toe in (-0.5, 0.0, 0.5):
            legs.append(rod((hip[0], hip[1], 0.004), (hip[0] + toe * s * 0.06, hip[1] - s * 0.08, 0.004), s * 0.008, 5))
        eyes.append(ellipsoid((s * 0.025,) * 3, head_c + (x * s * 0.1, -s * 0.06, s * 0.03), 1))
    body_col, wing_col, breast_col = (jitter(rng, c, 0.03) for c in pick(rng, BIRD_COATS))
    parts = [part("bird", [body, head], "fur", body_col),
             part("wings_and_tail", wings, "fur", wing_col),
             part("breast", breast, "fur", breast_col, role="detail"),
             part("beak_and_legs", [beak] + legs, "plastic", (0.85, 0.6, 0.3), role="detail"),
             part("eyes", eyes, "plastic", EYE, role="detail", roughness=0.1)]
    return make_asset(parts, description="a small bird standing on two thin legs")


@category("teddy_bear", size=((0.2, 0.4), (0.18, 0.3)), group="animal", placement="surface",
          synonyms=("teddy", "teddy bear", "stuffed animal", "plush toy", "toy bear", "stuffed bear"))
def teddy_bear(rng: np.random.Generator) -> Asset:
    s = vary(rng, 0.3, 0.15)  # sitting height
    body = ellipsoid((s * 0.3, s * 0.25, s * 0.36), (0, 0, s * 0.36), 3)
    head_c = np.array([0.0, -s * 0.03, s * 0.84])
    head = ellipsoid((s * 0.22, s * 0.2, s * 0.2), head_c, 3)
    muzzle = ellipsoid((s * 0.09, s * 0.08, s * 0.07), head_c + (0, -s * 0.17, -s * 0.05), 2)
    ears = [ellipsoid((s * 0.08, s * 0.04, s * 0.08), head_c + (x * s * 0.17, 0, s * 0.16), 2) for x in (-1, 1)]
    arms = [capsule((x * s * 0.26, -s * 0.02, s * 0.55), (x * s * 0.33, -s * 0.15, s * 0.3), s * 0.08, 8) for x in (-1, 1)]
    legs = [capsule((x * s * 0.15, -s * 0.05, s * 0.1), (x * s * 0.2, -s * 0.42, s * 0.09), s * 0.09, 8) for x in (-1, 1)]
    black = [ellipsoid((s * 0.035, s * 0.025, s * 0.025), head_c + (0, -s * 0.25, -s * 0.02), 1)]
    black += [ellipsoid((s * 0.025,) * 3, head_c + (x * s * 0.08, -s * 0.17, s * 0.06), 1) for x in (-1, 1)]
    pads = [ellipsoid((s * 0.06, s * 0.015, s * 0.06), (x * s * 0.2, -s * 0.51, s * 0.09), 2) for x in (-1, 1)]
    color = jitter(rng, pick(rng, ((0.6, 0.4, 0.22), (0.75, 0.58, 0.38), (0.9, 0.85, 0.78))), 0.04)
    parts = [part("teddy_bear", [body, head, *ears, *arms, *legs], "fur", color),
             part("muzzle_and_pads", [muzzle, *pads], "fabric", (0.9, 0.8, 0.65), role="detail"),
             part("eyes_nose", black, "plastic", EYE, role="detail", roughness=0.1)]
    return make_asset(parts, description="a sitting teddy bear")
