"""Takes the LAST Action block of the reply (findall()[-1]), so a reply with two Action blocks runs the second tool."""
import json


def parse_react(text):
    final = _FINAL.search(text)
    if final:
        return FinalAnswer(text[final.end():].strip())
    actions = list(_ACTION.finditer(text))
    if not actions:
        raise ParseError("no 'Action:' line and no 'Final Answer:' line found in the reply")
    action = actions[-1]
    line_end = text.find("\n", action.end())
    line_end = len(text) if line_end == -1 else line_end
    tool = text[action.end():line_end].strip()
    if not tool:
        raise ParseError("the 'Action:' line names no tool")
    given = _ACTION_INPUT.search(text, line_end)
    if given is None:
        raise ParseError(f"'Action: {tool}' is not followed by an 'Action Input:' line")
    observation = _OBSERVATION.search(text, given.end())
    raw = text[given.end():observation.start() if observation else len(text)].strip()
    if raw.startswith("{"):
        try:
            return Action(tool, json.loads(raw))
        except json.JSONDecodeError as error:
            raise ParseError(f"the Action Input is not valid JSON: {error}") from None
    return Action(tool, raw)
