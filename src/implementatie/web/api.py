"""The JSON API, for sites that render their own form (documented on /docs)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from implementatie import questionnaire_schema, surveyjs
from implementatie.web import storage
from implementatie.web.links import facilitator_url, respondent_url
from implementatie.web.service import Closed, Duplicate, Invalid, Limited, Service
from implementatie.web.tokens import same, token_hash

router = APIRouter(prefix="/api", tags=["api"])


class RoundIn(BaseModel):
    """A new round: the innovation's name, language and the fixed role and team choices."""

    name: str = Field(min_length=1, max_length=200)
    organisation: str = Field(default="", max_length=200)
    lang: Literal["nl", "en"] = "nl"
    roles: list[str] = Field(default_factory=list, max_length=50)
    teams: list[str] = Field(default_factory=list, max_length=50)
    closes_at: datetime | None = None


class RoundOut(BaseModel):
    id: str
    respondent_token: str
    facilitator_token: str
    respondent_url: str
    facilitator_url: str


class Created(BaseModel):
    id: str


def service(request: Request) -> Service:
    found: Service = request.app.state.service
    return found


def bearer(authorization: str | None) -> str:
    """The token of an `Authorization: Bearer` header; 401 when there is none."""
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HTTPException(
            401, "send Authorization: Bearer <token>", headers={"WWW-Authenticate": "Bearer"}
        )
    return token.strip()


def invalid(problems: list[tuple[str, str]]) -> JSONResponse:
    detail = [{"item": item, "message": message} for item, message in problems]
    return JSONResponse({"detail": detail}, status_code=422)


@router.post("/rounds", status_code=201, response_model=RoundOut)
def create_round(
    body: RoundIn, request: Request, authorization: Annotated[str | None, Header()] = None
) -> Any:
    """Create a round (admin token). The tokens are shown only now: keep them."""
    app = service(request)
    if not app.is_admin(bearer(authorization)):
        raise HTTPException(403, "this is not the admin token")
    try:
        made = app.create_round(
            name=body.name,
            organisation=body.organisation,
            lang=body.lang,
            roles=body.roles,
            teams=body.teams,
            closes_at=body.closes_at,
        )
    except Invalid as exc:
        return invalid(exc.problems)
    return RoundOut(
        id=made.round.id,
        respondent_token=made.respondent_token,
        facilitator_token=made.facilitator_token,
        respondent_url=respondent_url(request, made.respondent_token),
        facilitator_url=facilitator_url(request, made.facilitator_token),
    )


SUBMISSION_DOC = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Submission"}}},
    },
    "responses": {
        "409": {"description": "the round is closed, or the respondent already answered"},
        "422": {"description": "invalid: `detail` lists each item with its message"},
        "429": {"description": "too many submissions for this round just now"},
    },
}


@router.post(
    "/rounds/{respondent_token}/submissions",
    status_code=201,
    response_model=Created,
    openapi_extra=SUBMISSION_DOC,
)
async def submit(
    respondent_token: str,
    request: Request,
    idempotency_key: Annotated[str | None, Header()] = None,
) -> Any:
    """Store one submission, as `parse_submission` takes it. It is committed before the
    answer; sending it again with the same `Idempotency-Key` (or respondent id) returns the
    same id instead of storing it twice."""
    app = service(request)
    current = await run_in_threadpool(app.round_for_respondent, respondent_token)
    if current is None:
        raise HTTPException(404, "no round with this respondent token")
    try:
        data = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError):
        return invalid([("body", "not valid JSON")])
    try:
        new_id, _ = await run_in_threadpool(app.submit, current, data, idempotency_key)
    except Invalid as exc:
        return invalid(exc.problems)
    except Closed:
        raise HTTPException(409, "this round is closed") from None
    except Duplicate:
        raise HTTPException(
            409, "this respondent or idempotency key was used for another submission"
        ) from None
    except Limited:
        retry = str(app.limiter.retry_after())
        raise HTTPException(429, "too many submissions", headers={"Retry-After": retry}) from None
    return Created(id=new_id)


@router.get("/rounds/{round_id}/results")
def results(
    round_id: str, request: Request, authorization: Annotated[str | None, Header()] = None
) -> dict[str, Any]:
    """The round's results (facilitator token): `respondents`, `shown` and, once at least
    `min_group_size` people answered, `assessment` in the contract of
    `implementatie assess --format json`, based on the first `shown` submissions."""
    app = service(request)
    token = bearer(authorization)
    current = storage.round_by_id(app.engine, round_id)
    if current is None or not same(token_hash(token), current.facilitator_hash):
        raise HTTPException(403, "this is not the facilitator token of this round")
    total, found = app.results.results(current)
    lang = current.lang
    return {
        "id": current.id,
        "name": current.name,
        "open": current.is_open,
        "respondents": total,
        "min_group_size": app.settings.min_group_size,
        "shown": found.assessment.respondents if found else 0,
        "assessment": found.to_json(lang) if found else None,
    }


@router.get("/rounds/{respondent_token}/surveyjs")
def round_surveyjs(respondent_token: str, request: Request) -> dict[str, Any]:
    """The questionnaire as a SurveyJS survey, with this round's role and team choices."""
    app = service(request)
    current = app.round_for_respondent(respondent_token)
    if current is None:
        raise HTTPException(404, "no round with this respondent token")
    lang = current.lang
    survey = surveyjs(lang, catalog=app.catalog)
    about = survey["pages"][0]
    about["elements"] = [
        {"type": "dropdown", "name": name, "title": element["title"], "choices": list(choices)}
        for name, choices, element in (
            ("role", current.roles, about["elements"][0]),
            ("team", current.teams, about["elements"][1]),
        )
        if choices
    ]
    if not about["elements"]:
        survey["pages"].pop(0)
    return survey


@router.get("/rounds/{respondent_token}/schema")
def round_schema(respondent_token: str, request: Request) -> dict[str, Any]:
    """The JSON Schema of one submission, with this round's role and team choices."""
    app = service(request)
    current = app.round_for_respondent(respondent_token)
    if current is None:
        raise HTTPException(404, "no round with this respondent token")
    lang = current.lang
    schema = questionnaire_schema(lang, catalog=app.catalog)
    properties = {
        name: {"enum": list(choices)}
        for name, choices in (("role", current.roles), ("team", current.teams))
        if choices
    }
    schema["properties"]["attributes"] = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    return schema
