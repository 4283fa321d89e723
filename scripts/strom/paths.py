"""Where the project's sources and build outputs live, relative to the repository root."""

from __future__ import annotations

import os
from pathlib import Path


def _find_root() -> Path:
    """Return the repository root: ``$STROM_ROOT``, else the nearest folder above the cwd with the registry."""
    env = os.environ.get("STROM_ROOT")
    if env:
        return Path(env).resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "locale" / "languages.toml").is_file() and (folder / "docs").is_dir():
            return folder
    # Installed in development mode: the package sits at <root>/scripts/strom.
    return Path(__file__).resolve().parents[2]


ROOT = _find_root()
DOCS = ROOT / "docs"
LOCALE = ROOT / "locale"
REGISTRY = LOCALE / "languages.toml"
BUILD = Path(os.environ["STROM_BUILD"]).resolve() if os.environ.get("STROM_BUILD") else ROOT / "_build"
PACKAGE = Path(__file__).resolve().parent


def shown(path: Path) -> str:
    """A path as users should see it: relative to the working folder when inside it, so editors can jump to it."""
    try:
        return Path(os.path.relpath(path)).as_posix() if path.is_relative_to(Path.cwd()) else str(path)
    except ValueError:  # another drive on Windows
        return str(path)
