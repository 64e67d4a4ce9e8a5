"""Stage grade (placeholder: not implemented yet)."""
from spacy.language import Language


@Language.component("govdoc_grade")
def grade_component(doc):
    return doc
