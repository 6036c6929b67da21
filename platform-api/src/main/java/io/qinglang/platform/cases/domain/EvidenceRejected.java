package io.qinglang.platform.cases.domain;

import io.qinglang.platform.shared.domain.FieldError;
import io.qinglang.platform.shared.domain.InvalidInput;

import java.util.List;

/** Evidence refused at upload; each names the offending file by its position ({@code /evidence/N}). */
public abstract sealed class EvidenceRejected extends InvalidInput {

    protected EvidenceRejected(String code, Kind kind, int index, String detail) {
        super(code, kind, List.of(new FieldError("/evidence/" + index, detail)));
    }

    /** More files than the tenant allows in one request. */
    public static final class TooManyFiles extends EvidenceRejected {
        public TooManyFiles(int index, int max) {
            super("TOO_MANY_FILES", Kind.PAYLOAD_TOO_LARGE, index, "at most " + max + " files may be attached");
        }
    }

    /** One file is larger than allowed; detected while it streams in. */
    public static final class FileTooLarge extends EvidenceRejected {
        public FileTooLarge(int index, long maxBytes) {
            super("FILE_TOO_LARGE", Kind.PAYLOAD_TOO_LARGE, index, "is larger than " + maxBytes + " bytes");
        }
    }

    /** A file type the platform does not accept as evidence. */
    public static final class UnsupportedType extends EvidenceRejected {
        public UnsupportedType(int index, String contentType) {
            super("UNSUPPORTED_EVIDENCE_TYPE", Kind.UNSUPPORTED_MEDIA_TYPE, index,
                    "type " + (contentType == null ? "(none)" : contentType) + " is not accepted; allowed: "
                            + String.join(", ", EvidenceLimits.allowedTypes().stream().sorted().toList()));
        }
    }

    /** A file whose bytes are not what its declared type says. */
    public static final class ContentMismatch extends EvidenceRejected {
        public ContentMismatch(int index, String contentType) {
            super("EVIDENCE_CONTENT_MISMATCH", Kind.UNSUPPORTED_MEDIA_TYPE, index,
                    "content is not a valid " + contentType + " file");
        }
    }
}
