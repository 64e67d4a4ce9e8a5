"""Query planning and hit building shared by every index backend."""
