from collections import Counter

import django.db.models.deletion
from django.db import migrations, models

from french.terms import terms_extract


def frequencies_count(apps, schema_editor):
    """The terms of the passages already published, per collectivité (later changes are counted by
    `search.services`)."""
    Passage = apps.get_model("search", "Passage")
    TermFrequency = apps.get_model("search", "TermFrequency")
    counts = Counter()
    published = Passage.objects.filter(published=True).values_list("collectivite_id", "text")
    for collectivite_id, text in published.iterator(chunk_size=2000):
        counts.update((collectivite_id, term) for term in {"", *terms_extract(text)})
    rows = (TermFrequency(collectivite_id=place, term=term, passages=n) for (place, term), n in counts.items())
    TermFrequency.objects.bulk_create(rows, batch_size=5000)


class Migration(migrations.Migration):
    """The counts are derived from the published passages: the table is made anew, per collectivité."""

    dependencies = [
        ("council", "0011_document_officials"),
        ("search", "0008_term_frequency"),
    ]

    operations = [
        migrations.DeleteModel(name="TermFrequency"),
        migrations.CreateModel(
            name="TermFrequency",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("term", models.TextField()),
                ("passages", models.IntegerField()),
                (
                    "collectivite",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="council.collectivite"
                    ),
                ),
            ],
            options={
                "indexes": [models.Index(fields=["term"], name="term_frequency_term")],
                "constraints": [models.UniqueConstraint(fields=("collectivite", "term"), name="term_frequency_unique")],
            },
        ),
        migrations.RunPython(frequencies_count, migrations.RunPython.noop),
    ]
