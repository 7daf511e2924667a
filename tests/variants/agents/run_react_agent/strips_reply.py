"""Stores reply.strip() as the assistant message instead of the raw reply."""
import copy


def run_react_agent(llm, tools, question, max_steps=10, parse=None):
    parse = parse or parse_react
    messages = [
        {"role": "system", "content": REACT_INSTRUCTIONS.format(tools=tools.describe())},
        {"role": "user", "content": question},
    ]
    for step in range(1, max_steps + 1):
        reply = llm(copy.deepcopy(messages)).strip()
        messages.append({"role": "assistant", "content": reply})
        try:
            parsed = parse(reply)
        except ParseError as error:
            observation = f"Error: {error}"
        else:
            if isinstance(parsed, FinalAnswer):
                return {"answer": parsed.text, "stop_reason": "final_answer", "steps": step, "messages": messages}
            observation = tools.call(parsed.tool, parsed.input)
        messages.append({"role": "tool", "content": f"Observation: {observation}"})
    return {"answer": None, "stop_reason": "max_steps", "steps": max_steps, "messages": messages}
