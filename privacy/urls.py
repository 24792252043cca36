"""The public page images, included at the root of the portal."""

from django.urls import path

from privacy import views

urlpatterns = [
    path("documents/<int:pk>/pages/<int:number>.png", views.document_page_image, name="document-page-image"),
]
