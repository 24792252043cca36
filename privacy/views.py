"""The public image of a document's page, every masked text under a black box."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from council import selectors
from privacy.rendering import PageRenderUnavailable, page_image_render, page_masked_text, page_text_image
from privacy.services import document_privacy_flag, mask_unplaced_reason


@require_safe
def document_page_image(request, pk: int, number: int):
    page = selectors.page_get_public(document_pk=pk, number=number)
    if page is None:
        raise Http404(_("Page introuvable."))
    try:
        path = page_image_render(document=page.document, page_number=number)
    except PageRenderUnavailable:
        # Showing the page unmasked is never an option: its public text is drawn instead, and a clerk
        # is asked to look at the document again.
        document_privacy_flag(document=page.document, reason=mask_unplaced_reason(page_number=number))
        masked = page_masked_text(document=page.document, text=page.text)
        response = HttpResponse(page_text_image(text=masked), content_type="image/png")
        response["Cache-Control"] = "no-store"
        return response
    response = FileResponse(open(path, "rb"), content_type="image/png")
    # Only a published page gets here; a short lifetime, so that a shared cache forgets a page soon after it is
    # unpublished or its masking changes.
    response["Cache-Control"] = "public, max-age=300"
    return response
