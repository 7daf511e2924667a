"""Counts only the turns that ran an agent: a supervisor that keeps naming unknown agents never hits max_turns."""
import copy


def supervisor(llm, agents, task, max_turns=5):
    messages = [{"role": "user", "content": task}]
    route, stop_reason = [], "max_turns"
    while len(route) < max_turns:
        choice = llm(copy.deepcopy(messages)).strip()
        if choice.upper() == "FINISH":
            stop_reason = "finish"
            break
        if choice in agents:
            reply = agents[choice](copy.deepcopy(messages))
            messages.append({"role": "assistant", "name": choice, "content": reply})
            route.append(choice)
        else:
            messages.append({"role": "user", "content": f"Error: unknown agent '{choice}'. "
                                                        f"Choose one of: {', '.join(agents)} or FINISH"})
    answers = [m["content"] for m in messages if m["role"] == "assistant"]
    return {"answer": answers[-1] if answers else None, "stop_reason": stop_reason, "route": route, "messages": messages}
