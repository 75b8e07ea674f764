"""Every page string of the web service, in Dutch and English (plain B1 Dutch)."""

from __future__ import annotations

from typing import Literal

Lang = Literal["nl", "en"]

TEXTS: dict[str, tuple[str, str]] = {
    # respondent pages
    "start": ("Begin met de vragenlijst", "Start the questionnaire"),
    "about_you": ("Over jou", "About you"),
    "role": ("Wat is je functie?", "What is your role?"),
    "team": ("In welk team werk je?", "Which team do you work in?"),
    "step": ("Stap {n} van {total}", "Step {n} of {total}"),
    "next": ("Volgende", "Next"),
    "back": ("Vorige", "Back"),
    "send": ("Versturen", "Send"),
    "saved_note": (
        "Je antwoorden worden bewaard als je de pagina opnieuw laadt.",
        "Your answers are kept if you reload the page.",
    ),
    "optional_note": (
        "Je mag een vraag overslaan.",
        "You may skip a question.",
    ),
    "thanks_title": ("Bedankt!", "Thank you!"),
    "thanks_text": (
        "Je antwoorden zijn opgeslagen. Je kunt dit venster sluiten.",
        "Your answers are saved. You can close this window.",
    ),
    "closed_title": ("Deze vragenlijst is gesloten", "This questionnaire is closed"),
    "closed_text": (
        "Er kunnen geen antwoorden meer bij. Vraag je begeleider als je denkt dat dit niet klopt.",
        "No more answers can be added. Ask your coach if you think this is wrong.",
    ),
    "other_language": ("English", "Nederlands"),
    # coach pages
    "admin_title": ("Nieuwe ronde", "New round"),
    "admin_intro": (
        "Maak een ronde aan. Je krijgt een link voor je team en een eigen link voor jou.",
        "Create a round. You get a link for your team and a private link for yourself.",
    ),
    "round_name": ("Naam van de innovatie", "Name of the innovation"),
    "organisation": ("Organisatie of team", "Organisation or team"),
    "language": ("Taal van de vragenlijst", "Language of the questionnaire"),
    "roles": ("Functies om uit te kiezen (één per regel)", "Roles to choose from (one per line)"),
    "teams": ("Teams om uit te kiezen (één per regel)", "Teams to choose from (one per line)"),
    "closes_at": ("Sluitdatum (mag leeg)", "Closing date (optional)"),
    "create": ("Ronde aanmaken", "Create round"),
    "admin_login": (
        "Open de beheerlink die bij het starten van de server is getoond.",
        "Open the admin link that was printed when the server started.",
    ),
    "dashboard": ("Overzicht", "Dashboard"),
    "respondent_link": ("Link voor je team", "Link for your team"),
    "facilitator_link": (
        "Jouw eigen link (deel deze niet)",
        "Your private link (do not share it)",
    ),
    "responses": ("Aantal ingevulde vragenlijsten", "Number of answered questionnaires"),
    "status_open": ("Open", "Open"),
    "status_closed": ("Gesloten", "Closed"),
    "waiting": (
        "Resultaten verschijnen als er {k} mensen hebben geantwoord.",
        "Results appear once {k} people have answered.",
    ),
    "stepped": (
        "De resultaten gaan over de eerste {shown} antwoorden. Ze worden pas bijgewerkt als er "
        "weer {k} nieuwe antwoorden zijn. Zo kun je niet zien wat één persoon invulde.",
        "The results are based on the first {shown} answers. They are updated only when {k} "
        "more answers have come in, so no one can see what a single person answered.",
    ),
    "close": ("Ronde sluiten", "Close round"),
    "reopen": ("Ronde weer openen", "Reopen round"),
    "delete": ("Ronde en alle antwoorden verwijderen", "Delete round and all answers"),
    "delete_confirm": (
        "Typ de naam van de innovatie om te bevestigen",
        "Type the name of the innovation to confirm",
    ),
    "deleted": ("De ronde is verwijderd.", "The round has been deleted."),
    "downloads": ("Downloaden", "Downloads"),
    "download_csv": ("Antwoorden (CSV)", "Answers (CSV)"),
    "download_json": ("Resultaten (JSON)", "Results (JSON)"),
    "download_html": ("Rapport (HTML, af te drukken als PDF)", "Report (HTML, print to PDF)"),
    "earlier": (
        "Vergeleken met de vorige ronde: {name}",
        "Compared with the previous round: {name}",
    ),
    # errors
    "bad_form": (
        "Het formulier is verlopen. Ga terug en probeer het opnieuw.",
        "The form has expired. Go back and try again.",
    ),
    "too_many": (
        "Er komen nu te veel antwoorden tegelijk binnen. Probeer het over een minuut opnieuw.",
        "Too many answers are coming in at once. Try again in a minute.",
    ),
}


def text(key: str, lang: Lang, **values: object) -> str:
    """The string `key` in `lang`, with `{placeholders}` filled in."""
    nl, en = TEXTS[key]
    chosen = nl if lang == "nl" else en
    return chosen.format(**values) if values else chosen
