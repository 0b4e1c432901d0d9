"""Cross-cutting HTTP concerns, below the domain and knowing nothing of it: reading
JSON requests safely (`requests`), bounded integers from query strings
(`params`), limits on what anonymous clients may ask for (`limits`), and the
middleware every response passes (`middleware`)."""
