"""Stage printed (placeholder: not implemented yet)."""
from spacy.language import Language


@Language.component("govdoc_printed")
def printed_component(doc):
    return doc
