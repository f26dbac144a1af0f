"""Lists as files: CSV, XLSX and JSON of the commitments, a timeline, search results, a canned query.

One :class:`Table` (column names and rows of text) per list, written three ways:

* CSV (UTF-8 with a byte-order mark, so that spreadsheet programs read the accents right): every
  cell through :func:`rcmkg.safety.csv_cell` (a cell starting with ``=``, ``+``, ``-``, ``@`` is
  defused with an apostrophe: OWASP "CSV injection").
* XLSX (XlsxWriter): every cell written as a string cell (``write_string``, and the workbook's
  conversions of strings to formulas, numbers and links off), so no cell is ever a formula, and a
  formula-looking one carries Excel's quote prefix (as if typed after an apostrophe);
  control and bidi characters made visible (:func:`rcmkg.safety.visible`). The workbook's dates
  are fixed, so the same list gives the same bytes.
* JSON: a list of objects keyed by column, values exact.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import xlsxwriter

from rcmkg.safety import FORMULA_START, csv_cell, visible, xml_chars
from rcmkg.sparql.writers import indented_json

FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


@dataclass
class Table:
    """A list to export: a file name stem, column names, rows of text (None for empty)."""

    name: str
    columns: list[str]
    rows: list[list[str | None]]

    def render(self, fmt: str) -> bytes:
        """The table as ``fmt`` (csv, xlsx, json)."""
        if fmt == "csv":
            return self.csv()
        if fmt == "xlsx":
            return self.xlsx()
        if fmt == "json":
            return self.json()
        raise ValueError(f"no export format {fmt!r}")

    def csv(self) -> bytes:
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\r\n")
        w.writerow([csv_cell(c) for c in self.columns])
        for row in self.rows:
            w.writerow([csv_cell(v or "") for v in row])
        return ("\ufeff" + out.getvalue()).encode("utf-8")

    def json(self) -> bytes:
        return indented_json([dict(zip(self.columns, row, strict=True)) for row in self.rows])

    def xlsx(self) -> bytes:
        buf = io.BytesIO()
        wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
                                       "strings_to_urls": False})
        wb.set_properties({"title": self.name, "created": dt.datetime(2000, 1, 1)})  # fixed: same list, same bytes
        ws = wb.add_worksheet(self.name[:31] or "rows")
        bold = wb.add_format({"bold": True})
        # Excel's own "text, not a formula" mark (what typing an apostrophe does), for formula-looking text
        quoted = wb.add_format({"quote_prefix": True})
        widths = [min(60, max(8, len(c))) for c in self.columns]
        for j, c in enumerate(self.columns):
            ws.write_string(0, j, c, bold)
        for i, row in enumerate(self.rows, start=1):
            for j, v in enumerate(row):
                if not v:
                    continue
                text = xml_chars(visible(v))[:32767]  # Excel's limit per cell
                if text.startswith(FORMULA_START):
                    ws.write_string(i, j, text, quoted)
                else:
                    ws.write_string(i, j, text)
                widths[j] = min(60, max(widths[j], len(text)))
        for j, w in enumerate(widths):
            ws.set_column(j, j, w)
        ws.freeze_panes(1, 0)
        if self.rows:
            ws.autofilter(0, 0, len(self.rows), len(self.columns) - 1)
        wb.close()
        return buf.getvalue()


def commitments_table(rows: Iterable[Any], name: str = "commitments") -> Table:
    """:class:`rcmkg.trace.commitments.CommitmentRow` s with their status and evidence."""
    cols = ["date", "meeting", "agreement", "actors", "action", "due", "status", "overdue", "evidence_date",
            "evidence", "evidence_quote", "delivered_by", "not_delivered_by", "items", "commitment", "quote"]
    out: list[list[str | None]] = []
    for c in rows:
        out.append([c.date, c.meeting, c.commitment.rsplit("/commitment/", 1)[0], "; ".join(c.actors), c.action,
                    c.due or c.due_text, c.status, "yes" if c.overdue else "no", c.evidence_date, c.evidence,
                    c.evidence_quote, "; ".join(c.delivered_by), "; ".join(c.not_delivered_by), "; ".join(c.items),
                    c.commitment, c.quote])
    return Table(name, cols, out)


def timeline_table(timeline: Any, name: str) -> Table:
    """A :class:`rcmkg.trace.timeline.Timeline`: one row per meeting the item came up at."""
    cols = ["date", "meeting", "label", "place", "country", "stage", "agreements", "actors", "quote", "source"]
    out: list[list[str | None]] = [[r.date, r.meeting, r.label, r.place, r.country, r.stage_text() or "",
                                    "; ".join(r.agreements), "; ".join(r.actors), r.quote, r.source]
                                   for r in timeline.rows]
    return Table(name, cols, out)


def search_table(result: Any, name: str = "search") -> Table:
    """A :class:`rcmkg.search.query.SearchResult` page."""
    cols = ["iri", "kind", "title", "title_es", "date", "meeting", "agreement", "snippet", "score"]
    out: list[list[str | None]] = [[h.iri, h.kind, h.title, h.title_es, h.date, h.meeting, h.agreement, h.snippet_text,
                                    f"{h.score:.4f}"] for h in result.hits]
    return Table(name, cols, out)


def sparql_table(doc: dict[str, Any], name: str) -> Table:
    """A SPARQL JSON results document (SELECT) as a table: one column per variable, values as text."""
    cols = list(doc.get("head", {}).get("vars", []))
    if "boolean" in doc:
        return Table(name, ["boolean"], [["true" if doc["boolean"] else "false"]])
    rows: list[list[str | None]] = [[(b.get(v) or {}).get("value") for v in cols]
                                    for b in doc.get("results", {}).get("bindings", [])]
    return Table(name, cols, rows)


def export_links(make_url: Any, formats: Sequence[str] = ("csv", "xlsx", "json")) -> list[tuple[str, str]]:
    """(label, href) of each format, ``make_url(fmt)`` giving the href."""
    return [(f.upper(), make_url(f)) for f in formats]
