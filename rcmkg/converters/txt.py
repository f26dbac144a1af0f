"""The .txt reader: find the encoding, keep the text exactly as decoded.

Offsets downstream are code points into the decoded text, so nothing is normalised here: line
endings (\\r\\n, \\r) and Word's artefacts stay as they are, and the parser deals with them. The
only changes are that a byte-order mark is dropped (it is encoding metadata, not text), that a
text pasted from an e-mail still in quoted-printable (soft line breaks "=", "Secretar=C3=ADa") is
decoded from that transfer encoding (:func:`quoted_printable`), and that UTF-8 once decoded as
Windows-1252 and saved again ("ReuniÃ³n") is read as the UTF-8 it was (:func:`mojibake`), each with
a warning.

Encoding, in order of evidence:

1. a byte-order mark: UTF-8, UTF-16 LE/BE, UTF-32 LE/BE;
2. UTF-16 without a mark, when every other byte is NUL (ASCII text saved as "Unicode" by a tool
   that writes no mark); any other NUL byte means binary data;
3. valid UTF-8 (a non-ASCII text that decodes as UTF-8 is almost never anything else);
4. Windows-1252, the encoding of text exported by Word on Western-locale Windows, when it decodes
   and holds no control characters other than tab, CR, LF and form feed;
5. otherwise: "binary file, not text".
"""

from __future__ import annotations

import quopri
import re
from pathlib import Path

from rcmkg.converters.read import load_bytes, max_bytes, source_file, source_text
from rcmkg.errors import InputError
from rcmkg.model import SourceText

MEDIA_TYPE = "text/plain"

BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 first: its LE mark starts with the UTF-16 LE mark.
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be", "utf-16-be"),
)
# Control characters (Unicode category Cc) other than tab, LF, VT, FF and CR. VT is allowed because
# Word exports a manual line break as VT.
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
CONTROL_SHARE = 0.01  # more control characters than this in decoded text: not a text file


def read_txt(path: Path) -> SourceText:
    """Read a plain-text report, detecting its encoding (recorded in ``SourceText.encoding``).

    >>> src = read_txt(Path("data/reports/002_dcc41190f93bc62f.txt"))  # doctest: +SKIP
    >>> src.encoding, src.text[:8]                                     # doctest: +SKIP
    ('utf-8', '  REPORT')
    """
    data = load_bytes(path, max_bytes())
    text, encoding, warnings = decode(path, data)
    if (qp := quoted_printable(text)) is not None:
        text = qp
        warnings = (*warnings, "quoted-printable text (an e-mail's transfer encoding) decoded")
    if (fixed := mojibake(text)) is not None:
        text = fixed
        warnings = (*warnings, "UTF-8 text once decoded as Windows-1252 (\"ReuniÃ³n\") read as its UTF-8")
    return source_text(path, source_file(path, data, MEDIA_TYPE), text, encoding=encoding, warnings=warnings)


def decode(path: Path, data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """(text, encoding name, warnings) for the bytes of a text file; InputError if it is not text."""
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(path, f"invalid {codec.upper()} text after its byte-order mark (byte {exc.start + len(bom)})") from None
            _check_controls(path, text)
            return text, name, ()
    utf16 = _bomless_utf16(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            raise InputError(path, "binary file, not text") from None
        _check_controls(path, text)
        return text, utf16, (f"no byte-order mark; read as {utf16.upper()} (every other byte is NUL)",)
    if b"\x00" in data:
        raise InputError(path, "binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _check_controls(path, text)
        return text, "utf-8", ()
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; text from Word never contains them.
        raise InputError(path, "binary file, not text") from None
    if CONTROL.search(text):
        raise InputError(path, "binary file, not text")
    return text, "windows-1252", ("not UTF-8; read as Windows-1252",)


# An e-mail's quoted-printable encoding left in a pasted text: soft line breaks ("=" at a line's
# end) and escaped bytes ("Secretar=C3=ADa", "=20").
_QP_SOFT = re.compile(r"=\r?\n")
_QP_BYTE = re.compile(r"=[0-9A-F]{2}")


def quoted_printable(text: str) -> str | None:
    """``text`` decoded from quoted-printable (RFC 2045), when it shows that encoding several times
    (three soft line breaks and three escaped bytes or more) and the escapes decode as UTF-8; else
    None. Characters already decoded are kept as they are."""
    if "=" not in text or len(_QP_SOFT.findall(text)) < 3 or len(_QP_BYTE.findall(text)) < 3:
        return None
    try:
        return quopri.decodestring(text.encode("utf-8")).decode("utf-8")
    except UnicodeDecodeError:
        return None


# UTF-8's two- and three-byte sequences as Windows-1252 shows them: "Ã³" for "ó", "â€œ" for a quotation mark.
_MOJIBAKE = re.compile("[\u00c2-\u00c3][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|\u00e2\u20ac")


def mojibake(text: str) -> str | None:
    """``text`` as the UTF-8 it was, where it was decoded as Windows-1252 and saved again ("ReuniÃ³n",
    "MÃ©xico", "â€œ"), three such sequences or more and the whole text going back to valid UTF-8; else None.
    (A byte Windows-1252 leaves undefined came through as the code point of its value: Latin-1's.)"""
    if ("\u00c3" not in text and "\u00e2" not in text) or len(_MOJIBAKE.findall(text)) < 3:
        return None
    out = bytearray()
    for ch in text:
        if ord(ch) < 0x80:
            out.append(ord(ch))
            continue
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                return None  # (a character no single byte gives: not a decoded byte)
            out.append(ord(ch))
    try:
        return out.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the bytes look like mostly-ASCII UTF-16 without a mark."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) == 0:
            return codec
    return None


def _check_controls(path: Path, text: str) -> None:
    """Refuse decoded text made largely of control characters (a binary file that happens to decode)."""
    if "\x00" in text:
        raise InputError(path, "binary file, not text")
    controls = len(CONTROL.findall(text))
    if controls and controls > CONTROL_SHARE * len(text):
        raise InputError(path, "binary file, not text")
