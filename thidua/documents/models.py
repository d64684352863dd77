"""Issuers, the number registry, issued documents (immutable versions) and batches."""

from __future__ import annotations

import datetime as dt
from typing import Any, NoReturn

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.documents.enums import BatchStatus
from thidua.documents.spec import IssuingBody


class Issuer(models.Model):
    """A body that issues numbered documents: a People's Committee, its Emulation-Commendation
    Council, an office. Each keeps its own number series, so the Council's notices run
    "…/TB-HĐTĐKT" apart from the Committee's "…/TB-UBND" although both belong to one unit."""

    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="issuers"
    )
    abbreviation = models.CharField(
        _("chữ viết tắt"), max_length=32, help_text=_("Phần cơ quan trong ký hiệu: UBND, HĐTĐKT.")
    )
    name_lines = models.TextField(
        _("tên cơ quan ban hành"), help_text=_("Chữ in hoa, mỗi dòng một dòng của phần tiêu đề.")
    )
    superior_lines = models.TextField(_("cơ quan chủ quản"), blank=True)
    full_name = models.CharField(_("tên đầy đủ"), max_length=300, blank=True)
    place = models.CharField(_("địa danh"), max_length=100)
    numbering_per_type = models.BooleanField(
        _("đánh số riêng theo từng loại văn bản"),
        default=True,
        help_text=_("Bỏ chọn nếu cơ quan đánh một dãy số chung cho mọi loại văn bản trong năm."),
    )
    is_active = models.BooleanField(_("đang sử dụng"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cơ quan ban hành")
        verbose_name_plural = _("cơ quan ban hành")
        ordering = ["unit__path", "abbreviation"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "abbreviation"], name="issuer_unique_per_unit")
        ]

    def __str__(self) -> str:
        return f"{' '.join(self.name_lines.splitlines())} ({self.abbreviation})"

    def body(self) -> IssuingBody:
        return IssuingBody(
            name=tuple(line.strip() for line in self.name_lines.splitlines() if line.strip()),
            abbreviation=self.abbreviation,
            place=self.place,
            superior=tuple(
                line.strip() for line in self.superior_lines.splitlines() if line.strip()
            ),
            full_name=self.full_name,
        )

    def series_key(self, type_code: str) -> str:
        return type_code if self.numbering_per_type else ""


class NumberSeries(models.Model):
    """The last serial used by an issuer for a type (or all types) in a calendar year. A new
    year is a new row, so numbering restarts at 01 on 1 January."""

    issuer = models.ForeignKey(Issuer, on_delete=models.PROTECT, related_name="series")
    type_code = models.CharField(_("loại văn bản"), max_length=8, blank=True)
    year = models.PositiveSmallIntegerField(_("năm"))
    last_serial = models.PositiveIntegerField(_("số cuối đã cấp"), default=0)

    class Meta:
        verbose_name = _("sổ đăng ký số văn bản")
        verbose_name_plural = _("sổ đăng ký số văn bản")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "type_code", "year"], name="number_series_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.issuer.abbreviation} {self.type_code or '*'} {self.year}: {self.last_serial}"


class ImmutableQuerySet(models.QuerySet["GeneratedDocument"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise PermissionError("Issued documents are never changed: issue a new version.")

    def delete(self) -> NoReturn:
        raise PermissionError("Issued documents are never deleted.")


def document_upload_to(instance: GeneratedDocument, filename: str) -> str:
    return f"documents/{instance.year}/{instance.lineage}/{filename}"


class GeneratedDocument(models.Model):
    """One issued version of a numbered document. Never changed: a re-issue (a corrected
    rendering under the same number) is a new row with the next version."""

    lineage = models.UUIDField(_("mã văn bản"), db_index=True, editable=False)
    version = models.PositiveSmallIntegerField(_("phiên bản"))
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    issuer = models.ForeignKey(
        Issuer, verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("loại văn bản"), max_length=8)
    series_key = models.CharField(max_length=8, blank=True, editable=False)
    year = models.PositiveSmallIntegerField(_("năm"))
    serial = models.PositiveIntegerField(_("số"))
    symbol = models.CharField(_("số, ký hiệu"), max_length=64)
    document_date = models.DateField(_("ngày văn bản"))
    title = models.CharField(_("trích yếu"), max_length=500)
    spec = models.JSONField(_("nội dung"), editable=False)
    source_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    source_id = models.CharField(max_length=64, blank=True)
    source = GenericForeignKey("source_type", "source_id")
    pdf = models.FileField(_("tệp PDF"), upload_to=document_upload_to, max_length=300)
    docx = models.FileField(_("tệp DOCX"), upload_to=document_upload_to, max_length=300)
    checksum = models.CharField(_("mã kiểm tra SHA-256 (PDF)"), max_length=64)
    docx_checksum = models.CharField(_("mã kiểm tra SHA-256 (DOCX)"), max_length=64)
    pages = models.PositiveIntegerField(_("số trang"), default=0)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người phát hành"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    issued_at = models.DateTimeField(_("thời điểm phát hành"), default=timezone.now)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        verbose_name = _("văn bản đã phát hành")
        verbose_name_plural = _("văn bản đã phát hành")
        ordering = ["-year", "-serial", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["lineage", "version"], name="document_version_unique"),
            # The registry never gives one number twice; this is the database's own guard.
            models.UniqueConstraint(
                fields=["issuer", "series_key", "year", "serial", "version"],
                name="document_number_unique",
            ),
        ]
        indexes = [
            models.Index(fields=["unit", "-issued_at"], name="document_unit_time"),
            models.Index(fields=["source_type", "source_id"], name="document_source"),
        ]

    def __str__(self) -> str:
        return f"{self.symbol} (v{self.version})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError("Issued documents are never changed: issue a new version.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise PermissionError("Issued documents are never deleted.")

    @property
    def type_name(self) -> str:
        from thidua.documents.spec import TYPES_BY_CODE

        document_type = TYPES_BY_CODE.get(self.kind)
        return document_type.name if document_type else self.kind


def batch_upload_to(instance: DocumentBatch, filename: str) -> str:
    return f"batches/{instance.pk}/{filename}"


class DocumentBatch(models.Model):
    """Many documents rendered in the background into one PDF. The work goes chunk by chunk;
    ``done`` counts the documents whose chunk is saved, so a retry resumes after them.
    ``run_token`` names the attempt that owns the batch: a worker that comes back after it was
    superseded stops at its next chunk."""

    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("tên lô"), max_length=300)
    specs = models.JSONField(_("các văn bản"), editable=False)
    total = models.PositiveIntegerField(_("số văn bản"))
    done = models.PositiveIntegerField(_("đã dựng"), default=0)
    chunk_size = models.PositiveIntegerField(_("số văn bản mỗi phần"), default=100)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=BatchStatus.choices, default=BatchStatus.QUEUED
    )
    error = models.TextField(_("lý do lỗi"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("số lần chạy"), default=0)
    run_token = models.UUIDField(null=True, blank=True, editable=False)
    task_id = models.CharField(max_length=64, blank=True, editable=False)
    pdf = models.FileField(_("tệp PDF"), upload_to=batch_upload_to, blank=True, max_length=300)
    checksum = models.CharField(_("mã kiểm tra SHA-256"), max_length=64, blank=True)
    pages = models.PositiveIntegerField(_("số trang"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    started_at = models.DateTimeField(_("bắt đầu"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("báo hoạt động lần cuối"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("lô văn bản")
        verbose_name_plural = _("lô văn bản")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["unit", "-created_at"], name="batch_unit_time")]
        constraints = [
            models.CheckConstraint(condition=Q(done__lte=models.F("total")), name="batch_done_le")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def is_finished(self) -> bool:
        return self.status in {BatchStatus.DONE, BatchStatus.FAILED}

    def last_sign_of_life(self) -> dt.datetime:
        return self.heartbeat_at or self.started_at or self.created_at

    def is_stalled(self, now: dt.datetime | None = None) -> bool:
        """Running (or queued) but silent for longer than DOCUMENTS_BATCH_STALE_SECONDS: the
        worker died or none is running. Shown as a failure that can be resumed."""
        if self.status not in {BatchStatus.RUNNING, BatchStatus.QUEUED}:
            return False
        now = now or timezone.now()
        limit = dt.timedelta(seconds=settings.DOCUMENTS_BATCH_STALE_SECONDS)
        return now - self.last_sign_of_life() > limit
