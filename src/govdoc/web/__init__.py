"""The web face: read-only pages and JSON API over the index (``govdoc serve``)."""
