package dev.mlops.monitor.report;

import java.util.Locale;

/**
 * Writes one inline SVG element: shapes, text and, on shapes that show a report's number, the
 * {@code data-json} pointer of that number in the JSON and its {@code data-value} as the report
 * writes it, repeated in the shape's tooltip ({@code <title>}). Coordinates have one decimal.
 */
final class Svg {
    private final StringBuilder out = new StringBuilder(4096);

    /**
     * Opens the element with a fixed size and a matching view box (the page's CSS lets it shrink
     * to the screen's width).
     */
    Svg(String cssClass, int width, int height, String label) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart ").append(cssClass)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">")
                .append("<title>").append(Html.escape(label)).append("</title>\n");
    }

    /** A rectangle showing a number. */
    Svg rect(double x, double y, double width, double height, String cssClass, String pointer, double value,
            String tooltip) {
        out.append("<rect class=\"").append(cssClass).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" width=\"").append(n(width)).append("\" height=\"").append(n(height)).append('"');
        return data(pointer, value, tooltip, "rect");
    }

    /** A small square, as in a legend. */
    Svg swatch(double x, double y, double size, String cssClass) {
        out.append("<rect class=\"").append(cssClass).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" width=\"").append(n(size)).append("\" height=\"").append(n(size)).append("\"/>\n");
        return this;
    }

    /** A circle showing a number. */
    Svg circle(double x, double y, double radius, String cssClass, String pointer, double value, String tooltip) {
        out.append("<circle class=\"").append(cssClass).append("\" cx=\"").append(n(x)).append("\" cy=\"")
                .append(n(y)).append("\" r=\"").append(n(radius)).append('"');
        return data(pointer, value, tooltip, "circle");
    }

    /** A straight line. */
    Svg line(double x1, double y1, double x2, double y2, String cssClass) {
        out.append("<line class=\"").append(cssClass).append("\" x1=\"").append(n(x1)).append("\" y1=\"")
                .append(n(y1)).append("\" x2=\"").append(n(x2)).append("\" y2=\"").append(n(y2)).append("\"/>\n");
        return this;
    }

    /** A path; {@code d} is written as given. */
    Svg path(String d, String cssClass) {
        out.append("<path class=\"").append(cssClass).append("\" d=\"").append(d).append("\"/>\n");
        return this;
    }

    /** Text; {@code anchor} is {@code start}, {@code middle} or {@code end}; a rotation (degrees) turns it about (x, y). */
    Svg text(double x, double y, String anchor, double rotation, String cssClass, String text) {
        out.append("<text class=\"").append(cssClass).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" text-anchor=\"").append(anchor).append('"');
        if (rotation != 0.0) {
            out.append(" transform=\"rotate(").append(n(rotation)).append(' ').append(n(x)).append(' ').append(n(y))
                    .append(")\"");
        }
        out.append('>').append(Html.escape(text)).append("</text>\n");
        return this;
    }

    /** Text that shows a report's number: it carries the number's pointer and value. */
    Svg valueText(double x, double y, String anchor, String cssClass, String pointer, double value, String prefix) {
        String formatted = ReportNumbers.format(value);
        out.append("<text class=\"").append(cssClass).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" text-anchor=\"").append(anchor).append("\" data-json=\"").append(pointer)
                .append("\" data-value=\"").append(formatted).append("\">").append(Html.escape(prefix))
                .append(formatted).append("</text>\n");
        return this;
    }

    /** @return the element, closed */
    String close() {
        return out.append("</svg>").toString();
    }

    private Svg data(String pointer, double value, String tooltip, String element) {
        out.append(" data-json=\"").append(pointer).append("\" data-value=\"").append(ReportNumbers.format(value))
                .append("\"><title>").append(Html.escape(tooltip)).append("</title></").append(element).append(">\n");
        return this;
    }

    /** @return a coordinate with one decimal, such as {@code 12.5} */
    static String n(double coordinate) {
        return String.format(Locale.ROOT, "%.1f", coordinate);
    }
}
