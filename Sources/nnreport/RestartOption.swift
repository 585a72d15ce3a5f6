import ArgumentParser

/// `--restart`, for the commands whose runs can be continued (mnist, fashion, sweep).
struct RestartOption: ParsableArguments {
    @Flag(
        help: ArgumentHelp(
            "Start over instead of continuing the unfinished run at --out (a killed run's checkpoint, or a report interrupted by a signal); that run is discarded."
        ))
    var restart = false
}
