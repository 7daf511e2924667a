"""Never calls optimizer.zero_grad(): gradients accumulate across steps."""
import torch.nn.functional as F


def pretrain_step(model, batch, optimizer):
    logits = model(batch)
    loss = F.cross_entropy(logits[:, :-1].reshape(-1, logits.shape[-1]), batch[:, 1:].reshape(-1))
    loss.backward()
    optimizer.step()
    return loss.item()
