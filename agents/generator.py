"""The Generator: a partial spec -> a laid-out spec with cameras framed around it."""
from __future__ import annotations

import numpy as np

from fyi.render.quality import quality_for
from fyi.scenes.asset_loader import assets_for
from fyi.scenes.cameras import frame_cameras
from fyi.scenes.geometry import world_bbox
from fyi.scenes.layout import Layout, LayoutSolver
from fyi.scenes.spec import SceneSpec


def generate(spec: SceneSpec, *, attempt: int = 0, elevation: float = 30.0, margin: float = 0.1) -> Layout:
    assets = assets_for(spec)
    layout = LayoutSolver(spec, assets, attempt=attempt).solve()
    layout.spec = with_cameras(layout.spec, elevation=elevation, margin=margin)
    return layout


def with_cameras(spec: SceneSpec, *, elevation: float = 30.0, margin: float = 0.1) -> SceneSpec:
    assets = assets_for(spec)
    corners = []
    for o in spec.objects:
        lo, hi = world_bbox(o, assets[o.id])
        corners += [(x, y, z) for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])]
    q = quality_for(spec.render)
    cams = frame_cameras(np.array(corners), spec.render.views, q.width, q.height, elevation=elevation, margin=margin)
    return spec.model_copy(update={"cameras": cams})
