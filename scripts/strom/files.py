"""Writing files so that a reader or a killed process never sees half of one: temporary file, fsync, rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def _umask() -> int:
    """The process's file-creation mask (reading it means setting it, so set it back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def replace_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Let ``write`` fill a temporary file beside ``path``, then rename it over ``path``.

    The file keeps the mode it had (or gets the one a new file would get), is flushed to disk before the rename,
    and a failure or a kill leaves ``path`` as it was (a killed process may leave a ``.<name>.*.tmp`` beside it).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp creates the file private (0600); give it the mode a normal program would.
        Path(temporary).chmod(path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_atomically(path: Path, data: bytes | str) -> None:
    """Write ``data`` (text is written as UTF-8) to ``path`` atomically."""
    content = data.encode("utf-8") if isinstance(data, str) else data

    def write(stream: BinaryIO) -> None:
        stream.write(content)

    replace_atomically(path, write)
