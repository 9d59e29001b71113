package io.steward.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

/**
 * An optional JSON body ({@code POST .../revocation}, {@code .../termination}): a request may come
 * without any body or Content-Type; a body that is present must be valid JSON of the type, checked
 * as strictly and with the same problem answers as a required one.
 */
@ApplicationScoped
public class OptionalJson {

    @Inject ObjectMapper mapper;
    @Inject Validator validator;

    /** The body as the type, or null when there is none. */
    public <T> T read(String body, MediaType type, Class<T> target) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            return null;
        }
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            throw new NotSupportedException();
        }
        T value = mapper.readValue(body, target);
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }
}
