package io.qinglang.platform.cases.web;

import io.qinglang.platform.cases.domain.EvidenceFile;
import io.qinglang.platform.cases.domain.EvidenceLimits;
import io.qinglang.platform.cases.domain.EvidenceRejected;
import io.qinglang.platform.shared.domain.DomainException;
import io.qinglang.platform.shared.domain.InvalidInput;
import io.qinglang.platform.shared.web.StrictText;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** The fields (as sent, bytes) and files of a form posted as multipart/form-data. */
    public record Form(Map<String, byte[]> fields, List<EvidenceFile> files) {
        /** A text field, strictly UTF-8; null if it was not sent. */
        public String field(String name) {
            byte[] raw = fields.get(name);
            if (raw == null) {
                return null;
            }
            if (StrictText.malformedUtf8At(raw) >= 0) {
                throw InvalidInput.of("/" + name, "is not valid UTF-8");
            }
            return new String(raw, StandardCharsets.UTF_8);
        }
    }

    /** An API request: one JSON part named {@code jsonPart} and {@code evidence} files, nothing else. */
    public static Parts read(String contentType, InputStream body, String jsonPart, EvidenceLimits limits,
                             long maxRequestBytes) {
        Form form = parse(contentType, body, Set.of(jsonPart), false, EVIDENCE, limits, limits::check, maxRequestBytes);
        byte[] json = form.fields().get(jsonPart);
        if (json == null) {
            throw InvalidInput.of("/" + jsonPart, "part is required");
        }
        return new Parts(json, form.files());
    }

    /** An HTML form: text fields named in {@code fields} (each at most once) and {@code evidence} files. */
    public static Form readForm(String contentType, InputStream body, Set<String> fields, EvidenceLimits limits,
                                long maxRequestBytes) {
        return parse(contentType, body, fields, true, EVIDENCE, limits, limits::check, maxRequestBytes);
    }

    /**
     * A form posted by a page with one file of any type in the part {@code filePart} (at most {@code maxFileBytes};
     * what it holds is for the caller to read and refuse), and the named text fields.
     */
    public static Form readUpload(String contentType, InputStream body, Set<String> fields, String filePart,
                                  long maxFileBytes) {
        return parse(contentType, body, fields, true, filePart, new EvidenceLimits(1, maxFileBytes), (index, file) -> {
        }, maxFileBytes + MAX_JSON_BYTES * (fields.size() + 1L));
    }

    /** Checks one file read whole; {@code index} names it in a refusal. */
    private interface FileCheck {
        void check(int index, EvidenceFile file);
    }

    private static Form parse(String contentType, InputStream body, Set<String> fields, boolean htmlForm,
                              String filePart, EvidenceLimits limits, FileCheck check, long maxRequestBytes) {
        Upload upload = new Upload();
        upload.setSizeMax(maxRequestBytes);
        upload.setFileSizeMax(Math.max(limits.maxFileBytes(), MAX_JSON_BYTES));
        upload.setHeaderCharset(StandardCharsets.UTF_8);
        try {
            return collect(upload, upload.getItemIterator(new Body(contentType, body)), fields, htmlForm, filePart, limits,
                    check);
        } catch (FileUploadSizeException e) {
            throw new RequestTooLarge(maxRequestBytes);
        } catch (FileUploadException e) {
            throw InvalidInput.of("", "malformed multipart body: " + e.getMessage());
        } catch (IOException e) {
            throw InvalidInput.of("", "the request body could not be read completely");
        }
    }

    private static Form collect(Upload upload, FileItemInputIterator items, Set<String> fields, boolean htmlForm,
                                String filePart, EvidenceLimits limits, FileCheck check) throws IOException {
        Map<String, byte[]> values = new HashMap<>();
        List<EvidenceFile> files = new ArrayList<>();
        while (items.hasNext()) {
            FileItemInput item = items.next();
            String name = item.getFieldName();
            if (name != null && fields.contains(name) && !values.containsKey(name)) {
                byte[] text = readLimited(item.getInputStream(), MAX_JSON_BYTES,
                        () -> InvalidInput.of("/" + name, "is larger than " + MAX_JSON_BYTES + " bytes"));
                values.put(name, text);
            } else if (filePart.equals(name) && !item.isFormField()) {
                EvidenceFile file = readFile(item, upload.getFileName(item.getHeaders()), files.size(), limits, check,
                        htmlForm);
                if (file != null) {
                    files.add(file);
                }
            } else {
                throw InvalidInput.of("/" + name, "is not a known part (expected " + String.join(", ", new java.util.TreeSet<>(fields))
                        + " once each and '" + filePart + "' files)");
            }
        }
        return new Form(values, files);
    }

    /**
     * Reads one evidence file sent under {@code sentName} (as sent: {@link FileItemInput#getName()} refuses a name with
     * a NUL by throwing). In an HTML form ({@code fromHtmlForm}) a file input left empty arrives as a part with no file
     * name and no bytes: that is no file, not an empty one.
     */
    private static EvidenceFile readFile(FileItemInput item, String sentName, int index, EvidenceLimits limits,
                                         FileCheck check, boolean fromHtmlForm) throws IOException {
        byte[] content = readLimited(item.getInputStream(), limits.maxFileBytes(),
                () -> new EvidenceRejected.FileTooLarge(index, limits.maxFileBytes()));
        if (fromHtmlForm && (sentName == null || sentName.isEmpty()) && content.length == 0) {
            return null;
        }
        if (index >= limits.maxFiles()) {
            throw new EvidenceRejected.TooManyFiles(index, limits.maxFiles());
        }
        EvidenceFile file = EvidenceFile.uploaded(sentName, index, EvidenceLimits.baseType(item.getContentType()), content);
        check.check(index, file);
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
