"""monitorkit: survey tables for the Dutch social domain."""
