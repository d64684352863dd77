"""Vocabularies of the elections app. Stored values are lowercase English; labels Vietnamese."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Method(models.TextChoices):
    """The apportionment methods of thidua.selection.apportionment."""

    HAMILTON = "hamilton", _("Số dư lớn nhất (Hamilton)")
    DHONDT = "dhondt", _("D'Hondt (Jefferson)")
    SAINTE_LAGUE = "sainte-lague", _("Sainte-Laguë (Webster)")
    HUNTINGTON_HILL = "huntington-hill", _("Huntington-Hill")


class WeightSource(models.TextChoices):
    STAFF = "staff", _("Số CB, CC, VC, NLĐ của đơn vị")
    HONOREES = "honorees", _("Số điển hình của đơn vị")
    TYPED = "typed", _("Nhập trực tiếp")


class Procedure(models.TextChoices):
    HANDS = "hands", _("Biểu quyết giơ tay")
    PAPER = "paper", _("Bỏ phiếu kín bằng phiếu giấy")
    ELECTRONIC = "electronic", _("Bỏ phiếu điện tử")


class PollScope(models.TextChoices):
    PER_CANDIDATE = "per_candidate", _("Từng người")
    WHOLE_LIST = "whole_list", _("Cả danh sách")


class PollStatus(models.TextChoices):
    DRAFT = "draft", _("Chuẩn bị")
    OPEN = "open", _("Đang biểu quyết")
    CLOSED = "closed", _("Đã kết thúc, chờ chứng nhận")
    CERTIFIED = "certified", _("Đã chứng nhận")


class ThresholdBase(models.TextChoices):
    VALID = "valid", _("số phiếu hợp lệ")
    PRESENT = "present", _("số đại biểu có mặt")
    ENTITLED = "entitled", _("tổng số đại biểu được triệu tập")
