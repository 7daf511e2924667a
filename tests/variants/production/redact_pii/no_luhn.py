"""Redacts every 13-19 digit run as a card without the Luhn check."""
import re


def redact_pii(text):
    counts = {"EMAIL": 0, "PHONE": 0, "CARD": 0}
    text, counts["CARD"] = re.subn(r"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)", "[CARD]", text)
    text, counts["EMAIL"] = re.subn(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", "[EMAIL]", text)
    text, counts["PHONE"] = re.subn(
        r"(?<!\d)(?:\+\d{1,3}[ -])?(?:\(\d{3}\) ?|\d{3}[-. ])\d{3}[-. ]\d{4}(?!\d)", "[PHONE]", text)
    return text, counts
