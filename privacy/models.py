"""What was pseudonymised in each document, and what a clerk decided about it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from council.models import Document


class Redaction(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", _("personne")
        ADDRESS = "address", _("adresse")
        EMAIL = "email", _("courriel")
        PHONE = "phone", _("téléphone")

    class Decision(models.TextChoices):
        REDACT = "redact", _("masqué")
        KEEP = "keep", _("conservé")

    class Source(models.TextChoices):
        AUTOMATIC = "auto", _("détection automatique")
        CLERK = "clerk", _("décision d'un agent")

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="redactions")
    surface = models.CharField(_("texte"), max_length=500)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PERSON)
    decision = models.CharField(_("décision"), max_length=10, choices=Decision.choices)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.AUTOMATIC)
    reason = models.CharField(_("motif"), max_length=300, blank=True)
    placeholder = models.CharField(max_length=50, blank=True)
    pages = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["document", "decision", "surface"]
        constraints = [models.UniqueConstraint(fields=["document", "surface"], name="redaction_unique_surface")]
