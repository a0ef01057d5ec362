"""Plain renderings: dates as people write them."""

from __future__ import annotations

from markdown_it import MarkdownIt

from assistant.render import answer_markdown, item, readable_date
from assistant.types import Answer, Citation


def test_dates_read_naturally() -> None:
    assert readable_date("2001-11-23 (opened for signature, Budapest)") == "23 November 2001"
    assert readable_date("2023-01 (v3.1, January 2023)") == "January 2023"
    assert readable_date("26 September 2017") == "26 September 2017"


def test_a_list_item_keeps_its_later_paragraphs() -> None:
    assert item("-", "a\n\nb") == "- a\n\n  b"
    assert item("12.", "a\nb") == "12. a\n    b"


def test_the_markdown_copy_keeps_a_quote_with_a_paragraph_break_in_its_numbered_source() -> None:
    quote = "Those acts shall be adopted.\n\nThe Commission shall cooperate."
    cited = Citation(n=1, provision_id="n/item-5", doc_id="n", doc_title="NIS 2", label="Article 21, paragraph 5",
                     text=quote, quote=quote, score=0.5)
    page = MarkdownIt().render(answer_markdown(Answer(question="q", text="It says so [1].", citations=[cited])))
    assert page.count("<li>") == 1 and page.index("The Commission shall cooperate") < page.index("</li>")
