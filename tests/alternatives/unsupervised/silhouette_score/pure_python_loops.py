"""Plain Python loops over points and clusters, math.dist for each distance."""
import math


def silhouette_score(X, labels):
    points = [list(map(float, row)) for row in X]
    labs = [int(v) for v in labels]
    clusters = {}
    for i, c in enumerate(labs):
        clusters.setdefault(c, []).append(i)
    total = 0.0
    for i, c in enumerate(labs):
        mates = [j for j in clusters[c] if j != i]
        if not mates:
            continue                                          # singleton: s = 0
        a = sum(math.dist(points[i], points[j]) for j in mates) / len(mates)
        b = min(sum(math.dist(points[i], points[j]) for j in members) / len(members)
                for other, members in clusters.items() if other != c)
        total += (b - a) / max(a, b)
    return total / len(points)
