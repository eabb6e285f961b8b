"""Model settings: which OpenAI-compatible server and model each agent uses (read from FYI_* variables).

The classes live in fyi.agents.settings so the agents can use them without importing upward; this is
their public address.
"""
from fyi.agents.settings import AGENTS, ModelSettings, Settings, default_cache_dir, settings_from_env

__all__ = ["AGENTS", "ModelSettings", "Settings", "default_cache_dir", "settings_from_env"]
