"""The JSON a site writes for each resource (JSON-LD, CSL-JSON, list exports) comes from msgspec:
byte for byte what the standard library's ``json.dumps(..., ensure_ascii=False, indent=n)`` wrote."""

from __future__ import annotations

import json
import random

import pyoxigraph as ox
import pytest

from rcmkg.sparql.writers import indented_json, jsonld_bytes, jsonld_document

# What reports carry: accents, quotes and backslashes, C0 controls from Word files, DEL, the line and
# paragraph separators (JSON allows them raw, JavaScript did not), astral characters, markup.
AWKWARD = ["", "plain", "ñandú café", 'quote" back\\slash', "ctl\x00\x01\x1f\x7f", "\u2028\u2029",
           "emoji 😀", "</script><!--", "tab\tnl\nret\r", "\ud7ff\ue000\uffff", "/slash"]


def _text(rnd: random.Random) -> str:
    ranges = [(0, 0x7F), (0x80, 0xD7FF), (0xE000, 0x10FFFF)]
    return "".join(chr(rnd.randint(*rnd.choice(ranges))) for _ in range(rnd.randint(0, 12)))


def _value(rnd: random.Random, depth: int = 0) -> object:
    pick = rnd.randrange(7 if depth < 3 else 4)
    if pick == 0:
        return rnd.choice(AWKWARD)
    if pick == 1:
        return _text(rnd)
    if pick == 2:
        return rnd.choice([None, True, False, 0, -7, 2**70])
    if pick == 3:
        return []
    if pick in (4, 5):
        return {rnd.choice([*AWKWARD, _text(rnd)]): _value(rnd, depth + 1) for _ in range(rnd.randint(0, 4))}
    return [_value(rnd, depth + 1) for _ in range(rnd.randint(0, 4))]


@pytest.mark.parametrize("indent", [1, 2])
def test_indented_json_writes_what_json_dumps_writes(indent: int) -> None:
    rnd = random.Random(20261205)
    for _ in range(3000):
        value = _value(rnd)
        assert indented_json(value, indent) == json.dumps(value, ensure_ascii=False, indent=indent).encode(), value


def test_a_resource_document_is_the_standard_librarys_bytes() -> None:
    s = ox.NamedNode("https://w3id.org/rcmkg/id/org/iom")
    triples = [ox.Triple(s, ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"), ox.Literal(text, language="es"))
               for text in AWKWARD]
    triples.append(ox.Triple(s, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                             ox.NamedNode("http://www.w3.org/ns/org#Organization")))
    out = jsonld_bytes(triples)
    assert out == json.dumps(jsonld_document(triples), ensure_ascii=False, indent=1).encode()
    assert json.loads(out)["@graph"][0]["@type"] == ["org:Organization"]
