"""The site's root page, ``_build/html/index.html``: every language by its native name."""

from __future__ import annotations

import html
import os
import tempfile
from pathlib import Path

from strom import registry

_PAGE = """<!DOCTYPE html>
<html lang="{source}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{titles}</title>
{alternates}
<style>
  :root {{ color-scheme: light dark; --fg: #1b1b1b; --bg: #fff; --accent: #0b5394; --muted: #595959; }}
  @media (prefers-color-scheme: dark) {{ :root {{ --fg: #eee; --bg: #131416; --accent: #8ab4f8; --muted: #b0b0b0; }} }}
  body {{ margin: 0; font: 1.0625rem/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); }}
  main {{ max-width: 40rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }}
  h1 {{ font-size: 1.5rem; line-height: 1.25; margin: 0 0 .25rem; }}
  p.subtitle {{ color: var(--muted); margin: 0 0 1.5rem; }}
  ul {{ list-style: none; padding: 0; margin: 0; display: grid; gap: .5rem; }}
  a {{ display: block; padding: .75rem 1rem; border: 1px solid currentColor; border-radius: .375rem;
       color: var(--accent); text-decoration: none; font-size: 1.125rem; }}
  a:hover {{ text-decoration: underline; }}
  a:focus-visible {{ outline: 3px solid var(--accent); outline-offset: 2px; }}
  li.suggested a {{ border-width: 3px; font-weight: 600; }}
  .suggestion {{ margin: 0 0 1rem; }}
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
  // Suggest the reader's language (navigator.languages) and remember the last choice; never redirect.
  var links = Array.prototype.slice.call(document.querySelectorAll("a[data-lang]"));
  var stored = null;
  try {{ stored = window.localStorage.getItem("strom-language"); }} catch (e) {{}}
  var wanted = (stored ? [stored] : []).concat(navigator.languages || [navigator.language || ""]);
  var aliases = {{ "no": "nb", "nn": "nb" }};
  var found = null;
  for (var i = 0; i < wanted.length && !found; i++) {{
    var code = (wanted[i] || "").toLowerCase().split("-")[0];
    code = aliases[code] || code;
    found = links.filter(function (a) {{ return a.getAttribute("data-lang") === code; }})[0] || null;
  }}
  if (found) {{
    found.parentNode.classList.add("suggested");
    var note = document.getElementById("suggestion");
    var link = found.cloneNode(true);
    link.removeAttribute("data-lang");
    note.textContent = "";
    note.appendChild(link);
    note.hidden = false;
  }}
  links.forEach(function (a) {{
    a.addEventListener("click", function () {{
      try {{ window.localStorage.setItem("strom-language", a.getAttribute("data-lang")); }} catch (e) {{}}
    }});
  }});
}})();
</script>
</body>
</html>
"""


def render_root_index(languages: registry.Registry) -> str:
    """Return the root page's HTML: one link per language, labelled in that language."""
    source = languages.source
    items = "\n".join(
        f'<li><a href="{lang.code}/index.html" hreflang="{lang.sphinx}" lang="{lang.sphinx}" '
        f'data-lang="{lang.code}">{html.escape(lang.name)}</a></li>'
        for lang in languages.languages
    )
    alternates = "\n".join(
        f'<link rel="alternate" hreflang="{lang.sphinx}" href="{lang.code}/index.html">' for lang in languages.languages
    )
    alternates += f'\n<link rel="alternate" hreflang="x-default" href="{source.code}/index.html">'
    return _PAGE.format(
        source=source.sphinx,
        title="Recognise, refer, support",
        titles=" · ".join(html.escape(lang.name) for lang in languages.languages),
        subtitle="Practical guidelines for municipalities on trafficking in human beings",
        alternates=alternates,
        items=items,
    )


def write_root_index(languages: registry.Registry, html_root: Path) -> Path:
    """Write ``<html_root>/index.html`` atomically and return its path."""
    html_root.mkdir(parents=True, exist_ok=True)
    target = html_root / "index.html"
    write_atomic(target, render_root_index(languages))
    return target


def write_atomic(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` through a temporary file in the same folder and a rename."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
