"""Key points, action points and checklists: titles from the "sphinx" catalogue, checkboxes that survive translation."""

from __future__ import annotations

import re

import pytest

from strom.ext.content import COMPONENTS_CSS, COMPONENTS_NARROW_CSS


def _page(app) -> str:
    app.build()
    assert app.statuscode == 0
    assert not app.warning.getvalue()
    return (app.outdir / "index.html").read_text(encoding="utf-8")


@pytest.mark.sphinx("html", testroot="content-points", freshenv=True)
def test_points_are_admonitions_with_english_titles(app) -> None:
    page = _page(app)
    assert re.search(
        r'<div class="key-points admonition">\s*<p class="admonition-title">Key points</p>\s*<ul class="simple">\s*'
        r"<li><p>Look for several indicators together.</p></li>",
        page,
    )
    assert re.search(
        r'<div class="action-points admonition">\s*<p class="admonition-title">Action points for the municipality</p>'
        r"\s*<ul",
        page,
    )


@pytest.mark.sphinx("html", testroot="content-points", freshenv=True)
def test_components_stylesheets_are_linked_and_copied(app) -> None:
    page = _page(app)
    assert re.search(r'<link rel="stylesheet" type="text/css" href="_static/strom-components.css\?v=\w+" />', page)
    assert re.search(
        r'<link media="\(max-width: 480px\)" rel="stylesheet" type="text/css" '
        r'href="_static/strom-components-narrow.css\?v=\w+" />',
        page,
    )
    assert (app.outdir / "_static" / COMPONENTS_CSS.name).read_bytes() == COMPONENTS_CSS.read_bytes()
    assert (app.outdir / "_static" / COMPONENTS_NARROW_CSS.name).read_bytes() == COMPONENTS_NARROW_CSS.read_bytes()


@pytest.mark.sphinx("html", testroot="content-points", confoverrides={"language": "lv"}, freshenv=True)
def test_point_titles_come_from_the_sphinx_catalogue(app) -> None:
    page = _page(app)
    assert '<p class="admonition-title">Galvenās atziņas</p>' in page
    assert '<p class="admonition-title">Rīcības punkti pašvaldībai</p>' in page
    assert "Key points" not in page
    assert "Action points" not in page


@pytest.mark.sphinx("gettext", testroot="content-points", freshenv=True)
def test_point_titles_stay_out_of_the_document_catalogue(app) -> None:
    app.build()
    assert not app.warning.getvalue()
    pot = (app.outdir / "index.pot").read_text(encoding="utf-8")
    assert 'msgid "Look for several indicators together."' in pot
    assert 'msgid "Appoint a local focal point."' in pot
    assert 'msgid "The person does not hold their own identity documents."' in pot
    assert "Key points" not in pot
    assert "Action points" not in pot


@pytest.mark.sphinx("html", testroot="content-points", confoverrides={"language": "lv"}, freshenv=True)
def test_translated_checklist_items_keep_their_boxes(app) -> None:
    page = _page(app)
    assert (
        '<li class="task-list-item"><p><input aria-hidden="true" class="task-list-item-checkbox" '
        'disabled="disabled" type="checkbox">'
        "Personas rīcībā nav pašas personu apliecinošo dokumentu.</p></li>"
    ) in page
    assert (
        '<li class="task-list-item"><p><input aria-hidden="true" class="task-list-item-checkbox" '
        'checked="checked" disabled="disabled" '
        'type="checkbox">Personai ir parāds, kas nepārtraukti pieaug.</p></li>'
    ) in page
    assert page.count('class="task-list-item-checkbox"') == 2
    assert "strom_checkbox" not in page


@pytest.mark.sphinx("html", testroot="content-points", freshenv=True)
def test_untranslated_checklist_items_are_as_myst_writes_them(app) -> None:
    page = _page(app)
    assert (
        '<li class="task-list-item"><p><input aria-hidden="true" class="task-list-item-checkbox" '
        'disabled="disabled" type="checkbox">'
        "The person does not hold their own identity documents.</p></li>"
    ) in page
    assert page.count('class="task-list-item-checkbox"') == 2


def test_empty_key_points_is_an_error(make_app, tmp_path, rootdir) -> None:
    (tmp_path / "conf.py").write_text((rootdir / "test-content-points" / "conf.py").read_text(encoding="utf-8"))
    (tmp_path / "index.md").write_text("# Title\n\n```{key-points}\n```\n", encoding="utf-8")
    app = make_app("html", srcdir=tmp_path)
    app.build()
    warnings = app.warning.getvalue()
    assert 'index.md:3: ERROR: Content block expected for the "key-points" directive; none found.' in warnings
