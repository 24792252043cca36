"""The council domain: collectivités, bodies, séances, documents, délibérations."""

from django.apps import AppConfig


class CouncilConfig(AppConfig):
    name = "council"
    verbose_name = "Conseil"
