"""Inline SVG drawn from numbers: bar charts, the top-down plan of a scene, trajectories.
No plotting library at view time: the browser draws these as they are."""
from __future__ import annotations

import math

from fyi.view.images import hex_colour
from fyi.view.page import esc


def bar_chart(title: str, items: list[tuple[str, float]], *, unit: str = "", width: int = 420) -> str:
    """Horizontal bars, one per (label, value), longest scaled to the chart's width."""
    if not items:
        return f'<figure class="chart"><figcaption>{esc(title)}</figcaption><p class="none">no data</p></figure>'
    row, label_w, value_w = 18, 150, 60
    top = max(v for _, v in items) or 1.0
    height = row * len(items) + 4
    bars = []
    for i, (label, value) in enumerate(items):
        y = i * row + 2
        w = max(1.0, (width - label_w - value_w) * value / top) if value > 0 else 0.0
        shown = f"{value:g}" if isinstance(value, int) or float(value).is_integer() else f"{value:.2f}"
        bars.append(f'<text x="{label_w - 6}" y="{y + 12}" text-anchor="end">{esc(label[:24])}</text>'
                    f'<rect x="{label_w}" y="{y + 2}" width="{w:.1f}" height="{row - 5}"><title>{esc(label)}: '
                    f'{shown}{esc(unit)}</title></rect>'
                    f'<text x="{label_w + w + 4:.1f}" y="{y + 12}">{shown}{esc(unit)}</text>')
    return (f'<figure class="chart"><figcaption>{esc(title)}</figcaption>'
            f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img">'
            f'{"".join(bars)}</svg></figure>')


def histogram(values: list[float], bins: int = 8, unit: str = "") -> list[tuple[str, float]]:
    """Counts of `values` in equal bins (no more bins than distinct values), as bar_chart items labelled
    by their range; small whole numbers get a bar each."""
    if not values:
        return []
    lo, hi = min(values), max(values)
    if hi == lo:
        return [(f"{lo:g}{unit}", len(values))]
    if all(float(v).is_integer() for v in values) and hi - lo < 16:
        return [(f"{v:g}{unit}", sum(1 for x in values if x == v)) for v in range(int(lo), int(hi) + 1)]
    bins = min(bins, len(set(values)))
    step = (hi - lo) / bins
    counts = [0] * bins
    for v in values:
        counts[min(bins - 1, int((v - lo) / step))] += 1
    return [(f"{lo + i * step:.3g}-{lo + (i + 1) * step:.3g}{unit}", c) for i, c in enumerate(counts)]


class _Frame:
    """World x/y (metres, +y away from view 0) to SVG pixels (+y down), keeping the aspect."""

    def __init__(self, xs: list[float], ys: list[float], size: int = 360, pad: int = 24):
        self.x0, self.x1 = min(xs), max(xs)
        self.y0, self.y1 = min(ys), max(ys)
        span = max(self.x1 - self.x0, self.y1 - self.y0, 1e-6)
        self.scale = (size - 2 * pad) / span
        self.pad = pad
        self.width = round((self.x1 - self.x0) * self.scale + 2 * pad)
        self.height = round((self.y1 - self.y0) * self.scale + 2 * pad)

    def x(self, v: float) -> float:
        return round(self.pad + (v - self.x0) * self.scale, 1)

    def y(self, v: float) -> float:
        return round(self.pad + (self.y1 - v) * self.scale, 1)


def plan(objects: list[dict], cameras: list[dict], room: list[float] | None) -> str:
    """Top-down plan: the room's floor (when sized), every object's box coloured as its mask, and the
    cameras as dots with their viewing direction (view 0 filled)."""
    xs, ys = [], []
    for o in objects:
        xs += [o["bbox"]["min"][0], o["bbox"]["max"][0]]
        ys += [o["bbox"]["min"][1], o["bbox"]["max"][1]]
    for c in cameras:
        xs.append(c["c2w"][0][3])
        ys.append(c["c2w"][1][3])
    if room:
        xs += [-room[0] / 2, room[0] / 2]
        ys += [-room[1] / 2, room[1] / 2]
    if not xs:
        return '<p class="none">nothing to draw</p>'
    f = _Frame(xs, ys)
    parts = []
    if room:
        parts.append(f'<rect class="room" x="{f.x(-room[0] / 2)}" y="{f.y(room[1] / 2)}" '
                     f'width="{room[0] * f.scale:.1f}" height="{room[1] * f.scale:.1f}"/>')
    for o in sorted(objects, key=lambda o: o["bbox"]["max"][2]):  # tall things on top
        lo, hi = o["bbox"]["min"], o["bbox"]["max"]
        colour = hex_colour(o["instance_id"])
        parts.append(f'<g class="object"><rect x="{f.x(lo[0])}" y="{f.y(hi[1])}" width="{(hi[0] - lo[0]) * f.scale:.1f}" '
                     f'height="{(hi[1] - lo[1]) * f.scale:.1f}" fill="{colour}" stroke="{colour}"/>'
                     f'<title>{esc(o["id"])} ({esc(o["category"])})</title>'
                     f'<text x="{f.x((lo[0] + hi[0]) / 2)}" y="{f.y((lo[1] + hi[1]) / 2)}">{esc(o["id"])}</text></g>')
    for c in cameras:
        m = c["c2w"]
        cx, cy = m[0][3], m[1][3]
        dx, dy = -m[0][2], -m[1][2]  # the camera looks along its -Z
        n = math.hypot(dx, dy) or 1.0
        reach = 28 / f.scale
        cls = "camera main" if c["id"] == 0 else "camera"
        parts.append(f'<g class="{cls}"><line x1="{f.x(cx)}" y1="{f.y(cy)}" x2="{f.x(cx + dx / n * reach)}" '
                     f'y2="{f.y(cy + dy / n * reach)}"/><circle cx="{f.x(cx)}" cy="{f.y(cy)}" r="4"/>'
                     f'<text x="{f.x(cx) + 6}" y="{f.y(cy) - 6}">view {c["id"]}</text></g>')
    return (f'<svg class="plan" viewBox="0 0 {f.width} {f.height}" width="{f.width}" height="{f.height}" role="img">'
            f'{"".join(parts)}</svg>')


def trajectories(poses: dict, instance_ids: dict[str, int]) -> str:
    """Two plots of the frames' poses: the top-down path of every object that moves (its world box's
    centre; the camera's too when it moves), and each mover's height over time."""
    frames = poses.get("frames") or []
    if not frames:
        return '<p class="none">no frames</p>'
    paths: dict[str, list[tuple[float, float, float]]] = {}
    for fr in frames:
        for oid, o in fr["objects"].items():
            # The box's centre, not the pose's origin: a rolling ball's origin (its base) circles its centre.
            lo, hi = o["bbox"]["min"], o["bbox"]["max"]
            paths.setdefault(oid, []).append(tuple((a + b) / 2 for a, b in zip(lo, hi)))
        c = fr["camera"]["c2w"]
        paths.setdefault("camera", []).append((c[0][3], c[1][3], c[2][3]))
    moving = {k: p for k, p in paths.items() if max(math.dist(p[0], q) for q in p) > 1e-4}
    if not moving:
        return '<p class="none">nothing moves</p>'
    f = _Frame([x for p in moving.values() for x, _, _ in p], [y for p in moving.values() for _, y, _ in p], size=300)
    top = []
    for oid, p in moving.items():
        colour = "#444" if oid == "camera" else hex_colour(instance_ids.get(oid, 0))
        points = " ".join(f"{f.x(x)},{f.y(y)}" for x, y, _ in p)
        top.append(f'<g class="path"><polyline points="{points}" stroke="{colour}"/>'
                   f'<circle cx="{f.x(p[0][0])}" cy="{f.y(p[0][1])}" r="3" fill="{colour}"/>'
                   f'<text x="{f.x(p[-1][0]) + 4}" y="{f.y(p[-1][1]) - 4}">{esc(oid)}</text></g>')
    # Height over time: frames along x, z up.
    zs = [z for p in moving.values() for _, _, z in p]
    z0, z1 = min(zs), max(zs)
    if z1 - z0 < 0.1:  # at least 10 cm tall: a ball rolling on the floor is a flat line, not its noise
        mid = (z0 + z1) / 2
        z0, z1 = mid - 0.05, mid + 0.05
    w, h, pad = 300, 160, 24
    n = max(len(frames) - 1, 1)
    height = []
    for oid, p in moving.items():
        colour = "#444" if oid == "camera" else hex_colour(instance_ids.get(oid, 0))
        points = " ".join(f"{pad + i * (w - 2 * pad) / n:.1f},{h - pad - (z - z0) / max(z1 - z0, 1e-6) * (h - 2 * pad):.1f}"
                          for i, (_, _, z) in enumerate(p))
        height.append(f'<polyline points="{points}" stroke="{colour}"><title>{esc(oid)}</title></polyline>')
    axes = (f'<line class="axis" x1="{pad}" y1="{h - pad}" x2="{w - pad}" y2="{h - pad}"/>'
            f'<text x="{pad}" y="{h - 6}">frame 0</text><text x="{w - pad}" y="{h - 6}" text-anchor="end">'
            f'frame {len(frames) - 1}</text><text x="4" y="{pad - 8}">z {z1:.2f} m</text>'
            f'<text x="4" y="{h - pad + 12}">{z0:.2f} m</text>')
    return (f'<figure class="chart"><figcaption>top-down paths (dot: start)</figcaption>'
            f'<svg class="trajectories" viewBox="0 0 {f.width} {f.height}" width="{f.width}" height="{f.height}">'
            f'{"".join(top)}</svg></figure>'
            f'<figure class="chart"><figcaption>height of the centre over time</figcaption>'
            f'<svg class="heights" viewBox="0 0 {w} {h}" width="{w}" height="{h}">{axes}{"".join(height)}</svg></figure>')
