"""The `implementatie` command: a thin argparse layer over the public API."""

from __future__ import annotations

import argparse
import json
import os
import sys
import warnings
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, cast

from implementatie import __version__
from implementatie.advice.recommendation import recommend
from implementatie.errors import (
    CatalogError,
    ImplementatieError,
    InvalidOption,
    cannot_write,
    file_error,
    printable,
)
from implementatie.i18n import (
    DEFAULT,
    LANGUAGES,
    N_,
    choose_language,
    error_message,
    gettext,
    localize,
    ngettext,
)
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.loader import load_catalog
from implementatie.knowledge.models import CATEGORY_IDS, Determinant
from implementatie.knowledge.text import Lang

if TYPE_CHECKING:
    from implementatie.advice.action_plan import ActionPlan
    from implementatie.advice.planning import Plan
    from implementatie.report.document import Block
    from implementatie.survey.assessment import Assessment

# Commands import what only they need inside their function, so that each pays only for its
# own output (`recommend --format json` loads no report, survey-export or template code).

TEMPLATE_KINDS = ("wide", "long", "mapping-qualtrics", "mapping-limesurvey", "mapping-castor")
"""What `template` writes: `implementatie.survey.exports.TEMPLATE_KINDS`, without importing it."""

DESCRIPTION = N_("""\
Choose implementation strategies for the barriers your team actually has.

The catalogue holds the 29 MIDI determinants (Fleuren et al. 2014) and implementation
strategies linked to them, each link with a weight and a reason. Output is in Dutch or
English: --lang, else the locale (LANG), else Dutch. Determinants can be given by id, MIDI
number or name.
""")

EPILOG = N_("""\
examples:
  implementatie example team -o team.csv        # the bundled example answers, as a file
  implementatie assess team.csv                 # a team's answers → barriers → plan
  implementatie assess export.csv --mapping qualtrics.yaml --by role --format html -o report.html
  implementatie questionnaire --format html -o questionnaire.html   # to print
  implementatie determinants --category organisatie
  implementatie show 19
  implementatie show "formele bekrachtiging"
  implementatie strategies --determinant kennis
  implementatie recommend formal_ratification time_available --plan
  implementatie recommend 19 23 13 --eric                # the plan in ERIC terms
  implementatie suggest "de nieuwe registratie kost ons uren"
  implementatie suggest --file notes.txt --format json
  implementatie actionplan 19 23 --format xlsx -o plan.xlsx
  implementatie actionplan --edited plan.xlsx --format html -o plan.html
  implementatie template wide -o answers.csv
  implementatie review export -o review.xlsx            # top-3 lists for an expert panel
  implementatie review import jansen.xlsx devries.xlsx   # the panel's agreement per link
  implementatie validate my-catalogue/
  implementatie serve                                   # the web questionnaire (extra: web)
""")

_lang: Lang = DEFAULT
"""The language of the command line's own texts, fixed once per run by `build_parser`."""


def _(message: str) -> str:
    return gettext(message, _lang)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(_language_asked(arguments), only=_command_asked(arguments))
    args = parser.parse_args(arguments)
    if not hasattr(args, "run"):
        parser.print_help()
        return 0
    try:
        code: int = args.run(args)
    except ImplementatieError as exc:
        message = error_message(exc, args.lang, name=_namer(args), texts=_texts(args))
        print(f"{_('error')}: {message}", file=sys.stderr)
        return 1
    except OSError as exc:  # reading or writing a file the library does not open itself
        where = f" {printable(str(exc.filename))}" if exc.filename else ""
        message = f"cannot use{where}: {file_error(exc)}"
        print(f"{_('error')}: {localize(message, args.lang)}", file=sys.stderr)
        return 1
    return code


def _namer(args: argparse.Namespace) -> Callable[[str], str]:
    """Shows a suggested id as its quoted name in the chosen language (the id if unknown)."""

    def name(entry_id: str) -> str:
        try:
            return repr(_catalog(args).find(entry_id).name.in_(args.lang))
        except ImplementatieError:
            return entry_id

    return name


def _texts(args: argparse.Namespace) -> dict[str, str]:
    """The catalogue's texts that error messages carry in English, in the chosen language."""
    try:
        return _catalog(args).texts(args.lang)
    except ImplementatieError:
        return _bundled_texts(args.lang)


def _bundled_texts(lang: Lang) -> dict[str, str]:
    try:
        return load_catalog().texts(lang)
    except ImplementatieError:
        return {}


def _language_asked(arguments: Sequence[str]) -> Lang:
    """The --lang given on the command line, else the locale's language."""
    asked = None
    for index, argument in enumerate(arguments):
        if argument == "--lang" and index + 1 < len(arguments):
            asked = arguments[index + 1]
        elif argument.startswith("--lang="):
            asked = argument.partition("=")[2]
    return choose_language(asked if asked in LANGUAGES else None)


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Help with a translated "usage:" heading, as wide as the terminal."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        # argparse asks `shutil` for the width, which imports the compression modules: a
        # tenth of a start-up. `os` gives the same width (`COLUMNS`, else the terminal).
        if width is None:
            width = _terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


@cache
def _terminal_columns() -> int:
    """Columns as `shutil.get_terminal_size()` finds them: `COLUMNS`, else standard
    output's terminal, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class _Parser(argparse.ArgumentParser):
    """An argument parser whose own texts (headings, errors) are in the chosen language."""

    def __init__(self, *, add_help: bool = True, **kwargs: Any) -> None:
        super().__init__(**kwargs, add_help=False, formatter_class=_Formatter)
        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")
        if add_help:
            self.add_argument("-h", "--help", action="help", help=_("show this help and stop"))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {_('error')}: {localize(message, _lang)}\n")


def _command_asked(arguments: Sequence[str]) -> str | None:
    """The first argument that is not an option (or the value of --lang): the command."""
    after_lang = False
    for argument in arguments:
        if not after_lang and not argument.startswith("-"):
            return argument
        after_lang = argument == "--lang"
    return None


class _Skipped:
    """Stands in for the parser of a command that was not asked for: adding to it does nothing."""

    def add_argument(self, *args: Any, **kwargs: Any) -> None:
        pass

    def set_defaults(self, **kwargs: Any) -> None:
        pass


def build_parser(lang: Lang = DEFAULT, only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every subcommand, its help in `lang`.

    With `only` (the command on the command line), just that command gets its arguments:
    starting up then costs a fraction. An unknown `only` gives the full parser, for its error.
    """
    global _lang
    _lang = lang
    parser = _Parser(prog="implementatie", description=_(DESCRIPTION), epilog=_(EPILOG))
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=_("show the version and stop"),
    )
    common = _Parser(add_help=False)  # the options every command shares
    for chosen in (parser, common):
        chosen.add_argument(
            "--lang",
            choices=LANGUAGES,
            default=lang,
            help=_("language of the output (default: from the locale, else nl)"),
        )
    common.add_argument(
        "--catalog",
        action="append",
        metavar=_("PATH"),
        help=_("use your own catalogue: a YAML file or a folder of them (repeatable)"),
    )
    common.add_argument(
        "--overlay",
        metavar=_("FILE"),
        help=_("a YAML file with other wording for the questions, names and answer options"),
    )
    common.add_argument(
        "--extend",
        action="store_true",
        help=_("add the --catalog files to the bundled catalogue instead of replacing it"),
    )
    commands = parser.add_subparsers(title=_("commands"), metavar=_("COMMAND"))

    built: set[str] = set()

    def command(
        name: str, help_: str, run: Callable[[argparse.Namespace], int]
    ) -> argparse.ArgumentParser:
        if only is not None and name != only:
            return cast(argparse.ArgumentParser, _Skipped())
        built.add(name)
        sub = commands.add_parser(name, help=help_, description=help_, parents=[common])
        sub.set_defaults(run=run)
        return sub

    sub = command("determinants", _("list the MIDI determinants"), _determinants)
    sub.add_argument("--category", choices=CATEGORY_IDS, help=_("only this category"))
    _format(sub, ["table", "json"])

    sub = command("show", _("show one determinant or strategy in full"), _show)
    sub.add_argument(
        "query",
        metavar=_("DETERMINANT_OR_STRATEGY"),
        help=_("id, MIDI number, or Dutch or English name (or part of it)"),
    )
    _format(sub, ["text", "markdown", "json"])

    sub = command(
        "strategies", _("list strategies, or those linked to one determinant"), _strategies
    )
    sub.add_argument(
        "--determinant",
        metavar="D",
        help=_("only strategies linked to this determinant, best first"),
    )
    _format(sub, ["table", "json"])

    sub = command("recommend", _("rank strategies for one or more barriers"), _recommend)
    sub.add_argument(
        "barriers", nargs="+", metavar=_("BARRIER"), help=_("determinant id, MIDI number or name")
    )
    _recommend_options(sub)
    _format(sub, ["text", "markdown", "json"])

    sub = command(
        "assess",
        _("score a team's questionnaire answers: profile, barriers, strategies, plan"),
        _assess,
    )
    sub.add_argument(
        "file", metavar=_("FILE"), help=_("answers: canonical wide or long CSV, or an export")
    )
    _answer_options(sub)
    sub.add_argument(
        "--by",
        metavar=_("ATTRIBUTE"),
        help=_("also show the profile per group (role, team, location); small groups hidden"),
    )
    _recommend_options(sub, plan_default=True)
    _format(sub, ["text", "markdown", "json", "html", "pdf"])

    sub = command(
        "compare", _("compare two assessments, e.g. before and after introduction"), _compare
    )
    sub.add_argument("before", metavar=_("BEFORE"), help=_("answers of the first measurement"))
    sub.add_argument("after", metavar=_("AFTER"), help=_("answers of the second measurement"))
    _answer_options(sub)
    _format(sub, ["text", "markdown", "json", "html", "pdf"])

    sub = command(
        "suggest", _("suggest the determinants behind what a team writes (sticky notes)"), _suggest
    )
    sub.add_argument("text", nargs="?", metavar=_("TEXT"), help=_("one note"))
    sub.add_argument("--file", metavar=_("NOTES"), help=_("a text file with one note per line"))
    sub.add_argument(
        "--top", type=int, default=3, metavar="N", help=_("determinants per note (default: 3)")
    )
    _format(sub, ["text", "json"])

    sub = command(
        "actionplan",
        _("an action plan for the barriers: who does what, when, how often, and why (Proctor)"),
        _actionplan,
    )
    sub.add_argument(
        "barriers", nargs="*", metavar=_("BARRIER"), help=_("determinant id, MIDI number or name")
    )
    sub.add_argument(
        "--strategy",
        action="append",
        default=[],
        metavar="S",
        help=_("use strategy S (repeatable) instead of the plan chosen for the barriers"),
    )
    sub.add_argument(
        "--edited",
        metavar=_("FILE"),
        help=_("an action plan the team edited (.xlsx or .csv): its entries are kept"),
    )
    sub.add_argument(
        "--exclude", action="append", default=[], metavar="S", help=_("never plan strategy S")
    )
    sub.add_argument(
        "--max-effort",
        choices=["low", "medium", "high"],
        help=_("leave out strategies that cost more effort than this"),
    )
    sub.add_argument(
        "--max-strategies", type=int, metavar="N", help=_("at most N strategies in the plan")
    )
    _format(sub, ["text", "markdown", "json", "csv", "xlsx", "html"])

    sub = command("template", _("write an empty answers CSV or an example mapping file"), _template)
    sub.add_argument("kind", choices=TEMPLATE_KINDS, help=_("what to write"))
    _output(sub)

    sub = command(
        "questionnaire",
        _("the questionnaire: a page to print, or a definition for web forms"),
        _questionnaire,
    )
    sub.add_argument(
        "--format",
        choices=["json", "html", "pdf"],
        default="json",
        help=_(
            "html or pdf: a page to print on paper (pdf needs -o FILE); "
            "json: a form definition, see --as (default: json)"
        ),
    )
    sub.add_argument(
        "--as",
        dest="shape",
        choices=["json-schema", "surveyjs"],
        default="json-schema",
        help=_("which form definition, for --format json (default: json-schema)"),
    )
    sub.add_argument(
        "--innovation",
        metavar=_("NAME"),
        help=_("the name of what you introduce, used instead of 'de innovatie' in the questions"),
    )
    _output(sub)

    sub = command(
        "example", _("list the bundled example answers, or write one to a file"), _example
    )
    sub.add_argument("name", nargs="?", metavar=_("NAME"), help=_("the example to write"))
    sub.add_argument(
        "--output",
        "-o",
        metavar=_("FILE"),
        help=_("where to write it (default: NAME.csv in the current folder; - for the screen)"),
    )

    sub = command(
        "review",
        _("expert review: export the 29 top-3 lists as a spreadsheet, or read scored ones back"),
        _review,
    )
    sub.add_argument("action", choices=["export", "import"], help=_("what to do"))
    sub.add_argument(
        "files",
        nargs="*",
        metavar=_("FILE"),
        help=_("import: the scored .xlsx files, one per reviewer"),
    )
    _format(sub, ["text", "markdown", "json"])

    sub = cast(argparse.ArgumentParser, _Skipped())
    if only in (None, "serve"):  # no shared options: not made through `command`
        built.add("serve")
        sub = commands.add_parser(
            "serve",
            help=_("run the web questionnaire service (needs implementatie[web])"),
            description=_(
                "Run the web questionnaire service: coaches create rounds, teams answer online. "
                "Settings also come from IMPLEMENTATIE_* environment variables (docs/web.md)."
            ),
        )
    sub.set_defaults(run=_serve)
    sub.add_argument("--host", default="127.0.0.1", help=_("address to listen on (default: local)"))
    sub.add_argument(
        "--port", type=int, default=8000, metavar=_("PORT"), help=_("port (default: 8000)")
    )
    sub.add_argument(
        "--db",
        metavar="URL",
        help=_(
            "database: sqlite:///file.db (default: implementatie.db here) or "
            "postgresql+psycopg://user:password@host/name"
        ),
    )

    sub = command("graph", _("export the catalogue graph (GraphML or node-link JSON)"), _graph)
    _format(sub, ["graphml", "json"])

    sub = command(
        "validate",
        _("check catalogue YAML files; exit 1 and list every problem if invalid"),
        _validate,
    )
    sub.add_argument(
        "paths",
        nargs="*",
        metavar=_("PATH"),
        help=_("YAML files or folders (default: the bundled catalogue)"),
    )
    if only is not None and only not in built:
        return build_parser(lang)
    return parser


def _format(sub: argparse.ArgumentParser, choices: list[str]) -> None:
    sub.add_argument(
        "--format",
        choices=choices,
        default=choices[0],
        help=_("output format (default: {default})").format(default=choices[0]),
    )
    _output(sub)


def _output(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--output",
        "-o",
        metavar=_("FILE"),
        help=_("write to {file} instead of the screen").format(file=_("FILE")),
    )


def _answer_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--mapping",
        metavar="M",
        help=_("mapping file for a Qualtrics, LimeSurvey or Castor export"),
    )
    sub.add_argument(
        "--barrier-threshold",
        type=float,
        default=0.20,
        metavar=_("SHARE"),
        help=_("share of negative answers that makes a barrier (default: 0.20)"),
    )
    sub.add_argument(
        "--facilitator-threshold",
        type=float,
        default=0.80,
        metavar=_("SHARE"),
        help=_("share of positive answers that makes a facilitator (default: 0.80)"),
    )
    sub.add_argument(
        "--dont-know",
        choices=["negative", "neutral", "exclude"],
        default="negative",
        help=_("how a don't-know answer counts (default: negative)"),
    )
    sub.add_argument(
        "--min-group-size",
        type=int,
        default=5,
        metavar="N",
        help=_("groups and determinants with fewer valid answers are not shown (default: 5)"),
    )
    sub.add_argument(
        "--allow-small-groups",
        action="store_true",
        help=_("allow a --min-group-size below 5 (results can then single out a respondent)"),
    )


def _recommend_options(sub: argparse.ArgumentParser, *, plan_default: bool = False) -> None:
    sub.add_argument(
        "--top", type=int, default=3, metavar="N", help=_("strategies per barrier (default: 3)")
    )
    sub.add_argument(
        "--plan",
        action=argparse.BooleanOptionalAction,
        default=plan_default,
        help=(
            _("add one plan of few strategies that covers all barriers (default: on)")
            if plan_default
            else _("add one plan of few strategies that covers all barriers (default: off)")
        ),
    )
    sub.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="S",
        help=_("never recommend strategy S (repeatable)"),
    )
    sub.add_argument(
        "--in-use",
        action="append",
        default=[],
        metavar="S",
        help=_("strategy S is already in use: it covers, and is not proposed again"),
    )
    sub.add_argument(
        "--max-effort",
        choices=["low", "medium", "high"],
        help=_("leave out strategies that cost more effort than this"),
    )
    sub.add_argument(
        "--max-strategies", type=int, metavar="N", help=_("at most N strategies in the plan")
    )
    sub.add_argument(
        "--eric",
        action="store_true",
        help=_("add the plan in ERIC terms (numbers and names, for reporting); implies --plan"),
    )


def _catalog(args: argparse.Namespace) -> Catalog:
    """The catalogue the options name (`serve` has none: the bundled one)."""
    return load_catalog(
        getattr(args, "catalog", None) or None,
        extend=getattr(args, "extend", False),
        overlay=getattr(args, "overlay", None),
    )


def _emit(
    args: argparse.Namespace, blocks: Callable[[], list[Block]], data: Any, title: str = ""
) -> int:
    """Write `data` as JSON, or the `blocks` (made only then) as text, markdown or HTML."""
    if args.format == "json":
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    elif args.format == "html":
        from implementatie.report.documents import blocks_page

        text = blocks_page(blocks(), title or "implementatie", args.lang)
    else:
        from implementatie.report.document import render

        text = render(blocks(), "markdown" if args.format == "markdown" else "text", _width(args))
    return _write(args, text)


def _width(args: argparse.Namespace) -> int:
    """The terminal's width when printing to one (at least 60), else the standard width."""
    import shutil

    from implementatie.report.document import TEXT_WIDTH

    if getattr(args, "output", None) or not sys.stdout.isatty():
        return TEXT_WIDTH
    return max(60, shutil.get_terminal_size((TEXT_WIDTH, 24)).columns - 1)


def _write(args: argparse.Namespace, text: str) -> int:
    if getattr(args, "output", None):
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise ImplementatieError(cannot_write(args.output, exc)) from None
    else:
        print(text, end="")
    return 0


def _document(args: argparse.Namespace, page: str) -> int:
    """Write a whole report page as HTML, or printed to PDF (which needs -o FILE)."""
    if args.format == "html":
        return _write(args, page)
    if not args.output:
        raise ImplementatieError("--format pdf needs --output FILE (a PDF is not shown on screen)")
    target = Path(args.output)
    if target.is_dir():  # found before the slow printing, not after
        raise ImplementatieError(cannot_write(target, IsADirectoryError()))
    if not target.parent.is_dir():
        raise ImplementatieError(cannot_write(target, FileNotFoundError()))
    from implementatie.report.pdf import html_to_pdf

    data = html_to_pdf(page)
    try:
        Path(args.output).write_bytes(data)
    except OSError as exc:
        raise ImplementatieError(cannot_write(args.output, exc)) from None
    return 0


def _determinants(args: argparse.Namespace) -> int:
    from implementatie.report.serialize import determinant_data
    from implementatie.report.views import determinants_view

    catalog = _catalog(args)
    chosen = catalog.determinants_in(args.category) if args.category else catalog.determinants
    return _emit(
        args, lambda: determinants_view(chosen, args.lang), [determinant_data(d) for d in chosen]
    )


def _show(args: argparse.Namespace) -> int:
    from implementatie.report.serialize import determinant_data, strategy_data
    from implementatie.report.views import determinant_view, strategy_view

    catalog = _catalog(args)
    found = catalog.find(args.query)
    lang: Lang = args.lang
    if isinstance(found, Determinant):
        determinant = found
        return _emit(
            args, lambda: determinant_view(determinant, catalog, lang), determinant_data(found)
        )
    strategy = found
    return _emit(args, lambda: strategy_view(strategy, catalog, lang), strategy_data(found))


def _strategies(args: argparse.Namespace) -> int:
    from implementatie.report.serialize import strategy_data
    from implementatie.report.views import strategies_for_view, strategies_view

    catalog = _catalog(args)
    if args.determinant is None:
        strategies = catalog.strategies
        return _emit(
            args,
            lambda: strategies_view(strategies, args.lang),
            [strategy_data(s) for s in strategies],
        )
    determinant = catalog.determinant(args.determinant)
    ranked = recommend([determinant], top=None, catalog=catalog).barriers[0].strategies
    return _emit(
        args,
        lambda: strategies_for_view(determinant, catalog, args.lang),
        [strategy_data(r.strategy) for r in ranked],
    )


def _recommend(args: argparse.Namespace) -> int:
    catalog = _catalog(args)
    return _recommend_output(args, catalog, args.barriers)


def _recommend_output(
    args: argparse.Namespace,
    catalog: Catalog,
    barriers: Sequence[Any],
    head: Callable[[], list[Block]] | None = None,
    data: dict[str, Any] | None = None,
) -> int:
    """Shared by `recommend` and `assess`: the ranked lists and, with --plan, the plan."""
    lang: Lang = args.lang
    if args.in_use and not (args.plan or args.eric):
        raise ImplementatieError("--in-use only changes the plan: add --plan")
    result = recommend(
        barriers, top=args.top, catalog=catalog, exclude=args.exclude, max_effort=args.max_effort
    )
    output = {**(data or {}), **result.to_dict(lang)}
    chosen = None
    if args.plan or args.eric:
        from implementatie.advice.planning import plan

        chosen = plan(
            barriers,
            catalog=catalog,
            max_strategies=args.max_strategies,
            in_use=args.in_use,
            exclude=args.exclude,
            max_effort=args.max_effort,
        )
        output["plan"] = chosen.to_dict(lang)
    terms = None
    if args.eric and chosen is not None:
        from implementatie.advice.eric import eric_terms
        from implementatie.report.serialize import eric_data

        terms = eric_terms(chosen, catalog=catalog)
        output["eric"] = eric_data(terms)

    def blocks() -> list[Block]:
        from implementatie.report.views import eric_view, plan_view, recommendation_view

        made = [*(head() if head else []), *recommendation_view(result, lang)]
        if chosen is not None:
            made += plan_view(chosen, lang)
        if terms is not None:
            made += eric_view(terms, lang)
        return made

    return _emit(args, blocks, output)


def _assessment(args: argparse.Namespace, catalog: Catalog, file: str) -> Assessment:
    from implementatie.survey.assessment import assess
    from implementatie.survey.importers import read_responses

    responses = read_responses(file, mapping=args.mapping, catalog=catalog)
    with warnings.catch_warnings():  # the command prints the result's warnings itself
        warnings.simplefilter("ignore", UserWarning)
        return assess(
            responses,
            catalog=catalog,
            barrier_threshold=args.barrier_threshold,
            facilitator_threshold=args.facilitator_threshold,
            dont_know=args.dont_know,
            min_group_size=args.min_group_size,
            allow_small_groups=args.allow_small_groups,
        )


def _assess(args: argparse.Namespace) -> int:
    from implementatie.report.views import assessment_view, subgroups_view

    catalog = _catalog(args)
    assessment = _assessment(args, catalog, args.file)
    _warn(assessment.warnings)
    if args.format in ("html", "pdf"):
        return _document(args, _assessment_report(args, catalog, assessment))
    data = assessment.to_dict()
    subgroups = assessment.subgroups(args.by) if args.by else None
    if subgroups is not None:
        data["subgroups"] = subgroups.to_dict()

    def head() -> list[Block]:
        blocks = assessment_view(assessment, args.lang)
        if subgroups is not None:
            blocks += subgroups_view(subgroups, args.lang)
        return blocks

    return _recommend_output(args, catalog, assessment.barriers, head, data)


def _assessment_report(args: argparse.Namespace, catalog: Catalog, assessment: Assessment) -> str:
    from implementatie.advice.planning import plan
    from implementatie.report.documents import assessment_report

    barriers = assessment.barriers
    chosen = (
        plan(
            barriers,
            catalog=catalog,
            max_strategies=args.max_strategies,
            in_use=args.in_use,
            exclude=args.exclude,
            max_effort=args.max_effort,
        )
        if args.plan
        else None
    )
    return assessment_report(
        assessment,
        recommendation=recommend(
            barriers,
            top=args.top,
            catalog=catalog,
            exclude=args.exclude,
            max_effort=args.max_effort,
        ),
        plan=chosen,
        action_plan=_report_action_plan(chosen, args.lang, catalog),
        subgroups=assessment.subgroups(args.by) if args.by else None,
        lang=args.lang,
        subtitle=Path(args.file).name,
    )


def _report_action_plan(chosen: Plan | None, lang: Lang, catalog: Catalog) -> ActionPlan | None:
    """The plan's action plan for the report; left out, with a warning, when a strategy of a
    custom catalogue has no action plan defaults."""
    from implementatie.advice.action_plan import action_plan

    if chosen is None or not chosen.strategies:
        return None
    try:
        return action_plan(chosen, lang=lang, catalog=catalog)
    except InvalidOption as exc:
        _warn([N_("no action plan in the report: {reason}").format(reason=exc)])
        return None


def _compare(args: argparse.Namespace) -> int:
    from implementatie.report.documents import comparison_report
    from implementatie.report.views import comparison_view
    from implementatie.survey.comparison import compare

    catalog = _catalog(args)
    before = _assessment(args, catalog, args.before)
    after = _assessment(args, catalog, args.after)
    comparison = compare(before, after)
    _warn(comparison.warnings)
    if args.format in ("html", "pdf"):
        subtitle = f"{Path(args.before).name} → {Path(args.after).name}"
        return _document(args, comparison_report(comparison, lang=args.lang, subtitle=subtitle))
    return _emit(args, lambda: comparison_view(comparison, args.lang), comparison.to_dict())


def _warn(warnings: Sequence[str]) -> None:
    for warning in warnings:
        print(f"{_('warning')}: {localize(warning, _lang)}", file=sys.stderr)


def _suggest(args: argparse.Namespace) -> int:
    from implementatie.advice.intake import read_notes, suggest
    from implementatie.report.intake_views import intake_data, intake_view

    notes = ([args.text] if args.text else []) + (read_notes(args.file) if args.file else [])
    if not notes:
        raise ImplementatieError("give a note as TEXT or a file of notes with --file")
    intake = suggest(notes, top=args.top, catalog=_catalog(args))
    return _emit(args, lambda: intake_view(intake, args.lang), intake_data(intake))


def _actionplan(args: argparse.Namespace) -> int:
    from implementatie.advice.action_plan import action_plan
    from implementatie.advice.action_plan_files import (
        csv_text,
        read_action_plan,
        write_action_plan,
    )
    from implementatie.advice.planning import plan
    from implementatie.report.action_plan_views import action_plan_data, action_plan_view

    catalog = _catalog(args)
    edited = read_action_plan(args.edited, catalog=catalog) if args.edited else None
    lang: Lang = edited.lang if edited else args.lang
    if args.strategy:
        chosen = action_plan(
            args.strategy, barriers=args.barriers, lang=lang, catalog=catalog, edits=edited
        )
    elif args.barriers:
        chosen_plan = plan(
            args.barriers,
            catalog=catalog,
            max_strategies=args.max_strategies,
            exclude=args.exclude,
            max_effort=args.max_effort,
        )
        chosen = action_plan(chosen_plan, lang=lang, catalog=catalog, edits=edited)
    elif edited is not None:
        chosen = edited
    else:
        raise ImplementatieError("give barriers, --strategy or an --edited action plan")
    if args.format == "xlsx":
        if not args.output:
            raise ImplementatieError("an Excel file needs a name: add -o FILE.xlsx")
        write_action_plan(chosen, args.output)
        return 0
    if args.format == "csv":
        return _write(args, csv_text(chosen))
    args.lang = lang
    title = gettext("Action plan", lang)
    return _emit(args, lambda: action_plan_view(chosen), action_plan_data(chosen), title)


def _template(args: argparse.Namespace) -> int:
    from implementatie.survey.exports import template

    return _write(args, template(args.kind, catalog=_catalog(args), lang=args.lang))


def _questionnaire(args: argparse.Namespace) -> int:
    from implementatie.report.questionnaire_form import questionnaire_page
    from implementatie.survey.questionnaire import questionnaire_schema, surveyjs

    catalog = _catalog(args)
    if args.format in ("html", "pdf"):
        return _document(args, questionnaire_page(catalog, args.lang))
    make = questionnaire_schema if args.shape == "json-schema" else surveyjs
    data = make(args.lang, catalog=catalog, innovation=args.innovation)
    return _write(args, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


EXAMPLES = {
    "team": N_("an invented youth health care team of 20 professionals: the first measurement"),
    "team-later": N_(
        "the same invented team about five months later: the second measurement, to compare"
    ),
}
"""What each bundled example is, for the list; an example not named here is listed bare."""


def _example(args: argparse.Namespace) -> int:
    from implementatie.survey.examples import example_path, examples

    if args.name is None:
        for name in examples():
            about = _(EXAMPLES[name]) if name in EXAMPLES else ""
            print(f"{name:<12} {about}".rstrip())
        return 0
    text = example_path(args.name).read_text(encoding="utf-8")
    if args.output == "-":
        print(text, end="")
        return 0
    target = Path(args.output or f"{args.name}.csv")
    if args.output is None and target.exists():
        raise ImplementatieError(f"{target} already exists; choose another file with -o")
    args.output = str(target)
    _write(args, text)
    print(_("written: {file}").format(file=target))
    return 0


def _review(args: argparse.Namespace) -> int:
    from implementatie.report.review import read_reviews, write_review
    from implementatie.report.serialize import agreement_data
    from implementatie.report.views import agreement_view

    catalog = _catalog(args)
    if args.action == "export":
        if not args.output or args.files:
            raise InvalidOption(_("review export writes one workbook: give -o FILE.xlsx, no FILEs"))
        write_review(args.output, catalog=catalog, lang=args.lang)
        n = len(catalog.determinants) * 3
        print(_("wrote {file}: {n} links to score").format(file=args.output, n=n))
        return 0
    if not args.files:
        raise InvalidOption(_("review import needs the scored .xlsx files"))
    agreement = read_reviews(args.files, catalog=catalog)
    return _emit(args, lambda: agreement_view(agreement, args.lang), agreement_data(agreement))


def _serve(args: argparse.Namespace) -> int:
    try:
        from implementatie.web.server import serve
    except ImportError as exc:
        raise ImplementatieError(
            f"the web service needs the web extra: pip install 'implementatie[web]' ({exc.name})"
        ) from None
    return serve(args.host, args.port, args.db)


def _graph(args: argparse.Namespace) -> int:
    import networkx as nx  # only this command needs the graph

    from implementatie.knowledge.graph import to_node_link, write_graph

    graph = _catalog(args).graph
    if args.output:
        try:
            write_graph(graph, args.output, args.format)
        except OSError as exc:
            raise ImplementatieError(cannot_write(args.output, exc)) from None
    elif args.format == "json":
        print(json.dumps(to_node_link(graph), ensure_ascii=False, indent=2))
    else:
        print("\n".join(nx.generate_graphml(graph)))
    return 0


def _validate(args: argparse.Namespace) -> int:
    paths = args.paths or args.catalog
    try:
        catalog = load_catalog(paths or None, extend=args.extend, overlay=args.overlay)
    except CatalogError as exc:
        print(error_message(exc, args.lang, texts=_bundled_texts(args.lang)))
        return 1
    determinants = ngettext(
        "{n} determinant", "{n} determinants", len(catalog.determinants), args.lang
    ).format(n=len(catalog.determinants))
    strategies = ngettext(
        "{n} strategy", "{n} strategies", len(catalog.strategies), args.lang
    ).format(n=len(catalog.strategies))
    print(f"{_('valid')}: {determinants}, {strategies} ({', '.join(catalog.sources)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
