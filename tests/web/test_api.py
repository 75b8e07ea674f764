"""The JSON API: every route, its status codes and error bodies."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from implementatie import assess, make_responses
from tests.web.conftest import ADMIN, admin_headers, new_round, submission


def submit(client: Any, token: str, body: Any, **headers: str) -> Any:
    return client.post(f"/api/rounds/{token}/submissions", json=body, headers=headers)


def results(client: Any, round_id: str, token: str | None) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.get(f"/api/rounds/{round_id}/results", headers=headers)


# -- POST /api/rounds ---------------------------------------------------------------------------


def test_create_round_returns_both_tokens_and_links(client: Any) -> None:
    made = new_round(client)
    assert set(made) == {
        "id",
        "respondent_token",
        "facilitator_token",
        "respondent_url",
        "facilitator_url",
    }
    for token in (made["respondent_token"], made["facilitator_token"]):
        assert len(token) >= 43  # 32 random bytes, base64: 256 bits
    assert made["respondent_token"] != made["facilitator_token"]
    assert made["respondent_url"] == f"http://testserver/r/{made['respondent_token']}"
    assert made["facilitator_url"] == f"http://testserver/f/{made['facilitator_token']}"


def test_create_round_needs_the_admin_token(client: Any) -> None:
    body = {"name": "x"}
    missing = client.post("/api/rounds", json=body)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    wrong = client.post("/api/rounds", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    basic = client.post("/api/rounds", json=body, headers={"Authorization": f"Basic {ADMIN}"})
    assert basic.status_code == 401


@pytest.mark.parametrize(
    ("body", "item"),
    [
        ({}, "name"),
        ({"name": ""}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"name": "x", "lang": "de"}, "lang"),
        ({"name": "x", "roles": ["a", "a"]}, "roles"),
        ({"name": "x", "teams": [" "]}, "teams"),
        ({"name": "x", "roles": [f"r{n}" for n in range(51)]}, "roles"),
    ],
)
def test_create_round_names_the_invalid_field(client: Any, body: dict[str, Any], item: str) -> None:
    response = client.post("/api/rounds", json=body, headers=admin_headers())
    assert response.status_code == 422
    assert [d["item"] for d in response.json()["detail"]] == [item]


def test_create_round_accepts_the_limits_exactly(client: Any) -> None:
    body = {"name": "x" * 200, "roles": [f"r{n}" for n in range(50)]}
    assert client.post("/api/rounds", json=body, headers=admin_headers()).status_code == 201


# -- POST /api/rounds/{respondent_token}/submissions ---------------------------------------------


def test_submission_is_stored_and_acknowledged(client: Any) -> None:
    made = new_round(client)
    response = submit(client, made["respondent_token"], submission("r1", role="arts"))
    assert response.status_code == 201
    assert set(response.json()) == {"id"}
    engine = client.app.state.service.engine
    from implementatie.web import storage

    assert list(storage.submission_ids(engine, made["id"])) == [response.json()["id"]]


def test_invalid_submission_names_each_item(client: Any) -> None:
    made = new_round(client)
    body = {"respondent": "r1", "answers": {"q01": 9, "q02": "x", "q99": 1}}
    response = submit(client, made["respondent_token"], body)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert sorted(d["item"] for d in detail) == ["q01", "q02", "q99"]
    assert all(d["message"] for d in detail)


@pytest.mark.parametrize(
    ("body", "item"),
    [
        ({"answers": {}}, "respondent"),
        ({"respondent": "r1", "attributes": {"role": "chirurg"}}, "attributes.role"),
        ({"respondent": "r1", "attributes": {"location": "Utrecht"}}, "attributes.location"),
        ({"respondent": "r" * 201}, "respondent"),
        ([1, 2], "body"),
        ("text", "body"),
    ],
)
def test_invalid_submission_fields(client: Any, body: Any, item: str) -> None:
    made = new_round(client)
    response = submit(client, made["respondent_token"], body)
    assert response.status_code == 422
    assert item in [d["item"] for d in response.json()["detail"]]


def test_role_without_choices_is_refused(client: Any) -> None:
    made = new_round(client, roles=[])
    body = {"respondent": "r1", "attributes": {"role": "arts"}}
    response = submit(client, made["respondent_token"], body)
    assert response.status_code == 422


def test_body_that_is_not_json(client: Any) -> None:
    made = new_round(client)
    response = client.post(
        f"/api/rounds/{made['respondent_token']}/submissions",
        content=b"{not json",
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json() == {"detail": [{"item": "body", "message": "not valid JSON"}]}


def test_unknown_respondent_token(client: Any) -> None:
    assert submit(client, "no-such-token", submission("r1")).status_code == 404


def test_retry_returns_the_same_id_and_stores_once(client: Any) -> None:
    made = new_round(client)
    token = made["respondent_token"]
    first = submit(client, token, submission("r1"), **{"Idempotency-Key": "abc"})
    again = submit(client, token, submission("r1"), **{"Idempotency-Key": "abc"})
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    without_key = submit(client, token, submission("r2"))
    without_key_again = submit(client, token, submission("r2"))
    assert without_key.json() == without_key_again.json()
    assert results(client, made["id"], made["facilitator_token"]).json()["respondents"] == 2


def test_reused_respondent_or_key_with_other_answers_is_409(client: Any) -> None:
    made = new_round(client)
    token = made["respondent_token"]
    assert submit(client, token, submission("r1")).status_code == 201
    assert submit(client, token, submission("r1", negative=True)).status_code == 409
    assert submit(client, token, submission("r2"), **{"Idempotency-Key": "k"}).status_code == 201
    assert submit(client, token, submission("r3"), **{"Idempotency-Key": "k"}).status_code == 409


def test_closed_round_refuses_submissions(client: Any) -> None:
    made = new_round(client, closes_at="2000-01-01T00:00:00Z")
    assert submit(client, made["respondent_token"], submission("r1")).status_code == 409


def test_rate_limit_per_round_at_its_boundary(make_client: Any) -> None:
    client = make_client(rate_limit_burst=3, rate_limit_per_minute=1)
    one, other = new_round(client), new_round(client)
    codes = [
        submit(client, one["respondent_token"], submission(f"r{n}")).status_code for n in range(4)
    ]
    assert codes == [201, 201, 201, 429]
    limited = submit(client, one["respondent_token"], submission("r9"))
    assert limited.headers["retry-after"] == "60"
    # a retry of an acknowledged submission is not limited, nor is another round
    assert submit(client, one["respondent_token"], submission("r0")).status_code == 201
    assert submit(client, other["respondent_token"], submission("r0")).status_code == 201


def test_default_rate_lets_a_team_of_200_submit_at_once(client: Any) -> None:
    made = new_round(client)
    codes = {
        submit(client, made["respondent_token"], submission(f"r{n}")).status_code
        for n in range(200)
    }
    assert codes == {201}


def test_body_over_the_size_limit_is_413(make_client: Any) -> None:
    client = make_client(max_body_bytes=2048)
    made = new_round(client)
    url = f"/api/rounds/{made['respondent_token']}/submissions"
    body = {"respondent": "r1", "answers": {}, "pad": "x" * 2048}
    assert client.post(url, json=body).status_code == 413
    exactly = b'{"respondent": "r1"}'.ljust(2048, b" ")
    response = client.post(url, content=exactly, headers={"content-type": "application/json"})
    assert response.status_code == 201


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(["respondent", "answers", "attributes", "q01", "role", "x"]),
                inner,
                max_size=4,
            )
        ),
        max_leaves=10,
    )
)
def test_any_json_gets_an_answer_never_a_500(client: Any, body: Any) -> None:
    made = getattr(client, "_fuzz_round", None) or new_round(client)
    client._fuzz_round = made
    response = client.post(
        f"/api/rounds/{made['respondent_token']}/submissions",
        content=json.dumps(body),
        headers={"content-type": "application/json"},
    )
    assert response.status_code in (201, 409, 422), response.text


# -- GET /api/rounds/{id}/results -----------------------------------------------------------------


def test_results_need_the_facilitator_token(client: Any) -> None:
    made, other = new_round(client), new_round(client)
    assert results(client, made["id"], None).status_code == 401
    assert results(client, made["id"], made["respondent_token"]).status_code == 403
    assert results(client, made["id"], other["facilitator_token"]).status_code == 403
    assert results(client, made["id"], ADMIN).status_code == 403
    assert results(client, "no-such-round", made["facilitator_token"]).status_code == 403
    for response in (
        results(client, made["id"], made["respondent_token"]),
        results(client, made["id"], None),
    ):
        assert "respondents" not in response.text


def test_results_appear_at_the_minimum_and_change_in_steps(client: Any) -> None:
    made = new_round(client)
    token = made["respondent_token"]
    bodies = [
        submission(f"r{n}", negative=n % 3 == 0, role="arts" if n % 2 else "verpleegkundige")
        for n in range(11)
    ]
    seen = []
    for body in bodies:
        assert submit(client, token, body).status_code == 201
        data = results(client, made["id"], made["facilitator_token"]).json()
        seen.append((data["respondents"], data["shown"]))
    assert seen == [(n, (n // 5) * 5) for n in range(1, 12)]
    data = results(client, made["id"], made["facilitator_token"]).json()
    expected = assess(
        make_responses(
            {b["respondent"]: b["answers"] for b in bodies[:10]},
            attributes={b["respondent"]: b["attributes"] for b in bodies[:10]},
        )
    )
    assessment = data["assessment"]
    assert assessment["determinants"] == expected.to_dict()["determinants"]
    assert assessment["respondents"] == 10
    assert [b["determinant"] for b in assessment["barriers"]] == [
        b.determinant.id for b in expected.barriers
    ]
    assert "plan" in assessment and {s["attribute"] for s in assessment["subgroups"]} == {"role"}


def test_results_below_the_minimum_hold_no_assessment(client: Any) -> None:
    made = new_round(client)
    for n in range(4):
        submit(client, made["respondent_token"], submission(f"r{n}"))
    data = results(client, made["id"], made["facilitator_token"]).json()
    assert data["respondents"] == 4 and data["shown"] == 0 and data["assessment"] is None


# -- questionnaire definitions, health, documentation, headers, logs ---------------------------


def test_surveyjs_and_schema_carry_the_round_choices(client: Any) -> None:
    made = new_round(client, lang="en")
    token = made["respondent_token"]
    survey = client.get(f"/api/rounds/{token}/surveyjs").json()
    about = survey["pages"][0]["elements"]
    assert [(e["name"], e["choices"]) for e in about] == [
        ("role", ["arts", "verpleegkundige"]),
        ("team", ["Noord", "Zuid"]),
    ]
    assert survey["locale"] == "en"
    schema = client.get(f"/api/rounds/{token}/schema").json()
    assert schema["properties"]["attributes"]["properties"]["team"] == {"enum": ["Noord", "Zuid"]}
    assert client.get("/api/rounds/nope/surveyjs").status_code == 404
    assert client.get("/api/rounds/nope/schema").status_code == 404


def test_surveyjs_without_choices_has_no_about_page(client: Any) -> None:
    made = new_round(client, roles=[], teams=[])
    survey = client.get(f"/api/rounds/{made['respondent_token']}/surveyjs").json()
    assert survey["pages"][0]["name"] != "about"


def test_healthz(client: Any) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}


def test_openapi_documents_the_routes_and_the_submission(client: Any) -> None:
    spec = client.get("/openapi.json").json()
    assert {
        "/api/rounds",
        "/api/rounds/{respondent_token}/submissions",
        "/api/rounds/{round_id}/results",
        "/api/rounds/{respondent_token}/surveyjs",
        "/api/rounds/{respondent_token}/schema",
        "/healthz",
    } <= set(spec["paths"])
    assert "q01" in json.dumps(spec["components"]["schemas"])
    assert client.get("/docs").status_code == 200


def test_security_headers(client: Any) -> None:
    for path in ("/healthz", "/admin", "/api/rounds/x/schema"):
        headers = client.get(path).headers
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert "script-src" not in headers["content-security-policy"]
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["cache-control"] == "no-store"


def test_framing_allowed_only_where_configured(make_client: Any) -> None:
    client = make_client(frame_ancestors="https://intranet.example.nl")
    headers = client.get("/healthz").headers
    assert "frame-ancestors https://intranet.example.nl" in headers["content-security-policy"]
    assert "x-frame-options" not in headers


def test_logs_hold_no_tokens_or_answers(client: Any, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    made = new_round(client)
    marker = "private-respondent-name"
    submit(client, made["respondent_token"], submission(marker))
    submit(client, made["respondent_token"], {"respondent": marker, "answers": {"q01": "oops"}})
    results(client, made["id"], made["facilitator_token"])
    # everything the server side logged (httpx is the test's own client)
    logged = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith("httpx"))
    assert "POST /api/rounds/{respondent_token}/submissions 201" in logged
    for secret in (marker, "oops", made["respondent_token"], made["facilitator_token"], ADMIN):
        assert secret not in logged
