package io.qinglang.infra.it;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Keeps every log line the platform writes during the tests (formatted as the server formats them). */
public final class LogCapture extends Handler {

    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final io.qinglang.infra.server.JsonLogFormatter formatter = new io.qinglang.infra.server.JsonLogFormatter();

    static LogCapture install() {
        LogCapture capture = new LogCapture();
        capture.setLevel(Level.ALL);
        Logger root = LogManager.getLogManager().getLogger("");
        root.addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(formatter.format(record));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }
}
