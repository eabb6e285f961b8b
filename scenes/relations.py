"""What each spatial predicate means in geometry, for the solver to aim at and the critic to check.

Viewer-relative words (left of, right of, in front of, behind) are meant as seen from view 0
(DESIGN.md); "in front of" and "behind" also hold in the reference object's own frame
(the front side of a sofa), as people use both readings.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from fyi.scenes.geometry import Body, forward, gap
from fyi.scenes.spec import Quat

NEXT_TO = 0.6   # metres between footprints
NEAR = 1.2
SIDE = 0.02     # how far past the reference a viewer-relative offset must be


@dataclass(frozen=True)
class Viewer:
    """View 0's frame: x to the right, depth away from the camera."""

    w2c: np.ndarray

    @classmethod
    def default(cls) -> "Viewer":
        # Camera on the -Y side looking along +Y, +Z up: camera x = world x, depth = world y + 5.
        c2w = np.array([[1, 0, 0, 0], [0, 0, -1, -5], [0, 1, 0, 1], [0, 0, 0, 1]], float)
        return cls(np.linalg.inv(c2w))

    @classmethod
    def from_c2w(cls, c2w) -> "Viewer":
        return cls(np.linalg.inv(np.asarray(c2w, float)))

    def x(self, p: np.ndarray) -> float:
        return float((self.w2c @ np.append(p, 1.0))[0])

    def depth(self, p: np.ndarray) -> float:
        return float(-(self.w2c @ np.append(p, 1.0))[2])


def rests_on(a: Body, b: Body, tol: float = 0.03) -> bool:
    """a's base lies within b's height range and a's centre is over b."""
    cx, cy = a.center[:2]
    x0, y0, x1, y1 = b.outline.bounds
    over = x0 - tol <= cx <= x1 + tol and y0 - tol <= cy <= y1 + tol
    return over and b.z0 - tol < a.z0 <= b.z1 + tol


def holds(predicate: str, a: Body, b: Body, viewer: Viewer, *, b_rotation: Quat = (1, 0, 0, 0),
          a_rotation: Quat = (1, 0, 0, 0), c: Body | None = None) -> bool:
    if predicate in ("on", "in"):
        return rests_on(a, b)
    if predicate in ("next_to", "around"):
        return gap(a, b) <= NEXT_TO and not rests_on(a, b) and not rests_on(b, a)
    if predicate == "near":
        return gap(a, b) <= NEAR
    if predicate in ("left_of", "right_of"):
        dx = viewer.x(a.center) - viewer.x(b.center)
        return dx < -SIDE if predicate == "left_of" else dx > SIDE
    if predicate in ("in_front_of", "behind"):
        sign = 1 if predicate == "in_front_of" else -1
        own = sign * float(np.dot(a.center - b.center, forward(b_rotation))) > 0.05
        seen = sign * (viewer.depth(b.center) - viewer.depth(a.center)) > 0.05
        return own or seen
    if predicate == "above":
        return a.z0 >= b.z1 - 0.02 and math.dist(a.center[:2], b.center[:2]) < 1.0
    if predicate == "under":
        # Beneath the reference's top and within its outline (a cat under a table), or wholly below it.
        over = b.outline.buffer(0.02).contains(a.outline.centroid)
        return (over and a.z1 <= b.z1 - 0.02) or holds("above", b, a, viewer)
    if predicate == "between":
        if c is None:
            return False
        p, q, m = b.center[:2], c.center[:2], a.center[:2]
        seg = q - p
        length2 = float(seg @ seg)
        if length2 < 1e-6:
            return False
        t = float((m - p) @ seg) / length2
        return 0.15 < t < 0.85 and float(np.linalg.norm(p + t * seg - m)) < 0.6
    if predicate == "facing":
        to_b = b.center[:2] - a.center[:2]
        n = np.linalg.norm(to_b)
        return n > 1e-6 and float(forward(a_rotation)[:2] @ (to_b / n)) > 0.7
    raise ValueError(f"unknown predicate {predicate!r}")
