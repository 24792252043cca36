"""Question page and its feedback form, under /questions/."""

from django.urls import path

from qa import views

urlpatterns = [
    path("", views.question_page, name="qa-question"),
    path("avis", views.feedback_submit, name="qa-feedback"),
]
