from django.utils.cache import add_never_cache_headers, patch_cache_control


class NoStoreAdminMiddleware:
    """Admin pages show people's data (signups, registrations, users, the outbox): never store them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith("/admin/"):
            add_never_cache_headers(response)
            patch_cache_control(response, no_store=True, private=True)
        return response
