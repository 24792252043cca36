"""Admin of the council domain that no correction carries further: collectivités and délibérations.

Documents, séances and bodies are in `ingestion.admin`: publishing, retrying and correcting them go through the pipeline."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from council.models import Collectivite, Deliberation


@admin.register(Collectivite)
class CollectiviteAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Deliberation)
class DeliberationAdmin(admin.ModelAdmin):
    list_display = ["number", "short_objet", "seance", "outcome", "unanimous", "votes_for", "votes_against", "votes_abstention"]
    list_filter = ["outcome", "unanimous", "seance__body__collectivite"]
    search_fields = ["number", "objet", "rapporteur"]
    list_select_related = ["seance__body"]
    raw_id_fields = ["document", "seance"]

    @admin.display(description=_("objet"))
    def short_objet(self, obj: Deliberation) -> str:
        return obj.objet[:120]
