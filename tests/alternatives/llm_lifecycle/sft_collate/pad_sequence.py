"""Concatenates per-row tensors and right-pads them with torch.nn.utils.rnn.pad_sequence."""
import torch
from torch.nn.utils.rnn import pad_sequence


def sft_collate(examples, pad_id):
    ids, att, lab = [], [], []
    for prompt, response in examples:
        p = torch.as_tensor(prompt, dtype=torch.long).reshape(-1)
        r = torch.as_tensor(response, dtype=torch.long).reshape(-1)
        ids.append(torch.cat([p, r]))
        att.append(torch.ones(len(p) + len(r), dtype=torch.long))
        lab.append(torch.cat([torch.full_like(p, -100), r]))
    return {"input_ids": pad_sequence(ids, batch_first=True, padding_value=pad_id),
            "attention_mask": pad_sequence(att, batch_first=True, padding_value=0),
            "labels": pad_sequence(lab, batch_first=True, padding_value=-100)}
