"""SQLite's full-text search, ranked in one query (see RankOnceSQLiteQueryCompiler).

Imported by search.backends only when the database is SQLite.
"""

from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks


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
