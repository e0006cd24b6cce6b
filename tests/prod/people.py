"""Who the production smoke signs in as (tests/prod/seed.py makes them)."""

ARTIST = {"email": "nigora@example.org", "password": "Suzani-Khujand-2026"}
EDITOR = {"email": "editor@example.org", "password": "Editor-Dushanbe-2026"}
