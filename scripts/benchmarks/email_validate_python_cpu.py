# Python email-validator 2.4.0 alone, for scripts/benchmarks/email-validator-alone (BENCHMARKS.md, issue #21
# target 5). Usage: .build-release/python-venv/bin/python scripts/benchmarks/email_validate_python_cpu.py FILE
# validate_email() over every line of a file, deliverability off (as scripts/benchmarks/email_validate_python.py),
# timing the loop alone by wall clock and by this process's CPU time.
import sys, time
from email_validator import EmailNotValidError, validate_email
with open(sys.argv[1], encoding="utf-8", newline="\n") as lines:
    inputs = [line[:-1] if line.endswith("\n") else line for line in lines]
valid = 0
w0, c0 = time.perf_counter(), time.process_time()
for text in inputs:
    try:
        validate_email(text, check_deliverability=False)
        valid += 1
    except EmailNotValidError:
        pass
w, c = time.perf_counter() - w0, time.process_time() - c0
print(f"checked={len(inputs)} valid={valid} per_second={int(len(inputs)/w)} cpu_per_second={int(len(inputs)/c)}")
