"""Expert review of the catalogue: the 29 top-3 lists as a spreadsheet a panel can score, and
the scored spreadsheets read back into agreement per link.

Each reviewer gets the same workbook, marks every link agree or disagree, and may name a
better strategy. `read_reviews` checks every row against the catalogue and reports every
problem at once, with file, sheet, row and column. Needs the optional extra `review`
(openpyxl): `pip install "implementatie[review]"`.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from implementatie.advice.recommendation import recommend
from implementatie.errors import (
    ImplementatieError,
    LookupFailed,
    Problem,
    ReviewError,
    cannot_write,
    file_error,
)
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.loader import load_catalog
from implementatie.knowledge.text import Lang
from implementatie.report.labels import label

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

SHEET = "top3"
NOT_XLSX = "this is not an Excel workbook (.xlsx)"
COLUMNS = (
    "determinant",
    "determinant_name",
    "place",
    "strategy",
    "strategy_name",
    "weight",
    "reason",
    "basis",
    "judgement",
    "better_alternative",
    "comment",
)
"""The header row of the review sheet; the first two id columns are the key of a row."""
AGREE = frozenset({"agree", "eens"})
DISAGREE = frozenset({"disagree", "oneens"})
CONSENSUS = 0.75
"""Share of agreeing reviewers that counts as consensus: the median threshold in Delphi
studies (Diamond IR et al., J Clin Epidemiol 2014;67(4):401-409)."""


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise ImplementatieError(
            'the review spreadsheet needs openpyxl: pip install "implementatie[review]"'
        ) from None
    return openpyxl


def review_rows(catalog: Catalog, lang: Lang) -> list[tuple[object, ...]]:
    """One row per top-3 link, in MIDI order: ids, names, weight, reason and basis."""
    rows: list[tuple[object, ...]] = []
    for determinant in catalog.determinants:
        ranked = recommend([determinant], top=3, catalog=catalog).barriers[0].strategies
        for r in ranked:
            basis = label(r.basis, lang) + (f" ({r.source})" if r.source else "")
            rows.append(
                (
                    determinant.id,
                    determinant.name.in_(lang),
                    r.rank,
                    r.id,
                    r.strategy.name.in_(lang),
                    r.weight,
                    r.rationale.in_(lang),
                    basis,
                    "",
                    "",
                    "",
                )
            )
    return rows


def write_review(
    path: str | os.PathLike[str], *, catalog: Catalog | None = None, lang: Lang = "nl"
) -> None:
    """Write the review workbook: instructions, and one sheet with every top-3 link to score."""
    openpyxl = _openpyxl()
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    catalog = catalog or load_catalog()
    workbook = openpyxl.Workbook()
    about = workbook.active
    about.title = "instructions"
    for line in label("review_instructions", lang).split("\n"):
        about.append([line])
    about.column_dimensions["A"].width = 110
    sheet = workbook.create_sheet(SHEET)
    sheet.append(list(COLUMNS))
    for row in review_rows(catalog, lang):
        sheet.append(list(row))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    choices = "eens,oneens" if lang == "nl" else "agree,disagree"
    validation = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
    sheet.add_data_validation(validation)
    judgement = COLUMNS.index("judgement") + 1
    validation.add(f"{_letter(judgement)}2:{_letter(judgement)}{sheet.max_row}")
    widths = {"reason": 60, "basis": 30, "strategy_name": 35, "comment": 40}
    for index, name in enumerate(COLUMNS, 1):
        sheet.column_dimensions[_letter(index)].width = widths.get(name, 16)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    try:
        if Path(path).is_dir():
            raise IsADirectoryError(21, "a folder")
        workbook.save(Path(path))
    except OSError as exc:
        raise ImplementatieError(cannot_write(path, exc)) from None


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


@dataclass(frozen=True)
class LinkAgreement:
    """How the panel scored one top-3 link."""

    determinant: str
    strategy: str
    place: int
    agree: int
    disagree: int
    alternatives: tuple[tuple[str, int], ...]
    """Strategies proposed instead (ids), most often named first, with how often."""

    @property
    def scored(self) -> int:
        return self.agree + self.disagree

    @property
    def agreement(self) -> float | None:
        """Share of reviewers who scored this link and agree; None when nobody scored it."""
        return self.agree / self.scored if self.scored else None

    @property
    def consensus(self) -> bool:
        """True when at least `CONSENSUS` of the reviewers who scored it agree."""
        return self.agreement is not None and self.agreement >= CONSENSUS


@dataclass(frozen=True)
class Agreement:
    """The panel's agreement per link of the 29 top-3 lists."""

    reviewers: tuple[str, ...]
    links: tuple[LinkAgreement, ...]

    @property
    def without_consensus(self) -> tuple[LinkAgreement, ...]:
        """Links some reviewers scored where agreement stays below the consensus threshold."""
        return tuple(link for link in self.links if link.scored and not link.consensus)


def read_reviews(
    paths: Sequence[str | os.PathLike[str]], *, catalog: Catalog | None = None
) -> Agreement:
    """Read scored review workbooks (one per reviewer) into agreement per link.

    Raises `ReviewError` listing every problem: a missing sheet or column, a row whose link is
    not in the current top 3, a judgement other than agree/disagree, an unknown alternative.
    """
    openpyxl = _openpyxl()
    catalog = catalog or load_catalog()
    expected = {(str(r[0]), str(r[3])): int(str(r[2])) for r in review_rows(catalog, "en")}
    votes: dict[tuple[str, str], Counter[str]] = {key: Counter() for key in expected}
    alternatives: dict[tuple[str, str], Counter[str]] = {key: Counter() for key in expected}
    problems: list[Problem] = []
    reviewers: list[str] = []
    for path in map(Path, paths):
        try:
            if path.is_dir():
                raise IsADirectoryError(21, "a folder")
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except OSError as exc:
            problems.append(Problem(str(path), None, None, "", file_error(exc)))
            continue
        except Exception:  # openpyxl raises many kinds for a file that is no workbook
            problems.append(Problem(str(path), None, None, "", NOT_XLSX))
            continue
        if SHEET not in workbook.sheetnames:
            problems.append(Problem(str(path), None, None, "", f"no sheet {SHEET!r}"))
            continue
        reviewers.append(path.stem)
        found = _read_sheet(workbook[SHEET], str(path), expected, catalog, problems)
        for key, judgement, alternative in found:
            votes[key][judgement] += 1
            if alternative:
                alternatives[key][alternative] += 1
    if problems:
        raise ReviewError(problems)
    links = tuple(
        LinkAgreement(
            determinant=key[0],
            strategy=key[1],
            place=place,
            agree=votes[key]["agree"],
            disagree=votes[key]["disagree"],
            alternatives=tuple(sorted(alternatives[key].items(), key=lambda a: (-a[1], a[0]))),
        )
        for key, place in expected.items()
    )
    return Agreement(tuple(reviewers), links)


def _read_sheet(
    sheet: Worksheet,
    file: str,
    expected: dict[tuple[str, str], int],
    catalog: Catalog,
    problems: list[Problem],
) -> Iterable[tuple[tuple[str, str], str, str | None]]:
    rows = sheet.iter_rows(values_only=True)
    header = [str(c).strip() if c is not None else "" for c in next(rows, ())]
    missing = [
        c for c in ("determinant", "strategy", "judgement", "better_alternative") if c not in header
    ]
    if missing:
        problems.append(Problem(file, 1, None, SHEET, f"missing column(s): {', '.join(missing)}"))
        return []
    at = {
        name: header.index(name)
        for name in ("determinant", "strategy", "judgement", "better_alternative")
    }
    found = []
    seen: set[tuple[str, str]] = set()
    for line, row in enumerate(rows, 2):
        cell = {name: _text(row, index) for name, index in at.items()}
        if not any(cell.values()):
            continue
        key = (cell["determinant"], cell["strategy"])
        where = f"{SHEET} row {line}"
        if key not in expected:
            problems.append(
                Problem(
                    file,
                    line,
                    None,
                    where,
                    f"{key[1]!r} is not in the top 3 of {key[0]!r} "
                    "in this catalogue; was the sheet made from another edition?",
                )
            )
            continue
        if key in seen:
            problems.append(Problem(file, line, None, where, f"{key[1]!r} for {key[0]!r} twice"))
            continue
        seen.add(key)
        judgement = cell["judgement"].casefold()
        if judgement in AGREE:
            verdict = "agree"
        elif judgement in DISAGREE:
            verdict = "disagree"
        elif judgement:
            problems.append(
                Problem(
                    file,
                    line,
                    at["judgement"] + 1,
                    where,
                    f"judgement {cell['judgement']!r}: write agree/eens or disagree/oneens",
                )
            )
            continue
        else:
            verdict = ""
        alternative = None
        if cell["better_alternative"]:
            try:
                alternative = catalog.strategy(cell["better_alternative"]).id
            except LookupFailed as exc:
                problems.append(Problem(file, line, at["better_alternative"] + 1, where, str(exc)))
                continue
        if verdict or alternative:
            found.append((key, verdict, alternative))
    return found


def _text(row: Sequence[object], index: int) -> str:
    value = row[index] if index < len(row) else None
    return "" if value is None else str(value).strip()
