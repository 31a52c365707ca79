"""Top-level URLs: analyst pages, the admin, the REST API and its schema."""
from csp.decorators import csp_update
from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView

from claims import views
from claims.api import router

# Redoc, still from our own static files, writes its styles inline and runs
# its search in a blob: worker; only the docs page allows those.
REDOC_CSP = {
    "style-src": ["'self'", "'unsafe-inline'"],
    "worker-src": ["'self'", "blob:"],
    "img-src": ["'self'", "data:"],
}
api_docs = csp_update(REDOC_CSP)(SpectacularRedocView.as_view(url_name="schema"))

urlpatterns = [
    path("", views.claim_list, name="claim-list"),
    re_path(r"^claims\.(?P<fmt>csv|json)$", views.claim_export, name="claim-export"),
    path("claims/<int:pk>/", views.claim_detail, name="claim-detail"),
    path("claims/<int:pk>/figures/", views.claim_figures, name="claim-figures"),
    path("suggest/actors/", views.actor_suggestions, name="actor-suggestions"),
    path("suggest/outlets/", views.outlet_suggestions, name="outlet-suggestions"),
    path("favicon.ico", views.favicon),
    path("entities/<int:pk>/", views.entity_detail, name="entity-detail"),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
    path("admin/", admin.site.urls),
    path("api/", include((router.urls, "api"))),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", api_docs, name="api-docs"),
]

# Under /api/ Django's own error pages are JSON too.
handler400 = "claimtrack.api_policy.bad_request"
handler404 = "claimtrack.api_policy.page_not_found"
