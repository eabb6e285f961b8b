"""`fyi view`: a static HTML report of a scene folder or a dataset, to look at the data before training
on it. The report is self-contained (plain HTML, one CSS and one vanilla JS file, pictures beside
the pages; nothing fetched from the network) and opens from the file or from `serve`.

Default location: SCENE/report/ or DATASET/report/ (a scene's manifest leaves report/ out).
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from typing import Callable

from fyi.errors import FyiError
from fyi.render.manifest import REPORT_DIR
from fyi.view.dataset_page import is_dataset, write_dataset_report
from fyi.view.images import ImageCache
from fyi.view.page import write_static
from fyi.view.scene_page import is_scene, read_scene, write_scene_report

__all__ = ["view", "serve"]


def view(source: str | os.PathLike, out: str | os.PathLike | None = None,
         progress: Callable[[int, int], None] | None = None) -> Path:
    """Write the report of a scene folder or a dataset folder; return its index.html.

    A folder that is neither, or a scene with a missing or unreadable file, is one FyiError naming it
    (and nothing is written); a dataset's broken scenes are listed in its report instead."""
    from fyi.api import output_folder

    source = Path(source)
    if not source.is_dir():
        raise FyiError(f"{source}: not found (give a scene folder or a dataset folder)"
                       if not source.exists() else f"{source}: a file, not a scene or dataset folder")
    out = Path(out) if out is not None else source / REPORT_DIR
    if is_scene(source):
        scene = read_scene(source)  # refuses a broken scene before anything is written
        made = output_folder(out)
        try:
            cache = ImageCache(out)
            write_scene_report(scene, out, cache, static="static/")
            cache.save()
        except FyiError:  # a file that is there but unreadable: no report, not half of one
            if made:
                shutil.rmtree(made[-1], ignore_errors=True)
            raise
    elif is_dataset(source):
        output_folder(out)
        write_dataset_report(source, out, progress)
    else:
        raise FyiError(f"{source}: not a scene folder (no scene.json, manifest.json) nor a dataset "
                       f"(no dataset.json, no scene folders inside)")
    write_static(out / "static")
    return out / "index.html"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - http.server's name
        pass


def serve(folder: str | os.PathLike, port: int = 8000) -> http.server.ThreadingHTTPServer:
    """Serve `folder` on 127.0.0.1:`port` (0: any free port) from a thread; the caller stops it with
    shutdown(). The URL is http://127.0.0.1:<server.server_port>/."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as e:
        raise FyiError(f"--port {port}: cannot serve on 127.0.0.1 ({e.strerror or e})") from None
    threading.Thread(target=server.serve_forever, name="fyi-view-server", daemon=True).start()
    return server
