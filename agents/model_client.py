"""One JSON answer from an OpenAI-compatible chat model: retries, a repair round, a cache, a trace record.

Any server that speaks `POST /v1/chat/completions` works (OpenAI, vLLM, Ollama, llama.cpp...). The
answer is parsed as JSON and validated against a pydantic schema, never executed. Transient failures
(HTTP 429, 5xx, timeouts, dropped connections) are retried with capped exponential backoff; an answer
that does not validate gets one chance to be corrected; everything else becomes a one-line FyiError
naming the agent, the model and the server.
"""
from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import openai
from pydantic import BaseModel, ValidationError

from fyi.agents.backend import ModelCall
from fyi.agents.prompts import JSON_SCHEMA_HINT, REPAIR
from fyi.agents.settings import ModelSettings
from fyi.errors import FyiError

T = TypeVar("T", bound=BaseModel)

PROMPT_TRACE_CHARS = 4000
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_FENCE = re.compile(r"^```[a-zA-Z0-9_-]*\s*\n?(.*?)\n?\s*```$", re.DOTALL)


@dataclass(frozen=True)
class _Image:
    png: bytes
    sha256: str

    @property
    def data_url(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")


@dataclass
class _Reply:
    text: str
    prompt_tokens: int
    completion_tokens: int


class _Transient(Exception):
    """A failure worth retrying; `wait_s` is the server's Retry-After, if it sent one."""

    def __init__(self, what: str, wait_s: float | None = None, unreachable: bool = False) -> None:
        super().__init__(what)
        self.wait_s = wait_s
        self.unreachable = unreachable


class _FormatRejected(Exception):
    """The server does not accept response_format json_schema (HTTP 400 naming it)."""


def one_line(text: object, limit: int = 300) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def strip_fences(text: str) -> str:
    """The JSON inside a model's answer: without ``` fences or chatter around the outer object."""
    text = text.strip()
    fenced = _FENCE.match(text)
    if fenced:
        text = fenced.group(1).strip()
    if text and text[0] not in "{[":
        start, end = text.find("{"), text.rfind("}")
        if 0 <= start < end:
            text = text[start:end + 1]
    return text


def first_error(err: ValidationError | ValueError) -> str:
    """The first thing wrong with an answer, in one line ("objects.0.count: Input should be ...")."""
    if isinstance(err, ValidationError):
        e = err.errors()[0]
        loc = ".".join(str(p) for p in e["loc"])
        return one_line(f"{loc}: {e['msg']}" if loc else e["msg"])
    return one_line(err)


def _load_image(path: Path) -> _Image:
    """PNG bytes of an image file; other formats (a JPEG reference photo) are converted to PNG."""
    try:
        raw = Path(path).read_bytes()
    except OSError as e:
        raise FyiError(f"cannot read image {path}: {e.strerror or e}") from None
    if not raw.startswith(_PNG_MAGIC):
        from PIL import Image, UnidentifiedImageError

        try:
            with Image.open(io.BytesIO(raw)) as im:
                buf = io.BytesIO()
                im.save(buf, format="PNG")
        except (UnidentifiedImageError, OSError):
            raise FyiError(f"{path} is not an image the model can be shown") from None
        raw = buf.getvalue()
    return _Image(raw, hashlib.sha256(raw).hexdigest())


def _server_message(e: openai.APIStatusError) -> str:
    """What the server said about an error, without the SDK's "Error code: NNN - {...}" wrapping."""
    body = e.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return one_line(inner["message"], 200)
        if isinstance(inner, str):
            return one_line(inner, 200)
    if isinstance(body, str) and body.strip():
        return one_line(body, 200)
    return one_line(e.message, 200)


def _retry_after(response: object) -> float | None:
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    ms = headers.get("retry-after-ms")
    if ms is not None:
        try:
            return float(ms) / 1000
        except ValueError:
            pass
    seconds = headers.get("retry-after")
    try:
        return float(seconds) if seconds is not None else None
    except ValueError:
        return None  # an HTTP date: fall back to our own backoff


class ModelClient:
    """Asks one agent's model for JSON answers that validate against a schema."""

    def __init__(self, settings: ModelSettings, agent: str, *, backoff_base_s: float = 0.5,
                 backoff_cap_s: float = 8.0) -> None:
        if not settings.configured:
            raise FyiError(f"{agent}: no model configured (set FYI_MODEL_BASE_URL and FYI_MODEL, or "
                           f"FYI_{agent.upper()}_BASE_URL and FYI_{agent.upper()}_MODEL)")
        self.settings = settings
        self.agent = agent
        self.model: str = settings.model  # type: ignore[assignment]
        self.base_url: str = settings.base_url  # type: ignore[assignment]
        self.backoff_base_s = backoff_base_s
        self.backoff_cap_s = backoff_cap_s
        # Our own retry loop decides what is transient and how long to wait; the SDK's would nest inside it.
        self._client = openai.OpenAI(base_url=self.base_url, api_key=settings.api_key or "not-needed",
                                     timeout=settings.timeout_s, max_retries=0)
        self._json_schema_ok = True  # until the server says it does not know response_format json_schema

    # ------------------------------------------------------------------ public
    def complete_json(self, system: str, user: str, schema: type[T],
                      images: list[Path] = []) -> tuple[T, ModelCall]:  # noqa: B006 (never mutated)
        """The model's answer to (system, user, images), validated as `schema`, and its trace record."""
        started = time.monotonic()
        pictures = [_load_image(p) for p in images]
        system_full = system.rstrip() + "\n\n" + JSON_SCHEMA_HINT.format(
            schema=json.dumps(schema.model_json_schema(), separators=(",", ":")))
        key = self._cache_key(system, user, schema, pictures)
        call = ModelCall(agent=self.agent, model=self.model, base_url=self.base_url, answer="", attempts=0,
                         prompt=self._trace_prompt(system, user) + f"\n[answer schema: {schema.__name__}]",
                         images=[p.sha256 for p in pictures])

        cached = self._cache_read(key, schema)
        if cached is not None:
            answer, text, usage = cached
            call.answer, call.cache_hit = text, True
            call.prompt_tokens, call.completion_tokens = usage
            call.latency_s = time.monotonic() - started
            return answer, call

        content: str | list[dict] = user
        if pictures:
            content = [{"type": "text", "text": user},
                       *({"type": "image_url", "image_url": {"url": p.data_url}} for p in pictures)]
        messages: list[dict] = [{"role": "system", "content": system_full}, {"role": "user", "content": content}]

        reply = self._chat(messages, schema, call)
        try:
            answer, text = self._validate(reply.text, schema)
        except (ValidationError, ValueError) as err:
            # One bounded repair round: the model sees its answer and what was wrong with it.
            messages += [{"role": "assistant", "content": reply.text},
                         {"role": "user", "content": REPAIR.format(error=first_error(err))}]
            reply = self._chat(messages, schema, call)
            try:
                answer, text = self._validate(reply.text, schema)
            except (ValidationError, ValueError) as err2:
                raise FyiError(f"{self._who()} gave no valid {schema.__name__} after a repair round: "
                               f"{first_error(err2)}") from None
        call.answer = text
        call.latency_s = time.monotonic() - started
        self._cache_write(key, schema, text, (call.prompt_tokens, call.completion_tokens))
        return answer, call

    # ------------------------------------------------------------------ HTTP
    def _who(self) -> str:
        return f"{self.agent} model {self.model!r} at {self.base_url}"

    def _response_format(self, schema: type[BaseModel]) -> dict:
        if self._json_schema_ok:
            return {"type": "json_schema", "json_schema": {"name": schema.__name__,
                                                           "schema": schema.model_json_schema(), "strict": False}}
        return {"type": "json_object"}

    def _chat(self, messages: list[dict], schema: type[BaseModel], call: ModelCall) -> _Reply:
        """One completion, retrying transient failures; tokens and attempts are added to `call`."""
        retries = 0
        while True:
            call.attempts += 1
            try:
                reply = self._send(messages, schema)
            except _FormatRejected:
                # Older vLLM/Ollama builds know only json_object; the schema is in the system prompt anyway.
                self._json_schema_ok = False
                continue
            except _Transient as t:
                if retries >= self.settings.max_retries:
                    if t.unreachable:
                        raise FyiError(f"model server not reachable at {self.base_url}: {t} "
                                       f"({retries + 1} attempts; {self.agent} model {self.model!r})") from None
                    raise FyiError(f"{self._who()} failed {retries + 1} times: {t}") from None
                wait = self.backoff_base_s * 2 ** retries
                if t.wait_s is not None:
                    wait = t.wait_s
                time.sleep(max(0.0, min(wait, self.backoff_cap_s)))
                retries += 1
                continue
            call.prompt_tokens += reply.prompt_tokens
            call.completion_tokens += reply.completion_tokens
            return reply

    def _send(self, messages: list[dict], schema: type[BaseModel]) -> _Reply:
        """One HTTP request; transient failures raise _Transient, permanent ones FyiError."""
        try:
            completion = self._client.chat.completions.create(
                model=self.model, messages=messages, temperature=self.settings.temperature,
                response_format=self._response_format(schema))
        except openai.BadRequestError as e:
            if self._json_schema_ok and "response_format" in str(e):
                raise _FormatRejected() from None
            raise FyiError(f"{self._who()} rejected the request: HTTP 400: {_server_message(e)}") from None
        except openai.APITimeoutError:
            raise _Transient(f"no answer within {self.settings.timeout_s:g} s") from None
        except openai.APIConnectionError as e:
            cause = e.__cause__ or e
            refused = isinstance(cause, ConnectionRefusedError) or "refused" in str(cause).lower() \
                or "connect" in type(cause).__name__.lower()
            raise _Transient(one_line(cause), unreachable=refused) from None
        except openai.APIStatusError as e:
            if e.status_code == 429 or e.status_code >= 500 or e.status_code == 408:
                raise _Transient(f"HTTP {e.status_code}: {_server_message(e)}",
                                 wait_s=_retry_after(e.response)) from None
            raise FyiError(f"{self._who()} rejected the request: HTTP {e.status_code}: "
                           f"{_server_message(e)}") from None
        choice = completion.choices[0] if completion.choices else None
        text = (choice.message.content if choice is not None else None) or ""
        usage = completion.usage
        return _Reply(text, getattr(usage, "prompt_tokens", 0) or 0, getattr(usage, "completion_tokens", 0) or 0)

    # ------------------------------------------------------------------ answers
    @staticmethod
    def _validate(raw: str, schema: type[T]) -> tuple[T, str]:
        text = strip_fences(raw)
        if not text:
            raise ValueError("the answer was empty")
        return schema.model_validate_json(text), text

    @staticmethod
    def _trace_prompt(system: str, user: str) -> str:
        """System and user prompt for the trace, at most ~PROMPT_TRACE_CHARS; the user part is kept first
        because the system part is the same template on every call."""
        cut = " …[truncated]"
        if len(user) > PROMPT_TRACE_CHARS * 3 // 4:
            user = user[: PROMPT_TRACE_CHARS * 3 // 4] + cut
        room = PROMPT_TRACE_CHARS - len(user) - 2
        if len(system) > room:
            system = system[: max(0, room - len(cut))] + cut
        return f"{system}\n\n{user}"

    # ------------------------------------------------------------------ cache
    def _cache_key(self, system: str, user: str, schema: type[BaseModel], pictures: list[_Image]) -> str:
        blob = json.dumps([self.model, system, user, schema.__name__, [p.sha256 for p in pictures]])
        return hashlib.sha256(blob.encode()).hexdigest()

    def _cache_path(self, key: str) -> Path | None:
        root = self.settings.cache_dir
        return None if root is None else Path(root) / key[:2] / f"{key}.json"

    def _cache_read(self, key: str, schema: type[T]) -> tuple[T, str, tuple[int, int]] | None:
        path = self._cache_path(key)
        if path is None or not path.is_file():
            return None
        try:
            record = json.loads(path.read_text())
            # Validated again: the schema may have changed since the answer was stored.
            return schema.model_validate_json(record["answer"]), record["answer"], \
                (int(record["usage"]["prompt_tokens"]), int(record["usage"]["completion_tokens"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # a stale or damaged entry is a miss; the fresh answer overwrites it

    def _cache_write(self, key: str, schema: type[BaseModel], text: str, usage: tuple[int, int]) -> None:
        path = self._cache_path(key)
        if path is None:
            return
        record = {"model": self.model, "schema": schema.__name__, "answer": text,
                  "usage": {"prompt_tokens": usage[0], "completion_tokens": usage[1]}}
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{key[:8]}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w") as f:
                json.dump(record, f)
            os.replace(tmp, path)  # atomic: a reader sees the old entry or the whole new one
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


__all__ = ["ModelClient", "first_error", "one_line", "strip_fences"]
