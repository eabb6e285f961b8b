"""More animals: a fish, upright as if swimming, its length along X (head at -X) so the main view
sees its profile, which is what tells a fish from anything else.

A lamb is not built here: "lamb" already names the sheep category (animals_large.py).
"""
from __future__ import annotations

import numpy as np

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.shapes import ellipsoid, fine, hull, jitter, make_asset, part, pick, skin_patches, vary

EYE = (0.02, 0.02, 0.02)
# (body, belly, fins) colours of a goldfish, a trout, a perch and a carp
COATS = (((0.95, 0.45, 0.08), (0.98, 0.7, 0.35), (0.98, 0.55, 0.2)),
         ((0.45, 0.5, 0.4), (0.85, 0.8, 0.75), (0.5, 0.45, 0.4)),
         ((0.55, 0.6, 0.25), (0.9, 0.85, 0.7), (0.85, 0.4, 0.15)),
         ((0.6, 0.55, 0.45), (0.85, 0.8, 0.65), (0.5, 0.4, 0.3)),
         ((0.7, 0.72, 0.75), (0.92, 0.92, 0.92), (0.55, 0.57, 0.6)))


def fin(points: list[tuple[float, float]], y: float, thick: float) -> object:
    """A thin fin in the xz plane from its outline points, `thick` deep, centred at y."""
    return hull([(x, y + dy, z) for x, z in points for dy in (-thick / 2, thick / 2)])


@category("fish", size=((0.04, 0.3), (0.12, 0.7)), group="animal", placement="surface",
          synonyms=("goldfish", "trout", "carp", "perch", "fishes", "freshwater fish"))
def fish(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.3, 0.4)
    bl = length * 0.78  # the body; the tail fin makes up the rest
    depth = bl * vary(rng, 0.3, 0.15)
    width = depth * 0.45
    zc = depth * 0.62
    body = ellipsoid((bl / 2, width / 2, depth / 2), (0, 0, zc), 3)
    v = body.vertices  # a blunt head at -X, a slim tail stock at +X
    u = (v[:, 0]) / (bl / 2)
    scale = np.where(u > 0, 1 - 0.55 * u ** 2, 1 - 0.1 * u ** 2)
    v[:, 1] *= scale
    v[:, 2] = zc + (v[:, 2] - zc) * scale
    body.vertices = v
    xt = bl / 2 - bl * 0.05
    tail = fin([(xt, zc), (xt + length * 0.26, zc + depth * 0.55), (xt + length * 0.2, zc), (xt + length * 0.26, zc - depth * 0.5)],
               0.0, width * 0.12)
    dorsal = fin([(-bl * 0.12, zc + depth * 0.45), (bl * 0.2, zc + depth * 0.38), (-bl * 0.02, zc + depth * 0.8)], 0.0, width * 0.1)
    anal = fin([(bl * 0.12, zc - depth * 0.33), (bl * 0.3, zc - depth * 0.22), (bl * 0.22, zc - depth * 0.58)], 0.0, width * 0.1)
    pecs = [fin([(-bl * 0.25, zc - depth * 0.1), (-bl * 0.05, zc - depth * 0.3), (-bl * 0.12, zc - depth * 0.05)],
                s * width * 0.42, width * 0.08) for s in (-1, 1)]
    eyes = [ellipsoid((depth * 0.07,) * 3, (-bl * 0.36, s * width * 0.32, zc + depth * 0.1), 1) for s in (-1, 1)]
    gills = [hull([(-bl * 0.27 + dx, s * width * 0.42, zc + dz) for dx in (0.0, 0.003) for dz in (-depth * 0.25, depth * 0.2)] +
                  [(-bl * 0.25, s * width * 0.44, zc)]) for s in (-1, 1)]
    coat, belly_c, fin_c = (jitter(rng, c, 0.03) for c in pick(rng, COATS))
    dense = fine(body, bl / 30)
    belly = skin_patches(dense, dense.triangles_center[:, 2] < zc - depth * 0.12, 0.0008)
    parts = [part("fish", body, "plastic", coat, roughness=0.35),
             part("belly", belly, "plastic", belly_c, roughness=0.35),
             part("fins", [tail, dorsal, anal, *pecs], "plastic", fin_c, role="detail", roughness=0.4),
             part("eyes", [*eyes, *gills], "plastic", EYE, role="detail", roughness=0.1)]
    return make_asset(parts, description="a fish in profile: a streamlined body with a forked tail and fins")
