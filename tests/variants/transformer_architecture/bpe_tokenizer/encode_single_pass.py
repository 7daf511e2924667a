"""encode applies merges in one left-to-right scan (whichever known pair comes first), not by merge rank."""


class BPETokenizer(BPETokenizer):  # noqa: F821 - the reference class this file is appended to
    def encode(self, text):
        ids = list(text.encode("utf-8"))
        changed = True
        while changed:
            changed = False
            for i in range(len(ids) - 1):
                pair = (ids[i], ids[i + 1])
                if pair in self.merges:
                    ids = ids[:i] + [self.merges[pair]] + ids[i + 2:]
                    changed = True
                    break
        return ids
