"""Never adds the position embedding: the model cannot tell positions apart."""


class TinyGPT(TinyGPT):  # noqa: F821 - the reference class this file is appended to
    def forward(self, idx, cache=None):
        x = self.wte(idx)
        for i, block in enumerate(self.blocks):
            x = block(x, cache=cache, layer=i)
        return self.lm_head(self.ln_f(x))
