"""Counts a step only when the reply parses: a model that never keeps the format gets more than max_steps calls."""
import copy


def run_react_agent(llm, tools, question, max_steps=10, parse=None):
    parse = parse or parse_react
    messages = [
        {"role": "system", "content": REACT_INSTRUCTIONS.format(tools=tools.describe())},
        {"role": "user", "content": question},
    ]
    steps = 0
    while steps < max_steps:
        reply = llm(copy.deepcopy(messages))
        messages.append({"role": "assistant", "content": reply})
        try:
            parsed = parse(reply)
        except ParseError as error:
            messages.append({"role": "tool", "content": f"Observation: Error: {error}"})
            continue
        steps += 1
        if isinstance(parsed, FinalAnswer):
            return {"answer": parsed.text, "stop_reason": "final_answer", "steps": steps, "messages": messages}
        messages.append({"role": "tool", "content": f"Observation: {tools.call(parsed.tool, parsed.input)}"})
    return {"answer": None, "stop_reason": "max_steps", "steps": steps, "messages": messages}
