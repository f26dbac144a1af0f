"""Content negotiation, from a table: Accept header (or suffix) -> the format we answer with."""

from __future__ import annotations

import pytest

from rcmkg.publish.conneg import (
    GRAPH_RESULT_FORMATS,
    RDF_FORMATS,
    RESULT_FORMATS,
    by_key,
    negotiate,
    parse_accept,
    split_extension,
)

FIREFOX = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
CHROME = (
    "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,"
    "application/signed-exchange;v=b3;q=0.7"
)

RESOURCE_CASES = [
    # (Accept, expected key for a resource description; None = 406)
    (None, "html"),
    ("", "html"),
    ("*/*", "html"),
    (FIREFOX, "html"),
    (CHROME, "html"),
    ("text/turtle", "ttl"),
    ("application/x-turtle", "ttl"),
    ("application/ld+json", "jsonld"),
    ('application/ld+json; profile="http://www.w3.org/ns/json-ld#compacted"', "jsonld"),
    ("application/json", "jsonld"),
    ("application/n-triples", "nt"),
    ("application/rdf+xml", "rdf"),
    ("application/xml", "rdf"),
    ("TEXT/TURTLE", "ttl"),
    ("text/turtle;q=0.5, application/ld+json;q=0.9", "jsonld"),
    ("text/turtle;q=0.9, application/rdf+xml;q=0.9", "ttl"),  # tie -> server order
    ("application/rdf+xml, text/turtle", "ttl"),  # equal q -> server order, not header order
    ("text/*", "html"),
    ("text/*;q=0.5, text/turtle", "ttl"),
    ("*/*;q=0.1, text/turtle;q=0.2", "ttl"),
    ("text/html;q=0, */*", "ttl"),  # q=0 excludes HTML; the rest is "anything"
    ("text/turtle, */*;q=0", "ttl"),
    ("application/json;q=0.1, application/ld+json", "jsonld"),
    ("image/png", None),
    ("text/csv", None),
    ("garbage", "html"),  # nothing parseable: treat as no header
    ("text/turtle;q=abc, application/n-triples", "nt"),  # a bad weight drops only its entry
    ("text/turtle;q=2", "html"),  # out of range: dropped
    ("application/n-triples;q=0.8, text/plain", "nt"),
]


@pytest.mark.parametrize(("accept", "expected"), RESOURCE_CASES)
def test_resource_negotiation(accept, expected):
    fmt = negotiate(accept, RDF_FORMATS)
    assert (fmt.key if fmt else None) == expected


RESULT_CASES = [
    (None, "json"),
    ("*/*", "json"),
    ("application/sparql-results+json", "json"),
    ("application/json", "json"),
    ("application/sparql-results+xml", "xml"),
    ("application/xml", "xml"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "tsv"),
    (FIREFOX, "html"),
    ("text/turtle", None),
    ("application/sparql-results+json;q=0.5, text/csv", "csv"),
]


@pytest.mark.parametrize(("accept", "expected"), RESULT_CASES)
def test_result_negotiation(accept, expected):
    fmt = negotiate(accept, RESULT_FORMATS)
    assert (fmt.key if fmt else None) == expected


GRAPH_CASES = [
    (None, "ttl"),
    ("*/*", "ttl"),
    ("application/ld+json", "jsonld"),
    ("application/n-triples", "nt"),
    ("application/rdf+xml", "rdf"),
    (FIREFOX, "html"),
    ("application/sparql-results+json", None),
]


@pytest.mark.parametrize(("accept", "expected"), GRAPH_CASES)
def test_graph_result_negotiation(accept, expected):
    fmt = negotiate(accept, GRAPH_RESULT_FORMATS)
    assert (fmt.key if fmt else None) == expected


EXTENSION_CASES = [
    ("meeting/rcm-lon-smtp/2018-07-19.ttl", "meeting/rcm-lon-smtp/2018-07-19", "ttl"),
    ("meeting/rcm-lon-smtp/2018-07-19.jsonld", "meeting/rcm-lon-smtp/2018-07-19", "jsonld"),
    ("meeting/rcm-lon-smtp/2018-07-19.nt", "meeting/rcm-lon-smtp/2018-07-19", "nt"),
    ("meeting/rcm-lon-smtp/2018-07-19.rdf", "meeting/rcm-lon-smtp/2018-07-19", "rdf"),
    ("meeting/rcm-lon-smtp/2018-07-19.html", "meeting/rcm-lon-smtp/2018-07-19", "html"),
    ("meeting/rcm-lon-smtp/2018-07-19.TTL", "meeting/rcm-lon-smtp/2018-07-19", "ttl"),
    ("meeting/rcm-lon-smtp/2018-07-19", "meeting/rcm-lon-smtp/2018-07-19", None),
    ("text/sha256-563b5d0127376752", "text/sha256-563b5d0127376752", None),
    ("country/CR", "country/CR", None),
    ("a.b/c", "a.b/c", None),  # a dot in an earlier segment is not a suffix
    ("doc/x.pdf", "doc/x.pdf", None),  # not one of ours
    (".ttl", ".ttl", None),  # nothing before the suffix
    ("dataset.ttl", "dataset", "ttl"),
]


@pytest.mark.parametrize(("path", "stem", "key"), EXTENSION_CASES)
def test_split_extension(path, stem, key):
    got_stem, fmt = split_extension(path)
    assert (got_stem, fmt.key if fmt else None) == (stem, key)


@pytest.mark.parametrize(
    ("value", "key"),
    [("csv", "csv"), ("text/csv", "csv"), ("JSON", "json"), ("application/sparql-results+xml", "xml"), ("pdf", None), ("", None)],
)
def test_by_key(value, key):
    fmt = by_key(value, RESULT_FORMATS)
    assert (fmt.key if fmt else None) == key


def test_parse_accept_keeps_order_and_weights():
    ranges = parse_accept("text/html;level=1;q=0.7, */*;q=0.1, text/*")
    assert [(r.type, r.subtype, r.q, r.specificity) for r in ranges] == [
        ("text", "html", 0.7, 2),
        ("*", "*", 0.1, 0),
        ("text", "*", 1.0, 1),
    ]


def test_content_type_has_charset_for_text():
    fmt = negotiate("text/turtle", RDF_FORMATS)
    assert fmt.content_type == "text/turtle; charset=utf-8"


def test_static_accept_rules_choose_as_the_live_server_within_their_limits():
    """The ordered patterns the Apache and nginx configs use pick what :func:`negotiate` picks for
    headers within their documented limits (q to one decimal, no weighted wildcards, not all refused)."""
    import random
    import re

    from rcmkg.publish.conneg import RDF_FORMATS, negotiate
    from rcmkg.publish.site.webconf import accept_rules

    rules = [(re.compile(p, re.I), f) for p, f in accept_rules()]

    def static(accept: str) -> str:
        return next((f.key for p, f in rules if p.search(accept)), "html")

    # An alias beside its canonical type with another weight (x-turtle;q=1, text/turtle;q=0.1) is
    # left out: the live server lets the canonical one decide, the patterns the heavier one.
    assert static("application/x-turtle") == "ttl" and static("application/xhtml+xml, image/png;q=0.5") == "html"
    types = ["text/html", "text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml",
             "image/png", "text/css"]
    rng = random.Random(12)
    checked = 0
    for _ in range(3000):
        parts = []
        for t in rng.sample(types, rng.randint(1, 4)):
            q = rng.choice(["", ";q=1", ";q=1.0", ";q=0.9", ";q=0.5", "; q=0.3", ";q=0.1", ";q=0.05", ";q=0"])
            parts.append(t + rng.choice(["", ";charset=utf-8"]) + q)
        accept = rng.choice([", ", ","]).join(parts)
        live = negotiate(accept, RDF_FORMATS)
        if live is None:  # the live server answers 406; the static configs fall back to HTML
            continue
        assert static(accept) == live.key, accept
        checked += 1
    assert checked > 2000
