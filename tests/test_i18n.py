"""The message catalogue: complete, consistent, and chosen by --lang or the locale."""

from __future__ import annotations

import string
from pathlib import Path

import polib
import pytest

from implementatie import ResponseError
from implementatie.errors import ImplementatieError, LookupFailed, Problem
from implementatie.i18n import (
    catalogue_path,
    choose_language,
    error_message,
    gettext,
    localize,
    ngettext,
)
from tests.i18n_extract import marked

SOURCE = Path(__file__).parent.parent / "src" / "implementatie"
CATALOGUE = polib.pofile(str(catalogue_path("nl")))


def fields(message: str) -> set[str]:
    """The placeholders of a message; a lone brace (PyYAML's "expected ',' or '}'") is a
    plain message, whose translation must be plain too."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(message) if name is not None}
    except ValueError:
        return {"(a plain message with a lone brace)"}


def test_every_marked_message_has_a_dutch_translation() -> None:
    entries = {entry.msgid: entry for entry in CATALOGUE}
    missing = []
    for file, line, messages in marked(SOURCE):
        entry = entries.get(messages[0])
        if entry is None or (len(messages) == 2 and entry.msgid_plural != messages[1]):
            missing.append(f"{file}:{line}: {messages[0]!r}")
    assert not missing, "messages not in the Dutch catalogue:\n" + "\n".join(missing)


def test_every_catalogue_entry_is_translated_with_the_same_placeholders() -> None:
    for entry in CATALOGUE:
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        assert all(translations), f"no translation for {entry.msgid!r}"
        assert not entry.fuzzy, f"fuzzy translation for {entry.msgid!r}"
        for translated in translations:
            assert fields(translated) == fields(entry.msgid), entry.msgid


def test_the_extractor_finds_marked_calls(tmp_path: Path) -> None:
    """Guard the guard: the completeness test sees every kind of marked call."""
    (tmp_path / "m.py").write_text(
        'gettext("a", lang)\nN_("b")\n_("c")\nngettext("d", "ds", n, lang)\nf("e")\n',
        encoding="utf-8",
    )
    found = [messages for _, _, messages in marked(tmp_path)]
    assert found == [("a",), ("b",), ("c",), ("d", "ds")]


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "nl"),
        ({"LANG": "C.UTF-8"}, "nl"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "nl_BE.UTF-8"}, "nl"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "nl_NL.UTF-8"}, "nl"),
        ({"LC_ALL": "nl_NL.UTF-8", "LANGUAGE": "fr:en"}, "en"),
        ({"LANGUAGE": "de", "LANG": "en_US"}, "en"),
        ({"LC_MESSAGES": "en_US", "LANG": "nl_NL"}, "en"),
    ],
)
def test_the_locale_chooses_the_language(environ: dict[str, str], expected: str) -> None:
    assert choose_language(None, environ) == expected


def test_an_explicit_language_wins_and_must_be_known() -> None:
    assert choose_language("en", {"LANG": "nl_NL"}) == "en"
    with pytest.raises(ImplementatieError, match="unknown language 'fr'"):
        choose_language("fr")


def test_plural_forms_follow_the_number() -> None:
    one = ngettext("{n} strategy", "{n} strategies", 1, "nl").format(n=1)
    two = ngettext("{n} strategy", "{n} strategies", 2, "nl").format(n=2)
    assert (one, two) == ("1 strategie", "2 strategieën")
    assert ngettext("{n} strategy", "{n} strategies", 0, "en").format(n=0) == "0 strategies"


def test_localize_translates_a_formatted_message_and_its_parts() -> None:
    text = "column 'Q1' is neither an item id nor an attribute; did you mean 'q01'?"
    assert localize(text, "nl") == "kolom 'Q1' is geen vraagcode en geen kenmerk; bedoel je 'q01'?"
    assert localize("file not found", "nl") == "bestand niet gevonden"
    assert localize(text, "en") == text
    assert localize("something the catalogue does not know", "nl") == (
        "something the catalogue does not know"
    )
    assert gettext("something else", "nl") == "something else"


def test_error_messages_in_dutch() -> None:
    problems = ResponseError([Problem("a.csv", 3, None, "respondent r1, item q02", "x")])
    assert error_message(problems, "nl") == (
        "1 probleem in de antwoorden:\n  a.csv:3: respondent r1, vraag q02: x"
    )
    assert error_message(problems, "en") == str(problems)
    lookup = LookupFailed("strategy", "audt", ["audit_feedback"], ambiguous=False)
    assert error_message(lookup, "nl") == ("onbekende strategie 'audt'; bedoel je: audit_feedback?")
    ambiguous = LookupFailed("determinant", "k", ["a", "b"], ambiguous=True)
    assert error_message(ambiguous, "nl") == "'k' past bij meer dan één determinant: a, b"
