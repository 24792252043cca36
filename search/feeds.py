"""RSS and Atom feeds of any search: the passages that match it, the newest séance first, to follow a subject."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from council.feeds import date_midday
from search.backends.base import SearchHit, SearchQuery
from search.selectors import hit_deliberation_url, hit_page_url, passages_search, search_followed


class SearchRss(Feed):
    """The search page's parameters (q, collectivite, body, kind, outcome, theme, date_from, date_to); exact words
    always."""

    def get_object(self, request, *args, **kwargs) -> tuple[SearchQuery, str]:
        return search_followed(request.GET)

    def title(self, obj) -> str:
        query, _params = obj
        return _("Recherche « %(text)s »") % {"text": query.text} if query.text else _("Recherche")

    def description(self, obj) -> str:
        return _("Les passages publiés qui répondent à cette recherche, la séance la plus récente d'abord.")

    def link(self, obj) -> str:
        _query, params = obj
        return f"{reverse('search')}?{params}" if params else reverse("search")

    def items(self, obj) -> list[SearchHit]:
        query, _params = obj
        return passages_search(query=query).hits if query.text else []

    def item_title(self, hit: SearchHit) -> str:
        subject = hit.deliberation_objet or hit.heading or hit.document_title
        number = f"{hit.deliberation_number} — " if hit.deliberation_number else ""
        return f"{hit.collectivite} — {number}{subject}"[:300]

    def item_description(self, hit: SearchHit) -> str:
        date = _("séance du %(date)s") % {"date": hit.seance_date.strftime("%d/%m/%Y")} if hit.seance_date else ""
        pages = (_("page %(number)s") % {"number": hit.page_start} if hit.page_start == hit.page_end
                 else _("pages %(start)s à %(end)s") % {"start": hit.page_start, "end": hit.page_end})
        return f"{' · '.join(filter(None, [hit.body, date, hit.document_title, pages]))}\n\n{hit.text[:600]}"

    def item_link(self, hit: SearchHit) -> str:
        return hit_deliberation_url(hit=hit) or hit_page_url(hit=hit)

    def item_guid(self, hit: SearchHit) -> str:
        # Several passages of one délibération share its link: the passage makes each item one of its own.
        return f"{hit_page_url(hit=hit)}#passage-{hit.passage_id}"

    item_guid_is_permalink = False

    def item_pubdate(self, hit: SearchHit) -> datetime.datetime | None:
        return date_midday(hit.seance_date) if hit.seance_date else None


class SearchAtom(SearchRss):
    feed_type = Atom1Feed

    def subtitle(self, obj) -> str:
        return self.description(obj)
