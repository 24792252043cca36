"""RSS and Atom feeds of the latest délibérations and séances (published documents only)."""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext, gettext_lazy as _

from council import selectors

FEED_ITEMS = 50


def date_midday(date: datetime.date) -> datetime.datetime:
    # Séances have a date, feeds want a moment: noon in the portal's time zone.
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(12)))


class DeliberationsRss(Feed):
    title = _("Dernières délibérations")
    description = _("Les délibérations les plus récentes publiées sur le portail.")

    def get_object(self, request):
        # The feed of any selection of the list: a thème, a collectivité, an outcome… (unreadable values dropped).
        return selectors.deliberation_filters_parse(request.GET)[0]

    def link(self, obj):
        query = urlencode({name: value for name, value in vars(obj).items() if value not in ("", None)})
        return reverse("deliberation-list") + (f"?{query}" if query else "")

    def items(self, obj):
        return selectors.deliberation_list(filters=obj)[:FEED_ITEMS]

    def item_title(self, item):
        return f"{item.number} — {item.objet}" if item.number else item.objet

    def item_description(self, item):
        parts = [item.document.body.collectivite.name, item.document.body.name]
        if item.seance:
            parts.append(gettext("séance du %(date)s") % {"date": item.seance.date.strftime("%d/%m/%Y")})
        parts.append(str(item.get_outcome_display()))
        return " — ".join(parts)

    def item_pubdate(self, item):
        return date_midday(item.seance.date) if item.seance else item.document.created_at

    def item_updateddate(self, item):
        return item.document.updated_at


class DeliberationsAtom(DeliberationsRss):
    feed_type = Atom1Feed
    subtitle = DeliberationsRss.description


class SeancesRss(Feed):
    title = _("Dernières séances")
    description = _("Les séances les plus récentes dont un document est publié sur le portail.")

    def link(self):
        return reverse("seance-list")

    def items(self):
        return selectors.seance_list()[:FEED_ITEMS]

    def item_title(self, item):
        return f"{item.body.collectivite.name} — {item.body.name}, {item.date:%d/%m/%Y}"

    def item_description(self, item):
        return str(item.get_kind_display())

    def item_pubdate(self, item):
        return date_midday(item.date)


class SeancesAtom(SeancesRss):
    feed_type = Atom1Feed
    subtitle = SeancesRss.description
