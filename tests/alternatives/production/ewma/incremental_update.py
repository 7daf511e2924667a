"""Updates a float copy in place with the incremental form s_t = s_{t-1} + alpha * (x_t - s_{t-1})."""


def ewma(values, alpha):
    s = np.array(values, dtype=float)                      # np.array copies: the input is untouched
    for t in range(1, s.size):
        s[t] = s[t - 1] + alpha * (s[t] - s[t - 1])
    return s
