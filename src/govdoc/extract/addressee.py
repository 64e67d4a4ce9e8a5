"""Stage addressee (placeholder: not implemented yet)."""
from spacy.language import Language


@Language.component("govdoc_addressee")
def addressee_component(doc):
    return doc
