"""Subgroup views with privacy protection: no group or cell below the minimum group size.

Groups are the values of one respondent attribute; respondents without a value form the group
`NOT_GIVEN`, so that every respondent is in exactly one group. Hiding follows two rules:

1. A group with fewer respondents than `min_group_size`, and a cell (group × determinant) with
   fewer valid answers than that, is hidden.
2. Complementary hiding: because the whole team's result is shown, the hidden part of a column
   could be worked out by subtracting the visible groups from it. So while the hidden cells of
   a determinant (or the hidden groups) together hold between 1 and `min_group_size - 1`
   respondents, the smallest visible one is hidden too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from implementatie.errors import InvalidOption
from implementatie.knowledge.text import Lang
from implementatie.survey.scoring import DeterminantResult, Polarity, Settings, summarise

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from implementatie.report.notebook import View

NOT_GIVEN = "(not given)"


@dataclass(frozen=True)
class GroupResult:
    """One subgroup's profile; `respondents` is None when the group is hidden."""

    name: str
    respondents: int | None
    determinants: tuple[DeterminantResult, ...]

    @property
    def suppressed(self) -> bool:
        return self.respondents is None

    def to_dict(self) -> dict[str, Any]:
        """`name`, `respondents` (null when hidden) and per determinant its counts."""
        return {
            "name": self.name,
            "respondents": self.respondents,
            "determinants": [r.to_dict() for r in self.determinants],
        }

    def __repr__(self) -> str:
        size = "hidden" if self.respondents is None else f"{self.respondents} respondents"
        return f"GroupResult({self.name!r}, {size})"


@dataclass(frozen=True)
class Subgroups:
    """Profiles per value of one attribute; respondents without a value form their own group."""

    attribute: str
    groups: tuple[GroupResult, ...]

    def to_dict(self) -> dict[str, Any]:
        """`attribute` and per group its size and counts: the `subgroups` JSON of docs/json.md."""
        return {"attribute": self.attribute, "groups": [g.to_dict() for g in self.groups]}

    def to_frame(self, lang: Lang = "nl") -> pd.DataFrame:
        """One row per group × determinant; hidden groups and cells have missing numbers."""
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
        hidden = sum(g.suppressed for g in self.groups)
        return f"Subgroups(by {self.attribute!r}: {len(self.groups)} groups, {hidden} hidden)"


def split_by(
    overall: Sequence[DeterminantResult],
    classes: Mapping[str, Mapping[str, Polarity]],
    attributes: Mapping[str, Mapping[str, str]],
    settings: Settings,
    attribute: str,
) -> Subgroups:
    """The profile per value of `attribute`, with small groups and cells hidden.

    `classes` holds each respondent's polarity per determinant id, `attributes` their
    attributes; `overall` gives the determinants in order.
    """
    minimum = settings.min_group_size
    members: dict[str, list[str]] = {}
    for respondent, values in attributes.items():
        members.setdefault(values.get(attribute, NOT_GIVEN), []).append(respondent)
    if set(members) == {NOT_GIVEN}:
        raise InvalidOption(f"no respondent has the attribute {attribute!r}")
    names = sorted(members, key=lambda name: (name == NOT_GIVEN, name))
    hidden_groups = _complement({name: len(members[name]) for name in names}, minimum)

    columns: dict[str, dict[str, DeterminantResult]] = {name: {} for name in names}
    for result in overall:
        d = result.determinant
        polarities = {
            name: [classes[r][d.id] for r in members[name] if d.id in classes[r]] for name in names
        }
        counts = {name: len(values) for name, values in polarities.items()}
        hidden = _complement(counts, minimum, already=hidden_groups)
        for name in names:
            columns[name][d.id] = (
                DeterminantResult(d, None, None, None, None, "suppressed")
                if name in hidden
                else summarise(d, polarities[name], settings)
            )
    groups = tuple(
        GroupResult(
            name,
            None if name in hidden_groups else len(members[name]),
            tuple(columns[name][r.determinant.id] for r in overall),
        )
        for name in names
    )
    return Subgroups(attribute, groups)


def _complement(counts: dict[str, int], minimum: int, already: set[str] | None = None) -> set[str]:
    """Names to hide: those below `minimum`, plus the smallest others until what is hidden
    holds no respondents or at least `minimum` of them."""
    hidden = set(already or ()) | {name for name, count in counts.items() if count < minimum}
    visible = sorted((count, name) for name, count in counts.items() if name not in hidden)
    while 0 < sum(counts[name] for name in hidden) < minimum and visible:
        hidden.add(visible.pop(0)[1])
    return hidden
