package org.vigie.engine.json;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The strict Jackson set-up shared by every contract document (snapshots, campaign files, rule-set
 * manifests), and the translation of Jackson's errors into a field path and a plain message.
 */
public final class StrictJson {

    public static final JsonMapper JSON = strict(JsonMapper.builder()).build();
    public static final YAMLMapper YAML = strict(YAMLMapper.builder()).build();

    private StrictJson() {
    }

    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B strict(B builder) {
        return builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(tools.jackson.databind.cfg.EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES) // an absent flag means false
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // a number or a boolean where text is expected is a mistake too, not "7" or "true"
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                // 1.5 is not a whole number: it is not read as 1
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(new SimpleModule("strict-contract")
                        .addDeserializer(String.class, new StrictText())
                        .addDeserializer(LocalDate.class, new StrictDate())
                        .setDeserializerModifier(new ValueDeserializerModifier() {
                            @Override
                            public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                    BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                                return new StrictEnum(deserializer);
                            }
                        }));
    }

    /**
     * An enumeration value written exactly: Jackson would otherwise try the value trimmed, so that
     * {@code " F"}, or F followed by a NUL, silently read as {@code F}.
     */
    private static final class StrictEnum extends DelegatingDeserializer {
        StrictEnum(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new StrictEnum(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                String text = p.getString();
                if (!text.isEmpty() && (text.charAt(0) <= ' ' || text.charAt(text.length() - 1) <= ' ')) {
                    throw new Refused(p, "'" + ContractText.shown(text) + "' starts or ends with a space or a control character");
                }
            }
            return super.deserialize(p, ctxt);
        }
    }

    /**
     * Text without U+0000 (PostgreSQL cannot store it, and no contract value needs it) and without a
     * lone surrogate (it could only be written back as '?', so the echo would differ from the input).
     */
    private static final class StrictText extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = super.deserialize(p, ctxt);
            if (text != null) {
                String problem = ContractText.problem(text);
                if (problem != null) throw new Refused(p, problem);
            }
            return text;
        }
    }

    /**
     * A date is exactly {@code YYYY-MM-DD}, within {@link ContractDates}: no date-time (its time
     * would be dropped), no padding, no sign or year beyond four digits.
     */
    private static final class StrictDate extends StdScalarDeserializer<LocalDate> {
        StrictDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getString();
            LocalDate date = ContractDates.parse(text);
            if (date == null) {
                throw new Refused(p, "'" + ContractText.shown(text) + "' is not a valid date (YYYY-MM-DD)");
            }
            String problem = ContractDates.problem(date);
            if (problem != null) throw new Refused(p, problem);
            return date;
        }
    }

    /** A value the contract refuses; {@link #translate} gives it the path Jackson adds on the way up. */
    private static final class Refused extends DatabindException {
        Refused(JsonParser p, String problem) {
            super(p, problem);
        }
    }

    /** Reads {@code text} as a {@code type}, turning any Jackson error into an {@link InvalidInputException}. */
    public static <T> T read(ObjectMapper mapper, String text, Class<T> type) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("", "the document is empty");
        }
        try {
            T value = mapper.readValue(text, type);
            if (value == null) {
                throw new InvalidInputException("", "the document is empty or null");
            }
            return value;
        } catch (JacksonException e) {
            throw translate(e);
        }
    }

    /**
     * Decodes bytes that must be UTF-8. A byte sequence that is not (including an encoded surrogate)
     * is refused, never replaced with U+FFFD.
     */
    public static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("", "the document is not valid UTF-8");
        }
    }

    static InvalidInputException translate(JacksonException e) {
        String path = path(e.getPath());
        if (e instanceof Refused) {
            return new InvalidInputException(path, e.getOriginalMessage());
        }
        if (e instanceof StreamReadException s && s.processor() != null && !endOfInput(s)) {
            // a token the parser refuses (NaN, a raw control character, a duplicate name) is not yet
            // inside the property databind was reading: the parser knows where it stopped
            String where = path(s.processor().streamReadContext());
            if (where.length() > path.length()) path = where;
            String message = s.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate Object property")) {
                return new InvalidInputException(path, "appears twice (a typo must not silently change a recommendation)");
            }
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String field = path.isEmpty() ? ContractText.shown(u.getPropertyName()) : path;
            return new InvalidInputException(field, "unknown field (a typo must not silently change a recommendation)");
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String allowed = Arrays.stream(f.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return new InvalidInputException(path, "unknown value '" + ContractText.shown(String.valueOf(f.getValue()))
                    + "'; expected one of " + allowed);
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() == java.time.LocalDate.class) {
            return new InvalidInputException(path, "'" + f.getValue() + "' is not a valid date (YYYY-MM-DD)");
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            return new InvalidInputException(path, "malformed: unexpected content after the end of the document");
        }
        if (rootCause(e) instanceof DateTimeParseException d) {
            return new InvalidInputException(path, "'" + d.getParsedString() + "' is not a valid date (YYYY-MM-DD)");
        }
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException iae) {
            return new InvalidInputException(path, iae.getMessage());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return new InvalidInputException(path, "expected " + describe(m.getTargetType()));
        }
        String message = e.getOriginalMessage();
        if (e.getLocation() != null && e.getLocation().getColumnNr() > 0) {
            message = message + " (column " + e.getLocation().getColumnNr() + ")";
        }
        return new InvalidInputException(path, "malformed: " + message);
    }

    /** The input stops in the middle of a document: the parser's last field name is not the fault. */
    private static boolean endOfInput(StreamReadException e) {
        return e instanceof UnexpectedEndOfInputException
                || e.getOriginalMessage() != null && e.getOriginalMessage().contains("end-of-input");
    }

    private static String describe(Class<?> type) {
        if (type == java.time.LocalDate.class) return "a date (YYYY-MM-DD)";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == Double.class || type == double.class) return "a number";
        if (type == Integer.class || type == int.class) return "a whole number";
        if (type == String.class) return "a string";
        if (List.class.isAssignableFrom(type)) return "a list";
        if (type.isEnum()) return "one of " + Arrays.toString(type.getEnumConstants());
        return "an object";
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** Where the parser stands, as {@code citizen.acts[2].kind}. */
    private static String path(TokenStreamContext context) {
        List<String> segments = new ArrayList<>();
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray() && c.hasCurrentIndex()) {
                segments.add("[" + c.getCurrentIndex() + "]");
            } else if (c.inObject() && c.currentName() != null) {
                segments.add(ContractText.shown(c.currentName()));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = segments.size() - 1; i >= 0; i--) {
            String segment = segments.get(i);
            if (!sb.isEmpty() && !segment.startsWith("[")) sb.append('.');
            sb.append(segment);
        }
        return sb.toString();
    }

    /** Jackson's reference path as {@code citizen.acts[2].kind}. */
    private static String path(List<JacksonException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : refs) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                // an unknown name is the caller's text: shown short and printable
                sb.append(ContractText.shown(ref.getPropertyName()));
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
