"""Benchmark: how well and how fast the intake turns notes into determinants.

Accuracy on labelled notes (default: the frozen held-out set 3, tests/data/intake_heldout3.yaml,
written without seeing the cue lexicon or the example notes): top-1 and top-3, where an
off-topic note counts as right when the intake finds no clear determinant. Then the notes that fail.

Speed: a wall of 200 notes, compared with a baseline measured in the same run (splitting the
same notes into words), so the ratio compares across machines.

With `--half a` or `--half b` only one half of the notes is used (split by a hash of each
note's text, so the split is fixed and does not depend on order): tune with one half in view and
check on the other, to see whether a change carries over.

Run: python benchmarks/intake_accuracy.py [NOTES.yaml ...] [--half a|b] [--failures] [--repeat N]
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from implementatie.advice.cue_matching import words
from implementatie.advice.intake import suggest
from implementatie.advice.intake_evaluation import evaluate, read_labelled_notes

HELDOUT = Path(__file__).parent.parent / "tests" / "data" / "intake_heldout3.yaml"


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def half(text: str) -> str:
    """`a` or `b`: a fixed split of notes by the first byte of the SHA-256 of their text."""
    return "ab"[hashlib.sha256(text.encode("utf-8")).digest()[0] % 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("notes", nargs="*", default=[str(HELDOUT)])
    parser.add_argument("--half", choices=["a", "b"], help="only this half of the notes")
    parser.add_argument("--failures", action="store_true", help="list the notes that fail")
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    notes = [note for path in args.notes for note in read_labelled_notes(path)]
    if args.half:
        notes = [note for note in notes if half(note.text) == args.half]
    accuracy = evaluate(notes)
    off_topic = sum(not n.acceptable for n in notes)
    which = f", half {args.half}" if args.half else ""
    print(f"notes: {len(notes)} ({off_topic} off-topic) from {', '.join(args.notes)}{which}")
    print(f"top-1 accuracy: {accuracy.top1:.3f}")
    print(f"top-3 accuracy: {accuracy.top3:.3f}")
    if args.failures:
        for outcome in accuracy.failures:
            wanted = ", ".join(outcome.note.acceptable) or "(off-topic)"
            got = ", ".join(outcome.suggested) or "(no clear determinant)"
            print(f"  FAIL {outcome.note.text!r}: wanted {wanted}; got {got}")

    wall = [n.text for n in notes] * (200 // len(notes) + 1)
    wall = wall[:200]
    suggest(wall)  # build the matcher once; the timing is for a warm matcher
    seconds = median_seconds(lambda: suggest(wall), args.repeat)
    baseline = median_seconds(lambda: [words(text) for text in wall], args.repeat)
    print(f"200 notes: {seconds * 1000:.1f} ms ({seconds / baseline:.0f}× splitting into words)")


if __name__ == "__main__":
    main()
