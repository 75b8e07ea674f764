"""The Catalog: the validated, immutable knowledge, with look-ups by id, number and name."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from implementatie.errors import LookupFailed, RetiredId
from implementatie.knowledge.lookup import NameIndex
from implementatie.knowledge.models import (
    BehaviourChangeMethod,
    Category,
    CategoryId,
    Cluster,
    Determinant,
    EricStrategy,
    Item,
    QuestionnaireText,
    ResponseFormat,
    Retired,
    Strategy,
)
from implementatie.knowledge.text import Lang

if TYPE_CHECKING:
    import networkx as nx

RETIRED_ITEM = (
    "item {item!r} was removed in edition {edition} of the questionnaire; "
    "use instead: {use} ({reason})"
)
"""Why an answer file's column is no item any more (in English; the reason is localized at
display time, see `Catalog.texts`)."""


@dataclass(frozen=True, eq=False, repr=False)  # its own __repr__
class Catalog:
    """All knowledge in one immutable object. Build it with `load_catalog`."""

    categories: tuple[Category, ...]
    response_formats: tuple[ResponseFormat, ...]
    questionnaire: QuestionnaireText
    determinants: tuple[Determinant, ...]
    clusters: tuple[Cluster, ...]
    strategies: tuple[Strategy, ...]
    eric_strategies: tuple[EricStrategy, ...]
    behaviour_change_methods: tuple[BehaviourChangeMethod, ...]
    sources: tuple[str, ...]
    """The files (or bundled resources) the catalogue was read from."""
    retired_strategies: tuple[Retired, ...] = ()
    """Strategy ids removed from the catalogue, with their replacements."""
    retired_items: tuple[Retired, ...] = ()
    """Item ids removed from the questionnaire, with their replacements."""

    def __repr__(self) -> str:
        return (
            f"<Catalog: {len(self.determinants)} determinants, {len(self.strategies)} strategies>"
        )

    # -- determinants -------------------------------------------------------------------------

    @cached_property
    def _determinant_index(self) -> NameIndex[Determinant]:
        return NameIndex(
            "determinant",
            ((d.id, (str(d.number), d.name.nl, d.name.en), d) for d in self.determinants),
        )

    def determinant(self, query: str | int | Determinant) -> Determinant:
        """The determinant named by id, MIDI number, or Dutch or English name (or part of it)."""
        if isinstance(query, Determinant):
            return query
        return self._determinant_index.find(query)

    def determinants_in(self, category: CategoryId) -> tuple[Determinant, ...]:
        """The determinants of one category, in MIDI order."""
        return tuple(d for d in self.determinants if d.category == category)

    @cached_property
    def _category_index(self) -> NameIndex[Category]:
        return NameIndex("category", ((c.id, (c.name.nl, c.name.en), c) for c in self.categories))

    def category(self, category_id: str) -> Category:
        """The category with this id (also accepts its Dutch or English name)."""
        return self._category_index.find(category_id)

    # -- items and response formats -----------------------------------------------------------

    @cached_property
    def _items(self) -> dict[str, tuple[Determinant, Item]]:
        return {item.id: (d, item) for d in self.determinants for item in d.items}

    def item(self, item_id: str) -> tuple[Determinant, Item]:
        """The item with this id and the determinant it measures; KeyError when unknown."""
        return self._items[item_id]

    @property
    def item_ids(self) -> tuple[str, ...]:
        """Every item id, in questionnaire order."""
        return tuple(self._items)

    @cached_property
    def _formats(self) -> dict[str, ResponseFormat]:
        return {f.id: f for f in self.response_formats}

    def response_format(self, format_id: str) -> ResponseFormat:
        """The response format with this id; KeyError when unknown."""
        return self._formats[format_id]

    # -- strategies ---------------------------------------------------------------------------

    @cached_property
    def _strategy_index(self) -> NameIndex[Strategy]:
        return NameIndex("strategy", ((s.id, (s.name.nl, s.name.en), s) for s in self.strategies))

    def strategy(self, query: str | Strategy) -> Strategy:
        """The strategy named by id, or Dutch or English name (or an unambiguous part of it).

        A removed id raises `RetiredId`, which names the strategies that replace it.
        """
        if isinstance(query, Strategy):
            return query
        if self._strategy_index.exact(query) is None:
            self._raise_if_retired(query, self.retired_strategies, "strategy")
        return self._strategy_index.find(query)

    def retired_item(self, item_id: str) -> Retired | None:
        """The retirement record of a removed item id, if `item_id` is one."""
        return next((r for r in self.retired_items if r.id == item_id), None)

    def unknown_item_message(self, item_id: str) -> str:
        """Why `item_id` is not an item: removed (and what replaces it), or unknown with hints."""
        retired = self.retired_item(item_id)
        if retired is not None:
            return RETIRED_ITEM.format(
                item=item_id,
                edition=retired.edition,
                use=", ".join(retired.replaced_by),
                reason=retired.reason.en,
            )
        import difflib

        close = difflib.get_close_matches(item_id, self.item_ids, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        return f"unknown item {item_id!r}{hint}"

    def texts(self, lang: Lang) -> dict[str, str]:
        """Catalogue texts that messages carry in English, with their text in `lang`.

        Lower layers write messages in English; the display layer uses this to show the
        catalogue's own words in them (why an id was retired, the name and options of an
        answer scale) in the reader's language.
        """
        records = (*self.retired_strategies, *self.retired_items)
        texts = {r.reason.en: r.reason.in_(lang) for r in records}
        for scale in self.response_formats:
            texts[scale.name.en] = scale.name.in_(lang)
            texts[scale.options_text("en")] = scale.options_text(lang)
        return texts

    @staticmethod
    def _raise_if_retired(query: str | int, retired: tuple[Retired, ...], kind: str) -> None:
        key = str(query).strip()
        for record in retired:
            if record.id == key:
                raise RetiredId(kind, record)

    def find(self, query: str | int) -> Determinant | Strategy:
        """A determinant or a strategy: exact matches first, then an unambiguous part of a name."""
        exact = self._determinant_index.exact(query) or self._strategy_index.exact(query)
        if exact is not None:
            return exact
        self._raise_if_retired(query, self.retired_strategies, "strategy")
        try:
            return self._determinant_index.find(query)
        except LookupFailed as determinant_error:
            try:
                return self._strategy_index.find(query)
            except LookupFailed as strategy_error:
                suggestions = [*determinant_error.suggestions, *strategy_error.suggestions]
                ambiguous = determinant_error.ambiguous or strategy_error.ambiguous
                raise LookupFailed(
                    "determinant or strategy", str(query), suggestions, ambiguous=ambiguous
                ) from None

    def strategies_for(self, determinant: str | int | Determinant) -> tuple[Strategy, ...]:
        """The strategies linked to a determinant, in catalogue order."""
        target = self.determinant(determinant).id
        return tuple(s for s in self.strategies if s.link(target) is not None)

    @cached_property
    def _clusters(self) -> dict[str, Cluster]:
        return {c.id: c for c in self.clusters}

    def cluster(self, cluster_id: str) -> Cluster:
        """The cluster with this id; KeyError when unknown."""
        return self._clusters[cluster_id]

    @cached_property
    def _eric_by_number(self) -> dict[int, EricStrategy]:
        return {e.number: e for e in self.eric_strategies}

    def eric(self, number: int) -> EricStrategy:
        """The ERIC strategy with this number; KeyError when unknown."""
        return self._eric_by_number[number]

    @cached_property
    def graph(self) -> nx.DiGraph:
        """The catalogue as a networkx graph, built once (see `implementatie.knowledge.graph`)."""
        from implementatie.knowledge.graph import build_graph

        return build_graph(self)
