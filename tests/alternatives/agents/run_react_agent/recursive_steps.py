"""Each step is a recursive call that gets the steps left; the base case is zero steps or a final answer."""
import copy


def run_react_agent(llm, tools, question, max_steps=10, parse=None):
    parse = parse or parse_react
    messages = [{"role": "system", "content": REACT_INSTRUCTIONS.format(tools=tools.describe())},
                {"role": "user", "content": question}]

    def step(done):
        if done == max_steps:
            return {"answer": None, "stop_reason": "max_steps", "steps": done, "messages": messages}
        reply = llm(copy.deepcopy(messages))
        messages.append({"role": "assistant", "content": reply})
        try:
            parsed = parse(reply)
        except ParseError as error:
            observation = "Error: " + str(error)
        else:
            if isinstance(parsed, FinalAnswer):
                return {"answer": parsed.text, "stop_reason": "final_answer", "steps": done + 1, "messages": messages}
            observation = tools.call(parsed.tool, parsed.input)
        messages.append({"role": "tool", "content": "Observation: " + observation})
        return step(done + 1)

    return step(0)
