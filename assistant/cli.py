"""The policy-assistant command line: thin commands that parse, call Assistant, and format."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from assistant.service import Assistant
    from assistant.types import IngestReport

app = typer.Typer(
    add_completion=False, no_args_is_help=True, rich_markup_mode=None,
    help="Ask questions of international cyber-policy texts and get answers with exact citations.",
)

EXIT_FAILED, EXIT_USAGE, EXIT_RUNTIME = 1, 2, 3


def escape(text: str) -> str:
    """Escape rich markup in text that comes from files or users."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def console(stderr: bool = False) -> Console:
    """Return a rich console (imported lazily so --help stays instant)."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


@contextmanager
def domain_errors() -> Iterator[None]:
    """Turn domain errors into one red line and exit code 3, never a traceback."""
    from assistant.errors import AssistantError

    try:
        yield
    except AssistantError as exc:
        console(stderr=True).print(f"[red]error:[/red] {escape(str(exc))}", markup=True, highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_RUNTIME) from None
    except KeyboardInterrupt:
        console(stderr=True).print("interrupted")
        raise typer.Exit(130) from None


def open_assistant(device: str | None = None) -> Assistant:
    """Open the assistant with settings from assistant.toml and ASSISTANT_* variables (device overrides them)."""
    from assistant import Assistant, Settings

    try:
        settings = Settings()
    except Exception as exc:  # pydantic validation of a bad variable or TOML file
        console(stderr=True).print(f"error: invalid settings: {str(exc).splitlines()[0]} ({exc})")
        raise typer.Exit(EXIT_USAGE) from None
    if device:
        settings = settings.model_copy(update={"embedding": settings.embedding.model_copy(update={"device": device})})
    return Assistant.open(settings)


DeviceOption = Annotated[
    Optional[str], typer.Option("--device", help="torch device for the embedding model: cpu, cuda, cuda:1, mps"),
]


class _Bar:
    """Draw ingest progress as a rich progress bar on stderr."""

    def __init__(self) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.progress = Progress(
            TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=console(stderr=True), transient=False, disable=not sys.stderr.isatty(),
        )
        self.task: Any = None

    def start(self, phase: str, total: int) -> None:
        if self.task is not None:
            self.progress.update(self.task, completed=self.progress.tasks[self.task].total)
        self.progress.start()
        self.task = self.progress.add_task(phase, total=total)

    def advance(self, n: int = 1) -> None:
        self.progress.advance(self.task, n)

    def stop(self) -> None:
        self.progress.stop()


@app.command()
def ingest(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="files or directories (default: the corpus directory)")] = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="drop the index and build it from scratch")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print the report as JSON")] = False,
    wait: Annotated[float, typer.Option("--wait", min=0, help="seconds to wait for another ingest to finish")] = 0,
    device: DeviceOption = None,
) -> None:
    """Ingest documents: new and changed files go in, unchanged ones are skipped, deleted ones removed."""
    bar = _Bar()
    with domain_errors():
        try:
            report = open_assistant(device).ingest(paths or None, rebuild=rebuild, progress=bar, wait=wait)
        finally:
            bar.stop()
    if as_json:
        typer.echo(report.model_dump_json(indent=2))
    else:
        _print_report(report)
    if report.problems:
        raise typer.Exit(EXIT_FAILED)


def _print_report(report: IngestReport) -> None:
    from rich.table import Table

    out = console()
    table = Table(title="Ingest summary", show_header=True)
    for column in ("added", "updated", "unchanged", "removed", "failed", "provisions", "seconds"):
        table.add_column(column, justify="right")
    table.add_row(*map(str, (len(report.added), len(report.updated), len(report.unchanged), len(report.removed),
                              len(report.problems), report.provisions)), f"{report.seconds:.1f}")
    out.print(table)
    for label, ids in (("added", report.added), ("updated", report.updated), ("removed", report.removed)):
        if ids:
            out.print(f"{label}: {', '.join(ids)}")
    err = console(stderr=True)
    for problem in report.problems:
        err.print(f"[red]failed:[/red] {escape(problem.line())}", markup=True, highlight=False, soft_wrap=True)


@app.command()
def docs(as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False) -> None:
    """List the ingested documents with their provision counts."""
    with domain_errors():
        documents = open_assistant().documents()
    if as_json:
        typer.echo(json.dumps([d.model_dump() for d in documents], indent=2, ensure_ascii=False))
        return
    from assistant.tables import documents_table

    out = console()
    out.print(documents_table(documents, out.width))


DocOpt = Annotated[Optional[list[str]], typer.Option("--doc", help="only this document id (repeatable)")]
IssuerOpt = Annotated[str, typer.Option("--issuer", help="only documents whose issuer contains this")]
YearOpt = Annotated[Optional[int], typer.Option("--year", help="only documents of this year")]
KindOpt = Annotated[Optional[list[str]], typer.Option("--kind", help="commitment, recommendation, finding or context")]
AddresseeOpt = Annotated[str, typer.Option("--addressee", help="only provisions addressed to this group, e.g. SMEs")]
JsonOpt = Annotated[bool, typer.Option("--json", help="print JSON")]


def _filters(doc: list[str] | None, issuer: str, year: int | None, kind: list[str] | None, addressee: str) -> Any:
    from pydantic import ValidationError

    from assistant.types import Filters

    try:
        return Filters(doc_ids=doc or [], issuer=issuer, year=year, kinds=kind or [], addressee=addressee)
    except ValidationError:
        console(stderr=True).print("error: --kind must be commitment, recommendation, finding or context")
        raise typer.Exit(EXIT_USAGE) from None


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="words to look for")],
    k: Annotated[int, typer.Option("--k", min=1, max=100, help="number of results")] = 10,
    doc: DocOpt = None, issuer: IssuerOpt = "", year: YearOpt = None, kind: KindOpt = None,
    addressee: AddresseeOpt = "", as_json: JsonOpt = False,
) -> None:
    """Search provisions and list the best matches with their labels and pages."""
    filters = _filters(doc, issuer, year, kind, addressee)
    with domain_errors():
        hits = open_assistant().search(query, k=k, filters=filters)
    if as_json:
        typer.echo(json.dumps([h.model_dump() for h in hits], indent=2, ensure_ascii=False))
        return
    from assistant.tables import hits_table

    out = console()
    out.print(hits_table(query, hits, out.width))


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="the question")],
    history: Annotated[Optional[list[str]], typer.Option("--history", help="an earlier question, oldest first (repeatable)")] = None,
    k: Annotated[int, typer.Option("--k", min=1, max=50, help="passages considered")] = 10,
    doc: DocOpt = None, issuer: IssuerOpt = "", year: YearOpt = None, kind: KindOpt = None,
    addressee: AddresseeOpt = "", as_json: JsonOpt = False,
) -> None:
    """Answer a question with numbered citations to the exact provisions, or say the corpus does not address it."""
    filters = _filters(doc, issuer, year, kind, addressee)
    with domain_errors():
        answer = open_assistant().ask(question, history=history or [], filters=filters, k=k)
    if as_json:
        typer.echo(answer.model_dump_json(indent=2))
    else:
        print_answer(answer)


def print_answer(answer: Any) -> None:
    """Print an answer and its sources, the quoted span of each provision highlighted."""
    from rich.text import Text

    from assistant.tables import snippet

    out = console()
    out.print(Text(answer.text, style="yellow" if answer.abstained else ""))
    sources = answer.citations or answer.related
    if sources:
        out.print(Text("\nRelated passages:" if answer.abstained else "\nSources:", style="bold"))
    for c in sources:
        page = f", p. {c.page}" if c.page else ""
        marker = f"[{c.n}]" if not answer.abstained else "-"
        out.print(Text(f"{marker} {c.doc_title} — {c.label}{page}  ({c.provision_id})", style="bold cyan"))
        body = Text(snippet(c.text, 600))
        start = body.plain.find(" ".join(c.quote.split()))
        if start >= 0 and not answer.abstained:
            body.stylize("bold", start, start + len(" ".join(c.quote.split())))
        out.print(body)


@app.command()
def chat() -> None:
    """Talk to the corpus in the terminal: follow-up questions use the conversation; /reset starts over."""
    from rich.prompt import Prompt

    assistant = open_assistant()
    history: list[str] = []
    out = console()
    out.print("Ask about the corpus. Commands: /reset (new conversation), /quit. Empty line or Ctrl-D ends.")
    while True:
        try:
            question = Prompt.ask("[bold green]you[/bold green]", console=out).strip()
        except (EOFError, KeyboardInterrupt):
            break
        if question in ("", "/quit", "/exit"):
            break
        if question == "/reset":
            history = []
            out.print("(conversation reset)")
            continue
        with domain_errors():
            answer = assistant.ask(question, history=history)
        print_answer(answer)
        history.append(question)
        out.print()


@app.command()
def practices(
    addressee: AddresseeOpt = "",
    doc: DocOpt = None,
    q: Annotated[str, typer.Option("--q", help="only practices containing these words")] = "",
    fmt: Annotated[str, typer.Option("--format", help="table, csv, md or json")] = "table",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="write to this file instead of printing")] = None,
) -> None:
    """List the commitments and recommendations, e.g. those addressed to SMEs, as a table or an export."""
    from assistant import render

    if fmt not in ("table", "csv", "md", "json"):
        console(stderr=True).print("error: --format must be table, csv, md or json")
        raise typer.Exit(EXIT_USAGE)
    with domain_errors():
        items = open_assistant().practices(addressee=addressee, query=q, doc_ids=doc or [])
    if fmt == "table" and output is None:
        from assistant.tables import practices_table

        out = console()
        out.print(practices_table(items, addressee, out.width))
        return
    text = {"csv": render.practices_csv, "md": render.practices_markdown, "json": render.practices_json,
            "table": render.practices_markdown}[fmt](items)
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        console(stderr=True).print(f"wrote {len(items)} practices to {output}")


@app.command()
def serve(
    host: Annotated[Optional[str], typer.Option("--host", help="interface (default 127.0.0.1)")] = None,
    port: Annotated[Optional[int], typer.Option("--port", help="TCP port (default 7860)")] = None,
    auth: Annotated[Optional[str], typer.Option("--auth", help="USER:PASSWORD for every page and API call")] = None,
    no_auth: Annotated[bool, typer.Option("--no-auth", help="allow a non-loopback host without authentication")] = False,
    device: DeviceOption = None,
) -> None:
    """Serve the web chat, practices browser and REST API (OpenAPI docs at /docs) in one process."""
    import time

    started = time.perf_counter()
    assistant = open_assistant(device)
    server = assistant.settings.server
    host, port = host or server.host, port or server.port
    from assistant.ui.app import check_bind, parse_auth

    try:
        credentials = parse_auth(auth if auth is not None else server.auth)
    except ValueError as exc:
        console(stderr=True).print(f"error: --auth: {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    from assistant.ui.app import BindRefused

    try:
        check_bind(host, auth or server.auth, no_auth)
    except BindRefused as exc:
        console(stderr=True).print(f"error: {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(EXIT_USAGE) from None
    with domain_errors():
        assistant.warm_up()  # load the model and indexes before the first visitor
    import logging

    import uvicorn

    from assistant.ui.app import build_app

    application = build_app(assistant, credentials)
    console(stderr=True).print(f"Policy Assistant ready in {time.perf_counter() - started:.1f} s: http://{host}:{port}/ "
                               f"(API docs at /docs){' with authentication' if credentials else ''}")
    # an open browser tab holds a streaming connection: without a bound, SIGTERM or Ctrl-C waits for it forever;
    # closing it then is the plan, not an error, so uvicorn's "Cancel N running task(s)" line is not shown
    logging.getLogger("uvicorn.error").addFilter(lambda record: not record.getMessage().startswith("Cancel "))
    uvicorn.run(application, host=host, port=port, log_level="warning",
                timeout_graceful_shutdown=server.shutdown_grace_s)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI."""
    import assistant.cli_eval  # noqa: F401  (registers the eval command)

    run: Callable[..., Any] = app
    run(args=argv, prog_name="policy-assistant")


if __name__ == "__main__":
    main()
