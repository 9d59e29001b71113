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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods each resource path supports, for the {@code Allow} header of a 405 answer: the JAX-RS
 * runtime refuses the method without telling which ones it would take.
 */
@ApplicationScoped
public class AllowedMethods {

    private record Route(Pattern path, String method) {}

    private volatile List<Route> routes;

    /** The methods allowed on this request path, with HEAD and OPTIONS that the runtime adds. */
    public Set<String> forPath(String path) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                allowed.add(route.method());
            }
        }
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        if (!allowed.isEmpty()) {
            allowed.add("OPTIONS");
        }
        return allowed;
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
                    found.add(new Route(regex(template), verb));
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
