"""Renderers: tidy estimates in, terminal tables, files and charts out."""
