"""mkdocs hook: add the catalogue pages, generated from the YAML, to the site at build time."""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File, Files

from implementatie import load_catalog
from implementatie.report.catalogue_pages import determinants_page, fields_page, strategies_page


def on_files(files: Files, config: Any) -> Files:
    catalog = load_catalog()
    for uri, content in [
        ("catalogue/determinants.md", determinants_page(catalog)),
        ("catalogue/strategies.md", strategies_page(catalog)),
        ("reference/yaml-fields.md", fields_page()),
    ]:
        files.append(File.generated(config, uri, content=content))
    return files
