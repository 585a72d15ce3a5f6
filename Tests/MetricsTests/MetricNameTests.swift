import Testing

@testable import Metrics

@Suite struct MetricNameTests {
    @Test(arguments: [
        ("loss", MetricSplit.train, "loss", nil as MetricCadence?),
        ("val_loss", .validation, "loss", nil),
        ("acc", .train, "accuracy", nil),
        ("val_acc", .validation, "accuracy", nil),
        ("accuracy", .train, "accuracy", nil),
        ("lr", .train, "lr", nil),
        ("learning_rate", .train, "lr", nil),
        ("lr-Adam", .train, "lr", nil),
        ("train_loss_step", .train, "loss", .step),
        ("train_loss_epoch", .train, "loss", .epoch),
        ("val_loss_epoch", .validation, "loss", .epoch),
        ("train_acc", .train, "accuracy", nil),
        ("test_acc", .test, "accuracy", nil),
        ("train/epoch_loss", .train, "loss", .epoch),
        ("validation/epoch_accuracy", .validation, "accuracy", .epoch),
        ("validation/evaluation_loss_vs_iterations", .validation, "loss", .step),
        ("epoch_learning_rate", .train, "lr", .epoch),
        ("batch_loss", .train, "loss", .step),
        ("Loss/train", .train, "loss", nil),
        ("Loss/val", .validation, "loss", nil),
        ("Accuracy/test", .test, "accuracy", nil),
        ("eval/loss", .validation, "loss", nil),
        ("train/accuracy", .train, "accuracy", nil),
        ("loss_val", .validation, "loss", nil),
        ("top5_accuracy", .train, "top5_accuracy", nil),
        ("val_", .train, "val_", nil),
        ("step", .train, "step", nil),
    ])
    func namesOfEveryToolMeet(raw: String, split: MetricSplit, quantity: String, cadence: MetricCadence?) {
        let name = MetricName(parsing: raw)
        #expect(name.split == split)
        #expect(name.quantity == quantity)
        #expect(name.cadence == cadence)
    }

    @Test func canonicalSpelling() {
        #expect(MetricName(parsing: "validation/epoch_accuracy").canonical == "val_accuracy")
        #expect(MetricName(parsing: "Accuracy/test").canonical == "test_accuracy")
        #expect(MetricName(parsing: "train_loss_step").canonical == "loss")
    }

    @Test(arguments: [
        ("loss", MetricGoal.minimize), ("val_loss", .minimize), ("accuracy", .maximize), ("top5_accuracy", .maximize),
        ("f1", .maximize), ("mae", .minimize), ("lr", .none), ("seconds", .none),
    ])
    func goals(quantity: String, goal: MetricGoal) {
        #expect(MetricGoal(quantity: MetricName(parsing: quantity).quantity) == goal)
    }
}
