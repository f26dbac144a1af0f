"""Web server configuration shipped with a published site: 303s and content negotiation for Apache
(``.htaccess``) and nginx (``nginx.conf``)."""

from __future__ import annotations

from rcmkg.publish.conneg import RDF_FORMATS
from rcmkg.publish.limits import SECURITY_HEADERS

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
    """Apache (mod_rewrite, mod_headers, mod_mime) rules: 303 from ``id/`` to ``doc/``, extension-less
    ``doc/`` URLs by Accept, media types, CORS.

    Apache cannot weigh q-values in RewriteCond, so the rules approximate negotiation: an Accept that
    names text/html (every browser) gets HTML; otherwise the first RDF type it names, in our order.
    """
    site_path = site_path if site_path.endswith("/") else site_path + "/"
    lines = [
        "# rcmkg: content negotiation for a published site (Apache 2.4; mod_rewrite, mod_headers, mod_mime).",
        "# Put the site folder where " + site_path + " is served; change RewriteBase if it moves.",
        "Options -MultiViews",
        "AddType text/html .html",
    ]
    lines += [f"AddType {f.media_type} .{f.extension}" for f in RDF_FORMATS if f.key != "html"]
    lines += [
        "AddType application/trig .trig",
        "AddType text/tab-separated-values .tsv",
        "AddType application/sparql-results+json .json",
        "AddType application/sparql-results+xml .xml",
        "AddType text/turtle void",
        "AddCharset utf-8 .html .ttl .jsonld .nt .rdf .trig .csv .tsv .json .xml",
        "<IfModule mod_headers.c>",
        '  Header set Access-Control-Allow-Origin "*"',
        "</IfModule>",
        "ErrorDocument 404 " + site_path + "404.html",
        "RewriteEngine On",
        "RewriteBase " + site_path,
        "# A thing (id/...) is not a document: 303 See Other to its description (Cool URIs, 303 recipe).",
        "RewriteCond %{HTTP_ACCEPT} text/html [NC,OR]",
        "RewriteCond %{HTTP_ACCEPT} ^$",
        "RewriteRule ^id/(.+)$ doc/$1 [R=303,L,E=VARY:1]",
    ]
    for f in RDF_FORMATS:
        if f.key == "html":
            continue
        types = [f.media_type, *[a for a in f.aliases if a not in ("text/plain", "application/json", "application/xml", "text/xml")]]
        cond = "|".join(t.replace("+", "\\+") for t in types)
        lines += [f"RewriteCond %{{HTTP_ACCEPT}} ({cond}) [NC]",
                  f"RewriteRule ^id/(.+)$ doc/$1.{f.extension} [R=303,L,E=VARY:1]"]
    lines += [
        "RewriteRule ^id/(.+)$ doc/$1 [R=303,L,E=VARY:1]",
        "# A document URL without a suffix: the representation the Accept header asks for, HTML by default.",
    ]
    for f in RDF_FORMATS:
        if f.key == "html":
            continue
        types = [f.media_type, *[a for a in f.aliases if a not in ("text/plain", "application/json", "application/xml", "text/xml")]]
        cond = "|".join(t.replace("+", "\\+") for t in types)
        lines += ["RewriteCond %{HTTP_ACCEPT} !text/html [NC]",
                  f"RewriteCond %{{HTTP_ACCEPT}} ({cond}) [NC]",
                  f"RewriteCond %{{REQUEST_FILENAME}}.{f.extension} -f",
                  f"RewriteRule ^((?:doc|voc)/.+)$ $1.{f.extension} [L,E=VARY:1]"]
    lines += [
        "RewriteCond %{REQUEST_FILENAME}.html -f",
        "RewriteRule ^(.+)$ $1.html [L,E=VARY:1]",
        "<IfModule mod_headers.c>",
        "  Header merge Vary Accept env=REDIRECT_VARY",
        "  Header merge Vary Accept env=VARY",
        "</IfModule>",
        "",
    ]
    return "\n".join(lines + apache_security_headers())


def nginx_conf(site_path: str = "/") -> str:
    """nginx snippet: a ``map`` for the http block, and locations for the server block."""
    p = site_path if site_path.endswith("/") else site_path + "/"
    maps = ["    ~*text/html  \"\";"]
    for f in RDF_FORMATS:
        if f.key == "html":
            continue
        types = [f.media_type, *[a for a in f.aliases if a not in ("text/plain", "application/json", "application/xml", "text/xml")]]
        pattern = "|".join(t.replace("+", "\\+") for t in types)
        maps.append(f'    "~*({pattern})"  ".{f.extension}";')
    types_block = "\n".join(f"        {f.media_type} {f.extension};" for f in RDF_FORMATS if f.key != "html")
    return with_nginx_security_headers(f"""# rcmkg: content negotiation for a published site (nginx).
# 1. In the http {{}} block: which suffix an Accept header asks for. Browsers name text/html and get
#    HTML; otherwise the first RDF type named wins (nginx cannot weigh q-values; the live server can).
map $http_accept $rcmkg_ext {{
    default  "";
{chr(10).join(maps)}
}}

# 2. In the server {{}} block, with `root` (or `alias`) pointing at the published folder for {p}.
location ~ ^{p}id/(?<rcmkg_thing>.+)$ {{
    add_header Vary Accept always;
    add_header Access-Control-Allow-Origin * always;
    return 303 {p}doc/$rcmkg_thing$rcmkg_ext;
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
        application/sparql-results+json json;
        application/sparql-results+xml xml;
{types_block}
    }}
    try_files $uri $uri.html $uri/index.html =404;
    error_page 404 {p}404.html;
}}
""")
