"""Default colours (sRGB 0..1) the builders draw from, so a room's objects share a believable range."""
from __future__ import annotations

WOODS = (
    (0.72, 0.53, 0.33),  # oak
    (0.42, 0.26, 0.15),  # walnut
    (0.83, 0.67, 0.46),  # pine / birch
    (0.27, 0.16, 0.10),  # dark stained
)
FABRICS = (
    (0.55, 0.55, 0.58),  # grey
    (0.30, 0.38, 0.52),  # denim blue
    (0.70, 0.62, 0.50),  # beige
    (0.35, 0.45, 0.35),  # sage
    (0.45, 0.22, 0.18),  # rust
    (0.20, 0.20, 0.22),  # charcoal
)
PAINTED = (
    (0.92, 0.92, 0.90),  # white
    (0.15, 0.15, 0.16),  # black
    (0.62, 0.66, 0.68),  # light grey
    (0.30, 0.40, 0.36),  # dark green
)
CERAMICS = (
    (0.93, 0.92, 0.88),  # white
    (0.20, 0.32, 0.55),  # blue glaze
    (0.78, 0.36, 0.22),  # terracotta
    (0.35, 0.50, 0.42),  # celadon
    (0.15, 0.15, 0.15),  # black
    (0.90, 0.78, 0.45),  # mustard
)
PLASTICS = (
    (0.85, 0.15, 0.12),
    (0.15, 0.40, 0.85),
    (0.15, 0.65, 0.25),
    (0.95, 0.80, 0.10),
    (0.90, 0.90, 0.88),
    (0.12, 0.12, 0.13),
)
METAL = (0.70, 0.70, 0.72)
DARK_METAL = (0.18, 0.18, 0.19)
BLACK = (0.03, 0.03, 0.035)
SCREEN = (0.02, 0.025, 0.035)
WHITE = (0.92, 0.92, 0.90)
PAPER = (0.94, 0.92, 0.85)
