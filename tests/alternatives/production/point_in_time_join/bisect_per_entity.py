"""Groups rows per entity sorted by (time, position) and finds the last eligible row with bisect_right."""
import bisect


def point_in_time_join(events, feature_rows):
    groups = {}
    for position, (entity, ts, features) in enumerate(feature_rows):
        groups.setdefault(entity, []).append((ts, position, features))
    times = {}
    for entity, rows in groups.items():
        rows.sort(key=lambda r: (r[0], r[1]))
        times[entity] = [r[0] for r in rows]
    result = []
    for entity, t in events:
        i = bisect.bisect_right(times.get(entity, []), t)   # rows [0, i) have time <= t
        result.append(groups[entity][i - 1][2] if i else None)
    return result
