"""The action plan as a spreadsheet a team edits (CSV or Excel), and read back again.

Writing then reading gives the same `ActionPlan`. What a person typed wrongly is reported with
file, sheet, row and column: an unknown strategy, phase or outcome, an empty cell, an order
that is not a whole number above 0, a strategy listed twice. Extra columns are ignored.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from implementatie.advice.action_plan import ActionPlan, ActionStep
from implementatie.errors import (
    NOT_UTF8,
    ActionPlanError,
    ImplementatieError,
    MissingExtra,
    Problem,
    cannot_read,
    cannot_write,
)
from implementatie.knowledge.action_defaults import (
    OUTCOMES,
    PHASES,
    ActionDefaults,
    Outcome,
    Phase,
    load_action_defaults,
)
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.limits import MAX_ANSWERS_BYTES, FileTooLarge, read_limited
from implementatie.knowledge.loader import load_catalog
from implementatie.knowledge.params import checked
from implementatie.knowledge.spreadsheet import cell_text, read_cell_text
from implementatie.knowledge.text import LANGUAGES, Lang, normalise

COLUMNS: dict[str, tuple[str, str]] = {
    "id": ("id", "id"),
    "name": ("strategie", "strategy"),
    "actor": ("wie (actor)", "who (actor)"),
    "action": ("wat (actie)", "what (action)"),
    "target": ("voor wie en waarvoor (doel)", "for whom and what (target)"),
    "phase": ("fase", "phase"),
    "order": ("volgorde", "order"),
    "dose": ("hoe vaak en hoe lang (dosis)", "how often and how long (dose)"),
    "outcome": ("uitkomst", "outcome"),
    "indicator": ("hoe zie je het (indicator)", "how to see it (indicator)"),
    "justification": ("waarom (onderbouwing)", "why (justification)"),
}
"""Field → (Dutch heading, English heading), in column order."""

SHEET = {"nl": "Actieplan", "en": "Action plan"}
PHASE_WORDS = dict(
    zip(PHASES, ("dissemination", "adoption", "implementation", "continuation"), strict=True)
)
"""The English word for each of Fleuren's phases (their ids are Dutch)."""

# Messages, in one place (plain English; Dutch in the message catalogue).
WRITE_AS = "an action plan is written as .csv or .xlsx"
READ_FROM = "an action plan is read from .csv or .xlsx"
NOT_XLSX = "this is not an Excel workbook (.xlsx)"


def headings(lang: Lang) -> list[str]:
    """The column headings in `lang`."""
    return [names[LANGUAGES.index(lang)] for names in COLUMNS.values()]


def rows(plan: ActionPlan, defaults: ActionDefaults | None = None) -> list[list[str | int]]:
    """The plan as spreadsheet rows (without headings), in the plan's language."""
    defaults = defaults or load_action_defaults()
    lang = plan.lang
    return [
        [
            cell if isinstance(cell, int) else cell_text(cell)
            for cell in (
                step.id,
                step.name,
                step.actor,
                step.action,
                step.target,
                step.phase if lang == "nl" else PHASE_WORDS[step.phase],
                step.order,
                step.dose,
                defaults.outcomes[step.outcome].name.in_(lang),
                step.indicator,
                step.justification,
            )
        ]
        for step in plan.steps
    ]


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these is read as a formula by spreadsheets; CSV cells that do are
written with a leading `'` (removed again when read back)."""


def csv_text(plan: ActionPlan) -> str:
    """The plan as CSV (comma-separated, one row per strategy, headings first)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headings(plan.lang))
    writer.writerows([_no_formula(cell) for cell in row] for row in rows(plan))
    return out.getvalue()


def _no_formula(cell: str | int) -> str | int:
    return f"'{cell}" if isinstance(cell, str) and cell.startswith(FORMULA_START) else cell


@checked
def write_action_plan(plan: ActionPlan, path: str | os.PathLike[str]) -> None:
    """Write the plan as .csv or .xlsx (by the file's extension)."""
    target = Path(path)
    try:
        if target.is_dir():
            raise IsADirectoryError(21, "a folder")
        if target.suffix.lower() == ".xlsx":
            _workbook(plan).save(target)
        elif target.suffix.lower() == ".csv":
            target.write_text(csv_text(plan), encoding="utf-8-sig")
        else:
            raise ImplementatieError(cannot_write(path, WRITE_AS))
    except OSError as exc:
        raise ImplementatieError(cannot_write(path, exc)) from None


@checked
def read_action_plan(
    path: str | os.PathLike[str],
    *,
    catalog: Catalog | None = None,
    defaults: ActionDefaults | None = None,
) -> ActionPlan:
    """Read an action plan a team edited (.csv or .xlsx); raises ActionPlanError listing all
    problems, each with sheet, row and column."""
    source = Path(path)
    try:
        if source.is_dir():
            raise IsADirectoryError(21, "a folder")
        size = source.stat().st_size
    except OSError as exc:
        raise ImplementatieError(cannot_read(path, exc)) from None
    if size > MAX_ANSWERS_BYTES:
        raise ImplementatieError(cannot_read(path, str(FileTooLarge(MAX_ANSWERS_BYTES))))
    if source.suffix.lower() == ".xlsx":
        where, table = _read_xlsx(source)
    elif source.suffix.lower() == ".csv":
        where, table = str(source), _read_csv(source)
    else:
        raise ImplementatieError(cannot_read(path, READ_FROM))
    return _parse(where, table, catalog or load_catalog(), defaults or load_action_defaults())


def _workbook(plan: ActionPlan) -> Any:
    openpyxl = _openpyxl()
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    defaults = load_action_defaults()
    lang = plan.lang
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = SHEET[lang]
    sheet.append(headings(lang))
    for row in rows(plan, defaults):
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":  # text that starts with "=" stays text
                cell.data_type = "s"
    widths = {"id": 24, "name": 30, "action": 60, "target": 40, "justification": 60}
    for index, field in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = widths.get(field, 24)
        sheet.cell(1, index).font = Font(bold=True)
        for cell in sheet[letter][1:]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "B2"
    choices = {
        "phase": [p if lang == "nl" else PHASE_WORDS[p] for p in PHASES],
        "outcome": [defaults.outcomes[o].name.in_(lang) for o in OUTCOMES],
    }
    for field, options in choices.items():
        letter = get_column_letter(list(COLUMNS).index(field) + 1)
        rule = DataValidation(type="list", formula1='"' + ",".join(options) + '"')
        rule.add(f"{letter}2:{letter}{max(2, len(plan.steps) + 50)}")
        sheet.add_data_validation(rule)
    return book


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise MissingExtra("reading and writing Excel files", "excel") from None
    return openpyxl


def _read_csv(path: Path) -> list[tuple[int, list[Any]]]:
    try:
        text = read_limited(path, MAX_ANSWERS_BYTES).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImplementatieError(cannot_read(path, NOT_UTF8)) from None
    except FileTooLarge as exc:
        raise ImplementatieError(cannot_read(path, str(exc))) from None
    except OSError as exc:
        raise ImplementatieError(cannot_read(path, exc)) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    table = csv.reader(io.StringIO(text), delimiter=delimiter)
    return [
        (number, [_formula_unquoted(cell) for cell in row])
        for number, row in enumerate(table, start=1)
    ]


def _formula_unquoted(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_START) else cell


def _read_xlsx(path: Path) -> tuple[str, list[tuple[int, list[Any]]]]:
    openpyxl = _openpyxl()
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        raise ImplementatieError(cannot_read(path, exc)) from None
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise ImplementatieError(cannot_read(path, NOT_XLSX)) from None
    name = next((n for n in SHEET.values() if n in book.sheetnames), book.sheetnames[0])
    table = [
        (number, list(values))
        for number, values in enumerate(book[name].iter_rows(values_only=True), start=1)
    ]
    book.close()
    return f"{path} ({name})", table


def _parse(
    where: str, table: Sequence[tuple[int, list[Any]]], catalog: Catalog, defaults: ActionDefaults
) -> ActionPlan:
    if not table:
        raise ActionPlanError([Problem(where, None, None, "", "the sheet is empty")])
    header_row, header = table[0]
    lang, columns, problems = _columns(where, header_row, header)
    if problems:
        raise ActionPlanError(problems)
    steps: list[ActionStep] = []
    seen: dict[str, int] = {}
    phases = _phase_names(defaults)
    outcomes = _outcome_names(defaults)
    for number, values in table[1:]:
        cells = {field: _cell(values, index) for field, index in columns.items()}
        if not any(cells.values()):
            continue
        found = list(_row_problems(where, number, cells, lang, catalog, phases, outcomes, seen))
        problems += found
        if not found:
            seen[cells["id"]] = number
            steps.append(
                ActionStep(
                    **{f: cells[f] for f in COLUMNS if f not in ("phase", "order", "outcome")},
                    phase=phases[normalise(cells["phase"])],
                    order=int(float(cells["order"])),
                    outcome=outcomes[normalise(cells["outcome"])],
                )
            )
    if problems:
        raise ActionPlanError(problems)
    if not steps:
        raise ActionPlanError([Problem(where, None, None, "", "no strategies below the headings")])
    return ActionPlan(lang=lang, steps=tuple(steps))


def _columns(where: str, row: int, header: list[Any]) -> tuple[Lang, dict[str, int], list[Problem]]:
    names = [normalise(str(h)) if h is not None else "" for h in header]
    best: Lang = max(LANGUAGES, key=lambda lang: sum(normalise(h) in names for h in headings(lang)))
    columns: dict[str, int] = {}
    problems = []
    for (field, _), heading in zip(COLUMNS.items(), headings(best), strict=True):
        if normalise(heading) in names:
            columns[field] = names.index(normalise(heading))
        else:
            problems.append(Problem(where, row, None, "", f"no column {heading!r}"))
    return best, columns, problems


def _cell(values: Sequence[Any], index: int) -> str:
    value = values[index] if index < len(values) else None
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return read_cell_text(str(value).strip())


def _row_problems(
    where: str,
    number: int,
    cells: dict[str, str],
    lang: Lang,
    catalog: Catalog,
    phases: Mapping[str, str],
    outcomes: Mapping[str, str],
    seen: dict[str, int],
) -> Iterator[Problem]:
    def problem(field: str, message: str) -> Problem:
        letter = _letter(list(COLUMNS).index(field))
        heading = COLUMNS[field][LANGUAGES.index(lang)]
        return Problem(where, number, None, f"column {letter} ({heading})", message)

    for field, value in cells.items():
        if not value:
            yield problem(field, "is empty; fill it in")
    strategy = cells["id"]
    if strategy and strategy not in {s.id for s in catalog.strategies}:
        close = _close(strategy, (s.id for s in catalog.strategies))
        yield problem("id", f"unknown strategy {strategy!r}{close}")
    elif strategy in seen:
        yield problem("id", f"strategy {strategy!r} is already on row {seen[strategy]}")
    if cells["phase"] and normalise(cells["phase"]) not in phases:
        yield problem("phase", f"{cells['phase']!r} is not a phase; use one of {_choices(phases)}")
    if cells["outcome"] and normalise(cells["outcome"]) not in outcomes:
        yield problem(
            "outcome", f"{cells['outcome']!r} is not an outcome; use one of {_choices(outcomes)}"
        )
    if cells["order"] and not _whole_above_zero(cells["order"]):
        yield problem("order", f"{cells['order']!r} is not a whole number of 1 or more")


def _phase_names(defaults: ActionDefaults) -> dict[str, Phase]:
    """Every accepted spelling of a phase (folded) → the phase id."""
    names: dict[str, Phase] = {}
    for phase in PHASES:
        text = defaults.phases[phase]
        for name in (phase, PHASE_WORDS[phase], text.nl, text.en):
            names[normalise(name)] = phase
    return names


def _outcome_names(defaults: ActionDefaults) -> dict[str, Outcome]:
    names: dict[str, Outcome] = {}
    for outcome in OUTCOMES:
        text = defaults.outcomes[outcome].name
        for name in (outcome, text.nl, text.en):
            names[normalise(name)] = outcome
    return names


def _choices(names: Mapping[str, str]) -> str:
    return ", ".join(dict.fromkeys(names.values()))


def _whole_above_zero(text: str) -> bool:
    try:
        number = float(text)
    except ValueError:
        return False
    return number.is_integer() and number >= 1


def _close(word: str, options: Iterable[str]) -> str:
    from difflib import get_close_matches

    found = get_close_matches(word, list(options), n=1)
    return f"; did you mean {found[0]!r}?" if found else ""


def _letter(index: int) -> str:
    return chr(ord("A") + index)
