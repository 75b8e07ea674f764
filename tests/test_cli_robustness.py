"""The command line on hostile or careless input: one clear message and a non-zero exit."""

from __future__ import annotations

from pathlib import Path

import pytest

from implementatie.cli import main
from tests.conftest import EXAMPLE


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *argv])  # these tests read the English messages
    out, err = capsys.readouterr()
    return code, out, err


def one_error(err: str) -> str:
    assert err.startswith("error: ") and "Traceback" not in err
    return err


def test_issue_10_min_group_size_below_five_needs_the_flag(capsys) -> None:
    code, _, err = run(capsys, "assess", str(EXAMPLE), "--min-group-size", "1")
    assert code == 1 and "--allow-small-groups" in one_error(err)
    code, out, err = run(
        capsys, "assess", str(EXAMPLE), "--min-group-size", "3", "--allow-small-groups"
    )
    assert code == 0 and out
    assert err.startswith("warning: min_group_size is 3, below the safe minimum of 5")


def test_issue_10_compare_with_one_added_respondent_is_refused(tmp_path: Path, capsys) -> None:
    lines = EXAMPLE.read_text(encoding="utf-8").rstrip("\n").splitlines()
    after = tmp_path / "after.csv"
    after.write_text("\n".join([*lines, "extra" + lines[-1][3:]]) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "compare", str(EXAMPLE), str(after))
    assert code == 1 and out == "" and "differ by fewer than 5" in one_error(err)


def test_compare_with_shared_ids_warns(capsys) -> None:
    code, out, err = run(capsys, "compare", str(EXAMPLE), str(EXAMPLE), "--format", "markdown")
    assert code == 0
    assert err == (
        "warning: 20 respondent id(s) appear in both rounds; if they are the same people, the "
        "change is theirs alone: share it only with care\n"
    )
    assert "20 respondent id(s) appear in both rounds" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["graph", "-o", "/no/such/dir/x.graphml"],
            "cannot write /no/such/dir/x.graphml: the folder to write in does not exist",
        ),
        (["assess", "/dev/zero"], "larger than 50 MB"),
        (["assess", str(EXAMPLE), "--mapping", "/dev/zero"], "larger than 5 MB"),
        (["validate", "/dev/zero"], "larger than 5 MB"),
        (["show", "-1"], "unknown determinant or strategy '-1'"),
        (["assess", "/no/such/file.csv"], "/no/such/file.csv: file not found"),
    ],
)
def test_issue_10_bad_paths_and_queries_are_one_clear_error(capsys, argv, message) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 1
    assert message in (err + out) and "Traceback" not in err + out


def test_issue_10_empty_catalogue_folder_is_an_error(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "determinants", "--catalog", str(tmp_path), "--extend")
    assert code == 1 and "holds no .yaml or .yml files" in one_error(err)


def test_issue_10_alias_bomb_as_mapping_file(capsys) -> None:
    bomb = Path(__file__).parent / "fixtures" / "robustness" / "alias-bomb.yaml"
    code, _, err = run(capsys, "assess", str(EXAMPLE), "--mapping", str(bomb))
    assert code == 1 and "aliases (*name) expand to more than" in one_error(err)
