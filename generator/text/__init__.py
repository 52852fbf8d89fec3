"""Text shared by both builders: inline markup (``markup``), line breaking and hyphenation
(``breaking``, ``hyphenate``) and measurement (``measure``)."""

from .breaking import glue
from .markup import Run, citations, parse_inline, plain, spaced_and_unspaced, word_count
from .measure import (
    EM_CACHE,
    FontMetrics,
    break_runs,
    line_height,
    longest_piece,
    metrics,
    metrics_cache_path,
    overfull,
    read_metrics,
    text_width,
    typeface,
    wrap,
    wrap_runs,
)

__all__ = ["EM_CACHE", "FontMetrics", "Run", "break_runs", "citations", "glue", "line_height",
           "longest_piece", "metrics", "metrics_cache_path", "overfull", "parse_inline",
           "plain", "read_metrics", "spaced_and_unspaced", "text_width", "typeface",
           "word_count", "wrap", "wrap_runs"]
