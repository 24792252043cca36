"""Search backends behind one small interface; the configured one is returned by `search_backend_get`."""

import functools

from django.conf import settings
from django.utils.module_loading import import_string

from search.backends.base import SearchBackend


@functools.cache
def search_backend_get() -> SearchBackend:
    return import_string(settings.SEARCH_BACKEND)()
