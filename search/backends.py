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
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks


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


class RankOnceSQLiteQueryCompiler(SQLiteSearchQueryCompiler):
    """SQLite's own compiler scores each result in a subquery that runs the full-text match again
    for every row: a common word took over a minute at 10,000 circles. This one ranks all matches
    in one full-text query, keeps those the page query allows, and loads only the requested slice."""

    def _unranked(self, config):
        self.order_by_relevance, ranked = False, self.order_by_relevance
        try:
            return super().search(config, None, None)
        finally:
            self.order_by_relevance = ranked

    def search(self, config, start, stop, score_field=None):
        normalized = normalize(self.query)
        if not self.order_by_relevance or score_field is not None or isinstance(normalized, MatchAll | Not):
            return super().search(config, start, stop, score_field=score_field)
        matches = self._unranked(config)
        if start is None and stop is None:  # facets and counts need the query, not its order
            return matches
        entries = (
            SQLiteFTSIndexEntry.objects.filter(
                MatchExpression(self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(normalized, config))
            )
            .filter(index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model))
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
            .order_by("score")
            .values_list("index_entry__object_id", flat=True)
        )
        allowed = {str(pk) for pk in matches.values_list("pk", flat=True)}
        ranked = [object_id for object_id in dict.fromkeys(entries) if object_id in allowed]
        wanted = ranked[start:stop]
        position = {object_id: number for number, object_id in enumerate(wanted)}
        return sorted(matches.filter(pk__in=wanted), key=lambda obj: position[str(obj.pk)])


class RankOnceSQLiteSearchResults(SQLiteSearchResults):
    def _do_count(self):
        return self.query_compiler._unranked(self.query_compiler.get_config(self.backend)).count()


class RankOnceSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankOnceSQLiteQueryCompiler
    results_class = RankOnceSQLiteSearchResults


def SearchBackend(params):
    if connection.vendor == "postgresql":
        return LocalisedPostgresSearchBackend(params)
    backend = DatabaseSearchBackend(params)
    if type(backend) is SQLiteSearchBackend:
        return RankOnceSQLiteSearchBackend(params)
    return backend
