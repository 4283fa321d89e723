"""Run one command of a benchmark and measure it: wall clock, CPU time and peak memory of the busiest process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Measurement:
    """What one command cost."""

    command: tuple[str, ...]
    wall_seconds: float
    #: User plus system time of the command and every process it waited for (the workers of a parallel build).
    cpu_seconds: float
    #: The largest resident set of any single process of the command (Linux's ``ru_maxrss`` of ``wait4``).
    peak_memory_mib: float
    returncode: int
    log: Path

    @property
    def ok(self) -> bool:
        """True if the command succeeded."""
        return self.returncode == 0

    def tail(self, lines: int = 12) -> str:
        """Return the end of the command's log, to say why it failed."""
        try:
            text = self.log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.rstrip().splitlines()[-lines:])


def run(command: Sequence[str], *, env: Mapping[str, str], cwd: Path, log: Path) -> Measurement:
    """Run ``command`` to completion with its output in ``log``, and measure it.

    The command runs in its own process group, so an interrupted benchmark stops it and everything it started.
    """
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w", encoding="utf-8") as stream:
        started = time.perf_counter()
        process = subprocess.Popen(
            list(command), cwd=cwd, env=dict(env), stdout=stream, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            # wait4 instead of Popen.wait: it also returns the child's resource usage, which includes the
            # processes it waited for itself (a build's workers, sphinx-simplepdf's weasyprint).
            _pid, status, usage = os.wait4(process.pid, 0)
        except BaseException:
            _stop(process)
            raise
        wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return Measurement(
        command=tuple(command),
        wall_seconds=round(wall, 3),
        cpu_seconds=round(usage.ru_utime + usage.ru_stime, 3),
        peak_memory_mib=round(rss_mib(usage.ru_maxrss), 1),
        returncode=process.returncode,
        log=log,
    )


def rss_mib(maxrss: int) -> float:
    """Convert ``ru_maxrss`` to MiB (Linux reports kibibytes, macOS bytes)."""
    return maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the command's process group (the benchmark was interrupted) and reap it."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
