"""Render quality presets (DESIGN.md: draft stays fast, high is what a dataset is rendered with)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RenderQuality:
    width: int
    height: int
    samples: int
    denoise: bool


QUALITY: dict[str, RenderQuality] = {
    "draft": RenderQuality(256, 256, 16, True),
    "standard": RenderQuality(512, 512, 64, True),
    "high": RenderQuality(1024, 1024, 256, True),
}
# What the critic looks at when the final quality is too slow to render every round.
PREVIEW = RenderQuality(160, 160, 2, False)


def quality_for(settings) -> RenderQuality:
    """The preset of a spec's RenderSettings, with its explicit overrides applied."""
    q = QUALITY[settings.quality]
    return RenderQuality(settings.width or q.width, settings.height or q.height, settings.samples or q.samples,
                         q.denoise)
