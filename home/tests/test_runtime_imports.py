"""`make run` installs only requirements.txt: code outside the tests must not import test-only packages."""

import ast
from pathlib import Path

from django.conf import settings

TEST_ONLY = {"factory", "wagtail_factories", "pytest", "hypothesis", "playwright", "faker", "axe_playwright_python"}
SKIPPED_DIRS = {".venv", "node_modules", "tests"}
SKIPPED_FILES = {"conftest.py", "factories.py", "pytest_env.py"}


def runtime_modules():
    base = Path(settings.BASE_DIR)
    for path in base.rglob("*.py"):
        if SKIPPED_DIRS.isdisjoint(path.relative_to(base).parts) and path.name not in SKIPPED_FILES:
            yield path


def imported_names(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def test_runtime_code_needs_no_test_only_package():
    offenders = [
        f"{path}: {name}"
        for path in runtime_modules()
        for name in imported_names(path)
        if name.split(".")[0] in TEST_ONLY or name.endswith(".factories")
    ]
    assert offenders == []
