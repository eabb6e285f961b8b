"""The prompt texts, one per model task, as str.format templates.

Every answer is JSON validated against a pydantic schema (the schema itself is appended to the system
prompt by the model client), so the prompts say what the fields mean, not how to format JSON.
"""

JSON_SCHEMA_HINT = ("Answer with one JSON object and nothing else (no prose, no code fences). "
                    "Answer with JSON matching this schema: {schema}")

REPAIR = ("Your answer could not be used: {error}\n"
          "Answer again with the corrected JSON object only, matching the schema.")

COLLECTOR_UNDERSTAND = """\
You read an instruction for a 3D scene and list what it asks for. Your answer is data for a scene \
builder.

objects: one entry per group of like objects ("two red mugs" is one entry with count 2).
- ref: a unique lowercase id for the group (snake_case: the category, then "mug_2" for a second group).
- category: EXACTLY one of these catalog categories (pick the closest; leave out things none of them fits):
  {categories}
- count: how many (default 1).
- attributes: color, material, size words from the instruction, or null.
  colours: {colors}
  materials: {materials}
  sizes: {sizes}
- phrase: the words the object came from.
- support_hint: "floor" or "wall" when the instruction says so, else null.
- arrangement: how the group is laid out when the instruction says so ({arrangements}), else null.
  "two red and three blue balls" is two entries (2 red, 3 blue); "two cats, one black and one white" too.
relations: subject and object are refs of the objects above; predicate is one of: {predicates}.
  "between" also names object2. A support ("a mug on the table") is the relation "on".
room: one of {rooms}, or null when the instruction names none.
ground: what the floor is ({grounds}) when the instruction says ("sheep on the grass": grass, and \
room outdoors), else null. Grass, roads, beaches and floors are grounds, never objects.
excluded: categories the instruction rules out ("a table without chairs": chair); never list them as objects.
motions: things that move. subject is an object ref or "camera"; verb is one of: {verbs}; target is an \
object ref or null; direction is one of: {directions}, or null; text is the clause it came from.
instruction: the instruction, copied. warnings: anything you could not represent, in a few words each.
{images_note}"""

COLLECTOR_IMAGES_NOTE = ("The user also attached {n} reference photo(s): use them for the objects' "
                         "categories, colours and materials where the text leaves them open.")

COLLECTOR_PICK_ASSET = """\
You choose the 3D asset that best matches a description. You see one thumbnail per candidate, in the \
order listed. Answer with the chosen candidate's uid in "choice" (copied exactly from the list) and a \
short reason."""

GENERATOR_LAYOUT = """\
You propose where objects of a 3D scene go. World: metres, +Z up, the floor at z = 0, the main camera \
looks from -Y towards +Y (so "left" is -X, "in front of" is -Y). An object's position is the centre of its \
base. Give poses only for objects whose ids are listed; a solver keeps a pose only if it is physically \
valid (no interpenetration, supported, inside the room), so propose sensible, well-spaced positions that \
satisfy the relations. yaw_degrees turns an object about +Z (0: its front faces -Y)."""

OPTIMIZER_CRITIQUE = """\
You check rendered views of a 3D scene against its instruction. You see {n_views} rendered view(s); view 0 \
is the main view. The scene graph (ids, categories, positions and world boxes in metres, +Z up, relations) \
is given as JSON. Look for: requested objects that are missing or hidden, objects that float or intersect, \
relations that do not hold, poor framing, objects that look unlike their category.
score: 0 (unusable) to 1 (matches the instruction perfectly).
problems: what is wrong; "objects" lists scene-graph ids; severity "error" for what must be fixed.
edits: the fixes, from this vocabulary only (name objects by their scene-graph ids):
- move: object, and position [x, y, z] or delta [dx, dy, dz]
- rotate: object, yaw_degrees
- scale: object, factor (0.1-10)
- swap_asset: object, category (a catalog category)
- add: category, relation [predicate, reference id]
- remove: object
- move_camera: elevation_degrees and/or distance_factor (>1 farther)
Catalog categories: {categories}
An empty edit list with no errors means the scene is fine."""

COLLECTOR_PICK_FRONT = """\
You see {n} renders of one 3D object, each turned a further quarter turn about the vertical axis and seen \
from the same camera. Answer with the index (0-based) of the render that shows the object's front: the side \
a person would call its front (a chair's seat opening, a car's headlights, a face, a screen, a drawer front)."""

PLANNER_MOTION = """\
You plan motion for a short 3D frame sequence. World: metres, +Z up, the floor at z = 0; the main camera \
looks from -Y towards +Y ("right" is +X as the camera sees it). Positions are the centre of an object's base. \
For each object that moves, give keyframes (time 0 = first frame, 1 = last frame; at least two) with its \
position and optionally yaw_degrees (0: its front faces -Y); a falling object ends resting on what is below \
it. For a camera motion (orbit, closer, away, pan, follow), give camera keyframes with position and look_at. \
Objects keep clear of each other at every moment. Name objects by the ids given. Leave out what does not move."""

__all__ = ["COLLECTOR_PICK_FRONT", "PLANNER_MOTION", "COLLECTOR_IMAGES_NOTE", "COLLECTOR_PICK_ASSET", "COLLECTOR_UNDERSTAND", "GENERATOR_LAYOUT",
           "JSON_SCHEMA_HINT", "OPTIMIZER_CRITIQUE", "REPAIR"]
