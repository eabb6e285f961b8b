"""Attribute words an asset understands: colours, materials, sizes."""
from __future__ import annotations

from dataclasses import dataclass

# sRGB 0..1; saturated enough to read as the named colour under warm or neutral lights.
COLORS: dict[str, tuple[float, float, float]] = {
    "red": (0.80, 0.06, 0.05),
    "green": (0.10, 0.62, 0.16),
    "blue": (0.08, 0.22, 0.85),
    "yellow": (0.95, 0.82, 0.08),
    "orange": (0.98, 0.45, 0.05),
    "purple": (0.45, 0.12, 0.70),
    "violet": (0.55, 0.25, 0.80),
    "pink": (0.98, 0.55, 0.70),
    "brown": (0.40, 0.22, 0.10),
    "black": (0.03, 0.03, 0.03),
    "white": (0.92, 0.92, 0.90),
    "gray": (0.50, 0.50, 0.50),
    "grey": (0.50, 0.50, 0.50),
    "silver": (0.75, 0.75, 0.78),
    "gold": (0.85, 0.65, 0.15),
    "beige": (0.86, 0.78, 0.62),
    "cyan": (0.05, 0.75, 0.85),
    "teal": (0.05, 0.50, 0.50),
    "navy": (0.04, 0.08, 0.40),
    "cream": (0.95, 0.92, 0.80),
}

MATERIALS: dict[str, str] = {
    # word -> material kind the renderer knows
    "wood": "wood", "wooden": "wood", "oak": "wood", "pine": "wood", "walnut": "wood",
    "metal": "metal", "metallic": "metal", "steel": "metal", "iron": "metal", "aluminum": "metal",
    "aluminium": "metal", "chrome": "metal", "brass": "metal", "copper": "metal",
    "fabric": "fabric", "cloth": "fabric", "cotton": "fabric", "wool": "fabric", "woolen": "fabric",
    "velvet": "fabric", "linen": "fabric",
    "leather": "leather",
    "ceramic": "ceramic", "porcelain": "ceramic", "clay": "ceramic",
    "glass": "glass",
    "plastic": "plastic",
    "rubber": "rubber",
    "stone": "stone", "marble": "stone", "granite": "stone", "concrete": "stone",
    "paper": "paper", "cardboard": "paper",
    "fur": "fur", "furry": "fur",
    "painted": "painted", "enamel": "painted", "enameled": "painted", "enamelled": "painted", "lacquered": "painted",
}

# The material kinds the renderer has a recipe for (render/materials.py); MATERIALS maps words onto them.
KINDS = ("wood", "metal", "fabric", "leather", "ceramic", "glass", "plastic", "rubber", "stone",
         "paper", "fur", "food", "foliage", "emissive", "painted")
# Colours bare metal has; any other asked of a metal part is paint on it (a red car, a yellow hydrant).
METAL_COLOURS = frozenset({"silver", "gold", "gray", "grey", "black", "white"})


def material_kind(word: str | None) -> str:
    """The kind of a material word ("Oak" -> "wood", "steel" -> "metal"); unknown words are plastic."""
    if not word:
        return "plastic"
    w = word.strip().lower()
    return w if w in KINDS else MATERIALS.get(w, "plastic")


SIZES: dict[str, float] = {
    # size word -> uniform scale applied to the asset
    "tiny": 0.55, "small": 0.75, "little": 0.75, "mini": 0.6,
    "big": 1.3, "large": 1.3, "huge": 1.6, "giant": 1.8, "tall": 1.25, "short": 0.8,
}


@dataclass(frozen=True)
class Style:
    """What the user asked of an object's look: colour name (or its exact shade), material word, size word."""

    color: str | None = None
    material: str | None = None
    size: str | None = None
    shade: tuple[float, float, float] | None = None  # an exact colour for the named one (a recolour)

    @property
    def rgb(self) -> tuple[float, float, float] | None:
        if self.shade is not None:
            return self.shade
        return COLORS.get(self.color) if self.color else None

    @property
    def material_kind(self) -> str | None:
        return MATERIALS.get(self.material) if self.material else None

    @property
    def scale(self) -> float:
        return SIZES.get(self.size, 1.0) if self.size else 1.0
