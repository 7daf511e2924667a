"""A while loop with a turn counter that tracks the last reply in a variable; agents get per-message dict copies."""


def supervisor(llm, agents, task, max_turns=5):
    messages = [{"role": "user", "content": task}]
    route, answer, turns, finished = [], None, 0, False
    while turns < max_turns and not finished:
        turns += 1
        choice = llm([dict(m) for m in messages]).strip()
        if choice.upper() == "FINISH":
            finished = True
        elif choice in agents:
            answer = agents[choice]([dict(m) for m in messages])
            messages.append({"role": "assistant", "name": choice, "content": answer})
            route.append(choice)
        else:
            names = ", ".join(agents.keys())
            messages.append({"role": "user", "content": f"Error: unknown agent '{choice}'. Choose one of: {names} or FINISH"})
    return {"answer": answer, "stop_reason": "finish" if finished else "max_turns", "route": route,
            "messages": messages}
