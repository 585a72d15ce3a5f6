import Datasets
import LinearAlgebra
import Metrics

/// The engine's version of the metric stream format.
public enum EngineInfo {
    public static let name = "nnreport-engine"
}
