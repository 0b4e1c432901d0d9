"""The benchmark harness behind `manage.py bench`: `pages` (what is requested),
`harness` (timing, query counts, the SQL floor), `report` (tables and JSON)."""
