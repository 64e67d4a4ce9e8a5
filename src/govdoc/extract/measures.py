"""Stage measures (placeholder: not implemented yet)."""
from spacy.language import Language


@Language.component("govdoc_measures")
def measures_component(doc):
    return doc
