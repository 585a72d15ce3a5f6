import Datasets
import Engine
import Foundation
import Metrics

/// Everything known about a run once training has ended: what summary.json and the report are
/// written from (FinishedRun+Summary.swift, FinishedRun+Report.swift).
struct FinishedRun {
    var dataset: Dataset
    var preset: Preset
    var configuration: TrainingConfiguration
    var result: TrainingResult
    var recorder: MetricRecorder
    var environment: EnvironmentInfo
    var command: String
    var started: Date
    var finished: Date
    var companions: [CompanionRun]
    /// Share of saturated first-layer sigmoid outputs on test images (``SaturationProbe``), when measured.
    var firstLayerSaturation: Double?
}
