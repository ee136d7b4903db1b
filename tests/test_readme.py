"""The README's examples run as written (Python blocks in order, and the main CLI command)."""

import re
import shutil
from pathlib import Path

import pytest

from crisislens.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.fixture
def in_copy_of_repo(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_readme_python_examples_run(in_copy_of_repo):
    blocks = re.findall(r"```python\n(.*?)```", README, flags=re.S)
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), namespace)
    assert 2 <= len(blocks)
    assert (in_copy_of_repo / "output" / "parquet" / "quotes.parquet").exists()


def test_readme_main_job_command_runs(in_copy_of_repo, capsys):
    command = re.search(r"&& (crisislens report [^\n`]+)", README).group(1)
    assert 0 == main(command.split()[1:])
    written = sorted(p.name for p in (in_copy_of_repo / "output").glob("*.csv"))
    assert ["actors.csv", "articles.csv", "contacts.csv", "errors.csv", "figures.csv", "mentions.csv",
            "quotes.csv", "sentences.csv"] == written
    assert "<img" in (in_copy_of_repo / "output" / "report.html").read_text(encoding="utf-8")


def test_readme_test_command_is_what_ci_runs():
    command = re.search(r"Run the tests.*?```console\n(.*?)\n```", README, flags=re.S).group(1).strip()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert command in ci.splitlines()
