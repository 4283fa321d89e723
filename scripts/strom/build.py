"""Build orchestration: each language in its own process, both cores busy, output published atomically.

Per language, one worker process (for a build of one language, the command's own process) runs Sphinx's ``html``
builder and then our ``print`` builder on the same doctree cache (so the sources are read once), renders the PDF,
and publishes the results:

- ``_build/.work/<lang>/``: Sphinx's incremental state (doctrees, HTML, print HTML); never served.
- ``_build/html/<lang>/``: a complete copy of the HTML, swapped in by rename only after a successful build.
- ``_build/pdf/<stem>-<lang>.pdf``: rendered to a temporary file and renamed into place.

A killed build therefore leaves either the previous complete output or none at the final paths. A marker file
in ``_build/.work/<lang>/`` tells the next build that the last one did not finish, so it starts from scratch instead
of trusting Sphinx's half-written state (Sphinx decides what to rewrite by file times, and a file cut short by the
kill is newer than its source).

Before Sphinx starts, a worker checks what Sphinx would silently get wrong: catalogues it cannot read (Babel skips
what it cannot parse and carries on) and, for the PDF, the bundled fonts. Problems a user can cause are reported
as one line each, with the file, the line and what to do; the language fails, the others build on. Catalogues that
passed these checks unchanged in an earlier build are not checked again.
"""

from __future__ import annotations

import codecs
import errno
import gc
import hashlib
import io
import json
import locale
import os
import re
import shutil
import subprocess
import sys
import time
import traceback
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from strom import paths, registry

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: Output formats a worker can make.
FORMATS = ("html", "pdf")
#: Present while a language builds; found at the start of a build, it means the previous one was killed.
BUILDING_MARKER = "building"
#: The source files the last build used (``_build/.work/<lang>/sources.json``).
SOURCES_RECORD = "sources.json"
#: The catalogues that passed :func:`catalogue_problems`, by content (``_build/.work/<lang>/catalogues-checked.json``).
CHECKED_RECORD = "catalogues-checked.json"
#: Raise it when :func:`check_catalogue_file` checks more: catalogues recorded as passed are then checked again.
CATALOGUE_CHECKS = "1"
#: What ``_build/.work/<lang>/`` holds; a build that finds another value there starts from scratch.
#: 2: the pickled environment keeps the search index's state after writing (see ``_save_environment``).
WORK_FORMAT = "2"
#: What to do about the Sphinx warnings a writer causes most often, by their ``[type.subtype]``.
HINTS = {
    "ref.ref": "a {ref} names a label that does not exist: correct the name, or put (label)= on the line "
    "before the heading it points to",
    "ref.numref": "a {numref} names a label that does not exist or is not a numbered figure or table: "
    "correct the name, or give the figure :name:",
    "ref.doc": "a {doc} names a document that does not exist: correct the path (relative to the document)",
    "ref.term": "a {term} names a term the glossary does not define: correct it, or define the term in the "
    "glossary's {glossary} block",
    "image.not_readable": "an image file is missing: add the file at that path, or correct the path",
    "toc.not_readable": "a toctree names a document that does not exist: correct the name or add the document",
    "i18n.not_readable": "a catalogue cannot be read: save it as UTF-8 (make check-po lists every problem)",
}
_WARNING_KIND = re.compile(r"\[(?P<kind>[\w.-]+)\]$")
#: How many new objects a language's build makes between garbage collections (CPython's default: 700). A build
#: makes millions that live long (doctrees, the environment, Sphinx's modules); at the default pace CPython 3.11
#: spends a fifth of a build collecting, at this one a tenth (3 MiB more memory for the Latvian site).
GC_THRESHOLD = 10_000


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


@dataclass
class BuildOutcome:
    """What a build did: each language's result, and the problems outside any one language."""

    results: list[LanguageResult]
    #: One line each, e.g. a catalogue folder for a language the registry does not list, or an unwritable root page.
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True if every language built and nothing else went wrong."""
        return not self.problems and all(result.ok for result in self.results)


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
) -> BuildOutcome:
    """Build ``formats`` for each language in parallel worker processes; print a line per language and a summary.

    A single language is built in this process when it would build here as in a worker (see
    :func:`builds_like_a_worker`): starting a worker would cost a tenth of a second of a one-message rebuild.
    """
    formats = tuple(f for f in FORMATS if f in set(formats))
    jobs = min(jobs or default_jobs(), len(languages)) or 1
    started = time.perf_counter()
    results: list[LanguageResult] = []
    print(f"building {'+'.join(formats)} for {len(languages)} language(s), {jobs} at a time", file=out, flush=True)
    problems = unknown_catalogue_folders(registry.load())
    for problem in problems:
        print(problem, file=out, flush=True)
    if len(languages) == 1 and builds_like_a_worker():
        results.append(_build_here(languages[0].code, formats))
        _print_result(results[-1], 1, 1, out)
    else:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(_run_worker, language.code, formats) for language in languages]
            for done, future in enumerate(as_completed(futures), start=1):
                results.append(future.result())
                _print_result(results[-1], done, len(languages), out)
    if "html" in formats and any(result.ok for result in results):
        from strom import site

        try:
            site.write_root_index(registry.load(), paths.BUILD / "html")
        except OSError as error:
            problems.append(f"error: the root page: {describe_os_error(error)}")
            print(problems[-1], file=out, flush=True)
    _print_summary(results, time.perf_counter() - started, languages, out, problems)
    return BuildOutcome(results, problems)


def _print_result(result: LanguageResult, done: int, total: int, out: TextIO) -> None:
    """Print a finished language's line (``[1/2] lv  ok  6.1 s``), its first warnings and hints for them."""
    status = "ok" if result.ok else "FAILED"
    line = f"[{done:>{len(str(total))}}/{total}] {result.code:<3} {status:<6} {result.seconds:6.1f} s"
    if not result.ok:
        line += f"  (log: {paths.shown(BuildDirs(result.code).log)})"
    print(line, file=out, flush=True)
    for message in result.messages[:20]:
        print(f"    {message}", file=out, flush=True)
    if len(result.messages) > 20:
        print(f"    ... {len(result.messages) - 20} more in the log", file=out, flush=True)
    for hint in hints(result.messages):
        print(f"    hint: {hint}", file=out, flush=True)


def builds_like_a_worker() -> bool:
    """Whether a language built in this process comes out as in a worker: same string hashing, UTF-8 text files.

    A worker gets this process's ``PYTHONHASHSEED``, or 0 where it has none (:func:`tool_environment`); this
    process's seed was fixed when it started, so only a set seed is the same. ``make`` sets it.
    """
    seed = os.environ.get("PYTHONHASHSEED", "random")
    encoding = codecs.lookup(locale.getpreferredencoding(False)).name
    return seed != "random" and not sys.flags.ignore_environment and encoding == "utf-8"


def hints(messages: Iterable[str]) -> list[str]:
    """Return what to do about the warnings in ``messages`` whose kind has a hint, once per kind."""
    kinds = (match["kind"] for message in messages if (match := _WARNING_KIND.search(message.strip())))
    return [HINTS[kind] for kind in dict.fromkeys(kinds) if kind in HINTS]


def unknown_catalogue_folders(languages: registry.Registry) -> list[str]:
    """Return an error line for each ``locale/<code>/`` with catalogues for a code the registry does not list.

    Such a folder is usually a misspelt code (``no`` for ``nb``): its translations would silently never be built.
    """
    problems = []
    folders = sorted(paths.LOCALE.iterdir()) if paths.LOCALE.is_dir() else []
    for folder in folders:
        if folder.is_dir() and folder.name not in languages.codes and (folder / "LC_MESSAGES").is_dir():
            problems.append(
                f"error: {paths.shown(folder)}/: catalogues for '{folder.name}', which is not a language of "
                f"{paths.shown(languages.path)} (known: {' '.join(languages.codes)}), so they are not built; "
                "add a [[language]] table for it there, or rename the folder to a known code"
            )
    return problems


def describe_os_error(error: OSError) -> str:
    """Say which file could not be read or written, why, and what to do (for a full disk, a read-only folder)."""
    # A copy reports its source as filename and its target as filename2: the target is what could not be written.
    filename = error.filename2 or error.filename
    where = paths.shown(Path(os.fsdecode(filename))) if filename else "a file (the log names it)"
    reason = error.strerror or str(error)
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        hint = "free some disk space, or build on another disk with STROM_BUILD=<folder>"
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        hint = "make the build folder writable, or build elsewhere with STROM_BUILD=<folder>"
    elif error.errno == errno.EFBIG:
        hint = "a file is larger than this system allows (ulimit -f); raise the limit"
    else:
        hint = "see the language's log for details"
    return f"cannot write {where}: {reason}; {hint}"


def _print_summary(
    results: list[LanguageResult],
    seconds: float,
    languages: Sequence[registry.Language],
    out: TextIO,
    problems: Sequence[str] = (),
) -> None:
    """Print the closing table: each language's time and outcome, the wall-clock total, then what failed."""
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
    if problems:
        print(f"FAILED: {len(problems)} problem(s) outside the languages' builds, listed above", file=out)
    if not failed:
        outputs = []
        if any("html" in result.formats for result in results):
            outputs.append(paths.shown(paths.BUILD / "html") + "/<lang>/index.html")
        if any("pdf" in result.formats for result in results):
            outputs.append(paths.shown(paths.BUILD / "pdf") + "/")
        print(f"built: {', '.join(outputs)}", file=out)
    out.flush()


def _build_here(code: str, formats: tuple[str, ...]) -> LanguageResult:
    """Build one language in this process as a worker would: its output in the log, its warnings collected."""
    dirs = BuildDirs(code)
    started = time.perf_counter()
    try:
        dirs.log.parent.mkdir(parents=True, exist_ok=True)
        log = dirs.log.open("w", encoding="utf-8")
    except OSError as error:  # a read-only or full build folder
        return LanguageResult(code, formats, 1, 0.0, [f"error: {describe_os_error(error)}"])
    problems: list[str] = []
    warnings, returncode = io.StringIO(), 1
    try:
        with log:
            # What a worker's code prints elsewhere than Sphinx's streams (Python's warnings, a library's print)
            # goes where a worker's output goes: stdout into the log, stderr into the report.
            with _tool_environment_set(), redirect_stdout(log), redirect_stderr(warnings):
                returncode = work(code, formats, status=log, warning=warnings)
            log.write(warnings.getvalue())  # where a worker's stderr goes: after its output
    except OSError as error:  # the disk filled up while the log was written; the build's own outcome stands
        problems.append(f"error: the log: {describe_os_error(error)}")
    seconds = time.perf_counter() - started
    messages = [line for line in warnings.getvalue().splitlines() if line.strip()]
    return LanguageResult(code, formats, returncode or (1 if problems else 0), seconds, messages + problems)


@contextmanager
def _tool_environment_set() -> Iterator[None]:
    """Give this process the environment of a worker (:func:`tool_environment`) until the block ends."""
    saved = dict(os.environ)
    wanted = tool_environment()
    try:
        os.environ.clear()
        os.environ.update(wanted)
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def work(code: str, formats: Sequence[str], *, status: TextIO, warning: TextIO) -> int:
    """Build one language (a worker's whole job); errors become one line on ``warning``, details go to ``status``."""
    from sphinx.errors import SphinxError

    try:
        with _fewer_garbage_collections():
            return run_language(code, formats, status=status, warning=warning)
    except (SphinxError, registry.RegistryError) as error:
        print(f"error: {error}", file=warning)
    except OSError as error:  # a full disk or a read-only folder: one line for the user, the details in the log
        traceback.print_exc(file=status)
        print(f"error: {describe_os_error(error)}", file=warning)
    except Exception:  # a defect: what Python would print if a worker died of it
        traceback.print_exc(file=warning)
    return 1


@contextmanager
def _fewer_garbage_collections() -> Iterator[None]:
    """Collect garbage at the pace of :data:`GC_THRESHOLD` until the block ends."""
    saved = gc.get_threshold()
    gc.set_threshold(GC_THRESHOLD, *saved[1:])
    try:
        yield
    finally:
        gc.set_threshold(*saved)


def _run_worker(code: str, formats: tuple[str, ...]) -> LanguageResult:
    """Run one language's build in a fresh Python process and collect its outcome."""
    dirs = BuildDirs(code)
    command = [sys.executable, "-m", "strom", "worker", "--lang", code, *(f"--{fmt}" for fmt in formats)]
    started = time.perf_counter()
    try:
        dirs.log.parent.mkdir(parents=True, exist_ok=True)
        log = dirs.log.open("w", encoding="utf-8")
    except OSError as error:  # a read-only or full build folder: the worker could not write either
        return LanguageResult(code, formats, 1, 0.0, [f"error: {describe_os_error(error)}"])
    problems: list[str] = []
    stderr, returncode = "", 1
    try:
        with log:
            process = subprocess.run(
                command,
                cwd=paths.ROOT,
                env=tool_environment(),
                stdout=log,
                stderr=subprocess.PIPE,
                text=True,
                check=False,
            )
            stderr, returncode = process.stderr, process.returncode
            log.write(stderr)
    except OSError as error:  # the disk filled up while the log was written; the worker's own outcome stands
        problems.append(f"error: the log: {describe_os_error(error)}")
    seconds = time.perf_counter() - started
    messages = [line for line in stderr.splitlines() if line.strip()]
    return LanguageResult(code, formats, returncode or (1 if problems else 0), seconds, messages + problems)


def run_language(code: str, formats: Sequence[str], *, status: TextIO, warning: TextIO) -> int:
    """Build one language in this process (the worker's body); return 0 on a warning-free build.

    Writes what each phase cost to ``_build/logs/<lang>.json`` (seconds, PDF pages, peak memory) for the
    summary and for ``make bench``.
    """
    from sphinx.util.console import nocolor

    if not warning.isatty():
        nocolor()  # plain text in logs and in the parent's report
    language = registry.load().get(code)
    dirs = BuildDirs(code)
    checked = CheckedCatalogues(dirs.work / CHECKED_RECORD)
    problems = catalogue_problems(language, checked) + (print_problems(language) if "pdf" in formats else [])
    if problems:
        for problem in problems:
            print(problem, file=warning)
        return 1
    marker = _begin(language, dirs, status)
    checked.save()  # after _begin, which may start the folder afresh: the digests hold whatever Sphinx's state
    returncode = _build_and_publish(language, dirs, formats, status=status, warning=warning)
    # Removed only here: an exception or a kill leaves it, and the next build starts from scratch.
    marker.unlink(missing_ok=True)
    return returncode


def _begin(language: registry.Language, dirs: BuildDirs, status: TextIO) -> Path:
    """Mark the language's build as running; first discard Sphinx's state where it cannot be trusted.

    That is: when the last build never finished (Sphinx rewrites only pages older than their source, so a page
    cut short by a kill would be published as it is; a catalogue's ``.mo`` likewise), when the state was made
    by an older version of this module, and when a source file was removed (Sphinx keeps its output).
    """
    marker = dirs.work / BUILDING_MARKER
    stamp = dirs.work / "format"
    removed = _removed_sources(dirs)
    if marker.exists():
        why = "the last build did not finish"
    elif dirs.work.exists() and _read(stamp) != WORK_FORMAT:
        why = "the last build was made by an older version of the build"
    elif removed:
        # Sphinx never deletes the output of a removed document or image, nor its words in the search index.
        why = f"removed since the last build: {' '.join(removed)}"
    else:
        why = ""
    if why:
        print(f"{language.code}: {why}; building it from scratch", file=status)
        shutil.rmtree(dirs.work)
        for compiled in (paths.LOCALE / language.code).rglob("*.mo"):
            compiled.unlink()
    dirs.work.mkdir(parents=True, exist_ok=True)
    stamp.write_text(WORK_FORMAT, encoding="utf-8")
    marker.touch()
    return marker


def _read(path: Path) -> str | None:
    """Return a small text file's content, or None if it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _removed_sources(dirs: BuildDirs) -> list[str]:
    """Return the source files (relative to ``docs/``) the last build used that are gone now."""
    try:
        previous = json.loads(_read(dirs.work / SOURCES_RECORD) or "[]")
    except ValueError:
        return []
    return [name for name in previous if isinstance(name, str) and not (paths.DOCS / name).exists()]


def _record_sources(app: Sphinx, dirs: BuildDirs) -> None:
    """Remember the source files (documents, images, downloads) this build used, for :func:`_removed_sources`."""
    from strom.files import write_atomically

    env = app.env
    used = {Path(env.doc2path(docname, False)).as_posix() for docname in env.found_docs}
    used |= {Path(name).as_posix() for name in (*env.images, *env.dlfiles)}
    write_atomically(dirs.work / SOURCES_RECORD, json.dumps(sorted(used), indent=0) + "\n")


def _build_and_publish(
    language: registry.Language, dirs: BuildDirs, formats: Sequence[str], *, status: TextIO, warning: TextIO
) -> int:
    """Run the Sphinx builders, then publish the HTML and render and publish the PDF; return 0 on success."""
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace, patch_docutils

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
            _keep_compiled_templates(app, dirs.work / "templates")
            app.build()
        metrics[f"{buildername}_seconds"] = round(time.perf_counter() - started, 3)
        if app.statuscode:
            # Sphinx reports a document's warnings only when it reads it: forget the environment so the
            # next build reads everything again and shows the warnings again, instead of passing silently.
            (dirs.doctrees / "environment.pickle").unlink(missing_ok=True)
            return app.statuscode
        _record_sources(app, dirs)
        if buildername == "html":
            _save_environment(app, dirs)
    if "html" in formats:
        publish_tree(dirs.work_html, dirs.site)
    if "pdf" in formats:
        from strom import site
        from strom.pdf.render import RenderError, render_pdf
        from strom.pdf.typography import TypographyError

        pdf = paths.BUILD / "pdf" / language.pdf_filename
        try:
            result = render_pdf(dirs.work_print, language, pdf)
        except (RenderError, TypographyError) as error:
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


def _keep_compiled_templates(app: Sphinx, folder: Path) -> None:
    """Keep the theme's templates compiled between builds: Jinja compiles some twenty on every start (0.1 s).

    Jinja stores each with its source's checksum and its own version, so a changed template is compiled again.
    """
    import jinja2

    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if isinstance(environment, jinja2.Environment):
        folder.mkdir(parents=True, exist_ok=True)
        environment.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))


def _save_environment(app: Sphinx, dirs: BuildDirs) -> None:
    """Keep the search index's state of this build in Sphinx's pickled environment for the next incremental build.

    Sphinx pickles the environment before writing, so what writing adds (the index entries of every page) is lost,
    and an incremental build publishes a search index without the glossary's entries of the pages it did not
    rewrite: https://github.com/sphinx-doc/sphinx/issues/12599. Only the ``_search_index_*`` attributes are carried
    over into the pickle Sphinx wrote: the rest of the environment after writing holds caches that must not
    outlive the build (e.g. the root document's doctree).
    """
    import pickle

    from sphinx.application import ENV_PICKLE_FILENAME

    from strom.files import replace_atomically

    path = dirs.doctrees / ENV_PICKLE_FILENAME
    try:
        with path.open("rb") as stream:
            saved = pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError):
        return
    for name, value in vars(app.env).items():
        if name.startswith("_search_index_"):
            setattr(saved, name, value)
    replace_atomically(path, lambda stream: pickle.dump(saved, stream, pickle.HIGHEST_PROTOCOL))


_BOM = b"\xef\xbb\xbf"
#: msgfmt's consistency checks (a leading or trailing newline in one of msgid and msgstr): errors to msgfmt, but
#: Sphinx reads the entry as written; ``make check-po`` reports them (WHITESPACE).
_NOT_SYNTAX = re.compile(r"entries do not both (begin|end) with")
_CHARSET = re.compile(r'^"Content-Type:[^"]*?charset=(?P<charset>[^\s";\\]+)', re.IGNORECASE)


def catalogue_problems(language: registry.Language, checked: CheckedCatalogues | None = None) -> list[str]:
    """Return a ``path:line: error: ...`` line for each problem that would make Sphinx misread a catalogue.

    Sphinx compiles catalogues with Babel, which skips what it cannot parse and carries on: a missing quote
    loses translations without a word, a wrong charset fails with no line. So the build checks encoding,
    charset and syntax first, as GNU ``msgfmt`` reads them. A byte-order mark and Windows line ends are no
    problem here (Sphinx reads catalogues as ``utf-8-sig`` with universal newlines; the output is the same):
    ``make check-po`` asks for them to be cleaned up.

    With ``checked``, a catalogue whose bytes passed in an earlier build is not checked again (msgfmt runs once
    per catalogue: a tenth of a second for a language), and ``checked`` learns the ones that pass now.
    """
    folder = paths.LOCALE / language.code / "LC_MESSAGES"
    if not folder.is_dir():
        return []
    problems = []
    for path in sorted(folder.rglob("*.po")):
        try:
            digest = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
        except OSError:
            digest = ""  # check_catalogue_file says why it cannot be read
        found = [] if checked and digest in checked.before else check_catalogue_file(path, language)
        if checked and digest and not found:
            checked.now.add(digest)
        problems += found
    return problems


@dataclass
class CheckedCatalogues:
    """The catalogues that passed :func:`check_catalogue_file`, by a digest of their bytes, kept between builds.

    The record names the checks (:data:`CATALOGUE_CHECKS` and msgfmt, or polib without it): passes made by other
    checks do not count.
    """

    path: Path
    checker: str = field(default_factory=lambda: f"{CATALOGUE_CHECKS} {shutil.which('msgfmt') or 'polib'}")
    #: The digests that passed in earlier builds.
    before: set[str] = field(init=False)
    #: The digests that passed in this build.
    now: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        """Read the record (an unreadable, foreign or missing one counts as empty)."""
        try:
            content = json.loads(_read(self.path) or "{}")
        except ValueError:
            content = {}
        passed = content.get("passed") if isinstance(content, dict) and content.get("checker") == self.checker else []
        self.before = {digest for digest in passed if isinstance(digest, str)} if isinstance(passed, list) else set()

    def save(self) -> None:
        """Record the catalogues that passed in this build (and only those), if that changed."""
        if self.now != self.before:
            from strom.files import write_atomically

            record = {"checker": self.checker, "passed": sorted(self.now)}
            write_atomically(self.path, json.dumps(record, indent=0) + "\n")


def check_catalogue_file(path: Path, language: registry.Language) -> list[str]:
    """Check one catalogue's encoding, charset and syntax; return ``path:line: error: ...`` lines (never raises)."""
    where = paths.shown(path)
    check = f"make check-po LANG={language.code} lists every problem"
    try:
        data = path.read_bytes().removeprefix(_BOM)
    except OSError as error:
        return [f"{where}:1: error: the catalogue cannot be read: {error.strerror}"]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return [
            f"{where}:{line}: error: byte 0x{data[error.start]:02x} is not UTF-8: save the file as UTF-8 "
            f"(Poedit does; in a text editor choose the UTF-8 encoding); {check}"
        ]
    problems = []
    for number, line_text in enumerate(text.splitlines(), start=1):
        if match := _CHARSET.match(line_text):
            if match["charset"].lower().replace("-", "").replace("_", "") != "utf8":
                problems.append(
                    f"{where}:{number}: error: the header says charset={match['charset']}, but catalogues are "
                    'UTF-8: write "Content-Type: text/plain; charset=UTF-8\\n" and save the file as UTF-8'
                )
            break
    problems += [
        f"{where}:{line}: error: {message}; correct the entry ({check})" for line, message in _syntax_errors(text)
    ]
    return problems


def _syntax_errors(text: str) -> list[tuple[int, str]]:
    """Return the syntax errors in a catalogue's text as GNU msgfmt sees them (polib's parser if it is missing)."""
    from strom.catalog import gnu

    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        import polib

        try:
            polib.pofile(text)
        except (OSError, ValueError) as error:  # polib reports the line in the message: "... (line 7)"
            found = re.search(r"line (\d+)", str(error))
            return [(int(found[1]) if found else 1, str(error).split(" (line")[0])]
        return []
    # English diagnostics whatever the locale (they are parsed), the text on stdin (without the BOM msgfmt rejects).
    environment = {**os.environ, "LC_ALL": "C.UTF-8", "LANGUAGE": ""}
    result = subprocess.run(
        [msgfmt, "-o", os.devnull, "-"], input=text.encode("utf-8"), capture_output=True, env=environment, check=False
    )
    if result.returncode == 0:
        return []
    diagnostics = gnu.parse_diagnostics(result.stderr.decode("utf-8", "replace"), Path("<stdin>"))
    errors = [(item.line, item.message) for item in diagnostics if item.severity == "error"]
    syntax = [(line, message) for line, message in errors if not _NOT_SYNTAX.search(message)]
    if errors and not syntax:
        return []  # only msgfmt's consistency checks, which Sphinx does not need and check-po reports
    return syntax or [(1, f"msgfmt cannot read the catalogue (exit status {result.returncode})")]


def print_problems(language: registry.Language) -> list[str]:
    """Return an error line if the PDF cannot be made: a bundled font or hyphenation dictionary is missing."""
    from strom.pdf import typography

    try:
        typography.font_face_css()
        typography.hyphenation_language(language)
    except typography.TypographyError as error:
        return [f"error: {error}"]
    return []


def peak_memory_mib() -> float:
    """Return this process's peak resident memory in MiB (Linux reports kibibytes)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_NOT_PUBLISHED = shutil.ignore_patterns(".buildinfo", ".buildinfo.bak", ".doctrees")


def publish_tree(source: Path, target: Path) -> None:
    """Replace ``target`` by a copy of ``source`` so that it is always either the old or the new complete tree.

    The new tree is put together beside ``target`` and renamed into place. A file the last publication copied and
    Sphinx has not rewritten since is linked from the old tree instead of copied again: published files are never
    written in place, only replaced with the whole tree, so the two trees can share it.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(f".{target.name}.new-{os.getpid()}")
    retired = target.with_name(f".{target.name}.old-{os.getpid()}")
    for leftover in target.parent.glob(f".{target.name}.*-*"):  # from a build killed midway
        shutil.rmtree(leftover, ignore_errors=True)
    try:
        _copy_tree(source, staging, previous=target)
    except BaseException:  # a full disk: leave no half copy behind to fill it further
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if target.exists():
        target.rename(retired)
    staging.rename(target)
    shutil.rmtree(retired, ignore_errors=True)


def _copy_tree(source: Path, target: Path, *, previous: Path | None = None) -> None:
    """Copy a tree, stopping at the first error with that error (``shutil.copytree`` gathers them into one string).

    A file of ``previous`` with the size and modification time of its source (which ``shutil.copy2`` keeps) is that
    source's earlier copy: it is hard-linked instead of copied.
    """
    for folder, subfolders, files in os.walk(source):
        ignored = _NOT_PUBLISHED(folder, [*subfolders, *files])
        subfolders[:] = sorted(name for name in subfolders if name not in ignored)
        relative = Path(folder).relative_to(source)
        destination = target / relative
        destination.mkdir(parents=True, exist_ok=True)
        for name in sorted(files):
            if name not in ignored:
                original = Path(folder, name)
                if not (previous and _link_unchanged(original, previous / relative / name, destination / name)):
                    shutil.copy2(original, destination / name)


def _link_unchanged(source: Path, copy: Path, link: Path) -> bool:
    """Hard-link ``copy`` at ``link`` if it is an unchanged copy of ``source``; return whether it did."""
    try:
        wanted, found = source.stat(), copy.stat(follow_symlinks=False)
    except OSError:
        return False  # not published before
    if (found.st_size, found.st_mtime_ns) != (wanted.st_size, wanted.st_mtime_ns):
        return False
    try:
        os.link(copy, link)
    except OSError:  # a file system without hard links, or the link limit: copy instead
        return False
    return True
