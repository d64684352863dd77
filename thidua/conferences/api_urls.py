from django.urls import path

from thidua.conferences import api

urlpatterns = [
    path("conferences/", api.ConferenceListView.as_view(), name="conference-list"),
    path("conferences/<int:pk>/", api.ConferenceDetailView.as_view(), name="conference-detail"),
    path("conferences/<int:pk>/format/", api.FormatView.as_view(), name="conference-format"),
    path(
        "conferences/<int:pk>/cap-proposal/",
        api.CapProposalView.as_view(),
        name="conference-cap-proposal",
    ),
    path("conferences/<int:pk>/cap/", api.CapView.as_view(), name="conference-cap"),
    path("conferences/<int:pk>/agenda/", api.AgendaView.as_view(), name="conference-agenda"),
    path(
        "conferences/<int:pk>/agenda/accept/",
        api.AgendaAcceptView.as_view(),
        name="conference-agenda-accept",
    ),
    path("agenda-items/<int:pk>/", api.AgendaItemView.as_view(), name="agenda-item-detail"),
    path("agenda-items/<int:pk>/move/", api.AgendaItemMoveView.as_view(), name="agenda-item-move"),
    path(
        "conferences/<int:pk>/delegates/",
        api.DelegateListView.as_view(),
        name="conference-delegates",
    ),
    path("conferences/<int:pk>/check/", api.CheckView.as_view(), name="conference-check"),
    path("conferences/<int:pk>/approve/", api.ApproveView.as_view(), name="conference-approve"),
    path("conferences/<int:pk>/reopen/", api.ReopenView.as_view(), name="conference-reopen"),
    path("delegates/<int:pk>/", api.DelegateDetailView.as_view(), name="delegate-detail"),
    path("delegates/<int:pk>/restore/", api.DelegateRestoreView.as_view(), name="delegate-restore"),
    path(
        "conferences/<int:pk>/proposals/",
        api.ProposalListView.as_view(),
        name="conference-proposals",
    ),
    path("proposals/<int:pk>/", api.ProposalDetailView.as_view(), name="proposal-detail"),
    path("proposals/<int:pk>/apply/", api.ProposalApplyView.as_view(), name="proposal-apply"),
]
