"""The LangGraph state: data and file paths only (never bpy handles or images)."""
from __future__ import annotations

import operator
from typing import Annotated, Any, TypedDict


class SynthState(TypedDict, total=False):
    instruction: str
    images: list[str]        # reference images given with the instruction
    asset_dirs: list[str]    # local asset folders to draw assets from (besides the procedural library)
    objaverse: bool          # draw assets from the Objaverse cache too
    seed: int
    quality: str
    views: int
    frames: int              # 0: stills only; N: frames of the sequence when the scene moves (0 = planner's default)
    fps: float
    clutter: str             # context objects: none, low or high (scenes/clutter.py)
    lens: dict               # scenes.lens.with_lens's options: dof, fstop, motion_blur, shutter
    work_dir: str            # staging folder; the scene folder is moved into place only when complete
    request: dict            # the Collector's structured request
    partial_spec: dict       # the Collector's SceneSpec (no poses yet), as JSON data
    spec: dict               # the current laid-out SceneSpec, as JSON data
    best: dict               # the best critiqued spec so far: {"score", "spec", "critique"}
    round: int               # Optimizer rounds done
    max_rounds: int
    critic_views: int        # how many rendered views a VLM critic sees (1-6)
    layout_attempt: int      # bumped when a critique asks for new poses
    camera_elevation: float  # degrees; raised when objects hide behind others
    camera_margin: float     # share of the frame kept free; raised when objects are cut off
    critique: dict           # the last critique
    retry: bool              # the last critique asked for edits and rounds are left
    views_dir: str           # the rendered views of the final spec
    frames_dir: str | None   # the rendered frame sequence, when the scene moves
    warnings: Annotated[list[str], operator.add]
    trace: Annotated[list[dict[str, Any]], operator.add]
