"""Builds padded Python lists row by row and converts each field to a tensor once at the end."""
import torch


def sft_collate(examples, pad_id):
    pairs = [([int(t) for t in p], [int(t) for t in r]) for p, r in examples]
    L = max(len(p) + len(r) for p, r in pairs)
    ids, att, lab = [], [], []
    for p, r in pairs:
        pad = L - len(p) - len(r)
        ids.append(p + r + [pad_id] * pad)
        att.append([1] * (len(p) + len(r)) + [0] * pad)
        lab.append([-100] * len(p) + r + [-100] * pad)
    return {key: torch.tensor(rows, dtype=torch.long)
            for key, rows in (("input_ids", ids), ("attention_mask", att), ("labels", lab))}
