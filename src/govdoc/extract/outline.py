"""Stage outline (placeholder: not implemented yet)."""
from spacy.language import Language


@Language.component("govdoc_outline")
def outline_component(doc):
    return doc
