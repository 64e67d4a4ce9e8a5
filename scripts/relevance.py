"""Print nDCG@10 and recall@10 of the judged queries (tests/relevance/queries.json) per backend.

    .venv/bin/python scripts/relevance.py [--per-query]

Parses the bundled corpus (corpora/seed, corpora/real), indexes each letter with its normalized text
(``--no-bodies``: the JSON alone) into a fresh embedded index, and into Elasticsearch too when
GOVDOC_ES_URL is set.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ("seed", "real")  # the letters the judgments cover
JUDGMENTS = ROOT / "tests" / "relevance" / "queries.json"


def parse_corpus(bodies: bool = True) -> tuple[list[dict], dict[str, str]]:
    """Parsed letters with their normalized text (as ``govdoc index`` reads a ``.txt`` sidecar)."""
    from govdoc.build import parse_read
    from govdoc.index.base import letter_id
    from govdoc.index.records import BODY_KEY
    from govdoc.read import read_path

    letters, stems = [], {}
    for path in sorted(p for folder in CORPUS for p in (ROOT / "corpora" / folder).glob("*.txt")):
        reply, text = parse_read(read_path(path))
        letter = reply.model_dump(mode="json")
        letters.append({**letter, BODY_KEY: text.text} if bodies else letter)
        stems[letter_id(letter)] = path.stem
    return letters, stems


def backends(data_dir: str):
    from govdoc.index.backends import open_backend

    yield open_backend("sqlite", data_dir)
    if os.environ.get("GOVDOC_ES_URL"):
        yield open_backend("elasticsearch", data_dir, es_url=os.environ["GOVDOC_ES_URL"],
                           api_key=os.environ.get("GOVDOC_ES_API_KEY"), index=f"govdoc-relevance-{uuid.uuid4().hex[:8]}")


def main() -> int:
    from govdoc.search.relevance import evaluate, load_judgments

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-query", action="store_true", help="print each query's scores and ranking")
    parser.add_argument("--no-bodies", action="store_true", help="index the JSON alone, without letter text")
    args = parser.parse_args()
    judgments = load_judgments(JUDGMENTS)
    letters, stems = parse_corpus(bodies=not args.no_bodies)
    print(f"{len(judgments)} judged queries over {len(letters)} letters")
    with tempfile.TemporaryDirectory() as data:
        for backend in backends(data):
            with backend:
                backend.clear()
                backend.index(letters)
                result = evaluate(backend, judgments, stems)
                if args.per_query:
                    for s in result["queries"]:
                        print(f"  {backend.name:13} {s.id} ndcg={s.ndcg:.3f} recall={s.recall:.3f} {s.query!r} → {s.ranked[:5]}")
                print(f"{backend.name:13} nDCG@10={result['ndcg']:.3f} recall@10={result['recall']:.3f}")
                if backend.name == "elasticsearch":
                    backend.clear()
    return 0


if __name__ == "__main__":
    sys.exit(main())
