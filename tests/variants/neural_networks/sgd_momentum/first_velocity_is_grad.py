"""On the first step the velocity is the grad array itself (v = grad), so the state aliases the caller's gradient."""


def sgd_momentum_step(param, grad, state, lr, momentum):
    v = grad if state is None else momentum * state["velocity"] + grad
    return param - lr * v, {"velocity": v}
