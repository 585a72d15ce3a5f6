import Datasets
import Metrics
import Report

/// test_predictions.csv, and the test set's checksums in summary.json: what `nnreport compare`
/// pairs two runs on, and how it knows they were tested on the same images.
extension FinishedRun {
    /// Every test image's prediction, or nil when the run was not tested (interrupted or diverged
    /// before the test pass).
    var testPredictions: TestPredictions? {
        let classCount = dataset.descriptor.classCount
        guard result.testCount > 0, result.testProbabilities.count == result.testCount * classCount else { return nil }
        return TestPredictions(statistics)
    }

    /// The README's entry for test_predictions.csv, when it is written.
    var testPredictionsEntries: [ReportFileEntry] {
        testPredictions == nil
            ? []
            : [
                ReportFileEntry(
                    name: TestPredictions.fileName,
                    what: "one row per test image: index, label, predicted class and its probability "
                        + "(what `nnreport compare` pairs two runs on)")
            ]
    }

    /// summary.json's `data.checksums`: the MD5 of the test files' uncompressed content, keyed by
    /// their published names (`t10k-images-idx3-ubyte`), as `md5sum` prints it for the gunzipped
    /// files.
    var testChecksumsJSON: JSONValue {
        let files = dataset.descriptor.files
        return [
            files.testImages.name: .string(dataset.test.imagesContentMD5.hex),
            files.testLabels.name: .string(dataset.test.labelsContentMD5.hex),
        ]
    }
}
