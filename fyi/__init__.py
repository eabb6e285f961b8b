"""FYI: follow your instruction. Instructions in, rendered and annotated 2D/3D data out."""
from fyi.api import SynthResult, render, synthesize, validate
from fyi.errors import FyiError

__version__ = "0.1.0"
__all__ = ["synthesize", "render", "validate", "SynthResult", "FyiError", "__version__"]
