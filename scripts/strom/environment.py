"""Check the machine for what pip cannot install (Pango for WeasyPrint, GNU gettext) and say how to get it."""

from __future__ import annotations

import shutil
import sys

#: Debian/Ubuntu packages per missing piece; other systems: see WeasyPrint's installation page.
_APT_PANGO = "apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"
_APT_GETTEXT = "apt-get install gettext"


def problems() -> list[str]:
    """Return one line per missing system dependency, with the command that installs it."""
    found: list[str] = []
    try:
        import weasyprint  # noqa: F401  (loads Pango through cffi)
    except OSError as error:
        found.append(f"WeasyPrint cannot load Pango ({error}); install it: {_APT_PANGO}")
    for tool in ("msgfmt", "msgmerge", "msgcat", "msgattrib"):
        if shutil.which(tool) is None:
            found.append(f"GNU gettext's {tool} is missing (translator commands need it); install it: {_APT_GETTEXT}")
            break
    return found


def main() -> int:
    """Print the problems; exit 1 if the PDF cannot be built at all."""
    missing = problems()
    for line in missing:
        print(f"warning: {line}", file=sys.stderr)
    return 1 if any("Pango" in line for line in missing) else 0


if __name__ == "__main__":
    sys.exit(main())
