from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.template import loader


def health(request):
    """For load balancers and uptime checks: the app answers and the database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def server_error(request):
    """The 500 page, rendered without a request context: nothing that could fail again."""
    return HttpResponse(loader.get_template("500.html").render(), status=500)
