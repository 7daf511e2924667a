"""trainable_parameters counts every parameter, frozen or not."""


def trainable_parameters(model):
    return sum(p.numel() for p in model.parameters())
