"""The catalogue as a networkx graph: categories → determinants ← strategies.

Nodes are keyed `category:<id>`, `determinant:<id>` and `strategy:<id>`; every attribute is a
plain string or number, so the graph exports to GraphML as it is. Edges run from a category to
its determinants (`kind="contains"`) and from a strategy to the determinants it addresses
(`kind="addresses"`, with `weight`, `top`, `rationale_nl`, `rationale_en`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

import networkx as nx

from implementatie.errors import InvalidOption
from implementatie.knowledge.models import Category, Determinant, Strategy


class Entries(Protocol):
    """What the graph is built from: a `Catalog` has these."""

    @property
    def categories(self) -> Sequence[Category]: ...

    @property
    def determinants(self) -> Sequence[Determinant]: ...

    @property
    def strategies(self) -> Sequence[Strategy]: ...


def node(kind: str, entry_id: str) -> str:
    """The graph key of a catalogue entry, e.g. `node("determinant", "knowledge")`."""
    return f"{kind}:{entry_id}"


def build_graph(catalog: Entries) -> nx.DiGraph:
    """Build the graph of a catalogue (use `Catalog.graph`, which caches it)."""
    graph = nx.DiGraph(name="implementatie catalogue")
    for category in catalog.categories:
        graph.add_node(
            node("category", category.id),
            kind="category",
            id=category.id,
            name_nl=category.name.nl,
            name_en=category.name.en,
        )
    for determinant in catalog.determinants:
        key = node("determinant", determinant.id)
        graph.add_node(
            key,
            kind="determinant",
            id=determinant.id,
            number=determinant.number,
            category=determinant.category,
            name_nl=determinant.name.nl,
            name_en=determinant.name.en,
        )
        graph.add_edge(node("category", determinant.category), key, kind="contains")
    for strategy in catalog.strategies:
        key = node("strategy", strategy.id)
        graph.add_node(
            key,
            kind="strategy",
            id=strategy.id,
            cluster=strategy.cluster,
            level=strategy.level,
            effort=strategy.effort,
            eric=",".join(map(str, strategy.eric_numbers)),
            name_nl=strategy.name.nl,
            name_en=strategy.name.en,
        )
        for link in strategy.links:
            graph.add_edge(
                key,
                node("determinant", link.determinant),
                kind="addresses",
                weight=link.weight,
                top=link.top or 0,
                rationale_nl=link.rationale.nl,
                rationale_en=link.rationale.en,
            )
    return graph


def strategies_for(graph: nx.DiGraph, determinant: str) -> list[tuple[str, int]]:
    """(strategy id, weight) for every strategy addressing `determinant`, strongest first."""
    pairs = [
        (graph.nodes[source]["id"], data["weight"])
        for source, _, data in graph.in_edges(node("determinant", determinant), data=True)
        if data["kind"] == "addresses"
    ]
    return sorted(pairs, key=lambda pair: (-pair[1], pair[0]))


def determinants_for(graph: nx.DiGraph, strategy: str) -> list[tuple[str, int]]:
    """(determinant id, weight) for every determinant `strategy` addresses, strongest first."""
    pairs = [
        (graph.nodes[target]["id"], data["weight"])
        for _, target, data in graph.out_edges(node("strategy", strategy), data=True)
    ]
    return sorted(pairs, key=lambda pair: (-pair[1], pair[0]))


def shared_strategies(graph: nx.DiGraph, determinants: Iterable[str]) -> dict[str, list[str]]:
    """Strategies linked to two or more of `determinants`, with the ones each addresses.

    Ordered by how many of the determinants they address (most first), then by id.
    """
    wanted = list(dict.fromkeys(determinants))
    reached: dict[str, list[str]] = {}
    for determinant in wanted:
        for strategy, _ in strategies_for(graph, determinant):
            reached.setdefault(strategy, []).append(determinant)
    shared = {s: ds for s, ds in reached.items() if len(ds) >= 2}
    return dict(sorted(shared.items(), key=lambda item: (-len(item[1]), item[0])))


def to_node_link(graph: nx.DiGraph) -> dict[str, Any]:
    """The graph as node-link JSON data (networkx's format, edges under "links")."""
    data: dict[str, Any] = nx.node_link_data(graph, edges="links")
    return data


def write_graph(graph: nx.DiGraph, path: str | os.PathLike[str], fmt: str = "graphml") -> None:
    """Write the graph as GraphML (`fmt="graphml"`) or node-link JSON (`fmt="json"`)."""
    if fmt == "graphml":
        nx.write_graphml(graph, os.fspath(path))
    elif fmt == "json":
        text = json.dumps(to_node_link(graph), ensure_ascii=False, indent=2)
        Path(path).write_text(text, encoding="utf-8")
    else:
        raise InvalidOption(f"unknown graph format {fmt!r} (use 'graphml' or 'json')")
