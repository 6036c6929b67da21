package io.qinglang.platform.cases.application;

/** An evidence file's bytes, opened for the reporter who uploaded them. */
public record EvidenceDownload(String fileName, String contentType, byte[] content) {
}
