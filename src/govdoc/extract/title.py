"""Stage title (placeholder: not implemented yet)."""
from spacy.language import Language


@Language.component("govdoc_title")
def title_component(doc):
    return doc
