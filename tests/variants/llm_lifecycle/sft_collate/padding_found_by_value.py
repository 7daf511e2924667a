"""Finds padding by comparing with pad_id, so a real token equal to pad_id is masked out."""
import torch


def sft_collate(examples, pad_id):
    rows = [(list(map(int, p)), list(map(int, r))) for p, r in examples]
    L = max(len(p) + len(r) for p, r in rows)
    ids = torch.full((len(rows), L), pad_id, dtype=torch.long)
    lab = torch.full((len(rows), L), -100, dtype=torch.long)
    for i, (p, r) in enumerate(rows):
        ids[i, :len(p) + len(r)] = torch.tensor(p + r)
        lab[i, len(p):len(p) + len(r)] = torch.tensor(r, dtype=torch.long)
    att = (ids != pad_id).long()
    lab = lab.masked_fill(ids == pad_id, -100)
    return {"input_ids": ids, "attention_mask": att, "labels": lab}
