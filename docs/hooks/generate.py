"""mkdocs hook: generated pages and examples, computed from the YAML at build time."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import shutil
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from implementatie import example_path, load_catalog
from implementatie.cli import main
from implementatie.report.catalogue_pages import (
    determinants_page,
    fields_page,
    link_statistics,
    strategies_page,
    worked_example,
)
from implementatie.report.notebook_page import notebook_page
from implementatie.survey.examples import examples

EXAMPLE_MARKER = "<!-- worked-example -->"
STATISTICS_MARKER = "<!-- link-statistics -->"
WORKSHOP = Path(__file__).parent.parent / "workshop.ipynb"
EXAMPLE_BARRIERS = ("knowledge", "self_efficacy", "time_available")
RUN_MARKER = re.compile(r"<!-- run: (.+?) -->")
"""`<!-- run: implementatie ARGS -->` becomes the output of that command on the example data."""


@event_priority(-100)  # after the i18n plugin has sorted the pages by language
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
    return RUN_MARKER.sub(lambda found: command_output(found.group(1)), markdown)


def command_output(command: str) -> str:
    """What `command` prints, run in a fresh folder holding the bundled examples as
    `NAME.csv`: Markdown output as it is, other output as a code block."""
    argv = shlex.split(command)
    if argv[0] != "implementatie":
        raise ValueError(f"a run marker must start with `implementatie`: {command}")
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):
        for name in examples():
            shutil.copyfile(example_path(name), f"{name}.csv")
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
            code = main(argv[1:])
    if code != 0:
        raise RuntimeError(f"`{command}` failed in the docs:\n{printed.getvalue()}")
    if "--format markdown" in command:
        return printed.getvalue()
    fence = "json" if "--format json" in command else "text"
    return f"```{fence}\n{printed.getvalue().rstrip()}\n```"
