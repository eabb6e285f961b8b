"""Part-makers shared by the procedural builders, and the step that puts an asset in its canonical frame.

Builders compose these primitives in metres with +Z up and front toward -Y; `make_asset` then shifts
everything (parts and surfaces together) so the base sits on z = 0 and the bounds are centred in x/y,
which keeps each builder free of bookkeeping for handles, tails or spouts that stick out.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import trimesh
from shapely.geometry import Polygon, box as shapely_box

from fyi.assets.model import Asset, Part, Surface

SECTIONS = 32  # around-the-axis resolution of round things: smooth at 256 px, cheap in faces

Vec = Sequence[float]


# --- numbers ------------------------------------------------------------------------------------

def vary(rng: np.random.Generator, value: float, rel: float = 0.1) -> float:
    """`value` scaled by a uniform factor in [1 - rel, 1 + rel]."""
    return float(value * rng.uniform(1.0 - rel, 1.0 + rel))


def jitter(rng: np.random.Generator, rgb: Vec, amount: float = 0.03) -> tuple[float, float, float]:
    """A colour nudged per channel, so two seeds of one category are not pixel-identical."""
    c = np.clip(np.asarray(rgb, dtype=float) + rng.uniform(-amount, amount, 3), 0.0, 1.0)
    return (float(c[0]), float(c[1]), float(c[2]))


def shaded(rgb: Vec, k: float) -> tuple[float, float, float]:
    """A colour darker (k < 1) or lighter (k > 1), kept within 0..1: a seam, a sole, a print."""
    return tuple(float(np.clip(c * k, 0.0, 1.0)) for c in rgb)


def pick(rng: np.random.Generator, options: Sequence):
    """One of `options`, chosen by the generator (works for tuples, which rng.choice would flatten)."""
    return options[int(rng.integers(len(options)))]


# --- placing meshes ------------------------------------------------------------------------------

def translate(mesh: trimesh.Trimesh, offset: Vec) -> trimesh.Trimesh:
    mesh.apply_translation(np.asarray(offset, dtype=float))
    return mesh


def rotate(mesh: trimesh.Trimesh, angle: float, axis: Vec, point: Vec = (0.0, 0.0, 0.0)) -> trimesh.Trimesh:
    """Rotate in place by `angle` radians about `axis` through `point` (right-hand rule)."""
    mesh.apply_transform(trimesh.transformations.rotation_matrix(angle, axis, point))
    return mesh


def merge(meshes: Iterable[trimesh.Trimesh]) -> trimesh.Trimesh:
    meshes = list(meshes)
    return meshes[0].copy() if len(meshes) == 1 else trimesh.util.concatenate(meshes)


# --- primitives ----------------------------------------------------------------------------------

def box(size: Vec, center: Vec = (0.0, 0.0, 0.0)) -> trimesh.Trimesh:
    """An axis-aligned box of `size` (x, y, z) centred at `center`."""
    return trimesh.creation.box(extents=np.asarray(size, float),
                                transform=trimesh.transformations.translation_matrix(center))


def cylinder(radius: float, height: float, base: Vec = (0.0, 0.0, 0.0), sections: int = SECTIONS) -> trimesh.Trimesh:
    """An upright cylinder standing on `base`."""
    b = np.asarray(base, float)
    return trimesh.creation.cylinder(radius, segment=[b, b + (0.0, 0.0, height)], sections=sections)


def rod(p0: Vec, p1: Vec, radius: float, sections: int = 16) -> trimesh.Trimesh:
    """A cylinder between two points (legs, stems, rails)."""
    return trimesh.creation.cylinder(radius, segment=[np.asarray(p0, float), np.asarray(p1, float)],
                                     sections=sections)


def cone(radius: float, height: float, base: Vec = (0.0, 0.0, 0.0), sections: int = SECTIONS) -> trimesh.Trimesh:
    return translate(trimesh.creation.cone(radius, height, sections=sections), base)


def _aligned(mesh: trimesh.Trimesh, p0: np.ndarray, p1: np.ndarray) -> trimesh.Trimesh:
    """Turn a mesh built along +Z about the origin so it runs from p0 to p1."""
    direction = p1 - p0
    mesh.apply_transform(trimesh.geometry.align_vectors([0.0, 0.0, 1.0], direction / np.linalg.norm(direction)))
    return translate(mesh, (p0 + p1) / 2.0)


def capsule(p0: Vec, p1: Vec, radius: float, count: int = 12) -> trimesh.Trimesh:
    """A rounded limb between two points: legs, necks, tails, banana segments."""
    a, b = np.asarray(p0, float), np.asarray(p1, float)
    length = float(np.linalg.norm(b - a))
    return _aligned(trimesh.creation.capsule(height=length, radius=radius, count=[count, count]), a, b)


def ellipsoid(radii: Vec, center: Vec = (0.0, 0.0, 0.0), subdivisions: int = 3) -> trimesh.Trimesh:
    mesh = trimesh.creation.icosphere(subdivisions=subdivisions, radius=1.0)
    mesh.apply_scale(np.asarray(radii, float))
    return translate(mesh, center)


def superellipsoid(radii: Vec, center: Vec = (0.0, 0.0, 0.0), squareness: float = 0.5,
                   subdivisions: int = 3) -> trimesh.Trimesh:
    """A rounded box: a sphere pushed toward its bounding cube (cushions, mattresses, bodies).

    `squareness` 1 is a sphere; smaller values fill the corners (0.3 is nearly a box).
    """
    mesh = trimesh.creation.icosphere(subdivisions=subdivisions, radius=1.0)
    v = mesh.vertices
    # on the unit sphere every |component| <= 1, so |v|^p with p < 1 pushes points toward the cube
    v = np.sign(v) * np.abs(v) ** squareness
    mesh = trimesh.Trimesh(vertices=v * np.asarray(radii, float), faces=mesh.faces, process=False)
    return translate(mesh, center)


def torus(major: float, minor: float, center: Vec = (0.0, 0.0, 0.0), major_sections: int = SECTIONS,
          minor_sections: int = 12) -> trimesh.Trimesh:
    """A ring lying in the xy plane."""
    mesh = trimesh.creation.torus(major, minor, major_sections=major_sections, minor_sections=minor_sections)
    return translate(mesh, center)


def tube(path: Sequence[Vec], radius: float | Sequence[float], sections: int = 12) -> trimesh.Trimesh:
    """A closed tube of circular cross-section swept along a 3D polyline (handles, bananas, tails).

    `radius` is one value or one per path point (for tapering ends). The ends are capped with
    fans, so the tube is watertight without a polygon-triangulation engine.
    """
    pts = np.asarray(path, dtype=float)
    n = len(pts)
    radii = np.broadcast_to(np.asarray(radius, dtype=float), (n,))
    tangents = np.gradient(pts, axis=0)
    tangents /= np.linalg.norm(tangents, axis=1, keepdims=True)
    # parallel transport keeps the rings from twisting along the path
    seed = np.array([0.0, 0.0, 1.0]) if abs(tangents[0][2]) < 0.9 else np.array([1.0, 0.0, 0.0])
    normal = np.cross(tangents[0], seed)
    normal /= np.linalg.norm(normal)
    theta = np.linspace(0.0, 2.0 * np.pi, sections, endpoint=False)
    rings = []
    for i in range(n):
        if i:
            normal = normal - tangents[i] * np.dot(normal, tangents[i])
            normal /= np.linalg.norm(normal)
        binormal = np.cross(tangents[i], normal)
        ring = pts[i] + radii[i] * (np.outer(np.cos(theta), normal) + np.outer(np.sin(theta), binormal))
        rings.append(ring)
    vertices = np.vstack(rings + [pts[:1], pts[-1:]])
    start, end = n * sections, n * sections + 1
    faces = []
    for i in range(n - 1):
        for j in range(sections):
            a, b = i * sections + j, i * sections + (j + 1) % sections
            c, d = a + sections, b + sections
            faces += [(a, b, d), (a, d, c)]
    for j in range(sections):
        faces.append((start, (j + 1) % sections, j))
        last = (n - 1) * sections
        faces.append((end, last + j, last + (j + 1) % sections))
    mesh = trimesh.Trimesh(vertices=vertices, faces=np.array(faces), process=False)
    if mesh.volume < 0:
        mesh.invert()
    return mesh


def arc_points(radius: float, start: float, stop: float, center: Vec = (0.0, 0.0, 0.0), plane: str = "xz",
               count: int = 16) -> np.ndarray:
    """Points on a circular arc (angles in radians) in the xz or xy plane, for `tube` paths."""
    t = np.linspace(start, stop, count)
    c = np.asarray(center, float)
    if plane == "xz":
        return c + np.column_stack([radius * np.cos(t), np.zeros_like(t), radius * np.sin(t)])
    if plane == "yz":
        return c + np.column_stack([np.zeros_like(t), radius * np.cos(t), radius * np.sin(t)])
    return c + np.column_stack([radius * np.cos(t), radius * np.sin(t), np.zeros_like(t)])


def lathe(profile: Sequence[Vec], sections: int = SECTIONS) -> trimesh.Trimesh:
    """A solid of revolution about Z from a closed (radius, z) profile.

    The profile is listed counter-clockwise in the (r, z) plane and starts and ends on the axis or
    is closed by repeating its first point; a wall with an inner and outer line makes a hollow
    vessel (mug, bowl, vase) whose inside is real geometry.
    """
    pts = np.asarray(profile, dtype=float)
    if not np.allclose(pts[0], pts[-1]):
        pts = np.vstack([pts, pts[:1]])
    mesh = trimesh.creation.revolve(pts, sections=sections)
    mesh.merge_vertices()
    if mesh.is_watertight and mesh.volume < 0:
        mesh.invert()  # a clockwise profile: flip so normals face out
    return mesh


def slab(outline: Polygon, thickness: float, z: float = 0.0) -> trimesh.Trimesh:
    """A convex outline (shapely polygon in xy) extruded upward from z by `thickness`.

    Outlines here are convex (rounded rectangles, discs), so fans triangulate the caps and no
    triangulation engine is needed (trimesh's extrude_polygon wants one that is not installed).
    """
    ring = np.asarray(outline.convex_hull.exterior.coords)[:-1]
    if Polygon(ring).exterior.is_ccw is False:
        ring = ring[::-1]
    m = len(ring)
    bottom = np.column_stack([ring, np.full(m, z)])
    top = np.column_stack([ring, np.full(m, z + thickness)])
    center = ring.mean(axis=0)
    vertices = np.vstack([bottom, top, [[center[0], center[1], z]], [[center[0], center[1], z + thickness]]])
    cb, ct = 2 * m, 2 * m + 1
    faces = []
    for j in range(m):
        k = (j + 1) % m
        faces += [(j, k, m + k), (j, m + k, m + j), (cb, k, j), (ct, m + j, m + k)]
    mesh = trimesh.Trimesh(vertices=vertices, faces=np.array(faces), process=False)
    if mesh.volume < 0:
        mesh.invert()
    return mesh


def rounded_rect(width: float, depth: float, radius: float, center: tuple[float, float] = (0.0, 0.0)) -> Polygon:
    """A rectangle in xy with rounded corners (table tops, rugs, trays)."""
    r = min(radius, width / 2.0 - 1e-4, depth / 2.0 - 1e-4)
    cx, cy = center
    core = shapely_box(cx - width / 2 + r, cy - depth / 2 + r, cx + width / 2 - r, cy + depth / 2 - r)
    return core.buffer(r, quad_segs=6) if r > 0 else core


def disc(radius: float, sections: int = SECTIONS, center: tuple[float, float] = (0.0, 0.0)) -> Polygon:
    t = np.linspace(0.0, 2.0 * np.pi, sections, endpoint=False)
    return Polygon(np.column_stack([center[0] + radius * np.cos(t), center[1] + radius * np.sin(t)]))


def four_legs(width: float, depth: float, height: float, thickness: float, inset: float,
              round_legs: bool = False, splay: float = 0.0) -> list[trimesh.Trimesh]:
    """Legs at the corners of a width x depth rectangle centred at the origin, from z=0 to `height`.

    `inset` is the distance from the rectangle's edge to a leg's centre; `splay` moves the feet
    outward by that much (mid-century legs).
    """
    legs = []
    hx, hy = width / 2.0 - inset, depth / 2.0 - inset
    for sx in (-1, 1):
        for sy in (-1, 1):
            top = np.array([sx * hx, sy * hy, height])
            foot = np.array([sx * (hx + splay), sy * (hy + splay), 0.0])
            if round_legs or splay:
                legs.append(rod(foot, top, thickness / 2.0))
            else:
                legs.append(box((thickness, thickness, height), (top[0], top[1], height / 2.0)))
    return legs


# --- parts and assets ------------------------------------------------------------------------------

def part(name: str, meshes: trimesh.Trimesh | Iterable[trimesh.Trimesh], material: str, color: Vec,
         role: str = "body", roughness: float | None = None) -> Part:
    mesh = meshes if isinstance(meshes, trimesh.Trimesh) else merge(meshes)
    return Part(name=name, mesh=mesh, material=material, color=tuple(float(c) for c in color),
                role=role, roughness=roughness)


def top_surface(name: str, z: float, x: tuple[float, float], y: tuple[float, float], inset: float = 0.02,
                kind: str = "top", clearance: float | None = None) -> Surface:
    """A support rectangle [x0, x1] x [y0, y1] at height z, shrunk by `inset` on every side."""
    return Surface(name=name, z=float(z), min=(float(x[0] + inset), float(y[0] + inset)),
                   max=(float(x[1] - inset), float(y[1] - inset)), kind=kind, clearance=clearance)


def round_interior(radius: float, floor: float, share: float = 0.7) -> Surface:
    """The floor of a round vessel (a mug, a vase, a pot) of inner `radius`, as the square it holds:
    where things "in" it stand; `share` of the radius keeps them off the curving wall."""
    half = radius * share
    return Surface("interior", floor, (-half, -half), (half, half), kind="interior", clearance=None)


def make_asset(parts: list[Part], surfaces: Sequence[Surface] = (), description: str = "") -> Asset:
    """Put parts and surfaces in the canonical frame: base on z = 0, bounds centred in x and y."""
    lo = np.min([p.mesh.bounds[0] for p in parts], axis=0)
    hi = np.max([p.mesh.bounds[1] for p in parts], axis=0)
    shift = np.array([-(lo[0] + hi[0]) / 2.0, -(lo[1] + hi[1]) / 2.0, -lo[2]])
    for p in parts:
        p.mesh.apply_translation(shift)
    dx, dy, dz = (float(s) for s in shift)
    moved = [Surface(name=s.name, z=s.z + dz, min=(s.min[0] + dx, s.min[1] + dy),
                     max=(s.max[0] + dx, s.max[1] + dy), kind=s.kind, clearance=s.clearance)
             for s in surfaces]
    return Asset(category="", uid="", parts=parts, surfaces=moved, description=description)


# --- solids from points and patterns on skins ------------------------------------------------------

def hull(points: Sequence[Vec]) -> trimesh.Trimesh:
    """The convex solid spanned by `points`: wedges, cabins, wings, hulls, sails."""
    return trimesh.convex.convex_hull(np.asarray(points, dtype=float))


def slanted_box(bottom: Sequence[Vec], top: Sequence[Vec]) -> trimesh.Trimesh:
    """A convex solid between two planar outlines (e.g. a car cabin: wide bottom, narrow top)."""
    return hull(list(bottom) + list(top))


def skin_patches(mesh: trimesh.Trimesh, keep: np.ndarray, lift: float) -> trimesh.Trimesh:
    """The faces of `mesh` marked by `keep`, lifted `lift` along the vertex normals.

    Stripes, spots and patches of animal coats are this: a sheet just over the body, so they read
    as markings at any view while the body stays one simple solid.
    """
    faces = np.asarray(mesh.faces)[np.asarray(keep, bool)]
    used, inverse = np.unique(faces, return_inverse=True)
    vertices = np.asarray(mesh.vertices)[used] + np.asarray(mesh.vertex_normals)[used] * lift
    return trimesh.Trimesh(vertices=vertices, faces=inverse.reshape(-1, 3), process=False)


def fine(mesh: trimesh.Trimesh, max_edge: float) -> trimesh.Trimesh:
    """A copy split until no edge is longer than `max_edge`, so face-wise patterns have resolution."""
    vertices, faces = trimesh.remesh.subdivide_to_size(mesh.vertices, mesh.faces, max_edge, max_iter=8)
    return trimesh.Trimesh(vertices=vertices, faces=faces)


def polygon_plate(outline: Sequence[tuple[float, float]], thickness: float, y: float = 0.0) -> trimesh.Trimesh:
    """A convex outline in the xz plane made a plate `thickness` deep, its front face at `y` (faces -Y)."""
    pts = [(x, y, z) for x, z in outline] + [(x, y + thickness, z) for x, z in outline]
    return hull(pts)
