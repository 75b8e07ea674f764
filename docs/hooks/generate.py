"""mkdocs hook: generated pages and examples, computed from the YAML at build time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from implementatie import load_catalog
from implementatie.report.catalogue_pages import (
    determinants_page,
    fields_page,
    link_statistics,
    strategies_page,
    worked_example,
)
from implementatie.report.notebook_page import notebook_page

EXAMPLE_MARKER = "<!-- worked-example -->"
STATISTICS_MARKER = "<!-- link-statistics -->"
WORKSHOP = Path(__file__).parent.parent / "workshop.ipynb"
EXAMPLE_BARRIERS = ("knowledge", "self_efficacy", "time_available")


def on_files(files: Files, config: Any) -> Files:
    catalog = load_catalog()
    for uri, content in [
        ("catalogue/determinants.md", determinants_page(catalog)),
        ("catalogue/strategies.md", strategies_page(catalog)),
        ("reference/yaml-fields.md", fields_page()),
        ("workshop.md", "# Workshop\n\n" + notebook_page(WORKSHOP)),
    ]:
        files.append(File.generated(config, uri, content=content))
    return files


def on_page_markdown(markdown: str, page: Page, config: Any, files: Files) -> str:
    if EXAMPLE_MARKER in markdown:
        example = worked_example(load_catalog(), EXAMPLE_BARRIERS)
        markdown = markdown.replace(EXAMPLE_MARKER, example)
    if STATISTICS_MARKER in markdown:
        markdown = markdown.replace(STATISTICS_MARKER, link_statistics(load_catalog()))
    return markdown
