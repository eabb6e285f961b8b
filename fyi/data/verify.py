"""`fyi data verify`: score a model's answers to constraint-bearing instructions.

Rule-checkable constraints are checked by their verifiers (fyi.data.constraints); the others go to a
judge model through the OpenAI-compatible client when one is configured and asked for (`--judge`),
and are otherwise reported as unjudged, never guessed. A judge answer that does not validate leaves
that answer's judged constraints unjudged, with the reason counted.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from fyi.data.constraints import TYPES, describe, verify
from fyi.errors import FyiError


class ConstraintRef(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: str
    params: dict = {}
    text: str = ""

    @field_validator("type")
    @classmethod
    def _known(cls, v: str) -> str:
        if v not in TYPES:
            raise ValueError(f"unknown constraint type {v!r}")
        return v


class AnswerLine(BaseModel):
    """One line of ANSWERS.jsonl: the instruction item's id, its constraints, and the answer to score."""

    model_config = ConfigDict(extra="ignore")  # the rest of the item (instruction, images...) may ride along

    id: str
    answer: str
    constraints: list[ConstraintRef] = Field(min_length=1)
    facts: dict | None = None
    instruction: str = ""
    images: list[str] = []

    @model_validator(mode="after")
    def _facts_for_perception(self) -> "AnswerLine":
        for c in self.constraints:
            if TYPES[c.type].family == "perception" and not self.facts:
                raise ValueError(f"constraint {c.type} is checked against the scene: give 'facts'")
        return self


# ---------------------------------------------------------------- the judge
class JudgedConstraint(BaseModel):
    model_config = ConfigDict(extra="forbid")

    index: int = Field(ge=0)
    satisfied: bool
    reason: str = ""


class JudgeVerdict(BaseModel):
    """The judge's verdict on the listed constraints of one answer."""

    model_config = ConfigDict(extra="forbid")

    verdicts: list[JudgedConstraint]


JUDGE_PROMPT = """\
You judge whether an assistant's answer about an image follows the constraints it was given. Be strict: \
a constraint the answer does not fully meet is not satisfied. The scene is described exactly below; use \
it (and the image, when attached) to judge. For each constraint, by its index, say whether it is satisfied \
and why in one short sentence."""


def judge_user_prompt(line: AnswerLine, indices: list[int]) -> str:
    listing = "\n".join(f"{i}. {line.constraints[i].text or line.constraints[i].type} "
                        f"({line.constraints[i].type}: {json.dumps(line.constraints[i].params)})" for i in indices)
    scene = describe(line.facts) if line.facts else "(no scene description)"
    return (f"Scene: {scene}\nInstruction: {line.instruction}\nConstraints:\n{listing}\n"
            f"<answer>\n{line.answer}\n</answer>")


# ---------------------------------------------------------------- scoring
@dataclass
class TypeStats:
    passed: int = 0
    failed: int = 0
    unjudged: int = 0

    @property
    def rate(self) -> float | None:
        checked = self.passed + self.failed
        return self.passed / checked if checked else None


@dataclass
class Report:
    results: list[dict] = field(default_factory=list)
    per_type: dict[str, TypeStats] = field(default_factory=dict)
    unjudged_reasons: Counter = field(default_factory=Counter)
    judge_errors: list[str] = field(default_factory=list)

    def add(self, kind: str, ok: bool | None) -> None:
        s = self.per_type.setdefault(kind, TypeStats())
        if ok is None:
            s.unjudged += 1
        elif ok:
            s.passed += 1
        else:
            s.failed += 1

    def to_json(self) -> dict:
        answers = [r["all_pass"] for r in self.results]
        return {
            "answers": len(self.results),
            "all_pass": sum(a is True for a in answers),
            "any_fail": sum(a is False for a in answers),
            "undecided": sum(a is None for a in answers),
            "per_type": {k: {"family": TYPES[k].family, "passed": s.passed, "failed": s.failed,
                             "unjudged": s.unjudged, "pass_rate": s.rate} for k, s in sorted(self.per_type.items())},
            "unjudged_reasons": dict(self.unjudged_reasons),
            "judge_errors": self.judge_errors,
            "results": self.results,
        }

    def lines(self) -> list[str]:
        out = [f"{'constraint':<22} {'family':<16} {'pass':>6} {'checked':>8} {'rate':>6} {'unjudged':>9}"]
        for k, s in sorted(self.per_type.items()):
            rate = "-" if s.rate is None else f"{s.rate:.0%}"
            out.append(f"{k:<22} {TYPES[k].family:<16} {s.passed:>6} {s.passed + s.failed:>8} {rate:>6} {s.unjudged:>9}")
        j = self.to_json()
        out.append(f"{j['answers']} answers: {j['all_pass']} satisfy every constraint, {j['any_fail']} fail one or "
                   f"more, {j['undecided']} undecided (unjudged constraints)")
        for reason, n in sorted(self.unjudged_reasons.items()):
            out.append(f"unjudged: {n} x {reason}")
        return out


class Judge:
    """A judge model behind the OpenAI-compatible client (the default FYI_MODEL_* settings)."""

    def __init__(self, settings) -> None:
        from fyi.agents.model_client import ModelClient

        self.client = ModelClient(settings, "judge")
        self.calls: list = []

    def __call__(self, line: AnswerLine, indices: list[int]) -> dict[int, tuple[bool, str]]:
        images = [Path(p) for p in line.images if Path(p).is_file()]
        verdict, call = self.client.complete_json(JUDGE_PROMPT, judge_user_prompt(line, indices), JudgeVerdict,
                                                  images=images)
        self.calls.append(call)
        return {v.index: (v.satisfied, v.reason) for v in verdict.verdicts if v.index in indices}


def score(lines: list[AnswerLine], judge: Judge | None = None) -> Report:
    """Every constraint of every answer: passed, failed, or unjudged (with why)."""
    report = Report()
    for line in lines:
        results: list[dict] = []
        to_judge = []
        for i, c in enumerate(line.constraints):
            ok, reason = verify(c.model_dump(), line.answer, line.facts)
            if ok is None:
                to_judge.append(i)
            results.append({"type": c.type, "ok": ok, "reason": reason, "by": "rule" if ok is not None else None})
        if to_judge:
            verdicts: dict[int, tuple[bool, str]] = {}
            why = "no judge model (give --judge with FYI_MODEL_BASE_URL and FYI_MODEL set)"
            if judge is not None:
                try:
                    verdicts = judge(line, to_judge)
                    why = "the judge gave no verdict for it"
                except FyiError as e:  # garbage after the repair round, or the server gave up
                    why = "the judge gave no valid answer"
                    report.judge_errors.append(f"{line.id}: {e}")
            for i in to_judge:
                if i in verdicts:
                    results[i].update(ok=verdicts[i][0], reason=verdicts[i][1], by="judge")
                else:
                    results[i].update(reason=why, by=None)
                    report.unjudged_reasons[why] += 1
        for r in results:
            report.add(r["type"], r["ok"])
        oks = [r["ok"] for r in results]
        all_pass = False if False in oks else (None if None in oks else True)
        report.results.append({"id": line.id, "all_pass": all_pass, "constraints": results})
    return report


def judge_from_env(use_judge: bool) -> Judge | None:
    """The judge of FYI_MODEL_BASE_URL / FYI_MODEL when asked for; asked for without a model is an error."""
    if not use_judge:
        return None
    from fyi.agents.settings import settings_from_env

    settings = settings_from_env().default
    if not settings.configured:
        raise FyiError("--judge: no model configured (set FYI_MODEL_BASE_URL and FYI_MODEL)")
    return Judge(settings)


def verify_command(answers: str, report_path: str | None, use_judge: bool) -> tuple[Report, Path]:
    """Read, score, write the report (default: ANSWERS with .report.json); returns the report and its path."""
    from fyi.data.jsonl import read_jsonl
    from fyi.scenes.io import write_text_atomic

    lines = read_jsonl(answers, AnswerLine)
    judge = judge_from_env(use_judge)
    out = Path(report_path) if report_path else Path(answers).with_suffix(".report.json")
    if not out.parent.is_dir():
        raise FyiError(f"--report: folder {out.parent} does not exist")
    report = score(lines, judge)
    write_text_atomic(out, json.dumps(report.to_json(), indent=1, ensure_ascii=False))
    return report, out


__all__ = ["AnswerLine", "ConstraintRef", "Judge", "JudgeVerdict", "Report", "judge_from_env", "score",
           "verify_command"]
