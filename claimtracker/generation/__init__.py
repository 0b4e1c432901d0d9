"""The large-corpus generator behind `manage.py generate_corpus`: realistic,
deterministic corpora of up to millions of claims for benchmarks.

- `vocabulary`: the names, organisations, outlets, metrics and topics drawn from;
- `text`: document text composed from the seed corpus's sentences, with offsets;
- `pools`: the shared records (speakers, roles, outlets, metrics, topics, users);
- `rows`: documents, claims, topics, statistics, links and notes as rows;
- `loading`: COPY (PostgreSQL) or batched inserts (SQLite);
- `corpus`: `generate_corpus()`, which runs them batch by batch;
- `landmarks`: the heavy document and the hub claim benchmarks look up.
"""
