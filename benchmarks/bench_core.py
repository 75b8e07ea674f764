"""Benchmark: load, graph build, recommend and plan over all 29 determinants as barriers.

A measurement, not a test: it prints medians and ratios against baselines measured in the same
run on the same machine, so the numbers compare across machines:

- loading is compared with parsing the same files with the same YAML loader (libyaml's when
  PyYAML has it), i.e. what validation, positions and cross-checks add to parsing alone;
- graph, recommend and plan are compared with one plain pass over every link in the catalogue.

Run: python benchmarks/bench_core.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc
from collections.abc import Callable
from importlib import resources

import yaml

from implementatie.advice.planning import plan
from implementatie.advice.recommendation import recommend
from implementatie.knowledge.graph import build_graph
from implementatie.knowledge.loader import BUNDLED_FILES, _bundled_texts, _load
from implementatie.knowledge.yamlsource import _Loader as PARSER


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def peak_kib(action: Callable[[], object]) -> float:
    tracemalloc.start()
    action()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    repeat = parser.parse_args().repeat

    folder = resources.files("implementatie") / "data"
    texts = [(folder / name).read_text(encoding="utf-8") for name in BUNDLED_FILES]
    bundled = _bundled_texts()
    catalog = _load(bundled)
    barriers = [d.id for d in catalog.determinants]

    def parse_only() -> None:
        for text in texts:
            yaml.load(text, Loader=PARSER)

    def link_pass() -> int:
        return sum(link.weight for s in catalog.strategies for link in s.links)

    yaml_s = median_seconds(parse_only, repeat)
    pass_s = median_seconds(link_pass, max(repeat, 200))
    rows = [
        (
            "load + validate",
            median_seconds(lambda: _load(bundled), repeat),
            yaml_s,
            PARSER.__name__,
        ),
        ("graph build", median_seconds(lambda: build_graph(catalog), repeat), pass_s, "link pass"),
        (
            "recommend 29 barriers",
            median_seconds(lambda: recommend(barriers, catalog=catalog), repeat),
            pass_s,
            "link pass",
        ),
        (
            "plan 29 barriers",
            median_seconds(lambda: plan(barriers, catalog=catalog), repeat),
            pass_s,
            "link pass",
        ),
    ]
    links = sum(len(s.links) for s in catalog.strategies)
    print(
        f"catalogue: {len(catalog.determinants)} determinants, {len(catalog.strategies)} "
        f"strategies, {links} links; median of {repeat} runs"
    )
    print(f"{'step':<24}{'median ms':>12}{'baseline ms':>14}{'ratio':>10}  baseline")
    for name, seconds, base, base_name in rows:
        ratio = seconds / base
        print(f"{name:<24}{seconds * 1e3:>12.2f}{base * 1e3:>14.3f}{ratio:>10.1f}  {base_name}")
    load_kib = peak_kib(lambda: _load(bundled))
    parse_kib = peak_kib(parse_only)
    print(
        f"peak memory load: {load_kib:,.0f} KiB; parse only: {parse_kib:,.0f} KiB; "
        f"ratio {load_kib / parse_kib:.1f}"
    )


if __name__ == "__main__":
    main()
