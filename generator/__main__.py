"""``python -m generator``: the deckgen command line."""

from .cli import run

run()
