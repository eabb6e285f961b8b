"""Procedural asset builders; importing this package registers every category with the catalog."""
from fyi.assets.procedural import (accessories, animals, animals_large, appliances, bathroom, decor,  # noqa: F401
                                   electronics, food, furniture, kitchenware, meals, people, plants, primitives,
                                   sports, street, tabletop, vehicles)
from fyi.assets.procedural import cookware, pantry, produce, table_linen  # noqa: F401,E402  (registered after the modules they reuse)
