"""Cycles node materials from the resolved scene's material data: object parts, floors, walls, ground.

`make_material` turns one `render.scene.Material` into a node tree: its kind picks the recipe, its
tones (sRGB) the colours, its texture offset where the procedural texture starts, its roughness
overrides the recipe's. Every recipe keeps the requested colour dominant: procedural textures only
modulate it (a few tens of percent of brightness, never its hue), so "a red mug" renders red
whatever its material. Texture coordinates are object-space metres shifted by the seeded offset.
"""
from __future__ import annotations

import colorsys
from collections.abc import Sequence

import bpy
import numpy as np

from fyi.assets.style import KINDS
from fyi.render.scene import ROUGHNESS, Material

Color = tuple[float, float, float]


class _Graph:
    """A material's node tree with terse node creation and linking."""

    def __init__(self, material: bpy.types.Material) -> None:
        material.use_nodes = True
        self.tree = material.node_tree
        self.tree.nodes.clear()
        self.output = self.tree.nodes.new("ShaderNodeOutputMaterial")

    def node(self, kind: str, **inputs) -> bpy.types.Node:
        n = self.tree.nodes.new(kind)
        for name, value in inputs.items():
            n.inputs[name.replace("_", " ")].default_value = value
        return n

    def link(self, out: bpy.types.NodeSocket, into: bpy.types.NodeSocket) -> None:
        self.tree.links.new(out, into)

    def coords(self, offset: np.ndarray, scale: float = 1.0) -> bpy.types.NodeSocket:
        """Object-space coordinates, shifted by the seeded offset and scaled."""
        tc = self.tree.nodes.new("ShaderNodeTexCoord")
        mapping = self.tree.nodes.new("ShaderNodeMapping")
        mapping.inputs["Location"].default_value = tuple(float(v) for v in offset)
        mapping.inputs["Scale"].default_value = (scale, scale, scale)
        self.link(tc.outputs["Object"], mapping.inputs["Vector"])
        return mapping.outputs["Vector"]

    def tint_ramp(self, fac: bpy.types.NodeSocket, dark: Sequence[float], light: Sequence[float],
                  lo: float = 0.0, hi: float = 1.0) -> bpy.types.NodeSocket:
        """Map a 0..1 texture value onto the colours dark..light (linear RGB)."""
        ramp = self.tree.nodes.new("ShaderNodeValToRGB")
        a, b = ramp.color_ramp.elements
        a.position, b.position = lo, hi
        a.color = (*dark[:3], 1.0)
        b.color = (*light[:3], 1.0)
        self.link(fac, ramp.inputs["Fac"])
        return ramp.outputs["Color"]

    def bump(self, height: bpy.types.NodeSocket, strength: float, distance: float = 0.01) -> bpy.types.NodeSocket:
        b = self.node("ShaderNodeBump", Strength=strength, Distance=distance)
        self.link(height, b.inputs["Height"])
        return b.outputs["Normal"]

    def principled(self, **inputs) -> bpy.types.Node:
        return self.node("ShaderNodeBsdfPrincipled", **inputs)

    def finish(self, shader: bpy.types.NodeSocket) -> None:
        self.link(shader, self.output.inputs["Surface"])


def _scaled(color: Color, k: float) -> Color:
    return (color[0] * k, color[1] * k, color[2] * k)


def _noise(g: _Graph, vec: bpy.types.NodeSocket, scale: float, detail: float = 4.0,
           roughness: float = 0.5) -> bpy.types.Node:
    n = g.node("ShaderNodeTexNoise", Scale=scale, Detail=detail, Roughness=roughness)
    g.link(vec, n.inputs["Vector"])
    return n


def make_material(m: Material) -> bpy.types.Material:
    """The Principled node material of one material of the resolved scene (module docstring)."""
    mat = bpy.data.materials.new(m.name)
    g = _Graph(mat)
    tones = m.linear_tones
    offset = np.asarray(m.texture_offset, dtype=float)
    bsdf = (_RECIPES[m.kind](g, tones[0], offset) if m.kind in KINDS
            else _SURFACE_RECIPES[m.kind](g, tones, offset, m.scale))
    if m.roughness is not None:
        r = bsdf.inputs["Roughness"]
        for link in list(r.links):
            g.tree.links.remove(link)
        r.default_value = float(np.clip(m.roughness, 0.0, 1.0))
    shader = bsdf.outputs["BSDF"]
    if m.one_sided:
        shader = _see_through_back(g, shader)
    g.finish(shader)
    # The viewport colour is what Workbench previews show.
    mat.diffuse_color = (*tones[0], 1.0)
    return mat


def _see_through_back(g: _Graph, shader: bpy.types.NodeSocket) -> bpy.types.NodeSocket:
    """Back faces mixed to a Transparent BSDF.

    Wall normals point into the room, so a camera outside sees back faces: they are transparent, and
    as their alpha is below the view layer's pass_alpha_threshold Cycles writes no depth, normal or
    index there either: walls never block a camera.
    """
    geometry = g.node("ShaderNodeNewGeometry")
    clear = g.node("ShaderNodeBsdfTransparent", Color=(1.0, 1.0, 1.0, 1.0))
    mix = g.node("ShaderNodeMixShader")
    g.link(geometry.outputs["Backfacing"], mix.inputs["Fac"])
    g.link(shader, mix.inputs[1])
    g.link(clear.outputs["BSDF"], mix.inputs[2])
    return mix.outputs["Shader"]


def _wood(g: _Graph, c: Color, offset: np.ndarray) -> bpy.types.Node:
    vec = g.coords(offset)
    wave = g.node("ShaderNodeTexWave", Scale=3.0, Distortion=6.0, Detail=3.0, Detail_Scale=1.5)
    wave.wave_type = "RINGS"
    wave.rings_direction = "Z"
    g.link(vec, wave.inputs["Vector"])
    fine = _noise(g, vec, 60.0, detail=2.0)
    mix = g.node("ShaderNodeMixRGB", Fac=0.25)
    g.link(wave.outputs["Fac"], mix.inputs["Color1"])
    g.link(fine.outputs["Fac"], mix.inputs["Color2"])
    base = g.tint_ramp(mix.outputs["Color"], _scaled(c, 0.62), _scaled(c, 1.05), 0.2, 0.8)
    bsdf = g.principled(Roughness=ROUGHNESS["wood"], Specular_IOR_Level=0.45)
    g.link(base, bsdf.inputs["Base Color"])
    g.link(g.bump(wave.outputs["Fac"], 0.08), bsdf.inputs["Normal"])
    return bsdf


def _metal(g: _Graph, c: Color, offset: np.ndarray) -> bpy.types.Node:
    vec = g.coords(offset)
    n = _noise(g, vec, 18.0, detail=6.0)
    r = ROUGHNESS["metal"]  # brushed unevenly: +-0.07 around it
    rough = g.node("ShaderNodeMapRange", From_Min=0.3, From_Max=0.7, To_Min=r - 0.07, To_Max=r + 0.07)
    g.link(n.outputs["Fac"], rough.inputs["Value"])
    bsdf = g.principled(Base_Color=(*c, 1.0), Metallic=1.0)
    g.link(rough.outputs["Result"], bsdf.inputs["Roughness"])
    return bsdf


def _fabric(g: _Graph, c: Color, offset: np.ndarray) -> bpy.types.Node:
    vec = g.coords(offset)
    n = _noise(g, vec, 220.0, detail=2.0)
    base = g.tint_ramp(n.outputs["Fac"], _scaled(c, 0.82), c, 0.3, 0.7)
    bsdf = g.principled(Roughness=ROUGHNESS["fabric"], Sheen_Weight=0.35, Sheen_Roughness=0.4, Specular_IOR_Level=0.3)
    g.link(base, bsdf.inputs["Base Color"])
    g.link(base, bsdf.inputs["Sheen Tint"])  # white sheen would wash the colour out
    g.link(g.bump(n.outputs["Fac"], 0.12, 0.002), bsdf.inputs["Normal"])
    return bsdf


def _leather(g: _Graph, c: Color, offset: np.ndarray) -> bpy.types.Node:
    vec = g.coords(offset)
    cells = g.node("ShaderNodeTexVoronoi", Scale=90.0)
    g.link(vec, cells.inputs["Vector"])
    n = _noise(g, vec, 8.0)
    base = g.tint_ramp(n.outputs["Fac"], _scaled(c, 0.8), c, 0.3, 0.7)
    bsdf = g.principled(Roughness=ROUGHNESS["leather"], Coat_Weight=0.15, Coat_Roughness=0.3)
    g.link(base, bsdf.inputs["Base Color"])
    g.link(g.bump(cells.outputs["Distance"], 0.15, 0.002), bsdf.inputs["Normal"])
    return bsdf


def _ceramic(g: _Graph, c: Color, offset: np.ndarray) -> bpy.types.Node:
    return g.principled(Base_Color=(*c, 1.0), Roughness=ROUGHNESS["ceramic"], Coat_Weight=0.5, Coat_Roughness=0.05)


def _glass(g: _Graph, c: Color, offset: np.ndarray) -> bpy.types.Node:
    h, s, v = colorsys.rgb_to_hsv(*c)
    # Clear glass would vanish against the room: tint a colourless request pale aqua.
    tint = c if s > 0.15 else colorsys.hsv_to_rgb(0.5, 0.12, max(v, 0.75))
    return g.principled(Base_Color=(*tint, 1.0), Roughness=ROUGHNESS["glass"], IOR=1.45, Transmission_Weight=0.92)


def _plastic(g: _Graph, c: Color, offset: np.ndarray) -> bpy.types.Node:
    return g.principled(Base_Color=(*c, 1.0), Roughness=ROUGHNESS["plastic"], Specular_IOR_Level=0.5)


def _painted(g: _Graph, c: Color, offset: np.ndarray) -> bpy.types.Node:
    """Paint on metal (car bodies, hydrants): the colour is the paint's, under a glossy clear coat; a bare
    metal's colour is only what it reflects, so an orange car on a beach would read sand and sky."""
    return g.principled(Base_Color=(*c, 1.0), Roughness=ROUGHNESS["painted"], Coat_Weight=0.5, Coat_Roughness=0.08)


def _rubber(g: _Graph, c: Color, offset: np.ndarray) -> bpy.types.Node:
    vec = g.coords(offset)
    n = _noise(g, vec, 150.0, detail=1.0)
    bsdf = g.principled(Base_Color=(*c, 1.0), Roughness=ROUGHNESS["rubber"], Specular_IOR_Level=0.3)
    g.link(g.bump(n.outputs["Fac"], 0.05, 0.001), bsdf.inputs["Normal"])
    return bsdf


def _stone(g: _Graph, c: Color, offset: np.ndarray) -> bpy.types.Node:
    vec = g.coords(offset)
    n = _noise(g, vec, 5.0, detail=10.0, roughness=0.6)
    base = g.tint_ramp(n.outputs["Fac"], _scaled(c, 0.72), _scaled(c, 1.08), 0.3, 0.7)
    bsdf = g.principled(Roughness=ROUGHNESS["stone"])
    g.link(base, bsdf.inputs["Base Color"])
    g.link(g.bump(n.outputs["Fac"], 0.1), bsdf.inputs["Normal"])
    return bsdf


def _paper(g: _Graph, c: Color, offset: np.ndarray) -> bpy.types.Node:
    vec = g.coords(offset)
    n = _noise(g, vec, 120.0, detail=3.0)
    base = g.tint_ramp(n.outputs["Fac"], _scaled(c, 0.9), c, 0.3, 0.7)
    bsdf = g.principled(Roughness=ROUGHNESS["paper"], Specular_IOR_Level=0.25)
    g.link(base, bsdf.inputs["Base Color"])
    return bsdf


def _fur(g: _Graph, c: Color, offset: np.ndarray) -> bpy.types.Node:
    vec = g.coords(offset)
    n = _noise(g, vec, 300.0, detail=4.0)
    base = g.tint_ramp(n.outputs["Fac"], _scaled(c, 0.75), c, 0.3, 0.7)
    bsdf = g.principled(Roughness=ROUGHNESS["fur"], Sheen_Weight=1.0, Sheen_Roughness=0.6, Specular_IOR_Level=0.15)
    g.link(base, bsdf.inputs["Base Color"])
    g.link(base, bsdf.inputs["Sheen Tint"])
    g.link(g.bump(n.outputs["Fac"], 0.4, 0.003), bsdf.inputs["Normal"])
    return bsdf


def _food(g: _Graph, c: Color, offset: np.ndarray) -> bpy.types.Node:
    vec = g.coords(offset)
    n = _noise(g, vec, 25.0, detail=4.0)
    base = g.tint_ramp(n.outputs["Fac"], _scaled(c, 0.8), _scaled(c, 1.05), 0.3, 0.7)
    bsdf = g.principled(Roughness=ROUGHNESS["food"], Subsurface_Weight=0.12, Subsurface_Scale=0.01)
    g.link(base, bsdf.inputs["Base Color"])
    g.link(base, bsdf.inputs["Subsurface Radius"])
    g.link(g.bump(n.outputs["Fac"], 0.1, 0.003), bsdf.inputs["Normal"])
    return bsdf


def _foliage(g: _Graph, c: Color, offset: np.ndarray) -> bpy.types.Node:
    vec = g.coords(offset)
    n = _noise(g, vec, 12.0, detail=3.0)
    base = g.tint_ramp(n.outputs["Fac"], _scaled(c, 0.7), _scaled(c, 1.1), 0.3, 0.7)
    bsdf = g.principled(Roughness=ROUGHNESS["foliage"], Sheen_Weight=0.2, Specular_IOR_Level=0.4)
    g.link(base, bsdf.inputs["Base Color"])
    g.link(base, bsdf.inputs["Sheen Tint"])
    return bsdf


def _emissive(g: _Graph, c: Color, offset: np.ndarray) -> bpy.types.Node:
    return g.principled(Base_Color=(*c, 1.0), Roughness=ROUGHNESS["emissive"], Emission_Color=(*c, 1.0),
                        Emission_Strength=2.0)


_RECIPES = {
    "wood": _wood, "metal": _metal, "fabric": _fabric, "leather": _leather, "ceramic": _ceramic,
    "glass": _glass, "plastic": _plastic, "painted": _painted, "rubber": _rubber, "stone": _stone, "paper": _paper,
    "fur": _fur, "food": _food, "foliage": _foliage, "emissive": _emissive,
}
assert set(_RECIPES) == set(KINDS)


# --- room surfaces: recipes with several tones (linear), drawn from render.scene.SURFACES ------


def _bricks(g: _Graph, vec: bpy.types.NodeSocket, c1: Color, c2: Color, mortar: Color, *, width: float,
            row_height: float, offset: float, mortar_size: float) -> bpy.types.Node:
    b = g.node("ShaderNodeTexBrick", Color1=(*c1, 1.0), Color2=(*c2, 1.0), Mortar=(*mortar, 1.0), Scale=1.0,
               Mortar_Size=mortar_size, Mortar_Smooth=0.1, Bias=0.0, Brick_Width=width, Row_Height=row_height)
    b.offset = offset
    b.offset_frequency = 1
    g.link(vec, b.inputs["Vector"])
    return b


def _planks(g: _Graph, tones: Sequence[Color], offset: np.ndarray, scale: float) -> bpy.types.Node:
    """Boards `scale` metres wide, 8.5 times as long, staggered, with grain along them."""
    vec = g.coords(offset)
    light, dark = tones
    planks = _bricks(g, vec, light, dark, _scaled(dark, 0.5), width=8.5 * scale, row_height=scale, offset=0.37,
                     mortar_size=0.0015)
    # Grain runs along the planks (x): stretch the noise across them.
    grain_vec = g.node("ShaderNodeMapping")
    grain_vec.inputs["Scale"].default_value = (1.5, 40.0, 1.0)
    g.link(vec, grain_vec.inputs["Vector"])
    grain = g.node("ShaderNodeTexWave", Scale=2.0, Distortion=8.0, Detail=4.0)
    g.link(grain_vec.outputs["Vector"], grain.inputs["Vector"])
    grain_tint = g.tint_ramp(grain.outputs["Fac"], (0.8, 0.8, 0.8), (1.0, 1.0, 1.0))
    mul = g.node("ShaderNodeMixRGB", Fac=1.0)
    mul.blend_type = "MULTIPLY"
    g.link(planks.outputs["Color"], mul.inputs["Color1"])
    g.link(grain_tint, mul.inputs["Color2"])
    bsdf = g.principled(Roughness=ROUGHNESS["planks"], Coat_Weight=0.2, Coat_Roughness=0.15)
    g.link(mul.outputs["Color"], bsdf.inputs["Base Color"])
    g.link(g.bump(planks.outputs["Fac"], 0.2, 0.002), bsdf.inputs["Normal"])
    return bsdf


def _tiles(g: _Graph, tones: Sequence[Color], offset: np.ndarray, scale: float) -> bpy.types.Node:
    """Square tiles `scale` metres a side in two tones, with grout."""
    vec = g.coords(offset)
    c1, c2, grout = tones
    tiles = _bricks(g, vec, c1, c2, grout, width=scale, row_height=scale, offset=0.0,
                    mortar_size=min(0.004, 0.02 * scale))
    # Glossy tiles, matte grout: the brick Fac is 1 in the grout.
    rough = g.node("ShaderNodeMapRange", From_Min=0.0, From_Max=1.0, To_Min=ROUGHNESS["tiles"], To_Max=0.8)
    g.link(tiles.outputs["Fac"], rough.inputs["Value"])
    bsdf = g.principled()
    g.link(tiles.outputs["Color"], bsdf.inputs["Base Color"])
    g.link(rough.outputs["Result"], bsdf.inputs["Roughness"])
    g.link(g.bump(tiles.outputs["Fac"], 0.3, 0.002), bsdf.inputs["Normal"])
    return bsdf


def _matte(g: _Graph, tones: Sequence[Color], offset: np.ndarray, scale: float) -> bpy.types.Node:
    vec = g.coords(offset)
    n = _noise(g, vec, 3.0, detail=3.0)
    grey = tones[0]
    base = g.tint_ramp(n.outputs["Fac"], _scaled(grey, 0.94), grey, 0.3, 0.7)
    bsdf = g.principled(Roughness=ROUGHNESS["matte"], Specular_IOR_Level=0.3)
    g.link(base, bsdf.inputs["Base Color"])
    return bsdf


def _patchy(g: _Graph, tones: Sequence[Color], offset: np.ndarray, scale: float) -> bpy.types.Node:
    """Patches of the first tone over the second (grass over bare earth), with a fine bump."""
    vec = g.coords(offset)
    patches = _noise(g, vec, 0.6, detail=6.0, roughness=0.55)
    light, dark = tones
    base = g.tint_ramp(patches.outputs["Fac"], dark, light, 0.3, 0.45)
    blades = _noise(g, vec, 80.0, detail=2.0)
    bsdf = g.principled(Roughness=ROUGHNESS["patchy"], Specular_IOR_Level=0.2)
    g.link(base, bsdf.inputs["Base Color"])
    g.link(g.bump(blades.outputs["Fac"], 0.3, 0.01), bsdf.inputs["Normal"])
    return bsdf


def _paint(g: _Graph, tones: Sequence[Color], offset: np.ndarray, scale: float) -> bpy.types.Node:
    """Matte wall paint with a faint roller texture."""
    vec = g.coords(offset)
    n = _noise(g, vec, 40.0, detail=2.0)
    bsdf = g.principled(Base_Color=(*tones[0], 1.0), Roughness=ROUGHNESS["paint"], Specular_IOR_Level=0.3)
    g.link(g.bump(n.outputs["Fac"], 0.03, 0.002), bsdf.inputs["Normal"])
    return bsdf


def _carpet(g: _Graph, tones: Sequence[Color], offset: np.ndarray, scale: float) -> bpy.types.Node:
    """A wool pile: fine mottling between two close tones, a soft sheen, a dense fine bump."""
    vec = g.coords(offset)
    light, dark = tones
    pile = _noise(g, vec, 300.0, detail=3.0)
    mottle = _noise(g, vec, 4.0, detail=2.0)
    mix = g.node("ShaderNodeMixRGB", Fac=0.4)
    g.link(pile.outputs["Fac"], mix.inputs["Color1"])
    g.link(mottle.outputs["Fac"], mix.inputs["Color2"])
    base = g.tint_ramp(mix.outputs["Color"], dark, light, 0.35, 0.65)
    bsdf = g.principled(Roughness=ROUGHNESS["carpet"], Sheen_Weight=0.3, Sheen_Roughness=0.5, Specular_IOR_Level=0.2)
    g.link(base, bsdf.inputs["Base Color"])
    g.link(base, bsdf.inputs["Sheen Tint"])
    g.link(g.bump(pile.outputs["Fac"], 0.25, 0.003), bsdf.inputs["Normal"])
    return bsdf


def _painted_lines(g: _Graph, tones: Sequence[Color], offset: np.ndarray,
                   paint: bpy.types.NodeSocket) -> bpy.types.Node:
    """Asphalt (mottled tones[0]) with white paint where `paint` is 1."""
    vec = g.coords(offset)
    grit = _noise(g, vec, 25.0, detail=4.0)
    asphalt = g.tint_ramp(grit.outputs["Fac"], _scaled(tones[0], 0.85), _scaled(tones[0], 1.1), 0.3, 0.7)
    mix = g.node("ShaderNodeMixRGB")
    g.link(paint, mix.inputs["Fac"])
    g.link(asphalt, mix.inputs["Color1"])
    mix.inputs["Color2"].default_value = (*tones[1], 1.0)
    rough = g.node("ShaderNodeMapRange", To_Min=ROUGHNESS["road"], To_Max=0.6)
    g.link(paint, rough.inputs["Value"])
    bsdf = g.principled(Specular_IOR_Level=0.3)
    g.link(mix.outputs["Color"], bsdf.inputs["Base Color"])
    g.link(rough.outputs["Result"], bsdf.inputs["Roughness"])
    g.link(g.bump(grit.outputs["Fac"], 0.2, 0.005), bsdf.inputs["Normal"])
    return bsdf


def _scene_xy(g: _Graph) -> tuple[bpy.types.NodeSocket, bpy.types.NodeSocket]:
    """Object-space x and y, unshifted: markings lie where the scene is, not at a seeded offset."""
    tc = g.tree.nodes.new("ShaderNodeTexCoord")
    split = g.tree.nodes.new("ShaderNodeSeparateXYZ")
    g.link(tc.outputs["Object"], split.inputs["Vector"])
    return split.outputs["X"], split.outputs["Y"]


def _math(g: _Graph, op: str, a, b) -> bpy.types.NodeSocket:
    n = g.node("ShaderNodeMath")
    n.operation = op
    for i, v in enumerate((a, b)):
        if isinstance(v, (int, float)):
            n.inputs[i].default_value = float(v)
        else:
            g.link(v, n.inputs[i])
    return n.outputs["Value"]


def _road(g: _Graph, tones: Sequence[Color], offset: np.ndarray, scale: float) -> bpy.types.Node:
    """A road along x: a dashed centre line on y = 0 (3 m dashes, 6 m apart) and edge lines `scale` m out."""
    x, y = _scene_xy(g)
    ay = _math(g, "ABSOLUTE", y, 0.0)
    centre = _math(g, "LESS_THAN", ay, 0.06)
    dash = _math(g, "LESS_THAN", _math(g, "PINGPONG", x, 4.5), 1.5)
    edge = _math(g, "LESS_THAN", _math(g, "ABSOLUTE", _math(g, "SUBTRACT", ay, scale), 0.0), 0.08)
    paint = _math(g, "MAXIMUM", _math(g, "MULTIPLY", centre, dash), edge)
    return _painted_lines(g, tones, offset, paint)


def _parking(g: _Graph, tones: Sequence[Color], offset: np.ndarray, scale: float) -> bpy.types.Node:
    """Parking stalls: lines along y every `scale` metres, 5 m long, in rows 12 m apart."""
    x, y = _scene_xy(g)
    across = _math(g, "LESS_THAN", _math(g, "PINGPONG", x, scale / 2), 0.06)
    row = _math(g, "PINGPONG", _math(g, "ADD", y, 3.0), 6.0)  # 0 at stall ends, 6 between rows
    in_stall = _math(g, "GREATER_THAN", row, 1.0)
    paint = _math(g, "MULTIPLY", across, in_stall)
    return _painted_lines(g, tones, offset, paint)


def _stripes(g: _Graph, tones: Sequence[Color], offset: np.ndarray, scale: float) -> bpy.types.Node:
    """Striped wallpaper: vertical bands `scale` metres wide in the ground and the pattern colour."""
    vec = g.coords(offset)
    wave = g.node("ShaderNodeTexWave", Scale=1.0 / (2 * scale), Distortion=0.0, Detail=0.0)
    wave.wave_profile = "SAW"
    # Vertical stripes on every wall: the bands run along z, so the wave goes across x + y.
    across = g.node("ShaderNodeMapping")
    across.inputs["Rotation"].default_value = (0.0, 0.0, 0.785398)
    g.link(vec, across.inputs["Vector"])
    g.link(across.outputs["Vector"], wave.inputs["Vector"])
    base = g.tint_ramp(wave.outputs["Fac"], tones[1], tones[0], 0.49, 0.51)
    bsdf = g.principled(Roughness=ROUGHNESS["stripes"], Specular_IOR_Level=0.3)
    g.link(base, bsdf.inputs["Base Color"])
    return bsdf


def _damask(g: _Graph, tones: Sequence[Color], offset: np.ndarray, scale: float) -> bpy.types.Node:
    """Damask-like wallpaper: a repeating cell motif (Voronoi over a stretched noise) in the pattern colour."""
    vec = g.coords(offset, 1.0 / scale)
    warp = _noise(g, vec, 1.5, detail=2.0)
    cells = g.node("ShaderNodeTexVoronoi", Scale=1.0, Randomness=0.0)
    cells.feature = "DISTANCE_TO_EDGE"
    mix = g.node("ShaderNodeMixRGB", Fac=0.15)
    g.link(vec, mix.inputs["Color1"])
    g.link(warp.outputs["Color"], mix.inputs["Color2"])
    g.link(mix.outputs["Color"], cells.inputs["Vector"])
    base = g.tint_ramp(cells.outputs["Distance"], tones[1], tones[0], 0.08, 0.14)
    bsdf = g.principled(Roughness=ROUGHNESS["damask"], Specular_IOR_Level=0.3)
    g.link(base, bsdf.inputs["Base Color"])
    return bsdf


def _window(g: _Graph, tones: Sequence[Color], offset: np.ndarray, scale: float) -> bpy.types.Node:
    """Daylight through glass: the sky's colour glowing, bright but short of white (Standard view
    transform: a pane above 1.0 clips, and a window filling a view would be a blown-out patch)."""
    bsdf = g.principled(Base_Color=(0.05, 0.05, 0.05, 1.0), Roughness=ROUGHNESS["window"],
                        Emission_Color=(*tones[0], 1.0), Emission_Strength=0.9)
    return bsdf


def _lamp(g: _Graph, tones: Sequence[Color], offset: np.ndarray, scale: float) -> bpy.types.Node:
    """A ceiling lamp's diffuser, lit from within."""
    return g.principled(Base_Color=(*tones[0], 1.0), Roughness=ROUGHNESS["lamp"], Emission_Color=(*tones[0], 1.0),
                        Emission_Strength=4.0)


_SURFACE_RECIPES = {"planks": _planks, "tiles": _tiles, "matte": _matte, "carpet": _carpet, "patchy": _patchy,
                    "road": _road, "parking": _parking, "paint": _paint, "stripes": _stripes, "damask": _damask,
                    "window": _window, "lamp": _lamp}
assert not set(_SURFACE_RECIPES) & set(KINDS) and set(_SURFACE_RECIPES) | set(KINDS) == set(ROUGHNESS)
