"""End to end in Debian's headless Chromium (Playwright, `executable_path`; no browser download):
a coach creates a round, six respondents click through the form, the dashboard shows the
barriers the library computes for the same answers; axe-core finds no serious or critical
accessibility problems on the respondent pages."""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from implementatie import assess, load_catalog, make_responses
from implementatie.report.labels import label
from tests.web.conftest import ADMIN, require, submission
from tests.web.live import LiveServer

CHROMIUM = os.environ.get("IMPLEMENTATIE_CHROMIUM", "/usr/bin/chromium")
AXE = os.environ.get("IMPLEMENTATIE_AXE_JS", "")
ROLES = ["arts", "verpleegkundige"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    db = tmp_path_factory.mktemp("browser") / "web.db"
    live = LiveServer(f"sqlite:///{db}").start()
    yield live
    live.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require(f"Chromium at {CHROMIUM}", Path(CHROMIUM).is_file())
    require("Playwright for Python", importlib.util.find_spec("playwright") is not None)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        found = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield found
        found.close()


def create_round(browser: Any, server: LiveServer) -> tuple[str, Any]:
    """The coach signs in with the admin link and creates a round; returns the team link."""
    page = browser.new_page()
    page.goto(f"{server.url}/admin?token={ADMIN}")
    page.get_by_label("Naam van de innovatie").fill("Nieuwe werkwijze")
    page.get_by_label("Organisatie of team").fill("JGZ Noord")
    page.get_by_label("Functies om uit te kiezen").fill("\n".join(ROLES))
    page.get_by_label("Teams om uit te kiezen").fill("Noord\nZuid")
    page.get_by_role("button", name="Ronde aanmaken").click()
    page.wait_for_url(re.compile(r"/f/"))
    return page.locator("#respondent-url").inner_text(), page


def answer(browser: Any, link: str, answers: dict[str, Any], role: str) -> None:
    """One respondent, in a fresh browser context, clicks through every page."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(link)
    page.get_by_role("link", name="Begin met de vragenlijst").click()
    page.get_by_label(role, exact=True).click()
    page.get_by_label("Zuid", exact=True).click()
    page.get_by_role("button", name="Volgende").click()
    catalog = load_catalog()
    for category in catalog.categories:
        for determinant in catalog.determinants_in(category.id):
            for item in determinant.items:
                options = catalog.response_format(item.format).options
                index = [o.code for o in options].index(answers[item.id])
                page.locator(f"fieldset#{item.id} label").nth(index).click()
        last = category == catalog.categories[-1]
        page.get_by_role("button", name="Versturen" if last else "Volgende").click()
    page.wait_for_url(re.compile(r"/thanks"))
    assert "Bedankt" in page.content()
    context.close()


def test_six_respondents_and_the_dashboard(browser: Any, server: LiveServer) -> None:
    link, coach = create_round(browser, server)
    bodies = [
        submission(f"p{n}", negative=n in (0, 2, 3), role=ROLES[n % 2], team="Zuid")
        for n in range(6)
    ]
    for body in bodies:
        answer(browser, link, body["answers"], body["attributes"]["role"])
    coach.reload()
    assert coach.locator("#responses").inner_text() == "6"
    headings = coach.locator("#results :is(h2, h3, h4, h5)").all_inner_texts()
    prefix = f"{label('barrier', 'nl')}: "
    shown = [h.removeprefix(prefix) for h in headings if h.startswith(prefix)]
    first_five = bodies[:5]  # results change in steps of five: the sixth waits
    expected = assess(
        make_responses(
            {b["respondent"]: b["answers"] for b in first_five},
            attributes={b["respondent"]: b["attributes"] for b in first_five},
        )
    )
    assert shown == [b.determinant.name.nl for b in expected.barriers]
    assert shown, "the answers were chosen to produce barriers"


def test_respondent_pages_have_no_serious_accessibility_problems(
    browser: Any, server: LiveServer
) -> None:
    require("axe-core (IMPLEMENTATIE_AXE_JS, from npm)", bool(AXE) and Path(AXE).is_file())
    link, _ = create_round(browser, server)
    # the page's CSP forbids scripts; axe is injected by the test only
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    pages = [link, f"{link}/p/0", f"{link}/p/1", f"{link}/p/2?lang=en", f"{link}/p/4"]
    problems = []
    for url in pages:
        page.goto(url)
        page.add_script_tag(path=AXE)
        result = page.evaluate("async () => await axe.run(document)")
        problems += [
            f"{url}: {v['id']} ({v['impact']}): {v['help']}"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert result["passes"], "axe ran no checks"
    page.goto(f"{link}/p/1")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.outerHTML")
    assert "<input" in focused or "<a" in focused  # keyboard reaches the form
    context.close()
    assert not problems, "\n".join(problems)
