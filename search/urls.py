"""Search page, the feeds of a search and its e-mail alerts."""

from django.urls import path

from search import feeds, views

urlpatterns = [
    path("", views.search_page, name="search"),
    path("flux.rss", feeds.SearchRss(), name="search-feed-rss"),
    path("flux.atom", feeds.SearchAtom(), name="search-feed-atom"),
    path("alertes/", views.alert_subscribe, name="alert-subscribe"),
    path("alertes/<str:token>/confirmer/", views.alert_confirm, name="alert-confirm"),
    path("alertes/<str:token>/arreter/", views.alert_unsubscribe, name="alert-unsubscribe"),
]
