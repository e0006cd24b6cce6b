"""PostgreSQL only: the `heritage` text search configuration (English stemming for Latin
words, Russian for Cyrillic ones — the folded Tajik forms included), `pg_trgm` for typing
mistakes, and trigram indexes on the indexed text, the works' titles and the artists'
names. Nothing happens on SQLite."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

FORWARDS = [
    """
    DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'heritage') THEN
            CREATE TEXT SEARCH CONFIGURATION heritage (COPY = pg_catalog.simple);
            ALTER TEXT SEARCH CONFIGURATION heritage
                ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH english_stem;
            ALTER TEXT SEARCH CONFIGURATION heritage
                ALTER MAPPING FOR word, hword, hword_part WITH russian_stem;
        END IF;
    END $$;
    """,
    "CREATE INDEX IF NOT EXISTS modelsearch_title_text_trgm ON wagtailsearch_indexentry "
    "USING gin (title_text gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS modelsearch_body_text_trgm ON wagtailsearch_indexentry "
    "USING gin (body_text gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS gallery_artwork_title_trgm ON gallery_artwork USING gin (title gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS artists_artistprofile_display_name_trgm ON artists_artistprofile "
    "USING gin (display_name gin_trgm_ops)",
]
BACKWARDS = [
    "DROP INDEX IF EXISTS artists_artistprofile_display_name_trgm",
    "DROP INDEX IF EXISTS gallery_artwork_title_trgm",
    "DROP INDEX IF EXISTS modelsearch_body_text_trgm",
    "DROP INDEX IF EXISTS modelsearch_title_text_trgm",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS heritage",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("gallery", "0005_search_terms_first_list"),
        ("artists", "0006_artistprofile_payouts_held_until"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(_run(FORWARDS), _run(BACKWARDS)),
    ]
