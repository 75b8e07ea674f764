"""Every command that reads or writes a file says what is wrong with it, in the reader's language:
a missing file, a folder, a missing folder to write in, no permission. Never a traceback."""

from __future__ import annotations

import builtins
import io
import os
import pathlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from implementatie.cli import main
from tests.conftest import EXAMPLE

MISSING = {"nl": "bestand niet gevonden", "en": "file not found"}
FOLDER = {"nl": "dit is een map, geen bestand", "en": "this is a folder, not a file"}
NO_READ = {
    "nl": "geen toestemming om dit bestand te lezen",
    "en": "no permission to read this file",
}
NO_FOLDER = {
    "nl": "de map om in te schrijven bestaat niet",
    "en": "the folder to write in does not exist",
}
NO_YAML = {
    "nl": "in de map staan geen .yaml- of .yml-bestanden",
    "en": "the folder holds no .yaml or .yml files",
}
"""A catalogue may be a folder of YAML files; an empty one is the problem then."""
NO_WRITE = {"nl": "geen toestemming om hier te schrijven", "en": "no permission to write here"}


@pytest.fixture
def locked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening a file whose name starts with `locked` fails as without permission (the tests
    may run as root, for whom file modes do not count)."""

    def refusing(opener: Callable[..., Any]) -> Callable[..., Any]:
        def open_(file: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(file, str | Path) and Path(file).name.startswith("locked"):
                raise PermissionError(13, "Permission denied", str(file))
            return opener(file, *args, **kwargs)

        return open_

    original = pathlib.Path.open
    monkeypatch.setattr(builtins, "open", refusing(builtins.open))
    monkeypatch.setattr(io, "open", refusing(io.open))
    monkeypatch.setattr(
        pathlib.Path, "open", lambda self, *a, **k: refusing(original)(self, *a, **k)
    )


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as stop:  # pragma: no cover - a usage error is a failure here
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


READERS: list[list[str]] = [
    ["assess", "FILE"],
    ["assess", "EXAMPLE", "--mapping", "FILE"],
    ["compare", "EXAMPLE", "FILE"],
    ["suggest", "--file", "FILE"],
    ["actionplan", "--edited", "FILE.csv"],
    ["actionplan", "--edited", "FILE.xlsx"],
    ["review", "import", "FILE.xlsx"],
    ["validate", "FILE.yaml"],
    ["determinants", "--catalog", "FILE.yaml"],
    ["determinants", "--overlay", "FILE.yaml"],
    ["template", "wide", "--overlay", "FILE.yaml"],
]
"""Commands with a file to read; FILE is replaced by the case under test."""


def _argv(argv: list[str], file: Path) -> list[str]:
    def one(arg: str) -> str:
        if arg == "EXAMPLE":
            return str(EXAMPLE)
        if arg.startswith("FILE"):
            return str(file) + arg.removeprefix("FILE")
        return arg

    return [one(arg) for arg in argv]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("argv", READERS, ids=lambda argv: " ".join(argv))
def test_reading_a_missing_file_a_folder_or_a_locked_file(
    tmp_path: Path, capsys, locked: None, argv: list[str], lang: str
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    for suffix in ("", ".csv", ".xlsx", ".yaml"):  # written below the patched open
        descriptor = os.open(tmp_path / f"locked{suffix}", os.O_WRONLY | os.O_CREAT)
        os.write(descriptor, b"respondent,q01\nr1,4\n")
        os.close(descriptor)
    catalogue = "validate" in argv or "--catalog" in argv
    cases = [
        (tmp_path / "missing", MISSING),
        (folder, NO_YAML if catalogue else FOLDER),
        (tmp_path / "locked", NO_READ),
    ]
    for file, expected in cases:
        args = _argv(argv, file)
        if file == folder:  # a folder given where a file is expected: no suffix
            args = [str(folder) if a.startswith(str(folder)) else a for a in args]
        code, out, err = run(capsys, *args, "--lang", lang)
        message = err or out  # validate prints its report on stdout
        assert code == 1, message
        assert expected[lang] in message, (args, message)
        assert "Traceback" not in message and "Errno" not in message


WRITERS: list[list[str]] = [
    ["determinants"],
    ["show", "19"],
    ["strategies"],
    ["recommend", "19"],
    ["assess", "EXAMPLE"],
    ["assess", "EXAMPLE", "--format", "html"],
    ["compare", "EXAMPLE", "EXAMPLE"],
    ["suggest", "geen tijd"],
    ["actionplan", "19"],
    ["actionplan", "19", "--format", "csv"],
    ["actionplan", "19", "--format", "xlsx"],
    ["template", "wide"],
    ["questionnaire"],
    ["questionnaire", "--format", "html"],
    ["example", "team"],
    ["review", "export"],
    ["graph"],
    ["graph", "--format", "json"],
]
"""Commands that write with -o FILE."""

SUFFIX = {"xlsx": ".xlsx", "csv": ".csv", "review": ".xlsx"}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("argv", WRITERS, ids=lambda argv: " ".join(argv))
def test_writing_to_a_folder_a_missing_folder_or_a_locked_place(
    tmp_path: Path, capsys, locked: None, argv: list[str], lang: str
) -> None:
    suffix = next((SUFFIX[a] for a in argv if a in SUFFIX), ".out")
    folder = tmp_path / "folder"
    folder.mkdir()
    cases = [
        (folder, FOLDER),
        (tmp_path / "no" / f"file{suffix}", NO_FOLDER),
        (tmp_path / f"locked{suffix}", NO_WRITE),
    ]
    for target, expected in cases:
        args = [*_argv(argv, target), "-o", str(target), "--lang", lang]
        code, out, err = run(capsys, *args)
        assert code == 1, (args, out, err)
        assert expected[lang] in err, (args, err)
        assert str(target) in err and "Traceback" not in err and "Errno" not in err


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    "argv", [["assess", "EXAMPLE"], ["questionnaire"]], ids=lambda argv: argv[0]
)
def test_a_pdf_to_a_folder_or_a_missing_folder_fails_before_printing(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch, argv: list[str], lang: str
) -> None:
    from implementatie.report import pdf

    def no_printing(page: str) -> bytes:  # pragma: no cover - reached only on a regression
        raise AssertionError("the PDF was printed before the place to write it was checked")

    monkeypatch.setattr(pdf, "html_to_pdf", no_printing)
    for target, expected in [(tmp_path, FOLDER), (tmp_path / "no" / "r.pdf", NO_FOLDER)]:
        args = [*_argv(argv, target), "--format", "pdf", "-o", str(target), "--lang", lang]
        code, _, err = run(capsys, *args)
        assert code == 1 and expected[lang] in err and str(target) in err, err
