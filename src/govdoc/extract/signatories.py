"""Stage signatories (placeholder: not implemented yet)."""
from spacy.language import Language


@Language.component("govdoc_signatories")
def signatories_component(doc):
    return doc
