from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.template import loader

from heritage.outage import outage_response_or_none


def health(request):
    """For load balancers and uptime checks: the app answers and the database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def server_error(request):
    """The 500 page, rendered without a request context: nothing that could fail again. A lost
    database connection gets the 503 "back soon" page instead (see heritage.outage)."""
    return outage_response_or_none(request) or HttpResponse(
        loader.get_template("500.html").render(), status=500
    )
