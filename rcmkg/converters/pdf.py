"""The .pdf reader: the text layer in reading order, rebuilt into paragraphs.

A PDF holds positioned lines, not paragraphs. The reader turns them back into the shape the
plain-text exports have (one paragraph per block, blocks separated by a blank line):

* **Running headers and footers** are lines in the top or bottom band of the page that repeat, with
  digits ignored, at the same height on more than half of the pages (at least two). **Page
  numbers** ("3", "Page 3 of 5", "- 3 -", "Página 3") in those bands go too. A one-page PDF has no
  repetition to go by, so only its page number is removed.
* **Paragraphs.** Two consecutive lines belong to the same paragraph unless the vertical gap between
  them is clearly larger than the document's usual line gap, the next line starts a list item
  ("1.", "a)", "•"), the font size changes (a heading), or the first word of the next line would have
  fitted at the end of the line (so the line ended by choice, not by wrapping). A paragraph may
  continue on the next page, unless the page's last line ends a sentence: with no gap to measure,
  a split is the safer guess (the parser reattaches an unmarked paragraph to its item).
* **Hyphenation.** "xxx-" at a line end followed by "yyy" is joined as "xxxyyy" when ``yyy`` starts
  with a lowercase letter (a word broken by the layout), unless the document spells the word with
  a hyphen elsewhere, ``yyy`` itself holds a hyphen ("face-\\nto-face"), or ``xxx`` is a prefix
  usually written with a hyphen ("inter-\\ninstitutional", "non-\\ngovernmental"); then the hyphen
  stays and the words join without a space. The same happens when ``yyy`` starts with a capital
  or a digit ("Franco-\\nAmerican").

* **Two columns.** A page set in two columns of running text (:func:`_columns`: an x in the middle
  that almost no word crosses, rows on both sides of it, the left column's lines reaching it and no
  wide gap inside either side, as a table's cells have) is read column by column, between the rows
  that run across both (a title); each column's lines are measured against its own right edge, and a
  page whose lines stand in the left column only, after such a page, against that column's.

* **Tables drawn with rules** (:func:`_drawn_tables`) come out a row to a line, cells joined by
  " | " as the .docx reader writes a Word table's; a heading row repeated on the next page is left
  out and a row split by a page break is joined. So are tables set in columns without rules under a
  heading row of column names ("N.° Acuerdo Responsable Fecha", :func:`_aligned_tables`).
* **Footnotes.** A footnote's call (a smaller digit raised after a word) is left out; the footnotes
  at a page's foot start with their number as a superscript ("\u2074 Document ..."), as printed.

Offsets are into the rebuilt text. Limitations: tables without rules or a heading row of column
names come out as lines of text, more than two columns as one, and footnotes stay where they are
printed (at the page's foot).
"""

from __future__ import annotations

import io
import re
import statistics
import zlib
from collections import Counter
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rcmkg.converters.read import (
    PARA_MARK,
    laid_out,
    load_bytes,
    max_bytes,
    mb,
    source_file,
    source_text,
    too_large,
)
from rcmkg.errors import InputError
from rcmkg.model import SourceText

MEDIA_TYPE = "application/pdf"
FILE_FACTOR = 5  # a PDF on disk may be this many times the text limit (fonts, images)
UNCOMPRESSED_FACTOR = 10  # Flate streams may inflate to this many times the text limit (as for .docx)
CHUNK = 1 << 20  # bytes inflated at a time by check_streams
BAND = 0.12  # top and bottom share of the page where running headers, footers and page numbers live

PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|p[aá]gina|p[aá]g\.?)\s*)?[-\u2013\u2014]?\s*\d{1,4}\s*[-\u2013\u2014]?"
    r"(?:\s*(?:of|de|/)\s*\d{1,4})?$"
    # (a scan's "- l -", "- 1O -": its digits misread, between dashes)
    r"|^[-\u2013\u2014]\s*[\dlIO]{1,3}\s*[-\u2013\u2014]$",
    re.I,
)
LIST_START = re.compile(
    r"^(?:[-\u2013\u2022\u00b7*\u25aa\u25cf\u2023\u2043\uf0b7]\s*)?"
    r"(?:\d{1,2}(?:\.\d{1,2})*[.)]|\(\d{1,2}\)|[a-zA-Z][.)]|\([a-zA-Z]\)|(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)])\s"
    r"|^[\u2022\u00b7*\u25aa\u25cf\u2023\u2043\uf0b7\u2013-]\s"
    # (a list Word numbers "Acuerdo 4.", "Agreement 4:", "ACUERDO No. 4")
    r"|^(?i:acuerdo|agreement|decisi[oó]n|decision|recomendaci[oó]n|recommendation|compromiso|commitment)\s+(?:(?i:no)\.?\s*)?\d{1,3}[.:)]\s"
    r"|^(?i:acuerdo|decisi[oó]n|resoluci[oó]n)\s+(?i:(?:d[eé]cim[oa]\s+)?(?:primer|segund|tercer|cuart|quint|sext|s[eé]ptim|octav|noven|d[eé]cim|"
    r"und[eé]cim|duod[eé]cim)[oa])\b"
)
SENTENCE_END = re.compile(r"[.;:!?][\"'\u201d\u2019)\]]*$")
UNMAPPED_BULLET = re.compile(r"^\(cid:\d+\)\s*")
UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")
# "(?<!...)": a word is tried from its first letter only; searched from every letter of a long run
# of letters, the pattern was quadratic in the run.
HYPHEN_END = re.compile(r"(?<![^\W\d_])(?P<head>[^\W\d_]+)-$")
# Prefixes that keep their hyphen in English and Spanish compounds ("inter-institutional",
# "non-governmental", "self-assessment", "co-organised"): a line break after them is not a
# layout hyphen. Only used when the document itself does not settle the spelling.
KEEP_HYPHEN_PREFIXES = frozenset(
    {"self", "non", "inter", "intra", "cross", "multi", "co", "ex", "anti", "semi", "post", "pre", "sub", "ultra"}
)


@dataclass
class Line:
    """One text line of a page, with the geometry the paragraph rules need (PDF points, top-down)."""

    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # median font size of its characters
    first_word: float  # width of its first word, to test whether it would have fitted on the line before
    edge: float = 0.0  # the right edge of its column on a page of two (0: the document's widest line's)
    cells: tuple[str, ...] = ()  # a row of a table drawn with rules: its cells' texts (the line's text is set later)
    margin: bool = False  # a note in the page's right margin ("Lead: TS" beside an agreement): left out of the text


def read_pdf(path: Path) -> SourceText:
    """Read a PDF report's text layer into paragraphs (see the module docstring for the rules).

    >>> src = read_pdf(Path("002.pdf"))         # doctest: +SKIP
    >>> src.text.split("\\n\\n")[1]             # doctest: +SKIP
    'Panama City, Panama'
    """
    data = load_bytes(path, FILE_FACTOR * max_bytes())
    if b"%PDF-" not in data[:1024]:  # the header may follow up to 1 kB of junk
        raise InputError(path, "not a valid PDF (no %PDF header)")
    check_streams(path, data)
    lines, sizes, warnings = _lines(path, data)
    if not any(line.text.strip() for line in lines):
        raise InputError(path, "no text layer (scanned?)")
    kept = drop_running_lines([line for line in lines if not line.margin], sizes)
    ids = {id(line) for line in kept}
    margins = tuple(dict.fromkeys(line.text.strip() for line in lines if id(line) not in ids and line.text.strip()))[:50]
    text, breaks = laid_out(paragraphs(join_rows(kept)))
    return source_text(path, source_file(path, data, MEDIA_TYPE), text, encoding="", warnings=tuple(warnings), breaks=breaks,
                       margins=margins)


def check_streams(path: Path, data: bytes) -> None:
    """Refuse a PDF whose Flate streams inflate to more than ``UNCOMPRESSED_FACTOR`` x the text limit.

    pdfminer inflates each stream whole, in memory, and keeps it: a one-megabyte file holding a
    Flate bomb took a conversion to 2.1 GB. Every stream is inflated here first, a chunk at a time
    (memory stays at one chunk), and the file is refused as soon as the running total passes the
    limit, the same bound the .docx reader puts on its zip entries. A stream that is not zlib data
    (an image in DCT, a filter chain not starting with Flate) is skipped: pdfminer decodes those
    otherwise and they are not the bomb's usual form.
    """
    limit = UNCOMPRESSED_FACTOR * max_bytes()
    total = 0
    for body in _streams(data):
        z = zlib.decompressobj()
        try:
            chunk = z.decompress(body, CHUNK)
            while chunk:
                total += len(chunk)
                if total > limit:
                    raise InputError(path, f"refusing PDF: its streams inflate to more than {mb(limit)} MB "
                                           "(a compression bomb?)")
                chunk = z.decompress(z.unconsumed_tail, CHUNK)
        except zlib.error:
            continue  # not Flate (or damaged): pdfminer decides what to do with it


def _streams(data: bytes) -> Iterator[bytes]:
    """The raw bytes of every ``stream ... endstream`` in the file, in file order (one linear scan)."""
    pos = 0
    while True:
        k = data.find(b"stream", pos)
        if k < 0:
            return
        start = k + len(b"stream")
        if data[k - 3 : k] == b"end":  # an "endstream" with no opening one before it: skip it
            pos = start
            continue
        # The keyword is followed by CRLF or LF, then the data, up to "endstream".
        if data[start : start + 2] == b"\r\n":
            start += 2
        elif data[start : start + 1] in (b"\n", b"\r"):
            start += 1
        else:
            pos = start
            continue
        end = data.find(b"endstream", start)
        if end < 0:
            end = len(data)
        yield data[start:end]
        pos = end + len(b"endstream")


def _lines(path: Path, data: bytes) -> tuple[list[Line], list[tuple[float, float]], list[str]]:
    """Every text line of every page, and each page's (width, height)."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:
        inner = exc.args[0] if exc.args else exc
        if isinstance(inner, PDFPasswordIncorrect | PDFEncryptionError):
            raise InputError(path, "encrypted PDF") from None
        raise InputError(path, f"not a valid PDF ({_describe(inner)})") from None
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(path, "encrypted PDF") from None
    lines: list[Line] = []
    sizes: list[tuple[float, float]] = []
    empty: list[int] = []
    limit, total = max_bytes(), 0
    last: list[float] = []  # the last two-column page's gutter and left edge (_page_lines)
    columns: list[float] = []  # the columns of a table without rules the last page ended in (_aligned_tables)
    with pdf:
        try:
            for number, page in enumerate(pdf.pages, start=1):
                sizes.append((float(page.width), float(page.height)))
                found = _footnotes([line for line in _page_lines(_without_marks(page), number, last, columns) if line.text],
                                   float(page.height))
                if not found:
                    empty.append(number)
                lines.extend(found)
                total += sum(len(line.text) + 1 for line in found)
                if total > limit:  # stop early: a huge PDF would otherwise be laid out page by page to the end
                    raise too_large(path, total, limit)
                page.close()  # drop the page's cached layout: memory stays flat on long files
        except (InputError, RecursionError):
            raise  # RecursionError: read() reports it as "too deeply nested"
        except (PDFPasswordIncorrect, PDFEncryptionError):
            raise InputError(path, "encrypted PDF") from None
        except Exception as exc:  # pdfminer raises many kinds (KeyError, TypeError, PSEOF...) on damaged files
            raise InputError(path, f"not a valid PDF ({_describe(exc)})") from None
    widths = {n: round(w) for n, (w, _h) in enumerate(sizes, start=1)}
    if len(set(widths.values())) > 1:
        # pages of two widths (a landscape page for a wide table): each line is measured against the
        # widest line of pages as wide as its own, not of the widest page
        edge: dict[int, float] = {}
        for line in lines:
            if not line.cells and not _LEADERED.search(line.text):  # (as in paragraphs(): a table may reach past the margin)
                edge[widths[line.page]] = max(edge.get(widths[line.page], 0.0), line.x1)
        lines = [line if line.edge or widths[line.page] not in edge else Line(**{**line.__dict__, "edge": edge[widths[line.page]]})
                 for line in lines]
    warnings = []
    if empty and len(empty) < len(sizes):
        warnings.append("no text layer on page " + ", ".join(map(str, empty)) + " (scanned?)")
    return lines, sizes, warnings


#: A footnote's call: a digit (or mark) set smaller than the page's text right after a glyph of it.
_CALL = frozenset("0123456789*\u2020\u2021")


def _without_marks(page: Any) -> Any:
    """The page without its footnote calls (:func:`_without_superscripts`) and without text set at an
    angle over it, a minority of its glyphs: a "DRAFT" / "BORRADOR" watermark drawn across the page,
    a rotated stamp, whose letters a layout mixes into the lines ("lAa ST")."""
    chars = page.chars
    tilted = {id(c) for c in chars if (m := c.get("matrix")) and abs(m[1]) + abs(m[2]) > 0.1 * (abs(m[0]) + abs(m[3]))}
    if tilted and len(tilted) < 0.2 * len(chars):
        page = page.filter(lambda obj: id(obj) not in tilted)
    return _without_superscripts(_without_line_numbers(_without_doubled(page)))


def _without_doubled(page: Any) -> Any:
    """The page with each glyph drawn twice at almost one place (a fake bold: the text printed again 0.3 point apart,
    "11.. TTeemmppoorraarryy") kept once; the page as it is where none is."""
    chars = page.chars
    seen: set[tuple[str, int, int]] = set()
    doubled = 0
    for c in chars:
        key = (str(c.get("text", "")), round(float(c["x0"])), round(float(c["top"])))
        doubled += key in seen
        seen.add(key)
    return page.dedupe_chars(tolerance=1) if doubled >= 3 else page


def _without_line_numbers(page: Any) -> Any:
    """The page without the numbers a draft prints in its left margin, one a line ("1", "2", ... as
    Word's line numbering sets them): digits left of the text's left edge, at one x, counting up by
    one from the top down (eight at least, nine in ten steps by one). Left in, they would open every
    line of the text ("7 The Ad Hoc Working Group ...", "38 2. To approve ...")."""
    chars = page.chars
    text_left = min((float(c["x0"]) for c in chars if str(c["text"]).strip() and not str(c["text"]).isdigit()), default=None)
    if text_left is None:
        return page
    margin = [c for c in chars if str(c["text"]).isdigit() and float(c["x1"]) < text_left - 2]
    if len(margin) < 8:  # (cheap first: most pages print nothing left of their text)
        return page
    # the margin's numbers: its digits joined by line (a number's digits share their top), right-aligned at one x
    by_top: dict[int, list[dict[str, Any]]] = {}
    for c in margin:
        by_top.setdefault(round(float(c["top"])), []).append(c)
    numbers = sorted((top, "".join(str(c["text"]) for c in sorted(cs, key=lambda c: float(c["x0"]))), round(max(float(c["x1"]) for c in cs)))
                     for top, cs in by_top.items())
    edge = Counter(x1 for _, _, x1 in numbers).most_common(1)[0][0]
    values = [int(n) for _, n, x1 in numbers if abs(x1 - edge) <= 2 and len(n) <= 3]
    steps = sum(1 for a, b in zip(values, values[1:], strict=False) if b == a + 1)
    if len(values) < 8 or steps < 0.9 * (len(values) - 1):
        return page
    gone = {id(c) for c in margin if abs(round(max(float(d["x1"]) for d in by_top[round(float(c["top"]))])) - edge) <= 2}
    return page.filter(lambda obj: id(obj) not in gone)


def _without_superscripts(page: Any) -> Any:
    """The page without its footnote calls ("Panama.\u00b9", "2016\u2076"): set higher and smaller
    than their line (a tenth smaller, or more), a layout reads them as a line of their own ("1 2" between two lines of a
    sentence) or glues them to the word ("20166"). A call follows a glyph of the text's size (or
    another call) on its line; a footnote's own number, at the margin, follows none and stays."""
    chars = page.chars
    sizes = [float(c["size"]) for c in chars if str(c["text"]).strip()]
    if not sizes:
        return page
    usual = statistics.median(sizes)
    if not any(float(c["size"]) < 0.9 * usual and c["text"] in _CALL for c in chars):
        return page
    ends: dict[int, list[tuple[float, float]]] = {}  # a glyph's right edge (rounded) -> its (top, bottom)
    calls: set[int] = set()
    for c in sorted(chars, key=lambda c: (float(c["x0"]), float(c["top"]))):
        x0, top, bottom, size = float(c["x0"]), float(c["top"]), float(c["bottom"]), float(c["size"])
        if size < 0.9 * usual and c["text"] in _CALL:
            near = (g for k in (round(x0) - 1, round(x0), round(x0) + 1) for g in ends.get(k, ()))
            # (raised: above the glyph's top, but not clear of it; or, as LibreOffice sets a call, its
            # foot well above the glyph's within its line)
            if any((top < g_top and bottom > g_top) or (g_top < bottom < g_bottom - 0.2 * (g_bottom - g_top))
                   for g_top, g_bottom in near):
                calls.add(id(c))
                # (a call of two digits: the second follows the first, within the text's line)
                ends.setdefault(round(float(c["x1"])), []).append((top, bottom))
                continue
        if size >= 0.9 * usual:
            ends.setdefault(round(float(c["x1"])), []).append((top, bottom))
    if not calls:
        return page
    return page.filter(lambda obj: id(obj) not in calls)


_SUPERSCRIPT = str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")
_NOTE = re.compile(r"(\d{1,2})[ \t]+(?=\S)")


def _footnotes(lines: list[Line], height: float) -> list[Line]:
    """The page's lines, its footnotes' numbers set as superscripts ("4 Document ..." -> "\u2074
    Document ..."), as a footnote is printed and as the paragraph rules leave footnotes out of the
    items: the footnotes are the lines at the page's foot, in the lower half, set smaller than its
    text, from the first that starts with a number."""
    sizes = [line.size for line in lines if line.size]
    if len(sizes) < 4:
        return lines
    usual = statistics.median(sizes)
    foot = len(lines)
    for line in reversed(lines):
        if not line.size or line.size >= 0.9 * usual or line.top < 0.5 * height:
            break
        foot -= 1
    first = next((i for i in range(foot, len(lines)) if _NOTE.match(lines[i].text)), None)
    if first is None or foot == 0:
        return lines
    out = lines[:first]
    for line in lines[first:]:
        m = _NOTE.match(line.text)
        out.append(Line(**{**line.__dict__, "text": m.group(1).translate(_SUPERSCRIPT) + line.text[m.end(1) :]}) if m else line)
    return out


#: The names of a table of agreements' columns, as its heading row prints them.
_COLUMN_NAME = re.compile(r"^(?:n\.?\s*[º°o]\.?|no\.?|n[uú]m(?:ero)?\.?|#|acuerdos?|agreements?|decisi[oó]n(?:es)?|decisions?|"
                          r"acci[oó]n(?:es)?|actions?|compromisos?|commitments?|responsables?|responsible|fechas?|plazos?|"
                          r"deadline|due(?:\s+date)?|date|estado|status)$", re.I)


def _aligned_tables(page: Any, number: int, last_columns: list[float], words: list[dict[str, Any]]) -> list[Line]:
    """The rows of a table of agreements set in columns without rules, under a heading row of column
    names ("N.° Acuerdo Responsable Fecha", each word where its column starts): a row starts where the
    first column holds a number, and the lines under it add to its cells; a line that runs across
    a column's start (a group's title, "B. Plan de Trabajo 2015", or the text after the table) is
    no row, and after it a line of ordinary text ends the table. ``last_columns``: the columns of
    the table the last page ended in, which a page without its own heading row goes on with;
    ``words``: the page's (``page.extract_words()``)."""
    if not words:
        return []
    lines: list[list[dict[str, Any]]] = []
    for w in sorted(words, key=lambda w: (round(float(w["top"])), float(w["x0"]))):
        if lines and abs(float(lines[-1][0]["top"]) - float(w["top"])) <= 2:
            lines[-1].append(w)
        else:
            lines.append([w])
    out: list[Line] = []
    columns: list[float] = []
    row: list[list[str]] | None = None
    box = [0.0, 0.0, 0.0]  # top, bottom, right edge of the row being read
    crossing = 0

    def flush() -> None:
        if row is not None:
            texts = tuple(" ".join(c) for c in row)
            # (its right edge the text's, not the page's: the paragraph rules measure lines against it)
            out.append(Line(" | ".join(t or "\u2014" for t in texts), number, columns[0], box[2], box[0], box[1],
                            0.0, 0.0, cells=texts))

    for ws in lines:
        ws.sort(key=lambda w: float(w["x0"]))
        names = _heading_columns(ws)
        if names:
            flush()
            row, columns, crossing = None, names, 0
            out.append(Line("\x00", number, names[0] - 2, float(page.width), float(ws[0]["top"]) - 1, float(ws[0]["bottom"]) + 1, 0.0, 0.0))
            texts = tuple(" ".join(w["text"] for w in ws if _column(float(w["x0"]), names) == k) for k in range(len(names)))
            out.append(Line(" | ".join(texts), number, names[0], max(float(w["x1"]) for w in ws), float(ws[0]["top"]),
                            float(ws[0]["bottom"]), 0.0, 0.0, cells=texts))
            continue
        if not columns and last_columns and not out:
            columns = list(last_columns)
        if not columns:
            continue
        first = [w["text"] for w in ws if _column(float(w["x0"]), columns) == 0]
        # (a group's title in the first column, "B. Plan de Trabajo 2015", is no row's line either)
        across = any(float(w["x0"]) < c - 1 < float(w["x1"]) for w in ws for c in columns[1:]) or bool(
            first and not re.fullmatch(r"\d{1,3}\.?", " ".join(first)))
        if across:
            flush()
            row = None
            crossing += 1
            if crossing >= 2:
                columns = []  # two lines of ordinary text: the table has ended
            continue  # a group's title over the rows ("A. Seguimiento a los acuerdos ..."): no row
        crossing = 0
        cells: list[list[str]] = [[] for _ in columns]
        for w in ws:
            cells[_column(float(w["x0"]), columns)].append(w["text"])
        right = max(float(w["x1"]) for w in ws)
        if cells[0] and re.fullmatch(r"\d{1,3}\.?", " ".join(cells[0])):
            flush()
            row, box = cells, [float(ws[0]["top"]), float(ws[0]["bottom"]), right]
        elif row is not None:
            for k, c in enumerate(cells):
                row[k] += c
            box[1], box[2] = float(ws[0]["bottom"]), max(box[2], right)
        else:
            # the first lines of the page go on with the last page's row: a row of their own, its first cell empty
            row, box = cells, [float(ws[0]["top"]), float(ws[0]["bottom"]), right]
        out.append(Line("\x00", number, columns[0] - 2, float(page.width), float(ws[0]["top"]) - 1, float(ws[-1]["bottom"]) + 1,
                        0.0, 0.0))
    flush()
    last_columns[:] = columns
    return out if any(line.cells for line in out) else []


def _heading_columns(ws: list[dict[str, Any]]) -> list[float]:
    """The starts of the columns of a table's heading row: three names or more of a table of
    agreements' columns, set apart ("N.°   Acuerdo   Responsable   Fecha"); [] for another line."""
    groups: list[list[dict[str, Any]]] = []
    for w in ws:
        if groups and float(w["x0"]) - float(groups[-1][-1]["x1"]) < 2 * (float(w["bottom"]) - float(w["top"])):
            groups[-1].append(w)
        else:
            groups.append([w])
    # (a narrow column's name close to the next, "No. Acuerdo" over a right-aligned number: two names, each a column's)
    groups = [gg for g in groups for gg in ([[x] for x in g] if len(g) > 1 and not _COLUMN_NAME.match(" ".join(x["text"] for x in g))
                                             and all(_COLUMN_NAME.match(x["text"]) for x in g) else [g])]
    if len(groups) < 3 or not all(_COLUMN_NAME.match(" ".join(x["text"] for x in g)) for g in groups):
        return []
    return [float(g[0]["x0"]) for g in groups]


def _column(x: float, columns: list[float]) -> int:
    return max(0, max((k for k, c in enumerate(columns) if x >= c - 3), default=0))


def _page_lines(page: Any, number: int, last: list[float], last_columns: list[float] | None = None) -> list[Line]:
    """A page's lines in reading order: on a page set in two columns, the left column's lines, then
    the right's, between the rows that run across both (a title, a table heading). ``last``: the
    gutter and the left column's edge of the last page set so ([] before any), which a page whose
    lines all stand left of that gutter (the end of the text, in the left column) keeps."""
    words = page.extract_words()  # (once: the tables without rules and the columns both look at them)
    rows = _drawn_tables(page, number) or _aligned_tables(page, number, last_columns if last_columns is not None else [], words)
    if rows:
        # the text outside the tables, and each table's rows in their place
        for top, bottom, x0, x1 in {(r.top, r.bottom, r.x0, r.x1) for r in rows if r.text == "\x00"}:
            page = page.outside_bbox((max(0.0, x0), max(0.0, top), min(float(page.width), x1), min(float(page.height), bottom)))
        text = [_line(raw, number) for raw in page.extract_text_lines(strip=True, return_chars=True)]
        # (a borderless table's row numbers above a table of participants: placed as on a page without one)
        if (labels := _row_labels(page.extract_words())) and (placed := _labels_placed(page, number, labels)) is not None:
            text = placed
        return sorted([*text, *(r for r in rows if r.text != "\x00")], key=lambda line: line.top)
    split = _columns(words, float(page.height)) or _sidebar(words, float(page.height))
    if split is None:
        notes = _margin_notes(words, float(page.height))
        if notes:
            # (the notes apart, a line each, and the text's lines without them: "... Presidency Pro Lead: Mexico (PPT)")
            boxes = [(float(w["x0"]) - 0.5, float(w["top"]) - 0.5, float(w["x1"]) + 0.5, float(w["bottom"]) + 0.5) for w in notes]
            noted = [_line(raw, number) for raw in page.filter(lambda o: o.get("object_type") == "char" and any(
                a <= float(o["x0"]) and float(o["x1"]) <= c and b <= float(o["top"]) and float(o["bottom"]) <= d for a, b, c, d in boxes)
                ).extract_text_lines(strip=True, return_chars=True)]
            page = page.filter(lambda o: not (o.get("object_type") == "char" and any(
                a <= float(o["x0"]) and float(o["x1"]) <= c and b <= float(o["top"]) and float(o["bottom"]) <= d for a, b, c, d in boxes)))
            words = page.extract_words()
        plain = [_line(raw, number) for raw in page.extract_text_lines(strip=True, return_chars=True)]
        if (labels := _row_labels(words)) and (placed := _labels_placed(page, number, labels)) is not None:
            plain = placed
        height = float(page.height)
        body = [line for line in plain if BAND * height <= line.top and line.bottom <= (1 - BAND) * height]
        if notes:
            plain = sorted([*plain, *(Line(**{**line.__dict__, "margin": True}) for line in noted)], key=lambda line: line.top)
        if last and body and max(line.x1 for line in body) <= last[0]:  # (the running lines aside)
            return [Line(**{**line.__dict__, "edge": last[1]}) for line in plain]
        return plain
    gutter, bands = split
    width = float(page.width)
    height = float(page.height)
    out: list[Line] = []
    for top, bottom, across in bands:
        boxes = [(0.0, top, width, bottom)] if across else [(0.0, top, gutter, bottom), (gutter, top, width, bottom)]
        for box in boxes:
            region = page.within_bbox(box)
            lines = [_line(raw, number) for raw in region.extract_text_lines(strip=True, return_chars=True)]
            # (the running header and footer aside: "RCM – Ad Hoc Working Group ..." at the page's top, wider than
            # the column's text, would set its edge and cut every full line from the next)
            inner = [line for line in lines if BAND * height <= line.top and line.bottom <= (1 - BAND) * height] or lines
            edge = max((line.x1 for line in inner), default=0.0) if not across else 0.0
            if not across and box[0] == 0.0 and edge:
                last[:] = [gutter, edge]
            out += [Line(**{**line.__dict__, "edge": edge}) for line in lines]
    return out


#: A sub-item's marker or a bullet opening a line ("a) ...", "(ii) ...", "• ...").
_SUB_MARK = re.compile(r"(?:\(?[a-z]\)|\(?[ivx]{1,4}\)|[\u2022\u25aa\u25e6\u2013-])\s")


def _row_labels(words: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The numbers of a borderless table's rows set in a column of their own left of the text ("1" ... "8" in a
    shaded box, centred on its row): words of one or two digits, each the first on its line and well apart from
    the words after it, right-aligned at one x, counting up by one; [] unless two at least."""
    nums = [w for w in words if re.fullmatch(r"\d{1,2}\.?", str(w["text"]))]
    if len(nums) < 2:
        return []
    by_top: dict[int, list[dict[str, Any]]] = {}  # (a line's words by their top: linear in the page's words)
    for o in words:
        by_top.setdefault(round(float(o["top"])), []).append(o)
    found = []
    for w in nums:
        top, x1 = float(w["top"]), float(w["x1"])
        same = [float(o["x0"]) for k in range(round(top) - 3, round(top) + 4) for o in by_top.get(k, ())
                if o is not w and abs(float(o["top"]) - top) < 3]
        if any(x < x1 for x in same) or (same and min(same) - x1 < 15):
            continue
        found.append(w)
    if len(found) < 2:
        return []
    edge = Counter(round(float(w["x1"])) for w in found).most_common(1)[0][0]
    found = sorted((w for w in found if abs(float(w["x1"]) - edge) <= 2), key=lambda w: float(w["top"]))
    values = [int(str(w["text"]).rstrip(".")) for w in found]
    if len(found) < 2 or any(b != a + 1 for a, b in zip(values, values[1:], strict=False)):
        return []
    # (the text stands right of the column: most of the page's words start past it)
    if sum(1 for o in words if float(o["x0"]) > edge + 5) < 0.8 * len(words):
        return []
    return found


def _labels_placed(page: Any, number: int, labels: list[dict[str, Any]]) -> list[Line] | None:
    """The page's lines with each row number of :func:`_row_labels` put before the first line of its row, as a
    table's row is written ("3 | Regarding the ...:"): the first line of the block of lines at the number's
    height, or above it, that is no sub-item ("a) ..."). None when the numbers stand on their rows' first lines
    (a list numbered in a hanging margin, read as it is) or a row cannot be told."""
    boxes = [(float(w["x0"]) - 0.5, float(w["top"]) - 0.5, float(w["x1"]) + 0.5, float(w["bottom"]) + 0.5) for w in labels]
    region = page.filter(lambda o: not (o.get("object_type") == "char" and any(
        a <= float(o["x0"]) and float(o["x1"]) <= c and b <= float(o["top"]) and float(o["bottom"]) <= d for a, b, c, d in boxes)))
    lines = sorted((_line(raw, number) for raw in region.extract_text_lines(strip=True, return_chars=True)), key=lambda ln: ln.top)
    # (every line: a row's first line may stand high on a page, where a running header would; the header is set
    # apart from it by more than a line's pitch)
    body = list(range(len(lines)))
    steps = [lines[b].top - lines[a].top for a, b in zip(body, body[1:], strict=False)]
    if not body or not steps:
        return None
    pitch = statistics.median(steps)
    starts: dict[int, dict[str, Any]] = {}
    centred = 0
    for w in labels:
        middle = (float(w["top"]) + float(w["bottom"])) / 2
        at = [k for k in body if lines[k].top <= middle]
        if not at:
            return None
        k = start = at[-1]

        def block_start(i: int) -> int:
            while i - 1 in body and lines[i].top - lines[i - 1].top <= 1.35 * pitch:
                i -= 1
            return i

        start = block_start(k)
        while _SUB_MARK.match(lines[start].text) and start - 1 in body:
            start = block_start(start - 1)
        if start in starts or (starts and start < max(starts)):
            return None
        # (centred on its row: beside a line of the text, but not on its baseline; a number on its row's first line
        # is a list's hanging number, and one on a line of its own sits above its paragraph: read as printed)
        top, bottom = float(w["top"]), float(w["bottom"])
        beside = [ln for ln in lines if ln.top < bottom and ln.bottom > top]
        centred += bool(beside) and all(abs(ln.top - top) > 1.5 for ln in beside)
        starts[start] = w
    if centred * 2 <= len(labels):
        return None
    out = []
    for k, ln in enumerate(lines):
        if (label := starts.get(k)) is not None:
            ln = Line(**{**ln.__dict__, "text": f"{str(label['text']).rstrip('.')} | {ln.text}", "x0": float(label["x0"])})
        out.append(ln)
    return out


#: Most pairs of vertical and horizontal rules a page's tables are looked for among (a table of 60
#: rows and 8 columns has about 30,000).
_EDGE_PAIRS = 250_000


def _drawn_tables(page: Any, number: int) -> list[Line]:
    """The rows of the tables drawn with rules on the page (two columns and two rows at least), each a
    line of its cells, in reading order; and for each table a marker line (text "\\x00") holding its
    box. A table whose cell borders run on below its last rule (a row split at the page's foot) is
    closed there."""
    verticals = page.vertical_edges
    if not verticals or len(verticals) * len(page.horizontal_edges) > _EDGE_PAIRS:
        return []  # (a page of thousands of rules: the tables' search pairs them all; read as text)
    settings: dict[str, Any] = {}
    low = max(float(e["bottom"]) for e in verticals)
    high = min(float(e["top"]) for e in verticals)
    rules = [float(e["top"]) for e in page.horizontal_edges]
    closing = [y for y in (high, low) if not any(abs(r - y) <= 2 for r in rules)]
    if closing:
        settings["explicit_horizontal_lines"] = closing
    out: list[Line] = []
    for table in page.find_tables(settings):
        cells = [row for row in table.extract() if any(c and c.strip() for c in row)]
        if len(cells) < 2 or max(len(row) for row in cells) < 2:
            continue
        x0, top, x1, bottom = (float(v) for v in table.bbox)
        out.append(Line("\x00", number, x0, x1, top, bottom, 0.0, 0.0))
        for row, box in zip(table.extract(), table.rows, strict=True):
            if not any(c and c.strip() for c in row):
                continue
            texts = tuple(_cell_text(c) for c in row)
            out.append(Line(" | ".join(t or "\u2014" for t in texts), number, x0, x1, float(box.bbox[1]), float(box.bbox[3]),
                            0.0, 0.0, cells=texts))
    return out


# A short line that goes on onto the next: a word cut, or a word that cannot end a cell ("15 de marzo de" /
# "2020", "Próxima reunión del" / "GRCM").
_GOES_ON = re.compile(r"(?:-|\b(?:de|del|la|el|los|las|y|e|o|para|en|a|al|con|of|the|and|to|by|for|in|on|at|with))$", re.I)
_SENTENCE_DONE = re.compile(r"[.;!?][\"'\u201d\u00bb)]*$")


def _cell_text(cell: str | None) -> str:
    """A cell's lines joined as a paragraph's are, a mark (:data:`PARA_MARK`) where a line starts a
    paragraph of its own: after a sentence's end, a capital ("... del Plan de Trabajo 2019-2020." /
    "Solicitar a la ST ..."), or at each line of a cell of short lines ("ST" / "Países miembros")."""
    lines = [_clean(line) for line in (cell or "").splitlines() if line.strip()]
    text = lines[0] if lines else ""
    listed = len(lines) >= 2 and all(len(line) <= 30 for line in lines)
    for prev, line in zip(lines, lines[1:], strict=False):
        if (listed and not _GOES_ON.search(prev) and not line[:1].islower()
                and not (re.fullmatch(r"(?:19|20)\d\d", line) and not re.search(r"\b(?:19|20)\d\d\b", prev))) or (
                _SENTENCE_DONE.search(prev) and line[:1].isupper()):
            text = text + PARA_MARK + line
        else:
            text = join_lines(text, line)
    return text


def join_rows(lines: list[Line]) -> list[Line]:
    """The rows of drawn tables as the .docx reader writes a table's (cells joined by " | ", an empty
    one as a dash): a table's heading row repeated on a later page left out, and a row split over a
    page break (its first cell empty on the next page) joined into one."""
    out: list[Line] = []
    headings: set[tuple[str, ...]] = set()
    last: int | None = None  # the last row kept, in out
    rows_on: dict[int, int] = {}  # a page's rows kept so far
    for line in lines:
        if not line.cells:
            out.append(line)
            continue
        first = not rows_on.get(line.page)  # (the first on its page but for a repeated heading)
        if line.cells in headings:
            continue
        rows_on[line.page] = rows_on.get(line.page, 0) + 1
        if first and last is not None and (not line.cells[0] or _cut_short(out[last].cells[0], line.cells[0])) and len(out[last].cells) == len(line.cells) and (
                not any(not ln.cells for ln in out[last + 1 :])) and not _numbered_apart(out[last].cells, line.cells):
            merged = tuple(join_lines(a, b) if a and b else a or b for a, b in zip(out[last].cells, line.cells, strict=True))
            out[last] = Line(**{**out[last].__dict__, "cells": merged, "text": " | ".join(t or "\u2014" for t in merged)})
            continue
        if first and not any(ch.isdigit() for ch in line.cells[0]) and all(len(c) < 40 for c in line.cells):
            headings.add(line.cells)  # a table's heading row ("No. | Acuerdo | Responsable | Plazo")
        out.append(line)
        last = len(out) - 1
    return out


def _cut_short(above: str, below: str) -> bool:
    """Whether a row's first cell, a wrapped text cut mid-sentence at the page's foot ("... de los
    "Lineamientos Regionales para la Identificación"), goes on in the first cell of the next page's
    first row ("Preliminar de Perfiles ..."): no sentence's end, no number starting the next."""
    return (len(above) >= 60 and re.search(r"[.;:!?\"\u201d\u00bb)]\s*$", above) is None
            and _ROW_NUMBER.match(below.strip()) is None)


def _numbered_apart(above: tuple[str, ...], below: tuple[str, ...]) -> bool:
    """Whether two rows each hold a number of their own in one column ("4", then "5" under a group
    cell left empty on the next page): two rows, not one split by the page break."""
    return any(_ROW_NUMBER.fullmatch(a.strip()) and _ROW_NUMBER.fullmatch(b.strip()) for a, b in zip(above, below, strict=False))


_ROW_NUMBER = re.compile(r"\d{1,3}[.)]?")


#: Fewest words on a page worth looking for two columns, and fewest rows set side by side in them.
COLUMN_WORDS, COLUMN_ROWS = 40, 6


_LIST_MARK = re.compile(r"\d{1,2}[.)]|[a-zA-Z][.)]|\(?[a-z0-9]{1,3}\)|[\u2022\u25cf\u25aa\-\u2013]")


def _rows(words: list[dict[str, Any]], gutter: float) -> list[list[dict[str, Any]]]:
    """The page's words in rows, top to bottom: each side's lines of the gutter, and the lines over it, with
    the lines beside them that overlap them by half a line or more. Two columns' lines need not share a
    baseline: a heading's spacing above shifts one column's by a fraction of a line."""
    lines: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for w in words:
        side = 0 if float(w["x1"]) <= gutter else 2 if float(w["x0"]) >= gutter else 1
        lines.setdefault((side, round(float(w["top"]) / 3)), []).append(w)
    rows: list[tuple[float, float, list[dict[str, Any]]]] = []
    for ws in sorted(lines.values(), key=lambda ws: min(float(w["top"]) for w in ws)):
        top, bottom = min(float(w["top"]) for w in ws), max(float(w["bottom"]) for w in ws)
        for k in range(len(rows) - 1, max(-1, len(rows) - 4), -1):
            rt, rb, row = rows[k]
            if min(bottom, rb) - max(top, rt) >= 0.5 * min(bottom - top, rb - rt):
                rows[k] = (min(top, rt), max(bottom, rb), row + ws)
                break
        else:
            rows.append((top, bottom, ws))
    return [row for _, _, row in sorted(rows, key=lambda r: r[0])]


def _columns(words: list[dict[str, Any]], height: float) -> tuple[float, list[tuple[float, float, bool]]] | None:
    """(the gutter's x, the page's bands from top to bottom as (top, bottom, runs across)) of a page
    set in two columns of running text, or None. Two columns: an x in the middle of the page that
    almost no word crosses, with rows of words on both sides of it whose gap there is wider than a
    space, and the left column's lines reaching the gutter (a table's short first column does not)."""
    if len(words) < COLUMN_WORDS:
        return None
    # the candidate gutter across the middle 30 % of the text's width that the fewest words cross
    crossing, gutter, x_min = _quietest(words, 0.35, 0.65)
    if crossing > 0.05 * len(words):
        return None
    # per row, top to bottom: (top, bottom, a word over the gutter, the gap at the gutter or None)
    shape: list[tuple[float, float, bool, float | None]] = []
    gaps: list[float] = []
    reach: list[float] = []
    tabular = 0  # two-sided rows with a wide gap inside a side: a table's cells, not a column's line
    for row in _rows(words, gutter):
        left = [float(w["x1"]) for w in row if float(w["x1"]) <= gutter]
        right = [float(w["x0"]) for w in row if float(w["x0"]) >= gutter]
        over = len(left) + len(right) < len(row)
        gap = min(right) - max(left) if left and right and not over else None
        if gap is not None:
            gaps.append(gap)
            reach.append(gutter - max(left))
            for side in ([w for w in row if float(w["x1"]) <= gutter], [w for w in row if float(w["x0"]) >= gutter]):
                side.sort(key=lambda w: float(w["x0"]))
                spaces = [float(b["x0"]) - float(a["x1"]) for a, b in zip(side, side[1:], strict=False)]
                if spaces and _LIST_MARK.fullmatch(str(side[0]["text"])):
                    spaces = spaces[1:]  # (the indent after a list's number, "1.   To thank ...", is no cell's edge)
                # (a justified line's spaces are all wide, "sobre       Migración        Extrarregional,"; a table's
                # row has one wide gap between cells among a line's usual spaces)
                if (spaces and max(spaces) > max(12.0, 1.5 * (float(side[0]["bottom"]) - float(side[0]["top"])))
                        and (len(spaces) == 1 or max(spaces) > 2 * statistics.median(sorted(spaces)[:-1]))):
                    tabular += 1
                    break
        shape.append((min(float(w["top"]) for w in row), max(float(w["bottom"]) for w in row), over, gap))
    if len(gaps) < COLUMN_ROWS or tabular > 0.2 * len(gaps):
        return None
    usual = statistics.median(gaps)
    if usual < 8.0 or statistics.median(reach) > 0.2 * (gutter - x_min):
        return None
    # (the gap of the columns' own lines, below the median that titles and short lines widen: a
    # justified pair of columns 14 points apart under headings 30 points apart)
    narrow = min(usual, statistics.quantiles(gaps, n=4)[0]) if len(gaps) >= 4 else usual
    # a row over the gutter, or with both sides closer than half its usual gap (a centred title)
    return gutter, _bands([(top, bottom, over or (gap is not None and gap < 0.5 * narrow)) for top, bottom, over, gap in shape], height)


def _quietest(words: list[dict[str, Any]], start: float, end: float) -> tuple[int, float, float]:
    """(how many words cross it, x, the text's left edge) of the x between ``start`` and ``end`` (fractions of
    the text's width, in steps of 1 %) that the fewest words cross."""
    x_min = min(float(w["x0"]) for w in words)
    span = max(float(w["x1"]) for w in words) - x_min
    steps = round((end - start) * 100) + 1
    crossing, gutter = min((sum(1 for w in words if float(w["x0"]) < x < float(w["x1"])), x)
                           for x in (x_min + span * (start + 0.01 * step) for step in range(steps)))
    return crossing, gutter, x_min


def _bands(rows: list[tuple[float, float, bool]], height: float) -> list[tuple[float, float, bool]]:
    """The page's bands from (top, bottom, runs across) rows: runs of rows alike, each band from just above
    its first row to just above the next band's (no glyph between two)."""
    bands: list[tuple[float, float, bool]] = []
    for top, bottom, across in rows:
        if bands and bands[-1][2] == across:
            bands[-1] = (bands[-1][0], max(bands[-1][1], bottom), across)
        else:
            bands.append((top, bottom, across))
    tops = [0.0] + [max(0.0, band[0] - 0.5) for band in bands[1:]]
    return [(tops[i], tops[i + 1] if i + 1 < len(bands) else height, band[2]) for i, band in enumerate(bands)]


def _margin_notes(words: list[dict[str, Any]], height: float) -> list[dict[str, Any]]:
    """The words of notes set in the page's right margin beside the text ("Lead: Mexico / IOM" at the height of an
    agreement's first line), or []. Notes: right of an x in the right third of the text's width that no word of the
    page's body crosses, the text's lines reaching close to it, on a few of its lines only (a table's last column
    fills most of its rows), each note a few words."""
    height_band = [w for w in words if BAND * height <= float(w["top"]) and float(w["bottom"]) <= (1 - BAND) * height]
    if len(height_band) < COLUMN_WORDS:
        return []
    crossing, gutter, _ = _quietest(height_band, 0.7, 0.92)
    if crossing:
        return []
    right = [w for w in height_band if float(w["x0"]) >= gutter]
    left = [w for w in height_band if float(w["x1"]) <= gutter]
    right_rows = Counter(round(float(w["top"])) for w in right)
    left_rows = {round(float(w["top"])) for w in left}
    if not right or len(right_rows) < 2 or len(right_rows) > 0.35 * len(left_rows) or max(right_rows.values()) > 6:
        return []
    # (the text reaches the gutter, a justified column's edge, and the notes stand clear of it)
    edge = max(float(w["x1"]) for w in left)
    if gutter - edge > 30 or min(float(w["x0"]) for w in right) - edge < 12:
        return []
    # (each note beside a line of the text, not a column of its own further down)
    if sum(1 for top in right_rows if {top - 2, top - 1, top, top + 1, top + 2} & left_rows) < 0.5 * len(right_rows):
        return []
    return right


def _sidebar(words: list[dict[str, Any]], height: float) -> tuple[float, list[tuple[float, float, bool]]] | None:
    """(the gutter's x, the page's bands) of a page with a narrow column of its own beside the text (a
    letterhead's margin listing the member countries), or None. A sidebar: an x in the left third of
    the text's width that almost no word crosses, with lines on both sides, whose lines keep their own
    spacing: few of the left side's lines share a baseline with the right's, as a table's cells do."""
    if len(words) < COLUMN_WORDS:
        return None
    crossing, gutter, _ = _quietest(words, 0.15, 0.35)
    if crossing > 0.02 * len(words):
        return None
    left = {round(float(w["top"])) for w in words if float(w["x1"]) <= gutter}
    right = {round(float(w["top"])) for w in words if float(w["x0"]) >= gutter}
    if len(left) < COLUMN_ROWS or len(right) < COLUMN_ROWS:
        return None
    shared = sum(1 for top in left if {top - 1, top, top + 1} & right)
    if shared > 0.3 * len(left):
        return None
    # the rows over the gutter (a letterhead's line, a title across the page) run across; the rest are
    # the two columns, read one after the other
    rows = [(min(float(w["top"]) for w in row), max(float(w["bottom"]) for w in row),
             any(float(w["x0"]) < gutter < float(w["x1"]) for w in row)) for row in _rows(words, gutter)]
    return gutter, _bands(rows, height)


def _describe(exc: BaseException) -> str:
    if type(exc).__name__ == "PSEOF":  # pdfminer's end-of-data error: the usual sign of a cut-off download
        return "truncated: unexpected end of file"
    msg = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__


def _line(raw: dict[str, Any], page: int) -> Line:
    chars = [c for c in raw.get("chars") or [] if str(c.get("text", "")).strip()]
    sizes = [float(c.get("size", 0)) for c in chars]
    size = statistics.median(sizes) if sizes else 0.0
    x0 = float(raw["x0"])
    # The first word ends at the first gap between glyphs (pdfplumber leaves space glyphs out).
    first_end = float(chars[0]["x1"]) if chars else x0
    for a, b in zip(chars, chars[1:], strict=False):
        if float(b["x0"]) - float(a["x1"]) > 0.15 * (size or 10.0):
            break
        first_end = float(b["x1"])
    return Line(
        text=_clean(str(raw["text"])),
        page=page,
        x0=x0,
        x1=float(raw["x1"]),
        top=float(raw["top"]),
        bottom=float(raw["bottom"]),
        size=size,
        first_word=first_end - x0,
    )


def _clean(text: str) -> str:
    """Collapse whitespace; show bullet glyphs that have no Unicode mapping as "•".

    Word's bullets come from the Symbol font as U+F0B7, or with no mapping at all as "(cid:N)";
    a line that starts with one such glyph and a space is a bullet item.
    """
    # (a NUL in the text layer is no paragraph mark of this reader's: a space)
    text = " ".join(text.replace(PARA_MARK, " ").split()).replace("\uf0b7", "\u2022")
    # "10.Agradecer", "10.RESPALDARON": a number set against its text (the gap after a wide number narrower than a
    # space) is still a list's number
    text = _GLUED_NUMBER.sub(lambda m: (m.group(1) or m.group(2)) + " ", text)
    # elsewhere in the line (a bullet beside a side heading of another column), a glyph shown as
    # itself, not as pdfminer's "(cid:127)"
    return UNMAPPED_GLYPH.sub("\u2022", UNMAPPED_BULLET.sub("\u2022 ", text))


# (or "(a)review ...": a letter or number in brackets against a word of either case)
_GLUED_NUMBER = re.compile(r"^(\d{1,2}[.)])(?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ]|[A-ZÁÉÍÓÚÑ]{3,}\b)|^(\((?:[a-h]|[ivx]{1,4}|\d{1,2})\))(?=[A-Za-zÁÉÍÓÚÑáéíóúñ]{2})")


# ---- running headers, footers and page numbers -------------------------------------------------------


def drop_running_lines(lines: list[Line], sizes: list[tuple[float, float]]) -> list[Line]:
    """Lines without the running headers/footers and page numbers (see the module docstring)."""
    pages = len(sizes)

    def in_band(line: Line) -> bool:
        height = sizes[line.page - 1][1]
        return line.top < BAND * height or line.bottom > (1 - BAND) * height

    def key(line: Line) -> str:
        return re.sub(r"\d+", "#", line.text.lower())

    repeated: set[tuple[str, int]] = set()  # (key, rounded top) of running lines
    if pages >= 2:
        tops: dict[str, list[tuple[int, float]]] = {}
        for line in lines:
            if in_band(line):
                tops.setdefault(key(line), []).append((line.page, line.top))
        for k, seen in tops.items():
            for _, top in seen:
                # Pages where this text sits at (about) this height.
                near = {p for p, t in seen if abs(t - top) <= 3}
                if len(near) >= 2 and 2 * len(near) > pages:
                    repeated.add((k, round(top)))
    out = []
    for line in lines:
        if in_band(line):
            if PAGE_NUMBER.match(line.text):
                continue
            k = key(line)
            if any(k == rk and abs(line.top - rt) <= 4 for rk, rt in repeated):
                continue
        out.append(line)
    return out


# ---- paragraphs ------------------------------------------------------------------------------------


def paragraphs(lines: list[Line]) -> str:
    """The lines joined into paragraphs, paragraphs separated by a blank line."""
    if not lines:
        return ""
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:], strict=False) if a.page == b.page and b.top > a.top]
    usual_gap = _percentile([g for g in gaps if g > -2], 0.2) if gaps else 0.0
    # (a table's rows are paragraphs of their own, and a table often reaches past the text's margin; so does a
    # table of contents' right tab: "1. Opening Session ........ 3")
    right_edge = max(line.x1 for line in [line for line in lines if not line.cells and not _LEADERED.search(line.text)] or lines)
    vocabulary = _vocabulary(lines)
    out: list[str] = []
    current = lines[0].text
    for prev, line in zip(lines, lines[1:], strict=False):
        # (entries of a labelled list, "Costa Rica: Ms. ..." then "Dominican Republic: Mr. ...", each
        # a paragraph of its own even where a line of the first reached the margin)
        if _same_paragraph(prev, line, usual_gap, right_edge) and not (_ENTRY.match(line.text) and _ENTRY.match(current)):
            current = join_lines(current, line.text, vocabulary)
        else:
            out.append(current)
            current = line.text
    out.append(current)
    return "\n\n".join(out)


# A table of contents' entry: dot leaders to its page number.
_LEADERED = re.compile(r"(?:\.[ \t]?){4,}[ \t]*[\dIVXLivxl]{1,4}[ \t]*$")
_ENTRY = re.compile(r"[A-ZÁÉÍÓÚÑ][\w'.-]*(?:[ \t]+[\w'.-]+){0,3}:[ \t]+\S")


def _same_paragraph(prev: Line, line: Line, usual_gap: float, right_edge: float) -> bool:
    if LIST_START.match(line.text) or prev.cells or line.cells:  # (a table's row is a paragraph of its own)
        return False
    size = prev.size or line.size or 10.0
    if prev.size and line.size and abs(prev.size - line.size) > 1.5:
        return False  # a change of font size: a heading starts or ends
    if prev.page == line.page:
        gap = line.top - prev.bottom
        if gap > max(usual_gap + 0.4 * size, 0.5 * size):
            return False
        if line.top <= prev.top:  # back up the page: another column or a floating box
            return False
    if HYPHEN_END.search(prev.text):
        return True
    if prev.page == line.page and SENTENCE_END.search(prev.text) and line.x0 < prev.x0 - 0.8 * size:
        # an indented paragraph ends with its sentence where the next line starts further left ("b) ... de la
        # Coalición." / "SE ACUERDA: Agradecer ..."): the text goes back to the margin, a paragraph starts
        return False
    if prev.page != line.page and SENTENCE_END.search(prev.text) and not prev.text.rstrip().endswith(":"):
        # No gap to measure across a page break. Splitting a paragraph here is the safer error:
        # the parser reattaches an unmarked paragraph to the item before it, but cannot undo a join.
        # A colon does not end the paragraph by itself ("... Vulnerable Situations: / Victims"): a
        # list after it starts with a marker, and the line's width decides below.
        return False
    if not SENTENCE_END.search(prev.text) and (line.text[:1].islower() or (len(prev.text) >= 60 and not prev.text.isupper()
                                                                           and not _ENTRY.match(line.text))):
        # a sentence that goes on ("... en reunión celebrada los" / "días 23 y 24 ...", "... Estados" / "Unidos de
        # America, ..."): the same paragraph, however short the line (a scan's invisible text layer measures its words
        # loosely); a heading is short or in capitals
        return True
    space = 0.3 * size
    # The layout wraps a line only when the next word does not fit; if it would have, the line
    # ended there on purpose (the last line of a paragraph, a heading, a dateline).
    # One space of tolerance: layout engines stretch and squeeze spaces (justified text).
    return prev.x1 + space + line.first_word > (prev.edge or right_edge) - space


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def _vocabulary(lines: list[Line]) -> set[str]:
    """Lowercased words as printed inside lines, hyphenated compounds included."""
    words: set[str] = set()
    for line in lines:
        for token in line.text.split()[:-1] if line.text.endswith("-") else line.text.split():
            words.add(token.strip(".,;:!?()[]\"'\u201c\u201d\u2018\u2019").lower())
    return words


def join_lines(text: str, nxt: str, vocabulary: AbstractSet[str] = frozenset()) -> str:
    """Join the next line to a paragraph, repairing a word hyphenated at the line end.

    >>> join_lines("the presen-", "tation of the")
    'the presentation of the'
    >>> join_lines("for inter-", "institutional teams")
    'for inter-institutional teams'
    >>> join_lines("Costa", "Rica")
    'Costa Rica'
    """
    m = HYPHEN_END.search(text)
    if not m:
        return f"{text} {nxt}" if text and nxt else text + nxt
    head = m.group("head")
    tail = nxt.split(" ", 1)[0]
    tail_word = re.match(r"[^\W\d_]*", tail)
    tail_letters = tail_word.group(0) if tail_word else ""
    joined = (head + tail_letters).lower()
    hyphenated = f"{head}-{tail_letters}".lower()
    keep = (
        not tail[:1].islower()
        or "-" in tail.rstrip("-")
        or (hyphenated in vocabulary and joined not in vocabulary)
        or (head.lower() in KEEP_HYPHEN_PREFIXES and joined not in vocabulary)
    )
    return text + nxt if keep else text[:-1] + nxt
