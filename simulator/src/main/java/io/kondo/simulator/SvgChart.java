package io.kondo.simulator;

import java.util.List;
import java.util.Locale;

/** Small inline SVG charts (line charts over time, horizontal bar charts) for the HTML report; no script, no external file. */
final class SvgChart {

    /** One line; {@code ys} holds NaN where there is no value (the line breaks there). */
    record Series(String name, String color, double[] ys, boolean dashed) {
    }

    /** A shaded span of time with a label (an injected fault). */
    record Band(double from, double to, String label) {
    }

    /** One bar. */
    record Bar(String label, double value, String text, String color) {
    }

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 280;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 34;
    private static final int BOTTOM = 40;

    private SvgChart() {
    }

    static String line(String title, String unit, double[] xs, List<Series> series, boolean logY, List<Band> bands) {
        double maxX = xs.length == 0 ? 1 : Math.max(1, xs[xs.length - 1]);
        double maxY = 0;
        double minPositive = Double.MAX_VALUE;
        for (Series s : series) {
            for (double y : s.ys()) {
                if (Double.isFinite(y)) {
                    maxY = Math.max(maxY, y);
                    if (y > 0) {
                        minPositive = Math.min(minPositive, y);
                    }
                }
            }
        }
        Scale y = logY && maxY > 0 ? Scale.log(minPositive, maxY) : Scale.linear(maxY);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
                + "xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"%s\">", WIDTH, HEIGHT, WIDTH, HEIGHT, esc(title)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" class=\"title\">%s</text>", LEFT, esc(title)));
        for (Band band : bands) {
            double x1 = LEFT + plotW * Math.min(1, band.from() / maxX);
            double x2 = LEFT + plotW * Math.min(1, Math.max(band.from(), band.to()) / maxX);
            svg.append(String.format(Locale.ROOT, "<rect class=\"fault\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>",
                    x1, TOP, Math.max(2, x2 - x1), plotH));
            svg.append(String.format(Locale.ROOT, "<line class=\"fault-edge\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
                    x1, TOP, x1, TOP + plotH));
            svg.append(String.format(Locale.ROOT, "<text class=\"fault-label\" x=\"%.1f\" y=\"%d\">%s</text>", x1 + 3, TOP + 12,
                    esc(band.label())));
        }
        for (double tick : y.ticks()) {
            double py = TOP + plotH - plotH * y.fraction(tick);
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>", LEFT, py,
                    LEFT + plotW, py));
            svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", LEFT - 6,
                    py + 4, number(tick)));
        }
        for (double tick : Scale.linear(maxX).ticks()) {
            double px = LEFT + plotW * tick / maxX;
            svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%ss</text>", px,
                    TOP + plotH + 16, number(tick)));
        }
        svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">time into the run</text>",
                LEFT + plotW / 2, HEIGHT - 4));
        svg.append(String.format(Locale.ROOT, "<text class=\"axis\" transform=\"translate(14,%d) rotate(-90)\" text-anchor=\"middle\">%s</text>",
                TOP + plotH / 2, esc(unit)));
        svg.append(String.format(Locale.ROOT, "<rect class=\"frame\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>", LEFT, TOP, plotW, plotH));
        int legendX = LEFT + plotW;
        for (int i = series.size() - 1; i >= 0; i--) {
            Series s = series.get(i);
            legendX -= 12 + 7 * s.name().length() + 24;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"10\" width=\"14\" height=\"4\" fill=\"%s\"/>", legendX, s.color()));
            svg.append(String.format(Locale.ROOT, "<text class=\"legend\" x=\"%d\" y=\"16\">%s</text>", legendX + 18, esc(s.name())));
        }
        for (Series s : series) {
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < xs.length && i < s.ys().length; i++) {
                double v = s.ys()[i];
                if (!Double.isFinite(v) || (logY && v <= 0)) {
                    pen = false;
                    continue;
                }
                double px = LEFT + plotW * xs[i] / maxX;
                double py = TOP + plotH - plotH * y.fraction(v);
                path.append(pen ? 'L' : 'M').append(String.format(Locale.ROOT, "%.1f %.1f ", px, py));
                pen = true;
            }
            svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.6\"%s><title>%s</title></path>",
                    path.toString().trim(), s.color(), s.dashed() ? " stroke-dasharray=\"5 4\"" : "", esc(s.name())));
        }
        return svg.append("</svg>").toString();
    }

    static String bars(String title, List<Bar> bars, double reference, String referenceLabel) {
        int width = 520;
        int labelW = 150;
        int textW = 110;
        int rowH = 16;
        int height = TOP + rowH * Math.max(1, bars.size()) + 26;
        double max = Math.max(reference, bars.stream().mapToDouble(Bar::value).filter(Double::isFinite).max().orElse(1));
        max = max <= 0 ? 1 : max * 1.05;
        int plotW = width - labelW - textW;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"%s\">",
                width, height, width, height, esc(title)));
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"18\" class=\"title\">%s</text>", esc(title)));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = TOP + i * rowH;
            double w = Double.isFinite(bar.value()) ? plotW * Math.max(0, bar.value()) / max : 0;
            svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", labelW - 6, y + 11,
                    esc(bar.label())));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: %s</title></rect>",
                    labelW, y + 2, Math.max(w, 0.5), rowH - 4, bar.color(), esc(bar.label()), esc(bar.text())));
            svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%.1f\" y=\"%d\">%s</text>", labelW + w + 4, y + 11, esc(bar.text())));
        }
        if (reference > 0) {
            double x = labelW + plotW * reference / max;
            svg.append(String.format(Locale.ROOT, "<line class=\"reference\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>", x, TOP - 4, x,
                    TOP + rowH * bars.size()));
            svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x,
                    TOP + rowH * bars.size() + 14, esc(referenceLabel)));
        }
        return svg.append("</svg>").toString();
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String number(double value) {
        if (value == 0) {
            return "0";
        }
        double abs = Math.abs(value);
        if (abs >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1fM", value / 1_000_000);
        }
        if (abs >= 10_000) {
            return String.format(Locale.ROOT, "%.0fk", value / 1_000);
        }
        if (abs >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2g", value);
    }

    /** Maps values to [0, 1] of the plot height, with tick values. */
    private interface Scale {
        double fraction(double value);

        double[] ticks();

        static Scale linear(double max) {
            double step = niceStep(max <= 0 ? 1 : max / 5);
            double top = Math.max(step, Math.ceil((max <= 0 ? 1 : max) / step) * step);
            int count = (int) Math.round(top / step);
            double[] ticks = new double[count + 1];
            for (int i = 0; i <= count; i++) {
                ticks[i] = i * step;
            }
            return new Scale() {
                public double fraction(double value) {
                    return Math.max(0, Math.min(1, value / top));
                }

                public double[] ticks() {
                    return ticks;
                }
            };
        }

        static Scale log(double minPositive, double max) {
            double low = Math.floor(Math.log10(Math.max(1e-3, minPositive)));
            double high = Math.max(low + 1, Math.ceil(Math.log10(max)));
            int count = (int) (high - low);
            double[] ticks = new double[count + 1];
            for (int i = 0; i <= count; i++) {
                ticks[i] = Math.pow(10, low + i);
            }
            return new Scale() {
                public double fraction(double value) {
                    return Math.max(0, Math.min(1, (Math.log10(value) - low) / (high - low)));
                }

                public double[] ticks() {
                    return ticks;
                }
            };
        }

        private static double niceStep(double raw) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double residual = raw / magnitude;
            double nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
            return nice * magnitude;
        }
    }
}
