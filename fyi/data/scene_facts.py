"""What a finished scene folder shows, read once from its real files, for the QA generators.

Per view: the objects its instance mask shows (at least MIN_PIXELS pixels; objects with fewer
pixels are `glimpsed`: questions that count or name them are not asked), their 2D boxes, mask
centroids and median depths; relations as seen in that view. Per scene: categories, colour and
material, 3D boxes, support, and (4D scenes) every object's track from frames/poses.json.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import OpenEXR
from PIL import Image

from fyi.errors import FyiError

MIN_FRACTION = 0.0005  # of the image's pixels: less than this and an object is only glimpsed
MIN_PIXELS = 12
SIDE_FRACTION = 0.06  # centroids this far apart (of the image width) make left/right plain to see
DEPTH_GAP = 0.15  # metres between median depths that make closer/farther plain to see
NEXT_TO = 0.6  # metres between 3D boxes (scenes/relations.py's NEXT_TO)
MOVED = 0.05  # metres: a smaller displacement is not "moved"


@dataclass(frozen=True)
class SceneObject:
    id: str
    instance_id: int
    category: str
    color: str | None
    material: str | None
    lo: np.ndarray  # world bbox min (metres)
    hi: np.ndarray
    support: str | None

    @property
    def name(self) -> str:
        return self.category.replace("_", " ")

    @property
    def center(self) -> np.ndarray:
        return (self.lo + self.hi) / 2


@dataclass(frozen=True)
class Seen:
    """One object as a view shows it."""

    id: str
    pixels: int
    box: tuple[int, int, int, int]  # [x0, y0, x1, y1], x1/y1 exclusive (fyi.data.items)
    centroid: tuple[float, float]  # mean pixel (x, y)
    depth: float  # median z-depth of its pixels, metres


@dataclass(frozen=True)
class View:
    scene_id: str
    camera: int
    image: str  # scene-relative path of the colour image
    width: int
    height: int
    seen: dict[str, Seen]  # object id -> how this view shows it (visible objects only)
    glimpsed: frozenset[str]  # objects with a few pixels: neither counted nor named
    instance: np.ndarray = field(repr=False)
    depth: np.ndarray = field(repr=False)


@dataclass(frozen=True)
class Track:
    """An object's motion over a 4D sequence (world positions per frame)."""

    id: str
    positions: np.ndarray  # (F, 3)


@dataclass(frozen=True)
class SceneFacts:
    scene_id: str
    root: Path
    objects: dict[str, SceneObject]
    relations: tuple[tuple[str, str, str], ...]  # scene.json's (subject, predicate, object)
    views: tuple[View, ...]
    cameras: dict[int, dict]
    tracks: dict[str, Track] = field(default_factory=dict)
    frame_images: tuple[str, ...] = ()  # frames/rgb/NNNN.png, scene-relative
    frame_cameras: tuple[np.ndarray, ...] = ()  # c2w per frame

    def view(self, camera: int) -> View:
        return next(v for v in self.views if v.camera == camera)

    def visible(self, view: View) -> list[SceneObject]:
        return [self.objects[i] for i in view.seen]

    def seen_relation(self, view: View, predicate: str, a: str, b: str) -> bool:
        """Does `a predicate b` hold as this view shows it (viewer-relative words in this image)?"""
        sa, sb = view.seen[a], view.seen[b]
        oa, ob = self.objects[a], self.objects[b]
        if predicate == "on":
            return oa.support == b
        if predicate == "under":
            return ob.support == a
        if predicate in ("left_of", "right_of"):
            dx = sa.centroid[0] - sb.centroid[0]
            return dx < -SIDE_FRACTION * view.width if predicate == "left_of" else dx > SIDE_FRACTION * view.width
        if predicate in ("in_front_of", "behind"):
            dz = sa.depth - sb.depth
            return dz < -DEPTH_GAP if predicate == "in_front_of" else dz > DEPTH_GAP
        if predicate == "next_to":
            return box_gap(oa, ob) <= NEXT_TO and oa.support != b and ob.support != a
        raise ValueError(f"unknown predicate {predicate!r}")

    def clear_relation(self, view: View, predicate: str, a: str, b: str) -> bool:
        """The relation is plainly true or plainly false here (no borderline cases in yes/no questions).
        Between a thing and what it stands on only on/under are plain: a mug on a table is not 'behind' it."""
        sa, sb = view.seen[a], view.seen[b]
        if self.objects[a].support == b or self.objects[b].support == a:
            return predicate in ("on", "under")
        if predicate in ("left_of", "right_of"):
            return abs(sa.centroid[0] - sb.centroid[0]) > SIDE_FRACTION * view.width
        if predicate in ("in_front_of", "behind"):
            return abs(sa.depth - sb.depth) > DEPTH_GAP
        if predicate == "next_to":
            g = box_gap(self.objects[a], self.objects[b])
            return g <= NEXT_TO or g > 2 * NEXT_TO
        return True


def box_gap(a: SceneObject, b: SceneObject) -> float:
    """Horizontal distance between two world boxes' footprints (0 when they overlap)."""
    d = np.maximum(0.0, np.maximum(a.lo[:2] - b.hi[:2], b.lo[:2] - a.hi[:2]))
    return float(np.hypot(*d))


def read_depth(path: Path) -> np.ndarray:
    depth = np.asarray(OpenEXR.File(str(path), separate_channels=True).parts[0].channels["Z"].pixels, np.float32)
    return np.where(depth >= 1e9, np.inf, depth)


def read_mask(path: Path) -> np.ndarray:
    with Image.open(path) as img:
        return np.asarray(img).astype(np.int64)


def min_pixels(width: int, height: int) -> int:
    return max(MIN_PIXELS, round(MIN_FRACTION * width * height))


def _view(scene_id: str, root: Path, camera: dict, by_instance: dict[int, str]) -> View:
    name = f"{camera['id']:04d}"
    mask_path = root / "views" / "instance" / f"{name}.png"
    if not mask_path.is_file():
        raise FyiError(f"{mask_path}: no instance mask for view {camera['id']}")
    mask = read_mask(mask_path)
    depth = read_depth(root / "views" / "depth" / f"{name}.exr")
    h, w = mask.shape
    counts = np.bincount(mask.ravel())
    least = min_pixels(w, h)
    seen, glimpsed = {}, set()
    for instance in np.nonzero(counts)[0]:
        obj = by_instance.get(int(instance))
        if obj is None:
            continue
        if counts[instance] < least:
            glimpsed.add(obj)
            continue
        ys, xs = np.nonzero(mask == instance)
        seen[obj] = Seen(obj, int(counts[instance]), (int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1),
                         (float(xs.mean()), float(ys.mean())), float(np.median(depth[ys, xs])))
    return View(scene_id, int(camera["id"]), f"views/rgb/{name}.png", w, h, seen, frozenset(glimpsed), mask, depth)


def is_scene_folder(path: Path) -> bool:
    return (Path(path) / "scene.json").is_file() and (Path(path) / "views" / "instance").is_dir()


def read_scene(root: str | Path) -> SceneFacts:
    """Every fact the generators use, from one scene folder's files (one FyiError naming a bad file)."""
    root = Path(root)
    if not is_scene_folder(root):
        raise FyiError(f"{root}: not a scene folder (no scene.json and views/instance/)")
    try:
        graph = json.loads((root / "scene.json").read_text())
        objects = {o["id"]: SceneObject(o["id"], int(o["instance_id"]), o["category"],
                                        o.get("attributes", {}).get("color"), o.get("attributes", {}).get("material"),
                                        np.asarray(o["bbox"]["min"], float), np.asarray(o["bbox"]["max"], float),
                                        o.get("support"))
                   for o in graph["objects"]}
        relations = tuple((r["subject"], r["predicate"], r["object"]) for r in graph.get("relations", ()))
        cameras = {int(c["id"]): c for c in graph["cameras"]}
    except (ValueError, KeyError, TypeError) as e:
        raise FyiError(f"{root / 'scene.json'}: not a fyi.scene/1 scene graph ({type(e).__name__}: {e})") from None
    by_instance = {o.instance_id: o.id for o in objects.values()}
    views = tuple(_view(graph["scene_id"], root, c, by_instance) for c in sorted(cameras.values(), key=lambda c: c["id"]))
    tracks, frame_images, frame_cameras = {}, (), ()
    poses = root / "frames" / "poses.json"
    if poses.is_file():
        data = json.loads(poses.read_text())
        frames = data["frames"]
        for oid in objects:
            tracks[oid] = Track(oid, np.asarray([f["objects"][oid]["position"] for f in frames], float))
        frame_images = tuple(f"frames/rgb/{f['frame']:04d}.png" for f in frames)
        frame_cameras = tuple(np.asarray(f["camera"]["c2w"], float) for f in frames)
    return SceneFacts(graph["scene_id"], root, objects, relations, views, cameras, tracks, frame_images, frame_cameras)


def project(camera: dict, c2w: np.ndarray, point: np.ndarray) -> tuple[float, float, float]:
    """A world point's pixel (x, y) and z-depth in a camera (OpenGL c2w: looks along -Z, +Y up)."""
    p = np.linalg.inv(c2w) @ np.append(point, 1.0)
    depth = -p[2]
    return (camera["cx"] + camera["fx"] * p[0] / depth, camera["cy"] - camera["fy"] * p[1] / depth, float(depth))
