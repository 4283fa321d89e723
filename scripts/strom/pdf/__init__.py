"""The print edition: a Sphinx ``print`` builder (one HTML file for WeasyPrint) and the PDF renderer."""

from __future__ import annotations

import os
from datetime import UTC, datetime


class SourceDateError(ValueError):
    """``SOURCE_DATE_EPOCH`` is set but is not a Unix timestamp."""


def source_date() -> datetime:
    """Return the publication date: ``SOURCE_DATE_EPOCH`` if set, else today at midnight (UTC).

    The cover shows it and the PDF's metadata carry it, so the same ``SOURCE_DATE_EPOCH`` gives the same bytes
    (https://reproducible-builds.org/specs/source-date-epoch/). Without it, midnight keeps same-day builds identical.
    """
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if raw:
        try:
            return datetime.fromtimestamp(int(raw), tz=UTC)
        except (ValueError, OverflowError, OSError):
            raise SourceDateError(
                f"SOURCE_DATE_EPOCH={raw!r} is not a Unix timestamp (whole seconds since 1970); unset it or fix it"
            ) from None
    today = datetime.now(tz=UTC)
    return today.replace(hour=0, minute=0, second=0, microsecond=0)
