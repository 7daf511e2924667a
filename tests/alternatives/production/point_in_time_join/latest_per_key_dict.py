"""Stable-sorts the rows by time once, then answers each entity's events in time order with a moving pointer."""


def point_in_time_join(events, feature_rows):
    rows = sorted(feature_rows, key=lambda r: r[1])          # stable: equal times keep the list order
    by_entity = {}
    for entity, ts, features in rows:
        by_entity.setdefault(entity, []).append((ts, features))
    out = [None] * len(events)
    for entity in {e for e, _ in events}:
        mine = sorted((t, i) for i, (e, t) in enumerate(events) if e == entity)
        history, j, found = by_entity.get(entity, []), 0, None
        have = False
        for t, i in mine:
            while j < len(history) and history[j][0] <= t:
                found, have = history[j][1], True
                j += 1
            out[i] = found if have else None
    return out
