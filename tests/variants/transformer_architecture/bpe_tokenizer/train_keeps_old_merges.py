"""train adds to the merges of an earlier training instead of starting afresh."""


class BPETokenizer(BPETokenizer):  # noqa: F821 - the reference class this file is appended to
    def train(self, text, vocab_size):
        ids = list(text.encode("utf-8"))
        for new_id in range(256, vocab_size):
            counts = _pair_counts(ids)  # noqa: F821
            if not counts:
                break
            pair = max(counts, key=counts.get)
            ids = _merge(ids, pair, new_id)  # noqa: F821
            self.merges[pair] = new_id
            self.vocab[new_id] = self.vocab[pair[0]] + self.vocab[pair[1]]
