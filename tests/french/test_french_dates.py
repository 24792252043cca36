"""french.dates: month and weekday names read and written (named apart from tests/ingestion/test_dates.py)."""

from __future__ import annotations

import datetime
import re

import pytest

from french.dates import MONTH_NAMES, MONTHS, MONTHS_PATTERN, WEEKDAY_NAMES, date_words, dates_named, years_of_horizon
from french.folding import fold, fold_keep_offsets

# montpellier_opendata/proces_verbaux/PV_CM_07_02_2011.pdf, page 2
CONVOQUE = "Convoqué le mardi 1er février 2011, le Conseil Municipal "  # (the line goes on)
# chemere_regardscitoyens/pdf/CM 16 novembre 2010.pdf, page 5
PROCHAINE = "Prochaine réunion de conseil reportée au mercredi 22 décembre 2010 à 20 heures. "
# couthenans/CR_reunion_20210604.pdf, page 6
LOI = "Hélène a évoqué la Loi du 30 janv. 2020 protégeant le « Patrimoine sensoriel des campagnes » • voir "


def test_months_read_folded_names_and_abbreviations():
    assert [MONTHS[fold(name)] for name in MONTH_NAMES] == list(range(1, 13))
    match = re.search(r"(\d+) (\w+)\.? (\d{4})", fold_keep_offsets(LOI))
    assert MONTHS[match.group(2)] == 1 and match.group(3) == "2020"
    assert MONTHS[re.search(r"\d+ (\w+) \d{4}", fold_keep_offsets(PROCHAINE)).group(1)] == 12


def test_months_pattern_reads_names_with_or_without_accents():
    day_month = re.compile(rf"\b\d{{1,2}}(?:er)? (?:{MONTHS_PATTERN}) \d{{4}}")
    assert day_month.search(PROCHAINE).group(0) == "22 décembre 2010"
    assert day_month.search(fold(PROCHAINE)).group(0) == "22 decembre 2010"
    assert day_month.search(CONVOQUE).group(0) == "1er février 2011"
    assert day_month.search(LOI) is None  # abbreviations are not in the pattern


def test_date_words_as_minutes_print_them():
    assert date_words(datetime.date(2011, 2, 1), weekday=True) in CONVOQUE
    assert date_words(datetime.date(2010, 12, 22), weekday=True) in PROCHAINE
    assert date_words(datetime.date(2010, 12, 22)) == "22 décembre 2010"
    assert WEEKDAY_NAMES[datetime.date(2011, 2, 1).weekday()] == "mardi"


D = datetime.date


@pytest.mark.parametrize(
    ("text", "periods", "years"),
    [
        ("Qu'a voté le conseil en juin 2014 ?", [(D(2014, 6, 1), D(2014, 6, 30))], set()),
        ("lors du conseil municipal d’avril 2014", [(D(2014, 4, 1), D(2014, 4, 30))], set()),
        ("la séance du 1er mars 2019", [(D(2019, 3, 1), D(2019, 3, 1))], set()),
        ("le 31 février 2019", [(D(2019, 2, 1), D(2019, 2, 28))], set()),  # no such day: the month stays
        ("choisie fin 2021", [(D(2021, 9, 1), D(2021, 12, 31))], set()),
        ("attribués début 2013", [(D(2013, 1, 1), D(2013, 4, 30))], set()),
        ("au printemps 2020", [(D(2020, 3, 1), D(2020, 6, 30))], set()),
        ("Le budget primitif 2012 adopté en DÉCEMBRE 2011", [(D(2011, 12, 1), D(2011, 12, 31))], {2012}),
        ("en 2013", [], {2013}),
        ("les 12 000 euros de la ligne 2500", [], set()),
        ("", [], set()),
    ],
)
def test_dates_named(text, periods, years):
    assert dates_named(text) == (tuple(periods), frozenset(years))


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # couthenans/CR_reunion_20220624.pdf
        ("le départ à la retraite d’une population importante d’ici 2024", {2024}),
        # montpellier_opendata/proces_verbaux/PV_CM_09_05_2011.pdf
        ("ce classement a été prorogé jusqu’en 2011.", {2011}),
        ("d’atteinte du bon état des eaux et du milieu d’ici 2015 pour le cours d’eau de la Mosson", {2015}),
        # chemere_regardscitoyens/pdf/CM 18 janvier 2011.pdf
        ("bibliothèque depuis le 1er avril 2010, pour un loyer mensuel de 135,00 €.", {2010}),
        # A year that dates what was done is no horizon.
        ("Le budget primitif 2012 adopté en DÉCEMBRE 2011", set()),
    ],
)
def test_years_of_horizon(text, years):
    assert years_of_horizon(text) == frozenset(years)
