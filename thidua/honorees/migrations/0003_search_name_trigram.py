"""Name search over a national registry (issue 10): ``search_honorees`` matches every word of
the query anywhere in the folded name (``search_name LIKE '%word%'``), which no b-tree can
serve; on a million honorees that is a scan of the whole table. On PostgreSQL a trigram GIN
index (pg_trgm) answers such LIKE patterns from the index (see bench/RESULTS.md, honoree search,
with and without it). SQLite has no trigram index: nothing to do there."""

from django.db import migrations

INDEX = "honoree_search_name_trgm"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON honorees_honoree "
        "USING gin (search_name gin_trgm_ops)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("honorees", "0002_seed_vocabularies_movements")]
    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
