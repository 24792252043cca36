"""`manage.py page_images [ID…]`: draw ahead the public page images of published documents (those published before
images were drawn at publication, or after the masks changed), so that no reader waits for the first drawing."""

from django.core.management.base import BaseCommand

from council.models import Document
from privacy.services import document_page_images_render


class Command(BaseCommand):
    help = "Dessine d'avance les images publiques (masquées) des pages des documents publiés."

    def add_arguments(self, parser):
        parser.add_argument("documents", nargs="*", type=int, help="Identifiants des documents (défaut : tous les publiés)")

    def handle(self, *args, **options):
        documents = Document.objects.filter(published=True).order_by("pk")
        if options["documents"]:
            documents = documents.filter(pk__in=options["documents"])
        total = 0
        for pk, pages in documents.values_list("pk", "page_count"):
            ready = document_page_images_render(document_id=pk)
            total += ready
            self.stdout.write(f"document {pk} : {ready} image(s) prête(s) sur {pages} page(s)")
        self.stdout.write(f"{total} image(s) de page prête(s).")
