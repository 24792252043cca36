"""Redactions in the admin, read-only: a decision changes public text, so it goes through the review page."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from privacy.models import Redaction


@admin.register(Redaction)
class RedactionAdmin(admin.ModelAdmin):
    list_display = ["surface", "kind", "decision", "source", "reason", "document", "review_link"]
    list_filter = ["decision", "source", "kind"]
    search_fields = ["surface", "reason", "document__title", "document__original_name"]
    list_select_related = ["document"]

    @admin.display(description=_("revue"))
    def review_link(self, obj: Redaction) -> str:
        return format_html('<a href="{}">{}</a>', reverse("clerk-redactions", args=[obj.document_id]), _("modifier"))

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
