"""Reports of a compat run: compat-tests/results/matrix.json, matrix.md and a self-contained matrix.html.

Place in the pipeline: results + gates -> reports (the last stage). The JSON is the record (one row per
language x case: language, service, rpc, case, outcome, duration_ms, reason, steps) plus run metadata (runtime
mode container/process/external, endpoint, notes, gates). Markdown and HTML show the language x RPC grid, one
colour per outcome, and the detail of every case that did not pass.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from pathlib import Path

from .protos import Rpc
from .results import CaseResult, Run
from .verdicts import classify, conformance_view

RESULTS_DIR = Path(__file__).resolve().parents[1] / "results"
# Worst first: the colour of a grid cell is that of its worst case.
SEVERITY = ("error", "fail", "xpass", "known_deviation", "unsupported", "skip", "known_fail", "pass")
COLOURS = {
    "pass": "#2e9d4f",
    "fail": "#d33c3c",
    "error": "#8e2bb5",
    "skip": "#9a9a9a",
    "known_fail": "#e0a526",
    "xpass": "#e06b26",
    "known_deviation": "#c77d1a",
    "unsupported": "#5b7fa8",
    "none": "#ffffff",
}
MARKS = {
    "pass": "✅",
    "fail": "❌",
    "error": "💥",
    "skip": "⏭",
    "known_fail": "⚠️",
    "xpass": "❗",
    "known_deviation": "🔶",
    "unsupported": "🚫",
    "none": "·",
}


def _cells(run: Run) -> dict[tuple[str, str], list[CaseResult]]:
    cells: dict[tuple[str, str], list[CaseResult]] = defaultdict(list)
    for r in run.results:
        cells[(f"{r.service}/{r.rpc}", r.language)].append(r)
    return cells


def worst(results: list[CaseResult]) -> str:
    if not results:
        return "none"
    return min((r.outcome for r in results), key=SEVERITY.index)


def _languages(run: Run) -> list[str]:
    return sorted(run.meta.languages) or sorted({r.language for r in run.results})


def mode_banner(run: Run) -> str:
    m = run.meta
    if m.runtime_mode == "process":
        return (
            "**WARNING: NO CONTAINER ENGINE — the runtime ran as a LOCAL PROCESS (fallback). "
            "This is not the container matrix.**"
        )
    profile = f" — target profile `{m.target}` ({m.target_profile})" if m.target_profile else ""
    if m.runtime_mode == "external":
        return f"Runtime: EXTERNAL target `{m.runtime_endpoint}` (not started by the harness){profile}."
    return f"Runtime: container `{' '.join(m.runtime_args)}` ({m.engine}){profile}."


def write_json(run: Run, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "matrix.json"
    data = run.to_json()
    data["conformance"] = conformance_view(run)
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path


def render_markdown(run: Run, rpcs: list[Rpc]) -> str:
    langs = _languages(run)
    cells = _cells(run)
    m = run.meta
    out = ["# l8sdk compatibility matrix", "", mode_banner(run), ""]
    if m.mutant:
        out += [f"Mutant runtime: `--mutate {m.mutant}`", ""]
    out += [f"Duration: {m.duration_s:.1f} s. Started: {m.started}.", ""]
    for note in m.notes:
        out.append(f"- note: {note}")
    out += ["", "| language | SDK | " + " | ".join(SEVERITY) + " |", "|---|---|" + "---|" * len(SEVERITY)]
    for lang in langs:
        info = m.languages.get(lang)
        counts = run.counts(lang)
        sdk = info.sdk_version if info else ""
        if info and info.status != "ok":
            sdk = f"{info.status}: {info.detail[:80]}"
        out.append(f"| {lang} | {sdk} | " + " | ".join(str(counts[o]) for o in SEVERITY) + " |")
    out += ["", "## Gates", ""]
    for name, g in m.gates.items():
        state = "skipped: " + g["skipped"] if g.get("skipped") else ("PASS" if g["ok"] else "FAIL")
        out.append(f"- **{name}**: {state}")
        for d in g["detail"][:30]:
            out.append(f"  - {d}")
    out += [
        "",
        "## Language × RPC",
        "",
        "| service | rpc | " + " | ".join(langs) + " |",
        "|---|---|" + "---|" * len(langs),
    ]
    for rpc in rpcs:
        row = []
        for lang in langs:
            rs = cells.get((rpc.key, lang), [])
            passed = sum(1 for r in rs if r.outcome == "pass")
            row.append(f"{MARKS[worst(rs)]} {passed}/{len(rs)}")
        out.append(f"| {rpc.service_short} | {rpc.name} | " + " | ".join(row) + " |")
    out += conformance_markdown(run)
    bad = [r for r in run.results if r.outcome != "pass"]
    if bad:
        out += ["", "## Not passing", ""]
        for r in sorted(bad, key=lambda r: (SEVERITY.index(r.outcome), r.language, r.case_id)):
            reason = (r.reason or r.known_failing_reason).replace("\n", " ").replace("|", "\\|")
            extra = f" [cleanup: {r.cleanup_problem[:200]}]" if r.cleanup_problem else ""
            out.append(f"- `{r.language}` `{r.case_id}` **{r.outcome}** — {reason[:400]}{extra}")
    return "\n".join(out) + "\n"


def _verdict_note(r: CaseResult) -> str:
    if r.verdict == "sdk_fault":
        return f" [SDK fault: {', '.join(r.odd_one_out)}]"
    return " [runtime deviation]" if r.verdict else ""


def _obs(d: dict[str, object]) -> str:
    text = str(d.get("status", "?"))
    detail = d.get("message") or d.get("value")
    return f"{text} {json.dumps(detail, sort_keys=True)[:160]}" if detail else text


def conformance_rows(run: Run) -> list[tuple[str, str, str, str, str, str]]:
    """(rpc, case, verdict, languages, observed, expected) of every deviation / SDK fault / unsupported."""
    rows = []
    for rpc, entry in conformance_view(run).items():
        for d in entry["deviations"]:
            verdict = (
                "runtime deviation"
                + (" (known)" if d["known"] else "")
                + (" (wedged)" if d["wedged"] else "")
            )
            rows.append(
                (rpc, d["case"], verdict, ",".join(d["languages"]), _obs(d["observed"]), _obs(d["expected"]))
            )
        for d in entry["sdk_faults"]:
            rows.append(
                (
                    rpc,
                    d["case"],
                    f"SDK fault: {','.join(d['odd_one_out'])}",
                    ",".join(d["languages"]),
                    _obs(d["observed"]),
                    _obs(d["expected"]),
                )
            )
        if entry["unsupported"]:  # one row per RPC: N cases, the distinct reasons
            reasons = "; ".join(sorted({d["reason"] for d in entry["unsupported"]}))
            rows.append((rpc, f"{len(entry['unsupported'])} case(s)", "unsupported", "", reasons, ""))
    return rows


def conformance_markdown(run: Run) -> list[str]:
    rows = conformance_rows(run)
    out = ["", "## Runtime conformance", ""]
    if run.meta.wedged:
        out.append("Cases after which a call got no reply in time (wedged): " + ", ".join(run.meta.wedged))
    if not rows:
        return [*out, "No runtime deviation, SDK fault or unsupported case."]
    out += ["| rpc | case | verdict | languages | observed | expected |", "|---|---|---|---|---|---|"]
    for row in rows:
        out.append("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in row) + " |")
    return out


_CSS = """
body{font-family:system-ui,sans-serif;margin:1.5em;color:#222} table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px} th{background:#f3f3f3}
td.cell{color:#fff;text-align:center;font-weight:600;min-width:5em} .banner{padding:.6em;border-radius:4px}
.warn{background:#fde2e2;border:2px solid #d33c3c;font-weight:700} .ok{background:#e6f4ea}
details{margin:.3em 0} pre{background:#f6f6f6;padding:.5em;overflow-x:auto;font-size:12px}
.legend span{display:inline-block;padding:2px 8px;margin-right:4px;color:#fff;border-radius:3px}
"""


def render_html(run: Run, rpcs: list[Rpc]) -> str:
    e = html.escape
    langs = _languages(run)
    cells = _cells(run)
    m = run.meta
    banner_cls = "warn" if m.runtime_mode == "process" else "ok"
    parts = [
        f"<!doctype html><html><head><meta charset='utf-8'><title>l8sdk compatibility matrix</title>"
        f"<style>{_CSS}</style></head><body><h1>l8sdk compatibility matrix</h1>",
        f"<p class='banner {banner_cls}'>{e(mode_banner(run).replace('**', ''))}</p>",
    ]
    if m.mutant:
        parts.append(f"<p>Mutant runtime: <code>--mutate {e(m.mutant)}</code></p>")
    parts.append(f"<p>Duration {m.duration_s:.1f} s, started {e(m.started)}.</p>")
    parts.append(
        "<p class='legend'>"
        + "".join(f"<span style='background:{COLOURS[o]}'>{o}</span>" for o in SEVERITY)
        + "</p>"
    )
    parts.append("<h2>Gates</h2><ul>")
    for name, g in m.gates.items():
        state = "skipped: " + g["skipped"] if g.get("skipped") else ("PASS" if g["ok"] else "FAIL")
        items = "".join(f"<li>{e(d)}</li>" for d in g["detail"][:50])
        parts.append(f"<li><b>{e(name)}</b>: {e(state)}<ul>{items}</ul></li>")
    parts.append(
        "</ul><h2>Language × RPC</h2><table><tr><th>service</th><th>rpc</th>"
        + "".join(f"<th>{e(lang)}</th>" for lang in langs)
        + "</tr>"
    )
    for rpc in rpcs:
        parts.append(f"<tr><td>{e(rpc.service_short)}</td><td>{e(rpc.name)}</td>")
        for lang in langs:
            rs = cells.get((rpc.key, lang), [])
            w = worst(rs)
            passed = sum(1 for r in rs if r.outcome == "pass")
            tip = e("\n".join(f"{r.case}: {r.outcome}" for r in rs))
            parts.append(
                f"<td class='cell' style='background:{COLOURS[w]}' title='{tip}'>"
                f"<a style='color:inherit' href='#{e(lang)}-{e(rpc.name)}'>{passed}/{len(rs)}</a></td>"
            )
        parts.append("</tr>")
    parts.append("</table><h2>Runtime conformance</h2>")
    if m.wedged:
        parts.append(f"<p class='banner warn'>Wedged (no reply in time): {e(', '.join(m.wedged))}</p>")
    rows = conformance_rows(run)
    if rows:
        parts.append(
            "<table id='conformance'><tr><th>rpc</th><th>case</th><th>verdict</th><th>languages</th>"
            "<th>observed</th><th>expected</th></tr>"
        )
        parts += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows]
        parts.append("</table>")
    else:
        parts.append("<p id='conformance'>No runtime deviation, SDK fault or unsupported case.</p>")
    parts.append("<h2>Cases</h2>")
    for lang in langs:
        parts.append(f"<h3>{e(lang)}</h3>")
        for rpc in rpcs:
            rs = cells.get((rpc.key, lang), [])
            if not rs:
                continue
            parts.append(f"<div id='{e(lang)}-{e(rpc.name)}'><b>{e(rpc.key)}</b><ul>")
            for r in rs:
                colour = COLOURS[r.outcome]
                line = (
                    f"<span style='color:{colour};font-weight:700'>{e(r.outcome)}</span> "
                    f"{e(r.case)} <small>({r.duration_ms:.0f} ms, {e(r.file)})</small>"
                )
                if r.outcome == "pass":
                    parts.append(f"<li>{line}</li>")
                    continue
                steps = json.dumps([s.__dict__ for s in r.steps], indent=1, default=str)
                parts.append(
                    f"<li><details><summary>{line}: {e((r.reason or r.known_failing_reason)[:300])}"
                    f"{e(_verdict_note(r))}</summary><pre>{e(r.reason)}</pre>"
                    + (f"<pre>cleanup: {e(r.cleanup_problem)}</pre>" if r.cleanup_problem else "")
                    + f"<pre>{e(steps)}</pre></details></li>"
                )
            parts.append("</ul></div>")
    parts.append("</body></html>\n")
    return "".join(parts)


def write_all(run: Run, rpcs: list[Rpc], directory: Path = RESULTS_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    classify(run)
    paths = [write_json(run, directory)]
    md = directory / "matrix.md"
    md.write_text(render_markdown(run, rpcs), encoding="utf-8")
    page = directory / "matrix.html"
    page.write_text(render_html(run, rpcs), encoding="utf-8")
    return [*paths, md, page]
