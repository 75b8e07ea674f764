"""Pydantic models of the knowledge: categories, determinants, items, strategies and links.

Every model is frozen and forbids unknown keys, so a typo in a YAML file is an error, not a
silently ignored field. Cross-references (a determinant's category, a link's determinant) are
checked by the loader, which sees the whole catalogue.
"""

from functools import cached_property
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, Strict, StringConstraints, model_validator

from implementatie.knowledge.text import Lang, NonEmptyStr, Text

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
"""A stable identifier: lower-case letters, digits and underscores, starting with a letter."""

CategoryId = Literal["innovatie", "uitvoerder", "organisatie", "sociaal-politieke-omgeving"]
CATEGORY_IDS: tuple[CategoryId, ...] = (
    "innovatie",
    "uitvoerder",
    "organisatie",
    "sociaal-politieke-omgeving",
)

Level = Literal["individual", "team", "organisation", "system"]
Effort = Literal["low", "medium", "high"]
EFFORT_ORDER: dict[Effort, int] = {"low": 1, "medium": 2, "high": 3}
Weight = Annotated[int, Strict(), Field(ge=1, le=3)]
EricNumber = Annotated[int, Strict(), Field(ge=1, le=73)]

Basis = Literal[
    "cfir_eric_matching",
    "intervention_mapping_method",
    "tno_tool_example",
    "dutch_guideline_or_study",
    "practice_judgement",
]
"""What a link rests on: published expert matching of ERIC strategies to barriers (CFIR-ERIC),
a behaviour change method for this determinant (Intervention Mapping, Kok et al. 2016), the
worked example of TNO's Implementatietool, a cited Dutch guideline or study, or the judgement
of practice, stated as such."""
BASES: tuple[Basis, ...] = (
    "cfir_eric_matching",
    "intervention_mapping_method",
    "tno_tool_example",
    "dutch_guideline_or_study",
    "practice_judgement",
)
CITED_BASES: frozenset[Basis] = frozenset(
    {"cfir_eric_matching", "tno_tool_example", "dutch_guideline_or_study"}
)
"""Bases that must name their source on the link."""


class Model(BaseModel):
    """Base for all knowledge models: immutable, no unknown keys."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Category(Model):
    """One of MIDI's four groups of determinants."""

    id: CategoryId
    name: Text
    description: Text


class ResponseOption(Model):
    """One answer option of a response format.

    `score` places the option on the common 1–5 scale (1 = most negative about the
    innovation's use, 5 = most positive); a "don't know" option has no score.
    """

    code: int
    label: Text
    score: Annotated[int, Strict(), Field(ge=1, le=5)] | None = None
    dont_know: bool = False

    @model_validator(mode="after")
    def _score_or_dont_know(self) -> Self:
        if self.dont_know == (self.score is not None):
            raise ValueError("an option has either a score (1-5) or `dont_know: true`, not both")
        return self


class ResponseFormat(Model):
    """A response scale shared by items, such as 5-point agreement."""

    id: Slug
    name: Text
    options: Annotated[tuple[ResponseOption, ...], Field(min_length=2)]

    @model_validator(mode="after")
    def _unique_codes(self) -> Self:
        codes = [option.code for option in self.options]
        if len(set(codes)) != len(codes):
            raise ValueError(f"option codes must be unique, got {codes}")
        return self

    def option(self, code: int) -> ResponseOption | None:
        """The option with this code, if any."""
        return next((o for o in self.options if o.code == code), None)

    def options_text(self, lang: Lang) -> str:
        """The options as a person reads them in a message: `1 (Totally disagree), 2 (…)`."""
        return ", ".join(f"{o.code} ({o.label.in_(lang)})" for o in self.options)


class Item(Model):
    """One questionnaire item.

    Most determinants have one item. Subjective norm has a pair of sub-items per referent
    (manager, colleagues, clients): `referent` names the referent, and `motivation: true`
    marks the sub-item asking how much the respondent cares about that referent's opinion.
    """

    id: Slug
    text: Text
    format: Slug
    reversed: bool = False
    referent: Slug | None = None
    motivation: bool = False

    @model_validator(mode="after")
    def _motivation_needs_referent(self) -> Self:
        if self.motivation and self.referent is None:
            raise ValueError("a motivation sub-item needs a `referent`")
        return self


class Determinant(Model):
    """A MIDI determinant with its questionnaire item(s)."""

    id: Slug
    number: Annotated[int, Strict(), Field(ge=1)]
    category: CategoryId
    name: Text
    description: Text
    items: Annotated[tuple[Item, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _referent_pairs(self) -> Self:
        referents = {item.referent for item in self.items if item.referent}
        for referent in sorted(referents):
            statements = [i for i in self.items if i.referent == referent and not i.motivation]
            if len(statements) != 1:
                raise ValueError(
                    f"referent {referent!r} needs exactly one statement sub-item "
                    f"(found {len(statements)})"
                )
        return self


class QuestionnaireText(Model):
    """Texts that frame the questionnaire as a whole."""

    title: Text
    introduction: Text
    not_applicable: Text


class Cluster(Model):
    """A group of related strategies (an ERIC cluster, a group of behaviour change methods…)."""

    id: Slug
    name: Text
    source: NonEmptyStr


class EricReference(Model):
    """A strategy's ERIC number with the ERIC name, checked against the ERIC list."""

    number: Annotated[int, Strict(), Field(ge=1)]
    name: NonEmptyStr


class Link(Model):
    """A strategy addresses a determinant, with a weight and the reason why.

    weight: 3 = a first choice for this determinant, 2 = strong, 1 = supportive.
    top: the link's place (1–3) in the curated top 3 of the determinant; only for weight 3.
    basis: what the link rests on (see `Basis`); `source` cites it where the basis needs one.
    """

    determinant: Slug
    weight: Weight
    top: Annotated[int, Strict(), Field(ge=1, le=3)] | None = None
    rationale: Text
    basis: Basis
    source: NonEmptyStr | None = None

    @model_validator(mode="after")
    def _top_needs_weight_3(self) -> Self:
        if self.top is not None and self.weight != 3:
            raise ValueError("`top` is only allowed on a link with weight 3")
        if self.basis in CITED_BASES and self.source is None:
            raise ValueError(f"a link with basis {self.basis!r} needs a `source` that cites it")
        return self


class Strategy(Model):
    """An implementation strategy with its sources and its links to determinants."""

    id: Slug
    name: Text
    description: Text
    cluster: Slug
    level: Level
    effort: Effort
    eric: tuple[EricReference, ...] = ()
    adapts: tuple[EricNumber, ...] = ()
    """ERIC numbers this strategy adapts or bundles, without being that ERIC strategy itself."""
    methods: tuple[NonEmptyStr, ...] = ()
    references: tuple[NonEmptyStr, ...] = ()
    conditions: Text | None = None
    links: Annotated[tuple[Link, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _sourced_and_linked_once(self) -> Self:
        if not (self.eric or self.methods or self.references):
            raise ValueError("a strategy needs a source: `eric`, `methods` or `references`")
        both = sorted(set(self.adapts) & set(self.eric_numbers))
        if both:
            raise ValueError(f"ERIC {both} is in both `eric` and `adapts`; keep it in one")
        if len(set(self.adapts)) != len(self.adapts):
            raise ValueError(f"`adapts` lists an ERIC number twice: {list(self.adapts)}")
        targets = [link.determinant for link in self.links]
        twice = sorted({t for t in targets if targets.count(t) > 1})
        if twice:
            raise ValueError(f"links to the same determinant more than once: {', '.join(twice)}")
        return self

    @property
    def eric_numbers(self) -> tuple[int, ...]:
        """The ERIC numbers of this strategy (empty if it is not an ERIC strategy)."""
        return tuple(ref.number for ref in self.eric)

    @property
    def eric_crosswalk(self) -> tuple[int, ...]:
        """Every ERIC number this strategy maps to: the ones it is, then the ones it adapts."""
        return (*self.eric_numbers, *self.adapts)

    @cached_property
    def _links_by_determinant(self) -> dict[str, Link]:
        return {link.determinant: link for link in self.links}

    def link(self, determinant: str) -> Link | None:
        """The link to `determinant` (an id), if any."""
        return self._links_by_determinant.get(determinant)


class Retired(Model):
    """An id removed from the catalogue, with the ids that replace it."""

    id: Slug
    edition: Annotated[int, Strict(), Field(ge=1)]
    replaced_by: Annotated[tuple[Slug, ...], Field(min_length=1)]
    reason: Text


class EricStrategy(Model):
    """A fact from the ERIC compilation (Powell 2015) with its cluster and ratings (Waltz 2015)."""

    number: Annotated[int, Strict(), Field(ge=1, le=73)]
    name: NonEmptyStr
    cluster: NonEmptyStr
    importance: Annotated[float, Field(ge=1, le=5)] | None = None
    feasibility: Annotated[float, Field(ge=1, le=5)] | None = None
    go_zone: Literal["I", "II", "III", "IV"] | None = None
    """Quadrant in Waltz 2015's go-zone plot; I = above average on importance and feasibility."""
    rating_source: str | None = None


class BehaviourChangeMethod(Model):
    """A method from the Intervention Mapping taxonomy (Kok 2016), by name and determinant group."""

    name: NonEmptyStr
    group: NonEmptyStr
