"""Item traces and commitments: how a tracked item moved across meetings, and who promised what.

- :mod:`rcmkg.trace.resolve`: what a person types -> one tracked item or actor.
- :mod:`rcmkg.trace.timeline`: a tracked item's timeline, computed from the store (pure).
- :mod:`rcmkg.trace.commitments`: commitments and their status on a day, computed (pure); the
  CLI's table formats.
- :mod:`rcmkg.trace.lookup`: what commands and pages call, reading through :mod:`rcmkg.index`.

Rendering a timeline as HTML/SVG is the publisher's (:mod:`rcmkg.publish.views.timeline`).
"""
