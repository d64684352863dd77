"""Pages of the documents app: thin, every read through thidua/units/access.py."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core.errors import DomainError
from thidua.documents import selectors, services
from thidua.documents.models import DocumentBatch, GeneratedDocument
from thidua.units import access
from thidua.units.context_processors import active_membership

PAGE_SIZE = 25
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """The documents of the active unit."""
    membership = active_membership(request)
    if membership is None:
        return redirect("units:unit-list")
    return redirect("documents:unit-documents", unit_pk=membership.unit_id)


@login_required
def unit_documents(request: HttpRequest, unit_pk: int) -> HttpResponse:
    unit = access.get_unit_for(request.user, unit_pk)
    access.require(request.user, "documents.view", unit)
    scope = access.scope_for(request.user)
    page = Paginator(selectors.latest_documents(scope, unit), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    documents = list(page.object_list)
    older = selectors.earlier_versions(documents)
    rows = [(document, older.get(document.lineage, [])) for document in documents]
    batches = list(selectors.batches_in(scope, unit)[:10])
    return render(
        request,
        "documents/unit_documents.html",
        {"unit": unit, "page": page, "rows": rows, "batches": batches},
    )


def _document_for(request: HttpRequest, pk: int) -> GeneratedDocument:
    document = access.get_for(
        request.user, GeneratedDocument.objects.select_related("unit", "issuer"), pk=pk
    )
    access.require(request.user, "documents.view", document.unit)
    return document


@login_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document_for(request, pk)
    versions = list(selectors.versions_of(document))
    source = document.source  # what the document was generated from (a campaign's plan, ...)
    return render(
        request,
        "documents/document_detail.html",
        {
            "document": document,
            "versions": versions,
            "latest": versions[0],
            "source": source,
            "source_url": getattr(source, "get_absolute_url", lambda: "")(),
            "can_issue": access.can(request.user, "documents.issue", document.unit),
        },
    )


@login_required
def document_download(request: HttpRequest, pk: int, fmt: str) -> FileResponse:
    """The stored file, streamed after the access check (generated files are never public)."""
    if fmt not in CONTENT_TYPES:
        raise Http404
    document = _document_for(request, pk)
    field = document.pdf if fmt == "pdf" else document.docx
    name = f"{document.symbol.replace('/', '-')}-v{document.version}.{fmt}"
    return FileResponse(
        field.open("rb"), as_attachment=True, filename=name, content_type=CONTENT_TYPES[fmt]
    )


@login_required
@require_POST
def document_reissue(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document_for(request, pk)
    access.require(request.user, "documents.issue", document.unit)
    note = request.POST.get("note", "").strip()[:500]
    try:
        new = services.reissue_document(by=request.user, document=document, note=note)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("documents:document-detail", pk=document.pk)
    messages.success(
        request,
        _("Đã phát hành lại %(symbol)s, phiên bản %(version)s.")
        % {"symbol": new.symbol, "version": new.version},
    )
    return redirect("documents:document-detail", pk=new.pk)


def _batch_for(request: HttpRequest, pk: int) -> DocumentBatch:
    batch = access.get_for(
        request.user, DocumentBatch.objects.select_related("unit").defer("specs"), pk=pk
    )
    access.require(request.user, "documents.view", batch.unit)
    return batch


def _batch_context(request: HttpRequest, batch: DocumentBatch) -> dict[str, object]:
    return {
        "batch": batch,
        "stalled": batch.is_stalled(),
        "can_retry": access.can(request.user, "documents.batch", batch.unit),
    }


@login_required
def batch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    batch = _batch_for(request, pk)
    return render(request, "documents/batch_detail.html", _batch_context(request, batch))


@login_required
def batch_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress block alone: htmx polls it every second until the batch is finished."""
    batch = _batch_for(request, pk)
    return render(request, "documents/_batch_progress.html", _batch_context(request, batch))


@login_required
def batch_download(request: HttpRequest, pk: int) -> FileResponse:
    batch = _batch_for(request, pk)
    if not batch.pdf:
        raise Http404
    return FileResponse(
        batch.pdf.open("rb"),
        as_attachment=True,
        filename=f"lo-van-ban-{batch.pk}.pdf",
        content_type=CONTENT_TYPES["pdf"],
    )


@login_required
@require_POST
def batch_retry(request: HttpRequest, pk: int) -> HttpResponse:
    batch = _batch_for(request, pk)
    access.require(request.user, "documents.batch", batch.unit)
    try:
        services.retry_batch(by=request.user, batch=batch)
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("documents:batch-detail", pk=batch.pk)
