package io.qinglang.platform.disclosure.domain;

import java.util.Arrays;
import java.util.Optional;

/** The files of one report: the PDF in Chinese, the PDF in English, and every figure of them as CSV. */
public enum ReportEdition {

    ZH_CN("zh-CN", "application/pdf", "pdf"),
    EN("en", "application/pdf", "pdf"),
    CSV("csv", "text/csv; charset=UTF-8", "csv");

    private final String code;
    private final String mediaType;
    private final String extension;

    ReportEdition(String code, String mediaType, String extension) {
        this.code = code;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** As stored and as named in URLs: {@code zh-CN}, {@code en}, {@code csv}. */
    public String code() {
        return code;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The file name a download is saved under, e.g. {@code acme-disclosure-2026-10-v2-zh-CN.pdf}. */
    public String fileName(String tenantSlug, String period, int version) {
        String suffix = this == CSV ? "" : "-" + code;
        return tenantSlug + "-disclosure-" + period + "-v" + version + suffix + "." + extension;
    }

    public static Optional<ReportEdition> of(String code) {
        return Arrays.stream(values()).filter(e -> e.code.equals(code)).findFirst();
    }
}
