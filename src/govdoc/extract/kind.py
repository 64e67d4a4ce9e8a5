"""Stage kind (placeholder: not implemented yet)."""
from spacy.language import Language


@Language.component("govdoc_kind")
def kind_component(doc):
    return doc
