from django.http import HttpRequest


def is_htmx(request: HttpRequest) -> bool:
    """True for requests made by htmx (it sends ``HX-Request: true``)."""
    return request.headers.get("HX-Request") == "true"
