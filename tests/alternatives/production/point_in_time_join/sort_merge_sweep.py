"""An as-of sweep: rows and events sorted together by time (rows first at equal times), latest row per entity in a dict."""


def point_in_time_join(events, feature_rows):
    timeline = [(ts, 0, pos, entity, features) for pos, (entity, ts, features) in enumerate(feature_rows)]
    timeline += [(t, 1, i, entity, None) for i, (entity, t) in enumerate(events)]
    timeline.sort(key=lambda e: e[:3])          # time, rows before events, then list order
    latest, out = {}, [None] * len(events)
    for _, kind, index, entity, features in timeline:
        if kind == 0:
            latest[entity] = features           # a later row at the same time overwrites
        else:
            out[index] = latest.get(entity)
    return out
