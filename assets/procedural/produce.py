"""Fruit and vegetables at real size, lying as they lie on a counter (long ones along X).

Each is the thing itself (a tomato, a head of lettuce); things as small as a blueberry or a green
bean come as the little heap or handful a person puts on a table, since one alone is a speck. The
body part is the skin a colour word would name ("a yellow pepper"); stems, leaves, seeds and cut
flesh are details.
"""
from __future__ import annotations

import numpy as np
import trimesh

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.food import STEM, _fruit_profile
from fyi.assets.procedural.shapes import (cylinder, ellipsoid, fine, hull, jitter, lathe, make_asset, merge,
                                          part, pick, rod, rotate, skin_patches, tube, vary)


def _radial(mesh: trimesh.Trimesh, bump, axis: int = 2) -> trimesh.Trimesh:
    """Push every vertex away from the `axis` line by a factor `bump(angle, along)` (lobes, ribs, lumps)."""
    v = np.asarray(mesh.vertices).copy()
    a, b = [k for k in range(3) if k != axis]
    angle = np.arctan2(v[:, b], v[:, a])
    factor = bump(angle, v[:, axis])
    v[:, a] *= factor
    v[:, b] *= factor
    return trimesh.Trimesh(vertices=v, faces=mesh.faces, process=False)


def _lumpy(mesh: trimesh.Trimesh, rng: np.random.Generator, amount: float, blobs: int = 6) -> trimesh.Trimesh:
    """Smooth random lumps (a potato's, a pickle's): a few Gaussian bulges around the centre."""
    v = np.asarray(mesh.vertices).copy()
    centre = v.mean(axis=0)
    span = (v.max(axis=0) - v.min(axis=0)) / 2
    d = v - centre
    scale = np.ones(len(v))
    for _ in range(blobs):
        direction = rng.normal(size=3)
        direction /= np.linalg.norm(direction)
        near = (d / span) @ direction / np.maximum(np.linalg.norm(d / span, axis=1), 1e-9)
        scale += rng.uniform(-amount, amount) * np.exp(-((1 - near) / 0.25) ** 2)
    return trimesh.Trimesh(vertices=centre + d * scale[:, None], faces=mesh.faces, process=False)


def _calyx(z: float, radius: float, count: int, rng: np.random.Generator, droop: float = 0.3) -> list[trimesh.Trimesh]:
    """A star of thin pointed sepals on top of a fruit (tomato, strawberry)."""
    leaves = []
    for k in range(count):
        a = 2 * np.pi * k / count + rng.uniform(-0.2, 0.2)
        tip = (np.cos(a) * radius, np.sin(a) * radius, z - radius * droop)
        side = np.array([-np.sin(a), np.cos(a), 0.0]) * radius * 0.18
        leaves.append(hull([(0, 0, z + 0.002), (0, 0, z + 0.004), tip, (tip[0], tip[1], tip[2] + 0.0015),
                            np.array([np.cos(a), np.sin(a), 0]) * radius * 0.4 + side + (0, 0, z),
                            np.array([np.cos(a), np.sin(a), 0]) * radius * 0.4 - side + (0, 0, z)]))
    return leaves


@category("tomato", size=((0.04, 0.09), (0.05, 0.1)), group="food", placement="surface",
          synonyms=("tomatoes", "beefsteak tomato", "vine tomato", "plum tomato"))
def tomato(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.036, 0.12)
    h = r * vary(rng, 1.55, 0.06)
    body = lathe(_fruit_profile(r, h, 0.008, 0.003, steps=18), 32)
    lobes = int(rng.integers(4, 7))
    body = _radial(body, lambda a, z: 1 + 0.035 * np.cos(lobes * a) * np.sin(np.pi * z / h))
    leaves = _calyx(h - 0.006, r * 0.45, 5, rng)
    stem = rod((0, 0, h - 0.006), (0.002, 0, h + 0.012), 0.0025, 6)
    colour = jitter(rng, pick(rng, ((0.85, 0.12, 0.06), (0.85, 0.12, 0.06), (0.92, 0.35, 0.05))), 0.03)
    return make_asset([part("tomato", body, "food", colour, roughness=0.2),
                       part("calyx", [*leaves, stem], "foliage", (0.2, 0.45, 0.12), role="detail")],
                      description="a ripe tomato with its green calyx")


@category("potato", size=((0.03, 0.075), (0.06, 0.14)), group="food", placement="surface",
          synonyms=("spud", "baking potato", "jacket potato", "tater"))
def potato(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.095, 0.2)
    body = ellipsoid((length / 2, length * vary(rng, 0.32, 0.1), length * 0.26), (0, 0, 0), 3)
    body = _lumpy(body, rng, 0.09, 7)
    lo = body.bounds[0][2]
    body.apply_translation((0, 0, -lo))
    # eyes: small dark dents over the skin
    verts = np.asarray(body.vertices)
    picks = rng.choice(len(verts), 6, replace=False)
    normals = np.asarray(body.vertex_normals)
    eyes = [ellipsoid((0.003, 0.003, 0.003), verts[i] - normals[i] * 0.0015, 1) for i in picks
            if verts[i][2] > 0.008]
    colour = jitter(rng, pick(rng, ((0.72, 0.55, 0.33), (0.6, 0.42, 0.25), (0.62, 0.25, 0.2))), 0.03)
    parts = [part("potato", body, "food", colour, roughness=0.85)]
    if eyes:
        parts.append(part("eyes", eyes, "food", (0.35, 0.25, 0.15), role="detail"))
    return make_asset(parts, description="a potato")


@category("onion", size=((0.06, 0.12), (0.055, 0.1)), group="food", placement="surface",
          synonyms=("onions", "onion bulb", "shallot", "yellow onion", "brown onion"))
def onion(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.038, 0.12)
    bulb_h = r * 1.8
    u = np.linspace(0.0, 1.0, 18)
    # a round bulb that draws up into a papery neck
    outer = [(r * np.sin(np.pi * min(t * 1.15, 1.0)) ** 0.8 if t < 0.87 else r * 0.12 * (1 - t) / 0.13 + 0.003,
              bulb_h * t + (0.018 * (t - 0.87) / 0.13 if t > 0.87 else 0.0)) for t in u]
    outer[0] = (0.004, 0.0)
    body = lathe([(0.0, 0.0)] + outer + [(0.0, outer[-1][1])], 28)
    body = _radial(body, lambda a, z: 1 + 0.012 * np.cos(14 * a))
    roots = [tube([(0, 0, 0.002), (np.cos(a) * 0.008, np.sin(a) * 0.008, -0.001), (np.cos(a) * 0.013, np.sin(a) * 0.013, 0.0)],
                  0.0008, 4) for a in np.linspace(0, 2 * np.pi, 7, endpoint=False)]
    for root in roots:
        root.apply_translation((0, 0, 0.001))
    colour = jitter(rng, pick(rng, ((0.78, 0.52, 0.22), (0.78, 0.52, 0.22), (0.5, 0.15, 0.3), (0.93, 0.9, 0.82))), 0.03)
    return make_asset([part("onion", body, "food", colour, roughness=0.5),
                       part("roots", roots, "food", (0.85, 0.8, 0.65), role="detail")],
                      description="an onion with a papery neck and roots")


@category("strawberry", size=((0.02, 0.05), (0.025, 0.065)), group="food", placement="surface",
          synonyms=("strawberries", "strawberrys"))
def strawberry(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.015, 0.15)
    length = r * vary(rng, 2.3, 0.08)
    # a heart-shaped solid along +Z: the broad shoulders at the top, the tip at z = 0
    u = np.linspace(0.0, 1.0, 14)
    outer = [(r * (np.sin(np.pi / 2 * t) ** 0.9) * (1 - 0.25 * max(t - 0.8, 0) / 0.2) + 0.001, length * t) for t in u]
    body = lathe([(0.0, 0.0)] + outer[1:] + [(0.0, length)], 24)
    leaves = _calyx(length, r * 0.8, 6, rng, droop=0.1)
    stem = rod((0, 0, length), (0, 0.002, length + 0.01), 0.0012, 6)
    # seeds: small yellow specks over the skin
    verts, normals = np.asarray(body.vertices), np.asarray(body.vertex_normals)
    spots = [i for i in rng.permutation(len(verts)) if 0.003 < verts[i][2] < length * 0.9][:40]
    seeds = [ellipsoid((0.0008, 0.0008, 0.0008), verts[i] + normals[i] * 0.0002, 0) for i in spots]
    meshes = {"body": body, "leaves": merge(leaves + [stem]), "seeds": merge(seeds)}
    for m in meshes.values():  # lay it on its side, tip toward +X
        rotate(m, np.pi / 2 + 0.15, (0, 1, 0))
    colour = jitter(rng, (0.85, 0.08, 0.1), 0.03)
    return make_asset([part("strawberry", meshes["body"], "food", colour, roughness=0.25),
                       part("calyx", meshes["leaves"], "foliage", (0.2, 0.5, 0.15), role="detail"),
                       part("seeds", meshes["seeds"], "food", (0.95, 0.85, 0.35), role="detail")],
                      description="a strawberry lying on its side")


@category("grape", size=((0.04, 0.11), (0.1, 0.25)), group="food", placement="surface",
          synonyms=("grapes", "grape bunch", "grape cluster"))
def grape(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.16, 0.15)  # a bunch lying along X, stem at -X
    berry = vary(rng, 0.0095, 0.1)
    berries = []
    for _ in range(int(rng.integers(34, 46))):
        t = rng.uniform(0.05, 1.0)
        spread = length * 0.3 * (1 - t) ** 0.6 + berry
        a = rng.uniform(0, np.pi)
        d = spread * np.sqrt(rng.uniform(0, 1))
        c = (-length / 2 + length * t, d * np.cos(a), berry + d * np.sin(a) * 0.6)
        b = ellipsoid((berry * 1.1, berry, berry), c, 1)
        berries.append(b)
    stem = tube([(-length / 2 - 0.025, 0, berry * 1.8), (-length / 2 + 0.01, 0, berry * 1.6), (length * 0.2, 0, berry * 1.2)],
                0.0022, 6)
    colour = jitter(rng, pick(rng, ((0.35, 0.12, 0.3), (0.55, 0.72, 0.25), (0.5, 0.1, 0.15))), 0.03)
    return make_asset([part("grape", berries, "food", colour, roughness=0.25),
                       part("stem", stem, "wood", STEM, role="detail")],
                      description="a bunch of grapes")


@category("watermelon", size=((0.16, 0.32), (0.22, 0.45)), group="food", placement="surface",
          synonyms=("watermelons", "water melon"))
def watermelon(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.34, 0.15)
    r = length / 2 * vary(rng, 0.75, 0.1)
    body = fine(ellipsoid((length / 2, r, r * 0.95), (0, 0, r * 0.95), 3), 0.03)
    centres = body.triangles_center - (0, 0, r * 0.95)
    angle = np.arctan2(centres[:, 2], centres[:, 1])
    wobble = 0.25 * np.sin(centres[:, 0] * 40 + rng.uniform(0, 6))
    stripes = skin_patches(body, np.sin(9 * angle + wobble) > 0.3, 0.0015)
    rind = jitter(rng, (0.5, 0.7, 0.3), 0.03)
    return make_asset([part("watermelon", body, "food", rind, roughness=0.3),
                       part("stripes", stripes, "food", jitter(rng, (0.1, 0.3, 0.1), 0.02), role="detail", roughness=0.3)],
                      description="a whole striped watermelon")


@category("pineapple", size=((0.22, 0.45), (0.1, 0.2)), group="food", placement="surface",
          synonyms=("pineapples", "ananas"))
def pineapple(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.065, 0.12)
    h = r * vary(rng, 3.0, 0.08)
    body = fine(ellipsoid((r, r, h / 2), (0, 0, h / 2), 3), 0.012)
    c = body.triangles_center
    a = np.arctan2(c[:, 1], c[:, 0])
    # a diamond lattice: two families of spirals cross; the grooves between the scales are darker
    u, v = a * 8 / np.pi + c[:, 2] / 0.02, a * 8 / np.pi - c[:, 2] / 0.02
    grooves = skin_patches(body, (np.abs(np.sin(u * np.pi / 2)) < 0.18) | (np.abs(np.sin(v * np.pi / 2)) < 0.18), 0.001)
    leaves = []
    for k in range(int(rng.integers(12, 17))):
        ang = rng.uniform(0, 2 * np.pi)
        tilt = rng.uniform(0.15, 0.7)
        length = vary(rng, h * 0.45, 0.25) * (1.2 - tilt * 0.5)
        base = np.array([np.cos(ang) * 0.01, np.sin(ang) * 0.01, h - 0.01])
        tip = base + length * np.array([np.cos(ang) * np.sin(tilt), np.sin(ang) * np.sin(tilt), np.cos(tilt)])
        side = np.array([-np.sin(ang), np.cos(ang), 0.0]) * 0.009
        leaves.append(hull([base + side, base - side, base + (0, 0, 0.003), tip, tip + (0, 0, 0.002)]))
    return make_asset([part("pineapple", body, "food", jitter(rng, (0.78, 0.56, 0.18), 0.04), roughness=0.6),
                       part("scales", grooves, "food", (0.42, 0.3, 0.1), role="detail"),
                       part("crown", leaves, "foliage", jitter(rng, (0.22, 0.45, 0.2), 0.03), role="detail")],
                      description="a pineapple with its crown of stiff leaves")


@category("cucumber", size=((0.03, 0.065), (0.15, 0.36)), group="food", placement="surface",
          synonyms=("cucumbers", "cuke", "english cucumber"))
def cucumber(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.25, 0.2)
    r = vary(rng, 0.022, 0.12)
    x = np.linspace(-length / 2, length / 2, 20)
    t = (x + length / 2) / length
    radius = r * np.clip(np.sin(np.pi * t), 0, 1) ** 0.25 * (1 + 0.03 * np.sin(x * 180)) + 0.0015
    body = tube(np.column_stack([x, np.zeros_like(x), np.full_like(x, r)]), radius, 18)
    body = _radial(body, lambda a, z: 1 + 0.025 * np.cos(6 * a), axis=0)
    body.apply_translation((0, 0, r * 0.03))
    stem = rod((-length / 2 + 0.002, 0, r), (-length / 2 - 0.008, 0, r), 0.003, 6)
    return make_asset([part("cucumber", body, "food", jitter(rng, (0.15, 0.38, 0.12), 0.03), roughness=0.3),
                       part("stem", stem, "foliage", (0.45, 0.55, 0.25), role="detail")],
                      description="a cucumber")


@category("lettuce", size=((0.1, 0.22), (0.12, 0.28)), group="food", placement="surface",
          synonyms=("lettuce head", "iceberg lettuce", "romaine", "romaine lettuce"))
def lettuce(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.08, 0.12)
    heart = ellipsoid((r * 0.75, r * 0.75, r * 0.7), (0, 0, r * 0.7), 3)
    leaves = [heart]
    n = int(rng.integers(7, 10))
    for k in range(n):
        a = 2 * np.pi * k / n + rng.uniform(-0.2, 0.2)
        # an outer leaf: a cupped shell leaning out from the base, its rim ruffled
        leaf = ellipsoid((r * 0.75, r * 0.12, r * 0.85), (0, 0, 0), 2)
        leaf = _radial(leaf, lambda ang, z: 1 + 0.06 * np.sin(11 * ang), axis=1)
        rotate(leaf, -0.35, (1, 0, 0))
        leaf.apply_translation((0, -r * 0.62, r * 0.75))
        rotate(leaf, a, (0, 0, 1))
        leaves.append(leaf)
    stub = cylinder(r * 0.25, 0.01, (0, 0, 0), 12)
    colour = jitter(rng, pick(rng, ((0.45, 0.72, 0.25), (0.55, 0.78, 0.35), (0.3, 0.55, 0.18))), 0.03)
    asset = make_asset([part("lettuce", leaves, "foliage", colour, roughness=0.5),
                        part("stub", stub, "food", (0.85, 0.9, 0.7), role="detail")],
                       description="a head of lettuce")
    return asset


@category("mushroom", size=((0.03, 0.1), (0.035, 0.12)), group="food", placement="surface",
          synonyms=("mushrooms", "champignon", "button mushroom", "toadstool", "portobello"))
def mushroom(rng: np.random.Generator) -> Asset:
    cap_r = vary(rng, 0.03, 0.3)
    stem_h = cap_r * vary(rng, 1.1, 0.2)
    stem = lathe([(0.0, 0.0), (cap_r * 0.42, 0.0), (cap_r * 0.38, stem_h * 0.5), (cap_r * 0.33, stem_h + 0.004),
                  (0.0, stem_h + 0.004)], 20)
    cap_h = cap_r * vary(rng, 0.7, 0.15)
    u = np.linspace(0.0, 1.0, 12)
    dome = [(cap_r * np.cos(t * np.pi / 2), stem_h + cap_h * np.sin(t * np.pi / 2)) for t in u]
    cap = lathe([(0.0, stem_h)] + [(cap_r * 0.92, stem_h - cap_r * 0.05)] + dome[:-1] + [(0.0, stem_h + cap_h)], 32)
    gills = lathe([(cap_r * 0.3, stem_h - 0.001), (cap_r * 0.9, stem_h - cap_r * 0.045), (cap_r * 0.9, stem_h - cap_r * 0.035),
                   (cap_r * 0.3, stem_h + 0.001)], 32)
    colour = jitter(rng, pick(rng, ((0.92, 0.88, 0.8), (0.62, 0.45, 0.3), (0.45, 0.32, 0.22))), 0.03)
    return make_asset([part("mushroom", cap, "food", colour, roughness=0.6),
                       part("stem", stem, "food", (0.9, 0.86, 0.78)),
                       part("gills", gills, "food", (0.4, 0.3, 0.25), role="detail")],
                      description="a mushroom: a domed cap on a short stem")


@category("avocado", size=((0.04, 0.09), (0.08, 0.2)), group="food", placement="surface",
          synonyms=("avocados", "avocado pear", "alligator pear"))
def avocado(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.034, 0.1)
    h = r * vary(rng, 2.9, 0.06)
    profile = _fruit_profile(r, h, 0.002, 0.0, waist=0.45, steps=18)
    whole = lathe(profile, 28)
    whole.vertices = np.asarray(whole.vertices) + rng.normal(0, 0.0003, whole.vertices.shape)
    rotate(whole, np.pi / 2, (0, 1, 0))  # lying, narrow end toward -X
    whole.apply_translation((0, r * 1.2, r))
    # a half beside it, cut face up: the skin cup, the flesh just proud of its rim, the pit
    half = lathe(profile, 28)
    rotate(half, np.pi / 2, (0, 1, 0))
    v = np.asarray(half.vertices).copy()
    v[:, 2] = np.minimum(v[:, 2], 0.0)
    half = trimesh.Trimesh(vertices=v, faces=half.faces, process=False)
    flesh = half.copy()
    flesh.apply_scale((0.96, 0.9, 0.9))
    flesh.apply_translation((half.centroid[0] * 0.04, 0, 0.0015))
    half.apply_translation((0, -r * 1.2, r))
    flesh.apply_translation((0, -r * 1.2, r))
    pit = ellipsoid((r * 0.5, r * 0.45, r * 0.45), (-h / 2 + h * 0.38, -r * 1.2, r + 0.001), 2)
    skin = jitter(rng, pick(rng, ((0.12, 0.22, 0.08), (0.2, 0.3, 0.1))), 0.02)
    return make_asset([part("avocado", [whole, half], "food", skin, roughness=0.7),
                       part("flesh", flesh, "food", (0.78, 0.82, 0.35), role="detail", roughness=0.4),
                       part("pit", pit, "wood", (0.45, 0.28, 0.15), role="detail")],
                      description="an avocado and a half, cut face up with its pit")


@category("bell_pepper", size=((0.07, 0.15), (0.07, 0.12)), group="food", placement="surface",
          synonyms=("capsicum", "sweet pepper", "bell peppers"))
def bell_pepper(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.042, 0.1)
    h = r * vary(rng, 2.0, 0.1)
    u = np.linspace(0.0, 1.0, 16)
    # blocky sides, a flat-ish bottom and a sunken shoulder where the stem sits
    outer = [(r * (0.7 + 0.3 * np.sin(np.pi / 2 * min(t * 3, 1.0))) * (1 - 0.1 * t), h * t) for t in u]
    outer[-1] = (r * 0.88, h)
    profile = [(0.0, 0.008)] + outer + [(r * 0.3, h - 0.006), (0.0, h - 0.01)]
    body = lathe(profile, 36)
    body = _radial(body, lambda a, z: 1 + 0.09 * np.abs(np.cos(2 * a)) - 0.05 + 0.04 * (z < h * 0.2) * np.cos(4 * a))
    stem = tube([(0, 0, h - 0.012), (0.003, 0, h + 0.008), (0.01, 0.002, h + 0.02)], [0.0055, 0.0045, 0.004], 8)
    colour = jitter(rng, pick(rng, ((0.82, 0.08, 0.05), (0.95, 0.75, 0.05), (0.2, 0.55, 0.12), (0.95, 0.45, 0.05))), 0.03)
    return make_asset([part("bell_pepper", body, "food", colour, roughness=0.15),
                       part("stem", stem, "foliage", (0.25, 0.42, 0.12), role="detail")],
                      description="a glossy bell pepper with a green stem")


@category("edible_corn", size=((0.04, 0.09), (0.15, 0.32)), group="food", placement="surface",
          synonyms=("corn", "maize", "corncob", "corn cob", "sweet corn", "sweetcorn"))
def edible_corn(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.2, 0.12)  # lying along X, husk at -X
    r = vary(rng, 0.024, 0.1)
    x = np.linspace(-length / 2, length / 2, 24)
    t = (x + length / 2) / length
    radius = r * (1.0 - 0.25 * t ** 2) * np.clip(np.sin(np.pi * t), 0.05, 1) ** 0.2
    cob = tube(np.column_stack([x, np.zeros_like(x), np.full_like(x, r)]), radius, 24)
    cob = fine(cob, 0.006)
    # kernels: rows around the cob, bumps along each row
    cob = _radial(cob, lambda a, xx: 1 + 0.05 * np.abs(np.sin(8 * a)) * np.abs(np.sin(xx * 420)), axis=0)
    husk = []
    for k, a in enumerate(np.linspace(-2.2, 2.2, 5)):
        reach = length * rng.uniform(0.45, 0.7)
        base = np.array([-length / 2 - 0.02, 0, r])
        mid = np.array([-length / 2 + reach * 0.5, np.sin(a) * r * 1.3, r + np.cos(a) * r * 1.05])
        tip = np.array([-length / 2 + reach, np.sin(a) * r * 1.5, max(r + np.cos(a) * r * 1.3, 0.003)])
        side = np.array([0.0, np.cos(a), -np.sin(a)]) * r * 0.45
        husk.append(hull([base, base + (0, 0, 0.004), mid + side * 1.4, mid - side * 1.4, tip, mid + side + (0, 0, 0.002)]))
    return make_asset([part("edible_corn", cob, "food", jitter(rng, (0.98, 0.8, 0.2), 0.03), roughness=0.3),
                       part("husk", husk, "foliage", jitter(rng, (0.55, 0.7, 0.3), 0.03), role="detail")],
                      description="an ear of corn with its husk pulled back")


@category("cauliflower", size=((0.1, 0.2), (0.13, 0.26)), group="food", placement="surface",
          synonyms=("cauliflowers", "cauliflower head"))
def cauliflower(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.08, 0.12)
    curd = [ellipsoid((r * 0.8, r * 0.8, r * 0.55), (0, 0, r * 0.6), 2)]
    for _ in range(26):
        a, tilt = rng.uniform(0, 2 * np.pi), rng.uniform(0.0, 1.15)
        c = np.array([np.cos(a) * np.sin(tilt) * r * 0.75, np.sin(a) * np.sin(tilt) * r * 0.75, r * 0.6 + np.cos(tilt) * r * 0.5])
        curd.append(ellipsoid((r * 0.25,) * 3, c, 1))
    leaves = []
    for k in range(7):
        a = 2 * np.pi * k / 7 + rng.uniform(-0.2, 0.2)
        leaf = ellipsoid((r * 0.4, r * 0.05, r * 0.45), (0, 0, 0), 2)
        rotate(leaf, -0.7, (1, 0, 0))
        leaf.apply_translation((0, -r * 0.8, r * 0.32))
        rotate(leaf, a, (0, 0, 1))
        leaves.append(leaf)
    parts = [part("cauliflower", curd, "food", jitter(rng, (0.95, 0.92, 0.8), 0.02), roughness=0.7),
             part("leaves", leaves, "foliage", jitter(rng, (0.35, 0.55, 0.3), 0.03), role="detail")]
    asset = make_asset(parts, description="a head of cauliflower cupped in green leaves")
    return asset


@category("celery", size=((0.02, 0.1), (0.25, 0.45)), group="food", placement="surface",
          synonyms=("celery stalk", "celery stick", "celery sticks"))
def celery(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.33, 0.12)  # a bunch lying along X, leaves at +X
    stalks, leaves = [], []
    n = int(rng.integers(5, 8))
    for k in range(n):
        y = (k - (n - 1) / 2) * 0.016 + rng.uniform(-0.003, 0.003)
        z = 0.009 + (0.012 if abs(k - (n - 1) / 2) < 1.5 else 0.0)
        l = length * rng.uniform(0.85, 1.0)
        x0 = -length / 2
        stalk = tube([(x0, y * 1.6, z), (x0 + l * 0.5, y, z), (x0 + l * 0.8, y * 0.8, z + 0.002)], [0.011, 0.009, 0.007], 10)
        stalk.apply_scale((1.0, 1.0, 0.75))
        stalks.append(stalk)
        for j in range(3):
            c = (x0 + l * 0.8 + 0.02 + j * 0.015, y * 0.8 + rng.uniform(-0.015, 0.015), z * 0.75 + 0.006)
            leaves.append(ellipsoid((0.018, 0.012, 0.004), c, 1))
    return make_asset([part("celery", stalks, "food", jitter(rng, (0.6, 0.78, 0.38), 0.03), roughness=0.35),
                       part("leaves", leaves, "foliage", (0.3, 0.55, 0.18), role="detail")],
                      description="a bunch of celery stalks with leafy tops")


@category("blueberry", size=((0.01, 0.035), (0.025, 0.07)), group="food", placement="surface",
          synonyms=("blueberries", "bilberry"))
def blueberry(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.0065, 0.12)
    berries, crowns = [], []
    n = int(rng.integers(6, 10))
    for k in range(n):
        # a little heap: a ring on the table and a few on top
        if k < n - 2:
            a = 2 * np.pi * k / (n - 2) + rng.uniform(-0.2, 0.2)
            c = np.array([np.cos(a) * r * 1.9, np.sin(a) * r * 1.9, r * 0.95])
        else:
            c = np.array([rng.uniform(-r, r), rng.uniform(-r, r), r * 2.4])
        berries.append(ellipsoid((r, r, r * 0.9), c, 2))
        direction = rng.normal(size=3)
        direction[2] = abs(direction[2]) + 0.6
        direction /= np.linalg.norm(direction)
        crowns.append(cylinder(r * 0.25, r * 0.12, c + direction * r * 0.88, 8))
    return make_asset([part("blueberry", berries, "food", jitter(rng, (0.2, 0.24, 0.45), 0.03), roughness=0.45),
                       part("crowns", crowns, "food", (0.12, 0.1, 0.18), role="detail")],
                      description="a small heap of blueberries")


@category("green_bean", size=((0.006, 0.03), (0.08, 0.16)), group="food", placement="surface",
          synonyms=("green beans", "string bean", "french bean", "snap bean", "haricot vert", "runner bean"))
def green_bean(rng: np.random.Generator) -> Asset:
    pods = []
    for k in range(int(rng.integers(6, 9))):
        length = vary(rng, 0.11, 0.15)
        y = rng.uniform(-0.025, 0.025)
        bend = rng.uniform(-0.012, 0.012)
        x = np.linspace(-length / 2, length / 2, 10) + rng.uniform(-0.008, 0.008)
        path = np.column_stack([x, y + bend * (1 - (2 * x / length) ** 2), np.full_like(x, 0.0045 + 0.006 * (k % 3 == 2))])
        radius = 0.0042 * np.clip(np.sin(np.pi * (np.linspace(0, 1, 10) * 0.9 + 0.05)), 0.3, 1) ** 0.4
        pod = tube(path, radius, 8)
        rotate(pod, rng.uniform(-0.25, 0.25), (0, 0, 1), (0, y, 0))
        pods.append(pod)
    return make_asset([part("green_bean", pods, "food", jitter(rng, (0.3, 0.6, 0.18), 0.03), roughness=0.35)],
                      description="a handful of green beans")


@category("green_onion", size=((0.01, 0.06), (0.22, 0.45)), group="food", placement="surface",
          synonyms=("spring onion", "scallion", "scallions", "spring onions", "green onions", "salad onion"))
def green_onion(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.33, 0.15)  # lying along X, roots at -X
    bulbs, leaves, roots = [], [], []
    n = int(rng.integers(3, 6))
    for k in range(n):
        y = (k - (n - 1) / 2) * 0.014
        z = 0.006
        x0 = -length / 2 + 0.012
        bulbs.append(tube([(x0, y, z), (x0 + 0.02, y, z), (x0 + length * 0.3, y, z)], [0.0065, 0.006, 0.005], 10))
        for j in range(2):
            dy = (j - 0.5) * 0.006
            spread = rng.uniform(-0.01, 0.01)
            leaves.append(tube([(x0 + length * 0.28, y, z), (x0 + length * 0.6, y + dy + spread * 0.5, z + 0.001),
                                (length / 2 - 0.005, y + dy * 2 + spread, z - 0.001)], [0.0045, 0.004, 0.0025], 8))
        for j in range(4):
            roots.append(tube([(x0 + 0.002, y, z), (x0 - 0.01, y + rng.uniform(-0.006, 0.006), z - 0.004)], 0.0008, 4))
    return make_asset([part("green_onion", leaves, "foliage", jitter(rng, (0.25, 0.58, 0.18), 0.03), roughness=0.35),
                       part("bulbs", bulbs, "food", (0.93, 0.93, 0.85)),
                       part("roots", roots, "food", (0.85, 0.8, 0.65), role="detail")],
                      description="a bunch of green onions")
