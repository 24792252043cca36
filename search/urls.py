"""Search page and the feeds of a search."""

from django.urls import path

from search import feeds, views

urlpatterns = [
    path("", views.search_page, name="search"),
    path("flux.rss", feeds.SearchRss(), name="search-feed-rss"),
    path("flux.atom", feeds.SearchAtom(), name="search-feed-atom"),
]
