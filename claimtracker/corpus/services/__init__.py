"""Every write of the corpus, one function each: the reader, linking, the admin,
the commands and the importer call these and nothing else writes.

- `claims`: create (idempotent per submission), edit (merged field by field
  with what changed since the editor read it), delete, set statuses;
- `figures`: a claim's figures, updated in place; metrics got or created;
- `documents`: saving a document, re-anchoring its claims when its text changes;
- `links`: links between claims and dismissed suggestions;
- `notes`: researchers' notes;
- `speakers`: merging speakers;
- `records`: saving and deleting the other records, and what may not be deleted;
- `reverting`: a record back to an earlier version;
- `editing`: the three-way merge behind "no lost edits";
- `recording`: who each history row is attributed to.
"""
