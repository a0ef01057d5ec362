"""Plain renderings: dates as people write them."""

from __future__ import annotations

from assistant.render import readable_date


def test_dates_read_naturally() -> None:
    assert readable_date("2001-11-23 (opened for signature, Budapest)") == "23 November 2001"
    assert readable_date("2023-01 (v3.1, January 2023)") == "January 2023"
    assert readable_date("26 September 2017") == "26 September 2017"
