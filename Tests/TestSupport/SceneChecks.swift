import Charts
import Testing

/// Checks every built scene should pass, drawn through a recording canvas.
public enum SceneChecks {
    public static let measurer = FixedTextMeasurer()

    /// Builds `figure` with the fixed measurer, draws it into a recording canvas, and checks:
    /// every text box and legend lies inside the figure (no clipped labels); every data mark lies
    /// inside its panel's plot rectangle or is clipped to it; clips are balanced.
    @discardableResult
    public static func buildAndCheck(_ figure: Figure, sourceLocation: SourceLocation = #_sourceLocation) -> (
        Scene, RecordingCanvas
    ) {
        let scene = figure.build(measurer: measurer)
        var canvas = RecordingCanvas()
        scene.draw(on: &canvas)
        #expect(canvas.clipDepth == 0, "unbalanced clips", sourceLocation: sourceLocation)
        let bounds = Rect(origin: .zero, size: scene.size)
        for text in scene.texts {
            #expect(
                bounds.contains(text.bounds, tolerance: 0.5),
                "text \"\(text.string)\" at \(text.bounds) leaves the figure",
                sourceLocation: sourceLocation)
        }
        for panel in scene.panels {
            if let legend = panel.legend {
                #expect(
                    bounds.contains(legend.frame, tolerance: 0.5), "the legend \(legend.frame) leaves the figure",
                    sourceLocation: sourceLocation)
            }
        }
        for item in scene.items where item.role == .data {
            guard let panel = item.panel else { continue }
            let plot = scene.panels[panel].plotRect
            switch item.primitive {
            case .stroke(let path, let style):
                if let box = path.bounds, !clipped(item, in: scene, to: plot) {
                    #expect(
                        plot.contains(box, tolerance: style.width + 2), "stroke \(box) leaves plot \(plot)",
                        sourceLocation: sourceLocation)
                }
            case .fill(let path, _):
                if let box = path.bounds, !clipped(item, in: scene, to: plot) {
                    #expect(
                        plot.contains(box, tolerance: 0.5), "fill \(box) leaves plot \(plot)",
                        sourceLocation: sourceLocation)
                }
            case .image(_, let rect, _):
                #expect(scene.size.width >= rect.maxX && scene.size.height >= rect.maxY, sourceLocation: sourceLocation)
            default:
                break
            }
        }
        return (scene, canvas)
    }

    /// The scene of ``buildAndCheck(_:sourceLocation:)``.
    public static func scene(_ figure: Figure, sourceLocation: SourceLocation = #_sourceLocation) -> Scene {
        buildAndCheck(figure, sourceLocation: sourceLocation).0
    }

    /// True when `item` is drawn inside a clip to exactly `plot`.
    public static func clipped(_ item: SceneItem, in scene: Scene, to plot: Rect) -> Bool {
        var stack: [Rect] = []
        for other in scene.items {
            if other == item { return stack.last == plot }
            switch other.primitive {
            case .pushClip(let rect): stack.append(rect)
            case .popClip: stack.removeLast()
            default: break
            }
        }
        return false
    }
}
