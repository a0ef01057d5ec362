"""The `policy-assistant eval` command: run question sets, compare with a baseline, gate CI."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from assistant.cli import EXIT_FAILED, EXIT_RUNTIME, EXIT_USAGE, app, console, escape, open_assistant


@app.command("eval")
def evaluate(
    sets: Annotated[list[Path], typer.Argument(help="question-set files (.yaml or .jsonl)")],
    json_out: Annotated[Optional[Path], typer.Option("--json", help="write the full report as JSON")] = None,
    junit: Annotated[Optional[Path], typer.Option("--junit", help="write JUnit XML, one testcase per case")] = None,
    markdown: Annotated[Optional[Path], typer.Option("--markdown", help="write a Markdown summary")] = None,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", help="compare with this accepted run")] = None,
    save_baseline: Annotated[Optional[Path], typer.Option("--save-baseline", help="save this run as a baseline")] = None,
    fail_under: Annotated[Optional[list[str]], typer.Option("--fail-under", help="METRIC=VALUE gate (repeatable)")] = None,
    tolerance: Annotated[float, typer.Option("--tolerance", min=0, help="allowed drop of a rate vs the baseline (for mean_cited_chars: a share of it)")] = 0.02,
    tags: Annotated[Optional[list[str]], typer.Option("--tags", help="only cases with this tag (repeatable)")] = None,
    k: Annotated[Optional[int], typer.Option("--k", min=1, max=50, help="passages considered per question")] = None,
    validate: Annotated[bool, typer.Option("--validate", help="check the files and provision ids, run nothing")] = False,
) -> None:
    """Run regression question sets; exit 0 pass, 1 quality gate failed, 2 bad input, 3 runtime failure."""
    from assistant.errors import AssistantError
    from assistant.evals import cases as case_files
    from assistant.evals import session

    err = console(stderr=True)
    try:
        bounds = session.parse_bounds(fail_under or [])
        cases = session.select(case_files.load(sets), tags or [])
    except (ValueError, case_files.SetError) as exc:
        for line in str(exc).splitlines():
            err.print(escape(line), soft_wrap=True)
        raise typer.Exit(EXIT_USAGE) from None
    try:
        assistant = open_assistant()
        problems = session.unknown_sources(cases, session.provision_texts(assistant))
        for line in problems:  # listed always; fatal only when validating (a run shows them as regressions)
            err.print(("" if validate else "warning: ") + escape(line), soft_wrap=True)
        if problems and validate:
            raise typer.Exit(EXIT_USAGE)
        if validate:
            console().print(f"valid: {len(cases)} cases in {len(sets)} file(s); every expected provision id and quote is indexed")
            return
        previous = _load_baseline(baseline)
        run = _run(assistant, cases, sets, k)
    except AssistantError as exc:
        err.print(f"error: {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(EXIT_RUNTIME) from None
    _finish(run, previous, bounds, tolerance, json_out, junit, markdown, save_baseline)


def _load_baseline(path: Path | None):  # type: ignore[no-untyped-def]
    from pydantic import ValidationError

    from assistant.evals.baseline import Run

    if path is None:
        return None
    try:
        return Run.load(path)
    except (OSError, ValueError, ValidationError) as exc:
        console(stderr=True).print(f"error: baseline {path} cannot be read ({str(exc).splitlines()[0]})")
        raise typer.Exit(EXIT_USAGE) from None


def _run(assistant, cases, sets, k):  # type: ignore[no-untyped-def]
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from assistant.evals import session

    assistant.warm_up()  # load the model and indexes before any case is timed
    with Progress(TextColumn("evaluating"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console(stderr=True), transient=True) as bar:
        task = bar.add_task("eval", total=len(cases))
        return session.execute(assistant, cases, sets, k, on_case=lambda _: bar.advance(task))


def _finish(run, previous, bounds, tolerance, json_out, junit, markdown, save_baseline) -> None:  # type: ignore[no-untyped-def]
    from assistant.evals import report, session
    from assistant.evals.baseline import compare

    comparison = compare(run, previous, tolerance) if previous is not None else None
    failures = session.gate(run, comparison, bounds)
    _print(run, comparison, failures)
    for path, text in ((json_out, report.to_json(run, comparison, failures)), (junit, report.to_junit(run)),
                       (markdown, report.to_markdown(run, comparison, failures))):
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if save_baseline is not None:
        run.save(save_baseline)
        console(stderr=True).print(f"saved baseline {save_baseline}")
    if failures:
        raise typer.Exit(EXIT_FAILED)


def _print(run, comparison, failures) -> None:  # type: ignore[no-untyped-def]
    from rich.table import Table

    from assistant.evals import report

    out = console()
    table = Table(title=f"Evaluation of {len(run.cases)} cases")
    for column in ("metric", "value", "baseline", "delta", "p-value", "status"):
        table.add_column(column, justify="right" if column not in ("metric", "status") else "left")
    for row in report.metric_rows(run, comparison):
        table.add_row(*row, style="red" if row[-1] else None)
    out.print(table)
    for case in (c for c in run.cases if not c.passed):
        out.print(f"[red]✗[/red] {escape(case.id)}: {escape('; '.join(case.reasons))}", soft_wrap=True)
    if comparison is not None:
        out.print(f"regressions: {', '.join(comparison.regressions) or 'none'}; "
                  f"improvements: {', '.join(comparison.improvements) or 'none'}", soft_wrap=True)
        for key, (old, new) in comparison.fingerprint_changes.items():
            out.print(f"changed since baseline: {key} {old or '–'} → {new or '–'}", soft_wrap=True)
    if failures:
        out.print("[bold red]FAIL[/bold red]: " + escape("; ".join(failures)), soft_wrap=True)
    else:
        out.print("[bold green]PASS[/bold green]: no regression, all thresholds met")
