"""Text -> report structure: header facts (body, place, dates, attendance) and the numbered items.

Reports come out of Word with their artefacts: lost list numbering, page headers repeated in the
middle of a list, ``[bookmark: _GoBack]`` markers, hard-wrapped lines, a dateline after the items
and slides annexed to an excerpt. The rules here are about the genre, not about one sample:

* paragraphs are blank-line separated blocks; inside a block a line that starts with a list marker
  starts a new paragraph, any other line continues the previous one unless that one ended a sentence;
* a short block that occurs twice or more (a running page header) is dropped; one with a year in
  it from its third time (a dateline may be printed twice, a page header is on every page);
* a section headed as the agreements ("III. ACUERDOS", "5. Acuerdos", "Agreements") holds the
  items: it runs to the next heading of its numbering ("IV. ASUNTOS VARIOS"), or, unnumbered, to a
  heading of another kind of section ("Pending items ...", "Participants");
* items run from the first marked paragraph to the first dateline or "Annex" heading after it; a
  line that starts in lower case ("y lo presenten ... el 30 de septiembre de 2023.") is no dateline;
* a declaration's preambular paragraphs ("Recognizing ...;", "Reafirmando ...,", "Que ...;") are no
  items, nor its title; before a lead-in ("RESUELVEN:", "agree:") right above the list, no
  unnumbered paragraph is an item;
* a number and a tab start a row of a Word table flattened to text ("3\tRemitir ...\tOIM"); so do
  ordinals ("PRIMERO.-"; "First, to ...", or "Seventh, with ..." where "First," and "Second," open
  paragraphs), named numbers ("Acuerdo 3:", "ACUERDO No. 7", "AP1 –", alone on a line or not), and
  decimal sub-items without a final dot when a capital follows ("1.1 To approve");
* paragraphs numbered as a whole, the opening sentence the first ("1. The Group met in ..."): the
  agreements are the list a numbered lead-in introduces ("9. ... the following conclusions:");
* a numbered line in capitals ends its paragraph when a sentence starts under it (a topic and its
  narrative); a lead-in to earlier meetings' agreements ("The TS presented the status of ...:")
  introduces no items;
* page numbers ("- 2 -"), superscript footnotes and Markdown heading marks are no item's text;
* a row of a table of agreements or actions ("N.º\tAcuerdo\tResponsable\tFecha límite", "| # |
  Action | Responsible | Deadline |") is an item whose text is its agreement cell and whose other
  cells give its commitment's actors and due date (``Item.cells``);
* a list of participants under its heading names the delegations: the countries that start its
  lines, but those under an observers' heading;
* a word hyphenated at a line end ("Mi-" / "grantes") is read whole; a rule ("-----") separates;
* a list of participants heading ends the items; a form feed (a page break) ends a paragraph; a
  numbered heading in capitals among the items ("A. MIGRATION AND DEVELOPMENT") is no item;
* a "Responsable: ... Plazo: ..." line under an item gives its commitment, as a table's columns do;
* in a report made of numbered sections with narrative under them, the agreements are the lists
  that lead-ins introduce ("... the RCGM agreed: (a) ... (e)");
* when no opening sentence or list of participants names the delegations, the first paragraph that
  says who took part does; the absent ("sent its apologies", "se excusó", "Ausente") and the
  observers ("as observer countries", "en calidad de observadores") are left out; a list may stand
  under a lead-in sentence ("Participaron ... las siguientes delegaciones:") or in a table's cells
  without a colon ("Present Belize, Canada, ...");
* the first of paragraphs numbered as a whole may be the opening sentence; a subject holding a
  sentence break ("Estado: Cumplido. El Grupo sesionó ...") is none;
* an enumeration inside one paragraph, after a colon ("agreed: First, ...; Second, ...: (a) ...;
  and (b) ..."), is cut into its members;
* a file with two language versions, each under a version heading ("VERSIÓN EN ESPAÑOL", "ENGLISH
  VERSION") or in a table's two columns ("ESPAÑOL | ENGLISH"), is parsed once per version
  (:func:`language_versions`); one that gives each paragraph and then its translation is read in
  its first language, the translations blanked (:func:`_interleaved_versions`);
* a Word table's rows as the .docx reader writes them ("1 | To thank ... | PPT | 30 April 2016") are
  rows; Word's bullets of a second level (a glyph of their own) and dashes under round bullets nest;
* "Compromiso 1 (Responsable: OIM; Plazo: marzo 2023):" and "... [Responsible: TS; by 15 March
  2022]" give an item's commitment; "Acuerdo GRCM-2019-05:", a scan's "Acuerdo l.-" are markers;
* agreements may stand in an annex ("ANNEX II - AGREEMENTS ADOPTED"), under "Outcomes" or
  "Recommendations to the Vice-Ministers"; "3.1" ... "3.14" keep their printed numbers;
* a report organised by agenda point, each point's narrative ("Desarrollo: ...") followed by
  "Acuerdo: ..." or "Acuerdos:" over a list, has those blocks' agreements as its items
  (:func:`_labelled_blocks`); one without a list, whose section on the "Discussion and agreements"
  says in running prose what was agreed, has those sentences (:func:`_agreed_sentences`);
* lettered recommendations counted on across sections of narrative ("A." under the first section's
  narrative, "B." under the second's) are the items, the narrative none (:func:`_narrative_between`);
* a table row's text cell that holds a lead-in and "a) ...; b) ..." gives sub-items, and the row's
  other cells, where they name the same letters, give each its part (:func:`_row_members`);
* a label or lead-in ending in ":" ("Se acordó:") is no running header however often it is printed,
  nor is a venue's line printed twice ("San José, Costa Rica"); a hard-wrapped numbered line that
  the next line's first word would have fitted on ended by choice: a heading over its narrative;
* a sentence introducing "the following agreements" is a lead-in, whatever its last stop;
* "(as observer)" is said of the one country before it; an opening sentence that starts with where
  and when ("En la Ciudad de Guatemala, ..., se celebró la Segunda Reunión del Grupo ...") names
  its body after "la Reunión del" / "the Meeting of";
* minutes that mark each agreement "AGREED:" have those paragraphs as items, with the "ACTION:"
  lines under each; a note transmitting a meeting's agreements ("PARA: / DE: / ASUNTO: / FECHA:")
  is read for the meeting its agreements' heading names (:func:`_memo_end`); a "Summary of
  agreements" before the agreements in full is not their section; a named marker ("Acuerdo 3:",
  "AP4 –") keeps its printed number;
* a lead-in paragraph ending in ":" right before a sub-level list is an item too (an excerpt's);
* levels come from the order in which marker styles first appear (as outline tools do); when a
  decimal sequence repeats its first value ("1. 1. 1. 2. 2. 1."), Word's numbering was lost: the
  repeated value marks top-level items and the other values their sub-items; lists that start
  again at 1 each counting on ("1 2 3", "1 2", "1 2 3" under working groups) are no lost levels;
* conclusions that state findings before recommendations leave the recommendations
  (:func:`_findings_left_out`); a footnote under a rule ("____") is no item;
* rows from 1 of a table after a report's numbered sections are the items
  (:func:`_rows_after_sections`); rows an "Estado" column marks as carried over ("Cumplido", "En
  curso") beside "Nuevo" ones are an earlier meeting's (:func:`_carried_over_left_out`);
* lines quoted "> " in an e-mail are read without the marks, the covering message left out
  (:func:`_memo_end`); Markdown bold ("**Acuerdo 1.**") and escapes ("1\\.") are no text;
* "[Punto 2] 2.1 ...", a merged group cell before a row, "I –", "Agreement No. 1/2019" and "PA-01"
  are markers (``_PREFIX``, ``_NAMED_NUMBER``); "Seguimiento:" lines are an item's follow-up;
* a participants table with a country column names the delegations (:func:`_country_column`);
* an activity report presented to a meeting ("INFORME DE GESTIÓN ...") has no items of its own;
* "A.1" ... "D.2" (a theme's letter and a number) keep their printed numbers; an agenda's list
  ("adopted the following agenda:") is none of the items (:func:`_agenda_end`); "☐" is a bullet, and
  the same bullet indented further is a sub-item; "5.1 Acuerdos de ..." under "5. ACUERDOS" is a
  heading whose list starts again;
* a date line above the title, later than the opening sentence's and elsewhere (or the meeting
  online), is the report's issue, not the meeting's; "Done in X, Country, on ..." gives the place;
* "todos los Países Miembros, con excepción de ..." (:func:`_all_members_but`, footnotes too), and
  attendance told paragraph by paragraph (:func:`_attendance_paragraph`);
* a translation in brackets after an item ("[To thank ...]") is blanked, as interleaved ones are;
  the delegations' closing thanks after the last item ("The delegations expressed ...") is none of it;
* text in columns of spaces ("pdftotext -layout") is read a column at a time, a numbered table's other
  cells blanked and given back by row (:mod:`rcmkg.converters.columns`); the facts are then extracted
  from the text as read (``ParsedReport.read_text``), offsets the source's;
* "The Vice-Ministers:" over a list is a lead-in; a title naming the recommendations is no section;
  three "Agreement:" paragraphs under agenda points, or "RCGM response: The RCGM agreed ...", are the
  items; Markdown bold and "<br>" are blanked;
* a legal draft's line numbers are blanked (:func:`_line_numbers`); "** " is a second-level bullet; a
  group heading inside a list of conclusions ("IV. RECOMMENDATIONS ..." over "10." after "1." ...
  "9.") is no section; days without a year take the year of a closing "Done at ..." formula; an
  actor's heading ("Mexico:") over its own list, after the first such list, is a lead-in as the first is.
"""

from __future__ import annotations

import bisect
import calendar
import contextlib
import hashlib
import itertools
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from rcmkg.converters.columns import blank_spans, space_tables, two_columns
from rcmkg.converters.dates import MONTHS, NUM_WORD, FoundDate, find_dates, reading, words_number
from rcmkg.errors import InputError
from rcmkg.model import DateRange, Item, Located, ParsedReport, Place, SourceText, Span
from rcmkg.namespaces import ORG
from rcmkg.registry import HYPHEN_BREAK, Match, Registry, joined_words, ocr_like
from rcmkg.text import fold

ARTEFACT = re.compile(r"\[bookmark:[^\]]*\]")
_LEAD = r"(?:[-\u2013\u2022\u00b7*\u25aa\u25cf\u2023\u2043\u25e6\u2219\u27a2\u25ba\u2714\u2713\u2610-\u2612\ue000-\uf8ff]\s*)?"
# A declaration's ordinal markers ("PRIMERO.-", "Segundo:", "THIRD."), in the order they count.
ORDINALS = ("primer", "segund", "tercer", "cuart", "quint", "sext", "s[eé]ptim", "octav", "noven", "d[eé]cim",
            "und[eé]cim", "duod[eé]cim")
ORDINALS_EN = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
               "eleventh", "twelfth")
# ("ACUERDO PRIMERO:", "ACUERDO DÉCIMO SEGUNDO:": an acta's agreements named by their kind and an ordinal)
_ORDINAL = (r"(?:(?i:acuerd[o0]|resoluci[oó]n|decisi[oó]n)\s+(?i:(?:d[eé]cim[oa]\s+)?(?:" + "|".join(ORDINALS) + r")[oa])"
            r"(?=[ \t]*(?:\r?\n|$))|"  # ("Acuerdo Primero" on a line of its own, its text under it)
            r"(?:(?i:acuerd[o0]|resoluci[oó]n|decisi[oó]n)\s+)?(?i:d[eé]cim[oa]\s+(?:" + "|".join(ORDINALS[:9]) + r")[oa]|(?:" + "|".join(ORDINALS) + r")[oa]|"  # ("DÉCIMO PRIMERO")
            + "|".join(ORDINALS_EN) + r")(?:\s*\.\s*[-\u2013\u2014]|\s*[-\u2013\u2014:.]"
            # "First, to express ...", "Seventh, with respect to ...": a comma; see _comma_ordinal
            r"|,(?=\s+\w)))")
# An item named by its kind and number ("Acuerdo 3:", "ACUERDO No. 7", "Recommendation 2.").
_NAMED = (r"(?:(?=[A-ZÁÉÍÓÚ])(?i:acuerd[o0]|agreement|conclusi[oó]n|recomendaci[oó]n|recommendation|decisi[oó]n|resoluci[oó]n|resolution"
          r"|action\s+point|punto\s+de\s+acci[oó]n|compromiso|commitment|outcome|resultado)"
          # (a capital first: "decision 3 to the TS." is a wrapped line's words)
          # (or an identifier: "Acuerdo GRCM-2019-05:")
          # (a scan's "Acuerdo l.-" for 1)
          # ("PA-01": an acta's "punto de acuerdo")
          # (or the year first: "Decision 2019/1"; "Agreement #3")
          r"\s+(?:(?i:n(?:o|[º°]|\.[ \t]?[º°]|[uú]m(?:ero)?)\.?\s*)|#[ \t]?)?(?:[A-Z]{2,8}[-/](?:(?:19|20)\d\d[-/])?|(?:19|20)\d\d/(?=\d{1,3}\b))?|AP|PA-|PDA-"
          # ("A.1", "B.3": numbered within a theme's letter)
          r"|[A-H]\.(?=\d{1,2}(?![\d.]))"
          # ("III.1", "III.9": numbered within the report's section III, its agreements')
          r"|(?:I|II|III|IV|V|VI|VII|VIII|IX|X)\.(?=\d{1,2}\.?[ \t])"
          # ("A-1", "C-2": an agreement's and a commitment's codes, each list its letter)
          r"|[A-HR]-(?=\d{1,2}[.:)]?[ \t])"
          # ("GRCM-03-2017<TAB>Tomar nota ...": a code of the body, the number and the year, opening a table's row)
          r"|(?!(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC|ENE|ABR|AGO|DIC)-)[A-Z]{2,8}-(?=\d{1,3}-(?:19|20)\d\d[ \t])"
          # ("O-1 To thank ...", an outcome's code; "PV1. Lanzar ...", "JU2. ...": an axis's letters and its number)
          r"|[A-Z]{1,2}-(?=\d{1,2}[.:)]?[ \t]+[A-ZÁÉÍÓÚÑ])|[A-Z]{2}(?=\d{1,2}[.:)][ \t]+[A-ZÁÉÍÓÚÑ][a-záéíóúñ])"
          # ("A1 Aprobar ...", "C3 (A4): La OIM ...": the codes without a hyphen, before a capital or a reference)
          r"|[A-HR](?=\d{1,2}[.:)]?[ \t]+(?:[A-ZÁÉÍÓÚÑ][a-záéíóúñ]|[A-Z]{2,6}\b(?![.:)])|\([A-H]\d{1,2}\))))(?:\d{1,3}|[lI](?=\s*[.,:]))(?:\.\d{1,2})?"
          # "Compromiso 1 (Responsable: OIM; Plazo: marzo 2023):": who and by when before the text
          r"(?:[/-](?:19|20)\d\d|\s*\((?:19|20)\d\d\))?"  # ("Agreement No. 1/2019", "Acuerdo N° 01-2016", "Resolution 1 (2012)")
          r"(?:\s+(?i:of|de)\s+\d{1,3}(?=\s*[:.\-\u2013\u2014]?(?:\s|$)))?"  # ("Agreement 3 of 8", a slide's count: "Acuerdo 3 de 8")
          r"(?:\s*\((?i:responsables?|responsible)\s*:[^()\n]{1,160}\))?"
          # "Acuerdo 2.-", "Acuerdo 3,-", "Acuerdo 7 .-"
          r"(?:\s*[.,]\s*[-\u2013\u2014]|\s*[:.\-\u2013\u2014])?")
# Spanish numbers in words opening an agreement ("Uno. Agradecer ...", "Ocho. Celebrar ..."), as some records number them.
_CARDINAL = (r"(?-i:Uno|Dos|Tres|Cuatro|Cinco|Seis|Siete|Ocho|Nueve|Diez|Once|Doce|Trece|Catorce|Quince)\.(?=[ \t]+[A-ZÁÉÍÓÚÑ])")
_LEAD_OF = re.compile(_LEAD)
# Before a marker: an agenda item's tag ("[Punto 2] 2.1 Aprobar ...", "[Item 4] 4.1 To approve ..."),
# or a table row's group cell ("Protección consular | 1 | Tomar nota ...", "Prevención | 1. Aprobar ... | ST | ...",
# the number typed in the text's cell).
_PREFIX = (r"(?:\[(?i:punto|item|tema|point)\s+\d{1,2}\][ \t]+(?=\d)|[^|\n\d\[][^|\n]{0,58} \| "
           # (not a table of figures' row, "Belice | 312 | 45 | 28": the cell after the number says something)
           r"(?=\d{1,3}(?:\.\d{1,2})* \| (?![\d\s.,%]*(?: \||$))|\d{1,2}[.)][ \t]+[A-ZÁÉÍÓÚÑ][^|\n]{20,} \| ))?")
MARKER = re.compile(
    rf"^(?P<all>{_LEAD}{_PREFIX}(?:\*\*)?(?P<label>\d{{1,2}}(?:\.\d{{1,2}})*[.)](?:-(?=\s))?|[lI]\d[.)]-(?=\s)|"
    # (a scan's "7," for "7." before an item's verb, and its "1O." for "10.")
    rf"\d{{1,2}},(?=[ \t]+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+\b)|[1-9][Oo]\.(?=\s)|l[l\d]\.(?=\s)|[1-9]l\.(?=\s)|"
    # (an ordinal's sign, "1°.", "7º.-", as a declaration numbers its operative paragraphs; a typewriter's or a
    # scan's space before the dot or bracket, "1 .", "l0 .", "a )")
    rf"\d{{1,2}}[º°ª]\.\d{{1,2}}\.?(?=\s)|\d{{1,2}}[º°ª]\.?-?(?=\s)|\d{{1,2}}\.[º°ª](?=\s)|(?:\d{{1,2}}|l[l\d]?|[1-9]l) \.(?=\s)|[a-h] \)(?=\s)|"
    # (a circled number, "①" ... "⑳", as some templates number a list)
    rf"[\u2460-\u2473](?=\s)|"
    # (a number and a hyphen, "1- Los países enviarán ...", as minutes typed in an e-mail number them, and its
    # sub-items "2-a To thank ...")
    rf"\d{{1,2}}-[a-h](?=[ \t]+\S)|\d{{1,2}}\.[a-h](?=[ \t]+[A-ZÁÉÍÓÚÑ])|\d{{1,2}}\([a-h]\)(?=[ \t]+\S)|\d{{1,2}}-(?=[ \t]+[A-ZÁÉÍÓÚÑ][a-záéíóúñ])|\d{{1,2}}/(?=[ \t]+[A-ZÁÉÍÓÚÑ][a-záéíóúñ])|\d{{1,2}}(?:\.\d{{1,2}})+(?=[ \t]+[A-ZÁÉÍÓÚÑ])|\d{{1,2}}(?=\t)|\d{{1,2}}(?=[ \t]*\r?\n[ \t]*[A-ZÁÉÍÓÚÑ][a-záéíóúñ])|\d{{1,3}}(?= \| )|\d{{1,2}}(?:\.\d{{1,2}})+(?= \| )|\|[ \t]*\d{{1,3}}[ \t]*\||\(\d{{1,2}}\)|\[\d{{1,2}}\](?=[ \t]+[A-ZÁÉÍÓÚÑ])|\(?(?:ii|iii|iv|vi|vii|viii|ix|xi|xii|II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV)[.)]|(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV)[ \t]+[\u2013\u2014-](?=[ \t])|[a-zA-Z][.)](?:-(?=\s))?|[a-h]\](?=[ \t]+[A-ZÁÉÍÓÚÑ])|\([a-zA-Z]\)"
    # ("**Acuerdo 1.** Agradecer ...": Markdown's bold, as a collaborative editor exports a label)
    rf"|{_ORDINAL}|{_NAMED}|{_CARDINAL})(?:\*\*)?)\s+"
)
# A decimal sub-item's number before a lower-case word ("2.1 the report of ...").
_DECIMAL_LOWER = re.compile(r"(\d{1,2}\.\d{1,2})[ \t]+(?=[a-záéíóúñ]{2})")
# Bullet glyphs, with the private-use code points that Symbol and Wingdings bullets become on export.
BULLET = re.compile(r"^(?P<all>[\u2022\u00b7*\u25aa\u25cf\u2023\u2043\u25e6\u2219\u27a2\u25ba\u2714\u2713\u2610-\u2612\ue000-\uf8ff"
                    r"\u2192\u21d2\u279c\u2794\u2013-]|\u2014(?=[ \t]+[^\s|\u2014]))\s+")  # (and arrows: "→ Mexico to share ...")
# (and an em dash before text, "— To thank ...": not a PDF table's empty cell, "— | ...")
# Word's second-level bullet ("o") once its font is lost: a bullet only where a sentence has ended.
LOST_GLYPH = re.compile(r"^(?P<all>o|\*\*)[\t ]+(?=\S)")  # (and "** ", a plain text's second level under "* ")
ELLIPSIS = re.compile(r"(?:\u2026|\.\.\.)\s*\.?\s*")  # no "^": used with match() at an offset
SENTENCE_END = re.compile(r"[.:;!?][\"'\u201d\u2019)]*\s*$")
# Only the first verb is tried (atomic group): if "report" does not follow it, it follows no later
# verb either, and retrying ".*" from each verb made a long paragraph quadratic.
PREAMBLE = re.compile(
    r"^(?>.*?\b(submits?|submitted|presents?)\b).*\breport\b|\breport includes\b|\bas follows\b"
    r"|\bfollowing (?:action\s+)?(?:items|agreements|conclusions|recommendations|decisions|resolutions)\b"
    r"|\bsiguientes (?:acuerdos|conclusiones|recomendaciones|decisiones|resoluciones)\b"
    # ("Among the main agreements:", "Entre los principales acuerdos:", a press release's lead-in)
    r"|\b(?:hereby|por\s+la\s+presente)\s*:\s*$"  # ("The Vice-Ministers of the RCM, meeting in San José, hereby:")
    r"|^(?:among\s+the\s+(?:main|key|principal|most\s+important)|entre\s+los\s+(?:principales|m[aá]s\s+importantes))\s+"
    r"(?:agreements|decisions|outcomes|acuerdos|decisiones|resultados)\b[^:.]{0,60}:\s*$"
    # ("The Group agreed to submit the following to the Regional Consultation Group on Migration (RCGM) for its
    # consideration:": what it agreed, said before its list)
    r"|\b(?:agreed|decided|acord[oó]|decidi[oó])\s+to\s+(?:submit|present|elevar|presentar|someter)\s+(?:the\s+following|lo\s+siguiente)\b[^:.]{0,120}:\s*$"
    # ("..., cuyos acuerdos se recogen en el cuadro siguiente:", "the agreements are set out in the table below:")
    r"|\b(?:acuerdos|agreements|decisiones|decisions)\b[^:]{0,80}\b(?:(?:cuadro|tabla|matriz)\s+(?:siguiente|a\s+continuaci[oó]n)|"
    r"(?:table|matrix)\s+below|following\s+(?:table|matrix))\s*:\s*$"
    # ("Los acuerdos adoptados se presentan a continuación, ordenados por punto de agenda:", "The agreements are set out below:")
    r"|\b(?:acuerdos|agreements|decisiones|decisions|conclusiones|conclusions|recomendaciones|recommendations)\b[^:.]{0,60}?"
    r"\b(?:se\s+(?:presentan|detallan|recogen|enumeran|consignan)|are\s+(?:set\s+out|presented|listed|given))\b[^:.]{0,80}:\s*$"
    # "The Network agreed:", "The RCGM adopted the following conclusions:", "formuló las siguientes:"
    r"|\b(?:agree|agreed|agrees|decided|decides|decide|resolved|resolve|adopted|adopts|approved|recommends?|acord[oó]|acuerdan?|decidi[oó]|"
    r"deciden|resuelven?|formul[oó]|adopt[oó]|aprob[oó]|acordaron|decidieron|resolvieron|adoptaron|aprobaron|formularon|"
    r"declare|declares|declaran|declaramos)\b[^:]{0,80}:\s*$"
    r"|^(?:agreements?|acuerdos?|conclusions?|conclusiones|recommendations?|recomendaciones|decisions?|decisiones)\s*:?\s*$",
    re.I,
)
# The opening sentence in the genre's forms: "X held its regular meeting ...", "X met on/in ...",
# "X, in its meeting held on ...", "X, en reunión celebrada los días ...", "X celebró su reunión ...",
# "X se reunió ...", "Los Viceministros ..., reunidos en ...".
_OPENING_RX = re.compile(
    # (not "the Presidency Pro Tempore, held by Costa Rica, convened ...": a role's holder)
    r"\b(?:held(?!\s+by\b)|holds|convened|celebr[oó])\b.{0,80}?\b(?:meeting|session|reuni[oó]n|sesi[oó]n)\b|\bsesion[oó]\b"
    # (not a relative clause about another meeting: "the RCGM, which met in this same city on ...")
    # (a press release's "concluded today the XXVII Vice-Ministerial Meeting, held on November 9 and 10")
    r"|\b(?:concluded|closed|clausur[oó]|concluy[oó])\s+(?:today\s+|hoy\s+)?(?:the\s+|la\s+|el\s+)?(?:[\w-]+\s+){0,4}?(?:meeting|reuni[oó]n)\b"
    # (a press release's "met today in Belize City")
    r"|(?<!which )(?<!that )\bmet\s+(?:today\s+)?(?:in|on|at|from|during|virtually|for)\b"
    r"|\b(?:in|at)\s+its\s+(?:\w+\s+){0,3}?(?:meeting|session)\s+held\b"
    r"|\ben\s+(?:su\s+)?(?:\w+\s+){0,3}?(?:reuni[oó]n|sesi[oó]n)(?:\s+(?:extraordinaria|ordinaria|virtual|presencial|conjunta|h[ií]brida)){0,2}\s+celebrada\b"
    # (a cover letter sending the meeting's agreements, the body's name between: "compartimos los acuerdos adoptados en
    # la reunión presencial de la Coalición Regional contra ..., celebrada los días 13 y 14 de julio", "we attach
    # the agreements of the meeting of the Network, held in Panama City on ...")
    r"|\b(?:compart|remit|envi|transmit|adjunt|shar|send|sent|forward|attach|circulat|find\s+(?:below|attached|enclosed))\w*\s+(?:[\w-]+\s+){0,6}?"
    r"(?:reuni[oó]n|sesi[oó]n|meeting|session)\b[^.;:]{0,160}?,\s+(?:celebrad[oa]|held)\s+(?:el|los|en|del|in|on|at|from)\b"
    r"|\bse\s+reuni(?:[oó]|eron)\b|\bse\s+(?:llev[oó]\s+a\s+cabo|realiz[oó]|desarroll[oó]|celebr[oó])\s+(?:en|el|los|de\s+(?:manera|forma))\b|\b(?:was\s+held|convened)\s+(?:in|on|at|from|virtually|by\s+video\s?conference|via)\b|\btook\s+place\s+(?:in|on|at|from|virtually)\b|\btuvo\s+lugar\s+(?:en|el|los)\b|\breunid[oa]s?\s+(?:de\s+(?:manera|forma)\s+virtual\s+)?(?:en|a\s+los|el\s+d[ií]a|los\s+d[ií]as)\b"
    # a declaration's: "The Vice-Ministers and Heads of Delegation of ..., meeting in Guatemala City"
    r"|(?:,|\s[\u2013\u2014-])\s+(?:meeting|gathered|assembled)\s+(?:in|on|at)\b"
    # "... gathered at the XV Meeting of the Network, held in San José, Costa Rica, on ...": the
    # meeting named before its "held"
    r"|\b(?:gathered|assembled|met)\s+at\s+the\s+[^.;]{0,20}?(?:meeting|session)\b[^.;]{0,120}?,\s+held\s+(?:in|on|at)\b"
    # the writer's own meeting, then its participle: "a short summary of our meeting held in Panama City on ..."
    r"|\b(?:our|this|nuestra|esta)\s+(?:\w+\s+){0,2}?(?:meeting|session|reuni[oó]n|sesi[oó]n)\s+(?:held|celebrad[ao]|realizad[ao])\s+(?:in|on|at|en|el|los)\b"
    # the passive put first: "Fue celebrada la segunda reunión del Grupo ... en ..."
    r"|\b(?:fue|was)\s+(?:celebrad[oa]|realizad[oa]|llevad[oa]\s+a\s+cabo|held|convened)\s+(?:la|el|the)\s+(?:\w+\s+){0,3}?(?:reuni[oó]n|sesi[oó]n|meeting|session)\b",
    re.I,
)
# Said of another meeting: "La reunión anterior de la Red se llevó a cabo en ...", "The previous meeting met ..."
_OTHER_MEETING = re.compile(
    r"\b(?:previous|last|next|following|prior|anterior|pasada|previa|[uú]ltima|pr[oó]xima|siguiente)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:meeting|session|reuni[oó]n|sesi[oó]n)\b|\b(?:meeting|session|reuni[oó]n|sesi[oó]n)\s+(?:anterior|previa|pasada)\b"
    r"|\b(?:last|previously|had)\s+met\b"
    # (a meeting whose decisions are followed up: "This meeting followed up on the decisions of the XV
    # Vice-Ministerial Meeting, held in Mexico in 2010")
    r"|\b(?:decisions|agreements|recommendations|mandates?|conclusions|acuerdos|decisiones|recomendaciones|mandatos?|conclusiones)"
    r"\s+(?:of|from|adopted\s+(?:at|by)|de|del|adoptad[oa]s\s+en)\s+(?:the\s+|la\s+|el\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:meeting|session|reuni[oó]n|sesi[oó]n)\b",
    re.I,
)


# ... but a cover letter sends the meeting's own: "Por este medio compartimos los acuerdos adoptados en la
# reunión presencial de la Coalición ..., celebrada los días 13 y 14 de julio de 2022 en la Ciudad de Panamá".
_SHARING = re.compile(r"\b(?:compart|remit|envi|transmit|adjunt|circul|shar|send|sent|forward|attach|circulat)\w*\s+(?:[\w-]+\s+){0,2}$", re.I)
# ("La Red se reunió por última vez en Managua ...": the verb's own words say it was an earlier meeting)
_LAST_TIME = re.compile(r"\s+(?:por\s+[uú]ltima\s+vez|for\s+the\s+last\s+time)\b", re.I)
# ("... un Grupo Ad Hoc ..., el cual sesionó por primera vez ... el 9 de septiembre": the body's history,
# a relative clause about when it first met, in a later meeting's report)
_FIRST_TIME = re.compile(r"\s+(?:por\s+primera\s+vez|for\s+the\s+first\s+time)\b", re.I)
_RELATIVE_BEFORE = re.compile(r"\b(?:el|la|los|las)\s+cual(?:es)?\s+(?:se\s+)?$|\b(?:que|which|that)\s+(?:se\s+)?$", re.I)


_FINITE_MEETING_VERB = re.compile(r"se\s+reuni|met\b|se\s+(?:llev|realiz|desarroll|celebr)|sesion", re.I)
_APPOSITION_OPENER = re.compile(r",\s+(?:established|created|set\s+up|creado|creada|establecido|establecida|conformado|conformada)\b", re.I)


class _Opening:
    """``OPENING.search(text)``: the verb of a meeting's opening sentence ("met in", "se reunió", "se
    llevó a cabo en"), but not in a sentence about another meeting (the previous one, the next one)."""

    def search(self, text: str) -> re.Match[str] | None:
        first = _OPENING_RX.search(text)
        if first is None:
            return None  # (most paragraphs: one search, no loop)
        for m in itertools.chain((first,), _OPENING_RX.finditer(text, first.end())):  # (lazily: most stop at the first)
            # (the sentence to the verb's end: "celebró su última reunión" says it in the match itself)
            start = max(text.rfind(". ", 0, m.start()) + 1, m.start() - 120, 0)
            if (((other := _OTHER_MEETING.search(text, start, m.end())) is None or _SHARING.search(text, start, other.start())
                 # (or named in the subject's apposition: "El Grupo Ad Hoc ..., establecido por el GRCM en cumplimiento del
                 # mandato de la Reunión Viceministerial, se reunió ...": the verb is the Group's)
                 or (_FINITE_MEETING_VERB.match(m.group(0)) and "," in text[other.end() : m.start()]
                     and _APPOSITION_OPENER.search(text, start, other.start()) is not None))
                    and _LAST_TIME.match(text, m.end()) is None
                    and not (_FIRST_TIME.match(text, m.end()) and _RELATIVE_BEFORE.search(text, start, m.start()))):
                return m
        return None


OPENING = _Opening()
# How the meeting was attended, said of the meeting (not of one delegation "via videoconference").
ONLINE = re.compile(
    r"\b(?:virtual\s+(?:\w+\s+)?(?:meeting|session)|meeting\s+(?:was\s+)?held\s+(?:virtually|online|by\s+videoconference)|"
    r"(?:held|met)\s+(?:virtually|online|by\s+videoconference)|by\s+videoconference|"
    r"reuni[oó]n\s+virtual|sesi[oó]n\s+virtual|(?:en\s+)?modalidad\s+virtual|de\s+(?:manera|forma)\s+virtual|por\s+videoconferencia|"
    # ("held ... in virtual format", "First Ordinary Meeting 2021 (virtual)")
    r"in\s+(?:a\s+)?virtual\s+format|en\s+formato\s+virtual)\b|\b(?:meeting|session|reuni[oó]n|sesi[oó]n)(?:\s+(?:19|20)\d\d)?\s+\(virtual\)",
    re.I,
)
# ... but "Canadá participó por videoconferencia": one delegation's way of taking part, not the meeting's.
_ONE_REMOTE = re.compile(r"\b(?:particip\w*|took\s+part|joined|connected|conect\w*|asisti\w*|attended)\b[^.;]{0,60}$", re.I)
# (or a venue "and by videoconference", "en persona y virtual": some in the room, some online)
MIXED = re.compile(r"\b(?:hybrid|h[ií]brid[oa]|semi-?presencial|(?:and|y)\s+(?:by|via|por|v[ií]a)\s+videoconferen\w+|"
                   r"in[\s-]person\s+and\s+(?:virtual\w*|online|by\s+videoconference)|presencial\s+y\s+virtual)\b", re.I)
# How a participation was made, not whose ("remote participation through the Zoom platform").
_TAKING_PART_BY = re.compile(r"\s+(?:through|via|by\s+means\s+of|por\s+medio\s+de|a\s+trav[eé]s\s+de|mediante)\b", re.I)
# The words after which an opening sentence names who attended.
_ATTENDANCE = re.compile(
    # (a scan's "Delegaci6n": OCR reads "ó" as "6")
    r"\b(participation|representatives|attended|attendance|delegations|presence|participaci[oó6]n|"
    r"heads\s+of\s+delegation|jefes(?:\s+y\s+jefas)?\s+de\s+delegaci[oó6]n|delegaciones|representantes|delegados|"  # ("los Jefes y Jefas de Delegación")
    r"delegates|officials|funcionarios)\b",
    re.I,
)
_NAME_WORDS = frozenset({"representantes", "delegados", "delegates", "officials", "funcionarios"})
# Where the opening sentence's subject (the body) ends.
SUBJECT_END = re.compile(
    r"\s*,?\s+(?:held|holds|met|convened|celebr[oó]|sesion[oó]|se\s+reuni[oó]|reunid[oa]s?|was\s+held|took\s+place|tuvo\s+lugar|"
    r"se\s+(?:celebr[oó]|llev[oó]\s+a\s+cabo|realiz[oó]|desarroll[oó]))\b|\s*,\s+(?:meeting|gathered|assembled)\s+(?:in|at)\b"
    r"|\s*,\s*(?:(?:in|at)\s+its\b|en\s+(?:su\s+)?(?:\w+\s+){0,3}?(?:reuni[oó]n|sesi[oó]n)\b)",
    re.I,
)
# An annex heading, or a bare "Notes" line (the .docx reader puts footnotes under one).
ANNEX = re.compile(r"^\s*(?:#{1,6}[ \t]*)?(?:annex(?:es)?|anexos?|appendix|appendices|attachments?)\b|^\s*(?:notes?|notas?|footnotes?)\s*:?\s*$", re.I)
TITLE = re.compile(r"\b(report|conclusions|minutes|informe|acta|minuta|relator[ií]a)\b.{0,40}\b(meeting|reuni[oó]n|session)\b", re.I)
# The genre words a heading names the kind of document by, most specific first.
DOC_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("declaration", re.compile(r"\bdeclara(?:tion|ci[oó]n)\b", re.I)),
    ("conclusions", re.compile(r"\bconclusi(?:ons|ones)\b", re.I)),
    ("recommendations", re.compile(r"\brecom(?:m)?enda(?:tions|ciones)\b", re.I)),
    ("minutes", re.compile(r"\bminutes\b|\bacta\b|\bminuta\b|\bayuda\s+memoria\b|\brelator[ií]a\b", re.I)),
    ("report", re.compile(r"\breport\b|\binforme\b", re.I)),
)
# A section heading that holds the meeting's agreements ("III. ACUERDOS", "5. Acuerdos", "Agreements",
# "Conclusions and Recommendations", "Acuerdos adoptados"): the items are that section's, not the
# narrative before it or the follow-up, other business and participants after it.
AGREEMENTS_HEADING = re.compile(
    # ("ANNEX II - AGREEMENTS ADOPTED", after the list of participants in Annex I)
    r"^(?:(?:annex|anexo|appendix|ap[eé]ndice)\s+[\w.]+\s*[-\u2013\u2014:.]?\s*)?"
    r"(?:(?:summary|list|resumen|lista|relaci[oó]n|matriz|matrix|cuadro|tabla|table)\s+(?:of|de)\s+)?(?:(?:the|los|las)\s+)?"
    r"(?:(?:main|key|principales|new|nuevos|nuevas)\s+)?(?:acuerd[o0]s?|agreements?|conclusions?|conclusiones|decisions?|decisiones|decisi[oó]n\s+[uú]nica|"
    r"recommendations?|recomendaciones|resolutions?|resoluciones|compromisos|commitments|action\s+(?:items|points)|puntos\s+de\s+acci[oó]n|outcomes|outcome\s+document|documento\s+de\s+resultados|takeaways|"
    r"puntos\s+de\s+acuerdo|"
    r"acciones\s+acordadas|agreed\s+actions)"
    r"(?:\s*(?:and|y|e|/|&)\s*(?:acuerdos|agreements|conclusions|conclusiones|recommendations|recomendaciones|"
    r"commitments|compromisos|decisions|decisiones|resolutions|resoluciones|action\s+(?:points|items)|puntos\s+de\s+acci[oó]n|next\s+steps|pr[oó]ximos\s+pasos|"
    r"deadlines|plazos|"
    r"follow[\s-]?up(?:\s+(?:matrix|table))?|(?:matriz\s+de\s+)?seguimiento))?"
    # ("ACUERDOS ADOPTADOS POR LA RED EN SU REUNION DE ...", "Agreements adopted by the Network at its meeting of ...")
    r"(?:\s+(?:adopted|reached|adoptad[oa]s|alcanzad[oa]s|aprobad[oa]s)(?:\s+(?:by|por)\s+(?:the\s+|la\s+|el\s+)?[^\W\d_]+)?"
    r"(?:\s+(?:en\s+su|at\s+its)\s+[^:]{0,80})?)?"
    # "Recommendations to the Vice-Ministers", "Recomendaciones al GRCM", "Acuerdos de la reunión"; not
    # an earlier meeting's ("Agreements of the previous meeting")
    # ("DECISIONS ADOPTED IN PLENARY", "... IN THE WORKING GROUPS")
    r"(?:\s+(?:to|for|of|in|en|a|al|a\s+la|para|de|del|de\s+la)\s+(?![^:]*\b(?:previous|earlier|last|past|pending|anterior(?:es)?|pasad[oa]s?|pendientes)\b)"
    r"[^\W\d_][\w .\-\u2013]{1,120}?)?"
    r"(?:\s*\([^()\n]{1,40}\))?"  # ("AGREEMENTS OF THIS MEETING (45-58)")
    r"(?:\s+(?:log|register|registro))?"  # ("DECISIONS LOG", a record of the meeting's decisions)
    r"\s*:?\s*$",
    re.I,
)
RULE = re.compile(r"[-=_*~|:\u2013\u2014\u2500\u2501\s]{3,}")  # also a Markdown table's "|---|---|"
PAGE_NUMBER = re.compile(r"[-\u2013\u2014\s]*(?:(?:page|p[aá]g(?:ina)?\.?)\s*)?\d{1,3}(?:\s*(?:of|de|/)\s*\d{1,3})?[-\u2013\u2014\s]*"
                         # (Word's footer "1 | Page", its word spaced out: "1 | P a g e", "Página | 2")
                         r"|\s*\d{1,3}\s*\|\s*(?:p\s?a\s?g\s?e|p\s?[aá]\s?g\s?i\s?n\s?a)\s*|\s*(?:page|p[aá]gina)\s*\|\s*\d{1,3}\s*", re.I)
# A footnote at the foot of a page, numbered with a superscript ("¹ Approved ad referendum ..."): no
# part of the item it falls after.
FOOTNOTE = re.compile(r"[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+\s")
# A footnote's start under a rule ("(1) Fund established ...", "2 See ...", "* Original: Spanish").
_NOTE_START = re.compile(r"(?:\(\d{1,2}\)|\d{1,2}(?=\s+[A-ZÁÉÍÓÚÑ])|[*\u2020])\s")
# A Markdown heading ("## Agreements"), as a converter from Word to Markdown writes one.
MD_HEADING = re.compile(r"#{1,6}[ \t]+(?!\|)")  # (not "# | Agreement | ...": a table's number column)
# The heading of a list of participants ("V. LISTA DE PARTICIPANTES", "List of Delegations", "Participants",
# "Present (member delegations):", "II. PARTICIPACIÓN").
PARTICIPANTS_HEADING = re.compile(
    r"^(?:(?:annex|anexo)(?:\s+(?:[ivxlc]+|\d+|[a-z])\b\.?)?\s*[-\u2013\u2014:.]?\s*)?(?:(?:lista|list|n[oó]mina|relaci[oó]n)\s+(?:de|of)\s+|(?:participating|attending)\s+)?(?:participantes|participants|delegaciones|delegations|"
    r"asistentes|attendees)\b.*$|^(?:lista|list|registro|record)\s+(?:de|of)\s+(?:asistencia|attendance)\b.*$|^(?:attendance|asistencia|present|presentes|participation|participaci[oó]n|who\s+(?:was\s+there|attended|took\s+part)|qui[eé]n(?:es)?\s+(?:asisti(?:[oó]|eron)|particip(?:[oó]|aron)))\s*(?:\([^()]{1,60}\)\s*)?[:?]?$",
    re.I,
)
# What says a delegation did not attend.
ABSENT = re.compile(
    r"\b(?:sent\s+(?:its|their)\s+(?:apologies|excuses|regrets)|(?:was|were)\s+(?:absent|excused)|excused(?=\s*:)|excusad[oa]s?(?=\s*:)|absent(?=\s*:)|excused\s+(?:its|their|itself|themselves)\b|did\s+not\s+(?:attend|participate|take\s+part|"
    r"send\s+(?:a\s+)?(?:delegations?|delegates|representatives?|participants)|connect)|could\s+not\s+attend|(?:not|n[\'\u2019]t)\s+(?:be\s+|been\s+|being\s+)?able\s+to\s+(?:attend|send|participate|take\s+part|connect|join|travel|be\s+present)|"
    r"(?:se\s+)?excus(?:[oó]|aron)|ausentes?|no\s+(?:asisti(?:[oó]|eron)|particip(?:[oó]|aron)|se\s+(?:hizo|hicieron)\s+presentes?|(?:estuvo|estuvieron)\s+presentes?|"
    r"(?:envi|acredit)(?:[oó]|aron)\s+(?:delegaci[oó]n|delegados|representantes?|participantes)|se\s+conect[oó])|justific(?:[oó]|aron)\s+su\s+(?:ausencia|inasistencia)|"
    r"no\s+(?:pudo|pudieron|poder)\s+(?:asistir|participar|trasladarse|viajar|acudir|estar\s+presentes?)|no\s+(?:le|les)\s+(?:fue|ser[ií]a|era|ha\s+sido|hab[ií]a\s+sido)\s+posible\s+(?:asistir|participar|acudir|estar|conectarse|enviar|trasladarse)|no\s+(?:logr[oó]|lograron|pudo|pudieron)\s+conectarse|(?:present[oó]|presentaron|envi[oó]|enviaron)\s+(?:sus\s+)?(?:excusas|disculpas)|regrets|apologies|(?:was|were)\s+not\s+(?:represented|present)\b|unable\s+to\s+be\s+present|no\s+(?:pudo|pudieron)\s+hacerse\s+presentes?|no\s+(?:estuvo|estuvieron)\s+representad[oa]s?|"
    r"sin\s+conexi[oó]n|no\s+se\s+conectaron|not\s+connected|no\s+connection|unable\s+to\s+(?:attend|connect|join|participate|send\s+(?:a\s+)?(?:delegation|delegates|representatives?))|could\s+not\s+(?:connect|join)|(?<=\()(?:excused|absent|ausente|excusad[oa]|no\s+delegation|sin\s+delegaci[oó]n|not\s+represented)(?=\))|(?:(?<=\|\s)|(?<=\|\s[*_])|(?<=\|\s[*_]{2}))(?:absent|excused|not\s+present|excusad[oa])(?=[*_]{0,2}[ \t]*(?:\||\n|$))|no\s+se\s+cont[oó]\s+con\s+la\s+(?:presencia|participaci[oó]n|conexi[oó]n|asistencia))\b",
    re.I,
)
# Observers attend, but are no delegations ("Argentina, Colombia ... participated as observer
# countries", "Asistieron en calidad de observadores Colombia y Ecuador").
OBSERVING = re.compile(
    r"\b(?:(?:as|in\s+the\s+capacity\s+of)\s+(?:an\s+)?observers?(?!\s+organi[sz]ations)|observer\s+(?:countries|states|delegations)|"
    r"(?:en\s+calidad\s+de|como)\s+(?:pa[ií]s(?:es)?\s+)?observador(?:es|as?)?|pa[ií]ses\s+observadores|"
    # nor are invited countries ("Asistió en calidad de país invitado una delegación de la República Dominicana")
    r"(?:en\s+calidad\s+de|como)\s+pa[ií]s(?:es)?\s+invitad[oa]s?|(?:as\s+(?:an?\s+)?)?invited\s+(?:countries|country|states?))\b",
    re.I,
)
# A participants list's line said of an observer, in brackets ("Lic. ... (observador)", "(Observer)").
_OBSERVER_MARK = re.compile(r"\((?:as\s+(?:an?\s+)?|en\s+calidad\s+de\s+|como\s+)?(?:observer|observador[a]?)(?:\s+(?:country|pa[ií]s))?\)", re.I)
# An observers' phrase that names its countries after it ("the observer countries Colombia, ...").
# A line that labels who observed ("Observers / partners: Embassy of ...", "Países observadores: Colombia, ..."): no delegation.
_OBSERVERS_LABEL = re.compile(r"\s*(?:observers?|observador(?:es|as)|observer\s+(?:countries|states)|pa[ií]ses\s+observadores)\b[^:\n]{0,40}:", re.I)
_OBSERVERS_BEFORE = re.compile(r"observer\s+(?:countries|states|delegations)|pa[ií]ses\s+observadores", re.I)
# Words that a country list does not hold: between them, an observers' phrase and a country are not
# in one list (the members named before the meeting's place, the observers after it).
_FOLLOWED_THE_MEETING = re.compile(r"\b(?:followed|attended|joined|observed|siguieron|sigui[oó]|asisti[oó]\s+a)\s+(?:the|la|el)\s+"
                                   r"(?:meeting|session|reuni[oó]n|sesi[oó]n)\s*$", re.I)
_NOT_A_LIST = re.compile(r"\b(?:meeting|met|held|member|members|miembros?|reunid[oa]s?|celebrad[oa]|within|framework|marco)\b", re.I)
# ("... formuló las siguientes: Participaron, en calidad de observadores, ...", "Canada, ..., as well
# as UNHCR and IOM as observers")
# (and "..., Panamá y República Dominicana, y en presencia de representantes de ACNUR, ..., en calidad de
# observadores": the observers are those after "en presencia de")
_OBSERVER_CLAUSE_END = re.compile(r"[.;:]\s|,?\s+(?:as\s+well\s+as|as\s+did|as\s+also|as[ií]\s+como|junto\s+con|together\s+with|"
                                  r"y\s+(?:en|con)\s+(?:la\s+)?presencia\s+de|and\s+(?:in|with)\s+the\s+presence\s+of|"
                                  # ("under the Presidency Pro Tempore of the Dominican Republic, with the participation of
                                  # Argentina, ... as Observer Countries": the observers are those after it)
                                  r"with\s+the\s+(?:participation|presence)\s+of|con\s+la\s+(?:participaci[oó]n|presencia)\s+de)\b", re.I)
_CLAUSE_END = re.compile(r"[.;]\s")  # (not ":": "Excusaron su asistencia: Belice y Canadá.")
# A list marker or a table's bar before a line's country ("1. BELIZE", "| Canada |", "- México").
_LIST_LEAD = re.compile(r"\s*(?:\||\d{1,2}[.)]|\d{1,3}[ \t]*\|(?=[ \t]*[^\W\d_])|[-\u2022*])?\s*")  # (and a table's number cell, "7 | Panamá | ...")
# A country at the head of a line of such a list: "Belize: Ms. ...", "Delegation of the Dominican
# Republic: ...", "BELICE", "Canadá\tSr. ...", "México (PPT)".
_DELEGATION_OF = re.compile(r"(?:delegation\s+of|delegaci[oó]n\s+de)\s+(?-i:the\s+|la\s+)?", re.I)  # not "El" Salvador
# The last word of a line that a wrapped line continues ("... Embassy in" / "Panama").
_WRAPPING = re.compile(r"(?:[,\-\u2013]|\b(?:in|of|at|and|the|for|to|de|del|en|y|la|el|para|por|con))$", re.I)
# (or a participant's title after it, as a PDF table's cells run together: "Canada Mr. Graham Whitlock ...")
# (or dot leaders: "Panama ........ Delegation: ...")
# A person's title at a participants list's line start ("Sra. Ana Montero Vargas    Costa Rica"): the line's
# country, if any, is at its end.
_PERSON_FIRST = re.compile(r"[ \t]*(?:Mr|Mrs|Ms|Sr|Sra|Srta|Dr|Dra|Lic|Licda|Ing|Amb|Emb|Abog|Abg|Arq|Prof|Mtro|Mtra|Lcdo|Lcda|Hon|Excmo|Excma)\.\s")
_AFTER_COUNTRY = re.compile(r"\s*(?:$|[:(\t/,|\u2013\u2014-]|\.{3,})|\s+(?:Mr|Mrs|Ms|Sr|Sra|Srta|Dr|Dra|Lic|Licda|Ing|Amb|Emb|Com|Abog|Abg|Arq|Prof|Mtro|Mtra|Lcdo|Lcda|Hon|Excmo|Excma)\.\s|[ \t]{2,}(?=[A-ZÁÉÍÓÚÑ])"
                            # (a cell whose name wraps at "de"/"of", in columns of spaces: "Estados Unidos de     Presencial" / "América")
                            r"|[ \t]+(?:de|of)[ \t]{3,}(?=[A-ZÁÉÍÓÚÑ])")
# What a line of a list of participants says the country's people were, when not its government's
# delegation ("Belize ....... RNCOM: Help for Progress", "Colombia ... Observer: ...").
_NOT_DELEGATION = re.compile(r"[\s.:\u2013\u2014-]*(?:observers?|observador(?:es|as?)?|rncom|rrocm|civil\s+society|sociedad\s+civil|"
                             r"ngos?|ong)\b", re.I)
# A declaration's preambular paragraph ("Recognizing ...;", "Reafirmando ...,"): context, not an item.
_PREAMBULAR_WORDS = (
    r"(?:recogni[sz]ing|reaffirming|recalling|taking\s+(?:into\s+account|note)|considering|welcoming|noting|"
    r"acknowledging|emphasi[sz]ing|stressing|underlining|highlighting|bearing\s+in\s+mind|mindful|aware|concerned|"
    r"convinced|reiterating|guided|whereas|expressing|observing|having\s+(?:examined|considered|reviewed|received|heard|analy[sz]ed)|"
    r"habiendo\s+(?:examinado|considerado|revisado|recibido|escuchado|analizado|conocido)|expresando|observando|"
    r"reconociendo|reafirmando|recordando|tomando\s+(?:en\s+cuenta|nota)|teniendo\s+(?:en\s+cuenta|presente)|"
    r"considerando|acogiendo|destacando|subrayando|resaltando|reiterando|valorando|conscientes|preocupad[oa]s|"
    r"convencid[oa]s|guiad[oa]s|que)\b")
PREAMBULAR = re.compile(r"^" + _PREAMBULAR_WORDS + r".*[,;]$", re.I | re.S)  # (and "Que ...;" under "CONSIDERANDO:")
_PREAMBULAR_START = re.compile(_PREAMBULAR_WORDS, re.I)
# The unnumbered headings of a report's other sections, which end an unnumbered agreements section.
OTHER_SECTION = re.compile(
    r"^(?:(?:lista\s+de\s+)?participantes|(?:list\s+of\s+)?participants|attendance|asistencia|asistentes|"
    r"pending\b.*|(?:asuntos|temas)\s+pendientes\b.*|pendientes\b.*|seguimiento\b.*|follow[- ]?up\b.*|"
    r"(?:any\s+)?other\s+(?:business|matters)|asuntos\s+varios|varios|otros\s+asuntos|"
    r"clos(?:ing|ure)\b.*|clausura\b.*|cierre\b.*|next\s+meeting\b.*|pr[oó]xima\s+reuni[oó]n\b.*|agenda\b.*|"
    r"next\s+steps|pr[oó]ximos\s+pasos|"
    r"introduc(?:tion|ci[oó]n)\b.*|desarrollo\b.*|summary\b.*|resumen\b.*|background|antecedentes|proceedings|"
    r"deliberations|deliberaciones|discussions?|debates?|"
    # ("Summary of Decisions" over the table, then "Detailed Account of the Discussions" over the narrative)
    r"(?:detailed\s+|full\s+)?account\s+of\s+(?:the\s+)?(?:discussions?|proceedings|deliberations|meeting)|relator[ií]a(?:\s+de\b.*)?|"
    r"record\s+of\s+(?:the\s+)?(?:discussions?|proceedings)|"
    # (a web page's "Documentos relacionados" list of links after the agreements)
    r"(?:documentos?|documents?)\s+(?:relacionados|related|de\s+referencia)|related\s+documents|reference\s+documents)\s*:?\s*$",
    re.I,
)
# A lead-in to a list of earlier meetings' agreements ("The TS presented the status of the agreements
# adopted at ...:"), where the body does not itself agree ("In follow-up ..., the RCGM agreed:").
EARLIER_LEAD = re.compile(r"\b(?:status|progress|implementation|estado|avance|cumplimiento|previous|anterior|pasad[oa])\b", re.I)
AGREEING = re.compile(r"\b(?:agreed|agrees?|decided|decides|resolved|acord[oó]|acordaron|acuerdan?|decidi[oó]|decidieron|resolvi[oó]|resolvieron)\b", re.I)


def _earlier_lead(line: str) -> bool:
    return line.endswith(":") and EARLIER_LEAD.search(line) is not None and AGREEING.search(line) is None
STATUS = re.compile(r"^\s*(final version|draft|versi[oó]n final|borrador|final draft)\s*$", re.I)


@dataclass
class Para:
    start: int
    end: int
    lines: list[tuple[int, int]] = field(default_factory=list)
    text: str = ""  # whitespace-collapsed, artefacts removed

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


# A speck before a line's first word, not a Markdown row's first cell: "| El Grupo Regional ..." (no
# closing bar on the line), "~ 1. La reunión ...", "i a) Recomendar ..." before a marker.
_SPECK = re.compile(r"[~|][ \t]+[^|\n]*$", re.M)
_SPECK_BEFORE_MARKER = re.compile(r"[il'`][ \t](?=(?:[a-h]\)|\d{1,2}[.)])[ \t]+[A-ZÁÉÍÓÚÑ])")


_QUOTED = re.compile(r"^[ \t]*>(?:[ \t]*>)*[ \t]?", re.M)
# The line that opens a quoted earlier message under a reply ("On Wed, Nov 16, 2022 at 10:12 AM, Ana <...> wrote:",
# "El mié, 16 nov 2022 a las 10:12, Ana <...> escribió:"), the quoted lines right under it.
_WROTE = re.compile(r"^[ \t]*(?:on|el)\s[^\n]{4,200}?(?:wrote|escribi[oó])\s*:[ \t]*\r?\n(?:[ \t]*\r?\n)?[ \t]*>", re.M | re.I)
_NUMBERED_LINE = re.compile(r"^[ \t]*\(?\d{1,2}[.)][ \t]+\S", re.M)
_MD_BOLD = re.compile(r"\*\*([^*\n]+?)\*\*")
_MD_LINE = re.compile(r"^[ \t]*(\*{1,3}|_{1,3})(?=\S)([^*_\n]+?)(?<=\S)(\1)[ \t]*$", re.M)
# A task-list line under an item that says who does it and by when ("- [ ] Owner: TS — Due: March 31, 2022", "- [x]
# Owner: CA, SV — sent"), as an online document exports minutes: the item's follow-up, no sub-item of it.
_TASK_LINE = re.compile(r"^([ \t]*)[-*+][ \t]+\[[ xX]\][ \t]+(?=(?:owners?|responsables?|responsible|lead)[ \t]*:)", re.M | re.I)
# A pictograph before a line's label, as a chat's summary marks them ("✅ Acuerdo: Aprobar ...", "📌 Tarea: ... –
# Responsable: ST – Fecha: 10/11/2023"): no part of the label.
_PICTOGRAPH_LABEL = re.compile(r"^[ \t]*[\u2190-\u21ff\u2600-\u27bf\u2b00-\u2bff\U0001F300-\U0001FAFF\ufe0f]+[ \t]*"
                               r"(?=(?i:acuerdos?|agreements?|decisi[oó]n|decisions?|compromisos?|commitments?|tareas?|tasks?|"
                               r"acci[oó]n|actions?|pendientes?|pending)[ \t]*:)", re.M)
# A pictograph of the emoji planes at a line's start (never a list's glyph: those are in the symbol blocks, "✔", "☐").
_EMOJI_START = re.compile(r"^[ \t]*[\U0001F300-\U0001FAFF][\U0001F300-\U0001FAFF\ufe0f\u200d]*[ \t]*", re.M)
# A line in bold as an HTML e-mail saved as text writes it, in single asterisks or underscores ("*Agreements*",
# "*CONCLUSIONS AND RECOMMENDATIONS*"): its marks are no part of the heading.
_EMPHASIS_LINE = re.compile(r"^([ \t]*)([*_])([^*_\n]*[^*_\s])\2(?=[ \t\r]*$)", re.M)
_MD_ESCAPE = re.compile(r"\\([.\-*_#()\[\]])")
_HTML_BREAK = re.compile(r"<br\s*/?>", re.I)
_LINE_NUMBER = re.compile(r"^[ \t]{0,4}(\d{1,4})(?:[ \t]{2,}|$)", re.M)


_GRID_ROW = re.compile(r"^[ \t]*[|+].*[|+][ \t]*$", re.M)  # (and a grid's "+------+-----+")
_GRID_RULE = re.compile(r"[ \t]*[|+]?[-=:+| \t]*[-=]{3,}[-=:+| \t]*[|+]?[ \t]*")


def _wrapped_grid(text: str) -> str | None:
    """``text`` with the bars and rules of each table drawn with "|" whose rows wrap, their cells going on in the lines
    under them with the first cell blank ("| 1    | Take note of the report of the |" / "|      | Presidency Pro ... |"),
    three such lines or more, blanked (offsets kept): a table in columns of spaces, which
    :func:`rcmkg.converters.columns.space_tables` reads cell by cell. None where there is no such table (a Markdown
    table whose rows are a line each is read as it is)."""
    out: list[str] | None = None
    lines = list(_GRID_ROW.finditer(text))
    k = 0
    while k < len(lines):
        run = [lines[k]]
        while k + 1 < len(lines) and lines[k + 1].start() == run[-1].end() + 1:
            k += 1
            run.append(lines[k])
        k += 1
        going_on = 0
        for m in run:
            cells = m.group(0).strip().strip("|").split("|")
            if len(cells) >= 2 and not cells[0].strip() and any(c.strip() for c in cells[1:]) and not _GRID_RULE.fullmatch(m.group(0)):
                going_on += 1
        if going_on < 3:
            continue
        if out is None:
            out = list(text)
        for m in run:
            rule = _GRID_RULE.fullmatch(m.group(0)) is not None
            for j in range(m.start(), m.end()):
                if text[j] == "|" or (rule and text[j] in "-=:+"):
                    out[j] = " "
    return "".join(out) if out is not None else None


def _line_numbers(text: str) -> str | None:
    """``text`` with its margin's line numbers blanked, when most of its lines start with one and
    they count up by one (a legal draft's "   1    REGIONAL ...", "   2    ..."); else None."""
    if text.count("\n") < 20:
        return None
    found = list(_LINE_NUMBER.finditer(text))
    lines = text.count("\n") + 1
    if len(found) < 0.6 * lines:
        return None
    values = [int(m.group(1)) for m in found]
    if sum(1 for a, b in zip(values, values[1:], strict=False) if b == a + 1) < 0.9 * (len(values) - 1):
        return None
    out: list[str] = []
    at = 0
    for m in found:
        out += [text[at : m.start(1)], " " * (m.end(1) - m.start(1))]
        at = m.end(1)
    return "".join([*out, text[at:]])


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, newline excluded; handles \\n, \\r\\n and \\r."""
    out = []
    for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text):
        if m.start() == len(text) and m.group(0) == "":
            break
        line = m.group(0).rstrip("\r\n")
        out.append((m.start(), m.start() + len(line)))
    return out


def clean(text: str) -> str:
    """Artefacts out, words hyphenated at a line end joined, whitespace collapsed: the text a reader sees."""
    if "[" in text:
        text = ARTEFACT.sub("", text)
    if "**" in text or "\\" in text:
        # Markdown's bold ("**ACUERDOS**") and escapes ("4\\. CIERRE"), as an editor exports them
        text = _MD_ESCAPE.sub(r"\1", _MD_BOLD.sub(r"\1", text))
    if "-" in text and "\n" in text:
        text = HYPHEN_BREAK.sub("", text)
    return " ".join(text.split())


def _strip_start(text: str, s: int, e: int) -> int:
    """Skip leading whitespace, Word artefacts and a scan's specks ("~ 1. La reunión", "| El Grupo").
    (a lone "|" or "~" and a space: a Markdown row's "| 1 |" has no space after a word before its bar)"""
    while s < e:
        m = ARTEFACT.match(text, s)
        if m:
            s = m.end()
        elif text[s].isspace() or text[s] in "\ufeff\u200b":
            s += 1
        elif text[s] in "~|" and s + 1 < e and text[s + 1] in " \t" and _SPECK.match(text, s, e):
            s += 2
        elif text[s] in "il'`" and _SPECK_BEFORE_MARKER.match(text, s, e):
            s += 2  # (a scan's speck at the page's edge before a list's marker: "i a) Recomendar ...")
        else:
            break
    return s


def _rstrip_end(text: str, s: int, e: int) -> int:
    while e > s and (text[e - 1].isspace() or text[e - 1] in "\u00a0\u200b"):
        e -= 1
    return e


_INLINE_ROMAN = re.compile(r"\((ii|iii|iv|v|vi|vii|viii|ix|x|II|III|IV|V|VI|VII|VIII|IX|X)\)\s")
_ROMAN_BEFORE = {"ii": "i", "iii": "ii", "iv": "iii", "v": "iv", "vi": "v", "vii": "vi", "viii": "vii", "ix": "viii", "x": "ix",
                 "II": "I", "III": "II", "IV": "III", "V": "IV", "VI": "V", "VII": "VI", "VIII": "VII", "IX": "VIII", "X": "IX"}


def _indent(text: str, at: int) -> int:
    """How far the line holding offset ``at`` is indented, in characters."""
    start = text.rfind("\n", 0, at) + 1
    return len(text[start:at]) - len(text[start:at].lstrip(" \t")) if at > start else 0


def _indented_continuation(text: str, cur: Para, at: int, prev_len: int, wrap: int) -> bool:
    """Whether the line at ``at`` goes on with paragraph ``cur`` of a text whose paragraphs indent their first line:
    ``cur``'s first line indented three or more further than its others and this one, which sit at one margin,
    and the line before full (a last line stops short)."""
    if wrap < 40 or prev_len < 0.75 * wrap:
        return False
    margin = _indent(text, at)
    if _indent(text, cur.lines[0][0]) < margin + 3:
        return False
    # (its second and its last line: a look at each line would make a long paragraph quadratic)
    return len(cur.lines) == 1 or (_indent(text, cur.lines[1][0]) == margin and _indent(text, cur.lines[-1][0]) == margin)


# A line that opens a quotation of a numbered text ('"5.1  Designate ...', "“a) ...") and one that closes it.
_QUOTE_OPENS = re.compile(r"[\"\u201c\u00ab]\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[a-h][.)]|\([a-h]\))\s")
_QUOTE_CLOSES = re.compile(r"[\"\u201d\u00bb][.;,:)]*$")


# A lead-in naming whose commitments the list under it holds ("Compromisos de la ST:", "Commitments of Member
# Countries:", "IOM commitments:").
COMMITMENTS_OF = re.compile(r"(?:(?:compromisos?|commitments?|acciones|actions?|tareas|tasks)\s+(?:de|del|of|by|for)\s+[^:\n]{2,70}"
                            r"|[^:\n]{2,50}\s+(?:commitments|actions))\s*:\s*$", re.I)


def paragraphs(text: str) -> list[Para]:
    paras: list[Para] = []
    cur: Para | None = None
    lines = _lines(text)
    # How wide the text is wrapped (a line of a hard-wrapped paragraph is about this long): a numbered
    # line that the next line's first word would have fitted on, over a line that starts a sentence,
    # ended there by choice: a heading ("1. Bienvenida" / "La Viceministra de ..."), not an item.
    widths = sorted(e - s for s, e in lines if e > s)
    wrap = widths[int(0.9 * (len(widths) - 1))] if widths else 0
    # The document's first lines, printed again at the top of each page (a running header): where they
    # come again they are a paragraph of their own, not the start of the sentence under them.
    firsts = [ln for s, e in lines[:12] if 10 <= len(ln := text[s:e].strip()) < 120][:3]
    quoting = False  # inside a quotation whose first line opens with a numbered line ('"5.1  Designate ...')
    numbered_rows = _numbered_rows(text, lines)
    in_row = False  # inside such a row, its lines its paragraph's
    for at, (s, e) in enumerate(lines):
        s2, e2 = _strip_start(text, s, e), _rstrip_end(text, s, e)
        if s2 >= e2:
            cur = None
            quoting = False
            in_row = False
            continue
        body = text[s2:e2]
        if quoting and cur is not None:
            # (its numbered lines, "5.2  Develop ...", "5.3  Promote ...": the quoted text's, no items)
            cur.lines.append((s2, e2))
            cur.end = e2
            quoting = not _QUOTE_CLOSES.search(body)
            continue
        quoting = bool(_QUOTE_OPENS.match(body)) and not _QUOTE_CLOSES.search(body)
        if "\f" in text[s:s2]:
            cur = None  # a page break: what follows starts a paragraph (a page's footer stays apart)
        if RULE.fullmatch(body):  # a rule ("-----") is a paragraph of its own: nothing joins it
            paras.append(Para(s2, e2, [(s2, e2)]))
            cur = None
            continue
        if md := MD_HEADING.match(body):  # a Markdown heading: a paragraph of its own, its title
            paras.append(Para(s2 + md.end(), e2, [(s2 + md.end(), e2)]))
            cur = None
            continue
        if body.startswith("|") and "|" in body[1:]:  # a row of a Markdown table: a paragraph of its own
            paras.append(Para(s2, e2, [(s2, e2)]))
            cur = None
            continue
        if (cur is not None and body.count(" | ") >= 2
                and text.count(" | ", cur.lines[-1][0], cur.lines[-1][1]) == body.count(" | ")):
            # rows of a table typed with bars between the cells, one a line ("D-2019-01 | Adopt ... | Plenary | 05/03/2019"
            # under "ID | Decision | Owner | Due"): each its own paragraph, as a Word table's row is
            cur = None
        if at in numbered_rows:
            # a table's number cell alone on its line, its row's text on the lines under it ("1" / "Agradecer a las
            # delegaciones ..."): an item's start; the row's other cells ("Países Miembros" / "No aplica"), lines too,
            # are its paragraph's to the next row, a sub-item's line ("a) Tomar nota ...") apart
            cur = Para(s2, e2, [(s2, e2)])
            paras.append(cur)
            in_row = True
            continue
        if in_row and cur is not None and "\f" not in text[s:s2] and not (MARKER.match(body) or BULLET.match(body)):
            cur.lines.append((s2, e2))
            cur.end = e2
            continue
        if PAGE_NUMBER.fullmatch(body):  # "- 2 -": its own paragraph (dropped), not a bullet
            paras.append(Para(s2, e2, [(s2, e2)]))
            cur = None
            continue
        if (at >= 12 and cur is not None and body not in firsts
                and all(text[a:b].strip() in firsts for a, b in cur.lines)):
            cur = None  # (the page's header block ends here)
        prev = text[cur.lines[-1][0] : cur.lines[-1][1]] if cur is not None else ""
        if cur is not None and len(cur.lines) == 1 and (lm := MARKER.match(prev + " ")) and lm.end() == len(prev) + 1:
            # a marker alone on its line ("Acuerdo 3:", "ACUERDO No. 7"): its text is on the next
            cur.lines.append((s2, e2))
            cur.end = e2
            continue
        starts_item = bool(MARKER.match(body) or BULLET.match(body)
                           or (LOST_GLYPH.match(body) and (cur is None or SENTENCE_END.search(prev) or prev.endswith("]"))))
        if starts_item and cur is not None and (im := _INLINE_ROMAN.match(body)) is not None and f"({_ROMAN_BEFORE.get(im.group(1), '-')})" in prev:
            # an enumeration printed inline and wrapped ("... (III) reports of the Networks;" / "(IV)
            # extra-regional migration; (V) ..."): the line goes on with it, no item
            cur.lines.append((s2, e2))
            cur.end = e2
            continue
        if cur is not None and not starts_item:
            # A Word paragraph is one line; a hard-wrapped one continues until a sentence ends. An
            # item's paragraph has no dateline inside ("... held in San José, Costa / Rica, on ...").
            head = text[cur.start : cur.start + 12]
            in_item = bool(MARKER.match(head) or BULLET.match(head))
            # (a colon or semicolon inside a parenthesis left open, "(deadline:", "(Responsible: Member
            # Countries;", ends no sentence; nor does a sentence before an item's cells in brackets, "...
            # good practices." / "(Responsible: Member Countries; Deadline: 30/11/2006)")
            if ((not SENTENCE_END.search(prev)
                 or (prev.endswith((":", ";")) and (prev.count("(") > prev.count(")") or prev.count("[") > prev.count("]")))
                 # (a typescript whose paragraphs indent their first line: a full line that ends "... por el Lic." or
                 # "...;" over one at the margin goes on; the next paragraph is indented)
                 or (not in_item and _indented_continuation(text, cur, s2, len(prev), wrap))
                 or (in_item and _PAREN_CELLS_START.match(body) is not None
                     # (a bracket's under a numbered item's: "3) Remitir ..." / "[Responsable: ...] [Plazo: ...]"; under a
                     # lettered sub-item, "(c) present ..." / "[Responsible: ...]", it is the parent's)
                     and (body.startswith("(") or re.match(r"\d", head) is not None)
                     # (not a sub-item's, indented, under which the cells are its parent's: "\t–\t..." / "(Responsable: ...)")
                     and s2 - s >= cur.start - (text.rfind("\n", 0, cur.start) + 1)))
                    and (in_item or not _is_heading_pair(prev, body))
                    # (a text whose paragraphs are one line each, as Word saves them, not wrapped: a short line over a
                    # sentence of its own is its heading, "Background" / "The meeting was convened to follow up ...")
                    and not (wrap >= 160 and len(cur.lines) == 1 and len(prev) < 60 and not in_item and len(body) >= 80
                             and SENTENCE_END.search(body) is not None and _SENTENCE_START.match(body) is not None)
                    and not (MARKER.match(prev) and _SENTENCE_START.match(body) and _caps_line(prev))
                    and not (len(cur.lines) == 1 and MARKER.match(prev) and _SENTENCE_START.match(body) and wrap >= 60
                             and cur.lines[0][1] - cur.lines[0][0] + 1 + len(body.split()[0]) < wrap - 2
                             and not prev.rstrip().endswith((",", ";"))
                             # (a table's text column, its other cells blanked after it: wrapped at the column)
                             and not text.startswith("   ", cur.lines[0][1]))):
                cur.lines.append((s2, e2))
                cur.end = e2
                continue
        cur = Para(s2, e2, [(s2, e2)])
        paras.append(cur)
    for p in paras:
        p.text = clean("\n".join(text[a:b] for a, b in p.lines))
        if p.text.endswith(("'", "`", "~", "^", "\u2018", "\u2019")) and (sp := _SPECK_AFTER_COLON.search(p.text)) is not None:
            p.text = p.text[: sp.start()]  # (a scan's speck after a lead-in's colon: "En consecuencia, el GRCM acordó: '")
        if len(p.lines) == 1 and " " in p.text and _LETTERSPACED.fullmatch(raw := text[p.start : p.end].strip()):
            # a heading typed letter by letter ("A C U E R D A N :", "C O M U N I C A D O   C O N J U N T O"): read
            # as its words (the text it is traced to stays as printed)
            p.text = clean(re.sub(r"(?<=\S) (?=\S)", "", raw))
    return [q for p in _labels_joined(text, paras) for q in _inline_items(text, p)]


_BARE_NUMBER = re.compile(r"[ \t]*(\d{1,2})[ \t]*")
_ROW_TEXT_START = re.compile(r"[ \t]*[A-ZÁÉÍÓÚÑ][a-záéíóúñ]")


def _numbered_rows(text: str, lines: list[tuple[int, int]]) -> set[int]:
    """The lines that are a table's number cell alone, as text taken from a PDF's table has them ("1" / "Agradecer
    ..." / "Países Miembros" / "2" / ...): a bare number over a line that opens a sentence, the numbers going 1, 2,
    3 at least, a few lines apart."""
    found: list[tuple[int, int]] = []
    for k in range(1, len(lines) - 1):
        s, e = lines[k]
        if e - s > 6 or (m := _BARE_NUMBER.fullmatch(text, s, e)) is None:
            continue
        ns, ne = lines[k + 1]
        if "\f" not in text[s:ns] and _ROW_TEXT_START.match(text, ns, ne):
            found.append((k, int(m.group(1))))
    values = [v for _, v in found]
    # (rows a few lines long, not pages: "3" over "Conferencia Regional ..." at each page's top is a page's number)
    if (len(found) < 3 or values[:3] != [1, 2, 3] or values != sorted(values)
            or any(b - a > 20 for (a, _), (b, _) in itertools.pairwise(found))):
        return set()
    return {k for k, _ in found}


# A list's line that ends marking its country absent, after its body's name ("Belize - Anti-Trafficking Council: excused").
_ENDS_ABSENT = re.compile(r"[:\u2013\u2014(-][ \t]*(?:excused|absent|not\s+present|ausente|excusad[oa]|se\s+excus[oó])[ \t]*\)?[ \t.]*\Z", re.I)
# A list's line that marks its country absent, after it ("- Nicaragua: excused", "Belice – ausente").
_MARKED_ABSENT = re.compile(r"[ \t]*[:\-\u2013\u2014.(]*[ \t]*(?:excused|absent|apologies|not\s+present|did\s+not\s+attend|ausente|excusad[oa]|"
                            r"se\s+excus[oó]|no\s+asisti[oó]|no\s+particip[oó])\b", re.I)
# A row of a table of labelled rows: a short label, then its cell ("Next meeting | To be confirmed ...").
_LABEL_CELL_ROW = re.compile(r"[A-ZÁÉÍÓÚÑ][^\W\d_]*(?: [^\W\d_]+){0,4} \| \S")
# A cell that states an agreement: an item's verb first ("To accept ...", "Aprobar ...") or a future ("Mexico will ...").
_AGREEMENT_CELL = re.compile(r"(?:to\s+[a-z]{3,}|[A-ZÁÉÍÓÚ][a-záéíóúñ]+(?:ar|er|ir)(?:se|le|les)?\b|[^.;]*?\b(?:will|shall)\b|[^.;]*?[a-záéíóúñ]r[aá]n?\b)", re.I)
_SPECK_AFTER_COLON = re.compile(r"(?<=:) +['`~^\u2018\u2019]+$")
# A line typed letter by letter, two spaces or more between its words.
_LETTERSPACED = re.compile(r"(?:\S ){3,}\S(?:[ \t]{2,}(?:\S ){1,}\S)*")


# A paragraph that is an item's label alone ("Acuerdo 1.", "**Agreement 3:**", "ACUERDO PRIMERO"), its
# text the next paragraph's (a Word report with the label in bold on a line of its own).
_LABEL_ALONE = re.compile(rf"(?:\*\*)?(?:{_NAMED}|{_ORDINAL}|(?i:acuerd[o0]|resoluci[oó]n|decisi[oó]n)\s+(?:" + "|".join(ORDINALS)
                          + r")[oa])(?:\*\*)?\s*")


def _labels_joined(text: str, paras: list[Para]) -> list[Para]:
    """``paras`` with each label alone joined to the paragraph after it, when that one starts a
    sentence of its own and is no item; and each numbered title in capitals ("2. PLAN DE TRABAJO 2016") to
    the paragraph under it that opens with an agreement's verb ("Aprobar el Plan ..."), where two or more
    are so: the agreement and its title."""
    titled = {k for k in range(len(paras) - 1) if _titled_item(text, paras[k], paras[k + 1])}
    if len(titled) < 2:
        titled = set()
    if not titled and not any(len(p.text) <= 40 and _LABEL_ALONE.fullmatch(p.text) for p in paras):
        return paras
    out: list[Para] = []
    k = 0
    while k < len(paras):
        p = paras[k]
        if k in titled or (k + 1 < len(paras) and len(p.text) <= 40 and _LABEL_ALONE.fullmatch(p.text)
                and _SENTENCE_START.match(nxt := paras[k + 1].text) and not MARKER.match(nxt) and not _LABEL_ALONE.fullmatch(nxt)):
            nxt = paras[k + 1].text
            joined = Para(p.start, paras[k + 1].end, p.lines + paras[k + 1].lines)
            joined.text = p.text + " " + nxt
            out.append(joined)
            k += 2
            continue
        out.append(p)
        k += 1
    return out


def _titled_item(text: str, p: Para, nxt: Para) -> bool:
    """Whether ``p`` is a numbered title in capitals ("1. INFORMES DE LOS PAÍSES MIEMBROS") over ``nxt``, an
    unmarked paragraph that opens with an agreement's verb ("Agradecer a las delegaciones ...")."""
    if len(p.lines) != 1 or len(p.text) > 100 or (m := MARKER.match(p.text)) is None or not m.group("label")[:1].isdigit():
        return False
    title = p.text[m.end() :]
    return (_caps_line(title) and not SENTENCE_END.search(title) and MARKER.match(nxt.text) is None
            and _ITEM_VERB.match(nxt.text) is not None and not text[p.end : nxt.start].count("\n") > 2)


# An enumeration inside one paragraph ("the Group agreed: First, to ...; Second, to ...; Third, ...:
# (a) ...; and (b) ..."): each of its members starts after a colon or a semicolon.
_INLINE = re.compile(
    # (or numbers: "The following was agreed: (1) ...; (2) ...", "Acuerdos: 1) Aprobar ... 2) Solicitar ...")
    r"[:;](?:\s+(?:and|y))?\s+(?=(?:(?i:" + "|".join(ORDINALS_EN) + r")\s*,|\([a-h]\)|[a-h]\)|\((?:i|ii|iii|iv|v)\)|\(\d{1,2}\)|\d{1,2}\)|[\u2022\u25aa\u25e6])\s)"
    # (or after a full stop, a letter's: "...: a) Solicitar ... de 2013. b) Agradecer ...", a Word cell's
    # paragraphs joined in one line)
    r"|\.\s+(?=\(?(?:[b-h]|[2-9]|1\d)\)\s)"
    # (or the last after "y" or "and" alone: "...: a) el listado de sus programas ... y b) el punto focal ...")
    r"|,?\s+(?:y|e|and)\s+(?=\(?[b-h]\)\s)"
    # (or a member's own letters after a comma: "(4) with regard to ..., (a) the Presidency will ..., and (b) ...")
    r"|,\s+(?=\(a\)\s)")
_INLINE_AFTER_STOP = re.compile(r"\.\s+\(?[b2]\)\s")
_INLINE_FIRST = re.compile(r"(?i:first)\s*,|\(a\)|a\)|\(i\)|\(1\)|1\)|[\u2022\u25aa\u25e6]\s")  # (and bullets run on: "including: • ...; • ...")
_INLINE_SECOND = re.compile(r"(?i:second)\s*,|\(b\)|b\)|\(ii\)|\(2\)|2\)")


def _part(text: str, p: Para, a: int, b: int) -> Para:
    """The part ``text[a:b]`` of paragraph ``p``, its lines cut to it."""
    lines = [(max(s, a), min(e, b)) for s, e in p.lines if s < b and e > a]
    lines = [(s, _rstrip_end(text, s, e)) for s, e in lines if _rstrip_end(text, s, e) > s]
    q = Para(lines[0][0] if lines else a, lines[-1][1] if lines else a, lines)
    q.text = clean("\n".join(text[s:e] for s, e in lines))
    return q


def _inline_items(text: str, p: Para) -> list[Para]:
    """``p`` cut at the members of an enumeration printed inside it, when it starts one after a colon
    ("First," or "(a)") and has a second; else ``[p]``."""
    starts_one = _INLINE_FIRST.match(text, p.start) is not None  # ("(i) the TS will ...; and (ii) Member Countries ...")
    if ((":" not in p.text and not starts_one) or (";" not in p.text and not _INLINE_AFTER_STOP.search(p.text)) or " | " in p.text
            # (nor an item's "Deadline: a) June 14, 2013; b) July 12, 2013": its cell, the dates of its sub-items)
            or _LABELLED.match(text, p.start) is not None or _RESPONSIBLE.match(p.text) is not None):
        # (a table's row is one item, with its cells: an enumeration inside its text stays there)
        return [p]
    # (where the member before ends, after its colon or semicolon; where the next one starts)
    cuts = [(m.start() + 1, m.end()) for m in _INLINE.finditer(text, p.start, p.end)]
    at = next((i for i, (e, s) in enumerate(cuts) if text[e - 1] == ":" and _INLINE_FIRST.match(text, s)), None)
    if at is None and starts_one and cuts and _INLINE_SECOND.match(text, cuts[0][1]):
        # a paragraph that is the enumeration's first member, the second after its semicolon
        members = [_part(text, p, p.start, cuts[0][0])]
        for k, (_, s) in enumerate(cuts):
            members.append(_part(text, p, s, cuts[k + 1][0] if k + 1 < len(cuts) else p.end))
        return [q for q in members if q.lines]
    if at is None or len(cuts) - at < 2:
        return [p]
    # (a letter's member only after the letter before it: "(4) ..., (a) the Presidency ..., and (b) the TS ..." keeps
    # its "(b)", whose "(a)" was no member, in the fourth's text)
    kept: list[tuple[int, int]] = []
    for i, (e, s) in enumerate(cuts[at:], at):
        if text[e - 1] == "," and text[s : s + 3] == "(a)" and not (i + 1 < len(cuts) and text[cuts[i + 1][1] : cuts[i + 1][1] + 3] == "(b)"):
            continue  # (an "(a)" after a comma is a member only when "(b)" follows it)
        lm = re.match(r"\(?([b-h])\)", text[s : s + 3])
        if lm is not None and kept and not re.match(r"\(?" + chr(ord(lm.group(1)) - 1) + r"\)", text[kept[-1][1] : kept[-1][1] + 3]):
            continue
        kept.append((e, s))
    if len(kept) < 2:
        return [p]
    cuts = kept
    out: list[Para] = []
    k = 0  # the first of the paragraph's lines that may reach the member (both are in text order)
    for a, b in zip([p.start, *(s for _, s in cuts)], [*(e for e, _ in cuts), p.end], strict=True):
        while k < len(p.lines) and p.lines[k][1] <= a:
            k += 1
        lines = []
        for s, e in p.lines[k:]:
            if s >= b:
                break
            lines.append((max(s, a), min(e, b)))
        lines = [(s, _rstrip_end(text, s, e)) for s, e in lines if _rstrip_end(text, s, e) > s]
        if lines:
            q = Para(lines[0][0], lines[-1][1], lines)
            q.text = clean("\n".join(text[s:e] for s, e in lines))
            out.append(q)
    return out


# A numbered line in capitals (a heading: "2. CONSULAR PROTECTION DURING THE PANDEMIC") and a line
# that starts a sentence in mixed case under it: the heading and its narrative, two paragraphs.
_CAPS_WORD = re.compile(r"[A-ZÁÉÍÓÚÑ]{3,}")


def _bullet_family(label: str) -> str:
    """Which of the glyphs lists nest by a bullet is: a dash, a white bullet ("◦", Word's "o"), a
    square ("▪", "§") or a round one."""
    glyph = label.strip()[:1]
    if glyph in "-\u2013\u2014":
        return "dash"
    if glyph in "\u25e6o":
        return "white"
    if glyph in "\u25aa\u00a7":
        return "square"
    return "round"


def _caps_line(line: str) -> bool:
    # linear, whatever the line (a pattern of overlapping runs backtracked on a long one)
    return line.upper() == line and len(_CAPS_WORD.findall(line, 0, 200)) >= 2
_SENTENCE_START = re.compile(r"[A-ZÁÉÍÓÚÑ][a-záéíóúñü]")
_HELD = re.compile(r"\b(?:held|celebrad[oa]s?|realizad[oa]s?|adopted|adoptad[oa]s?)\b", re.I)


_BY_DATE_BEFORE = re.compile(r"\b(?:by|before|until|no\s+later\s+than|antes\s+del?|a\s+m[aá]s\s+tardar\s+el|hasta\s+el)\s+$", re.I)


def _is_heading_pair(prev: str, line: str) -> bool:
    """Two stacked heading lines ("San José, Costa Rica" / "November 18th, 2013") stay apart."""
    # A line wrapped in the middle of a sentence ("... the workshop held in" / "Managua, on November
    # 23, 2014. The ...") continues it: a heading does not end in a lowercase word or a comma.
    last = prev.rstrip().rsplit(None, 1)[-1] if prev.strip() else ""
    if last.endswith(",") or last[:1].islower():
        return False
    if line[:1].islower() and ". " in prev:
        # ("Antigua Guatemala, 8 de mayo de 2002. Los días 7 y 8 de mayo de 2002" / "se celebró en ...": a
        # sentence begun after the release's dateline goes on, its date at the line's end)
        return False
    # the cheap length test first: most lines are long; a dateline ends with its date
    # (not a sentence's line that ends with its date: "Migration and Development, held in New York on
    # October 3 and 4, 2013;")
    return any(len(x) < 80 and not x.rstrip().endswith((";", ",")) and not _HELD.search(x)
               and (ds := find_dates(x)) and len(x[ds[-1].finish :].split()) <= 2
               # (not a deadline that ends a wrapped sentence: "... to all Member" / "Countries by 8 March 2019.")
               and not _BY_DATE_BEFORE.search(x, 0, ds[-1].begin) for x in (line, prev))


# ---- header facts ---------------------------------------------------------------------------------


_MONTH_YEAR = re.compile(r"\b(" + "|".join(sorted((m for m in MONTHS if len(m) > 3 or m == "may"), key=len, reverse=True))
                         + r")\s+(?:de(?:l)?\s+|of\s+)?((?:19|20)\d\d)\b", re.I)


def _one_participant(text: str, at: int) -> bool:
    """Whether a way of attending at ``text[at]`` is said of one participant, in brackets after its
    name ("República Dominicana | Dirección General de Migración (por videoconferencia)"), not after
    the meeting's ("REUNIÓN ORDINARIA (MODALIDAD VIRTUAL)", "Hotel Sortis (hybrid format, ...)")."""
    return (text[max(0, at - 4) : at].rstrip().endswith("(")
            and re.match(r"\s*(?:por|by|via|v[ií]a)\s+videoconferen\w+\s*\)", text[at : at + 40], re.I) is not None)


def _dated_otherwise(text: str, at: int, day: DateRange) -> bool:
    """Whether the sentence around ``text[at]`` dates another meeting than the one on ``day`` ("La XXVI
    Reunión Viceministerial, celebrada de manera virtual el 18 de noviembre de 2021, ...", "En su
    reunión virtual del 8 de noviembre de 2022, ...": the background's, not this meeting's way)."""
    # (a sentence ends at a full stop before a space or a line's end, a file's "\r\n" too)
    start = max(max(text.rfind(end, 0, at) for end in (". ", ".\n", ".\r\n", "\n\n", "\n\r\n")) + 2, 0)
    stop = min((i for i in (text.find(end, at) for end in (". ", ".\n", ".\r\n", "\n\n", "\n\r\n")) if i >= 0), default=len(text))
    first, last = day.start, day.end or day.start
    dates = find_dates(text[start:stop])
    if dates:
        return all(d.start > last or (d.end or d.start) < first for d in dates)
    # (or a month of another: "En su reunión virtual de marzo de 2024, ...")
    months = [(int(m.group(2)), MONTHS[m.group(1).lower()]) for m in _MONTH_YEAR.finditer(text, start, stop)]
    return bool(months) and all(ym not in ((first.year, first.month), (last.year, last.month)) for ym in months)


_BY_VIDEO = re.compile(r"\b(?:and\s+|y\s+)?(?:by|via|through|por|v[ií]a|mediante)\s+(?:a\s+)?(?:videoconference|video\s+conference|"
                       r"videoconferencia|zoom|webex|(?:microsoft\s+)?teams)\b", re.I)


# An e-mail's "Sent:" line: when the message was sent, never the meeting's date.
# (or a fax's or printer's stamp, a day and a clock's time opening the line: "07/10/2016  11:43   +52 55 ...   PAG. 01/03")
_SENT_LINE = re.compile(r"[ \t]*(?:(?:sent|enviado(?:[ \t]+el)?|date[ \t]+sent)[ \t]*:|[0-3]?\d[/.-][01]?\d[/.-](?:19|20)?\d\d[ \t]+[0-2]?\d:[0-5]\d\b)", re.I)


_LABEL_COLON = re.compile(r"[^\W\d_]\s*:(?!\d)")  # a label's colon ("DE:", "A:"), not a time's ("10:00")


def _leading_date(p: Para, text: str) -> FoundDate | None:
    """The date a short header line starts with ("27 de octubre de 2020 – Modalidad virtual (plataforma
    Zoom)"), or None."""
    if len(p.text) > 120 or SENTENCE_END.search(p.text) or not p.text[:1].isdigit():
        return None
    dates = find_dates(text[p.start : p.end])
    return dates[0] if dates and dates[0].begin == len(text[p.start : p.end]) - len(text[p.start : p.end].lstrip()) else None


def _dateline(p: Para, text: str) -> FoundDate | None:
    """A paragraph that is only a date (possibly after a place): the report's dateline."""
    dates = find_dates(text[p.start : p.end])
    if len(dates) == 2 and dates[0].start == dates[1].start:
        # in two languages, "Aprobado en Tegucigalpa, el 15 de noviembre de 2017 / Adopted in
        # Tegucigalpa, on November 15, 2017": the first's
        cut = text.find(" / ", p.start + dates[0].finish, p.start + dates[1].begin)
        return _dateline(Para(p.start, cut, [(p.start, cut)]), text) if cut >= 0 else None
    if len(dates) != 1:
        return None
    d = dates[0]
    if text[p.start].islower():
        return None  # the end of a sentence wrapped onto its own line ("y lo presenten ... el 30 de septiembre de 2023.")
    rest = clean(text[p.start : p.start + d.begin] + " " + text[p.start + d.finish : p.end])
    rest = _BY_VIDEO.sub("", rest)  # ("Tegucigalpa, Honduras, and by videoconference – 17-18 May 2016": no due date's "by")
    rest = _PLATFORM.sub("", rest)  # ("Virtual Meeting – 9 June 2023 (Zoom platform)")
    # ("Virtual Meeting – 24 and 25 June 2020", "Reunión virtual, 3 de marzo de 2021": how it was held, then when)
    if _MODE_REST.fullmatch(rest.strip(" \u2013\u2014-,:")) is not None:
        rest = ""
    if len(rest) > 60 or re.search(r"\b(held|meeting|thank|will|shall|by|within|before|until|no later|"
                                   r"celebr\w*|reuni[oó]n|antes|hasta|tardar|dentro|plazo)\b", rest, re.I):
        return None
    # A dateline ends with its date; "Managua, on November 23, 2014. The RCGM took note ..." is a
    # sentence that starts with one.
    if len(clean(text[p.start + d.finish : p.end]).split()) > 2:
        return None
    return FoundDate(d.start, d.end, p.start + d.begin, p.start + d.finish, d.text)


# A bracket that names the platform a meeting was held on ("(Zoom platform)", "(plataforma Teams)").
_PLATFORM = re.compile(r"\(\s*(?:(?:la\s+)?plataforma\s+)?(?:zoom|webex|(?:microsoft\s+)?teams|google\s+meet)(?:\s+platform)?\s*\)", re.I)
_MODE_REST = re.compile(r"(?:virtual|hybrid|online)\s+(?:meeting|session)|(?:reuni[oó]n|sesi[oó]n)\s+(?:virtual|h[ií]brida)", re.I)


# A report's closing narrative after its items: the delegations' thanks, the meeting's close.
_CLOSING_REMARK = re.compile(
    r"(?=(?:signed|adopted)\s+by\s+the\s+heads?\s+of|(?:firmad[oa]|suscrit[oa])\s+por\s+(?:los|las)\s+(?:jef|repr))|"
    r"(?:the\s+(?:delegations|participants|delegates|meeting|session|co-?chairs?|chairs?|chairperson|presidency(?:\s+pro\s+tempore)?|ppt)"
    r"|las\s+delegaciones|los\s+(?:delegados|participantes|copresidentes)"
    r"|la\s+(?:reuni[oó]n|sesi[oó]n|presidencia(?:\s+pro\s+tempore)?|ppt))\s+(?:(?:also|then|finally|tambi[eé]n)\s+)?"
    r"(?:expressed|thanked|was\s+(?:closed|adjourned)|closed|ended|concluded|expresaron|agradecieron|se\s+clausur[oó]|"
    r"fue\s+clausurada|concluy[oó]|finaliz[oó]|termin[oó])\b"
    r"|(?:hora\s+de\s+cierre|closing\s+time|meeting\s+closed\s+at)\b"  # ("Hora de cierre: 4 de marzo, 13:15 hrs.")
    # ("The Network thanked the Government of Honduras for its hospitality ...", after a list of actions: the close's thanks)
    r"|(?:the\s+(?:network|group|coalition)|la\s+(?:red|coalici[oó]n)|el\s+grupo)\s+(?:thanked|agradeci[oó])\b[^.]{0,120}\b(?:hospitality|hospitalidad)\b"
    # ("The next meeting of the Network will be held in Panama City ...", after the list: where it meets next, no item's words)
    r"|(?:the\s+next\s+(?:\w+\s+)?meeting|la\s+pr[oó]xima\s+reuni[oó]n)\b[^.]{0,80}?\b(?:will\s+be\s+held|will\s+take\s+place|"
    r"se\s+(?:celebrar[aá]|realizar[aá]|llevar[aá]\s+a\s+cabo))\b", re.I)
_THANK_YOU = re.compile(r"[\u00a1]?\s*(?:thank\s+you|muchas\s+gracias|gracias)\s*[!.]", re.I)
# The meeting's close, said anywhere in a short paragraph ("Siendo las 16:40 horas del mismo día, la PPT dio por
# concluida la reunión.", "There being no other business, the meeting was adjourned at 5 p.m."), and who wrote the record.
_MEETING_CLOSED = re.compile(r"\b(?:dio|dieron|declar[oó]|declararon)\s+por\s+(?:concluid|clausurad|terminad|finalizad)[ao]s?\b"
                             r"|\b(?:meeting|session)\s+(?:was|is)\s+(?:closed|adjourned)\b"
                             r"|\bse\s+(?:clausur[oó]|levant[oó]|dio\s+por\s+(?:concluida|terminada))\s+la\s+(?:reuni[oó]n|sesi[oó]n)\b", re.I)
_PREPARED_BY = re.compile(r"[ \t]*(?:elaborad[oa]|preparad[oa]|redactad[oa]|prepared|drafted|compiled|minutes\s+taken)\s+(?:por|by)\b", re.I)
# An e-mail's request to its readers after the items ("Cualquier comentario o corrección al presente resumen
# les agradeceremos enviarlo ...", "Please send any comments or corrections by ..."): the message's, no item's.
_WRITERS_REQUEST = re.compile(r"(?:cualquier\s+(?:comentario|observaci[oó]n|duda)|les\s+agradecer(?:emos|[ií]amos)|"
                              r"please\s+(?:send|let\s+us\s+know|do\s+not\s+hesitate)|any\s+comments?\s+or\s+corrections?|"
                              r"we\s+(?:would|will)\s+(?:appreciate|be\s+grateful))\b", re.I)
# A date labelled as the document's own ("Date of issue:", "Fecha de elaboración:").
# ... or the version's ("Versión final – 14/11/2011", "Draft 2: 3 May 2016", "Rev. 1 - May 2016").
_ISSUED = re.compile(r"[ \t]*(?:date\s+of\s+(?:issue|issuance|preparation)|issued(?:\s+on)?\s*:|prepared\s+on|"
                     r"fecha\s+de\s+(?:emisi[oó]n|elaboraci[oó]n|actualizaci[oó]n|publicaci[oó]n)\b|"
                     r"(?:versi[oó]n(?:\s+(?:final|preliminar|revisada|\d+(?:\.\d+)?))?|(?:final\s+|revised\s+)?version(?:\s+\d+(?:\.\d+)?)?|"
                     r"(?:final\s+)?draft(?:\s+\d+)?|borrador(?:\s+\d+)?|rev(?:isi[oó]n|ision|\.)?\s*\d*)[ \t]*[-\u2013\u2014:,][ \t]*(?=\d|[A-Za-z]+\.?\s+\d))", re.I)
# Days of a month without their year ("May 21 and 22", "21 and 22 May", "21 y 22 de mayo").
_MONTH_NAMES = "|".join(sorted((m for m in MONTHS if len(m) > 3 or m == "may"), key=len, reverse=True))
_DAYS_NO_YEAR = re.compile(rf"\b(?:"
                           # (over the end of a month: "30 de noviembre y el 1 de diciembre", "November 30 and December 1")
                           rf"\d{{1,2}}\s+(?:de\s+|of\s+)?(?i:{_MONTH_NAMES})\s*(?:y|and|al|to|-|\u2013)\s*(?:el\s+|the\s+)?\d{{1,2}}\s+(?:de\s+|of\s+)?(?i:{_MONTH_NAMES})|"
                           rf"(?i:{_MONTH_NAMES})\s+\d{{1,2}}\s*(?:and|to|-|\u2013)\s*(?i:{_MONTH_NAMES})\s+\d{{1,2}}|"
                           rf"(?i:{_MONTH_NAMES})\s+\d{{1,2}}(?:\s*(?:and|-|\u2013|to)\s*\d{{1,2}})?|"
                           rf"\d{{1,2}}(?:\s*(?:and|y|al|-|\u2013|to)\s*\d{{1,2}})?\s+(?:of\s+|de\s+)?(?i:{_MONTH_NAMES}))\b(?!,?\s*(?:de\s+|del\s+)?\d{{4}})")
_DONE_IN = re.compile(r"[ \t]*(?:done|adopted|signed|issued|dado|hecho|adoptad[oa]|aprobad[oa]|suscrit[oa]|firmad[oa])\s+(?:at|in|en)\s", re.I)
_CAP_WORD = re.compile(r"[A-ZÁÉÍÓÚÑ][\w\u00C0-\u017F'.-]*")
_JOINERS = frozenset({"de", "del", "la", "el", "of"})


def _joined(words: list[tuple[int, str]], i: int) -> bool:
    """Whether the joiner at ``words[i]`` (and any right before it) follows a capitalised word."""
    j = i - 1
    while j >= 0 and words[j][1] in _JOINERS:
        j -= 1
    return j >= 0 and _CAP_WORD.fullmatch(words[j][1]) is not None


def _cap_run(seg: str) -> int | None:
    """Offset in ``seg`` where its trailing run of capitalised words starts ("Ciudad de Guatemala").

    A procedural scan, word by word from the end, instead of a nested regex quantifier: a header
    in capitals would make a nested quantifier over capitalised words backtrack exponentially.
    """
    base = seg.rfind("\n") + 1  # a place name does not run over a line break ("Recommendations / Panama City")
    words = [(base + m.start(), m.group(0)) for m in re.finditer(r"\S+", seg[base:])]
    if not words or seg[words[-1][0] + len(words[-1][1]) :].strip():
        return None
    start = None
    for i in range(len(words) - 1, -1, -1):
        at, w = words[i]
        if _CAP_WORD.fullmatch(w):
            start = at
        elif w in _JOINERS and start is not None and _joined(words, i):
            continue  # "de" inside a name, when a capitalised word precedes it ("Islas de la Bahía": "de la")
        else:
            break
    return start


def _place_in(text: str, s: int, e: int, registry: Registry) -> Place | None:
    """"City, [Region,] Country" ending at a registry country, inside text[s:e]."""
    countries = [m for m in registry.find(text, {"country", "place"}, s, e) if m.entry.kind == "country"]
    for m in countries:
        comma = text[s : m.start].rstrip()
        if not comma.endswith(","):
            continue
        head = comma[:-1]
        # The place name: capitalised words just before the comma; a second such run before another
        # comma makes the first run the city and the second its region ("Tapachula, Chiapas").
        last = head.rfind(",")
        region = None
        tail = head[last + 1 :] if last >= 0 else head
        run = _cap_run(tail)
        if run is None:
            continue
        rel = (last + 1 if last >= 0 else 0) + run
        if last >= 0 and tail[:run].strip() == "" and not any(
                # (a city of the registry in that place is the city: "Hotel Barceló San José Palacio, San
                # José, Costa Rica", not the hotel in a region "San José")
                pm.entry.kind == "place" and pm.start <= s + last + 1 + run and pm.end >= s + len(head.rstrip())
                for pm in registry.find(text, {"place"}, s + last + 1, s + len(head))):
            city_run = _cap_run(head[:last])
            if city_run is not None:
                region = head[rel:].strip()
                rel = city_run
        nl = head.rfind("\n", 0, rel)
        if nl >= 0 and not head[nl + 1 : rel].strip():
            # The run stopped at a line break: a registry city wrapped over it ("San Pedro / Sula") joins.
            cut = last if region else len(head)
            wrapped = [w for w in registry.find(text, {"place"}, s + max(0, nl - 40), s + cut)
                       if w.start < s + nl and w.end >= s + rel]
            if wrapped:
                rel = wrapped[0].start - s
        city = head[rel : last if region else len(head)].strip()
        city = re.sub(r"^(?:in|en|at|the)\s+", "", city, flags=re.I).strip()
        if not city or city.lower() in {"the", "in"}:
            continue
        city_start = s + head.index(city, rel)
        city_end = city_start + len(city)
        known = [pm for pm in registry.find(text, {"place"}, city_start, city_end) if pm.entry.kind == "place" and pm.end == city_end]
        before = text[city_start : known[0].start].strip() if known else ""
        if before and before.upper() == before and text[known[0].start : city_end].upper() != text[known[0].start : city_end]:
            # ("REPORT OF THE MEETING OF THE AD HOC WORKING GROUP ... ADOLESCENTS Tegucigalpa, Honduras": a title in
            # capitals run on into the city's line; the city is the one the registry knows after it)
            city, city_start = text[known[0].start : city_end], known[0].start
        return Place(city=clean(city), country=m.entry.notation, region=region, span=Span(city_start, m.end))
    return None


# ("Venue Hotel ..., Antigua Guatemala": a table's two cells, without the colon, from a PDF)
_LABELLED = re.compile(r"(?:[\u2022\u00b7*\-\u2013]\s*)?(?:fecha|plazo|deadline|due(?:\s+date)?|by\s+when|timeline|timeframe|calendario)(?:\s+l[ií]mite)?\s*:",
                       re.I)
_DASHED_WHEN = re.compile(r"\s[\u2013\u2014-]\s*(?:fecha|plazo|deadline|due(?:\s+date)?)\s*:", re.I)
# A table's column names for the meeting's date and place ("Fecha | Lugar | Modalidad").
_LABEL_DATE = re.compile(r"(?:fechas?|dates?)(?:\s+(?:de\s+la\s+reuni[oó]n|of\s+the\s+meeting))?", re.I)
_LABEL_PLACE = re.compile(r"(?:lugar|sede|venue|place|location)(?:\s+(?:de\s+la\s+reuni[oó]n|of\s+the\s+meeting))?", re.I)
_DATE_LABEL = re.compile(r"[ \t]*(?:date|dates|fecha|fechas)(?:[ \t]*(?:\/|and|&|y)[ \t]*(?:venue|place|lugar|sede))?(?:[ \t]*:[ \t]*|[ \t]*\|[ \t]*|[ \t]{3,}(?=\S))", re.I)
# (after what the line says first, "Reunión híbrida – Sede presencial: Cancillería ..., Santo Domingo")
_VENUE = re.compile(r"^[ \t]*(?:[^\n:|]{0,60}?[ \t][\u2013\u2014-][ \t]+)?(?:venue|place|location|lugar|sede)"
                    r"(?:[ \t]+(?:presencial|principal|f[ií]sica|in[ \t]+person|physical))?"
                    r"(?:[ \t]*:[ \t]*|[ \t]*\|[ \t]*|[ \t]+(?=[A-ZÁÉÍÓÚÑ]))", re.I | re.M)


# A building's or a room's word, which names no city ("Hotel Convento Real", "Salón Copán", "Ministry of ...").
_VENUE_WORD = re.compile(r"\b(?:hotel|sal[oó]n|sala|room|centro|center|centre|edificio|building|ministerio|ministry|palacio|palace|casa|"
                         r"secretar[ií]a|canciller[ií]a|embassy|embajada|club|auditorio|auditorium|hall|convention|convenciones)\b", re.I)


def _place_at_end(text: str, s: int, e: int, registry: Registry) -> Place | None:
    """"City, Country" at the end of ``text[s:e]``, after a hotel or a building ("Hotel Sheraton
    Presidente, San Salvador, El Salvador"): tried from each comma, the last first."""
    starts = [s] + [s + m.end() for m in re.finditer(r",\s*", text[s:e])]
    for k in range(len(starts) - 1, -1, -1):  # the shortest "City, Country" at the end first
        found = _place_in(text, starts[k], e, registry) or _known_city_at(text, starts[k], e, registry)
        if found is not None and clean(text[found.span.end : e]) in ("", "."):
            if (k > 0 and (longer := _place_in(text, starts[k - 1], e, registry)) is not None and longer.region == found.city
                    and len(longer.city.split()) <= 3 and not _VENUE_WORD.search(longer.city)
                    and not any(pm.entry.kind == "place" and pm.start == found.span.start for pm in registry.find(text, {"place"}, found.span.start, e))):
                # ("Tapachula, Chiapas, Mexico": the city and its region, not the region alone; not "Hotel Convento Real,
                # Antigua Guatemala, Guatemala", a city the registry knows)
                return longer
            return found
    return None


# What lies between a dateline's city and its date: "Ciudad de Guatemala, 9 y 10 de abril", "Ottawa, on 3 May"
_CITY_THEN_DATE = re.compile(r"[ \t]*[,.\-\u2013\u2014][ \t]*(?:(?:on|the|el|los|a|d[ií]as?)[ \t]+){0,2}", re.I)


def _mid_paragraph(text: str, p: Para) -> bool:
    """Whether ``p`` is a line of running text: the line before it, in the same paragraph, did not end
    a sentence ("... celebrada en la Ciudad de Panamá," / "Panamá, República de Panamá, los días ...")."""
    prev_end = text.rfind("\n", 0, p.start)
    if prev_end < 0:
        return False
    prev = text[text.rfind("\n", 0, prev_end) + 1 : prev_end].strip()
    # (a line of prose, wrapped: long, and not ending a sentence or a label; a title block's lines are short)
    return len(prev) >= 50 and prev[-1:] not in ".:;!?" and not prev.isupper()


_ENDS_WITH_YEAR = re.compile(r"(?:19|20)\d\d\W{0,3}$")


def _dated_tail(text: str, p: Para, registry: Registry) -> Para | None:
    """The end of ``p`` from the last city the registry knows, when ``p`` is no dateline but ends with
    one ("... Consular Protection Tegucigalpa, Honduras, 28–29 November 2016"), or None."""
    # (cheap tests first: a paragraph of the header's that ends with a year, and no sentence)
    if not _ENDS_WITH_YEAR.search(p.text) or SENTENCE_END.search(p.text) or _dateline(p, text) is not None:
        return None
    dates = find_dates(text[p.start : p.end])
    if not dates or p.start + dates[-1].finish < p.end - 2:
        return None
    cities = [c for c in registry.find(text, {"place"}, p.start, p.start + dates[-1].begin) if c.start > p.start]
    # (the last city whose country follows it: "Guatemala City, Guatemala, January 31 ...", not the
    # country's name, which is a city's too)
    whole = next((c for c in reversed(cities) if (pl := _place_in(text, c.start, p.start + dates[-1].begin, registry)) is not None
                  and pl.span.start <= c.start), None)
    start = whole or (cities[-1] if cities else None)
    return _line_para(text, start.start, p.end) if start is not None else None


def _dateline_place(text: str, p: Para, begin: int, registry: Registry) -> Place | None:
    """The place a dateline names before its date (``begin``): "City, [Region,] Country", or a city the
    registry knows without its country and nothing else before the date ("Ciudad de Guatemala, 9 y 10
    de abril de 2019")."""
    place = _place_in(text, p.start, begin, registry)
    lead = len(text[p.start : begin]) - len(text[p.start : begin].lstrip())
    if place is not None and place.span.start > p.start + lead:
        # "Ciudad de Guatemala y Antigua Guatemala, Guatemala, 3 y 5 de junio": a meeting held in two cities, the
        # first named its venue
        first = _known_city_at(text, p.start + lead, place.span.start, registry)
        if first is not None and re.fullmatch(r"\s+(?:y|e|and|&)\s+", text[first.span.end : place.span.start]):
            return Place(first.city, first.country or place.country, None, first.span)
    if place is None:
        known = _known_city_at(text, p.start + lead, begin, registry)
        if known is not None and _CITY_THEN_DATE.fullmatch(text, known.span.end, begin):
            place = known
    return place


def _opening_days(text: str, date: DateRange, opening: Para | None) -> DateRange | None:
    """The days the opening sentence says without a year ("held its first meeting of 2024 on 13 and 14 February ...",
    "se reunieron el 30 de noviembre y el 1 de diciembre"), in the year of ``date``, a single day found elsewhere (the
    closing "Guatemala City, 14 February 2024", a press release's dateline) that falls among them; else None."""
    if date.end is not None or opening is None:
        return None
    if (dm := _DAYS_NO_YEAR.search(text, opening.start, opening.end)) is None:
        # (or with their year: "reunidos ... los días 14 y 15 de noviembre de 2023" under a cover's "15 de noviembre de 2023")
        if opening.start <= date.span.start < opening.end:
            return None
        return next((DateRange(d.start, d.end, d.text, Span(opening.start + d.begin, opening.start + d.finish))
                     for d in find_dates(text[opening.start : opening.end]) if d.end is not None and d.start <= date.start <= d.end), None)
    # (a press release's dateline opens the paragraph: "GUATEMALA CITY, Guatemala — November 10, 2022 — ... concluded
    # today the XXVII Vice-Ministerial Meeting, held on November 9 and 10 ...")
    if opening.start <= date.span.start < opening.end and dm.start() < date.span.end:
        return None
    ds = find_dates(f"{dm.group(0)}, {date.start.year}" if dm.group(0)[:1].isalpha() else f"{dm.group(0)} de {date.start.year}")
    if not ds or ds[0].end is None or not ds[0].start <= date.start <= ds[0].end:
        return None
    return DateRange(ds[0].start, ds[0].end, dm.group(0), Span(dm.start(), dm.end()))


_DISTRICT_THEN_DATE = re.compile(r"[ \t]*,[ \t]*(?:[A-Z]\.){1,4}[ \t]*,[ \t]*"
                                 # (an acta's opening formula: "En la Ciudad de Guatemala, República de Guatemala, a los once días ...")
                                 r"|(?:[ \t]*,[ \t]*(?:rep[uú]blica\s+de\s+)?[^\W\d_][^,.;\n]{0,40})?[ \t]*,[ \t]*(?i:a\s+los|el\s+d[ií]a|los\s+d[ií]as)\s+")
_ACTA_OPENS = re.compile(r"[ \t]*(?i:en)\s+(?:la\s+)?$")


def _city_before_date(text: str, s: int, begin: int, registry: Registry) -> Place | None:
    """A city of the registry's that a line names right before its date (``begin``), after a comma or dash that
    ends what the line says first ("Reunión del GRCM, Ciudad de México, 27 y 28 de agosto de 2024")."""
    for m in reversed(registry.find(text, {"place"}, s, begin)):
        # (or opening the paragraph, its district's initials after it: "Tegucigalpa, M.D.C., 1 de diciembre de 2023. Los ...")
        if m.entry.kind == "place" and (_CITY_THEN_DATE.fullmatch(text, m.end, begin) or _DISTRICT_THEN_DATE.fullmatch(text, m.end, begin)) and (
                re.search(r"[,\u2013\u2014-]\s*$", text[s : m.start]) or not text[s : m.start].strip() or _ACTA_OPENS.fullmatch(text, s, m.start)):
            return _known_city_at(text, m.start, begin, registry)
    return None


def _known_city_at(text: str, s: int, e: int, registry: Registry) -> Place | None:
    """A city of the registry named at ``s`` without its country ("en la Ciudad de Panamá, con ...")."""
    found = registry.find(text, {"place", "country"}, s, e)
    if not found or found[0].start != s or found[0].entry.kind != "place":
        return None
    m = found[0]
    cc = re.search(r"/place/([a-z]{2})/", m.entry.iri)
    return Place(city=clean(text[m.start : m.end]), country=cc.group(1).upper() if cc else None, region=None,
                 span=Span(m.start, m.end))


_SEAT = re.compile(r"(?:secretar[ií]a\s+t[eé]cnica|technical\s+secretariat|secretariat|secretar[ií]a)\b", re.I)


def _place_line(p: Para, text: str, registry: Registry) -> Place | None:
    """The place of a line of a header paragraph that is only "City, [Region,] Country" (not the seat
    of the Secretariat a letterhead gives: "Secretaría Técnica – San José, Costa Rica")."""
    for s, e in p.lines:
        # (and its month: "San José, Costa Rica – junio de 2017", the days on the line under it)
        if (mm := _MONTH_LINE.search(text, s, e)) is not None and (dash := _DASH_BEFORE.search(text, s, mm.start())) is not None:
            e = dash.start()
        line = Para(s, e, [(s, e)], clean(text[s:e]))
        if _place_only(line, text, registry) and not _SEAT.match(line.text):
            return _place_in(text, s, e, registry)
    return None


_DASH_BEFORE = re.compile(r"\s+[\u2013\u2014-]\s+\Z")


def _line_para(text: str, s: int, e: int) -> Para:
    return Para(s, e, [(s, e)], clean(text[s:e]))


def _country_before(text: str, p: Para, registry: Registry) -> Place | None:
    if _SEAT.match(p.text):
        return None  # ("Technical Secretariat – San José, Costa Rica": the letterhead's seat)
    return _place_in(text, p.start, p.end, registry)


@dataclass
class _Header:
    title: Located | None = None
    body: Located | None = None
    status: Located | None = None
    date: DateRange | None = None
    place: Place | None = None
    other_places: list[Place] = field(default_factory=list)
    participants: list[Located] = field(default_factory=list)
    participants_span: Span | None = None
    kind: Located | None = None
    reports_to: Located | None = None
    prior_to: Located | None = None
    doc_kind: str = "report"
    header: Span | None = None


def _loc(text: str, s: int, e: int) -> Located:
    return Located(clean(text[s:e]), Span(s, e))


# An opening sentence that starts with where or when, not with its subject.
# (its article taken: "[Los] días 22 y 23 de agosto se llevó a cabo ...", "[The] 4th of May ...")
_NO_SUBJECT = re.compile(r"(?:en|in|on|at|del|from|durante|during|el\s+d[ií]a|los\s+d[ií]as|d[ií]as?\s+\d+|\d{1,2}(?:st|nd|rd|th)?\s)\b", re.I)
# "... la Segunda Reunión del <body> de la Conferencia ...", "the Second Meeting of the <body> was held".
_MEETING_OF = re.compile(
    r"\b(?i:reuni[oó]n|meeting|sesi[oó]n|session)(?i:\s+(?:ordinaria|extraordinaria|ordinary|extraordinary|virtual|regular|presencial|in-person|h[ií]brida|hybrid))?"
    r"(?:\s+(?i:of|de)\s+(?:19|20)\d\d)?"  # ("the first ordinary meeting of 2021 of the Regional Coalition")
    r"\s+(?i:de\s+la|del|de|of\s+the|of)\s+(?P<body>[A-ZÁÉÍÓÚÑ][^,;.()\n]{3,150}?)"
    r"(?=\s+(?:de\s+la\s+Conferencia|of\s+the\s+Regional\s+Conference|was\b|were\b|se\s+celebr|en\b|in\b|on\b|el\b|los\b)|\s*[,;.(])")
_BESIDE_MEETING = re.compile(r"\b(?:before|after|prior\s+to|ahead\s+of|following|preceding|on\s+the\s+(?:eve|margins?|sidelines)\s+of|"
                             r"in\s+the\s+framework\s+of|previa\s+a|previo\s+a|antes\s+de|despu[eé]s\s+de|en\s+el\s+marco\s+de|"
                             r"al\s+margen\s+de|en\s+v[ií]speras\s+de)\s+(?:the|la|el)\s*$", re.I)
# The body an opening of where and when says met: "..., se reunió la Red de Funcionarios de Enlace ... de la Conferencia".
_MET_BODY = re.compile(r"\b(?:se\s+reuni(?:ó|o|eron)|sesion[oó])\s+(?:(?:la|el|los|las)\s+)?(?P<body>[A-ZÁÉÍÓÚÑ][^,;.()\n]{3,150}?)"
                       r"(?=\s+(?:de\s+la\s+Conferencia|en\b|el\b|los\b|con\b|para\b)|\s*[,;.(])")
# The Conference itself after a meeting's name ("the Extraordinary Vice-Ministerial Meeting of the Regional Conference on
# Migration"): the meeting is its Vice-Ministers', the body the words before "Meeting".
_THE_CONFERENCE = re.compile(r"(?:the\s+)?(?:Regional\s+Conference(?:\s+on\s+Migration)?|Conferencia\s+Regional(?:\s+sobre\s+Migraci[oó]n)?)"
                             r"(?:\s*\((?:RCM|CRM)\))?\s*|(?:the\s+)?(?:RCM|CRM)\s*", re.I)
_VICE_MINISTERIAL_BEFORE = re.compile(r"\b(?:Vice-?Ministerial|Viceministerial)\s+$", re.I)


# What the Conference held ("celebró su XXX Reunión Viceministerial", "held its Twentieth Vice-Ministerial Meeting").
_HELD_ITS_VICE_MINISTERIAL = re.compile(
    r"[^.;]{0,20}?\b(?:celebr[oó]|realiz[oó]|llev[oó]\s+a\s+cabo|held|holds|convened)\s+(?:su|la|its|the)\s+(?:[\w.]+\s+){0,2}?"
    r"(?P<vm>(?:Reuni[oó]n\s+Viceministerial|Vice-?Ministerial\s+Meeting|Reuni[oó]n\s+de\s+Viceministros|Meeting\s+of\s+Vice-?Ministers))\b",
    re.I)


def _meeting_body(seg: str, mo: re.Match[str]) -> tuple[int, int]:
    """Where the body of a meeting that :data:`_MEETING_OF` matched is named in ``seg``."""
    if _THE_CONFERENCE.fullmatch(mo.group("body")) and (vm := _VICE_MINISTERIAL_BEFORE.search(seg, max(0, mo.start() - 40), mo.start())):
        return vm.start(), mo.start() + len(mo.group(0).split(None, 1)[0])
    return mo.start("body"), mo.end("body")


# (or the subject gathered at it: "The Member Countries of the RCM, gathered at the XV Meeting of the Network, ...")
_CONVENED = re.compile(r"\b(?:convened|convoc[oó]|gathered\s+at|assembled\s+at)\b", re.I)
_RELATIVE_END = re.compile(r"\b(?:la\s+cual|el\s+cual|los\s+cuales|las\s+cuales|que|which|who|quien(?:es)?)\s*$", re.I)
# A subject that starts with the meeting itself: "XI Reunión Ordinaria", "the first meeting", "Second Meeting of ...",
# "La presente reunión fue convocada por la Presidencia Pro Tempore" (who convened it holds no meeting)
_MEETING_FIRST = re.compile(r"(?:[\w.]+\s+){0,3}?(?i:reuni[oó]n|meeting|sesi[oó]n|session)(?:\s+(?i:ordinaria|extraordinaria|ordinary|"
                            r"extraordinary|virtual|regular|intermedia|intermediate|preparatoria|preparatory))?\b(?:\s+(?:se|of|de|del|fue|was)\b.*)?",
                            re.S)
_SUBJECT_APPOSITION = re.compile(r",\s+(?:established|created|set\s+up|convened|chaired|coordinated|creado|creada|establecido|"
                                 r"establecida|conformado|conformada|integrado|integrada|presidido|presidida)\b", re.I)
_SUBJECT_BREAK = re.compile(r"[.:;]\s+[A-ZÁÉÍÓÚÑ]")


# In a title, the words before the meeting's day: "reunión virtual del", "meeting held on".
_TITLE_DAY = re.compile(r"\b(?:reuni[oó]n|meeting|session|sesi[oó]n)\b[^.\n|]{0,40}?\b(?:del?|of|on|el|los\s+d[ií]as)\s+", re.I)


def _opening_sentence(seg: str) -> int:
    """Where the opening sentence starts in its paragraph ``seg``: the sentence the opening's words are
    in, where the paragraph's earlier sentences are about something else."""
    om = OPENING.search(seg)
    brk = max(seg.rfind(". ", 0, om.start()), seg.rfind(".\n", 0, om.start())) if om is not None else -1
    return brk + 2 if brk >= 0 else 0


# Another meeting named before the opening sentence's verb, in the phrase that leads to it.
_ANOTHER_MEETING_BEFORE = re.compile(r"\b(?:reuni[oó]n|meeting|sesi[oó]n|session)\b[^.;]{0,40}?\b(?:celebrad[oa]|realizad[oa]|held)\b", re.I)


def _opening_dates(seg: str) -> list[FoundDate]:
    """The dates the opening sentence of paragraph ``seg`` gives, first the meeting's."""
    return find_dates(seg[_opening_sentence(seg) :])


# An adverbial phrase before an opening sentence's subject: "En cumplimiento de lo anterior, el Grupo
# ...", "In this context, the Group ..." (the subject after it, its article too)
_LEAD_ADVERBIAL = re.compile(
    r"(?i:en|in|con|conforme|following|pursuant|tras|luego|after|seg[uú]n|as|under|bajo|atendiendo|dando|de\s+conformidad|"
    r"accordingly|asimismo|thereafter|subsequently|posteriormente)\b[^,.;:]{0,80},\s+(?i:the|la|el|los|las)\s+(?=[A-ZÁÉÍÓÚÑ])")


def _parse_header(text: str, paras: list[Para], first_item: int, annex: int, registry: Registry,
                  margins: tuple[str, ...] = ()) -> _Header:
    h = _Header()
    head = paras[:first_item]
    if head:
        h.header = Span(head[0].start, head[-1].end)
    # Title: the first paragraph that names a report of a meeting; body as printed inside it. Not a
    # declaration's preambular paragraph ("TENIENDO PRESENTE el informe de la Reunión del GRCM ...;").
    for p in head:
        if TITLE.search(p.text) and not PREAMBULAR.match(p.text):
            h.title = _loc(text, p.start, p.end)
            m = re.search(r"\b(?:meeting|reuni[oó]n|session)\s+(?:of|de)\s+(?:the\s+|la\s+|el\s+)?(.+)$", text[p.start : p.end], re.I | re.S)
            if m:
                h.body = _loc(text, p.start + m.start(1), p.end)
            break
    # not a numbered paragraph, but the first one of paragraphs numbered as a whole ("1. El Grupo ...
    # se reunió", before "Los Países Miembros, reunidos en el marco del GRCM, acordaron:")
    numbered = next((p for p in head if MARKER.match(p.text)), None)
    opening = next((p for p in head if OPENING.search(p.text) and (p is numbered or not MARKER.match(p.text))), None)
    if opening is None:
        opening = next((p for p in paras[:annex] if OPENING.search(p.text) and not MARKER.match(p.text)), None)
    elif (at := next(k for k, p in enumerate(head) if p is opening)) and (
            day := next((dl.start for p in head[:at] for q in [p, *(_line_para(text, s, e) for s, e in p.lines if len(p.lines) > 1)]
                         if (dl := _dateline(q, text) or _leading_date(q, text)) is not None), None)) is not None:
        # The header's dateline ("16 September 2020") over a background that says when an earlier
        # meeting was held ("The Group held its first meeting in Panama City on 18 February 2020."):
        # the opening sentence is the one on the dateline's day, where a later one is.
        # (or gives no day: "At the Fifth Regional Conference on Migration, held in Washington, D.C., in March 2000,
        # the Vice-Ministers decided ...", over "II. PARTICIPANTS" / "The Network met in San José ... on February 8")
        given = _opening_dates(opening.text)
        if not given or given[0].start != day:
            opening = next((p for p in head[at + 1 :] if OPENING.search(p.text) and not MARKER.match(p.text)
                            and (pd := _opening_dates(p.text)) and pd[0].start == day), opening)
    if h.title is None:
        # A heading that only names the genre: "Conclusions and Recommendations", "DECLARACIÓN DE ...".
        h.title = next((_loc(text, p.start, p.end) for p in head
                        if p is not opening and len(p.text) < 300 and not SENTENCE_END.search(p.text)
                        and any(rx.search(p.text) for _, rx in DOC_KINDS)), None)
    if h.title is not None:
        h.doc_kind = next((k for k, rx in DOC_KINDS if rx.search(h.title.value)), "report")
    for p in head[:3]:
        if STATUS.match(p.text):
            h.status = _loc(text, p.start, p.end)
    if opening is not None:
        seg = text[opening.start : opening.end]
        number = MARKER.match(seg) if opening is numbered else None
        art = re.match(r"\s*(?:(?:the|las|los|la|el)\b)?\s*", seg[number.end() :] if number else seg, re.I)
        lead = (number.end() if number else 0) + (art.end() if art else 0)
        if (adv := _LEAD_ADVERBIAL.match(seg, lead)) is not None:
            lead = adv.end()  # ("En cumplimiento de lo anterior, el Grupo Ad Hoc ... celebró": the Group)
        m = SUBJECT_END.search(seg, lead, min(len(seg), lead + 300))
        # the subject of the paragraph's first sentence ("Estado: Cumplido. El Grupo sesionó ...", a
        # status line, names no body)
        if m and m.start() > lead and len(seg[lead : m.start()]) < 200 and not _SUBJECT_BREAK.search(seg, lead, m.start()):
            # not what an apposition names ("The Ad Hoc Working Group ..., established by the RCGM at
            # its meeting held in ..."): the body is the name before it
            cut = _SUBJECT_APPOSITION.search(seg, lead, m.start())
            end = cut.start() if cut else m.start()
            mo = _MEETING_OF.match(seg, lead, end) if _MEETING_FIRST.match(seg, lead, end) else None
            if mo is None and (cv := _CONVENED.search(seg, m.start(), min(len(seg), m.start() + 80))) is not None:
                # "The Presidency Pro Tempore of the RCM, held by Mexico, convened the first ordinary meeting of
                # 2021 of the Regional Coalition ...": the subject called the meeting; the body is the one
                # whose meeting it was
                mo = _MEETING_OF.search(seg, cv.end(), min(len(seg), cv.end() + 200))
            if mo is not None:
                # "La Segunda Reunión del Grupo de Trabajo ... se celebró": the body is the meeting's
                h.body = _loc(text, *(opening.start + k for k in _meeting_body(seg, mo)))
            elif not _MEETING_FIRST.fullmatch(seg, lead, end) and not _RELATIVE_END.search(seg, lead, end):
                # (nor a relative pronoun: "..., la PPT convocó a la primera reunión de la Red, la cual se
                # llevó a cabo en ...": the verb's subject is the meeting)
                # (a subject that is the meeting alone, "La XI Reunión Ordinaria se celebró ...", names no
                # body: the title's or the header's is the one)
                h.body = _loc(text, opening.start + lead, opening.start + end)
        if (_NO_SUBJECT.match(seg, lead) and (mo := _MEETING_OF.search(seg)) is not None
                and ((met := _MET_BODY.search(seg, lead, mo.start())) is None or _MEETING_FIRST.fullmatch(met.group("body")))
                # (not another body's meeting the sentence dates this one by: "..., one day before the meeting of the
                # Regional Consultation Group on Migration")
                and _BESIDE_MEETING.search(seg, max(0, mo.start() - 40), mo.start()) is None):
            # "En la Ciudad de Guatemala, ..., se celebró la Segunda Reunión del Grupo de Trabajo ad hoc
            # sobre Migración Laboral de la Conferencia ...": the sentence opens with where and when; the
            # body is the one whose meeting it was
            h.body = _loc(text, *(opening.start + k for k in _meeting_body(seg, mo)))
        elif _NO_SUBJECT.match(seg, lead) and (met := _MET_BODY.search(seg, lead)) is not None and not _MEETING_FIRST.fullmatch(met.group("body")):
            # "En la ciudad de ..., se reunió la Red de Funcionarios de Enlace ..., de manera previa a la reunión
            # del GRCM": the body that met, not the other meeting named after it
            h.body = _loc(text, opening.start + met.start("body"), opening.start + met.end("body"))
        if (h.body is not None and _THE_CONFERENCE.fullmatch(h.body.value)
                and (vm := _HELD_ITS_VICE_MINISTERIAL.match(seg, h.body.span.end - opening.start)) is not None):
            # "La Conferencia Regional sobre Migración (CRM) celebró su XXX Reunión Viceministerial ...": the meeting is
            # the Vice-Ministers', the Conference's body that met
            h.body = _loc(text, opening.start + vm.start("vm"), opening.start + vm.end("vm"))
        k = re.search(r"\b(?:held|holds|celebr[oó])\s+(?:its|a|the|su)\s+(\w+)\s+(?:meeting|session|reuni[oó]n)", seg, re.I)
        if k and k.group(1).lower() not in {"first", "second", "third", "next"}:
            h.kind = Located(k.group(1).lower(), Span(opening.start + k.start(1), opening.start + k.end(1)))
        pm = re.search(r"\bprior to (?:the )?(?:meeting|session) of (?:the )?(.+?)(?:,|\.|\s+with\b|$)", seg, re.I | re.S)
        if pm:
            h.prior_to = _loc(text, opening.start + pm.start(1), opening.start + pm.end(1))
        # the first word of attendance; "funcionarios", "officials" not in the body's own name ("La Red
        # de Funcionarios de Enlace ... celebró"): the subject may name the delegations ("The
        # Vice-Ministers and Heads of Delegation of Belize, ...")
        body_span = (h.body.span.start - opening.start, h.body.span.end - opening.start) if h.body else (0, 0)
        # (nor how some took part: "with remote participation through the Zoom platform. The meeting was
        # co-chaired by Mexico and Panama" names no delegations)
        part = next((m for m in _ATTENDANCE.finditer(seg)
                     if not (m.group(1).lower() in _NAME_WORDS and body_span[0] <= m.start() < body_span[1])
                     and not _TAKING_PART_BY.match(seg, m.end())), None)
        if part:
            ps = opening.start + part.start()
            pe = opening.end
            idx = paras.index(opening)
            if seg.rstrip().endswith(":") and idx + 1 < len(paras):
                pe = paras[idx + 1].end  # "... from the following countries:" and the list below it
            h.participants_span = Span(ps, pe)
            absent = ABSENT.search(text, ps, pe) is not None or OBSERVING.search(text, ps, pe) is not None
            # (not a country inside a city's name: "reunidos en la Ciudad de Guatemala ..., con la presencia
            # de Argentina ... en calidad de países observadores" says nothing of Guatemala's delegation)
            cities = [(m.start, m.end) for m in registry.find(text, {"place"}, ps, pe) if m.entry.kind == "place"]
            named = [cm for cm in _countries(text, registry, ps, pe)
                     if not any(a <= cm.start and cm.end <= b and (a, b) != (cm.start, cm.end) for a, b in cities)]
            # (a country said absent anywhere in it is so, though named elsewhere too: "[Comentario ST1:
            # Confirmar con Belice ...] Belice excusó su participación.")
            gone = {cm.entry.iri for cm in named if absent and _absent(text, cm.start, ps, pe)}
            for cm in named:
                if cm.entry.iri in gone:
                    continue  # "The delegation of Nicaragua sent its apologies."
                if all(x.value != cm.entry.notation for x in h.participants):
                    h.participants.append(Located(cm.entry.notation or cm.entry.iri, Span(cm.start, cm.end)))
        # The opening sentence itself, where the paragraph's earlier sentences are about something else
        # ("The Coalition had planned to hold its first regular meeting of 2020 in San José ... on 23 and 24
        # April 2020 ... The Presidency Pro Tempore ... convened this extraordinary meeting ..."): its place
        # and date are the meeting's, not theirs.
        said = _opening_sentence(seg)
        if ((om := OPENING.search(seg[said:])) is not None and _ANOTHER_MEETING_BEFORE.search(seg, said, said + om.start())
                and find_dates(seg[said + om.start() :])):
            # ("En seguimiento a los acuerdos de la reunión presencial celebrada en Tegucigalpa, ..., los días
            # 7 y 8 de noviembre de 2023, ..., la Red ... se reunió de forma virtual el 17 de enero de 2024"):
            # the place and date after the verb are this meeting's
            said += om.start()
        # Place in the opening sentence: "in San Salvador, El Salvador".
        # "in the city of Managua, Nicaragua", "en la Ciudad de México" (a registry city without its country)
        # (and "En la ciudad de Guatemala, ..., a los 30 días ...", an acta's opening with where first)
        # (not a later sentence's, where the opening says the meeting was held online: "... held its first meeting
        # of 2025 in virtual format on March 27, 2025. The meeting followed up on ... the last in-person meeting,
        # held in Tegucigalpa, ...")
        online_end = None
        if (om2 := OPENING.search(seg[said:])) is not None:
            brk = _SENTENCE_BREAK.search(seg, said + om2.end())
            if ONLINE.search(seg, said, brk.start() if brk else len(seg)):
                online_end = brk.start() if brk else None
        for im in re.finditer(r"\b(?:[Ii]n|[Ee]n)\s+(?:(?i:the|la)\s+)?(?=[A-ZÁÉÍÓÚÑ]|(?i:city|ciudad)\b)", seg[said:]):
            im_end = said + im.end()
            if online_end is not None and im_end > online_end:
                break
            at = opening.start + im_end
            city_of = re.match(r"(?i:city\s+of|ciudad\s+de)\s+(?=[A-ZÁÉÍÓÚÑ])", text[at : at + 20])
            pl = None
            for start in (at, at + city_of.end()) if city_of else (at,):
                end = min(opening.end, start + 80)
                # (the "City, Country" there, else a city the registry knows: not "Sacatepéquez, República de Guatemala"
                # after "La Antigua Guatemala, departamento de")
                found = _place_in(text, start, end, registry)
                if found is None or found.span.start != start:
                    found = _known_city_at(text, start, end, registry)
                if found and found.span.start == start:
                    pl = found
                    break
            if pl:
                h.other_places.append(pl)
                break
        dates = find_dates(seg[said:])
        if dates and h.date is None:
            d = dates[0]
            sentence_date = DateRange(d.start, d.end, d.text, Span(opening.start + said + d.begin, opening.start + said + d.finish))
        else:
            sentence_date = None
    else:
        sentence_date = None
    if sentence_date is None and h.date is None and h.title is not None:
        # no opening sentence gives the day, the title does ("Informe de la reunión virtual del 3 de
        # marzo de 2021"): the meeting's, over a closing line's day of signing
        for tm in _TITLE_DAY.finditer(text, h.title.span.start, h.title.span.end):
            ds = find_dates(text[tm.end() : h.title.span.end])
            if ds and ds[0].begin == 0:
                d = ds[0]
                sentence_date = DateRange(d.start, d.end, d.text, Span(tm.end() + d.begin, tm.end() + d.finish))
                break
    for p in paras[:annex]:
        rm = re.search(r"\bsubmits?\s+(?:its|the|this|their)?\s*(?:following\s+)?report\s+to\s+(?:the\s+)?(.+?)(?:\s+for\b|,|\.|:|$)", text[p.start : p.end], re.I | re.S)
        if rm:
            h.reports_to = _loc(text, p.start + rm.start(1), p.start + rm.end(1))
            break
    # Dateline: in the header first; an excerpt may carry it after its items (before the annex).
    # (a header paragraph of several lines is tried whole, then line by line: "Hybrid meeting -
    # Ottawa, Canada / videoconference" over "8-9 June 2022")
    # Minutes' "Date: 26-27 May 2021" ("Date | Wednesday 26 and Thursday 27 May 2021", a table's
    # cells): the meeting's, before any dateline
    for p in head:
        if (lm := _DATE_LABEL.match(text, p.start, p.end)) is not None:
            line_end = text.find("\n", lm.end(), p.end)
            ds = find_dates(text[lm.end() : p.end if line_end < 0 else line_end])
            if ds:
                d = ds[0]
                h.date = DateRange(d.start, d.end, d.text, Span(lm.end() + d.begin, lm.end() + d.finish))
                break
    if h.date is None:
        # ... or a table's heading row over its values: "Fecha | Lugar | Modalidad" / "29 y 30 de marzo de
        # 2022 | Ciudad de Guatemala, Guatemala | Modalidad: híbrida ..."
        for p, q in itertools.pairwise(head):
            labels = [clean(text[c.start : c.end]).lower() for c in _row_cells(text, p.start, p.end)] if " | " in p.text else []
            values = _row_cells(text, q.start, q.end) if " | " in q.text else []
            if len(labels) < 2 or len(values) != len(labels) or not any(_LABEL_DATE.fullmatch(v) for v in labels):
                continue
            for name, cell in zip(labels, values, strict=True):
                if _LABEL_DATE.fullmatch(name) and h.date is None and (ds := find_dates(text[cell.start : cell.end])):
                    h.date = DateRange(ds[0].start, ds[0].end, ds[0].text, Span(cell.start + ds[0].begin, cell.start + ds[0].finish))
                elif _LABEL_PLACE.fullmatch(name) and h.place is None:
                    h.place = _place_in(text, cell.start, cell.end, registry) or _known_city_at(text, cell.start, cell.end, registry)
            break
    labelled = h.date is not None
    candidates = [q for p in head for q in [p, *(_line_para(text, s, e) for s, e in p.lines[1:] if len(p.lines) > 1)]]
    # (a title joined to the dateline after it, as a PDF's centred lines may be: "Meeting of the ...
    # Network Tegucigalpa, Honduras, 28–29 November 2016": from the last city the registry knows)
    tails = [tail for p in head if len(p.text) < 300 and (tail := _dated_tail(text, p, registry)) is not None]
    candidates += tails
    candidates += [p for p in paras[annex : annex + 2]]
    # A line with the place before its date ("Ottawa, Canada, February 24-25, 1998") is the meeting's
    # over a bare date above it (a document's own date under its symbol, "25 February 1998").
    head_end = head[-1].end if head else 0
    # (and a header line that starts with the date: "16 de diciembre de 2021 – Reunión virtual (plataforma Zoom)";
    # not a fax's transmission line, "18/JUN/2010  11:47   DE: SECRETARIA TECNICA CRM   A: GRCM", its labels)
    datelines = {(p.start, p.end): _dateline(p, text) or (_leading_date(p, text) if not _LABEL_COLON.search(p.text) else None)
                 for p in candidates if p.start < head_end}  # (asked again below)
    dated = [(p, dl) for p in candidates if (dl := datelines.get((p.start, p.end))) is not None]
    before = next((q for q in reversed(paras) if dated and q.end <= dated[0][0].start), None)
    if (len(dated) > 1 and _place_in(text, dated[0][0].start, dated[0][1].begin, registry) is None
            and not (before is not None and _place_only(before, text, registry))):  # ("CIUDAD DE PANAMA" over the date)
        # (a "City, Country" dateline first, then one of a known city alone; never a line cut out of a
        # running sentence)
        short = [(k, p, dl) for k, (p, dl) in enumerate(dated) if len(p.text) < 100 and not SENTENCE_END.search(p.text)
                 and not _mid_paragraph(text, p)]
        placed = next((k for k, p, dl in short if _place_in(text, p.start, dl.begin, registry) is not None),
                      next((k for k, p, dl in short if _dateline_place(text, p, dl.begin, registry) is not None), None))
        if placed is not None:
            candidates = [dated[placed][0]]
    for p in candidates:
        dl = datelines[(p.start, p.end)] if (p.start, p.end) in datelines else _dateline(p, text)
        if dl is None or _SENT_LINE.match(text, p.start):
            continue
        if _ISSUED.match(text, p.start) or (
                sentence_date is not None and h.title is not None and p.end <= h.title.span.start
                # (a single day, weeks after the meeting: a range of days is a meeting's)
                and dl.end is None and 0 < (dl.start - (sentence_date.end or sentence_date.start)).days <= 120
                and (issued_at := _place_in(text, p.start, dl.begin, registry)
                                  or _known_city_at(text, p.start, dl.begin, registry)) is not None
                and (issued_at.city != h.other_places[0].city if h.other_places
                     # (or held online: "en reunión celebrada de forma virtual los días 27 y 28 de abril")
                     else ONLINE.search(text, max(0, sentence_date.span.start - 200), sentence_date.span.end) is not None)):
            # "Date of issue: May 7, 2018"; "San José, 29 de abril de 2016" above the title of a report
            # whose opening sentence has the meeting earlier and elsewhere ("se reunió los días 12 y 13
            # de abril de 2016 en la Ciudad de Guatemala"): where and when the report was issued
            continue
        # A dateline after the items is the day the text was signed; the opening sentence's date,
        # when there is one, is the meeting's (a declaration of a two-day meeting signed on day two).
        closing = p not in head and sentence_date is not None
        if not closing and not labelled:  # (after a "Date:" line, a line holding a date is no dateline of the meeting's)
            h.date = DateRange(dl.start, dl.end, dl.text, Span(dl.begin, dl.finish))
        # The venue sits on the same line before the date or on the line/paragraph just before it.
        # (a city the registry knows without its country only in the header: a closing line's city is
        # where the text was signed, a virtual meeting's too)
        # (a header's tail too: "Regional Coalition ... – Tegucigalpa, 17-18 May 2017", the city without its country)
        # (not where a "Date:" line dated the meeting: "3. REVIEW OF PENDING ACTIONS ... (San Salvador, 23–24 September 2021)")
        place = (_dateline_place(text, p, dl.begin, registry) if p in head or (p in tails and not labelled)
                 else _place_in(text, p.start, dl.begin, registry))
        if (place is None and closing and sentence_date is not None and not h.other_places
                and sentence_date.start <= dl.start <= (sentence_date.end or sentence_date.start)
                and not any(ONLINE.search(text, q.start, q.end) for q in head)):
            # (but signed on a day of the meeting, which the header places nowhere and does not say was
            # held online: "San Salvador, 15 de marzo de 2019" after a meeting of 14 and 15 March is its venue)
            place = _dateline_place(text, p, dl.begin, registry)
        if place is None:
            idx = next(i for i, q in enumerate(paras) if q.start <= p.start <= q.end)  # (p may be one of its lines)
            for q in paras[max(0, idx - 2) : idx][::-1]:
                place = _country_before(text, q, registry)
                if place:
                    break
        # (a closing line's city, where the text was signed, is no venue of a meeting the header says was
        # held online: "27 de octubre de 2020 – Modalidad virtual" / ... / "San José, 30 de octubre de 2020")
        if place and not (closing and h.other_places) and not (closing and any(ONLINE.search(q.text) for q in head)):
            h.place = place
        break
    if h.place is None:
        # "Done in Tegucigalpa, Honduras, on 1 October 2015.", "Dado en ...": where the text was
        # adopted, said after the items of a report whose header names no place
        for p in candidates:
            if p.start >= head_end and _DONE_IN.match(text, p.start) and (dl := _dateline(p, text)) is not None:
                h.place = _place_in(text, p.start, dl.begin, registry)
                if h.place is not None:
                    break
            elif p.start >= head_end and len(p.text) < 120 and _DONE_IN.match(text, p.start) and not find_dates(p.text):
                # ("Done in San Salvador, El Salvador", the date in the opening or a running footer only)
                h.place = _place_in(text, p.start, p.end, registry)
                if h.place is not None:
                    break
    if h.place is None:
        # "Venue: Hotel Sheraton Presidente, San Salvador, El Salvador", "Lugar: Ciudad de Panamá, Panamá"
        for p in head:
            # (from its line's start: "^" matches there only, and a label may be indented)
            for vm in _VENUE.finditer(text, text.rfind("\n", 0, p.start) + 1, p.end):
                line_end = text.find("\n", vm.end(), p.end)
                stop = p.end if line_end < 0 else line_end
                h.place = _place_at_end(text, vm.end(), stop, registry)
                if h.place is None and text[stop - 1 : stop] == ")" and (paren := text.rfind(" (", vm.end(), stop)) > vm.end():
                    # ("Location    Tapachula, Chiapas, Mexico (Instituto Nacional de Migración, ...)": the building after it)
                    h.place = _place_at_end(text, vm.end(), paren, registry)
                if h.place is None:
                    # or a city the registry knows inside it: "Venue: Secretariat of Foreign Affairs (SRE),
                    # Mexico City, Mexico, and virtual connection (Zoom)"
                    starts = [vm.end(), *(c.end() for c in re.finditer(r",\s*", text[vm.end() : stop]))]
                    h.place = next((pl for a in starts if (pl := _known_city_at(text, a if a == vm.end() else vm.end() + a, stop,
                                                                                   registry)) is not None), None)
                if h.place is not None:
                    break
            if h.place is not None:
                break
    if h.place is None:
        # A header line that is only "City, Country" (the date is elsewhere).
        h.place = next((pl for p in head if (pl := _place_line(p, text, registry)) is not None), None)
    if h.date is None and sentence_date is not None:
        h.date = sentence_date
    if h.date is None and opening is not None:
        # "met in Ottawa, Canada, on May 21 and 22, ..." and the year only in the closing formula ("Done
        # at Ottawa on the twenty-second day of May, two thousand and three"): the days with that year
        year = next((d.start.year for p in paras if _DONE_IN.match(text, p.start) for d in find_dates(text[p.start : p.end])), None)
        if year is None and h.title is not None and (ty := re.search(r"\b(?:19|20)\d\d\b", h.title.value)) is not None:
            # (or in the title: "INFORME DE LA PRIMERA REUNIÓN ORDINARIA DE 2016" over "los días 3 y 4 de mayo")
            year = int(ty.group(0))
        if year is None and margins:
            # (or in a running footer the reader left out, "Meeting of 12-13 March 2020", one that dates those very days)
            days = _DAYS_NO_YEAR.search(text, opening.start, opening.end)
            year = next((d.start.year for m in margins for d in find_dates(m)
                         if days is not None and (fd := find_dates(f"{days.group(0)}, {d.start.year}" if days.group(0)[:1].isalpha()
                                                                   else f"{days.group(0)} de {d.start.year}"))
                         and fd[0].start == d.start), None)
        if year is None and (days := _DAYS_NO_YEAR.search(text, opening.start, opening.end)) is not None:
            # (or where the text names that month with a year, and no other: "RCM Technical Secretariat – May 2020" in the
            # footer of a meeting held "on Thursday, 21 May")
            month = next(m for m in re.findall(r"[^\W\d_]+", days.group(0).lower()) if m in MONTHS)
            years = {int(y) for y in re.findall(rf"(?i:\b{month}\b)\s+(?:de\s+|of\s+|del\s+)?((?:19|20)\d\d)\b", text)}
            year = years.pop() if len(years) == 1 else None
        dm = _DAYS_NO_YEAR.search(text, opening.start, opening.end) if year is not None else None
        if dm is not None and (ds := find_dates(f"{dm.group(0)}, {year}" if dm.group(0)[:1].isalpha() else f"{dm.group(0)} de {year}")):
            h.date = DateRange(ds[0].start, ds[0].end, dm.group(0), Span(dm.start(), dm.end()))
    if h.date is not None and (said_days := _opening_days(text, h.date, opening)) is not None:
        h.date = said_days
    if h.date is None:
        for p in head:
            ds = find_dates(text[p.start : p.end]) if not _SENT_LINE.match(text, p.start) else []  # (an e-mail's "Sent:" line: never)
            if ds:
                d = ds[0]
                h.date = DateRange(d.start, d.end, d.text, Span(p.start + d.begin, p.start + d.finish))
                if h.place is None and not h.other_places:
                    # (and the city right before it, after the line's title: "Asunto: Resumen de acuerdos - Reunión del
                    # GRCM, Ciudad de México, 27 y 28 de agosto de 2024")
                    h.place = _city_before_date(text, p.start, p.start + d.begin, registry)
                    at = p.start + d.begin
                    line_start = max(p.start, text.rfind("\n", 0, at) + 1)
                    if (h.place is None and (pl := _place_in(text, line_start, at, registry)) is not None
                            and not text[line_start : pl.span.start].strip() and re.fullmatch(r"[^\n.;:]{0,40}", text[pl.span.end : at])):
                        # (or the line's "City, Country" before it, a bar between: "Tegucigalpa, Honduras | 16-17 March 2023 | ...")
                        h.place = pl
                if (said_days := _opening_days(text, h.date, opening)) is not None:
                    h.date = said_days  # (a press release's dateline, "Tegucigalpa, M.D.C., 1 de diciembre de 2023. Los Viceministros ...")
                break
    if h.place is None and not h.other_places and opening is not None and (ds := find_dates(text[opening.start : opening.start + 80])):
        # a press release's dateline opening its first paragraph: "GUATEMALA CITY, Guatemala — November 10, 2022 —
        # Vice-Ministers ... concluded today the XXVII Vice-Ministerial Meeting, held on November 9 and 10 ..."
        lead = len(text[opening.start : opening.end]) - len(text[opening.start : opening.end].lstrip())
        if (pl := _place_in(text, opening.start + lead, opening.start + ds[0].begin, registry)) is not None and pl.span.start == opening.start + lead:
            h.place = pl
    if (h.place is None and h.other_places and opening is not None and h.date is not None
            and (od := _opening_dates(text[opening.start : opening.end]))
            and not h.date.start <= od[0].start <= (h.date.end or h.date.start)):
        # the opening dates another meeting than the header's ("Virtual Meeting – 24 and 25 June 2020" /
        # "At its meeting held in Panama City on 14 and 15 November 2019, the Coalition approved ..."):
        # its place is that meeting's
        h.other_places = []
    if h.date is not None and h.date.end is None and (um := _UNTIL_SAME_MONTH.search(text, h.date.span.end, min(len(text), h.date.span.end + 600))):
        # "a los once días del mes de mayo de ..., la cual se prolongó hasta el día doce del mismo mes y año": the last day
        if "\n\n" not in text[h.date.span.end : um.start()] and (last := words_number(um.group("d")) if not um.group("d").isdigit()
                                                                   else int(um.group("d"))) is not None:
            with contextlib.suppress(ValueError):
                if (last_day := h.date.start.replace(day=last)) > h.date.start:
                    h.date = DateRange(h.date.start, last_day, h.date.as_printed, h.date.span)
    if h.place is None and h.other_places:
        h.place = h.other_places.pop(0)
    elif h.place is not None:
        h.other_places = [o for o in h.other_places if fold(o.city) != fold(h.place.city)]
    return h


# The last day of a meeting said after its first: "hasta el día doce del mismo mes y año", "until the 12th of the same month".
_UNTIL_SAME_MONTH = re.compile(rf"\b(?:hasta\s+el(?:\s+d[ií]a)?|until\s+the)\s+(?P<d>[0-3]?\d|{NUM_WORD})(?:st|nd|rd|th)?\s+"
                               r"(?:del|of\s+the)\s+(?:mismo\s+mes|same\s+month)\b", re.I)


# ---- items ----------------------------------------------------------------------------------------


class _Memo:
    """What was found for each paragraph of the text being parsed (one text at a time per process):
    the rules ask about the same paragraphs several times."""

    def __init__(self) -> None:
        self.text: str | None = None
        self.found: dict[tuple[int, int], Any] = {}

    def of(self, text: str) -> dict[tuple[int, int], Any]:
        if self.text is not text:
            self.text, self.found = text, {}
        return self.found


_MARKERS, _HEADINGS = _Memo(), _Memo()
_ROW_CELLS = _Memo()  # a table in columns of spaces: a row's line start -> its cells' pieces (columns.space_tables)
_CHAT_STARTS = _Memo()  # a chat pasted as text: where each message's text starts (its paragraph's start) -> True


def _marker(text: str, p: Para) -> tuple[str, str, int] | None:
    """(style, label, offset just after the marker) of a paragraph that starts an item."""
    memo = _MARKERS.of(text)
    key = (p.start, p.end)
    if key not in memo:
        memo[key] = _find_marker(text, p)
    return memo[key]  # type: ignore[no-any-return]


def _numbered_first_cell(seg: str, at: int) -> bool:
    """Whether a row of a Word table (cells between " | ") is numbered in its first cell, before that
    cell's text: "3. Update on extra-regional flows | IOM presented ... | To request IOM ... | IOM | ..."."""
    bar = seg.find(" | ", at)
    # (or a table of two columns, "5. Conformar un subgrupo ... | Costa Rica, Panamá, ST"; not a scan's speck in a
    # sentence that runs on through it, "... antes de finalizar el | tercer trimestre de 2006")
    return bar > 0 and (seg.count(" | ") >= 2 or (seg.count(" | ") == 1 and bar - at > 40 and not _RUNS_ON.search(seg, at, bar))) and "\n" not in seg[:bar]


# A word a sentence cannot end a table's cell with: an article, a preposition, a conjunction.
_RUNS_ON = re.compile(r"\b(?:el|la|los|las|un|una|de|del|al|a|en|y|e|o|que|por|para|con|the|an|of|to|in|on|and|or|for|with|by|at)\Z", re.I)


# A bare number before the text of a row of a table in columns of spaces (" 1       Aprobar el informe ...").
_SPACED_NUMBER = re.compile(r"(\d{1,3})[ \t]{2,}(?=\S)")


# The names under an acta's "(f)" ("firmado"), two columns of them on a line: capitalised words and particles only.
_SIGNED_NAMES = re.compile(r"(?:(?:\(f\)|[A-ZÁÉÍÓÚÑ][\w'\u00C0-\u017F-]*\.?|de|del|la|los|las|y|e)(?:\s+|$))+")
_ROMAN_TWO = re.compile(r"^[ \t]*II\.[ \t]", re.M)
_DECIMAL_TWO = re.compile(r"^[ \t]*2\.[ \t]", re.M)


def _find_marker(text: str, p: Para) -> tuple[str, str, int] | None:
    seg = text[p.start : p.end]
    # (the memo asked only for the text it holds: asking for another would empty it)
    if (_ROW_CELLS.text is text and (sm := _SPACED_NUMBER.match(seg))
            and (text.rfind("\n", 0, p.start) + 1, 0) in _ROW_CELLS.found):
        return "row", sm.group(1), p.start + sm.end()  # (the row's number, as columns.space_tables found it)
    m = MARKER.match(seg)
    if m and m.group("label").strip() in ("(f)", "f)") and _SIGNED_NAMES.fullmatch(seg[m.end() :].split("\n", 1)[0].strip()):
        return None  # "(f) Lic. Rodrigo Arce Villalobos": signed ("firmado") by, under an acta; no sub-item "f"
    if m:
        label = m.group("label")
        core = label.strip("()[]. ")  # (a scan's "c]" for "c)", a typewriter's "a )"; "[3]" as some number a list)
        if label.startswith("|") or seg.startswith(" | ", m.end("label")) or _numbered_first_cell(seg, m.end("label")) or (
                seg[m.end("label") : m.end("label") + 1] == "\t" and (label[-1:].isdigit() or re.search(r"\S\t", seg[m.end("label") + 1 :]) is not None)):
            # a row of a table: "| 3 | ...", "3\t...", "3.\tRemitir ...\tOIM"; not Word's list number
            # saved as text ("1.\tTo thank ...")
            style = "row"
            if re.fullmatch(r"\d{1,2}(?:\.\d{1,2}){2,}\.?", label.strip()):
                style = "row3"  # "2.1.1<tab>...": a level under "2.1<tab>..."
        elif re.fullmatch(_CARDINAL, label.strip()):
            style = "ordinal"  # ("Uno.", "Dos.": numbered by their place, as "PRIMERO.-" is)
        elif re.match(_ORDINAL, seg[m.start("label") :]):  # (its comma looks at what follows)
            if label.endswith(",") and not _comma_ordinal(text, seg[m.end():]):
                return None
            style = "ordinal"
        elif re.match(_NAMED, label) or re.fullmatch(r"(?![A-HR]-)[A-Z]{1,2}-\d{1,2}[.:)]?|[A-Z]{2}\d{1,2}[.:)]", label.strip()):
            style = "named"  # (and the codes "O-1", "PV1." _NAMED knows only before their text)
        elif re.fullmatch(r"\d{1,2},|[1-9][Oo]\.|l[l\d]\.|[1-9]l\.|\d{1,2}[º°ª]\.?-?|\d{1,2}\.[º°ª]|(?:\d{1,2}|l[l\d]?|[1-9]l) \.|[\u2460-\u2473]", label):
            style = "dec"  # (a scan's "7," and "1O.": "7." and "10."; "ll." and "l2.": "11." and "12."; "1°.", "1 .")
        elif re.fullmatch(r"\d{1,2}\([a-h]\)", label):
            style = "decdec"  # "4(b)": agenda item 4's second agreement, lettered under its heading "4. ..."
        elif re.fullmatch(r"\d{1,2}[º°ª]\.\d{1,2}\.?", label):
            style = "decdec"  # "3°.1": under "3°"
        elif re.fullmatch(r"[lI]?\d+[.)]?-|\d{1,2}/", label):  # (a scan's "l0.-" for 10; "1-" and a typewriter's "1/" typed so)
            style = "decd"  # "1.-": a numbering of its own beside "1." (an agenda's)
        elif core.isdigit() or re.fullmatch(r"\d+(\.\d+)*\)?", label.rstrip(".")):
            style = "dec" if label.endswith(".") else "decp"
            if "." in label.rstrip("."):
                # ("2.1.1" under "2.1": a level of its own)
                style = "decdec3" if label.rstrip(".").count(".") >= 2 else "decdec"
        elif re.fullmatch(r"(ii|iii|iv|vi|vii|viii|ix|xi|xii)", core):
            style = "roman"
        elif re.fullmatch(r"[IVX]+[ \t]+[\u2013\u2014-]", label):
            style = "uroman"  # "I –", "II –": capital Roman numerals and a dash
        elif re.fullmatch(r"(II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV)", core):
            style = "uroman"
        elif core == "I" and label.endswith(".") and _ROMAN_TWO.search(text, p.end, p.end + 20_000):
            style = "uroman"  # ("I. Background" over "II. Participation": a Roman numeral, not the letter I)
        elif core == "l" and label.endswith(".") and _DECIMAL_TWO.search(text, p.end, p.end + 20_000):
            style = "dec"  # (a scan's "l." over "2.": the number one, not the letter l)
        elif core.isupper():
            style = "upper"
        else:
            style = "letter" if label.endswith(".") else "letterp"
        if style in ("row", "decdec") and "\t" not in seg[m.end("label") + 1 :].split("\n", 1)[0] and (
                dm := re.fullmatch(r"(\d{1,2})\.(\d{1,2})", label.strip())) is not None:
            # "1.0", "2.0" over "2.1", "2.2" (a list numbered so, the text after a tab or a space): the
            # first numbers of the list, the others the sub-items under them
            if dm.group(2) == "0":
                style = "dec"
            elif re.search(rf"^[ \t]*{dm.group(1)}\.0[ \t]", text[max(0, p.start - 20_000) : p.start], re.M):
                style = "decdec"
        # (an agenda item's tag or a group's cell before the number is none of its label)
        lead = _LEAD_OF.match(m.group("all"))
        label_text = m.group("all").strip() if m.start("label") == m.start("all") + (lead.end() if lead else 0) else m.group("label")
        return style, label_text, p.start + m.end()
    m = _DECIMAL_LOWER.match(seg)
    if m and (p.start < 2 or text[p.start - 2 : p.start] == "\n\n"):
        # "2.1 the report of Mexico ...;" under "2. To take note of:", in a paragraph of its own (a
        # line inside one, "... un total de" / "1.5 millones de ...", is its text)
        return "decdec", m.group(1), p.start + m.end()
    m = BULLET.match(seg)
    if m:
        return "bullet", m.group("all"), p.start + m.end()
    m = LOST_GLYPH.match(seg)
    if m:  # Word's second-level bullet: under the first level's when both are there
        return "bullet2", m.group("all"), p.start + m.end()
    return None


# An ordinal and a comma begin an item before an infinitive or "that" ("First, to express ..."); before anything
# else ("Seventh, with respect to ...") only in a report that counts "First, ... Second, ..." at the
# starts of its paragraphs, as narrative's lone "First, the Group ..." does not.
_COMMA_INFINITIVE = re.compile(r"(?:to|that|que)\s", re.I)
# (at a paragraph's start, or inside one after a colon or semicolon: "agreed: First, ...; Second, ...")
_COMMA_FIRST = re.compile(r"(?:^[ \t]*|[:;]\s+)(?:first|primer[oa])\s*,", re.M | re.I)
_COMMA_SECOND = re.compile(r"(?:^[ \t]*|[:;]\s+)(?:second|segund[oa])\s*,", re.M | re.I)


def _comma_ordinal(text: str, after: str) -> bool:
    if _COMMA_INFINITIVE.match(after):
        return True
    memo = _MARKERS.of(text)
    if (-1, -1) not in memo:  # no paragraph's key: the text's own answer
        # two searches, not one pattern spanning them: linear in the text whatever it holds
        first = _COMMA_FIRST.search(text)
        memo[(-1, -1)] = first is not None and _COMMA_SECOND.search(text, first.end()) is not None
    return bool(memo[(-1, -1)])


def _country_list(p: Para, text: str, registry: Registry) -> bool:
    """A paragraph that is a list of countries ("Canada, Costa Rica, ... and the United States.")."""
    named = sum(m.end - m.start for m in registry.find(text, {"country"}, p.start, p.end))
    return named >= 0.5 * len(p.text)


def _plain_item(text: str, p: Para, entries: list[tuple[Para, str | None, str | None, int]]) -> bool:
    """An unnumbered paragraph that is a top-level item: not a heading or lead-in, and after an item
    (or none) that ended its sentence."""
    if not _unnumbered_item(p) or not (SENTENCE_END.search(p.text) or _CELLS_AFTER_END.search(p.text[-300:])):
        return False  # a declaration's preamble ("Recognizing ...,") ends with a comma
    return not entries or bool(SENTENCE_END.search(prev := text[entries[-1][0].start : entries[-1][0].end]) or _CELLS_AFTER_END.search(prev[-300:]))


# Who and by when after an item's last sentence, as a table's cell holds them under its text: "... regional
# mapping. Lead: All Member Countries — Due: 30 September 2022"
_CELLS_AFTER_END = re.compile(r"[.;!?][\"'\u201d\u2019)]*\s+(?:lead|responsible|responsables?|owners?|a\s+cargo(?:\s+de)?)\s*:[^\n]{1,200}$", re.I)


def _ends_its_sentence(s: str) -> bool:
    """Whether a paragraph ends a sentence, or its cells do after one."""
    return re.search(r"[.;!?][\"'\u201d\u2019)]*$", s) is not None or _CELLS_AFTER_END.search(s[-300:]) is not None


# A declaration's subject over its operative list, the list's items its predicates ("The Vice-Ministers:" /
# "- Approved ...", "Los Países Miembros:", "La Red:"): no item of its own
_SUBJECT_LEAD = re.compile(
    r"\s*(?:the|los|las|la|el)\s+(?:[\w.-]+\s+){0,3}?(?:vice-?ministers?|viceministr[oa]s|heads?\s+of\s+delegations?|jef[ea]s\s+de\s+delegaci[oó]n|"
    r"delegations?|delegaciones|(?:member\s+)?(?:countries|states)|pa[ií]ses(?:\s+miembros)?|estados(?:\s+miembros)?|rcgm|grcm|rcm|crm|"
    r"network|red|coalition|coalici[oó]n|group|grupo|members|miembros|participants|participantes)"
    # (and the rest of its name: "The Liaison Officer Network for Consular Protection:", "La Red de Funcionarios de Enlace:")
    r"(?:\s+(?:for|on|against|to|of|de|del|para|sobre|contra)\s+(?:[\w-]+\s+){0,6}?[\w-]+)?"
    r"(?:\s+(?:and|y)\s+(?:[\w-]+\s+){0,3}?[\w-]+)?\s*:\s*$", re.I)

# A paragraph that tells of the meeting itself, no agreement: "La reunión se dedicó ...", "The meeting was
# preceded ...", "Durante la reunión ...", "The discussions focused on ..."
_ABOUT_THE_MEETING = re.compile(
    r"(?:(?:la|el|los|las|the|this|esta|este)\s+(?:presente\s+|present\s+)?(?:reuni[oó]n|meeting|sesi[oó]n|session|jornada|"
    r"debates?|discusi[oó]n|discussions?|deliberaciones|deliberations)\b|(?:durante|during)\s+(?:la|el|the)\b)", re.I)


def _unnumbered_item(p: Para) -> bool:
    """A paragraph that may be an unnumbered item: not a heading, a lead-in ("The Network agreed:")
    or a declaration's preambular paragraph."""
    return not (_is_heading(p) or (PREAMBLE.search(p.text) and p.text.endswith(":")) or PREAMBULAR.match(p.text))


def _lost_bullet(text: str, prev: Para, p: Para) -> bool:
    """A paragraph after a bulleted one that reads as another item, not as its continuation: the
    bullet before it is one paragraph that ended its sentence, and this one starts like an item."""
    return (len(prev.lines) >= 1 and bool(SENTENCE_END.search(text[prev.start : prev.end]))
            and bool(re.match(r"(?:To|Take|Thank|Request|Agradecer|Tomar|Solicitar|Encomendar|Instruir|Aprobar|[A-ZÁÉÍÓÚÑ]\w*\s+(?:will|shall))\b|[A-ZÁÉÍÓÚÑ]\w+ar\b|[A-ZÁÉÍÓÚÑ]\w+(?:er|ir)\b", p.text))
            and not _is_heading(p) and not ANNEX.match(p.text))


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _number(label: str, style: str | None) -> int | None:
    """The value a marker prints: 3 for "3." and for "III."."""
    if style not in ("roman", "uroman"):
        return _value(label)
    core = re.sub(r"[^IVXLCivxlc]", "", label).upper()
    total = 0
    for i, ch in enumerate(core):
        v = _ROMAN[ch]
        total += -v if i + 1 < len(core) and _ROMAN[core[i + 1]] > v else v
    return total or None


def _value(label: str) -> int | None:
    label = label.replace(" ", "")  # (a typewriter's "1 ." and "l0 .")
    if len(label) == 1 and "\u2460" <= label <= "\u2473":
        return ord(label) - 0x245F  # ("③": 3)
    if label.strip() in ("l.", "l)"):
        return 1  # (a scan's "l." for "1.")
    label = re.sub(r"(?<=\d)[Oo]", "0", label)  # (a scan's "1O." for 10)
    if re.fullmatch(r"l[l\d]\.|[1-9]l\.", label.strip()):
        label = label.replace("l", "1")  # (a scan's "ll." and "l2." for 11 and 12)
    m = re.search(r"(\d+)", label)
    if m and m.start() > 0 and label[m.start() - 1] in "lI" and (m.start() == 1 or not label[m.start() - 2].isalpha()):
        return int("1" + m.group(1))  # (a scan's "l0.-" for 10)
    return int(m.group(1)) if m else None


def _decimal_rows_under(items: list[Item]) -> list[Item]:
    """A table's rows numbered "3.1", "3.2" right after a row "3" that leads in to them ("En relación con el Plan de
    Trabajo ..., los Países Miembros acordaron:"), all at the top level: that row's sub-items, keeping their numbers.
    ``items`` as they are when no such row is found."""
    if not any(it.parent is None and (it.marker or "").count(".") == 1 and not (it.marker or "").endswith(".") for it in items):
        return items  # (cheap: most reports number no row "3.1")
    out: list[Item] = []
    moved: dict[int, int] = {}
    lead: Item | None = None  # (the last top-level row, the one "3.1" would go under)
    led: set[int] = set()  # (the rows given such sub-items)
    changed = False
    for it in items:
        marker = (it.marker or "").strip()
        parent = moved.get(it.parent) if it.parent is not None else None
        head = marker.split(".", 1)[0]
        if (it.parent is None and lead is not None and re.fullmatch(r"\d{1,2}\.\d{1,2}", marker) and head == (lead.marker or "").strip().rstrip(".")
                and (lead.text.rstrip().endswith(":") or moved[lead.position] in led)):
            parent, changed = moved[lead.position], True
            led.add(parent)
        elif it.parent is None:
            lead = it
        pos = len(out) + 1
        moved[it.position] = pos
        number = marker if parent is not None and it.parent is None else it.number
        out.append(Item(pos, it.marker, number, parent, it.span, it.text, it.marker_span, it.cells))
    return out if changed else items


_TOPIC_NUMBER = re.compile(r"(\d{1,2})\.?")


def _topic_groups(text: str, items: list[Item]) -> list[Item]:
    """A report whose agreements are numbered within numbered topics ("1. Migration and Health" / its narrative /
    "1.1 To thank PAHO ..." / "1.2 ..." / "2. Labour Migration" ...): the topics' headings are no items and the
    "1.1", "1.2" ... are, at the top level, their own sub-items under them. Every top-level item must be such a
    heading (a short first line that ends no sentence) over entries numbered within its number; else ``items``."""
    tops = [it for it in items if it.parent is None]
    if len(tops) < 2:
        return items
    kids: dict[int, list[Item]] = {}
    for it in items:
        if it.parent is not None:
            kids.setdefault(it.parent, []).append(it)
    for it in tops:
        tm = _TOPIC_NUMBER.fullmatch((it.marker or "").strip())
        nl = text.find("\n", it.span.start, it.span.end)
        line = text[it.span.start : nl if nl >= 0 else it.span.end].strip()
        if (tm is None or not kids.get(it.position) or len(line) > 90 or SENTENCE_END.search(line)
                or not all(re.fullmatch(rf"{tm.group(1)}\.\d{{1,2}}\.?", (k.marker or "").strip()) for k in kids[it.position])):
            return items
    out: list[Item] = []
    moved: dict[int, int] = {}
    renamed: dict[int, str] = {}  # old position -> new number
    by_position = {it.position: it for it in items}
    for it in items:
        if it.parent is None:
            continue  # (a topic's heading)
        pos = len(out) + 1
        moved[it.position] = pos
        if it.parent in moved:
            parent_number = renamed[it.parent]
            number = parent_number + it.number[len(by_position[it.parent].number) :]
            parent = moved[it.parent]
        else:
            number, parent = (it.marker or "").strip().rstrip("."), None
        renamed[it.position] = number
        out.append(Item(pos, it.marker, number, parent, it.span, it.text, it.marker_span, it.cells))
    return out


def _nested_restarts(items: list[Item]) -> list[Item]:
    """A list "1." ... "3." whose numbers start again at "1." for a run and then go on at "4.": the run
    is the third item's sub-items, as Word indents a second list's "1.", "2." (its 'List Number 2')
    under an item. A list that has sub-items already is left as it is."""
    tops = [it for it in items if it.parent is None]
    if len(tops) < 4 or not all(it.marker and re.fullmatch(r"\d{1,2}[.)]", it.marker) for it in tops):
        return items
    if any(it.parent is not None for it in items):
        return items
    vals = [_value(it.marker or "") or 0 for it in tops]
    under: dict[int, int] = {}  # position of a run's item -> its parent's
    k = 1
    while k < len(vals):
        if vals[k] == 1 and vals[k - 1] > 1:
            end = k
            while end + 1 < len(vals) and vals[end + 1] == vals[end] + 1:
                end += 1
            if end + 1 < len(vals) and vals[end + 1] == vals[k - 1] + 1:
                for j in range(k, end + 1):
                    under[tops[j].position] = tops[k - 1].position
                k = end + 1
                continue
        k += 1
    if not under:
        return items
    numbers = {it.position: it.number for it in tops}
    out: list[Item] = []
    seen: dict[int, int] = {}
    for it in items:
        parent = under.get(it.position)
        if parent is None:
            out.append(it)
            continue
        n = seen[parent] = seen.get(parent, -1) + 1
        out.append(Item(it.position, it.marker, f"{numbers[parent]}.{_letters(n)}", parent, it.span, it.text, it.marker_span, it.cells))
    return out


def _letters(n: int) -> str:
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(97 + r) + s
    return s


def _ordinal(label: str, style: str | None) -> int | None:
    """The place a marker gives in its list: 3 for "3.", "III." and "C."."""
    if style in ("letter", "letterp", "upper"):
        core = re.sub(r"[^A-Za-z]", "", label)
        return ord(core.lower()) - 96 if len(core) == 1 else None
    return _number(label, style)


def _narrative_between(entries: list[tuple[Para, str | None, str | None, int]]) -> list[tuple[Para, str | None, str | None, int]]:
    """Without the unnumbered paragraphs when they are the narrative between the agreements, not
    unnumbered agreements over sub-items: the marked entries count on across them ("A." under the
    first section's narrative, "B." under the second's) and none of those paragraphs leads in to
    a list (":"). Sub-items of one unnumbered agreement start again under each."""
    plains = [k for k, e in enumerate(entries) if e[1] == "plain"]
    marked = [(k, e) for k, e in enumerate(entries) if e[1] not in ("plain", "lead")]
    if not plains or not marked:
        return entries
    style = marked[0][1][1]
    run = [(k, e) for k, e in marked if e[1] == style]
    values = [_ordinal(e[2] or "", style) for _, e in run]
    under = {max((p for p in plains if p < k), default=-1) for k, _ in run}
    if (len(run) >= 3 and values == list(range(1, len(run) + 1)) and len(under - {-1}) >= 2
            and not any(entries[p][0].text.endswith(":") for p in plains)):
        return [e for e in entries if e[1] != "plain"]
    return entries


def _named_between(entries: list[tuple[Para, str | None, str | None, int]]) -> list[tuple[Para, str | None, str | None, int]]:
    """Only the named agreements and what is under each, when they count on across a report's
    numbered sections ("1. Opening session" ... "AGREEMENT 1" ... "2. Follow-up ..." ... "AGREEMENT
    2"): the sections and their narrative are no items."""
    named = [(k, e) for k, e in enumerate(entries) if e[1] == "named"]
    sections = [k for k, e in enumerate(entries) if e[1] in ("dec", "decp", "uroman")]
    # (the sections before the first agreement too: a list numbered under one agreement is its own)
    if len(named) < 2 or not sections or sections[0] > named[0][0] or not any(named[0][0] < k < named[-1][0] for k in sections):
        return entries
    values = [int(m.group(1)) if (m := _NAMED_NUMBER.search(e[2] or "")) else 0 for _, e in named]
    if not values[0] or values != list(range(values[0], values[0] + len(values))):
        return entries
    return _keep_named(entries)


def _rows_after_sections(entries: list[tuple[Para, str | None, str | None, int]]) -> list[tuple[Para, str | None, str | None, int]]:
    """The rows of a table of agreements from 1 after a report's numbered sections ("1. Seguimiento
    de acuerdos ...", "2. Informes nacionales" and their narrative, then "No. | Acuerdo | ..."
    rows 1 to 11): the rows, the sections none."""
    rows = [k for k, e in enumerate(entries) if e[1] == "row"]
    sections = [k for k, e in enumerate(entries) if e[1] in ("dec", "decp")]
    if len(rows) < 3 or not sections or sections[-1] > rows[0] or _value(entries[rows[0]][2] or "") != 1:
        return entries
    acting = sum(1 for k in sections if _ACTING_FIRST.match(entries[k][0].text, len(entries[k][2] or "")))
    if acting >= 3 and acting * 3 >= len(sections) * 2:
        # (numbered agreements, "1. Aprobar ...", "2. Tomar nota ...", then a table of the commitments
        # they give, numbered on its own: the agreements are no sections)
        return entries
    return entries[rows[0] :]


def _keep_named(entries: list[tuple[Para, str | None, str | None, int]]) -> list[tuple[Para, str | None, str | None, int]]:
    out: list[tuple[Para, str | None, str | None, int]] = []
    keeping = False
    for e in entries:
        if e[1] == "named":
            keeping = True
        elif e[1] in ("dec", "decp", "uroman"):
            keeping = False
        if keeping:
            out.append(e)
    return out


def _roman_letters(entries: list[tuple[Para, str | None, str | None, int]]) -> None:
    """"I." before "II." is a Roman numeral, not the letter I (unless it follows "H.").

    Single-letter numerals (i, v, x) are read as letters by the marker; where the report also
    uses longer numerals of the same case, they join that Roman list.
    """
    styles = {st for _, st, _, _ in entries}
    prev_letter: dict[bool, str] = {}
    for n, (p, st, label, start) in enumerate(entries):
        core = re.sub(r"[^a-zA-Z]", "", label or "")
        if st in ("upper", "letter", "letterp") and len(core) == 1:
            upper = core.isupper()
            roman = "uroman" if upper else "roman"
            follows = prev_letter.get(upper, "")
            if roman in styles and core.lower() in "ivx" and follows != chr(ord(core.lower()) - 1):
                entries[n] = (p, roman, label, start)
            prev_letter[upper] = core.lower()


# An item's own verb first ("To request ...", "Solicitar ...", "Request ..."): an item, not a group's title
# (an English heading's first word that ends as an infinitive does, "Other business", "Seminar on ...", is none)
_ACTING_FIRST = re.compile(r"\s*(?:to\s+[a-z]+|(?!(?i:other|under|order|after|over|border|number|chapter|center|letter|matter|paper|partner|"
                           r"register|regular|similar|particular|calendar|seminar|cluster|summer|winter|water|power|officer|leader|"
                           r"member|quarter|sugar|consular|popular|familiar|circular|nuclear|dollar|gender|shelter|disaster|minister|"
                           r"computer|cover|transfer|frontier|barrier|carrier|premier|counter|answer|danger|newsletter|foster|master|"
                           r"chamber|remainder)\b)[A-ZÁÉÍÓÚ]?[a-záéíóú]+(?:ar|er|ir)(?:se|le|les)?|(?:request|approve|thank|take|instruct|"
                           r"recommend|ask|urge|invite|welcome|endorse|adopt|note|hold|encourage)s?)\b")


_LETTER_ROW = re.compile(r"\(?[a-zA-Z][.)]?")


def _numbered_already(entries: list[tuple[Para, str | None, str | None, int]]) -> bool:
    """Whether the items read so far include numbered ones (then a numbered line is one of them)."""
    return any(e[1] in ("dec", "decp") for e in entries)


def _build_items(text: str, paras: list[Para], first: int, annex: int, lead_in: Para | None, labels: dict[int, str],
                 plain_from: int | None = None, restart: set[int] | None = None) -> list[Item]:
    entries: list[tuple[Para, str | None, str | None, int]] = []  # para, style, label, text start
    # the letter of the group title over an entry ("B. Protection" over "1. To take note ..."), and
    # whether a group's list started at 1 again: then its items are numbered "B.1", as the report means
    group: str | None = None
    group_at: dict[int, str] = {}
    restarted = False
    style: str | None
    label: str | None
    if lead_in is not None:
        s = lead_in.start
        em = ELLIPSIS.match(text, s)
        entries.append((lead_in, "lead", None, em.end() if em else s))
    grown: dict[int, Para] = {}  # items continued by unmarked paragraphs, by id
    closed = False  # a heading came after the last item: unmarked paragraphs are no longer its
    ended = False  # the record's close came after unmarked items ("Hora de cierre: ..."): no more of them
    said: dict[int, tuple[tuple[str, Span], ...]] = {}  # entry -> the cells a "Responsable: ..." line gives
    first_family: str | None = None  # the family of the list's first bullet glyph (_bullet_family)
    first_indent = 0  # the column of that first bullet's glyph
    # After a heading, the list a lead-in to earlier meetings' agreements introduces is theirs.
    earlier: tuple[str, str] | None = None  # that list's (style, glyph) once it starts; ("", "") before
    last_marked = max((i for i in range(first, annex) if _marker(text, paras[i])), default=annex)
    for i, p in enumerate(paras[plain_from if plain_from is not None else first : annex],
                          start=plain_from if plain_from is not None else first):
        mk = _marker(text, p)
        cells_at = p.start  # where a "Responsable: ..." or "Plazo: ..." line's label starts
        if (mk is not None and mk[0] in ("bullet", "bullet2") and entries
                and (_RESPONSIBLE.match(text, mk[2], p.end) or _WHEN_LINE.match(text, mk[2], p.end))):
            cells_at, mk = mk[2], None  # "• Responsable(s): ST", "• Fecha: ...": the item's cells, no item
        elif mk is not None and mk[0] in ("bullet", "bullet2") and entries and _WHO_WHEN.match(text, mk[2], p.end):
            mk = None  # "→ Who: Technical Secretariat" / "→ When: ..." under an "Action:" line: the item's text (its task)
        if mk is None and plain_from is not None and entries and (_DONE_IN.match(p.text) or _CLOSING_REMARK.match(p.text)):
            # the closing "Adopted in San José, ... on the thirteenth day ...", "Hora de cierre: ...": no item, and none after it
            closed = ended = True
            continue
        if mk is None and plain_from is not None and not ended and _plain_item(text, p, entries) and not SIGNED_BY.match(p.text):
            # Top-level items printed without numbers, with numbered sub-items under some of them.
            entries.append((p, "plain", None, p.start))
            continue
        if i < first:
            continue  # a heading or lead-in line among the unnumbered items
        if (mk is None and entries and entries[-1][1] == "bullet" and _lost_bullet(text, entries[-1][0], p)
                and not _WRITERS_REQUEST.match(p.text) and not ACTOR_TASK.match(p.text) and not _THANK_YOU.match(p.text)):
            # A bullet whose glyph was lost in extraction: a sibling of the bullet before it.
            entries.append((p, "bullet", "", p.start))
            continue
        if (mk is None and entries and (len(entries) - 1) in said and all(k != "when" for k, _ in said[len(entries) - 1])
                and (wm := _WHEN_LINE.match(text, cells_at, p.end))):
            # "Plazo: 15 de mayo de 2024" on a line of its own under "Responsable: ST"
            ws, we = wm.end(), _rstrip_end(text, wm.end(), p.end)
            while we > ws and text[we - 1] == ".":
                we -= 1
            if we > ws:
                said[len(entries) - 1] += (("when", Span(ws, we)),)
            continue
        if (mk is None and entries and not closed and (len(entries) - 1) not in said and entries[-1][1] != "lead"
                and (wm := _WHEN_LINE.match(text, cells_at, p.end))):
            # "Deadline: 31 July 2019" on a line of its own under an item, no one named responsible: its
            # due date (who acts is what its text says)
            ws, we = wm.end(), _rstrip_end(text, wm.end(), p.end)
            while we > ws and text[we - 1] == ".":
                we -= 1
            if we > ws:
                said[len(entries) - 1] = (("when", Span(ws, we)),)
            continue
        if (mk is None and entries and COMMITMENTS_OF.match(p.text) and i + 1 < annex
                and _marker(text, paras[i + 1]) is not None):
            # "Compromisos de la ST:" over its own list after the agreements' ("Compromisos de los Países Miembros:",
            # "Commitments of IOM:"): a lead-in whose actor makes the commitments under it
            entries.append((p, "lead", None, p.start))
            closed = False
            continue
        if (restart and p.end in restart) or (entries and mk is None and _is_heading(p) and not ACTOR_TASK.match(p.text)
                and not (i + 1 < annex and (who_mk := _marker(text, paras[i + 1])) is not None and _WHO_WHEN.match(text, who_mk[2], paras[i + 1].end)) and (
                p.text.isupper() or (i + 1 < annex and _marker(text, paras[i + 1]) is not None
                                     and not _RESPONSIBLE.match(text, p.start, p.end)))):
            # (or in mixed case right above the next item: "Redes de Funcionarios de Enlace")
            # a heading inside the items ("IV. RECOMMENDATIONS", "COMMITMENTS"): no item, and what
            # follows it unmarked is not the item before it
            closed, earlier = True, None
            continue
        if mk is None and closed and _earlier_lead(p.text):
            earlier = ("", "")
            continue
        if mk is not None and earlier is not None:
            kind = (mk[0], mk[1][:1] if not mk[1][:1].isalnum() else "")
            if earlier == ("", "") or earlier == kind:
                earlier = kind
                continue
            earlier = None
        if mk is not None:
            closed = False
        if (mk is None and entries and not closed and entries[-1][1] != entries[0][1]
                and ((pc := _PAREN_CELLS.match(text, _strip_start(text, p.start, p.end))) is not None
                     or (pc := _BRACKETED_WHEN.match(text, _strip_start(text, p.start, p.end))) is not None)
                and pc.end() >= _rstrip_end(text, p.start, p.end)
                # (the item the sub-items are under: the last entry of the list's first style, looked for from the end)
                and (top := next(k for k in range(len(entries) - 1, -1, -1) if entries[k][1] == entries[0][1])) not in said):
            # "(Lead: TS; Due: 30/06/2016)", "[31/10/2023]" on a line of its own after an item's sub-items: the item's
            # owner and date
            said[top] = tuple((role, Span(pc.start(role), _rstrip_end(text, pc.start(role), pc.end(role))))
                              for role in ("who", "when") if role in pc.re.groupindex and pc.group(role) and pc.group(role).strip())
            continue
        if mk is None and entries and not closed and (rm := _RESPONSIBLE.match(text, cells_at, p.end) or _FOLLOW_UP.match(text, cells_at, p.end)):
            # "Responsable: ST con apoyo de la PPT. Plazo: 30 de abril de 2021." under an item: its
            # commitment's actors and due date, as a table's columns give them
            at = rm.end("who")
            who = Span(_strip_start(text, rm.start("who"), at), _rstrip_end(text, rm.start("who"), at))
            given: list[tuple[str, Span]] = [("who", who)] if who.end > who.start else []
            if rm.group("when") is not None:
                ws, we = rm.start("when"), _rstrip_end(text, rm.start("when"), rm.end("when"))
                while we > ws and text[we - 1] == ".":
                    we -= 1
                if we > ws:
                    given.append(("when", Span(ws, we)))
            said[len(entries) - 1] = tuple(given)
            continue
        if (mk is None and entries and not closed and entries[-1][1] in ("bullet", "bullet2") and _LABEL_START.match(p.text)
                and not ACTOR_TASK.match(p.text)):
            # "Next steps: the TS will circulate ..." after a list of bullets: a paragraph of its own,
            # not the last bullet's
            closed, earlier = True, None
            continue
        if (mk is None and entries and not closed and entries[0][1] in ("dec", "decp")
                and _ALSO_AGREED.match(p.text)):
            # "The RCGM also took note of ...", "Furthermore, the RCGM welcomed ..." between numbered
            # agreements: one of them, printed without a number ("3 bis"), not the text of the one before
            entries.append((p, entries[0][1], None, p.start))
            continue
        if (mk is None and entries and not closed and entries[0][1] == "lead" and p.text.endswith(":") and len(p.text) < 80
                and i + 1 < annex and (next_mk := _marker(text, paras[i + 1])) is not None
                and any(e[1] == next_mk[0] for e in entries[1:])):
            # "Mexico:" over its own "- will ..." list, after the list under "Technical Secretariat:":
            # a lead-in like the first one, not the text of the item before it
            entries.append((p, "lead", None, p.start))
            continue
        if mk is None and entries and not closed and i > last_marked and (
                _CLOSING_REMARK.match(p.text) or _WRITERS_REQUEST.match(p.text) or _PREPARED_BY.match(p.text) or _DONE_IN.match(p.text)
                or (len(p.text) < 300 and _MEETING_CLOSED.search(p.text))
                # (or a slide deck's last slide: "Thank you! ¡Gracias!")
                or (len(p.text) < 160 and _THANK_YOU.match(p.text))
                # (or a chat's next message, someone's answer to the list: "Sobre el acuerdo 4): México ofrece ...")
                or (p.start, 0) in _CHAT_STARTS.of(text)):
            # "The delegations expressed their gratitude to ...", "La reunión se clausuró a las ...":
            # after the last item, the report's closing narrative, not the item's text
            closed = True
            continue
        if mk is None:
            if entries and not closed:
                # A paragraph without a marker continues the item before it.
                # Its text is set once the item is complete: redone at each line, it was quadratic.
                prev = entries[-1][0]
                if id(prev) in grown:  # a copy of ours already: extend it in place
                    prev.lines.extend(p.lines)
                    prev.end = p.end
                else:
                    prev = Para(prev.start, p.end, prev.lines + p.lines)
                    grown[id(prev)] = prev
                entries[-1] = (prev, entries[-1][1], entries[-1][2], entries[-1][3])
            continue
        style, label, after = mk
        title = text[after : p.end]
        if ((style in ("upper", "letter") or (style in ("dec", "decp") and len(title) < 100 and not SENTENCE_END.search(title)))
                and " | " not in p.text and i + 1 < annex and (nx := _marker(text, paras[i + 1])) is not None
                and (nx[0] == "row" or (nx[0] == "decdec" and style in ("dec", "decp") and not title.rstrip().endswith(":")
                                        and not _ACTING_FIRST.match(title)))
                and (style not in ("dec", "decp") or nx[1].strip().startswith(tuple((label or "").strip().rstrip(".)") + c for c in ".(")))):
            # a group's title among a table's rows ("B. Plan de Trabajo 2015" over rows 4 to 7, "1.
            # Directory of focal points" over rows "1.1" and "1.2"), or a topic's over its agreements
            # ("1. Directorio" over "1.1 Actualizar ...", "1.2 Solicitar ..."): no item
            closed, earlier = True, None
            continue
        # (a body's full name is a title too: "C. Red de Funcionarios de Enlace para el Combate al Tráfico
        # Ilícito de Migrantes y la Trata de Personas", 101 characters)
        if (style in ("dec", "decp") and len(title) < 100 and not SENTENCE_END.search(title) and not title.rstrip().endswith(":")
                and not _ACTING_FIRST.match(title) and " | " not in p.text and i + 1 < annex
                and (nx := _marker(text, paras[i + 1])) is not None and nx[0] == "bullet" and not _numbered_already(entries)):
            # a topic numbered over the bullets that are its agreements ("1. Protección consular y derechos
            # humanos" / "• Tomar nota ..." / "• Aprobar ..."): no item, the bullets at the top level
            closed, earlier = True, None
            continue
        if (style in ("upper", "uroman") and len(title) < 160 and not SENTENCE_END.search(title) and not title.rstrip().endswith(":")
                and not _ACTING_FIRST.match(title) and i + 1 < annex and (nx := _marker(text, paras[i + 1])) is not None
                and ((nx[0] in ("dec", "decp")
                      and (_value(nx[1]) == 1 or _value(nx[1]) == 1 + max((_value(e[2] or "") or 0 for e in entries if e[1] == nx[0]), default=-1)))
                     # ("A. Governance and Strategic Planning" over "A.1 To thank ...", "A.2 ...")
                     or (nx[0] == "named" and nx[1].startswith((label or "").strip().rstrip(".") + ".")))):
            # a group's title in mixed case over a list that starts at 1 again ("A. Directorio y
            # comunicación" / "1. Tomar nota ...", "B. Protección consular ..." / "1. Aprobar ...") or goes
            # on ("2. To adopt ..." / "II. Reports of the Liaison Officer Networks" / "3. To take note ..."):
            # no item, and the list under it is at the top level
            closed, earlier = True, None
            # ("A." or "II.": its items "A.1", "II.1", told from the other groups' "1")
            group = (label or "").strip().rstrip(".") if re.fullmatch(r"[A-Z]\.?|[IVXL]+\.?", (label or "").strip()) else None
            restarted = restarted or (_value(nx[1]) == 1 and any(e[1] == nx[0] for e in entries))
            continue
        if (style not in ("bullet", "bullet2", "row") and len(title) < 100 and not SENTENCE_END.search(title)
                and re.search(r"[^\W\d_]{2}", title) and title.upper() == title):
            # a numbered heading in capitals among the items ("A. MIGRATION AND DEVELOPMENT" over
            # agreements numbered 1-12 across the sections): no item, and ends the one before
            closed, earlier = True, None
            continue
        if p.start in labels:  # Word's own numbering, from a .docx reader
            label = labels[p.start]
        if style == "bullet" and label:
            # dashes under round bullets ("• Approve ...:" / "– governance of ..."), or round under
            # dashes: the glyph seen second is the second level
            family = _bullet_family(label)
            indent = p.start - text.rfind("\n", 0, p.start) - 1  # (the glyph's column)
            if first_family is None:
                first_family, first_indent = family, indent
            elif family != first_family:
                style = "bullet2"
            elif indent >= first_indent + 2 and text[p.start - indent : p.start].strip() == "":
                style = "bullet2"  # the same glyph indented under the first level's, as a plain-text export nests
        if style == "row" and text.startswith("| ", after):
            after += 1  # "5 | To instruct ... | 30 April 2016": the bar after a Word table's number cell
        if (tag := _KIND_TAG.match(text, after, p.end)) is not None:
            after = tag.end()  # "- [Action] Circulate ...": the item's kind in brackets, no part of its text
        entries.append((p, style, label, _strip_start(text, after, p.end)))
        if group is not None:
            group_at[p.start] = group
        bm = _PAREN_CELLS.search(text, p.start, after) or _BRACKETED.search(text, p.start, p.end)
        if bm is None and (pm := _PAREN_CELLS.search(text, after, p.end)) is not None and pm.group("when") is not None and not text[pm.end() : p.end].strip(" .;"):
            bm = pm  # (or at its end, "... good practices. (Responsible: Member Countries; Deadline: 30/11/2006)")
        if bm is not None:
            # "... [Responsible: TS; by 15 March 2022]" at the item's end: its commitment's cells
            said[len(entries) - 1] = tuple((role, Span(bm.start(role), _rstrip_end(text, bm.start(role), bm.end(role))))
                                           for role in ("who", "when") if bm.group(role) and bm.group(role).strip(" -\u2013\u2014"))
    for merged in grown.values():
        merged.text = clean("\n".join(text[a:b] for a, b in merged.lines))
    if not entries:
        return []
    entries = _rows_after_sections(_named_between(_narrative_between(entries)))
    # "10. ... the Presidency Pro Tempore submits the following recommendations:" and a list from "1.":
    # the lead-in's number is the narrative's paragraph number, no item's
    if (len(entries) >= 2 and entries[0][1] in ("dec", "decp") and entries[1][1] == entries[0][1]
            and (_value(entries[0][2] or "") or 0) > 1 and _value(entries[1][2] or "") == 1
            and entries[0][0].text.endswith(":") and PREAMBLE.search(entries[0][0].text)):
        entries = entries[1:]
    _roman_letters(entries)
    # Levels: a lead-in is level 0; otherwise outline order of first appearance of each style.
    # (the first numbered style, decimal or capital Roman, as "I. I. I. II. II." loses Word's levels too)
    first_style = next((st for _, st, _, _ in entries if st in ("dec", "decp", "uroman")), None)
    numbered = ("dec", "decp") if first_style in ("dec", "decp") else (first_style,)
    decs = [_number(lbl or "", st) for _, st, lbl, _ in entries if st in numbered]
    counts = Counter(v for v in decs if v is not None)
    broken = False
    top_value = None
    if decs and counts:
        top_value, top_count = counts.most_common(1)[0]
        increasing = all(b is not None and a is not None and b > a for a, b in zip(decs, decs[1:], strict=False))
        broken = not increasing and top_count >= 3 and top_value == decs[0]
        if broken:
            # lists that start again at 1, each counting on (1-7, then 1-3, 1-2, 1-3 under the working
            # groups' headings): restarted lists, not Word's lost levels ("1. 1. 1. 2. 2. 1.")
            runs: list[list[int | None]] = []
            for v in decs:
                if v == top_value or not runs:
                    runs.append([v])
                else:
                    runs[-1].append(v)
            broken = not all(run == list(range(top_value, top_value + len(run))) for run in runs if top_value is not None)
    levels: list[int] = []
    stack: list[str] = []
    pending = sorted(restart or ())  # where a heading inside the items ends
    for p, style, label, _ in entries:
        key = style or "lead"
        if pending and p.start > pending[0]:
            stack = []  # the first entry under such a heading: the top level again
            pending = [x for x in pending if x >= p.start]
        if key == "lead":
            stack = ["lead"]
            levels.append(0)
            pending = [x for x in pending if x != p.end]  # (a heading that is the lead-in itself: its list under it)
            continue
        if broken and key in numbered:
            key = "dec-top" if _number(label or "", key) == top_value else "dec-sub"
        if key == "row" and _LETTER_ROW.fullmatch((label or "").strip()):
            key = "row-letter"  # "a) | ..." under "4 | Con respecto al Protocolo ...: | — | —": the row's sub-items
        if key in stack:
            stack = stack[: stack.index(key) + 1]
        else:
            if key == "dec-top" or (not stack and key != "lead"):
                stack = [key]
            else:
                stack.append(key)
        levels.append(len(stack) - 1)
    items: list[Item] = []
    also = {p.start for p, st, lbl, _ in entries if lbl is None and st in ("dec", "decp")}
    also_n, last_also = 0, -1
    offset = 0  # what a list numbered from 1 again under a heading inside the section adds to its numbers
    parents: list[int] = []  # position of the open parent at each level
    counters: list[int] = [0]
    rows: set[int] = set()  # the positions of a table's rows
    statuses: dict[int, str] = {}  # a row's "Estado" cell, where its table has one
    blank: set[int] = set()  # a row whose table names its agreement column, that column empty
    # (a list whose every item is printed "1.", its numbering restarted at each by mistake: numbered by place)
    firsts = [_value(lbl or "") for (_, st, lbl, _), lv in zip(entries, levels, strict=True) if lv == 0 and st in ("dec", "decp")]
    all_ones = len(firsts) >= 3 and all(v == 1 for v in firsts)
    for pos, ((p, style, label, tstart), level) in enumerate(zip(entries, levels, strict=True), start=1):
        while len(parents) > level:
            parents.pop()
        while len(counters) <= level:
            counters.append(0)
        counters[level] += 1
        del counters[level + 1 :]
        parent = parents[-1] if parents else None
        if level == 0:
            v = (_value(label or "") if style in ("dec", "decp", "decdec", "decd", "row") and not broken and not all_ones
                 and not (restart and p.start - 1 in restart) else None)
            if restart and p.start - 1 in restart and style in ("dec", "decp") and _value(label or "") == 1:
                # (a list numbered from 1 again under a heading of the section's: its numbers go on from the
                # list before, "1." ... "5." under the second "Acuerdos del día" read 5 ... 9 after 1 ... 4)
                offset = counters[0] - 1
            elif v is not None and style in ("dec", "decp"):
                v += offset
            if ((style == "named" or (style == "row" and _NAMED_CELL.fullmatch((label or "").strip())))
                    and label and not broken and (nm := _NAMED_NUMBER.search(label)) is not None):
                # "Acuerdo 3:", "ACUERDO No. 7", "Acuerdo GRCM-2019-05:", a row's "Decision 2019/1<TAB>...": as printed
                v = int(nm.group(1))
            if v is not None:
                counters[0] = v
            number = str(counters[0])
            if label is None and style in ("dec", "decp") and p.start in also:
                counters[0] -= 1  # the next numbered one goes on from the number before
                also_n = also_n + 1 if last_also == counters[0] else 0
                last_also = counters[0]
                number = f"{counters[0]} {_LATIN[min(also_n, len(_LATIN) - 1)]}"
            if (style in ("decdec", "decdec3", "row3") or (style == "row" and re.fullmatch(r"\d{1,2}(?:\.\d{1,2})+\.?", (label or "").strip()))) and label and not broken:
                # "3.1" ... "3.14" under "3. ACUERDOS", "1.1<tab>Tomar nota ..." under "1. TRATA DE
                # PERSONAS": as printed
                number = label.strip().rstrip(".")
            if style == "named" and label and not broken and (tm := _THEMED.match(label)) is not None:
                number = tm.group(0)  # "A.1", "B.3": a theme's letter and a number, as printed
            if restarted and (g := group_at.get(p.start)) is not None and not broken and not number.startswith(f"{g}."):
                number = f"{g}.{number}"
        else:
            parent_item = items[parent - 1] if parent else None
            if style in ("letter", "letterp", "upper") and not broken:  # Roman sub-items get letters
                own = re.sub(r"[^a-zA-Z]", "", label or "").lower() or _letters(counters[level] - 1)
            elif style in ("dec", "decp") and not broken and level >= 2:
                own = str(_value(label or "") or counters[level])
            else:
                own = _letters(counters[level] - 1)
            number = f"{parent_item.number}.{own}" if parent_item else own
            printed = (label or "").strip().rstrip(".")
            if style in ("decdec3", "row3") and not broken and parent_item and printed.startswith(parent_item.number + "."):
                number = printed  # "1.2.1" under "1.2": as printed
        end = _rstrip_end(text, tstart, p.end)
        # from the paragraph's own lines: a running header dropped between them is not the item's text
        item_text = clean("\n".join(text[max(a, tstart) : b] for a, b in p.lines if b > tstart))
        if lead := ELLIPSIS.match(item_text):
            item_text = item_text[lead.end() :]
        marker_span = Span(p.start, tstart) if label else None
        cells: tuple[tuple[str, Span], ...] = said.get(pos - 1, ()) or _ROW_CELLS.of(text).get((text.rfind("\n", 0, p.start) + 1, 0), ())
        if not cells and ((dm := _DASHED_CELLS.search(text, tstart, end)) is not None
                          or (dm := _SENTENCE_CELLS.search(text, tstart, end)) is not None
                          or (dm := _TRIPLE_CELLS.match(text, tstart, end)) is not None):
            # "... – Responsable: ST – Fecha: 31/07/2017" at its end (over the item's lines, now
            # complete), or its sentences: "... de la Red. Responsable: Secretaría Técnica. Fecha: 15-09-2013."
            cells = tuple((role, Span(dm.start(role), _rstrip_end(text, dm.start(role), dm.end(role))))
                          for role in ("who", "when") if dm.group(role) and dm.group(role).strip())
        if style == "row" and (roles := _columns(text, paras, p.start)):
            # (the row's own line: not a group's row or a closing line joined under it, "Tema 2: ... | — | —")
            row_end = text.find("\n\n", p.start, p.end)
            # (a Markdown row's own line, the rows under it that go on with it apart: "| 5 | Draft terms ... |" /
            # "|   | (ToR to take into account IOM's IRIS standard) | | |")
            going_on = [ln for ln in p.lines[1:] if text.startswith("|", ln[0])] if text.startswith("|", p.start) else []
            if going_on:
                row_end = p.lines[0][1]
            row = _row_cells(text, p.start, p.end if row_end < 0 else row_end)
            if len(row) == len(roles) - 1 and (roles[0] == "topic" or (roles[0] is None and re.fullmatch(r"\d{1,3}", text[row[0].start : row[0].end]))):
                # a row under a group's cell merged over several rows ("Tema" over rows 1 to 3): the
                # group column is the one it lacks
                roles = roles[1:]
            if len(row) != len(roles) and (bar := text.find(" | ", tstart, end)) > 0:
                # a row with a cell merged into the row above: its text is its own cell only
                end = bar
                item_text = clean(text[tstart:end])
            if len(row) == len(roles):
                found = {role: span for role, span in zip(roles, row, strict=True) if role and span.end > span.start}
                if "text" in found:
                    after_marker = tstart
                    tstart, end = found["text"].start, found["text"].end
                    if tstart < after_marker < end:
                        tstart = after_marker  # ("1. Agradecer ... | — | —": Word's number in the text cell, no cell of its own)
                    item_text = clean(text[tstart:end])
                    for a, b in going_on:
                        more = _row_cells(text, a, b)
                        if len(more) == len(roles) and more[0].end == more[0].start and (c := more[roles.index("text")]).end > c.start:
                            item_text = f"{item_text} {clean(text[c.start : c.end])}"
                    cells = tuple((r, found[r]) for r in ("who", "when") if r in found)
                    if "who" in found and "when" in roles and "when" not in found:
                        # an empty deadline cell ("—") says there is none: no date read from the row's text
                        w = row[roles.index("when")]
                        cells += (("when", Span(w.start, w.start)),)
                elif roles.index("text") > 0:
                    # ("1. Welcome and opening | The TS welcomed ... | — | — | —": an agenda point whose
                    # "Agreement" column is empty agreed nothing)
                    blank.add(pos)
                if "status" in found:
                    statuses[pos] = clean(text[found["status"].start : found["status"].end])
        items.append(Item(pos, label, number, parent, Span(tstart, end), item_text, marker_span, cells))
        parents.append(pos)
        if style == "row":
            rows.add(pos)
    if blank and len(blank) < len(rows):
        items, moved = _left_out(items, blank)
        rows = {moved[p] for p in rows if p in moved}
        statuses = {moved[p]: v for p, v in statuses.items() if p in moved}
    if statuses:
        items, moved = _carried_over_left_out(items, statuses)
        rows = {moved[p] for p in rows if p in moved}
    return _row_members(text, items, rows) if rows else items


# A table's "Estado" of a row of this meeting's ("Nuevo") and of one carried over from an earlier
# meeting's ("Cumplido", "En curso", "Pendiente").
_NEW_ROW = re.compile(r"^(?:nuevo|nueva|new|adoptado|adopted)\b", re.I)
_OLD_ROW = re.compile(r"^(?:cumplid[oa]|en\s+curso|en\s+proceso|pendiente|completed?|done|ongoing|in\s+progress|pending)\b", re.I)


def _carried_over_left_out(items: list[Item], statuses: dict[int, str]) -> tuple[list[Item], dict[int, int]]:
    """``items`` without the rows a table marks as carried over from earlier meetings ("Cumplido",
    "En curso") when it marks others as this meeting's ("Nuevo"), and without what is under them;
    and where each item kept moved (its old position -> its new)."""
    drop = {p for p, v in statuses.items() if _OLD_ROW.match(v)} if any(_NEW_ROW.match(v) for v in statuses.values()) else set()
    return _left_out(items, drop)


def _left_out(items: list[Item], drop: set[int]) -> tuple[list[Item], dict[int, int]]:
    """``items`` without those at the positions ``drop`` and what is under them; and where each item
    kept moved (its old position -> its new)."""
    if not drop:
        return items, {i.position: i.position for i in items}
    out: list[Item] = []
    moved: dict[int, int] = {}
    for item in items:
        if _top_of(items, item) in drop:
            continue
        pos = len(out) + 1
        moved[item.position] = pos
        out.append(Item(pos, item.marker, item.number, moved.get(item.parent) if item.parent is not None else None, item.span,
                        item.text, item.marker_span, item.cells))
    return out, moved


# A member of an enumeration inside a table's cell ("... incorporando: a) los requisitos ...; b) ...",
# "a) México y Costa Rica b) Países Miembros"): its letter.
# ("a. Designar ...; b. Remitir ...": Word's lettered list in a cell, its letter and a capital)
_CELL_MEMBER = re.compile(r"(?:^|(?<=[\s:;,.]))\(?([a-h])(?:\)|\.(?=\s+[A-ZÁÉÍÓÚÑ]))\s+")
# ("(i) ... (ii) ...", small Roman numerals in brackets)
_CELL_ROMAN = re.compile(r"(?:^|(?<=[\s:;,.]))\((i{1,3}|iv|vi{0,3}|ix|x)\)\s+")
_SMALL_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
_CELL_BULLET = re.compile(r"(?:^|(?<=\s))[\u2022\u25aa\u25cf\u2013-]\s+")


def _cell_parts(text: str, span: Span, letters: list[str]) -> dict[str, Span] | None:
    """A cell's text for each member of its row's enumeration, when it names them ("a) 31/01/2013
    b) y c) Permanente d) Primer semestre de 2013"): two letters joined share the text after the
    second, and the text before the first letter is said of those not named ("Países Miembros
    d) PPT con el CICR"). None when the cell names none of them."""
    found = list(_CELL_MEMBER.finditer(text, span.start, span.end))
    named = [m.group(1) for m in found]
    if not found or any(x not in letters for x in named) or named != sorted(named):
        return None
    out: dict[str, Span] = {}
    waiting: list[str] = []  # letters joined to the next one ("b) y c)")
    for k, m in enumerate(found):
        stop = found[k + 1].start() if k + 1 < len(found) else span.end
        start = m.end()
        end = _rstrip_end(text, start, stop)
        if re.fullmatch(r"[\s,]*(?:y|e|and|&)?[\s,]*", text[start:end]):
            waiting.append(m.group(1))
            continue
        for letter in (*waiting, m.group(1)):
            out[letter] = Span(start, end)
        waiting = []
    lead = Span(span.start, _rstrip_end(text, span.start, found[0].start()))
    if lead.end > lead.start:
        for letter in letters:
            out.setdefault(letter, lead)
    return out


def _row_members(text: str, items: list[Item], rows: set[int]) -> list[Item]:
    """``items`` with the enumeration inside a table row's text cell ("... incorporando: a) ...; b)
    ...") made its sub-items, as a list's would be. The row's other cells, when they enumerate the
    same letters ("a) México y Costa Rica b) Países Miembros"), are divided among them; otherwise
    they stay the row's."""
    out: list[Item] = []
    moved: dict[int, int] = {}  # old position -> new
    for item in items:
        members: list[tuple[str, int, int]] = []  # (letter, marker start, text start)
        if item.position in rows and ":" in item.text:
            colon = text.find(":", item.span.start, item.span.end)
            found = [m for m in _CELL_MEMBER.finditer(text, colon + 1, item.span.end)]
            letters = [m.group(1) for m in found]
            romans = [] if found else list(_CELL_ROMAN.finditer(text, colon + 1, item.span.end))
            if len(found) >= 2 and letters == [chr(97 + k) for k in range(len(found))] and not text[colon + 1 : found[0].start()].strip():
                members = [(m.group(1), m.start(), m.end()) for m in found]
            elif (len(romans) >= 2 and [m.group(1) for m in romans] == list(_SMALL_ROMANS[: len(romans)])
                  and not text[colon + 1 : romans[0].start()].strip()):
                # "... on the following terms: (i) Member Countries will send ...; (ii) the Technical Secretariat ...":
                # lettered in order, as a list's "i." are
                members = [(_letters(k), m.start(), m.end()) for k, m in enumerate(romans)]
            elif not found:
                # "... las siguientes tareas: • actualizar ... • elaborar ...": bullets, lettered in order
                dots = list(_CELL_BULLET.finditer(text, colon + 1, item.span.end))
                if len(dots) >= 2 and not text[colon + 1 : dots[0].start()].strip():
                    members = [(_letters(k), m.start(), m.end()) for k, m in enumerate(dots)]
        head_end = _rstrip_end(text, item.span.start, members[0][1]) if members else item.span.end
        own: list[tuple[str, Span]] = []
        shared: dict[str, dict[str, Span]] = {}  # letter -> role -> the cell's part for it
        for role, span in item.cells:
            parts = _cell_parts(text, span, [m[0] for m in members]) if members else None
            if parts is None:
                own.append((role, span))
                continue
            for letter, part in parts.items():
                shared.setdefault(letter, {})[role] = part
        if shared:
            # a cell divided among the members: the undivided ones are said of each of them too
            for letter, _, _ in members:
                for role, span in own:
                    shared.setdefault(letter, {}).setdefault(role, span)
            own = []
        parent = moved.get(item.parent) if item.parent is not None else None
        pos = len(out) + 1
        moved[item.position] = pos
        out.append(Item(pos, item.marker, item.number, parent, Span(item.span.start, head_end),
                        clean(text[item.span.start : head_end]) if members else item.text, item.marker_span, tuple(own)))
        for k, (letter, ms, ts) in enumerate(members):
            stop = members[k + 1][1] if k + 1 < len(members) else item.span.end
            te = _rstrip_end(text, ts, stop)
            cells = tuple((r, sp) for r, sp in shared.get(letter, {}).items() if sp.end > sp.start)
            out.append(Item(len(out) + 1, text[ms:ts].strip(), f"{item.number}.{letter}", pos, Span(ts, te), clean(text[ts:te]),
                            Span(ms, ts), cells))
    return out


# A paragraph that starts with a label of a few words ("Next steps: ...", "Nota: ...").
_LABEL_START = re.compile(r"[A-ZÁÉÍÓÚÑ][^\W\d_]*(?:[ \t]+[^\W\d_]+){0,2}[ \t]*:[ \t]+\S")
# An actor's task on a line of its own under an agreement, its date in brackets at the end ("ST: circular la versión
# final del Directorio (15/08/2018)", "IOM: open the call for the third edition (September 2018)"): the item's.
ACTOR_TASK = re.compile(r"^[ \t]*(?P<who>[A-ZÁÉÍÓÚÑ][^\W\d_]*(?:[ \t]+[^\W\d_]+){0,3})[ \t]*:[ \t]+"
                        r"(?P<what>(?:to[ \t]+)?[a-záéíóúñ][^\n]{2,300}?)[ \t]*\((?P<when>[^()\n]{3,60})\)[ \t]*\.?[ \t]*$", re.M)
# The lines under an item's "Action:" line that say who and when ("→ Who: Technical Secretariat", "→ When: 29/01/2016").
_WHO_WHEN = re.compile(r"[ \t]*(?:who|when|qui[eé]n(?:es)?|cu[aá]ndo)[ \t]*:", re.I)
# A line of a list of participants that names the absent ("Apologies: Nicaragua.").
_ABSENT_LABEL = re.compile(r"(?:apologies|regrets|excused|absent|not\s+connected|ausentes?|excusas|excusad[oa]s|"
                           r"no\s+asistieron|sin\s+conexi[oó]n)\s*:", re.I)
# A line under an item that names who is responsible and by when ("Responsable: OIM. Plazo: 26 de marzo.").
_RESPONSIBLE = re.compile(
    r"[ \t]*(?:responsables?(?:\(s\))?|responsible(?:\s+part(?:y|ies))?|lead|a\s+cargo(?:\s+de)?)[ \t]*:[ \t]*(?P<who>.*?)"
    r"(?:[.;,]?\s*(?:plazo|fecha(?:\s+l[ií]mite)?|deadline|due(?:\s+date)?|by\s+when|timeline|timeframe|calendario)[ \t]*:[ \t]*(?P<when>.*))?$",
    re.I | re.S,
)
# ("[Responsible: TS; by 15 March 2022]", "[Owner: Mexico | Due: 30/06/2021]")
# "Seguimiento: ST; informe actualizado en la próxima reunión." / "Follow-up: TS, by 30 June" under an item.
_FOLLOW_UP = re.compile(r"[ \t]*(?:seguimiento|follow[- ]?up)[ \t]*:[ \t]*(?P<who>(?!no\s+aplica|n/a|--|\u2014)[^;\n]*?)"
                        r"(?:[ \t]*;[ \t]*(?P<when>.*))?$", re.I | re.S)
_BRACKETED = re.compile(r"\[\s*(?:responsibles?|responsables?|owners?|lead)\s*:\s*(?P<who>[^;|\]\n]*)"
                        r"(?:[;|]\s*(?:(?:due|deadline|plazo|fecha)\s*:\s*)?(?P<when>[^\]\n]*))?\]\s*$", re.I)
# (wrapped over lines as a hard-wrapped text wraps it: "(Responsible: Presidency Pro" / "Tempore; Deadline: ...)")
# ("(Owner: Technical Secretariat, Due: 16 May 2025)": a comma before the deadline's label too; "(Lead: TS; Due: ...)")
_PAREN_CELLS = re.compile(r"\(\s*(?:responsables?|responsible|owners?|lead)\s*:\s*(?P<who>[^;()]{0,200}?)(?:[;,]\s*(?:plazo|deadline|fecha(?:\s+l[ií]mite)?|"
                          r"due(?:\s+date)?)\s*:\s*(?P<when>[^()]{0,200}))?\)", re.I)
# An item's kind in brackets before its text ("[Agreement]", "[Action]", "[Acuerdo]", "[Tarea]").
_KIND_TAG = re.compile(r"\[(?i:agreements?|actions?|acuerdos?|acci[oó]n|acciones|tareas?|tasks?|decisi[oó]n|decisions?|compromisos?|"
                       r"commitments?|follow[- ]up|seguimiento"
                       # (or its status: "1. [NEW] To ...", "2. [COMPLETED] ...", "[EN CURSO]")
                       r"|new|ongoing|in\s+progress|completed|done|pending|nuev[oa]|en\s+curso|en\s+proceso|cumplid[oa]|pendiente)\][ \t]*")
# A date alone in brackets ("[31/10/2023]", "(15 de agosto de 2023)"), a figure in it: an item's deadline on a line of its
# own (not "(PPT Y ST)", its owners).
_BRACKETED_WHEN = re.compile(r"[ \t]*[\[(](?P<when>(?=[^()\[\]\n]*\d)[^()\[\]\n]{3,60})[\])]\.?[ \t]*")
_PAREN_CELLS_START = re.compile(r"[(\[]\s*(?:responsables?|responsible|owners?|lead|plazo|deadline|due)\s*:", re.I)
# "... – Responsable: ST – Fecha: 31/07/2017" at an item's end.
# A commitment's line under an agreement: "Compromiso: <who> – <what> – <by when>" (the dash a hyphen, now and then).
_COMMITMENT_LINE = re.compile(r"[ \t]*(?:compromisos?|commitments?|acci[oó]n|actions?|tareas?|tasks?)[ \t]*:[ \t]*", re.I)
_TRIPLE_CELLS = re.compile(r"[ \t]*(?:compromisos?|commitments?|acci[oó]n|actions?|tareas?|tasks?)[ \t]*:[ \t]*(?P<who>[^\u2013\u2014\n]{2,80}?)"
                           r"[ \t]+[\u2013\u2014-][ \t]+[^\u2013\u2014]{3,400}?[ \t]+[\u2013\u2014-][ \t]+(?P<when>[^\u2013\u2014\n]{2,80}(?:\n[^\u2013\u2014\n]{0,80})?)$",
                           re.I)
_DASHED_CELLS = re.compile(r"(?:\s[\u2013\u2014-]|\n)\s*(?:responsables?|responsible|owners?)\s*:\s*(?P<who>[^\u2013\u2014\n]*?(?:\n[^\u2013\u2014\n]*?)?)"
                           r"\s*[\u2013\u2014-]\s*(?:fecha|plazo|deadline|due(?:\s+date)?)\s*:\s*(?P<when>[^\u2013\u2014\n]*(?:\n[^\u2013\u2014\n]*)?)$",
                           re.I)
# (or "... mapping. Lead: All Member Countries — Due: 30 September 2022", a one-column table's cell)
_SENTENCE_CELLS = re.compile(r"(?<=[.;])\s+(?:responsables?|responsible|lead)\s*:\s*(?P<who>[^.;\n\u2013\u2014]+?)\s*(?:[.;]|\s[\u2013\u2014-])?"
                             r"(?:\s+(?:fecha|plazo|deadline|due(?:\s+date)?)\s*:\s*(?P<when>[^\n]+?))?\s*\.?$", re.I)
_WHEN_LINE = re.compile(r"[ \t]*(?:plazo|fecha(?:\s+l[ií]mite)?|deadline|due(?:\s+date)?|by\s+when|timeline|timeframe|calendario)[ \t]*:[ \t]*", re.I)
# The roles a table's column heading gives its cells.
_COLUMN_ROLES = (
    ("num", re.compile(r"^(?:#|n\.?\s*[º°o]\.?|no\.?|n[uú]m(?:ero)?\.?|number|item|id|ref\.?|c[oó]digo|code)$", re.I)),
    ("text", re.compile(r"\b(?:acuerdos?|agreements?|decisi[oó]n(?:es)?|decisions?|acci[oó]n(?:es)?|actions?|actividad(?:es)?|activit(?:y|ies)|tareas?|tasks?|"
                        r"compromisos?|commitments?|descripci[oó]n|description|conclusi[oó]n|recomendaci[oó]n(?:es)?|recommendations?)\b", re.I)),
    # (or the country that committed itself, in a table of commitments: "Country | Commitment | Deadline")
    ("who", re.compile(r"\b(?:responsables?|responsible|lead|owners?|a\s+cargo|encargad[oa]s?|who|qui[eé]n)\b|^(?:country|pa[ií]s)$", re.I)),
    ("when", re.compile(r"\b(?:fecha|plazo|deadline|due|date|cu[aá]ndo|when|timeline|calendario)\b", re.I)),
    # ("Status at next meeting", "Estado al 30 de junio": a status column a later meeting fills)
    ("status", re.compile(r"^(?:estado|status|situaci[oó]n|estatus)(?:\s+(?:at|as\s+of|al?|en|a\s+la)\b.{0,40})?$", re.I)),
    # (a column that answers yes or no of each row, "To the Vice-Ministers (Yes/No)": no text of the row's)
    ("flag", re.compile(r"\b(?:yes\s*/\s*no|s[ií]\s*/\s*no)\b", re.I)),
    # (a theme's cell beside the agreements it groups, empty or a dash on the rows under its first)
    ("topic", re.compile(r"^(?:topics?|temas?|t[oó]picos?|themes?|thematic\s+areas?|[aá]reas?(?:\s+tem[aá]ticas?)?|ejes?(?:\s+tem[aá]ticos?)?|"
                         r"subjects?|asuntos?|agenda\s+items?|puntos?\s+de(?:\s+la)?\s+agenda)$", re.I)),
)


def _row_cells(text: str, start: int, end: int) -> list[Span]:
    """The cells of a table row in ``text[start:end]``: between tabs, between a Markdown row's bars,
    or between the " | " the .docx reader writes."""
    seg = text[start:end]
    if seg.lstrip().startswith("|"):
        bars = [m.start() for m in re.finditer(r"\|", seg)]
        bounds = list(zip(bars, bars[1:], strict=False))
    elif "\t" not in seg and " | " in seg:  # a Word table's row as the .docx reader writes it
        bars = [m.start() + 1 for m in re.finditer(r" \| ", seg)]
        bounds = list(zip([-1, *bars], [*bars, len(seg)], strict=True))
    else:
        tabs = [m.start() for m in re.finditer(r"\t", seg)]
        bounds = list(zip([-1, *tabs], [*tabs, len(seg)], strict=True))
    out = []
    for a, b in bounds:
        cs, ce = start + a + 1, start + b
        while cs < ce and text[cs].isspace():
            cs += 1
        while ce > cs and text[ce - 1].isspace():
            ce -= 1
        if text[cs:ce] in ("\u2014", "-", "\u2013"):  # an empty cell drawn as a dash
            ce = cs
        out.append(Span(cs, ce))
    return out


_TABLE_ROLES = _Memo()  # (a paragraph's start, its list's id) -> the roles walking up from it finds


def _columns(text: str, paras: list[Para], before: int) -> list[str | None] | None:
    """The roles of the columns of the table a row at ``before`` is in, from its heading row: the
    first paragraph above the table's rows, when it has their separators and names an agreement or
    action column ("N.º\tAcuerdo\tResponsable\tFecha límite", "| # | Action | Responsible | Deadline |").
    Each paragraph walked past keeps what was found above it: a table's rows walk up once, not a row at a time."""
    memo = _TABLE_ROLES.of(text)
    if (listed := memo.get((-1, id(paras)))) is None:
        # the paragraphs' starts, once a list (the list kept with them: its id is not another's while the memo lives)
        listed = memo[(-1, id(paras))] = (paras, [q.start for q in paras])
    at = bisect.bisect_left(listed[1], before) - 1
    walked: list[tuple[int, int]] = []
    found = _columns_above(text, paras, at, memo, walked)
    for key in walked:
        memo[key] = found
    return found


def _columns_above(text: str, paras: list[Para], at: int, memo: dict[tuple[int, int], Any],
                   walked: list[tuple[int, int]]) -> list[str | None] | None:
    while at >= 0:
        p = paras[at]
        if (key := (p.start, id(paras))) in memo:
            return memo[key]  # type: ignore[no-any-return]
        walked.append(key)
        seg = text[p.start : p.end]
        tabled = "\t" in seg or seg.lstrip().startswith("|") or " | " in seg
        if tabled and MARKER.match(seg):
            at -= 1  # another row of the table
            continue
        if tabled and len(cells := _row_cells(text, p.start, p.end)) >= 2 and all(c.end == c.start for c in cells[1:]):
            at -= 1  # a group's row, its other cells empty ("Tema 1: Niñez y adolescencia migrante | — | — | —")
            continue
        if not tabled and len(p.text) < 100 and not SENTENCE_END.search(p.text) and MARKER.match(seg):
            at -= 1  # a group's title between the rows ("B. Plan de Trabajo 2015")
            continue
        if (not tabled and at > 0 and len(p.text) < 100 and not SENTENCE_END.search(p.text)
                and ("\t" in (above := text[paras[at - 1].start : paras[at - 1].end]) or " | " in above or above.lstrip().startswith("|"))):
            # a row merged across the table, a group's title ("EJE 1. GOBERNANZA ..."), between its
            # heading row or rows above and the rows under it
            at -= 1
            continue
        if not tabled:
            return None
        # (the heading row only, not a title line joined above it: "ACTION POINTS" / "No.\tAction\tLead\tDue")
        hs, he = p.lines[-1] if len(p.lines) > 1 else (p.start, p.end)
        names = [clean(text[c.start : c.end]) for c in _row_cells(text, hs, he)]
        # each role to one column, the first that names it ("Decision | Action / responsible |
        # Deadline": the action column is the responsible one, the decision the text)
        roles: list[str | None] = []
        for n in names:
            # (a word a PDF's narrow column cut, "Responsabl e", read whole too)
            roles.append(next((r for r, rx in _COLUMN_ROLES if (rx.search(n) or rx.search(n.replace(" ", ""))) and r not in roles), None))
        if "text" in roles and ("who" in roles or "when" in roles or "topic" in roles or "status" in roles):
            return roles
        if len(names) >= 2 and not names[0] and any(names[1:]):
            at -= 1  # a row that goes on with the one above, its number cell empty ("|   | (ToR to take ...) | | |")
            continue
        return None
    return None


# ---- the whole report -----------------------------------------------------------------------------


STOPWORDS = {
    "en": {"the", "of", "and", "to", "in", "for", "on", "with", "by", "from", "that", "will", "this", "is", "be", "as", "at"},
    "es": {"el", "la", "de", "los", "las", "y", "en", "del", "para", "con", "por", "que", "se", "una", "al", "su"},
    "fr": {"le", "les", "des", "et", "du", "pour", "avec", "sur", "une", "dans", "est", "aux", "au"},
    "pt": {"os", "do", "da", "dos", "das", "em", "com", "uma", "ao", "não", "pelo", "pela"},
}
SUPPORTED_LANGUAGES = ("en", "es")
LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "fr": "French", "pt": "Portuguese"}


# A passage in brackets long enough to be a sentence.
_BRACKET_PASSAGE = re.compile(r"\[([^\[\]]{20,800})\]")


def _other_language(passage: str, own: str) -> bool:
    """Whether ``passage`` is written in another language than ``own`` (by stopword counts)."""
    seen = Counter(re.findall(r"[a-záéíóúñçãõ]+", passage.lower()))
    counts = {lang: sum(seen[w] for w in sw if w in seen) for lang, sw in STOPWORDS.items()}
    best = max(counts, key=lambda k: (counts[k], k == own))
    return best != own and counts[best] >= 2 and counts[best] > counts.get(own, 0)


def detect_language(text: str) -> str | None:
    """The report's language by stopword counts: "en", "es", "fr", "pt", or None if unclear.

    >>> detect_language("La Red celebró su reunión ordinaria en San Salvador, con la participación de los países")
    'es'
    """
    seen = Counter(re.findall(r"[a-záéíóúñçãõ]+", text[:20000].lower()))  # each word counted once, not per language
    counts = {lang: sum(seen[w] for w in sw if w in seen) for lang, sw in STOPWORDS.items()}
    best = max(counts, key=lambda k: (counts[k], k == "en"))
    return best if counts[best] >= 5 else None


# The heading of one language's version of a report printed in two ("VERSIÓN EN ESPAÑOL", "ENGLISH VERSION").
VERSION_HEADING = re.compile(
    # (in brackets too: "(Versión en español)", "[English version]")
    r"^[(\[]?\s*(?:versi[oó]n\s+(?:en\s+)?(?:espa[nñ]ol|ingl[eé]s|english|spanish)|(?:english|spanish|ingl[eé]s|espa[nñ]ol)\s+version|"
    r"texto\s+en\s+(?:espa[nñ]ol|ingl[eé]s)|"
    # (or the language's name alone on its line, in capitals: "ENGLISH", "ESPAÑOL")
    r"(?-i:ENGLISH|ESPA[NÑ]OL|SPANISH|INGL[EÉ]S))\s*[)\]]?\s*:?$",
    re.I,
)


_VERSION_LINE = re.compile(VERSION_HEADING.pattern.replace("^", r"^[ \t]*", 1).replace(r":?$", r":?[ \t]*$"), re.I | re.M)


# A table's heading row naming its two columns' languages ("ESPAÑOL | ENGLISH", as the .docx reader
# writes a row's cells).
_COLUMNS_HEAD = re.compile(
    # (after a column of numbers too: "No. | Español | English")
    r"^[ \t]*(?:(?:no\.?|n\.?\s*[º°o]\.?|#|n[uú]m(?:ero)?\.?)[ \t]*\|[ \t]*)?(?:versi[oó]n\s+en\s+)?(?:espa[nñ]ol|spanish|english|ingl[eé]s)(?:\s+version)?[ \t]*\|[ \t]*"
    r"(?:versi[oó]n\s+en\s+)?(?:espa[nñ]ol|spanish|english|ingl[eé]s)(?:\s+version)?[ \t]*$", re.I | re.M)
_CELL_BAR = " | "
_NUMBER_CELL = re.compile(r"[ \t]*(?:no\.?|n\.?\s*[º°o]\.?|#|n[uú]m(?:ero)?\.?|\(?[0-9]{1,3}[.)]?|[a-zA-Z][.)]?|[ivxIVX]{1,5}[.)]?)?[ \t]*")


def _column_versions(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]] | None:
    """The left and the right cells of the rows of a table whose two columns hold the report in two
    languages (its heading row "ESPAÑOL | ENGLISH", each row "1. Agradecer ... | 1. To thank ..."),
    or None. A row of one cell (merged across both) is common to the two."""
    head = _COLUMNS_HEAD.search(text) if "|" in text else None
    start = head.start() if head is not None else _paired_rows_start(text) if _CELL_BAR in text else None
    if start is None:
        return None
    left: list[tuple[int, int]] = []
    right: list[tuple[int, int]] = []
    for s, e in _lines(text[start:]):
        s, e = s + start, e + start
        bar = text.find(_CELL_BAR, s, e)
        if bar < 0:
            continue  # one cell
        if (third := text.find(_CELL_BAR, bar + 1, e)) >= 0:
            if head is None or text.find(_CELL_BAR, third + 1, e) >= 0 or not _NUMBER_CELL.fullmatch(text, s, bar):
                continue  # a row of more than two, not a number's and the two languages'
            # ("4 | Con respecto ... | Regarding ..."): each version keeps the number, its own cell
            left.append((bar, third))
            right.append((third, e))
            continue
        left.append((s, bar + len(_CELL_BAR)))  # each side blanks the bar with the other's cell
        right.append((bar, e))
    if len(left) < 3:
        return None
    languages = [detect_language(" ".join(text[a:b] for a, b in side)) for side in (left, right)]
    if None in languages or languages[0] == languages[1]:
        return None
    return left, right


def _paired_rows_start(text: str) -> int | None:
    """Where a table whose rows pair a paragraph with its translation starts, without a heading row
    naming the languages ("Los Viceministros ... | The Vice-Ministers ..."): five rows of two cells or
    more, four in five of those whose cells' languages tell (four at least) in the same two languages, left
    and right; None otherwise."""
    pairs: list[tuple[int, str | None, str | None]] = []
    for s, e in _lines(text):
        bar = text.find(_CELL_BAR, s, e)
        if bar < 0 or text.find(_CELL_BAR, bar + 1, e) >= 0:
            continue
        pairs.append((s, _paragraph_language(text[s:bar]), _paragraph_language(text[bar + len(_CELL_BAR) : e])))
    if len(pairs) < 5:
        return None
    # (rows whose cells are too short to tell their language, "ACUERDOS | AGREEMENTS" or a dateline, count for
    # neither: a report whose every section heading is such a row is still a table of translations)
    known = [(a, b) for _, a, b in pairs if a and b]
    kinds = Counter((a, b) for a, b in known if a != b)
    if not kinds:
        return None
    (first, second), n = kinds.most_common(1)[0]
    if n < 0.8 * len(known) or n < 4:
        return None
    return next(s for s, a, b in pairs if (a, b) == (first, second))


_EN_WORDS = frozenset(STOPWORDS["en"])
_ES_WORDS = frozenset(STOPWORDS["es"])


def _paragraph_language(text: str) -> str | None:
    """"en" or "es" for a paragraph, by its stopwords (two at least, more of one language's)."""
    words = re.findall(r"[a-záéíóúñ]+", text.lower())
    en = sum(w in _EN_WORDS for w in words)
    es = sum(w in _ES_WORDS for w in words)
    return "en" if en >= 2 and en > 2 * es else "es" if es >= 2 and es > 2 * en else None


def _interleaved_versions(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]] | None:
    """The paragraphs of a report that gives each in two languages, one after the other
    (interleaved): (the first language's, the translations'), or None. Most paragraphs in a language
    are followed by one in the other."""
    # cheap first: both languages' commonest words, many times (most reports are in one)
    head = text[:30000]
    if head.count(" the ") < 8 or head.count(" de la ") + head.count(" del ") < 8:  # (str.count: no regex per report)
        return None
    tagged: list[tuple[Para, str]] = []
    for p in paragraphs(text):
        lang = _paragraph_language(p.text)
        if (lang is None and tagged and (pm := MARKER.match(p.text)) is not None and (qm := MARKER.match(tagged[-1][0].text)) is not None
                and pm.group("label") == qm.group("label") and tagged[-1][0].end >= p.start - 4):
            # (a line too short to tell its language, right after one of the same number: its translation, "b) una lista
            # de puntos de contacto ...;" / "b) a list of contact points ...;")
            lang = "en" if tagged[-1][1] == "es" else "es"
        if lang is not None:
            tagged.append((p, lang))
    es = [(p.start, p.end) for p, lang in tagged if lang == "es"]
    en = [(p.start, p.end) for p, lang in tagged if lang == "en"]
    if len(es) < 3 or len(en) < 3:
        return None
    # runs of one language: each point, or each item with its sub-items, then its translation (runs
    # of the same length two by two), many times over; not two halves, one in each language
    runs: list[int] = []
    prev: str | None = None
    for _, lang in tagged:
        if lang == prev:
            runs[-1] += 1
        else:
            runs.append(1)
        prev = lang
    pairs = list(zip(runs[0::2], runs[1::2], strict=False))
    if len(pairs) < 3 or sum(x == y for x, y in pairs) < 0.7 * len(pairs):
        return None
    return (es, en) if tagged[0][1] == "es" else (en, es)


def _block_versions(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]] | None:
    """The paragraphs of each language of a report given whole in two, in blocks and without a version
    heading: a PDF's two columns read one after the other a page at a time ("Acuerdos" / "1. Agradecer
    ..." ... "5. Encomendar ...", then "Agreements" / "1. Thank ..." ... "5. Entrust ...", then "6. ..."
    in each on the next page), or a Word file's two halves. (the first numbered item's language's, the
    other's), or None. Both languages number the same items: their numbered paragraphs, read in each
    language, give one sequence, three long at least. A paragraph of neither language (a heading
    "Agenda", "5. Encomendar a los Países Miembros:") goes with the block around it; one between two
    blocks (a heading of each, "Agreements") stays in both."""
    head = text[:30000]
    if head.count(" the ") < 8 or head.count(" de la ") + head.count(" del ") < 8:  # (as _interleaved_versions)
        return None
    if _interleaved_versions(text) is not None:
        return None  # (each paragraph then its translation: read in the first language, said so)
    paras = paragraphs(text)
    tagged = [_paragraph_language(p.text) for p in paras]
    if min(tagged.count("es"), tagged.count("en")) < max(5, 0.25 * (tagged.count("es") + tagged.count("en"))):
        return None
    # (each untagged paragraph: the languages of the tagged ones before and after it, in two passes)
    before: list[str | None] = []
    last: str | None = None
    for lang in tagged:
        before.append(last)
        last = lang or last
    own: list[str | None] = list(tagged)
    last = None
    for k in range(len(tagged) - 1, -1, -1):
        if tagged[k] is None:
            own[k] = before[k] if before[k] == last else None
        last = tagged[k] or last
    numbers: dict[str, list[int]] = {"es": [], "en": []}
    first: str | None = None
    for p, lang in zip(paras, own, strict=True):
        mk = _marker(text, p)
        if lang is not None and mk is not None and mk[0] in ("dec", "decp") and (n := _value(mk[1])):
            numbers[lang].append(n)
            first = first or lang
    if first is None or len(numbers["es"]) < 3 or numbers["es"] != numbers["en"]:
        return None
    spans = {lang: [(p.start, p.end) for p, x in zip(paras, own, strict=True) if x == lang] for lang in ("es", "en")}
    return (spans["es"], spans["en"]) if first == "es" else (spans["en"], spans["es"])


def language_versions(text: str) -> list[tuple[int, int]]:
    """Where each language's version of a report printed in two languages in one file runs (from its
    version heading to the next one; the last to the end of the text), or [] when the text is one
    report in one language. The versions must be in different languages, read from their own text.
    A table of two columns in two languages (:func:`_column_versions`) gives two versions, each the
    table's span (each version blanks the other's cells)."""
    cols = _column_versions(text)
    if cols is not None:
        span = (cols[0][0][0], cols[1][-1][1])
        return [span, span]
    # Cheap first: a heading's words on a line of their own, twice (most reports have none).
    if len(lines := _VERSION_LINE.findall(text)) < 2:
        # (one version heading, "VERSIÓN EN ESPAÑOL" over the second half only: the text before it the first
        # version, when the two are in different languages and each numbers its own items)
        if len(lines) == 1 and (second := _one_heading_split(text)) is not None:
            return [(0, second), (second, len(text))]
        if not lines and (blocks := _block_versions(text)) is not None:
            span = (min(blocks[0][0][0], blocks[1][0][0]), max(blocks[0][-1][1], blocks[1][-1][1]))
            return [span, span]
        return []
    heads = [p.start for p in paragraphs(text) if VERSION_HEADING.match(p.text)]
    if len(heads) < 2:
        return []
    parts = [(a, b) for a, b in zip(heads, [*heads[1:], len(text)], strict=True)]
    languages = [detect_language(text[a:b]) for a, b in parts]
    if None in languages or len(set(languages)) != len(languages):
        return []
    return parts


# A chat's message ("[10:06] Laura Castro Jiménez (ST): Buenos días ...") and its notices ("[09:56] Karla
# Mejía (Honduras – SRECI) se unió a la reunión", "[11:58] Grabación detenida").
_CHAT_MESSAGE = re.compile(r"^\[\d{1,2}:\d{2}(?::\d{2})?\][ \t]+[^:\n\[\]]{2,90}?:[ \t]+", re.M)
_CHAT_JOINED = re.compile(r"\[\d{1,2}:\d{2}(?::\d{2})?\][ \t]+(?P<who>[^\n]{2,120}?)[ \t]+(?:se[ \t]+uni[oó][ \t]+a[ \t]+la[ \t]+reuni[oó]n|"
                          r"joined[ \t]+the[ \t]+meeting|se[ \t]+ha[ \t]+unido)[ \t]*$", re.I)
# Who joined a meeting by its chat, the country in brackets: "Karla Mejía (Honduras – SRECI) se unió a la reunión".
CHAT_JOINED_LINE = re.compile(r"^[ \t]*[^\n()]{2,80}\((?P<where>[^()\n]{2,80})\)[ \t]+(?:se[ \t]+uni[oó][ \t]+a[ \t]+la[ \t]+reuni[oó]n|"
                              r"joined[ \t]+the[ \t]+meeting|se[ \t]+ha[ \t]+unido)[ \t]*$", re.I | re.M)
_CHAT_NOTICE = re.compile(r"^\[\d{1,2}:\d{2}(?::\d{2})?\][ \t]+[^\n]*$", re.M)


def _chat_blanked(text: str) -> tuple[str, list[int]] | None:
    """A text that is mostly a chat's lines, each message's time and writer blanked and a line break put
    before it (one message, one paragraph; offsets kept), its notices blanked; and where each message's
    text starts. None for any other text."""
    notices = list(_CHAT_NOTICE.finditer(text))
    lines = sum(1 for line in text.splitlines() if line.strip())
    if len(notices) < 5 or len(notices) < 0.5 * lines:
        return None
    out = list(text)
    starts: list[int] = []
    for m in notices:
        msg = _CHAT_MESSAGE.match(text, m.start())
        if msg is not None and msg.end() < m.end():
            out[m.start() : msg.end()] = "\n" + " " * (msg.end() - m.start() - 1)
            starts.append(msg.end())
        elif (jm := _CHAT_JOINED.match(text, m.start(), m.end())) is not None:
            # (who joined, a paragraph of its own: "Karla Mejía (Honduras – SRECI) se unió a la reunión")
            out[m.start() : jm.start("who")] = "\n" + " " * (jm.start("who") - m.start() - 1)
        else:
            out[m.start() : m.end()] = " " * (m.end() - m.start())
    return "".join(out), starts


# An operative paragraph that leads in to its own list: a verb in the imperative or infinitive and its
# object ("Instruct the RCGM to:", "To request the TS to:", "Solicitar a la ST que:").
_VERB_OBJECT_LEAD = re.compile(r"(?:To\s+)?[A-ZÁÉÍÓÚÑ][a-záéíóúñ]{3,}\s+(?:the|a|al|a\s+la|a\s+los|a\s+las|los|las|la|el)\s+\S")


def _one_heading_split(text: str) -> int | None:
    """Where the second version starts in a text whose one version heading is over its second half
    ("... Managua, November 26, 2008." / "VERSIÓN EN ESPAÑOL" / "CONFERENCIA REGIONAL ..."): the heading's
    paragraph, when the text before it and the text from it are in different languages and each holds a
    list numbered from 1; None otherwise."""
    head = next((p.start for p in paragraphs(text) if VERSION_HEADING.match(p.text)), None)
    if head is None or head == 0:
        return None
    before, after = text[:head], text[head:]
    languages = (detect_language(before), detect_language(after))
    if None in languages or languages[0] == languages[1]:
        return None
    # (each part with a list's first item at a line's start, "1.\tTo thank ...", and its second after it: two
    # searches, linear whatever the text)
    if not all((one := _LIST_ONE.search(part)) is not None and _LIST_TWO.search(part, one.end()) is not None for part in (before, after)):
        return None
    return head


_LIST_ONE = re.compile(r"^[ \t]*1[.)][ \t]+\S", re.M)
_LIST_TWO = re.compile(r"^[ \t]*2[.)][ \t]+\S", re.M)


def _one_version(text: str, version: int) -> str:
    """``text`` with the other language versions blanked out, every offset kept (spaces for their
    characters, their line breaks kept): what is common to the versions (the header before them)
    stays for each."""
    cols = _column_versions(text)
    if cols is None and not _VERSION_LINE.search(text):
        cols = _block_versions(text)
    if cols is not None:
        blanks = cols[1 - version] if version in (0, 1) else []
    else:
        parts = language_versions(text)
        blanks = [part for n, part in enumerate(parts) if n != version]
    if not blanks:
        return text
    pieces: list[str] = []
    at = 0
    for a, b in blanks:
        pieces += [text[at:a], re.sub(r"[^\n]", " ", text[a:b])]
        at = b
    pieces.append(text[at:])
    return "".join(pieces)


def parse(source: SourceText, registry: Registry, version: int | None = None) -> ParsedReport:
    """Recover the report's structure from its text; ``version``, one of :func:`language_versions`
    of a text that holds two (the others are left out).

    Raises :class:`InputError` when the text has no recognisable meeting date.
    """
    with reading(source.text):  # ("02/23/2007": a report that writes numeric dates month first)
        return _parse(source, registry, version)


def _margins_first(source: SourceText) -> SourceText:
    """``source`` with the page headers and footers its reader left out put before its text, a paragraph each (as
    a PDF's text has them), the offsets it records moved after them."""
    head = "\n\n".join(source.margins) + "\n\n"
    n = len(head)
    text = head + source.text
    return replace(
        source, text=text, sha256=hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest(),
        labels={k + n: v for k, v in source.labels.items()}, notes=tuple((label, Span(sp.start + n, sp.end + n)) for label, sp in source.notes),
        breaks=tuple(b + n for b in source.breaks), margins=())


def _parse(source: SourceText, registry: Registry, version: int | None = None) -> ParsedReport:
    text = source.text if version is None else _one_version(source.text, version)
    path = source.file.path or source.file.name
    if ">" in text and (wrote := _WROTE.search(text)) is not None and len(_NUMBERED_LINE.findall(text, 0, wrote.start())) >= 3:
        # A reply above an earlier message it quotes ("On Wed, Nov 16, 2022 at 10:12 AM, ... wrote:" / "> ..."): the
        # reply's own list is the final one, the quoted draft's is superseded (its lines blanked, offsets kept)
        text = text[: wrote.start()] + re.sub(r"[^\n]", " ", text[wrote.start() :])
    elif ">" in text and len(quoted := _QUOTED.findall(text)) >= 10 and len(quoted) >= 0.3 * text.count("\n"):
        # A report forwarded in an e-mail, its lines quoted ("> ACUERDOS"): read without the quote
        # marks (blanked, offsets kept)
        text = _QUOTED.sub(lambda m: " " * len(m.group(0)), text)
    if "[bookmark:" in text:
        # Word's bookmarks as a converter writes them ("[bookmark: _GoBack]Países Miembros presentes: ..."): blanked
        # (offsets kept), so that what follows one still opens its line
        text = ARTEFACT.sub(lambda m: " " * len(m.group(0)), text)
    interleaved = _interleaved_versions(text) if version is None else None
    if interleaved is not None:
        # Each paragraph in two languages, one after the other: the first language's are read, their
        # translations left out (blanked, offsets kept); the structure is the original's.
        pieces: list[str] = []
        at = 0
        for a, b in interleaved[1]:
            pieces += [text[at:a], re.sub(r"[^\n]", " ", text[a:b])]
            at = b
        text = "".join([*pieces, text[at:]])
    if (numbered := _line_numbers(text)) is not None:
        # a legal draft's line numbers in the margin ("  12    CONCLUSIONS ..."): blanked (offsets kept)
        text = numbered
    chat_starts: list[int] = []
    if "[" in text and (chat := _chat_blanked(text)) is not None:
        # a meeting's chat pasted as text ("[11:47] Laura Castro (ST): Acuerdos: 1) ..."): each message a
        # paragraph of its own, its time and writer blanked, the lines that someone joined or left blank
        text, chat_starts = chat
    if "**" in text and len(_MD_BOLD.findall(text)) >= 3:
        # Markdown's bold ("- **Belice:** Sharlene Gentle", "**Acuerdo 1.**"): its marks blanked (offsets kept)
        text = _MD_BOLD.sub(lambda m: "  " + m.group(1) + "  ", text)
    if "*" in text or "_" in text:
        # a whole line in Markdown's bold or italics ("**Ciudad de México, México, 17 y 18 de junio de 2015**",
        # "*Santo Domingo, Dominican Republic, July 15-16, 2010*"): its marks blanked (offsets kept)
        text = _MD_LINE.sub(lambda m: " " * len(m.group(1)) + m.group(2) + " " * len(m.group(3)), text)
    if "[" in text:
        text = _TASK_LINE.sub(lambda m: " " * len(m.group(0)), text)  # (offsets kept)
    if _PICTOGRAPH_LABEL.search(text):
        text = _PICTOGRAPH_LABEL.sub(lambda m: " " * len(m.group(0)), text)  # (offsets kept)
    if _EMOJI_START.search(text):
        # (a notes tool's pictographs before a line's label, "📅 Date", "📍 Location": no part of it; offsets kept)
        text = _EMOJI_START.sub(lambda m: " " * len(m.group(0)), text)
    if ("*" in text or "_" in text) and len(_EMPHASIS_LINE.findall(text)) >= 3:
        text = _EMPHASIS_LINE.sub(lambda m: m.group(1) + " " + m.group(3) + " ", text)  # (offsets kept)
    if "<br" in text:
        text = _HTML_BREAK.sub(lambda m: " " * len(m.group(0)), text)  # a Markdown table's line break inside a cell
    if "|" in text and (gridless := _wrapped_grid(text)) is not None:
        # a table drawn with "|" whose cells wrap over the lines under a row ("| 2 | Approve the draft agenda ... |" /
        # "|   | Meeting with the changes ... |"): read as a table in columns of spaces, its bars and rules blanked
        text = gridless
    if "[" in text and (own := detect_language(text)) is not None:
        # an item followed on its line by its translation in brackets ("Agradecer a Guatemala ... [To
        # thank Guatemala ...]"): left out as an interleaved translation is (blanked, offsets kept)
        text = _BRACKET_PASSAGE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)) if _other_language(m.group(1), own) else m.group(0), text)
    if source.breaks and " | " in text:
        # a Word table's cell of numbered agreements, its paragraphs joined ("Informe de la PPT | 1. Agradecer ...
        # 2. Tomar nota ..."): each paragraph on a line of its own, the topic cell before them blanked
        text = _numbered_cells(text, source.breaks)
    # (the table reader last: its rows' cells are kept for this very text)
    right_column = None
    if (laid := two_columns(text)) is not None:
        # a page set in two columns of spaces ("pdftotext -layout"): the left one read as the report,
        # the right one (a list of participants) only for who attended (each blanked in the other)
        text, right_column = laid
    if (tables := space_tables(text)) is not None:
        # a table in columns of spaces: its text column read as the items, its other cells blanked and
        # given back by row ("who", "when")
        text, row_cells = tables
        _ROW_CELLS.of(text).update({(at, 0): pieces for at, pieces in row_cells.items()})
    paras = paragraphs(text)
    if not paras:
        raise InputError(path, "no text")
    _CHAT_STARTS.of(text).update({(at, 0): True for at in chat_starts})
    language = detect_language(text)
    if language is not None and language not in SUPPORTED_LANGUAGES:
        raise InputError(path, f"unsupported language ({LANGUAGE_NAMES[language]}; rcmkg reads English and Spanish reports)")
    # Running page headers: short paragraphs that occur more than once.
    # Page numbers differ from page to page ("Page 5 of 6"): compared with the digits masked.
    def running(p: Para) -> str:
        return re.sub(r"\d+", "#", p.text.lower())

    # One with a year is a running header only from its third time: a dateline may be printed twice
    # (under the title and after the items), a page header ("GRCM · 9 de noviembre de 2021") is on
    # every page, and read as a dateline it would end the items at the first page break.
    # (a label or lead-in, "Acuerdos:" or "Se acordó:" over each agenda point's list, is none, however
    # often it is printed: no page's header ends in a colon)
    # (a block printed right under a page's number each time is the next page's header however long,
    # year or not: "Red de Funcionarios ... - Informe de reunión, Panamá, marzo de 2012" over pages 2, 3)
    paged = {id(q) for prev, q in itertools.pairwise(paras) if PAGE_NUMBER.fullmatch(prev.text)}
    # (or under a rule under the page's number, its lines each a paragraph: "Page 2 of 3" / "-----" /
    # "Regional Coalition ..." / "Report - San Salvador, 6 October 2017")
    # (or its second line, a paragraph of its own: "1" / "Conferencia Regional ... - Reunión Viceministerial" /
    # "Declaración Conjunta, Antigua Guatemala, 19-20 de febrero de 2003"; only what is printed under
    # each page's number both times it occurs is taken for a header, below)
    for at_number, number_line in enumerate(paras[:-2]):
        if PAGE_NUMBER.fullmatch(number_line.text):
            ruled = RULE.fullmatch(paras[at_number + 1].text) is not None
            for header_line in paras[at_number + 1 + ruled : at_number + 3 + ruled]:
                if len(header_line.text) >= 120 or SENTENCE_END.search(header_line.text) or MARKER.match(header_line.text):
                    break
                paged.add(id(header_line))
    # (nor is a table's heading row repeated over each page it runs on: "N° | Tema | Acuerdo | ...")
    short = [p for p in paras if (len(p.text) < 120 or (len(p.text) < 250 and (id(p) in paged or _TRAILING_PAGE_OF.search(p.text))))
             and not _marker(text, p) and not p.text.endswith(":") and _heading_row_roles(text, p) is None
             # (nor an item's "Responsible: Technical Secretariat" line, however often it is printed)
             and not _RESPONSIBLE.match(p.text) and not _WHEN_LINE.match(p.text)]
    keys = [running(p) for p in short]
    seen = Counter(keys)
    twice = {k for k, n in seen.items() if n == 2}
    # (nor is a venue's line, "San José, Costa Rica", printed under the title and over the closing date)
    paged_only = {k for k in twice if all(id(p) in paged for kk, p in zip(keys, short, strict=True) if kk == k)}
    # (nor a footer whose two times differ in the page's number at its end alone: "RCGM - Summary of Conclusions -
    # Guatemala City, July 29-30, 2008      1" and "... 2")
    numbered_twice: dict[str, set[str]] = {}
    for key, p in zip(keys, short, strict=True):
        # (or "... – Minutes, 18 November 2019      Page 1 of 3" and "... Page 2 of 3")
        if key in twice and ((pm := _TRAILING_PAGE_OF.search(raw := text[p.start : p.end].rstrip())) is not None
                             or (pm := _TRAILING_PAGE.search(raw)) is not None):
            numbered_twice.setdefault(key, set()).add(raw[: pm.start()] + "|" + pm.group(1))
    paged_only |= {key for key, seen_as in numbered_twice.items() if len(seen_as) == 2 and len({v.split("|")[0] for v in seen_as}) == 1}
    datelines = {k for k, p in zip(keys, short, strict=True)
                 if k in twice and k not in paged_only
                 and ((re.search(r"\d{4}", p.text) and _dateline(p, text)) or _place_only(p, text, registry))}
    # (nor is the agreements' heading printed a second time over their list, as a typed heading is:
    # underlined, or after the lead-in "... reached the following:"; the first time it was the title)
    retitled: set[str] = set()
    if twice:
        prev_of = {id(q): prev for prev, q in itertools.pairwise(paras)}
        next_of = {id(prev): q for prev, q in itertools.pairwise(paras)}
        retitled = {k for k, p in zip(keys, short, strict=True)
                    if k in twice and k not in paged_only and AGREEMENTS_HEADING.match(p.text)
                    and (((q := next_of.get(id(p))) is not None and RULE.fullmatch(q.text) and len(q.text) >= 5)
                         or ((q := prev_of.get(id(p))) is not None and q.text.endswith(":") and PREAMBLE.search(q.text))
                         # (or over the lead-in: "Conclusions and Recommendations" / "Having reviewed the
                         # items on the agenda, the Member Countries agreed on the following:")
                         or ((q := next_of.get(id(p))) is not None and q.text.endswith(":") and PREAMBLE.search(q.text))
                         # (or right over the list's first item: "Conclusiones y Recomendaciones" / "1. Agradecer ...")
                         or ((q := next_of.get(id(p))) is not None and (qm := _marker(text, q)) is not None and _value(qm[1]) == 1
                             and not qm[0].startswith("bullet")))}
    repeated = {t for t, n in seen.items() if n >= 3 or (n >= 2 and t not in datelines and t not in retitled)}
    # (nor the agreements' heading over each slide or page they run on, counted: "Agreements (1/3)", "(2/3)", "(3/3)")
    repeated -= {k for k, p in zip(keys, short, strict=True) if k in repeated and _COUNTED_HEADING.search(p.text) and AGREEMENTS_HEADING.match(p.text)}
    # A rule drawn with characters ("-----", "=====", "* * *") separates, a page number ("- 2 -",
    # "Página 3 de 7") numbers a page, a footnote notes: none of them is an item's text.
    # Footnotes under a short rule ("______" / "(1) Fund established ..."), as a typed page sets them.
    notes: set[int] = set()
    for i, p in enumerate(paras[:-1]):
        if re.fullmatch(r"_{5,40}", p.text):
            k = i + 1
            while k < len(paras) and _NOTE_START.match(paras[k].text):
                notes.add(k)
                k += 1
    footnotes = [p for k, p in enumerate(paras) if k in notes]  # ("1 All Member Countries except Nicaragua, ...")
    # (the page's lines among an item's, "Page 2 of 3" / "RCM - ... - Minutes" between "no later" and "than January
    # 15, 2020": blanked in the text read, below, so that what is said across a page break reads whole)
    paged_out: list[tuple[int, int]] = []
    kept: list[Para] = []
    # (a page's header printed once, the report's second and last page's: right after a form feed, its last
    # line ending in the page's number, "Managua, 30 de septiembre al 2 de octubre de 2008<TAB>...<TAB>2")
    # (its lines may be paragraphs of their own: "Conferencia Regional sobre Migración – GRCM" / "Managua, ...<TAB>2")
    page_head: set[int] = set()
    for k in range(1, len(paras)):
        if not text[: paras[k].start].rstrip(" \t\r\n").endswith("\f"):
            continue
        block = list(itertools.takewhile(lambda q: len(q.text) < 250 and not SENTENCE_END.search(q.text) and not _marker(text, q),
                                         paras[k : k + 2]))
        for n, q in enumerate(block):
            if (tp := _TRAILING_PAGE.search(text[q.start : q.end].rstrip())) is not None and int(tp.group(1)) >= 2:
                page_head.update(id(r) for r in block[: n + 1])
                break
    # The document's own number over its title, before the opening sentence ("RESOLUTION No. CORETT-01-2019" /
    # "Ordinary Meeting of the Regional Coalition"): no item, nor where a page's header prints it again
    opening_at = next((k for k, p in enumerate(paras[:40]) if OPENING.search(p.text)), None)
    own_number = next((om[1] for p in paras[:opening_at] if (om := _marker(text, p)) is not None and om[0] == "named"
                       and re.search(r"\d{4}\s*$", om[1]) and len(p.text) < 250 and not SENTENCE_END.search(p.text)), None) if opening_at else None
    if own_number is not None:
        page_head.update(id(p) for p in paras if p.text.startswith(own_number) and len(p.text) < 250 and not SENTENCE_END.search(p.text))
    for k, p in enumerate(paras):
        if FOOTNOTE.match(p.text) or k in notes:
            continue  # (a footnote is read where it is: "[4] Plazo acordado: ...")
        if ((running(p) not in repeated or p is paras[0]) and not RULE.fullmatch(p.text) and not PAGE_NUMBER.fullmatch(p.text)
                and id(p) not in page_head):
            kept.append(p)
        else:
            paged_out.append((p.start, p.end))
    # (an agreements heading on the first line of its list's paragraph, no blank line under it: "Acuerdos y compromisos" /
    # "LA ST circulará ..." / "MÉXICO compartirá ...": the heading a paragraph of its own)
    paras = [q for p in kept for q in _heading_then_list(text, p, _AGREEMENTS_OR_PARTICIPANTS)]
    body_paras = paras
    # A section headed as the agreements holds the items; the narrative before it and the sections
    # after it (follow-up of earlier meetings, other business, participants) do not.
    # Agreements labelled under each agenda point ("Desarrollo: ..." then "Acuerdo: ..." or "Acuerdos:"
    # over a list) are the items, whatever else is numbered or headed ("Acuerdos:" is no section).
    # (to an annex or the list of participants: a dateline inside the narrative ends nothing here)
    # (after the first such label: a list of participants may come before them)
    first_label = next((i for i, p in enumerate(body_paras) if _AGREED_LABEL.match(text, p.start, p.end)), len(body_paras))
    labelled_end = next((i for i in range(first_label, len(body_paras)) if ANNEX.match(body_paras[i].text) or (
        (sh := _section_heading(text, body_paras[i])) is not None and PARTICIPANTS_HEADING.match(sh[1]))), len(body_paras))
    headed = _agreements_section(text, body_paras)
    labelled = _labelled_blocks(text, body_paras, labelled_end, source.labels, headed[0] - 1 if headed is not None else None)
    section = headed if labelled is None else None
    if labelled is None and section is None:
        # no list: the record's paragraphs that open "Se acuerda ...", or what the section on the discussion
        # and agreements says was agreed, sentence by sentence
        labelled = (_agreed_paragraphs(text, body_paras) or _agreed_paragraphs(text, body_paras, _BODY_ACTED)
                    or _agreed_sentences(text, body_paras) or _agreed_in_narrative(text, body_paras))
    if labelled is None and section is not None and not any(
            (mk := _marker(text, body_paras[i])) is not None and mk[0] not in ("bullet", "bullet2") for i in range(section[0], section[1])):
        # an agreements section of unnumbered paragraphs each saying what the body did ("Outcomes" / "The RCGM agreed to
        # adopt ..." / "The RCGM requested the TS ..."), among topics' headings and others' words ("The delegation of
        # Panama thanked ..."), the bullets under one that ends in a colon its sub-items
        if (acted := _agreed_paragraphs(text, body_paras[section[0] : section[1]], _BODY_ACTED)) is not None:
            labelled, section = (acted[0], acted[1] + section[0]), None
    if section is not None and section[2]:
        section = _findings_left_out(text, body_paras, section)
    if section is not None and section[2] and (gaps := _parts_between(text, body_paras, section)):
        # "Acuerdos del día" under "Día 1 – ..." and again under "Día 2 – ...": the next part's headings and
        # narrative between the two lists are none of the section's (left out, the indexes after them moved)
        body_paras = [q for k, q in enumerate(body_paras) if k not in gaps]
        section = (section[0], section[1] - len(gaps), [i - sum(1 for g in gaps if g < i) for i in section[2]])
    lo, hi = (section[0], section[1]) if section is not None else (0, len(body_paras))
    restart: set[int] = set()  # where a heading after which a list starts again at the top level ends
    if section is not None and section[2]:
        # "IV. RECOMMENDATIONS" after "III. CONCLUSIONS": a heading inside the items, not one of
        # them; the list under it starts at the top level again
        restart = {body_paras[i].end for i in section[2]}
    # An agenda's list ("the Group adopted the following agenda: 1. Opening ... 9. Closing") is none
    # of the items: they start after it.
    agenda_end = _agenda_end(text, body_paras, lo, hi)
    first = next((i for i in range(max(lo, agenda_end), hi) if _marker(text, body_paras[i])), None)
    if first is not None and (past := _country_list_end(text, body_paras, first, hi, registry)) > first:
        # "The following Member Countries were represented: • Belize • Canada ...": who attended, no items
        first = next((i for i in range(past, hi) if _marker(text, body_paras[i])), None)
    if first is not None and labelled is None:
        first = _past_preamble(text, body_paras, first, hi)
        first = _past_numbered_narrative(text, body_paras, first, hi)
        first = _past_reported_narrative(text, body_paras, first, hi)
        if (lead_at := _narrative_then_lead(text, body_paras, first, hi)) is not None:
            first = lead_at + 1
    plain = False
    plain_lead: Para | None = None
    closing = _closing_before(text, body_paras, first, registry) if section is None else None
    if section is not None and first is None and lo < hi:
        # An agreements section of unnumbered paragraphs (under a title such as "Conclusions and
        # Recommendations", its items come after the opening sentence).
        opening = next((i for i in range(lo, hi) if OPENING.search(body_paras[i].text)), None)
        first, plain = (lo if opening is None else opening + 1), True
        if opening is not None and (lead_at := _lead_in_after(body_paras, first, hi)) is not None:
            first = lead_at + 1  # ("The meeting was opened by ..." / "... The RCGM adopted the following decisions:")
        lo = first
    elif first is None or closing is not None:
        # No list markers (or only an annex's, after the report's closing dateline): headed sections,
        # or bullets whose glyphs were lost. The paragraphs after the opening sentence or a lead-in
        # ending in ":" are the items.
        first, plain_lead = _plain_start(body_paras, closing)
        plain = first is not None
        if first is None:
            first = len(body_paras)
    # The items end at the first dateline or annex heading after them (and with their section).
    annex = hi
    for i in range(first + 1, hi):
        p = body_paras[i]
        # (a labelled date under an item, "• Fecha: 31 de mayo de 2018", is its deadline, no dateline)
        # (nor is "Red – Fecha: 22/06/2017", the rest of an item's "– Responsable: ... – Fecha: ..." line)
        # (nor is a list member that ends with a date in brackets, "☐ Se toma nota de ... (15.03.2017).")
        if ((_dateline(p, text) and not _LABELLED.match(p.text) and not _DASHED_WHEN.search(p.text) and not _marker(text, p)
             and not _FOLLOW_UP.match(p.text) and not _RESPONSIBLE.match(p.text) and not ACTOR_TASK.match(p.text)
             # (nor an item's owner and date in brackets on a line of their own, "(Lead: TS; Due: 30/06/2016)", "[31/10/2023]")
             and not _PAREN_CELLS_START.match(p.text) and not _BRACKETED_WHEN.fullmatch(p.text)
             # (nor a part's heading that dates it: "Acuerdos de la segunda sesión (Ciudad de Guatemala, 20 de octubre de 2022)")
             and not _DATED_AGREEMENTS_HEADING.match(p.text)
             # (nor a dated row between a table's numbered rows: "6 | To thank IOM ..." / "Second day – Thursday, 26 October
             # 2017" / "7 | To approve ...")
             and not (i + 1 < hi and " | " in body_paras[i - 1].text and " | " in body_paras[i + 1].text
                      and _marker(text, body_paras[i + 1]) is not None)
             # (nor a page's header over the list's next item: "\f" / "Informe – Ciudad de Panamá, 28/02 – 01/03/2017" / "5. ...")
             and not (text[: p.start].rstrip(" \t\r\n").endswith("\f") and i + 1 < hi and _marker(text, body_paras[i + 1]) is not None)
             # (nor a page's footer inside an item's sentence: "... sobre los" / "Ciudad de Panamá, 22-23/02/2017" /
             # "flujos de personas migrantes ...")
             and not (i + 1 < hi and not _ends_its_sentence(body_paras[i - 1].text) and body_paras[i + 1].text[:1].islower()))
                or ANNEX.match(p.text)
                # (not "Responsible: Mexico, Guatemala", an item's cell, read as "City, Country")
                or (_place_only(p, text, registry) and not _RESPONSIBLE.match(p.text))
                # (an earlier message quoted under an e-mail's: "-----Original Message----- From: ...")
                or _FORWARDED.match(p.text.lstrip("-_ ")) is not None
                # (an e-mail's legal notice: "CONFIDENTIALITY NOTICE: This message and any attachments ...")
                or _DISCLAIMER.match(p.text) is not None
                # (the next row of a table of labelled rows whose cell held the list: "Agreements | The Group agreed to:
                # 1. ... 6. ..." / "Next meeting | To be confirmed ...")
                or (p.text.count(" | ") == 1 and " | " not in body_paras[first].text and _LABEL_CELL_ROW.match(p.text) is not None
                    and not _RESPONSIBLE.match(p.text) and not _LABELLED.match(p.text) and _heading_row_roles(text, p) is None
                    # (not a topic's row of a table of agreements, "Training | To accept the offer of UNODC ...")
                    and not _AGREEMENT_CELL.match(p.text, p.text.index(" | ") + 3))
                # (the table of their deadlines after them: "Cronograma" / "Acuerdo | Fecha límite")
                or ((sh := _section_heading(text, p)) is not None and not sh[0] and (
                    _SCHEDULE_HEADING.fullmatch(sh[1].strip(" :")) is not None
                    or ((_COMMITMENTS_HEADING.fullmatch(sh[1].strip(" :")) is not None
                         # (a follow-up matrix after the agreements: not one of earlier agreements over this meeting's)
                         or (_FOLLOW_UP_HEADING.fullmatch(sh[1].strip(" :")) and any(
                             (jm := _marker(text, body_paras[j])) is not None and jm[0] in ("dec", "decp", "decd") and " | " not in body_paras[j].text
                             and SENTENCE_END.search(body_paras[j].text) for j in range(first, i))))
                        # (over its table's rows, or over rows in columns of spaces: a grid's, its bars blanked)
                        and any(" | " in q.text or _SPACED_CELLS.search(text, q.start, text.find("\n", q.start, q.end) if "\n" in text[q.start : q.end] else q.end)
                                for q in body_paras[i + 1 : min(hi, i + 3)]))))
                or ((sh := _section_heading(text, p)) is not None and PARTICIPANTS_HEADING.match(sh[1])
                    and not _participants_before_lists(text, body_paras, first, i, hi))):
            annex = i
            break
    # Unnumbered top-level items before the first numbered one ("Para ello: a. ... b. ..."): the
    # paragraphs after the opening sentence that are not headings or its lead-in.
    plain_from = None
    if not plain and section is not None and lo < first:
        # Unnumbered items before the section's first numbered one: its paragraphs that are not a
        # heading, a lead-in or a declaration's preamble; one of them a whole item, ending its sentence.
        # (after the lead-in to the list, where there is one; what comes before it is the narrative's)
        led = _after_lead_in(body_paras, lo, first)
        # (after a heading over the list that names it, the section's being the report's title: "CONCLUSIONES Y
        # RECOMENDACIONES" ... "Participantes / Participants" ... "Acuerdos / Agreements" over "1. Agradecer ...")
        led = max((i + 1 for i in range(led, first) if (sh := _section_heading(text, body_paras[i])) is not None
                   and not sh[0] and AGREEMENTS_HEADING.match(sh[1])), default=led)
        plain_from = next((i for i in range(led, first) if _unnumbered_item(body_paras[i])
                           # (not a numbered paragraph of the narrative the items start after: "4. In the joint session ...")
                           and not ((nm := _marker(text, body_paras[i])) is not None and (fm := _marker(text, body_paras[first])) is not None
                                    and nm[0] == fm[0])
                           and not OPENING.search(body_paras[i].text) and not _ABOUT_ATTENDANCE.search(body_paras[i].text)
                           and not _ABOUT_THE_MEETING.match(body_paras[i].text)
                           # (nor what introduces the table: "A continuación se presenta la matriz actualizada. ...", "...,
                           # adopting the conclusions and recommendations set out in the table below.")
                           and not _TABLE_LEAD.match(body_paras[i].text) and not _TABLE_BELOW.search(body_paras[i].text)), None)
        if plain_from is not None and not any(_unnumbered_item(body_paras[i]) and _ends_its_sentence(body_paras[i].text)
                                              for i in range(plain_from, first)):
            plain_from = None
    elif not plain and section is None and first < len(body_paras):
        opening_at = next((i for i, p in enumerate(body_paras[:first]) if OPENING.search(p.text)), None)
        if opening_at is not None:
            # (an opening that ends "the following countries:" has its list in the next paragraph)
            after = opening_at + 1
            if after < first and body_paras[opening_at].text.endswith(":") and _country_list(body_paras[after], text, registry):
                after += 1
            # (what comes before the list's lead-in is narrative: "The TS reported ..." / "After
            # deliberations, the delegations adopted the following agreements:")
            after = _after_lead_in(body_paras, after, first)
            # (not a paragraph about who attended: "La delegación de Belice se excusó ... Asistieron en
            # calidad de observadores ...")
            # (nor the narrative about the meeting: "La reunión se dedicó principalmente a ...", "The
            # meeting was preceded, on 14 June, by ...")
            fm = _marker(text, body_paras[first])
            # (none before items each named by its code, "O-1 The agenda was adopted ...": what comes before is the
            # narrative, "Discussion: ...")
            plain_from = None if fm is not None and fm[0] == "named" else next((i for i in range(after, first) if _unnumbered_item(body_paras[i])
                               # (not a numbered paragraph of the narrative the items start after, "3. The Vice-Ministers received ...")
                               and not ((nm := _marker(text, body_paras[i])) is not None and fm is not None and nm[0] == fm[0])
                               and not _ABOUT_ATTENDANCE.search(body_paras[i].text)
                               and not _ABOUT_THE_MEETING.match(body_paras[i].text)), None)
            lead = body_paras[first - 1].text
            # ("The Vice-Ministers:", "Los Viceministros:": a declaration's subject over its operative list)
            if (lead.endswith(":") and (PREAMBLE.search(lead) or len(lead.split()) <= 4) and not OPENING.search(lead)
                    # (but not an operative paragraph's own lead-in, a verb and its object: "Instruct the RCGM to:")
                    and not _VERB_OBJECT_LEAD.match(lead)):
                # "RESUELVEN:", "The Vice-Ministers agree:" right before the list: what comes
                # before it is the preamble, not unnumbered items
                plain_from = None
            # Only a lead-in before the list ("La Red presenta su informe ..., de la siguiente manera:")
            # is not an unnumbered item: one of them must be a whole item, ending its sentence.
            if plain_from is not None and not any(_unnumbered_item(body_paras[i])
                                                  and _ends_its_sentence(body_paras[i].text)
                                                  for i in range(plain_from, first)):
                plain_from = None
    lead_in = None
    if max(0, lo - 1) < first < len(body_paras) and plain_from is None and (section is None or first > lo):
        prev = body_paras[first - 1]  # (not the section's own heading, "5. Acuerdos:")
        mk = _marker(text, body_paras[first])
        if (prev.text.rstrip().endswith(":") and mk and mk[0] in ("bullet", "bullet2", "letter", "letterp") and not PREAMBLE.search(prev.text)
                and not OPENING.search(prev.text) and not _SUBJECT_LEAD.match(prev.text)):
            lead_in = prev
    header_end = first - 1 if lead_in is not None or plain_lead is not None else first
    if plain_from is not None:
        header_end = plain_from
    if labelled is not None:
        header_end = min(header_end, labelled[1])
    # A note that transmits a meeting's agreements ("PARA: ... DE: ... ASUNTO: ... FECHA: ..."): the
    # meeting is the one the agreements' own heading and opening sentence name, not the note's.
    memo = _memo_end(text, body_paras, section[0] if section is not None else None, header_end)
    if memo is not None and memo < header_end:
        h = _parse_header(text, body_paras[memo:], header_end - memo, annex - memo, registry, source.margins)
    else:
        h = _parse_header(text, body_paras, header_end, annex, registry, source.margins)
    if h.date is None and source.margins and version is None:
        # the date only in the page header the reader left out ("Regional Coalition ... – Tegucigalpa, 17-18 May
        # 2017" over each page of a Word report whose body opens with the narrative): read with the header first
        return _parse(_margins_first(source), registry)
    if h.date is None and version is None:
        h.date = _month_then_day(text, body_paras[:header_end + 1])
    if h.date is None:
        raise InputError(path, "no recognisable meeting date")
    # A list of participants, where there is one, says who attended (the opening sentence may name
    # only some, or none: "The Vice-Ministers ... of the Member Countries").
    listed = _country_column(text, registry) or _listed_participants(text, body_paras, registry)
    if listed is not None and (but := _all_members_but(text, body_paras, registry, h.date)) is not None and (
            listed[1].start <= but[1].start < listed[1].end):
        # ("2. Attendance" / "All Member Countries attended ..., except the Dominican Republic and
        # Nicaragua.": the countries it names are the absent; all the others attended)
        listed = but
    if listed is None and right_column is not None:
        listed = _listed_participants(right_column, paragraphs(right_column), registry)
    if listed is not None:
        named = {x.value for x in listed[0]}
        # (its observer countries aside: "Observadores: Colombia, Ecuador" under the list names no member)
        opening_named = {x.value for x in h.participants}
        members = {e.notation for e in registry.of_kind("country") if e.get(ORG + "hasMembership")}
        if len(h.participants) >= 3 and (named < opening_named or (bool(members) and named & members < opening_named)):
            # a list that misses some the opening sentence names and names none it does not ("Estados
            # Unidos de" / "América" wrapped in a table's column): the sentence's
            listed = (h.participants, h.participants_span or listed[1])
        h.participants, h.participants_span = listed
    elif len(h.participants) < 2:
        # no opening sentence names them (one country named in it is the venue's or the PPT's: "met
        # in Ottawa, Canada, ... under the Presidency Pro Tempore of Canada"): the first paragraph
        # that says who took part does
        # (the first that names two or more, else the first that names more than the opening does: not
        # "at the invitation of the Government of Nicaragua" over a table of the delegations)
        ways: tuple[Callable[[], tuple[list[Located], Span] | None], ...] = (
            lambda: _all_members_but(text, body_paras + footnotes, registry, h.date), lambda: _present_line(text, body_paras, registry),
            lambda: _attendance_paragraph(text, body_paras, registry), lambda: _signatories(text, registry),
            lambda: _joined_by_chat(text, registry), lambda: _marked_grid(text, registry), lambda: _marked_code_row(text, registry),
            lambda: _country_column(text, registry, first_column=True), lambda: _signature_table(text, registry))
        fallback = None
        for way in ways:
            if (said := way()) is not None and len(said[0]) > len(h.participants):
                if len(said[0]) >= 2:
                    fallback = said
                    break
                fallback = fallback or said
        if fallback is not None:
            h.participants, h.participants_span = fallback
    if len(h.participants) >= 2 and (joins := _joined_later(text, registry, {x.value for x in h.participants})):
        # ("11:20 – Se incorpora la delegación de Nicaragua.", "The delegation of Nicaragua joined the meeting at
        # 11:20"): one that joined after the list was taken attended too
        h.participants = [*h.participants, *joins]
    agreed = None if plain or labelled is not None else _agreed_lists(text, body_paras, first, annex)
    if labelled is not None:
        items = labelled[0]
    elif plain:
        items = _plain_items(text, body_paras[first:annex], plain_lead, source.breaks)
    elif agreed is not None:
        kept, ends = agreed
        items = _build_items(text, kept, 0, len(kept), None, source.labels, None, ends)
    else:
        items = _build_items(text, body_paras, first, annex, lead_in, source.labels, plain_from, restart)
        items = _nested_restarts(items)
        if plain_from is not None:
            items = _capital_verb_continuations(text, items)  # (unnumbered operative paragraphs, some with lettered sub-items)
        items = _topic_groups(text, items)
        items = _decimal_rows_under(items)
        if section is not None and section[2] and items:
            items += _unnumbered_tail(text, body_paras, section[2][-1], annex, items)
        if section is None:
            items = _agreed_inside(text, items) or items
    items = _referenced_rows(text, body_paras, items)
    items = _serving_entries(text, items)
    items = _continued_items(items)
    items = _inline_lists_in_rows(text, items)
    items = _agreements_under_agenda(items)
    if source.breaks:
        items = _bulleted_cells(text, items, source.breaks)
        items = _bulleted_in_cell(text, items, source.breaks)
        items = _actions_in_row(text, items, source.breaks)
    if " | " in text:
        items = _table_under_item(text, items)
    # A dateline that closes the items belongs to the report, not to the annex.
    rest = annex
    while rest < len(body_paras) and rest < annex + 2 and (
        _dateline(body_paras[rest], text) or _place_only(body_paras[rest], text, registry)
    ):
        rest += 1
    annex_span = Span(body_paras[rest].start, body_paras[-1].end) if rest < len(body_paras) else None
    # Said in the header, to the end of the opening sentence where there is one; not in the narrative
    # or an item ("a virtual forum in November").
    head = body_paras[: max(0, header_end)]
    opening_para = next((p for p in head if OPENING.search(p.text)), None)
    limit = opening_para.end if opening_para is not None else (head[-1].end if head else 0)
    attendance = None
    for rx, mode in ((MIXED, "mixed"), (ONLINE, "online")):
        m = next((m for m in rx.finditer(text, 0, limit) if not _ONE_REMOTE.search(text, max(0, m.start() - 80), m.start())
                  and not _one_participant(text, m.start()) and not _dated_otherwise(text, m.start(), h.date)), None)
        if m is not None:
            attendance = Located(mode, Span(m.start(), m.end()))
            break
    warnings: list[str] = []
    # A PPT's or the Secretariat's activity report presented to a meeting ("INFORME DE GESTIÓN DE LA
    # PRESIDENCIA PRO TEMPORE", "Annual Report of the Technical Secretariat") lists the year's
    # meetings and their agreements: none of them is the meeting's.
    activity = next((p for p in body_paras[:5] if len(p.text) < 200 and _ACTIVITY_REPORT.match(p.text)), None)
    if activity is not None and items:
        items = []
        warnings.append(f"an activity report (\"{text[activity.lines[0][0] : activity.lines[0][1]][:80]}\"), not a meeting's report: the agreements "
                        "it lists are other meetings'; no items read")
    elif not items:
        warnings.append("no numbered items found")
    if interleaved is not None:
        warnings.append(f"each paragraph given in two languages one after the other: the {len(interleaved[1])} translations "
                        "are left out (read in the first language only)")
    if paged_out and items:
        item_spans = sorted((it.span.start, it.span.end) for it in items)
        item_starts = [a for a, _ in item_spans]
        # (a sub-item's span may start after its parent's and end before it: the last few items before)
        in_items = [(a, b) for a, b in paged_out
                    if (k := bisect_right(item_starts, a) - 1) >= 0 and max(e for _, e in item_spans[max(0, k - 3) : k + 1]) > b]
        text = blank_spans(text, in_items)
    return ParsedReport(
        source=source,
        body=h.body,
        title=h.title,
        date=h.date,
        place=h.place,
        other_places=tuple(h.other_places),
        participants=tuple(h.participants),
        participants_span=h.participants_span,
        meeting_kind=h.kind,
        reports_to=h.reports_to,
        held_prior_to=h.prior_to,
        items=tuple(items),
        annex=annex_span,
        status=h.status,
        warnings=tuple(warnings),
        language=language or "en",
        doc_kind=h.doc_kind,
        header=h.header,
        attendance=attendance,
        read_text=joined if (joined := joined_words(text)) != source.text else None,
    )


_MONTH_NAMES = "|".join(sorted((m for m in MONTHS if len(m) > 4 or m in ("may", "mayo", "june", "july", "junio", "julio")), key=len, reverse=True))
# A header's line that gives the month alone ("Virtual session – September 2021", "Sesión virtual - septiembre de 2021")
_MONTH_LINE = re.compile(rf"(?P<m>{_MONTH_NAMES})\s+(?:de(?:l)?\s+)?(?P<y>(?:19|20)\d\d)[ \t]*$", re.I | re.M)
# ... and the opening sentence the day: "On Tuesday the 14th", "El martes 14", "el día 14"
_DAY_ALONE = re.compile(r"\b(?:on\s+)?(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+)?the\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)\b"
                        r"|\bel\s+(?:(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)\s+)?(?:d[ií]a\s+)?(?P<d2>[0-3]?\d)\b(?![ \t]*(?:de\b|del\b|[/.\-]\s*\d|%|\d))",
                        re.I)


def _month_then_day(text: str, head: list[Para]) -> DateRange | None:
    """The meeting's day where no line gives it whole: a header line's month and year ("Virtual session –
    September 2021") and the opening sentence's day of it ("On Tuesday the 14th, the Group held ...")."""
    month = next((m for p in head for m in [_MONTH_LINE.search(text, p.start, p.end)] if m is not None and len(p.text) < 120), None)
    if month is None:
        return None
    opening = next((p for p in head if p.start > month.end() and OPENING.search(p.text)), None)
    if opening is None or (dm := _DAY_ALONE.search(text, opening.start, min(opening.end, opening.start + 200))) is None:
        return None
    day = int(dm.group("d") or dm.group("d2"))
    y, m = int(month.group("y")), MONTHS[month.group("m").lower()]
    if not 1 <= day <= calendar.monthrange(y, m)[1]:
        return None
    return DateRange(date(y, m, day), None, clean(text[dm.start() : dm.end()]), Span(dm.start(), dm.end()))


# A line of a memo's head ("PARA:", "DE:", "ASUNTO:", "FECHA:", "TO:", "FROM:", "SUBJECT:").
_MEMO_LINE = re.compile(r"(?:para|de|asunto|fecha|c\.\s*c\.|enviado(?:\s+el)?|to|from|subject|date|re|cc|sent)\s*:", re.I)


_HELD_MEETING = re.compile(r"\b(?:meeting|session|reuni[oó]n|sesi[oó]n)\b[^.;]{0,120}?\b(?:held|celebrad[oa]|realizad[oa]|que\s+se\s+(?:celebr|realiz))",
                           re.I)
_FORWARDED = re.compile(r"mensaje\s+original|original\s+message|forwarded\s+message|mensaje\s+reenviado", re.I)
# An e-mail's legal notice after the message: no item of the report pasted in it.
_DISCLAIMER = re.compile(r"(?:confidentiality\s+notice|disclaimer|aviso\s+de\s+confidencialidad|aviso\s+legal|nota\s+de\s+confidencialidad)\b"
                         r"|(?:this|este)\s+(?:message|e-?mail|mensaje|correo(?:\s+electr[oó]nico)?)\s+(?:and|y)\s+(?:any|its|sus|cualquier)\s+"
                         r"(?:attachments?|anexos?|adjuntos?)\b", re.I)


def _memo_end(text: str, paras: list[Para], section: int | None, first: int | None = None) -> int | None:
    """Where the report a note transmits starts (its agreements' heading, the paragraph before
    ``section``), when the document opens with a memo's head (three of "PARA:", "DE:", "ASUNTO:",
    "FECHA:" ...) before it; None otherwise. Without a section headed so, the report's title block
    before ``first`` (where the header ends), where an opening sentence follows it (an e-mail's "De: ...
    Enviado: ... Asunto: ...", its greeting, then the report pasted under a rule)."""
    if section is None and first is not None and first >= 2:
        named: set[str] = set()
        done = None  # where the memo's head has named three of its labels
        for k, p in enumerate(paras[: min(first, 40)]):
            if _MEMO_LINE.match(p.text) is not None:
                named.add(p.text[: p.text.find(":")].lower().replace(" ", ""))
                if len(named) >= 3:
                    done = k
                    break
        if done is None:
            return None
        for k in range(done + 1, first):
            # (not a line of a forwarded message's own head: "Asunto: Informe ... - 31/08/2021")
            if (_title_block(text, paras[k]) and not any(_MEMO_LINE.match(text, a, b) or _FORWARDED.search(text, a, b) for a, b in paras[k].lines)
                    and any(OPENING.search(q.text) or _DATE_LABEL.match(text, q.start, q.end) for q in paras[k + 1 : first])):
                return k  # (its opening sentence, or the minutes' "Date: 19-20 September 2011")
        # (no title of its own: the memo's text opens with the meeting, "The Coalition held its ... meeting ... on ...")
        return next((k for k in range(done + 1, first) if OPENING.search(paras[k].text) and _MEMO_LINE.match(paras[k].text) is None), None)
    if section is None or section < 2:
        return None
    # (line by line: an e-mail's head may be one paragraph, "---------- Forwarded message ---------" / "From: ..." / "Date: ...")
    labelled = [(k, m.group(0).lower().replace(" ", "")) for k, p in enumerate(paras[: min(section, 40)])
                for a, b in p.lines if (m := _MEMO_LINE.match(text[a:b].lstrip())) is not None]
    if len({label for _, label in labelled}) < 3:
        return None
    # the transmitted report's own title after the memo's head ("AYUDA MEMORIA", "INFORME DE LA
    # REUNIÓN"), its header with it; else its agreements' heading, which names the meeting
    seen: set[str] = set()
    head_done = None  # where the memo's head has named three of its labels
    for k, label in labelled:
        seen.add(label)
        if len(seen) >= 3:
            head_done = k
            break
    start = (head_done or 0) + 1
    # (not an entry of a list, an agenda's "- Report of the TS on ...")
    title = next((k for k in range(start, section) if len(paras[k].text) < 200 and not SENTENCE_END.search(paras[k].text)
                  and not _MEMO_LINE.match(paras[k].text) and any(rx.search(paras[k].text) for _, rx in DOC_KINDS)
                  and _marker(text, paras[k]) is None), None)
    if title is None:
        # (or the report's title block in capitals after the message: "REGIONAL CONFERENCE ON MIGRATION
        # (RCM)" / "MEETING OF THE REGIONAL COALITION" / "San Salvador, El Salvador, June 18-19, 2019")
        # (its first line in capitals: not a subject line wrapped under the message's head, "y Adolescencia
        # Migrante (29/06/2022)")
        title = next((k for k in range(start, section) if _title_block(text, paras[k]) and _marker(text, paras[k]) is None
                      and text[paras[k].lines[0][0] : paras[k].lines[0][1]].isupper()
                      # (not the agreements' bare heading, "AGREEMENTS", under the message that dates the meeting;
                      # "ACUERDOS ADOPTADOS POR LA RED EN SU REUNION DE CIUDAD DE PANAMA, 26 Y 27 DE MAYO" names it)
                      and not (k == section - 1 and AGREEMENTS_HEADING.match(paras[k].text) and len(paras[k].text.split()) <= 4)
                      and not any(_MEMO_LINE.match(text, a, b) or _FORWARDED.search(text, a, b) for a, b in paras[k].lines)), None)
    # (or, before it, the report's own head of labelled lines, which a message's head never has: "Date:
    # September 13-14, 2018" / "Venue: Ministry of Foreign Affairs, San Salvador, El Salvador" / "Chair: ...")
    def venue_at(k: int) -> bool:
        return any(_VENUE.match(text[a:b]) for a, b in paras[k].lines)

    def date_at(k: int) -> bool:
        return any(_DATE_LABEL.match(text, a, b) for a, b in paras[k].lines)

    # (the date's line may be a paragraph of its own)
    labelled_head = next((k for k in range(start, section) if date_at(k) and (venue_at(k) or (k + 1 < section and venue_at(k + 1)))), None)
    if labelled_head is not None and (title is None or labelled_head < title):
        return labelled_head
    if title is None:
        # (or a summary in the message itself: "... a short summary of our meeting held in Panama City on
        # 22 and 23 January 2019.", its opening sentence)
        opening = next((k for k in range(start, section) if not _MEMO_LINE.match(paras[k].text)
                        and (OPENING.search(paras[k].text) or (_HELD_MEETING.search(paras[k].text) and find_dates(paras[k].text)))), None)
        return opening if opening is not None else section - 1
    # (and the title block over it: "REGIONAL CONFERENCE ON MIGRATION" / "... EXTRAORDINARY VIRTUAL MEETING" /
    # "14 May 2020" / "REPORT", its lines in capitals or dates)
    # (or a short dated block in it: "Virtual meeting (Zoom platform)" / "30 March 2021, 10:00 - 13:30")
    while title > start and (_title_block(text, paras[title - 1]) or (
            len((q := paras[title - 1]).text) < 200 and len(q.lines) <= 3 and not SENTENCE_END.search(q.text)
            and not any(_MEMO_LINE.match(text, a, b) for a, b in q.lines) and find_dates(q.text))):
        title -= 1
    return title


def _title_block(text: str, p: Para) -> bool:
    """A paragraph of a report's title block: short, each line in capitals, a date or a name in title
    case ("Ad Hoc Working Group on Extra-Regional Migration" under "REGIONAL CONFERENCE ON MIGRATION")."""
    def caps(line: str) -> bool:
        return line.isupper() or re.search(r"\b(?:19|20)\d\d\b", line) is not None

    # (a name in title case under a line in capitals only: not a signature, "Elena Chacon / Technical
    # Secretariat / ...")
    return (len(p.text) < 300 and not SENTENCE_END.search(p.text) and caps(text[p.lines[0][0] : p.lines[0][1]].strip())
            and all(caps(line := text[a:b].strip()) or _title_case(line) for a, b in p.lines))


def _title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w-]*", line) if len(w) >= 4]
    return len(words) >= 2 and not line.endswith((",", ":", ";")) and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _is_heading(p: Para) -> bool:
    """A section heading: a short line that ends no sentence ("Information exchange", "CONCLUSIONES")."""
    # (nor a table's row, "To thank IOM for its support. | —", its last cell empty; its heading row is)
    return (len(p.text) < 80 and not SENTENCE_END.search(p.text) and p.text[:1].isupper()
            and (" | " not in p.text or all(len(c.strip()) < 30 for c in p.text.split(" | "))))


def _section_heading(text: str, p: Para) -> tuple[frozenset[tuple[str, int]], str] | None:
    memo = _HEADINGS.of(text)
    key = (p.start, p.end)
    if key not in memo:
        memo[key] = _find_section_heading(text, p)
    return memo[key]  # type: ignore[no-any-return]


# A section's title under a capital letter or Roman numeral ("D. Informe de la Red ...", "IV. Report of ...").
_LETTERED_TITLE = re.compile(r"(?:[A-H]|[IVX]{1,4})\.[ \t]+[A-ZÁÉÍÓÚÑ]")


def _find_section_heading(text: str, p: Para) -> tuple[frozenset[tuple[str, int]], str] | None:
    """(the readings of its marker, its title) of a paragraph that reads as a section heading: short,
    ending no sentence but for a colon; None otherwise. A reading is (numbering, value): "III." is
    ("R", 3), "3." ("d", 3), "C." both ("A", 3) and ("R", 100); an unnumbered heading has none."""
    if (len(p.text) > 100 and not (len(p.text) <= 160 and (AGREEMENTS_HEADING.match(re.sub(r"^[\d.\s]+", "", p.text))
                                                           or _LETTERED_TITLE.match(p.text)))
            or (SENTENCE_END.search(p.text) and not p.text.endswith(":"))):
        # (but "5.3 Acuerdos de la Red de Funcionarios de Enlace para el Combate al ...", "D. Informe de la Red de
        # Funcionarios de Enlace para el Combate al Tráfico Ilícito ...": a long body's name in a title)
        return None
    mk = _marker(text, p)
    if mk is None:
        return frozenset(), p.text
    if mk[0] in ("bullet", "bullet2"):
        return None
    title = text[mk[2] : p.end]
    if "\t" in title or re.search(r"[.;:!?]\s", title):
        return None  # a row of a table flattened to text, or a sentence and more: no heading
    core = re.sub(r"[^0-9A-Za-z]", "", mk[1])
    punct = mk[1][-1] if mk[1][-1] in ".)" else ""  # "3." and "3)" are two numberings
    readings: set[tuple[str, int]] = set()
    if (sub := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.?", mk[1].strip())) is not None:
        readings.add(("s", int(sub.group(1)) * 100 + int(sub.group(2))))  # "5.1": the first subsection of section 5
    elif core.isdigit():
        readings.add(("d" + punct, int(core)))
    if re.fullmatch(r"[IVXLC]+|[ivxlc]+", core):
        readings.add(("R" + punct if core.isupper() else "r" + punct, _number(core, "uroman") or 0))
    if len(core) == 1 and core.isalpha():
        readings.add(("A" + punct if core.isupper() else "a" + punct, ord(core.lower()) - 96))
    if not readings:
        return None
    # (a scan's specks after the title are none of it: "V.  AGREEMENTS  '")
    return frozenset(readings), clean(_SPECKS_AFTER.sub("", title))


_SPECKS_AFTER = re.compile(r"(?<=\w)[ \t]+['`~^\u2018\u2019]+[ \t]*$")


# The number a named marker prints ("Acuerdo 3:", "Acuerdo GRCM-2019-05:", "Compromiso 1 (Plazo: marzo
# 2023):"): its first of one to three digits; not a decimal ("Agreement 1.1").
# (after a space, a dash or "AP": a scan's "Acuerd0 4.-" has its "0" in the word)
_THEMED = re.compile(r"[A-H]\.\d{1,2}(?!\d)")
# A row's first cell that names its item ("Decision 2019/1<TAB>The Group ...").
_NAMED_CELL = re.compile(_NAMED)
_NAMED_NUMBER = re.compile(r"(?:(?<=\s)|(?<=[-/\u00ba\u00b0])|(?<=AP))(\d{1,3})(?!\d|\.\d)")
# An item that decides or asks ("To request ...", "Solicitar ...", "Take note of ...", "Encourage ..."),
# and one that states a finding ("The number of ... has increased", "El Grupo constató ...").
_ACTING = re.compile(r"(?:to\s+[a-z]|[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+(?:ar|er|ir)(?:se|le|les)?\b|(?:take|request|encourage|invite|consider|"
                     r"approve|adopt|instruct|urge|thank|welcome|recommend|support|endorse|establish|hold|convene|entrust|ask|"
                     r"call|agree|note|reiterate|reaffirm|express|accept|elevate|submit|continue|promote|strengthen)\b)", re.I)
_STATING = re.compile(r"(?:the|there|el|la|los|las|se|un|una|existe|hay)\b", re.I)
_WILL = re.compile(r"\b(?:will|shall|\w{2,}(?:ará|erá|irá|arán|erán|irán))\b", re.I)


def _parts_between(text: str, paras: list[Para], section: tuple[int, int, list[int]]) -> set[int]:
    """The paragraphs of an agreements section that lie between the end of a list and an agreements heading
    repeated further on, where they start with a heading of another part of the report ("Día 2 – 27 de octubre
    de 2016" / "Protección internacional" / narrative / "Acuerdos del día"): that part's, not the items'."""
    lo, hi, inner = section
    out: set[int] = set()
    own = {h[1] for k in range(max(0, lo - 2), lo) if (h := _section_heading(text, paras[k])) is not None}
    before = lo  # (each gap looked for after the heading before it: one pass over the section)
    for j in sorted(inner):
        heading = (_section_heading(text, paras[j]) or (frozenset(), ""))[1]
        since, before = before, j + 1
        if heading not in own:
            continue  # (the same heading as the section's own only: "Acuerdos del día" twice)
        last = max((k for k in range(since, j) if _marker(text, paras[k]) is not None), default=None)
        if last is None or last + 1 >= j:
            continue
        gap = range(last + 1, j)
        first = _section_heading(text, paras[gap[0]])
        if first is None or first[0] or any(_marker(text, paras[k]) is not None for k in gap):
            continue
        out.update(gap)
    return out


def _findings_left_out(text: str, paras: list[Para], section: tuple[int, int, list[int]]) -> tuple[int, int, list[int]]:
    """The agreements section without its first part when that part states findings and the next
    decides: "CONCLUSIONES" (1. "El Grupo constató ...", 2. "Las delegaciones coincidieron ...") over
    "RECOMENDACIONES" (1. "Tomar nota ...", 2. "Instruir a la ST ..."): the recommendations are the
    agreements, the conclusions the findings they rest on."""
    lo, hi, inner = section

    def kinds(a: int, b: int) -> tuple[int, int]:
        acting = stating = 0
        for p in paras[a:b]:
            mk = _marker(text, p)
            if mk is None or mk[0] in ("bullet2",):
                continue
            rest = text[mk[2] : p.end]
            # ("La ST circulará ...", "Mexico will share ...": a commitment, though it starts with a subject)
            does = bool(_ACTING.match(rest) or _WILL.search(rest, 0, 200))
            acting += does
            stating += bool(_STATING.match(rest)) and not does
        return acting, stating

    first_acting, first_stating = kinds(lo, inner[0])
    then_acting, then_stating = kinds(inner[0] + 1, hi)
    if first_stating >= 2 and first_acting == 0 and then_acting >= 2 and then_acting > then_stating:
        return inner[0] + 1, hi, inner[1:]
    return section


# the title of a report of a term's or a year's work, not of a meeting
_ACTIVITY_REPORT = re.compile(r"(?:informe|memoria)\s+(?:de\s+(?:gesti[oó]n|labores|actividades)|anual)\b|"
                              r"(?:annual|management|activity|activities)\s+report\b", re.I)
_SUMMARY = re.compile(r"(?:summary|resumen|s[ií]ntesis|key\s+(?:decisions|agreements|outcomes)|principales\s+(?:acuerdos|decisiones))\b", re.I)


# A lead-in to an agenda: "the Group adopted the following agenda:", "con la siguiente agenda:",
# "Orden del día:"
_AGENDA_LEAD = re.compile(r"\b(?:following|siguiente)\s+(?:provisional\s+|provisional\s+)?(?:agenda|orden\s+del\s+d[ií]a)"
                          r"(?:\s+(?:was|were|fue)\s+(?:adopted|approved|adoptad[oa]|aprobad[oa]))?\s*:\s*$"
                          # ("The following agenda was adopted:", "La agenda aprobada fue la siguiente:", "... agenda as follows:")
                          r"|\b(?:agenda|orden\s+del\s+d[ií]a)(?:\s+\w+){0,3}\s+(?:was|is|fue|es|qued[oó])\s+(?:la\s+|el\s+)?(?:siguiente|as\s+follows)\s*:\s*$"
                          # ("... the Vice-Ministers reviewed the following items:", "analizaron los siguientes temas:")
                          r"|\b(?:reviewed|discussed|examined|considered|addressed|analy[sz]ed|revisaron|analizaron|abordaron|examinaron|"
                          r"discutieron|trataron)\s+(?:the\s+|los\s+|las\s+)?(?:following|siguientes)\s+(?:items|topics|points|issues|"
                          r"temas|puntos|asuntos)\s*:\s*$"
                          # ("La Reunión se desarrolló conforme a la agenda aprobada, que comprendió los siguientes temas:")
                          r"|\b(?:agenda|orden\s+del\s+d[ií]a)\b[^:]{0,80}\b(?:comprendi[oó]|incluy[oó]|abarc[oó]|included|covered|comprised)\s+"
                          r"(?:the\s+|los\s+|las\s+)?(?:following|siguientes)\s+(?:items|topics|points|issues|temas|puntos|asuntos)\s*:\s*$"
                          # ("Agenda (as circulated on 2 May):")
                          r"|^(?:provisional\s+)?(?:agenda|orden\s+del\s+d[ií]a)(?:\s+provisional)?(?:\s*\([^()]{0,60}\))?\s*:?\s*$", re.I)


def _agenda_end(text: str, paras: list[Para], lo: int, hi: int) -> int:
    """Where the list under the first agenda lead-in in ``paras[lo:hi]`` ends (its marked paragraphs
    one after the other), or ``lo`` when there is none, or nothing is marked after that list."""
    for i in range(lo, hi - 1):
        if _AGENDA_LEAD.search(paras[i].text) and _marker(text, paras[i + 1]):
            j = i + 1
            while j < hi and _marker(text, paras[j]):
                j += 1
            # (the agenda's list may be all the report numbers: then it is read as before)
            return j if any(_marker(text, paras[k]) for k in range(j, hi)) else lo
    return lo


def _after_lead_in(paras: list[Para], lo: int, first: int) -> int:
    """The paragraph after the last lead-in to a list in ``paras[lo:first]`` ("... the RCGM adopted the
    following conclusions and recommendations:", or a sentence that says so: "The Networks adopted the
    following agreements, which will be submitted to the RCGM ..."), or ``lo`` when there is none."""
    return max((i + 1 for i in range(lo, first) if (paras[i].text.endswith(":") and PREAMBLE.search(paras[i].text))
                or _FOLLOWING.search(paras[i].text)), default=lo)


def _agreements_section(text: str, paras: list[Para]) -> tuple[int, int, list[int]] | None:
    """Where the agreements section runs (from the paragraph after its heading to the next section's
    heading, or to the end), or None when no heading names one. A numbered heading ("III. ACUERDOS")
    ends at the next number of its own numbering ("IV. ASUNTOS VARIOS"; another agreements heading,
    "IV. RECOMENDACIONES", carries it on); an unnumbered one ("Agreements") at the heading of another
    kind of section ("Pending items ...", "Participants"). The third value: the headings inside,
    of the sections that carry it on, which are no items.

    A heading whose section holds the opening sentence and no numbered paragraph, the numbered ones
    coming after it, is the report's title ("CONCLUSIONES Y RECOMENDACIONES" over the opening and
    the background; the agreements under a lead-in further on): the search goes on after it."""
    start = 0
    while (found := _agreements_section_from(text, paras, start)) is not None:
        lo, hi, _ = found
        if lo >= hi:
            # (an agenda's point, "6. Acuerdos y próximos pasos" over "7. Clausura": no section; the
            # search goes on to the report's own "5. Acuerdos" further on)
            start = lo
            continue
        # (or only its place and date: "CONCLUSIONS AND RECOMMENDATIONS OF THE MEETING ..." / "Place and
        # date: Washington, D.C., ..." / "PARTICIPANTS")
        if ((any(OPENING.search(q.text) for q in paras[lo:hi]) or all(_dateline(q, text) for q in paras[lo:hi]))
                and not any(_marker(text, q) for q in paras[lo:hi])
                # (or a table of agreements without numbers after it: "Tema | Acuerdo | Responsable | Plazo")
                and (sum(1 for q in paras[hi:] if _marker(text, q) is not None) >= 2 or len(_unnumbered_rows(text, paras[hi:])) >= 2)):
            start = hi
            continue
        if (_MATRIX_HEADING.match((_section_heading(text, paras[lo - 1]) or (frozenset(), ""))[1])
                and (not _NEW_CELL.search(text, paras[lo].start if lo < len(paras) else 0, paras[hi - 1].end if hi > lo else 0)
                     or _agreements_section_from(text, paras, hi) is not None)):
            # a follow-up matrix ("V. Matriz de seguimiento de acuerdos") is the agreements' section only
            # where its rows mark this meeting's ("| Nuevo") and no agreements' heading comes after it
            start = hi
            continue
        if (ANNEX.match(paras[lo - 1].text) and _ANNEX_OF_TASKS.search(paras[lo - 1].text)
                and any(p.text.endswith(":") and AGREEING.search(p.text) and _marker(text, paras[k + 1]) is not None
                        for k, p in enumerate(paras[: lo - 1]))):
            # an annex of the commitments ("ANEXO. MATRIZ DE COMPROMISOS") after the list of what was agreed ("el
            # Grupo acordó:" / "1. ..."): the list is the agreements, the annex's rows restate them
            start = hi
            continue
        if not any(_marker(text, q) for q in paras[lo:hi]) and _agreeing_list_after(text, paras, hi):
            # ("... formuló las siguientes:" / "CONCLUSIONES Y ACUERDOS" / "Antecedentes ..." / "Agenda"
            # / "los países miembros acordaron:" / "1. Aprobar ..."): a title over the background, the
            # agreements a numbered list under a lead-in further on
            start = hi
            continue
        return found
    return _run_in_section(text, paras) or _next_steps_section(text, paras)


# A heading of what is to be done next ("NEXT STEPS", "Próximos pasos"), over the report's only list of tasks.
_NEXT_STEPS_HEADING = re.compile(r"(?:next\s+steps|pr[oó]ximos\s+pasos|way\s+forward|follow[\s-]?up\s+actions|acciones\s+(?:a\s+seguir|de\s+seguimiento))", re.I)


def _next_steps_section(text: str, paras: list[Para]) -> tuple[int, int, list[int]] | None:
    """A report that heads no section as its agreements but one as its next steps, a list under it: that
    list is what the meeting agreed to do, to the next heading (its participants)."""
    for i, p in enumerate(paras[:-2]):
        head = _section_heading(text, p)
        if head is None or head[0] or not _NEXT_STEPS_HEADING.fullmatch(head[1].strip().rstrip(":").strip()):
            continue
        hi = next((j for j in range(i + 1, len(paras)) if _marker(text, paras[j]) is None and _section_heading(text, paras[j]) is not None), len(paras))
        if sum(1 for q in paras[i + 1 : hi] if _marker(text, q) is not None) >= 2:
            return i + 1, hi, []
    return None


_DATED_AGREEMENTS_HEADING = re.compile(r"(?:acuerdos|agreements|decisiones|decisions|conclusiones|conclusions|recomendaciones|recommendations)"
                                       r"\b[^()\n:]{0,60}\([^()\n]{1,80}\)\s*:?\s*$", re.I)
_ANNEX_OF_TASKS = re.compile(r"\b(?:compromisos|commitments|tareas|tasks|acciones|actions|matriz|matrix)\b", re.I)
# A follow-up matrix's heading ("V. Matriz de seguimiento de acuerdos", "Follow-up matrix of agreements"),
# and a row's status cell that says it is this meeting's ("| Nuevo", "| New").
_MATRIX_HEADING = re.compile(r"(?:matriz|cuadro|tabla)\s+de\s+seguimiento\s+(?:de|a)\s+(?:los\s+)?acuerdos\b"
                             r"|follow[- ]up\s+(?:matrix|table)\s+(?:of|for)\s+(?:the\s+)?agreements\b", re.I)
# A sentence that points at the table under it ("the follow-up matrix below", "la matriz siguiente").
_TABLE_BELOW = re.compile(r"\b(?:table|matrix|chart)\s+below\b|\bbelow\s+(?:is|are)\b|\b(?:matriz|cuadro|tabla)\s+(?:siguiente|a\s+continuaci[oó]n|adjunt[oa])\b", re.I)
_TABLE_LEAD = re.compile(r"(?:a\s+continuaci[oó]n\s+se\s+presenta|en\s+(?:la\s+siguiente\s+matriz|el\s+siguiente\s+cuadro)|"
                         r"the\s+following\s+(?:table|matrix)|(?:below|herewith)\s+is\s+the\s+(?:updated\s+)?(?:table|matrix))\b", re.I)
_NEW_CELL = re.compile(r"\|[ \t]*(?:nuevo|nueva|new)[ \t]*(?:\||$)", re.I | re.M)


def _agreeing_list_after(text: str, paras: list[Para], hi: int) -> bool:
    """Whether an unnumbered section ending at ``hi`` is followed by another kind of section
    ("Agenda", "Antecedentes") and, after it, a lead-in saying what was agreed over a numbered list."""
    if hi >= len(paras) or (h := _section_heading(text, paras[hi])) is None or not OTHER_SECTION.match(h[1]):
        return False
    return any(p.text.endswith(":") and AGREEING.search(p.text) and not _earlier_lead(p.text)
               and _marker(text, paras[k + 1]) is not None for k, p in enumerate(paras[hi:-1], hi))


# A run-in heading of the agreements over their lead-in, in one paragraph: "PUNTO CUARTO: ACUERDOS.
# Luego de las deliberaciones ..., ACUERDAN:", "4. Agreements. The Network agreed:".
_RUN_IN_AGREEMENTS = re.compile(
    r"(?P<label>(?i:punto|item|tema|point)\s+\w+|[IVXLC]{1,6}\.|\d{1,2}\.)\s*[:.\-\u2013\u2014]?\s*"
    r"(?i:acuerdos|agreements|decisiones|decisions|conclusiones|conclusions|resoluciones|resolutions)\s*[.:]\s+\S")


def _run_in_section(text: str, paras: list[Para]) -> tuple[int, int, list[int]] | None:
    """The agreements under a run-in heading that leads in to them (``_RUN_IN_AGREEMENTS``, ending in
    ":"), to the next paragraph labelled as that heading is ("PUNTO QUINTO: CIERRE. ..."), or None."""
    for i, p in enumerate(paras[:-1]):
        m = _RUN_IN_AGREEMENTS.match(p.text)
        if m is None or not p.text.endswith(":") or _marker(text, paras[i + 1]) is None:
            continue
        first_word = m.group("label").split()[0].lower()
        hi = next((j for j in range(i + 2, len(paras)) if _marker(text, paras[j]) is None
                   and (w := paras[j].text.split()) and w[0].lower() == first_word and not first_word[0].isdigit()), len(paras))
        return i + 1, hi, []
    return None


# An annex that holds the meeting's agreements ("ANEXO: ACUERDOS DE LA REUNIÓN", "Annex I – Agreements"), a
# declaration's operative part giving them there ("Adoptar los acuerdos contenidos en el Anexo ..."); not an
# earlier meeting's ("Anexo: Acuerdos de la reunión anterior").
_AGREEMENTS_ANNEX = re.compile(r"(?:anexo|annex|appendix)(?:\s+(?:[IVX]{1,4}|\d{1,2}|[A-D]))?\s*[:.\-\u2013\u2014]\s*(?=\S)"
                               r"(?![^\n]*\b(?:anterior|previous|prior|pasad[oa]|seguimiento|follow))", re.I)


def _agreements_section_from(text: str, paras: list[Para], start: int) -> tuple[int, int, list[int]] | None:
    for i in range(start, len(paras)):
        p = paras[i]
        head = _section_heading(text, p)
        if head is not None and (annexed := _AGREEMENTS_ANNEX.match(head[1])) is not None:
            head = (head[0], head[1][annexed.end() :])
        if head is None or not (AGREEMENTS_HEADING.match(head[1]) or _MATRIX_HEADING.match(head[1])):
            continue
        if _SUMMARY.match(head[1]) and any(
                (h := _section_heading(text, q)) is not None and AGREEMENTS_HEADING.match(h[1]) and not _SUMMARY.match(h[1])
                for q in paras[i + 1 :]):
            continue  # a summary box over the report, the agreements in full further on: those are the items
        nxt_item = next((k for k in range(i + 1, min(len(paras), i + 4)) if _marker(text, paras[k]) is not None), None)
        if nxt_item is not None and (mk := _marker(text, paras[nxt_item])) is not None and mk[0] in ("dec", "decp"):
            v = _value(mk[1]) or 0
            before = [(k, _value(pm[1])) for k in range(max(0, i - 60), i)
                      if (pm := _marker(text, paras[k])) is not None and pm[0] == mk[0]]
            run = before[-(v - 1):] if v > 1 else []
            if (v > 1 and [x for _, x in run] == list(range(1, v))
                    # (after a lead-in to them, "the RCGM adopted the following conclusions:", not a
                    # report's paragraphs numbered as a whole)
                    and any(paras[k].text.endswith(":") and PREAMBLE.search(paras[k].text) for k in range(max(0, run[0][0] - 3), run[0][0]))):
                # "IV. RECOMMENDATIONS TO THE VICE-MINISTERS" over "10." right after "1." ... "9.": a
                # group of the list's, no section of its own
                continue
        if (head[0] and 0 < i < len(paras) - 1 and (h1 := _section_heading(text, paras[i + 1])) is not None and h1[0]
                and (m0 := _marker(text, paras[i - 1])) is not None and (v0 := _value(m0[1])) is not None
                and any(n == v0 + 1 for _, n in head[0])
                and ((AGREEMENTS_HEADING.match(h1[1]) and not {k for k, _ in h1[0]} & ({k for k, _ in head[0]} | {"s"}))
                     # (or over the report's next section, its numbering going back: "6. Other business", "7.
                     # Agreements" / "3. Summary of discussions")
                     or any(k1 == k and n1 < n for k1, n1 in h1[0] for k, n in head[0]))):
            continue  # an agenda's last point ("4. ...", "5. Agreements and next steps") right over "IV. Agreements"
        later = next((k for k in range(i + 1, len(paras)) if (h := _section_heading(text, paras[k])) is not None
                      and AGREEMENTS_HEADING.match(h[1])), None)
        if later is not None and any(OPENING.search(paras[k].text) and _marker(text, paras[k]) is None for k in range(i + 1, later)):
            continue  # the document's title ("RECOMENDACIONES DEL GRCM A LOS VICEMINISTROS") over its opening sentence
        readings = head[0]
        inner: list[int] = []
        # the numbered sections before an unnumbered heading ("5. Recognition of skills", then
        # "DECISIONS"): the next of them ("6. Any other business") ends it too
        prior = {r for k in range(i) if (h := _section_heading(text, paras[k])) is not None for r in h[0]} if not readings else set()
        for j in range(i + 1, len(paras)):
            nxt = _section_heading(text, paras[j])
            if nxt is None:
                continue
            if not readings:
                if (OTHER_SECTION.match(nxt[1]) and not nxt[0] and nxt[1].isupper() and j + 1 < len(paras)
                        and _marker(text, paras[j + 1]) is None and _ITEM_VERB.match(paras[j + 1].text)
                        and sum(1 for q in paras[i + 1 : j] if (hq := _section_heading(text, q)) is not None and hq[1].isupper()) >= 2):
                    continue  # ("PRÓXIMA REUNIÓN" / "Aceptar el ofrecimiento de Panamá ...": one more agreement's title, as the ones before)
                if OTHER_SECTION.match(nxt[1]) and (not nxt[0] or any((k, n - 1) in prior for k, n in nxt[0])):
                    # ("Otros asuntos" over "8. Recomendar ...": a topic among the items, their numbering
                    # going on under it, not a section after them)
                    mk = _marker(text, paras[j + 1]) if j + 1 < len(paras) else None
                    if mk is not None and mk[0] == "row" and any(mk[1].strip().startswith(f"{n}.") for _, n in nxt[0]):
                        continue  # ("5. Next meeting" over the table's row "5.1 | To hold ...": a topic of its rows)
                    # ("1. Opening" ... "4. Training" / "* Accept ...", then "5. Other business" / "* Hold ..."):
                    # the next of the agenda's topics the items are grouped under
                    inside = {r for q in paras[i + 1 : j] if (hq := _section_heading(text, q)) is not None for r in hq[0]} if nxt[0] else set()
                    if mk is not None and any((k, n - 1) in inside for k, n in nxt[0]):
                        continue
                    if (not nxt[0] and mk is not None and mk[0] in ("dec", "decp", "decd") and not PARTICIPANTS_HEADING.match(nxt[1])
                            and ((_value(mk[1]) or 0) > 1
                                 # (or the first topic, right under the heading and its lead-in: "Acuerdos" /
                                 # "... acordaron:" / "Seguimiento y Plan de Trabajo" / "1. Agradecer ..."; not
                                 # after unnumbered items of the section's own, a table's rows: "Summary of
                                 # Decisions" / "Approve ... | Network | ..." / "Detailed Account of the
                                 # Discussions" / "1. Opening session")
                                 or (not any(_marker(text, q) for q in paras[i + 1 : j])
                                     and sum(1 for q in paras[i + 1 : j] if _section_heading(text, q) is None
                                             and not q.text.endswith(":")) < 2))):
                        continue
                    return i + 1, j, inner
                if not nxt[0] and AGREEMENTS_HEADING.match(nxt[1]):
                    inner.append(j)  # "Action items" after "Agreements": the list starts again
                continue
            if AGREEMENTS_HEADING.match(nxt[1]) and any(k == "s" and (kk.startswith("d"), n // 100) == (True, v)
                                                         for k, n in nxt[0] for kk, v in readings):
                inner.append(j)  # "5.1 Acuerdos de la sesión conjunta" under "5. ACUERDOS": its list starts again
                continue
            following = {(k, n) for k, n in nxt[0] if (k, n - 1) in readings}
            if following and nxt[1].endswith(":") and not nxt[1].isupper() and (
                    len(nxt[1].split()) > 6 or _ACTING.match(nxt[1])
                    # ("4. En materia de capacitación regional:" over "a) Solicitar ...")
                    or (j + 1 < len(paras) and not AGREEMENTS_HEADING.match(nxt[1])
                        and (sm := _marker(text, paras[j + 1])) is not None and sm[0] in ("letter", "letterp")
                        and sm[1].strip("(").lower().startswith("a"))):
                # an item that leads in to its sub-items ("5. Encomendar a la ST ..., que incluya:", "4. To
                # request the Technical Secretariat to:"), no section
                continue
            if following:
                if AGREEMENTS_HEADING.match(nxt[1]):
                    readings = frozenset(following)
                    inner.append(j)
                    continue
                return i + 1, j, inner
        return i + 1, len(paras), inner
    return None


# "It was agreed that ...", "Se acordó que ..." after a sentence of a paragraph's narrative.
_AGREED_INSIDE = re.compile(
    r"(?<=[.;:])\s+(?:it\s+was\s+(?:further\s+|also\s+)?(?:agreed|decided)\s+(?:that|to)"
    r"|se\s+(?:acord[oó]|decidi[oó])(?:\s+(?:adem[aá]s|tambi[eé]n|asimismo))?\s+que)\b", re.I)


# An item's own verb at its start: "To thank ...", "Agradecer ...", "Tomar nota ...".
_ITEM_VERB = re.compile(r"(?:to\s+[a-z]+|[A-ZÁÉÍÓÚ][a-záéíóúñ]+(?:ar|er|ir)(?:se|le|les)?)\b")


# A declaration's preambular heading, over its considerations in a list ("CONSIDERANDO:" / "• Que ...;").
_PREAMBLE_HEADING = re.compile(
    r"(?:considerando|considering|recordando|recalling|reconociendo|recogni[sz]ing|teniendo\s+(?:en\s+cuenta|presente)|"
    r"taking\s+into\s+account|bearing\s+in\s+mind|whereas)\s*:?", re.I)


def _past_preamble(text: str, paras: list[Para], first: int, hi: int) -> int:
    """The first item after a declaration's listed considerations: where the list at ``first`` sits
    under a preambular heading ("CONSIDERANDO:"), or is bulleted under a lead-in that neither agrees
    nor asks, and an operative lead-in ("ACUERDAN:", "The Vice-Ministers agree:") stands over a list
    further on (a numbered one, after bullets), that list's first paragraph; else ``first``."""
    if first == 0:
        return first
    before = paras[first - 1].text.strip()
    mk = _marker(text, paras[first])
    # (or bullets under a lead-in that says nothing was agreed or asked: an e-mail's "Two practical
    # points:" / "- Delegations wishing to ..." over the declaration it forwards, "AGREE TO:" / "1. ...")
    bulleted = (mk is not None and mk[0] in ("bullet", "bullet2") and before.endswith(":") and not PREAMBLE.search(before)
                and not AGREEING.search(before) and not _ASKING.search(before))
    heading = _PREAMBLE_HEADING.fullmatch(before) is not None
    if not (heading or bulleted) and mk is not None:
        # (or a list whose entries are considerations themselves, "(a) Recalling ...", "(b) Recognizing ...", under "The
        # Vice-Ministers,", the operative list under "Have agreed to:")
        run = []
        for k in range(first, min(hi, first + 40)):
            # (its markers of one list, whatever their style is read as: "i." and "v." read as letters, "ii." as a numeral)
            mk2 = _marker(text, paras[k])
            if mk2 is None or (mk2[0] != mk[0] and mk2[0] in ("dec", "decp", "decd")):
                break
            run.append(_PREAMBULAR_START.match(text, mk2[2]) is not None)
        heading = len(run) >= 3 and sum(run) >= 0.8 * len(run)
    if not (heading or bulleted):
        return first
    for k in range(first + 1, min(hi, first + 60) - 1):
        p = paras[k]
        # (under "CONSIDERANDO:", any list after "ACUERDAN:": the numbers a layout table's first column
        # holds too, "1. | Agradecer ..."; after bullets, a numbered list or a table's rows)
        if _marker(text, p) is not None or not p.text.endswith(":") or not PREAMBLE.search(p.text):
            continue
        # (the list a table under its heading row: "The group agreed on the following action items:" / "| # |
        # Action | Owner | Due |" / "| 1 | Circulate ...")
        at = k + 2 if _marker(text, paras[k + 1]) is None and k + 2 < hi and _heading_row_roles(text, paras[k + 1]) else k + 1
        if (nk := _marker(text, paras[at])) is not None and (heading or nk[0] in ("dec", "decp", "decd") or at == k + 2):
            return at
    return first


# A lead-in that asks for something ("The RCGM requested the TS to:", "Se encomendó a la ST:").
_ASKING = re.compile(r"\b(?:request\w*|instruct\w*|entrust\w*|ask\w*|urg\w*|solicit\w*|instru\w*|encomend\w*|encarg\w*|ped\w*)\b", re.I)


def _narrative_then_lead(text: str, paras: list[Para], first: int, hi: int) -> int | None:
    """The lead-in inside a numbered list whose paragraphs before it are a communiqué's narrative ("1.
    Expresaron su agradecimiento ...", "2. Dejaron constancia de la participación ...", "En este
    sentido, los Viceministros ACORDARON:", "5. Aprobar ..."): the numbering goes on after it, and no
    paragraph before it opens with an item's verb. None otherwise."""
    mk = _marker(text, paras[first])
    if mk is None or mk[0] not in ("dec", "decp", "decd"):
        return None
    last = None
    for k in range(first, min(hi, first + 40)):
        p = paras[k]
        m = _marker(text, p)
        if m is None:
            if (last is not None and p.text.endswith(":") and AGREEING.search(p.text) and k + 1 < hi
                    and (nm := _marker(text, paras[k + 1])) is not None and nm[0] == mk[0] and _value(nm[1]) == last + 1):
                return k
            continue
        if m[0] != mk[0] or _ITEM_VERB.match(text, m[2]) or _ACTING.match(text, m[2]):
            return None
        last = _value(m[1])
    return None


def _past_numbered_narrative(text: str, paras: list[Para], first: int, hi: int) -> int:
    """Where the items start in a report numbered as a whole whose first paragraphs are its narrative
    ("1.- Los días 28 y 29 de enero de 1999 se celebró ...", "2.- Asistieron en calidad de observadores
    ...", "3.- La sesión inaugural estuvo a cargo de ...", then "4.- Los Viceministros tomaron nota
    ..."): after the opening sentence's paragraph and those right after it about who attended and how
    the meeting went. ``first`` itself where the first numbered paragraph is no opening."""
    mk = _marker(text, paras[first])
    # (an item's own verb first, "Aprobar ...", "To approve ...", "Endorse the Conclusions ... adopted at
    # its meeting held on ...": an item that mentions a meeting)
    if (mk is None or mk[0] not in ("dec", "decp", "decd") or not OPENING.search(paras[first].text) or _ITEM_VERB.match(text, mk[2])
            or _ACTING.match(text, mk[2])):
        return first
    k = first + 1
    while k < hi:
        nk = _marker(text, paras[k])
        if nk is None:
            k += 1  # (the rest of the paragraph before it)
            continue
        if nk[0] != mk[0] or not (_ABOUT_ATTENDANCE.search(text, nk[2], min(paras[k].end, nk[2] + 80))
                                  or _ABOUT_THE_MEETING.match(text, nk[2]) or _OPENED_BY.match(text, nk[2])
                                  or _attended_after_list(text, nk[2], paras[k].end)):
            break
        k += 1
    # (two numbered paragraphs at least left for the items: else the numbers are all the narrative's)
    rest = [i for i in range(k, hi) if (nk := _marker(text, paras[i])) is not None and nk[0] == mk[0]]
    # (and a communiqué's narrative goes on through what the Vice-Ministers reaffirmed, recalled or were
    # concerned about: "3. Reafirmaron su compromiso ...", "4. Recordaron ...", "5. Expresaron su
    # preocupación ...", then "7. Los Viceministros acordaron ..."; what they thanked or took note of is
    # an agreement)
    j = 0
    while j < len(rest) and _CONSIDERED.match(text, (_marker(text, paras[rest[j]]) or mk)[2], paras[rest[j]].end):
        j += 1
    if 0 < j < len(rest) and sum(bool(_DECIDED_PARAGRAPH.match(text, (_marker(text, paras[i]) or mk)[2], paras[i].end)) for i in rest[j:]) >= 2:
        return rest[j]
    return rest[0] if len(rest) >= 2 else first


# An English operative paragraph's verb, in the imperative ("Endorse the Conclusions ...", "Mandate the ad hoc group ...").
_IMPERATIVE = re.compile(r"(?:Endorse|Approve|Accept|Adopt|Instruct|Request|Ask|Urge|Invite|Welcome|Thank|Take\s+note|Note|Recommend|Mandate|"
                         r"Entrust|Express|Hold|Agree|Reaffirm|Recogni[sz]e|Acknowledge|Support|Encourage|Establish|Extend|Convene|"
                         r"Designate|Decide|Task|Call\s+(?:on|upon)|Commend|Congratulate|Direct|Submit|Refer)\b")
# A paragraph that reports, in the past, what someone did ("Los Viceministros y Jefes de Delegación expresaron su
# preocupación ...", "La Secretaría Técnica presentó su informe ...", "The delegations reviewed ..."): a communiqué's
# narrative.
_REPORTED_PAST = re.compile(
    r"(?:[^,.;:\n]{1,60},\s+)?(?:(?:el|la|los|las|the)\s+)?[A-ZÁÉÍÓÚÑa-záéíóúñ][\w-]*(?:\s+[\w().-]+){0,8}?"
    r"\s(?:[a-záéíóúñ]{3,}(?:aron|ieron|yeron|ó)|[a-z]{3,}ed|met|heard|took|held|made|gave)\b")
# ... but not one that decides, thanks or commits, nor says what will be done: an agreement.
_NOT_NARRATIVE = re.compile(
    r"\b(?:ofreci\w*|comprometi\w*|offered|committed|undert\w*|pledged|acord\w*|decidi\w*|aprob\w*|resolvi\w*|instruy\w*|"
    r"solicit\w*|encomend\w*|encarg\w*|agreed|decided|approved|resolved|instructed|requested|agradeci\w*|thanked|"
    r"will|shall|[a-záéíóúñ]{2,}(?:ará|erá|irá|arán|erán|irán))\b", re.I)


def _past_reported_narrative(text: str, paras: list[Para], first: int, hi: int) -> int:
    """Where the items start in a communiqué numbered as a whole whose first numbered paragraphs report, in the
    past, what the participants did ("5. Los Viceministros conocieron el informe ...", "6. Los Viceministros y Jefes
    de Delegación expresaron su preocupación ...") and whose others are its operative paragraphs, each opening with
    an item's verb ("7. Aprobar ...", "8. Instruir ..."), three or more and most of the rest: at the first of
    those. Not past a paragraph that reports a decision or thanks ("acordaron", "agradecieron"): an agreement."""
    mk = _marker(text, paras[first]) if first < hi else None
    if mk is None or mk[0] not in ("dec", "decp", "decd") or _ITEM_VERB.match(text, mk[2]) or _IMPERATIVE.match(text, mk[2]):
        return first
    numbered = [(i, nk) for i in range(first, hi) if (nk := _marker(text, paras[i])) is not None and nk[0] == mk[0]]
    opens = [bool(_ITEM_VERB.match(text, nk[2]) or _IMPERATIVE.match(text, nk[2])) for _, nk in numbered]
    k = next((j for j, o in enumerate(opens) if o), None)
    if k is None or sum(opens[k:]) < 3 or 5 * sum(opens[k:]) < 4 * len(opens[k:]):
        return first
    for i, nk in numbered[:k]:
        stop = next((m.start() for m in _SENTENCE_BREAK.finditer(text, nk[2], paras[i].end)), paras[i].end)
        if not _REPORTED_PAST.match(text, nk[2], stop) or _NOT_NARRATIVE.search(text, nk[2], stop):
            return first
    return numbered[k][0]


# How the meeting was opened or chaired: "The Conference was opened by the Undersecretary ...", "La
# reunión fue inaugurada por ..."
_OPENED_BY = re.compile(r"(?:the|la|el)\s+(?:[\w-]+\s+){1,4}?(?:was|fue)\s+(?:formally\s+|oficialmente\s+)?"
                        r"(?:opened|inaugurad[oa]|chaired|presidid[oa]|closed|clausurad[oa])\b", re.I)
# A verb that decides or thanks: what a sentence says after it is no attendance.
_DECIDING_VERB = re.compile(r"\b(?:thanked|welcomed|approved|agreed|decided|instructed|requested|adopted|accepted|urged|endorsed|took\s+note|"
                            r"agradecieron|aprobaron|acordaron|decidieron|instruyeron|solicitaron|adoptaron|aceptaron|respaldaron|"
                            r"tomaron\s+nota|dieron\s+la\s+bienvenida)\b", re.I)


def _attended_after_list(text: str, start: int, end: int) -> bool:
    """Whether the first sentence of ``text[start:end]`` says who took part after a long subject, the
    list of delegations ("The Vice-Ministers and Heads of Delegation of Belize, ..., and the United
    States of America participated in the Conference."), with no decision before it."""
    stop = text.find(". ", start, end)
    stop = min(end if stop < 0 else stop, start + 400)
    m = _ABOUT_ATTENDANCE.search(text, start, stop)
    return m is not None and text.count(",", start, m.start()) >= 2 and _DECIDING_VERB.search(text, start, m.start()) is None


# A communiqué's paragraph of what was reaffirmed, recalled or stressed: its preamble said in the past.
_CONSIDERED = re.compile(
    r"(?:(?:(?:los|las)\s+viceministr[oa]s|the\s+vice-?ministers|they|ellos|las\s+delegaciones|the\s+delegations)\s+(?:\w+\s+){0,2}?)?"
    r"(?:reafirmaron|recordaron|reconocieron|destacaron|subrayaron|reiteraron|resaltaron|enfatizaron|expresaron\s+su\s+preocupaci[oó]n|"
    r"reaffirmed|recalled|recogni[sz]ed|acknowledged|stressed|underlined|underscored|reiterated|emphasi[sz]ed|highlighted|"
    r"expressed\s+(?:their|its)\s+concern|noted\s+with\s+concern)\b", re.I)


def _agreed_inside(text: str, items: list[Item]) -> list[Item] | None:
    """A report whose numbered paragraphs are its discussion, each agreement a sentence inside one
    ("4. The delegation of the United States presented ... It was agreed that the United States would
    share ..."): the items are those paragraphs' agreements, from the first such sentence to the
    paragraph's end (a paragraph that opens with one is whole); the others are no items. None when
    fewer than two paragraphs hold one after their narrative, or the items have sub-items."""
    tops = [i for i in items if i.parent is None]
    if len(tops) < 3:
        return None
    found: list[tuple[Item, int]] = []
    inside = whole = 0
    for item in tops:
        seg = text[item.span.start : item.span.end]
        if _AGREED_THAT.match(seg):
            found.append((item, item.span.start))
            whole += bool(re.match(r"\s*(?:resolved|resuelven?)\b", seg, re.I))
        elif (m := _AGREED_INSIDE.search(seg)) is not None:
            found.append((item, item.span.start + m.end() - len(m.group(0).lstrip())))
            inside += 1
    # (paragraphs marked "RESOLVED:" among the narrative's, three or more, say so themselves)
    if inside < 2 and not (whole >= 3 and len(found) < len(tops)):
        return None
    if inside >= 2 and len(tops) < len(items):
        return None  # (sub-items only under the paragraphs "RESOLVED:" marks)
    out: list[Item] = []
    kept = {item.position: k for k, (item, _) in enumerate(found)}
    moved: dict[int, int] = {}
    for item in items:
        top_of = _top_of(items, item)
        if top_of not in kept:
            continue
        start = found[kept[top_of]][1] if item.parent is None else item.span.start
        span = Span(start, item.span.end)
        pos = len(out) + 1
        moved[item.position] = pos
        number = str(kept[top_of] + 1)
        if item.parent is not None:
            number = f"{number}.{item.number.split('.', 1)[1]}" if "." in item.number else number
        out.append(Item(pos, item.marker, number, moved.get(item.parent) if item.parent is not None else None, span,
                        clean(text[span.start : span.end]) if item.parent is None else item.text, item.marker_span, item.cells))
    return out


def _country_list_end(text: str, paras: list[Para], i: int, hi: int, registry: Registry) -> int:
    """Where a list of three countries or more, each alone in its entry ("• Belize", "• Canada"), that
    starts at ``paras[i]`` ends; ``i`` when none starts there."""
    k = i
    while k < hi and (mk := _marker(text, paras[k])) is not None:
        rest = text[mk[2] : paras[k].end].strip(" \t.;,")
        named = sum(m.end - m.start for m in registry.find(text, {"country"}, mk[2], paras[k].end))
        if not rest or len(rest) > 60 or named < 0.8 * len(rest):
            break
        k += 1
    return k if k - i >= 3 else i


def _participants_before_lists(text: str, paras: list[Para], first: int, at: int, hi: int) -> bool:
    """Whether the participants' heading ``paras[at]`` is a section of a numbered outline ("1.
    Antecedentes", "2. Participantes", ..., "4. Desarrollo y acuerdos") whose agreements are the lists
    that lead-ins introduce after it ("Al respecto, los Países Miembros acordaron:"), none before it."""
    def lead(i: int) -> bool:
        return (paras[i].text.endswith(":") and PREAMBLE.search(paras[i].text) is not None
                and _marker(text, paras[i]) is None and _marker(text, paras[i + 1]) is not None)

    mk, top = _marker(text, paras[at]), _marker(text, paras[first])
    return (mk is not None and top is not None and mk[0] == top[0] and _section_heading(text, paras[first]) is not None
            and not any(lead(i) for i in range(first, at)) and any(lead(i) for i in range(at + 1, hi - 1)))


def _restarts_under(text: str, paras: list[Para], headings: list[int], lead: int, mk: tuple[str, str, int]) -> bool:
    """Whether a list after the lead-in ``paras[lead]``, numbered as the sections are, is no next
    section: "4. Desarrollo de la reunión y acuerdos" / "... acordaron:" / "1. Tomar nota ..." (or "4.
    Solicitar ..." under a later lead-in), its number not the one after the last section's."""
    before = [hm for j in headings if j < lead and (hm := _marker(text, paras[j])) is not None and hm[0] == mk[0]]
    last = _value(before[-1][1]) if before else None
    return last is not None and _value(mk[1]) != last + 1


# A paragraph of a communiqué's subject's acts that does not name it again: "Solicitaron a la ST ..." (Spanish
# drops it), "They also approved ...", "Asimismo, encomendaron ...".
_THEY_ACTED = re.compile(r"(?:(?:also|further|finally|asimismo|adem[aá]s|tambi[eé]n|finalmente|por\s+[uú]ltimo),?\s+)?"
                         r"(?:(?:they|ellos)\s+(?:also\s+|further\s+)?[a-z]+ed\b|[A-ZÁÉÍÓÚ][a-záéíóúñ]+(?:aron|ieron|yeron)\b)")


def _sections_lists(text: str, paras: list[Para], headings: list[int], annex: int) -> tuple[list[Para], set[int]] | None:
    """Under a lead-in over sections ("... adopted the following conclusions and recommendations:" / "I. Migration and
    Health" / "1. ..." / "II. Protection ..." / "1. ..."), the list under each section's heading, its numbers restarting
    in each, a lead-in of its own before it ("The Member Countries:") none of it: the headings and the lists'
    paragraphs, no other ends (each heading starts the list again at the top level). None where a section holds no
    list or other words before it (the sections are then a narrative's), or fewer than two sections are there."""
    styles = {mk[0] for j in headings if (mk := _marker(text, paras[j])) is not None}
    kept: list[Para] = []
    lists = 0
    stops = [*headings, annex]
    for j, nxt in itertools.pairwise(stops):
        k = next((k for k in range(j + 1, nxt) if (km := _marker(text, paras[k])) is not None and km[0] not in styles), None)
        if k is None or any(not (q := paras[m]).text.endswith(":") or len(q.text) > 160 for m in range(j + 1, k)):
            return None
        # (the heading kept: the items read it as a group's title, "B." numbering its items "B.1", "B.2")
        kept += [paras[j], *paras[k:nxt]]
        lists += 1
    return (kept, set()) if lists >= 2 else None


def _agreed_lists(text: str, paras: list[Para], first: int, annex: int) -> tuple[list[Para], set[int]] | None:
    """The lists that lead-ins introduce ("... the RCGM agreed:", "el Grupo acordó:"), in a report
    whose numbered entries are section headings with narrative under them ("I. OPENING SESSION",
    "III. FOLLOW-UP ..."): the agreements are those lists, not the sections. Each list runs over the
    paragraphs after its lead-in, to the next section heading or lead-in. Returns the lists' paragraphs and where each lead-in ends (each list is top level), or
    None when the report is not made so."""
    headings = [i for i in range(first, annex) if (h := _section_heading(text, paras[i])) is not None and h[0]
                and not paras[i].text.endswith(":")]
    # Paragraphs numbered as a whole, the opening sentence the first ("1. The Group met in ...", as
    # in a UN report): the numbers are the narrative's, a numbered lead-in's list the agreements.
    # (under the sections' own headings, "I. INTRODUCTION" over "1. The RCGM ... held a virtual meeting")
    top = next((i for i in range(annex) if _marker(text, paras[i]) is not None
                and (_section_heading(text, paras[i]) is None or SENTENCE_END.search(paras[i].text))), None)
    top_mk = _marker(text, paras[top]) if top is not None else None
    narrative = top_mk[0] if top_mk is not None and top is not None and OPENING.search(paras[top].text) else None
    leads = [i for i in range(first, annex - 1) if paras[i].text.endswith(":") and PREAMBLE.search(paras[i].text)
             and ((mk := _marker(text, paras[i])) is None or (narrative is not None and mk[0] == narrative))]
    if (len(headings) >= 2 and headings[0] == first and first > 0 and paras[first - 1].text.endswith(":")
            and PREAMBLE.search(paras[first - 1].text) and (over := _sections_lists(text, paras, headings, annex)) is not None):
        return over
    if not leads or (len(headings) < 2 and narrative is None):
        return None
    heading_styles = {mk[0] for i in headings if (mk := _marker(text, paras[i])) is not None}
    if narrative is not None:
        heading_styles.add(narrative)
        headings += [i for i in range(first, annex) if (mk := _marker(text, paras[i])) is not None and mk[0] == narrative]
    kept: list[Para] = []
    ends: set[int] = set()
    stops = sorted({*headings, *leads, annex})
    for i in leads:
        mk = _marker(text, paras[i + 1])
        if _earlier_lead(paras[i].text):
            continue
        if mk is None or (mk[0] in heading_styles and not _restarts_under(text, paras, headings, i, mk)):
            continue
        ends.add(paras[i].end)
        # to the next section heading or lead-in: an unmarked paragraph is the rest of the item before it
        kept += paras[i + 1 : next(j for j in stops if j > i)]
    if not kept:
        return None
    # (a list numbered as the kept ones are, "5.1" and "5.2" under "5. Asuntos varios", after a
    # paragraph of narrative rather than a lead-in: the same agreements' list goes on)
    def decimal(q: Para) -> bool:
        mk = _marker(text, q)
        return mk is not None and mk[0] in ("decdec", "row") and re.fullmatch(r"\d{1,2}\.\d{1,2}\.?", mk[1].strip()) is not None

    tops_kept = [p for p in kept if (mk := _marker(text, p)) is not None and not mk[0].startswith("letter")]
    if tops_kept and all(decimal(p) for p in tops_kept):
        starts = {p.start for p in kept}
        kept += [q for q in paras[leads[0] + 1 : annex] if q.start not in starts and decimal(q)]
        kept.sort(key=lambda p: p.start)
    if narrative is not None:
        # the narrative's own paragraphs that say what was agreed ("14. It was further agreed that each
        # Member Country would ...") are agreements too, each at the top level
        starts = {p.start for p in kept}
        said = [i for i in range(first, annex) if (mk := _marker(text, paras[i])) is not None and mk[0] == narrative
                and paras[i].start not in starts and _AGREED_THAT.match(text, mk[2], paras[i].end)]
        if len(said) >= 2:
            # (where they are, a bare lead-in among them is one too, its list under it: "12. The RCGM agreed:" over
            # "(a) To approve ...", between "9. The RCGM agreed to request ..." and "15. It was agreed that ...")
            said = sorted({*said, *(i for i in leads if (mk := _marker(text, paras[i])) is not None and mk[0] == narrative
                                    and _BARE_AGREED.match(text, mk[2], paras[i].end))})
        for i in said:
            if paras[i].start not in starts:
                kept.append(paras[i])
                ends.add(paras[i].start - 1)  # (just before it: _build_items counts it on, whatever its number)
                # ("13. RESOLVED: To recommend ... that the Member Countries:" over "(i) ... (iii)": an
                # agreement itself, its list under it)
                ends.discard(paras[i].end)
        # A communiqué numbered as a whole whose lead-in ("4. The Vice-Ministers agreed to:" over "a." ...
        # "f.") is followed by its subject's other decisions ("5. The Vice-Ministers approved ...", ...
        # "12. The Vice-Ministers expressed ..."): the lead-in an agreement, its list under it, and those too
        lead = paras[leads[0]]
        if (lmk := _marker(text, lead)) is not None and lmk[0] == narrative and (am := AGREEING.search(text, lmk[2], lead.end)) is not None:
            subject = text[lmk[2] : am.start()].strip().lower()

            def acted(i: int, back: bool) -> bool:
                # (its subject's, named again or not: "13. Solicitaron a la ST ...", "They also approved ...";
                # before the lead-in, only what decides: "9. Los Viceministros aprobaron ...", not what they
                # took note of, received or were concerned about, which the narrative says)
                mk = _marker(text, paras[i])
                if mk is None or mk[0] != narrative or (back and not _DECIDED_PARAGRAPH.match(text, mk[2], paras[i].end)):
                    return False
                if text[mk[2] : mk[2] + len(subject)].lower() == subject:
                    return not (back and _CONSIDERED.match(text, mk[2], paras[i].end))
                return _THEY_ACTED.match(text, mk[2], paras[i].end) is not None and not _CONSIDERED.match(text, mk[2], paras[i].end)

            after: list[int] = []
            for i in range(leads[0] + 1, annex):
                if (mk := _marker(text, paras[i])) is None or mk[0] != narrative:
                    continue  # (the lead-in's own list, "a)" ... "f)", or a paragraph's rest)
                if not acted(i, False):
                    break
                after.append(i)
            before = list(itertools.takewhile(lambda i: acted(i, True), range(leads[0] - 1, first - 1, -1)))
            if 1 <= len(subject.split()) <= 4 and (after or before):
                starts = {p.start for p in kept}
                for q in [*(paras[i] for i in before), lead, *(paras[i] for i in after)]:
                    if q.start not in starts:
                        kept.append(q)
                    ends.add(q.start - 1)
                    ends.discard(q.end)
        kept.sort(key=lambda p: p.start)
    # Agreements named as such ("Agreement 1.1") outside those lists: the report's own, not made so.
    inside = {(p.start, p.end) for p in kept}
    if any((mk := _marker(text, paras[i])) is not None and mk[0] == "named" and (paras[i].start, paras[i].end) not in inside
           for i in range(first, annex)):
        return None
    return kept, ends


# A paragraph labelled as what was agreed under an agenda point ("Acuerdo: Las delegaciones aprobaron
# ...", "Acuerdos:" over a list, "Decisions:", "Outcome:" over its bullets); its text, where it has one, follows the label.
_AGREED_LABEL = re.compile(
    r"[ \t]*(?:(?:acuerdos?|agreements?|decisi[oó]n(?:es)?|decisions?|resoluci[oó]n(?:es)?|resolutions?|outcomes?|(?P<minute>agreed|decided|acordado|decidido|(?-i:REQUESTED|SOLICITADO)))"
    r"(?:[ \t]+(?:adoptad[oa]s?|alcanzad[oa]s?|tomad[oa]s?|adopted|reached|taken))?[ \t]*:"
    # (or asked, in a report of questions and answers by agenda point: "Item 4: What was agreed? The Network agreed ...")
    r"|(?:(?:item|point|punto|tema)[ \t]+\d{1,2}[ \t]*[:.\u2013-][ \t]*)?¿?(?:what[ \t]+was[ \t]+(?:agreed|decided)|"
    r"qu[eé][ \t]+se[ \t]+(?:acord[oó]|decidi[oó]))[ \t]*\?)[ \t]*", re.I)
# An answer that says nothing was agreed ("What was agreed? No agreements were adopted under this item.").
_NONE_AGREED = re.compile(r"(?:no\s+(?:agreements?|decisions?)\s+(?:were|was)\s+(?:adopted|reached|taken|made)|none\b|ninguno\b|"
                          r"no\s+se\s+(?:adoptaron|tomaron|alcanzaron)\s+(?:acuerdos|decisiones))", re.I)
# A lead-in and nothing else ("The Network agreed:", "Los países acordaron:"): the list under it is the agreements
# (not "The RCGM agreed to:", whose list completes it: its sub-items).
_BARE_LEAD = re.compile(r"(?:[\w-]+\s+){1,6}?(?:agreed|decided|resolved|acord[oó]|acordaron|decidi[oó]|decidieron)\s*:", re.I)
# A body's response to a proposal put to it ("RCGM response:", "Respuesta del GRCM:"), and the verbs
# that make one an agreement.
_RESPONSE_LABEL = re.compile(r"[ \t]*(?:[A-Z]{2,8}\s+)?(?:response|respuesta)(?:\s+(?:of|del?)\s+(?:the\s+|la\s+|el\s+)?[A-Z]{2,8})?[ \t]*:[ \t]*")
_AGREED_VERB = re.compile(r"\b(?:agreed|decided|resolved|approved|acord[oó]|decidi[oó]|aprob[oó]|resolvi[oó])\b", re.I)
# What the minutes record under an agreement: its actions ("ACTION: Mexico to send ... by 10 June").
_ACTION_LABEL = re.compile(r"[ \t]*(?:actions?|acci[oó]n(?:es)?|tareas?|tasks?|follow-up|seguimiento)[ \t]*:[ \t]*", re.I)
_OWN_ACTION = re.compile(r"[ \t]*(?:actions?|acci[oó]n(?:es)?|tareas?|tasks?)[ \t]*:", re.I)
# Its questions ("Item 4: Who is responsible? ...", "By when? ..."): the agreement's commitments, never one of their own.
_ASKED_ACTION = re.compile(r"[ \t]*(?:(?:item|point|punto|tema)[ \t]+\d{1,2}[ \t]*[:.\u2013-][ \t]*)?¿?(?:who[ \t]+is[ \t]+responsible|by[ \t]+when|"
                           r"qui[eé]n(?:es)?[ \t]+(?:es|son)[ \t]+responsables?|para[ \t]+cu[aá]ndo)[ \t]*\?[ \t]*", re.I)
# The label of the narrative beside them ("Desarrollo:", "Discussion:"): the report is made of such blocks.
_NARRATIVE_LABEL = re.compile(
    r"[ \t]*(?:(?:item|point|punto|tema)[ \t]+\d{1,2}[ \t]*[:.\u2013-][ \t]*)?¿?(?:what[ \t]+(?:was[ \t]+discussed|happened)|"
    r"qu[eé][ \t]+se[ \t]+(?:discuti[oó]|trat[oó])|qu[eé][ \t]+pas[oó])[ \t]*\?"
    r"|[ \t]*(?:noted|tomado\s+nota|desarrollo|deliberaci[oó]n(?:es)?|discusi[oó]n|debate|antecedentes|resumen(?:\s+de\s+la\s+discusi[oó]n)?|"
    r"discussions?|deliberations?|background|summary(?:\s+of\s+(?:the\s+)?discussions?)?|presentaci[oó]n|presentations?)[ \t]*:", re.I)


def _labelled_blocks(text: str, paras: list[Para], end: int, labels: dict[int, str],
                     headed: int | None = None) -> tuple[list[Item], int] | None:
    """A report organised by agenda point, each point's narrative ("Desarrollo: ...") followed by
    what was agreed on it, labelled: "Acuerdo: <text>" (one agreement) or "Acuerdos:" over a list
    (each of its entries one, at the top level). The items are those blocks' agreements, numbered
    in reading order (the report prints no numbers); the narrative, the agenda points' headings and
    a closing paragraph are none. Returns the items and the index of the first block's paragraph,
    or None unless at least two blocks are labelled so and a narrative label is beside them.
    ``headed``: the heading of a section headed as the agreements, where there is one (it is no
    summary of them when it is the first block's own label)."""
    blocks: list[tuple[int, int]] = []  # (paragraph, where its text starts: after the label)
    narrative = minutes = 0
    for i in range(end):
        m = _AGREED_LABEL.match(text, paras[i].start, paras[i].end)
        if m is not None and _NONE_AGREED.match(text, m.end(), paras[i].end):
            narrative += 1  # ("What was agreed? No agreements were adopted under this item.")
        elif m is not None:
            blocks.append((i, m.end()))
            minutes += m.group("minute") is not None
        elif (r := _RESPONSE_LABEL.match(text, paras[i].start, paras[i].end)) is not None:
            # "RCGM response: The RCGM agreed to ..." after "RROCM proposal: ...": what the body agreed
            # to is an agreement, a response that records no agreement none
            if _AGREED_VERB.search(text, r.end(), min(paras[i].end, r.end() + 200)):
                blocks.append((i, r.end()))
                minutes += 1
            narrative += 1
        elif _NARRATIVE_LABEL.match(text, paras[i].start, paras[i].end):
            narrative += 1
    # ("AGREED:" says so itself: minutes that mark each agreement so need no narrative label)
    # (or three "Agreement:" paragraphs or more, each under its agenda point's narrative, where no
    # section is headed as the agreements: a summary of them would be)
    # (not the section's own paragraphs, each labelled under its heading: "3. Acuerdos y compromisos" / "Acuerdo: ...")
    summary = headed is not None and all(i != headed for i, _ in blocks) and not all(i > headed for i, _ in blocks)
    # An "Action: ..." paragraph under an agenda point's narrative, not under a "Decision:" (whose
    # commitments the action lines right under it are): an agreement of its own
    agreed = {i for i, _ in blocks}
    actions: list[tuple[int, int]] = []
    # (minutes whose agreements are their "ACTION:" lines under the agenda points' narrative, three or more, say so
    # themselves, as "AGREED:" does; not "Seguimiento:" lines under numbered agreements, those agreements' follow-up)
    own_actions = 0
    # (one pass: the paragraph above a run of action lines, an agreement or not, and the one above any run of them)
    anchor = above = -1
    for i in range(end):
        am = _ACTION_LABEL.match(text, paras[i].start, paras[i].end)
        if i not in agreed and am is not None and am.end() < paras[i].end and (anchor < 0 or anchor not in agreed):
            actions.append((i, am.end()))
            own_actions += _OWN_ACTION.match(text, paras[i].start, paras[i].end) is not None and (above < 0 or _marker(text, paras[above]) is None)
        if am is None or i in agreed:
            anchor = i
        if am is None:
            above = i
    if own_actions >= 3 and any((qm := _marker(text, q)) is not None and (qm[0] in ("named", "ordinal") or len(q.text) > 100 or SENTENCE_END.search(q.text))
                        for q in paras[:end]):
        own_actions = 0  # (a list of its own, "AP1 – ..." or numbered sentences: that list is read)
    if len(blocks) + len(actions) < 2 or (narrative == 0 and minutes < 2 and own_actions < 3 and (len(blocks) < 3 or summary)):
        return None
    blocks = sorted(blocks + actions)
    acted = {i for i, _ in actions}  # (an action line an agreement of its own: the action lines under it are theirs too)
    items: list[Item] = []
    for i, after in blocks:
        p = paras[i]
        if after < p.end:  # "Acuerdo: Las delegaciones aprobaron ...": the rest of the paragraph
            # and the "ACTION: ..." lines under it, its commitments
            last = i
            while i not in acted and last + 1 < end and (_ACTION_LABEL.match(text, paras[last + 1].start, paras[last + 1].end)
                                      or _ASKED_ACTION.match(text, paras[last + 1].start, paras[last + 1].end)):
                last += 1
            stop = paras[last].end
            n = len(items) + 1
            # (its text from its paragraphs: a running header between them is none of it)
            own = " ".join([clean(text[after : p.end]), *(paras[k].text for k in range(i + 1, last + 1))])
            items.append(Item(n, text[p.start : after].strip(), str(sum(1 for it in items if it.parent is None) + 1), None,
                              Span(after, stop), clean(own), Span(p.start, after)))
            j = last + 1
            while j < end and _marker(text, paras[j]) is not None and _AGREED_LABEL.match(text, paras[j].start, paras[j].end) is None:
                j += 1
            if j > i + 1 and last == i and _BARE_LEAD.fullmatch(clean(text[after : p.end])):
                # "Item 4: What was agreed? The Network agreed:" over its bullets: they are the agreements, each at
                # the top level, as under "Acuerdos:"
                items.pop()
                items += _listed_on(items, _build_items(text, paras, i + 1, j, None, labels))
                continue
            committed = last + 1
            while committed < j and (cm := _marker(text, paras[committed])) is not None and _COMMITMENT_LINE.match(text, cm[2], paras[committed].end):
                committed += 1
            if not own.rstrip().endswith(":") and committed > last + 1:
                # ("Acuerdo: ..." over "• Compromiso: Países Miembros – Remitir ... – 30 de junio de 2014" lines: its
                # commitments, its sub-items as "C3 (A4): ..." ones are)
                j = committed
            if j > last + 1 and (own.rstrip().endswith(":") or committed == j):
                # "The RCGM agreed to:" and its list: the list's entries are its sub-items
                for it in _build_items(text, paras, last + 1, j, None, labels):
                    if it.parent is None:
                        mk = it.marker_span
                        own_letter = re.sub(r"[^a-z0-9]", "", (it.marker or "").lower()) or _letters(it.position - 1)
                        items.append(Item(len(items) + 1, it.marker, f"{items[n - 1].number}.{own_letter}", n, it.span, it.text, mk, it.cells))
            continue
        # "Acuerdos:" over a list: its marked paragraphs, to the first unmarked one (or to the next agenda
        # point's heading, numbered otherwise: "II. Report of the Technical Secretariat" after "2.")
        j = i + 1
        first_mk = _marker(text, paras[j]) if j < end else None
        style = first_mk[0] if first_mk is not None else None
        counted = None  # (the list's last number of its own style)
        while j < end and (mj := _marker(text, paras[j])) is not None and _AGREED_LABEL.match(text, paras[j].start, paras[j].end) is None:
            if j > i + 1 and ((style in ("dec", "decp", "decd") and mj[0] in ("uroman", "upper"))
                              or (mj[0] != style and mj[0] in ("dec", "decp", "decd", "uroman", "upper")
                                  and _section_heading(text, paras[j]) is not None and not paras[j].text.endswith(":"))
                              # (or numbered alike but out of the list's count: "1." "2." then the next agenda
                              # point's "2. Seguimiento a los acuerdos de la reunión anterior")
                              or (mj[0] == style and style in ("dec", "decp", "decd") and counted is not None
                                  and _value(mj[1]) != counted + 1 and _section_heading(text, paras[j]) is not None
                                  and not paras[j].text.endswith(":"))):
                break  # (the next agenda point's heading, "2. Informe de la Coordinación" after "- Aprobar ...")
            if mj[0] == style:
                counted = _value(mj[1])
            j += 1
        if j == i + 1:
            continue
        items += _listed_on(items, _build_items(text, paras, i + 1, j, None, labels))
    if not items:
        return None
    return items, blocks[0][0]


_CELL_BULLET = re.compile(BULLET.pattern.removeprefix("^"))  # (at a paragraph's start inside a cell: matched at an offset)


# A delegation that joined the meeting after it began: "Se incorpora la delegación de Nicaragua", "The delegation
# of Nicaragua joined the meeting at 11:20" (not "was unable to join").
_JOINS_LATER = re.compile(r"\b[Ss]e\s+(?:incorpor[aó]|integr[aó]|un(?:e|i[oó])|conect[aó])\s+(?:a\s+la\s+reuni[oó]n\s+)?la\s+delegaci[oó]n\s+de\s+"
                          r"(?P<es>[A-ZÁÉÍÓÚÑ][^.;,\n]{2,40})|\b[Tt]he\s+delegation\s+of\s+(?P<en>[A-Z][^.;,\n]{2,40}?)\s+"
                          r"(?:later\s+)?(?:joined|connected)\b")


def _joined_later(text: str, registry: Registry, known: set[str]) -> list[Located]:
    """The member countries whose delegations a report says joined after the meeting began, not yet in ``known``."""
    if "delegaci" not in text and "delegation of" not in text:
        return []
    out: list[Located] = []
    for m in _JOINS_LATER.finditer(text):
        g = "es" if m.group("es") else "en"
        for c in registry.find(text, {"country"}, m.start(g), m.end(g)):
            code = c.entry.notation or c.entry.iri
            if c.start == m.start(g) and code not in known and all(x.value != code for x in out):
                out.append(Located(code, Span(c.start, c.end)))
    return out


# A table cell that says its row agreed nothing ("No agreements", "Ninguno", "—").
_NO_AGREEMENT_CELL = re.compile(r"(?:no\s+(?:agreements?|decisions?|actions?|acuerdos?)(?:\s+\w+){0,3}|none|ninguno|ninguna|sin\s+acuerdos?|"
                                r"no\s+(?:hubo|se\s+adoptaron)\s+acuerdos?|n/?a|[-\u2013\u2014])\.?", re.I)


def _bulleted_cells(text: str, items: list[Item], breaks: tuple[int, ...]) -> list[Item]:
    """Minutes as a table of agenda points whose agreements column lists them as bullets ("1. Opening | ... | No
    agreements", "2. Report of the TS | ... | • To take note of ... • The TS will circulate ..."): each bullet is an
    agreement, a bullet of another glyph under one its sub-item ("◦ the indicators ..."), and a row that agreed
    nothing ("No agreements") none. Two rows of bullets at least and every row one of the two; else ``items``."""
    rows: list[tuple[Item, int]] = []  # (the row's item, where its agreements cell ends)
    bulleted = 0
    ends: dict[int, int] = {}
    for it in items:
        if it.parent is not None:
            # (a sub-item read from the cell already, "◦ the indicators ...": read again below, from the cell)
            if not it.span.start < ends.get(it.parent, -1):
                return items
            ends[it.position] = ends[it.parent]
            continue
        # (the cell ends at the next cell or at its row's end: a row is one line; its sub-items may be past the item's span)
        line_end = text.find("\n", it.span.start)
        line_end = len(text) if line_end < 0 else line_end
        bar = text.find(" | ", it.span.start, line_end)
        end = _rstrip_end(text, it.span.start, bar if bar >= 0 else line_end)
        ends[it.position] = end
        if _CELL_BULLET.match(text, it.span.start, end):
            bulleted += 1
        elif not _NO_AGREEMENT_CELL.fullmatch(clean(text[it.span.start : end]).strip()):
            return items
        rows.append((it, end))
    if bulleted < 2:
        return items
    out: list[Item] = []
    tops = 0
    for it, end in rows:
        if not _CELL_BULLET.match(text, it.span.start, end):
            continue  # ("No agreements")
        glyph = text[it.span.start]
        lo, hi = bisect.bisect_right(breaks, it.span.start), bisect.bisect_left(breaks, end)
        starts = [it.span.start, *(b for b in breaks[lo:hi] if _CELL_BULLET.match(text, b, end))]
        parent = None
        subs = 0
        for b, nxt in zip(starts, [*starts[1:], end], strict=True):
            bm = _CELL_BULLET.match(text, b, nxt)
            assert bm is not None
            span = Span(bm.end(), _rstrip_end(text, bm.end(), nxt))
            if text[b] == glyph or parent is None:
                tops += 1
                out.append(Item(len(out) + 1, glyph, str(tops), None, span, clean(text[span.start : span.end]), Span(b, bm.end()), it.cells))
                parent, subs = out[-1], 0
            else:
                out.append(Item(len(out) + 1, text[b], f"{parent.number}.{_letters(subs)}", parent.position, span,
                                clean(text[span.start : span.end]), Span(b, bm.end())))
                subs += 1
    return out


def _actions_in_row(text: str, items: list[Item], breaks: tuple[int, ...]) -> list[Item]:
    """A row of a Word table of agreements whose actions have a column of their own, a paragraph each, matched
    one for one by the paragraphs of its "Responsable" cell and, where it has as many, its "Plazo" cell ("2 |
    Agradecer ... | Circular ... ¶ Remitir ... ¶ Presentar ... | ST ¶ Países Miembros ¶ OIM | 28 de junio ... ¶
    19/07/2019 ¶ ..."): each action a sub-item of the row's agreement with its own cells, the agreement without
    them (one commitment an action, not one of all the row's actors). Other rows as they are."""
    out: list[Item] = []
    moved: dict[int, int] = {}  # old position -> new
    for it in items:
        cells = dict(it.cells)
        who = cells.get("who")
        new_parent = moved.get(it.parent) if it.parent is not None else None
        moved[it.position] = len(out) + 1
        if it.parent is not None or who is None or any(role not in ("who", "when") for role, _ in it.cells):
            out.append(replace(it, position=len(out) + 1, parent=new_parent))
            continue
        whos = _cell_paragraphs(text, who, breaks)
        whens = _cell_paragraphs(text, cells["when"], breaks) if "when" in cells else []
        # (the cell between the agreement's and the responsible's: the actions)
        between = text[it.span.end : who.start]
        bars = [m.start() + it.span.end for m in re.finditer(r" \| ", between)]
        if len(whos) < 2 or len(bars) != 2 or (whens and len(whens) not in (1, len(whos))):
            out.append(replace(it, position=len(out) + 1, parent=new_parent))
            continue
        acts = _cell_paragraphs(text, Span(bars[0] + 3, bars[1]), breaks)
        if len(acts) != len(whos):
            out.append(replace(it, position=len(out) + 1, parent=new_parent))
            continue
        parent = replace(it, position=len(out) + 1, parent=None, cells=())
        out.append(parent)
        for k, (act, w) in enumerate(zip(acts, whos, strict=True)):
            sub_cells: tuple[tuple[str, Span], ...] = (("who", w),)
            if whens:
                sub_cells += (("when", whens[k] if len(whens) > 1 else whens[0]),)
            out.append(Item(len(out) + 1, None, f"{it.number}.{_letters(k)}", parent.position, act,
                            clean(text[act.start : act.end]), None, sub_cells))
    return out


def _table_under_item(text: str, items: list[Item]) -> list[Item]:
    """An agreement whose text runs on into a table of its commitments ("4. To adopt the commitments ..., as set out
    in the table below." / "Country | Commitment | Deadline" / "Costa Rica | Share ... | 15 December 2015" / "Host
    ... | Q1 2016", a country's cell merged over its rows): each row a sub-item with its cells, the country of a
    row that has none the row's above; the agreement's text ends before the table. Two rows at least."""
    out: list[Item] = []
    moved: dict[int, int] = {}
    for it in items:
        new_parent = moved.get(it.parent) if it.parent is not None else None
        moved[it.position] = len(out) + 1
        rows: list[tuple[Span, tuple[tuple[str, Span], ...]]] = []
        head_at = None
        if it.parent is None and not it.cells and " | " in text[it.span.start : it.span.end]:
            roles: list[str | None] | None = None
            last_who: Span | None = None
            for s0, e0 in _lines(text[it.span.start : it.span.end]):
                s1, e1 = s0 + it.span.start, e0 + it.span.start
                if " | " not in text[s1:e1]:
                    if text[s1:e1].strip() and roles is not None:
                        break  # (the table has ended)
                    continue
                line = Para(s1, e1, [(s1, e1)], clean(text[s1:e1]))
                if roles is None:
                    roles = _heading_row_roles(text, line)
                    head_at = s1 if roles is not None and "who" in roles else None
                    if head_at is None:
                        roles = None
                        if rows or s1 > it.span.start + 20:
                            break
                    continue
                cells = _row_cells(text, s1, e1)
                row_roles = roles if len(cells) == len(roles) else roles[1:] if len(cells) == len(roles) - 1 and roles[0] == "who" else None
                if row_roles is None:
                    break
                found = {r: c for r, c in zip(row_roles, cells, strict=True) if r and c.end > c.start}
                if "who" in found:
                    last_who = found["who"]
                elif last_who is not None:
                    found["who"] = last_who  # (a country's cell merged over its rows: the row above's)
                if "text" not in found:
                    break
                rows.append((found["text"], tuple((r, found[r]) for r in ("who", "when") if r in found)))
        if head_at is None or len(rows) < 2:
            out.append(replace(it, position=len(out) + 1, parent=new_parent))
            continue
        end = _rstrip_end(text, it.span.start, head_at)
        parent = replace(it, position=len(out) + 1, parent=None, span=Span(it.span.start, end), text=clean(text[it.span.start : end]))
        out.append(parent)
        for k, (span, given) in enumerate(rows):
            out.append(Item(len(out) + 1, None, f"{it.number}.{_letters(k)}", parent.position, span, clean(text[span.start : span.end]), None, given))
    return out


def _bulleted_in_cell(text: str, items: list[Item], breaks: tuple[int, ...]) -> list[Item]:
    """The items with the bulleted paragraphs of a table's cell that an item's text leads in to ("... to prepare a
    proposal on: ◦ minimum contents ...; ◦ a mechanism ...; ◦ indicators ...") as its sub-items, lettered; an item
    with sub-items of its own, or whose cell goes on otherwise, as it is."""
    parents = {it.parent for it in items if it.parent is not None}
    out: list[Item] = []
    moved: dict[int, int] = {}  # old position -> new
    for it in items:
        # (the agreement's cell: a row read whole ends it at its next cell, "... ports of entry. | Mexico (coordinator) ...")
        cell_end = text.find(" | ", it.span.start, it.span.end)
        end = cell_end if cell_end >= 0 else it.span.end
        lo, hi = bisect.bisect_right(breaks, it.span.start), bisect.bisect_left(breaks, end)
        inner = list(breaks[lo:hi])
        bullets = [b for b in inner if _CELL_BULLET.match(text, b, end)]
        if (it.parent is not None or it.position in parents or len(bullets) < 2 or bullets != inner
                or not text[it.span.start : bullets[0]].rstrip().endswith(":")):
            moved[it.position] = len(out) + 1
            out.append(Item(len(out) + 1, it.marker, it.number, None if it.parent is None else moved[it.parent], it.span, it.text,
                            it.marker_span, it.cells))
            continue
        head = Span(it.span.start, _rstrip_end(text, it.span.start, bullets[0]))
        moved[it.position] = at = len(out) + 1
        # (the row's other cell, "Mexico (coordinator), Guatemala, ...", says who follows it up)
        cells = it.cells or ((("who", Span(cell_end + 3, it.span.end)),) if cell_end >= 0 else ())
        out.append(Item(at, it.marker, it.number, None, head, clean(text[head.start : head.end]), it.marker_span, cells))
        for k, (b, nxt) in enumerate(zip(bullets, [*bullets[1:], end], strict=True)):
            bm = _CELL_BULLET.match(text, b, nxt)
            assert bm is not None
            span = Span(bm.end(), _rstrip_end(text, bm.end(), nxt))
            out.append(Item(len(out) + 1, bm.group("all").strip(), f"{it.number}.{_letters(k)}", at, span,
                            clean(text[span.start : span.end]).rstrip(";"), Span(b, bm.end())))
    return out


def _listed_on(items: list[Item], listed: list[Item]) -> list[Item]:
    """A label's list (``listed``, numbered on its own) as the agreements after ``items``: its top-level entries
    numbered on from theirs, its positions and parents shifted past them."""
    top = sum(1 for it in items if it.parent is None)
    shift = len(items)
    tops: dict[int, str] = {}
    out: list[Item] = []
    for it in listed:
        if it.parent is None:
            top += 1
            number = str(top)
            tops[it.position] = number
        else:
            # the sub-item's number under its top-level item's new one
            head, _, rest = it.number.partition(".")
            number = f"{tops.get(_top_of(listed, it), head)}.{rest}" if rest else it.number
        out.append(Item(it.position + shift, it.marker, number, None if it.parent is None else it.parent + shift,
                        it.span, it.text, it.marker_span, it.cells))
    return out


def _top_of(items: list[Item], item: Item) -> int:
    """The position of the top-level item ``item`` is under (its own where it is one)."""
    while item.parent is not None:
        item = items[item.parent - 1]
    return item.position


# A section that holds the discussion and what was agreed in it ("5. Discussion and agreements",
# "Debate y acuerdos").
_AGREED_SECTION = re.compile(r"\b(?:agreements|acuerdos|decisions|decisiones|conclusions|conclusiones)\b", re.I)
# A sentence that says what the meeting agreed ("the delegations agreed to adopt ...", "They further
# agreed that Mexico will ...", "It was also agreed to ask ...", "the Coalition decided to hold ...",
# "las delegaciones acordaron ..."); not "agreed with" an observation.
_AGREEING = re.compile(
    r"\b(?:agreed|decided|resolved)\s+(?:to|that|on)\b|\b(?:acordaron|decidieron|resolvieron|se\s+acord[oó]|se\s+decidi[oó])\b", re.I)
# An earlier meeting's ("At its previous meeting, ..., the Coalition agreed to prepare ...").
_EARLIER = re.compile(r"\b(?:previous|earlier|last|prior(?!\s+to\b)|anterior|pasada|pasado)\b", re.I)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"\u201c(\u00bf\u00a1]?[A-ZÁÉÍÓÚÑ])")


# A paragraph that opens by saying it is an agreement of the meeting's ("Se acuerda aprobar ...", "Se acordó
# solicitar ...", "It was agreed to ...").
_AGREED_PARAGRAPH = re.compile(r"(?:se\s+acuerda|se\s+acord[oó]|se\s+decide|se\s+decidi[oó]|it\s+was\s+agreed|it\s+is\s+agreed|"
                               r"it\s+was\s+decided)\b", re.I)


# A paragraph that says what the meeting's body did, its subject first ("The RCGM agreed to ...", "The Network requested
# ...", "El GRCM solicitó ...", "Los Viceministros acordaron ...").
_BODY_ACTED = re.compile(
    r"(?:(?:finally|lastly|furthermore|moreover|finalmente|por\s+[uú]ltimo|asimismo),\s+)?(?:(?:the|el|la|los|las)\s+(?:RCGM|GRCM|CRM|RCM|Network|Red|Coalition|Coalici[oó]n|(?:Working\s+)?Group|Grupo(?:\s+de\s+Trabajo)?|"
    # (or "They", the body named in the paragraphs before: "They also decided to approve ...")
    r"Vice-?Ministers|Viceministros|Member\s+Countries|Pa[ií]ses\s+Miembros)|they)\s+(?:also\s+|further\s+|adem[aá]s\s+|asimismo\s+)?"
    r"(?:agreed|requested|took\s+note|thanked|recommended|decided|approved|welcomed|instructed|invited|urged|endorsed|adopted|"
    r"acord[oó]|acordaron|solicit[oó]|solicitaron|tom[oó]\s+nota|tomaron\s+nota|agradeci[oó]|agradecieron|recomend[oó]|"
    r"recomendaron|decidi[oó]|decidieron|aprob[oó]|aprobaron|instruy[oó]|instruyeron|encomend[oó]|encomendaron|invit[oó]|"
    r"invitaron|inst[oó]|instaron)\b", re.I)


def _agreed_paragraphs(text: str, paras: list[Para], opening: re.Pattern[str] | None = None) -> tuple[list[Item], int] | None:
    """A record's agreements as unnumbered paragraphs among its narrative, each opening by saying it is
    one ("Se acuerda aprobar el Plan de Trabajo ...", "It was agreed to ..."), three at least, an earlier
    meeting's ("Se acordó en la reunión anterior ...") none; the list right under one that ends in a
    colon ("Se acuerda solicitar a la ST que: a) ... b) ...") its sub-items. The items and the index of
    the first; None when another list than the agenda's stands among them (then that list is read)."""
    lo = _agenda_end(text, paras, 0, len(paras))
    end = next((i for i in range(lo, len(paras)) if ANNEX.match(paras[i].text) or (
        (sh := _section_heading(text, paras[i])) is not None and PARTICIPANTS_HEADING.match(sh[1]))), len(paras))
    found = [k for k in range(lo, end) if _marker(text, paras[k]) is None and (said := (opening or _AGREED_PARAGRAPH).match(paras[k].text)) is not None
             # (an earlier meeting's, in the past: "Se acordó en la reunión anterior ...")
             and not ((opening is not None or said.group(0).lower().endswith(("acordó", "acordo", "decidió", "decidio", "agreed", "decided")))
                      and _EARLIER.search(paras[k].text[:150]))]
    if len(found) < 3:
        return None
    under: dict[int, list[int]] = {}
    for k in found:
        j = k + 1
        while paras[k].text.endswith(":") and j < end and _marker(text, paras[j]) is not None:
            under.setdefault(k, []).append(j)
            j += 1
    if sum(1 for j in range(lo, end) if _marker(text, paras[j]) is not None) != sum(len(v) for v in under.values()):
        return None
    items: list[Item] = []
    for n, k in enumerate(found, 1):
        p = paras[k]
        items.append(Item(len(items) + 1, None, str(n), None, Span(p.start, p.end), p.text))
        items += _lettered_under(text, paras, under.get(k, []), str(n), len(items))
    return items, found[0]


def _lettered_under(text: str, paras: list[Para], under: list[int], number: str, parent: int) -> list[Item]:
    """The marked paragraphs ``under`` as the sub-items of item ``number`` (at position ``parent``), lettered."""
    out: list[Item] = []
    for sub, j in enumerate(under):
        q = paras[j]
        mk = _marker(text, q)
        assert mk is not None
        out.append(Item(parent + len(out) + 1, mk[1], f"{number}.{_letters(sub)}", parent, Span(mk[2], q.end), clean(text[mk[2] : q.end]),
                        Span(q.start, mk[2])))
    return out


# A sentence of a narrative paragraph that says what was agreed ("... reconocieron el trabajo realizado. Se acordó
# tomar nota ...", "It was further agreed to ..."): capitalised, so at a sentence's start.
# (or the body that met agreed: "La Red acordó ...", "The Network agreed ..."; or a label: "Acuerdo: ...")
_AGREED_SENTENCE = re.compile(
    r"(?:Se\s+(?:acord[oó]|acuerda|decidi[oó]|decide)|It\s+was\s+(?:also\s+|further\s+)?(?:agreed|decided)|"
    r"(?P<lower>l)?(?(lower)(?:a|as|os)|(?:La|El|Las|Los))\s+(?:Red|Grupo|GRCM|Coalici[oó]n|delegaciones|Pa[ií]ses\s+Miembros|participantes)"
    r"\s+(?:acord[oó]|acordaron|decidi[oó]|decidieron)|"
    r"(?:The|(?P<the>t)he)\s+(?:Network|Group|RCGM|Coalition|delegations|Member\s+Countries|participants)\s+(?:(?:also|further)\s+)?(?:agreed|decided)|"
    r"(?P<label>(?:Acuerdo|Agreement|Decisi[oó]n|Decision|Agreed|Acordado|Decided)\s*:))(?(label)|\b)")
_AFTER_SENTENCE = re.compile(r"[.!?][\"'\u201d\u2019)]*\s*$")


def _agreed_in_narrative(text: str, paras: list[Para]) -> tuple[list[Item], int] | None:
    """A record of numbered sections of narrative whose agreements are sentences inside its paragraphs ("... Las
    delegaciones reconocieron el trabajo realizado. Se acordó tomar nota del Informe ..."): each such sentence, to
    the next one or its paragraph's end, an item, an earlier meeting's none; the list right under a paragraph that
    ends in a colon after one its sub-items. Three at least, and every other list marker a section's heading (a
    short line that ends no sentence); None otherwise."""
    lo = _agenda_end(text, paras, 0, len(paras))
    end = next((i for i in range(lo, len(paras)) if ANNEX.match(paras[i].text) or (
        (sh := _section_heading(text, paras[i])) is not None and PARTICIPANTS_HEADING.match(sh[1]))), len(paras))
    if end < len(paras) and not ANNEX.match(paras[end].text) and _AGREED_SENTENCE.search(text, paras[end].end) is not None:
        # (the participants listed first, "Present" / "In person: ..." over the minutes: the list ends nothing; an
        # annex, or another participants' heading after the minutes, does)
        end = next((i for i in range(end + 1, len(paras)) if ANNEX.match(paras[i].text) or (
            (sh := _section_heading(text, paras[i])) is not None and PARTICIPANTS_HEADING.match(sh[1]))), len(paras))
    starts: list[tuple[int, int]] = []  # (the paragraph, where its agreement's sentence starts)
    labels: set[tuple[int, int]] = set()  # those after a label ("Acuerdo:", "Agreed:")
    for k in range(lo, end):
        p = paras[k]
        if _marker(text, p) is not None or OPENING.search(p.text[:300]):
            continue
        for m in _AGREED_SENTENCE.finditer(text, p.start, p.end):
            # (lower case after an adverbial's comma: "Tras un intercambio de opiniones, la Red acordó ...")
            lower = m.group("lower") or m.group("the")
            if ((not lower and (m.start() == p.start or _AFTER_SENTENCE.search(text, max(p.start, m.start() - 4), m.start())))
                    or (lower and text[max(p.start, m.start() - 2) : m.start()] == ", ")) and not _EARLIER.search(
                    text, m.start(), min(p.end, m.start() + 150)):
                # (a label's text after it: "Acuerdo: Panamá se ofreció ...")
                starts.append((k, _strip_start(text, m.end(), p.end) if m.group("label") else m.start()))
                labels.add(starts[-1])
    if len(labels) >= 3:
        # (minutes that label what was agreed, "Agreed: ...", three times or more: those, not the narrative's
        # "The delegations agreed that ...")
        starts = [st for st in starts if st in labels]
    if len(starts) < 3:
        return None
    last_in = {k: s for k, s in starts}
    under: dict[int, list[int]] = {}
    for k in last_in:
        j = k + 1
        # (of the first one's kind: "a)" ... "b)", not the next section's "6." heading)
        kind = mk[0] if j < end and (mk := _marker(text, paras[j])) is not None else None
        while paras[k].text.endswith(":") and j < end and (mk := _marker(text, paras[j])) is not None and mk[0] == kind:
            under.setdefault(k, []).append(j)
            j += 1
    subs = {j for js in under.values() for j in js}
    for j in range(lo, end):
        if j not in subs and _marker(text, paras[j]) is not None and (len(paras[j].text) > 120 or _AFTER_SENTENCE.search(paras[j].text)):
            return None  # (a list of its own: that list is read)
    items: list[Item] = []
    for n, (k, s) in enumerate(starts, 1):
        p = paras[k]
        e = starts[n][1] if n < len(starts) and starts[n][0] == k else p.end  # (the next one in its paragraph)
        e = _rstrip_end(text, s, e)
        items.append(Item(len(items) + 1, None, str(n), None, Span(s, e), clean(text[s:e])))
        if last_in[k] == s:
            items += _lettered_under(text, paras, under.get(k, []), str(n), len(items))
    return items, starts[0][0]


def _agreed_sentences(text: str, paras: list[Para]) -> tuple[list[Item], int] | None:
    """A report without a list of agreements, whose section on the discussion and agreements says in
    running prose what was agreed: each sentence that does is an item ("... the delegations agreed
    to adopt the Strategic Plan ... . They further agreed to request the Technical Secretariat ...").
    The items and the index of the section's heading; None unless such a section, unmarked, has two
    such sentences."""
    at = next((i for i, p in enumerate(paras) if (h := _section_heading(text, p)) is not None
               and _AGREED_SECTION.search(h[1]) and not AGREEMENTS_HEADING.match(h[1])), None)
    if at is None:
        return None
    head = _section_heading(text, paras[at])
    readings = head[0] if head is not None else frozenset()
    end = next((j for j in range(at + 1, len(paras)) if ANNEX.match(paras[j].text) or (
        (h := _section_heading(text, paras[j])) is not None and (not readings or any((k, n - 1) in readings for k, n in h[0])))), len(paras))
    if any(_marker(text, paras[j]) is not None for j in range(at + 1, end)):
        return None
    # the sentences, one that a page break cut (its paragraph ends without a stop) joined to its rest
    # (a page's running header between the two halves, read as a paragraph, is skipped: the rest
    # starts in lower case)
    sentences: list[list[tuple[int, int]]] = []
    open_end = False
    section = paras[at + 1 : end]
    i = 0
    while i < len(section):
        p, joined = section[i], False
        if open_end and sentences:
            rest = next((j for j in range(i, min(i + 3, len(section))) if section[j].text[:1].islower()), None)
            if rest is not None:
                p, i, joined = section[rest], rest, True
        starts = [p.start, *(m.end() for m in _SENTENCE_BREAK.finditer(text, p.start, p.end))]
        for k, (a, b) in enumerate(zip(starts, [*starts[1:], p.end], strict=True)):
            piece = (a, _rstrip_end(text, a, b))
            if k == 0 and joined:
                sentences[-1].append(piece)
            else:
                sentences.append([piece])
        open_end = not SENTENCE_END.search(p.text)
        i += 1
    items: list[Item] = []
    for pieces in sentences:
        a, b = pieces[0][0], pieces[-1][1]
        verb = _AGREEING.search(text, a, pieces[0][1])
        if verb is None or _EARLIER.search(text, a, verb.start()):
            continue
        n = len(items) + 1
        items.append(Item(n, None, str(n), None, Span(a, b), clean("\n".join(text[x:y] for x, y in pieces))))
    return (items, at) if len(items) >= 2 else None


# A sentence that introduces the list after it ("... adopted the following agreements, which ...").
_FOLLOWING = re.compile(r"\b(?:the\s+following|los\s+siguientes|las\s+siguientes)\s+(?:agreements|recommendations|conclusions|decisions|"
                        r"acuerdos|recomendaciones|conclusiones|decisiones)\b"
                        # ("... the Liaison Officers agreed on the following (see table on next page).")
                        r"|\b(?:agreed|decided|acordaron|acord[oó])\s+(?:on\s+|upon\s+)?(?:the\s+following|lo\s+siguiente)(?=\s*[(.])", re.I)
# A numbered lead-in that says only that its subject agreed ("12. The RCGM agreed:").
_BARE_AGREED = re.compile(r"(?:the|el|la|los|las)\s+[\w-]+\s+(?:further\s+|also\s+|adem[aá]s\s+|asimismo\s+)?"
                          r"(?:agreed|decided|acord[oó]|acordaron|decidi[oó])\s*:\s*$", re.I)
# A narrative paragraph that reports an agreement ("It was further agreed that ...", "The Group also
# agreed to ...", "Se acordó además que ...").
_AGREED_THAT = re.compile(
    # ("RESOLVED:", "RESOLVED FURTHER:" at a numbered paragraph's start, as an early report marks them)
    r"(?:resolved(?:\s+further)?\s*:|resuelven?(?:\s+(?:adem[aá]s|asimismo))?\s*:)|"
    r"(?:it\s+was\s+(?:further\s+|also\s+)?(?:agreed|decided)|the\s+\w+\s+(?:further\s+|also\s+)?(?:agreed|decided)\s+(?:that|to)"
    r"|se\s+(?:acord[oó]|decidi[oó])(?:\s+(?:adem[aá]s|tambi[eé]n|asimismo))?\s+(?:que|lo\s+siguiente)?)\b", re.I)
_ABOUT_ATTENDANCE = re.compile(
    r"\b(?:took\s+part|participated|attended|participaron|asistieron|asisti[oó]|se\s+excus[oó]|excus[oó]|sent\s+(?:its|their)\s+apologies|"
    r"(?:as|in\s+the\s+capacity\s+of)\s+observers?|en\s+calidad\s+de\s+observador(?:es|as?)?|was\s+unable\s+to\s+attend|"
    r"no\s+pudo\s+asistir|did\s+not\s+attend)\b", re.I)
# An unnumbered paragraph between numbered agreements that is one more of them.
_ALSO_AGREED = re.compile(
    r"(?:(?:furthermore|moreover|in\s+addition|additionally|asimismo|adem[aá]s|igualmente),?\s+)?"
    # ("The RCGM further agreed that ... before that date": the one before's second paragraph)
    r"(?:the|el|la|los)\s+\w+\s+(?:also|tambi[eé]n|asimismo|adem[aá]s)\s+"
    r"|(?:furthermore|moreover|in\s+addition|additionally|asimismo|adem[aá]s),?\s+(?:the|el|la|los)\s+\w+\s+\w+", re.I)
_LATIN = ("bis", "ter", "quater", "quinquies")
_TOOK_PART = re.compile(r"\b(?:took\s+part|participated|attended|participaron|asistieron|estuvieron\s+presentes|"
                        r"con\s+la\s+(?:participaci[oó]n|presencia|asistencia)\s+de|with\s+the\s+(?:participation|attendance)\s+of|"
                        r"were\s+represented|estuvieron\s+representad[oa]s|"
                        # ("The meeting brought together the national commissions ... of Belize, Costa Rica, ...")
                        r"brought\s+together|gathered|reuni[oó]\s+a|congreg[oó]\s+a|"
                        # ("Dejaron constancia de la participación de las delegaciones de Belice, ...")
                        r"participaci[oó]n\s+de\s+(?:las\s+)?delegaciones\s+de|participation\s+of\s+the\s+delegations\s+of|"
                        # a virtual meeting's: "The following Member Countries connected to the meeting: ..."
                        r"connected\s+to\s+the\s+(?:meeting|session|videoconference)|se\s+conectaron\s+a\s+la\s+(?:reuni[oó]n|sesi[oó]n)|"
                        # a declaration's subject: "Los Viceministros y Jefes de Delegación de Canadá, ..."
                        r"heads\s+of\s+(?:the\s+)?delegations?\s+of|jefes(?:\s+y\s+jefas)?\s+de\s+(?:las\s+)?delegaci[oó]n(?:es)?\s+de)\b", re.I)


_PRESENT = re.compile(r"^[ \t]*(?:[^\W\d_]+[ \t]+){0,3}?(?:present|presentes|asistentes|participants|participantes|participating|conectad[oa]s|connected|"
                      r"attendance|asistencia)(?:[ \t]+[^\W\d_]+){0,3}[ \t]*:", re.I | re.M)
# The line under a country alone on its line in a list of participants that says it was absent.
_ABSENT_LINE = re.compile(r"\n[ \t]*\(?[ \t]*(?:" + ABSENT.pattern.replace(r"\b(?:", "(?:", 1) + r")", re.I)
# The same in a table's two cells without the colon ("Present Belize, Canada, ..."), when countries follow.
# ("Delegations connected | Canada, Costa Rica, ...": a Word table's row as the .docx reader writes it)
_PRESENT_CELL = re.compile(r"^[ \t]*(?:present|presentes|attendance|asistentes|participants|participantes|"
                           r"(?:countries|pa[ií]ses|delegations|member\s+countries|pa[ií]ses\s+miembros)\s+(?:present|presentes|participating|participantes|connected|attending|asistentes)|"
                           r"delegaciones\s+(?:presentes|participantes|conectadas))(?:[ \t]+|[ \t]*\|[ \t]*)(?=[A-ZÁÉÍÓÚÑ])", re.I | re.M)
_LABEL_LINE = re.compile(r"^[ \t]*[^\W\d_][\w ]{1,30}:", re.M)


# A run of three or more short codes in capitals, between commas and a last "y"/"and" ("BZ, CR, SV, GT,
# HN, MX, NI, PA, RD, EUA y CAN").
_CODE_RUN = re.compile(r"(?<!\w)[A-Z]{2,4}(?:[ \t]*,[ \t]*[A-Z]{2,4})+(?:,?[ \t]+(?:y|e|and|&)[ \t]+[A-Z]{2,4})?(?!\w)")
_CODE = re.compile(r"[A-Z]{2,4}")


def coded_countries(text: str, start: int, end: int, registry: Registry) -> list[Match]:
    """The countries a run of codes names ("Delegaciones participantes: BZ, CR, SV, ..., RD, EUA y CAN"):
    every code of a run of three or more that all name countries (ISO codes, "RD", "EUA"). A code alone,
    or in a run with one that names none ("OIM, ACNUR, CICR"), names no country: "CAN", "DO" are words."""
    found: list[Match] = []
    for run in _CODE_RUN.finditer(text, start, end):
        codes = [(c, registry.country_by_abbreviation(c.group(0))) for c in _CODE.finditer(text, run.start(), run.end())]
        if len(codes) >= 3 and all(e is not None for _, e in codes):
            found += [Match(c.start(), c.end(), e, c.group(0)) for c, e in codes if e is not None]
    return found


def _present_line(text: str, paras: list[Para], registry: Registry) -> tuple[list[Located], Span] | None:
    """The countries of a "Present:" entry of minutes, to the next labelled line ("In attendance:",
    "Apologies: Belize, Nicaragua, Panama." names the absent)."""
    for p in paras:
        # (from its line's start: "^" matches there only, and a text laid out in columns indents the label)
        ls = text.rfind("\n", 0, p.start) + 1
        m = _PRESENT.search(text, ls, p.end)
        if m is None:
            m = _PRESENT_CELL.search(text, p.start, p.end)
            line_end = text.find("\n", m.end(), p.end) if m is not None else -1
            if m is None or len(registry.find(text, {"country"}, m.end(), p.end if line_end < 0 else line_end)) < 2:
                continue
        nxt = _LABEL_LINE.search(text, m.end(), p.end)
        end = nxt.start() if nxt is not None else p.end
        found: list[Located] = []
        named = registry.find(text, {"country"}, m.end(), end)
        if coded := coded_countries(text, m.end(), end, registry):
            # (by their codes: "Delegaciones participantes: BZ, CR, ..., RD, EUA y CAN")
            named = sorted([*named, *(c for c in coded if not any(x.start < c.end and c.start < x.end for x in named))],
                           key=lambda x: x.start)
        for c in named:
            if _absent(text, c.start, m.end(), end):
                continue  # ("... and the United States. The delegation of Belize sent its apologies.")
            code = c.entry.notation or c.entry.iri
            if all(x.value != code for x in found):
                found.append(Located(code, Span(c.start, c.end)))
        if found:
            return found, Span(m.start(), end)
    return None


# "all the Member Countries", "todos los Países Miembros (de la CRM)" ...
_ALL_MEMBERS = re.compile(r"\b(?:all|tod[oa]s)\s+(?:the\s+|los\s+|las\s+)?(?:eleven\s+|once\s+|11\s+)?(?:(?:RCM|CRM)\s+)?"
                          r"(?:member\s+(?:countries|states)|pa[ií]ses\s+miembros)"
                          r"(?:\s+(?:of\s+the\s+(?:RCM|Conference)|de\s+la\s+(?:CRM|Conferencia)))?", re.I)
# A meeting named in a sentence, and the ways of naming the one reported on.
_SOME_MEETING = re.compile(r"(?:\w+\s+){0,2}(?:meeting|session|reuni[oó]n|sesi[oó]n)\b", re.I)
_THIS_MEETING = re.compile(r"(?:(?:\w+\s+)?(?:this|the|present|la|esta|presente|dicha)\s+)+(?:meeting|session|reuni[oó]n|sesi[oó]n)\b", re.I)
# ... "except Belize", "con excepción de Belice y de la República Dominicana"
_EXCEPT = re.compile(r"(?:\b|,)[ \t\n]*(?:except(?:\s+for)?|with\s+the\s+exception\s+of|excepto|salvo|"
                     r"con\s+(?:la\s+)?excepci[oó]n\s+de)\s", re.I)


def _all_members_but(text: str, paras: list[Para], registry: Registry, day: DateRange | None = None) -> tuple[list[Located], Span] | None:
    """The delegations of a sentence that says all the Member Countries took part, but for some
    ("Asistieron representantes de todos los Países Miembros, con excepción de Belice y de la
    República Dominicana"): every member country the registry knows, less those it names after
    "except"; each traced to the words "all the Member Countries"."""
    for p in paras:
        for m in _ALL_MEMBERS.finditer(text, p.start, p.end):
            # (to the phrase's first letter: the break's lookahead sees it)
            begin = max((x.end() for x in _SENTENCE_BREAK.finditer(text, p.start, m.start() + 1)), default=p.start)
            stop = next((x.start() for x in _SENTENCE_BREAK.finditer(text, m.end(), p.end)), p.end)
            if not (_TOOK_PART.search(text, begin, stop) or _ATTENDANCE.search(text, begin, m.start())
                    or re.search(r"\b(?:attend|asisti|particip)", text[begin:stop], re.I)):
                continue  # ("Solicitar a todos los Países Miembros ...": not who attended)
            if _OPEN_TO.search(text, max(begin, m.start() - 60), m.start()):
                continue  # ("a virtual workshop ..., open to officials of all Member Countries": who may take part in it)
            sentence = text[begin:stop]
            # ("The meeting took place on June 10, 2020, ..., with the participation of all eleven Member
            # Countries": the meeting's own day is no other meeting's)
            dated = [d for d in find_dates(sentence)
                     if day is None or d.start > (day.end or day.start) or (d.end or d.start) < day.start]
            if len(sentence) > 1500 or dated or any(not _THIS_MEETING.fullmatch(x.group(0)) for x in _SOME_MEETING.finditer(sentence)):
                continue  # ("All Member Countries attended the Washington meeting ...": another meeting's)
            ex = _EXCEPT.search(text, m.end(), stop)
            left = {x.entry.iri for x in registry.find(text, {"country"}, ex.end(), stop)} if ex else set()
            span = Span(m.start(), m.end())
            members = [e for e in registry.of_kind("country") if e.get(ORG + "hasMembership") and e.iri not in left]
            return [Located(e.notation or e.iri, span) for e in members], Span(begin, stop)
    return None


_OPEN_TO = re.compile(r"\b(?:open\s+to|abiert[oa]s?\s+a|dirigid[oa]s?\s+a|addressed\s+to|aimed\s+at)\b[^.;:]{0,50}$", re.I)
_OF_DELEGATIONS = re.compile(r"\b(?:delegaci[oó]n|delegaciones|delegations?|member\s+countries|pa[ií]ses\s+miembros)\b", re.I)


# A signature line of an acta's heads of delegation: "Por Belice: Sr. ...", "For the United States of America:".
_SIGNED_FOR = re.compile(r"^[ \t]*(?:por|for)[ \t]+(?P<name>(?:(?:el|la|los|the)[ \t]+)?(?:(?:gobierno|government|delegaci[oó]n|delegation)[ \t]+"
                         r"(?:de|of)[ \t]+(?:(?:la|el|los|las|the)[ \t]+)?)?)", re.I | re.M)  # ("Por el Gobierno de la República de Costa Rica")


# A declaration's closing sentence that names who signed it: "Signed by the heads of delegation of Belize,
# Canada, ...", "Firmada por los Jefes de Delegación de Belice, Canadá, ...".
SIGNED_BY = re.compile(r"\b(?:signed|adopted)\s+by\s+the\s+heads?\s+of\s+(?:the\s+)?delegations?\s+of\s+"
                       r"|\b(?:firmad[oa]|suscrit[oa]|adoptad[oa])\s+por\s+(?:los|las)\s+(?:jef[ea]s|representantes)\s+de\s+(?:las\s+)?"
                       r"delegaci[oó]n(?:es)?\s+de\s+", re.I)


# A grid's heading line of country codes in columns ("            BLZ  CAN  CRI  DOM ...") and a row that marks
# who was present under them ("Present           X    X    X ..."), as a text table of attendance has them.
_CODE_HEADING = re.compile(r"^[ \t]*(?:[A-Z]{2,3}[ \t]+){4,}[A-Z]{2,3}[ \t]*$", re.M)
_PRESENT_ROW = re.compile(r"^[ \t]*(?:present(?:es)?|presente|asisti[oó]|asistencia|attended|attendance|in\s+attendance)[ \t]*:?(?=[ \t])", re.I)


def _marked_grid(text: str, registry: Registry) -> tuple[list[Located], Span] | None:
    """The countries marked present in a text grid of attendance: a line of three or more country codes in
    columns, and under it (within four lines) a "Present" row whose marks ("X", "x", "✓") fall in their
    columns."""
    for hm in _CODE_HEADING.finditer(text):
        codes = [(m.start(), m.end(), registry.country_by_abbreviation(m.group(0))) for m in re.finditer(r"[A-Z]{2,3}", hm.group(0))]
        if sum(1 for *_, e in codes if e is not None) < 3:
            continue
        at = hm.end() + 1
        for _ in range(4):
            line_end = text.find("\n", at)
            line = text[at : len(text) if line_end < 0 else line_end]
            if (pm := _PRESENT_ROW.match(line)) is not None:
                found: list[Located] = []
                for mk in re.finditer(r"[Xx\u2713\u2714]", line[pm.end() :]):
                    col = pm.end() + mk.start()
                    # (the code whose column the mark stands in: between its start and the next code's)
                    hit = next((e for k, (a, b, e) in enumerate(codes) if e is not None and a - 2 <= col
                                and (k + 1 == len(codes) or col < codes[k + 1][0] - 1)), None)
                    if hit is not None and all(x.value != (hit.notation or hit.iri) for x in found):
                        found.append(Located(hit.notation or hit.iri, Span(at + col, at + col + 1)))
                if len(found) >= 3:
                    return found, Span(hm.start(), at + len(line))
                break
            if line_end < 0:
                break
            at = line_end + 1
    return None


_CODE_ROW = re.compile(r"^[ \t]*(?:[A-Z]{2,3}[ \t]*\|[ \t]*){2,}[A-Z]{2,3}[ \t]*$", re.M)
_YES_MARK = re.compile(r"[\u2713\u2714\u2611]|s[ií]|yes|x", re.I)
_NO_MARK = re.compile(r"(?:[\u2717\u2718\u2612\u2610\u2014\u2013-]|no)?", re.I)


def _marked_code_row(text: str, registry: Registry) -> tuple[list[Located], Span] | None:
    """The countries marked present in a table across the page: a row of three or more country codes ("BZ | CA | CR
    | ...") over a row of as many marks ("✗ | ✗ | ✓ | ..."; "X" only where no "✓" is used): those whose mark says
    yes."""
    for hm in _CODE_ROW.finditer(text):
        codes = [registry.country_by_abbreviation(c.strip()) for c in hm.group(0).split("|")]
        if sum(1 for e in codes if e is not None) < 3:
            continue
        at = text.find("\n", hm.end()) + 1
        while at and at < len(text) and text[at] in "\r\n":
            at += 1
        line_end = text.find("\n", at) if at else -1
        line = text[at : len(text) if line_end < 0 else line_end] if at else ""
        starts = [0, *(m.end() for m in re.finditer(r"\|", line))]
        cells = [c.strip() for c in line.split("|")]
        if len(cells) != len(codes) or not all(_YES_MARK.fullmatch(c) or _NO_MARK.fullmatch(c) for c in cells):
            continue
        ticked = any(re.fullmatch(r"[\u2713\u2714\u2611]", c) for c in cells)
        found: list[Located] = []
        for e, c, st in zip(codes, cells, starts, strict=True):
            if e is not None and _YES_MARK.fullmatch(c) and not (ticked and c.lower() == "x"):
                lead = len(line[st:]) - len(line[st:].lstrip())
                found.append(Located(e.notation or e.iri, Span(at + st + lead, at + st + lead + len(c))))
        if len(found) >= 3:
            return found, Span(hm.start(), at + len(line))
    return None


def _joined_by_chat(text: str, registry: Registry) -> tuple[list[Located], Span] | None:
    """The countries of a chat's join notices ("Karla Mejía (Honduras – SRECI) se unió a la reunión"), when three
    or more join so: the delegations that took part (one that joined late too)."""
    found: list[Located] = []
    first = last = None
    for m in CHAT_JOINED_LINE.finditer(text):
        c = next(iter(registry.find(text, {"country"}, m.start("where"), m.end("where"))), None)
        if c is None:
            continue
        code = c.entry.notation or c.entry.iri
        if all(x.value != code for x in found):
            found.append(Located(code, Span(c.start, c.end)))
        first, last = first if first is not None else m.start(), m.end()
    return (found, Span(first, last)) if len(found) >= 3 and first is not None and last is not None else None


def _signatories(text: str, registry: Registry) -> tuple[list[Located], Span] | None:
    """The countries of an acta's signature lines ("Por Belice: Sr. Ruben Campos, ...", one a line),
    when three or more sign, or of a closing sentence that says who signed ("Signed by the heads of
    delegation of Belize, Canada, ..."): the heads of the delegations that attended."""
    if (sm := SIGNED_BY.search(text)) is not None:
        stop = sm.end() + (dot.start() if (dot := re.search(r"\.(?:\s|$)", text[sm.end() : sm.end() + 600])) else 600)
        signed = _countries(text, registry, sm.end(), stop)
        codes = list(dict.fromkeys(c.entry.notation or c.entry.iri for c in signed))
        if len(codes) >= 3:
            return [Located(c, Span(m.start, m.end)) for c in codes for m in signed if (m.entry.notation or m.entry.iri) == c][: len(codes)], \
                Span(sm.start(), stop)
    found: list[Located] = []
    first = last = None
    for m in _SIGNED_FOR.finditer(text):
        # (the country where the words after "Por" end, or where they start: "Por El Salvador:")
        named = registry.find(text, {"country"}, m.start("name"), min(len(text), m.end() + 40))
        c = next((n for n in named if n.start in (m.start("name"), m.end())), None)
        if c is None:
            continue
        code = c.entry.notation or c.entry.iri
        if all(x.value != code for x in found):
            found.append(Located(code, Span(c.start, c.end)))
        first, last = first if first is not None else m.start(), c.end
    return (found, Span(first, last)) if len(found) >= 3 and first is not None and last is not None else None


def _signature_table(text: str, registry: Registry) -> tuple[list[Located], Span] | None:
    """The countries of a signature table without a heading: rows "Canada | Lisa Hargreaves | Director General
    ...", each opening with a member country, five or more; "Belize | (absent)" signed for none."""
    if " | " not in text:
        return None
    first = last = None
    run: list[Located] = []
    for m in _SIGNATURE_ROW.finditer(text):
        named = registry.find(text, {"country"}, m.start("country"), m.end("country"))
        if len(named) != 1 or (named[0].start, named[0].end) != (m.start("country"), m.end("country")):
            continue
        if not _PERSON_NAME.match(m.group("rest").split(" | ")[0].strip()):
            continue  # ("(absent)", "—", "X": no one signed for it)
        code = named[0].entry.notation or named[0].entry.iri
        if all(x.value != code for x in run):
            run.append(Located(code, Span(named[0].start, named[0].end)))
            first, last = first if first is not None else m.start(), named[0].end
    return (run, Span(first, last)) if len(run) >= 5 and first is not None and last is not None else None


# A row of a signature table as the .docx reader writes it: "Canada | Lisa Hargreaves | Director General, ...".
_SIGNATURE_ROW = re.compile(r"^[ \t]*(?P<country>[^|\n]{4,40}?)[ \t]+\|[ \t]+(?P<rest>[^\n]+)$", re.M)
# (a person's name in the next cell: "Lisa Hargreaves", "Sr. Rafael Peña", "Ana Gladys Portillo de Mena")
_PERSON_NAME = re.compile(r"(?:(?:sr|sra|srta|mr|mrs|ms|dr|lic|licda|embajador[a]?|ambassador)\.?\s+)?[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+(?:[ .-]+[A-ZÁÉÍÓÚÑ]\.?[a-záéíóúñ]*|\s+(?:de|del|de\s+la)\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+)+\.?$")


def _countries(text: str, registry: Registry, start: int, end: int) -> list[Match]:
    """The countries ``text[start:end]`` names, by name or in a run of codes (:func:`coded_countries`), with those
    a scan misread ("Canad~", "Guatemaia") where the text is an uncorrected scan's."""
    named = registry.find(text, {"country"}, start, end)
    if coded := coded_countries(text, start, end, registry):
        # (by their codes: "Participaron las delegaciones de BZ, CR, SV, ..., RD, EUA y CAN")
        named = sorted(named + [m for m in coded if all(m.end <= x.start or m.start >= x.end for x in named)],
                       key=lambda m: m.start)
    if not _ocr_text(text):
        return named
    more = [m for m in registry.find_ocr(text, start, end) if all(m.end <= x.start or m.start >= x.end for x in named)]
    return sorted(named + more, key=lambda m: m.start) if more else named


_OCR_MEMO: tuple[str | None, bool] = (None, False)


def _ocr_text(text: str) -> bool:
    # (asked for each paragraph that may say who attended: the answer for the report's text, kept in one tuple
    # replaced whole, so threads never mix texts)
    global _OCR_MEMO
    memo = _OCR_MEMO
    if memo[0] is not text:
        memo = _OCR_MEMO = (text, ocr_like(text))
    return memo[1]


def _attendance_paragraph(text: str, paras: list[Para], registry: Registry) -> tuple[list[Located], Span] | None:
    """The countries of the first paragraph that says who took part ("Vice-Ministers and heads of
    delegation of Belize, ... took part. The delegation of Nicaragua ... did not connect."): three or
    more countries and a verb of attendance, the absent left out."""
    for k, p in enumerate(paras):
        if not _TOOK_PART.search(text, p.start, p.end):
            continue
        named = registry.find(text, {"country"}, p.start, p.end)
        if len(named) < 3:
            continue
        found: list[Located] = []
        end = p.end
        # (and those of the paragraphs right after it that say who took part in another session or
        # body's meeting: "Red de ... Trata de Personas (sesión del 26 de noviembre): participaron ...")
        for q in paras[k:]:
            if q is not p and (_section_heading(text, q) is not None or not _TOOK_PART.search(text, q.start, q.end)
                               # (of the delegations: not "The RROCM was represented by its chapters in Belize, ...")
                               or not _OF_DELEGATIONS.search(text, q.start, q.end)):
                break
            named = _countries(text, registry, q.start, q.end)
            gone = {m.entry.iri for m in named if _absent(text, m.start, q.start, q.end)}  # (said absent anywhere in it)
            for m in named:
                code = m.entry.notation or m.entry.iri
                if m.entry.iri not in gone and all(x.value != code for x in found):
                    found.append(Located(code, Span(m.start, m.end)))
            end = q.end
        if found:
            return found, Span(p.start, end)
    return None


# "Ms. Ana López (Guatemala)" at a line's end, or "- Julia Mendoza (El Salvador) - Vice-Ministry ..."
_COUNTRY_IN_PARENS = re.compile(r"\(([^()\n]{3,40})\)[ \t]*$|^[ \t]*(?:[-\u2022*][ \t]*)?@?[A-ZÁÉÍÓÚÑ][^()\n\d]{2,50}?\(([^()\n]{3,40})\)"
                                r"(?=[ \t]*(?:[-\u2013\u2014,;:]|$))", re.M)
_ATTEND_LEAD = re.compile(r"\b(?:particip\w*|asistieron|attended|took\s+part|represented|representad[oa]s|present[ea]s?)\b"
                          r".{0,80}\b(?:delegations|delegaciones|countries|pa[ií]ses)\b|\b(?:delegations|delegaciones|countries|pa[ií]ses)\b"
                          r".{0,40}\b(?:particip\w*|asistieron|attended|took\s+part|represented|representad[oa]s|present[ea]s?)\b"
                          # (a label alone over the list: "Connected:", "Conectados:", "Present:", "Asistentes:")
                          r"|^\s*(?:connected|conectad[oa]s|present|presentes|attending|asistentes|in\s+attendance)\s*:\s*$", re.I)


_TO_VERB = re.compile(r"To\s+[a-z]{3,}\b")
# A row's cells that mark no attendance at all ("Nicaragua   -   -" under "Country   Day 1   Day 2").
_NO_MARKS = re.compile(r"(?:[ \t]{2,}|[ \t]*\|[ \t]*)(?:-|\u2013|\u2014|no)(?:(?:[ \t]{2,}|[ \t]*\|[ \t]*)(?:-|\u2013|\u2014|no))*[ \t]*", re.I)
# A column that marks who was absent, and the marks that say so.
_ABSENT_COLUMN = re.compile(r"absent|ausentes?|did\s+not\s+attend|no\s+asisti[oó]|excused|excus[oó]", re.I)
_MARKED = frozenset({"x", "\u2713", "\u2714", "\u2611", "yes", "s\u00ed", "si", "*"})
_ATTENDED_COLUMN = re.compile(r"(?:connected|attended|present|participated|conectad[oa]|asisti[oó]|presente|particip[oó]|asistencia)\b", re.I)


# What may stand between the countries of a line that lists them and nothing else.
_LIST_SEPARATORS = re.compile(r"[\s\u00b7\u2022\u2219;,/]+|\b(?:y|and|e)\b")


def _listed_participants(text: str, paras: list[Para], registry: Registry) -> tuple[list[Located], Span] | None:
    """The countries of the first list of participants under its heading (:func:`_listed_under`) that names two
    or more; where the first names fewer (a sentence that counts them, "con la participación de representantes
    de diez Países Miembros ... La lista de participantes se adjunta como Anexo I"), the next such heading's,
    an annex's table, up to three of them."""
    best = cur = _listed_under(text, paras, registry, 0)
    for _ in range(3):
        if cur is None or best is None or len(best[0]) >= 2:
            break
        at = next((i for i, p in enumerate(paras) if p.start >= cur[1].end), None)
        cur = _listed_under(text, paras, registry, at) if at is not None else None
        if cur is not None and len(cur[0]) > len(best[0]):
            best = cur
    return best if best is not None and best[0] else None


_AGREEMENTS_OR_PARTICIPANTS = re.compile(f"(?:{AGREEMENTS_HEADING.pattern})|(?:{PARTICIPANTS_HEADING.pattern})", re.I)


def _heading_then_list(text: str, p: Para, heading: re.Pattern[str] = PARTICIPANTS_HEADING) -> list[Para]:
    """``p``, or its first line and the rest apart where that line is only a participants' heading ("Present",
    "Participants:"), or another ``heading``, over lines of a list."""
    if len(p.lines) < 2 or len(first := clean(text[p.lines[0][0] : p.lines[0][1]])) > 40 or not heading.match(first):
        return [p]
    if all(len(text[a:b].strip()) < 25 for a, b in p.lines[1:]):
        return [p]  # (a table's heading cells one a line, "Acuerdo" / "Responsable" / "Estado": no list under a heading)
    rest = p.lines[1][0]
    return [_line_para(text, *p.lines[0]), Para(rest, p.end, p.lines[1:], clean(text[rest : p.end]))]


def _listed_under(text: str, paras: list[Para], registry: Registry, from_para: int) -> tuple[list[Located], Span] | None:
    """From the paragraph ``from_para`` on, the countries of a list of participants under its heading, to the
    next section's heading (of its numbering, or an agreements or other section's): each line that starts
    with a country (after a list marker, a table's "|" or "Delegation of"), but under an observers' heading
    ("OBSERVER COUNTRIES", "Países observadores") until a members' one; a line that continues a wrapped one
    ("... Embassy in" / "Panama") names no delegation; a sentence under the heading ("Asistieron
    delegaciones de ...") names those it names, but for the absent (:func:`_absent`). None without such a
    heading; an empty list, with the list's span, where it names no country."""
    # (a heading on the first line of its list's paragraph, no blank line under it: "Present" / "- Honduras (chair): ...";
    # read as a heading over the rest)
    paras = [*paras[:from_para], *(q for p in paras[from_para:] for q in _heading_then_list(text, p))]
    at = next((i for i, p in enumerate(paras[from_para:], from_para) if (h := _section_heading(text, p)) is not None
               and PARTICIPANTS_HEADING.match(h[1])), None)
    lead = None
    after_list: Para | None = None  # (the sentence that ends a list under a lead-in)
    if at is None and from_para:
        return None  # (no later heading: a lead-in's list is looked for from the start only)
    if at is None:
        # or a sentence that introduces the list ("Participaron representantes de las siguientes
        # delegaciones:", "The following delegations attended:"), the list the paragraphs under it
        lead = next((i for i, p in enumerate(paras[:-1]) if p.text.endswith(":") and _ATTEND_LEAD.search(p.text)
                     and registry.find(text, {"country"}, paras[i + 1].start, paras[i + 1].end)), None)
        if lead is None:
            return None
        at = lead
    head = _section_heading(text, paras[at])
    readings = head[0] if head is not None and lead is None else frozenset()
    end = len(text)
    for q in paras[at + 1 :]:
        if lead is not None:
            # (a long line that starts with a country after a list marker, "- Costa Rica (PPT): Priscilla
            # Solano Arce (Coalición Nacional ...)", is one of the list's)
            lm = _LIST_LEAD.match(text, q.start, q.end)
            listed = lm is not None and lm.end() > q.start and any(m.start == lm.end() for m in registry.find(text, {"country"}, lm.end(), q.end))
            if not listed and (mm := _MODE_LABEL.match(text, q.start, q.end)) is not None:
                # ("In person: Costa Rica, El Salvador, ..." / "Virtual: Belize, Canada, ...": who took part, by how)
                listed = any(m.start == mm.end() for m in registry.find(text, {"country"}, mm.end(), q.end))
            if not listed and len(q.lines) >= 2:
                # (or one country a line, without markers: "Países participantes:" / "Belice" / "Canadá" ...)
                starts = {m.start for m in registry.find(text, {"country"}, q.start, q.end)}
                # (its first line a table's heading row: "Country<TAB>Institution" / "Belize<TAB>Ministry of ...")
                rows = q.lines[1:] if "\t" in text[q.lines[0][0] : q.lines[0][1]] or " | " in text[q.lines[0][0] : q.lines[0][1]] else q.lines
                listed = all(a + len(text[a:b]) - len(text[a:b].lstrip()) in starts for a, b in rows)
            if (len(q.text) > 80 and not listed) or (_section_heading(text, q) is not None
                                                     and not registry.find(text, {"country"}, q.start, q.end)):
                end = q.start  # the list's end: a sentence or a heading
                after_list = q
                break
            continue
        if ((mq := _marker(text, q)) is not None and mq[0] in ("dec", "decp", "decd") and len(q.text) > 60
                and (_ITEM_VERB.match(text, mq[2]) or _TO_VERB.match(text, mq[2]))):
            end = q.start  # (the agreements, numbered, with no heading over them: "1. To thank the Government of ...")
            break
        nxt = _section_heading(text, q)
        if nxt is None:
            continue
        if (readings and any((k, n - 1) in readings for k, n in nxt[0])) or (
                not nxt[0] and (AGREEMENTS_HEADING.match(nxt[1]) or OTHER_SECTION.match(nxt[1]))) or (
                # an unnumbered list's end: the report's numbered sections ("1. OPENING"), not a
                # numbered country ("1. BELIZE")
                not readings and nxt[0] and nxt[1].isupper() and not registry.find(text, {"country"}, q.start, q.end)):
            end = q.start
            break
    found: list[Located] = []
    # A sentence wrapped over several lines ("... con la participación de las delegaciones de
    # Belice, Canadá, ..., Estados" / "Unidos de América, ... y Panamá."): read whole, not by line.
    wrapped_sentences: list[tuple[int, int]] = []
    for q in paras[at + 1 :]:
        if q.start >= end:
            break
        if (len(q.lines) > 1 and SENTENCE_END.search(q.text) and len(named := registry.find(text, {"country"}, q.start, q.end)) >= 2
                and not _OBSERVERS_LABEL.match(q.text)
                # (not a list whose lines start with a country each: "Belize ..... RNCOM: ...")
                and not _list_like(text, q, named)):
            wrapped_sentences.append((q.start, q.end))
            # (one said absent in a clause is so in the next: "No se conectaron las delegaciones de
            # Estados Unidos de América y Nicaragua. La delegación de Estados Unidos ... envió ...")
            gone = {m.entry.iri for m in named if _absent(text, m.start, q.start, q.end)}
            for m in named:
                code = m.entry.notation or m.entry.iri
                if m.entry.iri not in gone and all(x.value != code for x in found):
                    found.append(Located(code, Span(m.start, m.end)))
    observers = False
    gridded = False  # (rows of countries only seen: a country alone on a row is one of them, its other cells empty)
    prev = ""
    table_rows = text.count(" | ", paras[at].end, end) and sum(" | " in text[a + paras[at].end : b + paras[at].end]
                                                              for a, b in _lines(text[paras[at].end : end]))
    # A column that says whether each delegation took part ("Member Country | Institution | Connected
    # (Yes/No)"): a row that says "No" there names no delegation of the meeting.
    attended_col = absent_col = None
    if table_rows:
        heading_row = next((text[a + paras[at].end : b + paras[at].end] for a, b in _lines(text[paras[at].end : end])
                            if " | " in text[a + paras[at].end : b + paras[at].end]), "")
        attended_col = next((k for k, cell in enumerate(heading_row.split(" | ")) if _ATTENDED_COLUMN.match(cell.strip())), None)
        # ("Country | Present | Absent" / "Belize | — | X": marked absent)
        absent_col = next((k for k, cell in enumerate(heading_row.split(" | ")) if _ABSENT_COLUMN.fullmatch(cell.strip())), None)
    # A list set in two columns of spaces ("Belize      Honduras" / "  Ms. ...    Mr. ..."): read a column
    # at a time, the other blanked (offsets kept: ``text`` is that column's view in the loop)
    whole = text
    views = _participant_columns(text, paras[at].end, end, registry) or (text,)
    for text, s, e in [(v, s, e) for v in views for s, e in _lines(v[paras[at].end : end])]:
        s, e = s + paras[at].end, e + paras[at].end
        if s == paras[at].end:
            prev = ""  # (a column's first line continues no line of the other)
        if wrapped_sentences and (i := bisect_right(wrapped_sentences, (s, len(text)))) and s < wrapped_sentences[i - 1][1]:
            continue  # (a line of a sentence read whole above; the spans are sorted: one bisection)
        line = text[s:e].strip()
        if not line:
            prev = ""
            continue
        named = registry.find(text, {"country"}, s, e)
        # (a label over its lines, "Countries absent:", as one without its colon)
        if len(line) < 60 and not SENTENCE_END.search(line.rstrip(":")) and not named:
            if re.search(r"observ|^(?:apologies|excused|absent|ausentes?|excusas|no\s+asistieron|(?:countries|pa[ií]ses|delegations|delegaciones)\s+"
                         r"(?:absent|ausentes|excused|excusad[oa]s))\b", line, re.I):
                observers = True  # (under "Observers" or "Apologies": no delegation)
            elif re.search(r"\b(?:member|miembros?)\b|^(?:present|presentes|attending|asistentes)\b", line, re.I):
                observers = False
        if _OBSERVERS_LABEL.match(line):
            observers = True  # ("Observers / partners: Embassy of the United States ...": its lines name no delegation)
        wrapped = bool(_WRAPPING.search(prev))
        prev = line
        if observers:
            continue
        if _ABSENT_LABEL.match(line):
            continue  # "Apologies: Nicaragua.", "Ausentes: Belice y Nicaragua"
        if len(named) >= 2 and SENTENCE_END.search(line):
            # a sentence naming the delegations ("Asistieron delegaciones de Belice, Canadá, ...")
            for m in named:
                code = m.entry.notation or m.entry.iri
                if not _absent(text, m.start, s, e) and all(x.value != code for x in found):
                    found.append(Located(code, Span(m.start, m.end)))
            continue
        if len(named) >= 2 and not _LIST_SEPARATORS.sub("", "".join(
                text[a:b] for a, b in zip([s, *(m.end for m in named)], [*(m.start for m in named), e], strict=True))):
            # a line of countries only, between dots ("Belize · Canada · Costa Rica · ..."): each of them
            for m in named:
                code = m.entry.notation or m.entry.iri
                if all(x.value != code for x in found):
                    found.append(Located(code, Span(m.start, m.end)))
            continue
        if " | " in line and (grid := _country_cells(text, s, e, registry)) is not None:
            # a row of a table of countries by how they took part ("In person | Virtual" / "Costa Rica |
            # Belize"): every cell's country
            for m in grid:
                code = m.entry.notation or m.entry.iri
                if all(x.value != code for x in found):
                    found.append(Located(code, Span(m.start, m.end)))
            gridded = True
            continue
        if len(named) >= 2 and (joined := _joined_participant_rows(text, named, s, e)):
            # a PDF's list read as one line ("Canadá Sra. Jennifer Boucher, Consejera ... Costa Rica Sr. Mauricio Alfaro
            # ... Observadores Ecuador; Perú"): each country a participant's title follows
            for m in joined:
                code = m.entry.notation or m.entry.iri
                if all(x.value != code for x in found):
                    found.append(Located(code, Span(m.start, m.end)))
            continue
        lm = _LIST_LEAD.match(text, s, e)
        lead = lm.end() if lm else s
        of = _DELEGATION_OF.match(text, lead, e)
        lead = of.end() if of else lead
        match = next((m for m in registry.find(text, {"country"}, lead, e) if m.start == lead), None)
        if match is None and (pm := _COUNTRY_IN_PARENS.search(text, s, e)) is not None:
            # "Ms. Ana López (Guatemala)": a participant's name, then the country
            g = 1 if pm.group(1) is not None else 2
            # (or the country and its institution: "@Héctor Villalobos (Mexico – INM)")
            match = next((m for m in registry.find(text, {"country"}, pm.start(g), pm.end(g))
                          if m.start == pm.start(g) and (m.end == pm.end(g) or re.match(r"[ \t]*[-\u2013\u2014,/][ \t]", text[m.end : pm.end(g)]))
                          and not OBSERVING.search(text, m.end, pm.end(g)) and not re.search(r"\bobserver|observador", text[m.end : pm.end(g)], re.I)), None)
            if match is not None:
                code = match.entry.notation or match.entry.iri
                if all(x.value != code for x in found):
                    found.append(Located(code, Span(match.start, match.end)))
            continue
        if match is None and _PERSON_FIRST.match(text, s, e):
            # "Sra. Ana Lucía Montero Vargas Costa Rica": a participant's name, then the country, the line's last words
            # (not "... Embajada de México en Costa Rica": a country after a preposition is an institution's)
            last = [m for m in named if not text[m.end : e].strip(" .;,")
                    and not re.search(r"\b(?:en|in|de|del|of|to|ante|a|at)\s*$", text[s : m.start], re.I)]
            if last and not ABSENT.search(text, s, e) and not OBSERVING.search(text, s, e):
                code = last[-1].entry.notation or last[-1].entry.iri
                if all(x.value != code for x in found):
                    found.append(Located(code, Span(last[-1].start, last[-1].end)))
            continue
        if match is None or not (after := _AFTER_COUNTRY.match(text, match.end, e)):
            continue
        if wrapped and not of and after.end() == e:
            continue  # a country alone on a line that ends a wrapped one: part of a name
        if (attended_col is not None and " | " in line and attended_col < len(cells := line.split(" | "))
                and cells[attended_col].strip().lower().rstrip(".") == "no"):
            continue  # "Belize | Immigration and Nationality Department | No"
        if (absent_col is not None and " | " in line and absent_col < len(cells := line.split(" | "))
                and cells[absent_col].strip().lower() in _MARKED):
            continue  # "Belize | — | X" under "Country | Present | Absent"
        if (ABSENT.search(text, match.end, e) or _NOT_DELEGATION.match(text, match.end, e) or _MARKED_ABSENT.match(text, match.end, e)
                or _ENDS_ABSENT.search(text, match.end, e)):
            # "Nicaragua\tAusente", "Belize: apologies", "Belize ..... RNCOM: Help for Progress", "- Nicaragua: excused", "Belize -
            # Anti-Trafficking in Persons Council: excused"
            continue
        if _NO_MARKS.fullmatch(text, match.end, e):
            continue  # "Nicaragua      -        -": a table's row of days or sessions, marked for none
        if _OBSERVER_MARK.search(text, match.end, e):
            continue  # "REP. DOMINICANA  Lic. Freddy Castillo Abreu (observador)": an observer's line
        if after.end() == e and _ABSENT_LINE.match(text, e, end):
            continue  # "BELICE" and, on the line under it, "(Excusó su asistencia)"
        if after.end() == e and " | " not in line and table_rows >= 3 and not gridded:
            continue  # a table's row of a country with no one in its other cells ("Belice", the row left blank)
        code = match.entry.notation or match.entry.iri
        if all(x.value != code for x in found):
            found.append(Located(code, Span(match.start, match.end)))
    text = whole
    if found and after_list is not None:
        # the sentence under the list, of one who took part otherwise: "The delegation of Canada (Public
        # Safety Canada) joined the morning session by videoconference. Nicaragua did not send a delegation."
        for m in registry.find(text, {"country"}, after_list.start, after_list.end):
            left = max((c.end() for c in _CLAUSE_END.finditer(text, after_list.start, m.start)), default=after_list.start)
            right = next((c.start() for c in _CLAUSE_END.finditer(text, m.end, after_list.end)), after_list.end)
            code = m.entry.notation or m.entry.iri
            if (_JOINED.search(text, left, right) and not ABSENT.search(text, left, right) and not OBSERVING.search(text, left, right)
                    and all(x.value != code for x in found)):
                found.append(Located(code, Span(m.start, m.end)))
    return found, Span(paras[at].start, end)


# A participant's title right after a country's name ("Costa Rica Sr. Mauricio ...").
_TITLE_AFTER = re.compile(r"[ \t]+(?:Mr|Mrs|Ms|Sr|Sra|Srta|Dr|Dra|Lic|Licda|Licdo|Ing|Amb|Emb|Abog|Abg|Arq|Prof|Mtro|Mtra|Lcdo|Lcda|Hon|Excmo|Excma)\.[ \t]")
_OBSERVERS_WORD = re.compile(r"\b(?:observers?|observadores?|observer\s+countries|pa[ií]ses\s+observadores)\b", re.I)


def _joined_participant_rows(text: str, named: list[Match], s: int, e: int) -> list[Match]:
    """The countries of a list of participants whose rows a PDF joined into one line, each country followed by its
    first participant's title ("Canadá Sra. ... Costa Rica Sr. ... Panamá Sr. ..."): the line opening with one, two
    of them at least, none after an observers' label; else none."""
    stop = m.start() if (m := _OBSERVERS_WORD.search(text, s, e)) is not None else e
    lead = s + len(text[s:e]) - len(text[s:e].lstrip())
    found = [m for m in named if m.end <= stop and _TITLE_AFTER.match(text, m.end, e)]
    if len(found) < 2 or found[0].start != lead:
        return []
    return found


def _participant_columns(text: str, start: int, end: int, registry: Registry) -> tuple[str, ...] | None:
    """(the text with the right column of ``text[start:end]`` blanked, the same with its left column
    blanked) where that list of participants is set in two columns of spaces, each heading its names
    with countries (one alone on a line of the right column: "Honduras"); else None."""
    if "   " not in text[start:end] or (laid := two_columns(text[start:end], min_width=0)) is None:
        return None
    views = tuple(text[:start] + half + text[end:] for half in laid)
    right = views[1]
    for s, e in _lines(right[start:end]):
        s, e = s + start, e + start
        line = right[s:e]
        if line.strip() and any(m.start == s + len(line) - len(line.lstrip()) and m.end == s + len(line.rstrip())
                                for m in registry.find(right, {"country"}, s, e)):
            return views
    return None


# How a line's countries took part, as its label: "In person:", "Virtual:", "Presencial:", "En línea:".
_MODE_LABEL = re.compile(r"[ \t]*(?:in[\s-]person|on[\s-]site|virtual(?:ly)?|online|remotely|presencial(?:mente)?|virtualmente|"
                         r"en\s+l[ií]nea|a\s+distancia|de\s+forma\s+(?:presencial|virtual))[ \t]*:[ \t]*", re.I)


# One delegation's joining otherwise than the list says ("joined the morning session by videoconference").
_JOINED = re.compile(r"\b(?:joined|participated|attended|took\s+part|connected|se\s+conect[oó]|particip[oó]|asisti[oó]|se\s+uni[oó])\b", re.I)


def _country_cells(text: str, s: int, e: int, registry: Registry) -> list[Match] | None:
    """The countries of a table's row of two cells or more each of which is a country's name alone
    (or empty), or None."""
    out = []
    at = s
    for cell in text[s:e].split(" | "):
        a, b = at + len(cell) - len(cell.lstrip()), at + len(cell.rstrip())
        at += len(cell) + 3
        if a >= b:
            continue
        named = registry.find(text, {"country"}, a, b)
        if len(named) != 1 or (named[0].start, named[0].end) != (a, b):
            return None
        out.append(named[0])
    return out if len(out) >= 2 else None


# A participants table's heading cells ("Name | Institution | Country"): a person's and a country's.
_PERSON_CELL = re.compile(r"(?:name|nombre|participants?|participantes?)$", re.I)
_COUNTRY_CELL = re.compile(r"(?:country|pa[ií]s)$", re.I)
_COUNTRY_WORD = r"(?:member\s+)?(?:country|countries|pa[ií]s(?:es)?(?:\s+miembros?)?|delegaci[oó]n(?:es)?|delegations?)"
# (or both languages': "País / Country")
_FIRST_COUNTRY_CELL = re.compile(rf"{_COUNTRY_WORD}(?:\s*/\s*(?:{_COUNTRY_WORD}|organi[sz]ations?|organismos?|organizaci[oó]n(?:es)?|"
                                 r"instituci[oó]n(?:es)?)){0,2}", re.I)
# An institution that is no government's ("IOM Regional Office", "RROCM - Red ...", "UNHCR ...").
_NOT_GOVERNMENT = re.compile(r"\b(?:iom|oim|unhcr|acnur|unicef|unodc|undp|pnud|unfpa|eclac|cepal|celade|iachr|cidh|icrc|cicr|rrocm|rncom|"
                             r"technical\s+secretariat|secretar[ií]a\s+t[eé]cnica|red\s+nacional|civil\s+society|sociedad\s+civil|"
                             r"ngo|ong)\b", re.I)


def _country_column(text: str, registry: Registry, first_column: bool = False) -> tuple[list[Located], Span] | None:
    """The delegations a participants table names in a column of countries ("Name | Institution |
    Country", one row per person): the member countries of its rows whose institution is a
    government's (not an international organisation's, the Secretariat's or civil society's).
    ``first_column``: a table whose first column is the countries' ("Member Country | Institution(s)
    | No. of delegates", "País / Organismo | Delegado"), a row that says its country was absent none."""
    if " | " not in text and "\t" not in text:
        return None  # (no table: most reports)
    lines = _lines(text)
    at_head = None
    for k, (s, e) in enumerate(lines):
        line = text[s:e]
        sep = " | " if " | " in line else "\t" if "\t" in line else None
        if sep is None:
            continue
        cells = [c.strip() for c in line.split(sep)]
        if len(cells) >= 2 and (_FIRST_COUNTRY_CELL.fullmatch(cells[0]) if first_column
                                else _PERSON_CELL.match(cells[0]) and _COUNTRY_CELL.match(cells[-1])):
            at_head = k
            break
    if at_head is None or sep is None:
        return None
    col = 0 if first_column else len(cells) - 1
    width = len(cells)
    # ("Country | Present | Absent" / "Belize | — | X": a row marked absent)
    marks_absent = next((k for k, cell in enumerate(cells) if _ABSENT_COLUMN.fullmatch(cell)), None)
    # ("Country | Connected | Representative" / "Belize | No | —": a row that says it did not take part)
    marks_attended = next((k for k, cell in enumerate(cells) if k and _ATTENDED_COLUMN.match(cell)), None)
    head_start, end = lines[at_head]
    found: list[Located] = []
    misses = 0
    for s, e in lines[at_head + 1 :]:
        line = text[s:e]
        if sep not in line:
            misses += bool(line.strip())
            if misses > 3:
                break  # the table has ended
            continue
        cells = line.split(sep)
        if len(cells) != width and not (first_column and 2 <= len(cells) <= width):
            continue
        at = s + len(sep.join(cells[:col])) + (len(sep) if col else 0)
        named = [m for m in registry.find(text, {"country"}, at, at + len(cells[col])) if m.start - at <= 2]
        end = e
        others = sep.join(cells[:col] + cells[col + 1 :])
        if not named or _NOT_GOVERNMENT.search(others) or (first_column and ABSENT.search(line)):
            continue
        if marks_absent is not None and marks_absent < len(cells) and cells[marks_absent].strip().lower() in _MARKED:
            continue
        if marks_attended is not None and marks_attended < len(cells) and cells[marks_attended].strip().lower().rstrip(".") in ("no", "-", "\u2014"):
            continue
        code = named[0].entry.notation or named[0].entry.iri
        if all(x.value != code for x in found):
            found.append(Located(code, Span(named[0].start, named[0].end)))
    return (found, Span(head_start, end)) if len(found) >= 2 else None


def _list_like(text: str, p: Para, named: list[Match]) -> bool:
    """Whether three lines of ``p`` or more start with a country it names and name no more than one
    other: a list, a delegation a line, not a sentence (whose wrapped lines may start with a country
    too: "Belize, Canada, Costa Rica, ..." / "Honduras, Mexico, Panama and ...")."""
    starts = {m.start for m in named}
    return sum(1 for a, b in p.lines if (lm := _LIST_LEAD.match(text, a)) is not None and lm.end() in starts
               and sum(1 for m in named if a <= m.start < b) <= 2) >= 3


def _absent(text: str, at: int, start: int, end: int) -> bool:
    """Whether the country named at ``at`` is in a clause of ``text[start:end]`` that says it did not
    attend ("The delegation of Nicaragua sent its apologies", "Nicaragua did not participate", "La
    delegación de Nicaragua no se hizo presente"), or attended as an observer."""
    if ABSENT.search(text, start, end):
        left = max((m.end() for m in _CLAUSE_END.finditer(text, start, at)), default=start)
        right = next((m.start() for m in _CLAUSE_END.finditer(text, at, end)), end)
        if ABSENT.search(text, left, right):
            return True
    if OBSERVING.search(text, start, end):
        left = max((m.end() for m in _OBSERVER_CLAUSE_END.finditer(text, start, at)), default=start)
        right = next((m.start() for m in _OBSERVER_CLAUSE_END.finditer(text, at, end)), end)
        # the observers' words and the country in one list: nothing between them but the list ("the
        # Observer Countries Argentina, Colombia", "Argentina, ... and Peru participated as observer
        # countries"), not a member named before the meeting's place ("The Vice-Ministers ... of
        # Belize, ..., meeting in San Pedro Sula, ..., with the participation of the Observer Countries")
        for m in OBSERVING.finditer(text, left, right):
            if m.end() > at and _OBSERVERS_BEFORE.match(m.group(0)):
                continue  # "the observer countries Colombia, Ecuador and Peru": said of those after it
            if m.start() > at and re.match(r"\s*(?:de(?:l|\s+la|\s+los|\s+las)?|of(?:\s+the)?|:|la|el|los|las|the)\s", text[m.end() : m.end() + 12]):
                # "bajo la Presidencia Pro Tempore de El Salvador, con la presencia en calidad de
                # observadores de la OIM ...", "..., y en calidad de observadores la OIM, el ACNUR ...": said of those it
                # names after it
                continue
            if re.search(r"\(\s*$", text[max(left, m.start() - 3) : m.start()]):
                # "..., Panama and the Dominican Republic (as observer)": said of the one country before it
                if m.start() > at and "," not in text[at : m.start()] and len(text[at : m.start()].split()) <= 5:
                    return True
                continue
            gap = text[m.end() : at] if m.end() <= at else text[at : m.start()]
            # ("... of the United States Department of State followed the meeting as an observer": the meeting the
            # object of the observer's verb, no meeting of the members')
            gap = _FOLLOWED_THE_MEETING.sub("", gap) if m.start() > at else gap
            if len(gap.split()) <= 30 and not _NOT_A_LIST.search(gap):
                return True
    return False


def _closing_before(text: str, paras: list[Para], first: int | None, registry: Registry) -> int | None:
    """A closing dateline before the first list marker: the markers belong to an annex (an excerpt's
    slides), and the report's items, whose glyphs were lost, come before the dateline."""
    if first is None:
        return None
    start = next((i for i, p in enumerate(paras[:first]) if OPENING.search(p.text) or p.text.endswith(":")), None)
    if start is None:
        return None
    for i in range(start + 2, first):
        if _dateline(paras[i], text) or _place_only(paras[i], text, registry) or ANNEX.match(paras[i].text):
            if (_DATE_LABEL.match(text, paras[i].start, paras[i].end) or _MEMO_LINE.match(paras[i].text)
                    or any(OPENING.search(paras[k].text) or _DATE_LABEL.match(text, paras[k].start, paras[k].end)
                           for k in range(i + 1, first))):
                # (a report's own header under a note that transmits it: its opening or its "Fecha:" line
                # follows; an e-mail's "Enviado el: ..." line is the note's)
                continue
            return i
    return None


def _plain_start(paras: list[Para], closing: int | None = None) -> tuple[int | None, Para | None]:
    """Index of the first item paragraph in a report without list markers, and the lead-in ("...
    we suggest the following:") that is an item of its own when no opening sentence precedes it."""
    limit = closing if closing is not None else len(paras)
    opening = next((i for i, p in enumerate(paras[:limit]) if OPENING.search(p.text)), None)
    if opening is not None:
        start = opening + 1
        # (a declaration's preamble, "CONSIDERANDO ...;" / "RECONOCIENDO ...;", then its operative lead-in,
        # "ACUERDAN:": the items follow the lead-in)
        k = start
        while k < limit and PREAMBULAR.match(paras[k].text):
            k += 1
        if k > start and k + 1 < limit and paras[k].text.endswith(":") and PREAMBLE.search(paras[k].text):
            start = k + 1
        elif (lead := _lead_in_after(paras, start, limit)) is not None:
            start = lead + 1
        return (start, None) if start < limit else (None, None)
    lead = next((i for i, p in enumerate(paras[:limit]) if p.text.endswith(":") and not PREAMBLE.search(p.text)), None)
    if lead is None or lead + 1 >= limit:
        return None, None
    return lead + 1, paras[lead]


def _lead_in_after(paras: list[Para], start: int, limit: int) -> int | None:
    """The operative lead-in ("DECIDE TO:", "The RCGM adopted the following decisions:") a few paragraphs after
    ``start``, where those before it are a preamble's or narrative (none opens with an agreement's verb): "In the
    presence of the Observer Countries ..." / "CONSIDERING ...;", "The meeting was opened by ..."."""
    lead = next((j for j in range(start, min(limit - 1, start + 12)) if paras[j].text.endswith(":") and PREAMBLE.search(paras[j].text)), None)
    if lead is None or not (any(PREAMBULAR.match(q.text) for q in paras[start:lead]) or not any(_ITEM_VERB.match(q.text) for q in paras[start:lead])):
        return None
    return lead


def _unnumbered_tail(text: str, paras: list[Para], heading: int, end: int, items: list[Item]) -> list[Item]:
    """The unnumbered sentences under the last heading that carries the agreements on ("5.
    Commitments" / "During the meeting, the following commitments were made:" / "Guatemala will
    share ..." one a line), when no numbered item is under it: items after the others. None when
    they restate items already read (a "Compromisos" section that repeats the agreements' tasks)."""
    start = paras[heading].end
    if heading + 1 >= end or any(i.span.start >= start for i in items):
        return []
    lines: list[tuple[int, int]] = []
    for p in paras[heading + 1 : end]:
        if _is_heading(p) or p.text.endswith(":"):
            continue  # the lead-in
        for s, e in (p.lines if len(p.lines) > 1 and all(_TAIL_END.search(text, a, b) for a, b in p.lines) else [(p.start, p.end)]):
            if not _TAIL_END.search(text, s, e) or _marker(text, _line_para(text, s, e)) is not None:
                return []  # not a list of whole sentences
            lines.append((s, e))
    if len(lines) < 2:
        return []
    said = {w for i in items for w in _WORDS.findall(i.text.lower())}
    if all(len(ws := set(_WORDS.findall(text[s:e].lower()))) and len(ws & said) >= 0.7 * len(ws) for s, e in lines):
        return []  # restated
    top = max((int(i.number) for i in items if i.parent is None and i.number.isdigit()), default=0)
    pos = max(i.position for i in items)
    return [Item(pos + k, None, str(top + k), None, Span(s, e), clean(text[s:e])) for k, (s, e) in enumerate(lines, 1)]


_TAIL_END = re.compile(r"[.;][\"'\u201d\u2019)]*[ \t]*$")
_WORDS = re.compile(r"[^\W\d_]{4,}")


def _span_para(text: str, span: Span) -> Para:
    """A table cell's span as a paragraph of one line."""
    q = Para(span.start, span.end, [(span.start, span.end)])
    q.text = clean(text[span.start : span.end])
    return q


# A sentence that says what was decided, at a paragraph's start or after a sentence: "It was decided to ...", "The
# Network decided that ...", "Se acordó ...", "La Red decidió ..." (not "had decided", said of an earlier meeting).
_DECIDED = re.compile(r"(?:^|(?<=[.;]\s))(?:it\s+was\s+(?:agreed|decided)|it\s+is\s+agreed|se\s+acord[oó]|se\s+acuerda|se\s+decidi[oó]|"
                      r"se\s+decide|the\s+(?:network|group|working\s+group|coalition|rcgm|meeting|vice-?ministers)\s+(?:also\s+)?"
                      r"(?:agreed|decided)|(?:la|el)\s+(?:red|coalici[oó]n|reuni[oó]n|grupo|grcm)\s+(?:tambi[eé]n\s+)?(?:acord[oó]|decidi[oó]))\b", re.I)


def _plain_items(text: str, paras: list[Para], lead: Para | None = None, breaks: tuple[int, ...] = ()) -> list[Item]:
    """Each paragraph that is not a heading or a lead-in ("The Network agreed:") is an item; under a
    lead-in that is an item itself (an excerpt's), they are its sub-items. A table row whose
    agreement cell holds several paragraphs, matched one for one by those of its "Responsable" or
    "Fecha" cell, is that many items."""
    items: list[Item] = []
    if lead is not None:
        em = ELLIPSIS.match(text, lead.start)
        s = em.end() if em else lead.start
        items.append(Item(1, None, "1", None, Span(s, lead.end), clean(text[s : lead.end])))
    rows = _unnumbered_rows(text, paras)
    if lead is None and not rows:
        # a section of paragraphs three or more of which open by saying what was decided ("It was decided to ...",
        # "The Network decided that ..."): those and any that says so after a sentence ("Canada offered ... It was
        # decided to accept ..."); the others are its narrative ("The delegation of Guatemala recalled that ...")
        said = [_DECIDED.search(p.text) for p in paras]
        if sum(1 for m in said if m is not None and m.start() == 0) >= 3 and any(m is None for m in said):
            kept: list[Para] = []
            for p, m in zip(paras, said, strict=True):
                if m is None and kept and p.text[:1].islower() and not SENTENCE_END.search(kept[-1].text):
                    # (the rest of a decision's sentence after a page break: "... submitted to the RCGM for its" / "Page 1
                    # of 2" / "approval once Member Countries have sent ...")
                    q = Para(kept[-1].start, p.end, kept[-1].lines + p.lines)
                    q.text = clean(kept[-1].text + " " + p.text)
                    kept[-1] = q
                elif m is not None or _is_heading(p):
                    kept.append(p)
            paras = kept
    tops = 0  # the top-level items so far (a row's sub-items are numbered under it)
    # (a follow-up matrix: "Completed", "In progress" rows are earlier meetings' agreements where others
    # are "New", this meeting's)
    statuses = [clean(text[c.start : c.end]) for found in rows.values() if (c := found.get("status")) is not None]
    matrix = any(_NEW_ROW.match(st) for st in statuses)
    last_row = max(rows) if rows else None
    # (the heading row of a table of agreements without numbers: the paragraphs before it are the narrative's, "The
    # meeting was opened by ...", "IOM ... attended as observers")
    heading_row = next((k for k in range(min(rows)) if _heading_row_roles(text, paras[k]) is not None), None) if rows else None
    for k, p in enumerate(paras):
        if heading_row is not None and k < heading_row:
            continue
        if k not in rows and (_is_heading(p) or (PREAMBLE.search(p.text) and p.text.endswith(":"))):
            continue  # (a table's row of short cells is no heading)
        if k not in rows and rows and k + 1 in rows and _heading_row_roles(text, p) is not None:
            continue  # (the heading row over them: "No. | Recommendation | To the Vice-Ministers (Yes/No)")
        if last_row is not None and k > last_row:
            break  # (after a table of agreements without numbers: the report's closing, "La reunión fue clausurada ...")
        if items and k not in rows and len(p.text) < 300 and (_MEETING_CLOSED.search(p.text) or _PREPARED_BY.match(p.text)
                                                              or _CLOSING_REMARK.match(p.text) or _DONE_IN.match(p.text)):
            continue  # the record's close ("Siendo las 16:40 horas ..., la PPT dio por concluida la reunión.", "Elaborado por: ...")
        if k + 1 < len(paras) and (PREAMBLE.search(p.text) or _TABLE_BELOW.search(p.text)) and _heading_row_roles(text, paras[k + 1]) is not None:
            # the lead-in to a table of agreements ("... agreed to update the matrix as follows. ...", "The Network reviewed
            # the follow-up matrix below. ...")
            continue
        n = len(items) + 1
        span, own = Span(p.start, p.end), p.text
        cells: tuple[tuple[str, Span], ...] = ()
        if (found := rows.get(k)) is not None:
            # a row of a table of agreements without numbers ("Tema | Acuerdo | Responsable | Fecha"): its
            # agreement cell is the item's text, its other cells who and by when
            st = found.get("status")
            if matrix and st is not None and _OLD_ROW.match(clean(text[st.start : st.end])):
                continue
            if "text" in found:
                span, own = found["text"], clean(text[found["text"].start : found["text"].end])
                cells = tuple((r, found[r]) for r in ("who", "when") if r in found)
                if breaks and (split := _parallel_paragraphs(text, span, cells, breaks)) is not None:
                    for part, part_cells in split:
                        n = len(items) + 1
                        number, parent = (f"1.{_letters(n - 2)}", 1) if lead is not None else (str(tops + 1), None)
                        tops += parent is None
                        items.append(Item(n, None, number, parent, part, clean(text[part.start : part.end]), None, part_cells))
                    continue
                if lead is None and len(members := _inline_items(text, _span_para(text, span))) >= 3:
                    # "Realizar un taller regional ... Para tal efecto: a) la PPT coordinará ...; b) la OIM
                    # apoyará ...; c) ...": the row's item and its sub-items, the row's cells the item's
                    tops += 1
                    items.append(Item(n, None, str(tops), None, Span(members[0].start, members[0].end), members[0].text, None, cells))
                    for k_sub, q in enumerate(members[1:]):
                        raw = text[q.start : q.end]
                        mk = MARKER.match(raw.lstrip()) or BULLET.match(raw.lstrip())
                        at = q.start + len(raw) - len(raw.lstrip()) + (mk.end() if mk else 0)
                        items.append(Item(len(items) + 1, mk.group("all").strip() if mk else None, f"{tops}.{_letters(k_sub)}", n,
                                          Span(at, q.end), clean(text[at : q.end])))
                    continue
        if lead is not None:
            items.append(Item(n, None, f"1.{_letters(n - 2)}", 1, span, own, None, cells))
        else:
            tops += 1
            items.append(Item(n, None, str(tops), None, span, own, None, cells))
    if lead is None and not rows and len(items) >= 4:
        # A communiqué's paragraphs without numbers, three or more of them deciding ("Acordaron aprobar
        # ...", "Instruyeron a la ST ...", "The Vice-Ministers agreed to ..."), the others its narrative
        # ("Reafirmaron su compromiso ...", "Expresaron su preocupación ..."): those are the agreements
        # (what they thanked or took note of after the first decision is one too: "Finally, they thanked
        # the Government of Belize ...")
        first = next((k for k, it in enumerate(items) if _DECIDED_PARAGRAPH.match(it.text)), len(items))
        deciding = [it for k, it in enumerate(items) if _DECIDED_PARAGRAPH.match(it.text)
                    or (k > first and _ACKNOWLEDGED_PARAGRAPH.match(it.text))]
        if sum(bool(_DECIDED_PARAGRAPH.match(it.text)) for it in deciding) >= 3 and len(deciding) < len(items):
            items = [Item(k, None, str(k), None, it.span, it.text, None, it.cells) for k, it in enumerate(deciding, start=1)]
    if lead is None and not rows:
        items = _capital_verb_continuations(text, items)
        items = _connective_continuations(items)
    return items


# A paragraph that goes on with the one before it ("Para tal efecto, los Países Miembros remitirán ...", "Al respecto,
# ...", "To this end, the TS will ...", "In this regard, ...").
_GOES_ON = re.compile(r"(?:para|a|con)\s+(?:tal|este|dicho|ese)\s+(?:efecto|fin|prop[oó]sito)\b|para\s+ello\b|al\s+respecto\b|"
                      r"en\s+este\s+sentido\b|(?:to|for)\s+(?:this|that)\s+(?:end|purpose)\b|in\s+this\s+(?:regard|respect|connection)\b", re.I)


def _connective_continuations(items: list[Item]) -> list[Item]:
    """Unnumbered paragraphs read as items: one that opens by going on with the item right before it ("Solicitar a la
    OIM que ... matrices ..." / "Para tal efecto, los Países Miembros remitirán ...") is that item's text, no item of its
    own."""
    if not any(it.parent is None and it.marker is None and not it.cells and _GOES_ON.match(it.text) for it in items[1:]):
        return items
    out: list[Item] = []
    for it in items:
        last = out[-1] if out else None
        if (it.parent is None and it.marker is None and not it.cells and last is not None and last.parent is None
                and last.marker is None and not last.cells and _GOES_ON.match(it.text)):
            out[-1] = replace(last, span=Span(last.span.start, it.span.end), text=f"{last.text} {it.text}")
            continue
        out.append(it)
    if any(it.parent is not None for it in out):
        return items  # (sub-items' parents by position: left as read)
    return [replace(it, position=k, number=str(k)) for k, it in enumerate(out, start=1)]


# An operative paragraph's verb in capitals ("APROBAR los Lineamientos ...", "TOMAR NOTA del ...", "REQUEST the TS ...").
_CAPITAL_VERB = re.compile(r"[A-ZÁÉÍÓÚÑ]{4,}\b(?=[^\n]{0,30}?\s[a-záéíóúñ])")


def _capital_verb_continuations(text: str, items: list[Item]) -> list[Item]:
    """A declaration's operative paragraphs, unnumbered, each opening with its verb in capitals ("APROBAR ...", "INSTRUIR a
    la ST ...", "ENDORSE ..."), three or more: a paragraph among them that opens otherwise ("Para tal efecto, la Secretaría
    Técnica circulará ...", "In this regard, Member Countries will ...") goes on with the one before it, no item of its
    own; the closing formula after them ("Adopted in Managua, Nicaragua, on ...") is none. Sub-items stay under their
    item, renumbered with it."""
    tops = [it for it in items if it.parent is None]
    capital = {it.position: bool(_CAPITAL_VERB.match(it.text)) for it in tops}
    n_cap = sum(capital.values())
    if (n_cap < 3 or not capital[tops[0].position] or n_cap == len(tops) or 2 * (len(tops) - n_cap) >= n_cap
            or any(it.marker is not None or it.cells for it in tops)):
        return items
    old = {it.position: it for it in items}
    moved: dict[int, Item] = {}  # old position -> its item now
    out: list[Item] = []
    top_n = 0
    for it in items:
        if it.parent is None and not capital[it.position]:
            if _DONE_IN.match(it.text):
                continue  # (the closing formula)
            last = out[-1] if out else None
            if last is not None and last.parent is None:
                # (right after its item: the item's text goes on; after sub-items it stays an item of its own)
                out[-1] = Item(last.position, last.marker, last.number, None, Span(last.span.start, it.span.end),
                               f"{last.text} {it.text}", last.marker_span)
                moved[it.position] = out[-1]
                continue
        if it.parent is None:
            top_n += 1
            new = Item(len(out) + 1, it.marker, str(top_n), None, it.span, it.text, it.marker_span, it.cells)
        else:
            parent = moved.get(it.parent)
            if parent is None:
                return items  # (a sub-item of a dropped paragraph: left as read)
            number = parent.number + it.number[len(old[it.parent].number):]
            new = Item(len(out) + 1, it.marker, number, parent.position, it.span, it.text, it.marker_span, it.cells)
        moved[it.position] = new
        out.append(new)
    return out


# A paragraph that reports a decision ("Acordaron ...", "Los Viceministros instruyeron ...", "They agreed ...").
# (after a phrase that leads to it: "Asimismo, acordaron ...", "Al término de las deliberaciones, los
# Viceministros acordaron ...", "En materia de protección internacional, acordaron ...")
_DECIDED_PARAGRAPH = re.compile(
    r"(?:[^,.;:\n]{1,60},\s+)?"
    r"(?:(?:(?:los|las)\s+viceministr[oa]s|the\s+vice-?ministers|they|ellos)(?:\s+\w+){0,3}?\s+)?"
    r"(?:acordaron|instruyeron|decidieron|aprobaron|encomendaron|solicitaron|resolvieron|adoptaron|encargaron|aceptaron|"
    r"agreed|instructed|decided|approved|entrusted|requested|resolved|adopted|mandated|accepted)\b", re.I)


# A paragraph that thanks or takes note, like a decision ("Finally, they thanked ...", "Agradecieron a ...").
_ACKNOWLEDGED_PARAGRAPH = re.compile(
    r"(?:[^,.;:\n]{1,60},\s+)?"
    r"(?:(?:(?:los|las)\s+viceministr[oa]s|the\s+vice-?ministers|they|ellos)(?:\s+\w+){0,3}?\s+)?"
    r"(?:agradecieron|tomaron\s+nota|thanked|took\s+note)\b", re.I)


# A paragraph's number in a table's cell ("2. Tomar nota ..."), or its sub-item's letter ("a) diagramar ...").
_CELL_NUMBER = re.compile(r"(?:(\d{1,2})\.|\(?[a-z]\))[ \t]")


def _numbered_cells(text: str, breaks: tuple[int, ...]) -> str:
    """``text`` with each row of a Word table whose last cell holds a numbered list of paragraphs (two or
    more, numbered on: "1. Agradecer ...", "2. Tomar nota ...", with their lettered sub-items, under a lead-in at
    most: "The Working Group agreed to:") set out as the list it is: a line for each paragraph, the cells before them blanked (a topic: "Informe de la PPT |
    ..."), offsets kept. Other rows, and cells of one paragraph or of other paragraphs, stay."""
    out = list(text)
    for s, e in _lines(text):
        if " | " not in text[s:e]:
            continue
        cell = text.rfind(" | ", s, e) + 3
        inner = [b for b in breaks[bisect.bisect_right(breaks, cell) : bisect.bisect_left(breaks, e)] if text[b - 1] == " "]
        if not inner:
            continue
        marks = [_CELL_NUMBER.match(text, b, min(e, b + 5)) for b in [cell, *inner]]
        numbers = [int(m.group(1)) for m in marks if m is not None and m.group(1)]
        # (a numbered paragraph's bullets under its colon, "5. ... in order to review:" / "◦ the costs ...": its own list)
        bulleted_set: set[int] = set()
        for k, (m, b) in enumerate(zip(marks, [cell, *inner], strict=True)):
            if (m is None and k > 0 and _CELL_BULLET.match(text, b, e) is not None
                    and (marks[k - 1] is not None or k - 1 in bulleted_set)):
                bulleted_set.add(k)
            elif (m is None and k > 0 and (before := marks[k - 1]) is not None and before.group(1)
                  and SENTENCE_END.search(text, b - 40 if b - 40 > cell else cell, b) is not None
                  and re.match(r"[A-ZÁÉÍÓÚÑ]", text[b : b + 1]) is not None and k + 1 < len(marks) and marks[k + 1] is not None):
                # (a sentence of its own after a numbered paragraph and before the next one, "6. Aprobar ..." / "Al
                # respecto, México se ofreció ..." / "7. ...": that paragraph's, on a line of its own)
                bulleted_set.add(k)
        # (a lead-in paragraph over the list, "The Working Group agreed to:", set out on its own line too)
        led = marks[0] is None and len(marks) > 2 and text[cell:inner[0]].rstrip().endswith(":")
        if led:
            marks, bulleted_set = marks[1:], {k - 1 for k in bulleted_set}
        if (any(m is None and k not in bulleted_set for k, m in enumerate(marks)) or marks[0] is None or not marks[0].group(1)
                or len(numbers) < 2 or numbers != list(range(numbers[0], numbers[0] + len(numbers)))):
            continue
        for k in range(s, cell - 1):
            out[k] = " "
        out[cell - 1] = "\n"
        for b in inner:
            out[b - 1] = "\n"
    return "".join(out)


def _cell_paragraphs(text: str, span: Span, breaks: tuple[int, ...]) -> list[Span]:
    """The paragraphs of a table's cell, by where the reader says its later ones start."""
    lo, hi = bisect.bisect_right(breaks, span.start), bisect.bisect_left(breaks, span.end)
    bounds = [span.start, *breaks[lo:hi], span.end]
    return [Span(a, _rstrip_end(text, a, b)) for a, b in itertools.pairwise(bounds)]


def _parallel_paragraphs(text: str, span: Span, cells: tuple[tuple[str, Span], ...],
                         breaks: tuple[int, ...]) -> list[tuple[Span, tuple[tuple[str, Span], ...]]] | None:
    """A row's agreement cell cut at its paragraphs, when another cell has as many, one for each
    ("Completar el mapeo ... ¶ Sistematizar la información ..." beside "Países miembros ¶ ST" and
    "29 de septiembre ¶ 31/10/2017"): each paragraph with its own part of those cells and the whole
    of a cell of one paragraph. None when no cell matches them or one has another number of them
    (a paragraph that goes on with the agreement has no responsible of its own)."""
    parts = _cell_paragraphs(text, span, breaks)
    if len(parts) < 2:
        return None
    split = {role: _cell_paragraphs(text, c, breaks) for role, c in cells}
    if not any(len(ps) == len(parts) for ps in split.values()) or any(len(ps) not in (1, len(parts)) for ps in split.values()):
        return None
    return [(part, tuple((role, ps[k] if len(ps) > 1 else ps[0]) for role, ps in split.items())) for k, part in enumerate(parts)]


def _unnumbered_rows(text: str, paras: list[Para]) -> dict[int, dict[str, Span]]:
    """The rows of tables of agreements without numbers among ``paras`` (cells as the .docx reader or
    tabs write them), by index: each row's non-empty cells by the role its column's heading row gives
    them. One pass: a heading row sets the roles, group titles between the rows keep them, any other
    paragraph ends the table."""
    out: dict[int, dict[str, Span]] = {}
    roles: list[str | None] | None = None
    for k, q in enumerate(paras):
        if " | " not in q.text and "\t" not in text[q.start : q.end]:
            if not (_is_heading(q) and not q.text.endswith(":")):
                roles = None  # (a group's title between the rows, "Migration Policy and Management", keeps them)
            continue
        if (heading := _heading_row_roles(text, q)) is not None:
            roles = heading
            continue
        row = _row_cells(text, q.start, q.end)
        if roles is None or not 2 <= len(row) <= len(roles):
            roles = None
            continue
        # A row of fewer cells than columns: its last cells empty ("Agradecer ... | — | —" under "Acuerdo |
        # Responsable | Fecha de cumplimiento | Observaciones") or its first merged with the row above (a
        # topic cell over several rows): its cells are the columns that put its longest in the text column.
        shift = 0
        if len(row) < len(roles) and "text" in roles:
            longest = max(range(len(row)), key=lambda i: (row[i].end - row[i].start, -i))
            shift = min(max(0, roles.index("text") - longest), len(roles) - len(row))
        out[k] = {role: c for role, c in zip(roles[shift:], row, strict=False) if role and c.end > c.start}
    return out


# A row of a table that refers to an agreement by its number ("Agreement 3 | TS | 30 June 2019").
_REFERENCED_ROW = re.compile(r"[ \t]*(?:agreement|acuerdo|decision|decisi[oó]n)[ \t]+(?:n(?:o|[º°])\.?[ \t]*)?(\d{1,3})"
                             r"(?:[ \t]*\(?([a-z])\))?[ \t]*\|", re.I)  # ("Acuerdo 5 a) | 31/08/2017": a sub-item's)
# Or names it in brackets in its text cell ("1 | Compilar las presentaciones ... (acuerdo 2). | ST | 15 de abril de
# 2014", "Módulo de capacitación (acuerdo 5 b).", "(see Agreement No. 3)"): one reference, no list of them.
_REFERENCE_IN_ROW = re.compile(r"\((?:ver|see|cf\.?)?[ \t]*(?:agreement|acuerdo|decision|decisi[oó]n)[ \t]+(?:n(?:o|[º°])\.?[ \t]*)?"
                               r"(\d{1,3})(?:[ \t]*\(?([a-z])\)?)?[ \t]*\)", re.I)
# The heading of a table of the agreements' deadlines after them ("Cronograma", "Timeline").
_SCHEDULE_HEADING = re.compile(r"(?:cronograma|calendario(?:\s+de\s+cumplimiento)?|timeline|schedule|plazos|deadlines)\b", re.I)
# Or of who does what, over a table: "Compromisos" / "No. | Compromiso | Responsable | Plazo" (over a list,
# "Acuerdos" / "1. ..." then "Compromisos" / "1. La ST circulará ...", its members are more items)
# A line of three cells or more in columns of spaces ("No.    Acuerdo / actividad    Responsable    Fecha límite").
_SPACED_CELLS = re.compile(r"\S[ \t]{3,}\S.*?\S[ \t]{3,}\S")
# Or of the follow-up of the agreements, over a table that restates them ("MATRIZ DE SEGUIMIENTO DE ACUERDOS").
_FOLLOW_UP_HEADING = re.compile(r"(?:matriz|cuadro|tabla)\s+de\s+seguimiento(?:\s+(?:de|a)\s+(?:los\s+)?acuerdos)?|"
                                r"follow[\s-]?up\s+(?:matrix|table)(?:\s+(?:of|to)\s+(?:the\s+)?agreements)?", re.I)
_COMMITMENTS_HEADING = re.compile(r"(?:(?:matriz|tabla|cuadro)\s+de\s+)?compromisos|(?:(?:table|matrix)\s+of\s+)?commitments", re.I)


# A commitment's reference to the agreement it serves, opening its text: "C3 (A4): La OIM presentará ...",
# "C1 (Acuerdo 3): ...".
_SERVES = re.compile(r"\(\s*(?:(?P<code>[A-H]-?\d{1,2})|(?i:acuerdo|agreement)\s+(?P<n>\d{1,2}))\s*\)\s*[:.\-\u2013\u2014]?\s*")


# An item printed again over the rest of its sub-items on the next slide or page: "8. (cont.)".
_CONTINUED = re.compile(r"\(?\s*(?:cont\.?|continued|continuaci[oó]n|contin[uú]a|sigue)\s*\)?\s*[.:]?", re.I)


# A list's marker at the start of a table's cell read as one line from a PDF ("1. To thank ...", "• Agradecer ...").
_CELL_LIST_START = re.compile(r"(?:(\d{1,2})[.)]|([\u2022\u25aa\u25cf]))\s+(?=[\"\u201c(\u00bf\u00a1]?[A-ZÁÉÍÓÚÑ])")


def _inline_lists_in_rows(text: str, items: list[Item]) -> list[Item]:
    """Rows of a table whose agreements cell, read from a PDF as one line, holds several agreements run together
    ("Opening | 1. To thank ... 2. To thank ..." / "Work Plan | 3. To take note ... 4. ... 5. ...: a) ...";
    "Tema | • Agradecer ... • Solicitar ..."): each its own item, a sub-item under the one it is in. Only where every
    top-level item is such a row's cell opening with the same kind of marker, the numbers running on from row to row
    with no gap, and a cell holds two at least; else ``items``."""
    tops = [it for it in items if it.parent is None]
    if len(tops) < 2:
        return items
    cells: dict[int, tuple[int, list[tuple[int, int, str]]]] = {}  # row item -> (its cell's end, [(marker, body, mark)])
    glyph: str | None = None
    numbered: bool | None = None
    expected = 0
    split = False
    for it in tops:
        line_start = text.rfind("\n", 0, it.span.start) + 1
        line_end = text.find("\n", it.span.start)
        line_end = len(text) if line_end < 0 else line_end
        if " | " not in text[line_start : it.span.start] or it.span.end > line_end:
            return items
        bar = text.find(" | ", it.span.start, line_end)
        end = _rstrip_end(text, it.span.start, bar if bar >= 0 else line_end)
        m = _CELL_LIST_START.match(text, it.span.start, end)
        if m is None or (numbered is not None and numbered != bool(m.group(1))):
            return items
        numbered = bool(m.group(1))
        if numbered:
            if expected and int(m.group(1)) != expected:
                return items
            expected = int(m.group(1)) + 1
            mark = text[m.start(1) : m.end(1) + 1]
            nxt = re.compile(r"(?<=[.;:!?])\s+(\d{1,2})" + re.escape(mark[-1]) + r"\s+(?=[\"\u201c(\u00bf\u00a1]?[A-ZÁÉÍÓÚÑ])")
        else:
            if glyph is not None and m.group(2) != glyph:
                return items
            glyph = mark = m.group(2)
            nxt = re.compile(r"(?<=[.;:!?])\s+(" + re.escape(glyph) + r")\s+")
        parts = [(it.span.start, m.end(), mark)]
        at = m.end()
        while (n := nxt.search(text, at, end)) is not None:
            if numbered and int(n.group(1)) != expected:
                at = n.end()
                continue
            if numbered:
                expected += 1
            parts.append((n.start(1), n.end(), n.group(1) + (mark[-1] if numbered else "")))
            at = n.end()
        split = split or len(parts) > 1
        cells[it.position] = (end, parts)
    if not split:
        return items
    out: list[Item] = []
    pieces: list[tuple[Item, int]] = []  # (a piece of the current row, where it ends)
    count = 0
    for it in items:
        if it.parent is None:
            end, parts = cells[it.position]
            pieces = []
            for k, (mark_at, body, mark) in enumerate(parts):
                stop = parts[k + 1][0] if k + 1 < len(parts) else end
                span = Span(body, _rstrip_end(text, body, stop))
                count += 1
                number = mark.rstrip(".)") if numbered else str(count)
                piece = Item(len(out) + 1, mark, number, None, span, clean(text[span.start : span.end]), Span(mark_at, body), it.cells)
                out.append(piece)
                pieces.append((piece, stop))
            continue
        # (a sub-item, "a) priority actions ...": under the piece it is in)
        owner = out[next((p for p, stop in pieces if p.span.start <= it.span.start < stop), pieces[-1][0]).position - 1]
        if it.span.start < owner.span.end:
            # (the piece's text ends where its sub-items begin)
            at = it.marker_span.start if it.marker_span else it.span.start
            if it.marker_span is None and it.marker and (k := text.rfind(it.marker, owner.span.start, it.span.start)) >= 0:
                at = k
            cut = _rstrip_end(text, owner.span.start, at)
            out[owner.position - 1] = owner = replace(owner, span=Span(owner.span.start, cut), text=clean(text[owner.span.start : cut]))
        _, _, rest = it.number.partition(".")
        out.append(replace(it, position=len(out) + 1, parent=owner.position, number=f"{owner.number}.{rest}" if rest else it.number))
    return out


# An agreement labelled with its agenda item's number ("Acuerdo 4.2", "AGREEMENT 7.1", "Decisión 3.1").
_AGENDA_LABEL = re.compile(r"(?i:acuerdo|agreement|decisi[oó]n|decision|conclusi[oó]n|conclusion|recomendaci[oó]n|recommendation)"
                           r"\s+(\d{1,2})\.(\d{1,2})\b")


def _agreements_under_agenda(items: list[Item]) -> list[Item]:
    """Minutes that go through the agenda ("4. Protección consular de niñez ..." and its narrative), the agreements of
    each point labelled with its number ("Acuerdo 4.1", "Acuerdo 4.2"): those are the items, numbered as printed, with
    their own sub-items; the agenda's points are none (a point that agreed nothing, "2. Aprobación de la agenda", adds
    nothing). Only where every labelled item is under the point its label numbers, two points at least have them, and
    no point has other sub-items; else ``items``."""
    tops = {it.position: it for it in items if it.parent is None}
    labelled = [it for it in items if it.parent in tops and it.marker and (lm := _AGENDA_LABEL.fullmatch(it.marker.rstrip(".:")))
                and lm.group(1) == tops[it.parent].number]
    marked = {it.position for it in labelled}
    if len({it.parent for it in labelled}) < 2 or any(it.parent in tops and it.position not in marked for it in items):
        return items
    out: list[Item] = []
    moved: dict[int, int] = {}
    for it in items:
        if it.parent is None:
            continue  # (an agenda point)
        if it.parent in tops:
            lm = _AGENDA_LABEL.fullmatch((it.marker or "").rstrip(".:"))
            assert lm is not None
            moved[it.position] = len(out) + 1
            out.append(replace(it, position=len(out) + 1, parent=None, number=f"{lm.group(1)}.{lm.group(2)}"))
            continue
        parent = moved.get(it.parent) if it.parent is not None else None
        if parent is None:
            return items
        head = out[parent - 1].number
        moved[it.position] = len(out) + 1
        out.append(replace(it, position=len(out) + 1, parent=parent, number=f"{head}.{it.number.rsplit('.', 1)[-1]}"))
    return out


def _continued_items(items: list[Item]) -> list[Item]:
    """``items`` without a top-level item that only says it goes on ("8. (cont.)" after "8. Regarding ...:" and its
    "a." and "b."), its sub-items given to the item it continues."""
    tops: dict[str, int] = {}
    drop: dict[int, int] = {}  # the continuing item's position -> the continued one's
    for item in items:
        if item.parent is not None:
            continue
        if _CONTINUED.fullmatch(item.text) and item.number in tops:
            drop[item.position] = tops[item.number]
        else:
            tops[item.number] = item.position
    if not drop:
        return items
    out: list[Item] = []
    moved: dict[int, int] = {}
    for item in items:
        if item.position in drop:
            moved[item.position] = moved[drop[item.position]]
            continue
        moved[item.position] = len(out) + 1
        parent = moved.get(item.parent) if item.parent is not None else None
        out.append(Item(len(out) + 1, item.marker, item.number, parent, item.span, item.text, item.marker_span, item.cells))
    return out


def _serving_entries(text: str, items: list[Item]) -> list[Item]:
    """``items`` with each top-level entry that opens by naming the agreement it serves ("C3 (A4): La OIM
    presentará ...", a list of commitments after the agreements "A1" to "A8") made a sub-item of that
    agreement, lettered after its own, its text from after the reference; the others as they are."""
    if len(items) < 2 or not any(i.parent is None and "(" in i.text[:3] for i in items):
        return items
    by_code = {re.sub(r"[^A-Za-z0-9]", "", i.marker or "").upper(): i for i in items if i.parent is None and i.marker}
    by_number = {i.number: i for i in items if i.parent is None}
    children: Counter[int] = Counter(i.parent for i in items if i.parent is not None)
    out: list[Item] = []
    for item in items:
        m = _SERVES.match(text, item.span.start, item.span.end) if item.parent is None else None
        ref = None
        if m is not None:
            ref = by_code.get(m.group("code").replace("-", "").upper()) if m.group("code") else by_number.get(m.group("n"))
        if ref is None or ref is item or ref.position > item.position:
            out.append(item)
            continue
        k = children[ref.position]
        children[ref.position] += 1
        start = m.end() if m is not None else item.span.start
        out.append(Item(item.position, item.marker, f"{ref.number}.{_letters(k)}", ref.position, Span(start, item.span.end),
                        clean(text[start : item.span.end]), item.marker_span, item.cells))
    return out


def _referenced_rows(text: str, paras: list[Para], items: list[Item]) -> list[Item]:
    """``items`` given the cells of a table after them that refers to each by its number, under a heading
    row that names who and when ("The Group agreed on the following timeline ...:" / "Agreement |
    Responsible | Deadline" / "Agreement 3 | TS | 30 June 2019"): an item without cells of its own
    takes its row's."""
    if not items or " | " not in text:
        return items
    after = items[-1].span.end
    by_number = {item.number: k for k, item in enumerate(items) if not item.cells}
    out = list(items)
    roles: list[str | None] | None = None
    for p in paras:
        if p.start < after:
            continue
        if (heading := _heading_row_roles(text, p)) is not None:
            roles = heading
            continue
        if roles is None:
            continue
        row = _row_cells(text, p.start, p.end)
        m = _REFERENCED_ROW.match(text, p.start, p.end)
        if m is None and "text" in roles and len(row) == len(roles):
            cell = row[roles.index("text")]
            found = list(_REFERENCE_IN_ROW.finditer(text, cell.start, cell.end))
            m = found[0] if len(found) == 1 else None
        if m is None or (k := by_number.pop(m.group(1) + (f".{m.group(2).lower()}" if m.group(2) else ""), None)) is None:
            continue
        if len(row) == len(roles):
            cells = tuple((role, span) for role, span in zip(roles, row, strict=True) if role in ("who", "when") and span.end > span.start)
            out[k] = Item(out[k].position, out[k].marker, out[k].number, out[k].parent, out[k].span, out[k].text, out[k].marker_span, cells)
    return out


def _heading_row_roles(text: str, q: Para) -> list[str | None] | None:
    """The roles of the columns a table's heading row ``q`` names ("Agreement | Responsible |
    Deadline | Status", "Topic | Agreement"), when it names the agreement column and who, when or a topic;
    else None."""
    if " | " not in q.text and "\t" not in text[q.start : q.end]:
        return None
    names = [clean(text[c.start : c.end]) for c in _row_cells(text, q.start, q.end)]
    roles: list[str | None] = []
    for name in names:
        roles.append(next((r for r, rx in _COLUMN_ROLES if (rx.search(name) or rx.search(name.replace(" ", ""))) and r not in roles), None))
    if "text" in roles and ("who" in roles or "when" in roles or "topic" in roles or "flag" in roles) and all(len(name) < 40 for name in names):
        return roles
    return None


# A page's number at the end of a footer's line, after a wide space ("... July 29-30, 2008            1").
_TRAILING_PAGE = re.compile(r"(?:\s{3,}|\t)(\d{1,3})$")
# A heading's count of the slides or pages it runs on: "Agreements (2/3)".
# ("Agreements (cont.)" over each page is a running header, dropped as such)
_COUNTED_HEADING = re.compile(r"\(\s*\d{1,2}\s*/\s*\d{1,2}\s*\)\s*:?\s*$")
_TRAILING_PAGE_OF = re.compile(r"\s(?:page|p[aá]gina|p[aá]g\.)\s*(\d{1,3})\s*(?:of|de|/)\s*\d{1,3}$", re.I)


def _place_only(p: Para, text: str, registry: Registry) -> bool:
    """A short "City, Country" line (a dateline split over two lines)."""
    if len(p.text) > 50 or SENTENCE_END.search(p.text):
        return False
    place = _place_in(text, p.start, p.end, registry)
    return place is not None and clean(text[place.span.end : p.end]) == ""
