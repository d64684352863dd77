from django.urls import path

from thidua.documents import views

app_name = "documents"

urlpatterns = [
    path("", views.index, name="index"),
    path("don-vi/<int:unit_pk>/", views.unit_documents, name="unit-documents"),
    path("<int:pk>/", views.document_detail, name="document-detail"),
    path("<int:pk>/tai-ve/<str:fmt>/", views.document_download, name="document-download"),
    path("<int:pk>/phat-hanh-lai/", views.document_reissue, name="document-reissue"),
    path("lo/<int:pk>/", views.batch_detail, name="batch-detail"),
    path("lo/<int:pk>/tien-do/", views.batch_progress, name="batch-progress"),
    path("lo/<int:pk>/tai-ve/", views.batch_download, name="batch-download"),
    path("lo/<int:pk>/chay-lai/", views.batch_retry, name="batch-retry"),
]
