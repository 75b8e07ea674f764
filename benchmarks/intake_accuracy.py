"""Benchmark: how well and how fast the intake turns notes into determinants.

Accuracy on labelled notes (default: the frozen held-out set tests/data/intake_heldout.yaml,
written without seeing the cue lexicon): top-1 and top-3, where an off-topic note counts as
right when the intake finds no clear determinant. Then the notes that fail.

Speed: a wall of 200 notes, compared with a baseline measured in the same run (splitting the
same notes into words), so the ratio compares across machines.

Run: python benchmarks/intake_accuracy.py [NOTES.yaml] [--failures] [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from implementatie.advice.cue_matching import words
from implementatie.advice.intake import suggest
from implementatie.advice.intake_evaluation import evaluate, read_labelled_notes

HELDOUT = Path(__file__).parent.parent / "tests" / "data" / "intake_heldout.yaml"


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("notes", nargs="?", default=str(HELDOUT))
    parser.add_argument("--failures", action="store_true", help="list the notes that fail")
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    notes = read_labelled_notes(args.notes)
    accuracy = evaluate(notes)
    off_topic = sum(not n.acceptable for n in notes)
    print(f"notes: {len(notes)} ({off_topic} off-topic) from {args.notes}")
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
