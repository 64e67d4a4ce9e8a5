"""Stage item (placeholder: not implemented yet)."""
from spacy.language import Language


@Language.component("govdoc_item")
def item_component(doc):
    return doc
