"""How the REST API treats every request, whatever the endpoint.

- Sign-in by HTTP basic auth or a per-client token, with failed attempts
  counted per client address: after too many in one window the address is
  answered 429 until the window ends, right password or not, so guessing
  passwords stops paying.
- Anonymous clients read at a generous but bounded rate.
- Every error is JSON: a body over ``DATA_UPLOAD_MAX_MEMORY_SIZE`` is a 413
  with the limit, not Django's HTML 400, and a URL under /api/ that matches
  no endpoint is a JSON 404 (``handler404`` in claimtrack/urls.py).
- Every 400 is an object: ``detail``, or the offending parameter's name.

The schema documents these answers (claimtrack/api_schema.py).

Counters live in the default cache, Redis (see settings), so every web
process counts the same failures. Rates come from
``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]`` and are read per request: DRF's
own throttles read them once at import, which would ignore a changed setting.
"""
from __future__ import annotations

import math

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults
from rest_framework import filters, status
from rest_framework.authentication import BasicAuthentication, TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed, Throttled, ValidationError
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle


def configured_rate(scope: str) -> str:
    """The rate for ``scope`` as configured now (DRF's throttles cache it at import)."""
    return api_settings.DEFAULT_THROTTLE_RATES[scope]


# --- Throttles ------------------------------------------------------------------


class AnonymousReadThrottle(AnonRateThrottle):
    """DRF's per-address throttle for clients that are not signed in."""

    def get_rate(self) -> str:
        return configured_rate(self.scope)


class AuthFailureThrottle(SimpleRateThrottle):
    """Failed sign-ins per client address, counted in fixed windows.

    Not a request throttle: the authenticators below ask it whether an address
    is locked out before they look at its credentials, and report every failed
    attempt. The count is an atomic increment in the shared cache, so
    concurrent attempts on several web processes are all counted.
    """

    scope = "auth_failure"

    def get_rate(self) -> str:
        return configured_rate(self.scope)

    def get_cache_key(self, request, view=None) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def locked_out_for(self, request) -> float | None:
        """Seconds until this address may try again, or None if it may now."""
        key, remaining = self._window(request)
        if self.cache.get(key, 0) >= self.num_requests:
            return remaining
        return None

    def record_failure(self, request) -> None:
        key, remaining = self._window(request)
        # The key lives until its window ends; add() leaves a running count alone.
        self.cache.add(key, 0, timeout=math.ceil(remaining))
        try:
            self.cache.incr(key)
        except ValueError:
            # The window ended between add() and incr(): the attempt falls in
            # a window that is already over, so there is nothing to count.
            pass

    def _window(self, request) -> tuple[str, float]:
        """The counter key of the current window and the seconds left in it."""
        now = self.timer()
        window = int(now // self.duration)
        return f"{self.get_cache_key(request)}_{window}", self.duration - now % self.duration


# --- Authentication ---------------------------------------------------------------


class FailureLimitedAuthentication:
    """Mixin for a DRF authenticator: refuse a locked-out address, count failures."""

    def authenticate(self, request):
        if not request.META.get("HTTP_AUTHORIZATION"):
            return super().authenticate(request)  # no credentials: nothing to guess
        limit = AuthFailureThrottle()
        wait = limit.locked_out_for(request)
        if wait is not None:
            raise Throttled(wait=wait, detail="Too many failed sign-ins from this address.")
        try:
            return super().authenticate(request)
        except AuthenticationFailed:
            limit.record_failure(request)
            raise


class FailureLimitedBasicAuthentication(FailureLimitedAuthentication, BasicAuthentication):
    """HTTP basic auth (username and password) with failed attempts limited."""


class FailureLimitedTokenAuthentication(FailureLimitedAuthentication, TokenAuthentication):
    """``Authorization: Token <key>`` (keys from ``manage.py drf_create_token``), failures limited."""


# --- Filtering ----------------------------------------------------------------------


class SearchFilter(filters.SearchFilter):
    """DRF's ``?search=``, its 400 (for a NUL character) naming the parameter as filters do.

    DRF answers a bare list there, unlike every other 400 of the API.
    """

    def get_search_terms(self, request):
        try:
            return super().get_search_terms(request)
        except ValidationError as error:
            raise ValidationError({self.search_param: error.detail}) from None


# --- Errors -------------------------------------------------------------------------


def api_exception_handler(exc, context):
    """DRF's handler, plus a JSON 413 for a body over DATA_UPLOAD_MAX_MEMORY_SIZE."""
    # Imported here: rest_framework.views loads the authenticators above when
    # it is first imported, so this module cannot import it at load time.
    from rest_framework.views import exception_handler

    if isinstance(exc, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return Response(
            {"detail": f"Request body too large: the limit is {limit} bytes."},
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )
    return exception_handler(exc, context)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's 404 page, as JSON under /api/ where clients expect JSON."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Not found."}, status=404)
    return defaults.page_not_found(request, exception)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's 400 page (a bad Host header, say), as JSON under /api/."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Bad request."}, status=400)
    return defaults.bad_request(request, exception)
