"""JSON API for questions, under /api/v1/."""

from django.urls import path

from qa import views

urlpatterns = [
    path("ask", views.ask_api, name="api-ask"),
    path("ask/feedback", views.feedback_api, name="api-ask-feedback"),
]
