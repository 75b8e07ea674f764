"""suggest(): from a sticky note to the determinants it most likely means."""

from __future__ import annotations

import sys

import pytest

from implementatie import InvalidOption, MissingExtra, suggest
from implementatie.advice.cue_matching import LENGTH_RATIO, CueIndex, alike, stemmer
from implementatie.advice.intake import CLEAR, LIKENESS_WEIGHT, Suggestion, read_notes
from implementatie.errors import CatalogError, ImplementatieError
from implementatie.knowledge.cues import CueLexicon, DeterminantCues, WordClass, load_cues
from implementatie.knowledge.example_notes import ExampleNotes, NotesByLanguage

NO_EXAMPLES = ExampleNotes(examples={})
"""For tests of the cue rules alone."""


def ids(text: str, **options: object) -> list[str]:
    [note] = suggest(text, **options).notes  # type: ignore[arg-type]
    return [s.determinant.id for s in note.suggestions]


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("die nieuwe registratie kost ons uren", "time_available"),
        ("ik durf dat gesprek met ouders nog niet aan", "self_efficacy"),
        ("Het MT heeft hier nog niks over besloten", "formal_ratification"),
        ("we hebben een personeelstekort", "staff_capacity"),
        ("Nobody gives us any feedback", "performance_feedback"),
    ],
)
def test_typical_notes_find_their_determinant_in_the_top_3(note: str, expected: str) -> None:
    assert expected in ids(note)


def test_a_note_off_topic_gets_no_clear_determinant() -> None:
    [note] = suggest("de koffie is op").notes
    assert not note.clear
    assert note.suggestions == ()


def test_matched_words_are_the_notes_own_words() -> None:
    [note] = suggest("Het MT heeft niks besloten").notes
    first = note.suggestions[0]
    assert first.determinant.id == "formal_ratification"
    assert set(first.matched) <= {"Het", "MT", "heeft", "niks", "besloten"}
    assert "MT" in first.matched


def test_several_notes_keep_their_order_and_the_result_is_deterministic() -> None:
    notes = ["geen tijd", "koffie", "MT besluit niets"]
    first = suggest(notes)
    assert [n.text for n in first.notes] == notes
    assert suggest(notes) == first


def test_top_limits_the_suggestions_and_must_be_positive() -> None:
    assert len(ids("die nieuwe registratie kost ons uren", top=1)) == 1
    with pytest.raises(InvalidOption, match="top"):
        suggest("geen tijd", top=0)


def test_lang_limits_the_cues_to_one_language() -> None:
    assert ids("we hebben geen tijd", lang="nl", examples=NO_EXAMPLES) == ["time_available"]
    assert ids("we hebben geen tijd", lang="en", examples=NO_EXAMPLES) == []
    with pytest.raises(InvalidOption, match="lang"):
        suggest("geen tijd", lang="de")  # type: ignore[arg-type]


def test_typos_and_compounds_are_matched_through_the_cue_words() -> None:
    assert "complexity" in ids("het formulier is echt ingewikeld")  # one letter missing
    assert "financial_resources" in ids("de subsidei stopt")  # two letters swapped
    assert ids("personeelstekort") == ["staff_capacity"]


def test_words_with_the_same_stem_count_only_when_they_look_alike() -> None:
    # Snowball turns both "overheid" and "over" into "over"
    assert alike("overheid", "overheid", "over")
    assert not alike("over", "overheid", "over")
    assert alike("pays", "pay", "pay")  # a short inflection
    assert not alike("als", "alles", "al")  # stems shorter than 4 need near-equal words
    assert alike("tijd", "tijden", "tijd")
    # the length rule at its boundary: 11 of 20 letters is LENGTH_RATIO, 10 of 20 is below
    assert LENGTH_RATIO == 0.55
    assert alike("abcdefghijk", "abcdefghijklmnopqrst", "abcd")
    assert not alike("abcdefghij", "abcdefghijklmnopqrst", "abcd")
    assert not alike("xbcdefghijk", "abcdefghijklmnopqrst", "abcd")  # other first letters


def lexicon(**cues: DeterminantCues) -> CueLexicon:
    return CueLexicon(cues=cues)


def test_clear_needs_a_best_score_of_at_least_clear(catalog) -> None:
    tiny = lexicon(time_available=DeterminantCues(nl=("tijd",), weak=("druk",)))
    assert CLEAR == 0.8
    assert ids("tijd", catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES) == [
        "time_available"
    ]  # 1.0
    assert ids("werktijd", catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES) == [
        "time_available"
    ]  # 0.8
    assert (
        ids("druk", catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES) == []
    )  # a weak cue only: 0.5


def test_multi_word_cues_allow_two_words_in_between(catalog) -> None:
    tiny = lexicon(time_available=DeterminantCues(nl=("geen tijd",)))
    notes = ["geen tijd", "geen extra tijd", "geen echt extra tijd", "geen een twee drie tijd"]
    found = suggest(notes, catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES).notes
    scores = [note.suggestions[0].matched if note.clear else None for note in found]
    assert scores[:3] == [("geen", "tijd")] * 3
    # three words in between: only "tijd" from the determinant's own description (0.25)
    assert scores[3] is None


def test_niet_may_stand_anywhere_in_a_dutch_cue(catalog) -> None:
    tiny = lexicon(outcome_expectations=DeterminantCues(nl=("helpt niet",)))
    for note in ["het helpt niet", "ik denk dat het niet helpt"]:
        assert ids(note, catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES) == [
            "outcome_expectations"
        ]


def test_missing_intake_extra_is_a_clear_error(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "snowballstemmer", None)
    with pytest.raises(MissingExtra, match=r"implementatie\[intake\]"):
        CueIndex("nl", [])


def test_read_notes_skips_blank_lines(tmp_path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("geen tijd\n\n  MT besluit niets  \n", encoding="utf-8")
    assert read_notes(path) == ["geen tijd", "MT besluit niets"]
    with pytest.raises(ImplementatieError, match=r"cannot read .*missing\.txt: file not found"):
        read_notes(tmp_path / "missing.txt")
    with pytest.raises(ImplementatieError, match="this is a folder, not a file"):
        read_notes(tmp_path)
    (tmp_path / "latin.txt").write_bytes(b"caf\xe9\n")
    with pytest.raises(ImplementatieError, match="not UTF-8 text; save it as UTF-8"):
        read_notes(tmp_path / "latin.txt")


def test_notebook_display_shows_notes_and_suggestions() -> None:
    shown = suggest(["MT besluit niets", "koffie"])._repr_html_()
    assert "formal_ratification" in shown
    assert "Geen duidelijke determinant." in shown


def test_typo_rules_at_their_length_boundaries(catalog) -> None:
    tiny = lexicon(
        material_resources=DeterminantCues(nl=("traag", "laptop")),
        time_available=DeterminantCues(nl=("tijd",)),
    )

    def found(note: str) -> list[str]:
        return ids(note, catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES, lang="nl")

    assert found("traeg") == ["material_resources"]  # 5 letters: one changed letter
    assert found("lapop") == []  # 5 letters: a dropped letter is not corrected
    assert found("lapttop") == ["material_resources"]  # 7 letters: an added letter is
    assert found("tijk") == []  # 4 letters: never corrected ...
    assert found("tijt") == ["time_available"]  # ... except a final t for d (see below)
    assert found("rtaag") == []  # the first letter must be right


def test_wrong_arguments_are_invalid_options() -> None:
    with pytest.raises(InvalidOption, match="text"):
        suggest(5)  # type: ignore[arg-type]


def test_final_d_and_t_are_swapped_only_into_a_cue_word(catalog) -> None:
    tiny = lexicon(
        time_available=DeterminantCues(nl=("tijd",)),
        knowledge=DeterminantCues(nl=("weet",)),
    )
    assert ids("tijt", catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES, lang="nl") == [
        "time_available"
    ]
    assert ids("weed", catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES, lang="nl") == [
        "knowledge"
    ]
    assert ids("tijs", catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES, lang="nl") == []
    assert (
        ids("tijt", catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES, lang="en") == []
    )  # Dutch only
    [note] = suggest("tijt", catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES, lang="nl").notes
    assert note.suggestions[0].score == 0.8  # a slip counts as an indirect match


@pytest.mark.parametrize(
    ("note", "cue"),
    [
        ("het helpt niet", "helpen"),  # stem + t
        ("ze haakt af", "haken"),  # double vowel back to one: haak → haken
        ("hij vult het in", "vullen"),  # double consonant: vul → vullen
        ("ik durft het", "durven"),  # f → v
        ("zij leest het", "lezen"),  # s → z
        ("het doet pijn", "doen"),  # doe + n
    ],
)
def test_dutch_present_tense_finds_the_infinitive_cue(catalog, note, cue) -> None:
    tiny = lexicon(outcome_expectations=DeterminantCues(nl=(cue,)))
    assert ids(note, catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES, lang="nl") == [
        "outcome_expectations"
    ]


def test_separable_verbs_join_within_reach(catalog) -> None:
    tiny = lexicon(client_cooperation=DeterminantCues(nl=("ouders haken af", "meedoen")))

    def found(note: str) -> list[str]:
        return ids(note, catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES, lang="nl")

    assert found("ouders haken af") == ["client_cooperation"]
    assert found("ouders afhaken") == ["client_cooperation"]  # the cue joined: afhaken
    assert found("ouders haken na twee lange sessies al af") == ["client_cooperation"]
    assert found("ouders haakt af") == ["client_cooperation"]
    assert found("om af te haken, ouders") == []  # `af te haken` joins, but `ouders` is after
    assert found("de gezinnen doen goed mee") == ["client_cooperation"]
    assert found("ze doet mee") == ["client_cooperation"]
    assert found("mee") == []
    # the particle 7 words after the verb is out of reach (PARTICLE_REACH = 6)
    assert found("ouders haken een twee drie vier vijf zes af") == []
    assert found("ouders haken een twee drie vier vijf af") == ["client_cooperation"]


def test_slots_expand_to_every_word_of_their_class(catalog) -> None:
    tiny = CueLexicon(
        classes={"clients": WordClass(nl=("ouders", "hulpverlener"), en=("parents",))},
        cues={
            "client_satisfaction": DeterminantCues(nl=("{clients} blij",), en=("{clients} happy",))
        },
    )
    assert list(tiny.expand("{clients} blij", "nl")) == ["ouders blij", "hulpverlener blij"]
    assert ids("ouders zijn blij", catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES) == [
        "client_satisfaction"
    ]
    assert ids("parents are happy", catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES) == [
        "client_satisfaction"
    ]
    assert (
        ids("parents are blij", catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES, lang="nl")
        == []
    )
    # a compound ending in a class word counts as that word (0.8): schuldhulpverlener
    [note] = suggest(
        "schuldhulpverlener blij", catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES, lang="nl"
    ).notes
    assert note.suggestions[0].score == 0.8
    assert (
        ids(
            "hulpverlenerschap blij", catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES, lang="nl"
        )
        == []
    )


def test_an_unknown_slot_is_located(tmp_path, catalog) -> None:
    path = tmp_path / "cues.yaml"
    path.write_text(
        "classes: {clients: {nl: [ouders]}}\n"
        "cues:\n  client_satisfaction:\n    nl: [ouders blij, '{client} blij']\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogError, match=r"cues.yaml:4:.*unknown word class \{client\}"):
        load_cues(path, catalog=catalog)


def test_a_sentence_frame_reaches_four_words_a_plain_phrase_two(catalog) -> None:
    tiny = CueLexicon(
        classes={"clients": WordClass(nl=("jongeren",))},
        cues={
            "client_satisfaction": DeterminantCues(nl=("{clients} leuk",)),
            "complexity": DeterminantCues(nl=("veel schermen",)),
        },
    )

    def found(note: str) -> list[str]:
        return ids(note, catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES, lang="nl")

    assert found("jongeren vinden de app echt leuk") == ["client_satisfaction"]  # 4 between
    assert found("jongeren vinden de nieuwe app echt leuk") == []  # 5 between
    assert found("veel te veel schermen") == ["complexity"]  # 2 between
    assert found("veel en nog meer schermen") == []  # 3 between


def test_a_word_with_or_without_on_or_un_counts_for_the_same_cue(catalog) -> None:
    tiny = lexicon(
        self_efficacy=DeterminantCues(nl=("onzeker",), en=("clear",)),
        complexity=DeterminantCues(nl=("duidelijk",)),
    )
    assert ids(
        "ik voel me zeker", catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES, lang="nl"
    ) == ["self_efficacy"]
    assert ids("onduidelijk", catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES, lang="nl") == [
        "complexity"
    ]
    assert ids("unclear", catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES, lang="en") == [
        "self_efficacy"
    ]
    assert (
        ids("onclear", catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES, lang="en") == []
    )  # Dutch prefix only
    [note] = suggest("zeker", catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES, lang="nl").notes
    assert note.suggestions[0].score == 0.8


def test_a_cue_in_capitals_needs_capitals_in_the_note(catalog) -> None:
    tiny = lexicon(material_resources=DeterminantCues(en=("IT", "laptop")))
    assert ids(
        "the IT is down", catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES, lang="en"
    ) == ["material_resources"]
    assert ids("it is down", catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES, lang="en") == []
    assert ids(
        "my LAPTOP broke", catalog=catalog, lexicon=tiny, examples=NO_EXAMPLES, lang="en"
    ) == ["material_resources"]  # a lower-case cue matches either


def examples(off_topic: tuple[str, ...] = (), **notes: tuple[str, ...]) -> ExampleNotes:
    filler = {"knowledge": NotesByLanguage(nl=tuple(f"woord{n} ander{n}" for n in range(40)))}
    by_key = {key: NotesByLanguage(nl=texts) for key, texts in notes.items()}
    return ExampleNotes(examples=by_key | filler, off_topic=NotesByLanguage(nl=off_topic))


def test_a_note_like_an_example_scores_likeness_weight_times_its_likeness(catalog) -> None:
    alike = examples(time_available=("agenda zit propvol",))

    def first(text: str) -> Suggestion:
        [note] = suggest(text, catalog=catalog, lexicon=lexicon(), examples=alike).notes
        return note.suggestions[0]

    assert first("agenda zit propvol").score == LIKENESS_WEIGHT
    assert first("agenda zit propvol").matched == ("agenda", "zit", "propvol")
    # a word no example has is no evidence either way
    assert first("mijn agenda zit propvol").score == LIKENESS_WEIGHT
    partly = first("agenda propvol")
    assert partly.determinant.id == "time_available"
    assert CLEAR < partly.score < LIKENESS_WEIGHT
    assert partly.matched == ("agenda", "propvol")


def test_likeness_adds_to_the_cues_of_the_same_determinant(catalog) -> None:
    tiny = lexicon(time_available=DeterminantCues(nl=("propvol",)))
    alike = examples(time_available=("agenda zit propvol",))
    [note] = suggest("agenda zit propvol", catalog=catalog, lexicon=tiny, examples=alike).notes
    assert note.suggestions[0].score == 1 + LIKENESS_WEIGHT


def test_a_note_closer_to_an_off_topic_example_gets_no_determinant(catalog) -> None:
    tiny = lexicon(material_resources=DeterminantCues(nl=("kantoor", "laptops")))
    off = examples(off_topic=("parkeren bij kantoor",))
    [note] = suggest("parkeren bij kantoor", catalog=catalog, lexicon=tiny, examples=off).notes
    assert not note.clear  # off-topic 3.0 against material resources 1.0
    # two cues (2.0) against an off-topic example that shares one word of three
    [note] = suggest("kantoor zonder laptops", catalog=catalog, lexicon=tiny, examples=off).notes
    assert [s.determinant.id for s in note.suggestions] == ["material_resources"]


def test_equal_likeness_to_off_topic_and_a_determinant_keeps_the_determinant(catalog) -> None:
    both = examples(time_available=("agenda zit propvol",), off_topic=("agenda zit propvol",))
    [note] = suggest("agenda zit propvol", catalog=catalog, lexicon=lexicon(), examples=both).notes
    assert [s.determinant.id for s in note.suggestions] == ["time_available"]


def test_lang_limits_the_examples_to_one_language(catalog) -> None:
    alike = examples(time_available=("agenda zit propvol",))
    options = {"catalog": catalog, "lexicon": lexicon(), "examples": alike}
    assert ids("agenda zit propvol", lang="nl", **options) == ["time_available"]
    assert ids("agenda zit propvol", lang="en", **options) == []


def test_the_dutch_stems_are_snowball_3s() -> None:
    # Snowball 2's Dutch stemmer (kept in 3 as `dutch_porter`) gives `aangenom`: the lexicon, the
    # examples and the measured accuracy assume Snowball 3.
    assert stemmer("nl")("aangenomen") == "aannoom"
    assert stemmer("en")("aangenomen") == "aangenomen"
