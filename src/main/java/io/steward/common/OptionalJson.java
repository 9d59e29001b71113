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
 * without any body or Content-Type, or with an empty one (Content-Length 0); a body of even one
 * byte must be a JSON object of the type, checked as strictly and with the same problem answers as
 * a required one. Whitespace alone or the JSON {@code null} is no object: 400. Operations that take
 * no body at all use {@link NoBody}.
 */
@ApplicationScoped
public class OptionalJson {

    @Inject ObjectMapper mapper;
    @Inject Validator validator;

    /** The body as the type, or null when there is none. */
    public <T> T read(String body, MediaType type, Class<T> target) throws JsonProcessingException {
        if (body == null || body.isEmpty()) {
            return null;
        }
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            throw new NotSupportedException();
        }
        T value = mapper.readValue(body, target);
        if (value == null) {
            throw ApiException.invalid("body", "must be a JSON object");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }
}
