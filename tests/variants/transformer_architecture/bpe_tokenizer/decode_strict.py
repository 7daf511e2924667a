"""decode uses errors="strict": invalid UTF-8 (a cut emoji, a stray byte) raises instead of becoming U+FFFD."""


class BPETokenizer(BPETokenizer):  # noqa: F821 - the reference class this file is appended to
    def decode(self, ids):
        return b"".join(self.vocab[i] for i in ids).decode("utf-8")
