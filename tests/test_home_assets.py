"""Bathroom, household and office categories (assets/procedural/bath.py, household.py, office.py): the
properties a scene relies on beyond the catalog-wide checks of test_assets.py and test_vocabulary.py."""
from __future__ import annotations

import pytest

from fyi.assets.catalog import build_asset, info, resolve_category

SEEDS = (0, 1, 2)
WALL_THINGS = ("curtain", "shower_curtain", "calendar", "map", "blackboard", "thermostat", "fire_alarm", "wall_socket",
               "air_conditioner", "towel_rack", "shower_head")


@pytest.mark.parametrize("name", WALL_THINGS)
def test_wall_things_are_thin_and_hang_on_the_wall(name):
    assert info(name).placement == "wall"
    for seed in SEEDS:
        assert build_asset(name, seed).dims[1] < 0.5, name


@pytest.mark.parametrize("holder,thing", [("bathtub", "toy"), ("flowerpot", "lightbulb")])
def test_containers_hold_things_inside_below_the_rim(holder, thing):
    for seed in SEEDS:
        asset = build_asset(holder, seed)
        inside = [s for s in asset.surfaces if s.kind == "interior"]
        assert len(inside) == 1
        assert 0 < inside[0].z < asset.dims[2]
        small = build_asset(thing, seed).dims
        assert min(inside[0].size) >= min(small[0], small[1]) * 0.9


@pytest.mark.parametrize("holder,thing", [("mattress", "quilt"), ("mattress", "blanket"), ("bed", "bedspread"),
                                          ("mousepad", "mouse"), ("fireplace", "clock"), ("piano", "vase"),
                                          ("ottoman", "book")])
def test_tops_take_what_usually_lies_on_them(holder, thing):
    for seed in SEEDS:
        tops = [s for s in build_asset(holder, seed).surfaces if s.kind == "top"]
        need = sorted(build_asset(thing, seed).dims[:2])
        assert any(sorted(t.size)[0] + 0.04 >= need[0] and sorted(t.size)[1] + 0.04 >= need[1] for t in tops), \
            (holder, thing, seed)


def test_words_that_mean_the_scene_or_a_material_stay_theirs():
    # "camera" is the scene's camera and "paper" a material: the photo camera and the newspaper take other words
    assert resolve_category("camera") is None and resolve_category("paper") is None
    assert resolve_category("digital camera") == "photo_camera" and resolve_category("newspaper") == "newspaper"
    # the three towels and the bath mat are told apart by their words
    assert [resolve_category(w) for w in ("towel", "bath towel", "hand towel", "bath mat", "doormat")] == \
        ["towel", "bath_towel", "hand_towel", "bath_mat", "rug"]
