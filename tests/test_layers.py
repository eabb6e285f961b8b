"""Imports flow one way: the layers below the API load without it, and errors live at the bottom."""
from __future__ import annotations

import json
import subprocess
import sys


def loaded_after(statement: str) -> set[str]:
    """The fyi modules (and API dependencies) a fresh interpreter holds after running `statement`."""
    code = f"{statement}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return {m for m in json.loads(out.splitlines()[-1]) if m.startswith(("fyi", "langgraph", "pydantic"))}


def test_errors_import_nothing_but_themselves():
    assert loaded_after("import fyi.errors") == {"fyi", "fyi.errors"}


def test_layers_below_the_api_do_not_load_it():
    loaded = loaded_after("import fyi.assets.model, fyi.scenes.layout, fyi.render.scene")
    assert "fyi.api" not in loaded and "fyi.agents" not in loaded
    assert not any(m.startswith("langgraph") for m in loaded)


def test_the_api_loads_on_first_use():
    code = ("import fyi\n"
            "assert 'fyi.render' not in __import__('sys').modules\n"
            "assert callable(fyi.render) and fyi.render.__name__ == 'fyi.render'  # the subpackage, callable\n"
            "import fyi.api\n"
            "assert fyi.synthesize is fyi.api.synthesize and fyi.SynthResult is fyi.api.SynthResult\n"
            "assert 'synthesize' in dir(fyi)\n"
            "try:\n    fyi.nothing\nexcept AttributeError as e:\n    print(e)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "has no attribute 'nothing'" in out
