"""Near copies of a text — the same report republished by another outlet, or fetched from
another address with other boilerplate — by MinHash (datasketch) over its shingles of
five words (of five characters in Chinese, which has no spaces).

A signature is 64 minimum hashes; their share of equal values estimates the Jaccard
similarity of two texts' shingle sets. It is cut into 16 bands of 4 values, stored with an
index: texts that share a band are the candidates, found without a scan. Two texts of
similarity 0.8 share a band with probability 1 − (1 − 0.8⁴)¹⁶ > 0.999; of 0.3, 0.12 —
and the candidates are then compared by their whole signatures.
"""

import hashlib
import re

import numpy

PERMUTATIONS, BANDS, ROWS = 64, 16, 4
SHINGLE = 5
SEED = 1
# A Han character is a word of its own; other words are runs of letters and digits.
TOKEN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def shingles(text):
    tokens = TOKEN.findall(text.lower())
    if len(tokens) <= SHINGLE:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[at : at + SHINGLE]) for at in range(len(tokens) - SHINGLE + 1)}


def signature(text):
    """The text's MinHash signature as 256 bytes (64 unsigned 32-bit values)."""
    from datasketch import MinHash  # numpy and scipy: imported when first needed

    minhash = MinHash(num_perm=PERMUTATIONS, seed=SEED)
    minhash.update_batch([shingle.encode("utf-8") for shingle in shingles(text)])
    return minhash.hashvalues.astype("<u4").tobytes()


def bands(signature_bytes):
    """The signature's 16 band values, as signed 64-bit integers (a database bigint)."""
    size = ROWS * 4
    return [
        int.from_bytes(
            hashlib.blake2b(signature_bytes[at : at + size], digest_size=8).digest(), "little", signed=True
        )
        for at in range(0, BANDS * size, size)
    ]


def similarity(signature_a, signature_b):
    """The estimated Jaccard similarity of two texts from their signatures (0 to 1)."""
    a = numpy.frombuffer(bytes(signature_a), dtype="<u4")
    b = numpy.frombuffer(bytes(signature_b), dtype="<u4")
    return float(numpy.count_nonzero(a == b)) / PERMUTATIONS if len(a) == len(b) == PERMUTATIONS else 0.0
