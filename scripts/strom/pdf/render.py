"""Render the print builder's HTML to a tagged PDF/UA-1 file with WeasyPrint, in this process, atomically.

One font configuration, one parsed stylesheet set and one image cache serve every render of the process. The
font configuration holds only the bundled fonts (no system fonts), so a character they lack is a ``.notdef``
glyph, which fails the render instead of printing in some font the machine happens to have.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import re
import resource
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from strom import registry
from strom.files import replace_atomically
from strom.pdf import SourceDateError, pagination, source_date, typography

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strom.registry import Language

#: The stylesheet for the print layout (pages, cover, contents, tables, tick boxes).
PRINT_CSS = Path(__file__).resolve().parent / "print.css"
#: WeasyPrint's messages that mean a broken PDF: a link or page number without target, an anchor given twice,
#: a missing glyph, a font, image or stylesheet that did not load. Any of them fails the render.
FATAL_MESSAGES = re.compile(
    r"No anchor|Anchor defined twice|\.notdef|undefined anchor|Font-face .* cannot be loaded|Failed to load"
)
#: The PDF flavour: tagged, with a structure tree, /Lang and the title shown as window title.
PDF_VARIANT = "pdf/ua-1"

logger = logging.getLogger(__name__)
_lock = threading.Lock()


class RenderError(Exception):
    """The PDF could not be made, or WeasyPrint reported a defect; the message lists what to fix."""


@dataclass(frozen=True)
class RenderResult:
    """What one render made and measured."""

    output: Path
    pages: int
    seconds: float
    #: WeasyPrint's non-fatal warnings (fatal ones raise :class:`RenderError`).
    warnings: tuple[str, ...]
    #: The process's peak resident memory so far, in MiB (includes everything else the process did).
    peak_memory_mib: float

    @property
    def pages_per_second(self) -> float:
        """Rendering speed."""
        return self.pages / self.seconds if self.seconds else float("inf")


@dataclass
class _Resources:
    """What every render of the process shares: fonts, parsed stylesheets and decoded images."""

    font_config: Any
    stylesheets: list[Any]
    image_cache: dict[str, Any]
    url_fetcher: Any


_resources: _Resources | None = None


@atexit.register
def _release_resources() -> None:
    """Drop the shared font configuration before interpreter shutdown.

    WeasyPrint's ``FontConfiguration.__del__`` removes its temporary folder with ``shutil.rmtree``; run during
    module teardown, it finds the function already gone and prints "Exception ignored in ... __del__" to stderr.
    """
    global _resources
    _resources = None


def render_pdf(print_dir: Path, language: Language, output: Path) -> RenderResult:
    """Render ``<print_dir>/index.html`` to ``output`` (tagged PDF/UA-1 in ``language``); raise :class:`RenderError`.

    The PDF is written to a temporary file beside ``output``, flushed to disk and renamed over ``output``: a
    render that fails or is killed leaves the previous file (or none), never a truncated one.
    """
    html_file = print_dir / "index.html"
    if not html_file.is_file():
        raise RenderError(f"{html_file}: no print HTML; run Sphinx's 'print' builder into {print_dir} first")
    try:
        typography.register_hyphenation()
        # Parsed once per dictionary file, then unpickled: the text's language, and the source language's (the
        # untranslated passages, and titles kept in it with {lang-en}).
        source = registry.load().source
        for tag in {typography.hyphenation_language(language), typography.hyphenation_language(source)}:
            typography.load_dictionary(tag, typography.dictionary_cache(print_dir.parent))
        stamp = source_date().strftime("%Y-%m-%dT%H:%M:%SZ")
    except (typography.TypographyError, SourceDateError, registry.RegistryError) as error:
        raise RenderError(str(error)) from None
    started = time.perf_counter()
    with _lock, _captured_weasyprint_log() as messages:
        # Imported here: importing WeasyPrint parses its own stylesheets and logs about it.
        from weasyprint import HTML

        pagination.install()

        resources = _shared_resources()
        options: dict[str, Any] = {
            "stylesheets": resources.stylesheets,
            "pdf_variant": PDF_VARIANT,
            # A deterministic /ID (a hash of the content) instead of none: same inputs, same bytes.
            "pdf_identifier": True,
            "cache": resources.image_cache,
        }
        document = HTML(filename=html_file, base_url=print_dir, url_fetcher=resources.url_fetcher).render(
            font_config=resources.font_config, **options
        )
        _set_metadata(document, language, stamp)
        fatal = [message for message in messages if FATAL_MESSAGES.search(message)]
        if fatal:
            raise RenderError(_defects(html_file, fatal))
        pages = len(document.pages)

        def write(stream: BinaryIO) -> None:
            document.write_pdf(stream, **options)
            # Missing glyphs and link targets are found only while the PDF is written: check before publishing.
            fatal = [message for message in messages if FATAL_MESSAGES.search(message)]
            if fatal:
                raise RenderError(_defects(html_file, fatal))

        replace_atomically(output, write)
    seconds = time.perf_counter() - started
    warnings = tuple(messages)
    for message in warnings:
        logger.warning("%s: WeasyPrint: %s", output.name, message)
    return RenderResult(output, pages, seconds, warnings, _peak_memory_mib())


def _defects(html_file: Path, messages: list[str]) -> str:
    """Say which WeasyPrint messages failed the render, and what usually causes them."""
    lines = [f"{html_file}: the PDF would be defective; WeasyPrint reported:"]
    lines.extend(f"  {message}" for message in messages)
    lines.append(
        "(anchor messages: a link or id the print builder did not make unique, see strom/pdf/builder.py; "
        ".notdef: a character the bundled fonts lack, see strom/pdf/typography.py)"
    )
    return "\n".join(lines)


def _set_metadata(document: Any, language: Language, stamp: str) -> None:
    """Set /Lang and the dates (W3C ``stamp``, from ``SOURCE_DATE_EPOCH``), whatever the HTML says."""
    document.metadata.created = stamp
    document.metadata.modified = stamp
    document.metadata.lang = language.sphinx


def _shared_resources() -> _Resources:
    """Return the process's font configuration, stylesheets and caches, made on first use."""
    global _resources
    if _resources is None:
        from weasyprint import CSS
        from weasyprint.urls import URLFetcher

        font_config = _bundled_fonts_only()
        # Only files: nothing may be downloaded while building (a remote image is an error, not a fetch).
        url_fetcher = URLFetcher(allowed_protocols=("file", "data"))
        sources = [("fonts", typography.font_face_css())]
        components = _components_css()
        if components is not None:
            sources.append((str(components), components.read_text(encoding="utf-8")))
        sources.append((str(PRINT_CSS), PRINT_CSS.read_text(encoding="utf-8")))
        stylesheets = [
            CSS(string=text, base_url=PRINT_CSS.parent, font_config=font_config, url_fetcher=url_fetcher)
            for _name, text in sources
        ]
        _resources = _Resources(font_config, stylesheets, {}, url_fetcher)
    return _resources


def _components_css() -> Path | None:
    """Return the stylesheet of strom.ext.content's directives (key points, referral pathway...), if installed."""
    try:
        from strom.ext.content import COMPONENTS_CSS
    except ImportError:
        return None
    return COMPONENTS_CSS if COMPONENTS_CSS.is_file() else None


def _bundled_fonts_only() -> Any:
    """Return a WeasyPrint font configuration that knows no system font, only those added by ``@font-face``.

    WeasyPrint builds its Fontconfig configuration from the system's ``fonts.conf``, so Pango silently falls back
    to any installed font for a character ours lack. Fontconfig reads ``FONTCONFIG_FILE`` when the configuration
    is created, so pointing it at a file that lists no font folder, just for that moment, leaves only our fonts.
    """
    from weasyprint.text.fonts import FontConfiguration

    folder = tempfile.mkdtemp(prefix="strom-fontconfig-")
    config = Path(folder, "fonts.conf")
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig><cachedir>{folder}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    previous = os.environ.get("FONTCONFIG_FILE")
    os.environ["FONTCONFIG_FILE"] = str(config)
    try:
        return FontConfiguration()
    finally:
        if previous is None:
            del os.environ["FONTCONFIG_FILE"]
        else:
            os.environ["FONTCONFIG_FILE"] = previous
        # Read once, when the configuration is made; fonts added later by @font-face need no cache.
        shutil.rmtree(folder, ignore_errors=True)


class _ListHandler(logging.Handler):
    """Collect log records' messages."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the formatted message."""
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def _captured_weasyprint_log() -> Iterator[list[str]]:
    """Collect WeasyPrint's warnings and errors (and keep them off stderr) while the block runs."""
    weasyprint_logger = logging.getLogger("weasyprint")
    handler = _ListHandler()
    previous = (weasyprint_logger.level, weasyprint_logger.propagate)
    weasyprint_logger.addHandler(handler)
    weasyprint_logger.setLevel(logging.WARNING)
    weasyprint_logger.propagate = False
    try:
        yield handler.messages
    finally:
        weasyprint_logger.removeHandler(handler)
        weasyprint_logger.setLevel(previous[0])
        weasyprint_logger.propagate = previous[1]


def _peak_memory_mib() -> float:
    """Return the process's peak resident memory in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
