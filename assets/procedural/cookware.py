"""Cooking: pans and pots (open, with an interior things go in), a pitcher, boards and trays to put
things on, small kitchen appliances fronts toward -Y, a dishwasher, utensils lying along X, a cooler.
"""
from __future__ import annotations

import numpy as np
import trimesh

from fyi.assets.catalog import category
from fyi.assets.model import Asset
from fyi.assets.procedural.appliances import APPLIANCE_FINISHES, DOOR_GLASS
from fyi.assets.procedural.palette import BLACK, CERAMICS, DARK_METAL, METAL, PLASTICS, WHITE, WOODS
from fyi.assets.procedural.shapes import (box, round_interior, cylinder, hull, jitter, lathe, make_asset, part, pick, rod, rotate, slab,
                                          superellipsoid, top_surface, torus, tube, rounded_rect, vary)
from fyi.assets.procedural.tabletop import GLASS_TINT, _side_handle

NONSTICK = (0.1, 0.1, 0.11)
STEEL = (0.78, 0.78, 0.8)


def _vessel(r_bottom: float, r_top: float, height: float, wall: float = 0.003) -> trimesh.Trimesh:
    """An open round pan: a flat floor, walls flaring from r_bottom to r_top, a real inside."""
    return lathe([(0.0, 0.0), (r_bottom, 0.0), (r_top, height), (r_top - wall, height), (r_bottom - wall, wall * 1.5),
                  (0.0, wall * 1.5)], 40)


def _long_handle(x0: float, length: float, z0: float, rise: float, radius: float) -> trimesh.Trimesh:
    """A pan's handle from the rim at x0 out along +X, rising a little toward its end."""
    return tube([(x0 - 0.01, 0, z0), (x0 + length * 0.4, 0, z0 + rise * 0.6), (x0 + length, 0, z0 + rise)],
                [radius * 0.8, radius, radius * 1.1], 10)


@category("frying_pan", size=((0.03, 0.1), (0.3, 0.6)), group="kitchen", placement="surface",
          synonyms=("frypan", "fry pan", "skillet", "frying pans"))
def frying_pan(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.13, 0.15)
    h = vary(rng, 0.045, 0.12)
    body = _vessel(r * 0.8, r, h)
    handle = _long_handle(r - 0.005, vary(rng, 0.19, 0.1), h * 0.8, 0.025, 0.011)
    handle.apply_scale((1.0, 1.0, 0.7))
    handle.apply_translation((0, 0, h * 0.25))
    cast_iron = rng.random() < 0.3
    colour = jitter(rng, DARK_METAL if cast_iron else NONSTICK, 0.01)
    parts = [part("frying_pan", body, "metal", colour, roughness=0.4),
             part("handle", handle, "metal" if cast_iron else "plastic", colour if cast_iron else BLACK, role="detail")]
    return make_asset(parts, [round_interior(r * 0.8, 0.0045, share=0.68)], "a frying pan with a long handle")


@category("pan", size=((0.07, 0.17), (0.28, 0.5)), group="kitchen", placement="surface",
          synonyms=("cooking pan", "sauce pan", "sautee pan", "saute pan"))
def pan(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.09, 0.15)
    h = r * vary(rng, 0.9, 0.15)
    body = _vessel(r * 0.97, r, h, 0.0025)
    rim = torus(r - 0.001, 0.002, (0, 0, h), 40, 6)
    handle = _long_handle(r - 0.004, vary(rng, 0.18, 0.1), h * 0.85, 0.02, 0.01)
    steel = rng.random() < 0.6
    colour = jitter(rng, STEEL if steel else pick(rng, ((0.75, 0.2, 0.12), (0.15, 0.3, 0.55), NONSTICK)), 0.02)
    parts = [part("pan", [body, rim], "metal", colour, roughness=0.25),
             part("handle", handle, "metal" if steel else "plastic", STEEL if steel else BLACK, role="detail")]
    return make_asset(parts, [round_interior(r * 0.97, 0.004, share=0.68)], "a saucepan with a long handle")


@category("pot", size=((0.12, 0.36), (0.22, 0.46)), group="kitchen", placement="surface",
          synonyms=("cooking pot", "stockpot", "stock pot", "soup pot", "dutch oven"))
def pot(rng: np.random.Generator) -> Asset:
    r = vary(rng, 0.12, 0.15)
    h = r * vary(rng, 1.2, 0.2)
    body = _vessel(r, r, h, 0.003)
    rim = torus(r - 0.0015, 0.0025, (0, 0, h), 40, 6)
    handles = []
    for s in (-1, 1):
        loop = torus(0.025, 0.005, (0, 0, 0), 16, 6)
        loop.apply_scale((1.0, 1.4, 1.0))
        loop.apply_translation((s * (r + 0.012), 0, h * 0.85))
        handles.append(loop)
    colour = jitter(rng, pick(rng, (STEEL, STEEL, (0.7, 0.15, 0.1), (0.15, 0.25, 0.45), NONSTICK)), 0.02)
    parts = [part("pot", [body, rim], "metal", colour, roughness=0.25),
             part("handles", handles, "metal", STEEL, role="detail")]
    return make_asset(parts, [round_interior(r, 0.0045, share=0.68)], "a deep cooking pot with two handles")


@category("pitcher", size=((0.16, 0.32), (0.14, 0.28)), group="kitchen", placement="surface",
          synonyms=("ewer", "jug", "water pitcher", "juice jug", "carafe", "cream jug"))
def pitcher(rng: np.random.Generator) -> Asset:
    r, h = vary(rng, 0.065, 0.12), vary(rng, 0.23, 0.12)
    u = np.linspace(0.0, 1.0, 12)
    outer = [(r * (0.85 + 0.15 * np.sin(np.pi * (0.2 + 0.8 * t))) * (1 - 0.12 * t) + 0.012 * t ** 4, h * t) for t in u]
    wall = 0.004
    inner = [(max(x - wall, 0.003), max(z, 0.01)) for x, z in outer[::-1]][:-1]
    body = lathe([(0.0, 0.0)] + outer + inner + [(0.0, 0.01)], 36)
    # the spout: the rim pulled out toward -X, a little above it
    rim_r = outer[-1][0]
    spout = hull([(-rim_r + 0.004, y, z) for y in (-0.022, 0.022) for z in (h - 0.035, h)] +
                 [(-rim_r - 0.025, 0.0, h + 0.008), (-rim_r - 0.02, 0.0, h - 0.005)])
    handle = _side_handle(rim_r * 0.9, h * 0.6, vary(rng, 0.045, 0.15), h * 0.6, 0.008)
    material = pick(rng, ("glass", "ceramic", "ceramic"))
    colour = GLASS_TINT if material == "glass" else jitter(rng, pick(rng, CERAMICS))
    return make_asset([part("pitcher", [body, spout, handle], material, colour, roughness=0.05 if material == "glass" else None)],
                      description="a pitcher with a pouring spout and a handle")


@category("tray", size=((0.012, 0.07), (0.3, 0.62)), group="kitchen", placement="surface",
          synonyms=("serving tray", "tea tray", "trays", "platter", "serving platter"))
def tray(rng: np.random.Generator) -> Asset:
    w, d = vary(rng, 0.46, 0.15), vary(rng, 0.32, 0.12)
    rim_h, t = vary(rng, 0.035, 0.3), 0.006
    base = slab(rounded_rect(w, d, 0.03), t)
    rim = [box((w, 0.008, rim_h), (0, s * (d / 2 - 0.004), rim_h / 2)) for s in (-1, 1)]
    rim += [box((0.01, d, rim_h + 0.012), (s * (w / 2 - 0.005), 0, (rim_h + 0.012) / 2)) for s in (-1, 1)]
    grips = [box((0.008, d * 0.35, 0.01), (s * (w / 2 - 0.004), 0, rim_h - 0.006)) for s in (-1, 1)]
    material = pick(rng, ("wood", "metal", "plastic"))
    colour = jitter(rng, pick(rng, WOODS) if material == "wood" else (METAL if material == "metal" else pick(rng, PLASTICS)))
    parts = [part("tray", [base, *rim], material, colour),
             part("grips", grips, "plastic", BLACK, role="detail")]
    return make_asset(parts, [top_surface("top", t, (-w / 2, w / 2), (-d / 2, d / 2), inset=0.015)],
                      "a serving tray with a raised rim and handles")


@category("chopping_board", size=((0.01, 0.05), (0.25, 0.55)), group="kitchen", placement="surface",
          synonyms=("cutting board", "chopping block", "breadboard", "bread board", "butcher block"))
def chopping_board(rng: np.random.Generator) -> Asset:
    w, d, t = vary(rng, 0.38, 0.15), vary(rng, 0.25, 0.12), vary(rng, 0.02, 0.2)
    board = slab(rounded_rect(w, d, 0.02), t)
    tab = slab(rounded_rect(0.08, 0.07, 0.03, (w / 2 + 0.02, 0.0)), t)
    hole = slab(rounded_rect(0.035, 0.018, 0.009, (w / 2 + 0.03, 0.0)), 0.001, t)
    plastic = rng.random() < 0.25
    colour = jitter(rng, pick(rng, (WHITE, (0.3, 0.6, 0.3))) if plastic else pick(rng, WOODS[:3]), 0.03)
    parts = [part("chopping_board", [board, tab], "plastic" if plastic else "wood", colour),
             part("hole", hole, "plastic", BLACK, role="detail")]
    return make_asset(parts, [top_surface("top", t, (-w / 2, w / 2), (-d / 2, d / 2), inset=0.01)],
                      "a chopping board with a hanging hole in its handle")


@category("blender", size=((0.3, 0.5), (0.13, 0.26)), group="appliance", placement="surface",
          synonyms=("liquidizer", "liquidiser", "food blender", "smoothie maker", "blenders"))
def blender(rng: np.random.Generator) -> Asset:
    bw, bh = vary(rng, 0.17, 0.1), vary(rng, 0.13, 0.1)
    base = lathe([(0.0, 0.0), (bw * 0.55, 0.0), (bw * 0.5, bh * 0.95), (bw * 0.38, bh), (0.0, bh)], 4)
    rotate(base, np.pi / 4, (0, 0, 1))
    jar_h = vary(rng, 0.22, 0.1)
    wall = 0.004
    jar = lathe([(0.0, bh), (bw * 0.28, bh), (bw * 0.42, bh + jar_h), (bw * 0.42 - wall, bh + jar_h),
                 (bw * 0.28 - wall, bh + 0.012), (0.0, bh + 0.012)], 32)
    lid = cylinder(bw * 0.44, 0.02, (0, 0, bh + jar_h - 0.004), 32)
    cap = cylinder(bw * 0.12, 0.02, (0, 0, bh + jar_h + 0.014), 16)
    handle = _side_handle(bw * 0.36, bh + jar_h * 0.55, 0.055, jar_h * 0.7, 0.01)
    dial = cylinder(0.018, 0.012, (0, 0, 0), 16)
    rotate(dial, np.pi / 2, (1, 0, 0))
    dial.apply_translation((0, -bw * 0.52, bh * 0.45))
    blades = box((bw * 0.35, 0.012, 0.003), (0, 0, bh + 0.02))
    finish = jitter(rng, pick(rng, APPLIANCE_FINISHES + ((0.75, 0.12, 0.1),)), 0.02)
    parts = [part("blender", [base, lid, cap], "plastic", finish, roughness=0.3),
             part("jar", [jar, handle], "glass", GLASS_TINT, role="detail", roughness=0.03),
             part("dial_and_blades", [dial, blades], "metal", METAL, role="detail")]
    return make_asset(parts, description="a blender: a motor base under a tall clear jar with a lid")


@category("coffee_maker", size=((0.26, 0.45), (0.16, 0.36)), group="appliance", placement="surface",
          synonyms=("coffee machine", "coffeemaker", "espresso machine", "drip coffee maker", "coffee makers"))
def coffee_maker(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 0.2, 0.12), vary(rng, 0.24, 0.1), vary(rng, 0.35, 0.1)
    base = box((w, d, 0.035), (0, 0, 0.0175))
    tower = box((w, d * 0.4, h), (0, d * 0.3, h / 2))
    head = box((w, d * 0.75, 0.09), (0, d * 0.125, h - 0.045))
    hot_plate = cylinder(w * 0.35, 0.004, (0, -d * 0.2, 0.035), 24)
    pot_h = (h - 0.09 - 0.035) * 0.8
    carafe = lathe([(0.0, 0.0), (w * 0.33, 0.0), (w * 0.37, pot_h * 0.35), (w * 0.22, pot_h * 0.85), (w * 0.24, pot_h),
                    (w * 0.22, pot_h), (w * 0.2, pot_h * 0.85), (w * 0.34, pot_h * 0.35), (w * 0.3, 0.004), (0.0, 0.004)], 28)
    carafe.apply_translation((0, -d * 0.2, 0.039))
    coffee = lathe([(0.0, 0.0), (w * 0.3, 0.0), (w * 0.33, pot_h * 0.3), (0.0, pot_h * 0.3)], 28)
    coffee.apply_translation((0, -d * 0.2, 0.043))
    handle = _side_handle(w * 0.33, 0.039 + pot_h * 0.45, 0.04, pot_h * 0.5, 0.008)
    handle.apply_translation((0, -d * 0.2, 0))
    button = box((0.03, 0.006, 0.015), (w * 0.3, -d / 2 - 0.002, 0.0175))
    light = box((0.008, 0.004, 0.008), (w * 0.3 - 0.03, -d / 2 - 0.001, 0.0175))
    finish = jitter(rng, pick(rng, APPLIANCE_FINISHES), 0.02)
    parts = [part("coffee_maker", [base, tower, head], "plastic", finish, roughness=0.3),
             part("carafe", carafe, "glass", GLASS_TINT, role="detail", roughness=0.03),
             part("coffee", coffee, "food", (0.12, 0.06, 0.03), role="detail", roughness=0.1),
             part("handle_and_plate", [handle, hot_plate, button], "plastic", BLACK, role="detail"),
             part("light", light, "emissive", (1.0, 0.3, 0.1), role="detail")]
    return make_asset(parts, description="a drip coffee maker with a glass carafe of coffee")


@category("toaster_oven", size=((0.18, 0.34), (0.35, 0.56)), group="appliance", placement="surface",
          synonyms=("toaster ovens", "mini oven", "countertop oven", "convection oven"))
def toaster_oven(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 0.45, 0.1), vary(rng, 0.33, 0.1), vary(rng, 0.25, 0.1)
    case = superellipsoid((w / 2, d / 2, h / 2), (0, 0, h / 2 + 0.015), 0.12, 3)
    feet = [cylinder(0.012, 0.016, (x * (w / 2 - 0.04), y * (d / 2 - 0.04), 0.0), 8) for x in (-1, 1) for y in (-1, 1)]
    door_w = w * 0.7
    door_x = -w / 2 + door_w / 2 + 0.012
    door = box((door_w, 0.008, h * 0.82), (door_x, -d / 2 - 0.002, h / 2 + 0.015))
    window = box((door_w * 0.82, 0.004, h * 0.55), (door_x, -d / 2 - 0.007, h * 0.47 + 0.015))
    handle = rod((door_x - door_w * 0.4, -d / 2 - 0.025, h * 0.85), (door_x + door_w * 0.4, -d / 2 - 0.025, h * 0.85), 0.006, 8)
    knobs = []
    for k in range(3):
        knob = cylinder(0.017, 0.015, (0, 0, 0), 14)
        rotate(knob, np.pi / 2, (1, 0, 0))
        knob.apply_translation((w / 2 - (w - door_w) / 2 + 0.005, -d / 2 - 0.004, h * (0.8 - 0.27 * k) + 0.015))
        knobs.append(knob)
    finish = jitter(rng, pick(rng, APPLIANCE_FINISHES), 0.02)
    parts = [part("toaster_oven", [case, door], "metal", finish, roughness=0.3),
             part("window", window, "glass", DOOR_GLASS, role="detail", roughness=0.05),
             part("handle_and_knobs", [handle, *knobs, *feet], "plastic", BLACK if finish[0] > 0.4 else METAL, role="detail")]
    return make_asset(parts, [top_surface("top", h + 0.015, (-w / 2, w / 2), (-d / 2, d / 2), inset=0.04)],
                      "a toaster oven with a glass door and three knobs")


@category("dishwasher", size=((0.8, 0.92), (0.44, 0.66)), group="appliance", placement="floor", against_wall=True,
          synonyms=("dishwashing machine", "dish washer", "dishwashers"))
def dishwasher(rng: np.random.Generator) -> Asset:
    w, d, h = pick(rng, (0.6, 0.6, 0.45)), 0.6, vary(rng, 0.85, 0.03)
    body = box((w, d, h - 0.1), (0, 0, (h - 0.1) / 2 + 0.1))
    kick = box((w - 0.02, d - 0.06, 0.1), (0, 0.03, 0.05))
    door = box((w - 0.01, 0.02, h - 0.2), (0, -d / 2 - 0.01, 0.1 + (h - 0.2) / 2))
    panel = box((w - 0.01, 0.022, 0.09), (0, -d / 2 - 0.011, h - 0.055))
    handle = rod((-w * 0.3, -d / 2 - 0.045, h - 0.14), (w * 0.3, -d / 2 - 0.045, h - 0.14), 0.009, 10)
    brackets = [rod((x, -d / 2 - 0.02, h - 0.14), (x, -d / 2 - 0.045, h - 0.14), 0.006, 6) for x in (-w * 0.28, w * 0.28)]
    buttons = [box((0.025, 0.006, 0.012), (w * 0.05 + k * 0.035, -d / 2 - 0.024, h - 0.055)) for k in range(4)]
    display = box((0.07, 0.004, 0.025), (-w * 0.25, -d / 2 - 0.023, h - 0.055))
    finish = jitter(rng, pick(rng, APPLIANCE_FINISHES), 0.02)
    parts = [part("dishwasher", [body, door], "metal", finish, roughness=0.3),
             part("control_panel", panel, "plastic", (0.12, 0.12, 0.13), role="detail"),
             part("handle", [handle, *brackets, *buttons], "metal", METAL, role="detail"),
             part("kick_plate", kick, "plastic", BLACK, role="detail"),
             part("display", display, "emissive", (0.3, 0.7, 1.0), role="detail")]
    return make_asset(parts, [top_surface("top", h, (-w / 2, w / 2), (-d / 2, d / 2), inset=0.03)],
                      "a dishwasher with a control strip over its door")


@category("spatula", size=((0.005, 0.05), (0.22, 0.42)), group="kitchen", placement="surface",
          synonyms=("turner", "fish slice", "pancake turner", "egg slice", "spatulas"))
def spatula(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.32, 0.12)
    blade_l, blade_w = length * 0.3, vary(rng, 0.075, 0.12)
    t = 0.003
    x1 = length / 2
    blade = hull([(x, y, z) for x, y in ((x1 - blade_l, -0.012), (x1 - blade_l, 0.012), (x1, -blade_w / 2), (x1, blade_w / 2))
                  for z in (0.0, t)])
    slots = [box((blade_l * 0.55, 0.004, 0.001), (x1 - blade_l * 0.42, y, t + 0.0003)) for y in (-0.014, 0.0, 0.014)]
    neck = tube([(x1 - blade_l + 0.005, 0, t), (x1 - blade_l - 0.03, 0, 0.012)], 0.004, 8)
    handle = tube([(x1 - blade_l - 0.03, 0, 0.012), (-length / 2 + 0.01, 0, 0.012)], 0.011, 12)
    handle.apply_scale((1.0, 1.0, 0.85))
    if rng.random() < 0.5:  # a steel blade on a coloured handle
        parts = [part("spatula", blade, "metal", STEEL, roughness=0.2),
                 part("handle", handle, "plastic", jitter(rng, pick(rng, (BLACK, (0.8, 0.15, 0.1))), 0.03))]
    else:  # one moulded nylon or wooden turner
        material = pick(rng, ("plastic", "plastic", "wood"))
        colour = jitter(rng, BLACK if material == "plastic" else WOODS[0], 0.03)
        parts = [part("spatula", [blade, handle], material, colour)]
    parts += [part("neck", neck, "metal", STEEL, role="detail"),
              part("slots", slots, "plastic", (0.05, 0.05, 0.05), role="detail")]
    return make_asset(parts, description="a slotted spatula (turner) lying flat")


@category("tongs", size=((0.01, 0.05), (0.2, 0.42)), group="kitchen", placement="surface",
          synonyms=("kitchen tongs", "serving tongs", "salad tongs", "bbq tongs"))
def tongs(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.28, 0.2)
    gap = vary(rng, 0.045, 0.2)
    arms, tips = [], []
    for s in (-1, 1):
        path = [(-length / 2, s * 0.008, 0.008), (-length / 2 + length * 0.2, s * 0.014, 0.008),
                (length / 2 - 0.03, s * gap / 2, 0.008)]
        arm = tube(path, 0.006, 8)
        arm.apply_scale((1.0, 0.55, 1.0))
        arms.append(arm)
        tips.append(superellipsoid((0.02, 0.004, 0.009), (length / 2 - 0.02, s * (gap / 2 - 0.002), 0.009), 0.4, 2))
    hinge = cylinder(0.012, 0.016, (-length / 2, 0, 0.0), 16)
    colour = jitter(rng, pick(rng, (STEEL, STEEL, BLACK, (0.8, 0.15, 0.1))), 0.02)
    parts = [part("tongs", [*arms, *tips], "metal" if colour[0] > 0.5 and colour[1] > 0.5 else "plastic", colour,
                  roughness=0.25),
             part("hinge", hinge, "metal", DARK_METAL, role="detail")]
    return make_asset(parts, description="a pair of kitchen tongs, slightly open")


@category("chopstick", size=((0.005, 0.02), (0.19, 0.3)), group="kitchen", placement="surface",
          synonyms=("chopsticks", "hashi"))
def chopstick(rng: np.random.Generator) -> Asset:
    length = vary(rng, 0.235, 0.1)
    sticks = []
    for s, angle in ((-1, rng.uniform(0.0, 0.06)), (1, -rng.uniform(0.0, 0.06))):
        x = np.linspace(-length / 2, length / 2, 6)
        radius = np.linspace(0.0045, 0.0022, 6)
        stick = tube(np.column_stack([x, np.full_like(x, s * 0.012), 0.0045 + 0.0 * x]), radius, 8)
        rotate(stick, angle, (0, 0, 1), (-length / 2, s * 0.012, 0))
        sticks.append(stick)
    material = pick(rng, ("wood", "wood", "plastic"))
    colour = jitter(rng, pick(rng, WOODS[:3]) if material == "wood" else pick(rng, (BLACK, (0.65, 0.1, 0.08))), 0.03)
    return make_asset([part("chopstick", sticks, material, colour)], description="a pair of chopsticks")


@category("cooler", size=((0.28, 0.55), (0.38, 0.85)), group="outdoor", placement="floor",
          synonyms=("ice chest", "cool box", "coolbox", "picnic cooler", "ice cooler", "cooler box", "coolers"))
def cooler(rng: np.random.Generator) -> Asset:
    w, d, h = vary(rng, 0.6, 0.2), vary(rng, 0.38, 0.12), vary(rng, 0.38, 0.15)
    body = superellipsoid((w / 2, d / 2, h * 0.4), (0, 0, h * 0.4), 0.15, 3)
    lid = superellipsoid((w / 2 + 0.005, d / 2 + 0.005, h * 0.1), (0, 0, h * 0.88), 0.2, 3)
    handles = []
    for s in (-1, 1):
        handles.append(box((0.03, d * 0.45, 0.025), (s * (w / 2 + 0.01), 0, h * 0.62)))
    latch = box((0.05, 0.015, 0.05), (0, -d / 2 - 0.006, h * 0.78))
    colour = jitter(rng, pick(rng, ((0.15, 0.35, 0.75), (0.75, 0.12, 0.1), (0.2, 0.5, 0.3), (0.9, 0.9, 0.88))), 0.03)
    parts = [part("cooler", body, "plastic", colour, roughness=0.4),
             part("lid", lid, "plastic", WHITE, role="detail", roughness=0.4),
             part("handles", [*handles, latch], "plastic", (0.2, 0.2, 0.22), role="detail")]
    return make_asset(parts, [top_surface("top", h * 0.98, (-w / 2, w / 2), (-d / 2, d / 2), inset=0.05)],
                      "a picnic cooler: an insulated box with a white lid")
