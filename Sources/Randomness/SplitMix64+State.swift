extension SplitMix64 {
    /// A generator that continues exactly where one whose ``state`` was `state` left off: what a
    /// checkpoint saves and a resumed run restores.
    public init(state: UInt64) {
        self.init(seed: state)
    }
}
