"""Demo content for a fresh site: `manage.py seed_demo` runs `steps.STEPS` with a `SeedContext`.

`content` holds the words (English, Russian, Tajik) and picture descriptions, `patterns`
draws the pictures, `steps` turns both into pages, images and an editor account.
"""
