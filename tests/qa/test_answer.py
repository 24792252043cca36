"""Extractive answers end to end on the real database: cited, verbatim, checked, or declined with a contact."""

from __future__ import annotations

import datetime
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from qa.models import Feedback, QuestionLog
from qa.services import EXTRACTIVE, question_answer, question_log_record, question_logs_purge
from tests.qa.conftest import passage_create, passages_embed

pytestmark = pytest.mark.django_db


def _valid(answer) -> None:
    """Every [n] names a citation, every citation a published passage, quoted word for word."""
    from search.models import Passage

    numbers = {int(n) for n in __import__("re").findall(r"\[(\d+)\]", answer.text)}
    assert numbers == {c.n for c in answer.citations}
    for citation in answer.citations:
        passage = Passage.objects.get(pk=citation.passage_id, published=True)
        assert citation.page_start == passage.page_start and citation.page_end == passage.page_end
        assert all(part in " ".join(passage.text.split()) for part in citation.quote.split(" … "))


def test_amount_quoted_verbatim_with_its_citation(qa_passages):
    answer = question_answer(question="Quel est le tarif du repas des accueils de loisirs à Pierrefonds ?", mode=EXTRACTIVE)
    assert not answer.abstained, answer.reason
    assert "4,80 €" in answer.text and answer.text.endswith("[1].")
    assert answer.citations[0].passage_id == qa_passages[0].pk
    assert answer.citations[0].pages == [3]
    # The fact first: no preamble naming the séance or the objet.
    assert not answer.text.startswith(("Séance", "Objet"))
    assert answer.card["number"] == "2024-31" and answer.card["outcome"] == "adoptée"
    _valid(answer)


def test_name_answer(qa_passages):
    answer = question_answer(
        question="Qui représente Pierrefonds comme délégué suppléant au Syndicat Mixte Oise Aronde ?", mode=EXTRACTIVE
    )
    assert "Gilles PAPIN" in answer.text
    _valid(answer)


def test_question_naming_a_collectivite_reads_only_its_documents(qa_passages):
    answer = question_answer(question="Combien coûte le repas des accueils de loisirs aux Lisières de l'Oise ?", mode=EXTRACTIVE)
    assert all(c.collectivite == "Communauté de communes des Lisières de l'Oise" for c in answer.citations + answer.closest)
    assert "4,80" not in answer.text


def test_unrelated_question_is_declined_with_closest_documents(qa_passages):
    answer = question_answer(question="Combien de trottinettes électriques en libre-service la ville a-t-elle autorisées ?",
                             mode=EXTRACTIVE)
    assert answer.abstained and answer.text == "" and answer.citations == []
    assert answer.closest


def test_a_question_whose_words_no_passage_prints_is_declined_whatever_the_similarity(qa_passages):
    answer = question_answer(question="Quand le crématorium intercommunal ouvrira-t-il ?", mode=EXTRACTIVE)
    assert answer.abstained and answer.citations == []
    assert answer.reason == "aucun passage trouvé ne contient les mots de la question"


# pierrefonds_mymairie/CM-04-mai-2023.pdf, item 1 (no question set reads this document): page 1 prints the new
# price, page 2 only the debate about it.
_FOYER_OBJET = ("Revalorisation de la tarification dans le cadre de la convention de mise à disposition du Foyer "
                "Napoléon avec l’Office du Tourisme pour l’accueil de groupes")
_FOYER_PRICE = (
    "L’office du tourisme souhaitant augmenter sa tarification de 5€, il est proposé une revalorisation du forfait "
    "« pique-nique » auprès de la commune de 30 € à 35 €.\n"
    "A titre d’information, 37 locations ont eu lieu en 2022 soit 1 110 € de recettes pour la commune."
)
_FOYER_DEBATE = (
    "PAPIN demande le motif de cette augmentation. Mme le Maire répond que c’est un service qui fonctionne\n"
    "extrêmement bien, l’Office du Tourisme souhaite augmenter le tarif et donc la redevance auprès de la commune.\n"
    "Il est proposé aux membres du conseil municipal :\n"
    "- d’approuver la tarification proposée ;\n"
    "- d’autoriser Madame le Maire à signer l’avenant.\n"
    "Vote : pour à l’unanimité"
)
_FOYER_QUESTION = "Quel nouveau tarif la commune de Pierrefonds demande-t-elle à l'Office du Tourisme pour le Foyer Napoléon ?"


def _foyer_passage(*, pages: tuple[int, int], text: str):
    passage = passage_create(collectivite="Commune de Pierrefonds", date="2023-05-04", number="1", objet=_FOYER_OBJET,
                             pages=pages, text=text)
    passages_embed([passage])
    return passage


def test_a_question_asking_for_a_sum_is_declined_when_the_passages_found_print_none():
    _foyer_passage(pages=(2, 2), text=_FOYER_DEBATE)
    answer = question_answer(question=_FOYER_QUESTION, mode=EXTRACTIVE)
    assert answer.abstained and answer.citations == [], answer.text
    assert answer.reason == "les passages trouvés ne donnent pas la valeur demandée"
    assert answer.closest


def test_the_same_question_is_answered_once_the_sum_is_published():
    _foyer_passage(pages=(2, 2), text=_FOYER_DEBATE)
    priced = _foyer_passage(pages=(1, 1), text=_FOYER_PRICE)
    answer = question_answer(question=_FOYER_QUESTION, mode=EXTRACTIVE)
    assert not answer.abstained, answer.reason
    assert "35 €" in answer.text and priced.pk in {c.passage_id for c in answer.citations}


def test_a_question_on_how_a_dated_séance_voted_is_not_answered_by_another_séance():
    # A vote is cast at one séance: the May 2023 vote does not answer for June, and answers for May.
    _foyer_passage(pages=(2, 2), text=_FOYER_DEBATE)
    asked = ("Comment le conseil municipal de Pierrefonds a-t-il voté {} la revalorisation de la tarification du Foyer "
             "Napoléon ?")
    other = question_answer(question=asked.format("en juin 2023"), mode=EXTRACTIVE)
    assert other.abstained and other.citations == [], other.text
    assert other.reason == "les passages trouvés sont d'une autre séance que celle de la question"
    same = question_answer(question=asked.format("en mai 2023"), mode=EXTRACTIVE)
    assert not same.abstained, same.reason
    assert "unanimité" in same.text


def test_a_question_in_english_is_told_to_ask_in_french(qa_passages, client):
    answer = question_answer(question="How much does a meal cost at the Pierrefonds holiday centres?", mode=EXTRACTIVE)
    assert answer.abstained and "en français" in answer.advice and answer.as_json()["advice"] == answer.advice
    assert answer.closest
    french = question_answer(question="Quel est le tarif du repas des accueils de loisirs à Pierrefonds ?", mode=EXTRACTIVE)
    assert french.advice == ""
    page = client.get(reverse("qa-question"), {"q": "How much does a meal cost at the Pierrefonds holiday centres?"})
    assert "répond aux questions posées en français" in page.content.decode()


def test_unpublished_passage_never_cited(qa_passages):
    from tests.qa.conftest import passage_create, passages_embed

    hidden = passage_create(collectivite="Commune de Pierrefonds", date="2016-01-12", number="2016-01",
                            objet="Subvention secrète", pages=(2, 2), published=False,
                            text="La commune verse une subvention de 99 999 euros à l'association secrète.")
    passages_embed([hidden])
    answer = question_answer(question="Quelle subvention secrète la commune de Pierrefonds verse-t-elle ?", mode=EXTRACTIVE)
    assert "99 999" not in answer.text
    assert hidden.pk not in {c.passage_id for c in answer.citations + answer.closest}


def test_question_page_without_javascript(client, qa_passages):
    response = client.get(reverse("qa-question"), {"q": "Combien coûte le repas des accueils de loisirs à Pierrefonds ?"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "4,80 €" in html and "<script" not in html
    # Each [n] links to its source, whose supporting sentence is highlighted.
    assert '<a href="#source-1"' in html and 'id="source-1"' in html and "<mark>" in html
    assert 'lang="fr"' in html and 'for="q"' in html
    assert "Sources citées" in html and "page 3" in html and "Tarif du repas des accueils de loisirs" in html
    assert "assemblees@mairie.example.fr" in html  # the human contact, with every answer


def test_declined_page_offers_the_configured_contact(client, qa_passages, settings):
    settings.CONTACT_SERVICE = "Service accueil de la mairie"
    settings.CONTACT_FORM_URL = "https://mairie.example.org/ecrire"
    response = client.get(reverse("qa-question"), {"q": "Quel est le prix d'un ticket de bus à l'unité ?"})
    html = response.content.decode()
    assert "ne permettent pas de répondre" in html
    assert "Service accueil de la mairie" in html and "https://mairie.example.org/ecrire" in html


def test_ask_api_shape(client, qa_passages):
    question = "Quel montant d'aide la CC des Lisières de l'Oise attribue-t-elle à la société LA COTE A L'OS ?"
    response = client.post(reverse("api-ask"), data=json.dumps({"question": question}), content_type="application/json")
    body = response.json()
    assert response.status_code == 200
    assert body["abstained"] is False and "1 800 €" in body["answer"]
    citation = body["citations"][0]
    assert set(citation) >= {"n", "deliberation", "document", "pages", "quote", "url"}
    assert citation["n"] == 1 and citation["pages"] == [7] and citation["deliberation"].startswith("2025-41")
    assert "1 800 €" in citation["quote"]
    assert body["deliberation"]["number"] == "2025-41" and body["deliberation"]["seance_date"] == "2025-09-25"


@pytest.mark.parametrize("payload", [b"not json", b"{}", json.dumps({"question": 3}).encode(), json.dumps({"question": "x" * 600}).encode()])
def test_ask_api_rejects_bad_input(client, payload):
    response = client.post(reverse("api-ask"), data=payload, content_type="application/json")
    assert response.status_code == 400 and "error" in response.json()


def test_rate_limit_per_client(client, qa_passages, settings):
    from django.core.cache import cache

    cache.clear()
    settings.ASK_RATE_LIMIT_PER_MINUTE = 2
    url = reverse("api-ask")
    data = json.dumps({"question": "prix du repas des accueils de loisirs"})
    codes = [client.post(url, data=data, content_type="application/json", REMOTE_ADDR="10.0.0.1").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    other = client.post(url, data=data, content_type="application/json", REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 200
    cache.clear()


def test_question_log_keeps_no_name_no_address_and_expires(client, qa_passages, settings):
    settings.QUESTION_LOG_RETENTION_DAYS = 30
    client.get(reverse("qa-question"), {"q": "Pourquoi Madame Germaine VASSEUR a-t-elle obtenu une aide ?"},
               REMOTE_ADDR="192.0.2.7", HTTP_USER_AGENT="Navigateur-Test/1.0")
    log = QuestionLog.objects.get()
    assert "VASSEUR" not in log.question and "Germaine" not in log.question
    assert "[personne 1]" in log.question
    stored = json.dumps([str(getattr(log, f.attname)) for f in QuestionLog._meta.fields])
    assert "192.0.2.7" not in stored and "Navigateur-Test" not in stored
    assert abs((log.expires_at - log.answered_at) - datetime.timedelta(days=30)) < datetime.timedelta(minutes=1)


def test_purge_removes_expired_logs_and_their_feedback(qa_passages):
    answer = question_answer(question="prix du repas des accueils de loisirs", mode=EXTRACTIVE)
    old, recent = question_log_record(answer=answer), question_log_record(answer=answer)
    QuestionLog.objects.filter(pk=old.pk).update(expires_at=timezone.now() - datetime.timedelta(days=1))
    Feedback.objects.create(question_log=old, useful=True)
    assert question_logs_purge() == 1
    assert list(QuestionLog.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not Feedback.objects.exists()
    call_command("purge_question_logs")
    assert QuestionLog.objects.count() == 1


def test_celery_beat_purges_the_logs_every_day(qa_passages, settings):
    # Logs expire by themselves, not only when someone thinks of running the command.
    from config.celery import app
    from qa.tasks import question_logs_purge_task

    entry = settings.CELERY_BEAT_SCHEDULE["question-logs-purge"]
    assert entry["task"] in app.tasks and entry["schedule"] <= 24 * 3600
    answer = question_answer(question="prix du repas des accueils de loisirs", mode=EXTRACTIVE)
    old = question_log_record(answer=answer)
    QuestionLog.objects.filter(pk=old.pk).update(expires_at=timezone.now() - datetime.timedelta(days=1))
    assert question_logs_purge_task.apply().get() == 1 and not QuestionLog.objects.exists()


def test_feedback_from_the_page(client, qa_passages):
    page = client.get(reverse("qa-question"), {"q": "prix du repas des accueils de loisirs à Pierrefonds"}).content.decode()
    token = page.split('name="token" value="')[1].split('"')[0]
    response = client.post(reverse("qa-feedback"), {"token": token, "useful": "0", "comment": "Réponse incomplète, signé Jean DUPONT"})
    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert feedback.useful is False and "DUPONT" not in feedback.comment
    assert client.post(reverse("qa-feedback"), {"token": "falsifié", "useful": "1"}).status_code == 302
    assert Feedback.objects.count() == 1


def test_openapi_describes_ask(client):
    schema = client.get(reverse("api-openapi")).json()
    assert "post" in schema["paths"]["/api/v1/ask"]
    assert "AskAnswer" in schema["components"]["schemas"]


def test_a_declined_question_names_the_words_the_minutes_searched_never_print(qa_passages, client):
    # Pierrefonds' minutes (the fixture's lines) price a meal, never mention a swimming pool: the citizen is told
    # which of the question's words they do not contain, to try another; not the town's name (the search's filter),
    # not its verb, not a name in title case (a private person's is masked in every published text).
    answer = question_answer(question="Quand la piscine Jean Bouin de Pierrefonds a-t-elle été rénovée ?", mode=EXTRACTIVE)
    assert answer.abstained
    assert answer.advice == (
        "Les comptes rendus publiés consultés (Commune de Pierrefonds) ne contiennent pas le mot « piscine » : essayez "
        "un autre mot pour la même chose, ou posez votre question à la collectivité."
    )
    assert answer.as_json()["advice"] == answer.advice
    page = client.get(reverse("qa-question"), {"q": "Quand la piscine Jean Bouin de Pierrefonds a-t-elle été rénovée ?"})
    assert "ne contiennent pas le mot « piscine »" in page.content.decode()
    answered = question_answer(question="Quel est le tarif du repas des accueils de loisirs à Pierrefonds ?", mode=EXTRACTIVE)
    assert not answered.abstained and answered.advice == ""
