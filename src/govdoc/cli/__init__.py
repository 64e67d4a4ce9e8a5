"""The ``govdoc`` command: thin typer functions over library functions of the same name."""
