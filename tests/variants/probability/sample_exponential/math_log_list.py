"""Maps each u with math.log in a list comprehension: returns a list, not a float64 array of u's shape."""
import math


def sample_exponential(u, rate):
    return [-math.log(1.0 - float(v)) / rate for v in u]
