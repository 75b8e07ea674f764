"""Fuzzing every way data comes in: the only outcomes are a result or an ImplementatieError.

Catalogue YAML, mapping files, CSV exports, form submissions and the arguments of the public
functions get random and randomly damaged input. Example counts are bounded so the whole file
runs in well under a minute.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from implementatie import (
    Catalog,
    ImplementatieError,
    assess,
    load_catalog,
    make_responses,
    parse_submission,
    plan,
    questionnaire_schema,
    recommend,
    surveyjs,
)
from implementatie.survey.exports import TEMPLATE_KINDS, read_export, template
from implementatie.survey.importers import read_responses
from tests.conftest import CATALOGUES, EXAMPLE, FIXTURES

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

MINIMAL = (CATALOGUES / "minimal.yaml").read_text(encoding="utf-8")
MAPPING = (FIXTURES / "exports" / "qualtrics.yaml").read_text(encoding="utf-8")
EXPORT = FIXTURES / "exports" / "qualtrics_numeric.csv"
TEAM = EXAMPLE.read_text(encoding="utf-8")

SIGNIFICANT = st.text(alphabet=":-[]{}&*!|>'\"#,;\t\n =<@%\\\x00\x1bq0123456789abé", max_size=12)


@st.composite
def damaged(draw: st.DrawFn, text: str) -> str:
    """`text` with a few random cuts, insertions of significant characters, or repeats."""
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 40)))
        kind = draw(st.sampled_from(["cut", "insert", "repeat", "replace"]))
        if kind == "cut":
            text = text[:start] + text[end:]
        elif kind == "insert":
            text = text[:start] + draw(SIGNIFICANT) + text[start:]
        elif kind == "repeat":
            text = text[:end] + text[start:end] + text[end:]
        else:
            text = text[:start] + draw(SIGNIFICANT) + text[end:]
    return text


def written(text: str | bytes, name: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return path


def outcome(call: Any, *args: Any, **kwargs: Any) -> object:
    """The result, or the ImplementatieError raised; any other exception fails the test."""
    try:
        return call(*args, **kwargs)
    except ImplementatieError as exc:
        assert str(exc), "an error must say what is wrong"
        return exc


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)


@given(damaged(MINIMAL))
@FUZZ
def test_damaged_catalogue_yaml(text: str) -> None:
    catalog = outcome(load_catalog, written(text, "catalogue.yaml"))
    if isinstance(catalog, Catalog):  # valid means every command can use it
        for kind in TEMPLATE_KINDS:
            template(kind, catalog=catalog)
        surveyjs("en", catalog=catalog)
        questionnaire_schema("nl", catalog=catalog)
        first = catalog.determinants[0]
        recommend([first], catalog=catalog)
        plan([first], catalog=catalog)
        assert catalog.graph.number_of_nodes() >= len(catalog.determinants)


@given(JSON)
@FUZZ
def test_random_catalogue_structures(data: object) -> None:
    import yaml

    outcome(load_catalog, written(yaml.safe_dump(data), "catalogue.yaml"))


@given(damaged(MAPPING))
@FUZZ
def test_damaged_mapping_files(text: str) -> None:
    outcome(read_export, EXPORT, written(text, "mapping.yaml"))


@given(damaged(TEAM))
@FUZZ
def test_damaged_csv_files(text: str) -> None:
    outcome(read_responses, written(text, "team.csv"))


@given(st.binary(max_size=300))
@settings(max_examples=25, deadline=None)
def test_random_bytes_as_csv(data: bytes) -> None:
    outcome(read_responses, written(data, "team.csv"))


@given(JSON)
@FUZZ
def test_random_submissions(data: object) -> None:
    outcome(parse_submission, data)
    outcome(parse_submission, {"respondent": "r1", "answers": data})
    outcome(parse_submission, {"respondent": "r1", "answers": {"q01": data, "q04": 3}})


ARGUMENT = JSON | st.sampled_from([float("inf"), -1, 0, 0.5, 5, "5", "", "-1", 19, "kennis"])


@given(ARGUMENT, ARGUMENT, ARGUMENT)
@FUZZ
def test_random_arguments_to_the_public_functions(a: Any, b: Any, c: Any) -> None:
    team = make_responses({f"r{i}": {"q23": 2, "q17": 4} for i in range(6)})
    outcome(make_responses, a)
    outcome(make_responses, {"r1": {"q23": a}}, attributes=b)
    outcome(assess, team, barrier_threshold=a, min_group_size=b, dont_know=c)
    outcome(recommend, [a, b], top=c)
    outcome(plan, [a], max_strategies=b, max_effort=c)
