"""Luhn doubles every second digit counting from the LEFT: wrong for odd-length numbers."""
import re


def _luhn_left(digits):
    total = 0
    for i, ch in enumerate(digits):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def redact_pii(text):
    counts = {"EMAIL": 0, "PHONE": 0, "CARD": 0}

    def card(match):
        if not _luhn_left(re.sub(r"[ -]", "", match.group())):
            return match.group()
        counts["CARD"] += 1
        return "[CARD]"

    text = re.sub(r"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)", card, text)
    text, counts["EMAIL"] = re.subn(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", "[EMAIL]", text)
    text, counts["PHONE"] = re.subn(
        r"(?<!\d)(?:\+\d{1,3}[ -])?(?:\(\d{3}\) ?|\d{3}[-. ])\d{3}[-. ]\d{4}(?!\d)", "[PHONE]", text)
    return text, counts
