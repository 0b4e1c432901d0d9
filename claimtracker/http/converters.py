"""URL converters. `id`: a record's id in a path, as digits that a database column can
hold (up to 2**63 − 1); a longer number is no such page (404), not a database error."""

HIGHEST_ID = 2**63 - 1


class IdConverter:
    regex = "[0-9]{1,19}"

    def to_python(self, value):
        number = int(value)
        if number > HIGHEST_ID:
            raise ValueError("not an id")  # the resolver then tries the next pattern, and answers 404
        return number

    def to_url(self, value):
        return str(value)
