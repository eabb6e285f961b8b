"""sRGB <-> linear: the one conversion every layer uses.

Asset colours and material tones are sRGB in 0..1 (what people and colour names mean); Cycles'
colour sockets and glTF's baseColorFactor take linear values; Cycles' Combined pass is linear and
becomes display sRGB with the same curve (Blender's 'Standard' view transform). Both functions
clip to 0..1 and keep a float32 array float32 (image passes), anything else becomes float64.
"""
from __future__ import annotations

import numpy as np


def _floats(c) -> np.ndarray:
    c = np.asarray(c)
    return np.clip(c if c.dtype == np.float32 else c.astype(np.float64), 0.0, 1.0)


def srgb_to_linear(c) -> np.ndarray:
    c = _floats(c)
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def linear_to_srgb(c) -> np.ndarray:
    c = _floats(c)
    return np.where(c <= 0.0031308, 12.92 * c, 1.055 * np.power(c, 1 / 2.4) - 0.055)
