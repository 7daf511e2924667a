"""Strips each agent's reply before storing it, and drops blank replies from the answer."""
import copy


def supervisor(llm, agents, task, max_turns=5):
    messages = [{"role": "user", "content": task}]
    route, stop_reason, answer = [], "max_turns", None
    for _ in range(max_turns):
        choice = llm(copy.deepcopy(messages)).strip()
        if choice.upper() == "FINISH":
            stop_reason = "finish"
            break
        if choice in agents:
            reply = agents[choice](copy.deepcopy(messages)).strip()
            messages.append({"role": "assistant", "name": choice, "content": reply})
            route.append(choice)
            answer = reply or answer
        else:
            messages.append({"role": "user", "content": f"Error: unknown agent '{choice}'. "
                                                        f"Choose one of: {', '.join(agents)} or FINISH"})
    return {"answer": answer, "stop_reason": stop_reason, "route": route, "messages": messages}
