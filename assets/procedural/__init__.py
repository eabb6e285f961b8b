"""Procedural asset builders; importing this package registers every category with the catalog."""
from fyi.assets.procedural import (accessories, animals, animals_large, appliances, bathroom, clothing, decor,  # noqa: F401
                                   electronics, food, furniture, kitchenware, meals, people, plants, primitives,
                                   sports, street, tabletop, vehicles, wearables)
from fyi.assets.procedural import animals_more, outdoor, sports_more, street_furniture, vehicles_more  # noqa: F401
from fyi.assets.procedural import bath, household, office  # noqa: F401  (bathroom, household, office)
from fyi.assets.procedural import cookware, pantry, produce, table_linen  # noqa: F401  (after the modules they reuse)
