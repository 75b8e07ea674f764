"""The intake's suggestions as blocks (text, Markdown, HTML) and as JSON-ready data."""

from __future__ import annotations

from typing import Any

from implementatie.advice.intake import Intake
from implementatie.knowledge.text import Lang
from implementatie.report.document import Block, Heading, Paragraph, Table

_TEXT = {
    "title": ("Wat de notities zeggen", "What the notes say"),
    "none": ("Geen duidelijke determinant.", "No clear determinant."),
    "matched": ("Herkende woorden", "Matched words"),
    "note": ("Notitie", "Note"),
}


def _t(key: str, lang: Lang) -> str:
    nl, en = _TEXT[key]
    return nl if lang == "nl" else en


def intake_view(intake: Intake, lang: Lang) -> list[Block]:
    """Per note: the note, then its suggestions with score and matched words."""
    blocks: list[Block] = [Heading(_t("title", lang), 2)]
    for number, note in enumerate(intake.notes, start=1):
        blocks.append(Heading(f"{_t('note', lang)} {number}: {note.text}", 3))
        if not note.clear:
            blocks.append(Paragraph(_t("none", lang)))
            continue
        rows = tuple(
            (
                f"{s.determinant.name.in_(lang)} ({s.determinant.id})",
                f"{s.score:.2f}",
                ", ".join(s.matched),
            )
            for s in note.suggestions
        )
        blocks.append(Table(("Determinant", "Score", _t("matched", lang)), rows))
    return blocks


def intake_data(intake: Intake) -> dict[str, Any]:
    """`{"notes": [{"text", "suggestions": [{"determinant", "score", "matched"}]}]}`."""
    return {
        "notes": [
            {
                "text": note.text,
                "suggestions": [
                    {"determinant": s.determinant.id, "score": s.score, "matched": list(s.matched)}
                    for s in note.suggestions
                ],
            }
            for note in intake.notes
        ]
    }
