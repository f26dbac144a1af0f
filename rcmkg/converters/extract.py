"""Report structure -> facts: each agreement's kind, who and what it names, the documents and tracked
items it concerns, the commitments it makes (actor, action, recipient, due date) and the stage each
tracked item is at. Names are linked to IRIs through :mod:`rcmkg.converters.link`.

The rules follow the genre's grammar, not one report's wording:

* an agreement's kind is its operative verb ("To thank" -> thanks, "Take note" -> take-note, "To ask"
  -> request, "X will / agreed / imperative" -> decision, "proposes / offered" -> proposal, a
  "Regarding ...:" lead-in -> other); sub-items of a list that only enumerates what the parent is
  about take the parent's kind, and those under "X requested:" are requests;
* commitments come from future statements with an identifiable actor ("X will/shall VERB", "... will
  be VERBed by X", "organized by X" in a future clause), requests addressed to an actor ("To ask X to",
  "request that X", "X requested Y support"), offers and self-commitments ("the offer of X to",
  "X offered to", "X assumed its commitment to"), nominal actions with an agent ("the development, by
  X, of") and dated imperatives ("To submit ... by 21 July 2017"), each with the due phrase that
  follows it in the same sentence;
* a tracked item's stage is read from the sentence that names it (or from the whole item when a
  sub-item inherits the parent's subject).
"""

from __future__ import annotations

import bisect
import itertools
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from weakref import WeakKeyDictionary

from rcmkg.converters import roles
from rcmkg.converters.dates import MONTHS, FoundDue, find_dates, find_due, reading
from rcmkg.converters.link import Linker, Minted
from rcmkg.converters.names import find_unknown_orgs
from rcmkg.converters.parse import ACTOR_TASK, ARTEFACT, COMMITMENTS_OF, clean, coded_countries
from rcmkg.iris import Iris, slugify
from rcmkg.model import (
    Agreement,
    Commitment,
    Due,
    Extracted,
    Item,
    ParsedReport,
    Ref,
    RoleHolding,
    Span,
    StageClaim,
)
from rcmkg.namespaces import DCT as DCT_NS
from rcmkg.namespaces import ORG, STAGE_RANK
from rcmkg.namespaces import RCM as RCM_NS
from rcmkg.registry import Entry, Match, Registry
from rcmkg.text import fold, title_name

ACTOR_KINDS = frozenset({"org", "country", "collective"})

# ---- agreement kinds ------------------------------------------------------------------------------

THANKS = re.compile(r"^(?:to\s+)?(?:thank|thanks|congratulate|congratulates|express\w*\s+(?:its\s+|their\s+)?(?:gratitude|appreciation)|agradec\w*|felicit\w*|reconoc\w*\s+(?:el|la|los|las)\s+(?:esfuerzo|labor|trabajo)\w*|expres\w*\s+(?:su\s+)?(?:agradecimiento|reconocimiento))\b", re.I)
TAKE_NOTE = re.compile(r"^(?:to\s+)?(?:take|takes|took)\s+note\b|^(?:to\s+)?note\b|^(?:tomar|toma|tom[oó]|tomaron)\s+(?:buena\s+)?nota\b", re.I)
REQUEST = re.compile(r"^(?:to\s+)?(?:ask|asks|request|requests|urge|urges|invite|invites|call\s+(?:up)?on|instruct|instructs|entrust|entrusts|mandate|solicitar|solicita|solicit[oó]|(?:se\s+)?solicita|(?:se\s+)?pide|pedir|instar|insta|instruir|instruye|instruy[oó]|encomendar|encomienda|encomend[oó]|encargar|encarga|invitar|invita|exhortar|exhorta)\b", re.I)
LEAD_IN = re.compile(r"^(?:regarding|in\s+regards?\s+to|with\s+regard\s+to|as\s+regards|concerning|in\s+relation\s+to|with\s+respect\s+to|on\s+the|en\s+relaci[oó]n|respecto|sobre)\b", re.I)
PROPOSAL_HEAD = re.compile(r"^(?:to\s+)?(?:proposal|proposals|propose|propuesta|propuestas|proponer|propone)\b", re.I)
PROPOSAL_VERB = re.compile(r"\b(proposes|proposed|offered|offers|suggests|suggested|propone|propuso|proponen|ofreci[oó]|ofrece|ofrecieron|sugiri[oó])\b", re.I)
INTEREST = re.compile(r"\bmanifest\w*\s+(?:their|its)\s+interest\b|\bexpress\w*\s+(?:their|its)\s+interest\s+to\b", re.I)
DECISION = re.compile(
    r"\b(will|shall|agreed|agree|agrees|decided|decide|decides|acord\w+|decidi\w+|"
    r"\w{2,}(?:ará|erá|irá|arán|erán|irán)|ser[aá]n?|comprometi\w*|acept\w*|aprob\w*)\b",  # Spanish future: "enviará", "remitirán"
    re.I,
)
IMPERATIVE = re.compile(
    r"^(?:to\s+)?(?:update|analy[sz]e|review|submit|send|share|prepare|develop|elaborate|organi[sz]e|hold|continue|promote|"
    r"include|consider|establish|create|approve|adopt|disseminate|circulate|present|conduct|carry\s+out|coordinate|"
    r"strengthen|reinforce|support|follow\s+up|monitor|study|exhort|encourage|designate|define|translate|compile|"
    r"identify|implement|maintain|keep|reiterate|endorse|validate|publish|convene|assess|evaluate|recommend|"
    r"incorporate|request|ensure|agree|approve|postpone|defer|schedule|hold|accept|welcome|"
    r"remitir|enviar|compartir|elaborar|actualizar|revisar|presentar|organizar|realizar|difundir|circular|traducir|"
    r"apoyar|aprobar|adoptar|continuar|promover|incluir|considerar|establecer|coordinar|fortalecer|designar|"
    r"identificar|implementar|mantener|publicar|convocar|evaluar|recomendar|exhortar|analizar|dar\s+seguimiento|"
    r"aceptar|acordar|respaldar|avalar|ratificar|reiterar|impulsar|instar|crear|conformar|sistematizar)\b",
    re.I,
)
DETERMINERS = {"the", "a", "an", "of", "its", "their", "his", "her", "this", "these", "those", "that"}


# An act reported in the past or present tense, after its subject or none ("The RCGM thanked ...",
# "Welcomed the report ...", "The Network requests ..."): a communiqué's or conclusions' form.
_SUBJECT = r"^(?:(?:the|el|la|los|las)\s+)?(?:[A-Z][\w-]*(?:\s+[\w-]+){0,4}?\s+)?(?:also\s+|further\s+)?"
# (and in Spanish, a communiqué's "Los Viceministros tomaron nota ...", "Encomendaron al GRCM:")
PAST_ACTS = (
    ("thanks", re.compile(_SUBJECT + r"(?i:thank(?:ed|s)|congratulat(?:ed|es)|express(?:ed|es)\s+(?:its|their)\s+(?:gratitude|appreciation)|"
                                     r"agradeci(?:eron|[oó])|felicitaron|felicit[oó]|expres(?:aron|[oó])\s+su\s+(?:agradecimiento|reconocimiento)|"
                                     # (a communiqué's present, "Agradecen al Gobierno de México ...")
                                     r"agradecen|felicitan|expresan\s+su\s+(?:agradecimiento|reconocimiento))\b")),
    ("take-note", re.compile(_SUBJECT + r"(?i:t(?:ook|akes)\s+note|welcom(?:ed|es)|not(?:ed|es)|tom(?:aron|[oó])\s+(?:buena\s+)?nota|"
                                        r"acogi(?:eron|[oó])\s+con\s+beneplácito|toman\s+(?:buena\s+)?nota|acogen\s+con\s+beneplácito)\b")),
    ("request", re.compile(_SUBJECT + r"(?i:request(?:ed|s)|ask(?:ed|s)|urg(?:ed|es)|invit(?:ed|es)|instruct(?:ed|s)|entrust(?:ed|s)|"
                                      r"mandat(?:ed|es)|call(?:ed|s)\s+(?:up)?on|solicit(?:aron|[oó])|encomend(?:aron|[oó])|encarg(?:aron|[oó])|"
                                      r"inst(?:aron|[oó])|exhort(?:aron|[oó])|pidi(?:eron|[oó])|invit(?:aron|[oó])|instruy(?:eron|[oó])|"
                                      r"solicitan|encomiendan|encargan|instan|exhortan|piden|invitan|instruyen)\b")),
    ("decision", re.compile(_SUBJECT + r"(?i:approv(?:ed|es)|endors(?:ed|es)|adopt(?:ed|s)|agre(?:ed|es)|decid(?:ed|es)|"
                                       r"establish(?:ed|es)|designat(?:ed|es)|accept(?:ed|s)|aprob(?:aron|[oó])|adopt(?:aron|[oó])|"
                                       r"acord(?:aron|[oó])|decidi(?:eron|[oó])|acept(?:aron|[oó])|respald(?:aron|[oó])|"
                                       r"establecieron|estableci[oó]|design(?:aron|[oó])|"
                                       r"aprueban|adoptan|acuerdan|deciden|aceptan|respaldan|reafirman|reiteran|establecen|designan)\b")),
)


_RECOMMENDED = re.compile(r"(?:se\s+recomienda(?:\s+a\s+(?:los|las)\s+\w+)?|it\s+is\s+recommended)\s+(?:(?:que|that)\s+)?(?=\w)", re.I)
# (and "Se acuerda agradecer al Gobierno ...", "It was agreed to request ...": the act agreed on)
_AGREED_OPENING = re.compile(r"(?:se\s+acuerda|se\s+acord[oó]|se\s+decide|se\s+decidi[oó]|it\s+(?:was|is)\s+(?:agreed|decided))\s+"
                             r"(?:(?:que|that|to)\s+)?(?=\w)", re.I)


_WILL = re.compile(r"\s*(?:will|shall)\s+[a-z]", re.I)


def _past_act(text: str) -> str | None:
    return next((kind for kind, rx in PAST_ACTS if rx.match(text)), None)


def _own_act(text: str) -> str | None:
    """The kind an item's own operative verb gives, or None when it names none."""
    if THANKS.search(text):
        return "thanks"
    if TAKE_NOTE.search(text):
        return "take-note"
    if REQUEST.search(text):
        return "request"
    if (past := _past_act(text)) in ("thanks", "take-note", "request"):
        return past
    if PROPOSAL_HEAD.search(text) or INTEREST.search(text[:200]):
        return "proposal"
    m = PROPOSAL_VERB.search(text[:160])
    # "To endorse the Work Plan, proposed by the Network": a passive participle after the item's
    # own verb reports who proposed it, not a proposal made here.
    if m and re.match(r"\s+(?:by|por)\b", text[m.end() :]) and IMPERATIVE.search(text):
        m = None
    if m and not LEAD_IN.search(text):
        before = text[: m.start()].split()
        if before and before[-1].lower() not in DETERMINERS and len(before) <= 10:
            return "proposal"
    return None


def classify(text: str, parent_text: str | None, parent_act: str | None) -> str:
    """The agreement kind of an item's text, given its parent's (for sub-items).

    >>> classify("To thank IOM for the update.", None, None)
    'thanks'
    >>> classify("The IOM to take into consideration ...", "... Member Countries requested:", "thanks")
    'request'
    """
    if (rec := _RECOMMENDED.match(text)) is not None and rec.end() < len(text):
        # "Se recomienda tomar nota del informe ...": the act recommended
        return classify(text[rec.end() :], parent_text, parent_act)
    if (agreed := _AGREED_OPENING.match(text)) is not None and agreed.end() < len(text):
        # the act agreed on, else a decision ("It was agreed that the next meeting ...")
        return kind if (kind := classify(text[agreed.end() :], parent_text, parent_act)) != "other" else "decision"
    own = _own_act(text)
    if text.rstrip().endswith(":") and LEAD_IN.search(text):
        return "other"
    if parent_text is not None and parent_text.rstrip().endswith(":") and parent_act not in (None, "other"):
        if own:
            return own
        if re.match(r"^(?:the\s+)?[A-Z][\w ()]{0,60}?\s+(?:will|shall)\b", text):
            return "decision"
        # Spanish: "México circulará ...", "Los países miembros designarán ..."
        if re.match(r"^(?:(?:el|la|los|las)\s+)?[A-ZÁÉÍÓÚÑ][\w ()]{0,60}?\s+\w{2,}(?:ará|erá|irá|arán|erán|irán)\b", text):
            return "decision"
        tail = parent_text.rstrip(" :")[-60:]
        if re.search(r"\b(requested|request|asked|ask|urged)\s*$", tail, re.I):
            return "request"
        if re.search(r"\b(agreed|decided)\s*$", tail, re.I):
            return "decision"
        if (re.search(r"\b(?:in\s+this\s+(?:regard|respect|context)|to\s+this\s+end|al\s+respecto|en\s+este\s+sentido|"
                      r"para\s+ello|a\s+tal\s+efecto)\s*$", tail, re.I) and IMPERATIVE.search(text)):
            # "To take note of the report ..., and in this regard: 1.1 To approve the Work Plan": acts
            # of their own, not a list of what the parent took note of ("the following recommendations:")
            return "decision"
        return parent_act  # a list that only enumerates what its parent is about
    if own:
        return own
    if LEAD_IN.search(text) and text.rstrip().endswith(":"):
        return "other"
    if DECISION.search(text) or IMPERATIVE.search(text) or _past_act(text) == "decision":
        return "decision"
    return "other"


# ---- commitments ----------------------------------------------------------------------------------

ACTION_TYPES = {
    "send": "send", "resend": "send", "forward": "send", "share": "share", "submit": "submit",
    "present": "present", "presents": "present", "disseminate": "disseminate", "circulate": "circulate",
    "distribute": "circulate", "translate": "translate", "organize": "organise", "organise": "organise",
    "organized": "organise", "organised": "organise", "convene": "organise", "convened": "organise",
    "hold": "organise", "host": "organise", "hosted": "organise", "support": "support", "provide": "support",
    "propose": "propose", "review": "review", "develop": "develop", "development": "develop",
    "elaborate": "develop", "elaboration": "develop", "prepare": "develop", "preparation": "develop",
    "drafting": "develop", "request": "request", "update": "update", "carry": "carry-out", "conduct": "carry-out",
    "carried": "carry-out", "held": "organise", "implement": "carry-out", "take": "other",
}
_SPANISH_VERBS = {"envi": "send", "remit": "send", "compart": "share", "present": "present", "elabor": "develop",
                  "organiz": "organise", "circul": "circulate", "traduc": "translate", "apoy": "support",
                  "revis": "review", "actualiz": "update", "someter": "submit", "difund": "disseminate"}
FUTURE = re.compile(r"\b(?:will|shall|to\s+be)\b", re.I)
GENERIC_COLLECTIVE = re.compile(
    r"\b(?:(?:the\s+)?(?:interested|all|other|participating)\s+)?(?:rcm\s+)?(?:member\s+)?(?:countries|states|delegations|governments)\b"
    # "los países", "las delegaciones interesadas", "los demás países miembros"
    r"|\b(?:todos\s+los|todas\s+las|los\s+dem[aá]s|las\s+dem[aá]s|los|las)\s+(?:pa[ií]ses|estados|delegaciones|gobiernos)"
    r"(?:\s+(?:miembros?|interesad[oa]s|participantes|integrantes))?\b"
    # "each country", "cada país miembro": each of them
    r"|\b(?:each|every)\s+(?:member\s+)?(?:country|state|delegation|government)\b|\bcada\s+(?:pa[ií]s|estado|delegaci[oó]n|gobierno)(?:\s+miembro)?\b",
    re.I,
)


REQUEST_VERB = re.compile(
    r"\b(?:to\s+)?(ask|asks|asked|request|requests|requested|urge|urges|urged|invite|invites|invited|instruct|instructs|"
    r"instructed|entrust|entrusts|entrusted|mandate|mandates|mandated|solicitar|solicita|solicit[oó]|solicitaron|pedir|pide|"
    r"pidi[oó]|pidieron|instar|insta|instaron|invitar|invita|invitaron|encargar|encarga|encarg[oó]|encargaron|encomendar|encomienda|"
    r"encomend[oó]|encomendaron|instruir|instruye|instruy[oó]|instruyeron|"
    r"solicitan|piden|instan|invitan|encargan|encomiendan|instruyen)"  # (a communiqué's present: "Instruyen al GRCM ...")
    r"(?P<clitic>les?)?\s+(?:(?P<pron>it|them)\s+(?=to\b)|that\s+(?P<subj>it|they)\s+(?=[a-z])(?!be\b)|that\s+|a\s+|al\s+)?",
    re.I,
)
# What opens an apposition or a non-restrictive relative clause after a subject.
_APPOSITIVE = re.compile(r"\s*(?:which|who|that|que|quien|quienes|in\s+(?:its|their)\s+(?:capacity|role)|"
                         r"en\s+su\s+(?:calidad|car[aá]cter|condici[oó]n)|as|como|acting\s+as|through|a\s+trav[eé]s|"
                         r"con\s+(?:el\s+)?(?:\w+\s+)?apoyo|with\s+(?:the\s+)?(?:\w+\s+)?support|en\s+coordinaci[oó]n\s+con|in\s+coordination\s+with|"
                         r"junto\s+con|together\s+with)\b", re.I)
# A comma-delimited phrase between an actor and its verb: "ECLAC, through its CELADE, present".
APPOSITION = (r"(?:in\s+its\s+capacity\s+as|in\s+their\s+capacity\s+as|as|en\s+su\s+calidad\s+de|en\s+calidad\s+de|como|ejercida\s+por|held\s+by|"
              r"exercised\s+by|a\s+cargo\s+de|en\s+manos\s+de|en\s+su\s+car[aá]cter\s+de|"
              r"represented\s+by|through|a\s+trav[eé]s\s+de|con\s+(?:el\s+)?(?:\w+\s+)?apoyo\s+de|with\s+the\s+(?:\w+\s+)?support\s+of|with\s+support\s+from|por\s+medio\s+de|"
              r"en\s+coordinaci[oó]n\s+con|in\s+coordination\s+with)"
              r"\b[^,;.]{1,120}")


_THAT = re.compile(r"\s*(?:that|que)\s+(?:the\s+|el\s+|la\s+|los\s+|las\s+)?", re.I)
_SUBJUNCTIVE = re.compile(r"\s+([a-záéíóúñ][a-záéíóúñ-]{2,})\b")
# A workshop, seminar or forum held under the Conference, named in a report's header.
_WORKSHOP = re.compile(r"\b(?:workshop|seminar|taller|seminario|foro|forum)\b", re.I)
_VENUE_LINE = re.compile(r"[ \t]*(?:venue|place|location|lugar|sede)[ \t]*:", re.I)
# An ordinal right before the Conference's name: its numbered yearly meeting ("the Eighth", "la XI", "la Décima Primera").
_NUMBERED_BEFORE = re.compile(
    r"(?:\b(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|"
    r"sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-\w+|thirtieth|primera|segunda|tercera|cuarta|quinta|sexta|"
    r"s[eé]ptima|octava|novena|(?:d[eé]cima|vig[eé]sima)(?:\s+\w+)?|\d{1,2}(?:st|nd|rd|th|[ªa]\.?))|\b[XVI]{1,6})\s+$")
_DELEGATES_SUBJECT = re.compile(r"(?:the\s+|los\s+|las\s+)?(?:representatives|delegations|delegates|heads\s+of\s+delegation|member\s+countries|"
                                r"representantes|delegaciones|delegados|jefes\s+de\s+delegaci[oó]n|pa[ií]ses\s+miembros)\b", re.I)
# A name that goes on past a body's registry label, a capitalised word of its own ("... Migrante No Acompañada"), not an
# acronym or the meeting ("... Migration RCGM", "... Network Meeting")
_NAME_GOES_ON = re.compile(r" (?!(?:Meeting|Reuni[oó]n|Session|Sesi[oó]n|Ordinary|Extraordinary|Ordinaria|Extraordinaria)\b)[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+\b")
_SEVERAL_BODIES = re.compile(r"(?:(?:the|las|los)\s+)?(?:Redes|Networks|Grupos|Groups|Coaliciones|Coalitions)\b", re.I)
_ORGANISED_BY = re.compile(r"\b(?:organi[sz]ed|organizad[oa]|convened|convocad[oa])\s+(?:by|por)\s+(?:the\s+|la\s+|el\s+)?", re.I)
_WORKSHOP_TITLE = re.compile(r"^[ \t]*(?:regional\s+)?(?:workshop|seminar|taller|seminario)\b", re.I | re.M)
_ACTION_LINE = re.compile(r"\s*(?:actions?|acci[oó]n(?:es)?)\s*:\s*", re.I)
# An action point's "to" before its verb, and what may stand between the actors named before it.
# (or a colon after them: "Technical Secretariat (TS): to circulate ...", "Costa Rica y Panamá: presentar ...")
_ACTION_TO = re.compile(r"(?::?\s+to\s+|:\s+(?=[a-záéíóúñ]{2,}(?:ar|er|ir)\b))([a-záéíóúñ]{3,})\b")
# (and a role in brackets after a name: "Guatemala (PPT) to circulate ...")
_ACTION_GLUE = re.compile(r"(?:[\s,()]|\([^()\n]{1,40}\)|\b(?:and|y|e|the|with\s+the\s+support\s+of|in\s+coordination\s+with)\b)*", re.I)
# What a sentence in Spanish holds, and the infinitives after an action point's colon that are
# courtesies, no one's pledge ("Todas las delegaciones: agradecer al Gobierno de Honduras ...").
_SPANISH_WORDS = re.compile(r"\b(?:de|del|la|las|el|los|que|y|con|para|por)\b")
_COURTESY_INFINITIVES = frozenset({"agradecer", "acoger", "felicitar", "tomar", "reconocer", "saludar", "destacar"})
# (before an action point's colon, in Spanish too: "Costa Rica y Panamá: presentar ...")
# ("TS, with IOM support, to circulate ...", "Chair, on behalf of the Network, to present ...")
_ACTION_POINT_GLUE = re.compile(r"(?:[\s,()]|\([^()\n]{1,40}\)|\b(?:and|the|with(?:\s+the)?\s+support\s+of|in\s+coordination\s+with|"
                                r"with|support|on\s+behalf\s+of(?:\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,5})?|"
                                r"y|e|la|el|los|las|con\s+(?:el\s+)?apoyo\s+de|en\s+coordinaci[oó]n\s+con|en\s+nombre\s+de)\b)*", re.I)


_ON_DAY = re.compile(r"(?:on|el)\b", re.I)
# A second verb of a commitment's subject in a clause of its own: "... and will" (not "consolidará ... y circulará
# ... antes del 30 de abril", one task whose time is both verbs')
_AND_THEN = re.compile(r"[\s,]+and\s+(?:will|shall)\s+(?:(?:also|then)\s+)?\Z", re.I)


# The commitment patterns, compiled once (they run for every sentence of every item).
_C0 = re.compile(r"\b(will|shall)\s+(?:(?:soon|again|also|then|kindly|jointly|now)\s+)*(?!be\b|have\b|not\b)([a-z]+)")
# "would" where an agreement is reported ("agreed that ... would ...")
_C0W = re.compile(_C0.pattern.replace("will|shall", "would"))
_REPORTED = re.compile(r"\b(?:agreed|decided|resolved)\s+that\b", re.I)
# ("contarán con quince días", "estarán disponibles": will have, will be; no action)
_C1 = re.compile(r"\b(?!(?:contar|estar|quedar)[aá]n?\b)([a-záéíóúñ]{3,}(?:ará|erá|irá|arán|erán|irán))\b")
_C2 = re.compile(r"\b(?:will|shall)\s+be\s+(\w+)\b[^.;]*?\bby\s+")
_C3 = re.compile(r"\b(?:acordar|acord[oó]|acuerdan?|agreed|agrees|decided|decidi[oó])\s+(?:that|que)\s+", re.I)
_C4 = re.compile(r"\b(?:and\s+(?:to\s+)?|y\s+)((?:submit|send|forward|present|refer)\s+(?:it|them)|(?:remitir|enviar|presentar|elevar|someter)(?:lo|la|los|las))\s+(?:to|al|a)\b", re.I)
_C5 = re.compile(r"\b(?:offer|ofrecimiento|commitment|compromiso)\s+(?:of|de(?:l)?)\s+", re.I)
_C6 = re.compile(r"\b(?:its|their|su|sus|the|el)\s+(?:offer|ofrecimiento)\s+(?:to|de|para)\s+([a-z]+\b(?<!\bthe)|[a-záéíóúñ]+(?:ar|er|ir)\b)", re.I)
_C7 = re.compile(r"\b(offered|offers|offer)\s+to\s+([a-z]+)")
_C8 = re.compile(r"\b(?:ofreci[oó]|ofrece|ofrecieron|se\s+comprometi[oó]|se\s+compromete|se\s+comprometen|se\s+comprometieron|"
                                 r"asumi[oó]\s+el\s+compromiso)"
                                 # (past a clause, "se compromete, como PPT, a enviar ...", and a clitic: "a ponerse al día")
                                 r"(?:\s*,[^,.;:]{1,40},)?\s+(?:a\s+|de\s+)?([a-záéíóúñ]+(?:ar|er|ir))(?:se|lo|la|los|las|le|les)?\b", re.I)
_C9 = re.compile(r"\b(?:ser[aá]n?|deber[aá]n?\s+ser)\s+([a-záéíóúñ]+(?:ado|ido|ada|ida)s?)\s+(?:[^.;]{0,60}?\s)?por\s+", re.I)
_C10 = re.compile(r"\b(?:assumed|assumes|made|makes|reiterated|reiterates|confirmed|confirms|expressed)\s+(?:its|their)\s+commitment\b(?:\s+to\s+([a-z]+))?")
_C11 = re.compile(r"\bthe\s+(development|preparation|elaboration|drafting|organi[sz]ation),?\s+by\s+", re.I)
# "Canada committed to share ...", "Guatemala and Honduras agreed to present ...", "IOM undertook to ..."
_C16 = re.compile(r"\b(committed|commits|commit|undertook|undertakes|undertake|pledged|pledges|agreed|agree|agrees)\s+"
                  r"(?:itself\s+|themselves\s+)?to\s+(?!(?:the|a|an|its|their|this|these|that|those|all|each)\b)([a-z]{3,})\b")
# An acronym in brackets right after a name: "Secretaría Técnica de la CRM (STCRM)"
_GIVEN_ACRONYM = re.compile(r"[ \t]*\(([A-Z][A-Za-z]{1,4}[A-Z][A-Za-z]{0,4})\)")
_ACRONYM_USE = re.compile(r"(?<![\w(])([A-Z][A-Za-z]{1,4}[A-Z][A-Za-z]{0,4})(?![\w)])")
# "the delegations agreed to adopt / accept / hold ...": what the meeting decided, no one's pledge
_DECIDED = frozenset({"adopt", "approve", "accept", "endorse", "take", "thank", "recommend", "establish", "create", "welcome",
                      "request", "ask", "instruct", "note", "hold", "include", "continue", "convene", "designate", "extend"})
# Nothing but articles before a clause's subject ("the", "all", "those", "los", "todas").
_ARTICLES_ONLY = re.compile(r"\s*(?:(?:the|all|those|los|las|el|la|todos|todas)\s+)*", re.I)
# ... but named ones that agree to do these do them ("Costa Rica and Panama agreed to designate a focal point")
_ACTED_BY_THE_NAMED = frozenset({"designate", "hold", "host", "convene", "continue", "include", "extend", "establish"})
_C12 = re.compile(r"\b(organized|organised|convened|hosted|coordinated|led)\s+by\s+")
_C13 = re.compile(r"\b(requested|request|requests)\s+(?:the\s+)?")
_C14 = re.compile(r"\bto\s+be\s+(carried\s+out|held|organi[sz]ed|conducted|implemented|presented|submitted|developed)\b")
_C15 = re.compile(r"\bto\s+be\s+([a-z]{3,}ed)\s+by\s+(?:the\s+)?(?=[A-Z])")


# Words without which a case-sensitive commitment pattern cannot match: a sentence that has none of
# them is not scanned for it (the scan would find nothing). Only case-sensitive patterns are listed,
# so a plain substring test is exact (tests/test_convert_caches.py checks both).
_NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {
    _C0: ("will", "shall"), _C1: ("rá",), _C2: ("will", "shall"), _C7: ("offer",), _C10: ("commitment",),
    _C16: ("commit", "undert", "pledge", "agree"),
    _C12: ("by",), _C13: ("request",), _C14: ("be",), _C15: ("be",),
}


def _scan(rx: re.Pattern[str], sent: str) -> Iterable[re.Match[str]]:
    """``rx.finditer(sent)``, skipped when ``sent`` lacks every word the pattern needs."""
    needs = _NEEDS.get(rx)
    if needs is not None and not any(w in sent for w in needs):
        return ()
    return rx.finditer(sent)


def _sentences(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Sentence spans inside text[s:e] (a full stop followed by space and a capital, or a semicolon)."""
    out = []
    start = s
    for m in re.finditer(r"(?<=[.;!?])[\"'\u201d\u2019)]*\s+(?=[A-Z\u201c\"(\[])", text[s:e]):
        end = s + m.start()
        if end > start:
            out.append((start, end))
        start = s + m.end()
    if start < e:
        out.append((start, e))
    return out


# A footnote's call as the .docx reader writes it: "... en el plazo acordado[4]".
_NOTE_CALL = re.compile(r"(?<=[\w.,;:)\u201d\"])\[(\d{1,3})\]")
# A deadline labelled in a sentence of its own at an item's end: ". Fecha: septiembre/2013."
# A deadline before a dash at an item's start ("Q2 2019 – Mexico will organize ...").
# (or before a colon: "15 de marzo de 2016: la ST circulará ...", "Segundo trimestre de 2016: la OIM ...")
_LEADING_WHEN = re.compile(r"[ \t]*(?:([^\n\u2013\u2014]{4,30}?)[ \t]+[\u2013\u2014-][ \t]+|([^\n\u2013\u2014:]{4,30}?)[ \t]*:[ \t]+)\S")
# A bracket at an item's end, before its full stop ("... (15 de enero de 2022).").
# (or square brackets: "... remitir la información estadística. [15 de agosto de 2023]")
_TRAILING_BRACKET = re.compile(r"(?:\(([^()]{4,60})\)|\[([^\[\]]{4,60})\])[ \t]*[.;]?[ \t]*$")
_TRAILING_WHEN = re.compile(r"(?<=[.;])\s+(?:fecha(?:\s+l[ií]mite)?|plazo|deadline|due(?:\s+date)?)\s*:\s*[^\n]+?\s*\.?$", re.I)
# "the Network", "la Red", "el Grupo", "the Coalition": a body named before, by the head of its name
# (not the start of another name: "the Network of Civil Organizations", "el Grupo ad hoc sobre ...")
_BODY_ANAPHOR = re.compile(r"\b(?:the|la|el|dicha|dicho|said)\s+(Network|Red|Group|Grupo|Coalition|Coalici[oó]n)\b"
                           r"(?!\s+(?i:of|on|for|to\s+combat\w*|against|de|del|sobre|para\s+(?:el\s+)?combat\w*|contra|ad\s+hoc|regional)\b)(?![\w-])")
_CELL_BODY = re.compile(r"(?:^|(?<=[\s(/,]))(?:(?:the|la|el)\s+)?(Network|Red|Group|Grupo|Coalition|Coalici[oó]n)\b"
                        r"(?!\s+(?i:of|on|for|to|against|de|del|sobre|para|contra|ad\s+hoc|regional)\b)(?![\w-])")
# Words of a body's name that tell no body from another.
_GLUE_WORDS = frozenset({"the", "and", "for", "del", "las", "los", "para", "con", "sobre", "regional", "red", "network", "grupo", "group",
                         "coalition", "coalición", "coordinación", "coordination", "migration", "migración", "migrantes", "migrants"})
# (from the word "was": a pattern that opened with the spaces before it would be tried at each of a long run of them)
_PASSIVE_REQUEST = re.compile(r"\b(?:was|were|has\s+been|have\s+been)\s+(?:requested|asked|invited|instructed|entrusted|urged|mandated)\s+to\s+([a-z]+)")
# A lead-in by which actors take on the tasks listed under it ("Member Countries agreed to:", "Los Países
# Miembros se comprometieron a:").
_AGREED_TO = re.compile(r"\b(?:agreed|agree|undertook|undertake|committed\s+(?:themselves\s+)?|acordaron|acuerdan|"
                        r"se\s+comprometieron|se\s+comprometen)\s+(?:to|a)\s*:\s*$", re.I)
_TASKED_ANAPHOR = re.compile(r"\b(?:the|la|el|this|said|esta|este|dicha|dicho)\s+(Network|Red|Group|Grupo|Coalition|Coalici[oó]n)\b", re.I)
_CELL_HEAD = re.compile(r"(?:^|(?<=[\s(/,]))(?:(?:the|la|el)\s+)?(Network|Red|Group|Grupo|Coalition|Coalici[oó]n)\b(?![\w-])")
_ANAPHOR_HEADS = {"network": "Network", "red": "Network", "group": "Group", "grupo": "Group", "coalition": "Coalition",
                  "coalición": "Coalition", "coalicion": "Coalition"}


# A cell that names the member countries without an article ("delegaciones", "Países miembros", "Delegations").
_BARE_COLLECTIVE = re.compile(r"\s*((?i:pa[ií]ses(?:\s+miembros)?|delegaciones|estados\s+miembros|member\s+(?:countries|states)|delegations|countries))"
                              r"\s*\.?\s*")
# A task line inside an agreement's text, with its cells: "Tarea: Enviar ... – Responsable: ST – Fecha: 10/11/2023".
_TASK_LINE = re.compile(
    r"(?:^|(?<=\s))(?:tareas?|tasks?|acci[oó]n|actions?)[ \t]*:[ \t]*(?P<what>[^\n\u2013\u2014]{3,300}?)[ \t]+[\u2013\u2014-][ \t]*"
    r"(?:responsables?|responsible|owners?)[ \t]*:[ \t]*(?P<who>[^\n\u2013\u2014]{2,120}?)[ \t]*[\u2013\u2014-][ \t]*"
    r"(?:fecha(?:\s+l[ií]mite)?|plazo|deadline|due(?:\s+date)?)[ \t]*:[ \t]*(?P<when>[^\n\u2013\u2014]{1,120}?)[ \t]*(?=\n|$)", re.I | re.M)


# A task, its owners in square brackets and its time in round ones at its end: "Share the dashboard with the focal
# points [UNHCR] (by 30 Oct)".
_OWNERS_BRACKET = re.compile(r"(?P<what>[^\n\[\]]{3,400}?)[ \t]*\[(?P<who>[^\[\]\n]{2,80})\](?:[ \t]*\((?P<when>[^()\n]{2,60})\))?[ \t]*[.;]?[ \t]*\Z")


# An action with its who and when on the lines under it: "Action: Circulate the report" / "→ Who: Technical Secretariat" /
# "→ When: December 11, 2015".
_ACTION_BLOCK = re.compile(
    r"(?:^|(?<=\s))(?:actions?|acci[oó]n|tareas?|tasks?)[ \t]*:[ \t]*(?P<what>[^\n]{3,300}?)[ \t]*\r?\n"
    r"[ \t]*(?:[\u2192\u2022*-][ \t]*)?(?:who|qui[eé]n(?:es)?|responsables?|responsible|owners?)[ \t]*:[ \t]*(?P<who>[^\n]{2,120}?)[ \t]*\r?\n"
    r"[ \t]*(?:[\u2192\u2022*-][ \t]*)?(?:when|cu[aá]ndo|fecha(?:\s+l[ií]mite)?|plazo|deadline|due(?:\s+date)?)[ \t]*:[ \t]*(?P<when>[^\n]{1,120}?)[ \t]*(?=\r?\n|$)",
    re.I)


class _ItemExtractor:
    def __init__(self, text: str, item: Item, linker: Linker, meeting: date, body: Ref,
                 parent_request: Ref | None = None, newcomers: list[Ref] | None = None,
                 tasked: Commitment | None = None, cells_text: str | None = None, context: tuple[Ref, ...] = ()):
        # (a table's cells, where the parser blanked them to read its text column: in the source's text)
        self.cells_text = cells_text if cells_text is not None else text
        self.parent_request = parent_request  # who asked, when the parent ends "X requested:"
        self.tasked = tasked  # the parent's request, when it ends "To instruct X to:": this item is X's task
        self.text = text
        self.item = item
        self.linker = linker
        self.meeting = meeting
        self.body = body
        found = linker.registry.find(text, ACTOR_KINDS | {"place"}, item.span.start, item.span.end)
        if coded := coded_countries(text, item.span.start, item.span.end, linker.registry):
            # (countries by their codes: "Encomendar a GT, HN y SV la elaboración de ...")
            found = sorted([*found, *(c for c in coded if not any(x.start < c.end and c.start < x.end for x in found))],
                           key=lambda x: x.start)
        self.actors = [linker.ref(m) for m in found if m.entry.kind in ACTOR_KINDS]
        # organisations the registry does not know (rcmkg.converters.names), and known ones by the acronym
        # the report gives them; those in the row's cells are its "Responsible" cell's
        self.extra = newcomers or []
        self.actors += [r for r in self.extra if item.span.start <= r.span.start < item.span.end]
        # Generic collectives ("countries", "interested countries") that the registry does not list.
        # (an actor overlaps a match where one of those starting before the match's end ends after its start: the
        # named actors sorted once, the greatest end so far beside each, one bisection a match, not a scan of them
        # all: an item naming thousands stays linear)
        named = sorted((a.span.start, a.span.end) for a in self.actors)
        named_starts = [a for a, _ in named]
        reach = list(itertools.accumulate((e for _, e in named), max))
        for m in GENERIC_COLLECTIVE.finditer(text, item.span.start, item.span.end):
            k = bisect_right(named_starts, m.end() - 1)
            if not (k and reach[k - 1] > m.start()):
                # (not the countries of a region or of a route, observers, or named ones: "las delegaciones
                # de Guatemala y México")
                if (re.search(r"\bof\s+(?:central\s+america|the\s+region)", text[m.end() : m.end() + 30], re.I)
                        or re.match(r"\s*(?:(?i:de\s+(?:centroam[eé]rica|la\s+regi[oó]n|origen|tr[aá]nsito|destino|retorno|am[eé]rica))"
                                    r"|de\s+(?:la\s+|el\s+|los\s+)?[A-ZÁÉÍÓÚÑ]|(?i:centroamerican[oa]s|observador))", text[m.end() : m.end() + 30])
                        and not text[m.start() : m.end()].lower().startswith(("the ", "countries", "states", "delegations", "governments",
                                                                              "interested", "all ", "other ", "participating", "rcm", "member"))):
                    continue
                self.actors.append(linker.collective(Span(m.start(), m.end())))
        self.context = context  # the parent's actors
        self.actors += self._anaphors(context)
        self.actors.sort(key=lambda r: r.span)
        # A country named as where something happens ("a workshop in Costa Rica", "realizar en
        # Honduras", "in the city of Managua, Nicaragua") is a place, never the one who acts.
        places = [(m.start, m.end) for m in found if m.entry.kind == "place"]
        self.agents = [a for a in self.actors if not _located(text, a, places)]

    def _label_words(self, ref: Ref) -> set[str]:
        entry = self.linker.registry.get(ref.iri)
        labels = entry.labels if entry is not None else {ref.label}
        return {w.lower() for label in labels for w in re.findall(r"[^\W\d_]{3,}", label)} - _GLUE_WORDS

    def _anaphors(self, context: tuple[Ref, ...]) -> list[Ref]:
        """"the Network", "el Grupo", "la Coalición" in the item: the body of that kind named last before
        it in the item, or in its parent ("Regarding the Liaison Officer Network to Combat ...:" / "b) To
        instruct the Network to ..."), or the meeting's own body."""
        out: list[Ref] = []
        for m in _BODY_ANAPHOR.finditer(self.text, self.item.span.start, self.item.span.end):
            if any(a.span.start <= m.start() < a.span.end for a in self.actors):
                continue
            head = _ANAPHOR_HEADS[m.group(1).lower()]
            own = [a for a in self.actors if a.span.end <= m.start() and a.kind == "org" and head in a.label.split()]
            inherited = [a for a in context if a.kind == "org" and head in a.label.split()]
            # (the item's own last, else the parent's last, else the meeting's body)
            candidates = own or inherited or ([self.body] if head in self.body.label.split() else [])
            if candidates:
                ref = candidates[-1]
                out.append(Ref(ref.iri, ref.kind, ref.label, Span(m.start(), m.end()), ref.known))
        return out

    def actor_in(self, s: int, e: int, last: bool = True) -> Ref | None:
        found = [a for a in self.agents if s <= a.span.start and a.span.end <= e]
        if not found:
            return None
        return found[-1] if last else found[0]

    def actor_at(self, s: int, window: int = 90) -> Ref | None:
        """The actor named right at ``s`` (after articles)."""
        # "the Government of Canada", "el Gobierno de México": the country acts
        # ("the delegations of Mexico and Guatemala", "las delegaciones de Guatemala y El Salvador": the first)
        m = re.match(r"\s*(?:the\s+|la\s+|el\s+|los\s+|las\s+|those\s+|these\s+|aquellos\s+|aquellas\s+)?"
                     r"(?:(?:governments?|gobiernos?|delegations?|delegaci[oó]n|delegaciones)\s+(?:of|de)\s+(?:the\s+)?)?",
                     self.text[s : s + 40], re.I)
        pos = s + (m.end() if m else 0)
        for a in self.agents:
            if a.span.start == pos or (a.span.start <= pos < a.span.end):
                return a
        return None

    def coordinated(self, first: Ref, pos: int, limit: int) -> tuple[Ref, Ref | None, int]:
        """After an actor named at ``pos``: the actors coordinated with it ("UNHCR and IOM", "a la OIM y
        al UNICEF") and an apposition that names who holds a role ("la Presidencia Pro Tempore,
        ejercida por El Salvador," acts as El Salvador). Returns (actor, co-actor, end)."""
        actor, co = first, None
        while True:
            cm = re.match(r"\s*(?:,\s*(?:and\s+|y\s+)?|\s+(?:and|y|e)\s+)(?:al\s+|a\s+la\s+|a\s+los\s+|a\s+las\s+|a\s+|del\s+|de\s+la\s+)?",
                          self.text[pos:limit])
            nxt = self.actor_at(pos + cm.end()) if cm else None
            if nxt is None or nxt.iri == actor.iri or nxt.span.start < pos:
                break
            co = co or nxt
            pos = nxt.span.end
        # "la Secretaría Técnica (ST)"; "ECLAC/CELADE" (an office of the one named, after a slash)
        acr = re.match(r"\s*\([A-ZÁÉÍÓÚÑ][\w.-]{0,14}\)|/[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ.-]{1,14}\b", self.text[pos:limit])
        if acr:
            pos += acr.end()
        am = re.match(rf",\s*({APPOSITION}),", self.text[pos:limit])
        if am:
            if re.match(r"(?:ejercida\s+por|held\s+by|exercised\s+by|represented\s+by|a\s+cargo\s+de|en\s+manos\s+de)", am.group(1), re.I):
                holder = self.actor_in(pos, pos + am.end())
                if holder is not None and holder.kind == "country":
                    actor = holder  # the country in the role acts
            pos += am.end()
        return actor, co, pos

    def subject_list(self, ss: int, subj_start: int, at: int) -> tuple[list[Ref], int]:
        """The actors named in a verb's subject, from ``ss + subj_start`` to ``at``, and where that
        subject starts: "Canada, Mexico and the United States will ...", whose list's commas end no
        clause, starts at its first name."""
        subject = [a for a in self.agents if ss + subj_start <= a.span.start and a.span.end <= at]
        listed = self.trailing_list(ss, at)
        if len(listed) >= 2 and listed[-1].span.start >= ss + subj_start:
            subject, subj_start = listed, min(subj_start, listed[0].span.start - ss)
        return subject, subj_start

    def subject_actor(self, s: int, e: int) -> Ref | None:
        """The actor a subject text[s:e] names as its head, not as a possessor of its head ("the report
        of Guatemala will include", "Guatemala's guide will serve", "la propuesta de México se
        enviará": the report, the guide, the proposal; "the delegation of Mexico will send": Mexico)."""
        found = [a for a in self.agents if s <= a.span.start and a.span.end <= e]
        heads = [a for a in found if not _possessor(self.text, a, e)]
        return heads[-1] if heads else None

    def relative_head(self, ss: int, sent: str, rel: int) -> Ref | None:
        """The actor a relative clause at ``sent[rel:]`` (" that ...", " que ...") follows right after, as the clause's
        subject ("Member countries that have not yet done so will send ...", "Los países que aún no lo han hecho
        remitirán ..."): the clause names no one; the verb's subject is before it. Only at the clause's start, after
        an article at most: "Instruir a la ST que ..." names an object."""
        clause = ss + max(sent.rfind(",", 0, rel) + 1, sent.rfind(";", 0, rel) + 1, 0)
        head = self.subject_actor(clause, ss + rel)
        if (head is not None and not self.text[head.span.end : ss + rel].strip()
                and _ARTICLES_ONLY.fullmatch(self.text, clause, head.span.start)):
            return head
        return None

    def before_apposition(self, ss: int, sent: str, comma: int) -> Ref | None:
        """The subject named before an apposition that ends at ``comma``: "Honduras, which holds the
        PPT, will ...", "Guatemala, en su carácter de PPT, remitirá ..." (the verb's subject is the
        head, not a word of the apposition)."""
        if comma <= 0 or sent[comma] != ",":
            return None
        opening = sent.rfind(",", 0, comma)
        if opening <= 0 or not _APPOSITIVE.match(sent, opening + 1, comma):
            return None
        start = max(sent.rfind(",", 0, opening), sent.rfind(";", 0, opening), 0)
        return self.actor_in(ss + start, ss + opening)

    def trailing_list(self, s: int, e: int) -> list[Ref]:
        """The actors named last in text[s:e] as one list ("Belize, Honduras and Panama"), the commas
        between them being no clause's end."""
        names = [a for a in self.agents if s <= a.span.start and a.span.end <= e]
        k = len(names) - 1
        while k > 0 and self._listed(names[k - 1 : k + 1]):
            k -= 1
        return names[k:] if names else []

    def _offered_jointly(self, actor: Ref, start: int, verb_at: int, key: int, many: dict[int, tuple[Ref, ...]]) -> tuple[Ref, Ref | None]:
        """The lead and the second of the list of actors that ends with ``actor`` before a verb at
        ``verb_at`` (the actor and None when it stands alone); a list of three or more is kept in
        ``many`` at ``key``, the commitment's verb."""
        names = self.trailing_list(start, verb_at)
        if len(names) < 2 or names[-1] is not actor:
            return actor, None
        if len(names) > 2:
            many[key] = tuple(names)
        return names[0], names[1]

    def _listed(self, names: list[Ref]) -> bool:
        """Whether two or more actors are one list ("Belize, Honduras and Panama", "Mexico and the
        United States"): nothing but commas and a conjunction between them."""
        return len(names) >= 2 and all(
            re.fullmatch(r"\s*(?:,\s*(?:and\s+|y\s+|e\s+)?|and|y|e)\s*(?:the\s+|la\s+|el\s+)?", self.text[a.span.end : b.span.start])
            for a, b in itertools.pairwise(names))

    def pair_before(self, actor: Ref) -> tuple[Ref, Ref | None]:
        """"México y Guatemala, con el apoyo de UNICEF, concluirán ...": the actor found before an
        apposition and the one coordinated before it act together (the first named leads)."""
        before = [a for a in self.agents if a.span.end <= actor.span.start]
        if before and re.fullmatch(r"\s*(?:and|y|e)\s+(?:the\s+|la\s+|el\s+|los\s+)?",
                                   self.text[before[-1].span.end : actor.span.start]) and before[-1].iri != actor.iri:
            return before[-1], actor
        return actor, None

    def clause_end(self, s: int, limit: int) -> int:
        # "(?<!\s)": the whitespace before "in order to" is tried from the start of its run only.
        m = re.search(r"[.;]\s|[.;]$|(?<!\s)\s+in\s+order\s+to\b", self.text[s:limit])
        return s + m.start() if m else limit

    def _row_commitment(self) -> Commitment | None:
        """The commitment a row of a table of agreements or actions states in its "Responsible" and
        "Deadline" cells: every actor named in the one (a country, an organisation, "Member
        Countries"), the due date in the other ("30/04/2018", "Segundo semestre de 2018"; none for
        "TBD"), the action the row's text."""
        if not self.item.cells:
            return None
        # (a cell of a table in columns of spaces comes in pieces, one a line: "Primer trimestre" / "de 2018")
        pieces: dict[str, list[Span]] = {}
        for role, sp in self.item.cells:
            pieces.setdefault(role, []).append(sp)
        return self._cells_commitment(pieces, self.item.span, self.cells_text)

    def _task_commitments(self) -> list[Commitment]:
        """The commitments of the task lines an agreement's text holds, each with its own cells ("📌 Tarea: Enviar
        ... – Responsable: todos los países – Fecha: 27/10", "Action: ... – Responsible: TS – Due: ..."): one
        each, its action the task's text."""
        out: list[Commitment] = []
        # (or an actor's line, "ST: circular ... (15/08/2018)", its cells the actor before the colon and the date in brackets)
        lines = sorted([*_TASK_LINE.finditer(self.text, self.item.span.start, self.item.span.end),
                        *ACTOR_TASK.finditer(self.text, self.item.span.start, self.item.span.end),
                        *_ACTION_BLOCK.finditer(self.text, self.item.span.start, self.item.span.end)], key=lambda m: m.start())
        for m in lines:
            pieces = {"who": [Span(m.start("who"), m.end("who"))], "when": [Span(m.start("when"), m.end("when"))]}
            c = self._cells_commitment(pieces, Span(m.start("what"), m.end("what")), self.text)
            if c is not None:
                out.append(replace(c, n=len(out) + 1))
        # (or a task whose owners close it in square brackets, its time in round ones: "Circulate the revised
        # mapping to all delegations [TS, IOM] (by 15 Oct)")
        if not out and (om := _OWNERS_BRACKET.match(self.text, self.item.span.start, self.item.span.end)) is not None:
            pieces = {"who": [Span(om.start("who"), om.end("who"))]}
            if om.group("when") is not None:
                pieces["when"] = [Span(om.start("when"), om.end("when"))]
            c = self._cells_commitment(pieces, Span(om.start("what"), om.end("what")), self.text)
            if c is not None and c.actors:
                out.append(c)
        return out

    def _cells_commitment(self, pieces: dict[str, list[Span]], span: Span, t: str) -> Commitment | None:
        """The commitment cells state (``pieces``: the spans of its "who" and "when" cells in ``t``) of the action
        ``span`` says."""
        actors: list[Ref] = []
        for who in pieces.get("who", ()):
            found = self.linker.registry.find(t, ACTOR_KINDS, who.start, who.end)
            actors += [self.linker.ref(m) for m in found]
            actors += [r for r in self.extra if who.start <= r.span.start < who.end]
            for m in GENERIC_COLLECTIVE.finditer(t, who.start, who.end):
                if not any(a.span.start <= m.start() < a.span.end for a in actors):
                    actors.append(self.linker.collective(Span(m.start(), m.end())))
            if (bare := _BARE_COLLECTIVE.fullmatch(t, who.start, who.end)) is not None and not actors:
                # (a cell's bare "delegaciones", "Países Miembros": no article, as a cell writes them)
                actors.append(self.linker.collective(Span(bare.start(1), bare.end(1))))
            # ("Red", "Coordinación de la Red", "the Network": the body of that kind the row's text names,
            # else the meeting's own body, where it is one)
            # ("Network on Smuggling and Trafficking", a name the registry does not know: the row's Network)
            for m in _CELL_HEAD.finditer(t, who.start, who.end):
                if any(a.span.start <= m.start(1) < a.span.end for a in actors):
                    continue
                head = _ANAPHOR_HEADS[m.group(1).lower()]
                named = [a for a in self.actors if a.kind == "org" and head in a.label.split()
                         and self.item.span.start <= a.span.start < self.item.span.end]
                if _CELL_BODY.match(t, m.start()) is not None:
                    ref = named[-1] if named else self.body if head in self.body.label.split() else None
                else:
                    # a name that goes on ("Grupo ad hoc (coordinación: ...)"): the body named in the row or
                    # its lead-in whose labels share a word with it
                    said = {w.lower() for w in re.findall(r"[^\W\d_]{3,}", t[m.end(1) : min(who.end, m.end(1) + 60)])} - _GLUE_WORDS
                    fits = [a for a in [*[c for c in self.context if c.kind == "org" and head in c.label.split()], *named]
                            if said & self._label_words(a)]
                    ref = fits[-1] if fits else None
                if ref is not None:
                    actors.append(Ref(ref.iri, ref.kind, ref.label, Span(m.start(1), m.end(1)), ref.known))
        actors.sort(key=lambda r: r.span)
        due = None
        if whens := pieces.get("when"):
            # the pieces read as one cell; a date found in it traced to the piece it starts in
            cell = " ".join(t[w.start : w.end] for w in whens)
            starts = [sum(w.end - w.start + 1 for w in whens[:i]) for i in range(len(whens))]

            def within(b: int, e: int) -> Span:
                # (a date over two pieces is traced to the piece it starts in: the span between them
                # holds the other columns' text)
                i = max(j for j, st in enumerate(starts) if st <= b)
                w = whens[i]
                return Span(w.start + b - starts[i], min(w.end, w.start + max(b, e) - starts[i]))

            # A cell holds the date alone ("30/04/2018", "4 November 2022"), or a period ("abril de
            # 2018", "Segundo semestre de 2018", "Q1 2023"), read as the phrase a sentence would put it in.
            dues = [FoundDue(f.text, f.begin, f.finish, f.end or f.start) for f in find_dates(cell)]
            # ("End of August 2023", "Finales de agosto de 2023": "by the end of", "a finales de")
            for lead in ("", "en ", "en el ", "in ", "in the ", "antes del ", "by ", "by the ", "a "):
                if dues:
                    break
                dues = [replace(d, text=cell[max(0, d.begin - len(lead)) : d.finish - len(lead)],
                                begin=max(0, d.begin - len(lead)), finish=d.finish - len(lead))
                        for d in find_due(lead + cell, self.meeting) if d.date is not None and d.begin <= len(lead)]
            if dues:
                d = dues[0]
                due = Due(d.text, within(d.begin, d.finish), d.date, d.period_start, d.derived,
                          d.month_only, d.no_year)
        own = self.text[span.start : span.end]  # (the row's text as read, its other cells blanked)
        if due is None and actors and "when" not in pieces:
            # no deadline cell (a table "Acuerdo | Responsable"): the date the row's text gives its action
            # ("... y circularlo a más tardar el 13 de agosto de 2021")
            # (not a past date: "el informe de la reunión celebrada en San Salvador en septiembre de 2014")
            in_text = next((f for f in find_due(own, self.meeting) if f.date is not None and f.date >= self.meeting), None)
            if in_text is not None:
                due = Due(in_text.text, Span(span.start + in_text.begin, span.start + in_text.finish), in_text.date, in_text.period_start,
                          in_text.derived, in_text.month_only, in_text.no_year)
        if not actors and due is None:
            return None
        vm = re.match(r"\s*(?:to\s+)?([a-záéíóúñ]+)", own, re.I)
        verb = vm.group(1).lower() if vm else "other"
        c = Commitment(1, "pledge", tuple(_dedupe(actors)), clean(own), ACTION_TYPES.get(verb, "other"),
                       span, (), None, due, None, not actors)
        return replace(c, recipients=self._recipients(c))

    def commitments(self) -> list[Commitment]:
        row = self._row_commitment()
        apart: Commitment | None = None
        if row is not None:
            if row.actors or any(role == "who" for role, _ in self.item.cells):
                return [row]  # what the table's columns say, not what the text reads as
            # only a due date given apart ("Deadline: 31 July 2019" under the item, a "Plazo" column): the
            # text says who acts, the date is theirs
            apart = row
        elif tasks := self._task_commitments():
            return tasks  # what the task lines' cells say
        t = self.text
        found: list[tuple[int, Commitment]] = []
        requests: dict[str, int] = {}
        actor: Ref | None
        requester: Ref | None
        co: Ref | None
        many: dict[int, tuple[Ref, ...]] = {}  # verb start -> the actors of an action point
        for ss, se in _sentences(t, self.item.span.start, self.item.span.end):
            sent = t[ss:se]
            future_at = FUTURE.search(sent)
            raw: list[tuple[int, int, str, Ref | None, Ref | None, str, bool, Ref | None]] = []
            # (trigger start, verb start, kind, actor, requester, verb, optional, co-actor)
            modal = list(_scan(_C0, sent))
            if "would" in sent and (reported := _REPORTED.search(sent)):
                # "It was further agreed that each Member Country would communicate ...": reported
                modal += [m for m in _C0W.finditer(sent) if m.start() > reported.start()]
            for m in modal:
                that = sent.rfind(" that ", 0, m.start())
                subj_start = max(sent.rfind(",", 0, m.start()), sent.rfind(";", 0, m.start()), that + 5 if that >= 0 else 0, 0)
                actor = self.subject_actor(ss + subj_start, ss + m.start())
                co = None
                if actor is None and (actor := self.before_apposition(ss, sent, subj_start)) is not None:
                    actor, co = self.pair_before(actor)
                if actor is None and that >= 0 and (head := self.relative_head(ss, sent, that)) is not None:
                    # "Member countries that have not yet done so will send ..."
                    actor, subj_start = head, head.span.start - ss
                if actor is None:
                    continue
                if re.search(r"\bwho\s*$", sent[: m.start()]):
                    continue
                # "Mexico and Guatemala will prepare": the first named acts, the other with it
                subject, subj_start = self.subject_list(ss, subj_start, ss + m.start())
                if self._listed(subject):
                    actor, co = subject[0], subject[1]
                    if len(subject) > 2:
                        many[ss + m.start(2)] = tuple(subject)
                    raw.append((ss + subj_start, ss + m.start(2), "pledge", actor, None, m.group(2), False, co))
                    continue
                tm = re.search(r"\b(?:through|together\s+with|jointly\s+with)\s+(?:the\s+)?", sent[m.end() :])
                if tm and co is None:
                    co = self.actor_at(ss + m.end() + tm.end())
                raw.append((ss + subj_start, ss + m.start(2), "pledge", actor, None, m.group(2), False, co))
            # Spanish future tense: "La Secretaría Técnica enviará ...".
            for m in _scan(_C1, sent):
                que = sent.rfind(" que ", 0, m.start())
                subj_start = max(sent.rfind(",", 0, m.start()), sent.rfind(";", 0, m.start()), que + 5 if que >= 0 else 0, 0)
                actor = self.subject_actor(ss + subj_start, ss + m.start())
                co = None
                if actor is None and (actor := self.before_apposition(ss, sent, subj_start)) is not None:
                    actor, co = self.pair_before(actor)
                if actor is None and que >= 0 and (head := self.relative_head(ss, sent, que)) is not None:
                    # "Los países que aún no lo han hecho remitirán ..."
                    actor, subj_start = head, head.span.start - ss
                if actor is None:
                    continue
                # "Honduras y Panamá coordinarán", "El ACNUR y UNICEF brindarán": both act
                subject, subj_start = self.subject_list(ss, subj_start, ss + m.start())
                if co is None and self._listed(subject):
                    actor, co = subject[0], subject[1]
                    if len(subject) > 2:
                        many[ss + m.start(1)] = tuple(subject)
                raw.append((ss + subj_start, ss + m.start(1), "pledge", actor, None, _SPANISH_VERBS.get(m.group(1)[:-3].rstrip("a"), m.group(1)), False, co))
            for m in _scan(_C2, sent):
                actor = self.actor_at(ss + m.end())
                if actor is not None:
                    raw.append((ss + m.start(), ss + m.start(1), "pledge", actor, None, m.group(1), False, None))
            for m in REQUEST_VERB.finditer(sent):
                pronoun = m.group("pron") or m.group("clitic") or m.group("subj")
                if pronoun:
                    # "and to invite it to submit", "y solicitarle que presente", "and to request that it
                    # send": the actor named before
                    target = self.actor_in(ss, ss + m.start(), last=False)
                    pos = ss + m.end()
                else:
                    target = self.actor_at(ss + m.end())
                    pos = target.span.end if target is not None else 0
                if target is None:
                    continue
                target, co, pos = self.coordinated(target, pos, se)
                vm = re.match(rf"\s*(?:to\s+|que\s+)?(?:,\s*{APPOSITION},\s*)?(?:(?:la|el|los|las|un|una)\s+)?([a-záéíóúñ]+)", t[pos:se])
                if not vm:
                    continue
                verb = vm.group(1)
                if verb in ("of", "for", "from", "and", "in", "on", "se", "de", "y"):
                    continue
                requester = self.actor_in(ss, ss + m.start()) or self.body
                optional = m.group(1).lower().startswith("urge")
                listed = list(_dedupe([a for a in self.agents if target.span.start <= a.span.start and a.span.end <= pos]))
                if len(listed) > 2 and self._listed(listed):
                    many[pos + vm.start(1)] = tuple(listed)  # ("Request the Governments of Guatemala, Honduras, Nicaragua and ...")
                raw.append((ss + m.start(), pos + vm.start(1), "request", target, requester, verb, optional, co))
            # "Acordar que la Presidencia Pro Tempore, ejercida por Guatemala, presente ...": a pledge.
            for m in _C3.finditer(sent):
                named = self.actor_at(ss + m.end())
                if named is None:
                    continue
                who, co, pos = self.coordinated(named, named.span.end, se)
                vm = re.match(r"\s+(?!(?:se|be|is|are|will|shall|would|should|must|may|can|no|not)\b)([a-záéíóúñ]+)", t[pos:se])
                if vm:
                    raw.append((ss + m.start(), pos + vm.start(1), "pledge", who, None, vm.group(1), False, co))
            # "IOM was requested to circulate ...", "UNHCR and IOM were requested to prepare ...": a request
            # to the actors that are the passive verb's subject
            for m in _PASSIVE_REQUEST.finditer(sent):
                names = self.trailing_list(ss, ss + m.start())
                if not names or ss + m.start() - names[-1].span.end > 3 or (self.body is not None and names[-1].iri == self.body.iri):
                    continue
                many_at = ss + m.start(1)
                if len(names) > 2:
                    many[many_at] = tuple(names)
                raw.append((names[0].span.start, many_at, "request", names[0], self.body, m.group(1), False,
                            names[1] if len(names) > 1 else None))
            # "and to submit it to the RCGM", "y remitirlo al GRCM": the body forwards what it adopted.
            for m in _C4.finditer(sent):
                # ("To instruct the TS to draft a proposal and submit it to the RCGM by ...", "La ST
                # elaborará ... y la presentará ...": the task of the one asked or pledging before it)
                if any(r[3] is not None and r[1] < ss + m.start() and (self.body is None or r[3].iri != self.body.iri)
                       and not re.search(r"[.;]", t[r[1] : ss + m.start()]) for r in raw):
                    continue
                verb = m.group(1).split()[0].lower()
                verb = _SPANISH_VERBS.get(verb[:-2].rstrip("a"), verb) if verb.endswith(("lo", "la", "los", "las")) and " " not in m.group(1) else verb
                raw.append((ss + m.start(1), ss + m.start(1), "pledge", self.body, None, verb, False, None))
            for m in _C5.finditer(sent):
                actor = self.actor_at(ss + m.end())
                if actor is not None:
                    # ("the commitment of Canada and Mexico to transfer ...": both pledge)
                    actor, co, pos = self.coordinated(actor, actor.span.end, se)
                    vm = re.match(r"\s*,?\s+(?:to|de|para)\s+([a-záéíóúñ]+)", t[pos:se])
                    if vm:
                        raw.append((ss + m.start(), pos + vm.start(1), "pledge", actor, None, vm.group(1), False, co))
            # "to accept its offer to provide", "su ofrecimiento de apoyar", "el ofrecimiento de capacitar":
            # the offer of the actor named before it.
            for m in _C6.finditer(sent):
                if self.actor_at(ss + m.start(1)) is not None:
                    continue  # "the offer of Mexico": the rule above
                actor = self.actor_in(ss, ss + m.start())
                if actor is not None:
                    raw.append((ss + m.start(), ss + m.start(1), "pledge", actor, None, m.group(1), False, None))
            for m in _scan(_C7, sent):
                actor = self.actor_in(ss, ss + m.start())
                if actor is not None and ss + m.start() - actor.span.end < 40:
                    # "Mexico and Guatemala offered to co-organize": both offer, the first named leads
                    actor, co = self._offered_jointly(actor, ss, ss + m.start(), ss + m.start(2), many)
                    raw.append((actor.span.start, ss + m.start(2), "pledge", actor, None, m.group(2), False, co))
            # "Canada committed to share ...", "Guatemala and Honduras agreed to present ...": the actors
            # that are the verb's subject pledge what follows it (not the body: "The Group agreed to ...")
            for m in _scan(_C16, sent):
                subj = ss + max(sent.rfind(",", 0, m.start()) + 1, sent.rfind(";", 0, m.start()) + 1, 0)
                names = self.trailing_list(ss, ss + m.start())
                if len(names) >= 2 and names[-1].span.start >= subj:
                    subj = min(subj, names[0].span.start)  # ("Belize, Honduras and Panama undertook": one list)
                names = [a for a in self.agents if subj <= a.span.start and a.span.end <= ss + m.start()]
                actor = self.subject_actor(subj, ss + m.start())
                if (actor is None or ss + m.start() - names[-1].span.end > 40 or actor.iri == self.body.iri
                        or (m.group(1).startswith("agree") and m.group(2) in _DECIDED
                            # (but named countries that agreed to act themselves pledge it: "Costa Rica, Honduras
                            # and Panama agreed to designate ... a focal point")
                            and not (m.group(2) in _ACTED_BY_THE_NAMED and actor.kind in ("country", "org")))):
                    continue
                co = None
                if self._listed(names):
                    actor, co = names[0], names[1]
                    if len(names) > 2:
                        many[ss + m.start(2)] = tuple(names)
                raw.append((actor.span.start, ss + m.start(2), "pledge", actor, None, m.group(2), False, co))
            # Spanish offers and self-commitments: "Costa Rica ofreció ser sede", "la OIM se comprometió a apoyar".
            for m in _C8.finditer(sent):
                actor = self.actor_in(ss, ss + m.start())
                if actor is not None and ss + m.start() - actor.span.end < 40:
                    verb = _SPANISH_VERBS.get(m.group(1).lower()[:-2].rstrip("a"), m.group(1).lower())
                    # ("El Salvador, Guatemala y Honduras se comprometieron a designar ...": each of them)
                    actor, co = self._offered_jointly(actor, ss, ss + m.start(), ss + m.start(1), many)
                    raw.append((actor.span.start, ss + m.start(1), "pledge", actor, None, verb, False, co))
            # Spanish passive with an agent: "El informe será presentado por la PPT".
            for m in _C9.finditer(sent):
                actor = self.actor_at(ss + m.end())
                if actor is not None:
                    verb = _SPANISH_VERBS.get(m.group(1).lower()[:-3].rstrip("a"), m.group(1).lower())
                    raw.append((ss + m.start(), ss + m.start(1), "pledge", actor, None, verb, False, None))
            for m in _scan(_C10, sent):
                actor = self.actor_in(ss, ss + m.start())
                if actor is None:
                    continue
                if m.group(1) is None and actor.iri in requests:
                    continue  # accepting a request made in the same item: one commitment, not two
                verb = m.group(1) or "support"
                raw.append((actor.span.start, ss + (m.start(1) if m.group(1) else m.start()), "pledge", actor, None, verb, False, None))
            for m in _C11.finditer(sent):
                actor = self.actor_at(ss + m.end())
                if actor is not None:
                    raw.append((ss + m.start(), ss + m.start(1), "pledge", actor, None, m.group(1).lower(), False, None))
            if future_at:
                for m in _scan(_C12, sent):
                    if m.start() < future_at.start():
                        continue
                    actor = self.actor_at(ss + m.end())
                    if actor is None:
                        continue
                    co = None
                    cm = re.match(r"[^.;]{0,20}?,?\s+with\s+the\s+support\s+of\s+(?:the\s+)?", t[actor.span.end : se])
                    if cm:
                        co = self.actor_at(actor.span.end + cm.end())
                    raw.append((ss + m.start(), ss + m.start(1), "pledge", actor, None, m.group(1), False, co))
            # An action point ("AP2 – Canada, Mexico and Guatemala to send ...", "The TS, with the support
            # of the ILO, to prepare ..."): the actors named before "to" are to do what follows it.
            # (or a minutes' "ACTION: Costa Rica and Panama to pilot ..." line under its agreement)
            label = _ACTION_LINE.match(t, ss, se)
            lead = label.end() if label is not None else ss
            if (self.parent_request is None and (ss == self.item.span.start or label is not None)
                    and (tm := _ACTION_TO.search(t, lead, min(se, lead + 160)))):
                names = [a for a in self.agents if lead <= a.span.start and a.span.end <= tm.start()]
                glue, at = [], lead
                for a in names:
                    glue.append(t[at : a.span.start])
                    at = a.span.end
                glue.append(t[at : tm.start()])
                colon = t[tm.start() : tm.start(1)].strip() == ":"
                if names and all(_ACTION_POINT_GLUE.fullmatch(g) for g in glue) and not (colon and (
                        tm.group(1).lower() in _COURTESY_INFINITIVES
                        # (a Spanish infinitive in a Spanish sentence: not "Canada: regular labour mobility pathways")
                        or not _SPANISH_WORDS.search(t, tm.end(1), se))):
                    many[tm.start(1)] = tuple(_dedupe(names))
                    raw.append((ss, tm.start(1), "pledge", names[0], None, tm.group(1), False, None))
            # A recommendation in the subjunctive ("the RCGM recommended: That IOM prepare a proposal
            # ...", "Que los Países Miembros intercambien ..."): a request to those it names.
            if ss == self.item.span.start and (hm := _THAT.match(t, ss, se)):
                names = []
                at = hm.end()
                for a in self.agents:
                    if a.span.start >= at and _ACTION_GLUE.fullmatch(t[at : a.span.start]) and a.span.start - at < 40:
                        names.append(a)
                        at = a.span.end
                # (past an apposition: "Que la PPT, con el apoyo de la Secretaría Técnica, circule ...")
                if names and (am := re.match(rf"\s*,\s*{APPOSITION},", t[at:se])) is not None:
                    at += am.end()
                vm = _SUBJUNCTIVE.match(t, at, se) if names else None
                kind = "request"
                if vm is not None and vm.group(1).lower() in ("would", "will", "shall", "should"):
                    # "that Canada and Mexico would co-ordinate ...": what they are to do, reported
                    vm, kind = _SUBJUNCTIVE.match(t, vm.end(), se), "pledge"
                if vm is not None and not any(r[1] == vm.start(1) for r in raw):
                    many[vm.start(1)] = tuple(_dedupe(names))
                    raw.append((ss, vm.start(1), kind, names[0], self.body if kind == "request" else None, vm.group(1),
                                False, None))
            # A sub-item of "Member Countries requested:" that reads "The IOM to take ...".
            if self.parent_request is not None and ss == self.item.span.start:
                target = self.actor_at(ss)
                vm = re.match(r"\s+to\s+([a-z]+)", t[target.span.end : se]) if target else None
                if target is not None and vm:
                    raw.append((ss, target.span.end + vm.start(1), "request", target, self.parent_request, vm.group(1), False, None))
            # "Member Countries requested IOM support on ..."
            for m in _scan(_C13, sent):
                target = self.actor_at(ss + m.end())
                if target is None:
                    continue
                nm = re.match(r"\s+(support|assistance|cooperation|help|accompaniment)\b", t[target.span.end : se])
                if nm and not any(r[3] is not None and r[3].iri == target.iri and r[2] == "request" for r in raw):
                    requester = self.actor_in(ss, ss + m.start()) or self.body
                    raw.append((ss + m.start(), target.span.end + nm.start(1), "request", target, requester, nm.group(1), False, None))
            # Scheduled events with no stated actor: "to be carried out ... in the I Quarter of 2018".
            # "a single reference document, to be prepared by the Technical Secretariat by March 30": its
            # agent's, when a due date follows ("a date to be proposed by the PPT" is no task of its own)
            for m in _scan(_C15, sent):
                agent = self.actor_at(ss + m.end())
                if agent is not None and find_due(sent[m.end() :], self.meeting):
                    raw.append((ss + m.start(), ss + m.start(1), "pledge", agent, None, m.group(1), False, None))
            for m in _scan(_C14, sent):
                rest = sent[m.end() :]
                # ("The United States committed to fund ... a workshop ..., to be held in Panama City during
                # the second quarter of 2016": the workshop of a pledge made in the same clause, its time)
                if any(r[3] is not None and r[1] < ss + m.start() and not re.search(r"[.;]", t[r[1] : ss + m.start()]) for r in raw):
                    continue
                # (not the day another meeting is to be held on: "to the Vice-Ministerial Meeting to be held on 2 July 2010")
                if (any(not _ON_DAY.match(d.text) for d in find_due(rest, self.meeting))
                        and not any(abs(r[1] - (ss + m.start())) < 5 for r in raw)):
                    raw.append((ss + m.start(), ss + m.start(1), "pledge", None, None, m.group(1).split()[0], False, None))
            raw.sort(key=lambda r: r[1])
            dues = find_due(sent, self.meeting) if raw else []  # only a commitment found here needs them
            for i, (ts, vs, kind, actor, requester, verb, optional, co) in enumerate(raw):
                if any(abs(vs - f[0]) < 3 and f[1].actors[:1] == ((actor,) if actor else ()) for f in found):
                    continue
                nxt = raw[i + 1][0] if i + 1 < len(raw) else se
                end = self.clause_end(vs, se)
                if i + 1 < len(raw) and nxt <= vs < raw[i + 1][1] and (cj := _AND_THEN.search(t, vs, raw[i + 1][1])) is not None:
                    # the next one's subject is this one's, in a clause of its own ("Panama offered to coordinate
                    # the group and will circulate a proposal by 30 November"): its verb ends this one, its time its own
                    nxt = raw[i + 1][1]
                    end = min(end, cj.start())
                # a participle nested in this clause ("a virtual meeting organized by the TS ... during
                # the first two months of 2017") shares the clause's time with it
                if i + 1 < len(raw) and vs < nxt < end and re.fullmatch(r"[a-z]+ed", raw[i + 1][5].lower()):
                    nxt = end
                due = self._due(dues, ss, vs, max(nxt, vs + 1) if nxt > vs else se)
                if due is not None and due.span.end > end:
                    end = min(se, due.span.end)
                action = _active(t, vs, clean(t[vs:end]).rstrip(" ,"))
                actors: tuple[Ref, ...] = (actor,) if actor else ()
                if co is not None and actor is not None and co.iri != actor.iri:
                    actors = (actor, co)
                actors = many.get(vs, actors)
                condition = None
                cm = re.search(r"\bas\s+per\s+[a-z ]+?(?:possibilities|resources|availability)\b|\bsubject\s+to\s+[a-z ]+?(?:funds|availability|resources)\b", t[ss:se], re.I)
                if cm and actor is not None and kind in ("pledge", "request"):
                    condition = cm.group(0)
                c = Commitment(
                    n=0,
                    kind=kind,
                    actors=actors,
                    action=action,
                    action_type=ACTION_TYPES.get(verb.lower(), "other"),
                    span=Span(_clause_start(t, min(ts, vs), vs), max(end, vs + 1)),
                    recipients=(),
                    requested_by=requester if kind == "request" else None,
                    due=due,
                    condition=condition,
                    optional=optional or actor is None,
                )
                if kind == "request" and actor is not None:
                    requests[actor.iri] = len(found)
                found.append((vs, c))
        # Acceptance of a request ("IOM reiterated its commitment, as per financial possibilities"):
        # the condition belongs to the request.
        # One task of a list that a request introduces ("To instruct the RCGM to: (i) establish ...;
        # (iii) present a progress report ... in 2013"): a request to the same actor, dated or not.
        # (what rules that take the body for the actor found, "and submit it to the RCGM by March 31",
        # is the task's too)
        # (or by no one: "(a) prepare a study ..., to be presented by March 31, 2010" under "Request IOM ... to:")
        by_body = bool(found) and self.body is not None and all(
            not c.actors or c.actors[0].iri == self.body.iri for _, c in found)
        # ("Solicitar a la Secretaría Técnica:" over "a) Circular la versión final ...": a capital)
        if (not found or by_body) and self.tasked is not None and re.match(r"\s*(?:to\s+)?[a-záéíóúñ]+\b", self.item.text, re.I):
            found = []
            task = self.tasked
            dues = find_due(t[self.item.span.start : self.item.span.end], self.meeting)
            dated = [d for d in dues if d.date is not None and d.date >= self.meeting]
            due = None
            if dated:
                d = dated[0]
                due = Due(d.text, Span(self.item.span.start + d.begin, self.item.span.start + d.finish), d.date,
                          d.period_start, d.derived, d.month_only, d.no_year)
            vm = re.match(r"\s*(?:to\s+|will\s+|shall\s+)?([a-záéíóúñ]+)", t[self.item.span.start :], re.I)
            verb = vm.group(1).lower() if vm else "other"
            end = max(due.span.end if due else self.item.span.start, self.clause_end(self.item.span.start, self.item.span.end))
            kind = "pledge" if task.kind == "pledge" else "request"  # (an actor's heading over its own list: its pledges)
            found.append((self.item.span.start, Commitment(0, kind, task.actors, clean(t[self.item.span.start : end]),
                                                          ACTION_TYPES.get(verb, "other"), Span(self.item.span.start, end),
                                                          (), task.requested_by, due, None, task.optional)))
        # A dated imperative with no stated actor binds the Member Countries ("To submit ... by 21 July").
        if not found and IMPERATIVE.search(self.item.text) and not THANKS.search(self.item.text):
            dues = find_due(t[self.item.span.start : self.item.span.end], self.meeting)
            # not a past date ("aprobado por el GRCM en noviembre de 2018"), not "Acordar que ... se celebre"
            dated = [d for d in dues if d.date is not None and d.date >= self.meeting]
            if dated and not re.match(r"\s*(?:to\s+)?(?:agree|acordar|decide|decidir)\s+(?:that|que)\b", t[self.item.span.start :], re.I):
                vm = re.match(r"\s*(?:to\s+)?([a-z]+)", t[self.item.span.start :], re.I)
                verb = vm.group(1).lower() if vm else "other"
                d = dated[0]
                due = Due(d.text, Span(self.item.span.start + d.begin, self.item.span.start + d.finish), d.date,
                          d.period_start, d.derived, d.month_only, d.no_year)
                end = max(due.span.end, self.clause_end(self.item.span.start, self.item.span.end))
                who = self.linker.collective(Span(self.item.span.start, self.item.span.start + (vm.end() if vm else 0)))
                found.append((self.item.span.start, Commitment(0, "pledge", (who,), clean(t[self.item.span.start : end]), ACTION_TYPES.get(verb, "other"),
                                                              Span(self.item.span.start, end), (), None, due, None, False)))
        # A deadline said after the item's text ("La OIM y la UNODC coordinarán un taller. Fecha:
        # septiembre/2013."): the one of its commitments that have none
        if any(c.due is None for _, c in found) and (wm := _TRAILING_WHEN.search(t, self.item.span.start, self.item.span.end)):
            dated = [d for d in find_due(t[wm.start() : wm.end()], self.meeting) if d.date is not None and d.date >= self.meeting]
            if dated:
                d = dated[0]
                due = Due(d.text, Span(wm.start() + d.begin, wm.start() + d.finish), d.date, d.period_start, d.derived,
                          d.month_only, d.no_year)
                found = [(at, c if c.due is not None else replace(c, due=due)) for at, c in found]
        if any(c.due is None for _, c in found) and (due := self._bracketed_due() or self._leading_due()) is not None:
            # "... a través de la plataforma de la ST (marzo 2022).": a date alone in brackets at the item's end
            # (or before a dash at its start: "28/02/2019 – Member Countries will send ...", "Q2 2019 – Mexico will ...")
            found = [(at, c if c.due is not None else replace(c, due=due)) for at, c in found]
        if apart is not None:
            if not found:
                return [apart]
            found = [(at, c if c.due is not None else replace(c, due=apart.due)) for at, c in found]
        if any(c.due is None for _, c in found) and (due := self._noted_due()) is not None:
            # ("... en el plazo acordado[4]" / "[4] Plazo acordado: a más tardar el 31 de mayo de 2023."): a
            # deadline the item's footnote gives
            found = [(at, c if c.due is not None else replace(c, due=due)) for at, c in found]
        found.sort(key=lambda f: (f[0], f[1].span))
        out = []
        for n, (_, c) in enumerate(found, start=1):
            recips = self._recipients(c)
            out.append(Commitment(n, c.kind, c.actors, c.action, c.action_type, c.span, recips, c.requested_by, c.due, c.condition, c.optional))
        return out

    def _noted_due(self) -> Due | None:
        """The first deadline (not before the meeting) of the footnotes the item calls ("[4]"), as the
        .docx reader writes them after the text ("[4] Plazo acordado: a más tardar el 31 de mayo de 2023.")."""
        t = self.text
        for call in _NOTE_CALL.finditer(t, self.item.span.start, self.item.span.end):
            note = re.compile(rf"^\[{call.group(1)}\][ \t]+([^\n]+)", re.M).search(t, self.item.span.end)
            if note is None:
                continue
            dated = [d for d in find_due(note.group(1), self.meeting) if d.date is not None and d.date >= self.meeting]
            if dated:
                d, at = dated[0], note.start(1)
                return Due(d.text, Span(at + d.begin, at + d.finish), d.date, d.period_start, d.derived, d.month_only, d.no_year)
        return None

    def _leading_due(self) -> Due | None:
        """The deadline an item opens with, before a dash ("30/04/2019 – Mexico and Guatemala will share ...", "Q3
        2019 – Canada will present ..."): the whole of it a date."""
        return self._whole_due(_LEADING_WHEN.match(self.text, self.item.span.start, self.item.span.end))

    def _bracketed_due(self) -> Due | None:
        """The deadline a date alone in brackets at the item's end gives ("(31/01/2022).", "(primer trimestre de
        2022)", "(by end of March 2019)"): the whole bracket a date."""
        return self._whole_due(_TRAILING_BRACKET.search(self.text, self.item.span.start, self.item.span.end))

    def _whole_due(self, m: re.Match[str] | None) -> Due | None:
        """The due date the first group of ``m`` that matched is whole, read as after "Fecha:" or "en el" ("marzo 2022", "Q2 2019")."""
        if m is None:
            return None
        g = 1 if m.group(1) is not None else 2  # (_LEADING_WHEN's date before a dash, or before a colon)
        inner = " ".join(m.group(g).split())
        for lead in ("Fecha: ", "en el ", "in the ", ""):
            for d in find_due(lead + inner, self.meeting):
                if d.date is not None and d.date >= self.meeting and d.begin <= len(lead) and d.finish >= len(lead + inner) - 1:
                    return Due(m.group(g), Span(m.start(g), m.end(g)), d.date, d.period_start, d.derived, d.month_only, d.no_year)
        return None

    def _due(self, dues: list[FoundDue], ss: int, vs: int, limit: int) -> Due | None:
        for d in dues:
            if d.date is not None and d.date < self.meeting:
                continue  # ("the workshop held in Tegucigalpa in August 2015": a past event's month, no deadline)
            ds = ss + d.begin
            if vs <= ds < limit:
                return Due(d.text, Span(ds, ss + d.finish), d.date, d.period_start, d.derived, d.month_only, d.no_year)
        return None

    def _recipients(self, c: Commitment) -> tuple[Ref, ...]:
        seg = self.text[c.span.start : c.span.end]
        out: list[Ref] = []
        for m in re.finditer(r"\b(?:to|send|resend|with|for)\s+(?:the\s+)?", seg):
            a = self.actor_at(c.span.start + m.end())
            if a is not None and all(a.iri != x.iri for x in c.actors) and all(a.iri != x.iri for x in out):
                out.append(a)
        return tuple(out[:2])


# A commitment read from a passive ("a virtual meeting organized by the RCM TS, with ...", "it will
# be submitted to the delegations by the TS"): its action is the verb in the infinitive with what
# it acts on ("organize a virtual meeting, with ..."), the agent being the commitment's actor.
_PARTICIPLES = {"organized": "organize", "organised": "organise", "submitted": "submit", "presented": "present",
                "held": "hold", "carried out": "carry out", "developed": "develop", "implemented": "implement",
                "sent": "send", "circulated": "circulate", "prepared": "prepare", "conducted": "conduct",
                "disseminated": "disseminate", "shared": "share", "translated": "translate", "reviewed": "review"}
_PASSIVE = re.compile(r"(" + "|".join(sorted(_PARTICIPLES, key=len, reverse=True)) + r")\b"
                      r"(?:\s+by\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,6})?,?\s*")
_PATIENT = re.compile(r"(?:\b((?:a|an|the|this|that|these|those)(?:\s+[\w-]+){1,4})|\b(it|them))\s+"
                      r"(?:(?:will|shall|would|is\s+to|are\s+to)\s+be\s+|to\s+be\s+)?$", re.I)


_NOMINAL = {"development": "develop", "preparation": "prepare", "elaboration": "elaborate", "organization": "organize",
            "organisation": "organise", "translation": "translate", "presentation": "present", "submission": "submit"}
# "the development, by the TS, of a draft work plan": the verb of the noun, with its object
_NOMINAL_RX = re.compile(r"(?:the\s+)?(" + "|".join(_NOMINAL) + r"),?\s+by\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,6},?\s+of\s+",
                         re.I)
_AGENT_TAIL = re.compile(r"\s+by\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,6}$")
_THIRD_PERSON = re.compile(r"(presents|submits|sends|shares|prepares|develops|organizes|organises|translates|circulates)\b")


# What puts a country in the role of a place: a locative preposition ("in", "en", "at"), optionally
# with "the city/Republic of", "la ciudad/República de", right before it.
_LOCATIVE = re.compile(r"\b(?:in|en|at)\s+(?:(?:the\s+)?(?:city|republic|capital|territory)\s+of\s+(?:the\s+)?|"
                       r"(?:la\s+|el\s+)?(?:ciudad|rep[uú]blica|capital|territorio)\s+de\s+|the\s+)?$", re.I)


# Head nouns through which a country or body acts ("the Government of Mexico", "Mexico's delegation").
_AGENCY = frozenset("government governments gobierno gobiernos delegation delegations delegacion delegaciones republic "
                    "republica state estado ministry ministerio authorities autoridades representatives representantes "
                    "representative representante members miembros countries paises".split())
_OF_BEFORE = re.compile(r"(\w+)\s+(?:of|de|del)\s+(?:the\s+|la\s+|el\s+|los\s+|las\s+)?$", re.I)
_GENITIVE = re.compile(r"[\u2019']s\s+(\w+)")


def _possessor(text: str, ref: Ref, limit: int) -> bool:
    """Whether ``ref`` is named as the possessor of something else ("the report of Guatemala",
    "Guatemala's guide"), not through one of its agencies ("the Government of Mexico")."""
    m = _OF_BEFORE.search(text, max(0, ref.span.start - 50), ref.span.start)
    if m and fold(m.group(1)) not in _AGENCY:
        return True
    g = _GENITIVE.match(text, ref.span.end, limit)
    return bool(g and fold(g.group(1)) not in _AGENCY)


def _located(text: str, ref: Ref, places: list[tuple[int, int]]) -> bool:
    """Whether the country ``ref`` is named as a place: after a locative preposition, or after a
    city ("Managua, Nicaragua")."""
    if ref.kind != "country":
        return False
    before = text[max(0, ref.span.start - 40) : ref.span.start]
    if _LOCATIVE.search(before):
        return True
    return any(0 <= ref.span.start - pe <= 3 and text[pe : ref.span.start].strip() == "," for _, pe in places)


def _active(text: str, vs: int, action: str) -> str:
    """``action`` in the active voice when it starts with a passive participle (see above)."""
    if n := _NOMINAL_RX.match(action):
        return _NOMINAL[n.group(1).lower()] + " " + action[n.end():]
    if v := _THIRD_PERSON.match(action):  # "request that the RNCOM presents a written proposal"
        return v.group(1)[:-1] + action[v.end():]
    m = _PASSIVE.match(action)
    if not m:
        return action
    patient = _PATIENT.search(text[max(0, vs - 80) : vs])
    obj = (patient.group(1) or patient.group(2)) if patient else ""
    rest = _AGENT_TAIL.sub("", action[m.end():])  # "... to the delegations by the TS": the actor already says who
    return " ".join(p for p in (_PARTICIPLES[m.group(1)], obj, rest) if p).replace(" ,", ",")


def _clause_start(text: str, start: int, limit: int) -> int:
    """``start`` moved past the punctuation and spaces a clause boundary leaves (", the TS will ..."
    quotes from "the TS"), never beyond ``limit``."""
    while start < limit and text[start] in " ,;:\t\n\r":
        start += 1
    return start


# ---- stages ---------------------------------------------------------------------------------------

# "To approve the Work Plan": the meeting's own decision (approved, done).
_ADOPT = r"^(?:to\s+)?(?:approve|approves|adopt|adopts|endorse|endorses|aprobar|aprueba|adoptar)\b"
STAGE_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("approved", re.compile(r"\b(?:was|were|has\s+been|have\s+been|is)\s+(?:approved|adopted|endorsed)\b|\bthe\s+approved\b|"
                            + _ADOPT, re.I)),
    ("submitted", re.compile(r"\bfor\s+(?:\w+\s+and\s+)?approval\b|\b(?:was|were|has\s+been)\s+submitted\s+to\b", re.I)),
    ("circulated-for-review", re.compile(r"\bfor\s+(?:final\s+)?(?:review|comments)\b|\breview\s+the\b|\bcomments\s+(?:to|on)\s+the\s+document\b", re.I)),
    ("drafted", re.compile(r"(?<!to be )\b(?:workshop|meeting)\b[^.;]{0,80}?(?<!to be )\b(?:conducted|held|took\s+place)\b|\b(?:was|were|has\s+been|have\s+been)\s+(?:drafted|prepared|elaborated)\b", re.I)),
    # distributing a document is its own stage, not its implementation ("sharing ... for distribution")
    ("distributed", re.compile(r"\b(?:distribut\w+|dissemina\w+|circulat(?:e|ed|ing|ion)\s+(?:it\s+|them\s+)?to\s+the\s+member|"
                               r"distribu(?:ir|ci[oó]n|id[oa]s?)|difu(?:ndir|si[oó]n|ndid[oa]s?))\b", re.I)),
    ("in-preparation", re.compile(r"\b(?:preparation|prepare|preparing|elaborate|elaboration|development|developing|drafting|updat(?:e|es|ed|ing)|complete|completing)\b", re.I)),
    ("in-implementation", re.compile(r"\b(?:implementation|implementing|implemented|application|applying|use\s+them|as\s+a\s+tool|training|workshop\s+for)\b", re.I)),
    ("proposed", re.compile(r"\b(?:propos\w+|initiative|possibility)\b", re.I)),
]
CONDITIONAL = re.compile(r"\b(?:once|when|after|if)\s+(?:it\s+is\s+)?(?:approved|adopted)\b", re.I)
REQUESTED = re.compile(r"^(?:to\s+)?(?:ask|request|urge|invite)\b|\b(?:urge|urges|requested|request\s+that)\b", re.I)
PLANNED = re.compile(r"\b(?:will|shall|to\s+be|planned|would|possibility|offer|offered|offers|aimed\s+at|tentatively)\b", re.I)
DAY_MONTH = re.compile(r"\b(?:on\s+)?(\d{1,2})(?:\s*[-\u2013]\s*(\d{1,2}))?\s+(" + "|".join(m for m in MONTHS if len(m) > 3) + r")\b(?!\s*,?\s*\d{4})", re.I)


TOPIC = re.compile(
    r"^((?:regarding|concerning|in\s+regard\s+to|with\s+regard\s+to|as\s+regards|as\s+for|with\s+respect\s+to|"
    r"con\s+respecto\s+a|en\s+relaci[oó]n\s+(?:con|a)|respecto\s+(?:a|de))\b[^,]{3,200}),",
    re.I,
)


# Leading whitespace is taken from the start of its run only: tried at every space of a long run,
# "\s*;" was quadratic in the run. Searched in a slice, so the slice's start counts as a run start.
def _union(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans merged into disjoint ones, sorted."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


CONJUNCTS = re.compile(r"(?:(?<!\s)\s+)?;\s*(?:and\s+)?|,\s+and\s+", re.I)
PRONOUN = re.compile(r"\b(?:it|them)\b", re.I)


def _conjunct_about(text: str, s: int, e: int, at: int) -> str | None:
    """The part of sentence text[s:e] whose stage words are about the item named at offset ``at``.

    "Regarding the update of the Matrices, and the presentation on the Indicators": "update" is
    about the matrices only. "Thank IOM for its presentation on the Indicators; and urge Member
    Countries to use them": the other conjunct refers back ("them") and speaks for them.
    """
    cuts = [(s + m.start(), s + m.end()) for m in CONJUNCTS.finditer(text[s:e])]
    if not cuts:
        return clean(text[s:e])
    bounds = [s, *(b for _, b in cuts)]
    ends = [*(a for a, _ in cuts), e]
    pieces = [clean(text[a:b]) for a, b in zip(bounds, ends, strict=True)]
    own = next(i for i, (a, b) in enumerate(zip(bounds, ends, strict=True)) if a <= at < b or b == e)
    if _stage_of(pieces[own]):
        return pieces[own]
    return next((p for i, p in enumerate(pieces) if i != own and PRONOUN.search(p) and _stage_of(p)), None)


def _stage_of(sentence: str) -> str | None:
    if CONDITIONAL.search(sentence) and not re.search(r"\b(?:for\s+final\s+review|conducted|held)\b", sentence):
        sentence = CONDITIONAL.split(sentence)[0]
    for stage, rx in STAGE_RULES:
        if rx.search(sentence):
            return stage
    return None


ADOPTS = re.compile(_ADOPT, re.I)


def _modality(sentence: str, item_text: str, stage: str) -> str:
    if stage == "approved" and ADOPTS.search(sentence.strip()):
        return "done"  # "To approve the Work Plan": the meeting's own decision, taken there
    if REQUESTED.search(sentence) or (IMPERATIVE.search(sentence.strip()) and not THANKS.search(sentence.strip())):
        return "requested"
    if stage == "drafted":
        return "done"
    if stage == "distributed" and re.search(r"\bfor\s+(?:its\s+|their\s+)?(?:distribution|dissemination)\b|"
                                            r"\bpara\s+su\s+(?:distribuci|difusi)", sentence, re.I):
        return "planned"  # "sharing the documents for distribution": handed over, to be distributed
    if PLANNED.search(sentence):
        return "planned"
    return "done"


# ---- documents ------------------------------------------------------------------------------------

DOC_HEADS = (
    r"work\s+plan|action\s+plan|plan\s+of\s+action|protocol|protocols|guide\s+note|guidelines|guide|handbook|manual|"
    r"matri(?:x|ces|xes)|glossary|diagnosis|diagnostic|strategy|study|toolkit|concept\s+note|declaration|"
    r"indicators|action\s+lines|lineamientos|protocolo|gu[ií]a|manual|glosario|diagn[oó]stico|plan\s+de\s+trabajo"
)
# A sub-item's sentence that refers back to its document: "the Plan", "the document", "it".
ANAPHOR = re.compile(
    r"\b(?:the|this|that|said|el|la|dicho|dicha)\s+(?:draft\s+|final\s+|same\s+)?(?:document|documento|" + DOC_HEADS + r")\b|\bit\b",
    re.I,
)
DOCTYPE_OF = [
    (r"work\s+plan|action\s+plan|plan\s+of\s+action|plan\s+de\s+trabajo", "work-plan"),
    (r"guide\s+note", "guide-note"),
    (r"guidelines|lineamientos", "guidelines"),
    (r"protocol|protocolo", "protocol"),
    (r"handbook|manual|guide|gu[ií]a", "handbook"),
    (r"matri", "comparative-matrix"),
    (r"glossary|glosario", "glossary"),
    (r"diagnos", "diagnosis"),
    (r"strategy", "strategy"),
    (r"study", "study"),
    (r"toolkit", "toolkit"),
    (r"concept\s+note", "concept-note"),
    (r"indicators", "indicators"),
    (r"action\s+lines", "action-lines"),
    (r"report", "report"),
]
QUOTED = re.compile(r"[\u201c\"]([^\u201d\"]{8,200})[\u201d\"]")
_CAP = r"[A-Z\u00C0-\u00DD][\w\u00C0-\u017F-]*"
_JOINER = r"(?:of|in|for|and|on|the|to|by|with|against|within|de|la|del|y|en|a|an|contra|con)"
# Title case after the head noun: "Handbook for the Management of Temporary Accommodation in Panama".
TITLED = re.compile(
    rf"\b(?:(?:Regional|National|Draft|Final|Comparative|Joint)\s+)*(?i:{DOC_HEADS})\b"
    rf"(?:\s+(?:on|for|of|to|regarding|against|about|de|para|sobre|del)\s+(?:the\s+|la\s+|el\s+|los\s+|las\s+)?{_CAP}"
    rf"(?:\s+{_CAP}|\s+{_JOINER}(?=(?:\s+{_JOINER})*\s+{_CAP}))*)"
)
# Where a title found by TITLED ends: before a recipient ("... to the Member Countries"), a time
# ("... in April 2015", "... in the II Quarter of 2018") or a trailing joiner.
TITLE_TAIL = re.compile(  # "(?<!\s)": tried once per run of spaces, not at each space of it
    r"(?<!\s)\s+(?:(?:to|for|by|with|from)\s+(?:the\s+)?(?:Member\s+Countries|Technical\s+Secretariat|Presidency|Delegations?)\b"
    r"|(?:in|by|on|during|before|until|from)\s+(?:the\s+)?(?:" + "|".join(m.capitalize() for m in MONTHS) + r"|I|II|III|IV|"
    r"First|Second|Third|Fourth|Next|Last|Early|Late|Mid)\b).*$",
    re.S,
)


ANAPHORIC = frozenset({"this", "these", "that", "those", "such", "said", "same", "este", "esta", "estos", "estas", "dicho", "dicha"})
HEAD_NOUN = re.compile(r"\b(?:" + DOC_HEADS + r")\b", re.I)
# Words that say what kind of document, or whose, rather than which one.
GENERIC_WORDS = frozenset(
    "regional national draft final version document documents rcm network liaison officer officers the of and on in for "
    "to with by from a an its their this that de la el los las del y en para por con sobre al member countries "
    "work plan plans protocol protocols guideline guidelines guide handbook manual matri glossary diagnosis diagnostic "
    "strategy study toolkit concept note declaration indicator action lines line lineamiento protocolo plan trabajo "
    "persons person migrant migrants migration combat combating against contra".split()
)


def _stem(word: str) -> str:
    """Crude stemming for matching names: "matrixes"/"matrices" -> "matri", "indicators" -> "indicator"."""
    if word.startswith("matri"):
        return "matri"
    for suffix in ("es", "s"):
        if len(word) > 4 and word.endswith(suffix) and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


def _content_words(text: str) -> set[str]:
    words = (x for x in re.findall(r"[a-záéíóúñ]+", fold(text)) if x not in GENERIC_WORDS)
    return {w for w in map(_stem, words) if w not in GENERIC_WORDS and len(w) > 2}


def _doctype(title: str) -> str:
    for rx, dt in DOCTYPE_OF:
        if re.search(rx, title, re.I):
            return dt
    return "other"


# A header line naming a body the registry may not know: "AD HOC WORKING GROUP ON ...".
BODY_LINE = re.compile(
    r"\b(?:ad\s+hoc\s+)?(?:working\s+group|group|network|coalition|committee|commission|red|grupo|coalici[oó]n|comit[eé]|"
    r"comisi[oó]n|mesa)\b[^\r\n]{0,150}",
    re.I,
)
# Where a header line goes on after a body's name: a spaced dash, a bracket, a comma or a colon.
_AFTER_NAME = re.compile(r"\s+[-\u2013\u2014]\s+|\s*[(,:;]")
# A comma inside a name that lists its subjects, capitalised, the last after "and" (", Climate Change and Disasters").
_LISTED_IN_NAME = re.compile(r",[ \t]*(?:[A-ZÁÉÍÓÚÑ][\w-]*[ \t]+){0,3}(?:and|y|e)[ \t]+[A-ZÁÉÍÓÚÑ][\w-]*(?:[ \t]+[A-ZÁÉÍÓÚÑ][\w-]*)*")
_BODY_HEAD = re.compile(r"\b(?:group|network|coalition|committee|commission|meeting|conference|officers?|ministers|"
                        r"vice-?ministers|red|grupo|coalici[oó]n|comit[eé]|comisi[oó]n|reuni[oó]n|conferencia|"
                        r"viceministros|funcionarios|mesa)\b", re.I)


def _names_a_body(subject: str) -> bool:
    """A subject that is a body's name ("Ad Hoc Working Group on ..."), not an anaphor ("The Network")."""
    caps = [w for w in subject.split() if w[:1].isupper()]
    return len(caps) >= 3 and bool(_BODY_HEAD.search(subject))


#: The kinds the converters ask Registry.find about (None: every kind): :func:`prepare` compiles
#: their matchers once, in the process that forks the workers. A kind set missing here still works,
#: compiled where it is first asked for (tests/test_convert_speed.py checks the list is complete).
FIND_KINDS: tuple[frozenset[str] | None, ...] = (
    None,
    ACTOR_KINDS | {"place"},
    frozenset({"org"}),
    frozenset({"doc", "org", "country", "place", "track", "collective"}),
    frozenset({"track", "doc"}),
    frozenset({"country", "place"}),
    frozenset({"place"}),
    frozenset({"country"}),
)


def prepare(registry: Registry, iris: Iris) -> None:
    """Do now what converting the first report would do once per process: compile the registry
    matchers and the document signatures."""
    for kinds in FIND_KINDS:
        registry.prepare(kinds)
    extractor = Extractor(registry, iris)
    extractor._signatures()
    extractor._place_labels()


# The document signatures of each registry loaded in this process (see Extractor._signatures).
_SIGNATURES: WeakKeyDictionary[Registry, list[tuple[str, frozenset[str], Entry]]] = WeakKeyDictionary()
_PLACE_LABELS: WeakKeyDictionary[Registry, list[tuple[Entry, frozenset[str]]]] = WeakKeyDictionary()


class Extractor:
    """Extracts one parsed report. ``Extractor(registry, iris).extract(parsed)``."""

    def __init__(self, registry: Registry, iris: Iris):
        self.registry = registry
        self.iris = iris
        self._cells_text: str | None = None  # the report's source text, where the parser read a blanked copy
        self._sigs: list[tuple[str, frozenset[str], Entry]] | None = None

    def _member(self, code: str) -> bool:
        e = self.registry.country_by_code(code)
        return e is not None and bool(e.get(ORG + "hasMembership"))

    def extract(self, report: ParsedReport) -> Extracted:
        with reading(report.source.text):  # (numeric dates as the report writes them: dates.month_first)
            return self._extract(report)

    def _extract(self, report: ParsedReport) -> Extracted:
        self._cells_text = report.source.text if report.read_text is not None else None
        linker = Linker(self.registry, self.iris)
        text = report.text
        warnings = list(report.warnings)
        body = self._body(report, linker, warnings)
        meeting_date = report.date.start
        place, place_country, others = self._places(report, linker)
        # RCM Member Countries only: a non-member that attends (an observer, an invited country) sends
        # no delegation of the Conference
        delegations = tuple(linker.country(p.value, p.span) for p in report.participants if self._member(p.value))
        named = self.registry.find(text)  # every registry name in the whole text, once
        newcomers = self._unknown_orgs(text, named, linker, body) + self._acronyms_given(text, named, linker)
        agreements: list[Agreement] = []
        by_pos: dict[int, Agreement] = {}
        for item in report.items:
            parent = by_pos.get(item.parent) if item.parent else None
            ag = self._agreement(text, item, parent, linker, meeting_date, body, newcomers)
            agreements.append(ag)
            by_pos[item.position] = ag
        # The Presidency Pro Tempore: the country in it acts, in the holding the report states.
        holdings = roles.find(text, named, self.iris, meeting_date)
        agreements = [self._with_roles(a, holdings, meeting_date) for a in agreements]
        mentions = self._mentions(report, linker, body, newcomers)
        report_tracks = self._outside_tracks(report, named, linker)
        reports_to = self._org_ref(report.reports_to, linker) if report.reports_to else None
        prior = self._org_ref(report.held_prior_to, linker) if report.held_prior_to else None
        kind = None
        if report.meeting_kind:
            k = report.meeting_kind.value.lower()
            kind = {"regular": "ordinary", "ordinaria": "ordinary", "extraordinaria": "extraordinary"}.get(k, k)
            if kind not in ("ordinary", "extraordinary", "virtual", "workshop"):
                kind = None
        lacks = self._lacks(report, body, delegations, place, agreements, warnings,
                            online=report.attendance is not None and report.attendance.value == "online")
        return Extracted(
            report=report,
            body=body,
            meeting_date=meeting_date,
            place=place,
            place_country=place_country,
            other_places=others,
            delegations=delegations,
            agreements=tuple(agreements),
            mentions=mentions,
            reports_to=reports_to,
            held_prior_to=prior,
            meeting_kind=kind,
            unreconciled=tuple(linker.unreconciled()),
            warnings=tuple(warnings),
            minted=tuple((m.iri, m.kind, m.label, m.doctype) for m in sorted(linker.minted.values(), key=lambda m: m.iri)),
            report_tracks=report_tracks,
            lacks=lacks,
            attendance=report.attendance,
            holdings=holdings,
        )

    def _with_roles(self, a: Agreement, holdings: tuple[RoleHolding, ...], meeting: date) -> Agreement:
        """``a`` with the role holdings its item names, and each commitment of a post (the PPT) made
        the commitment of the country in it (:mod:`rcmkg.converters.roles`)."""
        s, e = a.item.span.start, a.item.span.end
        named = [h.iri for h in holdings if any(s <= sp.start < e for sp in h.spans)]
        for m in a.mentions:
            entry = self.registry.get(m.iri)
            if entry is not None and roles.is_post(entry) and roles.holding_at(m.span, holdings) is None:
                found = roles.resolve(m, holdings, self.registry, meeting)
                if found is not None:
                    named.append(found[1])
        commitments = []
        for c in a.commitments:
            if not c.actors:
                commitments.append(c)
                continue
            actor, link = c.actors[0], None
            entry = self.registry.get(actor.iri)
            h = roles.holding_at(actor.span, holdings)
            if entry is not None and roles.is_post(entry):
                if h is not None:
                    actor, link = h.country, h.iri
                elif (found := roles.resolve(actor, holdings, self.registry, meeting)) is not None:
                    actor, link = found
            elif actor.kind == "country" and h is not None and h.country.iri == actor.iri:
                link = h.iri
            if link is None:
                commitments.append(c)
                continue
            others = tuple(x for x in c.actors[1:] if x.iri != actor.iri)
            commitments.append(replace(c, actors=(actor, *others), role_holding=link))
        if not named and commitments == list(a.commitments):
            return a
        return replace(a, commitments=tuple(commitments), holdings=tuple(dict.fromkeys(named)))

    def _lacks(self, report: ParsedReport, body: Ref, delegations: tuple[Ref, ...], place: Ref | None,
               agreements: list[Agreement], warnings: list[str], online: bool = False) -> tuple[str, ...]:
        """What the source does not say, each with one warning line: the graph records it, so that
        validation and the pages can say "the report lists no delegations" instead of nothing."""
        lacks: list[str] = []
        if body.iri.endswith("/org/unidentified-rcm-body"):
            lacks.append("body")  # its warning was given when the placeholder was minted
        if not delegations:
            lacks.append("delegations")
            warnings.append("no delegation list (no opening sentence or list names the countries attending)")
        if not report.items:
            lacks.append("items")  # parse() has warned already
        if place is None and not online:  # a meeting held online has no venue to name
            lacks.append("place")
            warnings.append("no venue named (no dateline or opening sentence names the meeting's place)")
        for a in agreements:
            for c in a.commitments:
                if c.due is not None and c.due.no_year and c.due.date is not None:
                    if "year" not in lacks:
                        lacks.append("year")
                    printed = " ".join(c.due.as_printed.split())  # one line, whatever the wrapping
                    warnings.append(f"a date read without a year: item {a.item.number} \"{printed}\""
                                    f" taken as {c.due.date.isoformat()}")
        return tuple(lacks)

    # ---- meeting-level ----------------------------------------------------------------------------

    def _body(self, report: ParsedReport, linker: Linker, warnings: list[str]) -> Ref:
        """The meeting's body: named by the opening sentence's subject, the title or the header.

        The subject's first registry body wins ("Los Viceministros de ... la Conferencia Regional"
        is the Vice-Ministerial meeting, not the Conference); in a title or header, the RCM itself
        counts only when no other body is named, since every header names the Conference. A body
        the registry does not know is minted from the subject (or a header line that names one) and
        listed as unreconciled; with no name at all, a placeholder body and a warning.
        """
        text = report.text

        def bodies(s: int, e: int) -> list[Match]:
            # acronyms alone ("TS", "RCM") do not name a meeting's body
            exact = [m for m in self.registry.find(text, {"org"}, s, e) if m.end - m.start > 12]
            # a name printed with an article more or less than the registry's ("... a la Trata de
            # Personas y Tráfico ...") where no label covers it
            loose = [m for m in self.registry.find_loose(text, {"org"}, s, e)
                     if all(m.end <= x.start or m.start >= x.end for x in exact)]
            return sorted(exact + loose, key=lambda m: (m.start, m.end)) if loose else exact

        subject = report.body
        if subject is not None and _SEVERAL_BODIES.match(subject.value):
            # "Las Redes de Funcionarios de Enlace de Protección Consular y para el Combate ..., en reunión
            # conjunta": a joint meeting; the title or header names each, the first of them holds it
            subject = None
        if subject is not None and report.header is not None and report.header.start < subject.span.start:
            # "TALLER REGIONAL SOBRE ..." heading the report, over an opening about the body that
            # asked for it ("El GRCM, reunido en Santo Domingo ..., aprobó la realización de un taller"):
            # a workshop of the Conference's
            ws = _WORKSHOP_TITLE.search(text, report.header.start, subject.span.start)
            if ws is not None and (conf := self.registry.by_slug("org", "rcm")) is not None:
                return self._organiser(text, report.header, linker) or linker.entry_ref(conf, Span(ws.start(), ws.end()))
        if subject is not None:
            found = bodies(subject.span.start, subject.span.end)
            # ("De conformidad con lo anterior, y atendiendo a la convocatoria de ... la Presidencia Pro Tempore (PPT),
            # el GRCM se reunió ...": the body its acronym names at the subject's end, after what leads up to it)
            last = [m for m in self.registry.find(text, {"org"}, subject.span.start, subject.span.end)
                    if m.end >= subject.span.end - 1 and m.end - m.start <= 12 and text[m.start - 1 : m.start] != "("
                    and not m.entry.iri.endswith(("/org/rcm", "/org/rcm-ppt", "/org/rcm-ts"))]
            if last and found and all(m.end <= last[0].start for m in found):
                return linker.ref(last[0])
            if found and all(m.entry.iri.endswith("/org/rcm-ppt") for m in found):
                # the Presidency Pro Tempore is a post, not a body: "la Reunión de Traspaso de la
                # Presidencia Pro Tempore" is the Conference's
                conf = self.registry.by_slug("org", "rcm")
                if conf is not None:
                    return linker.entry_ref(conf, Span(found[0].start, found[0].end))
            first = min(found, key=lambda m: (m.start, -(m.end - m.start))) if found else None
            if (first is not None and first.entry.iri.endswith("/org/rcm") and report.header is not None
                    and _DELEGATES_SUBJECT.match(text, subject.span.start)
                    and (held := self._header_body(report)) is not None):
                # "Representatives of the Member Countries of the Regional Conference on Migration (RCM)
                # met in Panama City ...": the delegations, not a body; the header's "Vice-Ministerial
                # Meeting" is the one that met
                return linker.ref(held)
            if (first is not None and first.entry.iri.endswith("/org/rcm")
                    and _NUMBERED_BEFORE.search(text, max(subject.span.start, first.start - 40), first.start) is not None
                    and (vmm := self.registry.by_slug("org", "rcm-vmm")) is not None):
                # "The Eighth Regional Conference on Migration (RCM) was held in Cancún ...", "La XI
                # Conferencia Regional sobre Migración se celebró ...": the Conference's numbered yearly
                # meeting, the Vice-Ministerial
                return linker.entry_ref(vmm, Span(first.start, first.end))
            if first is not None and first.entry.iri.endswith("/org/rcm"):
                # "El Grupo Ad Hoc sobre Migración Extrarregional de la Conferencia Regional sobre
                # Migración": a body of the Conference the registry does not know, named before it
                head = re.sub(r"^(?:the|la|el|los|las)\s+|[\s,]+(?:de\s+la|del|de|of\s+the|of)\s*$", "",
                              text[subject.span.start : first.start].strip(), flags=re.I)
                if _names_a_body(head):
                    at = text.index(head, subject.span.start)
                    return linker.mint("org", title_name(head), Span(at, at + len(head)))
            if (first is not None and first.end < subject.span.end and _NAME_GOES_ON.match(text, first.end, subject.span.end)
                    and _names_a_body(subject.value)):
                # "El Grupo de Trabajo Ad Hoc sobre Niñez y Adolescencia Migrante No Acompañada se reunió ...": a name the
                # registry's goes on from is another body's, minted from the subject
                name = re.sub(r"^(?:the|la|el|los|las)\s+", "", subject.value, flags=re.I)
                span = subject.span
                if (conf_at := next((m for m in self.registry.find(text, {"org"}, first.end, subject.span.end)
                                     if m.entry.iri.endswith("/org/rcm")), None)) is not None:
                    # (its name to the Conference it belongs to: "... Migrante No Acompañada de la Conferencia Regional
                    # sobre Migración (CRM)")
                    head = re.sub(r"[\s,]+(?:de\s+la|del|de|of\s+the|of)\s*$", "", text[subject.span.start : conf_at.start], flags=re.I)
                    name = re.sub(r"^(?:the|la|el|los|las)\s+", "", clean(head), flags=re.I)
                    span = Span(subject.span.start, subject.span.start + len(head))
                return linker.mint("org", title_name(name), span)
            if first is not None:
                return linker.ref(first)
            if (short := self._named_in_full(report, subject.value)) is not None:
                # "La Red de Funcionarios de Enlace se reunió ..." under the title that names it in full
                return linker.ref(short)
            if (longer := _longer_in_title(text, report, subject.value)) is not None:
                # "el Grupo de Trabajo Ad Hoc se reunió ..." under "INFORME DE LA REUNIÓN VIRTUAL DEL GRUPO DE
                # TRABAJO AD HOC SOBRE NIÑEZ Y ADOLESCENCIA MIGRANTE": the name the title gives it in full
                name, name_at = longer
                return linker.mint("org", title_name(name), name_at)
            if _names_a_body(subject.value):
                name = re.sub(r"^(?:the|la|el|los|las)\s+", "", subject.value, flags=re.I)
                return linker.mint("org", title_name(name), subject.span)
        offices: list[Match] = []  # the Secretariat named in a header ("Minutes: Technical Secretariat")
        conference: list[Match] = []  # the Conference named in a title or header
        for loc in (report.title, report.header):
            if loc is None:
                continue
            span = loc.span if not isinstance(loc, Span) else loc
            # a post or the Secretariat named in the header ("Chair: ... (Presidency Pro Tempore)",
            # "Minutes: Technical Secretariat") holds the meeting only when no body is named
            found = [m for m in bodies(span.start, span.end) if not m.entry.iri.endswith(("/org/rcm-ppt", "/org/rcm-ts"))
                     # (nor an organisation on the venue's line: "Venue: Permanent Mission of El Salvador to the OAS")
                     and not _VENUE_LINE.match(text, text.rfind("\n", 0, m.start) + 1)]
            offices += [m for m in bodies(span.start, span.end) if m.entry.iri.endswith("/org/rcm-ts")]
            own = [m for m in found if not m.entry.iri.endswith("/org/rcm")]
            if own:
                first_own = min(own, key=lambda m: (m.start, -(m.end - m.start)))
                # a header line naming a body the registry does not know, above the first it knows ("Ad
                # Hoc Working Group on Extra-Regional Migration" over a list of participants naming RNCOM)
                line = self._body_line(report) if loc is report.header else None
                if line is not None and line[1].end <= first_own.start:
                    return linker.mint("org", *line)
                workshop = _WORKSHOP.search(text, span.start, first_own.start)
                if workshop is not None and (conf := self.registry.by_slug("org", "rcm")) is not None:
                    # "REGIONAL WORKSHOP ON ..." over the report: a workshop of the Conference's, not of the
                    # first body its background names ("At the Fifteenth Vice-Ministerial Meeting, ..."),
                    # unless one of its bodies organised it
                    return (self._organiser(text, span, linker) if report.header is not None else None) or linker.entry_ref(
                        conf, Span(workshop.start(), workshop.end()))
                return linker.ref(first_own)
            conference = conference or found
        if report.header is not None and conference:
            # only the Conference itself: a header line naming a body it does not know ("Ad Hoc
            # Working Group on Labour Migration" under "Regional Conference on Migration") is the body
            line = self._body_line(report)
            return linker.mint("org", *line) if line is not None else linker.ref(min(conference, key=lambda m: (m.start, -(m.end - m.start))))
        line = self._body_line(report)
        if line is not None:
            return linker.mint("org", *line)
        if offices:
            return linker.ref(offices[0])
        warnings.append("body not recognised (no title, header line or opening sentence names one)")
        anchor = report.date.span
        return linker.mint("org", "Unidentified RCM body", Span(anchor.start, anchor.start))

    def _header_body(self, report: ParsedReport) -> Match | None:
        """The first body other than the Conference itself that the header names."""
        if report.header is None:
            return None
        named = [m for m in self.registry.find(report.text, {"org"}, report.header.start, report.header.end)
                 if not m.entry.iri.endswith(("/org/rcm", "/org/rcm-ppt", "/org/rcm-ts")) and m.end - m.start > 12]
        return min(named, key=lambda m: (m.start, -(m.end - m.start))) if named else None

    def _named_in_full(self, report: ParsedReport, name: str) -> Match | None:
        """The body the title or header names whose name starts with ``name``, a subject that shortens
        it ("la Red de Funcionarios de Enlace" for the title's "RED DE FUNCIONARIOS DE ENLACE PARA EL
        COMBATE AL TRÁFICO ..."): the first such; None when none does."""
        short = " ".join(re.sub(r"^(?:the|la|el|los|las)\s+", "", name, flags=re.I).lower().split())
        if len(short) < 8 or report.header is None:
            return None
        for m in self.registry.find(report.text, {"org"}, report.header.start, report.header.end):
            if any(" ".join(label.lower().split()).startswith(short) for label in m.entry.labels):
                return m
        return None

    def _organiser(self, text: str, header: Span, linker: Linker) -> Ref | None:
        """The body of the Conference's that a workshop's report says organised it ("El taller fue
        organizado por la Red con el apoyo de ...", "organised by the Liaison Officer Network ..."): a
        Network, Group or Coalition, named there or before ("la Red"). Not the Presidency, the
        Secretariat or a partner organisation: their workshops are the Conference's."""
        for m in _ORGANISED_BY.finditer(text, header.start, header.end):
            at = m.end()
            named = [x for x in self.registry.find(text, {"org"}, at, min(header.end, at + 200)) if x.start == at]
            if named:
                first = max(named, key=lambda x: x.end - x.start)
                if set(first.entry.label().split()) & set(_ANAPHOR_HEADS.values()):
                    return linker.ref(first)
                continue
            if (am := _CELL_BODY.match(text, at)) is None:
                continue
            head = _ANAPHOR_HEADS[am.group(1).lower()]
            before = [x for x in self.registry.find(text, {"org"}, header.start, at) if head in x.entry.label().split()]
            if before:
                return linker.ref(before[-1])
        return None

    def _body_line(self, report: ParsedReport) -> tuple[str, Span] | None:
        """A body the registry does not know, named by the first header line that names one (minted
        by the caller only when taken: a name tried and dropped is no organisation of the report's)."""
        if report.header is None:
            return None
        text = report.text
        for line in re.finditer(r"[^\r\n]+", text[report.header.start : report.header.end]):
            hm = BODY_LINE.search(line.group(0))
            if hm:
                s = report.header.start + line.start() + hm.start()
                e = report.header.start + line.start() + hm.end()
                # (to what the line adds after it: "Ad Hoc Working Group on Labour Migration - summary and action
                # items (Mexico City, 26 July 2016)" in an e-mail's subject)
                rest = _AFTER_NAME.search(text, s, e)
                if rest is not None and (listed := _LISTED_IN_NAME.match(text, rest.start(), e)) is not None:
                    # (but a name that lists its subjects: "Ad Hoc Working Group on Migration, Climate Change and Disasters")
                    rest = _AFTER_NAME.search(text, listed.end(), e)
                if rest is not None:
                    e = rest.start()
                name = clean(text[s:e])
                return title_name(name), Span(s, e)
        return None

    def _org_ref(self, loc: object, linker: Linker) -> Ref | None:
        from rcmkg.model import Located

        assert isinstance(loc, Located)
        ms = self.registry.find(loc.value, {"org"})
        if ms:
            best = max(ms, key=lambda m: m.end - m.start)
            return linker.entry_ref(best.entry, loc.span)
        return None

    def _places(self, report: ParsedReport, linker: Linker) -> tuple[Ref | None, Ref | None, tuple[Ref, ...]]:
        def place_ref(p: object) -> Ref:
            from rcmkg.model import Place

            assert isinstance(p, Place)
            city = fold(p.city)
            for e, folded in self._place_labels():
                named = city in folded
                if p.country:
                    cc = p.country.lower()
                    if e.iri.endswith(f"/place/{cc}/{slugify(p.city)}") or (named and f"/place/{cc}/" in e.iri):
                        return linker.entry_ref(e, p.span)
                elif named:  # no country printed: the city's name alone
                    return linker.entry_ref(e, p.span)
            key = f"{(p.country or 'xx').lower()}/{slugify(p.city)}"
            iri = f"{self.iris.id}place/{key}"
            linker.minted.setdefault(iri, Minted(iri, "place", p.city))
            return Ref(iri, "place", p.city, p.span, known=False)

        if report.place is None:
            return None, None, ()
        main = place_ref(report.place)
        country = linker.country(report.place.country, report.place.span) if report.place.country else None
        # (another place's name may be the venue's own, spelt otherwise: "Washington" and "Washington, D.C.")
        others = [r for r in (place_ref(o) for o in report.other_places) if r.iri != main.iri]
        return main, country, tuple(others)

    def _unknown_orgs(self, text: str, named: list[Match], linker: Linker, body: Ref) -> tuple[Ref, ...]:
        """Organisations the registry does not know, minted (and so listed as unreconciled)."""
        known = [(m.start, m.end) for m in named]
        out = []
        for h in find_unknown_orgs(text, known):
            if fold(h.name) == fold(body.label):
                continue  # the report's own body, already minted from its title
            out.append(linker.mint("org", h.name, Span(h.start, h.end)))
        return tuple(out)

    def _acronyms_given(self, text: str, named: list[Match], linker: Linker) -> tuple[Ref, ...]:
        """A known actor's acronym that the report gives it ("la Secretaría Técnica de la CRM (STCRM)")
        and the registry does not: each later use of it ("Responsable: STCRM") names that actor."""
        given: dict[str, Match] = {}
        at = {(x.start, x.end) for x in named}
        for m in named:
            if m.entry.kind in ACTOR_KINDS and (am := _GIVEN_ACRONYM.match(text, m.end)) is not None:
                # (not one the registry knows: "(OIM)" is a name found in the text already)
                if (am.start(1), am.end(1)) not in at:
                    given.setdefault(am.group(1), m)
        if not given:
            return ()
        taken = sorted((m.start, m.end) for m in named)
        starts = [a for a, _ in taken]
        reach = list(itertools.accumulate((b for _, b in taken), max))  # the furthest end of the names so far
        out = []
        # (in the source's text: a table's cells may be blanked in the text read, and their offsets are its)
        source = self._cells_text if self._cells_text is not None else text
        # (one pass over the text for all of them: a text that gives thousands of acronyms is read once)
        for u in _ACRONYM_USE.finditer(source):
            named_by = given.get(u.group(1))
            k = bisect.bisect_left(starts, u.end()) - 1  # the last name starting before the use ends
            if named_by is not None and not (k >= 0 and reach[k] > u.start()):
                out.append(linker.entry_ref(named_by.entry, Span(u.start(1), u.end(1))))
        return tuple(out)

    def _mentions(self, report: ParsedReport, linker: Linker, body: Ref, newcomers: tuple[Ref, ...] = ()) -> tuple[Ref, ...]:
        text = report.text
        seen: dict[str, Ref] = {body.iri: body}
        # (a known name inside the minted body's own, "Grupo de Trabajo Ad Hoc sobre Niñez y Adolescencia Migrante" in
        # "... Migrante No Acompañada", is no mention of that other body)
        own = " ".join(body.label.split()).casefold() if not body.known else ""
        for m in self.registry.find_all(text, {"org"}):
            if own and " ".join(text[m.start : m.start + 2 * len(own)].split()).casefold().startswith(own):
                continue
            seen.setdefault(m.entry.iri, linker.ref(m))
        for r in newcomers:
            seen.setdefault(r.iri, r)
        return tuple(sorted(seen.values(), key=lambda r: (r.span.start, r.iri)))

    def _outside_tracks(self, report: ParsedReport, named: list[Match], linker: Linker) -> tuple[Ref, ...]:
        """Tracked items named outside the items: in the header or an annex (an excerpt's slides)."""
        inside = _union((i.span.start, i.span.end) for i in report.items)
        starts = [s for s, _ in inside]
        out: list[Ref] = []
        for m in named:
            k = bisect_right(starts, m.start) - 1  # a search, not a scan: items x mentions was quadratic
            if k >= 0 and m.start < inside[k][1]:
                continue
            if m.entry.kind == "track":
                out.append(linker.ref(m))
            elif m.entry.kind in ("doc", "org"):
                for t in self.registry.tracks_of(m.entry):
                    te = self.registry.get(t)
                    if te is not None:
                        out.append(linker.entry_ref(te, Span(m.start, m.end)))
        return _dedupe(out)

    # ---- items ------------------------------------------------------------------------------------

    def _agreement(self, text: str, item: Item, parent: Agreement | None, linker: Linker, meeting: date, body: Ref,
                   newcomers: tuple[Ref, ...] = ()) -> Agreement:
        act = classify(item.text, parent.item.text if parent else None, parent.act if parent else None)
        requester = None
        if parent is not None and re.search(r"\b(?:requested|asked|request)\s*:\s*$", parent.item.text):
            tail_start = parent.item.span.end - 60
            requester = next((a for a in reversed(parent.mentions) if a.span.start >= tail_start), None) or body
        tasked = None
        if parent is not None and re.search(r"\b(?:to|que|para\s+que|tasks|tareas|actions|acciones)\s*:\s*$"
                                            # "To request the Technical Secretariat:" (its tasks under it)
                                            r"|\b(?:request|instruct|entrust|ask|urge|encomendar|solicitar|instruir|pedir)\b[^.;:]{0,80}:\s*$"
                                            # (a communiqué's "Encomendaron al GRCM:", "The Vice-Ministers instructed
                                            # the RCGM:"; not "Member Countries requested:", who asked)
                                            r"|\b(?:requested|instructed|entrusted|asked|urged|mandated|encomend(?:aron|[oó])|"
                                            r"encarg(?:aron|[oó])|solicit(?:aron|[oó])|instruy(?:eron|[oó])|pidi(?:eron|[oó]))\b[^.;:]{3,80}:\s*$",
                                            parent.item.text, re.I):
            # "To instruct the RCGM to:", "Solicitar a la ST que:", "Encomendar a la ST ... las
            # siguientes tareas:": the request the lead-in ends with
            tasked = next((c for c in reversed(parent.commitments) if c.kind == "request" and c.actors
                           and c.span.end >= parent.item.span.end - 80), None)
            if tasked is None and parent.act == "request" and parent.addressees:
                # "To request the Technical Secretariat:" names whom, and its list what: no commitment of
                # its own to take the request from
                tasked = Commitment(0, "request", parent.addressees[:1], "", "other", parent.item.span, (), body,
                                    None, None, False)
            if tasked is None and (lm := _TASKING_TAIL.search(text, max(parent.item.span.start, parent.item.span.end - 120),
                                                              parent.item.span.end)):
                # "Tomar nota del informe ... Al respecto, los Países Miembros acordaron solicitar a la ST:",
                # "... y encomendar a dicha Red:": whom the lead-in's last clause tasks, after another act
                ts, te = lm.end(1), parent.item.span.end
                whom = _dedupe([linker.ref(m) for m in linker.registry.find(text, ACTOR_KINDS, ts, te) if m.entry.kind in ACTOR_KINDS])
                if not whom and (am := _TASKED_ANAPHOR.search(text, ts, te)):
                    head = _ANAPHOR_HEADS[am.group(1).lower()]  # "dicha Red": the Network named before it
                    whom = tuple([a for a in parent.mentions if a.kind == "org" and head in a.label.split()][-1:])
                if whom:
                    tasked = Commitment(0, "request", whom, "", "other", parent.item.span, (), body, None, None, False)
        if (tasked is None and parent is not None and parent.mentions and _AGREED_TO.search(parent.item.text)
                and parent.mentions[0].span.start - parent.item.span.start <= 5 and parent.mentions[0].iri != body.iri):
            # "Member Countries agreed to:" over "a) send to the TS ...": each task theirs, a pledge
            tasked = Commitment(0, "pledge", (parent.mentions[0],), "", "other", parent.item.span, (), None, None, None, False)
        if (tasked is None and parent is not None and parent.item.parent is None and parent.item.text.endswith(":")
                and len(parent.item.text) < 80 and parent.mentions and (_WILL.match(item.text) or COMMITMENTS_OF.match(parent.item.text))):
            # ("Compromisos de la ST:" over "1. Circular ...": the ST's)
            # "Mexico:" over "- will share ... (by 15 July);": the heading's actors pledge what each line says
            tasked = Commitment(0, "pledge", parent.mentions, "", "other", parent.item.span, (), None, None, None, False)
        ie = _ItemExtractor(text, item, linker, meeting, body, requester,
                            [r for r in newcomers if item.span.start <= r.span.start < item.span.end
                             or any(c.start <= r.span.start < c.end for _, c in item.cells)], tasked, self._cells_text,
                            parent.mentions if parent is not None else ())
        mentions = _dedupe(ie.actors)
        addressees = self._addressees(text, item, act, ie)
        documents = self._documents(text, item, linker)
        tracks = self._tracks(text, item, act, documents, mentions, linker)
        if not tracks and parent is not None:
            tracks = tuple(Ref(t.iri, t.kind, t.label, item.span, t.known) for t in parent.tracks)
            inherited = True
        else:
            inherited = False
        commitments = tuple(ie.commitments())
        stages = self._stages(text, item, tracks, inherited, commitments, meeting)
        if parent is not None and not inherited and parent.item.text.rstrip().endswith(":"):
            # A listed document ("sharing the following documents for distribution: a. ... b. ...")
            # is at the stage its lead-in sentence reports.
            lead = _sentences(text, parent.item.span.start, parent.item.span.end)[-1]
            staged = {sc.track for sc in stages}
            bare = tuple(tr for tr in tracks if (e := self.registry.get(tr.iri)) is not None and e.slug not in staged)
            stages += self._stages(text, item, bare, True, (), meeting, sentences=[lead])
        return Agreement(item, act, addressees, mentions, documents, tracks, commitments, stages)

    def _addressees(self, text: str, item: Item, act: str, ie: _ItemExtractor) -> tuple[Ref, ...]:
        s, e = item.span.start, item.span.end
        seg = text[s:e]
        if act == "thanks":
            # (whom, before what for: "Agradecer al Gobierno de X por ... a todas las delegaciones")
            m = re.search(r"\b(?:for|on|regarding|por|sobre)\b", seg)
            lim = s + (m.start() if m else min(len(seg), 200))
            named = [a for a in ie.agents if s <= a.span.start < lim]
            # a generic collective after the one thanked is whom something was given to ("Agradecer a
            # Nicaragua la organización ... y el apoyo brindado a las delegaciones"), not thanked
            return _dedupe([a for k, a in enumerate(named) if k == 0 or not GENERIC_COLLECTIVE.fullmatch(text, a.span.start, a.span.end)])
        if act == "request":
            # (to what is asked: "to prepare", "que elabore")
            m = re.search(r"\bto\s+[a-z]|\bque\b", seg[3:])
            lim = s + 3 + (m.start() if m and m.group(0) != "que" else min(m.start() if m else len(seg), len(seg) - 3, 120))
            return _dedupe([a for a in ie.agents if s <= a.span.start < lim])
        if act == "take-note":
            m = re.search(r"\b(?:by|from|of)\s+(?:the\s+)?", seg)
            if m:
                a = ie.actor_at(s + m.end())
                return (a,) if a else ()
        return ()

    def _documents(self, text: str, item: Item, linker: Linker) -> tuple[Ref, ...]:
        s, e = item.span.start, item.span.end
        out: list[Ref] = []
        known = [m for m in self.registry.find(text, {"doc", "org", "country", "place", "track", "collective"}, s, e)]
        for m in known:
            if m.entry.kind == "doc":
                out.append(linker.ref(m))
        taken = [(m.start, m.end) for m in known if m.entry.kind in ("doc", "org")]
        # A document referred to by its head noun and qualifiers ("the comparative matrixes on
        # legislation relating to migrant smuggling", "the indicators developed by IOM ... Palermo
        # Protocols"): the registry document of that kind whose name shares the most distinctive words.
        for hm in HEAD_NOUN.finditer(text, s, e):
            if any(ts <= hm.start() < te for ts, te in taken):
                continue
            entry = self._by_head_noun(text, hm.start(), hm.end(), e)
            if entry is not None and all(r.iri != entry.iri for r in out):
                out.append(linker.entry_ref(entry, Span(hm.start(), hm.end())))
                taken.append((hm.start(), hm.end()))
        cands: list[tuple[int, int]] = []
        for qm in QUOTED.finditer(text, s, e):
            cands.append((qm.start(1), qm.end(1)))
        for tm in TITLED.finditer(text, s, e):
            title = tm.group(0)
            tail = TITLE_TAIL.search(title)
            if tail:
                title = title[: tail.start()]
            words = title.split()
            caps = sum(1 for w in words if w[:1].isupper())
            if len(words) >= 3 and caps >= 2 and words[0][:1].isupper():
                cands.append((tm.start(), tm.start() + len(title)))
        for cs, ce in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[0])):
            title = clean(ARTEFACT.sub("", text[cs:ce])).strip(" .,;:")
            if any(cs < te and ts < ce for ts, te in taken):
                continue
            if not re.search(DOC_HEADS, title, re.I) and not re.search(r"\b(report|meeting|informe)\b", title, re.I):
                continue
            title = re.sub(r"^(?:the|its|their|a|an)\s+", "", title, flags=re.I)
            taken.append((cs, ce))
            out.append(linker.mint("doc", title, Span(cs, ce), _doctype(title)))
        return _dedupe(sorted(out, key=lambda r: r.span))

    def _place_labels(self) -> list[tuple[Entry, frozenset[str]]]:
        """The registry's places (sorted by IRI) with their labels folded, built once per registry."""
        places = _PLACE_LABELS.get(self.registry)
        if places is None:
            places = _PLACE_LABELS[self.registry] = [
                (e, frozenset(fold(lbl) for lbl in e.labels)) for e in self.registry.of_kind("place")]
        return places

    def _signatures(self) -> list[tuple[str, frozenset[str], Entry]]:
        """(doctype, distinctive words of its names, entry) of every registry document, built once per
        registry (an Extractor is made per report; the registry is loaded once per process)."""
        if self._sigs is None:
            self._sigs = _SIGNATURES.get(self.registry)
        if self._sigs is None:
            sigs = []
            for entry in self.registry.of_kind("doc"):
                doctype = (entry.get(RCM_NS + "documentType") or [""])[0].rsplit("/", 1)[-1]
                words: set[str] = set()
                for label in entry.labels:
                    words |= _content_words(label)
                for creator in entry.get(DCT_NS + "creator"):  # its author's name is scored on its own
                    author = self.registry.get(creator)
                    for label in author.labels if author is not None else ():
                        words -= _content_words(label)
                sigs.append((doctype, frozenset(words), entry))
            self._sigs = _SIGNATURES[self.registry] = sigs
        return self._sigs

    def _by_head_noun(self, text: str, hs: int, he: int, limit: int) -> Entry | None:
        doctype = _doctype(text[hs:he])
        before = text[max(0, hs - 40) : hs].split()[-3:]  # "comparative", "protection", "proposed"
        if before and before[-1].lower() in ANAPHORIC:
            return None  # "these indicators": a reference back, not a description
        after = re.match(r"[^.;:]{0,160}", text[he:limit])
        phrase = _content_words(" ".join(before) + " " + (after.group(0) if after else ""))
        # its author named right after the head noun ("the action lines worked by the Coalition",
        # "the indicators developed by IOM") says which document as much as two words of its name
        window = re.match(r"(?:\s+\S+){0,5}", text[he:limit])
        near = {m.entry.iri for m in self.registry.find(text, {"org"}, he, he + (window.end() if window else 0))}
        scored = sorted(((len(phrase & words) + 2 * bool(near & set(entry.get(DCT_NS + "creator"))), entry.iri, entry)
                         for dt, words, entry in self._signatures() if dt == doctype), key=lambda x: (-x[0], x[1]))
        if not scored or scored[0][0] < 2 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            return None  # too little said, or two documents fit as well
        return scored[0][2]

    def _tracks(self, text: str, item: Item, act: str, documents: tuple[Ref, ...], mentions: tuple[Ref, ...], linker: Linker) -> tuple[Ref, ...]:
        s, e = item.span.start, item.span.end
        out: list[Ref] = []
        for m in self.registry.find(text, {"track", "doc", "org", "country", "collective", "place"}, s, e):
            if m.entry.kind == "track":
                out.append(linker.ref(m))
        for d in documents:
            entry = self.registry.get(d.iri)
            if entry is not None:
                for t in self.registry.tracks_of(entry):
                    te = self.registry.get(t)
                    if te is not None:
                        out.append(linker.entry_ref(te, d.span))
        for o in mentions:
            entry = self.registry.get(o.iri)
            if entry is not None and entry.kind == "org":
                for t in self.registry.tracks_of(entry):
                    te = self.registry.get(t)
                    if te is not None:
                        out.append(linker.entry_ref(te, o.span))
        # The standing item: delegations thanked for their reports on progress and practices.
        countries = {m.iri for m in mentions if m.kind == "country"}
        if act == "thanks" and len(countries) >= 3 and re.search(r"\bdelegations?\b", item.text, re.I):
            te = self.registry.by_slug("track", "country-progress-reports")
            if te is not None:
                out.append(linker.entry_ref(te, item.span))
        return _dedupe(out)

    def _stages(self, text: str, item: Item, tracks: tuple[Ref, ...], inherited: bool, commitments: tuple[Commitment, ...],
                meeting: date, sentences: list[tuple[int, int]] | None = None) -> tuple[StageClaim, ...]:
        from rcmkg.namespaces import RCM

        out: list[StageClaim] = []
        lead_in = sentences is not None  # the parent's lead-in sentence, which names no document itself
        sentences = sentences if sentences is not None else _sentences(text, item.span.start, item.span.end)
        for tr in tracks:
            entry = self.registry.get(tr.iri)
            if entry is None or not entry.get(RCM + "primaryDocument"):
                continue  # work streams without a document have no document life cycle
            for ss, se in sentences:
                where = [
                    m.start for m in self.registry.find(text, {"track", "doc"}, ss, se)
                    if ss <= m.start < se and (m.entry.iri == tr.iri or tr.iri in self.registry.tracks_of(m.entry))
                ]
                named = bool(where)
                if not where and ss <= tr.span.start < se and not inherited:
                    where = [tr.span.start]
                sent = clean(text[ss:se])
                if where and not lead_in:
                    focus = _conjunct_about(text, ss, se, where[0])
                    if focus is None:
                        continue  # the sentence names the item, but its stage words are about something else
                    sent = focus
                # (a lead-in speaks for every document listed under it)
                if not lead_in and inherited and not (named or ANAPHOR.search(sent)):
                    continue  # a sub-item's sentence about something else ("priority actions to be implemented")
                if not lead_in and not inherited and not where:
                    continue
                # "Regarding the application of the indicators, the TS will resend...": the topic
                # phrase states where the item is; the main clause is about something else.
                topic = TOPIC.match(sent)
                about = topic.group(1) if topic and _stage_of(topic.group(1)) else sent
                stage = _stage_of(about)
                if stage is None:
                    continue
                if CONDITIONAL.search(about) and STAGE_RANK[stage] > STAGE_RANK["submitted"]:
                    continue  # "implementation ... once approved": contingent, not a stage the item is at
                modality = _modality(about, item.text, stage)
                when, end, printed = self._stage_when(text, ss, se, meeting, stage, modality)
                via = next((c.n for c in commitments if ss <= c.span.start < se), None)
                actors = next((c.actors for c in commitments if c.n == via), ()) if via else ()
                out.append(StageClaim(entry.slug, stage, modality, Span(ss, se), when, end, printed, actors, via))
        return tuple(out)

    def _stage_when(self, text: str, ss: int, se: int, meeting: date, stage: str, modality: str) -> tuple[date | None, date | None, str | None]:
        seg = text[ss:se]
        if modality == "done":
            m = DAY_MONTH.search(seg)
            if m:
                mon = MONTHS[m.group(3).lower()]
                day = int(m.group(1))
                # The year is not printed: the latest such day on or before the meeting.
                year = meeting.year if (mon, day) <= (meeting.month, meeting.day) else meeting.year - 1
                try:
                    start = date(year, mon, day)
                    end = date(year, mon, int(m.group(2))) if m.group(2) else None
                    return start, end, m.group(0)
                except ValueError:
                    pass
            return None, None, None
        dues = [d for d in find_due(seg, meeting) if d.date is not None]
        if dues:
            d = dues[0]
            return (d.period_start if d.period_start and not d.derived else d.date), (d.date if d.period_start and not d.derived else None), d.text
        return None, None, None


# The last clause of a lead-in that tasks whom it names with what its list says ("... acordaron
# solicitar a la ST:", "and to entrust the Network:").
_TASKING_TAIL = re.compile(r"\b(request|instruct|entrust|ask|urge|encomendar|solicitar|instruir|pedir|encargar)(?:le|les)?\b[^.;:]{0,80}:\s*$",
                           re.I)


def _longer_in_title(text: str, report: ParsedReport, name: str) -> tuple[str, Span] | None:
    """The body's name as the report's first lines give it in full, where the subject ``name`` is its
    start (to the end of that line), or None."""
    short = re.sub(r"^(?:the|la|el|los|las)\s+", "", name, flags=re.I).strip()
    # (a name cut short ends with its kind's words, "Grupo de Trabajo Ad Hoc", "Working Group"; one that
    # names its subject, "... on Labour Migration", is whole)
    if len(short) < 8 or report.header is None or short.split()[-1].lower() not in _KIND_WORDS:
        return None
    head = text[report.header.start : min(report.header.end, report.header.start + 3000)]
    found = [m for m in re.finditer(re.escape(short) + r"(?P<rest>[ \t]+[^\n.;:(),]{3,120})", head, re.I) if _names_a_body(m.group(0))]
    if not found:
        return None
    # (as printed in mixed case where it is: "el Grupo de Trabajo Ad Hoc sobre Niñez y Adolescencia Migrante
    # acordó", not only the title's capitals)
    m = next((x for x in found if not x.group(0).isupper()), found[0])
    # (to the name's last capitalised word: "... Adolescencia Migrante acordó revisar sus ..." ends at
    # "Migrante"; "de", "sobre", "y" join its words)
    end_at = m.start()
    for w in re.finditer(r"\S+", m.group(0)):
        word = w.group(0)
        if ((word[:1].islower() and word.lower() not in _NAME_JOINERS) or word.strip("()").lower() in ("conferencia", "conference", "crm", "rcm")
                or word in ("-", "\u2013", "\u2014")):  # (nor "... Labour Migration - summary and action items")
            break  # (nor "... Migración Laboral de la Conferencia Regional ...": the Conference's, no part of it)
        end_at = m.start() + w.end()
    start = report.header.start + m.start()
    end = report.header.start + end_at
    while end > start and text[end - 1] in " ,":
        end -= 1
    # (a joiner left at the end, "... Migrante y", is none of it)
    while (tail := re.search(r"\s+(\S+)$", text[start:end])) is not None and tail.group(1).lower() in _NAME_JOINERS:
        end = start + tail.start()
    return (text[start:end], Span(start, end)) if _names_a_body(text[start:end]) else None


_KIND_WORDS = frozenset({"group", "grupo", "hoc", "network", "red", "enlace", "coalition", "coalición", "coalicion", "trabajo", "working"})
_NAME_JOINERS = frozenset({"de", "del", "la", "las", "los", "el", "y", "e", "sobre", "para", "en", "contra", "of", "the", "and", "on",
                           "for", "against", "in", "to", "ad", "hoc"})


def _dedupe(refs: list[Ref] | tuple[Ref, ...]) -> tuple[Ref, ...]:
    seen: set[str] = set()
    out = []
    for r in refs:
        if r.iri not in seen:
            seen.add(r.iri)
            out.append(r)
    return tuple(out)
