"""Stage issuer (placeholder: not implemented yet)."""
from spacy.language import Language


@Language.component("govdoc_issuer")
def issuer_component(doc):
    return doc
