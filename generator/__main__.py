"""``python -m generator``: the deckgen command line."""

from .cli import main

main(prog_name="deckgen")
