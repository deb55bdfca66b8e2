"""Which columns form which question: codebooks, their inference, and what a column is."""
