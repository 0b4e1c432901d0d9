"""How text becomes search tokens, the same for documents and queries.

Latin (and other spaced) scripts: lower-cased words. Chinese, Japanese and
Korean, which are written without spaces: every overlapping pair of
characters (bigrams, as search engines' CJK analysers do), so any word of
two or more characters is found — 互联网 is 互联 + 联网, and a text holding
互联网 holds both. A lone CJK character stays a token of its own.
"""

import re

CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
RUNS = re.compile(rf"[{CJK}]+|[^\W{CJK}]+")  # a run of CJK characters, or a word of other letters/digits
IS_CJK = re.compile(rf"[{CJK}]")


def tokens(text):
    """The tokens of `text`, in order."""
    found = []
    for run in RUNS.findall(text.lower()):
        if IS_CJK.match(run):
            found += [run[i : i + 2] for i in range(len(run) - 1)] if len(run) > 1 else [run]
        else:
            found.append(run)
    return found


def analysed(text):
    """`text` as one string of space-separated tokens, ready for the index."""
    return " ".join(tokens(text))


def is_cjk(token):
    return bool(IS_CJK.match(token))
