import Datasets
import Engine
import Foundation
import Metrics
import Report

/// `nnreport mnist` / `nnreport fashion`: load the data, train, and write the report folder.
///
/// The folder is built in a hidden staging sibling (metrics.jsonl streams into it while the run
/// goes) and renamed into place only when every file is written, so a failed run leaves nothing
/// under the final name.
public struct TrainPipeline {
    public var request: TrainRequest
    /// The request's preset and configuration when the caller resolved them already (the CLI
    /// does while validating the options); nil resolves them when the run starts.
    public var resolved: ResolvedTraining?
    /// Polled every training step; true stops the run with status `interrupted`.
    public var shouldStop: @Sendable () -> Bool
    /// How progress is shown (on standard error unless another handle is given).
    public var progressMode: ProgressDisplay.Mode
    public var progressOutput: FileHandle
    /// Receives one-line notes for the user ("reading MNIST from ..."); the CLI prints them.
    public var note: (String) -> Void
    /// The clock for the report's timestamps.
    public var now: () -> Date

    public init(
        request: TrainRequest, resolved: ResolvedTraining? = nil,
        shouldStop: @escaping @Sendable () -> Bool = { false },
        progressMode: ProgressDisplay.Mode = .silent, progressOutput: FileHandle = .standardError,
        note: @escaping (String) -> Void = { _ in }, now: @escaping () -> Date = Date.init
    ) {
        self.request = request
        self.resolved = resolved
        self.shouldStop = shouldStop
        self.progressMode = progressMode
        self.progressOutput = progressOutput
        self.note = note
        self.now = now
    }

    /// The preset and the configuration after the command-line overrides.
    public static func resolve(_ request: TrainRequest) throws -> ResolvedTraining {
        let preset = try Preset.named(request.preset ?? "default")
        let configuration = try request.overrides.apply(to: preset.configuration)
        try configuration.validate()
        try checkMemory(configuration)
        return ResolvedTraining(preset: preset, configuration: configuration)
    }

    /// Refuses a configuration whose runs (`concurrent` at once) would not fit in the memory
    /// nnreport allows (``MemoryBudget``), before anything is allocated.
    ///
    /// - Throws: ``MemoryBudgetError`` with the estimate and the limit.
    static func checkMemory(_ configuration: TrainingConfiguration, concurrent: Int = 1) throws(MemoryBudgetError) {
        let widths = configuration.hidden.map(String.init).joined(separator: ",")
        try MemoryBudget.current().check(
            configuration.memoryEstimate(), concurrent: concurrent,
            what:
                "--hidden \(widths) with --batch-size \(configuration.batchSize) and \(configuration.optimizer.rawValue)"
        )
    }

    /// Runs the whole pipeline and returns where the report landed.
    public func run() throws -> TrainOutcome {
        let started = now()
        let resolved = try self.resolved ?? PipelineError.during("reading the options") { try Self.resolve(request) }
        let (preset, configuration) = (resolved.preset, resolved.configuration)
        // Templates are read before training, so a broken --templates folder costs no training time.
        let templates = try PipelineError.during("reading the templates") { try request.report.loadTemplates() }
        // A dangling --out link or a folder --force may not replace costs no loading or training.
        try PipelineError.during("preparing the report folder") {
            try request.report.protecting(request.data.directory.map { [$0] } ?? [], as: "the data set's folder")
                .checkOutput()
        }
        let dataset = try request.data.load(request.dataset, note: note)
        let descriptor = dataset.descriptor
        try PipelineError.during("checking the options against the data") {
            try configuration.validate(trainingImages: dataset.train.count)
        }

        let settings = request.data.protecting(dataset, in: request.report)
        let staging = try PipelineError.during("preparing the report folder") {
            try settings.stage(name: "\(descriptor.name)-\(preset.name)", started: started, note: note)
        }

        let recorder = MetricRecorder()
        let jsonl = try PipelineError.during("opening metrics.jsonl") {
            try JSONLWriter(url: staging.file("metrics.jsonl"))
        }
        let csv = try PipelineError.during("opening metrics.csv") {
            try KerasCSVWriter(url: staging.file("metrics.csv"))
        }
        let stepsPerEpoch = Trainer.stepsPerEpoch(for: configuration, count: dataset.train.count)
        let progress = ProgressDisplay(
            mode: progressMode, stepsPerEpoch: stepsPerEpoch, plannedEpochs: configuration.epochs,
            batchSize: configuration.batchSize, output: progressOutput)
        let sink = MetricFanOut([jsonl, csv, recorder, progress])

        let trainer = Trainer(
            configuration: configuration, train: dataset.train, test: dataset.test,
            classCount: descriptor.classCount, sink: sink, shouldStop: shouldStop)
        let result = try PipelineError.during("training") { try trainer.run() }
        try PipelineError.during("closing the metric files") {
            try jsonl.close()
            try csv.close()
        }

        var companions: [CompanionRun] = []
        if result.status != .interrupted, !shouldStop() {
            for plan in CompanionRun.plans(preset: preset, configuration: configuration) {
                note("\(preset.name): training the same network with \(plan.label) for comparison")
                companions.append(
                    try PipelineError.during("training the comparison run with \(plan.label)") {
                        try plan.run(dataset: dataset, shouldStop: shouldStop)
                    })
            }
        }
        // Measured once for the summary and the report's explanation; only the homework
        // comparison (sigmoid units on raw pixels) talks about it.
        let saturation =
            companions.contains { if case .scaledInputs = $0.kind { true } else { false } }
            ? SaturationProbe.firstLayerSaturation(of: result.model, images: dataset.test) : nil

        let finished = now()
        let environment = EnvironmentInfo.current(blasThreads: configuration.threads)
        let run = FinishedRun(
            dataset: dataset, preset: preset, configuration: configuration, result: result, recorder: recorder,
            environment: environment, command: settings.command, started: started, finished: finished,
            companions: companions, firstLayerSaturation: saturation)
        let summary = run.summaryJSON
        try PipelineError.during("writing summary.json and model.safetensors") {
            try staging.write(JSONWriter.pretty(summary), to: "summary.json")
            try staging.write(
                Data(
                    SafetensorsWriter.data(
                        for: result.model, metadata: ["format": "pt", "nnreport": NNReportVersion.string])),
                to: "model.safetensors")
            if let predictions = run.testPredictions {
                try staging.write(predictions.csv, to: TestPredictions.fileName)
            }
        }

        let report = run.report(title: settings.title)
        let writer = try PipelineError.during("writing the report") {
            let writer = try settings.writer(templates: templates)
            try writer.write(report, into: staging, files: Self.fileEntries + run.testPredictionsEntries)
            return writer
        }
        let folder = try PipelineError.during("finishing the report folder") { try settings.commit(staging) }
        try settings.appendGitHubSummary(folder: folder) { try writer.summary(report, folder: $0) }
        return TrainOutcome(folder: folder, summary: summary, status: result.status, result: result)
    }

    /// The non-figure files of a run folder, as the README lists them.
    static let fileEntries: [ReportFileEntry] = [
        ReportFileEntry(
            name: "metrics.jsonl", what: "the metric stream, one JSON event per line, written while the run went"),
        ReportFileEntry(name: "metrics.csv", what: "per-epoch table with Keras CSVLogger columns"),
        ReportFileEntry(name: "summary.json", what: "final figures, full configuration, environment and command line"),
        ReportFileEntry(
            name: "model.safetensors",
            what: "trained weights (`layers.<i>.weight` [out, in], `layers.<i>.bias`), loadable with numpy or PyTorch"),
    ]
}

/// Where a run's report landed and what it found.
public struct TrainOutcome: Sendable {
    public var folder: URL
    /// The content of summary.json.
    public var summary: JSONValue
    public var status: RunStatus
    public var result: TrainingResult
}
