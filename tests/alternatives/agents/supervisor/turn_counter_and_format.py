"""Counts turns with enumerate, tracks the last agent index, and writes the error message with str.format."""
import copy

_UNKNOWN = "Error: unknown agent '{}'. Choose one of: {} or FINISH"


def supervisor(llm, agents, task, max_turns=5):
    messages = [{"role": "user", "content": task}]
    route, last, stop_reason = [], None, "max_turns"
    for _turn in range(max_turns):
        choice = llm(copy.deepcopy(messages)).strip()
        if choice.upper() == "FINISH":
            stop_reason = "finish"
            break
        if choice not in agents:
            messages.append({"role": "user", "content": _UNKNOWN.format(choice, ", ".join(list(agents)))})
            continue
        messages.append({"role": "assistant", "name": choice, "content": agents[choice](copy.deepcopy(messages))})
        route.append(choice)
        last = len(messages) - 1
    return {"answer": None if last is None else messages[last]["content"], "stop_reason": stop_reason,
            "route": route, "messages": messages}
