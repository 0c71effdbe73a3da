"""The CSV reader (HeraldImport/CSV, `herald subscribers import`) against Python's csv module, over the
committed corpora (Fuzz/corpus/fuzz-csv, fuzz-import) and seeded generated files: well-formed files
written by Python's csv writer with every quoting style, line ending and awkward field, and random
mixes of quotes, separators and line breaks.

Python reads the bytes as Latin-1 (one character per byte, so field bytes compare exactly) with
`strict=True`. Where Python accepts a file, both readers give the same records (empty lines skipped) starting
on the same physical lines; Herald may still flag a quote inside an unquoted field (`ab"c`,
`quote_in_unquoted_field`), which Python keeps silently, but reads it the same. Where Python's
strict reader rejects a file, Herald reports a problem in it and agrees on every record before."""

import base64
import csv
import io
import random

import parser_probe

BOM = b"\xef\xbb\xbf"


def python_records(data):
    """(records as (first line, [field bytes]), error or None) from Python's strict csv reader."""
    if data.startswith(BOM):
        data = data[len(BOM):]
    reader = csv.reader(io.StringIO(data.decode("latin-1"), newline=""), strict=True)
    records, error = [], None
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as failure:
            error = str(failure)
            break
        if row:
            records.append((start, [field.encode("latin-1") for field in row]))
    return records, error


def herald_records(answer):
    return [(r["line"], [base64.b64decode(f) for f in r["fields"]]) for r in answer]


def well_formed(rng, count):
    awkward = ["", " ", "plain", "a,b", "say \"hi\"", "two\nlines", "cr\rline", "crlf\r\nline", "caf\u00e9",
               "=1+2", "'quoted'", "\"", ",", "trailing ", "\ttab", "\u0416\u0443\u043a", "x" * 300]
    files = []
    for index in range(count):
        out = io.StringIO(newline="")
        quoting = [csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC][index % 3]
        writer = csv.writer(out, quoting=quoting, lineterminator=rng.choice(["\r\n", "\n", "\r"]))
        width = rng.randint(1, 6)
        for _ in range(rng.randint(1, 8)):
            row = [rng.choice(awkward) for _ in range(width)]
            if quoting == csv.QUOTE_MINIMAL and all(field == "" for field in row):
                row[0] = "x"  # an all-empty minimal row is an empty line, which both skip differently by design
            writer.writerow(row)
        text = out.getvalue()
        if rng.random() < 0.3:
            text = text.rstrip("\r\n")  # no final line break
        data = text.encode("utf-8")
        files.append((BOM + data) if rng.random() < 0.2 else data)
    return files


def random_mixes(rng, count):
    pieces = [b"a", b"bc", b",", b"\"", b"\"\"", b"\n", b"\r\n", b"\r", b" ", b"\xc3\xa9", b"x\"y", b"\"q,\nr\"", b"\t"]
    return [b"".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(count)]


def test_records_equal_pythons_csv_module():
    rng = random.Random(14)
    corpus = [data for _, data in parser_probe.corpus("Fuzz/corpus/fuzz-csv/*", "Fuzz/corpus/fuzz-import/*")]
    files = corpus + well_formed(rng, 1500) + random_mixes(rng, 3000)
    answers = parser_probe.run("csv", files)
    compared = flagged = 0
    mismatches = []
    for data, answer in zip(files, answers):
        mine = herald_records(answer)
        theirs, error = python_records(data)
        if error is None:
            compared += 1
            if mine != theirs:
                mismatches.append((data, f"Herald {mine[:3]} != Python {theirs[:3]}"))
            continue
        flagged += 1
        if not any(r["problem"] for r in answer):
            mismatches.append((data, f"Python rejects ({error}), Herald reports no problem"))
        if mine[:len(theirs)] != theirs:
            mismatches.append((data, f"records before Python's error differ: {mine[:3]} != {theirs[:3]}"))
    assert not mismatches, "\n".join(f"{d[:80]!r}: {m}" for d, m in mismatches[:10])
    # Enough of both kinds were exercised: clean files compared record by record, broken ones flagged.
    assert compared >= 2000 and flagged >= 1000, (compared, flagged)


def test_every_well_formed_file_is_read_without_problems():
    files = well_formed(random.Random(7), 500)
    answers = parser_probe.run("csv", files)
    flagged = [(d[:80], [r["problem"] for r in a if r["problem"]]) for d, a in zip(files, answers)
               if any(r["problem"] for r in a)]
    assert not flagged, flagged[:5]
