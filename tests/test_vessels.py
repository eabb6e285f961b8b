"""Containers (issue 9, item 8): a long thin thing "in" a narrow vessel stands on its end in it, leaning
against the rim as in a real cup; things in an open box or a crate show in view 0. Real layouts, real
small renders, the vessel's own mesh as the judge of collisions."""
import itertools

import numpy as np
import pytest
import trimesh
from PIL import Image

from fyi.agents.collector import collect
from fyi.agents.critic import critique
from fyi.agents.generator import generate
from fyi.assets.catalog import build_asset
from fyi.render.blender import render_views
from fyi.scenes.asset_loader import assets_for
from fyi.scenes.cameras import look_at, scaled
from fyi.scenes.composition import MAX_HIDDEN, MIN_SHARE, picture, triangles
from fyi.scenes.geometry import body, object_transform, quaternion_yaw, tilted_interpenetrate, world_bbox
from fyi.scenes.relations import Viewer, holds
from fyi.scenes.vessels import long_and_thin, opening

SIZE = 96


def rendered(text: str, tmp_path_factory, seed: int = 0):
    """The scene of an instruction, laid out and framed as `fyi synth` does, its view 0 rendered small."""
    _, spec = collect(text, seed=seed, quality="draft", views=1)
    spec = generate(spec).spec
    spec = spec.model_copy(update={"cameras": [scaled(spec.cameras[0], SIZE, SIZE)]})
    assets = assets_for(spec)
    views = tmp_path_factory.mktemp(text.replace(" ", "_"))
    render_views(spec, assets, views, samples=2, denoise=False)
    mask = np.asarray(Image.open(views / "instance" / "0000.png")).astype(np.int64)
    return spec, assets, views, mask


def inside(mesh: trimesh.Trimesh, points: np.ndarray) -> np.ndarray:
    """Which points lie inside a closed mesh: an upward ray from each crosses its surface an odd number of
    times (counted here over every triangle, so no spatial index is needed). The points move by a hair
    off the lines a lathe's vertices lie on, where a ray would cross two triangles at their shared edge."""
    points = np.asarray(points, float) + np.array([1.3e-7, 0.7e-7, 0.0])
    tri = mesh.triangles
    a, b, c = tri[:, 0], tri[:, 1], tri[:, 2]
    det = (b[:, 0] - a[:, 0]) * (c[:, 1] - a[:, 1]) - (c[:, 0] - a[:, 0]) * (b[:, 1] - a[:, 1])
    keep = np.abs(det) > 1e-14  # triangles seen edge-on from below are never crossed
    a, b, c, det = a[keep], b[keep], c[keep], det[keep]
    out = np.zeros(len(points), bool)
    for k, p in enumerate(points):
        u = ((b[:, 0] - p[0]) * (c[:, 1] - p[1]) - (c[:, 0] - p[0]) * (b[:, 1] - p[1])) / det
        v = ((c[:, 0] - p[0]) * (a[:, 1] - p[1]) - (a[:, 0] - p[0]) * (c[:, 1] - p[1])) / det
        w = 1 - u - v
        hit = (u >= 0) & (v >= 0) & (w >= 0)
        z = u * a[:, 2] + v * b[:, 2] + w * c[:, 2]
        out[k] = np.count_nonzero(hit & (z > p[2])) % 2 == 1
    return out


@pytest.fixture(scope="module", params=["a pen in a glass", "a toothbrush in a mug"])
def standing(request, tmp_path_factory):
    return rendered(request.param, tmp_path_factory)


def test_long_thin_things_stand_by_shape_not_by_name():
    for name in ("spoon", "pen", "toothbrush", "fork", "pencil", "knife"):
        assert long_and_thin(build_asset(name, 0)), name
    for name in ("apple", "mug", "book", "cut_flowers", "bottle"):  # round, boxy, or already upright
        assert not long_and_thin(build_asset(name, 0)), name


def test_a_vessels_opening_is_its_narrowest_inside_up_to_its_rim():
    vase = build_asset("vase", 0)
    hole = opening(vase, vase.surfaces[0])
    assert hole is not None and abs(hole.rim - vase.dims[2]) < 0.01
    # the neck, not the belly: narrower than the vase's widest inside
    assert hole.outline.bounds[2] - hole.outline.bounds[0] < 0.7 * vase.dims[0]
    plate = build_asset("plate", 0)
    assert opening(plate, plate.surfaces[0]) is None  # nothing walls a plate's top in


def test_a_long_thin_thing_stands_in_a_narrow_vessel(standing):
    spec, assets, views, mask = standing
    thing, vessel = spec.objects[0], spec.objects[1]
    assert thing.support == vessel.id and thing.surface == "interior"
    assert quaternion_yaw(thing.rotation) is None, "stood on its end, not turned about +Z only"
    assert not [w for w in spec.warnings if "not met" in w or "no free room" in w], spec.warnings
    lo, hi = world_bbox(thing, assets[thing.id])
    vlo, vhi = world_bbox(vessel, assets[vessel.id])
    floor = next(s for s in assets[vessel.id].surfaces if s.kind == "interior")
    # its base on the inside floor, its top above the rim
    assert abs(lo[2] - (vessel.position[2] + floor.z)) < 0.002
    assert hi[2] > vhi[2] + 0.02
    # the relation holds for the solver and the critic; nothing floats or collides
    a, b = body(assets[thing.id], thing.position, thing.rotation), body(assets[vessel.id], vessel.position, vessel.rotation)
    assert holds("in", a, b, Viewer.from_c2w(spec.cameras[0].c2w))
    problems = critique(spec, assets, views).problems
    assert not [p for p in problems if p.severity == "error"], problems
    # the vessel's own mesh says no point of the thing is inside its walls
    wall = trimesh.util.concatenate([p.mesh for p in assets[vessel.id].parts if p.role == "body"])
    wall.apply_transform(object_transform(vessel))
    mesh = assets[thing.id].mesh.copy()
    mesh.apply_transform(object_transform(thing))
    points = np.vstack([mesh.vertices, trimesh.sample.sample_surface(mesh, 1500, seed=0)[0]])
    base = vessel.position[2] + floor.z
    points = points[(points[:, 2] < vhi[2]) & (points[:, 2] > base + 0.001)]  # resting on the floor is contact
    assert len(points) > 100
    in_wall = np.array([[vlo[0] + 0.0015, (vlo[1] + vhi[1]) / 2, vhi[2] - 0.003]])  # just inside the rim's outer edge
    assert inside(wall, in_wall).all(), "the judge sees the wall"

    assert wall.is_watertight and not inside(wall, points).any()
    # and view 0 shows it
    share = float((mask == thing.instance_id).mean())
    assert share >= MIN_SHARE, share


def test_a_thing_that_fits_lying_down_lies_in_a_box():
    _, spec = collect("a pencil in a box", seed=0, quality="draft", views=1)
    spec = generate(spec).spec
    pencil = spec.object("pencil_0")
    assert pencil.support == "box_0" and quaternion_yaw(pencil.rotation) is not None


@pytest.mark.parametrize("text", ["two oranges in a crate", "four lemons in a basket"])
def test_things_in_an_open_container_show_in_view_0(text, tmp_path_factory):
    spec, assets, views, mask = rendered(text, tmp_path_factory)
    holder = spec.objects[-1].id
    inside = [o for o in spec.objects if o.support == holder]
    assert len(inside) == len(spec.objects) - 1
    for o in inside:
        assert float((mask == o.instance_id).mean()) >= MIN_SHARE, o.id
    problems = critique(spec, assets, views).problems
    assert not [p for p in problems if p.severity == "error"], problems


def test_several_stand_side_by_side_without_crossing():
    _, spec = collect("three pencils in a glass", seed=0, quality="draft", views=1)
    spec = generate(spec).spec
    assets = assets_for(spec)
    pencils = [o for o in spec.objects if o.category == "pencil"]
    assert len(pencils) == 3 and all(o.support == "glass_0" for o in pencils), spec.warnings
    assert not [w for w in spec.warnings if "not met" in w or "no free room" in w], spec.warnings
    for a, b in itertools.combinations(pencils, 2):
        # compared slab by slab, as the solver does, with the solver's half-millimetre contact
        assert not tilted_interpenetrate(assets[a.id], (a.position, a.rotation, a.scale),
                                         assets[b.id], (b.position, b.rotation, b.scale), touch=0.0005), (a.id, b.id)
    assert not [p for p in critique(spec, assets, None).problems if p.kind in ("collision", "floating")]


def test_the_composers_eye_sees_no_egg_through_a_box_wall():
    """A box's side is a few big triangles: the composer's sampled z-buffer must cover them, or eggs
    behind it show through the gaps (estimated 0.8% of view 0 each, rendered 0 px)."""
    _, spec = collect("three eggs in a box", seed=0, quality="draft", views=1)
    spec = generate(spec).spec
    assets = assets_for(spec)
    box = spec.object("box_0")
    lo, hi = world_bbox(box, assets[box.id])
    centre = (lo + hi) / 2
    eye = np.array([centre[0], lo[1] - 0.6, lo[2] + 0.04])  # level with the eggs, in front of the box
    pic = picture(triangles(spec, assets), look_at(eye, np.array([centre[0], centre[1], lo[2] + 0.04])), 150.0, 96, 96,
                  np.random.default_rng(0))
    eggs = [k for k, o in enumerate(spec.objects) if o.category == "egg"]
    assert len(eggs) == 3 and all(pic.alone[k] > 20 for k in eggs)  # in the frame, were the box not there
    # judged hidden, as the render shows them (0 px)
    assert all(pic.visible[k] < (1 - MAX_HIDDEN) * pic.alone[k] for k in eggs), [(pic.visible[k], pic.alone[k]) for k in eggs]
