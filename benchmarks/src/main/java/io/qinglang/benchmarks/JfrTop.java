package io.qinglang.benchmarks;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The top costs in a JDK Flight Recorder recording: of the CPU samples ({@code jdk.ExecutionSample}), the share
 * whose innermost frame is each method, or in each package (self time), and the share in which each package appears
 * anywhere on the stack (total time, each sample counted once per package).
 */
final class JfrTop {

    /** A method or package and its share of the samples, 0–1. */
    record Cost(String name, double share) {
        String line() {
            return String.format(Locale.ROOT, "%5.1f %%  %s", share * 100, name);
        }
    }

    /**
     * Self time by method and by package, total time by package, and total time by our own methods ({@code io.qinglang},
     * class and method: which of the platform's steps the time is spent under), the largest first.
     */
    record Costs(int samples, List<Cost> methods, List<Cost> selfPackages, List<Cost> packages, List<Cost> ours) {

        /** Each list under its heading, every line after {@code indent}. */
        void print(PrintStream out, String indent) {
            section(out, indent, "profile (" + samples + " CPU samples), self time by method:", methods);
            section(out, indent, "self time by package:", selfPackages);
            section(out, indent, "on the stack, by package:", packages);
            section(out, indent, "on the stack, by our own method:", ours);
        }

        private static void section(PrintStream out, String indent, String heading, List<Cost> costs) {
            out.println(indent + heading);
            costs.forEach(c -> out.println(indent + "  " + c.line()));
        }
    }

    private JfrTop() {
    }

    /** JDK Flight Recorder's "profile" settings (CPU samples every 10 ms) on this process, started now. */
    static Recording start() throws IOException, ParseException {
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.start();
        return recording;
    }

    static Costs of(Path recording, int top) throws IOException {
        return of(List.of(recording), top);
    }

    /** The samples of several recordings as one (one side measured in rounds). */
    static Costs of(List<Path> recordings, int top) throws IOException {
        Tally tally = new Tally();
        for (Path recording : recordings) {
            try (RecordingFile file = new RecordingFile(recording)) {
                while (file.hasMoreEvents()) {
                    RecordedEvent event = file.readEvent();
                    if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null
                            && !event.getStackTrace().getFrames().isEmpty()) {
                        tally.add(event.getStackTrace());
                    }
                }
            }
        }
        return tally.costs(top);
    }

    /** The samples counted so far, by method and package. */
    private static final class Tally {
        private final Map<String, Integer> self = new HashMap<>();
        private final Map<String, Integer> selfPackages = new HashMap<>();
        private final Map<String, Integer> total = new HashMap<>();
        private final Map<String, Integer> ours = new HashMap<>();
        private int samples;

        void add(RecordedStackTrace stack) {
            samples++;
            self.merge(method(stack.getFrames().getFirst()), 1, Integer::sum);
            selfPackages.merge(pkg(stack.getFrames().getFirst()), 1, Integer::sum);
            Set<String> packages = new LinkedHashSet<>();
            Set<String> steps = new LinkedHashSet<>();
            for (RecordedFrame frame : stack.getFrames()) {
                packages.add(pkg(frame));
                String type = frame.getMethod().getType().getName();
                if (type.startsWith("io.qinglang.")) {
                    steps.add(type.substring(type.lastIndexOf('.') + 1).replaceAll("\\$\\$.*|\\$Proxy.*", "") + "."
                            + frame.getMethod().getName().replaceAll("\\$\\$super$", ""));
                }
            }
            packages.forEach(p -> total.merge(p, 1, Integer::sum));
            steps.forEach(step -> ours.merge(step, 1, Integer::sum));
        }

        Costs costs(int top) {
            return new Costs(samples, top(self, samples, top), top(selfPackages, samples, top),
                    top(total, samples, top), top(ours, samples, 2 * top));
        }
    }

    private static List<Cost> top(Map<String, Integer> counts, int samples, int top) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(top).map(e -> new Cost(e.getKey(), samples == 0 ? 0 : e.getValue() / (double) samples)).toList();
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** The frame's package, to three levels ({@code org.eclipse.persistence}, {@code io.qinglang.platform}). */
    private static String pkg(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        int end = type.lastIndexOf('.');
        String name = end < 0 ? "(default)" : type.substring(0, end);
        String[] parts = name.split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(parts.length, 3)));
    }
}
