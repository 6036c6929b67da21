package io.qinglang.platform.cases.web;

import io.qinglang.platform.cases.domain.EvidenceLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Upload limits of the public endpoints, from configuration ({@code qinglang.upload.*}). */
@ApplicationScoped
public class UploadLimits {

    private final EvidenceLimits evidence;
    private final long maxRequestBytes;

    @Inject
    public UploadLimits(@ConfigProperty(name = "qinglang.upload.max-files", defaultValue = "5") int maxFiles,
                        @ConfigProperty(name = "qinglang.upload.max-file-bytes", defaultValue = "10485760") long maxFileBytes,
                        @ConfigProperty(name = "qinglang.upload.max-request-bytes", defaultValue = "54525952") long maxRequestBytes) {
        this.evidence = new EvidenceLimits(maxFiles, maxFileBytes);
        this.maxRequestBytes = maxRequestBytes;
    }

    public EvidenceLimits evidence() {
        return evidence;
    }

    public long maxRequestBytes() {
        return maxRequestBytes;
    }
}
