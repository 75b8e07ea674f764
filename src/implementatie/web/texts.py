"""Every page string of the web service: English here, Dutch in the message catalogue
(`locale/nl/LC_MESSAGES/implementatie.po`, see docs/translating.md)."""

from __future__ import annotations

from implementatie.i18n import N_, Lang, gettext

TEXTS: dict[str, str] = {
    "start": N_("Start the questionnaire"),
    "about_you": N_("About you"),
    "role": N_("What is your role?"),
    "team": N_("Which team do you work in?"),
    "step": N_("Step {n} of {total}"),
    "next": N_("Next"),
    "back": N_("Back"),
    "send": N_("Send"),
    "saved_note": N_("Your answers are kept if you reload the page."),
    "optional_note": N_("You may skip a question."),
    "thanks_title": N_("Thank you!"),
    "thanks_text": N_("Your answers are saved. You can close this window."),
    "closed_title": N_("This questionnaire is closed"),
    "closed_text": N_("No more answers can be added. Ask your coach if you think this is wrong."),
    "other_language": N_("Nederlands"),
    "admin_title": N_("New round"),
    "admin_intro": N_(
        "Create a round. You get a link for your team and a private link for yourself."
    ),
    "round_name": N_("Name of the innovation"),
    "organisation": N_("Organisation or team"),
    "language": N_("Language of the questionnaire"),
    "roles": N_("Roles to choose from (one per line)"),
    "teams": N_("Teams to choose from (one per line)"),
    "closes_at": N_("Closing date (optional)"),
    "create": N_("Create round"),
    "admin_login": N_("Open the admin link that was printed when the server started."),
    "dashboard": N_("Dashboard"),
    "respondent_link": N_("Link for your team"),
    "facilitator_link": N_("Your private link (do not share it)"),
    "responses": N_("Number of answered questionnaires"),
    "status_open": N_("Open"),
    "status_closed": N_("Closed"),
    "waiting": N_("Results appear once {k} people have answered."),
    "stepped": N_(
        "The results are based on the first {shown} answers. They are updated only when {k} "
        "more answers have come in, so no one can see what a single person answered."
    ),
    "close": N_("Close round"),
    "reopen": N_("Reopen round"),
    "delete": N_("Delete round and all answers"),
    "delete_confirm": N_("Type the name of the innovation to confirm"),
    "deleted": N_("The round has been deleted."),
    "downloads": N_("Downloads"),
    "download_csv": N_("Answers (CSV)"),
    "csv_after_close": N_("The answers file (CSV) can be downloaded once the round is closed."),
    "download_json": N_("Results (JSON)"),
    "download_html": N_("Report (HTML, print to PDF)"),
    "earlier": N_("Compared with the previous round: {name}"),
    "bad_form": N_("The form has expired. Go back and try again."),
    "too_many": N_("Too many answers are coming in at once. Try again in a minute."),
    "skip": N_("Skip to content"),
}
"""Page strings by key, in English; `text` gives them in the reader's language."""


def text(key: str, lang: Lang, **values: object) -> str:
    """The string `key` in `lang`, with `{placeholders}` filled in."""
    translated = gettext(TEXTS[key], lang)
    return translated.format(**values) if values else translated
