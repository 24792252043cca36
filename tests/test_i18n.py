"""The portal in English and in French: pages follow the visitor's language, and the English catalogue is complete."""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

REPO = Path(__file__).resolve().parent.parent
PO_FILE = REPO / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO_FILE = PO_FILE.with_suffix(".mo")
TEMPLATES = REPO / "templates"

# Visible template text that reads the same in both languages (format names, a button label).
LANGUAGE_NEUTRAL = {"OK", "CSV", "JSON Lines", "SCDL", "(PDF)"}


def po_entries_read(*, path: Path) -> list[dict]:
    """Each entry of a .po file as {"flags", "msgctxt", "msgid", "msgid_plural", "msgstr": [..]}, header included."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry: dict = {"flags": set(), "msgstr": []}
        field = None
        for line in block.strip().splitlines():
            if line.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#"):
                continue
            elif match := re.match(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (\".*\")$", line):
                field, text = match.group(1), ast.literal_eval(match.group(2))
                if field.startswith("msgstr"):
                    entry["msgstr"].append(text)
                else:
                    entry[field] = text
            elif line.startswith('"') and field:
                text = ast.literal_eval(line)
                if field.startswith("msgstr"):
                    entry["msgstr"][-1] += text
                else:
                    entry[field] += text
        if "msgid" in entry:
            entries.append(entry)
    return entries


def template_text_untranslated(*, source: str) -> list[str]:
    """Visible words of a template outside translate tags, variables and markup."""
    source = re.sub(r"{%\s*blocktranslate.*?endblocktranslate\s*%}", " ", source, flags=re.S)
    source = re.sub(r"{%.*?%}|{{.*?}}|{#.*?#}", " ", source, flags=re.S)
    attributes = re.findall(r'\b(?:aria-label|title|alt|placeholder)="([^"]*)"', source)
    texts = [text.strip() for text in re.sub(r"<[^>]*>", "\n", source).splitlines()] + attributes
    return [text for text in texts if re.search(r"[^\W\d_]{2}", text) and text.strip() not in LANGUAGE_NEUTRAL]


def test_po_reader_sees_fuzzy_and_empty_entries(tmp_path):
    sample = tmp_path / "sample.po"
    sample.write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
        '#, fuzzy, python-format\nmsgid "Page %(n)s"\nmsgstr "Page %(n)s"\n\n'
        'msgid "Séance"\nmsgstr ""\n\n'
        'msgid "%(n)s séance"\nmsgid_plural "%(n)s séances"\nmsgstr[0] "%(n)s meeting"\nmsgstr[1] ""\n',
        encoding="utf-8",
    )
    header, fuzzy, empty, plural = po_entries_read(path=sample)
    assert header["msgstr"] == ["Language: en\n"]
    assert "fuzzy" in fuzzy["flags"]
    assert empty == {"flags": set(), "msgid": "Séance", "msgstr": [""]}
    assert plural["msgid_plural"] == "%(n)s séances" and plural["msgstr"] == ["%(n)s meeting", ""]


def test_english_catalogue_is_complete():
    entries = po_entries_read(path=PO_FILE)
    assert len(entries) > 300
    assert not any("fuzzy" in entry["flags"] for entry in entries), "fuzzy entries left"
    untranslated = [entry["msgid"] for entry in entries[1:] if not all(entry["msgstr"])]
    assert untranslated == []
    plurals = [entry for entry in entries if "msgid_plural" in entry]
    assert plurals and all(len(entry["msgstr"]) == 2 for entry in plurals)


def test_compiled_catalogue_matches_the_po_file():
    """The committed .mo must be recompiled after every .po change, or a fresh clone serves stale English."""
    with MO_FILE.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in po_entries_read(path=PO_FILE)[1:]:
        context = entry.get("msgctxt")
        if "msgid_plural" in entry:
            assert compiled.ngettext(entry["msgid"], entry["msgid_plural"], 1) == entry["msgstr"][0]
            assert compiled.ngettext(entry["msgid"], entry["msgid_plural"], 2) == entry["msgstr"][1]
        elif context:
            assert compiled.pgettext(context, entry["msgid"]) == entry["msgstr"][0]
        else:
            assert compiled.gettext(entry["msgid"]) == entry["msgstr"][0], entry["msgid"]


def test_template_text_untranslated_finds_bare_french():
    source = '{% load i18n %}<h1>{% translate "Séances" %}</h1><p>Aucune séance</p><a title="Ouvrir">CSV</a>'
    assert template_text_untranslated(source=source) == ["Aucune séance", "Ouvrir"]


def test_every_template_wraps_its_text_for_translation():
    leftovers = {
        str(path.relative_to(REPO)): found
        for path in sorted(TEMPLATES.rglob("*.html"))
        if (found := template_text_untranslated(source=path.read_text(encoding="utf-8")))
    }
    assert leftovers == {}


@pytest.fixture
def pages(db):
    return {
        "home": reverse("home"),
        "search": reverse("search") + "?q=budget&mode=keyword",
        "question": reverse("qa-question"),
    }


@pytest.mark.parametrize(
    ("page", "english", "french"),
    [
        ("home", "Search the resolutions", "Rechercher dans les délibérations"),
        ("search", "0 results", "0 résultat"),
        ("question", "Your question", "Votre question"),
    ],
)
def test_pages_follow_the_accept_language_header(client, pages, page, english, french):
    body_en = client.get(pages[page], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    body_fr = client.get(pages[page], HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<html lang="en">' in body_en and '<html lang="fr">' in body_fr
    assert '<a href="/recherche/">Search</a>' in body_en and '<a href="/recherche/">Rechercher</a>' in body_fr
    assert english in body_en and french not in body_en
    assert french in body_fr and english not in body_fr


def test_french_is_the_default_language(client, pages):
    body = client.get(pages["home"]).content.decode()
    assert '<html lang="fr">' in body and "Aller au contenu" in body


def test_language_cookie_and_switcher(client, pages):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Ask a question" in client.get(pages["question"]).content.decode()
    client.cookies.clear()
    response = client.post("/i18n/setlang/", {"language": "en", "next": pages["search"]})
    assert response.status_code == 302 and response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    body = client.get(pages["search"]).content.decode()
    assert "Exact words" in body and "Skip to content" in body
    client.post("/i18n/setlang/", {"language": "fr", "next": pages["home"]})
    assert "Mots exacts" in client.get(pages["search"]).content.decode()


def test_every_template_message_is_in_the_english_catalogue():
    """A `{% translate %}` added without `makemessages` stays French for English readers (the error pages did)."""
    msgids = {entry["msgid"] for entry in po_entries_read(path=PO_FILE)[1:] if "msgctxt" not in entry}
    missing = {
        str(path.relative_to(REPO)): sorted(set(found) - msgids)
        for path in sorted(TEMPLATES.rglob("*.html"))
        if set(found := re.findall(r'{%\s*translate\s+"([^"]+)"\s*%}', path.read_text(encoding="utf-8"))) - msgids
    }
    assert missing == {}


@pytest.mark.parametrize(("language", "title", "home"), [("fr", "Page introuvable", "Accueil du portail"),
                                                         ("en", "Page not found", "Portal home")])
def test_a_missing_page_answers_in_the_sites_layout_and_language(client, db, language, title, home):
    response = client.get("/deliberations/999999999/", HTTP_ACCEPT_LANGUAGE=language)
    body = response.content.decode()
    assert response.status_code == 404
    assert f"<h1>{title}</h1>" in body and home in body
    assert f'<html lang="{language}">' in body
