"""Responses read through a codebook and what is computed from them: estimates, tests, waves."""
