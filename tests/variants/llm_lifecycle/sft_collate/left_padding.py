"""Pads on the left (the generation convention) instead of the pinned right padding."""
import torch


def sft_collate(examples, pad_id):
    rows = [(list(map(int, p)), list(map(int, r))) for p, r in examples]
    L = max(len(p) + len(r) for p, r in rows)
    ids = torch.full((len(rows), L), pad_id, dtype=torch.long)
    att = torch.zeros((len(rows), L), dtype=torch.long)
    lab = torch.full((len(rows), L), -100, dtype=torch.long)
    for i, (p, r) in enumerate(rows):
        k = L - len(p) - len(r)
        ids[i, k:] = torch.tensor(p + r)
        att[i, k:] = 1
        lab[i, k + len(p):] = torch.tensor(r, dtype=torch.long)
    return {"input_ids": ids, "attention_mask": att, "labels": lab}
