"""Stage proposers (placeholder: not implemented yet)."""
from spacy.language import Language


@Language.component("govdoc_proposers")
def proposers_component(doc):
    return doc
