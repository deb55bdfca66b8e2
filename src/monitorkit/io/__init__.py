"""Files in and out: readers, workbook safety checks, YAML, bundled datasets, atomic writes."""
