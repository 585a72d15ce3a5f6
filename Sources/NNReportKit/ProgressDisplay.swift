import Foundation
import Metrics
import Report

/// Shows a run's progress on standard error.
///
/// On a terminal: one live line rewritten in place (epoch, step, loss, samples/s, time left).
/// Otherwise (CI logs, pipes): one plain line per epoch, so logs stay readable.
public final class ProgressDisplay: MetricSink {
    public enum Mode: Sendable { case live, perEpoch, silent }

    private let mode: Mode
    private let output: FileHandle
    private let stepsPerEpoch: Int
    private let plannedEpochs: Int
    private let batchSize: Int
    private let clock: () -> Double
    private var startTime: Double?
    private var epochStart: Double?
    private var lastDraw = 0.0
    private var liveLineShown = false
    /// Steps a resumed run had taken before this process started (for the rate and time left).
    private var stepsBefore = 0

    /// - Parameters:
    ///   - mode: how to show progress; `.live` only makes sense on a terminal.
    ///   - stepsPerEpoch, plannedEpochs, batchSize: for the time-left estimate.
    public init(
        mode: Mode, stepsPerEpoch: Int, plannedEpochs: Int, batchSize: Int,
        output: FileHandle = .standardError, clock: @escaping () -> Double = { Date().timeIntervalSince1970 }
    ) {
        self.mode = mode
        self.output = output
        self.stepsPerEpoch = max(1, stepsPerEpoch)
        self.plannedEpochs = max(1, plannedEpochs)
        self.batchSize = max(1, batchSize)
        self.clock = clock
    }

    /// `.live` when standard error is a terminal, else `.perEpoch`; `.silent` when quiet.
    public static func automaticMode(quiet: Bool) -> Mode {
        if quiet { return .silent }
        return isatty(STDERR_FILENO) == 1 ? .live : .perEpoch
    }

    public func receive(_ event: MetricEvent) throws {
        guard mode != .silent else { return }
        let now = clock()
        switch event {
        case .run:
            startTime = now
            epochStart = now
        case .resume(let r):
            startTime = now
            epochStart = now
            stepsBefore = r.step
        case .step(let s):
            guard mode == .live, now - lastDraw >= 0.1 else { return }
            lastDraw = now
            let start = startTime ?? now
            let elapsed = max(now - start, 1e-9)
            let doneSteps = Double(s.step - stepsBefore)
            let totalSteps = Double(stepsPerEpoch * plannedEpochs - stepsBefore)
            let rate = doneSteps * Double(batchSize) / elapsed
            let left = doneSteps > 0 ? elapsed * max(0, totalSteps - doneSteps) / doneSteps : 0
            let line =
                String(format: "epoch %d/%d  step %d  loss %.4f  ", s.epoch, plannedEpochs, s.step, s.loss)
                + "\(ReportNumberFormat.grouped(rate)) samples/s  \(ReportNumberFormat.duration(left)) left"
            emit("\r\u{1B}[2K" + line, newline: false)
            liveLineShown = true
        case .epoch(let e):
            var line = String(
                format: "epoch %d/%d  loss %.4f  accuracy %.2f%%", e.epoch, plannedEpochs, e.loss, e.accuracy * 100)
            if let v = e.valLoss { line += String(format: "  val_loss %.4f", v) }
            if let v = e.valAccuracy { line += String(format: "  val_accuracy %.2f%%", v * 100) }
            line += String(format: "  %.1f s", e.seconds)
            emit(clearLive() + line, newline: true)
            epochStart = now
        case .test(let t):
            emit(
                clearLive() + String(format: "test  loss %.4f  accuracy %.2f%%", t.loss, t.accuracy * 100),
                newline: true)
        case .end(let e):
            if e.status != .completed {
                emit(clearLive() + "run \(e.status.rawValue)" + (e.message.map { ": \($0)" } ?? ""), newline: true)
            } else if liveLineShown {
                emit(clearLive(), newline: false)
            }
        }
    }

    private func clearLive() -> String {
        guard liveLineShown else { return "" }
        liveLineShown = false
        return "\r\u{1B}[2K"
    }

    private func emit(_ text: String, newline: Bool) {
        output.write(Data((text + (newline ? "\n" : "")).utf8))
    }
}
