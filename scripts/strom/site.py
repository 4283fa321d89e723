"""The published site around the languages: the root page ``_build/html/index.html`` and the PDFs beside it.

The site is ``_build/html/``: one folder per language, ``pdf/`` with each language's PDF (pages link to
``<site>/pdf/<pdf>-<code>.pdf``, see :mod:`strom.ext.switcher`), and the root page, which lists every language by
its native name with the publication's title in that language. The root page suggests the reader's language
(the one chosen last on this site, else the first of the browser's ``navigator.languages`` that we have) and
never redirects: a reader on a borrowed computer, or one who prefers another language, chooses.
"""

from __future__ import annotations

import gettext
import html
import shutil
from pathlib import Path

from strom import paths, registry
from strom.ext.i18n import SUBTITLE, TITLE
from strom.files import replace_atomically, write_atomically

_PAGE = """<!DOCTYPE html>
<html lang="{source}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{title}</title>
{alternates}
<style>
  :root {{ color-scheme: light dark; --fg: #1b1b1b; --bg: #fff; --accent: #0b5394; --muted: #595959; }}
  @media (prefers-color-scheme: dark) {{ :root {{ --fg: #eee; --bg: #131416; --accent: #8ab4f8; --muted: #b8b8b8; }} }}
  body {{ margin: 0; font: 1.0625rem/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); }}
  main {{ max-width: 40rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }}
  h1 {{ font-size: 1.5rem; line-height: 1.25; margin: 0 0 .25rem; }}
  p.subtitle {{ color: var(--muted); margin: 0 0 1.5rem; }}
  ul {{ list-style: none; padding: 0; margin: 0; display: grid; gap: .5rem; }}
  li {{ display: flex; flex-wrap: wrap; align-items: stretch; gap: .5rem; }}
  a {{ color: var(--accent); }}
  a.language {{ flex: 1 1 14rem; display: block; padding: .75rem 1rem; border: 1px solid currentColor;
       border-radius: .375rem; text-decoration: none; font-size: 1.125rem; overflow-wrap: anywhere; }}
  a.language .title {{ display: block; color: var(--muted); font-size: .9375rem; }}
  a.pdf {{ display: flex; align-items: center; padding: .75rem; }}
  a:hover {{ text-decoration: underline; }}
  a:focus-visible {{ outline: 3px solid var(--accent); outline-offset: 2px; }}
  li.suggested a.language {{ border-width: 3px; font-weight: 600; }}
  .suggestion {{ margin: 0 0 1.5rem; display: flex; }}
  .suggestion a.language {{ font-size: 1.25rem; border-width: 3px; font-weight: 600; }}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p class="subtitle">{subtitle}</p>
<p class="suggestion" id="suggestion" hidden></p>
<ul>
{items}
</ul>
</main>
<script>
(function () {{
  // Suggest a language: the one chosen last on this site, else the browser's first that we have. No redirect.
  var links = Array.prototype.slice.call(document.querySelectorAll("a.language"));
  var stored = null;
  try {{ stored = window.localStorage.getItem("strom-language"); }} catch (error) {{}}
  var wanted = (stored ? [stored] : []).concat(navigator.languages || [navigator.language || ""]);
  var aliases = {{ "no": "nb", "nn": "nb" }};
  var found = null;
  for (var i = 0; i < wanted.length && !found; i++) {{
    var code = (wanted[i] || "").toLowerCase().split("-")[0];
    code = aliases[code] || code;
    found = links.filter(function (a) {{ return a.getAttribute("data-language") === code; }})[0] || null;
  }}
  if (found) {{
    found.parentNode.classList.add("suggested");
    var note = document.getElementById("suggestion");
    var link = found.cloneNode(true);
    link.setAttribute("lang", found.parentNode.getAttribute("lang"));
    note.appendChild(link);
    note.hidden = false;
  }}
  document.addEventListener("click", function (event) {{
    var link = event.target.closest && event.target.closest("a.language");
    if (!link) {{ return; }}
    try {{ window.localStorage.setItem("strom-language", link.getAttribute("data-language")); }} catch (error) {{}}
  }});
}})();
</script>
</body>
</html>
"""


def publication_title(language: registry.Language, locale_dir: Path = paths.LOCALE) -> str | None:
    """Return the publication's title in ``language`` from its interface catalogue, or None if untranslated.

    Reads ``locale/<code>/LC_MESSAGES/sphinx.mo`` when it is at least as new as the ``.po`` (Sphinx compiles
    it during the language's build), else the ``.po`` itself; fuzzy entries do not count.
    """
    if language.source:
        return TITLE
    folder = locale_dir / language.code / "LC_MESSAGES"
    compiled, source = folder / "sphinx.mo", folder / "sphinx.po"
    translated: str | None = None
    if compiled.is_file() and (not source.is_file() or compiled.stat().st_mtime >= source.stat().st_mtime):
        with compiled.open("rb") as stream:
            try:
                translated = gettext.GNUTranslations(stream).gettext(TITLE)
            except OSError:
                translated = None
    elif source.is_file():
        translated = _po_translation(source, TITLE)
    return translated if translated and translated != TITLE else None


def _po_translation(path: Path, msgid: str) -> str | None:
    """Return the non-fuzzy translation of ``msgid`` in the ``.po`` file at ``path``; None if it has none."""
    from babel.messages.pofile import read_po

    try:
        with path.open("rb") as stream:
            catalog = read_po(stream, abort_invalid=False)
    except Exception:  # a broken catalogue is reported by the build and check-po, not by the root page
        return None
    message = catalog.get(msgid)
    if message is None or message.fuzzy or not isinstance(message.string, str):
        return None
    return message.string or None


def render_root_index(
    languages: registry.Registry, locale_dir: Path = paths.LOCALE, pdf_dir: Path | None = None
) -> str:
    """Return the root page's HTML: one link per language with its native name and translated title.

    A language's PDF is linked when ``pdf_dir`` (the site's ``pdf/`` folder) holds it.
    """
    source = languages.source
    items = []
    for language in languages.languages:
        title = publication_title(language, locale_dir)
        title_html = f'<span class="title">{html.escape(title)}</span>' if title else ""
        pdf = ""
        if pdf_dir is not None and (pdf_dir / language.pdf_filename).is_file():
            pdf = (
                f'<a class="pdf" href="pdf/{language.pdf_filename}" type="application/pdf" '
                f'aria-label="{html.escape(language.name)} (PDF)">PDF</a>'
            )
        items.append(
            f'<li lang="{language.sphinx}"><a class="language" href="{language.code}/index.html" '
            f'hreflang="{language.sphinx}" data-language="{language.code}">'
            f"{html.escape(language.name)}{title_html}</a>{pdf}</li>"
        )
    alternates = [
        f'<link rel="alternate" hreflang="{language.sphinx}" href="{language.code}/index.html">'
        for language in languages.languages
    ]
    alternates.append(f'<link rel="alternate" hreflang="x-default" href="{source.code}/index.html">')
    return _PAGE.format(
        source=source.sphinx,
        title=html.escape(TITLE),
        subtitle=html.escape(SUBTITLE),
        alternates="\n".join(alternates),
        items="\n".join(items),
    )


def write_root_index(languages: registry.Registry, html_root: Path, locale_dir: Path = paths.LOCALE) -> Path:
    """Write ``<html_root>/index.html`` atomically and return its path."""
    html_root.mkdir(parents=True, exist_ok=True)
    target = html_root / "index.html"
    write_atomically(target, render_root_index(languages, locale_dir, html_root / "pdf"))
    return target


def publish_pdf(pdf: Path, html_root: Path) -> Path:
    """Copy a built PDF into the site (``<html_root>/pdf/<name>``) atomically and return the copy's path."""
    target = html_root / "pdf" / pdf.name
    with pdf.open("rb") as source:
        replace_atomically(target, lambda stream: shutil.copyfileobj(source, stream))
    return target
