"""Farm and wild animals, head toward -Y: sheep, cow, elephant, bear, zebra and giraffe.

They share the quadruped of animals.py and differ in proportions and coats: a zebra's stripes, a
giraffe's patches and a cow's spots are sheets of the body's own faces lifted a few millimetres
(skin_patches), so they follow the body at any view and stay separate detail parts.
"""
from __future__ import annotations

import numpy as np
from scipy.spatial import cKDTree

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.animals import EYE, QuadrupedShape, limb, quadruped
from fyi.assets.procedural.shapes import (capsule, ellipsoid, fine, jitter, make_asset, merge, part, pick, rotate,
                                          skin_patches, superellipsoid, tube, vary)

HOOF = (0.08, 0.07, 0.06)
HORN = (0.85, 0.8, 0.68)


def _cell_patches(mesh, rng: np.random.Generator, cells: int, gap: float, share: float, lift: float):
    """Irregular patches on a mesh: Voronoi cells around random surface points, a `share` of them kept,
    each shrunk by `gap` from its neighbours (giraffe patches with gap > 0, cow spots with share < 1)."""
    centres = mesh.triangles_center
    seeds = centres[rng.choice(len(centres), size=min(cells, len(centres)), replace=False)]
    dist, idx = cKDTree(seeds).query(centres, k=2)
    kept_cells = rng.random(len(seeds)) < share
    keep = kept_cells[idx[:, 0]] & ((dist[:, 1] - dist[:, 0]) > gap)
    return skin_patches(mesh, keep, lift)


@category("sheep", size=((0.7, 1.1), (1.0, 1.6)), group="animal", placement="floor", synonyms=("lamb", "ewe", "ram"))
def sheep(rng: np.random.Generator) -> Asset:
    size = vary(rng, 1.0, 0.1)
    shape = QuadrupedShape(shoulder_h=0.8 * size, body_len=0.75 * size, body_r=0.26 * size, leg_r=0.035 * size,
                           neck_len=0.22 * size, neck_angle=np.radians(vary(rng, 35, 0.15)), head_r=0.09 * size,
                           snout_len=0.1 * size, ears="side", tail="stub")
    q = quadruped(shape)
    zb = q.anchors["zb"][2]
    # the fleece: a cloud of overlapping lumps over the body
    wool = [superellipsoid((shape.body_r * 0.95, shape.body_len / 2 + shape.body_r * 0.55, shape.body_r * 1.02),
                           (0, 0, zb), 0.8, 3)]
    for _ in range(26):
        u, v = rng.uniform(0, 2 * np.pi), rng.uniform(-0.9, 0.9)
        centre = np.array([np.cos(u) * shape.body_r * 0.8, v * (shape.body_len / 2 + shape.body_r * 0.3),
                           zb + np.sin(u) * shape.body_r * 0.8])
        if centre[2] < zb - shape.body_r * 0.5:
            centre[2] = zb - shape.body_r * 0.5
        wool.append(ellipsoid((shape.body_r * 0.35,) * 3, centre, 1))
    wool.append(ellipsoid((shape.head_r * 0.9, shape.head_r * 0.8, shape.head_r * 0.7),
                          q.anchors["head"] + (0, shape.head_r * 0.3, shape.head_r * 0.6), 2))  # the topknot
    face_col = pick(rng, ((0.12, 0.1, 0.09), (0.85, 0.8, 0.72), (0.35, 0.28, 0.22)))
    fleece = jitter(rng, pick(rng, ((0.93, 0.91, 0.85), (0.9, 0.86, 0.76), (0.82, 0.8, 0.76))), 0.03)
    parts = [part("fleece", wool + q.tail, "fur", fleece),
             part("face_and_legs", [*q.legs, q.neck, *q.head, *q.ears], "fur", face_col, role="detail"),
             part("eyes_nose", q.black, "plastic", EYE, role="detail", roughness=0.1)]
    return make_asset(parts, description="a woolly sheep standing on four thin legs")


@category("cow", size=((1.3, 1.9), (2.0, 2.8)), group="animal", placement="floor", synonyms=("cattle", "bull", "calf", "ox", "dairy cow"))
def cow(rng: np.random.Generator) -> Asset:
    size = vary(rng, 1.0, 0.08)
    shape = QuadrupedShape(shoulder_h=1.4 * size, body_len=1.45 * size, body_r=0.38 * size, leg_r=0.07 * size,
                           neck_len=0.38 * size, neck_angle=np.radians(vary(rng, 25, 0.2)), head_r=0.17 * size,
                           snout_len=0.24 * size, ears="side", tail="hanging", neck_r=0.2 * size, body_detail=4)
    q = quadruped(shape)
    head = q.anchors["head"]
    horns = []
    for x in (-1, 1):
        base = head + (x * shape.head_r * 0.6, shape.head_r * 0.2, shape.head_r * 0.8)
        horns.append(tube([base, base + (x * 0.1 * size, 0, 0.05 * size), base + (x * 0.13 * size, -0.04 * size,
                                                                                    0.13 * size)],
                          [0.03 * size, 0.022 * size, 0.008 * size], 8))
    udder = ellipsoid((0.13 * size, 0.14 * size, 0.1 * size), (0, shape.body_len * 0.35, q.anchors["zb"][2] -
                                                                 shape.body_r * 0.9), 2)
    muzzle = ellipsoid((shape.head_r * 0.55, shape.head_r * 0.4, shape.head_r * 0.45),
                       q.anchors["snout"] + (0, -shape.snout_len * 0.4, 0), 2)
    coat = pick(rng, ("holstein", "holstein", "brown", "highland"))
    base_col = {"holstein": (0.93, 0.92, 0.88), "brown": (0.5, 0.3, 0.16), "highland": (0.62, 0.36, 0.18)}[coat]
    parts = [part("cow", q.fur, "fur", jitter(rng, base_col, 0.03))]
    if coat == "holstein":
        coat_mesh = merge([q.body, q.neck, *q.head[:1]])
        parts.append(part("spots", _cell_patches(coat_mesh, rng, 22, 0.0, 0.45, 0.006 * size), "fur",
                          (0.06, 0.05, 0.05), role="detail"))
    parts += [part("horns", horns, "ceramic", HORN, role="detail"),
              part("udder_and_muzzle", [udder, muzzle], "fur", (0.88, 0.62, 0.6), role="detail"),
              part("eyes_nose", q.black, "plastic", EYE, role="detail", roughness=0.1)]
    return make_asset(parts, description="a cow with horns and a hanging tail")


@category("elephant", size=((2.4, 4.0), (3.5, 6.5)), group="animal", placement="floor", synonyms=("elephants", "calf elephant", "african elephant",
                                                                  "indian elephant"))
def elephant(rng: np.random.Generator) -> Asset:
    s = vary(rng, 1.0, 0.12)  # ~2.9 m at the shoulder
    body_c = np.array([0.0, 0.0, 1.95 * s])
    body = superellipsoid((0.8 * s, 1.35 * s, 0.85 * s), body_c, 0.85, 3)
    legs = []
    for x in (-1, 1):
        for y in (-1, 1):
            foot = np.array([x * 0.45 * s, y * 0.8 * s, 0.0])
            legs.append(limb(foot, foot + (0, 0, 1.75 * s), [0.27 * s, 0.25 * s, 0.3 * s], rings=6, sections=16))
    head_c = body_c + (0, -1.45 * s, 0.35 * s)
    head = ellipsoid((0.55 * s, 0.55 * s, 0.6 * s), head_c, 3)
    trunk_path = [head_c + (0, -0.4 * s, -0.1 * s), head_c + (0, -0.65 * s, -0.7 * s),
                  head_c + (0, -0.7 * s, -1.4 * s), head_c + (0, -0.62 * s, -1.85 * s),
                  head_c + (0, -0.78 * s, -2.05 * s)]
    trunk = tube(trunk_path, [0.2 * s, 0.16 * s, 0.12 * s, 0.09 * s, 0.07 * s], 14)
    ears = []
    for x in (-1, 1):
        ear = ellipsoid((0.08 * s, 0.55 * s, 0.7 * s), head_c + (x * 0.62 * s, 0.2 * s, -0.05 * s), 2)
        rotate(ear, x * np.radians(60), (0, 0, 1), head_c + (x * 0.5 * s, 0.1 * s, 0))
        ears.append(ear)
    tail = tube([body_c + (0, 1.55 * s, 0.3 * s), body_c + (0, 1.7 * s, -0.2 * s), body_c + (0, 1.72 * s, -0.8 * s)],
                [0.05 * s, 0.035 * s, 0.03 * s], 8)
    tusks = [tube([head_c + (x * 0.22 * s, -0.45 * s, -0.35 * s), head_c + (x * 0.26 * s, -0.75 * s, -0.65 * s),
                   head_c + (x * 0.22 * s, -1.05 * s, -0.55 * s)], [0.07 * s, 0.05 * s, 0.015 * s], 10)
             for x in (-1, 1)] if rng.random() < 0.7 else []
    eyes = [ellipsoid((0.04 * s,) * 3, head_c + (x * 0.42 * s, -0.32 * s, 0.12 * s), 1) for x in (-1, 1)]
    color = jitter(rng, pick(rng, ((0.5, 0.48, 0.46), (0.42, 0.4, 0.39), (0.52, 0.5, 0.48))), 0.02)
    parts = [part("elephant", [body, *legs, head, trunk, *ears, tail], "leather", color, roughness=0.8),
             part("eyes", eyes, "plastic", EYE, role="detail", roughness=0.1)]
    if tusks:
        parts.append(part("tusks", tusks, "ceramic", (0.93, 0.9, 0.8), role="detail"))
    return make_asset(parts, description="an elephant with big ears, a long trunk and tusks")


@category("bear", size=((0.9, 1.5), (1.4, 2.5)), group="animal", placement="floor",
          synonyms=("brown bear", "grizzly", "grizzly bear", "black bear", "polar bear", "wild bear"))
def bear(rng: np.random.Generator) -> Asset:
    size = vary(rng, 1.0, 0.12)
    shape = QuadrupedShape(shoulder_h=1.05 * size, body_len=0.95 * size, body_r=0.36 * size, leg_r=0.1 * size,
                           neck_len=0.3 * size, neck_angle=np.radians(vary(rng, 15, 0.3)), head_r=0.19 * size,
                           snout_len=0.16 * size, ears="round", tail="stub", neck_r=0.2 * size)
    q = quadruped(shape)
    hump = ellipsoid((0.25 * size, 0.3 * size, 0.18 * size), q.anchors["neck_base"] + (0, 0.2 * size, 0.12 * size), 2)
    paws = [ellipsoid((shape.leg_r * 1.3, shape.leg_r * 1.6, shape.leg_r * 0.6),
                      (x * shape.body_r * 0.5, y * (shape.body_len / 2 - shape.leg_r) - shape.leg_r * 0.4,
                       shape.leg_r * 0.5), 2) for x in (-1, 1) for y in (-1, 1)]
    coat = jitter(rng, pick(rng, ((0.36, 0.22, 0.12), (0.3, 0.18, 0.1), (0.1, 0.08, 0.07), (0.92, 0.9, 0.82))), 0.03)
    muzzle_col = (0.55, 0.42, 0.3) if coat[0] < 0.8 else (0.85, 0.82, 0.74)
    muzzle = ellipsoid((shape.head_r * 0.45, shape.snout_len * 0.5, shape.head_r * 0.38),
                       q.anchors["snout"] + (0, -shape.snout_len * 0.1, 0), 2)
    parts = [part("bear", q.fur + [hump] + paws, "fur", coat),
             part("muzzle", muzzle, "fur", muzzle_col, role="detail"),
             part("eyes_nose", q.black, "plastic", EYE, role="detail", roughness=0.1)]
    return make_asset(parts, description="a heavy bear on four thick legs")


@category("zebra", size=((1.5, 2.1), (1.8, 2.6)), group="animal", placement="floor", synonyms=("zebras",))
def zebra(rng: np.random.Generator) -> Asset:
    size = vary(rng, 1.0, 0.08)
    shape = QuadrupedShape(shoulder_h=1.35 * size, body_len=1.0 * size, body_r=0.28 * size, leg_r=0.05 * size,
                           neck_len=0.62 * size, neck_angle=np.radians(vary(rng, 50, 0.1)), head_r=0.12 * size,
                           snout_len=0.32 * size, ears="upright", tail="hanging", neck_r=0.11 * size, body_detail=4)
    q = quadruped(shape)
    zb = q.anchors["zb"][2]
    period = vary(rng, 0.17, 0.1) * size
    stripes = []
    lift = 0.005 * size
    # the body and neck: bands across the length, leaning back like a real zebra's
    for mesh in [q.body, fine(q.neck, 0.05 * size), *(fine(h, 0.05 * size) for h in q.head)]:
        c = mesh.triangles_center
        field = c[:, 1] - 0.35 * (c[:, 2] - zb)
        belly = mesh.face_normals[:, 2] < -0.5  # a zebra's belly is pale
        stripes.append(skin_patches(mesh, (np.mod(field / period, 1.0) < 0.38) & ~belly, lift))
    for leg in q.legs:  # rings round the legs
        c = leg.triangles_center
        stripes.append(skin_patches(leg, np.mod(c[:, 2] / (period * 0.55), 1.0) < 0.3, lift))
    mane = capsule(q.anchors["neck_base"] + (0, 0.02, shape.body_r * 0.45),
                   q.anchors["head"] + (0, 0.08 * size, shape.head_r * 0.8), 0.035 * size, 8)
    hooves = [ellipsoid((shape.leg_r * 1.2, shape.leg_r * 1.2, 0.04 * size),
                        (x * shape.body_r * 0.5, y * (shape.body_len / 2 - shape.leg_r), 0.04 * size), 1)
              for x in (-1, 1) for y in (-1, 1)]
    parts = [part("zebra", q.fur, "fur", jitter(rng, (0.94, 0.93, 0.9), 0.02)),
             part("stripes", stripes, "fur", (0.04, 0.04, 0.04), role="detail"),
             part("mane_hooves", [mane, *hooves, *q.black], "fur", (0.05, 0.05, 0.05), role="detail")]
    return make_asset(parts, description="a zebra with black stripes over a white coat")


@category("giraffe", size=((3.5, 5.8), (2.0, 3.5)), group="animal", placement="floor", synonyms=("giraffes",))
def giraffe(rng: np.random.Generator) -> Asset:
    size = vary(rng, 1.0, 0.08)
    shape = QuadrupedShape(shoulder_h=2.5 * size, body_len=1.15 * size, body_r=0.38 * size, leg_r=0.065 * size,
                           neck_len=1.9 * size, neck_angle=np.radians(vary(rng, 68, 0.06)), head_r=0.13 * size,
                           snout_len=0.3 * size, ears="upright", tail="hanging", neck_r=0.1 * size, body_detail=4)
    q = quadruped(shape)
    head = q.anchors["head"]
    ossicones = [capsule(head + (x * 0.06 * size, 0.04 * size, 0.1 * size), head + (x * 0.08 * size, 0.06 * size,
                                                                                    0.27 * size), 0.022 * size, 6)
                 for x in (-1, 1)]
    mane = capsule(q.anchors["neck_base"] + (0, 0.05, shape.body_r * 0.5), head + (0, 0.12 * size, 0.05 * size),
                   0.03 * size, 8)
    coat_mesh = merge([q.body, fine(q.neck, 0.06 * size), *(fine(leg, 0.06 * size) for leg in q.legs)])
    spots = _cell_patches(coat_mesh, rng, int(170 * vary(rng, 1.0, 0.1)), 0.035 * size, 1.0, 0.006 * size)
    keep = spots.triangles_center[:, 2] > 0.7 * size  # pale lower legs
    spots = skin_patches(spots, keep, 0.0)
    parts = [part("giraffe", q.fur + ossicones, "fur", jitter(rng, (0.93, 0.82, 0.6), 0.03)),
             part("patches", spots, "fur", jitter(rng, (0.5, 0.27, 0.1), 0.03), role="detail"),
             part("mane_hooves", [mane, *q.black], "fur", (0.25, 0.15, 0.08), role="detail")]
    return make_asset(parts, description="a giraffe with a long neck, long legs and brown patches")
