"""Ingestion: from an uploaded PDF to pages, structure and passages."""

from django.apps import AppConfig


class IngestionConfig(AppConfig):
    name = "ingestion"
    verbose_name = "Ingestion"
