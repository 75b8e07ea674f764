"""A team's own strategy, as a YAML file that extends the bundled catalogue."""

from __future__ import annotations

from pathlib import Path


def write_own_strategy(path: Path, links: dict[str, str], weight: int = 2) -> Path:
    """Write the strategy `weekly_huddle` with a link of `weight` per determinant id in `links`
    (id → Dutch reason; the English reason is "Fits well.") to `path`."""
    link_lines = "".join(
        f"      - determinant: {determinant}\n"
        f"        weight: {weight}\n"
        "        basis: practice_judgement\n"
        f'        rationale: {{nl: "{reason}", en: Fits well.}}\n'
        for determinant, reason in links.items()
    )
    path.write_text(
        "strategies:\n"
        "  - id: weekly_huddle\n"
        "    name: {nl: Wekelijks kort overleg, en: Weekly huddle}\n"
        "    description:\n"
        "      nl: Het team bespreekt elke week de voortgang.\n"
        "      en: The team reviews progress weekly.\n"
        "    cluster: stakeholder_relationships\n"
        "    level: team\n"
        "    effort: low\n"
        "    references: [own practice]\n"
        "    links:\n" + link_lines,
        encoding="utf-8",
    )
    return path
