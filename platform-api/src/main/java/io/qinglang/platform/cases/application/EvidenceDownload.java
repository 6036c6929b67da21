package io.qinglang.platform.cases.application;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** An evidence file's bytes, opened for the reporter who uploaded them. */
public record EvidenceDownload(String fileName, String contentType, byte[] content) {

    /** The Content-Disposition that saves the file under its name (RFC 6266, UTF-8) rather than showing it. */
    public String attachment() {
        return "attachment; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
