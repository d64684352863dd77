"""A DocumentSpec to JSON-ready data and back (pure): batches and issued documents keep the
description they were rendered from, so a batch can resume and a document can be re-issued."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from thidua.documents import sheets
from thidua.documents import spec as s

CLASSES: dict[str, type] = {
    cls.__name__: cls
    for cls in (
        s.Span,
        s.Paragraph,
        s.Item,
        s.Section,
        s.Table,
        s.Framed,
        s.PageBreak,
        s.Qr,
        s.IssuingBody,
        s.DocumentNumber,
        s.Authority,
        s.Signature,
        s.Annex,
        s.DocumentSpec,
        sheets.CertificateSpec,
        sheets.PlacedText,
        sheets.OverlaySheet,
    )
}


def to_data(value: Any) -> Any:
    """Dataclasses become {"_": name, field: ...}; tuples lists; dates {"_": "date", ...}."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {"_": type(value).__name__}
        for f in dataclasses.fields(value):
            data[f.name] = to_data(getattr(value, f.name))
        return data
    if isinstance(value, tuple | list):
        return [to_data(v) for v in value]
    if isinstance(value, dt.date):
        return {"_": "date", "iso": value.isoformat()}
    if isinstance(value, dict):
        return {str(k): to_data(v) for k, v in value.items()}
    return value


def from_data(data: Any) -> Any:
    if isinstance(data, list):
        return tuple(from_data(v) for v in data)
    if isinstance(data, dict) and "_" in data:
        name = data["_"]
        if name == "date":
            return dt.date.fromisoformat(data["iso"])
        cls = CLASSES.get(name)
        if cls is None:
            raise s.SpecError(
                "documents.bad_data",
                s.gettext_noop("Dữ liệu văn bản không đọc được (%(name)s)."),
                name=name,
            )
        fields = {k: from_data(v) for k, v in data.items() if k != "_"}
        if cls is s.DocumentSpec and "meta" in fields:
            fields["meta"] = dict(data["meta"])
        return cls(**fields)
    if isinstance(data, dict):
        return {k: from_data(v) for k, v in data.items()}
    return data


def spec_to_data(
    spec: s.DocumentSpec | sheets.CertificateSpec | sheets.OverlaySheet,
) -> dict[str, Any]:
    return to_data(spec)


def spec_from_data(data: dict[str, Any]) -> Any:
    """A DocumentSpec, or a sheet of a batch (CertificateSpec, OverlaySheet)."""
    spec = from_data(data)
    if not isinstance(spec, s.DocumentSpec | sheets.CertificateSpec | sheets.OverlaySheet):
        raise s.SpecError(
            "documents.bad_data",
            s.gettext_noop("Dữ liệu văn bản không đọc được (%(name)s)."),
            name=type(spec).__name__,
        )
    return spec
