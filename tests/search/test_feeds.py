"""The feeds of a search (RSS and Atom): the published passages matching its words, newest séance first, with
the search page's filters; nothing unpublished; linked from the search page."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

ATOM = "{http://www.w3.org/2005/Atom}"


def test_an_atom_feed_of_a_search_newest_first_and_published_only(client, passages):
    response = client.get(reverse("search-feed-atom"), {"q": "tarifs", "mode": "semantic"})
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert "tarifs" in feed.find(f"{ATOM}title").text
    entries = feed.findall(f"{ATOM}entry")
    titles = [entry.find(f"{ATOM}title").text for entry in entries]
    # Exact words whatever the mode asked, the newest séance first; the unpublished « tarifs secrets » never.
    assert len(titles) == 2
    assert "Piscine olympique d'Antigone" in titles[0] and "Tarifs de la restauration scolaire" in titles[1]
    assert "secret" not in response.content.decode()
    piscine = next(p for p in passages if p.heading.startswith("V2021-301"))
    assert entries[0].find(f"{ATOM}link").get("href").endswith(reverse("deliberation-detail", args=[piscine.deliberation_id]))
    assert entries[0].find(f"{ATOM}published").text.startswith("2021-10-05")


def test_an_rss_feed_keeps_the_filters_and_orders_by_date(client, passages):
    response = client.get(reverse("search-feed-rss"), {"q": "Montpellier OR Chéméré OR subvention OR tarifs OR plan"})
    items = ET.fromstring(response.content).findall("channel/item")
    dates = [item.find("pubDate").text for item in items]
    assert len(items) >= 3
    years = [int(date.split()[3]) for date in dates]
    assert years == sorted(years, reverse=True)
    montpellier = [p.collectivite_id for p in passages if p.collectivite.name == "Montpellier"][0]
    response = client.get(reverse("search-feed-rss"), {"q": "tarifs OR subvention", "collectivite": montpellier})
    descriptions = [item.find("title").text for item in ET.fromstring(response.content).findall("channel/item")]
    assert descriptions and all(title.startswith("Montpellier — ") for title in descriptions)


def test_the_search_page_links_its_feeds(client, passages):
    page = client.get(reverse("search"), {"q": "piscine"}).content.decode()
    assert f'{reverse("search-feed-atom")}?q=piscine' in page and f'{reverse("search-feed-rss")}?q=piscine' in page


@pytest.mark.parametrize("query", [{}, {"q": ""}, {"q": "zzzzqqq"}])
def test_a_feed_without_a_match_is_an_empty_feed(client, passages, query):
    response = client.get(reverse("search-feed-atom"), query)
    assert response.status_code == 200 and ET.fromstring(response.content).findall(f"{ATOM}entry") == []
