"""The brief's table columns: widths from content, and the cells no width can hold.

Pure (the bundled fonts' metrics, ``text.measure``; no reportlab), so that ``deckgen check``
reports what a build of the brief would, without typesetting it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import Outline, Playbook, TableSlide
from ..report import Finding
from ..text import measure, plain
from ..text.markup import Run
from .geometry import CELL_PT, FRAME_WIDTH, GUTTER, PAD

PEER_WIDTH = (FRAME_WIDTH - GUTTER) / 2
"""Width of a peer's read when two stand side by side."""
COMPARISON_WEIGHTS = 0.8
"""The dimension column's weight in a playbook's comparison table (the others: 1)."""
PEER_WEIGHTS = [0.6, 1.0, 1.0]
"""Column weights of a peer's contrast table: dimension, the subject, the peer."""


@dataclass(frozen=True)
class Grid:
    """A table as the brief sets it: plain cell texts (header first), and where each is."""

    rows: list[list[str]]
    paths: list[list[tuple]] = field(default_factory=list)
    bold_first: bool = False
    weights: list[float] | None = None


def _runs(text: str, bold: bool) -> list[Run]:
    return [Run(text, bold=bold)]


def widest_piece(text: str, family: str, bold: bool = False, size: float = CELL_PT,
                 language: str | None = None, hyphenate: bool = False) -> float:
    """Return the width of the widest piece of ``text`` that no line break may split.

    Pieces end where ``text.breaking`` lets a line end: at spaces, after hyphens and
    slashes, before ``?#&`` in a URL and, with ``hyphenate``, at hyphenation points (a piece
    ending there carries its hyphen). So a URL's piece is a stretch between its slashes,
    not the whole URL.
    """
    return measure.longest_piece(_runs(text, bold), size, family, language,
                                 hyphenate=hyphenate)


def column_widths(grid: Grid, total: float, family: str, size: float = CELL_PT,
                  language: str | None = None) -> list[float]:
    """Return widths for the columns of ``grid`` summing to ``total``.

    As a browser lays out an automatic table: each column first gets its widest piece that
    no break may split (a whole word; a URL between its slashes), so no word is cut when the
    frame allows; when those do not all fit, each column gets its hyphenated pieces and a
    share of the rest by how much its whole words want beyond them. When they do, what is
    left goes to the columns in proportion to how much more their longest cell wants,
    counted up to half the table: a long URL on one line does not take the room of the
    other columns' prose. Only when even hyphenated pieces cannot fit are
    the widest columns capped below them (``overfull`` then names the cells that are cut).
    """
    n = max(len(r) for r in grid.rows)
    least, hard, most = [0.0] * n, [0.0] * n, [0.0] * n
    for r, row in enumerate(grid.rows):
        for i, cell in enumerate(row):
            bold = r == 0 or (grid.bold_first and i == 0)
            least[i] = max(least[i], widest_piece(cell, family, bold, size, language) + 2 * PAD)
            hard[i] = max(hard[i], widest_piece(cell, family, bold, size, language, True)
                          + 2 * PAD)
            most[i] = max(most[i], measure.text_width(cell, size, family, bold) + 2 * PAD)
    if sum(least) > total:
        if sum(hard) >= total:
            return _capped(hard, total)
        # hyphenate: every column its hyphenated pieces, and the room left shared by how
        # much each column's whole words want beyond them (no column squeezed to its syllables)
        gap = [w - h for w, h in zip(least, hard, strict=True)]
        room = total - sum(hard)
        return [h + room * g / sum(gap) for h, g in zip(hard, gap, strict=True)]
    most = [max(min(m, total / 2), w) for m, w in zip(most, least, strict=True)]
    if grid.weights:
        most = [w * k for w, k in zip(most, grid.weights, strict=True)]
    want = [max(m - w, 0.0) for m, w in zip(most, least, strict=True)]
    spare = total - sum(least)
    if sum(want) <= spare:
        extra = [w + (spare - sum(want)) * (m / sum(most)) for w, m in zip(want, most,
                                                                          strict=True)]
    else:
        extra = [spare * w / sum(want) for w in want]
    return [w + e for w, e in zip(least, extra, strict=True)]


def _capped(least: list[float], total: float) -> list[float]:
    """Return ``least`` brought down to ``total`` by capping only its widest columns at one
    level (the narrower keep their pieces whole); the sum is ``total``."""
    level = total / len(least)
    for k, w in enumerate(sorted(least)):
        rest = len(least) - k
        level = (total - sum(sorted(least)[:k])) / rest
        if w >= level:
            break
    out = [min(w, level) for w in least]
    return [w * total / sum(out) for w in out]


def overfull(grid: Grid, widths: list[float], family: str, size: float = CELL_PT,
             language: str | None = None) -> Iterator[tuple[tuple, str]]:
    """Yield (path, text) for each cell of ``grid`` with a piece wider than its column,
    hyphenated where the language allows: the words that would be cut between letters."""
    for r, row in enumerate(grid.rows):
        for i, cell in enumerate(row):
            bold = r == 0 or (grid.bold_first and i == 0)
            room = widths[i] - 2 * PAD + 0.01
            if widest_piece(cell, family, bold, size, language, True) > room:
                yield grid.paths[r][i], cell


def whole(grid: Grid, total: float, family: str, language: str | None = None) -> bool:
    """Whether every word of ``grid`` fits its column whole (unhyphenated) at ``total``."""
    least = [0.0] * max(len(r) for r in grid.rows)
    for r, row in enumerate(grid.rows):
        for i, cell in enumerate(row):
            bold = r == 0 or (grid.bold_first and i == 0)
            least[i] = max(least[i], widest_piece(cell, family, bold, language=language)
                           + 2 * PAD)
    return sum(least) <= total


def table_grid(slide: TableSlide, path: tuple) -> Grid:
    """Return a table slide's table as the brief sets it."""
    table = slide.table
    rows = [[plain(c) for c in table.columns]] + [[plain(c) for c in r] for r in table.rows]
    paths = [[(*path, "table", "columns", c) for c in range(len(table.columns))]]
    paths += [[(*path, "table", "rows", r, c) for c in range(len(row))]
              for r, row in enumerate(table.rows)]
    return Grid(rows, paths)


def comparison_grid(playbook: Playbook, path: tuple, dimension: str) -> Grid:
    """Return a playbook's comparison table (dimensions against subject and peers)."""
    header = [dimension, playbook.subject] + [p.name for p in playbook.peers]
    rows = [[plain(c) for c in header]]
    paths = [[path, (*path, "subject")]
             + [(*path, "peers", p, "name") for p in range(len(playbook.peers))]]
    for d, dim in enumerate(playbook.dimensions):
        rows.append([plain(dim.label), plain(dim.subject)]
                    + [plain(p.contrasts[dim.id]) for p in playbook.peers])
        paths.append([(*path, "dimensions", d, "label"), (*path, "dimensions", d, "subject")]
                     + [(*path, "peers", p, "contrasts", dim.id)
                        for p in range(len(playbook.peers))])
    return Grid(rows, paths, bold_first=True,
                weights=[COMPARISON_WEIGHTS] + [1.0] * (len(header) - 1))


def peer_grid(playbook: Playbook, index: int, path: tuple, dimension: str) -> Grid:
    """Return the contrast table of peer ``index`` of a playbook: dimension, subject, peer
    (the column order of the deck's peer slides)."""
    peer = playbook.peers[index]
    labels = {d.id: (i, d) for i, d in enumerate(playbook.dimensions)}
    rows = [[plain(dimension), plain(playbook.subject), plain(peer.name)]]
    paths = [[path, (*path, "subject"), (*path, "peers", index, "name")]]
    for dim_id, contrast in peer.contrasts.items():
        i, dim = labels[dim_id]
        rows.append([plain(dim.label), plain(peer.subject.get(dim_id, dim.subject)),
                     plain(contrast)])
        paths.append([(*path, "dimensions", i, "label"),
                      (*path, "peers", index, "subject", dim_id) if dim_id in peer.subject
                      else (*path, "dimensions", i, "subject"),
                      (*path, "peers", index, "contrasts", dim_id)])
    return Grid(rows, paths, bold_first=True, weights=PEER_WEIGHTS)


def peers_paired(playbook: Playbook, path: tuple, dimension: str, family: str,
                 language: str | None) -> bool:
    """Whether every peer's contrast table fits half the frame with its words whole (else
    the reads stand one under another, full width, rather than hyphenate narrow columns)."""
    return all(whole(peer_grid(playbook, i, path, dimension), PEER_WIDTH, family, language)
               for i in range(len(playbook.peers)))


def findings(outline: Outline, dimension: str) -> list[Finding]:
    """Return an error for each table cell of the brief that holds a word no column width
    can take without cutting it (``dimension``: the outline's word for 'Dimension')."""
    family, language = outline.brand.fonts.body, outline.meta.language
    grids: list[tuple[Grid, float]] = []
    for s, section in enumerate(outline.sections):
        for k, slide in enumerate(section.slides):
            if isinstance(slide, TableSlide):
                grids.append((table_grid(slide, ("sections", s, "slides", k)), FRAME_WIDTH))
    for b, playbook in enumerate(outline.playbooks):
        path = ("playbooks", b)
        grids.append((comparison_grid(playbook, path, dimension), FRAME_WIDTH))
        width = PEER_WIDTH if peers_paired(playbook, path, dimension, family, language) \
            else FRAME_WIDTH
        grids += [(peer_grid(playbook, i, path, dimension), width)
                  for i in range(len(playbook.peers))]
    out = []
    for grid, width in grids:
        widths = column_widths(grid, width, family, language=language)
        out += [Finding(at, f"'{_longest(text, family, language)}' is too long for its "
                        "column in the brief's table even hyphenated (the table is "
                        f"{width:.0f} pt wide); expected a shorter word or fewer columns",
                        "overflow", "error")
                for at, text in overfull(grid, widths, family, language=language)]
    return out


def _longest(text: str, family: str, language: str | None) -> str:
    """The widest whitespace-separated word of ``text`` (what a reader would look for)."""
    return max(text.split() or [text],
               key=lambda w: widest_piece(w, family, language=language, hyphenate=True))
