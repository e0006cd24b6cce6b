"""The demo's words and picture descriptions are data, kept as JSON under `demo/data/`;
this module reads them. The Python beside it says only what the data is made of."""

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def data_load(name: str):
    """The data file `name` (e.g. "pages.json"), with every list read as a tuple: the specs
    built from it are frozen, and tuples keep them so."""
    with (DATA / name).open(encoding="utf-8") as file:
        return _frozen(json.load(file))


def _frozen(value):
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    if isinstance(value, dict):
        return {key: _frozen(item) for key, item in value.items()}
    return value
