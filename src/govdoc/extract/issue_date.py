"""Stage issue_date (placeholder: not implemented yet)."""
from spacy.language import Language


@Language.component("govdoc_issue_date")
def issue_date_component(doc):
    return doc
