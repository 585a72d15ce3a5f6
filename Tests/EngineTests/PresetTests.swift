import Engine
import Testing

@Suite struct PresetTests {
    @Test func everyPresetIsValidAndNamed() throws {
        #expect(Preset.all.map(\.name) == ["default", "homework", "cs231n", "keras", "pytorch"])
        for preset in Preset.all {
            try preset.configuration.validate(trainingImages: 60_000)
            #expect(try Preset.named(preset.name.uppercased()).name == preset.name)
            #expect(!preset.origin.isEmpty && !preset.published.text.isEmpty)
        }
        #expect(throws: PresetError.unknown(name: "nope", known: Preset.all.map(\.name))) { try Preset.named("nope") }
    }

    @Test func homeworkIsTheAssignmentsSetup() {
        let c = Preset.homework.configuration
        #expect(c.hidden == [32, 32] && c.activation == .sigmoid && c.optimizer == .sgd)
        #expect(c.batchSize == 1 && c.learningRate == 0.003 && c.epochs == 3 && !c.shuffle)
        #expect(c.initializer == .homework && c.inputTransform == .raw && c.validationCount == 0)
    }

    @Test func cs231nRunsTenThousandIterationsOnA55000Split() {
        let c = Preset.cs231n.configuration
        #expect(c.hidden == [175] && c.optimizer == .momentum && c.momentum == 0.9 && c.batchSize == 100)
        #expect(c.maxIterations == 10_000 && c.schedule == .exponential(factor: 0.98) && c.weightDecay == 5e-6)
        #expect(c.validationCount == 5000 && c.inputTransform == .meanImage)
        // 55,000 images / 100 per step = 550 steps per epoch: 19 epochs cover 10,000 iterations.
        #expect(c.epochs * 550 >= 10_000)
    }

    @Test func kerasAndPytorchFollowTheirWriteUps() {
        let k = Preset.keras.configuration
        #expect(k.hidden == [256, 128, 64] && k.dropout == 0.2 && k.optimizer == .adam && k.batchSize == 32)
        #expect(k.epochs == 50 && k.patience == 5 && Preset.keras.dataset == "fashion")
        let p = Preset.pytorch.configuration
        #expect(
            p.hidden == [256, 128, 64] && p.optimizer == .sgd && p.learningRate == 0.01 && p.batchSize == 64
                && p.epochs == 10)
    }

    @Test func benchmarkFlopsMatchTheIssue() {
        // Docs/Performance.md: 1.05 MFLOP per training sample for 784-256-128-64-10.
        #expect(Benchmark.flopsPerSample(sizes: [784, 256, 128, 64, 10]) == 1_052_416)
        #expect(
            BenchConfiguration.standard(threads: 1).map(\.name) == ["mlp-b32", "mlp-b64", "mlp-b128", "homework-b1"])
    }
}
