"""Feedback files: a student's Markdown and HTML, and the instructor's report with plots.

Hidden checks appear by name and message only: messages never hold expected values, and no
check source is ever shown. Plots are inline SVG, so report.html is one self-contained file.
"""
from __future__ import annotations

from html import escape

STATUS_WORDS = {"passed": "passed", "failed": "failed", "error": "error", "timeout": "timed out",
                "not_attempted": "not attempted"}


def student_markdown(record: dict) -> str:
    lines = [f"# Feedback for {record['student']}", ""]
    lines.append(f"**Score: {record['score']:g} / {record['max_score']:g}** ({record['percentage']:.0f}%)")
    if record.get("late_days"):
        lines.append(f"Late by {record['late_days']} day(s): raw {record['raw_score']:g}, penalty {record['penalty']:g}.")
    if record.get("message"):
        lines += ["", f"> {record['message']}"]
    for topic in (record.get("report") or {}).get("topics", []):
        if topic["status"] == "coming":
            continue
        lines += ["", f"## {topic['title']} — {topic['score']:g} / {topic['max_score']:g}", "",
                  "| kata | check | points | status | what to look at |", "|---|---|---|---|---|"]
        for check in topic["checks"]:
            name = check["name"] + (" (hidden)" if check.get("visibility") == "hidden" else "")
            message = check["message"].replace("|", "\\|")
            lines.append(f"| {check['exercise']} | {name} | {check['score']:g} / {check['max_score']:g} | "
                         f"{STATUS_WORDS.get(check['status'], check['status'])} | {message} |")
    return "\n".join(lines) + "\n"


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem; max-width: 70rem; color: #222; }}
table {{ border-collapse: collapse; margin: 1rem 0; }}
td, th {{ border: 1px solid #ccc; padding: .3rem .6rem; text-align: left; vertical-align: top; }}
.passed {{ color: #1a7f37; }} .failed, .error, .timeout {{ color: #cf222e; }} .not_attempted {{ color: #777; }}
figure {{ margin: 1.5rem 0; }}
</style></head><body>
{body}
</body></html>
"""


def student_html(record: dict) -> str:
    parts = [f"<h1>Feedback for {escape(record['student'])}</h1>",
             f"<p><strong>Score: {record['score']:g} / {record['max_score']:g}</strong> ({record['percentage']:.0f}%)</p>"]
    if record.get("late_days"):
        parts.append(f"<p>Late by {record['late_days']} day(s): raw {record['raw_score']:g}, penalty {record['penalty']:g}.</p>")
    if record.get("message"):
        parts.append(f"<p><em>{escape(record['message'])}</em></p>")
    for topic in (record.get("report") or {}).get("topics", []):
        if topic["status"] == "coming":
            continue
        rows = "".join(
            f"<tr><td>{escape(c['exercise'])}</td><td>{escape(c['name'])}{' <small>(hidden)</small>' if c.get('visibility') == 'hidden' else ''}</td>"
            f"<td>{c['score']:g} / {c['max_score']:g}</td><td class=\"{escape(c['status'])}\">{STATUS_WORDS.get(c['status'], c['status'])}</td>"
            f"<td>{escape(c['message'])}</td></tr>" for c in topic["checks"])
        parts.append(f"<h2>{escape(topic['title'])} — {topic['score']:g} / {topic['max_score']:g}</h2>"
                     f"<table><tr><th>kata</th><th>check</th><th>points</th><th>status</th><th>what to look at</th></tr>{rows}</table>")
    return PAGE.format(title=f"Feedback — {escape(record['student'])}", body="\n".join(parts))


def bar_chart_svg(labels: list[str], values: list[float], *, title: str, max_value: float | None = None,
                  horizontal: bool = False, value_format: str = "{:g}", chart_id: str = "") -> str:
    """A small self-contained SVG bar chart (vertical bars, or horizontal ones for long labels)."""
    top = max_value if max_value else max(values + [1])
    if horizontal:
        row, label_w, bar_w = 22, 320, 360
        height = 40 + row * len(values)
        bars = []
        for i, (label, value) in enumerate(zip(labels, values)):
            y = 30 + i * row
            width = bar_w * (value / top if top else 0)
            bars.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end" font-size="12">{escape(label)}</text>'
                        f'<rect class="bar" x="{label_w}" y="{y + 2}" width="{width:.1f}" height="{row - 6}" fill="#4c72b0"/>'
                        f'<text x="{label_w + width + 4:.1f}" y="{y + 14}" font-size="12">{value_format.format(value)}</text>')
        width_total = label_w + bar_w + 60
    else:
        col, chart_h = 44, 180
        height = chart_h + 70
        bars = []
        for i, (label, value) in enumerate(zip(labels, values)):
            x = 40 + i * col
            h = chart_h * (value / top if top else 0)
            bars.append(f'<rect class="bar" x="{x}" y="{30 + chart_h - h:.1f}" width="{col - 8}" height="{h:.1f}" fill="#4c72b0"/>'
                        f'<text x="{x + (col - 8) / 2}" y="{30 + chart_h + 16}" text-anchor="middle" font-size="11">{escape(label)}</text>'
                        f'<text x="{x + (col - 8) / 2}" y="{30 + chart_h - h - 4:.1f}" text-anchor="middle" font-size="11">{value_format.format(value)}</text>')
        width_total = 60 + col * max(len(values), 1)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" id="{chart_id}" role="img" width="{width_total}" height="{height}" '
            f'viewBox="0 0 {width_total} {height}"><title>{escape(title)}</title>'
            f'<text x="4" y="16" font-size="14" font-weight="bold">{escape(title)}</text>{"".join(bars)}</svg>')


def instructor_report(records: list[dict], phase: str) -> str:
    """report.html: score distribution and per-check pass rates (hardest first)."""
    graded = [r for r in records if r["status"] == "graded"]
    buckets = [f"{lo}-{lo + 9}" if lo < 90 else "90-100" for lo in range(0, 100, 10)]
    counts = [0] * 10
    for r in records:
        counts[min(int(r["percentage"] // 10), 9)] += 1
    stats: dict[tuple[str, str], list[int]] = {}
    for r in graded:
        for topic in r["report"]["topics"]:
            for c in topic["checks"]:
                key = (topic["topic"], f"{c['exercise']} · {c['name']}")
                stats.setdefault(key, [0, 0])
                stats[key][0] += c["status"] == "passed"
                stats[key][1] += 1
    rates = sorted(((100 * p / n, t, name) for (t, name), (p, n) in stats.items()), key=lambda x: (x[0], x[1], x[2]))
    summary = {s: sum(1 for r in records if r["status"] == s) for s in ("graded", "missing", "error")}
    mean = sum(r["percentage"] for r in graded) / len(graded) if graded else 0.0
    body = [f"<h1>Class report — phase {escape(str(phase))}</h1>",
            f"<p>{len(records)} students: {summary['graded']} graded, {summary['missing']} missing, "
            f"{summary['error']} could not be graded. Mean of graded: {mean:.1f}%.</p>",
            "<figure>" + bar_chart_svg(buckets, counts, title="Score distribution (students per % band)",
                                       chart_id="score-distribution") + "</figure>",
            "<figure>" + bar_chart_svg([f"{t} · {n}" for _, t, n in rates], [r for r, _, _ in rates],
                                       title="Checks by pass rate (%), hardest first", max_value=100,
                                       horizontal=True, value_format="{:.0f}%", chart_id="pass-rates") + "</figure>"]
    rows = "".join(f"<tr><td>{escape(r['student'])}</td><td>{escape(r['status'])}</td><td>{r['score']:g} / {r['max_score']:g}</td>"
                   f"<td>{r['percentage']:.0f}%</td><td>{escape(r.get('message', ''))}</td></tr>" for r in records)
    body.append(f"<h2>Students</h2><table><tr><th>student</th><th>status</th><th>score</th><th>%</th><th>note</th></tr>{rows}</table>")
    return PAGE.format(title=f"Class report — phase {escape(str(phase))}", body="\n".join(body))
