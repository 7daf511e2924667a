"""Picks the most frequent pair with sorted(counts, key=counts.get)[-1], so ties go to the pair seen last."""


class BPETokenizer(BPETokenizer):  # noqa: F821 - reference encode and decode
    def train(self, text, vocab_size):
        ids = list(text.encode("utf-8"))
        self.merges, self.vocab = {}, {i: bytes([i]) for i in range(256)}
        for new_id in range(256, vocab_size):
            counts = _pair_counts(ids)  # noqa: F821
            if not counts:
                break
            pair = sorted(counts, key=counts.get)[-1]
            ids = _merge(ids, pair, new_id)  # noqa: F821
            self.merges[pair] = new_id
            self.vocab[new_id] = self.vocab[pair[0]] + self.vocab[pair[1]]
