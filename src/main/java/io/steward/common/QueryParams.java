package io.steward.common;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The one rule for query parameters, for every endpoint: a parameter the resource method declares
 * is either left out or given once with a value that is not blank. {@code ?limit=5&limit=500} and
 * {@code ?limit=} (or {@code ?limit}, or only spaces) are each a 400 naming the parameter, instead
 * of the first value winning or an empty value passing for an absent one. Parameters the endpoint
 * does not declare are ignored, as before. A value with a control character ({@link Text}) is a 400
 * too: no parameter means one, and a NUL would reach SQL.
 *
 * <p>It runs after the security checks, so a caller without the right still gets 401 or 403.
 */
public class QueryParams {

    private final Map<Method, List<String>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ResourceInfo resource, UriInfo uri) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return;
        }
        List<String> names = declared.computeIfAbsent(method, QueryParams::namesOf);
        if (names.isEmpty()) {
            return;
        }

        Map<String, List<String>> given = uri.getQueryParameters();
        List<FieldError> errors = new ArrayList<>();
        for (String name : names) {
            List<String> values = given.get(name);
            if (values == null || values.isEmpty()) {
                continue;
            }
            if (values.size() > 1) {
                errors.add(FieldError.field(name, "must be given only once"));
            } else if (values.get(0) == null || values.get(0).isBlank()) {
                errors.add(FieldError.field(name, "must not be blank"));
            } else if (Text.problem(values.get(0)) != null) {
                errors.add(FieldError.field(name, Text.problem(values.get(0))));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    /** The query parameters a resource method declares, in name order. */
    static List<String> namesOf(Method method) {
        List<String> names = new ArrayList<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam param) {
                    names.add(param.value());
                }
            }
        }
        names.sort(null);
        return List.copyOf(names);
    }
}
