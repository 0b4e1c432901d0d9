"""Full-text search over claims: the index (indexing.py), queries (queries.py) and
the matches marked for display (marking.py)."""
