package io.steward.schooldata.read;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.steward.schooldata.DataCategory;
import java.math.BigDecimal;
import java.util.UUID;

/** One academic record as disclosed: its category, year, source and the category's fields. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AcademicRecordView(
        UUID id,
        DataCategory category,
        String schoolYear,
        UUID agreementId,
        String sourceDistrictCode,
        BigDecimal daysEnrolled,
        BigDecimal daysAbsent,
        String course,
        String mark,
        String subject,
        BigDecimal scaleScore,
        Boolean proficient) {}
