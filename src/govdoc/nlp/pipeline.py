"""Build the spaCy pipeline and run it: pages → normalized text → Doc → :class:`Reply`."""
from __future__ import annotations

import importlib
from functools import lru_cache

import spacy
from spacy.language import Language

from govdoc.nlp.extensions import init_doc, register_extensions
from govdoc.nlp.tokenizer import JiebaTokenizer
from govdoc.normalize import NormText

# (module in govdoc.extract, component name) in pipeline order.  Each module registers its
# component with ``@Language.component(name, requires=..., assigns=...)``.
STAGES = [
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
    nlp.tokenizer = JiebaTokenizer(nlp.vocab)
    for module, name in STAGES:
        importlib.import_module(f"govdoc.extract.{module}")
        nlp.add_pipe(name)
    return nlp


def run(norm: NormText):
    """Run every stage over a normalized text and return the annotated Doc."""
    nlp = make_nlp()
    doc = init_doc(nlp.make_doc(norm.text), norm)
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
