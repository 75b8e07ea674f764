"""The intake's accuracy on labelled notes: two frozen held-out sets and the development set.

All are development data by now (the failures of both held-out sets are listed in
docs/intake.md), so these guards catch regressions; they do not measure unseen notes."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from implementatie.advice.intake_evaluation import LabelledNote, evaluate, read_labelled_notes
from implementatie.errors import CatalogError

DATA = Path(__file__).parent.parent / "data"
HELDOUT = DATA / "intake_heldout.yaml"
SET2 = DATA / "intake_heldout2.yaml"
DEV = DATA / "intake_dev.yaml"

HELDOUT_SHA256 = "f7d7daed3f033ae384adacdb1cc3e7f426e32e065e5f9c0ac5fa83d8f1fb7a38"
"""The held-out notes as drafted without seeing the lexicon; they must not change."""

SET2_SHA256 = "a70a5eda2d48c16fce5c48d712c78b7a8935320ef7ed68c967153ff1ce087c2f"
"""Set 2, written by another author and measured once, blind, on the code of run 3."""

HELDOUT_TOP3 = 0.89
HELDOUT_TOP1 = 0.77
"""Just under the levels reached (0.903 and 0.783, run 3 in docs/intake.md); a drop below is a
regression."""


SET2_TOP3 = 0.75
SET2_TOP1 = 0.62
"""Just under set 2's blind result (0.752 and 0.624)."""


def test_heldout_notes_are_frozen() -> None:
    assert hashlib.sha256(HELDOUT.read_bytes()).hexdigest() == HELDOUT_SHA256
    assert hashlib.sha256(SET2.read_bytes()).hexdigest() == SET2_SHA256


def test_heldout_accuracy_does_not_regress(catalog) -> None:
    accuracy = evaluate(read_labelled_notes(HELDOUT, catalog=catalog), catalog=catalog)
    assert len(accuracy.outcomes) >= 150
    assert accuracy.top3 >= HELDOUT_TOP3
    assert accuracy.top1 >= HELDOUT_TOP1


def test_set2_accuracy_does_not_regress(catalog) -> None:
    accuracy = evaluate(read_labelled_notes(SET2, catalog=catalog), catalog=catalog)
    assert len(accuracy.outcomes) == 210
    assert accuracy.top3 >= SET2_TOP3
    assert accuracy.top1 >= SET2_TOP1


def test_dev_accuracy(catalog) -> None:
    accuracy = evaluate(read_labelled_notes(DEV, catalog=catalog), catalog=catalog)
    assert accuracy.top3 >= 0.95


def test_off_topic_counts_as_right_only_without_suggestions(catalog) -> None:
    notes = [
        LabelledNote(text="de koffie is op", lang="nl"),
        LabelledNote(text="we hebben geen tijd", lang="nl"),
        LabelledNote(text="we hebben geen tijd", lang="nl", acceptable=("time_available",)),
        LabelledNote(text="de koffie is op", lang="nl", acceptable=("time_available",)),
    ]
    outcomes = evaluate(notes, catalog=catalog).outcomes
    assert [(o.top1, o.top3) for o in outcomes] == [
        (True, True),
        (False, False),
        (True, True),
        (False, False),
    ]


def test_unknown_determinant_in_labelled_notes_is_located(tmp_path) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text(
        "notes:\n  - {text: x, lang: nl, acceptable: [time_avialable]}\n", encoding="utf-8"
    )
    with pytest.raises(CatalogError, match=r"notes.yaml:2:.*time_avialable"):
        read_labelled_notes(path)
