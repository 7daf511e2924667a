"""Keeps the latest row per event with `best = ... or None`-style truthiness: falsy features (0, {}, '') become None."""


def point_in_time_join(events, feature_rows):
    out = []
    for entity, t in events:
        best, best_key = None, None
        for position, (e, ts, features) in enumerate(feature_rows):
            if e == entity and ts <= t and (best_key is None or (ts, position) > best_key):
                best, best_key = features, (ts, position)
        out.append(best or None)
    return out
