"""The museum never rots: every ```python block of every chapter runs, in order, in one namespace."""
from __future__ import annotations

import re

import pytest

from grader.catalogue import REPO, all_topics

CONTENT = REPO / "content"
FENCE = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.S | re.M)
CHAPTERS = [t for t in all_topics() if (CONTENT / t.id / "README.md").is_file()]


def python_blocks(markdown: str) -> list[str]:
    return [m.group(1) for m in FENCE.finditer(markdown)]


@pytest.mark.parametrize("topic", CHAPTERS, ids=[t.id for t in CHAPTERS])
def test_chapter_code_blocks_run(topic, monkeypatch):
    folder = CONTENT / topic.id
    blocks = python_blocks((folder / "README.md").read_text(encoding="utf-8"))
    assert blocks, f"content/{topic.id}/README.md has no worked code"
    monkeypatch.chdir(folder)
    namespace: dict = {"__name__": f"chapter_{topic.id}"}
    for number, block in enumerate(blocks, 1):
        try:
            exec(compile(block, f"content/{topic.id}/README.md[block {number}]", "exec"), namespace)
        except Exception as error:
            pytest.fail(f"content/{topic.id}/README.md block {number} failed: {type(error).__name__}: {error}")


@pytest.mark.parametrize("topic", CHAPTERS, ids=[t.id for t in CHAPTERS])
def test_chapter_has_generated_figures(topic):
    folder = CONTENT / topic.id
    text = (folder / "README.md").read_text(encoding="utf-8")
    assert (folder / "figures.py").is_file(), f"content/{topic.id}/figures.py (the figure script) is missing"
    images = re.findall(r"!\[[^\]]*\]\(([^)]+\.png)\)", text)
    assert images, f"content/{topic.id}/README.md shows no figure"
    for image in images:
        assert (folder / image).is_file(), f"content/{topic.id}/{image} is referenced but missing: run python content/{topic.id}/figures.py"
    assert "interview" in text.lower(), f"content/{topic.id}/README.md needs interview questions"


def test_every_available_topic_has_a_chapter():
    missing = [t.id for t in all_topics() if t.available and t not in CHAPTERS]
    assert not missing, f"topics without a chapter in content/: {missing}"
