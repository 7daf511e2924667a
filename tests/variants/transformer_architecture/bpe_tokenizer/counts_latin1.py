"""Trains on the characters' code points clipped to a byte (text.encode('latin-1', 'replace')) instead of the UTF-8 bytes."""


class BPETokenizer(BPETokenizer):  # noqa: F821 - the reference class this file is appended to
    def train(self, text, vocab_size):
        super().train(text.encode("latin-1", errors="replace").decode("utf-8", errors="replace"), vocab_size)
