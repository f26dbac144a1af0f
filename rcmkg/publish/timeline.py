"""Timeline and commitments pages: adapters from :mod:`rcmkg.trace` to the publisher's pages.

``rcmkg trace --html`` and the web timeline must say the same thing, so the timeline comes from the
project's :func:`rcmkg.trace.trace` and its template ``trace.html`` when they are installed. Until
then (or if their API changes shape) a minimal timeline is built from the same canned ``trace``
query, so the site never lacks the page.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from rcmkg.errors import NotFound
from rcmkg.namespaces import PREFIXES, RCM, SKOS
from rcmkg.settings import Settings


def _project_trace() -> Any:
    try:
        import rcmkg.trace as trace_module  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    return trace_module


def _track_iri(store: Any, settings: Settings, slug: str) -> str:
    iri = f"{settings.base}id/track/{slug}"
    res = store.query(f"ASK {{ <{iri}> a <{RCM}TrackedItem> }}", use_default_graph_as_union=True)
    if not bool(res):
        raise NotFound(f"no tracked item {slug!r}")
    return iri


def timeline_html(store: Any, settings: Settings, slug: str, linker: Any) -> tuple[str, str]:
    """(title, HTML fragment) of a tracked item's timeline; raises :class:`NotFound`."""
    from rcmkg.publish.pages import environment

    mod = _project_trace()
    if mod is not None and hasattr(mod, "trace") and hasattr(mod, "render_html"):
        try:
            timeline = mod.trace(slug, store=store, settings=settings)
            html = mod.render_html(timeline, href=linker.href, fragment=True)
            title = getattr(timeline, "title", None) or getattr(timeline, "label", None) or slug
            return str(title), str(html)
        except TypeError:
            pass  # a different signature: fall back to the canned query below
    iri = _track_iri(store, settings, slug)
    from rcmkg.queries import bind

    rows = store.query(bind(
        """SELECT ?date ?meeting ?agreement ?number ?kind ?text ?stage ?modality WHERE {
            ?agreement dct:subject ?track ; rcm:agreedAt ?meeting ; rcm:position ?position ; rcm:text ?text .
            ?meeting schema:startDate ?date .
            OPTIONAL { ?agreement rcm:number ?number } OPTIONAL { ?agreement rcm:act ?kind }
            OPTIONAL { ?e rcm:reportedIn ?agreement ; rcm:ofTrack ?track ; rcm:stage ?stage .
                       OPTIONAL { ?e rcm:modality ?modality } }
        } ORDER BY ?date ?meeting ?position""", {"track": iri}),
        prefixes=PREFIXES, use_default_graph_as_union=True,
    )
    label = _label(store, iri)
    events: list[dict[str, Any]] = []
    for sol in rows:
        key = sol["agreement"].value
        if events and events[-1]["agreement"] == key:
            if sol["stage"] is not None:
                events[-1]["stages"].append((sol["stage"].value, sol["modality"].value if sol["modality"] else None))
            continue
        events.append({
            "date": sol["date"].value, "meeting": sol["meeting"].value, "agreement": key,
            "number": sol["number"].value if sol["number"] else "", "kind": sol["kind"].value if sol["kind"] else None,
            "text": sol["text"].value, "lang": sol["text"].language,
            "stages": [(sol["stage"].value, sol["modality"].value if sol["modality"] else None)] if sol["stage"] else [],
        })
    html = environment().get_template("_timeline.html").render(
        label=label, iri=iri, events=events, href=linker.href, label_of=lambda i: _label(store, i))
    return label, html


def _node(iri: str) -> Any:
    from pyoxigraph import NamedNode

    return NamedNode(iri)


def _label(store: Any, iri: str) -> str:
    for q in store.quads_for_pattern(_node(iri), _node(SKOS + "prefLabel"), None, None):
        if getattr(q.object, "language", None) in ("en", None):
            return str(q.object.value)
    for q in store.quads_for_pattern(_node(iri), _node("http://www.w3.org/2000/01/rdf-schema#label"), None, None):
        return str(q.object.value)
    return iri.rstrip("/").rsplit("/", 1)[-1].replace("-", " ")


STATUSES = ("open", "due", "overdue")


def commitments_model(store: Any, settings: Settings, view: Any, status: str | None = None,
                      today: dt.date | None = None) -> dict[str, Any]:
    """Columns and rows of the commitments page (``status``: open, due (has a date) or overdue)."""
    today = today or dt.date.today()
    mod = _project_trace()
    if mod is not None and hasattr(mod, "commitments"):
        try:
            items = list(mod.commitments(store=store, settings=settings, status=status))
            rows = [_row_from_project(view, c) for c in items]
            return {"columns": ["Meeting", "Agreement", "Who", "What", "Due", "Status"], "rows": rows,
                    "statuses": list(STATUSES), "today": today.isoformat()}
        except TypeError:
            pass
    res = store.query(
        """SELECT ?c ?agreement ?meeting ?date ?who ?action ?due ?dueText WHERE {
            ?c a rcm:Commitment ; rcm:madeIn ?agreement ; rcm:action ?action .
            ?agreement rcm:agreedAt ?meeting . ?meeting schema:startDate ?date .
            OPTIONAL { ?c rcm:committedBy ?who } OPTIONAL { ?c rcm:dueDate ?due } OPTIONAL { ?c rcm:dueText ?dueText }
        } ORDER BY DESC(?date) ?c""",
        prefixes=PREFIXES, use_default_graph_as_union=True,
    )
    from rcmkg.publish.pages import Term

    rows = []
    seen: dict[str, list[Any]] = {}
    for sol in res:
        key = sol["c"].value
        if key in seen:
            if sol["who"] is not None:
                who = seen[key][2]
                who.label = f"{who.label}, {view.display(sol['who'].value)}"
            continue
        due = sol["due"].value if sol["due"] else None
        state = "no date" if due is None else ("overdue" if due < today.isoformat() else "due")
        if status == "overdue" and state != "overdue":
            continue
        if status == "due" and due is None:
            continue
        agreement = view.term(sol["agreement"])
        row = [view.term(sol["meeting"]), agreement, view.term(sol["who"]) if sol["who"] else None,
               view.term(sol["action"]), Term("literal", due or (sol["dueText"].value if sol["dueText"] else "—")),
               Term("literal", state)]
        seen[key] = row
        rows.append(row)
    return {"columns": ["Meeting", "Agreement", "Who", "What", "Due", "Status"], "rows": rows,
            "statuses": list(STATUSES[1:]), "today": today.isoformat()}


def _row_from_project(view: Any, c: Any) -> list[Any]:
    from rcmkg.publish.pages import Term

    def t(value: Any) -> Any:
        if value is None:
            return None
        text = str(value)
        return view.term(_node(text)) if text.startswith(("http://", "https://")) else Term("literal", text)

    get = (lambda k: c.get(k)) if isinstance(c, dict) else (lambda k: getattr(c, k, None))
    return [t(get("meeting")), t(get("agreement")), t(get("actor") or get("who")), t(get("action")),
            t(get("due") or get("due_text")), t(get("status"))]
