"""Looks the route up with agents[choice]: a misspelt agent name raises KeyError instead of being fed back."""
import copy


def supervisor(llm, agents, task, max_turns=5):
    messages, route, stop_reason = [{"role": "user", "content": task}], [], "max_turns"
    for _ in range(max_turns):
        choice = llm(copy.deepcopy(messages)).strip()
        if choice.upper() == "FINISH":
            stop_reason = "finish"
            break
        messages.append({"role": "assistant", "name": choice, "content": agents[choice](copy.deepcopy(messages))})
        route.append(choice)
    answers = [m["content"] for m in messages if m["role"] == "assistant"]
    return {"answer": answers[-1] if answers else None, "stop_reason": stop_reason, "route": route, "messages": messages}
