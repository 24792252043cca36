"""Passages in the admin, read-only: they are rebuilt from the documents, never edited by hand."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from search.models import Passage


@admin.register(Passage)
class PassageAdmin(admin.ModelAdmin):
    list_display = ["document", "position", "page_start", "page_end", "published", "embedded"]
    list_filter = ["published", "document_kind", "collectivite"]
    search_fields = ["text", "heading"]
    list_select_related = ["document"]
    fields = ["document", "deliberation", "position", "page_start", "page_end", "heading", "text", "published",
              "collectivite", "body", "seance_date", "document_kind", "outcome", "embedded"]
    readonly_fields = fields

    @admin.display(boolean=True, description=_("vecteur calculé"))
    def embedded(self, obj: Passage) -> bool:
        return obj.embedding is not None

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
