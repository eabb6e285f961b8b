"""Animals built from capsules and ellipsoids, head toward -Y: dog, cat, horse, duck and a teddy bear.

Recognisable at 256 px comes from the silhouette: four legs under a long body, a neck, a head with a
snout and ears, and a tail; the proportions are what tell a dog from a cat from a horse.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.shapes import (capsule, cone, ellipsoid, jitter, make_asset, part, pick, rotate,
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
    ears: str  # "floppy", "pointy" or "upright"
    tail: str  # "wag" (up and curved), "long" (cat), "hanging" (horse)


def _quadruped(s: QuadrupedShape) -> tuple[list, list, dict]:
    """Fur meshes, black detail meshes (eyes, nose), and named anchor points for extras."""
    zb = s.shoulder_h - s.body_r  # body axis height
    half = s.body_len / 2
    fur = [superellipsoid((s.body_r * 0.85, half + s.body_r * 0.6, s.body_r), (0, 0, zb), 0.8, 3)]
    for x in (-1, 1):
        for y in (-1, 1):
            foot = np.array([x * s.body_r * 0.5, y * (half - s.leg_r), s.leg_r])
            fur.append(capsule(foot, (foot[0], foot[1] * 0.95, zb), s.leg_r, 8))
    neck_base = np.array([0.0, -half * 0.9, zb + s.body_r * 0.35])
    head_c = neck_base + s.neck_len * np.array([0.0, -np.cos(s.neck_angle), np.sin(s.neck_angle)])
    fur.append(capsule(neck_base, head_c, s.head_r * 0.7, 8))
    fur.append(ellipsoid((s.head_r * 0.9, s.head_r * 1.1, s.head_r), head_c, 2))
    snout_c = head_c + np.array([0.0, -s.head_r * 0.9 - s.snout_len * 0.4, -s.head_r * 0.3])
    snout_r = s.head_r * 0.5
    fur.append(ellipsoid((snout_r, s.snout_len / 2 + snout_r * 0.3, snout_r * 0.8), snout_c, 2))
    nose = snout_c + np.array([0.0, -s.snout_len / 2 - snout_r * 0.25, snout_r * 0.35])
    black = [ellipsoid((snout_r * 0.35, snout_r * 0.25, snout_r * 0.25), nose, 1)]
    for x in (-1, 1):
        eye = head_c + np.array([x * s.head_r * 0.45, -s.head_r * 0.85, s.head_r * 0.3])
        black.append(ellipsoid((s.head_r * 0.13,) * 3, eye, 1))
    for x in (-1, 1):
        ear_base = head_c + np.array([x * s.head_r * 0.55, s.head_r * 0.1, s.head_r * 0.75])
        if s.ears == "floppy":
            ear = ellipsoid((s.head_r * 0.12, s.head_r * 0.35, s.head_r * 0.6),
                            ear_base + (x * s.head_r * 0.35, 0, -s.head_r * 0.45), 2)
            rotate(ear, x * 0.25, (0, 1, 0), ear_base)
        else:
            tall = s.head_r * (0.7 if s.ears == "pointy" else 0.9)
            ear = cone(s.head_r * (0.35 if s.ears == "pointy" else 0.22), tall, ear_base - (0, 0, s.head_r * 0.15), 12)
            rotate(ear, x * 0.3, (0, 1, 0), ear_base)
        fur.append(ear)
    rump = np.array([0.0, half + s.body_r * 0.4, zb + s.body_r * 0.4])
    if s.tail == "wag":
        path = [rump, rump + (0, s.body_r * 0.8, s.body_r * 0.6), rump + (0, s.body_r * 1.2, s.body_r * 1.5)]
        fur.append(tube(path, [s.leg_r * 0.8, s.leg_r * 0.6, s.leg_r * 0.3], 8))
    elif s.tail == "long":
        path = [rump, rump + (0, s.body_r * 1.5, s.body_r * 0.2), rump + (0, s.body_r * 2.4, s.body_r * 1.2),
                rump + (0, s.body_r * 2.6, s.body_r * 2.6)]
        fur.append(tube(path, [s.leg_r * 0.7, s.leg_r * 0.65, s.leg_r * 0.6, s.leg_r * 0.5], 8))
    anchors = {"neck_base": neck_base, "head": head_c, "rump": rump, "zb": np.array([0, 0, zb])}
    return fur, black, anchors


@category("dog", group="animals", placement="floor", synonyms=("puppy", "doggy", "hound", "labrador", "retriever"))
def dog(rng: np.random.Generator) -> Asset:
    size = vary(rng, 1.0, 0.15)
    shape = QuadrupedShape(shoulder_h=0.5 * size, body_len=0.5 * size * vary(rng, 1.0, 0.08), body_r=0.13 * size,
                           leg_r=0.035 * size, neck_len=0.2 * size, neck_angle=np.radians(vary(rng, 50, 0.1)),
                           head_r=0.085 * size, snout_len=0.09 * size, ears=pick(rng, ("floppy", "floppy", "upright")),
                           tail="wag")
    fur, black, _ = _quadruped(shape)
    color = jitter(rng, pick(rng, ((0.55, 0.35, 0.18), (0.85, 0.65, 0.35), (0.12, 0.1, 0.09), (0.9, 0.88, 0.82),
                                   (0.45, 0.42, 0.4))), 0.04)
    return make_asset([part("dog", fur, "fur", color), part("eyes_nose", black, "plastic", EYE, role="detail",
                                                            roughness=0.1)],
                      description="a dog standing on four legs")


@category("cat", group="animals", placement="floor", synonyms=("kitten", "kitty", "house cat"))
def cat(rng: np.random.Generator) -> Asset:
    size = vary(rng, 1.0, 0.12)
    shape = QuadrupedShape(shoulder_h=0.26 * size, body_len=0.3 * size, body_r=0.075 * size, leg_r=0.018 * size,
                           neck_len=0.08 * size, neck_angle=np.radians(vary(rng, 55, 0.1)), head_r=0.055 * size,
                           snout_len=0.02 * size, ears="pointy", tail="long")
    fur, black, _ = _quadruped(shape)
    color = jitter(rng, pick(rng, ((0.9, 0.55, 0.2), (0.15, 0.14, 0.14), (0.55, 0.53, 0.5), (0.92, 0.9, 0.86))), 0.04)
    return make_asset([part("cat", fur, "fur", color), part("eyes_nose", black, "plastic", EYE, role="detail",
                                                            roughness=0.1)],
                      description="a cat standing with its tail up")


@category("horse", group="animals", placement="floor", synonyms=("pony", "stallion", "mare"))
def horse(rng: np.random.Generator) -> Asset:
    size = vary(rng, 1.0, 0.1)
    shape = QuadrupedShape(shoulder_h=1.55 * size, body_len=1.1 * size, body_r=0.3 * size, leg_r=0.055 * size,
                           neck_len=0.75 * size, neck_angle=np.radians(vary(rng, 55, 0.08)), head_r=0.13 * size,
                           snout_len=0.35 * size, ears="upright", tail="none")
    fur, black, a = _quadruped(shape)
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


@category("duck", group="animals", placement="floor", synonyms=("bird", "goose", "mallard", "duckling", "rubber duck"))
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


@category("teddy_bear", group="animals", placement="surface",
          synonyms=("teddy", "teddy bear", "stuffed animal", "plush toy", "bear", "toy bear", "stuffed bear"))
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
