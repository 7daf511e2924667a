"""Breaks ties with an explicit first-index table and merges in place with slice assignment (ids[i:i+2] = [new])."""


class BPETokenizer(BPETokenizer):  # noqa: F821 - reference encode and decode
    def train(self, text, vocab_size):
        ids = list(text.encode("utf-8"))
        self.merges, self.vocab = {}, {i: bytes([i]) for i in range(256)}
        for new_id in range(256, vocab_size):
            counts, first = {}, {}
            for i, pair in enumerate(zip(ids, ids[1:])):
                counts[pair] = counts.get(pair, 0) + 1
                first.setdefault(pair, i)
            if not counts:
                break
            best = max(counts, key=lambda pr: (counts[pr], -first[pr]))
            i = 0
            while i < len(ids) - 1:
                if (ids[i], ids[i + 1]) == best:
                    ids[i:i + 2] = [new_id]                  # the next pair starts after the merged one
                i += 1
            self.merges[best] = new_id
            self.vocab[new_id] = self.vocab[best[0]] + self.vocab[best[1]]
