"""The OpenAPI schema says what the API really answers: who may call each operation
anonymously, and the error answers of claimtrack/api_policy.py on every operation.

Apart from api_policy because drf-spectacular's AutoSchema imports DRF's views,
which import the authenticators in api_policy: one module could not hold both.
"""
from __future__ import annotations

from drf_spectacular import openapi
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissionsOrAnonReadOnly


class AutoSchema(openapi.AutoSchema):
    """drf-spectacular's, knowing that DjangoModelPermissionsOrAnonReadOnly lets anyone read.

    drf-spectacular lists "no credentials" as a way in only for AllowAny and
    IsAuthenticatedOrReadOnly; without it the schema would say reading
    articles needs a sign-in, which it does not.
    """

    def get_auth(self):
        auths = super().get_auth()
        anyone_reads = any(
            isinstance(permission, DjangoModelPermissionsOrAnonReadOnly)
            for permission in self.view.get_permissions()
        )
        if anyone_reads and self.method in SAFE_METHODS and {} not in auths:
            auths.append({})
        return auths


class FailureLimitedBasicScheme(OpenApiAuthenticationExtension):
    # drf-spectacular matches its basic-auth scheme to that exact class, not subclasses.
    target_class = "claimtrack.api_policy.FailureLimitedBasicAuthentication"
    name = "basicAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "basic"}


ERROR_SCHEMA = {
    "type": "object",
    "description": "`detail` says why; a 400 from a filter names the parameter instead.",
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": True,
}
READ_ERRORS = {
    "401": "Credentials were given and are wrong.",
    "404": "No such object, or no such page.",
    "429": "Too many requests from this address (anonymous reads), or too many failed sign-ins.",
}
QUERY_ERRORS = {"400": "A query parameter has an invalid value."}
WRITE_ERRORS = {
    "400": "The body cannot be read or cannot be an article; `detail` says why.",
    "401": "No credentials, or wrong ones.",
    "403": "Signed in without the permission this needs.",
    "413": "The body is larger than the limit.",
    "415": "The body is not JSON.",
    "429": "Too many failed sign-ins from this address.",
}


def document_error_responses(result, generator, request, public):
    """drf-spectacular postprocessing hook: the error answers every operation may give."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            for code, description in operation_errors(method, operation).items():
                operation["responses"].setdefault(code, {
                    "description": description,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                })
    return result


def operation_errors(method: str, operation: dict) -> dict[str, str]:
    if method.upper() not in SAFE_METHODS:
        return WRITE_ERRORS
    has_query = any(param.get("in") == "query" for param in operation.get("parameters", []))
    return {**READ_ERRORS, **(QUERY_ERRORS if has_query else {})}
