import Foundation
import Synchronization

/// Runs trials on `jobs` worker threads of this process, each trial start to finish on one
/// worker, and collects what each returned.
///
/// Workers take the next trial in plan order when they are free, so which worker runs a
/// trial, and when, varies from run to run; nothing a trial computes depends on it (each
/// trial has its own seed and fixed thread count, and writes only its own folder). After the
/// first error, or once `shouldStop` says so, no new trial starts; those running finish.
struct SweepRunner<Outcome: Sendable>: Sendable {
    var jobs: Int
    var shouldStop: @Sendable () -> Bool
    /// Runs one trial.
    var body: @Sendable (SweepTrial) throws -> Outcome
    /// Called after each trial that returned, from its worker thread.
    var finished: @Sendable (_ trial: SweepTrial, _ outcome: Outcome, _ seconds: Double) -> Void

    /// Worker threads get the stack of a main thread: training keeps nothing big on the stack,
    /// but report drawing recurses through Cairo and FreeType.
    static var stackSize: Int { 8 << 20 }

    /// What the workers share: the next trial's position, the outcomes and the first error.
    final class Shared: Sendable {
        let next = Atomic<Int>(0)
        let state = Mutex<(outcomes: [String: Outcome], error: (any Error)?)>(([:], nil))
    }

    /// Runs `trials`; returns each outcome by trial key, or throws the first error raised.
    func run(_ trials: [SweepTrial]) throws -> [String: Outcome] {
        let shared = Shared()
        let workers = max(1, min(jobs, trials.count))
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            let thread = Thread { [self] in
                defer { group.leave() }
                while true {
                    let stop = shouldStop() || shared.state.withLock { $0.error != nil }
                    if stop { return }
                    let position = shared.next.add(1, ordering: .relaxed).oldValue
                    guard position < trials.count else { return }
                    let trial = trials[position]
                    let started = DispatchTime.now().uptimeNanoseconds
                    do {
                        let outcome = try body(trial)
                        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                        shared.state.withLock { $0.outcomes[trial.key] = outcome }
                        finished(trial, outcome, seconds)
                    } catch {
                        shared.state.withLock { if $0.error == nil { $0.error = error } }
                    }
                }
            }
            thread.stackSize = Self.stackSize
            thread.start()
        }
        group.wait()
        return try shared.state.withLock { s in
            if let error = s.error { throw error }
            return s.outcomes
        }
    }
}
