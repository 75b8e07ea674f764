"""A docs page from a notebook: run it, then write its cells and outputs as Markdown with
figures inline, so the rendered page always shows what the notebook really does."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from implementatie.report.optional import require

TIMEOUT = 300
"""Seconds one cell may take."""


def notebook_page(path: Path) -> str:
    """The notebook at `path`, executed in a scratch folder, as one Markdown page."""
    nbformat = require("nbformat", "the workshop page")
    nbclient = require("nbclient", "the workshop page")
    with tempfile.TemporaryDirectory(prefix="implementatie-notebook-") as work:
        shutil.copy(path, work)
        notebook = nbformat.read(Path(work) / path.name, as_version=4)
        client = nbclient.NotebookClient(
            notebook, timeout=TIMEOUT, resources={"metadata": {"path": work}}
        )
        client.execute()
    parts = [f"[Download the notebook]({path.name}) and run it in Jupyter."]
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
        elif cell.cell_type == "code":
            parts.append(f"```python\n{cell.source}\n```")
            parts.extend(filter(None, map(_output, cell.outputs)))
    return "\n\n".join(parts) + "\n"


def _output(output: Any) -> str:
    if output.output_type == "stream":
        return f"```text\n{output.text.rstrip()}\n```"
    data = output.get("data", {})
    if "image/png" in data:
        return f'<img alt="figure" src="data:image/png;base64,{data["image/png"]}">'
    if "text/html" in data:
        return f'<div class="notebook-output">\n{data["text/html"].strip()}\n</div>'
    if "text/plain" in data:
        return f"```text\n{data['text/plain'].rstrip()}\n```"
    return ""
