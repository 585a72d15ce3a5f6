import Foundation

extension DatasetDescriptor {
    /// MNIST handwritten digits (LeCun, Cortes and Burges): 60,000 + 10,000 images of 28x28.
    ///
    /// Checksums: the published `.gz` files (the ones torchvision and Keras verify) and their
    /// uncompressed content, measured from the original files.
    public static let mnist = DatasetDescriptor(
        name: "mnist",
        displayName: "MNIST",
        classNames: (0...9).map(String.init),
        files: DatasetFiles(
            trainImages: DatasetFile(
                "train-images-idx3-ubyte", gz: "f68b3c2dcbeaaa9fbdd348bbdeb94873",
                content: "6bbc9ace898e44ae57da46a324031adb"),
            trainLabels: DatasetFile(
                "train-labels-idx1-ubyte", gz: "d53e105ee54ea40749a09fcbcd1e9432",
                content: "a25bea736e30d166cdddb491f175f624"),
            testImages: DatasetFile(
                "t10k-images-idx3-ubyte", gz: "9fb629c4189551a2d022fa330f9573f3",
                content: "2646ac647ad5339dbf082846283269ea"),
            testLabels: DatasetFile(
                "t10k-labels-idx1-ubyte", gz: "ec29112dd5afa0611ce80d1b7f02629c",
                content: "27ae3e4e09519cfbb04c329615203637")),
        mirrors: [
            URL(string: "https://ossci-datasets.s3.amazonaws.com/mnist/")!,
            URL(string: "https://storage.googleapis.com/cvdf-datasets/mnist/")!,
            URL(string: "http://yann.lecun.com/exdb/mnist/")!,
        ],
        systemDirectories: ["/usr/share/datasets/mnist"])

    /// Fashion-MNIST (Zalando Research): same format and sizes as MNIST, ten kinds of clothing.
    ///
    /// `.gz` checksums are zalandoresearch's published ones; content checksums were measured from
    /// Debian's dataset-fashion-mnist, whose recompressed `.gz` files hold the same bytes.
    public static let fashion = DatasetDescriptor(
        name: "fashion",
        displayName: "Fashion-MNIST",
        classNames: [
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
        ],
        files: DatasetFiles(
            trainImages: DatasetFile(
                "train-images-idx3-ubyte", gz: "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
                content: "f4a8712d7a061bf5bd6d2ca38dc4d50a"),
            trainLabels: DatasetFile(
                "train-labels-idx1-ubyte", gz: "25c81989df183df01b3e8a0aad5dffbe",
                content: "9018921c3c673c538a1fc5bad174d6f9"),
            testImages: DatasetFile(
                "t10k-images-idx3-ubyte", gz: "bef4ecab320f06d8554ea6380940ec79",
                content: "8181f5470baa50b63fa0f6fddb340f0a"),
            testLabels: DatasetFile(
                "t10k-labels-idx1-ubyte", gz: "bb300cfdad3c16e7a12a480ee83cd310",
                content: "15d484375f8d13e6eb1aabb0c3f46965")),
        mirrors: [
            URL(string: "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")!,
            URL(string: "https://github.com/zalandoresearch/fashion-mnist/raw/master/data/fashion/")!,
        ],
        systemDirectories: ["/usr/share/datasets/fashion-mnist"],
        systemPackage: "dataset-fashion-mnist")
}
