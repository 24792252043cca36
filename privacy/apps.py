"""Privacy: pseudonymisation of private persons in everything public."""

from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = "Vie privée"
