"""The README's two set-up commands are the ones CI runs."""

from __future__ import annotations

from tests.conftest import ROOT


def readme_commands() -> list[str]:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines[:5] if line.startswith("    ")]


def test_readme_opens_with_two_commands() -> None:
    commands = readme_commands()
    assert len(commands) == 2
    assert commands[0].startswith("pip install . && implementatie ")
    assert commands[1].endswith("pytest")


def test_ci_runs_the_readme_commands() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    install_and_test = readme_commands()[1]
    main_job = readme_commands()[0].removeprefix("pip install . && ")
    assert install_and_test in ci
    assert main_job in ci
