"""Command line: ``python -m strom <command> [--lang CODES]``; the Makefile calls one command per target."""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence

from strom import build, paths, registry

#: Translator commands, implemented in strom.catalog.cli as ``main_<name>(argv) -> int``.
CATALOG_COMMANDS = ("gettext", "update-po", "format-po", "check-po", "stats", "fuzzy")


def _languages(option: str | None) -> tuple[registry.Language, ...]:
    """Return the languages named by ``--lang`` (all when empty)."""
    return registry.load().select(option)


def _cmd_html(args: argparse.Namespace) -> int:
    """Build the website for the chosen languages."""
    return 0 if build.build(_languages(args.lang), ["html"], jobs=args.jobs).ok else 1


def _cmd_pdf(args: argparse.Namespace) -> int:
    """Build the PDF for the chosen languages."""
    return 0 if build.build(_languages(args.lang), ["pdf"], jobs=args.jobs).ok else 1


def _cmd_all(args: argparse.Namespace) -> int:
    """Build the website and the PDF for the chosen languages (one Sphinx read per language)."""
    return 0 if build.build(_languages(args.lang), ["html", "pdf"], jobs=args.jobs).ok else 1


def _cmd_worker(args: argparse.Namespace) -> int:
    """Build one language in this process (used by the parallel builder)."""
    formats = [fmt for fmt in build.FORMATS if getattr(args, fmt)]
    return build.work(args.lang, formats, status=sys.stdout, warning=sys.stderr)


def _cmd_live(args: argparse.Namespace) -> int:
    """Serve one language with live reload (sphinx-autobuild)."""
    language = registry.load().get(args.lang or registry.load().source.code)
    dirs = build.BuildDirs(language.code)
    command = [
        sys.executable,
        "-m",
        "sphinx_autobuild",
        str(paths.DOCS),
        str(dirs.work / "live"),
        "-D",
        f"language={language.sphinx}",
        "-d",
        str(dirs.doctrees),
        "--watch",
        str(paths.LOCALE / language.code),
        "--port",
        str(args.port),
    ]
    return subprocess.call(command, env=build.tool_environment())


def _cmd_check(args: argparse.Namespace) -> int:
    """Lint, type-check, then build every language with warnings as errors."""
    failures = 0
    for command in (
        [sys.executable, "-m", "ruff", "check", "scripts", "tests", "docs/conf.py"],
        [sys.executable, "-m", "ruff", "format", "--check", "scripts", "tests", "docs/conf.py"],
        [sys.executable, "-m", "mypy"],
    ):
        print("$ " + " ".join(command[2:]), flush=True)
        failures += subprocess.call(command, cwd=paths.ROOT) != 0
    print("$ actionlint .github/workflows", flush=True)
    failures += _cmd_lint_workflows(args) != 0
    failures += _cmd_all(args) != 0
    return 1 if failures else 0


def _cmd_site(args: argparse.Namespace) -> int:
    """Write the root page ``_build/html/index.html`` for the languages already laid out under ``_build/html``."""
    from strom import site

    target = site.write_root_index(registry.load(), paths.BUILD / "html")
    print(f"wrote {target}")
    return 0


def _cmd_matrix(args: argparse.Namespace) -> int:
    """Print the CI matrix (one job per language of the registry)."""
    from strom import ci

    return ci.main_matrix(["--github-output"] if args.github_output else [])


def _cmd_lint_workflows(args: argparse.Namespace) -> int:
    """Check the GitHub Actions workflows with actionlint."""
    from strom import ci

    return ci.lint_workflows()


def _cmd_clean(args: argparse.Namespace) -> int:
    """Remove everything the builds made (``_build/`` and compiled ``.mo`` catalogues)."""
    shutil.rmtree(paths.BUILD, ignore_errors=True)
    for compiled in paths.LOCALE.glob("**/*.mo"):
        compiled.unlink()
    print(f"removed {paths.shown(paths.BUILD)}/ and compiled catalogues")
    return 0


def _cmd_languages(args: argparse.Namespace) -> int:
    """Print the registry's language codes, one line each with the native name."""
    for language in registry.load().languages:
        print(f"{language.code}\t{language.name}")
    return 0


def _catalog_command(name: str) -> Callable[[Sequence[str]], int]:
    """Return strom.catalog.cli's ``main_<name>`` for a translator command."""
    module = importlib.import_module("strom.catalog.cli")
    function: Callable[[Sequence[str]], int] = getattr(module, "main_" + name.replace("-", "_"))
    return function


def _parser() -> argparse.ArgumentParser:
    """Build the argument parser with one sub-command per Makefile target."""
    parser = argparse.ArgumentParser(prog="python -m strom", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, handler: Callable[[argparse.Namespace], int], help_: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_, description=help_)
        sub.set_defaults(handler=handler)
        return sub

    for name, handler, help_ in (
        ("html", _cmd_html, "build the website: _build/html/<lang>/"),
        ("pdf", _cmd_pdf, "build the PDFs: _build/pdf/<name>-<lang>.pdf"),
        ("all", _cmd_all, "build the website and the PDFs"),
        ("check", _cmd_check, "lint, type-check and build every language with warnings as errors"),
    ):
        sub = command(name, handler, help_)
        sub.add_argument("--lang", help="language code(s), comma-separated; default: all")
        sub.add_argument("--jobs", type=int, help="languages built at once; default: one per core")
    worker = command("worker", _cmd_worker, "build one language in this process (internal)")
    worker.add_argument("--lang", required=True)
    for fmt in build.FORMATS:
        worker.add_argument(f"--{fmt}", action="store_true")
    live = command("live", _cmd_live, "preview one language with live reload")
    live.add_argument("--lang")
    live.add_argument("--port", type=int, default=8000)
    command("clean", _cmd_clean, "remove build outputs")
    command("site", _cmd_site, "write the root page that lists every language")
    matrix = command("matrix", _cmd_matrix, "print the CI matrix from the registry")
    matrix.add_argument("--github-output", action="store_true", help="also append it to $GITHUB_OUTPUT")
    command("lint-workflows", _cmd_lint_workflows, "check .github/workflows with actionlint")
    command("languages", _cmd_languages, "list the registry's languages")
    commands.add_parser("bench", help="benchmark the builds (README: Performance)", add_help=False)
    for name in CATALOG_COMMANDS:
        commands.add_parser(name, help=f"translator command (see TRANSLATING.md): {name}", add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command and return its exit status; user errors print one line, never a traceback."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in CATALOG_COMMANDS:
            return _catalog_command(argv[0])(argv[1:])
        if argv and argv[0] == "bench":
            from strom import bench

            return bench.main(argv[1:])
        args = _parser().parse_args(argv)
        if getattr(args, "lang", None):
            registry.load().select(args.lang)  # an unknown language fails here, before any work
        handler: Callable[[argparse.Namespace], int] = args.handler
        return handler(args)
    except registry.RegistryError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader of our output went away (| head): nothing to report to
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the exit's flush stays quiet
        return 1
    except OSError as error:  # e.g. a build folder that cannot be created
        print(f"error: {build.describe_os_error(error)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    status = main()
    # Python's final garbage collections at exit walk every object a build left (a sixth of a second after a
    # Sphinx build); frozen objects are skipped, and the memory goes back to the system with the process anyway.
    gc.freeze()
    sys.exit(status)
