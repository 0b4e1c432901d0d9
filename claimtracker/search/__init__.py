"""Full-text search over claims: the index (indexing.py), queries and highlighting (queries.py)."""
