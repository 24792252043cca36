"""JSON search API and the OpenAPI description of the whole API, mounted under /api/v1/."""

from django.urls import path

from search import views

urlpatterns = [
    path("search", views.search_api, name="api-search"),
    path("openapi.json", views.openapi_json, name="api-openapi"),
]
