// Full-text search of the static site: the prebuilt index (search/index.js, written by `rcmkg publish`
// from the store's search index) searched in the browser. No server, no library, no eval; results are
// built with DOM methods and textContent, so no indexed text is ever parsed as HTML.
(function () {
  "use strict";
  var ix = window.RCMKG_SEARCH;
  var out = document.getElementById("static-results");
  if (!ix || !out) { return; }
  var ui = JSON.parse(out.getAttribute("data-ui") || "{}");
  var STOP = new Set(ix.stop);
  var FACETS = ix.facetNames;
  function fold(s) { return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  function words(s) { return fold(s).match(/[\p{L}\p{N}_]+/gu) || []; }
  // The stems a query word may match: those the index saw for that word, else stems it starts with.
  function stemsOf(w) {
    if (ix.forms[w]) { return ix.forms[w]; }
    var got = [];
    for (var s in ix.terms) {
      if (s.length >= 4 && (w.indexOf(s) === 0 || (w.length >= 4 && s.indexOf(w) === 0))) { got.push(s); }
    }
    return got;
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
  var sets = ws.map(function (w) {
    var docs = new Map();
    stemsOf(w).forEach(function (s) {
      wanted.add(s);
      (ix.terms[s] || []).forEach(function (p) { var d = p[0]; docs.set(d, Math.max(docs.get(d) || 0, p[1])); });
    });
    return docs;
  });
  var scores = new Map();
  sets[0].forEach(function (w, d) { scores.set(d, w); });
  sets.slice(1).forEach(function (docs) {
    scores.forEach(function (w, d) { if (docs.has(d)) { scores.set(d, w + docs.get(d)); } else { scores.delete(d); } });
  });
  var hits = [];
  scores.forEach(function (score, d) {
    var doc = ix.docs[d];
    var ok = Object.keys(chosen).every(function (f) {
      return doc[7].some(function (v) { return ix.values[v][0] === f && chosen[f].has(ix.values[v][1]); });
    });
    if (ok) { hits.push([score, d]); }
  });
  hits.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
  var counts = new Map();
  hits.forEach(function (h) { ix.docs[h[1]][7].forEach(function (v) { counts.set(v, (counts.get(v) || 0) + 1); }); });

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
  hits.slice(0, 100).forEach(function (h) {
    var d = ix.docs[h[1]];
    var tr = el("tr");
    var td = el("td");
    td.appendChild(el("a", d[2], {"href": d[0]}));
    if (d[3] && d[3] !== d[2]) { td.appendChild(el("br")); td.appendChild(el("span", d[3], {"lang": "es"})); }
    tr.appendChild(td);
    tr.appendChild(el("td", ui.kinds[d[1]] || d[1]));
    tr.appendChild(el("td", d[4] || ""));
    var snip = el("td", "", {"class": "snippet", "lang": d[6]});
    d[5].split(/([\p{L}\p{N}_]+)/u).forEach(function (part) {
      var stems = part && ix.forms[fold(part)];
      if (stems && stems.some(function (s) { return wanted.has(s); })) { snip.appendChild(el("mark", part)); }
      else if (part) { snip.appendChild(document.createTextNode(part)); }
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
}());
