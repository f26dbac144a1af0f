"""Output safety rules, in one place, for the CLI and the server alike.

Report text is untrusted (anyone can write a report), and so is every value a SPARQL query can
make up (``IRI("javascript:...")``). Every writer that puts such text where a reader or a program
interprets it goes through one of these functions:

* :func:`safe_href`: only ``http``, ``https`` and ``mailto`` IRIs (and the site's own relative
  links) become an ``href``; anything else (``javascript:``, ``data:``, ``vbscript:``...) gets no
  link, only text.
* :func:`visible`: control and bidi characters made visible as ``<U+202E>``: a right-to-left
  override in a label must not reverse what follows it on the page, and BEL/DEL/C1 controls have
  no business in a title or a table. Tab and newline are kept (they are layout).
* :func:`csv_cell`: :func:`visible`, and a cell starting with ``=``, ``+``, ``-``, ``@`` (or tab/CR)
  gets a leading apostrophe so that a spreadsheet reads it as text, not a formula (OWASP "CSV
  injection"). Only the CSV written for people (``commitments --format csv``, SPARQL CSV) does this;
  JSON/TSV/XML keep values exact.
* :func:`markdown_cell`: :func:`visible`, HTML-escaped (a Markdown renderer passes raw HTML
  through) and with ``|`` escaped for tables.
* :func:`xml_chars`: characters XML 1.0 cannot carry at all, even as references (C0 controls but
  tab, LF, CR; U+FFFE/U+FFFF; lone surrogates), replaced by U+FFFD so that RDF/XML and SPARQL XML
  stay well-formed. The exact value is still in Turtle, N-Triples and JSON.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: Schemes that may become a link.
LINK_SCHEMES = frozenset({"http", "https", "mailto"})

# C0 controls but tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates and marks
# that reorder text (LRM/RLM/ALM are harmless but invisible; kept visible too), line/paragraph
# separators (they break a Markdown table or a CSV line in some readers).
UNSAFE_CHARACTERS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[{UNSAFE_CHARACTERS}]")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
#: What a spreadsheet may read as the start of a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _show(m: re.Match[str]) -> str:
    return f"<U+{ord(m.group(0)):04X}>"


def visible(text: str) -> str:
    """``text`` with control and bidi characters shown as ``<U+XXXX>`` (tab and newline kept).

    >>> visible("abc\\u202edef\\x07")
    'abc<U+202E>def<U+0007>'
    """
    return _UNSAFE.sub(_show, text) if _UNSAFE.search(text) else text


def has_unsafe(text: str) -> bool:
    """Whether :func:`visible` would change ``text``."""
    return _UNSAFE.search(text) is not None


def safe_href(url: str) -> str | None:
    """``url`` if it may be an ``href``: http(s)/mailto, or relative (a path of this site); else None.

    >>> safe_href("javascript:alert(1)") is None, safe_href("https://w3id.org/rcmkg/id/x")
    (True, 'https://w3id.org/rcmkg/id/x')
    """
    if _UNSAFE.search(url) or any(c in url for c in "\t\n\r"):
        return None  # browsers drop tabs/newlines inside schemes: "java\tscript:" is javascript:
    stripped = url.strip()
    try:
        scheme = urlsplit(stripped).scheme.lower()
    except ValueError:
        return None
    if not scheme:
        # A relative link: our own pages. "//host" leaves the site, but over http(s) only.
        return url
    return url if scheme in LINK_SCHEMES else None


def csv_cell(text: str) -> str:
    """A CSV cell for spreadsheets: :func:`visible`, and a formula-looking start defused with ``'``.

    >>> csv_cell("=HYPERLINK(\\"http://x\\")"), csv_cell("-5 days"), csv_cell("plain")
    ('\\'=HYPERLINK("http://x")', "'-5 days", 'plain')
    """
    text = visible(text)
    return "'" + text if text.startswith(FORMULA_START) else text


def markdown_cell(text: str) -> str:
    """Text for a Markdown table cell or heading: visible, HTML-escaped, pipes escaped.

    >>> markdown_cell("<img src=x onerror=alert(1)> | a")
    '&lt;img src=x onerror=alert(1)&gt; \\\\| a'
    """
    text = visible(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|")


def xml_chars(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot carry replaced by U+FFFD."""
    return _XML_ILLEGAL.sub("\ufffd", text) if _XML_ILLEGAL.search(text) else text
