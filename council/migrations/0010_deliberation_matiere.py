from django.db import migrations, models


def matieres_read(apps, schema_editor):
    """Délibérations read before the matière was: classed from their objet as ingestion now does."""
    from council.matieres import matiere_read

    Deliberation = apps.get_model("council", "Deliberation")
    batch = []
    for deliberation in Deliberation.objects.only("pk", "objet").iterator(chunk_size=2000):
        deliberation.matiere = matiere_read(deliberation.objet)
        if deliberation.matiere:
            batch.append(deliberation)
        if len(batch) >= 2000:
            Deliberation.objects.bulk_update(batch, ["matiere"])
            batch = []
    Deliberation.objects.bulk_update(batch, ["matiere"])


class Migration(migrations.Migration):

    dependencies = [
        ('council', '0009_document_presiding'),
    ]

    operations = [
        migrations.AddField(
            model_name='deliberation',
            name='matiere',
            field=models.CharField(blank=True, db_index=True, default='', max_length=5, verbose_name='matière (nomenclature ACTES)'),
        ),
        migrations.RunPython(matieres_read, migrations.RunPython.noop),
    ]
