package io.steward.common;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The resource methods of the service by path template ({@code /api/v1/participants/{id}}), read
 * once from the resource classes: which methods a path supports, and which template it fills.
 */
@ApplicationScoped
public class ResourceRoutes {

    private record Route(String template, Pattern path, String method, int literals) {}

    private volatile List<Route> routes;

    /** The methods declared for this request path. */
    public Set<String> methodsFor(String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                methods.add(route.method());
            }
        }
        return methods;
    }

    /**
     * The template this path fills, whatever the method; the most literal one when several do
     * ({@code /imports/enrollments} before {@code /imports/{id}}).
     */
    public Optional<String> templateOf(String path) {
        Route best = null;
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()
                    && (best == null || route.literals() > best.literals())) {
                best = route;
            }
        }
        return Optional.ofNullable(best).map(Route::template);
    }

    private List<Route> routes() {
        List<Route> known = routes;
        if (known == null) {
            known = scan();
            routes = known;
        }
        return known;
    }

    private static List<Route> scan() {
        List<Route> found = new ArrayList<>();
        Set<Bean<?>> beans =
                Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE);
        for (Bean<?> bean : beans) {
            Path base = bean.getBeanClass().getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method method : bean.getBeanClass().getMethods()) {
                String verb = verbOf(method);
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    String template = join(base.value(), sub == null ? "" : sub.value());
                    int literals = template.replaceAll("\\{[^}]*}", "").length();
                    found.add(new Route(template, regex(template), verb, literals));
                }
            }
        }
        return List.copyOf(found);
    }

    private static String verbOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    static String join(String base, String sub) {
        String path = "/" + base + "/" + sub;
        path = path.replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/")
                ? path.substring(0, path.length() - 1)
                : path;
    }

    /** A path template as a pattern: each {@code {param}} matches one segment. */
    static Pattern regex(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("\\{[^}]*}", -1)) {
            if (!regex.isEmpty()) {
                regex.append("[^/]+");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex + "/?");
    }
}
