"""Domain events of the entities app, for the layers above it.

Both are sent synchronously, inside the transaction of the service that
sends them, so that whatever the claims domain files under an entity changes
in the same commit as the entity itself: a count never sees one half of a
merge. The receivers live in ``claims.receivers``; entities never imports
the claims app.
"""
from django.dispatch import Signal

# ``old`` was merged into ``new`` (both Entity): what was filed under ``old`` now belongs to ``new``.
entity_merged = Signal()

# ``member`` (an Entity) was learned to act for ``state``: a state (GPE), or for a person
# an organisation it leads or speaks for. The keyword keeps its first name for receivers.
affiliation_learned = Signal()
