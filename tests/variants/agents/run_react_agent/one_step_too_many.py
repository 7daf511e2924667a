"""range(max_steps + 1): the LLM is called once more than max_steps allows."""
import copy


def run_react_agent(llm, tools, question, max_steps=10, parse=None):
    parse = parse or parse_react
    messages = [
        {"role": "system", "content": REACT_INSTRUCTIONS.format(tools=tools.describe())},
        {"role": "user", "content": question},
    ]
    for step in range(max_steps + 1):
        reply = llm(copy.deepcopy(messages))
        messages.append({"role": "assistant", "content": reply})
        try:
            parsed = parse(reply)
        except ParseError as error:
            observation = f"Error: {error}"
        else:
            if isinstance(parsed, FinalAnswer):
                return {"answer": parsed.text, "stop_reason": "final_answer", "steps": step + 1, "messages": messages}
            observation = tools.call(parsed.tool, parsed.input)
        messages.append({"role": "tool", "content": f"Observation: {observation}"})
    return {"answer": None, "stop_reason": "max_steps", "steps": max_steps + 1, "messages": messages}
