"""The action plan as a section of the assessment report (HTML and PDF), in Dutch and English."""

from __future__ import annotations

import html
import itertools
import re

import pytest
from pypdf import PdfReader

from implementatie import action_plan, assess, plan, read_responses
from implementatie.cli import main
from implementatie.errors import InvalidOption
from implementatie.report.documents import assessment_report
from tests.conftest import EXAMPLE
from tests.own_strategy import write_own_strategy
from tests.report.test_documents import as_read, headings, needs_chromium

FIELDS = {
    "nl": ["Wie", "Wat", "Voor wie en waarvoor", "Wanneer", "Hoe vaak en hoe lang",
           "Uitkomst en hoe je die ziet", "Waarom"],
    "en": ["Who", "What", "For whom and what", "When", "How often and how long",
           "Outcome and how to see it", "Why"],
}  # fmt: skip


@pytest.fixture(scope="module")
def assessment():  # type: ignore[no-untyped-def]
    return assess(read_responses(EXAMPLE))


def section(page: str) -> str:
    start = page.index('<section id="action-plan">')
    return page[start : page.index("</section>", start)]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_strategy_of_the_plan_has_every_field_filled(assessment, lang) -> None:
    chosen = plan(assessment.barriers)
    steps = action_plan(chosen, lang=lang)
    page = assessment_report(assessment, plan=chosen, action_plan=steps, lang=lang)
    part = section(page)
    assert f"<h2>{'Actieplan' if lang == 'nl' else 'Action plan'}</h2>" in part
    tables = re.findall(r'<table class="fields">(.*?)</table>', part, re.S)
    assert len(tables) == len(steps.steps) == len(chosen.strategies) > 0
    for step, table in zip(steps.steps, tables, strict=True):
        rows = re.findall(r'<th scope="row">(.*?)</th><td>(.*?)</td>', table, re.S)
        assert [name for name, _ in rows] == FIELDS[lang]
        assert all(value.strip() for _, value in rows), f"{step.id}: an empty field"
        values = [html.unescape(value) for _, value in rows]
        assert values[0] == step.actor and values[1] == step.action and values[4] == step.dose
        assert f"<h3>{step.order}. {html.escape(step.name)}</h3>" in part


def test_the_section_follows_the_strategies_and_keeps_the_heading_order(assessment) -> None:
    chosen = plan(assessment.barriers)
    page = assessment_report(assessment, plan=chosen, action_plan=action_plan(chosen))
    assert page.index('id="summary"') < page.index('id="action-plan"') < page.index('id="method"')
    levels = headings(page)
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))


def test_no_action_plan_no_section(assessment) -> None:
    assert 'id="action-plan"' not in assessment_report(assessment, plan=plan(assessment.barriers))


def test_an_action_plan_in_another_language_is_refused(assessment) -> None:
    chosen = plan(assessment.barriers)
    with pytest.raises(InvalidOption, match="action plan is in 'en' but the report in 'nl'"):
        assessment_report(assessment, plan=chosen, action_plan=action_plan(chosen, lang="en"))


def test_assess_html_has_the_section_and_no_plan_means_none(assessment, tmp_path) -> None:
    target = tmp_path / "report.html"
    assert (
        main(["assess", str(EXAMPLE), "--format", "html", "--lang", "en", "-o", str(target)]) == 0
    )
    part = section(target.read_text(encoding="utf-8"))
    strategies = plan(assessment.barriers).strategies
    assert part.count('<th scope="row">Who</th>') == len(strategies)
    args = ["assess", str(EXAMPLE), "--format", "html", "--no-plan", "-o", str(target)]
    assert main(args) == 0
    assert 'id="action-plan"' not in target.read_text(encoding="utf-8")


@needs_chromium
def test_assess_pdf_holds_the_action_plan(assessment, tmp_path) -> None:
    target = tmp_path / "rapport.pdf"
    assert main(["assess", str(EXAMPLE), "--format", "pdf", "-o", str(target)]) == 0
    text = as_read(" ".join(page.extract_text() for page in PdfReader(target).pages))
    assert "Actieplan" in text
    steps = action_plan(plan(assessment.barriers))
    for step in steps.steps:
        assert as_read(step.name) in text and as_read(step.actor) in text
    for name in FIELDS["nl"]:
        assert name in text


def test_own_strategy_without_defaults_warns_and_leaves_the_section_out(
    assessment, tmp_path, capsys
) -> None:
    links = {b.determinant.id: "Past goed." for b in assessment.barriers}
    own = write_own_strategy(tmp_path / "own.yaml", links, weight=3)
    target = tmp_path / "report.html"
    args = ["assess", str(EXAMPLE), "--catalog", str(own), "--extend", "--format", "html"]
    assert main([*args, "--lang", "en", "-o", str(target)]) == 0
    page = target.read_text(encoding="utf-8")
    assert "Weekly huddle" in page, "the plan uses the own strategy"
    assert 'id="action-plan"' not in page
    assert "no action plan in the report" in capsys.readouterr().err
    assert main([*args, "--lang", "nl", "-o", str(target)]) == 0
    assert "geen actieplan in het rapport" in capsys.readouterr().err
