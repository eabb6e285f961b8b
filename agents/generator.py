"""The Generator: a partial spec -> a laid-out spec with cameras framed around it."""
from __future__ import annotations

import math

import numpy as np

from fyi.agents.backend import Backend
from fyi.render.quality import quality_for
from fyi.scenes.asset_loader import asset_for, assets_for
from fyi.scenes.clutter import context_objects, hiding, in_the_way
from fyi.scenes.cameras import frame_cameras, room_holding
from fyi.scenes.composition import compose_main_view
from fyi.scenes.dressing import dress, room_base_size, seeded_rng
from fyi.scenes.geometry import world_bbox, yaw_quaternion
from fyi.scenes.layout import Layout, LayoutSolver
from fyi.scenes.spec import SceneSpec


def generate(spec: SceneSpec, *, attempt: int = 0, elevation: float = 30.0, margin: float = 0.1) -> Layout:
    solver = None
    if not spec.objects:
        layout = Layout(_empty_room(spec))
    else:
        solver = LayoutSolver(spec, assets_for(spec), attempt=attempt)
        layout = solver.solve()
    # The room's finish and light are drawn once here and kept in the spec (scene.yaml reproduces them).
    layout.spec = with_cameras(dress(layout.spec), elevation=elevation, margin=margin)
    if solver is not None:
        layout.spec, layout.context_left_out = with_context(layout.spec, solver)
    return layout


def with_context(spec: SceneSpec, solver: LayoutSolver) -> tuple[SceneSpec, list[str]]:
    """The spec with its clutter level's context objects (scenes/clutter.py), placed after everything
    requested is laid out and photographed, so the requested poses and cameras are those of
    `--clutter none`; those that found no place, hide a requested object in view 0 or stand where a
    camera is are left out (returned: the trace notes them)."""
    extras = context_objects(spec)
    if not extras:
        return spec, []
    placed, left_out = solver.place_context(spec, extras, {o.id: asset_for(o) for o in extras},
                                            seeded_rng(spec.seed, "clutter/place"))
    assets = assets_for(placed)
    drop = set(hiding(placed, assets)) | set(in_the_way(placed, assets))
    if not drop:
        return placed, left_out
    kept = [o for o in placed.objects if o.id not in drop]
    return placed.model_copy(update={"objects": kept}), left_out + sorted(drop)


def _empty_room(spec: SceneSpec) -> SceneSpec:
    """An empty room ("an empty room" asks for one): the room type's own size, nothing to place."""
    room = spec.room
    if room.size is None:
        room = room.model_copy(update={"size": room_base_size(room.type, spec.seed),
                                       "walls": room.walls and room.type != "outdoors"})
    return spec.model_copy(update={"room": room})


# What the cameras of an empty room frame: the middle of its floor, as a person standing in its doorway
# would see it (a box 2 m across and 1 m high: floor, walls behind and the light on them).
EMPTY_VIEW = np.array([(x, y, z) for x in (-1.0, 1.0) for y in (-1.0, 1.0) for z in (0.0, 1.0)])


def with_cameras(spec: SceneSpec, *, elevation: float = 30.0, margin: float = 0.1) -> SceneSpec:
    """Cameras framed around the objects, standing inside the room (the room grows where they cannot)."""
    assets = assets_for(spec)
    corners, solids = [], []
    for o in spec.objects:
        lo, hi = world_bbox(o, assets[o.id])
        corners += [(x, y, z) for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])]
        solids.append((lo, hi))
    q = quality_for(spec.render)
    points = np.array(corners) if corners else EMPTY_VIEW
    cams = frame_cameras(points, spec.render.views, q.width, q.height, elevation=elevation, margin=margin,
                         room=spec.room, solids=np.array(solids) if solids else None,
                         vary=seeded_rng(spec.seed, "cameras"))
    if not spec.motions and spec.objects:  # a moving scene keeps the wide view its motion was planned in
        cams[0], _ = compose_main_view(spec, assets, q.width, q.height, cams[0])
    room = room_holding(spec.room, [np.array(c.c2w)[:3, 3] for c in cams])
    return spec.model_copy(update={"cameras": cams, "room": room})


def with_proposals(spec: SceneSpec, backend: Backend) -> SceneSpec:
    """A model's proposed poses become given poses; the solver keeps the valid ones."""
    proposal = backend.propose_layout(spec)
    if not proposal.poses:
        return spec
    by_id = {p.id: p for p in proposal.poses}
    objects = []
    for o in spec.objects:
        p = by_id.get(o.id)
        if p is not None and p.position is not None and o.position is None:
            update = {"position": p.position}
            if p.yaw_degrees is not None:
                update["rotation"] = yaw_quaternion(math.radians(p.yaw_degrees))
            o = o.model_copy(update=update)
        objects.append(o)
    return spec.model_copy(update={"objects": objects})
