"""Stage contact (placeholder: not implemented yet)."""
from spacy.language import Language


@Language.component("govdoc_contact")
def contact_component(doc):
    return doc
