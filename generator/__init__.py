"""deckgen: compile one YAML outline into an editable PowerPoint deck and a PDF brief."""

__version__ = "0.1.0"
