"""Admin of what the pipeline carries through: documents (publish, withdraw, retry) and the séances and bodies
whose correction must reach the passages. The same services as the clerk pages."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from council.models import Body, Document, Seance
from ingestion.queueing import RetryRefused, document_retry
from ingestion.services import (
    OriginalRefused,
    PublicationRefused,
    document_delete,
    document_original_release,
    document_publish,
    documents_metadata_sync,
)


class _DocumentsMetadataSync:
    """A corrected body or séance reaches the passages of its documents (the pipeline's sync)."""

    @transaction.atomic
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change:
            documents_metadata_sync(documents=obj.documents.select_related("seance"))


@admin.register(Body)
class BodyAdmin(_DocumentsMetadataSync, admin.ModelAdmin):
    list_display = ["name", "collectivite"]
    list_filter = ["collectivite"]
    search_fields = ["name", "collectivite__name"]
    list_select_related = ["collectivite"]


@admin.register(Seance)
class SeanceAdmin(_DocumentsMetadataSync, admin.ModelAdmin):
    list_display = ["date", "body", "kind"]
    list_filter = ["kind", "body__collectivite"]
    search_fields = ["body__name", "body__collectivite__name"]
    date_hierarchy = "date"
    list_select_related = ["body__collectivite"]
    autocomplete_fields = ["body"]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "collectivite", "body", "seance", "kind", "status", "step", "published", "page_count", "created_at"]
    list_filter = ["status", "published", "kind", "step", "collectivite"]
    search_fields = ["title", "original_name", "source_path", "sha256"]
    list_select_related = ["collectivite", "body", "seance"]
    date_hierarchy = "created_at"
    autocomplete_fields = ["collectivite", "body", "seance"]
    actions = ["publish", "unpublish", "retry", "original_release", "original_withhold"]
    # The original file is the legal record, and processing state belongs to the pipeline.
    readonly_fields = [
        "clerk_page", "file", "sha256", "original_name", "source_path", "size_bytes", "page_count",
        "status", "step", "pages_done", "pages_total", "error", "published", "personal_data_free", "uploaded_by",
        "created_at", "updated_at",
    ]
    fields = [
        "clerk_page", "title", "collectivite", "body", "seance", "seance_date_declared", "kind", "personal_data_free",
        "published", "status", "step", "error", "file", "original_name", "source_path", "sha256", "size_bytes",
        "page_count", "pages_done", "pages_total", "uploaded_by", "created_at", "updated_at",
    ]

    @admin.display(description=_("espace greffe"))
    def clerk_page(self, obj: Document) -> str:
        if not obj.pk:
            return "—"
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("clerk-document", args=[obj.pk]), _("suivi du traitement"),
            reverse("clerk-redactions", args=[obj.pk]), _("anonymisation"),
        )

    @transaction.atomic
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change:
            documents_metadata_sync(documents=[obj])

    # Deleting here is the clerk's delete: the passages' copy in a search engine goes too, the original to the trash
    # (a row deleted alone would leave the text searchable there and the original out of the trash's retention).
    # Passages and masks cannot be deleted alone in the admin; with their document, through the service, they can.
    def get_deleted_objects(self, objs, request):
        deleted, counts, _rows_alone, protected = super().get_deleted_objects(objs, request)
        return deleted, counts, set(), protected

    def delete_model(self, request, obj):
        document_delete(document=obj, deleted_by=request.user.get_username())

    def delete_queryset(self, request, queryset):
        for document in queryset:
            document_delete(document=document, deleted_by=request.user.get_username())

    @admin.action(description=_("Publier les documents sélectionnés (traitement terminé)"))
    def publish(self, request, queryset):
        ready, refused = [], []
        for document in queryset.filter(status=Document.Status.READY, published=False):
            try:
                ready.append(document_publish(document=document, published=True))
            except PublicationRefused as refusal:
                refused.append(str(refusal))
        for message in refused:
            self.message_user(request, message, messages.WARNING)
        skipped = queryset.exclude(status=Document.Status.READY).count()
        self.message_user(request, ngettext("%d document publié.", "%d documents publiés.", len(ready)) % len(ready))
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%d document non publié : son traitement n'est pas terminé.",
                    "%d documents non publiés : leur traitement n'est pas terminé.",
                    skipped,
                ) % skipped,
                messages.WARNING,
            )

    @admin.action(description=_("Dépublier les documents sélectionnés"))
    def unpublish(self, request, queryset):
        published = list(queryset.filter(published=True))
        for document in published:
            document_publish(document=document, published=False)
        self.message_user(
            request, ngettext("%d document dépublié.", "%d documents dépubliés.", len(published)) % len(published)
        )

    @admin.action(description=_("Diffuser l'original des documents sélectionnés (publiés et relus)"))
    def original_release(self, request, queryset):
        released = []
        for document in queryset.filter(personal_data_free=False):
            try:
                released.append(document_original_release(document=document, released=True))
            except OriginalRefused as refusal:
                self.message_user(request, str(refusal), messages.WARNING)
        self.message_user(
            request, ngettext("%d original diffusé.", "%d originaux diffusés.", len(released)) % len(released)
        )

    @admin.action(description=_("Ne plus diffuser l'original des documents sélectionnés"))
    def original_withhold(self, request, queryset):
        withheld = [document_original_release(document=document, released=False)
                    for document in queryset.filter(personal_data_free=True)]
        self.message_user(
            request, ngettext("%d original retiré.", "%d originaux retirés.", len(withheld)) % len(withheld)
        )

    @admin.action(description=_("Relancer le traitement des documents en échec"))
    def retry(self, request, queryset):
        requeued = []
        with transaction.atomic():
            for document in queryset.filter(status=Document.Status.FAILED):
                try:
                    requeued.append(document_retry(document=document))
                except RetryRefused as refusal:  # taken up by a worker since the list was shown
                    self.message_user(request, str(refusal), messages.WARNING)
        self.message_user(
            request, ngettext("%d document remis en file.", "%d documents remis en file.", len(requeued)) % len(requeued)
        )
