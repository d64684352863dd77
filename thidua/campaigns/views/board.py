"""The progress board of a campaign, and its .xlsx export."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from thidua.campaigns import deadlines, selectors
from thidua.campaigns.enums import AssignmentKind, BoardStatus
from thidua.campaigns.models import Campaign
from thidua.core.cells import escape_row
from thidua.units import access

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _board_campaign(request: HttpRequest, pk: int) -> Campaign:
    campaign = selectors.get_campaign_for(request.user, pk)
    access.require(request.user, "campaigns.view_board", campaign.issuer)
    return campaign


@login_required
def board(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _board_campaign(request, pk)
    late_only = request.GET.get("tre-han") == "1"
    result = selectors.board(
        campaign,
        access.scope_for(request.user),
        now=timezone.now(),
        late_only=late_only,
        page_number=request.GET.get("page"),
    )
    return render(
        request,
        "campaigns/board.html",
        {
            "campaign": campaign,
            "board": result,
            "late_only": late_only,
            "kinds": AssignmentKind.choices,
            "status_choices": BoardStatus.choices,
        },
    )


@login_required
def board_export(request: HttpRequest, pk: int) -> HttpResponse:
    """Every unit of the board in one worksheet (write-only: constant memory per row)."""
    campaign = _board_campaign(request, pk)
    late_only = request.GET.get("tre-han") == "1"
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Tiến độ"))
    bold = Font(bold=True)
    header = [_("Mã"), _("Đơn vị")]
    for _kind, label in AssignmentKind.choices:
        header += [str(label), _("Hạn cuối"), _("Gửi lúc")]
    header += [_("Trễ hạn"), _("Vướng mắc chưa giải quyết")]
    sheet.append([_cell(sheet, value, bold) for value in header])
    rows = selectors.board_export_rows(
        campaign, access.scope_for(request.user), now=timezone.now(), late_only=late_only
    )
    for row in rows:
        line: list[object] = [row.unit.code, row.unit.name]
        for cell in row.cell_list():
            if cell is None:
                line += ["", "", ""]
                continue
            submitted = (
                timezone.localtime(cell.last_submitted_at).strftime("%d/%m/%Y %H:%M")
                if cell.last_submitted_at
                else ""
            )
            last_day = deadlines.last_day_before(cell.late_from).strftime("%d/%m/%Y")
            line += [cell.label, last_day, submitted]
        line += [_("có") if row.is_late else "", row.open_feedback]
        sheet.append(escape_row(line))  # unit names are text typed by people: no formulas
    buffer = BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="tien-do-{campaign.pk}.xlsx"'
    return response


def _cell(sheet: Any, value: object, font: Font) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=str(value))
    cell.font = font
    return cell
