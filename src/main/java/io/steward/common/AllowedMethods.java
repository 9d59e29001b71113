package io.steward.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * The methods each resource path supports, for the {@code Allow} header of a 405 answer: the JAX-RS
 * runtime refuses the method without telling which ones it would take.
 */
@ApplicationScoped
public class AllowedMethods {

    @Inject ResourceRoutes routes;

    /** The methods allowed on this request path, with HEAD and OPTIONS that the runtime adds. */
    public Set<String> forPath(String path) {
        Set<String> allowed = routes.methodsFor(path);
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        if (!allowed.isEmpty()) {
            allowed.add("OPTIONS");
        }
        return allowed;
    }
}
