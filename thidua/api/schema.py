from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension

# DRF writes times as "07:30:00"; JSON Schema's "time" format demands an RFC 3339 offset
# ("07:30:00+07:00"), so a strict client (schemathesis found it) rejects every agenda. The
# schema states what the API really sends instead.
LOCAL_TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?$"


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "thidua.api.authentication.BearerTokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "Token từ POST /api/v1/auth/token/",
        }


def local_times(result: dict[str, Any], **_kwargs: Any) -> dict[str, Any]:
    """Post-processing hook: ``format: time`` becomes the pattern of a local time of day."""

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("format") == "time" and node.get("type") == "string":
                del node["format"]
                node["pattern"] = LOCAL_TIME_PATTERN
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(result)
    return result
