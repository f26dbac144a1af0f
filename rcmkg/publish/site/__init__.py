"""``rcmkg publish``: the served pages and representations as static files.

- :mod:`rcmkg.publish.site.build`: :func:`~rcmkg.publish.site.build.publish_site`, writing the site.
- :mod:`rcmkg.publish.site.webconf`: ``.htaccess`` and ``nginx.conf`` for it.
"""
