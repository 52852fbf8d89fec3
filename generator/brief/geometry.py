"""The brief's page geometry and table sizes as plain numbers: no reportlab, so the checks
stage can reason about the brief's tables without loading it."""

from __future__ import annotations

MM = 72 / 2.54 * 0.1
"""Points per millimetre (computed as reportlab computes ``units.mm``)."""
PAGE = (210 * MM, 297 * MM)
"""A4, in points (reportlab's ``pagesizes.A4``)."""
MARGIN_X = 22 * MM
MARGIN_TOP = 23 * MM
MARGIN_BOTTOM = 21 * MM
FRAME_WIDTH = PAGE[0] - 2 * MARGIN_X
FRAME_HEIGHT = PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM
GUTTER = 16
"""Space between two columns of the frame, in points."""
CELL_PT, CELL_LEADING = 8, 10
PAD = 4
"""Cell padding of tables and panels, in points."""
CHART_PT = 7
CHART_HEIGHT = 48 * MM
"""Height of a chart drawing: with its title and caption, about a fifth of the page."""
PIE_HEIGHT = 40 * MM
"""Height of a pie or doughnut drawing."""
CHART_SHARE = 0.62
"""Share of the frame's width a chart takes when its notes sit beside it."""
