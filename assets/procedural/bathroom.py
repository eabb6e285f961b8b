"""Bathroom fixtures and things, fronts toward -Y: toilet, sink (pedestal basin) and toothbrush."""
from __future__ import annotations

import numpy as np

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.palette import METAL, PLASTICS, WHITE
from fyi.assets.procedural.shapes import (box, cylinder, jitter, lathe, make_asset, part, pick, rod, rotate,
                                          superellipsoid, top_surface, tube, vary)

PORCELAIN = (0.95, 0.95, 0.93)


@category("toilet", size=((0.7, 1.0), (0.55, 0.75)), group="furniture", placement="floor", against_wall=True,
          synonyms=("toilet bowl", "wc", "loo", "lavatory", "commode", "water closet", "toilets"))
def toilet(rng: np.random.Generator) -> Asset:
    seat_h = vary(rng, 0.41, 0.04)
    bowl_r = vary(rng, 0.19, 0.06)
    bowl_l = bowl_r * 1.35
    # a bowl on a narrower foot, elongated toward the front
    bowl = lathe([(0.0, 0.0), (bowl_r * 0.55, 0.0), (bowl_r * 0.6, seat_h * 0.35), (bowl_r * 0.95, seat_h * 0.8),
                  (bowl_r, seat_h - 0.03), (bowl_r * 0.8, seat_h - 0.03), (bowl_r * 0.5, seat_h * 0.6),
                  (0.0, seat_h * 0.55)], 32)
    bowl.apply_scale((1.0, bowl_l / bowl_r, 1.0))
    seat = lathe([(bowl_r * 0.62, seat_h - 0.03), (bowl_r * 1.02, seat_h - 0.03), (bowl_r * 1.02, seat_h),
                  (bowl_r * 0.62, seat_h)], 32)
    seat.apply_scale((1.0, bowl_l / bowl_r, 1.0))
    tank_w, tank_d, tank_h = vary(rng, 0.42, 0.06), 0.17, vary(rng, 0.38, 0.08)
    tank_y = bowl_l * 0.85 + tank_d / 2 - 0.04
    tank = superellipsoid((tank_w / 2, tank_d / 2, tank_h / 2), (0, tank_y, seat_h + 0.02 + tank_h / 2), 0.2, 3)
    lid_top = seat_h + 0.02 + tank_h
    lid = superellipsoid((tank_w / 2 + 0.01, tank_d / 2 + 0.01, 0.015), (0, tank_y, lid_top), 0.25, 2)
    neck = box((bowl_r * 0.9, tank_d, seat_h * 0.5), (0, tank_y - 0.03, seat_h * 0.55))
    lid_up = rng.random() < 0.5
    cover = lathe([(0.0, 0.0), (bowl_r, 0.0), (bowl_r, 0.018), (0.0, 0.018)], 32)
    cover.apply_scale((1.0, bowl_l / bowl_r, 1.0))
    if lid_up:  # the cover stands up against the tank
        rotate(cover, np.pi / 2 - 0.15, (1, 0, 0))
        cover.apply_translation((0, tank_y - tank_d / 2 - 0.035, seat_h + bowl_l * 0.98))
    else:
        cover.apply_translation((0, 0, seat_h))
    button = cylinder(0.02, 0.01, (0, tank_y, lid_top + 0.015), 16)
    parts = [part("toilet", [bowl, tank, lid, neck, cover], "ceramic", jitter(rng, PORCELAIN, 0.015)),
             part("seat", seat, "plastic", pick(rng, (WHITE, WHITE, (0.3, 0.22, 0.15))), role="detail"),
             part("flush_button", button, "metal", METAL, role="detail")]
    return make_asset(parts, [top_surface("lid", lid_top + 0.015, (-tank_w / 2, tank_w / 2),
                                          (tank_y - tank_d / 2, tank_y + tank_d / 2), inset=0.02)],
                      description="a white toilet with a seat and a cistern")


@category("sink", size=((0.8, 1.05), (0.4, 0.8)), group="appliance", placement="floor", against_wall=True,
          synonyms=("washbasin", "wash basin", "basin", "bathroom sink", "kitchen sink", "sinks", "hand basin",
                    "pedestal sink"))
def sink(rng: np.random.Generator) -> Asset:
    rim_h = vary(rng, 0.85, 0.04)
    w, d = vary(rng, 0.56, 0.08), vary(rng, 0.44, 0.06)
    depth = 0.15
    basin = lathe([(0.0, rim_h - depth), (0.5, rim_h - depth), (0.5, rim_h), (0.47, rim_h), (0.44, rim_h - depth + 0.02),
                   (0.0, rim_h - depth + 0.02)], 36)
    basin.apply_scale((w, d, 1.0))
    pedestal = lathe([(0.0, 0.0), (0.12, 0.0), (0.1, 0.05), (0.075, rim_h * 0.5), (0.12, rim_h - depth),
                      (0.0, rim_h - depth)], 24)
    pedestal.apply_translation((0, d * 0.08, 0))
    back_y = d / 2 - 0.04
    tap_base = cylinder(0.022, 0.05, (0, back_y, rim_h), 14)
    spout = tube([(0, back_y, rim_h + 0.04), (0, back_y - 0.02, rim_h + 0.12), (0, back_y - 0.1, rim_h + 0.12),
                  (0, back_y - 0.12, rim_h + 0.09)], 0.011, 10)
    handles = [rod((x, back_y, rim_h), (x, back_y, rim_h + 0.05), 0.015, 10) for x in (-0.09, 0.09)]
    drain = cylinder(0.02, 0.003, (0, 0, rim_h - depth + 0.02), 16)
    parts = [part("sink", [basin, pedestal], "ceramic", jitter(rng, PORCELAIN, 0.015)),
             part("tap", [tap_base, spout, *handles, drain], "metal", METAL, role="detail", roughness=0.1)]
    return make_asset(parts, description="a white pedestal sink with a tap")


@category("toothbrush", size=((0.01, 0.03), (0.16, 0.21)), group="indoor", placement="surface", synonyms=("tooth brush", "toothbrushes",
                                                                      "electric toothbrush"))
def toothbrush(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.19, 0.05)  # lying along X, bristles up at +X
    handle = tube([(-length / 2, 0, 0.007), (-length / 2 + length * 0.5, 0, 0.008), (length / 2 - 0.035, 0, 0.006),
                   (length / 2, 0, 0.007)], [0.007, 0.0065, 0.004, 0.005], 10)
    grip = superellipsoid((length * 0.12, 0.0072, 0.0068), (-length / 2 + length * 0.2, 0, 0.007), 0.6, 2)
    tufts = []
    for x in np.linspace(length / 2 - 0.028, length / 2 - 0.004, 6):
        for y in (-0.003, 0.003):
            tufts.append(cylinder(0.0018, 0.011, (x, y, 0.009), 6))
    colour = jitter(rng, pick(rng, PLASTICS), 0.03)
    parts = [part("toothbrush", handle, "plastic", colour),
             part("grip", grip, "rubber", pick(rng, ((0.92, 0.92, 0.9), (0.2, 0.7, 0.75), (0.3, 0.3, 0.32))),
                  role="detail"),
             part("bristles", tufts, "plastic", pick(rng, ((0.95, 0.95, 0.95), (0.4, 0.75, 0.95))), role="detail")]
    return make_asset(parts, description="a toothbrush lying on its side, bristles up")
