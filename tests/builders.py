"""Test-time builders: the sample reports as .docx and .pdf, and damaged or hostile files.

Everything is generated here with python-docx and reportlab from the sample .txt files; nothing is
downloaded and nothing binary is committed. Other test modules reuse these builders to check that
the same report gives the same graph whatever its format. Also here: synthetic converted reports
(:func:`report_ttl`), and the converted samples, disk stores and in-process servers the publish
tests share (:func:`convert_samples`, :func:`disk_store`, :func:`serve_store`).

The paragraphs of a report are the paragraphs the parser sees in its .txt
(:func:`rcmkg.converters.parse.paragraphs`, whitespace collapsed and Word artefacts removed), so a
reader that gives those paragraphs back has lost nothing the parser needs.
"""

from __future__ import annotations

import contextlib
import gc
import html.parser
import io
import json
import re
import shutil
import socket
import threading
import time
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import uvicorn

from rcmkg.pipeline import convert
from rcmkg.publish.app import create_app
from rcmkg.publish.limits import http_protocol
from rcmkg.settings import DEFAULT_BASE, Settings
from rcmkg.store.load import open_local
from rcmkg.store.local import LocalStore

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "data" / "reports"
GOLD = ROOT.parent / "shared" / "gold"
SAMPLES = sorted(p.stem for p in REPORTS.glob("*.txt"))  # the sample reports' stems
S002 = "002_dcc41190f93bc62f"  # the sample whose .txt prints "1. 1. 1. 2." where Word shows 1, 2, 3
FORMATS = ("txt", "docx", "pdf")

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEADER_TEXT = "RUNNING HEADER Regional Conference on Migration"
FOOTER_TEXT = "FOOTER TEXT Liaison Officer Network"
COMMENT_TEXT = "REVIEWER COMMENT: check the list of countries"
DELETED_TEXT = "DELETED WORDS "
FIELD_INSTRUCTION = ' DATE \\@ "d MMMM yyyy" '
PDF_HEADER = "Regional Conference on Migration - Liaison Officer Network"

# Abstract list definitions written into numbering.xml. Ids well above the template's (0-8).
NUMBERED_ABSTRACT, BULLET_ABSTRACT = 90, 91
NUMBERED_LEVELS = [("decimal", "%1."), ("lowerLetter", "%2."), ("lowerRoman", "%3.")]
BULLET_LEVELS = [("bullet", "\uf0b7"), ("bullet", "o")]  # Word writes the Symbol-font bullet glyph


# ---- the report's paragraphs -------------------------------------------------------------------------


def report_paragraphs(txt_path: Path) -> list[str]:
    """The report's paragraphs as the parser sees them in the .txt."""
    from rcmkg.converters.parse import paragraphs

    text = txt_path.read_text(encoding="utf-8")
    return [p.text for p in paragraphs(text) if p.text]


@dataclass(frozen=True)
class Marked:
    """A paragraph split into its list marker and its text."""

    kind: str  # "number" | "bullet" | "plain"
    level: int
    value: int  # the counter value the marker shows (1 for "a.", 3 for "3.")
    marker: str  # as printed
    text: str  # without the marker


def split_marker(para: str) -> Marked:
    """Recognise a printed list marker with the parser's own patterns."""
    from rcmkg.converters.parse import BULLET, MARKER

    if para.startswith("\u2022"):  # "• 1. That all ..." is a bullet whose text starts with "1."
        return Marked("bullet", 0, 0, "\u2022", para[1:].lstrip())
    m = MARKER.match(para)
    if m:
        label = m.group("label").strip("().")
        if label.isdigit():
            level, value = 0, int(label)
        elif re.fullmatch(r"(ii|iii|iv|vi|vii|viii|ix|x)", label):
            level, value = 2, ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"].index(label) + 1
        else:
            level, value = 1, ord(label.lower()) - ord("a") + 1
        return Marked("number", level, value, m.group("all").strip(), para[m.end() :])
    m = BULLET.match(para)
    if m:
        return Marked("bullet", 0, 0, m.group("all"), para[m.end() :])
    return Marked("plain", 0, 0, "", para)


#: The numbering Word shows in the original of a sample whose extracted text prints it wrongly
#: ("1. 1. 1. 2. 2. ..."), read off the original by a person; the same as the reconstructed labels of
#: ../shared/gold, kept here so that the .docx builder does not need ../shared.
KNOWN_STRUCTURE = {
    "002_dcc41190f93bc62f": ["1.", "2.", "3.", "3.a", "3.b", "3.c", "3.d", "4.", "5.", "5.a", "6.", "7.", "7.a", "7.b"],
}


def gold_structure(stem: str) -> list[str] | None:
    """The real labels ("3.a") of a report whose printed numbering is wrong: from its gold file, or
    from KNOWN_STRUCTURE when ../shared/gold is not beside the checkout."""
    path = GOLD / f"{stem}.json"
    if not path.is_file():
        return KNOWN_STRUCTURE.get(stem)
    items = json.loads(path.read_text(encoding="utf-8"))["items"]
    numbered = [i for i in items if i.get("printed_marker") and i["printed_marker"] != "\u2022"]
    labels = [i.get("reconstructed_label") for i in numbered]
    if not labels or not all(labels):
        return None
    if all(lbl == i["printed_marker"] for lbl, i in zip(labels, numbered, strict=True)):
        return None
    return labels


def _from_label(label: str) -> tuple[int, int]:
    """(level, value) of a reconstructed label: "3." -> (0, 3), "3.a" -> (1, 1)."""
    parts = [p for p in label.split(".") if p]
    last = parts[-1]
    value = int(last) if last.isdigit() else ord(last.lower()) - ord("a") + 1
    return len(parts) - 1, value


# ---- .docx -------------------------------------------------------------------------------------------


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def _abstract_xml(aid: int, levels: Sequence[tuple[str, str]], extra: str = "") -> str:
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{escape(text, {chr(34): "&quot;"})}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="360"/></w:pPr>{extra}</w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    return f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{aid}"><w:multiLevelType w:val="hybridMultilevel"/>{lvls}</w:abstractNum>'


class Lists:
    """Writes list definitions into a document's numbering part and numbers paragraphs with them.

    Paragraphs get real Word numbering (``w:numPr``); the builder keeps its own copy of Word's
    counters so that, when a printed number is not the one Word would show next (a list that
    restarts at 1), it starts a new list instance with a ``startOverride``, as Word's "Restart
    numbering" does.
    """

    def __init__(self, document) -> None:
        from docx.oxml import parse_xml

        self.numbering = document.part.numbering_part.element
        first_num = self.numbering.find(_w("num"))
        for aid, levels in ((NUMBERED_ABSTRACT, NUMBERED_LEVELS), (BULLET_ABSTRACT, BULLET_LEVELS)):
            el = parse_xml(_abstract_xml(aid, levels))
            if first_num is not None:
                first_num.addprevious(el)  # schema order: every abstractNum before any num
            else:
                self.numbering.append(el)
        self.next_id = 90
        self.bullets = self.add_num(BULLET_ABSTRACT)
        self.current = self.add_num(NUMBERED_ABSTRACT)
        self.state: dict[int, int] = {}

    def add_num(self, abstract: int, overrides: dict[int, int] | None = None) -> int:
        from docx.oxml import parse_xml

        num_id = self.next_id
        self.next_id += 1
        ovs = "".join(
            f'<w:lvlOverride w:ilvl="{lvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
            for lvl, start in (overrides or {}).items()
        )
        self.numbering.append(
            parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>{ovs}</w:num>')
        )
        return num_id

    def number(self, paragraph, level: int, value: int) -> None:
        expected = self.state.get(level, 0) + 1
        if value != expected:
            self.current = self.add_num(NUMBERED_ABSTRACT, {level: value})
        self.state[level] = value
        for deeper in [k for k in self.state if k > level]:
            del self.state[deeper]
        set_numbering(paragraph, self.current, level)

    def bullet(self, paragraph, level: int = 0) -> None:
        set_numbering(paragraph, self.bullets, level)


def set_numbering(paragraph, num_id: int, level: int) -> None:
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = level
    numpr.get_or_add_numId().val = num_id


def _el(fragment: str):
    """An element from a w: fragment (the namespace declaration is added to its root tag)."""
    from docx.oxml import parse_xml

    return parse_xml(re.sub(r"^<([\w:]+)", rf'<\1 xmlns:w="{W_NS}"', fragment, count=1))


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def add_deletion_and_insertion(paragraph, text: str) -> None:
    """``text`` written as: kept run, a deleted run (w:del), then the rest as an insertion (w:ins)."""
    cut = text.find(" ", len(text) // 3)
    cut = cut if cut > 0 else len(text)
    paragraph.add_run(text[:cut + 1] if cut < len(text) else text)
    paragraph._p.append(
        _el(f'<w:del w:id="9001" w:author="Reviewer" w:date="2018-07-20T10:00:00Z">'
            f'<w:r><w:delText xml:space="preserve">{escape(DELETED_TEXT)}</w:delText></w:r></w:del>')
    )
    if cut < len(text):
        paragraph._p.append(
            _el(f'<w:ins w:id="9002" w:author="Reviewer" w:date="2018-07-20T10:00:00Z">{_run(text[cut + 1:])}</w:ins>')
        )


def add_field(paragraph, instruction: str, result: str) -> None:
    """A complex field: Word shows ``result``; ``instruction`` is the field code."""
    for fragment in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r><w:instrText xml:space="preserve">{escape(instruction)}</w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        _run(result),
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(_el(fragment))


def add_bookmark(paragraph, name: str = "_GoBack") -> None:
    """An (empty) bookmark at the start of the paragraph, as Word leaves "_GoBack" behind."""
    ppr = paragraph._p.pPr
    start = _el(f'<w:bookmarkStart w:id="0" w:name="{name}"/>')
    end = _el('<w:bookmarkEnd w:id="0"/>')
    if ppr is not None:
        ppr.addnext(start)
    else:
        paragraph._p.insert(0, start)
    start.addnext(end)


FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def add_footnotes(document, notes: Sequence[tuple[object, str]]) -> None:
    """Footnotes part with one note per (paragraph, text); each paragraph gets a reference at its end."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    bodies = []
    for i, (paragraph, text) in enumerate(notes, start=1):
        paragraph._p.append(_el(f'<w:r><w:footnoteReference w:id="{i}"/></w:r>'))
        bodies.append(
            f'<w:footnote w:id="{i}"><w:p><w:r><w:footnoteRef/></w:r>{_run(" " + text)}</w:p></w:footnote>'
        )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        + "".join(bodies) + "</w:footnotes>"
    )
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, RT_FOOTNOTES)


def build_docx(txt_path: Path, out: Path, structure: list | None = None) -> Path:
    """A .docx of the report: its paragraphs, numbered items as real Word automatic numbering.

    ``structure`` gives the real label of each numbered paragraph in reading order ("3.a"); by
    default it comes from the gold file when the printed numbering is known to be wrong (002), and
    from the printed markers otherwise. The document also has what the reader must leave out: a
    header, a footer, a comment, a deleted tracked change, a field instruction and a "_GoBack"
    bookmark; and what it must keep: an inserted tracked change and the field's result.
    """
    import docx

    paras = report_paragraphs(txt_path)
    marked = [split_marker(p) for p in paras]
    if structure is None:
        structure = gold_structure(txt_path.stem)
    numbered = [m for m in marked if m.kind == "number"]
    if structure is not None and len(structure) != len(numbered):
        raise ValueError(f"{txt_path.name}: {len(structure)} labels for {len(numbered)} numbered paragraphs")
    levels = iter([_from_label(str(lbl)) for lbl in structure] if structure else [(m.level, m.value) for m in numbered])

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = HEADER_TEXT
    footer = section.footer.paragraphs[0]
    footer.text = FOOTER_TEXT + " Page "
    add_field(footer, " PAGE ", "1")
    lists = Lists(document)
    first_item = commented = dated = opening = False
    for m in marked:
        p = document.add_paragraph(style="List Paragraph" if m.kind != "plain" else None)
        if m.kind == "number":
            level, value = next(levels)
            lists.number(p, level, value)
        elif m.kind == "bullet":
            lists.bullet(p)
        text = m.text
        if m.kind == "number" and not first_item:
            first_item = True
            add_deletion_and_insertion(p, text)
        elif m.kind == "plain" and not dated and len(text) < 40 and re.search(r"\b(19|20)\d\d\b", text):
            dated = True
            add_field(p, FIELD_INSTRUCTION, text)
        else:
            run = p.add_run(text)
            if m.kind == "plain" and not opening and len(text) > 200:
                opening = True
                add_bookmark(p)
            if not commented and m.kind == "plain" and len(text) > 20:
                commented = True
                document.add_comment(run, text=COMMENT_TEXT, author="Reviewer", initials="R")
    out.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(out))
    return out


def build_features_docx(out: Path) -> Path:
    """A small .docx with what the samples lack: a footnote, a table, style-based numbering, hidden
    text, a text box, and a list that restarts."""
    import docx

    document = docx.Document()
    document.add_paragraph("Title of the feature document")
    intro = document.add_paragraph("The Network met in Panama City")
    tail = document.add_paragraph("A second paragraph with its own note")
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate([("Date/Place", "First quarter of 2018, Costa Rica."),
                             ("Participants", "Prosecutors; Immigration Directors")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for text in ("First by style", "Second by style"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("A bullet by style", style="List Bullet")
    hidden = document.add_paragraph("Visible text")
    run = hidden.add_run(" HIDDEN TEXT")
    run.font.hidden = True
    box = document.add_paragraph("Anchor of a text box")
    box._p.append(
        _el(
            '<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" id="tb1"><v:textbox>'
            f'<w:txbxContent><w:p>{_run("TEXT BOX CONTENT")}</w:p></w:txbxContent>'
            "</v:textbox></v:shape></w:pict></w:r>"
        )
    )
    add_footnotes(document, [(intro, "Source: IOM, 2018."), (tail, "Second note.")])
    document.save(str(out))
    return out


def build_numbered_docx(
    out: Path,
    paragraphs: Sequence[tuple[int | None, int, str]],
    levels: Sequence[tuple[str, str]] = NUMBERED_LEVELS,
    nums: dict[int, dict[int, int]] | None = None,
    level_extra: str = "",
) -> Path:
    """A .docx of (numId or None, ilvl, text) paragraphs over one abstract list of ``levels``.

    ``nums`` maps numIds to their startOverrides ({numId: {ilvl: start}}); numId 90 always exists.
    ``level_extra`` is XML appended to every level (e.g. ``<w:lvlRestart w:val="0"/>``).
    """
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.find(_w("num")).addprevious(parse_xml(_abstract_xml(80, levels, level_extra)))
    for num_id, overrides in {90: {}, **(nums or {})}.items():
        ovs = "".join(
            f'<w:lvlOverride w:ilvl="{lvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
            for lvl, start in overrides.items()
        )
        numbering.append(
            parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}"><w:abstractNumId w:val="80"/>{ovs}</w:num>')
        )
    for num_id, ilvl, text in paragraphs:
        p = document.add_paragraph(text)
        if num_id is not None:
            set_numbering(p, num_id, ilvl)
    document.save(str(out))
    return out


def build_zip_bomb_docx(out: Path, megabytes: int = 201) -> Path:
    """A .docx-looking zip with an entry of ``megabytes`` MB of zeros (a few hundred kB on disk)."""
    chunk = bytes(1024 * 1024)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            for _ in range(megabytes):
                fh.write(chunk)
    return out


def build_truncated_docx(txt_path: Path, out: Path) -> Path:
    """The report's .docx cut in half (the zip directory at the end is lost)."""
    full = build_docx(txt_path, out.with_name(out.stem + "-full.docx"))
    data = full.read_bytes()
    out.write_bytes(data[: len(data) // 2])
    return out


def build_corrupt_docx(txt_path: Path, out: Path) -> Path:
    """The report's .docx with the compressed bytes of word/document.xml damaged (directory intact)."""
    full = build_docx(txt_path, out.with_name(out.stem + "-full.docx"))
    data = bytearray(full.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("word/document.xml")
    # Local header: 30 bytes + name + extra, then the compressed data.
    name_len = int.from_bytes(data[info.header_offset + 26 : info.header_offset + 28], "little")
    extra_len = int.from_bytes(data[info.header_offset + 28 : info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_len + extra_len
    for i in range(start + 10, start + min(info.compress_size - 10, 400)):
        data[i] ^= 0x5A
    out.write_bytes(bytes(data))
    return out


# ---- .pdf --------------------------------------------------------------------------------------------

PAGE = (420.0, 595.0)  # A5: short pages, so that every sample runs to two or more
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 50.0, 70.0, 70.0
FONT, SIZE, LEADING, PARA_GAP = "Helvetica", 10.0, 13.0, 9.0


def _hyphen_split(word: str, room: float, width) -> tuple[str, str] | None:
    """Split a long lowercase word so that "head-" fits in ``room``; None if it cannot be done."""
    from rcmkg.converters.pdf import KEEP_HYPHEN_PREFIXES

    m = re.fullmatch(r"([a-z]{8,})([,.;:]?)", word)
    if not m:
        return None
    core, punct = m.groups()
    for k in range(len(core) - 3, 3, -1):
        head = core[:k]
        if head in KEEP_HYPHEN_PREFIXES:
            continue  # the reader keeps the hyphen after these on purpose
        if width(head + "-") <= room:
            return head, core[k:] + punct
    return None


def wrap(text: str, width_pt: float, hyphenate: bool = True) -> tuple[list[str], int]:
    """Greedy line breaking at ``width_pt``, hyphenating long words; (lines, words hyphenated)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def width(s: str) -> float:
        return stringWidth(s, FONT, SIZE)

    lines: list[str] = []
    cur = ""
    hyphenated = 0
    for word in text.split(" "):
        cand = f"{cur} {word}" if cur else word
        if width(cand) <= width_pt:
            cur = cand
            continue
        room = width_pt - width(cur + " ") if cur else width_pt
        split = _hyphen_split(word, room, width) if hyphenate else None
        if split:
            head, tail = split
            lines.append(f"{cur} {head}-" if cur else f"{head}-")
            cur = tail
            hyphenated += 1
            continue
        if cur:
            lines.append(cur)
        cur = word
    if cur:
        lines.append(cur)
    return lines, hyphenated


def build_pdf(txt_path: Path, out: Path) -> Path:
    """A PDF of the report: paragraphs hard-wrapped to the page width (long words hyphenated at line
    ends), list items with hanging indents, a running header and a "Page N" footer on every page."""
    from reportlab.pdfgen import canvas

    paras = report_paragraphs(txt_path)
    c = canvas.Canvas(str(out), pagesize=PAGE)
    page_w, page_h = PAGE
    page = 1

    def decorate() -> None:
        c.setFont("Helvetica-Oblique", 8)
        c.drawString(MARGIN_X, page_h - 30, PDF_HEADER)
        c.setFont("Helvetica", 8)
        c.drawCentredString(page_w / 2, 28, f"Page {page}")
        c.setFont(FONT, SIZE)

    decorate()
    y = page_h - MARGIN_TOP
    hyphenated = 0
    for para in paras:
        m = split_marker(para)
        indent = {"plain": 0.0, "bullet": 18.0, "number": 18.0 + 18.0 * m.level}[m.kind]
        marker_x = MARGIN_X + (indent - 18.0 if m.kind != "plain" else 0.0)
        body = m.text if m.kind != "plain" else para
        lines, n = wrap(body, page_w - 2 * MARGIN_X - indent)
        hyphenated += n
        for i, line in enumerate(lines):
            if y < MARGIN_BOTTOM:
                c.showPage()
                page += 1
                decorate()
                y = page_h - MARGIN_TOP
            if i == 0 and m.kind != "plain":
                c.drawString(marker_x, y, m.marker)
            c.drawString(MARGIN_X + indent, y, line)
            y -= LEADING
        y -= PARA_GAP
    c.save()
    if not hyphenated:
        raise AssertionError(f"{txt_path.name}: no word was hyphenated; the PDF would not test hyphenation")
    return out


def build_scanned_pdf(out: Path) -> Path:
    """A one-page PDF holding only an image of text (no text layer), as a scanner makes."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (600, 200), 255)
    draw = ImageDraw.Draw(image)
    draw.text((20, 20), "REPORT FROM THE MEETING", fill=0)
    draw.text((20, 60), "1. To thank the delegations", fill=0)
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    c = canvas.Canvas(str(out), pagesize=PAGE)
    c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 20, 300, width=380, height=127)
    c.save()
    return out


def build_encrypted_pdf(out: Path, user_password: str = "secret") -> Path:
    """A PDF that needs a password to open (reportlab's standard encryption)."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(out), pagesize=PAGE, encrypt=StandardEncryption(user_password, ownerPassword="owner"))
    c.drawString(MARGIN_X, 500, "REPORT FROM THE MEETING OF THE NETWORK")
    c.save()
    return out


# ---- the samples in every format ---------------------------------------------------------------------


def build_formats(root: Path) -> dict[str, Path]:
    """Format -> a folder under ``root`` with every sample report in that format, under its own name
    (``root/docx/001_....docx``); the .txt folder holds copies of the samples."""
    folders = {}
    for fmt in FORMATS:
        folder = folders[fmt] = root / fmt
        folder.mkdir(parents=True)
        for stem in SAMPLES:
            txt, target = REPORTS / f"{stem}.txt", folder / f"{stem}.{fmt}"
            if fmt == "txt":
                target.write_bytes(txt.read_bytes())
            else:
                (build_docx if fmt == "docx" else build_pdf)(txt, target)
    return folders


# --- synthetic converted reports -----------------------------------------------------------------------

Item = tuple[str, str | None, str, dict | None]  # (number, track slug, text, commitment)


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def report_ttl(date: str, items: Sequence[Item] = (("1", "rcm-glossary", "To thank the Technical Secretariat.", None),),
               stages: Sequence[tuple[str, ...]] = (), *, body: str = "rcm-lon-smtp", act: str = "request",
               addressee: str | None = None, base: str = DEFAULT_BASE) -> str:
    """A converted report of one meeting in the shape docs/MODEL.md describes.

    ``items`` are agreements (number, track slug or None, text, commitment or None); a commitment
    has keys actor (org slug), action and optionally due (a date). Every agreement has ``act`` and,
    with ``addressee`` (an org slug), names that organisation. ``stages`` are stage events
    (track slug, stage) or (track slug, stage, actor slug), reported in the first agreement. The
    report also holds one unattached blank-node interval, as converted reports do.
    """
    m = f"<meeting/{body}/{date}>"
    agreements = [f"<meeting/{body}/{date}/item/{pos}>" for pos in range(1, len(items) + 1)]
    has = f" ; rcm:hasAgreement {', '.join(agreements)}" if agreements else ""
    out = [f"""@base <{base}id/> .
@prefix rcm: <https://w3id.org/rcmkg/ont#> .
@prefix schema: <http://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix act: <https://w3id.org/rcmkg/voc/act/> .
@prefix stage: <https://w3id.org/rcmkg/voc/stage/> .
@prefix modality: <https://w3id.org/rcmkg/voc/modality/> .
@prefix ckind: <https://w3id.org/rcmkg/voc/commitment-kind/> .
@prefix time: <http://www.w3.org/2006/time#> .
<report/{body}/{date}> a rcm:Report ; rcm:reportOf {m} .
{m} a rcm:Meeting ; schema:startDate "{date}"^^xsd:date ; schema:recordedIn <report/{body}/{date}> ;
    schema:organizer <org/{body}> ; schema:location <place/pa/panama-city>{has} .
_:i a time:Interval ; time:hasBeginning [ time:inXSDDate "{date}"^^xsd:date ] .
"""]
    for pos, ((number, track, text, com), a) in enumerate(zip(items, agreements, strict=True), 1):
        subject = f"; dct:subject <track/{track}> " if track else ""
        # A thanks with a commitment is addressed to its actor, as the converter reads one.
        to = addressee or (com["actor"] if com and text.startswith("To thank") else None)
        named = f"; rcm:addressee <org/{to}> ; rcm:mentions <org/{to}> " if to else ""
        out.append(f'{a} a rcm:Agreement ; rcm:agreedAt {m} ; rcm:position "{pos}"^^xsd:positiveInteger ; '
                   f'rcm:number "{number}" ; rcm:act act:{act} ; rcm:text "{_esc(text)}"@en {subject}{named}.\n')
        if com:
            c = f"{a.rstrip('>')}/commitment/1>"
            out.append(f"{a} rcm:hasCommitment {c} ; rcm:mentions <org/{com['actor']}> .\n")
            due = f'; rcm:dueDate "{com["due"]}"^^xsd:date ' if com.get("due") else ""
            out.append(f'{c} a rcm:Commitment ; rcm:madeIn {a} ; rcm:commitmentKind ckind:pledge ; '
                       f'rcm:committedBy <org/{com["actor"]}> ; rcm:action "{_esc(com["action"])}"@en {due}.\n')
    for track, st, *actor in stages:
        e = f"<track/{track}/stage/{body}/{date}/{st}>"
        by = f" ; rcm:actor <org/{actor[0]}>" if actor else ""
        out.append(f"{e} a rcm:StageEvent ; rcm:ofTrack <track/{track}> ; rcm:reportedAt {m} ; "
                   f"rcm:reportedIn <meeting/{body}/{date}/item/1> ; rcm:stage stage:{st} ; rcm:modality modality:done{by} .\n")
    return "".join(out)


# --- converted samples, disk stores and in-process servers (the publish tests) -------------------------

BASE = "https://w3id.org/rcmkg/"
MEETING = "meeting/rcm-lon-smtp/2018-07-19"
EVIL = "meeting/rcm-lon-smtp/2019-07-19/item/4"  # "To thank Mexico for the input <script>..."
EVIL_TEXT = 'To thank Mexico for the input <script>alert("rcmkg")</script></script><!-- for the Work Plan <img src=x onerror=alert(1)>.'


def convert_samples(out: Path, extra_reports: bool = True) -> Path:
    """Convert the sample reports (plus one whose text holds <script>) into ``out``; return it."""
    src = out.parent / f"{out.name}-reports"
    src.mkdir(parents=True, exist_ok=True)
    for p in REPORTS.glob("*.txt"):
        shutil.copy(p, src / p.name)
    if extra_reports:
        text = (REPORTS / "002_dcc41190f93bc62f.txt").read_text(encoding="utf-8")
        text = text.replace("19 July 2018", "19 July 2019").replace(
            "To thank Mexico for the input for the Work Plan.", EVIL_TEXT)
        (src / "900_script.txt").write_text(text, encoding="utf-8")
    summary = convert([src], out, Settings(base=BASE), jobs=1)
    assert not summary.errors, [e.message for e in summary.errors]
    return out


def disk_store(ttl: Path, path: Path, settings: Settings | None = None) -> Path:
    """Load converted Turtle into an on-disk store at ``path`` as ``rcmkg load`` does; closed on return."""
    with LocalStore(path, base=(settings or Settings(base=BASE)).base) as store:
        summary = store.load([ttl])
        assert not summary.errors, summary.errors
    gc.collect()  # RocksDB's lock is released when the pyoxigraph Store is dropped
    return path


def free_socket() -> socket.socket:
    # IPPROTO_TCP explicitly: asyncio turns on TCP_NODELAY only for sockets that say so, and without
    # it every response waits ~40 ms on Nagle + delayed ACK.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    return sock


@contextlib.contextmanager
def running(app) -> Iterator[str]:
    """Serve ``app`` with uvicorn in a thread on a free port; yield its base URL."""
    sock = free_socket()
    port = sock.getsockname()[1]
    # the HTTP protocol and options `rcmkg serve` runs (httptools, long request targets split, kept
    # answers written by the protocol, which needs the app unwrapped: no proxy headers)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on", http=http_protocol(),
                                           proxy_headers=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(30)


def make_app(store_dir: Path, settings: Settings, **kwargs):
    """The app over a read-only disk store, as ``rcmkg serve`` opens it."""
    return create_app(settings, open_local(settings, store_dir), workers=kwargs.pop("workers", 2), **kwargs)


def serve_store(store_dir: Path, settings: Settings, **kwargs):
    """``running()`` over :func:`make_app`."""
    return running(make_app(store_dir, settings, **kwargs))


class ScriptFinder(html.parser.HTMLParser):
    """Collects <script> elements (type and content) and inline event-handler attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[tuple[str | None, str]] = []
        self.handlers: list[str] = []
        self._in: str | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.handlers += [k for k, _ in attrs if k.startswith("on")]
        if tag == "script":
            self._in = dict(attrs).get("type")
            self._buf = []

    def handle_data(self, data):
        if self._in is not None:
            self._buf.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in is not None:
            self.scripts.append((self._in, "".join(self._buf)))
            self._in = None


#: Debian's Chromium, driven by Playwright in the browser tests; screenshots are kept in BROWSER_OUT.
CHROMIUM = Path("/usr/bin/chromium")
BROWSER_OUT = Path(__file__).resolve().parent.parent / "test-output" / "browser"


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """One headless Chromium (Playwright's sync API runs one instance per thread)."""
    from playwright.sync_api import sync_playwright

    BROWSER_OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                              args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        yield b
        b.close()


class SparqlOnly:
    """A local store seen through its SPARQL alone (not a LocalStore: no stored entries are read),
    so a canned query runs in the engine: what the entries' answers must equal."""

    def __init__(self, store) -> None:
        self.store = store

    def query(self, sparql: str):
        return self.store.query(sparql)


def meeting_of(path: Path) -> str:
    """The meeting IRI of a converted report (files are named body_date, as their meeting)."""
    from rcmkg.settings import DEFAULT_BASE

    body, day = path.stem.rsplit("_", 1)
    return f"{DEFAULT_BASE}id/meeting/{body}/{day}"


def synthetic_rdf(work: Path, reports: int, seed: int, samples: Path) -> Path:
    """``reports`` generated reports (bench.generate) converted into ``work/rdf``, with the converted
    samples (``samples``) beside them."""
    from bench.generate import write_reports
    from rcmkg.pipeline import convert
    from rcmkg.settings import Settings

    write_reports(reports, work / "txt", seed=seed)
    summary = convert([work / "txt"], work / "rdf", Settings(), jobs=1)
    assert not summary.errors
    for f in sorted(samples.glob("*.ttl")):
        shutil.copy(f, work / "rdf" / f.name)
    return work / "rdf"
