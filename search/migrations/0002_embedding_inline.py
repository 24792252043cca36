"""Embeddings stay in the table row instead of TOAST.

A filtered exact search (a collectivité and a year) reads thousands of embeddings: out of line, each costs an
index lookup and two more pages. Inline, the row is read once; the long text goes out of line instead.
"""

from django.db import migrations

INLINE = "ALTER TABLE search_passage ALTER COLUMN embedding SET STORAGE MAIN"
# SET STORAGE applies to rows written afterwards: rewrite the embeddings already stored.
REWRITE = "UPDATE search_passage SET embedding = embedding::real[]::vector WHERE embedding IS NOT NULL"
OUT_OF_LINE = "ALTER TABLE search_passage ALTER COLUMN embedding SET STORAGE EXTERNAL"


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunSQL([INLINE, REWRITE], reverse_sql=[OUT_OF_LINE])]
