#!/usr/bin/env python3
"""Writes Tests/Fixtures/tensorboardx_scalars/: a tensorboardX SummaryWriter log.

  SummaryWriter(logdir="tensorboardx_scalars/run")
  for step in 0..9:
      add_scalars("grouped", {"a": ..., "b": ...}, step, walltime=...)
          -> tensorboardX writes each key to its own event file in the NESTED folder
             run/grouped/a/ and run/grouped/b/ (os.path.join(logdir, main_tag, key)),
             each holding tag "grouped" (torch's SummaryWriter uses run/grouped_a/ instead)
      add_scalar("plain", ..., step, walltime=...)   -> run/ (simple_value)
  expected.json: read back with tensorboard's EventAccumulator, one entry per folder.

Values are a decaying sine/cosine computed in the script (no training). Every event's
wall_time is passed explicitly (1704067200 + step seconds), so event contents are
deterministic; the file names (events.out.tfevents.<time>.<hostname>...) are not.

Run from the repository root:
    /work/venv/bin/python scripts/make-fixtures/tensorboardx_scalars.py
Tested with: tensorboardX 2.6.5, tensorboard 2.21.0 (reader), protobuf 7.36.2.
"""
import math
import os
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _fixture_common import fresh, report, tb_run_entries, versions, write_expected  # noqa: E402

from tensorboardX import SummaryWriter  # noqa: E402

BASE = 1704067200.0


def main():
    vers = versions("tensorboardX", "tensorboard", "protobuf")
    root = fresh("tensorboardx_scalars")
    w = SummaryWriter(logdir=os.path.join(root, "run"))
    for step in range(10):
        t = BASE + step
        w.add_scalars("grouped", {"a": math.exp(-step / 4) * math.sin(step), "b": math.exp(-step / 4) * math.cos(step)},
                      step, walltime=t)
        w.add_scalar("plain", 1.0 / (step + 1), step, walltime=t)
    w.close()
    runs = tb_run_entries(root)
    notes = [
        "run entries: 'run' (tag plain), 'run/grouped/a' and 'run/grouped/b' (tag 'grouped' in each). tensorboardX nests add_scalars output as <logdir>/<main_tag>/<key>/; torch.utils.tensorboard flattens it to <logdir>/<main_tag>_<key>/ (see pytorch_tb).",
        "the parent run/ event file has no 'grouped' tag.",
        "x is the global_step passed (0-based, 0..9); wall_time of every event is 1704067200 + step.",
        "values are float32 simple_value; expected holds the float32 values widened to float64.",
        "tensorboardX names event files events.out.tfevents.<unix time>.<hostname> (no pid/counter suffix, unlike torch), so the three files share one name in different folders.",
    ]
    write_expected(root, "tensorboardX.SummaryWriter", vers, runs, notes)
    report(root)


if __name__ == "__main__":
    main()
