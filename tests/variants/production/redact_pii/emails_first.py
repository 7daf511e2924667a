"""Replaces emails before cards: a card number in front of an @ is counted as an email."""


def redact_pii(text):
    text, emails = EMAIL_RE.subn("[EMAIL]", text)
    cards = []

    def card(match):
        digits = re.sub(r"[ -]", "", match.group())
        if not luhn_valid(digits):
            return match.group()
        cards.append(digits)
        return "[CARD]"

    text = CARD_RE.sub(card, text)
    text, phones = PHONE_RE.subn("[PHONE]", text)
    return text, {"EMAIL": emails, "PHONE": phones, "CARD": len(cards)}
