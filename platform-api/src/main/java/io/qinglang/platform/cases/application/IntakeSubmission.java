package io.qinglang.platform.cases.application;

import io.qinglang.platform.cases.domain.EvidenceFile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qinglang.platform.shared.domain.InvalidInput;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One intake request as received: the report, its files (already within limits), the optional
 * Idempotency-Key and a fingerprint of the request, which tells a true retry from a reused key.
 */
public record IntakeSubmission(SubmitReport report, List<EvidenceFile> files, Optional<String> idempotencyKey,
                               byte[] fingerprint) {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{8,128}");

    public IntakeSubmission {
        files = List.copyOf(files);
    }

    /**
     * Builds a submission; the fingerprint covers the report as parsed (so formatting does not matter) and
     * every file's digest. A malformed Idempotency-Key is refused, naming the header.
     */
    public static IntakeSubmission of(SubmitReport report, List<EvidenceFile> files, String idempotencyKey,
                                      ObjectMapper json) {
        if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
            throw InvalidInput.of("/headers/Idempotency-Key", "must be 8 to 128 visible ASCII characters");
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(json.writeValueAsBytes(report));
            files.forEach(f -> digest.update((f.fileName() + "\n" + f.contentType() + "\n" + f.sha256())
                    .getBytes(StandardCharsets.UTF_8)));
            return new IntakeSubmission(report, files, Optional.ofNullable(idempotencyKey), digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
