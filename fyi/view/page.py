"""The HTML shell every report page shares, and the static files (one CSS, one vanilla JS) it links.

Nothing is fetched at view time: data a page's script needs is inlined as JSON in the page itself
(browsers refuse fetch() between file:// pages), pictures are files beside the page.
"""
from __future__ import annotations

import json
import os
from html import escape
from importlib import resources
from pathlib import Path

STATIC = ("report.css", "report.js")


def esc(value) -> str:
    return escape("" if value is None else str(value), quote=True)


def json_for_script(data) -> str:
    """JSON safe inside <script type="application/json">: '</' cannot close the element."""
    return json.dumps(data, separators=(",", ":")).replace("</", "<\\/")


def page(title: str, body: str, static: str, *, data=None, kind: str) -> str:
    """A whole HTML document; `static` is the relative path to the folder of report.css and report.js."""
    inline = (f'<script type="application/json" id="fyi-data">{json_for_script(data)}</script>\n'
              if data is not None else "")
    return (f'<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<title>{esc(title)}</title>\n<link rel="icon" href="data:,">\n'  # no favicon request
            f'<link rel="stylesheet" href="{static}report.css">\n</head>\n'
            f'<body class="{kind}">\n{body}\n{inline}<script src="{static}report.js"></script>\n</body>\n</html>\n')


def write_static(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in STATIC:
        write_text(folder / name, resources.files("fyi.view").joinpath("static", name).read_text())


def write_text(path: Path, text: str) -> None:
    """Write a file whole: a reader never sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
