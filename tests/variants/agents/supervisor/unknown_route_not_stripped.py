"""Feeds back the supervisor's raw reply in the unknown-agent message instead of the stripped route."""
import copy


def supervisor(llm, agents, task, max_turns=5):
    messages = [{"role": "user", "content": task}]
    route, stop_reason = [], "max_turns"
    for _ in range(max_turns):
        raw = llm(copy.deepcopy(messages))
        choice = raw.strip()
        if choice.upper() == "FINISH":
            stop_reason = "finish"
            break
        if choice in agents:
            messages.append({"role": "assistant", "name": choice, "content": agents[choice](copy.deepcopy(messages))})
            route.append(choice)
        else:
            messages.append({"role": "user", "content": f"Error: unknown agent '{raw}'. "
                                                        f"Choose one of: {', '.join(agents)} or FINISH"})
    answers = [m["content"] for m in messages if m["role"] == "assistant"]
    return {"answer": answers[-1] if answers else None, "stop_reason": stop_reason, "route": route, "messages": messages}
