"""Takes the row nearest in time, before or AFTER the event: leaks future features."""
def point_in_time_join(events, feature_rows):
    out = []
    for entity, t in events:
        candidates = [(abs(t - ts), -position, features)
                      for position, (e, ts, features) in enumerate(feature_rows) if e == entity]
        out.append(min(candidates, key=lambda c: c[:2])[2] if candidates else None)
    return out
