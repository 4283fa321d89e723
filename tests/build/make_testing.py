"""Running the Makefile from tests as a user would: top-level make, no inherited locale or make variables."""

from __future__ import annotations

import os
import subprocess

from strom import paths


def run_make(*args: str, env: dict[str, str] | None = None, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    """Run ``make args`` in the repository; ``env`` adds to a copy of the environment without LANG, LC_* and MAKE*.

    Dropping MAKELEVEL/MAKEFLAGS keeps a nested ``make test`` from turning this into a sub-make, whose
    messages ("make[1]: ...") would differ from what a user sees.
    """
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("LC_", "LANG", "MAKE", "MFLAGS"))
    }
    environment.update(env or {})
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=paths.ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )
