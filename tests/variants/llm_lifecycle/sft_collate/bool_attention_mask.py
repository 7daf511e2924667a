"""Builds attention_mask as a bool tensor instead of torch.long."""
import torch


def sft_collate(examples, pad_id):
    rows = [(list(map(int, p)), list(map(int, r))) for p, r in examples]
    L = max(len(p) + len(r) for p, r in rows)
    ids = torch.full((len(rows), L), pad_id, dtype=torch.long)
    att = torch.zeros((len(rows), L), dtype=torch.bool)
    lab = torch.full((len(rows), L), -100, dtype=torch.long)
    for i, (p, r) in enumerate(rows):
        ids[i, :len(p) + len(r)] = torch.tensor(p + r, dtype=torch.long)
        att[i, :len(p) + len(r)] = True
        lab[i, len(p):len(p) + len(r)] = torch.tensor(r, dtype=torch.long)
    return {"input_ids": ids, "attention_mask": att, "labels": lab}
