"""Messages in the reader's language, by gettext conventions.

Code writes every user-facing string in English and translates it through the message
catalogue ``locale/<lang>/LC_MESSAGES/implementatie.po`` (English needs no catalogue)::

    gettext("Barrier", "nl")                                   # 'Belemmering'
    ngettext("{n} answer", "{n} answers", n, "nl").format(n=n)
    N_("Barrier")          # marks a string for the catalogue, translated later

``localize`` translates a message that a lower layer already formatted in English, by
matching it against the catalogue's ``{placeholder}`` patterns; ``error_message`` does that
for an ``ImplementatieError``. ``choose_language`` picks the language from ``--lang`` or the
locale. See docs/translating.md.
"""

from __future__ import annotations

import gettext as _gettext
import io
import os
import re
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Literal

from implementatie.cachefiles import cache_folder, cache_path, key_of, read, write
from implementatie.errors import (
    RETIRED,
    ImplementatieError,
    LookupFailed,
    Problem,
    ProblemsError,
    RetiredId,
)

Lang = Literal["nl", "en"]
LANGUAGES: tuple[Lang, ...] = ("nl", "en")
DEFAULT: Lang = "nl"
DOMAIN = "implementatie"
_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def N_(message: str) -> str:
    """Mark `message` for the catalogue without translating it yet."""
    return message


def choose_language(explicit: str | None = None, environ: Mapping[str, str] = os.environ) -> Lang:
    """`explicit` if given, else the first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG that names
    Dutch or English (``nl_NL.UTF-8``, ``en``), else Dutch."""
    if explicit is not None:
        return _known(explicit)
    for variable in _LOCALE_VARIABLES:
        for locale in environ.get(variable, "").split(":"):
            code = locale.split("_")[0].split(".")[0].lower()
            if code in LANGUAGES:
                return code
    return DEFAULT


def _known(lang: str) -> Lang:
    if lang not in LANGUAGES:
        raise ImplementatieError(f"unknown language {lang!r}; choose from: {', '.join(LANGUAGES)}")
    return lang


def catalogue_path(lang: Lang) -> Path:
    """Where the .po source of `lang` lives inside the package."""
    return Path(__file__).parent / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translation(lang: Lang) -> _gettext.NullTranslations:
    """The gettext translations of `lang`, read once from its .po file."""
    if _known(lang) == "en":
        return _gettext.NullTranslations()
    source = catalogue_path(lang).read_bytes()
    return _gettext.GNUTranslations(io.BytesIO(_compiled(source)))


def _compiled(source: bytes) -> bytes:
    """The .po `source` compiled to .mo, from the cache when it was compiled before."""
    folder = cache_folder()
    key = key_of(b"messages", source)
    path = None if folder is None else cache_path(folder, "messages", key, ".mo")
    found = None if path is None else read(path, key)
    if found is not None:
        return found
    import polib  # only when the catalogue changed since it was last compiled

    compiled: bytes = polib.pofile(source.decode("utf-8")).to_binary()
    if path is not None:
        write(path, key, compiled)
    return compiled


def gettext(message: str, lang: Lang) -> str:
    """`message` in `lang` (itself where the catalogue has no translation)."""
    return translation(lang).gettext(message)


def ngettext(singular: str, plural: str, n: int, lang: Lang) -> str:
    """The singular or plural form for `n`, in `lang`."""
    return translation(lang).ngettext(singular, plural, n)


def pgettext(context: str, message: str, lang: Lang) -> str:
    """`message` in `lang`, where the same English word needs another translation by context."""
    return translation(lang).pgettext(context, message)


def localize(text: str, lang: Lang, texts: Mapping[str, str] | None = None) -> str:
    """Translate `text` that was already formatted in English.

    A message with placeholders, such as ``unknown {kind} {query!r}``, is recognised in its
    filled-in form; the values found in the placeholders are translated too where they are
    catalogue messages themselves, or English texts of the knowledge catalogue found in
    `texts` (see `Catalog.texts`). Text the catalogue does not know is returned unchanged."""
    return _localize(text, lang, 0, texts or {})


def _localize(text: str, lang: Lang, depth: int, texts: Mapping[str, str]) -> str:
    if lang == "en" or not text:
        return text
    if text in texts:
        return texts[text]
    quoted = text[1:-1] if len(text) > 1 and text[0] == text[-1] and text[0] in "'\"" else None
    if quoted is not None and quoted in texts:
        return repr(texts[quoted])
    direct = gettext(text, lang)
    if direct != text or depth > 3:
        return direct
    for pattern, fields, message in _patterns(lang):
        found = pattern.fullmatch(text)
        if found is None:
            continue
        values = {
            field: _localize(found.group(f"f{i}"), lang, depth + 1, texts)
            for i, field in enumerate(fields)
        }
        return _fill(gettext(message, lang), values)
    return text


def _fields(message: str) -> list[tuple[str, str | None]]:
    """The literal text and field name of each piece of a format string."""
    import string  # only when a message is translated (about 1 ms at start-up otherwise)

    return [(literal, name) for literal, name, _, _ in string.Formatter().parse(message)]


def _fill(message: str, values: Mapping[str, str]) -> str:
    return "".join(
        literal + (values.get(name, "") if name is not None else "")
        for literal, name in _fields(message)
    )


@cache
def _patterns(lang: Lang) -> tuple[tuple[re.Pattern[str], tuple[str, ...], str], ...]:
    """A regular expression for every catalogue message with placeholders, most specific first."""
    found = []
    for message in _messages(lang):
        try:
            pieces = _fields(message)
        except ValueError:  # a literal brace, as in PyYAML's "expected ',' or '}'": no fields
            continue
        names = tuple(name for _, name in pieces if name is not None)
        if not names:
            continue
        groups = iter(range(len(names)))
        regex = "".join(
            re.escape(literal) + (f"(?P<f{next(groups)}>.*?)" if name is not None else "")
            for literal, name in pieces
        )
        literal_length = sum(len(literal) for literal, _ in pieces)
        found.append((literal_length, re.compile(regex, re.DOTALL), names, message))
    found.sort(key=lambda entry: -entry[0])
    return tuple((pattern, names, message) for _, pattern, names, message in found)


def _messages(lang: Lang) -> list[str]:
    catalog = translation(lang)._catalog  # type: ignore[attr-defined]
    return sorted(key for key in catalog if isinstance(key, str) and key and "\x04" not in key)


def problem_text(problem: Problem, lang: Lang, texts: Mapping[str, str] | None = None) -> str:
    """One problem of a ProblemsError, with its message in `lang`."""
    translated = Problem(
        problem.file,
        problem.line,
        problem.column,
        localize(problem.field, lang) if problem.field else "",
        localize(problem.message, lang, texts),
    )
    return str(translated)


def error_message(
    error: ImplementatieError,
    lang: Lang,
    name: Callable[[str], str] | None = None,
    texts: Mapping[str, str] | None = None,
) -> str:
    """What to show a person for `error`, in `lang`; `name` turns an id that a lookup
    suggests into what a person reads (its name in `lang`); `texts` gives catalogue texts
    that messages carry in English in `lang` (`Catalog.texts`)."""
    if isinstance(error, ProblemsError):
        count = len(error.problems)
        head = ngettext(
            "{count} problem in the {what}:", "{count} problems in the {what}:", count, lang
        ).format(count=count, what=gettext(error.what, lang))
        lines = [f"  {problem_text(p, lang, texts)}" for p in error.problems]
        return "\n".join([head, *lines])
    if isinstance(error, RetiredId) and lang != "en":
        record = error.record
        return gettext(RETIRED, lang).format(
            kind=gettext(error.kind, lang),
            id=record.id,
            edition=record.edition,
            replacements=", ".join(map(name or str, record.replaced_by)),
            reason=record.reason.nl,
        )
    if type(error) is LookupFailed and lang != "en":  # subclasses say more: localize them
        kind = gettext(error.kind, lang)
        options = ", ".join(map(name or str, error.suggestions))
        if error.ambiguous:
            return gettext("{query!r} matches more than one {kind}: {options}", lang).format(
                query=error.query, kind=kind, options=options
            )
        message = gettext("unknown {kind} {query!r}", lang).format(kind=kind, query=error.query)
        if options:
            message += gettext("; did you mean: {options}?", lang).format(options=options)
        return message
    return localize(str(error), lang, texts)
