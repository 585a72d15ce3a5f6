#!/usr/bin/env python3
"""Writes Tests/Fixtures/jsonlines/: JSON-lines metric logs of mmengine and detectron2.

  jsonlines/mmengine_runner/20240101_000000/vis_data/scalars.json
  jsonlines/mmengine_runner/20240101_000000/vis_data/20240101_000000.json
      written by a real mmengine Runner (LoggerHook interval=5, default Visualizer with
      LocalVisBackend) training a tiny linear classifier for 3 epochs of 16 iterations,
      validating every epoch. mmengine names the run folder <work_dir>/<%Y%m%d_%H%M%S>/;
      this script renames that timestamp to 20240101_000000 (folder and the
      <timestamp>.json file) so paths are stable. The config dump <timestamp>.py and the
      text .log are deleted.
  jsonlines/mmengine_visualizer/vis_data/scalars.json
      written by mmengine's Visualizer(vis_backends=[LocalVisBackend]) through
      add_scalars(dict, step=...) and add_scalar(name, value, step=...) directly.
  jsonlines/detectron2/metrics.json
      detectron2 is not on PyPI, so this script carries detectron2's own code for the parts
      that produce metrics.json, copied from facebookresearch/detectron2 (main, v0.6 era):
        detectron2/utils/events.py      EventStorage (put_scalar/put_scalars/latest_with_
                                        smoothing_hint), JSONWriter (one json.dumps(...,
                                        sort_keys=True) per line), CommonMetricPrinter._get_eta
        detectron2/engine/train_loop.py TrainerBase.train/before_step/after_train,
                                        SimpleTrainer.run_step/write_metrics
        detectron2/engine/hooks.py      IterationTimer, LRScheduler, EvalHook, PeriodicWriter
      HistoryBuffer and Timer are the real fvcore classes (pip install fvcore), as detectron2
      imports them. The model is a tiny 2-head torch net (loss_cls + loss_box_reg); the
      "bbox/*" evaluation numbers are computed from its validation accuracy / regression
      error (no COCO eval); bbox/APs is NaN as COCOEvaluator reports for an area range with
      no ground truth. max_iter=60, PeriodicWriter period=20 (detectron2's default), eval
      period 30.
  jsonlines/expected.json   read back line by line with json.loads.

Wall-clock fields (mmengine time/data_time, detectron2 time/data_time/eta_seconds) differ
per run; everything else is seeded.

Run from the repository root:
    /work/venv/bin/python scripts/make-fixtures/jsonlines.py
Tested with: mmengine 0.10.7, fvcore 0.1.5.post20221221, torch 2.15.0.
"""
import datetime
import json
import logging
import os
import shutil
import sys
import time
from collections import defaultdict
from contextlib import contextmanager

sys.dont_write_bytecode = True  # keep __pycache__ out of the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _fixture_common import fresh, report, series, versions, write_expected  # noqa: E402

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

FIXED_TS = "20240101_000000"


# ---------------------------------------------------------------------------- mmengine


def make_mmengine_runner(root):
    from mmengine.evaluator import BaseMetric
    from mmengine.model import BaseModel
    from mmengine.runner import Runner

    class Net(BaseModel):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(8, 2)

        def forward(self, inputs, labels, mode="tensor"):
            x = self.fc(inputs)
            if mode == "loss":
                return {"loss": F.cross_entropy(x, labels)}
            if mode == "predict":
                return x, labels
            return x

    class Accuracy(BaseMetric):
        def process(self, data_batch, data_samples):
            score, gt = data_samples
            self.results.append({"n": len(gt), "correct": (score.argmax(1) == gt).sum().item()})

        def compute_metrics(self, results):
            return {"accuracy": 100 * sum(r["correct"] for r in results) / sum(r["n"] for r in results)}

    g = torch.Generator().manual_seed(0)
    x = torch.randn(160, 8, generator=g)
    y = (x[:, 0] + 0.3 * x[:, 1] > 0).long()
    train = [dict(inputs=x[i], labels=y[i]) for i in range(128)]
    val = [dict(inputs=x[i], labels=y[i]) for i in range(128, 160)]
    work = os.path.join(root, "mmengine_runner")
    runner = Runner(
        model=Net(),
        work_dir=work,
        train_dataloader=dict(batch_size=8, dataset=train, sampler=dict(type="DefaultSampler", shuffle=True),
                              collate_fn=dict(type="default_collate")),
        val_dataloader=dict(batch_size=8, dataset=val, sampler=dict(type="DefaultSampler", shuffle=False),
                            collate_fn=dict(type="default_collate")),
        val_evaluator=dict(type=Accuracy),
        val_cfg=dict(),
        optim_wrapper=dict(optimizer=dict(type="SGD", lr=0.1, momentum=0.9)),
        param_scheduler=[dict(type="LinearLR", start_factor=0.1, by_epoch=False, begin=0, end=10),
                         dict(type="MultiStepLR", by_epoch=True, milestones=[2], gamma=0.1)],
        train_cfg=dict(by_epoch=True, max_epochs=3, val_interval=1),
        default_hooks=dict(logger=dict(type="LoggerHook", interval=5),
                           checkpoint=dict(type="CheckpointHook", interval=-1, save_last=False)),
        randomness=dict(seed=0, deterministic=True),
        launcher="none",
        experiment_name="fixture",
    )
    runner.train()
    ts = runner.timestamp
    # stable names: <work>/<ts>/ -> <work>/20240101_000000/, <ts>.json -> 20240101_000000.json
    os.rename(os.path.join(work, ts), os.path.join(work, FIXED_TS))
    vis = os.path.join(work, FIXED_TS, "vis_data")
    os.rename(os.path.join(vis, ts + ".json"), os.path.join(vis, FIXED_TS + ".json"))
    for p in (os.path.join(work, ts + ".py"), os.path.join(work, FIXED_TS, ts + ".log")):
        if os.path.exists(p):
            os.remove(p)
    # close the Runner's logger file handles etc.
    logging.getLogger("mmengine").handlers.clear()
    return {"lr": 0.1, "momentum": 0.9, "batch_size": 8, "max_epochs": 3, "log_interval": 5}


def make_mmengine_visualizer(root):
    from mmengine.visualization import Visualizer

    save_dir = os.path.join(root, "mmengine_visualizer")
    vis = Visualizer(name="fixture_visualizer", vis_backends=[dict(type="LocalVisBackend")], save_dir=save_dir)
    g = np.random.default_rng(3)
    loss = 1.0
    for step in range(1, 13):
        loss = loss * 0.85 + 0.02 * float(g.random())
        vis.add_scalars({"loss": loss, "lr": 0.01 * (0.5 ** (step // 5))}, step=step)
        if step % 4 == 0:
            vis.add_scalar("val/acc", 0.5 + step / 30 + 0.01 * float(g.random()), step=step)
    vis.close()


# ---------------------------------------------------------------------------- detectron2
# Code below, up to the next rule, is detectron2's (Apache-2.0), trimmed to what writes
# metrics.json; comments marked "fixture:" are ours.

from fvcore.common.history_buffer import HistoryBuffer  # noqa: E402
from fvcore.common.timer import Timer  # noqa: E402

_CURRENT_STORAGE_STACK = []


def get_event_storage():
    assert len(_CURRENT_STORAGE_STACK), "get_event_storage() has to be called inside a 'with EventStorage(...)' context!"
    return _CURRENT_STORAGE_STACK[-1]


class EventWriter:
    def write(self):
        raise NotImplementedError

    def close(self):
        pass


class JSONWriter(EventWriter):
    def __init__(self, json_file, window_size=20):
        self._file_handle = open(json_file, "a")  # fixture: PathManager.open -> open
        self._window_size = window_size
        self._last_write = -1

    def write(self):
        storage = get_event_storage()
        to_save = defaultdict(dict)

        for k, (v, iter) in storage.latest_with_smoothing_hint(self._window_size).items():
            # keep scalars that have not been written
            if iter <= self._last_write:
                continue
            to_save[iter][k] = v
        if len(to_save):
            all_iters = sorted(to_save.keys())
            self._last_write = max(all_iters)

        for itr, scalars_per_iter in to_save.items():
            scalars_per_iter["iteration"] = itr
            self._file_handle.write(json.dumps(scalars_per_iter, sort_keys=True) + "\n")
        self._file_handle.flush()
        try:
            os.fsync(self._file_handle.fileno())
        except AttributeError:
            pass

    def close(self):
        self._file_handle.close()


class CommonMetricPrinter(EventWriter):
    def __init__(self, max_iter=None, window_size=20):
        self.logger = logging.getLogger("detectron2.utils.events")
        self._max_iter = max_iter
        self._window_size = window_size
        self._last_write = None

    def _get_eta(self, storage):
        if self._max_iter is None:
            return ""
        iteration = storage.iter
        try:
            eta_seconds = storage.history("time").median(1000) * (self._max_iter - iteration - 1)
            storage.put_scalar("eta_seconds", eta_seconds, smoothing_hint=False)
            return str(datetime.timedelta(seconds=int(eta_seconds)))
        except KeyError:
            eta_string = None
            if self._last_write is not None:
                estimate_iter_time = (time.perf_counter() - self._last_write[1]) / (iteration - self._last_write[0])
                eta_seconds = estimate_iter_time * (self._max_iter - iteration - 1)
                eta_string = str(datetime.timedelta(seconds=int(eta_seconds)))
            self._last_write = (iteration, time.perf_counter())
            return eta_string

    def write(self):
        storage = get_event_storage()
        iteration = storage.iter
        if iteration == self._max_iter:
            # This hook only reports training progress (loss, ETA, etc) but not other data,
            # therefore do not write anything after training succeeds, even if this method
            # is called.
            return
        eta_string = self._get_eta(storage)
        losses = "  ".join("{}: {:.4g}".format(k, v.median(self._window_size))
                           for k, v in storage.histories().items() if "loss" in k)
        self.logger.info(" {eta}iter: {iter}  {losses}".format(
            eta=f"eta: {eta_string}  " if eta_string else "", iter=iteration, losses=losses))


class EventStorage:
    def __init__(self, start_iter=0):
        self._history = defaultdict(HistoryBuffer)
        self._smoothing_hints = {}
        self._latest_scalars = {}
        self._iter = start_iter
        self._current_prefix = ""

    def put_scalar(self, name, value, smoothing_hint=True, cur_iter=None):
        name = self._current_prefix + name
        cur_iter = self._iter if cur_iter is None else cur_iter
        history = self._history[name]
        value = float(value)
        history.update(value, cur_iter)
        self._latest_scalars[name] = (value, cur_iter)

        existing_hint = self._smoothing_hints.get(name)
        if existing_hint is not None:
            assert existing_hint == smoothing_hint, "Scalar {} was put with a different smoothing_hint!".format(name)
        else:
            self._smoothing_hints[name] = smoothing_hint

    def put_scalars(self, *, smoothing_hint=True, cur_iter=None, **kwargs):
        for k, v in kwargs.items():
            self.put_scalar(k, v, smoothing_hint=smoothing_hint, cur_iter=cur_iter)

    def history(self, name):
        ret = self._history.get(name, None)
        if ret is None:
            raise KeyError("No history metric available for {}!".format(name))
        return ret

    def histories(self):
        return self._history

    def latest(self):
        return self._latest_scalars

    def latest_with_smoothing_hint(self, window_size=20):
        result = {}
        for k, (v, itr) in self._latest_scalars.items():
            result[k] = (
                self._history[k].median(window_size) if self._smoothing_hints[k] else v,
                itr,
            )
        return result

    def step(self):
        self._iter += 1

    @property
    def iter(self):
        return self._iter

    @iter.setter
    def iter(self, val):
        self._iter = int(val)

    def __enter__(self):
        _CURRENT_STORAGE_STACK.append(self)
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        assert _CURRENT_STORAGE_STACK[-1] == self
        _CURRENT_STORAGE_STACK.pop()

    @contextmanager
    def name_scope(self, name):
        old_prefix = self._current_prefix
        self._current_prefix = name.rstrip("/") + "/"
        yield
        self._current_prefix = old_prefix


def flatten_results_dict(results):
    """detectron2/evaluation/testing.py"""
    r = {}
    for k, v in results.items():
        if isinstance(v, dict):
            v = flatten_results_dict(v)
            for kk, vv in v.items():
                r[k + "/" + kk] = vv
        else:
            r[k] = v
    return r


class HookBase:
    trainer = None

    def before_train(self):
        pass

    def after_train(self):
        pass

    def before_step(self):
        pass

    def after_step(self):
        pass


class IterationTimer(HookBase):
    def __init__(self, warmup_iter=3):
        self._warmup_iter = warmup_iter
        self._step_timer = Timer()
        self._start_time = time.perf_counter()
        self._total_timer = Timer()

    def before_train(self):
        self._start_time = time.perf_counter()
        self._total_timer.reset()
        self._total_timer.pause()

    def before_step(self):
        self._step_timer.reset()
        self._total_timer.resume()

    def after_step(self):
        # +1 because we're in after_step, the current step is done
        # but not yet counted
        iter_done = self.trainer.storage.iter - self.trainer.start_iter + 1
        if iter_done >= self._warmup_iter:
            sec = self._step_timer.seconds()
            self.trainer.storage.put_scalars(time=sec)
        else:
            self._start_time = time.perf_counter()
            self._total_timer.reset()
        self._total_timer.pause()


class LRScheduler(HookBase):
    def __init__(self, optimizer, scheduler):
        self._optimizer = optimizer
        self._scheduler = scheduler
        self._best_param_group_id = 0  # fixture: one param group

    def after_step(self):
        lr = self._optimizer.param_groups[self._best_param_group_id]["lr"]
        self.trainer.storage.put_scalar("lr", lr, smoothing_hint=False)
        self._scheduler.step()


class EvalHook(HookBase):
    def __init__(self, eval_period, eval_function):
        self._period = eval_period
        self._func = eval_function

    def _do_eval(self):
        results = self._func()
        if results:
            flattened_results = flatten_results_dict(results)
            for k, v in flattened_results.items():
                v = float(v)
            self.trainer.storage.put_scalars(**flattened_results, smoothing_hint=False)

    def after_step(self):
        next_iter = self.trainer.iter + 1
        if self._period > 0 and next_iter % self._period == 0:
            # do the last eval in after_train
            if next_iter != self.trainer.max_iter:
                self._do_eval()

    def after_train(self):
        # This condition is to prevent the eval from running after a failed training
        if self.trainer.iter + 1 >= self.trainer.max_iter:
            self._do_eval()
        del self._func


class PeriodicWriter(HookBase):
    def __init__(self, writers, period=20):
        self._writers = writers
        self._period = period

    def after_step(self):
        if (self.trainer.iter + 1) % self._period == 0 or (self.trainer.iter == self.trainer.max_iter - 1):
            for writer in self._writers:
                writer.write()

    def after_train(self):
        for writer in self._writers:
            # If any new data is found (e.g. produced by other after_train),
            # write them before closing
            writer.write()
            writer.close()


class SimpleTrainer:
    """TrainerBase + SimpleTrainer from detectron2/engine/train_loop.py."""

    def __init__(self, model, data_loader, optimizer):
        self._hooks = []
        self.iter = 0
        self.start_iter = 0
        model.train()
        self.model = model
        self.data_loader = data_loader
        self._data_loader_iter_obj = None
        self.optimizer = optimizer

    def register_hooks(self, hooks):
        for h in hooks:
            h.trainer = self
        self._hooks.extend(hooks)

    def train(self, start_iter, max_iter):
        self.iter = self.start_iter = start_iter
        self.max_iter = max_iter
        with EventStorage(start_iter) as self.storage:
            try:
                self.before_train()
                for self.iter in range(start_iter, max_iter):
                    self.before_step()
                    self.run_step()
                    self.after_step()
                # self.iter == max_iter can be used by `after_train` to
                # tell whether the training successfully finished or failed
                # due to exceptions.
                self.iter += 1
            finally:
                self.after_train()

    def before_train(self):
        for h in self._hooks:
            h.before_train()

    def after_train(self):
        self.storage.iter = self.iter
        for h in self._hooks:
            h.after_train()

    def before_step(self):
        # Maintain the invariant that storage.iter == trainer.iter
        # for the entire execution of each step
        self.storage.iter = self.iter
        for h in self._hooks:
            h.before_step()

    def after_step(self):
        for h in self._hooks:
            h.after_step()

    @property
    def _data_loader_iter(self):
        if self._data_loader_iter_obj is None:
            self._data_loader_iter_obj = iter(self.data_loader)
        return self._data_loader_iter_obj

    def run_step(self):
        assert self.model.training, "[SimpleTrainer] model was changed to eval mode!"
        start = time.perf_counter()
        data = next(self._data_loader_iter)
        data_time = time.perf_counter() - start
        loss_dict = self.model(data)
        if isinstance(loss_dict, torch.Tensor):
            losses = loss_dict
            loss_dict = {"total_loss": loss_dict}
        else:
            losses = sum(loss_dict.values())
        self.optimizer.zero_grad()
        losses.backward()
        self.write_metrics(loss_dict, data_time, self.iter)
        self.optimizer.step()

    @staticmethod
    def write_metrics(loss_dict, data_time, cur_iter, prefix=""):
        metrics_dict = {k: v.detach().cpu().item() for k, v in loss_dict.items()}
        metrics_dict["data_time"] = data_time
        all_metrics_dict = [metrics_dict]  # fixture: comm.gather on one process
        storage = get_event_storage()
        data_time = np.max([x.pop("data_time") for x in all_metrics_dict])
        storage.put_scalar("data_time", data_time, cur_iter=cur_iter)
        metrics_dict = {k: np.mean([x[k] for x in all_metrics_dict]) for k in all_metrics_dict[0].keys()}
        total_losses_reduced = sum(metrics_dict.values())
        if not np.isfinite(total_losses_reduced):
            raise FloatingPointError(f"Loss became infinite or NaN at iteration={cur_iter}!")
        storage.put_scalar("{}total_loss".format(prefix), total_losses_reduced, cur_iter=cur_iter)
        if len(metrics_dict) > 1:
            storage.put_scalars(cur_iter=cur_iter, **metrics_dict)


# ---------------------------------------------------------------------------- end of detectron2 code


class TinyDetector(nn.Module):
    """Returns a detectron2-style loss dict; also puts fast_rcnn/cls_accuracy into the
    storage from inside forward, as detectron2's FastRCNNOutputLayers does."""

    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(6, 16), nn.ReLU())
        self.cls = nn.Linear(16, 3)
        self.box = nn.Linear(16, 4)

    def forward(self, batch):
        x, labels, boxes = batch
        h = self.body(x)
        logits = self.cls(h)
        if self.training:
            acc = (logits.argmax(1) == labels).float().mean()
            get_event_storage().put_scalar("fast_rcnn/cls_accuracy", acc.item())
            return {"loss_cls": F.cross_entropy(logits, labels),
                    "loss_box_reg": F.smooth_l1_loss(self.box(h), boxes)}
        return logits, self.box(h)


def make_detectron2(root):
    torch.manual_seed(0)
    g = torch.Generator().manual_seed(0)
    x = torch.randn(320, 6, generator=g)
    labels = (x[:, 0] > 0).long() + (x[:, 1] > 0.5).long()
    boxes = torch.stack([x[:, 2], x[:, 3], x[:, 2] + x[:, 4].abs(), x[:, 3] + x[:, 5].abs()], 1)
    xt, lt, bt = x[:256], labels[:256], boxes[:256]
    xv, lv, bv = x[256:], labels[256:], boxes[256:]

    def loader():
        gg = torch.Generator().manual_seed(1)
        while True:
            perm = torch.randperm(256, generator=gg)
            for i in range(0, 256, 16):
                idx = perm[i:i + 16]
                yield xt[idx], lt[idx], bt[idx]

    model = TinyDetector()
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    max_iter = 60

    # detectron2's WarmupMultiStepLR: linear warmup over 10 iters from factor 0.001, x0.1 at 40
    def lr_lambda(it):
        warm = 1.0 if it >= 10 else 0.001 * (1 - it / 10) + it / 10
        return warm * (0.1 if it >= 40 else 1.0)

    sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_lambda)

    def evaluate():
        model.eval()
        with torch.no_grad():
            logits, pb = model((xv, lv, bv))
        model.train()
        acc = (logits.argmax(1) == lv).float().mean().item()
        err = (pb - bv).abs().mean().item()
        return {"bbox": {"AP": 100 * acc * max(0.0, 1 - err / 2), "AP50": 100 * acc, "AP75": 100 * acc * max(0.0, 1 - err),
                         "APs": float("nan"), "APm": 100 * acc * 0.9, "APl": 100 * acc * 0.95}}

    out = os.path.join(root, "detectron2")
    os.makedirs(out)
    trainer = SimpleTrainer(model, loader(), opt)
    writers = [CommonMetricPrinter(max_iter), JSONWriter(os.path.join(out, "metrics.json"))]
    trainer.register_hooks([IterationTimer(), LRScheduler(opt, sched), EvalHook(30, evaluate), PeriodicWriter(writers, period=20)])
    trainer.train(0, max_iter)
    return {"base_lr": 0.05, "momentum": 0.9, "ims_per_batch": 16, "max_iter": max_iter, "warmup_iters": 10,
            "steps": [40], "eval_period": 30, "writer_period": 20}


# ---------------------------------------------------------------------------- read back


def read_jsonl(path, x_key):
    rows = []
    with open(path) as f:
        for line in f:
            rows.append(json.loads(line))  # Python's json accepts NaN tokens
    s = {}
    for row in rows:
        for k, v in row.items():
            if k in ("step", "iteration"):
                continue
            s.setdefault(k, []).append((row[x_key], v))
    return rows, s


def main():
    vers = versions("mmengine", "fvcore", "torch", "numpy")
    root = fresh("jsonlines")
    torch.manual_seed(0)
    hp_runner = make_mmengine_runner(root)
    make_mmengine_visualizer(root)
    hp_d2 = make_detectron2(root)

    runs = []
    rel = f"mmengine_runner/{FIXED_TS}/vis_data/scalars.json"
    rows, _ = read_jsonl(os.path.join(root, rel), "step")
    # validation lines (no "iter" key) have step = 1-based epoch
    train_rows = [r for r in rows if "iter" in r]
    val_rows = [r for r in rows if "iter" not in r]
    ser = {}
    for k in ("lr", "loss", "data_time", "time", "epoch", "iter"):
        ser[k] = series("step", [(r["step"], r[k]) for r in train_rows])
    ser["accuracy"] = series("epoch", [(r["step"], r["accuracy"]) for r in val_rows])
    ser["val:data_time"] = series("epoch", [(r["step"], r["data_time"]) for r in val_rows])
    ser["val:time"] = series("epoch", [(r["step"], r["time"]) for r in val_rows])
    runs.append({"name": "mmengine_runner", "path": rel, "hyperparameters": hp_runner, "series": ser,
                 "line_count": len(rows)})

    rel = "mmengine_visualizer/vis_data/scalars.json"
    rows, s = read_jsonl(os.path.join(root, rel), "step")
    runs.append({"name": "mmengine_visualizer", "path": rel, "hyperparameters": {},
                 "series": {k: series("step", pts) for k, pts in s.items()}, "line_count": len(rows)})

    rel = "detectron2/metrics.json"
    rows, s = read_jsonl(os.path.join(root, rel), "iteration")
    runs.append({"name": "detectron2", "path": rel, "hyperparameters": hp_d2,
                 "series": {k: series("iteration", pts) for k, pts in sorted(s.items())},
                 "line_count": len(rows), "iterations_in_file_order": [r["iteration"] for r in rows]})

    notes = [
        "mmengine_runner: training lines carry lr, data_time, loss, time, epoch (1-based), iter (1-based global iteration) and step (= iter); validation lines carry accuracy, data_time, time and step, where step is the 1-based EPOCH, not an iteration. In expected.json the validation series are 'accuracy', 'val:data_time', 'val:time' with x='epoch'; the training 'data_time'/'time' series exclude validation lines.",
        "mmengine_runner: LoggerHook(interval=5) logs when the within-epoch iteration index is a multiple of 5, so with 16 iterations/epoch the logged iters are 5,10,15, 21,26,31, 37,42,47 (the last iteration of each epoch is not logged).",
        "mmengine_runner: training loss/time/data_time are means over the last 10 training iterations (LogProcessor window_size=10, crossing epoch boundaries); validation time/data_time are means over the validation epoch.",
        "mmengine_runner: hyperparameters are the Runner arguments as passed: nothing in vis_data stores them, and the config dump <work_dir>/<timestamp>.py that a kwargs-built Runner writes is empty (1 byte), so the script deletes it.",
        "mmengine_runner: scalars.json and <timestamp>.json have identical content (LocalVisBackend writes every add_scalars to both).",
        "mmengine_visualizer: add_scalars writes {..., 'step': step} per call; add_scalar('val/acc') writes a separate line {'val/acc': v, 'step': step} with the same step as the preceding add_scalars line.",
        "detectron2: keys are sorted (json.dumps(sort_keys=True)); 'iteration' is the 0-based iteration of the step whose after_step wrote the line (period 20 -> 19, 39, 59). Smoothed keys (total_loss, loss_*, data_time, time, fast_rcnn/cls_accuracy) are the median over the last 20 values; lr, eta_seconds and bbox/* are raw.",
        "detectron2: IterationTimer(warmup_iter=3) puts 'time' from iteration 2 on and CommonMetricPrinter puts eta_seconds (raw, = median(time) * (max_iter - iteration - 1), so 0.0 on the last training line) just before JSONWriter writes; both are therefore in every training line here. Evaluation lines carry only bbox/* and iteration.",
        "detectron2: eval at iteration 29 (eval period 30) is not written at 29: it is written at the next writer call (after iteration 39) as its own line {bbox/..., iteration: 29} AFTER the line for iteration 39 -- iterations in the file are not monotonic (see iterations_in_file_order). The final eval is stored at iteration max_iter (60) and written by PeriodicWriter.after_train as a last line with only bbox/* keys.",
        "detectron2: bbox/APs is NaN, written by json.dumps as the bare token NaN (not valid strict JSON).",
        "detectron2: bbox/* values are in percent (0-100) as COCOEvaluator reports them.",
    ]
    write_expected(root, "mmengine / detectron2 JSONWriter", vers, runs, notes)
    report(root)


if __name__ == "__main__":
    main()
