import Foundation
import Testing

@testable import Datasets

@Suite struct DatasetDescriptorTests {
    @Test func builtInDatasetsByName() {
        #expect(DatasetDescriptor.named("mnist")?.displayName == "MNIST")
        #expect(DatasetDescriptor.named("fashion")?.displayName == "Fashion-MNIST")
        #expect(DatasetDescriptor.named("Fashion-MNIST")?.name == "fashion")
        #expect(DatasetDescriptor.named("cifar10") == nil)
    }

    @Test func publishedFileNamesAndClasses() {
        for descriptor in DatasetDescriptor.all {
            #expect(
                descriptor.files.all.map(\.compressedName) == [
                    "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                    "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
                ])
            #expect(descriptor.classCount == 10)
            #expect(descriptor.files.all.allSatisfy { $0.compressedMD5 != nil && $0.contentMD5 != nil })
            #expect(!descriptor.mirrors.isEmpty)
        }
        #expect(
            DatasetDescriptor.fashion.classNames == [
                "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                "Ankle boot",
            ])
        #expect(DatasetDescriptor.fashion.systemDirectories == ["/usr/share/datasets/fashion-mnist"])
        #expect(DatasetDescriptor.mnist.systemDirectories == ["/usr/share/datasets/mnist"])
    }

    @Test func mirrorURLsJoinWithFileNames() {
        let url = DatasetDescriptor.fashion.mirrors[1].appendingPathComponent("t10k-labels-idx1-ubyte.gz")
        #expect(
            url.absoluteString
                == "https://github.com/zalandoresearch/fashion-mnist/raw/master/data/fashion/t10k-labels-idx1-ubyte.gz")
    }
}
