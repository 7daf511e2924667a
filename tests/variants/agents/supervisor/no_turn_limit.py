"""Loops until FINISH with no turn limit: a supervisor that never says FINISH runs forever."""
import copy


def supervisor(llm, agents, task, max_turns=5):
    messages, route = [{"role": "user", "content": task}], []
    while True:
        choice = llm(copy.deepcopy(messages)).strip()
        if choice.upper() == "FINISH":
            break
        if choice in agents:
            messages.append({"role": "assistant", "name": choice, "content": agents[choice](copy.deepcopy(messages))})
            route.append(choice)
        else:
            messages.append({"role": "user", "content": f"Error: unknown agent '{choice}'. "
                                                        f"Choose one of: {', '.join(agents)} or FINISH"})
    answers = [m["content"] for m in messages if m["role"] == "assistant"]
    return {"answer": answers[-1] if answers else None, "stop_reason": "finish", "route": route, "messages": messages}
