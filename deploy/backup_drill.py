"""`make backup-drill`: back up a PostgreSQL database with the demo, restore it into a new one,
and prove the copy is whole: every table's row count equal and Wagtail's trees clean.

The commands are the ones `docs/deploy.md` gives for real backups. Needs PostgreSQL
(DRILL_POSTGRES, default postgres://postgres@127.0.0.1:5432); both databases are dropped
at the end.
"""

import os
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
POSTGRES = os.environ.get("DRILL_POSTGRES", "postgres://postgres@127.0.0.1:5432")
COUNT_ROWS = """
select string_agg(format('select %L as t, count(*) as n from %I', tablename, tablename), ' union all ')
from pg_tables where schemaname = 'public'
"""
TREE_CHECK = """
from wagtail.models import Collection, Page
problems = {model.__name__: [len(found) for found in model.find_problems()] for model in (Page, Collection)}
print(problems)
raise SystemExit(1 if any(sum(counts) for counts in problems.values()) else 0)
"""


def run(*command, **kwargs):
    return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)


def row_counts(database):
    url = f"{POSTGRES}/{database}"
    union = run("psql", url, "-qtAc", COUNT_ROWS).stdout.strip()
    rows = run("psql", url, "-qtAF", "\t", "-c", union).stdout.strip().splitlines()
    return {table: int(count) for table, count in (row.split("\t") for row in rows)}


def manage(database, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update({"DJANGO_DEBUG": "1", "DATABASE_URL": f"{POSTGRES}/{database}"})
    return run(PYTHON, "manage.py", *args, cwd=ROOT, env=env)


def main():
    suffix = secrets.token_hex(4)
    source, restored = f"drill_source_{suffix}", f"drill_restored_{suffix}"
    dump = Path(tempfile.mkdtemp(prefix="backup-drill-")) / "site.dump"
    try:
        run("psql", f"{POSTGRES}/postgres", "-qc", f"create database {source}")
        manage(source, "migrate", "--noinput", "-v0")
        manage(source, "load_demo", "-v0")
        print(f"== backing up {source}")
        run("pg_dump", "--format=custom", "--no-owner", f"--file={dump}", f"{POSTGRES}/{source}")
        print(f"   {dump.stat().st_size // 1024} KiB")
        print(f"== restoring into {restored}")
        run("psql", f"{POSTGRES}/postgres", "-qc", f"create database {restored}")
        run("pg_restore", "--no-owner", "--exit-on-error", f"--dbname={POSTGRES}/{restored}", str(dump))
        before, after = row_counts(source), row_counts(restored)
        differing = {table: (before.get(table), after.get(table)) for table in before.keys() | after.keys()}
        differing = {table: counts for table, counts in differing.items() if counts[0] != counts[1]}
        assert not differing, f"row counts differ after restore: {differing}"
        print(f"   {len(before)} tables, {sum(before.values())} rows: equal")
        tree = manage(restored, "shell", "-v", "0", "-c", TREE_CHECK)
        print(f"   Wagtail tree check: {tree.stdout.strip()} (no problems)")
        manage(restored, "check", "-v", "0")
    except subprocess.CalledProcessError as error:
        print(error.stdout, error.stderr, file=sys.stderr)
        raise
    finally:
        for database in (source, restored):
            subprocess.run(["psql", f"{POSTGRES}/postgres", "-qc", f"drop database if exists {database} with (force)"])
        dump.unlink(missing_ok=True)
        dump.parent.rmdir()
    print("== backup drill passed")


if __name__ == "__main__":
    main()
