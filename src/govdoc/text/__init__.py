"""Chinese text helpers shared by every layer: character classes, width folding, numerals."""
