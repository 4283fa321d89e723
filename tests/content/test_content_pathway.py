"""The referral pathway: a numbered figure holding an ordered list, numref-able and translated like any text."""

from __future__ import annotations

import re
import shutil

import pytest


def _build(app) -> None:
    app.build()
    assert app.statuscode == 0
    assert not app.warning.getvalue()


@pytest.mark.sphinx("html", testroot="content-pathway", freshenv=True)
def test_pathway_is_a_figure_holding_an_ordered_list(app) -> None:
    _build(app)
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    figure = re.search(
        r'<figure class="strom-pathway align-default" id="fig-referral-pathway">(.*?)</figure>', page, re.S
    )
    assert figure, page
    body = figure.group(1)
    assert re.match(r'\s*<ol class="arabic simple strom-pathway-steps">', body)
    assert body.count('<li class="strom-pathway-step">') == 3
    assert (
        '<li class="strom-pathway-step"><p><strong>Suspicion.</strong> A member of staff notices indicators.</p></li>'
        in body
    )
    assert re.search(
        r'<ul class="strom-pathway-branches simple">\s*<li class="strom-pathway-branch"><p><strong>Longer', body
    )
    assert body.count('<li class="strom-pathway-branch">') == 2
    # The caption follows the list, outside it, with its number.
    assert body.index("</ol>") < body.index("<figcaption>")
    assert re.search(
        r'<figcaption>\s*<p><span class="caption-number">Fig. 1 </span><span class="caption-text">'
        r"The referral pathway, from first suspicion to long-term support</span>",
        body,
    )


@pytest.mark.sphinx("html", testroot="content-pathway", freshenv=True)
def test_numref_to_the_pathway_links_its_number(app) -> None:
    _build(app)
    other = (app.outdir / "other.html").read_text(encoding="utf-8")
    assert (
        '<a class="reference internal" href="index.html#fig-referral-pathway">'
        '<span class="std std-numref">Fig. 1</span></a>'
    ) in other


@pytest.mark.sphinx("html", testroot="content-pathway", confoverrides={"language": "lv"}, freshenv=True)
def test_pathway_caption_and_steps_are_translated(app) -> None:
    _build(app)
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert ('<span class="caption-text">Nosūtīšanas ceļš no pirmajām aizdomām līdz ilgtermiņa atbalstam</span>') in page
    assert (
        '<li class="strom-pathway-branch"><p><strong>Droša un brīvprātīga atgriešanās.</strong> '
        "Plānota atgriešanās ar atbalstu.</p></li>"
    ) in page
    assert "The referral pathway, from first suspicion" not in page


@pytest.mark.sphinx("gettext", testroot="content-pathway", freshenv=True)
def test_pathway_text_is_extracted_for_translation(app) -> None:
    _build(app)
    pot = (app.outdir / "index.pot").read_text(encoding="utf-8")
    for msgid in (
        "The referral pathway, from first suspicion to long-term support",
        "**Suspicion.** A member of staff notices indicators.",
        "**Longer-term support or safe return.**",
        "**Safe and voluntary return.** A planned return with support.",
    ):
        assert f'msgid "{msgid}"' in pot


@pytest.mark.parametrize(
    ("content", "line", "problem"),
    [
        ("A paragraph, not a list.\n", 3, "the content must be one numbered list"),
        ("- **Suspicion.** A bullet list.\n", 3, "the content must be one numbered list"),
        ("1. **Suspicion.** First.\n2. Contact, with no bold name.\n", 3, "step 2 must begin with its name in bold"),
        (
            "1. **Suspicion.** First.\n   1. **Nested.** A numbered list inside a step.\n",
            3,
            "step 1 may hold paragraphs and one bullet list of branches",
        ),
        ("1. **Return.**\n   - **Stay.** Support.\n   - No bold name.\n", 3, "branch 2 of step 1 must be paragraphs"),
    ],
)
def test_malformed_pathway_is_one_clear_warning(make_app, tmp_path, rootdir, content, line, problem) -> None:
    shutil.copytree(rootdir / "test-content-pathway", tmp_path, dirs_exist_ok=True)
    (tmp_path / "other.md").write_text("# Annex\n", encoding="utf-8")
    (tmp_path / "index.md").write_text(
        f"# Title\n\n```{{referral-pathway}} Caption\n:name: fig-referral-pathway\n\n{content}```\n\n"
        "```{toctree}\nother\n```\n",
        encoding="utf-8",
    )
    app = make_app("html", srcdir=tmp_path)
    app.build()
    warnings = [line for line in app.warning.getvalue().splitlines() if line.strip()]
    assert len(warnings) == 1, warnings
    assert re.search(
        rf"index\.md:{line}: WARNING: referral-pathway: {re.escape(problem)}.*\[strom\.referral-pathway\]", warnings[0]
    )
    assert "Traceback" not in app.warning.getvalue()
