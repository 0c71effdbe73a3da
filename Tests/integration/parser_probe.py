"""Runs Herald's hand-written parsers through the test-only `herald-parser-probe` executable
(Tests/ParserProbe, built next to `herald` by `swift build --build-tests`; HERALD_PARSER_PROBE names it
when HERALD_BINARY is the release build, which does not build test executables) for the differential
tests, and reads the committed corpora they share with the fuzzers."""

import base64
import glob
import json
import os
import subprocess

from conftest import BINARY, ROOT

PROBE = os.environ.get("HERALD_PARSER_PROBE", os.path.join(os.path.dirname(BINARY), "herald-parser-probe"))


def run(command, inputs):
    """One answer per input: HTML strings are passed as they are, bytes as base64."""
    payload = [base64.b64encode(i).decode() if isinstance(i, bytes) else i for i in inputs]
    done = subprocess.run([PROBE, command], input=json.dumps(payload).encode(), capture_output=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    answers = json.loads(done.stdout)
    assert len(answers) == len(inputs)
    return answers


def corpus(*patterns):
    """(name, bytes) of every committed file matching the glob patterns (relative to the repository)."""
    files = sorted({path for pattern in patterns for path in glob.glob(os.path.join(ROOT, pattern))})
    assert files, f"no corpus files match {patterns}"
    result = []
    for path in files:
        with open(path, "rb") as handle:
            result.append((os.path.relpath(path, ROOT), handle.read()))
    return result
