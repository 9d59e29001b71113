package io.steward.outcomes;

import io.steward.common.ApiException;
import io.steward.common.FieldError;
import java.util.ArrayList;
import java.util.List;

/** A validated outcomes request: metric, grouping, school year and optional provider. */
public record OutcomeQuery(
        Metric metric, List<Dimension> groupBy, SchoolYear year, String providerCode) {

    /** Parses the path and query parameters, answering 400 naming each bad one. */
    public static OutcomeQuery parse(
            String metric, String groupBy, String schoolYear, String providerCode) {
        List<FieldError> errors = new ArrayList<>();
        Metric parsedMetric = Metric.ofPath(metric).orElse(null);
        if (parsedMetric == null) {
            errors.add(
                    FieldError.field(
                            "metric",
                            "must be participation, school-attendance or"
                                    + " assessment-proficiency"));
        }
        List<Dimension> dimensions = groupBy(groupBy, errors);
        String provider = providerCode == null ? null : providerCode.trim();
        if (errors.isEmpty() && provider != null) {
            int mask = Dimension.mask(dimensions) | Dimension.PROVIDER.bit();
            if (!Dimension.publishedMasks().contains(mask)) {
                errors.add(
                        FieldError.field(
                                "groupBy",
                                "with providerCode, may add at most one dimension to provider"
                                        + " or program"));
            }
        }
        SchoolYear year;
        try {
            year = SchoolYear.param("schoolYear", schoolYear);
        } catch (ApiException e) {
            errors.addAll(e.errors());
            year = null;
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new OutcomeQuery(parsedMetric, dimensions, year, provider);
    }

    private static List<Dimension> groupBy(String text, List<FieldError> errors) {
        List<Dimension> dimensions = new ArrayList<>();
        if (text == null || text.isBlank()) {
            errors.add(FieldError.field("groupBy", "is required: one or two dimensions"));
            return dimensions;
        }
        for (String part : text.split(",", -1)) {
            Dimension dimension = Dimension.ofParam(part.trim()).orElse(null);
            if (dimension == null) {
                errors.add(
                        FieldError.field(
                                "groupBy",
                                "each must be provider, program, gradeLevel, schoolCode or"
                                        + " dosageBand"));
                return dimensions;
            }
            if (dimensions.contains(dimension)) {
                errors.add(FieldError.field("groupBy", "must not repeat a dimension"));
                return dimensions;
            }
            dimensions.add(dimension);
        }
        if (dimensions.size() > Dimension.MAX_GROUP_BY) {
            errors.add(FieldError.field("groupBy", "must name at most two dimensions"));
        }
        return dimensions;
    }

    /** The query as the audit log records it: parameters only, never values. */
    public String resource() {
        StringBuilder text =
                new StringBuilder("outcomes/").append(metric.path()).append("?groupBy=");
        for (int i = 0; i < groupBy.size(); i++) {
            text.append(i == 0 ? "" : ",").append(groupBy.get(i).param());
        }
        if (year.label() != null) {
            text.append("&schoolYear=").append(year.label());
        }
        if (providerCode != null) {
            text.append("&providerCode=").append(providerCode);
        }
        return text.toString();
    }
}
