"""FYI: follow your instruction. Instructions in, rendered and annotated 2D/3D data out.

The API loads on first use (module `__getattr__`), so the layers below it (fyi.assets, fyi.scenes,
fyi.render, fyi.agents) can import `fyi.errors` without importing the whole API above them.
"""
from __future__ import annotations

import importlib

from fyi.errors import FyiError

__version__ = "0.1.0"
__all__ = ["synthesize", "render", "validate", "qa", "farm", "SynthResult", "FyiError", "__version__"]


def __getattr__(name: str):
    if name == "render":  # the subpackage, callable: fyi.render(spec, out) hands the call to fyi.api.render
        return importlib.import_module("fyi.render")
    if name in ("synthesize", "validate", "qa", "SynthResult"):
        value = getattr(importlib.import_module("fyi.api"), name)
        globals()[name] = value
        return value
    if name == "farm":  # the module, callable: fyi.farm(jobs, out) is fyi.farm.farm
        return importlib.import_module("fyi.farm")
    raise AttributeError(f"module 'fyi' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
