"""The streaming reader and code-table scoring give exactly what the plain reference gives."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from implementatie import assess, load_catalog, read_responses
from implementatie.survey.csv_stream import CHUNK, stream_csv
from implementatie.survey.responses import ATTRIBUTES
from tests.survey import reference_scoring as reference

CATALOG = load_catalog()
ITEMS = [item for d in CATALOG.determinants for item in d.items]


def cell(rng: random.Random, item_format: str) -> str:
    """A cell as people fill them in: codes, labels, na spellings, empty, stray spaces."""
    fmt = CATALOG.response_format(item_format)
    option = rng.choice(fmt.options)
    return rng.choice(
        [
            str(option.code),
            str(option.code),
            str(option.code),
            f" {option.code} ",
            option.label.nl,
            option.label.en.upper(),
            "na",
            "n.v.t.",
            "",
            "",
        ]
    )


def generate(folder: Path, respondents: int, seed: int) -> tuple[Path, Path]:
    """The same answers as a wide and a long file (more rows than one chunk)."""
    rng = random.Random(seed)
    wide, long = folder / "wide.csv", folder / "long.csv"
    with (
        wide.open("w", newline="", encoding="utf-8") as w,
        long.open("w", newline="", encoding="utf-8") as lg,
    ):
        wide_out, long_out = csv.writer(w), csv.writer(lg)
        wide_out.writerow(["respondent", *ATTRIBUTES, *(i.id for i in ITEMS)])
        long_out.writerow(["respondent", "item", "value", *ATTRIBUTES])
        for n in range(respondents):
            attrs = [rng.choice(["", "a", "b", "c", "d e"]) for _ in ATTRIBUTES]
            cells = [cell(rng, item.format) for item in ITEMS]
            wide_out.writerow([f"r{n}", *attrs, *cells])
            rows = [(item.id, value) for item, value in zip(ITEMS, cells, strict=True)]
            rng.shuffle(rows)
            for item_id, value in rows:
                if value or rng.random() < 0.5:
                    long_out.writerow([f"r{n}", item_id, value, *attrs])
    return wide, long


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return generate(tmp_path_factory.mktemp("answers"), 1500, seed=15)


SETTINGS = [
    {},
    {"dont_know": "neutral", "min_motivation": 4},
    {"dont_know": "exclude", "barrier_threshold": 0.3, "facilitator_threshold": 0.25},
    {"min_motivation": 1, "min_group_size": 400, "barrier_threshold": 0.15},
]


@pytest.mark.parametrize("kind", ["wide", "long"])
def test_the_stream_reads_what_the_reference_reads(files: tuple[Path, Path], kind: str) -> None:
    wide, long = files
    answers, attributes = reference.read_wide(wide, CATALOG)
    streamed = stream_csv(wide if kind == "wide" else long, CATALOG, ATTRIBUTES)
    assert streamed is not None, "a valid file takes the streaming path"
    assert len(streamed) == 1500 > 2 * CHUNK / len(ITEMS)
    got = {r.id: dict(r.answers) for r in streamed.respondents}
    assert got == answers
    assert {r.id: dict(r.attributes) for r in streamed.respondents} == attributes


@pytest.mark.parametrize("options", SETTINGS)
@pytest.mark.parametrize("kind", ["wide", "long"])
def test_scoring_matches_the_reference(
    files: tuple[Path, Path], kind: str, options: dict[str, object]
) -> None:
    wide, long = files
    answers, attributes = reference.read_wide(wide, CATALOG)
    result = assess(read_responses(wide if kind == "wide" else long), **options)  # type: ignore[arg-type]
    dont_know = str(options.get("dont_know", "negative"))
    motivation = int(options.get("min_motivation", 3))  # type: ignore[call-overload]
    expected_classes = {
        rid: {
            d.id: polarity
            for d in CATALOG.determinants
            if (polarity := reference.classify(given, d, CATALOG, dont_know, motivation))
        }
        for rid, given in answers.items()
    }
    assert {rid: dict(found) for rid, found in result._classes.items()} == expected_classes
    assert {rid: dict(found) for rid, found in result._attributes.items()} == attributes
    for found in result.determinants:
        polarities = [
            c[found.determinant.id] for c in expected_classes.values() if found.determinant.id in c
        ]
        expected = reference.summarise(
            polarities,
            float(options.get("barrier_threshold", 0.2)),  # type: ignore[arg-type]
            float(options.get("facilitator_threshold", 0.8)),  # type: ignore[arg-type]
            int(options.get("min_group_size", 5)),  # type: ignore[call-overload]
        )
        assert (found.n, found.negative, found.neutral, found.positive, found.status) == expected


def test_the_reference_check_can_fail(files: tuple[Path, Path]) -> None:
    """Guard the guard: another don't-know rule changes some respondent's polarity."""
    wide, _ = files
    answers, _ = reference.read_wide(wide, CATALOG)
    rules = [
        {
            rid: [reference.classify(a, d, CATALOG, rule, 3) for d in CATALOG.determinants]
            for rid, a in answers.items()
        }
        for rule in ("negative", "neutral")
    ]
    assert rules[0] != rules[1]


def test_a_problem_late_in_a_big_file_names_its_line(tmp_path: Path) -> None:
    wide, _ = generate(tmp_path, 600, seed=3)
    lines = wide.read_text(encoding="utf-8").splitlines()
    cells = lines[590].split(",")
    cells[5] = "7"
    lines[590] = ",".join(cells)
    wide.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(Exception) as caught:
        read_responses(wide)
    message = str(caught.value)
    assert f"{wide}:591" in message and "respondent r589" in message
    assert f"item {ITEMS[1].id}" in message
