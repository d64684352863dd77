"""Excel in and out: the template, the all-or-nothing importer, the filtered export."""
