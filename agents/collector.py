"""The Collector: instruction -> structured request -> a partial SceneSpec with an asset per object."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from fyi.agents.backend import Backend, OfflineBackend
from fyi.agents.parser import parse_instruction
from fyi.agents.request import Request, RequestedObject, RequestedRelation
from fyi.assets.catalog import SourceCategory, asset_seed, categories, group_of
from fyi.errors import FyiError
from fyi.scenes.asset_loader import asset_for
from fyi.scenes.spec import (MAX_OBJECTS, Arrangement, AssetRef, Motion, ObjectSpec, Relation, RenderSettings,
                             Room, SceneSpec)

if TYPE_CHECKING:  # the index is imported only when sources are used
    from fyi.assets.index import CatalogIndex

# What belongs under the sky (COCO's vehicle and outdoor supercategories, trees, large animals); naming
# none of them and no room gives an empty room.
OUTDOOR_GROUPS = {"outdoor", "vehicle", "street"}
OPEN_VARIANTS = {"box": "open_box"}  # closed containers and the open kind of each, for things "in" them
# Things that bring their own container and leave it behind when "in" another: flowers in a vase stand
# in it as a cut bunch (the object stays a "flower"; only its asset changes).
LOOSE_VARIANTS = {"flower": "cut_flowers"}
OUTDOOR_CATEGORIES = {"tree", "horse", "sheep", "cow", "elephant", "bear", "zebra", "giraffe"}
OUTDOOR_GROUNDS = {"grass", "sand", "asphalt", "snow"}


def scene_id_for(instruction: str, seed: int) -> str:
    words = re.findall(r"[a-z0-9]+", instruction.lower())[:6]
    digest = hashlib.sha256(f"{instruction}\n{seed}".encode()).hexdigest()[:8]
    return f"{'_'.join(words) or 'scene'}-{digest}"


def spec_from_request(request: Request, *, seed: int, quality: str = "draft", views: int = 4, frames: int = 0,
                      fps: float = 24.0, clutter: str = "none") -> SceneSpec:
    total = sum(group.count for group in request.objects)
    if total > MAX_OBJECTS:  # refused before any asset is built or pose solved
        raise FyiError(f"instruction: asks for {total:,} objects; a scene holds at most {MAX_OBJECTS}")
    counters: dict[str, int] = {}
    members: dict[str, list[str]] = {}
    objects: list[ObjectSpec] = []
    arrangements: list[Arrangement] = []
    warnings = list(request.warnings)
    for group in request.objects:
        ids = []
        for _ in range(group.count):
            n = counters.get(group.category, 0)
            counters[group.category] = n + 1
            oid = f"{group.category}_{n}"
            objects.append(ObjectSpec(
                id=oid, category=group.category, description=group.phrase, attributes=group.attributes,
                asset=AssetRef(source="procedural", uid=group.category, seed=asset_seed(seed, oid)),
                support=group.support_hint,
            ))
            ids.append(oid)
        members[group.ref] = ids
    # Groups of one noun next to each other in the request make one arrangement ("two red and three blue
    # balls in a row": one row of five).
    runs: list[tuple[RequestedObject, list[str]]] = []  # (first group, member ids)
    previous = None
    for group in request.objects:
        if group.arrangement and previous is not None and (previous.category, previous.arrangement) == (
                group.category, group.arrangement):
            runs[-1][1].extend(members[group.ref])
        elif group.arrangement:
            runs.append((group, list(members[group.ref])))
        previous = group if group.arrangement else None
    for group, ids in runs:
        if len(ids) > 1:
            arrangements.append(Arrangement(kind=group.arrangement, members=ids))
        else:
            warnings.append(f"{group.phrase!r}: one {group.category.replace('_', ' ')} makes no "
                            f"{group.arrangement}; placed it alone")
    below = {up: down for a in arrangements if a.kind == "stack" for down, up in zip(a.members, a.members[1:])}
    objects = [o.model_copy(update={"support": below[o.id]}) if o.id in below else o for o in objects]  # a stack
    stacked = {oid for a in arrangements if a.kind == "stack" for oid in a.members[1:]}
    relations: list[Relation] = []
    for r in request.relations:
        for s, o, o2 in _expand(r, members, warnings):
            if s in stacked and r.subject != r.object:
                continue  # the rest of a stack follows its bottom member
            relations.append(Relation(subject=s, predicate=r.predicate, object=o, object2=o2))
    for a in arrangements:
        if a.kind == "stack":
            relations += [Relation(subject=up, predicate="on", object=down) for down, up in zip(a.members, a.members[1:])]
    # Something "in" a closed container needs the open one: apples in a box go inside, not on its lid.
    holders = {r.object for r in relations if r.predicate == "in"}
    objects = [o.model_copy(update={"category": OPEN_VARIANTS[o.category], "asset": o.asset.model_copy(
        update={"uid": OPEN_VARIANTS[o.category]})}) if o.id in holders and o.category in OPEN_VARIANTS else o
        for o in objects]
    held = {r.subject for r in relations if r.predicate == "in"}
    objects = [o.model_copy(update={"asset": o.asset.model_copy(update={"uid": LOOSE_VARIANTS[o.category]})})
               if o.id in held and o.category in LOOSE_VARIANTS and o.asset.source == "procedural" else o
               for o in objects]
    motions = [Motion(subject=who, verb=m.verb, target=(members.get(m.target) or [None])[0] if m.target else None,
                      direction=m.direction, text=m.text)
               for m in request.motions
               for who in (["camera"] if m.subject == "camera" else members.get(m.subject, []))]
    room_type = request.room or _default_room(objects, request.ground)
    room = Room(type=room_type, ground=request.ground,
                setting=request.setting if room_type == "outdoors" else None, clutter=clutter)
    return SceneSpec(
        scene_id=scene_id_for(request.instruction, seed), seed=seed, instruction=request.instruction,
        room=room, objects=objects, relations=relations, motions=motions, arrangements=arrangements,
        excluded=list(request.excluded),
        render=RenderSettings(quality=quality, views=views, frames=frames, fps=fps),
        warnings=list(dict.fromkeys(warnings)),
    )


# Predicates said as seen from the main view: "a ball left of two cubes" is left of each of them.
_EVERY_MEMBER = {"left_of", "right_of", "in_front_of", "behind"}
_ALL_PAIRS_UP_TO = 16


def _expand(r: RequestedRelation, members: dict[str, list[str]], warnings: list[str]
            ) -> list[tuple[str, str, str | None]]:
    """One relation between groups -> relations between objects, as the predicate means it: "between two
    tables" takes two different tables, "four chairs around two tables" shares the chairs out, "five cubes
    next to each other" relates each cube to the one before, and nothing ever relates to itself."""
    subjects, targets = members.get(r.subject, []), members.get(r.object, [])
    if not subjects or not targets:
        return []
    said = f"{r.subject} {r.predicate.replace('_', ' ')} {r.object}"
    if r.predicate == "between":
        seconds = members.get(r.object2, []) if r.object2 != r.object else []
        if seconds:
            return [(s, targets[i % len(targets)], seconds[i % len(seconds)]) for i, s in enumerate(subjects)
                    if s not in (targets[i % len(targets)], seconds[i % len(seconds)])]
        pool = [t for t in targets if t not in subjects]
        if len(pool) < 2:
            warnings.append(f"'between' needs two things: {said} has only {len(pool)}; left it out")
            return []
        # consecutive pairs of the group: chair 0 between tables 0 and 1, chair 1 between tables 1 and 2...
        return [(s, pool[i % (len(pool) - 1)], pool[i % (len(pool) - 1) + 1]) for i, s in enumerate(subjects)]
    if r.subject == r.object:
        if len(subjects) < 2:
            return []
        if r.predicate == "facing":  # "two chairs facing each other": each faces its partner
            return [(s, subjects[i ^ 1], None) for i, s in enumerate(subjects) if (i ^ 1) < len(subjects)]
        return [(s, subjects[i - 1], None) for i, s in enumerate(subjects) if i > 0]
    if r.predicate in _EVERY_MEMBER and len(subjects) * len(targets) <= _ALL_PAIRS_UP_TO:
        return [(s, t, None) for s in subjects for t in targets if s != t]
    # Several references share out the subjects ("mugs on the two tables": one each in turn).
    return [(s, targets[i % len(targets)], None) for i, s in enumerate(subjects) if s != targets[i % len(targets)]]


def _default_room(objects: list[ObjectSpec], ground: str | None = None) -> str:
    if ground in OUTDOOR_GROUNDS:
        return "outdoors"
    for o in objects:
        if o.category in OUTDOOR_CATEGORIES or group_of(o.category) in OUTDOOR_GROUPS:
            return "outdoors"
    return "empty_room"


def collect(instruction: str, *, seed: int, quality: str, views: int, frames: int = 0,
            fps: float = 24.0) -> tuple[Request, SceneSpec]:
    """The offline Collector in one call: the rule-based parser, then the spec."""
    request = parse_instruction(instruction)
    return request, spec_from_request(request, seed=seed, quality=quality, views=views, frames=frames, fps=fps)


PICK_AMONG = 3  # variants of each asset the Collector's model chooses among


@dataclass
class AssetSources:
    """A run's asset folders and Objaverse cache, indexed once: what retrieval searches, and the
    categories they add to the words an instruction may use (an Objaverse guitar, a folder's accordion)."""
    index: CatalogIndex
    roots: list[Path]

    @classmethod
    def open(cls, asset_dirs: list[str], objaverse: bool) -> "AssetSources | None":
        if not asset_dirs and not objaverse:
            return None
        from fyi.assets.index import CatalogIndex
        from fyi.assets.sources import LocalFolderSource, ObjaverseSource

        sources = [LocalFolderSource(Path(d)) for d in asset_dirs] + ([ObjaverseSource()] if objaverse else [])
        return cls(CatalogIndex.build(sources, procedural=False),
                   [s.root for s in sources if isinstance(s, LocalFolderSource)])

    def vocabulary(self) -> list[SourceCategory]:
        from fyi.assets.sources import source_vocabulary

        return source_vocabulary(self.index.records)


def assets_from_sources(spec: SceneSpec, sources: AssetSources | None, backend: Backend | None = None,
                        thumbs_dir: Path | None = None) -> SceneSpec:
    """With local asset folders or an Objaverse cache configured, objects take their assets from there:
    the top-k text matches of the object (BM25 over names, descriptions and tags, within its category)
    that load; offline the best of them, with a model a visual pick among their thumbnails, and then the
    model's pick of the asset's front. Objects with no match keep the procedural library's asset; one
    whose category only a source has, and none of whose assets loads, is left out with a warning."""
    if sources is None:
        return spec
    builders = {c.name for c in categories()}
    model = backend is not None and not isinstance(backend, OfflineBackend) and thumbs_dir is not None
    objects, warnings = [], list(spec.warnings)
    for o in spec.objects:
        loaded = []  # (object with the candidate's asset, its asset), in ranking order
        for rec, _ in sources.index.search(o.description or o.category, k=PICK_AMONG, category=o.category):
            if rec.source == "local":
                root = next(r for r in sources.roots if (r / rec.uid).is_file())
                ref = AssetRef(source="local", uid=rec.uid, path=str((root / rec.uid).resolve()), license=rec.license)
            else:
                ref = AssetRef(source="objaverse", uid=rec.uid, license=rec.license)
            candidate = o.model_copy(update={"asset": ref})
            try:
                loaded.append((candidate, asset_for(candidate)))  # a broken file is found here, not at render time
            except FyiError as e:
                warnings.append(f"{o.id}: skipped {rec.source} asset {rec.uid} ({e})")
            if loaded and not model:
                break
        if loaded:
            o = _visual_pick(o, loaded, backend, thumbs_dir) if model else loaded[0][0]
        elif o.category not in builders:
            warnings.append(f"{o.id}: no asset of {o.category.replace('_', ' ')!r} loads from the sources and the "
                            f"library does not build it; left it out")
            continue
        objects.append(o)
    kept = {o.id for o in objects}
    if len(kept) < len(spec.objects):
        spec = spec.model_copy(update={
            "relations": [r for r in spec.relations if {r.subject, r.object, r.object2} - {None} <= kept],
            "motions": [m for m in spec.motions if m.subject in (kept | {"camera"}) and m.target in (kept | {None})],
            "arrangements": [a.model_copy(update={"members": [m for m in a.members if m in kept]})
                             for a in spec.arrangements if len([m for m in a.members if m in kept]) > 1]})
    return spec.model_copy(update={"objects": objects, "warnings": list(dict.fromkeys(warnings))})


def _visual_pick(obj: ObjectSpec, loaded: list, backend: Backend, thumbs_dir: Path) -> ObjectSpec:
    """The model picks among the candidates' thumbnails, then which quarter turn of the pick shows its front."""
    import math

    from fyi.render.gallery import render_asset_tile

    def tile(candidate: ObjectSpec, asset, turn_degrees: float, name: str) -> Path:
        path = thumbs_dir / f"{obj.id}-{name}.png"
        return path if path.exists() else render_asset_tile(asset, candidate.asset, obj.category, path,
                                                            turn=math.radians(turn_degrees))

    uids = [f"{c.asset.source}:{c.asset.uid}" for c, _ in loaded]
    choice = backend.pick_asset(obj.description or obj.category, uids,
                                [tile(c, a, -40.0, f"candidate{k}") for k, (c, a) in enumerate(loaded)])
    chosen, asset = loaded[uids.index(choice)]
    # Quarter turns k = 0..3 seen from the front camera: the side shown in turn k is the front when the
    # asset is turned by k quarter turns, so that is the yaw that makes its front face -Y.
    fronts = [tile(chosen, asset, 90.0 * k, f"{uids.index(choice)}-turn{k}") for k in range(4)]
    yaw = 90.0 * backend.pick_front(obj.description or obj.category, fronts)
    return chosen.model_copy(update={"asset": chosen.asset.model_copy(update={"front_yaw_degrees": yaw})})


def pick_assets(spec: SceneSpec, backend: Backend, thumbs_dir: Path) -> SceneSpec:
    """With a model: for each group of like objects, rendered thumbnails of a few variants of its asset
    and a visual pick; the group's members share the pick (a matching set). Offline: the spec's own."""
    if isinstance(backend, OfflineBackend):
        return spec
    from fyi.render.gallery import render_tile

    thumbs_dir.mkdir(parents=True, exist_ok=True)
    chosen: dict[tuple[str, str], int] = {}
    objects = []
    for o in spec.objects:
        key = (o.category, o.description)
        if key not in chosen and o.asset is not None and o.asset.source == "procedural":
            seeds = [o.asset.seed] + [asset_seed(spec.seed, f"{o.id}:variant{k}") for k in range(1, PICK_AMONG)]
            uids = [f"procedural/{o.category}/{s}" for s in seeds]
            paths = []
            for s in seeds:
                path = thumbs_dir / f"{o.category}_{s}.png"
                if not path.exists():
                    render_tile(o.category, s, 128, 8, thumbs_dir / "work").save(path)
                paths.append(path)
            chosen[key] = seeds[uids.index(backend.pick_asset(o.description or o.category, uids, paths))]
        if key in chosen:
            o = o.model_copy(update={"asset": o.asset.model_copy(update={"seed": chosen[key]})})
        objects.append(o)
    return spec.model_copy(update={"objects": objects})
