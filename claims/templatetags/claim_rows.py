"""``{% claim_row claim %}``: one row of a claim table, rendered once for what it shows.

A claim list page is 25 rows of several hundred template nodes; rendering them
was about half the page's time (issue 11). A row's HTML depends on nothing but
the claim's loaded columns, its parties' loaded columns, the language and the
URLs, so it is kept per process, keyed by all of those, for as long as
none of them changes: a recomputed figure, a renamed actor or a new status is a
new key, and the row is rendered afresh. The most recently shown rows are kept,
``ROWS_KEPT`` at most.
"""
from __future__ import annotations

import threading
from collections import OrderedDict

from django import template
from django.conf import settings
from django.template.loader import get_template
from django.urls import get_script_prefix, get_urlconf
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

ROW_TEMPLATE = "claims/_claim_row.html"
ROWS_KEPT = 5_000  # about 1 KB each
# The parties a row shows (``_claim_parties.html``); a voice is not shown in a table.
SHOWN_PARTIES = ("actor", "target", "about")

_rows: OrderedDict[tuple, SafeString] = OrderedDict()
_lock = threading.Lock()


@register.simple_tag
def claim_row(claim) -> SafeString:
    key = row_key(claim)
    try:
        hash(key)
    except TypeError:  # a column that is a list or a dict: rendered each time, not kept
        return _render(claim)
    with _lock:
        html = _rows.get(key)
        if html is not None:
            _rows.move_to_end(key)
            return html
    html = _render(claim)
    with _lock:
        _rows[key] = html
        if len(_rows) > ROWS_KEPT:
            _rows.popitem(last=False)
    return html


def _render(claim) -> SafeString:
    return mark_safe(get_template(ROW_TEMPLATE).render({"claim": claim}))


def row_key(claim) -> tuple:
    """Everything a row can show: every loaded column of the claim and of its shown parties."""
    return (
        translation.get_language(),
        get_script_prefix(),
        get_urlconf(settings.ROOT_URLCONF),
        _columns(claim),
        *(_columns(getattr(claim, role)) for role in SHOWN_PARTIES),
    )


def _columns(instance) -> tuple | None:
    # A model instance's loaded columns are its __dict__ without its state and caches.
    if instance is None:
        return None
    return tuple((name, value) for name, value in instance.__dict__.items() if not name.startswith("_"))


def forget_rows() -> None:
    """Render every row afresh (for tests: a process that changed nothing never needs to)."""
    with _lock:
        _rows.clear()
