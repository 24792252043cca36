"""Clerk pages (greffe) for documents and the review of what is pseudonymised, included at /greffe/."""

from django.urls import path

from ingestion import views

urlpatterns = [
    path("", views.document_list, name="clerk-documents"),
    path("televerser/", views.document_upload_view, name="clerk-upload"),
    path("progression/", views.document_progress_json, name="clerk-progress"),
    path("documents/<int:pk>/", views.document_detail, name="clerk-document"),
    path("documents/<int:pk>/original/", views.document_original, name="clerk-document-original"),
    path("documents/<int:pk>/relancer/", views.document_retry_view, name="clerk-document-retry"),
    path("documents/<int:pk>/publication/", views.document_publish_view, name="clerk-document-publish"),
    path("documents/<int:pk>/suppression/", views.document_delete_view, name="clerk-document-delete"),
    path("documents/<int:pk>/metadonnees/", views.document_metadata_view, name="clerk-document-metadata"),
    path("documents/<int:pk>/original-public/", views.document_original_release_view, name="clerk-document-original-release"),
    path("documents/<int:pk>/anonymisation/", views.redaction_review, name="clerk-redactions"),
    path("documents/<int:pk>/anonymisation/decision/", views.redaction_decide_view, name="clerk-redaction-decide"),
    path("documents/<int:pk>/anonymisation/relu/", views.redaction_reviewed_view, name="clerk-redactions-reviewed"),
]
