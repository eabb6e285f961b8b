"""The one table of COCO category ids: COCO's own 80 classes, then FYI's other categories.

Every coco.json FYI writes (one scene's, a farm's merged one) takes its category ids and names from
here, so a COCO-pretrained model scores FYI data without a remapping and two datasets agree:

- COCO's 80 classes keep COCO's official ids (1-90, with COCO's gaps) and names, exactly as in
  instances_val2017.json ("cup", "couch", "dining table", "sports ball", "cell phone"...). FYI
  categories that are COCO classes under another name ("mug" is COCO's "cup") map to that class.
- FYI's other catalog categories have fixed ids from 91 on, in the order of OTHER below, under
  FYI's own names ("coffee_table").
  The rule: a new category is appended to the end of OTHER and takes the next id. Nothing is ever
  reordered, renamed or removed, so no id changes meaning (tests/test_farm.py holds the catalog to it).
- Any other name (a category from an asset folder or Objaverse that the catalog does not know) gets
  FOREIGN_BASE + crc32(name) mod 10**6: the same id for the same name in every dataset.

This module imports nothing heavy: the tests, the benches and the exporters all read it.
"""
from __future__ import annotations

import re
import zlib
from typing import NamedTuple


class CocoCategory(NamedTuple):
    id: int
    name: str  # as written in the coco.json ("dining table" for COCO's classes, "coffee_table" for FYI's)
    supercategory: str
    fyi: str  # FYI's catalog name of the category ("table" for COCO's "dining table")


# (id, COCO name, COCO supercategory) of instances_val2017.json, in COCO's order
COCO_CLASSES = (
    (1, "person", "person"), (2, "bicycle", "vehicle"), (3, "car", "vehicle"), (4, "motorcycle", "vehicle"),
    (5, "airplane", "vehicle"), (6, "bus", "vehicle"), (7, "train", "vehicle"), (8, "truck", "vehicle"),
    (9, "boat", "vehicle"), (10, "traffic light", "outdoor"), (11, "fire hydrant", "outdoor"),
    (13, "stop sign", "outdoor"), (14, "parking meter", "outdoor"), (15, "bench", "outdoor"), (16, "bird", "animal"),
    (17, "cat", "animal"), (18, "dog", "animal"), (19, "horse", "animal"), (20, "sheep", "animal"),
    (21, "cow", "animal"), (22, "elephant", "animal"), (23, "bear", "animal"), (24, "zebra", "animal"),
    (25, "giraffe", "animal"), (27, "backpack", "accessory"), (28, "umbrella", "accessory"),
    (31, "handbag", "accessory"), (32, "tie", "accessory"), (33, "suitcase", "accessory"), (34, "frisbee", "sports"),
    (35, "skis", "sports"), (36, "snowboard", "sports"), (37, "sports ball", "sports"), (38, "kite", "sports"),
    (39, "baseball bat", "sports"), (40, "baseball glove", "sports"), (41, "skateboard", "sports"),
    (42, "surfboard", "sports"), (43, "tennis racket", "sports"), (44, "bottle", "kitchen"),
    (46, "wine glass", "kitchen"), (47, "cup", "kitchen"), (48, "fork", "kitchen"), (49, "knife", "kitchen"),
    (50, "spoon", "kitchen"), (51, "bowl", "kitchen"), (52, "banana", "food"), (53, "apple", "food"),
    (54, "sandwich", "food"), (55, "orange", "food"), (56, "broccoli", "food"), (57, "carrot", "food"),
    (58, "hot dog", "food"), (59, "pizza", "food"), (60, "donut", "food"), (61, "cake", "food"),
    (62, "chair", "furniture"), (63, "couch", "furniture"), (64, "potted plant", "furniture"), (65, "bed", "furniture"),
    (67, "dining table", "furniture"), (70, "toilet", "furniture"), (72, "tv", "electronic"),
    (73, "laptop", "electronic"), (74, "mouse", "electronic"), (75, "remote", "electronic"),
    (76, "keyboard", "electronic"), (77, "cell phone", "electronic"), (78, "microwave", "appliance"),
    (79, "oven", "appliance"), (80, "toaster", "appliance"), (81, "sink", "appliance"),
    (82, "refrigerator", "appliance"), (84, "book", "indoor"), (85, "clock", "indoor"), (86, "vase", "indoor"),
    (87, "scissors", "indoor"), (88, "teddy bear", "indoor"), (89, "hair drier", "indoor"),
    (90, "toothbrush", "indoor"),
)

# COCO classes FYI's catalog registers under another name (the COCO name is a synonym there)
FYI_NAME = {"couch": "sofa", "dining table": "table", "cup": "mug", "refrigerator": "fridge", "cell phone": "phone",
            "sports ball": "ball"}

# FYI's catalog categories that are not COCO classes, with their group: ids 91, 92, ... in this order.
# Append new categories at the end; never reorder, rename or remove (that would change an id's meaning).
OTHER = (
    ("armchair", "furniture"), ("basket", "indoor"), ("bookshelf", "furniture"), ("box", "indoor"),
    ("bread", "food"), ("cabinet", "furniture"), ("candle", "kitchen"), ("coffee_table", "furniture"),
    ("cone", "primitives"), ("counter", "furniture"), ("cube", "primitives"), ("cylinder", "primitives"),
    ("desk", "furniture"), ("duck", "animal"), ("floor_lamp", "indoor"), ("flower", "plants"),
    ("glass", "kitchen"), ("kettle", "kitchen"), ("lamp", "indoor"), ("lemon", "food"), ("mirror", "indoor"),
    ("monitor", "electronic"), ("nightstand", "furniture"), ("office_chair", "furniture"), ("open_box", "indoor"),
    ("pear", "food"), ("picture", "indoor"), ("pillow", "indoor"), ("plate", "kitchen"), ("pyramid", "primitives"),
    ("rug", "furniture"), ("side_table", "furniture"), ("sphere", "primitives"), ("stool", "furniture"),
    ("torus", "primitives"), ("trash_can", "indoor"), ("tree", "plants"), ("wall_shelf", "indoor"),
    ("wardrobe", "furniture"),
    # issue 15: the LVIS vocabulary and the cut bunch a vase holds (appended; see the rule above)
    ("air_conditioner", "appliance"), ("alarm_clock", "indoor"), ("apron", "clothing"), ("avocado", "food"),
    ("baby_buggy", "vehicle"), ("balloon", "indoor"), ("bandanna", "clothing"), ("banner", "outdoor"),
    ("barrel", "outdoor"), ("baseball", "sports"), ("baseball_base", "sports"), ("baseball_cap", "clothing"),
    ("bath_mat", "indoor"), ("bath_towel", "indoor"), ("bathtub", "furniture"), ("beanie", "clothing"),
    ("bedspread", "indoor"), ("beef", "food"), ("bell", "outdoor"), ("bell_pepper", "food"),
    ("billboard", "outdoor"), ("blackboard", "indoor"), ("blanket", "indoor"), ("blender", "appliance"),
    ("blouse", "clothing"), ("blueberry", "food"), ("boot", "clothing"), ("bracelet", "accessory"),
    ("bridal_gown", "clothing"), ("bucket", "outdoor"), ("bun", "food"), ("buoy", "outdoor"), ("butter", "food"),
    ("calendar", "indoor"), ("candle_holder", "indoor"), ("cap", "clothing"), ("cauliflower", "food"),
    ("celery", "food"), ("chandelier", "indoor"), ("choker", "accessory"), ("chopping_board", "kitchen"),
    ("chopstick", "kitchen"), ("christmas_tree", "indoor"), ("clock_tower", "outdoor"), ("coaster", "kitchen"),
    ("coat", "clothing"), ("coffee_maker", "appliance"), ("condiment", "kitchen"), ("cookie", "food"),
    ("cooler", "outdoor"), ("cowboy_hat", "clothing"), ("cucumber", "food"), ("cupcake", "food"),
    ("curtain", "indoor"), ("cut_flowers", "plants"), ("deck_chair", "outdoor"), ("dishtowel", "kitchen"),
    ("dishwasher", "appliance"), ("dixie_cup", "kitchen"), ("dog_collar", "accessory"), ("doll", "indoor"),
    ("dress", "clothing"), ("dress_suit", "clothing"), ("duffel_bag", "accessory"), ("earphone", "electronic"),
    ("earring", "accessory"), ("edible_corn", "food"), ("egg", "food"), ("fan", "appliance"), ("faucet", "kitchen"),
    ("figurine", "indoor"), ("fire_alarm", "indoor"), ("fire_engine", "vehicle"), ("fire_extinguisher", "indoor"),
    ("fireplace", "furniture"), ("fish", "animal"), ("flag", "outdoor"), ("flagpole", "outdoor"),
    ("flip_flop", "clothing"), ("flower_arrangement", "plants"), ("flowerpot", "indoor"), ("frying_pan", "kitchen"),
    ("goggles", "accessory"), ("grape", "food"), ("green_bean", "food"), ("green_onion", "food"),
    ("grill", "outdoor"), ("guitar", "indoor"), ("hairbrush", "indoor"), ("ham", "food"), ("hand_towel", "indoor"),
    ("hat", "clothing"), ("headband", "accessory"), ("helmet", "clothing"), ("home_plate", "sports"),
    ("hose", "outdoor"), ("ipod", "electronic"), ("jacket", "clothing"), ("jean", "clothing"),
    ("jersey", "clothing"), ("key", "indoor"), ("knee_pad", "sports"), ("ladder", "outdoor"),
    ("lamppost", "outdoor"), ("lanyard", "accessory"), ("lettuce", "food"), ("life_buoy", "outdoor"),
    ("life_jacket", "clothing"), ("lightbulb", "indoor"), ("log", "outdoor"), ("magazine", "indoor"),
    ("mailbox", "outdoor"), ("manhole", "outdoor"), ("map", "indoor"), ("marker", "indoor"), ("mask", "accessory"),
    ("mattress", "furniture"), ("microphone", "electronic"), ("milk", "kitchen"), ("minivan", "vehicle"),
    ("mousepad", "electronic"), ("mushroom", "food"), ("napkin", "kitchen"), ("necklace", "accessory"),
    ("newspaper", "indoor"), ("oar", "sports"), ("onion", "food"), ("ottoman", "furniture"), ("paddle", "sports"),
    ("pajamas", "clothing"), ("pan", "kitchen"), ("paper_plate", "kitchen"), ("paper_towel", "kitchen"),
    ("pastry", "food"), ("pen", "indoor"), ("pencil", "indoor"), ("pepper", "kitchen"),
    ("photo_camera", "electronic"), ("piano", "furniture"), ("pickle", "food"), ("pineapple", "food"),
    ("pitcher", "kitchen"), ("place_mat", "kitchen"), ("plastic_bag", "accessory"), ("polo_shirt", "clothing"),
    ("pop", "kitchen"), ("pot", "kitchen"), ("potato", "food"), ("printer", "electronic"), ("quilt", "indoor"),
    ("radiator", "appliance"), ("railcar", "vehicle"), ("salad", "food"), ("saltshaker", "kitchen"),
    ("sandal", "clothing"), ("sausage", "food"), ("scale", "indoor"), ("scarf", "clothing"),
    ("scoreboard", "outdoor"), ("scrubbing_brush", "indoor"), ("shirt", "clothing"), ("shoe", "clothing"),
    ("shopping_bag", "accessory"), ("short_pants", "clothing"), ("shower_curtain", "indoor"),
    ("shower_head", "indoor"), ("signboard", "outdoor"), ("ski_boot", "sports"), ("ski_parka", "clothing"),
    ("ski_pole", "sports"), ("skirt", "clothing"), ("soap", "indoor"), ("sock", "clothing"), ("soup", "food"),
    ("spatula", "kitchen"), ("speaker", "electronic"), ("statue", "outdoor"), ("storage_tank", "outdoor"),
    ("straw", "kitchen"), ("strawberry", "food"), ("street_sign", "outdoor"), ("streetlight", "outdoor"),
    ("suit", "clothing"), ("sunglasses", "accessory"), ("sweater", "clothing"), ("sweatshirt", "clothing"),
    ("swimsuit", "clothing"), ("tablecloth", "kitchen"), ("tank_top", "clothing"), ("tarp", "outdoor"),
    ("telephone_pole", "outdoor"), ("tennis_ball", "sports"), ("thermostat", "electronic"), ("tin_can", "kitchen"),
    ("tinfoil", "kitchen"), ("tissue_paper", "indoor"), ("toaster_oven", "appliance"), ("toilet_tissue", "indoor"),
    ("tomato", "food"), ("tongs", "kitchen"), ("toothpaste", "indoor"), ("toothpick", "kitchen"),
    ("towel", "indoor"), ("towel_rack", "indoor"), ("toy", "indoor"), ("trailer_truck", "vehicle"),
    ("tray", "kitchen"), ("tripod", "electronic"), ("trousers", "clothing"), ("underwear", "clothing"),
    ("urinal", "furniture"), ("vest", "clothing"), ("wall_socket", "indoor"), ("wallet", "accessory"),
    ("watch", "accessory"), ("watermelon", "food"), ("weathervane", "outdoor"), ("wet_suit", "clothing"),
    ("wheel", "vehicle"), ("wristband", "accessory"), ("snowman", "outdoor"), ("sled", "outdoor"),
)
FIRST_OTHER_ID = 91
FOREIGN_BASE = 1_000_000  # ids of names the table does not hold start here, far above any table id


def snake(name: str) -> str:
    """A category name as lowercase snake_case ("Coffee Table" -> "coffee_table"), FYI's spelling."""
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


COCO = tuple(CocoCategory(i, name, sup, FYI_NAME.get(name, snake(name))) for i, name, sup in COCO_CLASSES)
TABLE = COCO + tuple(CocoCategory(FIRST_OTHER_ID + k, name, group, name) for k, (name, group) in enumerate(OTHER))
# Lookup by FYI's name and by the snake_case COCO name ("dining_table" from an asset folder is COCO's too)
_BY_NAME = {**{snake(c.name): c for c in COCO}, **{c.fyi: c for c in TABLE}}


def coco_category(category: str) -> CocoCategory:
    """The fixed COCO category of an object category (FYI's catalog name, a COCO name, or any other)."""
    name = snake(category)
    known = _BY_NAME.get(name)
    if known is not None:
        return known
    return CocoCategory(FOREIGN_BASE + zlib.crc32(name.encode()) % 10**6, name, "object", name)
