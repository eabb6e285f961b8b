"""A scripted OpenAI-compatible server on 127.0.0.1 for tests of the model backend.

It speaks `POST /v1/chat/completions` and answers each request with the next entry of its script:

- a string: the assistant message content of a proper `chat.completion` (with usage);
- `("status", code, body, headers)`: an HTTP error (body: a dict sent as JSON, or a string);
- `("sleep", seconds)` or `("sleep", seconds, entry)`: wait, then answer with `entry` (default: a
  504), to make a client with a shorter timeout give up.

Every request body is recorded in `requests` (parsed JSON) for the test to inspect.
"""
from __future__ import annotations

import json
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ScriptEntry = Any  # str | tuple


def completion(content: str, model: str = "scripted", prompt_tokens: int = 11, completion_tokens: int = 7) -> dict:
    return {
        "id": "chatcmpl-test", "object": "chat.completion", "created": int(time.time()), "model": model,
        "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
                     "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                  "total_tokens": prompt_tokens + completion_tokens},
    }


class ModelServer:
    """Context manager: `with ModelServer(["{...}"]) as server: ... server.base_url ...`."""

    def __init__(self, script: list[ScriptEntry] | None = None) -> None:
        self.script: deque[ScriptEntry] = deque(script or [])
        self.requests: list[dict] = []
        self.headers: list[dict[str, str]] = []
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ lifecycle
    def __enter__(self) -> "ModelServer":
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # keep pytest output clean
                pass

            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                if self.path.rstrip("/") != "/v1/chat/completions":
                    self._reply(404, {"error": {"message": f"no route {self.path}"}})
                    return
                with server._lock:
                    server.requests.append(json.loads(raw or b"{}"))
                    server.headers.append({k.lower(): v for k, v in self.headers.items()})
                    entry = server.script.popleft() if server.script else None
                self._answer(entry)

            def _answer(self, entry: ScriptEntry) -> None:
                if entry is None:
                    self._reply(500, {"error": {"message": "test server script exhausted"}})
                elif isinstance(entry, str):
                    self._reply(200, completion(entry))
                elif entry[0] == "status":
                    _, code, body, *headers = entry
                    self._reply(code, body, headers[0] if headers else {})
                elif entry[0] == "sleep":
                    time.sleep(entry[1])
                    self._answer(entry[2] if len(entry) > 2 else ("status", 504, {"error": {"message": "slept"}}, {}))
                else:
                    raise ValueError(f"bad script entry {entry!r}")

            def _reply(self, code: int, body: object, headers: dict[str, str] | None = None) -> None:
                data = (json.dumps(body) if not isinstance(body, str) else body).encode()
                try:
                    self.send_response(code)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    for k, v in (headers or {}).items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test): nothing to answer

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True  # a handler still sleeping must not hold up shutdown
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._httpd is not None and self._thread is not None
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    # ------------------------------------------------------------------ for tests
    @property
    def base_url(self) -> str:
        assert self._httpd is not None, "use the server as a context manager"
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def add(self, *entries: ScriptEntry) -> None:
        with self._lock:
            self.script.extend(entries)


__all__ = ["ModelServer", "completion"]
