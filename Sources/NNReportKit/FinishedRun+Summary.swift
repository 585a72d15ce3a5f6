import Datasets
import Engine
import Foundation
import Metrics
import Report

/// summary.json: the final figures, the full configuration, the environment and the command line.
///
/// Fields (Docs/Architecture.md): dataset, preset, config, layers, input_transform, test_accuracy, test_loss,
/// best_epoch, epochs_run, train_seconds, samples_per_second, seed, version, command, and more.
/// Accuracies are fractions. Time fields: `train_seconds`, `wall_seconds`, `samples_per_second`,
/// `started`, `finished`.
extension FinishedRun {
    /// Keys whose values are wall-clock measurements.
    static let summaryTimeFields: Set<String> = [
        "train_seconds", "wall_seconds", "samples_per_second", "started", "finished",
    ]

    var summaryJSON: JSONValue {
        let tested =
            result.testProbabilities.count == result.testCount * dataset.descriptor.classCount && result.testCount > 0
        let stats = tested ? statistics : nil
        var members: [(key: String, value: JSONValue)] = [
            ("dataset", .string(dataset.descriptor.name)),
            ("preset", .string(preset.name)),
            ("status", .string(result.status.rawValue)),
        ]
        if let step = result.divergedAtStep { members.append(("diverged_at_step", .int(step))) }
        members += [
            ("test_accuracy", tested ? .number(result.testAccuracy) : .null),
            ("test_loss", tested ? .number(result.testLoss) : .null),
        ]
        if let stats {
            let ci = stats.accuracyInterval95
            members.append(("test_accuracy_ci95", [.number(ci.lowerBound), .number(ci.upperBound)]))
        }
        members += [
            ("validation_accuracy", .number(result.validationAccuracy)),
            ("validation_loss", .number(result.validationLoss)),
            ("best_epoch", result.epochsRun > 0 ? .int(result.bestEpoch) : .null),
            ("restored_best_weights", .bool(result.restoredBestWeights)),
            ("epochs_run", .int(result.epochsRun)),
            ("steps_run", .int(result.stepsRun)),
            ("train_seconds", .number(result.trainSeconds)),
            ("wall_seconds", .number(result.wallSeconds)),
            ("samples_per_second", .number(result.samplesPerSecond)),
            ("seed", .number(Double(configuration.seed))),
            ("config", configuration.json),
            ("layers", layersJSON),
            ("input_transform", inputTransformJSON(result.inputTransform)),
            (
                "data",
                [
                    "source": .string(dataset.source.path), "origin": .string(dataset.origin.rawValue),
                    "train": .int(result.trainCount), "validation": .int(result.validationCount),
                    "test": .int(result.testCount),
                    "class_names": .array(dataset.descriptor.classNames.map { .string($0) }),
                    "checksums": testChecksumsJSON,
                ]
            ),
        ]
        if let stats {
            members.append(
                (
                    "per_class_accuracy",
                    .array(
                        stats.perClass.map { row in
                            [
                                "class": .int(row.classIndex),
                                "name": .string(dataset.descriptor.classNames[row.classIndex]),
                                "accuracy": .number(row.accuracy), "correct": .int(row.correct),
                                "total": .int(row.total),
                            ]
                        })
                ))
        }
        if !companions.isEmpty {
            members.append(
                (
                    "comparisons",
                    .array(
                        companions.map { c in
                            [
                                "label": .string(c.label), "config": c.configuration.json,
                                "test_accuracy": .number(c.result.testAccuracy),
                                "test_loss": .number(c.result.testLoss),
                                "epoch_accuracy": .array(c.epochs.map { .number($0.accuracy) }),
                                "first_layer_saturation": .number(c.saturation),
                            ]
                        })
                ))
            if let saturation = firstLayerSaturation {
                members.append(("first_layer_saturation", .number(saturation)))
            }
        }
        members += [
            (
                "environment",
                [
                    "cpu": .string(environment.cpu), "cores": .int(environment.cores),
                    "blas": .string(environment.blas),
                    "blas_threads": .int(environment.blasThreads), "swift": .string(environment.swift),
                    "os": .string(environment.os),
                ]
            ),
            ("version", .string(NNReportVersion.string)),
            ("command", .string(command)),
            ("started", .string(Self.iso8601(started))),
            ("finished", .string(Self.iso8601(finished))),
        ]
        return .object(members)
    }

    var statistics: ClassificationStatistics {
        ClassificationStatistics(
            labels: dataset.test.labels.map(Int.init), probabilities: result.testProbabilities,
            classCount: dataset.descriptor.classCount)
    }

    var layersJSON: JSONValue {
        let layers = result.model.layers
        return .array(
            layers.enumerated().map { i, layer in
                [
                    "inputs": .int(layer.inputs), "outputs": .int(layer.outputs),
                    "activation": .string(i == layers.count - 1 ? "softmax" : result.model.activation.rawValue),
                ]
            })
    }

    /// `{"scale": s, "mean": m, "std": d}`: the network sees `(raw * s - m) / d`.
    func inputTransformJSON(_ t: InputTransform) -> JSONValue {
        func values(_ v: [Float]) -> JSONValue {
            v.count == 1 ? .number(Double(v[0])) : .array(v.map { .number(Double($0)) })
        }
        return [
            "kind": .string(configuration.inputTransform.rawValue), "scale": .number(Double(t.scale)),
            "mean": values(t.mean), "std": values(t.std),
        ]
    }

    static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
