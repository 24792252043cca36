"""Clerk pages (greffe): send minutes, follow their processing, retry, publish, review what is pseudonymised."""

from __future__ import annotations

import functools

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, TooManyFilesSent
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_POST

from council.models import Document
from council.services import DEFAULT_BODY, body_get_or_create, collectivite_get_or_create
from ingestion import selectors
from ingestion.forms import DeliberationMetadataForm, DocumentFilterForm, MetadataForm, UploadForm
from ingestion.queueing import RetryRefused, document_retry
from ingestion.review import document_redaction_decide
from ingestion.services import (
    ARCHIVE_SUFFIX,
    MetadataRefused,
    OriginalRefused,
    PublicationRefused,
    UploadRejected,
    archive_members,
    document_delete,
    document_metadata_correct,
    document_original_release,
    document_publish,
    document_receive,
)
from privacy.forms import RedactionAddForm, RedactionChangeForm
from privacy.models import Redaction
from privacy.services import document_privacy_review_mark

PAGE_SIZE = 50


def staff_required(view):
    """Anonymous visitors go to the login page; signed-in visitors who are not staff get a 403."""

    @functools.wraps(view)
    @login_required
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_staff:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def upload_too_large_message() -> str:
    return _("Fichier trop volumineux : la limite est de %(limit)d Mo.") % {
        "limit": settings.UPLOAD_MAX_BYTES // (1024 * 1024)
    }


class UploadLimitHandler(FileUploadHandler):
    """Drops a file as soon as it passes UPLOAD_MAX_BYTES, so an oversized upload never reaches the disk.

    The other files of the same request are still received; the names dropped are kept for the clerk.
    """

    def __init__(self, request=None) -> None:
        super().__init__(request)
        self.refused: list[str] = []
        self._received = 0

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self._received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self._received += len(raw_data)
        if self._received > settings.UPLOAD_MAX_BYTES:
            self.refused.append(self.file_name)
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None


def _next_url(request: HttpRequest, default: str) -> str:
    candidate = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return candidate
    return default


@require_GET
@staff_required
def document_list(request: HttpRequest) -> HttpResponse:
    form = DocumentFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    documents = selectors.document_list(status=filters.get("status", ""), collectivite=filters.get("collectivite"))
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "ingestion/document_list.html",
        {
            "form": form,
            "page": page,
            "rows": [(document, selectors.document_progress(document=document)) for document in page],
            "status_counts": selectors.document_status_counts(),
            "query": _query_without_page(request),
        },
    )


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@require_GET
@staff_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_get_for_clerk(pk=pk)
    if document is None:
        raise Http404(_("Document introuvable."))
    return render(
        request,
        "ingestion/document_detail.html",
        {
            "document": document,
            "progress": selectors.document_progress(document=document),
            **selectors.document_contents_count(document=document),
        },
    )


@csrf_exempt  # the CSRF check runs in the view below, once the upload handlers are in place
def document_upload_view(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        # Must be installed before anything reads request.POST, hence csrf_exempt here.
        request.upload_handlers.insert(0, UploadLimitHandler(request))
        try:
            request.POST, request.FILES  # noqa: B018  (parsed here, where a refusal can be explained)
        except TooManyFilesSent:
            return _too_many_files(request)
    return _document_upload(request)


@staff_required
def _too_many_files(request: HttpRequest) -> HttpResponse:
    messages.error(
        request,
        _("Trop de fichiers en un envoi : %(limit)d au plus. Envoyez-les en plusieurs fois.")
        % {"limit": settings.DATA_UPLOAD_MAX_NUMBER_FILES},
    )
    return render(
        request, "ingestion/upload.html", {"form": UploadForm(), "limit_mb": settings.UPLOAD_MAX_BYTES // (1024 * 1024)},
        status=400,
    )


@csrf_protect
@staff_required
def _document_upload(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "ingestion/upload.html", {"form": UploadForm(), "limit_mb": settings.UPLOAD_MAX_BYTES // (1024 * 1024)})
    form = UploadForm(request.POST, request.FILES)
    refused_too_large = next(
        (handler.refused for handler in request.upload_handlers if isinstance(handler, UploadLimitHandler)), []
    )
    if form.is_valid() and not form.cleaned_data["files"] and not refused_too_large:
        form.add_error("files", _("Choisissez au moins un fichier PDF."))
    if not form.is_valid():
        return render(
            request,
            "ingestion/upload.html",
            {"form": form, "limit_mb": settings.UPLOAD_MAX_BYTES // (1024 * 1024)},
            status=400,
        )
    collectivite = form.cleaned_data["collectivite"] or collectivite_get_or_create(
        name=form.cleaned_data["collectivite_new"]
    )
    body = body_get_or_create(collectivite=collectivite, name=form.cleaned_data["body"].strip() or DEFAULT_BODY)
    for name in refused_too_large:
        messages.error(request, _("« %(name)s » refusé : %(reason)s") % {"name": name, "reason": upload_too_large_message()})
    accepted, unsent = 0, 0

    def receive(name: str, source, *, shown: str = "") -> None:
        """One file through the service; `shown`: how the messages name it (« archive.zip › pv.pdf »)."""
        nonlocal accepted, unsent
        shown = shown or name
        try:
            document, created = document_receive(
                source=source,
                original_name=name,
                body=body,
                declared_date=form.cleaned_data["seance_date"],
                uploaded_by=request.user,
            )
        except UploadRejected as error:
            messages.error(request, _("« %(name)s » refusé : %(reason)s") % {"name": shown, "reason": error})
            return
        if created:
            accepted += 1
            document.refresh_from_db(fields=["step"])
            unsent += document.step == Document.Step.UNSENT
        else:
            messages.warning(
                request,
                format_html(
                    _("« {name} » est déjà présent : {link}."),
                    name=shown,
                    link=format_html('<a href="{}">{}</a>', reverse("clerk-document", args=[document.pk]), document),
                ),
            )

    for upload in form.cleaned_data["files"]:
        if not upload.name.lower().endswith(ARCHIVE_SUFFIX):
            receive(upload.name, upload)
            continue
        # A zip archive: each PDF inside it, with its own status.
        try:
            for name, stream, refusal in archive_members(source=upload):
                shown = f"{upload.name} › {name}"
                if stream is None:
                    messages.error(request, _("« %(name)s » refusé : %(reason)s") % {"name": shown, "reason": refusal})
                else:
                    receive(name, stream, shown=shown)
        except UploadRejected as error:
            messages.error(request, _("« %(name)s » refusé : %(reason)s") % {"name": upload.name, "reason": error})
    if accepted:
        messages.success(
            request,
            _("%(count)d fichier(s) reçu(s) et mis en file de traitement pour %(body)s.") % {"count": accepted, "body": body},
        )
    if unsent:
        messages.warning(
            request,
            _(
                "%(count)d fichier(s) enregistré(s) mais pas encore transmis au traitement (file d'attente "
                "indisponible) : l'envoi sera réessayé automatiquement, rien à refaire."
            )
            % {"count": unsent},
        )
    return redirect("clerk-documents")


@require_POST
@staff_required
def document_retry_view(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
    try:
        with transaction.atomic():
            document_retry(document=document)
    except RetryRefused as refusal:
        messages.info(request, str(refusal))
    else:
        messages.success(request, _("« %(document)s » est remis en file de traitement.") % {"document": document})
    return redirect(_next_url(request, reverse("clerk-documents")))


@require_POST
@staff_required
def document_publish_view(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
    return _switch(
        request, field="published", change=lambda on: document_publish(document=document, published=on),
        refused=PublicationRefused, default=reverse("clerk-documents"),
        said={True: _("« %(document)s » est publié."), False: _("« %(document)s » n'est plus publié.")},
        document=document,
    )


def _switch(request: HttpRequest, *, field: str, change, refused: type[Exception], default: str, said: dict,
            document: Document) -> HttpResponse:
    """A clerk's on/off decision on a document (publish, release the original) through its service: the service's
    French refusal, or what was done, then back where the clerk came from."""
    on = request.POST.get(field) == "1"
    try:
        change(on)
    except refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, said[on] % {"document": document})
    return redirect(_next_url(request, default))


@csrf_protect
@staff_required
def document_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: what deleting will remove, and a form to delete or to replace by another file. POST: do it.

    A replacement is received and checked first: refused, it leaves the document as it was."""
    document = get_object_or_404(Document.objects.select_related("collectivite", "body", "seance"), pk=pk)
    context = {"document": document, "deliberation_count": document.deliberations.count(),
               "trash_days": settings.TRASH_RETENTION_DAYS, "limit_mb": settings.UPLOAD_MAX_BYTES // (1024 * 1024)}
    if request.method != "POST":
        return render(request, "ingestion/document_delete.html", context)
    replacement = request.FILES.get("file")
    new_document = None
    if replacement is not None:
        try:
            new_document, _created = document_receive(
                source=replacement, original_name=replacement.name, body=document.body,
                declared_date=document.seance_date_declared, uploaded_by=request.user,
            )
            if new_document.pk == document.pk:
                raise UploadRejected(_("c'est le même fichier que celui à remplacer."))
        except UploadRejected as error:
            messages.error(request, _("« %(name)s » refusé : %(reason)s") % {"name": replacement.name, "reason": error})
            return render(request, "ingestion/document_delete.html", context, status=400)
    name = str(document)
    document_delete(document=document, deleted_by=request.user.get_username())
    if new_document is not None:
        messages.success(request, _("« %(old)s » est remplacé par « %(new)s », mis en file de traitement.")
                         % {"old": name, "new": new_document})
        return redirect("clerk-document", pk=new_document.pk)
    messages.success(request, _("« %(document)s » est supprimé ; son original est gardé %(days)d jours dans la corbeille.")
                     % {"document": name, "days": settings.TRASH_RETENTION_DAYS})
    return redirect("clerk-documents")


@csrf_protect
@staff_required
def document_metadata_view(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the metadata ingestion read (SIRET, séance date, each délibération's number, objet, rapporteur, matière)
    in a form.
    POST: the clerk's corrections, through the service; refused, the form comes back with the French reason."""
    document = get_object_or_404(Document.objects.select_related("collectivite", "body", "seance"), pk=pk)
    data = request.POST if request.method == "POST" else None
    form = MetadataForm(data, initial={"siret": document.collectivite.siret or "",
                                       "seance_date": document.seance.date if document.seance else None})
    rows = [
        (deliberation, DeliberationMetadataForm(data, prefix=f"d{deliberation.pk}", initial={
            "number": deliberation.number, "objet": deliberation.objet, "rapporteur": deliberation.rapporteur,
            "matiere": deliberation.matiere}))
        for deliberation in document.deliberations.order_by("position", "pk")
    ]
    if data is not None and form.is_valid() and all(row_form.is_valid() for _, row_form in rows):
        try:
            changed = document_metadata_correct(
                document=document, siret=form.cleaned_data["siret"], seance_date=form.cleaned_data["seance_date"],
                deliberations={d.pk: row_form.cleaned_data for d, row_form in rows if row_form.has_changed()},
            )
        except MetadataRefused as refusal:
            messages.error(request, str(refusal))
        else:
            if changed:
                messages.success(request, _("Corrigé : %(what)s.") % {"what": ", ".join(changed)})
            else:
                messages.info(request, _("Rien n'a changé."))
            return redirect("clerk-document", pk=document.pk)
    rows_invalid = data is not None and any(row_form.errors for _, row_form in rows)
    return render(request, "ingestion/document_metadata.html",
                  {"document": document, "form": form, "rows": rows, "rows_invalid": rows_invalid},
                  status=400 if data is not None else 200)


@require_POST
@staff_required
def document_original_release_view(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
    return _switch(
        request, field="released", change=lambda on: document_original_release(document=document, released=on),
        refused=OriginalRefused, default=reverse("clerk-document", args=[document.pk]),
        said={True: _("L'original de « %(document)s » est diffusé."),
              False: _("L'original de « %(document)s » n'est plus diffusé.")},
        document=document,
    )


@require_GET
@staff_required
def document_original(request: HttpRequest, pk: int) -> FileResponse:
    """The original file as received, for clerks (the public gets it only when marked free of personal data)."""
    document = get_object_or_404(Document, pk=pk)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404(_("Le fichier original est introuvable.")) from error
    return FileResponse(handle, content_type="application/pdf", filename=document.original_name)


@require_GET
@staff_required
def document_progress_json(request: HttpRequest) -> JsonResponse:
    """State of the listed documents, for static/js/progress.js."""
    ids = [int(part) for part in request.GET.get("ids", "").split(",") if part.strip().isdigit()][:PAGE_SIZE]
    rows = []
    for document in selectors.documents_by_id(ids=ids):
        progress = selectors.document_progress(document=document)
        rows.append(
            {
                "id": document.pk,
                "status": document.status,
                "status_label": document.get_status_display(),
                "step_label": document.get_step_display(),
                "value": progress.value,
                "max": progress.maximum,
                "text": progress.text,
                "error": document.error,
                "finished": document.status in (Document.Status.READY, Document.Status.FAILED),
            }
        )
    return JsonResponse({"documents": rows})


# Review of what is pseudonymised: masks and kept names, the clerk's decisions, and « relu ».


def _review_render(request: HttpRequest, document: Document, *, add_form=None, status: int = 200) -> HttpResponse:
    review = selectors.document_redactions_review(document=document)
    return render(
        request,
        "privacy/redaction_review.html",
        {
            "document": document,
            "masked": review.masked,
            "kept": review.kept,
            "add_form": add_form or RedactionAddForm(),
            "has_pages": review.has_pages,
        },
        status=status,
    )


@require_GET
@staff_required
def redaction_review(request: HttpRequest, pk: int) -> HttpResponse:
    return _review_render(request, get_object_or_404(Document, pk=pk))


@require_POST
@staff_required
def redaction_decide_view(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
    if "redaction" in request.POST:
        form = RedactionChangeForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Décision incomplète : rien n'a été changé."))
            return redirect("clerk-redactions", pk=document.pk)
        redaction = get_object_or_404(Redaction, pk=form.cleaned_data["redaction"], document=document)
        surface, decision = redaction.surface, form.cleaned_data["decision"]
        reason = form.cleaned_data["reason"] or (
            _("masquage levé par un agent") if decision == Redaction.Decision.KEEP else _("masqué par un agent")
        )
    else:
        form = RedactionAddForm(request.POST)
        if not form.is_valid():
            return _review_render(request, document, add_form=form, status=400)
        surface, decision = form.cleaned_data["surface"], Redaction.Decision.REDACT
        reason = form.cleaned_data["reason"] or _("masqué par un agent")
    forms, rebuilt = document_redaction_decide(document=document, surface=surface, decision=decision, reason=reason)
    verb = _("n'est plus masqué") if decision == Redaction.Decision.KEEP else _("est masqué")
    message = _("« %(surface)s » %(verb)s.") % {"surface": surface, "verb": verb}
    if len(forms) > 1:
        message += " " + _("Même décision pour les autres formes de ce nom : %(forms)s.") % {
            "forms": ", ".join(f"« {form} »" for form in forms[1:])
        }
    if rebuilt:
        message += " " + _("Le texte public et la recherche plein texte sont à jour ; "
                           "l'indexation sémantique se met à jour en arrière-plan.")
    else:
        message += " " + _("La décision s'appliquera au traitement du document.")
    messages.success(request, message)
    return redirect("clerk-redactions", pk=document.pk)


@require_POST
@staff_required
def redaction_reviewed_view(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
    document_privacy_review_mark(document=document, reviewer=request.user.get_username())
    messages.success(request, _("« %(document)s » est relu : il peut être publié.") % {"document": document})
    return redirect("clerk-redactions", pk=document.pk)
