"""Web server configuration shipped with a published site: 303s and content negotiation for Apache
(``.htaccess``) and nginx (``nginx.conf``), tested against the real servers (tests/test_webservers.py)."""

from __future__ import annotations

import re

from rcmkg.publish.conneg import RDF_FORMATS, Format
from rcmkg.publish.limits import STATIC_SECURITY_HEADERS as SECURITY_HEADERS

# Too generic to mean RDF when a client names them (a browser's application/xml, curl's text/plain).
_GENERIC_TYPES = ("text/plain", "application/json", "application/xml", "text/xml")


def accept_rules() -> list[tuple[str, Format]]:
    """(PCRE over an Accept header, format) pairs; the first that matches names the representation.

    Neither mod_rewrite nor nginx can compare q-values, but both try regular expressions in order, so
    the pairs go from the highest weight down (q=1 or none, then 0.9, 0.8, ... 0.01) and, within one
    weight, in the live server's order (HTML first). The limits, documented in the configs: weights
    are compared to one decimal (0.85 ranks with 0.8), wildcards (``*/*``, ``text/*``) only lead to
    the default (HTML), and nothing is refused with 406. A header nothing matches gets HTML.
    """
    params = r"(?:\s*;(?!\s*q=)[^;,]*)*"  # parameters other than q (charset=..., profile=...)
    end = r"\s*(?:[;,]|$)"
    tiers = [r"(?:\s*;\s*q=1(?:\.0{0,3})?)?\s*(?:,|$)"]
    tiers += [rf"\s*;\s*q=0\.{d}\d{{0,2}}{end}" for d in "987654321"]
    tiers.append(rf"\s*;\s*q=0\.0(?:[1-9]\d?|0[1-9]){end}")
    rules = []
    for tier in tiers:
        for f in RDF_FORMATS:
            types = [f.media_type, *(a for a in f.aliases if a not in _GENERIC_TYPES)]
            names = "|".join(re.escape(t).replace("\\/", "/") for t in types)
            rules.append((rf"(?:^|,)\s*(?:{names}){params}{tier}", f))
    return rules


_LIMITS = ("q-values are compared to one decimal (0.85 ranks with 0.8); wildcards (*/*, text/*) only lead\n"
           "# to the default, HTML; nothing is refused with 406. The live server (rcmkg serve) negotiates fully.")

_CORS_NGINX = "add_header Access-Control-Allow-Origin * always;"


def apache_security_headers() -> list[str]:
    """The server's security headers (CSP, nosniff, frame and referrer policy) for ``.htaccess``."""
    return ["# rcmkg: security headers, the same as `rcmkg serve` sends (rcmkg.publish.limits).",
            "<IfModule mod_headers.c>",
            *[f'  Header always set {name.title()} "{value}"' for name, value in SECURITY_HEADERS],
            "</IfModule>", ""]


def with_nginx_security_headers(conf: str) -> str:
    """``conf`` with the security headers beside every ``add_header`` of CORS.

    nginx drops a server's ``add_header`` lines in any location that has its own, so they must be
    repeated in each location rather than set once.
    """
    extra = "".join(f'\n    add_header {name.title()} "{value}" always;' for name, value in SECURITY_HEADERS)
    return conf.replace(_CORS_NGINX, _CORS_NGINX + extra)


def htaccess(site_path: str = "/") -> str:
    """Apache 2.4 (mod_rewrite, mod_headers, mod_mime, mod_dir) rules: 303 from ``id/`` to the
    representation the Accept header prefers, extension-less ``doc/`` and ``voc/`` URLs by Accept,
    media types, ``Vary: Accept`` and CORS on every answer (303s included).

    RewriteCond cannot weigh q-values, so :func:`accept_rules` orders regular expressions by weight.
    """
    site_path = site_path if site_path.endswith("/") else site_path + "/"
    esc = site_path.replace(".", "\\.")
    lines = [
        "# rcmkg: content negotiation for a published site (Apache 2.4; mod_rewrite, mod_headers, mod_mime, mod_dir).",
        "# Put the site folder where " + site_path + " is served; change RewriteBase and the paths below if it moves.",
        "# Needs `AllowOverride FileInfo Indexes Options=MultiViews` (or All) and `Options FollowSymLinks` for the folder.",
        "# Negotiation: " + _LIMITS,
        "Options -MultiViews",
        "# doc/x.html and the folder doc/x/ live side by side: without this, doc/x answers 301 to doc/x/.",
        "<IfModule mod_dir.c>",
        "  DirectorySlash Off",
        "</IfModule>",
        "AddType text/html .html",
    ]
    lines += [f"AddType {f.media_type} .{f.extension}" for f in RDF_FORMATS if f.key != "html"]
    lines += [
        "AddType application/trig .trig",
        "AddType text/csv .csv",
        "AddType text/tab-separated-values .tsv",
        "AddType text/css .css",
        "AddType text/plain .txt",
        "AddType application/json .json",
        "AddType application/xml .xml",
        "AddType application/x-bibtex .bib",
        # exports, feeds and the static search (rcmkg.publish.site.extras)
        "AddType application/vnd.openxmlformats-officedocument.spreadsheetml.sheet .xlsx",
        "AddType application/atom+xml .atom",
        "AddType text/javascript .js",
        "# The dump rcmkg.nt.gz is a gzip file to download, not N-Triples sent compressed.",
        "RemoveEncoding .gz",
        '<FilesMatch "\\.gz$">',
        "  ForceType application/gzip",
        "</FilesMatch>",
        f'<If "%{{REQUEST_URI}} =~ m#^{esc}query/#">',
        "  AddType application/sparql-results+json .json",
        "  AddType application/sparql-results+xml .xml",
        "</If>",
        "# cite this: CSL-JSON citations (rcmkg.publish.cite)",
        f'<If "%{{REQUEST_URI}} =~ m#^{esc}cite/#">',
        "  AddType application/vnd.citationstyles.csl+json .json",
        "</If>",
        "AddCharset utf-8 .html .ttl .jsonld .nt .rdf .trig .csv .tsv .json .xml .css .txt .bib .atom .js",
        '<Files "void">',
        '  ForceType "text/turtle; charset=utf-8"',
        "</Files>",
        "<IfModule mod_headers.c>",
        '  Header always set Access-Control-Allow-Origin "*"',
        "  # `always`: the 303s carry it too (caches must not reuse a redirect made for another Accept).",
        f'  Header always merge Vary Accept "expr=%{{REQUEST_URI}} =~ m#^{esc}(?:(?:id|doc|voc)/|ont$)#"',
        "</IfModule>",
        "ErrorDocument 404 " + site_path + "404.html",
        "RewriteEngine On",
        "RewriteBase " + site_path,
        "# Which representation the Accept header prefers: RCMKG_EXT is its suffix (empty for HTML).",
    ]
    for pattern, f in accept_rules():
        ext = "" if f.key == "html" else "." + f.extension
        lines += ["RewriteCond %{ENV:RCMKG_NEG} ^$",
                  f'RewriteCond %{{HTTP_ACCEPT}} "{pattern}" [NC]',
                  f"RewriteRule ^(?:(?:id|doc|voc)/|ont$) - [E=RCMKG_NEG:{f.key}" + (f",E=RCMKG_EXT:{ext}]" if ext else "]")]
    lines += [
        "# The ontology (hash namespace, W3C vocabulary recipe 3): ont and ont#Term 303 to ont.html or ont.ttl etc.",
        "RewriteCond %{ENV:RCMKG_EXT} ^$",
        "RewriteRule ^ont$ ont.html [R=303,END]",
        "RewriteRule ^ont$ ont%{ENV:RCMKG_EXT} [R=303,END]",
        "# A thing (id/...) is not a document: 303 See Other to its description (Cool URIs, 303 recipe).",
        "RewriteRule ^id/(.+)$ doc/$1%{ENV:RCMKG_EXT} [R=303,END]",
        "# A concept or scheme (voc/...) is a thing too: 303 to its representation (W3C vocabulary recipes, slash namespace).",
        "RewriteCond %{ENV:RCMKG_EXT} ^$",
        "RewriteCond %{REQUEST_FILENAME}.html -f",
        "RewriteRule ^(voc/.+)$ $1.html [R=303,END]",
        "RewriteCond %{ENV:RCMKG_EXT} .",
        "RewriteCond %{REQUEST_FILENAME}%{ENV:RCMKG_EXT} -f",
        "RewriteRule ^(voc/.+)$ $1%{ENV:RCMKG_EXT} [R=303,END]",
        "# A document URL without a suffix: the representation asked for, HTML by default.",
        "RewriteCond %{ENV:RCMKG_EXT} .",
        "RewriteCond %{REQUEST_FILENAME}%{ENV:RCMKG_EXT} -f",
        "RewriteRule ^((?:doc|voc)/.+)$ $1%{ENV:RCMKG_EXT} [END]",
        "RewriteCond %{REQUEST_FILENAME}.html -f",
        "RewriteRule ^(.+)$ $1.html [END]",
        "# A folder with an index page and no page of its own name: what DirectorySlash would have done.",
        "RewriteCond %{REQUEST_FILENAME} -d",
        "RewriteCond %{REQUEST_FILENAME}/index.html -f",
        "RewriteRule ^(.*[^/])$ $1/ [R=301,END]",
        "",
    ]
    return "\n".join(lines + apache_security_headers())


def nginx_conf(site_path: str = "/") -> str:
    """nginx snippet: a ``map`` for the http block, and locations for the server block."""
    p = site_path if site_path.endswith("/") else site_path + "/"
    maps = [f'    "~*{pattern}"  "{"" if f.key == "html" else "." + f.extension}";' for pattern, f in accept_rules()]
    types_block = "\n".join(f"        {f.media_type} {f.extension};" for f in RDF_FORMATS if f.key != "html")
    return with_nginx_security_headers(f"""# rcmkg: content negotiation for a published site (nginx).
# 1. In the http {{}} block: which suffix an Accept header asks for (empty: HTML). nginx tries the
#    regular expressions in order, from the highest q-value down, so the heaviest type named wins.
#    Limits: {_LIMITS}
map $http_accept $rcmkg_ext {{
    default  "";
{chr(10).join(maps)}
}}

# 2. In the server {{}} block, with `root` (or `alias`) pointing at the published folder for {p}.
error_page 404 {p}404.html;
# The ontology (hash namespace, W3C vocabulary recipe 3): ont and ont#Term 303 to ont.html or ont.ttl etc.
location = {p}ont {{
    add_header Vary Accept always;
    add_header Access-Control-Allow-Origin * always;
    if ($rcmkg_ext = "") {{
        return 303 {p}ont.html;
    }}
    return 303 {p}ont$rcmkg_ext;
}}
location ~ ^{p}id/(?<rcmkg_thing>.+)$ {{
    add_header Vary Accept always;
    add_header Access-Control-Allow-Origin * always;
    return 303 {p}doc/$rcmkg_thing$rcmkg_ext;
}}
# A concept or scheme (voc/..., no suffix) is a thing: 303 to its representation (W3C vocabulary recipes).
location ~ ^{p}voc/(?<rcmkg_concept>[^.]*[^./])$ {{
    add_header Vary Accept always;
    add_header Access-Control-Allow-Origin * always;
    if ($rcmkg_ext = "") {{
        return 303 {p}voc/$rcmkg_concept.html;
    }}
    return 303 {p}voc/$rcmkg_concept$rcmkg_ext;
}}
location ~ ^{p}(doc|voc)/ {{
    add_header Vary Accept always;
    add_header Access-Control-Allow-Origin * always;
    types {{
        text/html html;
{types_block}
    }}
    charset utf-8;
    charset_types text/turtle application/ld+json application/n-triples application/rdf+xml;
    try_files $uri$rcmkg_ext $uri.html $uri =404;
}}
location = {p}.well-known/void {{
    default_type text/turtle;
    charset utf-8;
    charset_types text/turtle;
    add_header Access-Control-Allow-Origin * always;
}}
location {p} {{
    add_header Access-Control-Allow-Origin * always;
    types {{
        text/html html;
        text/css css;
        application/trig trig;
        application/gzip gz;
        text/csv csv;
        text/tab-separated-values tsv;
        text/plain txt;
        application/json json;
        application/xml xml;
        application/vnd.openxmlformats-officedocument.spreadsheetml.sheet xlsx;
        application/atom+xml atom;
        text/javascript js;
{types_block}
    }}
    try_files $uri $uri.html $uri/ =404;
    error_page 404 {p}404.html;
}}
# cite this: BibTeX and CSL-JSON citations of meetings and agreements (rcmkg.publish.cite)
location {p}cite/ {{
    add_header Access-Control-Allow-Origin * always;
    types {{
        application/x-bibtex bib;
        application/vnd.citationstyles.csl+json json;
    }}
    charset utf-8;
    charset_types application/x-bibtex;
    try_files $uri =404;
    error_page 404 {p}404.html;
}}
location {p}query/ {{
    add_header Access-Control-Allow-Origin * always;
    types {{
        text/html html;
        text/csv csv;
        text/tab-separated-values tsv;
        application/sparql-results+json json;
        application/sparql-results+xml xml;
        application/vnd.openxmlformats-officedocument.spreadsheetml.sheet xlsx;
    }}
    try_files $uri $uri.html =404;
    error_page 404 {p}404.html;
}}
""")
