import Engine
import Foundation
import Metrics

/// summary.json of an approx report: the settings, the box network, the staircase errors and
/// every fit's parameters and outcome. Time fields: `fit_seconds`, `started`, `finished`.
struct ApproxSummary {
    var results: ApproxResults
    var configuration: ReLUFitConfiguration
    var environment: EnvironmentInfo
    var command: String
    var started: Date
    var finished: Date

    /// Keys whose values are wall-clock measurements.
    static let timeFields: Set<String> = ["fit_seconds", "started", "finished"]

    var json: JSONValue {
        let c = configuration
        let target = ApproxResults.target
        let box = results.box
        return [
            "report": "approx",
            "seed": .number(Double(c.seed)),
            "config": [
                "hidden_units": .int(c.hiddenUnits), "starts": .int(c.starts), "steps": .int(c.steps),
                "optimizer": "adam", "learning_rate": .number(c.learningRate), "lr_schedule": "cosine",
                "lr_min": 0, "beta1": .number(c.beta1), "beta2": .number(c.beta2), "epsilon": .number(c.epsilon),
                "loss": "mse", "precision": "float64", "exact_tolerance": .number(c.exactTolerance),
            ],
            "box": [
                "height": .number(ApproxResults.boxHeight), "start": .number(ApproxResults.boxStart),
                "width": .number(ApproxResults.boxWidth), "activation": "step",
                "network": Self.network(
                    w: box.hiddenWeights, b: box.hiddenBiases, v: box.outputWeights, c: box.outputBias),
            ],
            "staircase": [
                "function": .string(target.formula),
                "interval": [.number(target.interval.lowerBound), .number(target.interval.upperBound)],
                "lipschitz_bound": .number(target.lipschitzBound),
                "error_grid_cells": .int(BoxApproximation.errorGridCells),
                "levels": .array(
                    zip(results.staircases, results.errors).map { a, e in
                        [
                            "boxes": .int(a.count), "box_width": .number(a.boxWidth),
                            "step_neurons": .int(a.network.hiddenCount),
                            "max_abs_error": .number(e.maxAbsolute), "rms_error": .number(e.rms),
                            "worst_x": .number(e.worstX),
                            "bound": .number(a.errorBound(lipschitz: target.lipschitzBound)),
                        ]
                    }),
            ],
            "fits": .array(results.fits.enumerated().map { fitJSON($1, number: $0 + 1) }),
            "fit_seconds": .number(results.fitSeconds),
            "started": .string(ISO8601DateFormatter().string(from: started)),
            "finished": .string(ISO8601DateFormatter().string(from: finished)),
            "environment": [
                "cpu": .string(environment.cpu), "cores": .int(environment.cores), "swift": .string(environment.swift),
                "os": .string(environment.os),
            ],
            "version": .string(NNReportVersion.string),
            "command": .string(command),
        ]
    }

    func fitJSON(_ fit: ReLUFit, number: Int) -> JSONValue {
        let best = fit.best
        var members: [(key: String, value: JSONValue)] = [
            ("data_set", .int(number)),
            ("x", .array(fit.x.map { .number($0) })),
            ("t", .array(fit.t.map { .number($0) })),
            ("turns", .array(fit.analysis.turns.map { .number($0) })),
            ("minimum_kinks", .int(fit.analysis.minimumKinks)),
            ("exact_starts", .int(fit.exactCount)),
            ("best_start", .int(best.index + 1)),
            (
                "best",
                [
                    "loss": .number(best.loss), "max_abs_residual": .number(best.maxResidual), "exact": .bool(best.isExact),
                    "network": Self.network(w: best.final.w1, b: best.final.b1, v: best.final.w2, c: best.final.b2),
                    "kinks": .array(fit.bends(of: best.final).map { .number($0.x) }),
                    "residuals": .array(best.final.residuals(x: fit.x, t: fit.t).map { .number($0) }),
                ]
            ),
            (
                "starts",
                .array(
                    fit.starts.map { s in
                        [
                            "start": .int(s.index + 1), "loss": .number(s.loss), "max_abs_residual": .number(s.maxResidual),
                            "exact": .bool(s.isExact), "diverged": .bool(s.diverged),
                            "dead_units": .array(s.deadUnits.map { .int($0 + 1) }),
                            "kinks": .array(fit.bends(of: s.final).map { .number($0.x) }),
                        ]
                    })
            ),
        ]
        if let hand = fit.handBuilt {
            members.append(
                (
                    "hand_built",
                    [
                        "network": Self.network(w: hand.w1, b: hand.b1, v: hand.w2, c: hand.b2),
                        "max_abs_residual": .number(hand.residuals(x: fit.x, t: fit.t).map(abs).max() ?? 0),
                    ]
                ))
        }
        return .object(members)
    }

    /// A one-hidden-layer network in the PyTorch `nn.Linear` layout: hidden weight [H, 1], bias [H],
    /// output weight [1, H], bias [1].
    static func network(w: [Double], b: [Double], v: [Double], c: Double) -> JSONValue {
        [
            "hidden.weight": .array(w.map { [.number($0)] }),
            "hidden.bias": .array(b.map { .number($0) }),
            "output.weight": [.array(v.map { .number($0) })],
            "output.bias": [.number(c)],
        ]
    }
}
