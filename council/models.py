"""Council domain: collectivités, bodies, séances, documents and what ingestion extracts from them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from council.matieres import MATIERES, THEMES, theme_of


class Collectivite(models.Model):
    name = models.CharField(_("nom"), max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    # SCDL exports require it; left empty until a clerk enters it (exports then leave the column empty).
    siret = models.CharField(_("SIRET"), max_length=14, null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("collectivité")

    def __str__(self) -> str:
        return self.name


class Body(models.Model):
    """An assembly that deliberates: conseil municipal, conseil communautaire…"""

    collectivite = models.ForeignKey(Collectivite, on_delete=models.PROTECT, related_name="bodies")
    name = models.CharField(_("nom"), max_length=200)

    class Meta:
        ordering = ["collectivite__name", "name"]
        constraints = [models.UniqueConstraint(fields=["collectivite", "name"], name="body_unique_name")]
        verbose_name = _("instance")

    def __str__(self) -> str:
        return f"{self.name} — {self.collectivite}"


class Seance(models.Model):
    class Kind(models.TextChoices):
        ORDINAIRE = "ordinaire", _("ordinaire")
        EXTRAORDINAIRE = "extraordinaire", _("extraordinaire")

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="seances")
    date = models.DateField(_("date"))
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.ORDINAIRE)

    class Meta:
        ordering = ["-date"]
        constraints = [models.UniqueConstraint(fields=["body", "date"], name="seance_unique_date")]
        verbose_name = _("séance")

    def __str__(self) -> str:
        return f"{self.body.name}, {self.date:%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse("seance-detail", args=[self.pk])


class Document(models.Model):
    class Kind(models.TextChoices):
        PROCES_VERBAL = "proces_verbal", _("procès-verbal")
        COMPTE_RENDU = "compte_rendu", _("compte rendu")
        DELIBERATION = "deliberation", _("délibération")
        LISTE_DELIBERATIONS = "liste_deliberations", _("liste des délibérations")
        AUTRE = "autre", _("autre")

    class PrivacyStatus(models.TextChoices):
        CLEAR = "clear", _("sans doute relevé")
        NEEDS_REVIEW = "needs_review", _("à relire avant publication")
        REVIEWED = "reviewed", _("relu par un agent")

    class Status(models.TextChoices):
        PENDING = "pending", _("en attente")
        PROCESSING = "processing", _("en cours")
        READY = "ready", _("prêt")
        FAILED = "failed", _("échec")

    class Step(models.TextChoices):
        QUEUED = "queued", _("en file d'attente")
        # Received and stored, but the queue could not be reached: sent again by the beat task.
        UNSENT = "unsent", _("en attente d'envoi")
        EXTRACTING = "extracting", _("lecture du texte")
        OCR = "ocr", _("reconnaissance de caractères")
        STRUCTURING = "structuring", _("analyse de la structure")
        PSEUDONYMISING = "pseudonymising", _("pseudonymisation")
        INDEXING = "indexing", _("indexation plein texte")
        EMBEDDING = "embedding", _("indexation sémantique")
        # Only with a separate search engine (OpenSearch): the passages copied there, on the « indexing » queue.
        ENGINE = "engine", _("synchronisation avec le moteur de recherche")
        DONE = "done", _("terminé")

    collectivite = models.ForeignKey(Collectivite, on_delete=models.PROTECT, related_name="documents")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="documents")
    seance = models.ForeignKey(Seance, on_delete=models.SET_NULL, null=True, blank=True, related_name="documents")
    # The original, byte for byte: the legal record. Never rewritten.
    file = models.FileField(upload_to="originals/%Y/%m/", max_length=500)
    sha256 = models.CharField(max_length=64, unique=True)
    original_name = models.CharField(_("nom du fichier"), max_length=500)
    # Path as ingested, relative to the folder given to `ingest` (what exports and evaluation use).
    source_path = models.CharField(_("chemin source"), max_length=1000, blank=True, db_index=True)
    size_bytes = models.BigIntegerField(default=0)
    kind = models.CharField(_("type"), max_length=30, choices=Kind.choices, default=Kind.AUTRE)
    title = models.CharField(_("titre"), max_length=500, blank=True)
    page_count = models.PositiveIntegerField(_("pages"), default=0)
    status = models.CharField(_("état"), max_length=20, choices=Status.choices, default=Status.PENDING)
    step = models.CharField(_("étape"), max_length=20, choices=Step.choices, default=Step.QUEUED)
    pages_done = models.PositiveIntegerField(default=0)
    pages_total = models.PositiveIntegerField(default=0)
    # Passages synchronised with the search engine so far, at the step of that name (the progress bar's count).
    passages_synced = models.PositiveIntegerField(default=0)
    error = models.TextField(_("motif de l'échec"), blank=True)
    # The worker processing the document ("node:uuid") and its last sign of life: one worker per document,
    # and a document whose worker died is found (ingestion.queueing).
    lease = models.CharField(max_length=200, blank=True, default="")
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    published = models.BooleanField(_("publié"), default=False)
    # Set by pseudonymisation: a document with a doubt waits for a clerk before it can be published.
    privacy_status = models.CharField(
        _("pseudonymisation"), max_length=20, choices=PrivacyStatus.choices, default=PrivacyStatus.CLEAR
    )
    privacy_reasons = models.JSONField(_("points à relire"), default=list, blank=True)
    # Who declared the review (a clerk's login, or the name given to `ingest --privacy-reviewed`), and when.
    privacy_reviewed_by = models.CharField(_("relu par"), max_length=150, blank=True)
    privacy_reviewed_at = models.DateTimeField(_("relu le"), null=True, blank=True)
    # Only a clerk's explicit check lets the public download the original file.
    personal_data_free = models.BooleanField(_("sans données personnelles"), default=False)
    seance_date_declared = models.DateField(_("date déclarée"), null=True, blank=True)
    # Whom « le Maire » (« la Présidente ») stands for in these minutes, as they name the mayor or president.
    presiding = models.CharField(_("maire ou président(e)"), max_length=200, blank=True)
    # The elected officials its lists name (attendance, signatures, rapporteurs, speakers, voters), as printed: what
    # pseudonymisation of the body's other minutes of the same term reads to know its members.
    officials = models.JSONField(_("élus nommés"), default=list, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("document")

    def __str__(self) -> str:
        return self.title or self.original_name

    def get_absolute_url(self) -> str:
        return reverse("document-detail", args=[self.pk])


class Page(models.Model):
    class Origin(models.TextChoices):
        TEXT_LAYER = "text", _("couche texte")
        OCR = "ocr", _("OCR")

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="pages")
    number = models.PositiveIntegerField()
    # As extracted and cleaned: personal data included, for clerks only.
    raw_text = models.TextField(blank=True)
    # What the public sees: private persons pseudonymised.
    text = models.TextField(blank=True)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.TEXT_LAYER)

    class Meta:
        ordering = ["document", "number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="page_unique_number")]


class Deliberation(models.Model):
    class Outcome(models.TextChoices):
        ADOPTED = "adopted", _("adoptée")
        REJECTED = "rejected", _("rejetée")
        UNKNOWN = "unknown", _("inconnu")

    seance = models.ForeignKey(Seance, on_delete=models.SET_NULL, null=True, blank=True, related_name="deliberations")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="deliberations")
    position = models.PositiveIntegerField(default=0)
    number = models.CharField(_("numéro"), max_length=100, blank=True)
    objet = models.TextField(_("objet"))
    rapporteur = models.CharField(_("rapporteur"), max_length=300, blank=True)
    votes_for = models.PositiveIntegerField(_("pour"), null=True, blank=True)
    votes_against = models.PositiveIntegerField(_("contre"), null=True, blank=True)
    votes_abstention = models.PositiveIntegerField(_("abstentions"), null=True, blank=True)
    names_for = models.JSONField(default=list, blank=True)
    names_against = models.JSONField(default=list, blank=True)
    names_abstention = models.JSONField(default=list, blank=True)
    unanimous = models.BooleanField(_("unanimité"), default=False)
    outcome = models.CharField(_("résultat"), max_length=10, choices=Outcome.choices, default=Outcome.UNKNOWN)
    # The ACTES matière (level 2, « 7.5 »; `council.matieres`) the objet names, else the thème model's reading; ""
    # when neither gives one.
    matiere = models.CharField(_("matière (nomenclature ACTES)"), max_length=5, blank=True, default="", db_index=True)
    page_start = models.PositiveIntegerField()
    page_end = models.PositiveIntegerField()
    # A clerk's corrections, field → [what the reading gave, what the clerk set]: a new reading of the document
    # (a retry, a redaction decision, a parser upgrade) keeps them (`council.services.deliberations_replace`).
    corrections = models.JSONField(default=dict, blank=True)
    # The same act printed in another document of the séance (the procès-verbal and the délibération's own PDF, the
    # compte rendu): one délibération for the public, its other printings listed as sources
    # (`council.services.deliberations_link`).
    same_as = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies", verbose_name=_("même acte que")
    )

    class Meta:
        ordering = ["document", "position"]
        verbose_name = _("délibération")

    def __str__(self) -> str:
        return f"{self.number} {self.objet[:80]}".strip()

    def get_absolute_url(self) -> str:
        return reverse("deliberation-detail", args=[self.pk])

    @property
    def theme(self) -> str:
        """The level 1 of its matière (« 7 »), the thème the public browses by."""
        return theme_of(self.matiere)

    @property
    def matiere_name(self) -> str:
        return MATIERES.get(self.matiere, "")

    @property
    def theme_name(self) -> str:
        return THEMES.get(self.theme, "")

    @property
    def vote_counted(self) -> bool:
        """The minutes give at least one count (pour, contre or abstentions)."""
        return any(count is not None for count in (self.votes_for, self.votes_against, self.votes_abstention))

    @property
    def vote_bar(self) -> list[dict]:
        """The segments of a bar of the votes cast, in per cent of those counted: [] when none was counted."""
        counts = [
            ("for", _("Pour"), self.votes_for), ("against", _("Contre"), self.votes_against),
            ("abstention", _("Abstentions"), self.votes_abstention),
        ]
        total = sum(count or 0 for _kind, _label, count in counts)
        if not total:
            return []
        segments, start = [], 0.0
        for kind, label, count in counts:
            if count:
                width = 100 * count / total
                segments.append({"kind": kind, "label": label, "count": count, "x": round(start, 2), "width": round(width, 2)})
                start += width
        return segments


class Intervention(models.Model):
    """A speaker turn, where the minutes print them (« Mme Le Maire : … »)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="interventions")
    deliberation = models.ForeignKey(
        Deliberation, on_delete=models.CASCADE, null=True, blank=True, related_name="interventions"
    )
    position = models.PositiveIntegerField(default=0)
    speaker = models.CharField(_("orateur"), max_length=300)
    text = models.TextField()
    page_start = models.PositiveIntegerField()
    page_end = models.PositiveIntegerField()

    class Meta:
        ordering = ["document", "position"]
