"""Read YAML while remembering where every value stands, so errors can name file:line:column.

Most files are read without positions first (cheaper); only a file that needs one for a
message is read again by the builder that records them, so messages are the same either way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
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
    text: str = field(repr=False)
    recorded: dict[Loc, tuple[int, int]] | None = field(default=None, repr=False)
    """Positions recorded while reading; None when the file was read without them."""

    @cached_property
    def positions(self) -> dict[Loc, tuple[int, int]]:
        """The (line, column) of every key and value, recorded or found by reading again."""
        if self.recorded is not None:
            return self.recorded
        doc, _ = _read_with_positions(self.text, self.file)
        return doc.recorded if doc is not None and doc.recorded is not None else {}

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


MAX_DEPTH = 64
"""Deepest nesting of lists and mappings read; a catalogue needs about 6."""
EXTRA_ALIAS_VALUES = 10_000
"""Values that aliases may add beyond one per character of the file (stops "alias bombs")."""

# Messages, in one place (plain English).
TOO_DEEP = "the YAML is nested more than {depth} levels deep"
ALIAS_LOOP = "an alias (*name) refers to a value that contains it"
ALIASES_TOO_LARGE = "aliases (*name) expand to more than {count} values; write the values out"


class _Bounded(Exception):
    """Reading stopped at a limit: the message and the node where it happened."""

    def __init__(self, message: str, node: yaml.Node) -> None:
        super().__init__(message)
        self.node = node


class _Unusual(Exception):
    """The quick read met something that the careful reader must judge (or word)."""


def read_yaml(text: str, file: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse `text`; return the document, or None and the problems that stopped parsing.

    Aliases are expanded within bounds (no loops, at most `len(text) + EXTRA_ALIAS_VALUES`
    values, at most `MAX_DEPTH` levels), so a small file cannot grow without limit.

    A file without aliases (no `*` in it) is first read without positions, within the
    same bounds; anything unusual (an error, a merge key, a key that is not plain text or
    appears twice) sends it to the careful reader, whose messages name the place.
    """
    if "*" not in text:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is not None:
                data = _quick(loader, node, len(text) + EXTRA_ALIAS_VALUES)
                return YamlDocument(file, data, text), []
        except Exception:  # any problem at all is worded by the careful reader below
            pass
        finally:
            loader.dispose()
    return _read_with_positions(text, file)


def _quick(loader: yaml.SafeLoader, root: yaml.Node, budget: int) -> Any:
    """The value of `root` as the careful builder gives it, for a tree without aliases.

    Raises `_Unusual` wherever the careful builder would report a problem or expand a merge
    key, so that a value returned here is exactly the one it returns, without problems.
    """
    scalar, sequence = yaml.ScalarNode, yaml.SequenceNode
    left = budget

    def build(node: yaml.Node, depth: int) -> Any:
        nonlocal left
        left -= 1
        if left < 0 or depth > MAX_DEPTH:
            raise _Unusual
        kind = type(node)
        if kind is scalar:
            return node.value if node.tag == _STR_TAG else _scalar(loader, node)
        if kind is sequence:
            return [build(item, depth + 1) for item in node.value]
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is not scalar or key_node.tag == _MERGE_TAG:
                raise _Unusual
            key = key_node.value if key_node.tag == _STR_TAG else _scalar(loader, key_node)
            if not isinstance(key, str | int) or key in result:
                raise _Unusual
            result[key] = build(value_node, depth + 1)
        return result

    return build(root, 0)


def _read_with_positions(text: str, file: str) -> tuple[YamlDocument | None, list[Problem]]:
    """`read_yaml` recording the position of every value: the reader that words problems."""
    loader = _Loader(text)
    problems: list[Problem] = []
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [Problem(file, 1, 1, "", "the file is empty")]
        builder = _Builder(loader, file, problems, len(text) + EXTRA_ALIAS_VALUES)
        data = builder.build(node, ())
    except _Bounded as exc:
        mark = exc.node.start_mark
        return None, [Problem(file, mark.line + 1, mark.column + 1, "", str(exc))]
    except RecursionError:
        return None, [Problem(file, None, None, "", TOO_DEEP.format(depth=MAX_DEPTH))]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        where = f" {exc.context}" if exc.context else ""
        message = f"YAML syntax error{where}: {exc.problem}"
        return None, [Problem(file, line, column, "", message)]
    except yaml.YAMLError as exc:
        return None, [Problem(file, None, None, "", f"YAML syntax error: {exc}")]
    finally:
        loader.dispose()
    return YamlDocument(file, data, text, builder.positions), problems


class _Builder:
    """Builds Python values from composed nodes, recording positions and enforcing bounds."""

    def __init__(
        self, loader: yaml.SafeLoader, file: str, problems: list[Problem], budget: int
    ) -> None:
        self.loader = loader
        self.file = file
        self.problems = problems
        self.positions: dict[Loc, tuple[int, int]] = {}
        self.budget = budget
        self.total = budget
        self.open: set[int] = set()
        """Nodes being built: meeting one again means an alias loop."""

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise _Bounded(ALIASES_TOO_LARGE.format(count=self.total), node)
        if len(loc) > MAX_DEPTH:
            raise _Bounded(TOO_DEEP.format(depth=MAX_DEPTH), node)
        if id(node) in self.open:
            raise _Bounded(ALIAS_LOOP, node)
        self.positions.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            self.open.add(id(node))
            try:
                if isinstance(node, yaml.MappingNode):
                    return self._mapping(node, loc)
                return [self.build(item, (*loc, index)) for index, item in enumerate(node.value)]
            finally:
                self.open.discard(id(node))
        return _scalar(self.loader, node)

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[Any, Any]:
        if _merged_size(node, {}, set()) > self.budget:  # merge keys (<<) can multiply too
            raise _Bounded(ALIASES_TOO_LARGE.format(count=self.total), node)
        self.loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            where = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            key = _scalar(self.loader, key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str | int):
                self.problems.append(
                    Problem(self.file, *where, format_loc(loc), "a key must be plain text")
                )
                continue
            key_loc = (*loc, key)
            if key in result:
                self.problems.append(
                    Problem(self.file, *where, format_loc(key_loc), f"key {key!r} appears twice")
                )
                continue
            self.positions[key_loc] = where
            result[key] = self.build(value_node, key_loc)
        return result


def _merged_size(node: yaml.Node, sizes: dict[int, int], open_: set[int]) -> int:
    """How many entries a mapping holds once its merge keys (`<<: *a`) are applied."""
    if not isinstance(node, yaml.MappingNode):
        return 0
    if id(node) in open_:
        raise _Bounded(ALIAS_LOOP, node)
    if id(node) not in sizes:
        open_.add(id(node))
        total = 0
        for key, value in node.value:
            if key.tag == "tag:yaml.org,2002:merge":
                merged = value.value if isinstance(value, yaml.SequenceNode) else [value]
                total += sum(_merged_size(part, sizes, open_) for part in merged)
            else:
                total += 1
        open_.discard(id(node))
        sizes[id(node)] = total
    return sizes[id(node)]


_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"


def _scalar(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if node.tag == _STR_TAG:  # most values: the text as it stands, as the constructor gives it
        return node.value
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, TypeError, AttributeError) as exc:
        raise yaml.MarkedYAMLError(
            problem=f"cannot read value {node.value!r} as {node.tag}", problem_mark=node.start_mark
        ) from exc
