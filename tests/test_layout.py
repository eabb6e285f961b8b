"""Layout invariants over seeds: support, no interpenetration, room bounds, relations, determinism."""
import itertools

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from fyi.agents.critic import critique
from fyi.agents.generator import generate
from fyi.assets.catalog import asset_seed
from fyi.errors import FyiError
from fyi.scenes.asset_loader import assets_for
from fyi.scenes.geometry import body, floor_covering, interpenetrate
from fyi.scenes.relations import Viewer, holds, rests_on
from fyi.scenes.spec import AssetRef, ObjectSpec, Relation, Room, SceneSpec

# (objects as (id, category), relations as (subject, predicate, object[, object2]), room type)
TEMPLATES = {
    "dining": ([("table_0", "table")] + [(f"chair_{i}", "chair") for i in range(6)],
               [(f"chair_{i}", "around", "table_0") for i in range(6)], "dining_room"),
    "tabletop": ([("table_0", "table"), ("mug_0", "mug"), ("mug_1", "mug"), ("bowl_0", "bowl")]
                 + [(f"orange_{i}", "orange") for i in range(3)],
                 [("mug_0", "on", "table_0"), ("mug_1", "on", "table_0"), ("bowl_0", "on", "table_0")]
                 + [(f"orange_{i}", "in", "bowl_0") for i in range(3)], "empty_room"),
    "living": ([("sofa_0", "sofa"), ("armchair_0", "armchair"), ("coffee_table_0", "coffee_table"),
                ("pillow_0", "pillow"), ("rug_0", "rug")],
               [("coffee_table_0", "between", "sofa_0", "armchair_0"), ("pillow_0", "on", "sofa_0"),
                ("rug_0", "in_front_of", "sofa_0")], "living_room"),
    "bedroom": ([("bed_0", "bed"), ("pillow_0", "pillow"), ("pillow_1", "pillow"), ("nightstand_0", "nightstand"),
                 ("lamp_0", "lamp")],
                [("pillow_0", "on", "bed_0"), ("pillow_1", "on", "bed_0"), ("nightstand_0", "next_to", "bed_0"),
                 ("lamp_0", "on", "nightstand_0")], "bedroom"),
    "shelf": ([("bookshelf_0", "bookshelf")] + [(f"book_{i}", "book") for i in range(4)],
              [(f"book_{i}", "on", "bookshelf_0") for i in range(4)], "office"),
    "desk": ([("desk_0", "desk"), ("monitor_0", "monitor"), ("keyboard_0", "keyboard"), ("chair_0", "chair")],
             [("monitor_0", "on", "desk_0"), ("keyboard_0", "in_front_of", "monitor_0"), ("chair_0", "next_to", "desk_0")],
             "office"),
    "wall": ([("cabinet_0", "cabinet"), ("tv_0", "tv"), ("clock_0", "clock"), ("picture_0", "picture")],
             [("tv_0", "on", "cabinet_0"), ("clock_0", "above", "tv_0")], "living_room"),
    "primitives": ([("sphere_0", "sphere"), ("cube_0", "cube"), ("cone_0", "cone"), ("cylinder_0", "cylinder")],
                   [("sphere_0", "left_of", "cube_0"), ("cylinder_0", "behind", "cone_0")], "empty_room"),
}


def make_spec(name: str, seed: int) -> SceneSpec:
    objs, rels, room = TEMPLATES[name]
    return SceneSpec(
        scene_id=name, seed=seed, room=Room(type=room),
        objects=[ObjectSpec(id=i, category=c, asset=AssetRef(uid=c, seed=asset_seed(seed, i))) for i, c in objs],
        relations=[Relation(subject=r[0], predicate=r[1], object=r[2], object2=r[3] if len(r) > 3 else None)
                   for r in rels])


def check_invariants(spec: SceneSpec) -> None:
    assets = assets_for(spec)
    bodies = {o.id: body(assets[o.id], o.position, o.rotation, o.scale) for o in spec.objects}
    w, d, _ = spec.room.size
    for o in spec.objects:
        b = bodies[o.id]
        assert o.instance_id and o.support, o.id
        if o.support == "floor":
            assert abs(b.z0) < 1e-6, f"{o.id} floats at {b.z0}"
            assert -w / 2 - 1e-6 <= b.lo[0] and b.hi[0] <= w / 2 + 1e-6, f"{o.id} leaves the room in x"
            assert -d / 2 - 1e-6 <= b.lo[1] and b.hi[1] <= d / 2 + 1e-6, f"{o.id} leaves the room in y"
        elif o.support not in ("wall", "air"):
            assert rests_on(b, bodies[o.support], tol=0.005), f"{o.id} does not rest on {o.support}"
    for a, c in itertools.combinations(spec.objects, 2):
        if a.support == c.id or c.support == a.id:
            continue
        ba, bc = bodies[a.id], bodies[c.id]
        if floor_covering(assets[a.id]) != floor_covering(assets[c.id]):  # a rug under a table
            continue
        assert not interpenetrate(ba, bc), f"{a.id} and {c.id} interpenetrate"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(TEMPLATES)), seed=st.integers(0, 10_000))
@example(name="wall", seed=1337)  # the spot above the tv taken by the picture: once "no free place for clock_0"
def test_layout_invariants_hold_for_any_seed(name, seed):
    layout = generate(make_spec(name, seed))
    check_invariants(layout.spec)
    # Every relation the solver did not report as unmet holds in the geometry.
    assets = assets_for(layout.spec)
    spec = layout.spec
    bodies = {o.id: body(assets[o.id], o.position, o.rotation, o.scale) for o in spec.objects}
    viewer = Viewer.default()
    for r in spec.relations:
        ok = holds(r.predicate, bodies[r.subject], bodies[r.object], viewer,
                   b_rotation=spec.object(r.object).rotation, c=bodies.get(r.object2))
        reported = any(r.subject in u and r.object in u for u in layout.unmet)
        assert ok or reported, f"{r} silently unmet"


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_relations_met_at_seed_zero(name):
    layout = generate(make_spec(name, 0))
    assert layout.unmet == [], layout.unmet
    assert critique(layout.spec, assets_for(layout.spec), None).ok


def test_same_seed_same_layout_other_seed_other_layout():
    a = generate(make_spec("tabletop", 5)).spec
    b = generate(make_spec("tabletop", 5)).spec
    c = generate(make_spec("tabletop", 6)).spec
    assert a == b
    assert [o.position for o in a.objects] != [o.position for o in c.objects]


def test_chairs_face_their_table():
    spec = generate(make_spec("dining", 0)).spec
    table = spec.object("table_0")
    for o in spec.objects:
        if o.category == "chair":
            from fyi.scenes.geometry import forward
            to_table = np.array(table.position[:2]) - np.array(o.position[:2])
            assert float(forward(o.rotation)[:2] @ to_table) > 0.7 * np.linalg.norm(to_table) * 0.9, o.id


def test_big_furniture_stands_against_a_wall():
    spec = generate(make_spec("shelf", 0)).spec
    shelf = spec.object("bookshelf_0")
    assets = assets_for(spec)
    b = body(assets["bookshelf_0"], shelf.position, shelf.rotation)
    w, d, _ = spec.room.size
    assert min(d / 2 - b.hi[1], b.lo[0] + w / 2, w / 2 - b.hi[0]) < 0.05


def test_impossible_layout_is_one_clear_error():
    spec = SceneSpec(scene_id="crowded", room=Room(type="bathroom", size=(1.0, 1.0, 2.5)),
                     objects=[ObjectSpec(id=f"bed_{i}", category="bed", asset=AssetRef(uid="bed", seed=i))
                              for i in range(2)])
    with pytest.raises(FyiError, match=r"layout: no free place for bed_\d \(bed\)"):
        generate(spec)


def test_a_given_pose_is_kept_when_valid_and_replaced_when_not():
    spec = make_spec("tabletop", 0)
    laid = generate(spec).spec
    table = laid.object("table_0")
    mug = laid.object("mug_0")
    # Valid: the mug moved a little on the tabletop (z given too high: snapped onto the surface).
    nudged = (mug.position[0] + 0.05, mug.position[1], mug.position[2] + 0.3)
    # Invalid: the second mug pushed into the table's legs, on the floor.
    objects = [o.model_copy(update={"position": None}) if o.id not in ("mug_0", "mug_1") else o for o in laid.objects]
    objects = [o.model_copy(update={"position": nudged}) if o.id == "mug_0" else o for o in objects]
    objects = [o.model_copy(update={"position": (table.position[0], table.position[1], 0.0), "support": "floor"})
               if o.id == "mug_1" else o for o in objects]
    again = generate(laid.model_copy(update={"objects": objects, "cameras": []}))
    kept = again.spec.object("mug_0")
    assert kept.position[:2] == pytest.approx(nudged[:2])
    assert kept.position[2] == pytest.approx(mug.position[2]), "snapped onto the tabletop"
    assert any("mug_1: the given pose was not valid" in w for w in again.spec.warnings)
    check_invariants(again.spec)


# ---- instructions whose groups expand per predicate and arrange themselves (issue 9) ----------------

def laid_out(instruction: str, seed: int = 0) -> SceneSpec:
    from fyi.agents.collector import collect

    _, spec = collect(instruction, seed=seed, quality="draft", views=1)
    layout = generate(spec)
    check_invariants(layout.spec)
    assert layout.unmet == [], layout.unmet
    return layout.spec


def test_between_two_of_a_group_takes_two_different_members():
    spec = laid_out("a chair between two tables")
    assert [(r.subject, r.predicate, r.object, r.object2) for r in spec.relations] == \
        [("chair_0", "between", "table_0", "table_1")]


def test_a_group_next_to_itself_never_relates_an_object_to_itself():
    spec = laid_out("five cubes next to each other")
    assert spec.relations and all(r.subject != r.object for r in spec.relations)
    assert {r.subject for r in spec.relations} == {f"cube_{i}" for i in range(1, 5)}


def test_groups_share_out_and_viewer_relative_words_hold_for_every_member():
    from fyi.agents.collector import collect

    _, spec = collect("four chairs around two tables", seed=0, quality="draft", views=1)
    assert sorted((r.subject, r.object) for r in spec.relations) == [
        ("chair_0", "table_0"), ("chair_1", "table_1"), ("chair_2", "table_0"), ("chair_3", "table_1")]
    spec = laid_out("a ball to the left of two cubes")
    assert {(r.subject, r.object) for r in spec.relations} == {("ball_0", "cube_0"), ("ball_0", "cube_1")}


@pytest.mark.parametrize("seed", [0, 7])
def test_a_stack_rests_each_member_on_the_one_below_centred(seed):
    spec = laid_out("four books stacked on a table", seed)
    assets = assets_for(spec)
    books = [spec.object(f"book_{i}") for i in range(4)]
    assert [b.support for b in books] == ["table_0", "book_0", "book_1", "book_2"]
    assert spec.arrangements[0].kind == "stack" and spec.arrangements[0].members == [b.id for b in books]
    for below, up in zip(books, books[1:]):
        lower = body(assets[below.id], below.position, below.rotation)
        assert up.position[2] == pytest.approx(lower.z1, abs=1e-6)
        assert np.linalg.norm(np.subtract(up.position[:2], below.position[:2])) < 0.01, "centred on the one below"
    # A laid-out stack given back to the solver (as the Optimizer does) is kept as it is.
    again = generate(spec.model_copy(update={"cameras": []})).spec
    assert [o.position for o in again.objects] == [o.position for o in spec.objects]
    assert not any("not valid" in w for w in again.warnings)


def test_a_row_runs_along_the_main_view_evenly_spaced_facing_it():
    spec = laid_out("two red and three blue balls in a row")
    balls = [spec.object(f"ball_{i}") for i in range(5)]
    assert [b.attributes.color for b in balls] == ["red", "red", "blue", "blue", "blue"]
    assert len(spec.arrangements) == 1 and spec.arrangements[0].members == [b.id for b in balls]
    xs = [b.position[0] for b in balls]
    assert len({round(b.position[1], 6) for b in balls}) == 1, "one line across the view"
    steps = np.diff(xs)
    assert np.all(steps > 0) and np.ptp(steps) < 1e-4, "left to right in order, evenly spaced"
    assert all(b.rotation == pytest.approx((1, 0, 0, 0)) for b in balls)


def test_a_ring_around_what_it_surrounds_and_scattered_things_apart():
    spec = laid_out("six chairs in a circle around a table")
    table = np.array(spec.object("table_0").position[:2])
    radii = [np.linalg.norm(np.array(spec.object(f"chair_{i}").position[:2]) - table) for i in range(6)]
    assert np.ptp(radii) < 0.05, radii
    spec = laid_out("five scattered apples on a table")
    assert [o.support for o in spec.objects if o.category == "apple"] == ["table_0"] * 5
    gaps = [np.linalg.norm(np.subtract(a.position[:2], b.position[:2]))
            for a, b in itertools.combinations([o for o in spec.objects if o.category == "apple"], 2)]
    assert min(gaps) > 0.07


def test_a_ground_is_the_floor_not_an_object():
    spec = laid_out("two sheep on the grass")
    assert (spec.room.type, spec.room.ground) == ("outdoors", "grass")
    assert [o.category for o in spec.objects] == ["sheep", "sheep"] and {o.support for o in spec.objects} == {"floor"}
