"""The one error type users see.

A `FyiError` is a user's mistake or an impossible request (a malformed spec, an unknown field, a
missing file, an instruction with nothing to build). The CLI prints its message as one line and
exits non-zero, without a traceback; anything else is a bug and keeps its traceback.

This module imports nothing, so every layer (assets, scenes, render, agents) can raise it without
importing upward.
"""


class FyiError(Exception):
    """A problem with the user's input, stated in one line that names the field or file."""
