"""Server-rendered pages: the coach's admin and dashboard, and the respondent's questionnaire.

They work without JavaScript. Every form carries a CSRF token (double submit: hidden field and
cookie); every post answers with a redirect, so reloading a page never posts twice.
"""

from __future__ import annotations

import csv
import io
import json
import secrets
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import jinja2
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from implementatie import Lang
from implementatie.knowledge.models import CategoryId
from implementatie.report.document import render
from implementatie.report.documents import blocks_page
from implementatie.report.views import (
    assessment_view,
    comparison_view,
    plan_view,
    recommendation_view,
    subgroups_view,
)
from implementatie.survey.exports import template
from implementatie.web import storage
from implementatie.web.links import facilitator_url, respondent_url
from implementatie.web.results import Results
from implementatie.web.security import CSRF_COOKIE, CSRF_FIELD, csrf_ok, csrf_token
from implementatie.web.service import Closed, Duplicate, Invalid, Limited, Service
from implementatie.web.texts import TEXTS, text
from implementatie.web.tokens import new_token, token_hash, unseal

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True
    )
)
ADMIN_COOKIE = "implementatie_admin"
DRAFT_COOKIE = "implementatie_draft"
ABOUT = "about"
SENT = {"sent": True}


def service(request: Request) -> Service:
    found: Service = request.app.state.service
    return found


def page(
    request: Request, name: str, lang: Lang, status: int = 200, **context: Any
) -> HTMLResponse:
    """Render a template with the language, the text helper and a CSRF token."""
    token, fresh = csrf_token(dict(request.cookies))

    def t(key: str, **values: object) -> str:
        return text(key, lang, **values)

    response = templates.TemplateResponse(
        request,
        name,
        {"lang": lang, "t": t, "texts": TEXTS, "csrf": token, "csrf_field": CSRF_FIELD, **context},
        status_code=status,
    )
    if fresh:
        _cookie(request, response, CSRF_COOKIE, token, "/")
    return response


def _cookie(request: Request, response: Response, name: str, value: str, path: str) -> None:
    response.set_cookie(
        name,
        value,
        path=path,
        httponly=True,
        samesite="lax",
        secure=service(request).settings.secure_cookies,
        max_age=60 * 60 * 24 * 30,
    )


async def checked_form(request: Request) -> FormData:
    """The posted form, after the CSRF check (403 when it fails)."""
    form = await request.form()
    if not csrf_ok(dict(request.cookies), form.get(CSRF_FIELD)):
        raise HTTPException(403, "CSRF check failed: reload the page and try again")
    return form


def _lang(value: object, default: str = "nl") -> Lang:
    return "en" if (value if value in ("nl", "en") else default) == "en" else "nl"


# -- coach -------------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    return page(request, "home.html", _lang(request.query_params.get("lang")))


@router.get("/admin", response_class=HTMLResponse)
def admin(request: Request) -> Response:
    """The form to create a round; `?token=` (the printed admin link) signs the coach in."""
    app = service(request)
    lang = _lang(request.query_params.get("lang"))
    given = request.query_params.get("token")
    if given is not None:
        if not app.is_admin(given):
            return page(request, "message.html", lang, 403, title="403", message="admin_login")
        response = RedirectResponse("/admin", status_code=303)
        _cookie(request, response, ADMIN_COOKIE, given, "/admin")
        return response
    if not app.is_admin(request.cookies.get(ADMIN_COOKIE)):
        return page(request, "message.html", lang, 401, title="401", message="admin_login")
    return page(request, "admin.html", lang, problems=[])


@router.post("/admin/rounds")
async def admin_create(request: Request) -> Response:
    app = service(request)
    form = await checked_form(request)
    lang = _lang(form.get("lang"))
    if not app.is_admin(request.cookies.get(ADMIN_COOKIE)):
        return page(request, "message.html", lang, 401, title="401", message="admin_login")
    closes = str(form.get("closes_at") or "").strip()
    try:  # open through the closing date (UTC)
        closes_at = date.fromisoformat(closes) + timedelta(days=1) if closes else None
    except ValueError:
        problems = [("closes_at", "expected a date such as 2026-12-31")]
        return page(request, "admin.html", lang, 422, problems=problems)
    try:
        made = await run_in_threadpool(
            app.create_round,
            name=str(form.get("name") or ""),
            organisation=str(form.get("organisation") or ""),
            lang=lang,
            roles=_lines(form.get("roles")),
            teams=_lines(form.get("teams")),
            closes_at=(
                datetime.combine(closes_at, datetime.min.time(), tzinfo=UTC) if closes_at else None
            ),
        )
    except Invalid as exc:
        return page(request, "admin.html", lang, 422, problems=exc.problems)
    return RedirectResponse(f"/f/{made.facilitator_token}", status_code=303)


def _lines(value: object) -> list[str]:
    return [line.strip() for line in str(value or "").splitlines() if line.strip()]


def _facilitated(request: Request, token: str) -> storage.Round:
    found = service(request).round_for_facilitator(token)
    if found is None:
        raise HTTPException(404, "no round with this link")
    return found


@router.get("/f/{token}", response_class=HTMLResponse)
def dashboard(token: str, request: Request) -> HTMLResponse:
    """Response count, links, and the results in steps of the minimum group size."""
    app = service(request)
    current = _facilitated(request, token)
    lang = _lang(request.query_params.get("lang"), current.lang)
    total, found = app.results.results(current)
    shows_change = found is not None and found.comparison is not None
    earlier = storage.earlier_round(app.engine, current) if shows_change else None
    return page(
        request,
        "dashboard.html",
        lang,
        round=current,
        total=total,
        step=app.settings.min_group_size,
        shown=found.assessment.respondents if found else 0,
        results=Markup(render(_blocks(found, lang), "html", top_heading=2, inline_styles=False))
        if found
        else None,
        earlier=earlier,
        token=token,
        respondent_url=respondent_url(request, unseal(current.respondent_sealed, token)),
        facilitator_url=facilitator_url(request, token),
    )


def _blocks(found: Results, lang: Lang) -> list[Any]:
    blocks = assessment_view(found.assessment, lang)
    for subgroups in found.subgroups:
        blocks += subgroups_view(subgroups, lang)
    blocks += recommendation_view(found.recommendation, lang)
    blocks += plan_view(found.plan, lang)
    if found.comparison is not None:
        blocks += comparison_view(found.comparison, lang)
    return blocks


@router.post("/f/{token}/{action}")
async def dashboard_action(token: str, action: str, request: Request) -> Response:
    """Close, reopen or delete the round."""
    app = service(request)
    form = await checked_form(request)
    current = _facilitated(request, token)
    if action in ("close", "reopen"):
        await run_in_threadpool(storage.set_closed, app.engine, current.id, action == "close")
        return RedirectResponse(f"/f/{token}", status_code=303)
    if action == "delete":
        if str(form.get("confirm") or "").strip() != current.name:
            return RedirectResponse(f"/f/{token}", status_code=303)
        await run_in_threadpool(storage.delete_round, app.engine, current.id)
        lang = _lang(current.lang)
        return page(request, "message.html", lang, title="OK", message="deleted")
    raise HTTPException(404, "unknown action")


@router.get("/f/{token}/answers.csv")
def answers_csv(token: str, request: Request) -> Response:
    """Every answer as the canonical wide CSV (`implementatie assess` reads it).

    Only for a closed round with at least `min_group_size` answers: a file downloaded after
    every new answer would show what that one person answered.
    """
    app = service(request)
    current = _facilitated(request, token)
    if current.is_open:
        raise HTTPException(409, "close the round first: the answers file is for closed rounds")
    if storage.count_submissions(app.engine, current.id) < app.settings.min_group_size:
        raise HTTPException(409, "too few answers to download them")
    head = template("wide", catalog=app.catalog).splitlines()
    columns = head[-1].split(",")
    out = io.StringIO()
    out.write("\n".join(head[:-1]) + "\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for stored in storage.submissions_of(app.engine, current.id):
        cells = {"respondent": stored.respondent, **stored.data.get("attributes", {})}
        cells |= stored.data.get("answers", {})
        writer.writerow([cells.get(column, "") for column in columns])
    return PlainTextResponse(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="answers.csv"'},
    )


@router.get("/f/{token}/results.json")
def results_json(token: str, request: Request) -> Response:
    app = service(request)
    current = _facilitated(request, token)
    lang = _lang(request.query_params.get("lang"), current.lang)
    total, found = app.results.results(current)
    data = {
        "respondents": total,
        "shown": found.assessment.respondents if found else 0,
        "assessment": found.to_json(lang) if found else None,
    }
    return Response(
        json.dumps(data, ensure_ascii=False, indent=2),
        media_type="application/json",
        headers={"content-disposition": 'attachment; filename="results.json"'},
    )


@router.get("/f/{token}/report.html")
def report_html(token: str, request: Request) -> Response:
    """The HTML report (print it to PDF from the browser)."""
    app = service(request)
    current = _facilitated(request, token)
    lang = _lang(request.query_params.get("lang"), current.lang)
    _, found = app.results.results(current)
    if found is None:
        raise HTTPException(409, "no results yet: too few answers")
    return Response(
        blocks_page(_blocks(found, lang), current.name, lang),
        media_type="text/html; charset=utf-8",
        headers={
            "content-disposition": 'attachment; filename="report.html"',
            "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; "
            "img-src data:; frame-ancestors 'none'",
        },
    )


# -- respondent --------------------------------------------------------------------------------


def _answering(request: Request, token: str) -> storage.Round:
    found = service(request).round_for_respondent(token)
    if found is None:
        raise HTTPException(404, "no questionnaire with this link")
    return found


def _pages(current: storage.Round, request: Request) -> list[str]:
    categories = [c.id for c in service(request).catalog.categories]
    return ([ABOUT] if current.roles or current.teams else []) + categories


def _category(app: Service, name: str) -> CategoryId:
    return next(c.id for c in app.catalog.categories if c.id == name)


def _draft(request: Request, current: storage.Round) -> tuple[str | None, dict[str, Any]]:
    key = request.cookies.get(DRAFT_COOKIE)
    if not key:
        return None, {}
    found = storage.load_draft(service(request).engine, current.id, token_hash(key))
    return (key, found) if found is not None else (None, {})


@router.get("/r/{token}", response_class=HTMLResponse)
def respondent_start(token: str, request: Request) -> HTMLResponse:
    current = _answering(request, token)
    lang = _lang(request.query_params.get("lang"), current.lang)
    if not current.is_open:
        return page(request, "message.html", lang, 409, title="closed_title", message="closed_text")
    app = service(request)
    return page(
        request,
        "start.html",
        lang,
        round=current,
        token=token,
        questionnaire=app.catalog.questionnaire,
    )


@router.get("/r/{token}/p/{number}", response_class=HTMLResponse)
def respondent_page(token: str, number: int, request: Request) -> HTMLResponse:
    """One page of the questionnaire, with the answers saved so far filled in."""
    current = _answering(request, token)
    lang = _lang(request.query_params.get("lang"), current.lang)
    if not current.is_open:
        return page(request, "message.html", lang, 409, title="closed_title", message="closed_text")
    pages = _pages(current, request)
    if not 0 <= number < len(pages):
        raise HTTPException(404, "no such page")
    _, draft = _draft(request, current)
    if draft == SENT:
        return page(request, "message.html", lang, title="thanks_title", message="thanks_text")
    app = service(request)
    name = pages[number]
    questions = []
    if name != ABOUT:
        for determinant in app.catalog.determinants_in(_category(app, name)):
            for item in determinant.items:
                fmt = app.catalog.response_format(item.format)
                options = [(str(o.code), o.label.in_(lang)) for o in fmt.options]
                options.append(("na", app.catalog.questionnaire.not_applicable.in_(lang)))
                questions.append((item.id, item.text.in_(lang), options))
    title = (
        text("about_you", lang)
        if name == ABOUT
        else next(c.name.in_(lang) for c in app.catalog.categories if c.id == name)
    )
    return page(
        request,
        "question_page.html",
        lang,
        round=current,
        token=token,
        number=number,
        total=len(pages),
        title=title,
        about=name == ABOUT,
        questions=questions,
        answers={k: str(v) for k, v in draft.get("answers", {}).items()},
        attributes=draft.get("attributes", {}),
    )


@router.post("/r/{token}/p/{number}")
async def respondent_save(token: str, number: int, request: Request) -> Response:
    """Save this page's answers in the draft, then go back, forward or send."""
    app = service(request)
    form = await checked_form(request)
    current = await run_in_threadpool(_answering, request, token)
    lang = _lang(request.query_params.get("lang"), current.lang)
    if not current.is_open:
        return page(request, "message.html", lang, 409, title="closed_title", message="closed_text")
    pages = _pages(current, request)
    if not 0 <= number < len(pages):
        raise HTTPException(404, "no such page")
    key, draft = await run_in_threadpool(_draft, request, current)
    if draft == SENT:
        return RedirectResponse(f"/r/{token}/thanks?lang={lang}", status_code=303)
    fresh = key is None
    key = key or new_token()
    draft.setdefault("respondent", f"web-{secrets.token_hex(8)}")
    answers: dict[str, Any] = draft.setdefault("answers", {})
    attributes: dict[str, str] = draft.setdefault("attributes", {})
    if pages[number] == ABOUT:
        for name, choices in (("role", current.roles), ("team", current.teams)):
            value = form.get(name)
            if isinstance(value, str) and value in choices:
                attributes[name] = value
    else:
        for determinant in app.catalog.determinants_in(_category(app, pages[number])):
            for item in determinant.items:
                value = form.get(item.id)
                if value == "na":
                    answers[item.id] = "na"
                elif isinstance(value, str) and value.isdigit():
                    answers[item.id] = int(value)
    await run_in_threadpool(storage.save_draft, app.engine, current.id, token_hash(key), draft)
    go = form.get("go")
    suffix = f"?lang={lang}"
    if go == "send" and number == len(pages) - 1:
        response = await _send(request, current, token, key, draft, lang)
    else:
        target = max(0, number - 1) if go == "back" else min(len(pages) - 1, number + 1)
        response = RedirectResponse(f"/r/{token}/p/{target}{suffix}", status_code=303)
    if fresh:
        _cookie(request, response, DRAFT_COOKIE, key, f"/r/{token}")
    return response


async def _send(
    request: Request,
    current: storage.Round,
    token: str,
    key: str,
    draft: dict[str, Any],
    lang: Lang,
) -> Response:
    app = service(request)
    submission = {
        "respondent": draft["respondent"],
        "attributes": draft.get("attributes", {}),
        "answers": draft.get("answers", {}),
    }
    try:
        await run_in_threadpool(app.submit, current, submission, f"draft:{token_hash(key)}")
    except Closed:
        return page(request, "message.html", lang, 409, title="closed_title", message="closed_text")
    except Limited:
        return page(request, "message.html", lang, 429, title="429", message="too_many")
    except (Invalid, Duplicate):
        return page(request, "message.html", lang, 422, title="422", message="bad_form")
    # Keep only the fact that it was sent: a second click on "send" then finds it.
    await run_in_threadpool(storage.save_draft, app.engine, current.id, token_hash(key), SENT)
    response = RedirectResponse(f"/r/{token}/thanks?lang={lang}", status_code=303)
    response.delete_cookie(DRAFT_COOKIE, path=f"/r/{token}")
    return response


@router.get("/r/{token}/thanks", response_class=HTMLResponse)
def respondent_thanks(token: str, request: Request) -> HTMLResponse:
    current = _answering(request, token)
    lang = _lang(request.query_params.get("lang"), current.lang)
    return page(request, "message.html", lang, title="thanks_title", message="thanks_text")
