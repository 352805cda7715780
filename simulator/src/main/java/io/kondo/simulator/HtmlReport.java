package io.kondo.simulator;

import static io.kondo.simulator.SvgChart.esc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Renders a {@link Report} as one self-contained HTML page: summary, charts over time (throughput,
 * latency, tenants, errors and throttle, with the injected faults shaded), per-tenant bars and tables.
 * Charts are inline SVG; the page loads nothing else and runs no script.
 */
public final class HtmlReport {

    private static final String BLUE = "#1f77b4";
    private static final String ORANGE = "#ff7f0e";
    private static final String GREEN = "#2ca02c";
    private static final String RED = "#d62728";
    private static final String PURPLE = "#9467bd";
    private static final String GREY = "#7f7f7f";

    private HtmlReport() {
    }

    public static String render(Report report) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Kondo simulation report</title><style>")
                .append(CSS).append("</style></head><body>");
        html.append("<h1>Kondo simulation report</h1>");
        Report.Run run = report.run();
        html.append("<p class=\"sub\">").append(esc(run.startedAt())).append(" &middot; ").append(esc(run.target())).append(" &middot; gateway ")
                .append(esc(run.bootstrap())).append(" &middot; seed ").append(run.seed()).append("</p>");
        summary(html, report);
        timeCharts(html, report);
        tenantCharts(html, report);
        faults(html, report);
        ramp(html, report);
        tenantTable(html, report);
        runDetails(html, report);
        html.append("<p class=\"sub\">Written by <code>kondo sim</code>. The same figures are in report.json.</p></body></html>\n");
        return html.toString();
    }

    private static void summary(StringBuilder html, Report report) {
        Report.Correctness c = report.correctness();
        Report.Totals t = report.totals();
        html.append("<div class=\"cards\">");
        card(html, "verdict", c.passed() ? "correct" : "NOT correct", c.passed() ? "ok" : "bad",
                "lost " + c.lost() + " · duplicated " + c.duplicated() + " · out of order " + c.outOfOrder());
        card(html, "tenants", report.run().tenantsCreated() + " / " + report.run().tenantsRequested(), "",
                report.run().tenantsFailed() + " failed to start");
        card(html, "messages acknowledged", String.format(Locale.ROOT, "%,d", t.acked()), "",
                String.format(Locale.ROOT, "%,d read · %,d send errors", t.consumed(), t.sendErrors()));
        card(html, "throughput", String.format(Locale.ROOT, "%.2f MiB/s", t.producedMibPerSecond()), "",
                String.format(Locale.ROOT, "%,.0f msg/s produced", t.producedMessagesPerSecond()));
        card(html, "produce latency p50 / p99 / p99.9", ms(t.produceLatencyMs().p50()) + " / " + ms(t.produceLatencyMs().p99())
                + " / " + ms(t.produceLatencyMs().p999()), "", "end to end p99 " + ms(t.endToEndLatencyMs().p99()));
        card(html, "fairness (Jain)", report.fairness().throughputIndex() == null ? "-" : String.format(Locale.ROOT, "%.3f",
                report.fairness().throughputIndex()), "", "latency index " + (report.fairness().latencyIndex() == null ? "-"
                : String.format(Locale.ROOT, "%.3f", report.fairness().latencyIndex())));
        Report.Degradation degraded = report.ramp().degradedAt();
        card(html, "degraded at", degraded == null ? "not seen" : degraded.tenants() + " tenants", degraded == null ? "ok" : "warn",
                degraded == null ? "up to " + report.run().tenantsCreated() + " tenants" : degraded.reason());
        html.append("</div>");
    }

    private static void card(StringBuilder html, String label, String value, String tone, String detail) {
        html.append("<div class=\"card ").append(tone).append("\"><div class=\"label\">").append(esc(label))
                .append("</div><div class=\"value\">").append(esc(value)).append("</div><div class=\"detail\">").append(esc(detail))
                .append("</div></div>");
    }

    private static void timeCharts(StringBuilder html, Report report) {
        List<Report.TimelinePoint> points = report.timeline();
        double[] xs = points.stream().mapToDouble(Report.TimelinePoint::t).toArray();
        List<SvgChart.Band> bands = new ArrayList<>();
        for (Report.FaultFigures f : report.faults()) {
            if (!f.outcome().equals("skipped")) {
                double to = f.healedAtSeconds() == null ? f.injectedAtSeconds() : f.healedAtSeconds();
                bands.add(new SvgChart.Band(f.injectedAtSeconds(), to, f.kind() + (f.target().isEmpty() ? "" : " " + f.target())));
            }
        }
        html.append("<h2>Over time</h2><p class=\"sub\">Well-behaved tenants (a tenant's traffic while noisy is shown apart). "
                + "Shaded: injected faults, from injection until healed.</p>");
        html.append(SvgChart.line("Throughput (messages/s)", "messages/s", xs, List.of(
                new SvgChart.Series("offered", GREY, values(points, Report.TimelinePoint::offeredMessagesPerSecond), true),
                new SvgChart.Series("produced (acked)", BLUE, values(points, Report.TimelinePoint::producedMessagesPerSecond), false),
                new SvgChart.Series("consumed", GREEN, values(points, Report.TimelinePoint::consumedMessagesPerSecond), false)),
                false, bands));
        List<SvgChart.Series> mib = new ArrayList<>(List.of(
                new SvgChart.Series("produced", BLUE, values(points, Report.TimelinePoint::producedMibPerSecond), false),
                new SvgChart.Series("consumed", GREEN, values(points, Report.TimelinePoint::consumedMibPerSecond), false)));
        if (points.stream().anyMatch(p -> p.noisyMibPerSecond() > 0)) {
            mib.add(new SvgChart.Series("noisy tenant", RED, values(points, Report.TimelinePoint::noisyMibPerSecond), false));
        }
        html.append(SvgChart.line("Throughput (MiB/s)", "MiB/s", xs, mib, false, bands));
        html.append(SvgChart.line("Latency (ms, log scale)", "ms", xs, List.of(
                new SvgChart.Series("produce p50", BLUE, values(points, p -> nan(p.produceP50Ms())), false),
                new SvgChart.Series("produce p99", ORANGE, values(points, p -> nan(p.produceP99Ms())), false),
                new SvgChart.Series("end-to-end p99", PURPLE, values(points, p -> nan(p.endToEndP99Ms())), false)),
                true, bands));
        html.append(SvgChart.line("Tenants active", "tenants", xs, List.of(
                new SvgChart.Series("tenants", BLUE, values(points, Report.TimelinePoint::tenants), false)), false, bands));
        html.append(SvgChart.line("Errors and throttle", "per interval / ms", xs, List.of(
                new SvgChart.Series("send errors", RED, values(points, Report.TimelinePoint::sendErrors), false),
                new SvgChart.Series("consume errors", ORANGE, values(points, Report.TimelinePoint::consumeErrors), false),
                new SvgChart.Series("produce throttle ms (avg)", PURPLE, values(points, p -> nan(p.produceThrottleMs())), false),
                new SvgChart.Series("fetch throttle ms (avg)", GREY, values(points, p -> nan(p.fetchThrottleMs())), true)),
                false, bands));
    }

    private static void tenantCharts(StringBuilder html, Report report) {
        List<SvgChart.Bar> delivered = new ArrayList<>();
        List<SvgChart.Bar> quota = new ArrayList<>();
        List<SvgChart.Bar> latency = new ArrayList<>();
        for (Report.TenantFigures t : report.tenants()) {
            String label = "#" + t.index() + " " + t.profile() + (t.noisy() ? " (noisy)" : "");
            String color = t.noisy() ? RED : t.correctness().passed() ? BLUE : RED;
            double target = t.targetRatio() == null ? Double.NaN : 100 * t.targetRatio();
            delivered.add(new SvgChart.Bar(label, target, String.format(Locale.ROOT, "%.0f%% (%s/s)", target, bytes(t.producedBytesPerSecond())),
                    color));
            double used = t.quotaRatio() == null ? Double.NaN : 100 * t.quotaRatio();
            quota.add(new SvgChart.Bar(label, used, String.format(Locale.ROOT, "%.2f%% of %s/s", used, bytes(t.produceQuotaBytesPerSecond())),
                    color));
            Double p99 = t.produceLatencyMs().p99();
            latency.add(new SvgChart.Bar(label, p99 == null ? Double.NaN : p99, p99 == null ? "-" : ms(p99), color));
        }
        html.append("<h2>Per tenant</h2><div class=\"row\">");
        html.append(SvgChart.bars("Produced / offered", delivered, 100, "100% of offered"));
        html.append(SvgChart.bars("Produced / plan's produce quota", quota, 0, ""));
        html.append(SvgChart.bars("p99 produce latency (ms)", latency, 0, ""));
        html.append("</div>");
    }

    private static void faults(StringBuilder html, Report report) {
        html.append("<h2>Injected faults</h2>");
        if (report.faults().isEmpty()) {
            html.append("<p>None.</p>");
            return;
        }
        html.append("<p class=\"sub\">Throughput is judged as the share of the offered load acknowledged (3-second windows); "
                + "a second is disrupted when that share is under 90% of its level before the fault. Time to recover: from the injection "
                + "to the end of the first disruption (3 good seconds in a row end it). Looked at until 30 s after the fault was healed.</p>");
        html.append("<table><tr><th>fault</th><th>target</th><th>outcome</th><th>injected</th><th>healed</th><th>baseline msg/s</th>"
                + "<th>lowest</th><th>time to recover</th><th>disrupted</th><th>max p99 ms</th><th>send errors</th><th>measurements</th><th>detail</th></tr>");
        for (Report.FaultFigures f : report.faults()) {
            html.append("<tr><td>").append(esc(f.fault())).append("</td><td>").append(esc(f.target())).append("</td><td class=\"")
                    .append(f.outcome().equals("done") ? "ok" : "bad").append("\">").append(esc(f.outcome())).append("</td><td>")
                    .append(seconds(f.injectedAtSeconds())).append("</td><td>").append(seconds(f.healedAtSeconds())).append("</td><td>")
                    .append(num(f.baselineMessagesPerSecond())).append("</td><td>")
                    .append(f.lowestThroughputRatio() == null ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * f.lowestThroughputRatio()))
                    .append("</td><td>").append(f.timeToRecoverSeconds() == null ? "not recovered / no baseline" : seconds(f.timeToRecoverSeconds()))
                    .append("</td><td>").append(seconds(f.disruptedSeconds())).append("</td><td>").append(num(f.maxProduceP99Ms())).append("</td><td>").append(f.sendErrorsDuring()).append("</td><td>");
            for (Map.Entry<String, Double> m : f.measurements().entrySet()) {
                html.append(esc(m.getKey())).append('=').append(SvgChart.number(m.getValue())).append(' ');
            }
            html.append("</td><td>").append(esc(f.detail())).append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void ramp(StringBuilder html, Report report) {
        Report.RampFigures ramp = report.ramp();
        html.append("<h2>Ramp</h2><p>").append(ramp.ramp() == null ? "All tenants from the start (one step)." : "Ramp " + esc(ramp.ramp()) + ".")
                .append(' ').append(ramp.degradedAt() == null ? "No degradation seen."
                        : "Degraded at step " + ramp.degradedAt().step() + " (" + ramp.degradedAt().tenants() + " tenants, from "
                        + seconds(ramp.degradedAt().atSeconds()) + "): " + esc(ramp.degradedAt().reason()) + ".")
                .append("</p><p class=\"sub\">Criterion: ").append(esc(ramp.criterion())).append("</p>");
        html.append("<table><tr><th>step</th><th>tenants</th><th>from</th><th>to</th><th>offered msg/s</th><th>produced msg/s</th>"
                + "<th>MiB/s</th><th>p50 ms</th><th>p99 ms</th><th>p99.9 ms</th><th>e2e p99 ms</th><th>throttle ms</th><th>send errors</th></tr>");
        for (Report.RampStep s : ramp.steps()) {
            html.append("<tr><td>").append(s.step()).append("</td><td>").append(s.tenants()).append("</td><td>").append(seconds(s.fromSeconds()))
                    .append("</td><td>").append(seconds(s.toSeconds())).append("</td><td>").append(num(s.offeredMessagesPerSecond()))
                    .append("</td><td>").append(num(s.producedMessagesPerSecond())).append("</td><td>").append(num(s.producedMibPerSecond()))
                    .append("</td><td>").append(num(s.produceLatencyMs().p50())).append("</td><td>").append(num(s.produceLatencyMs().p99()))
                    .append("</td><td>").append(num(s.produceLatencyMs().p999())).append("</td><td>").append(num(s.endToEndP99Ms()))
                    .append("</td><td>").append(num(s.produceThrottleMs())).append("</td><td>").append(s.sendErrors()).append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void tenantTable(StringBuilder html, Report report) {
        html.append("<h2>Tenants</h2><table><tr><th>#</th><th>id</th><th>profile</th><th>plan</th><th>partitions</th><th>offered msg/s</th>"
                + "<th>produced</th><th>quota</th><th>acked</th><th>read</th><th>lost</th><th>dup</th><th>out of order</th>"
                + "<th>redelivered</th><th>produce p50/p99/p99.9 ms</th><th>e2e p99 ms</th><th>throttle avg/max ms</th><th>errors</th></tr>");
        for (Report.TenantFigures t : report.tenants()) {
            Report.Correctness c = t.correctness();
            html.append("<tr><td>").append(t.index()).append("</td><td>").append(esc(t.id())).append("</td><td>").append(esc(t.profile()))
                    .append(t.noisy() ? " <b>noisy</b>" : "").append("</td><td>").append(esc(t.plan())).append("</td><td>")
                    .append(t.topics()).append('×').append(t.partitions()).append("</td><td>").append(num(t.targetMessagesPerSecond()))
                    .append("</td><td>").append(bytes(t.producedBytesPerSecond())).append("/s</td><td>").append(bytes(t.produceQuotaBytesPerSecond()))
                    .append("/s</td><td>").append(t.acked()).append("</td><td>").append(t.consumed()).append("</td><td class=\"")
                    .append(c.lost() == 0 ? "" : "bad").append("\">").append(c.lost()).append("</td><td class=\"").append(c.duplicated() == 0 ? "" : "bad")
                    .append("\">").append(c.duplicated()).append("</td><td class=\"").append(c.outOfOrder() == 0 ? "" : "bad").append("\">")
                    .append(c.outOfOrder()).append("</td><td>").append(c.redelivered()).append("</td><td>")
                    .append(ms(t.produceLatencyMs().p50())).append(" / ").append(ms(t.produceLatencyMs().p99())).append(" / ")
                    .append(ms(t.produceLatencyMs().p999())).append("</td><td>").append(ms(t.endToEndLatencyMs().p99())).append("</td><td>")
                    .append(num(t.throttle().produceAvgMs())).append(" / ").append(num(t.throttle().produceMaxMs())).append("</td><td>")
                    .append(t.sendErrors() + t.consumeErrors()).append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void runDetails(StringBuilder html, Report report) {
        Report.Run run = report.run();
        html.append("<h2>Run</h2><table class=\"kv\">");
        kv(html, "started / finished", run.startedAt() + " / " + run.finishedAt());
        kv(html, "length", String.format(Locale.ROOT, "%.1f s (sending %.1f s, stopped by %s)", run.seconds(), run.sendingSeconds(), run.stopReason()));
        kv(html, "duration / message budget", (run.duration() == null ? "-" : run.duration()) + " / "
                + (run.messageBudget() == null ? "-" : String.format(Locale.ROOT, "%,d", run.messageBudget())));
        kv(html, "drained", run.drained() ? "yes: every acknowledged message was read" : "no (see notes)");
        kv(html, "tenants kept", run.tenantsKept() ? "yes" : "no (deleted at the end)");
        StringBuilder profiles = new StringBuilder();
        for (Report.ProfileFigures p : run.profiles()) {
            profiles.append(p.name()).append(": ").append(p.tenants()).append(" tenants, ").append(p.rate()).append(", ").append(p.size())
                    .append(p.plan() == null ? "" : ", plan " + p.plan()).append("; ");
        }
        kv(html, "profiles", profiles.toString());
        kv(html, "errors by kind", "send " + report.totals().sendErrorsByKind() + ", consume " + report.totals().consumeErrorsByKind());
        kv(html, "correctness", String.format(Locale.ROOT, "lost %d, duplicated %d, out of order %d, foreign %d; re-delivered after "
                        + "rebalances %d (not faults), read although the send failed %d", report.correctness().lost(), report.correctness().duplicated(),
                report.correctness().outOfOrder(), report.correctness().foreign(), report.correctness().redelivered(),
                report.correctness().deliveredUnacked()));
        kv(html, "fairness", report.fairness().method());
        kv(html, "notes", run.notes().isEmpty() ? "none" : String.join("; ", run.notes()));
        html.append("</table>");
    }

    private static void kv(StringBuilder html, String key, String value) {
        html.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>");
    }

    private static double[] values(List<Report.TimelinePoint> points, ToDoubleFunction<Report.TimelinePoint> value) {
        return points.stream().mapToDouble(value).toArray();
    }

    private static double nan(Double value) {
        return value == null ? Double.NaN : value;
    }

    private static String ms(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, value < 10 ? "%.2f ms" : "%.0f ms", value);
    }

    private static String num(Double value) {
        return value == null ? "-" : SvgChart.number(value);
    }

    private static String seconds(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.1f s", value);
    }

    private static String bytes(double bytesPerSecond) {
        if (bytesPerSecond >= 1 << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", bytesPerSecond / (1 << 20));
        }
        if (bytesPerSecond >= 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytesPerSecond / 1024);
        }
        return String.format(Locale.ROOT, "%.0f B", bytesPerSecond);
    }

    private static final String CSS = "body{font:14px/1.4 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#222;max-width:1680px}"
            + "h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 6px;border-bottom:1px solid #ddd;padding-bottom:3px}"
            + ".sub{color:#666;font-size:12px;margin:2px 0 8px}"
            + ".cards{display:flex;flex-wrap:wrap;gap:10px;margin:14px 0}.card{border:1px solid #ddd;border-radius:6px;padding:8px 12px;min-width:170px}"
            + ".card .label{font-size:11px;color:#666;text-transform:uppercase}.card .value{font-size:20px;font-weight:600}"
            + ".card .detail{font-size:12px;color:#555}.card.ok{border-color:#2ca02c;background:#f3fbf3}.card.bad{border-color:#d62728;background:#fdf1f1}"
            + ".card.warn{border-color:#ff7f0e;background:#fff7ef}"
            + "svg.chart{display:block;margin:8px 0;background:#fff}svg .title{font-size:14px;font-weight:600}"
            + "svg .axis{font-size:11px;fill:#555}svg .legend{font-size:12px;fill:#333}svg .grid{stroke:#eee}"
            + "svg .frame{fill:none;stroke:#bbb}svg .fault{fill:#d62728;fill-opacity:.12}svg .fault-edge{stroke:#d62728;stroke-dasharray:3 3}"
            + "svg .fault-label{font-size:11px;fill:#a00}svg .reference{stroke:#333;stroke-dasharray:4 3}"
            + ".row{display:flex;flex-wrap:wrap;gap:16px}"
            + "table{border-collapse:collapse;font-size:12px;margin:6px 0}th,td{border:1px solid #ddd;padding:3px 6px;text-align:left}"
            + "th{background:#f6f6f6}td.ok{color:#2ca02c}td.bad{color:#d62728;font-weight:600}table.kv th{width:200px}";
}
