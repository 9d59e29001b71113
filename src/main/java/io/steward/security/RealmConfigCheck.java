package io.steward.security;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A packaged service refuses to start unless it knows which realm to trust: without a key it would
 * answer every request 401, and without an issuer it would accept tokens from any realm signed by
 * the same key.
 */
@ApplicationScoped
@IfBuildProfile("prod")
public class RealmConfigCheck {

    static final String MISSING =
            "STW-SEC-0002 no realm configured: set MP_JWT_VERIFY_PUBLICKEY_LOCATION (a JWKS URL or"
                    + " PEM/JWKS file) and MP_JWT_VERIFY_ISSUER (the realm's issuer)";

    void check(@Observes StartupEvent event) {
        Config config = ConfigProvider.getConfig();
        boolean key =
                present(config, "mp.jwt.verify.publickey.location")
                        || present(config, "mp.jwt.verify.publickey");
        if (!key || !present(config, "mp.jwt.verify.issuer")) {
            throw new IllegalStateException(MISSING);
        }
    }

    private static boolean present(Config config, String name) {
        Optional<String> value = config.getOptionalValue(name, String.class);
        return value.filter(v -> !v.isBlank()).isPresent();
    }
}
