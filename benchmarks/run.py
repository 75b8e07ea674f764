"""Benchmark every measure of issue 15 against its baseline, measured in the same run.

A measurement, not a test. Each measure and its baseline are timed alternately, `--repeat`
times; the table shows min and median of both, the ratio of the medians and the target ratio.
Ratios, not seconds, are what compare across machines.

- assess wide / long: `read_responses` + `assess` of a generated 100,000-respondent CSV
  (seeded, in a temporary folder) against one `csv.reader` pass over the same file;
- memory wide / long: peak traced memory (tracemalloc, in a fresh interpreter, after imports
  and catalogue load) of the same, against the pass itself; the target is 1.5 × the pass plus
  200 bytes per respondent;
- recommend / plan, all 29 barriers: against plain Python applying the same rule to plain
  dictionaries made from the catalogue beforehand (the plan baseline gives identical output);
- CLI and import: fresh interpreters, against `import implementatie` and against
  `import yaml; from pydantic import BaseModel`;
- catalogue load: against parsing the same YAML files with the same (libyaml) loader; once as
  every run after the first gets it (read and hash the files, then the validated catalogue
  from the user's cache) and once cold (parse and validate, as the first run after an install
  or an edit). Subprocess measures run on compiled bytecode, as a wheel install has it.

Run: python benchmarks/run.py [--repeat N] [--respondents N] [--json] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import compileall
import csv
import gc
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import yaml

import implementatie
from implementatie import assess, load_catalog, plan, read_responses, recommend
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.loader import _bundled_catalog, _bundled_texts, _load
from implementatie.knowledge.yamlsource import _Loader as PARSER

ATTRIBUTE_VALUES = {
    "role": ["jeugdarts", "jeugdverpleegkundige", "assistent", "teamleider", ""],
    "team": [f"team {n}" for n in range(1, 13)] + [""],
    "location": ["Noord", "Zuid", "Oost", ""],
}


@dataclass(frozen=True)
class Measure:
    name: str
    unit: str
    value: list[float]
    baseline: list[float]
    baseline_name: str
    target: float
    """The highest acceptable ratio value / baseline (medians)."""
    allowance: float = 0.0
    """Added to 1.5 × the baseline before comparing (memory: 200 bytes per respondent)."""

    @property
    def ratio(self) -> float:
        return statistics.median(self.value) / statistics.median(self.baseline)

    @property
    def met(self) -> bool:
        limit = self.target * statistics.median(self.baseline) + self.allowance
        return statistics.median(self.value) <= limit


# -- generated answers ----------------------------------------------------------------------


def generate(folder: Path, respondents: int, catalog: Catalog, seed: int = 15) -> tuple[Path, Path]:
    """A wide and a long CSV with the same seeded answers: codes, some na, some empty."""
    rng = random.Random(seed)
    items = [
        (item.id, catalog.response_format(item.format))
        for d in catalog.determinants
        for item in d.items
    ]
    wide, long = folder / "wide.csv", folder / "long.csv"
    with (
        wide.open("w", newline="", encoding="utf-8") as w,
        long.open("w", newline="", encoding="utf-8") as lg,
    ):
        wide_out, long_out = csv.writer(w), csv.writer(lg)
        wide_out.writerow(["respondent", *ATTRIBUTE_VALUES, *(i for i, _ in items)])
        long_out.writerow(["respondent", "item", "value", *ATTRIBUTE_VALUES])
        for n in range(respondents):
            rid = f"r{n:06d}"
            attrs = [rng.choice(values) for values in ATTRIBUTE_VALUES.values()]
            lean = rng.random()
            answers = []
            for _, fmt in items:
                draw = rng.random()
                if draw < 0.03:
                    answers.append("")
                elif draw < 0.05:
                    answers.append("na")
                else:
                    codes = [o.code for o in fmt.options]
                    answers.append(
                        str(
                            codes[min(len(codes) - 1, int(lean * len(codes) + draw))]
                            if rng.random() < 0.5
                            else rng.choice(codes)
                        )
                    )
            wide_out.writerow([rid, *attrs, *answers])
            for (item_id, _), value in zip(items, answers, strict=True):
                if value:
                    long_out.writerow([rid, item_id, value, *attrs])
    return wide, long


def csv_pass(path: Path) -> int:
    """The baseline: one csv.reader pass over the file."""
    count = 0
    with path.open(newline="", encoding="utf-8") as stream:
        for _ in csv.reader(stream):
            count += 1
    return count


MEMORY_CODE = """
import csv, itertools, sys, tracemalloc
from pathlib import Path
import implementatie
catalog = implementatie.load_catalog()
path, what = Path(sys.argv[1]), sys.argv[2]
def csv_pass():
    with path.open(newline="", encoding="utf-8") as stream:
        for _ in csv.reader(stream):
            pass
def read_and_assess():
    return implementatie.assess(implementatie.read_responses(path, catalog=catalog),
                                catalog=catalog)
action = csv_pass if what == "pass" else read_and_assess
if what != "pass":  # warm up on the first rows: imports and argument checks load on first use
    small = Path(sys.argv[3])
    with path.open(encoding="utf-8") as rows:
        small.write_text("".join(itertools.islice(rows, 60)), encoding="utf-8")
    implementatie.assess(implementatie.read_responses(small, catalog=catalog), catalog=catalog)
tracemalloc.start()
action()
print(tracemalloc.get_traced_memory()[1])
"""


def peak_bytes(path: Path, what: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", MEMORY_CODE, str(path), what, str(path.with_name("warm-up.csv"))],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout.strip())


# -- plain baselines for recommend and plan --------------------------------------------------


def plain_tables(catalog: Catalog) -> dict[str, object]:
    """The catalogue as plain dictionaries, made once, outside the timing."""
    links = {
        s.id: {lk.determinant: (lk.weight, lk.top) for lk in s.links} for s in catalog.strategies
    }
    rating = {}
    for s in catalog.strategies:
        rated = [catalog.eric(n) for n in s.eric_numbers]
        rating[s.id] = (
            max((e.importance or 0.0 for e in rated), default=0.0),
            max((e.feasibility or 0.0 for e in rated), default=0.0),
        )
    effort = {s.id: {"low": 1, "medium": 2, "high": 3}[s.effort] for s in catalog.strategies}
    return {"links": links, "rating": rating, "effort": effort}


def plain_recommend(
    tables: dict[str, object], barriers: list[str], top: int = 3
) -> list[list[str]]:
    links: dict[str, dict[str, tuple[int, int | None]]] = tables["links"]  # type: ignore[assignment]
    rating: dict[str, tuple[float, float]] = tables["rating"]  # type: ignore[assignment]
    result = []
    for barrier in barriers:

        def key(s: str, barrier: str = barrier) -> tuple[int, int, int, float, float, str]:
            weight, place = links[s][barrier]
            total = sum(w for d, (w, _) in links[s].items() if d in barriers)
            imp, feas = rating[s]
            return (-weight, -total, place or 4, -imp, -feas, s)

        result.append(sorted((s for s in links if barrier in links[s]), key=key)[:top])
    return result


def plain_plan(tables: dict[str, object], barriers: list[str]) -> list[str]:
    links: dict[str, dict[str, tuple[int, int | None]]] = tables["links"]  # type: ignore[assignment]
    rating: dict[str, tuple[float, float]] = tables["rating"]  # type: ignore[assignment]
    effort: dict[str, int] = tables["effort"]  # type: ignore[assignment]
    strong = {s: {d for d in barriers if d in ls and ls[d][0] >= 2} for s, ls in links.items()}
    open_ = set().union(*strong.values())
    coverable = set(open_)
    chosen: list[str] = []
    while open_:

        def key(
            s: str, open_: set[str] = open_
        ) -> tuple[Fraction, int, int, int, float, float, str]:
            newly = strong[s] & open_
            gain = sum(3 if links[s][d][0] == 3 else 1 for d in newly)
            place = min((links[s][d][1] or 4 for d in newly), default=4)
            imp, feas = rating[s]
            return (-Fraction(gain, effort[s]), -len(newly), effort[s], place, -imp, -feas, s)

        best = min((s for s in links if strong[s] & open_), key=key)
        chosen.append(best)
        open_ -= strong[best]
    kept = list(chosen)
    for s in reversed(chosen):
        others = [o for o in kept if o != s]
        if coverable & strong[s] <= set().union(*(strong[o] for o in others)):
            kept = others
    return kept


# -- timing ----------------------------------------------------------------------------------


STARTS = 3
"""Interpreter starts (import, command line) are timed this many times `--repeat`: each one is
short, and on a shared machine one start can take twice as long as the next."""


def timed(action: Callable[[], object]) -> float:
    # Every timing starts from the same collector state: otherwise a full collection that
    # earlier steps made due lands in whichever step comes next (measure or baseline).
    gc.collect()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def alternate(
    action: Callable[[], object], baseline: Callable[[], object], repeat: int
) -> tuple[list[float], list[float]]:
    values, bases = [], []
    for _ in range(repeat):
        bases.append(timed(baseline))
        values.append(timed(action))
    return values, bases


def run_python(*args: str) -> Callable[[], object]:
    return lambda: subprocess.run([sys.executable, *args], check=True, capture_output=True)


def measures(names: set[str] | None, repeat: int, respondents: int) -> list[Measure]:
    catalog = load_catalog()
    barriers = [d.id for d in catalog.determinants]
    found: list[Measure] = []

    def want(name: str) -> bool:
        return names is None or name in names

    if want("recommend"):
        tables = plain_tables(catalog)
        fast = [[r.id for r in b.strategies] for b in recommend(barriers, catalog=catalog).barriers]
        assert fast == plain_recommend(tables, barriers), "baseline differs from recommend"
        v, b = alternate(
            lambda: recommend(barriers, catalog=catalog),
            lambda: plain_recommend(tables, barriers),
            repeat * 20,
        )
        found.append(Measure("recommend all 29", "ms", v, b, "plain same-rule ranking", 1.5))
    if want("plan"):
        tables = plain_tables(catalog)
        fast_plan = [p.id for p in plan(barriers, catalog=catalog).strategies]
        assert fast_plan == plain_plan(tables, barriers), "baseline differs from plan"
        v, b = alternate(
            lambda: plan(barriers, catalog=catalog),
            lambda: plain_plan(tables, barriers),
            repeat * 20,
        )
        found.append(Measure("plan all 29", "ms", v, b, "plain greedy, same output", 1.0))
    if want("load") or want("cold"):
        texts = [text for _, text in _bundled_texts()]
        parse = lambda: [yaml.load(t, Loader=PARSER) for t in texts]  # noqa: E731
        bundled = _bundled_texts()
    if want("load"):
        # What `load_catalog()` does first in every process: read and hash the files, then the
        # validated catalogue from the user's cache (warmed by the load at the top).
        v, b = alternate(_bundled_catalog.__wrapped__, parse, repeat)  # type: ignore[attr-defined]
        found.append(Measure("catalogue load (cache warm)", "ms", v, b, PARSER.__name__, 1.3))
    if want("cold"):
        # The first load after installing or editing a catalogue file: parse and validate.
        v, b = alternate(lambda: _load(bundled), parse, repeat)
        found.append(Measure("catalogue load, cold", "ms", v, b, PARSER.__name__, 1.3))
    if want("import") or want("cli"):
        # Installing a wheel compiles the package to bytecode; an editable install under
        # PYTHONDONTWRITEBYTECODE never would, and every start would compile it again.
        compileall.compile_dir(Path(implementatie.__file__).parent, quiet=1)
    if want("import"):
        v, b = alternate(
            run_python("-c", "import implementatie"),
            run_python("-c", "import yaml; from pydantic import BaseModel"),
            repeat * STARTS,
        )
        found.append(Measure("import implementatie", "ms", v, b, "import yaml, pydantic", 1.2))
    if want("cli"):
        script = shutil.which("implementatie")
        cli = (
            [script]
            if script
            else [sys.executable, "-c", "from implementatie.cli import main; main()"]
        )
        command = [*cli, "recommend", "19", "--format", "json"]
        subprocess.run(command, check=True, capture_output=True)  # warms the cache
        v, b = alternate(
            lambda: subprocess.run(command, check=True, capture_output=True),
            run_python("-c", "import implementatie"),
            repeat * STARTS,
        )
        found.append(
            Measure("CLI recommend 19 --format json", "ms", v, b, "import implementatie", 1.3)
        )
    if names is None or names & {"wide", "long", "memory"}:
        with tempfile.TemporaryDirectory() as tmp:
            wide, long = generate(Path(tmp), respondents, catalog)
            for kind, path in (("wide", wide), ("long", long)):
                if want(kind):
                    v, b = alternate(
                        lambda p=path: assess(read_responses(p, catalog=catalog), catalog=catalog),
                        lambda p=path: csv_pass(p),
                        max(1, repeat // 2),
                    )
                    found.append(
                        Measure(
                            f"read + assess {respondents:,} {kind}",
                            "s",
                            v,
                            b,
                            "csv.reader pass",
                            5.0,
                        )
                    )
                if want("memory"):
                    found.append(
                        Measure(
                            f"peak memory {kind}",
                            "MiB",
                            [peak_bytes(path, "assess")],
                            [peak_bytes(path, "pass")],
                            "csv.reader pass",
                            1.5,
                            allowance=200.0 * respondents,
                        )
                    )
    return found


SCALE = {"ms": 1e3, "s": 1.0, "MiB": 1 / 2**20}


def table(found: list[Measure]) -> str:
    head = (
        f"{'measure':<32}{'min':>10}{'median':>10}{'base min':>10}{'base med':>10}"
        f"{'ratio':>8}{'target':>8}  ok  baseline"
    )
    lines = [head, "-" * len(head)]
    for m in found:
        k = SCALE[m.unit]
        target = f"{m.target:g}" + ("+" if m.allowance else "")
        lines.append(
            f"{m.name + ' (' + m.unit + ')':<32}{min(m.value) * k:>10.2f}"
            f"{statistics.median(m.value) * k:>10.2f}{min(m.baseline) * k:>10.2f}"
            f"{statistics.median(m.baseline) * k:>10.2f}{m.ratio:>8.2f}{target:>8}"
            f"  {'yes' if m.met else 'NO ':<3} {m.baseline_name}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--respondents", type=int, default=100_000)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=["recommend", "plan", "load", "cold", "import", "cli", "wide", "long", "memory"],
    )
    args = parser.parse_args()
    found = measures(set(args.only) if args.only else None, args.repeat, args.respondents)
    if args.json:
        data = {
            "measures": [
                {
                    "name": m.name,
                    "unit": m.unit,
                    "value": statistics.median(m.value),
                    "baseline": statistics.median(m.baseline),
                    "ratio": m.ratio,
                    "target": m.target,
                    "met": m.met,
                }
                for m in found
            ]
        }
        print(json.dumps(data, indent=2))
    else:
        print(
            f"Python {sys.version.split()[0]}; median of {args.repeat} runs "
            f"(recommend/plan 20×, read + assess half as many); "
            f"memory target 1.5 × pass + 200 B per respondent"
        )
        print(table(found))


if __name__ == "__main__":
    main()
