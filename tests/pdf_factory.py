"""Small PDFs made on the fly for pipeline tests (fpdf2, core fonts: Latin-1 text only)."""

from __future__ import annotations

import io

from fpdf import FPDF

# Lines in the shape of real minutes (wording taken from the corpus's procès-verbaux), with an
# invented private person so that pseudonymisation has something to find.
MINUTES_PAGES = [
    "COMMUNE DE SAINT-EXEMPLE\n"
    "PROCES-VERBAL DE LA SEANCE DU CONSEIL MUNICIPAL DU 12 MARS 2024\n"
    "L'an deux mille vingt-quatre, le douze mars a 18 heures 30, le Conseil Municipal, "
    "legalement convoque, s'est reuni a la mairie sous la presidence de Monsieur Paul LEMOINE, Maire.\n"
    "Presents : Paul LEMOINE, Claire BERNARD, Henri FAURE, Sophie GARNIER, Louis MOREAU.\n"
    "Secretaire de seance : Claire BERNARD.\n\n"
    "Deliberation n° 2024-01 : Vente d'une parcelle communale\n"
    "Rapporteur : Henri FAURE\n"
    "Monsieur le Maire expose que Monsieur Jean MARTINEAU, domicilie 12 rue des Lilas, "
    "sollicite l'acquisition de la parcelle cadastree section AB numero 45, d'une surface de 320 metres carres, "
    "situee en limite de sa propriete. Le service des domaines a estime la valeur venale du terrain "
    "a 15 000 euros. Apres en avoir delibere, le Conseil Municipal, a l'unanimite, decide de vendre "
    "la parcelle a Monsieur Jean MARTINEAU au prix de 15 000 euros et autorise le Maire a signer l'acte.\n",
    "Deliberation n° 2024-02 : Subvention a l'association des jardins familiaux\n"
    "Rapporteur : Sophie GARNIER\n"
    "Madame GARNIER presente la demande de subvention de l'association des jardins familiaux "
    "pour l'entretien des parcelles et l'achat de materiel d'arrosage. Le montant demande est de "
    "2 500 euros pour l'annee 2024. Apres en avoir delibere, le Conseil Municipal, par 4 voix pour "
    "et 1 abstention, decide d'attribuer une subvention de 2 500 euros a l'association.\n"
    "La seance est levee a 20 heures.\n",
]


def minutes_pdf(pages: list[str] | None = None) -> bytes:
    """A PDF with a text layer, one string per page."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    for text in MINUTES_PAGES if pages is None else pages:
        pdf.add_page()
        pdf.multi_cell(0, 5, text)
    return bytes(pdf.output())


UNICODE_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def unicode_text_pdf(pages: list[str]) -> bytes:
    """A text-layer PDF in DejaVu Sans (accents, « », €), one string per page, the same bytes every time."""
    import datetime

    pdf = FPDF()
    pdf.set_creation_date(datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc))
    pdf.add_font("DejaVu", fname=UNICODE_FONT)
    pdf.set_font("DejaVu", size=10)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 5, text)
    return bytes(pdf.output())


def blank_pdf(*, pages: int) -> bytes:
    """Many empty pages, quickly (fpdf2 writes 2,000 pages in well under a second)."""
    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
    return bytes(pdf.output())


def image_only_pdf(*, text: str | list[str]) -> bytes:
    """Pages holding only a picture of typed text (one string per page): what a scanner gives, no text layer."""
    from PIL import Image, ImageDraw, ImageFont

    try:
        font = ImageFont.truetype("DejaVuSans.ttf", 36)
    except OSError:
        font = ImageFont.load_default(size=36)
    pdf = FPDF()
    for page_text in [text] if isinstance(text, str) else text:
        image = Image.new("L", (1654, 2339), 255)  # A4 at 200 dpi
        draw = ImageDraw.Draw(image)
        for number, line in enumerate(page_text.splitlines()):
            draw.text((150, 150 + 60 * number), line, fill=0, font=font)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        buffer.seek(0)
        pdf.add_page()
        pdf.image(buffer, x=0, y=0, w=210, h=297)
    return bytes(pdf.output())
