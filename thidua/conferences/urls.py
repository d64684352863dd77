from django.urls import path

from thidua.conferences.views import agenda, conferences, delegates, proposals

app_name = "conferences"

urlpatterns = [
    path("", conferences.conference_list, name="conference-list"),
    path("tao/", conferences.conference_create, name="conference-create"),
    path("<int:pk>/", conferences.conference_detail, name="conference-detail"),
    path("<int:pk>/sua/", conferences.conference_edit, name="conference-edit"),
    path("<int:pk>/hinh-thuc/", conferences.format_choose, name="format-choose"),
    path("<int:pk>/de-xuat-so-luong/", conferences.cap_propose, name="cap-propose"),
    path("<int:pk>/so-luong/", conferences.cap_decide, name="cap-decide"),
    path("<int:pk>/chuong-trinh/", agenda.agenda, name="agenda"),
    path("<int:pk>/chuong-trinh/chap-nhan/", agenda.agenda_accept, name="agenda-accept"),
    path("<int:pk>/chuong-trinh/du-thao.pdf", agenda.programme_preview, name="programme-preview"),
    path("<int:pk>/chuong-trinh/ban-hanh/", agenda.programme_issue, name="programme-issue"),
    path("muc/<int:pk>/sua/", agenda.item_edit, name="agenda-item-edit"),
    path("muc/<int:pk>/di-chuyen/", agenda.item_move, name="agenda-item-move"),
    path("muc/<int:pk>/xoa/", agenda.item_delete, name="agenda-item-delete"),
    path("<int:pk>/dai-bieu/", delegates.delegates, name="delegates"),
    path("<int:pk>/dai-bieu/khung/", delegates.workspace, name="delegates-workspace"),
    path("<int:pk>/dai-bieu/them/", delegates.delegate_add, name="delegate-add"),
    path("<int:pk>/dai-bieu/nhap/", delegates.delegate_manual, name="delegate-manual"),
    path("<int:pk>/dai-bieu/duyet/", delegates.list_approve, name="list-approve"),
    path("<int:pk>/dai-bieu/mo-lai/", delegates.list_reopen, name="list-reopen"),
    path("dai-bieu/<int:pk>/bo/", delegates.delegate_remove, name="delegate-remove"),
    path("dai-bieu/<int:pk>/dua-vao/", delegates.delegate_restore, name="delegate-restore"),
    path("<int:pk>/de-xuat/", proposals.proposal_create, name="proposal-create"),
    path("de-xuat/<int:pk>/", proposals.proposal_detail, name="proposal-detail"),
    path("de-xuat/<int:pk>/ap-dung/", proposals.proposal_apply, name="proposal-apply"),
]
