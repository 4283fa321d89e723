"""``make bench``: our builds against the naive route and sphinx-simplepdf, rebuilds, scaling; ``_build/bench.json``.

Each case runs the real commands in subprocesses, one case at a time, and measures wall clock, CPU time and the
peak memory of the busiest process (see :mod:`strom.bench.cases`). The result is checked against the targets of
issues 3 and 7 (:mod:`strom.bench.results`) and printed as a table. A missed target is reported, not an error:
this is a benchmark on a shared machine, not a test. The exit status is 1 only if a case could not run.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import json
import os
import platform
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from strom import build, paths, registry
from strom.bench import cases, results

#: Languages of ``--quick``: the source and the fully translated one.
QUICK_LANGUAGES = ("en", cases.LANGUAGE)
#: Size of the large synthetic corpus, in copies of the English content (``--quick``: the smaller one).
SCALE = 10
QUICK_SCALE = 3


def _parser() -> argparse.ArgumentParser:
    """The command line of ``python -m strom bench``."""
    parser = argparse.ArgumentParser(
        prog="python -m strom bench",
        description="Benchmark the builds against the naive route and sphinx-simplepdf; write _build/bench.json.",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"a subset: languages {','.join(QUICK_LANGUAGES)} and a {QUICK_SCALE}x corpus (about 4 minutes)",
    )
    parser.add_argument("--lang", help="languages of the cold build and the naive route (default: all)")
    parser.add_argument("--scale", type=int, help=f"size of the large synthetic corpus (default {SCALE})")
    parser.add_argument(
        "--skip", default="", help=f"cases to leave out, comma-separated: {','.join(cases.CASES)}", metavar="CASES"
    )
    parser.add_argument("--output", type=Path, help="where to write the result (default: _build/bench.json)")
    parser.add_argument("--keep", action="store_true", help="keep the project copies and synthetic corpora")
    parser.add_argument("--show", action="store_true", help="print the table of an existing result and stop")
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO = sys.stdout) -> int:
    """Run the benchmark (or ``--show`` a stored result); return 0 unless a case could not run."""
    args = _parser().parse_args(sys.argv[1:] if argv is None else list(argv))
    output: Path = args.output or paths.BUILD / "bench.json"
    if args.show:
        try:
            stored = json.loads(output.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            print(f"error: {output}: no readable benchmark result ({error}); run 'make bench' first", file=sys.stderr)
            return 2
        print(results.format_table(stored), file=out)
        return 0
    skip = {name.strip() for name in args.skip.split(",") if name.strip()}
    unknown = sorted(skip - set(cases.CASES))
    if unknown:
        print(f"error: unknown case(s) {', '.join(unknown)}; known: {', '.join(cases.CASES)}", file=sys.stderr)
        return 2
    scale = args.scale or (QUICK_SCALE if args.quick else SCALE)
    if scale < 2:
        print(f"error: --scale must be at least 2, not {scale}", file=sys.stderr)
        return 2
    try:
        languages = registry.load().select(args.lang or (",".join(QUICK_LANGUAGES) if args.quick else None))
    except registry.RegistryError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    commit = _commit()  # before the copy: what was measured, even if someone commits while the benchmark runs
    print(f"copying docs/ and locale/ to {paths.BUILD / 'bench'} (the content every case builds)", file=out)
    try:
        root = cases.snapshot(paths.ROOT, paths.BUILD / "bench")
    except (OSError, registry.RegistryError) as error:
        print(f"error: cannot copy the project for the benchmark: {error}", file=sys.stderr)
        return 1
    context = cases.Context(
        root=root,
        languages=languages,
        all_languages=len(languages) == len(registry.load().languages),
        out=out,
        keep=args.keep,
    )
    result = run(context, [name for name in cases.CASES if name not in skip], (1, scale), quick=args.quick)
    result["commit"] = commit
    results.validate(result)
    from strom.files import write_atomically

    write_atomically(output, json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print("", file=out)
    print(results.format_table(result), file=out)
    print(f"\nwritten: {output}", file=out)
    failed = [name for name, case in result["cases"].items() if case["status"] == "failed"]
    return 1 if failed else 0


def _commit() -> str | None:
    """Return the measured commit (with ``+changes`` if the tree differs from it), or None outside git."""
    import subprocess

    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"], cwd=paths.ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=paths.ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return f"{head}+changes" if changed else head


def run(context: cases.Context, names: Sequence[str], factors: Sequence[int], *, quick: bool) -> dict[str, Any]:
    """Run the named cases one after another and return the result (not yet written)."""
    started = time.time()
    load_before = list(os.getloadavg())
    measured: dict[str, Any] = {}
    for name in cases.CASES:
        if name not in names:
            measured[name] = {"status": "skipped", "error": "left out with --skip"}
            continue
        context.say(f"{name}: {cases.CASES[name]}")
        case_started = time.perf_counter()
        load = os.getloadavg()[0]
        try:
            case = {"status": "ok", **cases.runner(name, factors)(context)}
        except cases.CaseError as error:
            case = {"status": "failed", "error": str(error)}
        except Exception as error:  # one broken case must not lose the measurements of the others
            case = {"status": "failed", "error": f"{type(error).__name__}: {error}"}
        if case["status"] == "ok":
            case["load_before"] = round(load, 2)
        context.say(f"  {case['status']} in {time.perf_counter() - case_started:.1f} s")
        if case["status"] != "ok":
            context.say(f"  {case['error']}")
        measured[name] = case
    cases_result = {name: measured[name] for name in cases.CASES}
    return {
        "schema": results.SCHEMA_VERSION,
        "started": datetime.datetime.fromtimestamp(started, datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "seconds": round(time.time() - started, 1),
        "quick": quick,
        "machine": {
            "cpus": build.default_jobs(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "sphinx": importlib.metadata.version("sphinx"),
            "weasyprint": importlib.metadata.version("weasyprint"),
            "load_before": [round(value, 2) for value in load_before],
            "load_after": [round(value, 2) for value in os.getloadavg()],
        },
        "languages": [language.code for language in context.languages],
        "cases": cases_result,
        "targets": [target.as_json() for target in results.evaluate(cases_result, factors[-1])],
    }
