"""Public reads on the council domain: only what belongs to a published document is ever returned."""

from __future__ import annotations

import datetime
import functools
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q, QuerySet
from django.utils.text import slugify
from django.utils.translation import gettext as _

from council.mandates import mandate_end, mandate_start, members_at
from council.matieres import THEMES, theme_of
from council.models import Body, Collectivite, Deliberation, Document, Intervention, Page, Seance
from french.budgets import BudgetAct, budget_act, budget_year, same_budget
from french.cadastre import parcels_named
from french.civilites import CIVILITE_IN_LISTS
from french.dates import MONTHS_PATTERN, dates_named
from french.folding import fold
from french.terms import terms_extract


class FilterInvalid(ValueError):
    """A filter value that cannot be read; the message is French and shown to the user."""


@dataclass(frozen=True)
class SeanceFilters:
    collectivite: str = ""
    body: int | None = None
    year: int | None = None


@dataclass(frozen=True)
class DeliberationFilters:
    collectivite: str = ""
    body: int | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    outcome: str = ""
    theme: str = ""  # level 1 of the ACTES matière (« 7 »), `council.matieres.THEMES`
    q: str = ""


def _int_param(params, name: str, errors: list[str]) -> int | None:
    value = (params.get(name) or "").strip()
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        errors.append(_("« %(name)s » doit être un nombre entier.") % {"name": name})
        return None


def _text_param(params, name: str) -> str:
    """The text of a filter, without NUL: PostgreSQL cannot hold it, and a query that compares with it fails."""
    return (params.get(name) or "").replace("\x00", "").strip()


def _date_param(params, name: str, errors: list[str]) -> datetime.date | None:
    value = (params.get(name) or "").strip()
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        errors.append(_("« %(name)s » doit être une date AAAA-MM-JJ.") % {"name": name})
        return None


def seance_filters_parse(params) -> tuple[SeanceFilters, list[str]]:
    """Filters from a query string; unreadable values are dropped and reported."""
    errors: list[str] = []
    filters = SeanceFilters(
        collectivite=_text_param(params, "collectivite"),
        body=_int_param(params, "body", errors),
        year=_year_param(params, errors),
    )
    return filters, errors


def _year_param(params, errors: list[str]) -> int | None:
    """A year the database can compare dates with (datetime's 1 to 9999: outside, the lookup cannot be built)."""
    year = _int_param(params, "year", errors)
    if year is not None and not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        errors.append(_("« year » doit être une année entre 1 et 9999."))
        return None
    return year


def deliberation_filters_parse(params) -> tuple[DeliberationFilters, list[str]]:
    """Filters from a query string; unreadable values are dropped and reported."""
    errors: list[str] = []
    outcome = (params.get("outcome") or "").strip()
    if outcome and outcome not in Deliberation.Outcome.values:
        errors.append(
            _("« outcome » doit valoir l'une de ces valeurs : %(values)s.")
            % {"values": ", ".join(Deliberation.Outcome.values)}
        )
        outcome = ""
    theme = (params.get("theme") or "").strip()
    if theme and theme not in THEMES:
        errors.append(_("« theme » doit valoir l'un des codes de la nomenclature ACTES : %(values)s.")
                      % {"values": ", ".join(THEMES)})
        theme = ""
    filters = DeliberationFilters(
        collectivite=_text_param(params, "collectivite"),
        body=_int_param(params, "body", errors),
        date_from=_date_param(params, "date_from", errors),
        date_to=_date_param(params, "date_to", errors),
        outcome=outcome,
        theme=theme,
        q=_text_param(params, "q")[:200],
    )
    return filters, errors


def _collectivite_q(prefix: str, value: str) -> Q:
    """A collectivité given by its slug or its id."""
    if value.isdigit():
        return Q(**{f"{prefix}collectivite_id": int(value)})
    return Q(**{f"{prefix}collectivite__slug": value})


def _published_documents() -> QuerySet[Document]:
    return Document.objects.filter(published=True)


def collectivite_list() -> QuerySet[Collectivite]:
    """Collectivités with at least one published document."""
    return Collectivite.objects.filter(Exists(_published_documents().filter(collectivite=OuterRef("pk"))))


def collectivite_unknown(*, name: str) -> str:
    """The French error for a name no collectivité bears, published or not, with the names there are; "" when one
    does (commands take a collectivité by its exact name)."""
    if Collectivite.objects.filter(name=name).exists():
        return ""
    known = ", ".join(f"« {known} »" for known in Collectivite.objects.order_by("name").values_list("name", flat=True))
    return f"Aucune collectivité ne s'appelle « {name} ». Collectivités : {known or 'aucune'}."


def body_list(*, collectivite: str = "") -> QuerySet[Body]:
    """Bodies with at least one published document, optionally of one collectivité."""
    bodies = Body.objects.select_related("collectivite").filter(
        Exists(_published_documents().filter(body=OuterRef("pk")))
    )
    if collectivite:
        bodies = bodies.filter(_collectivite_q("", collectivite))
    return bodies


def seance_list(*, filters: SeanceFilters = SeanceFilters()) -> QuerySet[Seance]:
    """Séances that have at least one published document, latest first."""
    seances = (
        Seance.objects.select_related("body__collectivite")
        .filter(Exists(_published_documents().filter(seance=OuterRef("pk"))))
        .order_by("-date", "body__collectivite__name", "body__name")
    )
    if filters.collectivite:
        seances = seances.filter(_collectivite_q("body__", filters.collectivite))
    if filters.body is not None:
        seances = seances.filter(body_id=filters.body)
    if filters.year is not None:
        seances = seances.filter(date__year=filters.year)
    return seances


def seance_years() -> list[int]:
    """Years that have a visible séance, latest first (for the filter form)."""
    return sorted({date.year for date in seance_list().values_list("date", flat=True)}, reverse=True)


def seance_get(*, pk: int) -> Seance | None:
    """A visible séance with its published documents and their délibérations, or None."""
    return (
        seance_list()
        .prefetch_related(
            Prefetch("documents", queryset=_published_documents().order_by("kind", "title")),
            Prefetch("deliberations", queryset=deliberation_list().order_by("document_id", "position")),
        )
        .filter(pk=pk)
        .first()
    )


def _deliberations_filter(deliberations: QuerySet[Deliberation], filters: DeliberationFilters) -> QuerySet[Deliberation]:
    if filters.collectivite:
        deliberations = deliberations.filter(_collectivite_q("document__", filters.collectivite))
    if filters.body is not None:
        deliberations = deliberations.filter(document__body_id=filters.body)
    if filters.date_from:
        deliberations = deliberations.filter(seance__date__gte=filters.date_from)
    if filters.date_to:
        deliberations = deliberations.filter(seance__date__lte=filters.date_to)
    if filters.outcome:
        deliberations = deliberations.filter(outcome=filters.outcome)
    if filters.theme:
        deliberations = deliberations.filter(matiere__startswith=f"{filters.theme}.")
    if filters.q:
        deliberations = deliberations.filter(Q(objet__unaccent__icontains=filters.q) | Q(number__iexact=filters.q))
    return deliberations


@dataclass(frozen=True)
class ThemeCount:
    code: str  # level 1 of the ACTES matière; "" for the délibérations not classed yet
    name: str
    deliberations: int


def theme_counts(*, filters: DeliberationFilters = DeliberationFilters()) -> list[ThemeCount]:
    """The thèmes of the published délibérations (ACTES level 1), each with how many it holds, in the
    nomenclature's order; those not classed yet last."""
    counted: Counter = Counter()
    rows = deliberation_list(filters=filters).order_by().values("matiere").annotate(count=Count("pk"))
    for row in rows:
        counted[theme_of(row["matiere"])] += row["count"]
    themes = [ThemeCount(code, name, counted[code]) for code, name in THEMES.items() if counted[code]]
    if counted[""]:
        themes.append(ThemeCount("", _("Non classées"), counted[""]))
    return themes


def deliberation_list(*, filters: DeliberationFilters = DeliberationFilters()) -> QuerySet[Deliberation]:
    """Délibérations of published documents, latest séance first."""
    deliberations = (
        Deliberation.objects.select_related("document", "seance", "document__body__collectivite")
        .filter(document__published=True)
        .exclude(same_as__document__published=True)
        .order_by("-seance__date", "document_id", "position")
    )
    return _deliberations_filter(deliberations, filters)


def deliberation_shown_as(*, pk: int) -> int | None:
    """The délibération shown for another printing of the same act (see `Deliberation.same_as`), or None."""
    return (
        Deliberation.objects.filter(pk=pk, document__published=True, same_as__document__published=True)
        .values_list("same_as_id", flat=True)
        .first()
    )


def deliberation_sources(*, deliberation: Deliberation) -> QuerySet[Deliberation]:
    """The other published printings of the act (the procès-verbal, the compte rendu, its own PDF)."""
    return (
        Deliberation.objects.filter(same_as=deliberation, document__published=True)
        .select_related("document")
        .order_by("document__kind", "document_id")
    )


def deliberation_get(*, pk: int) -> Deliberation | None:
    """A délibération of a published document, with its speaker turns and passages, or None."""
    # Passages belong to search, a floor above: read through the relation search declares, never imported.
    passages = Deliberation.passages.rel.related_model.objects
    return (
        deliberation_list()
        .prefetch_related(
            Prefetch("interventions", queryset=Intervention.objects.order_by("position")),
            Prefetch("passages", queryset=passages.order_by("position").only(
                "id", "deliberation_id", "position", "page_start", "page_end", "text"
            )),
        )
        .filter(pk=pk)
        .first()
    )


def document_get_public(*, pk: int) -> Document | None:
    """A published document with its séance, or None."""
    return (
        _published_documents()
        .select_related("seance", "body__collectivite", "collectivite")
        .filter(pk=pk)
        .first()
    )


def document_pages_public(*, document: Document) -> QuerySet[Page]:
    """Pages of a document with only their public (pseudonymised) text loaded."""
    return Page.objects.filter(document=document).order_by("number").only("id", "document_id", "number", "text", "origin")


def document_deliberations(*, document: Document) -> QuerySet[Deliberation]:
    return Deliberation.objects.filter(document=document).order_by("position")


def page_get_public(*, document_pk: int, number: int) -> Page | None:
    """One page of a published document (public text only), or None."""
    return (
        Page.objects.filter(document_id=document_pk, document__published=True, number=number)
        .select_related("document__seance", "document__body__collectivite")
        .defer("raw_text")
        .first()
    )


def document_get_for_original(*, pk: int, user) -> Document | None:
    """The document whose original file this user may download: staff always, the public when published and checked free of personal data."""
    documents = Document.objects.all()
    if not getattr(user, "is_staff", False):
        documents = documents.filter(published=True, personal_data_free=True)
    return documents.filter(pk=pk).first()


def deliberations_for_export(
    *, filters: DeliberationFilters = DeliberationFilters(), published_only: bool = True
) -> QuerySet[Deliberation]:
    """Délibérations for an export in a stable order; unpublished ones only for operators' command."""
    deliberations = Deliberation.objects.select_related("document", "seance", "document__body__collectivite")
    if published_only:
        deliberations = deliberations.filter(document__published=True).exclude(same_as__document__published=True)
    return _deliberations_filter(deliberations, filters).order_by(
        "document__collectivite__name", "seance__date", "document_id", "position"
    )


# The same matter in other séances: another objet of the collectivité that holds at least this share of the
# objet's words, each word weighed by its rarity among the collectivité's objets (« Rockstore » weighs, « subvention »
# hardly). A fixed choice, not fitted: no labelled set of related acts exists to fit it on.
RELATED_SHARE = 0.5
RELATED_MAX = 8
_MASK = re.compile(r"\[[^\]\n]{1,40}\]")


def number_key(number: str) -> str:
    """A délibération's number as it compares: « 2013/260 », « 2013-260 », « N° 43. » are the same number."""
    return re.sub(r"[^0-9a-z]", "", fold(number).lower().replace("n°", ""))


# « Par délibération n°2009/76 du 26 mai 2009, … », « (délibération n°2009/4) »: an act cites another by its number.
_CITED = re.compile(
    r"d[ée]lib[ée]rations?\s+(?:n°|no\b|num[ée]ro)\s*(?P<number>(?:[A-Z]{1,3}[-_ ]?)?[0-9]{2,4}\s*[/\-_.]\s*[0-9]{1,4})",
    re.IGNORECASE,
)


# « Par délibération du 10 mai 2006, la Ville a attribué… », « Vu la délibération du Conseil municipal en date du
# 25 mars 2013 »: an earlier act named by the date of its séance.
_CITED_DATE = re.compile(
    r"d[ée]lib[ée]rations?\s+(?:du\s+(?:conseil|bureau)\s+(?:municipal|communautaire|m[ée]tropolitain)\s+)?"
    rf"(?:en\s+date\s+)?du\s+(?P<date>\d{{1,2}}(?:er)?\s+(?:{MONTHS_PATTERN})\s+\d{{4}})",
    re.IGNORECASE,
)


def objet_terms(objet: str) -> frozenset[str]:
    """The words of an objet that say what it is about; a mask is none of them (the same name may be « [personne 4] »
    in one document, « [personne 43] » in another)."""
    return frozenset(terms_extract(_MASK.sub(" ", objet)))


@dataclass(frozen=True)
class _Objets:
    terms: dict[int, frozenset[str]]  # délibération → the words of its objet (`objet_terms`)
    rarity: dict[str, float]  # word → how rare it is among the collectivité's objets
    budgets: dict[int, tuple[BudgetAct, int]]  # an act of the budget cycle → its budget and the year it runs


@functools.lru_cache(maxsize=16)
def _objets_read(collectivite_id: int, version: tuple) -> _Objets:
    """What the public objets of a collectivité say, in one reading: their terms and the terms' rarity, and the acts
    of its budget cycle (budget primitif, décisions modificatives, accounts), each with the budget it is about and the
    year that budget runs; `version` changes with the rows."""
    name = Collectivite.objects.filter(pk=collectivite_id).values_list("name", flat=True).first() or ""
    ignore = frozenset(terms_extract(name))
    terms, budgets = {}, {}
    rows = deliberation_list().filter(document__collectivite_id=collectivite_id).values_list("pk", "objet", "seance__date")
    for pk, objet, date in rows:
        terms[pk] = objet_terms(objet)
        act = budget_act(objet, ignore=ignore)
        year = budget_year(act, date) if act else None
        if act and year:
            budgets[pk] = (act, year)
    counts: dict[str, int] = {}
    for words in terms.values():
        for term in words:
            counts[term] = counts.get(term, 0) + 1
    rarity = {term: math.log((len(terms) + 1) / (count + 0.5)) for term, count in counts.items()}
    return _Objets(terms=terms, rarity=rarity, budgets=budgets)


@dataclass(frozen=True)
class _References:
    parcels: dict[int, frozenset[str]]  # délibération → the cadastre parcels its text names
    citations: dict[int, frozenset[int]]  # délibération → those it cites by number or that cite it


@functools.lru_cache(maxsize=16)
def _references_read(collectivite_id: int, version: tuple) -> _References:
    """What the texts of a collectivité's public délibérations point at, in one reading of their passages: the
    parcels each names, the délibérations of the same collectivité each cites by number, or by the date of its séance
    (the act of that séance whose objet shares most of the citing one's rarer words), both ways; `version` changes
    with the rows."""
    public = deliberation_list().filter(document__collectivite_id=collectivite_id)
    by_number: dict[str, list[int]] = {}
    by_date: dict[datetime.date, list[int]] = {}
    for pk, number, date in public.values_list("pk", "number", "seance__date"):
        if number:
            by_number.setdefault(number_key(number), []).append(pk)
        if date:
            by_date.setdefault(date, []).append(pk)
    objets = _objets_read(collectivite_id, version)
    passages = Deliberation.passages.rel.related_model.objects.filter(deliberation__in=public, published=True)
    parcels: dict[int, set[str]] = {}
    cited: dict[int, set[int]] = {}

    def cite(pk: int, other: int) -> None:
        if other != pk:
            cited.setdefault(pk, set()).add(other)
            cited.setdefault(other, set()).add(pk)

    for pk, text in passages.values_list("deliberation_id", "text"):
        parcels.setdefault(pk, set()).update(parcels_named(text))
        for match in _CITED.finditer(text):
            for other in by_number.get(number_key(match.group("number")), []):
                cite(pk, other)
        for match in _CITED_DATE.finditer(text):
            named = dates_named(match.group("date"))[0]
            other = _closest_objet(pk, by_date.get(named[0][0], []) if named else [], objets)
            if other is not None:
                cite(pk, other)
    return _References(
        parcels={pk: frozenset(named) for pk, named in parcels.items() if named},
        citations={pk: frozenset(others) for pk, others in cited.items()},
    )


def _closest_objet(pk: int, candidates: list[int], objets: _Objets) -> int | None:
    """Among the acts of a séance, the one whose objet shares most of act `pk`'s objet words (weighed by rarity); None
    when none shares two words and half of RELATED_SHARE: the date alone does not say which act is meant, and an act
    cited by the date of its séance needs half the likeness of an objet found by likeness alone (a fixed choice, like
    it: no labelled set of related acts exists to fit it on)."""
    own = objets.terms.get(pk, frozenset())
    total = sum(objets.rarity.get(term, 0.0) for term in own)
    scored = [(sum(objets.rarity.get(term, 0.0) for term in shared), len(shared), other)
              for other in candidates if other != pk
              for shared in [own & objets.terms.get(other, frozenset())]]
    weight, count, best = max(scored, default=(0.0, 0, None))
    # Two words at least: « Nouveaux temps scolaires » is not the sale of the « ZAC Nouveau Saint-Roch ».
    return best if total and count >= 2 and weight / total >= RELATED_SHARE / 2 else None


def deliberations_related(*, deliberation: Deliberation) -> list[Deliberation]:
    """The public délibérations of the same collectivité, in other séances, that this one cites (by number, or by its
    séance's date) or that cite it, that name a parcel this one names, that act on the same budget in the same year
    (its budget primitif, décisions modificatives, accounts), or whose objet shares most of this one's rarer words: the
    same matter followed through time, oldest first."""
    collectivite_id = deliberation.document.collectivite_id
    public = deliberation_list().filter(document__collectivite_id=collectivite_id)
    version = tuple(public.aggregate(count=Count("pk"), last=Max("pk"), updated=Max("document__updated_at")).values())
    objets = _objets_read(collectivite_id, version)
    references = _references_read(collectivite_id, version)
    own_parcels = references.parcels.get(deliberation.pk, frozenset())
    # An act that cites another by its number continues it; the same parcel sold, then built on, then named: the
    # strongest signs of one matter.
    chosen = sorted(references.citations.get(deliberation.pk, frozenset()))
    chosen += [pk for pk, named in references.parcels.items()
               if pk != deliberation.pk and own_parcels & named and pk not in chosen]
    # The budget primitif of a year, its décisions modificatives and its accounts: one budget followed through it.
    if deliberation.pk in objets.budgets:
        act, year = objets.budgets[deliberation.pk]
        chosen += [pk for pk, (other, other_year) in objets.budgets.items()
                   if pk != deliberation.pk and other_year == year and same_budget(act, other) and pk not in chosen]
    own = objets.terms.get(deliberation.pk) or objet_terms(deliberation.objet)
    rarity = objets.rarity
    total = sum(rarity.get(term, 0.0) for term in own)
    if total:
        scored = sorted(
            ((sum(rarity[term] for term in own & terms) / total, pk) for pk, terms in objets.terms.items()
             if pk != deliberation.pk),
            reverse=True,
        )
        chosen += [pk for share, pk in scored if share >= RELATED_SHARE and pk not in chosen]
    chosen = chosen[: RELATED_MAX * 2]
    if not chosen:
        return []
    related = [d for d in public.filter(pk__in=chosen).exclude(seance_id=deliberation.seance_id)]
    related.sort(key=lambda d: chosen.index(d.pk))
    return sorted(related[:RELATED_MAX], key=_in_time)


def matter_timeline(*, deliberation: Deliberation) -> list[Deliberation]:
    """The délibération among those of the same matter in other séances (`deliberations_related`), oldest first;
    empty when it has none."""
    related = deliberations_related(deliberation=deliberation)
    if not related:
        return []
    return sorted([*related, deliberation], key=_in_time)


def _in_time(deliberation: Deliberation) -> tuple:
    return (deliberation.seance.date if deliberation.seance else datetime.date.min, deliberation.position)


@dataclass(frozen=True)
class YearFigures:
    """What a collectivité's council decided in a year, as its public documents tell (each act counted once)."""

    year: int
    deliberations: int
    unanimous: int
    rejected: int

    @property
    def unanimous_share(self) -> float:
        return self.unanimous / self.deliberations if self.deliberations else 0.0


def collectivite_get(*, slug: str) -> Collectivite | None:
    """A collectivité with at least one published document, or None."""
    return collectivite_list().filter(slug=slug).first()


def collectivite_years(*, collectivite: Collectivite) -> list[YearFigures]:
    """Per year of séance, oldest first: délibérations, how many adopted unanimously, how many rejected."""
    rows = (
        deliberation_list()
        .filter(document__collectivite=collectivite, seance__isnull=False)
        .order_by()
        .values("seance__date__year")
        .annotate(
            total=Count("pk"),
            unanimous=Count("pk", filter=Q(unanimous=True)),
            rejected=Count("pk", filter=Q(outcome=Deliberation.Outcome.REJECTED)),
        )
        .order_by("seance__date__year")
    )
    return [YearFigures(row["seance__date__year"], row["total"], row["unanimous"], row["rejected"]) for row in rows]


# The élus of a collectivité as its minutes name them: the rapporteurs of its délibérations and the speakers of its
# debates, by name (« Philippe SAUREL »); « le Maire » is the mayor the same document names (`Document.presiding`),
# another function without a name (« le premier adjoint ») is nobody's page, and a masked private person
# (« [personne 3] ») never has one.
_CIVILITE_START = re.compile(rf"^\s*{CIVILITE_IN_LISTS}\s+")
_FUNCTION = re.compile(r"\b(?:maire|president|presidente|adjoint|adjointe|rapporteur|secretaire|conseill|vice)", re.I)


_PRESIDING_FUNCTION = re.compile(r"^l[ea]\s+(?:maire|president|presidente)$")


def official_name(printed: str, *, presiding: str = "") -> str:
    """A person's name as printed for a rapporteur or a speaker, without civilité; for « le Maire » (« Madame la
    Présidente »), the mayor or president the document names; "" for any other function or a mask."""
    name = " ".join(_CIVILITE_START.sub("", printed).split())
    if presiding and _PRESIDING_FUNCTION.match(fold(name).lower()):
        return official_name(presiding)
    if "[" in name or len(name.split()) < 2 or _FUNCTION.search(fold(name)):
        return ""
    return name


def rapporteur_person(deliberation: Deliberation) -> str:
    """The délibération's rapporteur as a person (« le Maire » is the mayor its document names), or ""."""
    return official_name(deliberation.rapporteur, presiding=deliberation.document.presiding)


@dataclass(frozen=True)
class Official:
    name: str
    slug: str
    reported: int
    spoke: int


def officials_list(*, collectivite: Collectivite) -> list[Official]:
    """Who reported or spoke in the collectivité's public minutes, most active first."""
    reported: dict[str, int] = {}
    spoke: dict[str, int] = {}
    names: dict[str, str] = {}
    turns = Intervention.objects.filter(document__collectivite=collectivite, document__published=True)
    for counts, printings in (
        (reported, deliberation_list().filter(document__collectivite=collectivite).values_list("rapporteur", "document__presiding")),
        (spoke, turns.values_list("speaker", "document__presiding")),
    ):
        for printed, presiding in printings:
            if name := official_name(printed, presiding=presiding):
                key = slugify(name)
                names.setdefault(key, name)
                counts[key] = counts.get(key, 0) + 1
    officials = [Official(names[key], key, reported.get(key, 0), spoke.get(key, 0)) for key in names if key]
    return sorted(officials, key=lambda o: (-(o.reported + o.spoke), o.name))


def colleagues_named(*, body: Body, day: datetime.date | None, exclude: Document | None = None) -> list[str]:
    """The members of the body on that day, as its other minutes of the same term name them (`council.mandates.
    members_at`): what pseudonymisation needs where a document's own lists do not name one (« M. LEBLANC » in the
    debate of minutes that print no first names). Nothing when the séance's date is unknown."""
    start = mandate_start(day) if day else None
    if start is None:
        return []
    documents = Document.objects.filter(body=body, seance__date__gte=start)
    if end := mandate_end(day):
        documents = documents.filter(seance__date__lt=end)
    if exclude is not None:
        documents = documents.exclude(pk=exclude.pk)
    return members_at(day=day, minutes=documents.order_by("pk").values_list("seance__date", "officials"))


def official_get(*, collectivite: Collectivite, slug: str) -> tuple[Official, list[Deliberation], list[Intervention]] | None:
    """An élu of the collectivité, the délibérations they reported (latest first) and their speaker turns."""
    official = next((o for o in officials_list(collectivite=collectivite) if o.slug == slug), None)
    if official is None:
        return None
    surname = official.name.split()[-1]
    reported = [
        d for d in deliberation_list().filter(Q(rapporteur__icontains=surname) | Q(document__presiding__icontains=surname),
                                              document__collectivite=collectivite)
        if slugify(official_name(d.rapporteur, presiding=d.document.presiding)) == slug
    ]
    turns = [
        turn for turn in Intervention.objects.filter(
            Q(speaker__icontains=surname) | Q(document__presiding__icontains=surname),
            document__collectivite=collectivite, document__published=True,
        ).select_related("deliberation", "document", "document__seance").order_by("-document__seance__date", "position")
        if slugify(official_name(turn.speaker, presiding=turn.document.presiding)) == slug
    ]
    return official, reported, turns


def accuracy_measured() -> dict | None:
    """The answers' accuracy as last measured leave-one-collectivité-out (`settings.ACCURACY_REPORT`, written by
    `manage.py evaluate --loco --accuracy`), in per cent; None when there is no readable report."""
    try:
        report = json.loads(Path(settings.ACCURACY_REPORT).read_text(encoding="utf-8"))
        percent = {key: round(100 * float(report[key])) for key in ("correctness", "citation_precision", "declined", "false_refusals")}
        questions = sum(int(item["questions"]) for item in report["question_sets"])
        return {"measured_on": datetime.date.fromisoformat(report["measured_on"]), "questions": questions,
                "collectivites": int(report["collectivites"]), **percent}
    except (OSError, ValueError, KeyError, TypeError):
        return None

