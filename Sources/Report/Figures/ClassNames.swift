/// Class names for the datasets nnreport trains on.
public enum ClassNames {
    /// "0" ... "9".
    public static let digits = (0..<10).map(String.init)

    /// Fashion-MNIST's labels in index order (Xiao, Rasul & Vollgraf, 2017).
    public static let fashionMNIST = [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ]
}
