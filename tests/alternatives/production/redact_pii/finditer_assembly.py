"""Rebuilds the text from CARD_RE.finditer pieces; Luhn by digit-sum of doubled digits from the left with length parity; counts via findall."""


def luhn_valid(digits):
    parity = len(digits) % 2                       # from the left, these positions are doubled
    total = 0
    for i, ch in enumerate(digits):
        d = int(ch)
        if i % 2 == parity:
            tens, units = divmod(2 * d, 10)
            d = tens + units
        total += d
    return total % 10 == 0


def redact_pii(text):
    pieces, last, cards = [], 0, 0
    for match in CARD_RE.finditer(text):
        digits = match.group().replace(" ", "").replace("-", "")
        pieces.append(text[last:match.start()])
        if luhn_valid(digits):
            pieces.append("[CARD]")
            cards += 1
        else:
            pieces.append(match.group())
        last = match.end()
    text = "".join(pieces) + text[last:]
    emails = len(EMAIL_RE.findall(text))
    text = EMAIL_RE.sub("[EMAIL]", text)
    phones = len(PHONE_RE.findall(text))
    text = PHONE_RE.sub("[PHONE]", text)
    return text, {"EMAIL": emails, "PHONE": phones, "CARD": cards}
