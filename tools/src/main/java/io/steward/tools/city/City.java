package io.steward.tools.city;

import java.util.List;

/**
 * Everything a loader puts into Steward, in the order it must go: organizations, programs, youth
 * and their enrollments, program attendance, agreements and the school records under them,
 * consents, and the youth linked to the demo guardian login.
 */
public record City(
        List<Org> organizations,
        List<Program> programs,
        List<Youth> youth,
        List<Enrollment> enrollments,
        List<Attendance> attendance,
        List<Agreement> agreements,
        List<SchoolRecord> schoolRecords,
        List<Consent> consents,
        List<String> demoGuardianYouth) {}
