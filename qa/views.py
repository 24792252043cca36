"""Question page (works without JavaScript), POST /api/v1/ask, feedback; rate limited per client."""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.html import escape
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from config.ratelimit import client_rate_exceeded as rate_limit_exceeded
from qa.models import QuestionLog
from qa.services import (
    LLM,
    Answer,
    contact_get,
    feedback_record,
    mode_default,
    question_answer,
    question_answer_stream,
    question_log_record,
)
from search.query import query_clean

QUESTION_MAX_CHARS = 500
STREAM_SLOT = "<!--answer-stream-->"
_FEEDBACK_SALT = "qa.feedback"
FEEDBACK_TOKEN_MAX_AGE = 24 * 3600


def client_rate_exceeded(request: HttpRequest) -> bool:
    """Per-client budget of questions a minute (config.ratelimit: hashed address, fails open)."""
    return rate_limit_exceeded(request, scope="qa", limit=settings.ASK_RATE_LIMIT_PER_MINUTE)


def _too_many(request: HttpRequest, *, api: bool) -> HttpResponse:
    message = "Trop de questions en une minute : merci de patienter un instant."
    if api:
        response = JsonResponse({"error": message}, status=429)
    else:
        response = render(request, "qa/question.html", {"question": "", "error": message}, status=429)
    response["Retry-After"] = "60"
    return response


def _feedback_token(log: QuestionLog) -> str:
    return signing.dumps(log.pk, salt=_FEEDBACK_SALT)


@require_GET
def question_page(request: HttpRequest) -> HttpResponse:
    question = query_clean(request.GET.get("q", ""))[:QUESTION_MAX_CHARS]
    if not question:
        return render(request, "qa/question.html", {"question": ""})
    if client_rate_exceeded(request):
        return _too_many(request, api=False)
    if mode_default() == LLM:
        return _question_page_streamed(request, question)
    answer = question_answer(question=question)
    log = question_log_record(answer=answer)
    return render(request, "qa/question.html", _answer_context(answer, log))


def _answer_context(answer: Answer, log: QuestionLog | None) -> dict:
    return {
        "question": answer.question,
        "answer": answer,
        "feedback_token": _feedback_token(log) if log else "",
    }


def _question_page_streamed(request: HttpRequest, question: str) -> StreamingHttpResponse:
    """LLM mode: the page arrives in pieces, each checked sentence as soon as it is written (no script needed)."""
    page = render_to_string("qa/question.html", {"question": question, "streaming": True}, request=request)
    head, _, tail = page.partition(STREAM_SLOT)

    def chunks():
        yield head
        for event in question_answer_stream(question=question):
            if isinstance(event, Answer):
                log = question_log_record(answer=event)
                context = _answer_context(event, log)
                yield render_to_string("qa/_answer_end.html", context, request=request)
            else:
                yield f'<span class="answer-sentence">{escape(event.text)}</span>\n'
        yield tail

    response = StreamingHttpResponse(chunks(), content_type="text/html; charset=utf-8")
    response["X-Accel-Buffering"] = "no"
    return response


@require_POST
def feedback_submit(request: HttpRequest) -> HttpResponse:
    try:
        log_id = signing.loads(request.POST.get("token", ""), salt=_FEEDBACK_SALT, max_age=FEEDBACK_TOKEN_MAX_AGE)
        log = QuestionLog.objects.get(pk=log_id, feedback__isnull=True)
    except (signing.BadSignature, QuestionLog.DoesNotExist):
        messages.error(request, "Cet avis ne peut plus être enregistré (question trop ancienne).")
        return redirect("qa-question")
    useful = request.POST.get("useful")
    if useful not in ("1", "0"):
        messages.error(request, "Indiquez si la réponse vous a été utile.")
        return redirect("qa-question")
    feedback_record(question_log=log, useful=useful == "1", comment=request.POST.get("comment", "")[:2000])
    messages.success(request, "Merci pour votre avis.")
    return redirect("qa-question")


@csrf_exempt
@require_POST
def ask_api(request: HttpRequest) -> JsonResponse:
    """POST {"question": "…"} → {answer, citations: [{n, deliberation, document, pages, quote, url}], abstained}."""
    if client_rate_exceeded(request):
        return _too_many(request, api=True)
    try:
        payload = json.loads(request.body or b"{}")
    except (json.JSONDecodeError, UnicodeDecodeError):
        return JsonResponse({"error": "Corps JSON invalide."}, status=400)
    question = payload.get("question") if isinstance(payload, dict) else None
    if not isinstance(question, str) or not query_clean(question):
        return JsonResponse({"error": "Le champ « question » (texte) est obligatoire."}, status=400)
    if len(question) > QUESTION_MAX_CHARS:
        return JsonResponse({"error": f"Question trop longue ({QUESTION_MAX_CHARS} caractères au plus)."}, status=400)
    answer = question_answer(question=question)
    log = question_log_record(answer=answer)
    body = answer.as_json()
    body["feedback_token"] = _feedback_token(log)
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})


@csrf_exempt
@require_POST
def feedback_api(request: HttpRequest) -> JsonResponse:
    """POST {"feedback_token": "…", "useful": true, "comment": "…"}."""
    try:
        payload = json.loads(request.body or b"{}")
        token = str(payload.get("feedback_token", ""))
        # Single use (one opinion per answer) and expiring.
        log = QuestionLog.objects.get(
            pk=signing.loads(token, salt=_FEEDBACK_SALT, max_age=FEEDBACK_TOKEN_MAX_AGE), feedback__isnull=True
        )
    except (json.JSONDecodeError, UnicodeDecodeError, AttributeError, signing.BadSignature, QuestionLog.DoesNotExist):
        return JsonResponse({"error": "Jeton d'avis invalide ou expiré."}, status=400)
    if not isinstance(payload.get("useful"), bool):
        return JsonResponse({"error": "Le champ « useful » (booléen) est obligatoire."}, status=400)
    comment = payload.get("comment") if isinstance(payload.get("comment"), str) else ""
    feedback_record(question_log=log, useful=payload["useful"], comment=comment[:2000])
    return JsonResponse({"ok": True, "contact": contact_get()})
