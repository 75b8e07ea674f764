"""The example notes behind the intake: complete, checked, and apart from the evaluation notes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from implementatie.advice.cue_matching import words
from implementatie.errors import CatalogError
from implementatie.knowledge.example_notes import load_example_notes

EVALUATION = sorted((Path(__file__).parent.parent / "data").glob("intake_*.yaml"))


def test_every_determinant_has_dutch_and_english_examples(catalog) -> None:
    notes = load_example_notes(catalog=catalog)
    assert list(notes.examples) == [d.id for d in catalog.determinants]
    for determinant, entry in notes.examples.items():
        assert len(entry.nl) >= 30 and len(entry.en) >= 9, determinant
    assert len(notes.off_topic.nl) >= 30 and len(notes.off_topic.en) >= 10


def test_no_example_is_an_evaluation_note() -> None:
    def folded(text: str) -> tuple[str, ...]:
        return tuple(plain for _, plain in words(text))

    examples = {folded(note) for _, _, note in load_example_notes().labelled()}
    assert len(EVALUATION) >= 3
    for path in EVALUATION:
        for note in yaml.safe_load(path.read_text(encoding="utf-8"))["notes"]:
            assert folded(note["text"]) not in examples, (path.name, note["text"])


def test_a_note_listed_twice_is_located_with_its_first_place(tmp_path) -> None:
    path = tmp_path / "examples.yaml"
    path.write_text(
        "examples:\n"
        "  time_available:\n"
        "    nl: [geen tijd]\n"
        "off_topic:\n"
        "  nl: [koffie is op, 'Geen  TIJD']\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogError) as caught:
        load_example_notes(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (5, 22)
    assert "already listed under examples/time_available" in problem.message
