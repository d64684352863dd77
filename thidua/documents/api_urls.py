from django.urls import path

from thidua.documents import api

urlpatterns = [
    path("documents/", api.DocumentListView.as_view(), name="document-list"),
    path("documents/<int:pk>/", api.DocumentDetailView.as_view(), name="document-detail"),
    path("document-batches/<int:pk>/", api.BatchDetailView.as_view(), name="batch-detail"),
]
