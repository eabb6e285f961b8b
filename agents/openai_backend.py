"""The Backend that asks OpenAI-compatible models (OpenAI, vLLM, Ollama...) and checks what they say.

Each agent talks to its own model (fyi.agents.settings); an agent without one falls back to the
offline behaviour. Answers are data: after schema validation every category is checked against the
catalog and every id against the request or the spec, and whatever names something unknown is
dropped with a warning rather than trusted.
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterable
from pathlib import Path
from typing import get_args

from fyi.agents import prompts
from fyi.agents.backend import (
    AssetPick, CritiqueProblem, Edit, FrontPick, LayoutProposal, ModelCall, MotionPlan, OfflineBackend,
    PoseProposal, VlmCritique,
)
from fyi.agents.model_client import ModelClient, one_line
from fyi.agents.request import Request
from fyi.agents.settings import Settings
from fyi.assets.catalog import categories, nearest_category, resolve_category, sources_in_force
from fyi.assets.style import COLORS, MATERIALS, SIZES
from fyi.errors import FyiError
from fyi.scenes.spec import PREDICATES, ArrangementKind, Ground, SceneSpec

# Which agent's model serves each Backend method.
_AGENT_OF = {"understand": "collector", "pick_asset": "collector", "pick_front": "collector",
             "propose_layout": "generator",
             "critique": "optimizer", "plan_motion": "planner"}
_MOTION_VERBS = ("move", "roll", "slide", "fall", "spin", "push", "orbit", "approach", "retreat", "pan", "follow")
_DIRECTIONS = ("left", "right", "forward", "backward", "up", "down", "toward_camera", "away")
_ROOMS = ("living_room", "kitchen", "bedroom", "office", "bathroom", "dining_room", "classroom", "generic_room",
          "empty_room", "outdoors", "studio")
_NEEDS_OBJECT = {"move", "rotate", "scale", "swap_asset", "remove"}


def _quoted(text: object) -> str:
    """A model-written string as warnings quote it: one short line, whatever the model sent."""
    return repr(one_line(text, 60))


def _catalog_names() -> str:
    """The categories a model may name: the builders', and those of the asset sources in use."""
    return ", ".join([c.name for c in categories()] + [c.name for c in sources_in_force()])


def _finite(values: Iterable[float | None]) -> bool:
    return all(v is None or math.isfinite(v) for v in values)


def _rounded(value: object, digits: int = 3) -> object:
    if isinstance(value, float):
        return round(value, digits)
    if isinstance(value, (list, tuple)):
        return [_rounded(v, digits) for v in value]
    if isinstance(value, dict):
        return {k: _rounded(v, digits) for k, v in value.items()}
    return value


def compact_scene_graph(scene_graph: dict) -> dict:
    """What a critic needs of scene.json: ids, categories, positions, boxes, supports and relations."""
    keep = ("id", "category", "attributes", "position", "bbox", "support")
    objects = [{k: o[k] for k in keep if o.get(k) not in (None, {}, [])} for o in scene_graph.get("objects", [])]
    return _rounded({
        "instruction": scene_graph.get("instruction", ""),
        "room": (scene_graph.get("room") or {}).get("type"),
        "objects": objects,
        "relations": scene_graph.get("relations", []),
    })


class OpenAIBackend:
    """Backend over OpenAI-compatible chat models, one ModelClient per agent that has a model."""

    name = "openai"

    def __init__(self, settings: Settings, *, backoff_base_s: float = 0.5) -> None:
        self.settings = settings
        self.calls: list[ModelCall] = []
        self.warnings: list[str] = []
        self.clients: dict[str, ModelClient] = {
            agent: ModelClient(settings.for_agent(agent), agent, backoff_base_s=backoff_base_s)
            for agent in sorted(set(_AGENT_OF.values())) if settings.uses_model(agent)}
        self._offline = OfflineBackend()

    def _client(self, method: str) -> ModelClient | None:
        return self.clients.get(_AGENT_OF[method])

    def _warn(self, text: str) -> None:
        self.warnings.append(text)

    # ------------------------------------------------------------------ Collector
    def understand(self, instruction: str, images: list[Path]) -> Request:
        client = self._client("understand")
        if client is None:
            return self._offline.understand(instruction, images)
        system = prompts.COLLECTOR_UNDERSTAND.format(
            categories=_catalog_names(), colors=", ".join(COLORS), materials=", ".join(sorted(set(MATERIALS))),
            sizes=", ".join(SIZES), predicates=", ".join(PREDICATES), rooms=", ".join(_ROOMS),
            verbs=", ".join(_MOTION_VERBS), directions=", ".join(_DIRECTIONS),
            arrangements=", ".join(get_args(ArrangementKind)), grounds=", ".join(get_args(Ground)),
            images_note=prompts.COLLECTOR_IMAGES_NOTE.format(n=len(images)) if images else "")
        answer, call = client.complete_json(system, f"Instruction: {instruction}", Request, images=list(images))
        self.calls.append(call)
        return checked_request(answer, instruction, client)

    def pick_asset(self, phrase: str, candidates: list[str], thumbnails: list[Path]) -> str:
        if not candidates:
            raise FyiError(f"no candidate assets for {phrase!r}")
        client = self._client("pick_asset")
        if client is None or len(candidates) == 1:
            return self._offline.pick_asset(phrase, candidates, thumbnails)
        listing = "\n".join(f"{i}. {uid}" for i, uid in enumerate(candidates))
        answer, call = client.complete_json(prompts.COLLECTOR_PICK_ASSET,
                                            f"Description: {phrase}\nCandidates:\n{listing}", AssetPick,
                                            images=list(thumbnails))
        self.calls.append(call)
        if answer.choice in candidates:
            return answer.choice
        self._warn(f"collector model picked {_quoted(answer.choice)} for {phrase!r}, which is not a candidate; "
                   f"kept {candidates[0]!r}")
        return candidates[0]

    def pick_front(self, phrase: str, thumbnails: list[Path]) -> int:
        client = self._client("pick_front")
        if client is None or len(thumbnails) < 2:
            return self._offline.pick_front(phrase, thumbnails)
        answer, call = client.complete_json(prompts.COLLECTOR_PICK_FRONT.format(n=len(thumbnails)),
                                            f"Object: {phrase}", FrontPick, images=list(thumbnails))
        self.calls.append(call)
        if answer.view < len(thumbnails):
            return answer.view
        self._warn(f"collector model picked front view {answer.view} of {len(thumbnails)} for {phrase!r}; kept 0")
        return 0

    # ------------------------------------------------------------------ Generator
    def propose_layout(self, spec: SceneSpec) -> LayoutProposal:
        client = self._client("propose_layout")
        if client is None:
            return self._offline.propose_layout(spec)
        scene = {
            "instruction": spec.instruction,
            "room": spec.room.model_dump(mode="json"),
            "objects": [{"id": o.id, "category": o.category, **o.attributes.model_dump(exclude_none=True),
                         **({"support": o.support} if o.support else {})} for o in spec.objects],
            "relations": [r.model_dump(mode="json", exclude_none=True) for r in spec.relations],
        }
        answer, call = client.complete_json(prompts.GENERATOR_LAYOUT, json.dumps(scene, separators=(",", ":")),
                                            LayoutProposal)
        self.calls.append(call)
        known = {o.id for o in spec.objects}
        poses: dict[str, PoseProposal] = {}
        for pose in answer.poses:
            if pose.id not in known:
                self._warn(f"generator model proposed a pose for unknown object {_quoted(pose.id)}; dropped")
            elif not _finite([*(pose.position or ()), pose.yaw_degrees]):
                self._warn(f"generator model proposed a non-finite pose for {_quoted(pose.id)}; dropped")
            elif pose.id not in poses:
                poses[pose.id] = pose
        return LayoutProposal(poses=list(poses.values()))

    # ------------------------------------------------------------------ Planner
    def plan_motion(self, spec: SceneSpec) -> MotionPlan | None:
        client = self._client("plan_motion")
        if client is None or not spec.motions:
            return self._offline.plan_motion(spec)
        scene = {
            "instruction": spec.instruction,
            "room": spec.room.model_dump(mode="json"),
            "objects": [{"id": o.id, "category": o.category, "position": o.position, "support": o.support}
                        for o in spec.objects],
            "motions": [m.model_dump(mode="json", exclude_none=True) for m in spec.motions],
            "camera_c2w": spec.cameras[0].c2w if spec.cameras else None,
        }
        answer, call = client.complete_json(prompts.PLANNER_MOTION, json.dumps(scene, separators=(",", ":")),
                                            MotionPlan)
        self.calls.append(call)
        known = {o.id for o in spec.objects}
        kept = []
        for track in answer.objects:
            numbers = [v for k in track.keyframes for v in (*k.position, k.yaw_degrees)]
            if track.object not in known:
                self._warn(f"planner model moved unknown object {_quoted(track.object)}; dropped")
            elif not _finite(numbers):
                self._warn(f"planner model gave non-finite keyframes for {_quoted(track.object)}; dropped")
            else:
                kept.append(track)
        camera = answer.camera if _finite([v for k in answer.camera for v in (*k.position, *k.look_at)]) else []
        return MotionPlan(objects=kept, camera=camera)

    # ------------------------------------------------------------------ Optimizer
    def critique(self, spec: SceneSpec, scene_graph: dict, views: list[Path]) -> VlmCritique | None:
        client = self._client("critique")
        if client is None:
            return self._offline.critique(spec, scene_graph, views)
        system = prompts.OPTIMIZER_CRITIQUE.format(n_views=len(views), categories=_catalog_names())
        graph = json.dumps(compact_scene_graph(scene_graph), separators=(",", ":"))
        user = f"Instruction: {spec.instruction}\nScene graph: {graph}"
        answer, call = client.complete_json(system, user, VlmCritique, images=list(views))
        self.calls.append(call)
        # Context objects are not the critique's to move (scenes/clutter.py).
        return self._checked_critique(answer, {o.id for o in spec.objects if not o.context})

    def _checked_critique(self, critique: VlmCritique, known: set[str]) -> VlmCritique:
        problems: list[CritiqueProblem] = []
        for p in critique.problems:
            unknown = [o for o in p.objects if o not in known]
            if unknown:
                self._warn(f"optimizer model named unknown object(s) {', '.join(map(_quoted, unknown))} in a problem")
            if p.objects and len(unknown) == len(p.objects):
                continue  # about nothing in this scene
            problems.append(p.model_copy(update={"objects": [o for o in p.objects if o in known]}))
        edits: list[Edit] = []
        for e in critique.edits:
            reason = self._edit_problem(e, known)
            if reason:
                self._warn(f"optimizer model edit {e.op} dropped: {reason}")
                continue
            if e.category is not None:
                e = e.model_copy(update={"category": resolve_category(e.category)})
            edits.append(e)
        return critique.model_copy(update={"problems": problems, "edits": edits})

    @staticmethod
    def _edit_problem(e: Edit, known: set[str]) -> str | None:
        """Why an edit cannot be applied to this scene, or None when it can."""
        if e.op in _NEEDS_OBJECT and e.object not in known:
            return f"unknown object {_quoted(e.object)}"
        if e.category is not None and resolve_category(e.category) is None:
            return f"category {_quoted(e.category)} is not in the catalog"
        if e.op in ("swap_asset", "add") and e.category is None:
            return "no category"
        if e.relation is not None and e.relation[1] not in known:
            return f"relation to unknown object {_quoted(e.relation[1])}"
        if e.relation is not None and e.relation[0] not in PREDICATES:
            return f"unknown predicate {_quoted(e.relation[0])}"
        if e.op == "move" and e.position is None and e.delta is None:
            return "move without position or delta"
        if e.op == "rotate" and e.yaw_degrees is None:
            return "rotate without yaw_degrees"
        if e.op == "scale" and e.factor is None:
            return "scale without factor"
        if e.op == "move_camera" and e.elevation_degrees is None and e.distance_factor is None:
            return "move_camera without elevation_degrees or distance_factor"
        if not _finite([*(e.position or ()), *(e.delta or ()), e.yaw_degrees, e.elevation_degrees]):
            return "non-finite number"
        return None


def checked_request(answer: Request, instruction: str, client: ModelClient) -> Request:
    """The model's Request with catalog categories only; what names anything else is dropped with a warning."""
    warnings = list(answer.warnings)
    objects, dropped = [], set()
    for o in answer.objects:
        name = resolve_category(o.category)
        if name is None and nearest_category(o.category) is not None:  # a kind of something the library builds
            name = nearest_category(o.category)
            warnings.append(f"model asked for {_quoted(o.category)} ({o.ref}), which is not in the library; "
                            f"built {_quoted(name)} (nearest by meaning)")
        if name is None:
            dropped.add(o.ref)
            # nothing is built in its place: a category merely spelt alike is another thing
            warnings.append(f"model asked for unknown category {_quoted(o.category)} ({o.ref}); dropped")
            continue
        attributes = o.attributes.model_dump()
        for field, vocabulary in (("color", COLORS), ("material", MATERIALS), ("size", SIZES)):
            word = attributes[field]
            if word is not None and word.lower() not in vocabulary:
                warnings.append(f"{o.ref}: {field} {_quoted(word)} is not a known word; ignored")
                attributes[field] = None
            elif word is not None:
                attributes[field] = word.lower()
        objects.append(o.model_dump() | {"category": name, "attributes": attributes})
    if not objects:
        raise FyiError(f"{client.agent} model {client.model!r} at {client.base_url} named no catalog category "
                       f"for {instruction!r}: {'; '.join(warnings[len(answer.warnings):]) or 'no objects'}")
    relations = []
    for r in answer.relations:
        gone = [x for x in (r.subject, r.object, r.object2) if x in dropped]
        if gone:
            warnings.append(f"relation {r.subject} {r.predicate} {r.object} dropped: names dropped {gone[0]}")
        else:
            relations.append(r.model_dump())
    motions = []
    for m in answer.motions:
        if m.subject in dropped or m.target in dropped:
            warnings.append(f"motion {m.subject} {m.verb} dropped: names a dropped object")
        else:
            motions.append(m.model_dump())
    asked = {o["category"] for o in objects}
    excluded = [c for c in dict.fromkeys(resolve_category(e) for e in answer.excluded) if c and c not in asked]
    # Built again so the Request's own reference checks run on what is left.
    return Request.model_validate({"instruction": instruction, "objects": objects, "relations": relations,
                                   "room": answer.room, "ground": answer.ground, "motions": motions,
                                   "excluded": excluded, "warnings": warnings})


__all__ = ["OpenAIBackend", "checked_request", "compact_scene_graph"]
