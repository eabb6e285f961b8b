"""Procedural asset builders; importing this package registers every category with the catalog."""
from fyi.assets.procedural import (animals, animals_large, decor, electronics, food, furniture, plants,  # noqa: F401
                                   primitives, tabletop)
