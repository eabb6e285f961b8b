"""The offline Collector's language understanding: instruction text -> Request, by rules and a small lexicon.

No model and no NLP library: the instruction is cut into clauses (at . ; ! ? and "then"), and each
clause is read left to right. Noun phrases (determiner or number, colour/material/size words, a
catalog category matched longest-first over 3, 2 and 1 words) become object groups; prepositions
become relations whose subject is the nearest noun phrase not yet placed, so chains attach to the
nearest noun ("oranges in a bowl on a table": the bowl is on the table), but a predicate right after
"and" keeps the subject of the one before ("a lamp behind the bed and in front of the wardrobe");
"X with Y" relates Y to X; motion verbs open a motion that the following directions and prepositions
fill in. Conjuncts that share one noun are groups of their own ("two red and three blue balls", "two
cats, one black and one white"); what "no", "without" and "not" rule out is recorded, never built;
grounds ("on the grass") set the floor and the setting; "stacked", "in a row", "in a circle" and
"scattered" arrange a group.

Choices where English is vague (stated once, here):
- a bare plural ("mugs") is 2 (but one bunch of "flowers"), or 4 when it surrounds something ("chairs around a table") or makes a row
  or a ring, 3 in a stack or scattered;
  "some", "several", "a few" are 3; "many", "lots of" are 5; a count is capped at MAX_COUNT.
- "the X", "it", "them" refer back to a group already named; "a X" always adds a new group.
- "X with Y" without a preposition: Y in X if X is a container, Y on X if Y is a tabletop thing,
  chairs around a table, otherwise Y next to X.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from fyi.agents.request import CAMERA, Request, RequestedMotion, RequestedObject, RequestedRelation
from fyi.assets import catalog
from fyi.assets.style import COLORS, MATERIALS, SIZES
from fyi.errors import FyiError
from fyi.scenes.spec import Attributes

MAX_COUNT = 50

Words = tuple[str, ...]

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "dozen": 12, "single": 1,
}
_QUANTITIES: dict[Words, int] = {
    ("a", "dozen"): 12, ("half", "a", "dozen"): 6, ("a", "pair", "of"): 2, ("pair", "of"): 2,
    ("a", "couple", "of"): 2, ("couple", "of"): 2, ("a", "couple"): 2, ("a", "few"): 3, ("few",): 3,
    ("several",): 3, ("some",): 3, ("a", "bunch", "of"): 3, ("bunch", "of"): 3, ("a", "set", "of"): 3,
    ("a", "stack", "of"): 3, ("a", "pile", "of"): 3, ("a", "group", "of"): 3, ("a", "number", "of"): 3,
    ("many",): 5, ("lots", "of"): 5, ("a", "lot", "of"): 5, ("plenty", "of"): 5, ("a", "single"): 1,
}
_INDEFINITE = {"a", "an", "another", "any", "new"}
_DEFINITE = {"the", "this", "that", "these", "those", "its", "their", "his", "her", "my", "our", "your", "both",
             "each", "every", "all"}

# predicate phrases; the flag marks "X surrounded by Y" (Y is the subject).
_PREDICATES: dict[Words, tuple[str, bool]] = {}
for _words, _pred in [
    ("on top of|on|onto|upon|atop|on the top of", "on"),
    ("in|inside|inside of|into|within", "in"),
    ("under|underneath|below|beneath|underneath of", "under"),
    ("above|over", "above"),
    ("next to|beside|besides|by|alongside|adjacent to|by the side of|at the side of|on either side of|"
     "either side of|on both sides of|on each side of", "next_to"),
    ("near|close to|nearby|near to|not far from|closer to", "near"),
    ("to the left of|left of|on the left of|on the left side of|to the left side of|at the left of|"
     "on the left hand side of|to the left|on the left|on its left", "left_of"),
    ("to the right of|right of|on the right of|on the right side of|to the right side of|at the right of|"
     "on the right hand side of|to the right|on the right|on its right", "right_of"),
    ("in front of|in the front of|at the front of", "in_front_of"),
    ("behind|in back of|at the back of|back of", "behind"),
    ("between|in between", "between"),
    ("around|surrounding|round|encircling|all around|surround|surrounds|encircle|encircles", "around"),
    ("facing|facing toward|facing towards|that faces|which faces|faces|face|across from|opposite|"
     "opposite to|turned toward|turned towards", "facing"),
]:
    for _phrase in _words.split("|"):
        _PREDICATES[tuple(_phrase.split())] = (_pred, False)
_PREDICATES[("surrounded", "by")] = ("around", True)
# "a vase in the middle of the table": it stands on the table; the middle itself is not a place FYI
# solves for, which the reader says (_CENTRED).
_CENTRED = {tuple(f"{at} the {mid} of".split()) for at in ("in", "at", "on") for mid in ("middle", "center", "centre")}
for _words in _CENTRED:
    _PREDICATES[_words] = ("on", False)

# "X with Y" and its kin; None lets the categories decide (see _implicit_predicate).
_CONNECTORS: dict[Words, str | None] = {
    ("with",): None, ("holding",): "on", ("carrying",): "on", ("supporting",): "on", ("that", "holds"): "on",
    ("which", "holds"): "on", ("topped", "with"): "on", ("covered", "with"): "on", ("containing",): "in",
    ("filled", "with"): "in", ("full", "of"): "in", ("that", "contains"): "in", ("which", "contains"): "in",
    ("with", "some"): None,
}

_ROOMS: dict[Words, str | None] = {
    ("living", "room"): "living_room", ("lounge",): "living_room", ("kitchen",): "kitchen",
    ("bedroom",): "bedroom", ("bed", "room"): "bedroom", ("office",): "office", ("home", "office"): "office",
    ("study",): "office", ("bathroom",): "bathroom", ("dining", "room"): "dining_room",
    ("classroom",): "classroom", ("class", "room"): "classroom", ("school", "room"): "classroom",
    ("empty", "room"): "empty_room", ("studio",): "studio", ("outdoors",): "outdoors", ("outside",): "outdoors",
    ("garden",): "outdoors", ("park",): "outdoors", ("yard",): "outdoors", ("backyard",): "outdoors",
    ("patio",): "outdoors", ("forest",): "outdoors",
    ("room",): None, ("scene",): None, ("image",): None, ("photo",): None,
    ("render",): None, ("space",): None, ("setting",): None, ("interior",): None, ("view",): None,
}
# Categories whose one object is already many of the thing (a bunch of flowers): "flowers" asks for one.
_BUNCHES = {"flower"}
_EMPTINESS = {"empty", "bare", "nothing", "unfurnished", "vacant"}  # words that ask for no object at all
_DEPICTIONS = {"photo", "picture", "image", "render", "rendering", "scene", "view", "shot", "photograph", "snapshot"}
_SUPPORTS = {"floor": "floor", "ground": "floor", "floors": "floor", "wall": "wall", "walls": "wall"}
_UNSUPPORTED_PLACES = {"ceiling", "corner", "middle", "center", "centre", "window", "door", "doorway", "side",
                       "edge", "background", "foreground"}
_ARRANGEMENTS = {"line", "row", "circle", "ring", "stack", "pile", "cluster", "grid", "column", "heap", "square",
                 "triangle", "arc", "tower"}
# The arrangements FYI builds, by the word that names them; the other _ARRANGEMENTS words are reported.
_ARRANGEMENT_KINDS = {"line": "row", "row": "row", "column": "row", "circle": "circle", "ring": "circle",
                      "stack": "stack", "pile": "stack", "heap": "stack", "tower": "stack", "cluster": "scatter"}
# "three books stacked on a table", "scattered apples", "lined up"
_ARRANGED: dict[Words, str] = {
    ("stacked",): "stack", ("stacked", "up"): "stack", ("piled",): "stack", ("piled", "up"): "stack",
    ("stacked", "on", "top", "of", "each", "other"): "stack", ("scattered",): "scatter",
    ("scattered", "around"): "scatter", ("scattered", "about"): "scatter", ("strewn",): "scatter",
    ("spread", "out"): "scatter", ("randomly", "placed"): "scatter", ("lined", "up"): "row",
    ("side", "by", "side"): "row", ("in", "a", "row"): "row", ("in", "a", "line"): "row",
    ("in", "a", "circle"): "circle", ("in", "a", "ring"): "circle", ("in", "a", "stack"): "stack",
    ("in", "a", "pile"): "stack", ("in", "a", "column"): "row",
}
# "a stack of plates", "a row of chairs": a count (3 unless a number follows) and an arrangement.
_ARRANGED_QUANTITIES: dict[Words, str] = {
    ("a", "stack", "of"): "stack", ("stack", "of"): "stack", ("a", "pile", "of"): "stack", ("pile", "of"): "stack",
    ("a", "tower", "of"): "stack", ("a", "row", "of"): "row", ("row", "of"): "row", ("a", "line", "of"): "row",
    ("a", "circle", "of"): "circle", ("a", "ring", "of"): "circle",
}
for _k in _ARRANGED_QUANTITIES:
    _QUANTITIES.setdefault(_k, 3)
_ARRANGED_BARE_COUNT = {"row": 4, "circle": 4, "stack": 3, "scatter": 3}
_RECIPROCAL = {("each", "other"), ("one", "another")}

# What the ground is made of, and the setting it implies (None: whatever room is named, indoors by default).
_GROUNDS: dict[Words, tuple[str, str | None]] = {}
for _words, _ground, _room in [
    ("grass|lawn|grassy field|grassy meadow|meadow|field|pasture|garden|park|yard|backyard|grassland|turf",
     "grass", "outdoors"),
    ("beach|sand|sandy beach|desert|dunes|sand dunes|seaside|shore", "sand", "outdoors"),
    ("road|street|asphalt|highway|parking lot|car park|tarmac|runway|roadway", "asphalt", "outdoors"),
    ("pavement|sidewalk|plaza|concrete", "concrete", "outdoors"),
    ("snow|snowfield|snowy field|ski slope|snowy ground", "snow", "outdoors"),
    ("carpet|carpeted floor|carpeting", "carpet", None),
    ("wooden floor|wood floor|hardwood floor|parquet|parquet floor|floorboards", "wood", None),
    ("tiles|tiled floor|tile floor|tiled ground", "tiles", None),
    ("concrete floor|stone floor", "concrete", None),
]:
    for _phrase in _words.split("|"):
        _GROUNDS[tuple(_phrase.split())] = (_ground, _room)
# The outdoor setting a ground or room word names ("on the beach": a beach; "in the park": a park).
_SETTINGS: dict[Words, str] = {}
for _words, _setting in [
    ("road|street|highway|roadway|tarmac|runway|asphalt|pavement|sidewalk|plaza", "street"),
    ("parking lot|car park", "parking_lot"),
    ("park|garden|yard|backyard|lawn|patio|turf", "park"),
    ("field|meadow|pasture|grassland|grassy field|grassy meadow|grass", "field"),
    ("beach|sandy beach|seaside|shore|sand|desert|dunes|sand dunes", "beach"),
    ("snow|snowfield|snowy field|ski slope|snowy ground", "snow"),
]:
    for _phrase in _words.split("|"):
        _SETTINGS[tuple(_phrase.split())] = _setting
# A ground word that is also a catalog name ("a carpet" is a rug) is the ground only as a place: "on the carpet".
# Words that name one of the catalog's kinds (its groups) rather than a thing.
_KINDS = {"animal": "animal", "animals": "animal", "pet": "animal", "pets": "animal", "furniture": "furniture",
          "food": "food", "fruit": "food", "fruits": "food", "vehicles": "vehicle", "electronics": "electronic",
          "device": "electronic", "devices": "electronic", "gadget": "electronic", "gadgets": "electronic",
          "appliance": "appliance", "appliances": "appliance", "kitchenware": "kitchen", "dishes": "kitchen",
          "tableware": "kitchen", "shape": "primitives", "shapes": "primitives", "accessories": "accessory",
          "equipment": "sports"}
_NEGATORS = {"no", "not", "without", "nor", "excluding", "except", "never", "nobody"}
_NOBODY = {("nobody",), ("no", "one"), ("no", "body")}

_MOTION_VERBS: dict[Words, str] = {}
for _words, _verb in [
    ("move|moves|moving|moved|drive|drives|driving|drove|go|goes|going|travel|travels|travelling|traveling|"
     "walk|walks|walking|run|runs|running|jump|jumps|jumping|bounce|bounces|bouncing|fly|flies|flying|"
     "rise|rises|rising|rose|ascend|ascends|ascending|crane up|cranes up|craning up|lowers|lowering|lowered|"
     "descend|descends|descending|crane down|cranes down|craning down|sink|sinks|sinking|"
     "lift|lifts|lifted|float|floats|floating|glide|glides|gliding", "move"),
    ("tip|tips|tipping|tipped|tip over|tips over|tipping over|tipped over|topple over|topples over|"
     "toppling over|toppled over|fall over|falls over|falling over|fell over|knock over|knocks over|"
     "knocked over|keel over|keels over|tip down", "tip"),
    ("roll|rolls|rolling|rolled", "roll"),
    ("slide|slides|sliding|slid|skid|skids", "slide"),
    ("fall|falls|falling|fell|drop|drops|dropping|dropped|tumble|tumbles|tumbling|topple|topples|toppling",
     "fall"),
    ("spin|spins|spinning|spun|rotate|rotates|rotating|rotated|turn|turns|turning|twirl|twirls|twirling",
     "spin"),
    ("push|pushes|pushing|pushed|shove|shoves|kick|kicks|kicking|kicked|nudge|nudges", "push"),
    ("orbit|orbits|orbiting|orbited|circle|circles|circling|revolve|revolves|revolving|swing|swings", "orbit"),
    ("approach|approaches|approaching|zoom in|zooms in|zooming in|dolly in|dollies in|push in|pushes in|"
     "comes closer|come closer|gets closer|get closer|moves closer|move closer|moving closer", "approach"),
    ("retreat|retreats|retreating|zoom out|zooms out|zooming out|dolly out|dollies out|pull back|pulls back|"
     "pulling back|pull out|pulls out|back away|backs away|moves away|move away|moving away", "retreat"),
    ("pan|pans|panning|panned|sweep|sweeps|sweeping|tilt|tilts|tilting", "pan"),
    ("follow|follows|following|followed|track|tracks|tracking|chase|chases|chasing", "follow"),
]:
    for _phrase in _words.split("|"):
        _MOTION_VERBS[tuple(_phrase.split())] = _verb
_TAKES_DIRECT_OBJECT = {"push", "follow", "orbit", "approach", "retreat", "pan"}
# verbs that say their own direction: "the camera rises", "the camera lowers", "descends"
_UPWARD = {"rise", "rises", "rising", "rose", "ascend", "ascends", "ascending", "crane", "cranes", "craning"}
_DOWNWARD = {"lowers", "lowering", "lowered", "descend", "descends", "descending", "sink", "sinks", "sinking"}
_CAMERA_VERBS = {"orbit", "approach", "retreat", "pan", "follow"}

_DIRECTIONS: dict[Words, str] = {}
for _words, _dir in [
    ("from right to left|from the right to the left|to the left|to the left side|left|leftward|leftwards|"
     "towards the left|toward the left", "left"),
    ("from left to right|from the left to the right|to the right|to the right side|right|rightward|rightwards|"
     "towards the right|toward the right", "right"),
    ("forward|forwards|ahead|from back to front|from the back to the front", "forward"),
    ("backward|backwards|back|from front to back|from the front to the back", "backward"),
    ("up|upward|upwards|upstairs|into the air|in the air", "up"),
    ("down|downward|downwards", "down"),
    ("toward the camera|towards the camera|toward the viewer|towards the viewer|toward us|towards us|"
     "at the camera|to the camera", "toward_camera"),
    ("away|away from the camera|away from the viewer|away from us", "away"),
]:
    for _phrase in _words.split("|"):
        _DIRECTIONS[tuple(_phrase.split())] = _dir

# prepositions that, after a motion verb, say where the motion starts or goes.
_MOTION_STARTS = {("from",), ("off",), ("off", "of"), ("out", "of")}
_MOTION_GOALS = {("toward",), ("towards",), ("to",), ("at",), ("around",), ("round",), ("onto",), ("into",),
                 ("across",), ("along",), ("through",), ("past",), ("closer", "to"), ("nearer", "to"),
                 ("up", "to"), ("over", "to"), ("close", "to"), ("in", "on"), ("on", "to"), ("away", "from"),
                 ("all", "around"), ("all", "the", "way", "around")}
# manner words of a motion clause: how far a move goes in the same time, relative to an ordinary pace.
# Outside a motion clause ("a fast car") they are reported as ignored.
SPEED_WORDS = {"slowly": 0.5, "slow": 0.5, "gently": 0.6, "leisurely": 0.6, "steadily": 1.0,
               "quickly": 2.0, "quick": 2.0, "fast": 2.0, "rapidly": 2.0, "swiftly": 2.0, "speedily": 2.0}

# goal words that say where a mover passes, not where it stops: for things (not the camera) they place the
# mover beside (or on) what they name, and the move keeps its own direction.
_MOTION_PATHS = {("across",), ("along",), ("through",), ("past",), ("around",), ("round",), ("all", "around"),
                 ("all", "the", "way", "around")}
_DURATION = re.compile(r"^(over|for|in|during|within|after|about)$")
_DURATION_UNITS = {"second", "seconds", "sec", "secs", "s", "frame", "frames", "minute", "minutes", "moment"}

_CONTAINERS = {"bowl", "basket", "vase", "box", "trash_can", "mug", "glass", "bucket", "pot", "crate"}
_SEATS = {"chair", "stool", "office_chair", "armchair", "bench"}
_TABLES = {"table", "coffee_table", "desk", "counter", "side_table", "dining_table", "kitchen_table"}

_IRREGULAR_PLURALS = {"mice": "mouse", "knives": "knife", "loaves": "loaf", "leaves": "leaf", "geese": "goose",
                      "people": "person", "children": "child", "teeth": "tooth", "feet": "foot"}

# Words that carry no content for this parser: handled silently, never reported as ignored.
_FUNCTION_WORDS = set("""
a an the this that these those its their his her my our your both each every all any some another new other
is are was were be being been am there here it they them he she we you i me us one ones itself themselves
and or but plus also as well then while when where which who whom whose what so too very really quite just
of with without for to at from by in into onto on up down out off over under about than
has have had having having contains contain containing
sit sits sitting sat stand stands standing stood lie lies lying lay rest rests resting placed place put puts
set sets located located positioned position arranged arrange arranging lined lines kept stored hanging hangs
hung mounted leaning leans lean propped displayed shown show shows showing render rendered draw drawn create
make generate please can could would should will shall may might must let lets need want like
smoothly gradually suddenly softly then finally first next later
entire whole full half together nicely neatly
clockwise counterclockwise anticlockwise
made consisting consist consists composed
s t
""".split())

_PUNCT = {",", ".", ";", ":", "!", "?"}
_CLAUSE_ENDS = {".", ";", "!", "?", ":"}
_TOKEN = re.compile(r"[0-9]+(?:\.[0-9]+)?|[^\W\d_]+(?:'[^\W\d_]+)?|[,.;:!?]")


@dataclass
class _Group:
    ref: str
    category: str
    count: int
    phrase: str
    color: str | None = None
    material: str | None = None
    size: str | None = None
    support_hint: str | None = None
    bare_plural: bool = False
    arrangement: str | None = None


@dataclass(eq=False)
class _Mention:
    """One appearance of one or more groups in the text ("the mugs", "them")."""

    refs: list[str]
    pos: int
    run: int
    role: str = "free"  # "free", "with" (after a connector) or "object" (of a predicate)
    pronoun: bool = False
    placed: bool = False
    anchor: "_Mention | None" = None  # for role "with": the thing it is with
    alt_anchor: "_Mention | None" = None  # the nearer noun, when the with-phrase may belong to either
    connector: str | None = None  # the predicate a connector fixed ("holding" -> on), or None
    object_of: "_Mention | None" = None  # the subject it is the object of, in this clause
    object_pred: str | None = None


@dataclass
class _NounPhrase:
    kind: str  # "object", "room", "ground", "support", "camera", "unknown", "arrangement", "place", "parts"
    end: int
    mention: _Mention | None = None
    value: str | None = None  # room type, ground, support hint, unknown phrase
    setting: str | None = None  # for a ground: the room type it implies ("on the beach": outdoors)
    place: str | None = None  # the outdoor setting the words name ("on the beach": beach)


@dataclass
class _MotionDraft:
    subject: str
    verb: str
    subject_mention: _Mention | None
    target: str | None = None
    direction: str | None = None


_ROOM_ANCHOR = _Mention(refs=[], pos=-1, run=-1)


@dataclass
class _Clause:
    mentions: list[_Mention] = field(default_factory=list)
    run_open: bool = False
    anchor: _Mention | None = None  # the current "with" anchor (or _ROOM_ANCHOR)
    connector: str | None = None
    with_active: bool = False
    with_first: _Mention | None = None  # the first thing named after the connector
    alt_anchor: _Mention | None = None
    last_place_kind: str | None = None  # "room" when a room/scene word was the latest noun phrase
    camera_pos: int | None = None
    motions: list[_MotionDraft] = field(default_factory=list)
    motion_verb_end: int = -1
    fronted: tuple[str, _NounPhrase] | None = None  # "On the table, a mug": relation waiting for a subject
    # "a lamp behind the bed and in front of the wardrobe": a predicate right after "and" that follows a
    # relation has that relation's subject
    last_subject: _Mention | None = None
    last_relation_end: int = -1
    conjunct_refs: list[str] = field(default_factory=list)  # "two red and three blue balls": the groups so far
    pending_arrangement: str | None = None  # "scattered apples": for the next noun phrase


def _is_decimal(word: str) -> bool:
    """"1.5" (a duration, a size): never a count."""
    whole, dot, frac = word.partition(".")
    return bool(dot) and whole.isdigit() and frac.isdigit()


def _is_number(word: str) -> bool:
    return word.isascii() and word.isdigit()


def _attribute(word: str) -> tuple[str, str] | None:
    if word in COLORS:
        return ("color", "gray" if word == "grey" else word)
    if word in MATERIALS:  # "wooden", "oak" -> "wood": attributes name the material, not the adjective
        return ("material", MATERIALS[word])
    if word in SIZES:
        return ("size", word)
    return None


class _InstructionReader:
    """Reads one instruction; holds what it found so far."""

    def __init__(self, text: str):
        self.text = text
        self.tokens: list[str] = []
        self.spans: list[tuple[int, int]] = []
        for m in _TOKEN.finditer(text):
            self.tokens.append(m.group().lower())
            self.spans.append(m.span())
        self._merge_counter_clockwise()
        self.used: set[int] = set()
        self.groups: list[_Group] = []
        self.relations: list[tuple[str, str, str, str | None]] = []
        self.motions: list[RequestedMotion] = []
        self.room: str | None = None
        self.ground: str | None = None
        self.place: str | None = None  # the outdoor setting named (street, beach...)
        self.excluded: dict[str, str] = {}  # category -> the words that rule it out
        self.last_object: tuple[_Mention, int] | None = None  # the latest object noun phrase and its end
        self.warnings: list[str] = []
        self.unknown: list[str] = []
        self.history: list[_Mention] = []
        self.run = 0
        self.names = catalog.spellings()  # builders', LVIS's for them, and the asset sources' in force
        self.c = _Clause()
        self.clause_span = (0, 0)

    # ---- tokens ---------------------------------------------------------------------------------

    def _merge_counter_clockwise(self) -> None:
        # "counter-clockwise" must not read as a kitchen counter.
        for k in range(len(self.tokens) - 1):
            if self.tokens[k] in ("counter", "anti") and self.tokens[k + 1] == "clockwise":
                self.tokens[k], self.tokens[k + 1] = "counterclockwise", "s"

    @staticmethod
    def _norm(phrase: str) -> str:
        return "_".join(phrase.lower().replace("-", " ").split())

    def _words(self, i: int, n: int, hi: int) -> Words | None:
        if i + n > hi:
            return None
        words = tuple(self.tokens[i:i + n])
        return None if any(w in _PUNCT for w in words) else words

    def _match(self, table: dict[Words, object] | set[Words], i: int, hi: int, longest: int = 6
               ) -> tuple[Words, int] | None:
        for n in range(min(longest, hi - i), 0, -1):
            words = self._words(i, n, hi)
            if words is not None and words in table:
                return words, n
        return None

    def _use(self, i: int, j: int) -> None:
        self.used.update(range(i, j))

    def _source(self, i: int, j: int) -> str:
        return self.text[self.spans[i][0]:self.spans[j - 1][1]] if j > i else ""

    # ---- categories -----------------------------------------------------------------------------

    def _category_at(self, i: int, hi: int) -> tuple[str, int, bool] | None:
        """(category, words used, plural) for the longest catalog name starting at token i."""
        for n in (3, 2, 1):
            words = self._words(i, n, hi)
            if words is None or not all(w.isalpha() for w in words):
                continue
            if n == 1 and words[0] in _FUNCTION_WORDS:  # "stand" alone is a verb, "tv stand" and "standing lamp" names
                continue
            last = _IRREGULAR_PLURALS.get(words[-1], words[-1])
            phrase = " ".join((*words[:-1], last))
            found = catalog.resolve_category(phrase)
            if found is None:
                continue
            if n == 1 and self._match(_MOTION_VERBS, i, i + 1) is not None and not self._own_word(found, words[0]):
                continue  # "rolls" moves; it is a bun only where a builder itself says so
            return found, n, last != words[-1] or self._is_plural(words[:-1], last)
        return None

    def _nearest(self, stray: list[int]) -> tuple[str, int, bool] | None:
        """(category, words, plural) nearest in meaning to the unknown words that end a noun phrase, the
        whole run first ("pickup truck"), then its last word; None when nothing is close in meaning."""
        for n in range(len(stray), 0, -1):
            words = [self.tokens[k] for k in stray[-n:]]
            if stray[-n:] != list(range(stray[-n], stray[-1] + 1)) or not all(w.isalpha() for w in words):
                continue
            found = catalog.nearest_category(" ".join(words))
            if found is not None:
                last = words[-1]
                singular = _IRREGULAR_PLURALS.get(last) or next(
                    (s for s in catalog.singulars(last) if catalog.word_senses(s)), last)
                return found, n, singular != last
        return None

    @staticmethod
    def _own_word(category: str, word: str) -> bool:
        """Whether the category's builder names itself by this word (not only LVIS's synonyms do)."""
        c = catalog.info(category)
        own = {n.lower() for n in (c.name.replace("_", " "), *c.synonyms)}
        return word in own or any(s in own for s in catalog.singulars(word))

    def _is_plural(self, head: Words, last: str) -> bool:
        key = self._norm(" ".join((*head, last)))
        if key not in self.names:
            return True
        if not last.endswith("s") or last.endswith(("ss", "us", "is")):
            return False
        stems = (last[:-1], last[:-2], last[:-3] + "f", last[:-3] + "y", last[:-3] + "fe")
        return any(self._norm(" ".join((*head, s))) in self.names for s in stems if s)

    def _place(self, category: str) -> str | None:
        return catalog.placement_of(category)

    # ---- groups and mentions --------------------------------------------------------------------

    def _group(self, ref: str) -> _Group:
        return next(g for g in self.groups if g.ref == ref)

    def _new_group(self, category: str, count: int, phrase: str, attrs: dict[str, str], bare_plural: bool
                   ) -> _Group:
        taken = {g.ref for g in self.groups}
        ref, k = category, 2
        while ref in taken:
            ref, k = f"{category}_{k}", k + 1
        if count > MAX_COUNT:
            self.warnings.append(f"count {count} for {phrase!r} is more than {MAX_COUNT}; using {MAX_COUNT}")
            count = MAX_COUNT
        g = _Group(ref, category, count, phrase, bare_plural=bare_plural, **attrs)
        self.groups.append(g)
        return g

    def _refer_back(self, category: str, attrs: dict[str, str]) -> _Group | None:
        for g in reversed(self.groups):
            if g.category != category:
                continue
            if all(getattr(g, k) in (None, v) for k, v in attrs.items()):
                return g
        return None

    def _add_mention(self, refs: list[str], pos: int, role: str, pronoun: bool = False) -> _Mention:
        c = self.c
        if not c.run_open or role == "object":
            self.run += 1
        m = _Mention(refs=refs, pos=pos, run=self.run, role=role, pronoun=pronoun)
        c.run_open = role != "object"
        if role == "with":
            m.anchor, m.alt_anchor, m.connector = c.anchor, c.alt_anchor, c.connector
            c.with_first = c.with_first or m
        c.mentions.append(m)
        self.history.append(m)
        return m

    def _resolve_it(self, exclude: set[str]) -> list[str]:
        if self.c.with_active and self.c.anchor is not None and self.c.anchor is not _ROOM_ANCHOR:
            refs = [r for r in self.c.anchor.refs if r not in exclude]
            if refs:
                return refs
        candidates = [m for m in reversed(self.history) if m.refs and not set(m.refs) & exclude]
        for m in candidates:
            if len(m.refs) == 1 and self._group(m.refs[0]).count == 1:
                return list(m.refs)
        return list(candidates[0].refs[:1]) if candidates else []

    def _resolve_them(self, exclude: set[str]) -> list[str]:
        for m in reversed(self.history):
            rest = [r for r in m.refs if r not in exclude]
            if not rest:
                continue
            refs: list[str] = []
            for other in self.history:
                if other.run == m.run:
                    refs.extend(r for r in other.refs if r not in exclude and r not in refs)
            # "a sofa facing a TV, with a rug between them": one thing alone is not "them"
            for other in reversed(self.history):
                if len(refs) > 1 or sum(self._group(r).count for r in refs) > 1:
                    break
                refs.extend(r for r in other.refs if r not in exclude and r not in refs)
            order = [g.ref for g in self.groups]
            return sorted(refs, key=order.index)  # in the order they were named
        return []

    # ---- noun phrases ---------------------------------------------------------------------------

    def _np_continues(self, j: int, hi: int) -> bool:
        return j < hi and (_attribute(self.tokens[j]) is not None or self._category_at(j, hi) is not None)

    def _is_boundary(self, i: int, hi: int) -> bool:
        w = self.tokens[i]
        return (w in _PUNCT or w in _FUNCTION_WORDS or _is_number(w) or w in _NUMBER_WORDS
                or self._match(_PREDICATES, i, hi) is not None or self._match(_MOTION_VERBS, i, hi) is not None
                or self._match(_CONNECTORS, i, hi) is not None)

    def _noun_phrase(self, i: int, hi: int, role: str, exclude: set[str] = frozenset()) -> _NounPhrase | None:
        """Read a noun phrase at token i; None when none starts there (i is then unchanged)."""
        start = i
        quantity: int | None = None
        arrangement: str | None = None
        definite = fresh = determined = False
        while i < hi:
            q = self._match(_QUANTITIES, i, hi, longest=3)
            w = self.tokens[i]
            if q is not None and not (q[0] == ("some",) and self._category_at(i + 1, hi) is not None
                                      and not self._category_at(i + 1, hi)[2]):
                quantity, i = _QUANTITIES[q[0]], i + q[1]
                arrangement = _ARRANGED_QUANTITIES.get(q[0], arrangement)
            elif _is_number(w):
                if self._negative(i):
                    self.warnings.append(f"'-{w}': a count cannot be negative; read it as {int(w[:7])}")
                quantity, i = int(w[:7]), i + 1
            elif w in _NUMBER_WORDS and not (w == "one" and i + 1 < hi and self.tokens[i + 1] in ("of", "another")):
                quantity, i = _NUMBER_WORDS[w], i + 1
            elif w in _INDEFINITE or w == "some":
                fresh, i = fresh or w in ("another", "new"), i + 1
            elif w in _DEFINITE:
                definite, i = True, i + 1
                if w == "both":
                    quantity = 2
            elif w == "other" and definite:
                fresh, i = True, i + 1
            else:
                break
            determined = True
        if i < hi and self.tokens[i] in ("it", "them", "they", "itself", "themselves") and not determined:
            refs = (self._resolve_it(exclude) if self.tokens[i] in ("it", "itself")
                    else self._resolve_them(exclude))
            if not refs:
                return None
            self._use(i, i + 1)
            return _NounPhrase("object", i + 1, self._add_mention(refs, i, role, pronoun=True))
        attrs: dict[str, str] = {}
        stray: list[int] = []
        while i < hi and len(stray) < 3:
            w = self.tokens[i]
            head = self._category_at(i, hi)
            ground = self._match(_GROUNDS, i, hi, longest=3)
            if ground is not None and not self._np_continues(i + ground[1], hi) and (
                    head is None or ground[1] > head[1] or (ground[1] == head[1] and role == "object")):
                end = i + ground[1]
                self._use(start, end)
                self.used.difference_update(stray)
                found, setting = _GROUNDS[ground[0]]
                return _NounPhrase("ground", end, value=found, setting=setting, place=_SETTINGS.get(ground[0]))
            attr = _attribute(w)
            if attr is not None and (head is None or (head[1] == 1 and not head[2] and self._np_continues(i + 1, hi))):
                if attr[0] in attrs:
                    stray.append(i)
                else:
                    attrs[attr[0]] = attr[1]
                i += 1
                continue
            if w == CAMERA:
                self._use(start, i + 1)
                return _NounPhrase("camera", i + 1)
            if w in _DEPICTIONS and i + 1 < hi and self.tokens[i + 1] == "of":
                self._use(start, i + 2)  # "a photo of a dog": the scene itself, not a framed photo
                return _NounPhrase("room", i + 2, value=None)
            room = self._match(_ROOMS, i, hi, longest=2)
            if head is not None and not (room is not None and room[1] > head[1]):
                return self._object_phrase(start, i, hi, head, quantity, definite, fresh, attrs, stray, role,
                                           arrangement)
            if room is not None:
                self._use(start, i + room[1])
                self.used.difference_update(stray)
                return _NounPhrase("room", i + room[1], value=_ROOMS[room[0]], place=_SETTINGS.get(room[0]))
            if w in _SUPPORTS:
                self._use(start, i + 1)
                return _NounPhrase("support", i + 1, value=_SUPPORTS[w])
            if w in _ARRANGEMENTS or w in _UNSUPPORTED_PLACES:
                end = i + 1
                if end + 1 < hi and self.tokens[end] == "of" and self._match(_ROOMS, end + 1, hi) is not None:
                    end += 1 + self._match(_ROOMS, end + 1, hi)[1]  # "the middle of the room"
                self._use(start, end)
                return _NounPhrase("arrangement" if w in _ARRANGEMENTS else "place", end, value=self._source(start, end))
            if self._is_boundary(i, hi):
                break
            stray.append(i)
            i += 1
        if not stray and (attrs or quantity is not None):
            # A phrase without its noun: "two red [and three blue balls]", "[two cats,] one black and one
            # white", "a blue one".
            headless = (self._parts(start, i, hi, quantity, attrs, role)
                        or self._elided_head(start, i, hi, quantity, attrs, role, exclude)
                        or self._one(start, i, hi, quantity, definite, fresh, attrs, role))
            if headless is not None:
                return headless
        if stray and (determined or attrs or role == "object"):
            words = " ".join(self.tokens[k] for k in stray)
            near = self._nearest(stray)
            if near is not None:  # "a sedan": a kind of car, so a car, said in a warning
                category, n, plural = near
                said = " ".join(self.tokens[k] for k in stray[-n:])
                self.warnings.append(f"{said!r} is not in the library; built {category.replace('_', ' ')!r} "
                                     f"(nearest by meaning)")
                return self._object_phrase(start, stray[-n], hi, near, quantity, definite, fresh, attrs,
                                           stray[:-n], role, arrangement)
            self._use(start, stray[-1] + 1)
            # a placeholder, so that relations said of the unknown thing are dropped with it
            return _NounPhrase("unknown", stray[-1] + 1, self._add_mention([], start, role), value=words)
        return None

    # ---- coordination: one noun for several groups ----------------------------------------------

    def _conjunct(self, k: int, hi: int) -> tuple[int | None, dict[str, str], int, bool] | None:
        """A noun-less conjunct at k ("three blue", "one black", "a white one"): (count, attributes, end,
        whether it has its own determiner or number); None when there is none."""
        quantity, own, attrs = None, False, {}
        while k < hi:
            w = self.tokens[k]
            if _is_number(w) or (w in _NUMBER_WORDS and not (w == "one" and attrs)):
                quantity, own, k = (int(w[:7]) if _is_number(w) else _NUMBER_WORDS[w]), True, k + 1
            elif w in _INDEFINITE:
                own, k = True, k + 1
            else:
                break
        while k < hi and _attribute(self.tokens[k]) is not None and self._category_at(k, hi) is None:
            a = _attribute(self.tokens[k])
            attrs.setdefault(a[0], a[1])
            k += 1
        if k < hi and self.tokens[k] in ("one", "ones") and (attrs or own):
            quantity = quantity or (2 if self.tokens[k] == "ones" else None)
            k += 1
        if not attrs:
            return None
        return quantity, attrs, k, own

    def _elided_head(self, start: int, i: int, hi: int, quantity: int | None, attrs: dict[str, str], role: str,
                     exclude: set[str]) -> _NounPhrase | None:
        """"two red and three blue balls", "a red and a blue mug", "one big and two small boxes": each
        conjunct is a group of its own, of the noun the last one names. "a red and white mug" (no
        determiner of its own, a singular noun) is one thing and is not read here."""
        k = i
        while k < hi and self.tokens[k] in ("and", "or", ","):
            k += 1
            part = self._conjunct(k, hi)
            own = part is not None and part[3]
            k = part[2] if part is not None else k
            while k < hi and self.tokens[k] in _INDEFINITE | {"the"}:
                k, own = k + 1, True
            while k < hi and _attribute(self.tokens[k]) is not None and self._category_at(k, hi) is None:
                k += 1
            head = self._category_at(k, hi)
            if head is not None:
                if not (own or head[2]):
                    return None
                return self._conjoined(start, i, hi, head[0], head[2], quantity, attrs, role, exclude)
            if part is None:
                return None
        return None

    def _conjoined(self, start: int, i: int, hi: int, category: str, plural: bool, quantity: int | None,
                   attrs: dict[str, str], role: str, exclude: set[str]) -> _NounPhrase | None:
        noun = category.replace("_", " ")
        phrase = f"{self._source(start, i)} {noun}{'s' if plural and (quantity or 1) > 1 else ''}"
        g = self._new_group(category, quantity if quantity is not None else 1, phrase, attrs, bare_plural=False)
        self._use(start, i + 1)  # the conjunct and its "and"
        self.c.conjunct_refs.append(g.ref)
        j = i + 1
        while j < hi and self.tokens[j] in ("and", "or", ","):
            self._use(j, j + 1)
            j += 1
        rest = self._noun_phrase(j, hi, role, exclude)
        if rest is None or rest.kind != "object":  # cannot happen after _elided_head found the noun; be safe
            refs, self.c.conjunct_refs = self.c.conjunct_refs, []
            return _NounPhrase("object", j, self._add_mention(refs, start, role))
        return rest

    def _parts(self, start: int, i: int, hi: int, quantity: int | None, attrs: dict[str, str], role: str
               ) -> _NounPhrase | None:
        """"two cats, one black and one white": after a counted group and a comma or colon, noun-less
        conjuncts share the group out; each part becomes a group of its own with its count and attributes."""
        if start == 0 or self.tokens[start - 1] not in (",", ":"):
            return None
        # the counted group just named ("two cats, ..."), or the latest one of the clause ("two cats on a
        # sofa, one black and one white")
        mention = self.last_object[0] if self.last_object is not None and self.last_object[1] == start - 1 else None
        if mention is None or len(mention.refs) != 1 or self._group(mention.refs[0]).count < 2:
            mention = next((m for m in reversed(self.c.mentions) if m.pos < start and len(m.refs) == 1
                            and not m.pronoun and self._group(m.refs[0]).count >= 2), None)
        if mention is None:
            return None
        first = self._conjunct(start, hi)
        if first is None:
            return None
        parts = [first]
        k = first[2]
        while k < hi and self.tokens[k] in ("and", ","):
            k2 = k + 1 + (k + 1 < hi and self.tokens[k] == "," and self.tokens[k + 1] == "and")
            part = self._conjunct(k2, hi)
            if part is None:
                break
            parts.append(part)
            k = part[2]
        g = self._group(mention.refs[0])
        counts = [p[0] or 1 for p in parts]
        said = self._source(start, k)
        if sum(counts) > g.count:
            self.warnings.append(f"{said!r} names {sum(counts)} of {g.phrase!r}; built {sum(counts)}")
        rest = g.count - sum(counts)
        new_refs = []
        for n, (count, part_attrs, _, _) in enumerate(parts):
            merged = {**{a: getattr(g, a) for a in ("color", "material", "size") if getattr(g, a)}, **part_attrs}
            if n == 0 and rest <= 0:
                g.count = count or 1
                for a, v in part_attrs.items():
                    setattr(g, a, v)
                continue
            words = " ".join([*part_attrs.values(), g.category.replace("_", " ")])
            new = self._new_group(g.category, count or 1, words, merged, bare_plural=False)
            new.support_hint, new.arrangement = g.support_hint, g.arrangement
            new_refs.append(new.ref)
        if rest > 0:
            g.count = rest
        # the parts take part in whatever was said of the whole group
        for s, p, o, o2 in list(self.relations):
            for new in new_refs:
                if s == g.ref:
                    self._add_relation(new, p, o, o2)
                elif g.ref in (o, o2):
                    self._add_relation(s, p, new if o == g.ref else o, new if o2 == g.ref else o2)
        for m in self.history:
            if g.ref in m.refs:
                at = m.refs.index(g.ref) + 1
                m.refs[at:at] = new_refs
        self._use(start, k)
        return _NounPhrase("parts", k)

    def _one(self, start: int, i: int, hi: int, quantity: int | None, definite: bool, fresh: bool,
             attrs: dict[str, str], role: str) -> _NounPhrase | None:
        """"a red mug and a blue one": "one" stands for the noun named last."""
        if i >= hi or self.tokens[i] not in ("one", "ones") or not attrs or not self.groups:
            return None
        kinds = set(attrs)
        named = next((g for g in reversed(self.groups) if any(getattr(g, k) for k in kinds)), self.groups[-1])
        return self._object_phrase(start, i, hi, (named.category, 1, self.tokens[i] == "ones"), quantity, definite,
                                   fresh, attrs, [], role, None)

    def _object_phrase(self, start: int, i: int, hi: int, head: tuple[str, int, bool], quantity: int | None,
                       definite: bool, fresh: bool, attrs: dict[str, str], stray: list[int], role: str,
                       arrangement: str | None) -> _NounPhrase:
        category, n, plural = head
        conjuncts, self.c.conjunct_refs = self.c.conjunct_refs, []
        if conjuncts:  # the last conjunct of "two red and three blue balls" is a group of its own
            fresh = True
            if quantity is None and plural:
                quantity = 1
        end = i + n
        for k in range(i, end):  # catalog names may carry attribute words ("wooden table", "glass vase")
            attr = _attribute(self.tokens[k])
            if attr is not None and attr[0] not in attrs and catalog.resolve_category(self.tokens[k]) != category:
                attrs[attr[0]] = attr[1]
        phrase = self._source(start, end)
        self._use(start, end)
        self.used.difference_update(stray)  # unknown modifiers ("a modern sofa") are reported as ignored
        group = None
        if not fresh and (definite or quantity is None and not self._has_article(start, i)):
            group = self._refer_back(category, attrs)
        if group is not None:
            for k, v in attrs.items():
                setattr(group, k, getattr(group, k) or v)
        else:
            if quantity is not None:
                count = quantity
            elif self.tokens[start] == "some" and not plural:
                count = 1
            else:
                count = 2 if plural and category not in _BUNCHES else 1
            if count < 1:
                self.warnings.append(f"{phrase!r} asks for no object; left it out")
                return _NounPhrase("none", end)
            group = self._new_group(category, count, phrase, attrs,
                                    bare_plural=plural and quantity is None and category not in _BUNCHES)
        arrangement = arrangement or self.c.pending_arrangement
        self.c.pending_arrangement = None
        if arrangement is not None:
            self._arrange([group.ref], arrangement)
        mention = self._add_mention([*conjuncts, group.ref], start, role)
        self.last_object = (mention, end)
        return _NounPhrase("object", end, mention)

    def _negative(self, i: int) -> bool:
        """A minus sign right before token i, not a range's dash ("3-4")."""
        at = self.spans[i][0]
        return at >= 1 and self.text[at - 1] in "-\u2212" and (at < 2 or not self.text[at - 2].isalnum())

    def _has_article(self, start: int, i: int) -> bool:
        return any(self.tokens[k] in _INDEFINITE for k in range(start, i))

    # ---- relations ------------------------------------------------------------------------------

    def _relate(self, subject: _Mention, predicate: str, obj: _Mention, obj2: _Mention | None = None) -> None:
        subject.placed = True
        obj.object_of, obj.object_pred = subject, predicate
        for s in subject.refs:
            if predicate == "between":
                others = [r for r in obj.refs + (obj2.refs if obj2 else []) if r != s]
                if not others:
                    continue
                first, second = others[0], (others[1] if len(others) > 1 else others[0])
                self._add_relation(s, predicate, first, second)
                continue
            for o in obj.refs:
                if o != s:
                    self._add_relation(s, predicate, o, None)
            if predicate == "around" and self._group(s).bare_plural:
                self._group(s).count = 4  # "chairs around a table": enough to surround it

    def _add_relation(self, s: str, predicate: str, o: str, o2: str | None) -> None:
        rel = (s, predicate, o, o2)
        if rel not in self.relations:
            self.relations.append(rel)

    def _subject_for(self, before: int) -> _Mention | None:
        """The nearest noun phrase not yet placed (else the nearest one), among those before token `before`."""
        candidates = [m for m in reversed(self.c.mentions) if m.pos < before]
        if not candidates:
            return None
        unplaced = [m for m in candidates if not m.placed]
        return unplaced[0] if unplaced else candidates[0]

    def _spread(self, subject: _Mention, predicate: str) -> list[_Mention]:
        """"A mug and a plate on the table", "a cat and a dog on the rug": things of one kind listed
        together share a support ("a sofa and a lamp on a table" puts only the lamp there)."""
        if predicate not in ("on", "in"):
            return [subject]
        run = [m for m in self.c.mentions if m.run == subject.run and not m.placed and m.role == subject.role
               and not m.pronoun]
        cats = [self._group(r).category for m in run for r in m.refs]
        if len(run) > 1 and subject in run and len({self._place(cat) for cat in cats}) == 1:
            return run
        return [subject]

    def _predicate(self, i: int, hi: int, match: tuple[Words, int]) -> int:
        predicate, reverse = _PREDICATES[match[0]]
        start, i = i, i + match[1]
        if match[0] in _CENTRED:
            self.warnings.append(f"{self._source(start, i)!r}: placed on or in it, not necessarily in its middle")
        self._use(start, i)
        subject = self._subject_for(start)
        c = self.c
        if c.last_subject is not None and c.last_relation_end < start and all(
                self.tokens[k] in ("and", ",", "but", "also", "while", "yet") for k in range(c.last_relation_end, start)):
            subject = c.last_subject  # "a lamp behind the bed and in front of the wardrobe": the lamp's, twice
        reciprocal = self._match(_RECIPROCAL, i, hi, longest=2)
        if reciprocal is not None:
            self._use(i, i + 2)
            if subject is not None:
                self._reciprocal(subject, predicate)
            return i + 2
        exclude = set(subject.refs) if subject else set()
        np = self._noun_phrase(i, hi, "object", exclude)
        obj2 = None
        if predicate == "between" and np is not None and np.kind == "object":
            j = np.end
            if j < hi and self.tokens[j] == "and":
                second = self._noun_phrase(j + 1, hi, "object", exclude)
                if second is not None and second.kind == "object":
                    self._use(j, j + 1)
                    obj2, np.end = second.mention, second.end
            if obj2 is None and len(np.mention.refs) == 1 and np.mention.pronoun is False \
                    and self._group(np.mention.refs[0]).count < 2:
                self.warnings.append(f"'between' needs two things: {self._source(start, np.end)!r}; left it out")
                return np.end
        if np is None:
            return self._relation_without_object(start, i, predicate, subject)
        end = np.end
        if np.kind == "room":
            self._set_room(np.value, np.place)
            self.c.last_place_kind = "room"
            return end
        if np.kind == "support":
            self._support_hint(np.value, start)
            return end
        if np.kind == "ground":
            self._set_ground(np.value, np.setting, np.place)
            if predicate in ("on", "in"):  # "sheep on the grass": they stand on the ground
                self._support_hint("floor", start)
            return end
        if np.kind in ("arrangement", "place"):
            self.warnings.append(f"ignored {self._source(start, end)!r}: placements like that are not supported yet")
            return end
        if np.kind == "camera":
            self.warnings.append(f"ignored {self._source(start, end)!r}: relations to the camera are not supported")
            return end
        if np.kind == "unknown":
            self._unknown(np.value)
            return end
        if np.kind != "object":
            return end
        obj = np.mention
        if reverse:
            if subject is not None:
                self._relate(obj, predicate, subject)
            return end
        if subject is None:
            self.c.fronted = (predicate, np)
            return end
        if predicate == "between" and obj2 is None and len(obj.refs) < 2 and obj.pronoun:
            if self._group(obj.refs[0]).count < 2:
                self.warnings.append(f"'between' needs two things: {self._source(start, end)!r}; left it out")
                return end
        if (obj.pronoun and subject.role == "with" and subject.anchor not in (None, _ROOM_ANCHOR)
                and obj.refs == subject.anchor.refs):
            obj.refs = list(self._holder(subject, predicate).refs)
        subject = self._with_anchor_instead(subject, predicate, obj)
        for s in self._spread(subject, predicate):
            self._relate(s, predicate, obj, obj2)
        c.last_subject, c.last_relation_end = subject, end
        return end

    def _reciprocal(self, subject: _Mention, predicate: str) -> None:
        """"five cubes next to each other", "a cat and a dog facing each other", "books on top of each
        other" (a stack)."""
        run = [m for m in self.c.mentions if m.run == subject.run and m.refs and not m.pronoun] or [subject]
        refs = list(dict.fromkeys(r for m in run for r in m.refs))
        subject.placed = True
        if predicate in ("on", "in", "above", "under"):
            self._arrange(refs, "stack")
            return
        if predicate == "between":
            self.warnings.append("ignored 'between each other': 'between' needs two other things")
            return
        for k, r in enumerate(refs):
            if self._group(r).count > 1:
                self._add_relation(r, predicate, r, None)  # the group's members relate to one another
            if k > 0:
                self._add_relation(r, predicate, refs[k - 1], None)
                if predicate == "facing":
                    self._add_relation(refs[k - 1], predicate, r, None)

    def _arrange(self, refs: list[str], kind: str) -> None:
        for r in refs:
            g = self._group(r)
            if g.arrangement not in (None, kind):
                self.warnings.append(f"{g.phrase!r} is said to be both {g.arrangement} and {kind}; kept {g.arrangement}")
            else:
                g.arrangement = kind
                if g.bare_plural:  # "cups in a row": enough to make one
                    g.count = _ARRANGED_BARE_COUNT[kind]

    def _arranged(self, i: int, hi: int, match: tuple[Words, int]) -> int:
        """"three books stacked on a table", "scattered apples", "five cubes in a row"."""
        kind, end = _ARRANGED[match[0]], i + match[1]
        self._use(i, end)
        before = self._subject_for(i)
        ahead = end < hi and (self._category_at(end, hi) is not None or self.tokens[end] in _INDEFINITE
                              or _is_number(self.tokens[end]) or self.tokens[end] in _NUMBER_WORDS)
        if before is not None and before.refs and not (ahead and match[0][0] != "in"):
            self._arrange(before.refs, kind)
        else:
            self.c.pending_arrangement = kind
        return end

    def _with_anchor_instead(self, subject: _Mention, predicate: str, obj: _Mention) -> _Mention:
        """"A vase with flowers on a side table": the flowers are in the vase, so the vase is on the table."""
        anchor = subject.anchor
        if (subject.role != "with" or predicate not in ("on", "in") or anchor is None or anchor is _ROOM_ANCHOR
                or anchor.placed or obj.pronoun or subject.connector is not None):
            return subject
        anchor_places = {self._place(self._group(r).category) for r in anchor.refs}
        obj_places = {self._place(self._group(r).category) for r in obj.refs}
        if anchor_places == {"surface"} and obj_places == {"floor"}:
            return anchor
        return subject

    def _relation_without_object(self, start: int, i: int, predicate: str, subject: _Mention | None) -> int:
        """"A chair with a lamp to the left": the object is the anchor or the thing named before."""
        if subject is None or predicate in ("between", "in", "on", "under", "around"):
            self.used.difference_update(range(start, i))  # reported among the ignored words
            return i
        if subject.role == "with" and subject.anchor not in (None, _ROOM_ANCHOR):
            other = subject.anchor
        else:
            other = next((m for m in reversed(self.c.mentions) if m.pos < subject.pos and m.refs), None)
        if other is None:
            self.used.difference_update(range(start, i))
            return i
        self._relate(subject, predicate, other)
        return i

    def _support_hint(self, hint: str, at: int) -> None:
        """"On the floor" / "on the wall": neither is an object, so it marks the thing it is said of."""
        candidates = [m for m in reversed(self.c.mentions) if m.pos < at and m.refs]
        if not candidates:
            return
        if hint == "wall":
            chosen = next((m for m in candidates if not m.pronoun and all(
                self._place(self._group(r).category) == "wall" for r in m.refs)), None)
            chosen = chosen or next((m for m in candidates if not m.pronoun), candidates[0])
            targets = [chosen]
        else:
            supported = {s for s, p, _, _ in self.relations if p in ("on", "in")}
            free = [m for m in candidates if not m.pronoun and not set(m.refs) & supported]
            if not free:
                return
            targets = [m for m in free if m.run == free[0].run]
        for m in targets:
            for r in m.refs:
                g = self._group(r)
                if hint == "floor" and r in {s for s, p, _, _ in self.relations if p in ("on", "in")}:
                    continue
                g.support_hint = hint

    # ---- negation and exclusion ------------------------------------------------------------------

    def _negation(self, i: int, hi: int) -> int | None:
        """"a table without chairs", "no people", "a mug, not a cup": what is ruled out is recorded and never
        built. "not on the table" keeps the thing off the table (beside it); other negated relations,
        colours and motions cannot be honoured and are warned about, never done."""
        w = self.tokens[i]
        j = i + (2 if w == "with" else 1)
        if w == "except" and j < hi and self.tokens[j] == "for":
            j += 1
        nobody = self._match(_NOBODY, i if w != "with" else i + 1, hi, longest=2)
        if nobody is not None:
            end = (i if w != "with" else i + 1) + nobody[1]
            self._use(i, end)
            self._exclude("person", self._source(i, end))
            return end
        negates_verb = w in ("not", "never") or w.endswith("n't")
        pred = self._match(_PREDICATES, j, hi)
        if negates_verb and pred is not None:
            return self._negated_relation(i, j, hi, pred)
        verb = self._match(_MOTION_VERBS, j, hi, longest=3)
        if negates_verb and verb is not None:
            end = j + verb[1]
            self._use(i, end)
            self.warnings.append(f"{self._source(i, end)!r}: a motion that does not happen; nothing moves for it")
            return end
        if negates_verb and j < hi and _attribute(self.tokens[j]) is not None and self._category_at(j, hi) is None:
            end = j
            while end < hi and _attribute(self.tokens[end]) is not None and self._category_at(end, hi) is None:
                end += 1
            self._use(i, end)
            self.warnings.append(f"{self._source(i, end)!r}: FYI cannot rule out a colour, material or size; "
                                 f"left it open")
            return end
        end, found = j, False
        while True:
            item = self._excluded_item(end, hi)
            if item is None:
                break
            category, end = item
            found = True
            if category is not None:
                self._exclude(category, self._source(i, end))
            k = end
            if k < hi and self.tokens[k] == "," and k + 1 < hi and self.tokens[k + 1] in ("or", "nor", "and"):
                k += 1
            if k + 1 < hi and (self.tokens[k] in ("or", "nor") or (self.tokens[k] in ("and", ",") and not (
                    self.tokens[k + 1] in _INDEFINITE or self.tokens[k + 1] in _DEFINITE
                    or _is_number(self.tokens[k + 1]) or self.tokens[k + 1] in _NUMBER_WORDS))):
                if self._excluded_item(k + 1, hi) is not None:
                    end = k + 1
                    continue
            break
        if not found:
            return None
        self._use(i, end)
        # a placeholder: what is said of the excluded thing ("no chairs around the table") goes with it
        self._add_mention([], i, "free")
        return end

    def _excluded_item(self, k: int, hi: int) -> tuple[str | None, int] | None:
        """(category or None when unknown, end) of a noun phrase at k that is ruled out, without adding it."""
        while k < hi:
            q = self._match(_QUANTITIES, k, hi, longest=3)
            w = self.tokens[k]
            head = self._category_at(k, hi)
            if q is not None:
                k += q[1]
            elif w in _INDEFINITE or w in _DEFINITE or w in ("some", "any", "more", "other") or _is_number(w) \
                    or w in _NUMBER_WORDS:
                k += 1
            elif _attribute(w) is not None and (head is None or (head[1] == 1 and not head[2]
                                                                 and self._np_continues(k + 1, hi))):
                k += 1
            else:
                break
        head = self._category_at(k, hi)
        if head is not None:
            return head[0], k + head[1]
        e = k
        while e < hi and e - k < 2 and not self._is_boundary(e, hi) and self._match(_GROUNDS, e, hi) is None:
            e += 1
        return (None, e) if e > k else None

    def _exclude(self, category: str, words: str) -> None:
        self.excluded.setdefault(category, words)
        self.c.last_place_kind = None

    def _negated_relation(self, i: int, j: int, hi: int, pred: tuple[Words, int]) -> int:
        predicate = _PREDICATES[pred[0]][0]
        subject = self._subject_for(i)
        np = self._noun_phrase(j + pred[1], hi, "object", set(subject.refs) if subject else set())
        end = np.end if np is not None else j + pred[1]
        self._use(i, end)
        said = self._source(i, end)
        if np is None or np.kind != "object" or subject is None or not subject.refs:
            self.warnings.append(f"{said!r}: could not tell what it is said of; left it out")
        elif predicate in ("on", "in"):
            for s in self._spread(subject, predicate):
                self._relate(s, "next_to", np.mention)
            self.warnings.append(f"{said!r}: placed it beside instead")
        else:
            subject.placed = True
            self.warnings.append(f"{said!r}: FYI cannot keep a relation from holding; left it out")
        return end

    def _set_ground(self, ground: str, setting: str | None, place: str | None = None) -> None:
        if self.ground is None:
            self.ground = ground
        elif self.ground != ground:
            self.warnings.append(f"more than one ground named; kept {self.ground!r}, ignored {ground!r}")
        self._set_room(setting, place)
        self.c.last_place_kind = "room"

    def _set_room(self, room: str | None, place: str | None = None) -> None:
        if room is None:
            return
        if room == "outdoors" and place is not None and self.place is None:
            self.place = place  # the first setting named: "a car on the street by the beach" is a street
        if self.room is None:
            self.room = room
        elif self.room != room:
            self.warnings.append(f"more than one room named; kept {self.room!r}, ignored {room!r}")

    def _unknown(self, phrase: str) -> None:
        """An unknown noun is not built, and nothing else is built in its place: a category merely spelt
        alike ("grass", "glass") is a different thing. Where the word names a kind the catalog has
        ("animals", "furniture"), the categories of that kind are listed."""
        kind = _KINDS.get(phrase.split()[-1])
        kinds = sorted(c.name.replace("_", " ") for c in catalog.categories() if c.group == kind) if kind else []
        hint = f"; it names a kind: say which ({', '.join(kinds[:6])}{', ...' if len(kinds) > 6 else ''})" if kinds else ""
        self.unknown.append(phrase)
        self.warnings.append(f"unknown object {phrase!r}: not in the catalog, so not built{hint}")

    def _implicit_predicate(self, anchor_cat: str, cat: str, count: int, connector: str | None) -> str:
        place = self._place(cat)
        if anchor_cat in _CONTAINERS and (connector == "in" or place == "surface"):
            return "in"
        if connector == "in":
            return "on"  # "a bookshelf full of books"
        if connector == "on" or place == "surface":
            return "on"
        if place == "wall":
            return "above"
        if cat in _SEATS and anchor_cat in _TABLES:
            return "around" if count >= 2 else "next_to"
        return "next_to"

    def _can_hold(self, mention: _Mention, predicate: str) -> bool:
        cats = [self._group(r).category for r in mention.refs]
        if predicate == "in":
            return all(cat in _CONTAINERS for cat in cats)
        return all(cat in _CONTAINERS or cat == "plate" or catalog.group_of(cat) == "furniture" for cat in cats)

    def _holder(self, m: _Mention, predicate: str) -> _Mention:
        """The with-anchor, or the nearer noun when only that one can hold things ("a cat on a sofa with cushions")."""
        if (predicate in ("on", "in") and m.alt_anchor is not None and not self._can_hold(m.anchor, predicate)
                and self._can_hold(m.alt_anchor, predicate)):
            return m.alt_anchor
        return m.anchor

    def _flush_with(self) -> None:
        for m in self.c.mentions:
            if m.role != "with" or m.placed or m.pronoun or m.anchor in (None, _ROOM_ANCHOR):
                continue
            anchor = m.anchor
            for r in m.refs:
                g = self._group(r)
                pred = self._implicit_predicate(self._group(anchor.refs[0]).category, g.category, g.count,
                                                m.connector) if anchor.refs else None
                anchor = self._holder(m, pred) if pred else anchor
                for a in anchor.refs:
                    if a != r:
                        pred = self._implicit_predicate(self._group(a).category, g.category, g.count, m.connector)
                        self._add_relation(r, pred, a, None)
            m.placed = True

    # ---- motions --------------------------------------------------------------------------------

    def _motion(self, i: int, hi: int, match: tuple[Words, int]) -> int | None:
        verb = _MOTION_VERBS[match[0]]
        end = i + match[1]
        c = self.c
        subject: _Mention | None = None
        camera = False
        last = next((m for m in reversed(c.mentions) if m.role != "object"), None)
        last_any = c.mentions[-1] if c.mentions else None
        if c.camera_pos is not None and (last_any is None or last_any.pos < c.camera_pos):
            camera = True
        elif last is not None:
            subject = last
        elif last_any is not None:
            subject = last_any
        else:
            # imperative: "orbit the camera around the table", "push the box to the left"
            ahead = self._noun_phrase(end, hi, "free")
            if ahead is not None and ahead.kind == "camera":
                camera, end = True, ahead.end
            elif ahead is not None and ahead.kind == "object" and verb not in _CAMERA_VERBS:
                subject, end = ahead.mention, ahead.end
            elif verb in _CAMERA_VERBS:
                camera = True
                if ahead is not None and ahead.kind == "object":
                    c.motions = [_MotionDraft(CAMERA, verb, None, target=ahead.mention.refs[0])]
                    c.motion_verb_end = -1
                    self._use(i, i + match[1])
                    return ahead.end
            elif ahead is not None and ahead.kind == "unknown":
                self._unknown(ahead.value)
                return ahead.end
            else:
                return None
        if camera and verb == "spin":
            verb = "orbit"  # "the camera rotates around the table"
        self._use(i, i + match[1])
        subjects = [CAMERA] if camera else list(subject.refs)
        c.motions = [_MotionDraft(s, verb, None if camera else subject) for s in subjects]
        said = set(match[0])
        implied = "down" if verb == "fall" or said & _DOWNWARD or "down" in said else (
            "up" if said & _UPWARD else None)
        if implied is not None:
            for d in c.motions:
                d.direction = implied
        c.motion_verb_end = end
        return end

    def _motion_phrase(self, i: int, hi: int) -> int | None:
        """Directions and where-from/where-to phrases after a motion verb; None if none starts at i."""
        c = self.c
        direction = self._match(_DIRECTIONS, i, hi)
        start = self._match(_MOTION_STARTS, i, hi)
        goal = self._match(_MOTION_GOALS, i, hi)
        pred = self._match(_PREDICATES, i, hi)
        best = max((m[1] for m in (direction, start, goal, pred) if m is not None), default=0)
        if best == 0:
            return None
        if direction is not None and direction[1] == best:
            for d in c.motions:
                if _DIRECTIONS[direction[0]] != "down" or d.verb != "fall" or d.direction is None:
                    d.direction = _DIRECTIONS[direction[0]]
            self._use(i, i + best)
            return i + best
        if start is not None and start[1] == best:
            np = self._noun_phrase(i + best, hi, "object")
            self._use(i, i + best)
            if np is not None and np.kind == "place" and np.end + 1 < hi and self.tokens[np.end] == "of":
                self._use(np.end, np.end + 1)  # "off the edge of the table": off the table
                np = self._noun_phrase(np.end + 1, hi, "object")
            if np is None:
                return i + best
            if np.kind == "object":
                for d in c.motions:
                    if d.verb == "retreat" and d.target is None:
                        d.target = np.mention.refs[0]  # "the camera moves away from the sofa"
                    elif d.subject_mention is not None:
                        self._relate(d.subject_mention, "on", np.mention)
                        if start[0] in (("off",), ("off", "of")) and d.verb in ("move", "roll", "slide"):
                            # rolling off a table's edge is falling off it, over the edge it was going to
                            d.verb, d.direction = "fall", d.direction if d.direction not in (None, "up") else "down"
            elif np.kind == "unknown":
                self._unknown(np.value)
            elif np.kind == "ground":
                self._set_ground(np.value, np.setting, np.place)
            return np.end
        camera_verbs = all(d.verb in _CAMERA_VERBS for d in c.motions)
        is_goal = goal is not None and goal[1] == best
        if not is_goal and pred is not None and pred[1] == best and all(d.subject != CAMERA for d in c.motions):
            return self._motion_place(i, hi, pred)
        if is_goal and goal[0] in _MOTION_PATHS and all(d.subject != CAMERA for d in c.motions):
            return self._motion_place(i, hi, goal)
        if is_goal or (pred is not None and pred[1] == best and all(d.target is None for d in c.motions) and
                       (camera_verbs or _PREDICATES[pred[0]][0] not in ("on", "in"))):
            words = goal[0] if is_goal else pred[0]
            np = self._noun_phrase(i + best, hi, "object")
            self._use(i, i + best)
            if words in (("closer", "to"), ("nearer", "to"), ("close", "to")):
                for d in c.motions:
                    if d.verb == "move" and d.subject == CAMERA:
                        d.verb = "approach"
            if np is None:
                return i + best
            if np.kind == "camera":
                for d in c.motions:
                    d.direction = "away" if words == ("away", "from") else "toward_camera"
            elif np.kind == "object":
                for d in c.motions:
                    if words == ("away", "from") and d.verb == "move":
                        d.verb = "retreat"
                    if words in (("around",), ("round",), ("all", "around")) and d.subject == CAMERA:
                        d.verb = "orbit"
                    if d.target is None and np.mention.refs[0] != d.subject:
                        d.target = np.mention.refs[0]
            elif np.kind == "unknown":
                self._unknown(np.value)
            elif np.kind == "room":
                self._set_room(np.value, np.place)
            elif np.kind == "ground":
                self._set_ground(np.value, np.setting, np.place)
            return np.end
        return None

    def _motion_place(self, i: int, hi: int, match: tuple[Words, int]) -> int | None:
        """A place phrase inside a motion clause ("rolls to the left in front of a sofa", "walks past the
        sofa"): it places the mover; the move keeps its own direction and no target cuts it short.
        "to the left of X" also gives the direction."""
        words = match[0]
        if words in _PREDICATES and _PREDICATES[words][0] in ("on", "in", "between"):
            return None  # read as an ordinary relation: "falls from the table onto the floor", "between A and B"
        np = self._noun_phrase(i + match[1], hi, "object")
        self._use(i, i + match[1])
        if np is None or np.kind != "object":
            if np is not None and np.kind == "unknown":
                self._unknown(np.value)
            elif np is not None and np.kind == "room":
                self._set_room(np.value, np.place)
            return i + match[1] if np is None else np.end
        if words in _PREDICATES:
            predicate = _PREDICATES[words][0]
        else:
            holder = self._group(np.mention.refs[0]).category in _TABLES
            predicate = "on" if words in (("across",), ("along",)) and holder else "near"
        if predicate in ("left_of", "right_of") and words[0] == "to":
            for d in self.c.motions:
                if d.direction is None:
                    d.direction = "left" if predicate == "left_of" else "right"
        for d in self.c.motions:
            if d.subject_mention is not None:
                self._relate(d.subject_mention, predicate, np.mention)
        return np.end

    def _close_motions(self) -> None:
        lo, hi = self.clause_span
        text = self._source(lo, hi).strip().rstrip(",;:").strip()
        if self.c.motions:
            self.used.update(k for k in range(lo, hi) if self.tokens[k] in SPEED_WORDS)  # the planner reads them
        for d in self.c.motions:
            self.motions.append(RequestedMotion(subject=d.subject, verb=d.verb, target=d.target,
                                                direction=d.direction, text=text))
        self.c.motions = []

    # ---- clauses --------------------------------------------------------------------------------

    def read(self) -> None:
        lo = 0
        n = len(self.tokens)
        for k in range(n + 1):
            if k == n or self.tokens[k] in _CLAUSE_ENDS or self.tokens[k] == "then":
                if k < n:
                    self._use(k, k + 1)
                if k > lo:
                    self._clause(lo, k)
                lo = k + 1

    def _clause(self, lo: int, hi: int) -> None:
        self.c = _Clause()
        self.clause_span = (lo, hi)
        i = lo
        while i < hi:
            j = self._step(i, hi)
            i = j if j > i else i + 1
        if self.c.fronted is not None:
            pred, np = self.c.fronted
            self.warnings.append(f"could not tell what is {pred.replace('_', ' ')} {np.mention.refs[0]!r}")
        if self.c.pending_arrangement is not None:
            self.warnings.append(f"could not tell what is {self.c.pending_arrangement}ed: "
                                 f"{self._source(lo, hi)!r}; laid out as usual")
        self._flush_with()
        self._close_motions()

    def _step(self, i: int, hi: int) -> int:
        c = self.c
        w = self.tokens[i]
        if w in _PUNCT or w in ("and", "or", "but", "plus"):
            self._use(i, i + 1)
            return i + 1
        if _DURATION.match(w):
            j = i + 1
            while j < hi and (_is_number(self.tokens[j]) or _is_decimal(self.tokens[j]) or self.tokens[j] in _NUMBER_WORDS
                              or self.tokens[j] in ("a", "an", "few", "couple", "of", "half")):
                j += 1
            if j > i + 1 and j < hi and self.tokens[j] in _DURATION_UNITS:
                self._use(i, j + 1)  # durations stay in the motion's text
                return j + 1
        if w in _NEGATORS or w.endswith("n't") or (w == "with" and i + 1 < hi and self.tokens[i + 1] in ("no", "zero")):
            j = self._negation(i, hi)
            if j is not None:
                return j
        arranged = self._match(_ARRANGED, i, hi)
        if arranged is not None:
            return self._arranged(i, hi, arranged)
        if w in ("made", "painted", "colored", "coloured") and i + 1 < hi:
            return self._postnominal(i, hi)
        verb = self._match(_MOTION_VERBS, i, hi, longest=3)
        if verb is not None and (c.mentions or c.camera_pos is not None or i == self.clause_span[0]
                                 or self.tokens[i - 1] in _FUNCTION_WORDS):
            if not (self._category_at(i + len(verb[0]), hi) and c.mentions and verb[0][0].endswith("ing")):
                if c.motions:
                    self._close_motions()
                j = self._motion(i, hi, verb)
                if j is not None:
                    return j
        if c.motions:
            j = self._motion_phrase(i, hi)
            if j is not None:
                return j
        connector = self._match(_CONNECTORS, i, hi, longest=2)
        predicate = self._match(_PREDICATES, i, hi)
        if connector is not None and not (predicate is not None and predicate[1] > connector[1]):
            return self._connector(i, connector)
        if predicate is not None:
            return self._predicate(i, hi, predicate)
        role = "with" if c.with_active else "free"
        np = self._noun_phrase(i, hi, role)
        if np is not None:
            return self._free_phrase(i, np)
        attr = _attribute(w)
        if attr is not None and c.mentions:
            self._apply_attribute(c.mentions[-1], attr)
            self._use(i, i + 1)
            return i + 1
        return i + 1

    def _postnominal(self, i: int, hi: int) -> int:
        """"a table made of oak", "a ball painted red": attributes after the noun."""
        j = i + 1
        if j < hi and self.tokens[j] in ("of", "from", "out", "in"):
            j += 1 + (j + 1 < hi and self.tokens[j + 1] == "of")
        if j < hi and _attribute(self.tokens[j]) is not None and self.c.mentions:
            self._apply_attribute(self.c.mentions[-1], _attribute(self.tokens[j]))
            self._use(i, j + 1)
            return j + 1
        return i + 1

    def _apply_attribute(self, m: _Mention, attr: tuple[str, str]) -> None:
        for r in m.refs:
            g = self._group(r)
            if getattr(g, attr[0]) is None:
                setattr(g, attr[0], attr[1])

    def _connector(self, i: int, match: tuple[Words, int]) -> int:
        c = self.c
        self._use(i, i + match[1])
        last = c.mentions[-1] if c.mentions else None
        alt = None
        if c.last_place_kind == "room" or last is None:
            anchor = _ROOM_ANCHOR
        else:
            anchor = last
            if last.role == "with" and not last.placed and last is not c.with_first:
                # "a bowl with apples and a vase with flowers": the vase heads a with-phrase of its own
                last.role, last.anchor, last.alt_anchor, last.connector = "free", None, None, None
            # "a television on a cabinet with a clock above it": the with-phrase belongs to the television,
            # unless the nearer noun is the only one that can hold what comes (see _holder)
            if (last.role == "object" and last.object_of is not None and not last.pronoun
                    and last.object_pred in ("on", "in")):
                anchor, alt = last.object_of, last
        self._flush_with()
        c.anchor, c.connector, c.with_active, c.run_open = anchor, _CONNECTORS[match[0]], True, False
        c.alt_anchor, c.with_first = alt, None
        c.last_place_kind = None
        if c.motions and anchor is not _ROOM_ANCHOR:
            self._close_motions()
        return i + match[1]

    def _free_phrase(self, i: int, np: _NounPhrase) -> int:
        c = self.c
        if np.kind == "camera":
            c.camera_pos = i
            c.run_open = False
            return np.end
        if np.kind == "room":
            self._set_room(np.value, np.place)
            c.last_place_kind = "room"
            return np.end
        if np.kind == "unknown":
            self._unknown(np.value)
            return np.end
        if np.kind == "ground":  # "a grassy field with two sheep"
            self._set_ground(np.value, np.setting, np.place)
            return np.end
        if np.kind in ("arrangement", "place", "support"):
            if np.kind != "support":
                self.warnings.append(f"ignored {np.value!r}: placements like that are not supported yet")
            else:
                self.used.difference_update(range(i, np.end))
            return np.end
        if np.kind != "object":
            return np.end
        c.last_place_kind = None
        m = np.mention
        if c.motions:
            if i == c.motion_verb_end and all(d.verb in _TAKES_DIRECT_OBJECT for d in c.motions):
                m.role = "object"
                c.run_open = False
                for d in c.motions:
                    if d.target is None and m.refs[0] != d.subject:
                        d.target = m.refs[0]
                return np.end
            if not m.pronoun:
                self._close_motions()
        if c.fronted is not None:
            pred, obj = c.fronted
            c.fronted = None
            self._relate(m, pred, obj.mention)
        return np.end

    # ---- result ---------------------------------------------------------------------------------

    def request(self) -> Request:
        ignored = [self.tokens[k] for k in range(len(self.tokens)) if k not in self.used
                   and self.tokens[k] not in _PUNCT and self.tokens[k] not in _FUNCTION_WORDS]
        if ignored:
            self.warnings.append(f"ignored words: {', '.join(dict.fromkeys(ignored))}")
        objects = [RequestedObject(ref=g.ref, category=g.category, count=g.count, phrase=g.phrase,
                                   attributes=Attributes(color=g.color, material=g.material, size=g.size),
                                   support_hint=g.support_hint, arrangement=g.arrangement) for g in self.groups]
        relations = [RequestedRelation(subject=s, predicate=p, object=o, object2=o2) for s, p, o, o2 in self.relations]
        excluded = []
        for category, words in self.excluded.items():
            asked = next((g for g in self.groups if g.category == category), None)
            if asked is None:
                excluded.append(category)
            else:  # "a mug, not a cup": one category to the catalog
                self.warnings.append(f"{words!r} rules out {category.replace('_', ' ')}, which {asked.phrase!r} "
                                     f"asks for; built what was asked")
        return Request(instruction=self.text, objects=objects, relations=relations, room=self.room,
                       ground=self.ground, setting=self.place if self.room == "outdoors" else None,
                       motions=self.motions, excluded=excluded,
                       warnings=list(dict.fromkeys(self.warnings)))


def parse_instruction(text: str) -> Request:
    """Read an instruction into a Request: objects with counts and attributes, relations, room, motions.

    Raises FyiError when the instruction is empty or names no object the catalog knows, unless it asks
    for emptiness ("an empty room": a request with no object).
    """
    if not isinstance(text, str) or not text.strip():
        raise FyiError("instruction: it is empty; describe what to build, e.g. 'a red mug on a wooden table'")
    reader = _InstructionReader(text)
    reader.read()
    if not reader.groups and not reader.unknown and _EMPTINESS & set(reader.tokens):
        # "an empty room", "a bare kitchen with nothing in it": asked for, so built, with no object
        reader.used.update(k for k, w in enumerate(reader.tokens) if w in _EMPTINESS)
        request = reader.request()
        return request.model_copy(update={"room": request.room or "empty_room"})
    if not reader.groups:
        shown = " ".join(text.split())
        shown = shown if len(shown) <= 80 else shown[:77] + "..."
        unknown = f"; unknown: {', '.join(reader.unknown)}" if reader.unknown else ""
        unknown += f"; ruled out: {', '.join(reader.excluded.values())}" if reader.excluded else ""
        raise FyiError(f"instruction: found no object to build in {shown!r}{unknown}")
    return reader.request()


__all__ = ["MAX_COUNT", "SPEED_WORDS", "parse_instruction"]
