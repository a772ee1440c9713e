"""The site's search backend: the database's own full-text search.

On PostgreSQL each object is indexed, and each query parsed, with the text-search
configuration of its language (`SEARCH_CONFIGS`, e.g. Spanish stemming for Spanish
pages); on SQLite and other databases it is the database backend unchanged.
Configure it as `WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "search.backends"`.
"""

import copy
from collections import defaultdict

from django.db import connection
from django.utils import translation
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)


class LocalisedPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        from wagtail.models import Locale

        if not hasattr(model, "locale"):
            return super().add_items(model, objs)
        language_by_locale = dict(Locale.objects.values_list("pk", "language_code"))
        by_language = defaultdict(list)
        for obj in objs:
            by_language[language_by_locale.get(obj.locale_id)].append(obj)
        for language_code, group in by_language.items():
            # The indexer reads its configuration from the backend it is given.
            index = copy.copy(self)
            index.backend = self.backend.for_language(language_code)
            PostgresIndex.add_items(index, model, group)


class LocalisedPostgresQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return backend.config_for(translation.get_language())


class LocalisedPostgresSearchBackend(PostgresSearchBackend):
    index_class = LocalisedPostgresIndex
    query_compiler_class = LocalisedPostgresQueryCompiler
    results_class = PostgresSearchResults

    def __init__(self, params):
        super().__init__(params)
        self.configs = params.get("SEARCH_CONFIGS", {})
        self.default_config = self.config or "simple"

    def config_for(self, language_code):
        if not language_code:
            return self.default_config
        language_code = language_code.lower()
        return self.configs.get(language_code) or self.configs.get(language_code.split("-")[0]) or self.default_config

    def for_language(self, language_code):
        backend = copy.copy(self)
        backend.config = self.config_for(language_code)
        return backend


def SearchBackend(params):
    if connection.vendor == "postgresql":
        return LocalisedPostgresSearchBackend(params)
    backend = DatabaseSearchBackend(params)
    if connection.vendor == "sqlite":
        # Imported only here: modelsearch's SQLite module defines a model that exists only on SQLite.
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        from search.sqlite import RankOnceSQLiteSearchBackend

        if type(backend) is SQLiteSearchBackend:
            return RankOnceSQLiteSearchBackend(params)
    return backend
