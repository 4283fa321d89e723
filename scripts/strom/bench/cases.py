"""The benchmark's cases: our builds, the two baselines, the rebuild after one changed message, and scaling.

A run first copies ``docs/`` and ``locale/`` to ``_build/bench/`` (a snapshot: writers and translators may save
while the benchmark runs, and every case must build the same content) and compiles the catalogues there, as any
earlier build would have. Every case then builds the snapshot (``STROM_ROOT``) into its own folder
``_build/bench/<case>/`` (``STROM_BUILD``), emptied first, so runs are cold and the published ``_build/html`` and
``_build/pdf``, and the real ``locale/``, are never touched. Cases that change sources (the edited message, the
synthetic corpus) work on a further copy inside their folder.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
import re
import shutil
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from strom import build, registry
from strom.bench import corpus
from strom.bench.measure import Measurement, run
from strom.bench.results import language_metrics

#: The language of the single-language cases: fully translated, so its rebuild and PDF are realistic.
LANGUAGE = "lv"
#: Appended to the edited translation, to find it in the rebuilt page.
EDIT_MARKER = "strombenchedit"
#: WeasyPrint's messages for a broken link or page reference (see strom.pdf.render.FATAL_MESSAGES).
_ANCHOR_ERROR = re.compile(r"No anchor|Anchor defined twice")

Case = dict[str, Any]


class CaseError(Exception):
    """A case could not produce its figures; the message says why (and where the log is)."""


@dataclass(frozen=True)
class Context:
    """What every case needs: the project snapshot, the languages, and where to print progress."""

    #: The snapshot (``docs/``, ``locale/``) the cases build; their folders are made beside it.
    root: Path
    languages: tuple[registry.Language, ...]
    all_languages: bool
    out: TextIO
    keep: bool = False

    def folder(self, name: str) -> Path:
        """Return the case's working folder, emptied."""
        folder = self.root / name
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        return folder

    def environment(self, *, build_dir: Path, root: Path | None = None) -> dict[str, str]:
        """Return the tools' environment with the build (and possibly the project) redirected."""
        env = build.tool_environment()
        env["STROM_BUILD"] = str(build_dir)
        env["STROM_ROOT"] = str(root or self.root)
        # sphinx-simplepdf runs the ``weasyprint`` command; find the one installed beside this Python.
        env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
        return env

    def strom(self, *args: str) -> list[str]:
        """Return the command line of ``python -m strom <args>``."""
        return [sys.executable, "-m", "strom", *args]

    def say(self, message: str) -> None:
        """Print a progress line."""
        print(message, file=self.out, flush=True)


def snapshot(source: Path, target: Path) -> Path:
    """Copy ``source``'s ``docs/`` and ``locale/`` into ``target`` (emptied first), compile its catalogues; return it.

    Copies keep their modification times, so Sphinx sees the snapshot as it would see the real tree. Compiling
    every outdated catalogue here, untimed, gives every case the state an earlier build leaves behind.
    """
    from sphinx.util.i18n import CatalogRepository

    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in ("docs", "locale"):
        shutil.copytree(source / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    for language in registry.load(target / "locale" / "languages.toml").targets:
        repository = CatalogRepository(target / "docs", ["../locale"], language.sphinx, "utf-8")
        for catalog in repository.catalogs:
            if catalog.is_outdated():
                catalog.write_mo(language.sphinx)
    return target


def _checked(measurement: Measurement, what: str) -> Measurement:
    """Return the measurement, or raise :class:`CaseError` with the log's tail if the command failed."""
    if not measurement.ok:
        raise CaseError(f"{what} failed (exit {measurement.returncode}); log: {measurement.log}\n{measurement.tail()}")
    return measurement


def _totals(measurement: Measurement) -> Case:
    """The figures every measured case reports."""
    return {
        "wall_seconds": measurement.wall_seconds,
        "cpu_seconds": measurement.cpu_seconds,
        "peak_memory_mib": measurement.peak_memory_mib,
    }


def _worker_metrics(build_dir: Path, code: str) -> dict[str, Any]:
    """Read what a language's worker measured (``<build>/logs/<code>.json``)."""
    path = build_dir / "logs" / f"{code}.json"
    try:
        raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CaseError(f"{path}: the worker's figures are missing or unreadable ({error})") from None
    return raw


def _language_option(ctx: Context) -> list[str]:
    """Return ``--lang`` for the chosen languages (nothing when all are chosen, as ``make all`` does)."""
    return [] if ctx.all_languages else ["--lang", ",".join(language.code for language in ctx.languages)]


# Our builds ----------------------------------------------------------------------------------------------------


def cold(ctx: Context) -> Case:
    """Our cold build of the chosen languages, HTML and PDF, with the parallel orchestrator (``make all``)."""
    folder = ctx.folder("cold")
    build_dir = folder / "build"
    measurement = _checked(
        run(
            ctx.strom("all", *_language_option(ctx)),
            env=ctx.environment(build_dir=build_dir),
            cwd=ctx.root,
            log=folder / "build.log",
        ),
        "the parallel build",
    )
    languages = {lang.code: language_metrics(_worker_metrics(build_dir, lang.code)) for lang in ctx.languages}
    return {"jobs": build.default_jobs(), **_totals(measurement), "languages": languages}


def pdf(ctx: Context) -> Case:
    """Our cold ``make pdf LANG=lv``: one worker reads the sources, writes the print HTML and renders."""
    folder = ctx.folder("pdf")
    build_dir = folder / "build"
    measurement = _checked(
        run(
            ctx.strom("pdf", "--lang", LANGUAGE),
            env=ctx.environment(build_dir=build_dir),
            cwd=ctx.root,
            log=folder / "build.log",
        ),
        f"make pdf LANG={LANGUAGE}",
    )
    return {"language": LANGUAGE, **_totals(measurement), **language_metrics(_worker_metrics(build_dir, LANGUAGE))}


# Baselines -----------------------------------------------------------------------------------------------------


def naive(ctx: Context) -> Case:
    """The naive route: per language, one after another, fresh ``sphinx-build -b html``, fresh print build, render.

    The print build gets its own doctree folder, so it reads the sources again; the render runs in a fresh
    process, so nothing is cached from the build.
    """
    folder = ctx.folder("naive")
    env = ctx.environment(build_dir=folder)
    languages: dict[str, Any] = {}
    wall = cpu = peak = 0.0
    for language in ctx.languages:
        work = folder / language.code
        steps: list[tuple[str, list[str]]] = [
            (name, _sphinx_build(ctx.root / "docs", work / name, work / f"{name}-doctrees", name, language.sphinx))
            for name in ("html", "print")
        ]
        steps.append(
            (
                "render",
                [sys.executable, "-m", "strom.bench.render", str(work / "print"), language.code, str(work / "pdf")],
            )
        )
        seconds: dict[str, float] = {}
        for name, command in steps:
            measurement = _checked(
                run(command, env=env, cwd=ctx.root, log=work / f"{name}.log"), f"naive {name} ({language.code})"
            )
            seconds[f"{name}_seconds"] = measurement.wall_seconds
            wall += measurement.wall_seconds
            cpu += measurement.cpu_seconds
            peak = max(peak, measurement.peak_memory_mib)
        seconds["pdf_seconds"] = round(seconds["print_seconds"] + seconds["render_seconds"], 3)
        languages[language.code] = seconds
        ctx.say(f"    naive {language.code}: {seconds['html_seconds'] + seconds['pdf_seconds']:.1f} s")
    totals = {"wall_seconds": round(wall, 3), "cpu_seconds": round(cpu, 3), "peak_memory_mib": peak}
    return {**totals, "languages": languages}


def _sphinx_build(docs: Path, out: Path, doctrees: Path, builder: str, language: str) -> list[str]:
    """Return a plain ``sphinx-build`` command line, as the naive route (and our workers) run it: warnings fail."""
    return [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        builder,
        "-W",
        "--keep-going",
        "-D",
        f"language={language}",
        "-d",
        str(doctrees),
        str(docs),
        str(out),
    ]


def simplepdf(ctx: Context) -> Case:
    """sphinx-simplepdf's PDF of the same content in Latvian (an optional bench extra; recorded if unusable)."""
    if importlib.util.find_spec("sphinx_simplepdf") is None:
        return {
            "status": "unavailable",
            "error": "sphinx-simplepdf is not installed: .venv/bin/pip install -e '.[bench]'",
        }
    version = importlib.metadata.version("sphinx-simplepdf")
    folder = ctx.folder("simplepdf")
    confdir = folder / "conf"
    confdir.mkdir()
    # Our configuration plus the extension: the same content, extensions and translations, its builder.
    (confdir / "conf.py").write_text(
        '"""The project\'s conf.py plus sphinx_simplepdf (written by strom.bench)."""\n'
        "from pathlib import Path\n\n"
        f"_conf = Path({str(ctx.root / 'docs' / 'conf.py')!r})\n"
        'exec(compile(_conf.read_text(encoding="utf-8"), str(_conf), "exec"))\n'
        'extensions.append("sphinx_simplepdf")\n',
        encoding="utf-8",
    )
    output = folder / "out"
    language = registry.load(ctx.root / "locale" / "languages.toml").get(LANGUAGE)
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "simplepdf",
        "-c",
        str(confdir),
        "-D",
        f"language={language.sphinx}",
        "-D",
        f"simplepdf_file_name={language.pdf_filename}",
        "-d",
        str(folder / "doctrees"),
        str(ctx.root / "docs"),
        str(output),
    ]
    measurement = run(command, env=ctx.environment(build_dir=folder), cwd=ctx.root, log=folder / "build.log")
    case: Case = {"version": version, "language": LANGUAGE, **_totals(measurement)}
    pdf_file = output / language.pdf_filename
    if not measurement.ok or not pdf_file.is_file():
        return {
            **case,
            "status": "failed",
            "error": f"sphinx-simplepdf {version} made no PDF (exit {measurement.returncode}); log: {measurement.log}",
        }
    log = measurement.log.read_text(encoding="utf-8", errors="replace")
    case["anchor_errors"] = len(_ANCHOR_ERROR.findall(log))
    pages = count_pages(pdf_file)
    if pages is not None:
        case["pages"] = pages
    return case


def count_pages(pdf_file: Path) -> int | None:
    """Return the PDF's page count, or None without pypdf (a test dependency)."""
    try:
        from pypdf import PdfReader
    except ImportError:
        return None
    return len(PdfReader(pdf_file).pages)


# Rebuild after one changed message -----------------------------------------------------------------------------


def incremental(ctx: Context) -> Case:
    """``make html LANG=lv`` cold, then again after one translated message changed, in a copy of the project."""
    folder = ctx.folder("incremental")
    root = folder / "root"
    root.mkdir()
    # copytree keeps modification times, so Sphinx sees the copy exactly as it would see the real tree.
    shutil.copytree(ctx.root / "docs", root / "docs")
    shutil.copytree(ctx.root / "locale", root / "locale")
    build_dir = root / "_build"
    env = ctx.environment(build_dir=build_dir, root=root)
    command = ctx.strom("html", "--lang", LANGUAGE)
    first = _checked(run(command, env=env, cwd=root, log=folder / "cold.log"), f"cold make html LANG={LANGUAGE}")
    cold_html = _worker_metrics(build_dir, LANGUAGE)["html_seconds"]
    edit = edit_one_message(root / "locale" / LANGUAGE / "LC_MESSAGES")
    second = _checked(run(command, env=env, cwd=root, log=folder / "rebuild.log"), "the rebuild")
    rebuild_html = _worker_metrics(build_dir, LANGUAGE)["html_seconds"]
    page = build_dir / "html" / LANGUAGE / f"{edit.docname}.html"
    if EDIT_MARKER not in page.read_text(encoding="utf-8"):
        raise CaseError(f"{page}: the rebuild did not publish the changed message (see {folder / 'rebuild.log'})")
    if not ctx.keep:
        shutil.rmtree(root)
    return {
        "language": LANGUAGE,
        "document": edit.docname,
        "catalog": str(edit.catalog.relative_to(root)),
        "cold_wall_seconds": first.wall_seconds,
        "cold_cpu_seconds": first.cpu_seconds,
        "cold_html_seconds": cold_html,
        "rebuild_wall_seconds": second.wall_seconds,
        "rebuild_cpu_seconds": second.cpu_seconds,
        "rebuild_html_seconds": rebuild_html,
        "peak_memory_mib": max(first.peak_memory_mib, second.peak_memory_mib),
    }


@dataclass(frozen=True)
class Edit:
    """Which message the benchmark changed."""

    catalog: Path
    docname: str
    msgid: str


def edit_one_message(messages_dir: Path) -> Edit:
    """Append a word to one translated paragraph of a chapter's catalogue in ``messages_dir`` (a copy!).

    The first chapter catalogue with a translation is taken, and in it the longest translated message (a
    paragraph, not a heading, so only that page changes). The catalogue is made newer than its compiled ``.mo``
    so that Sphinx recompiles it, as after a translator's save.
    """
    import polib

    for path in sorted((messages_dir / "chapters").glob("*.po")):
        catalog = polib.pofile(str(path), wrapwidth=0)
        translated = [entry for entry in catalog.translated_entries() if not entry.obsolete]
        if not translated:
            continue
        entry = max(translated, key=lambda candidate: len(candidate.msgstr))
        entry.msgstr = f"{entry.msgstr} {EDIT_MARKER}"
        catalog.save(str(path))
        compiled = path.with_suffix(".mo")
        if compiled.exists():
            newer = max(path.stat().st_mtime, compiled.stat().st_mtime + 1)
            os.utime(path, (newer, newer))
        docname = path.relative_to(messages_dir).with_suffix("").as_posix()
        return Edit(path, docname, entry.msgid)
    raise CaseError(f"{messages_dir}: no chapter catalogue has a translated message to edit")


# Scaling -------------------------------------------------------------------------------------------------------


def scale(ctx: Context, factors: Sequence[int]) -> Case:
    """Build the English HTML and PDF of synthetic corpora of ``factors`` times the content, one at a time."""
    source = registry.load(ctx.root / "locale" / "languages.toml").source.code
    folder = ctx.folder("scale")
    runs = []
    for factor in factors:
        made = corpus.generate(ctx.root, folder / f"x{factor}", factor)
        build_dir = made.root / "_build"
        measurement = _checked(
            run(
                ctx.strom("all", "--lang", source),
                env=ctx.environment(build_dir=build_dir, root=made.root),
                cwd=made.root,
                log=folder / f"x{factor}.log",
            ),
            f"the {factor}x corpus",
        )
        metrics = _worker_metrics(build_dir, source)
        work = metrics["html_seconds"] + metrics["print_seconds"] + metrics["render_seconds"]
        runs.append(
            {
                "factor": factor,
                "documents": made.documents,
                "pages": metrics["pages"],
                **_totals(measurement),
                "work_seconds": round(work, 3),
                "html_seconds": metrics["html_seconds"],
                "print_seconds": metrics["print_seconds"],
                "render_seconds": metrics["render_seconds"],
                "pdf_seconds": round(metrics["print_seconds"] + metrics["render_seconds"], 3),
                # The worker's own peak: Sphinx's environment plus WeasyPrint's layout of the whole book.
                "peak_memory_mib": metrics["peak_memory_mib"],
            }
        )
        ctx.say(f"    {factor}x: {measurement.wall_seconds:.1f} s, {metrics['pages']} pages")
        if not ctx.keep:
            shutil.rmtree(made.root)
    return {"language": source, "runs": runs}


#: Every case, in the order a full run measures them.
CASES: Mapping[str, str] = {
    "cold": "our cold build, all chosen languages (HTML+PDF), parallel",
    "naive": "baseline: naive sequential sphinx-build + single page + WeasyPrint per language",
    "pdf": f"our cold make pdf LANG={LANGUAGE}",
    "simplepdf": f"baseline: sphinx-simplepdf, {LANGUAGE} PDF",
    "incremental": f"make html LANG={LANGUAGE}: cold, then after one changed message",
    "scale": "synthetic corpus: English HTML+PDF at 1x and Nx the content",
}


def runner(name: str, factors: Sequence[int]) -> Callable[[Context], Case]:
    """Return the function that runs case ``name``."""
    functions: dict[str, Callable[[Context], Case]] = {
        "cold": cold,
        "naive": naive,
        "pdf": pdf,
        "simplepdf": simplepdf,
        "incremental": incremental,
        "scale": lambda ctx: scale(ctx, factors),
    }
    return functions[name]
