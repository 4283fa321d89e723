"""Build orchestration: each language in its own process, both cores busy, output published atomically.

Per language, one worker process runs Sphinx's ``html`` builder and then our ``print`` builder on the same
doctree cache (so the sources are read once), renders the PDF, and publishes the results:

- ``_build/.work/<lang>/``: Sphinx's incremental state (doctrees, HTML, print HTML); never served.
- ``_build/html/<lang>/``: a complete copy of the HTML, swapped in by rename only after a successful build.
- ``_build/pdf/<stem>-<lang>.pdf``: rendered to a temporary file and renamed into place.

A killed build therefore leaves either the previous complete output or none at the final paths.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from strom import paths, registry

#: Output formats a worker can make.
FORMATS = ("html", "pdf")


@dataclass(frozen=True)
class BuildDirs:
    """The folders of one language's build."""

    language: str
    build: Path = paths.BUILD

    @property
    def work(self) -> Path:
        """Sphinx's incremental state for this language."""
        return self.build / ".work" / self.language

    @property
    def doctrees(self) -> Path:
        """The pickled environment and doctrees, shared by the HTML and print builders."""
        return self.work / "doctrees"

    @property
    def work_html(self) -> Path:
        """Where Sphinx writes (and incrementally rewrites) the HTML."""
        return self.work / "html"

    @property
    def work_print(self) -> Path:
        """Where the print builder writes the single-page HTML for the PDF."""
        return self.work / "print"

    @property
    def site(self) -> Path:
        """The published HTML of this language."""
        return self.build / "html" / self.language

    @property
    def log(self) -> Path:
        """The full log of the language's last build."""
        return self.build / "logs" / f"{self.language}.log"


@dataclass
class LanguageResult:
    """What one worker did: exit code, seconds, and the warning lines it printed."""

    code: str
    formats: tuple[str, ...]
    returncode: int
    seconds: float
    messages: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True if the worker built everything without a warning."""
        return self.returncode == 0


def tool_environment() -> dict[str, str]:
    """Return the environment for Sphinx and the tools: a real UTF-8 locale and a reproducible date.

    ``LANG`` is also the POSIX locale variable: ``make pdf LANG=lv`` exports ``LANG=lv`` and Python's
    ``locale.setlocale`` then fails. Tools always run under C.UTF-8; the language travels as ``--lang``.
    """
    env = dict(os.environ)
    for name in ("LANGUAGE", "LC_MESSAGES", "LC_CTYPE"):
        env.pop(name, None)
    env["LANG"] = env["LC_ALL"] = "C.UTF-8"
    env.setdefault("SOURCE_DATE_EPOCH", source_date_epoch())
    env.setdefault("PYTHONHASHSEED", "0")
    return env


def source_date_epoch() -> str:
    """Return ``SOURCE_DATE_EPOCH``: the environment's, else the last commit's time, else 0."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=paths.ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return "0"
    stamp = result.stdout.strip()
    return stamp if result.returncode == 0 and stamp.isdigit() else "0"


def default_jobs() -> int:
    """Return how many languages to build at once: one per available core."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def build(
    languages: Sequence[registry.Language],
    formats: Iterable[str],
    *,
    jobs: int | None = None,
    out: TextIO = sys.stdout,
) -> list[LanguageResult]:
    """Build ``formats`` for each language in parallel worker processes; print a line per language and a summary."""
    formats = tuple(f for f in FORMATS if f in set(formats))
    jobs = min(jobs or default_jobs(), len(languages)) or 1
    started = time.perf_counter()
    results: list[LanguageResult] = []
    width = len(str(len(languages)))
    print(f"building {'+'.join(formats)} for {len(languages)} language(s), {jobs} at a time", file=out, flush=True)
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(_run_worker, language.code, formats) for language in languages]
        for done, future in enumerate(as_completed(futures), start=1):
            result = future.result()
            results.append(result)
            status = "ok" if result.ok else "FAILED"
            line = f"[{done:>{width}}/{len(languages)}] {result.code:<3} {status:<6} {result.seconds:6.1f} s"
            if not result.ok:
                line += f"  (log: {paths.shown(BuildDirs(result.code).log)})"
            print(line, file=out, flush=True)
            for message in result.messages[:20]:
                print(f"    {message}", file=out, flush=True)
            if len(result.messages) > 20:
                print(f"    ... {len(result.messages) - 20} more in the log", file=out, flush=True)
    if "html" in formats:
        from strom import site

        site.write_root_index(registry.load(), paths.BUILD / "html")
    _print_summary(results, time.perf_counter() - started, languages, out)
    return results


def _print_summary(
    results: list[LanguageResult], seconds: float, languages: Sequence[registry.Language], out: TextIO
) -> None:
    """Print the closing table: each language's time and outcome, then the wall-clock total."""
    by_code = {result.code: result for result in results}
    print("", file=out)
    print("language  result  seconds", file=out)
    for language in languages:
        result = by_code[language.code]
        print(f"{language.code:<8}  {'ok' if result.ok else 'FAILED':<6}  {result.seconds:7.1f}", file=out)
    failed = [result.code for result in results if not result.ok]
    busy = sum(result.seconds for result in results)
    print(f"total: {seconds:.1f} s wall clock, {busy:.1f} s of work", file=out)
    if failed:
        print(f"FAILED: {' '.join(failed)}", file=out)
    else:
        outputs = []
        if any("html" in result.formats for result in results):
            outputs.append(paths.shown(paths.BUILD / "html") + "/<lang>/index.html")
        if any("pdf" in result.formats for result in results):
            outputs.append(paths.shown(paths.BUILD / "pdf") + "/")
        print(f"built: {', '.join(outputs)}", file=out)
    out.flush()


def _run_worker(code: str, formats: tuple[str, ...]) -> LanguageResult:
    """Run one language's build in a fresh Python process and collect its outcome."""
    dirs = BuildDirs(code)
    dirs.log.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "strom", "worker", "--lang", code, *(f"--{fmt}" for fmt in formats)]
    started = time.perf_counter()
    with dirs.log.open("w", encoding="utf-8") as log:
        process = subprocess.run(
            command,
            cwd=paths.ROOT,
            env=tool_environment(),
            stdout=log,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
        log.write(process.stderr)
    seconds = time.perf_counter() - started
    messages = [line for line in process.stderr.splitlines() if line.strip()]
    return LanguageResult(code, formats, process.returncode, seconds, messages)


def run_language(code: str, formats: Sequence[str], *, status: TextIO, warning: TextIO) -> int:
    """Build one language in this process (the worker's body); return 0 on a warning-free build.

    Writes what each phase cost to ``_build/logs/<lang>.json`` (seconds, PDF pages, peak memory) for the
    summary and for ``make bench``.
    """
    from sphinx.application import Sphinx
    from sphinx.util.console import nocolor
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    if not warning.isatty():
        nocolor()  # plain text in logs and in the parent's report
    language = registry.load().get(code)
    dirs = BuildDirs(code)
    overrides = {"language": language.sphinx}
    builders = [("html", dirs.work_html)] if "html" in formats else []
    if "pdf" in formats:
        builders.append(("print", dirs.work_print))
    metrics: dict[str, float | int] = {}
    for buildername, outdir in builders:
        started = time.perf_counter()
        # As sphinx-build does: each application gets its own Docutils registry of directives and roles, so
        # the second builder of this process does not warn that they are "already registered".
        with patch_docutils(paths.DOCS), docutils_namespace():
            app = Sphinx(
                srcdir=paths.DOCS,
                confdir=paths.DOCS,
                outdir=outdir,
                doctreedir=dirs.doctrees,
                buildername=buildername,
                confoverrides=overrides,
                status=status,
                warning=warning,
                warningiserror=True,
            )
            app.build()
        metrics[f"{buildername}_seconds"] = round(time.perf_counter() - started, 3)
        if app.statuscode:
            # Sphinx reports a document's warnings only when it reads it: forget the environment so the
            # next build reads everything again and shows the warnings again, instead of passing silently.
            (dirs.doctrees / "environment.pickle").unlink(missing_ok=True)
            return app.statuscode
    if "html" in formats:
        publish_tree(dirs.work_html, dirs.site)
    if "pdf" in formats:
        from strom import site
        from strom.pdf.render import RenderError, render_pdf

        pdf = paths.BUILD / "pdf" / language.pdf_filename
        try:
            result = render_pdf(dirs.work_print, language, pdf)
        except RenderError as error:
            print(f"error: {error}", file=warning)
            return 1
        metrics.update(render_seconds=round(result.seconds, 3), pages=result.pages)
        print(f"pdf: {result.pages} pages, {result.pages_per_second:.1f} pages/s", file=status)
        for message in result.warnings:
            print(f"{pdf}: WARNING: {message}", file=warning)
        if result.warnings:
            return 1
        site.publish_pdf(pdf, paths.BUILD / "html")
    metrics["peak_memory_mib"] = round(peak_memory_mib(), 1)
    from strom.files import write_atomically

    write_atomically(dirs.log.with_suffix(".json"), json.dumps(metrics, indent=2, sort_keys=True) + "\n")
    return 0


def peak_memory_mib() -> float:
    """Return this process's peak resident memory in MiB (Linux reports kibibytes)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_NOT_PUBLISHED = shutil.ignore_patterns(".buildinfo", ".buildinfo.bak", ".doctrees")


def publish_tree(source: Path, target: Path) -> None:
    """Replace ``target`` by a copy of ``source`` so that it is always either the old or the new complete tree."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(f".{target.name}.new-{os.getpid()}")
    retired = target.with_name(f".{target.name}.old-{os.getpid()}")
    for leftover in target.parent.glob(f".{target.name}.*-*"):  # from a build killed midway
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.copytree(source, staging, ignore=_NOT_PUBLISHED)
    if target.exists():
        target.rename(retired)
    staging.rename(target)
    shutil.rmtree(retired, ignore_errors=True)
