"""A while loop with an explicit step counter; the LLM gets a shallow list copy, the stop is decided after the loop."""


def run_react_agent(llm, tools, question, max_steps=10, parse=None):
    if parse is None:
        parse = parse_react
    system = "You can call these tools:\n" + tools.describe() + "\nReply with Action/Action Input or Final Answer."
    messages = [{"role": "system", "content": system}, {"role": "user", "content": question}]
    steps, answer = 0, None
    while answer is None and steps < max_steps:
        reply = llm(list(messages))
        steps += 1
        messages.append({"role": "assistant", "content": reply})
        try:
            parsed = parse(reply)
        except ParseError as error:
            messages.append({"role": "tool", "content": "Observation: Error: " + str(error)})
            continue
        if isinstance(parsed, FinalAnswer):
            answer = parsed.text
        else:
            messages.append({"role": "tool", "content": "Observation: " + tools.call(parsed.tool, parsed.input)})
    stop_reason = "max_steps" if answer is None else "final_answer"
    return {"answer": answer, "stop_reason": stop_reason, "steps": steps, "messages": messages}
