"""Local development: debug on, tasks run at once, emails printed to the console."""

from .base import *  # noqa: F403
from .base import TASKS, env, env_bool

DEBUG = env_bool("DEBUG", True)
ALLOWED_HOSTS = ["*"]
INTERNAL_IPS = ["127.0.0.1"]
TASKS["default"]["BACKEND"] = env("TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend")
# Tasks run inline here, so an upload would wait for ~50 renditions: make them on first view.
HERITAGE_RENDITIONS_AFTER_UPLOAD = env_bool("RENDITIONS_AFTER_UPLOAD", False)
# A changed template shows at once: no kept pages or layout pieces unless asked for.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "0"))
LAYOUT_CACHE_SECONDS = int(env("LAYOUT_CACHE_SECONDS", "0"))
