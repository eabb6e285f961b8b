"""A standing person, facing -Y: head, hair, torso in a top, arms, legs in trousers, shoes.

The top (shirt, jacket or coat) is the body part, so "a person in red" dresses the figure in red.
"""
from __future__ import annotations

import numpy as np

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.animals import limb
from fyi.assets.procedural.shapes import capsule, ellipsoid, jitter, make_asset, part, pick, superellipsoid, vary

SKINS = ((0.96, 0.8, 0.68), (0.87, 0.68, 0.52), (0.7, 0.5, 0.36), (0.48, 0.32, 0.22), (0.32, 0.21, 0.15))
HAIRS = ((0.08, 0.06, 0.05), (0.3, 0.18, 0.1), (0.55, 0.38, 0.2), (0.85, 0.72, 0.45), (0.6, 0.6, 0.6))
TOPS = ((0.75, 0.1, 0.1), (0.15, 0.3, 0.65), (0.92, 0.92, 0.9), (0.2, 0.2, 0.22), (0.2, 0.5, 0.3), (0.95, 0.75, 0.2),
        (0.55, 0.35, 0.55))
TROUSERS = ((0.15, 0.22, 0.38), (0.12, 0.12, 0.13), (0.55, 0.48, 0.36), (0.35, 0.36, 0.38))
SHOES = ((0.08, 0.07, 0.07), (0.9, 0.9, 0.88), (0.35, 0.22, 0.12))


@category("person", size=((1.5, 2.0), (0.35, 0.7)), group="person", placement="floor",
          synonyms=("man", "woman", "people", "human", "pedestrian", "boy", "girl", "child", "kid", "adult",
                    "lady", "guy", "figure", "human figure", "standing person"))
def person(rng: np.random.Generator) -> Asset:
    h = vary(rng, 1.73, 0.06)  # 1.63-1.83 m
    build = vary(rng, 1.0, 0.1)
    hip_z, shoulder_z = h * 0.52, h * 0.815
    hip_w, shoulder_w = h * 0.09 * build, h * 0.12 * build
    head_c = np.array([0.0, 0.0, h * 0.93])
    head = ellipsoid((h * 0.052, h * 0.06, h * 0.068), head_c, 3)
    neck = capsule((0, 0, shoulder_z - 0.02), head_c - (0, 0, h * 0.05), h * 0.028, 8)
    coat = rng.random() < 0.3
    top_bottom = hip_z - (h * 0.17 if coat else h * 0.06)
    torso = superellipsoid((shoulder_w, h * 0.065 * build, (shoulder_z + 0.03 - top_bottom) / 2),
                           (0, 0, (shoulder_z + 0.03 + top_bottom) / 2), 0.55, 3)
    v = torso.vertices  # taper the waist toward the hips
    t = np.clip((v[:, 2] - top_bottom) / (shoulder_z - top_bottom), 0, 1)
    v[:, 0] *= 0.78 + 0.22 * np.clip(t * 1.6 - 0.4, 0, 1) if not coat else 0.9 + 0.1 * t
    torso.vertices = v
    arms, hands = [], []
    swing = rng.uniform(-0.08, 0.08)
    for x in (-1, 1):
        shoulder = np.array([x * (shoulder_w - h * 0.02), 0.0, shoulder_z - h * 0.02])
        elbow = shoulder + (x * h * 0.03, x * swing * h, -h * 0.17)
        wrist = elbow + (x * h * 0.01, -h * 0.03, -h * 0.15)
        arms.append(limb(shoulder, elbow, [h * 0.037, h * 0.033], rings=6))
        arms.append(limb(elbow, wrist, [h * 0.033, h * 0.029], rings=6))
        arms.append(ellipsoid((h * 0.033,) * 3, shoulder, 2))
        hands.append(ellipsoid((h * 0.02, h * 0.03, h * 0.05), wrist - (0, 0, h * 0.04), 2))
    legs, shoes = [], []
    stance = rng.uniform(0.0, 0.05)
    for x in (-1, 1):
        hip = np.array([x * hip_w * 0.55, 0.0, hip_z])
        knee = np.array([x * hip_w * 0.5, -x * stance * h * 0.5, h * 0.28])
        ankle = np.array([x * hip_w * 0.5, -x * stance * h, h * 0.05])
        legs.append(limb(hip, knee, [h * 0.05, h * 0.04], rings=6))
        legs.append(limb(knee, ankle, [h * 0.04, h * 0.03], rings=6))
        legs.append(ellipsoid((h * 0.045,) * 3, knee, 2))
        shoes.append(superellipsoid((h * 0.035, h * 0.07, h * 0.03), ankle + (0, -h * 0.03, -h * 0.02), 0.5, 2))
    hips = superellipsoid((hip_w * 1.1, h * 0.06, h * 0.05), (0, 0, hip_z), 0.6, 2)
    hair_style = pick(rng, ("short", "short", "long", "bald"))
    hair = []
    if hair_style != "bald":
        hair.append(ellipsoid((h * 0.056, h * 0.064, h * 0.05), head_c + (0, h * 0.008, h * 0.025), 3))
        if hair_style == "long":
            hair.append(superellipsoid((h * 0.058, h * 0.03, h * 0.09), head_c + (0, h * 0.035, -h * 0.04), 0.6, 2))
    eyes = [ellipsoid((h * 0.007,) * 3, head_c + (x * h * 0.02, -h * 0.055, h * 0.01), 1) for x in (-1, 1)]
    skin = jitter(rng, pick(rng, SKINS), 0.02)
    parts = [part("top", [torso, *arms], "fabric", jitter(rng, pick(rng, TOPS), 0.03)),
             part("trousers", [*legs, hips], "fabric", jitter(rng, pick(rng, TROUSERS), 0.03), role="detail"),
             part("skin", [head, neck, *hands], "fabric", skin, role="detail", roughness=0.6),
             part("shoes", shoes, "leather", pick(rng, SHOES), role="detail")]
    if hair:
        parts.append(part("hair", hair, "fur", jitter(rng, pick(rng, HAIRS), 0.02), role="detail"))
    parts.append(part("eyes", eyes, "plastic", (0.03, 0.03, 0.03), role="detail", roughness=0.1))
    return make_asset(parts, description=f"a standing person in a {'coat' if coat else 'top'} and trousers")
