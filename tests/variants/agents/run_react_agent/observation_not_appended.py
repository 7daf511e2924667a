"""Calls the tool but never appends the observation: the model never sees what its action returned."""
import copy


def run_react_agent(llm, tools, question, max_steps=10, parse=None):
    parse = parse or parse_react
    messages = [
        {"role": "system", "content": REACT_INSTRUCTIONS.format(tools=tools.describe())},
        {"role": "user", "content": question},
    ]
    for step in range(1, max_steps + 1):
        reply = llm(copy.deepcopy(messages))
        messages.append({"role": "assistant", "content": reply})
        try:
            parsed = parse(reply)
        except ParseError as error:
            messages.append({"role": "tool", "content": f"Observation: Error: {error}"})
            continue
        if isinstance(parsed, FinalAnswer):
            return {"answer": parsed.text, "stop_reason": "final_answer", "steps": step, "messages": messages}
        tools.call(parsed.tool, parsed.input)
    return {"answer": None, "stop_reason": "max_steps", "steps": max_steps, "messages": messages}
