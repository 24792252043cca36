"""JSON API routes of the council app, mounted under /api/v1/."""

from django.urls import path

from council import api

urlpatterns = [
    path("seances", api.seance_list, name="api-seance-list"),
    path("seances/<int:pk>", api.seance_detail, name="api-seance-detail"),
    path("deliberations", api.deliberation_list, name="api-deliberation-list"),
    path("deliberations/<int:pk>", api.deliberation_detail, name="api-deliberation-detail"),
    path("documents/<int:pk>", api.document_detail, name="api-document-detail"),
]
