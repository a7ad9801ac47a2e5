"""HTML for the web UI: answers, sources, the article list and the evaluation report.

Every piece of article or user text goes through `html.escape` before it is placed in
markup, so an article holding `<script>`, `<img onerror=...>` or a Markdown link shows up
as those characters. The chat renders these strings as HTML with Markdown turned off,
which is why no Markdown syntax appears here either.
"""

from __future__ import annotations

import base64
import json
from html import escape
from pathlib import Path

from .evaluate import HEADLINE as METRIC_ORDER  # one list of metrics, in eval order
from .records import Answer, Source

# Passages listed under an abstention, and the length of their preview in the chat.
CLOSEST = 3
PREVIEW_CHARS = 220


def _e(text: object) -> str:
    return escape("" if text is None else str(text), quote=True)


def cites(numbers: list[int]) -> str:
    return "".join(f'<span class="rag-cite">[{n}]</span>' for n in numbers)


def confidence_label(confidence: float, abstain_threshold: float = 0.35) -> str:
    if confidence >= 0.7:
        return "high"
    return "medium" if confidence >= abstain_threshold else "low"


def highlight(text: str, spans: list[tuple[int, int]]) -> str:
    """Escape `text`, wrapping the character ranges in `spans` in <mark>."""
    merged: list[list[int]] = []
    for s, e in sorted((max(0, s), min(len(text), e)) for s, e in spans):
        if e <= s:
            continue
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out, pos = [], 0
    for s, e in merged:
        out.append(_e(text[pos:s]))
        out.append(f'<mark class="rag-hl">{_e(text[s:e])}</mark>')
        pos = e
    out.append(_e(text[pos:]))
    return "".join(out)


def _preview(text: str, limit: int = PREVIEW_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


def question_html(question: str) -> str:
    return f'<div class="rag-question">{_e(question)}</div>'


def error_html(message: str) -> str:
    return f'<div class="rag-error">\u26a0 {_e(message)}</div>'


def answer_html(ans: Answer, show_scores: bool = False, abstain_threshold: float = 0.35) -> str:
    """The chat message: bold short answer, quoted sentences with [n], confidence."""
    parts = ['<div class="rag-answer">']
    if ans.abstained:
        parts.append(
            '<p class="rag-abstain"><strong>The articles don\'t answer this.</strong> '
            + (f"{_e(ans.note)} " if ans.note else "")
            + 'These are the closest passages:</p><ul class="rag-closest">'
        )
        for s in ans.sources[:CLOSEST]:
            parts.append(f"<li>{cites([s.n])} {_e(_preview(s.text))}</li>")
        parts.append("</ul>")
    else:
        if ans.short_answer:
            parts.append(f'<p class="rag-short"><strong>{_e(ans.short_answer)}</strong></p>')
        for q in ans.quotes:
            score = f' <span class="rag-score">({q.score:.2f})</span>' if show_scores else ""
            parts.append(f'<blockquote class="rag-quote">{_e(q.display)} {cites(q.citations)}{score}</blockquote>')
    level = confidence_label(ans.confidence, abstain_threshold)
    pct = max(0, min(100, round(ans.confidence * 100)))
    parts.append(
        f'<p class="rag-conf rag-conf-{level}">Confidence: <strong>{level}</strong> ({ans.confidence:.2f}) '
        f'<span class="rag-meter"><span style="width:{pct}%"></span></span> '
        f'<span class="rag-latency">{ans.latency_ms:.0f} ms</span></p></div>'
    )
    return "".join(parts)


def shown_sources(ans: Answer) -> tuple[list[Source], list[Source]]:
    """(sources the answer refers to, the other retrieved passages)."""
    if ans.abstained:
        referred = {s.n for s in ans.sources[:CLOSEST]}
    else:
        referred = {n for q in ans.quotes for n in q.citations}
    return [s for s in ans.sources if s.n in referred], [s for s in ans.sources if s.n not in referred]


def source_html(s: Source, show_scores: bool = False) -> str:
    meta = [x for x in (s.outlet, s.date) if x]
    meta_html = " \u00b7 ".join(_e(x) for x in meta)
    if meta_html:
        meta_html += " \u00b7 "
    meta_html += f'<code class="rag-file">{_e(s.doc)}</code> \u00b7 chars {s.start}\u2013{s.end}'
    if show_scores:
        meta_html += f' \u00b7 <span class="rag-score">score {s.score:.3f}</span>'
    return (
        f'<div class="rag-source" data-n="{s.n}">'
        f'<div class="rag-src-title">{cites([s.n])} <strong>{_e(s.title or s.doc)}</strong></div>'
        f'<div class="rag-meta">{meta_html}</div>'
        f'<div class="rag-passage">{highlight(s.text, s.highlights)}</div></div>'
    )


def sources_html(ans: Answer | None, show_scores: bool = False) -> str:
    """The sources panel for the latest answer."""
    if ans is None:
        return '<div class="rag-sources rag-empty">Sources for the latest answer appear here.</div>'
    main, rest = shown_sources(ans)
    head = "Closest passages" if ans.abstained else "Sources"
    parts = [f'<div class="rag-sources"><div class="rag-sources-head">{head}</div>']
    parts += [source_html(s, show_scores) for s in main]
    if rest:
        parts.append(f"<details><summary>Other retrieved passages ({len(rest)})</summary>")
        parts += [source_html(s, show_scores) for s in rest]
        parts.append("</details>")
    parts.append("</div>")
    return "".join(parts)


def articles_html(index) -> str:  # index: rag.index.Index
    """A table of the indexed articles: title, outlet, date, file, chunks."""
    files = index.manifest.get("files", {})
    rows = []
    for doc_id in sorted(index.docs):
        d = index.docs[doc_id]
        chunks = files.get(doc_id, {}).get("chunks", "")
        rows.append(
            f"<tr><td>{_e(d.title or '(untitled)')}</td><td>{_e(d.outlet or '')}</td><td>{_e(d.date or '')}</td>"
            f'<td><code>{_e(doc_id)}</code></td><td class="rag-num">{_e(chunks)}</td></tr>'
        )
    counts = index.manifest.get("counts", {})
    caption = f"{len(index.docs)} articles, {counts.get('chunks', '?')} chunks"
    return (
        f'<table class="rag-table rag-articles"><caption>{_e(caption)}</caption><thead><tr>'
        "<th>Title</th><th>Outlet</th><th>Date</th><th>File</th><th>Chunks</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _fmt(metric: str, value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "\u2014" if value is None else _e(value)
    return f"{value:.0f}" if metric.endswith("_ms") else f"{value:.3f}"


def _table(title: str, rows: list[str], configs: list[str], cell) -> str:
    head = "".join(f"<th>{_e(c)}</th>" for c in configs)
    body = "".join(
        f"<tr><th>{_e(r)}</th>" + "".join(f'<td class="rag-num">{cell(r, c)}</td>' for c in configs) + "</tr>"
        for r in rows
    )
    return (
        f'<table class="rag-table"><caption>{_e(title)}</caption>'
        f"<thead><tr><th></th>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def eval_html(report_path: Path) -> str:
    """The latest `rag eval` report: metrics per config, hit@1 per question type, chart."""
    report_path = Path(report_path)
    how = (
        "<p>Make one with <code>rag eval --gold eval/gold.jsonl --compare</code> "
        "(it writes <code>eval/reports/latest.json</code> and the chart), then reload this page.</p>"
    )
    if not report_path.exists():
        return f'<div class="rag-eval"><p>No evaluation report at <code>{_e(report_path)}</code> yet.</p>{how}</div>'
    try:
        report = json.loads(report_path.read_text("utf-8"))
        configs_data = report["configs"]
        assert isinstance(configs_data, dict) and configs_data
    except (OSError, ValueError, KeyError, TypeError, AssertionError) as e:
        return (
            f'<div class="rag-eval"><p>The report <code>{_e(report_path)}</code> cannot be read '
            f"({_e(type(e).__name__)}).</p>{how}</div>"
        )
    configs = list(configs_data)

    def section(cfg: str, key: str) -> dict:
        value = configs_data.get(cfg) or {}
        value = value.get(key) if isinstance(value, dict) else None
        return value if isinstance(value, dict) else {}

    metrics = [m for m in METRIC_ORDER if any(m in section(c, "overall") for c in configs)]
    metrics += sorted({m for c in configs for m in section(c, "overall")} - set(metrics))
    types = sorted({t for c in configs for t in section(c, "by_type")})
    parts = [
        '<div class="rag-eval"><p class="rag-meta">'
        f"Report <code>{_e(report_path)}</code> \u00b7 created {_e(report.get('created', '?'))} \u00b7 "
        f"{_e(report.get('n', '?'))} questions \u00b7 gold <code>{_e(report.get('gold', '?'))}</code></p>",
        _table("Overall", metrics, configs, lambda m, c: _fmt(m, section(c, "overall").get(m))),
    ]
    if types:

        def by_type(t: str, c: str) -> str:
            row = section(c, "by_type").get(t)
            return _fmt("hit@1", row.get("hit@1") if isinstance(row, dict) else None)

        parts.append(_table("hit@1 by question type", types, configs, by_type))
    chart = report.get("chart", "latest.png" if "chart" not in report else None)
    chart_path = None
    if isinstance(chart, str):
        # The report only names a PNG beside it; a name like "../../x" must not read
        # (and inline) some other file on disk.
        here = report_path.parent.resolve()
        candidate = (here / chart).resolve()
        if candidate.parent == here and candidate.suffix.lower() == ".png":
            chart_path = candidate
    if chart_path is not None and chart_path.is_file():
        # Inline, so the page needs no file route and works wherever the report lives.
        data = base64.b64encode(chart_path.read_bytes()).decode("ascii")
        parts.append(f'<img class="rag-chart" alt="evaluation chart" src="data:image/png;base64,{data}">')
    parts.append("</div>")
    return "".join(parts)
