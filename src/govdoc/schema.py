"""Generate ``schemas/reply.schema.json`` from the pydantic model: ``python -m govdoc.schema``."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from govdoc.model import Reply

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "schemas" / "reply.schema.json"


def reply_schema() -> dict:
    schema = Reply.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://govdoc.example/schemas/reply.schema.json"
    return schema


def render() -> str:
    return json.dumps(reply_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    target = Path(argv[0]) if argv else SCHEMA_PATH
    target.write_text(render(), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
