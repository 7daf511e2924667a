"""Counts pairs with collections.Counter (most_common(1) keeps the first-seen pair on ties); encode applies merges in learned order."""
from collections import Counter


def _merge_pair(ids, pair, new_id):
    out, i = [], 0
    while i < len(ids):
        if ids[i:i + 2] == list(pair):
            out.append(new_id)
            i += 2
        else:
            out.append(ids[i])
            i += 1
    return out


class BPETokenizer:
    def __init__(self):
        self.merges = {}
        self.vocab = {i: bytes([i]) for i in range(256)}

    def train(self, text, vocab_size):
        self.__init__()
        ids = list(text.encode("utf-8"))
        for new_id in range(256, vocab_size):
            if len(ids) < 2:
                break
            (pair, _), = Counter(zip(ids, ids[1:])).most_common(1)
            ids = _merge_pair(ids, pair, new_id)
            self.merges[pair] = new_id
            self.vocab[new_id] = self.vocab[pair[0]] + self.vocab[pair[1]]

    def encode(self, text):
        ids = list(text.encode("utf-8"))
        for pair, new_id in sorted(self.merges.items(), key=lambda item: item[1]):
            ids = _merge_pair(ids, pair, new_id)
        return ids

    def decode(self, ids):
        return bytes(b for i in ids for b in self.vocab[i]).decode("utf-8", errors="replace")
