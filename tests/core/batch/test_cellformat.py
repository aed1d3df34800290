"""Numbers and dates as a spreadsheet shows them, from the value and the cell's Excel number format.

Expected texts are what Excel displays for these formats (Microsoft's "Number format codes" reference).
"""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.batch.cellformat import format_value


@pytest.mark.parametrize(("value", "fmt", "shown"), [
    (4917012345678.0, "General", "4917012345678"),  # no 4.91701E+12 for a phone number kept as a number
    (4917012345678.0, "0", "4917012345678"),
    (42.0, "000000", "000042"),  # leading zeros of a customer number
    (1067.0, "00000", "01067"),
    (3.5, "0.00", "3.50"),
    (2.675, "0.00", "2.68"),
    (1234567.891, "#,##0.00", "1,234,567.89"),
    (1234.0, "#,##0", "1,234"),
    (123456.0, "#,##0,", "123"),
    (0.125, "General", "0.125"),
    (1.1, "General", "1.1"),
    (1e-7, "General", "0.0000001"),
    (0.125, "0%", "13%"),
    (0.1234, "0.00%", "12.34%"),
    (2125551234.0, "(000) 000-0000", "(212) 555-1234"),
    (12345.678, "0.00E+00", "1.23E+04"),
    (5.0, '"Nr. "000', "Nr. 005"),
    (1234.5, "[$€-407] #,##0.00", "€ 1,234.50"),
    (-5.0, "0.00;(0.00)", "(5.00)"),
    (-5.0, "0.00", "-5.00"),
    (0.0, '0;-0;"zero"', "zero"),
    (1.5, "#.##", "1.5"),
    (2.0, "#.##", "2"),
    (7.0, "# ?/?", "7"),  # fractions fall back to General
    (True, "General", "TRUE"),
    (dt.date(2025, 12, 24), r"dd\.mm\.yyyy", "24.12.2025"),
    (46015.0, "dd.mm.yyyy", "24.12.2025"),  # a serial date number
    (dt.datetime(2025, 12, 24, 14, 5, 9), "yyyy-mm-dd hh:mm:ss", "2025-12-24 14:05:09"),
    (dt.datetime(2025, 12, 24, 14, 5), "m/d/yyyy h:mm AM/PM", "12/24/2025 2:05 PM"),
    (dt.datetime(2025, 1, 2, 3, 4, 5), "yy-m-d h:m:s", "25-1-2 3:4:5"),
    (dt.date(2025, 3, 1), "d mmmm yyyy", "1 March 2025"),
    (dt.date(2025, 3, 1), "dddd, mmm d", "Saturday, Mar 1"),
    (dt.time(9, 30), "hh:mm", "09:30"),
    (0.5, "[h]:mm", "12:00"),
    (1.25, "[h]:mm", "30:00"),
])
def test_shown_text(value: object, fmt: str, shown: str) -> None:
    assert format_value(value, fmt) == shown  # type: ignore[arg-type]
