"""Text laid out in columns of spaces, as ``pdftotext -layout`` writes a PDF's pages: a page set in
two columns (the narrative on the left, the participants on the right), and a table whose cells
stand side by side, each wrapping over several lines ("No.  Acuerdo  Responsable  Plazo").

Offsets are kept: the parser reads one column at a time, the others blanked (their characters made
spaces, line breaks kept), as it reads one language version of a bilingual file. A table's other
cells are given back as the spans of their pieces, line by line.
"""

from __future__ import annotations

import re
from collections import Counter

from rcmkg.model import Span

#: Fewest lines with text on both sides of a gutter for a run of lines to be two columns.
MIN_BOTH = 6
#: The fewest spaces between two columns' text.
GAP = 3

_SEGMENT = re.compile(r"\S+(?: \S+)*")  # text between runs of two spaces or more
# A table's column headings: the agreement's text, who, by when.
_TEXT_HEAD = re.compile(r"(?:acuerdos?|agreements?|acci[oó]n(?:es)?|actions?|decisi[oó]n|decisions?|recomendaci[oó]n|"
                        r"recommendations?|compromisos?|commitments?|descripci[oó]n|description|actividad|activity)$", re.I)
_WHO_HEAD = re.compile(r"(?:responsables?|responsible|responsibility|a\s+cargo(?:\s+de)?|lead|encargad[oa]s?)$", re.I)
_WHEN_HEAD = re.compile(r"(?:plazo|fecha(?:\s+l[ií]mite)?|deadline|due(?:\s+date)?|date|timeline|calendario|cu[aá]ndo|when)$", re.I)
_ROW_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,2})*[.)]?")
_NUMBER_HEAD = re.compile(r"(?:no\.?|n\.?\s?[º°o]\.?|#|n[uú]m(?:ero|\.)?|item|[ií]tem)$", re.I)
_RULE = re.compile(r"[-=_\u2013\u2014\s]+")
_PAGE_NUMBER = re.compile(r"(?:p[aá]gina|page|p[aá]g\.)\s*\d+(?:\s*(?:de|of)\s*\d+)?|-?\s*\d{1,3}\s*-?", re.I)


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    at = 0
    for line in text.split("\n"):
        out.append((at, at + len(line)))
        at += len(line) + 1
    return out


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the characters of ``spans`` spaces but for line and page breaks: the same offsets."""
    if not spans:
        return text
    parts: list[str] = []
    at = 0
    for s, e in sorted(spans):
        if s < at:
            s = at
        if s >= e:
            continue
        parts += [text[at:s], re.sub(r"[^\n\f]", " ", text[s:e])]
        at = e
    return "".join([*parts, text[at:]])


def _keep(cells: dict[int, tuple[tuple[str, Span], ...]], row_at: int | None, pieces: dict[str, list[Span]]) -> None:
    # (a row with its other cells empty is kept too: where each row starts is what its number is read by)
    if row_at is not None:
        cells[row_at] = tuple((role, sp) for role in ("who", "when") for sp in pieces.get(role, ()))


def two_columns(text: str, min_width: int = 35) -> tuple[str, str] | None:
    """(the text with each two-column run's right column blanked, the same with its left column
    blanked), or None when no run of lines is set in two columns: ``MIN_BOTH`` lines or more with
    text on both sides of one gutter (a column of spaces ``GAP`` wide that no line of the run crosses),
    the left column's lines ``min_width`` characters long on average (running text, not names side by
    side; 0 where names side by side are columns too, in a list of participants)."""
    if "   " not in text:
        return None
    lines = _lines(text)
    starts: Counter[int] = Counter()
    for s, e in lines:
        line = text[s:e]
        for m in _SEGMENT.finditer(line):
            if m.start() >= 20 and line[m.start() - GAP : m.start()] == " " * GAP and line[: m.start()].strip():
                starts[m.start()] += 1
    left: list[tuple[int, int]] = []
    right: list[tuple[int, int]] = []
    for col, _ in starts.most_common(3):
        gutter = col - 1  # the column just before the right column's text
        run: list[tuple[int, int]] = []
        both = cells = width = 0
        for s, e in [*lines, (-1, -1)]:
            line = text[s:e].replace("\f", " ") if s >= 0 else "x" * (gutter + 1)
            if len(line) <= gutter - 1 or line[gutter - 2 : gutter] == "  " or not line[:gutter].strip():
                run.append((s, e))
                if line[:gutter].strip() and line[gutter:].strip():
                    both += 1
                    # (a table's row: cells apart on one side too, "Belize      -      (no connection)")
                    cells += " " * GAP in line[:gutter].strip() or " " * GAP in line[gutter:].strip()
                    width += len(line[:gutter].strip())
                continue
            # (running text on the left, lines of 35 characters or more on average: not a page of
            # signatures side by side, "Por Costa Rica" / "Mariela Quesada Rojas")
            if both >= MIN_BOTH and cells * 3 < both and width >= min_width * both:  # a line across the gutter ends the run
                for a, b in run:
                    if b - a > gutter:
                        right.append((a + gutter, b))
                        left.append((a, a + gutter))
                    else:
                        left.append((a, b))
            run, both, cells, width = [], 0, 0, 0
        if right:
            break  # (the commonest gutter that makes columns: one per text)
    if not right:
        return None
    return blank_spans(text, right), blank_spans(text, left)


def space_tables(text: str) -> tuple[str, dict[int, tuple[tuple[str, Span], ...]]] | None:
    """(the text with each table's cells after its text column blanked, each row's other cells
    by role: the pieces of its "who" and "when" cells, line by line, keyed by the offset of the line
    its number starts, for every row) for the tables set in columns of spaces under a heading row that names a
    text column and a "who" or "when" column; None when there is none. A table runs until a line
    that is none of its rows, a row's continuation, its heading repeated, a rule or a page's furniture
    (a page number, a running header after a form feed)."""
    if "  " not in text:
        return None
    lines = _lines(text)
    blank: list[tuple[int, int]] = []
    cells: dict[int, tuple[tuple[str, Span], ...]] = {}
    k = 0
    while k < len(lines):
        s, e = lines[k]
        heads = [(m.start(), m.group(0)) for m in _SEGMENT.finditer(text, s, e)]
        roles = [("text" if _TEXT_HEAD.match(h) else "who" if _WHO_HEAD.match(h) else "when" if _WHEN_HEAD.match(h) else None)
                 for _, h in heads]
        if len(heads) < 3 or roles[0] is not None or not _NUMBER_HEAD.match(heads[0][1]) or "text" not in roles or not (
                {"who", "when"} & set(roles)):
            k += 1
            continue  # (a table without a number column is not read: where its rows start is not known)
        cols = [a - s for a, _ in heads]
        ti = roles.index("text")
        heading = text[s:e].strip()
        blank.append((s, e))
        row_at: int | None = None
        pieces: dict[str, list[Span]] = {}
        furniture = 0
        j = k + 1
        while j < len(lines):
            a, b = lines[j]
            line = text[a:b]
            flat = line.replace("\f", " ")
            if not flat.strip() or _RULE.fullmatch(flat) or flat.strip() == heading:
                if flat.strip():
                    blank.append((a, b))
                j += 1
                continue
            first = flat[: cols[ti]].strip() if ti else ""
            numbered = bool(first) and _ROW_NUMBER.fullmatch(first) is not None and flat[cols[ti] - 1 : cols[ti]] == " "
            inside = not flat[: max(0, cols[ti] - 1)].strip()
            if not (numbered or inside):
                if "\f" in line or _PAGE_NUMBER.fullmatch(flat.strip()) or furniture and furniture < 3:
                    furniture += 1  # a page's footer and the next page's running header
                    j += 1
                    continue
                again = next((i for i in range(j + 1, min(len(lines), j + 10))
                              if text[lines[i][0] : lines[i][1]].replace("\f", " ").strip() == heading), None)
                if again is None:
                    break
                # a page's footer and the next one's header, then the table's heading repeated: the
                # table goes on (the lines between blanked, as page furniture)
                blank.extend(lines[i] for i in range(j, again + 1))
                j = again + 1
                continue
            furniture = 0
            if numbered:
                _keep(cells, row_at, pieces)
                row_at, pieces = a, {}
            if len(cols) > ti + 1:
                cut = a + cols[ti + 1] - 1
                if cut < b:
                    blank.append((cut, b))
                    for m in _SEGMENT.finditer(text, cut, b):
                        col = m.start() - a
                        ci = max(i for i, c in enumerate(cols) if c <= col + 1)
                        role = roles[ci]
                        if role in ("who", "when") and row_at is not None:
                            pieces.setdefault(role, []).append(Span(m.start(), m.end()))
            j += 1
        _keep(cells, row_at, pieces)
        k = j
    if not blank:
        return None
    return blank_spans(text, blank), cells
