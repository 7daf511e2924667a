"""Counts with a Counter of what was found: kinds with no match are missing from the dict."""
import re
from collections import Counter


def _luhn(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def redact_pii(text):
    counts = Counter()

    def card(match):
        if not _luhn(re.sub(r"[ -]", "", match.group())):
            return match.group()
        counts["CARD"] += 1
        return "[CARD]"

    text = re.sub(r"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)", card, text)
    text, n = re.subn(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", "[EMAIL]", text)
    counts["EMAIL"] += n
    text, n = re.subn(r"(?<!\d)(?:\+\d{1,3}[ -])?(?:\(\d{3}\) ?|\d{3}[-. ])\d{3}[-. ]\d{4}(?!\d)", "[PHONE]", text)
    counts["PHONE"] += n
    return text, {k: v for k, v in counts.items() if v}
