"""The naive baseline's last step: render one print build to PDF in a fresh process (nothing cached from a build).

``python -m strom.bench.render <print dir> <language code> <output.pdf>``; the same renderer as ours, so the
baseline differs from our route only in how the work is organised, not in what the PDF contains.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    """Render ``<print dir>/index.html`` to the PDF; return 0 on a warning-free render."""
    from strom import registry
    from strom.pdf.render import RenderError, render_pdf

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 3:
        print("usage: python -m strom.bench.render <print dir> <language code> <output.pdf>", file=sys.stderr)
        return 2
    print_dir, code, output = Path(args[0]), args[1], Path(args[2])
    try:
        result = render_pdf(print_dir, registry.load().get(code), output)
    except (RenderError, registry.RegistryError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"pdf: {result.pages} pages in {result.seconds:.1f} s")
    return 1 if result.warnings else 0


if __name__ == "__main__":
    sys.exit(main())
