"""The source studies' printed figures: registry, consistency, reconstruction, reproduction."""
