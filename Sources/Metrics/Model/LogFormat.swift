/// A training-log format ``LogReader`` understands. The raw value is the `--format-in` spelling.
public enum LogFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    /// nnreport's own metrics.jsonl (and a run folder holding it, with summary.json).
    case nnreport = "jsonl"
    /// Keras `CSVLogger`: `epoch` first (0-based), metric columns sorted, CRLF, `NA`.
    case kerasCSV = "keras-csv"
    /// PyTorch Lightning `CSVLogger` metrics.csv: sparse rows keyed by `step`, hparams.yaml beside it.
    case lightningCSV = "lightning-csv"
    /// TensorBoard event files (`events.out.tfevents.*`), a file or a run folder.
    case tensorBoard = "tensorboard"
    /// DVCLive `plots/metrics/**.tsv`.
    case dvclive = "dvclive"
    /// Hugging Face transformers `Trainer`: `trainer_state.json` (its `log_history`), or an
    /// output folder holding it (top level or `checkpoint-N/`) beside its TensorBoard logs.
    case huggingFace = "hf-trainer"
    /// MLflow tracking: a file store (`mlruns/`) or a SQLite tracking database (`mlflow.db`).
    case mlflow = "mlflow"
    /// JSON lines: one object of metrics per line with a step, iteration or epoch member
    /// (detectron2's metrics.json, mmengine's scalars.json).
    case jsonLines = "json-lines"
    /// Ultralytics YOLO `results.csv`: `epoch` counted from 1, `train/`, `val/`, `metrics/`, `lr/` columns.
    case ultralytics = "ultralytics"
    /// Any CSV or TSV table with a header row and an x column (`--x step|epoch|NAME`).
    case table = "csv"

    /// A name for messages ("TensorBoard event file").
    public var displayName: String {
        switch self {
        case .nnreport: return "nnreport metrics.jsonl"
        case .kerasCSV: return "Keras CSVLogger CSV"
        case .lightningCSV: return "PyTorch Lightning CSVLogger metrics.csv"
        case .tensorBoard: return "TensorBoard event file"
        case .dvclive: return "DVCLive plots/metrics TSV"
        case .huggingFace: return "Hugging Face Trainer state"
        case .mlflow: return "MLflow tracking store"
        case .jsonLines: return "JSON lines log"
        case .ultralytics: return "Ultralytics results.csv"
        case .table: return "plain CSV/TSV table"
        }
    }

    public var description: String { rawValue }
}
