"""The intake's accuracy on labelled notes: three frozen held-out sets and the development set.

All are development data by now (the failures of every held-out set are listed in
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
SET3 = DATA / "intake_heldout3.yaml"
DEV = DATA / "intake_dev.yaml"

HELDOUT_SHA256 = "f7d7daed3f033ae384adacdb1cc3e7f426e32e065e5f9c0ac5fa83d8f1fb7a38"
"""The held-out notes as drafted without seeing the lexicon; they must not change."""

SET2_SHA256 = "a70a5eda2d48c16fce5c48d712c78b7a8935320ef7ed68c967153ff1ce087c2f"
"""Set 2, written by another author and measured once, blind, on the code of run 3."""

SET3_SHA256 = "802848ae296b740c57b91805b304a71afbf7eea9ec27aa835d8e3a967ea0555d"
"""Set 3, written by a third author and measured once, blind, on the code of run 4."""

HELDOUT_TOP3 = 0.98
HELDOUT_TOP1 = 0.87
"""Just under the levels reached (0.982 and 0.876, run 4 in docs/intake.md); a drop below is a
regression."""

SET2_TOP3 = 0.96
SET2_TOP1 = 0.87
"""Just under set 2's result on run 4 (0.962 and 0.871); its blind result was 0.752 and 0.624."""

SET3_TOP3 = 0.95
SET3_TOP1 = 0.88
"""Just under set 3's blind result (0.952 and 0.887)."""


def test_heldout_notes_are_frozen() -> None:
    assert hashlib.sha256(HELDOUT.read_bytes()).hexdigest() == HELDOUT_SHA256
    assert hashlib.sha256(SET2.read_bytes()).hexdigest() == SET2_SHA256
    assert hashlib.sha256(SET3.read_bytes()).hexdigest() == SET3_SHA256


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


def test_set3_accuracy_does_not_regress(catalog) -> None:
    accuracy = evaluate(read_labelled_notes(SET3, catalog=catalog), catalog=catalog)
    assert len(accuracy.outcomes) == 230
    assert accuracy.top3 >= SET3_TOP3
    assert accuracy.top1 >= SET3_TOP1


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
