"""The bundled MIDI determinants: the facts of Fleuren et al. 2014, complete and bilingual."""

from __future__ import annotations

from collections import Counter

# id, number and category as in shared/reference/midi-determinants.md
REFERENCE = [
    (1, "procedural_clarity", "innovatie"),
    (2, "correctness", "innovatie"),
    (3, "completeness", "innovatie"),
    (4, "complexity", "innovatie"),
    (5, "compatibility", "innovatie"),
    (6, "observability", "innovatie"),
    (7, "relevance_for_client", "innovatie"),
    (8, "personal_benefits", "uitvoerder"),
    (9, "outcome_expectations", "uitvoerder"),
    (10, "professional_obligation", "uitvoerder"),
    (11, "client_satisfaction", "uitvoerder"),
    (12, "client_cooperation", "uitvoerder"),
    (13, "social_support", "uitvoerder"),
    (14, "descriptive_norm", "uitvoerder"),
    (15, "subjective_norm", "uitvoerder"),
    (16, "self_efficacy", "uitvoerder"),
    (17, "knowledge", "uitvoerder"),
    (18, "awareness_of_content", "uitvoerder"),
    (19, "formal_ratification", "organisatie"),
    (20, "replacement_when_staff_leave", "organisatie"),
    (21, "staff_capacity", "organisatie"),
    (22, "financial_resources", "organisatie"),
    (23, "time_available", "organisatie"),
    (24, "material_resources", "organisatie"),
    (25, "coordinator", "organisatie"),
    (26, "unrest_in_organisation", "organisatie"),
    (27, "information_accessible", "organisatie"),
    (28, "performance_feedback", "organisatie"),
    (29, "legislation_and_regulations", "sociaal-politieke-omgeving"),
]


def test_29_determinants_match_the_reference(catalog) -> None:
    assert [(d.number, d.id, d.category) for d in catalog.determinants] == REFERENCE


def test_category_sizes(catalog) -> None:
    sizes = Counter(d.category for d in catalog.determinants)
    assert sizes == {
        "innovatie": 7,
        "uitvoerder": 11,
        "organisatie": 10,
        "sociaal-politieke-omgeving": 1,
    }
    assert [c.id for c in catalog.categories] == [
        "innovatie",
        "uitvoerder",
        "organisatie",
        "sociaal-politieke-omgeving",
    ]


def test_ids_numbers_and_items_unique(catalog) -> None:
    assert len({d.id for d in catalog.determinants}) == 29
    assert len({d.number for d in catalog.determinants}) == 29
    items = [i.id for d in catalog.determinants for i in d.items]
    assert len(items) == len(set(items))


def test_response_formats_as_in_midi(catalog) -> None:
    yes_no = {19, 20, 25}
    for determinant in catalog.determinants:
        formats = {i.format for i in determinant.items}
        if determinant.number in yes_no:
            assert formats == {"yes_no_dont_know"}
        elif determinant.id == "descriptive_norm":
            assert formats == {"colleague_share"}
        else:
            assert formats == {"agreement"}


def test_reversed_items_are_the_negatively_worded_ones(catalog) -> None:
    reversed_items = {i.id for d in catalog.determinants for i in d.items if i.reversed}
    assert reversed_items == {"q04", "q26", "q08c"}  # complexity, unrest, personal drawbacks


def test_subjective_norm_has_a_pair_per_referent(catalog) -> None:
    items = catalog.determinant("subjective_norm").items
    referents = Counter(i.referent for i in items)
    assert referents == {"manager": 2, "colleagues": 2, "clients": 2}
    assert sum(i.motivation for i in items) == 3


def test_every_text_is_present_in_both_languages(catalog) -> None:
    texts = []
    for d in catalog.determinants:
        texts += [d.name, d.description, *(i.text for i in d.items)]
    for c in catalog.categories:
        texts += [c.name, c.description]
    for f in catalog.response_formats:
        texts += [f.name, *(o.label for o in f.options)]
    for text in texts:
        assert text.nl.strip() and text.en.strip()
        assert text.nl != text.en or len(text.nl) < 12  # translated, not copied


def test_agreement_scale_runs_from_negative_to_positive(catalog) -> None:
    scores = [o.score for o in catalog.response_format("agreement").options]
    assert scores == [1, 2, 3, 4, 5]
