"""The .docx reader: the text Word displays, with the list numbers Word computes.

A report's agreements are usually an automatic Word list, and the numbers are not in the text: they
are computed from ``word/numbering.xml`` when the document is shown. Plain-text exports often lose
them (sample 002 prints "1. 1. 1. 2. 2. ..."), so this reader computes them as Word does and writes
the label at the start of the paragraph ("3. To thank ...", "a. To thank Mexico ..."), and records
it in :attr:`SourceText.labels` by the paragraph's start offset.

What is read, in document order: body paragraphs and tables (each table row one paragraph, cells
joined with " | "), content controls, inserted tracked changes and text boxes (after the paragraph
that anchors them), and a table nested in a cell as rows of its own after the row that holds it. What is
left out, because Word does not show it as body text or it is not final: headers and footers (kept apart as
the source's margins, which may date the meeting), comments, deleted tracked changes, field instructions (the
field's result is kept), hidden text. Footnotes and endnotes follow the body under a "Notes" line, each as
``[1] text``, and are referenced as ``[1]`` where Word shows the superscript mark.

Paragraphs are separated by a blank line ("\\n\\n"), as in the plain-text exports the parser knows.
A .docx is a zip file: its entries are checked for size and compression ratio before anything is
decompressed (a zip bomb would otherwise be inflated in memory by the zip reader).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rcmkg.converters.read import MB, PARA_MARK, laid_out, load_bytes, max_bytes, mb, source_file, source_text
from rcmkg.errors import InputError
from rcmkg.model import SourceText, Span

if TYPE_CHECKING:
    from lxml.etree import _Element as Element  # type: ignore[import-untyped]  # no stubs shipped

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# Zip-bomb guards, checked on the zip directory before any entry is inflated. A report .docx is
# well under 1 MB unzipped; real XML compresses 5-20 times. The unzipped total may be this many
# times the text limit (RCMKG_MAX_MB): 200 MB by default. Markup is several times the text it holds.
UNCOMPRESSED_FACTOR = 10
MAX_RATIO = 100
RATIO_FLOOR = 1 * MB  # tiny entries may compress extremely well without being a threat
MAX_ENTRIES = 10_000
CHUNK = 1 * MB  # inflated at a time when checking entries
FILE_FACTOR = 5  # a .docx on disk may be this many times the text limit (images, markup)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc, and encrypted .docx (an OLE container)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
RT_ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
BULLET = "\u2022"
#: The glyph the text gets for a bullet of each list level (Word draws "•", "o" and "§" by default).
LEVEL_BULLETS = ("\u2022", "\u25e6", "\u25aa")


# A built-in list style of the second level or deeper ("ListBullet2", Spanish Word's "Listaconvietas2").
_NTH_LIST_STYLE = re.compile(r"^(?i:list)\w*?([2-9])$")


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML element or attribute: ``w("p")`` -> ``{...main}p``."""
    return f"{{{W}}}{tag}"


# Containers whose runs are shown as they are.
INLINE_CONTAINERS = {w(t) for t in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "bdo", "dir")}
# Tracked deletions and the source of a tracked move: not in the final text.
DELETED = {w("del"), w("moveFrom")}


def read_docx(path: Path) -> SourceText:
    """Read a Word report: body text with Word's list numbers, then its notes.

    >>> src = read_docx(Path("002.docx"))             # doctest: +SKIP
    >>> sorted(src.labels.values())[:3]               # doctest: +SKIP
    ['1.', '2.', '3.']
    """
    data = load_bytes(path, FILE_FACTOR * max_bytes())
    check_zip(path, data)
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(io.BytesIO(data))
        doc = _Reader(document)
        doc.run()
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        # A damaged entry is only found when it is inflated (CRC, truncated stream).
        raise InputError(path, f"not a valid .docx (bad zip: {exc})") from None
    except PackageNotFoundError as exc:
        raise InputError(path, f"not a valid .docx ({exc})") from None
    except XMLSyntaxError as exc:
        raise InputError(path, f"not a valid .docx (bad XML: {exc})") from None
    except (KeyError, ValueError) as exc:
        # python-docx: a missing part (KeyError) or a package of another kind (ValueError).
        raise InputError(path, f"not a valid .docx ({_one_line(exc)})") from None
    text, labels, notes, breaks = doc.assemble()
    margins = _margins(document)
    return source_text(
        path,
        source_file(path, data, MEDIA_TYPE),
        text,
        encoding="",  # no text encoding applies: the XML parts declare their own
        labels=labels,
        notes=notes,
        warnings=tuple(doc.warnings),
        breaks=breaks,
        margins=margins,
    )


RT_HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
RT_FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"


def _margins(document: Any) -> tuple[str, ...]:
    """The text of the page headers, then the footers, a paragraph each, each once: left out of the body's
    text, they may be all that dates the meeting ("Regional Coalition ... – Tegucigalpa, 17-18 May 2017")."""
    rels = list(document.part.rels.values())
    out: list[str] = []
    for reltype in (RT_HEADER, RT_FOOTER):
        for rel in rels:
            if rel.is_external or rel.reltype != reltype:
                continue
            root = getattr(rel.target_part, "element", None)
            if root is None:
                continue
            for p in root.iter(w("p")):
                line = " ".join("".join(t.text or "" for t in p.iter(w("t"))).split())
                if line:
                    out.append(line)
    return tuple(dict.fromkeys(out))[:50]


def _one_line(exc: BaseException) -> str:
    msg = str(exc)
    if len(msg) >= 2 and msg[0] == msg[-1] and msg[0] in "'\"":  # a KeyError's quoted key
        msg = msg[1:-1]
    msg = msg or type(exc).__name__
    return " ".join(msg.split())


def check_zip(path: Path, data: bytes) -> None:
    """Refuse a file that is not a zip, or whose entries would inflate too much, before parsing.

    The sizes checked first are the ones the zip directory declares. Python's zip reader cuts an
    entry at its declared size, but only after inflating the whole of what it read in one go, so a
    directory that understates a size would still be inflated in full when python-docx loads the
    parts. Every entry is therefore inflated here first, in bounded chunks: a lying entry stops at
    its declared size and fails its CRC check, having used no more memory than one chunk.
    """
    if data.startswith(OLE_MAGIC):
        raise InputError(path, "not a valid .docx (an OLE file: a password-protected .docx or a legacy .doc)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
        raise InputError(path, f"not a valid .docx (bad zip: {_one_line(exc)})") from None
    if len(infos) > MAX_ENTRIES:
        raise InputError(path, f"refusing .docx: {len(infos)} zip entries exceed the limit (zip bomb?)")
    total = sum(i.file_size for i in infos)
    limit = UNCOMPRESSED_FACTOR * max_bytes()
    if total > limit:
        raise InputError(
            path, f"refusing .docx: uncompressed size {mb(total)} MB exceeds the limit of {mb(limit)} MB (zip bomb?)"
        )
    for info in infos:
        if info.flag_bits & 0x1:
            raise InputError(path, "encrypted .docx (zip entries are encrypted)")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise InputError(
                path, f"refusing .docx: {info.filename} inflates {ratio} times, over the limit of {MAX_RATIO} (zip bomb?)"
            )
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names:
        raise InputError(path, "not a valid .docx (no [Content_Types].xml: not an Office document)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for info in infos:
                with zf.open(info) as fh:
                    while fh.read(CHUNK):
                        pass
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
        raise InputError(path, f"not a valid .docx (bad zip: {_one_line(exc)})") from None
    except NotImplementedError as exc:  # a compression method Python does not have
        raise InputError(path, f"not a valid .docx (bad zip: {_one_line(exc)})") from None


# ---- numbering ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Level:
    """One level of a list definition (``w:lvl``)."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None  # w:lvlRestart: 1-based level whose use restarts this one; 0 never
    legal: bool = False  # w:isLgl: show every level's number as decimal
    style: str | None = None  # w:pStyle: the paragraph style linked to this level


@dataclass
class Num:
    """A list instance (``w:num``): an abstract definition plus overrides."""

    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # lvlOverride/startOverride
    levels: dict[int, Level] = field(default_factory=dict)  # lvlOverride/lvl


def _val(el: Element | None, tag: str) -> str | None:
    if el is None:
        return None
    child = el.find(w(tag))
    return None if child is None else child.get(w("val"))


def _int(s: str | None, default: int | None = None) -> int | None:
    try:
        return int(s) if s is not None else default
    except ValueError:
        return default


def _on(el: Element | None) -> bool:
    """A toggle property (``<w:vanish/>``, ``<w:isLgl w:val="0"/>``) that is present and not off."""
    return el is not None and el.get(w("val"), "true").lower() not in ("0", "false", "off")


def _level(el: Element, base: Level | None = None) -> Level:
    base = base or Level()
    lvl_text = el.find(w("lvlText"))
    return Level(
        fmt=_val(el, "numFmt") or base.fmt,
        text=lvl_text.get(w("val"), "") if lvl_text is not None else base.text,
        start=_int(_val(el, "start"), base.start) or 0,
        restart=_int(_val(el, "lvlRestart"), base.restart),
        legal=_on(el.find(w("isLgl"))) if el.find(w("isLgl")) is not None else base.legal,
        style=_val(el, "pStyle") or base.style,
    )


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += letters
            n -= value
    return out


def format_number(n: int, fmt: str) -> str:
    """A counter value as Word shows it in format ``fmt`` (``w:numFmt``).

    >>> [format_number(n, f) for n, f in [(3, "decimal"), (28, "lowerLetter"), (4, "upperRoman")]]
    ['3', 'bb', 'IV']
    """
    if fmt == "bullet":
        return BULLET
    if fmt == "none":
        return ""
    if fmt in ("lowerLetter", "upperLetter"):
        if n < 1:
            return str(n)
        # Word repeats the letter past z (27 -> "aa", 28 -> "bb"), unlike spreadsheet columns.
        s = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        if n < 1:
            return str(n)
        s = _roman(n)
        return s.upper() if fmt == "upperRoman" else s
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "ordinal":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    return str(n)  # decimal and every format this reader does not spell out


class Numbering:
    """Word's list numbering: definitions from numbering.xml and styles.xml, counters in reading order.

    Counters belong to the abstract definition, so list instances (``w:num``) that share one
    continue each other's numbering, as in Word; an instance with a ``startOverride`` restarts its
    level the first time it is used ("Restart numbering" in Word creates exactly such an instance).
    """

    def __init__(self, numbering: Element | None, styles: Element | None) -> None:
        self.abstract: dict[str, dict[int, Level]] = {}
        self.style_link: dict[str, str] = {}  # abstractNumId -> numbering style it borrows (numStyleLink)
        self.nums: dict[str, Num] = {}
        self.styles: dict[str, tuple[str | None, str | None, int | None]] = {}  # id -> basedOn, numId, ilvl
        self.counters: dict[str, dict[int, int]] = {}
        self.used: set[str] = set()
        self.missing: set[str] = set()
        if numbering is not None:
            for an in numbering.iterfind(w("abstractNum")):
                aid = an.get(w("abstractNumId"), "")
                self.abstract[aid] = {_int(lv.get(w("ilvl")), 0) or 0: _level(lv) for lv in an.iterfind(w("lvl"))}
                link = _val(an, "numStyleLink")
                if link:
                    self.style_link[aid] = link
            for num in numbering.iterfind(w("num")):
                n = Num(_val(num, "abstractNumId") or "")
                for ov in num.iterfind(w("lvlOverride")):
                    ilvl = _int(ov.get(w("ilvl")), 0) or 0
                    start = _int(_val(ov, "startOverride"))
                    if start is not None:
                        n.starts[ilvl] = start
                    lvl = ov.find(w("lvl"))
                    if lvl is not None:
                        n.levels[ilvl] = lvl
                self.nums[num.get(w("numId"), "")] = n
        if styles is not None:
            for st in styles.iterfind(w("style")):
                ppr = st.find(w("pPr"))
                numpr = ppr.find(w("numPr")) if ppr is not None else None
                self.styles[st.get(w("styleId"), "")] = (
                    _val(st, "basedOn"),
                    _val(numpr, "numId"),
                    _int(_val(numpr, "ilvl")),
                )

    def _definition(self, num_id: str) -> tuple[str, dict[int, Level]] | None:
        """(counter key, levels) of a list instance, following numStyleLink to the real definition."""
        num = self.nums.get(num_id)
        if num is None:
            return None
        aid = num.abstract
        for _ in range(5):  # a numbering style points to a num whose definition holds the levels
            link = self.style_link.get(aid)
            if not link or link not in self.styles:
                break
            linked = self.nums.get(self.styles[link][1] or "")
            if linked is None or linked.abstract == aid:
                break
            aid = linked.abstract
        levels = dict(self.abstract.get(aid, {}))
        for ilvl, el in num.levels.items():
            levels[ilvl] = _level(el, levels.get(ilvl))
        return aid, levels

    def _resolve(self, p: Element) -> tuple[str, int | None, str | None] | None:
        """(numId, ilvl or None, paragraph style) from the paragraph, else from its style chain."""
        ppr = p.find(w("pPr"))
        numpr = ppr.find(w("numPr")) if ppr is not None else None
        num_id = _val(numpr, "numId")
        ilvl = _int(_val(numpr, "ilvl"))
        style = _val(ppr, "pStyle")
        sid, seen = style, set()
        while sid and sid in self.styles and sid not in seen and (num_id is None or ilvl is None):
            seen.add(sid)
            based_on, s_num, s_ilvl = self.styles[sid]
            if num_id is None and s_num is not None:
                num_id = s_num
            if ilvl is None and s_num is not None and s_ilvl is not None:
                ilvl = s_ilvl
            sid = based_on
        if num_id is None or num_id == "0":  # numId 0 explicitly removes numbering
            return None
        return num_id, ilvl, style

    def label(self, p: Element) -> str | None:
        """The label Word shows for paragraph ``p`` (advancing the counters), or None."""
        found = self._resolve(p)
        if found is None:
            return None
        num_id, ilvl, style = found
        definition = self._definition(num_id)
        if definition is None:
            self.missing.add(num_id)
            return None
        key, levels = definition
        if ilvl is None:
            # Style-based numbering without an explicit level: the level linked to the style.
            ilvl = next((i for i, lv in sorted(levels.items()) if style and lv.style == style), 0)
        level = levels.get(ilvl)
        if level is None:
            return None
        state = self.counters.setdefault(key, {})
        if num_id not in self.used:
            self.used.add(num_id)
            for lvl, start in self.nums[num_id].starts.items():
                state[lvl] = start - 1
        state[ilvl] = state[ilvl] + 1 if ilvl in state else level.start
        for deeper in [k for k in state if k > ilvl]:
            lv = levels.get(deeper)
            restart_after = lv.restart if lv is not None and lv.restart is not None else deeper
            if restart_after and ilvl < restart_after:
                del state[deeper]
        if level.fmt == "bullet":
            # a glyph of its own for each level, as Word draws them ("•", "◦", "▪"): the parser
            # nests a list's second glyph under its first
            depth = ilvl
            if depth == 0 and style and (sm := _NTH_LIST_STYLE.search(style)) is not None:
                # Word's "List Bullet 2" style (a list of its own, indented further): the second level
                depth = int(sm.group(1)) - 1
            return LEVEL_BULLETS[min(depth, len(LEVEL_BULLETS) - 1)]

        def number(m: re.Match[str]) -> str:
            i = int(m.group(1)) - 1
            lv = levels.get(i, Level())
            value = state.get(i, lv.start)
            return format_number(value, "decimal" if level.legal and lv.fmt != "none" else lv.fmt)

        text = re.sub(r"%([1-9])", number, level.text).strip()
        return text or None


# ---- the document walk -------------------------------------------------------------------------------


@dataclass
class _Note:
    kind: str  # "footnote" | "endnote"
    id: str
    label: str


class _Reader:
    """Walks the body in document order and collects (label, text) paragraphs and note references."""

    def __init__(self, document: Any) -> None:
        self.document = document
        part = document.part
        numbering = _related_element(part, RT_NUMBERING)
        self.numbering = Numbering(numbering, document.styles.element)
        # label, text, label recorded (not in a table), where a cell's later paragraphs start in the text
        self.paras: list[tuple[str | None, str, bool, tuple[int, ...]]] = []
        self.notes: list[_Note] = []
        self.counts = {"footnote": 0, "endnote": 0}
        self.fields: list[bool] = []  # complex-field stack: True while inside a field's instructions
        self.boxes: list[Element] = []  # text boxes anchored in the current paragraph
        self.nested: list[tuple[str, tuple[int, ...]]] = []  # the rows of tables nested in the current row's cells
        self.warnings: list[str] = []
        self.note_parts = {
            "footnote": _related_element(part, RT_FOOTNOTES),
            "endnote": _related_element(part, RT_ENDNOTES),
        }

    def run(self) -> None:
        body = self.document.element.body
        if body is None:
            raise ValueError("no document body")
        self.block(body)

    # -- blocks

    def block(self, parent: Element) -> None:
        for el in parent:
            tag = el.tag
            if tag == w("p"):
                label, text = self.paragraph(el)
                if text:
                    self.paras.append((label, text, True, ()))
                self.flush_boxes()
                self.flush_nested()  # (a table nested in a text box's table, anchored in this paragraph)
            elif tag == w("tbl") and (frame := _frame_cell(el)) is not None:
                # a table of one cell that holds the report's paragraphs (a frame drawn round the page): its
                # paragraphs and tables the document's
                self.block(frame)
            elif tag == w("tbl"):
                banners = _banner_rows(el)
                for n, tr in enumerate(_children(el, "tr")):
                    if n in banners:
                        # a cell merged across a layout table's columns, over its rows of labels and
                        # content ("Date | ...", "Agreements | ..."): the report's title and opening, its
                        # paragraphs the document's
                        for cp in _children(next(_children(tr, "tc")), "p"):
                            label, text = self.paragraph(cp)
                            if text:
                                self.paras.append((label, text, True, ()))
                        continue
                    for row, breaks in self.rows(el, (tr,)):
                        self.paras.append((None, row, False, breaks))
                        self.flush_nested()
            elif tag == w("sdt"):
                content = el.find(w("sdtContent"))
                if content is not None:
                    self.block(content)
            elif tag == w("customXml"):
                self.block(el)
            elif tag == f"{{{MC}}}AlternateContent":
                chosen = _choose(el)
                if chosen is not None:
                    self.block(chosen)

    def flush_nested(self) -> None:
        nested, self.nested = self.nested, []
        self.paras.extend((None, row, False, breaks) for row, breaks in nested)

    def flush_boxes(self) -> None:
        boxes, self.boxes = self.boxes, []
        for box in boxes:
            self.block(box)

    def rows(self, tbl: Element, trs: Iterable[Element] | None = None) -> Iterator[tuple[str, tuple[int, ...]]]:
        """Each row (of ``trs``, else all) as one line, non-empty cells joined with " | " (merged cells appear once), with
        where a cell's second and later paragraphs start in it."""
        for tr in _children(tbl, "tr") if trs is None else trs:
            cells = [" ".join(self.cell(tc).split()) for tc in _children(tr, "tc")]
            row = " | ".join(c for c in cells if c)
            if row:
                yield laid_out(row)

    def cell(self, tc: Element) -> str:
        parts: list[str] = []
        for el in _children(tc, "p", "tbl"):
            if el.tag == w("p"):
                label, text = self.paragraph(el)
                if text:
                    parts.append(f"{label} {text}" if label else text)
                elif label:
                    parts.append(label)  # a cell Word numbers and nothing else: a table's "N.º" column
            elif sum(1 for _ in _children(el, "tr")) >= 2:
                # a nested table of rows ("Acuerdos | El GRCM adoptó ...:" over "N° | Acuerdo | Responsable | Plazo" / "1 |
                # ..."): its rows after the row that holds it, each a paragraph, as a table of the body's
                self.nested.extend(self.rows(el))
            else:
                parts.append(" / ".join(row for row, _ in self.rows(el)))  # a nested table's one row, flattened into the cell
        boxes, self.boxes = self.boxes, []
        for box in boxes:
            parts.append(" ".join(self.cell(box).replace(PARA_MARK, " ").split()))
        return PARA_MARK.join(part for part in parts if part.strip())

    # -- paragraphs and runs

    def paragraph(self, p: Element) -> tuple[str | None, str]:
        # The label is computed even for an empty paragraph: Word counts it (and shows its number).
        # Not for one deleted with changes tracked, its mark and all it held: the document as
        # accepted has no such paragraph.
        out: list[str] = []
        self.inline(p, out)
        text = "".join(out).strip(" \t\n\u00a0")
        if not text and (ppr := p.find(_PPR)) is not None and (rpr := ppr.find(_RPR)) is not None and rpr.find(_DEL) is not None:
            return None, ""
        return self.numbering.label(p), text

    def inline(self, parent: Element, out: list[str]) -> None:
        for el in parent:
            tag = el.tag
            if tag == w("r"):
                self.run_(el, out)
            elif tag in INLINE_CONTAINERS:
                self.inline(el, out)
            elif tag == w("sdt"):
                content = el.find(w("sdtContent"))
                if content is not None:
                    self.inline(content, out)
            elif tag == f"{{{MC}}}AlternateContent":
                chosen = _choose(el)
                if chosen is not None:
                    self.inline(chosen, out)
            elif tag in (f"{{{M}}}oMath", f"{{{M}}}oMathPara"):
                out.append("".join(t.text or "" for t in el.iter(f"{{{M}}}t")))
            # Everything else is not displayed text: w:del/w:moveFrom (deleted), pPr, bookmarks,
            # comment ranges, proofing marks.

    def run_(self, r: Element, out: list[str]) -> None:
        rpr = r.find(w("rPr"))
        hidden = rpr is not None and _on(rpr.find(w("vanish")))
        for el in r:
            tag = el.tag
            if tag == w("fldChar"):
                kind = el.get(w("fldCharType"))
                if kind == "begin":
                    self.fields.append(True)
                elif kind == "separate" and self.fields:
                    self.fields[-1] = False
                elif kind == "end" and self.fields:
                    self.fields.pop()
                continue
            if hidden or any(self.fields):  # hidden text, or a field's instructions (e.g. " PAGE ")
                continue
            if tag == w("t"):
                out.append(el.text or "")
            elif tag in (w("tab"), w("ptab")):
                out.append("\t")
            elif tag in (w("br"), w("cr")):
                out.append("\n")
            elif tag == w("noBreakHyphen"):
                out.append("-")
            elif tag == w("sym"):
                out.append(_symbol(el.get(w("char"), "")))
            elif tag in (w("footnoteReference"), w("endnoteReference")):
                kind = "footnote" if tag == w("footnoteReference") else "endnote"
                if _on_attr(el, "customMarkFollows"):
                    # The mark is the run text that follows; it does not take a number.
                    label = _following_text(el) or "*"
                else:
                    self.counts[kind] += 1
                    n = self.counts[kind]
                    label = str(n) if kind == "footnote" else _roman(n)
                    out.append(f"[{label}]")
                self.notes.append(_Note(kind, el.get(w("id"), ""), label))
            elif tag in (w("drawing"), w("pict"), f"{{{MC}}}AlternateContent"):
                root = _choose(el) if tag == f"{{{MC}}}AlternateContent" else el
                if root is not None:
                    self.boxes.extend(_text_boxes(root))
            # w:delText, w:instrText, w:commentReference, w:softHyphen, w:lastRenderedPageBreak: not shown

    # -- output

    def note_text(self, note: _Note) -> str | None:
        root = self.note_parts.get(note.kind)
        if root is None:
            return None
        for el in root.iterfind(w(note.kind)):
            if el.get(w("id")) == note.id:
                saved, self.fields = self.fields, []
                texts = []
                for p in el.iter(w("p")):
                    out: list[str] = []
                    self.inline(p, out)
                    texts.append("".join(out).strip())
                self.fields = saved
                return " ".join(t for t in texts if t) or None
        return None

    def assemble(self) -> tuple[str, dict[int, str], tuple[tuple[str, Span], ...], tuple[int, ...]]:
        chunks: list[str] = []
        labels: dict[int, str] = {}
        pos = 0
        breaks: list[int] = []
        for label, text, record, inside in self.paras:
            if chunks:
                pos += 2  # the "\n\n" separator
            shown = f"{label} {text}" if label else text
            if label and record:
                labels[pos] = label
            breaks += (pos + b for b in inside)
            chunks.append(shown)
            pos += len(shown)
        notes: list[tuple[str, Span]] = []
        rendered = []
        for note in self.notes:
            body = self.note_text(note)
            if body is None:
                self.warnings.append(f"{note.kind} {note.label} is referenced but missing")
                continue
            rendered.append((note.label, body))
        if rendered:
            chunks.append("Notes")
            pos += (2 if len(chunks) > 1 else 0) + len("Notes")
            for label, body in rendered:
                prefix = f"[{label}] "
                pos += 2 + len(prefix)
                notes.append((label, Span(pos, pos + len(body))))
                chunks.append(prefix + body)
                pos += len(body)
        if self.numbering.missing:
            self.warnings.append("list numbering refers to undefined lists: " + ", ".join(sorted(self.numbering.missing)))
        return "\n\n".join(chunks), labels, tuple(notes), tuple(breaks)


def _related_element(part: Any, reltype: str) -> Element | None:
    """The XML root of the part related to ``part`` by ``reltype``, or None when there is none."""
    try:
        related = part.part_related_by(reltype)
    except KeyError:
        return None
    element = getattr(related, "element", None)
    if element is not None:
        return element
    from docx.oxml.parser import parse_xml  # python-docx's parser: no entity resolution, no network

    return parse_xml(related.blob)


def _banner_rows(tbl: Element) -> set[int]:
    """The rows (their indexes) of a layout table of two columns, labels and content ("Date | 24-25 June
    2015", "Agreements | ..."), that are one cell merged across both and hold two paragraphs or more
    (the report's title and opening). A table of agreements or of one column has none."""
    rows = list(_children(tbl, "tr"))
    widths = [len(list(_children(tr, "tc"))) for tr in rows]
    if not rows or max(widths) != 2 or widths.count(2) < 2:
        return set()
    out: set[int] = set()
    for k, (tr, n) in enumerate(zip(rows, widths, strict=True)):
        if n != 1:
            continue
        tc = next(_children(tr, "tc"))
        span = tc.find(f"{w('tcPr')}/{w('gridSpan')}")
        paras = [p for p in _children(tc, "p") if "".join(t.text or "" for t in p.iter(w("t"))).strip()]
        if span is not None and (span.get(w("val")) or "1").isdigit() and int(span.get(w("val")) or "1") >= 2 and len(paras) >= 2:
            out.add(k)
    return out


_TR, _TR_PR, _DEL, _PPR, _RPR = w("tr"), w("trPr"), w("del"), w("pPr"), w("rPr")


def _frame_cell(tbl: Element) -> Element | None:
    """The one cell of a table of one row and one column that holds five paragraphs or more: a frame."""
    rows = list(_children(tbl, "tr"))
    if len(rows) != 1:
        return None
    cells = list(_children(rows[0], "tc"))
    if len(cells) != 1 or sum(1 for _ in _children(cells[0], "p")) < 5:
        return None
    return cells[0]


def _children(parent: Element, *tags: str) -> Iterator[Element]:
    """Children with the given local names, looking through content controls and custom XML."""
    wanted = {w(t) for t in tags}
    for el in parent:
        if el.tag in wanted:
            if el.tag == _TR and (pr := el.find(_TR_PR)) is not None and pr.find(_DEL) is not None:
                continue  # (a table row deleted with changes tracked: not in the document as accepted)
            yield el
        elif el.tag == w("sdt"):
            content = el.find(w("sdtContent"))
            if content is not None:
                yield from _children(content, *tags)
        elif el.tag == w("customXml"):
            yield from _children(el, *tags)


def _choose(alternate: Element) -> Element | None:
    """The branch of an mc:AlternateContent to read: the first Choice, else the Fallback.

    Both hold the same content (modern and legacy markup); reading both would duplicate it.
    """
    for branch in alternate:
        if branch.tag in (f"{{{MC}}}Choice", f"{{{MC}}}Fallback"):
            return branch
    return None


def _text_boxes(root: Element) -> list[Element]:
    """The outermost w:txbxContent elements under ``root`` (legacy fallbacks skipped)."""
    found: list[Element] = []

    def walk(el: Element) -> None:
        for child in el:
            if child.tag == w("txbxContent"):
                found.append(child)
            elif child.tag == f"{{{MC}}}AlternateContent":
                chosen = _choose(child)
                if chosen is not None:
                    walk(chosen)
            else:
                walk(child)

    walk(root)
    return found


def _on_attr(el: Element, name: str) -> bool:
    value = el.get(w(name))
    return value is not None and value.lower() in ("1", "true", "on")


def _following_text(ref: Element) -> str:
    nxt = ref.getnext()
    while nxt is not None and nxt.tag != w("t"):
        nxt = nxt.getnext()
    return (nxt.text or "").strip() if nxt is not None else ""


def _symbol(code: str) -> str:
    """A w:sym character. Symbol-font code points live in the private-use area F0xx; their low byte
    is the glyph's position in the font, which for letters and digits is the ASCII code."""
    try:
        n = int(code, 16)
    except ValueError:
        return ""
    if 0xF000 <= n <= 0xF0FF:
        n -= 0xF000
        if n == 0xB7:  # the Symbol-font bullet
            return BULLET
        return chr(n) if 0x20 < n < 0x7F else ""
    return chr(n)


__all__ = ["read_docx", "check_zip", "Numbering", "Level", "format_number"]
