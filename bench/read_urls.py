"""The project's URLs plus the baseline of ``bench/read_bench.py``: a bare view of the same 50 rows.

The baseline is what the claim list costs at the least: one query with
``.values()``, serialised by ``JsonResponse``, no DRF, no templates.
"""
from django.http import JsonResponse
from django.urls import path

from claimtrack.urls import handler400, handler404, urlpatterns as project_urlpatterns  # noqa: F401
from claims.models import Claim

BARE_FIELDS = (
    "id", "kind", "summary", "actor_id", "target_id", "about_id", "predicate", "article_count",
    "outlet_count", "origin_count", "first_seen", "last_seen", "status",
)


def bare_claims(request):
    # The list's rows and order (``claims.selectors.claim_list``), nothing else.
    listed = Claim.objects.exclude(status=Claim.Status.WITHDRAWN).by_corroboration()
    rows = list(listed.values(*BARE_FIELDS)[:50])
    return JsonResponse({"results": rows})


urlpatterns = [path("bench/bare-claims/", bare_claims), *project_urlpatterns]
