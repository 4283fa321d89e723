"""Ratios, targets met or missed, the JSON schema of ``_build/bench.json`` and the printed table."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from strom import bench, registry
from strom.bench import cases, results


def ok(**figures: Any) -> dict[str, Any]:
    """A case that ran, with these figures."""
    return {"status": "ok", **figures}


def build_case(wall: float) -> dict[str, Any]:
    """A cold or naive build of two languages."""
    language = {"html_seconds": 7.0, "pdf_seconds": 20.0, "pages": 88, "pages_per_second": 5.0, "peak_memory_mib": 320}
    return ok(wall_seconds=wall, cpu_seconds=wall, peak_memory_mib=320.0, languages={"en": language, "lv": language})


def scale_run(factor: int, work: float, memory: float) -> dict[str, Any]:
    """One run of the scaling case."""
    return {
        "factor": factor,
        "documents": 23 * factor,
        "pages": 68 * factor,
        "wall_seconds": work + 1,
        "work_seconds": work,
        "peak_memory_mib": memory,
    }


def all_cases() -> dict[str, Any]:
    """Every case, with figures that meet some targets and miss others."""
    return {
        "cold": build_case(100.0),
        "naive": build_case(300.0),
        "pdf": ok(wall_seconds=20.0, cpu_seconds=19.0, peak_memory_mib=330.0, pages=88, pages_per_second=6.0),
        "simplepdf": ok(wall_seconds=30.0, cpu_seconds=25.0, peak_memory_mib=190.0, anchor_errors=808),
        "incremental": ok(cold_wall_seconds=10.0, rebuild_wall_seconds=1.0, peak_memory_mib=100.0),
        "scale": ok(runs=[scale_run(10, 240.0, 1900.0), scale_run(1, 20.0, 260.0)]),
    }


def result_for(cases_: dict[str, Any]) -> dict[str, Any]:
    """A complete result around ``cases_``."""
    return {
        "schema": results.SCHEMA_VERSION,
        "started": "2026-01-01T00:00:00Z",
        "seconds": 600.0,
        "quick": False,
        "machine": {
            "cpus": 2,
            "platform": "Linux",
            "python": "3.11.7",
            "sphinx": "9.0.4",
            "weasyprint": "70.0",
            "load_before": [2.0, 2.0, 2.0],
            "load_after": [3.0, 2.5, 2.0],
        },
        "languages": ["en", "lv"],
        "cases": cases_,
        "targets": [target.as_json() for target in results.evaluate(cases_)],
    }


def by_id(targets: list[results.Target]) -> dict[str, results.Target]:
    return {target.id: target for target in targets}


@pytest.mark.parametrize(
    ("measured", "comparison", "limit", "met"),
    [
        (0.3, "<=", 0.4, True),
        (0.4, "<=", 0.4, True),
        (0.41, "<=", 0.4, False),
        (2.0, ">=", 2.0, True),
        (1.9, ">=", 2.0, False),
        (None, "<=", 0.4, None),
    ],
)
def test_target_met(measured: float | None, comparison: results.Comparison, limit: float, met: bool | None) -> None:
    target = results.Target("t", "a target", measured, comparison, limit, "x", "issue 7")
    assert target.met is met
    assert target.as_json()["met"] is met


def test_ratio() -> None:
    assert results.ratio(1, 3) == 0.333
    assert results.ratio(None, 3) is None
    assert results.ratio(3, None) is None
    assert results.ratio(3, 0) is None


def test_evaluate_marks_each_target() -> None:
    targets = by_id(results.evaluate(all_cases()))
    assert targets["cold-vs-naive"].measured == 0.333
    assert targets["cold-vs-naive"].met is True
    assert targets["pdf-vs-simplepdf"].measured == 1.5
    assert targets["pdf-vs-simplepdf"].met is False
    assert targets["incremental-html"].measured == 0.1
    assert targets["incremental-html"].met is True
    # Runs are compared smallest to largest whatever their order; 10x the content may cost 11x the time.
    assert targets["scale-time"].measured == 12.0
    assert targets["scale-time"].limit == 11.0
    assert targets["scale-time"].met is False
    # 1 GB and 500 MB are decimal megabytes, compared in the MiB that Linux reports.
    assert targets["scale-memory"].limit == pytest.approx(953.7)
    assert targets["scale-memory"].met is False
    assert targets["pages-per-second"].measured == 6.0
    assert targets["pages-per-second"].met is False
    assert targets["language-memory"].measured == 320
    assert targets["language-memory"].limit == pytest.approx(476.8)
    assert targets["language-memory"].met is True


def test_a_case_that_did_not_run_measures_nothing() -> None:
    skipped = {"status": "skipped", "error": "left out with --skip"}
    failed = {"status": "failed", "error": "the parallel build failed"}
    cases_ = {**all_cases(), "cold": failed, "simplepdf": {"status": "unavailable", "error": "not installed"}}
    cases_["scale"] = skipped
    targets = by_id(results.evaluate(cases_, scale_factor=3))
    for name in ("cold-vs-naive", "pdf-vs-simplepdf", "scale-time", "scale-memory", "language-memory"):
        assert targets[name].measured is None
        assert targets[name].met is None
    assert targets["scale-time"].limit == 3.3
    assert targets["incremental-html"].met is True


def test_language_metrics_add_pdf_time_and_speed() -> None:
    raw = {"html_seconds": 6.8, "print_seconds": 0.75, "render_seconds": 14.2, "pages": 88, "peak_memory_mib": 331.0}
    metrics = results.language_metrics(raw)
    assert metrics["pdf_seconds"] == 14.95
    assert metrics["pages_per_second"] == 6.2
    assert metrics["html_seconds"] == 6.8
    assert results.language_metrics({"html_seconds": 3.0}) == {"html_seconds": 3.0}


def test_a_complete_result_follows_the_schema() -> None:
    results.validate(result_for(all_cases()))


@pytest.mark.parametrize(
    "break_it",
    [
        lambda result: result.pop("targets"),
        lambda result: result["cases"].update(cold={"status": "done"}),
        lambda result: result["cases"].update(pdf={"status": "failed"}),
        lambda result: result["cases"].update(pdf={"status": "ok", "error": "but it failed"}),
        lambda result: result["cases"]["cold"].pop("languages"),
        lambda result: result["cases"]["naive"]["languages"]["lv"].pop("pdf_seconds"),
        lambda result: result["cases"]["scale"]["runs"][0].pop("peak_memory_mib"),
        lambda result: result["cases"].update(extra={"status": "ok"}),
        lambda result: result["targets"][0].update(met="yes"),
        lambda result: result["machine"].update(load_before=[1.0]),
        lambda result: result.update(started="yesterday"),
    ],
)
def test_the_schema_rejects_a_broken_result(break_it: Any) -> None:
    result = result_for(all_cases())
    break_it(result)
    with pytest.raises(jsonschema.ValidationError):
        results.validate(result)


def test_a_run_with_every_case_skipped_is_a_valid_result(tmp_path: Path) -> None:
    context = cases.Context(
        root=tmp_path,
        languages=registry.load().languages,
        all_languages=True,
        out=io.StringIO(),
    )
    result = bench.run(context, [], (1, 10), quick=False)
    results.validate(result)
    assert {case["status"] for case in result["cases"].values()} == {"skipped"}
    assert all(target["met"] is None for target in result["targets"])
    assert list(tmp_path.iterdir()) == []


def test_the_table_says_met_and_missed() -> None:
    table = results.format_table(result_for(all_cases()))
    assert "cold build of all languages vs naive sequential route" in table
    assert "0.33x" in table
    assert "met" in table
    assert "MISSED" in table
    assert "808 WeasyPrint anchor errors" in table
    assert "synthetic corpus 10x (230 documents, 680 pages)" in table
    lines = table.splitlines()
    lv = next(line for line in lines if line.startswith("lv "))
    assert lv.split()[:4] == ["lv", "7.0", "20.0", "88"]
    assert "compare ratios, not seconds" in table
    assert "CPU time, ours / naive: 0.33x" in table


def test_the_table_says_why_a_case_has_no_figures() -> None:
    cases_ = {**all_cases(), "simplepdf": {"status": "unavailable", "error": "sphinx-simplepdf is not installed"}}
    table = results.format_table(result_for(cases_))
    assert "simplepdf: unavailable: sphinx-simplepdf is not installed" in table
    assert "not measured" in table


def test_show_prints_a_stored_result(tmp_path: Path) -> None:
    stored = tmp_path / "bench.json"
    stored.write_text(json.dumps(result_for(all_cases())), encoding="utf-8")
    out = io.StringIO()
    assert bench.main(["--show", "--output", str(stored)], out=out) == 0
    assert "make html LANG=lv after one changed message vs cold" in out.getvalue()


def test_show_without_a_result_says_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--show", "--output", str(tmp_path / "missing.json")]) == 2
    assert "run 'make bench' first" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--skip", "cold,warm"], "unknown case(s) warm"),
        (["--scale", "1"], "--scale must be at least 2"),
        (["--lang", "xx"], "unknown language 'xx'"),
    ],
)
def test_bad_options_fail_before_any_work(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(argv) == 2
    assert message in capsys.readouterr().err
