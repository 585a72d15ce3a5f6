import Testing
import TestSupport

@testable import Charts

@Suite struct ImageGridSceneTests {
    func tiles(_ count: Int) -> [ImageTile] {
        (0..<count).map { i in
            ImageTile(rows: 4, columns: 4, values: (0..<16).map { Float(($0 - 8) * (i + 1)) }, caption: ["tile \(i)"])
        }
    }

    @Test func tilesFormAGridWithCaptionsUnderneath() {
        let grid = ImageGrid(tiles: tiles(10), columns: 4, scaling: .shared, maximumTileSize: 40)
        let (scene, _) = SceneChecks.buildAndCheck(Figure(.images(grid), size: Size(width: 400, height: 300)))
        let panel = scene.panels[0]
        #expect(panel.tiles.count == 10)
        #expect(panel.tiles.allSatisfy { $0.rect.width == 40 && $0.rect.height == 40 })
        #expect(
            panel.tiles[1].rect.minY == panel.tiles[0].rect.minY && panel.tiles[4].rect.minY > panel.tiles[0].rect.maxY)
        for (i, tile) in panel.tiles.enumerated() {
            let caption = scene.texts.first { $0.string == "tile \(i)" }!
            #expect(caption.bounds.minY >= tile.rect.maxY)
            #expect(isClose(caption.position.x, tile.rect.midX, absolute: 1e-9))
        }
    }

    @Test func scalingsGiveTheStatedRanges() {
        let t = tiles(3)
        #expect(
            ImageGrid(tiles: t, columns: 3, scaling: .perTileSymmetric).valueRanges() == [-8...8, -16...16, -24...24])
        #expect(
            ImageGrid(tiles: t, columns: 3, scaling: .sharedSymmetric).valueRanges()
                == Array(repeating: -24...24, count: 3))
        #expect(ImageGrid(tiles: t, columns: 3, scaling: .shared).valueRanges() == Array(repeating: -24...21, count: 3))
        #expect(ImageGrid(tiles: t, columns: 3, scaling: .perTile).valueRanges()[0] == -8...7)
        #expect(ImageGrid(tiles: t, columns: 3, scaling: .fixed(0...255)).valueRanges()[2] == 0...255)
    }

    @Test func zeroMapsToTheCentreOfADivergingMap() {
        let tile = ImageTile(rows: 1, columns: 3, values: [-2, 0, 2])
        let raster = ImageGrid.raster(tile, range: -2...2, table: ColorMap.blueRed.lookupTable())
        let (r, g, b, _) = raster.pixel(row: 0, column: 1)
        #expect(
            isClose(Int(r), 0xF7, absolute: 2) && isClose(Int(g), 0xF7, absolute: 2)
                && isClose(Int(b), 0xF7, absolute: 2))
        #expect(raster.pixel(row: 0, column: 0).2 > raster.pixel(row: 0, column: 0).0)  // blue for negative
        #expect(raster.pixel(row: 0, column: 2).0 > raster.pixel(row: 0, column: 2).2)  // red for positive
    }

    @Test func framesAndTransparentGaps() {
        let right = Color(hex: 0x009E73)
        let tile = ImageTile(rows: 2, columns: 2, values: [0, .nan, 1, 0.5], caption: ["ok"], frameColor: right)
        let scene = Figure(
            .images(ImageGrid(tiles: [tile], columns: 1, scaling: .fixed(0...1))), size: Size(width: 200, height: 200)
        )
        .build(measurer: SceneChecks.measurer)
        #expect(scene.panels[0].tiles[0].frameColor == right)
        let raster = ImageGrid.raster(tile, range: 0...1, table: ColorMap.grey.lookupTable())
        #expect(raster.pixel(row: 0, column: 1).3 == 0)
        #expect(raster.pixel(row: 1, column: 0) == (255, 255, 255, 255))
    }

    @Test func wideCaptionsShrinkOrShortenButNeverOverflow() {
        let long = (0..<6).map { _ in
            ImageTile(
                rows: 2, columns: 2, values: [0, 1, 2, 3], caption: ["pred: Ankle boot (99.5%)", "true: T-shirt/top"])
        }
        let (scene, _) = SceneChecks.buildAndCheck(
            Figure(
                .images(ImageGrid(tiles: long, columns: 6, maximumTileSize: 56)),
                size: Size(width: 420, height: 160)))
        let captions = scene.texts.filter { $0.string.hasPrefix("pred") || $0.string.hasPrefix("true") }
        let pitch = scene.panels[0].plotRect.width / 6
        #expect(captions.allSatisfy { $0.metrics.width <= pitch })
    }
}
