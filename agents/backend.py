"""One small interface for every model call, with two real implementations.

`OfflineBackend` needs no model: the rule-based parser understands instructions, the catalog's own
asset is picked, the solver lays out alone, and the geometric critic is the whole critic.
`OpenAIBackend` (fyi.agents.openai_backend) speaks the OpenAI chat-completions protocol to any
server (OpenAI, vLLM, Ollama...). Model answers are JSON validated against the schemas below:
data, never code.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

from fyi.agents.parser import parse_instruction
from fyi.agents.request import Request
from fyi.scenes.spec import SceneSpec


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ---------------------------------------------------------------- answer schemas
class AssetPick(_Strict):
    """The Collector's visual pick among candidate assets (their uids)."""

    choice: str
    reason: str = ""


class FrontPick(_Strict):
    """Which of the thumbnails (the asset turned a quarter turn each time) shows its front."""

    view: int = Field(ge=0)
    reason: str = ""


class PoseProposal(_Strict):
    """A model's idea of where an object goes; the solver keeps it only if it is valid."""

    id: str
    position: tuple[float, float, float] | None = None
    yaw_degrees: float | None = None


class LayoutProposal(_Strict):
    poses: list[PoseProposal] = []


class Edit(_Strict):
    """One edit from the fixed vocabulary a critic may ask for."""

    op: Literal["move", "rotate", "scale", "swap_asset", "add", "remove", "move_camera"]
    object: str | None = None                       # the object edited (move, rotate, scale, swap_asset, remove)
    position: tuple[float, float, float] | None = None  # move: the new position (metres, world)
    delta: tuple[float, float, float] | None = None     # move: or an offset from where it is
    yaw_degrees: float | None = None                 # rotate: the new heading
    factor: float | None = Field(default=None, gt=0.1, lt=10)  # scale: uniform factor
    category: str | None = None                      # swap_asset / add: a catalog category
    relation: tuple[str, str] | None = None          # add: (predicate, reference object id)
    elevation_degrees: float | None = None           # move_camera: view 0's elevation
    distance_factor: float | None = Field(default=None, gt=0.2, lt=5)  # move_camera: farther (>1) or closer


class CritiqueProblem(_Strict):
    objects: list[str] = []
    severity: Literal["error", "warning"] = "error"
    description: str


class VlmCritique(_Strict):
    """What a vision-language model sees wrong in the rendered views, and the edits it asks for."""

    score: float = Field(ge=0, le=1)
    problems: list[CritiqueProblem] = []
    edits: list[Edit] = []

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems) and not self.edits


class Keyframe(_Strict):
    """Where an object is at a moment of the sequence (time 0 = first frame, 1 = last)."""

    time: float = Field(ge=0, le=1)
    position: tuple[float, float, float]
    yaw_degrees: float | None = None


class ObjectMotionPlan(_Strict):
    object: str
    keyframes: list[Keyframe] = Field(min_length=2)
    easing: Literal["linear", "ease_in_out"] = "ease_in_out"


class CameraKeyframe(_Strict):
    time: float = Field(ge=0, le=1)
    position: tuple[float, float, float]
    look_at: tuple[float, float, float]


class MotionPlan(_Strict):
    """A model's keyframes for the moving objects and the camera; the Planner interpolates and checks them."""

    objects: list[ObjectMotionPlan] = []
    camera: list[CameraKeyframe] = []


# ---------------------------------------------------------------- the interface
@dataclass
class ModelCall:
    """One model call as trace.jsonl records it."""

    agent: str
    model: str
    base_url: str
    prompt: str
    answer: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_s: float = 0.0
    cache_hit: bool = False
    attempts: int = 1
    images: list[str] = field(default_factory=list)  # sha256 of each image sent


class Backend(Protocol):
    name: str
    calls: list[ModelCall]

    def understand(self, instruction: str, images: list[Path]) -> Request: ...
    def pick_asset(self, phrase: str, candidates: list[str], thumbnails: list[Path]) -> str: ...
    def pick_front(self, phrase: str, thumbnails: list[Path]) -> int: ...
    def propose_layout(self, spec: SceneSpec) -> LayoutProposal: ...
    def critique(self, spec: SceneSpec, scene_graph: dict, views: list[Path]) -> VlmCritique | None: ...
    def plan_motion(self, spec: SceneSpec) -> MotionPlan | None: ...


class OfflineBackend:
    """No model: rules, the catalog and geometry do the work."""

    name = "offline"

    def __init__(self) -> None:
        self.calls: list[ModelCall] = []

    def understand(self, instruction: str, images: list[Path]) -> Request:
        return parse_instruction(instruction)

    def pick_asset(self, phrase: str, candidates: list[str], thumbnails: list[Path]) -> str:
        return candidates[0]

    def pick_front(self, phrase: str, thumbnails: list[Path]) -> int:
        return 0  # the file's own front (-Y after normalisation)

    def propose_layout(self, spec: SceneSpec) -> LayoutProposal:
        return LayoutProposal()

    def critique(self, spec: SceneSpec, scene_graph: dict, views: list[Path]) -> VlmCritique | None:
        return None  # the geometric critic is the whole critic offline

    def plan_motion(self, spec: SceneSpec) -> MotionPlan | None:
        return None  # the template planner composes the trajectories offline
