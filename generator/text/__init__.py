"""Text shared by both builders: inline markup (``markup``) and measurement (``measure``)."""

from .markup import Run, citations, parse_inline, plain, word_count
from .measure import (
    EM_CACHE,
    FontMetrics,
    line_height,
    metrics,
    metrics_cache_path,
    read_metrics,
    text_width,
    wrap,
    wrap_runs,
)

__all__ = ["EM_CACHE", "FontMetrics", "Run", "citations", "line_height", "metrics",
           "metrics_cache_path", "parse_inline", "plain", "read_metrics", "text_width",
           "word_count", "wrap", "wrap_runs"]
