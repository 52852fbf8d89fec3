"""The deck's type scale: the point sizes of slide text, and the floors fitting may shrink to."""

TITLE_PT = 30
TITLE_MIN_PT = 24
BODY_PT = 20
BODY_MIN_PT = 14
SUB_BULLET_DELTA_PT = 2
TABLE_PT = 16
TABLE_MIN_PT = 14
TABLE_MAX_PT = 18
"""A table slide with room to spare sets its text larger, up to this, to read from afar."""
STAT_VALUE_PT = 44
STAT_LABEL_PT = 16
FOOTER_PT = 10
SOURCE_NOTE_PT = 10
