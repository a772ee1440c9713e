from django.http import HttpResponse


def minimal(request):
    """The cheapest response Django can give: the benchmark's floor for a dynamic page."""
    return HttpResponse("ok", content_type="text/plain")
