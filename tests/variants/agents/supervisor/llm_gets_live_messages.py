"""Passes the supervisor LLM the live conversation list (agents get copies), so an LLM that mutates it corrupts it."""
import copy


def supervisor(llm, agents, task, max_turns=5):
    messages = [{"role": "user", "content": task}]
    route, stop_reason = [], "max_turns"
    for _ in range(max_turns):
        choice = llm(messages).strip()
        if choice.upper() == "FINISH":
            stop_reason = "finish"
            break
        if choice in agents:
            messages.append({"role": "assistant", "name": choice, "content": agents[choice](copy.deepcopy(messages))})
            route.append(choice)
        else:
            messages.append({"role": "user", "content": f"Error: unknown agent '{choice}'. "
                                                        f"Choose one of: {', '.join(agents)} or FINISH"})
    answers = [m["content"] for m in messages if m["role"] == "assistant"]
    return {"answer": answers[-1] if answers else None, "stop_reason": stop_reason, "route": route, "messages": messages}
