import CCairo
import CPNG
import Charts

/// Versions of the C libraries that draw and encode the figures.
public enum CairoInfo {
    public static var cairoVersion: String { String(cString: cairo_version_string()) }
    public static var libpngVersion: String { String(cString: png_get_libpng_ver(nil)) }
}
