// Full-text search of the static site: the prebuilt index (search/index.js, written by `rcmkg publish`
// from the store's search index) searched in the browser. No server, no library, no eval; results are
// built with DOM methods and textContent, so no indexed text is ever parsed as HTML.
// Full-text search of the static site: the prebuilt index (search/, written by `rcmkg publish` from the
// store's search index: rcmkg/search/static.py) searched in the browser. The index is in parts: a
// search loads the word forms and stems its words start with, every document's facet values and the
// documents it shows, each part a script calling RCMKG_SEARCH_SHARD (scripts, not fetch: they also
// load from file://). No server, no library, no eval; results are built with DOM methods and
// textContent, so no indexed text is ever parsed as HTML.
(function () {
  "use strict";
  var ix = window.RCMKG_SEARCH;
  var out = document.getElementById("static-results");
  var main = document.querySelector('script[src$="search/index.js"]');
  if (!ix || !out || !main) { return; }
  var root = main.src.slice(0, main.src.length - "index.js".length);
  var ui = JSON.parse(out.getAttribute("data-ui") || "{}");
  var STOP = new Set(ix.stop);
  var FACETS = ix.facetNames;
  var TERMS = new Set(ix.terms);
  var FORMS = new Set(ix.forms);
  function fold(s) { return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  function words(s) { return fold(s).match(/[\p{L}\p{N}_]+/gu) || []; }
  // The file a stem or word form is kept in: rcmkg.search.static.shard_key.
  function key(s) {
    var head = Array.from(s).slice(0, 2);
    if (/^[a-z0-9_]{1,2}$/.test(head.join(""))) { return head.join(""); }
    return "x" + head.map(function (c) { return c.codePointAt(0).toString(16); }).join("-");
  }
  var parts = {};
  var arrived = {};
  window.RCMKG_SEARCH_SHARD = function (kind, k, data) { arrived[kind + "/" + k] = data; };
  // One part of the index, loaded once: a promise of its data (null when it cannot be read).
  function part(kind, k) {
    var id = kind + "/" + k;
    if (!parts[id]) {
      parts[id] = new Promise(function (resolve) {
        var s = document.createElement("script");
        s.src = root + (kind === "facets" ? "facets" : kind + "/" + encodeURIComponent(k)) + ".js";
        s.onload = function () { resolve(arrived[id] || null); };
        s.onerror = function () { resolve(null); };
        document.head.appendChild(s);
      });
    }
    return parts[id];
  }
  function formsOf(k) { return FORMS.has(k) ? part("f", k) : Promise.resolve(null); }
  function termsOf(k) { return TERMS.has(k) ? part("t", k) : Promise.resolve(null); }
  // The stems a query word may match: those the index saw for that word, else stems it starts with
  // (which share its file).
  function stemsOf(w) {
    return formsOf(key(w)).then(function (forms) {
      if (forms && forms[w]) { return forms[w]; }
      return termsOf(key(w)).then(function (terms) {
        var got = [];
        for (var s in terms || {}) {
          if (s.length >= 4 && (w.indexOf(s) === 0 || (w.length >= 4 && s.indexOf(w) === 0))) { got.push(s); }
        }
        return got;
      });
    });
  }
  var params = new URLSearchParams(window.location.search);
  var q = params.get("q") || "";
  var input = document.getElementById("sq");
  if (input) { input.value = q; }
  var chosen = {};
  FACETS.forEach(function (f) { var v = params.getAll(f).filter(Boolean); if (v.length) { chosen[f] = new Set(v); } });
  var all = words(q);
  var ws = all.filter(function (w) { return !STOP.has(w); });
  if (!ws.length) { ws = all; }
  if (!ws.length) { return; }
  var wanted = new Set();
  var facetsOf = part("facets", "all");
  Promise.all(ws.map(stemsOf)).then(function (stemLists) {
    return Promise.all(stemLists.map(function (stems) {
      return Promise.all(stems.map(function (s) {
        wanted.add(s);
        return termsOf(key(s)).then(function (terms) { return (terms && terms[s]) || []; });
      }));
    }));
  }).then(function (postingLists) {
    var sets = postingLists.map(function (lists) {
      var docs = new Map();
      lists.forEach(function (postings) {
        postings.forEach(function (p) { var d = p[0]; docs.set(d, Math.max(docs.get(d) || 0, p[1])); });
      });
      return docs;
    });
    return facetsOf.then(function (facets) { show(sets, facets || []); });
  });

  function show(sets, facets) {
    var scores = new Map();
    sets[0].forEach(function (w, d) { scores.set(d, w); });
    sets.slice(1).forEach(function (docs) {
      scores.forEach(function (w, d) { if (docs.has(d)) { scores.set(d, w + docs.get(d)); } else { scores.delete(d); } });
    });
    var hits = [];
    scores.forEach(function (score, d) {
      var values = facets[d] || [];
      var ok = Object.keys(chosen).every(function (f) {
        return values.some(function (v) { return ix.values[v][0] === f && chosen[f].has(ix.values[v][1]); });
      });
      if (ok) { hits.push([score, d]); }
    });
    hits.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    var counts = new Map();
    hits.forEach(function (h) { (facets[h[1]] || []).forEach(function (v) { counts.set(v, (counts.get(v) || 0) + 1); }); });
    var shown = hits.slice(0, 100);
    // the documents shown, and the word forms of the stems looked for (to mark them in the snippets)
    var needed = new Set(shown.map(function (h) { return Math.floor(h[1] / ix.docShard); }));
    var docParts = Promise.all(Array.from(needed).map(function (n) {
      return part("d", String(n)).then(function (docs) { return [n, docs || []]; });
    }));
    var formParts = Promise.all(Array.from(new Set(Array.from(wanted).map(key))).map(formsOf));
    Promise.all([docParts, formParts]).then(function (got) {
      var docs = new Map(got[0]);
      var forms = {};
      got[1].forEach(function (f) { Object.assign(forms, f || {}); });
      render(hits, shown.map(function (h) { return (docs.get(Math.floor(h[1] / ix.docShard)) || [])[h[1] % ix.docShard]; }),
             counts, forms);
    });
  }

  function render(hits, shownDocs, counts, forms) {
    function el(name, text, attrs) {
      var e = document.createElement(name);
      if (text) { e.textContent = text; }
      Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
      return e;
    }
    function link(pairs) {
      var p = new URLSearchParams();
      pairs.forEach(function (kv) { p.append(kv[0], kv[1]); });
      return "?" + p.toString();
    }
    var base = [["q", q]];
    Object.keys(chosen).forEach(function (f) { chosen[f].forEach(function (v) { base.push([f, v]); }); });
    out.textContent = "";
    out.appendChild(el("p", (hits.length === 1 ? ui.one : hits.length + " " + ui.many) + " “" + q + "”.", {"class": "count"}));
    var layout = el("div", "", {"class": "search-layout"});
    var aside = el("aside", "", {"class": "facets", "aria-label": "Filters"});
    FACETS.forEach(function (f) {
      var vals = [];
      counts.forEach(function (n, v) { if (ix.values[v][0] === f) { vals.push([n, v]); } });
      if (!vals.length) { return; }
      vals.sort(function (a, b) { return f === "year" ? ix.values[b[1]][1].localeCompare(ix.values[a[1]][1]) : b[0] - a[0]; });
      var sec = el("section", "", {"class": "facet", "id": "facet-" + f});
      sec.appendChild(el("h2", ui.facets[f] || f));
      var ul = el("ul");
      vals.slice(0, 30).forEach(function (nv) {
        var value = ix.values[nv[1]][1];
        var selected = chosen[f] && chosen[f].has(value);
        var pairs = selected ? base.filter(function (kv) { return !(kv[0] === f && kv[1] === value); }) : base.concat([[f, value]]);
        var li = el("li", "", selected ? {"class": "selected"} : {});
        var label = f === "kind" ? (ui.kinds[value] || value) : ix.values[nv[1]][2];
        li.appendChild(el("a", (selected ? "✓ " : "") + label, {"href": link(pairs), "data-facet": f, "data-value": value}));
        li.appendChild(document.createTextNode(" "));
        li.appendChild(el("span", String(nv[0]), {"class": "n"}));
        ul.appendChild(li);
      });
      sec.appendChild(ul);
      aside.appendChild(sec);
    });
    var table = el("table", "", {"class": "hits"});
    var head = el("tr");
    ui.columns.forEach(function (h) { head.appendChild(el("th", h, {"scope": "col"})); });
    table.appendChild(el("thead")).appendChild(head);
    var body = el("tbody");
    shownDocs.forEach(function (d) {
      if (!d) { return; }
      var tr = el("tr");
      var td = el("td");
      td.appendChild(el("a", d[2], {"href": d[0]}));
      if (d[3] && d[3] !== d[2]) { td.appendChild(el("br")); td.appendChild(el("span", d[3], {"lang": "es"})); }
      tr.appendChild(td);
      tr.appendChild(el("td", ui.kinds[d[1]] || d[1]));
      tr.appendChild(el("td", d[4] || ""));
      var snip = el("td", "", {"class": "snippet", "lang": d[6]});
      d[5].split(/([\p{L}\p{N}_]+)/u).forEach(function (piece) {
        var stems = piece && forms[fold(piece)];
        if (stems && stems.some(function (s) { return wanted.has(s); })) { snip.appendChild(el("mark", piece)); }
        else if (piece) { snip.appendChild(document.createTextNode(piece)); }
      });
      tr.appendChild(snip);
      body.appendChild(tr);
    });
    table.appendChild(body);
    var scroll = el("div", "", {"class": "scroll"});
    scroll.appendChild(table);
    var results = el("div", "", {"class": "results"});
    results.appendChild(scroll);
    layout.appendChild(results);
    layout.appendChild(aside);  // after the results: phones show the answer first (CSS puts it beside them when wide)
    out.appendChild(layout);
  }
}());
