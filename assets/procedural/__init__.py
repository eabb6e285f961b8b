"""Procedural asset builders; importing this package registers every category with the catalog."""
from fyi.assets.procedural import furniture  # noqa: F401
