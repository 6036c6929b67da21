package io.qinglang.platform.cases.web;

import io.qinglang.platform.cases.domain.EvidenceFile;
import io.qinglang.platform.cases.domain.EvidenceLimits;
import io.qinglang.platform.cases.domain.EvidenceRejected;
import io.qinglang.platform.shared.domain.DomainException;
import io.qinglang.platform.shared.domain.InvalidInput;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.core.RequestContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code multipart/form-data} request as it streams in: one JSON part (named by the caller) and
 * any number of {@code evidence} file parts. Limits on file count, file size, JSON size and total size are
 * enforced while reading, so an oversized upload is refused without being buffered whole.
 */
public final class MultipartForm {

    public static final String EVIDENCE = "evidence";
    private static final int MAX_JSON_BYTES = 64 * 1024;

    private MultipartForm() {
    }

    /** The parts of one request: the JSON part's bytes, and the files in order. */
    public record Parts(byte[] json, List<EvidenceFile> files) {
    }

    public static Parts read(String contentType, InputStream body, String jsonPart, EvidenceLimits limits,
                             long maxRequestBytes) {
        Upload upload = new Upload();
        upload.setSizeMax(maxRequestBytes);
        upload.setFileSizeMax(Math.max(limits.maxFileBytes(), MAX_JSON_BYTES));
        upload.setHeaderCharset(StandardCharsets.UTF_8);
        try {
            return collect(upload.getItemIterator(new Body(contentType, body)), jsonPart, limits);
        } catch (FileUploadSizeException e) {
            throw new RequestTooLarge(maxRequestBytes);
        } catch (FileUploadException e) {
            throw InvalidInput.of("", "malformed multipart body: " + e.getMessage());
        } catch (IOException e) {
            throw InvalidInput.of("", "the request body could not be read completely");
        }
    }

    private static Parts collect(FileItemInputIterator items, String jsonPart, EvidenceLimits limits) throws IOException {
        byte[] json = null;
        List<EvidenceFile> files = new ArrayList<>();
        while (items.hasNext()) {
            FileItemInput item = items.next();
            if (jsonPart.equals(item.getFieldName()) && json == null) {
                json = readLimited(item.getInputStream(), MAX_JSON_BYTES,
                        () -> InvalidInput.of("/" + jsonPart, "is larger than " + MAX_JSON_BYTES + " bytes"));
            } else if (EVIDENCE.equals(item.getFieldName()) && !item.isFormField()) {
                files.add(readFile(item, files.size(), limits));
            } else {
                throw InvalidInput.of("/" + item.getFieldName(), "is not a known part (expected '" + jsonPart
                        + "' once and '" + EVIDENCE + "' files)");
            }
        }
        if (json == null) {
            throw InvalidInput.of("/" + jsonPart, "part is required");
        }
        return new Parts(json, files);
    }

    private static EvidenceFile readFile(FileItemInput item, int index, EvidenceLimits limits) throws IOException {
        if (index >= limits.maxFiles()) {
            throw new EvidenceRejected.TooManyFiles(index, limits.maxFiles());
        }
        String name = item.getName() == null || item.getName().isBlank() ? "file-" + (index + 1) : item.getName();
        if (name.length() > 255) {
            throw InvalidInput.of("/evidence/" + index, "file name must be at most 255 characters");
        }
        byte[] content = readLimited(item.getInputStream(), limits.maxFileBytes(),
                () -> new EvidenceRejected.FileTooLarge(index, limits.maxFileBytes()));
        EvidenceFile file = new EvidenceFile(sanitize(name), EvidenceLimits.baseType(item.getContentType()), content);
        limits.check(index, file);
        return file;
    }

    private static byte[] readLimited(InputStream in, long max, java.util.function.Supplier<DomainException> tooLarge)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
            if (total > max) {
                throw tooLarge.get();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Keeps only the last path segment and drops control characters, so a name cannot smuggle a path. */
    static String sanitize(String name) {
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String clean = last.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        return clean.isEmpty() ? "file" : clean;
    }

    /** The whole request is larger than allowed. */
    public static final class RequestTooLarge extends DomainException {
        RequestTooLarge(long max) {
            super("REQUEST_TOO_LARGE", Kind.PAYLOAD_TOO_LARGE, "The request is larger than " + max + " bytes.");
        }
    }

    private record Body(String contentType, InputStream stream) implements RequestContext {
        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public InputStream getInputStream() {
            return stream;
        }

        @Override
        public boolean isMultipartRelated() {
            return false;
        }
    }

    private static final class Upload extends AbstractFileUpload<Body, DiskFileItem, DiskFileItemFactory> {
        @Override
        public FileItemInputIterator getItemIterator(Body body) throws FileUploadException, IOException {
            return super.getItemIterator((RequestContext) body);
        }

        @Override
        public Map<String, List<DiskFileItem>> parseParameterMap(Body body) {
            throw new UnsupportedOperationException("streaming only");
        }

        @Override
        public List<DiskFileItem> parseRequest(Body body) {
            throw new UnsupportedOperationException("streaming only");
        }
    }
}
