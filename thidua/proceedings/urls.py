from django.urls import path

from thidua.proceedings.views import budget, program, report

app_name = "proceedings"

urlpatterns = [
    path("<int:pk>/kinh-phi/", budget.budget, name="budget"),
    path("<int:pk>/kinh-phi/tien-thuong/", budget.bonus_add, name="bonus-add"),
    path("<int:pk>/kinh-phi/du-toan.pdf", budget.estimate_pdf, name="estimate-pdf"),
    path("kinh-phi/<int:pk>/thuc-chi/", budget.actual_record, name="actual-record"),
    path("kinh-phi/<int:pk>/xoa/", budget.line_delete, name="line-delete"),
    path("<int:pk>/tham-luan/", program.presentations, name="presentations"),
    path("tham-luan/<int:pk>/xoa/", program.presentation_delete, name="presentation-delete"),
    path("<int:pk>/hoat-dong/", program.activities, name="activities"),
    path("hoat-dong/<int:pk>/xoa/", program.activity_delete, name="activity-delete"),
    path("<int:pk>/bao-cao/", report.report, name="report"),
    path("<int:pk>/bao-cao/<int:outline>/", report.section_save, name="section-save"),
    path("<int:pk>/bao-cao/du-thao.pdf", report.report_preview, name="report-preview"),
    path("<int:pk>/bao-cao/ban-hanh/", report.report_issue, name="report-issue"),
    path("tep/<int:pk>/", report.attachment, name="attachment"),
    path("<int:pk>/ket-qua/", report.results, name="results"),
    path("<int:pk>/ket-qua/da-to-chuc/", report.held_record, name="held-record"),
]
