"""The web service applies the library's privacy rules: no small groups, no close rounds."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.conftest import new_round, submission


def test_minimum_group_size_below_five_is_refused() -> None:
    from pydantic import ValidationError

    from implementatie.web.settings import WebSettings

    with pytest.raises(ValidationError):
        WebSettings(min_group_size=4)
    assert WebSettings(min_group_size=5).min_group_size == 5


def test_rounds_that_differ_by_one_known_person_are_not_compared(client: Any) -> None:
    before = new_round(client, organisation="JGZ Noord")
    after = new_round(client, organisation="JGZ Noord")
    # the same ids r0..r3 in both rounds; r4 only before, r9 only after
    for made, ids in ((before, range(5)), (after, [0, 1, 2, 3, 9])):
        url = f"/api/rounds/{made['respondent_token']}/submissions"
        for n in ids:
            assert client.post(url, json=submission(f"r{n}", negative=n == 9)).status_code == 201
    response = client.get(f"/f/{after['facilitator_token']}/results.json")
    assert response.status_code == 200
    assert response.json()["assessment"].get("comparison") is None
    assert client.get(f"/f/{after['facilitator_token']}").status_code == 200
