"""URLs (to be filled)."""

urlpatterns: list = []
