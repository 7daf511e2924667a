"""Render a grade for people: a rich table per topic, one reason per lost point."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from grader.results import GradeReport, TopicResult

MARKS = {"passed": ("✓", "green"), "partial": ("~", "yellow"), "failed": ("✗", "red"),
         "not_attempted": ("·", "dim")}


def _points(value: float) -> str:
    return f"{value:g}"


def _reasons(lost) -> list[str]:
    """One line per distinct message: the check's name when one check says it, else a count."""
    by_message: dict[str, list[str]] = {}
    for check in lost:
        by_message.setdefault(check.message or check.status, []).append(check.name)
    return [f"{names[0]}: {message}" if len(names) == 1 else f"{message} ({len(names)} checks)"
            for message, names in by_message.items()]


def topic_table(result: TopicResult) -> Table:
    title = f"Phase {result.topic.phase} · {result.topic.title} ({result.topic.id})"
    table = Table(title=title, title_justify="left", show_header=True, header_style="bold",
                  expand=False, pad_edge=False)
    table.add_column("exercise", no_wrap=True)
    table.add_column("points", justify="right", no_wrap=True)
    table.add_column("what to look at")
    if result.status == "coming":
        table.add_row(Text("coming soon", style="dim"), "", "")
        return table
    if result.status == "error":
        table.add_row(Text("could not grade", style="red"), "", result.message)
        return table
    for exercise in result.exercises():
        mark, style = MARKS[exercise.status]
        lost = [c for c in result.checks if c.exercise == exercise.name and c.status != "passed"]
        if exercise.status == "not_attempted":
            reasons = "not attempted yet"
        else:
            reasons = "\n".join(_reasons(lost))
        table.add_row(Text(f"{mark} {exercise.name}", style=style),
                      f"{_points(exercise.score)} / {_points(exercise.max_score)}", reasons)
    table.add_row(Text("total", style="bold"), Text(f"{_points(result.score)} / {_points(result.max_score)}",
                                                    style="bold"), "")
    return table


def print_report(report: GradeReport, console: Console | None = None) -> None:
    console = console or Console()
    graded = [t for t in report.topics if t.status != "coming"]
    for result in graded:
        console.print(topic_table(result))
        console.print()
    coming = [t.topic.id for t in report.topics if t.status == "coming"]
    if coming:
        console.print(Text(f"Coming soon (not counted): {', '.join(coming)}", style="dim"))
    pct = 100 * report.score / report.max_score if report.max_score else 0.0
    console.print(Text(f"Score: {_points(report.score)} / {_points(report.max_score)} ({pct:.0f}%) "
                       f"over {len(graded)} topic(s) in {report.target}", style="bold"))
    unfinished = next((t for t in graded if t.score < t.max_score), None)
    if unfinished is not None and report.target.endswith("exercises"):
        console.print(f"Next: read exercises/{unfinished.topic.id}/README.md; stuck? make hint TOPIC={unfinished.topic.id}")
    if not report.hidden_checks:
        console.print("This edition has only the public checks; your instructor runs the hidden checks.")
