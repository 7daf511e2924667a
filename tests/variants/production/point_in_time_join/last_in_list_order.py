"""Assumes rows are sorted: takes the last eligible row in list order, not the one with the latest time."""
def point_in_time_join(events, feature_rows):
    out = []
    for entity, t in events:
        best = None
        for e, ts, features in feature_rows:
            if e == entity and ts <= t:
                best = features
        out.append(best)
    return out
