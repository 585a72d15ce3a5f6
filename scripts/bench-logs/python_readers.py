#!/usr/bin/env python3
"""Times reading a big log with the Python tools people use, the way they use them.

    python_readers.py tensorboard RUN_FOLDER_OR_EVENT_FILE [TOOL ...]
    python_readers.py mlflow      PATH/TO/mlflow.db        [TOOL ...]

Tools (all of a kind when none is named; scripts/bench-logs.sh runs each in its own process so
that none inherits another's warm imports):
  tensorboard  event_accumulator  EventAccumulator(path, size_guidance={"scalars": 0, "tensors": 0})
                                  .Reload(), then Scalars(tag) for every tag in Tags()["scalars"]
               tbparse            tbparse.SummaryReader(path).scalars (a pandas DataFrame)
  mlflow       mlflow_client      MlflowClient(tracking_uri="sqlite:///PATH"): search_experiments,
                                  search_runs (all, deleted too), then get_metric_history(run_id, key)
                                  for every run and every key of run.data.metrics

Prints, per tool, a comment line with the import time and what was imported, then one line
    KIND TOOL SECONDS COUNT
SECONDS covers the reading only (for MLflow it includes making the client and its first query,
which opens the SQLite engine and checks the schema); COUNT is the number of values read.
Imports are done before the clock starts. When TensorFlow is importable, tensorboard reads the
records through TensorFlow's C++ reader (as it does on a user's machine with TensorFlow), and
tbparse imports TensorFlow too; its import is forced before the clock starts.
"""
import os
import sys
import time

sys.dont_write_bytecode = True
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")

TOOLS = {"tensorboard": ["event_accumulator", "tbparse"], "mlflow": ["mlflow_client"]}


def tensorflow_note():
    from tensorboard.compat import tf

    version = tf.__version__  # forces the lazy import of TensorFlow when it is installed
    return "tensorboard records read by " + ("tensorboard's pure-Python stub" if version == "stub"
                                             else "TensorFlow %s" % version)


def event_accumulator(path):
    start = time.perf_counter()
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    note = tensorflow_note()
    imported = time.perf_counter() - start

    start = time.perf_counter()
    acc = EventAccumulator(path, size_guidance={"scalars": 0, "tensors": 0})
    acc.Reload()
    count = 0
    for tag in acc.Tags()["scalars"]:
        count += len(acc.Scalars(tag))
    return imported, note, time.perf_counter() - start, count


def tbparse_reader(path):
    start = time.perf_counter()
    import tbparse

    note = tensorflow_note() + ", tbparse %s" % getattr(tbparse, "__version__", "?")
    imported = time.perf_counter() - start

    start = time.perf_counter()
    frame = tbparse.SummaryReader(path).scalars
    count = len(frame)
    return imported, note, time.perf_counter() - start, count


def mlflow_client(path):
    start = time.perf_counter()
    os.environ["MLFLOW_TRACKING_URI"] = ""
    import mlflow
    from mlflow.entities import ViewType

    note = "mlflow %s" % mlflow.__version__
    imported = time.perf_counter() - start

    start = time.perf_counter()
    client = mlflow.MlflowClient(tracking_uri="sqlite:///" + os.path.abspath(path))
    experiments = [e.experiment_id for e in client.search_experiments(view_type=ViewType.ALL)]
    connected = time.perf_counter() - start
    runs = []
    token = None
    while True:
        page = client.search_runs(experiments, run_view_type=ViewType.ALL, max_results=1000, page_token=token)
        runs.extend(page)
        token = page.token
        if not token:
            break
    count = 0
    for run in runs:
        for key in run.data.metrics:
            count += len(client.get_metric_history(run.info.run_id, key))
    note += ", %d runs; client + search_experiments took %.2f s of the reading" % (len(runs), connected)
    return imported, note, time.perf_counter() - start, count


READERS = {"event_accumulator": event_accumulator, "tbparse": tbparse_reader, "mlflow_client": mlflow_client}


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in TOOLS:
        sys.exit("usage: python_readers.py tensorboard|mlflow PATH [TOOL ...]\n"
                 "tools: tensorboard: %s; mlflow: %s" % (" ".join(TOOLS["tensorboard"]), " ".join(TOOLS["mlflow"])))
    kind, path = sys.argv[1], sys.argv[2]
    tools = sys.argv[3:] or TOOLS[kind]
    for tool in tools:
        if tool not in TOOLS[kind]:
            sys.exit("unknown %s tool %r (expected one of: %s)" % (kind, tool, ", ".join(TOOLS[kind])))
    if not os.path.exists(path):
        sys.exit("no such file or folder: %s" % path)
    for tool in tools:
        imported, note, seconds, count = READERS[tool](path)
        print("# %s %s import %.3f s (%s)" % (kind, tool, imported, note), flush=True)
        print("%s %s %.3f %d" % (kind, tool, seconds, count), flush=True)


if __name__ == "__main__":
    main()
