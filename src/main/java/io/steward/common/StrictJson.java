package io.steward.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * JSON as the contract wants it: unknown and repeated properties refused, no silent coercions,
 * dates only as strict {@code YYYY-MM-DD} (an impossible date is an error, never adjusted),
 * instants only as strings in the strict UTC form in years 0001 to 9999 ({@link Instants}), and
 * text without control characters or lone surrogates ({@link Text}), and UUIDs only as strings in
 * the canonical 8-4-4-4-12 form ({@link Ids}; Jackson's own reader also takes {@code 1-1-1-1-1} and
 * 16 bytes in base64).
 *
 * <p>It runs after Quarkus' own customizers, which register the Java time module: a deserializer
 * registered later wins, and the time module's lenient ones read {@code 2014-03-02T23:59:59Z} or
 * {@code " 2014-03-02"} as a date, and an epoch number or any offset as an instant.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /**
     * A reader attribute for JSON the service wrote itself and reads back from the database: the
     * text rule is for what clients send, and must not make stored records unreadable.
     */
    public static final String STORED = "steward.stored-json";

    /** A reader for JSON the service stored itself (see {@link #STORED}). */
    public static ObjectReader stored(ObjectMapper mapper, Class<?> type) {
        return mapper.readerFor(type).withAttribute(STORED, Boolean.TRUE);
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // A number or boolean where text is expected is a type error, not text.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        SimpleModule strict = new SimpleModule("steward-strict-input");
        strict.addDeserializer(LocalDate.class, new StrictDateDeserializer());
        strict.addDeserializer(Instant.class, new StrictInstantDeserializer());
        strict.addDeserializer(String.class, new StrictTextDeserializer(false));
        strict.addDeserializer(UUID.class, new StrictUuidDeserializer());
        mapper.registerModule(strict);
    }

    /** A value refused by a rule; the message is the rule, never the value. */
    public static final class Refused extends MismatchedInputException {
        Refused(JsonParser parser, String rule, Class<?> type) {
            super(parser, rule, type);
        }

        public String rule() {
            return getOriginalMessage();
        }
    }

    /** Parses {@code YYYY-MM-DD} strictly; anything else fails with a message naming the form. */
    static final class StrictDateDeserializer extends StdScalarDeserializer<LocalDate> {
        StrictDateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context)
                throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate)
                        context.handleUnexpectedToken(
                                LocalDate.class,
                                parser.currentToken(),
                                parser,
                                "must be a date in the form YYYY-MM-DD");
            }
            String text = parser.getText();
            LocalDate date = Dates.parseOrNull(text);
            if (date == null) {
                throw context.weirdStringException(
                        "", LocalDate.class, "must be a real date in the form YYYY-MM-DD");
            }
            return date;
        }
    }

    /**
     * Reads an instant only as a JSON string in the strict form ({@link Instants}): an epoch
     * number, another offset or shape is refused with the form, a year 0000 with the range.
     */
    static final class StrictInstantDeserializer extends StdScalarDeserializer<Instant> {
        StrictInstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context)
                throws IOException {
            Instant instant =
                    parser.currentToken() == JsonToken.VALUE_STRING
                            ? Instants.parseOrNull(parser.getText())
                            : null;
            if (instant == null) {
                throw new Refused(parser, Instants.FORM, Instant.class);
            }
            if (!Instants.inRange(instant)) {
                throw new Refused(parser, Instants.RANGE, Instant.class);
            }
            return instant;
        }
    }

    /** Reads a UUID only as a JSON string in the canonical form ({@link Ids}). */
    static final class StrictUuidDeserializer extends StdScalarDeserializer<UUID> {
        StrictUuidDeserializer() {
            super(UUID.class);
        }

        @Override
        public UUID deserialize(JsonParser parser, DeserializationContext context)
                throws IOException {
            UUID id =
                    parser.currentToken() == JsonToken.VALUE_STRING
                            ? Ids.parseOrNull(parser.getText())
                            : null;
            if (id == null) {
                throw new Refused(parser, Ids.FORM, UUID.class);
            }
            return id;
        }
    }

    /**
     * Text as Jackson reads it, refused when it breaks the {@link Text} rule; a property marked
     * {@link MultiLine} may hold tabs and line breaks.
     */
    static final class StrictTextDeserializer extends StdScalarDeserializer<String>
            implements ContextualDeserializer {
        private final boolean multiLine;

        StrictTextDeserializer(boolean multiLine) {
            super(String.class);
            this.multiLine = multiLine;
        }

        @Override
        public JsonDeserializer<?> createContextual(
                DeserializationContext context, BeanProperty property) {
            boolean lines = property != null && property.getAnnotation(MultiLine.class) != null;
            return lines == multiLine ? this : new StrictTextDeserializer(lines);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context)
                throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (Boolean.TRUE.equals(context.getAttribute(STORED))) {
                return text;
            }
            String problem = Text.problem(text, multiLine);
            if (problem != null) {
                throw new Refused(parser, problem, String.class);
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }
}
