"""Links between generated claims, as researchers make them: answers to the
question just asked, elaborations within a document, and relations to
earlier claims of the run (a speaker repeating themself, a figure updating an
earlier one of the same metric). Never a self-link, never a duplicate."""

from array import array
from collections import defaultdict, deque

HUB_LINKS_OUT, HUB_LINKS_IN = 25, 35
NOTES = [
    "Checked against the official statistical bulletin.",
    "The figure differs from the one given at the previous briefing.",
    "Compare with the ministry's annual report.",
    "Needs a second source.",
    "The transcript on the ministry's site words this differently.",
]


class Linker:
    """Makes the link rows of one document at a time, remembering earlier claims of the run."""

    def __init__(self, rng, relations, now):
        self.rng, self.relations, self.now = rng, relations, now
        self.recent = array("q")
        self.by_speaker = defaultdict(lambda: deque(maxlen=20))
        self.by_metric = defaultdict(lambda: deque(maxlen=50))

    def start_document(self, rows):
        self.rows, self.seen, self.question = rows, set(), None

    def link(self, source, target, relation, creator):
        if source == target or (source, target, relation) in self.seen:
            return
        self.seen.add((source, target, relation))
        note = NOTES[self.rng.randrange(len(NOTES))] if self.rng.random() < 0.1 else ""
        self.rows.append((source, target, relation, note, creator, self.now))

    def claim(self, claim, ids, position):
        """Links from the claim at `position` of a document whose claims have `ids`."""
        claim_id = ids[position]
        rng = self.rng
        if claim.kind == "question":
            self.question = claim_id
        elif self.question and claim.speaker and rng.random() < 0.8:
            self.link(claim_id, self.question, "responds_to", claim.creator)
            self.question = None
        if position and rng.random() < 0.03:
            self.link(claim_id, ids[rng.randrange(position)], "elaborates", claim.creator)
        if self.recent and rng.random() < 0.07:
            relation = self.relations(rng)
            pool = self.recent
            if relation == "repeats" and self.by_speaker.get(claim.speaker):
                pool = self.by_speaker[claim.speaker]
            elif relation == "updates" and claim.figures and self.by_metric.get(claim.figures[0].metric):
                pool = self.by_metric[claim.figures[0].metric]
            self.link(claim_id, pool[rng.randrange(len(pool))], relation, claim.creator)

    def hub(self, hub, others):
        """The hub claim links to the next claims and is linked from those after them."""
        for target in others[:HUB_LINKS_OUT]:
            self.link(hub, target, ("elaborates", "supports", "cites")[target % 3], None)
        for source in others[HUB_LINKS_OUT : HUB_LINKS_OUT + HUB_LINKS_IN]:
            self.link(source, hub, ("repeats", "cites", "supports", "updates")[source % 4], None)

    def remember(self, claims, ids):
        """Make a document's claims available as targets for later documents."""
        for claim, claim_id in zip(claims, ids, strict=True):
            self.recent.append(claim_id)
            if claim.speaker:
                self.by_speaker[claim.speaker].append(claim_id)
            if claim.figures:
                self.by_metric[claim.figures[0].metric].append(claim_id)
