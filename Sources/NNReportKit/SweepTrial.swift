/// One run of a sweep: a setting trained with one seed.
public struct SweepTrial: Sendable, Equatable {
    public var setting: SweepSetting
    public var seed: UInt64

    public init(setting: SweepSetting, seed: UInt64) {
        self.setting = setting
        self.seed = seed
    }

    /// The trial's canonical name: `hidden=100,lr=0.003,seed=2` (`seed=2` alone when nothing is varied).
    public var key: String {
        setting.key.isEmpty ? "seed=\(seed)" : "\(setting.key),seed=\(seed)"
    }

    /// The trial's folder name under `trials/`: the key with characters some file systems and
    /// CI artifact stores refuse (`:` of `init=gaussian:0.01`, `/`, ...) replaced by `_`.
    public var folderName: String {
        String(key.map { $0.isLetter || $0.isNumber || "=,.+-_".contains($0) ? $0 : "_" })
    }
}
