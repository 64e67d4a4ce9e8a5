"""Stage cc (placeholder: not implemented yet)."""
from spacy.language import Language


@Language.component("govdoc_cc")
def cc_component(doc):
    return doc
