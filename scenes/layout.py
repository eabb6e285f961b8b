"""LayoutSolver: every object gets a pose that the instruction's relations, support, room bounds and
no-interpenetration all agree with.

The solver is constructive and deterministic: objects are placed one at a time, supports and
reference objects before the objects that depend on them; each object tries candidate poses that
its relations suggest (slots around a table for its chairs, the side of a bed for a nightstand, the
back wall for a bookshelf, free spots of a tabletop for mugs) in a seeded order and keeps the first
one that collides with nothing placed and stays in the room. Supported objects stand exactly on
their support's surface, so nothing floats and no settling is needed. Relations that no candidate
satisfies are reported, never silently dropped.
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field

import numpy as np
from shapely.geometry import Point, Polygon, box as rect

from fyi.assets.model import Asset, Surface
from fyi.errors import FyiError
from fyi.scenes.dressing import room_base_size
from fyi.scenes.geometry import (Body, body, floor_covering, forward, interpenetrate, part_between, quaternion_yaw,
                                 tilted_interpenetrate, yaw_quaternion)
from fyi.scenes.relations import Viewer, holds
from fyi.scenes.spec import PLACES, ObjectSpec, Quat, Relation, Room, SceneSpec
from fyi.scenes.vessels import CONTACT, LEAN, foot, long_and_thin, opening, standing_rotation, walls

SEATS = {"chair", "office_chair", "stool", "armchair", "dining_chair", "bench"}
FLYING = {"airplane", "bird", "kite"}  # "above" something, these fly over it rather than rest on it
POSITIONAL = ("next_to", "near", "left_of", "right_of", "in_front_of", "behind", "between", "around",
              "under", "above", "facing")


@dataclass
class Placed:
    obj: ObjectSpec
    asset: Asset
    position: np.ndarray
    yaw: float
    body: Body
    support: str
    surface: str | None = None
    tilt: Quat | None = None  # the whole rotation of a thing the solver stood on its end (a spoon in a mug)

    @property
    def rotation(self):
        if self.tilt is not None:
            return self.tilt
        turned = quaternion_yaw(self.obj.rotation) is None and self.obj.position is not None
        return self.obj.rotation if turned else tuple(round(c, 9) for c in yaw_quaternion(self.yaw))


@dataclass
class Layout:
    spec: SceneSpec
    unmet: list[str] = field(default_factory=list)  # relations no candidate pose satisfied
    context_left_out: list[str] = field(default_factory=list)  # context objects not placed (a trace note)


class LayoutSolver:
    """Poses the objects of a spec. `assets` maps object id -> Asset."""

    def __init__(self, spec: SceneSpec, assets: dict[str, Asset], *, attempt: int = 0):
        self.spec = spec
        self.assets = assets
        self.rng = np.random.default_rng([spec.seed, attempt])
        self.viewer = Viewer.default()
        self.placed: dict[str, Placed] = {}
        self.notes: list[str] = []
        self._yaws: dict[str, float] = {}
        self._walls: dict[tuple[str, str], Body | None] = {}  # (holder id, surface) -> a vessel's walls
        # object id -> (its arrangement, its place in it)
        self.arranged = {oid: (a, k) for a in spec.arrangements for k, oid in enumerate(a.members)}

    # ---------------------------------------------------------------- public
    def solve(self) -> Layout:
        spec = self.spec
        self.supports = self._decide_supports()
        self.room = self._room()
        half = np.array(self.room.size[:2]) / 2
        # 1 cm inside the walls, and a micrometre of slack: a desk set flush to that line by arithmetic
        # lands 1e-15 m beyond it as often as not, and was refused at every spot along the wall.
        inset = 0.01 - 1e-6
        self.bounds = rect(-half[0] + inset, -half[1] + inset, half[0] - inset, half[1] - inset)
        for oid in self._order():
            obj = spec.object(oid)
            if obj.position is not None:
                self._keep_given(obj)
            else:
                self._place(obj)
        objects = []
        for i, o in enumerate(spec.objects):
            p = self.placed[o.id]
            objects.append(o.model_copy(update={
                "instance_id": o.instance_id or i + 1,
                "position": tuple(round(float(c), 6) for c in p.position),
                "rotation": p.rotation,
                "support": p.support,
                "surface": p.surface,
            }))
        solved = spec.model_copy(update={"objects": objects, "room": self.room})
        unmet = self.unmet_relations()
        warnings = list(dict.fromkeys([*spec.warnings, *self.notes, *unmet]))
        return Layout(solved.model_copy(update={"warnings": warnings}), unmet)

    def place_context(self, spec: SceneSpec, extras: list[ObjectSpec], assets: dict[str, Asset],
                      rng: np.random.Generator) -> tuple[SceneSpec, list[str]]:
        """Context objects (scenes/clutter.py) placed around the solved, dressed and photographed
        `spec`, whose objects stay exactly where they are: floor things against the walls and in the
        corners (outdoors, away from the requested group), wall things on the walls, small things on
        requested furniture's free tops. Each takes the first free spot of its candidates in `rng`'s
        order; one that finds none is left out. Returns the spec with the placed ones (instance ids
        after the requested ones) and the ids left out."""
        self.room = spec.room  # the final room: the cameras may have grown it
        half = np.array(self.room.size[:2]) / 2
        self.bounds = rect(-half[0] + 0.01, -half[1] + 0.01, half[0] - 0.01, half[1] - 0.01)
        self.rng = rng  # the requested objects' own draws are done: none of theirs is consumed here
        self.assets = {**self.assets, **assets}
        walls = self.room.walls and self.room.type != "outdoors"
        holders = [p for p in self.placed.values() if p.support == "floor" and not p.obj.context and any(
            s.kind == "top" and s.size[0] * s.size[1] >= 0.15 and s.name in ("top", "surface")
            for s in p.asset.surfaces)]
        placed, left_out = [], []
        for obj in extras:
            placement = self.assets[obj.id].placement
            if placement == "wall" and walls:
                self.supports[obj.id] = "wall"
                cands = list(itertools.islice(self._wall_candidates(obj), 300))
            elif placement == "surface":
                cands = []
                for holder in holders:
                    self.supports[obj.id] = holder.obj.id
                    cands += list(itertools.islice(self._surface_candidates(obj, holder.obj.id), 60))
            else:
                self.supports[obj.id] = "floor"
                cands = list(self._against_walls(obj)) if walls else list(self._around_the_group(obj))
            order = self.rng.permutation(len(cands))
            for i in order:
                p = self._try(obj, *cands[i])
                if p is not None and not self._tucked(p):
                    self.supports[obj.id] = p.support
                    self.placed[obj.id] = p
                    placed.append(p)
                    break
            else:
                left_out.append(obj.id)
                self.supports.pop(obj.id, None)
        top = max((o.instance_id or 0 for o in spec.objects), default=0)
        objects = [p.obj.model_copy(update={
            "instance_id": top + k + 1,
            "position": tuple(round(float(c), 6) for c in p.position),
            "rotation": p.rotation,
            "support": p.support,
            "surface": p.surface,
        }) for k, p in enumerate(placed)]
        return spec.model_copy(update={"objects": [*spec.objects, *objects]}), left_out

    def _tucked(self, p: Placed) -> bool:
        """Mostly inside another thing's box (a bin under a desk, a basket between a chair's legs): a
        context object is not hidden away there, and a box-based check would count it as inside."""
        lo, hi = p.body.lo, p.body.hi
        own = float(np.prod(hi - lo))
        for other in self.placed.values():
            if other.obj.id == p.support or own <= 0:
                continue
            inter = np.prod(np.clip(np.minimum(hi, other.body.hi) - np.maximum(lo, other.body.lo), 0, None))
            if inter / own > 0.3:
                return True
        return False

    def _around_the_group(self, obj: ObjectSpec):
        """Outdoors: spots behind and beside the requested group as view 0 sees it (never between it
        and the camera), a little apart from it."""
        w, d, _ = self.room.size
        group = [p.body for p in self.placed.values() if not p.obj.context]
        lo = np.min([b.lo for b in group], axis=0)
        hi = np.max([b.hi for b in group], axis=0)
        yaw = self._photo_yaw(obj)
        for x in np.linspace(-w / 2, w / 2, 25):
            for y in np.linspace(-d / 2, d / 2, 21):
                behind = y > hi[1] + 0.5
                beside = (x < lo[0] - 0.8 or x > hi[0] + 0.8) and y > lo[1]
                if behind or beside:
                    yield (float(x), float(y)), yaw, 0.0, "floor", None

    def unmet_relations(self) -> list[str]:
        return [f"relation not met: {_fmt(r)}" for r in self.spec.relations if not self._holds(r)]

    # ---------------------------------------------------------------- planning
    def _decide_supports(self) -> dict[str, str]:
        """floor, wall or the id of the object each object rests on."""
        spec, assets = self.spec, self.assets
        walls = self.spec.room.walls and self.spec.room.type != "outdoors"
        sup: dict[str, str] = {}
        for o in spec.objects:
            if o.support:
                sup[o.id] = o.support
        for r in spec.relations:
            if r.predicate in ("on", "in") and r.subject not in sup:
                sup[r.subject] = r.object
        # "Y above X" / "X below Y": Y flies over X when it is a flying thing, else rests on X when it fits
        # there; never the other way up, and never hidden under X.
        self.flying_over: dict[str, str] = {}
        for upper, lower in self._vertical_pairs():
            if upper in sup or assets[upper].placement == "wall":
                continue
            if spec.object(upper).category in FLYING:
                sup[upper], self.flying_over[upper] = "air", lower
            elif self._fits_on(upper, lower):
                sup[upper] = lower
        for o in spec.objects:
            if o.id in sup:
                continue
            placement = assets[o.id].placement
            if placement == "wall" and walls:
                sup[o.id] = "wall"
            elif placement == "surface":
                # Beside something that stands on a surface: share that surface (a mouse right of a keyboard).
                ref = next((r.object for r in spec.relations if r.subject == o.id and r.predicate in POSITIONAL
                            and sup.get(r.object) not in (None, o.id, *PLACES)), None)
                beside = {r.object for r in spec.relations if r.subject == o.id and r.predicate in POSITIONAL}
                sup[o.id] = sup[ref] if ref else self._default_surface_holder(o.id, beside) or "floor"
            else:
                sup[o.id] = "floor"
        for oid in list(sup):  # break support cycles
            seen, cur = set(), oid
            while sup.get(cur) not in (None, *PLACES):
                if cur in seen:
                    sup[oid] = "floor"
                    self.notes.append(f"{oid}: support cycle broken; placed on the floor")
                    break
                seen.add(cur)
                cur = sup[cur]
        if not walls:
            for oid, s in sup.items():
                if s == "wall":
                    sup[oid] = "floor"
                    self.notes.append(f"{oid}: no wall to hang it on; placed on the floor")
        return sup

    def _vertical_pairs(self):
        """(upper, lower) for every "above" and "under" relation."""
        for r in self.spec.relations:
            if r.predicate == "above":
                yield r.subject, r.object
            elif r.predicate == "under":
                yield r.object, r.subject

    def _fits_on(self, upper: str, lower: str) -> bool:
        """Whether `upper` can stand on one of `lower`'s tops (or on the top of its box)."""
        a, b = self.assets[upper], self.assets[lower]
        if floor_covering(b) or b.placement == "wall":
            return False
        need = sorted(float(v) for v in a.dims[:2])
        if not b.surfaces:  # the top of its box: what stands there may overhang a little
            return all(n <= float(v) + 0.02 for n, v in zip(need, sorted(b.dims[:2])))
        return any(sorted(t.size)[0] + 0.04 >= need[0] and sorted(t.size)[1] + 0.04 >= need[1]
                   and (t.clearance is None or t.clearance >= a.dims[2]) for t in b.surfaces if t.kind == "top")

    def _default_surface_holder(self, oid: str, beside: set[str]) -> str | None:
        """A lone tabletop thing goes on the first table-like piece of furniture in the scene (not on
        one it is meant to stand beside)."""
        for o in self.spec.objects:
            a = self.assets[o.id]
            if o.id != oid and o.id not in beside and a.placement == "floor" and any(
                    s.kind == "top" and s.size[0] * s.size[1] >= 0.15 and s.name in ("top", "surface") for s in a.surfaces):
                return o.id
        return None

    def _order(self) -> list[str]:
        """Supports and references before the objects that depend on them; otherwise spec order."""
        deps: dict[str, list[str]] = {o.id: [] for o in self.spec.objects}
        for oid, s in self.supports.items():
            if s not in PLACES:
                deps[oid].append(s)
        for oid, lower in self.flying_over.items():
            deps[oid].append(lower)
        for r in self.spec.relations:
            if r.predicate == "under" and self.supports[r.object] in (r.subject, "air"):
                continue  # the upper one already waits for the lower one it rests on or flies over
            if r.predicate not in ("on", "in"):
                # a thing never waits for what rests on it ("a table next to the vase on it")
                deps[r.subject] += [x for x in (r.object, r.object2) if x and r.subject not in self._holders(x)]
        # Big against-the-wall furniture first: it anchors the room; then the larger things first, as
        # packers do (a monitor before the mouse on a desk).
        ids = sorted(deps, key=lambda i: (not self.assets[i].against_wall, -round(float(np.prod(self.assets[i].dims[:2])), 4),
                                          [o.id for o in self.spec.objects].index(i)))
        order: list[str] = []
        state: dict[str, int] = {}

        def visit(i: str) -> None:
            if state.get(i) == 2:
                return
            if state.get(i) == 1:  # a cycle of relations: the later one is satisfied where it can be
                return
            state[i] = 1
            for d in deps[i]:
                visit(d)
            state[i] = 2
            order.append(i)

        for i in ids:
            visit(i)
        return order

    def _holders(self, oid: str) -> list[str]:
        """What `oid` rests on, directly or through others (a flower in a vase on a table: vase, table)."""
        chain: list[str] = []
        while (s := self.supports[oid]) not in PLACES and s not in chain:
            chain.append(s)
            oid = s
        return chain

    def _room(self) -> Room:
        room = self.spec.room
        if room.size is not None:
            return room
        w, d, h = room_base_size(room.type, self.spec.seed)
        # Room enough to walk around the longest thing (a bus in the street, a bed in a small bedroom).
        longest = max(float(max(self.assets[o.id].dims[:2])) for o in self.spec.objects)
        reach = (3.0 if room.type == "outdoors" else 1.5) * longest + 1.0  # streets have room to spare
        w, d = max(w, reach), max(d, reach)
        floor_area = sum(float(np.prod(self.assets[o.id].dims[:2])) for o in self.spec.objects
                         if self.supports[o.id] == "floor")
        grow = math.sqrt(max(1.0, 3.5 * floor_area / (w * d)))
        tallest = max(self._stack_height(o.id) for o in self.spec.objects)
        size = (round(w * grow, 3), round(d * grow, 3), round(max(h, tallest + 0.5), 3))
        return room.model_copy(update={"size": size, "walls": room.walls and room.type != "outdoors"})

    def _stack_height(self, oid: str) -> float:
        s = self.supports[oid]
        if s == "air":
            lower = self.flying_over.get(oid)
            height = float(self.assets[oid].dims[2])
            return (self._stack_height(lower) if lower else 1.0) + 1.4 * max(0.5, height) + height
        below = self._stack_height(s) if s not in PLACES else (1.5 if s == "wall" else 0.0)
        return below + float(self.assets[oid].dims[2])

    # ---------------------------------------------------------------- placing
    def _keep_given(self, obj: ObjectSpec) -> None:
        """A pose the spec (a user, or a model's proposal) gives is kept when it is valid: it stands on
        its support (snapped to the surface height), stays in the room and collides with nothing placed.
        An invalid one is noted and the object placed by the solver instead."""
        a = self.assets[obj.id]
        yaw = quaternion_yaw(obj.rotation)
        support = self.supports[obj.id]
        pos = np.array(obj.position, float)
        if yaw is None:  # a free rotation (a tilted object): trusted as given
            b = body(a, pos, obj.rotation, obj.scale)
            self.placed[obj.id] = Placed(obj, a, pos, 0.0, b, support, obj.surface)
            return
        surface, z = None, pos[2]
        stacked = self._stacked_on(obj.id) == support
        if support == "floor":
            z = 0.0
        elif stacked:
            z = self.placed[support].body.z1
        elif support not in PLACES:
            holder = self.placed[support]
            surf = self._surface_under(holder, pos)
            if surf is not None:
                surface, z = surf.name, holder.position[2] + surf.z * holder.obj.scale[2]
        clearance = next((s.clearance for s in resting_surfaces(self.placed[support].asset) if s.name == surface), None) \
            if surface else None
        placed = self._try(obj, pos[:2], yaw, z, support, surface, clearance)
        if placed is None or (support not in PLACES and surface is None and not stacked):
            self.notes.append(f"{obj.id}: the given pose was not valid (collision, outside the room or off its "
                              f"support); placed by the solver")
            self._place(obj)
            return
        self.placed[obj.id] = placed

    def _surface_under(self, holder: Placed, pos: np.ndarray) -> Surface | None:
        """The holder's surface right under a point: the highest one at or below it whose outline holds it."""
        c, s = math.cos(-holder.yaw), math.sin(-holder.yaw)
        local = np.array([[c, -s], [s, c]]) @ (pos[:2] - holder.position[:2])
        best = None
        for surf in resting_surfaces(holder.asset):
            z = holder.position[2] + surf.z * holder.obj.scale[2]
            inside = surf.min[0] <= local[0] <= surf.max[0] and surf.min[1] <= local[1] <= surf.max[1]
            if inside and z <= pos[2] + 0.05 and (best is None or z > best[0]):
                best = (z, surf)
        return best[1] if best else None

    def _place(self, obj: ObjectSpec) -> None:
        support = self.supports[obj.id]
        if support == "wall":
            cands = self._wall_candidates(obj)
        elif support == "air":
            cands = self._air_candidates(obj)
        elif support == "floor":
            cands = self._floor_candidates(obj)
        else:
            cands = self._surface_candidates(obj, support)
        cands = itertools.chain(self._arrangement_candidates(obj), cands)
        rels = [r for r in self.spec.relations if r.subject == obj.id and self._refs_placed(r)]
        first_free = None
        for cand in cands:
            p = self._try(obj, *cand)
            if p is None:
                continue
            self.placed[obj.id] = p
            if all(self._holds(r) for r in rels):
                return
            first_free = first_free or p
            del self.placed[obj.id]
        if first_free is not None:
            self.placed[obj.id] = first_free
            return
        if support not in PLACES:
            self.notes.append(f"{obj.id}: no free room on {support}; placed on the floor beside it")
            self.supports[obj.id] = "floor"
            return self._place(obj)
        raise FyiError(f"layout: no free place for {obj.id} ({obj.category}) in a "
                       f"{self.room.size[0]:.1f} x {self.room.size[1]:.1f} m {self.room.type.replace('_', ' ')}")

    def _try(self, obj: ObjectSpec, xy, yaw: float, z: float, support: str, surface: str | None,
             clearance: float | None = None, tilt: Quat | None = None) -> Placed | None:
        a = self.assets[obj.id]
        pos = np.array([xy[0], xy[1], z], float)
        b = body(a, pos, tilt or yaw_quaternion(yaw), obj.scale)
        if clearance is not None and b.z1 - b.z0 > clearance:
            return None
        if support in PLACES and not self.bounds.contains(b.outline):
            return None
        if tilt is not None:
            # standing in a vessel: what is below its rim stays inside the opening; above, it sticks out
            sides = self._vessel(support, surface)
            low = part_between(a, pos, tilt, obj.scale, sides.z0, sides.z1)
            if low is not None and interpenetrate(low, sides, touch=CONTACT):
                return None
        elif support not in PLACES:
            holder = self.placed[support].body
            # a stacked thing may overhang the one below (a big book on a small one), but not miss it
            inside = holder.outline.contains if self._stacked_on(obj.id) == support else holder.outline.buffer(0.02).contains
            if not inside(b.outline.centroid if self._stacked_on(obj.id) == support else b.outline):
                return None
        covering = floor_covering(a)
        for other in self.placed.values():
            if other.obj.id == support or self.supports.get(other.obj.id) == obj.id:
                continue
            if covering != floor_covering(other.asset) and support == "floor" and other.support == "floor":
                continue  # a rug lies under what stands on it
            if tilt is not None or quaternion_yaw(other.rotation) is None:
                # a tilted thing is compared slab by slab: pencils leaning in one glass may cross above it
                if tilted_interpenetrate(a, (pos, tilt or yaw_quaternion(yaw), obj.scale),
                                         other.asset, (other.position, other.rotation, other.obj.scale), touch=CONTACT):
                    return None
            elif interpenetrate(b, other.body):
                return None
        return Placed(obj, a, pos, yaw, b, support, surface, tilt)

    def _refs_placed(self, r: Relation) -> bool:
        return all(x in self.placed for x in (r.object, r.object2) if x)

    def _holds(self, r: Relation) -> bool:
        a, b = self.placed.get(r.subject), self.placed.get(r.object)
        c = self.placed.get(r.object2) if r.object2 else None
        if a is None or b is None:
            return False
        return holds(r.predicate, a.body, b.body, self.viewer, b_rotation=b.rotation, a_rotation=a.rotation,
                     c=c.body if c else None)

    # ---------------------------------------------------------------- candidates
    def _half(self, obj: ObjectSpec, yaw: float) -> np.ndarray:
        """Half extents in world x/y of the asset turned by yaw."""
        a = self.assets[obj.id]
        b = body(a, (0.0, 0.0, 0.0), yaw_quaternion(yaw), obj.scale)
        return (b.hi[:2] - b.lo[:2]) / 2

    def _floor_candidates(self, obj: ObjectSpec):
        rels = [r for r in self.spec.relations if r.subject == obj.id and self._refs_placed(r)]
        for r in rels:
            yield from self._relation_candidates(obj, r, z=0.0, support="floor", surface=None)
        # An unplaced partner of a "between": keep a table's width away from the first partner.
        for r in self.spec.relations:
            if r.predicate == "between" and obj.id in (r.object, r.object2):
                other = r.object2 if obj.id == r.object else r.object
                if other in self.placed:
                    yield from self._between_partner(obj, self.placed[other])
        if self.assets[obj.id].against_wall:
            yield from self._against_walls(obj)
        if not rels:
            yield from self._alongside(obj)
        yield from self._free_floor(obj)

    def _relation_candidates(self, obj: ObjectSpec, r: Relation, *, z: float, support: str, surface):
        ref = self.placed[r.object]
        a = self.assets[obj.id]
        if r.predicate in ("next_to", "around") and (obj.category in SEATS) and ref.asset.surfaces:
            yield from self._seat_slots(obj, ref)
        if r.predicate in ("next_to", "near", "around"):
            gaps = (0.08, 0.25, 0.45) if r.predicate != "near" else (0.3, 0.6, 0.9)
            if self._dwarfed_by(obj, ref.asset):
                yield from self._in_view_of(obj, [ref], gaps, z, support, surface)
            yield from self._beside(obj, ref, gaps, z, support, surface)
            yield from self._ring(obj, ref, gaps=gaps, face=r.predicate == "around", z=z, support=support,
                                  surface=surface)
        elif r.predicate in ("left_of", "right_of"):
            sign = -1 if r.predicate == "left_of" else 1
            h = self._half(obj, ref.yaw)
            rh = (ref.body.hi[:2] - ref.body.lo[:2]) / 2
            if self._dwarfed_by(obj, ref.asset):
                # Beside its front corner and forward from it, toward the main view: a small thing beside
                # the middle of a big one is lost in the picture.
                far = self._forward_gap(obj, ref.body.lo, ref.body.hi)
                for forward_by in (far, 0.75 * far, 0.5 * far, 0.0) if far > 0.5 else (0.0, 0.5):
                    for g in (0.08, 0.3):
                        x = ref.body.center[0] + sign * (rh[0] + h[0] + g)
                        yield (x, ref.body.lo[1] + h[1] - forward_by), ref.yaw, z, support, surface
            for g in (0.08, 0.2, 0.4, 0.7):
                for dy in (0.0, -0.15, 0.15, -0.35, 0.35):
                    x = ref.body.center[0] + sign * (rh[0] + h[0] + g)
                    yield (x, ref.body.center[1] + dy), ref.yaw, z, support, surface
        elif r.predicate in ("in_front_of", "behind", "under"):
            sign = -1 if r.predicate == "behind" else 1
            fwd = forward(ref.rotation)[:2] * sign
            h = self._half(obj, ref.yaw)
            rh = (ref.body.hi[:2] - ref.body.lo[:2]) / 2
            reach = abs(fwd[0]) * (rh[0] + h[0]) + abs(fwd[1]) * (rh[1] + h[1])
            side = np.array([-fwd[1], fwd[0]])
            if r.predicate == "under":
                gaps = (-0.6 * h.min(), 0.02, 0.15)
            elif floor_covering(a):  # a rug at the foot of a bed lies partly under it
                gaps = (-0.25, -0.1, 0.02, 0.15)
            else:
                gaps = (0.02, 0.15, 0.35, 0.6)
            for g in gaps:
                for s in (0.0, 0.2, -0.2, 0.45, -0.45):
                    xy = ref.body.center[:2] + fwd * (reach + g) + side * s
                    yield xy, ref.yaw, z, support, surface
        elif r.predicate == "between" and r.object2 in self.placed:
            p, q = self.placed[r.object].body.center[:2], self.placed[r.object2].body.center[:2]
            seg = q - p
            normal = np.array([-seg[1], seg[0]]) / max(1e-9, float(np.linalg.norm(seg)))
            yaw = math.atan2(seg[1], seg[0]) + math.pi / 2
            for t in (0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74):
                for off in (0.0, 0.2, -0.2, 0.4, -0.4):
                    for y in (yaw, 0.0):
                        yield p + seg * t + normal * off, y, z, support, surface
        elif r.predicate == "facing":
            yield from self._ring(obj, ref, gaps=(0.8, 1.2, 1.6), face=True, z=z, support=support, surface=surface)
        elif r.predicate == "above" and a.placement != "wall":
            # Neither resting on it nor flying: beyond it as seen from view 0, which the picture shows
            # higher up (the camera looks down on the scene), then around it.
            h = self._half(obj, 0.0)
            rh = (ref.body.hi[:2] - ref.body.lo[:2]) / 2
            for g in (0.05, 0.2, 0.4):
                for dx in (0.0, 0.15, -0.15):
                    yield (ref.body.center[0] + dx, ref.body.center[1] + rh[1] + h[1] + g), 0.0, z, support, surface
            yield from self._ring(obj, ref, gaps=(0.1, 0.3), face=False, z=z, support=support, surface=surface)

    def _seat_slots(self, obj: ObjectSpec, ref: Placed):
        """Places for a chair at a table or desk, facing it: the far side and the ends first, so the
        main view sees the table; the near side only for a desk against a wall or when those are full."""
        h = self._half(obj, 0.0)
        depth = h[1] * 2
        lo, hi = ref.asset.bounds[0][:2], ref.asset.bounds[1][:2]
        hx, hy = (hi - lo) / 2
        centre_local = (hi + lo) / 2
        sides = []  # (local normal direction, half length along the side, distance from centre)
        for n, along, dist in (((0, 1), hx, hy), ((-1, 0), hy, hx), ((1, 0), hy, hx), ((0, -1), hx, hy)):
            sides.append((np.array(n, float), along, dist))
        if ref.asset.against_wall:
            sides = [sides[3], sides[1], sides[2]]
        width = h[0] * 2 + 0.12
        c, s = math.cos(ref.yaw), math.sin(ref.yaw)
        rot = np.array([[c, -s], [s, c]])
        for tuck in (0.05, 0.15, -0.05):
            for n, along, dist in sides:
                k = max(1, int((2 * along + 0.1) // width))
                offsets = [(i - (k - 1) / 2) * (2 * along / k) for i in range(k)]
                tangent = np.array([-n[1], n[0]])
                for off in offsets:
                    local = centre_local + n * (dist + depth / 2 + tuck) + tangent * off
                    xy = ref.position[:2] + rot @ local
                    # The chair's front (-Y) points at the table: yaw turns -Y onto -n.
                    yaw = ref.yaw + math.atan2(-n[0], n[1])
                    yield xy, yaw, 0.0, "floor", None

    def _beside(self, obj: ObjectSpec, ref: Placed, gaps, z, support, surface):
        """Left and right of the reference in its own frame, backs aligned (a nightstand by a bed)."""
        lo, hi = ref.asset.bounds[0][:2], ref.asset.bounds[1][:2]
        c, s = math.cos(ref.yaw), math.sin(ref.yaw)
        rot = np.array([[c, -s], [s, c]])
        ha = self.assets[obj.id].dims[:2] / 2
        for g in gaps:
            for side in (-1, 1) if self.rng.random() < 0.5 else (1, -1):
                x = (hi[0] + ha[0] + g) if side > 0 else (lo[0] - ha[0] - g)
                for y in (hi[1] - ha[1], (lo[1] + hi[1]) / 2, lo[1] + ha[1]):
                    yield ref.position[:2] + rot @ np.array([x, y]), ref.yaw, z, support, surface

    def _ring(self, obj: ObjectSpec, ref: Placed, *, gaps, face: bool, z: float = 0.0, support: str = "floor",
              surface=None):
        start = self.rng.uniform(0, 2 * math.pi)
        for g in gaps:
            for k in range(16):
                ang = start + k * 2 * math.pi / 16
                d = np.array([math.cos(ang), math.sin(ang)])
                yaw = math.atan2(d[0], -d[1]) + math.pi if face else ref.yaw
                h = self._half(obj, yaw)
                rh = (ref.body.hi[:2] - ref.body.lo[:2]) / 2
                reach = abs(d[0]) * (rh[0] + h[0]) + abs(d[1]) * (rh[1] + h[1])
                yield ref.body.center[:2] + d * (reach + g), yaw, z, support, surface

    def _against_walls(self, obj: ObjectSpec):
        """Back wall first (faces the main view), then the side walls; centred first, then outward."""
        w, d, _ = self.room.size
        for yaw, along_x in ((0.0, True), (-math.pi / 2, False), (math.pi / 2, False)):
            h = self._half(obj, yaw)
            span = (w / 2 - h[0] - 0.02) if along_x else (d / 2 - h[1] - 0.02)
            if span < 0:
                continue
            steps = np.arange(0.0, span + 1e-9, 0.15)
            offsets = sorted({round(float(v), 4) for s in steps for v in (s, -s)}, key=abs)
            jitter = self.rng.uniform(-0.05, 0.05)
            for t in offsets:
                t = float(np.clip(t + jitter, -span, span))
                if along_x:
                    yield (t, d / 2 - h[1] - 0.01), yaw, 0.0, "floor", None
                else:
                    x = (w / 2 - h[0] - 0.01) * (1 if yaw < 0 else -1)
                    yield (x, t), yaw, 0.0, "floor", None

    def _photo_yaw(self, obj: ObjectSpec) -> float:
        """A long thing (a horse, a car, a bench seen end-on) is turned to a three-quarter view, as it
        is photographed: head-on it hides its length and reads as something else. Others face view 0."""
        if obj.id in self._yaws:
            return self._yaws[obj.id]
        w, d = (float(v) for v in self.assets[obj.id].dims[:2])
        yaw = 0.0
        if d > 1.4 * w and not self.assets[obj.id].against_wall:
            yaw = math.radians(40.0) * (1 if self.rng.random() < 0.5 else -1)
        self._yaws[obj.id] = yaw
        return yaw

    def _forward_gap(self, obj: ObjectSpec, lo: np.ndarray, hi: np.ndarray) -> float:
        """How far in front of big things spanning the box lo..hi a small one must come to show in a
        picture of them: a camera that frames them stands about 1.3 of their size away, and a small
        thing shows at about five of its own sizes from the lens (as far as the room allows)."""
        gap = 1.3 * float(np.linalg.norm(hi - lo)) - 5.0 * float(np.linalg.norm(self.assets[obj.id].dims)) \
            - (hi[1] - lo[1]) / 2
        return min(gap, lo[1] + self.room.size[1] / 2 - float(self._half(obj, 0.0).max()) * 2 - 0.05)

    def _dwarfed_by(self, obj: ObjectSpec, other: Asset) -> bool:
        """Much smaller than `other`: seen from the front it would vanish behind or beside it."""
        return float(self.assets[obj.id].dims[2]) < 0.5 * float(other.dims[2])

    def _in_view_of(self, obj: ObjectSpec, refs: list[Placed], gaps, z: float = 0.0, support: str = "floor",
                    surface=None):
        """Spots on the main view's side of the reference objects (view 0 looks along +Y), as a
        photographer puts the small thing in front: centred on them first, then toward their ends."""
        lo = np.min([p.body.lo for p in refs], axis=0)
        hi = np.max([p.body.hi for p in refs], axis=0)
        yaw = self._photo_yaw(obj) if support == "floor" else 0.0
        h = self._half(obj, yaw)
        centre = (lo[0] + hi[0]) / 2
        span = max(0.0, (hi[0] - lo[0]) / 2 - h[0])
        for g in gaps:
            for t in (0.0, -0.35, 0.35, -0.7, 0.7, -1.0, 1.0):
                yield (centre + t * span, lo[1] - h[1] - g), yaw, z, support, surface

    def _alongside(self, obj: ObjectSpec):
        """Where a photo puts an object no relation places: in front of much bigger things, else side
        by side with the group as seen from view 0 (left, then right), never hidden behind it."""
        group = [p for p in self.placed.values() if p.support == "floor" and not floor_covering(p.asset)]
        if not group:
            return
        lo = np.min([p.body.lo for p in group], axis=0)
        hi = np.max([p.body.hi for p in group], axis=0)
        if any(self._dwarfed_by(obj, p.asset) for p in group):
            forward_gap = self._forward_gap(obj, lo, hi)
            gaps = (forward_gap, 0.3, 0.6) if forward_gap > 0.6 else (0.1, 0.3, 0.6)
            yield from self._in_view_of(obj, group, gaps)
            return
        yaw = self._photo_yaw(obj)
        h = self._half(obj, yaw)
        mid_y = (lo[1] + hi[1]) / 2
        for g in (0.15, 0.35, 0.7):
            for dy in (0.0, -0.3, 0.3):
                yield (lo[0] - h[0] - g, mid_y + dy), yaw, 0.0, "floor", None
                yield (hi[0] + h[0] + g, mid_y + dy), yaw, 0.0, "floor", None

    def _free_floor(self, obj: ObjectSpec):
        """A grid over the floor, nearest the placed group (or the room's middle) first."""
        w, d, _ = self.room.size
        centre = self._floor_centre()
        step = 0.2
        xs = np.arange(-w / 2, w / 2 + 1e-9, step)
        ys = np.arange(-d / 2, d / 2 + 1e-9, step)
        pts = np.array([(x, y) for x in xs for y in ys]) + self.rng.uniform(-0.04, 0.04, size=2)
        order = np.argsort(np.linalg.norm(pts - centre, axis=1), kind="stable")
        yaw = self._photo_yaw(obj)
        for i in order:
            yield tuple(pts[i]), yaw, 0.0, "floor", None

    def _air_candidates(self, obj: ObjectSpec):
        """In flight over what it is above: straight over it first, higher and to the sides next."""
        lower = self.flying_over.get(obj.id)
        below = self.placed[lower].body if lower else None
        top, (cx, cy) = (below.z1, below.center[:2]) if below else (1.0, (0.0, 0.0))
        height = float(self.assets[obj.id].dims[2])
        for lift in (0.4, 0.8, 1.4):
            z = top + lift * max(0.5, height)
            for dx, dy in ((0.0, 0.0), (0.3, 0.0), (-0.3, 0.0), (0.0, 0.3), (0.0, -0.3)):
                yield (cx + dx, cy + dy), 0.0, z, "air", None

    def _surface_centre(self, holder: Placed, name: str) -> np.ndarray:
        surf = next(t for t in holder.asset.surfaces if t.name == name)
        c, s = math.cos(holder.yaw), math.sin(holder.yaw)
        return holder.position[:2] + np.array([[c, -s], [s, c]]) @ ((np.array(surf.min) + np.array(surf.max)) / 2)

    def _floor_centre(self) -> np.ndarray:
        """Where the things on the floor are (the room's middle, a little back, when there are none)."""
        floor_things = [p.body.center[:2] for p in self.placed.values() if p.support == "floor"]
        return np.mean(floor_things, axis=0) if floor_things else np.array([0.0, 0.3])

    def _wall_candidates(self, obj: ObjectSpec):
        w, d, h = self.room.size
        half = self._half(obj, 0.0)
        a = self.assets[obj.id]
        y = d / 2 - half[1] - 0.012  # inside the room bounds (0.01 from the wall)
        targets = [self.placed[r.object] for r in self.spec.relations
                   if r.subject == obj.id and r.object in self.placed and r.predicate in ("above", "near", "next_to")]
        spots = []
        if targets:
            t = targets[0]
            spots.append((max(t.body.z1 + 0.15, 0.9), [t.body.center[0] + dx for dx in (0.0, 0.2, -0.2, 0.4, -0.4)]))
        # anywhere along the wall at eye height: the whole of it when the spot over a target is taken
        spots.append((1.45 - a.dims[2] / 2, [float(x) for x in sorted(np.arange(-w / 2 + half[0], w / 2 - half[0], 0.2),
                                                                      key=abs)]))
        for base, xs in spots:
            for dz in (0.0, 0.15, 0.3, 0.5, -0.15):
                z = base + dz
                if z < 0.3 or z + a.dims[2] > h - 0.05:
                    continue
                for x in xs:
                    yield (x, y), 0.0, z, "wall", None

    def _surface_candidates(self, obj: ObjectSpec, support: str):
        holder = self.placed[support]
        wants_in = any(r.subject == obj.id and r.object == support and r.predicate == "in" for r in self.spec.relations)
        surfaces = sorted(resting_surfaces(holder.asset), key=lambda s: _surface_rank(s, wants_in))
        if wants_in and not any(t.kind == "interior" for t in surfaces):
            self.notes.append(f"{obj.id}: {support} has no inside to hold it")
        rels = [r for r in self.spec.relations if r.subject == obj.id and r.predicate in POSITIONAL
                and self._refs_placed(r)]
        c, s = math.cos(holder.yaw), math.sin(holder.yaw)
        rot = np.array([[c, -s], [s, c]])
        for surf in surfaces:
            z = holder.position[2] + surf.z * holder.obj.scale[2]
            if wants_in and surf.kind == "interior" and self._must_stand(obj, support, surf):
                yield from self._standing_candidates(obj, support, surf)
                continue
            for r in rels:
                yield from ((xy, yaw, z, support, surf.name, surf.clearance)
                            for xy, yaw, *_ in self._relation_candidates(obj, r, z=z, support=support, surface=surf.name))
            h = self._half(obj, holder.yaw)
            lo = np.array(surf.min) + h.min() * 0.5
            hi = np.array(surf.max) - h.min() * 0.5
            if np.any(hi < lo):
                lo = hi = (np.array(surf.min) + np.array(surf.max)) / 2
            gx = np.linspace(lo[0], hi[0], 9)
            gy = np.linspace(lo[1], hi[1], 7)
            local = np.array([(x, y) for y in gy for x in gx])
            world = holder.position[:2] + local @ rot.T
            siblings = [p.body.center[:2] for p in self.placed.values() if p.support == support and p.surface == surf.name]
            mid = holder.position[:2] + rot @ ((np.array(surf.min) + np.array(surf.max)) / 2)
            if siblings:
                spread = np.min(np.linalg.norm(world[:, None] - np.array(siblings)[None], axis=2), axis=1)
                # On a tabletop things stand apart; in a container they lie together in its middle (apples in
                # a box), where a look over the rim sees them all and a close-up keeps them together.
                apart = 2.2 * float(h.max()) if surf.kind == "interior" else 0.35
                score = np.minimum(spread, apart) - 0.25 * np.linalg.norm(world - mid, axis=1)
            else:
                # The first big thing on a surface goes to the middle of its back half (a monitor at the back
                # of a desk), leaving the front free for what comes next; a small one to the middle (a mug
                # at the far edge of a dining table is a speck in its photo).
                depth = surf.max[1] - surf.min[1]
                big = 2 * h.max() >= depth / 4
                back = holder.position[:2] + rot @ np.array([(surf.min[0] + surf.max[0]) / 2,
                                                             (surf.min[1] + (3 if big else 1) * surf.max[1]) / (4 if big else 2)])
                score = -np.linalg.norm(world - back, axis=1) + self.rng.uniform(0, 0.02, len(world))
            for i in np.argsort(-score, kind="stable"):
                yield world[i], holder.yaw, z, support, surf.name, surf.clearance


    def _vessel(self, support: str, surface: str) -> Body | None:
        """A vessel's walls in the world: a body from its inside floor to its rim with the opening as a
        hole; None when nothing walls the surface in."""
        key = (support, surface)
        if key not in self._walls:
            holder = self.placed[support]
            surf = next(t for t in holder.asset.surfaces if t.name == surface)
            hole = opening(holder.asset, surf)
            self._walls[key] = hole and walls(holder.asset, hole, holder.position, holder.rotation, holder.obj.scale)
        return self._walls[key]

    def _must_stand(self, obj: ObjectSpec, support: str, surf: Surface) -> bool:
        """Whether a long thin thing is too long to lie inside the vessel's opening (a pencil lies in a
        box, but stands in a glass)."""
        if not long_and_thin(self.assets[obj.id]):
            return False
        sides = self._vessel(support, surf.name)
        if sides is None or not getattr(sides.outline, "interiors", None):
            return False
        x0, y0, x1, y1 = Polygon(sides.outline.interiors[0]).bounds
        return float(max(self.assets[obj.id].dims[:2]) * max(obj.scale[:2])) > min(x1 - x0, y1 - y0)

    def _standing_candidates(self, obj: ObjectSpec, support: str, surf: Surface):
        """A long thin thing stood on its end in a vessel, leaning against the rim as in a real cup (a
        spoon in a mug), then less, then upright: its foot on the inside floor, moved toward the side it
        leans to until its shaft meets the rim. The broad side faces the main view; it leans left or right
        as seen from there."""
        if self._vessel(support, surf.name) is None:
            return
        holder = self.placed[support]
        a = self.assets[obj.id]
        c, s = math.cos(holder.yaw), math.sin(holder.yaw)
        corners = np.array([(surf.min[0], surf.min[1]), (surf.max[0], surf.min[1]), (surf.max[0], surf.max[1]),
                            (surf.min[0], surf.max[1])]) * np.array(holder.obj.scale[:2])
        floor = Polygon(holder.position[:2] + corners @ np.array([[c, -s], [s, c]]).T)
        z = holder.position[2] + surf.z * holder.obj.scale[2]
        cx, cy = np.asarray(floor.centroid.coords[0])
        x0, y0, x1, y1 = floor.bounds
        for lean in (LEAN, 2 * LEAN / 3, LEAN / 3, 0.0):
            for side in (1, -1) if lean else (1,):
                tilt = standing_rotation(a, side * lean)
                f = foot(a, tilt, obj.scale)
                # the middle row first, then behind and before it (a second pencil beside the first)
                for y in (cy, cy + (y1 - y0) / 4, cy - (y1 - y0) / 4):
                    # toward the side it leans to first: the first that fits rests against the rim
                    for t in np.linspace(1.0, -1.0, 13):
                        x = cx + side * t * (x1 - x0) / 2
                        if floor.buffer(1e-6).contains(Point(x, y)):
                            yield (x - f[0], y - f[1]), 0.0, z - f[2], support, surf.name, surf.clearance, tilt

    # ---------------------------------------------------------------- arrangements
    def _stacked_on(self, oid: str) -> str | None:
        """The member a stacked object rests on, or None."""
        a, k = self.arranged.get(oid, (None, 0))
        return a.members[k - 1] if a is not None and a.kind == "stack" and k > 0 else None

    def _arrangement_candidates(self, obj: ObjectSpec):
        """Poses that keep a group's arrangement: centred on the one below (a stack), the next slot of a
        row along the main view's x axis, a place on a ring, or a random spot near the others (scattered).
        The first member placed anchors the rest; none yields nothing, and the usual candidates follow."""
        a, k = self.arranged.get(obj.id, (None, 0))
        if a is None:
            return
        if a.kind == "stack":
            if k > 0:
                yield from self._stack_candidates(obj, a.members[k - 1])
            return
        anchor_id = next((m for m in a.members if m in self.placed), None)
        if anchor_id is not None:
            anchor = self.placed[anchor_id]
            support, surface, z = anchor.support, anchor.surface, float(anchor.position[2])
        elif a.kind in ("circle", "row") and self.supports[obj.id] == "floor":
            # a ring around something needs no anchor; a row's first member takes its slot of a row
            # centred where the floor's free-standing things are
            support, surface, z = "floor", None, 0.0
        elif a.kind == "row" and self.supports[obj.id] != "wall":
            support = self.supports[obj.id]  # ... or centred on its support's main surface
            holder = self.placed[support]
            surf = sorted(holder.asset.surfaces, key=lambda t: _surface_rank(t, False))[0] if holder.asset.surfaces else None
            if surf is None:
                return
            surface, z = surf.name, float(holder.position[2] + surf.z * holder.obj.scale[2])
        else:
            return
        if self.supports[obj.id] != support:
            return
        holder = self.placed.get(support)
        clearance = next((s.clearance for s in holder.asset.surfaces if s.name == surface), None) if holder else None
        step = max(float(self.assets[m].dims[0]) for m in a.members)
        step += float(np.clip(0.25 * step, 0.03, 0.3))
        if a.kind == "row":
            if anchor_id is None:
                ka, origin = (len(a.members) - 1) / 2, self._floor_centre() if support == "floor" else \
                    self._surface_centre(self.placed[support], surface)
            else:
                ka, origin = a.members.index(anchor_id), self.placed[anchor_id].position[:2]
            for dy in (0.0, 0.1, -0.1, 0.25, -0.25):
                for sign in (1, -1):  # the other way round when the row runs into something
                    xy = origin + np.array([sign * (k - ka) * step, dy])
                    yield xy, 0.0, z, support, surface, clearance
        elif a.kind == "circle":
            for xy, yaw in self._ring_slots(a, k, anchor_id, step):
                yield xy, yaw, z, support, surface, clearance
        else:
            spread = step * (1.0 + math.sqrt(len(a.members)))
            for _ in range(48):
                ang, dist = self.rng.uniform(0, 2 * math.pi), spread * math.sqrt(self.rng.uniform(0.1, 1.0))
                xy = anchor.position[:2] + dist * np.array([math.cos(ang), math.sin(ang)])
                yield xy, float(self.rng.uniform(-math.pi, math.pi)), z, support, surface, clearance

    def _between_partner(self, obj: ObjectSpec, first: Placed):
        """The second of two things that something goes between ("a chair between two tables"): across a
        gap from the first, squarely beside it (left or right first, so the main view sees all three),
        then anywhere on a ring."""
        h = self._half(obj, first.yaw)
        rh = (first.body.hi[:2] - first.body.lo[:2]) / 2
        for g in (1.0, 0.8, 0.6):
            for d in ((-1.0, 0.0), (1.0, 0.0), (0.0, 1.0), (0.0, -1.0)):
                reach = abs(d[0]) * (rh[0] + h[0]) + abs(d[1]) * (rh[1] + h[1]) + g
                yield first.body.center[:2] + reach * np.array(d), first.yaw, 0.0, "floor", None
        yield from self._ring(obj, first, gaps=(1.0, 1.3, 0.8), face=True)

    def _stack_candidates(self, obj: ObjectSpec, below: str):
        holder = self.placed[below]
        top = float(holder.body.z1)
        for turn in (float(self.rng.uniform(-0.12, 0.12)), 0.0):  # a stack is seldom squared up exactly
            yield holder.body.center[:2], holder.yaw + turn, top, below, None

    def _ring_slots(self, a, k: int, anchor_id: str | None, step: float):
        """Slot k of a ring: around what the members surround (chairs in a circle around a table), else
        a ring through the anchor, member 0 at the front; each member faces the centre."""
        n = len(a.members)
        around = next((self.placed[r.object] for r in self.spec.relations
                       if r.subject in a.members and r.predicate == "around" and r.object in self.placed), None)
        if around is None and anchor_id is None:
            return
        depth = max(float(np.max(self.assets[m].dims[:2])) for m in a.members)
        if around is not None:
            centre = around.body.center[:2]
            rh = (around.body.hi[:2] - around.body.lo[:2]) / 2
            # clear of the outline in every slot's direction (a long table's corners too)
            reach = max(abs(math.cos(t)) * rh[0] + abs(math.sin(t)) * rh[1]
                        for t in (-math.pi / 2 + 2 * math.pi * j / n for j in range(n)))
            radius = max(reach + depth / 2 + 0.1, n * step / (2 * math.pi))
            start = -math.pi / 2
        else:
            radius = max(1.3 * n * step / (2 * math.pi), step)
            ka = a.members.index(anchor_id)
            theta_a = -math.pi / 2 + 2 * math.pi * ka / n
            centre = self.placed[anchor_id].position[:2] - radius * np.array([math.cos(theta_a), math.sin(theta_a)])
            start = -math.pi / 2
        for grow in (1.0, 1.15, 1.35):
            theta = start + 2 * math.pi * k / n
            d = np.array([math.cos(theta), math.sin(theta)])
            yield centre + d * radius * grow, math.atan2(-d[0], d[1])


def resting_surfaces(asset: Asset) -> list[Surface]:
    """Where things can stand on an asset: its own surfaces, or, for one built without any (an animal,
    a car, a suitcase), the middle of the top of its box."""
    if asset.surfaces:
        return asset.surfaces
    lo, hi = asset.bounds
    mid, half = (lo[:2] + hi[:2]) / 2, (hi[:2] - lo[:2]) * 0.35
    return [Surface(name="top", z=float(hi[2]), min=tuple(mid - half), max=tuple(mid + half))]


def _surface_rank(s: Surface, wants_in: bool) -> tuple:
    interior = s.kind == "interior"
    return (interior != wants_in, not s.name.startswith(("top", "seat", "surface")), s.z)


def _fmt(r: Relation) -> str:
    extra = f" and {r.object2}" if r.object2 else ""
    return f"{r.subject} {r.predicate.replace('_', ' ')} {r.object}{extra}"
