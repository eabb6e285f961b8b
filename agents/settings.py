"""Which model each agent talks to: settings read from the environment.

One default model serves every agent unless an agent has its own (a cheap text model for the
Collector, a VLM for the Optimizer). An agent uses a model only when both a server URL and a model
name are known for it; otherwise it runs offline. `fyi.settings` re-exports this module, which lives
here so the agents may use it without importing upward.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from fyi.errors import FyiError

AGENTS = ("collector", "generator", "optimizer", "planner")


def default_cache_dir(env: Mapping[str, str] = os.environ) -> Path:
    """$FYI_CACHE_DIR/model-calls, or ~/.cache/fyi/model-calls (FYI_CACHE_DIR replaces ~/.cache/fyi)."""
    root = env.get("FYI_CACHE_DIR")
    return (Path(root).expanduser() if root else Path.home() / ".cache" / "fyi") / "model-calls"


class ModelSettings(BaseModel):
    """One OpenAI-compatible endpoint and how to call it. `cache_dir=None` turns the answer cache off."""

    model_config = ConfigDict(extra="forbid")

    base_url: str | None = None
    model: str | None = None
    api_key: str | None = Field(default=None, repr=False)
    timeout_s: float = Field(default=60.0, gt=0)
    max_retries: int = Field(default=4, ge=0)
    cache_dir: Path | None = Field(default_factory=default_cache_dir)
    temperature: float = Field(default=0.0, ge=0, le=2)

    @property
    def configured(self) -> bool:
        return bool(self.base_url and self.model)


class Settings(BaseModel):
    """The default model settings and each agent's overrides (only the fields it sets)."""

    model_config = ConfigDict(extra="forbid")

    default: ModelSettings = ModelSettings()
    per_agent: dict[str, ModelSettings] = {}

    @field_validator("per_agent")
    @classmethod
    def _known_agents(cls, v: dict[str, ModelSettings]) -> dict[str, ModelSettings]:
        unknown = sorted(set(v) - set(AGENTS))
        if unknown:
            raise ValueError(f"unknown agent(s) {', '.join(unknown)}; agents are {', '.join(AGENTS)}")
        return v

    def for_agent(self, name: str) -> ModelSettings:
        """The default settings with the agent's own fields laid over them."""
        if name not in AGENTS:
            raise FyiError(f"unknown agent {name!r}; agents are {', '.join(AGENTS)}")
        own = self.per_agent.get(name)
        if own is None:
            return self.default
        return self.default.model_copy(update={k: getattr(own, k) for k in own.model_fields_set})

    def uses_model(self, agent: str) -> bool:
        return self.for_agent(agent).configured


def _number(env: Mapping[str, str], key: str, kind: type[float] | type[int]) -> float | int | None:
    raw = env.get(key)
    if raw is None or raw.strip() == "":
        return None
    try:
        value = kind(raw)
    except ValueError:
        raise FyiError(f"{key}={raw!r} is not a{'n integer' if kind is int else ' number'}") from None
    if value < 0 or (kind is float and value == 0):
        raise FyiError(f"{key}={raw!r} must be {'positive' if kind is float else '0 or more'}")
    return value


def _given(**fields: object) -> dict[str, object]:
    return {k: v for k, v in fields.items() if v not in (None, "")}


def settings_from_env(env: Mapping[str, str] = os.environ) -> Settings:
    """Settings from FYI_MODEL_* (the default) and FYI_<AGENT>_MODEL/_BASE_URL/_API_KEY (overrides)."""
    default = ModelSettings(**_given(
        base_url=env.get("FYI_MODEL_BASE_URL"),
        model=env.get("FYI_MODEL"),
        api_key=env.get("FYI_MODEL_API_KEY") or env.get("OPENAI_API_KEY"),
        timeout_s=_number(env, "FYI_MODEL_TIMEOUT", float),
        max_retries=_number(env, "FYI_MODEL_MAX_RETRIES", int),
    ), cache_dir=default_cache_dir(env))
    per_agent: dict[str, ModelSettings] = {}
    for agent in AGENTS:
        prefix = f"FYI_{agent.upper()}_"
        own = _given(model=env.get(prefix + "MODEL"), base_url=env.get(prefix + "BASE_URL"),
                     api_key=env.get(prefix + "API_KEY"))
        if own:
            per_agent[agent] = ModelSettings(**own)
    return Settings(default=default, per_agent=per_agent)


__all__ = ["AGENTS", "ModelSettings", "Settings", "default_cache_dir", "settings_from_env"]
