"""The benchmark's result: ratios, the targets of issues 3 and 7 marked met or missed, the JSON schema and the table."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

#: The JSON schema of ``_build/bench.json``.
SCHEMA_FILE = Path(__file__).resolve().parent / "result.schema.json"
#: Version of the result's layout; raise it when a field changes meaning.
SCHEMA_VERSION = 1
#: One megabyte (the targets say MB: 10**6 bytes) in MiB, the unit Linux reports.
MB_IN_MIB = 10**6 / 2**20

Comparison = Literal["<=", ">="]
Result = dict[str, Any]


@dataclass(frozen=True)
class Target:
    """One performance target and how this run measured against it."""

    id: str
    description: str
    #: The measured value, or None when its case was skipped or failed.
    measured: float | None
    comparison: Comparison
    limit: float
    unit: str
    #: Where the target is set (an issue of the project).
    source: str

    @property
    def met(self) -> bool | None:
        """True if the measurement meets the target, None if there is no measurement."""
        if self.measured is None:
            return None
        if self.comparison == "<=":
            return self.measured <= self.limit
        return self.measured >= self.limit

    def as_json(self) -> dict[str, Any]:
        """The target as stored in ``bench.json``."""
        return {**asdict(self), "met": self.met}


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """Return ``numerator / denominator`` rounded to three places, or None if either is missing or zero."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return round(numerator / denominator, 3)


def _number(case: Mapping[str, Any] | None, key: str) -> float | None:
    """Return ``case[key]`` if the case ran successfully, else None."""
    if not case or case.get("status") != "ok":
        return None
    value = case.get(key)
    return float(value) if isinstance(value, int | float) else None


def _scale_runs(scale: Mapping[str, Any] | None) -> tuple[Mapping[str, Any], Mapping[str, Any]] | None:
    """Return the scaling case's smallest and largest runs, if it ran."""
    if not scale or scale.get("status") != "ok" or len(scale.get("runs", [])) < 2:
        return None
    runs = sorted(scale["runs"], key=lambda run: run["factor"])
    return runs[0], runs[-1]


def evaluate(cases: Mapping[str, Any], scale_factor: int = 10) -> list[Target]:
    """Compute every target from the cases' measurements (``scale_factor``: the planned size of the large corpus)."""
    cold, naive = cases.get("cold"), cases.get("naive")
    targets = [
        Target(
            "cold-vs-naive",
            "cold build of all languages vs naive sequential route",
            ratio(_number(cold, "wall_seconds"), _number(naive, "wall_seconds")),
            "<=",
            0.4,
            "x",
            "issue 7",
        ),
        Target(
            "pdf-vs-simplepdf",
            "make pdf LANG=lv: speed-up over sphinx-simplepdf",
            ratio(_number(cases.get("simplepdf"), "wall_seconds"), _number(cases.get("pdf"), "wall_seconds")),
            ">=",
            2.0,
            "x",
            "issues 3, 7",
        ),
        Target(
            "incremental-html",
            "make html LANG=lv after one changed message vs cold",
            ratio(
                _number(cases.get("incremental"), "rebuild_wall_seconds"),
                _number(cases.get("incremental"), "cold_wall_seconds"),
            ),
            "<=",
            0.15,
            "x",
            "issue 7",
        ),
    ]
    runs = _scale_runs(cases.get("scale"))
    small, large = runs if runs else ({}, {})
    factor = large["factor"] / small["factor"] if runs else scale_factor
    targets += [
        Target(
            "scale-time",
            f"{factor:g}x content: time (HTML+PDF work) vs 1x",
            ratio(large.get("work_seconds"), small.get("work_seconds")) if runs else None,
            "<=",
            round(1.1 * factor, 3),
            "x",
            "issue 7",
        ),
        Target(
            "scale-memory",
            f"{factor:g}x content: peak memory of the PDF process",
            large.get("peak_memory_mib") if runs else None,
            "<=",
            round(1000 * MB_IN_MIB, 1),
            "MiB",
            "issue 7 (1 GB)",
        ),
    ]
    languages = cold.get("languages", {}) if cold and cold.get("status") == "ok" else {}
    memories = [lang["peak_memory_mib"] for lang in languages.values() if lang.get("peak_memory_mib")]
    targets += [
        Target(
            "pages-per-second",
            "PDF rendering speed of make pdf LANG=lv",
            _number(cases.get("pdf"), "pages_per_second"),
            ">=",
            15.0,
            "pages/s",
            "issue 3",
        ),
        Target(
            "language-memory",
            "peak memory of one language's build process",
            max(memories) if memories else None,
            "<=",
            round(500 * MB_IN_MIB, 1),
            "MiB",
            "issue 3 (500 MB)",
        ),
    ]
    return targets


def language_metrics(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Return one language's figures from the worker's ``logs/<lang>.json``, with PDF time and pages per second."""
    metrics: dict[str, Any] = {key: raw[key] for key in sorted(raw)}
    if "print_seconds" in raw and "render_seconds" in raw:
        metrics["pdf_seconds"] = round(raw["print_seconds"] + raw["render_seconds"], 3)
    if raw.get("pages") and raw.get("render_seconds"):
        metrics["pages_per_second"] = round(raw["pages"] / raw["render_seconds"], 2)
    return metrics


@cache
def schema() -> dict[str, Any]:
    """Return the JSON schema of the result."""
    loaded: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return loaded


def validate(result: Mapping[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` if ``result`` does not follow the schema."""
    import jsonschema

    jsonschema.validate(dict(result), schema())


# The table printed at the end of a run -------------------------------------------------------------------------


def _seconds(value: float | None) -> str:
    """Format seconds, or a dash."""
    return "-" if value is None else f"{value:.1f}"


def _value(value: float | None, unit: str) -> str:
    """Format a target's value with its unit."""
    if value is None:
        return "-"
    if unit == "x":
        return f"{value:.2f}x"
    if unit == "MiB":
        return f"{value:.0f} MiB"
    if unit == "pages/s":
        return f"{value:.1f} p/s"
    return f"{value:.1f} {unit}"


def _verdict(met: bool | None) -> str:
    """Say whether a target is met."""
    return {True: "met", False: "MISSED", None: "not measured"}[met]


def _growth(small: Mapping[str, Any], large: Mapping[str, Any]) -> str:
    """Say how each phase grew from the small corpus to the large one."""
    parts = [f"{small['factor']}x to {large['factor']}x: pages {_times(large['pages'], small['pages'])}"]
    for key, label in (("html_seconds", "html"), ("pdf_seconds", "pdf"), ("peak_memory_mib", "memory")):
        if small.get(key) and large.get(key):
            parts.append(f"{label} {_times(large[key], small[key])}")
    return ", ".join(parts)


def _times(large: float, small: float) -> str:
    """Format a growth factor."""
    return f"{large / small:.1f}x"


def _case_line(name: str, case: Mapping[str, Any] | None) -> str | None:
    """Say why a case has no figures (skipped, unavailable, failed), or None if it ran."""
    if not case:
        return f"{name}: not run"
    if case.get("status") == "ok":
        return None
    return f"{name}: {case.get('status')}: {case.get('error', '')}".rstrip(": ")


def format_table(result: Mapping[str, Any]) -> str:
    """Return the human-readable report of a result: per-language figures, baselines, scaling and targets."""
    cases: Mapping[str, Any] = result.get("cases", {})
    lines: list[str] = []
    cold, naive = cases.get("cold") or {}, cases.get("naive") or {}
    ours = cold.get("languages", {}) if cold.get("status") == "ok" else {}
    theirs = naive.get("languages", {}) if naive.get("status") == "ok" else {}
    if ours or theirs:
        lines.append("Per language (ours: one worker per language, shared Sphinx read; naive: fresh builds)")
        lines.append(
            f"{'lang':<5} {'html s':>7} {'pdf s':>7} {'pages':>6} {'pages/s':>8} {'peak MiB':>9}"
            f" {'naive html s':>13} {'naive pdf s':>12}"
        )
        for code in result.get("languages", []):
            mine, naive_language = ours.get(code, {}), theirs.get(code, {})
            speed = mine.get("pages_per_second")
            lines.append(
                f"{code:<5} {_seconds(mine.get('html_seconds')):>7} {_seconds(mine.get('pdf_seconds')):>7}"
                f" {mine.get('pages', '-'):>6} {'-' if speed is None else f'{speed:.1f}':>8}"
                f" {mine.get('peak_memory_mib', '-'):>9}"
                f" {_seconds(naive_language.get('html_seconds')):>13} {_seconds(naive_language.get('pdf_seconds')):>12}"
            )
        lines.append("")
    lines.append(f"{'run':<52} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9}")
    rows: list[tuple[str, Mapping[str, Any] | None]] = [
        (f"ours: cold build, {len(result.get('languages', []))} languages, HTML+PDF, parallel", cold),
        ("naive: html + single page + WeasyPrint, one by one", naive),
        ("ours: make pdf LANG=lv (cold)", cases.get("pdf")),
        ("sphinx-simplepdf: lv PDF (cold)", cases.get("simplepdf")),
    ]
    for label, case in rows:
        if case and case.get("status") == "ok":
            lines.append(
                f"{label:<52} {_seconds(case.get('wall_seconds')):>8} {_seconds(case.get('cpu_seconds')):>8}"
                f" {case.get('peak_memory_mib', '-'):>9}"
            )
    if cold.get("status") == "ok" and naive.get("status") == "ok":
        work = ratio(cold.get("cpu_seconds"), naive.get("cpu_seconds"))
        cores = int(cold.get("jobs", 1))
        if work is not None:
            lines.append(
                f"  (CPU time, ours / naive: {work:.2f}x; so even with {cores} idle cores the cold build could take "
                f"no less than {work / cores:.2f}x the naive route's wall clock)"
            )
    incremental = cases.get("incremental") or {}
    if incremental.get("status") == "ok":
        for label, key in (("cold", "cold"), ("after one changed message", "rebuild")):
            lines.append(
                f"{'ours: make html LANG=lv, ' + label:<52} {_seconds(incremental.get(key + '_wall_seconds')):>8}"
                f" {_seconds(incremental.get(key + '_cpu_seconds')):>8} {'-':>9}"
            )
        lines.append(
            f"  (Sphinx's html phase in the worker: {_seconds(incremental.get('cold_html_seconds'))} s cold, "
            f"{_seconds(incremental.get('rebuild_html_seconds'))} s after the change to {incremental.get('document')})"
        )
    scale = cases.get("scale") or {}
    if scale.get("status") == "ok":
        runs = sorted(scale.get("runs", []), key=lambda run: run["factor"])
        for run in runs:
            label = f"synthetic corpus {run['factor']}x ({run['documents']} documents, {run['pages']} pages)"
            lines.append(
                f"{label:<52} {_seconds(run.get('wall_seconds')):>8} {_seconds(run.get('cpu_seconds')):>8}"
                f" {run.get('peak_memory_mib', '-'):>9}"
            )
        if len(runs) >= 2:
            lines.append("  (growth from " + _growth(runs[0], runs[-1]) + ")")
    simplepdf = cases.get("simplepdf") or {}
    if simplepdf.get("status") == "ok" and simplepdf.get("anchor_errors"):
        lines.append(
            f"  (sphinx-simplepdf {simplepdf.get('version', '')}: {simplepdf['anchor_errors']} WeasyPrint anchor "
            "errors, i.e. broken contents links)"
        )
    for name in ("cold", "naive", "pdf", "simplepdf", "incremental", "scale"):
        line = _case_line(name, cases.get(name))
        if line:
            lines.append(f"  {line}")
    lines.append("")
    lines.append(f"{'target':<52} {'measured':>10} {'limit':>12}  result")
    for target in result.get("targets", []):
        limit = f"{target['comparison']} {_value(target['limit'], target['unit'])}"
        lines.append(
            f"{target['description']:<52} {_value(target['measured'], target['unit']):>10} {limit:>12}"
            f"  {_verdict(target['met'])}"
        )
    machine = result.get("machine", {})
    load = machine.get("load_before"), machine.get("load_after")
    if all(load):
        lines.append("")
        lines.append(
            f"{machine.get('cpus', '?')} CPUs; load average (1 min) {load[0][0]:.1f} before, {load[1][0]:.1f} after: "
            "other processes share this machine, so compare ratios, not seconds."
        )
    return "\n".join(lines)
