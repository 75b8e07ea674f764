"""The server-rendered pages: coach sign-in, round creation, dashboard, respondent flow."""

from __future__ import annotations

import base64
import itertools
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from implementatie import load_catalog, read_responses
from tests.web.conftest import ADMIN, new_round, submission


def csrf(client: Any) -> str:
    token: str = client.cookies["implementatie_csrf"]
    return token


def signed_in(client: Any) -> Any:
    response = client.get(f"/admin?token={ADMIN}", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/admin"
    assert client.get("/admin").status_code == 200
    return client


def test_admin_needs_the_token(client: Any) -> None:
    assert client.get("/admin").status_code == 401
    assert client.get("/admin?token=wrong-token-0123456789").status_code == 403
    assert "implementatie_admin" not in client.cookies
    signed_in(client)


def test_create_round_in_the_browser(client: Any) -> None:
    signed_in(client)
    form = {
        "csrf": csrf(client),
        "name": "<b>Werkwijze</b>",
        "organisation": "JGZ Noord",
        "lang": "nl",
        "roles": "arts\nverpleegkundige\n",
        "teams": "A\nB",
        "closes_at": "",
    }
    response = client.post("/admin/rounds", data=form, follow_redirects=False)
    assert response.status_code == 303
    dashboard = client.get(response.headers["location"])
    assert "&lt;b&gt;Werkwijze&lt;/b&gt;" in dashboard.text  # autoescaped
    assert "<b>Werkwijze</b>" not in dashboard.text
    link = re.search(r'id="respondent-url">http://testserver(/r/[^<]+)<', dashboard.text)
    assert link and client.get(link[1]).status_code == 200


def test_round_form_problems_are_shown(client: Any) -> None:
    signed_in(client)
    form = {"csrf": csrf(client), "name": " ", "lang": "nl", "roles": "a\na", "closes_at": "soon"}
    assert client.post("/admin/rounds", data=form).status_code == 422
    form["closes_at"] = ""
    response = client.post("/admin/rounds", data=form)
    assert response.status_code == 422 and "roles: a choice appears twice" in response.text


def test_form_posts_without_csrf_token_are_refused(client: Any) -> None:
    signed_in(client)
    form = {"name": "x", "lang": "nl"}
    assert client.post("/admin/rounds", data=form).status_code == 403
    assert client.post("/admin/rounds", data=form | {"csrf": "x" * 43}).status_code == 403


def answer_everything(client: Any, token: str, negative: bool, role: str) -> Any:
    """Fill in the pages as a browser would: the about page, then every category."""
    catalog = load_catalog()
    client.get(f"/r/{token}")
    first = client.get(f"/r/{token}/p/0")
    assert "Stap 1 van 5" in first.text
    client.post(f"/r/{token}/p/0", data={"csrf": csrf(client), "role": role, "team": "Noord"})
    answers = submission("x", negative=negative)["answers"]
    for number, category in enumerate(catalog.categories, start=1):
        items = [i.id for d in catalog.determinants_in(category.id) for i in d.items]
        form = {"csrf": csrf(client), "go": "send" if number == 4 else "next"}
        form |= {item: str(answers[item]) for item in items}
        last = client.post(f"/r/{token}/p/{number}", data=form, follow_redirects=False)
    return last


def test_respondent_flow_stores_one_submission(client: Any) -> None:
    made = new_round(client)
    token = made["respondent_token"]
    last = answer_everything(client, token, negative=True, role="arts")
    draft_cookie = last.request.headers["cookie"]
    assert last.status_code == 303 and last.headers["location"].startswith(f"/r/{token}/thanks")
    assert "Bedankt" in client.get(last.headers["location"]).text
    service = client.app.state.service
    from implementatie.web import storage

    stored = storage.submissions_of(service.engine, made["id"])
    assert len(stored) == 1
    assert stored[0].data["attributes"] == {"role": "arts", "team": "Noord"}
    assert stored[0].data["answers"] == submission("x", negative=True)["answers"]
    # a second click on "send", sent before the first answer came back, stores nothing new
    again = client.post(
        f"/r/{token}/p/4",
        data={"csrf": csrf(client), "go": "send"},
        headers={"cookie": draft_cookie},
    )
    assert again.status_code == 200 and "Bedankt" in again.text
    assert storage.count_submissions(service.engine, made["id"]) == 1


def test_draft_survives_a_reload(client: Any) -> None:
    made = new_round(client)
    token = made["respondent_token"]
    client.get(f"/r/{token}/p/1")
    client.post(f"/r/{token}/p/1", data={"csrf": csrf(client), "q01": "2", "go": "next"})
    page = client.get(f"/r/{token}/p/1").text
    assert re.search(r'name="q01" value="2" checked', page)
    assert not re.search(r'name="q01" value="3" checked', page)
    back = client.post(f"/r/{token}/p/2", data={"csrf": csrf(client), "go": "back"})
    assert back.url.path == f"/r/{token}/p/1"


def test_respondent_page_choices_are_fixed(client: Any) -> None:
    made = new_round(client)
    token = made["respondent_token"]
    client.get(f"/r/{token}/p/0")
    client.post(f"/r/{token}/p/0", data={"csrf": csrf(client), "role": "hacker", "team": "Zuid"})
    page = client.get(f"/r/{token}/p/0").text
    assert 'value="Zuid" checked' in page and "hacker" not in page


def test_pages_are_accessible_by_structure(client: Any) -> None:
    made = new_round(client, lang="en")
    token = made["respondent_token"]
    page = client.get(f"/r/{token}/p/1").text
    assert '<html lang="en">' in page
    assert page.count("<fieldset") == page.count("<legend>") > 0
    assert "<progress" in page and "Step 2 of 5" in page
    dutch = client.get(f"/r/{token}/p/1?lang=nl").text
    assert '<html lang="nl">' in dutch and "Stap 2 van 5" in dutch
    assert client.get(f"/r/{token}/p/5").status_code == 404
    assert client.get("/r/no-such-token").status_code == 404


def test_closed_round_shows_the_closed_page(client: Any) -> None:
    made = new_round(client, closes_at="2000-01-01T00:00:00Z")
    response = client.get(f"/r/{made['respondent_token']}")
    assert response.status_code == 409 and "gesloten" in response.text


def dashboard_form(client: Any, token: str, action: str, **fields: str) -> Any:
    client.get(f"/f/{token}")
    return client.post(f"/f/{token}/{action}", data={"csrf": csrf(client), **fields})


def test_close_reopen_and_delete(client: Any) -> None:
    made = new_round(client)
    ftoken, rtoken = made["facilitator_token"], made["respondent_token"]
    url = f"/api/rounds/{rtoken}/submissions"
    dashboard_form(client, ftoken, "close")
    assert client.post(url, json=submission("r1")).status_code == 409
    dashboard_form(client, ftoken, "reopen")
    assert client.post(url, json=submission("r1")).status_code == 201
    dashboard_form(client, ftoken, "delete", confirm="wrong name")
    assert client.get(f"/f/{ftoken}").status_code == 200
    assert "verwijderd" in dashboard_form(client, ftoken, "delete", confirm="Werkwijze X").text
    assert client.get(f"/f/{ftoken}").status_code == 404
    assert client.post(url, json=submission("r2")).status_code == 404


def test_dashboard_shows_results_only_from_the_minimum(client: Any) -> None:
    made = new_round(client)
    url = f"/api/rounds/{made['respondent_token']}/submissions"
    for n in range(4):
        client.post(url, json=submission(f"r{n}", negative=True))
    page = client.get(f"/f/{made['facilitator_token']}").text
    assert 'id="results"' not in page and "5 mensen" in page
    client.post(url, json=submission("r4", negative=True))
    page = client.get(f"/f/{made['facilitator_token']}").text
    assert 'id="results"' in page and "<figure><img" in page


def test_dashboard_needs_no_inline_style_and_keeps_heading_order(client: Any) -> None:
    """The page's CSP (style-src 'self') would block inline styles: charts go in as SVG
    images, which keep their own colours, and headings step down one level at a time."""
    made = new_round(client)
    url = f"/api/rounds/{made['respondent_token']}/submissions"
    for n in range(5):
        client.post(url, json=submission(f"r{n}", negative=n < 3))
    response = client.get(f"/f/{made['facilitator_token']}")
    assert "style-src 'self'" in response.headers["content-security-policy"]
    page = response.text
    assert " style=" not in page and "<svg" not in page
    charts = re.findall(r'<img src="data:image/svg\+xml;base64,([^"]+)" alt="([^"]+)">', page)
    assert charts
    for data, alt in charts:
        svg = base64.b64decode(data).decode()
        root = ElementTree.fromstring(svg)  # a standalone SVG document, as an image needs
        assert root.tag == "{http://www.w3.org/2000/svg}svg" and "fill: #" in svg
        assert alt.strip()
    levels = [int(n) for n in re.findall(r"<h([1-6])", page)]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels


def test_downloads(client: Any, tmp_path: Path) -> None:
    made = new_round(client)
    ftoken = made["facilitator_token"]
    url = f"/api/rounds/{made['respondent_token']}/submissions"
    assert client.get(f"/f/{ftoken}/report.html").status_code == 409
    bodies = [submission(f"r{n}", negative=n < 2, role="arts", team="Zuid") for n in range(6)]
    for body in bodies[:4]:
        client.post(url, json=body)
    dashboard_form(client, ftoken, "close")
    assert client.get(f"/f/{ftoken}/answers.csv").status_code == 409  # closed, but only 4
    dashboard_form(client, ftoken, "reopen")
    for body in bodies[4:]:
        client.post(url, json=body)
    # Open: a file downloaded after every answer would show what that one person answered.
    assert client.get(f"/f/{ftoken}/answers.csv").status_code == 409
    dashboard_form(client, ftoken, "close")
    csv_file = tmp_path / "answers.csv"
    csv_file.write_text(client.get(f"/f/{ftoken}/answers.csv").text, encoding="utf-8")
    read = read_responses(csv_file)
    assert [r.id for r in read.respondents] == [b["respondent"] for b in bodies]
    assert dict(read.respondents[0].answers) == bodies[0]["answers"]
    assert dict(read.respondents[0].attributes) == {"role": "arts", "team": "Zuid"}
    data = client.get(f"/f/{ftoken}/results.json").json()
    assert data["respondents"] == 6 and data["shown"] == 5
    report = client.get(f"/f/{ftoken}/report.html")
    assert report.status_code == 200 and "attachment" in report.headers["content-disposition"]
    assert "script-src" not in report.headers["content-security-policy"]


def test_comparison_with_the_earlier_round_of_the_same_team(client: Any) -> None:
    before = new_round(client, organisation="JGZ Noord")
    after = new_round(client, organisation="JGZ Noord")
    for made, negative in ((before, True), (after, False)):
        url = f"/api/rounds/{made['respondent_token']}/submissions"
        for n in range(5):
            client.post(url, json=submission(f"r{n}", negative=negative))
    data = client.get(f"/f/{after['facilitator_token']}/results.json").json()
    assert data["assessment"]["comparison"]["resolved"]
    page = client.get(f"/f/{after['facilitator_token']}").text
    assert "Vergeleken met de vorige ronde" in page


def test_round_stays_open_through_its_closing_date(client: Any) -> None:
    from datetime import UTC, datetime, timedelta

    signed_in(client)
    today = datetime.now(UTC).date()
    for closes, status in ((today, 200), (today - timedelta(days=1), 409)):
        form = {"csrf": csrf(client), "name": "x", "lang": "nl", "closes_at": closes.isoformat()}
        dashboard = client.post("/admin/rounds", data=form)
        link = re.search(r'id="respondent-url">http://testserver(/r/[^<]+)<', dashboard.text)
        assert link and client.get(link[1]).status_code == status


def test_comparison_refused_by_the_privacy_rule_is_left_out(client: Any) -> None:
    before = new_round(client, organisation="JGZ Zuid")
    after = new_round(client, organisation="JGZ Zuid")
    # the same pseudonyms in both rounds but one: subtracting would show that one person
    for made, ids in ((before, range(5)), (after, [0, 1, 2, 3, 9])):
        url = f"/api/rounds/{made['respondent_token']}/submissions"
        for n in ids:
            assert client.post(url, json=submission(f"r{n}")).status_code == 201
    data = client.get(f"/f/{after['facilitator_token']}/results.json").json()
    assert data["shown"] == 5 and "comparison" not in data["assessment"]
    page = client.get(f"/f/{after['facilitator_token']}")
    assert page.status_code == 200 and "Vergeleken met" not in page.text
