"""Runs every Python snippet of README.md, each in a fresh namespace, from examples/data/ (so
"completions.csv" is the sample). A fence whose info string says ``sketch`` (```python sketch)
is illustration, not run. Exits non-zero naming the snippet that failed.

    python scripts/readme_snippets.py README.md
"""

import os
import pathlib
import re
import sys
import traceback

FENCE = re.compile(r"^```python([^\n]*)\n(.*?)^```", re.S | re.M)


def main(readme: str) -> int:
    path = pathlib.Path(readme).resolve()
    text = path.read_text(encoding="utf-8")
    os.chdir(path.parent / "examples" / "data")
    ran = failed = 0
    for number, match in enumerate(FENCE.finditer(text), start=1):
        info, code = match.group(1), match.group(2)
        line = text.count("\n", 0, match.start()) + 1
        if "sketch" in info:
            continue
        ran += 1
        try:
            exec(compile(code, f"README.md:{line}", "exec"), {"__name__": f"snippet{number}"})
        except Exception:  # noqa: BLE001 - reported with its place in the README
            failed += 1
            print(f"README snippet at line {line} failed:", file=sys.stderr)
            traceback.print_exc()
    print(f"{ran - failed} passed, {failed} failed")
    return 1 if failed or ran == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
