"""Every output format is escaped for where it goes: nothing from the data runs or injects."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
import pytest
import yaml

from implementatie import CatalogError, assess, load_catalog, make_responses
from implementatie.knowledge.graph import write_graph
from implementatie.report.document import render
from implementatie.report.views import subgroups_view
from implementatie.survey.exports import template
from tests.conftest import CATALOGUES

MINIMAL = (CATALOGUES / "minimal.yaml").read_text(encoding="utf-8")


def team_with_roles(role: str):
    answers = {f"r{i}": {"q23": 4} for i in range(12)}
    roles = {f"r{i}": {"role": role if i < 6 else "other"} for i in range(12)}
    return assess(make_responses(answers, attributes=roles)).subgroups("role")


def test_issue_10_no_raw_html_in_markdown() -> None:
    # Reproduction 8: raw <script> passed into Markdown.
    text = render(subgroups_view(team_with_roles("<script>alert(1)</script>"), "en"), "markdown")
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_issue_10_no_terminal_escape_codes_in_text() -> None:
    # Reproduction 8: terminal escape codes reached text output.
    text = render(subgroups_view(team_with_roles("\x1b[2J\x1b[31mred\rX"), "en"), "text")
    assert "\x1b" not in text and "\r" not in text and "[31mred" in text


def custom_catalog(tmp_path: Path, old: str, new: str):
    path = tmp_path / "c.yaml"
    path.write_text(MINIMAL.replace(old, new), encoding="utf-8")
    return load_catalog(path)


def test_issue_10_option_labels_cannot_become_formula_cells(tmp_path: Path) -> None:
    # Reproduction 8: option labels starting with `=` became formula cells in `template wide`.
    catalog = custom_catalog(
        tmp_path, "en: Disagree}", 'en: "Disagree,=HYPERLINK(\\"http://x\\"), +1, -2,@x"}'
    )
    text = template("wide", catalog=catalog)
    cells = [cell.strip() for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not [cell for cell in cells if cell[:1] in "=+-@"], cells
    assert "'=HYPERLINK" in text


def test_issue_10_newline_in_a_name_cannot_inject_mapping_keys(tmp_path: Path) -> None:
    # Reproduction 8: a newline in a custom name injected keys into a mapping template.
    catalog = custom_catalog(
        tmp_path, "en: Time available}", 'en: "Time available\\ntool: castor\\nvalues: {x: 1}"}'
    )
    text = template("mapping-qualtrics", catalog=catalog)
    data = yaml.safe_load(text)
    assert data["tool"] == "qualtrics"
    assert set(data) == {"tool", "respondent", "attributes", "items", "values"}


def test_issue_10_control_characters_cannot_reach_graphml(tmp_path: Path) -> None:
    # Reproduction 8: control characters made GraphML that networkx could not read back.
    with pytest.raises(CatalogError, match="control character"):
        custom_catalog(tmp_path, "en: Time available}", 'en: "Time\\u0001available"}')
    target = tmp_path / "g.graphml"
    write_graph(load_catalog().graph, target)
    assert nx.read_graphml(target).number_of_nodes() == load_catalog().graph.number_of_nodes()
