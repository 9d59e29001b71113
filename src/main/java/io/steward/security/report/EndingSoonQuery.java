package io.steward.security.report;

import io.steward.security.report.SecurityReportView.EndingSoon;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Agreements and consents whose validity ends soon, so their parties can renew or wind down in
 * time. Filled in once agreements and consents are stored.
 */
@ApplicationScoped
public class EndingSoonQuery {

    public List<EndingSoon> agreements(int withinDays) {
        return List.of();
    }

    public List<EndingSoon> consents(int withinDays) {
        return List.of();
    }
}
