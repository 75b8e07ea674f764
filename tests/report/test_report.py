"""Rendering: notebook HTML, text and Markdown show the same results, and nothing private."""

from __future__ import annotations

from html import escape

from implementatie import assess, plan, read_responses, recommend
from implementatie.report.document import Bullets, Figure, Heading, Paragraph, Table, render
from tests.conftest import EXAMPLE


def test_document_renders_each_block_in_each_format() -> None:
    blocks = [
        Heading("Titel"),
        Paragraph("Tekst met <html> & zo."),
        Table(("a", "b|c"), ((1, "x"),)),
        Bullets(("een", "twee")),
        Figure("<svg></svg>", "een grafiek"),
    ]
    text = render(blocks, "text")
    assert "Titel\n=====" in text and "- twee" in text and "<svg" not in text
    markdown = render(blocks, "markdown")
    assert "# Titel" in markdown and "| a | b\\|c |" in markdown and "<svg" not in markdown
    html = render(blocks, "html")
    assert "&lt;html&gt; &amp; zo." in html and "<svg></svg>" in html and "<li>een</li>" in html


def test_notebook_views() -> None:
    from implementatie.report.views import assessment_view, plan_view, recommendation_view

    assessment = assess(read_responses(EXAMPLE))
    html = assessment._repr_html_()
    assert html == render(assessment_view(assessment, "nl"), "html")
    assert "<svg" in html and "<table>" in html and "Formele bekrachtiging" in html
    result = recommend(assessment.barriers)
    html = result._repr_html_()
    assert html == render(recommendation_view(result, "nl"), "html")
    for entry in result.barriers:
        assert f"Belemmering: {escape(entry.determinant.name.nl)}" in html
        for ranked in entry.strategies:
            assert escape(ranked.strategy.name.nl) in html
    overall = plan(assessment.barriers)
    html = overall._repr_html_()
    assert html == render(plan_view(overall, "nl"), "html")
    assert "Plan over alle belemmeringen" in html
    for planned in overall.strategies:
        assert escape(planned.strategy.name.nl) in html


def test_changes_are_signed_points_without_minus_zero() -> None:
    from implementatie.report.views import points

    assert [points(x) for x in (None, -0.004, 0.004, 0.125, -0.3)] == ["-", "0", "0", "+12", "-30"]
