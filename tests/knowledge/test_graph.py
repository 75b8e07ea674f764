"""The networkx view of the catalogue, its queries and its exports."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from implementatie import load_catalog
from implementatie.knowledge.graph import (
    determinants_for,
    node,
    shared_strategies,
    strategies_for,
    to_node_link,
    write_graph,
)

CATALOG = load_catalog()


def test_graph_is_built_once_and_has_every_entry() -> None:
    graph = CATALOG.graph
    assert CATALOG.graph is graph
    kinds = [data["kind"] for _, data in graph.nodes(data=True)]
    assert kinds.count("category") == 4
    assert kinds.count("determinant") == 29
    assert kinds.count("strategy") == len(CATALOG.strategies)
    links = sum(len(s.links) for s in CATALOG.strategies)
    addresses = [e for e in graph.edges(data=True) if e[2]["kind"] == "addresses"]
    assert len(addresses) == links
    assert graph.has_edge(node("category", "organisatie"), node("determinant", "coordinator"))


def test_queries_agree_with_the_catalogue() -> None:
    graph = CATALOG.graph
    for determinant in CATALOG.determinants:
        from_graph = {s for s, _ in strategies_for(graph, determinant.id)}
        assert from_graph == {s.id for s in CATALOG.strategies_for(determinant.id)}
    strategy = CATALOG.strategies[0]
    assert dict(determinants_for(graph, strategy.id)) == {
        link.determinant: link.weight for link in strategy.links
    }


def test_shared_strategies_address_at_least_two() -> None:
    shared = shared_strategies(
        CATALOG.graph, ["knowledge", "self_efficacy", "awareness_of_content"]
    )
    assert shared
    for strategy, determinants in shared.items():
        assert len(determinants) >= 2
        for d in determinants:
            assert CATALOG.strategy(strategy).link(d) is not None
    counts = [len(v) for v in shared.values()]
    assert counts == sorted(counts, reverse=True)


def test_exports_round_trip(tmp_path: Path) -> None:
    graphml = tmp_path / "catalogue.graphml"
    write_graph(CATALOG.graph, graphml, "graphml")
    back = nx.read_graphml(graphml)
    assert back.number_of_nodes() == CATALOG.graph.number_of_nodes()
    assert back.number_of_edges() == CATALOG.graph.number_of_edges()
    target = tmp_path / "catalogue.json"
    write_graph(CATALOG.graph, target, "json")
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data == json.loads(json.dumps(to_node_link(CATALOG.graph)))
    assert len(data["links"]) == CATALOG.graph.number_of_edges()
