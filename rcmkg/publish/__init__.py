"""Publishing the graph as linked data: a server, a static site and a push to a triple store.

* :func:`rcmkg.publish.app.create_app` - the ASGI app (``rcmkg serve``)
* :func:`rcmkg.publish.site.build.publish_site` - the static site (``rcmkg publish``)
* :func:`rcmkg.publish.push.push` - Graph Store Protocol upload (``rcmkg push``)

All three read a :class:`rcmkg.publish.source.Source` (the project's local store). The pages both
the server and the site show come from :mod:`rcmkg.publish.views`; the dumps from
:mod:`rcmkg.publish.dumps`; the SPARQL endpoint's worker processes are :mod:`rcmkg.publish.endpoint`.
"""
