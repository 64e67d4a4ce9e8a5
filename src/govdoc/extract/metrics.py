"""Stage metrics (placeholder: not implemented yet)."""
from spacy.language import Language


@Language.component("govdoc_metrics")
def metrics_component(doc):
    return doc
