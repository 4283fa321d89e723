"""The site's root page (every language by its native name, with its title) and the PDFs published beside it."""

from __future__ import annotations

import re
import subprocess

import pytest
from sitebuild import parse

from strom import registry, site
from strom.ext.i18n import TITLE


def test_root_page_lists_every_language_by_native_name_with_its_title(built_site) -> None:
    page = parse(built_site.root / "index.html")
    languages = registry.load().languages
    items = page.select("main > ul > li")
    assert [item["lang"] for item in items] == [language.sphinx for language in languages]
    for item, language in zip(items, languages, strict=True):
        link = item.select_one("a.language")
        assert link["href"] == f"{language.code}/index.html" and link["hreflang"] == language.sphinx
        assert link.contents[0] == language.name
        assert (built_site.root / link["href"]).is_file() or language.code not in built_site.warnings
    titles = {item["lang"]: item.select_one(".title").get_text() for item in items if item.select_one(".title")}
    # The test root translates the title into Latvian only; German has no catalogue, fuzzy entries do not count.
    assert titles == {"en": TITLE, "lv": "Atpazīt, nosūtīt, atbalstīt"}


def test_root_page_suggests_but_never_redirects(built_site) -> None:
    text = (built_site.root / "index.html").read_text(encoding="utf-8")
    assert "navigator.languages" in text and "localStorage" in text
    assert not re.search(r"location\.(replace|assign|href\s*=)|http-equiv=.refresh", text, re.IGNORECASE)
    alternates = parse(built_site.root / "index.html").select('link[rel="alternate"]')
    assert len(alternates) == 12 and alternates[-1]["hreflang"] == "x-default"


def test_publication_title_reads_the_catalogue(tmp_path) -> None:
    languages = registry.load()
    folder = tmp_path / "pl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "sphinx.po").write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'msgid "{TITLE}"\nmsgstr "Rozpoznać, skierować, wesprzeć"\n',
        encoding="utf-8",
    )
    polish = languages.get("pl")
    assert site.publication_title(polish, tmp_path) == "Rozpoznać, skierować, wesprzeć"
    # A compiled catalogue that is newer than the .po wins (Sphinx compiles it during the build).
    if subprocess.run(["msgfmt", "--version"], capture_output=True, check=False).returncode == 0:
        (folder / "sphinx.po").write_text(
            (folder / "sphinx.po").read_text(encoding="utf-8").replace("wesprzeć", "wspierać"), encoding="utf-8"
        )
        subprocess.run(["msgfmt", "-o", str(folder / "sphinx.mo"), str(folder / "sphinx.po")], check=True)
        assert site.publication_title(polish, tmp_path) == "Rozpoznać, skierować, wspierać"
    # Fuzzy or missing: no title rather than English under a Polish name.
    (folder / "sphinx.mo").unlink(missing_ok=True)
    (folder / "sphinx.po").write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'#, fuzzy\nmsgid "{TITLE}"\nmsgstr "Rozpoznać"\n',
        encoding="utf-8",
    )
    assert site.publication_title(polish, tmp_path) is None
    assert site.publication_title(languages.get("sv"), tmp_path) is None


def test_published_pdfs_are_linked_from_the_root_page(tmp_path) -> None:
    built = tmp_path / "pdf-build" / "trafficking-guidelines-lv.pdf"
    built.parent.mkdir()
    built.write_bytes(b"%PDF-1.7\n%test\n")
    html_root = tmp_path / "html"
    copy = site.publish_pdf(built, html_root)
    assert copy == html_root / "pdf" / "trafficking-guidelines-lv.pdf"
    assert copy.read_bytes() == built.read_bytes()
    assert [path.name for path in (html_root / "pdf").iterdir()] == ["trafficking-guidelines-lv.pdf"]
    page = parse(site.write_root_index(registry.load(), html_root, locale_dir=tmp_path / "no-locale"))
    pdf_links = page.select("a.pdf")
    assert [(link["href"], link["aria-label"]) for link in pdf_links] == [
        ("pdf/trafficking-guidelines-lv.pdf", "Latviešu (PDF)")
    ]
    assert pdf_links[0].find_parent("li")["lang"] == "lv"


@pytest.mark.parametrize("code", ["en", "nb", "ru"])
def test_root_page_language_names_carry_their_language(code) -> None:
    html = site.render_root_index(registry.load())
    language = registry.load().get(code)
    assert f'<li lang="{language.sphinx}"><a class="language" href="{code}/index.html"' in html
