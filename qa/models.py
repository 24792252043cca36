"""The question log (no IP, no user agent, names removed, expires) and feedback."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class QuestionLog(models.Model):
    # Stored after pseudonymisation: names a citizen typed are not kept.
    question = models.TextField()
    answered_at = models.DateTimeField(auto_now_add=True, db_index=True)
    expires_at = models.DateTimeField(db_index=True)
    mode = models.CharField(max_length=20)
    abstained = models.BooleanField(default=False)
    citation_count = models.PositiveIntegerField(default=0)
    latency_ms = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-answered_at"]


class Feedback(models.Model):
    question_log = models.ForeignKey(QuestionLog, on_delete=models.CASCADE, related_name="feedback")
    useful = models.BooleanField(_("utile"))
    comment = models.TextField(_("commentaire"), blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)
