"""Build the spaCy pipeline and run it: pages → normalized text → Doc → :class:`Reply`."""
from __future__ import annotations

import importlib
import sys
from functools import lru_cache
from typing import Sequence

import spacy
from spacy.language import Language

from govdoc.nlp.extensions import init_doc, register_extensions
from govdoc.nlp.tokenizer import JiebaTokenizer
from govdoc.normalize import NormText

# (module in govdoc.extract, component name) in pipeline order.  Each module registers its
# component with ``@Language.component(name, requires=..., assigns=...)``.
STAGES = [
    ("analysis", "govdoc_analysis"),
    ("doc_number", "govdoc_doc_number"),
    ("grade", "govdoc_grade"),
    ("issuer", "govdoc_issuer"),
    ("signatories", "govdoc_signatories"),
    ("title", "govdoc_title"),
    ("congress", "govdoc_congress"),
    ("item", "govdoc_item"),
    ("addressee", "govdoc_addressee"),
    ("proposers", "govdoc_proposers"),
    ("issue_date", "govdoc_issue_date"),
    ("contact", "govdoc_contact"),
    ("cc", "govdoc_cc"),
    ("printed", "govdoc_printed"),
    ("disclosure", "govdoc_disclosure"),
    ("outline", "govdoc_outline"),
    ("measures", "govdoc_measures"),
    ("metrics", "govdoc_metrics"),
    ("kind", "govdoc_kind"),
]


@lru_cache(maxsize=1)
def make_nlp() -> Language:
    register_extensions()
    nlp = spacy.blank("zh")
    # govdoc refuses over-long letters itself, in its own words (build.check_length); spaCy's
    # limit guards its parser and NER models, which this pipeline does not run.
    nlp.max_length = sys.maxsize
    nlp.tokenizer = JiebaTokenizer(nlp.vocab)
    for module, name in STAGES:
        importlib.import_module(f"govdoc.extract.{module}")
        nlp.add_pipe(name)
    return nlp


def run_batch(norms: Sequence[NormText]) -> list:
    """Run every stage over a batch of normalized texts, stage by stage: the Doc of each text, or
    the exception its tokenizer or one of its stages raised (that letter's later stages are
    skipped; the other letters go on).

    Stage by stage rather than letter by letter because tokenizing a letter reads all over
    jieba's large dictionary, which pushes the stages' code and data out of the CPU caches:
    letter by letter, every stage of every letter starts cold; over a batch, each stage runs
    with its caches warm after its first letter (``scripts/bench_parse.py`` measures both ways).
    Results are the same either way: what stages share is kept per letter, on its analysis
    (``doc._.analysis``), never between letters."""
    nlp = make_nlp()
    docs: list = []
    for norm in norms:
        try:
            docs.append(init_doc(nlp.make_doc(norm.text), norm))
        except Exception as exc:  # noqa: BLE001 - this letter fails, the batch goes on
            docs.append(exc)
    for _name, proc in nlp.pipeline:
        for i, doc in enumerate(docs):
            if isinstance(doc, Exception):
                continue
            try:
                docs[i] = proc(doc)
            except Exception as exc:  # noqa: BLE001
                docs[i] = exc
    return docs
