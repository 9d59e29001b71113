package io.steward.common;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;

/**
 * Reads every {@code UUID} parameter of a resource method with {@link Ids#parse}: only the
 * canonical form names a resource, anything else is the 404 an unknown id gets. Only path
 * parameters are declared as {@code UUID}; a query parameter that carries one is a {@code String}
 * read with {@link Ids#param}, so that a bad value is a 400 naming it.
 */
@Provider
public class UuidParams implements ParamConverterProvider {

    private static final ParamConverter<UUID> STRICT =
            new ParamConverter<>() {
                @Override
                public UUID fromString(String value) {
                    return value == null ? null : Ids.parse(value);
                }

                @Override
                public String toString(UUID value) {
                    return value == null ? null : value.toString();
                }
            };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(
            Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == UUID.class ? (ParamConverter<T>) STRICT : null;
    }
}
