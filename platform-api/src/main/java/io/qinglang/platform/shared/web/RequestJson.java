package io.qinglang.platform.shared.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.qinglang.platform.shared.domain.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads request bodies into command records strictly (unknown fields, wrong types, malformed JSON and
 * invalid UTF-8 are refused) and turns each failure into an {@link InvalidInput} naming the field by its
 * JSON pointer — the same for plain JSON bodies and for the JSON part of a multipart request.
 */
@ApplicationScoped
public class RequestJson {

    private final ObjectMapper mapper;

    @Inject
    public RequestJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw InvalidInput.of("", "request body is required");
        }
        refuseWhatIsNotUnicode(body);
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw InvalidInput.of("", "request body must be a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw InvalidInput.of(pointer(e), "is not a known field");
        } catch (InvalidFormatException e) {
            throw InvalidInput.of(pointer(e), "has the wrong type or format");
        } catch (MismatchedInputException e) {
            throw InvalidInput.of(pointer(e), "has the wrong type: expected " + expected(e));
        } catch (JsonParseException e) {
            throw InvalidInput.of("", malformed(e));
        } catch (DatabindException e) {
            if (mentionsUtf8(e)) {
                throw InvalidInput.of(pointer((JsonMappingException) e), "is not valid UTF-8");
            }
            if (e.getCause() instanceof JsonParseException parse) {
                // Jackson decodes a string value only when it binds it, so bad characters there arrive wrapped.
                throw InvalidInput.of("", malformed(parse));
            }
            throw InvalidInput.of(pointer((JsonMappingException) e), "is not acceptable");
        } catch (JsonProcessingException e) {
            throw InvalidInput.of("", "request body is not valid JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Jackson reads an overlong UTF-8 sequence as the character it spells and keeps a string's unpaired surrogate
     * escape ({@code "\ud800"}); both are refused here, naming the string they are in when it can be told.
     */
    private void refuseWhatIsNotUnicode(byte[] body) {
        int malformed = StrictText.malformedUtf8At(body);
        if (malformed >= 0) {
            throw openString(new String(body, 0, malformed, StandardCharsets.UTF_8))
                    .map(at -> InvalidInput.of(at, "is not valid UTF-8"))
                    .orElseGet(() -> InvalidInput.of("", "request body is not valid UTF-8"));
        }
        try (JsonParser parser = mapper.getFactory().createParser(new String(body, StandardCharsets.UTF_8))) {
            for (JsonToken token; (token = parser.nextToken()) != null; ) {
                if (token == JsonToken.FIELD_NAME && StrictText.unpairedSurrogateAt(parser.currentName()) >= 0) {
                    throw InvalidInput.of(parser.getParsingContext().getParent().pathAsPointer().toString(),
                            "has a field name that is not valid Unicode (an unpaired surrogate)");
                }
                if (token == JsonToken.VALUE_STRING && StrictText.unpairedSurrogateAt(parser.getText()) >= 0) {
                    throw InvalidInput.of(parser.getParsingContext().pathAsPointer().toString(),
                            "is not valid Unicode: it holds an unpaired surrogate");
                }
            }
        } catch (IOException e) {
            // not JSON: the reading proper says where
        }
    }

    /** The pointer of the string value that {@code prefix} ends inside, if it ends inside one. */
    private Optional<String> openString(String prefix) {
        try (JsonParser parser = mapper.getFactory().createParser(prefix)) {
            for (JsonToken token; (token = parser.nextToken()) != null; ) {
                if (token == JsonToken.VALUE_STRING) {
                    String at = parser.getParsingContext().pathAsPointer().toString();
                    try {
                        parser.getText();
                    } catch (IOException e) {
                        return Optional.of(at);
                    }
                }
            }
        } catch (IOException e) {
            // the prefix ends outside a string value (in a name, between tokens)
        }
        return Optional.empty();
    }

    private static boolean mentionsUtf8(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("UTF-8")) {
                return true;
            }
        }
        return false;
    }

    private static String malformed(JsonParseException e) {
        if (mentionsUtf8(e)) {
            return "request body is not valid UTF-8";
        }
        return "malformed JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static String expected(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == null) {
            return "a value";
        }
        if (target == String.class || target.isEnum()) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "a number";
        }
        return "an object";
    }

    static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            pointer.append('/');
            pointer.append(ref.getFieldName() != null
                    ? ref.getFieldName().replace("~", "~0").replace("/", "~1") : String.valueOf(ref.getIndex()));
        }
        return pointer.toString();
    }
}
