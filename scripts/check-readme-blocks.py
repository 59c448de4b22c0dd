#!/usr/bin/env python3
"""Parses every fenced YAML, TOML and JSON block of README.md (issue 15: the README's GitHub Actions
workflow was not valid YAML). Run by .ci/run; exits 1 naming the block's line on the first block
that does not parse. YAML needs PyYAML; without it the YAML blocks are reported skipped."""
import json
import pathlib
import re
import sys
import tomllib

readme = pathlib.Path(__file__).resolve().parent.parent / "README.md"
text = readme.read_text(encoding="utf-8")
try:
    import yaml  # type: ignore
except ImportError:
    yaml = None

checked = 0
failed = 0
for match in re.finditer(r"^```(\w+)\n(.*?)^```", text, re.S | re.M):
    language, body = match.group(1), match.group(2)
    line = text.count("\n", 0, match.start()) + 1
    try:
        if language == "yaml":
            if yaml is None:
                print(f"README.md:{line}: yaml block skipped: PyYAML is not installed")
                continue
            yaml.safe_load(body)
        elif language == "toml":
            tomllib.loads(body)
        elif language == "json":
            json.loads(body)
        else:
            continue
        checked += 1
    except Exception as error:  # noqa: BLE001 — any parse failure is the finding
        failed += 1
        print(f"README.md:{line}: {language} block does not parse: {error}")
print(f"README.md: {checked} fenced blocks parse, {failed} do not")
sys.exit(1 if failed else 0)
