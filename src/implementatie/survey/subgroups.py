"""Subgroup views with privacy protection: nothing shown can single out a respondent.

Groups are the values of one respondent attribute; respondents without a value form the group
`NOT_GIVEN`, so that every respondent is in exactly one group per attribute. What is hidden
follows the disclosure rule of `implementatie.survey.disclosure`, applied to every attribute in
the data at once (a view by `role` hides what a view by `team` would give away in combination):

1. Groups: every group that may be shown, the whole team, and the hidden rest of each attribute
   differ pairwise, and overlap, by no one or by at least `min_group_size` respondents.
2. Cells (group × determinant): the same, counting only respondents with a valid answer to that
   determinant. A group hidden in step 1 is hidden in every cell.

Hidden groups are left out of the result entirely; `Subgroups.hidden` only says that some were.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from implementatie.errors import InvalidOption
from implementatie.knowledge.text import Lang
from implementatie.survey.disclosure import hidden_groups
from implementatie.survey.scoring import DeterminantResult, Polarity, Settings, summarise

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from implementatie.report.notebook import View

NOT_GIVEN = "(not given)"

Partitions = dict[str, dict[str, frozenset[str]]]


@dataclass(frozen=True)
class GroupResult:
    """One subgroup's profile; a cell that may not be shown has the status `suppressed`."""

    name: str
    respondents: int
    determinants: tuple[DeterminantResult, ...]

    def to_dict(self) -> dict[str, Any]:
        """`name`, `respondents` and per determinant its counts (null when a cell is hidden)."""
        return {
            "name": self.name,
            "respondents": self.respondents,
            "determinants": [r.to_dict() for r in self.determinants],
        }

    def __repr__(self) -> str:
        return f"GroupResult({self.name!r}, {self.respondents} respondents)"


@dataclass(frozen=True)
class Subgroups:
    """Profiles per value of one attribute; only groups that may be shown are listed."""

    attribute: str
    groups: tuple[GroupResult, ...]
    hidden: bool
    """True when some groups are not listed because they are too small or could be worked out."""

    def to_dict(self) -> dict[str, Any]:
        """`attribute`, `groups_hidden` and per group shown its size and counts: the
        `subgroups` JSON of docs/json.md."""
        return {
            "attribute": self.attribute,
            "groups_hidden": self.hidden,
            "groups": [g.to_dict() for g in self.groups],
        }

    def to_frame(self, lang: Lang = "nl") -> pd.DataFrame:
        """One row per group × determinant shown; hidden cells have missing numbers."""
        from implementatie.report.frames import subgroups_frame

        return subgroups_frame(self, lang)

    def plot(self, lang: Lang = "nl", *, ax: Axes | None = None) -> Figure:
        """A heatmap of % negative, groups × determinants; hidden cells stay blank."""
        from implementatie.report.charts import subgroups_figure

        return subgroups_figure(self, lang, ax=ax)

    def view(self, lang: Lang = "nl") -> View:
        """The status per group and determinant as a table in `lang`."""
        from implementatie.report.notebook import view

        return view(self, lang)

    def _repr_html_(self) -> str:
        return self.view()._repr_html_()

    def __repr__(self) -> str:
        hidden = ", some hidden" if self.hidden else ""
        return f"Subgroups(by {self.attribute!r}: {len(self.groups)} groups shown{hidden})"


def partitions(attributes: Mapping[str, Mapping[str, str]]) -> Partitions:
    """Per attribute in the data, the respondents of each value (`NOT_GIVEN` when absent)."""
    names = sorted({name for values in attributes.values() for name in values})
    result: Partitions = {}
    for name in names:
        members: dict[str, set[str]] = {}
        for respondent, values in attributes.items():
            members.setdefault(values.get(name, NOT_GIVEN), set()).add(respondent)
        result[name] = {value: frozenset(ids) for value, ids in members.items()}
    return result


def split_by(
    overall: Sequence[DeterminantResult],
    classes: Mapping[str, Mapping[str, Polarity]],
    attributes: Mapping[str, Mapping[str, str]],
    settings: Settings,
    attribute: str,
) -> Subgroups:
    """The profile per value of `attribute`, hiding what the disclosure rule forbids.

    `classes` holds each respondent's polarity per determinant id, `attributes` their
    attributes; `overall` gives the determinants in order.
    """
    minimum = settings.min_group_size
    groups = partitions(attributes)
    if attribute not in groups:
        raise InvalidOption(f"no respondent has the attribute {attribute!r}")
    everyone = frozenset(attributes)
    hidden = hidden_groups(everyone, groups, minimum)
    names = sorted(groups[attribute], key=lambda name: (name == NOT_GIVEN, name))
    shown = [name for name in names if (attribute, name) not in hidden]

    columns: dict[str, list[DeterminantResult]] = {name: [] for name in shown}
    for result in overall:
        d = result.determinant
        answered = frozenset(r for r, found in classes.items() if d.id in found)
        cells = {
            a: {value: ids & answered for value, ids in values.items()}
            for a, values in groups.items()
        }
        hidden_cells = hidden_groups(answered, cells, minimum, already=hidden)
        for name in shown:
            columns[name].append(
                DeterminantResult(d, None, None, None, None, "suppressed")
                if (attribute, name) in hidden_cells
                else summarise(
                    d, [classes[r][d.id] for r in sorted(cells[attribute][name])], settings
                )
            )
    return Subgroups(
        attribute,
        tuple(
            GroupResult(name, len(groups[attribute][name]), tuple(columns[name])) for name in shown
        ),
        hidden=len(shown) < len(names),
    )
