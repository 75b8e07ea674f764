"""What each result looks like, as document blocks (rendered by `document.render`)."""

from __future__ import annotations

from collections.abc import Sequence

from implementatie.advice.eric import EricTerm
from implementatie.advice.planning import Plan
from implementatie.advice.recommendation import Recommendation, recommend
from implementatie.i18n import localize
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.models import Basis, Determinant, Strategy
from implementatie.knowledge.text import Lang
from implementatie.report.charts import inline_chart
from implementatie.report.document import Block, Bullets, Figure, Heading, Paragraph, Table
from implementatie.report.labels import headings, label
from implementatie.report.review import CONSENSUS, Agreement
from implementatie.survey.assessment import Assessment
from implementatie.survey.comparison import Comparison
from implementatie.survey.subgroups import Subgroups


def determinants_view(determinants: Sequence[Determinant], lang: Lang) -> list[Block]:
    """A table of determinants: number, id, category, name."""
    rows = tuple((d.number, d.id, d.category, d.name.in_(lang)) for d in determinants)
    return [Table(("#", "id", label("category", lang), label("name", lang)), rows)]


def determinant_view(determinant: Determinant, catalog: Catalog, lang: Lang) -> list[Block]:
    """One determinant: what it is, its items, and its strategies best first."""
    category = catalog.category(determinant.category)
    blocks: list[Block] = [
        Heading(f"{determinant.number}. {determinant.name.in_(lang)} ({determinant.id})"),
        Paragraph(determinant.description.in_(lang)),
        Paragraph(f"{label('category', lang)}: {category.name.in_(lang)} ({category.id})"),
        Heading(label("items", lang), 2),
    ]
    rows = []
    for item in determinant.items:
        fmt = catalog.response_format(item.format).name.in_(lang)
        flag = f" ({label('reversed', lang)})" if item.reversed else ""
        rows.append((item.id, item.text.in_(lang), fmt + flag))
    blocks.append(Table(("id", label("items", lang), label("format", lang)), tuple(rows)))
    blocks.append(Heading(label("linked_strategies", lang), 2))
    blocks.extend(strategies_for_view(determinant, catalog, lang))
    return blocks


def strategies_for_view(determinant: Determinant, catalog: Catalog, lang: Lang) -> list[Block]:
    """All strategies linked to one determinant, ranked, with weight and rationale."""
    ranked = recommend([determinant], top=None, catalog=catalog).barriers[0].strategies
    if not ranked:
        return [Paragraph(label("no_strategies", lang))]
    rows = tuple(
        (
            r.rank,
            r.strategy.name.in_(lang),
            r.id,
            r.weight,
            r.rationale.in_(lang),
            basis_text(r.basis, r.source, lang),
        )
        for r in ranked
    )
    headers = headings(lang, "rank", "strategy", "id", "weight", "rationale", "basis")
    return [Table(headers, rows)]


def basis_text(basis: Basis, source: str | None, lang: Lang) -> str:
    """What a link rests on, in words, with its citation where it has one."""
    return label(basis, lang) + (f" ({source})" if source else "")


def strategies_view(strategies: Sequence[Strategy], lang: Lang) -> list[Block]:
    """A table of strategies: id, name, cluster, level, effort, ERIC numbers."""
    rows = tuple(
        (
            s.id,
            s.name.in_(lang),
            s.cluster,
            label(s.level, lang),
            label(s.effort, lang),
            ", ".join(map(str, s.eric_numbers)) or "-",
        )
        for s in strategies
    )
    headers = headings(lang, "id", "name", "cluster", "level", "effort", "ERIC")
    return [Table(headers, rows)]


def strategy_view(strategy: Strategy, catalog: Catalog, lang: Lang) -> list[Block]:
    """One strategy: description, conditions, sources and links with rationale."""
    cluster = catalog.cluster(strategy.cluster)
    blocks: list[Block] = [
        Heading(f"{strategy.name.in_(lang)} ({strategy.id})"),
        Paragraph(strategy.description.in_(lang)),
        Paragraph(
            f"{label('cluster', lang)}: {cluster.name.in_(lang)} · {label('level', lang)}: "
            f"{label(strategy.level, lang)} · {label('effort', lang)}: "
            f"{label(strategy.effort, lang)}"
        ),
    ]
    if strategy.conditions:
        blocks += [Heading(label("conditions", lang), 2), Paragraph(strategy.conditions.in_(lang))]
    sources = [f"ERIC {e.number}: {e.name} (Powell et al. 2015)" for e in strategy.eric]
    sources += [
        f"{label('adapts', lang)} {n}: {catalog.eric(n).name} (Powell et al. 2015)"
        for n in strategy.adapts
    ]
    sources += [f"{m} (Kok et al. 2016)" for m in strategy.methods]
    sources += list(strategy.references)
    blocks += [Heading(label("sources", lang), 2), Bullets(tuple(sources))]
    rows = tuple(
        (
            link.determinant,
            catalog.determinant(link.determinant).name.in_(lang),
            link.weight,
            link.rationale.in_(lang),
            basis_text(link.basis, link.source, lang),
        )
        for link in sorted(strategy.links, key=lambda link: (-link.weight, link.determinant))
    )
    headers = headings(lang, "determinant", "name", "weight", "rationale", "basis")
    blocks += [Heading(label("linked_determinants", lang), 2), Table(headers, rows)]
    return blocks


def recommendation_view(recommendation: Recommendation, lang: Lang) -> list[Block]:
    """Per barrier, its ranked strategies with the reason for each."""
    names = {b.determinant.id: b.determinant.name.in_(lang) for b in recommendation.barriers}
    blocks: list[Block] = []
    for entry in recommendation.barriers:
        d = entry.determinant
        blocks.append(Heading(f"{label('barrier', lang)}: {d.name.in_(lang)}", 2))
        if not entry.strategies:
            blocks.append(Paragraph(label("no_strategies", lang)))
            continue
        rows = tuple(
            (
                r.rank,
                r.strategy.name.in_(lang),
                r.weight,
                r.score,
                r.rationale.in_(lang),
                label(r.basis, lang),
                ", ".join(names[b] for b in r.also_addresses) or "-",
            )
            for r in entry.strategies
        )
        headers = headings(
            lang, "rank", "strategy", "weight", "score", "rationale", "basis", "also_addresses"
        )
        blocks.append(Table(headers, rows))
    return blocks


def plan_view(plan: Plan, lang: Lang) -> list[Block]:
    """The plan: chosen strategies, the coverage table and what stays uncovered."""
    names = {b.id: b.name.in_(lang) for b in plan.barriers}
    strategy_names = {p.id: p.strategy.name.in_(lang) for p in (*plan.in_use, *plan.strategies)}
    blocks: list[Block] = [Heading(label("plan", lang), 2)]
    rows = tuple(
        (
            p.strategy.name.in_(lang) + (f" ({label('in_use', lang)})" if p.in_use else ""),
            label(p.strategy.effort, lang),
            ", ".join(names[b] for b in p.covers),
        )
        for p in (*plan.strategies, *plan.in_use)
    )
    blocks.append(Table(headings(lang, "strategy", "effort", "covers"), rows))
    coverage = plan.coverage
    blocks.append(Heading(label("coverage", lang), 3))
    blocks.append(
        Table(
            (label("barrier", lang), label("strategies", lang)),
            tuple(
                (d.name.in_(lang), ", ".join(strategy_names[s] for s in coverage[d.id]) or "-")
                for d in plan.barriers
            ),
        )
    )
    if plan.uncovered:
        missing = ", ".join(d.name.in_(lang) for d in plan.uncovered)
        blocks.append(Paragraph(f"{label('uncovered', lang)}: {missing}"))
    if plan.limit_reached:
        blocks.append(Paragraph(label("limit_reached", lang)))
    return blocks


def eric_view(terms: Sequence[EricTerm], lang: Lang) -> list[Block]:
    """The plan in ERIC terms: per strategy the ERIC number and name it is or adapts."""
    relation = {"is": "is", "adapts": "adapts", "method": "method", "none": "no_eric"}
    rows = tuple(
        (
            f"{t.strategy.name.in_(lang)} ({t.strategy.id})",
            label(relation[t.relation], lang),
            "-" if t.number is None else t.number,
            t.name or "-",
        )
        for t in terms
    )
    return [
        Heading(label("eric_terms", lang), 2),
        Paragraph(label("eric_intro", lang)),
        Table(headings(lang, "strategy", "relation", "ERIC", "name"), rows),
    ]


def points(change: float | None) -> str:
    """A change in share as signed percentage points ("+12", "-3", "0"), "-" when unknown."""
    if change is None:
        return "-"
    rounded = round(change * 100)
    return f"{rounded:+d}" if rounded else "0"


def agreement_view(agreement: Agreement, lang: Lang) -> list[Block]:
    """Per top-3 link: how many reviewers agree and disagree, the share, and alternatives."""
    rows = tuple(
        (
            link.determinant,
            link.place,
            link.strategy,
            link.agree,
            link.disagree,
            _percent(link.agreement),
            label("yes" if link.consensus else "no", lang) if link.scored else "-",
            ", ".join(f"{s} ({n})" for s, n in link.alternatives) or "-",
        )
        for link in agreement.links
    )
    headers = headings(
        lang,
        "determinant",
        "place",
        "strategy",
        "agree",
        "disagree",
        "share_agree",
        "consensus",
        "alternatives",
    )
    intro = label("agreement_intro", lang).format(
        n=len(agreement.reviewers), threshold=round(CONSENSUS * 100)
    )
    return [Heading(label("agreement", lang), 2), Paragraph(intro), Table(headers, rows)]


def _percent(share: float | None) -> str:
    return "-" if share is None else f"{share * 100:.0f}%"


def assessment_view(assessment: Assessment, lang: Lang) -> list[Block]:
    """The determinant profile: n and % negative / neutral / positive and status per determinant."""
    s = assessment.settings
    blocks: list[Block] = [
        Heading(label("profile", lang), 2),
        Paragraph(
            label("profile_intro", lang).format(
                n=assessment.respondents,
                barrier=round(s.barrier_threshold * 100),
                facilitator=round(s.facilitator_threshold * 100),
                minimum=s.min_group_size,
            )
        ),
    ]
    rows = tuple(
        (
            r.determinant.number,
            r.determinant.name.in_(lang),
            "-" if r.n is None else r.n,
            _percent(r.negative),
            _percent(r.neutral),
            _percent(r.positive),
            label(r.status, lang),
        )
        for r in assessment.determinants
    )
    headers = headings(lang, "#", "determinant", "n", "negative", "neutral", "positive", "status")
    blocks.extend(_warnings(assessment.warnings, lang))
    blocks.append(chart(assessment, lang))
    blocks.append(Table(headers, rows))
    return blocks


def chart(result: Assessment | Subgroups | Comparison, lang: Lang) -> Figure:
    """The result's figure, drawn only when the block is rendered to HTML."""
    captions = {Assessment: "chart", Subgroups: "heatmap_chart", Comparison: "change_chart"}
    return Figure(lambda: inline_chart(result, lang), label(captions[type(result)], lang))


def subgroups_view(subgroups: Subgroups, lang: Lang) -> list[Block]:
    """Status per determinant per group; hidden groups are left out, hidden cells say so."""
    groups = subgroups.groups
    blocks: list[Block] = [
        Heading(f"{label('by', lang)} {subgroups.attribute}", 2),
        Paragraph(label("suppression_note", lang)),
    ]
    if subgroups.hidden:
        blocks.append(Paragraph(label("groups_hidden", lang)))
    if not groups:
        return blocks
    headers = (
        "#",
        label("determinant", lang),
        *(f"{g.name} (n={g.respondents})" for g in groups),
    )
    rows = []
    for index, cell in enumerate(groups[0].determinants):
        d = cell.determinant
        row: list[object] = [d.number, d.name.in_(lang)]
        for group in groups:
            result = group.determinants[index]
            status = label(result.status, lang)
            if result.negative is not None:
                status += f" ({_percent(result.negative)} {label('neg', lang)})"
            row.append(status)
        rows.append(tuple(row))
    blocks.append(chart(subgroups, lang))
    blocks.append(Table(headers, tuple(rows)))
    return blocks


def comparison_view(comparison: Comparison, lang: Lang) -> list[Block]:
    """Before and after per determinant, and the barriers resolved, new and persisting."""
    blocks: list[Block] = [Heading(label("comparison", lang), 2)]
    blocks.extend(_warnings(comparison.warnings, lang))
    for kind in ("resolved", "new", "persisting"):
        names = ", ".join(d.name.in_(lang) for d in comparison.of(kind)) or label("none", lang)
        blocks.append(Paragraph(f"{label(kind, lang)}: {names}"))
    rows = tuple(
        (
            c.determinant.number,
            c.determinant.name.in_(lang),
            label(c.before.status, lang),
            label(c.after.status, lang),
            points(c.negative_change),
            label(c.kind, lang),
        )
        for c in comparison.changes
    )
    headers = headings(lang, "#", "determinant", "before", "after", "negative_change", "change")
    blocks.append(chart(comparison, lang))
    blocks.append(Table(headers, rows))
    return blocks


def _warnings(warnings: tuple[str, ...], lang: Lang) -> list[Block]:
    """Warnings a reader must see before sharing a result, in `lang`."""
    return [Paragraph(f"{label('warning', lang)}: {localize(w, lang)}") for w in warnings]
