"""Uses the topic's own next_token_loss for the loss, zero_grad(set_to_none=False), and float(loss)."""


def pretrain_step(model, batch, optimizer):
    optimizer.zero_grad(set_to_none=False)
    loss = next_token_loss(model(batch), batch)  # noqa: F821 -- the reference module's next_token_loss
    loss.backward()
    optimizer.step()
    return float(loss)
