"""The reports: summary and plan first, proper headings, A4 print, PDF, no browser errors."""

from __future__ import annotations

import io
import itertools
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from implementatie import assess, compare, load_catalog, plan, read_responses, recommend
from implementatie.cli import main
from implementatie.report.documents import assessment_report, comparison_report
from implementatie.report.pdf import chromium, headless
from tests.conftest import EXAMPLE, EXAMPLE_LATER

needs_chromium = pytest.mark.skipif(
    shutil.which("chromium") is None and not os.environ.get("CI"),
    reason="Chromium is not installed (CI installs it; a missing browser fails there)",
)


@pytest.fixture(scope="module")
def assessment():  # type: ignore[no-untyped-def]
    return assess(read_responses(EXAMPLE))


@pytest.fixture(scope="module")
def page(assessment) -> str:
    return assessment_report(
        assessment,
        recommendation=recommend(assessment.barriers),
        plan=plan(assessment.barriers),
        subgroups=assessment.subgroups("team"),
    )


def headings(html: str) -> list[int]:
    return [int(level) for level in re.findall(r"<h([1-6])[ >]", html)]


def test_headings_never_skip_a_level(page: str) -> None:
    levels = headings(page)
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))


def test_summary_with_every_barrier_and_the_plan_comes_first(assessment, page: str) -> None:
    summary = page[page.index('id="summary"') : page.index('id="profile"')]
    names = [b.determinant.name.nl for b in assessment.barriers]
    positions = [summary.index(name) for name in names]
    assert positions == sorted(positions), "barriers most severe first"
    for strategy in plan(assessment.barriers).strategies:
        assert strategy.strategy.name.nl.replace("'", "&#39;") in summary
    order = [page.index(f'id="{s}"') for s in ("summary", "profile", "strategies", "method")]
    assert order == sorted(order)
    assert "@page { size: A4" in page and "break-before: page" in page


def test_report_explains_the_rule_and_its_limits_with_the_settings_used() -> None:
    later = assess(read_responses(EXAMPLE), barrier_threshold=0.3)
    page = assessment_report(later, lang="en")
    assert "When at least 30% are negative, it is a barrier." in page
    assert "A barrier just above 30% is therefore less certain" in page


def test_report_escapes_what_it_shows(assessment) -> None:
    page = assessment_report(assessment, title="<script>x</script>")
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_comparison_report_has_a_title_and_the_change_chart(assessment) -> None:
    comparison = compare(assessment, assess(read_responses(EXAMPLE_LATER)))
    page = comparison_report(comparison, lang="en")
    assert "<title>What has changed?</title>" in page and "<svg" in page
    for determinant in comparison.resolved:
        assert determinant.name.en in page[: page.index('id="change"')]
    levels = headings(page)
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))


def as_read(text: str) -> str:
    """Text as read from a PDF: ligatures (ﬀ) as letters, one space between words, and a word
    wrapped after its hyphen joined again (the same done to what is looked for)."""
    plain = " ".join(unicodedata.normalize("NFKC", text).split())
    return re.sub(r"- ", "-", plain)


@needs_chromium
def test_assess_pdf_holds_summary_barriers_and_plan_on_page_one(assessment, tmp_path) -> None:
    target = tmp_path / "rapport.pdf"
    assert main(["assess", str(EXAMPLE), "--format", "pdf", "-o", str(target)]) == 0
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    first = as_read(reader.pages[0].extract_text())
    assert "Samenvatting" in first and "Plan over alle belemmeringen" in first
    for barrier in assessment.barriers:
        assert as_read(barrier.determinant.name.nl) in first
    width, height = (float(x) for x in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842), "A4 in points"


@needs_chromium
def test_compare_pdf(tmp_path) -> None:
    target = tmp_path / "change.pdf"
    args = ["compare", str(EXAMPLE), str(EXAMPLE_LATER), "--format", "pdf", "-o", str(target)]
    assert main([*args, "--lang", "en"]) == 0
    text = unicodedata.normalize(
        "NFKC", " ".join(p.extract_text() for p in PdfReader(target).pages)
    )
    assert "Resolved" in text and "Performance feedback" in text


def test_pdf_needs_an_output_file(capsys) -> None:
    assert main(["assess", str(EXAMPLE), "--format", "pdf", "--lang", "en"]) == 1
    assert "--format pdf needs --output FILE" in capsys.readouterr().err
    assert main(["assess", str(EXAMPLE), "--format", "pdf", "--lang", "nl"]) == 1
    assert "--format pdf heeft --output BESTAND nodig" in capsys.readouterr().err


def test_missing_chromium_is_one_clear_error(monkeypatch) -> None:
    monkeypatch.setenv("IMPLEMENTATIE_CHROMIUM", "/nonexistent/chromium")
    with pytest.raises(Exception, match="making a PDF needs Chromium, which was not found"):
        chromium()


def console_messages(html: str) -> list[str]:
    """What a page logs to the browser console when headless Chromium opens it."""
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "page.html"
        path.write_text(html, encoding="utf-8")
        command = headless(
            chromium(),
            str(Path(work) / "profile"),
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            path.as_uri(),
        )
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    return [line for line in done.stderr.splitlines() if ":CONSOLE" in line]


@needs_chromium
def test_html_report_opens_in_chromium_without_console_errors(page: str) -> None:
    assert console_messages("<script>console.error('seen')</script>"), "the check can fail"
    assert console_messages(page) == []


@needs_chromium
def test_printable_questionnaire_as_pdf(tmp_path) -> None:
    target = tmp_path / "vragenlijst.pdf"
    assert main(["questionnaire", "--format", "pdf", "-o", str(target), "--lang", "nl"]) == 0
    reader = PdfReader(target)
    text = as_read(" ".join(p.extract_text() for p in reader.pages))
    first_item = load_catalog().determinants[0].items[0]
    assert as_read(first_item.text.nl)[:40] in text
    assert round(float(reader.pages[0].mediabox[2])) == 595, "A4 in points"
