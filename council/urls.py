"""Public pages of the portal: séances, délibérations, documents, feeds, exports, transparency."""

from django.urls import path

from council import feeds, views

urlpatterns = [
    path("", views.home, name="home"),
    path("collectivites/<slug:slug>/", views.collectivite_detail, name="collectivite-detail"),
    path("collectivites/<slug:slug>/elus/", views.official_list, name="official-list"),
    path("collectivites/<slug:slug>/elus/<slug:official>/", views.official_detail, name="official-detail"),
    path("seances/", views.seance_list, name="seance-list"),
    path("seances/<int:pk>/", views.seance_detail, name="seance-detail"),
    path("deliberations/", views.deliberation_list, name="deliberation-list"),
    path("deliberations/<int:pk>/", views.deliberation_detail, name="deliberation-detail"),
    path("themes/", views.theme_list, name="theme-list"),
    path("documents/<int:pk>/", views.document_detail, name="document-detail"),
    path("documents/<int:pk>/pages/<int:number>/", views.document_page, name="document-page"),
    path("documents/<int:pk>/original.pdf", views.document_original, name="document-original"),
    path("transparence/", views.transparency, name="transparency"),
    path("flux/deliberations.rss", feeds.DeliberationsRss(), name="feed-deliberations-rss"),
    path("flux/deliberations.atom", feeds.DeliberationsAtom(), name="feed-deliberations-atom"),
    path("flux/seances.rss", feeds.SeancesRss(), name="feed-seances-rss"),
    path("flux/seances.atom", feeds.SeancesAtom(), name="feed-seances-atom"),
    path("exports/deliberations.csv", views.export_deliberations, {"export_format": "csv"}, name="export-deliberations-csv"),
    path("exports/deliberations.jsonl", views.export_deliberations, {"export_format": "jsonl"}, name="export-deliberations-jsonl"),
    path("exports/deliberations.scdl.csv", views.export_deliberations, {"export_format": "scdl"}, name="export-deliberations-scdl"),
]
