#!/usr/bin/env python3
"""Writes Tests/Fixtures/hf/: two real Hugging Face `transformers.Trainer` runs.

What it writes (from the Trainer itself, nothing hand-made):
  hf/out/                      run 1, learning_rate=5e-4
    checkpoint-8/trainer_state.json     saved by save_strategy="epoch" (one per epoch)
    checkpoint-16/trainer_state.json
    checkpoint-24/trainer_state.json
    trainer_state.json                   trainer.save_state() after train() (has the final
                                         train_runtime/train_loss/total_flos entry)
    all_results.json, train_results.json trainer.save_metrics("train", ...) (as run_glue.py does)
    runs/Jan01_00-00-00_fixture/events.out.tfevents.*   TensorBoardCallback (report_to=["tensorboard"])
  hf/out-lr2/                  run 2, learning_rate=2e-3, same layout
  hf/expected.json             read back with json.load (trainer_state.json) and
                               tensorboard's EventAccumulator (event files)

Model: BertForSequenceClassification from BertConfig(vocab_size=64, hidden_size=16,
num_hidden_layers=1, num_attention_heads=2, intermediate_size=32), random init, random
token data (64 train / 32 eval, 16 tokens, 2 labels), batch 8, 3 epochs, logging_steps=2,
eval_strategy="epoch", save_strategy="epoch", compute_metrics -> accuracy, seed 42.

transformers 5.25's TrainingArguments has no `logging_dir` field: the TensorBoardCallback writes to
$TENSORBOARD_LOGGING_DIR or, by default, <output_dir>/runs/<%b%d_%H-%M-%S>_<hostname>/.
To keep the fixture path deterministic this script sets TENSORBOARD_LOGGING_DIR to
<output_dir>/runs/Jan01_00-00-00_fixture (same shape as the default).

Deleted after training (not needed to read metrics): model.safetensors, config.json,
training_args.bin (a pickle), optimizer.pt, scheduler.pt, rng_state.pth, generation files.
Wall-clock values (train_runtime, *_samples_per_second, event wall_time) differ per run.

Run from the repository root:
    /work/venv/bin/python scripts/make-fixtures/hf_trainer.py
Tested with: transformers 5.25.0, torch 2.15.0, accelerate 1.16.0, tensorboard 2.21.0.
"""
import glob
import json
import os
import shutil
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _fixture_common import fresh, prune, report, series, tb_scalars, versions, write_expected  # noqa: E402

import numpy as np  # noqa: E402
import torch  # noqa: E402
from transformers import (  # noqa: E402
    BertConfig,
    BertForSequenceClassification,
    Trainer,
    TrainingArguments,
    set_seed,
)

KEEP = ("trainer_state.json", "all_results.json", "train_results.json", "eval_results.json")


class TokenData(torch.utils.data.Dataset):
    def __init__(self, n, seed):
        g = np.random.default_rng(seed)
        self.ids = g.integers(1, 64, size=(n, 16))
        # a learnable-ish label: whether token 0 is in the upper half of the vocab
        self.labels = (self.ids[:, 0] >= 32).astype(np.int64)

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, i):
        return {
            "input_ids": torch.tensor(self.ids[i], dtype=torch.long),
            "attention_mask": torch.ones(16, dtype=torch.long),
            "labels": torch.tensor(self.labels[i], dtype=torch.long),
        }


def compute_metrics(p):
    preds = np.argmax(p.predictions, axis=-1)
    return {"accuracy": float((preds == p.label_ids).mean())}


def train_one(root, output_dir, lr):
    # output_dir is relative to the fixture root so the "args" text summary holds no absolute path
    os.chdir(root)
    set_seed(42)
    os.environ["TENSORBOARD_LOGGING_DIR"] = os.path.join(output_dir, "runs", "Jan01_00-00-00_fixture")
    cfg = BertConfig(vocab_size=64, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                     intermediate_size=32, max_position_embeddings=32, num_labels=2)
    model = BertForSequenceClassification(cfg)
    args = TrainingArguments(
        output_dir=output_dir,
        learning_rate=lr,
        per_device_train_batch_size=8,
        per_device_eval_batch_size=8,
        num_train_epochs=3,
        logging_steps=2,
        eval_strategy="epoch",
        save_strategy="epoch",
        report_to=["tensorboard"],
        seed=42,
        data_seed=42,
        use_cpu=True,
        dataloader_num_workers=0,
        disable_tqdm=True,
    )
    trainer = Trainer(model=model, args=args, train_dataset=TokenData(64, 1),
                      eval_dataset=TokenData(32, 2), compute_metrics=compute_metrics)
    result = trainer.train()
    trainer.save_metrics("train", result.metrics)
    trainer.save_state()
    del os.environ["TENSORBOARD_LOGGING_DIR"]
    prune(output_dir, lambda rel: os.path.basename(rel) in KEEP or "tfevents" in rel)


def read_run(root, name, rel):
    out = os.path.join(root, rel)
    with open(os.path.join(out, "trainer_state.json")) as f:
        state = json.load(f)
    hist = state["log_history"]
    # log_history: x = step (global optimizer step); epoch is also given, fractional.
    s = {}
    for entry in hist:
        for k, v in entry.items():
            if k in ("step", "epoch"):
                continue
            if isinstance(v, (int, float)):
                s.setdefault(k, []).append((entry["step"], v))
    series_ = {k: series("step", pts) for k, pts in s.items()}
    series_["epoch"] = series("step", [(e["step"], e["epoch"]) for e in hist if e.get("loss") is not None])
    ckpts = sorted(glob.glob(os.path.join(out, "checkpoint-*")), key=lambda p: int(p.rsplit("-", 1)[1]))
    # TensorBoard: one event file in runs/<name>/
    tbdir = os.path.join(out, "runs", "Jan01_00-00-00_fixture")
    tb, tags = tb_scalars(tbdir)
    tb_series = {"tb:" + tag: series("step", [(st, v) for st, v, _ in pts]) for tag, pts in tb.items()}
    # hyperparameters: the TrainingArguments JSON that TensorBoardCallback writes as the "args" text
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
    acc = EventAccumulator(tbdir, size_guidance={"tensors": 0})
    acc.Reload()
    args_json = json.loads(acc.Tensors("args/text_summary")[0].tensor_proto.string_val[0].decode())
    with open(os.path.join(out, "train_results.json")) as f:
        train_results = json.load(f)
    return {
        "name": name,
        "path": rel,
        "hyperparameters": {k: args_json[k] for k in ("learning_rate", "per_device_train_batch_size",
                                                      "num_train_epochs", "logging_steps", "seed",
                                                      "lr_scheduler_type", "optim", "output_dir")},
        "series": {**series_, **tb_series},
        "trainer_state": {k: state[k] for k in ("global_step", "max_steps", "epoch", "num_train_epochs",
                                                "logging_steps", "eval_steps", "save_steps",
                                                "train_batch_size", "best_metric",
                                                "best_model_checkpoint", "total_flos")},
        "checkpoints": [
            {"path": os.path.relpath(c, root),
             "global_step": json.load(open(os.path.join(c, "trainer_state.json")))["global_step"],
             "log_history_len": len(json.load(open(os.path.join(c, "trainer_state.json")))["log_history"])}
            for c in ckpts
        ],
        "train_results_json": train_results,
        "tb_text_tags": sorted(tags.get("tensors", [])),
        "tb_event_files": sorted(os.path.relpath(p, root) for p in glob.glob(os.path.join(tbdir, "events.out.tfevents.*"))),
    }


LRS = {"out": 5e-4, "out-lr2": 2e-3}


def main():
    vers = versions("transformers", "torch", "accelerate", "tensorboard", "numpy")
    root = fresh("hf")
    for rel, lr in LRS.items():
        train_one(root, rel, lr)
    runs = [read_run(root, rel, rel) for rel in LRS]
    notes = [
        "series without a 'tb:' prefix are from <run>/trainer_state.json log_history (json.load); x is the entry's 'step' (global optimizer step, 1-based: the first logged step is logging_steps).",
        "'tb:<tag>' series are the TensorBoard scalars read with tensorboard's EventAccumulator; the event step is state.global_step at the time of on_log.",
        "hyperparameters are read from the 'args/text_summary' text in the event file (TrainingArguments.to_json_string(), written at step 0); trainer_state.json stores no learning_rate, only train_batch_size, num_train_epochs, logging_steps, eval_steps, save_steps.",
        "run name = the output_dir ('out', 'out-lr2'); the args JSON has run_name null. TrainingArguments 5.25 has no logging_dir field: the event folder comes from $TENSORBOARD_LOGGING_DIR or the <output_dir>/runs/<%b%d_%H-%M-%S>_<hostname> default.",
        "the text summaries args/text_summary and model_config/text_summary are DT_STRING tensors with plugin 'text' at step 0; there is no hparams-plugin data.",
        "train_runtime, train_samples_per_second, train_steps_per_second, eval_runtime, eval_samples_per_second, eval_steps_per_second are wall-clock and change on regeneration.",
    ]
    write_expected(root, "transformers.Trainer", vers, runs, notes)
    report(root)


if __name__ == "__main__":
    main()
