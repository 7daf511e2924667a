"""Labels keep the prompt tokens: the SFT loss also trains on the prompt."""
import torch


def sft_collate(examples, pad_id):
    rows = [(list(map(int, p)), list(map(int, r))) for p, r in examples]
    L = max(len(p) + len(r) for p, r in rows)
    ids = torch.full((len(rows), L), pad_id, dtype=torch.long)
    att = torch.zeros((len(rows), L), dtype=torch.long)
    lab = torch.full((len(rows), L), -100, dtype=torch.long)
    for i, (p, r) in enumerate(rows):
        n = len(p) + len(r)
        ids[i, :n] = torch.tensor(p + r)
        att[i, :n] = 1
        lab[i, :n] = torch.tensor(p + r)
    return {"input_ids": ids, "attention_mask": att, "labels": lab}
