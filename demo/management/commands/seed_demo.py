"""`manage.py seed_demo`: a working demo site on a freshly migrated database."""

import logging
import os
import sys
import time
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from tqdm import tqdm

from demo.context import SeedContext
from demo.scale import LargeCatalogue
from demo.steps import STEPS, Step

EDITOR_EMAIL = "editor@tajikheritage.local"
# Printed at the end of every run: it only ever guards a demo on someone's own machine.
DEFAULT_EDITOR_PASSWORD = "heritage-demo-2026"  # noqa: S105
LOCAL_URL = "http://127.0.0.1:8000"


@contextmanager
def _wagtail_log_quiet(quiet: bool):
    """Wagtail logs every page it creates, edits and publishes; below verbosity 2 the
    progress bar says enough."""
    logger = logging.getLogger("wagtail")
    level = logger.level
    if quiet:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


class Command(BaseCommand):
    help = (
        "Build a demo site: home, about, contact and policy pages in English, Russian and Tajik, "
        "pattern images and an editor account. Running it again adds only what is missing. "
        "The editor's password comes from DEMO_EDITOR_PASSWORD (default: heritage-demo-2026)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Do not show the progress bar.")
        parser.add_argument(
            "--scale",
            choices=["demo", "large"],
            default="demo",
            help="'large' adds, after the demo, ~200 artists, 5,000 works with offers, and exhibitions, "
            "stories and events where their index pages exist (for bench/).",
        )
        parser.add_argument(
            "--works",
            type=int,
            default=None,
            help="With --scale large: how many works in all (default 5,000; one artist per 25 works).",
        )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        out = options.get("stdout") or sys.stdout
        self._check_migrated()
        ctx = SeedContext(
            editor_email=EDITOR_EMAIL,
            editor_password=os.environ.get("DEMO_EDITOR_PASSWORD") or DEFAULT_EDITOR_PASSWORD,
        )
        if options.get("works") is not None and options.get("scale") != "large":
            raise CommandError("--works goes with --scale large.")
        if options.get("works") is not None and options["works"] < 1:
            raise CommandError("--works must be a positive number of works, e.g. --works 100000.")
        large = None
        if options.get("scale") == "large":
            sized = {"works": options["works"]} if options.get("works") is not None else {}
            large = LargeCatalogue(**sized)
        steps_to_run = [*STEPS, *(Step(label, run) for label, run in (large.steps() if large else []))]
        started = time.monotonic()
        with (
            _wagtail_log_quiet(verbosity < 2),
            tqdm(
                steps_to_run,
                desc="Seeding demo",
                unit="step",
                file=options.get("stderr") or sys.stderr,
                disable=options["quiet"] or verbosity == 0,
                leave=False,
            ) as steps,
        ):
            if verbosity >= 2:
                ctx.report = lambda message: steps.write(message, file=out)
            for step in steps:
                steps.set_postfix_str(step.label)
                self._run(step, ctx)
        if verbosity >= 1:
            self._summarise(ctx, time.monotonic() - started)
            for note in large.notes if large else []:
                self.stdout.write(self.style.WARNING(note))

    def _check_migrated(self) -> None:
        try:
            executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
            plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        except DatabaseError as exc:
            raise CommandError(
                f"Cannot read the database ({exc}). Check DATABASE_URL, run `manage.py migrate`, "
                "then run seed_demo again."
            ) from exc
        if plan:
            raise CommandError(
                f"The database is not fully migrated ({len(plan)} migrations to apply). "
                "Run `manage.py migrate` first, then run seed_demo again."
            )

    def _run(self, step, ctx: SeedContext) -> None:
        try:
            with transaction.atomic():
                step.run(ctx)
        except (DatabaseError, ValidationError) as exc:
            raise CommandError(
                f"Step “{step.label}” failed and was rolled back: {exc}. Earlier steps are kept; "
                "fix the cause (is the database migrated? run `manage.py migrate`) and run "
                "seed_demo again — it carries on where it stopped."
            ) from exc

    def _summarise(self, ctx: SeedContext, seconds: float) -> None:
        made = ", ".join(
            f"{count} {what if count != 1 else what.removesuffix('s')}"
            for what, count in sorted(ctx.made.items())
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo site ready in {seconds:.1f} s; "
                + (f"created {made}." if made else "nothing was missing.")
            )
        )
        password = (
            ctx.editor_password
            if ctx.editor_password_known
            else "(unchanged: the account existed before and has another password)"
        )
        self.stdout.write(
            f"  Site:     {LOCAL_URL}/en/  ·  /ru/  ·  /tg/\n"
            f"  Admin:    {LOCAL_URL}{reverse('wagtailadmin_home')}\n"
            f"  Email:    {ctx.editor_email}\n"
            f"  Password: {password}\n"
            "Start the server with `manage.py runserver`."
        )
