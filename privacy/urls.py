"""Clerk pages (greffe) for the review of what is pseudonymised, included at /greffe/."""

from django.urls import path

from privacy import views

urlpatterns = [
    path("documents/<int:pk>/anonymisation/", views.redaction_review, name="clerk-redactions"),
    path("documents/<int:pk>/anonymisation/decision/", views.redaction_decide_view, name="clerk-redaction-decide"),
    path("documents/<int:pk>/anonymisation/relu/", views.redaction_reviewed_view, name="clerk-redactions-reviewed"),
]
