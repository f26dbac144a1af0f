""""Cite this": a stable citation of a meeting or an agreement, as plain text, BibTeX and CSL-JSON.

Each names the thing by its permanent IRI and the meeting report it was read from. The same bytes
are downloadable from the server (``/cite/{path}.bib``, ``/cite/{path}.json``) and the static site
(``cite/{path}.bib``, ``cite/{path}.json``). No access date: the same graph gives the same citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rcmkg.sparql.writers import indented_json

#: Media types of the downloads.
BIBTEX_TYPE = "application/x-bibtex"
CSL_TYPE = "application/vnd.citationstyles.csl+json"
#: Suffix of each download (rcmkg.publish.views.pages.Linker.url("cite:...")).
SUFFIXES = {"bibtex": ".bib", "csl": ".json"}


@dataclass
class Citation:
    """What a citation says; :attr:`text`, :attr:`bibtex` and :attr:`csl` write it out."""

    iri: str
    kind: str  # meeting | agreement
    title: str
    date: str | None  # ISO date of the meeting
    author: str | None  # the body that held the meeting (institutional author)
    container: str | None = None  # an agreement's meeting
    report: str | None = None  # the source report's title
    report_iri: str | None = None
    languages: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        """A BibTeX key from the IRI's path (stable: the IRI is)."""
        path = self.iri.split("/id/", 1)[-1]
        return "rcmkg:" + re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-")

    @property
    def text(self) -> str:
        parts = [f"{self.author}." if self.author else "", f"“{self.title}”."]
        if self.container:
            parts.append(f"In: {self.container}.")
        if self.date:
            parts.append(f"{self.date}.")
        parts.append(f"{self.iri}.")
        if self.report:
            parts.append(f"Source: {self.report}" + (f", {self.report_iri}." if self.report_iri else "."))
        return " ".join(p for p in parts if p)

    @property
    def bibtex(self) -> str:
        fields: list[tuple[str, str]] = [("title", "{" + _tex(self.title) + "}")]
        if self.author:
            fields.append(("author", "{" + _tex(self.author) + "}"))  # braces: an institution, not a person's name
        if self.date:
            fields += [("year", self.date[:4]), ("date", self.date)]
        if self.container:
            fields.append(("booktitle", _tex(self.container)))
        fields += [("url", self.iri), ("howpublished", "\\url{" + self.iri + "}")]
        if self.report:
            note = "Source: " + _tex(self.report) + (", \\url{" + self.report_iri + "}" if self.report_iri else "")
            fields.append(("note", note))
        body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
        return f"@misc{{{self.key},\n{body}\n}}\n"

    @property
    def csl(self) -> list[dict[str, Any]]:
        item: dict[str, Any] = {"id": self.key, "type": "event" if self.kind == "meeting" else "document",
                                "title": self.title, "URL": self.iri}
        if self.author:
            item["author"] = [{"literal": self.author}]
        if self.date:
            item["issued"] = {"date-parts": [[int(x) for x in self.date[:10].split("-")]]}
        if self.container:
            item["container-title"] = self.container
        if self.report:
            item["source"] = self.report
            item["note"] = "Source: " + self.report + (f", {self.report_iri}" if self.report_iri else "")
        if self.languages:
            item["language"] = self.languages[0]
        return [item]

    @property
    def csl_text(self) -> str:
        return indented_json(self.csl, indent=2).decode("utf-8") + "\n"

    def download(self, kind: str) -> tuple[bytes, str]:
        """(bytes, content type) of the ``bibtex`` or ``csl`` download."""
        if kind == "bibtex":
            return self.bibtex.encode("utf-8"), BIBTEX_TYPE + "; charset=utf-8"
        if kind == "csl":
            return self.csl_text.encode("utf-8"), CSL_TYPE
        raise ValueError(kind)


_TEX = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "#": r"\#", "$": r"\$",
        "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


_TEX_TABLE = str.maketrans(_TEX)


def _tex(text: str) -> str:
    """``text`` as a BibTeX field value: TeX's special characters escaped (UTF-8 otherwise)."""
    return " ".join(text.split()).translate(_TEX_TABLE)


def split_cite_path(path: str) -> tuple[str, str] | None:
    """``meeting/x/2018-07-19.bib`` -> (``meeting/x/2018-07-19``, ``bibtex``); None for other suffixes."""
    for kind, suffix in SUFFIXES.items():
        if path.endswith(suffix):
            return path[: -len(suffix)], kind
    return None
