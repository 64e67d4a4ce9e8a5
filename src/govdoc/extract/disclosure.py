"""Stage disclosure (placeholder: not implemented yet)."""
from spacy.language import Language


@Language.component("govdoc_disclosure")
def disclosure_component(doc):
    return doc
