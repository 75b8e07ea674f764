"""Read YAML while remembering where every value stands, so errors can name file:line:column."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from implementatie.errors import Problem

Loc = tuple[str | int, ...]

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's loader when PyYAML was built with it (several times faster), else pure Python."""


@dataclass(frozen=True)
class YamlDocument:
    """A parsed YAML file: its data and the (line, column) of every key and value in it."""

    file: str
    data: Any
    positions: dict[Loc, tuple[int, int]] = field(repr=False)

    def problem(self, loc: Loc, message: str) -> Problem:
        """A problem at `loc`, placed at the deepest position known along that path."""
        line, column = self.position(loc)
        return Problem(self.file, line, column, format_loc(loc), message)

    def position(self, loc: Loc) -> tuple[int, int]:
        """The position of `loc`, or of its nearest known parent."""
        for end in range(len(loc), -1, -1):
            found = self.positions.get(loc[:end])
            if found is not None:
                return found
        return (1, 1)


def format_loc(loc: Loc) -> str:
    """`("determinants", 3, "name", "en")` → `determinants[3].name.en`."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def read_yaml(text: str, file: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse `text`; return the document, or None and the problems that stopped parsing."""
    loader = _Loader(text)
    positions: dict[Loc, tuple[int, int]] = {}
    problems: list[Problem] = []
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [Problem(file, 1, 1, "", "the file is empty")]
        data = _build(loader, node, (), positions, problems, file)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        what = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        return None, [Problem(file, line, column, "", f"YAML syntax error: {what}")]
    except yaml.YAMLError as exc:
        return None, [Problem(file, None, None, "", f"YAML syntax error: {exc}")]
    finally:
        loader.dispose()
    return YamlDocument(file, data, positions), problems


def _build(
    loader: yaml.SafeLoader,
    node: yaml.Node,
    loc: Loc,
    positions: dict[Loc, tuple[int, int]],
    problems: list[Problem],
    file: str,
) -> Any:
    positions.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            where = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            key = _scalar(loader, key_node)
            if not isinstance(key, str | int):
                problems.append(Problem(file, *where, format_loc(loc), "a key must be plain text"))
                continue
            key_loc = (*loc, key)
            if key in result:
                problems.append(
                    Problem(file, *where, format_loc(key_loc), f"key {key!r} appears twice")
                )
                continue
            positions[key_loc] = where
            result[key] = _build(loader, value_node, key_loc, positions, problems, file)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(loader, item, (*loc, index), positions, problems, file)
            for index, item in enumerate(node.value)
        ]
    return _scalar(loader, node)


def _scalar(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, TypeError, AttributeError) as exc:
        raise yaml.MarkedYAMLError(
            problem=f"cannot read value {node.value!r} as {node.tag}", problem_mark=node.start_mark
        ) from exc
