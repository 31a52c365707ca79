"""Top-level URLs: analyst pages, the admin, the REST API and its schema."""
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView

from claims import views
from claims.api import router

urlpatterns = [
    path("", views.claim_list, name="claim-list"),
    path("claims/<int:pk>/", views.claim_detail, name="claim-detail"),
    path("entities/<int:pk>/", views.entity_detail, name="entity-detail"),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
    path("admin/", admin.site.urls),
    path("api/", include((router.urls, "api"))),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularRedocView.as_view(url_name="schema"), name="api-docs"),
]
