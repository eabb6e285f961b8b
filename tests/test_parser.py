"""The offline instruction parser: instruction text -> Request (fyi.agents.parser, fyi.agents.request)."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from fyi.agents import parser as parser_module
from fyi.agents.parser import MAX_COUNT, parse_instruction
from fyi.agents.request import Request, RequestedRelation
from fyi.assets import catalog
from fyi.errors import FyiError

# The vocabulary the parser is specified against, with the placements the asset library uses.
VOCABULARY = [
    ("table", ("dining table", "kitchen table"), "furniture", "floor"),
    ("coffee_table", (), "furniture", "floor"), ("side_table", ("end table",), "furniture", "floor"),
    ("desk", ("office desk",), "furniture", "floor"), ("chair", ("dining chair",), "furniture", "floor"),
    ("armchair", (), "furniture", "floor"), ("office_chair", (), "furniture", "floor"),
    ("stool", (), "furniture", "floor"), ("sofa", ("couch",), "furniture", "floor"),
    ("bed", (), "furniture", "floor"), ("nightstand", ("bedside table",), "furniture", "floor"),
    ("bookshelf", ("shelf", "bookcase"), "furniture", "floor"),
    ("cabinet", ("tv stand", "dresser"), "furniture", "floor"), ("wardrobe", (), "furniture", "floor"),
    ("bench", (), "furniture", "floor"), ("counter", (), "furniture", "floor"),
    ("fridge", ("refrigerator",), "furniture", "floor"), ("rug", ("carpet",), "furniture", "floor"),
    ("mug", ("cup", "coffee mug"), "tabletop", "surface"), ("plate", (), "tabletop", "surface"),
    ("bowl", (), "tabletop", "surface"), ("glass", ("drinking glass",), "tabletop", "surface"),
    ("bottle", (), "tabletop", "surface"), ("kettle", (), "tabletop", "surface"),
    ("vase", (), "tabletop", "surface"), ("book", (), "tabletop", "surface"),
    ("laptop", (), "electronics", "surface"), ("monitor", (), "electronics", "surface"),
    ("keyboard", (), "electronics", "surface"), ("mouse", ("computer mouse",), "electronics", "surface"),
    ("lamp", ("table lamp",), "decor", "surface"), ("floor_lamp", (), "decor", "floor"),
    ("tv", ("television",), "electronics", "surface"), ("clock", ("wall clock",), "decor", "wall"),
    ("picture", ("painting",), "decor", "wall"), ("candle", (), "decor", "surface"),
    ("box", (), "decor", "floor"), ("pillow", ("cushion",), "decor", "surface"),
    ("trash_can", ("bin",), "decor", "floor"), ("basket", (), "decor", "surface"),
    ("apple", (), "food", "surface"), ("orange", (), "food", "surface"), ("banana", (), "food", "surface"),
    ("potted_plant", ("plant",), "plants", "floor"), ("tree", (), "plants", "floor"),
    ("flower", (), "plants", "surface"), ("cube", (), "primitives", "floor"),
    ("sphere", (), "primitives", "floor"), ("cylinder", (), "primitives", "floor"),
    ("cone", (), "primitives", "floor"), ("ball", (), "primitives", "floor"), ("dog", (), "animals", "floor"),
    ("cat", (), "animals", "floor"), ("teddy_bear", (), "animals", "surface"),
]


def test_the_library_knows_the_whole_vocabulary():
    for name, synonyms, _, placement in VOCABULARY:
        assert catalog.resolve_category(name) == name
        assert catalog.info(name).placement == placement, name
        for s in synonyms:
            assert catalog.resolve_category(s) == name, s


def relations(r: Request) -> set[tuple]:
    return {(x.subject, x.predicate, x.object) + ((x.object2,) if x.object2 else ()) for x in r.relations}


def counts(r: Request) -> dict[str, int]:
    return {o.ref: o.count for o in r.objects}


# instruction, {ref: count}, relations, room
SCENES = [
    ("a wooden table with two mugs on it and a chair next to the table",
     {"table": 1, "mug": 2, "chair": 1}, {("mug", "on", "table"), ("chair", "next_to", "table")}, None),
    ("A living room with a sofa, an armchair and a coffee table between them.",
     {"sofa": 1, "armchair": 1, "coffee_table": 1}, {("coffee_table", "between", "sofa", "armchair")},
     "living_room"),
    ("a lamp on a desk and a chair next to the desk",
     {"lamp": 1, "desk": 1, "chair": 1}, {("lamp", "on", "desk"), ("chair", "next_to", "desk")}, None),
    ("four books on a shelf", {"book": 4, "bookshelf": 1}, {("book", "on", "bookshelf")}, None),
    ("A bed with two pillows on it and a rug in front of the bed",
     {"bed": 1, "pillow": 2, "rug": 1}, {("pillow", "on", "bed"), ("rug", "in_front_of", "bed")}, None),
    ("three oranges in a bowl on a table",
     {"orange": 3, "bowl": 1, "table": 1}, {("orange", "in", "bowl"), ("bowl", "on", "table")}, None),
    ("a green sphere to the left of a red cube", {"sphere": 1, "cube": 1}, {("sphere", "left_of", "cube")}, None),
    ("A blue cylinder behind a yellow cone", {"cylinder": 1, "cone": 1}, {("cylinder", "behind", "cone")}, None),
    ("Six chairs around a dining table", {"chair": 6, "table": 1}, {("chair", "around", "table")}, None),
    ("The camera orbits around a sofa with a cushion on it",
     {"sofa": 1, "pillow": 1}, {("pillow", "on", "sofa")}, None),
    ("a vase with flowers on a side table next to a bed",
     {"vase": 1, "flower": 1, "side_table": 1, "bed": 1},
     {("flower", "in", "vase"), ("vase", "on", "side_table"), ("side_table", "next_to", "bed")}, None),
    ("two potted plants and a bench", {"potted_plant": 2, "bench": 1}, set(), None),
    ("A kitchen with a fridge, a counter and a kettle on the counter",
     {"fridge": 1, "counter": 1, "kettle": 1}, {("kettle", "on", "counter")}, "kitchen"),
    ("a plate with a banana on it, and a glass to the right of the plate",
     {"plate": 1, "banana": 1, "glass": 1}, {("banana", "on", "plate"), ("glass", "right_of", "plate")}, None),
    ("Five cubes in a line", {"cube": 5}, set(), None),
    ("a television on a cabinet with a clock above it on the wall",
     {"tv": 1, "cabinet": 1, "clock": 1}, {("tv", "on", "cabinet"), ("clock", "above", "tv")}, None),
    ("The camera moves closer to a table holding a laptop", {"table": 1, "laptop": 1}, {("laptop", "on", "table")},
     None),
    ("A stool under a counter and a bottle on the counter",
     {"stool": 1, "counter": 1, "bottle": 1}, {("stool", "under", "counter"), ("bottle", "on", "counter")}, None),
    ("two dogs near a tree", {"dog": 2, "tree": 1}, {("dog", "near", "tree")}, None),
    ("a keyboard in front of a monitor on an office desk, a mouse to the right of the keyboard",
     {"keyboard": 1, "monitor": 1, "desk": 1, "mouse": 1},
     {("keyboard", "in_front_of", "monitor"), ("monitor", "on", "desk"), ("mouse", "right_of", "keyboard")}, None),
    ("three red balls and two blue cubes on the floor", {"ball": 3, "cube": 2}, set(), None),
    ("a desk with a monitor on it and a plant to the right of the monitor",
     {"desk": 1, "monitor": 1, "potted_plant": 1},
     {("monitor", "on", "desk"), ("potted_plant", "right_of", "monitor")}, None),
    ("a vase with flowers", {"vase": 1, "flower": 1}, {("flower", "in", "vase")}, None),
    ("a kitchen table with four chairs", {"table": 1, "chair": 4}, {("chair", "around", "table")}, None),
    ("chairs around a table", {"chair": 4, "table": 1}, {("chair", "around", "table")}, None),
    ("a mug and a plate on the table", {"mug": 1, "plate": 1, "table": 1},
     {("mug", "on", "table"), ("plate", "on", "table")}, None),
    ("a bowl with apples and a vase with flowers on a table",
     {"bowl": 1, "apple": 2, "vase": 1, "flower": 1, "table": 1},
     {("apple", "in", "bowl"), ("flower", "in", "vase"), ("vase", "on", "table")}, None),
    ("a chair next to a desk with a laptop on it", {"chair": 1, "desk": 1, "laptop": 1},
     {("chair", "next_to", "desk"), ("laptop", "on", "desk")}, None),
    ("a cat on a sofa with cushions", {"cat": 1, "sofa": 1, "pillow": 2},
     {("cat", "on", "sofa"), ("pillow", "on", "sofa")}, None),
    ("a red ball surrounded by five blue cubes", {"ball": 1, "cube": 5}, {("cube", "around", "ball")}, None),
    ("On the table, a mug.", {"table": 1, "mug": 1}, {("mug", "on", "table")}, None),
    ("a sofa facing a TV, with a rug between them", {"sofa": 1, "tv": 1, "rug": 1},
     {("sofa", "facing", "tv"), ("rug", "between", "sofa", "tv")}, None),
    ("two chairs with a small table between them", {"chair": 2, "table": 1}, {("table", "between", "chair", "chair")},
     None),
    ("a lamp to the left of the bed and a nightstand on its right", {"lamp": 1, "bed": 1, "nightstand": 1},
     {("lamp", "left_of", "bed"), ("nightstand", "right_of", "bed")}, None),
    ("There are 3 chairs and a table; the chairs surround the table.", {"chair": 3, "table": 1},
     {("chair", "around", "table")}, None),
    ("a big wooden bookshelf full of books", {"bookshelf": 1, "book": 2}, {("book", "on", "bookshelf")}, None),
    ("a cozy bedroom: a bed, a nightstand beside it and a lamp on the nightstand",
     {"bed": 1, "nightstand": 1, "lamp": 1}, {("nightstand", "next_to", "bed"), ("lamp", "on", "nightstand")},
     "bedroom"),
    ("a dog in a park", {"dog": 1}, set(), "outdoors"),
    ("a desk and an office chair in a study", {"desk": 1, "office_chair": 1}, set(), "office"),
]


@pytest.mark.parametrize("text, objects, rels, room", SCENES, ids=[s[0][:48] for s in SCENES])
def test_scene_instructions(text, objects, rels, room):
    r = parse_instruction(text)
    assert counts(r) == objects
    assert relations(r) == rels
    assert r.room == room
    assert r.instruction == text
    assert {o.category for o in r.objects} <= {c.name for c in catalog.categories()}


# instruction, [(subject, verb, target, direction)], relations
MOTIONS = [
    ("a ball rolls from right to left across the room", [("ball", "roll", None, "left")], set()),
    ("a box falls from the table onto the floor", [("box", "fall", None, "down")], {("box", "on", "table")}),
    ("The camera orbits around a sofa with a cushion on it", [("camera", "orbit", "sofa", None)],
     {("pillow", "on", "sofa")}),
    ("The camera moves closer to a table holding a laptop", [("camera", "approach", "table", None)],
     {("laptop", "on", "table")}),
    ("the camera moves away from the sofa", [("camera", "retreat", "sofa", None)], set()),
    ("the camera slowly zooms in on a vase", [("camera", "approach", "vase", None)], set()),
    ("a cat pushes a ball to the left", [("cat", "push", "ball", "left")], set()),
    ("the dog follows the cat", [("dog", "follow", "cat", None)], set()),
    ("a red cube spins clockwise over two seconds", [("cube", "spin", None, None)], set()),
    ("a box slides to the right off the table", [("box", "fall", None, "right")], {("box", "on", "table")}),
    ("a ball rolls off the edge of the table", [("ball", "fall", None, "down")], {("ball", "on", "table")}),
    ("a ball rolls left, then the camera pans right",
     [("ball", "roll", None, "left"), ("camera", "pan", None, "right")], set()),
    ("the camera follows the ball as it rolls toward the camera",
     [("camera", "follow", "ball", None), ("ball", "roll", None, "toward_camera")], set()),
    ("orbit the camera around the table", [("camera", "orbit", "table", None)], set()),
    ("a dog drives toward the sofa", [("dog", "move", "sofa", None)], set()),
    ("a ball falls into a basket", [("ball", "fall", "basket", "down")], set()),
    ("two balls roll forward", [("ball", "roll", None, "forward")], set()),
]


@pytest.mark.parametrize("text, motions, rels", MOTIONS, ids=[m[0][:48] for m in MOTIONS])
def test_motions(text, motions, rels):
    r = parse_instruction(text)
    assert [(m.subject, m.verb, m.target, m.direction) for m in r.motions] == motions
    assert relations(r) == rels
    for m in r.motions:
        assert m.text and m.text in text
    assert r.room is None  # "across the room" names no room type


def test_motion_text_is_its_own_clause():
    r = parse_instruction("A red ball on a table. The ball rolls off the table over 2 seconds; a dog sits nearby.")
    assert [m.text for m in r.motions] == ["The ball rolls off the table over 2 seconds"]
    assert counts(r) == {"ball": 1, "table": 1, "dog": 1}


@pytest.mark.parametrize("text, count", [
    ("3 mugs", 3), ("a dozen apples", 12), ("half a dozen apples", 6), ("a pair of mugs", 2),
    ("a couple of mugs", 2), ("several mugs", 3), ("a few mugs", 3), ("some mugs", 3), ("mugs", 2),
    ("a mug", 1), ("the mug", 1), ("one mug", 1), ("many mugs", 5), ("lots of mugs", 5), ("12 mugs", 12),
])
def test_counts(text, count):
    r = parse_instruction(text)
    assert [(o.category, o.count) for o in r.objects] == [("mug" if "mug" in text else "apple", count)]


def test_huge_count_is_capped_with_a_warning():
    r = parse_instruction("5000 cubes")
    assert r.objects[0].count == MAX_COUNT
    assert any("5000" in w for w in r.warnings)


@pytest.mark.parametrize("text, category, attributes", [
    ("an orange cube", "cube", {"color": "orange"}),
    ("an orange", "orange", {}),
    ("three oranges", "orange", {}),
    ("a glass vase", "vase", {"material": "glass"}),
    ("a glass", "glass", {}),
    ("two glasses", "glass", {}),
    ("a grey mug", "mug", {"color": "gray"}),
    ("a small blue teddy bear", "teddy_bear", {"color": "blue", "size": "small"}),
    ("a large wooden table", "table", {"material": "wood", "size": "large"}),
    ("a marble table", "table", {"material": "stone"}),
    ("a mug made of metal", "mug", {"material": "metal"}),
    ("a cube that is red", "cube", {"color": "red"}),
    ("a tiny orange teddy bear", "teddy_bear", {"color": "orange", "size": "tiny"}),
])
def test_attributes(text, category, attributes):
    r = parse_instruction(text)
    assert len(r.objects) == 1
    o = r.objects[0]
    assert o.category == category
    assert {k: v for k, v in o.attributes.model_dump().items() if v} == attributes


@pytest.mark.parametrize("text, category", [
    ("a coffee table", "coffee_table"), ("a side table", "side_table"), ("a potted plant", "potted_plant"),
    ("an office desk", "desk"), ("a teddy bear", "teddy_bear"), ("a couch", "sofa"), ("a bookcase", "bookshelf"),
    ("a tv stand", "cabinet"), ("a television", "tv"), ("a cushion", "pillow"), ("a painting", "picture"),
    ("two cups", "mug"), ("three computer mice", "mouse"), ("a floor lamp", "floor_lamp"), ("a plant", "potted_plant"),
])
def test_multi_word_names_and_synonyms(text, category):
    assert [o.category for o in parse_instruction(text).objects] == [category]


def test_phrase_keeps_the_words_of_the_group():
    r = parse_instruction("Two red mugs on a wooden table")
    assert [o.phrase for o in r.objects] == ["Two red mugs", "a wooden table"]


def test_coreference_the_refers_back_and_a_adds_a_group():
    r = parse_instruction("a chair next to a desk, a chair behind the desk and a lamp on the desk")
    assert counts(r) == {"chair": 1, "desk": 1, "chair_2": 1, "lamp": 1}
    assert relations(r) == {("chair", "next_to", "desk"), ("chair_2", "behind", "desk"), ("lamp", "on", "desk")}
    r = parse_instruction("a red cube and a blue cube. The red cube is on the blue cube.")
    assert relations(r) == {("cube", "on", "cube_2")}


def test_it_across_sentences():
    r = parse_instruction("There is a sofa. A lamp stands next to it.")
    assert relations(r) == {("lamp", "next_to", "sofa")}


def test_support_hints():
    r = parse_instruction("a television on a cabinet with a clock above it on the wall")
    assert {o.ref: o.support_hint for o in r.objects} == {"tv": None, "cabinet": None, "clock": "wall"}
    r = parse_instruction("three red balls and two blue cubes on the floor")
    assert {o.ref: o.support_hint for o in r.objects} == {"ball": "floor", "cube": "floor"}
    assert {o.ref: o.attributes.color for o in r.objects} == {"ball": "red", "cube": "blue"}
    r = parse_instruction("a picture above the sofa on the wall")
    assert r.object("picture").support_hint == "wall" and r.object("sofa").support_hint is None
    r = parse_instruction("a box falls from the table onto the floor")
    assert r.object("box").support_hint is None  # it starts on the table


def test_unknown_object_is_dropped_and_nothing_merely_spelt_alike_is_named():
    r = parse_instruction("a spaceship on a table")
    assert counts(r) == {"table": 1}
    assert r.relations == []
    assert any("spaceship" in w and "not built" in w for w in r.warnings)
    r = parse_instruction("a pair of crampons on a table")
    assert counts(r) == {"table": 1}
    assert any("crampons" in w for w in r.warnings)
    assert counts(parse_instruction("a pair of shoes on a table")) == {"shoe": 2, "table": 1}  # shoes are built now
    # "glass" is spelt like "grass" and "bread" like "road", but they are other things: never offered
    r = parse_instruction("a bottle next to a toaster on a plinth")
    assert not any("bottle" in w or "toaster" in w for w in r.warnings if "plinth" in w)
    r = parse_instruction("a cat next to some animals")
    assert any("animals" in w and "dog" in w for w in r.warnings)  # a kind: its categories, by meaning


def test_ignored_words_are_listed_in_one_warning():
    r = parse_instruction("a fluffy sofa in a cozy living room, please")
    assert counts(r) == {"sofa": 1} and r.room == "living_room"
    ignored = [w for w in r.warnings if w.startswith("ignored words")]
    assert len(ignored) == 1 and "fluffy" in ignored[0] and "cozy" in ignored[0]
    assert "please" not in ignored[0]


def test_unsupported_arrangement_is_reported():
    r = parse_instruction("Nine cubes in a grid")
    assert any("in a grid" in w for w in r.warnings)


@pytest.mark.parametrize("text", ["", "   ", "hello there", "a pair of crampons", "\n\t", "on the left of it"])
def test_nothing_to_build_is_a_one_line_error(text):
    with pytest.raises(FyiError, match=r"^instruction: ") as err:
        parse_instruction(text)
    assert "\n" not in str(err.value)


def test_error_names_the_unknown_object():
    with pytest.raises(FyiError, match="crampons"):
        parse_instruction("a pair of crampons")


def test_counter_clockwise_is_not_a_counter():
    r = parse_instruction("a cube spins counter-clockwise")
    assert counts(r) == {"cube": 1}
    assert [m.verb for m in r.motions] == ["spin"]


# ---- the Request schema ---------------------------------------------------------------------------

def test_request_round_trips_through_json_and_rejects_unknown_fields():
    r = parse_instruction("A living room with a sofa, an armchair and a coffee table between them; "
                          "the camera orbits around the sofa")
    again = Request.model_validate_json(r.model_dump_json())
    assert again == r
    data = json.loads(r.model_dump_json())
    data["objects"][0]["colour"] = "red"
    with pytest.raises(ValidationError):
        Request.model_validate(data)
    schema = Request.model_json_schema()
    assert "support_hint" in json.dumps(schema)


def test_request_rejects_dangling_references():
    r = parse_instruction("a mug on a table")
    data = r.model_dump()
    data["relations"].append({"subject": "mug", "predicate": "on", "object": "shelf"})
    with pytest.raises(ValidationError, match="shelf"):
        Request.model_validate(data)
    data = r.model_dump()
    data["motions"] = [{"subject": "ghost", "verb": "roll"}]
    with pytest.raises(ValidationError, match="ghost"):
        Request.model_validate(data)
    with pytest.raises(ValidationError):
        RequestedRelation(subject="a", predicate="between", object="b")
    with pytest.raises(ValidationError):
        RequestedRelation(subject="a", predicate="on", object="a")


# ---- properties -----------------------------------------------------------------------------------

_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
          10: "ten", 11: "eleven", 12: "twelve"}
_NOUNS = [("mug", "mugs"), ("chair", "chairs"), ("apple", "apples"), ("box", "boxes"), ("potted plant", "potted plants"),
          ("teddy bear", "teddy bears"), ("glass", "glasses"), ("orange", "oranges"), ("shelf", "shelves")]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=st.integers(1, 12), as_word=st.booleans(), noun=st.sampled_from(_NOUNS),
       color=st.sampled_from([None, "red", "blue", "green", "grey"]))
def test_counts_round_trip(n, as_word, noun, color):
    number = _WORDS[n] if as_word else str(n)
    words = [number] + ([color] if color else []) + [noun[0] if n == 1 else noun[1]]
    r = parse_instruction(" ".join(words) + " on a table")
    first = r.objects[0]
    assert first.count == n
    assert first.category == catalog.resolve_category(noun[0])
    assert first.attributes.color == ({"grey": "gray"}.get(color, color))
    assert (first.ref, "on", "table") in relations(r)


_LEXICON = sorted({" ".join(k) for table in (parser_module._PREDICATES, parser_module._CONNECTORS,
                                             parser_module._MOTION_VERBS, parser_module._DIRECTIONS,
                                             parser_module._ROOMS, parser_module._QUANTITIES) for k in table}
                  | {"a", "the", "it", "them", "and", ",", ".", "camera", "mug", "mugs", "orange", "glass", "red",
                     "wooden", "zebra", "floor", "wall", "3", "0", "between", "then", "line", "made of"})


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=80),
                 st.lists(st.sampled_from(_LEXICON), min_size=1, max_size=16).map(" ".join)))
def test_never_crashes(text):
    try:
        r = parse_instruction(text)
    except FyiError as e:
        assert str(e).startswith("instruction: ")
        return
    # no object only when emptiness is asked for ("an empty room")
    assert r.objects or parser_module._EMPTINESS & {m.group().lower() for m in parser_module._TOKEN.finditer(text)}
    assert all(o.count >= 1 for o in r.objects)
    Request.model_validate_json(r.model_dump_json())


# ---- issue 9: the language side -------------------------------------------------------------------

def groups(r: Request) -> list[tuple[str, int, dict]]:
    return [(o.category, o.count, o.attributes.model_dump(exclude_none=True)) for o in r.objects]


@pytest.mark.parametrize("text, expected", [
    ("a lamp behind the bed and in front of the wardrobe", {("lamp", "behind", "bed"), ("lamp", "in_front_of", "wardrobe")}),
    ("a cup on the table and left of the plate", {("mug", "on", "table"), ("mug", "left_of", "plate")}),
    ("a dog next to the sofa and near the lamp", {("dog", "next_to", "sofa"), ("dog", "near", "lamp")}),
    ("a cat on a rug, in front of a sofa and to the left of a lamp",
     {("cat", "on", "rug"), ("cat", "in_front_of", "sofa"), ("cat", "left_of", "lamp")}),
    # a chain without "and" still reads as before: the bowl is on the table
    ("three oranges in a bowl on a table", {("orange", "in", "bowl"), ("bowl", "on", "table")}),
])
def test_several_relations_on_one_subject(text, expected):
    assert relations(parse_instruction(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("two red and three blue balls", [("ball", 2, {"color": "red"}), ("ball", 3, {"color": "blue"})]),
    ("a red and a blue mug", [("mug", 1, {"color": "red"}), ("mug", 1, {"color": "blue"})]),
    ("one big and two small boxes", [("box", 1, {"size": "big"}), ("box", 2, {"size": "small"})]),
    ("two cats, one black and one white", [("cat", 1, {"color": "black"}), ("cat", 1, {"color": "white"})]),
    ("two cats, a black one and a white one", [("cat", 1, {"color": "black"}), ("cat", 1, {"color": "white"})]),
    ("three dogs, two brown", [("dog", 1, {}), ("dog", 2, {"color": "brown"})]),
    ("a red mug and a blue one", [("mug", 1, {"color": "red"}), ("mug", 1, {"color": "blue"})]),
    ("red and blue balls", [("ball", 1, {"color": "red"}), ("ball", 1, {"color": "blue"})]),
])
def test_members_of_one_noun_keep_their_own_counts_and_attributes(text, expected):
    r = parse_instruction(text)
    assert groups(r) == expected
    assert not any(w.startswith("ignored words") for w in r.warnings)


def test_coordinated_groups_share_what_is_said_of_them():
    r = parse_instruction("two red and three blue balls next to a box")
    assert relations(r) == {("ball", "next_to", "box"), ("ball_2", "next_to", "box")}
    r = parse_instruction("two cats on a sofa, one black and one white")
    assert {(o.ref, o.attributes.color) for o in r.objects if o.category == "cat"} == {("cat", "black"), ("cat_2", "white")}
    assert relations(r) == {("cat", "on", "sofa"), ("cat_2", "on", "sofa")}
    assert parse_instruction("a chair between a red and a blue table").relations[0].object2 == "table_2"


@pytest.mark.parametrize("text, kept, excluded", [
    ("a table without chairs", {"table": 1}, ["chair"]),
    ("a kitchen table with no chairs", {"table": 1}, ["chair"]),
    ("a sofa, no people", {"sofa": 1}, ["person"]),
    ("a desk without a chair or a lamp", {"desk": 1}, ["chair", "lamp"]),
    ("a table without chairs and a vase on it", {"table": 1, "vase": 1}, ["chair"]),
    ("a bench and nobody on it", {"bench": 1}, ["person"]),
])
def test_what_is_ruled_out_is_recorded_and_never_built(text, kept, excluded):
    r = parse_instruction(text)
    assert counts(r) == kept
    assert r.excluded == excluded
    assert not any(w.startswith("ignored words") for w in r.warnings)


def test_exclusion_of_what_is_also_asked_for_is_a_warning_not_the_opposite():
    r = parse_instruction("a mug, not a cup")  # one category to the catalog
    assert counts(r) == {"mug": 1} and r.excluded == []
    assert any("'not a cup'" in w for w in r.warnings)


def test_negated_relations_colours_and_motions_are_never_done():
    r = parse_instruction("a cup not on the table")
    assert relations(r) == {("mug", "next_to", "table")}
    assert any("not on the table" in w for w in r.warnings)
    r = parse_instruction("a ball that is not red next to a box")
    assert r.object("ball").attributes.color is None and any("not red" in w for w in r.warnings)
    r = parse_instruction("a cube that is not left of the sphere")
    assert r.relations == [] and any("not left of the sphere" in w for w in r.warnings)
    r = parse_instruction("the ball does not roll")
    assert r.motions == [] and any("not roll" in w for w in r.warnings)


def test_an_instruction_that_only_rules_things_out_is_one_clear_error():
    with pytest.raises(FyiError, match="ruled out: with no people"):
        parse_instruction("a kitchen with no people")


@pytest.mark.parametrize("text, ground, room, supported", [
    ("sheep on the grass", "grass", "outdoors", "sheep"),
    ("a dog on the beach", "sand", "outdoors", "dog"),
    ("a car on the road next to a stop sign", "asphalt", "outdoors", "car"),
    ("a bus in the snow", "snow", "outdoors", "bus"),
    ("a cat on the carpet", "carpet", None, "cat"),
    ("a rug on the wooden floor", "wood", None, "rug"),
    ("two cows in a meadow", "grass", "outdoors", "cow"),
    ("a bench in the park", "grass", "outdoors", "bench"),
])
def test_grounds_set_the_floor_and_the_setting_instead_of_being_objects(text, ground, room, supported):
    r = parse_instruction(text)
    assert (r.ground, r.room) == (ground, room)
    assert r.object(supported).support_hint == "floor"
    assert not any("unknown" in w for w in r.warnings)


def test_a_carpet_is_a_rug_unless_it_is_the_ground():
    assert counts(parse_instruction("a red carpet in a living room")) == {"rug": 1}
    assert parse_instruction("a red carpet in a living room").ground is None


@pytest.mark.parametrize("text, category, count, arrangement, rels", [
    ("three books stacked on a table", "book", 3, "stack", {("book", "on", "table")}),
    ("a stack of plates", "plate", 3, "stack", set()),
    ("a stack of five plates on a table", "plate", 5, "stack", {("plate", "on", "table")}),
    ("books on top of each other on a desk", "book", 3, "stack", {("book", "on", "desk")}),
    ("five cups in a row", "mug", 5, "row", set()),
    ("Five cubes in a line", "cube", 5, "row", set()),
    ("chairs in a circle around a table", "chair", 4, "circle", {("chair", "around", "table")}),
    ("scattered apples on the floor", "apple", 3, "scatter", set()),
    ("a row of four chairs", "chair", 4, "row", set()),
])
def test_arrangements_are_read(text, category, count, arrangement, rels):
    r = parse_instruction(text)
    group = next(o for o in r.objects if o.category == category)
    assert (group.count, group.arrangement) == (count, arrangement)
    assert relations(r) == rels
    assert not any("not supported" in w or w.startswith("ignored words") for w in r.warnings)


def test_each_other_relates_a_group_to_itself_and_never_an_object_to_itself():
    r = parse_instruction("five cubes next to each other")
    assert relations(r) == {("cube", "next_to", "cube")}
    r = parse_instruction("a cat and a dog facing each other")
    assert relations(r) == {("dog", "facing", "cat"), ("cat", "facing", "dog")}
    with pytest.raises(ValidationError):
        RequestedRelation(subject="a", predicate="between", object="a", object2="b")


def test_an_unknown_noun_builds_the_category_nearest_in_meaning_with_a_warning():
    r = parse_instruction("two mastiffs on a rug")
    dog = next(o for o in r.objects if o.category == catalog.nearest_category("mastiff"))
    assert dog.count == 2 and ("dog", "on", "rug") == (dog.ref, *relations(r).pop()[1:])
    assert any("'mastiffs' is not in the library; built 'dog' (nearest by meaning)" in w for w in r.warnings) or \
        catalog.resolve_category("mastiff") is not None


def test_an_unknown_noun_near_nothing_in_meaning_is_dropped_and_named_never_spelt_alike():
    r = parse_instruction("a quasar next to a chair")
    assert [o.category for o in r.objects] == ["chair"]
    assert any("quasar" in w and "not built" in w for w in r.warnings)
    with pytest.raises(FyiError, match="found no object to build.*quasar"):
        parse_instruction("a quasar")


@pytest.mark.parametrize("text, room", [("an empty room", "empty_room"), ("a bare kitchen with nothing in it", "kitchen"),
                                        ("an empty bedroom", "bedroom")])
def test_emptiness_asked_for_is_a_request_with_no_object(text, room):
    r = parse_instruction(text)
    assert r.objects == [] and r.room == room and not any("ignored" in w for w in r.warnings)
