#!/usr/bin/env python3
"""Writes the CSV reader's edge-case corpus: one `<case>.csv` input and one `<case>.json` expectation each.

Run from anywhere: `python3 Tests/LoadingTests/Fixtures/csv/make-expected.py`. It rewrites every
file it names, so change a case here, never by hand-editing its .csv or .json.

The inputs are defined below as bytes, not kept as hand-made files, because what they test is
bytes that editors silently change: a byte order mark, CRLF versus a lone CR, invalid UTF-8.

Expected records come from Python's `csv` module, the reference implementation, which agrees with
RFC 4180 on every well-formed input here. The sidecar is
    {"records": [["field", ...], ...], "lines": [1, ...]}
with `lines` the 1-based line where each record starts (taken from the reader's `line_num`, which
counts LF, CRLF and lone CR the way the Swift reader does). One deliberate difference: for a
completely empty line Python yields an empty row `[]`, where the Swift reader skips the line (a
snapshot has no use for a record without fields); those rows are dropped here.

Error cases cannot come from Python: its reader is lenient where RFC 4180 is not (`ab"c` is read as
the text `ab"c`, `"ab"c` as `abc`), it reports no columns, and a file that is not UTF-8 never reaches
it. Their expected position is written by hand in HAND_WRITTEN_ERRORS, with the reasoning beside
each, and the sidecar is
    {"error": {"line": L, "column": C, "message": "..."}}
Columns count Unicode scalars from 1; the byte order mark is not counted.
"""

import csv
import io
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent

# A field longer than 64 KiB, with quotes and separators inside, to cross any small-buffer limit.
LONG_TEXT = ("lorem, ipsum \"dolor\" sit\r\namet " * 2500).encode()
LONG_FIELD = b'"' + LONG_TEXT.replace(b'"', b'""') + b'"'

CASES = {
    "bom": b'\xef\xbb\xbfperiod,metric,segment,value,n\n2026-01,nps,,41.5,120\n',
    "bom-only": b'\xef\xbb\xbf',
    "crlf": b'period,metric,value\r\n2026-01,nps,41.5\r\n2026-02,nps,42\r\n',
    "lone-cr": b'a,b\r1,2\r3,4',
    "quoted-comma": b'name,note\n"Smith, J.",ok\n"a,b,c",",",\n',
    "quoted-quotes": b'a,b,c\n"say ""hi""","""",""""""\n',
    "quoted-newline": b'id,text\n1,"line one\nline two"\n2,after\n',
    "quoted-crlf": b'id,text\r\n1,"line one\r\nline two"\r\n2,"lone\rcr and lf\nhere"\r\n3,end\r\n',
    "quoted-empty-line": b'a\n""\n"",""\n',
    "empty-fields": b'a,b,c\n,,\n1,,3\n"",,""\n',
    "trailing-comma": b'a,b,\n1,2,\n3,4,',
    "no-trailing-newline": b'a,b\n1,2',
    "blank-lines": b'\na,b\n\n\r\n1,2\n\r\r\n3,4\n\n',
    "spaces": b'a, b ,c \n x,y , \n',
    "empty": b'',
    "header-only": b'period,metric,segment,value,n\n',
    "ragged-rows": b'a,b,c\n1\n1,2\n1,2,3,4\n,\n',
    "long-field": b'id,text,after\n1,' + LONG_FIELD + b',tail\n2,short,x\n',
    "non-ascii": (
        'metric,segment,note\nnps,Zürich,"naïve, café ☕"\nnps,東京,😀 emoji\nnps,"Ωmega ""Ω""",e\u0301\n'
    ).encode(),
    # Error cases: expectations in HAND_WRITTEN_ERRORS.
    "unterminated-quote": b'a,b\n1,"never closed\n2,3\n',
    "stray-quote": b'a,b\n1,ab"c\n',
    "garbage-after-quote": b'a,b\n1,"ab"c\n',
    "space-after-quote": b'a,b\n"x" ,y\n',
    "garbage-after-multiline-quote": b'a,b\r\n1,"x\r\ny\r\nz"!,2\r\n',
    "invalid-utf8": b'name,city\n"Zo\xc3\xab",Mal\xe9\n',
    "invalid-utf8-in-quoted-newline": b'id,text\n1,"first line\nsecond \xff line"\n',
}

HAND_WRITTEN_ERRORS = {
    # The quote that opens the field is the 3rd character of line 2; the file ends before it closes.
    "unterminated-quote": (2, 3, "unterminated quoted field"),
    # `1,ab"c`: the quote is the 5th character of line 2, inside a field that did not start with one.
    "stray-quote": (2, 5, "quote inside an unquoted field"),
    # `1,"ab"c`: after the closing quote (column 6) comes `c` at column 7 instead of a comma or line end.
    "garbage-after-quote": (2, 7, "unexpected character after closing quote"),
    # `"x" ,y`: RFC 4180 allows nothing, not even a space, between a closing quote and the comma.
    "space-after-quote": (2, 4, "unexpected character after closing quote"),
    # The quoted field opens on line 2 and closes on line 4 (`z"`); the `!` after it is column 3 of line 4.
    "garbage-after-multiline-quote": (4, 3, "unexpected character after closing quote"),
    # `"Zoë",Mal` is 9 characters (ë is one scalar, two bytes), so the Latin-1 é byte 0xE9 is column 10.
    "invalid-utf8": (2, 10, "invalid UTF-8"),
    # The field opens on line 2; on line 3, `second ` is 7 characters, so the 0xFF byte is column 8.
    "invalid-utf8-in-quoted-newline": (3, 8, "invalid UTF-8"),
}


def expected_records(data: bytes) -> dict:
    """Reads `data` with Python's csv module, keeping each record's starting line."""
    text = data.decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records, lines = [], []
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        if row == []:
            continue  # a blank line; see the module docstring
        records.append(row)
        lines.append(start)
    return {"records": records, "lines": lines}


def to_json(expected: dict) -> str:
    """Formats a sidecar with one record per line, so a diff shows which record changed."""
    if "error" in expected:
        return json.dumps(expected, ensure_ascii=False) + "\n"
    rows = ",\n  ".join(json.dumps(row, ensure_ascii=False) for row in expected["records"])
    records = f"[\n  {rows}\n ]" if rows else "[]"
    return f'{{\n "records": {records},\n "lines": {json.dumps(expected["lines"])}\n}}\n'


def main() -> None:
    assert set(HAND_WRITTEN_ERRORS) <= set(CASES)
    for name, data in sorted(CASES.items()):
        (HERE / f"{name}.csv").write_bytes(data)
        if name in HAND_WRITTEN_ERRORS:
            line, column, message = HAND_WRITTEN_ERRORS[name]
            expected = {"error": {"line": line, "column": column, "message": message}}
        else:
            expected = expected_records(data)
        text = to_json(expected)
        (HERE / f"{name}.json").write_text(text, encoding="utf-8")
    print(f"wrote {len(CASES)} cases to {HERE}")


if __name__ == "__main__":
    main()
