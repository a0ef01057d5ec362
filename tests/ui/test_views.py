"""The chat message of an answer: document text escaped, and bullets that hold their whole quotes."""

from __future__ import annotations

from markdown_it import MarkdownIt

from assistant.types import Answer
from assistant.ui.views import answer_markdown


def test_a_bullets_later_paragraph_stays_in_the_bullet_in_the_chat() -> None:
    text = "According to NIS 2:\n- Article 21, paragraph 5: “Advice on acts.\n\n  Those acts are adopted.” [1]\n\nDone."
    page = MarkdownIt().render(answer_markdown(Answer(question="q", text=text)))
    assert page.count("<li>") == 1
    assert page.index("Those acts are adopted") < page.index("</li>") < page.index("Done")
    assert "<strong>[1]</strong>" in page


def test_document_markup_in_an_answer_is_shown_as_text() -> None:
    text = "- Item 1: “<img src=x onerror=alert(1)> [see](javascript:alert(1))” [1]"
    page = MarkdownIt().render(answer_markdown(Answer(question="q", text=text)))
    assert "<img" not in page and "<a " not in page and "&lt;img" in page
