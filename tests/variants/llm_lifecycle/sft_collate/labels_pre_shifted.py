"""Shifts the labels one step left in the collator too, so the loss shifts them twice."""
import torch


def sft_collate(examples, pad_id):
    rows = [(list(map(int, p)), list(map(int, r))) for p, r in examples]
    L = max(len(p) + len(r) for p, r in rows)
    ids = torch.full((len(rows), L), pad_id, dtype=torch.long)
    att = torch.zeros((len(rows), L), dtype=torch.long)
    lab = torch.full((len(rows), L), -100, dtype=torch.long)
    for i, (p, r) in enumerate(rows):
        n, m = len(p), len(r)
        ids[i, :n + m] = torch.tensor(p + r)
        att[i, :n + m] = 1
        lab[i, n - 1:n + m - 1] = torch.tensor(r, dtype=torch.long)
    return {"input_ids": ids, "attention_mask": att, "labels": lab}
