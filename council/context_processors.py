"""Values every page shows: the portal's name and the human contact."""

from django.conf import settings


def portal(request) -> dict:
    return {
        "portal_name": settings.PORTAL_NAME,
        "contact": {
            "service": settings.CONTACT_SERVICE,
            "phone": settings.CONTACT_PHONE,
            "email": settings.CONTACT_EMAIL,
            "form_url": settings.CONTACT_FORM_URL,
        },
    }
