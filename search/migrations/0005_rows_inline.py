"""Full-text vectors stay in the row too, and the row keeps its text while it fits in 4 kB.

Keyword scoring reads the full-text vector of every candidate (a thousand or more per query); with the
embedding now in the row, the vector went out of line and each read cost a TOAST index lookup and two more
pages. A 4 kB row target keeps embedding, vector and most texts together; longer texts still go out of line.
"""

from django.db import migrations

INLINE = [
    "ALTER TABLE search_passage ALTER COLUMN search_vector SET STORAGE MAIN",
    "ALTER TABLE search_passage SET (toast_tuple_target = 4080)",
    # Storage settings apply to rows written afterwards: rewrite the table (a lock while it runs).
    "VACUUM FULL search_passage",
]
OUT_OF_LINE = [
    "ALTER TABLE search_passage ALTER COLUMN search_vector SET STORAGE EXTENDED",
    "ALTER TABLE search_passage RESET (toast_tuple_target)",
]


class Migration(migrations.Migration):
    # VACUUM cannot run inside a transaction.
    atomic = False
    dependencies = [("search", "0004_place_date_index")]

    operations = [migrations.RunSQL(INLINE, reverse_sql=OUT_OF_LINE)]
