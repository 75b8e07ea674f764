"""Markdown pages about the catalogue, generated from the YAML for the documentation site."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from implementatie.advice.recommendation import recommend
from implementatie.knowledge.catalog import Catalog
from implementatie.report.tables import markdown_table


def determinants_page(catalog: Catalog) -> str:
    """The determinant catalogue: every determinant with its description and items."""
    lines = [
        "# Determinant catalogue",
        "",
        "Generated from `data/determinants.yaml`. The 29 determinants of the Measurement "
        "Instrument for Determinants of Innovations (MIDI; Fleuren et al. 2014, "
        "doi:10.1093/intqhc/mzu060), with this project's descriptions and question wording.",
        "",
    ]
    formats = {f.id: f for f in catalog.response_formats}
    for category in catalog.categories:
        members = catalog.determinants_in(category.id)
        lines += [f"## {category.name.nl} / {category.name.en}", "", category.description.en, ""]
        for d in members:
            lines += [
                f"### {d.number}. {d.name.nl} / {d.name.en}",
                "",
                f"`{d.id}` — {d.description.en}",
                "",
                f"*{d.description.nl}*",
                "",
            ]
            rows = [
                (
                    f"`{i.id}`",
                    i.text.nl,
                    i.text.en,
                    formats[i.format].name.en + (" (reversed)" if i.reversed else ""),
                )
                for i in d.items
            ]
            lines += [markdown_table(("item", "nl", "en", "response format"), rows), ""]
    lines += ["## Response formats", ""]
    for f in catalog.response_formats:
        options = [
            (o.code, o.label.nl, o.label.en, "don't know" if o.dont_know else o.score)
            for o in f.options
        ]
        lines += [f"### {f.name.en} (`{f.id}`)", ""]
        lines += [markdown_table(("code", "nl", "en", "score"), options), ""]
    return "\n".join(lines)


def strategies_page(catalog: Catalog) -> str:
    """The strategy catalogue per determinant: its top 3, then every linked strategy."""
    lines = [
        "# Strategy catalogue",
        "",
        f"Generated from `data/strategies.yaml`: {len(catalog.strategies)} strategies. Per "
        "determinant, its strategies in ranked order (see [Ranking](../ranking.md)); the "
        "first three are its top 3. Weight: 3 = first choice, 2 = strong, 1 = supportive.",
        "",
    ]
    for d in catalog.determinants:
        ranked = recommend([d], top=None, catalog=catalog).barriers[0].strategies
        lines += [f"## {d.number}. {d.name.nl} / {d.name.en}", "", f"`{d.id}`", ""]
        rows = [
            (
                r.rank,
                f"**{r.strategy.name.nl}** / {r.strategy.name.en} (`{r.id}`)",
                r.weight,
                f"{r.rationale.nl} / *{r.rationale.en}*",
                BASIS_NAMES[r.basis] + (f": {r.source}" if r.source else ""),
                _sources(catalog, r.strategy.id),
            )
            for r in ranked
        ]
        headers = ("#", "strategy", "weight", "why", "basis of the link", "sources")
        lines += [markdown_table(headers, rows), ""]
    lines += ["## All strategies", ""]
    for s in catalog.strategies:
        lines += [f"### {s.name.nl} / {s.name.en}", "", f"`{s.id}` · {s.level} · {s.effort}"]
        lines += ["", s.description.nl, "", f"*{s.description.en}*", ""]
        if s.conditions:
            lines += [f"Conditions: {s.conditions.en}", ""]
        lines += [f"Sources: {_sources(catalog, s.id)}", ""]
    return "\n".join(lines)


BASIS_NAMES = {
    "cfir_eric_matching": "CFIR-ERIC expert matching",
    "intervention_mapping_method": "Intervention Mapping method",
    "tno_tool_example": "TNO Implementatietool example",
    "dutch_guideline_or_study": "Dutch law, guideline or study",
    "practice_judgement": "practice judgement",
}
"""How the documentation names each basis of a link."""


def _sources(catalog: Catalog, strategy_id: str) -> str:
    strategy = catalog.strategy(strategy_id)
    parts = [f"ERIC {n}" for n in strategy.eric_numbers]
    parts += [f"adapts ERIC {n}" for n in strategy.adapts]
    parts += [f"{m} (Kok 2016)" for m in strategy.methods]
    parts += list(strategy.references)
    return "; ".join(parts)


def fields_page() -> str:
    """Every YAML key the loader accepts, per model, generated from the pydantic models."""
    from pydantic import BaseModel

    from implementatie.knowledge import models
    from implementatie.knowledge.text import Text

    documented: list[type[BaseModel]] = [
        models.Category,
        models.ResponseFormat,
        models.ResponseOption,
        models.Determinant,
        models.Item,
        models.QuestionnaireText,
        models.Cluster,
        models.Strategy,
        models.EricReference,
        models.Link,
        models.Retired,
        models.EricStrategy,
        models.BehaviourChangeMethod,
        Text,
    ]
    lines = [
        "# YAML field reference",
        "",
        "Generated from the pydantic models in `implementatie.knowledge.models`: the keys each "
        "entry may have. Unknown keys are an error.",
        "",
    ]
    for model in documented:
        lines += [f"## {model.__name__}", "", (model.__doc__ or "").strip().split("\n\n")[0], ""]
        rows = [
            (f"`{name}`", _type_name(field.annotation), "yes" if field.is_required() else "no")
            for name, field in model.model_fields.items()
        ]
        lines += [markdown_table(("key", "type", "required"), rows), ""]
    return "\n".join(lines)


def _type_name(annotation: object) -> str:
    import types
    import typing

    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _type_name(args[0])
    if origin is typing.Literal:
        return " | ".join(repr(a) for a in args)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_type_name(a) for a in args if a is not type(None)) + " (optional)"
    if origin is tuple:
        return f"list of {_type_name(args[0])}"
    return getattr(annotation, "__name__", str(annotation))


def worked_example(catalog: Catalog, barriers: Sequence[str], shown: int = 6) -> str:
    """For each barrier, its best candidates with every sort key, so a reader can follow why
    number 1 is number 1."""
    from implementatie.advice.ranking import generic_rating

    result = recommend(barriers, top=shown, catalog=catalog)
    names = ", ".join(f"`{b}`" for b in barriers)
    lines = [f"Barriers given: {names}.", ""]
    for entry in result.barriers:
        d = entry.determinant
        lines += [f"**{d.name.en}** (`{d.id}`)", ""]
        rows = []
        for r in entry.strategies:
            importance, feasibility = generic_rating(r.strategy, catalog)
            rows.append(
                (
                    r.rank,
                    f"{r.strategy.name.en} (`{r.id}`)",
                    r.weight,
                    r.score,
                    ", ".join(r.also_addresses) or "-",
                    r.top or "-",
                    f"{importance:.2f}" if importance else "-",
                    f"{feasibility:.2f}" if feasibility else "-",
                )
            )
        headers = (
            "rank",
            "strategy",
            "1. weight",
            "2. score",
            "(also addresses)",
            "3. top",
            "4. importance",
            "4. feasibility",
        )
        lines += [markdown_table(headers, rows), ""]
    return "\n".join(lines)


def link_statistics(catalog: Catalog) -> str:
    """Per determinant: how many strategies link to it, by weight, and its top 3."""
    rows = []
    for d in catalog.determinants:
        links = [s.link(d.id) for s in catalog.strategies_for(d.id)]
        weights = [link.weight for link in links if link is not None]
        top = recommend([d], catalog=catalog).barriers[0].strategies
        rows.append(
            (
                d.number,
                d.name.en,
                len(weights),
                weights.count(3),
                weights.count(2),
                weights.count(1),
                ", ".join(f"`{r.id}`" for r in top),
            )
        )
    headers = ("#", "determinant", "linked", "weight 3", "weight 2", "weight 1", "top 3")
    total = sum(len(s.links) for s in catalog.strategies)
    bases = Counter(link.basis for s in catalog.strategies for link in s.links)
    intro = (
        f"{len(catalog.strategies)} strategies, {total} links "
        f"({total / len(catalog.strategies):.1f} per strategy). Basis of the links: "
        + ", ".join(f"{BASIS_NAMES[b]} {n}" for b, n in bases.most_common())
        + "."
    )
    return intro + "\n\n" + markdown_table(headers, rows)
