"""Stage congress (placeholder: not implemented yet)."""
from spacy.language import Language


@Language.component("govdoc_congress")
def congress_component(doc):
    return doc
