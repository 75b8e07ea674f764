"""Every example in the README and the docs runs as written, so none can rot.

The fenced blocks of each page run in order, in one fresh folder per page, as a reader would
type them: `sh` blocks line by line (`implementatie …` through the command line, `python -c`
through Python), `python` blocks in one namespace per page. Lines that set up a machine
(`pip install`, `git clone`, `cd`, a virtual environment, `mkdocs`) are not run here: CI runs
the installs. Blocks that show output (`text`, `console`, …) are not run.

A comment just above a block says more:

- `<!-- expect-error -->`: the commands must fail, with a clear message and no traceback;
- `<!-- file: NAME -->`: the block is a file the reader saves as NAME; it is written there;
- `<!-- output -->`: the block is the output of the command just before it, and must match;
- `<!-- given: NAME … -->`: the reader has filled in these files by now (typed in answers, a
  second measurement); the test gives them from `READER_FILES` again before the block runs.

Files a reader brings along (their own answers, a survey-tool export, a catalogue folder) are
given from the test fixtures under the names the docs use (`READER_FILES`).
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from implementatie import example_path, examples
from implementatie.cli import main
from tests.conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(
    r"^(?:<!-- ([\w-]+)(?:: ([^>]+?))? -->\n)?```(\w*)[^\n]*\n(.*?)^```", re.S | re.M
)
FIXTURES = ROOT / "tests" / "fixtures"
READER_FILES = {
    "answers.csv": ROOT / "data" / "examples" / "team.csv",
    "antwoorden.csv": ROOT / "data" / "examples" / "team.csv",
    "before.csv": ROOT / "data" / "examples" / "team.csv",
    "after.csv": ROOT / "data" / "examples" / "team.csv",
    "voor.csv": ROOT / "data" / "examples" / "team.csv",
    "na.csv": ROOT / "data" / "examples" / "team.csv",
    "export.csv": FIXTURES / "exports" / "qualtrics_text.csv",
    "qualtrics.yaml": FIXTURES / "exports" / "qualtrics.yaml",
    "my-catalogue/minimal.yaml": FIXTURES / "catalogues" / "minimal.yaml",
}
SETUP = ("pip ", "python3 -m venv", "python -m venv", ". .venv", "source ", "git clone", "cd ")
SETUP += ("mkdocs ", "py -m ", ".venv\\", "pytest", "set ", "export ")
SETUP += ("python benchmarks/",)  # a developer's measurement from a checkout: minutes, not a test
RUN = {"sh", "bash", "shell", "python", "py", "bat", "powershell"}


def blocks(page: Path) -> list[tuple[str, str, str, str]]:
    """(marker, marker argument, language, code) of every fenced block of `page`."""
    text = page.read_text(encoding="utf-8")
    return [(m[1] or "", m[2] or "", m[3], m[4]) for m in FENCE.finditer(text)]


def commands(code: str) -> list[str]:
    """The lines of a shell block, without comments and continuation backslashes."""
    joined = code.replace("\\\n", " ")
    found = []
    for line in joined.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        found.append(_without_comment(line))
    return found


def _without_comment(line: str) -> str:
    """`line` up to a `#` that starts a comment (outside quotes, after a space)."""
    quote = ""
    for index, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] == " "):
            return line[:index].rstrip()
    return line


def run_command(line: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    if line.startswith(SETUP):
        return 0, ""
    argv = shlex.split(line)
    if argv[0] == "implementatie":
        try:
            code = main(argv[1:])
        except SystemExit as stop:  # argparse: --help, or a usage error
            code = int(stop.code or 0)
        out, err = capsys.readouterr()
        return code, out + err
    if argv[:2] == ["python", "-c"] or argv[:2] == ["python3", "-c"]:
        done = subprocess.run([sys.executable, *argv[1:]], capture_output=True, text=True)
        return done.returncode, done.stdout + done.stderr
    raise AssertionError(f"the docs test does not know how to run: {line}")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_example_runs(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").symlink_to(ROOT / "data")  # `data/examples/…` as in a checkout
    for name, source in READER_FILES.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(source.read_bytes())
    namespace: dict[str, object] = {"__name__": "__docs__"}
    output = ""
    for marker, argument, lang, code in blocks(page):
        if marker == "file":
            (tmp_path / argument).write_text(code, encoding="utf-8")
            continue
        if marker == "given":
            for name in argument.split():
                (tmp_path / name).write_bytes(READER_FILES[name].read_bytes())
        if marker == "output":
            assert code.strip() == output.strip(), f"{page.name}: the output shown has changed"
            continue
        if lang not in RUN:
            continue
        expect_error = marker == "expect-error"
        if lang in {"python", "py"}:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(code, f"{page.name} (python block)", "exec"), namespace)
            continue
        for line in commands(code):
            status, output = run_command(line, capsys)
            output = output.replace(str(tmp_path) + "/", "")
            if expect_error:
                assert status != 0 and "Traceback" not in output, f"{page.name}: {line}"
            else:
                assert status == 0, f"{page.name}: `{line}` failed:\n{output}"


def test_the_runner_sees_a_failing_command(capsys: pytest.CaptureFixture[str]) -> None:
    """Guard the guard: a command that fails is reported, and comments are cut off."""
    assert commands("implementatie show 19   # a comment\n") == ["implementatie show 19"]
    assert commands('implementatie show "a # b"\n') == ['implementatie show "a # b"']
    assert run_command("implementatie show nothing-like-this", capsys)[0] == 1
    with pytest.raises(AssertionError, match="does not know"):
        run_command("rm -rf /", capsys)


RUN_MARKER = re.compile(r"<!-- run: (.+?) -->")


@pytest.mark.parametrize(
    "command",
    sorted({m for page in PAGES for m in RUN_MARKER.findall(page.read_text(encoding="utf-8"))}),
)
def test_every_generated_output_comes_from_a_working_command(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """`<!-- run: … -->` markers become command output when the docs are built."""
    monkeypatch.chdir(tmp_path)
    for name in examples():
        (tmp_path / f"{name}.csv").write_bytes(example_path(name).read_bytes())
    status, output = run_command(command, capsys)
    assert status == 0 and output.strip(), output


def test_the_docs_hook_needs_only_the_docs_extra() -> None:
    """`mkdocs serve` works after `pip install ".[docs]"`: the hook imports no test tools."""
    import ast

    tree = ast.parse((ROOT / "docs" / "hooks" / "generate.py").read_text(encoding="utf-8"))
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {
        (node.module or "").split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
    }
    third_party = imported - set(sys.stdlib_module_names) - {"__future__"}
    assert third_party <= {"mkdocs", "implementatie"}, third_party
