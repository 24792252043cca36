from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("council", "0010_deliberation_matiere"),
        ("search", "0005_rows_inline"),
    ]

    operations = [
        migrations.AddField(
            model_name="passage",
            name="theme",
            field=models.CharField(blank=True, db_default="", default="", max_length=2),
        ),
        # Passages written before: the thème of their délibération's matière (read by council's migration).
        migrations.RunSQL(
            "UPDATE search_passage p SET theme = split_part(d.matiere, '.', 1) FROM council_deliberation d "
            "WHERE p.deliberation_id = d.id AND d.matiere <> ''",
            migrations.RunSQL.noop,
        ),
    ]
