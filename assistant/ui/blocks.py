"""The Gradio Blocks: a chat for negotiators, a practices browser for SMEs, the document catalogue."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import gradio as gr

from assistant import render
from assistant.errors import AssistantError
from assistant.service import Assistant
from assistant.types import Answer, Document, Filters, Practice
from assistant.ui import views
from assistant.ui.exports import MAX_AGE_S, Exports

NEGOTIATOR_EXAMPLES = [
    "What did the G7 commit to on CSIRT cooperation?",
    "Where do ICC and G7 differ on information sharing?",
    "What did the ICC say about Mutual Legal Assistance Treaties?",
]
SME_EXAMPLES = [
    "What should a small firm do about cyber risk?",
    "What do the G7 ministers intend to do about awareness among SMEs?",
    "How can businesses help government negotiators understand the threat landscape?",
]
STREAM_PAUSE = 0.03  # seconds between streamed chunks: the answer appears progressively, in well under a second
PRACTICE_COLUMNS = ["Document", "Label", "Kind", "Addressees", "Actor", "Text"]
MAX_ROWS = 500  # a large index holds tens of thousands of practices: the table shows the first, exports hold all


def build(assistant: Assistant, exports: Exports) -> gr.Blocks:
    """Return the Blocks app over one assistant, writing its practice exports through `exports`.

    Nothing index-wide is computed while the app is built: each page load reads the catalogue afresh
    and the Practices and Documents tabs fill when opened, so the server is ready at once on a large
    index and shows what an ingest added while it runs.
    """
    with gr.Blocks(title="Policy Assistant", analytics_enabled=False,
                   delete_cache=(int(MAX_AGE_S), int(MAX_AGE_S))) as blocks:  # Gradio's served copies too
        gr.Markdown(
            "# Policy Assistant\nAnswers from international cyber-policy texts, quoting the exact provision: "
            "who said it, when, and where.", elem_id="pa-title",
        )
        with gr.Tab("Chat", id="chat"):
            chat_filters = _chat_tab(assistant)
        with gr.Tab("Practices", id="practices") as practices_tab:
            _practices_tab(assistant, practices_tab, exports)
        with gr.Tab("Documents", id="documents") as documents_tab:
            _documents_tab(assistant, documents_tab)
        blocks.load(lambda: _filter_choices(assistant), None, chat_filters)
    return blocks


def _filter_choices(assistant: Assistant) -> tuple[Any, Any]:
    """Return the document and issuer choices of the chat filters as the index holds them now."""
    documents = _documents_by_id(assistant)
    issuers = sorted({d.issuer for d in documents.values() if d.issuer})
    return gr.update(choices=_document_choices(documents)), gr.update(choices=["", *issuers])


def _document_choices(documents: dict[str, Document]) -> list[tuple[str, str]]:
    return [(d.title, d.doc_id) for d in documents.values()]


def _documents_by_id(assistant: Assistant) -> dict[str, Document]:
    try:
        return {d.doc_id: d for d in assistant.documents()}
    except AssistantError:
        return {}


# chat -------------------------------------------------------------------------------------


def _chat_tab(assistant: Assistant) -> list[gr.Dropdown]:
    history = gr.State([])
    last = gr.State(None)
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=320):
            # no floating "Conversation" badge: it covered the first lines of a scrolled answer
            chatbot = gr.Chatbot(label="Conversation", show_label=False, elem_id="pa-chat", height=480, buttons=["copy"],
                                 placeholder="Ask about commitments, recommendations and findings in the corpus.")
            with gr.Row():
                question = gr.Textbox(show_label=False, placeholder="Ask a question, e.g. What did the G7 commit to?",
                                      scale=5, elem_id="pa-question", max_length=assistant.settings.server.max_question_chars)
                ask = gr.Button("Ask", variant="primary", scale=1, elem_id="pa-ask", min_width=80)
            with gr.Row():
                reset = gr.Button("New conversation", size="sm", elem_id="pa-reset")
                export = gr.Button("Answer as Markdown", size="sm", elem_id="pa-copy-md")
            markdown = gr.Textbox(label="Latest answer as Markdown (copy with the button)", lines=6,
                                  buttons=["copy"], visible=False, elem_id="pa-markdown")
            with gr.Accordion("Filters: documents and issuer", open=False, elem_id="pa-filters"):
                doc_filter = gr.Dropdown([], multiselect=True,
                                         label="Only these documents", elem_id="pa-doc-filter")
                issuer_filter = gr.Dropdown([""], value="", label="Only this issuer", elem_id="pa-issuer-filter")
            gr.Examples(NEGOTIATOR_EXAMPLES, inputs=question, label="For negotiators")
            gr.Examples(SME_EXAMPLES, inputs=question, label="For small businesses")
        with gr.Column(scale=2, min_width=280):
            sources = gr.HTML(views.sources_html(None, {}), label="Sources", elem_id="pa-sources")

    def respond(text: str, messages: list[dict], turns: list[str], doc_ids: list[str] | None,
                issuer: str | None) -> Iterator[tuple[Any, ...]]:
        text = (text or "").strip()
        if not text:
            yield messages, "", turns, gr.skip(), gr.skip()
            return
        messages = [*messages, {"role": "user", "content": views.md_escape(text)}, {"role": "assistant", "content": "…"}]
        yield messages, "", turns, gr.skip(), gr.skip()
        try:
            answer = assistant.ask(text, history=turns, filters=Filters(doc_ids=doc_ids or [], issuer=issuer or ""))
        except AssistantError as exc:
            messages[-1]["content"] = views.md_escape(f"Error: {exc}")
            yield messages, gr.skip(), turns, gr.skip(), gr.skip()
            return
        full = views.answer_markdown(answer)
        # the box was cleared once, above: a next question typed while this answer streams is kept
        for cut in _stream_points(full):
            messages[-1]["content"] = full[:cut]
            yield messages, gr.skip(), turns, gr.skip(), gr.skip()
            time.sleep(STREAM_PAUSE)
        panel = views.sources_html(answer, _documents_by_id(assistant))
        yield messages, gr.skip(), [*turns, text], panel, answer.model_dump()

    outputs = [chatbot, question, history, sources, last]
    inputs = [question, chatbot, history, doc_filter, issuer_filter]
    # one listener for button and Enter; a question asked while an answer streams runs once it ends, with
    # that answer in its history ("once", the default, dropped it)
    gr.on([ask.click, question.submit], respond, inputs, outputs, trigger_mode="always_last")
    reset.click(lambda: ([], "", [], views.sources_html(None, {}), None, gr.update(visible=False, value="")),
                None, [chatbot, question, history, sources, last, markdown])
    export.click(lambda data: gr.update(visible=True, value=render.answer_markdown(Answer(**data)) if data else
                                        "Ask a question first."), last, markdown)
    return [doc_filter, issuer_filter]


def _stream_points(text: str, steps: int = 12) -> list[int]:
    """Return cut points that reveal the answer word by word in a few quick steps."""
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if len(spaces) < steps:
        return [len(text)]
    return [spaces[len(spaces) * n // steps] for n in range(1, steps)] + [len(text)]


# practices --------------------------------------------------------------------------------


def _practices_tab(assistant: Assistant, tab: gr.Tab, exports: Exports) -> None:
    shown = gr.State([])
    with gr.Row():
        text = gr.Textbox(label="Contains", placeholder="e.g. awareness, passwords", elem_id="pa-practice-text", scale=3)
        addressee = gr.Dropdown([""], value="", label="Addressed to", elem_id="pa-practice-addressee")
        doc = gr.Dropdown([], multiselect=True, label="Documents", elem_id="pa-practice-doc")
    count = gr.Markdown("Loading the commitments and recommendations …", elem_id="pa-practice-count")
    table = gr.Dataframe([], headers=PRACTICE_COLUMNS, interactive=False, wrap=True, elem_id="pa-practices",
                         max_height=520, column_widths=["19%", "13%", "13%", "13%", "12%", "30%"])
    with gr.Row():
        csv_button = gr.DownloadButton("Export CSV", elem_id="pa-export-csv")
        md_button = gr.DownloadButton("Export Markdown", elem_id="pa-export-md")
    detail = gr.HTML(views.practice_html(None, {}), elem_id="pa-practice-detail")
    listing = [table, count, csv_button, md_button, shown, detail]

    def refresh(words: str, who: str, doc_ids: list[str] | None) -> tuple[Any, ...]:
        found = _practices(assistant, words or "", who or "", doc_ids or [])
        return (_rows(found), _count(found), _export(exports, found, "csv"), _export(exports, found, "md"),
                _shown(found), views.practice_html(None, {}))

    def opened() -> tuple[Any, Any]:
        everyone = _practices(assistant, "", "", [])
        documents = _documents_by_id(assistant)
        return (gr.update(choices=["", *sorted({a for p in everyone for a in p.addressees})]),
                gr.update(choices=_document_choices(documents)))

    def select(data: list[dict], event: gr.SelectData) -> str:
        row = event.index[0] if isinstance(event.index, (list, tuple)) else event.index
        practice = Practice(**data[row]) if 0 <= row < len(data) else None
        return views.practice_html(practice, _documents_by_id(assistant))

    # every listing refresh is triggered straight by a user action and runs in one queue, in the order of
    # those actions: the last filter typed is the listing shown (a refresh chained after `opened` would be
    # queued whenever `opened` ends, possibly after a filter typed meanwhile, and overwrite it)
    filters = [text, addressee, doc]
    tab.select(opened, None, [addressee, doc])
    for trigger in (tab.select, text.change, addressee.change, doc.change):
        trigger(refresh, filters, listing, concurrency_id="practices", concurrency_limit=1)
    table.select(select, shown, detail)


def _practices(assistant: Assistant, words: str, addressee: str, doc_ids: list[str]) -> list[Practice]:
    try:
        return assistant.practices(addressee=addressee, query=words, doc_ids=doc_ids)
    except AssistantError:
        return []


def _rows(items: list[Practice]) -> list[list[str]]:
    return [[p.doc_title, p.label, p.kind, ", ".join(p.addressees), p.actor, _short(p.text)] for p in items[:MAX_ROWS]]


def _shown(items: list[Practice]) -> list[dict[str, Any]]:
    """Return the rows on screen as the state a row selection looks up."""
    return [p.model_dump() for p in items[:MAX_ROWS]]


def _short(text: str, limit: int = 220) -> str:
    """Shorten a table cell; the full passage is shown when the row is selected."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _count(items: list[Practice]) -> str:
    if len(items) > MAX_ROWS:
        return (f"**{len(items):,}** commitments and recommendations; the first {MAX_ROWS} are shown, narrow them "
                "with the filters (the exports hold all). Select a row to see its source passage.")
    return f"**{len(items)}** commitments and recommendations. Select a row to see its source passage."


def _export(exports: Exports, items: list[Practice], fmt: str) -> str:
    text = render.practices_csv(items) if fmt == "csv" else render.practices_markdown(items)
    return str(exports.write(text, fmt))


# documents --------------------------------------------------------------------------------


def _documents_tab(assistant: Assistant, tab: gr.Tab) -> None:
    summary = gr.Markdown("Loading the catalogue …", elem_id="pa-documents-count")
    table = gr.Dataframe([], headers=["doc_id", "Title", "Issuer", "Date", "Provisions", "Ingested (UTC)"],
                        interactive=False, wrap=True, elem_id="pa-documents",
                        column_widths=["16%", "33%", "21%", "11%", "9%", "10%"])
    tab.select(lambda: _catalogue(assistant), None, [summary, table])


def _catalogue(assistant: Assistant) -> tuple[str, list[list[Any]]]:
    """Return the catalogue's summary line and rows as the index holds them now."""
    documents = list(_documents_by_id(assistant).values())
    rows = [[d.doc_id, d.title, d.issuer, d.date, d.provision_count, d.ingested_at.replace("T", " ")[:16]]
            for d in documents]
    if not documents:
        return "No documents yet: run `policy-assistant ingest`.", rows
    return f"**{len(documents)}** documents in the index.", rows
