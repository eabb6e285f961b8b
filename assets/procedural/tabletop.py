"""Kitchen and tabletop things: vessels turned on a lathe (mugs, bowls, glasses, bottles, vases), plates,
a kettle and a candle. Profiles are closed, counter-clockwise (radius, z) outlines, so hollow vessels
have real insides.
"""
from __future__ import annotations

import numpy as np
import trimesh

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.palette import BLACK, CERAMICS, METAL, PAPER, PLASTICS, WHITE
from fyi.assets.procedural.shapes import (round_interior, arc_points, cylinder, ellipsoid, jitter, lathe, make_asset, part, pick, rod,
                                          top_surface, tube, vary)

GLASS_TINT = (0.88, 0.94, 0.95)


def _cup_profile(r_bottom: float, r_top: float, height: float, wall: float, floor: float) -> list[tuple[float, float]]:
    """A straight-walled open vessel: outer wall up, over the rim, inner wall down, across the floor."""
    return [(0.0, 0.0), (r_bottom, 0.0), (r_top, height), (r_top - wall, height),
            (r_bottom - wall * 1.1, floor), (0.0, floor)]


def _curved_profile(r_foot: float, r_rim: float, height: float, wall: float, floor: float,
                    steps: int = 10) -> list[tuple[float, float]]:
    """A rounded bowl: a quarter-ellipse from the flat foot up to the rim, and its inner twin back down."""
    u = np.linspace(0.0, 1.0, steps)
    outer = [(r_foot + (r_rim - r_foot) * np.sin(t * np.pi / 2), height * (1 - np.cos(t * np.pi / 2))) for t in u]
    inner = [(r_foot - wall + (r_rim - wall - (r_foot - wall)) * np.sin(t * np.pi / 2),
              floor + (height - floor) * (1 - np.cos(t * np.pi / 2))) for t in u[::-1]]
    return [(0.0, 0.0)] + outer + inner + [(0.0, floor)]


def _side_handle(x_wall: float, z_mid: float, reach: float, span: float, thickness: float) -> trimesh.Trimesh:
    """A D-shaped handle on the +X side whose ends are buried in a wall at x_wall."""
    path = arc_points(1.0, -np.pi / 2, np.pi / 2, count=14)
    path[:, 0] = x_wall - 0.004 + path[:, 0] * reach
    path[:, 2] = z_mid + path[:, 2] * span / 2
    return tube(path, thickness, 10)


@category("mug", size=((0.07, 0.12), (0.08, 0.13)), group="kitchen", placement="surface", synonyms=("cup", "coffee mug", "coffee cup", "tea cup", "teacup"))
def mug(rng: np.random.Generator) -> Asset:
    r, h = vary(rng, 0.041, 0.1), vary(rng, 0.095, 0.12)
    taper = vary(rng, 0.92, 0.06)
    body = lathe(_cup_profile(r * taper, r, h, 0.005, 0.008))
    handle = _side_handle((r + r * taper) / 2, h * 0.52, vary(rng, 0.028, 0.12), h * 0.6, 0.0055)
    parts = [part("mug", [body, handle], "ceramic", jitter(rng, pick(rng, CERAMICS)))]
    if rng.random() < 0.5:  # coffee a little below the rim
        z = h * 0.8
        parts.append(part("coffee", cylinder(r * (taper + (1 - taper) * 0.8) - 0.0052, 0.003, (0, 0, z - 0.003)),
                          "food", (0.16, 0.08, 0.04), role="detail", roughness=0.08))
    return make_asset(parts, [round_interior(r * taper - 0.005, 0.008)], description="a ceramic coffee mug with a handle")


@category("plate", size=((0.015, 0.03), (0.22, 0.3)), group="kitchen", placement="surface", synonyms=("dinner plate", "dish", "saucer"))
def plate(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.13, 0.12)
    well = r * 0.65
    profile = [(0.0, 0.0), (well, 0.0), (well + 0.004, 0.003), (r, 0.018), (r, 0.021), (r - 0.006, 0.021),
               (well, 0.008), (0.0, 0.008)]
    body = lathe(profile, 48)
    half = well * 0.7
    return make_asset([part("plate", body, "ceramic", jitter(rng, pick(rng, (WHITE, WHITE) + CERAMICS), 0.02))],
                      [top_surface("top", 0.008, (-half, half), (-half, half), inset=0.0)], "a round ceramic plate")


@category("bowl", size=((0.04, 0.1), (0.13, 0.28)), group="kitchen", placement="surface", synonyms=("fruit bowl", "salad bowl", "soup bowl"))
def bowl(rng: np.random.Generator) -> Asset:
    big = rng.random() < 0.7
    r = vary(rng, 0.125 if big else 0.075, 0.05)
    h = r * vary(rng, 0.62, 0.1)
    floor = 0.008
    body = lathe(_curved_profile(r * 0.55, r, h, 0.006, floor), 40)
    # the rectangle objects "in" the bowl stand on: the flat floor plus some of the wall's rise
    surface = round_interior(r, floor, share=0.6)
    material = pick(rng, ("ceramic", "ceramic", "wood"))
    color = jitter(rng, pick(rng, CERAMICS) if material == "ceramic" else (0.55, 0.36, 0.2))
    return make_asset([part("bowl", body, material, color)], [surface],
                      "a large fruit bowl" if big else "a small bowl")


@category("glass", size=((0.08, 0.14), (0.05, 0.09)), group="kitchen", placement="surface",
          synonyms=("drinking glass", "tumbler", "water glass", "glass of water"))
def glass(rng: np.random.Generator) -> Asset:
    r, h = vary(rng, 0.034, 0.1), vary(rng, 0.11, 0.15)
    foot = r * vary(rng, 0.85, 0.05)
    body = lathe(_cup_profile(foot, r, h, 0.003, 0.012))
    parts = [part("glass", body, "glass", GLASS_TINT, roughness=0.02)]
    if rng.random() < 0.4:
        parts.append(part("water", cylinder(r * 0.85 - 0.003, h * 0.5, (0, 0, 0.012)), "glass", (0.8, 0.9, 0.95),
                          role="detail", roughness=0.0))
    return make_asset(parts, [round_interior(foot - 0.003, 0.012)], description="a clear drinking glass")


@category("wine_glass", size=((0.15, 0.24), (0.06, 0.11)), group="kitchen", placement="surface", synonyms=("wineglass", "goblet", "champagne glass"))
def wine_glass(rng: np.random.Generator) -> Asset:
    foot, stem_h = vary(rng, 0.036, 0.1), vary(rng, 0.09, 0.15)
    bowl_r, bowl_h = vary(rng, 0.042, 0.1), vary(rng, 0.1, 0.1)
    u = np.linspace(0.0, 1.0, 9)
    outer = [(0.006 + (bowl_r - 0.006) * np.sin(t * np.pi * 0.62) / np.sin(np.pi * 0.62), stem_h + bowl_h * t) for t in u]
    inner = [(max(x - 0.0025, 0.001), z + 0.004) for x, z in outer[::-1]][:-1]
    profile = ([(0.0, 0.0), (foot, 0.0), (foot, 0.003), (0.005, 0.008), (0.004, stem_h)] + outer[1:] +
               [(outer[-1][0] - 0.0025, outer[-1][1])] + inner[1:] + [(0.0, stem_h + 0.012)])
    return make_asset([part("wine_glass", lathe(profile), "glass", GLASS_TINT, roughness=0.02)],
                      description="a stemmed wine glass")


@category("bottle", size=((0.24, 0.36), (0.06, 0.09)), group="kitchen", placement="surface",
          synonyms=("wine bottle", "water bottle", "beer bottle", "glass bottle"))
def bottle(rng: np.random.Generator) -> Asset:
    r, h = vary(rng, 0.037, 0.12), vary(rng, 0.3, 0.12)
    shoulder, neck = h * vary(rng, 0.62, 0.08), vary(rng, 0.013, 0.1)
    profile = [(0.0, 0.0), (r - 0.003, 0.0), (r, 0.004), (r, shoulder), (r * 0.7, shoulder + h * 0.07),
               (neck, shoulder + h * 0.17), (neck, h - 0.025), (neck + 0.002, h - 0.02), (neck + 0.002, h - 0.012),
               (0.0, h - 0.012)]
    color = jitter(rng, pick(rng, ((0.10, 0.35, 0.15), (0.35, 0.18, 0.06), (0.80, 0.90, 0.92))), 0.02)
    parts = [part("bottle", lathe(profile), "glass", color, roughness=0.05),
             part("cap", cylinder(neck + 0.003, 0.014, (0, 0, h - 0.014), 20), "metal",
                  jitter(rng, pick(rng, (METAL, (0.7, 0.1, 0.1), (0.85, 0.7, 0.2)))), role="detail"),
             part("label", lathe([(r + 0.0005, shoulder * 0.3), (r + 0.0015, shoulder * 0.3),
                                  (r + 0.0015, shoulder * 0.85), (r + 0.0005, shoulder * 0.85)]),
                  "paper", jitter(rng, PAPER), role="detail")]
    return make_asset(parts, description="a glass bottle with a cap and a label")


@category("kettle", size=((0.17, 0.27), (0.18, 0.3)), group="kitchen", placement="surface", synonyms=("electric kettle", "teapot", "tea kettle"))
def kettle(rng: np.random.Generator) -> Asset:
    r, h = vary(rng, 0.085, 0.1), vary(rng, 0.2, 0.1)
    u = np.linspace(0.0, 1.0, 10)
    # a belly that narrows toward the lid
    outer = [(r * (0.85 + 0.15 * np.sin(np.pi * (0.25 + 0.75 * t))) * (1 - 0.25 * t), h * t) for t in u]
    profile = [(0.0, 0.0)] + outer + [(0.0, h)]
    body = lathe(profile)
    lid_r = outer[-1][0]
    knob = ellipsoid((0.018, 0.018, 0.014), (0, 0, h + 0.006), 2)
    spout = tube([(-r * 0.7, 0, h * 0.35), (-r * 1.05, 0, h * 0.55), (-r * 1.35, 0, h * 0.82)], [0.016, 0.012, 0.009], 12)
    handle = _side_handle(r * 0.75, h * 0.55, vary(rng, 0.06, 0.15), h * 0.75, 0.011)
    metal = rng.random() < 0.5
    color = jitter(rng, METAL if metal else pick(rng, PLASTICS + CERAMICS[:2]), 0.02)
    parts = [part("kettle", [body, spout], "metal" if metal else "ceramic", color),
             part("lid", lathe([(0.0, h - 0.002), (lid_r - 0.004, h - 0.002), (lid_r - 0.006, h + 0.006), (0.0, h + 0.01)]),
                  "metal" if metal else "ceramic", color),
             part("handle_and_knob", [handle, knob], "plastic", BLACK, role="detail")]
    return make_asset(parts, description="a kettle with a spout and a handle")


@category("vase", size=((0.2, 0.36), (0.09, 0.2)), group="kitchen", placement="surface", synonyms=("flower vase", "urn", "jar"))
def vase(rng: np.random.Generator) -> Asset:
    h = vary(rng, 0.28, 0.2)
    base, belly, neck, lip = (vary(rng, 0.05, 0.15), vary(rng, 0.08, 0.15), vary(rng, 0.035, 0.15),
                              vary(rng, 0.048, 0.15))
    belly_at = vary(rng, 0.4, 0.2)
    z = np.linspace(0.0, 1.0, 14)
    # a smooth base-belly-neck-lip radius curve through four control heights
    radius = np.interp(z, [0.0, belly_at, 0.82, 1.0], [base, belly, neck, lip])
    radius = np.convolve(np.pad(radius, 1, mode="edge"), [0.25, 0.5, 0.25], mode="valid")
    outer = list(zip(radius, z * h))
    wall = 0.006
    inner = [(max(x - wall, 0.004), zz) for x, zz in outer[::-1]][:-1]
    profile = [(0.0, 0.0)] + outer + inner + [(0.0, 0.01)]
    body = lathe(profile, 40)
    material = pick(rng, ("ceramic", "ceramic", "glass"))
    color = jitter(rng, pick(rng, CERAMICS)) if material == "ceramic" else jitter(rng, (0.55, 0.75, 0.8), 0.05)
    # stems stand on the inside bottom, through the neck: what the narrowest opening above it holds
    inside = round_interior(min(radius[np.argmax(radius):]) - wall, 0.01)
    return make_asset([part("vase", body, material, color)], [inside], description="a tall vase with a narrow neck")


@category("candle", size=((0.07, 0.22), (0.05, 0.09)), group="kitchen", placement="surface", synonyms=("candles", "pillar candle", "tea light"))
def candle(rng: np.random.Generator) -> Asset:
    r, h = vary(rng, 0.035, 0.15), pick(rng, (0.08, 0.12, 0.16)) * rng.uniform(0.9, 1.1)
    wax = lathe([(0.0, 0.0), (r, 0.0), (r, h), (r * 0.85, h - 0.006), (0.0, h - 0.006)])
    parts = [part("candle", wax, "plastic", jitter(rng, pick(rng, ((0.95, 0.93, 0.86), (0.85, 0.2, 0.15), (0.9, 0.85, 0.6))),
                                                   0.02), roughness=0.5),
             part("wick", rod((0, 0, h - 0.01), (0, 0, h + 0.008), 0.0015, 6), "fabric", BLACK, role="detail"),
             part("flame", ellipsoid((0.006, 0.006, 0.015), (0, 0, h + 0.022), 2), "emissive", (1.0, 0.7, 0.25),
                  role="detail")]
    return make_asset(parts, description="a lit pillar candle")
