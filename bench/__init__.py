"""The performance harness: `make bench` (or `python -m bench`) builds a large catalogue,
serves it with gunicorn and production-like settings, and measures it. See README.md."""
