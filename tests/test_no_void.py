"""Indoors every view and frame sees room, not the void beyond the walls (issue 11).

Cameras stand inside the room: they come forward with a wider lens, look down more steeply, turn to
where the room has space, and only then does the room grow around them. Checked on the laid-out
specs (every camera inside the walls, every object in its picture) and on real renders (the share of
pixels at infinite depth in every view and frame).
"""
from __future__ import annotations

import math

import numpy as np
import pytest

import fyi
from fyi.agents.collector import collect
from fyi.agents.generator import generate
from fyi.render.passes import read_view
from fyi.scenes.asset_loader import assets_for
from fyi.scenes.cameras import SENSOR_MM, WIDEST_FOV, interior, lens_fitting
from fyi.scenes.geometry import world_bbox

VOID_LIMIT = 0.01  # the target: at most 1% of a view or frame at infinite depth indoors

INDOOR = [
    "a desk with a monitor on it and a plant to the right of the monitor",  # a desk against the back wall
    "a kitchen with a fridge, a counter and a kettle on the counter",       # a room filled wall to wall
    "four books on a shelf",
    "a living room with a sofa, an armchair and a coffee table between them",
    "a red mug",
]


def laid_out(text: str, seed: int = 0):
    _, spec = collect(text, seed=seed, quality="draft", views=4)
    return generate(spec).spec


def corners_of(spec):
    assets = assets_for(spec)
    pts = []
    for o in spec.objects:
        lo, hi = world_bbox(o, assets[o.id])
        pts += [(x, y, z) for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])]
    return np.array(pts)


@pytest.mark.parametrize("text", INDOOR)
def test_every_camera_stands_in_the_room_and_frames_the_scene(text):
    spec = laid_out(text)
    lo, hi = interior(spec.room)
    points = corners_of(spec)
    widest = (spec.cameras[0].width / 2) / math.tan(WIDEST_FOV / 2)
    for cam in spec.cameras:
        c2w = np.array(cam.c2w)
        eye = c2w[:3, 3]
        assert np.all(eye >= lo - 1e-3) and np.all(eye <= hi + 1e-3), f"view {cam.id} at {eye} is outside the room"
        assert cam.fx >= widest - 1e-6, f"view {cam.id}: a lens wider than 24 mm"
        if cam.id > 0:  # the main view is composed as a photo and may crop; the others hold everything
            target = eye - c2w[:3, 2] * 1.0
            assert lens_fitting(points, eye, target, cam.width, cam.height, margin=0.0) >= cam.fx - 1e-6, \
                f"view {cam.id} cuts off an object"


def test_views_vary_with_the_seed_and_are_recorded():
    a, b = laid_out("a chair next to a table", 0), laid_out("a chair next to a table", 1)
    lens_mm = lambda spec: [round(c.fx * SENSOR_MM / c.width, 1) for c in spec.cameras[1:]]  # noqa: E731
    assert lens_mm(a) != lens_mm(b), "other seeds, other lenses"
    assert all(24.0 - 1e-6 <= mm <= 85.0 + 1e-6 for mm in lens_mm(a) + lens_mm(b))
    assert laid_out("a chair next to a table", 0).cameras == a.cameras, "the same seed, the same cameras"


def void_shares(scene_dir):
    """The share of each view's and frame's pixels at infinite depth, by 'views/NNNN' or 'frames/NNNN'."""
    shares = {}
    for folder in ("views", "frames"):
        for p in sorted((scene_dir / folder / "depth").glob("*.exr")):
            depth = read_view(scene_dir / folder, int(p.stem)).depth
            shares[f"{folder}/{p.stem}"] = float(np.mean(~np.isfinite(depth)))
    return shares


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    out = tmp_path_factory.mktemp("void")
    desk = fyi.synthesize(INDOOR[0], out, seed=0, quality="draft", views=4, max_rounds=1)
    orbit = fyi.synthesize("the camera orbits around a sofa with a cushion on it", out, seed=0, views=1,
                           frames=6, fps=6, max_rounds=1)
    return desk, orbit


def test_no_view_of_a_room_looks_into_the_void(rendered):
    desk, _ = rendered
    shares = void_shares(desk.scene_dir)
    assert len(shares) == 4
    assert max(shares.values()) <= VOID_LIMIT, shares


def test_no_orbit_frame_looks_into_the_void(rendered):
    _, orbit = rendered
    shares = void_shares(orbit.scene_dir)
    assert sum(k.startswith("frames/") for k in shares) == 6
    assert max(shares.values()) <= VOID_LIMIT, shares
    assert not any("leaves the" in w for w in orbit.warnings)
